"""``mpox-train cross-source``: choose a bundle's heads by the source-held-out protocol (issue 31).

    mpox-train cross-source --bundle models/bundles/default \\
        --data ../shared/data/skin/manifest.csv --data ../shared/data/skin_more/manifest.csv \\
        --split-file runs/lpft/split.json --open-set ../shared/data/open_set/manifest.csv \\
        --new-source sd198=../shared/data/sd198/manifest.csv \\
        --new-source pad_ufes=../shared/data/pad_ufes/manifest.csv --out runs/cross-source

Compares the levers (conditioning of the input, other conditions as "not mpox", source balance, sources of the
unknown check, regularisation) on frozen features by the figures of sources held out of the heads' fitting,
writes ``levers.md`` / ``levers.json`` and, with ``--write-bundle DIR``, the bundle with the chosen heads (its
ONNX graph re-exported, its model card leading with the cross-source figures). A written bundle needs a new
pin or signature before a station accepts it (``mpox-train pin|sign``).
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path


def _named(value: str) -> tuple[str, Path]:
    name, sep, path = value.partition("=")
    if not sep or not name or not path:
        raise argparse.ArgumentTypeError(
            f"{value!r}: give NAME=MANIFEST, e.g. sd198=../shared/data/sd198/manifest.csv"
        )
    return name, Path(path)


def _steps(value: str) -> tuple[str, ...]:
    from models.preprocessing import UnknownPreprocessingError, check_steps

    try:
        return () if value in ("", "none", "plain") else check_steps(value.split("+"))
    except UnknownPreprocessingError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from training.cross_source import STAGES

    parser.add_argument("--bundle", required=True, type=Path, help="the bundle whose heads to choose")
    parser.add_argument(
        "--data", required=True, type=Path, action="append", help="a labelled manifest the bundle trained on"
    )
    parser.add_argument("--split-file", required=True, type=Path, help="the bundle's split of --data")
    parser.add_argument("--open-set", required=True, type=Path, help="the open-set manifest")
    parser.add_argument(
        "--new-source",
        type=_named,
        action="append",
        default=[],
        metavar="NAME=MANIFEST",
        help="a source the bundle never trained on (repeatable): held out to measure, in rotation to train",
    )
    parser.add_argument(
        "--stations",
        type=Path,
        action="append",
        default=[],
        metavar="MANIFEST",
        help="the stations' confirmed cases (mpox-train data --from-store): each station a new source",
    )
    parser.add_argument("--out", required=True, type=Path, help="folder for features and the lever table")
    parser.add_argument(
        "--steps",
        type=_steps,
        action="append",
        metavar="STEP[+STEP]",
        help="a conditioning to try (repeatable; 'none' for none); default: none, mask_marks, "
        "shades_of_grey, and both",
    )
    parser.add_argument(
        "--stages", type=int, nargs="+", help=f"which stages to run (default all): {list(enumerate(STAGES))}"
    )
    parser.add_argument("--no-mirror", action="store_true", help="fit on the pictures only (half the time)")
    parser.add_argument(
        "--start",
        type=Path,
        metavar="LEVERS_JSON",
        help="start from the lever an earlier run chose (its levers.json), e.g. to run one more stage",
    )
    parser.add_argument(
        "--write-bundle", type=Path, metavar="DIR", help="write the bundle with the chosen heads"
    )
    parser.add_argument("--seed", type=int, default=0)


def run(args: argparse.Namespace) -> int:
    from training.cross_source import STAGES, CrossSourceConfig, _features_for, load_rows, write_bundle
    from training.cross_source import run as run_protocol
    from training.cross_source_card import levers_markdown, write_card

    if not args.new_source and not args.stations:
        print(
            "give at least one --new-source NAME=MANIFEST or --stations MANIFEST: the protocol measures "
            "sources held out"
        )
        return 2
    cfg = CrossSourceConfig(
        bundle=args.bundle,
        data=list(args.data),
        split_file=args.split_file,
        open_set=args.open_set,
        new_sources=dict(args.new_source),
        station_manifests=tuple(args.stations),
        out=args.out,
        mirror=not args.no_mirror,
        seed=args.seed,
    )
    if args.steps:
        cfg.steps_options = tuple(args.steps)
    if args.stages:
        cfg.stages = tuple(STAGES[i] for i in args.stages)
    if args.start:
        import json

        from training.cross_source import Lever

        chosen = json.loads(args.start.read_text())["chosen"]
        cfg.start = Lever(**dict(chosen, steps=tuple(chosen["steps"])))
    result = run_protocol(cfg, progress=lambda m: print(m, flush=True))
    table = levers_markdown(result)
    (args.out / "levers.md").write_text(table)
    print(table)
    if args.write_bundle:
        from models.bundle import load_bundle
        from models.imageio import decode_image

        heads = result["heads"]
        rows = load_rows(cfg)
        network = Path(heads.fitted_on["network"])  # the bundle, or its fine-tuned trunk alone
        sub = cfg if heads.lever.network == "bundle" else replace(cfg, out=cfg.out / heads.lever.network)
        x, _ = _features_for(sub, load_bundle(network), rows, heads.lever.steps)
        pick = list(range(0, len(rows), max(1, len(rows) // 8)))[:8]
        images = [decode_image(rows.records[i].path) for i in pick]
        out = write_bundle(network, heads, result, args.write_bundle, x[pick], images)
        write_card(out, result, previous=cfg.bundle / "MODEL_CARD.md")
        print(f"wrote {out}; pin or sign it before a station uses it (mpox-train pin --bundle {out})")
    return 0
