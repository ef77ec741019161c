"""Does training the fused head on augmented views of the training images beat the mirror-averaged rows?

The fused network's linear head (training/fusion.py) is a logistic regression on ~1,600 pooled feature rows,
one per training image (picture and mirror averaged). This study adds K augmented views per training image
(the paper's augmentation, optionally with colour jitter for skin tones), computed through the fused bundle's
frozen trunks, and refits the head; validation (the recipe's split) decides, the test part is never read.

    .venv/bin/python studies/study_augmented_head.py extract --bundle runs/r14-full/fused/bundle \
        --data runs/r14-full/data/manifest.csv --split runs/r14-full/split.json --out runs/aug --views 8
    .venv/bin/python studies/study_augmented_head.py fit --out runs/aug \
        --data runs/r14-full/data/manifest.csv \
        --split runs/r14-full/split.json
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from torchvision.transforms import v2

from models.bundle import load_bundle
from models.preprocessing import Preprocessor
from models.registry import get_spec
from models.taxonomy import CLASSES
from training import splits as splitlib
from training.augment import paper_augmentation
from training.cache import DEFAULT_CACHE_DIR, load_images
from training.data import label_index, target_mask
from training.dataset_manifest import labelled, read_dataset_manifest
from training.fusion import pooled_features
from training.metrics import core_metrics
from training.probe import full_probs


def augmentation(size: int, colour: bool) -> v2.Transform:
    paper = paper_augmentation(size, p=0.5)
    if not colour:
        return paper
    jitter = v2.RandomApply([v2.ColorJitter(brightness=0.3, contrast=0.3, saturation=0.3, hue=0.04)], p=0.8)
    return v2.Compose([jitter, paper])


def view_features(model, images: np.ndarray, size: int, transform, seed: int) -> np.ndarray:
    """Pooled fused features of one augmented view of each image."""
    spec = get_spec("fused_" + "_".join(model.variants))
    pre = Preprocessor(size, spec.mean, spec.std)
    torch.manual_seed(seed)
    out = []
    with torch.inference_mode():
        for start in range(0, len(images), 32):
            batch = torch.from_numpy(np.array(images[start : start + 32])).permute(0, 3, 1, 2)
            aug = torch.stack([transform(img) for img in batch]).permute(0, 2, 3, 1).numpy()
            x = pre.normalize(aug)
            maps = torch.cat([t.feature_map(x) for t in model.trunks], dim=1).mean(dim=(2, 3))
            out.append(maps.numpy())
    return np.concatenate(out)


def extract(args) -> None:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    bundle = load_bundle(args.bundle)
    model, size = bundle.model, int(bundle.manifest["input_size"])
    records = labelled(read_dataset_manifest(args.data))
    split = splitlib.load_split(args.split, args.data)
    part = np.array([split["assignments"].get(str(r.path), "") for r in records])
    base = out / "base.npy"
    if not base.is_file():
        np.save(base, pooled_features(model, records, size, DEFAULT_CACHE_DIR, False, mirror=part == "train"))
    train = np.flatnonzero(part == "train")
    images = load_images(records, size, progress=False)[train]
    np.save(out / "train_index.npy", train)
    for colour in [kind == "colour" for kind in args.kinds]:
        transform = augmentation(size, colour)
        for k in range(args.views):
            path = out / f"view-{'colour' if colour else 'paper'}-{k}.npy"
            if path.is_file():
                continue
            t0 = time.perf_counter()
            np.save(path, view_features(model, images, size, transform, seed=1000 * colour + k))
            print(f"{path.name}: {len(train) / (time.perf_counter() - t0):.1f} images/s", flush=True)


def extract_open(args) -> None:
    """Plain and augmented pooled features of the open-set training and validation images, and plain features
    of the eight-class validation images (the unknown head's inputs; the test part is not read)."""
    from training.open_set import load_open_split, select_open

    out = Path(args.out)
    bundle = load_bundle(args.bundle)
    model, size = bundle.model, int(bundle.manifest["input_size"])
    known = labelled(read_dataset_manifest(args.data))
    if not (out / "plain.npy").is_file():
        np.save(
            out / "plain.npy",
            pooled_features(model, known, size, DEFAULT_CACHE_DIR, False, np.zeros(len(known), bool)),
        )
    records = read_dataset_manifest(args.open_set)
    split = load_open_split(args.open_split, args.open_set)
    for part in ("train", "val"):
        chosen = select_open(records, split, part)
        np.save(out / f"open-{part}-labels.npy", np.array([r.label for r in chosen]))
        np.save(out / f"open-{part}-topics.npy", np.array([r.detail or "" for r in chosen]))
        path = out / f"open-{part}-base.npy"
        if not path.is_file():
            np.save(
                path,
                pooled_features(model, chosen, size, DEFAULT_CACHE_DIR, False, np.zeros(len(chosen), bool)),
            )
        if part == "val":
            continue
        images = load_images(chosen, size, progress=False)
        for colour in [kind == "colour" for kind in args.kinds]:
            transform = augmentation(size, colour)
            for k in range(args.views):
                path = out / f"open-view-{'colour' if colour else 'paper'}-{k}.npy"
                if not path.is_file():
                    np.save(
                        path, view_features(model, images, size, transform, seed=5000 + 1000 * colour + k)
                    )


def unknown_scores(known: np.ndarray, other: np.ndarray, c: float, *evaluate: np.ndarray) -> list[np.ndarray]:
    """Fit the unknown head as training/open_set.fit_head does (sqrt, standardised on the known rows,
    class-balanced logistic regression) and score ``evaluate``."""
    from training.open_set import _logistic, _transform

    zk = _transform(known, "sqrt")
    mean, scale = zk.mean(0), zk.std(0) + 1e-6
    w, b = _logistic((zk - mean) / scale, (_transform(other, "sqrt") - mean) / scale, c, 0)
    return [1 / (1 + np.exp(-(((_transform(x, "sqrt") - mean) / scale) @ w + b))) for x in evaluate]


def fit_open(args) -> None:
    """The unknown head (training/open_set.fit_head's logistic regression, sqrt features) with and without
    augmented views, alone and summed with the eight-class head's uncertainty (-log of the top calibrated
    probability, both standardised on the validation eight-class images). Share of other-condition images
    caught at 5% of validation eight-class images: on the open-set validation part (topics also in
    training), and by a topic-grouped 4-fold cross-validation over train + validation other-condition images
    (topics never trained on: the acceptance set's case)."""
    from sklearn.model_selection import GroupKFold

    from training.open_set import OTHER_CONDITION, _tpr_at

    out = Path(args.out)
    bundle = load_bundle(args.bundle)
    weight = bundle.model._fc.weight.detach().double().numpy()
    bias = bundle.model._fc.bias.detach().double().numpy()
    temperature = float(bundle.manifest["temperature"])

    def uncertainty(x: np.ndarray) -> np.ndarray:
        logits = (x @ weight.T + bias) / temperature
        logits -= logits.max(1, keepdims=True)
        return np.log(np.exp(logits).sum(1))  # -log(top probability)

    records = labelled(read_dataset_manifest(args.data))
    split = splitlib.load_split(args.split, args.data)
    part = np.array([split["assignments"].get(str(r.path), "") for r in records])
    train_index = np.load(out / "train_index.npy")
    plain = np.load(out / "plain.npy")  # the station's features (no mirror)
    known_val, known_train = plain[part == "val"], plain[train_index]
    labels = {p: np.load(out / f"open-{p}-labels.npy") for p in ("train", "val")}
    topics = {p: np.load(out / f"open-{p}-topics.npy") for p in ("train", "val")}
    feats = {p: np.load(out / f"open-{p}-base.npy") for p in ("train", "val")}
    other = {p: labels[p] == OTHER_CONDITION for p in ("train", "val")}
    all_other = np.concatenate([feats["train"][other["train"]], feats["val"][other["val"]]])
    all_topics = np.concatenate([topics["train"][other["train"]], topics["val"][other["val"]]])
    u_val = uncertainty(known_val)
    u_mean, u_sd = u_val.mean(), u_val.std() + 1e-9

    def caught(known_s, other_s, known_u, other_u, alpha):
        def logit(p):
            p = np.clip(p, 1e-9, 1 - 1e-9)
            return np.log(p / (1 - p))

        k, o = logit(known_s), logit(other_s)
        m, sd = k.mean(), k.std() + 1e-9
        combined_k = (k - m) / sd + alpha * (known_u - u_mean) / u_sd
        combined_o = (o - m) / sd + alpha * (other_u - u_mean) / u_sd
        return _tpr_at(combined_k, combined_o, 0.05)

    alphas = (0.0, 0.25, 0.5, 1.0, 2.0)
    for kind, n in [("none", 0)] + [(k, n) for k in args.kinds for n in (2, args.views)]:
        kv = [np.load(out / f"view-{kind}-{k}.npy") for k in range(n)]
        ov = [np.load(out / f"open-view-{kind}-{k}.npy")[other["train"]] for k in range(n)]
        k_rows = np.concatenate([known_train, *kv])
        for c in (0.0003, 0.001, 0.003):
            o_rows = np.concatenate([feats["train"][other["train"]], *ov])
            val_o = feats["val"][other["val"]]
            ks, os_ = unknown_scores(k_rows, o_rows, c, known_val, val_o)
            row = {"views": f"{n} {kind}", "C": c}
            for a in alphas:
                row[f"val a={a}"] = round(caught(ks, os_, u_val, uncertainty(val_o), a), 3)
            # topic-grouped CV: the other-condition rows of the held-in topics train, the held-out ones score
            cv = {a: [] for a in alphas}
            for fit_i, held_i in GroupKFold(4).split(all_other, groups=all_topics):
                held_topics = set(all_topics[held_i])
                aug = [v[~np.isin(topics["train"][other["train"]], list(held_topics))] for v in ov]
                ks, hs = unknown_scores(
                    k_rows, np.concatenate([all_other[fit_i], *aug]), c, known_val, all_other[held_i]
                )
                for a in alphas:
                    cv[a].append(caught(ks, hs, u_val, uncertainty(all_other[held_i]), a))
            for a in alphas:
                row[f"cv a={a}"] = round(float(np.mean(cv[a])), 3)
            print(json.dumps(row), flush=True)


def outcomes(args) -> None:
    """Validation outcome shares (FLAG, unknown_condition, low-confidence REVIEW, CLEAR) of the eight-class
    and other-condition images for each bundle in ``--compare`` (one fused network, other open-set heads):
    a head that catches only what the low-confidence rule already refers moves nothing out of CLEAR."""
    from models.open_set import load_head
    from training.open_set import OTHER_CONDITION

    out = Path(args.out)
    records = labelled(read_dataset_manifest(args.data))
    split = splitlib.load_split(args.split, args.data)
    part = np.array([split["assignments"].get(str(r.path), "") for r in records])
    known = np.load(out / "plain.npy")[part == "val"]
    other = np.load(out / "open-val-base.npy")[np.load(out / "open-val-labels.npy") == OTHER_CONDITION]
    for path in args.compare:
        bundle = load_bundle(path)
        head, t = load_head(bundle), bundle.manifest["thresholds"]
        weight = bundle.model._fc.weight.detach().double().numpy()
        bias = bundle.model._fc.bias.detach().double().numpy()
        for name, x in (("eight-class", known), ("other_condition", other)):
            z = (x @ weight.T + bias) / bundle.manifest["temperature"]
            p = np.exp(z - z.max(1, keepdims=True))
            p /= p.sum(1, keepdims=True)
            unknown, not_skin = head.score_arrays(x)
            flag = p[:, 0] >= t["flag"]
            refused = (not_skin >= t["not_skin"]) & ~flag
            to_unknown = (unknown >= t["unknown"]) & ~flag & ~refused
            low = (p.max(1) < t["review"]) & ~flag & ~refused & ~to_unknown
            clear = ~(flag | refused | to_unknown | low)
            masks = {"flag": flag, "unknown": to_unknown, "low_confidence": low, "clear": clear}
            shares = {k: round(float(v.mean()), 3) for k, v in masks.items()}
            print(json.dumps({"bundle": path, "images": name, "n": len(x), **shares}), flush=True)


def fit(args) -> None:
    out = Path(args.out)
    records = labelled(read_dataset_manifest(args.data))
    split = splitlib.load_split(args.split, args.data)
    part = np.array([split["assignments"].get(str(r.path), "") for r in records])
    y, allowed = label_index(records, CLASSES), target_mask(records, CLASSES).numpy()
    sources = np.array([r.source for r in records])
    base = np.load(out / "base.npy")
    train_index = np.load(out / "train_index.npy")
    val = part == "val"
    single = train_index[y[train_index] >= 0]  # a partial label cannot train the head
    keep = y[train_index] >= 0
    arms = {"base (mirror-averaged rows)": []}
    for kind in ("paper", "colour"):
        views = sorted(out.glob(f"view-{kind}-*.npy"))
        for n in sorted({2, 4, len(views)}):
            if n <= len(views):
                arms[f"base + {n} {kind} views"] = [np.load(v)[keep] for v in views[:n]]
    for name, extra in arms.items():
        x_train = np.concatenate([base[single], *extra])
        y_train = np.concatenate([y[single]] * (1 + len(extra)))
        mean, std = x_train.mean(0), x_train.std(0) + 1e-6
        for c in (0.003, 0.01, 0.03, 0.1):
            for weighting in (None, "balanced"):
                clf = LogisticRegression(C=c, max_iter=3000, class_weight=weighting, random_state=0)
                clf.fit((x_train - mean) / std, y_train)
                probs = full_probs(clf, (base[val] - mean) / std, len(CLASSES))
                m = core_metrics(probs, y[val], allowed[val], CLASSES)
                by_source = {
                    s: round(
                        float(np.mean(probs[sources[val] == s].argmax(1) == y[val][sources[val] == s])), 3
                    )
                    for s in sorted(set(sources[val]))
                    if (y[val][sources[val] == s] >= 0).all()
                }
                row = dict(
                    arm=name,
                    C=c,
                    weight=weighting or "none",
                    val_macro_f1=round(m["macro_f1"], 4),
                    val_accuracy=round(m["accuracy"], 4),
                    by_source=by_source,
                )
                print(json.dumps(row), flush=True)


def main() -> None:
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    for name in ("extract", "fit", "extract-open", "fit-open", "outcomes"):
        s = sub.add_parser(name)
        s.add_argument("--out", required=True)
        s.add_argument("--data", required=True)
        s.add_argument("--split", required=True)
        s.add_argument("--open-set", default="../shared/data/open_set/manifest.csv")
        s.add_argument("--open-split", default="runs/r14-full/open_split.json")
        s.add_argument("--kinds", nargs="+", choices=("paper", "colour"), default=["paper", "colour"])
        if name in ("extract", "extract-open", "fit-open"):
            s.add_argument("--bundle", required=True)
        if name == "outcomes":
            s.add_argument("--compare", nargs="+", required=True, help="bundles of the same fused network")
        s.add_argument("--views", type=int, default=6)
    args = p.parse_args()
    commands = {"extract": extract, "fit": fit, "extract-open": extract_open, "fit-open": fit_open}
    commands["outcomes"] = outcomes
    commands[args.cmd](args)


if __name__ == "__main__":
    main()
