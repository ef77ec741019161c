"""The paper's online augmentation, with torchvision v2 transforms, for training data only.

Gaussian noise, crop-and-resize, affine, cutout, horizontal and vertical flips, gamma contrast and Gaussian
blur, applied in random order, each with its own probability. Input and output: CHW uint8 tensors at the
training size, so evaluation and training share ``Preprocessor.normalize`` afterwards.
"""

from __future__ import annotations

import torch
from torch import nn
from torchvision.transforms import v2
from torchvision.transforms.v2 import functional as F


class RandomGamma(nn.Module):
    """Gamma contrast with gamma drawn uniformly from ``gamma_range`` (imgaug's GammaContrast)."""

    def __init__(self, gamma_range: tuple[float, float] = (0.7, 1.5)):
        super().__init__()
        self.gamma_range = gamma_range

    def forward(self, img: torch.Tensor) -> torch.Tensor:
        lo, hi = self.gamma_range
        gamma = float(torch.empty(1).uniform_(lo, hi))
        return F.adjust_gamma(img, gamma)


def paper_augmentation(size: int, p: float = 0.5, colour_jitter: float = 0.0) -> v2.Transform:
    """The paper's set in random order; ``p`` is each operation's probability (flips use 0.5 always).

    ``colour_jitter`` > 0 adds one more operation (probability ``p``): brightness, contrast and saturation
    within +-0.4 x strength, hue within +-0.05 x strength, for skin tones and lighting the training
    photographs lack (issue 14). At 0 the set and its random draws are exactly the paper's."""
    if not 0.0 <= colour_jitter <= 1.0:
        raise ValueError(f"colour_jitter must be in [0, 1], got {colour_jitter}")
    ops = [
        v2.RandomApply([v2.GaussianNoise(sigma=0.03)], p=p),
        v2.RandomApply([v2.RandomResizedCrop(size, scale=(0.6, 1.0), antialias=True)], p=p),
        v2.RandomApply([v2.RandomAffine(degrees=20, translate=(0.08, 0.08), scale=(0.9, 1.1), shear=8)], p=p),
        v2.RandomErasing(p=p, scale=(0.02, 0.12), value=0),  # cutout
        v2.RandomHorizontalFlip(0.5),
        v2.RandomVerticalFlip(0.5),
        v2.RandomApply([RandomGamma()], p=p),
        v2.RandomApply([v2.GaussianBlur(kernel_size=5, sigma=(0.1, 1.5))], p=p),
    ]
    if colour_jitter > 0:
        c = 0.4 * colour_jitter
        ops.append(
            v2.RandomApply(
                [v2.ColorJitter(brightness=c, contrast=c, saturation=c, hue=0.05 * colour_jitter)], p=p
            )
        )
    return v2.Compose(
        [
            v2.ToDtype(torch.float32, scale=True),
            v2.RandomOrder(ops),
            v2.ToDtype(torch.uint8, scale=True),
        ]
    )
