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
from dataclasses import dataclass

import cv2
import numpy as np
import torch
from torchcam.methods import GradCAM

from .bundle import Bundle
from .fast_cam import LinearCamHead, find_linear_cam_head
from .preprocessing import square_crop_box
from .registry import get_spec
from .runtime import Runtime, select_runtime

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Explanation:
    class_index: int
    heatmap: np.ndarray  # (H, W) float32 in [0, 1], in the original image's coordinates
    overlay: np.ndarray  # (H, W, 3) RGB uint8: the image with the heatmap blended in


def blend_heatmap(image: np.ndarray, heatmap: np.ndarray, opacity: float = 0.45) -> np.ndarray:
    """Colour the heatmap (JET) and blend it over an RGB uint8 image of the same height and width.

    The colour's weight grows with the heat (``opacity`` at the hottest point, nothing where the model did
    not look), so the skin stays visible outside the highlighted region instead of under a blue wash.
    """
    heat = np.clip(heatmap, 0, 1).astype(np.float32)
    colored = cv2.applyColorMap(np.uint8(heat * 255), cv2.COLORMAP_JET)
    colored = cv2.cvtColor(colored, cv2.COLOR_BGR2RGB).astype(np.float32)
    alpha = (opacity * np.sqrt(heat))[..., None]
    return np.clip(image.astype(np.float32) * (1.0 - alpha) + colored * alpha + 0.5, 0, 255).astype(np.uint8)


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
        heatmap = self._to_image_coordinates(
            np.nan_to_num(self.cam_head.cam(features, class_index)), image.shape[:2]
        )
        return Explanation(int(class_index), heatmap, blend_heatmap(image, heatmap, opacity))

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
        heatmap = self._to_image_coordinates(np.nan_to_num(cam_map), image.shape[:2])
        return Explanation(idx, heatmap, blend_heatmap(image, heatmap, opacity))

    @staticmethod
    def _to_image_coordinates(cam_map: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
        """Place the map over the square crop the model saw; outside it the model saw nothing (0)."""
        top, left, side, _ = square_crop_box(*shape)
        heat = np.zeros(shape, dtype=np.float32)
        heat[top : top + side, left : left + side] = cv2.resize(
            cam_map.astype(np.float32), (side, side), interpolation=cv2.INTER_LINEAR
        )
        return np.clip(heat, 0.0, 1.0)
