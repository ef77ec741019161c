"""Which models get Grad-CAM without a backward pass (``models.heatmap``), checked numerically.

Whether a model is 'target layer -> global average pool -> linear head' is not assumed from its name:
``find_linear_cam_head`` checks it on a probe batch, and models that fail it (ViT, Swin, DenseNet's trailing
ReLU, MobileNetV3's two-layer head) keep the gradient pass.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from .bundle import Bundle
from .heatmap import LinearCamHead
from .registry import get_spec
from .runtime import PROBE_SEED, EagerRuntime


def find_linear_cam_head(
    bundle: Bundle, device: torch.device | None = None
) -> tuple[LinearCamHead | None, str]:
    """The head as a LinearCamHead when the model is 'target layer -> GAP -> linear', else (None, why)."""
    arch = bundle.manifest["arch"]
    spec = get_spec(arch)
    if spec.cam_reshape is not None:
        return None, f"{arch}: the target layer's output is reshaped for CAM (token model)"
    try:
        head = bundle.model.get_submodule(spec.head)
    except AttributeError:
        return None, f"{arch}: head {spec.head!r} not found"
    if not isinstance(head, nn.Linear):
        return None, f"{arch}: head is {type(head).__name__}, not a linear layer"
    device = device or next(bundle.model.parameters()).device
    size = bundle.manifest["input_size"]
    probe = torch.randn(2, 3, size, size, generator=torch.Generator().manual_seed(PROBE_SEED))
    logits, feats = EagerRuntime(bundle.model, device, bundle.manifest["cam_target_layer"]).run(probe, True)
    if feats is None or feats.ndim != 4 or feats.shape[1] != head.in_features:
        shape = None if feats is None else feats.shape
        return None, f"{arch}: target-layer output {shape} does not feed the head"
    weight = head.weight.detach().float().cpu().numpy()
    bias = head.bias.detach().float().cpu().numpy() if head.bias is not None else 0.0
    predicted = feats.mean(axis=(2, 3)) @ weight.T + bias
    if not np.allclose(predicted, logits, rtol=1e-3, atol=1e-4 * (1.0 + float(np.abs(logits).max()))):
        return None, f"{arch}: logits are not a linear function of the pooled target-layer activations"
    return LinearCamHead(weight), "target layer -> global average pool -> linear head"
