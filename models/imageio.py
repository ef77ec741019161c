"""Safe image decoding shared by the screening command, training and the kiosk's file sources.

Every failure becomes an ImageDecodeError that names the file and the problem: empty files, truncated
or corrupt data, files that are not images, and decompression bombs (checked from the header, before any
pixel is decoded).
"""

from __future__ import annotations

import io
import stat
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .errors import ImageDecodeError

# 40 megapixels is larger than any phone or webcam photo; beyond it a file is refused before decoding.
MAX_PIXELS = 40_000_000
# .jfif and .jpe are JPEG files under other names (phones and browsers save them).
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".jfif", ".jpe", ".png", ".bmp", ".tif", ".tiff", ".webp"})


def _to_rgb(img: Image.Image) -> Image.Image:
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16/32-bit greyscale: scale the used range to 8 bits rather than clipping to white.
        arr = np.asarray(img, dtype=np.float64)
        lo, hi = float(arr.min()), float(arr.max())
        arr = (arr - lo) / (hi - lo) * 255.0 if hi > lo else np.zeros_like(arr)
        img = Image.fromarray(arr.astype(np.uint8), "L")
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        img = img.convert("RGBA")
        background = Image.new("RGBA", img.size, (255, 255, 255, 255))
        img = Image.alpha_composite(background, img)
    return img.convert("RGB")


# No photograph a station or mpox-screen screens comes near this; a larger file is refused before it is read.
MAX_FILE_BYTES = 64 * 1024 * 1024


def _read_regular_file(path: Path, label: str) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES: a pipe would block for ever and a device such as
    /dev/zero would be read until memory runs out, so neither is opened for reading."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise ImageDecodeError(
                label, "is not a regular file (a pipe, a device or a socket), not an image"
            )
        if st.st_size > MAX_FILE_BYTES:
            raise ImageDecodeError(
                label, f"file is too large ({st.st_size // 2**20} MiB, limit {MAX_FILE_BYTES // 2**20} MiB)"
            )
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImageDecodeError(label, f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > MAX_FILE_BYTES:  # grew while read
        raise ImageDecodeError(label, f"file is too large (limit {MAX_FILE_BYTES // 2**20} MiB)")
    return data


def decode_image(source: bytes | Path | str, name: str | None = None) -> np.ndarray:
    """Decode an image file (path or bytes) into an RGB uint8 array of shape (H, W, 3), upright per EXIF."""
    label = name or (str(source) if not isinstance(source, bytes) else "<bytes>")
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        if not path.exists():
            raise ImageDecodeError(label, "file not found")
        if path.is_dir():
            raise ImageDecodeError(label, "is a folder, not an image")
        data = _read_regular_file(path, label)
    if not data:
        raise ImageDecodeError(label, "file is empty (0 bytes)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            width, height = img.size
            if width * height > MAX_PIXELS:
                raise ImageDecodeError(
                    label,
                    f"image is too large ({width}x{height} pixels, limit "
                    f"{MAX_PIXELS // 1_000_000} megapixels); refused as a possible decompression bomb",
                )
            if width < 1 or height < 1:
                raise ImageDecodeError(label, f"image has no pixels ({width}x{height})")
            img.load()
            img = ImageOps.exif_transpose(img)
            rgb = _to_rgb(img)
    except ImageDecodeError:
        raise
    except UnidentifiedImageError as exc:
        raise ImageDecodeError(label, "not an image, or an image format that cannot be read") from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageDecodeError(label, "image is too large; refused as a possible decompression bomb") from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageDecodeError(label, f"image data is corrupt or truncated ({exc})") from exc
    return np.ascontiguousarray(np.asarray(rgb, dtype=np.uint8))


def iter_image_files(paths: list[Path]) -> list[Path]:
    """Expand folders (recursively, sorted) into image files; files given by name are kept as they are."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)
            )
        else:
            found.append(path)
    return found
