"""The int8 path: a graph made from calibration images, gated by agreement, verified by hash at load."""

import json

import numpy as np
import pytest

from models.bundle import BundleIntegrityError, load_bundle, read_bundle_manifest
from models.errors import BundleError
from models.predictor import Predictor
from models.runtime import RuntimeUnavailableError, select_runtime
from training.cli import main as train_main
from training.quantize import INT8_NAME, QuantizationRefusedError, quantize_bundle


def _images(n, seed=0, shape=(70, 90, 3)):
    rng = np.random.default_rng(seed)
    return [rng.integers(0, 256, shape, dtype=np.uint8) for _ in range(n)]


@pytest.fixture
def tiny_manifest(tmp_path):
    """Twelve real JPEG files listed in a manifest, as `mpox-train data` writes it."""
    import cv2

    rows = ["path,label,source,group"]
    for i, image in enumerate(_images(12, seed=9)):
        cv2.imwrite(str(tmp_path / f"im{i}.jpg"), image)
        rows.append(f"im{i}.jpg,{('mpox', 'eczema', 'normal')[i % 3]},test,g{i}")
    (tmp_path / "manifest.csv").write_text("\n".join(rows) + "\n")
    return tmp_path / "manifest.csv"


@pytest.fixture
def int8_bundle(make_tiny_bundle):
    path = make_tiny_bundle(seed=5)
    info = quantize_bundle(path, _images(8, seed=1), _images(40, seed=2), min_agreement=0.0)
    return path, info


def test_quantizing_keeps_the_model_card(make_tiny_bundle):
    path = make_tiny_bundle(seed=9)
    (path / "MODEL_CARD.md").write_text("# card\n")
    quantize_bundle(path, _images(4), _images(6, seed=3), min_agreement=0.0)
    assert (path / "MODEL_CARD.md").read_text() == "# card\n" and (path / INT8_NAME).is_file()


def test_quantized_bundle_records_its_graph_and_agreement(int8_bundle):
    path, info = int8_bundle
    manifest = read_bundle_manifest(path)
    assert manifest["int8"] == info
    assert (path / INT8_NAME).is_file() and info["file"] == INT8_NAME
    assert info["n_check_images"] == 40 and info["n_calibration_images"] == 8
    assert 0.0 <= info["top1_agreement_with_float"] <= 1.0
    load_bundle(path)  # still a valid bundle: same weights, hash unchanged


def test_auto_runs_the_int8_graph_and_its_answers_follow_the_float_model(int8_bundle):
    path, info = int8_bundle
    bundle = load_bundle(path)
    fast, eager = Predictor(bundle), Predictor(bundle, backend="eager")
    assert fast.backend == "onnxruntime-int8" and fast.runtime.fallback_reason is None
    images = _images(40, seed=2)  # the check images: the recorded agreement must be reproducible
    p_fast = np.stack([p.probabilities for p in fast.predict(images)])
    p_eager = np.stack([p.probabilities for p in eager.predict(images)])
    np.testing.assert_allclose(p_fast.sum(1), 1.0, atol=1e-5)
    assert np.mean(p_fast.argmax(1) == p_eager.argmax(1)) == pytest.approx(info["top1_agreement_with_float"])
    prediction, explanation = fast.predict_explained(images[0])
    assert explanation.heatmap.shape == images[0].shape[:2] and np.isfinite(explanation.heatmap).all()
    np.testing.assert_allclose(prediction.probabilities, p_fast[0], atol=1e-6)


def test_disagreeing_graph_is_refused_and_the_bundle_left_alone(make_tiny_bundle):
    path = make_tiny_bundle(seed=6)
    before = (path / "manifest.json").read_bytes()
    with pytest.raises(QuantizationRefusedError, match="below the required"):
        quantize_bundle(path, _images(4), _images(10, seed=3), min_agreement=1.01)
    assert (path / "manifest.json").read_bytes() == before and not (path / INT8_NAME).exists()


def _damage(path):
    with open(path / INT8_NAME, "r+b") as f:
        f.seek(100)
        f.write(b"\x00\x01\x02")


def test_damaged_int8_graph_refuses_the_bundle(int8_bundle):
    path, _ = int8_bundle
    _damage(path)
    with pytest.raises(BundleIntegrityError, match=f"{INT8_NAME}: SHA-256 mismatch"):
        load_bundle(path)  # the manifest lists every file of the bundle (issue 12)


def test_int8_graph_damaged_after_loading_falls_back_to_float(int8_bundle):
    path, _ = int8_bundle
    bundle = load_bundle(path)
    _damage(path)
    predictor = Predictor(bundle)
    assert predictor.backend == "onnxruntime"
    assert "SHA-256" in predictor.runtime.fallback_reason
    with pytest.raises(RuntimeUnavailableError, match="copy the bundle again"):
        select_runtime(bundle, backend="int8")


def test_graph_name_outside_the_bundle_is_refused(int8_bundle):
    path, _ = int8_bundle
    manifest = json.loads((path / "manifest.json").read_text())
    manifest["int8"]["file"] = "../elsewhere.onnx"
    (path / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(BundleError, match="'../elsewhere.onnx' is not a valid bundle file name"):
        load_bundle(path)


def test_int8_backend_without_graph_says_how_to_make_one(make_tiny_bundle):
    with pytest.raises(RuntimeUnavailableError, match="mpox-train quantize"):
        select_runtime(load_bundle(make_tiny_bundle()), backend="int8")


def test_quantize_command_on_a_manifest(make_tiny_bundle, tiny_manifest, capsys):
    path = make_tiny_bundle(seed=7)
    rc = train_main(
        [
            "quantize",
            "--bundle",
            str(path),
            "--data",
            str(tiny_manifest),
            "--calibration",
            "4",
            "--min-agreement",
            "0",
        ]
    )
    assert rc == 0
    assert "int8 graph added" in capsys.readouterr().out
    assert read_bundle_manifest(path)["int8"]["n_calibration_images"] == 4


def test_quantize_command_refusal_is_a_clear_error(make_tiny_bundle, tiny_manifest, capsys):
    path = make_tiny_bundle(seed=8)
    rc = train_main(
        [
            "quantize",
            "--bundle",
            str(path),
            "--data",
            str(tiny_manifest),
            "--calibration",
            "4",
            "--min-agreement",
            "1.01",
        ]
    )
    assert rc == 2
    assert "keep using the float path" in capsys.readouterr().err
    assert "int8" not in read_bundle_manifest(path)


def test_the_torch_free_path_serves_the_int8_graph_and_falls_back_to_float(int8_bundle):
    from models.manifest import open_verified, sha256_file
    from models.serving import ServingPredictor
    from training.onnx_export import add_serving_graph

    path, _ = int8_bundle
    add_serving_graph(path)  # keeps the int8 graph (the bundle is rewritten with its other files)
    served = ServingPredictor(open_verified(path)[0])
    assert served.backend == "onnxruntime-int8" and served.runtime.fallback_reason is None
    float_only = ServingPredictor(open_verified(path)[0], backend="onnxruntime")
    a, b = served.predict(_images(4, seed=7)), float_only.predict(_images(4, seed=7))
    assert all(x.probabilities.shape == y.probabilities.shape for x, y in zip(a, b, strict=True))
    (path / INT8_NAME).write_bytes(b"not a graph")  # damaged: refused by its hash, the float graph serves
    manifest = json.loads((path / "manifest.json").read_text())
    manifest["files"][INT8_NAME] = manifest["int8"]["sha256"] = sha256_file(path / INT8_NAME)
    (path / "manifest.json").write_text(json.dumps(manifest))
    fallback = ServingPredictor(open_verified(path)[0])
    assert fallback.backend == "onnxruntime" and "cannot be run" in fallback.runtime.fallback_reason
