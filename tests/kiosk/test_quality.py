import csv

import numpy as np
import pytest

from models.imageio import decode_image
from models.quality import QualityStatus, assess

from .conftest import skin_texture

BLUE_TEXTURE = np.clip(np.random.default_rng(1).normal(0, 25, (128, 128, 1)) + (40, 90, 200), 0, 255).astype(
    np.uint8
)


def test_good_skin_frame_passes():
    report = assess(skin_texture(128))
    assert report.status is QualityStatus.OK and report.reasons == ()
    assert set(report.measures) == {"blur", "brightness", "clipped", "skin_fraction"}


@pytest.mark.parametrize(
    "frame, reason",
    [
        (skin_texture(128, brightness=0.15), "too dark"),
        (np.full((128, 128, 3), 252, np.uint8), "too bright"),
        (np.full((128, 128, 3), (205, 150, 125), np.uint8), "too blurred"),
        (BLUE_TEXTURE, "no skin in view"),
    ],
    ids=["dark", "bright", "blurred", "no-skin"],
)
def test_bad_frames_ask_for_a_retake_with_the_reason(frame, reason):
    report = assess(frame)
    assert report.status is QualityStatus.RETAKE
    assert any(r.startswith(reason) for r in report.reasons), report.reasons


def test_heavy_blur_of_a_good_frame_is_caught():
    import cv2

    sharp = skin_texture(256)
    assert assess(sharp).status is QualityStatus.OK
    blurred = cv2.GaussianBlur(sharp, (0, 0), 6)
    assert "too blurred" in assess(blurred).message()


@pytest.mark.real_data
def test_most_real_labelled_photos_pass_the_gate(skin_dir):
    rows = [r for r in csv.DictReader(open(skin_dir / "manifest.csv")) if r["label"] not in ("unlabelled",)]
    sample = rows[:: max(1, len(rows) // 40)][:40]
    retakes = [r["path"] for r in sample if assess(decode_image(skin_dir / r["path"])).retake]
    assert len(retakes) <= len(sample) * 0.15, retakes
