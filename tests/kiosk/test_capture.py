import time

import numpy as np
import pytest

from kiosk.capture import (
    CameraState,
    CaptureError,
    CaptureService,
    FolderSource,
    FrameSlot,
    make_source,
)

from ..conftest import wait_for


def test_slot_keeps_only_the_newest_and_counts_drops():
    slot = FrameSlot()
    assert slot.take() is None
    for i in range(3):
        slot.put(np.full((2, 2, 3), i, np.uint8))
    seq, frame = slot.take()
    assert seq == 3 and frame[0, 0, 0] == 2
    assert slot.dropped == 2
    assert slot.take() is None  # taken once only
    slot.put(np.zeros((2, 2, 3), np.uint8))
    assert slot.dropped == 2  # the previous one had been taken


def test_make_source_parses_and_refuses():
    assert make_source("camera:1").name == "camera 1"
    assert isinstance(make_source("folder:/x"), FolderSource)
    with pytest.raises(CaptureError, match="camera:N"):
        make_source("webcam")


def test_frames_flow_and_stale_ones_are_dropped(fake_camera):
    factory, _ = fake_camera
    svc = CaptureService(factory)
    svc.start()
    try:
        assert wait_for(lambda: svc.stats().state is CameraState.LIVE)
        time.sleep(0.3)  # nobody takes frames: all but the newest are dropped, none queued
        stats = svc.stats()
        assert stats.frames >= 5 and stats.dropped >= stats.frames - 2
        assert stats.fps > 5
        seq, frame = svc.slot.take()
        assert frame.shape == (64, 64, 3) and frame.flags.owndata
    finally:
        svc.stop()
    assert svc.stats().state is CameraState.STOPPED and not svc.is_running()


@pytest.mark.parametrize("fault", ["stop", "freeze", "block"])
def test_camera_loss_is_detected_within_2s_and_recovers(fake_camera, fault):
    factory, control = fake_camera
    states = []
    svc = CaptureService(factory, backoff=(0.2, 0.4), on_state=lambda s: states.append(s))
    svc.start()
    try:
        assert wait_for(lambda: svc.stats().state is CameraState.LIVE)
        control["mode"] = fault
        t0 = time.monotonic()
        assert wait_for(lambda: svc.stats().state is CameraState.LOST, timeout=2.0), fault
        detected = time.monotonic() - t0
        assert detected <= 2.0
        assert svc.stats().message  # says why
        control["mode"] = "ok"
        assert wait_for(lambda: svc.stats().state is CameraState.LIVE, timeout=5.0)
        assert control["opens"] >= 2 and svc.stats().reconnects >= 1
        assert any(s.state is CameraState.LOST for s in states)
    finally:
        control["mode"] = "ok"
        svc.stop()


def test_source_that_cannot_open_is_retried_with_backoff(fake_camera):
    factory, control = fake_camera
    control["refuse_open"] = True
    svc = CaptureService(factory, backoff=(0.1, 0.2))
    svc.start()
    try:
        assert wait_for(lambda: svc.stats().state is CameraState.LOST)
        assert "cannot be opened" in svc.stats().message
        control["refuse_open"] = False
        assert wait_for(lambda: svc.stats().state is CameraState.LIVE)
    finally:
        svc.stop()


def test_folder_slideshow_skips_bad_files_and_says_why(image_folder):
    src = FolderSource(image_folder, fps=200, slide_seconds=0.0)
    src.open()
    seen = {src.read().tobytes() for _ in range(6)}
    src.release()
    assert len(seen) == 2  # two good images, looping
    assert src.skipped and "broken.jpg" in src.skipped[0]


def test_folder_source_errors_name_the_folder(tmp_path):
    with pytest.raises(CaptureError, match="does not exist"):
        FolderSource(tmp_path / "nope").open()
    with pytest.raises(CaptureError, match="holds no images"):
        FolderSource(tmp_path).open()


@pytest.mark.real_data
def test_folder_of_real_photos_plays(skin_dir):
    folder = skin_dir / "msld_v1" / "Monkey Pox"
    svc = CaptureService(lambda: FolderSource(folder, fps=30, slide_seconds=0.1))
    svc.start()
    try:
        assert wait_for(lambda: svc.stats().state is CameraState.LIVE)
        assert wait_for(lambda: svc.slot.take() is not None)
    finally:
        svc.stop()
