"""Take docs/img/review.png: the review window at a screen size, with the station's style, over a demo case
log (synthetic pictures: skin-coloured patches with spots, no real traveller or photo). Under Xvfb:

    xvfb-run -a -s "-screen 0 1280x720x24" \
        .venv/bin/python docs/img/review_shot.py docs/img/review.png 1280x720
    xvfb-run -a -s "-screen 0 1920x1080x24" \
        .venv/bin/python docs/img/review_shot.py /tmp/review-1080.png 1920x1080

It also writes NAME-dashboard.png and NAME-case.png beside NAME.png, and an admin's NAME-users.png,
NAME-audit.png and NAME-stations.png (three demo stations' heartbeats, one on another model).
``--language ar`` (any station language) shows the window as a station with that ``[station] language``
does (docs/img/review-ar.png):

    xvfb-run -a -s "-screen 0 1280x720x24" \
        .venv/bin/python docs/img/review_shot.py docs/img/review-ar.png 1280x720 --language ar
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.store import CaseRecord, CaseWriter, StoreSettings, accounts, open_database, reviews  # noqa: E402

PW = "demo password 123"
CASES = [  # decision, top class, p(top), p(mpox), station, traveller reference, reason code
    ("flag", "mpox", 0.82, 0.82, "gate-1", "P-48213", "flag_threshold"),
    ("flag", "chickenpox", 0.61, 0.37, "gate-2", "P-11802", "flag_threshold"),
    ("review", "measles", 0.48, 0.12, "gate-1", "TR 2291", "low_confidence"),
    ("review", "eczema", 0.71, 0.05, "gate-2", "", "poor_quality"),
    ("flag", "mpox", 0.93, 0.93, "gate-1", "P-77301", "flag_threshold"),
    ("review", "urticaria", 0.40, 0.09, "gate-3", "B-1204", "unknown_condition"),
    ("flag", "mpox", 0.55, 0.55, "gate-3", "", "flag_threshold"),
]


def demo_picture(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    tone = np.array([224, 172, 138]) * rng.uniform(0.6, 1.0)
    img = np.full((240, 320, 3), tone, np.float32) + rng.normal(0, 6, (240, 320, 3))
    for _ in range(rng.integers(6, 14)):
        centre = (int(rng.integers(20, 300)), int(rng.integers(20, 220)))
        radius = int(rng.integers(5, 16))
        cv2.circle(img, centre, radius, (tone * 0.55).tolist(), -1)
        cv2.circle(img, centre, max(2, radius // 2), (tone * 0.9 + 20).tolist(), -1)
    return np.clip(cv2.GaussianBlur(img, (5, 5), 0), 0, 255).astype(np.uint8)


def record(i: int, spec) -> CaseRecord:
    decision, top, p_top, p_mpox, station, ref, code = spec
    probs = {c: 0.01 for c in ("mpox", "chickenpox", "measles", "normal", "eczema", "urticaria")}
    probs.update({"mpox": p_mpox, top: p_top})
    image = demo_picture(i)
    return CaseRecord(
        captured_utc=datetime.now(UTC) - timedelta(hours=3 * i, minutes=7 * i),
        station_id=station,
        operator=f"officer{1 + i % 3}",
        decision=decision,
        top_class=top,
        probabilities=probs,
        thresholds={"flag": 0.36, "review": 0.6, "flagged_classes": ["mpox"]},
        model_name="effnet-lite0-v3",
        model_sha256="ab" * 32,
        image_rgb=image,
        heatmap_rgb=255 - image,
        quality={"blur": 140.0 + i, "brightness": 131.0, "clipped": 0.01, "skin_fraction": 0.62},
        traveller_ref=ref,
        reason_code=code,
    )


def demo_fleet(db) -> None:
    """Heartbeats of three demo stations (gate-3 on another model, gate-2 silent for an hour) and CLEAR
    counts over the past days, so the Stations tab has rates to show."""
    from kiosk.store.schema import StationHeartbeat
    from kiosk.store.writer import _add_clear

    now = datetime.now(UTC)
    beats = [
        ("gate-1", "ab" * 32, "live", now - timedelta(seconds=40)),
        ("gate-2", "ab" * 32, "lost", now - timedelta(hours=1)),
        ("gate-3", "cd" * 32, "live", now - timedelta(seconds=15)),
    ]

    def work(s) -> None:
        for station, sha, camera, seen in beats:
            s.add(
                StationHeartbeat(
                    station_id=station,
                    software_version="0.1.0",
                    bundle_name="effnet-lite0-v3" if sha == "ab" * 32 else "candidate-v4",
                    bundle_sha256=sha,
                    camera_state=camera,
                    started_utc=now - timedelta(days=3),
                    last_seen_utc=seen,
                )
            )
        for day in range(1, 10):
            for station, n in (("gate-1", 6), ("gate-2", 4), ("gate-3", 5)):
                hour = (now - timedelta(days=day)).replace(minute=0, second=0, microsecond=0)
                _add_clear(s, station, hour, n)

    db.transact(work)


def main(out: str, size: str = "1280x720", language: str = "en") -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    from kiosk.ui.review import open_review
    from kiosk.ui.style import scale_for, style_sheet

    width, height = (int(v) for v in size.split("x"))
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from kiosk.ui import i18n

    i18n.install(language)  # as Station.build does before any window
    tmp = Path(tempfile.mkdtemp(prefix="review-shot-"))
    db = open_database(f"sqlite:///{tmp / 'cases.sqlite3'}", tmp)
    accounts.create_user(db, "chief", PW, "admin", None)
    admin = accounts.authenticate(db, "chief", PW)
    accounts.create_user(db, "dr.amal", PW, "reviewer", admin)
    reviewer = accounts.authenticate(db, "dr.amal", PW)
    settings = StoreSettings(data_dir=tmp)
    writer = CaseWriter(db, settings)
    writer.start()
    ids = [writer.submit_case(record(i, spec)) for i, spec in enumerate(CASES)]
    writer.stop()
    reviews.review_case(db, reviewer, ids[4], "confirm", "sent to the PCR desk")
    reviews.record_outcome(db, reviewer, ids[4], "pcr_positive")
    reviews.review_case(db, reviewer, ids[1], "dismiss", "healing chickenpox, seen by the clinician")
    reviews.record_label(db, reviewer, ids[4], "mpox")
    reviews.record_label(db, reviewer, ids[1], "chickenpox")
    reviews.record_label(db, reviewer, ids[2], "other_condition", detail="scabies")
    demo_fleet(db)
    station = QMainWindow()  # the screening window's style, as at a station
    station.setStyleSheet(style_sheet(scale_for(height)))
    station.resize(width, height)
    window = open_review(station, db, settings, reviewer)
    window.resize(width, height)
    window.move(0, 0)
    window.show()
    window.table.selectRow(0)
    for _ in range(50):  # the thumbnails are decrypted after the first paint
        app.processEvents()
    window.grab().save(out)
    window.tabs.setCurrentIndex(1)
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(Path(out).with_name(Path(out).stem + "-dashboard.png")))
    dialog = window.open_case(ids[4])
    dialog.resize(min(1100, width), min(700, height))
    for _ in range(20):
        app.processEvents()
    dialog.grab().save(str(Path(out).with_name(Path(out).stem + "-case.png")))
    window.close()
    # An admin's window has two more tabs: the accounts and the audit log (kiosk/ui/review/admin.py).
    accounts.set_role(db, "dr.amal", "reviewer", admin)  # a no-op change: not audited
    for _ in range(settings.max_failed_logins):  # mistyped passwords: the account shows its lock-out
        try:
            accounts.authenticate(db, "dr.amal", "wrong password", settings)
        except Exception:  # noqa: BLE001 - the refusal is the point
            pass
    admin_window = open_review(station, db, settings, admin)
    admin_window.resize(width, height)
    admin_window.move(0, 0)
    admin_window.show()
    tabs = (
        ("users", admin_window.users_tab),
        ("audit", admin_window.audit_tab),
        ("stations", admin_window.stations_tab),
    )
    for name, tab in tabs:
        tab.refresh()
        admin_window.tabs.setCurrentWidget(tab)
        for _ in range(20):
            app.processEvents()
        admin_window.grab().save(str(Path(out).with_name(Path(out).stem + f"-{name}.png")))
    admin_window.close()
    print(f"wrote {out}")
    db.close()
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    lang = "en"
    if "--language" in args:
        i = args.index("--language")
        lang = args[i + 1]
        del args[i : i + 2]
    sys.exit(main(*args, language=lang))
