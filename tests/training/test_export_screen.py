from __future__ import annotations

import csv

import pytest

from training.cli import main


@pytest.mark.slow
def test_screen_models_writes_figure_3_and_a_ranking(tiny_dataset, tmp_path, capsys):
    out = tmp_path / "screen"
    assert (
        main(
            [
                "screen-models",
                "--arch",
                "tiny_cnn,resnet18",
                "--data",
                str(tiny_dataset),
                "--epochs",
                "2",
                "--input-size",
                "32",
                "--batch-size",
                "8",
                "--workers",
                "0",
                "--no-progress",
                "--out",
                str(out),
                "--cache-dir",
                str(tmp_path / "cache"),
            ]
        )
        == 0
    )
    for png in ("figure3a_test_accuracy.png", "figure3b_train_loss.png"):
        assert (out / png).stat().st_size > 1000
    rows = list(csv.DictReader(open(out / "ranking.csv")))
    assert sorted(r["arch"] for r in rows) == ["resnet18", "tiny_cnn"] and [r["rank"] for r in rows] == [
        "1",
        "2",
    ]
    for arch in ("tiny_cnn", "resnet18"):
        history = list(csv.DictReader(open(out / arch / "history.csv")))
        assert len(history) == 2 and all(h["test_accuracy"] != "" for h in history)
    # identical conditions: one split file for both
    assert not (out / "tiny_cnn" / "split.json").exists() and (out / "split.json").is_file()
    assert "1. " in capsys.readouterr().out


def test_screen_models_rejects_unknown_architectures(tiny_dataset, tmp_path, capsys):
    assert (
        main(
            [
                "screen-models",
                "--arch",
                "tiny_cnn,alexnet",
                "--data",
                str(tiny_dataset),
                "--out",
                str(tmp_path),
            ]
        )
        == 2
    )
    assert "alexnet" in capsys.readouterr().err
