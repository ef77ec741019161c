"""Draw docs/img/referral-slip.png: the referral slip of a made-up FLAG, as the station saves it (A5, no
pictures: the default), painted by the same code that writes the PDF (kiosk/ui/referral.py) onto an image.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/img/referral_slip.py docs/img/referral-slip.png
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.inference import ScreeningResult  # noqa: E402
from kiosk.ui.referral import render_image, slip_from_result  # noqa: E402
from models.decision import Thresholds, decide  # noqa: E402
from models.quality import QualityReport, QualityStatus  # noqa: E402
from models.taxonomy import CLASSES  # noqa: E402

PROBS = {"mpox": 0.81, "chickenpox": 0.11, "measles": 0.04}
CASE_ID = "3f2a9c0e5b7d4e1f8a6c2b9d0e4f7a13"  # made up, as kiosk.store's writer makes them (uuid4().hex)


def main(out: str) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - fonts need an application
    p = np.array([PROBS.get(c, 0.0) for c in CLASSES])
    p += (1.0 - p.sum()) / len(CLASSES)
    thresholds = Thresholds(flag=0.36, review=0.6)
    verdict = decide(p, CLASSES, thresholds)
    result = ScreeningResult(
        mode="capture",
        decision=verdict.decision,
        reason=verdict.reason,
        image=np.zeros((8, 8, 3), np.uint8),
        quality=QualityReport(QualityStatus.OK, ()),
        verdict=verdict,
        probabilities=dict(zip(CLASSES, p.tolist(), strict=True)),
        thresholds=thresholds,
        captured_utc=datetime(2026, 11, 30, 13, 5, 9, tzinfo=UTC),
        reason_code=verdict.reason_code,
    )
    image, _ = render_image(slip_from_result(result, CASE_ID, "gate-1"), "A5", include_images=False, dpi=120)
    if not image.save(out):
        raise SystemExit(f"cannot write {out}")
    print(out, f"{image.width()}x{image.height()}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/img/referral-slip.png")
