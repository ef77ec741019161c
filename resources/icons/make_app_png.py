"""Writes app.png (256 x 256) beside this script from app.svg, with Qt's SVG renderer, for the platforms
that want a PNG icon (a Linux desktop file, some window managers).

Run it again after changing app.svg: ``QT_QPA_PLATFORM=offscreen python resources/icons/make_app_png.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZE = 256


def render(svg: Path, png: Path, size: int = SIZE) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png), "PNG"):
        raise SystemExit(f"{png}: could not be written")


if __name__ == "__main__":
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    here = Path(__file__).resolve().parent
    render(here / "app.svg", here / "app.png")
    print(f"{here / 'app.png'}: {(here / 'app.png').stat().st_size} bytes")
