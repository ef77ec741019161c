"""Grad-CAM heatmaps from activations, without PyTorch: the part the station needs at every screening.

For a network whose CAM target layer feeds global average pooling and a linear head (EfficientNet-Lite0, the
ResNe(X)ts, tiny_cnn, the fused default...), ``score_c = b_c + sum_k W[c, k] * mean_ij A_k(i, j)``, so
``d score_c / d A_k(i, j) = W[c, k] / (H W)`` everywhere: Grad-CAM's channel weights are exactly the head's
row scaled by 1/(H W), and the heatmap is a weighted sum of activations the classification pass already
produced.
Whether a model has that shape is checked numerically where the model is made (``models.fast_cam``).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .preprocessing import square_crop_box

EPS = 1e-8  # torchcam's normalisation epsilon, so the gradient path and this one give the same map


@dataclass(frozen=True)
class Explanation:
    class_index: int
    heatmap: np.ndarray  # (H, W) float32 in [0, 1], in the original image's coordinates
    overlay: np.ndarray  # (H, W, 3) RGB uint8: the image with the heatmap blended in


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

    def heatmap(self, features: np.ndarray, class_index: int, shape: tuple[int, int]) -> np.ndarray:
        """The (H, W) heatmap of ``class_index`` over an image of ``shape`` from its (K, h, w) activations."""
        return to_image_coordinates(np.nan_to_num(self.cam(features, class_index)), shape)

    def explain(
        self, image: np.ndarray, features: np.ndarray, class_index: int, opacity: float = 0.45
    ) -> Explanation:
        """The heatmap of ``class_index`` over ``image`` and the image with it blended in."""
        heatmap = self.heatmap(features, class_index, image.shape[:2])
        return Explanation(int(class_index), heatmap, blend_heatmap(image, heatmap, opacity))


def to_image_coordinates(cam_map: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Place the map over the square crop the model saw; outside it the model saw nothing (0)."""
    top, left, side, _ = square_crop_box(*shape)
    heat = np.zeros(shape, dtype=np.float32)
    heat[top : top + side, left : left + side] = cv2.resize(
        cam_map.astype(np.float32), (side, side), interpolation=cv2.INTER_LINEAR
    )
    return np.clip(heat, 0.0, 1.0)


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
