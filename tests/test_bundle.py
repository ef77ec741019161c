import json

import numpy as np
import pytest
import torch
from safetensors.torch import load_file, save_file

from models.bundle import (
    MANIFEST_NAME,
    SCHEMA_VERSION,
    WEIGHTS_NAME,
    BundleIntegrityError,
    bundle_digest,
    load_bundle,
    make_manifest,
    save_bundle,
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


def _rehash_weights(bundle):
    """Make the manifest agree with the weights file as it is now (as an attacker could)."""
    digest = sha256_file(bundle / WEIGHTS_NAME)
    _edit_manifest(bundle, weights_sha256=digest, files={WEIGHTS_NAME: digest})


def test_round_trip_gives_identical_outputs(make_tiny_bundle, rgb_image):
    path = make_tiny_bundle(seed=3)
    bundle = load_bundle(path)
    torch.manual_seed(3)
    reference = build_model("tiny_cnn", 8)
    for k, v in reference.state_dict().items():
        assert torch.equal(bundle.model.state_dict()[k], v), k
    assert bundle.classes == CLASSES
    assert bundle.weights_sha256 == sha256_file(path / WEIGHTS_NAME)
    files = {WEIGHTS_NAME: bundle.weights_sha256}
    raw = (path / MANIFEST_NAME).read_bytes()
    assert bundle.files == files and bundle.sha256 == bundle_digest(raw, files)


def test_manifest_schema(make_tiny_bundle):
    manifest = json.loads((make_tiny_bundle() / MANIFEST_NAME).read_text())
    assert REQUIRED_KEYS <= set(manifest)
    assert manifest["schema_version"] == 1  # a plain bundle: stations from before conditioning still load it
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
    assert sorted(p.name for p in b.parent.iterdir()) == ["same", "same.pin"]


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
    _rehash_weights(path)
    with pytest.raises(BundleError, match="weights cannot be read"):
        load_bundle(path)


def test_tampered_weights(make_tiny_bundle):
    path = make_tiny_bundle()
    state = load_file(path / WEIGHTS_NAME)
    state["fc.bias"] = state["fc.bias"] + 1.0
    save_file(state, path / WEIGHTS_NAME)
    with pytest.raises(BundleIntegrityError, match="truncated, damaged or was altered"):
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
        ({"files": {"../model.safetensors": "0" * 64}}, "not a valid bundle file name"),
        ({"weights_file": "/etc/passwd"}, "not a valid bundle file name"),
        ({"files": {WEIGHTS_NAME: "0" * 64}}, "'files' and 'weights_sha256' disagree"),
        ({"files": {WEIGHTS_NAME: "not a digest"}}, "not a SHA-256 hex digest"),
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
    _rehash_weights(path)
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


# --- the manifest covers every file of the bundle (issue 12) ----------------------------------------------


def _tiny_with_extra(tmp_path, extra: dict[str, bytes]):
    model = build_model("tiny_cnn", len(CLASSES))
    manifest = make_manifest(model, "tiny_cnn", CLASSES)
    return save_bundle(model, tmp_path / "extra", manifest, extra_files=extra)


def test_manifest_lists_every_file_but_the_model_card(tmp_path):
    path = _tiny_with_extra(
        tmp_path, {"open_set.safetensors": b"head", "MODEL_CARD.md": b"# card", "manifest.sig": b"stale"}
    )
    manifest = json.loads((path / MANIFEST_NAME).read_text())
    assert manifest["files"] == {
        WEIGHTS_NAME: manifest["weights_sha256"],
        "open_set.safetensors": sha256_file(path / "open_set.safetensors"),
    }
    assert not (path / "manifest.sig").exists()  # a signature of another manifest is never carried over
    bundle = load_bundle(path)
    assert bundle.file("open_set.safetensors") == path / "open_set.safetensors"
    with pytest.raises(BundleIntegrityError, match="not listed in the manifest"):
        bundle.file("MODEL_CARD.md")


def test_an_edited_extra_file_is_refused(tmp_path):
    path = _tiny_with_extra(tmp_path, {"open_set.safetensors": b"head"})
    (path / "open_set.safetensors").write_bytes(b"evil")
    with pytest.raises(BundleIntegrityError, match=r"open_set.safetensors: SHA-256 mismatch"):
        load_bundle(path)
    (path / "open_set.safetensors").unlink()
    with pytest.raises(BundleIntegrityError, match="a file listed in the manifest is missing"):
        load_bundle(path)


def test_the_model_card_may_change(tmp_path):
    path = _tiny_with_extra(tmp_path, {"MODEL_CARD.md": b"# card"})
    first = load_bundle(path).sha256
    (path / "MODEL_CARD.md").write_text("# edited card")
    assert load_bundle(path).sha256 == first


def test_a_manifest_from_before_files_existed_is_read(make_tiny_bundle):
    path = make_tiny_bundle()
    _edit_manifest(path, files=...)
    bundle = load_bundle(path)
    assert bundle.files == {WEIGHTS_NAME: sha256_file(path / WEIGHTS_NAME)}


def test_the_bundle_hash_covers_the_manifest(make_tiny_bundle):
    a = load_bundle(make_tiny_bundle(name="a"))
    b_path = make_tiny_bundle(name="b")
    _edit_manifest(b_path, thresholds={"flag": 0.99, "review": 0.6, "flagged_classes": ["mpox"]})
    b = load_bundle(b_path)  # integrity only; models.trust refuses it (tests/test_bundle_trust.py)
    assert a.weights_sha256 == b.weights_sha256 and a.sha256 != b.sha256
