"""Mixup and CutMix (training/mixing.py) and their use in fine-tuning."""

from __future__ import annotations

import pytest
import torch

from training.fit import fit
from training.mixing import mix_batch


def _batch(n: int = 6, size: int = 16) -> torch.Tensor:
    # Each picture a constant value: where a pixel came from is readable from its value.
    return torch.arange(n, dtype=torch.float32).view(n, 1, 1, 1).expand(n, 3, size, size).clone()


def test_off_or_single_image_leaves_the_batch_alone():
    assert mix_batch(_batch()) is None
    assert mix_batch(_batch(n=1), mixup_alpha=0.4, cutmix_alpha=1.0) is None


def test_mixup_blends_each_picture_with_its_partner_by_lam():
    torch.manual_seed(3)
    images = _batch()
    mixed = mix_batch(images, mixup_alpha=0.4)
    assert 0.0 <= mixed.lam <= 1.0
    assert sorted(mixed.perm.tolist()) == list(range(6))
    want = mixed.lam * images + (1 - mixed.lam) * images[mixed.perm]
    torch.testing.assert_close(mixed.images, want)


def test_cutmix_pastes_one_box_whose_area_is_one_minus_lam():
    for seed in range(20):
        torch.manual_seed(seed)
        images = _batch()
        mixed = mix_batch(images, cutmix_alpha=1.0)
        for i in range(len(images)):
            own = (mixed.images[i] == images[i]).all(dim=0).float().mean().item()
            j = int(mixed.perm[i])
            if j == i:  # pasted from itself: nothing visible changes
                continue
            assert own == pytest.approx(mixed.lam)
            pasted = ~(mixed.images[i] == images[i]).all(dim=0)
            if pasted.any():  # the pasted pixels are the partner's, in one rectangle
                assert (mixed.images[i][:, pasted] == images[j][:, pasted]).all()
                rows, cols = pasted.any(dim=1).nonzero(), pasted.any(dim=0).nonzero()
                assert pasted.sum() == (rows.max() - rows.min() + 1) * (cols.max() - cols.min() + 1)


def test_with_both_on_each_batch_uses_one_of_the_two():
    kinds = set()
    for seed in range(40):
        torch.manual_seed(seed)
        images = _batch()
        mixed = mix_batch(images, mixup_alpha=0.4, cutmix_alpha=1.0)
        values = set(mixed.images.unique().tolist())
        kinds.add("cutmix" if values <= set(range(6)) else "mixup")
    assert kinds == {"mixup", "cutmix"}


def test_fit_with_mixing_resumes_exactly_and_changes_the_weights(tiny_dataset, tmp_path):
    from tests.training.test_fit import _run_epochs, tiny_config

    kw = dict(epochs=3, optimizer="adamw", lr=0.01, mixup_alpha=0.4, cutmix_alpha=1.0)
    straight = fit(tiny_config(tiny_dataset, tmp_path / "a", **kw))
    split = tmp_path / "a" / "split.json"
    _run_epochs(tiny_config(tiny_dataset, tmp_path / "d", split_file=split, **kw), 2)
    resumed = fit(tiny_config(tiny_dataset, tmp_path / "d", split_file=split, resume=True, **kw))
    assert [h["train_loss"] for h in resumed.history] == [h["train_loss"] for h in straight.history]
    plain = fit(
        tiny_config(tiny_dataset, tmp_path / "p", split_file=split, epochs=3, optimizer="adamw", lr=0.01)
    )
    a = torch.load(tmp_path / "a" / "last.pt", weights_only=True)["model"]
    p = torch.load(tmp_path / "p" / "last.pt", weights_only=True)["model"]
    assert any(not torch.equal(a[k], p[k]) for k in a)
    assert plain.history[0]["train_loss"] != straight.history[0]["train_loss"]
