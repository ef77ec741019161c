from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

# Colour per class, so that even tiny_cnn can learn something in one epoch.
COLOURS = {
    "mpox": (200, 60, 60),
    "chickenpox": (60, 200, 60),
    "measles": (60, 60, 200),
    "normal": (200, 200, 60),
    "eczema": (200, 60, 200),
    "others": (60, 200, 200),
}


def write_image(
    path: Path, colour: tuple[int, int, int], seed: int, size: tuple[int, int] = (40, 48)
) -> Path:
    """A small JPEG: the class colour plus noise (distinct bytes for every seed)."""
    rng = np.random.default_rng(seed)
    img = np.clip(np.array(colour)[None, None, :] + rng.normal(0, 25, (*size, 3)), 0, 255).astype(np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    cv2.imwrite(str(path), img[:, :, ::-1])
    return path


def make_layout(
    root: Path, folders: dict[str, str], per_class: int, patients: int = 0, seed: int = 0
) -> Path:
    """Class folders (folder -> label), per_class images each; with patients, MSLD-style P<id>_<n> names."""
    s = seed
    for folder, label in folders.items():
        for i in range(per_class):
            s += 1
            name = (
                f"P{i % patients}_{i // patients}.jpg" if patients else f"{folder.replace(' ', '_')}_{i}.jpg"
            )
            write_image(root / folder / name, COLOURS.get(label, (128, 128, 128)), s)
    return root


@pytest.fixture
def tiny_dataset(tmp_path) -> Path:
    """An MSID-style layout plus an MSLD v1 layout, 10 images per class, imported into one manifest."""
    from training.dataset_manifest import write_dataset_manifest
    from training.importers import import_sources

    msid = make_layout(
        tmp_path / "msid",
        {"Monkeypox": "mpox", "Chickenpox": "chickenpox", "Measles": "measles", "Normal": "normal"},
        10,
    )
    msld = make_layout(
        tmp_path / "msld", {"Monkey Pox": "mpox", "Others": "others"}, 10, patients=5, seed=1000
    )
    result = import_sources([("msid", msid), ("msld_v1", msld)], progress=False)
    return write_dataset_manifest(result.records, tmp_path / "manifest.csv")


@pytest.fixture(autouse=True)
def one_torch_thread():
    """Tiny models on a shared 2-core machine run several times faster on one thread (no spin-waiting)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
