"""A cheap monitor of representation quality: cosine kNN accuracy of backbone embeddings.

Leave-one-group-out on a small labelled set: each image is classified by a similarity-weighted vote of its
k nearest neighbours among images of *other* groups, so near-duplicates cannot vote for each other. No
training, no labels reach the backbone; it only tells whether the embeddings are getting more useful.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import torch
from torch import nn

from models.errors import ImageDecodeError
from models.imageio import decode_image
from models.preprocessing import Preprocessor
from models.registry import get_spec
from models.taxonomy import UNLABELLED

from ..freezing import keep_frozen_batchnorm_in_eval
from .data import ImageItem, SSLDataError, read_manifest_rows


def stratified_subset(items: list[ImageItem], max_items: int, seed: int = 0) -> list[ImageItem]:
    """At most ``max_items``, drawn evenly across labels (small classes kept whole)."""
    if len(items) <= max_items:
        return items
    rng = np.random.default_rng(seed)
    by_label: dict[str, list[ImageItem]] = {}
    for item in items:
        by_label.setdefault(item.label, []).append(item)
    quota = max(1, max_items // len(by_label))
    chosen = []
    for label in sorted(by_label):
        group = by_label[label]
        take = rng.choice(len(group), size=min(quota, len(group)), replace=False)
        chosen.extend(group[i] for i in sorted(take))
    return chosen


class KNNMonitor:
    """Holds the preprocessed labelled images once; ``evaluate(backbone)`` returns kNN metrics."""

    def __init__(self, items: list[ImageItem], arch: str, input_size: int, k: int = 10, batch_size: int = 64):
        spec = get_spec(arch)
        pre = Preprocessor(input_size, spec.mean, spec.std)
        images, labels, groups = [], [], []
        for item in items:
            try:
                images.append(pre(decode_image(item.path)))
            except ImageDecodeError:
                continue  # the monitor is advisory: a bad file just leaves it
            labels.append(item.label)
            groups.append(item.group)
        if len(set(labels)) < 2:
            raise SSLDataError("the kNN monitor needs readable labelled images of at least two labels")
        self.inputs = torch.stack(images)
        self.names = sorted(set(labels))
        self.labels = torch.tensor([self.names.index(lab) for lab in labels])
        group_ids = {g: i for i, g in enumerate(dict.fromkeys(groups))}
        self.groups = torch.tensor([group_ids[g] for g in groups])
        self.k = k
        self.batch_size = batch_size

    @classmethod
    def from_manifest(
        cls,
        manifest: str | Path,
        arch: str,
        input_size: int,
        k: int = 10,
        max_images: int = 400,
        seed: int = 0,
    ) -> KNNMonitor:
        rows = [r for r in read_manifest_rows(Path(manifest)) if r.label != UNLABELLED]
        if not rows:
            raise SSLDataError(f"kNN manifest {manifest} has no labelled rows")
        return cls(stratified_subset(rows, max_images, seed), arch, input_size, k)

    def __len__(self) -> int:
        return len(self.labels)

    @torch.no_grad()
    def embed(self, backbone: nn.Module, device: torch.device) -> torch.Tensor:
        was_training = backbone.training
        backbone.eval()
        try:
            feats = [
                backbone(self.inputs[i : i + self.batch_size].to(device)).flatten(1).float().cpu()
                for i in range(0, len(self.inputs), self.batch_size)
            ]
        finally:
            backbone.train(was_training)
            if was_training:
                keep_frozen_batchnorm_in_eval(backbone)
        return nn.functional.normalize(torch.cat(feats), dim=1)

    def evaluate(self, backbone: nn.Module, device: torch.device | str = "cpu") -> dict[str, float]:
        feats = self.embed(backbone, torch.device(device))
        sim = feats @ feats.T
        sim[self.groups[:, None] == self.groups[None, :]] = -float("inf")  # same image or near-duplicate
        k = min(self.k, len(self.labels) - 1)
        top_sim, top_idx = sim.topk(k, dim=1)
        valid = torch.isfinite(top_sim)
        votes = torch.zeros(len(self.labels), len(self.names))
        weights = torch.where(valid, (top_sim + 1.0) / 2.0, torch.zeros_like(top_sim))  # cosine -> [0, 1]
        votes.scatter_add_(1, self.labels[top_idx], weights)
        pred = votes.argmax(dim=1)
        correct = (pred == self.labels).float()
        counts = Counter(self.labels.tolist())
        recalls = [correct[self.labels == c].mean().item() for c in counts]
        return {
            "knn_accuracy": correct.mean().item(),
            "knn_balanced_accuracy": float(np.mean(recalls)),
            "knn_k": float(k),
            "knn_images": float(len(self.labels)),
        }
