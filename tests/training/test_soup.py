"""Model soups (training/soup.py, `mpox-train soup`): the average of fine-tuning runs' weights."""

from __future__ import annotations

import json

import pytest
import torch

from models.bundle import load_bundle, save_bundle
from models.registry import get_spec
from training.cli import main
from training.dataset_manifest import ManifestError, labelled, read_dataset_manifest
from training.fit import fit
from training.soup import average_state, make_soup


def _start(tmp_path, seed: int = 5) -> str:
    """A pretrained backbone file (a SimCLR checkpoint of tiny_cnn): the draws' common starting weights."""
    from models.registry import build_backbone
    from training.ssl.checkpoint import make_metadata, save_simclr_backbone

    torch.manual_seed(seed)
    backbone = build_backbone("tiny_cnn")
    path = save_simclr_backbone(
        backbone, tmp_path / "ssl" / "backbone.safetensors", make_metadata(backbone, "tiny_cnn")
    )
    return f"simclr:{path}"


@pytest.fixture
def two_runs(tiny_dataset, tmp_path):
    """Two fine-tuning draws (seeds 0 and 1) of tiny_cnn on one split, from the same pretrained weights."""
    from tests.training.test_fit import tiny_config

    start = _start(tmp_path)
    first = fit(tiny_config(tiny_dataset, tmp_path / "a", epochs=3, seed=0, init=start))
    split = tmp_path / "a" / "split.json"
    second = fit(tiny_config(tiny_dataset, tmp_path / "b", epochs=3, seed=1, split_file=split, init=start))
    return tiny_dataset, split, first.bundle_dir, second.bundle_dir


def _state(bundle_dir):
    return load_bundle(bundle_dir).model.state_dict()


def _val(manifest, split):
    from training import splits as splitlib

    return splitlib.select(
        labelled(read_dataset_manifest(manifest)), splitlib.load_split(split, manifest), "val"
    )


def test_the_soup_is_the_mean_of_the_runs_weights_and_records_them(two_runs, tmp_path, capsys):
    manifest, split, a, b = two_runs
    out = tmp_path / "soup"
    args = ["soup", "--bundle", str(a), "--bundle", str(b), "--data", str(manifest)]
    args += ["--split-file", str(split)]
    assert main([*args, "--out", str(out), "--cache-dir", str(tmp_path / "cache")]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["method"] == "uniform" and printed["kept"] == [str(a), str(b)]

    soup, sa, sb = _state(out), _state(a), _state(b)
    head = f"{get_spec('tiny_cnn').head}.weight"
    assert not torch.equal(sa[head], sb[head])  # two different draws
    for key, value in soup.items():
        if value.is_floating_point():
            torch.testing.assert_close(value, (sa[key] + sb[key]) / 2)
        else:  # batch-norm step counters: the first run's
            assert torch.equal(value, sa[key])

    bundle = load_bundle(out)
    recorded = bundle.manifest["provenance"]["soup"]
    assert [i["sha256"] for i in recorded["ingredients"]] == [load_bundle(a).sha256, load_bundle(b).sha256]
    assert recorded["val_macro_f1"] == pytest.approx(printed["val_macro_f1"], abs=1e-4)
    # It keeps the runs' manifest and split, so the recipe's --fit-from can check the sides of every image.
    prov_a = load_bundle(a).manifest["provenance"]
    assert bundle.manifest["provenance"]["split_sha256"] == prov_a["split_sha256"]
    assert "best_epoch" not in bundle.manifest["provenance"]  # a per-run figure that no longer applies
    assert 0.05 <= bundle.temperature <= 20
    assert bundle.temperature == pytest.approx(printed["temperature"], abs=1e-4)


def test_runs_on_another_split_or_a_single_run_are_refused(two_runs, tiny_dataset, tmp_path):
    from tests.training.test_fit import tiny_config

    manifest, split, a, _b = two_runs
    val = _val(manifest, split)
    start = load_bundle(a).manifest["provenance"]["simclr_checkpoint"]
    other = fit(tiny_config(tiny_dataset, tmp_path / "c", epochs=1, seed=5, init=f"simclr:{start}"))
    with pytest.raises(ManifestError, match="split_sha256"):  # it made its own split (seed 5)
        make_soup([a, other.bundle_dir], val, tmp_path / "bad")
    # Random starting weights differ with the seed: two such draws on one split are refused too.
    split_file = {"split_file": split}
    r0 = fit(tiny_config(manifest, tmp_path / "r0", epochs=1, seed=0, **split_file)).bundle_dir
    r1 = fit(tiny_config(manifest, tmp_path / "r1", epochs=1, seed=1, **split_file)).bundle_dir
    with pytest.raises(ManifestError, match="random weights drawn with other seeds"):
        make_soup([r0, r1], val, tmp_path / "bad")
    with pytest.raises(ManifestError, match="at least two"):
        make_soup([a], val, tmp_path / "bad")
    assert not (tmp_path / "bad").exists()


def test_the_start_is_compared_by_content_not_by_path(two_runs, tmp_path):
    """A run whose SimCLR backbone was copied into another folder started from the same weights and joins
    the soup; a run from another backbone (other weights, same architecture) is refused."""
    import shutil

    from tests.training.test_fit import tiny_config

    manifest, split, a, _b = two_runs
    val = _val(manifest, split)
    shutil.copytree(tmp_path / "ssl", tmp_path / "copied")
    start = f"simclr:{tmp_path / 'copied' / 'backbone.safetensors'}"
    copied = fit(tiny_config(manifest, tmp_path / "c", epochs=1, seed=2, split_file=split, init=start))
    assert make_soup([a, copied.bundle_dir], val, tmp_path / "ok").kept == [str(a), str(copied.bundle_dir)]

    other_start = _start(tmp_path / "other", seed=6)
    other = fit(tiny_config(manifest, tmp_path / "d", epochs=1, seed=2, split_file=split, init=other_start))
    with pytest.raises(ManifestError, match="another SimCLR backbone"):
        make_soup([a, other.bundle_dir], val, tmp_path / "bad")
    assert not (tmp_path / "bad").exists()


def test_greedy_leaves_out_a_run_that_lowers_validation(two_runs, tmp_path):
    """A damaged ingredient (its class rows shifted by one, scaled up) ruins a uniform soup; the greedy soup
    tries it last (its own score is the lowest) and leaves it out."""
    manifest, split, a, b = two_runs
    head = get_spec("tiny_cnn").head
    damaged = load_bundle(a)
    with torch.no_grad():
        layer = damaged.model.get_submodule(head)
        layer.weight.copy_(10 * layer.weight.roll(1, dims=0))
        layer.bias.copy_(10 * layer.bias.roll(1, dims=0))
    junk = save_bundle(damaged.model, tmp_path / "junk", dict(damaged.manifest))
    val = _val(manifest, split)
    cache = tmp_path / "cache"

    greedy = make_soup([junk, a, b], val, tmp_path / "greedy", greedy=True, cache_dir=cache)
    uniform = make_soup([junk, a, b], val, tmp_path / "uniform", cache_dir=cache)
    assert str(junk) not in greedy.kept and greedy.ingredients[-1] == str(junk)
    own = greedy.ingredient_val_macro_f1
    assert own[str(junk)] < min(own[str(a)], own[str(b)])
    assert greedy.val_macro_f1 > uniform.val_macro_f1
    assert greedy.val_macro_f1 >= max(greedy.ingredient_val_macro_f1.values())


def test_average_state_keeps_integer_buffers_and_dtypes():
    a = {"w": torch.tensor([1.0, 3.0]), "n": torch.tensor(4), "h": torch.tensor([2.0], dtype=torch.float16)}
    b = {"w": torch.tensor([3.0, 5.0]), "n": torch.tensor(9), "h": torch.tensor([4.0], dtype=torch.float16)}
    out = average_state([a, b])
    assert torch.equal(out["w"], torch.tensor([2.0, 4.0]))
    assert out["n"].item() == 4 and out["h"].dtype == torch.float16 and out["h"].item() == 3.0
