from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import torch

from models.bundle import load_bundle
from models.imageio import decode_image
from models.predictor import Predictor
from training.cli import main
from training.dataset_manifest import labelled, read_dataset_manifest
from training.fit import FitConfig, fit

STABLE_KEYS = ("accuracy", "macro_f1", "ece", "per_class", "mpox_vs_rest", "confusion_matrix", "n_images")


def tiny_config(manifest, out, **kw) -> FitConfig:
    base = dict(
        manifest=manifest,
        out_dir=out,
        arch="tiny_cnn",
        input_size=32,
        epochs=1,
        batch_size=8,
        lr=0.05,
        cache_dir=out.parent / "cache",
        progress=False,
    )
    return FitConfig(**(base | kw))


@pytest.mark.slow
def test_end_to_end_data_split_fit_evaluate_export_predict(tmp_path, capsys, monkeypatch):
    from tests.training.conftest import make_layout

    msid = make_layout(
        tmp_path / "msid",
        {"Monkeypox": "mpox", "Chickenpox": "chickenpox", "Measles": "measles", "Normal": "normal"},
        10,
    )
    msld = make_layout(tmp_path / "msld", {"Monkey Pox": "mpox", "Others": "others"}, 10, patients=5, seed=99)
    m, split, run = tmp_path / "manifest.csv", tmp_path / "split.json", tmp_path / "run"
    cache = ["--cache-dir", str(tmp_path / "cache")]
    assert main(["data", "--add", "msid", str(msid), "--add", "msld_v1", str(msld), "--out", str(m)]) == 0
    assert "total" in capsys.readouterr().out
    assert main(["split", "--data", str(m), "--out", str(split)]) == 0
    assert (
        main(
            [
                "fit",
                "--arch",
                "tiny_cnn",
                "--data",
                str(m),
                "--split-file",
                str(split),
                "--epochs",
                "1",
                "--input-size",
                "32",
                "--batch-size",
                "8",
                "--workers",
                "0",
                "--out",
                str(run),
                "--no-progress",
                *cache,
            ]
        )
        == 0
    )
    report = tmp_path / "report"
    assert (
        main(
            [
                "evaluate",
                "--bundle",
                str(run / "bundle"),
                "--data",
                str(m),
                "--split-file",
                str(split),
                "--out",
                str(report),
                "--bootstrap",
                "50",
                *cache,
            ]
        )
        == 0
    )
    metrics = json.loads((report / "metrics.json").read_text())
    for key in STABLE_KEYS:
        assert key in metrics
    assert set(metrics["per_class"]["mpox"]) >= {"precision", "recall", "specificity", "f1", "support"}
    assert set(metrics["mpox_vs_rest"]) >= {"precision", "recall", "specificity", "f1"}
    for png in ("confusion_matrix.png", "coverage_accuracy.png", "reliability.png"):
        assert (report / png).stat().st_size > 1000
    assert "Threshold analysis" in (report / "report.md").read_text()
    op = metrics["mpox_operating_point"]  # the bundle's own flag threshold, as the station decides
    assert op["threshold"] == json.loads((run / "bundle" / "manifest.json").read_text())["thresholds"]["flag"]
    assert 0.0 <= op["recall"] <= 1.0 and "mpox flag at p >=" in (report / "report.md").read_text()
    corners = metrics["corner_mask_check"]
    assert corners["n"] == metrics["n_images"] and 0.0 <= corners["changed"] <= 1.0
    assert set(corners["per_source"]) == set(metrics["per_source"])
    assert "Corners masked" in (report / "report.md").read_text()
    exported = tmp_path / "exported"
    import training.bundle_draft as bundle_draft

    writes = []
    real_save = bundle_draft.save_bundle
    monkeypatch.setattr(
        bundle_draft, "save_bundle", lambda *a, **k: writes.append(a[1]) or real_save(*a, **k)
    )
    assert main(["export", "--checkpoint", str(run / "best.pt"), "--out", str(exported)]) == 0
    assert [Path(w) for w in writes] == [exported]  # written once, with its ONNX graph in it
    bundle = load_bundle(exported)
    assert bundle.manifest["onnx"]["file"] in bundle.files
    assert bundle.manifest["input_size"] == 32
    prov = bundle.manifest["provenance"]
    assert prov["manifest_sha256"] and prov["init"] == "random" and prov["command"]
    assert prov["config"]["arch"] == "tiny_cnn" and prov["config"]["epochs"] == 1 and prov["commit"]
    assert bundle.temperature == load_bundle(run / "bundle").temperature
    # The exported model predicts what evaluation measured, through the kiosk's Predictor.
    records = [r for r in labelled(read_dataset_manifest(m)) if r.label != "others"][:5]
    preds = Predictor(bundle, device="cpu", backend="eager").predict([decode_image(r.path) for r in records])
    assert all(abs(p.probabilities.sum() - 1) < 1e-5 for p in preds)


def test_partial_labels_train_and_learning_happens(tiny_dataset, tmp_path):
    result = fit(
        tiny_config(tiny_dataset, tmp_path / "run", epochs=4, balance="sampler", label_smoothing=0.1)
    )
    assert len(result.history) == 4
    assert result.history[-1]["train_loss"] < result.history[0]["train_loss"]
    assert result.val_metrics["n_images"] > 0 and 0.05 <= result.temperature <= 20
    rows = list(csv.DictReader(open(tmp_path / "run" / "history.csv")))
    assert [int(r["epoch"]) for r in rows] == [1, 2, 3, 4]
    assert any((tmp_path / "run" / "tensorboard").iterdir())


def test_fine_tuning_with_camera_simulation_and_conditioning_records_the_steps(
    tiny_dataset, tmp_path, monkeypatch
):
    """Issue 31: a network fine-tuned on masked, colour-balanced pictures must be served that way: the steps
    go into its bundle, whose preprocessor then applies them at the station and in mpox-screen."""
    from models.bundle import load_bundle
    from training import camera

    calls = []
    original = camera.simulate_camera

    def counting(image, rng, p=0.5):
        calls.append(image.shape)
        return original(image, rng, p)

    monkeypatch.setattr(camera, "simulate_camera", counting)
    steps = ("mask_marks", "shades_of_grey")
    result = fit(tiny_config(tiny_dataset, tmp_path / "run", camera_p=0.5, preprocessing=steps))
    assert calls and all(shape == (32, 32, 3) for shape in calls)  # every training picture, at input size
    bundle = load_bundle(result.bundle_dir)
    assert bundle.preprocessor.steps == ("mask_marks", "shades_of_grey")
    assert bundle.manifest["preprocessing"] == {"steps": ["mask_marks", "shades_of_grey"]}


def test_resume_continues_exactly(tiny_dataset, tmp_path):
    kw = dict(epochs=3, optimizer="adamw", lr=0.01)
    straight = fit(tiny_config(tiny_dataset, tmp_path / "a", **kw))
    split = tmp_path / "a" / "split.json"
    _run_epochs(tiny_config(tiny_dataset, tmp_path / "d", split_file=split, **kw), 2)  # interrupted
    assert torch.load(tmp_path / "d" / "last.pt", weights_only=True)["epoch"] == 1
    resumed = fit(tiny_config(tiny_dataset, tmp_path / "d", split_file=split, resume=True, **kw))
    a = torch.load(tmp_path / "a" / "last.pt", weights_only=True)
    d = torch.load(tmp_path / "d" / "last.pt", weights_only=True)
    assert all(torch.equal(a["model"][k], d["model"][k]) for k in a["model"])
    assert [h["train_loss"] for h in resumed.history] == [h["train_loss"] for h in straight.history]
    assert resumed.temperature == straight.temperature


def _run_epochs(config: FitConfig, n: int) -> None:
    """Simulate an interruption: stop a run after ``n`` epochs by killing it from the epoch loop."""
    import training.fit as fitmod

    calls = {"n": 0}
    real = fitmod.train_one_epoch

    def stop_after(*args, **kwargs):
        if calls["n"] == n:
            raise KeyboardInterrupt
        calls["n"] += 1
        return real(*args, **kwargs)

    fitmod.train_one_epoch = stop_after
    try:
        with pytest.raises(KeyboardInterrupt):
            fit(config)
    finally:
        fitmod.train_one_epoch = real


def test_early_stopping_and_fold_training(tiny_dataset, tmp_path):
    from training.splits import make_split, save_split

    split = save_split(
        make_split(read_dataset_manifest(tiny_dataset), k=3), tmp_path / "split.json", tiny_dataset
    )
    result = fit(
        tiny_config(
            tiny_dataset,
            tmp_path / "f",
            epochs=6,
            lr=0.0,
            patience=1,
            split_file=split,
            fold=1,
            augment=False,
        )
    )
    # lr 0 (only BatchNorm statistics move): validation stops improving, and one stale epoch ends the run.
    assert len(result.history) == result.best_epoch + 1 < 6
    assert result.provenance["fold"] == 1


def test_simclr_init_loads_a_pretrained_backbone(tiny_dataset, tmp_path):
    ckpt = pytest.importorskip("training.ssl.checkpoint")
    from models.registry import build_backbone

    torch.manual_seed(5)
    backbone = build_backbone("tiny_cnn")
    path = ckpt.save_simclr_backbone(
        backbone, tmp_path / "ssl" / "backbone.safetensors", ckpt.make_metadata(backbone, "tiny_cnn")
    )
    result = fit(tiny_config(tiny_dataset, tmp_path / "run", init=f"simclr:{path}", lr=0.0, augment=False))
    bundle = load_bundle(result.bundle_dir)
    assert bundle.manifest["provenance"]["init"] == "simclr"
    want = backbone.state_dict()
    got = bundle.model.state_dict()
    assert all(torch.equal(want[k], got[k]) for k in want if "running" not in k and "num_batches" not in k)


def test_bad_inputs_get_clear_errors(tiny_dataset, tmp_path, capsys):
    assert (
        main(["fit", "--arch", "tiny_cnn", "--data", str(tmp_path / "nope.csv"), "--out", str(tmp_path)]) == 2
    )
    assert "nope.csv not found" in capsys.readouterr().err
    assert (
        main(
            [
                "fit",
                "--arch",
                "tiny_cnn",
                "--data",
                str(tiny_dataset),
                "--out",
                str(tmp_path / "r"),
                "--resume",
                "--no-progress",
                "--cache-dir",
                str(tmp_path / "c"),
            ]
        )
        == 2
    )
    assert "no checkpoint" in capsys.readouterr().err
    assert main(["export", "--checkpoint", str(tmp_path / "x.pt"), "--out", str(tmp_path / "b")]) == 2


def test_freeze_below_trains_only_the_top(tiny_dataset, tmp_path):
    import torch

    from training.fit import FitConfig, build_initial_model, fit
    from training.freezing import FreezeError, freeze_below

    model, _ = build_initial_model("tiny_cnn", 8, "random")
    frozen = freeze_below(model, "features.6")
    below = ("features.0", "features.1", "features.3", "features.4")
    assert frozen == sum(p.numel() for n, p in model.named_parameters() if n.startswith(below))
    with pytest.raises(FreezeError, match="names no parameter"):
        freeze_below(model, "nonexistent")

    torch.manual_seed(0)
    start, _ = build_initial_model("tiny_cnn", 8, "random")
    result = fit(
        FitConfig(
            manifest=tiny_dataset,
            out_dir=tmp_path / "run",
            arch="tiny_cnn",
            input_size=32,
            epochs=1,
            batch_size=8,
            freeze_below="features.6",
            cache_dir=tmp_path / "cache",
            progress=False,
            seed=0,
        )
    )
    trained = torch.load(result.out_dir / "last.pt", weights_only=True)["model"]
    # the frozen convolution and its batch-norm statistics are unchanged; the top moved
    assert torch.equal(trained["features.0.weight"], start.state_dict()["features.0.weight"])
    assert torch.equal(trained["features.1.running_mean"], start.state_dict()["features.1.running_mean"])
    assert not torch.equal(trained["fc.weight"], start.state_dict()["fc.weight"])


def test_the_command_line_takes_its_defaults_from_fit_config(tmp_path):
    import argparse
    from dataclasses import fields

    from training.commands.fit import add_arguments, config_from_args

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["--data", "m.csv", "--out", str(tmp_path)])
    got = config_from_args(args)
    want = FitConfig(manifest="m.csv", out_dir=tmp_path)
    for f in fields(FitConfig):
        if f.name not in ("manifest", "out_dir"):
            assert getattr(got, f.name) == getattr(want, f.name), f.name


@pytest.mark.parametrize(
    ("option", "words"),
    [
        (dict(optimizer="adam"), "unknown optimizer"),
        (dict(schedule="step"), "unknown schedule"),
        (dict(init="simclr:"), "unknown init"),
        (dict(epochs=0), "epochs"),
        (dict(lr=-1.0), "lr"),
        (dict(balance="even"), "unknown balance"),
        (dict(device="abacus"), "unknown device"),
        (dict(classes=()), "classes"),
        (dict(colour_jitter=1.5), "colour_jitter"),
        (dict(mixup_alpha=-0.2), "mixup_alpha"),
        (dict(cutmix_alpha=-1.0), "cutmix_alpha"),
        (dict(camera_p=1.5), "camera_p"),
        (dict(preprocessing=("sharpen",)), "unknown preprocessing steps"),
    ],
)
def test_bad_options_are_refused_before_any_image_is_read(tiny_dataset, tmp_path, monkeypatch, option, words):
    from training import fit as fitmod
    from training.fit import FitConfigError

    def no_decoding(*args, **kwargs):
        raise AssertionError("images were decoded before the options were checked")

    monkeypatch.setattr(fitmod, "load_images", no_decoding)
    monkeypatch.setattr(fitmod, "read_dataset_manifest", no_decoding)
    with pytest.raises(FitConfigError, match=words) as caught:
        fit(tiny_config(tiny_dataset, tmp_path / "run", **option))
    assert isinstance(caught.value, ValueError)


def test_balanced_sampling_is_refused_under_torchrun_before_any_image_is_read(
    tiny_dataset, tmp_path, monkeypatch
):
    from training.fit import FitConfigError

    monkeypatch.setenv("WORLD_SIZE", "2")  # as torchrun sets it; validation joins no process group
    with pytest.raises(FitConfigError, match="sampler.*torchrun"):
        fit(tiny_config(tiny_dataset, tmp_path / "run", balance="sampler"))
