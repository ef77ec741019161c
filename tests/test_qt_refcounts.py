"""Guard against the PySide6 release that loses references to True/None on every signal emit and slot call.

With PySide6-Essentials 6.12.0 on Python 3.11 this aborts the interpreter after about a thousand emits, which
is minutes of a running station; pyproject.toml pins a release without the bug.
"""

import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal


class _Probe(QObject):
    ping = Signal()


def test_signal_emit_and_slot_calls_keep_singleton_refcounts(qapp):
    probe = _Probe()
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        probe.ping.emit()
    calls = []
    timer = QTimer()
    timer.timeout.connect(lambda: calls.append(1))
    timer.start(0)
    while len(calls) < 200:
        QCoreApplication.processEvents()
    timer.stop()
    # Other code may take or drop a few references meanwhile; a leak per call would show as ~200.
    assert sys.getrefcount(True) > true_before - 50
    assert sys.getrefcount(None) > none_before - 50


def test_python_paint_overrides_keep_none_refcount(qapp):
    from PySide6.QtWidgets import QWidget

    class Painted(QWidget):
        painted = 0

        def paintEvent(self, event):  # noqa: N802 - Qt override returning None
            Painted.painted += 1

    widget = Painted()
    widget.resize(20, 20)
    widget.show()
    none_before = sys.getrefcount(None)
    for _ in range(200):
        widget.grab()  # renders through paintEvent
    widget.close()
    assert Painted.painted >= 100
    assert sys.getrefcount(None) > none_before - 50
