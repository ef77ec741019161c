"""Every refused-bundle case of the issue through the kiosk's engine: ScreeningUnavailable, with a message
that names the file and the problem. load_bundle's own refusals are in tests/test_bundle.py; the window that
keeps its live view with a refused bundle is in tests/kiosk/test_window.py (see docs/robustness.md)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from kiosk.config import ModelConfig
from kiosk.inference import ScreeningEngine, ScreeningUnavailable
from models.bundle import MANIFEST_NAME, SCHEMA_VERSION, WEIGHTS_NAME


def _edit(path, **changes) -> None:
    manifest = json.loads((path / MANIFEST_NAME).read_text())
    manifest.update(changes)
    (path / MANIFEST_NAME).write_text(json.dumps(manifest))


FAULTS = {
    "missing": (lambda p: (p / WEIGHTS_NAME).unlink(), WEIGHTS_NAME),
    "truncated": (lambda p: (p / WEIGHTS_NAME).write_bytes((p / WEIGHTS_NAME).read_bytes()[:100]),
                  WEIGHTS_NAME),
    "tampered": (lambda p: (p / WEIGHTS_NAME).write_bytes(
        (p / WEIGHTS_NAME).read_bytes()[:-8] + b"\x00" * 8), "SHA-256"),
    "schema-newer": (lambda p: _edit(p, schema_version=SCHEMA_VERSION + 1), "newer than this software"),
    "wrong-arch": (lambda p: _edit(p, arch="alexnet"), "unknown architecture 'alexnet'"),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_refused_bundle_makes_screening_unavailable_with_the_reason(make_tiny_bundle, kiosk_config, fault):
    path = make_tiny_bundle(name=fault)
    damage, message = FAULTS[fault]
    damage(path)
    with pytest.raises(ScreeningUnavailable, match=message) as info:
        ScreeningEngine.from_config(replace(kiosk_config, model=ModelConfig(bundle=str(path), device="cpu")))
    assert str(path) in str(info.value)
