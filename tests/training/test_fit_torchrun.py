"""``mpox-train fit`` under torchrun: two CPU processes (Gloo), tiny_cnn on the tiny generated dataset."""

from __future__ import annotations

import csv
import json
import math
import os
import subprocess
import sys

from models.bundle import load_bundle


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
        "3",
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
        "--quiet",
    ]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    # only rank 0 reports, and it names the one bundle
    assert done.stdout.count("bundle: ") == 1, done.stdout
    assert done.stdout.count("best epoch") == 1, done.stdout
    bundles = [p.parent for p in out.rglob("manifest.json")]
    assert bundles == [out / "bundle"], bundles
    bundle = load_bundle(out / "bundle")
    assert bundle.manifest["provenance"]["n_train"] > 0

    result = json.loads((out / "fit_result.json").read_text())
    assert 1 <= result["best_epoch"] <= 3
    assert 0.0 < result["temperature"] < 100.0
    for split in ("val", "test"):
        m = result[split]
        assert 0.0 <= m["accuracy"] <= 1.0 and 0.0 <= m["macro_f1"] <= 1.0, (split, m)
        assert m["n_images"] > 0
    with open(out / "history.csv", newline="") as f:
        history = list(csv.DictReader(f))
    assert 1 <= len(history) <= 3
    assert all(math.isfinite(float(h["train_loss"])) and float(h["train_loss"]) > 0 for h in history)
    assert all(0.0 <= float(h["val_macro_f1"]) <= 1.0 for h in history)
