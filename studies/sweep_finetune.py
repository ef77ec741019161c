"""Fine-tuning sweep for the default model: which settings make EfficientNet-Lite0 beat its linear probe?

Runs ``training.fit`` once per named configuration (several at a time on one GPU, each in its own process)
on one split, and prints a table of validation figures. The test split is never used for choosing: only the
configuration with the best validation macro-F1 gets its test figures printed, after the choice.

    python studies/sweep_finetune.py --data .gpu/skin/manifest.csv --split .gpu/skin/split.json \
        --out /tmp/sweep --parallel 4 --workers 4 --deadline 330

Made for the lent GPU machine (docs/training.md, "GPU sweep"); it runs on a CPU too, slowly
(``--configs smoke --epochs 1`` checks the plumbing).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BASE = dict(
    arch="efficientnet_lite0",
    init="imagenet",
    input_size=192,
    batch_size=32,
    optimizer="adamw",
    lr=3e-4,
    weight_decay=0.05,
    balance="weights",
    label_smoothing=0.1,
    augment_p=0.5,
    schedule="cosine",
)
# name -> overrides of BASE (all train the whole network unless freeze_below says otherwise)
CONFIGS: dict[str, dict] = {
    "smoke": dict(arch="tiny_cnn", init="random", input_size=64),
    "adamw3e-4": {},
    "adamw1e-4": dict(lr=1e-4),
    "adamw1e-3": dict(lr=1e-3),
    "sgd0.01": dict(optimizer="sgd", lr=0.01, weight_decay=1e-4),
    "sgd0.03": dict(optimizer="sgd", lr=0.03, weight_decay=1e-4),
    "adamw3e-4-sampler": dict(balance="sampler"),
    "adamw3e-4-plain": dict(balance="none", label_smoothing=0.0),
    "adamw3e-4-p25": dict(augment_p=0.25),
    "adamw3e-4-224": dict(input_size=224),
    "adamw3e-4-top": dict(freeze_below="_blocks.8"),
    "adamw3e-4-bneval": dict(batchnorm_eval=True),
    "adamw3e-4-seed1": dict(seed=1),
    "adamw3e-4-seed2": dict(seed=2),
    # Second round, around the first round's best (no class weights, no label smoothing):
    "plain-seed1": dict(balance="none", label_smoothing=0.0, seed=1),
    "plain-seed2": dict(balance="none", label_smoothing=0.0, seed=2),
    "plain-top": dict(balance="none", label_smoothing=0.0, freeze_below="_blocks.8"),
    "plain-224": dict(balance="none", label_smoothing=0.0, input_size=224),
    "plain-sampler": dict(balance="sampler", label_smoothing=0.0),
    "plain-bneval": dict(balance="none", label_smoothing=0.0, batchnorm_eval=True),
    "plain-p25": dict(balance="none", label_smoothing=0.0, augment_p=0.25),
    "plain-top-seed1": dict(balance="none", label_smoothing=0.0, freeze_below="_blocks.8", seed=1),
}
DEFAULT_SET = [  # in order of interest: a deadline stops the last ones first
    "adamw3e-4",
    "sgd0.01",
    "adamw1e-4",
    "adamw1e-3",
    "adamw3e-4-224",
    "adamw3e-4-sampler",
    "adamw3e-4-top",
    "adamw3e-4-p25",
    "adamw3e-4-plain",
    "adamw3e-4-bneval",
    "adamw3e-4-seed1",
    "sgd0.03",
]


def run_one(name: str, args) -> None:
    from training.fit import FitConfig, fit

    cfg = {**BASE, **CONFIGS[name]}
    config = FitConfig(
        manifest=args.data,
        split_file=args.split,
        out_dir=Path(args.out) / name,
        epochs=args.epochs,
        num_workers=args.workers,
        cache_dir=args.cache,
        progress=False,
        **cfg,
    )
    t0 = time.time()
    result = fit(config)
    summary = {
        "name": name,
        "config": {k: v for k, v in asdict(config).items() if k in cfg or k == "epochs"},
        "best_epoch": result.best_epoch,
        "val_macro_f1": result.best_val_macro_f1,
        "val_accuracy": result.val_metrics.get("accuracy"),
        "val_mpox_recall": result.val_metrics.get("mpox_vs_rest", {}).get("recall"),
        "history": [
            {k: h[k] for k in ("epoch", "train_loss", "val_accuracy", "val_macro_f1", "images_per_s")}
            for h in result.history
        ],
        "seconds": round(time.time() - t0, 1),
        "test": result.test_metrics,  # kept aside; printed only for the configuration chosen on validation
    }
    (Path(args.out) / name / "summary.json").write_text(json.dumps(summary, indent=1, default=str))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--split", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--configs", default=",".join(DEFAULT_SET))
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--parallel", type=int, default=4)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--deadline", type=float, default=0, help="seconds; unfinished runs are stopped")
    ap.add_argument("--cache", default="/tmp/mpox-sweep-cache")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        run_one(args.one, args)
        return

    names = [n for n in args.configs.split(",") if n]
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        raise SystemExit(f"unknown configuration(s) {unknown}; known: {', '.join(CONFIGS)}")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    # Build each size's decode cache once, before the runs share it.
    from models.registry import get_spec
    from training.cache import load_images
    from training.dataset_manifest import labelled, read_dataset_manifest

    records = labelled(read_dataset_manifest(args.data))
    for size in sorted(
        {
            int(
                {**BASE, **CONFIGS[n]}.get("input_size")
                or get_spec({**BASE, **CONFIGS[n]}["arch"]).input_size
            )
            for n in names
        }
    ):
        load_images(records, size, args.cache, progress=False)

    start = time.time()
    pending, running = list(names), {}
    base_cmd = [
        sys.executable,
        __file__,
        "--data",
        args.data,
        "--split",
        args.split,
        "--out",
        args.out,
        "--epochs",
        str(args.epochs),
        "--workers",
        str(args.workers),
        "--cache",
        args.cache,
    ]
    while pending or running:
        while pending and len(running) < args.parallel:
            name = pending.pop(0)
            log = open(out / f"{name}.log", "w")
            proc = subprocess.Popen(base_cmd + ["--one", name], stdout=log, stderr=subprocess.STDOUT)
            running[name] = (proc, log)
            print(f"[{time.time() - start:6.0f}s] started {name}", flush=True)
        time.sleep(1)
        for name, (proc, log) in list(running.items()):
            overdue = args.deadline and time.time() - start > args.deadline
            if proc.poll() is None and overdue:
                proc.kill()
            if proc.poll() is not None:
                log.close()
                del running[name]
                print(f"[{time.time() - start:6.0f}s] {name} ended with {proc.returncode}", flush=True)
                if proc.returncode:
                    print((out / f"{name}.log").read_text()[-1500:], flush=True)
        if args.deadline and time.time() - start > args.deadline and pending:
            print(f"deadline: not started {pending}", flush=True)
            pending = []

    rows = []
    for name in names:
        path = out / name / "summary.json"
        if path.is_file():
            rows.append(json.loads(path.read_text()))
        elif (out / name / "history.csv").is_file():  # stopped at the deadline: its epochs so far
            import csv

            hist = list(csv.DictReader(open(out / name / "history.csv")))
            if hist:
                top = max(hist, key=lambda h: float(h["val_macro_f1"]))
                rows.append(
                    {
                        "name": name + " (stopped)",
                        "val_macro_f1": float(top["val_macro_f1"]),
                        "val_accuracy": float(top["val_accuracy"]),
                        "val_mpox_recall": None,
                        "best_epoch": int(top["epoch"]),
                        "seconds": 0,
                        "test": {},
                        "history": hist,
                    }
                )
    (out / "sweep.json").write_text(json.dumps(rows, indent=1, default=str))
    rows.sort(key=lambda r: -r["val_macro_f1"])
    print(f"\n{'configuration':24s} {'val F1':>7s} {'val acc':>7s} {'mpox R':>7s} {'best ep':>7s} {'s':>6s}")
    for r in rows:
        print(
            f"{r['name']:24s} {r['val_macro_f1']:7.3f} {r['val_accuracy']:7.3f} "
            f"{(r['val_mpox_recall'] or 0):7.3f} {r['best_epoch']:7d} {r['seconds']:6.0f}"
        )
    finished = [r for r in rows if r["test"]]
    if finished:
        best = finished[0]
        t = best["test"]
        recall = t.get("mpox_vs_rest", {}).get("recall", 0)
        print(
            f"\nchosen on validation: {best['name']}; its test figures: "
            f"accuracy {t.get('accuracy', 0):.3f}, "
            f"macro-F1 {t.get('macro_f1', 0):.3f}, mpox recall {recall:.3f}"
        )


if __name__ == "__main__":
    main()
