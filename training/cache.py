"""Decoded, centre-cropped, resized images cached as one uint8 ``.npy`` per (image list, size).

The key hashes every file's path, size and modification time with the image size, so a changed file or a
different size builds a new cache; epochs and worker processes read the array memory-mapped, without
decoding a JPEG again. The resize is ``models.preprocessing.crop_and_resize``: what the kiosk does.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
from tqdm import tqdm

from models.errors import ImageDecodeError
from models.fsutil import atomic_path
from models.imageio import decode_image
from models.preprocessing import crop_and_resize

from .dataset_manifest import ManifestError, Record

DEFAULT_CACHE_DIR = Path(os.environ.get("MPOX_CACHE_DIR", Path.home() / ".cache" / "mpox-train"))


def cache_key(records: list[Record], size: int) -> str:
    digest = hashlib.sha256(f"v1|{size}".encode())
    for r in records:
        try:
            st = r.path.stat()
        except OSError as exc:
            raise ManifestError(
                f"image {r.path} listed in the manifest cannot be read ({exc}); "
                "re-import the data with `mpox-train data`"
            ) from exc
        digest.update(f"|{r.path}|{st.st_size}|{st.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def load_images(
    records: list[Record], size: int, cache_dir: str | Path | None = DEFAULT_CACHE_DIR, progress: bool = True
) -> np.ndarray:
    """(N, size, size, 3) uint8 array for ``records``, built once and memory-mapped afterwards."""
    path = None
    if cache_dir is not None:
        path = Path(cache_dir) / f"images-{size}-{cache_key(records, size)}.npy"
        if path.is_file():
            return np.load(path, mmap_mode="r")
    array = np.empty((len(records), size, size, 3), dtype=np.uint8)
    for i, r in enumerate(tqdm(records, desc=f"decoding {size}px", disable=not progress, unit="img")):
        try:
            array[i] = crop_and_resize(decode_image(r.path), size)
        except ImageDecodeError as exc:
            raise ManifestError(
                f"{exc}; remove it from the manifest or re-import with `mpox-train data`"
            ) from exc
    if path is None:
        return array
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp, open(tmp, "wb") as f:  # a crash never leaves a half-written cache
        np.save(f, array)
    return np.load(path, mmap_mode="r")
