"""Images for SimCLR: any image folder or a manifest CSV, scanned once, two augmented views per image.

Every file is read and decoded once before training: unreadable ones are reported (with the reason) and
skipped, and the bytes of the readable ones are hashed so the artefact can say exactly what it saw.
Augmentation is seeded per (seed, epoch, index), so a run is reproducible whatever the number of loader
workers, and a resumed run sees exactly the views it would have seen.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch.utils.data import Dataset, Sampler
from tqdm import tqdm

from models.errors import ImageDecodeError, MpoxError
from models.imageio import decode_image, iter_image_files
from models.taxonomy import UNLABELLED


class SSLDataError(MpoxError):
    """The pre-training data cannot be used as given."""


@dataclass(frozen=True)
class ImageItem:
    path: Path
    label: str = UNLABELLED
    group: str = ""


@dataclass
class ScanResult:
    items: list[ImageItem]
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    sha256: str = ""  # over the relative paths and bytes of the readable images, in order


def read_manifest_rows(manifest: Path) -> list[ImageItem]:
    """Rows of a manifest CSV (the one format, ``training.dataset_manifest``) as SimCLR image items."""
    from ..dataset_manifest import ManifestError, read_dataset_manifest

    try:
        records = read_dataset_manifest(manifest)
    except (ManifestError, OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SSLDataError(
            f"{exc}" if isinstance(exc, ManifestError) else f"manifest {manifest} cannot be read ({exc})"
        ) from exc
    return [ImageItem(r.path, r.label, r.group) for r in records]


def list_images(data: str | Path, all_rows: bool = False) -> list[ImageItem]:
    """Images of a folder (recursively), or of a manifest's ``unlabelled`` rows (every row with all_rows)."""
    data = Path(data)
    if data.is_dir():
        items = [ImageItem(p, UNLABELLED, str(p)) for p in iter_image_files([data])]
        where = f"folder {data}"
    elif data.is_file() and data.suffix.lower() == ".csv":
        rows = read_manifest_rows(data)
        items = rows if all_rows else [r for r in rows if r.label == UNLABELLED]
        where = f"manifest {data}"
        if not all_rows:
            where += f" (rows labelled {UNLABELLED!r}; --all-rows uses all)"
    elif data.exists():
        raise SSLDataError(f"--data {data}: give an image folder or a manifest .csv")
    else:
        raise SSLDataError(f"--data {data}: no such folder or file")
    if not items:
        raise SSLDataError(f"no images found in {where}")
    return items


def scan_images(items: list[ImageItem], root: Path | None = None, progress: bool = True) -> ScanResult:
    """Decode each image once; keep the readable ones, report the others, hash what was kept."""
    digest = hashlib.sha256()
    result = ScanResult(items=[])
    for item in tqdm(items, desc="checking images", unit="img", disable=not progress, leave=False):
        try:
            data = item.path.read_bytes()
            decode_image(data, name=str(item.path))
        except OSError as exc:
            result.skipped.append((item.path, f"cannot be read ({exc.strerror or exc})"))
            continue
        except ImageDecodeError as exc:
            result.skipped.append((item.path, exc.problem))
            continue
        rel = item.path.relative_to(root) if root and item.path.is_relative_to(root) else item.path
        digest.update(str(rel).encode() + b"\0" + hashlib.sha256(data).digest())
        result.items.append(item)
    result.sha256 = digest.hexdigest()
    return result


def sample_seed(seed: int, epoch: int, index: int) -> int:
    return int(np.random.SeedSequence([seed, epoch, index]).generate_state(1)[0])


@contextlib.contextmanager
def seeded(seed: int) -> Iterator[None]:
    """Seed torch, numpy and random (transforms use all three) and restore their states afterwards."""
    torch_state, np_state, py_state = torch.get_rng_state(), np.random.get_state(), random.getstate()
    torch.manual_seed(seed)
    np.random.seed(seed % 2**32)
    random.seed(seed)
    try:
        yield
    finally:
        torch.set_rng_state(torch_state)
        np.random.set_state(np_state)
        random.setstate(py_state)


class TwoViewDataset(Dataset):
    """Indexed by (epoch, index): returns the two augmented views of that image for that epoch."""

    def __init__(self, items: list[ImageItem], transform, seed: int = 0):
        self.items = items
        self.transform = transform
        self.seed = seed

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, key: tuple[int, int]) -> tuple[torch.Tensor, torch.Tensor]:
        epoch, index = key
        image = Image.fromarray(decode_image(self.items[index].path))
        with seeded(sample_seed(self.seed, epoch, index)):
            view0, view1 = self.transform(image)
        return view0, view1


class ResumableSampler(Sampler):
    """A seeded permutation per epoch, sharded across ranks, that can start part-way through an epoch.

    Yields (epoch, index). Each rank gets ``len // world_size`` indices (the tail is dropped so every
    rank runs the same number of steps).
    """

    def __init__(self, n: int, seed: int = 0, rank: int = 0, world_size: int = 1):
        self.n, self.seed, self.rank, self.world_size = n, seed, rank, world_size
        self.epoch = 0
        self.start = 0

    def set_epoch(self, epoch: int, start: int = 0) -> None:
        self.epoch, self.start = epoch, start

    def per_rank(self) -> int:
        return self.n // self.world_size

    def __len__(self) -> int:
        return self.per_rank() - self.start

    def __iter__(self) -> Iterator[tuple[int, int]]:
        gen = torch.Generator().manual_seed(self.seed * 100_003 + self.epoch)
        order = torch.randperm(self.n, generator=gen)[: self.per_rank() * self.world_size]
        mine = order[self.rank :: self.world_size].tolist()
        for index in mine[self.start :]:
            yield self.epoch, index
