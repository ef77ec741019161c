"""Every file of the issue's list through the decoder, mpox-screen, and the kiosk's folder and file sources:
a clear error or a correct result, never a crash or a hang."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

from kiosk.capture import CameraState, CaptureService, FolderSource, frame_problem, make_source
from kiosk.screen_cli import main as screen_main
from models.errors import ImageDecodeError
from models.imageio import decode_image
from tests.conftest import one_hot_probs

from ..conftest import wait_for
from .bad_images import samples, write_samples

SAMPLES = samples()
GOOD = [s for s in SAMPLES if s.expect[0] == "ok"]
BAD = [s for s in SAMPLES if s.expect[0] == "error"]


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.name for s in SAMPLES])
def test_decoder_gives_rgb_or_a_clear_error(tmp_path, sample):
    path = tmp_path / sample.name
    path.write_bytes(sample.data)
    kind, detail = sample.expect
    if kind == "ok":
        out = decode_image(path)
        assert out.dtype == np.uint8 and out.shape == (*detail, 3)
    else:
        with pytest.raises(ImageDecodeError, match=detail) as info:
            decode_image(path)
        assert sample.name in str(info.value)  # the message names the file


def test_mpox_screen_screens_the_good_files_and_names_each_bad_one(tmp_path, make_tiny_bundle, capsys):
    folder = tmp_path / "imgs"
    write_samples(folder)
    bundle = make_tiny_bundle(one_hot_probs("mpox", 0.9))
    assert screen_main(["--bundle", str(bundle), "--json", str(folder)]) == 1  # some files failed
    captured = capsys.readouterr()
    records = {
        json.loads(line)["path"].rsplit("/", 1)[-1]: json.loads(line)
        for line in captured.out.splitlines()
        if line.strip()
    }
    assert set(records) == {s.name for s in SAMPLES}
    for s in GOOD:  # decoded and decided: flagged, or refused by the station's quality gate in its words
        r = records[s.name]
        assert r["decision"] == "flag" or (
            r["decision"] == "retake"
            and r["top_class"] is None
            and r["reason_code"] in {"poor_quality", "not_skin"}
        ), s.name
    assert sum(records[s.name]["decision"] == "flag" for s in GOOD) >= len(GOOD) // 2
    for s in BAD:
        assert s.expect[1] in records[s.name]["error"], s.name
    assert f"{len(BAD)} of {len(SAMPLES)} file(s) could not be screened" in captured.err


def test_mpox_screen_heatmap_of_a_tiny_image(tmp_path, make_tiny_bundle, capsys):
    folder = tmp_path / "imgs"
    write_samples(folder)
    out = tmp_path / "heat"
    bundle = make_tiny_bundle(seed=3)
    assert (
        screen_main(
            ["--bundle", str(bundle), "--json", "--heatmap", "--out", str(out), str(folder / "tiny.png")]
        )
        == 0
    )
    record = json.loads(capsys.readouterr().out)
    assert record["decision"] in {"flag", "review", "clear"}
    heat = cv2.imread(record["heatmap"])
    assert heat is not None and heat.shape == (8, 8, 3)  # the overlay has the image's own size


def test_folder_source_shows_every_good_file_and_skips_each_bad_one_with_its_reason(tmp_path):
    folder = tmp_path / "slides"
    write_samples(folder)
    src = FolderSource(folder, fps=500, slide_seconds=0.0)
    src.open()
    try:
        shapes = []
        for _ in range(3 * len(SAMPLES)):  # several laps of the slideshow
            frame = src.read()
            assert frame_problem(frame) == ""  # every frame can be shown and screened
            shapes.append(frame.shape[:2])
    finally:
        src.release()
    assert sorted(set(shapes)) == sorted({s.expect[1] for s in GOOD})
    for s in BAD:
        reasons = [r for r in src.skipped if s.name in r]
        assert reasons and s.expect[1] in reasons[0], (s.name, src.skipped)


def test_kiosk_engine_screens_every_decodable_file(tmp_path, make_tiny_bundle, kiosk_config):
    from dataclasses import replace

    from kiosk.config import ModelConfig
    from kiosk.inference import ScreeningEngine

    bundle = make_tiny_bundle(seed=2)
    engine = ScreeningEngine.from_config(
        replace(kiosk_config, model=ModelConfig(bundle=str(bundle), device="cpu"))
    )
    for s in GOOD:
        frame = decode_image(s.data, s.name)
        result = engine.screen(frame)
        assert result.decision in {"flag", "review", "clear", "retake"}, s.name
        if result.decision != "retake":
            assert result.heatmap is not None and result.heatmap.shape == frame.shape[:2], s.name
        else:
            assert result.quality.reasons, s.name  # a retake always says why


def _write_video(path, size=(64, 48), frames=10) -> None:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10, size)
    assert writer.isOpened()
    for i in range(frames):
        writer.write(np.full((size[1], size[0], 3), 40 + 15 * i, np.uint8))
    writer.release()


@pytest.mark.parametrize(
    "name, size",
    [("vidéo_猴痘.avi", (64, 48)), ("tiny.avi", (8, 8))],
)
def test_file_source_plays_non_ascii_names_and_tiny_frames(tmp_path, name, size):
    path = tmp_path / name
    _write_video(path, size)
    svc = CaptureService(lambda: make_source(f"file:{path}"), backoff=(0.1, 0.2))
    svc.start()
    try:
        assert wait_for(lambda: svc.stats().state is CameraState.LIVE)
        taken = []
        assert wait_for(lambda: taken.append(svc.slot.take()) or taken[-1] is not None)
        assert taken[-1][1].shape == (size[1], size[0], 3)
    finally:
        svc.stop()


@pytest.mark.parametrize(
    "name, data",
    [("empty.avi", b""), ("notes.avi", b"not a video at all\n" * 10), ("truncated.avi", None)],
)
def test_file_source_that_cannot_be_played_is_reported_and_retried(tmp_path, name, data):
    path = tmp_path / name
    if data is None:
        _write_video(tmp_path / "whole.avi")
        whole = (tmp_path / "whole.avi").read_bytes()
        data = whole[: len(whole) // 3]
    path.write_bytes(data)
    svc = CaptureService(lambda: make_source(f"file:{path}"), backoff=(0.1, 0.2))
    svc.start()
    try:
        assert wait_for(lambda: svc.stats().state is CameraState.LOST and svc.stats().message)
        message = svc.stats().message
        assert str(path) in message and "cannot be opened" in message and "Retrying" in message
        assert svc.is_running()  # still trying, not crashed
    finally:
        svc.stop()
    assert not svc.is_running()
