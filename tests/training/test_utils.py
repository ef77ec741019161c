"""training/utils.py: the pieces fit and SimCLR pre-training share."""

from __future__ import annotations

import pytest
import torch

from training.utils import DistInfo, device_problem, dist_info, make_optimizer, pick_device, save_checkpoint


def test_dist_info_reads_torchrun_environment(monkeypatch):
    monkeypatch.delenv("WORLD_SIZE", raising=False)
    assert dist_info() == DistInfo() and dist_info().main and not dist_info().distributed
    monkeypatch.setenv("WORLD_SIZE", "2")
    monkeypatch.setenv("RANK", "1")
    monkeypatch.setenv("LOCAL_RANK", "1")
    info = dist_info()
    assert info == DistInfo(2, 1, 1) and info.distributed and not info.main


def test_device_choice():
    assert device_problem(None) is None and device_problem("auto") is None and device_problem("cpu") is None
    assert "unknown device" in device_problem("abacus")
    if not torch.cuda.is_available():
        assert "CUDA is not available" in device_problem("cuda")
        assert pick_device(None, DistInfo()) == torch.device("cpu")
    assert pick_device("cpu", DistInfo(2, 1, 1)) == torch.device("cpu")


@pytest.mark.parametrize(("name", "kind"), [("sgd", torch.optim.SGD), ("adamw", torch.optim.AdamW)])
def test_make_optimizer(name, kind):
    opt = make_optimizer(name, [torch.nn.Parameter(torch.zeros(2))], lr=0.1, momentum=0.8, weight_decay=0.01)
    assert isinstance(opt, kind) and opt.param_groups[0]["lr"] == 0.1
    with pytest.raises(ValueError, match="unknown optimizer"):
        make_optimizer("adam", [torch.nn.Parameter(torch.zeros(2))], lr=0.1)


def test_save_checkpoint_is_atomic(tmp_path):
    path = tmp_path / "last.pt"
    save_checkpoint({"epoch": 1}, path)

    class Unpicklable:
        def __reduce__(self):
            raise RuntimeError("cannot save")

    with pytest.raises(RuntimeError):
        save_checkpoint({"epoch": 2, "bad": Unpicklable()}, path)
    assert torch.load(path, weights_only=True) == {"epoch": 1}  # the previous checkpoint is intact
    assert sorted(p.name for p in tmp_path.iterdir()) == ["last.pt"]  # no temporary file left
