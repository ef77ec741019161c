"""Mixup (Zhang et al., ICLR 2018) and CutMix (Yun et al., ICCV 2019) on a training batch.

Each batch is mixed with a shuffled copy of itself: mixup blends whole pictures with weight ``lam`` drawn
from Beta(alpha, alpha); CutMix pastes a box of the shuffled picture whose area is ``1 - lam``. The loss is
mixed the same way, ``lam * loss(targets) + (1 - lam) * loss(shuffled targets)``, which keeps the
partial-label and outlier-exposure terms of training/losses.py exactly as they are for each side. With both
on, each batch uses one of the two (even odds), as timm does. The draws use torch's global generator, which
fit seeds per epoch, so a resumed run repeats them.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class MixedBatch:
    images: torch.Tensor
    perm: torch.Tensor  # the shuffled partner of each image
    lam: float  # the share of each picture that is its own (for CutMix: the exact pasted-box area)


def _beta(alpha: float) -> float:
    return float(torch.distributions.Beta(alpha, alpha).sample())


def mix_batch(images: torch.Tensor, mixup_alpha: float = 0.0, cutmix_alpha: float = 0.0) -> MixedBatch | None:
    """Mix ``images`` (N, C, H, W); ``None`` when both alphas are 0 or the batch has a single image."""
    if (mixup_alpha <= 0 and cutmix_alpha <= 0) or len(images) < 2:
        return None
    perm = torch.randperm(len(images), device=images.device)
    use_cutmix = cutmix_alpha > 0 and (mixup_alpha <= 0 or bool(torch.rand(()) < 0.5))
    if not use_cutmix:
        lam = _beta(mixup_alpha)
        return MixedBatch(lam * images + (1 - lam) * images[perm], perm, lam)
    h, w = images.shape[-2:]
    cut = (1 - _beta(cutmix_alpha)) ** 0.5
    ch, cw = int(h * cut), int(w * cut)
    cy, cx = int(torch.randint(h, ())), int(torch.randint(w, ()))
    y0, y1 = max(cy - ch // 2, 0), min(cy + ch // 2, h)
    x0, x1 = max(cx - cw // 2, 0), min(cx + cw // 2, w)
    mixed = images.clone()
    mixed[..., y0:y1, x0:x1] = images[perm, :, y0:y1, x0:x1]
    # The box is clipped at the picture's edge: the loss weights follow the area really pasted.
    lam = 1 - (y1 - y0) * (x1 - x0) / (h * w)
    return MixedBatch(mixed, perm, lam)
