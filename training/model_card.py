"""MODEL_CARD.md for a recipe's bundle, written from what the run measured (never typed in by hand).

Every figure comes from the recipe's own outputs: the held-out test metrics with bootstrap intervals, the
baseline, the validation choices (start, threshold, temperature), the training history and the manifest's
licence column. The prose around them states the intended use and the limits that no number shows.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from models.registry import get_spec

from .report import corner_check_lines

# The quality aims for the embedded model (held-out test split).
AIMS = {"accuracy": 0.85, "macro_f1": 0.80, "mpox_recall": 0.90, "mpox_specificity": 0.97}


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _ci(ci: list[float] | None) -> str:
    return "" if not ci else f"{ci[0]:.3f}-{ci[1]:.3f}"


def _met(value: float, aim: float) -> str:
    return "met" if value >= aim else "**missed**"


def data_summary(manifest: Path) -> tuple[Counter, Counter, dict[str, str]]:
    """(labelled images per source, unlabelled per source, licence text per source) from the manifest."""
    labelled, unlabelled, licences = Counter(), Counter(), {}
    with open(manifest, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            source = (row.get("source") or "unknown").strip()
            if row["label"].strip().lower() == "unlabelled":
                unlabelled[source] += 1
            else:
                labelled[source] += 1
            if row.get("licence") and source not in licences:
                licences[source] = row["licence"].strip()
    return labelled, unlabelled, licences


def model_card_text(run: dict) -> str:
    """The text of a recipe bundle's ``MODEL_CARD.md``; ``run`` holds the recipe's results (see
    ``recipe._model_card``)."""
    lines = [
        *_header_lines(run),
        *_training_data_lines(run),
        *_recipe_lines(run),
        *_metrics_lines(run),
        *_checks_and_review_lines(run),
        *_calibration_and_threshold_lines(run),
        *_limitation_lines(run),
    ]
    return "\n".join(lines)


def _frozen(freeze_below: str) -> str:
    """The recipe step's note on frozen parameters ("" when nothing is frozen)."""
    return f", parameters before `{freeze_below}` frozen" if freeze_below else ""


def _header_lines(run: dict) -> list[str]:
    """The card's title, how it was made, and the intended use."""
    cfg, manifest = run["config"], run["bundle_manifest"]
    prov = manifest["provenance"]
    classes = list(manifest["classes"])
    spec = get_spec(manifest["arch"])
    date = prov.get("date_utc", "")[:10]
    return [
        f"# Model card: `{manifest['name']}` ({spec.name}, {len(classes)} classes)",
        "",
        f"Trained {date} by `mpox-train recipe {cfg['name']}` on commit `{prov.get('commit', 'unknown')}`. "
        "This card is written by the recipe from the run's own measurements; the bundle's `manifest.json` "
        "records the full configuration, the SHA-256 of the manifest, the split and the weights.",
        "",
        "## Intended use",
        "A **screening aid** at entry-exit gates and hospital triage desks: it ranks a photographed "
        "rash among "
        f"{', '.join(classes)}, and the station turns that into FLAG / REVIEW / CLEAR. **It is not a "
        "diagnosis**: an officer or clinician decides, and a flag means secondary screening (examination, "
        "PCR), nothing more. Not validated on children, not for dermoscopy images, never the only criterion "
        "for a decision about a traveller.",
        "",
    ]


def _training_data_lines(run: dict) -> list[str]:
    """The training data section: images per source and each source's licence."""
    cfg = run["config"]
    data_manifest = run.get("data_manifest") or cfg["manifest"]
    labelled, unlabelled, licences = data_summary(Path(data_manifest))
    lines = [
        "## Training data and licence",
        f"Manifest{'s' if cfg.get('extra_data') else ''} "
        f"{', '.join(f'`{m}`' for m in (cfg['manifest'], *cfg.get('extra_data', ())))}: "
        f"{sum(labelled.values())} labelled photographs, "
        f"{sum(unlabelled.values())} unlabelled images (SimCLR only).",
        "",
        "| source | labelled | unlabelled | licence (from the manifest) |",
        "|---|---:|---:|---|",
    ]
    for source in sorted(set(labelled) | set(unlabelled)):
        lines.append(
            f"| {source} | {labelled[source]} | {unlabelled[source]} | "
            f"{licences.get(source, 'not recorded')} |"
        )
    lines += [
        "",
        "**The model inherits these terms: research and non-commercial use only** where any source says so. "
        "MSLD's `others` rows (chickenpox or measles, not told apart) train as a partial label.",
        "",
    ]
    return lines


def _recipe_lines(run: dict) -> list[str]:
    """The recipe section: the command and its numbered steps, split to calibration and int8."""
    cfg, manifest = run["config"], run["bundle_manifest"]
    prov = manifest["provenance"]
    fit_prov = run["fit_provenance"]
    start = run["start_choice"]
    lines = [
        "## Recipe",
        "```bash",
        prov.get("recipe_command", f"mpox-train recipe {cfg['name']} ..."),
        "```",
        f"1. Group-aware stratified split, seed {cfg['seed']}: train {fit_prov.get('n_train')} / validation "
        f"{fit_prov.get('n_val')} / test {fit_prov.get('n_test')} images; no group on two sides. The test "
        "split is used once, for the figures below, never for a choice.",
    ]
    if cfg["ssl_epochs"] and not cfg.get("fit_from"):  # a reused fit ran no SimCLR in this run
        lines.append(
            f"2. SimCLR (lightly) from {cfg['init']} weights on the unlabelled images: "
            f"{run.get('ssl_steps', '?')} steps of {cfg['ssl_batch_size']} at {cfg['ssl_input_size']} px, "
            f"SGD lr {cfg['ssl_lr']}" + _frozen(cfg["freeze_below"]) + "."
        )
    if start:
        probes = ", ".join(f"{k.split(':')[0]} {v:.3f}" for k, v in start.items())
        lines.append(
            "3. Starting point chosen on validation by linear probes on frozen features (macro-F1: "
            f"{probes}): "
            f"fine-tuning started from **{prov.get('fine_tuning_start', '?').split(':')[0]}**."
        )
    lines.append(_fine_tuning_line(run))
    lines += _soup_and_fusion_lines(run)
    lines += _calibration_step_lines(run)
    return lines + [""]


def _fine_tuning_line(run: dict) -> str:
    """Recipe step 4: the fine-tuning settings (or the bundle whose fit was reused) and the best epoch."""
    cfg, manifest = run["config"], run["bundle_manifest"]
    fit_prov = run["fit_provenance"]
    best = next((h for h in run["history"] if int(h["epoch"]) == fit_prov.get("best_epoch")), None)
    ft_cfg = fit_prov.get("recipe_config", cfg) if cfg.get("fit_from") else cfg
    ft_size = (fit_prov.get("fused_from") or {}).get("input_size", manifest["input_size"])
    return (
        (
            "4. Fine-tuning reused from bundle `"
            + (fit_prov.get("fused_from") or {}).get("bundle_sha256", "?")[:12]
            + f"` (made by `{fit_prov.get('recipe_command', '?')}` on "
            f"{fit_prov.get('date_utc', '?')[:10]}; its split is this run's, checked by the recipe)"
            if cfg.get("fit_from")
            else "4. Fine-tuning"
        )
        + f" at {ft_size} px: {ft_cfg['optimizer']} lr {ft_cfg['lr']}, weight decay "
        f"{ft_cfg['weight_decay']}, batch {ft_cfg['batch_size']}, {ft_cfg['epochs']} cosine epochs, the "
        "paper's "
        f"augmentation at p={ft_cfg['augment_p']}, class balance `{ft_cfg['balance']}`, label smoothing "
        f"{ft_cfg['label_smoothing']}"
        + _frozen(ft_cfg["freeze_below"])
        + (", starting from that linear probe's head (LP-FT)" if ft_cfg.get("probe_head") else "")
        + (
            ". Best epochs on validation macro-F1: "
            + ", ".join(str(i.get("best_epoch")) for i in fit_prov["soup"]["ingredients"])
            if fit_prov.get("soup")
            else f". Best epoch on validation macro-F1: {fit_prov.get('best_epoch')}"
            + (
                f" ({float(best['val_macro_f1']):.3f}, accuracy {float(best['val_accuracy']):.3f})"
                if best
                else ""
            )
        )
        + "."
    )


def _soup_and_fusion_lines(run: dict) -> list[str]:
    """Recipe steps 4a (model soup) and 4b (feature fusion), where the run made them."""
    manifest = run["bundle_manifest"]
    soup = run["fit_provenance"].get("soup")
    fusion = run.get("fusion")
    lines = []
    if soup:
        own = ", ".join(f"{i['val_macro_f1']:.3f}" for i in soup["ingredients"])
        lines.append(
            f"4a. Model soup ({soup['method']}): the weights of {len(soup['kept'])} fine-tuning draws of the "
            f"step above (same start and split, other seeds) averaged into one network: validation macro-F1 "
            f"{soup['val_macro_f1']:.3f}, the draws alone {own}."
        )
    if fusion:
        lines.append(
            f"4b. Feature fusion (`{fusion['arch']}`): the fine-tuned trunk and ImageNet "
            f"{', '.join(fusion['trunks'][1:])} side by side at {manifest['input_size']} px; a logistic "
            f"regression on their pooled features (C={fusion['C']}, class weighting "
            f"{fusion['class_weight']}, "
            f"chosen on validation: macro-F1 {fusion['val_macro_f1']:.3f}) is the network's linear head."
        )
    return lines


def _calibration_step_lines(run: dict) -> list[str]:
    """Recipe steps 5 to 7: temperature, flag threshold and, where made, the int8 graph's agreement."""
    cfg, manifest = run["config"], run["bundle_manifest"]
    choice = run["threshold_choice"]
    int8 = manifest.get("int8")
    lines = [
        f"5. Temperature scaling on validation: T = {manifest['temperature']:.3f}.",
        f"6. Flag threshold on validation: the lowest with mpox specificity >= {cfg['target_specificity']} "
        f"({choice['threshold']}; validation recall {_pct(choice['val_recall'])} of "
        f"{choice['n_val_positive']}, specificity {_pct(choice['val_specificity'])} of "
        f"{choice['n_val_negative']}).",
    ]
    if int8:
        lines.append(
            f"7. int8 graph for the CPU: top-1 agreement with the float model "
            f"{int8['top1_agreement_with_float']:.1%} on {int8['n_check_images']} validation images."
        )
    return lines


def _aim_row(label: str, value: float, extra: str, ci: list[float] | None, aim_key: str) -> str:
    """One row of the metrics table: the test figure, its interval, the aim and whether it was met."""
    aim = AIMS[aim_key]
    return f"| {label} | **{value:.3f}**{extra} | {_ci(ci)} | {aim} | {_met(value, aim)} |"


def _metrics_lines(run: dict) -> list[str]:
    """The held-out test metrics: the table against the aims, the baseline, per class and per source."""
    m, manifest = run["metrics"], run["bundle_manifest"]
    op = m["mpox_operating_point"]
    ci = m.get("ci95", {})
    base = run.get("baseline")
    recall_count = f" ({round(op['recall'] * op['n_positive'])}/{op['n_positive']})"
    lines = [
        f"## Metrics (held-out test split, {m['n_images']} images; 95% bootstrap intervals)",
        "| | value | 95% CI | aim | |",
        "|---|---:|---|---:|---|",
        _aim_row("8-class accuracy", m["accuracy"], "", ci.get("accuracy"), "accuracy"),
        _aim_row("macro-F1", m["macro_f1"], "", ci.get("macro_f1"), "macro_f1"),
        _aim_row(
            "mpox recall at the flag threshold",
            op["recall"],
            recall_count,
            op.get("recall_ci95"),
            "mpox_recall",
        ),
        _aim_row(
            "mpox specificity at the flag threshold",
            op["specificity"],
            "",
            op.get("specificity_ci95"),
            "mpox_specificity",
        ),
        f"| expected calibration error, before / after temperature | {m['ece_before_temperature']:.3f} / "
        f"{m['ece']:.3f} | | | |",
    ]
    if m.get("partial"):
        lines.append(
            f"| MSLD `others` predicted as chickenpox or measles | {m['partial']['accuracy']:.2f} "
            f"(n={m['partial']['n']}) | | | |"
        )
    if base:
        bop = base["mpox_operating_point"]
        lines += [
            "",
            "**Baseline** (logistic regression on frozen ImageNet features of the same backbone, "
            "same split): "
            f"accuracy {base['accuracy']:.3f} ({_ci(base['ci95'].get('accuracy'))}), macro-F1 "
            f"{base['macro_f1']:.3f} ({_ci(base['ci95'].get('macro_f1'))}), mpox recall {bop['recall']:.3f} "
            f"at specificity {bop['specificity']:.3f} (p >= 0.5).",
        ]
    return lines + _per_class_and_source_lines(m, list(manifest["classes"]))


def _per_class_and_source_lines(m: dict, classes: list[str]) -> list[str]:
    """The per-class and per-source tables of the test metrics."""
    lines = [
        "",
        "Per class (argmax decision):",
        "",
        "| class | precision | recall | F1 | test images |",
        "|---|---:|---:|---:|---:|",
    ]
    for c in classes:
        pc = m["per_class"][c]
        lines.append(
            f"| {c} | {pc['precision']:.2f} | {pc['recall']:.2f} | {pc['f1']:.2f} | {pc['support']} |"
        )
    lines += ["", "Per source:", "", "| source | images | accuracy | macro-F1 |", "|---|---:|---:|---:|"]
    for s, ps in m["per_source"].items():
        lines.append(f"| {s} | {ps['n']} | {ps['accuracy']:.2f} | {ps['macro_f1']:.2f} |")
    return lines


def _checks_and_review_lines(run: dict) -> list[str]:
    """The corner-mask and open-set checks, the paper's review rule on test, and where the full report is."""
    m, manifest = run["metrics"], run["bundle_manifest"]
    lines = []
    if corners := m.get("corner_mask_check"):
        lines += [
            "",
            "Where it may read the source instead of the rash: the same test images with the four corners "
            "masked (where DermNet NZ's and the stock agencies' watermarks sit). A source whose predictions "
            "change far more than the others' points to the watermark confound.",
            *corner_check_lines(corners, level="###"),
        ]
    if open_set := m.get("open_set"):
        lines += open_set_card_lines(open_set, manifest)
    ta = m["threshold_analysis"]
    lines += [
        "",
        f"The paper's review rule: {ta['share_top_ge_0.6']:.0%} of test images have top probability >= 0.6, "
        f"with accuracy {ta['accuracy_top_ge_0.6']:.2f} there; {ta['share_top_lt_0.5']:.0%} are below 0.5, "
        f"with error rate {ta['error_top_lt_0.5']:.2f}.",
        "",
        "Full report (confusion matrix, coverage-vs-accuracy curve, reliability diagrams): `report/` "
        "in the run "
        "folder, or `mpox-train evaluate --bundle BUNDLE --data MANIFEST --split-file SPLIT --split "
        "test --out "
        "DIR`.",
        "",
    ]
    return lines


def _calibration_and_threshold_lines(run: dict) -> list[str]:
    """The calibration section and the thresholds the station uses, with the reasons for them."""
    cfg, m, manifest = run["config"], run["metrics"], run["bundle_manifest"]
    choice = run["threshold_choice"]
    return [
        "## Calibration",
        f"Temperature {manifest['temperature']:.3f}, fitted on validation (negative log-likelihood). "
        "Expected "
        f"calibration error on test: {m['ece_before_temperature']:.3f} before, {m['ece']:.3f} after "
        "(reliability diagrams in the report). The station's probabilities are the calibrated ones.",
        "",
        "## Thresholds, and why",
        f"- **Flag** mpox at p >= {choice['threshold']}: the lowest threshold reaching specificity "
        f"{cfg['target_specificity']} on validation, so that as many mpox cases as possible go to secondary "
        "screening while few other travellers do. Validation has few mpox images, so the test "
        "specificity can "
        "land below the target (see above). Measles and chickenpox can be added as flagged classes in the "
        "station's configuration (`[thresholds] flagged_classes`).",
        f"- **Review** below top probability {manifest['thresholds']['review']} (the paper's rule).",
        "",
    ]


def _limitation_lines(run: dict) -> list[str]:
    """The known limitations: missed aims, small classes, and what no figure shows."""
    m, classes = run["metrics"], list(run["bundle_manifest"]["classes"])
    op = m["mpox_operating_point"]
    small = [c for c in classes if m["per_class"][c]["support"] < 10]
    lines = ["## Known limitations"]
    missed = [k for k, aim in (("accuracy", AIMS["accuracy"]), ("macro_f1", AIMS["macro_f1"])) if m[k] < aim]
    if missed or op["recall"] < AIMS["mpox_recall"] or op["specificity"] < AIMS["mpox_specificity"]:
        lines.append(
            "- **Below the project's quality aims** where the table says missed; see "
            "docs/training.md "
            "for the GPU sweep of fine-tuning settings behind this recipe."
        )
    if small:
        lines.append(
            f"- **Small classes**: {', '.join(small)} have fewer than 10 test images each; their "
            "figures and intervals are very uncertain."
        )
    lines += [
        "- **Source confound**: in this data, some classes come from a single, watermarked source "
        "(DermNet NZ) "
        "and eczema mostly from another (dermnet.com); the model can learn the source instead of the rash. "
        "Expect lower accuracy on webcam frames at a gate.",
        "- **Skin tones** are not annotated in the data; performance across skin tones is unknown "
        "and must be "
        "checked before deployment.",
        "- Trained on still photographs, not webcam frames; lighting, blur and framing at a gate differ.",
        "",
    ]
    return lines


def open_set_card_lines(m: dict, manifest: dict) -> list[str]:
    """The model card's open-set section: how the checks were made and what they do on held-out images."""
    from .open_set_eval import report_lines

    block = manifest.get("open_set", {})
    data = block.get("data", {})
    t = manifest["thresholds"]
    lines = [
        "",
        "### Open set: conditions it does not know, pictures that are not skin",
        "",
        f"Two logistic heads on the model's pooled features ({block.get('feature', '?')}; transform "
        f"{block.get('transform', '?')}, C={block.get('C_unknown', '?')} chosen on validation) score each "
        "picture: *unknown* (eight classes vs 30 other skin conditions of `../shared/data/open_set`) and "
        "*not skin*. Thresholds, chosen on validation images only: unknown >= "
        f"{t.get('unknown')} (at most {block.get('targets', {}).get('max_unknown', '?')} of validation "
        f"eight-class images), not skin >= {t.get('not_skin')} (at most "
        f"{block.get('targets', {}).get('max_not_skin', '?')}, and no mpox image).",
        "",
        "Held out (never used for a choice): the eight-class test split, and the open-set test part, which "
        "holds whole conditions and non-skin sources that appear nowhere in training or validation: "
        f"{', '.join(data.get('unseen_topics_in_test', [])) or 'none'}; "
        f"{', '.join(data.get('unseen_sources_in_test', [])) or 'none'}.",
    ]
    return lines + report_lines(m)[2:]
