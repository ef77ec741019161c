"""Issue 14's expensive arms in one script, for a lent GPU (8 minutes): in-domain SimCLR against ImageNet-only
at equal fine-tuning, with skin_more in the data, then the fusion stage on the best fine-tuned network.

    # here, on the CPU: pack the data (it must travel with the working tree: 64 MiB in all)
    .venv/bin/python studies/gpu_issue14.py prepare --out .gpu/i14
    # smoke test of the whole plumbing on the CPU, tiny budget
    .venv/bin/python studies/gpu_issue14.py run --data .gpu/i14 --out /tmp/i14 --tiny
    # on the GPU machine (the Lite0 weights package must be importable there, e.g. PYTHONPATH=.:.gpu/site)
    python studies/gpu_issue14.py run --data .gpu/i14 --out $OUT/i14 --budget 450

``run``: (1) SimCLR (lightly) from ImageNet Lite0 on in-domain clinical photographs: the training side of the
eight-class split plus the open-set training part (never a validation or test image), as much of the budget
as ``--ssl-share`` gives it; (2) four fine-tunings in parallel processes at equal settings (the GPU sweep's
"plain": AdamW 3e-4, no class weights, whole network, 30 epochs): ImageNet and ImageNet+SimCLR starts, two
seeds each, and per start the two seeds averaged into one network (a model soup, training/soup.py);
(3) the table on validation, and the test figures of the one chosen on validation only; images/s and peak
GPU memory of every arm. Everything is written to ``--out/results.json``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data"
FIT_ARMS = {  # name -> (init, seed)
    "imagenet-s0": ("imagenet", 0),
    "simclr-s0": ("simclr", 0),
    "imagenet-s1": ("imagenet", 1),
    "simclr-s1": ("simclr", 1),
}


def prepare(args) -> None:
    """Pack skin + skin_more (joint split, seed 0) and the open set's training part as centre-square JPEGs."""
    import cv2

    from models.imageio import decode_image
    from models.preprocessing import crop_and_resize
    from training.dataset_manifest import Record, labelled, read_dataset_manifest, write_dataset_manifest
    from training.open_set import make_open_split
    from training.splits import joint_split

    out = Path(args.out)
    manifests = [DATA / "skin" / "manifest.csv", DATA / "skin_more" / "manifest.csv"]
    split = joint_split(manifests, seed=0)
    records = [r for m in manifests for r in labelled(read_dataset_manifest(m))]
    open_records = read_dataset_manifest(DATA / "open_set" / "manifest.csv")
    open_train = make_open_split(open_records, seed=0)["assignments"]
    packed, ssl, assignments = [], [], {}
    for i, r in enumerate(records + [r for r in open_records if open_train[str(r.path)] == "train"]):
        target = out / "img" / f"{i:05d}.jpg"
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            image = crop_and_resize(decode_image(r.path), args.size)
            cv2.imwrite(str(target), image[:, :, ::-1], [cv2.IMWRITE_JPEG_QUALITY, args.quality])
        copy = Record(target.resolve(), r.label, r.source, r.group, detail=r.detail)
        side = split["assignments"].get(str(r.path))
        if side is not None:
            packed.append(copy)
            assignments[f"img/{target.name}"] = side
        if side in (None, "train"):  # SimCLR sees training images only, never validation or test ones
            ssl.append(Record(target.resolve(), "unlabelled", r.source, r.group))
    write_dataset_manifest(packed, out / "manifest.csv")
    write_dataset_manifest(ssl, out / "ssl.csv")
    (out / "split.json").write_text(
        json.dumps({"seed": 0, "val": 0.15, "test": 0.15, "k": 0, "assignments": assignments}, indent=0)
    )
    size = sum(p.stat().st_size for p in (out / "img").iterdir())
    print(
        f"{len(packed)} labelled, {len(ssl)} SimCLR images at {args.size} px: {size / 2**20:.1f} MiB in {out}"
    )


def _peak_memory_mb() -> float | None:
    import torch

    return round(torch.cuda.max_memory_allocated() / 2**20, 1) if torch.cuda.is_available() else None


def _ssl_config(args, out: Path, max_steps: int):
    from training.ssl.trainer import PretrainConfig

    tiny = args.tiny
    return PretrainConfig(
        arch="tiny_cnn" if tiny else "efficientnet_lite0",
        data=str(Path(args.data) / "ssl.csv"),
        out=str(out),
        init="random" if tiny else "imagenet",
        all_rows=True,
        epochs=10_000,
        max_steps=max_steps,
        batch_size=16 if tiny else 256,
        input_size=32 if tiny else 160,
        lr=0.06 if tiny else 0.3,
        optimizer="sgd",
        warmup_steps=0 if tiny else 20,
        num_workers=0 if tiny else args.workers,
        progress=False,
    )


def run_ssl(args, out: Path, seconds: float) -> dict:
    """SimCLR for about ``seconds``: a few steps measure the rate, then one run of as many steps as fit (its
    cosine schedule then ends when the budget does)."""
    from training.ssl.trainer import pretrain

    probe_steps = 2 if args.tiny else 8
    started = time.time()
    pretrain(_ssl_config(args, out / "simclr-rate", probe_steps))
    rate = probe_steps / max(
        time.time() - started, 1e-6
    )  # steps/s, start-up included: errs on the short side
    steps = max(1, int(rate * (seconds - (time.time() - started))))
    cfg = _ssl_config(args, out / "simclr", 3 if args.tiny else steps)
    started = time.time()
    result = pretrain(cfg)
    elapsed = time.time() - started
    n_images = sum(1 for _ in open(Path(args.data) / "ssl.csv")) - 1
    return {
        "backbone": str(result.backbone_path),
        "steps": result.steps,
        "epochs": result.epochs_done,
        "seconds": round(elapsed, 1),
        "images_per_s": round(result.steps * cfg.batch_size / elapsed, 1),
        "n_images": n_images,
        "batch_size": cfg.batch_size,
        "input_size": cfg.input_size,
        "peak_gpu_mb": _peak_memory_mb(),
    }


def run_fit(args, out: Path, name: str, backbone: str) -> None:
    from training.fit import FitConfig, fit

    init, seed = FIT_ARMS[name]
    tiny = args.tiny
    started = time.time()
    result = fit(
        FitConfig(
            manifest=Path(args.data) / "manifest.csv",
            split_file=Path(args.data) / "split.json",
            out_dir=out / name,
            arch="tiny_cnn" if tiny else "efficientnet_lite0",
            init=(f"simclr:{backbone}" if init == "simclr" else ("random" if tiny else "imagenet")),
            input_size=32 if tiny else 192,
            epochs=1 if tiny else 30,
            batch_size=8 if tiny else 32,
            optimizer="adamw",
            lr=3e-4,
            weight_decay=0.05,
            balance="none",
            label_smoothing=0.0,
            augment_p=0.5,
            num_workers=0 if tiny else args.workers,
            seed=seed,
            cache_dir=str(out / "cache"),
            progress=False,
        )
    )
    elapsed = time.time() - started
    (out / name / "arm.json").write_text(
        json.dumps(
            {
                "name": name,
                "init": init,
                "seed": seed,
                "best_epoch": result.best_epoch,
                "val_macro_f1": result.best_val_macro_f1,
                "val_accuracy": result.val_metrics.get("accuracy"),
                "seconds": round(elapsed, 1),
                "images_per_s": [h.get("images_per_s") for h in result.history],
                "peak_gpu_mb": _peak_memory_mb(),
                "test": result.test_metrics,
                "bundle": str(result.bundle_dir),
            },
            indent=1,
            default=str,
        )
    )


def _records(args, side: str):
    from training import splits as splitlib
    from training.dataset_manifest import labelled, read_dataset_manifest

    manifest = Path(args.data) / "manifest.csv"
    split = splitlib.load_split(Path(args.data) / "split.json", manifest)
    return splitlib.select(labelled(read_dataset_manifest(manifest)), split, side)


def _test_metrics(args, bundle_dir: str) -> dict:
    from models.bundle import load_bundle
    from training.evaluation import eval_data, full_metrics

    data = eval_data(load_bundle(bundle_dir), _records(args, "test"), Path(args.out) / "cache")
    m = full_metrics(data, n_boot=200)
    return {k: m[k] for k in ("accuracy", "macro_f1", "ece", "ci95")}


def soup_arms(args, out: Path, arms: list[dict]) -> list[dict]:
    """Per start, the two seeds' weights averaged (training/soup.py): one network's cost, scored on
    validation like the arms; its test figures are read only if it is the one chosen."""
    from training.dataset_manifest import ManifestError
    from training.soup import make_soup

    soups = []
    for init in ("imagenet", "simclr"):
        draws = [a for a in arms if a["init"] == init]
        if len(draws) < 2:
            continue
        started = time.time()
        try:
            bundles = [a["bundle"] for a in draws]
            result = make_soup(bundles, _records(args, "val"), out / f"{init}-soup", cache_dir=out / "cache")
        except ManifestError as exc:  # e.g. --tiny's random starts: say why, keep the arms
            print(f"{init}: no soup: {exc}", flush=True)
            continue
        soups.append(
            {
                "name": f"{init}-soup",
                "init": init,
                "seed": [a["seed"] for a in draws],
                "best_epoch": [a["best_epoch"] for a in draws],
                "val_macro_f1": result.val_macro_f1,
                "val_accuracy": None,
                "seconds": round(time.time() - started, 1),
                "images_per_s": [],
                "peak_gpu_mb": None,
                "test": None,
                "bundle": str(result.bundle),
            }
        )
    return soups


def run(args) -> None:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    ssl = run_ssl(args, out, args.budget * args.ssl_share)
    print(f"SimCLR: {json.dumps(ssl)}", flush=True)
    left = args.budget - (time.time() - started)
    # Decode the images once, before the arms share the cache (each would decode them all otherwise).
    from training.cache import load_images
    from training.dataset_manifest import labelled, read_dataset_manifest

    load_images(
        labelled(read_dataset_manifest(Path(args.data) / "manifest.csv")),
        32 if args.tiny else 192,
        out / "cache",
        progress=False,
    )
    procs = {}
    for name in FIT_ARMS:
        log = open(out / f"{name}.log", "w")
        cmd = [
            sys.executable,
            __file__,
            "fit-one",
            "--data",
            args.data,
            "--out",
            str(out),
            "--name",
            name,
            "--backbone",
            ssl["backbone"],
            "--workers",
            str(args.workers),
        ] + (["--tiny"] if args.tiny else [])
        procs[name] = (subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT), log)
    while any(p.poll() is None for p, _ in procs.values()):
        time.sleep(1)
        if time.time() - started > args.budget:
            for p, _ in procs.values():
                p.kill()
                p.wait()
            print(f"budget of {args.budget} s reached; arms still running were stopped", flush=True)
            break
    arms = []
    for name, (proc, log) in procs.items():
        log.close()
        path = out / name / "arm.json"
        if path.is_file():
            arms.append(json.loads(path.read_text()))
        else:
            print(f"{name}: no result (exit {proc.returncode}):\n{(out / f'{name}.log').read_text()[-1200:]}")
    arms += soup_arms(args, out, arms)
    arms.sort(key=lambda a: -a["val_macro_f1"])
    by_init = {i: [a["val_macro_f1"] for a in arms if a["init"] == i] for i in ("imagenet", "simclr")}
    chosen = arms[0] if arms else None
    if chosen and chosen.get("test") is None:  # a soup: its test figures are read only now it is chosen
        chosen["test"] = _test_metrics(args, chosen["bundle"])
    results = {
        "simclr": ssl,
        "arms": [{k: v for k, v in a.items() if k != "test"} for a in arms],
        "val_macro_f1_by_start": by_init,
        "fit_seconds_left_at_start": round(left, 1),
        "chosen_on_validation": chosen and chosen["name"],
        "chosen_test": chosen and chosen["test"],
    }
    (out / "results.json").write_text(json.dumps(results, indent=1, default=str))
    for a in arms:
        accuracy = "  -  " if a["val_accuracy"] is None else f"{a['val_accuracy']:.3f}"  # soups: F1 only
        print(
            f"{a['name']:12s} val macro-F1 {a['val_macro_f1']:.3f} acc {accuracy} "
            f"best epoch {a['best_epoch']} {a['seconds']:.0f} s peak {a['peak_gpu_mb']} MB"
        )
    if chosen:
        t = chosen["test"] or {}
        print(
            f"chosen on validation: {chosen['name']}; test accuracy {t.get('accuracy', 0):.3f}, "
            f"macro-F1 {t.get('macro_f1', 0):.3f}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--out", default=".gpu/i14")
    p.add_argument("--size", type=int, default=192)
    p.add_argument("--quality", type=int, default=85)
    for name in ("run", "fit-one"):
        r = sub.add_parser(name)
        r.add_argument("--data", required=True)
        r.add_argument("--out", required=True)
        r.add_argument("--budget", type=float, default=450, help="seconds for SimCLR and the fine-tunings")
        r.add_argument("--ssl-share", type=float, default=0.35)
        r.add_argument("--workers", type=int, default=4)
        r.add_argument("--tiny", action="store_true", help="tiny model and budget: a CPU smoke test")
        r.add_argument("--name")
        r.add_argument("--backbone")
    args = ap.parse_args()
    if args.command == "prepare":
        prepare(args)
    elif args.command == "run":
        run(args)
    else:
        run_fit(args, Path(args.out), args.name, args.backbone)


if __name__ == "__main__":
    main()
