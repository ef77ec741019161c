"""The recipe end to end at a tiny budget (tiny_cnn, 32 px), the default recipe's real code path."""

import json
from dataclasses import replace

import numpy as np
import pytest
import torch

from models.bundle import load_bundle, sha256_file
from models.taxonomy import CLASSES
from models.trust import TrustPolicy, load_trusted_bundle
from training.evaluation import operating_point
from training.recipe import DEFAULT, PAPER, RecipeConfig, choose_flag_threshold, run_recipe, with_settings

from .conftest import write_image


def test_threshold_is_the_lowest_reaching_the_specificity_target():
    p = np.array([0.1, 0.2, 0.3, 0.4, 0.9, 0.8, 0.35])
    positive = np.array([False, False, False, False, True, True, True])
    choice = choose_flag_threshold(p, positive, target_specificity=0.75)
    # negatives 0.1, 0.2, 0.3, 0.4: three of four lie below 0.35, the first candidate reaching 0.75
    assert choice["threshold"] == pytest.approx(0.35)
    assert choice["val_specificity"] == 0.75 and choice["val_recall"] == 1.0
    strict = choose_flag_threshold(p, positive, target_specificity=1.0)
    # every negative below the threshold: the next candidate above 0.4 is 0.5; the 0.35 positive is missed
    assert strict["threshold"] == pytest.approx(0.5)
    assert strict["val_specificity"] == 1.0 and strict["val_recall"] == pytest.approx(2 / 3)
    loose = choose_flag_threshold(p, positive, target_specificity=0.5)
    assert loose["threshold"] < strict["threshold"]


def test_operating_point_counts():
    p = np.array([0.9, 0.2, 0.7, 0.1])
    positive = np.array([True, True, False, False])
    op = operating_point(p, positive, 0.5, n_boot=50, seed=0)
    assert op["recall"] == 0.5 and op["specificity"] == 0.5
    assert op["n_positive"] == 2 and len(op["recall_ci95"]) == 2


def test_paper_recipe_is_the_papers_configuration():
    paper, default = PAPER.fine_tune, DEFAULT.fine_tune
    assert paper.arch == "resnext101_64x4d" and paper.input_size == 224 and paper.optimizer == "sgd"
    assert default.arch == "efficientnet_lite0" and default.init == "imagenet"


@pytest.mark.slow
@pytest.mark.parametrize(
    "recipe", [DEFAULT, replace(DEFAULT, probe_head=False), PAPER], ids=["default", "fresh-head", "paper"]
)
def test_recipe_end_to_end_tiny(tiny_dataset, tmp_path, recipe):
    unlabelled = tmp_path / "unlabelled"
    for i in range(24):
        write_image(unlabelled / f"u{i}.jpg", (150, 100, 90), 5000 + i)
    cfg = with_settings(
        recipe,
        manifest=str(tiny_dataset),
        out=str(tmp_path / "run"),
        arch="tiny_cnn",
        init="random",
        ssl_data=str(unlabelled),
        ssl_epochs=1,
        ssl_input_size=32,
        ssl_batch_size=8,
        input_size=32,
        epochs=1,
        batch_size=8,
        num_workers=0,
        n_boot=20,
        cache_dir=str(tmp_path / "cache"),
        progress=False,
        install=str(tmp_path / "installed"),
        baseline=True,
        freeze_below="features.6" if recipe.fine_tune.freeze_below else "",
        fuse_with=(),  # fusion needs EfficientNet-Lite trunks: test_recipe_fuses_trunks_and_reuses_a_fit
    )
    summary = run_recipe(cfg)
    bundle = load_bundle(tmp_path / "installed")
    manifest = bundle.manifest
    assert manifest["thresholds"]["flag"] == summary["threshold_choice"]["threshold"]
    assert manifest["thresholds"]["review"] == 0.6
    assert manifest["provenance"]["recipe"] == recipe.name
    assert "simclr" in json.dumps(manifest["provenance"])
    # LP-FT only where asked: fine-tuning then starts from the linear probe's head
    assert bool(manifest["provenance"].get("init_head")) == recipe.probe_head
    if recipe.probe_head:  # by content too, so that a soup can match a copied head
        head_file = manifest["provenance"]["init_head"]
        assert manifest["provenance"]["init_head_sha256"] == sha256_file(head_file)
    # The default recipe chooses between the SimCLR and the initial backbone by linear probes on
    # validation; the paper's always continues from its SimCLR backbone.
    start_choice = manifest["metrics"]["start_choice"]
    assert len(start_choice) == (2 if recipe.start_by_probe else 0)
    if start_choice:  # ties go to SimCLR, listed first
        assert manifest["provenance"]["fine_tuning_start"] == max(start_choice, key=start_choice.get)
    else:
        assert manifest["provenance"]["fine_tuning_start"].startswith("simclr:")
    # The paper's recipe adds an int8 graph when it agrees with the float model on validation images.
    if not recipe.int8:
        assert summary["int8"] is None and "int8" not in manifest
    elif "refused" in summary["int8"]:
        assert "below the required" in summary["int8"]["refused"] and "int8" not in manifest
    else:
        assert manifest["int8"]["top1_agreement_with_float"] >= 0.995
        assert (tmp_path / "installed" / manifest["int8"]["file"]).is_file()
    test = manifest["metrics"]["test"]
    assert 0.0 <= test["accuracy"] <= 1.0 and "mpox_operating_point" in test
    assert "baseline_logreg_frozen_imagenet" in manifest["metrics"]
    assert (tmp_path / "run" / "report" / "report.md").is_file()
    # The model card is written from the run's own figures and travels with the installed bundle.
    card = (tmp_path / "installed" / "MODEL_CARD.md").read_text()
    assert f"**{test['accuracy']:.3f}**" in card and f"**{test['macro_f1']:.3f}**" in card
    assert f"p >= {summary['threshold_choice']['threshold']}" in card
    assert "research and non-commercial use only" in card and "not a " in card
    assert "Corners masked" in card and "corner_mask_check" in json.loads(
        (tmp_path / "run" / "report" / "metrics.json").read_text()
    )
    # A second run reuses every finished stage and gives the same bundle weights.
    again = run_recipe(cfg)
    assert again["test"]["accuracy"] == summary["test"]["accuracy"]
    assert load_bundle(tmp_path / "installed").weights_sha256 == bundle.weights_sha256
    # The install step pins the bundle (models/trust.py): the station accepts it as installed.
    assert load_trusted_bundle(tmp_path / "installed", TrustPolicy()).trust.startswith("pinned")
    # ... and serves it without PyTorch: the recipe adds the checked ONNX graph (models/serving.py).
    from models.serving import ServingPredictor
    from models.trust import verify_trusted_bundle

    served = ServingPredictor(verify_trusted_bundle(tmp_path / "installed", TrustPolicy()))
    assert served.backend.startswith("onnxruntime") and manifest["onnx"]["file"] == "model.onnx"


def _tiny_default(manifest, tmp_path, **kw) -> RecipeConfig:
    """The default recipe on tiny_cnn at 32 px without SimCLR, baseline or bootstrap: seconds per run."""
    base = dict(
        manifest=str(manifest),
        out=str(tmp_path / "run"),
        arch="tiny_cnn",
        init="random",
        ssl_epochs=0,
        input_size=32,
        epochs=1,
        batch_size=8,
        num_workers=0,
        n_boot=0,
        baseline=False,
        cache_dir=str(tmp_path / "cache"),
        progress=False,
        freeze_below="",
    )
    return with_settings(DEFAULT, **(base | kw))


@pytest.mark.slow
@pytest.mark.parametrize("outlier_output", [False, True], ids=["uniform-target", "outlier-output"])
def test_recipe_with_open_set_tiny(tiny_dataset, tmp_path, outlier_output):
    """The recipe trains with outlier exposure (to the uniform target, or to a training-only extra output),
    fits the open-set head, and reports held-out open-set figures in the report and model card (issue 13)."""
    from tests.test_open_set import _synthetic_data

    _, open_manifest = _synthetic_data(tmp_path / "open")
    cfg = _tiny_default(
        tiny_dataset,
        tmp_path,
        install=str(tmp_path / "installed"),
        open_set=str(open_manifest),
        max_unknown=0.2,
        fuse_with=(),
        outlier_output=outlier_output,
        fit_seed=7 if outlier_output else None,  # another draw of fine-tuning, on the same split
    )
    run_recipe(cfg)
    bundle = load_bundle(tmp_path / "installed")
    assert bundle.manifest["provenance"]["open_set"]  # outlier exposure in fine-tuning
    assert bundle.manifest["provenance"]["config"]["outlier_output"] is outlier_output
    assert bundle.manifest["provenance"]["seed"] == (7 if outlier_output else 0)
    assert json.loads((tmp_path / "run" / "split.json").read_text())["seed"] == 0  # the split's own seed
    assert bundle.manifest["classes"] == list(CLASSES)
    assert {"unknown", "not_skin"} <= set(bundle.manifest["thresholds"])
    assert bundle.manifest["open_set"]["file"] in bundle.files
    metrics = json.loads((tmp_path / "run" / "report" / "metrics.json").read_text())
    assert set(metrics["open_set"]["outcomes"]) == {"eight_class", "other_condition", "not_skin"}
    card = (tmp_path / "installed" / "MODEL_CARD.md").read_text()
    assert "Open set" in card and "unknown >=" in card


@pytest.mark.slow
def test_recipe_writes_its_bundle_and_its_report_once(tiny_dataset, tmp_path, monkeypatch):
    """The recipe assembles its bundle in memory (weights, open-set head, int8 graph or its refusal, ONNX
    graph, model card) and writes ``out/bundle`` once, with one atomic folder swap, and its report once."""
    import os
    import time
    from pathlib import Path

    import training.recipe as recipe
    from tests.test_open_set import _synthetic_data

    _, open_manifest = _synthetic_data(tmp_path / "open")
    cfg = _tiny_default(
        tiny_dataset,
        tmp_path,
        install=str(tmp_path / "installed"),
        open_set=str(open_manifest),
        max_unknown=0.2,
        fuse_with=(),
        int8=True,
    )
    bundle_dir = tmp_path / "run" / "bundle"
    swaps = []
    real_replace = os.replace

    def counting_replace(src, dst, *args, **kwargs):
        if Path(dst) == bundle_dir or bundle_dir in Path(dst).parents:
            manifest = Path(src) / "manifest.json"
            inode = manifest.stat().st_ino if manifest.is_file() else None
            swaps.append({"src": Path(src), "manifest_inode": inode, "at_ns": time.time_ns()})
        return real_replace(src, dst, *args, **kwargs)

    reports = []
    real_write_report = recipe.write_report

    def counting_write_report(out, *args, **kwargs):
        reports.append(Path(out))
        return real_write_report(out, *args, **kwargs)

    monkeypatch.setattr(os, "replace", counting_replace)
    monkeypatch.setattr(recipe, "write_report", counting_write_report)
    summary = run_recipe(cfg)
    monkeypatch.undo()

    print(f"writes of out/bundle: {len(swaps)}, report writes: {len(reports)}")
    assert len(swaps) == 1, swaps
    assert reports == [tmp_path / "run" / "report"]
    # Nothing changed in the folder after its one swap: the manifest is the one written then, and no file
    # (the model card included) is newer than the swap.
    assert (bundle_dir / "manifest.json").stat().st_ino == swaps[0]["manifest_inode"]
    assert all(p.stat().st_mtime_ns <= swaps[0]["at_ns"] for p in bundle_dir.iterdir())
    # ... and that one write holds every step's product.
    bundle = load_bundle(bundle_dir)
    manifest = bundle.manifest
    assert {"open_set", "onnx"} <= set(manifest) and {"unknown", "not_skin"} <= set(manifest["thresholds"])
    assert {manifest["open_set"]["file"], manifest["onnx"]["file"], manifest["onnx"]["cam_head"]} <= set(
        bundle.files
    )
    assert ("int8" in manifest) != ("refused" in summary["int8"])
    assert "Open set" in (bundle_dir / "MODEL_CARD.md").read_text()
    assert load_bundle(tmp_path / "installed").sha256 == bundle.sha256


def _second_manifest(tmp_path):
    """More labelled images in a manifest of their own (as ../shared/data/skin_more is)."""
    from training.dataset_manifest import write_dataset_manifest
    from training.importers import import_sources

    from .conftest import make_layout

    more = make_layout(tmp_path / "more_src", {"Monkeypox": "mpox", "Normal": "normal"}, 8, seed=7000)
    result = import_sources([("msid", more)], progress=False)
    records = [replace(r, source="more", group="more:" + r.group) for r in result.records]
    return write_dataset_manifest(records, tmp_path / "more" / "manifest.csv")


@pytest.mark.slow
def test_recipe_fuses_trunks_and_reuses_a_fit(tiny_dataset, tmp_path):
    """The default recipe's fusion stage (issue 14): a fine-tuned Lite0 joined with an ImageNet Lite0 under a
    head chosen on validation; a later run may reuse that fit with more data, but only on the same split."""
    from models.fast_cam import find_linear_cam_head
    from training.dataset_manifest import ManifestError

    common = dict(
        manifest=str(tiny_dataset),
        arch="efficientnet_lite0",
        init="random",
        ssl_epochs=0,
        input_size=32,
        epochs=1,
        batch_size=8,
        num_workers=0,
        n_boot=0,
        baseline=False,
        cache_dir=str(tmp_path / "cache"),
        progress=False,
        freeze_below="",
        fuse_with=("efficientnet_lite0",),
        fusion_input_size=0,
    )
    first = tmp_path / "run1"
    run_recipe(with_settings(DEFAULT, out=str(first), **common))
    bundle = load_bundle(first / "bundle")
    fit_bundle = load_bundle(first / "fit" / "bundle")
    assert (
        bundle.manifest["arch"] == "fused_lite0_lite0" and fit_bundle.manifest["arch"] == "efficientnet_lite0"
    )
    # The first trunk is the fine-tuned network, the second ImageNet's.
    state = bundle.model.state_dict()
    assert torch.equal(
        state["trunks.0._conv_stem.weight"], fit_bundle.model.state_dict()["_conv_stem.weight"]
    )
    choice = bundle.manifest["metrics"]["fusion_choice"]
    assert choice["trunks"] == ["efficientnet_lite0", "efficientnet_lite0"] and choice["C"] in (
        0.01,
        0.1,
        1.0,
    )
    assert bundle.manifest["provenance"]["fused_from"]["bundle_sha256"] == fit_bundle.sha256
    # The station's free heatmap still applies: target layer -> pool -> linear head, checked numerically.
    head, why = find_linear_cam_head(bundle)
    assert head is not None, why
    card = (first / "bundle" / "MODEL_CARD.md").read_text()
    assert "Feature fusion (`fused_lite0_lite0`)" in card
    # The ImageNet trunk's own classifier, for the not-skin head: its logits are the ImageNet network's.
    from models.efficientnet_lite import EfficientNetLite, lite_imagenet_checkpoint
    from models.open_set import pool
    from models.runtime import EagerRuntime
    from training.open_set import imagenet_prior

    prior = imagenet_prior(bundle)
    assert prior is not None and prior.weight.shape == (1000, 2 * 1280)
    assert imagenet_prior(fit_bundle) is None  # a single fine-tuned trunk has no ImageNet classifier
    imagenet = EfficientNetLite().eval()
    imagenet.load_state_dict(torch.load(lite_imagenet_checkpoint("lite0"), weights_only=True))
    x = torch.rand(2, 3, 32, 32)
    pooled = pool(EagerRuntime(bundle.model, torch.device("cpu"), "_fused").run(x, features=True)[1])
    with torch.inference_mode():
        expected = imagenet(x).numpy()
    np.testing.assert_allclose(prior.logits(pooled), expected, rtol=1e-3, atol=1e-3)

    # More data, same seed: the first manifest's images keep their sides, so the fit can be reused.
    more = _second_manifest(tmp_path)
    second = tmp_path / "run2"
    run_recipe(
        with_settings(
            DEFAULT,
            out=str(second),
            extra_data=(str(more),),
            fit_from=str(first / "fit" / "bundle"),
            **common,
        )
    )
    split = json.loads((second / "split.json").read_text())["assignments"]
    assert any("more_src" in p for p in split) and {"train", "val", "test"} <= set(split.values())
    again = load_bundle(second / "bundle")
    assert again.manifest["provenance"]["fused_from"]["bundle_sha256"] == fit_bundle.sha256
    assert "Fine-tuning reused from bundle" in (second / "bundle" / "MODEL_CARD.md").read_text()

    # Another seed moves images between sides: reusing the fit would test on its training images.
    with pytest.raises(ManifestError, match="another side"):
        run_recipe(
            with_settings(
                DEFAULT,
                out=str(tmp_path / "run3"),
                fit_from=str(first / "fit" / "bundle"),
                **dict(common, seed=1),
            )
        )
    # A fusion the registry cannot build is refused before any training.
    with pytest.raises(ManifestError, match="cannot fuse tiny_cnn"):
        run_recipe(with_settings(DEFAULT, out=str(tmp_path / "run4"), **dict(common, arch="tiny_cnn")))
    assert not (tmp_path / "run4" / "fit").exists()


def test_recipe_command_lp_ft_starts_from_the_probe_head(monkeypatch, tmp_path, capsys):
    """The default recipe fine-tunes from the linear probe's head (LP-FT); --no-lp-ft from a fresh head, and
    --lp-ft turns it on for the paper recipe."""
    from training.cli import main as train_main
    from training.commands import recipe as command

    seen = []
    monkeypatch.setattr(command, "run_recipe", lambda cfg: seen.append(cfg) or {"ok": True})
    args = ["recipe", "default", "--data", str(tmp_path / "m.csv"), "--out", str(tmp_path / "run")]
    assert train_main(args) == 0 and train_main([*args, "--no-lp-ft"]) == 0
    paper = ["recipe", "paper", *args[2:]]
    assert train_main(paper) == 0 and train_main([*paper, "--lp-ft"]) == 0
    assert [cfg.probe_head for cfg in seen] == [True, False, False, True]
    assert [cfg.fine_tune.outlier_output for cfg in seen] == [False] * 4
    assert train_main([*args, "--outlier-output"]) == 0 and seen[-1].fine_tune.outlier_output
    assert seen[0].fit_seed is None
    from training.dataset_manifest import ManifestError

    with pytest.raises(ManifestError, match="give --open-set"):
        run_recipe(
            with_settings(DEFAULT, manifest=__file__, out=str(tmp_path / "no-open"), outlier_output=True)
        )
    assert not (tmp_path / "no-open" / "split.json").exists()
    assert train_main([*args, "--fit-seed", "3"]) == 0 and seen[-1].fit_seed == 3 and seen[-1].seed == 0
    assert seen[1].fine_tune.epochs == DEFAULT.fine_tune.epochs and seen[1].fuse_with == DEFAULT.fuse_with
    assert train_main([*args, "--soup-seeds", "1,2"]) == 0 and seen[-1].soup_seeds == (1, 2)
    assert train_main([*args, "--soup-seeds", "none"]) == 0 and seen[-1].soup_seeds == ()
    with pytest.raises(SystemExit):
        train_main([*args, "--soup-seeds", "one"])
    assert "whole numbers" in capsys.readouterr().err


def test_every_fine_tuning_option_reaches_the_recipe_from_one_declaration(monkeypatch, tmp_path):
    """A FitConfig setting is a recipe flag without another edit (issue 29): every one of them given on the
    command line lands in the recipe's fine-tuning, and the recipe hands it to fit unchanged."""
    from dataclasses import fields

    from training.cli import main as train_main
    from training.commands import recipe as command
    from training.fit import FitConfig
    from training.recipe import fine_tuning_settings

    seen = []
    monkeypatch.setattr(command, "run_recipe", lambda cfg: seen.append(cfg) or {"ok": True})
    base = ["recipe", "default", "--data", "m.csv", "--out", str(tmp_path / "run")]
    values = {
        "momentum": ("--momentum", "0.5", 0.5),
        "schedule": ("--schedule", "constant", "constant"),
        "camera_p": ("--camera-p", "0.25", 0.25),
        "augment": ("--no-augment", None, False),
        "preprocessing": ("--condition", "mask_marks+shades_of_grey", ("mask_marks", "shades_of_grey")),
        "num_workers": ("--workers", "3", 3),
        "calibrate": ("--no-calibrate", None, False),
    }
    for name, (flag, text, want) in values.items():
        assert train_main([*base, flag, *([text] if text else [])]) == 0
        assert getattr(seen[-1].fine_tune, name) == want, name
        assert seen[-1].fine_tune.epochs == DEFAULT.fine_tune.epochs  # the rest keeps the recipe's value
    flags = {a.dest for a in _recipe_parser()._actions}
    missing = [
        f.name
        for f in fields(FitConfig)
        if f.name in fine_tuning_settings()
        and f.metadata["cli"]
        and f.name != "device"
        and f.name not in flags
    ]
    assert not missing
    record = seen[-1].record()
    assert record["calibrate"] is False and record["seed"] == 0 and "fine_tune" not in record


def _recipe_parser():
    import argparse

    from training.commands import recipe as command

    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    return parser


@pytest.mark.slow
def test_recipe_soups_fine_tuning_draws(tiny_dataset, tmp_path):
    """soup_seeds: fine-tuning drawn once more per seed, and the draws' weights averaged into the bundle."""
    from training.dataset_manifest import ManifestError

    unlabelled = tmp_path / "unlabelled"
    for i in range(16):
        write_image(unlabelled / f"u{i}.jpg", (150, 100, 90), 5000 + i)
    simclr = dict(ssl_data=str(unlabelled), ssl_epochs=1, ssl_input_size=32, ssl_batch_size=8)
    cfg = _tiny_default(
        tiny_dataset, tmp_path, epochs=2, fuse_with=(), soup_seeds=(1, 2), start_by_probe=False, **simclr
    )
    run_recipe(cfg)
    run = tmp_path / "run"
    draws = [load_bundle(run / d / "bundle") for d in ("fit", "fit-seed1", "fit-seed2")]
    assert [d.manifest["provenance"]["seed"] for d in draws] == [0, 1, 2]
    final = load_bundle(run / "bundle")
    states = [d.model.state_dict() for d in draws]
    for key, value in final.model.state_dict().items():
        if value.is_floating_point():
            torch.testing.assert_close(value, sum(s[key] for s in states) / 3)
    soup = final.manifest["provenance"]["soup"]
    assert [i["sha256"] for i in soup["ingredients"]] == [d.sha256 for d in draws]
    card = (run / "bundle" / "MODEL_CARD.md").read_text()
    assert "Model soup (uniform): the weights of 3 fine-tuning draws" in card
    assert "Best epochs on validation macro-F1: " in card

    # A continued run reuses the draws and the soup.
    def stamps():
        return [(run / d / "bundle" / "manifest.json").stat().st_mtime_ns for d in ("fit-seed1", "soup")]

    before = stamps()
    run_recipe(cfg)
    assert stamps() == before

    # The fine-tuning seed twice, a seed given twice, a reused fit, or random starting weights (drawn anew
    # with each seed): refused before any training.
    for bad in (
        dict(soup_seeds=(0,)),
        dict(soup_seeds=(3, 3)),
        dict(fit_from=str(run / "fit" / "bundle")),
        dict(ssl_epochs=0),
    ):
        with pytest.raises(ManifestError, match="--soup-seeds"):
            run_recipe(with_settings(cfg, out=str(tmp_path / "bad"), **bad))
        assert not (tmp_path / "bad" / "fit").exists()


def test_fusion_sees_the_pictures_as_the_fine_tuned_trunk_learnt_them(tiny_dataset, tmp_path):
    """A fine-tuned trunk trained on conditioned pictures (--condition): the fused bundle records the same
    steps, and its head was fitted on features of conditioned pictures: what it serves is what it fitted."""
    from models.bundle import make_manifest, save_bundle
    from models.registry import build_model
    from models.taxonomy import CLASSES
    from training import splits
    from training.cache import load_images
    from training.dataset_manifest import labelled, read_dataset_manifest
    from training.fusion import fuse_bundle

    steps = ("mask_marks", "shades_of_grey")
    torch.manual_seed(0)
    model = build_model("efficientnet_lite0", len(CLASSES))
    manifest = make_manifest(model, "efficientnet_lite0", CLASSES, input_size=32, preprocessing=steps)
    fit = save_bundle(model, tmp_path / "fit", manifest)
    records = labelled(read_dataset_manifest(tiny_dataset))
    split = splits.make_split(records, seed=0)
    result = fuse_bundle(
        fit,
        ("efficientnet_lite0",),
        records,
        split,
        tmp_path / "fused",
        cache_dir=tmp_path / "c",
        progress=False,
    )
    fused = load_bundle(result.bundle)
    assert fused.preprocessor.steps == steps and fused.manifest["schema_version"] == 2
    test = [r for r in records if split["assignments"][str(r.path)] == "test"][:3]
    x = fused.preprocessor.normalize(np.array(load_images(test, 32, tmp_path / "c", progress=False)))
    with torch.inference_mode():
        served = fused.model(x).numpy()
        plain = fused.model(
            replace(fused.preprocessor, steps=()).normalize(
                np.array(load_images(test, 32, tmp_path / "c", progress=False))
            )
        ).numpy()
    assert not np.allclose(served, plain, atol=1e-4)  # the steps change what the network sees
