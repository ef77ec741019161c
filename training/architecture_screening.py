"""Model screening (the paper's Figure 3): several architectures trained under identical conditions.

``screen_models(base_config, archs)`` trains each architecture with the same split, seed, epochs and
options (test accuracy evaluated every epoch), then writes figure3a_test_accuracy.png,
figure3b_train_loss.png and ranking.csv/ranking.md (by best validation macro-F1).
"""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from .fit import FitConfig, FitResult, fit  # noqa: E402

RANK_FIELDS = (
    "rank",
    "arch",
    "best_epoch",
    "val_macro_f1",
    "test_accuracy",
    "test_macro_f1",
    "test_mpox_recall",
    "images_per_s",
)


def screen_models(base: FitConfig, archs: list[str], out_dir: str | Path) -> list[dict]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, FitResult] = {}
    for arch in archs:
        cfg = replace(base, arch=arch, out_dir=out / arch, eval_test_each_epoch=True, bundle_name=arch)
        results[arch] = fit(cfg)
    rows = []
    for arch, r in results.items():
        t = r.test_metrics
        speeds = [h["images_per_s"] for h in r.history]
        rows.append(
            {
                "arch": arch,
                "best_epoch": r.best_epoch,
                "val_macro_f1": round(r.best_val_macro_f1, 4),
                "test_accuracy": round(t.get("accuracy", 0.0), 4),
                "test_macro_f1": round(t.get("macro_f1", 0.0), 4),
                "test_mpox_recall": round(t.get("mpox_vs_rest", {}).get("recall", 0.0), 4),
                "images_per_s": round(sum(speeds) / max(1, len(speeds)), 1),
            }
        )
    rows.sort(key=lambda r: (-r["val_macro_f1"], -r["test_accuracy"]))
    for i, row in enumerate(rows, 1):
        row["rank"] = i
    _plot(results, "test_accuracy", "test accuracy", out / "figure3a_test_accuracy.png")
    _plot(results, "train_loss", "training loss", out / "figure3b_train_loss.png")
    with open(out / "ranking.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=RANK_FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    md = ["| " + " | ".join(RANK_FIELDS) + " |", "|" + "---|" * len(RANK_FIELDS)]
    md += ["| " + " | ".join(str(r[k]) for k in RANK_FIELDS) + " |" for r in rows]
    (out / "ranking.md").write_text("Ranked by best validation macro-F1.\n\n" + "\n".join(md) + "\n")
    return rows


def _plot(results: dict[str, FitResult], key: str, label: str, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(6, 4))
    for arch, r in results.items():
        epochs = [h["epoch"] for h in r.history if h[key] != ""]
        ax.plot(epochs, [h[key] for h in r.history if h[key] != ""], marker="o", label=arch)
    ax.set_xlabel("epoch")
    ax.set_ylabel(label)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
