"""Model soups (Wortsman et al. 2022): one network whose weights are the average of several fine-tuning runs.

Runs fine-tuned from the same starting weights on the same split tend to land in one basin of the loss, so
the average of their weights behaves like an ensemble of them at the cost of one network per frame: what
the station needs (an ensemble of two trunks would break the 15 ms budget). Only such runs may be mixed:
``check_ingredients`` refuses bundles of another architecture, class list, input size, manifest, split or
starting point, because their average would be a network nobody trained, or would have seen this run's
validation or test images.

``make_soup`` averages uniformly, or greedily (``greedy=True``: ingredients in order of their own validation
macro-F1, each kept only if the soup's validation macro-F1 does not drop). The soup's temperature is fitted
on validation, as ``mpox-train fit`` does; the test split is never read here. The bundle it writes keeps the
first ingredient's provenance (manifest and split, so ``mpox-train recipe --fit-from`` can check it) and
records the ingredients by hash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from models.bundle import Bundle, load_bundle

from .calibration import fit_temperature
from .dataset_manifest import ManifestError, Record
from .evaluation import bundle_logits
from .export import command_line, export_bundle, git_commit
from .metrics import core_metrics

# What every ingredient must share with the first (manifest keys, then provenance keys).
SAME_MANIFEST = ("arch", "classes", "input_size", "mean", "std")
SAME_PROVENANCE = ("manifest_sha256", "split_sha256", "fold")


@dataclass
class SoupResult:
    bundle: Path
    method: str
    ingredients: list[str]  # bundle folders, in the order they were added
    kept: list[str]  # those in the soup
    val_macro_f1: float
    ingredient_val_macro_f1: dict[str, float] = field(default_factory=dict)
    temperature: float = 1.0


def _origin(provenance: dict) -> dict:
    """What an ingredient must share with the first: manifest, split, fold, and the weights fine-tuning
    started from, by content where the bundle records it (runs whose SimCLR backbone or probe head was copied
    into another folder still match), by path otherwise."""
    simclr = provenance.get("simclr") or {}
    return {key: provenance.get(key) for key in SAME_PROVENANCE} | {
        "init": provenance.get("init"),
        "SimCLR backbone": simclr.get("weights_sha256") or provenance.get("simclr_checkpoint"),
        "initial head": provenance.get("init_head_sha256") or provenance.get("init_head"),
    }


def check_ingredients(bundles: list[Bundle]) -> None:
    """Refuse a soup of networks that did not start from the same weights on the same data and split."""
    if len(bundles) < 2:
        raise ManifestError("a soup needs at least two fine-tuned bundles (--bundle A --bundle B)")
    first = bundles[0]
    mine = first.manifest.get("provenance", {})
    if not mine.get("split_sha256"):
        raise ManifestError(
            f"{first.path} records no split: it cannot be checked that the soup never trained on "
            "validation or test images"
        )
    my_origin = _origin(mine)
    for other in bundles[1:]:
        for key in SAME_MANIFEST:
            if first.manifest.get(key) != other.manifest.get(key):
                raise ManifestError(
                    f"{other.path} has another {key} than {first.path}: only fine-tuning runs of one "
                    "architecture and class list can be averaged"
                )
        theirs = other.manifest.get("provenance", {})
        their_origin = _origin(theirs)
        for key, value in my_origin.items():
            if their_origin[key] != value:
                raise ManifestError(
                    f"{other.path} was fine-tuned with another {key} than {first.path} "
                    f"({their_origin[key]!r} against {value!r}): average only runs that started "
                    "from the same weights on the same manifest and split"
                )
        if mine.get("init") == "random" and mine.get("seed") != theirs.get("seed"):
            raise ManifestError(
                f"{other.path} and {first.path} started from random weights drawn with other seeds: their "
                "average is no trained network; soup runs fine-tuned from ImageNet or SimCLR weights"
            )


def average_state(states: list[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
    """The element-wise mean of floating-point tensors (weights and batch-norm statistics); integer buffers
    (batch-norm's step counters) are taken from the first state."""
    out = {}
    for key, first in states[0].items():
        if first.is_floating_point():
            stacked = torch.stack([s[key].to(torch.float64) for s in states])
            out[key] = stacked.mean(0).to(first.dtype)
        else:
            out[key] = first.clone()
    return out


def _macro_f1(logits: np.ndarray, y: np.ndarray, allowed: np.ndarray, classes) -> float:
    probs = torch.softmax(torch.from_numpy(logits), 1).numpy()
    return float(core_metrics(probs, y, allowed, classes)["macro_f1"])


def make_soup(
    bundle_dirs: list[str | Path],
    val_records: list[Record],
    out: str | Path,
    *,
    greedy: bool = False,
    cache_dir=None,
    name: str | None = None,
) -> SoupResult:
    """Average the fine-tuned bundles' weights (uniformly, or greedily on validation macro-F1), fit the
    temperature on validation and write the verified soup bundle to ``out``."""
    from .data import label_index, target_mask

    if not val_records:
        raise ManifestError("no validation images: the soup's temperature and any greedy choice need them")
    bundles = [load_bundle(d) for d in bundle_dirs]
    check_ingredients(bundles)
    classes = bundles[0].classes
    y, allowed = label_index(val_records, classes), target_mask(val_records, classes).numpy()
    kw = {} if cache_dir is None else {"cache_dir": cache_dir}
    states = [{k: v.detach().cpu().clone() for k, v in b.model.state_dict().items()} for b in bundles]
    names = [str(b.path) for b in bundles]
    own = {
        n: _macro_f1(bundle_logits(b, val_records, **kw), y, allowed, classes)
        for n, b in zip(names, bundles, strict=True)
    }

    probe = bundles[0]  # its model is overwritten with each candidate soup
    order = sorted(range(len(bundles)), key=lambda i: -own[names[i]]) if greedy else list(range(len(bundles)))
    if greedy:
        kept, best = [order[0]], own[names[order[0]]]
        for i in order[1:]:
            probe.model.load_state_dict(average_state([states[j] for j in [*kept, i]]))
            score = _macro_f1(bundle_logits(probe, val_records, **kw), y, allowed, classes)
            if score >= best:
                kept, best = [*kept, i], score
    else:
        kept = order
    probe.model.load_state_dict(average_state([states[j] for j in kept]))
    logits = bundle_logits(probe, val_records, **kw)
    temperature = fit_temperature(logits, allowed)
    score = _macro_f1(logits, y, allowed, classes)

    method = "greedy" if greedy else "uniform"
    first = bundles[0].manifest
    provenance = dict(first.get("provenance", {}))
    for per_run in ("best_epoch", "epochs_trained", "config", "command", "exported_from"):
        provenance.pop(per_run, None)
    provenance |= {
        "command": command_line(),
        "commit": git_commit(),
        "soup": {
            "method": method,
            "ingredients": [
                {
                    "bundle": names[i],
                    "sha256": bundles[i].sha256,
                    "val_macro_f1": round(own[names[i]], 4),
                    "best_epoch": bundles[i].manifest.get("provenance", {}).get("best_epoch"),
                }
                for i in order
            ],
            "kept": [names[i] for i in kept],
            "val_macro_f1": round(score, 4),
        },
    }
    written = export_bundle(
        probe.model,
        first["arch"],
        classes,
        out,
        input_size=first["input_size"],
        temperature=temperature,
        metrics={"val": {"macro_f1": score, "n_images": len(val_records)}},
        provenance=provenance,
        name=name or f"{first.get('name', first['arch'])}-soup",
    )
    return SoupResult(
        bundle=written,
        method=method,
        ingredients=[names[i] for i in order],
        kept=[names[i] for i in kept],
        val_macro_f1=score,
        ingredient_val_macro_f1=own,
        temperature=temperature,
    )
