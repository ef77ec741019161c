"""``mpox-train evaluate`` on small or overlapping data: Wilson intervals and "small n", the overlap with the
bundle's own training split, --split without --split-file, calibration that got worse, progress, warnings."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pytest

from models.bundle import sha256_file
from tests.conftest import one_hot_probs
from training import evaluation
from training import splits as splitlib
from training.cli import main
from training.dataset_manifest import labelled, read_dataset_manifest
from training.metrics import wilson_interval


def _split(manifest: Path, path: Path) -> dict:
    """A saved split of ``manifest`` (seed 0, default fractions) and its assignments (absolute paths)."""
    split = splitlib.make_split(labelled(read_dataset_manifest(manifest)), seed=0)
    splitlib.save_split(split, path, manifest)
    return splitlib.load_split(path, manifest)["assignments"]


def _bundle(make_tiny_bundle, manifest: Path, split_path: Path, **kw) -> Path:
    """A tiny bundle whose provenance records ``manifest`` and ``split_path`` as fit does."""
    provenance = {
        "manifest": str(manifest.resolve()),
        "manifest_sha256": sha256_file(manifest),
        "split_file": str(split_path.resolve()),
        "split_sha256": sha256_file(split_path),
        "fold": None,
        "seed": 0,
        "n_test": None,
    }
    return make_tiny_bundle(provenance=provenance, input_size=32, **kw)


def _evaluate(bundle: Path, manifest: Path, out: Path, *extra: str) -> int:
    return main(
        [
            "evaluate",
            "--bundle",
            str(bundle),
            "--data",
            str(manifest),
            "--out",
            str(out),
            "--bootstrap",
            "20",
            "--cache-dir",
            str(out.parent / "cache"),
            *extra,
        ]
    )


def test_proportions_get_wilson_intervals_and_small_n_is_said(
    tiny_dataset, tmp_path, make_tiny_bundle, capsys
):
    split = tmp_path / "split.json"
    assignments = _split(tiny_dataset, split)
    bundle = _bundle(make_tiny_bundle, tiny_dataset, split, probs=one_hot_probs("mpox", 0.9))
    report = tmp_path / "report"
    assert _evaluate(bundle, tiny_dataset, report, "--split-file", str(split), "--quiet") == 0
    out = capsys.readouterr().out
    m = json.loads((report / "metrics.json").read_text())
    b = m["mpox_vs_rest"]
    # The model says mpox for every image: recall n/n, where a bootstrap interval is 1.000-1.000.
    assert b["recall"] == 1.0 and b["tp"] + b["fn"] < 30
    assert m["ci95"]["mpox_recall"] == wilson_interval(b["tp"], b["tp"] + b["fn"])
    assert m["ci95"]["mpox_recall"][0] < 0.9 and m["ci95_method"]["mpox_recall"] == "wilson"
    assert m["ci95_method"]["macro_f1"] == "bootstrap"
    op = m["mpox_operating_point"]
    assert op["recall_ci95"] == wilson_interval(op["n_positive"], op["n_positive"])
    n_test = sum(a == "test" for a in assignments.values())
    assert m["n_images"] == n_test < 30
    assert "small n" in out and f"n = {b['tp'] + b['fn']}, small n" in out
    text = (report / "report.md").read_text()
    assert "Wilson" in text and "small n" in text
    for source in m["per_source"].values():
        assert "accuracy_ci95" in source and "n_single_label" in source
    # A held-out split: no overlap with training, so no warning.
    assert m["training_overlap"]["checked"] and m["training_overlap"]["n_overlap"] == 0
    assert "WARNING: " not in out.replace("WARNING: calibration", "")


def test_evaluating_the_training_images_warns_with_the_count(
    tiny_dataset, tmp_path, make_tiny_bundle, capsys
):
    assignments = _split(tiny_dataset, tmp_path / "split.json")
    bundle = _bundle(make_tiny_bundle, tiny_dataset, tmp_path / "split.json")
    seen = sum(a in ("train", "val") for a in assignments.values())
    # Every labelled image (no --split-file): the bundle trained or validated on most of them.
    assert _evaluate(bundle, tiny_dataset, tmp_path / "all", "--quiet") == 0
    captured = capsys.readouterr()
    assert "every labelled image" in captured.err
    overlap = json.loads((tmp_path / "all" / "metrics.json").read_text())["training_overlap"]
    assert overlap["checked"] and overlap["n_overlap"] == seen and overlap["n_evaluated"] == len(assignments)
    assert f"WARNING: {seen} of the {len(assignments)} evaluated images" in captured.out
    assert "not held-out" in (tmp_path / "all" / "report.md").read_text()
    # The validation part of the bundle's own split: all of it overlaps.
    assert (
        _evaluate(
            bundle,
            tiny_dataset,
            tmp_path / "val",
            "--quiet",
            "--split-file",
            str(tmp_path / "split.json"),
            "--split",
            "val",
        )
        == 0
    )
    overlap = json.loads((tmp_path / "val" / "metrics.json").read_text())["training_overlap"]
    assert overlap["n_overlap"] == overlap["val"] == overlap["n_evaluated"] > 0


def test_overlap_is_found_from_a_remade_split_or_said_to_be_unchecked(
    tiny_dataset, tmp_path, make_tiny_bundle
):
    assignments = _split(tiny_dataset, tmp_path / "split.json")
    bundle = evaluation.load_bundle(_bundle(make_tiny_bundle, tiny_dataset, tmp_path / "split.json"))
    records = labelled(read_dataset_manifest(tiny_dataset))
    seen = sum(a in ("train", "val") for a in assignments.values())
    (tmp_path / "split.json").unlink()  # gone: remade from the recorded manifest and seed, checked by SHA-256
    overlap = evaluation.training_overlap(bundle, records, tiny_dataset)
    assert overlap["checked"] and overlap["n_overlap"] == seen and "remade" in overlap["split"]
    prov = bundle.manifest["provenance"]
    prov["split_sha256"] = "0" * 64  # a split that cannot be reproduced: not checked, and says why
    overlap = evaluation.training_overlap(bundle, records, tiny_dataset)
    assert not overlap["checked"] and "not readable" in overlap["reason"]
    # ... unless the whole training manifest (same SHA-256) was evaluated: then all but its test images.
    n_test = sum(a == "test" for a in assignments.values())
    prov |= {"n_test": n_test, "n_val": sum(a == "val" for a in assignments.values())}
    overlap = evaluation.training_overlap(bundle, records, tiny_dataset)
    assert overlap["checked"] and overlap["n_overlap"] == seen == len(records) - n_test
    assert "n_test" in overlap["split"]
    other = tmp_path / "other.json"  # a split of its own: the count above does not apply
    overlap = evaluation.training_overlap(bundle, records[:5], tiny_dataset, split_file=other)
    assert not overlap["checked"]
    prov["n_test"] = None
    (tmp_path / "garbage.json").write_text("{not json")
    prov["split_file"] = str(tmp_path / "garbage.json")
    del prov["split_sha256"]  # an older bundle: no hash to check the file against
    overlap = evaluation.training_overlap(bundle, records, tiny_dataset)
    assert not overlap["checked"] and "could not be read" in overlap["reason"]  # a note, never a failure


def test_split_without_split_file_is_refused(tiny_dataset, tmp_path, make_tiny_bundle, capsys):
    _split(tiny_dataset, tmp_path / "split.json")
    bundle = _bundle(make_tiny_bundle, tiny_dataset, tmp_path / "split.json")
    assert _evaluate(bundle, tiny_dataset, tmp_path / "r", "--split", "test") == 2
    err = capsys.readouterr().err
    assert "--split test needs --split-file" in err and str((tmp_path / "split.json").resolve()) in err
    assert not (tmp_path / "r").exists()


def test_calibration_made_worse_by_the_temperature_is_said(tiny_dataset, tmp_path, make_tiny_bundle, capsys):
    _split(tiny_dataset, tmp_path / "split.json")
    # p(mpox) = 0.9 for every image, right on 20 of 50: a temperature of 0.05 pushes it to ~1.0, worse.
    bundle = _bundle(
        make_tiny_bundle,
        tiny_dataset,
        tmp_path / "split.json",
        probs=one_hot_probs("mpox", 0.9),
        temperature=0.05,
    )
    assert _evaluate(bundle, tiny_dataset, tmp_path / "r", "--quiet") == 0
    out = capsys.readouterr().out
    m = json.loads((tmp_path / "r" / "metrics.json").read_text())
    assert m["ece"] > m["ece_before_temperature"]
    assert f"WARNING: calibration: ECE {m['ece_before_temperature']:.3f} before, {m['ece']:.3f} after" in out
    assert "worse after temperature scaling" in (tmp_path / "r" / "report.md").read_text()


def test_progress_is_shown_and_library_warnings_are_summarised(
    tiny_dataset, tmp_path, make_tiny_bundle, capsys, monkeypatch
):
    from sklearn.exceptions import UndefinedMetricWarning

    _split(tiny_dataset, tmp_path / "split.json")
    bundle = _bundle(make_tiny_bundle, tiny_dataset, tmp_path / "split.json")
    original = evaluation.corner_mask_check

    def noisy(*args, **kwargs):
        for _ in range(3):
            warnings.warn("Only one class is present in y_true.", UndefinedMetricWarning, stacklevel=1)
        return original(*args, **kwargs)

    monkeypatch.setattr(evaluation, "corner_mask_check", noisy)
    with warnings.catch_warnings(record=True) as leaked:
        warnings.simplefilter("always")
        split_file = str(tmp_path / "split.json")
        assert _evaluate(bundle, tiny_dataset, tmp_path / "r", "--split-file", split_file) == 0
    captured = capsys.readouterr()
    assert not [w for w in leaked if issubclass(w.category, UndefinedMetricWarning)]
    assert "predicting" in captured.err and "bootstrap" in captured.err  # progress bars while it runs
    assert "3 x UndefinedMetricWarning" in captured.out
    m = json.loads((tmp_path / "r" / "metrics.json").read_text())
    assert m["warnings"] == [
        {"category": "UndefinedMetricWarning", "message": "Only one class is present in y_true.", "count": 3}
    ]
    assert (
        _evaluate(
            bundle, tiny_dataset, tmp_path / "q", "--quiet", "--split-file", str(tmp_path / "split.json")
        )
        == 0
    )
    assert "predicting" not in capsys.readouterr().err


def test_operating_point_wilson_and_bootstrap_agree_on_the_point():
    p = np.array([0.9, 0.8, 0.2, 0.1, 0.7])
    positive = np.array([True, True, True, False, False])
    boot = evaluation.operating_point(p, positive, 0.5, n_boot=20, seed=0)
    wil = evaluation.operating_point(p, positive, 0.5, n_boot=0, seed=0, intervals="wilson")
    assert boot["recall"] == wil["recall"] == pytest.approx(2 / 3)
    assert wil["recall_ci95"] == wilson_interval(2, 3) and wil["specificity_ci95"] == wilson_interval(1, 2)
    assert "ci95_method" not in boot and wil["ci95_method"] == "wilson"
