"""The one manifest format: a CSV with ``path,label,source,group`` and optional ``grade,stage,detail``.

Paths are relative to the manifest's folder (or absolute). Extra columns (licence, origin...) are ignored
on reading, so ``../shared/data/skin/manifest.csv`` reads as is.

Besides the eight classes, a manifest may hold the open-set labels ``other_condition`` (a rash of a condition
outside the eight; ``detail`` names it) and ``not_skin``: :func:`labelled` leaves them out of the eight-class
work, :func:`open_set` selects them.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from models.errors import MpoxError
from models.fsutil import atomic_path
from models.taxonomy import CLASSES, KNOWN_LABELS, OPEN_SET_LABELS, UNLABELLED

REQUIRED_COLUMNS = ("path", "label", "source", "group")
OPTIONAL_COLUMNS = ("grade", "stage", "detail")


class ManifestError(MpoxError):
    """A manifest that cannot be read or used."""


def printable(text: str) -> str:
    """``text`` with the bytes of a file name that is not valid UTF-8 (which Python carries as lone
    surrogates) written as backslash escapes, so it can be printed and written to a UTF-8 file:
    ``caf\\xe9.jpg``."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def utf8_clean(*texts: str) -> bool:
    """Whether every text encodes as UTF-8 (a file name that is not valid UTF-8 does not)."""
    try:
        for text in texts:
            text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class Record:
    path: Path  # absolute
    label: str
    source: str
    group: str
    grade: str = ""
    stage: str = ""
    detail: str = ""  # open-set images: the condition (DermNet topic) or kind of non-skin picture


def read_dataset_manifest(path: str | Path) -> list[Record]:
    """Read a manifest CSV; relative paths resolve against its folder. ManifestError names the row."""
    path = Path(path)
    if not path.is_file():
        raise ManifestError(f"manifest {path} not found; make one with `mpox-train data`")
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ManifestError(
                f"manifest {path} lacks the column(s) {', '.join(missing)}; "
                f"it needs {', '.join(REQUIRED_COLUMNS)}"
            )
        records = []
        for line, row in enumerate(reader, start=2):
            label = (row["label"] or "").strip().lower()
            if label not in KNOWN_LABELS:
                raise ManifestError(
                    f"{path} line {line}: unknown label {row['label']!r}; "
                    f"use one of {', '.join(sorted(KNOWN_LABELS))}"
                )
            p = Path(row["path"])
            records.append(
                Record(
                    path=(p if p.is_absolute() else path.parent / p).resolve(),
                    label=label,
                    source=(row["source"] or "").strip() or "unknown",
                    group=(row["group"] or "").strip() or str(p),
                    grade=(row.get("grade") or "").strip(),
                    stage=(row.get("stage") or "").strip(),
                    detail=(row.get("detail") or "").strip(),
                )
            )
    if not records:
        raise ManifestError(f"manifest {path} lists no images")
    return records


def write_dataset_manifest(records: list[Record], path: str | Path) -> Path:
    """Write records with paths relative to the manifest's folder where possible."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    base = path.parent.resolve()
    with_extra = any(r.grade or r.stage or r.detail for r in records)
    columns = list(REQUIRED_COLUMNS) + (list(OPTIONAL_COLUMNS) if with_extra else [])
    with atomic_path(path) as tmp, open(tmp, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        for r in records:
            try:
                shown = r.path.resolve().relative_to(base).as_posix()
            except ValueError:
                shown = str(r.path.resolve())
            row = [shown, r.label, r.source, r.group] + ([r.grade, r.stage, r.detail] if with_extra else [])
            if not utf8_clean(*row):  # the temporary file is removed, the target left as it was
                raise ManifestError(
                    f"cannot write {printable(shown)} to {path}: its name (or source, group) is not valid "
                    "UTF-8; rename the file, or import it with `mpox-train data`, which reports such files"
                )
            writer.writerow(row)
    return path


def labelled(records: list[Record]) -> list[Record]:
    """Records of the eight-class work: training, splits and evaluation (drops ``unlabelled`` and the
    open-set labels, which are not classes)."""
    return [r for r in records if r.label != UNLABELLED and r.label not in OPEN_SET_LABELS]


def open_set(records: list[Record]) -> list[Record]:
    """Records with an open-set label (``other_condition``, ``not_skin``)."""
    return [r for r in records if r.label in OPEN_SET_LABELS]


def count_table(records: list[Record]) -> str:
    """Plain-text table of image counts per label (rows) and source (columns)."""
    counts = Counter((r.label, r.source) for r in records)
    sources = sorted({r.source for r in records})
    order = [c for c in CLASSES] + sorted({r.label for r in records} - set(CLASSES))
    labels = [lab for lab in order if any(counts[(lab, s)] for s in sources)]
    width = max([len(s) for s in sources] + [5])
    lw = max([len(lab) for lab in labels] + [11]) + 1  # other_condition is longer than the classes' names
    head = f"{'label':<{lw}}" + "".join(f"{s:>{width + 2}}" for s in sources) + f"{'total':>{width + 2}}"
    lines = [head, "-" * len(head)]
    for lab in labels:
        row = [counts[(lab, s)] for s in sources]
        lines.append(f"{lab:<{lw}}" + "".join(f"{n:>{width + 2}}" for n in row) + f"{sum(row):>{width + 2}}")
    totals = [sum(counts[(lab, s)] for lab in labels) for s in sources]
    lines.append(
        f"{'total':<{lw}}" + "".join(f"{n:>{width + 2}}" for n in totals) + f"{sum(totals):>{width + 2}}"
    )
    return "\n".join(lines)
