"""Screenshots of each decision in the real window (run under Xvfb), logged in as a reviewer (docs/kiosk.md):

    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python docs/img/decisions_shot.py SLIDES docs/img

writes ``decision-<flag|review|clear|retake>-<en|fr|ar>.png`` at 1280x720. The model is a demo bundle whose
output is fixed per decision (mpox 0.90; eczema 0.45; eczema 0.90), so the pictures show the screen, not the
model's accuracy; RETAKE screens a darkened copy of the first slide. A passport's MRZ line is typed as the
traveller reference.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshot import capture, save_small  # noqa: E402

from kiosk.config import CameraConfig, ModelConfig, StationConfig, StorageConfig, parse_config  # noqa: E402
from kiosk.trust import pin_throwaway_station  # noqa: E402
from models.bundle import make_manifest, save_bundle  # noqa: E402
from models.registry import build_model  # noqa: E402
from models.taxonomy import CLASSES  # noqa: E402

CASES = {
    "flag": ("mpox", 0.90),
    "review": ("eczema", 0.45),
    "clear": ("eczema", 0.90),
    "retake": ("mpox", 0.90),
}
LANGUAGES = ("en", "fr", "ar")
MRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"


def fixed_bundle(folder: Path, cls: str, p: float) -> Path:
    torch.manual_seed(0)
    model = build_model("tiny_cnn", len(CLASSES))
    rest = (1 - p) / (len(CLASSES) - 1)
    with torch.no_grad():
        model.fc.weight.mul_(0.02)  # nearly fixed output, a heatmap that still follows the picture
        model.fc.bias.copy_(torch.log(torch.tensor([p if c == cls else rest for c in CLASSES])))
    return save_bundle(model, folder / f"{cls}-{p}", make_manifest(model, "tiny_cnn", CLASSES, name="demo"))


def shoot(app, slides: Path, out: Path, decision: str, language: str) -> str:
    from kiosk.app import Station

    tmp = Path(tempfile.mkdtemp(prefix="kiosk-decision-"))
    bundle = fixed_bundle(tmp, *CASES[decision])
    pin_throwaway_station(tmp / "data", bundle)
    if decision == "retake":  # a darkened copy: the quality gate refuses it
        dark = tmp / "dark"
        dark.mkdir()
        first = sorted(p for p in slides.iterdir() if p.is_file())[0]
        pixels = np.asarray(Image.open(first).convert("RGB"), dtype=np.float32) * 0.08
        Image.fromarray(pixels.astype(np.uint8)).save(dark / "dark.png")
        slides = dark
    config = replace(
        parse_config({}),
        camera=CameraConfig(source=f"folder:{slides}"),
        model=ModelConfig(bundle=str(bundle), device="cpu"),
        storage=StorageConfig(data_dir=tmp / "data"),
        station=StationConfig(language=language),
    )
    station = Station(config)
    window = station.build(no_login=True)
    window.login_required = True
    window.set_user("rev", "reviewer", True)
    window.resize(1280, 720)
    window.show()
    window.ref_edit.setText(MRZ)
    outcomes = capture(app, window)
    save_small(window, tmp, out)
    station.shutdown()
    return str(outcomes[0].result.decision) if outcomes else "none"


def main(slides: str, folder: str) -> int:
    from PySide6.QtWidgets import QApplication

    from kiosk.ui import i18n

    app = QApplication.instance() or QApplication([sys.argv[0]])
    failed = 0
    for language in LANGUAGES:
        for decision in CASES:
            out = Path(folder) / f"decision-{decision}-{language}.png"
            got = shoot(app, Path(slides), out, decision, language)
            i18n.install("en")
            print(f"{out}: {got}")
            failed += got != decision
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
