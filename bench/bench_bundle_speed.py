"""Per-frame CPU latency of a bundle against a baseline bundle, measured in the same run (issue 14: the
shipped bundle classifies in <= 15 ms and classifies + heatmap in <= 25 ms on 2 cores).

    .venv/bin/python bench/bench_bundle_speed.py --bundle models/bundles/default --baseline OLD_BUNDLE

Per frame = a 640x480 RGB photograph as a webcam gives it (decode excluded) -> preprocessing -> the bundle's
optimised runtime (ONNX Runtime where it loads, as the station runs) -> calibrated probabilities and open-set
scores (classify), and also the Grad-CAM overlay in image coordinates (classify + heatmap). Batch 1, the two
bundles interleaved repetition by repetition so that load from other processes hits both alike; medians and
90th percentiles, and the ratio bundle/baseline of the medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.bench_inference import interleaved, webcam_sized_frame  # noqa: E402
from models.bundle import load_bundle  # noqa: E402
from models.predictor import Predictor  # noqa: E402


def _p90(values: list[float]) -> float:
    return sorted(values)[int(0.9 * (len(values) - 1))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bundle", default=str(REPO / "models" / "bundles" / "default"))
    ap.add_argument("--baseline", required=True, help="the bundle to compare with (the previous default)")
    ap.add_argument("--reps", type=int, default=60)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2, help="torch/ONNX threads (the kiosk's 2 cores)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    frame = webcam_sized_frame()
    predictors = {
        name: Predictor(load_bundle(path))
        for name, path in (("bundle", args.bundle), ("baseline", args.baseline))
    }
    variants = {}
    for name, pred in predictors.items():
        variants[f"{name} classify"] = lambda p=pred: p.predict_one(frame)
        variants[f"{name} classify+heatmap"] = lambda p=pred: p.predict_explained(frame)
    times = interleaved(variants, args.reps, args.warmup)
    for name, pred in predictors.items():
        m = pred.bundle.manifest
        print(
            f"{name}: {m['arch']} at {m['input_size']} px, backend {pred.backend}, "
            f"bundle {pred.bundle.short_hash}"
        )
    print(f"{'variant':28s} {'median ms':>10s} {'p90 ms':>8s}")
    for name, values in times.items():
        print(f"{name:28s} {statistics.median(values):10.2f} {_p90(values):8.2f}")
    for task in ("classify", "classify+heatmap"):
        ratio = statistics.median(times[f"bundle {task}"]) / statistics.median(times[f"baseline {task}"])
        print(f"ratio bundle/baseline, {task}: {ratio:.2f}")


if __name__ == "__main__":
    main()
