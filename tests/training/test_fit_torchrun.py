"""``mpox-train fit`` under torchrun: two CPU processes (Gloo), tiny_cnn on the tiny generated dataset."""

from __future__ import annotations

import csv
import json
import math
import os
import signal
import subprocess
import sys

import pytest

from models.bundle import load_bundle

# Two torchrun processes: deselected by a plain `pytest`; .ci/run runs it.
pytestmark = pytest.mark.slow


def test_fit_under_torchrun_two_cpu_processes(tiny_dataset, tmp_path):
    """Both ranks train (DistributedDataParallel), rank 0 alone evaluates, reports and writes one bundle;
    early stopping (decided on rank 0) stops both ranks, so the run ends instead of hanging."""
    out = tmp_path / "ddp"
    cmd = [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--standalone",  # a free port: no clash with another run on this machine
        "--nproc_per_node",
        "2",
        "-m",
        "training.cli",
        "fit",
        "--arch",
        "tiny_cnn",
        "--data",
        str(tiny_dataset),
        "--out",
        str(out),
        "--epochs",
        "5",
        "--patience",
        "1",
        "--batch-size",
        "8",
        "--input-size",
        "32",
        "--lr",
        "0.05",
        "--device",
        "cpu",
        "--cache-dir",
        str(tmp_path / "cache"),
        "--no-progress",
    ]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    # Its own process group, so that a hang (the ranks disagreeing on when to stop) kills every rank.
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True
    )
    try:
        stdout, stderr = proc.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("mpox-train fit under torchrun did not finish in 180 s (ranks out of step?)")
    assert proc.returncode == 0, stdout[-2000:] + stderr[-3000:]
    # only rank 0 reports, and it names the one bundle
    assert stdout.count("bundle: ") == 1, stdout
    assert stdout.count("best epoch") == 1, stdout
    bundles = [p.parent for p in out.rglob("manifest.json")]
    assert bundles == [out / "bundle"], bundles
    bundle = load_bundle(out / "bundle")
    assert bundle.manifest["provenance"]["n_train"] > 0

    result = json.loads((out / "fit_result.json").read_text())
    assert 1 <= result["best_epoch"] <= 5
    assert 0.0 < result["temperature"] < 100.0
    for split in ("val", "test"):
        m = result[split]
        assert 0.0 <= m["accuracy"] <= 1.0 and 0.0 <= m["macro_f1"] <= 1.0, (split, m)
        assert m["n_images"] > 0
    with open(out / "history.csv", newline="") as f:
        history = list(csv.DictReader(f))
    # the colour-coded images reach validation macro-F1 1.0 within a few epochs, which cannot improve:
    # early stopping (patience 1) ends the run before its 5 epochs, on both ranks
    assert 1 <= len(history) < 5, history
    assert all(math.isfinite(float(h["train_loss"])) and float(h["train_loss"]) > 0 for h in history)
    assert all(0.0 <= float(h["val_macro_f1"]) <= 1.0 for h in history)
