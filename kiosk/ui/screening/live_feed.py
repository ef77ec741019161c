"""The officer's live view fed from the capture service: the window's timer takes the newest frame (never
waiting for one) and paints it; the frames shown are counted for the status bar and the benchmark."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

import numpy as np

from ...capture import CameraState, CaptureService, CaptureStats
from ..widgets import ImageView


class LiveFeed:
    def __init__(self, view: ImageView, capture: CaptureService | None):
        self.view = view
        self.capture = capture
        self.last_frame: np.ndarray | None = None  # the frame on screen: what Capture screens
        self.frames_shown = 0
        self.listeners: list[Callable[[float], None]] = []  # called with the paint time (benchmark)
        self._shown_at: deque[float] = deque(maxlen=120)

    def take(self) -> np.ndarray | None:
        """Paint the newest frame if a new one came, and return it (None: none came)."""
        item = self.capture.slot.take() if self.capture is not None else None
        if item is None:
            return None
        _seq, frame = item
        self.last_frame = frame
        self.view.set_image(frame)
        now = time.perf_counter()
        self._shown_at.append(now)
        self.frames_shown += 1
        for listener in self.listeners:
            listener(now)
        return frame

    def forget(self) -> None:
        """No picture on screen (a new source, or the camera lost)."""
        self.last_frame = None
        self.view.set_image(None)

    def stats(self) -> CaptureStats | None:
        """The capture service's state, rate and drops (None: no capture service)."""
        return self.capture.stats() if self.capture is not None else None

    def live(self) -> bool:
        return self.capture is not None and self.capture.stats().state is CameraState.LIVE

    def shown_fps(self) -> float:
        """The rate of frames painted over the last ones, 0 when none came for a second."""
        d = self._shown_at
        if len(d) < 3 or time.perf_counter() - d[-1] > 1.0:
            return 0.0
        return (len(d) - 1) / (d[-1] - d[0])
