"""Turns screening results into case records for the store (plain Python, runs in the inference thread).

FLAG and REVIEW are written with image and heatmap; CLEAR is only counted per hour unless
``store_clear_images``. What is kept rests on the station's legal basis (``[privacy] legal_basis``):

- ``public_health`` (the default, ``require_consent`` False): every FLAG and REVIEW is logged with its
  picture; the privacy notice is shown as information and its version and language are recorded.
- ``consent`` (``require_consent`` True): a result is kept only with the traveller's agreement to the notice,
  except a FLAG, which without agreement is still logged as a minimal case (time, station, decision, scores,
  model; no picture, no heatmap, no reference) so that no flagged traveller disappears from the log. Without
  agreement nothing else is kept, not even a CLEAR count.

Separately, each case records whether the traveller agreed that the picture may be reused to improve the
model (``Consent.training``, default no): a secondary use that needs their own yes whatever the basis.
A REVIEW · model_error (the model's output was broken, models/decision.py) names no class and is not logged:
the station's log has the error and the engine counts it (kiosk/inference.py).

In automatic mode the same decision for the same class within ``repeat_seconds`` is
the same traveller still in front of the camera and is not written again; that window is measured on
``clock`` (``time.monotonic`` unless given; tests pass a clock they move by hand).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from kiosk.store import CaseRecord  # required: a station without its store does not start (kiosk/app.py)
from models.decision import Decision, ReasonCode
from models.heatmap import blend_heatmap

from .inference import ScreeningResult


@dataclass(frozen=True)
class Consent:
    """The privacy notice shown to the traveller before the capture, and their answer."""

    notice_version: str  # kiosk/ui/traveller.py: notice_version(), the first 12 hex digits of its SHA-256
    language: str  # the notice's language (a key of kiosk.ui.i18n.LANGUAGES)
    given: bool | None  # the officer confirmed the traveller agreed; None: not asked (public-health basis)
    training: bool = False  # the traveller agreed that the picture may be reused to improve the model


class CaseSink(Protocol):
    """The part of kiosk.store.CaseWriter this module uses."""

    def submit_case(self, record: Any) -> str: ...
    def submit_case_later(self, record: Any, on_spooled: Callable[[str, str], None]) -> str: ...
    def count_clear(self, station_id: str, when: Any) -> None: ...


class CaseLog:
    def __init__(
        self,
        writer: CaseSink,
        station_id: str,
        model_name: str,
        model_sha256: str,
        store_clear_images: bool = False,
        repeat_seconds: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        require_consent: bool = False,
    ):
        self.writer = writer
        self.clock = clock
        self.station_id = station_id
        self.model_name = model_name
        self.model_sha256 = model_sha256
        self.store_clear_images = store_clear_images
        self.repeat_seconds = repeat_seconds
        self.require_consent = require_consent
        self.refused = 0  # results not kept because the traveller had not agreed
        self.minimal = 0  # FLAGs kept without picture or reference because the traveller had not agreed
        self.model_errors = 0  # REVIEW · model_error results (nothing to log: no class, broken scores)
        self._last_auto: tuple[Decision, str, float] | None = None
        self.suppressed = 0

    def forget_last(self) -> None:
        """A new session (or a cleared screen): the next decision is a new traveller, never a repeat."""
        self._last_auto = None

    def _repeat(self, result: ScreeningResult) -> bool:
        if result.mode != "auto":
            return False
        key = (result.decision, result.verdict.top_class)
        now = self.clock()
        last = self._last_auto
        self._last_auto = (*key, now)
        return last is not None and last[:2] == key and now - last[2] < self.repeat_seconds

    def allowed(self, consent: Consent | None) -> bool:
        """May the whole result be kept? Without a required agreement, only a FLAG's minimal case."""
        return not self.require_consent or (consent is not None and bool(consent.given))

    def record(
        self,
        result: ScreeningResult,
        operator: str = "",
        traveller_ref: str = "",
        consent: Consent | None = None,
        on_spooled: Callable[[str, str], None] | None = None,
    ) -> str | None:
        """Write the case if it is to be kept; return its id or None. Without ``on_spooled`` the case is
        durable when this returns; with it, the writer encrypts and spools it in its own thread and calls
        ``on_spooled(case_id, error)`` once it is on disk (error empty) or could not be kept."""
        if result.decision is Decision.RETAKE or result.verdict is None:
            return None
        if result.reason_code is ReasonCode.MODEL_ERROR:
            self.model_errors += 1
            return None
        minimal = not self.allowed(consent)
        if minimal and result.decision is not Decision.FLAG:
            self.refused += 1
            return None
        if self._repeat(result):
            self.suppressed += 1
            return None
        if result.decision is Decision.CLEAR:
            self.writer.count_clear(self.station_id, result.captured_utc)
            if not self.store_clear_images:
                return None
        heatmap_rgb = None
        if result.heatmap is not None and not minimal:
            heatmap_rgb = blend_heatmap(result.image, result.heatmap, 0.45)
        self.minimal += minimal
        record = CaseRecord(
            captured_utc=result.captured_utc,
            station_id=self.station_id,
            operator=operator,
            decision=result.decision.value,  # the store keeps the plain string ("flag", "review", "clear")
            top_class=result.verdict.top_class,
            probabilities=dict(result.probabilities),
            thresholds=result.thresholds.as_dict(),
            model_name=self.model_name,
            model_sha256=self.model_sha256,
            image_rgb=None if minimal else result.image,
            heatmap_rgb=heatmap_rgb,
            quality=dict(result.quality.measures),
            traveller_ref="" if minimal else traveller_ref.strip(),
            reason_code=result.reason_code.value,
            open_set_score=result.open_set_score,
            consent_notice_version=consent.notice_version if consent is not None else None,
            consent_language=consent.language if consent is not None else None,
            consent_given=None if consent is None or consent.given is None else bool(consent.given),
            # a minimal case keeps no picture to reuse, whatever was answered
            consent_training=None if consent is None else bool(consent.training) and not minimal,
        )
        if on_spooled is None:
            return self.writer.submit_case(record)
        return self.writer.submit_case_later(record, on_spooled)
