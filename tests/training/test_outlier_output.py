"""Outlier exposure to an extra, training-only output (FitConfig.outlier_output; issue 13)."""

from __future__ import annotations

import pytest
import torch
from safetensors.torch import save_file

from models.bundle import load_bundle
from models.imageio import decode_image
from models.predictor import Predictor
from models.registry import build_model, get_spec
from models.taxonomy import CLASSES
from training.cli import main
from training.dataset_manifest import ManifestError, read_dataset_manifest
from training.export import load_checkpoint, model_from_checkpoint
from training.fit import FitConfig, FitConfigError, fit, load_head


def _open_manifest(tmp_path):
    from tests.test_open_set import _synthetic_data

    return _synthetic_data(tmp_path / "open")[1]


def test_the_outlier_output_is_trained_and_dropped_from_the_bundle(tiny_dataset, tmp_path):
    from tests.training.test_fit import tiny_config

    open_manifest = _open_manifest(tmp_path)
    config = tiny_config(
        tiny_dataset, tmp_path / "run", epochs=8, open_set=open_manifest, outlier_output=True
    )
    result = fit(config)
    n = len(CLASSES)
    best = torch.load(tmp_path / "run" / "best.pt", weights_only=True)["model"]
    head = get_spec("tiny_cnn").head
    assert best[f"{head}.weight"].shape[0] == n + 1  # trained with the extra output

    bundle = load_bundle(result.bundle_dir)
    assert bundle.manifest["classes"] == list(CLASSES)
    exported = load_checkpoint(tmp_path / "run" / "best.pt")
    served = model_from_checkpoint(exported)  # `mpox-train export` path: the extra row is dropped too
    assert served.get_submodule(head).out_features == n
    torch.testing.assert_close(served.get_submodule(head).weight, best[f"{head}.weight"][:n])
    # Only a run that recorded the outlier output may have the extra row: any other row count is refused.
    unrecorded = dict(exported, config=dict(exported["config"], outlier_output=False))
    with pytest.raises(ManifestError, match=f"{n + 1} outputs for {n} classes"):
        model_from_checkpoint(unrecorded)

    # The extra output learned what it was for: open-set training images score higher on it than known ones.
    full = build_model("tiny_cnn", n + 1, init="random")
    full.load_state_dict(best)
    full.eval()
    from models.preprocessing import Preprocessor

    spec = get_spec("tiny_cnn")
    pre = Preprocessor(32, spec.mean, spec.std)

    def outlier_share(paths):
        batch = torch.stack([torch.as_tensor(pre(decode_image(p))).reshape(3, 32, 32) for p in paths])
        with torch.no_grad():
            return torch.softmax(full(batch), dim=1)[:, n].mean().item()

    from training.open_set import load_open_split, select_open

    split = load_open_split(tmp_path / "run" / "open_split.json", open_manifest)
    opened = [r.path for r in select_open(read_dataset_manifest(open_manifest), split, "train")]
    known = [r.path for r in read_dataset_manifest(tiny_dataset)][:40]
    assert outlier_share(opened) > outlier_share(known) + 0.1

    preds = Predictor(bundle, device="cpu", backend="eager").predict([decode_image(known[0])])
    assert preds[0].probabilities.shape == (n,)


def test_a_probe_head_starts_the_class_rows_and_the_extra_row_at_zero(tmp_path):
    n = len(CLASSES)
    spec = get_spec("tiny_cnn")
    probe = {"weight": torch.randn(n, spec.feature_dim), "bias": torch.randn(n)}
    save_file(probe, str(tmp_path / "head.safetensors"))
    model = build_model("tiny_cnn", n + 1, init="random")
    load_head(model, "tiny_cnn", tmp_path / "head.safetensors", extra_outputs=1)
    head = model.get_submodule(spec.head)
    torch.testing.assert_close(head.weight[:n], probe["weight"])
    torch.testing.assert_close(head.bias[:n], probe["bias"])
    assert not head.weight[n].any() and head.bias[n] == 0


def test_the_outlier_output_needs_open_set_images(tiny_dataset, tmp_path):
    from tests.training.test_fit import tiny_config

    with pytest.raises(FitConfigError, match="outlier_output needs open_set"):
        fit(tiny_config(tiny_dataset, tmp_path / "run", outlier_output=True))
    assert not (tmp_path / "run" / "last.pt").exists()
    assert main(["fit", "--data", str(tiny_dataset), "--out", str(tmp_path / "cli"), "--outlier-output"]) != 0
    assert (
        FitConfig(manifest="m", out_dir="o", outlier_output=True, open_set="x").n_outputs == len(CLASSES) + 1
    )
