"""Group-aware, stratified splits: train/val/test and k folds, deterministic from a seed, saved and reused.

A group (an MSLD patient, near-duplicate photos) always lies on one side, or the scores leak. Partial
labels (``others``) stratify as their own label. The split file stores paths relative to the manifest's
folder, so it keeps working when the data folder moves with its manifest.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

from models.bundle import sha256_file

from .dataset_manifest import ManifestError, Record, labelled, read_dataset_manifest

SPLIT_NAMES = ("train", "val", "test")


def _kfold_assign(labels: list[str], groups: list[str], k: int, seed: int) -> np.ndarray:
    """Fold index per sample (StratifiedGroupKFold, shuffled deterministically by ``seed``)."""
    n_groups = len(set(groups))
    if n_groups < k:
        raise ManifestError(f"only {n_groups} groups: cannot make {k} group-disjoint folds")
    largest = max(Counter(labels).values())
    if largest < k:  # scikit-learn's own refusal is a traceback; say what to do
        raise ManifestError(
            f"no class has {k} images (the largest has {largest}): cannot stratify {k} folds. Add images, or "
            "give --split-file"
        )
    folds = np.full(len(labels), -1)
    sgkf = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    for i, (_, test_idx) in enumerate(sgkf.split(np.zeros(len(labels)), labels, groups)):
        folds[test_idx] = i
    return folds


def make_split(
    records: list[Record], *, val: float = 0.15, test: float = 0.15, k: int = 0, seed: int = 0
) -> dict:
    """Assign every labelled record to train/val/test (and, with ``k`` >= 2, to one of k folds).

    Train/val/test come from ``round(1/test)`` group folds: one fold is the test set, and the validation
    set is carved the same way from the rest, so both are group-disjoint and stratified.
    """
    records = labelled(records)
    if not 0 < test < 1 or not 0 < val < 1 or val + test >= 1:
        raise ManifestError(f"split fractions val={val} test={test} must be in (0, 1) with val + test < 1")
    labels = [r.label for r in records]
    groups = [r.group for r in records]
    n_test = max(2, round(1 / test))
    outer = _kfold_assign(labels, groups, n_test, seed)
    assign = np.where(outer == 0, "test", "train").astype(object)
    rest = np.flatnonzero(outer != 0)
    n_val = max(2, round((1 - test) / val))
    inner = _kfold_assign([labels[i] for i in rest], [groups[i] for i in rest], n_val, seed + 1)
    assign[rest[inner == 0]] = "val"
    split = {
        "seed": seed,
        "val": val,
        "test": test,
        "k": k,
        "assignments": {str(r.path): str(a) for r, a in zip(records, assign, strict=True)},
    }
    if k >= 2:
        folds = _kfold_assign(labels, groups, k, seed)
        split["folds"] = {str(r.path): int(f) for r, f in zip(records, folds, strict=True)}
    return split


def joint_split(manifests: list[Path], *, seed: int = 0, val: float = 0.15, test: float = 0.15) -> dict:
    """One split over several manifests: each is split on its own (``make_split``, same seed) and the sides
    joined. A manifest's images keep the sides they had without the others, so adding a data set never moves
    an earlier test image into training. Groups must not span manifests (checked)."""
    per = [labelled(read_dataset_manifest(m)) for m in manifests]
    owner: dict[str, int] = {}
    for i, records in enumerate(per):
        for r in records:
            if owner.setdefault(r.group, i) != i:
                raise ManifestError(
                    f"group {r.group!r} appears in {manifests[owner[r.group]]} and {manifests[i]}: a group "
                    "must stay on one side of the split; give the manifests distinct group names"
                )
    assignments: dict[str, str] = {}
    for records in per:
        assignments.update(make_split(records, val=val, test=test, seed=seed)["assignments"])
    return {"seed": seed, "val": val, "test": test, "k": 0, "assignments": assignments}


def save_split(split: dict, path: str | Path, manifest_path: str | Path) -> Path:
    """Save with paths relative to the manifest's folder and the manifest's SHA-256."""
    path, manifest_path = Path(path), Path(manifest_path)
    base = manifest_path.resolve().parent

    def rel(p: str) -> str:
        try:
            return Path(p).relative_to(base).as_posix()
        except ValueError:
            return p

    out = dict(split, manifest=str(manifest_path.resolve()), manifest_sha256=sha256_file(manifest_path))
    out["assignments"] = {rel(p): a for p, a in split["assignments"].items()}
    if "folds" in split:
        out["folds"] = {rel(p): f for p, f in split["folds"].items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
    return path


def load_split(path: str | Path, manifest_path: str | Path) -> dict:
    """Read a split file; paths are resolved against the manifest's folder (absolute paths kept)."""
    path = Path(path)
    if not path.is_file():
        raise ManifestError(f"split file {path} not found; make one with `mpox-train split`")
    try:
        split = json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        raise ManifestError(f"split file {path} is not valid JSON ({exc}); make it again") from exc
    base = Path(manifest_path).resolve().parent
    split["assignments"] = {str((base / p).resolve()): a for p, a in split["assignments"].items()}
    if "folds" in split:
        split["folds"] = {str((base / p).resolve()): int(f) for p, f in split["folds"].items()}
    return split


def select(records: list[Record], split: dict, name: str, *, fold: int | None = None) -> list[Record]:
    """Records of split ``name`` (train/val/test); with ``fold``, 'test' is that fold and 'train' the rest."""
    records = labelled(records)
    if fold is not None:
        if "folds" not in split:
            raise ManifestError("this split file has no folds; make it with `mpox-train split --k K`")
        folds = split["folds"]
        unknown = [r for r in records if str(r.path) not in folds]
        if unknown:
            raise ManifestError(
                f"{len(unknown)} manifest images are not in the split file (e.g. {unknown[0].path})"
            )
        return [r for r in records if (folds[str(r.path)] == fold) == (name == "test")]
    if name not in SPLIT_NAMES:
        raise ManifestError(f"unknown split {name!r}; choose one of {', '.join(SPLIT_NAMES)}")
    assignments = split["assignments"]
    unknown = [r for r in records if str(r.path) not in assignments]
    if unknown:
        raise ManifestError(
            f"{len(unknown)} manifest images are not in the split file (e.g. {unknown[0].path}); "
            "the manifest changed since the split was made: make the split again"
        )
    return [r for r in records if assignments[str(r.path)] == name]
