"""Case store benchmark (not a test): a sustained stream of cases through CaseWriter, and the review
list with 100,000 cases. Prints figures and ratios to a baseline measured in the same run.

    .venv/bin/python bench/bench_store.py --rate 10 --seconds 10 --cases 100000
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.store import CaseRecord, CaseWriter, StoreSettings, open_database  # noqa: E402
from kiosk.store.queries import CaseFilter, count_cases, list_cases  # noqa: E402
from kiosk.store.schema import Case  # noqa: E402


def record(i: int, image: np.ndarray) -> CaseRecord:
    return CaseRecord(
        captured_utc=datetime.now(UTC),
        station_id="gate-1",
        operator="officer",
        decision="flag",
        top_class="mpox",
        probabilities={"mpox": 0.9, "normal": 0.1},
        thresholds={"flag": 0.5},
        model_name="bench",
        model_sha256="ab" * 32,
        image_rgb=image,
        heatmap_rgb=image,
        quality={"blur": 100.0},
        traveller_ref=f"P{i:08d}",
    )


def camera_like_image() -> np.ndarray:
    """A real skin photo at 640x480 when ../shared/data/skin is there (noise compresses unrealistically)."""
    import csv

    import cv2

    from models.imageio import decode_image

    skin = Path(__file__).resolve().parents[2] / "shared" / "data" / "skin"
    if (skin / "manifest.csv").is_file():
        first = next(csv.DictReader((skin / "manifest.csv").open()))
        return cv2.resize(decode_image(skin / first["path"]), (640, 480))
    y, x = np.mgrid[0:480, 0:640]
    noise = np.random.default_rng(0).integers(0, 20, (480, 640, 1))
    return np.clip(np.dstack([x / 3, y / 2, (x + y) / 5]) + noise, 0, 255).astype(np.uint8)


def stream(url: str, data: Path, rate: float, seconds: float) -> dict:
    db = open_database(url, data)
    writer = CaseWriter(db, StoreSettings(data_dir=data))
    writer.start()
    image = camera_like_image()
    latencies = []
    n = int(rate * seconds)
    start = time.perf_counter()
    for i in range(n):
        target = start + i / rate
        time.sleep(max(0.0, target - time.perf_counter()))
        t = time.perf_counter()
        writer.submit_case(record(i, image))
        latencies.append(time.perf_counter() - t)
    submitted = time.perf_counter() - start
    writer.stop(timeout=60)
    total = time.perf_counter() - start
    stored = count_cases(db)
    db.close()
    lat = np.array(latencies) * 1000
    return {
        "cases": n,
        "stored": stored,
        "throughput_per_s": n / total,
        "offered_per_s": n / submitted,
        "submit_p50_ms": float(np.percentile(lat, 50)),
        "submit_p99_ms": float(np.percentile(lat, 99)),
    }


def baseline_fsync(data: Path, n: int) -> float:
    """p99 of a bare 1 MB write + fsync on the same disk: the floor under a durable submit."""
    import os

    blob = os.urandom(1 << 20)
    times = []
    for i in range(n):
        t = time.perf_counter()
        fd = os.open(data / f"b{i}", os.O_WRONLY | os.O_CREAT, 0o600)
        os.write(fd, blob)
        os.fsync(fd)
        os.close(fd)
        times.append(time.perf_counter() - t)
    return float(np.percentile(np.array(times) * 1000, 99))


def fill(db, n: int) -> None:
    rng = np.random.default_rng(1)
    base = datetime(2025, 1, 1, tzinfo=UTC)
    classes = ["mpox", "chickenpox", "measles", "normal", "eczema", "urticaria", "bullous", "vasculitis"]
    batch = []
    for i in range(n):
        batch.append(
            dict(
                id=uuid.uuid4().hex,
                captured_utc=base + timedelta(seconds=int(i * 30)),
                station_id=f"gate-{i % 4}",
                operator="o",
                decision=("flag", "review")[i % 2],
                top_class=classes[int(rng.integers(8))],
                top_probability=float(rng.random()),
                probabilities=json.dumps({"mpox": 0.5}),
                thresholds="{}",
                model_name="m",
                model_sha256="ab" * 32,
                quality="{}",
                traveller_ref=f"P{i:08d}",
                review_status="pending",
                created_utc=base,
            )
        )
        if len(batch) == 10_000:
            with db.session() as s, s.begin():
                s.execute(Case.__table__.insert(), batch)
            batch = []
    if batch:
        with db.session() as s, s.begin():
            s.execute(Case.__table__.insert(), batch)


def chain_cases(db) -> None:
    """One ``case_created`` audit entry per filled case, as the writer makes them (bulk, for speed)."""
    from kiosk.store import audit, integrity

    seq, prev = 0, audit.GENESIS
    entries = []
    ts = datetime.now(UTC)
    with db.session() as s:
        seq, prev = audit.head(s)
        for row in s.execute(Case.__table__.select().order_by(Case.created_utc, Case.id)):
            seq += 1
            details = json.dumps(
                {
                    "decision": row.decision,
                    "station": row.station_id,
                    "rows": {"case": {row.id: integrity.case_digest(row)}},
                },
                sort_keys=True,
            )
            value = audit.entry_hash(seq, ts, "o", "case_created", row.id, details, prev)
            entries.append(
                dict(
                    seq=seq,
                    ts_utc=ts,
                    actor="o",
                    action="case_created",
                    target=row.id,
                    details=details,
                    prev_hash=prev,
                    entry_hash=value,
                )
            )
            prev = value
    from kiosk.store.schema import AuditEntry

    with db.session() as s, s.begin():
        for i in range(0, len(entries), 10_000):
            s.execute(AuditEntry.__table__.insert(), entries[i : i + 10_000])
    db.anchor.record(seq, prev)


def timed(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def review_list(url: str, data: Path, n: int) -> None:
    db = open_database(url, data)
    t = time.perf_counter()
    fill(db, n)
    print(f"filled {n} cases in {time.perf_counter() - t:.1f} s")
    small = open_database(f"sqlite:///{data / 'small.sqlite3'}", data / "small")
    fill(small, 1000)
    queries = {
        "open (count + first page)": lambda d: (count_cases(d), list_cases(d, limit=200)),
        "filter decision+station+class": lambda d: (
            count_cases(d, f := CaseFilter(decisions=("flag",), stations=("gate-1",), top_classes=("mpox",))),
            list_cases(d, f, limit=200),
        ),
        "text search 'P0004'": lambda d: (count_cases(d, f := CaseFilter(text="P0004")), list_cases(d, f)),
        "sort by probability, page 400": lambda d: list_cases(
            d, sort="top_probability", offset=80_000 % max(1, n), limit=200
        ),
        "date range one week": lambda d: list_cases(
            d,
            CaseFilter(
                date_from=datetime(2025, 1, 10, tzinfo=UTC), date_to=datetime(2025, 1, 17, tzinfo=UTC)
            ),
            limit=200,
        ),
    }
    print(f"{'query':34s} {n:>9d} cases   1,000 cases   ratio")
    for name, q in queries.items():
        big_ms, small_ms = timed(lambda q=q: q(db)), timed(lambda q=q: q(small))
        print(f"{name:34s} {big_ms:9.1f} ms  {small_ms:9.1f} ms  {big_ms / max(small_ms, 1e-6):6.1f}x")
    t = time.perf_counter()
    chain_cases(db)
    print(f"chained {n} cases in {time.perf_counter() - t:.1f} s")
    from kiosk.store import audit

    t = time.perf_counter()
    report = audit.verify(db)
    print(
        f"verify-audit: {report.entries} entries, {report.rows_checked} rows, ok={report.ok}, "
        f"{time.perf_counter() - t:.1f} s"
    )
    big_ms = timed(lambda: (count_cases(db), list_cases(db, limit=200)))
    print(f"{'open (count + first page), chained':34s} {big_ms:9.1f} ms")
    db.close()
    small.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rate", type=float, default=10.0, help="cases per second offered")
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--cases", type=int, default=100_000, help="cases in the review-list benchmark (0: skip)")
    ap.add_argument("--url", default="", help="SQLAlchemy URL (default: a SQLite file in a temporary folder)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        floor = baseline_fsync(data, 50)
        result = stream(
            args.url or f"sqlite:///{data / 'stream.sqlite3'}", data / "stream", args.rate, args.seconds
        )
        print(
            f"stream: {result['cases']} cases offered at {args.rate}/s, {result['stored']} stored; "
            f"throughput {result['throughput_per_s']:.1f}/s; submit p50 {result['submit_p50_ms']:.1f} ms, "
            f"p99 {result['submit_p99_ms']:.1f} ms; baseline 1 MB write+fsync p99 {floor:.1f} ms "
            f"(ratio {result['submit_p99_ms'] / floor:.1f}x)"
        )
        if args.cases:
            url = args.url or f"sqlite:///{data / 'big.sqlite3'}"
            review_list(url, data / "big", args.cases)
    return 0


if __name__ == "__main__":
    sys.exit(main())
