"""ablate-ssl end to end with tiny_cnn: four arms on one split, a table with intervals and paired diffs."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from PIL import Image

from training.ssl.data import SSLDataError
from training.ssl_ablation import AblationConfig, run_ablation


@pytest.fixture
def tiny_manifest(tmp_path):
    rng = np.random.default_rng(0)
    rows = []
    colours = {"mpox": (200, 60, 60), "eczema": (60, 200, 60), "normal": (60, 60, 200)}
    for label, colour in colours.items():
        for i in range(14):
            img = np.clip(np.array(colour) + rng.integers(-40, 40, (40, 40, 3)), 0, 255).astype(np.uint8)
            Image.fromarray(img).save(tmp_path / f"{label}_{i}.png")
            rows.append((f"{label}_{i}.png", label, "gen", f"{label}{i}"))
    for i in range(16):
        Image.fromarray(rng.integers(0, 256, (40, 40, 3)).astype(np.uint8)).save(tmp_path / f"u{i}.png")
        rows.append((f"u{i}.png", "unlabelled", "gen", f"u{i}"))
    path = tmp_path / "manifest.csv"
    with open(path, "w", newline="") as f:
        csv.writer(f).writerows([("path", "label", "source", "group"), *rows])
    return path


@pytest.mark.slow
def test_ablation_writes_a_table_for_every_arm(tiny_manifest, tmp_path):
    out = tmp_path / "ablation"
    cfg = AblationConfig(
        manifest=str(tiny_manifest),
        out=str(out),
        arch="tiny_cnn",
        arms=("random", "simclr"),
        input_size=32,
        ssl_epochs=1,
        ssl_batch_size=8,
        ssl_max_images=12,
        fit_epochs=1,
        fit_batch_size=8,
        n_boot=20,
        progress=False,
        extra_fit={"cache_dir": str(tmp_path / "cache")},
    )
    rows = run_ablation(cfg)
    assert [r["arm"] for r in rows] == ["random", "simclr"]
    for r in rows:
        assert 0.0 <= r["accuracy"] <= 1.0 and r["n_test"] > 0
        lo, hi = r["macro_f1_ci95"]
        assert lo <= hi
    simclr = rows[1]
    assert simclr["ssl_steps"] == 1  # 12 images of the unlabelled rows, batch 8
    assert simclr["vs"] == "random" and set(simclr["diff"]) == {"accuracy", "macro_f1", "mpox_recall"}
    provenance = json.loads((out / "simclr" / "bundle" / "manifest.json").read_text())["provenance"]
    assert provenance["init"] == "simclr" and provenance["simclr"]["data"]["images"] == 12
    table = (out / "ablation.md").read_text()
    assert "| random |" in table and "| simclr - random |" in table
    with open(out / "ablation.csv") as f:
        assert [r["arm"] for r in csv.DictReader(f)] == ["random", "simclr"]

    # Same settings: finished stages are reused; other settings: refused, nothing overwritten.
    assert [r["accuracy"] for r in run_ablation(cfg)] == [r["accuracy"] for r in rows]
    cfg.fit_epochs = 2
    with pytest.raises(SSLDataError, match="other settings \\(fit_epochs\\)"):
        run_ablation(cfg)
