import json

import numpy as np
import pytest
import torch
from safetensors.torch import load_file, save_file

from models.bundle import (
    MANIFEST_NAME,
    SCHEMA_VERSION,
    WEIGHTS_NAME,
    load_bundle,
    make_manifest,
    sha256_file,
)
from models.errors import BundleError
from models.predictor import Predictor
from models.registry import build_model
from models.taxonomy import CLASSES

from .conftest import one_hot_probs

REQUIRED_KEYS = {
    "schema_version",
    "name",
    "arch",
    "classes",
    "input_size",
    "mean",
    "std",
    "cam_target_layer",
    "thresholds",
    "temperature",
    "num_params",
    "metrics",
    "provenance",
    "weights_file",
    "weights_sha256",
    "created_utc",
}


def _edit_manifest(bundle, **changes):
    path = bundle / MANIFEST_NAME
    data = json.loads(path.read_text())
    for key, value in changes.items():
        if value is ...:
            data.pop(key)
        else:
            data[key] = value
    path.write_text(json.dumps(data))


def test_round_trip_gives_identical_outputs(make_tiny_bundle, rgb_image):
    path = make_tiny_bundle(seed=3)
    bundle = load_bundle(path)
    torch.manual_seed(3)
    reference = build_model("tiny_cnn", 8)
    for k, v in reference.state_dict().items():
        assert torch.equal(bundle.model.state_dict()[k], v), k
    assert bundle.classes == CLASSES
    assert len(bundle.sha256) == 64 and bundle.sha256 == sha256_file(path / WEIGHTS_NAME)


def test_manifest_schema(make_tiny_bundle):
    manifest = json.loads((make_tiny_bundle() / MANIFEST_NAME).read_text())
    assert REQUIRED_KEYS <= set(manifest)
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["arch"] == "tiny_cnn" and manifest["cam_target_layer"] == "features"
    assert manifest["thresholds"] == {"flag": 0.5, "review": 0.6, "flagged_classes": ["mpox"]}
    assert manifest["num_params"] == 6352 and manifest["input_size"] == 64


def test_temperature_calibrates_probabilities(make_tiny_bundle, rgb_image):
    probs = one_hot_probs("mpox", 0.7)
    p1 = Predictor(load_bundle(make_tiny_bundle(probs, name="t1"))).predict_one(rgb_image).probabilities
    p2 = Predictor(load_bundle(make_tiny_bundle(probs, name="t2", temperature=2.0))).predict_one(rgb_image)
    assert p1[0] == pytest.approx(0.7, abs=1e-5)
    assert p2.probabilities[0] < p1[0]
    assert p2.probabilities.sum() == pytest.approx(1.0, abs=1e-5)


def test_saving_over_an_existing_bundle_replaces_it(make_tiny_bundle):
    a = make_tiny_bundle(name="same", seed=1)
    first = load_bundle(a).sha256
    b = make_tiny_bundle(name="same", seed=2)
    assert a == b and load_bundle(b).sha256 != first
    assert sorted(p.name for p in b.parent.iterdir()) == ["same"]


# --- refusals: each names the file and the problem ---------------------------------------------------------


def test_missing_folder(tmp_path):
    with pytest.raises(BundleError, match="folder not found"):
        load_bundle(tmp_path / "nowhere")


def test_missing_manifest(make_tiny_bundle):
    path = make_tiny_bundle()
    (path / MANIFEST_NAME).unlink()
    with pytest.raises(BundleError, match="manifest.json is missing"):
        load_bundle(path)


def test_manifest_not_json(make_tiny_bundle):
    path = make_tiny_bundle()
    (path / MANIFEST_NAME).write_text("{not json")
    with pytest.raises(BundleError, match="not valid JSON"):
        load_bundle(path)


def test_missing_weights(make_tiny_bundle):
    path = make_tiny_bundle()
    (path / WEIGHTS_NAME).unlink()
    with pytest.raises(BundleError, match=r"model.safetensors: weights file is missing"):
        load_bundle(path)


def test_truncated_weights(make_tiny_bundle):
    path = make_tiny_bundle()
    data = (path / WEIGHTS_NAME).read_bytes()
    (path / WEIGHTS_NAME).write_bytes(data[: len(data) // 2])
    with pytest.raises(BundleError, match="SHA-256 mismatch"):
        load_bundle(path)


def test_truncated_weights_with_matching_hash_cannot_be_read(make_tiny_bundle):
    path = make_tiny_bundle()
    data = (path / WEIGHTS_NAME).read_bytes()
    (path / WEIGHTS_NAME).write_bytes(data[: len(data) // 2])
    _edit_manifest(path, weights_sha256=sha256_file(path / WEIGHTS_NAME))
    with pytest.raises(BundleError, match="weights cannot be read"):
        load_bundle(path)


def test_tampered_weights(make_tiny_bundle):
    path = make_tiny_bundle()
    state = load_file(path / WEIGHTS_NAME)
    state["fc.bias"] = state["fc.bias"] + 1.0
    save_file(state, path / WEIGHTS_NAME)
    with pytest.raises(BundleError, match="truncated, damaged or were altered"):
        load_bundle(path)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"schema_version": SCHEMA_VERSION + 1}, "newer than this software"),
        ({"schema_version": 0}, "not supported"),
        ({"arch": "alexnet"}, "unknown architecture 'alexnet'"),
        ({"classes": ["mpox"]}, "at least two distinct"),
        ({"weights_sha256": ...}, "lacks the required key 'weights_sha256'"),
        ({"input_size": "224"}, "'input_size' has the wrong type"),
        ({"thresholds": {"flag": 2.0}}, "thresholds are invalid"),
        ({"thresholds": {"flagged_classes": ["smallpox"]}}, "not among the bundle's classes"),
        ({"num_params": 1}, "parameter count"),
    ],
)
def test_bad_manifest_is_refused(make_tiny_bundle, changes, message):
    path = make_tiny_bundle()
    _edit_manifest(path, **changes)
    with pytest.raises(BundleError, match=message) as info:
        load_bundle(path)
    assert str(path) in str(info.value)


def test_weights_of_another_architecture_are_refused(make_tiny_bundle, tmp_path):
    path = make_tiny_bundle()
    other = build_model("tiny_cnn", 3)  # same arch, wrong head size
    save_file(other.state_dict(), path / WEIGHTS_NAME)
    _edit_manifest(path, weights_sha256=sha256_file(path / WEIGHTS_NAME))
    with pytest.raises(BundleError, match="do not fit architecture"):
        load_bundle(path)


def test_no_pickle_in_bundle(make_tiny_bundle):
    path = make_tiny_bundle()
    assert sorted(p.name for p in path.iterdir()) == [MANIFEST_NAME, WEIGHTS_NAME]
    assert not (path / WEIGHTS_NAME).read_bytes().startswith(b"\x80")  # pickle protocol marker


def test_make_manifest_records_metadata():
    model = build_model("tiny_cnn", 8)
    manifest = make_manifest(
        model, "tiny_cnn", CLASSES, metrics={"accuracy": 0.5}, provenance={"command": "x"}, temperature=1.5
    )
    assert manifest["metrics"] == {"accuracy": 0.5} and manifest["temperature"] == 1.5
    assert np.allclose(manifest["mean"], (0.485, 0.456, 0.406))


def test_saved_bundle_is_readable_by_other_users(make_tiny_bundle):
    path = make_tiny_bundle()
    assert path.stat().st_mode & 0o755 == 0o755
    for name in (MANIFEST_NAME, WEIGHTS_NAME):
        assert (path / name).stat().st_mode & 0o644 == 0o644
