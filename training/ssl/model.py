"""SimCLR from lightly's parts: registry backbone + projection head + two-view transform.

The projection head's input size is the backbone's feature size from the registry, never a constant
(the paper's script hard-coded 512 in front of ResNeXt's 2048 features and fails).
"""

from __future__ import annotations

import torch
from lightly.models.modules import SimCLRProjectionHead
from lightly.transforms import SimCLRTransform
from torch import nn

from models.registry import build_backbone, get_spec

MAX_HIDDEN = 2048  # caps the projection MLP for very wide backbones (VGG's 4096)


def projection_head_for(arch: str, output_dim: int = 128) -> SimCLRProjectionHead:
    dim = get_spec(arch).feature_dim
    return SimCLRProjectionHead(input_dim=dim, hidden_dim=min(dim, MAX_HIDDEN), output_dim=output_dim)


class SimCLRNet(nn.Module):
    """backbone (features) -> projection head (embedding the NT-Xent loss compares)."""

    def __init__(self, arch: str, init: str = "random", output_dim: int = 128):
        super().__init__()
        self.arch = arch
        self.backbone = build_backbone(arch, init)
        self.projection_head = projection_head_for(arch, output_dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.projection_head(self.backbone(x).flatten(start_dim=1))


def simclr_transform(
    arch: str, input_size: int, min_scale: float = 0.08, cj_strength: float = 1.0, blur: float = 0.5
) -> SimCLRTransform:
    """Random resized crop, flip, colour jitter, greyscale, blur; normalised with the backbone's mean/std."""
    spec = get_spec(arch)
    return SimCLRTransform(
        input_size=input_size,
        min_scale=min_scale,
        cj_strength=cj_strength,
        gaussian_blur=blur,
        normalize={"mean": list(spec.mean), "std": list(spec.std)},
    )
