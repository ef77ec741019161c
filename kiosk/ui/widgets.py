"""Small widgets of the screening window: the live view, the camera-lost panel, the top-3 chart, an image."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from models.taxonomy import display_name


def local_time(when: datetime, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A stored time (UTC; a naive value from SQLite is UTC) in the station's local time."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime(fmt)


def to_qimage(rgb: np.ndarray) -> QImage:
    """RGB uint8 HxWx3 -> a QImage that owns its pixels (the numpy buffer may go away)."""
    rgb = np.ascontiguousarray(rgb)
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def fit_rect(img_w: int, img_h: int, area: QRect) -> QRect:
    scale = min(area.width() / img_w, area.height() / img_h)
    w, h = int(img_w * scale), int(img_h * scale)
    return QRect(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2, w, h)


class ImageView(QWidget):
    """Paints an image scaled to fit, keeping its aspect ratio (cheaper than a QLabel pixmap per frame)."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._image: QImage | None = None
        self.placeholder = placeholder
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_image(self, rgb: np.ndarray | None) -> None:
        self._image = None if rgb is None else to_qimage(rgb)
        self.update()

    def has_image(self) -> bool:
        return self._image is not None

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.fillRect(self.rect(), Qt.GlobalColor.black)
        if self._image is not None:
            p.drawImage(fit_rect(self._image.width(), self._image.height(), self.rect()), self._image)
        elif self.placeholder:
            p.setPen(Qt.GlobalColor.lightGray)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
        p.end()


class LostPanel(QFrame):
    """Shown over the live view when the camera is lost: what happened and what to do."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lostPanel")
        layout = QVBoxLayout(self)
        self.title = QLabel("Camera lost")
        self.title.setStyleSheet("font-size: 160%; font-weight: 800;")
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.todo = QLabel(
            "What to do: check the camera's cable and that no other program uses it, or choose another "
            "camera. Screening resumes by itself when the picture returns."
        )
        self.todo.setWordWrap(True)
        for w in (self.title, self.detail, self.todo):
            layout.addWidget(w)
        self.hide()

    def show_reason(self, reason: str) -> None:
        self.detail.setText(reason)
        self.show()
        self.raise_()


class Top3Chart(pg.PlotWidget):
    """Horizontal bars: the three most likely classes with their probabilities.

    The bar and label items are created once and updated in place: with PySide6 6.12 on Python 3.11, adding
    and removing pyqtgraph items leaks references to True/False (pyqtgraph's itemChange override) until the
    interpreter aborts after a few hundred results. pyproject.toml pins a PySide6 release without the leak;
    tests/test_qt_refcounts.py guards it.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent=parent, background="#121619")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setXRange(0, 1, padding=0)
        self.setYRange(-0.6, 2.6, padding=0)
        self.getAxis("bottom").setTicks([[(0, "0%"), (0.5, "50%"), (1.0, "100%")]])
        for name in ("left", "bottom"):
            self.getAxis(name).setTextPen("#eceff1")
            self.getAxis(name).setPen("#90a4ae")
        self._ys = [2, 1, 0]  # most likely on top
        self._bars = pg.BarGraphItem(x0=0, y=self._ys, height=0.6, width=[0, 0, 0], brushes=["#78909c"] * 3)
        self.addItem(self._bars)
        self._labels = []
        for y in self._ys:
            label = pg.TextItem("", color="#ffffff", anchor=(0, 0.5))
            label.setPos(0.01, y)
            self.addItem(label)
            self._labels.append(label)
        self.values: list[tuple[str, float]] = []
        self.setMinimumHeight(120)

    def set_scale(self, scale: float) -> None:
        """Grow tick and value labels with the window (the style sheet does not reach pyqtgraph's items)."""
        font = QFont()
        font.setPixelSize(round(15 * scale))
        for name in ("left", "bottom"):
            self.getAxis(name).setStyle(tickFont=font)
        self.getAxis("bottom").setHeight(round(28 * scale))
        for label in self._labels:
            label.setFont(font)

    def set_top3(
        self, ranked: list[tuple[str, float]], highlight: str = "#1e88e5", emphasised: str | None = None
    ) -> None:
        """Bars for the three most likely classes; ``emphasised`` (default: the first) is coloured."""
        self.values = list(ranked[:3])
        padded = self.values + [("", 0.0)] * (3 - len(self.values))
        probs = [p for _, p in padded]
        target = emphasised if emphasised in [c for c, _ in padded] else padded[0][0]
        self._bars.setOpts(width=probs, brushes=[highlight if c == target else "#78909c" for c, _ in padded])
        for label, y, (cls, p) in zip(self._labels, self._ys, padded, strict=True):
            label.setText(f"{p:.0%}" if cls else "")
            if p >= 0.5:  # inside the bar's end: a long bar leaves no room after it
                label.setAnchor((1, 0.5))
                label.setPos(p - 0.01, y)
            else:
                label.setAnchor((0, 0.5))
                label.setPos(p + 0.01, y)
        ticks = [(y, display_name(c)) for y, (c, _) in zip(self._ys, padded, strict=True) if c]
        self.getAxis("left").setTicks([ticks])
