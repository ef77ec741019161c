"""Does the unknown-condition check gain from more of what the forward pass already computes?

The shipped unknown head is a logistic regression on the spatial *mean* of the fused target layer. Two
cheap, unmeasured additions, both free at serving time (the maps and the fine-tuned trunk come out of the same
forward pass):

- the spatial *standard deviation* of each channel (texture / lesion spread that the mean averages away);
- the fine-tuned trunk's own 8-way classifier (dropped by the fused bundle): it was trained with outlier
  exposure (cross-entropy to the uniform target on the open-set training images), whose score in Hendrycks
  et al. is the maximum softmax probability (MSP) or the energy of those logits.

Read on the recipe's validation split and the open-set validation part only (the test parts are never
extracted), plus a topic-grouped 4-fold cross-validation over the open-set train + validation topics for the
heads that learn (an estimate for conditions never trained on). Figures at the threshold that sends 5% of
validation eight-class images to unknown_condition: the share of validation other-condition rashes caught,
and the share that would still end CLEAR (named with top probability >= review threshold and not flagged):
an unknown check is judged by what it moves out of CLEAR.

    .venv/bin/python studies/study_open_stats.py extract --run runs/soup-e2e --out runs/open-stats
    .venv/bin/python studies/study_open_stats.py score --run runs/soup-e2e --out runs/open-stats
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import torch
from scipy.special import softmax
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from models.bundle import load_bundle
from models.preprocessing import Preprocessor
from models.registry import get_spec
from models.taxonomy import CLASSES
from training import splits as splitlib
from training.cache import DEFAULT_CACHE_DIR, load_images
from training.dataset_manifest import labelled, read_dataset_manifest
from training.open_set import load_open_split, select_open

OPEN = "../shared/data/open_set/manifest.csv"
BUDGET = 0.05


def _records(run: Path):
    data = run / "data" / "manifest.csv"
    known = labelled(read_dataset_manifest(data))
    split = splitlib.load_split(run / "split.json", data)["assignments"]
    rows = [(r, split.get(str(r.path), "")) for r in known]
    rows = [(r, part) for r, part in rows if part in ("train", "val")]  # the test split is never read
    records = read_dataset_manifest(OPEN)
    osplit = load_open_split(run / "open_split.json", OPEN)
    for part in ("train", "val"):
        rows += [(r, part) for r in select_open(records, osplit, part)]
    return rows


def extract(args) -> None:
    run, out = Path(args.run), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    bundle = load_bundle(args.bundle)
    model, size = bundle.model, int(bundle.manifest["input_size"])
    spec = get_spec("fused_" + "_".join(model.variants))
    pre = Preprocessor(size, spec.mean, spec.std)
    rows = _records(run)
    records = [r for r, _ in rows]
    images = load_images(records, size, DEFAULT_CACHE_DIR, progress=True)
    means, stds = [], []
    model.eval()
    with torch.inference_mode():
        for start in range(0, len(records), 32):
            x = pre.normalize(np.array(images[start : start + 32]))
            maps = torch.cat([t.feature_map(x) for t in model.trunks], dim=1).flatten(2)
            means.append(maps.mean(2).numpy())
            stds.append(maps.std(2).numpy())
    np.savez(
        out / "features.npz",
        mean=np.concatenate(means),
        std=np.concatenate(stds),
        label=np.array([r.label for r in records]),
        topic=np.array([r.detail or "" for r in records]),
        part=np.array([p for _, p in rows]),
        path=np.array([str(r.path) for r in records]),
    )
    # The fine-tuned trunk's own classifier, trained with outlier exposure; checked to be the bundle's trunk.
    ckpt = torch.load(run / "fit" / "best.pt", map_location="cpu", weights_only=False)["model"]
    for name, value in model.trunks[0].state_dict().items():
        if not torch.equal(ckpt[name], value):
            raise SystemExit(f"{run}/fit/best.pt is not the bundle's fine-tuned trunk ({name} differs)")
    np.savez(out / "trunk_fc.npz", weight=ckpt["_fc.weight"].numpy(), bias=ckpt["_fc.bias"].numpy())
    head = model._fc
    np.savez(out / "fused_fc.npz", weight=head.weight.detach().numpy(), bias=head.bias.detach().numpy())
    kept = {k: bundle.manifest[k] for k in ("thresholds", "temperature")}
    (out / "bundle.json").write_text(json.dumps(kept))


def _standard(score: np.ndarray, rows: np.ndarray) -> np.ndarray:
    return (score - score[rows].mean()) / score[rows].std()


def _logistic(known: np.ndarray, other: np.ndarray, c: float, other_groups: np.ndarray | None = None):
    """Class-balanced logistic regression, known vs other; with ``other_groups``, each group (topic) of the
    other side weighs the same in total, so the head cannot lean on the few best-represented conditions."""
    x = np.r_[known, other]
    mean, scale = known.mean(0), known.std(0) + 1e-6
    weight = np.r_[np.full(len(known), 0.5 / len(known)), np.full(len(other), 0.5 / len(other))]
    if other_groups is not None:
        names, inverse, counts = np.unique(other_groups, return_inverse=True, return_counts=True)
        weight[len(known) :] = 0.5 / (len(names) * counts[inverse])
    clf = LogisticRegression(C=c, max_iter=5000)
    y = np.r_[np.zeros(len(known)), np.ones(len(other))]
    clf.fit((x - mean) / scale, y, sample_weight=weight * len(x))
    return lambda z: clf.decision_function((z - mean) / scale)


def score(args) -> None:
    out = Path(args.out)
    f = np.load(out / "features.npz")
    meta = json.loads((out / "bundle.json").read_text())
    label, part, topic = f["label"], f["part"], f["topic"]
    known = np.isin(label, CLASSES)
    other = label == "other_condition"
    kn_tr, kn_va = known & (part == "train"), known & (part == "val")
    ot_tr, ot_va = other & (part == "train"), other & (part == "val")
    mean, std = f["mean"].astype(np.float64), f["std"].astype(np.float64)
    half = mean.shape[1] // 2
    fused = np.load(out / "fused_fc.npz")
    probs = softmax((mean @ fused["weight"].T + fused["bias"]) / meta["temperature"], axis=1)
    th = meta["thresholds"]
    flagged = probs[:, CLASSES.index("mpox")] >= th["flag"]
    named_clear = (~flagged) & (probs.max(1) >= th["review"])
    trunk = np.load(out / "trunk_fc.npz")
    tlogits = mean[:, :half] @ trunk["weight"].T + trunk["bias"]
    energy = -np.log(np.exp(tlogits - tlogits.max(1, keepdims=True)).sum(1)) - tlogits.max(1)  # -logsumexp
    msp = -softmax(tlogits, axis=1).max(1)

    def report(name: str, s: np.ndarray, cv: float | None = None) -> dict:
        t = np.quantile(s[kn_va], 1 - BUDGET)
        caught = s[ot_va] > t
        row = {
            "caught": float(caught.mean()),
            "clear": float((named_clear[ot_va] & ~caught).mean()),
            "topic_cv": cv,
        }
        shown = "-" if cv is None else f"{cv:.3f}"
        print(f"{name:42s} caught {row['caught']:.3f}  still CLEAR {row['clear']:.3f}  topic-CV {shown}")
        return row

    def topic_cv(feats: np.ndarray, c: float, balanced: bool = False) -> float:
        """Other-condition topics of train + val in 4 groups; the head never sees the scored topics."""
        rows = np.flatnonzero(other & np.isin(part, ("train", "val")))
        caught = []
        for fit_idx, hold_idx in GroupKFold(4).split(rows, groups=topic[rows]):
            fit_rows = rows[fit_idx]
            s = _logistic(feats[kn_tr], feats[fit_rows], c, topic[fit_rows] if balanced else None)
            t = np.quantile(s(feats[kn_va]), 1 - BUDGET)
            caught.append(s(feats[rows[hold_idx]]) > t)
        return float(np.concatenate(caught).mean())

    results = {"none (classifier only)": report("none (classifier only)", np.zeros(len(label)) - 1)}
    sets = {
        "mean (shipped)": mean,
        "mean + std": np.c_[mean, std],
        "std": std,
        "fine-tuned half mean + std": np.c_[mean[:, :half], std[:, :half]],
    }
    for name, feats in sets.items():
        for c in args.c:
            s = _logistic(feats[kn_tr], feats[ot_tr], c)(feats)
            results[f"{name}, C={c}"] = report(f"{name}, C={c}", s, topic_cv(feats, c))
    for c in args.c:
        s = _logistic(mean[kn_tr], mean[ot_tr], c, topic[ot_tr])(mean)
        results[f"mean, topic-balanced, C={c}"] = report(
            f"mean, topic-balanced, C={c}", s, topic_cv(mean, c, balanced=True)
        )
        ns_tr = (label == "not_skin") & (part == "train")
        s = _logistic(mean[kn_tr], mean[ot_tr | ns_tr], c)(mean)
        results[f"mean, not-skin as other too, C={c}"] = report(f"mean, not-skin as other too, C={c}", s)
    results["trunk energy (OE)"] = report("trunk energy (OE)", energy)
    results["trunk MSP (OE)"] = report("trunk MSP (OE)", msp)
    # The logistic head plus the OE energy, each standardised on validation eight-class images.
    best = _logistic(mean[kn_tr], mean[ot_tr], args.c[0])(mean)
    for w in (0.5, 1.0, 2.0):
        z = _standard(best, kn_va) + w * _standard(energy, kn_va)
        results[f"mean head + {w} x energy"] = report(f"mean C={args.c[0]} + {w} x energy", z)
    # The head's known side from validation images (2-fold cross-fit: one half fits, the other sets the
    # threshold), in case the trunk's own training images look more "known" than new ones do.
    rng = np.random.default_rng(0)
    va = np.flatnonzero(kn_va)
    for c in args.c:
        for side in ("validation half", "training + validation half"):
            caught = []
            for _ in range(5):
                perm = rng.permutation(va)
                halves = perm[: len(va) // 2], perm[len(va) // 2 :]
                for fit_rows, thr_rows in (halves, halves[::-1]):
                    rows = fit_rows if side == "validation half" else np.r_[np.flatnonzero(kn_tr), fit_rows]
                    s = _logistic(mean[rows], mean[ot_tr], c)
                    caught.append(np.mean(s(mean[ot_va]) > np.quantile(s(mean[thr_rows]), 1 - BUDGET)))
            results[f"known side: {side}, C={c}"] = {"caught": float(np.mean(caught))}
            print(f"known side: {side}, C={c}: caught {np.mean(caught):.3f} (10 cross-fits)")
    (out / "results.json").write_text(json.dumps(results, indent=1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("extract")
    e.add_argument("--run", required=True)
    e.add_argument("--bundle", default="models/bundles/default")
    e.add_argument("--out", required=True)
    s = sub.add_parser("score")
    s.add_argument("--run", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--c", type=float, nargs="+", default=[0.001, 0.01])
    args = ap.parse_args()
    {"extract": extract, "score": score}[args.cmd](args)


if __name__ == "__main__":
    main()
