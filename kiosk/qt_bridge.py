"""Keep a PySide6 reference-count bug from aborting the station after minutes of running.

PySide6 6.12 on Python 3.11 drops references to the singletons None, True and False: every call from Qt
into a Python override or slot returning None (paintEvent, a QTimer slot, ...) loses one reference to None,
and every ``SignalInstance.emit`` from Python loses one to True. Python 3.11 frees an object whose count
reaches zero, and for these singletons that aborts the interpreter ("bool_dealloc: deallocating True or
False", "none_dealloc"). Measured here: about 1,000 references to None lost per second with the live view
running, against 65,000 held at start; a 10-minute benchmark died after 9 minutes.

``pin_singletons`` gives the three objects 2**40 extra references, which is what Python 3.12 does for them
(PEP 683 immortal objects): freeing them is never correct, so extra references cost nothing. On 3.12+ they
are already immortal and nothing is changed. ``emit`` also gives back the reference an emit drops.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

PIN = 1 << 40


def pin_singletons() -> bool:
    """Make None/True/False effectively immortal on Python < 3.12; True when something was changed."""
    if sys.version_info >= (3, 12) or hasattr(sys, "getobjects"):  # immortal already / debug build layout
        return False
    changed = False
    for obj in (None, True, False):
        if sys.getrefcount(obj) < PIN:
            # ob_refcnt is the first field of every object in CPython's release builds.
            ctypes.c_ssize_t.from_address(id(obj)).value += PIN
            changed = True
    return changed


class _Probe(QObject):
    ping = Signal()


def _emit_leaks() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(16):
        probe.ping.emit()
    return sys.getrefcount(True) <= before - 8


EMIT_LEAKS = _emit_leaks()
pin_singletons()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, giving back the reference to its bool result that affected builds drop."""
    result = signal.emit(*args)
    if EMIT_LEAKS and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
