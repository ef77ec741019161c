"""One epoch of training and one pass of prediction (torchvision references/classification style).

AMP (float16 with a gradient scaler) and channels-last are used only on CUDA; on the CPU the same code
runs in float32 with the default memory format.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader
from tqdm import tqdm

from .freezing import keep_frozen_batchnorm_in_eval
from .losses import partial_label_loss
from .mixing import mix_batch


@dataclass
class EpochStats:
    loss: float
    images: int
    seconds: float

    @property
    def images_per_second(self) -> float:
        return self.images / self.seconds if self.seconds > 0 else 0.0


def use_cuda_extras(device: torch.device) -> bool:
    return device.type == "cuda"


def train_one_epoch(
    model: nn.Module,
    loader: DataLoader,
    optimizer: torch.optim.Optimizer,
    device: torch.device,
    *,
    class_weights: torch.Tensor | None = None,
    label_smoothing: float = 0.0,
    scaler: torch.amp.GradScaler | None = None,
    progress: bool = False,
    desc: str = "train",
    batchnorm_eval: bool = False,
    mixup_alpha: float = 0.0,
    cutmix_alpha: float = 0.0,
) -> EpochStats:
    """Train for one pass over ``loader`` (batches of (images, allowed-class masks)); mean loss per image.
    ``mixup_alpha``/``cutmix_alpha`` > 0 mix each batch with a shuffled copy (training/mixing.py)."""
    model.train()
    keep_frozen_batchnorm_in_eval(model, all_layers=batchnorm_eval)
    cuda = use_cuda_extras(device)
    total, count = 0.0, 0
    start = time.perf_counter()
    for images, allowed in tqdm(loader, desc=desc, disable=not progress, leave=False, unit="batch"):
        images = images.to(device, non_blocking=True)
        if cuda:
            images = images.contiguous(memory_format=torch.channels_last)
        allowed = allowed.to(device, non_blocking=True)
        mixed = mix_batch(images, mixup_alpha, cutmix_alpha)
        with torch.autocast(device.type, dtype=torch.float16, enabled=cuda):
            logits = model(images if mixed is None else mixed.images)
        loss = partial_label_loss(
            logits, allowed, class_weights=class_weights, label_smoothing=label_smoothing
        )
        if mixed is not None:
            partner = partial_label_loss(
                logits, allowed[mixed.perm], class_weights=class_weights, label_smoothing=label_smoothing
            )
            loss = mixed.lam * loss + (1 - mixed.lam) * partner
        optimizer.zero_grad(set_to_none=True)
        if scaler is not None and cuda:
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        else:
            loss.backward()
            optimizer.step()
        total += float(loss.detach()) * len(images)
        count += len(images)
    return EpochStats(total / max(1, count), count, time.perf_counter() - start)


@torch.inference_mode()
def predict_logits(model: nn.Module, loader: DataLoader, device: torch.device) -> np.ndarray:
    """(N, C) float32 logits for every batch of ``loader``, in order, in eval mode."""
    model.eval()
    cuda = use_cuda_extras(device)
    out = []
    for images, _ in loader:
        images = images.to(device, non_blocking=True)
        if cuda:
            images = images.contiguous(memory_format=torch.channels_last)
        with torch.autocast(device.type, dtype=torch.float16, enabled=cuda):
            out.append(model(images).float().cpu())
    return torch.cat(out).numpy() if out else np.zeros((0, 0), dtype=np.float32)
