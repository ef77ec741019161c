"""Temperature scaling (Guo et al. 2017) and expected calibration error."""

from __future__ import annotations

import numpy as np
import torch

from .losses import partial_label_loss

T_MIN, T_MAX = 0.05, 20.0


def fit_temperature(
    logits: np.ndarray | torch.Tensor, allowed: np.ndarray | torch.Tensor, max_iter: int = 100
) -> float:
    """The temperature T > 0 minimising the NLL of softmax(logits / T) (partial labels allowed), by LBFGS."""
    z = torch.as_tensor(np.asarray(logits), dtype=torch.float64)
    mask = torch.as_tensor(np.asarray(allowed), dtype=torch.bool)
    log_t = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([log_t], lr=0.1, max_iter=max_iter, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        opt.zero_grad()
        loss = partial_label_loss(z / log_t.exp(), mask)
        loss.backward()
        return loss

    opt.step(closure)
    t = float(log_t.detach().exp())
    # Perfectly separated validation data drives T towards 0; keep it in a sane range.
    return float(np.clip(t, T_MIN, T_MAX)) if np.isfinite(t) else 1.0


def reliability(confidence: np.ndarray, correct: np.ndarray, n_bins: int = 15) -> dict:
    """Per-bin mean confidence, accuracy and count, and the expected calibration error."""
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    bins = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, n_bins - 1)
    conf, acc, count = np.zeros(n_bins), np.zeros(n_bins), np.zeros(n_bins, dtype=int)
    for b in range(n_bins):
        sel = bins == b
        count[b] = sel.sum()
        if count[b]:
            conf[b], acc[b] = confidence[sel].mean(), correct[sel].mean()
    n = max(1, len(confidence))
    ece = float(np.sum(count / n * np.abs(acc - conf)))
    return {
        "edges": edges.tolist(),
        "confidence": conf.tolist(),
        "accuracy": acc.tolist(),
        "count": count.tolist(),
        "ece": ece,
    }


def expected_calibration_error(probs: np.ndarray, y_true: np.ndarray, n_bins: int = 15) -> float:
    """Top-label ECE over rows with a single true class."""
    probs = np.asarray(probs)
    return reliability(probs.max(1), probs.argmax(1) == y_true, n_bins)["ece"]
