"""SimCLR pre-training with tiny_cnn on small generated images: it learns, resumes exactly, logs, and hands
on a backbone that fine-tuning can load."""

from __future__ import annotations

import csv

import numpy as np
import pytest
import torch
from lightly.loss import NTXentLoss
from PIL import Image

from models.registry import build_model, get_spec
from training.ssl.checkpoint import load_simclr_backbone
from training.ssl.data import SSLDataError
from training.ssl.model import SimCLRNet, projection_head_for, simclr_transform
from training.ssl.trainer import PretrainConfig, pretrain


class Interrupted(Exception):
    pass


@pytest.fixture(scope="module")
def image_dir(tmp_path_factory):
    """24 small images of coloured rectangles on coloured backgrounds, plus one unreadable file."""
    folder = tmp_path_factory.mktemp("ssl_images")
    rng = np.random.default_rng(0)
    for i in range(24):
        img = np.empty((48, 48, 3), np.uint8)
        img[:] = rng.integers(0, 256, 3)
        y, x = rng.integers(0, 32, 2)
        img[y : y + 16, x : x + 16] = rng.integers(0, 256, 3)
        Image.fromarray(img).save(folder / f"img_{i:02d}.png")
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff not really a jpeg")
    return folder


def _config(image_dir, out, **kw) -> PretrainConfig:
    base = dict(
        arch="tiny_cnn",
        data=str(image_dir),
        out=str(out),
        epochs=2,
        batch_size=8,
        input_size=32,
        lr=0.1,
        seed=3,
        progress=False,
    )
    base.update(kw)
    return PretrainConfig(**base)


def test_projection_head_input_follows_the_backbone():
    assert projection_head_for("tiny_cnn").layers[0].in_features == 32
    assert SimCLRNet("tiny_cnn").projection_head.layers[0].in_features == 32
    # ResNeXt101_64x4d has 2048 features (the paper's script put a 512-input head on it); not built here.
    assert get_spec("resnext101_64x4d").feature_dim == 2048
    assert projection_head_for("resnext101_64x4d").layers[0].in_features == 2048


def test_a_few_steps_lower_the_loss_on_a_fixed_batch(image_dir):
    torch.manual_seed(0)
    net = SimCLRNet("tiny_cnn")
    transform = simclr_transform("tiny_cnn", 32)
    images = [Image.open(p).convert("RGB") for p in sorted(image_dir.glob("*.png"))[:16]]
    pairs = [transform(im) for im in images]
    x0, x1 = torch.stack([p[0] for p in pairs]), torch.stack([p[1] for p in pairs])
    criterion = NTXentLoss(temperature=0.5)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    net.train()
    losses = []
    for _ in range(15):
        loss = criterion(net(x0), net(x1))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    assert losses[-1] < losses[0] - 0.2, losses


def test_resume_continues_exactly_and_logs_once(image_dir, tmp_path):
    straight = pretrain(_config(image_dir, tmp_path / "straight", checkpoint_every=2))

    def crash_at_5(step: int, _loss: float) -> None:
        if step == 5:
            raise Interrupted

    # 24 readable images / batch 8 = 3 steps per epoch; checkpoints after step 2, 3 (epoch end) and 4.
    with pytest.raises(Interrupted):
        pretrain(_config(image_dir, tmp_path / "resumed", checkpoint_every=2), on_step=crash_at_5)
    resumed = pretrain(_config(image_dir, tmp_path / "resumed", checkpoint_every=2, resume=True))

    assert straight.steps == resumed.steps == 6
    assert resumed.step_losses == straight.step_losses  # steps 5 and 6 recomputed identically
    a = torch.load(tmp_path / "straight" / "checkpoint.pt", weights_only=True)["model"]
    b = torch.load(tmp_path / "resumed" / "checkpoint.pt", weights_only=True)["model"]
    assert all(torch.equal(a[k], b[k]) for k in a)
    with open(tmp_path / "resumed" / "loss_steps.csv") as f:
        rows = list(csv.DictReader(f))
    assert [int(r["step"]) for r in rows] == [1, 2, 3, 4, 5, 6]
    assert [float(r["loss"]) for r in rows] == pytest.approx(straight.step_losses)


def test_run_outputs_and_the_backbone_loads_for_fine_tuning(image_dir, tmp_path, capsys):
    result = pretrain(_config(image_dir, tmp_path / "run", epochs=1))
    out = tmp_path / "run"
    for name in ("loss_steps.csv", "epochs.csv", "loss_curve.png", "checkpoint.pt", "backbone.json"):
        assert (out / name).stat().st_size > 0, name
    assert len(result.skipped) == 1 and result.skipped[0][0].name == "broken.jpg"
    assert "broken.jpg" in (out / "skipped.txt").read_text()
    assert "skipped 1 unreadable image(s) of 25" in capsys.readouterr().out
    model = build_model("tiny_cnn", 8)
    meta = load_simclr_backbone(model, "tiny_cnn", result.backbone_path)
    assert meta["data"]["images"] == 24 and meta["data"]["skipped"] == 1 and meta["steps"] == 3
    assert meta["input_size"] == 32 and meta["loss"] == "NT-Xent" and meta["init"] == "random"
    saved = torch.load(out / "checkpoint.pt", weights_only=True)["model"]
    assert torch.equal(model.features[0].weight, saved["backbone.features.0.weight"])


def test_refuses_to_overwrite_a_run_and_to_resume_with_other_settings(image_dir, tmp_path):
    pretrain(_config(image_dir, tmp_path / "run", epochs=1, max_steps=1))
    with pytest.raises(SSLDataError, match="already exists: pass --resume"):
        pretrain(_config(image_dir, tmp_path / "run", epochs=1, max_steps=1))
    with pytest.raises(SSLDataError, match=r"settings differ \(batch_size: 8 in the checkpoint, 4 now"):
        pretrain(_config(image_dir, tmp_path / "run", epochs=1, max_steps=1, batch_size=4, resume=True))


def test_clear_errors_for_unusable_data(image_dir, tmp_path):
    with pytest.raises(SSLDataError, match="--batch-size 1: NT-Xent needs at least 2"):
        pretrain(_config(image_dir, tmp_path / "z", batch_size=1))
    assert not (tmp_path / "z").exists()  # refused before anything was written
    with pytest.raises(SSLDataError, match="fewer than --batch-size 64"):
        pretrain(_config(image_dir, tmp_path / "a", batch_size=64))
    with pytest.raises(SSLDataError, match="no such folder or file"):
        pretrain(_config(tmp_path / "nowhere", tmp_path / "b"))
    manifest = tmp_path / "m.csv"
    manifest.write_text("path,label,source,group\nimg_00.png,eczema,x,g\n")
    with pytest.raises(SSLDataError, match=r"no images found in manifest .*\(rows labelled 'unlabelled'"):
        pretrain(_config(manifest, tmp_path / "c"))


@pytest.mark.slow
def test_torchrun_two_cpu_processes_share_the_work(image_dir, tmp_path):
    """Under torchrun (Gloo on the CPU) each rank takes half of each epoch; NT-Xent gathers across ranks."""
    import json
    import subprocess
    import sys

    out = tmp_path / "ddp"
    cmd = [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--nproc_per_node",
        "2",
        "-m",
        "training.cli",
        "pretrain",
        "--arch",
        "tiny_cnn",
        "--data",
        str(image_dir),
        "--out",
        str(out),
        "--epochs",
        "1",
        "--batch-size",
        "4",
        "--input-size",
        "32",
        "--no-progress",
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    # 24 images / (2 ranks x batch 4) = 3 steps; only rank 0 reports
    assert done.stdout.count("pre-trained tiny_cnn for 3 steps") == 1
    meta = json.loads((out / "backbone.json").read_text())
    assert meta["world_size"] == 2 and meta["batch_size"] == 8
