"""The station with an open-set bundle (issue 13): an unrecognised rash is REVIEW in plain words, logged
with its reason code and score; a picture that is not skin is a RETAKE that names no disease;
mpox still flags."""

import sqlite3

import numpy as np
import pytest
from PySide6.QtCore import Qt

from tests.conftest import one_hot_probs, pin_at_stations
from tests.test_open_set import _feature_dim, _head, _with_head

from .test_window import station_for  # noqa: F401  (fixture)


def _open_set_bundle(make_tiny_bundle, probs, unknown_bias, not_skin_bias):
    path = make_tiny_bundle(probs=probs)
    _with_head(path, _head(_feature_dim(path), unknown_bias, not_skin_bias), unknown=0.5, not_skin=0.5)
    pin_at_stations(path)
    return path


def _logged(station):
    db = station.config.storage.data_dir / "cases.sqlite3"
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT decision, reason_code, open_set_score FROM cases").fetchall()


@pytest.mark.parametrize(
    ("cls", "unknown_bias", "not_skin_bias", "kind", "banner", "code"),
    [
        ("eczema", 3.0, -3.0, "review", "REVIEW · condition not recognised", "unknown_condition"),
        ("mpox", 3.0, -3.0, "flag", "FLAG · suspected Mpox", "flag_threshold"),  # never hidden
        ("mpox", -3.0, 3.0, "retake", "RETAKE · not a skin close-up", None),
    ],
)
def test_open_set_outcomes_in_the_window_and_the_case_log(
    qtbot,
    station_for,  # noqa: F811 - the fixture imported above
    make_tiny_bundle,
    cls,
    unknown_bias,
    not_skin_bias,
    kind,
    banner,
    code,
):
    bundle = _open_set_bundle(make_tiny_bundle, one_hot_probs(cls, 0.9), unknown_bias, not_skin_bias)
    station, window = station_for(bundle=bundle)
    with qtbot.waitSignal(window.outcome_shown, timeout=10000) as sig:
        qtbot.mouseClick(window.capture_button, Qt.MouseButton.LeftButton)
    result = sig.args[0].result
    assert window.banner_kind == kind and window.banner.headline == banner
    if kind == "retake":
        assert result.reason_code == "not_skin" and window.chart.values == []
        assert "skin close-up" in window.reason.text() and "mpox" not in window.reason.text().lower()
        assert sig.args[0].case_id is None
        return
    if code == "unknown_condition":
        assert window.chart.values == []  # no class is asserted for a rash the model does not know
        assert not window.chart.axes_shown
        assert "does not look like any condition the model knows" in window.reason.text()
        assert result.heatmap is None  # no class is explained either
    qtbot.waitUntil(lambda: station.writer.status().written >= 1, timeout=10000)
    ((decision, reason_code, score),) = _logged(station)
    assert (decision, reason_code) == (kind, code)
    assert score == pytest.approx(1 / (1 + np.exp(-3.0)), abs=1e-4)
