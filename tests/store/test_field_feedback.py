"""From the field back to the model (issue 28): two stations screen into one store (SQLite, and a real
PostgreSQL server under .ci/run), a reviewer confirms what cases turned out to be, ``mpox-train evaluate
--store`` reports on them and ``mpox-train data --from-store`` writes a manifest of the consented ones that
``mpox-train fit`` accepts. Bad input (no confirmed case, a wrong password or key, a bundle of other classes)
is a clear error and changes nothing."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import cv2
import numpy as np
import pytest

from kiosk.store import CaseWriter, StoreSettings, accounts, audit, reviews
from models.decision import Thresholds
from models.taxonomy import CLASSES
from tests.conftest import one_hot_probs
from training.cli import main as train
from training.dataset_manifest import read_dataset_manifest

from .conftest import make_record

PW = "correct horse battery"
# (station, traveller reference, confirmed label, detail, agreed to reuse for training)
CASES = [
    ("gate-1", "P1", "mpox", "", True),
    ("gate-1", "P1", "mpox", "", True),  # the same traveller again: one group
    ("gate-1", "P2", "eczema", "", False),
    ("gate-1", "", "other_condition", "scabies", True),
    ("gate-2", "P3", "mpox", "", True),
    ("gate-2", "P4", "chickenpox", "", True),
    ("gate-2", "P5", "eczema", "", True),
    ("gate-2", "P6", "unknown", "", True),
    ("gate-2", "P7", "measles", "", None),
]
# more travellers at gate-2 (mpox, chickenpox, measles in turn), all agreeing: enough for fit's split
CASES += [("gate-2", f"Q{i}", CLASSES[i % 3], "", True) for i in range(14)]
N_MPOX = sum(label == "mpox" for _s, _r, label, _d, _c in CASES)
AT = {st: sum(s == st for s, *_ in CASES) for st in ("gate-1", "gate-2")}


def skin_picture(seed: int) -> np.ndarray:
    """A skin-toned picture with spots: passes the station's quality gate, so the model runs on it."""
    rng = np.random.default_rng(seed)
    img = np.zeros((120, 160, 3), np.uint8)
    img[:] = (205, 150, 125)
    for _ in range(20):
        x, y, r = int(rng.integers(5, 155)), int(rng.integers(5, 115)), int(rng.integers(2, 6))
        cv2.circle(img, (x, y), r, (150, 70, 60), -1)
    return np.clip(img + rng.normal(0, 6, img.shape), 0, 255).astype(np.uint8)


@pytest.fixture
def field_store(db, tmp_path):
    """The store after two stations' cases and a reviewer's labels; (db, url, admin name)."""
    accounts.create_user(db, "root", PW, "admin", None)
    root = accounts.authenticate(db, "root", PW)
    accounts.create_user(db, "rev", PW, "reviewer", root)
    rev = accounts.authenticate(db, "rev", PW)
    ids = []
    for station in ("gate-1", "gate-2"):  # one writer per station, both into the one database
        writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
        writer.start()
        for i, (st, ref, _label, _detail, reuse) in enumerate(CASES):
            if st == station:
                record = replace(
                    make_record(seed=i, station=st, ref=ref),
                    image_rgb=skin_picture(i),
                    consent_training=reuse,
                )
                ids.append(writer.submit_case(record))
        writer.stop()
    for cid, (_st, _ref, label, detail, _reuse) in zip(ids, CASES, strict=True):
        reviews.record_label(db, rev, cid, label, detail=detail)
    return db, ids


def _store_args(db, tmp_path) -> list[str]:
    return ["--store-data", str(tmp_path), "--as", "root", "--password-stdin"]


def _url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def _run(argv, monkeypatch, password=PW) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return train(argv)


def test_data_from_store_exports_consented_cases_by_traveller_and_fit_accepts_it(
    field_store, tmp_path, monkeypatch
):
    db, ids = field_store
    out = tmp_path / "field-data"
    stale = tmp_path / ".field-data.4242.partial" / "images"  # an export killed midway: decrypted pictures
    stale.mkdir(parents=True)
    (stale / "left.png").write_bytes(b"x")
    argv = ["data", "--from-store", _url(db), "--out", str(out), *_store_args(db, tmp_path)]
    assert _run(argv, monkeypatch) == 0
    assert not stale.parent.exists()
    records = read_dataset_manifest(out / "manifest.csv")
    # consented and learnable only: not P2 (no), not P6 (unknown), not P7 (not asked)
    kept = [c for c in CASES if c[4] is True and c[2] != "unknown"]
    assert sorted(r.label for r in records) == sorted(c[2] for c in kept)
    assert "P2" not in {c[1] for c in kept} and len(records) == len(CASES) - 3
    assert {r.source for r in records} == {"gate-1", "gate-2"}
    mpox_gate1 = [r for r in records if r.source == "gate-1" and r.label == "mpox"]
    assert len(mpox_gate1) == 2 and len({r.group for r in mpox_gate1}) == 1  # one traveller, one group
    assert len({r.group for r in records}) == len(records) - 1
    assert [r.detail for r in records if r.label == "other_condition"] == ["scabies"]
    names = " ".join(r.path.name for r in records) + (out / "manifest.csv").read_text()
    assert not any(cid in names or cid[:8] in names for cid in ids)  # nothing identifying in the files
    assert not any(ref in names for ref in ("P1", "P3", "P4", "P5"))
    assert (out.stat().st_mode & 0o077) == 0 and all((r.path.stat().st_mode & 0o077) == 0 for r in records)
    first = cv2.cvtColor(cv2.imread(str(mpox_gate1[0].path)), cv2.COLOR_BGR2RGB)
    assert any(np.array_equal(first, skin_picture(i)) for i in range(len(CASES)))  # lossless pictures
    assert any(e.action == "field_exported" and e.actor == "root" for e in audit.recent(db, 5))
    assert audit.verify(db).ok
    # the recipe takes it like any other manifest
    run = tmp_path / "fit"
    fit = ["fit", "--arch", "tiny_cnn", "--data", str(out / "manifest.csv"), "--out", str(run)]
    assert (
        train([*fit, "--epochs", "1", "--input-size", "32", "--no-progress", "--no-augment", "--cv", "0"])
        == 0
    )
    assert (run / "bundle" / "manifest.json").is_file()


def test_evaluate_store_reports_per_station_and_against_the_screening_bundle(
    field_store, tmp_path, monkeypatch, make_tiny_bundle
):
    db, _ids = field_store
    bundle = make_tiny_bundle(probs=one_hot_probs("mpox", 0.9), thresholds=None, pin=False)
    out = tmp_path / "report"
    argv = ["evaluate", "--bundle", str(bundle), "--store", _url(db), "--out", str(out), "--bootstrap", "0"]
    assert _run([*argv, *_store_args(db, tmp_path)], monkeypatch) == 0
    m = json.loads((out / "metrics.json").read_text())
    field = m["field"]
    assert field["n_cases"] == len(CASES)
    assert field["labels"]["mpox"] == N_MPOX and field["labels"]["unknown"] == 1
    # this bundle flags everything: every mpox case flagged, PPV = the share of mpox among the cases
    assert (field["overall"]["mpox_recall"]["k"], field["overall"]["mpox_recall"]["n"]) == (N_MPOX, N_MPOX)
    assert (field["overall"]["mpox_ppv"]["k"], field["overall"]["mpox_ppv"]["n"]) == (N_MPOX, len(CASES))
    assert field["per_station"]["gate-1"]["mpox_ppv"]["n"] == AT["gate-1"] == 4
    assert field["per_station"]["gate-1"]["mpox_ppv"]["k"] == 2
    assert field["per_station"]["gate-2"]["mpox_ppv"]["n"] == AT["gate-2"]
    assert field["decisions_by_label"]["other_condition"] == {"flag": 1}
    # the stored decisions were all FLAG too: full agreement, none screened by this bundle
    assert field["agreement_with_screening_bundle"]["decision"]["share"] == 1.0
    assert field["agreement_with_screening_bundle"]["cases_screened_by_this_bundle"] == 0
    # the eight-class cases get evaluate's figures, stations as sources
    assert set(m["per_source"]) == {"gate-1", "gate-2"} and m["n_images"] == len(CASES) - 2
    report = (out / "report.md").read_text()
    assert "On the stations' confirmed cases" in report and f"| gate-2 | {AT['gate-2']} |" in report
    assert any(e.action == "field_evaluated" for e in audit.recent(db, 5))


def test_bad_input_is_a_clear_error_and_changes_nothing(
    field_store, tmp_path, monkeypatch, make_tiny_bundle, capsys
):
    db, _ids = field_store
    url = _url(db)
    good = make_tiny_bundle(probs=one_hot_probs("mpox", 0.9), pin=False)
    before = audit.recent(db, 1)[0].seq

    def refused(argv, password=PW) -> str:
        assert _run(argv, monkeypatch, password) == 2
        return capsys.readouterr().err

    out = tmp_path / "nothing"
    ev = ["evaluate", "--bundle", str(good), "--store", url, "--out", str(out)]
    assert "password" in refused([*ev, *_store_args(db, tmp_path)], password="wrong").lower()
    other = make_tiny_bundle(
        classes=("a", "b"), name="ab", pin=False, thresholds=Thresholds(flagged_classes=("a",))
    )
    ev_other = ["evaluate", "--bundle", str(other), "--store", url, "--out", str(out)]
    assert "eight classes" in refused([*ev_other, *_store_args(db, tmp_path)])
    bad_key = tmp_path / "other.key"
    bad_key.write_bytes(bytes(32))
    bad_key.chmod(0o600)
    assert "key file" in refused([*ev, *_store_args(db, tmp_path), "--key-file", str(bad_key)])
    missing = tmp_path / "none.sqlite"
    ev_missing = ["evaluate", "--bundle", str(good), "--store", f"sqlite:///{missing}", "--out", str(out)]
    assert "no case database" in refused([*ev_missing, *_store_args(db, tmp_path)])
    assert not missing.exists() and not out.exists()
    export = ["data", "--from-store", url, "--out", str(tmp_path / "x"), *_store_args(db, tmp_path)]
    assert "key file" in refused([*export, "--key-file", str(bad_key)])
    assert not (tmp_path / "x").exists() and not list(tmp_path.glob(".x.*"))
    # only the failed log-in went into the audit trail: no evaluation, no export
    actions = [e.action for e in audit.recent(db, 50) if e.seq > before]
    assert "field_evaluated" not in actions and "field_exported" not in actions


def test_a_store_without_confirmed_cases_says_what_to_do(db, tmp_path, monkeypatch, make_tiny_bundle, capsys):
    accounts.create_user(db, "root", PW, "admin", None)
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path))
    writer.start()
    writer.submit_case(replace(make_record(), image_rgb=skin_picture(0)))
    writer.stop()
    bundle = make_tiny_bundle(pin=False)
    argv = ["evaluate", "--bundle", str(bundle), "--store", _url(db), "--out", str(tmp_path / "r")]
    assert _run([*argv, *_store_args(db, tmp_path)], monkeypatch) == 2
    assert "Turned out to be" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_an_officer_cannot_read_the_store(field_store, tmp_path, monkeypatch, capsys):
    db, _ids = field_store
    root = accounts.authenticate(db, "root", PW)
    accounts.create_user(db, "off", PW, "officer", root)
    argv = ["data", "--from-store", _url(db), "--out", str(tmp_path / "o"), "--store-data", str(tmp_path)]
    assert _run([*argv, "--as", "off", "--password-stdin"], monkeypatch) == 2
    assert "admin" in capsys.readouterr().err and not (tmp_path / "o").exists()


def _clears(db, station: str, hour, n: int) -> None:
    from kiosk.store.writer import _add_clear

    db.transact(lambda s: _add_clear(s, station, hour, n))


def test_heartbeats_and_the_fleet_view(db, tmp_path):
    """Issue 28, item 5: each station's writer keeps its heartbeat; the fleet marks a station whose flag rate
    left its own range or the fleet's, one that runs a bundle no other runs, and one that went quiet."""
    from datetime import UTC, datetime, timedelta

    from kiosk.store import fleet as fleetlib
    from kiosk.store.schema import StationHeartbeat
    from tests.store.conftest import insert_rows, wait_until

    writers = {}
    for station, sha in (("gate-1", "a" * 64), ("gate-2", "a" * 64), ("gate-3", "b" * 64)):
        writer = CaseWriter(db, StoreSettings(data_dir=tmp_path, station_id=station))
        writer.start()
        writer.set_station_state(
            software_version="0.1.0", bundle_name="default", bundle_sha256=sha, camera_state="live"
        )
        writers[station] = writer

    def beats():
        with db.session() as s:
            return {b.station_id: b for b in s.query(StationHeartbeat)}

    wait_until(lambda: len(beats()) == 3, what="three heartbeats")
    writers["gate-2"].set_station_state(camera_state="lost")
    wait_until(lambda: beats()["gate-2"].camera_state == "lost", what="the camera state written at once")
    with pytest.raises(Exception, match="heartbeat fields"):
        writers["gate-1"].set_station_state(operator="x")
    for writer in writers.values():
        writer.stop()
    now = datetime.now(UTC)
    # gate-1 flagged 5 % for two weeks, 50 % today; gate-2 and gate-3 5 % all along
    for station, recent_flags in (("gate-1", 20), ("gate-2", 2), ("gate-3", 2)):
        past = now - timedelta(days=5)
        insert_rows(db, [{"station": station, "when": past + timedelta(minutes=i)} for i in range(10)])
        _clears(db, station, past.replace(minute=0, second=0, microsecond=0), 190)
        today = now - timedelta(hours=2)
        insert_rows(
            db, [{"station": station, "when": today + timedelta(minutes=i)} for i in range(recent_flags)]
        )
        _clears(db, station, today.replace(minute=0, second=0, microsecond=0), 40 - recent_flags)
    views = {v.station_id: v for v in fleetlib.fleet(db, now=now)}
    assert set(views) == {"gate-1", "gate-2", "gate-3"} and all(v.up for v in views.values())
    assert (views["gate-1"].recent.flags, views["gate-1"].recent.screened) == (20, 40)
    assert (views["gate-1"].past.flags, views["gate-1"].past.screened) == (10, 200)
    assert set(views["gate-1"].flags_raised) == {"own_past", "fleet"}
    assert views["gate-2"].flags_raised == () and views["gate-2"].camera_state == "lost"
    assert views["gate-3"].flags_raised == ("bundle",)
    assert [r.screened for _d, r in views["gate-1"].daily] == [200]
    later = {v.station_id: v for v in fleetlib.fleet(db, now=now + timedelta(minutes=10))}
    assert not any(v.up for v in later.values())  # no heartbeat for ten minutes: down


def _shadow_rows(db, candidate_sha: str, pairs: list[tuple[str, str, str]]) -> None:
    """Shadow verdicts as a station stores them: (case id, live decision, shadow decision)."""
    from datetime import UTC, datetime

    from kiosk.store.schema import ShadowVerdict

    def work(s) -> None:
        for cid, live, shadow in pairs:
            s.add(
                ShadowVerdict(
                    station_id="gate-1",
                    captured_utc=datetime.now(UTC),
                    case_id=cid,
                    live_bundle_sha256="ab" * 32,
                    live_decision=live,
                    live_top_class="mpox",
                    live_reason_code="",
                    shadow_bundle_name="candidate",
                    shadow_bundle_sha256=candidate_sha,
                    shadow_decision=shadow,
                    shadow_top_class="mpox",
                    shadow_reason_code="",
                    shadow_probabilities="{}",
                    shadow_ms=5.0,
                )
            )

    db.transact(work)


@pytest.mark.parametrize("better", [True, False])
def test_rollout_refuses_a_candidate_worse_on_confirmed_cases(
    field_store, tmp_path, monkeypatch, make_tiny_bundle, capsys, better
):
    """Issue 28, item 3: the shadow period's verdicts on confirmed cases decide; worse recall or PPV refuses
    the roll-out with the figures and installs nothing; better installs the candidate."""
    db, ids = field_store
    candidate = make_tiny_bundle(probs=one_hot_probs("mpox", 0.9), name="candidate", pin=False)
    from models.bundle import load_bundle

    sha = load_bundle(candidate).sha256
    labels = {cid: row[2] for cid, row in zip(ids, CASES, strict=True)}
    mpox = [c for c, lab in labels.items() if lab == "mpox"]
    other = [c for c, lab in labels.items() if lab not in ("mpox", "unknown")]
    # live: flags every mpox case and two others; the candidate: better (no false flag) or worse (misses one)
    pairs = [(c, "flag", "flag") for c in mpox[1:]]
    pairs += [(mpox[0], "flag", "flag" if better else "clear")]
    pairs += [(c, "flag", "clear" if better else "flag") for c in other[:2]]
    pairs += [(None, "clear", "clear")] * 3  # CLEARs: no case, no label
    _shadow_rows(db, sha, pairs)
    install = tmp_path / "installed"
    argv = ["rollout", "--store", _url(db), "--candidate", str(candidate), "--install", str(install)]
    code = _run([*argv, *_store_args(db, tmp_path)], monkeypatch)
    out = capsys.readouterr()
    assert (
        f"{len(pairs)} frames" in out.out
        and f"confirmed cases: {len(mpox) + 2} ({len(mpox)} mpox)" in out.out
    )
    if better:
        assert code == 0 and "roll-out allowed" in out.out
        assert (install / "manifest.json").is_file() and load_bundle(install).sha256 == sha
    else:
        assert code == 1 and "roll-out refused" in out.err and "mpox recall" in out.err
        assert not install.exists()
    assert any(e.action == ("rollout_allowed" if better else "rollout_refused") for e in audit.recent(db, 5))


def test_rollout_without_confirmed_cases_or_verdicts_is_refused(
    field_store, tmp_path, monkeypatch, make_tiny_bundle, capsys
):
    db, _ids = field_store
    candidate = make_tiny_bundle(probs=one_hot_probs("mpox", 0.9), name="candidate", pin=False)
    argv = ["rollout", "--store", _url(db), "--candidate", str(candidate), *_store_args(db, tmp_path)]
    assert _run(argv, monkeypatch) == 2 and "shadow_bundle" in capsys.readouterr().err  # no verdict at all
    from models.bundle import load_bundle

    _shadow_rows(db, load_bundle(candidate).sha256, [(None, "clear", "flag")] * 4)
    assert _run(argv, monkeypatch) == 1
    assert "nothing to judge" in capsys.readouterr().err


def test_the_stations_tab_shows_two_stations_sharing_one_store(qtbot, db, tmp_path, monkeypatch):
    """Two stations' heartbeats in one store (SQLite, and PostgreSQL under .ci/run), as an admin's Stations
    tab shows them."""
    from kiosk.ui.review.stations import StationsWidget
    from tests.store.conftest import wait_until

    for station in ("gate-1", "gate-2"):
        writer = CaseWriter(db, StoreSettings(data_dir=tmp_path, station_id=station))
        writer.start()
        writer.submit_case(replace(make_record(station=station), image_rgb=skin_picture(1)))
        writer.set_station_state(
            software_version="0.1.0", bundle_name="default", bundle_sha256="c" * 64, camera_state="live"
        )
        widget = StationsWidget(db)
        qtbot.addWidget(widget)
        wait_until(lambda w=widget, s=station: (w.refresh(), s in [v.station_id for v in w.views])[1])
        writer.stop()
    widget.refresh()
    table = widget.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows == {"gate-1": "up · camera live", "gate-2": "up · camera live"}
    assert "2 of 2 stations up; 0 to look at" in widget.summary.text()
    assert [table.item(r, 3).text() for r in range(2)] == ["100.0% (1 of 1)"] * 2  # one FLAG each today
    # every column on a 1280-pixel screen, none scrolled away, in French (the longest titles and states)
    from datetime import UTC, datetime

    import kiosk.ui.review.stations as stations_tab
    from kiosk.store.fleet import Rate, StationView
    from kiosk.store.fleet import fleet as fleet_of
    from kiosk.ui import i18n

    worst = StationView(  # the longest cells a fleet gives: down, camera lost, every reason to look
        station_id="gate-12",
        software_version="0.1.0",
        bundle_name="effnet-lite0-v3",
        bundle_sha256="ab" * 32,
        camera_state="lost",
        last_seen_utc=datetime.now(UTC),
        recent=Rate(1, 2),
        past=Rate(0, 36),
        fleet_median=0.0,
        flags_raised=("own_past", "fleet", "bundle"),
    )
    i18n.install("fr")
    try:
        french = StationsWidget(db)
        qtbot.addWidget(french)
        monkeypatch.setattr(stations_tab, "fleet", lambda _db: [*fleet_of(_db), worst])
        french.refresh()
        french.resize(1280, 700)
        french.show()
        qtbot.waitExposed(french)
        assert french.table.horizontalScrollBar().maximum() == 0
    finally:
        i18n.install("en")
