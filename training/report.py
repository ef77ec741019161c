"""The evaluation report: metrics.json, report.md and PNG figures (matplotlib, Agg backend)."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .evaluation import EvalData  # noqa: E402
from .metrics import coverage_curve  # noqa: E402


def plot_confusion(cm: np.ndarray, classes, path: Path) -> Path:
    fig, ax = plt.subplots(figsize=(6.5, 5.5))
    ax.imshow(cm, cmap="Blues")
    ax.set_xticks(range(len(classes)), classes, rotation=45, ha="right")
    ax.set_yticks(range(len(classes)), classes)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    top = cm.max() if cm.size else 0
    for i in range(cm.shape[0]):
        for j in range(cm.shape[1]):
            ax.text(
                j,
                i,
                str(cm[i, j]),
                ha="center",
                va="center",
                color="white" if cm[i, j] > top / 2 else "black",
            )
    ax.set_title("Confusion matrix (single-label images)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot_coverage(data: EvalData, path: Path) -> Path:
    full = data.y >= 0
    probs = data.probs[full]
    cov, acc = coverage_curve(probs, probs.argmax(1) == data.y[full])
    fig, ax = plt.subplots(figsize=(5, 4))
    ax.plot(cov, acc)
    ax.set_xlabel("coverage (most confident share of images)")
    ax.set_ylabel("accuracy")
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.set_title("Coverage vs accuracy")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot_reliability(rel: dict, temperature: float, path: Path) -> Path:
    fig, axes = plt.subplots(1, 2, figsize=(9, 4), sharey=True)
    for ax, key, title in (
        (axes[0], "before", "before (T = 1)"),
        (axes[1], "after", f"after (T = {temperature:.2f})"),
    ):
        r = rel[key]
        edges = np.array(r["edges"])
        centres = (edges[:-1] + edges[1:]) / 2
        width = edges[1] - edges[0]
        ax.bar(centres, r["accuracy"], width=width * 0.9, alpha=0.7, label="accuracy")
        ax.plot([0, 1], [0, 1], "k--", lw=1, label="perfect calibration")
        ax.set_title(f"{title}: ECE {r['ece']:.3f}")
        ax.set_xlabel("confidence (top probability)")
        ax.legend(loc="upper left")
    axes[0].set_ylabel("accuracy")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _num(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def _ci(m: dict, key: str) -> str:
    ci = m.get("ci95", {}).get(key)
    return f" (95% CI {ci[0]:.3f}-{ci[1]:.3f})" if ci else ""


def corner_check_lines(check: dict, level: str = "##") -> list[str]:
    """Markdown table of ``evaluation.corner_mask_check`` (shared by the report and the model card)."""
    lines = [
        "",
        f"{level} Corners masked (watermarks): {check['corner_fraction']:.0%} of each side, four corners",
        "",
        "| source | n | accuracy | accuracy, corners masked | predictions changed |",
        "|---|---|---|---|---|",
    ]
    for name, v in [("all", check), *check["per_source"].items()]:
        figures = " | ".join(_num(v[k]) for k in ("accuracy", "accuracy_masked", "changed"))
        lines.append(f"| {name} | {v['n']} | {figures} |")
    return lines


def write_report(
    out_dir: str | Path, metrics: dict, data: EvalData, title: str = "Evaluation report"
) -> Path:
    """Write metrics.json, the figures and report.md into ``out_dir``; returns report.md's path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
    plot_confusion(np.array(metrics["confusion_matrix"]), metrics["classes"], out / "confusion_matrix.png")
    plot_coverage(data, out / "coverage_accuracy.png")
    plot_reliability(metrics["reliability"], metrics["temperature"], out / "reliability.png")
    m = metrics
    lines = [f"# {title}", ""]
    lines += [f"- images: {m['n_images']} ({m['n_single_label']} with a single true class)"]
    lines += [f"- accuracy: {m['accuracy']:.3f}{_ci(m, 'accuracy')}"]
    lines += [f"- macro-F1: {m['macro_f1']:.3f}{_ci(m, 'macro_f1')} (over the classes present)"]
    if "mpox_vs_rest" in m:
        b = m["mpox_vs_rest"]
        lines += [
            f"- mpox vs rest (top class): recall {b['recall']:.3f}{_ci(m, 'mpox_recall')}, specificity "
            f"{b['specificity']:.3f}{_ci(m, 'mpox_specificity')}, "
            f"precision {b['precision']:.3f}, F1 {b['f1']:.3f}"
        ]
    if op := m.get("mpox_operating_point"):
        ci = {k: f" (95% CI {op[k][0]:.3f}-{op[k][1]:.3f})" if op.get(k) else ""
              for k in ("recall_ci95", "specificity_ci95")}
        lines += [
            f"- mpox flag at p >= {op['threshold']} (the bundle's threshold, as the station decides): "
            f"recall {op['recall']:.3f}{ci['recall_ci95']} of {op['n_positive']}, specificity "
            f"{op['specificity']:.3f}{ci['specificity_ci95']} of {op['n_negative']}"
        ]
    lines += [
        f"- ECE: {m['ece_before_temperature']:.3f} before, {m['ece']:.3f} after "
        f"temperature {m['temperature']:.3f}"
    ]
    if "partial" in m:
        lines += [
            f"- partial labels (MSLD `others` = chickenpox or measles): {m['partial']['n']} images, "
            "left out of the "
            f"8-class figures; {m['partial']['accuracy']:.3f} were predicted as chickenpox or measles; "
            "they count as not-mpox in mpox vs rest"
        ]
    if "cv" in m:
        lines += ["", f"## Cross-validation ({len(m['folds'])} folds, mean ± sd)", ""]
        lines += [f"- {k}: {v['mean']:.3f} ± {v['std']:.3f}" for k, v in m["cv"].items()]
    n_boot = m.get("n_bootstrap", 0)
    lines += ["", f"Intervals: 95% percentile bootstrap over images ({n_boot} resamples).", ""]
    lines += [
        "## Per class",
        "",
        "| class | precision | recall | specificity | F1 | support |",
        "|---|---|---|---|---|---|",
    ]
    for c, v in m["per_class"].items():
        lines.append(
            f"| {c} | {v['precision']:.3f} | {v['recall']:.3f} | {v['specificity']:.3f} | {v['f1']:.3f} "
            f"| {v['support']} |"
        )
    lines += ["", "![confusion matrix](confusion_matrix.png)", ""]
    t = m["threshold_analysis"]
    lines += [
        "## Threshold analysis (the paper's)",
        "",
        f"- top probability >= 0.6: {t['share_top_ge_0.6']:.1%} of images, "
        f"accuracy {t['accuracy_top_ge_0.6']:.3f}",
        f"- top probability < 0.5: {t['share_top_lt_0.5']:.1%} of images, "
        f"error rate {t['error_top_lt_0.5']:.3f}",
        "",
        "![coverage vs accuracy](coverage_accuracy.png)",
        "",
        "## Calibration",
        "",
        "![reliability diagram](reliability.png)",
        "",
        "## Per source",
        "",
        "| source | n | accuracy | macro-F1 | mpox recall | mpox specificity |",
        "|---|---|---|---|---|---|",
    ]
    for s, v in m["per_source"].items():
        lines.append(
            f"| {s} | {v['n']} | {v['accuracy']:.3f} | {v['macro_f1']:.3f} | {_num(v['mpox_recall'])} | "
            f"{_num(v['mpox_specificity'])} |"
        )
    if corners := m.get("corner_mask_check"):
        lines += corner_check_lines(corners)
    if open_set := m.get("open_set"):
        from .open_set_eval import report_lines

        lines += report_lines(open_set)
    for column in ("grade", "stage"):
        if f"{column}_recall" in m:
            lines += ["", f"## Recall per {column}", "", f"| {column} | n | recall |", "|---|---|---|"]
            lines += [f"| {k} | {v['n']} | {v['recall']:.3f} |" for k, v in m[f"{column}_recall"].items()]
    path = out / "report.md"
    path.write_text("\n".join(lines) + "\n")
    return path
