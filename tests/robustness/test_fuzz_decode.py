"""Bounded fuzz run over models.imageio.decode_image: random bytes and mutated real JPEG/PNG/TIFF/GIF files.
Whatever the input, the result is an HxWx3 uint8 array or an ImageDecodeError; nothing else, never a hang
(each example runs under a wall-clock alarm)."""

from __future__ import annotations

import io
import signal

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from models.errors import ImageDecodeError
from models.imageio import decode_image

HANG_LIMIT_S = 20  # far above any decode of these small inputs: only a real hang trips it


def _seed(fmt: str, mode: str = "RGB", size=(24, 16), **kw) -> bytes:
    rng = np.random.default_rng(0)
    arr = rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)
    buf = io.BytesIO()
    Image.fromarray(arr).convert(mode).save(buf, fmt, **kw)
    return buf.getvalue()


SEEDS = [
    _seed("JPEG"),
    _seed("JPEG", progressive=True),
    _seed("PNG"),
    _seed("PNG", mode="RGBA"),
    _seed("PNG", mode="P"),
    _seed("TIFF", mode="CMYK"),
    _seed("GIF", mode="P"),
    _seed("BMP"),
    _seed("WEBP"),
]


@st.composite
def mutated(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "header"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[pos] ^= draw(st.integers(1, 255))
        elif op == "truncate":
            data = data[:pos]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 16))]
        elif op == "header" and len(data) > 24:  # sizes and chunk lengths live near the start
            data[draw(st.integers(0, 23))] = draw(st.integers(0, 255))
    return bytes(data)


def _alarm(signum, frame):
    raise TimeoutError(f"decode_image did not return within {HANG_LIMIT_S} s")


def check(data: bytes) -> None:
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG_LIMIT_S)
    try:
        out = decode_image(data, "fuzz.bin")
    except ImageDecodeError as exc:
        assert "fuzz.bin" in str(exc)
        return
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert isinstance(out, np.ndarray) and out.dtype == np.uint8
    assert out.ndim == 3 and out.shape[2] == 3 and out.shape[0] >= 1 and out.shape[1] >= 1


FUZZ = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data):
    check(data)


@FUZZ
@given(mutated())
def test_mutated_real_images(data):
    check(data)


@pytest.mark.parametrize("data", SEEDS, ids=range(len(SEEDS)))
def test_seeds_decode(data):
    out = decode_image(data)
    assert out.shape == (16, 24, 3)
