"""Fixtures for the kiosk tests: fake frame sources fed from images, a clock the test moves by hand, station
configs in tmp_path, and a guard that fails any test leaving a QThread or a capture thread running (after
napari's _dangling_qthreads).

The tests' tiny bundles run on eager PyTorch (``[model] backend = "eager"``): exporting each one to ONNX costs
seconds and checks nothing the test is about. tests/kiosk/test_window.py keeps one station on the ONNX path;
tests/inference covers that path itself."""

from __future__ import annotations

import threading
import time
import weakref
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from kiosk.config import KioskConfig, ModelConfig, StorageConfig, TravellerConfig, parse_config


@pytest.fixture(autouse=True)
def _dangling_threads(monkeypatch):
    """Fail a test that leaves a QThread or one of our capture threads running."""
    started: list[weakref.ref] = []
    try:
        from PySide6.QtCore import QThread
    except ImportError:  # pragma: no cover - Qt is a dependency
        QThread = None
    if QThread is not None:
        original = QThread.start

        def tracking_start(self, *args, **kwargs):
            started.append(weakref.ref(self))
            return original(self, *args, **kwargs)

        monkeypatch.setattr(QThread, "start", tracking_start)
    before = {t.ident for t in threading.enumerate()}
    yield
    running = []
    for ref in started:
        thread = ref()
        try:
            if thread is not None and thread.isRunning():
                running.append(thread.objectName() or repr(thread))
        except RuntimeError:  # the C++ object is gone: not running
            pass
    deadline = time.monotonic() + 2.0
    ours = []
    while time.monotonic() < deadline:
        ours = [
            t.name
            for t in threading.enumerate()
            if t.ident not in before and t.name.startswith("mpox-capture") and t.is_alive()
        ]
        if not ours:
            break
        time.sleep(0.05)
    assert not running, f"test left QThread(s) running: {running}"
    assert not ours, f"test left capture thread(s) running: {ours}"


def skin_texture(size: int = 64, seed: int = 0, brightness: float = 1.0) -> np.ndarray:
    """A sharp, skin-coloured, textured RGB frame that passes the quality gate (tests without real data)."""
    rng = np.random.default_rng(seed)
    base = np.array([205, 150, 125], dtype=np.float32)
    noise = rng.normal(0, 18, size=(size, size, 1)).astype(np.float32)
    img = (base + noise) * brightness
    return np.clip(img, 0, 255).astype(np.uint8)


class FakeClock:
    """A monotonic clock that moves only when told to (``advance``); read it from any thread, as
    time.monotonic."""

    def __init__(self, start: float = 1000.0):
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds


class FakeSource:
    """A frame source fed from a list of images, with faults the test switches on and off.

    ``mode``: "ok" (new frame each read, with a counter stamped in so frames differ), "stop" (read returns
    None: unplugged), "freeze" (the same frame forever), "block" (read hangs until the mode changes).
    Shared ``control`` dict lets a test change the behaviour of every source the factory makes;
    ``control["reads"]`` counts the reads begun in each mode (a test waits for the fault to be served).
    With a ``clock``, each new frame moves it on by one frame period (1/fps): the camera's time passes with
    its frames and with nothing else, so frame rates and silences are exact. A short real pause per read keeps
    the reader thread from spinning.
    """

    may_repeat_frames = False

    def __init__(
        self, frames: list[np.ndarray], control: dict, fps: float = 60.0, clock: FakeClock | None = None
    ):
        self.frames = frames
        self.control = control
        self.period = 1.0 / fps
        self.clock = clock
        self.name = "fake camera"
        self.i = 0
        self.opened = False
        self.released = False

    def open(self) -> None:
        if self.control.get("refuse_open"):
            from kiosk.capture import CaptureError

            raise CaptureError("fake camera cannot be opened")
        self.control["opens"] = self.control.get("opens", 0) + 1
        self.opened = True

    def read(self):
        mode = self.control.get("mode", "ok")
        reads = self.control.setdefault("reads", Counter())
        reads[mode] += 1
        while mode == "block" and not self.released:
            time.sleep(0.01)
            mode = self.control.get("mode", "ok")
        time.sleep(self.period)
        if mode == "stop":
            return None
        if mode == "freeze":
            return self.frames[0].copy()
        if self.clock is not None:
            self.clock.advance(self.period)
        self.i += 1
        frame = self.frames[self.i % len(self.frames)].copy()
        frame[0, 0, 0] = self.i % 256  # live sensors never repeat a frame exactly
        frame[0, 1, 0] = (self.i // 256) % 256
        return frame

    def release(self) -> None:
        self.released = True

    def notice(self) -> str:
        return ""


@pytest.fixture
def clock() -> FakeClock:
    """The test's clock: give it to a CaptureService, CaseLog or Station; fake_camera's sources move it."""
    return FakeClock()


@pytest.fixture
def fake_camera(clock):
    """(factory, control): factory() makes a FakeSource (on ``clock``); control["mode"] switches faults for
    all of them."""
    control: dict = {"mode": "ok", "reads": Counter()}
    frames = [skin_texture(64, seed=s) for s in range(3)]

    def factory():
        return FakeSource(frames, control, clock=clock)

    return factory, control


@pytest.fixture
def kiosk_config(tmp_path) -> KioskConfig:
    """Defaults with every file under tmp_path (a fresh SQLite case database per test), the model on eager
    PyTorch (no ONNX export: see the module's docstring), and no traveller panel (``[traveller] screen =
    "off"``); consent is not asked, as by default (``[privacy] legal_basis = "public_health"``): the tests of
    the panel and the consent gate (tests/kiosk/test_traveller.py) turn them on."""
    config = parse_config({})
    return replace(
        config,
        storage=StorageConfig(data_dir=tmp_path / "data"),
        model=ModelConfig(backend="eager"),
        traveller=TravellerConfig(screen="off"),
    )


@pytest.fixture
def image_folder(tmp_path) -> Path:
    """A folder of two PNG frames and one corrupt file (the slideshow must skip it and say why)."""
    import cv2

    folder = tmp_path / "slides"
    folder.mkdir()
    for i in range(2):
        cv2.imwrite(str(folder / f"frame{i}.png"), cv2.cvtColor(skin_texture(64, seed=i), cv2.COLOR_RGB2BGR))
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    return folder


@pytest.fixture
def make_live_bundle(tmp_path):
    """Like make_tiny_bundle(probs), but the weights are kept (scaled down) so Grad-CAM has something to show:
    the output stays close to ``probs`` whatever the input, and the heatmap is not all zero."""
    import torch

    from models.bundle import make_manifest, save_bundle
    from models.registry import build_model
    from models.taxonomy import CLASSES
    from tests.conftest import pin_at_stations

    def make(probs, name="live") -> Path:
        torch.manual_seed(0)
        model = build_model("tiny_cnn", len(CLASSES))
        with torch.no_grad():
            model.fc.weight.mul_(0.02)
            model.fc.bias.copy_(torch.log(torch.tensor(probs, dtype=torch.float32).clamp_min(1e-9)))
        path = save_bundle(
            model, tmp_path / "live-bundles" / name, make_manifest(model, "tiny_cnn", CLASSES, name=name)
        )
        pin_at_stations(path)  # as an installed bundle is (models/trust.py)
        return path

    return make
