"""An int8 ONNX graph shipped inside a bundle: the fastest CPU path for large networks such as ResNeXt101.

ONNX Runtime's static quantisation (QDQ format, per-channel int8 weights, uint8 activations) needs
calibration images, which a kiosk does not have, so it is done once where the model is made
(``mpox-train quantize``) and the graph travels in the bundle as ``model.int8.onnx``, its SHA-256 in the
manifest. Quantisation changes the numbers, so a graph is only written when its top-1 class agrees with
eager PyTorch on at least ``MIN_AGREEMENT`` of real check images (not the calibration ones); the measured
agreement is recorded in the manifest. ``models.runtime`` uses the graph when it is there and intact.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import torch

from .bundle import load_bundle, rewrite_bundle
from .errors import MpoxError

INT8_NAME = "model.int8.onnx"
MIN_AGREEMENT = 0.995


class QuantizationRefusedError(MpoxError):
    """The int8 graph disagrees with the float model too often (or cannot be made); nothing was written."""


def _batches(pre, images: Sequence[np.ndarray], size: int = 16):
    for i in range(0, len(images), size):
        yield torch.stack([pre(im) for im in images[i : i + size]])


def quantize_bundle(
    bundle_dir: str | Path,
    calibration: Sequence[np.ndarray],
    check: Sequence[np.ndarray],
    min_agreement: float = MIN_AGREEMENT,
) -> dict:
    """Add an int8 graph to the bundle (rewritten atomically); returns the manifest's ``int8`` entry.

    ``calibration`` and ``check`` are RGB uint8 images (any size; the bundle's preprocessing applies).
    Raises QuantizationRefusedError when top-1 agreement with eager PyTorch on ``check`` is below
    ``min_agreement``; the bundle is then left as it was.
    """
    try:
        import onnxruntime
        from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static
        from onnxruntime.quantization.shape_inference import quant_pre_process
    except ImportError as exc:
        raise QuantizationRefusedError(f"onnxruntime's quantisation tools are not installed ({exc})") from exc
    from .runtime import EagerRuntime, export_onnx
    from .serving import OrtRuntime, softmax

    if len(calibration) == 0 or len(check) == 0:
        raise QuantizationRefusedError("quantisation needs calibration images and separate check images")
    bundle = load_bundle(bundle_dir)
    pre = bundle.preprocessor
    cam_layer = bundle.manifest["cam_target_layer"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "float.onnx").write_bytes(export_onnx(bundle.model, pre.input_size, cam_layer))
        quant_pre_process(str(tmp / "float.onnx"), str(tmp / "pre.onnx"))

        class Reader(CalibrationDataReader):
            def __init__(self):
                self.it = ({"input": pre(im)[None].numpy()} for im in calibration)

            def get_next(self):
                return next(self.it, None)

        quantize_static(
            str(tmp / "pre.onnx"),
            str(tmp / INT8_NAME),
            Reader(),
            quant_format=QuantFormat.QDQ,
            per_channel=True,
            activation_type=QuantType.QUInt8,
            weight_type=QuantType.QInt8,
        )
        graph = (tmp / INT8_NAME).read_bytes()

    int8 = OrtRuntime(graph)
    eager = EagerRuntime(bundle.model, torch.device("cpu"), cam_layer)
    agree, prob_diff = [], 0.0
    t = bundle.temperature
    for batch in _batches(pre, check):
        ref, _ = eager.run(batch)
        got, _ = int8.run(batch)
        agree.extend((ref.argmax(1) == got.argmax(1)).tolist())
        prob_diff = max(prob_diff, float(np.abs(softmax(got / t) - softmax(ref / t)).max()))
    agreement = float(np.mean(agree))
    if agreement < min_agreement:
        raise QuantizationRefusedError(
            f"the int8 graph agrees with the float model on {agreement:.1%} of {len(agree)} check images, "
            f"below the required {min_agreement:.1%}; keep using the float path (nothing was written)"
        )
    info = {
        "file": INT8_NAME,
        "sha256": hashlib.sha256(graph).hexdigest(),
        "format": "ONNX QDQ, per-channel int8 weights, uint8 activations (onnxruntime static quantisation)",
        "top1_agreement_with_float": agreement,
        "max_probability_difference": prob_diff,
        "n_check_images": len(agree),
        "n_calibration_images": len(calibration),
        "onnxruntime": onnxruntime.__version__,
        "created_utc": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    manifest = dict(bundle.manifest, int8=info)
    rewrite_bundle(bundle, manifest, {INT8_NAME: graph})
    load_bundle(bundle.path)  # verify what was written
    return info
