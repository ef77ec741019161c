"""Reuse the kiosk test fixtures: fake cameras, station configs in tmp_path, and the dangling-thread guard."""

from tests.kiosk.conftest import (  # noqa: F401 - fixtures are found by name
    _dangling_threads,
    clock,
    fake_camera,
    kiosk_config,
    make_live_bundle,
)
