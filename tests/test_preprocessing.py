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
