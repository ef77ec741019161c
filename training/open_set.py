"""Open-set screening, training side: split the open-set images, fit the bundle's open-set head, choose its
thresholds, and add it to a bundle (``mpox-train open-set``; the default recipe runs it).

- **Split** (:func:`make_open_split`): the open-set manifest is cut into ``train`` (fits the heads),
  ``val`` (chooses the head's settings and the thresholds) and ``test`` (held out: never used for a choice).
  The held-out part holds whole conditions (DermNet topics) and whole non-skin sources that appear nowhere
  else, plus a group-disjoint share of the others, so the test figures tell how the checks generalise to
  conditions and picture kinds they never saw. Near-duplicate groups never straddle parts.
- **Heads** (:func:`fit_head`): two logistic regressions on the bundle's own pooled features
  (``models.open_set``): eight classes (the bundle's training split) vs ``other_condition``, and eight
  classes vs ``not_skin``. The feature transform and regularisation are chosen on ``val`` only. For a fused
  bundle the not-skin head may also read the standardised logits of the ImageNet trunk's own classifier
  (:func:`imagenet_prior`; kept only when it catches more validation non-skin pictures): a few hundred
  non-skin training pictures cannot teach what ImageNet's 1.28 million did, and a topic-grouped estimate
  over non-skin sources never trained on rose from 0.851 to 0.885 with it (studies/study_not_skin.py).
- **Thresholds** (:func:`choose_thresholds`), on ``val`` only: ``not_skin`` so that at most ``max_not_skin``
  of the eight classes' images and no mpox image are sent to RETAKE; ``unknown`` so that at most
  ``max_unknown`` of them are sent to REVIEW as an unknown condition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from models.bundle import Bundle, load_bundle
from models.decision import Thresholds
from models.open_set import OPEN_SET_FILE, TRANSFORMS, OpenSetHead, pool
from models.runtime import EagerRuntime
from models.taxonomy import NOT_SKIN, OTHER_CONDITION

from . import splits as splitlib
from .bundle_draft import BundleDraft
from .cache import DEFAULT_CACHE_DIR, load_images
from .dataset_manifest import ManifestError, Record, labelled, open_set, read_dataset_manifest

C_GRID = (0.001, 0.003, 0.01)
NOT_SKIN_C = 0.01


def make_open_split(
    records: Sequence[Record],
    seed: int = 0,
    held_topics: int = 6,
    held_sources: int = 2,
    fractions: tuple[float, float, float] = (0.6, 0.2, 0.2),
) -> dict:
    """path -> train/val/test for the open-set records (see the module docstring); deterministic by seed."""
    records = open_set(list(records))
    if not records:
        raise ManifestError("the open-set manifest holds no 'other_condition' or 'not_skin' images")
    rng = np.random.default_rng(seed)
    topics = sorted({r.detail or r.group for r in records if r.label == OTHER_CONDITION})
    sources = sorted({r.source for r in records if r.label == NOT_SKIN})
    unseen_topics = _pick(rng, topics, held_topics)
    unseen_sources = _pick(rng, sources, held_sources)
    groups = sorted({r.group for r in records})
    rng.shuffle(groups)
    a, b = round(fractions[0] * len(groups)), round((fractions[0] + fractions[1]) * len(groups))
    part_of_group = {g: "train" if i < a else "val" if i < b else "test" for i, g in enumerate(groups)}
    assignments = {}
    for r in records:
        unseen = (r.label == OTHER_CONDITION and (r.detail or r.group) in unseen_topics) or (
            r.label == NOT_SKIN and r.source in unseen_sources
        )
        assignments[str(r.path)] = "test" if unseen else part_of_group[r.group]
    return {
        "seed": seed,
        "kind": "open_set",
        "unseen_topics": sorted(map(str, unseen_topics)),
        "unseen_sources": sorted(map(str, unseen_sources)),
        "assignments": assignments,
    }


def _pick(rng: np.random.Generator, names: list[str], n: int) -> set[str]:
    """``n`` names (at most a third of them) held out whole."""
    n = min(n, len(names) // 3)
    return {str(x) for x in rng.choice(names, n, replace=False)} if n else set()


def select_open(records: Sequence[Record], split: dict | None, part: str | None) -> list[Record]:
    """Open-set records of one part (all of them without a split)."""
    records = open_set(list(records))
    if split is None or part is None:
        return records
    return [r for r in records if split["assignments"].get(str(r.path)) == part]


def load_open_split(path: str | Path, manifest: str | Path) -> dict:
    split = splitlib.load_split(path, manifest)
    if split.get("kind") != "open_set":
        raise ManifestError(f"{path} is not an open-set split; make one with `mpox-train open-set`")
    return split


def ensure_open_split(path: str | Path, manifest: str | Path, seed: int = 0, write: bool = True) -> Path:
    """Make and save the open-set split at ``path`` unless it is there (a continued run reuses it); ``write``
    False only waits for another process to have made it (the other ranks of a distributed run)."""
    path = Path(path)
    if write and not path.is_file():
        splitlib.save_split(make_open_split(read_dataset_manifest(manifest), seed), path, manifest)
    return path


def pooled_features(
    bundle: Bundle, records: Sequence[Record], cache_dir=DEFAULT_CACHE_DIR, batch_size: int = 64
) -> np.ndarray:
    """(N, D) pooled target-layer features, made as the station makes them (same crop, same layer)."""
    images = load_images(list(records), bundle.manifest["input_size"], cache_dir, progress=False)
    device = next(bundle.model.parameters()).device
    runtime = EagerRuntime(bundle.model, device, bundle.manifest["cam_target_layer"])
    out = []
    for start in range(0, len(records), batch_size):
        batch = bundle.preprocessor.normalize(np.array(images[start : start + batch_size]))
        out.append(pool(runtime.run(batch, features=True)[1]))
    return np.concatenate(out) if out else np.zeros((0, 0))


def _transform(x: np.ndarray, transform: str) -> np.ndarray:
    return np.sqrt(np.maximum(x, 0.0)) if transform == "sqrt" else x


def _logistic(negative: np.ndarray, positive: np.ndarray, c: float, seed: int) -> tuple[np.ndarray, float]:
    """Weights and bias of a class-balanced logistic regression, positive vs negative."""
    z = np.concatenate([negative, positive])
    y = np.r_[np.zeros(len(negative)), np.ones(len(positive))]
    clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced", random_state=seed).fit(z, y)
    return clf.coef_[0].astype(np.float64), float(clf.intercept_[0])


@dataclass
class FeatureSet:
    """Pooled features of one part: eight-class images (with their labels) and open-set images."""

    known: np.ndarray
    known_labels: list[str]
    other: np.ndarray
    not_skin: np.ndarray
    known_sets: list[str] | None = None  # which image set each eight-class image comes from (default: one)


@dataclass
class HeadChoice:
    head: OpenSetHead
    transform: str
    c: float
    candidates: list[dict] = field(default_factory=list)  # val figures of every setting tried
    not_skin_prior: str | None = None  # what the not-skin head reads besides the features, if anything


def _tpr_at(
    scores_known: np.ndarray, scores_open: np.ndarray, max_fpr: float, sets: list[str] | None = None
) -> float:
    """Share of open-set scores above the threshold that keeps ``max_fpr`` on each known image set."""
    return float(np.mean(scores_open > _per_set_quantile(scores_known, sets, max_fpr)))


def _per_set_quantile(scores_known: np.ndarray, sets: list[str] | None, max_fpr: float) -> float:
    """The lowest score that at most ``max_fpr`` of *each* known image set exceeds. Per set, because a pooled
    quantile lets a large, easy set (the bundle's own validation split) hide a set of other sources that the
    check would refuse too often."""
    names = np.array(sets or ["data"] * len(scores_known))
    return max(float(np.quantile(scores_known[names == n], 1.0 - max_fpr)) for n in set(names))


@dataclass(frozen=True)
class LogitPrior:
    """A fixed linear classifier on the pooled features, e.g. a fused bundle's ImageNet trunk's own 1000-class
    classifier placed on that trunk's slice of them: ``logits = pooled @ weight.T + bias``."""

    weight: np.ndarray  # (K, D)
    bias: np.ndarray  # (K,)
    name: str

    def logits(self, pooled: np.ndarray) -> np.ndarray:
        return pooled @ self.weight.T + self.bias


def imagenet_prior(bundle: Bundle) -> LogitPrior | None:
    """The ImageNet classifiers of a fused bundle's ImageNet trunks (trunks 1..n of ``FusedLite``), or None
    for a bundle without one. A trunk whose weights differ from its ImageNet checkpoint gets none: its
    classifier would not match its features."""
    import torch

    from models.efficientnet_lite import FusedLite, lite_imagenet_checkpoint

    model = bundle.model
    if not isinstance(model, FusedLite):
        return None
    per = model.feature_dim_per_trunk
    weights, biases, names = [], [], []
    for i, variant in enumerate(model.variants[1:], start=1):
        path = lite_imagenet_checkpoint(variant)
        if path is None:
            continue
        state = torch.load(path, map_location="cpu", weights_only=True)
        trunk = model.trunks[i].state_dict()
        if any(not torch.equal(v.cpu(), state[k]) for k, v in trunk.items() if k in state):
            continue
        w = np.zeros((state["_fc.weight"].shape[0], per * len(model.trunks)))
        w[:, i * per : (i + 1) * per] = state["_fc.weight"].double().numpy()
        weights.append(w)
        biases.append(state["_fc.bias"].double().numpy())
        names.append(f"trunk {i} ({variant}) ImageNet classifier")
    if not weights:
        return None
    return LogitPrior(np.concatenate(weights), np.concatenate(biases), "; ".join(names))


def _not_skin_head(
    train: FeatureSet, z, prior: LogitPrior | None, seed: int
) -> tuple[np.ndarray, float, np.ndarray | None]:
    """The not-skin head's (weight on z, bias, raw weight): a logistic regression on z, or on z and the
    prior's standardised logits, folded back into a weight on the raw pooled features (logits are linear)."""
    if prior is None:
        w, b = _logistic(z(train.known), z(train.not_skin), NOT_SKIN_C, seed)
        return w, b, None
    logits_known = prior.logits(train.known)
    mean, scale = logits_known.mean(0), logits_known.std(0) + 1e-6

    def with_logits(x: np.ndarray) -> np.ndarray:
        return np.concatenate([z(x), (prior.logits(x) - mean) / scale], axis=1)

    coef, b = _logistic(with_logits(train.known), with_logits(train.not_skin), NOT_SKIN_C, seed)
    dim = train.known.shape[1]
    on_logits = coef[dim:] / scale
    return coef[:dim], b + float(on_logits @ (prior.bias - mean)), prior.weight.T @ on_logits


def fit_head(
    train: FeatureSet,
    val: FeatureSet,
    max_unknown: float = 0.05,
    seed: int = 0,
    max_not_skin: float = 0.01,
    prior: LogitPrior | None = None,
) -> HeadChoice:
    """Fit both heads for each setting on ``train``; keep the setting whose unknown head finds the most
    ``val`` other-condition images at ``max_unknown`` of ``val`` eight-class images, and the not-skin head
    (with or without ``prior``) that finds the most ``val`` non-skin pictures at ``max_not_skin``."""
    if min(len(train.known), len(train.other), len(train.not_skin)) == 0:
        raise ManifestError(
            "fitting the open-set head needs eight-class, other-condition and not-skin training images"
        )
    best, tried = None, []
    for transform in TRANSFORMS:
        known = _transform(train.known, transform)
        mean, scale = known.mean(0), known.std(0) + 1e-6

        def z(x: np.ndarray, mean=mean, scale=scale, transform=transform) -> np.ndarray:
            return (_transform(x, transform) - mean) / scale

        not_skin = None
        for use_prior in (False, True) if prior is not None else (False,):
            ns_w, ns_b, ns_raw = _not_skin_head(train, z, prior if use_prior else None, seed)
            probe = OpenSetHead(mean, scale, ns_w * 0, 0.0, ns_w, ns_b, transform, ns_raw)
            known_ns = probe.score_arrays(val.known)[1]
            t_ns = _not_skin_threshold(known_ns, val, max_not_skin)
            entry = {
                "head": "not_skin",
                "transform": transform,
                "prior": prior.name if use_prior else None,
                # caught at the threshold the station will use (choose_thresholds' rule)
                "val_tpr": float(np.mean(probe.score_arrays(val.not_skin)[1] >= t_ns)),
            }
            tried.append(entry)
            # A tie goes to the prior: on picture sources never trained on it generalised better
            # (studies/study_not_skin.py, leave-one-source-out over train + validation).
            if not_skin is None or entry["val_tpr"] >= not_skin[0]["val_tpr"]:
                not_skin = (entry, (ns_w, ns_b, ns_raw))
        ns_w, ns_b, ns_raw = not_skin[1]
        for c in C_GRID:
            un_w, un_b = _logistic(z(train.known), z(train.other), c, seed)
            head = OpenSetHead(mean, scale, un_w, un_b, ns_w, ns_b, transform, ns_raw)
            known_u, _ = head.score_arrays(val.known)
            other_u, _ = head.score_arrays(val.other)
            entry = {
                "head": "unknown",
                "transform": transform,
                "C": c,
                "not_skin_prior": not_skin[0]["prior"],
                "val_tpr": _tpr_at(known_u, other_u, max_unknown, val.known_sets),
                "val_auroc": _auroc(known_u, other_u),
            }
            tried.append(entry)
            if best is None or entry["val_tpr"] > best[0]["val_tpr"]:
                best = (entry, head)
    entry, head = best
    return HeadChoice(head, entry["transform"], entry["C"], tried, entry["not_skin_prior"])


def _auroc(known: np.ndarray, unknown: np.ndarray) -> float | None:
    if len(known) == 0 or len(unknown) == 0:
        return None
    return float(roc_auc_score(np.r_[np.zeros(len(known)), np.ones(len(unknown))], np.r_[known, unknown]))


def _not_skin_threshold(known_ns: np.ndarray, val: FeatureSet, max_not_skin: float) -> float:
    """The not-skin threshold: at most ``max_not_skin`` of each validation image set, and no mpox image, at
    or above it."""
    t = _per_set_quantile(known_ns, val.known_sets, max_not_skin)
    mpox = np.array([lab == "mpox" for lab in val.known_labels], dtype=bool)
    if mpox.any():
        t = max(t, float(known_ns[mpox].max()))
    return min(1.0, float(np.nextafter(t, 2.0)))


def choose_thresholds(
    head: OpenSetHead, val: FeatureSet, max_unknown: float = 0.05, max_not_skin: float = 0.01
) -> dict:
    """``unknown`` and ``not_skin`` thresholds from ``val`` (see the module docstring), with what they do
    there. A threshold sits just above the scores it must let through."""
    known_u, known_ns = head.score_arrays(val.known)
    mpox = np.array([lab == "mpox" for lab in val.known_labels])
    sets = np.array(val.known_sets or ["data"] * len(known_u))
    t_ns = _not_skin_threshold(known_ns, val, max_not_skin)
    t_un = _per_set_quantile(known_u, val.known_sets, max_unknown)
    t_un = min(1.0, np.nextafter(t_un, 2.0))
    other_u, other_ns = head.score_arrays(val.other)
    ns_u, ns_ns = head.score_arrays(val.not_skin)
    to_unknown, to_not_skin = (known_u >= t_un) & (known_ns < t_ns), known_ns >= t_ns
    return {
        "unknown": round(t_un, 6) if t_un < 1 else 1.0,
        "not_skin": round(t_ns, 6) if t_ns < 1 else 1.0,
        "val": {
            "known_sent_to_unknown": float(np.mean(to_unknown)),
            "known_sent_to_not_skin": float(np.mean(to_not_skin)),
            "mpox_sent_to_not_skin": int(np.sum(known_ns[mpox] >= t_ns)),
            "other_condition_caught": float(np.mean((other_u >= t_un) | (other_ns >= t_ns))),
            "not_skin_caught": float(np.mean(ns_ns >= t_ns)),
            "n_known": len(known_u),
            "n_other_condition": len(other_u),
            "n_not_skin": len(ns_u),
            "per_set": {
                str(name): {
                    "n": int(np.sum(sets == name)),
                    "sent_to_unknown": float(np.mean(to_unknown[sets == name])),
                    "sent_to_not_skin": float(np.mean(to_not_skin[sets == name])),
                }
                for name in sorted(set(sets))
            },
        },
    }


@dataclass
class OpenSetConfig:
    bundle: Path
    data: Path  # the eight-class manifest the bundle was trained on
    split_file: Path  # its split: train fits the heads, val chooses, test is never touched here
    open_set: Path  # the open-set manifest (../shared/data/open_set/manifest.csv)
    open_split: Path | None = None  # reused when it exists, else made and written here
    out: Path | None = None  # the bundle to write (default: the input bundle, rewritten atomically)
    seed: int = 0
    max_unknown: float = 0.05
    max_not_skin: float = 0.01
    cache_dir: Path = DEFAULT_CACHE_DIR
    # Eight-class images the bundle never trained on (e.g. ../shared/data/skin_more/manifest.csv), split by
    # group into halves that join the heads' training and validation images: the heads then learn what an
    # unseen eight-class picture looks like, not only the backbone's own training images.
    extra_known: Path | None = None


def _extra_known(cfg: OpenSetConfig) -> dict[str, list[Record]]:
    """``cfg.extra_known``'s eight-class images: half of the groups train the heads, half choose."""
    if cfg.extra_known is None:
        return {"train": [], "val": []}
    records = labelled(read_dataset_manifest(cfg.extra_known))
    groups = sorted({r.group for r in records})
    np.random.default_rng(cfg.seed).shuffle(groups)
    to_train = set(groups[: len(groups) // 2])
    return {
        "train": [r for r in records if r.group in to_train],
        "val": [r for r in records if r.group not in to_train],
    }


def _features(
    bundle: Bundle, known: list[Record], opened: list[Record], cache_dir, extra: list[Record] = ()
) -> FeatureSet:
    kf = pooled_features(bundle, list(known) + list(extra), cache_dir)
    of = pooled_features(bundle, opened, cache_dir)
    other = np.array([r.label == OTHER_CONDITION for r in opened], dtype=bool)
    labels = [r.label for r in (*known, *extra)]
    return FeatureSet(kf, labels, of[other], of[~other], ["data"] * len(known) + ["extra_known"] * len(extra))


def add_open_set(cfg: OpenSetConfig) -> dict:
    """Fit the open-set head of ``cfg.bundle`` and write the bundle with it (to ``cfg.out``, default in place:
    one atomic write, its other files kept); returns the manifest block."""
    draft = BundleDraft.of(load_bundle(cfg.bundle))
    block = open_set_head_into(draft, cfg)
    draft.write(cfg.out or cfg.bundle)
    return block


def open_set_head_into(draft: BundleDraft, cfg: OpenSetConfig) -> dict:
    """Fit the open-set head of the draft's network (``cfg.bundle`` is not read) and add it, its manifest
    block and its thresholds to the draft; returns the block."""
    bundle = draft.as_bundle()
    known_records = labelled(read_dataset_manifest(cfg.data))
    split = splitlib.load_split(cfg.split_file, cfg.data)
    open_records = read_dataset_manifest(cfg.open_set)
    split_path = ensure_open_split(
        cfg.open_split or Path(cfg.out or cfg.bundle).parent / "open_split.json", cfg.open_set, cfg.seed
    )
    open_split = load_open_split(split_path, cfg.open_set)
    extra = _extra_known(cfg)
    parts = {
        part: _features(
            bundle,
            splitlib.select(known_records, split, part),
            select_open(open_records, open_split, part),
            cfg.cache_dir,
            extra[part],
        )
        for part in ("train", "val")
    }
    choice = fit_head(
        parts["train"], parts["val"], cfg.max_unknown, cfg.seed, cfg.max_not_skin, imagenet_prior(bundle)
    )
    chosen = choose_thresholds(choice.head, parts["val"], cfg.max_unknown, cfg.max_not_skin)
    block = {
        "file": OPEN_SET_FILE,
        "transform": choice.transform,
        "feature": f"spatial mean of {bundle.manifest['cam_target_layer']}",
        "method": "logistic regressions on the pooled features: eight classes vs other_condition (unknown), "
        "eight classes vs not_skin (not_skin); setting and thresholds chosen on validation images",
        "C_unknown": choice.c,
        "C_not_skin": NOT_SKIN_C,
        "not_skin_prior": choice.not_skin_prior,
        "settings_tried": choice.candidates,
        "targets": {"max_unknown": cfg.max_unknown, "max_not_skin": cfg.max_not_skin},
        "validation": chosen["val"],
        "data": {
            "open_set_manifest": str(cfg.open_set),
            "open_split": str(split_path),
            "unseen_topics_in_test": open_split.get("unseen_topics", []),
            "unseen_sources_in_test": open_split.get("unseen_sources", []),
            "extra_known": str(cfg.extra_known) if cfg.extra_known else None,
            "n_train": {
                "known": len(parts["train"].known),
                "other_condition": len(parts["train"].other),
                "not_skin": len(parts["train"].not_skin),
            },
            "n_val": {
                "known": len(parts["val"].known),
                "other_condition": len(parts["val"].other),
                "not_skin": len(parts["val"].not_skin),
            },
        },
    }
    thresholds = Thresholds.from_dict(bundle.manifest["thresholds"])
    thresholds = Thresholds(
        thresholds.flag,
        thresholds.review,
        thresholds.flagged_classes,
        unknown=chosen["unknown"],
        not_skin=chosen["not_skin"],
    )
    draft.add({OPEN_SET_FILE: choice.head.to_bytes()}, open_set=block, thresholds=thresholds.as_dict())
    return block


def summary(block: dict) -> str:
    v = block["validation"]
    return (
        f"open-set head ({block['transform']}, C={block['C_unknown']}) on validation images: "
        f"eight-class images sent to unknown {v['known_sent_to_unknown']:.1%}, to not-skin "
        f"{v['known_sent_to_not_skin']:.1%} (mpox: {v['mpox_sent_to_not_skin']}); other conditions "
        f"caught {v['other_condition_caught']:.1%}; non-skin caught {v['not_skin_caught']:.1%}"
    )
