"""``mpox-train pretrain``: SimCLR self-supervised pre-training of a registry backbone.

Example (the paper's setting on the unlabelled HAM10000 images of the shared data):
    mpox-train pretrain --arch resnext101_64x4d --init imagenet --data ../shared/data/skin/manifest.csv \
        --epochs 100 --out runs/ssl/resnext
"""

from __future__ import annotations

import argparse

from models.registry import INITS, REGISTRY
from training.ssl.trainer import OPTIMIZERS, PretrainConfig


def add_arguments(parser: argparse.ArgumentParser) -> None:
    d = PretrainConfig(arch="", data="", out="")
    parser.add_argument("--arch", required=True, choices=sorted(REGISTRY), help="backbone architecture")
    parser.add_argument(
        "--data",
        required=True,
        help="an image folder, or a manifest CSV (its 'unlabelled' rows unless --all-rows)",
    )
    parser.add_argument("--out", required=True, help="run folder (checkpoint, logs, backbone.safetensors)")
    parser.add_argument("--init", choices=INITS, default=d.init, help="backbone start (default %(default)s)")
    parser.add_argument("--all-rows", action="store_true", help="use every manifest row, labels ignored")
    parser.add_argument("--epochs", type=int, default=d.epochs)
    parser.add_argument("--max-steps", type=int, default=d.max_steps, help="stop after N steps (0: no limit)")
    parser.add_argument("--batch-size", type=int, default=d.batch_size, help="per process")
    parser.add_argument("--input-size", type=int, default=d.input_size, help="crop size (paper: 224)")
    parser.add_argument("--temperature", type=float, default=d.temperature, help="NT-Xent temperature")
    parser.add_argument("--optimizer", choices=OPTIMIZERS, default=d.optimizer, help="paper: sgd")
    parser.add_argument("--lr", type=float, default=d.lr)
    parser.add_argument("--momentum", type=float, default=d.momentum)
    parser.add_argument("--weight-decay", type=float, default=d.weight_decay)
    parser.add_argument("--warmup-steps", type=int, default=d.warmup_steps)
    parser.add_argument(
        "--min-scale", type=float, default=d.min_scale, help="random resized crop's smallest area"
    )
    parser.add_argument("--cj-strength", type=float, default=d.cj_strength, help="colour jitter strength")
    parser.add_argument("--blur", type=float, default=d.blur, help="probability of Gaussian blur")
    parser.add_argument("--proj-dim", type=int, default=d.proj_dim, help="projection output size")
    parser.add_argument("--seed", type=int, default=d.seed)
    parser.add_argument("--num-workers", type=int, default=d.num_workers, help="data loader processes")
    parser.add_argument(
        "--checkpoint-every",
        type=int,
        default=d.checkpoint_every,
        help="also checkpoint every N steps (default: at each epoch's end only)",
    )
    parser.add_argument("--resume", action="store_true", help="continue the run in --out exactly")
    parser.add_argument("--knn-manifest", default="", help="labelled manifest for the kNN monitor")
    parser.add_argument("--knn-every", type=int, default=d.knn_every, help="epochs between kNN checks")
    parser.add_argument("--knn-k", type=int, default=d.knn_k)
    parser.add_argument("--knn-max-images", type=int, default=d.knn_max_images)
    parser.add_argument("--device", default=d.device, help="auto, cpu, cuda, cuda:N")
    parser.add_argument("--amp", choices=("auto", "on", "off"), default=d.amp, help="mixed precision (CUDA)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def config_from_args(args: argparse.Namespace) -> PretrainConfig:
    fields = {k: v for k, v in vars(args).items() if k not in ("no_progress",)}
    return PretrainConfig(**fields, progress=not args.no_progress)


def run(args: argparse.Namespace) -> int:
    import os

    import torch.distributed as dist

    from training.ssl.trainer import pretrain

    try:
        result = pretrain(config_from_args(args))
    finally:
        if dist.is_initialized():
            dist.destroy_process_group()
    if int(os.environ.get("RANK", "0")) != 0:
        return 0  # under torchrun, rank 0 reports
    last = result.epochs[-1] if result.epochs else {}
    print(
        f"pre-trained {args.arch} for {result.steps} steps ({result.epochs_done} epoch(s)); "
        f"final epoch loss {last.get('loss', float('nan')):.4f}"
    )
    if "knn_accuracy" in last:
        print(
            f"kNN monitor: accuracy {last['knn_accuracy']:.3f}, balanced {last['knn_balanced_accuracy']:.3f}"
        )
    print(
        f"backbone: {result.backbone_path} (fine-tune with "
        f"`mpox-train fit --arch {args.arch} --init simclr:{result.backbone_path}`)"
    )
    print(
        f"loss curve: {result.out / 'loss_curve.png'}, logs: {result.out / 'loss_steps.csv'}, "
        f"{result.out / 'epochs.csv'}"
    )
    return 0
