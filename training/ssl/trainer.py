"""SimCLR pre-training loop: plain functions, resumable, CPU or CUDA, one process or torchrun.

Writes into ``out``: ``checkpoint.pt`` (full training state, every epoch or every N steps),
``loss_steps.csv`` / ``epochs.csv`` (NT-Xent loss per step and per epoch, kNN monitor), ``loss_curve.png``,
``skipped.txt`` (unreadable images and why), and at the end ``backbone.safetensors`` + ``backbone.json``.
"""

from __future__ import annotations

import csv
import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
from lightly.loss import NTXentLoss
from torch import nn
from torch.utils.data import DataLoader
from tqdm import tqdm

from models.registry import get_spec

from ..freezing import freeze_below, keep_frozen_batchnorm_in_eval
from ..utils import (
    DistInfo,
    barrier,
    device_problem,
    dist_info,
    init_distributed,
    make_optimizer,
    pick_device,
    wrap_ddp,
)
from ..utils import save_checkpoint as atomic_torch_save
from .checkpoint import WEIGHTS_NAME, make_metadata, save_simclr_backbone
from .data import ResumableSampler, ScanResult, SSLDataError, TwoViewDataset, list_images, scan_images
from .knn import KNNMonitor
from .model import SimCLRNet, simclr_transform

CHECKPOINT_NAME = "checkpoint.pt"
OPTIMIZERS = ("sgd", "lars", "adamw")
# Settings a resumed run must share with the run it continues (others, like workers, may change).
_RESUME_MUST_MATCH = (
    "arch",
    "init",
    "epochs",
    "max_steps",
    "batch_size",
    "input_size",
    "temperature",
    "optimizer",
    "lr",
    "momentum",
    "weight_decay",
    "warmup_steps",
    "seed",
    "min_scale",
    "cj_strength",
    "blur",
    "proj_dim",
    "all_rows",
)


@dataclass
class PretrainConfig:
    arch: str
    data: str
    out: str
    init: str = "random"
    epochs: int = 10
    max_steps: int = 0  # 0: no limit other than epochs
    batch_size: int = 64
    input_size: int = 224
    temperature: float = 0.5
    optimizer: str = "sgd"
    lr: float = 0.06
    momentum: float = 0.9
    weight_decay: float = 5e-4
    warmup_steps: int = 0
    seed: int = 0
    all_rows: bool = False
    min_scale: float = 0.08
    cj_strength: float = 1.0
    blur: float = 0.5
    proj_dim: int = 128
    num_workers: int = 0
    checkpoint_every: int = 0  # steps; 0: at the end of every epoch only
    resume: bool = False
    knn_manifest: str = ""
    knn_every: int = 1  # epochs
    knn_k: int = 10
    knn_max_images: int = 400
    device: str = "auto"
    amp: str = "auto"  # auto: on for CUDA
    progress: bool = True
    freeze_below: str = ""  # keep the backbone's lower layers (and their BN statistics) as initialised


@dataclass
class PretrainResult:
    out: Path
    backbone_path: Path
    steps: int
    epochs_done: int
    step_losses: list[float] = field(default_factory=list)
    epochs: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def lr_lambda(total: int, warmup: int) -> Callable[[int], float]:
    """Linear warm-up then cosine decay to zero over the planned total (not where a run stops)."""

    def factor(step: int) -> float:
        if warmup and step < warmup:
            return (step + 1) / warmup
        progress = (step - warmup) / max(1, total - warmup)
        return 0.5 * (1.0 + math.cos(math.pi * min(1.0, progress)))

    return factor


def write_logs(out: Path, steps: list[dict], epochs: list[dict]) -> None:
    """Rewrite the CSVs and figure from the history (so a resumed run's logs hold no orphan rows)."""
    with open(out / "loss_steps.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["step", "epoch", "loss", "lr"])
        writer.writeheader()
        writer.writerows(steps)
    fields = list(dict.fromkeys(k for row in epochs for k in row)) or ["epoch"]
    with open(out / "epochs.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(epochs)
    plot_loss_curve(out / "loss_curve.png", steps, epochs)


def plot_loss_curve(path: Path, steps: list[dict], epochs: list[dict]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    knn = [(e["step"], e["knn_accuracy"]) for e in epochs if e.get("knn_accuracy") not in (None, "")]
    fig, axes = plt.subplots(1, 2 if knn else 1, figsize=(10 if knn else 6, 4), squeeze=False)
    ax = axes[0][0]
    if steps:
        ax.plot([s["step"] for s in steps], [s["loss"] for s in steps], lw=0.8, alpha=0.6, label="per step")
    if epochs:
        done = [e for e in epochs if e.get("loss") is not None]
        ax.plot([e["step"] for e in done], [e["loss"] for e in done], "o-", label="epoch mean")
    ax.set(xlabel="step", ylabel="NT-Xent loss", title="SimCLR pre-training loss")
    ax.legend()
    if knn:
        ax2 = axes[0][1]
        ax2.plot([s for s, _ in knn], [a for _, a in knn], "s-", color="tab:green")
        ax2.set(xlabel="step", ylabel="kNN accuracy", title="kNN monitor (leave-one-group-out)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _check_resume(cfg: PretrainConfig, state: dict, path: Path, data_sha: str) -> None:
    saved = state["config"]
    diff = [
        f"{k}: {saved.get(k)!r} in the checkpoint, {getattr(cfg, k)!r} now"
        for k in _RESUME_MUST_MATCH
        if saved.get(k) != getattr(cfg, k)
    ]
    if state.get("data_sha256") != data_sha:
        diff.append("the images (their SHA-256 differs from the checkpoint's)")
    if diff:
        raise SSLDataError(
            f"cannot resume from {path}: settings differ ({'; '.join(diff)}). Resume with the "
            "same settings, or start afresh with another --out"
        )


def validate_config(cfg: PretrainConfig) -> None:
    """Refuse settings that cannot train, naming the option, before any work is done."""
    get_spec(cfg.arch)  # unknown architecture -> ValueError listing the known ones
    device_trouble = device_problem(cfg.device)
    problems = [
        (cfg.epochs < 1, f"--epochs {cfg.epochs}: must be at least 1"),
        (cfg.max_steps < 0, f"--max-steps {cfg.max_steps}: must be 0 (no limit) or positive"),
        (cfg.batch_size < 2, f"--batch-size {cfg.batch_size}: NT-Xent needs at least 2 images per batch"),
        (cfg.input_size < 16, f"--input-size {cfg.input_size}: must be at least 16 pixels"),
        (cfg.temperature <= 0, f"--temperature {cfg.temperature}: must be positive"),
        (cfg.lr <= 0, f"--lr {cfg.lr}: must be positive"),
        (not 0 < cfg.min_scale <= 1, f"--min-scale {cfg.min_scale}: must be in (0, 1]"),
        (cfg.optimizer not in OPTIMIZERS, f"--optimizer {cfg.optimizer!r}: choose one of {OPTIMIZERS}"),
        (cfg.amp not in ("auto", "on", "off"), f"--amp {cfg.amp!r}: choose auto, on or off"),
        (device_trouble is not None, f"--device: {device_trouble}"),
    ]
    for bad, message in problems:
        if bad:
            raise SSLDataError(message)


@dataclass
class _Run:
    """One pre-training run: where it trains, on what, with which parts, and how far it has got."""

    cfg: PretrainConfig
    ddp: DistInfo
    device: torch.device
    use_amp: bool
    out: Path
    scan: ScanResult
    steps_per_epoch: int
    total: int
    net: SimCLRNet
    model: nn.Module
    criterion: NTXentLoss
    optimizer: torch.optim.Optimizer
    scheduler: torch.optim.lr_scheduler.LambdaLR
    scaler: torch.amp.GradScaler
    step: int = 0
    epoch: int = 0
    step_in_epoch: int = 0
    hist_steps: list[dict] = field(default_factory=list)
    hist_epochs: list[dict] = field(default_factory=list)

    @property
    def cuda(self) -> bool:
        return self.device.type == "cuda"

    @property
    def ckpt_path(self) -> Path:
        return self.out / CHECKPOINT_NAME


def pretrain(cfg: PretrainConfig, on_step: Callable[[int, float], None] | None = None) -> PretrainResult:
    """Run (or resume) SimCLR pre-training as configured; returns what it did and where it wrote."""
    validate_config(cfg)
    ddp = dist_info()
    device = pick_device(cfg.device, ddp)
    init_distributed(ddp, device)
    cuda = device.type == "cuda"
    use_amp = cuda if cfg.amp == "auto" else cfg.amp == "on"
    if use_amp and not cuda:
        raise SSLDataError("--amp on needs CUDA; on the CPU use --amp off (or auto)")
    out = Path(cfg.out)
    _check_out(cfg, out / CHECKPOINT_NAME)
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(cfg.seed)
    scan = _scan_data(cfg, out, ddp)
    run = _setup_run(cfg, ddp, device, use_amp, out, scan)
    if cfg.resume:
        _resume(run)
    monitor = _knn_monitor(run)
    _train(run, monitor, on_step)
    backbone_path = _export_backbone(run)
    barrier(ddp)
    return PretrainResult(
        out,
        backbone_path,
        run.step,
        run.epoch,
        [s["loss"] for s in run.hist_steps],
        run.hist_epochs,
        scan.skipped,
    )


def _check_out(cfg: PretrainConfig, ckpt_path: Path) -> None:
    """Refuse to overwrite an earlier run's checkpoint, and to resume where there is none."""
    if ckpt_path.exists() and not cfg.resume:
        raise SSLDataError(
            f"{ckpt_path} already exists: pass --resume to continue that run, or choose "
            "another --out (nothing was overwritten)"
        )
    if cfg.resume and not ckpt_path.exists():
        raise SSLDataError(f"--resume: no checkpoint at {ckpt_path}; run without --resume to start")


def _scan_data(cfg: PretrainConfig, out: Path, ddp: DistInfo) -> ScanResult:
    """Decode the images once, listing the unreadable ones (and why) in ``skipped.txt``."""
    data_root = Path(cfg.data) if Path(cfg.data).is_dir() else Path(cfg.data).parent
    scan = scan_images(
        list_images(cfg.data, cfg.all_rows), root=data_root, progress=cfg.progress and ddp.main
    )
    if ddp.main:
        (out / "skipped.txt").write_text("".join(f"{p}\t{why}\n" for p, why in scan.skipped))
        if scan.skipped:
            print(
                f"skipped {len(scan.skipped)} unreadable image(s) of {len(scan.items) + len(scan.skipped)} "
                f"(listed with reasons in {out / 'skipped.txt'})"
            )
    return scan


def _setup_run(
    cfg: PretrainConfig, ddp: DistInfo, device: torch.device, use_amp: bool, out: Path, scan: ScanResult
) -> _Run:
    """Plan the steps, and build the network, loss, optimiser, schedule and gradient scaler."""
    cuda = device.type == "cuda"
    per_rank = len(scan.items) // ddp.world_size
    steps_per_epoch = per_rank // cfg.batch_size
    if steps_per_epoch < 1:
        raise SSLDataError(
            f"{len(scan.items)} readable image(s) in {cfg.data} is fewer than --batch-size "
            f"{cfg.batch_size} x {ddp.world_size} process(es): lower --batch-size or add "
            "images"
        )
    total = cfg.epochs * steps_per_epoch
    if cfg.max_steps:
        total = min(total, cfg.max_steps)

    net = SimCLRNet(cfg.arch, cfg.init, cfg.proj_dim).to(device)
    if cfg.freeze_below:
        freeze_below(net.backbone, cfg.freeze_below)
    if cuda:
        net = net.to(memory_format=torch.channels_last)
        if ddp.world_size > 1:
            net = nn.SyncBatchNorm.convert_sync_batchnorm(net)  # SimCLR's BN statistics over the global batch
    model = wrap_ddp(net, ddp, device)
    criterion = NTXentLoss(temperature=cfg.temperature, gather_distributed=ddp.world_size > 1)
    optimizer = make_optimizer(
        cfg.optimizer,
        [p for p in net.parameters() if p.requires_grad],
        lr=cfg.lr,
        momentum=cfg.momentum,
        weight_decay=cfg.weight_decay,
    )
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda(total, cfg.warmup_steps))
    scaler = torch.amp.GradScaler("cuda", enabled=use_amp)
    return _Run(
        cfg,
        ddp,
        device,
        use_amp,
        out,
        scan,
        steps_per_epoch,
        total,
        net,
        model,
        criterion,
        optimizer,
        scheduler,
        scaler,
    )


def _resume(run: _Run) -> None:
    """Load the checkpoint's training state (weights, optimiser, schedule, progress, RNG) into ``run``."""
    state = torch.load(run.ckpt_path, map_location="cpu", weights_only=True)
    _check_resume(run.cfg, state, run.ckpt_path, run.scan.sha256)
    run.net.load_state_dict(state["model"])
    run.optimizer.load_state_dict(state["optimizer"])
    run.scheduler.load_state_dict(state["scheduler"])
    run.scaler.load_state_dict(state["scaler"])
    run.step, run.epoch, run.step_in_epoch = state["step"], state["epoch"], state["step_in_epoch"]
    run.hist_steps, run.hist_epochs = state["history_steps"], state["history_epochs"]
    torch.set_rng_state(state["torch_rng"])
    if run.cuda and state.get("cuda_rng"):
        torch.cuda.set_rng_state_all(state["cuda_rng"])
    if run.ddp.main:
        print(
            f"resumed from {run.ckpt_path} at step {run.step} (epoch {run.epoch + 1}, "
            f"step {run.step_in_epoch} of it)"
        )


def _save_checkpoint(run: _Run) -> None:
    """Save the full training state (main process only) and rewrite the logs from the history."""
    if not run.ddp.main:
        return
    atomic_torch_save(
        {
            "config": asdict(run.cfg),
            "data_sha256": run.scan.sha256,
            "model": run.net.state_dict(),
            "optimizer": run.optimizer.state_dict(),
            "scheduler": run.scheduler.state_dict(),
            "scaler": run.scaler.state_dict(),
            "step": run.step,
            "epoch": run.epoch,
            "step_in_epoch": run.step_in_epoch,
            "history_steps": run.hist_steps,
            "history_epochs": run.hist_epochs,
            "torch_rng": torch.get_rng_state(),
            "cuda_rng": torch.cuda.get_rng_state_all() if run.cuda else [],
        },
        run.ckpt_path,
    )
    write_logs(run.out, run.hist_steps, run.hist_epochs)


def _knn_monitor(run: _Run) -> KNNMonitor | None:
    """The kNN monitor where one is asked for (main process only), with the starting point measured."""
    cfg = run.cfg
    monitor = None
    if cfg.knn_manifest and run.ddp.main:
        monitor = KNNMonitor.from_manifest(
            cfg.knn_manifest, cfg.arch, cfg.input_size, cfg.knn_k, cfg.knn_max_images, cfg.seed
        )

    if monitor is not None and run.step == 0 and not run.hist_epochs:
        # The starting point, so the figure shows whether SimCLR improves on (or spoils) the init.
        run.hist_epochs.append(
            {
                "epoch": 0,
                "step": 0,
                "loss": None,
                "images_per_s": None,
                **monitor.evaluate(run.net.backbone, run.device),
            }
        )
    return monitor


def _train(run: _Run, monitor: KNNMonitor | None, on_step: Callable[[int, float], None] | None) -> None:
    """The epoch loop: train until the planned total of steps, checkpointing after every epoch."""
    cfg, ddp = run.cfg, run.ddp
    transform = simclr_transform(cfg.arch, cfg.input_size, cfg.min_scale, cfg.cj_strength, cfg.blur)
    sampler = ResumableSampler(len(run.scan.items), cfg.seed, ddp.rank, ddp.world_size)
    loader = DataLoader(
        TwoViewDataset(run.scan.items, transform, cfg.seed),
        batch_size=cfg.batch_size,
        sampler=sampler,
        drop_last=True,
        num_workers=cfg.num_workers,
        pin_memory=run.cuda,
        persistent_workers=False,
        generator=torch.Generator().manual_seed(cfg.seed),
    )  # keeps the global RNG untouched
    bar = tqdm(
        total=run.total,
        initial=run.step,
        desc=f"SimCLR {cfg.arch}",
        unit="step",
        disable=not (cfg.progress and ddp.main),
    )
    run.model.train()
    keep_frozen_batchnorm_in_eval(run.model)
    while run.step < run.total:
        sampler.set_epoch(run.epoch, run.step_in_epoch * cfg.batch_size)
        t0, seen = time.perf_counter(), 0
        for view0, view1 in loader:
            if run.step >= run.total:
                break
            images, value = _train_step(run, view0, view1, bar)
            seen += images
            if (
                cfg.checkpoint_every
                and run.step % cfg.checkpoint_every == 0
                and run.step_in_epoch < run.steps_per_epoch
            ):
                _save_checkpoint(run)
            if on_step is not None:
                on_step(run.step, value)
        run.hist_epochs.append(_epoch_record(run, monitor, bar, seen, time.perf_counter() - t0))
        run.epoch, run.step_in_epoch = run.epoch + 1, 0
        _save_checkpoint(run)
    bar.close()


def _train_step(run: _Run, view0: torch.Tensor, view1: torch.Tensor, bar: tqdm) -> tuple[int, float]:
    """One optimisation step on a batch of view pairs, logged; returns (images seen, all processes; loss)."""
    view0 = view0.to(run.device, non_blocking=True)
    view1 = view1.to(run.device, non_blocking=True)
    if run.cuda:
        view0 = view0.contiguous(memory_format=torch.channels_last)
        view1 = view1.contiguous(memory_format=torch.channels_last)
    with torch.autocast(run.device.type, dtype=torch.float16, enabled=run.use_amp):
        z0, z1 = run.model(view0), run.model(view1)
    loss = run.criterion(z0.float(), z1.float())  # the loss itself in float32
    run.optimizer.zero_grad(set_to_none=True)
    run.scaler.scale(loss).backward()
    run.scaler.step(run.optimizer)
    run.scaler.update()
    lr = run.optimizer.param_groups[0]["lr"]
    run.scheduler.step()
    run.step += 1
    run.step_in_epoch += 1
    value = float(loss.detach())
    run.hist_steps.append({"step": run.step, "epoch": run.epoch + 1, "loss": value, "lr": lr})
    bar.update(1)
    bar.set_postfix(loss=f"{value:.4f}", epoch=run.epoch + 1)
    return view0.shape[0] * run.ddp.world_size, value


def _epoch_record(
    run: _Run, monitor: KNNMonitor | None, bar: tqdm, seen: int, elapsed: float
) -> dict[str, Any]:
    """The epoch's row of the log: mean loss, throughput and, when due, the kNN monitor's figures."""
    cfg = run.cfg
    epoch_losses = [s["loss"] for s in run.hist_steps if s["epoch"] == run.epoch + 1]
    record: dict[str, Any] = {
        "epoch": run.epoch + 1,
        "step": run.step,
        "loss": sum(epoch_losses) / max(1, len(epoch_losses)),
        "images_per_s": round(seen / elapsed, 2) if elapsed > 0 and seen else "",
    }
    last = run.step >= run.total
    if monitor is not None and ((run.epoch + 1) % max(1, cfg.knn_every) == 0 or last):
        record.update(monitor.evaluate(run.net.backbone, run.device))
        if run.ddp.main:
            bar.write(
                f"epoch {run.epoch + 1}: loss {record['loss']:.4f}, kNN accuracy "
                f"{record['knn_accuracy']:.3f} (balanced {record['knn_balanced_accuracy']:.3f})"
            )
    return record


def _export_backbone(run: _Run) -> Path:
    """Write the trained backbone and its metadata (main process only); returns the weights' path."""
    cfg, ddp, scan, hist_epochs = run.cfg, run.ddp, run.scan, run.hist_epochs
    backbone_path = run.out / WEIGHTS_NAME
    if ddp.main:
        last_knn = next((e for e in reversed(hist_epochs) if "knn_accuracy" in e), {})
        meta = make_metadata(
            run.net.backbone,
            cfg.arch,
            input_size=cfg.input_size,
            init=cfg.init,
            epochs=run.epoch,
            steps=run.step,
            loss="NT-Xent",
            temperature=cfg.temperature,
            final_loss=hist_epochs[-1]["loss"] if hist_epochs else None,
            knn_before=(
                {k: v for k, v in hist_epochs[0].items() if k.startswith("knn")}
                if hist_epochs and hist_epochs[0]["epoch"] == 0
                else {}
            ),
            batch_size=cfg.batch_size * ddp.world_size,
            optimizer=cfg.optimizer,
            lr=cfg.lr,
            seed=cfg.seed,
            data={
                "source": str(cfg.data),
                "rows": "all" if cfg.all_rows else "unlabelled",
                "images": len(scan.items),
                "skipped": len(scan.skipped),
                "sha256": scan.sha256,
            },
            knn={k: v for k, v in last_knn.items() if k.startswith("knn")},
            device=run.device.type,
            amp=run.use_amp,
            world_size=ddp.world_size,
        )
        save_simclr_backbone(run.net.backbone, backbone_path, meta)
    return backbone_path
