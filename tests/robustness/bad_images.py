"""The issue's list of awkward image files, made here (small, fast), with what each must give.

``expect`` is either ``("ok", (h, w))``: decoded to an RGB uint8 array of that shape, or ``("error", text)``:
refused with an ImageDecodeError whose message contains ``text``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image


@dataclass(frozen=True)
class Sample:
    name: str  # file name (some are not ASCII on purpose)
    data: bytes
    expect: tuple[str, object]


def _save(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def _skin(w: int, h: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    base = np.array([205, 150, 125], dtype=np.float32)
    return np.clip(base + rng.normal(0, 18, size=(h, w, 1)), 0, 255).astype(np.uint8)


def corrupt_png() -> bytes:
    """A PNG whose header is intact but whose compressed pixel data has bytes flipped (CRC and zlib fail)."""
    data = bytearray(_save(Image.fromarray(_skin(48, 32)), "PNG"))
    start = data.index(b"IDAT") + 20
    for i in range(start, min(start + 40, len(data) - 16)):
        data[i] ^= 0x5A
    return bytes(data)


@cache
def samples() -> tuple[Sample, ...]:
    skin = Image.fromarray(_skin(64, 48))
    jpeg = _save(skin, "JPEG", quality=90)
    exif = Image.Exif()
    exif[0x0112] = 6  # display rotated 90 degrees clockwise
    arr16 = (np.linspace(0, 60000, 64 * 48).reshape(48, 64)).astype(np.uint16)
    rgba = Image.fromarray(np.dstack([_skin(64, 48), np.full((48, 64), 128, np.uint8)]), "RGBA")
    return (
        Sample("empty.jpg", b"", ("error", "empty")),
        Sample("truncated.jpg", jpeg[: len(jpeg) // 3], ("error", "corrupt or truncated")),
        Sample("corrupt.png", corrupt_png(), ("error", "corrupt or truncated")),
        Sample("notes.png", b"Travel log, gate 3: nothing to report.\n" * 5, ("error", "not an image")),
        Sample("bomb.png", _save(Image.new("1", (30000, 30000)), "PNG"), ("error", "too large")),
        Sample("sixteen_bit.png", _save(Image.fromarray(arr16), "PNG"), ("ok", (48, 64))),
        Sample("grey.jpg", _save(skin.convert("L"), "JPEG"), ("ok", (48, 64))),
        Sample("alpha.png", _save(rgba, "PNG"), ("ok", (48, 64))),
        Sample("cmyk.jpg", _save(skin.convert("CMYK"), "JPEG"), ("ok", (48, 64))),
        Sample("rotated.jpg", _save(skin, "JPEG", exif=exif.tobytes()), ("ok", (64, 48))),
        Sample("tiny.png", _save(Image.fromarray(_skin(8, 8)), "PNG"), ("ok", (8, 8))),
        Sample("éruption_猴痘_сыпь.jpg", jpeg, ("ok", (48, 64))),
    )


def write_samples(folder: Path) -> tuple[Sample, ...]:
    folder.mkdir(parents=True, exist_ok=True)
    items = samples()
    for s in items:
        (folder / s.name).write_bytes(s.data)
    return items
