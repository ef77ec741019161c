from __future__ import annotations

import numpy as np
import pytest
import torch
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support

from models.serving import softmax
from training.calibration import expected_calibration_error, fit_temperature
from training.losses import partial_label_loss
from training.metrics import bootstrap_ci, core_metrics, threshold_analysis

CLASSES = ("mpox", "chickenpox", "measles", "normal")


def probs_for(pred: np.ndarray, n_classes: int = 4, p: float = 0.7) -> np.ndarray:
    out = np.full((len(pred), n_classes), (1 - p) / (n_classes - 1))
    out[np.arange(len(pred)), pred] = p
    return out


def mask_for(y: np.ndarray, n_classes: int = 4) -> np.ndarray:
    m = np.zeros((len(y), n_classes), dtype=bool)
    m[np.arange(len(y)), y] = True
    return m


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_per_class_metrics_match_scikit_learn(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 4, 200)
    pred = np.where(rng.random(200) < 0.6, y, rng.integers(0, 4, 200))
    m = core_metrics(probs_for(pred), y, mask_for(y), CLASSES)
    assert np.array_equal(m["confusion_matrix"], confusion_matrix(y, pred, labels=range(4)))
    p, r, f, s = precision_recall_fscore_support(y, pred, labels=range(4), zero_division=0)
    for i, c in enumerate(CLASSES):
        assert m["per_class"][c]["precision"] == pytest.approx(p[i])
        assert m["per_class"][c]["recall"] == pytest.approx(r[i])
        assert m["per_class"][c]["f1"] == pytest.approx(f[i])
        assert m["per_class"][c]["support"] == s[i]
        neg = y != i
        assert m["per_class"][c]["specificity"] == pytest.approx(np.mean(pred[neg] != i))
    assert m["macro_f1"] == pytest.approx(f1_score(y, pred, average="macro"))
    assert m["accuracy"] == pytest.approx(np.mean(y == pred))


def test_known_confusion_matrix_by_hand():
    # true mpox x4 (3 right, 1 -> normal); true normal x6 (5 right, 1 -> mpox)
    y = np.array([0, 0, 0, 0, 3, 3, 3, 3, 3, 3])
    pred = np.array([0, 0, 0, 3, 3, 3, 3, 3, 3, 0])
    m = core_metrics(probs_for(pred), y, mask_for(y), CLASSES)
    mpox = m["per_class"]["mpox"]
    assert (mpox["precision"], mpox["recall"], mpox["specificity"]) == (0.75, 0.75, 5 / 6)
    assert m["mpox_vs_rest"]["recall"] == 0.75 and m["mpox_vs_rest"]["specificity"] == 5 / 6
    assert m["macro_f1"] == pytest.approx((0.75 + 5 / 6) / 2)  # only classes present count


def test_partial_labels_left_out_of_8_class_figures_but_count_as_not_mpox():
    y = np.array([0, 3, -1, -1])
    allowed = np.zeros((4, 4), dtype=bool)
    allowed[0, 0] = allowed[1, 3] = True
    allowed[2:, 1:3] = True  # others = chickenpox or measles
    pred = np.array([0, 3, 2, 0])  # second partial row is wrongly called mpox
    m = core_metrics(probs_for(pred), y, allowed, CLASSES)
    assert m["accuracy"] == 1.0 and m["n_single_label"] == 2 and m["n_images"] == 4
    assert m["partial"] == {"n": 2, "accuracy": 0.5}
    assert m["mpox_vs_rest"]["fp"] == 1 and m["mpox_vs_rest"]["tp"] == 1


def test_partial_label_loss_is_cross_entropy_for_single_labels():
    torch.manual_seed(0)
    logits = torch.randn(16, 4)
    y = torch.randint(0, 4, (16,))
    mask = torch.nn.functional.one_hot(y, 4).bool()
    w = torch.tensor([1.0, 2.0, 0.5, 3.0])
    ce = torch.nn.functional.cross_entropy
    assert partial_label_loss(logits, mask) == pytest.approx(float(ce(logits, y)), abs=1e-6)
    assert partial_label_loss(logits, mask, class_weights=w) == pytest.approx(
        float(ce(logits, y, weight=w)), abs=1e-6
    )
    assert partial_label_loss(logits, mask, label_smoothing=0.1) == pytest.approx(
        float(ce(logits, y, label_smoothing=0.1)), abs=1e-6
    )


def test_partial_label_loss_is_minus_log_of_summed_probability():
    logits = torch.tensor([[0.0, 1.0, 2.0, -1.0]])
    mask = torch.tensor([[False, True, True, False]])
    p = torch.softmax(logits, 1)[0]
    assert float(partial_label_loss(logits, mask)) == pytest.approx(float(-torch.log(p[1] + p[2])), abs=1e-6)


def test_temperature_fit_recovers_a_known_temperature():
    rng = np.random.default_rng(0)
    true_logits = rng.normal(0, 2, (4000, 4))
    y = np.array([rng.choice(4, p=p) for p in softmax(true_logits, dtype=np.float64)])
    fitted = fit_temperature(true_logits * 3.0, mask_for(y))  # overconfident by a factor 3
    assert fitted == pytest.approx(3.0, rel=0.1)
    before = expected_calibration_error(softmax(true_logits * 3.0, dtype=np.float64), y)
    after = expected_calibration_error(softmax(true_logits * 3.0, fitted, np.float64), y)
    assert after < before / 2


def test_ece_known_value():
    probs = np.array([[0.9, 0.1], [0.9, 0.1], [0.6, 0.4], [0.6, 0.4]])
    y = np.array([0, 1, 0, 0])  # bin 0.9: accuracy 0.5; bin 0.6: accuracy 1.0
    assert expected_calibration_error(probs, y) == pytest.approx(0.5 * 0.4 + 0.5 * 0.4)


def test_threshold_analysis_and_bootstrap():
    probs = np.array([[0.9, 0.1], [0.7, 0.3], [0.45, 0.55], [0.55, 0.45]])
    correct = np.array([True, False, True, False])
    t = threshold_analysis(probs, correct)
    assert t["share_top_ge_0.6"] == 0.5 and t["accuracy_top_ge_0.6"] == 0.5
    assert t["share_top_lt_0.5"] == 0.0
    y = np.array([0, 0, 1, 1] * 10)
    ci = bootstrap_ci(probs_for(y, 2), y, mask_for(y, 2), ("mpox", "normal"), n_boot=50)
    assert ci["accuracy"] == [1.0, 1.0]


def test_mask_corners_fills_only_the_corners_with_the_mean_colour():
    from training.evaluation import mask_corners

    images = np.zeros((2, 10, 10, 3), dtype=np.uint8)
    images[0, :, :] = (200, 100, 50)
    images[0, 0, 0] = (0, 0, 0)  # a dark watermark pixel in the top-left corner
    images[1, 4:6, 4:6] = 255  # a bright centre
    out = mask_corners(images, frac=0.2)
    assert out is not images and images[0, 0, 0].tolist() == [0, 0, 0]  # the input is untouched
    mean0 = images[0].reshape(-1, 3).mean(0).round().astype(np.uint8)
    for r, c in ((0, 0), (0, 9), (9, 0), (9, 9), (1, 1), (8, 8)):
        assert out[0, r, c].tolist() == mean0.tolist()
    assert out[0, 5, 5].tolist() == [200, 100, 50] and out[0, 0, 5].tolist() == [200, 100, 50]
    assert (out[1, 4:6, 4:6] == 255).all()  # the centre is never masked


def test_wilson_interval_known_values_and_small_n():
    from training.metrics import proportion_intervals, wilson_interval

    # 12 of 12: a percentile bootstrap says 1.000-1.000; Wilson keeps the uncertainty of a small n.
    lo, hi = wilson_interval(12, 12)
    assert lo == pytest.approx(0.7575, abs=1e-4) and hi == 1.0
    assert wilson_interval(0, 12) == pytest.approx([0.0, 1 - 0.7575], abs=1e-4)
    assert wilson_interval(5, 10) == pytest.approx([0.2366, 0.7634], abs=1e-4)
    assert wilson_interval(81, 100) == pytest.approx([0.7222, 0.8749], abs=1e-4)
    assert wilson_interval(0, 0) is None
    with pytest.raises(ValueError):
        wilson_interval(3, 2)
    y = np.array([0] * 12 + [1] * 3)
    m = core_metrics(probs_for(np.zeros(15, dtype=int), 2), y, mask_for(y, 2), ("mpox", "normal"))
    ci = proportion_intervals(m)  # everything called mpox: recall 12/12, specificity 0/3, accuracy 12/15
    assert ci["mpox_recall"] == wilson_interval(12, 12) and ci["mpox_specificity"] == wilson_interval(0, 3)
    assert ci["accuracy"] == wilson_interval(12, 15)
