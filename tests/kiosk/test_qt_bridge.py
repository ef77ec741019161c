"""The PySide6 6.12 / Python 3.11 reference-count workaround that keeps the station from aborting."""

import sys

import pytest
from PySide6.QtWidgets import QWidget

from kiosk.qt_bridge import PIN, _Probe, emit, pin_singletons


def test_emit_does_not_drain_true():
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(2000):
        emit(probe.ping)
    assert abs(sys.getrefcount(True) - before) < 50


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None/True/False are immortal from Python 3.12")
def test_singletons_survive_many_qt_callbacks(qtbot):
    pin_singletons()
    assert all(sys.getrefcount(o) >= PIN for o in (None, True, False))
    assert pin_singletons() is False  # idempotent: pinned once only

    class Painted(QWidget):
        def paintEvent(self, event):  # noqa: N802 - each call from Qt drops a None on affected builds
            pass

    w = Painted()
    qtbot.addWidget(w)
    w.show()
    for _ in range(2000):
        w.repaint()
    assert sys.getrefcount(None) > PIN - 10_000
