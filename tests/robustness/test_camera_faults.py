"""Camera faults the kiosk tests do not cover yet: frames of the wrong size or format (a driver that changes
mode, a grey or BGRA camera, an empty buffer). Unplugged, never opens, returns None and frozen are covered in
tests/kiosk/test_capture.py and tests/kiosk/test_window.py (see docs/robustness.md)."""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
import pytest

from kiosk.capture import CameraState, CaptureService, frame_problem
from tests.conftest import one_hot_probs
from tests.kiosk.conftest import skin_texture

from ..conftest import wait_for

BAD_FRAMES = {
    "grey-2d": np.full((48, 64), 128, np.uint8),
    "bgra-4ch": np.full((48, 64, 4), 128, np.uint8),
    "empty": np.zeros((0, 0, 3), np.uint8),
    "float": np.full((48, 64, 3), 0.5, np.float32),
    "not-an-array": b"\x00" * 64,
}


class ShapeShifter:
    """A camera whose frames are good until ``control['bad']`` holds a frame to return instead."""

    may_repeat_frames = False
    name = "shape-shifting camera"

    def __init__(self, control: dict):
        self.control = control
        self.i = 0

    def open(self) -> None:
        self.control["opens"] = self.control.get("opens", 0) + 1

    def read(self):
        time.sleep(1 / 60)
        bad = self.control.get("bad")
        if bad is not None:
            return bad
        self.i += 1
        size = self.control.get("size", 64)
        frame = skin_texture(size, seed=self.i % 3)
        frame[0, 0, 0] = self.i % 256
        return frame

    def release(self) -> None:
        pass

    def notice(self) -> str:
        return ""


@pytest.mark.parametrize("kind", list(BAD_FRAMES))
def test_wrong_frame_format_is_detected_shown_and_recovered(kind):
    control: dict = {}
    svc = CaptureService(lambda: ShapeShifter(control), backoff=(0.1, 0.2))
    svc.start()
    try:
        assert wait_for(lambda: svc.stats().state is CameraState.LIVE)
        control["bad"] = BAD_FRAMES[kind]
        assert wait_for(lambda: svc.stats().state is CameraState.LOST)
        assert "wrong size or format" in svc.stats().message
        while (item := svc.slot.take()) is not None:  # nothing unusable ever reached the slot
            assert frame_problem(item[1]) == ""
        control["bad"] = None
        assert wait_for(lambda: svc.stats().state is CameraState.LIVE)
        assert control["opens"] >= 2 and svc.stats().reconnects >= 1
    finally:
        control["bad"] = None
        svc.stop()


def test_a_change_of_resolution_is_not_a_fault():
    control: dict = {"size": 64}
    svc = CaptureService(lambda: ShapeShifter(control))
    svc.start()
    try:
        assert wait_for(lambda: svc.stats().state is CameraState.LIVE)
        control["size"] = 8  # a tiny 8x8 frame is still a picture
        assert wait_for(lambda: (item := svc.slot.take()) is not None and item[1].shape == (8, 8, 3))
        assert svc.stats().state is CameraState.LIVE and svc.stats().reconnects == 0
    finally:
        svc.stop()


def test_window_shows_the_wrong_format_and_recovers(qtbot, kiosk_config, make_tiny_bundle):
    from kiosk.app import Station
    from kiosk.config import ModelConfig

    control: dict = {}
    bundle = make_tiny_bundle(probs=one_hot_probs("mpox", 0.9))
    config = replace(kiosk_config, model=ModelConfig(bundle=str(bundle), device="cpu"))
    station = Station(config, source_factory=lambda _spec: ShapeShifter(control), camera_prober=lambda _s: [])
    try:
        window = station.build(no_login=True)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.displayed_frames > 3, timeout=5000)
        control["bad"] = BAD_FRAMES["grey-2d"]
        qtbot.waitUntil(lambda: window.lost_panel.isVisible(), timeout=5000)
        assert "wrong size or format" in window.lost_panel.detail.text()
        assert "expected height x width x 3" in window.lost_panel.technical.text()
        assert window.banner_kind == "camera_lost" and not window.capture_button.isEnabled()
        control["bad"] = None
        qtbot.waitUntil(lambda: not window.lost_panel.isVisible(), timeout=8000)
        assert window.banner_kind == "idle" and window.capture_button.isEnabled()
        with qtbot.waitSignal(window.outcome_shown, timeout=10000):
            window.capture_now()
        assert window.banner_kind == "flag"
    finally:
        control["bad"] = None
        station.shutdown()
