"""Grad-CAM without a backward pass, for networks whose CAM target layer feeds global average pooling and a
linear head (EfficientNet-Lite0, the ResNe(X)ts, tiny_cnn, ...).

There ``score_c = b_c + sum_k W[c, k] * mean_ij A_k(i, j)``, so ``d score_c / d A_k(i, j) = W[c, k] / (H W)``
everywhere: Grad-CAM's channel weights are exactly the head's row scaled by 1/(H W). The heatmap is then a
weighted sum of activations that the classification pass already produced. Whether a model has that shape is
not assumed from its name: ``find_linear_cam_head`` checks it numerically on a probe batch, and models that
fail it (ViT, Swin, DenseNet's trailing ReLU, MobileNetV3's two-layer head) keep the gradient pass.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from .bundle import Bundle
from .registry import get_spec
from .runtime import PROBE_SEED, EagerRuntime

EPS = 1e-8  # torchcam's normalisation epsilon, so both paths give the same map


@dataclass(frozen=True)
class LinearCamHead:
    weight: np.ndarray  # (C, K) rows of the final linear layer

    def cam(self, features: np.ndarray, class_index: int) -> np.ndarray:
        """(K, H, W) target-layer activations of one image -> (H, W) Grad-CAM in [0, 1], as torchcam's."""
        k, h, w = features.shape
        alpha = self.weight[class_index].astype(np.float32) / float(h * w)
        cam = np.tensordot(alpha, features.astype(np.float32, copy=False), axes=(0, 0))
        np.maximum(cam, 0.0, out=cam)
        cam -= cam.min()
        cam /= cam.max() + EPS
        return cam.astype(np.float32, copy=False)


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
