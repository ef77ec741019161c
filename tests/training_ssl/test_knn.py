"""The kNN monitor: leave-one-group-out cosine kNN on a labelled manifest, logged during pre-training."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
import torch
from PIL import Image

from models.registry import build_backbone
from training.ssl.knn import KNNMonitor
from training.ssl.trainer import PretrainConfig, pretrain


def _write_manifest(folder, groups_by_label) -> str:
    """Reddish images labelled 'eczema', bluish ones 'bullous'; plus unlabelled greys for pre-training."""
    rng = np.random.default_rng(1)
    rows = []
    for label, colour in (("eczema", (200, 40, 40)), ("bullous", (40, 40, 200))):
        for i in range(10):
            img = np.clip(np.array(colour) + rng.integers(-30, 30, (40, 40, 3)), 0, 255).astype(np.uint8)
            name = f"{label}_{i}.png"
            Image.fromarray(img).save(folder / name)
            rows.append((name, label, "test", groups_by_label(label, i)))
    for i in range(16):
        img = rng.integers(0, 256, (40, 40, 3)).astype(np.uint8)
        Image.fromarray(img).save(folder / f"u_{i}.png")
        rows.append((f"u_{i}.png", "unlabelled", "test", f"u{i}"))
    path = folder / "manifest.csv"
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["path", "label", "source", "group"])
        writer.writerows(rows)
    return str(path)


def test_separable_colours_score_high_and_same_group_neighbours_do_not_vote(tmp_path):
    torch.manual_seed(0)
    backbone = build_backbone("tiny_cnn")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    own_groups = KNNMonitor.from_manifest(
        _write_manifest(tmp_path / "a", lambda lab, i: f"{lab}{i}"), "tiny_cnn", 32, k=5
    )
    assert len(own_groups) == 20  # the unlabelled rows are not used
    assert own_groups.evaluate(backbone)["knn_accuracy"] >= 0.9

    # Every eczema image in one group: none may vote for another, so eczema can only be mistaken.
    manifest = _write_manifest(tmp_path / "b", lambda lab, i: "E" if lab == "eczema" else f"b{i}")
    one_group = KNNMonitor.from_manifest(manifest, "tiny_cnn", 32, k=5)
    metrics = one_group.evaluate(backbone)
    assert metrics["knn_accuracy"] == pytest.approx(0.5)
    assert metrics["knn_balanced_accuracy"] == pytest.approx(0.5)


@pytest.mark.slow
def test_pretraining_logs_the_monitor_each_epoch(tmp_path):
    manifest = _write_manifest(tmp_path, lambda lab, i: f"{lab}{i}")
    cfg = PretrainConfig(
        arch="tiny_cnn",
        data=manifest,
        out=str(tmp_path / "run"),
        epochs=2,
        batch_size=8,
        input_size=32,
        knn_manifest=manifest,
        knn_k=5,
        progress=False,
    )
    result = pretrain(cfg)
    assert [e["epoch"] for e in result.epochs] == [0, 1, 2]  # 0: the backbone before SimCLR
    assert all(0.0 <= e["knn_accuracy"] <= 1.0 for e in result.epochs)
    with open(tmp_path / "run" / "epochs.csv") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 3 and rows[0]["loss"] == "" and rows[2]["knn_accuracy"] != ""
    meta = json.loads((tmp_path / "run" / "backbone.json").read_text())
    assert meta["knn_before"]["knn_accuracy"] == result.epochs[0]["knn_accuracy"]
    assert result.steps == 4  # 16 unlabelled rows only, batch 8
