from __future__ import annotations

import json
from collections import defaultdict

import pytest

from training.dataset_manifest import labelled, read_dataset_manifest
from training.splits import load_split, make_split, save_split, select


def assert_group_disjoint(parts: dict[str, list]) -> None:
    side_of_group = defaultdict(set)
    for name, records in parts.items():
        for r in records:
            side_of_group[r.group].add(name)
    crossing = {g: s for g, s in side_of_group.items() if len(s) > 1}
    assert not crossing, f"groups on two sides: {list(crossing.items())[:5]}"


def check_split_file(records, manifest, tmp_path, k=0, seed=0):
    path = save_split(make_split(records, k=k, seed=seed), tmp_path / "split.json", manifest)
    split = load_split(path, manifest)
    parts = {name: select(records, split, name) for name in ("train", "val", "test")}
    assert sum(len(p) for p in parts.values()) == len(labelled(records))
    assert all(parts.values())
    assert_group_disjoint(parts)
    if k:
        folds = {f: select(records, split, "test", fold=f) for f in range(k)}
        assert_group_disjoint(folds)
        assert sum(len(f) for f in folds.values()) == len(labelled(records))
    return split, parts


def test_no_group_crosses_and_split_is_deterministic(tiny_dataset, tmp_path):
    records = read_dataset_manifest(tiny_dataset)
    split, parts = check_split_file(records, tiny_dataset, tmp_path, k=3)
    again = make_split(records, k=3, seed=0)
    assert {
        str(r.path): a
        for r, a in zip(records, [split["assignments"][str(r.path)] for r in records], strict=True)
    } == again["assignments"]
    other = make_split(records, seed=7)
    assert other["assignments"] != again["assignments"]
    # MSLD patients (2 images each here) stay together.
    msld_groups = {r.group for r in records if r.source == "msld_v1"}
    assert len(msld_groups) < sum(r.source == "msld_v1" for r in records)


def test_split_file_is_relative_and_survives_a_move(tiny_dataset, tmp_path):
    records = read_dataset_manifest(tiny_dataset)
    path = save_split(make_split(records), tmp_path / "split.json", tiny_dataset)
    keys = list(json.loads(path.read_text())["assignments"])
    assert all(not k.startswith("/") for k in keys)  # relative to the manifest's folder
    moved = tmp_path.rename(tmp_path.parent / (tmp_path.name + "-moved"))
    manifest = moved / "manifest.csv"
    split = load_split(moved / "split.json", manifest)
    assert len(select(read_dataset_manifest(manifest), split, "train")) > 0


def test_stale_split_is_refused(tiny_dataset, tmp_path):
    from training.dataset_manifest import ManifestError

    records = read_dataset_manifest(tiny_dataset)
    path = save_split(make_split(records[:-5]), tmp_path / "split.json", tiny_dataset)
    with pytest.raises(ManifestError, match="make the split again"):
        select(records, load_split(path, tiny_dataset), "train")


@pytest.mark.real_data
def test_real_manifest_split_keeps_groups_apart(skin_dir, tmp_path):
    records = read_dataset_manifest(skin_dir / "manifest.csv")
    _, parts = check_split_file(records, skin_dir / "manifest.csv", tmp_path, k=5)
    for name in ("val", "test"):
        assert {r.label for r in parts[name]} == {
            r.label for r in labelled(records)
        }  # stratified: all present
