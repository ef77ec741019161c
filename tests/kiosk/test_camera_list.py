"""The camera list (issue 15): the cameras that exist, found off the GUI thread, with the configured source
kept in the list (marked "not found" while it is absent) and file:/folder: sources offered and working."""

from __future__ import annotations

import threading

import pytest

from kiosk.capture import CameraDevice, CameraScan, SourceChoice, probe_cameras, source_choices
from tests.conftest import one_hot_probs


class FakeProber:
    """Stands in for OpenCV probing: returns ``cameras`` (minus the skipped indexes); with ``gate`` it waits
    until the test opens it (a slow driver)."""

    def __init__(self, cameras: list[CameraDevice], gate: threading.Event | None = None):
        self.cameras = cameras
        self.gate = gate
        self.calls: list[frozenset[int]] = []

    def __call__(self, skip: frozenset[int]) -> list[CameraDevice]:
        self.calls.append(skip)
        if self.gate is not None:
            assert self.gate.wait(10)
        return [c for c in self.cameras if c.index not in skip]


# ---------- plain Python: probing and the list ----------


def test_probe_opens_only_the_video_nodes_that_exist(tmp_path):
    for name in ("video0", "video1", "video4", "video-bogus", "media0"):
        (tmp_path / name).touch()
    opened = []

    def opens(index: int) -> bool:
        opened.append(index)
        return index in (0, 4)  # video1: a webcam's metadata node, which does not open

    found = probe_cameras(skip=frozenset(), opens=opens, dev=tmp_path)
    assert [c.index for c in found] == [0, 4] and opened == [0, 1, 4]
    assert probe_cameras(skip=frozenset({0}), opens=opens, dev=tmp_path) == [CameraDevice(4)]  # in use
    assert probe_cameras(opens=opens, dev=tmp_path / "empty") == []  # no camera: nothing opened


def test_source_choices_lists_found_cameras_and_keeps_the_configured_one():
    found = [CameraDevice(0, "USB Camera"), CameraDevice(2)]
    choices = source_choices(found, ["camera:1", "camera:1"])
    assert choices == [
        SourceChoice("camera:0", "camera:0 · USB Camera", True),
        SourceChoice("camera:1", "camera:1 · not found", False),  # configured, absent now: kept, marked
        SourceChoice("camera:2", "camera:2", True),
    ]
    # The camera in use is not opened by the scan: it is present while it delivers pictures.
    assert source_choices([], ["camera:1"], live="camera:1") == [SourceChoice("camera:1", "camera:1", True)]
    # Before any scan has finished nothing is marked.
    assert source_choices(None, ["camera:3"]) == [SourceChoice("camera:3", "camera:3", None)]
    # No camera is invented: an empty scan lists only what is kept.
    assert source_choices([], []) == []


def test_source_choices_keep_file_and_folder_sources(tmp_path):
    video = tmp_path / "clip.mp4"
    video.write_bytes(b"")
    folder = tmp_path / "slides"
    folder.mkdir()
    gone = tmp_path / "gone"
    choices = source_choices(
        [CameraDevice(0)], [f"folder:{folder}", f"file:{video}", f"folder:{gone}", "usb:7"]
    )
    assert [c.spec for c in choices] == [
        f"folder:{folder}",
        f"file:{video}",
        f"folder:{gone}",
        "usb:7",
        "camera:0",
    ]
    assert [c.present for c in choices] == [True, True, False, False, True]
    assert choices[2].label.endswith("· not found") and choices[3].label == "usb:7 · not a source"


def test_scan_runs_off_the_calling_thread_and_one_at_a_time():
    gate = threading.Event()
    prober = FakeProber([CameraDevice(1), CameraDevice(0)], gate)
    scan = CameraScan(prober)
    results = []
    done = threading.Event()

    def on_done(found):
        results.append((found, threading.current_thread().name))
        done.set()

    assert scan.start(on_done, skip=frozenset({1}))  # returns at once although the prober is still waiting
    assert scan.busy and not scan.start(on_done)  # a second scan does not start while one runs
    gate.set()
    assert done.wait(5) and scan.wait(5)
    assert results == [([CameraDevice(0)], "mpox-camera-probe")] and prober.calls == [frozenset({1})]


def test_a_failing_prober_reports_nothing_known():
    def broken(_skip):
        raise OSError("driver exploded")

    got = []
    scan = CameraScan(broken)
    scan.start(got.append)
    assert scan.wait(5) and got == [None]


# ---------- the window ----------


@pytest.fixture
def station_with(qtbot, kiosk_config, make_tiny_bundle, fake_camera, clock):
    """A station whose camera list comes from ``prober``, configured with ``source``; cameras are the fake
    camera, file: and folder: sources the real ones."""
    from dataclasses import replace

    from kiosk.app import Station
    from kiosk.capture import make_source
    from kiosk.config import CameraConfig, ModelConfig

    def sources(spec: str):
        return fake_camera[0]() if spec.startswith("camera:") else make_source(spec)

    stations = []

    def build(prober, source="camera:0"):
        config = replace(
            kiosk_config,
            camera=CameraConfig(source=source),
            model=ModelConfig(
                bundle=str(make_tiny_bundle(probs=one_hot_probs("eczema", 0.9))), backend="eager"
            ),
        )
        station = Station(config, source_factory=sources, clock=clock, camera_prober=prober)
        stations.append(station)
        window = station.build(no_login=True)
        qtbot.addWidget(window)
        window.show()
        return station, window

    yield build
    for station in stations:
        station.window.camera_scan.wait(5)
        station.shutdown()


def items(window) -> list[tuple[str, str]]:
    box = window.source_box
    return [(box.itemData(i), box.itemText(i)) for i in range(box.count())]


def test_window_lists_the_cameras_found_and_keeps_an_absent_configured_one(qtbot, station_with):
    gate = threading.Event()
    prober = FakeProber([CameraDevice(0, "Desk camera"), CameraDevice(2, "USB Camera")], gate)
    station, window = station_with(prober, source="camera:3")
    # The window is up and the scan still running: the list holds the configured source; the GUI did not wait.
    assert items(window) == [("camera:3", "camera:3")]
    gate.set()
    qtbot.waitUntil(lambda: window.source_box.count() == 3, timeout=5000)
    # camera:3 delivers frames (the fake camera), so it is live; the scan did not open it (skip={3}).
    assert prober.calls == [frozenset({3})]
    expected = [
        ("camera:0", "camera:0 · Desk camera"),
        ("camera:2", "camera:2 · USB Camera"),
        ("camera:3", "camera:3"),
    ]
    # the list is filled again once the camera is live (under load the scan can answer first: "not found")
    qtbot.waitUntil(lambda: window.displayed_frames > 2 and items(window) == expected, timeout=5000)
    assert window.current_source() == "camera:3"
    assert not any(spec == "camera:1" for spec, _ in items(window))  # nothing offered that is not there


def test_an_absent_configured_camera_is_marked_not_found(qtbot, station_with, fake_camera):
    fake_camera[1]["refuse_open"] = True  # the configured camera 5 is not plugged in
    station, window = station_with(FakeProber([CameraDevice(0)]), source="camera:5")
    qtbot.waitUntil(lambda: ("camera:5", "camera:5 · not found") in items(window), timeout=5000)
    assert items(window) == [("camera:0", "camera:0"), ("camera:5", "camera:5 · not found")]
    qtbot.waitUntil(lambda: window.banner_kind == "camera_lost", timeout=5000)
    assert window.current_source() == "camera:5" and not window.capture_button.isEnabled()
    fake_camera[1]["refuse_open"] = False  # plugged in: live again, no longer marked
    qtbot.waitUntil(lambda: ("camera:5", "camera:5") in items(window), timeout=8000)


def test_choosing_a_found_camera_swaps_the_source_and_opening_the_list_looks_again(qtbot, station_with):
    prober = FakeProber([CameraDevice(0), CameraDevice(1)])
    station, window = station_with(prober)
    qtbot.waitUntil(lambda: window.source_box.count() == 2, timeout=5000)
    old = station.capture
    index = window.source_box.findData("camera:1")
    window.source_box.setCurrentIndex(index)
    window.source_box.activated.emit(index)  # what choosing it in the list does
    assert station.capture is not old and window.current_source() == "camera:1"
    qtbot.waitUntil(lambda: not old.is_running(), timeout=5000)
    window.camera_scan.wait(5)
    window.source_box.showPopup()  # Ctrl+K / a click: cameras looked up again, the one in use not opened
    window.source_box.hidePopup()
    assert window.camera_scan.wait(5) and prober.calls[-1] == frozenset({1}) and window.camera_scan.scans == 2


def test_folder_source_stays_offered_and_works(qtbot, station_with, image_folder):
    folder = f"folder:{image_folder}"
    station, window = station_with(FakeProber([CameraDevice(0)]), source=folder)
    qtbot.waitUntil(lambda: window.source_box.count() == 2, timeout=5000)
    assert items(window) == [(folder, folder), ("camera:0", "camera:0")]
    qtbot.waitUntil(lambda: window.displayed_frames > 2, timeout=10000)  # the slideshow plays
    window.source_box.activated.emit(window.source_box.findData("camera:0"))
    assert window.current_source() == "camera:0"
    # The configured folder stays in the list and can be chosen again; it plays again.
    window.source_box.activated.emit(window.source_box.findData(folder))
    assert window.current_source() == folder and station.capture.stats().source in ("", "folder slides")
    n = window.displayed_frames
    qtbot.waitUntil(lambda: window.displayed_frames > n + 2, timeout=10000)
    assert station.capture.stats().source == "folder slides"
