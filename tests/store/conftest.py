from __future__ import annotations

import json
import os
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import create_engine, text

from kiosk.store import CaseRecord, StoreSettings, audit, open_database
from kiosk.store.schema import Case

POSTGRES_URL = os.environ.get("MPOX_TEST_POSTGRES_URL", "")
NO_POSTGRES = "MPOX_TEST_POSTGRES_URL is not set (.ci/run starts a PostgreSQL server and sets it)"


def reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def backend_url(request, tmp_path) -> str:
    """The same store test against a SQLite file and a real PostgreSQL server (when there is one)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    reset_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def settings(tmp_path) -> StoreSettings:
    return StoreSettings(data_dir=tmp_path, max_failed_logins=3, lockout_minutes=10)


@pytest.fixture
def db(backend_url, tmp_path):
    database = open_database(backend_url, tmp_path)
    yield database
    database.close()


@pytest.fixture
def sqlite_db(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'cases.sqlite3'}", tmp_path)
    yield database
    database.close()


def make_record(
    seed: int = 0,
    decision: str = "flag",
    top_class: str = "mpox",
    station: str = "gate-1",
    ref: str = "",
    when: datetime | None = None,
    heatmap: bool = True,
) -> CaseRecord:
    rng = np.random.default_rng(seed)
    image = rng.integers(0, 256, size=(48, 64, 3), dtype=np.uint8)
    probs = {c: 0.02 for c in ("mpox", "chickenpox", "measles", "normal", "eczema", "urticaria")}
    probs[top_class] = 0.9
    return CaseRecord(
        captured_utc=when or datetime.now(UTC),
        station_id=station,
        operator="officer1",
        decision=decision,
        top_class=top_class,
        probabilities=probs,
        thresholds={"flag": 0.5, "review": 0.6, "flagged_classes": ["mpox"]},
        model_name="tiny",
        model_sha256="ab" * 32,
        image_rgb=image,
        heatmap_rgb=255 - image if heatmap else None,
        quality={"blur": 120.0, "brightness": 0.5, "skin_fraction": 0.4},
        traveller_ref=ref,
    )


def insert_rows(db, rows: list[dict]) -> list[str]:
    """Case rows straight into the table (no images): fast set-up for query tests. They are registered in
    the audit chain, as the writer does for each case, so audit.verify stays OK."""
    ids = []
    base = datetime(2025, 1, 1, tzinfo=UTC)
    objs = []
    for i, row in enumerate(rows):
        cid = uuid.uuid4().hex
        ids.append(cid)
        ref, ref_hmac = db.references.seal(cid, row.get("ref", ""))  # as the writer stores it
        objs.append(
            Case(
                id=cid,
                captured_utc=row.get("when", base + timedelta(minutes=i)),
                station_id=row.get("station", "gate-1"),
                operator="officer1",
                decision=row.get("decision", "flag"),
                top_class=row.get("top_class", "mpox"),
                top_probability=row.get("p", 0.9),
                probabilities=json.dumps({"mpox": 0.9}),
                thresholds="{}",
                model_name="tiny",
                model_sha256="ab" * 32,
                quality="{}",
                traveller_ref=ref,
                traveller_ref_hmac=ref_hmac,
                review_status=row.get("status", "pending"),
                outcome=row.get("outcome"),
                reason_code=row.get("reason_code", ""),
            )
        )

    def work(s) -> None:
        s.add_all(objs)
        audit.append(s, "test", "rows_registered", f"{len(objs)} cases", rows=[("case", o) for o in objs])

    db.transact(work)
    return ids


def wait_until(predicate, timeout: float = 20.0, what: str = "condition") -> None:
    """Poll a condition (not a timing assertion: the timeout only stops a hung test)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.02)


def media_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "media").rglob("*.enc"))


def older_spool_entry(case_id: str, **overrides) -> dict:
    """A spool entry as an older version (without the later fields and the checks) left it."""
    entry = {
        "id": case_id,
        "captured_utc": datetime.now(UTC).isoformat(),
        "station_id": "gate-1",
        "operator": "officer1",
        "decision": "flag",
        "top_class": "mpox",
        "top_probability": 0.9,
        "probabilities": {"mpox": 0.9},
        "thresholds": {"flag": 0.5},
        "model_name": "tiny",
        "model_sha256": "ab" * 32,
        "image_path": None,
        "image_sha256": None,
        "heatmap_path": None,
        "heatmap_sha256": None,
        "quality": {},
        "traveller_ref": "",
    }
    return {**entry, **overrides}
