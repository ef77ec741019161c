"""The optimised inference path: same answers as eager PyTorch, clean fallback, cache keyed by the weights."""

import csv
import logging
import shutil

import numpy as np
import pytest
import torch

from models import runtime as rt
from models.bundle import load_bundle
from models.imageio import decode_image
from models.predictor import Predictor
from models.runtime import EagerRuntime, OrtRuntime, RuntimeUnavailableError, cache_path, select_runtime

from ..conftest import one_hot_probs


def _images(n, seed=0, shape=(90, 120, 3)):
    rng = np.random.default_rng(seed)
    return [rng.integers(0, 256, shape, dtype=np.uint8) for _ in range(n)]


def _probs(predictor, images):
    return np.stack([p.probabilities for p in predictor.predict(images)])


def test_onnxruntime_matches_eager(make_tiny_bundle):
    bundle = load_bundle(make_tiny_bundle(seed=3, temperature=1.7))
    fast, eager = Predictor(bundle, batch_size=3), Predictor(bundle, backend="eager")
    assert fast.backend == "onnxruntime" and fast.runtime.fallback_reason is None
    images = _images(7)  # batches of 3, 3 and 1: the exported batch dimension is dynamic
    p_fast, p_eager = _probs(fast, images), _probs(eager, images)
    np.testing.assert_allclose(p_fast, p_eager, atol=1e-5)
    np.testing.assert_allclose(p_fast.sum(1), 1.0, atol=1e-5)
    assert (p_fast.argmax(1) == p_eager.argmax(1)).all()


def test_eager_predictor_is_plain_pytorch(make_tiny_bundle):
    bundle = load_bundle(make_tiny_bundle(probs=one_hot_probs("measles", 0.8)))
    predictor = Predictor(bundle, backend="eager")
    assert isinstance(predictor.runtime, EagerRuntime) and predictor.backend == "eager"
    image = _images(1)[0]
    with torch.inference_mode():
        expected = torch.softmax(bundle.model(bundle.preprocessor(image)[None]) / bundle.temperature, 1)[0]
    got = predictor.predict_one(image).probabilities
    np.testing.assert_allclose(got, expected.numpy(), rtol=1e-6, atol=1e-7)
    assert bundle.classes[int(got.argmax())] == "measles" and got.max() == pytest.approx(0.8, abs=1e-5)


def test_unknown_backend_is_refused(make_tiny_bundle):
    with pytest.raises(ValueError, match="backend"):
        Predictor(load_bundle(make_tiny_bundle()), backend="tensorrt")


def test_falls_back_when_onnxruntime_is_missing(make_tiny_bundle, monkeypatch, caplog):
    bundle = load_bundle(make_tiny_bundle(seed=4))
    monkeypatch.setitem(__import__("sys").modules, "onnxruntime", None)  # import now raises ImportError
    with caplog.at_level(logging.WARNING, logger="models.runtime"):
        predictor = Predictor(bundle)
    assert predictor.backend == "eager"
    assert "onnxruntime is not installed" in predictor.runtime.fallback_reason
    assert "using eager PyTorch" in caplog.text
    np.testing.assert_allclose(
        _probs(predictor, _images(2)), _probs(Predictor(bundle, backend="eager"), _images(2)), atol=1e-6
    )
    with pytest.raises(RuntimeUnavailableError, match="not installed"):
        select_runtime(bundle, backend="onnxruntime")


def test_falls_back_when_the_numerical_check_fails(make_tiny_bundle, monkeypatch, caplog):
    bundle = load_bundle(make_tiny_bundle(seed=5))
    real_run = OrtRuntime.run

    def skewed(self, batch, features=False):  # a backend that is subtly wrong on class 0
        logits, feats = real_run(self, batch, features)
        logits = logits.copy()
        logits[:, 0] += 0.5
        return logits, feats

    monkeypatch.setattr(OrtRuntime, "run", skewed)
    with caplog.at_level(logging.WARNING, logger="models.runtime"):
        predictor = Predictor(bundle)
    assert predictor.backend == "eager"
    assert "differs from eager PyTorch" in predictor.runtime.fallback_reason
    assert "differs from eager PyTorch" in caplog.text
    assert not cache_path(bundle).exists()  # a failed export is not cached


def test_falls_back_when_export_fails(make_tiny_bundle, monkeypatch):
    bundle = load_bundle(make_tiny_bundle(seed=6))

    def broken(*args, **kwargs):
        raise RuntimeError("unsupported operator")

    monkeypatch.setattr(rt, "export_onnx", broken)
    predictor = Predictor(bundle)
    assert predictor.backend == "eager" and "unsupported operator" in predictor.runtime.fallback_reason


def test_cuda_device_keeps_eager(make_tiny_bundle):
    bundle = load_bundle(make_tiny_bundle())
    runtime = select_runtime(bundle, device=torch.device("meta"), backend="auto")
    assert isinstance(runtime, EagerRuntime) and "meta device" in runtime.fallback_reason


@pytest.mark.slow
def test_cache_is_reused_and_keyed_by_weights(make_tiny_bundle, monkeypatch):
    first = load_bundle(make_tiny_bundle(seed=7, name="kiosk"))
    assert Predictor(first).backend == "onnxruntime"
    cached = cache_path(first)
    assert cached.is_file() and first.sha256 in cached.name
    assert cached.parent != first.path  # never written beside the (possibly read-only) bundle

    exports = []
    real_export = rt.export_onnx
    monkeypatch.setattr(rt, "export_onnx", lambda *a: exports.append(a) or real_export(*a))
    assert Predictor(load_bundle(first.path)).backend == "onnxruntime"
    assert exports == []  # served from the cache

    # The same bundle folder retrained: new weights, new hash, so a fresh export, not the stale one.
    second = load_bundle(make_tiny_bundle(seed=8, name="kiosk"))
    assert second.path == first.path and second.sha256 != first.sha256
    predictor = Predictor(second)
    assert predictor.backend == "onnxruntime" and len(exports) == 1
    assert cache_path(second) != cached and cache_path(second).is_file()
    images = _images(3, seed=2)
    np.testing.assert_allclose(
        _probs(predictor, images), _probs(Predictor(second, backend="eager"), images), atol=1e-5
    )


@pytest.mark.slow
def test_a_wrong_cache_entry_is_detected_and_rebuilt(make_tiny_bundle, caplog):
    a = load_bundle(make_tiny_bundle(seed=9, name="a"))
    b = load_bundle(make_tiny_bundle(seed=10, name="b"))
    Predictor(a)
    cache_path(b).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cache_path(a), cache_path(b))  # b's cache slot holds a's graph
    with caplog.at_level(logging.WARNING, logger="models.runtime"):
        predictor = Predictor(b)
    assert "unusable" in caplog.text and predictor.backend == "onnxruntime"
    images = _images(3, seed=3)
    np.testing.assert_allclose(
        _probs(predictor, images), _probs(Predictor(b, backend="eager"), images), atol=1e-5
    )
    cache_path(b).write_bytes(b"not an onnx file")  # damaged entry: rebuilt as well
    assert Predictor(b).backend == "onnxruntime"


def test_agreement_on_real_images(make_tiny_bundle, skin_dir):
    with open(skin_dir / "manifest.csv", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["label"] not in ("unlabelled",)]
    images = [decode_image(skin_dir / r["path"]) for r in rows[:: max(1, len(rows) // 24)][:24]]
    bundle = load_bundle(make_tiny_bundle(seed=11))
    fast, eager = Predictor(bundle), Predictor(bundle, backend="eager")
    assert fast.backend == "onnxruntime"
    p_fast, p_eager = _probs(fast, images), _probs(eager, images)
    np.testing.assert_allclose(p_fast, p_eager, atol=1e-5)
    assert (p_fast.argmax(1) == p_eager.argmax(1)).all()
