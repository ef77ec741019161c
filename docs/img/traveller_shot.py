"""Take docs/img/traveller-panel.png: the officer's screen with the traveller's panel at its side
([traveller] screen = "panel"), showing the privacy notice before the traveller agreed (run under Xvfb).

    xvfb-run -a -s "-screen 0 1280x720x24" \\
        .venv/bin/python docs/img/traveller_shot.py /tmp/slides docs/img/traveller-panel.png [--agreed]

``--agreed`` presses [C] first: the panel then shows "Show the affected skin to the camera / Hold still".
The demo bundle is docs/img/screenshot.py's (fixed output); nothing is captured.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshot import demo_bundle, pump, save_small  # noqa: E402

from kiosk.config import (  # noqa: E402
    CameraConfig,
    ModelConfig,
    PrivacyConfig,
    StorageConfig,
    TravellerConfig,
    parse_config,
)
from kiosk.trust import pin_throwaway_station  # noqa: E402


def main(slides: str, out: str, agreed: bool = False) -> int:
    from PySide6.QtWidgets import QApplication

    from kiosk.app import Station

    app = QApplication.instance() or QApplication([sys.argv[0]])
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-shot-"))
    bundle = demo_bundle(tmp)
    pin_throwaway_station(tmp / "data", bundle)  # a screenshot's own station (kiosk/trust.py)
    config = replace(
        parse_config({}),
        camera=CameraConfig(source=f"folder:{slides}"),
        model=ModelConfig(bundle=str(bundle), device="cpu"),
        storage=StorageConfig(data_dir=tmp / "data"),
        traveller=TravellerConfig(screen="panel"),
        privacy=PrivacyConfig(legal_basis="consent"),
    )
    station = Station(config)
    window = station.build(no_login=True)
    window.resize(1280, 720)
    window.show()
    if agreed:
        window.set_consent(True)
    pump(app, lambda: window.displayed_frames >= 20)
    pump(app, seconds=1.0)
    ok = save_small(window, tmp, out)
    station.shutdown()
    print(f"saved {out}: {ok}")
    return 0 if ok else 1


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--agreed"]
    sys.exit(main(*args[:2], agreed="--agreed" in sys.argv))
