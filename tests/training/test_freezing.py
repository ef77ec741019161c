"""Frozen lower layers stay exactly as initialised during SimCLR, batch-norm statistics included."""

import torch
from safetensors.torch import load_file

from models.registry import build_backbone
from training.ssl.trainer import PretrainConfig, pretrain

from .conftest import write_image


def test_simclr_with_freeze_below_keeps_the_lower_layers(tmp_path):
    for i in range(16):
        write_image(tmp_path / "imgs" / f"u{i}.jpg", (150, 100, 90), 7000 + i)
    torch.manual_seed(0)
    start = build_backbone("tiny_cnn").state_dict()
    result = pretrain(
        PretrainConfig(
            arch="tiny_cnn",
            data=str(tmp_path / "imgs"),
            out=str(tmp_path / "ssl"),
            epochs=1,
            batch_size=8,
            input_size=32,
            seed=0,
            progress=False,
            freeze_below="features.6",
        )
    )
    trained = load_file(result.backbone_path)
    for key in (
        "features.0.weight",
        "features.1.weight",
        "features.1.running_mean",
        "features.4.running_var",
    ):
        assert torch.equal(trained[key], start[key]), key
    assert not torch.equal(trained["features.6.weight"], start["features.6.weight"])


def test_fit_with_batchnorm_eval_keeps_running_statistics(tiny_dataset, tmp_path):
    from training.fit import FitConfig, build_initial_model, fit

    torch.manual_seed(0)
    start, _ = build_initial_model("tiny_cnn", 8, "random")
    result = fit(
        FitConfig(
            manifest=tiny_dataset,
            out_dir=tmp_path / "run",
            arch="tiny_cnn",
            input_size=32,
            epochs=1,
            batch_size=8,
            batchnorm_eval=True,
            cache_dir=tmp_path / "cache",
            progress=False,
            seed=0,
        )
    )
    trained = torch.load(result.out_dir / "last.pt", weights_only=True)["model"]
    before = start.state_dict()
    assert torch.equal(trained["features.4.running_mean"], before["features.4.running_mean"])
    assert not torch.equal(trained["features.3.weight"], before["features.3.weight"])  # still trained
