"""Per-frame CPU latency of eager PyTorch vs the optimised inference path, with and without the heatmap,
and top-1 agreement between the two on real images.

    .venv/bin/python bench/bench_inference.py [--reps 60] [--reps-large 12] [--agree 300] [--int8 resnext]

Per frame = one RGB image as the camera gives it (decode excluded) -> preprocessing -> model -> calibrated
probabilities (-> Grad-CAM overlay in image coordinates). Batch 1. Variants are interleaved repetition by
repetition (the order rotates), so that load from other processes hits them alike; warm-up runs are
excluded; ratios are eager/optimised medians of the same run, with the spread of the per-repetition ratios.

``--int8 MODELS`` first adds an int8 graph (``mpox-train quantize``'s code) to those models' bundles (a copy
for the shipped one), calibrated on real images that the agreement check does not use; the optimised path is
then the int8 graph, and the float32 ONNX path is timed beside it.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from models.bundle import DEFAULT_BUNDLE_DIR, load_bundle, make_manifest, save_bundle  # noqa: E402
from models.explainer import Explainer  # noqa: E402
from models.imageio import decode_image  # noqa: E402
from models.predictor import Predictor  # noqa: E402
from models.registry import build_model  # noqa: E402
from models.taxonomy import CLASSES  # noqa: E402
from training.quantize import QuantizationRefusedError, quantize_bundle  # noqa: E402

SKIN = Path(os.environ.get("MPOX_SKIN_DATA", REPO.parent / "shared" / "data" / "skin"))


def make_bundle(arch: str, init: str, out: Path, head_images=None, head_labels=None):
    """A bundle in a temporary folder (random or offline ImageNet weights, 8-way head). With ``head_images``
    and ``head_labels``, the head is a logistic regression fitted on the backbone's pooled features of those
    real images: its predictions then spread over the classes, so that the int8 agreement check means
    something (a random head sends nearly every image to one class)."""
    torch.manual_seed(0)
    model = build_model(arch, len(CLASSES), init=init).eval()
    if head_images:
        fit_head(model, arch, head_images, head_labels)
    manifest = make_manifest(
        model, arch, CLASSES, name=f"bench-{arch}-{init}", provenance={"command": "bench/bench_inference.py"}
    )
    return load_bundle(save_bundle(model, out / arch, manifest))


def fit_head(model, arch: str, images, labels) -> None:
    from sklearn.linear_model import LogisticRegression

    from models.preprocessing import Preprocessor
    from models.registry import get_spec

    spec = get_spec(arch)
    pre = Preprocessor(spec.input_size, spec.mean, spec.std)
    head = model.get_submodule(spec.head)
    parent, leaf = spec.head.rsplit(".", 1) if "." in spec.head else ("", spec.head)
    holder = model.get_submodule(parent) if parent else model
    setattr(holder, leaf, torch.nn.Identity())
    with torch.inference_mode():
        feats = torch.cat(
            [model(torch.stack([pre(im) for im in images[i : i + 8]])) for i in range(0, len(images), 8)]
        ).numpy()
    setattr(holder, leaf, head)
    mu, sigma = feats.mean(0), feats.std(0) + 1e-6
    clf = LogisticRegression(max_iter=3000).fit((feats - mu) / sigma, labels)
    weight = np.zeros((len(CLASSES), feats.shape[1]), dtype=np.float32)
    bias = np.full(len(CLASSES), -30.0, dtype=np.float32)  # classes absent from the fitting images
    for row, cls in enumerate(clf.classes_):
        weight[cls] = clf.coef_[row] / sigma  # the standardisation folded into the linear layer
        bias[cls] = clf.intercept_[row] - float((clf.coef_[row] * mu / sigma).sum())
    with torch.no_grad():
        head.weight.copy_(torch.from_numpy(weight))
        head.bias.copy_(torch.from_numpy(bias))


def real_images(n: int, with_labels: bool = False):
    """``n`` labelled images spread evenly over the manifest (all sources and classes), decoded once; with
    ``with_labels``, also their class indices (-1 for MSLD's 'others')."""
    with open(SKIN / "manifest.csv", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["label"] != "unlabelled"]
    picked = rows[:: max(1, len(rows) // n)][:n]
    images = [decode_image(SKIN / r["path"]) for r in picked]
    if not with_labels:
        return images
    return images, [CLASSES.index(r["label"]) if r["label"] in CLASSES else -1 for r in picked]


def webcam_sized_frame() -> np.ndarray:
    """A 640x480 DermNet NZ photograph: the size of a webcam frame."""
    with open(SKIN / "manifest.csv", newline="") as f:
        path = next(r["path"] for r in csv.DictReader(f) if r["source"] == "dermnet_nz")
    return decode_image(SKIN / path)


def interleaved(variants: dict[str, Callable[[], object]], reps: int, warmup: int) -> dict[str, list[float]]:
    """Milliseconds per call of each variant; one call of each per repetition, order rotating."""
    names = list(variants)
    for _ in range(warmup):
        for name in names:
            variants[name]()
    times: dict[str, list[float]] = {name: [] for name in names}
    for rep in range(reps):
        for name in names[rep % len(names) :] + names[: rep % len(names)]:
            t0 = time.perf_counter()
            variants[name]()
            times[name].append((time.perf_counter() - t0) * 1e3)
    return times


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def bench_model(
    label: str, bundle, frame: np.ndarray, images: list[np.ndarray], reps: int, warmup: int
) -> None:
    t0 = time.perf_counter()
    fast = Predictor(bundle)  # 'auto': the project's optimised path (cached export, checked against eager)
    setup_s = time.perf_counter() - t0
    eager = Predictor(bundle, backend="eager")
    eager_cam = Explainer(bundle, backend="eager")  # the gradient pass (torchcam) as before this work
    fast_cam = Explainer(bundle)  # kiosk API as it is called today: a second, backward-free pass
    float_fast = Predictor(bundle, backend="onnxruntime") if fast.backend == "onnxruntime-int8" else None
    m = bundle.manifest
    print(
        f"\n## {label}: arch {m['arch']}, {m['num_params'] / 1e6:.1f} M parameters,"
        f" input {m['input_size']} px; optimised backend = {fast.backend}"
        f" ({fast.runtime.fallback_reason or 'checked against eager'}); set-up {setup_s:.1f} s;"
        f" backward-free Grad-CAM: {fast.explainer.fast}"
    )

    def eager_heat():
        p = eager.predict_one(frame)
        eager_cam.explain(frame, int(p.probabilities.argmax()))

    def fast_two_pass():
        p = fast.predict_one(frame)
        fast_cam.explain(frame, int(p.probabilities.argmax()))

    variants = {
        "eager classify": lambda: eager.predict_one(frame),
        "optimised classify": lambda: fast.predict_one(frame),
        "eager classify + heatmap": eager_heat,
        "optimised classify + heatmap": lambda: fast.predict_explained(frame),
        "optimised classify + heatmap (2 calls)": fast_two_pass,
    }
    if float_fast is not None:
        variants["float32 ONNX classify"] = lambda: float_fast.predict_one(frame)
        variants["float32 ONNX classify + heatmap"] = lambda: float_fast.predict_explained(frame)
    times = interleaved(variants, reps, warmup)

    print("\n| variant | median ms | p90 ms |")
    print("|---|---:|---:|")
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values):.1f} | {pct(values, 90):.1f} |")
    print("\n| speed-up eager/optimised | ratio of medians | per-repetition ratio p10-p90 |")
    print("|---|---:|---:|")
    for what, e, o in (
        ("classify", "eager classify", "optimised classify"),
        ("classify + heatmap", "eager classify + heatmap", "optimised classify + heatmap"),
        (
            "classify + heatmap (2 calls)",
            "eager classify + heatmap",
            "optimised classify + heatmap (2 calls)",
        ),
    ):
        paired = np.array(times[e]) / np.array(times[o])
        ratio = statistics.median(times[e]) / statistics.median(times[o])
        print(f"| {what} | {ratio:.2f}x | {pct(paired, 10):.2f}-{pct(paired, 90):.2f} |")
    if float_fast is not None:
        for what, e, o in (
            ("float32 ONNX classify", "eager classify", "float32 ONNX classify"),
            (
                "float32 ONNX classify + heatmap",
                "eager classify + heatmap",
                "float32 ONNX classify + heatmap",
            ),
        ):
            ratio = statistics.median(times[e]) / statistics.median(times[o])
            print(f"| {what} (for comparison) | {ratio:.2f}x | |")

    if images:
        p_eager = np.stack([p.probabilities for p in eager.predict(images)])
        p_fast = np.stack([p.probabilities for p in fast.predict(images)])
        agree = float((p_eager.argmax(1) == p_fast.argmax(1)).mean())
        # Random weights may send every image to one class, which makes agreement easy: say how many.
        n_top = len(set(p_eager.argmax(1).tolist()))
        print(
            f"\nTop-1 agreement optimised vs eager on {len(images)} real images: {agree * 100:.2f}% "
            f"(max |probability difference| {np.abs(p_eager - p_fast).max():.2e}; eager's top-1 spans "
            f"{n_top} classes)"
        )
        if "int8" in m:
            q = m["int8"]
            print(
                f"(int8 graph recorded at quantisation: {q['top1_agreement_with_float'] * 100:.2f}% on "
                f"{q['n_check_images']} check images, calibrated on {q['n_calibration_images']})"
            )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=60, help="timed repetitions, light model")
    ap.add_argument("--reps-large", type=int, default=12, help="timed repetitions, ResNeXt101_64x4d")
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--agree", type=int, default=300, help="real images for the agreement check (0: skip)")
    ap.add_argument("--models", default="default,resnext", help="comma-separated: default, resnext")
    ap.add_argument(
        "--agree-large", type=int, default=None, help="real images for ResNeXt (default: --agree)"
    )
    ap.add_argument(
        "--int8", default="resnext", help="models whose optimised path is an int8 graph ('' for none)"
    )
    ap.add_argument("--calib", type=int, default=32, help="real calibration images for --int8")
    ap.add_argument(
        "--head-images",
        type=int,
        default=200,
        help="real images to fit ResNeXt's linear head on (0: random head)",
    )
    args = ap.parse_args(argv)

    import onnxruntime

    print(
        f"torch {torch.__version__} ({torch.get_num_threads()} threads), "
        f"onnxruntime {onnxruntime.__version__},"
        f" {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start"
    )
    if not (SKIN / "manifest.csv").is_file():
        sys.exit(f"real images not found at {SKIN} (set MPOX_SKIN_DATA)")
    # Three disjoint sets of real images: calibration (int8), ResNeXt's fitted head, agreement checks.
    picked, labels = real_images(args.agree + args.calib + args.head_images, with_labels=True)
    order = np.random.default_rng(0).permutation(len(picked))
    calibration = [picked[i] for i in order[: args.calib]]
    head_ids = [i for i in order[args.calib : args.calib + args.head_images] if labels[i] >= 0]
    head_images, head_labels = [picked[i] for i in head_ids], [labels[i] for i in head_ids]
    images = [picked[i] for i in order[args.calib + args.head_images :]][: args.agree]
    int8_models = [m for m in args.int8.split(",") if m]

    def with_int8(bundle, key: str):
        if key not in int8_models:
            return bundle
        try:
            info = quantize_bundle(bundle.path, calibration, images[:200])
        except QuantizationRefusedError as exc:  # the float32 path stays the optimised one
            print(f"int8 graph for {key} refused: {exc}")
            return bundle
        print(
            f"int8 graph for {key}: agreement {info['top1_agreement_with_float'] * 100:.2f}% on "
            f"{info['n_check_images']} images"
        )
        return load_bundle(bundle.path)

    frame = webcam_sized_frame()
    print(f"timed frame: {frame.shape[1]}x{frame.shape[0]} RGB")
    with tempfile.TemporaryDirectory() as tmp:
        if "default" not in args.models:
            default, label = None, ""
        elif (DEFAULT_BUNDLE_DIR / "manifest.json").is_file():
            if "default" in int8_models:  # quantise a copy: the shipped bundle stays as it is
                shutil.copytree(DEFAULT_BUNDLE_DIR, Path(tmp) / "default")
                default = load_bundle(Path(tmp) / "default")
            else:
                default = load_bundle(DEFAULT_BUNDLE_DIR)
            label = "default bundle (models/bundles/default)"
        else:
            default = make_bundle("efficientnet_lite0", "imagenet", Path(tmp))
            label = "EfficientNet-Lite0, ImageNet weights (no default bundle yet)"
        models = args.models.split(",")
        if "default" in models:
            bench_model(label, with_int8(default, "default"), frame, images, args.reps, args.warmup)
        if "resnext" in models:
            large = with_int8(
                make_bundle("resnext101_64x4d", "random", Path(tmp), head_images, head_labels), "resnext"
            )
            n = len(images) if args.agree_large is None else args.agree_large
            label = "ResNeXt101_64x4d, random backbone" + (
                f", head fitted on {len(head_images)} real images" if head_images else ", random head"
            )
            bench_model(label, large, frame, images[:n], args.reps_large, args.warmup)


if __name__ == "__main__":
    main()
