"""Python's garbage collector runs only in the GUI thread while the station runs (kiosk/ui/collector.py): a
collection started by a worker thread could free a Qt wrapper there and deadlock PySide6's deferred
deletion."""

from __future__ import annotations

import gc
import threading

from kiosk.ui.collector import MainThreadCollector


def test_collections_run_in_the_gui_thread_only_and_keep_up_with_garbage(qtbot):
    seen: list[str] = []

    def watch(phase, info):
        if phase == "start":
            seen.append(threading.current_thread().name)

    gc.enable()  # as a station starts (the test suite itself keeps it off)
    collector = MainThreadCollector(interval_ms=20)
    gc.callbacks.append(watch)
    try:
        collector.start()
        assert not gc.isenabled()

        def make_cycles():  # a worker allocating cyclic garbage, as the case writer or the inference does
            for _ in range(20000):
                a: list = []
                a.append(a)

        worker = threading.Thread(target=make_cycles, name="worker")
        worker.start()
        worker.join()
        assert (
            gc.get_count()[0] > gc.get_threshold()[0]
        )  # the worker's garbage waits: nothing collected there
        qtbot.waitUntil(lambda: gc.get_count()[0] <= gc.get_threshold()[0], timeout=5000)
        assert seen and set(seen) == {threading.main_thread().name}
        assert collector.collections[0] >= 1
        # a collector that passed its threshold for generation 1 collects generation 1 (CPython's rule)
        for _ in range(gc.get_threshold()[1] + 1):
            gc.collect(0)
        garbage = 0
        while gc.get_count()[0] <= gc.get_threshold()[0] and garbage < 100000:
            b: list = []
            b.append(b)
            garbage += 1
        counts = gc.get_count()
        assert collector.collect() >= 1, counts
        collector.freeze_startup()  # what exists now is never scanned again
        assert gc.get_freeze_count() > 0
    finally:
        gc.callbacks.remove(watch)
        collector.stop()
        gc.unfreeze()
    assert gc.isenabled()
    gc.disable()  # the suite's own setting (tests/conftest.py)
