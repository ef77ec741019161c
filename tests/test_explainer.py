import numpy as np
import pytest

from models.bundle import load_bundle
from models.explainer import Explainer, blend_heatmap


def _hook_count(model):
    return sum(len(m._forward_hooks) + len(m._backward_hooks) for m in model.modules())


def test_heatmap_shape_range_and_hooks_removed(make_tiny_bundle):
    bundle = load_bundle(make_tiny_bundle(seed=1))
    rng = np.random.default_rng(1)
    image = rng.integers(0, 256, (90, 150, 3), dtype=np.uint8)
    explanation = Explainer(bundle).explain(image)
    assert explanation.heatmap.shape == (90, 150) and explanation.heatmap.dtype == np.float32
    assert 0.0 <= explanation.heatmap.min() and explanation.heatmap.max() <= 1.0
    assert explanation.heatmap.max() > 0.5  # normalised map, not all zeros
    # outside the centred square the model saw nothing
    assert explanation.heatmap[:, :30].max() == 0 and explanation.heatmap[:, -30:].max() == 0
    assert explanation.overlay.shape == (90, 150, 3) and explanation.overlay.dtype == np.uint8
    assert _hook_count(bundle.model) == 0
    assert not bundle.model.training


def test_hooks_removed_after_an_error(make_tiny_bundle):
    bundle = load_bundle(make_tiny_bundle())
    with pytest.raises(ValueError):
        Explainer(bundle).explain(np.zeros((10, 10), np.uint8))  # not RGB
    assert _hook_count(bundle.model) == 0


def test_explicit_class_and_no_grad_left(make_tiny_bundle, rgb_image):
    bundle = load_bundle(make_tiny_bundle(seed=2))
    explanation = Explainer(bundle).explain(rgb_image, class_index=4)
    assert explanation.class_index == 4
    assert all(p.grad is None for p in bundle.model.parameters())


def test_blend_keeps_image_where_heat_is_weightless():
    image = np.full((4, 4, 3), 100, np.uint8)
    out = blend_heatmap(image, np.zeros((4, 4), np.float32), opacity=0.0)
    assert np.array_equal(out, image)


def test_blend_colours_only_where_the_model_looked():
    image = np.full((2, 2, 3), 100, np.uint8)
    heat = np.array([[0.0, 1.0], [0.0, 0.25]], np.float32)
    out = blend_heatmap(image, heat, opacity=0.5)
    assert np.array_equal(out[0, 0], image[0, 0])  # no heat: the skin as it is
    assert np.abs(out[0, 1].astype(int) - 100).max() > np.abs(out[1, 1].astype(int) - 100).max() > 0
