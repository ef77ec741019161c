"""The torch-free serving path (models/serving.py): a bundle's checked ONNX graph answers as PyTorch does,
its heatmaps are the gradient Grad-CAM's, the station uses it without importing torch, and a graph that is
damaged, foreign or malformed is refused, never served."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from models.bundle import load_bundle
from models.errors import BundleError
from models.explainer import Explainer
from models.manifest import BundleIntegrityError, open_verified
from models.predictor import Predictor
from models.serving import CAM_HEAD_NAME, ONNX_NAME, SERVING_KEY, ServingPredictor, ServingUnavailable
from tests.conftest import pin_at_stations
from training.onnx_export import add_serving_graph

from .conftest import skin_texture

pytest.importorskip("onnxruntime")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def served(make_tiny_bundle):
    """A pinned tiny bundle with its serving graph."""
    path = make_tiny_bundle(seed=3, name="served", input_size=48)
    add_serving_graph(path)
    pin_at_stations(path)
    return path


def _images(n=3):
    rng = np.random.default_rng(1)
    return [rng.integers(0, 256, (90 + 7 * i, 120, 3), dtype=np.uint8) for i in range(n)]


def test_graph_answers_as_pytorch_and_heatmaps_equal_gradient_cam(served):
    manifest = json.loads((served / "manifest.json").read_text())
    block = manifest[SERVING_KEY]
    assert manifest["files"][ONNX_NAME] and manifest["files"][CAM_HEAD_NAME]  # hashed like every file
    assert block["max_logit_difference_to_eager"] < 1e-4
    serving = ServingPredictor(open_verified(served)[0])
    bundle = load_bundle(served)
    eager = Predictor(bundle, backend="eager")
    assert serving.backend == "onnxruntime" and serving.device_type == "cpu"
    images = _images()
    for a, b in zip(serving.predict(images), eager.predict(images), strict=True):
        np.testing.assert_allclose(a.probabilities, b.probabilities, atol=1e-5)
    gradient = Explainer(bundle, backend="eager")  # torchcam's backward pass
    for class_index in (0, 4):
        _, feats = serving.predict_with_features(images[0])
        fast = serving.explainer.heatmap_from_features(images[0].shape[:2], feats, class_index)
        np.testing.assert_allclose(fast, gradient.explain(images[0], class_index).heatmap, atol=2e-4)
    assert serving.explainer.explain(images[1]).overlay.shape == images[1].shape


def test_conditioning_steps_run_the_same_in_the_graph_the_eager_model_and_mpox_screen(make_tiny_bundle):
    """A bundle that masks source marks and balances colour (issue 31) screens the same numbers on the
    station's ONNX path and the PyTorch path, and differently from the same weights without the steps: the
    steps are applied, once, by the bundle's preprocessor wherever it is used."""
    path = make_tiny_bundle(
        seed=3, name="conditioned", input_size=48, preprocessing=("mask_marks", "shades_of_grey")
    )
    add_serving_graph(path)
    pin_at_stations(path)
    plain = make_tiny_bundle(seed=3, name="plain", input_size=48)
    serving = ServingPredictor(open_verified(path)[0])
    assert serving.preprocess.steps == ("mask_marks", "shades_of_grey")
    images = _images()
    eager = Predictor(load_bundle(path), backend="eager").predict(images)
    without = Predictor(load_bundle(plain), backend="eager").predict(images)
    for a, b, c in zip(serving.predict(images), eager, without, strict=True):
        np.testing.assert_allclose(a.probabilities, b.probabilities, atol=1e-5)
        assert not np.allclose(b.probabilities, c.probabilities, atol=1e-4)


def test_station_serves_the_graph_without_importing_torch(served, kiosk_config, tmp_path):
    """In a fresh interpreter, as the station starts: import the window, the review window and the case log,
    verify the pinned bundle, screen a frame, make the heatmap; torch is never imported."""
    script = f"""
import sys
from dataclasses import replace
import kiosk.app, kiosk.caselog, kiosk.ui.referral, kiosk.ui.review, kiosk.ui.screening_window
import numpy as np
from kiosk.config import ModelConfig, StorageConfig, parse_config
from kiosk.inference import ScreeningEngine
config = replace(parse_config({{}}), model=ModelConfig(bundle={str(served)!r}),
                 storage=StorageConfig(data_dir={str(tmp_path / "data")!r}))
engine = ScreeningEngine.from_config(config)
frame = np.full((120, 160, 3), (205, 150, 125), np.uint8)
frame += np.random.default_rng(0).integers(0, 20, frame.shape, dtype=np.uint8)
result = engine.screen(frame)
assert result.verdict is not None and result.heatmap is not None, result
assert result.heatmap.shape == frame.shape[:2]
print(engine.device_label, "|", engine.bundle.trust, "|", "torch" in sys.modules)
"""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    label, trust, torch_loaded = out.stdout.strip().split(" | ")
    assert label == "CPU · ONNX" and trust.startswith("pinned")
    assert torch_loaded == "False"


def test_station_engine_picks_the_graph_and_agrees_with_the_pytorch_engine(served, kiosk_config):
    from kiosk.config import ModelConfig
    from kiosk.inference import ScreeningEngine

    onnx = ScreeningEngine.from_config(replace(kiosk_config, model=ModelConfig(bundle=str(served))))
    eager = ScreeningEngine.from_config(
        replace(kiosk_config, model=ModelConfig(bundle=str(served), backend="eager"))
    )
    assert isinstance(onnx.predictor, ServingPredictor) and onnx.backend_note == ""
    assert not hasattr(onnx.bundle, "model") and eager.predictor.backend == "eager"
    assert onnx.bundle.sha256 == eager.bundle.sha256
    frame = np.full((120, 160, 3), (200, 140, 120), np.uint8)
    frame[40:80, 60:100] = (150, 60, 60)
    a, b = onnx.screen(frame), eager.screen(frame)
    assert (a.decision, a.reason_code) == (b.decision, b.reason_code)
    for cls, p in a.probabilities.items():
        assert p == pytest.approx(b.probabilities[cls], abs=1e-5)
    if a.heatmap is not None:
        np.testing.assert_allclose(a.heatmap, b.heatmap, atol=2e-4)


def _rehash(path: Path, name: str) -> None:
    """What an attacker who can also re-pin would do: make the manifest list the edited file's hash."""
    from models.manifest import sha256_file

    manifest = json.loads((path / "manifest.json").read_text())
    manifest["files"][name] = sha256_file(path / name)
    (path / "manifest.json").write_text(json.dumps(manifest, indent=2))
    pin_at_stations(path)


def test_a_damaged_graph_is_refused(served):
    data = bytearray((served / ONNX_NAME).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (served / ONNX_NAME).write_bytes(bytes(data))
    with pytest.raises(BundleIntegrityError, match="SHA-256 mismatch"):
        open_verified(served)


def test_a_foreign_graph_with_matching_hashes_fails_the_probe_check(served, make_tiny_bundle):
    other = make_tiny_bundle(seed=4, name="other", input_size=48, pin=False)
    add_serving_graph(other)
    (served / ONNX_NAME).write_bytes((other / ONNX_NAME).read_bytes())
    _rehash(served, ONNX_NAME)
    with pytest.raises(ServingUnavailable, match="does not reproduce the logits recorded at export"):
        ServingPredictor(open_verified(served)[0])


def test_a_malformed_block_or_heatmap_head_is_refused(served):
    manifest = json.loads((served / "manifest.json").read_text())
    manifest[SERVING_KEY]["probe_logits"] = manifest[SERVING_KEY]["probe_logits"][:1]
    (served / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(BundleError, match="malformed"):
        ServingPredictor(open_verified(served)[0])


def test_a_heatmap_head_that_does_not_fit_is_refused(served):
    from safetensors.numpy import save

    (served / CAM_HEAD_NAME).write_bytes(save({"weight": np.zeros((8, 3), np.float32)}))
    _rehash(served, CAM_HEAD_NAME)
    with pytest.raises(ServingUnavailable, match="wrong shapes"):
        ServingPredictor(open_verified(served)[0])


def test_a_bundle_without_a_graph_says_how_to_add_one(make_tiny_bundle, kiosk_config):
    from kiosk.config import ModelConfig
    from kiosk.inference import ScreeningEngine

    path = make_tiny_bundle(seed=5, name="plain", input_size=48)
    with pytest.raises(ServingUnavailable, match="mpox-train onnx"):
        ServingPredictor(open_verified(path)[0])
    # The station still screens with it, on the PyTorch path.
    engine = ScreeningEngine.from_config(
        replace(kiosk_config, model=ModelConfig(bundle=str(path), backend="eager"))
    )
    assert engine.device_label == "CPU · PyTorch"


def test_mpox_train_onnx_adds_the_graph_and_asks_for_a_new_pin(make_tiny_bundle, capsys):
    from training.cli import main

    path = make_tiny_bundle(seed=6, name="cli", input_size=48)
    assert main(["onnx", str(path)]) == 0
    out = capsys.readouterr().out
    assert "model.onnx and cam_head.safetensors added" in out and "re-pin it" in out
    assert SERVING_KEY in json.loads((path / "manifest.json").read_text())
    assert isinstance(ServingPredictor(open_verified(path)[0]), ServingPredictor)


def test_mpox_screen_serves_the_graph_as_the_station_does(served, tmp_path, monkeypatch, capsys):
    import cv2

    import models.predictor
    from kiosk.screen_cli import main as screen_main

    def no_pytorch(*_a, **_k):
        raise AssertionError("mpox-screen took the PyTorch path for a bundle with an ONNX graph")

    monkeypatch.setattr(models.predictor, "Predictor", no_pytorch)
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n')
    image = tmp_path / "skin.png"
    cv2.imwrite(str(image), cv2.cvtColor(skin_texture(64), cv2.COLOR_RGB2BGR))  # passes the quality gate
    out = tmp_path / "out"
    argv = ["--config", str(config), "--bundle", str(served), "--json", "--heatmap", "--out", str(out)]
    assert screen_main([*argv, str(image)]) == 0
    record = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert record["model_sha256"] == open_verified(served)[0].sha256
    assert record["decision"] != "retake" and Path(record["heatmap"]).is_file()
