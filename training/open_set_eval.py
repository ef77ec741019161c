"""Open-set evaluation: what the station decides on eight-class images and on open-set images, through the
station's own path (``models.screening.screen_image``: quality gate, model, open-set scores, decision rule).

``mpox-train evaluate ... --open-set MANIFEST`` puts the result under ``open_set`` in metrics.json:

- ``auroc`` / ``fpr_at_95tpr``: eight classes vs ``other_condition`` (the unknown score) and vs ``not_skin``
  (the not-skin score), on the images that reached the model;
- ``outcomes.<label>.<decision>`` and ``reasons.<label>.<reason_code>``: share of each label per outcome
  (labels: ``eight_class``, ``other_condition``, ``not_skin``);
- ``eight_class_rejected``: share of eight-class images sent to ``unknown_condition`` or ``not_skin``,
  overall, per class and per source; ``mpox_flag_recall``: with and without the open-set
  checks (the quality gate in both);
- ``per_topic``: outcomes per DermNet topic (other conditions) and per kind of non-skin picture;
- ``corners_masked``: the outcomes again with the image corners masked (the DermNet watermark confound).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import roc_auc_score
from tqdm import tqdm

from models.bundle import Bundle
from models.decision import Decision, ReasonCode, Thresholds
from models.errors import ImageDecodeError
from models.imageio import decode_image
from models.predictor import Predictor
from models.screening import decide_screening, screen_image
from models.taxonomy import NOT_SKIN, OTHER_CONDITION

from .dataset_manifest import Record
from .evaluation import mask_corners

EIGHT_CLASS = "eight_class"
GROUPS = (EIGHT_CLASS, OTHER_CONDITION, NOT_SKIN)


@dataclass
class Screened:
    record: Record
    group: str  # eight_class | other_condition | not_skin
    decision: str
    reason_code: str
    unknown: float | None  # None when the quality gate refused the picture before the model ran
    not_skin: float | None
    p_flag: float | None  # the highest flagged-class probability
    decision_without_open_set: str  # the same rule and quality gate without the open-set scores


def screen_records(
    predictor: Predictor,
    thresholds: Thresholds,
    records: Sequence[Record],
    mask: bool = False,
    progress: bool = False,
) -> list[Screened]:
    out = []
    flagged = [predictor.classes.index(c) for c in thresholds.flagged_classes]
    for r in tqdm(records, disable=not progress, desc="open-set screening", unit="image", leave=False):
        try:
            image = decode_image(r.path)
        except ImageDecodeError:
            continue  # the manifests were checked on import; a file that broke since is not a screening
        if mask:
            image = mask_corners(image[None])[0]
        s = screen_image(predictor, image, thresholds)
        p = s.prediction
        without = decide_screening(
            s.quality, None if p is None else p.probabilities, predictor.classes, thresholds, None
        )
        out.append(
            Screened(
                r,
                r.label if r.label in (OTHER_CONDITION, NOT_SKIN) else EIGHT_CLASS,
                s.verdict.decision.value,
                s.verdict.reason_code.value,
                None if p is None or p.open_set is None else p.open_set.unknown,
                None if p is None or p.open_set is None else p.open_set.not_skin,
                None if p is None else float(p.probabilities[flagged].max()),
                without.decision.value,
            )
        )
    return out


def _shares(items: Sequence[Screened], key: str, names: Sequence[str]) -> dict:
    counts = Counter(getattr(s, key) for s in items)
    n = len(items)
    return {name: (counts[name] / n if n else None) for name in names} | {"n": n}


def _separation(known: list[float], unknown: list[float]) -> tuple[float | None, float | None]:
    """AUROC, and the share of known images above the threshold that catches 95% of the unknown ones."""
    if not known or not unknown:
        return None, None
    k, u = np.asarray(known), np.asarray(unknown)
    auroc = float(roc_auc_score(np.r_[np.zeros(len(k)), np.ones(len(u))], np.r_[k, u]))
    t = np.quantile(u, 0.05)
    return auroc, float(np.mean(k >= t))


def summarise(items: list[Screened], thresholds: Thresholds) -> dict:
    by_group = {g: [s for s in items if s.group == g] for g in GROUPS}
    decisions = [d.value for d in Decision]
    reasons = [r.value for r in ReasonCode]
    out: dict = {
        "n": {g: len(v) for g, v in by_group.items()},
        "thresholds": thresholds.as_dict(),
        "outcomes": {g: _shares(v, "decision", decisions) for g, v in by_group.items()},
        "reasons": {g: _shares(v, "reason_code", reasons) for g, v in by_group.items()},
        "auroc": {},
        "fpr_at_95tpr": {},
    }
    known = by_group[EIGHT_CLASS]
    for group, attr in ((OTHER_CONDITION, "unknown"), (NOT_SKIN, "not_skin")):
        auroc, fpr = _separation(
            [getattr(s, attr) for s in known if getattr(s, attr) is not None],
            [getattr(s, attr) for s in by_group[group] if getattr(s, attr) is not None],
        )
        out["auroc"][group], out["fpr_at_95tpr"][group] = auroc, fpr

    def rejected(subset: list[Screened]) -> dict:
        n = len(subset)
        unknown = sum(s.reason_code == ReasonCode.UNKNOWN_CONDITION for s in subset)
        not_skin = sum(s.reason_code == ReasonCode.NOT_SKIN for s in subset)
        return {
            "n": n,
            "unknown_condition": unknown / n if n else None,
            "not_skin": not_skin / n if n else None,
            "total": (unknown + not_skin) / n if n else None,
        }

    out["eight_class_rejected"] = rejected(known) | {
        "per_class": {
            c: rejected([s for s in known if s.record.label == c])
            for c in sorted({s.record.label for s in known})
        },
        "per_source": {
            src: rejected([s for s in known if s.record.source == src])
            for src in sorted({s.record.source for s in known})
        },
    }
    mpox = [s for s in known if s.record.label == "mpox"]
    if mpox:
        out["mpox_flag_recall"] = {
            "n": len(mpox),
            "with_open_set": sum(s.decision == Decision.FLAG for s in mpox) / len(mpox),
            "without_open_set": sum(s.decision_without_open_set == Decision.FLAG for s in mpox) / len(mpox),
        }
    topics: dict[str, list[Screened]] = defaultdict(list)
    for s in by_group[OTHER_CONDITION] + by_group[NOT_SKIN]:
        topics[f"{s.group}: {s.record.detail or s.record.source}"].append(s)
    out["per_topic"] = {
        t: _shares(v, "reason_code", reasons) | _shares(v, "decision", decisions)
        for t, v in sorted(topics.items())
    }
    return out


def evaluate_open_set(
    bundle: Bundle,
    known: Sequence[Record],
    open_records: Sequence[Record],
    progress: bool = True,
    thresholds: Thresholds | None = None,
) -> dict:
    """Screen ``known`` (eight-class) and ``open_records`` as the station does; the metrics above."""
    predictor = Predictor(bundle, device="cpu")
    thresholds = thresholds or bundle.thresholds
    records = list(known) + list(open_records)
    plain = summarise(screen_records(predictor, thresholds, records, progress=progress), thresholds)
    masked = summarise(screen_records(predictor, thresholds, records, True, progress), thresholds)
    plain["corners_masked"] = {k: masked[k] for k in ("outcomes", "reasons", "auroc", "eight_class_rejected")}
    plain["has_open_set_head"] = predictor.open_set is not None
    return plain


def report_lines(m: dict) -> list[str]:
    """Markdown section of the report (and the model card) for ``evaluate_open_set``'s metrics."""

    def pct(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.1%}"

    lines = ["", "## Open set: other conditions and pictures that are not skin", ""]
    if not m.get("has_open_set_head"):
        lines += ["This bundle has no open-set head: only the colour gate can refuse a picture.", ""]
    lines += [
        "| images | n | FLAG | REVIEW | CLEAR | RETAKE | unknown_condition | not_skin |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for g in GROUPS:
        o, r = m["outcomes"][g], m["reasons"][g]
        lines.append(
            f"| {g} | {o['n']} | {pct(o['flag'])} | {pct(o['review'])} | {pct(o['clear'])} | "
            f"{pct(o['retake'])} | {pct(r['unknown_condition'])} | {pct(r['not_skin'])} |"
        )
    auroc, fpr = m["auroc"], m["fpr_at_95tpr"]
    lines += [
        "",
        f"- AUROC eight classes vs other conditions: {_n(auroc.get(OTHER_CONDITION))}; vs not skin: "
        f"{_n(auroc.get(NOT_SKIN))} (FPR at 95% TPR: {_n(fpr.get(OTHER_CONDITION))}, "
        f"{_n(fpr.get(NOT_SKIN))})",
        "- eight-class images sent to unknown_condition or not_skin: "
        f"{pct(m['eight_class_rejected']['total'])}",
    ]
    if mr := m.get("mpox_flag_recall"):
        lines.append(
            f"- mpox flagged ({mr['n']} images): {pct(mr['with_open_set'])} with the open-set "
            f"checks, {pct(mr['without_open_set'])} by the same rule without them"
        )
    cm = m.get("corners_masked")
    if cm:
        lines.append(
            "- corners masked (watermarks): "
            + ", ".join(
                f"{g} FLAG {pct(cm['outcomes'][g]['flag'])} / unknown "
                f"{pct(cm['reasons'][g]['unknown_condition'])} / not_skin {pct(cm['reasons'][g]['not_skin'])}"
                for g in GROUPS
            )
        )
    lines += ["", "| topic | n | FLAG | unknown_condition | not_skin | CLEAR |", "|---|---|---|---|---|---|"]
    for t, v in m["per_topic"].items():
        lines.append(
            f"| {t} | {v['n']} | {pct(v['flag'])} | {pct(v['unknown_condition'])} | "
            f"{pct(v['not_skin'])} | {pct(v['clear'])} |"
        )
    return lines


def _n(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"
