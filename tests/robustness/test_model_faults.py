"""Every refused-bundle case through the kiosk's engine: ScreeningUnavailable; for a damaged or tampered
bundle the officer's sentence (details in the log), else a message that names the file and the problem.
load_bundle's own refusals are in tests/test_bundle.py, trust in tests/test_bundle_trust.py; the window that
keeps its live view with a refused bundle is in tests/kiosk/test_window.py (see docs/robustness.md)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from kiosk.config import ModelConfig
from kiosk.inference import ScreeningEngine, ScreeningUnavailable
from models.bundle import MANIFEST_NAME, SCHEMA_VERSION, WEIGHTS_NAME
from models.trust import OFFICER_MESSAGE, station_pin_path, write_pin
from tests.conftest import pin_at_stations


def _edit(path, **changes) -> None:
    manifest = json.loads((path / MANIFEST_NAME).read_text())
    manifest.update(changes)
    (path / MANIFEST_NAME).write_text(json.dumps(manifest))


# Damage or tampering: the officer sees one sentence; the log names the file and the hashes (issue 12).
TAMPERED = {
    "missing": (lambda p: (p / WEIGHTS_NAME).unlink(), "model.safetensors: weights file is missing"),
    "truncated": (
        lambda p: (p / WEIGHTS_NAME).write_bytes((p / WEIGHTS_NAME).read_bytes()[:100]),
        "model.safetensors: SHA-256 mismatch",
    ),
    "tampered": (
        lambda p: (p / WEIGHTS_NAME).write_bytes((p / WEIGHTS_NAME).read_bytes()[:-8] + b"\x00" * 8),
        "model.safetensors: SHA-256 mismatch",
    ),
    "threshold-raised": (lambda p: _edit(p, thresholds={"flag": 0.99}), "manifest.json: differs from its"),
    "no-pin": (
        lambda p: station_pin_path(p.parents[1] / "data" / "trusted-pins", p).unlink(),
        "no trusted key is configured and the bundle has no pin (",
    ),
    # issue 30: whoever can write the bundle's folder edits a threshold and re-pins it there; the station
    # trusts only its own pin, which an admin writes
    "re-pinned-beside": (
        lambda p: (_edit(p, thresholds={"review": 0.01}), write_pin(p)),
        "manifest.json: differs from its pin",
    ),
}
# A bundle that is genuine (re-pinned) but cannot be used here: the message names the problem.
UNUSABLE = {
    "schema-newer": (lambda p: _edit(p, schema_version=SCHEMA_VERSION + 1), "newer than this software"),
    "wrong-arch": (lambda p: _edit(p, arch="alexnet"), "unknown architecture 'alexnet'"),
}


def _engine(kiosk_config, path):
    config = replace(kiosk_config, model=ModelConfig(bundle=str(path), device="cpu"))
    return ScreeningEngine.from_config(config)


@pytest.mark.parametrize("fault", list(TAMPERED))
def test_a_damaged_or_tampered_bundle_is_refused_in_words_an_officer_understands(
    make_tiny_bundle, kiosk_config, fault, caplog
):
    path = make_tiny_bundle(name=fault)
    weights_sha256 = json.loads((path / MANIFEST_NAME).read_text())["weights_sha256"]
    damage, detail = TAMPERED[fault]
    damage(path)
    with pytest.raises(ScreeningUnavailable) as info:
        _engine(kiosk_config, path)
    assert f"{info.value}." == OFFICER_MESSAGE
    assert weights_sha256 not in str(info.value)
    assert detail in caplog.text and str(path) in caplog.text  # the details, for the administrator


@pytest.mark.parametrize("fault", list(UNUSABLE))
def test_refused_bundle_makes_screening_unavailable_with_the_reason(make_tiny_bundle, kiosk_config, fault):
    path = make_tiny_bundle(name=fault)
    damage, message = UNUSABLE[fault]
    damage(path)
    pin_at_stations(path)
    with pytest.raises(ScreeningUnavailable, match=message) as info:
        _engine(kiosk_config, path)
    assert str(path) in str(info.value)
