"""SSL ablation: the same split, seed and budget for four initialisations, then one table.

Arms: ``random`` (no pre-training), ``imagenet``, ``simclr`` (random -> SimCLR) and ``imagenet+simclr``
(ImageNet -> SimCLR). Each is fine-tuned with ``training.fit.fit`` and evaluated on the held-out test split
with ``training.evaluation.evaluate_bundle`` (the kiosk's preprocessing), giving accuracy, macro-F1 and
mpox recall with 95% bootstrap intervals, plus paired bootstrap intervals of each arm's difference from
its baseline (SimCLR vs random, ImageNet+SimCLR vs ImageNet), which is what the question is about.
Finished stages are reused when the run is restarted with the same settings.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from models.registry import get_spec
from models.taxonomy import UNLABELLED

from .ssl.data import SSLDataError, read_manifest_rows
from .ssl.trainer import PretrainConfig, pretrain

ARMS = ("random", "imagenet", "simclr", "imagenet+simclr")
BASELINE = {"simclr": "random", "imagenet+simclr": "imagenet", "imagenet": "random"}
HEADLINE = ("accuracy", "macro_f1", "mpox_recall")


@dataclass
class AblationConfig:
    manifest: str
    out: str
    arch: str = "efficientnet_lite0"
    arms: tuple[str, ...] = ARMS
    seed: int = 0
    split_file: str = ""  # made from the manifest (seed) when empty
    input_size: int = 0  # 0: the architecture's; used for SimCLR and fine-tuning alike
    ssl_data: str = ""  # default: the manifest's unlabelled rows
    ssl_max_images: int = 0  # 0: all; otherwise a seeded subset (to fit a CPU budget)
    ssl_epochs: int = 10
    ssl_max_steps: int = 0
    ssl_batch_size: int = 64
    ssl_lr: float = 0.06
    ssl_temperature: float = 0.5
    fit_epochs: int = 10
    fit_batch_size: int = 32
    fit_lr: float = 0.01
    n_boot: int = 1000
    num_workers: int = 0
    progress: bool = True
    extra_fit: dict = field(default_factory=dict)  # further FitConfig fields, the same for every arm


def _size(cfg: AblationConfig) -> int:
    return cfg.input_size or get_spec(cfg.arch).input_size


def _check_or_record_config(cfg: AblationConfig, out: Path) -> None:
    path = out / "ablation_config.json"
    current = json.loads(json.dumps(asdict(cfg)))
    if path.is_file():
        saved = json.loads(path.read_text())
        diff = sorted(
            k
            for k in set(saved) | set(current)
            if k not in ("progress", "out") and saved.get(k) != current.get(k)
        )
        if diff:
            raise SSLDataError(
                f"{out} holds an ablation made with other settings ({', '.join(diff)}); use "
                "another --out or the same settings (finished stages are then reused)"
            )
    out.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(current, indent=1) + "\n")


def _ssl_manifest(cfg: AblationConfig, out: Path) -> str:
    """The SimCLR data: as given, or a seeded subset of the unlabelled rows written as a manifest."""
    source = Path(cfg.ssl_data or cfg.manifest)
    if not cfg.ssl_max_images or source.is_dir():
        return str(source)
    rows = [r for r in read_manifest_rows(source) if r.label == UNLABELLED]
    rng = np.random.default_rng(cfg.seed)
    keep = sorted(rng.choice(len(rows), size=min(cfg.ssl_max_images, len(rows)), replace=False))
    path = out / "ssl_images.csv"
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["path", "label", "source", "group"])
        writer.writerows((str(rows[i].path.resolve()), UNLABELLED, "ssl", rows[i].group) for i in keep)
    return str(path)


def _knn_manifest(records, out: Path) -> str:
    """The validation split as a small manifest for the kNN monitor (never the test split)."""
    path = out / "knn_val.csv"
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["path", "label", "source", "group"])
        writer.writerows((str(r.path), r.label, r.source, r.group) for r in records)
    return str(path)


def _pretrain_arm(cfg: AblationConfig, init: str, out: Path, ssl_data: str, knn: str) -> Path:
    run = out / f"ssl_{init}"
    weights = run / "backbone.safetensors"
    if weights.is_file():
        print(f"reusing SimCLR backbone {weights}")
        return weights
    resume = (run / "checkpoint.pt").is_file()
    result = pretrain(
        PretrainConfig(
            arch=cfg.arch,
            data=ssl_data,
            out=str(run),
            init=init,
            epochs=cfg.ssl_epochs,
            max_steps=cfg.ssl_max_steps,
            batch_size=cfg.ssl_batch_size,
            input_size=_size(cfg),
            lr=cfg.ssl_lr,
            temperature=cfg.ssl_temperature,
            seed=cfg.seed,
            num_workers=cfg.num_workers,
            resume=resume,
            knn_manifest=knn,
            knn_max_images=200,
            progress=cfg.progress,
        )
    )
    return result.backbone_path


def paired_difference(a, b, n_boot: int, seed: int) -> dict[str, list[float]]:
    """95% bootstrap intervals of metric(a) - metric(b) over the same resampled test rows."""
    from training.metrics import core_metrics

    rng = np.random.default_rng(seed)
    pa, pb = a.probs, b.probs
    draws: dict[str, list[float]] = {k: [] for k in HEADLINE}
    n = len(a.y)
    for _ in range(n_boot):
        idx = rng.integers(0, n, n)
        ma = core_metrics(pa[idx], a.y[idx], a.allowed[idx], a.classes)
        mb = core_metrics(pb[idx], b.y[idx], b.allowed[idx], b.classes)
        for key in HEADLINE:
            draws[key].append(_headline(ma)[key] - _headline(mb)[key])
    return {k: [float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))] for k, v in draws.items()}


def _headline(m: dict) -> dict[str, float]:
    return {
        "accuracy": m["accuracy"],
        "macro_f1": m["macro_f1"],
        "mpox_recall": m.get("mpox_vs_rest", {}).get("recall", float("nan")),
    }


def run_ablation(cfg: AblationConfig) -> list[dict]:
    """Pre-train, fine-tune and evaluate every arm; write ablation.{md,csv,json} in ``cfg.out``."""
    from training import splits as splitlib
    from training.dataset_manifest import labelled, read_dataset_manifest
    from training.evaluation import evaluate_bundle
    from training.fit import FitConfig, fit

    unknown = [a for a in cfg.arms if a not in ARMS]
    if unknown:
        raise SSLDataError(f"unknown arm(s) {unknown}; choose from {', '.join(ARMS)}")
    out = Path(cfg.out)
    _check_or_record_config(cfg, out)
    manifest = Path(cfg.manifest)
    records = labelled(read_dataset_manifest(manifest))
    split_path = Path(cfg.split_file) if cfg.split_file else out / "split.json"
    if not split_path.is_file():
        splitlib.save_split(splitlib.make_split(records, seed=cfg.seed), split_path, manifest)
    split = splitlib.load_split(split_path, manifest)
    knn = _knn_manifest(splitlib.select(records, split, "val"), out)
    ssl_data = _ssl_manifest(cfg, out) if any("simclr" in a for a in cfg.arms) else ""

    rows, data = [], {}
    for arm in cfg.arms:
        init = arm
        ssl_meta: dict = {}
        if "simclr" in arm:
            start = "imagenet" if arm.startswith("imagenet") else "random"
            weights = _pretrain_arm(cfg, start, out, ssl_data, knn)
            init = f"simclr:{weights}"
            ssl_meta = json.loads(weights.with_suffix(".json").read_text())
        arm_dir = out / arm.replace("+", "_")
        bundle = arm_dir / "bundle"
        if not (bundle / "manifest.json").is_file():
            fit(
                FitConfig(
                    manifest=str(manifest),
                    out_dir=str(arm_dir),
                    split_file=str(split_path),
                    arch=cfg.arch,
                    init=init,
                    input_size=_size(cfg),
                    epochs=cfg.fit_epochs,
                    batch_size=cfg.fit_batch_size,
                    lr=cfg.fit_lr,
                    seed=cfg.seed,
                    num_workers=cfg.num_workers,
                    progress=cfg.progress,
                    **cfg.extra_fit,
                )
            )
        metrics, data[arm] = evaluate_bundle(
            bundle, manifest, split_file=split_path, split="test", n_boot=cfg.n_boot
        )
        ci = metrics.get("ci95", {})
        row = {
            "arm": arm,
            "n_test": metrics["n_images"],
            **_headline(metrics),
            **{f"{k}_ci95": ci.get(k, [float("nan")] * 2) for k in HEADLINE},
            "ssl_steps": ssl_meta.get("steps", 0),
            "ssl_final_loss": ssl_meta.get("final_loss"),
            "ssl_knn_accuracy": ssl_meta.get("knn", {}).get("knn_accuracy"),
            "ssl_knn_before": ssl_meta.get("knn_before", {}).get("knn_accuracy"),
            "bundle": str(bundle),
        }
        rows.append(row)
        print(
            f"{arm}: accuracy {row['accuracy']:.3f}, macro-F1 {row['macro_f1']:.3f}, "
            f"mpox recall {row['mpox_recall']:.3f}"
        )
    for row in rows:
        base = BASELINE.get(row["arm"])
        if base in data:
            row["vs"] = base
            diff_point = {k: row[k] - next(r for r in rows if r["arm"] == base)[k] for k in HEADLINE}
            cis = paired_difference(data[row["arm"]], data[base], cfg.n_boot, cfg.seed)
            row["diff"] = {k: {"point": diff_point[k], "ci95": cis[k]} for k in HEADLINE}
    write_table(out, rows, cfg)
    return rows


def _fmt(value: float, ci: list[float]) -> str:
    return f"{value:.3f} [{ci[0]:.3f}, {ci[1]:.3f}]"


def write_table(out: Path, rows: list[dict], cfg: AblationConfig) -> None:
    (out / "ablation.json").write_text(json.dumps(rows, indent=1, default=str) + "\n")
    with open(out / "ablation.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(
            [
                "arm",
                "n_test",
                *[f"{k}{s}" for k in HEADLINE for s in ("", "_lo", "_hi")],
                "vs",
                *[f"diff_{k}{s}" for k in HEADLINE for s in ("", "_lo", "_hi")],
                "ssl_steps",
                "ssl_final_loss",
                "ssl_knn_accuracy",
            ]
        )
        for r in rows:
            diffs = [
                x
                for k in HEADLINE
                for x in ((r["diff"][k]["point"], *r["diff"][k]["ci95"]) if "diff" in r else ("", "", ""))
            ]
            writer.writerow(
                [
                    r["arm"],
                    r["n_test"],
                    *[x for k in HEADLINE for x in (r[k], *r[f"{k}_ci95"])],
                    r.get("vs", ""),
                    *diffs,
                    r["ssl_steps"],
                    r["ssl_final_loss"] or "",
                    r["ssl_knn_accuracy"] if r["ssl_knn_accuracy"] is not None else "",
                ]
            )
    lines = [
        f"# SSL ablation: {cfg.arch}, input {_size(cfg)} px, seed {cfg.seed}",
        "",
        f"Test split of {cfg.manifest} (n = {rows[0]['n_test'] if rows else 0}); 95% bootstrap intervals "
        f"({cfg.n_boot} resamples). SimCLR: {cfg.ssl_epochs} epoch(s)"
        + (f", at most {cfg.ssl_max_steps} steps" if cfg.ssl_max_steps else "")
        + f", batch {cfg.ssl_batch_size}; fine-tuning: {cfg.fit_epochs} epoch(s), "
        f"batch {cfg.fit_batch_size}.",
        "",
        "| arm | accuracy | macro-F1 | mpox recall | SimCLR steps | kNN acc. before -> after SimCLR |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        knn = "-"
        if r["ssl_knn_accuracy"] is not None:
            before = r.get("ssl_knn_before")
            knn = (f"{before:.3f} -> " if before is not None else "") + f"{r['ssl_knn_accuracy']:.3f}"
        cells = " | ".join(_fmt(r[k], r[f"{k}_ci95"]) for k in HEADLINE)
        lines.append(f"| {r['arm']} | {cells} | {r['ssl_steps'] or '-'} | {knn} |")
    paired = [r for r in rows if "diff" in r]
    if paired:
        lines += [
            "",
            "Paired differences (same test images resampled together):",
            "",
            "| comparison | accuracy | macro-F1 | mpox recall |",
            "|---|---|---|---|",
        ]
        for r in paired:
            d = r["diff"]
            cells = " | ".join(
                f"{d[k]['point']:+.3f} [{d[k]['ci95'][0]:+.3f}, {d[k]['ci95'][1]:+.3f}]" for k in HEADLINE
            )
            lines.append(f"| {r['arm']} - {r['vs']} | {cells} |")
    (out / "ablation.md").write_text("\n".join(lines) + "\n")
