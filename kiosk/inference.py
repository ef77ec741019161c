"""The screening engine in plain Python (no Qt): bundle -> quality gate -> Predictor -> decide -> Grad-CAM.

One forward pass per screened frame gives the probabilities, the open-set scores and the target layer's
activations; the heatmap of the class the decision names is made from those activations (no second pass) when
the model allows it (``Explainer.fast``). Grad-CAM runs only for the frame that is screened (a capture, or the
last frame of an automatic window), never for every live frame. In automatic mode the decision is made on the
mean probabilities (and open-set scores) of the last N frames that passed the quality gate.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from models.decision import (
    Decision,
    ReasonCode,
    Thresholds,
    UnknownFlaggedClassError,
    Verdict,
    override_thresholds,
)
from models.errors import MpoxError
from models.manifest import VerifiedBundle, bundle_path_or_default
from models.quality import QualityLimits, QualityReport
from models.screening import FrameWindow, Screening, screen_image
from models.serving import SERVING_KEY, PredictorBase, ServingPredictor, ServingUnavailable

from .config import KioskConfig, ThresholdsConfig
from .trust import load_station_bundle, station_policy

RETAKE = Decision.RETAKE
# A model that fails (raises, or returns scores that are not a probability distribution) on this many
# screened pictures in a row takes screening out of service until the station is restarted: one bad picture
# is a REVIEW, a model that keeps failing must not keep producing REVIEWs that nobody trusts.
MAX_CONSECUTIVE_MODEL_FAILURES = 3
ONNX_BACKENDS = ("auto", "onnxruntime", "int8")

log = logging.getLogger(__name__)


def station_threads() -> int:
    """Inference threads at a station: all cores but one, kept by the GUI thread for a smooth live view."""
    return max(1, (os.cpu_count() or 2) - 1)


class ScreeningUnavailable(MpoxError):
    """No usable model: the message says why and what to do; the rest of the station keeps working."""


@dataclass(frozen=True)
class ScreeningResult:
    mode: str  # "capture" | "auto"
    decision: Decision
    reason: str  # plain language: why this decision
    image: np.ndarray  # the frame that was screened (RGB uint8)
    quality: QualityReport
    verdict: Verdict | None  # None for a retake made before the model ran (poor quality, no skin in view)
    probabilities: dict[str, float] = field(default_factory=dict)
    heatmap: np.ndarray | None = None  # HxW float in [0, 1] over ``image``
    thresholds: Thresholds = field(default_factory=Thresholds)
    frames_averaged: int = 1
    infer_ms: float = 0.0
    cam_ms: float = 0.0
    captured_utc: datetime = field(default_factory=lambda: datetime.now(UTC))

    reason_code: ReasonCode = ReasonCode.CONFIDENT
    open_set_score: float | None = None  # the bundle's "not a condition it knows" score, when it has one

    @property
    def top3(self) -> list[tuple[str, float]]:
        return self.verdict.top(3) if self.verdict else []


def resolve_bundle_path(configured: str) -> Path:
    path = bundle_path_or_default(configured)
    if path is not None:
        return path
    raise ScreeningUnavailable(
        "no trained model is installed. Pass --bundle PATH (a folder made by `mpox-train export`) "
        "or set [model] bundle in the configuration file"
    )


def merge_thresholds(bundle: VerifiedBundle, cfg: ThresholdsConfig) -> Thresholds:
    """Configured values win; absent ones come from the bundle. Flagged classes must be the model's."""
    try:
        return override_thresholds(
            bundle.thresholds,
            bundle.classes,
            flag=cfg.flag,
            review=cfg.review,
            flagged_classes=cfg.flagged_classes,
        )
    except UnknownFlaggedClassError as exc:
        raise ScreeningUnavailable(
            f"[thresholds] flagged_classes {exc.unknown} are not classes of model {bundle.name!r} "
            f"({', '.join(bundle.classes)}). Fix the configuration file"
        ) from exc


def load_predictor(
    path: Path, policy, device: str | None = None, backend: str = "auto", threads: int | None = None
) -> tuple[VerifiedBundle, PredictorBase]:
    """The trusted bundle and its predictor, the one way the station and ``mpox-screen`` load a model.

    On the CPU with an ONNX backend, a bundle that carries its checked ONNX graph is served without PyTorch
    (``models.serving``, ``threads`` threads; None: all cores); otherwise, or when that graph cannot be
    served under 'auto' (logged), PyTorch (``models.predictor``), imported only then. Raises BundleRefused
    (kiosk/trust.py) for a bundle that is not vouched for or not intact, MpoxError when it cannot serve."""
    if device in (None, "cpu") and backend in ONNX_BACKENDS:
        verified = load_station_bundle(path, policy, model=False)
        if SERVING_KEY in verified.manifest:
            try:
                return verified, ServingPredictor(verified, backend, threads)
            except ServingUnavailable as exc:
                if backend != "auto":
                    raise
                log.warning("the bundle's ONNX graph cannot be served, using PyTorch: %s", exc)
    try:
        from models.predictor import Predictor
    except ModuleNotFoundError as exc:  # a station installed without the eager profile
        why = (
            f"[model] backend = {backend!r} and device {device or 'auto'!r} need PyTorch"
            if backend not in ONNX_BACKENDS or device not in (None, "cpu")
            else "this bundle carries no ONNX graph the station can serve, so it needs PyTorch"
        )
        raise ServingUnavailable(
            f"{why}, which this installation does not have ({exc.name} is missing): install the eager "
            "profile (pip install 'mpox-aism[eager]'), or use a bundle with its ONNX graph (mpox-train onnx)"
        ) from exc

    bundle = load_station_bundle(path, policy)
    return bundle, Predictor(bundle, device=device, backend=backend)


class ScreeningEngine:
    def __init__(
        self,
        bundle: VerifiedBundle,
        thresholds: Thresholds,
        device: str | None = None,
        auto_window: int = 5,
        limits: QualityLimits | None = None,
        backend: str = "auto",
        predictor: PredictorBase | None = None,
    ):
        """``backend``: how the model runs (models.runtime.select_runtime): 'auto' (the fastest path that
        passes its check), 'int8' or 'onnxruntime' (only that path), or 'eager' (plain PyTorch).
        ``predictor``: one already made (``from_config`` makes the torch-free one); by default the
        PyTorch predictor of ``bundle`` (a ``models.bundle.Bundle``)."""
        if predictor is None:
            from models.predictor import Predictor

            predictor = Predictor(bundle, device=device, backend=backend)
        self.bundle = bundle
        self.thresholds = thresholds
        self.predictor = predictor
        self.explainer = predictor.explainer  # one runtime (and one start-up check) for both
        self.limits = limits or QualityLimits()
        self._window = FrameWindow(auto_window)
        self._auto_epoch = 0  # the last epoch of the window's automatic requests (screen_auto)
        self.consecutive_failures = 0
        self.out_of_service = ""  # why screening stopped (English, for the administrator); "" : in service

    @classmethod
    def from_config(cls, config: KioskConfig, threads: int | None = None) -> ScreeningEngine:
        """Load and verify the configured bundle (``load_predictor``; ``threads`` default: all cores but one,
        for the GUI thread); ScreeningUnavailable says why it cannot be used."""
        path = resolve_bundle_path(config.model.bundle)
        device = None if config.model.device == "auto" else config.model.device
        backend = config.model.backend
        if device == "cuda":
            from models.predictor import pick_device

            if pick_device(None).type != "cuda":
                raise ScreeningUnavailable(
                    '[model] device = "cuda" but no CUDA GPU is available: set device to "auto" or "cpu"'
                )
        try:  # signed by a trusted key or pinned, and intact (kiosk/trust.py, models/trust.py)
            bundle, predictor = load_predictor(
                path, station_policy(config), device, backend, threads or station_threads()
            )
            # The predictor reads the bundle's open-set head: a head that does not fit refuses the bundle too.
            return cls(
                bundle,
                merge_thresholds(bundle, config.thresholds),
                auto_window=config.screening.auto_window,
                predictor=predictor,
            )
        except ScreeningUnavailable:
            raise
        except MpoxError as exc:
            raise ScreeningUnavailable(f"{exc}".rstrip(".")) from exc  # the window adds its own full stop

    @property
    def device_label(self) -> str:
        """Where and how the model runs, for the status bar: e.g. 'CPU · ONNX int8'. 'PyTorch' on a CPU means
        the optimised path is unavailable (``backend_note`` says why) or that [model] backend = "eager" asked
        for it; screening is slower."""
        where = "GPU" if self.predictor.device_type == "cuda" else "CPU"
        how = {"onnxruntime-int8": "ONNX int8", "onnxruntime": "ONNX", "eager": "PyTorch"}
        return f"{where} · {how.get(self.predictor.backend, self.predictor.backend)}"

    @property
    def backend_note(self) -> str:
        """Why the station is not on its fastest path ('' when it is)."""
        return self.predictor.runtime.fallback_reason or ""

    @property
    def auto_window(self) -> int:
        return self._window.size

    def _finish(
        self, mode: str, frame: np.ndarray, screening: Screening, infer_ms: float, frames: int, explain: bool
    ) -> ScreeningResult:
        """The result of a screening (models.screening: the one decision rule), with Grad-CAM of the class it
        names (none for a RETAKE), from the activations of the classification pass when there are, else with
        a pass of its own."""
        quality, verdict, feats = screening.quality, screening.verdict, screening.features
        probs = None if screening.prediction is None else screening.prediction.probabilities
        heatmap, cam_ms = None, 0.0
        if explain and verdict.explained_class is not None:
            t0 = time.perf_counter()
            idx = self.bundle.classes.index(verdict.explained_class)
            if feats is not None:
                heatmap = self.explainer.heatmap_from_features(frame.shape[:2], feats, idx)
            else:
                heatmap = self.explainer.explain(frame, class_index=idx).heatmap
            cam_ms = (time.perf_counter() - t0) * 1000.0
        named = probs is not None and verdict.top_class is not None  # a RETAKE or model error names none
        probabilities = dict(zip(self.bundle.classes, map(float, probs), strict=True)) if named else {}
        return ScreeningResult(
            mode,
            verdict.decision,
            verdict.reason,
            frame,
            quality,
            verdict if probs is not None else None,
            probabilities=probabilities,
            heatmap=heatmap,
            thresholds=self.thresholds,
            frames_averaged=frames,
            infer_ms=infer_ms,
            cam_ms=cam_ms,
            reason_code=verdict.reason_code,
            open_set_score=verdict.open_set_score,
        )

    def _guarded(self, screen, frame: np.ndarray, explain: bool) -> ScreeningResult | None:
        """Run one screening step and count the model's failures (an exception, or a ``model_error``
        verdict); past MAX_CONSECUTIVE_MODEL_FAILURES in a row, ScreeningUnavailable from then on."""
        if self.out_of_service:
            raise ScreeningUnavailable(self.out_of_service)
        try:
            result = screen(frame, explain)
        except Exception as exc:
            self._model_failed(str(exc))
            raise
        if result is not None and result.reason_code is ReasonCode.MODEL_ERROR:
            self._model_failed(result.reason)
        elif result is not None and result.verdict is not None:  # the model ran and its output was sound
            self.consecutive_failures = 0
        return result

    def _model_failed(self, why: str) -> None:
        self.consecutive_failures += 1
        if self.consecutive_failures >= MAX_CONSECUTIVE_MODEL_FAILURES:
            self._window.clear()
            self.out_of_service = (
                f"the model failed on {self.consecutive_failures} pictures in a row (last: {why}); "
                "screening is stopped until the station is restarted"
            )
            log.error("screening out of service: %s", self.out_of_service)

    def screen(self, frame: np.ndarray, explain: bool = True) -> ScreeningResult:
        """Screen one captured frame: quality gate, classification, decision and (by default) Grad-CAM."""
        return self._guarded(self._screen_one, frame, explain)

    def screen_auto(
        self, frame: np.ndarray, explain: bool = True, epoch: int | None = None
    ) -> ScreeningResult | None:
        """Add one live frame to the automatic window; a result when the window is full (or a retake).
        ``epoch``: the window's count of fresh starts; a new one empties the frame window first, here in the
        engine's thread (the GUI never touches the window the worker fills)."""
        if epoch is not None and epoch != self._auto_epoch:
            self._window.clear()
            self._auto_epoch = epoch
        return self._guarded(self._screen_window, frame, explain)

    def _screen_frame(self, frame: np.ndarray) -> tuple[Screening, float]:
        """The one path for a picture (models.screening.screen_image), timed; the activations come with it
        when the heatmap can be made from them (one forward pass per screened frame)."""
        t0 = time.perf_counter()
        screening = screen_image(self.predictor, frame, self.thresholds, self.limits, self.explainer.fast)
        ms = (time.perf_counter() - t0) * 1000.0 if screening.prediction is not None else 0.0
        return screening, ms

    def _screen_one(self, frame: np.ndarray, explain: bool) -> ScreeningResult:
        screening, ms = self._screen_frame(frame)
        return self._finish("capture", frame, screening, ms, 1, explain)

    def _screen_window(self, frame: np.ndarray, explain: bool) -> ScreeningResult | None:
        """Add one live frame to the automatic window (models.screening.FrameWindow); a result when the
        window is full, or the frame's RETAKE. The heatmap explains the frame shown (the last of the window)
        from its own pass."""
        screening, ms = self._screen_frame(frame)
        frames = self._window.size
        decided = self._window.add(screening, self.thresholds)
        if decided is None:
            return None
        return self._finish("auto", frame, decided, ms, frames if decided.prediction else 1, explain)

    def set_auto_window(self, frames: int) -> None:
        """How many good frames an automatic decision rests on ([screening] auto_window); starts afresh."""
        self._window = FrameWindow(frames)

    @property
    def auto_progress(self) -> int:
        return self._window.filled
