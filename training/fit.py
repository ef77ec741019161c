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
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch import nn

from models.bundle import sha256_file
from models.errors import MpoxError
from models.fsutil import atomic_path
from models.preprocessing import Preprocessor
from models.registry import REGISTRY, build_model, get_spec
from models.runtime import softmax
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
from .engine import predict_logits, train_one_epoch
from .export import command_line, export_bundle, git_commit
from .freezing import freeze_below
from .manifest import ManifestError, Record, labelled, read_manifest
from .metrics import core_metrics

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


class FitConfigError(MpoxError, ValueError):
    """An option of ``fit`` that cannot work (found before any image is read)."""


@dataclass
class FitConfig:
    """Every option of ``fit`` with its default; ``mpox-train fit`` takes its defaults from here."""

    manifest: str | Path
    out_dir: str | Path
    split_file: str | Path | None = None  # made (seed, 15%/15%) and saved in out_dir when absent
    arch: str = "efficientnet_lite0"  # the shipped model's; tiny_cnn for tests
    init: str = "random"  # random | imagenet | simclr:PATH
    input_size: int | None = None  # default: the architecture's
    epochs: int = 10
    batch_size: int = 32
    optimizer: str = "sgd"  # the paper's; or adamw
    lr: float = 0.01
    momentum: float = 0.9
    weight_decay: float = 1e-4
    schedule: str = "cosine"  # cosine | constant
    label_smoothing: float = 0.0
    balance: str = "none"  # none | weights (class-weighted loss) | sampler (balanced sampling)
    expand_scarce: int = 0  # repeat scarce labels' images (online augmented) up to this many per label
    augment: bool = True
    augment_p: float = 0.5
    patience: int = 0  # early stopping on validation macro-F1 after this many epochs without gain (0: off)
    fold: int | None = None  # k-fold: this fold is the test set, the next one validation
    num_workers: int = 0
    seed: int = 0
    device: str | None = None
    resume: bool = False
    cache_dir: str | Path | None = DEFAULT_CACHE_DIR
    eval_test_each_epoch: bool = False  # screen-models plots test accuracy per epoch
    calibrate: bool = True
    # Freeze every parameter registered before the first one whose name starts with this prefix (e.g.
    # "_blocks.10" for EfficientNet-Lite0): a CPU-sized budget fine-tunes the top of the network only.
    freeze_below: str = ""
    # A linear head to start from (safetensors with "weight" and "bias"), e.g. a linear probe fitted on the
    # frozen features: fine-tuning then starts from a good head instead of a random one (LP-FT).
    init_head: str | Path | None = None
    batchnorm_eval: bool = False  # every batch-norm layer uses its running statistics while training
    bundle_name: str | None = None
    progress: bool = True
    classes: tuple[str, ...] = CLASSES
    # Outlier exposure: the training part of this open-set manifest (other conditions, not skin; split by
    # ``open_split``, made beside the run when absent) joins the training images with the uniform-target loss
    # (training/losses.py). Its validation and test parts are left for ``mpox-train open-set`` and evaluate.
    open_set: str | Path | None = None
    open_split: str | Path | None = None

    def validate(self) -> None:
        """Raise FitConfigError for an option that cannot work, before any image is decoded."""
        problems = []

        def choice(name: str, allowed: tuple[str, ...]) -> None:
            if getattr(self, name) not in allowed:
                problems.append(f"unknown {name} {getattr(self, name)!r}; use {' or '.join(allowed)}")

        if self.arch not in REGISTRY:
            problems.append(f"unknown arch {self.arch!r}; use one of {', '.join(sorted(REGISTRY))}")
        if self.init not in INITS and not (self.init.startswith("simclr:") and self.init[len("simclr:") :]):
            problems.append(f"unknown init {self.init!r}; use random, imagenet or simclr:PATH")
        choice("optimizer", OPTIMIZERS)
        choice("schedule", SCHEDULES)
        choice("balance", BALANCES)
        for name in ("epochs", "batch_size"):
            if getattr(self, name) < 1:
                problems.append(f"{name} must be at least 1, got {getattr(self, name)}")
        for name in ("lr", "expand_scarce", "patience", "num_workers", "weight_decay"):
            if getattr(self, name) < 0:
                problems.append(f"{name} must not be negative, got {getattr(self, name)}")
        for name in ("momentum", "label_smoothing"):
            if not 0.0 <= getattr(self, name) < 1.0:
                problems.append(f"{name} must be in [0, 1), got {getattr(self, name)}")
        if not 0.0 <= self.augment_p <= 1.0:
            problems.append(f"augment_p must be in [0, 1], got {self.augment_p}")
        if self.input_size is not None and self.input_size < 1:
            problems.append(f"input_size must be positive, got {self.input_size}")
        if self.fold is not None and self.fold < 0:
            problems.append(f"fold must not be negative, got {self.fold}")
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


def _dist_info() -> tuple[bool, int, int]:
    world = int(os.environ.get("WORLD_SIZE", "1"))
    return world > 1, int(os.environ.get("RANK", "0")), world


def load_head(model: nn.Module, arch: str, path: str | Path) -> str:
    """Copy a saved linear head (``weight``, ``bias``) into the model's classifier; returns the path."""
    from safetensors.torch import load_file

    head = model.get_submodule(get_spec(arch).head)
    try:
        state = load_file(str(path))
        head.load_state_dict({"weight": state["weight"], "bias": state["bias"]}, strict=True)
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
        raise ManifestError(f"unknown --init {init!r}; use random, imagenet or simclr:PATH")
    return build_model(arch, n_classes, init=init), {"init": init}


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


def _outlier_records(config: FitConfig, out_dir: Path, main_proc: bool, distributed: bool) -> list[Record]:
    """The training part of the open-set split (made and saved in ``out_dir`` when not given)."""
    from .open_set import ensure_open_split, load_open_split, select_open

    manifest = Path(config.open_set)
    path = ensure_open_split(
        config.open_split or out_dir / "open_split.json", manifest, config.seed, write=main_proc
    )
    if distributed:
        torch.distributed.barrier()
    chosen = select_open(read_manifest(manifest), load_open_split(path, manifest), "train")
    if not chosen:
        raise ManifestError(f"{manifest} has no open-set training images in {path}")
    return chosen


def _write_history(path: Path, history: list[dict]) -> None:
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=HISTORY_FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(history)


def _atomic_save(obj: dict, path: Path) -> None:
    with atomic_path(path) as tmp:
        torch.save(obj, tmp)


def _eval_split(
    model: nn.Module, loader, device, mask: torch.Tensor, y: np.ndarray, classes, temperature: float = 1.0
) -> tuple[np.ndarray, dict, float]:
    from .losses import partial_label_loss

    logits = predict_logits(model, loader, device)
    probs = softmax(logits, temperature, np.float64)
    metrics = core_metrics(probs, y, mask.numpy(), classes)
    loss = float(partial_label_loss(torch.from_numpy(logits) / temperature, mask)) if len(y) else 0.0
    return logits, metrics, loss


def fit(config: FitConfig) -> FitResult:
    """Train per ``config``; write checkpoints, logs and the bundle under ``config.out_dir``."""
    config.validate()
    distributed, rank, world = _dist_info()
    device = torch.device(config.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    if distributed:
        import torch.distributed as dist

        if not dist.is_initialized():
            dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
        if device.type == "cuda":
            device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
            torch.cuda.set_device(device)
        if config.balance == "sampler":
            raise ManifestError("--balance sampler is not available under torchrun; use --balance weights")
    main_proc = rank == 0
    out_dir = Path(config.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    classes = tuple(config.classes)
    spec = get_spec(config.arch)
    size = int(config.input_size or spec.input_size)

    manifest_path = Path(config.manifest)
    records = labelled(read_manifest(manifest_path))
    if config.split_file is None:
        split_path = out_dir / "split.json"
        if not split_path.is_file():
            if main_proc:
                splitlib.save_split(splitlib.make_split(records, seed=config.seed), split_path, manifest_path)
            if distributed:
                torch.distributed.barrier()
    else:
        split_path = Path(config.split_file)
    split = splitlib.load_split(split_path, manifest_path)
    subsets = _subsets(records, split, config.fold)
    if config.open_set:
        outliers = _outlier_records(config, out_dir, main_proc, distributed)
        subsets["train"] = subsets["train"] + outliers
        records = records + outliers
    for name in ("train", "val"):
        if not subsets[name]:
            raise ManifestError(f"the {name} split is empty ({split_path}); use more data or other fractions")

    torch.manual_seed(config.seed)
    model, init_meta = build_initial_model(config.arch, len(classes), config.init)
    if config.init_head:
        init_meta["init_head"] = load_head(model, config.arch, config.init_head)
    if config.freeze_below:
        freeze_below(model, config.freeze_below)
    model.to(device)
    if device.type == "cuda":
        model = model.to(memory_format=torch.channels_last)
    train_model: nn.Module = model
    if distributed:
        train_model = nn.parallel.DistributedDataParallel(
            model, device_ids=[device] if device.type == "cuda" else None
        )

    # One cache for the manifest's labelled images: shared by splits, folds and screened models.
    images = load_images(records, size, config.cache_dir, progress=config.progress and main_proc)
    row = {str(r.path): i for i, r in enumerate(records)}
    masks = target_mask(records, classes)
    pre = Preprocessor(size, spec.mean, spec.std)
    generator = torch.Generator()

    def subset_ids(name: str) -> list[int]:
        return [row[str(r.path)] for r in subsets[name]]

    train_ids = subset_ids("train")
    if config.expand_scarce:
        train_ids = [train_ids[i] for i in expand_scarce(subsets["train"], config.expand_scarce)]
    augment = paper_augmentation(size, config.augment_p) if config.augment else None
    train_ds = CachedImageDataset(images, masks, pre, augment, train_ids)
    train_records = [records[i] for i in train_ids]
    weights_for_sampler = sample_weights(train_records) if config.balance == "sampler" else None
    loss_weights = class_weights(train_records, classes).to(device) if config.balance == "weights" else None
    cuda = device.type == "cuda"
    train_loader = make_loader(
        train_ds,
        config.batch_size,
        shuffle=True,
        num_workers=config.num_workers,
        sampler_weights=weights_for_sampler,
        generator=generator,
        pin_memory=cuda,
        drop_last=len(train_ds) > config.batch_size,
        distributed=distributed,
    )

    def eval_loader(name: str):
        ids = subset_ids(name)
        ds = CachedImageDataset(images, masks, pre, None, ids)
        return (
            make_loader(
                ds, config.batch_size * 2, shuffle=False, num_workers=config.num_workers, pin_memory=cuda
            ),
            masks[ids],
            label_index(subsets[name], classes),
        )

    val_loader, val_mask, val_y = eval_loader("val")
    test_loader, test_mask, test_y = eval_loader("test") if subsets["test"] else (None, None, None)

    params = [p for p in model.parameters() if p.requires_grad]
    if config.optimizer == "sgd":
        optimizer = torch.optim.SGD(
            params, lr=config.lr, momentum=config.momentum, weight_decay=config.weight_decay
        )
    else:  # adamw (FitConfig.validate allows no other)
        optimizer = torch.optim.AdamW(params, lr=config.lr, weight_decay=config.weight_decay)
    if config.schedule == "cosine":
        scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=max(1, config.epochs))
    else:  # constant
        scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda _: 1.0)
    scaler = torch.amp.GradScaler("cuda") if cuda else None

    history: list[dict] = []
    best_f1, best_epoch, start_epoch, stale = -1.0, -1, 0, 0
    last_path, best_path = out_dir / "last.pt", out_dir / "best.pt"
    if config.resume:
        if not last_path.is_file():
            raise ManifestError(f"--resume: no checkpoint {last_path}; start without --resume")
        ckpt = torch.load(last_path, map_location="cpu", weights_only=True)
        if ckpt["arch"] != config.arch:
            raise ManifestError(f"--resume: {last_path} is a {ckpt['arch']} checkpoint, not {config.arch}")
        model.load_state_dict(ckpt["model"])
        optimizer.load_state_dict(ckpt["optimizer"])
        scheduler.load_state_dict(ckpt["scheduler"])
        if scaler is not None and ckpt.get("scaler"):
            scaler.load_state_dict(ckpt["scaler"])
        history, best_f1, best_epoch = ckpt["history"], ckpt["best_val_macro_f1"], ckpt["best_epoch"]
        start_epoch, stale = ckpt["epoch"] + 1, ckpt["stale"]

    writer = None
    if main_proc:
        from torch.utils.tensorboard import SummaryWriter

        writer = SummaryWriter(str(out_dir / "tensorboard"))
    ckpt_meta = {
        "arch": config.arch,
        "classes": list(classes),
        "input_size": size,
        "config": json.loads(json.dumps(asdict(config), default=str)),
        "init_meta": init_meta,
    }

    if config.init_head and start_epoch == 0 and main_proc:
        # The starting point is a candidate too: a head fitted on frozen features can already be better on
        # validation than anything the fine-tuning reaches, and then it is what gets exported.
        _, val0, _ = _eval_split(model, val_loader, device, val_mask, val_y, classes)
        best_f1, best_epoch = val0["macro_f1"], 0
        _atomic_save({**ckpt_meta, "model": model.state_dict(), "epoch": -1}, best_path)
    for epoch in range(start_epoch, config.epochs):
        if config.patience and stale >= config.patience:
            break
        # Each epoch's randomness depends only on (seed, epoch): a resumed run repeats it exactly.
        torch.manual_seed(config.seed * 1000 + epoch)
        generator.manual_seed(config.seed * 1000 + epoch)
        if distributed and hasattr(train_loader.sampler, "set_epoch"):
            train_loader.sampler.set_epoch(epoch)
        stats = train_one_epoch(
            train_model,
            train_loader,
            optimizer,
            device,
            class_weights=loss_weights,
            label_smoothing=config.label_smoothing,
            batchnorm_eval=config.batchnorm_eval,
            scaler=scaler,
            progress=config.progress and main_proc,
            desc=f"epoch {epoch + 1}/{config.epochs}",
        )
        lr = optimizer.param_groups[0]["lr"]
        scheduler.step()
        if not main_proc:
            continue
        _, val_m, val_loss = _eval_split(model, val_loader, device, val_mask, val_y, classes)
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
        if config.eval_test_each_epoch and test_loader is not None:
            entry["test_accuracy"] = _eval_split(model, test_loader, device, test_mask, test_y, classes)[1][
                "accuracy"
            ]
        history.append(entry)
        for key in ("train_loss", "val_loss", "val_accuracy", "val_macro_f1", "lr"):
            writer.add_scalar(key, entry[key], epoch + 1)
        if entry["test_accuracy"] != "":
            writer.add_scalar("test_accuracy", entry["test_accuracy"], epoch + 1)
        if val_m["macro_f1"] > best_f1:
            best_f1, best_epoch, stale = val_m["macro_f1"], epoch + 1, 0
            _atomic_save({**ckpt_meta, "model": model.state_dict(), "epoch": epoch}, best_path)
        else:
            stale += 1
        _write_history(out_dir / "history.csv", history)
        _atomic_save(
            {
                **ckpt_meta,
                "model": model.state_dict(),
                "optimizer": optimizer.state_dict(),
                "scheduler": scheduler.state_dict(),
                "scaler": scaler.state_dict() if scaler else {},
                "epoch": epoch,
                "history": history,
                "best_val_macro_f1": best_f1,
                "best_epoch": best_epoch,
                "stale": stale,
            },
            last_path,
        )
        if config.progress:
            print(
                f"epoch {epoch + 1}: loss {stats.loss:.4f}  val acc {val_m['accuracy']:.3f}  "
                f"val macro-F1 {val_m['macro_f1']:.3f}  {stats.images_per_second:.1f} img/s",
                flush=True,
            )

    result = FitResult(
        out_dir=out_dir, bundle_dir=None, history=history, best_epoch=best_epoch, best_val_macro_f1=best_f1
    )
    if distributed:
        torch.distributed.barrier()
    if not main_proc:
        return result
    if writer is not None:
        writer.close()
    best = torch.load(best_path, map_location="cpu", weights_only=True)
    model.load_state_dict(best["model"])
    val_logits, _, _ = _eval_split(model, val_loader, device, val_mask, val_y, classes)
    temperature = fit_temperature(val_logits, val_mask) if config.calibrate else 1.0
    result.temperature = temperature
    result.val_metrics = _eval_split(model, val_loader, device, val_mask, val_y, classes, temperature)[1]
    if test_loader is not None:
        result.test_metrics = _eval_split(
            model, test_loader, device, test_mask, test_y, classes, temperature
        )[1]
    result.provenance = {
        "command": command_line(),
        "config": ckpt_meta["config"],
        "commit": git_commit(),
        "manifest": str(manifest_path.resolve()),
        "manifest_sha256": sha256_file(manifest_path),
        "split_file": str(split_path.resolve()),
        "split_sha256": sha256_file(split_path),
        "fold": config.fold,
        "seed": config.seed,
        "epochs_trained": len(history),
        "best_epoch": best_epoch,
        **init_meta,
        "n_train": len(train_ids),
        "open_set": str(Path(config.open_set).resolve()) if config.open_set else None,
        "n_val": len(val_y),
        "n_test": 0 if test_y is None else len(test_y),
    }
    metrics = {
        "val": _headline(result.val_metrics),
        "test": _headline(result.test_metrics),
        "best_val_macro_f1": best_f1,
    }
    result.bundle_dir = export_bundle(
        model,
        config.arch,
        classes,
        out_dir / "bundle",
        input_size=size,
        temperature=temperature,
        metrics=metrics,
        provenance=result.provenance,
        name=config.bundle_name or f"{config.arch}-{init_meta['init']}",
    )
    (out_dir / "fit_result.json").write_text(
        json.dumps(
            {
                "best_epoch": best_epoch,
                "best_val_macro_f1": best_f1,
                "temperature": temperature,
                "val": result.val_metrics,
                "test": result.test_metrics,
                "bundle": str(result.bundle_dir),
            },
            indent=1,
        )
        + "\n"
    )
    return result


def _headline(m: dict) -> dict:
    if not m:
        return {}
    keys = ("accuracy", "macro_f1", "ece", "n_images")
    out = {k: m[k] for k in keys if k in m}
    if "mpox_vs_rest" in m:
        out["mpox_recall"] = m["mpox_vs_rest"]["recall"]
        out["mpox_specificity"] = m["mpox_vs_rest"]["specificity"]
    return out
