"""Image quality gate, run before any verdict: blurred, too dark, too bright, or no skin in view -> retake.

Measures are taken on a copy scaled to 320 px on its longer side, so they do not depend on camera resolution.
Limits were set from real labelled images of ../shared/data/skin: the "retake" limits reject 2.1 % of its
1,663 labelled photos, mostly low-resolution crops (``python -m models.quality``; figures in docs/kiosk.md);
the "doubtful" band sends a clear result to review. The gate lives in ``models`` because the station,
``mpox-screen`` and the evaluation apply it alike (``models.screening``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import cv2
import numpy as np

WORK_SIDE = 320
NO_SKIN = "no skin in view: point the camera at the rash"


class QualityStatus(StrEnum):
    OK = "ok"
    DOUBTFUL = "doubtful"  # screen it, but a CLEAR becomes REVIEW
    RETAKE = "retake"  # no classification is shown


@dataclass(frozen=True)
class QualityLimits:
    blur_retake: float = 12.0  # variance of the Laplacian below this: too blurred
    blur_doubtful: float = 30.0
    dark_retake: float = 40.0  # mean grey level (0-255) below this: too dark
    dark_doubtful: float = 60.0
    bright_retake: float = 225.0  # mean grey level above this, or ...
    clipped_retake: float = 0.40  # ... this fraction of pixels burnt out (>= 250): too bright
    skin_retake: float = 0.10  # fraction of skin-coloured pixels below this: no skin in view
    skin_doubtful: float = 0.25


@dataclass(frozen=True)
class QualityReport:
    status: QualityStatus
    reasons: tuple[str, ...]  # plain-language, shown to the officer
    measures: dict[str, float] = field(default_factory=dict)  # blur, brightness, clipped, skin_fraction

    @property
    def retake(self) -> bool:
        return self.status is QualityStatus.RETAKE

    def message(self) -> str:
        return "; ".join(self.reasons)

    @property
    def unusable(self) -> str:
        """Why the picture cannot be used at all (light, focus), '' when it can; lack of skin is apart."""
        return "; ".join(r for r in self.reasons if r != NO_SKIN) if self.retake else ""

    @property
    def no_skin(self) -> str:
        """The colour gate's 'no skin in view', '' otherwise."""
        return NO_SKIN if self.retake and NO_SKIN in self.reasons else ""

    @property
    def doubtful(self) -> str:
        return self.message() if self.status is QualityStatus.DOUBTFUL else ""


def skin_fraction(rgb: np.ndarray) -> float:
    """Share of pixels in a broad skin-colour range of YCrCb (all skin tones, lesions included)."""
    ycc = cv2.cvtColor(rgb, cv2.COLOR_RGB2YCrCb)
    cr, cb = ycc[..., 1], ycc[..., 2]
    mask = (cr >= 133) & (cr <= 180) & (cb >= 77) & (cb <= 135)
    return float(mask.mean())


def measure(rgb: np.ndarray) -> dict[str, float]:
    h, w = rgb.shape[:2]
    scale = WORK_SIDE / max(h, w)
    small = (
        rgb
        if scale >= 1
        else cv2.resize(
            rgb, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA
        )
    )
    grey = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    return {
        "blur": float(cv2.Laplacian(grey, cv2.CV_64F).var()),
        "brightness": float(grey.mean()),
        "clipped": float((grey >= 250).mean()),
        "skin_fraction": skin_fraction(small),
    }


def assess(rgb: np.ndarray, limits: QualityLimits = QualityLimits()) -> QualityReport:
    """Check one RGB uint8 frame; the reasons say what to change (light, focus, framing)."""
    m = measure(rgb)
    retake: list[str] = []
    doubtful: list[str] = []
    if m["brightness"] < limits.dark_retake:
        retake.append("too dark: add light or move closer to the lamp")
    elif m["brightness"] > limits.bright_retake or m["clipped"] > limits.clipped_retake:
        retake.append("too bright: reduce glare or move away from direct light")
    elif m["brightness"] < limits.dark_doubtful:
        doubtful.append("rather dark")
    if m["blur"] < limits.blur_retake:
        retake.append("too blurred: hold still and let the camera focus")
    elif m["blur"] < limits.blur_doubtful:
        doubtful.append("slightly blurred")
    if m["skin_fraction"] < limits.skin_retake:
        retake.append(NO_SKIN)
    elif m["skin_fraction"] < limits.skin_doubtful:
        doubtful.append("little skin in view")
    if retake:
        return QualityReport(QualityStatus.RETAKE, tuple(retake), m)
    if doubtful:
        return QualityReport(QualityStatus.DOUBTFUL, tuple(doubtful), m)
    return QualityReport(QualityStatus.OK, (), m)


def report(skin_dir: str) -> str:
    """How the gate treats a labelled image set (``manifest.csv`` with path,label,source)."""
    import csv
    from collections import Counter

    from models.imageio import decode_image

    with open(f"{skin_dir}/manifest.csv", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["label"] != "unlabelled"]
    seen, retakes, reasons, doubtful = Counter(), Counter(), Counter(), 0
    for row in rows:
        q = assess(decode_image(f"{skin_dir}/{row['path']}"))
        seen[row["source"]] += 1
        doubtful += q.status is QualityStatus.DOUBTFUL
        if q.retake:
            retakes[row["source"]] += 1
            reasons.update(r.split(":")[0] for r in q.reasons)
    n, bad = len(rows), sum(retakes.values())
    return "\n".join(
        [
            f"{n} labelled photos: retake {bad} ({bad / n:.1%}), doubtful {doubtful} ({doubtful / n:.1%})",
            "retake by source: " + ", ".join(f"{s} {retakes[s]}/{seen[s]}" for s in seen),
            "reasons: " + ", ".join(f"{r} {c}" for r, c in reasons.most_common()),
        ]
    )


if __name__ == "__main__":
    import sys

    print(report(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/skin"))
