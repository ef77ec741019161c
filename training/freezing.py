"""Freezing the lower part of a network, for fine-tuning (and SimCLR) on a CPU-sized budget.

Frozen layers keep their batch-norm running statistics too: a frozen layer whose statistics drift to new
data (or to another image size) no longer computes what the layers above it learnt from.
"""

from __future__ import annotations

from torch import nn

from models.errors import MpoxError


class FreezeError(MpoxError):
    pass


def freeze_below(model: nn.Module, prefix: str) -> int:
    """Freeze the parameters registered before the first named ``prefix...``; return how many."""
    names = [n for n, _ in model.named_parameters()]
    first = next((i for i, n in enumerate(names) if n.startswith(prefix)), None)
    if first is None:
        raise FreezeError(
            f"--freeze-below {prefix!r} names no parameter of this model; choose a module name such as "
            f"{names[len(names) // 2].rsplit('.', 1)[0]!r}"
        )
    frozen = 0
    for name, param in model.named_parameters():
        if name.startswith(prefix):
            break
        param.requires_grad_(False)
        frozen += param.numel()
    return frozen


def keep_frozen_batchnorm_in_eval(model: nn.Module, all_layers: bool = False) -> None:
    """Call after ``model.train()``: batch-norm layers whose parameters are all frozen stay in eval mode;
    with ``all_layers`` every batch-norm layer does (it normalises with its running statistics, so the
    features a linear-probe head was fitted on do not change when training starts; small batches too)."""
    for module in model.modules():
        if isinstance(module, nn.modules.batchnorm._BatchNorm):
            params = list(module.parameters())
            if all_layers or (params and not any(p.requires_grad for p in params)):
                module.eval()
