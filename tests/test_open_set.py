"""Open-set screening (issue 13): the decision rule's order and reason codes, the bundle's open-set head, the
training command that fits it, the evaluation that measures it and mpox-screen's report of it."""

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from kiosk.screen_cli import main as screen_main
from models.bundle import load_bundle
from models.decision import Decision, OpenSetScores, ReasonCode, Thresholds, decide
from models.errors import BundleError
from models.open_set import OPEN_SET_FILE, OpenSetHead, load_head
from models.predictor import Predictor
from models.quality import NO_SKIN
from models.taxonomy import CLASSES
from tests.conftest import pin_at_stations
from training.bundle_draft import BundleDraft
from training.cli import main as train_main
from training.dataset_manifest import Record, labelled, read_dataset_manifest
from training.open_set import (
    FeatureSet,
    LogitPrior,
    _not_skin_head,
    choose_thresholds,
    fit_head,
    make_open_split,
)

from .conftest import one_hot_probs
from .kiosk.conftest import skin_texture

OPEN_SET_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "open_set"
T = Thresholds(flag=0.3, review=0.6, unknown=0.5, not_skin=0.5)


def _probs(cls: str, p: float) -> np.ndarray:
    return np.array(one_hot_probs(cls, p))


# --- the decision rule -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("probs", "scores", "decision", "code"),
    [
        (_probs("eczema", 0.9), OpenSetScores(0.1, 0.1), Decision.CLEAR, ReasonCode.CONFIDENT),
        (_probs("eczema", 0.5), OpenSetScores(0.1, 0.1), Decision.REVIEW, ReasonCode.LOW_CONFIDENCE),
        (_probs("eczema", 0.9), OpenSetScores(0.8, 0.1), Decision.REVIEW, ReasonCode.UNKNOWN_CONDITION),
        # A suspected mpox is never hidden by the open-set score ...
        (_probs("mpox", 0.9), OpenSetScores(0.99, 0.1), Decision.FLAG, ReasonCode.FLAG_THRESHOLD),
        # ... but a picture that is not skin is retaken before any disease is named, mpox included.
        (_probs("mpox", 0.9), OpenSetScores(0.1, 0.9), Decision.RETAKE, ReasonCode.NOT_SKIN),
        (_probs("eczema", 0.9), None, Decision.CLEAR, ReasonCode.CONFIDENT),  # a bundle without a head
    ],
)
def test_decision_order_and_reason_codes(probs, scores, decision, code):
    v = decide(probs, CLASSES, T, open_set=scores)
    assert (v.decision, v.reason_code) == (decision, code)
    if decision is Decision.RETAKE:
        assert v.top_class is None and v.top(3) == [] and v.explained_class is None
    else:
        assert v.top_class in CLASSES
        # a heatmap explains the class the decision names: none for a condition the model does not know
        assert (v.explained_class is None) == (code is ReasonCode.UNKNOWN_CONDITION)


def test_quality_findings_come_first_and_doubtful_turns_clear_into_review():
    probs = _probs("mpox", 0.9)
    assert decide(probs, CLASSES, T, quality_retake="too dark").reason_code is ReasonCode.POOR_QUALITY
    assert decide(None, CLASSES, T, no_skin="no skin in view").reason_code is ReasonCode.NOT_SKIN
    clear = _probs("eczema", 0.9)
    v = decide(clear, CLASSES, T, quality_doubtful="rather dark")
    assert (v.decision, v.reason_code) == (Decision.REVIEW, ReasonCode.POOR_QUALITY)
    with pytest.raises(ValueError):
        decide(None, CLASSES, T)  # no probabilities and nothing to retake


def test_reason_codes_are_the_fixed_list():
    assert {c.value for c in ReasonCode} == {
        "flag_threshold",
        "low_confidence",
        "unknown_condition",
        "not_skin",
        "poor_quality",
        "confident",
        "model_error",
    }


def test_open_set_thresholds_round_trip_and_are_checked():
    assert Thresholds.from_dict(T.as_dict()) == T
    assert "unknown" not in Thresholds().as_dict()
    with pytest.raises(ValueError):
        Thresholds(unknown=1.5)


# --- the bundle's head -------------------------------------------------------------------------------


def _head(dim: int, unknown_bias: float = 0.0, not_skin_bias: float = 0.0) -> OpenSetHead:
    zero = np.zeros(dim)
    return OpenSetHead(zero, np.ones(dim), zero, unknown_bias, zero, not_skin_bias)


def _with_head(bundle_dir: Path, head: OpenSetHead, unknown: float, not_skin: float) -> Path:
    draft = BundleDraft.of(load_bundle(bundle_dir))
    thresholds = dict(draft.manifest["thresholds"], unknown=unknown, not_skin=not_skin)
    block = {"file": OPEN_SET_FILE, "transform": "none"}
    draft.add({OPEN_SET_FILE: head.to_bytes()}, thresholds=thresholds, open_set=block)
    draft.write(bundle_dir)
    pin_at_stations(bundle_dir)
    return bundle_dir


def _feature_dim(bundle_dir: Path) -> int:
    predictor = Predictor(load_bundle(bundle_dir), backend="eager")
    import torch

    _, feats = predictor.runtime.run(torch.zeros(1, 3, 64, 64), features=True)
    return feats.shape[1]


def test_predictor_scores_every_image_from_the_same_pass(make_tiny_bundle):
    path = make_tiny_bundle(one_hot_probs("eczema", 0.9))
    _with_head(path, _head(_feature_dim(path), unknown_bias=2.0, not_skin_bias=-2.0), 0.5, 0.5)
    predictor = Predictor(load_bundle(path))
    prediction = predictor.predict_one(skin_texture(64))
    assert prediction.open_set.unknown == pytest.approx(1 / (1 + np.exp(-2.0)), abs=1e-6)
    assert prediction.open_set.not_skin == pytest.approx(1 / (1 + np.exp(2.0)), abs=1e-6)
    assert prediction.verdict(load_bundle(path).thresholds).reason_code is ReasonCode.UNKNOWN_CONDITION


def test_a_damaged_head_or_missing_thresholds_refuse_the_bundle(make_tiny_bundle):
    path = make_tiny_bundle()
    _with_head(path, _head(_feature_dim(path)), 0.5, 0.5)
    head_file = path / OPEN_SET_FILE
    data = bytearray(head_file.read_bytes())
    data[-1] ^= 0xFF  # one bit pattern of the weights changed
    head_file.write_bytes(bytes(data))
    with pytest.raises(BundleError):
        load_bundle(path)
    fresh = make_tiny_bundle(name="no-head")
    bundle = load_bundle(fresh)
    bundle.manifest["thresholds"]["unknown"] = 0.5  # a threshold the bundle cannot check
    with pytest.raises(BundleError, match="open-set"):
        load_head(bundle)


# --- training: split, head, thresholds ----------------------------------------------------------------


def _features(rng, n, centre):
    return np.abs(rng.normal(centre, 1.0, (n, 16)))


def test_head_and_thresholds_are_chosen_on_validation_within_the_targets():
    rng = np.random.default_rng(0)

    def part(n):
        labels = ["mpox"] * 10 + ["eczema"] * (n - 10)
        other, not_skin = _features(rng, n // 2, 2.0), _features(rng, n // 2, 5.0)
        return FeatureSet(_features(rng, n, 0.0), labels, other, not_skin)

    train, val = part(200), part(200)
    choice = fit_head(train, val, max_unknown=0.05)
    assert choice.candidates and choice.transform in ("none", "sqrt")
    chosen = choose_thresholds(choice.head, val, max_unknown=0.05, max_not_skin=0.01)
    v = chosen["val"]
    assert v["known_sent_to_unknown"] <= 0.05 and v["known_sent_to_not_skin"] <= 0.01
    assert v["mpox_sent_to_not_skin"] == 0
    assert v["other_condition_caught"] > 0.8 and v["not_skin_caught"] > 0.9  # separable features


def test_a_logit_prior_is_folded_into_the_not_skin_head_exactly_and_chosen_on_validation(
    make_tiny_bundle, tmp_path
):
    """The not-skin head may read a fixed classifier's standardised logits (a fused bundle's ImageNet
    classifier); they are folded into one raw-feature weight, so the shipped head scores exactly what the
    regression fitted, and the bundle round-trips it."""
    from sklearn.linear_model import LogisticRegression

    from training.open_set import NOT_SKIN_C

    rng = np.random.default_rng(3)

    def part(n):
        labels = ["mpox"] * 10 + ["eczema"] * (n - 10)
        return FeatureSet(
            _features(rng, n, 0.0), labels, _features(rng, n // 2, 1.0), _features(rng, n // 2, 1.5)
        )

    train, val = part(200), part(200)
    prior = LogitPrior(rng.normal(size=(5, 16)), rng.normal(size=5), "a random classifier")
    mean, scale = train.known.mean(0), train.known.std(0) + 1e-6

    def z(x):
        return (x - mean) / scale

    w, b, raw = _not_skin_head(train, z, prior, seed=0)
    head = OpenSetHead(mean, scale, np.zeros(16), 0.0, w, b, "none", raw)
    # Reference: the regression on [z, standardised logits], without folding.
    logits = prior.logits(train.known)
    lm, ls = logits.mean(0), logits.std(0) + 1e-6

    def joint(x):
        return np.concatenate([z(x), (prior.logits(x) - lm) / ls], axis=1)

    ref = LogisticRegression(C=NOT_SKIN_C, max_iter=5000, class_weight="balanced", random_state=0).fit(
        np.r_[joint(train.known), joint(train.not_skin)],
        np.r_[np.zeros(len(train.known)), np.ones(len(train.not_skin))],
    )
    expected = 1 / (1 + np.exp(-ref.decision_function(joint(val.not_skin))))
    np.testing.assert_allclose(head.score_arrays(val.not_skin)[1], expected, rtol=1e-6, atol=1e-9)

    choice = fit_head(train, val, prior=prior)
    tried = [c for c in choice.candidates if c["head"] == "not_skin" and c["transform"] == choice.transform]
    assert {c["prior"] for c in tried} == {None, "a random classifier"}
    top = max(c["val_tpr"] for c in tried)
    prior_wins = any(c["prior"] and c["val_tpr"] == top for c in tried)  # a tie goes to the prior
    assert choice.not_skin_prior == ("a random classifier" if prior_wins else None)
    assert (choice.head.not_skin_raw_weight is not None) == prior_wins

    # The head with a raw weight goes into a bundle and comes back scoring the same.
    path = make_tiny_bundle()
    dim = _feature_dim(path)
    shipped = OpenSetHead(
        np.zeros(dim), np.ones(dim), np.zeros(dim), 0.0, np.zeros(dim), -1.0, "none", np.ones(dim)
    )
    _with_head(path, shipped, 0.5, 0.5)
    loaded = load_head(load_bundle(path))
    x = rng.random((4, dim))
    np.testing.assert_allclose(loaded.score_arrays(x)[1], shipped.score_arrays(x)[1], rtol=1e-6)
    assert (
        loaded.score_arrays(x)[1][0]
        != OpenSetHead(np.zeros(dim), np.ones(dim), np.zeros(dim), 0.0, np.zeros(dim), -1.0).score_arrays(x)[
            1
        ][0]
    )


@pytest.mark.skipif(not (OPEN_SET_DIR / "manifest.csv").is_file(), reason="../shared/data/open_set is absent")
def test_open_split_holds_out_whole_topics_and_sources_and_keeps_groups_together():
    records = read_dataset_manifest(OPEN_SET_DIR / "manifest.csv")
    assert labelled(records) == []  # open-set labels are not classes of the eight
    split = make_open_split(records, seed=0)
    assert split == make_open_split(records, seed=0)  # deterministic
    part = split["assignments"]
    topics = {r.detail for r in records if r.label == "other_condition"}
    assert len(split["unseen_topics"]) >= 5 and set(split["unseen_topics"]) <= topics
    for r in records:
        if r.detail in split["unseen_topics"] or r.source in split["unseen_sources"]:
            assert part[str(r.path)] == "test"
    by_group: dict[str, set] = {}
    for r in records:
        by_group.setdefault(r.group, set()).add(part[str(r.path)])
    assert all(len(parts) == 1 for parts in by_group.values())
    assert {"train", "val", "test"} <= set(part.values())


# --- end to end: fit the head, evaluate it, screen with it -------------------------------------------


def _write_manifest(path: Path, rows: list[Record]) -> Path:
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["path", "label", "source", "group", "detail"])
        for r in rows:
            w.writerow([str(r.path), r.label, r.source, r.group, r.detail])
    return path


def _synthetic_data(tmp_path: Path) -> tuple[Path, Path]:
    from PIL import Image

    known, opened = [], []
    for i in range(48):
        label = CLASSES[i % 4]
        p = tmp_path / "known" / f"{label}{i}.png"
        p.parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(skin_texture(72, seed=i)).save(p)
        known.append(Record(p, label, "synthetic", f"k{i}"))
    rng = np.random.default_rng(1)
    for i in range(36):
        label = "other_condition" if i % 2 else "not_skin"
        p = tmp_path / "open" / f"{label}{i}.png"
        p.parent.mkdir(parents=True, exist_ok=True)
        other = label == "other_condition"
        img = skin_texture(72, seed=100 + i) if other else rng.integers(0, 255, (72, 72, 3))
        Image.fromarray(np.asarray(img, dtype=np.uint8)).save(p)
        source, detail = (label, f"topic{i % 6}") if other else (f"ns{i % 6}", "noise")
        opened.append(Record(p, label, source, f"o{i}", detail=detail))
    return _write_manifest(tmp_path / "known.csv", known), _write_manifest(tmp_path / "open.csv", opened)


@pytest.mark.slow
def test_open_set_command_evaluate_and_mpox_screen(make_tiny_bundle, tmp_path, capsys):
    known, opened = _synthetic_data(tmp_path)
    bundle = make_tiny_bundle(seed=2)
    assert train_main(["split", "--data", str(known), "--out", str(tmp_path / "split.json")]) == 0
    assert (
        train_main(
            [
                "open-set",
                "--bundle",
                str(bundle),
                "--data",
                str(known),
                "--split-file",
                str(tmp_path / "split.json"),
                "--open-set",
                str(opened),
                "--max-unknown",
                "0.2",
                "--cache-dir",
                str(tmp_path / "cache"),
            ]
        )
        == 0
    )
    manifest = json.loads((bundle / "manifest.json").read_text())
    assert manifest["open_set"]["file"] == OPEN_SET_FILE and OPEN_SET_FILE in manifest["files"]
    assert {"unknown", "not_skin"} <= set(manifest["thresholds"])
    assert (bundle.parent / "open_split.json").is_file()

    out = tmp_path / "report"
    assert (
        train_main(
            [
                "evaluate",
                "--bundle",
                str(bundle),
                "--data",
                str(known),
                "--split-file",
                str(tmp_path / "split.json"),
                "--split",
                "test",
                "--open-set",
                str(opened),
                "--open-split",
                str(bundle.parent / "open_split.json"),
                "--out",
                str(out),
                "--bootstrap",
                "0",
                "--cache-dir",
                str(tmp_path / "cache"),
            ]
        )
        == 0
    )
    m = json.loads((out / "metrics.json").read_text())["open_set"]
    assert set(m["auroc"]) == {"other_condition", "not_skin"} and set(m["fpr_at_95tpr"]) == set(m["auroc"])
    for label in ("eight_class", "other_condition", "not_skin"):
        shares = m["outcomes"][label]
        total = sum(shares[d] for d in ("flag", "review", "clear", "retake"))
        assert shares["n"] > 0 and total == pytest.approx(1)
    assert "corners_masked" in m and m["per_topic"] and "Open set" in (out / "report.md").read_text()
    assert m["n"]["other_condition"] + m["n"]["not_skin"] < 36  # only the held-out part was used

    pin_at_stations(bundle)  # the bundle was rewritten: a station and mpox-screen need its new pin
    capsys.readouterr()
    screen_main(["--bundle", str(bundle), "--json", str(tmp_path / "open")])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert len(records) == 36
    for r in records:
        assert {"decision", "reason_code", "open_set_score", "top_class", "probabilities", "reason"} <= set(r)
        assert r["reason_code"] in {c.value for c in ReasonCode}
        if r["decision"] == "retake":
            assert r["top_class"] is None and r["probabilities"] is None
        else:
            assert 0.0 <= r["open_set_score"] <= 1.0
        if r["not_skin_score"] is None:  # the model did not run: the quality gate refused the picture
            assert r["reason_code"] in {"poor_quality", "not_skin"} and r["open_set_score"] is None

    # The score a RETAKE `not_skin` rests on is printed and agrees with the bundle's threshold, here moved to
    # the middle of the tiny head's scores so that both sides are seen; below it only the colour gate ("no
    # skin in view") may say not_skin.
    draft = BundleDraft.of(load_bundle(bundle))
    draft.add(thresholds=dict(draft.manifest["thresholds"], not_skin=0.5))
    draft.write(bundle)
    pin_at_stations(bundle)
    screen_main(["--bundle", str(bundle), "--json", str(tmp_path / "open")])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    scored = [r for r in records if r["not_skin_score"] is not None]
    assert {r["not_skin_score"] >= 0.5 for r in scored} == {True, False}
    for r in scored:
        if r["not_skin_score"] >= 0.5:
            assert r["reason_code"] == "not_skin", r
        else:
            assert r["reason_code"] != "not_skin" or NO_SKIN in r["reason"], r
