"""SIGKILL reliability benchmark (not a test): N cycles of a station process that logs cases to SQLite
while a reviewer in the same process confirms them, killed with SIGKILL at a random moment. After each
kill the station is started again on the same data folder and must have:

- every case whose ``submit_case`` had returned (acknowledged) stored, after the spool replay;
- ``PRAGMA integrity_check`` = ok;
- ``verify-audit`` OK: hash chain intact, every case, review and account matching it, the anchor outside
  the database matching the chain (a kill between a commit and its anchor line only leaves the anchor one
  entry behind, which is allowed).

    nice -n 19 .venv/bin/python bench/bench_sigkill.py --cycles 100

The test suite runs a reduced form:
tests/store/test_writer.py::test_every_acknowledged_case_survives_sigkill.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PW = "correct horse battery"


def child(data: Path, limit: int) -> None:
    """The station: submit cases as fast as it can, printing each id once acknowledged; a reviewer thread
    confirms pending cases through the store API, as the review window does."""
    from bench.bench_store import camera_like_image, record
    from kiosk.store import CaseWriter, StoreSettings, accounts, open_database, reviews
    from kiosk.store.queries import CaseFilter, list_cases

    db = open_database(f"sqlite:///{data / 'cases.sqlite3'}", data)
    writer = CaseWriter(db, StoreSettings(data_dir=data))
    writer.start()
    reviewer = accounts.authenticate(db, "rev", PW)
    image = camera_like_image()[::2, ::2].copy()  # 320x240: more cases per cycle

    def review() -> None:
        while True:
            for case in list_cases(db, CaseFilter(review_statuses=("pending",)), limit=3):
                reviews.view_case(db, reviewer, case.id)
                reviews.review_case(db, reviewer, case.id, "confirm", "bench: to PCR")
            time.sleep(0.02)

    threading.Thread(target=review, daemon=True).start()
    for i in range(limit):
        print(writer.submit_case(record(i, image)), flush=True)
    writer.stop()


def check(data: Path, acknowledged: set[str]) -> dict:
    """Start again on the data folder, replay the spool, then check what must hold."""
    from kiosk.store import CaseWriter, StoreSettings, audit, open_database
    from kiosk.store.queries import list_cases

    t = time.perf_counter()
    db = open_database(f"sqlite:///{data / 'cases.sqlite3'}", data)
    writer = CaseWriter(db, StoreSettings(data_dir=data))
    writer.start()
    deadline = time.monotonic() + 60
    while writer.status().pending and time.monotonic() < deadline:
        time.sleep(0.02)
    writer.stop()
    replay_s = time.perf_counter() - t
    stored = {c.id for c in list_cases(db, limit=10**7)}
    with db.engine.connect() as conn:
        integrity = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
    t = time.perf_counter()
    report = audit.verify(db)
    verify_s = time.perf_counter() - t
    db.close()
    return {
        "stored": len(stored),
        "lost": sorted(acknowledged - stored),
        "integrity": integrity,
        "audit_ok": report.ok,
        "problems": report.problems[:5],
        "entries": report.entries,
        "replay_s": replay_s,
        "verify_s": verify_s,
    }


def setup(data: Path) -> None:
    from kiosk.store import accounts, open_database

    db = open_database(f"sqlite:///{data / 'cases.sqlite3'}", data)
    accounts.create_user(db, "root", PW, "admin", None)
    admin = accounts.authenticate(db, "root", PW)
    accounts.create_user(db, "rev", PW, "reviewer", admin)
    db.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cycles", type=int, default=100)
    p.add_argument("--data", type=Path, help="data folder (default: a temporary folder)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-acks", type=int, default=12, help="kill after 1..N acknowledged cases")
    p.add_argument("--child", nargs=2, metavar=("DATA", "LIMIT"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        child(Path(args.child[0]), int(args.child[1]))
        return 0
    tmp = tempfile.TemporaryDirectory(prefix="mpox-sigkill-")
    data = args.data or Path(tmp.name) / "data"
    rng = random.Random(args.seed)
    setup(data)
    acknowledged: set[str] = set()
    failures = 0
    start = time.perf_counter()
    print(f"{args.cycles} SIGKILL cycles on {data} (seed {args.seed})", flush=True)
    for cycle in range(1, args.cycles + 1):
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", str(data), "100000"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        target = rng.randint(1, args.max_acks)
        got = 0
        for line in proc.stdout:
            acknowledged.add(line.strip())
            got += 1
            if got >= target:
                break
        time.sleep(rng.uniform(0.0, 0.3))  # kill at a random point: encoding, spooling, committing, anchoring
        proc.kill()
        proc.wait()
        acknowledged |= {line.strip() for line in proc.stdout.read().splitlines() if line.strip()}
        result = check(data, acknowledged)
        bad = result["lost"] or result["integrity"] != "ok" or not result["audit_ok"]
        failures += bool(bad)
        print(
            f"cycle {cycle:3d}: acknowledged {len(acknowledged):5d} stored {result['stored']:5d} "
            f"lost {len(result['lost'])} integrity {result['integrity']} verify-audit "
            f"{'OK' if result['audit_ok'] else 'FAILED'} ({result['entries']} entries, "
            f"{result['verify_s'] * 1000:.0f} ms)"
            + (f" {result['problems']}" if not result["audit_ok"] else ""),
            flush=True,
        )
    total = time.perf_counter() - start
    print(
        f"summary: {args.cycles} cycles in {total:.0f} s, {len(acknowledged)} acknowledged cases, "
        f"{failures} cycle(s) with a lost case, a failed integrity_check or a failed verify-audit"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
