"""End-to-end recipes: the embedded default model, and the paper's configuration.

    default: EfficientNet-Lite0 (offline ImageNet weights) -> SimCLR on the unlabelled images -> fine-tuning
             on the eight classes (MSLD ``others`` as a partial label) -> temperature calibration on the
             validation split -> mpox flag threshold chosen on the validation split -> evaluation on the
             held-out test split -> baseline (logistic regression on frozen ImageNet features) -> bundle +
             model card.
    paper:   ResNeXt101_64x4d, SimCLR on ISIC 2019, the paper's augmentation and hyper-parameters.

Every stage writes into its own folder under ``out`` and is skipped when its result is already there, so a
stopped recipe continues where it was.
"""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import torch

from models.bundle import MODEL_CARD_NAME, Bundle, load_bundle, sha256_file
from models.decision import Thresholds
from models.fsutil import replace_dir
from models.preprocessing import Preprocessor
from models.registry import get_spec
from models.serving import SERVING_KEY, ServingUnavailable
from models.trust import pin_bundle

from . import splits as splitlib
from .bundle_draft import BundleDraft
from .cache import load_images
from .dataset_manifest import ManifestError, labelled, read_dataset_manifest
from .evaluation import (
    EvalData,
    bundle_split,
    corner_mask_check,
    eval_data,
    full_metrics,
    mpox_operating_point,
    mpox_positive,
    operating_point,
)
from .export import command_line, git_commit
from .fit import FitConfig, fit
from .metrics import bootstrap_ci, core_metrics
from .model_card import model_card_text
from .onnx_export import check_written_graph, serving_graph_into
from .probe import full_probs, linear_probe
from .report import write_report
from .settings import comma_ints, comma_list, setting

# FitConfig fields the recipe fills in itself at each fine-tuning (the run's files and seed, the chosen
# start): not recipe options.
SET_BY_THE_RECIPE = (
    "manifest",
    "out_dir",
    "split_file",
    "seed",
    "init_head",
    "resume",
    "bundle_name",
    "open_set",
    "open_split",
    "fold",
    "eval_test_each_epoch",
    "classes",
)

# The default recipe's fine-tuning. Chosen by a GPU sweep of 20 settings on validation only (docs/training.md,
# "GPU sweep"): AdamW 3e-4 from a random head, no class weights, no label smoothing, the paper's augmentation
# at p=0.5, 30 cosine epochs beat the linear probe on validation macro-F1 (0.70-0.74 over seeds against 0.68).
# Class weights with label smoothing, and the earlier LP-FT at 5e-5, stayed at or below the probe. The best
# epochs in the sweep came late in the cosine schedule (7-27 of 30): no early stopping. A 2-core CPU budget:
# blocks 8-15 and the head are trained (3x faster than the whole network on this CPU; on the GPU sweep, within
# the seed-to-seed spread of training everything). The network, its input size, the image cache, the workers
# and the progress bars are the whole recipe's (SimCLR, the probes and fusion use them too).
DEFAULT_FINE_TUNING = FitConfig(
    manifest="",
    out_dir="",
    arch="efficientnet_lite0",
    init="imagenet",
    input_size=192,
    epochs=30,
    batch_size=32,
    lr=3e-4,
    optimizer="adamw",
    weight_decay=0.05,
    freeze_below="_blocks.8",
    num_workers=1,
)


@dataclass
class RecipeConfig:
    """A named end-to-end recipe. Each option is declared once (training/settings.py); fine-tuning's options
    are FitConfig's, nested in ``fine_tune``. ``mpox-train recipe`` derives its flags from both."""

    manifest: str = setting(
        "",
        help="labelled manifest CSV (its unlabelled rows feed SimCLR)",
        flag="--data",
        required_on_command_line=True,
    )
    out: str = setting(
        "", help="run folder; a stopped run continues where it was", required_on_command_line=True
    )
    name: str = setting("default", help="bundle name", on_command_line=False)
    seed: int = setting(0, help="seed of the split, SimCLR and (unless --fit-seed) fine-tuning")
    fit_seed: int | None = setting(
        None,
        help="fine-tuning's own seed: another draw of the same fine-tuning on the same split, to measure how "
        "much a recipe's validation figure moves between draws",
    )
    soup_seeds: tuple[int, ...] = setting(
        (),
        help="seeds of further fine-tuning draws (same split, start and settings) whose weights are averaged "
        "with the first into one network, a model soup (training/soup.py; one network per frame); none: one "
        "draw",
        parse=comma_ints,
        metavar="SEEDS",
    )
    ssl_data: str = setting(
        "", help="SimCLR images: a folder or manifest (default: the manifest's unlabelled rows)"
    )
    ssl_epochs: int = setting(1, help="SimCLR epochs (0: no SimCLR)", at_least=0)
    ssl_input_size: int = setting(112, help="SimCLR image size", at_least=1)
    ssl_batch_size: int = setting(64, help="SimCLR batch size", at_least=2)
    # Gentle: 20 steps at the paper's lr 0.06 spoilt the ImageNet features (docs/ssl.md, kNN monitor).
    ssl_lr: float = setting(0.02, help="SimCLR learning rate", at_least=0)
    ssl_max_steps: int = setting(
        30, help="SimCLR steps at most (0: no limit other than the epochs)", at_least=0
    )
    fine_tune: FitConfig = setting(
        help="fine-tuning's options", default_factory=lambda: DEFAULT_FINE_TUNING, on_command_line=False
    )
    # Which starting point fine-tuning uses when SimCLR ran: the one whose frozen features give the better
    # linear probe on validation (ImageNet or ImageNet+SimCLR). Off: always the SimCLR backbone.
    start_by_probe: bool = setting(
        True, help="start fine-tuning from whichever of ImageNet and SimCLR probes better on validation"
    )
    # On: at the 30-epoch AdamW setting it beat a fresh head on validation (fused macro-F1 0.813 against
    # 0.787, the fine-tuned trunk alone 0.791 against 0.773, and every epoch from the 12th at 0.74-0.79
    # against 0.70-0.75; docs/recipes.md).
    probe_head: bool = setting(
        True,
        help="start fine-tuning from the linear probe's head (LP-FT; the default recipe's choice) or, with "
        "--no-lp-ft, from a fresh head (the paper recipe's); the starting point competes for the best epoch",
        flag="--lp-ft",
    )
    target_specificity: float = setting(
        0.97,
        help="the mpox flag's specificity on validation (its threshold is chosen there)",
        at_least=0,
        at_most=1,
    )
    review_threshold: float = setting(
        0.6,
        help="top probability below which a case is referred (the paper's 0.6)",
        at_least=0,
        at_most=1,
        on_command_line=False,
    )
    n_boot: int = setting(1000, help="bootstrap resamples of the test figures' intervals", at_least=0)
    baseline: bool = setting(
        True, help="the frozen-feature baseline (logistic regression on ImageNet features)"
    )
    int8: bool = setting(
        False,
        help="add an int8 graph (training/quantize.py) calibrated on validation images, kept only at >= "
        "99.5%% top-1 agreement with the float model there: the fast CPU path for large networks",
        on_command_line=False,
    )
    install: str = setting("", help="copy the final bundle here (e.g. models/bundles/default)")
    # Open-set screening (issue 13): split once into train/val/test (open_split.json in the run folder). Its
    # training part joins fine-tuning with the outlier-exposure loss (training/losses.py); the open-set head
    # is fitted on the training part and its thresholds chosen on the validation part (training/open_set.py);
    # the test part is screened once, through the station's path, for the model card.
    open_set: str = setting(
        "",
        help="open-set manifest (other_condition, not_skin): outlier exposure, the bundle's open-set head "
        "and its held-out figures (e.g. ../shared/data/open_set/manifest.csv)",
    )
    open_set_extra_known: str = setting(
        "",
        help="eight-class images the run does not train on (e.g. ../shared/data/skin_more/manifest.csv): "
        "half fit the open-set heads, half choose their thresholds",
    )
    outlier_exposure: bool = setting(
        True, help="the open-set training images join fine-tuning (outlier exposure)", on_command_line=False
    )
    max_unknown: float = setting(
        0.05,
        help="share of validation eight-class images the unknown check may take",
        at_least=0,
        at_most=1,
        on_command_line=False,
    )
    max_not_skin: float = setting(
        0.01,
        help="share of validation eight-class images the not-skin check may take",
        at_least=0,
        at_most=1,
        on_command_line=False,
    )
    # Each is split on its own with the seed, group-aware, and the splits joined: adding one never moves an
    # image of the others to another side.
    extra_data: tuple[str, ...] = setting(
        (),
        help="more labelled manifests (e.g. ../shared/data/skin_more/manifest.csv), comma-separated, each "
        "split on its own with the seed and joined",
        flag="--more-data",
        parse=comma_list,
        metavar="MANIFESTS",
    )
    # Chosen on validation over single and paired trunks (docs/training.md).
    fuse_with: tuple[str, ...] = setting(
        ("efficientnet_lite0",),
        help="ImageNet trunks fused with the fine-tuned one under one linear head chosen on validation "
        "(training/fusion.py), comma-separated; none: the fine-tuned network alone",
        parse=comma_list,
    )
    fusion_input_size: int = setting(
        224, help="input size of the fused network (0: fine-tuning's)", at_least=0
    )
    fit_from: str = setting(
        "",
        help="reuse this fine-tuned bundle instead of SimCLR + fine-tuning (it must have trained on this "
        "run's training side: the same manifest and seed, which the recipe checks)",
    )

    def record(self) -> dict:
        """The options as one flat dict (recorded in the report and the bundle's provenance): the recipe's,
        and fine-tuning's except the ones the recipe fills in itself."""
        fine = {k: v for k, v in asdict(self.fine_tune).items() if k not in SET_BY_THE_RECIPE}
        own = {k: v for k, v in asdict(self).items() if k != "fine_tune"}
        return json.loads(json.dumps({**fine, **own}, default=str))


def fine_tuning_settings() -> tuple[str, ...]:
    """The FitConfig fields a recipe takes as its own options."""
    return tuple(f.name for f in fields(FitConfig) if f.name not in SET_BY_THE_RECIPE)


def with_settings(cfg: RecipeConfig, **settings) -> RecipeConfig:
    """``cfg`` with these options changed; each is a RecipeConfig field or one of fine-tuning's."""
    tuning = set(fine_tuning_settings())
    fine = {k: settings.pop(k) for k in list(settings) if k in tuning}
    return replace(cfg, fine_tune=replace(cfg.fine_tune, **fine), **settings)


DEFAULT = RecipeConfig()
PAPER = with_settings(
    DEFAULT,
    name="paper",
    arch="resnext101_64x4d",
    init="random",  # the paper pre-trained from scratch with SimCLR on ISIC 2019
    ssl_epochs=100,
    ssl_max_steps=0,
    ssl_lr=0.06,
    ssl_input_size=224,
    ssl_batch_size=256,
    input_size=224,
    epochs=100,
    batch_size=32,
    lr=0.001,
    optimizer="sgd",
    weight_decay=1e-4,
    freeze_below="",
    start_by_probe=False,
    probe_head=False,
    int8=True,
    fuse_with=(),
)
RECIPES = {"default": DEFAULT, "paper": PAPER}


def install_bundle(final: Path, install: Path) -> None:
    """Copy the bundle ``final`` to ``install`` (e.g. models/bundles/default) atomically: copied beside it
    first, then swapped in (models.fsutil.replace_dir), so a failed copy leaves the installed bundle as
    it was."""
    install.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{install.name}.", dir=install.parent))
    try:
        shutil.copytree(final, tmp, dirs_exist_ok=True)  # also copies the folder's mode (mkdtemp's is 0700)
        replace_dir(tmp, install)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def choose_flag_threshold(p_flag: np.ndarray, is_positive: np.ndarray, target_specificity: float) -> dict:
    """The lowest threshold whose specificity on these (validation) images reaches the target.

    The lowest such threshold gives the highest recall the specificity target allows. Thresholds are
    kept in [0.05, 0.95] so that one unusual validation image cannot push the flag to an extreme.
    """
    negatives = p_flag[~is_positive]
    positives = p_flag[is_positive]
    candidates = np.unique(np.concatenate([p_flag, [0.05, 0.5, 0.95]]))
    candidates = candidates[(candidates >= 0.05) & (candidates <= 0.95)]
    chosen = 0.95
    for t in candidates:  # ascending
        specificity = float(np.mean(negatives < t)) if len(negatives) else 1.0
        if specificity >= target_specificity:
            chosen = float(t)
            break
    return {
        "threshold": round(chosen, 4),
        "val_specificity": float(np.mean(negatives < chosen)) if len(negatives) else None,
        "val_recall": float(np.mean(positives >= chosen)) if len(positives) else None,
        "n_val_positive": int(len(positives)),
        "n_val_negative": int(len(negatives)),
    }


def frozen_features(backbone: torch.nn.Module, cfg: RecipeConfig, records) -> np.ndarray:
    """(N, feature_dim) features of the cached, serving-preprocessed images (no augmentation)."""
    spec = get_spec(cfg.fine_tune.arch)
    pre = Preprocessor(cfg.fine_tune.input_size, spec.mean, spec.std)
    images = load_images(
        records, cfg.fine_tune.input_size, cfg.fine_tune.cache_dir, progress=cfg.fine_tune.progress
    )
    backbone.eval()
    feats = []
    with torch.inference_mode():
        for start in range(0, len(records), 64):
            feats.append(backbone(pre.normalize(np.array(images[start : start + 64]))).numpy())
    return np.concatenate(feats)


def _start_name(init: str) -> str:
    """Folder name of a starting point: 'simclr' for any SimCLR backbone, else the init itself."""
    return "simclr" if init.startswith("simclr:") else init


def start_features(cfg: RecipeConfig, out: Path, records, init: str) -> np.ndarray:
    """Frozen features of a fine-tuning starting point, computed once per run (the linear probe and the
    baseline both need the ImageNet ones) and kept under ``out/features``."""
    from models.registry import replace_head

    from .fit import build_initial_model

    path = out / "features" / f"{_start_name(init)}-{cfg.fine_tune.input_size}.npy"
    if path.is_file():
        return np.load(path)
    model, _ = build_initial_model(cfg.fine_tune.arch, 8, init)
    x = frozen_features(replace_head(model, get_spec(cfg.fine_tune.arch), torch.nn.Identity()), cfg, records)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, x)
    return x


def frozen_feature_baseline(cfg: RecipeConfig, out: Path, records, split: dict) -> dict:
    """The simple baseline: logistic regression on frozen ImageNet features of the same backbone, measured
    on the test split like the model."""
    from models.taxonomy import CLASSES

    # ImageNet features where weights exist offline (tests' tiny_cnn has none: random features).
    init = "imagenet" if get_spec(cfg.fine_tune.arch).imagenet_checkpoint() else "random"
    probe = linear_probe(start_features(cfg, out, records, init), records, split, cfg.seed)
    test = probe["part"] == "test"
    probs = full_probs(probe["clf"], probe["xs"][test], len(CLASSES))
    y, allowed = probe["y"][test], probe["allowed"][test]
    metrics = core_metrics(probs, y, allowed, CLASSES)
    metrics["ci95"] = bootstrap_ci(probs, y, allowed, CLASSES, n_boot=cfg.n_boot, seed=cfg.seed)
    metrics["C"], metrics["class_weight"], metrics["features"] = probe["C"], probe["class_weight"], init
    metrics["p_mpox"] = probs[:, 0].tolist()
    return metrics


def _probe(cfg: RecipeConfig, out: Path, records, split: dict, init: str) -> dict:
    """Linear probe on the frozen features of a starting point; saved as a head for fine-tuning (LP-FT)."""
    from safetensors.torch import save_file

    folder = out / "linear_probe" / _start_name(init)
    if (folder / "probe.json").is_file():
        return json.loads((folder / "probe.json").read_text())
    probe = linear_probe(start_features(cfg, out, records, init), records, split, cfg.seed)
    folder.mkdir(parents=True, exist_ok=True)
    tensors = {
        "weight": torch.tensor(probe["weight"], dtype=torch.float32),
        "bias": torch.tensor(probe["bias"], dtype=torch.float32),
    }
    save_file(tensors, folder / "head.safetensors")
    summary = {k: probe[k] for k in ("C", "class_weight", "val_macro_f1")}
    summary.update(init=init, head=str(folder / "head.safetensors"))
    (folder / "probe.json").write_text(json.dumps(summary, indent=2))
    return summary


def choose_start(cfg: RecipeConfig, out: Path, records, split: dict, backbone: Path | None) -> dict:
    """Where fine-tuning starts. With SimCLR, its backbone is kept only if a linear probe on its frozen
    features beats one on the initial (ImageNet) features on validation macro-F1: a short CPU-budget SimCLR
    can spoil pre-trained features (docs/ssl.md), and the test split is never used for this choice."""
    candidates = [f"simclr:{backbone}"] if backbone else []
    if not backbone or cfg.start_by_probe:
        candidates.append(cfg.fine_tune.init)
    if len(candidates) == 1 and not cfg.probe_head:
        return {"init": candidates[0], "head": None, "probes": {}}
    probes = {c: _probe(cfg, out, records, split, c) for c in candidates}
    best = max(candidates, key=lambda c: probes[c]["val_macro_f1"])  # ties: SimCLR (listed first)
    return {"init": best, "head": probes[best]["head"] if cfg.probe_head else None, "probes": probes}


def _resolve_open_split(cfg: RecipeConfig, out: Path) -> Path | None:
    """The open-set split of the run (made once, reused by a continued run); None without open-set data."""
    if not cfg.open_set:
        return None
    from .open_set import ensure_open_split

    return ensure_open_split(out / "open_split.json", cfg.open_set, cfg.seed)


def _resolve_data(cfg: RecipeConfig, out: Path) -> Path:
    """The run's labelled manifest: ``cfg.manifest`` itself, or with ``extra_data`` one manifest joining them
    (written once into the run folder, absolute paths)."""
    if not cfg.extra_data:
        return Path(cfg.manifest)
    joined = out / "data" / "manifest.csv"
    if not joined.is_file():
        from .dataset_manifest import write_dataset_manifest

        write_dataset_manifest(
            [r for m in (cfg.manifest, *cfg.extra_data) for r in read_dataset_manifest(m)], joined
        )
    return joined


def _resolve_split(cfg: RecipeConfig, out: Path, manifest: Path) -> Path:
    path = out / "split.json"
    if not path.is_file():
        split = splitlib.joint_split([Path(cfg.manifest), *map(Path, cfg.extra_data)], seed=cfg.seed)
        splitlib.save_split(split, path, manifest)
    return path


def _reused_split(prov: dict, where: Path) -> dict:
    """The split a reused bundle was trained with (``evaluation.bundle_split``: its recorded, unchanged file,
    or the split remade from its recorded manifest and seed when that hashes to the recorded one)."""
    manifest = prov.get("manifest")
    split, how = bundle_split(prov, manifest) if manifest else (None, "its provenance names no manifest")
    if split is None:
        raise ManifestError(
            f"--fit-from {where}: the split it was trained with cannot be found ({how}), so it cannot be "
            "checked that it never trained on this run's validation or test images"
        )
    return split


def _check_reused_fit(fit_bundle: Path, split: dict) -> None:
    """A reused fine-tuned bundle must not have trained on this run's validation or test images: its split
    must give every image of its own manifest the side this run's split gives it."""
    theirs = _reused_split(load_bundle(fit_bundle).manifest.get("provenance", {}), fit_bundle)["assignments"]
    ours = split["assignments"]
    moved = [p for p, side in theirs.items() if ours.get(p, side) != side]
    if moved:
        raise ManifestError(
            f"--fit-from {fit_bundle}: {len(moved)} images are on another side of this run's split than "
            f"in the split it was trained with (e.g. {moved[0]}); use the same manifest and seed"
        )


def _fit_seed(cfg: RecipeConfig) -> int:
    return cfg.seed if cfg.fit_seed is None else cfg.fit_seed


def _fine_tune(
    cfg: RecipeConfig,
    manifest: Path,
    split_path: Path,
    open_split: Path | None,
    fit_dir: Path,
    seed: int,
    init: str,
    head: str | None,
) -> Path:
    """One fine-tuning draw into ``fit_dir`` (continued if it was stopped); returns its bundle."""
    bundle = fit_dir / "bundle"
    if (bundle / "manifest.json").is_file():
        return bundle
    fit(
        replace(
            cfg.fine_tune,
            manifest=manifest,
            out_dir=fit_dir,
            split_file=split_path,
            init=init,
            init_head=head,
            seed=seed,
            resume=(fit_dir / "last.pt").is_file(),
            bundle_name=cfg.name,
            open_set=cfg.open_set if open_split and cfg.outlier_exposure else None,
            open_split=open_split if cfg.outlier_exposure else None,
        )
    )
    return bundle


def _soup(cfg: RecipeConfig, out: Path, draws: list[Path], records, split: dict) -> Path:
    """The fine-tuning draws averaged into one network (training/soup.py), written once to ``out/soup``."""
    from .soup import make_soup

    bundle = out / "soup" / "bundle"
    if (bundle / "manifest.json").is_file():
        return bundle
    result = make_soup(
        draws,
        splitlib.select(records, split, "val"),
        bundle,
        cache_dir=cfg.fine_tune.cache_dir,
        name=cfg.name,
    )
    own = ", ".join(f"{v:.4f}" for v in result.ingredient_val_macro_f1.values())
    print(
        f"recipe {cfg.name}: soup of {len(draws)} fine-tuning draws, validation macro-F1 "
        f"{result.val_macro_f1:.4f} (draws: {own})",
        flush=True,
    )
    return result.bundle


def _fuse(cfg: RecipeConfig, out: Path, fit_bundle: Path, records, split: dict) -> dict:
    """The fusion stage (training/fusion.py), written once to ``out/fused``; returns its choice."""
    from .fusion import fuse_bundle

    folder = out / "fused"
    done = folder / "fusion.json"
    if done.is_file():
        return json.loads(done.read_text())
    result = fuse_bundle(
        fit_bundle,
        tuple(cfg.fuse_with),
        records,
        split,
        folder / "bundle",
        input_size=cfg.fusion_input_size or None,
        seed=cfg.seed,
        cache_dir=cfg.fine_tune.cache_dir,
        progress=cfg.fine_tune.progress,
    )
    choice = {
        "bundle": str(result.bundle),
        "arch": result.arch,
        "trunks": [cfg.fine_tune.arch, *cfg.fuse_with],
        "C": result.C,
        "class_weight": result.class_weight,
        "val_macro_f1": round(result.val_macro_f1, 4),
        "temperature": result.temperature,
    }
    done.write_text(json.dumps(choice, indent=2))
    print(
        f"recipe {cfg.name}: fused {choice['trunks']} -> {result.arch}, validation macro-F1 "
        f"{choice['val_macro_f1']}",
        flush=True,
    )
    return choice


def _pretrain(cfg: RecipeConfig, out: Path) -> Path:
    from training.ssl.trainer import PretrainConfig, pretrain

    ssl_out = out / "simclr"
    done = ssl_out / "recipe_done.json"
    if done.is_file():
        return Path(json.loads(done.read_text())["backbone"])
    result = pretrain(
        PretrainConfig(
            arch=cfg.fine_tune.arch,
            data=cfg.ssl_data or cfg.manifest,
            out=str(ssl_out),
            init=cfg.fine_tune.init,
            epochs=cfg.ssl_epochs,
            batch_size=cfg.ssl_batch_size,
            input_size=cfg.ssl_input_size,
            lr=cfg.ssl_lr,
            seed=cfg.seed,
            num_workers=cfg.fine_tune.num_workers,
            resume=(ssl_out / "checkpoint.pt").is_file(),
            progress=cfg.fine_tune.progress,
            max_steps=cfg.ssl_max_steps,
            freeze_below=cfg.fine_tune.freeze_below,
        )
    )
    done.write_text(json.dumps({"backbone": str(result.backbone_path), "steps": result.steps}))
    return result.backbone_path


@dataclass
class RunData:
    """What the stages of one run read: its options, its folder, its labelled images and their splits."""

    cfg: RecipeConfig
    out: Path
    manifest: Path  # the run's labelled manifest (``cfg.manifest``, or joined with ``extra_data``)
    records: list
    split_path: Path
    split: dict
    open_split: Path | None  # the open-set split; None without open-set data


def _check_options(cfg: RecipeConfig) -> None:
    """Refuse options that cannot work before hours of training, not after."""
    if cfg.fuse_with:
        from .fusion import fused_arch

        fused_arch(cfg.fine_tune.arch, tuple(cfg.fuse_with))
    for given in (cfg.manifest, *cfg.extra_data):
        if not Path(given).is_file():
            raise ManifestError(f"manifest {given} not found; make one with `mpox-train data`")
    if cfg.soup_seeds and (
        cfg.fit_from or len(set(cfg.soup_seeds)) < len(cfg.soup_seeds) or _fit_seed(cfg) in cfg.soup_seeds
    ):
        raise ManifestError(
            "--soup-seeds: give seeds other than the fine-tuning seed, each once, and no --fit-from "
            "(a reused bundle is not fine-tuned again)"
        )
    if cfg.fine_tune.outlier_output and not (cfg.open_set and cfg.outlier_exposure):
        raise ManifestError(
            "the outlier output is trained on open-set images: give --open-set MANIFEST, "
            "or drop --outlier-output"
        )


def _run_data(cfg: RecipeConfig, out: Path) -> RunData:
    manifest = _resolve_data(cfg, out)
    records = labelled(read_dataset_manifest(manifest))
    split_path = _resolve_split(cfg, out, manifest)
    split = splitlib.load_split(split_path, manifest)
    return RunData(cfg, out, manifest, records, split_path, split, _resolve_open_split(cfg, out))


def _fit_stage(run: RunData) -> tuple[Path, dict]:
    """The fine-tuned network's bundle and where fine-tuning started: SimCLR, the start chosen on validation,
    one fine-tuning draw or several averaged into a soup; or the reused bundle (``fit_from``)."""
    cfg, out = run.cfg, run.out
    if cfg.fit_from:
        fit_bundle = Path(cfg.fit_from)
        _check_reused_fit(fit_bundle, run.split)
        reused = f"reused fine-tuned bundle {load_bundle(fit_bundle).short_hash}"
        return fit_bundle, {"init": reused, "head": None, "probes": {}}
    backbone = _pretrain(cfg, out) if cfg.ssl_epochs > 0 else None
    start = choose_start(cfg, out, run.records, run.split, backbone)
    init, head = start["init"], start["head"]
    if cfg.soup_seeds and init == "random":  # before hours of training, not at the soup stage
        raise ManifestError(
            "--soup-seeds averages draws that start from the same weights, but this run starts from "
            "random weights, drawn anew with each seed: use --init imagenet, or SimCLR"
        )
    seeds = {"fit": _fit_seed(cfg), **{f"fit-seed{s}": s for s in cfg.soup_seeds}}  # folder -> seed
    draws = [
        _fine_tune(cfg, run.manifest, run.split_path, run.open_split, out / folder, seed, init, head)
        for folder, seed in seeds.items()
    ]
    fit_bundle = _soup(cfg, out, draws, run.records, run.split) if len(draws) > 1 else draws[0]
    return fit_bundle, start


def _flag_threshold(run: RunData, bundle: Bundle) -> tuple[dict, Thresholds]:
    """The mpox flag's threshold, chosen on validation images only (the test split is touched once, later),
    and the bundle's thresholds with it."""
    cfg = run.cfg
    val = eval_data(bundle, splitlib.select(run.records, run.split, "val"), cfg.fine_tune.cache_dir)
    k = list(val.classes).index("mpox")
    choice = choose_flag_threshold(val.probs[:, k], mpox_positive(val), cfg.target_specificity)
    thresholds = Thresholds(flag=choice["threshold"], review=cfg.review_threshold, flagged_classes=("mpox",))
    return choice, thresholds


def _test_figures(run: RunData, bundle: Bundle, test_records, flag: float) -> tuple[EvalData, dict]:
    """The held-out test split, screened once: its predictions and metrics, the flag's operating point too."""
    cfg = run.cfg
    test = eval_data(bundle, test_records, cfg.fine_tune.cache_dir)
    metrics = full_metrics(test, n_boot=cfg.n_boot, seed=cfg.seed)
    metrics["corner_mask_check"] = corner_mask_check(bundle, test, cfg.fine_tune.cache_dir)
    metrics["mpox_operating_point"] = mpox_operating_point(test, flag, cfg.n_boot, cfg.seed)
    return test, metrics


def _baseline(run: RunData, test: EvalData) -> dict | None:
    """The frozen-feature baseline on the same test split (``out/baseline_metrics.json``); None when off."""
    cfg = run.cfg
    if not cfg.baseline:
        return None
    baseline = frozen_feature_baseline(cfg, run.out, run.records, run.split)
    baseline["mpox_operating_point"] = operating_point(
        np.array(baseline.pop("p_mpox")), mpox_positive(test), 0.5, cfg.n_boot, cfg.seed
    )
    (run.out / "baseline_metrics.json").write_text(json.dumps(baseline, indent=2))
    return baseline


def _recipe_manifest(
    run: RunData,
    bundle: Bundle,
    choice: dict,
    thresholds: Thresholds,
    metrics: dict,
    start: dict,
    fusion: dict | None,
    baseline: dict | None,
) -> dict:
    """The fitted network's manifest with the recipe's thresholds, test figures, choices and provenance."""
    cfg = run.cfg
    headline = {
        "split": "test (group-disjoint, never used for choosing anything)",
        **{k: metrics[k] for k in ("n_images", "accuracy", "macro_f1", "ece")},
        "ci95": metrics.get("ci95", {}),
        **{k: metrics[k] for k in ("mpox_operating_point", "per_class", "per_source")},
    }
    manifest = dict(bundle.manifest)
    manifest["thresholds"] = thresholds.as_dict()
    manifest["metrics"] = {
        "test": headline,
        "threshold_choice": choice,
        "start_choice": {c: p["val_macro_f1"] for c, p in start["probes"].items()},
    }
    if fusion:
        manifest["metrics"]["fusion_choice"] = fusion
    if baseline:
        manifest["metrics"]["baseline_logreg_frozen_imagenet"] = {
            k: baseline[k] for k in ("accuracy", "macro_f1", "mpox_vs_rest", "C")
        }
    manifest["name"] = cfg.name
    manifest["provenance"] = dict(
        bundle.manifest.get("provenance", {}),
        recipe=cfg.name,
        fine_tuning_start=start["init"],
        recipe_config=cfg.record(),
        recipe_command=command_line(),
        commit=git_commit(),
        manifest_sha256=sha256_file(run.manifest),
        split_sha256=sha256_file(run.split_path),
        date_utc=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    return manifest


def _open_set_step(run: RunData, draft: BundleDraft, test_records) -> dict:
    """Fit the open-set head into the draft (train/val parts), then screen the held-out eight-class and
    open-set test images through the station's path (models.screening) once."""
    from .open_set import OpenSetConfig, load_open_split, open_set_head_into, select_open, summary
    from .open_set_eval import evaluate_open_set

    cfg = run.cfg
    block = open_set_head_into(
        draft,
        OpenSetConfig(
            bundle=run.out / "bundle",
            data=run.manifest,
            split_file=run.split_path,
            open_set=Path(cfg.open_set),
            open_split=run.open_split,
            seed=cfg.seed,
            max_unknown=cfg.max_unknown,
            max_not_skin=cfg.max_not_skin,
            extra_known=Path(cfg.open_set_extra_known) if cfg.open_set_extra_known else None,
            **({"cache_dir": Path(cfg.fine_tune.cache_dir)} if cfg.fine_tune.cache_dir else {}),
        ),
    )
    print(f"recipe {cfg.name}: {summary(block)}", flush=True)
    held_out = select_open(
        read_dataset_manifest(cfg.open_set), load_open_split(run.open_split, cfg.open_set), "test"
    )
    # The station's path reads the bundle's files (the open-set head among them), so the draft as it stands
    # (weights, manifest, open-set head: no int8 or ONNX graph yet, as the station saw it before) is staged in
    # a temporary folder of the run and removed afterwards; out/bundle is written once, at the end.
    with draft.staged(run.out) as staged:
        return evaluate_open_set(staged, test_records, held_out, progress=cfg.fine_tune.progress)


def _int8_step(run: RunData, draft: BundleDraft) -> dict:
    """An int8 graph calibrated and checked on validation images, added to the draft (in memory: it is
    checked against the draft's own network); or, when refused, why."""
    from .quantize import QuantizationRefusedError, int8_graph_into, manifest_images

    cfg = run.cfg
    n_val = len(splitlib.select(run.records, run.split, "val"))
    calibration, check = manifest_images(
        run.manifest, run.split_path, "val", n_calibration=min(32, n_val // 2), seed=cfg.seed
    )
    try:
        return int8_graph_into(draft, calibration, check)
    except QuantizationRefusedError as exc:  # the float paths stay; say why
        print(f"recipe {cfg.name}: no int8 graph: {exc}", flush=True)
        return {"refused": str(exc)}


def _serving_step(cfg: RecipeConfig, draft: BundleDraft) -> None:
    """The graph the station serves without PyTorch (models/serving.py), exported and checked against eager
    PyTorch in memory; the written bundle is checked again on the station's path after the one write."""
    try:
        serving_graph_into(draft)
    except ServingUnavailable as exc:  # the station serves it with PyTorch; say why
        print(f"recipe {cfg.name}: no ONNX graph for the station: {exc}", flush=True)


def _model_card(run: RunData, draft: BundleDraft, fit_manifest: dict, metrics: dict, baseline) -> bytes:
    """MODEL_CARD.md, from the run's figures and the draft's manifest as it will be written."""
    cfg, out = run.cfg, run.out
    history = []
    if (out / "fit" / "history.csv").is_file():  # absent when the fit stage was reused (fit_from)
        with open(out / "fit" / "history.csv", newline="") as f:
            history = list(csv.DictReader(f))
    ssl_done = out / "simclr" / "recipe_done.json"
    chosen = draft.manifest["metrics"]
    text = model_card_text(
        {
            "config": cfg.record(),
            "metrics": metrics,
            # as manifest.json will hold it (JSON types: lists, not tuples)
            "bundle_manifest": json.loads(json.dumps(draft.manifest)),
            "fit_provenance": fit_manifest.get("provenance", {}),
            "history": history,
            "start_choice": chosen["start_choice"],
            "threshold_choice": chosen["threshold_choice"],
            "fusion": chosen.get("fusion_choice"),
            "data_manifest": str(run.manifest),
            "baseline": baseline,
            "ssl_steps": json.loads(ssl_done.read_text())["steps"] if ssl_done.is_file() else None,
        }
    )
    return text.encode("utf-8")


def run_recipe(cfg: RecipeConfig) -> dict:
    """Run the recipe; returns the summary written to ``out/summary.json``.

    The bundle is assembled in memory (training/bundle_draft.py): the fitted network with the recipe's
    manifest, then the open-set head, the int8 graph, the ONNX graph and the model card. ``out/bundle`` is
    written once, loaded back to verify it, then installed and pinned where asked; the report is written once.
    """
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    _check_options(cfg)
    run = _run_data(cfg, out)
    fit_bundle, start = _fit_stage(run)
    fusion = _fuse(cfg, out, fit_bundle, run.records, run.split) if cfg.fuse_with else None
    bundle = load_bundle(fusion["bundle"] if fusion else fit_bundle)
    choice, thresholds = _flag_threshold(run, bundle)
    test_records = splitlib.select(run.records, run.split, "test")
    test, metrics = _test_figures(run, bundle, test_records, thresholds.flag)
    baseline = _baseline(run, test)

    manifest = _recipe_manifest(run, bundle, choice, thresholds, metrics, start, fusion, baseline)
    draft = BundleDraft(bundle.model, manifest, origin=bundle.path)
    if run.open_split:
        metrics["open_set"] = _open_set_step(run, draft, test_records)
    write_report(out / "report", metrics, test, title=f"Recipe '{cfg.name}': held-out test split")
    int8 = _int8_step(run, draft) if cfg.int8 else None
    _serving_step(cfg, draft)
    draft.add({MODEL_CARD_NAME: _model_card(run, draft, bundle.manifest, metrics, baseline)})
    final = draft.write(out / "bundle")  # the recipe's product, written once
    if SERVING_KEY in final.manifest:
        check_written_graph(final)

    headline = manifest["metrics"]["test"]
    summary = {
        "bundle": str(out / "bundle"),
        "threshold_choice": choice,
        "test": {k: headline[k] for k in ("accuracy", "macro_f1", "ece", "ci95", "mpox_operating_point")},
        "int8": int8,
        "baseline": None
        if not baseline
        else {k: baseline[k] for k in ("accuracy", "macro_f1", "ci95", "mpox_operating_point")},
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2))
    if cfg.install:
        install = Path(cfg.install)
        install_bundle(final.path, install)
        pin_bundle(install)  # verifies it and writes install.pin (models/trust.py): the station checks it
    return summary
