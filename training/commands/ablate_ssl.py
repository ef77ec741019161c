"""``mpox-train ablate-ssl``: random vs ImageNet vs SimCLR vs ImageNet+SimCLR under one split and budget.

Example (reduced CPU budget; see docs/ssl.md for the run reported there):
    mpox-train ablate-ssl --manifest ../shared/data/skin/manifest.csv --arch efficientnet_lite0 \
        --input-size 96 --ssl-epochs 3 --fit-epochs 4 --out runs/ablate-ssl
"""

from __future__ import annotations

import argparse

from models.registry import REGISTRY
from training.ssl_ablation import ARMS, AblationConfig


def add_arguments(parser: argparse.ArgumentParser) -> None:
    d = AblationConfig(manifest="", out="")
    parser.add_argument(
        "--manifest", required=True, help="labelled manifest (its unlabelled rows feed SimCLR)"
    )
    parser.add_argument("--out", required=True, help="run folder (split, runs, ablation.md/.csv/.json)")
    parser.add_argument("--arch", choices=sorted(REGISTRY), default=d.arch)
    parser.add_argument("--arms", nargs="+", choices=ARMS, default=list(ARMS))
    parser.add_argument("--seed", type=int, default=d.seed)
    parser.add_argument("--split-file", default="", help="an existing split (default: made with --seed)")
    parser.add_argument("--input-size", type=int, default=d.input_size, help="0: the architecture's")
    parser.add_argument(
        "--ssl-data", default="", help="SimCLR images (default: the manifest's unlabelled rows)"
    )
    parser.add_argument("--ssl-max-images", type=int, default=d.ssl_max_images, help="seeded subset (0: all)")
    parser.add_argument("--ssl-epochs", type=int, default=d.ssl_epochs)
    parser.add_argument("--ssl-max-steps", type=int, default=d.ssl_max_steps)
    parser.add_argument("--ssl-batch-size", type=int, default=d.ssl_batch_size)
    parser.add_argument("--ssl-lr", type=float, default=d.ssl_lr)
    parser.add_argument("--ssl-temperature", type=float, default=d.ssl_temperature)
    parser.add_argument("--fit-epochs", type=int, default=d.fit_epochs)
    parser.add_argument("--fit-batch-size", type=int, default=d.fit_batch_size)
    parser.add_argument("--fit-lr", type=float, default=d.fit_lr)
    parser.add_argument("--fit-optimizer", choices=("sgd", "adamw"), default="sgd", help="fit's optimiser")
    parser.add_argument(
        "--fit-balance",
        choices=("none", "weights", "sampler"),
        default="none",
        help="fit's class balancing, the same for every arm",
    )
    parser.add_argument("--n-boot", type=int, default=d.n_boot, help="bootstrap resamples for the intervals")
    parser.add_argument("--num-workers", type=int, default=d.num_workers)
    parser.add_argument("--no-progress", action="store_true")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from training.ssl_ablation import run_ablation

    fields = {
        k: v
        for k, v in vars(args).items()
        if k not in ("no_progress", "arms", "fit_balance", "fit_optimizer")
    }
    extra = {"balance": args.fit_balance} if args.fit_balance != "none" else {}
    if args.fit_optimizer != "sgd":
        extra["optimizer"] = args.fit_optimizer
    run_ablation(
        AblationConfig(**fields, arms=tuple(args.arms), progress=not args.no_progress, extra_fit=extra)
    )
    print((Path(args.out) / "ablation.md").read_text())
    print(f"table: {Path(args.out) / 'ablation.md'}, {Path(args.out) / 'ablation.csv'}")
    return 0
