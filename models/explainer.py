"""Grad-CAM heatmaps on demand.

Fast path (backend 'auto', the default): for models whose target layer feeds global average pooling and a
linear head, Grad-CAM needs no backward pass (see ``fast_cam``); the heatmap comes from the target-layer
activations of one forward pass of the optimised runtime, or of the classification pass itself
(``explain_from_features``). Otherwise (backend 'eager', or models that fail ``fast_cam``'s check), a separate
gradient-enabled pass with torchcam, whose extractor is used as a context manager so that its hooks are
always removed, even on error.
"""

from __future__ import annotations

import logging

import numpy as np
import torch
from torchcam.methods import GradCAM

from .bundle import Bundle
from .fast_cam import find_linear_cam_head
from .heatmap import Explanation, LinearCamHead, blend_heatmap, to_image_coordinates
from .registry import get_spec
from .runtime import Runtime, select_runtime

log = logging.getLogger(__name__)


class Explainer:
    def __init__(
        self,
        bundle: Bundle,
        device: torch.device | str | None = None,
        backend: str = "auto",
        runtime: Runtime | None = None,
    ):
        """``backend``: 'auto' (no-backward Grad-CAM when the model allows it, on ``runtime`` or the optimised
        runtime) or 'eager' (always torchcam's gradient pass)."""
        self.bundle = bundle
        self.model = bundle.model
        self.device = torch.device(device) if device else next(self.model.parameters()).device
        self.target_layer = bundle.manifest["cam_target_layer"]
        self.reshape = get_spec(bundle.manifest["arch"]).cam_reshape
        self.preprocess = bundle.preprocessor
        self.cam_head: LinearCamHead | None = None
        self.runtime: Runtime | None = None
        if backend != "eager":
            self.cam_head, why = find_linear_cam_head(bundle, self.device)
            if self.cam_head is None:
                log.info("Grad-CAM keeps the gradient pass: %s", why)
            else:
                self.runtime = runtime or select_runtime(bundle, self.device, backend)

    @property
    def fast(self) -> bool:
        """True when heatmaps come without a backward pass."""
        return self.cam_head is not None

    def explain(
        self, image: np.ndarray, class_index: int | None = None, opacity: float = 0.45
    ) -> Explanation:
        """Heatmap for ``class_index`` (default: the predicted class) over an RGB uint8 image."""
        x = self.preprocess(image).unsqueeze(0)
        if self.cam_head is not None and self.runtime is not None:
            logits, feats = self.runtime.run(x, features=True)
            idx = int(logits[0].argmax()) if class_index is None else int(class_index)
            return self.explain_from_features(image, feats[0], idx, opacity)
        return self._explain_gradient(image, x.to(self.device), class_index, opacity)

    def explain_from_features(
        self, image: np.ndarray, features: np.ndarray, class_index: int, opacity: float = 0.45
    ) -> Explanation:
        """Heatmap from the (K, h, w) target-layer activations of a classification pass (fast path only)."""
        if self.cam_head is None:
            raise ValueError("this model's Grad-CAM needs a gradient pass; call explain()")
        return self.cam_head.explain(image, features, class_index, opacity)

    def heatmap_from_features(
        self, shape: tuple[int, int], features: np.ndarray, class_index: int
    ) -> np.ndarray:
        """The heatmap alone (no blended overlay: the window blends at its own opacity); fast path only."""
        if self.cam_head is None:
            raise ValueError("this model's Grad-CAM needs a gradient pass; call explain()")
        return self.cam_head.heatmap(features, class_index, shape)

    def _explain_gradient(
        self, image: np.ndarray, x: torch.Tensor, class_index: int | None, opacity: float
    ) -> Explanation:
        was_training = self.model.training
        self.model.eval()
        try:
            with (
                torch.enable_grad(),
                GradCAM(self.model, self.target_layer, reshape_transform=self.reshape) as cam,
            ):
                x.requires_grad_(True)  # gradients reach the target layer even if weights are frozen
                scores = self.model(x)
                idx = int(scores.argmax(1).item()) if class_index is None else int(class_index)
                cam_map = cam(class_idx=idx, scores=scores)[0][0].detach().float().cpu().numpy()
        finally:
            self.model.train(was_training)
            self.model.zero_grad(set_to_none=True)
        heatmap = to_image_coordinates(np.nan_to_num(cam_map), image.shape[:2])
        return Explanation(idx, heatmap, blend_heatmap(image, heatmap, opacity))
