"""Exploration, not the shipped path: ONNX Runtime int8 static quantisation (QDQ, per-channel weights,
calibrated on real images) against the float32 ONNX export, for one architecture.

    .venv/bin/python bench/explore_int8.py --arch resnext101_64x4d [--reps 8] [--agree 100]

Prints per-frame latency (batch 1, interleaved, median) of float32 vs int8 and their top-1 agreement on
real images, to show why the optimised path stays float32 (see docs/performance.md).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_inference import interleaved, make_bundle, real_images  # noqa: E402

from models.runtime import OrtRuntime, export_onnx  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", default="resnext101_64x4d")
    ap.add_argument("--init", default="random")
    ap.add_argument("--reps", type=int, default=8)
    ap.add_argument("--agree", type=int, default=100)
    ap.add_argument("--calib", type=int, default=32)
    args = ap.parse_args()
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        bundle = make_bundle(args.arch, args.init, tmp)
        pre = bundle.preprocessor
        graph = export_onnx(bundle.model, pre.input_size, bundle.manifest["cam_target_layer"])
        (tmp / "f.onnx").write_bytes(graph)
        quant_pre_process(str(tmp / "f.onnx"), str(tmp / "p.onnx"))
        images = real_images(args.agree + args.calib)
        calib, test = images[: args.calib], images[args.calib :]

        class Reader(CalibrationDataReader):
            def __init__(self):
                self.it = iter([{"input": pre(im)[None].numpy()} for im in calib])

            def get_next(self):
                return next(self.it, None)

        quantize_static(str(tmp / "p.onnx"), str(tmp / "q.onnx"), Reader(), quant_format=QuantFormat.QDQ,
                        per_channel=True, activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8)
        f32, i8 = OrtRuntime(str(tmp / "f.onnx")), OrtRuntime(str(tmp / "q.onnx"))
        x = pre(test[0])[None]
        times = interleaved({"float32": lambda: f32.run(x), "int8": lambda: i8.run(x)}, args.reps, 2)
        agree = []
        for im in test:
            t = pre(im)[None]
            agree.append(f32.run(t)[0].argmax() == i8.run(t)[0].argmax())
        m32, m8 = statistics.median(times["float32"]), statistics.median(times["int8"])
        print(f"{args.arch} ({args.init} weights), {torch.get_num_threads()} threads: ONNX Runtime float32 "
              f"{m32:.1f} ms, int8 {m8:.1f} ms (x{m32 / m8:.2f}); top-1 agreement int8 vs float32 on "
              f"{len(test)} real images: {100 * float(np.mean(agree)):.1f}%")


if __name__ == "__main__":
    main()
