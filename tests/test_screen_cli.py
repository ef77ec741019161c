"""mpox-screen end to end: generated images with tiny bundles made here, bad files, and real images."""

import csv
import json
import subprocess
import sys

import pytest
from PIL import Image

from kiosk.screen_cli import main
from models.bundle import DEFAULT_BUNDLE_DIR, MANIFEST_NAME
from models.taxonomy import CLASSES

from .conftest import one_hot_probs
from .kiosk.conftest import skin_texture


@pytest.fixture
def images(tmp_path):
    folder = tmp_path / "imgs"
    (folder / "sub").mkdir(parents=True)
    # Skin-like pictures that pass the station's quality gate (mpox-screen applies it too).
    for seed, name in enumerate(["a.jpg", "b.png", "sub/c.jpg"]):
        Image.fromarray(skin_texture(96, seed=seed)).save(folder / name)
    return folder


def _json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_json_output_for_a_folder(make_tiny_bundle, images, capsys):
    bundle = make_tiny_bundle(one_hot_probs("mpox", 0.9))
    assert main(["--bundle", str(bundle), "--json", str(images)]) == 0
    records = _json_lines(capsys.readouterr().out)
    assert [r["path"].rsplit("/", 1)[-1] for r in records] == ["a.jpg", "b.png", "c.jpg"]
    for r in records:
        assert r["decision"] == "flag" and r["top_class"] == "mpox"
        assert set(r["probabilities"]) == set(CLASSES)
        assert sum(r["probabilities"].values()) == pytest.approx(1.0, abs=1e-4)
        assert len(r["model_sha256"]) == 64


@pytest.mark.parametrize(
    ("cls", "p", "word"), [("mpox", 0.8, "FLAG"), ("eczema", 0.4, "REVIEW"), ("normal", 0.9, "CLEAR")]
)
def test_text_output_shows_decision_and_top3(make_tiny_bundle, images, capsys, cls, p, word):
    bundle = make_tiny_bundle(one_hot_probs(cls, p))
    assert main(["--bundle", str(bundle), str(images / "a.jpg")]) == 0
    out = capsys.readouterr().out
    assert word in out and out.count("%") == 3


def test_threshold_overrides(make_tiny_bundle, images, capsys):
    bundle = make_tiny_bundle(one_hot_probs("chickenpox", 0.7))
    main(["--bundle", str(bundle), "--json", "--flag-class", "chickenpox", str(images / "a.jpg")])
    assert _json_lines(capsys.readouterr().out)[0]["decision"] == "flag"
    main(["--bundle", str(bundle), "--json", "--review-threshold", "0.8", str(images / "a.jpg")])
    assert _json_lines(capsys.readouterr().out)[0]["decision"] == "review"
    assert main(["--bundle", str(bundle), "--flag-class", "smallpox", str(images / "a.jpg")]) == 2
    assert "smallpox" in capsys.readouterr().err  # a class the model lacks is refused, not silently ignored


def test_heatmaps_are_written(make_tiny_bundle, images, tmp_path, capsys):
    bundle = make_tiny_bundle(seed=4)
    out = tmp_path / "out"
    assert main(["--bundle", str(bundle), "--heatmap", "--json", "--out", str(out), str(images)]) == 0
    records = _json_lines(capsys.readouterr().out)
    pngs = sorted(out.glob("*.png"))
    assert len(pngs) == 3 and all(r["heatmap"] in map(str, pngs) for r in records)
    assert Image.open(pngs[0]).size == (96, 96)  # the overlay has the image's own size


def test_bad_files_fail_alone(make_tiny_bundle, images, capsys):
    (images / "empty.jpg").write_bytes(b"")
    (images / "text.png").write_text("hello")
    (images / "trunc.jpg").write_bytes((images / "a.jpg").read_bytes()[:150])
    Image.new("1", (30000, 30000)).save(images / "bomb.png")
    bundle = make_tiny_bundle(one_hot_probs("normal", 0.9))
    assert main(["--bundle", str(bundle), "--json", str(images)]) == 1
    captured = capsys.readouterr()
    records = {r["path"].rsplit("/", 1)[-1]: r for r in _json_lines(captured.out)}
    assert {k for k, r in records.items() if "decision" in r} == {"a.jpg", "b.png", "c.jpg"}
    assert "empty" in records["empty.jpg"]["error"]
    assert "not an image" in records["text.png"]["error"]
    assert "truncated" in records["trunc.jpg"]["error"]
    assert "too large" in records["bomb.png"]["error"]
    assert "4 of 7 file(s) could not be screened" in captured.err


def test_bad_bundle_is_a_clear_usage_error(tmp_path, images, capsys):
    assert main(["--bundle", str(tmp_path / "none"), str(images)]) == 2
    assert "folder not found" in capsys.readouterr().err


def test_no_default_bundle_says_to_pass_one(images, capsys):
    if (DEFAULT_BUNDLE_DIR / MANIFEST_NAME).is_file():
        pytest.skip("a default bundle is installed")
    assert main([str(images)]) == 2
    assert "pass --bundle" in capsys.readouterr().err


@pytest.mark.slow
def test_console_script_runs(make_tiny_bundle, images):
    bundle = make_tiny_bundle(one_hot_probs("measles", 0.9))
    proc = subprocess.run(
        [sys.executable, "-m", "kiosk.screen_cli", "--bundle", str(bundle), "--json", str(images / "b.png")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert _json_lines(proc.stdout)[0]["top_class"] == "measles"


@pytest.mark.real_data
def test_real_images(skin_dir, make_tiny_bundle, tmp_path, capsys):
    rows = list(csv.DictReader((skin_dir / "manifest.csv").open()))
    picked = []
    for source in ("msld_v1", "monkeypox2022", "dermnet_nz", "dermnet_com"):
        picked += [skin_dir / r["path"] for r in rows if r["source"] == source][:2]
    bundle = make_tiny_bundle(seed=5)
    out = tmp_path / "heat"
    assert main(["--bundle", str(bundle), "--json", "--heatmap", "--out", str(out), *map(str, picked)]) == 0
    records = _json_lines(capsys.readouterr().out)
    assert len(records) == len(picked) == 8
    # The station's quality gate runs here too: a picture it refuses is a RETAKE that names no class.
    screened = [r for r in records if r["decision"] != "retake"]
    assert all(r["decision"] in {"flag", "review", "clear"} and r["top_class"] for r in screened)
    assert all(
        r["reason_code"] in {"poor_quality", "not_skin"} and r["top_class"] is None
        for r in records
        if r["decision"] == "retake"
    )
    assert len(screened) >= 6 and len(list(out.glob("*.png"))) == len(screened)


# --- folders: nothing is skipped without a word (issue 12, item 10) -----------------------------------


def test_jfif_files_are_screened_as_jpeg(make_tiny_bundle, images, capsys):
    (images / "phone.jfif").write_bytes((images / "a.jpg").read_bytes())
    (images / "UPPER.JFIF").write_bytes((images / "a.jpg").read_bytes())
    bundle = make_tiny_bundle(one_hot_probs("mpox", 0.9))
    assert main(["--bundle", str(bundle), "--json", str(images)]) == 0
    names = {r["path"].rsplit("/", 1)[-1] for r in _json_lines(capsys.readouterr().out)}
    assert {"phone.jfif", "UPPER.JFIF"} <= names


def test_broken_links_and_link_loops_are_reported(make_tiny_bundle, images, capsys):
    (images / "gone.jpg").symlink_to(images / "deleted-long-ago.jpg")
    (images / "self.jpg").symlink_to(images / "self.jpg")  # a link to itself: a loop
    (images / "sub" / "up").symlink_to(images)  # a folder link back to an ancestor: a loop
    bundle = make_tiny_bundle(one_hot_probs("normal", 0.9))
    assert main(["--bundle", str(bundle), "--json", str(images)]) == 1
    captured = capsys.readouterr()
    records = {r["path"].rsplit("/", 1)[-1]: r for r in _json_lines(captured.out)}
    assert {k for k, r in records.items() if "decision" in r} == {"a.jpg", "b.png", "c.jpg"}  # each once
    gone = records["gone.jpg"]["error"]
    assert "broken link" in gone and "deleted-long-ago.jpg" in gone
    assert "loop" in records["self.jpg"]["error"]
    assert "loop" in records["up"]["error"]
    assert "not found" not in captured.err
    assert "3 of 6" in captured.err


def test_a_link_loop_given_by_name_is_not_called_missing(make_tiny_bundle, images, tmp_path, capsys):
    loop = tmp_path / "loop.jpg"
    loop.symlink_to(loop)
    bundle = make_tiny_bundle(one_hot_probs("normal", 0.9))
    assert main(["--bundle", str(bundle), str(loop), str(tmp_path / "really-missing.jpg")]) == 1
    err = capsys.readouterr().err
    assert "loop.jpg" in err and "symbolic link loop" in err
    assert "really-missing.jpg: file not found" in err


def test_unreadable_sub_folder_is_reported(make_tiny_bundle, images, capsys, monkeypatch):
    import os

    import kiosk.screen_cli as cli

    locked = images / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path):  # chmod 000 does not stop root: refuse the folder the way the kernel would
        if os.path.abspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(cli.os, "scandir", scandir)
    bundle = make_tiny_bundle(one_hot_probs("normal", 0.9))
    assert main(["--bundle", str(bundle), str(images)]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("CLEAR") == 3
    assert "locked: folder cannot be read" in captured.err and "ermission denied" in captured.err


def test_only_problems_is_still_status_1(make_tiny_bundle, tmp_path, capsys):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "gone.jpg").symlink_to(tmp_path / "nowhere.jpg")
    bundle = make_tiny_bundle(one_hot_probs("normal", 0.9))
    assert main(["--bundle", str(bundle), str(folder)]) == 1
    assert "broken link" in capsys.readouterr().err


def _station_and_cli_agree(bundle, paths, tmp_path, capsys):
    """Issue 26 item 2: the same pictures through the station's engine and through mpox-screen (both with the
    default backend) give the same decisions and reason codes (one path: models.screening)."""
    from kiosk.config import parse_config
    from kiosk.inference import ScreeningEngine
    from models.imageio import decode_image

    config = parse_config({"model": {"bundle": str(bundle)}, "storage": {"data_dir": str(tmp_path / "data")}})
    engine = ScreeningEngine.from_config(config)
    station = [engine.screen(decode_image(p)) for p in paths]
    assert main(["--bundle", str(bundle), "--json", *map(str, paths)]) == 0
    cli = _json_lines(capsys.readouterr().out)
    assert [(r["decision"], r["reason_code"]) for r in cli] == [
        (s.decision.value, s.reason_code.value) for s in station
    ]
    return cli


@pytest.mark.slow
def test_the_station_and_mpox_screen_decide_alike(make_tiny_bundle, images, tmp_path, capsys):
    dark = tmp_path / "imgs" / "dark.png"
    Image.fromarray(skin_texture(96, seed=9, brightness=0.1)).save(dark)
    paths = sorted(p for p in images.rglob("*") if p.is_file())
    for probs in (one_hot_probs("mpox", 0.9), one_hot_probs("eczema", 0.45), one_hot_probs("eczema", 0.9)):
        bundle = make_tiny_bundle(probs, name=f"b{probs[0]:.2f}-{max(probs):.2f}")
        decisions = {r["decision"] for r in _station_and_cli_agree(bundle, paths, tmp_path, capsys)}
        assert "retake" in decisions and len(decisions) == 2  # the dark picture, and the model's decision


@pytest.mark.real_data
def test_the_station_and_mpox_screen_decide_alike_on_real_images(skin_dir, tmp_path, capsys):
    if not (DEFAULT_BUNDLE_DIR / MANIFEST_NAME).is_file():
        pytest.skip("no default bundle installed")
    rows = list(csv.DictReader((skin_dir / "manifest.csv").open()))
    paths = []
    for source in ("msld_v1", "monkeypox2022", "dermnet_nz", "dermnet_com", "ham10000"):
        paths += [skin_dir / r["path"] for r in rows if r["source"] == source][:4]
    cli = _station_and_cli_agree(DEFAULT_BUNDLE_DIR, paths, tmp_path, capsys)
    assert len(cli) == len(paths) and len({r["decision"] for r in cli}) >= 2


def test_a_pipe_or_a_device_is_refused_without_reading_it(make_tiny_bundle, images, tmp_path, capsys):
    """Issue 27: mpox-screen hung on a FIFO and read /dev/zero until memory ran out."""
    import os

    fifo = tmp_path / "fifo.jpg"
    os.mkfifo(fifo)
    bundle = make_tiny_bundle(one_hot_probs("mpox", 0.9))
    assert main(["--bundle", str(bundle), "--json", str(fifo), "/dev/zero", str(images / "a.jpg")]) == 1
    captured = capsys.readouterr()
    assert captured.err.count("not a regular file") == 2
    assert [r["decision"] for r in _json_lines(captured.out) if "decision" in r] == ["flag"]
