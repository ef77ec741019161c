"""Load benchmark (not a test): a sustained stream of confirmed cases through CaseWriter while a reader does
what the review list does (count + first page of 200, newest first) every ``--poll`` seconds.

Reports: offered vs achieved rate, cases lost (acknowledged but not stored at the end), submit_case latency,
where one submit spends its time (PNG encode, AES-GCM, durable writes), review-list query latency during the
stream, and PRAGMA integrity_check. A real 640x480 skin photo (+ heatmap) per case when ../shared/data/skin
is present.

    nice -n 19 .venv/bin/python bench/bench_load.py --rate 10 --seconds 60
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import cv2

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_store import camera_like_image, record  # noqa: E402
from kiosk.store import CaseWriter, StoreSettings, open_database  # noqa: E402
from kiosk.store.queries import CaseFilter, count_cases, list_cases  # noqa: E402


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000.0 if values else float("nan")


def submit_breakdown(data: Path, image, reps: int = 20) -> dict[str, float]:
    """Median ms of each part of submit_case, timed separately on the same image."""
    import os
    import secrets

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from kiosk.store.media import write_durably

    aead = AESGCM(AESGCM.generate_key(bit_length=256))
    parts: dict[str, list[float]] = {"png_encode": [], "aes_gcm": [], "durable_write": []}
    (data / "probe").mkdir(exist_ok=True)
    for i in range(reps):
        t0 = time.perf_counter()
        bgr = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
        ok, png = cv2.imencode(".png", bgr, [cv2.IMWRITE_PNG_COMPRESSION, 1])
        t1 = time.perf_counter()
        blob = aead.encrypt(secrets.token_bytes(12), png.tobytes(), b"x")
        t2 = time.perf_counter()
        write_durably(data / "probe" / f"{i}.enc", blob)
        t3 = time.perf_counter()
        parts["png_encode"].append(t1 - t0)
        parts["aes_gcm"].append(t2 - t1)
        parts["durable_write"].append(t3 - t2)
    out = {k: statistics.median(v) * 1000.0 for k, v in parts.items()}
    out["png_bytes"] = float(len(png))
    for f in (data / "probe").iterdir():
        os.unlink(f)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rate", type=float, default=10.0, help="cases offered per second")
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--poll", type=float, default=0.5, help="seconds between review-list refreshes")
    p.add_argument("--data", type=Path, help="data folder (default: a temporary folder)")
    args = p.parse_args(argv)
    tmp = tempfile.TemporaryDirectory(prefix="mpox-load-")
    data = args.data or Path(tmp.name)
    url = f"sqlite:///{data / 'cases.sqlite3'}"
    image = camera_like_image()
    parts = submit_breakdown(data, image)

    db = open_database(url, data)
    writer = CaseWriter(db, StoreSettings(data_dir=data))
    writer.start()
    reader_db = open_database(url, data)  # the review window's own connection
    stop = threading.Event()
    list_ms: list[float] = []
    max_pending = [0]

    def review_list() -> None:
        while not stop.wait(args.poll):
            t = time.perf_counter()
            count_cases(reader_db, CaseFilter())
            list_cases(reader_db, CaseFilter(), limit=200)
            list_ms.append(time.perf_counter() - t)
            max_pending[0] = max(max_pending[0], writer.status().pending)

    reader = threading.Thread(target=review_list, name="review-list")
    reader.start()
    acknowledged: list[str] = []
    latencies: list[float] = []
    n = int(args.rate * args.seconds)
    start = time.perf_counter()
    for i in range(n):
        time.sleep(max(0.0, start + i / args.rate - time.perf_counter()))
        t = time.perf_counter()
        acknowledged.append(writer.submit_case(record(i, image)))
        latencies.append(time.perf_counter() - t)
    offered_s = time.perf_counter() - start
    writer.stop(timeout=120)
    drained_s = time.perf_counter() - start
    stop.set()
    reader.join()
    stored = {c.id for c in list_cases(db, CaseFilter(), limit=n + 10)}
    lost = len(set(acknowledged) - stored)
    with db.engine.connect() as conn:
        integrity = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
    from kiosk.store import audit

    t = time.perf_counter()
    report = audit.verify(db)
    verify_s = time.perf_counter() - t
    print(f"stream: {n} cases offered at {args.rate:g}/s over {args.seconds:g} s, one submitting thread")
    print(f"achieved submit rate      {n / offered_s:6.2f} cases/s  (all submitted in {offered_s:.1f} s)")
    print(f"stored / acknowledged     {len(stored & set(acknowledged))} / {len(acknowledged)}  lost {lost}")
    print(f"writer drained after      {drained_s:.1f} s; max cases waiting in the spool {max_pending[0]}")
    print(
        f"submit_case latency       p50 {pct(latencies, 0.5):6.1f} ms  p99 {pct(latencies, 0.99):6.1f} ms  "
        f"max {pct(latencies, 1.0):6.1f} ms"
    )
    print(
        f"one submit, parts (x2: image + heatmap): PNG encode {parts['png_encode']:.1f} ms "
        f"({parts['png_bytes'] / 1024:.0f} KiB), AES-GCM {parts['aes_gcm']:.1f} ms, "
        f"durable write {parts['durable_write']:.1f} ms"
    )
    print(
        f"review list (count + first 200) every {args.poll:g} s: {len(list_ms)} refreshes, "
        f"p50 {pct(list_ms, 0.5):.1f} ms  p99 {pct(list_ms, 0.99):.1f} ms  max {pct(list_ms, 1.0):.1f} ms"
    )
    print(f"integrity_check           {integrity}")
    print(
        f"verify-audit              {'OK' if report.ok else 'FAILED'}: {report.entries} entries, "
        f"{report.rows_checked} rows, {verify_s:.1f} s" + ("" if report.ok else f" {report.problems[:3]}")
    )
    reader_db.close()
    db.close()
    return 0 if lost == 0 and integrity == "ok" and report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
