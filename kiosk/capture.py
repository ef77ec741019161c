"""Frame capture in plain Python threads (no Qt): sources, a latest-frame slot, and a watchdog.

A supervisor thread opens the source and starts a reader thread for it. The reader copies each frame into a
``FrameSlot`` of size one: a frame not taken before the next arrives is dropped and counted, never queued.
The supervisor watches the reader: no new frame, or the same frame over and over (a frozen USB camera), for
``lost_after`` seconds means the camera is lost; the source is abandoned and reopened with back-off (the
wait doubles after each failed attempt, up to its maximum, and starts again from its minimum once frames
flow again). The reader may be stuck inside ``read()`` (OpenCV can block forever after an unplug), so it is
never joined while the camera is lost; it exits on its own when ``read()`` returns.

The service reads the time from its ``clock`` (``time.monotonic`` unless given): frame arrivals, the frame
rate and the watchdog's "no new picture for N s" all use it, so a test can drive them with a clock it moves by
hand. The watchdog's polling and the back-off waits are real waits.

The camera list: ``probe_cameras`` asks OpenCV which camera indexes open, ``CameraScan`` runs it off the GUI
thread, and ``source_choices`` makes the list the window shows (the configured source stays in it, marked "not
found" while it is absent).

The messages (``CaptureError``, ``CaptureStats.message``) are English, for the log and the administrator. What
the officer reads is ``CaptureStats.problem``, a key of ``PROBLEMS``: lines marked for the station's
translations (this module stays free of Qt, like kiosk/store/writer.py) that the window translates and fills
with ``CaptureStats.values``.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from models.errors import ImageDecodeError, MpoxError
from models.imageio import decode_image, iter_image_files

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """Marks an officer-facing text for the station's translations; kiosk/ui translates it when shown."""
    return text


# kind of trouble -> the officer's line (translated by the window, filled with CaptureStats.values).
PROBLEMS = {
    "camera_closed": QT_TRANSLATE_NOOP(
        "Capture",
        "The camera cannot be opened: check that it is plugged in and not used by another program, or "
        "choose another camera.",
    ),
    "source_missing": QT_TRANSLATE_NOOP(
        "Capture",
        "The configured picture source cannot be opened: choose a camera, or call your administrator.",
    ),
    "open_failed": QT_TRANSLATE_NOOP(
        "Capture", "The camera could not be started: choose another camera, or call your administrator."
    ),
    "no_picture": QT_TRANSLATE_NOOP(
        "Capture",
        "No new picture for {seconds:.1f} s: the camera may be unplugged, used by another program or frozen.",
    ),
    "read_failed": QT_TRANSLATE_NOOP("Capture", "The camera stopped delivering pictures (reading failed)."),
    "no_frame": QT_TRANSLATE_NOOP("Capture", "The camera stopped delivering pictures."),
    "bad_frame": QT_TRANSLATE_NOOP(
        "Capture", "The camera delivers pictures of the wrong size or format: choose another camera."
    ),
    "skipped": QT_TRANSLATE_NOOP("Capture", "Picture skipped because it could not be read: {file}"),
}
RETRYING = QT_TRANSLATE_NOOP("Capture", "Trying again in {seconds:.0f} s.")
NOT_FOUND = QT_TRANSLATE_NOOP("Capture", "not found")  # the source list: a configured source absent now
NOT_A_SOURCE = QT_TRANSLATE_NOOP("Capture", "not a source")


class CaptureError(MpoxError):
    """A source that cannot be opened or read; the message says which and what to do (in English, for the
    log); ``problem`` is the officer's line (a key of PROBLEMS)."""

    def __init__(self, message: str, problem: str = "source_missing"):
        super().__init__(message)
        self.problem = problem


class FrameSource(Protocol):
    """What the capture thread needs from a camera, a video file or a folder of images."""

    name: str
    may_repeat_frames: bool  # True for slideshows: identical frames are not a frozen camera

    def open(self) -> None: ...
    def read(self) -> np.ndarray | None: ...  # RGB uint8 HxWx3, or None when no frame came
    def release(self) -> None: ...
    def notice(self) -> str: ...  # a message to show (e.g. a skipped file), "" if none


class _Pacer:
    """Sleep so that frames come at ``fps`` (files and folders would otherwise play as fast as decoding)."""

    def __init__(self, fps: float):
        self.period = 1.0 / fps
        self.next = time.monotonic()

    def wait(self) -> None:
        self.next += self.period
        delay = self.next - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        else:
            self.next = time.monotonic()  # fell behind: do not try to catch up in a burst


class _OpenCVSource:
    """What the OpenCV-backed sources share: releasing the capture, and nothing to notify."""

    _cap: cv2.VideoCapture | None = None

    def release(self) -> None:
        cap, self._cap = self._cap, None
        if cap is not None:
            cap.release()

    def notice(self) -> str:
        return ""


class CameraSource(_OpenCVSource):
    may_repeat_frames = False

    def __init__(self, index: int, width: int = 1280, height: int = 720):
        self.index, self.width, self.height = index, width, height
        self.name = f"camera {index}"
        self._cap: cv2.VideoCapture | None = None

    def open(self) -> None:
        cap = cv2.VideoCapture(self.index)
        if not cap.isOpened():
            cap.release()
            raise CaptureError(
                f"camera {self.index} cannot be opened: check that it is plugged in and not "
                "used by another program, or choose another camera",
                "camera_closed",
            )
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # we want the newest frame, not a backlog
        self._cap = cap

    def read(self) -> np.ndarray | None:
        if self._cap is None:
            return None
        ok, frame = self._cap.read()
        if not ok or frame is None:
            return None
        return cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)  # a new array: the driver's buffer is not kept


class VideoFileSource(_OpenCVSource):
    """A video file played in a loop at its own frame rate."""

    may_repeat_frames = False

    def __init__(self, path: str | Path, fps: float | None = None):
        self.path = Path(path)
        self.name = f"file {self.path.name}"
        self._fps = fps
        self._cap: cv2.VideoCapture | None = None
        self._pacer: _Pacer | None = None

    def open(self) -> None:
        if not self.path.is_file():
            raise CaptureError(f"video file {self.path} does not exist: check --source or [camera] source")
        cap = cv2.VideoCapture(str(self.path))
        if not cap.isOpened():
            cap.release()
            raise CaptureError(f"video file {self.path} cannot be opened: it is not a video OpenCV can read")
        fps = self._fps or cap.get(cv2.CAP_PROP_FPS) or 30.0
        self._pacer = _Pacer(fps if 1 <= fps <= 240 else 30.0)
        self._cap = cap

    def read(self) -> np.ndarray | None:
        if self._cap is None:
            return None
        ok, frame = self._cap.read()
        if not ok:  # end of file: loop
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, frame = self._cap.read()
            if not ok:
                return None
        self._pacer.wait()
        return cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)


class FolderSource:
    """A folder of images shown as a slideshow at ``fps``, each image for ``slide_seconds``, in a loop.

    Files that cannot be decoded are skipped; the reason is kept for the UI to show.
    """

    may_repeat_frames = True

    def __init__(self, folder: str | Path, fps: float = 30.0, slide_seconds: float = 3.0):
        self.folder = Path(folder)
        self.name = f"folder {self.folder.name}"
        self.fps, self.slide_seconds = fps, slide_seconds
        self._files: list[Path] = []
        self._index = -1
        self._current: np.ndarray | None = None
        self._shown_since = 0.0
        self._notice = ""
        self.last_skipped = ""  # the name of the file skipped last (the officer's line names it)
        self._pacer: _Pacer | None = None
        self.skipped: list[str] = []

    def open(self) -> None:
        if not self.folder.is_dir():
            raise CaptureError(
                f"image folder {self.folder} does not exist: check --source or [camera] source"
            )
        self._files = iter_image_files([self.folder])
        if not self._files:
            raise CaptureError(f"image folder {self.folder} holds no images (.jpg, .png, ...)")
        self._pacer = _Pacer(self.fps)
        self._index = -1
        self._next_image()

    def _next_image(self) -> None:
        for _ in range(len(self._files)):
            self._index = (self._index + 1) % len(self._files)
            try:
                self._current = decode_image(self._files[self._index])
                self._shown_since = time.monotonic()
                return
            except ImageDecodeError as exc:
                self._notice = f"skipped {exc}"
                self.last_skipped = self._files[self._index].name
                self.skipped.append(str(exc))
        raise CaptureError(f"no image in {self.folder} could be decoded ({self._notice})")

    def read(self) -> np.ndarray | None:
        if self._current is None:
            return None
        if time.monotonic() - self._shown_since >= self.slide_seconds:
            self._next_image()
        self._pacer.wait()
        return self._current.copy()  # each frame is its own buffer: consumers may keep it

    def release(self) -> None:
        self._current = None

    def notice(self) -> str:
        n, self._notice = self._notice, ""
        return n


# ---------- which sources exist (the camera list) ----------

MAX_CAMERAS = 10  # camera indexes looked at (on Linux only those with a /dev/videoN node are opened)


@dataclass(frozen=True)
class CameraDevice:
    """A camera that was found: its OpenCV index and, where the platform tells, its name."""

    index: int
    name: str = ""

    @property
    def spec(self) -> str:
        return f"camera:{self.index}"


# What looks for cameras: given the indexes not to open (the one in use), the cameras that answer.
CameraProber = Callable[[frozenset[int]], list[CameraDevice]]


def _v4l2_name(index: int) -> str:
    try:
        return Path(f"/sys/class/video4linux/video{index}/name").read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def _camera_opens(index: int) -> bool:
    cap = cv2.VideoCapture(index)
    try:
        return bool(cap.isOpened())
    finally:
        cap.release()


def probe_cameras(
    skip: frozenset[int] = frozenset(),
    opens: Callable[[int], bool] = _camera_opens,
    dev: Path | None = None,
) -> list[CameraDevice]:
    """The cameras OpenCV can open, by index. Slow (a driver may take a second per camera): call it off the
    GUI thread (``CameraScan``). Indexes in ``skip`` (the camera in use: a second open may fail or disturb
    it) are not opened and not listed. On Linux only indexes with a /dev/videoN node are tried (a webcam's
    metadata node does not open and is left out); elsewhere indexes are tried from 0 up to the first that
    does not open. ``dev``: the device folder on Linux (tests give their own; None: /dev)."""
    linux = dev is not None or sys.platform.startswith("linux")
    if linux:
        nodes = (int(p.name[5:]) for p in (dev or Path("/dev")).glob("video*") if p.name[5:].isdigit())
        candidates = sorted(i for i in nodes if i < MAX_CAMERAS)
    else:
        candidates = list(range(MAX_CAMERAS))
    found: list[CameraDevice] = []
    level = cv2.utils.logging.getLogLevel()
    # OpenCV warns "can't open camera by index" for each miss: expected here, not worth a line on the console.
    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
    try:
        for index in candidates:
            if index in skip:
                continue
            if opens(index):
                found.append(CameraDevice(index, _v4l2_name(index) if linux else ""))
            elif not linux:
                break  # indexes are contiguous there: the first that does not open ends the list
    finally:
        cv2.utils.logging.setLogLevel(level)
    return found


class CameraScan:
    """Runs a ``CameraProber`` in a background thread: the GUI never waits for a camera driver. ``on_done`` is
    called from that thread with the cameras found, or None when the prober failed (nothing is known then)."""

    def __init__(self, prober: CameraProber = probe_cameras):
        self.prober = prober
        self._thread: threading.Thread | None = None
        self.scans = 0  # scans started (tests)

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(
        self, on_done: Callable[[list[CameraDevice] | None], None], skip: frozenset[int] = frozenset()
    ) -> bool:
        """Start a scan unless one is running (a camera stuck in its driver holds only that one); True if it
        started."""
        if self.busy:
            return False

        def run() -> None:
            try:
                found: list[CameraDevice] | None = sorted(self.prober(skip), key=lambda c: c.index)
            except Exception as exc:  # noqa: BLE001 - a driver error must not end the station
                log.warning("looking for cameras failed: %s", exc)
                found = None
            on_done(found)

        self.scans += 1
        self._thread = threading.Thread(target=run, name="mpox-camera-probe", daemon=True)
        self._thread.start()
        return True

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for a running scan (tests, shutdown); True when none is running any more."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.busy


@dataclass(frozen=True)
class SourceChoice:
    """An entry of the source list: what is chosen (``spec``), what the officer reads, whether it is there."""

    spec: str
    label: str
    present: bool | None  # None: not known (no scan finished yet)


def _camera_index(spec: str) -> int | None:
    kind, _, rest = spec.partition(":")
    return int(rest) if kind == "camera" and rest.isdigit() else None


def source_choices(
    cameras: list[CameraDevice] | None,
    keep: list[str],
    live: str = "",
    translate: Callable[[str], str] = lambda text: text,
) -> list[SourceChoice]:
    """The source list: the ``cameras`` found, and every source in ``keep`` (the configured one, the one in
    use) even when it is not there right now, marked "not found". ``cameras`` None: no scan has finished,
    nothing is marked. ``live``: the source delivering pictures now (present whatever the scan says: the scan
    does not open the camera in use). ``translate``: the window's translation of the marks (NOT_FOUND,
    NOT_A_SOURCE)."""
    found = {c.index: c for c in cameras or []}
    choices: dict[str, SourceChoice] = {}
    for spec in dict.fromkeys(s for s in keep if s):
        index = _camera_index(spec)
        if index is not None:
            continue  # listed with the cameras, in index order
        kind, _, rest = spec.partition(":")
        if kind in ("file", "folder") and rest:
            there = Path(rest).is_file() if kind == "file" else Path(rest).is_dir()
            choices[spec] = SourceChoice(spec, spec if there else f"{spec} · {translate(NOT_FOUND)}", there)
        else:
            choices[spec] = SourceChoice(spec, f"{spec} · {translate(NOT_A_SOURCE)}", False)
    indexes = set(found) | {i for s in keep if s and (i := _camera_index(s)) is not None}
    for index in sorted(indexes):
        spec = f"camera:{index}"
        if index in found:
            name = found[index].name
            choices[spec] = SourceChoice(spec, f"{spec} · {name}" if name else spec, True)
        elif spec == live:
            choices[spec] = SourceChoice(spec, spec, True)
        elif cameras is None:
            choices[spec] = SourceChoice(spec, spec, None)
        else:
            choices[spec] = SourceChoice(spec, f"{spec} · {translate(NOT_FOUND)}", False)
    return list(choices.values())


def make_source(spec: str) -> FrameSource:
    """``camera:N`` | ``file:PATH`` | ``folder:PATH`` -> a source (not opened yet)."""
    kind, _, rest = spec.partition(":")
    if kind == "camera" and rest.isdigit():
        return CameraSource(int(rest))
    if kind == "file" and rest:
        return VideoFileSource(rest)
    if kind == "folder" and rest:
        return FolderSource(rest)
    raise CaptureError(f"source {spec!r} is not camera:N, file:PATH or folder:PATH")


class FrameSlot:
    """Holds only the newest frame. ``put`` never blocks; a frame replaced before it was taken is a drop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._frame: np.ndarray | None = None
        self._seq = 0
        self._taken = True
        self.dropped = 0

    def put(self, frame: np.ndarray) -> None:
        with self._lock:
            if not self._taken:
                self.dropped += 1
            self._frame, self._taken = frame, False
            self._seq += 1

    def take(self) -> tuple[int, np.ndarray] | None:
        """The newest frame if it has not been taken yet, else None (never waits)."""
        with self._lock:
            if self._taken or self._frame is None:
                return None
            self._taken = True
            return self._seq, self._frame


class CameraState(StrEnum):
    STARTING = "starting"
    LIVE = "live"
    LOST = "lost"
    STOPPED = "stopped"


@dataclass(frozen=True)
class CaptureStats:
    state: CameraState
    source: str
    fps: float
    dropped: int
    frames: int
    message: str  # why the camera is lost / what was skipped, in English (log, administrator); "" when well
    reconnects: int
    problem: str = ""  # the officer's line: a key of PROBLEMS ("" when all is well)
    values: dict[str, object] = field(default_factory=dict)  # what fills it (and "retry_s": RETRYING's)


def frame_problem(frame: object) -> str:
    """Why a frame from a source cannot be shown or screened ("" when it can): HxWx3 uint8 RGB is needed."""
    if (
        isinstance(frame, np.ndarray)
        and frame.dtype == np.uint8
        and frame.ndim == 3
        and frame.shape[2] == 3
        and frame.shape[0] >= 1
        and frame.shape[1] >= 1
    ):
        return ""
    got = f"{frame.shape} {frame.dtype}" if isinstance(frame, np.ndarray) else type(frame).__name__
    return (
        f"the source returned a picture of the wrong size or format ({got}; "
        "expected height x width x 3, 8-bit RGB)"
    )


def _signature(frame: np.ndarray) -> int:
    # A checksum of a sparse grid of pixels: live sensors never repeat it exactly, a frozen camera does.
    return zlib.crc32(np.ascontiguousarray(frame[::8, ::8]).data)


class CaptureService:
    """Runs a source in the background; the UI polls ``slot`` and ``stats()`` and never waits."""

    def __init__(
        self,
        source_factory: Callable[[], FrameSource],
        lost_after: float = 1.5,
        backoff: tuple[float, float] = (0.5, 8.0),
        on_state: Callable[[CaptureStats], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self._factory = source_factory
        self.clock = clock
        self.lost_after = lost_after
        self.backoff_min, self.backoff_max = backoff
        self.on_state = on_state
        self.slot = FrameSlot()
        # Called in the reader thread with each new frame, after the slot has it (automatic screening is fed
        # from here, not from the GUI's timer: kiosk/workers.py InferenceController.offer_frame). It must not
        # block: it may only hand the frame on.
        self.frame_listener: Callable[[np.ndarray], object] | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._state = CameraState.STARTING
        self._message = ""
        self._problem = ""
        self._values: dict[str, object] = {}
        self._source_name = ""
        self._frames = 0
        self._reconnects = 0
        self.retry_delay = self.backoff_min  # the wait before the next reopen (back-off)
        self._arrivals: deque[float] = deque(maxlen=61)
        self._last_fresh = 0.0
        self._reader_failed = ""
        self._reader_problem = ""
        self._supervisor: threading.Thread | None = None
        self._readers: list[threading.Thread] = []

    # --- public ---
    def start(self) -> None:
        self._stop.clear()
        self._supervisor = threading.Thread(target=self._supervise, name="mpox-capture", daemon=True)
        self._supervisor.start()

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        if self._supervisor is not None:
            self._supervisor.join(timeout)
        for reader in self._readers:
            reader.join(timeout=0.5)  # a reader stuck in a driver call is a daemon and cannot hold us
        self._readers = [r for r in self._readers if r.is_alive()]
        self._set_state(CameraState.STOPPED, "")

    def is_running(self) -> bool:
        return self._supervisor is not None and self._supervisor.is_alive()

    def stats(self) -> CaptureStats:
        with self._lock:
            arrivals = list(self._arrivals)
            span = arrivals[-1] - arrivals[0] if len(arrivals) > 2 else 0.0
            fps = (len(arrivals) - 1) / span if span > 0 else 0.0  # a coarse clock may stamp frames alike
            if arrivals and self.clock() - arrivals[-1] > 1.0:
                fps = 0.0
            return CaptureStats(
                self._state,
                self._source_name,
                fps,
                self.slot.dropped,
                self._frames,
                self._message,
                self._reconnects,
                self._problem,
                dict(self._values),
            )

    # --- internals ---
    def _set_state(
        self, state: CameraState, message: str, problem: str = "", values: dict[str, object] | None = None
    ) -> None:
        with self._lock:
            changed = (state, message) != (self._state, self._message)
            self._state, self._message = state, message
            self._problem, self._values = problem, dict(values or {})
        if changed and self.on_state is not None:
            self.on_state(self.stats())

    def _supervise(self) -> None:
        self.retry_delay = self.backoff_min
        while not self._stop.is_set():
            try:
                source = self._factory()
                self._source_name = source.name
                source.open()
            except (CaptureError, MpoxError, OSError, cv2.error) as exc:
                self._set_state(
                    CameraState.LOST,
                    f"{exc}. Retrying in {self.retry_delay:.0f} s",
                    getattr(exc, "problem", "open_failed"),
                    {"retry_s": self.retry_delay},
                )
                self._back_off()
                continue
            reason, problem, values = self._watch(
                source
            )  # frames flowing again reset the back-off (see there)
            if self._stop.is_set():
                break
            self._reconnects += 1
            message = f"{source.name}: {reason}. Reconnecting in {self.retry_delay:.0f} s"
            self._set_state(CameraState.LOST, message, problem, {**values, "retry_s": self.retry_delay})
            self._back_off()
        self._set_state(CameraState.STOPPED, "")

    def _back_off(self) -> None:
        """Wait ``retry_delay`` (or until stopped), then double it for the next attempt, up to the maximum."""
        self._stop.wait(self.retry_delay)
        self.retry_delay = min(self.retry_delay * 2, self.backoff_max)

    def _watch(self, source: FrameSource) -> tuple[str, str, dict[str, object]]:
        """Run a reader for ``source`` until it stops, stalls or freezes; return why (or "" on stop), the
        officer's line for it (a key of PROBLEMS) and what fills that line."""
        cancel = threading.Event()
        self._reader_failed = ""
        self._reader_problem = ""
        self._last_fresh = self.clock()
        live_announced = False
        frames_before = self._frames
        reader = threading.Thread(
            target=self._read_loop, args=(source, cancel), name="mpox-capture-reader", daemon=True
        )
        self._readers = [r for r in self._readers if r.is_alive()] + [reader]
        reader.start()
        try:
            while not self._stop.wait(0.05):
                if self._reader_failed:
                    return self._reader_failed, self._reader_problem, {}
                silent = self.clock() - self._last_fresh
                if silent > self.lost_after:
                    why = f"no new picture for {silent:.1f} s (unplugged, taken by another program, frozen)"
                    return why, "no_picture", {"seconds": silent}
                if not live_announced and self._frames > frames_before:
                    live_announced = True
                    # Frames flow again: a later loss is a new one, retried soon, not after the longest wait
                    # the earlier failures had built up.
                    self.retry_delay = self.backoff_min
                    self._set_state(CameraState.LIVE, "")
                notice = source.notice()
                if notice:
                    skipped = {"file": getattr(source, "last_skipped", "")}
                    self._set_state(CameraState.LIVE, notice, "skipped", skipped)
            return "", "", {}
        finally:
            cancel.set()
            self._release_later(source, reader)

    def _release_later(self, source: FrameSource, reader: threading.Thread) -> None:
        # Release after the reader leaves read(); if it is stuck, a helper releases it when it returns.
        reader.join(timeout=0.2)
        if not reader.is_alive():
            source.release()
            return

        def release_when_done() -> None:
            reader.join()
            source.release()

        threading.Thread(target=release_when_done, name="mpox-capture-release", daemon=True).start()

    def _read_loop(self, source: FrameSource, cancel: threading.Event) -> None:
        last_sig: int | None = None
        while not cancel.is_set():
            try:
                frame = source.read()
            except Exception as exc:  # a driver error must end this reader, not the station
                self._reader_problem = "read_failed"
                self._reader_failed = f"reading failed ({exc})"
                return
            if cancel.is_set():
                return
            if frame is None:
                self._reader_problem = "no_frame"
                self._reader_failed = "the source returned no picture"
                return
            problem = frame_problem(frame)
            if problem:  # a garbled frame would be drawn out of bounds by Qt and fail the model
                self._reader_problem = "bad_frame"
                self._reader_failed = problem
                return
            sig = None if source.may_repeat_frames else _signature(frame)
            now = self.clock()
            if sig is None or sig != last_sig:
                self._last_fresh = now  # frozen repeats do not count as fresh
            last_sig = sig
            with self._lock:
                self._frames += 1
                self._arrivals.append(now)
            frame = frame if frame.flags.owndata else frame.copy()
            self.slot.put(frame)
            if (listener := self.frame_listener) is not None:
                try:
                    listener(frame)
                except Exception:  # noqa: BLE001 - a listener's failure never stops the camera
                    log.exception("capture: the frame listener failed")
