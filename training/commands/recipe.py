"""``mpox-train recipe default|paper``: a named end-to-end recipe (training/recipe.py, docs/recipes.md).

    mpox-train recipe default --data ../shared/data/skin/manifest.csv \\
        --more-data ../shared/data/skin_more/manifest.csv --open-set ../shared/data/open_set/manifest.csv \\
        --out runs/default --install models/bundles/default
"""

from __future__ import annotations

import argparse
import json
from dataclasses import fields, replace

from training.recipe import RECIPES, RecipeConfig, run_recipe

# Options a user may change from the command line (the rest of a recipe is fixed by its name).
_TUNABLE = (
    "seed",
    "fit_seed",
    "ssl_epochs",
    "ssl_input_size",
    "ssl_batch_size",
    "ssl_max_steps",
    "input_size",
    "epochs",
    "batch_size",
    "lr",
    "patience",
    "num_workers",
    "n_boot",
    "target_specificity",
    "arch",
    "init",
    "freeze_below",
    "weight_decay",
    "augment_p",
    "colour_jitter",
    "mixup_alpha",
    "cutmix_alpha",
    "label_smoothing",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("recipe", choices=sorted(RECIPES), help="default: the kiosk's model; paper: the paper's")
    add("--data", required=True, help="labelled manifest CSV (its unlabelled rows feed SimCLR)")
    add("--ssl-data", default="", help="SimCLR images: a folder or manifest (paper: ISIC 2019)")
    add("--out", required=True, help="run folder; a stopped run continues where it was")
    add("--install", default="", help="copy the final bundle here (e.g. models/bundles/default)")
    add(
        "--open-set",
        default="",
        help="open-set manifest (other_condition, not_skin): outlier exposure, the "
        "bundle's open-set head and its held-out figures (e.g. ../shared/data/open_set/manifest.csv)",
    )
    add(
        "--open-set-extra-known",
        default="",
        help="eight-class images the run does not train on (e.g. "
        "../shared/data/skin_more/manifest.csv): half fit the open-set heads, half choose their thresholds",
    )
    add(
        "--more-data",
        action="append",
        default=[],
        metavar="MANIFEST",
        help="more labelled images (e.g. "
        "../shared/data/skin_more/manifest.csv), split on their own with the seed and joined; repeatable",
    )
    add(
        "--fuse-with",
        default=None,
        help="comma-separated ImageNet trunks fused with the fine-tuned one "
        "(default recipe: efficientnet_lite0); 'none' for the fine-tuned network alone",
    )
    add(
        "--fusion-input-size",
        type=int,
        default=None,
        help="input size of the fused network (0: fine-tuning's)",
    )
    add(
        "--fit-from",
        default="",
        help="reuse this fine-tuned bundle instead of SimCLR + fine-tuning (it must "
        "have trained on this run's training side; checked)",
    )
    parser.add_argument(
        "--lp-ft",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="start fine-tuning from the linear probe's head (LP-FT; the default recipe's choice) or, "
        "with --no-lp-ft, from a fresh head (the paper recipe's)",
    )
    parser.add_argument(
        "--outlier-output",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="with --open-set: train the open-set images to one extra, training-only output instead of "
        "the uniform target (the bundle keeps the eight outputs)",
    )
    add(
        "--soup-seeds",
        default=None,
        metavar="SEEDS",
        help="comma-separated seeds of further fine-tuning draws whose weights are averaged with the "
        "first into one network (a model soup); 'none' for one draw",
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the frozen-feature baseline")
    parser.add_argument("--no-progress", action="store_true")
    types = {f.name: f.type for f in fields(RecipeConfig)}
    for name in _TUNABLE:
        kind = {"int": int, "float": float}.get(str(types[name]).removesuffix(" | None"), str)
        parser.add_argument(
            "--" + name.replace("_", "-"), type=kind, default=None, help="override the recipe's value"
        )


def run(args: argparse.Namespace) -> int:
    base = RECIPES[args.recipe]
    overrides = {name: getattr(args, name) for name in _TUNABLE if getattr(args, name) is not None}
    if args.fuse_with is not None:
        overrides["fuse_with"] = (
            ()
            if args.fuse_with == "none"
            else tuple(a.strip() for a in args.fuse_with.split(",") if a.strip())
        )
    if args.soup_seeds is not None:
        try:
            overrides["soup_seeds"] = (
                ()
                if args.soup_seeds == "none"
                else tuple(int(a) for a in args.soup_seeds.split(",") if a.strip())
            )
        except ValueError:
            raise SystemExit(
                f"mpox-train recipe: --soup-seeds {args.soup_seeds!r}: give whole numbers separated by "
                "commas (e.g. 1,2), or none"
            ) from None
    if args.fusion_input_size is not None:
        overrides["fusion_input_size"] = args.fusion_input_size
    cfg = replace(
        base,
        manifest=args.data,
        out=args.out,
        ssl_data=args.ssl_data,
        install=args.install,
        open_set=args.open_set,
        open_set_extra_known=args.open_set_extra_known,
        extra_data=tuple(args.more_data),
        fit_from=args.fit_from,
        **({"probe_head": args.lp_ft} if args.lp_ft is not None else {}),
        **({"outlier_output": args.outlier_output} if args.outlier_output is not None else {}),
        baseline=not args.no_baseline,
        progress=not args.no_progress,
        **overrides,
    )
    summary = run_recipe(cfg)
    print(json.dumps(summary, indent=2))
    return 0
