import io

import numpy as np
import pytest
from PIL import Image

from models.errors import ImageDecodeError
from models.imageio import MAX_PIXELS, decode_image, iter_image_files


def _save(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def test_rgb_jpeg_roundtrip(tmp_path):
    p = tmp_path / "a.jpg"
    p.write_bytes(_save(Image.new("RGB", (40, 30), (200, 10, 10)), "JPEG"))
    arr = decode_image(p)
    assert arr.shape == (30, 40, 3) and arr.dtype == np.uint8
    assert arr[..., 0].mean() > 150 and arr[..., 1].mean() < 60


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"this is a text file, not a picture", "not an image"),
        (_save(Image.new("RGB", (64, 64), "red"), "JPEG")[:200], "corrupt or truncated"),
        (_save(Image.new("RGB", (64, 64), "red"), "PNG")[:60], "corrupt or truncated"),
    ],
    ids=["empty", "text", "truncated-jpeg", "truncated-png"],
)
def test_bad_files_raise_clear_errors(tmp_path, data, message):
    p = tmp_path / "bad.jpg"
    p.write_bytes(data)
    with pytest.raises(ImageDecodeError, match=message) as info:
        decode_image(p)
    assert str(p) in str(info.value)


def test_decompression_bomb_is_refused_before_decoding(tmp_path):
    # A 1-bit PNG of 30000x30000 compresses to a few hundred KB but would decode to 2.7 GB of RGB.
    p = tmp_path / "bomb.png"
    Image.new("1", (30000, 30000)).save(p, "PNG")
    assert 30000 * 30000 > MAX_PIXELS
    with pytest.raises(ImageDecodeError, match="too large"):
        decode_image(p)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ImageDecodeError, match="not found"):
        decode_image(tmp_path / "nope.jpg")
    with pytest.raises(ImageDecodeError, match="folder"):
        decode_image(tmp_path)


@pytest.mark.parametrize("mode", ["L", "RGBA", "CMYK", "I;16", "P"])
def test_modes_become_rgb(mode):
    img = Image.new(mode, (20, 10))
    fmt = "TIFF" if mode in ("CMYK",) else "PNG"
    arr = decode_image(_save(img, fmt))
    assert arr.shape == (10, 20, 3) and arr.dtype == np.uint8


def test_sixteen_bit_range_is_scaled_not_clipped():
    arr16 = np.linspace(0, 4000, 200, dtype=np.uint16).reshape(10, 20)
    out = decode_image(_save(Image.fromarray(arr16), "PNG"))
    assert out.min() == 0 and out.max() == 255


def test_exif_rotation_is_applied():
    img = Image.new("RGB", (40, 20), "blue")
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 degrees clockwise on display
    out = decode_image(_save(img, "JPEG", exif=exif.tobytes()))
    assert out.shape == (40, 20, 3)


def test_transparent_png_is_composited_on_white():
    img = Image.new("RGBA", (4, 4), (0, 0, 0, 0))
    out = decode_image(_save(img, "PNG"))
    assert out.min() == 255


def test_non_ascii_file_name(tmp_path):
    p = tmp_path / "éruption_猴痘.png"
    p.write_bytes(_save(Image.new("RGB", (8, 8), "green"), "PNG"))
    assert decode_image(p).shape == (8, 8, 3)


def test_iter_image_files_recurses_and_sorts(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ["b.jpg", "a.PNG", "notes.txt", "sub/c.jpeg"]:
        (tmp_path / name).write_bytes(b"x")
    found = iter_image_files([tmp_path])
    assert [p.name for p in found] == ["a.PNG", "b.jpg", "c.jpeg"]
