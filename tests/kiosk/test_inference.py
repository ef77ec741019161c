from dataclasses import replace

import numpy as np
import pytest

from kiosk.config import ModelConfig, ThresholdsConfig
from kiosk.inference import RETAKE, ScreeningEngine, ScreeningUnavailable, merge_thresholds
from models.bundle import load_bundle
from tests.conftest import one_hot_probs

from .conftest import skin_texture


def engine_for(make_tiny_bundle, kiosk_config, probs, **thresholds):
    path = make_tiny_bundle(probs=probs)
    config = replace(
        kiosk_config,
        model=ModelConfig(bundle=str(path), device="cpu", backend="eager"),
        thresholds=ThresholdsConfig(**thresholds),
    )
    return ScreeningEngine.from_config(config)


@pytest.mark.parametrize(
    "cls, p, decision",
    [("mpox", 0.9, "flag"), ("eczema", 0.4, "review"), ("eczema", 0.9, "clear")],
)
def test_each_decision_with_heatmap_and_timing(make_tiny_bundle, kiosk_config, cls, p, decision):
    engine = engine_for(make_tiny_bundle, kiosk_config, one_hot_probs(cls, p))
    frame = skin_texture(64)
    result = engine.screen(frame)
    assert result.decision == decision
    assert result.verdict.top_class == cls
    assert result.probabilities[cls] == pytest.approx(p, abs=1e-4)
    assert sum(result.probabilities.values()) == pytest.approx(1.0, abs=1e-5)
    assert result.heatmap.shape == frame.shape[:2]
    assert result.infer_ms > 0 and result.mode == "capture"
    assert result.top3[0][0] == cls and len(result.top3) == 3


def test_bad_quality_is_a_retake_without_classification(make_tiny_bundle, kiosk_config):
    engine = engine_for(make_tiny_bundle, kiosk_config, one_hot_probs("mpox", 0.9))
    result = engine.screen(skin_texture(64, brightness=0.1))
    assert result.decision == RETAKE and result.verdict is None and result.probabilities == {}
    assert "too dark" in result.reason


def test_doubtful_quality_turns_clear_into_review(make_tiny_bundle, kiosk_config):
    engine = engine_for(make_tiny_bundle, kiosk_config, one_hot_probs("eczema", 0.9))
    dim = skin_texture(64, brightness=0.33)  # mean grey ~54: between the dark retake and doubtful limits
    result = engine.screen(dim)
    assert result.quality.status == "doubtful"
    assert result.decision == "review" and "image quality doubtful" in result.reason


def test_configured_thresholds_win_over_the_bundle(make_tiny_bundle, kiosk_config):
    probs = one_hot_probs("measles", 0.7)
    assert engine_for(make_tiny_bundle, kiosk_config, probs).screen(skin_texture(64)).decision == "clear"
    flagging = engine_for(make_tiny_bundle, kiosk_config, probs, flagged_classes=("mpox", "measles"))
    assert flagging.screen(skin_texture(64)).decision == "flag"
    strict = engine_for(make_tiny_bundle, kiosk_config, probs, review=0.8)
    assert strict.screen(skin_texture(64)).decision == "review"


def test_flagged_class_unknown_to_the_model_is_refused(make_tiny_bundle):
    bundle = load_bundle(make_tiny_bundle(classes=("mpox", "normal"), name="two"))
    with pytest.raises(ScreeningUnavailable, match="flagged_classes"):
        merge_thresholds(bundle, ThresholdsConfig(flagged_classes=("measles",)))


def test_automatic_mode_decides_on_the_mean_of_the_window(make_tiny_bundle, kiosk_config):
    engine = engine_for(make_tiny_bundle, kiosk_config, one_hot_probs("mpox", 0.9))
    engine.set_auto_window(3)
    frames = [skin_texture(64, seed=i) for i in range(3)]
    assert engine.screen_auto(frames[0]) is None
    assert engine.screen_auto(frames[1]) is None
    result = engine.screen_auto(frames[2])
    assert result.decision == "flag" and result.frames_averaged == 3 and result.mode == "auto"
    assert np.array_equal(result.image, frames[2]) and result.heatmap is not None
    # a bad frame empties the window: the next decision needs three good frames again
    assert engine.screen_auto(frames[0]) is None
    assert engine.screen_auto(skin_texture(64, brightness=0.1)).decision == RETAKE
    assert engine.auto_progress == 0


def test_a_new_epoch_starts_the_automatic_window_afresh_in_the_engines_thread(make_tiny_bundle, kiosk_config):
    """Issue 26: the window never empties the engine's frame window from the GUI thread; it sends an epoch
    with each automatic request, and a new one (a traveller cleared, auto mode toggled, the camera lost)
    starts the window afresh where the worker fills it."""
    engine = engine_for(make_tiny_bundle, kiosk_config, one_hot_probs("mpox", 0.9))
    engine.set_auto_window(3)
    frames = [skin_texture(64, seed=i) for i in range(3)]
    assert engine.screen_auto(frames[0], epoch=0) is None
    assert engine.screen_auto(frames[1], epoch=0) is None and engine.auto_progress == 2
    assert engine.screen_auto(frames[2], epoch=1) is None  # the next traveller: this frame starts a window
    assert engine.auto_progress == 1
    assert engine.screen_auto(frames[0], epoch=1) is None
    result = engine.screen_auto(frames[1], epoch=1)
    assert result.decision == "flag" and result.frames_averaged == 3


def test_missing_or_refused_bundle_says_what_to_do(tmp_path, make_tiny_bundle, kiosk_config):
    missing = replace(kiosk_config, model=ModelConfig(bundle=str(tmp_path / "none")))
    with pytest.raises(ScreeningUnavailable, match="none"):
        ScreeningEngine.from_config(missing)
    path = make_tiny_bundle()
    (path / "model.safetensors").write_bytes(b"tampered")
    with pytest.raises(ScreeningUnavailable, match="changed or damaged: call your administrator"):
        ScreeningEngine.from_config(replace(kiosk_config, model=ModelConfig(bundle=str(path))))


def test_one_forward_pass_per_screened_frame(make_tiny_bundle, kiosk_config):
    """Decision and heatmap come from the same pass (issue 16 item 1): the heatmap explains the class the
    decision names without running the model again."""
    engine = engine_for(make_tiny_bundle, kiosk_config, one_hot_probs("mpox", 0.9))
    assert engine.explainer.fast
    calls = []
    run = engine.predictor.runtime.run
    engine.predictor.runtime.run = lambda *a, **k: calls.append(k) or run(*a, **k)
    result = engine.screen(skin_texture(64))
    assert result.decision == "flag" and result.heatmap is not None
    assert len(calls) == 1 and calls[0]["features"] is True


def test_the_configured_backend_is_the_one_that_runs(make_tiny_bundle, kiosk_config):
    engine = engine_for(make_tiny_bundle, kiosk_config, one_hot_probs("mpox", 0.9))  # backend "eager"
    assert engine.predictor.backend == "eager"
    assert engine.device_label == "CPU · PyTorch"
    assert engine.backend_note == ""  # asked for: no fallback to explain
    path = make_tiny_bundle(probs=one_hot_probs("mpox", 0.9))
    strict = replace(kiosk_config, model=ModelConfig(bundle=str(path), device="cpu", backend="int8"))
    with pytest.raises(ScreeningUnavailable, match="has no int8 graph"):  # only that path, never a fallback
        ScreeningEngine.from_config(strict)


def _break_the_model(engine, probabilities):
    """The engine's predictor returns ``probabilities`` from now on (NaN: a corrupt graph, an overflow)."""
    from models.serving import Prediction

    classes = engine.bundle.classes

    def broken(image):
        return Prediction(np.asarray(probabilities, dtype=np.float32), classes)

    engine.predictor.predict_one = broken
    engine.predictor.predict_with_features = lambda image: (broken(image), None)


def test_a_model_returning_nan_gives_review_never_clear(make_tiny_bundle, kiosk_config):
    """Issue 26 item 1: checked on every call, not only on the probe batch at load time."""
    from models.decision import ReasonCode

    engine = engine_for(make_tiny_bundle, kiosk_config, one_hot_probs("eczema", 0.95))
    assert engine.screen(skin_texture(64)).decision == "clear"
    _break_the_model(engine, np.full(8, np.nan))
    result = engine.screen(skin_texture(64))
    assert (result.decision, result.reason_code) == ("review", ReasonCode.MODEL_ERROR)
    assert result.probabilities == {} and result.top3 == [] and result.heatmap is None
    # automatic mode: one broken frame in the window makes the mean broken too
    engine.consecutive_failures = 0
    auto = [engine.screen_auto(skin_texture(64, seed=i)) for i in range(engine.auto_window)]
    assert auto[-1].reason_code is ReasonCode.MODEL_ERROR and auto[-1].decision == "review"


def test_a_model_that_keeps_failing_takes_screening_out_of_service(make_tiny_bundle, kiosk_config):
    from kiosk.inference import MAX_CONSECUTIVE_MODEL_FAILURES

    engine = engine_for(make_tiny_bundle, kiosk_config, one_hot_probs("eczema", 0.95))
    _break_the_model(engine, [5.0] + [0.0] * 7)  # unnormalised scores
    for _ in range(MAX_CONSECUTIVE_MODEL_FAILURES - 1):
        assert engine.screen(skin_texture(64)).decision == "review"
        assert not engine.out_of_service
    engine.screen(skin_texture(64))
    assert "failed on 3 pictures in a row" in engine.out_of_service
    with pytest.raises(ScreeningUnavailable, match="restarted"):
        engine.screen(skin_texture(64))


def test_a_sound_result_resets_the_failure_count(make_tiny_bundle, kiosk_config):
    engine = engine_for(make_tiny_bundle, kiosk_config, one_hot_probs("eczema", 0.95))
    predict_one, with_features = engine.predictor.predict_one, engine.predictor.predict_with_features
    for _ in range(3):
        _break_the_model(engine, np.full(8, np.inf))
        engine.screen(skin_texture(64))
        engine.screen(skin_texture(64))
        engine.predictor.predict_one, engine.predictor.predict_with_features = predict_one, with_features
        assert engine.screen(skin_texture(64)).decision == "clear"
    assert engine.consecutive_failures == 0 and not engine.out_of_service
