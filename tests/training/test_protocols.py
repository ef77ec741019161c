"""training.protocols, ``mpox-train protocols``: grouped MSLD CV, leave-one-source-out, frozen features."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from models.taxonomy import CLASSES
from training.dataset_manifest import ManifestError, Record
from training.protocols import leave_one_source_out, msld_binary, render_markdown


def _records(spec: list[tuple[str, str, int, int]]) -> list[Record]:
    """(source, label, n images, n groups) -> records; groups are named per source and label."""
    out = []
    for source, label, n, groups in spec:
        for i in range(n):
            path = Path(f"/synthetic/{source}/{label}/{i}.jpg")
            out.append(Record(path=path, label=label, source=source, group=f"{source}:{label}:{i % groups}"))
    return out


def _features(records: list[Record], seed: int = 0, noise: float = 0.3) -> np.ndarray:
    """One centroid per class (``others`` sits on chickenpox's), plus noise: separable but not trivially."""
    rng = np.random.default_rng(seed)
    centre = {c: 2.0 * np.eye(len(CLASSES))[i] for i, c in enumerate(CLASSES)}
    centre["others"] = centre["chickenpox"]
    return np.stack([centre[r.label] + rng.normal(0, noise, len(CLASSES)) for r in records])


def test_msld_folds_keep_every_patient_on_one_side():
    # 60 images in 24 patients (several images each), plus another source that must be ignored.
    records = _records([("msld_v1", "mpox", 27, 11), ("msld_v1", "others", 33, 13), ("msid", "normal", 9, 9)])
    x = _features(records, noise=1.5)
    out = msld_binary(x, records, seeds=(0, 1))
    assert (out["n_images"], out["n_mpox"], out["n_others"], out["n_groups"]) == (60, 27, 33, 24)
    for s in out["seeds"]:
        folds = s["folds"]
        assert len(folds) == 3
        # The test folds partition the images; were a patient split, the per-fold group counts would add up
        # to more than the number of patients.
        assert sum(f["n_test"] for f in folds) == 60
        assert sum(f["n_test_groups"] for f in folds) == 24
        accs = [f["accuracy"] for f in folds]
        assert s["accuracy_mean"] == pytest.approx(np.mean(accs))
        assert s["accuracy_sd"] == pytest.approx(np.std(accs, ddof=1))
        assert all(f["C"] in (0.01, 0.1, 1.0) for f in folds)
        assert 0.5 < s["accuracy_mean"] <= 1.0
    assert out["over_seeds"]["accuracy_mean"] == pytest.approx(
        np.mean([s["accuracy_mean"] for s in out["seeds"]])
    )
    assert out["paper"]["accuracy_mean"] == pytest.approx(0.8296)


def test_msld_refuses_foreign_labels_and_a_missing_source():
    records = _records([("msld_v1", "mpox", 6, 3), ("msld_v1", "measles", 6, 3)])
    with pytest.raises(ManifestError, match="mpox and others"):
        msld_binary(_features(records), records, seeds=(0,))
    with pytest.raises(ManifestError, match="no images"):
        msld_binary(_features(records), records, seeds=(0,), source="nowhere")


def _loso_records() -> list[Record]:
    return _records(
        [
            ("msid", "mpox", 12, 12),
            ("msid", "chickenpox", 12, 12),
            ("msid", "normal", 12, 12),
            ("dermnet_nz", "eczema", 12, 12),
            ("dermnet_nz", "bullous", 8, 8),  # no other source has bullous
            ("dermnet_com", "eczema", 12, 12),
            ("monkeypox2022", "chickenpox", 10, 10),
            ("monkeypox2022", "measles", 10, 10),
            ("monkeypox2022", "normal", 10, 10),
            ("msld_v1", "mpox", 10, 5),
            ("msld_v1", "others", 10, 5),  # chickenpox or measles: right when either is predicted
        ]
    )


def test_loso_lists_the_classes_a_source_alone_has():
    records = _loso_records()
    out = leave_one_source_out(_features(records), records)
    by = {r["source"]: r for r in out["sources"]}
    # The known order, present sources only.
    assert list(by) == ["msld_v1", "monkeypox2022", "dermnet_nz", "dermnet_com", "msid"]
    nz = by["dermnet_nz"]
    assert nz["unseen_classes"] == ["bullous"]
    assert nz["n_unreachable"] == 8
    assert "bullous" not in nz["train_classes"] and "msid" in nz["train_sources"]
    assert nz["accuracy"] <= 12 / 20 + 1e-9  # the bullous images cannot be right
    assert nz["macro_f1_classes"] == ["eczema", "bullous"]
    assert sum(nz["predicted"]["bullous"].values()) == 8 and "bullous" not in nz["predicted"]["bullous"]
    assert nz["top_error"]["n"] >= 1
    assert by["monkeypox2022"]["unseen_classes"] == ["measles"]  # msld others is no measles label
    for name in ("msid", "dermnet_com", "msld_v1"):
        assert by[name]["unseen_classes"] == [] and by[name]["n_unreachable"] == 0
        assert by[name]["accuracy"] > 0.9
    msld = by["msld_v1"]
    assert msld["n_images"] == 20 and msld["n_single_label"] == 10
    assert msld["partial_accuracy"] > 0.9  # others on chickenpox's centroid: predicted chickenpox, allowed
    assert msld["mpox_sensitivity"] > 0.9 and msld["mpox_specificity"] > 0.9
    assert by["dermnet_com"]["mpox_sensitivity"] is None  # no mpox there
    assert all(r["C"] in (0.01, 0.1, 1.0) for r in out["sources"])


def test_loso_with_one_training_class_answers_that_class():
    records = _records([("a", "mpox", 10, 10), ("b", "eczema", 10, 10)])
    out = leave_one_source_out(_features(records), records, sources=["a"])
    (a,) = out["sources"]
    assert a["train_classes"] == ["eczema"] and a["unseen_classes"] == ["mpox"]
    assert a["accuracy"] == 0.0 and a["n_unreachable"] == 10


def test_markdown_states_what_the_figures_are():
    records = _loso_records()
    x = _features(records)
    result = {
        "setup": {
            "command": "mpox-train protocols --data d.csv --out o",
            "trunks": ["lite0", "lite2"],
            "input_size": 224,
            "feature_dim": x.shape[1],
            "manifests": ["d.csv"],
            "C_grid": [0.01, 0.1, 1.0],
        },
        "msld_binary": msld_binary(x, records, seeds=(0,)),
        "leave_one_source_out": leave_one_source_out(x, records),
    }
    page = render_markdown(result)
    for text in ("mpox-train protocols --data d.csv", "No fine-tuning", "82.96 ± 4.57", "| dermnet_nz |"):
        assert text in page
    assert "| bullous | 8 |" in page


def test_cli_end_to_end(tiny_dataset, tmp_path, monkeypatch):
    from models.efficientnet_lite import FusedLite, lite_imagenet_checkpoint
    from training.cli import main
    from training.dataset_manifest import write_dataset_manifest

    from .conftest import COLOURS, write_image

    if lite_imagenet_checkpoint("lite0") is None:
        pytest.skip("no offline ImageNet weights for EfficientNet-Lite0")
    extra = []
    for label, colour in (("eczema", (150, 90, 40)), ("mpox", COLOURS["mpox"])):
        for i in range(8):
            path = write_image(tmp_path / "extra" / label / f"{i}.jpg", colour, 5000 + 10 * i + len(extra))
            extra.append(Record(path=path, label=label, source="dermnet_com", group=f"extra:{label}:{i}"))
    more = write_dataset_manifest(extra, tmp_path / "extra" / "manifest.csv")
    out, results = tmp_path / "run", tmp_path / "results"
    argv = ["protocols", "--data", str(tiny_dataset), "--more-data", str(more), "--out", str(out)]
    argv += ["--results", str(results), "--trunks", "lite0,lite0", "--input-size", "32", "--seeds", "0,1"]
    argv += ["--cache-dir", str(tmp_path / "cache"), "--quiet"]
    assert main(argv) == 0
    result = json.loads((results / "protocols.json").read_text())
    assert (out / "protocols.json").read_text() == (results / "protocols.json").read_text()
    assert result["setup"]["feature_dim"] == 2 * 1280 and result["setup"]["n_images"] == 76
    assert [s["seed"] for s in result["msld_binary"]["seeds"]] == [0, 1]
    assert result["msld_binary"]["n_images"] == 20
    sources = {r["source"]: r for r in result["leave_one_source_out"]["sources"]}
    assert set(sources) == {"msld_v1", "msid", "dermnet_com"}
    assert sources["msid"]["unseen_classes"] == ["chickenpox", "measles", "normal"]
    assert sources["dermnet_com"]["unseen_classes"] == ["eczema"]
    page = (results / "protocols.md").read_text()
    assert "--trunks lite0,lite0 --input-size 32 --seeds 0,1" in page and "No fine-tuning" in page
    assert len(list(out.glob("features-lite0_lite0-32-*.npy"))) == 1

    # A rerun reads the saved features: no network is built.
    def refuse(self):
        raise AssertionError("features should come from the run folder")

    monkeypatch.setattr(FusedLite, "load_imagenet", refuse)
    assert main(argv) == 0
    assert json.loads((results / "protocols.json").read_text()) == result


def test_cli_refuses_unknown_trunks(tiny_dataset, tmp_path, capsys):
    from training.cli import main

    argv = ["protocols", "--data", str(tiny_dataset), "--out", str(tmp_path / "o"), "--trunks", "lite2,lite0"]
    assert main(argv) == 2
    assert "cannot fuse" in capsys.readouterr().err
