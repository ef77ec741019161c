"""Importers: public dataset layouts -> manifest records, with every problem reported, none hidden.

Each preset walks the layout users download and returns records plus problems (unknown labels, missing
files, unreadable images, duplicates). ``import_sources`` combines several sources into one manifest.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqdm import tqdm

from models.bundle import sha256_file
from models.errors import ImageDecodeError
from models.fsutil import atomic_path
from models.imageio import decode_image, iter_image_files
from models.taxonomy import KNOWN_LABELS, UNLABELLED

from .dataset_manifest import ManifestError, Record, printable, read_dataset_manifest, utf8_clean


@dataclass(frozen=True)
class Problem:
    kind: str  # unknown-label | missing-file | unreadable | duplicate | bad-file-name
    path: str
    detail: str

    def __post_init__(self) -> None:
        # A file name that is not valid UTF-8 is shown with backslash escapes: printable, writable as CSV.
        object.__setattr__(self, "path", printable(str(self.path)))
        object.__setattr__(self, "detail", printable(str(self.detail)))


@dataclass
class ImportResult:
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def extend(self, other: ImportResult) -> None:
        self.records.extend(other.records)
        self.problems.extend(other.problems)


# Kaggle "Dermnet" (23 categories): the four the paper used, mapped onto ours; the rest are reported.
DERMNET_MAP: dict[str, str] = {
    "eczema photos": "eczema",
    "urticaria hives": "urticaria",
    "bullous disease photos": "bullous",
    "vasculitis photos": "vasculitis",
}
MSLD_V1_MAP = {"monkey pox": "mpox", "monkeypox": "mpox", "others": "others"}
MSLD_V2_MAP = {
    "mpox": "mpox",
    "monkeypox": "mpox",
    "chickenpox": "chickenpox",
    "measles": "measles",
    "healthy": "normal",
    "normal": "normal",
}
MSID_MAP = {"monkeypox": "mpox", "chickenpox": "chickenpox", "measles": "measles", "normal": "normal"}

_PATIENT = re.compile(r"^(.*?\d+)(?:_\d+)?$")


def patient_id(stem: str) -> str:
    """MSLD file names carry the patient: P13_2 -> P13, 11_1 -> 11, MKP_01_01 -> MKP_01."""
    m = _PATIENT.match(stem)
    return m.group(1) if m else stem


def _folder_import(
    root: Path, mapping: dict[str, str], source: str, group_of: Callable[[Path], str], *, nested: bool = True
) -> ImportResult:
    """Class folders anywhere under ``root`` (matched case-insensitively against ``mapping``)."""
    root = Path(root)
    if not root.is_dir():
        raise ManifestError(f"dataset folder {root} not found")
    result = ImportResult()
    mapping = {k.lower(): v for k, v in mapping.items()}
    seen_class_dir = False
    dirs = [d for d in sorted(root.rglob("*") if nested else root.iterdir()) if d.is_dir()]
    for d in [root, *dirs]:
        files = [f for f in sorted(d.iterdir()) if f.is_file() and not f.name.startswith(".")]
        if not files:
            continue
        label = mapping.get(d.name.lower())
        if label is None:
            if d != root:
                result.problems.append(
                    Problem(
                        "unknown-label",
                        str(d),
                        f"folder {d.name!r} maps to no class "
                        f"({len(files)} files skipped); add a mapping to use it",
                    )
                )
            continue
        seen_class_dir = True
        for f in files:
            result.records.append(Record(f.resolve(), label, source, f"{source}:{group_of(f)}"))
    if not seen_class_dir:
        raise ManifestError(
            f"{root}: none of the expected class folders "
            f"({', '.join(sorted(mapping))}) was found; is this the right preset?"
        )
    return result


def import_msld_v1(root: Path, source: str = "msld_v1") -> ImportResult:
    # Patient ids repeat across the two class folders, so the group includes the folder.
    return _folder_import(root, MSLD_V1_MAP, source, lambda f: f"{f.parent.name}/{patient_id(f.stem)}")


def import_msld_v2(root: Path, source: str = "msld_v2") -> ImportResult:
    return _folder_import(root, MSLD_V2_MAP, source, lambda f: patient_id(f.stem))


def import_msid(root: Path, source: str = "msid") -> ImportResult:
    return _folder_import(root, MSID_MAP, source, lambda f: f"{f.parent.name}/{f.stem}")


def import_dermnet(root: Path, source: str = "dermnet") -> ImportResult:
    # train/ and test/ hold different photos of the same topics; file stems stay the group.
    return _folder_import(root, DERMNET_MAP, source, lambda f: f"{f.parent.name}/{f.stem}")


def import_folder(root: Path, mapping: dict[str, str], source: str = "folder") -> ImportResult:
    bad = {k: v for k, v in mapping.items() if v not in KNOWN_LABELS}
    if bad:
        raise ManifestError(f"mapping {bad} names unknown labels; use {', '.join(sorted(KNOWN_LABELS))}")
    return _folder_import(root, mapping, source, lambda f: f"{f.parent.name}/{f.stem}")


def import_isic2019(root: Path, source: str = "isic2019") -> ImportResult:
    """ISIC 2019: ground-truth CSV + images. Imported as unlabelled (for self-supervised pre-training);
    the lesion id from the metadata CSV, when present, is the group."""
    root = Path(root)
    truth = next(iter(sorted(root.rglob("*GroundTruth*.csv"))), None)
    if truth is None:
        raise ManifestError(f"{root}: no ISIC ground-truth CSV (*GroundTruth*.csv) found")
    lesions: dict[str, str] = {}
    meta = next(iter(sorted(root.rglob("*Metadata*.csv"))), None)
    if meta is not None:
        with open(meta, newline="") as f:
            lesions = {r["image"]: r.get("lesion_id") or "" for r in csv.DictReader(f)}
    images = {p.stem: p for p in iter_image_files([root])}
    result = ImportResult()
    with open(truth, newline="") as f:
        for row in csv.DictReader(f):
            image_id = row["image"]
            path = images.get(image_id)
            if path is None:
                result.problems.append(
                    Problem("missing-file", image_id, f"listed in {truth.name} but no image")
                )
                continue
            group = lesions.get(image_id) or image_id
            result.records.append(Record(path.resolve(), UNLABELLED, source, f"{source}:{group}"))
    return result


def import_manifest(path: Path, source: str | None = None) -> ImportResult:
    """A manifest CSV (extra columns ignored); rows whose file is missing are reported."""
    result = ImportResult()
    for r in read_dataset_manifest(path):
        if not r.path.is_file():
            result.problems.append(Problem("missing-file", str(r.path), f"listed in {path}"))
            continue
        result.records.append(replace(r, source=source) if source else r)
    return result


PRESETS: dict[str, Callable[..., ImportResult]] = {
    "msld_v1": import_msld_v1,
    "msld_v2": import_msld_v2,
    "msid": import_msid,
    "dermnet": import_dermnet,
    "isic2019": import_isic2019,
    "folder": import_folder,
    "manifest": import_manifest,
}


def check_images(result: ImportResult, *, decode: bool = True, progress: bool = True) -> ImportResult:
    """Drop unreadable files and byte-identical duplicates from the records, reporting each one."""
    kept: list[Record] = []
    first_by_hash: dict[str, Record] = {}
    problems = list(result.problems)
    for r in tqdm(result.records, desc="checking images", disable=not progress, unit="img"):
        if not utf8_clean(str(r.path), r.source, r.group, r.detail):
            problems.append(
                Problem(
                    "bad-file-name",
                    str(r.path),
                    "the file name is not valid UTF-8, so it "
                    "cannot be written to the manifest (UTF-8 CSV); rename it to import it",
                )
            )
            continue
        try:
            digest = sha256_file(r.path)
        except OSError as exc:
            problems.append(Problem("missing-file", str(r.path), str(exc)))
            continue
        if digest in first_by_hash:
            first = first_by_hash[digest]
            note = "" if first.label == r.label else f" (labels differ: {first.label} vs {r.label})"
            problems.append(
                Problem("duplicate", str(r.path), f"same bytes as {first.path}{note}; kept the first")
            )
            continue
        if decode:
            try:
                decode_image(r.path)
            except ImageDecodeError as exc:
                problems.append(Problem("unreadable", str(r.path), str(exc)))
                continue
        first_by_hash[digest] = r
        kept.append(r)
    return ImportResult(kept, problems)


def import_sources(
    sources: list[tuple[str, Path]],
    mapping: dict[str, str] | None = None,
    *,
    decode: bool = True,
    progress: bool = True,
) -> ImportResult:
    """Import and combine ``(preset, path)`` sources, then check files and duplicates across all of them."""
    combined = ImportResult()
    for preset, path in sources:
        if preset not in PRESETS:
            raise ManifestError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
        if preset == "folder":
            if not mapping:
                raise ManifestError(
                    "the folder preset needs a mapping: --map 'Folder name=label' (repeatable)"
                )
            combined.extend(import_folder(Path(path), mapping, source=Path(path).name))
        else:
            combined.extend(PRESETS[preset](Path(path)))
    return check_images(combined, decode=decode, progress=progress)


def write_problems(problems: list[Problem], path: Path) -> Path:
    with atomic_path(path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["kind", "path", "detail"])
        writer.writerows([p.kind, p.path, p.detail] for p in problems)
    return path
