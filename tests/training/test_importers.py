from __future__ import annotations

import csv
from collections import Counter

import pytest

from tests.training.conftest import COLOURS, make_layout, write_image
from training.dataset_manifest import ManifestError, read_dataset_manifest, write_dataset_manifest
from training.importers import import_sources, patient_id


def labels(result) -> Counter:
    return Counter(r.label for r in result.records)


def test_patient_ids_from_msld_names():
    assert patient_id("P13_2") == "P13"
    assert patient_id("11_1") == "11"
    assert patient_id("11") == "11"
    assert patient_id("MKP_01_01") == "MKP_01"


def test_msld_v1_groups_by_patient_and_keeps_others_as_partial(tmp_path):
    root = make_layout(
        tmp_path / "Original Images", {"Monkey Pox": "mpox", "Others": "others"}, 6, patients=3
    )
    result = import_sources([("msld_v1", root)], progress=False)
    assert labels(result) == {"mpox": 6, "others": 6}
    groups = Counter(r.group for r in result.records)
    assert len(groups) == 6 and set(groups.values()) == {2}  # 3 patients per folder, 2 images each
    assert not result.problems


def test_msld_v2_maps_healthy_and_reports_unknown_classes(tmp_path):
    root = make_layout(tmp_path / "v2", {"Mpox": "mpox", "Healthy": "normal", "Cowpox": "x"}, 4, patients=2)
    result = import_sources([("msld_v2", root)], progress=False)
    assert labels(result) == {"mpox": 4, "normal": 4}
    unknown = [p for p in result.problems if p.kind == "unknown-label"]
    assert len(unknown) == 1 and "Cowpox" in unknown[0].detail and "4 files" in unknown[0].detail


def test_msid_four_classes(tmp_path):
    folders = {"Monkeypox": "mpox", "Chickenpox": "chickenpox", "Measles": "measles", "Normal": "normal"}
    result = import_sources([("msid", make_layout(tmp_path / "msid", folders, 3))], progress=False)
    assert labels(result) == {"mpox": 3, "chickenpox": 3, "measles": 3, "normal": 3}


def test_dermnet_maps_four_of_23_categories(tmp_path):
    root = tmp_path / "dermnet"
    for part, seed in (("train", 0), ("test", 500)):
        make_layout(
            root / part,
            {
                "Eczema Photos": "eczema",
                "Urticaria Hives": "urticaria",
                "Bullous Disease Photos": "bullous",
                "Vasculitis Photos": "vasculitis",
                "Acne and Rosacea Photos": "x",
            },
            2,
            seed=seed,
        )
    result = import_sources([("dermnet", root)], progress=False)
    assert labels(result) == {"eczema": 4, "urticaria": 4, "bullous": 4, "vasculitis": 4}
    assert sum(p.kind == "unknown-label" for p in result.problems) == 2  # Acne in train/ and test/


def test_isic2019_unlabelled_with_lesion_groups(tmp_path):
    root = tmp_path / "isic"
    for i in range(3):
        write_image(root / "ISIC_2019_Training_Input" / f"ISIC_{i:07d}.jpg", (90, 60, 40), i)
    (root / "ISIC_2019_Training_GroundTruth.csv").write_text(
        "image,MEL,NV\nISIC_0000000,1,0\nISIC_0000001,0,1\nISIC_0000002,0,1\nISIC_0000009,0,1\n"
    )
    (root / "ISIC_2019_Training_Metadata.csv").write_text(
        "image,lesion_id\nISIC_0000000,L1\nISIC_0000001,L1\nISIC_0000002,\n"
    )
    result = import_sources([("isic2019", root)], progress=False)
    assert labels(result) == {"unlabelled": 3}
    assert len({r.group for r in result.records}) == 2
    assert [p.kind for p in result.problems] == ["missing-file"]


def test_generic_folder_needs_a_valid_mapping(tmp_path):
    root = make_layout(tmp_path / "mine", {"pox": "mpox", "fine": "normal"}, 2)
    result = import_sources([("folder", root)], {"pox": "mpox", "fine": "normal"}, progress=False)
    assert labels(result) == {"mpox": 2, "normal": 2}
    with pytest.raises(ManifestError, match="mapping"):
        import_sources([("folder", root)], None, progress=False)
    with pytest.raises(ManifestError, match="unknown labels"):
        import_sources([("folder", root)], {"pox": "smallpox"}, progress=False)


def test_problems_are_reported_not_hidden(tmp_path):
    root = make_layout(tmp_path / "msid", {"Monkeypox": "mpox", "Normal": "normal"}, 3)
    (root / "Normal" / "copy.jpg").write_bytes((root / "Monkeypox" / "Monkeypox_0.jpg").read_bytes())
    (root / "Normal" / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    result = import_sources([("msid", root)], progress=False)
    kinds = Counter(p.kind for p in result.problems)
    assert kinds == {"duplicate": 1, "unreadable": 1}
    dup = next(p for p in result.problems if p.kind == "duplicate")
    assert "labels differ: mpox vs normal" in dup.detail
    assert len(result.records) == 6


def _non_utf8_image(folder, name: bytes = b"caf\xe9.jpg"):
    """A JPEG whose file name is not valid UTF-8 (Latin-1 from an old camera or archive); returned as Python
    carries such a name (a str with a lone surrogate). cv2.imwrite cannot write such a path: bytes are."""
    import os

    import cv2
    import numpy as np

    image = np.random.default_rng(7).integers(0, 255, (40, 48, 3), dtype=np.uint8)
    raw = os.path.join(os.fsencode(folder), name)
    with open(raw, "wb") as f:
        f.write(cv2.imencode(".jpg", image)[1].tobytes())
    return os.fsdecode(raw)


def test_a_file_name_that_is_not_utf8_is_reported_not_a_crash(tmp_path, capsys):
    from training.cli import main

    root = make_layout(tmp_path / "msid", {"Monkeypox": "mpox", "Normal": "normal"}, 3)
    try:
        _non_utf8_image(root / "Monkeypox")
    except OSError:
        pytest.skip("this file system refuses file names that are not valid UTF-8")
    out = tmp_path / "out" / "manifest.csv"
    assert main(["data", "--add", "msid", str(root), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "1 bad-file-name" in printed and "caf\\xe9.jpg" in printed
    assert len(read_dataset_manifest(out)) == 6
    problems = (tmp_path / "out" / "manifest.problems.csv").read_text(encoding="utf-8")
    assert "bad-file-name" in problems and "caf\\xe9.jpg" in problems
    assert sorted(p.name for p in out.parent.iterdir()) == ["manifest.csv", "manifest.problems.csv"]


def test_write_manifest_refuses_a_name_that_is_not_utf8_and_leaves_nothing_behind(tmp_path):
    from dataclasses import replace
    from pathlib import Path

    root = make_layout(tmp_path / "msid", {"Monkeypox": "mpox"}, 2)
    good = import_sources([("msid", root)], progress=False).records
    try:
        bad = Path(_non_utf8_image(root / "Monkeypox"))
    except OSError:
        pytest.skip("this file system refuses file names that are not valid UTF-8")
    out = tmp_path / "out" / "manifest.csv"
    with pytest.raises(ManifestError, match=r"caf\\xe9\.jpg.*not valid UTF-8"):
        write_dataset_manifest([*good, replace(good[0], path=bad)], out)
    assert list(out.parent.iterdir()) == []  # no manifest.csv, no temporary file


def test_manifest_preset_reports_missing_files_and_round_trips(tmp_path):
    root = make_layout(tmp_path / "msid", {"Monkeypox": "mpox"}, 2)
    manifest = tmp_path / "m.csv"
    with open(manifest, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["path", "label", "source", "group", "licence", "grade"])
        w.writerow(["msid/Monkeypox/Monkeypox_0.jpg", "mpox", "a", "g0", "x", "face"])
        w.writerow(["msid/Monkeypox/Monkeypox_1.jpg", "mpox", "a", "g1", "x", "arm"])
        w.writerow(["msid/Monkeypox/gone.jpg", "mpox", "a", "g2", "x", ""])
    result = import_sources([("manifest", manifest)], progress=False)
    assert len(result.records) == 2 and [p.kind for p in result.problems] == ["missing-file"]
    out = write_dataset_manifest(result.records, tmp_path / "out.csv")
    back = read_dataset_manifest(out)
    assert back == result.records and back[0].grade == "face"
    assert not out.read_text().splitlines()[1].startswith("/")  # relative to the manifest's folder
    assert root.exists()


def test_manifest_with_unknown_label_names_the_line(tmp_path):
    manifest = tmp_path / "m.csv"
    manifest.write_text("path,label,source,group\na.jpg,mpox,s,g\nb.jpg,smallpox,s,g\n")
    with pytest.raises(ManifestError, match="line 3: unknown label 'smallpox'"):
        read_dataset_manifest(manifest)


@pytest.mark.real_data
def test_real_msld_v1_and_msid_layouts(skin_dir):
    msld = import_sources([("msld_v1", skin_dir / "msld_v1")], decode=False, progress=False)
    assert labels(msld)["mpox"] == 82 and labels(msld)["others"] >= 104  # 105 files, one byte-duplicate
    assert len({r.group for r in msld.records}) < len(msld.records)  # patients with several images
    msid = import_sources([("msid", skin_dir / "monkeypox2022")], decode=False, progress=False)
    assert labels(msid) == {"mpox": 34, "chickenpox": 46, "measles": 21, "normal": 42}


@pytest.mark.real_data
def test_real_manifest_preset(skin_dir):
    result = import_sources([("manifest", skin_dir / "manifest.csv")], decode=False, progress=False)
    counts = labels(result)
    assert counts["unlabelled"] == 3000 and counts["eczema"] == 913
    assert all(p.kind == "duplicate" for p in result.problems)
    assert len(result.records) + len(result.problems) == 4663
    assert set(COLOURS) <= set(counts)
