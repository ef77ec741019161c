"""Which screening results become cases, written through the real store into a SQLite file in tmp_path."""

from dataclasses import replace

import pytest

from kiosk.caselog import CaseLog
from kiosk.config import ModelConfig, StorageConfig
from kiosk.inference import ScreeningEngine
from tests.conftest import case_database, one_hot_probs

from .conftest import skin_texture


@pytest.fixture
def store(kiosk_config):
    from kiosk.store import CaseWriter, open_database

    storage = kiosk_config.storage
    db = open_database(storage.database_url, storage.data_dir, key_file=storage.key_file)
    writers = []

    def make_writer(config=kiosk_config):
        writer = CaseWriter(db, config)
        writer.start()
        writers.append(writer)
        return writer

    yield make_writer
    for w in writers:
        w.stop()
    db.close()


def rows(config):
    with case_database(config.storage.data_dir) as conn:
        query = "SELECT decision, top_class, reveal(id, traveller_ref) FROM cases ORDER BY captured_utc"
        return conn.execute(query).fetchall()


def engine(make_tiny_bundle, config, cls, p):
    path = make_tiny_bundle(probs=one_hot_probs(cls, p), name=f"{cls}-{p}")
    return ScreeningEngine.from_config(replace(config, model=ModelConfig(bundle=str(path), backend="eager")))


def test_clear_images_are_kept_only_when_configured(make_tiny_bundle, kiosk_config, store):
    config = replace(
        kiosk_config, storage=StorageConfig(data_dir=kiosk_config.storage.data_dir, store_clear_images=True)
    )
    writer = store(config)
    eng = engine(make_tiny_bundle, config, "eczema", 0.9)
    log = CaseLog(writer, "gate-2", eng.bundle.name, eng.bundle.sha256, store_clear_images=True)
    assert log.record(eng.screen(skin_texture(64)), "ann", " X1 ") is not None
    writer.stop()
    assert rows(config) == [("clear", "eczema", "X1")]


def test_automatic_repeats_are_not_logged_twice_but_captures_are(
    make_tiny_bundle, kiosk_config, store, clock
):
    writer = store()
    eng = engine(make_tiny_bundle, kiosk_config, "mpox", 0.9)
    eng.set_auto_window(1)
    log = CaseLog(writer, "gate-1", eng.bundle.name, eng.bundle.sha256, repeat_seconds=60, clock=clock)
    first = eng.screen_auto(skin_texture(64, seed=1))
    assert log.record(first) is not None
    assert log.record(eng.screen_auto(skin_texture(64, seed=2))) is None  # same traveller, same decision
    assert log.suppressed == 1
    assert log.record(eng.screen(skin_texture(64, seed=3))) is not None  # an explicit capture always counts
    retake = eng.screen(skin_texture(64, brightness=0.1))
    assert log.record(retake) is None
    writer.stop()
    assert rows(kiosk_config) == [("flag", "mpox", ""), ("flag", "mpox", "")]


def test_repeat_window_expires(make_tiny_bundle, kiosk_config, store, clock):
    writer = store()
    eng = engine(make_tiny_bundle, kiosk_config, "eczema", 0.4)
    eng.set_auto_window(1)
    log = CaseLog(writer, "gate-1", eng.bundle.name, eng.bundle.sha256, repeat_seconds=30, clock=clock)
    assert log.record(eng.screen_auto(skin_texture(64))) is not None
    clock.advance(29.9)
    assert log.record(eng.screen_auto(skin_texture(64))) is None  # still the same traveller
    clock.advance(30.5)  # over 30 s after the last sighting (each sighting restarts the window)
    assert log.record(eng.screen_auto(skin_texture(64))) is not None
    writer.stop()
    assert [r[0] for r in rows(kiosk_config)] == ["review", "review"]


def _consent(given, training=False):
    from kiosk.caselog import Consent

    return Consent("0123456789ab", "en", given, training)


@pytest.mark.parametrize(
    ("require_consent", "cls", "p", "given", "kept"),
    [
        # public health (the default): every FLAG and REVIEW with its picture, no agreement asked
        (False, "mpox", 0.9, None, "full"),
        (False, "eczema", 0.4, None, "full"),
        # consent: with agreement in full; without, a FLAG as a minimal case and nothing else
        (True, "mpox", 0.9, True, "full"),
        (True, "mpox", 0.9, False, "minimal"),
        (True, "mpox", 0.9, None, "minimal"),
        (True, "eczema", 0.4, False, None),
    ],
)
def test_what_is_kept_on_each_legal_basis(
    make_tiny_bundle, kiosk_config, store, require_consent, cls, p, given, kept
):
    """Issue 26 item 4, without Qt: no flagged traveller disappears from the log."""
    writer = store()
    eng = engine(make_tiny_bundle, kiosk_config, cls, p)
    log = CaseLog(writer, "gate-2", eng.bundle.name, eng.bundle.sha256, require_consent=require_consent)
    consent = None if given is None and require_consent else _consent(given, training=True)
    case_id = log.record(eng.screen(skin_texture(64)), "ann", "P1", consent)
    writer.stop()
    with case_database(kiosk_config.storage.data_dir) as conn:
        found = conn.execute(
            "SELECT reveal(id, traveller_ref), image_path IS NOT NULL, heatmap_path IS NOT NULL, "
            "consent_given, consent_training FROM cases"
        ).fetchall()
    if kept is None:
        assert case_id is None and found == [] and log.refused == 1
    elif kept == "minimal":
        assert case_id and log.minimal == 1
        assert found == [("", 0, 0, None if consent is None else 0, None if consent is None else 0)]
    else:
        expected_given = None if given is None else int(given)
        assert case_id and found == [("P1", 1, 1, expected_given, 1)]


def test_a_model_error_is_not_logged_and_is_counted(make_tiny_bundle, kiosk_config, store):
    import numpy as np

    from models.serving import Prediction

    writer = store()
    eng = engine(make_tiny_bundle, kiosk_config, "mpox", 0.9)
    nan = Prediction(np.full(8, np.nan, dtype=np.float32), eng.bundle.classes)
    eng.predictor.predict_with_features = lambda image: (nan, None)
    eng.predictor.predict_one = lambda image: nan
    log = CaseLog(writer, "gate-2", eng.bundle.name, eng.bundle.sha256)
    assert log.record(eng.screen(skin_texture(64)), "ann", "P1", _consent(None)) is None
    writer.stop()
    assert rows(kiosk_config) == [] and log.model_errors == 1
