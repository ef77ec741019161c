"""Shadow testing before roll-out (issue 28, item 3): a candidate bundle screens the frames the live bundle
screened, in its own thread at the lowest priority, and its verdict is stored beside the live one; the officer
never sees it, and it never delays the live path.

``[model] shadow_bundle = PATH`` names the candidate; it must be vouched for like any bundle (signed by a
trusted key or pinned, kiosk/trust.py), or the station refuses it at start with the reason (the live path
runs on). The runner holds one frame at most: when the candidate is slower than the stations' traffic, the
older frame waiting is dropped and counted (``dropped``), never queued up behind the live path. A frame whose
result was stored as a case is always offered (those are the ones reviewers label); of the others (CLEARs,
automatic mode's stream of decisions) at most one per ``MIN_INTERVAL_S`` (``skipped``), so the candidate takes
a small share of the CPU beside the live path. It runs on one ONNX thread at niceness 19.

What it stores (kiosk/store/schema.py ``ShadowVerdict``) is compared with the live verdicts and with the
confirmed labels by ``mpox-train rollout`` (training/field_store.py), which refuses a candidate that is worse
on the confirmed cases.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from models.quality import QualityLimits
from models.screening import screen_image

log = logging.getLogger(__name__)
SHADOW_NICENESS = 19
SHADOW_THREADS = 1
MIN_INTERVAL_S = 1.0  # between two offered frames that made no case


class ShadowRunner:
    def __init__(
        self,
        bundle: Any,
        predictor: Any,
        thresholds: Any,
        sink: Any,
        station_id: str,
        limits: QualityLimits | None = None,
    ):
        """``sink.submit_shadow(dict)`` stores a verdict (the station's CaseWriter)."""
        self.bundle, self.predictor, self.thresholds = bundle, predictor, thresholds
        self.sink, self.station_id = sink, station_id
        self.limits = limits or QualityLimits()
        self.screened = self.dropped = self.failed = self.skipped = 0
        self._last_offer = float("-inf")
        self._slot: tuple | None = None
        self._cond = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="mpox-shadow", daemon=True)
        self._thread.start()

    @classmethod
    def from_config(cls, config, sink, limits: QualityLimits | None = None) -> ShadowRunner | None:
        """The runner of ``[model] shadow_bundle`` (None when none is set). BundleRefused / MpoxError say why
        the candidate cannot run; the caller logs it and runs without a shadow."""
        path = config.model.shadow_bundle
        if not path:
            return None
        from kiosk.inference import load_predictor, merge_thresholds
        from kiosk.trust import station_policy

        bundle, predictor = load_predictor(
            Path(path), station_policy(config), "cpu", config.model.backend, SHADOW_THREADS
        )
        thresholds = merge_thresholds(bundle, config.thresholds)
        return cls(bundle, predictor, thresholds, sink, config.station.id, limits)

    def offer(self, result: Any, case_id: str | None, live_sha256: str) -> None:
        """The live path's screened frame and verdict (never blocks: replaces a frame still waiting)."""
        now = time.monotonic()
        with self._cond:
            if self._stopping:
                return
            if case_id is None and now - self._last_offer < MIN_INTERVAL_S:
                self.skipped += 1
                return
            self._last_offer = now
            if self._slot is not None:
                self.dropped += 1
            self._slot = (result, case_id, live_sha256)
            self._cond.notify()

    def stop(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._stopping = True
            self._slot = None
            self._cond.notify()
        self._thread.join(timeout)

    def _run(self) -> None:
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), SHADOW_NICENESS)
        except (AttributeError, OSError) as exc:
            log.debug("shadow thread keeps its priority (%s)", exc)
        while True:
            with self._cond:
                while self._slot is None and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                item, self._slot = self._slot, None
            try:
                self.sink.submit_shadow(self._verdict(*item))
                self.screened += 1
            except Exception:  # noqa: BLE001 - a candidate's failure never touches the live station
                self.failed += 1
                log.exception("shadow bundle %s failed on a frame", self.bundle.name)

    def _verdict(self, result: Any, case_id: str | None, live_sha256: str) -> dict:
        t0 = time.perf_counter()
        s = screen_image(self.predictor, np.asarray(result.image), self.thresholds, self.limits)
        ms = (time.perf_counter() - t0) * 1000.0
        probs = (
            {}
            if s.prediction is None
            else dict(zip(self.predictor.classes, s.prediction.probabilities, strict=True))
        )
        live = result.verdict
        return {
            "station_id": self.station_id,
            "captured_utc": getattr(result, "captured_utc", None) or datetime.now(UTC),
            "case_id": case_id,
            "live_bundle_sha256": live_sha256,
            "live_decision": result.decision.value,
            "live_top_class": (live.top_class if live is not None else None) or "",
            "live_reason_code": result.reason_code.value,
            "shadow_bundle_name": self.bundle.name,
            "shadow_bundle_sha256": self.bundle.sha256,
            "shadow_decision": s.verdict.decision.value,
            "shadow_top_class": s.verdict.top_class or "",
            "shadow_reason_code": s.verdict.reason_code.value,
            "shadow_probabilities": json.dumps({k: round(float(v), 6) for k, v in probs.items()}),
            "shadow_ms": ms,
        }
