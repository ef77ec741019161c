"""Cross-entropy that also accepts partial labels.

For a sample whose label allows a set S of classes (MSLD ``others`` = {chickenpox, measles}) the loss is
``-log(sum_{c in S} softmax(z)_c)``; when S has one class this is ordinary cross-entropy. Label smoothing
mixes in ``-mean_c log softmax(z)_c``; class weights weight each sample (mean weight of its allowed classes)
and the batch loss is the weighted mean, as ``torch.nn.functional.cross_entropy`` does.

A sample that allows no class at all is an open-set image (another skin condition, not skin): its loss is
outlier exposure (Hendrycks et al., ICLR 2019), the cross-entropy to the uniform distribution
``-mean_c log softmax(z)_c`` times ``outlier_weight``: the model learns to be unsure on pictures outside its
classes, and its features learn to set them apart (which the bundle's open-set head then reads).
"""

from __future__ import annotations

import torch


def partial_label_loss(
    logits: torch.Tensor,
    allowed: torch.Tensor,
    *,
    class_weights: torch.Tensor | None = None,
    label_smoothing: float = 0.0,
    outlier_weight: float = 0.5,
) -> torch.Tensor:
    """``logits`` (N, C); ``allowed`` (N, C) bool mask (no class: an outlier); returns the mean loss."""
    logp = torch.log_softmax(logits.float(), dim=1)
    outlier = ~allowed.any(dim=1)
    uniform = -logp.mean(dim=1)
    nll = -torch.logsumexp(logp.masked_fill(~allowed, float("-inf")), dim=1)
    if label_smoothing:
        nll = (1 - label_smoothing) * nll + label_smoothing * uniform
    nll = torch.where(outlier, outlier_weight * uniform, nll)
    if class_weights is None:
        return nll.mean()
    a = allowed.float()
    w = (a * class_weights.to(logits.device)).sum(1) / a.sum(1).clamp(min=1)
    w = torch.where(outlier, torch.ones_like(w), w)
    return (w * nll).sum() / w.sum()
