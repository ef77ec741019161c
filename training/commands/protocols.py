"""``mpox-train protocols``: honest evaluation protocols on frozen ImageNet features, beside the papers.

    mpox-train protocols --data ../shared/data/skin/manifest.csv \\
        --more-data ../shared/data/skin_more/manifest.csv --out runs/protocols --results docs/results

1. MSLD v1 mpox vs others, 3-fold CV grouped by patient, seeds 0,1,2 (Ali et al. 2022's protocol);
2. leave one source out over every eight-class source (cross-source generalisation).

Frozen features + logistic regression only: fine-tuning once per fold is out of reach on a CPU. The features
are saved under ``--out``, so a rerun only refits the regressions. See training/protocols.py.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

NO_FINE_TUNING = (
    "frozen ImageNet features + logistic regression, no fine-tuning (fine-tuning per fold is out of reach "
    "on this CPU); not the shipped fine-tuned/fused model, whose fine-tuned trunk saw parts of these sources"
)


def _ints(text: str) -> list[int]:
    try:
        return [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated integers, got {text!r}") from None


def _names(text: str) -> tuple[str, ...]:
    names = tuple(v.strip() for v in text.split(",") if v.strip())
    if not names:
        raise argparse.ArgumentTypeError("expected comma-separated trunk names, e.g. lite0,lite2")
    return names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("--data", required=True, type=Path, help="eight-class manifest holding MSLD v1 (source msld_v1)")
    add(
        "--more-data",
        type=Path,
        action="append",
        default=[],
        metavar="MANIFEST",
        help="more eight-class manifests for leave-one-source-out (repeatable)",
    )
    add("--out", required=True, type=Path, help="run folder: features (reused by a rerun) and the JSON")
    add("--results", type=Path, help="also write protocols.json and protocols.md here (e.g. docs/results)")
    add(
        "--trunks",
        type=_names,
        default=("lite0", "lite2"),
        help="ImageNet EfficientNet-Lite trunks whose pooled features are fused (default lite0,lite2)",
    )
    add("--input-size", type=int, default=224, help="image size for the features (default 224)")
    add("--seeds", type=_ints, default=[0, 1, 2], help="MSLD cross-validation seeds (default 0,1,2)")
    add("--loso-seed", type=int, default=0, help="seed of the leave-one-source-out validation split")
    add("--cache-dir", type=Path, help="decoded-image cache (default ~/.cache/mpox-train)")
    add("--quiet", action="store_true", help="no progress bars")


def _command(args: argparse.Namespace) -> str:
    parts = ["mpox-train protocols", f"--data {args.data}"]
    parts += [f"--more-data {m}" for m in args.more_data]
    parts.append(f"--out {args.out}")
    if args.results:
        parts.append(f"--results {args.results}")
    if tuple(args.trunks) != ("lite0", "lite2"):
        parts.append(f"--trunks {','.join(args.trunks)}")
    if args.input_size != 224:
        parts.append(f"--input-size {args.input_size}")
    if list(args.seeds) != [0, 1, 2]:
        parts.append(f"--seeds {','.join(map(str, args.seeds))}")
    if args.loso_seed:
        parts.append(f"--loso-seed {args.loso_seed}")
    return " ".join(parts)


def run(args: argparse.Namespace) -> int:
    from models.fsutil import atomic_path
    from training.cache import DEFAULT_CACHE_DIR
    from training.dataset_manifest import ManifestError, labelled, read_dataset_manifest
    from training.protocols import (
        C_GRID,
        frozen_features,
        leave_one_source_out,
        msld_binary,
        render_markdown,
    )

    if not args.seeds:
        raise ManifestError("--seeds lists no seed")
    manifests = [args.data, *args.more_data]
    records = []
    for m in manifests:
        records += labelled(read_dataset_manifest(m))
    seen: dict = {}
    for r in records:
        if seen.setdefault(r.path, r.source) != r.source:
            raise ManifestError(f"{r.path} is listed twice, as {seen[r.path]} and {r.source}")
    print(f"mpox-train protocols: {NO_FINE_TUNING}")
    print(
        f"{len(records)} labelled images from {len(manifests)} manifest(s); features: "
        f"{'+'.join(args.trunks)} at {args.input_size} px"
    )
    x = frozen_features(
        records, args.trunks, args.input_size, args.out, args.cache_dir or DEFAULT_CACHE_DIR, not args.quiet
    )
    msld = msld_binary(x, records, seeds=args.seeds)
    loso = leave_one_source_out(x, records, seed=args.loso_seed)
    result = {
        "setup": {
            "command": _command(args),
            "features": NO_FINE_TUNING,
            "trunks": list(args.trunks),
            "input_size": args.input_size,
            "feature_dim": int(x.shape[1]),
            "manifests": [str(m) for m in manifests],
            "n_images": len(records),
            "C_grid": list(C_GRID),
        },
        "msld_binary": msld,
        "leave_one_source_out": loso,
    }
    text = json.dumps(result, indent=1) + "\n"
    page = render_markdown(result)
    for folder in [args.out, *([args.results] if args.results else [])]:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in (("protocols.json", text), ("protocols.md", page)):
            with atomic_path(folder / name) as tmp:
                tmp.write_text(content)

    over = msld["over_seeds"]
    for s in msld["seeds"]:
        folds = ", ".join(f"{100 * f['accuracy']:.1f}" for f in s["folds"])
        print(
            f"MSLD v1 seed {s['seed']}: accuracy {100 * s['accuracy_mean']:.1f} "
            f"± {100 * s['accuracy_sd']:.1f}% (folds {folds})"
        )
    print(
        f"MSLD v1 over seeds: {100 * over['accuracy_mean']:.1f}% (paper: Ali et al. 2022 ResNet50 "
        f"82.96 ± 4.57%)"
    )
    for r in loso["sources"]:
        unseen = f"; never in training: {', '.join(r['unseen_classes'])}" if r["unseen_classes"] else ""
        print(
            f"held out {r['source']:<20} n={r['n_images']:<5} accuracy {100 * r['accuracy']:5.1f}%  "
            f"macro-F1 {r['macro_f1']:.3f}{unseen}"
        )
    print(
        f"wrote {args.out / 'protocols.json'}"
        + (f" and {args.results}/protocols.{{json,md}}" if args.results else "")
    )
    return 0
