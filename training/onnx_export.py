"""Add to a bundle the ONNX graph the station serves without PyTorch (``models.serving``).

The graph is exported once where the model is made (the recipe, or ``mpox-train onnx BUNDLE`` for an
existing bundle), checked against eager PyTorch on a probe batch, and added to the bundle with the heatmap
head's weights; the manifest records both files' SHA-256 and the probe's logits, so the station can check its
runtime against the numbers seen here without PyTorch. Once written, the bundle is opened as the station
opens it and must answer the probe as PyTorch did (:func:`check_written_graph`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import torch
from safetensors.numpy import save

from models.bundle import Bundle, load_bundle
from models.fast_cam import find_linear_cam_head
from models.manifest import open_verified
from models.runtime import EagerRuntime, check_against_eager, export_onnx
from models.serving import (
    CAM_HEAD_NAME,
    ONNX_NAME,
    PROBE_SEED,
    SERVING_KEY,
    OrtRuntime,
    ServingPredictor,
    ServingUnavailable,
    logits_match,
    probe_batch,
)

from .bundle_draft import BundleDraft


def serving_graph_into(draft: BundleDraft) -> dict[str, Any]:
    """Export the draft's network, check it against eager PyTorch, and add ``model.onnx``,
    ``cam_head.safetensors`` and the manifest's ``onnx`` block to the draft; returns the block. Raises
    ServingUnavailable when the model cannot be served this way (its heatmap needs a gradient pass, or the
    export does not match PyTorch); the draft is then left as it was."""
    import onnxruntime

    bundle = draft.as_bundle()
    cpu = torch.device("cpu")
    cam_head, why = find_linear_cam_head(bundle, cpu)
    if cam_head is None:
        raise ServingUnavailable(f"no torch-free serving for {bundle.path}: {why}")
    size, layer = bundle.manifest["input_size"], bundle.manifest["cam_target_layer"]
    try:
        graph = export_onnx(bundle.model, size, layer)
        runtime = OrtRuntime(graph)
        check_against_eager(runtime, bundle, cpu)
    except Exception as exc:  # the exporter and onnxruntime raise many types
        raise ServingUnavailable(f"the ONNX export of {bundle.path} cannot be served: {exc}") from exc
    probe = probe_batch(size)
    logits, _ = runtime.run(probe)
    eager, _ = EagerRuntime(bundle.model, cpu, layer).run(probe)
    block = {
        "file": ONNX_NAME,
        "cam_head": CAM_HEAD_NAME,
        "outputs": ["logits", "cam_features"],
        "probe_seed": PROBE_SEED,
        "probe_logits": logits.astype(float).tolist(),
        "max_logit_difference_to_eager": float(np.abs(logits - eager).max()),
        "exported_with": f"torch {torch.__version__}, onnxruntime {onnxruntime.__version__}",
        "created_utc": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    files = {ONNX_NAME: graph, CAM_HEAD_NAME: save({"weight": np.ascontiguousarray(cam_head.weight)})}
    draft.add(files, **{SERVING_KEY: block})
    return block


def check_written_graph(bundle: Bundle) -> None:
    """Raise ServingUnavailable unless the written bundle serves on the station's path (opened without
    PyTorch, its graph checked against the recorded probe logits) and answers the probe as PyTorch does."""
    probe = probe_batch(bundle.manifest["input_size"])
    eager, _ = EagerRuntime(bundle.model, torch.device("cpu"), bundle.manifest["cam_target_layer"]).run(probe)
    verified, _ = open_verified(bundle.path)
    served, _ = ServingPredictor(verified, backend="onnxruntime").runtime.run(probe)
    if problem := logits_match(served, eager, bundle.temperature):
        raise ServingUnavailable(f"the written graph of {bundle.path} differs from PyTorch ({problem})")


def add_serving_graph(bundle_dir: str | Path) -> dict[str, Any]:
    """Export, check and add ``model.onnx`` + ``cam_head.safetensors`` to the bundle (rewritten once,
    atomically; a signature or pin must then be made again). Returns the manifest's ``onnx`` block. Raises
    ServingUnavailable when the model cannot be served this way; the bundle is then left as it was."""
    draft = BundleDraft.of(load_bundle(bundle_dir))
    block = serving_graph_into(draft)
    check_written_graph(draft.write(bundle_dir))
    return block
