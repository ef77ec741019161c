"""The thin Qt layer: carries plain-Python results into the GUI thread with signals.

Inference runs in a QThread; the case it makes is encrypted, encoded and fsynced by the store's writer in
its own spooling thread, which says when the case is on disk (``case_event``). The GUI only ever posts a
request and gets signals back. At most one request is in flight and at most one waits (a capture);
automatic frames go from the capture thread to the worker directly (``offer_frame``, with the context the
window publishes), only when the worker is idle, so nothing queues up and the GUI thread is not on the way.
Threads are stopped with quit()/wait(), never terminate().
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from models.errors import MpoxError

from .caselog import CaseLog, Consent
from .inference import ScreeningEngine, ScreeningResult
from .station import NOT_SAVED, SPOOLED, AutoContext

log = logging.getLogger(__name__)
INFERENCE_NICENESS = 10


@dataclass(frozen=True)
class ScreenRequest:
    mode: str  # "capture" | "auto"
    frame: np.ndarray  # owned by the request (copied before it left the GUI thread)
    operator: str = ""
    traveller_ref: str = ""  # typed for this request: saved only with the case this request makes
    generation: int = 0  # the window's screen when asked: a result for a screen cleared since is not shown
    consent: Consent | None = None  # the privacy notice shown and the traveller's answer (kiosk/caselog.py)
    # automatic mode: the window's count of fresh starts (a traveller cleared, auto mode toggled, the camera
    # lost); the engine starts its frame window afresh when it changes, in its own thread (issue 26)
    auto_epoch: int = 0


@dataclass(frozen=True)
class ScreenOutcome:
    request: ScreenRequest
    result: ScreeningResult | None  # None: automatic window still filling
    case_id: str | None = None
    log_error: str = ""  # the case could not be handed to the store
    # the case was handed to the store's writer, which encrypts and spools it in its own thread: the result is
    # shown at once, and the case counts as kept only once case_event says "spooled" (issue 26)
    spooling: bool = False


class InferenceWorker(QObject):
    finished = Signal(object)  # ScreenOutcome
    failed = Signal(str)
    # case id, kiosk.station SPOOLED | NOT_SAVED, and why not (English, for the technical line), sent from the
    # writer's spooling thread
    case_event = Signal(str, str, str)

    def __init__(self, engine: ScreeningEngine, caselog: CaseLog | None, shadow=None):
        super().__init__()
        self.engine = engine
        self.caselog = caselog
        self.shadow = shadow  # kiosk/shadow.py: offered each decided frame after the live path is done
        self.done: Callable[[], None] = lambda: None  # the controller's: what comes next

    @Slot()
    def yield_to_the_gui(self) -> None:
        """Run this thread at a lower priority (nice +10; on Linux niceness is per thread): on a 2-core
        kiosk the model and the live view compete for the CPU; a late frame shows, a late result does not."""
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), INFERENCE_NICENESS)
        except (AttributeError, OSError) as exc:  # not Linux, or not allowed: same results, less smooth
            log.debug("inference thread keeps its priority (%s)", exc)

    def _spooled(self, case_id: str, error: str) -> None:
        """The writer's spooling thread: the case is on disk (``error`` empty) or could not be kept (the
        writer has logged why)."""
        try:
            self.case_event.emit(case_id, NOT_SAVED if error else SPOOLED, error)
        except RuntimeError:  # the station closed before the disk answered: nothing left to tell
            log.debug("case %s %s after the inference worker was deleted", case_id, error or "spooled")

    @Slot(object)
    def process(self, request: ScreenRequest) -> None:
        try:
            self._screen(request)
        finally:
            self.done()  # in this thread: the next request may come without waiting for the GUI

    def _screen(self, request: ScreenRequest) -> None:
        try:
            if request.mode == "auto":
                result = self.engine.screen_auto(request.frame, epoch=request.auto_epoch)
            else:
                result = self.engine.screen(request.frame)
        except Exception as exc:  # the station keeps running; the officer sees what failed
            log.exception("screening failed")
            self.failed.emit(f"screening failed: {exc}")
            return
        case_id, log_error = None, ""
        if result is not None and self.caselog is not None:
            try:
                case_id = self.caselog.record(
                    result, request.operator, request.traveller_ref, request.consent, self._spooled
                )
            except (MpoxError, OSError) as exc:
                log_error = f"case not saved: {exc}"
            except Exception as exc:  # noqa: BLE001 - a store bug must not stop screening
                log.exception("case log failed")
                log_error = f"case not saved: {exc}"
        self.finished.emit(ScreenOutcome(request, result, case_id, log_error, spooling=case_id is not None))
        if result is not None and self.shadow is not None:  # after the live result left: never delays it
            self.shadow.offer(result, case_id, self.engine.bundle.sha256)


class InferenceController(QObject):
    """Lives in the GUI thread; owns the worker thread and the one-deep pending slot."""

    outcome = Signal(object)  # ScreenOutcome
    failed = Signal(str)
    case_event = Signal(str, str, str)  # a case of an outcome is on disk, or could not be kept, and why not
    _submit = Signal(object)

    def __init__(
        self,
        engine: ScreeningEngine,
        caselog: CaseLog | None = None,
        parent: QObject | None = None,
        shadow=None,
    ):
        super().__init__(parent)
        self.engine = engine
        self._thread = QThread()
        self._thread.setObjectName("mpox-inference")
        self._worker = InferenceWorker(engine, caselog, shadow)
        self._worker.moveToThread(self._thread)
        # queued always, also when the worker's own thread submits the waiting capture (no recursion)
        self._submit.connect(self._worker.process, Qt.ConnectionType.QueuedConnection)
        self._worker.done = self._next
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.case_event.connect(self.case_event)  # queued into the GUI thread, in the order sent
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.started.connect(self._worker.yield_to_the_gui)
        # busy, the waiting capture and the automatic context are shared with the capture thread (offer_frame)
        self._lock = threading.Lock()
        self._busy = False
        self._pending: ScreenRequest | None = None
        self._auto: AutoContext | None = None
        self._closed = False
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._busy

    def set_auto_context(self, context: AutoContext | None) -> None:
        """GUI thread: what automatic frames are screened with from now on (None: none are)."""
        with self._lock:
            self._auto = context

    def offer_frame(self, frame) -> bool:
        """The capture thread: screen this new frame automatically if automatic mode is on and the worker is
        idle (nothing queues up); the GUI thread is not on this path. Whether it was taken."""
        with self._lock:
            context = self._auto
            if context is None or self._busy or self._closed:
                return False
            self._busy = True
        request = ScreenRequest(
            "auto",
            frame.copy(),
            context.operator,
            context.traveller_ref,
            context.generation,
            context.consent,
            auto_epoch=context.auto_epoch,
        )
        self._submit.emit(request)  # queued into the worker's thread
        return True

    def request(self, request: ScreenRequest) -> bool:
        """Post a capture (GUI thread); while the worker is busy it waits, replacing an older one (automatic
        frames come through ``offer_frame``). False once shut down."""
        with self._lock:
            if self._closed:
                return False
            if self._busy:
                self._pending = request
                return True
            self._busy = True
        self._submit.emit(request)
        return True

    @Slot(object)
    def _on_finished(self, outcome: ScreenOutcome) -> None:
        if not self._closed:
            self.outcome.emit(outcome)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if not self._closed:
            self.failed.emit(message)

    def _next(self) -> None:
        """The worker's thread, once a request is done: a waiting capture goes next, before any automatic
        frame can take its turn; else the worker is free for the capture thread's next frame."""
        with self._lock:
            pending, self._pending = self._pending, None
            if pending is None or self._closed:
                self._busy = False
                return
        self._submit.emit(pending)

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Let the current request finish, stop the thread, wait for it. True when it stopped."""
        with self._lock:
            self._closed = True
            self._pending = None
            self._auto = None
        self._thread.quit()
        return self._thread.wait(timeout_ms)


class StatusRelay(QObject):
    """Callbacks from plain-Python threads (capture state, store writer status) -> GUI-thread signals."""

    capture_state = Signal(object)  # CaptureStats
    writer_status = Signal(object)  # kiosk.store.WriterStatus
    case_event = Signal(str, str)  # case id, "saved" (committed) or "set_aside" (refused for good)

    def on_capture_state(self, stats: object) -> None:
        self.capture_state.emit(stats)

    def on_writer_status(self, status: object) -> None:
        self.writer_status.emit(status)

    def on_case_event(self, case_id: str, kind: str) -> None:
        self.case_event.emit(case_id, kind)
