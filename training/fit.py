"""Fine-tuning: ``fit(FitConfig) -> FitResult``, the importable API behind ``mpox-train fit``.

Stable API (other commands such as ``ablate-ssl`` and ``recipe`` call it):

    from training.fit import FitConfig, fit
    result = fit(FitConfig(manifest="data/manifest.csv", split_file="split.json", arch="tiny_cnn",
                           init="random", epochs=1, out_dir="runs/x"))
    result.bundle_dir, result.val_metrics, result.test_metrics, result.history, result.temperature

Flow: manifest + split file -> cached images -> train (partial-label CE, SGD by default, optional AdamW,
cosine schedule, class weights or balanced sampling, label smoothing, early stopping on validation
macro-F1) -> best epoch's weights -> temperature fitted on validation -> bundle with metrics and
provenance. ``last.pt`` is written every epoch; ``resume=True`` continues from it exactly (each epoch's
random state is derived from the seed and the epoch number). Under ``torchrun`` (WORLD_SIZE > 1) it
trains with DistributedDataParallel; rank 0 evaluates and writes.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from models.bundle import sha256_file
from models.errors import MpoxError
from models.preprocessing import STEPS as PREPROCESSING_STEPS
from models.preprocessing import Preprocessor
from models.registry import REGISTRY, build_model, get_spec
from models.serving import softmax
from models.taxonomy import CLASSES

from . import splits as splitlib
from .augment import paper_augmentation
from .cache import DEFAULT_CACHE_DIR, load_images
from .calibration import fit_temperature
from .data import (
    CachedImageDataset,
    class_weights,
    expand_scarce,
    label_index,
    make_loader,
    sample_weights,
    target_mask,
)
from .dataset_manifest import ManifestError, Record, labelled, read_dataset_manifest
from .engine import predict_logits, train_one_epoch
from .export import command_line, drop_outputs_after, export_bundle, git_commit
from .freezing import freeze_below
from .metrics import core_metrics
from .settings import bound_problems, plus_list, setting
from .utils import (
    DistInfo,
    barrier,
    broadcast_from_main,
    device_problem,
    dist_info,
    init_distributed,
    make_optimizer,
    pick_device,
    save_checkpoint,
    wrap_ddp,
)

HISTORY_FIELDS = (
    "epoch",
    "train_loss",
    "lr",
    "val_loss",
    "val_accuracy",
    "val_macro_f1",
    "test_accuracy",
    "images_per_s",
    "seconds",
)


OPTIMIZERS = ("sgd", "adamw")
SCHEDULES = ("cosine", "constant")
BALANCES = ("none", "weights", "sampler")
INITS = ("random", "imagenet")  # or simclr:PATH
LAST, BEST = "last.pt", "best.pt"  # resumable state every epoch; the best epoch's weights


class FitConfigError(MpoxError, ValueError):
    """An option of ``fit`` that cannot work (found before any image is read)."""


@dataclass
class FitConfig:
    """Every option of ``fit``, declared once: its default, help and bounds (training/settings.py); the
    flags of ``mpox-train fit`` and ``screen-models`` and the recipe's fine-tuning options derive from it."""

    manifest: str | Path = setting(help="manifest CSV", flag="--data", required_on_command_line=True)
    out_dir: str | Path = setting(
        help="run folder: checkpoints, logs, bundle/", flag="--out", required_on_command_line=True
    )
    split_file: str | Path | None = setting(
        None, help="split file from `mpox-train split` (default: made (seed, 15%%/15%%) and saved in --out)"
    )
    arch: str = setting(
        "efficientnet_lite0",
        help="architecture (the shipped model's; tiny_cnn for tests)",
        choices=REGISTRY,
        metavar="ARCH",
    )
    init: str = setting("random", help="starting weights: random | imagenet | simclr:PATH")
    input_size: int | None = setting(None, help="image size (the architecture's when not given)", at_least=1)
    epochs: int = setting(10, help="training epochs", at_least=1)
    batch_size: int = setting(32, help="images per batch", at_least=1)
    optimizer: str = setting("sgd", help="the paper's sgd, or adamw", choices=OPTIMIZERS)
    lr: float = setting(0.01, help="learning rate", at_least=0)
    momentum: float = setting(0.9, help="SGD momentum", at_least=0, below=1)
    weight_decay: float = setting(1e-4, help="weight decay", at_least=0)
    schedule: str = setting("cosine", help="learning-rate schedule", choices=SCHEDULES)
    label_smoothing: float = setting(0.0, help="label smoothing", at_least=0, below=1)
    balance: str = setting(
        "none",
        help="imbalanced data: class-weighted loss (weights) or balanced sampling (sampler)",
        choices=BALANCES,
    )
    expand_scarce: int = setting(
        0,
        help="repeat scarce labels (augmented) up to N images each (the paper's Data_C)",
        at_least=0,
        metavar="N",
    )
    augment: bool = setting(True, help="the paper's augmentation while training")
    augment_p: float = setting(0.5, help="probability of each augmentation", at_least=0, at_most=1)
    colour_jitter: float = setting(
        0.0,
        help="strength in [0, 1] of an extra colour operation (brightness, contrast, saturation, hue) for "
        "skin tones and lighting (training/augment.py; 0: the paper's set only)",
        at_least=0,
        at_most=1,
    )
    camera_p: float = setting(
        0.0,
        help="webcam simulation before the other augmentations (white balance, exposure, zoom, low "
        "resolution, motion blur, noise, vignetting, JPEG; training/camera.py), each with this probability "
        "(0: off)",
        at_least=0,
        at_most=1,
    )
    preprocessing: tuple[str, ...] = setting(
        (),
        help="conditioning steps of every picture, recorded in the bundle (models/preprocessing.py: "
        + ", ".join(PREPROCESSING_STEPS)
        + ")",
        flag="--condition",
        parse=plus_list,
        metavar="STEP[+STEP]",
    )
    mixup_alpha: float = setting(
        0.0,
        help="mixup: blend each batch with a shuffled copy, weights from Beta(alpha, alpha) (0: off)",
        at_least=0,
    )
    cutmix_alpha: float = setting(
        0.0,
        help="CutMix: paste a box of a shuffled copy; with mixup too, each batch uses one (0: off)",
        at_least=0,
    )
    patience: int = setting(
        0,
        help="early stopping on validation macro-F1 after this many epochs without gain (0: off)",
        at_least=0,
    )
    fold: int | None = setting(
        None,
        help="k-fold: this fold is the test set, the next one validation",
        at_least=0,
        on_command_line=False,  # mpox-train fit --cv K runs every fold
    )
    num_workers: int = setting(
        0, help="DataLoader worker processes (0: load in the main process)", flag="--workers", at_least=0
    )
    seed: int = setting(0, help="seed of the split, the initial weights and the augmentation")
    device: str | None = setting(None, help="cpu, cuda, cuda:1 (default: CUDA when available)")
    resume: bool = setting(False, help="continue from the run folder's last.pt")
    cache_dir: str | Path | None = setting(DEFAULT_CACHE_DIR, help="decoded-image cache")
    eval_test_each_epoch: bool = setting(
        False, help="test accuracy per epoch (screen-models plots it)", on_command_line=False
    )
    calibrate: bool = setting(True, help="fit a temperature on validation")
    freeze_below: str = setting(
        "",
        help="freeze every parameter registered before the first one whose name starts with PREFIX (e.g. "
        "_blocks.10 for EfficientNet-Lite0): a CPU-sized budget fine-tunes the top of the network only",
        metavar="PREFIX",
    )
    init_head: str | Path | None = setting(
        None,
        help="a linear head to start from (safetensors with weight and bias), e.g. a linear probe fitted on "
        "the frozen features: fine-tuning starts from a good head instead of a random one (LP-FT)",
    )
    batchnorm_eval: bool = setting(False, help="every batch-norm layer uses its running statistics")
    bundle_name: str | None = setting(None, help="bundle name", flag="--name")
    progress: bool = setting(True, help="progress bars")
    classes: tuple[str, ...] = setting(CLASSES, help="the classes trained", on_command_line=False)
    open_set: str | Path | None = setting(
        None,
        help="outlier exposure: the training part of this open-set manifest (other conditions, not skin; "
        "split by --open-split, made beside the run when absent) joins the training images with the "
        "uniform-target loss (training/losses.py); its validation and test parts are left for open-set and "
        "evaluate",
        metavar="MANIFEST",
    )
    open_split: str | Path | None = setting(None, help="the open-set manifest's split file")
    outlier_output: bool = setting(
        False,
        help="train the open-set images to one extra output (a picture of none of the classes) instead of "
        "the uniform target; the bundle keeps only the classes' outputs",
    )

    @property
    def n_outputs(self) -> int:
        """The classifier's outputs while training: the classes, plus the outlier output when on."""
        return len(self.classes) + int(self.outlier_output)

    def validate(self) -> None:
        """Raise FitConfigError for an option that cannot work, before any image is decoded."""
        problems = bound_problems(self)
        if self.init not in INITS and not (self.init.startswith("simclr:") and self.init[len("simclr:") :]):
            problems.append(f"unknown init {self.init!r}; use random, imagenet or simclr:PATH")
        unknown_steps = [s for s in self.preprocessing if s not in PREPROCESSING_STEPS]
        if unknown_steps:
            problems.append(
                f"unknown preprocessing steps {unknown_steps}; known: {', '.join(PREPROCESSING_STEPS)}"
            )
        if not self.classes:
            problems.append("classes must name at least one class")
        if self.outlier_output and not self.open_set:
            problems.append("outlier_output needs open_set (the open-set images it is trained on)")
        if (trouble := device_problem(self.device)) is not None:
            problems.append(trouble)
        if self.balance == "sampler" and dist_info().distributed:
            problems.append("balance 'sampler' is not available under torchrun; use weights")
        if problems:
            raise FitConfigError("; ".join(problems))


@dataclass
class FitResult:
    out_dir: Path
    bundle_dir: Path | None
    history: list[dict] = field(default_factory=list)
    best_epoch: int = -1
    best_val_macro_f1: float = 0.0
    temperature: float = 1.0
    val_metrics: dict = field(default_factory=dict)
    test_metrics: dict = field(default_factory=dict)
    provenance: dict = field(default_factory=dict)


def load_head(model: nn.Module, arch: str, path: str | Path, extra_outputs: int = 0) -> str:
    """Copy a saved linear head (``weight``, ``bias``) into the model's classifier; returns the path.
    With ``extra_outputs`` the classifier has that many more rows than the saved head: they start at zero
    (an even share), the saved rows are copied into the first ones."""
    from safetensors.torch import load_file

    head = model.get_submodule(get_spec(arch).head)
    try:
        state = load_file(str(path))
        weight, bias = state["weight"], state["bias"]
        if extra_outputs:
            weight = torch.cat([weight, weight.new_zeros(extra_outputs, weight.shape[1])])
            bias = torch.cat([bias, bias.new_zeros(extra_outputs)])
        head.load_state_dict({"weight": weight, "bias": bias}, strict=True)
    except (OSError, KeyError, RuntimeError) as exc:
        raise ManifestError(
            f"initial head {path} does not fit {arch}'s classifier ({exc}); make it with the recipe's "
            "linear probe for the same architecture and classes"
        ) from exc
    return str(path)


def build_initial_model(arch: str, n_classes: int, init: str) -> tuple[nn.Module, dict]:
    """The model before fine-tuning, and what to record about its initialisation."""
    if init.startswith("simclr:"):
        from training.ssl.checkpoint import load_simclr_backbone  # provided by the SSL part; imported lazily

        path = init.split(":", 1)[1]
        model = build_model(arch, n_classes, init="random")
        meta = load_simclr_backbone(model, arch, path)
        return model, {"init": "simclr", "simclr_checkpoint": str(path), "simclr": meta}
    if init not in ("random", "imagenet"):
        raise FitConfigError(f"unknown --init {init!r}; use random, imagenet or simclr:PATH")
    return build_model(arch, n_classes, init=init), {"init": init}


# --- what the steps of one run share ---


@dataclass
class _Run:
    """Where one ``fit`` runs: its options, its process under torchrun, its device and folder."""

    config: FitConfig
    dist: DistInfo
    device: torch.device
    out_dir: Path
    classes: tuple[str, ...]
    size: int  # input size

    @property
    def main(self) -> bool:
        return self.dist.main

    @property
    def cuda(self) -> bool:
        return self.device.type == "cuda"


@dataclass
class _Data:
    """The manifest's labelled records and their split into train / val / test (no image read yet)."""

    manifest_path: Path
    split_path: Path
    records: list[Record]
    subsets: dict[str, list[Record]]


@dataclass
class _Eval:
    """One evaluation split: its loader, target masks and label indices."""

    loader: Any
    mask: torch.Tensor
    y: np.ndarray


@dataclass
class _Loaders:
    train: Any
    generator: torch.Generator
    train_ids: list[int]
    loss_weights: torch.Tensor | None
    val: _Eval
    test: _Eval | None


@dataclass
class _Optimization:
    optimizer: torch.optim.Optimizer
    scheduler: Any
    scaler: Any


@dataclass
class _Progress:
    """Where training stands: what ``last.pt`` records and ``resume`` restores."""

    history: list[dict] = field(default_factory=list)
    best_f1: float = -1.0
    best_epoch: int = -1
    start_epoch: int = 0
    stale: int = 0  # epochs since validation macro-F1 last improved


# --- the recipe ---


def fit(config: FitConfig) -> FitResult:
    """Train per ``config``; write checkpoints, logs and the bundle under ``config.out_dir``."""
    config.validate()  # every option, before anything is read or written
    run = _start(config)  # torchrun's process group, the device, the run folder
    data = _read_data(run)  # manifest, split (made when absent), outliers: records only
    model, init_meta = _initial_model(run)  # seeded init, optional head, freezing, on the device
    train_model = wrap_ddp(model, run.dist, run.device)
    loaders = _make_loaders(run, data)  # the one step that decodes images (through the cache)
    opt = _make_optimization(run, model)
    progress = _resume(run, model, opt) if config.resume else _Progress()
    ckpt_meta = _checkpoint_meta(run, init_meta)
    _train(run, model, train_model, loaders, opt, progress, ckpt_meta)
    result = FitResult(
        out_dir=run.out_dir,
        bundle_dir=None,
        history=progress.history,
        best_epoch=progress.best_epoch,
        best_val_macro_f1=progress.best_f1,
    )
    barrier(run.dist)
    if not run.main:
        return result  # rank 0 calibrates, evaluates and exports
    _calibrate_and_evaluate(run, model, loaders, result)
    result.provenance = _provenance(run, data, loaders, progress, init_meta, ckpt_meta)
    if config.outlier_output:
        drop_outputs_after(model, config.arch, len(run.classes))
    result.bundle_dir = _export(run, model, result, init_meta)
    _write_result(run.out_dir, result)
    return result


# --- its steps ---


def _start(config: FitConfig) -> _Run:
    dist = dist_info()
    device = pick_device(config.device, dist)
    init_distributed(dist, device)
    out_dir = Path(config.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if config.resume and not (out_dir / LAST).is_file():
        raise ManifestError(f"--resume: no checkpoint {out_dir / LAST}; start without --resume")
    size = int(config.input_size or get_spec(config.arch).input_size)
    return _Run(config, dist, device, out_dir, tuple(config.classes), size)


def _read_data(run: _Run) -> _Data:
    config = run.config
    manifest_path = Path(config.manifest)
    records = labelled(read_dataset_manifest(manifest_path))
    if config.split_file is None:
        split_path = run.out_dir / "split.json"
        if not split_path.is_file():
            if run.main:
                splitlib.save_split(splitlib.make_split(records, seed=config.seed), split_path, manifest_path)
            barrier(run.dist)
    else:
        split_path = Path(config.split_file)
    split = splitlib.load_split(split_path, manifest_path)
    subsets = _subsets(records, split, config.fold)
    if config.open_set:
        outliers = _outlier_records(run)
        subsets["train"] = subsets["train"] + outliers
        records = records + outliers
    for name in ("train", "val"):
        if not subsets[name]:
            raise ManifestError(f"the {name} split is empty ({split_path}); use more data or other fractions")
    return _Data(manifest_path, split_path, records, subsets)


def _subsets(records: list[Record], split: dict, fold: int | None) -> dict[str, list[Record]]:
    if fold is None:
        return {name: splitlib.select(records, split, name) for name in splitlib.SPLIT_NAMES}
    k = int(split.get("k", 0))
    if not 0 <= fold < k:
        raise ManifestError(f"fold {fold} is not in 0..{k - 1} of the split file (made with --k {k})")
    folds = split["folds"]
    val_fold = (fold + 1) % k
    out: dict[str, list[Record]] = {"train": [], "val": [], "test": []}
    for r in labelled(records):
        f = folds[str(r.path)]
        out["test" if f == fold else "val" if f == val_fold else "train"].append(r)
    return out


def _outlier_records(run: _Run) -> list[Record]:
    """The training part of the open-set split (made and saved in the run folder when not given)."""
    from .open_set import ensure_open_split, load_open_split, select_open

    config = run.config
    manifest = Path(config.open_set)
    path = ensure_open_split(
        config.open_split or run.out_dir / "open_split.json", manifest, config.seed, write=run.main
    )
    barrier(run.dist)
    chosen = select_open(read_dataset_manifest(manifest), load_open_split(path, manifest), "train")
    if not chosen:
        raise ManifestError(f"{manifest} has no open-set training images in {path}")
    return chosen


def _initial_model(run: _Run) -> tuple[nn.Module, dict]:
    config = run.config
    torch.manual_seed(config.seed)
    model, init_meta = build_initial_model(config.arch, config.n_outputs, config.init)
    if config.init_head:
        extra = int(config.outlier_output)
        init_meta["init_head"] = load_head(model, config.arch, config.init_head, extra_outputs=extra)
        init_meta["init_head_sha256"] = sha256_file(config.init_head)  # the content, wherever it was copied
    if config.freeze_below:
        freeze_below(model, config.freeze_below)
    model.to(run.device)
    if run.cuda:
        model = model.to(memory_format=torch.channels_last)
    return model, init_meta


def _make_loaders(run: _Run, data: _Data) -> _Loaders:
    config, records, subsets = run.config, data.records, data.subsets
    spec = get_spec(config.arch)
    # One cache for the manifest's labelled images: shared by splits, folds and screened models.
    images = load_images(records, run.size, config.cache_dir, progress=config.progress and run.main)
    row = {str(r.path): i for i, r in enumerate(records)}
    masks = target_mask(records, run.classes)
    if config.outlier_output:  # an open-set image (no class allowed) allows the outlier output only
        masks = torch.cat([masks, ~masks.any(dim=1, keepdim=True)], dim=1)
    pre = Preprocessor(run.size, spec.mean, spec.std, tuple(config.preprocessing))

    def subset_ids(name: str) -> list[int]:
        return [row[str(r.path)] for r in subsets[name]]

    train_ids = subset_ids("train")
    if config.expand_scarce:
        train_ids = [train_ids[i] for i in expand_scarce(subsets["train"], config.expand_scarce)]
    augment = paper_augmentation(run.size, config.augment_p, config.colour_jitter) if config.augment else None
    if config.camera_p > 0:  # the webcam acts on the scene first; the paper's operations follow
        from torchvision.transforms import v2

        from .camera import CameraSimulation

        camera = CameraSimulation(config.camera_p)
        augment = camera if augment is None else v2.Compose([camera, augment])
    train_ds = CachedImageDataset(images, masks, pre, augment, train_ids)
    train_records = [records[i] for i in train_ids]
    generator = torch.Generator()
    train_loader = make_loader(
        train_ds,
        config.batch_size,
        shuffle=True,
        num_workers=config.num_workers,
        sampler_weights=sample_weights(train_records) if config.balance == "sampler" else None,
        generator=generator,
        pin_memory=run.cuda,
        drop_last=len(train_ds) > config.batch_size,
        distributed=run.dist.distributed,
    )
    loss_weights = None
    if config.balance == "weights":
        loss_weights = class_weights(train_records, run.classes).to(run.device)

    def evaluation(name: str) -> _Eval:
        ids = subset_ids(name)
        ds = CachedImageDataset(images, masks, pre, None, ids)
        loader = make_loader(
            ds, config.batch_size * 2, shuffle=False, num_workers=config.num_workers, pin_memory=run.cuda
        )
        # Validation and test hold the classes' images only: they are scored on the classes' outputs.
        return _Eval(loader, masks[ids, : len(run.classes)], label_index(subsets[name], run.classes))

    test = evaluation("test") if subsets["test"] else None
    return _Loaders(train_loader, generator, train_ids, loss_weights, evaluation("val"), test)


def _make_optimization(run: _Run, model: nn.Module) -> _Optimization:
    config = run.config
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = make_optimizer(
        config.optimizer, params, lr=config.lr, momentum=config.momentum, weight_decay=config.weight_decay
    )
    if config.schedule == "cosine":
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=max(1, config.epochs))
    else:  # constant
        scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda _: 1.0)
    scaler = torch.amp.GradScaler("cuda") if run.cuda else None
    return _Optimization(optimizer, scheduler, scaler)


def _resume(run: _Run, model: nn.Module, opt: _Optimization) -> _Progress:
    """Training state from ``last.pt`` (model, optimizer, schedule, scaler, history, early stopping)."""
    last_path = run.out_dir / LAST
    ckpt = torch.load(last_path, map_location="cpu", weights_only=True)
    if ckpt["arch"] != run.config.arch:
        raise ManifestError(f"--resume: {last_path} is a {ckpt['arch']} checkpoint, not {run.config.arch}")
    model.load_state_dict(ckpt["model"])
    opt.optimizer.load_state_dict(ckpt["optimizer"])
    opt.scheduler.load_state_dict(ckpt["scheduler"])
    if opt.scaler is not None and ckpt.get("scaler"):
        opt.scaler.load_state_dict(ckpt["scaler"])
    return _Progress(
        history=ckpt["history"],
        best_f1=ckpt["best_val_macro_f1"],
        best_epoch=ckpt["best_epoch"],
        start_epoch=ckpt["epoch"] + 1,
        stale=ckpt["stale"],
    )


def _checkpoint_meta(run: _Run, init_meta: dict) -> dict:
    """What every checkpoint records besides its weights (``mpox-train export`` reads it)."""
    return {
        "arch": run.config.arch,
        "classes": list(run.classes),
        "input_size": run.size,
        "config": json.loads(json.dumps(asdict(run.config), default=str)),
        "init_meta": init_meta,
    }


def _train(
    run: _Run,
    model: nn.Module,
    train_model: nn.Module,
    loaders: _Loaders,
    opt: _Optimization,
    progress: _Progress,
    ckpt_meta: dict,
) -> None:
    """The epochs: train (every process), then on rank 0 validate, log and checkpoint; stop early when
    validation macro-F1 has not improved for ``patience`` epochs (rank 0 decides, every process stops)."""
    config = run.config
    writer = None
    if run.main:
        from torch.utils.tensorboard import SummaryWriter

        writer = SummaryWriter(str(run.out_dir / "tensorboard"))
    if config.init_head and progress.start_epoch == 0 and run.main:
        # The starting point is a candidate too: a head fitted on frozen features can already be better on
        # validation than anything the fine-tuning reaches, and then it is what gets exported.
        _, val0, _ = _eval_split(model, loaders.val, run.device, run.classes)
        progress.best_f1, progress.best_epoch = val0["macro_f1"], 0
        save_checkpoint({**ckpt_meta, "model": model.state_dict(), "epoch": -1}, run.out_dir / BEST)
    for epoch in range(progress.start_epoch, config.epochs):
        if config.patience and progress.stale >= config.patience:
            break
        # Each epoch's randomness depends only on (seed, epoch): a resumed run repeats it exactly.
        torch.manual_seed(config.seed * 1000 + epoch)
        loaders.generator.manual_seed(config.seed * 1000 + epoch)
        if run.dist.distributed and hasattr(loaders.train.sampler, "set_epoch"):
            loaders.train.sampler.set_epoch(epoch)
        stats = train_one_epoch(
            train_model,
            loaders.train,
            opt.optimizer,
            run.device,
            class_weights=loaders.loss_weights,
            label_smoothing=config.label_smoothing,
            batchnorm_eval=config.batchnorm_eval,
            mixup_alpha=config.mixup_alpha,
            cutmix_alpha=config.cutmix_alpha,
            scaler=opt.scaler,
            progress=config.progress and run.main,
            desc=f"epoch {epoch + 1}/{config.epochs}",
        )
        lr = opt.optimizer.param_groups[0]["lr"]
        opt.scheduler.step()
        if run.main:
            _end_epoch(run, model, loaders, opt, progress, ckpt_meta, writer, epoch, stats, lr)
        if config.patience:
            progress.stale = broadcast_from_main(progress.stale, run.dist)
    if writer is not None:
        writer.close()


def _end_epoch(run, model, loaders, opt, progress, ckpt_meta, writer, epoch, stats, lr) -> None:
    """Rank 0 after an epoch: validate, log, keep the best weights and the resumable ``last.pt``."""
    config = run.config
    _, val_m, val_loss = _eval_split(model, loaders.val, run.device, run.classes)
    entry = {
        "epoch": epoch + 1,
        "train_loss": stats.loss,
        "lr": lr,
        "val_loss": val_loss,
        "val_accuracy": val_m["accuracy"],
        "val_macro_f1": val_m["macro_f1"],
        "test_accuracy": "",
        "images_per_s": round(stats.images_per_second, 2),
        "seconds": round(stats.seconds, 2),
    }
    if config.eval_test_each_epoch and loaders.test is not None:
        entry["test_accuracy"] = _eval_split(model, loaders.test, run.device, run.classes)[1]["accuracy"]
    progress.history.append(entry)
    for key in ("train_loss", "val_loss", "val_accuracy", "val_macro_f1", "lr"):
        writer.add_scalar(key, entry[key], epoch + 1)
    if entry["test_accuracy"] != "":
        writer.add_scalar("test_accuracy", entry["test_accuracy"], epoch + 1)
    if val_m["macro_f1"] > progress.best_f1:
        progress.best_f1, progress.best_epoch, progress.stale = val_m["macro_f1"], epoch + 1, 0
        save_checkpoint({**ckpt_meta, "model": model.state_dict(), "epoch": epoch}, run.out_dir / BEST)
    else:
        progress.stale += 1
    _write_history(run.out_dir / "history.csv", progress.history)
    save_checkpoint(
        {
            **ckpt_meta,
            "model": model.state_dict(),
            "optimizer": opt.optimizer.state_dict(),
            "scheduler": opt.scheduler.state_dict(),
            "scaler": opt.scaler.state_dict() if opt.scaler else {},
            "epoch": epoch,
            "history": progress.history,
            "best_val_macro_f1": progress.best_f1,
            "best_epoch": progress.best_epoch,
            "stale": progress.stale,
        },
        run.out_dir / LAST,
    )
    if config.progress:
        print(
            f"epoch {epoch + 1}: loss {stats.loss:.4f}  val acc {val_m['accuracy']:.3f}  "
            f"val macro-F1 {val_m['macro_f1']:.3f}  {stats.images_per_second:.1f} img/s",
            flush=True,
        )


def _write_history(path: Path, history: list[dict]) -> None:
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=HISTORY_FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(history)


def _eval_split(
    model: nn.Module, split: _Eval, device, classes, temperature: float = 1.0
) -> tuple[np.ndarray, dict, float]:
    from .losses import partial_label_loss

    logits = predict_logits(model, split.loader, device)[:, : len(classes)]  # without an outlier output
    probs = softmax(logits, temperature, np.float64)
    metrics = core_metrics(probs, split.y, split.mask.numpy(), classes)
    loss = (
        float(partial_label_loss(torch.from_numpy(logits) / temperature, split.mask)) if len(split.y) else 0.0
    )
    return logits, metrics, loss


def _calibrate_and_evaluate(run: _Run, model: nn.Module, loaders: _Loaders, result: FitResult) -> None:
    """Rank 0: the best epoch's weights, a temperature fitted on validation, and the calibrated metrics."""
    best = torch.load(run.out_dir / BEST, map_location="cpu", weights_only=True)
    model.load_state_dict(best["model"])
    val_logits, _, _ = _eval_split(model, loaders.val, run.device, run.classes)
    temperature = fit_temperature(val_logits, loaders.val.mask) if run.config.calibrate else 1.0
    result.temperature = temperature
    result.val_metrics = _eval_split(model, loaders.val, run.device, run.classes, temperature)[1]
    if loaders.test is not None:
        result.test_metrics = _eval_split(model, loaders.test, run.device, run.classes, temperature)[1]


def _provenance(
    run: _Run, data: _Data, loaders: _Loaders, progress: _Progress, init_meta: dict, ckpt_meta: dict
) -> dict:
    config = run.config
    return {
        "command": command_line(),
        "config": ckpt_meta["config"],
        "commit": git_commit(),
        "manifest": str(data.manifest_path.resolve()),
        "manifest_sha256": sha256_file(data.manifest_path),
        "split_file": str(data.split_path.resolve()),
        "split_sha256": sha256_file(data.split_path),
        "fold": config.fold,
        "seed": config.seed,
        "epochs_trained": len(progress.history),
        "best_epoch": progress.best_epoch,
        **init_meta,
        "n_train": len(loaders.train_ids),
        "open_set": str(Path(config.open_set).resolve()) if config.open_set else None,
        "n_val": len(loaders.val.y),
        "n_test": 0 if loaders.test is None else len(loaders.test.y),
    }


def _export(run: _Run, model: nn.Module, result: FitResult, init_meta: dict) -> Path:
    config = run.config
    metrics = {
        "val": _headline(result.val_metrics),
        "test": _headline(result.test_metrics),
        "best_val_macro_f1": result.best_val_macro_f1,
    }
    return export_bundle(
        model,
        config.arch,
        run.classes,
        run.out_dir / "bundle",
        input_size=run.size,
        preprocessing=tuple(config.preprocessing),
        temperature=result.temperature,
        metrics=metrics,
        provenance=result.provenance,
        name=config.bundle_name or f"{config.arch}-{init_meta['init']}",
    )


def _write_result(out_dir: Path, result: FitResult) -> None:
    (out_dir / "fit_result.json").write_text(
        json.dumps(
            {
                "best_epoch": result.best_epoch,
                "best_val_macro_f1": result.best_val_macro_f1,
                "temperature": result.temperature,
                "val": result.val_metrics,
                "test": result.test_metrics,
                "bundle": str(result.bundle_dir),
            },
            indent=1,
        )
        + "\n"
    )


def _headline(m: dict) -> dict:
    if not m:
        return {}
    keys = ("accuracy", "macro_f1", "ece", "n_images")
    out = {k: m[k] for k in keys if k in m}
    if "mpox_vs_rest" in m:
        out["mpox_recall"] = m["mpox_vs_rest"]["recall"]
        out["mpox_specificity"] = m["mpox_vs_rest"]["specificity"]
    return out
