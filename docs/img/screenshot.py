"""Take docs/img/screening.png from the real window (run under Xvfb), fed by a folder of real photos.

    xvfb-run -a -s "-screen 0 1280x720x24" \
        .venv/bin/python docs/img/screenshot.py /tmp/slides docs/img/screening.png [BUNDLE] [--language LANG]

``--language ar`` (any [station] language: en, fr, es, pt, ar, zh_CN) takes the window in that language, e.g.
docs/img/screening-ar.png (Arabic, mirrored layout).

With BUNDLE (e.g. models/bundles/default) the station screens with that model; without it, with a tiny demo
bundle whose output is fixed (mpox 0.82), so the banner shows FLAG. No traveller reference is typed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.config import CameraConfig, ModelConfig, StationConfig, StorageConfig, parse_config  # noqa: E402
from kiosk.trust import pin_throwaway_station  # noqa: E402
from models.bundle import make_manifest, save_bundle  # noqa: E402
from models.registry import build_model  # noqa: E402
from models.taxonomy import CLASSES  # noqa: E402
from models.trust import write_pin  # noqa: E402

PROBS = {"mpox": 0.82, "chickenpox": 0.09, "measles": 0.04}


def demo_bundle(folder: Path) -> Path:
    torch.manual_seed(0)  # the same demo model, and so the same screenshot, every time
    model = build_model("tiny_cnn", len(CLASSES))
    rest = (1 - sum(PROBS.values())) / (len(CLASSES) - len(PROBS))
    probs = torch.tensor([PROBS.get(c, rest) for c in CLASSES])
    with torch.no_grad():
        model.fc.weight.mul_(0.02)  # nearly fixed output, but a heatmap that still follows the image
        model.fc.bias.copy_(torch.log(probs))
    path = save_bundle(model, folder / "demo", make_manifest(model, "tiny_cnn", CLASSES, name="demo-fixed"))
    write_pin(path)  # the station accepts only a signed or pinned bundle (models/trust.py)
    return path


def pump(app, until=lambda: False, seconds: float = 20.0) -> None:
    """Run the event loop until ``until()`` or ``seconds`` have passed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not until():
        app.processEvents()
        time.sleep(0.01)


def capture(app, window) -> list:
    """Wait for the live view, capture, wait for the outcome and let the status bar refresh; the outcomes."""
    outcomes = []
    window.outcome_shown.connect(outcomes.append)
    pump(app, lambda: window.displayed_frames >= 20)
    window.capture_now()
    pump(app, lambda: bool(outcomes))
    pump(app, seconds=1.0)
    return outcomes


def save_small(window, tmp: Path, out: Path | str) -> bool:
    """The window as a PNG with a 256-colour palette (keeps the docs' images small)."""
    from PIL import Image

    raw = tmp / "raw.png"
    ok = window.grab().save(str(raw), "PNG")
    if ok:
        Image.open(raw).convert("RGB").quantize(colors=256).save(out, optimize=True)
    return ok


def main(slides: str, out: str, bundle: str | None = None, language: str = "en") -> int:
    from PySide6.QtWidgets import QApplication

    from kiosk.app import Station

    app = QApplication.instance() or QApplication([sys.argv[0]])
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-shot-"))
    bundle = bundle or str(demo_bundle(tmp))
    pin_throwaway_station(tmp / "data", Path(bundle))  # a screenshot's own station (kiosk/trust.py)
    config = parse_config({})
    config = replace(
        config,
        camera=CameraConfig(source=f"folder:{slides}"),
        model=ModelConfig(bundle=bundle, device="cpu"),
        storage=StorageConfig(data_dir=tmp / "data"),
        station=StationConfig(language=language),
    )
    station = Station(config)
    window = station.build(no_login=True)
    window.resize(1280, 720)
    window.show()
    outcomes = capture(app, window)
    ok = save_small(window, tmp, out)
    station.shutdown()
    print(f"saved {out}: {ok}, decision {outcomes[0].result.decision if outcomes else 'none'}")
    return 0 if ok and outcomes else 1


if __name__ == "__main__":
    args = sys.argv[1:]
    lang = "en"
    if "--language" in args:
        at = args.index("--language")
        lang = args[at + 1]
        del args[at : at + 2]
    sys.exit(main(*args[:3], language=lang))
