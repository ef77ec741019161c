"""Small widgets of the screening window: the live view, the source list, the camera-lost panel, the top-3
chart, an image."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRect, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QImage, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from .i18n import technical_detail, tr


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
        self.outline: tuple[int, int, int, int] | None = None  # (top, left, height, width) in image pixels
        self.placeholder = placeholder
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_image(self, rgb: np.ndarray | None, outline: tuple[int, int, int, int] | None = None) -> None:
        """``outline``: a region of the image, (top, left, height, width) in its pixels, drawn dashed."""
        self._image = None if rgb is None else to_qimage(rgb)
        self.outline = outline if rgb is not None else None
        self.update()

    def has_image(self) -> bool:
        return self._image is not None

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.fillRect(self.rect(), Qt.GlobalColor.black)
        if self._image is not None:
            target = fit_rect(self._image.width(), self._image.height(), self.rect())
            p.drawImage(target, self._image)
            if self.outline is not None:
                top, left, h, w = self.outline
                k = target.width() / self._image.width()
                box = QRectF(target.x() + left * k, target.y() + top * k, w * k, h * k).adjusted(1, 1, -1, -1)
                for colour, style in (
                    (Qt.GlobalColor.black, Qt.PenStyle.SolidLine),
                    (Qt.GlobalColor.white, Qt.PenStyle.DashLine),
                ):
                    pen = QPen(colour, 2, style)
                    p.setPen(pen)
                    p.drawRect(box)
        elif self.placeholder:
            p.setPen(Qt.GlobalColor.lightGray)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
        p.end()


class SourceBox(QComboBox):
    """The source list; says when its list is about to open (the window looks for cameras again then)."""

    opening = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # A long source (a folder path) must not widen the officer's column: the box shows its start and
        # the open list shows it whole.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        self.opening.emit()
        super().showPopup()


class LostPanel(QFrame):
    """Shown over the live view when the camera is lost: what happened and what to do."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lostPanel")
        layout = QVBoxLayout(self)
        self.title = QLabel(tr("LostPanel", "Camera lost"))
        self.title.setStyleSheet("font-size: 160%; font-weight: 800;")
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.todo = QLabel(
            tr(
                "LostPanel",
                "What to do: check the camera's cable and that no other program uses it, or choose another "
                "camera. Screening resumes by itself when the picture returns.",
            )
        )
        self.todo.setWordWrap(True)
        # The capture service's own words (English: source, path, driver error), for the administrator.
        self.technical = QLabel("")
        self.technical.setObjectName("note")
        self.technical.setWordWrap(True)
        self.technical.hide()
        for w in (self.title, self.detail, self.todo, self.technical):
            layout.addWidget(w)
        self.hide()

    def show_reason(self, reason: str, technical: str = "") -> None:
        """``reason``: what happened, in the station's language; ``technical``: the detail for the
        administrator (English), shown on a line of its own under a translated label ("" : none)."""
        self.detail.setText(reason)
        if technical:
            self.technical.setText(
                # a long path wraps instead of widening the panel
                technical_detail(technical.replace("/", "/\u200b"))
            )
        self.technical.setVisible(bool(technical))
        self.show()
        self.raise_()


class Banner(QLabel):
    """The decision in large type (``headline``) and, under it, what the officer does next (``action``).

    Each line stays one line: its font shrinks until it fits the banner's width (a long class name or a
    station's own review instruction at 1280x720). Where the headline would shrink below SPLIT_BELOW of its
    size (a narrow result column: the traveller's panel beside it, a long language), the decision word goes
    on a line of its own at full size ("REVIEW") and the rest ("manual review needed") under it: the word the
    officer reads from two metres never gets small. ``lines`` holds what is drawn: (text, px, weight)."""

    SPLIT_BELOW = 0.85

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)  # only a last resort: the fitted lines do not wrap
        self.setTextFormat(Qt.TextFormat.RichText)
        self.headline = ""
        self.action = ""
        self.scale = 1.0
        self.sizes = (0, 0)  # pixel sizes of the decision line and the action line as last laid out
        self.lines: list[tuple[str, int, QFont.Weight]] = []
        self.icon: QIcon | None = None  # the decision's icon (resources/icons), drawn at the leading edge

    ICON_PX = 36  # at 720p; the lines are centred in the room beside it

    def show_lines(
        self, headline: str, action: str = "", scale: float = 1.0, icon: QIcon | None = None
    ) -> None:
        self.headline, self.action, self.scale = headline, action, scale
        self.icon = icon if icon is not None and not icon.isNull() else None
        # The icon's column is a margin on the leading side, so the text never runs under it.
        space = round((self.ICON_PX + 10) * scale) if self.icon is not None else 0
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.setContentsMargins(0 if rtl else space, 0, space if rtl else 0, 0)
        self._fit()
        self.update()

    def icon_rect(self) -> QRect | None:
        """Where the icon is drawn (None without one): in the leading margin, centred in height."""
        if self.icon is None:
            return None
        inner = self.contentsRect()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        space = self.contentsMargins().right() if rtl else self.contentsMargins().left()
        px = max(16, min(round(self.ICON_PX * self.scale), inner.height(), space))
        x = inner.right() + 1 + (space - px) // 2 if rtl else inner.left() - space + (space - px) // 2
        return QRect(x, inner.top() + (inner.height() - px) // 2, px, px)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        rect = self.icon_rect()
        if rect is not None:
            painter = QPainter(self)
            self.icon.paint(painter, rect)
            painter.end()

    def _line_px(self, text: str, px: int, weight: QFont.Weight, room: int) -> int:
        font = QFont(self.font())
        while px > 10:
            font.setPixelSize(px)
            font.setWeight(weight)
            if QFontMetrics(font).horizontalAdvance(text) <= room:
                break
            px -= 1
        return px

    def _fit(self) -> None:
        from .style import ACTION_FONT_PX, BANNER_FONT_PX

        margins = self.contentsMargins()
        room = max(100, self.width() - margins.left() - margins.right() - 8)
        full, small = round(BANNER_FONT_PX * self.scale), round(ACTION_FONT_PX * self.scale)
        bold, demi = QFont.Weight.ExtraBold, QFont.Weight.DemiBold
        head_px = self._line_px(self.headline, full, bold, room)
        word, _, detail = self.headline.partition(" · ")
        if head_px < full * self.SPLIT_BELOW and detail:
            lines = [(word, self._line_px(word, full, bold, room), bold)]
            lines.append((detail, self._line_px(detail, small, bold, room), bold))
        else:
            lines = [(self.headline, head_px, bold)]
        if self.action:
            lines.append((self.action, self._line_px(self.action, small, demi, room), demi))
        weights = {bold: 800, demi: 600}
        self.setText(
            "".join(
                f"<div style='font-size: {px}px; font-weight: {weights[w]};'>{escape(text)}</div>"
                for text, px, w in lines
            )
        )
        self.lines = lines
        self.sizes = (lines[0][1], lines[-1][1] if self.action else 0)
        if self.width() > 1:  # as tall as its lines need: three lines must not run into the reason below
            self.setMinimumHeight(self.heightForWidth(self.width()))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.headline and event.size().width() != event.oldSize().width():
            self._fit()


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
        self.setYRange(-0.6, 2.95, padding=0)  # room above the top bar for its threshold label
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
        # The flag threshold, marked on the bar of each flagged class shown: a FLAG above a chart whose top
        # bar is another class is then explained (the flagged class's bar reaches its mark).
        self._marks = []
        self._mark_labels = []
        for _y in self._ys:
            mark = pg.PlotCurveItem([], [], pen=pg.mkPen("#ffffff", width=3))
            self.addItem(mark)
            self._marks.append(mark)
            text = pg.TextItem("", color="#ffffff", anchor=(0.5, 1))
            self.addItem(text)
            self._mark_labels.append(text)
        self.threshold_marks: list[tuple[str, float]] = []  # (class, threshold) as drawn
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
        small = QFont()
        small.setPixelSize(round(12 * scale))
        for text in self._mark_labels:
            text.setFont(small)

    def set_top3(
        self,
        ranked: list[tuple[str, float]],
        highlight: str = "#1e88e5",
        emphasised: str | None = None,
        flag_threshold: float | None = None,
        flagged_classes: tuple[str, ...] = (),
    ) -> None:
        """Bars for the three most likely classes; ``emphasised`` (default: the first) is coloured; the bar of
        each of ``flagged_classes`` shown gets a mark at ``flag_threshold``."""
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
        self.threshold_marks = []
        for mark, text, y, (cls, _p) in zip(self._marks, self._mark_labels, self._ys, padded, strict=True):
            if cls and flag_threshold is not None and cls in flagged_classes:
                mark.setData([flag_threshold, flag_threshold], [y - 0.38, y + 0.38])
                text.setText(tr("Top3Chart", "flag {threshold:.2f}").format(threshold=flag_threshold))
                text.setPos(flag_threshold, y + 0.38)
                self.threshold_marks.append((cls, flag_threshold))
            else:  # emptied, not removed (see the class docstring)
                mark.setData([], [])
                text.setText("")
        from .style import class_name

        ticks = [(y, class_name(c)) for y, (c, _) in zip(self._ys, padded, strict=True) if c]
        self.getAxis("left").setTicks([ticks])
        # No class to show (ready, a RETAKE, an unrecognised rash): an empty box with a "50%" scale reads
        # like a chart that failed; the axes and the zero-width bars' outlines go (hidden, not removed: see
        # the class docstring), the space stays so that the panel does not jump.
        for name in ("left", "bottom"):
            self.getPlotItem().showAxis(name, bool(self.values))
        self._bars.setVisible(bool(self.values))

    @property
    def axes_shown(self) -> bool:
        return self.getAxis("bottom").isVisible() and self._bars.isVisible()
