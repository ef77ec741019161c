"""Cross-entropy that also accepts partial labels.

For a sample whose label allows a set S of classes (MSLD ``others`` = {chickenpox, measles}) the loss is
``-log(sum_{c in S} softmax(z)_c)``; when S has one class this is ordinary cross-entropy. Label smoothing
mixes in ``-mean_c log softmax(z)_c``; class weights weight each sample (mean weight of its allowed classes)
and the batch loss is the weighted mean, as ``torch.nn.functional.cross_entropy`` does.
"""

from __future__ import annotations

import torch


def partial_label_loss(
    logits: torch.Tensor,
    allowed: torch.Tensor,
    *,
    class_weights: torch.Tensor | None = None,
    label_smoothing: float = 0.0,
) -> torch.Tensor:
    """``logits`` (N, C); ``allowed`` (N, C) bool mask; returns the scalar mean loss."""
    logp = torch.log_softmax(logits.float(), dim=1)
    nll = -torch.logsumexp(logp.masked_fill(~allowed, float("-inf")), dim=1)
    if label_smoothing:
        nll = (1 - label_smoothing) * nll - label_smoothing * logp.mean(dim=1)
    if class_weights is None:
        return nll.mean()
    a = allowed.float()
    w = (a * class_weights.to(logits.device)).sum(1) / a.sum(1)
    return (w * nll).sum() / w.sum()
