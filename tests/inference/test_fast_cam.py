"""Backward-free Grad-CAM equals torchcam's gradient Grad-CAM where the model allows it, and only there."""

import numpy as np
import pytest
import torch

from models.bundle import load_bundle, make_manifest, save_bundle
from models.explainer import Explainer
from models.fast_cam import find_linear_cam_head
from models.predictor import Predictor
from models.registry import build_model, get_spec
from models.runtime import EagerRuntime
from models.taxonomy import CLASSES


def _bundle(tmp_path, arch, size=64, seed=0, init="random"):
    torch.manual_seed(seed)
    model = build_model(arch, len(CLASSES), init=init)
    model.eval()
    manifest = make_manifest(model, arch, CLASSES, input_size=size)
    return load_bundle(save_bundle(model, tmp_path / arch, manifest))


def _image(seed=0):
    return np.random.default_rng(seed).integers(0, 256, (80, 100, 3), dtype=np.uint8)


@pytest.mark.parametrize("arch", ["tiny_cnn", "efficientnet_lite0", "resnet18"])
def test_fast_cam_equals_gradient_cam(tmp_path, arch):
    # Randomly initialised EfficientNet activations vanish (~1e-8); its offline ImageNet weights do not.
    init = "imagenet" if arch == "efficientnet_lite0" else "random"
    if init == "imagenet" and get_spec(arch).imagenet_checkpoint() is None:
        pytest.skip("offline ImageNet weights for EfficientNet-Lite0 are not installed")
    bundle = _bundle(tmp_path, arch, size=96, init=init)
    eager_rt = EagerRuntime(bundle.model, torch.device("cpu"), bundle.manifest["cam_target_layer"])
    fast = Explainer(bundle, runtime=eager_rt)  # eager runtime: no export needed to test the maths
    slow = Explainer(bundle, backend="eager")
    assert fast.fast and not slow.fast
    image = _image()
    peaks = []
    for class_index in (None, 2, 5):
        a, b = fast.explain(image, class_index), slow.explain(image, class_index)
        assert a.class_index == b.class_index
        np.testing.assert_allclose(a.heatmap, b.heatmap, atol=2e-4)
        peaks.append(a.heatmap.max())
    assert max(peaks) > 0.5  # the maps compared are not all empty
    assert all(p.grad is None for p in bundle.model.parameters())


def test_models_without_a_linear_head_keep_the_gradient_pass(tmp_path, make_tiny_bundle):
    # MobileNetV3's head is Linear -> Hardswish -> Dropout -> Linear: Grad-CAM weights vary with the input.
    head, why = find_linear_cam_head(_bundle(tmp_path, "mobilenet_v3_large"))
    assert head is None and "does not feed the head" in why
    # Same shapes as the head expects, but a ReLU between target layer and pooling: only the numbers tell.
    bundle = load_bundle(make_tiny_bundle(seed=13))
    bundle.manifest["cam_target_layer"] = "features.7"  # the last BatchNorm, before the last ReLU
    head, why = find_linear_cam_head(bundle)
    assert head is None and "not a linear function" in why
    explainer = Explainer(bundle)
    assert not explainer.fast and explainer.runtime is None
    assert explainer.explain(_image()).heatmap.max() > 0.5


def test_predict_explained_reuses_one_pass(make_tiny_bundle, monkeypatch):
    bundle = load_bundle(make_tiny_bundle(seed=12))
    predictor = Predictor(bundle)
    assert predictor.backend == "onnxruntime" and predictor.explainer.fast
    image = _image(1)
    calls = []
    real_run = type(predictor.runtime).run
    monkeypatch.setattr(
        type(predictor.runtime), "run", lambda self, *a, **k: calls.append(1) or real_run(self, *a, **k)
    )
    prediction, explanation = predictor.predict_explained(image)
    assert len(calls) == 1
    expected = predictor.predict_one(image).probabilities
    np.testing.assert_allclose(prediction.probabilities, expected, atol=1e-6)
    assert explanation.class_index == int(prediction.probabilities.argmax())
    reference = Explainer(bundle, backend="eager").explain(image, explanation.class_index)
    np.testing.assert_allclose(explanation.heatmap, reference.heatmap, atol=2e-4)
    assert explanation.overlay.shape == image.shape
