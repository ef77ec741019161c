"""Small pieces shared by fine-tuning (training/fit.py) and SimCLR pre-training (training/ssl/trainer.py),
in the manner of torchvision's ``references/classification/utils.py``: the torchrun environment and its
process group, the device each process trains on, the optimizer, and checkpoints saved whole or not at all.

The commit a run records is ``training.export.git_commit`` (one home); atomic writes are
``models.fsutil.atomic_path``'s.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

from models.fsutil import atomic_path

AUTO_DEVICES = (None, "", "auto")


@dataclass(frozen=True)
class DistInfo:
    """Where this process stands under ``torchrun`` (WORLD_SIZE, RANK, LOCAL_RANK); one process: 1, 0, 0."""

    world_size: int = 1
    rank: int = 0
    local_rank: int = 0

    @property
    def distributed(self) -> bool:
        return self.world_size > 1

    @property
    def main(self) -> bool:
        """Rank 0: the process that evaluates, logs and writes."""
        return self.rank == 0


def dist_info() -> DistInfo:
    """This process's place in a ``torchrun`` launch, read from the environment torchrun sets."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world <= 1:
        return DistInfo()
    return DistInfo(world, int(os.environ.get("RANK", "0")), int(os.environ.get("LOCAL_RANK", "0")))


def device_problem(choice: str | None) -> str | None:
    """Why the device ``choice`` (auto/None, cpu, cuda, cuda:N) cannot be used on this machine, or None."""
    if choice in AUTO_DEVICES:
        return None
    try:
        device = torch.device(choice)
    except (RuntimeError, ValueError) as exc:
        return f"unknown device {choice!r} ({exc}); use cpu, cuda or cuda:N"
    if device.type == "cuda" and not torch.cuda.is_available():
        return f"device {choice!r}: CUDA is not available on this machine; use cpu"
    return None


def pick_device(choice: str | None, dist: DistInfo) -> torch.device:
    """The device to train on: auto (None) is CUDA when available, else the CPU. Under torchrun every
    process takes its own GPU (LOCAL_RANK), which becomes the current CUDA device."""
    if choice in AUTO_DEVICES:
        device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    else:
        device = torch.device(choice)
    if device.type == "cuda" and dist.distributed:
        device = torch.device("cuda", dist.local_rank)
        torch.cuda.set_device(device)
    return device


def init_distributed(dist: DistInfo, device: torch.device) -> None:
    """Join torchrun's process group (NCCL for CUDA, Gloo for the CPU); nothing for one process."""
    if dist.distributed and not torch.distributed.is_initialized():
        torch.distributed.init_process_group("nccl" if device.type == "cuda" else "gloo")


def teardown_distributed() -> None:
    """Leave the process group, if one was joined (a command's last step, as in torchvision's references)."""
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        torch.distributed.destroy_process_group()


def barrier(dist: DistInfo) -> None:
    """Wait for every process (rank 0 has written something the others read); nothing for one process."""
    if dist.distributed:
        torch.distributed.barrier()


def broadcast_from_main(value: Any, dist: DistInfo) -> Any:
    """Rank 0's ``value`` in every process (a decision only rank 0 can make, such as stopping early)."""
    if not dist.distributed:
        return value
    box = [value]
    torch.distributed.broadcast_object_list(box, src=0)
    return box[0]


def wrap_ddp(model: nn.Module, dist: DistInfo, device: torch.device) -> nn.Module:
    """The module to train: ``model`` itself, or under torchrun its DistributedDataParallel wrapper."""
    if not dist.distributed:
        return model
    return nn.parallel.DistributedDataParallel(
        model, device_ids=[device.index] if device.type == "cuda" else None
    )


def make_optimizer(
    name: str, params, *, lr: float, momentum: float = 0.9, weight_decay: float = 0.0
) -> torch.optim.Optimizer:
    """SGD with momentum, LARS (lightly's, for large-batch SimCLR) or AdamW; the caller validates ``name``."""
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=momentum, weight_decay=weight_decay)
    if name == "adamw":
        return torch.optim.AdamW(params, lr=lr, weight_decay=weight_decay)
    if name == "lars":
        from lightly.utils.lars import LARS

        return LARS(params, lr=lr, momentum=momentum, weight_decay=weight_decay)
    raise ValueError(f"unknown optimizer {name!r}; use sgd, adamw or lars")


def save_checkpoint(obj: Any, path: str | Path) -> None:
    """``torch.save`` to ``path`` atomically: an interrupted save leaves the previous checkpoint intact."""
    with atomic_path(path) as tmp:
        torch.save(obj, tmp)
