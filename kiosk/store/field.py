"""From the field back to the model (issue 28): the confirmed cases of a store, read by an admin.

A case with a confirmed label (``cases.confirmed_label``, recorded by a reviewer) is the only image of the
station's own domain with a true label. Two uses read them here, both admin-only and audited:

- **local validation** (``mpox-train evaluate --store``): every confirmed case, its picture decrypted in
  memory only, never written anywhere;
- **retraining** (``mpox-train data --from-store``): only the cases whose traveller agreed to reuse of the
  picture for improving the model (``consent_training``), written as a dataset manifest (source = the station,
  group = the traveller, so one person never lands on both sides of a split) with pseudonymous file names.

The store holds the cases a station logged (FLAG and REVIEW; a CLEAR is only counted), so figures on it are
figures on logged cases: a missed mpox case that was cleared is not there.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import secrets
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import cv2
import numpy as np
from sqlalchemy import select
from sqlalchemy.engine import make_url

from kiosk.store import audit
from kiosk.store.accounts import UserSession, require_admin
from kiosk.store.database import Database, open_database
from kiosk.store.errors import MediaError, StoreError
from kiosk.store.fsperm import private_dir
from kiosk.store.media import write_durably
from kiosk.store.schema import Case, ShadowVerdict
from models.taxonomy import CLASSES, NOT_SKIN, OTHER_CONDITION

# The labels a dataset manifest can carry (training/dataset_manifest.py): "unknown" (examined, no diagnosis)
# teaches nothing and is left out of an export; local validation counts it apart.
EXPORTABLE = (*CLASSES, OTHER_CONDITION, NOT_SKIN)


class NoConfirmedCases(StoreError):
    """The store has no confirmed case to measure or export (yet)."""


@dataclass(frozen=True)
class FieldCase:
    """One confirmed case, as local validation and retraining read it (nothing that names the traveller)."""

    case_id: str
    station_id: str
    captured_utc: datetime
    label: str
    detail: str
    decision: str  # what the station decided then
    top_class: str
    reason_code: str
    model_name: str
    model_sha256: str
    thresholds: dict
    person: str  # the traveller's keyed reference hash, else the case id: one person, one group
    consent_training: bool | None
    image_path: str | None
    image_sha256: str | None


def open_store(url: str, data_dir: Path, key_file: Path | None = None) -> Database:
    """Open an existing case store for reading its field data, without creating or upgrading anything: a
    missing SQLite file or an older schema is a clear error, never a new empty database."""
    try:
        parsed = make_url(url)
    except Exception as exc:  # noqa: BLE001 - any unparsable URL
        raise StoreError(f"--store {url!r} is not a database URL (sqlite:///PATH, postgresql://...)") from exc
    if parsed.get_backend_name() == "sqlite" and not (parsed.database and Path(parsed.database).is_file()):
        raise StoreError(f"no case database at {parsed.database or url}: check --store (the station's file)")
    if not Path(data_dir).is_dir():
        raise StoreError(f"the station's data folder {data_dir} does not exist: check --store-data")
    return open_database(url, Path(data_dir), key_file, existing_only=True)


def confirmed_cases(db: Database, user: UserSession, for_training: bool = False) -> list[FieldCase]:
    """The confirmed cases, oldest first; ``for_training``: only those whose traveller agreed to reuse."""
    require_admin(user, "read the confirmed cases of the store")
    query = select(Case).where(Case.confirmed_label.is_not(None)).order_by(Case.captured_utc, Case.id)
    if for_training:
        query = query.where(Case.consent_training.is_(True))
    with db.session() as s:
        rows = list(s.execute(query).scalars())
    cases = [_field_case(c) for c in rows]
    if not cases:
        which = (
            "confirmed case whose traveller agreed to reuse for training"
            if for_training
            else ("case with a confirmed label")
        )
        raise NoConfirmedCases(
            f"the store {db.describe} has no {which}: reviewers record what a case turned out to be in the "
            "review window (case screen, 'Turned out to be')"
        )
    return cases


def _field_case(c: Case) -> FieldCase:
    try:
        thresholds = json.loads(c.thresholds or "{}")
    except ValueError:
        thresholds = {}
    return FieldCase(
        case_id=c.id,
        station_id=c.station_id,
        captured_utc=c.captured_utc,
        label=c.confirmed_label,
        detail=c.confirmed_detail or "",
        decision=c.decision,
        top_class=c.top_class,
        reason_code=c.reason_code or "",
        model_name=c.model_name,
        model_sha256=c.model_sha256,
        thresholds=thresholds if isinstance(thresholds, dict) else {},
        person=c.traveller_ref_hmac or c.id,
        consent_training=c.consent_training,
        image_path=None if c.images_purged_utc else c.image_path,
        image_sha256=c.image_sha256,
    )


def pictures(
    db: Database, cases: list[FieldCase], skipped: Counter
) -> Iterator[tuple[FieldCase, np.ndarray]]:
    """Each case with its decrypted RGB picture, in memory. A purged or unreadable picture is counted in
    ``skipped`` (reason -> count: "purged", "missing", "damaged", "key") and left out; when not one picture
    decrypts, the key is wrong: StoreError, after the last."""
    read, last = 0, None
    for case in cases:
        if not case.image_path:
            skipped["purged"] += 1
            continue
        try:
            image = db.media.load(case.image_path, case.image_sha256)
        except MediaError as exc:
            skipped[exc.problem] += 1
            last = exc
            if exc.problem == "key":  # the key file itself is unusable: no picture will open
                break
            continue
        read += 1
        yield case, image
    if last is not None and (last.problem == "key" or read == 0):
        raise StoreError(
            f"the case pictures cannot be read with the key file {db.media.key_file} ({last}). Use the "
            "station's own key file (--key-file), restored from its backup"
        ) from last


def _pseudonym(salt: bytes, value: str) -> str:
    return hashlib.sha256(salt + value.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class ExportSummary:
    manifest: Path
    written: int
    labels: dict[str, int]
    stations: dict[str, int]
    skipped: dict[str, int]


MANIFEST_COLUMNS = ("path", "label", "source", "group", "detail")


def export_dataset(db: Database, user: UserSession, out_dir: Path) -> ExportSummary:
    """The confirmed cases whose traveller agreed to reuse, as a dataset manifest in ``out_dir`` (made new,
    0700): ``images/<pseudonym>.png`` and ``manifest.csv`` (path, label, source = station, group = traveller
    pseudonym, detail = another condition's name). Written into a temporary folder and moved into place whole,
    so a failure leaves nothing behind; audited."""
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise StoreError(f"{out_dir} is not empty: export into a new folder")
    cases = [c for c in confirmed_cases(db, user, for_training=True) if c.label in EXPORTABLE]
    if not cases:
        raise NoConfirmedCases(
            "no consented case has a label a model can learn from (a class, another condition, not skin): "
            "'unknown' is left out"
        )
    salt = secrets.token_bytes(16)  # pseudonyms of this export only: two exports cannot be joined on them
    parent = out_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    work = parent / f".{out_dir.name}.{os.getpid()}.partial"
    for stale in parent.glob(f".{out_dir.name}.*.partial"):  # an export killed midway left decrypted pictures
        shutil.rmtree(stale, ignore_errors=True)
    private_dir(work)  # 0700: the pictures are health data
    private_dir(work / "images")
    skipped: Counter = Counter()
    rows = []
    try:
        for case, rgb in pictures(db, cases, skipped):
            name = f"images/{_pseudonym(salt, case.case_id)}.png"
            ok, png = cv2.imencode(".png", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
            if not ok:
                skipped["damaged"] += 1
                continue
            write_durably(work / name, png.tobytes())
            rows.append((name, case.label, case.station_id, _pseudonym(salt, case.person), case.detail))
        if not rows:
            raise NoConfirmedCases("none of the consented confirmed cases has a readable picture (purged?)")
        table = io.StringIO(newline="")
        out = csv.writer(table)
        out.writerow(MANIFEST_COLUMNS)
        out.writerows(rows)
        write_durably(work / "manifest.csv", table.getvalue().encode("utf-8"))
        if out_dir.exists():
            out_dir.rmdir()
        os.replace(work, out_dir)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    summary = ExportSummary(
        out_dir / "manifest.csv",
        len(rows),
        dict(Counter(r[1] for r in rows)),
        dict(Counter(r[2] for r in rows)),
        dict(skipped),
    )
    audit.record(
        db,
        user.username,
        "field_exported",
        str(out_dir),
        {
            "cases": len(rows),
            "labels": summary.labels,
            "stations": summary.stations,
            "skipped": summary.skipped,
        },
    )
    return summary


@dataclass(frozen=True)
class ShadowPair:
    """One frame both bundles screened: the live and the shadow verdict, and the case's confirmed label when
    the live result was stored and a reviewer labelled it."""

    station_id: str
    captured_utc: datetime
    live_bundle_sha256: str
    live_decision: str
    shadow_decision: str
    shadow_top_class: str
    shadow_reason_code: str
    confirmed_label: str | None


def shadow_pairs(db: Database, user: UserSession, candidate_sha256: str) -> list[ShadowPair]:
    """Every stored verdict of the candidate bundle (a SHA-256 or its first 12 or more hex digits), oldest
    first, with the confirmed label of the live case where there is one."""
    require_admin(user, "compare a shadow bundle with the live one")
    candidate = candidate_sha256.strip().lower()
    if len(candidate) < 12:
        raise StoreError("name the candidate bundle by its SHA-256 (at least its first 12 hex digits)")
    query = (
        select(ShadowVerdict, Case.confirmed_label)
        .outerjoin(Case, Case.id == ShadowVerdict.case_id)
        .where(ShadowVerdict.shadow_bundle_sha256.startswith(candidate, autoescape=True))
        .order_by(ShadowVerdict.captured_utc, ShadowVerdict.id)
    )
    with db.session() as s:
        rows = s.execute(query).all()
    if not rows:
        raise NoConfirmedCases(
            f"the store has no verdict of the shadow bundle {candidate[:12]}: set [model] shadow_bundle on "
            "the stations and let them screen for a while first"
        )
    return [
        ShadowPair(
            v.station_id,
            v.captured_utc,
            v.live_bundle_sha256,
            v.live_decision,
            v.shadow_decision,
            v.shadow_top_class,
            v.shadow_reason_code,
            label,
        )
        for v, label in rows
    ]
