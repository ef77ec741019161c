"""Datasets and loaders: cached images -> (normalised tensor, allowed-class mask).

A target is a boolean mask over the classes: one True for an ordinary label, several for a partial label
such as MSLD's ``others`` (chickenpox or measles). ``label_index`` is the class index, or -1 for a
partial label. Evaluation tensors come from ``Preprocessor.normalize`` on ``crop_and_resize`` output,
exactly as ``models.predictor.Predictor`` makes them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset, WeightedRandomSampler

from models.preprocessing import Preprocessor
from models.taxonomy import OPEN_SET_LABELS, allowed_classes

from .dataset_manifest import ManifestError, Record


def target_mask(records: Sequence[Record], classes: Sequence[str]) -> torch.Tensor:
    """(N, C) bool: which classes each record's label allows (none for an open-set image: an outlier)."""
    mask = torch.zeros(len(records), len(classes), dtype=torch.bool)
    for i, r in enumerate(records):
        if r.label in OPEN_SET_LABELS:
            continue
        try:
            idx = allowed_classes(r.label, tuple(classes))
        except ValueError as exc:
            raise ManifestError(f"{r.path}: {exc}") from exc
        if not idx:
            raise ManifestError(f"{r.path}: label {r.label!r} allows none of the classes {list(classes)}")
        mask[i, list(idx)] = True
    return mask


def label_index(records: Sequence[Record], classes: Sequence[str]) -> np.ndarray:
    """Class index per record, -1 for partial labels."""
    classes = list(classes)
    return np.array([classes.index(r.label) if r.label in classes else -1 for r in records])


class CachedImageDataset(Dataset):
    """Images from the uint8 cache; ``augment`` (CHW uint8 -> CHW uint8) only for training."""

    def __init__(
        self,
        images: np.ndarray,
        masks: torch.Tensor,
        preprocessor: Preprocessor,
        augment: Callable[[torch.Tensor], torch.Tensor] | None = None,
        indices: Sequence[int] | None = None,
    ):
        self.images = images
        self.masks = masks
        self.preprocessor = preprocessor
        self.augment = augment
        self.indices = list(range(len(images))) if indices is None else list(indices)

    def __len__(self) -> int:
        return len(self.indices)

    def __getitem__(self, i: int) -> tuple[torch.Tensor, torch.Tensor]:
        j = self.indices[i]
        img = np.array(self.images[j])  # HWC uint8, copied out of the (read-only) memory map
        if self.augment is not None:
            chw = self.augment(torch.from_numpy(img).permute(2, 0, 1))
            img = chw.permute(1, 2, 0)
        return self.preprocessor.normalize(img), self.masks[j]


def sample_weights(records: Sequence[Record]) -> torch.Tensor:
    """Inverse label frequency per record (balanced sampling; a partial label counts as its own label)."""
    counts = Counter(r.label for r in records)
    return torch.tensor([1.0 / counts[r.label] for r in records], dtype=torch.double)


def class_weights(records: Sequence[Record], classes: Sequence[str]) -> torch.Tensor:
    """Inverse class frequency, mean 1 over the classes present; partial labels count 1/k for each class."""
    mask = target_mask(records, classes).float()
    counts = (mask / mask.sum(1, keepdim=True)).sum(0)
    weights = torch.where(counts > 0, 1.0 / counts.clamp_min(1e-9), torch.zeros_like(counts))
    return weights * (counts > 0).sum() / weights.sum()


def expand_scarce(records: Sequence[Record], minimum: int) -> list[int]:
    """Indices repeating the scarce labels' images until each label has ``minimum`` samples.

    The paper's offline expansion ("Data_C"), done online: each repeat gets a fresh random augmentation.
    """
    by_label: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        by_label.setdefault(r.label, []).append(i)
    out: list[int] = []
    for idx in by_label.values():
        reps = max(1, -(-minimum // len(idx)))
        out.extend((idx * reps)[: max(minimum, len(idx))])
    return sorted(out)


def make_loader(
    dataset: Dataset,
    batch_size: int,
    *,
    shuffle: bool,
    num_workers: int = 0,
    sampler_weights: torch.Tensor | None = None,
    generator: torch.Generator | None = None,
    pin_memory: bool = False,
    drop_last: bool = False,
    distributed: bool = False,
) -> DataLoader:
    sampler = None
    if sampler_weights is not None:
        sampler = WeightedRandomSampler(
            sampler_weights, num_samples=len(dataset), replacement=True, generator=generator
        )
        shuffle = False
    elif distributed:
        from torch.utils.data.distributed import DistributedSampler

        sampler = DistributedSampler(
            dataset, shuffle=shuffle, seed=int(generator.initial_seed()) if generator else 0
        )
        shuffle = False
    return DataLoader(
        dataset,
        batch_size=batch_size,
        shuffle=shuffle,
        sampler=sampler,
        num_workers=num_workers,
        generator=generator,
        pin_memory=pin_memory,
        drop_last=drop_last,
        persistent_workers=False,
    )
