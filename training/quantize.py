"""An int8 ONNX graph for a bundle: the fastest CPU path for large networks such as ResNeXt101.

ONNX Runtime's static quantisation (QDQ format, per-channel int8 weights, uint8 activations) needs
calibration images, which a kiosk does not have, so it is done once where the model is made (the recipe, or
``mpox-train quantize`` for an existing bundle) and the graph travels in the bundle as ``model.int8.onnx``,
its SHA-256 in the manifest's ``files`` and its ``int8`` entry. Quantisation changes the numbers, so a graph
is only added when its top-1 class agrees with eager PyTorch on at least ``MIN_AGREEMENT`` of real check
images (not the calibration ones); the measured agreement is recorded in the manifest. The station runs the
graph named by that entry when it is there and intact (``models.runtime``, ``models.serving``).
"""

from __future__ import annotations

import hashlib
import random
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import torch

from models.bundle import Bundle, load_bundle
from models.errors import MpoxError
from models.imageio import decode_image

from . import splits as splitlib
from .bundle_draft import BundleDraft
from .dataset_manifest import ManifestError, labelled, read_dataset_manifest

INT8_NAME = "model.int8.onnx"
MIN_AGREEMENT = 0.995


class QuantizationRefusedError(MpoxError):
    """The int8 graph disagrees with the float model too often (or cannot be made); nothing was added."""


def _batches(pre, images: Sequence[np.ndarray], size: int = 16):
    for i in range(0, len(images), size):
        yield torch.stack([pre(im) for im in images[i : i + size]])


def _quantized_graph(bundle: Bundle, calibration: Sequence[np.ndarray]) -> bytes:
    """The bundle's network as an int8 ONNX graph, its activation ranges set on ``calibration``."""
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    from models.runtime import export_onnx

    pre = bundle.preprocessor
    graph = export_onnx(bundle.model, pre.input_size, bundle.manifest["cam_target_layer"])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "float.onnx").write_bytes(graph)
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
        return (tmp / INT8_NAME).read_bytes()


def int8_graph_into(
    draft: BundleDraft,
    calibration: Sequence[np.ndarray],
    check: Sequence[np.ndarray],
    min_agreement: float = MIN_AGREEMENT,
) -> dict:
    """Add an int8 graph of the draft's network, and the manifest's ``int8`` entry, to the draft; returns
    the entry.

    ``calibration`` and ``check`` are RGB uint8 images (any size; the bundle's preprocessing applies).
    Raises QuantizationRefusedError when top-1 agreement with eager PyTorch on ``check`` is below
    ``min_agreement``; the draft is then left as it was.
    """
    try:
        import onnxruntime
        import onnxruntime.quantization.shape_inference  # noqa: F401  (the tools _quantized_graph uses)
    except ImportError as exc:
        raise QuantizationRefusedError(f"onnxruntime's quantisation tools are not installed ({exc})") from exc
    from models.runtime import EagerRuntime
    from models.serving import OrtRuntime, softmax

    if len(calibration) == 0 or len(check) == 0:
        raise QuantizationRefusedError("quantisation needs calibration images and separate check images")
    bundle = draft.as_bundle()
    graph = _quantized_graph(bundle, calibration)
    int8 = OrtRuntime(graph)
    eager = EagerRuntime(bundle.model, torch.device("cpu"), bundle.manifest["cam_target_layer"])
    agree, prob_diff = [], 0.0
    t = bundle.temperature
    for batch in _batches(bundle.preprocessor, check):
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
    draft.add({INT8_NAME: graph}, int8=info)
    return info


def quantize_bundle(
    bundle_dir: str | Path,
    calibration: Sequence[np.ndarray],
    check: Sequence[np.ndarray],
    min_agreement: float = MIN_AGREEMENT,
) -> dict:
    """Add an int8 graph to the bundle (rewritten once, atomically; its other files kept); returns the
    manifest's ``int8`` entry. A refusal (QuantizationRefusedError) leaves the bundle as it was."""
    draft = BundleDraft.of(load_bundle(bundle_dir))
    info = int8_graph_into(draft, calibration, check, min_agreement)
    draft.write(bundle_dir)
    return info


def manifest_images(
    manifest: str | Path,
    split_file: str | Path | None = None,
    split: str = "val",
    n_calibration: int = 32,
    max_check: int = 400,
    seed: int = 0,
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """``n_calibration`` images of the manifest (of ``split`` when a split file is given) to calibrate on,
    and up to ``max_check`` others to check the agreement on, drawn with ``seed``."""
    records = labelled(read_dataset_manifest(manifest))
    if split_file is not None:
        records = splitlib.select(records, splitlib.load_split(split_file, manifest), split)
    if len(records) < n_calibration + 1:
        raise ManifestError(
            f"{len(records)} labelled images are too few to calibrate on {n_calibration} "
            "and check on the rest"
        )
    random.Random(seed).shuffle(records)
    images = [decode_image(r.path) for r in records[: n_calibration + max_check]]
    return images[:n_calibration], images[n_calibration:]


def quantize_from_manifest(
    bundle_dir: str | Path,
    manifest: str | Path,
    split_file: str | Path | None = None,
    split: str = "val",
    n_calibration: int = 32,
    max_check: int = 400,
    seed: int = 0,
    min_agreement: float = MIN_AGREEMENT,
) -> dict:
    """Calibrate on ``n_calibration`` images of the manifest (of ``split`` when a split file is given) and
    check agreement on up to ``max_check`` others; returns the manifest's new ``int8`` entry."""
    calibration, check = manifest_images(manifest, split_file, split, n_calibration, max_check, seed)
    return quantize_bundle(bundle_dir, calibration, check, min_agreement)
