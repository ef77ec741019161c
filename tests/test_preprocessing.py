import numpy as np
import pytest
import torch

from models.preprocessing import Preprocessor, crop_and_resize, square_crop_box


def test_square_crop_box_is_centred():
    assert square_crop_box(480, 640) == (0, 80, 480, 480)
    assert square_crop_box(640, 480) == (80, 0, 480, 480)
    assert square_crop_box(50, 50) == (0, 0, 50, 50)


def test_crop_keeps_centre_content():
    img = np.zeros((100, 200, 3), np.uint8)
    img[:, 50:150] = 255  # the centre square is white, the sides black
    out = crop_and_resize(img, 32)
    assert out.shape == (32, 32, 3) and out.min() == 255


def test_normalisation_values():
    pre = Preprocessor(8, (0.5, 0.5, 0.5), (0.25, 0.25, 0.25))
    img = np.full((8, 8, 3), 255, np.uint8)
    t = pre(img)
    assert t.shape == (3, 8, 8) and t.dtype == torch.float32
    assert torch.allclose(t, torch.full_like(t, 2.0))
    batch = pre.batch([img, np.zeros_like(img)])
    assert batch.shape == (2, 3, 8, 8)
    assert torch.allclose(batch[1], torch.full_like(t, -2.0))


def test_channel_order_is_rgb():
    pre = Preprocessor(4, (0.0, 0.0, 0.0), (1.0, 1.0, 1.0))
    img = np.zeros((4, 4, 3), np.uint8)
    img[..., 0] = 255
    t = pre(img)
    assert t[0].min() == 1.0 and t[1].max() == 0.0 and t[2].max() == 0.0


def test_wrong_input_is_refused():
    with pytest.raises(ValueError, match="RGB uint8"):
        crop_and_resize(np.zeros((10, 10), np.uint8), 8)


# --- conditioning steps (issue 31): what tells a source apart, taken away identically everywhere ---------


def test_mask_marks_fills_corners_and_bottom_strip_and_keeps_the_centre():
    from models.preprocessing import MARK_BOTTOM, MARK_CORNER, mask_marks

    rng = np.random.default_rng(1)
    img = rng.integers(0, 256, size=(100, 100, 3), dtype=np.uint8)
    out = mask_marks(img)
    fill = img.reshape(-1, 3).mean(0).round().astype(np.uint8)
    c, b = round(100 * MARK_CORNER), round(100 * MARK_BOTTOM)
    for box in (out[:c, :c], out[:c, -c:], out[-c:, :c], out[-c:, -c:], out[-b:, :]):
        assert (box == fill).all()
    assert np.array_equal(out[c : 100 - c, c : 100 - c], img[c : 100 - c, c : 100 - c])
    assert np.array_equal(
        out[c:-c, :c][: 100 - c - b - c], img[c:-c, :c][: 100 - c - b - c]
    )  # left edge kept
    assert not np.shares_memory(out, img) and np.array_equal(mask_marks(img[None])[0], out)


def test_a_watermark_in_a_corner_or_the_bottom_strip_no_longer_changes_the_picture():
    from models.preprocessing import mask_marks

    img = np.full((64, 64, 3), 120, np.uint8)
    marked = img.copy()
    marked[2:8, 50:62] = 255  # a corner watermark
    marked[60:, :] = 90  # a bottom strip
    # only the fill colour (the mean) may differ: same layout, every masked pixel one colour
    a, b = mask_marks(img), mask_marks(marked)
    assert np.array_equal(a[12:52, 12:52], b[12:52, 12:52])
    assert len(np.unique(b[60:].reshape(-1, 3), axis=0)) == 1


def test_shades_of_grey_divides_out_the_light_colour():
    from models.preprocessing import shades_of_grey

    rng = np.random.default_rng(2)
    scene = rng.integers(40, 200, size=(48, 48, 3)).astype(np.float32)
    warm = np.clip(scene * np.array([1.25, 1.0, 0.7], np.float32), 0, 255).astype(np.uint8)
    cool = np.clip(scene * np.array([0.8, 0.95, 1.2], np.float32), 0, 255).astype(np.uint8)
    a, b = shades_of_grey(warm).astype(float), shades_of_grey(cool).astype(float)
    before = np.abs(warm.astype(float).mean((0, 1)) - cool.astype(float).mean((0, 1))).max()
    after = np.abs(a.mean((0, 1)) - b.mean((0, 1))).max()
    assert after < before / 5, (before, after)
    norms = np.power(np.power(a / 255, 6).mean((0, 1)), 1 / 6)
    assert norms.max() - norms.min() < 0.01  # channels balanced at the p-norm
    grey = np.full((8, 8, 3), 77, np.uint8)
    assert np.array_equal(shades_of_grey(grey), grey)  # a neutral picture is left as it is


def test_preprocessor_applies_the_steps_the_same_way_with_and_without_torch():
    steps = ("mask_marks", "shades_of_grey")
    pre = Preprocessor(32, (0.5, 0.4, 0.3), (0.2, 0.3, 0.25), steps)
    plain = Preprocessor(32, (0.5, 0.4, 0.3), (0.2, 0.3, 0.25))
    img = np.random.default_rng(3).integers(0, 256, size=(50, 70, 3), dtype=np.uint8)
    assert np.array_equal(pre.array(img), pre(img).numpy())
    assert not np.allclose(pre.array(img), plain.array(img))
    resized = crop_and_resize(img, 32)
    # the training data path hands over an augmented tensor; the steps still apply
    assert torch.equal(pre.normalize(torch.from_numpy(resized)), pre(img))
    assert torch.equal(pre.normalize(resized[None])[0], pre(img))


def test_an_unknown_step_is_refused_in_code_and_in_a_bundle(make_tiny_bundle):
    import json

    from models.bundle import load_bundle
    from models.errors import BundleError
    from models.preprocessing import UnknownPreprocessingError

    with pytest.raises(UnknownPreprocessingError, match="sharpen"):
        Preprocessor(8, (0.5,) * 3, (0.5,) * 3, ("sharpen",))
    path = make_tiny_bundle(preprocessing=("mask_marks",), pin=False)
    assert load_bundle(path).preprocessor.steps == ("mask_marks",)
    manifest = json.loads((path / "manifest.json").read_text())
    assert manifest["preprocessing"] == {"steps": ["mask_marks"]}
    # conditioned: schema 2, which software from before the steps refuses instead of ignoring them
    assert manifest["schema_version"] == 2
    manifest["schema_version"] = 1
    (path / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(BundleError, match="conditions its pictures.*schema_version 1"):
        load_bundle(path)
    manifest["schema_version"] = 2
    manifest["preprocessing"] = {"steps": ["mask_marks", "sharpen"]}
    (path / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(BundleError, match="does not know.*sharpen"):
        load_bundle(path)


def test_a_bundle_made_before_the_steps_existed_runs_without_them(make_tiny_bundle):
    import json

    from models.bundle import load_bundle

    path = make_tiny_bundle(pin=False)
    manifest = json.loads((path / "manifest.json").read_text())
    del manifest["preprocessing"]
    (path / "manifest.json").write_text(json.dumps(manifest))
    assert load_bundle(path).preprocessor.steps == ()
