"""The review window's Stations tab (issue 28, item 5): the fleet on one database, for an admin.

One row per station: up or down (its heartbeat), camera, last seen, software, model, what it screened and
flagged in the last 24 hours against its own past and the rest of the fleet (kiosk/store/fleet.py). A station
whose flag rate left its usual range, or that runs a bundle no other station runs, is highlighted with the
reason in words. Under the table, each station's daily flag rate over the past two weeks.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from kiosk.store.database import Database
from kiosk.store.fleet import Rate, StationView, fleet
from kiosk.ui.i18n import QT_TRANSLATE_NOOP, tr
from kiosk.ui.review.admin import ltr, plain_table
from kiosk.ui.widgets import local_time

HIGHLIGHT = "#ffe0b2"  # a warm background: look at this station (text stays dark for contrast)
WHY_WORDS = {
    "own_past": QT_TRANSLATE_NOOP("Stations", "flag rate outside its usual range"),
    "fleet": QT_TRANSLATE_NOOP("Stations", "flag rate unlike the other stations"),
    "bundle": QT_TRANSLATE_NOOP("Stations", "runs a model the other stations do not"),
}
# the camera as the heartbeat reports it (kiosk/capture.py CameraState, and the station's own words)
CAMERA_WORDS = {
    "starting": QT_TRANSLATE_NOOP("Stations", "camera starting"),
    "live": QT_TRANSLATE_NOOP("Stations", "camera live"),
    "lost": QT_TRANSLATE_NOOP("Stations", "camera lost"),
    "stopped": QT_TRANSLATE_NOOP("Stations", "camera stopped"),
    "closed": QT_TRANSLATE_NOOP("Stations", "station closed"),
    "model unavailable": QT_TRANSLATE_NOOP("Stations", "model unavailable"),
}
LINE_COLOURS = ("#1e88e5", "#e53935", "#43a047", "#8e24aa", "#fb8c00", "#00897b", "#6d4c41", "#3949ab")


def rate_text(rate: Rate) -> str:
    if not rate.screened:
        return "-"
    return tr("Stations", "{rate} ({flags} of {screened})").format(
        rate=f"{rate.value:.1%}", flags=rate.flags, screened=rate.screened
    )


class StationsWidget(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.views: list[StationView] = []
        self.table = plain_table(
            [
                tr("Stations", "Station"),
                tr("Stations", "State"),
                tr("Stations", "Look at it because"),
                tr("Stations", "Flag rate, 24 h"),
                tr("Stations", "Its past 14 days"),
                tr("Stations", "All stations (median)"),
                tr("Stations", "Model"),
                tr("Stations", "Software"),
                tr("Stations", "Last seen"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # fitted in _fit_columns
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.table.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.plot = pg.PlotWidget(
            title=tr("Stations", "Daily flag rate per station"), axisItems={"bottom": pg.DateAxisItem()}
        )
        self.plot.setLabel("bottom", tr("Stations", "Day (UTC)"))
        self.plot.setLabel("left", tr("Stations", "Flagged share of screenings"))
        self.plot.addLegend()
        self.plot.getAxis("left").enableAutoSIPrefix(False)  # shares, not "(x0.001)"
        self.plot.setYRange(0, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.plot, 2)

    def refresh(self) -> None:
        self.views = views = fleet(self.db)
        self.table.setRowCount(len(views))
        for row, v in enumerate(views):
            state = tr("Stations", "up") if v.up else tr("Stations", "down")
            if v.camera_state:
                words = CAMERA_WORDS.get(v.camera_state)
                state += " · " + (tr("Stations", words) if words else v.camera_state)
            seen = local_time(v.last_seen_utc) if v.last_seen_utc else ""
            why = [tr("Stations", WHY_WORDS[k]) for k in v.flags_raised]
            if not v.up:
                why.insert(0, tr("Stations", "not up"))
            cells = [
                v.station_id,
                state,
                "; ".join(why),
                rate_text(v.recent),
                rate_text(v.past),
                "-" if v.fleet_median is None else f"{v.fleet_median:.1%}",
                ltr(f"{v.bundle_name} {v.bundle_sha256[:12]}".strip()),
                ltr(v.software_version),
                ltr(seen) if seen else tr("Stations", "never (no heartbeat)"),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if v.flags_raised or not v.up:
                    item.setBackground(QBrush(QColor(HIGHLIGHT)))
                    item.setForeground(QBrush(QColor("#000000")))
                self.table.setItem(row, col, item)
        self._fit_columns()
        up = sum(v.up for v in views)
        marked = sum(bool(v.flags_raised) or not v.up for v in views)
        self.summary.setText(
            tr("Stations", "{up} of {n} stations up; {marked} to look at.").format(
                up=up, n=len(views), marked=marked
            )
        )
        self._plot(views)

    def _fit_columns(self) -> None:
        """Every column on a 1280-pixel screen: each as wide as its text up to about 10 characters, longer
        texts and titles (a French state, the reasons to look) wrapped onto more lines."""
        table = self.table
        table.resizeColumnsToContents()
        cap = table.fontMetrics().horizontalAdvance("M") * 10
        for col in range(table.columnCount()):
            table.setColumnWidth(col, min(table.columnWidth(col), cap))
        table.resizeRowsToContents()
        header = table.horizontalHeader()  # up to three lines of title
        header.setMinimumHeight(3 * header.fontMetrics().lineSpacing() + 10)

    def _plot(self, views: list[StationView]) -> None:
        self.plot.clear()
        top = max((r.value for v in views for _d, r in v.daily if r.screened), default=0.0)
        self.plot.setYRange(0, max(0.05, min(1.0, top * 1.2)))
        for i, v in enumerate(views):
            days = [(d, r) for d, r in v.daily if r.screened]
            if not days:
                continue
            x = np.array([d.timestamp() + 43200 for d, _ in days])
            y = np.array([r.value for _, r in days])
            pen = pg.mkPen(LINE_COLOURS[i % len(LINE_COLOURS)], width=2)
            self.plot.plot(x, y, pen=pen, symbol="o", symbolSize=5, name=v.station_id)
