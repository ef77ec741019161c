"""What the screening side hands to the store, and what the review side reads back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np

from models.decision import Decision

# The decisions a case is stored with: the plain strings of the ``decision`` column (a RETAKE is not stored).
DECISIONS = tuple(d.value for d in (Decision.FLAG, Decision.REVIEW, Decision.CLEAR))


@dataclass(frozen=True)
class CaseRecord:
    captured_utc: datetime  # timezone-aware UTC
    station_id: str
    operator: str
    decision: str  # "flag" | "review" (| "clear" when store_clear_images)
    top_class: str
    probabilities: dict[str, float]
    thresholds: dict
    model_name: str
    model_sha256: str
    image_rgb: np.ndarray | None  # None: a minimal case, kept without its picture (kiosk/caselog.py)
    heatmap_rgb: np.ndarray | None
    quality: dict[str, float]
    traveller_ref: str = ""
    reason_code: str = ""  # why the decision was made, e.g. "open_set" (at most 32 characters)
    open_set_score: float | None = None  # the open-set detector's score, when there is one
    # The privacy notice shown to the traveller before capture and their answer (consent_given None: not
    # asked, as on a station whose [privacy] legal_basis is public_health). On a station that asks, a case
    # without agreement is a FLAG kept as a minimal case (kiosk/caselog.py).
    consent_notice_version: str | None = None
    consent_language: str | None = None
    consent_given: bool | None = None
    consent_training: bool | None = None  # the picture may be reused to improve the model (None: not asked)


@dataclass(frozen=True)
class WriterStatus:
    ok: bool
    pending: int
    last_error: str | None  # one plain line (no SQL, no URL); the technical error is in the log
    written: int
    message: str = (
        ""  # one line for the status bar, e.g. "Database busy: cases are kept on this computer ..."
    )
    problem: str | None = None  # the kind of trouble (a key of writer.PROBLEMS) while not ok


@dataclass(frozen=True)
class CaseSummary:
    """One row of the review list (no images)."""

    id: str
    captured_utc: datetime
    station_id: str
    operator: str
    decision: str
    top_class: str
    top_probability: float
    review_status: str
    outcome: str | None
    traveller_ref: str
    model_name: str
    has_images: bool
    # Added later, with defaults (a summary built without them stays valid): the encrypted image's file and
    # hash, for the review table's thumbnail, and the probability of mpox read from the stored probabilities.
    image_path: str | None = None
    image_sha256: str | None = None
    p_mpox: float | None = None
