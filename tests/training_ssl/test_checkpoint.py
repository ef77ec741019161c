"""The SimCLR backbone artefact: saved alone with metadata, loaded strictly (only the head may be missing)."""

from __future__ import annotations

import json

import pytest
import torch
from safetensors.torch import load_file, save_file

from models.registry import build_backbone, build_model, head_keys
from training.ssl.checkpoint import (
    SimCLRCheckpointError,
    load_simclr_backbone,
    make_metadata,
    save_simclr_backbone,
)


def _save_tiny(tmp_path, seed: int = 1):
    torch.manual_seed(seed)
    backbone = build_backbone("tiny_cnn")
    meta = make_metadata(backbone, "tiny_cnn", epochs=1, steps=3, data={"source": "test", "hash": "x"})
    return backbone, save_simclr_backbone(backbone, tmp_path / "ssl" / "backbone.safetensors", meta)


def test_round_trip_loads_every_backbone_tensor_and_returns_metadata(tmp_path):
    backbone, weights = _save_tiny(tmp_path)
    assert not (head_keys("tiny_cnn") & set(load_file(weights)))  # the head is not saved
    torch.manual_seed(99)
    model = build_model("tiny_cnn", 8)
    head_before = model.fc.weight.clone()
    meta = load_simclr_backbone(model, "tiny_cnn", weights.parent)  # the folder is accepted too
    for key, value in backbone.state_dict().items():
        assert torch.equal(model.state_dict()[key], value), key
    assert torch.equal(model.fc.weight, head_before)  # the head is left as built
    assert meta["arch"] == "tiny_cnn" and meta["steps"] == 3 and meta["feature_dim"] == 32
    assert len(meta["weights_sha256"]) == 64


def test_refuses_another_architecture_naming_both(tmp_path):
    _, weights = _save_tiny(tmp_path)
    model = build_model("resnet18", 8)
    with pytest.raises(SimCLRCheckpointError) as err:
        load_simclr_backbone(model, "resnet18", weights)
    message = str(err.value)
    assert str(weights) in message and "'tiny_cnn'" in message and "'resnet18'" in message
    assert "--arch tiny_cnn" in message


def test_refuses_weights_of_another_architecture_behind_a_lying_sidecar(tmp_path):
    # A sidecar claiming tiny_cnn over resnet18 weights: the key check catches it.
    weights = tmp_path / "backbone.safetensors"
    lying = make_metadata(build_backbone("tiny_cnn"), "tiny_cnn")
    save_simclr_backbone(build_backbone("resnet18"), weights, lying)
    with pytest.raises(SimCLRCheckpointError, match="unexpected key"):
        load_simclr_backbone(build_model("tiny_cnn", 8), "tiny_cnn", weights)


def test_refuses_a_missing_non_head_key(tmp_path):
    _, weights = _save_tiny(tmp_path)
    state = load_file(weights)
    del state["features.0.weight"]
    save_file(state, weights)
    meta = json.loads(weights.with_suffix(".json").read_text())
    meta.pop("weights_sha256")  # an edited file without a digest still gets the key check
    weights.with_suffix(".json").write_text(json.dumps(meta))
    with pytest.raises(SimCLRCheckpointError, match=r"missing 1 backbone key\(s\): features\.0\.weight"):
        load_simclr_backbone(build_model("tiny_cnn", 8), "tiny_cnn", weights)


def test_refuses_a_wrong_shape(tmp_path):
    _, weights = _save_tiny(tmp_path)
    state = load_file(weights)
    state["features.0.weight"] = torch.zeros(8, 3, 5, 5)
    save_file(state, weights)
    meta = json.loads(weights.with_suffix(".json").read_text())
    meta.pop("weights_sha256")
    weights.with_suffix(".json").write_text(json.dumps(meta))
    with pytest.raises(SimCLRCheckpointError, match="wrong shape, e.g. features.0.weight"):
        load_simclr_backbone(build_model("tiny_cnn", 8), "tiny_cnn", weights)


def test_refuses_changed_corrupt_and_missing_files(tmp_path):
    _, weights = _save_tiny(tmp_path)
    model = build_model("tiny_cnn", 8)
    data = weights.read_bytes()
    weights.write_bytes(data[: len(data) // 2])
    with pytest.raises(SimCLRCheckpointError, match="SHA-256 does not match"):
        load_simclr_backbone(model, "tiny_cnn", weights)

    meta = json.loads(weights.with_suffix(".json").read_text())
    meta.pop("weights_sha256")
    weights.with_suffix(".json").write_text(json.dumps(meta))
    with pytest.raises(SimCLRCheckpointError, match="cannot be read as safetensors"):
        load_simclr_backbone(model, "tiny_cnn", weights)

    weights.with_suffix(".json").write_text("{not json")
    with pytest.raises(SimCLRCheckpointError, match="not valid JSON"):
        load_simclr_backbone(model, "tiny_cnn", weights)

    weights.with_suffix(".json").unlink()
    with pytest.raises(SimCLRCheckpointError, match="metadata file backbone.json is missing"):
        load_simclr_backbone(model, "tiny_cnn", weights)

    with pytest.raises(SimCLRCheckpointError, match="file not found"):
        load_simclr_backbone(model, "tiny_cnn", tmp_path / "nowhere.safetensors")
