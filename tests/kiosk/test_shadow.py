"""Shadow testing (issue 28, item 3): a candidate bundle screens the live path's frames in its own thread, its
verdicts are stored beside the live ones, never shown, never waited for; a candidate that is not vouched for
is not run."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from kiosk.caselog import CaseLog
from kiosk.config import ModelConfig
from kiosk.inference import ScreeningEngine
from kiosk.shadow import ShadowRunner
from kiosk.store import CaseWriter, StoreSettings, open_database
from kiosk.store.schema import ShadowVerdict
from kiosk.trust import BundleRefused
from kiosk.workers import InferenceController, ScreenRequest
from tests.conftest import one_hot_probs, wait_for
from tests.store.conftest import backend_url  # noqa: F401 - the store on SQLite and on PostgreSQL

from .conftest import skin_texture


@pytest.fixture
def station(tmp_path, kiosk_config, make_tiny_bundle, backend_url):  # noqa: F811
    """(config, engine, db, writer): a live bundle that flags mpox, a shadow candidate that names eczema."""
    live = make_tiny_bundle(probs=one_hot_probs("mpox", 0.9), name="live")
    candidate = make_tiny_bundle(probs=one_hot_probs("eczema", 0.9), name="candidate")
    config = replace(
        kiosk_config,
        model=ModelConfig(bundle=str(live), device="cpu", backend="eager", shadow_bundle=str(candidate)),
    )
    engine = ScreeningEngine.from_config(config)
    data = config.storage.data_dir
    db = open_database(backend_url, data)
    writer = CaseWriter(db, StoreSettings(data_dir=data, station_id=config.station.id))
    writer.start()
    yield config, engine, db, writer
    writer.stop()
    db.close()


def _verdicts(db) -> list[ShadowVerdict]:
    with db.session() as s:
        return list(s.query(ShadowVerdict).order_by(ShadowVerdict.id))


def test_the_shadow_verdict_is_stored_beside_the_live_one(qtbot, station):
    config, engine, db, writer = station
    shadow = ShadowRunner.from_config(config, writer, engine.limits)
    caselog = CaseLog(writer, config.station.id, engine.bundle.name, engine.bundle.sha256)
    controller = InferenceController(engine, caselog, shadow=shadow)
    try:
        with qtbot.waitSignal(controller.outcome, timeout=20000) as got:
            controller.request(ScreenRequest("capture", skin_texture(96, seed=1)))
        outcome = got.args[0]
        assert outcome.result.decision.value == "flag" and outcome.case_id  # the live path: FLAG, logged
        assert wait_for(lambda: len(_verdicts(db)) == 1, timeout=20)
    finally:
        controller.shutdown()
        shadow.stop()
    (v,) = _verdicts(db)
    assert (v.live_decision, v.live_top_class, v.case_id) == ("flag", "mpox", outcome.case_id)
    assert v.live_bundle_sha256 == engine.bundle.sha256 and v.shadow_bundle_name == "candidate"
    assert v.shadow_bundle_sha256 == shadow.bundle.sha256 != engine.bundle.sha256
    assert (v.shadow_decision, v.shadow_top_class) == ("clear", "eczema") and v.shadow_ms > 0
    assert shadow.screened == 1 and shadow.failed == 0


def test_offering_never_waits_and_keeps_one_frame(station):
    """A slow candidate: the live path's offers return at once, and only the newest frame waits; a frame that
    made no case within a second of the last offered one is skipped (automatic mode's stream of CLEARs)."""
    config, engine, _db, _writer = station
    gate, stored = threading.Event(), []

    class SlowSink:
        def submit_shadow(self, verdict):
            gate.wait(20)
            stored.append(verdict)

    shadow = ShadowRunner.from_config(config, SlowSink(), engine.limits)
    results = [engine.screen(skin_texture(96, seed=s)) for s in range(6)]
    try:
        shadow.offer(results[0], None, engine.bundle.sha256)
        assert wait_for(lambda: shadow._slot is None)  # the first is being screened (the sink holds it)
        shadow.offer(results[1], None, engine.bundle.sha256)  # no case, just after the first: skipped
        assert shadow.skipped == 1 and shadow._slot is None
        for i, r in enumerate(results[1:]):  # each made a case: offered, returns at once although stuck
            shadow.offer(r, f"case{i}", engine.bundle.sha256)
        assert shadow.dropped == 4
        gate.set()
        assert wait_for(lambda: len(stored) == 2, timeout=20)
    finally:
        gate.set()
        shadow.stop()
    assert [v["captured_utc"] for v in stored] == [results[0].captured_utc, results[-1].captured_utc]


def test_a_candidate_that_is_not_vouched_for_is_not_run(station, make_tiny_bundle):
    config, engine, _db, writer = station
    unpinned = make_tiny_bundle(probs=one_hot_probs("eczema", 0.9), name="stranger", pin=False)
    stranger = replace(config, model=replace(config.model, shadow_bundle=str(unpinned)))
    with pytest.raises(BundleRefused):
        ShadowRunner.from_config(stranger, writer, engine.limits)
    assert (
        ShadowRunner.from_config(replace(config, model=replace(config.model, shadow_bundle="")), writer)
        is None
    )
