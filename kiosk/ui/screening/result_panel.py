"""The result column of the screening window: the decision's banner, the status line and its technical detail,
the referral slip, the top-3 chart, the screened picture with its heatmap, the standing note."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from models.decision import Decision
from models.heatmap import blend_heatmap
from models.preprocessing import square_crop_box

from ...config import ReferralConfig
from ...inference import ScreeningResult
from ...station import NOTE, BannerText, ResultWords
from ..i18n import technical_detail, tr
from ..style import (
    CHART_COLOURS,
    banner_lines,
    banner_style,
    banner_text,
    class_name,
    reason_sentence,
    sentence,
)
from ..widgets import Banner, ImageView, Top3Chart, local_time


def result_words(result: ScreeningResult, review_instruction: str) -> ResultWords:
    """The words kiosk/ui/style.py gives ``result``, for kiosk/station.py to put in its lines. The class the
    banner names is the one the verdict explains: a FLAG's flagged class (not always the top one), else the
    top class; none for a RETAKE or a condition the model does not know."""
    explained = result.verdict.explained_class if result.verdict else None
    headline, action = banner_lines(
        result.decision,
        result.reason_code,
        class_name(explained, short=True) if explained else "",
        review_instruction,
    )
    # The result's time (the station's local time): a result left on screen says how old it is.
    at = local_time(result.captured_utc, "%H:%M:%S")
    return ResultWords(at, sentence(reason_sentence(result)), headline, action)


@dataclass(frozen=True)
class SlipDesk:
    """Where the referral slips of FLAG and REVIEW results saved as a case go (kiosk/ui/referral.py)."""

    station_id: str
    config: ReferralConfig
    folder: Path | None  # None: no slips


class ResultPanel(QWidget):
    """The widgets of the result column, and how a result is drawn in them. ``narrow``: the traveller's panel
    is beside it. ``review_instruction``: the REVIEW banner's second line ("" : the default)."""

    def __init__(self, narrow: bool, review_instruction: str, slips: SlipDesk):
        super().__init__()
        self.review_instruction = review_instruction
        self.slips = slips
        self._result: ScreeningResult | None = None  # the result drawn
        self._shown: tuple[tuple, np.ndarray, np.ndarray | None] | None = None  # see _picture_at_view_size
        rv = QVBoxLayout(self)
        self.banner = Banner()
        rv.addWidget(self.banner)
        self.reason = QLabel()
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        rv.addWidget(self.reason)
        # Under the reason: a technical detail in English for the administrator, under a translated label
        # (why screening is unavailable, why a case was not saved, why screening failed); hidden when none.
        self.detail_label = QLabel("")
        self.detail_label.setObjectName("note")
        self.detail_label.setWordWrap(True)
        self.detail_label.hide()
        rv.addWidget(self.detail_label)
        rv.addLayout(self._slip_row())
        self.referral_label = QLabel("")  # where the slip was saved, or what to do when it could not be
        self.referral_label.setObjectName("note")
        self.referral_label.setWordWrap(True)
        self.referral_label.hide()
        rv.addWidget(self.referral_label)
        self.chart = Top3Chart()
        rv.addWidget(self.chart, 2)
        self.heatmap_caption = QLabel("")  # which class the heatmap explains, and the square the model saw
        self.heatmap_caption.setObjectName("note")
        self.heatmap_caption.setWordWrap(True)
        rv.addWidget(self.heatmap_caption)
        self.heatmap_view = ImageView(tr("ScreeningWindow", "The screened image and its heatmap appear here"))
        rv.addWidget(self.heatmap_view, 3)
        self._heatmap_controls(rv, narrow)
        self.note = QLabel(tr("ScreeningWindow", NOTE))
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        rv.addWidget(self.note)

    def _slip_row(self) -> QHBoxLayout:
        slip_row = QHBoxLayout()
        self.referral_button = QPushButton(tr("ScreeningWindow", "Referral slip  [P]"))
        self.referral_button.setToolTip(
            tr(
                "ScreeningWindow",
                "Save the referral slip (PDF) for the secondary-screening desk, and print it when a printer "
                "is configured: FLAG and REVIEW results saved as a case [P]",
            )
        )
        self.referral_button.setEnabled(False)
        slip_row.addWidget(self.referral_button)
        slip_row.addStretch(1)
        return slip_row

    def _heatmap_controls(self, rv: QVBoxLayout, narrow: bool) -> None:
        hm = QHBoxLayout()
        self.heatmap_toggle = QCheckBox(tr("ScreeningWindow", "Heatmap [H]"))
        self.heatmap_toggle.setChecked(True)
        self.heatmap_toggle.toggled.connect(self._render_screened)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(45)
        self.opacity.setToolTip(tr("ScreeningWindow", "Heatmap opacity ( - / + )"))
        self.opacity.valueChanged.connect(self._render_screened)
        hm.addWidget(self.heatmap_toggle)
        hm.addWidget(QLabel(tr("ScreeningWindow", "Opacity [-/+]")))
        # The slider has the row's width when the column is narrow (large type, the traveller's panel beside).
        if narrow:
            hm.addStretch(1)
        else:
            hm.addWidget(self.opacity, 1)
        rv.addLayout(hm)
        if narrow:
            rv.addWidget(self.opacity)

    def italic_labels(self) -> list[QLabel]:
        """The labels set in italics (upright in scripts without italics)."""
        return [self.referral_label, self.heatmap_caption, self.note, self.detail_label]

    # ---------- the banner and the lines under it ----------
    def show_banner(self, banner: BannerText, scale: float) -> None:
        """The banner (headline, and what to do on a second line), the status line, the technical detail."""
        self.banner.setStyleSheet(banner_style(banner.kind, scale))
        self.banner.show_lines(
            banner.headline or banner_text(banner.kind), banner.action, scale, _icon_of(banner.kind)
        )
        self.reason.setText(banner.line)
        self.set_detail(banner.detail)

    def set_scale(self, kind: Decision | str, scale: float) -> None:
        """Redraw the banner (of ``kind``) and the chart at a new scale."""
        self.banner.setStyleSheet(banner_style(kind, scale))
        self.banner.show_lines(self.banner.headline, self.banner.action, scale, self.banner.icon)
        self.chart.set_scale(scale)

    def set_detail(self, detail: str) -> None:
        """The technical line under the reason (English, for the administrator); "" hides it."""
        self.detail_label.setText(
            # Break opportunities after "/": a long path wraps instead of widening the column.
            technical_detail(detail).replace("/", "/\u200b") if detail else ""
        )
        self.detail_label.setToolTip(detail)
        self.detail_label.setVisible(bool(detail))

    # ---------- the referral slip ----------
    def offer_referral(self, result: ScreeningResult | None, case_id: str | None) -> None:
        """A new result on screen (or none): the slip is offered for a FLAG or REVIEW saved as a case, with no
        line about an earlier slip."""
        from ..referral import can_refer

        self.referral_label.setText("")
        self.referral_label.hide()
        self.referral_button.setEnabled(self.slips.folder is not None and can_refer(result, case_id))

    def save_referral_slip(self, result: ScreeningResult, case_id: str, with_picture: bool) -> Path | None:
        """Save the slip of the result on screen when one is offered (and print it when a printer is
        configured); the line beside the button says where it went, or what to do when it could not be saved.
        ``with_picture`` False: the case was kept without one, the slip carries none either."""
        if not self.referral_button.isEnabled():
            return None
        from ..referral import ReferralError, issue_slip, slip_from_result

        slip = slip_from_result(result, case_id, self.slips.station_id, self.review_instruction)
        if not with_picture:
            slip = replace(slip, image=None, heatmap=None)
        try:
            path, line = issue_slip(slip, self.slips.config, self.slips.folder)
        except ReferralError as exc:
            line, path = f"{exc}.", None
        # Break opportunities after "/" and "_": a long path wraps instead of widening the column.
        self.referral_label.setText(line.replace("/", "/\u200b").replace("_", "_\u200b"))
        self.referral_label.show()
        if path is not None:
            self.referral_label.setToolTip(str(path))
        return path

    # ---------- the result ----------
    def show_classes(self, result: ScreeningResult, classes: list[tuple[str, float]]) -> None:
        """The chart's bars for ``classes`` (none: an empty chart), the class the heatmap explains emphasised,
        the flag threshold marked on the flagged classes."""
        if not classes:
            self.chart.set_top3([])
            return
        self.chart.set_top3(
            classes,
            CHART_COLOURS[result.decision],
            emphasised=result.verdict.explained_class if result.verdict else None,
            flag_threshold=result.thresholds.flag,
            flagged_classes=tuple(result.thresholds.flagged_classes),
        )

    def show_screened(self, result: ScreeningResult) -> None:
        self._result = result
        self._render_screened()

    def clear(self) -> None:
        """No result: no picture, heatmap, caption or chart."""
        self._result = None
        self.heatmap_view.set_image(None)
        self.heatmap_caption.setText("")
        self.chart.set_top3([])

    def _picture_at_view_size(self, r: ScreeningResult) -> tuple[np.ndarray, np.ndarray | None]:
        """The screened picture and its heatmap scaled down to the heatmap view's size in device pixels,
        once per result and view size: blending a 1280x720 picture on the GUI thread took ~20 ms per result
        (a stutter in the live view beside it); at view size it takes a few, also when the opacity slider
        moves. The stored result keeps the full picture."""
        ratio = self.heatmap_view.devicePixelRatioF()
        w, h = int(self.heatmap_view.width() * ratio), int(self.heatmap_view.height() * ratio)
        key = (id(r), w, h)
        if self._shown is None or self._shown[0] != key:
            ih, iw = r.image.shape[:2]
            scale = min(1.0, w / iw, h / ih)
            image, heatmap = r.image, r.heatmap
            if scale < 1.0:
                size = (max(1, round(iw * scale)), max(1, round(ih * scale)))
                image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
                if heatmap is not None:
                    heatmap = cv2.resize(heatmap, size, interpolation=cv2.INTER_LINEAR)
            self._shown = (key, image, heatmap)
        return self._shown[1], self._shown[2]

    def _render_screened(self, *_args: object) -> None:
        r = self._result
        if r is None:
            return
        explained = r.verdict.explained_class if r.verdict else None
        image, heatmap = self._picture_at_view_size(r)
        if heatmap is None:
            self.heatmap_caption.setText(
                tr("ScreeningWindow", "Screened picture (no heatmap: this result names no condition)")
            )
            self.heatmap_view.set_image(image)
            return
        # The model sees the centred square of the picture (models/preprocessing.py): the heatmap stops at its
        # edges, which the dashed outline shows.
        crop = square_crop_box(*image.shape[:2])
        if self.heatmap_toggle.isChecked():
            self.heatmap_caption.setText(
                tr(
                    "ScreeningWindow",
                    "Heatmap: where the model looked for {cls} · dashed square: what the model saw",
                ).format(cls=class_name(explained, short=True))
                if explained
                else tr(
                    "ScreeningWindow", "Heatmap: where the model looked · dashed square: what the model saw"
                )
            )
            self.heatmap_view.set_image(blend_heatmap(image, heatmap, self.opacity.value() / 100.0), crop)
        else:
            self.heatmap_caption.setText(
                tr(
                    "ScreeningWindow",
                    "Screened picture (heatmap off [H]) · dashed square: what the model saw",
                )
            )
            self.heatmap_view.set_image(image, crop)


def _icon_of(kind: Decision | str) -> QIcon | None:
    """A decision's icon for the banner (resources/icons); the station's states have none."""
    from ..assets import decision_icon

    try:
        return decision_icon(Decision(kind))
    except ValueError:  # "idle", "camera_lost", ...: not a decision
        return None
