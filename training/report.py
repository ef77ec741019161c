"""The evaluation report: metrics.json, report.md and PNG figures (matplotlib, Agg backend)."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .evaluation import EvalData  # noqa: E402
from .metrics import SMALL_N, coverage_curve  # noqa: E402


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


def small_n(n: int) -> str:
    """ ", small n" for a figure on fewer than ``SMALL_N`` images (its interval is wide, whatever it says)."""
    return ", small n" if n < SMALL_N else ""


def proportion(value: float | None, ci: list[float] | None, n: int) -> str:
    """A proportion with its 95% interval and denominator: ``1.000 (95% CI 0.758-1.000; n = 12, small n)``."""
    if value is None or not n:
        return "n/a (n = 0)"
    interval = f"95% CI {ci[0]:.3f}-{ci[1]:.3f}; " if ci else ""
    return f"{value:.3f} ({interval}n = {n}{small_n(n)})"


def calibration_text(m: dict) -> str:
    """ECE before and after the bundle's temperature, saying so when the temperature made it worse."""
    before, after = m["ece_before_temperature"], m["ece"]
    text = f"ECE {before:.3f} before, {after:.3f} after temperature {m['temperature']:.3f}"
    return text + (" (worse after temperature scaling on these images)" if after > before else "")


def overlap_text(overlap: dict | None) -> str | None:
    """The warning for evaluated images the bundle trained or validated on (None when there are none)."""
    if not overlap or not overlap.get("n_overlap"):
        return None
    return (
        f"{overlap['n_overlap']} of the {overlap['n_evaluated']} evaluated images were on the bundle's "
        f"training ({overlap['train']}) or validation ({overlap['val']}) side ({overlap['split']}): "
        "these figures are not held-out figures"
    )


def _interval_note(m: dict) -> str:
    n_boot = m.get("n_bootstrap", 0)
    methods = set(m.get("ci95_method", {}).values())
    if "wilson" not in methods:
        return f"Intervals: 95% percentile bootstrap over images ({n_boot} resamples)."
    boot = f"; macro-F1: 95% percentile bootstrap over images ({n_boot} resamples)" if n_boot else ""
    return (
        "Intervals: 95% Wilson score intervals for proportions (accuracy, recall, specificity)"
        f'{boot}. "small n": fewer than {SMALL_N} images; read such figures with their interval.'
    )


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
    wilson = "wilson" in m.get("ci95_method", {}).values()
    lines = [
        *_summary_lines(m, title, wilson),
        *_per_class_lines(m, wilson),
        *_threshold_and_calibration_lines(m),
        *_per_source_lines(m),
        *_extra_section_lines(m),
    ]
    path = out / "report.md"
    path.write_text("\n".join(lines) + "\n")
    return path


def _summary_lines(m: dict, title: str, wilson: bool) -> list[str]:
    """The title, any overlap warning, the headline figures, cross-validation and the warnings caught."""
    lines = [f"# {title}", ""]
    if warning := overlap_text(m.get("training_overlap")):
        lines += [f"**Warning: {warning}.**", ""]
    elif (overlap := m.get("training_overlap")) and not overlap.get("checked"):
        lines += [f"Overlap with the bundle's training images not checked: {overlap['reason']}.", ""]
    lines += _headline_lines(m, wilson)
    if "cv" in m:
        lines += ["", f"## Cross-validation ({len(m['folds'])} folds, mean ± sd)", ""]
        lines += [f"- {k}: {v['mean']:.3f} ± {v['std']:.3f}" for k, v in m["cv"].items()]
    lines += ["", _interval_note(m), ""]
    if caught := m.get("warnings"):
        lines += ["## Warnings during the evaluation", ""]
        lines += [f"- {w['category']} (x{w['count']}): {w['message']}" for w in caught]
        lines += [""]
    return lines


def _headline_lines(m: dict, wilson: bool) -> list[str]:
    """The headline bullets: images, accuracy, macro-F1, mpox vs rest, the flag, calibration, partials."""
    ci = m.get("ci95", {})
    lines = [f"- images: {m['n_images']} ({m['n_single_label']} with a single true class)"]
    if wilson:
        lines += [f"- accuracy: {proportion(m['accuracy'], ci.get('accuracy'), m['n_single_label'])}"]
    else:
        lines += [f"- accuracy: {m['accuracy']:.3f}{_ci(m, 'accuracy')}"]
    lines += [f"- macro-F1: {m['macro_f1']:.3f}{_ci(m, 'macro_f1')} (over the classes present)"]
    if "mpox_vs_rest" in m:
        b = m["mpox_vs_rest"]
        if wilson:
            lines += [
                f"- mpox vs rest (top class): recall "
                f"{proportion(b['recall'], ci.get('mpox_recall'), b['tp'] + b['fn'])}, specificity "
                f"{proportion(b['specificity'], ci.get('mpox_specificity'), b['tn'] + b['fp'])}, "
                f"precision {b['precision']:.3f}, F1 {b['f1']:.3f}"
            ]
        else:
            lines += [
                f"- mpox vs rest (top class): recall {b['recall']:.3f}{_ci(m, 'mpox_recall')}, specificity "
                f"{b['specificity']:.3f}{_ci(m, 'mpox_specificity')}, "
                f"precision {b['precision']:.3f}, F1 {b['f1']:.3f}"
            ]
    if op := m.get("mpox_operating_point"):
        lines += [
            f"- mpox flag at p >= {op['threshold']} (the bundle's threshold, as the station decides): "
            f"recall {proportion(op['recall'], op.get('recall_ci95'), op['n_positive'])}, "
            f"specificity {proportion(op['specificity'], op.get('specificity_ci95'), op['n_negative'])}"
        ]
    lines += [f"- {calibration_text(m)}"]
    if "partial" in m:
        lines += [
            f"- partial labels (MSLD `others` = chickenpox or measles): {m['partial']['n']} images, "
            "left out of the "
            f"8-class figures; {m['partial']['accuracy']:.3f} were predicted as chickenpox or measles; "
            "they count as not-mpox in mpox vs rest"
        ]
    return lines


def _per_class_lines(m: dict, wilson: bool) -> list[str]:
    """The per-class table (recall with its Wilson interval where made) and the confusion matrix."""
    lines = [
        "## Per class",
        "",
        "| class | precision | recall | specificity | F1 | support |",
        "|---|---|---|---|---|---|",
    ]
    for c, v in m["per_class"].items():
        recall = f"{v['recall']:.3f}"
        if wilson:  # recall of a class with its interval and "small n"
            recall = proportion(v["recall"], v.get("recall_ci95"), v["support"])
        lines.append(
            f"| {c} | {v['precision']:.3f} | {recall} | {v['specificity']:.3f} | {v['f1']:.3f} "
            f"| {v['support']} |"
        )
    lines += ["", "![confusion matrix](confusion_matrix.png)", ""]
    return lines


def _threshold_and_calibration_lines(m: dict) -> list[str]:
    """The paper's threshold analysis with the coverage curve, and the reliability diagram."""
    t = m["threshold_analysis"]
    return [
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
    ]


def _per_source_lines(m: dict) -> list[str]:
    """The per-source table, with Wilson intervals and denominators where the metrics hold them."""
    lines = [
        "## Per source",
        "",
        "| source | n | accuracy | macro-F1 | mpox recall | mpox specificity |",
        "|---|---|---|---|---|---|",
    ]
    for s, v in m["per_source"].items():
        if "accuracy_ci95" in v:  # Wilson intervals and denominators
            lines.append(
                f"| {s} | {v['n']}{small_n(v['n'])} | "
                f"{proportion(v['accuracy'], v['accuracy_ci95'], v['n_single_label'])} | "
                f"{v['macro_f1']:.3f} | {proportion(v['mpox_recall'], v['mpox_recall_ci95'], v['n_mpox'])} | "
                f"{proportion(v['mpox_specificity'], v['mpox_specificity_ci95'], v['n_not_mpox'])} |"
            )
            continue
        lines.append(
            f"| {s} | {v['n']} | {v['accuracy']:.3f} | {v['macro_f1']:.3f} | {_num(v['mpox_recall'])} | "
            f"{_num(v['mpox_specificity'])} |"
        )
    return lines


def _extra_section_lines(m: dict) -> list[str]:
    """The optional sections: the corner-mask check, the open-set checks, and recall per grade and stage."""
    lines = []
    if corners := m.get("corner_mask_check"):
        lines += corner_check_lines(corners)
    if open_set := m.get("open_set"):
        from .open_set_eval import report_lines

        lines += report_lines(open_set)
    for column in ("grade", "stage"):
        if f"{column}_recall" in m:
            lines += ["", f"## Recall per {column}", "", f"| {column} | n | recall |", "|---|---|---|"]
            lines += [
                f"| {k} | {v['n']}{small_n(v['n'])} | "
                + (proportion(v["recall"], v["ci95"], v["n"]) if "ci95" in v else f"{v['recall']:.3f}")
                + " |"
                for k, v in m[f"{column}_recall"].items()
            ]
    return lines
