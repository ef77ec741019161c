"""Dashboard: flags per hour and per day, decision and predicted-class mix, the top probability per class
as a box plot (the paper's Figure 6C), and the positive predictive value of flags from PCR outcomes."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kiosk.store.database import Database
from kiosk.store.queries import CaseFilter, DashboardData, dashboard_data
from kiosk.ui.i18n import tr
from kiosk.ui.review.wording import class_text, decision_text
from kiosk.ui.style import CHART_COLOURS
from models.decision import Decision
from models.taxonomy import CLASSES

WEEK = 7 * 86400


def box_stats(values: np.ndarray) -> tuple[float, float, float, float, float]:
    """(low whisker, q1, median, q3, high whisker), whiskers at 1.5 IQR clipped to the data (Tukey)."""
    q1, med, q3 = np.percentile(values, [25, 50, 75])
    iqr = q3 - q1
    low = values[values >= q1 - 1.5 * iqr].min()
    high = values[values <= q3 + 1.5 * iqr].max()
    return float(low), float(q1), float(med), float(q3), float(high)


def per_bin(epochs: np.ndarray, seconds: int) -> tuple[np.ndarray, np.ndarray]:
    """Counts per consecutive bin of ``seconds`` (x in bin start times, epoch seconds)."""
    if epochs.size == 0:
        return np.array([]), np.array([])
    bins = (epochs // seconds).astype(np.int64)
    first = bins.min()
    counts = np.bincount(bins - first)
    return (np.arange(counts.size) + first) * seconds, counts


class DashboardWidget(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.data: DashboardData | None = None
        axis = {"bottom": pg.DateAxisItem()}
        self.per_hour = pg.PlotWidget(title=tr("Dashboard", "Flags per hour"), axisItems=axis)
        self.per_day = pg.PlotWidget(
            title=tr("Dashboard", "Flags per day"), axisItems={"bottom": pg.DateAxisItem()}
        )
        self.decision_mix = pg.PlotWidget(title=tr("Dashboard", "Decision mix"))
        self.class_mix = pg.PlotWidget(title=tr("Dashboard", "Predicted class (stored cases)"))
        self.boxes = pg.PlotWidget(title=tr("Dashboard", "Top probability per predicted class"))
        # axis titles: what each axis counts (the date axes are in the station's local time)
        for plot, bottom, left in (
            (self.per_hour, tr("Dashboard", "Hour (station time)"), tr("Dashboard", "Flagged cases")),
            (self.per_day, tr("Dashboard", "Day (station time)"), tr("Dashboard", "Flagged cases")),
            (self.decision_mix, tr("Dashboard", "Decision"), tr("Dashboard", "Cases")),
            (self.class_mix, tr("Dashboard", "Predicted class"), tr("Dashboard", "Cases")),
            (self.boxes, tr("Dashboard", "Predicted class"), tr("Dashboard", "Top probability")),
        ):
            plot.setLabel("bottom", bottom)
            plot.setLabel("left", left)
            for side in ("bottom", "left"):  # counts and probabilities: no "(x0.001)" scale in the title
                plot.getAxis(side).enableAutoSIPrefix(False)
        self.confirmed_plot = pg.PlotWidget(
            title=tr("Dashboard", "On confirmed cases: PPV and mpox recall of flags, per week"),
            axisItems={"bottom": pg.DateAxisItem()},
        )
        self.confirmed_plot.setLabel("bottom", tr("Dashboard", "Week (station time)"))
        self.confirmed_plot.setLabel("left", tr("Dashboard", "Share"))
        self.confirmed_plot.addLegend()
        self.ppv_label = QLabel()
        self.ppv_label.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(self.per_hour, 0, 0)
        grid.addWidget(self.per_day, 0, 1)
        grid.addWidget(self.decision_mix, 1, 0)
        grid.addWidget(self.class_mix, 1, 1)
        grid.addWidget(self.boxes, 2, 0)
        grid.addWidget(self.confirmed_plot, 2, 1)
        grid.addWidget(self.ppv_label, 3, 0, 1, 2)

    def refresh(self, flt: CaseFilter | None = None) -> None:
        self.data = data = dashboard_data(self.db, flt or CaseFilter())
        epochs = np.asarray(data.captured_epoch, dtype=np.float64)
        decisions = np.asarray(data.decisions)  # the stored strings ("flag", "review", "clear")
        is_flag = decisions == Decision.FLAG.value
        for plot, seconds in ((self.per_hour, 3600), (self.per_day, 86400)):
            plot.clear()
            x, counts = per_bin(epochs[is_flag] if epochs.size else epochs, seconds)
            if x.size:
                plot.addItem(
                    pg.BarGraphItem(
                        x=x + seconds / 2,
                        height=counts,
                        width=seconds * 0.8,
                        brush=CHART_COLOURS[Decision.FLAG],
                    )
                )
        clear_total = sum(n for _, n in data.clear_counts)
        shown = (Decision.FLAG, Decision.REVIEW, Decision.CLEAR)
        counts = [int(np.sum(decisions == d.value)) for d in shown]
        counts[2] += clear_total  # CLEAR results are counted per hour, mostly without a stored case
        self._bars(
            self.decision_mix,
            [decision_text(d.value) for d in shown],
            counts,
            [CHART_COLOURS[d] for d in shown],
        )
        classes = [c for c in CLASSES if c in set(data.top_classes)] + sorted(
            set(data.top_classes) - set(CLASSES)
        )
        class_counts = [data.top_classes.count(c) for c in classes]
        self._bars(self.class_mix, [class_text(c) for c in classes], class_counts, ["#1e88e5"] * len(classes))
        self._box_plot(classes, np.asarray(data.top_classes), np.asarray(data.top_probabilities, dtype=float))
        self.ppv_label.setText(self._ppv_text(data) + " " + self._confirmed(data.confirmed))

    def _confirmed(self, confirmed: list[tuple[float, bool, bool]]) -> str:
        """PPV (mpox among flagged) and recall (flagged among mpox) on the cases with a confirmed label, per
        week on the plot, overall in words."""
        plot = self.confirmed_plot
        plot.clear()
        if not confirmed:
            return tr("Dashboard", "On confirmed cases: no confirmed labels recorded yet.")
        rows = np.array(confirmed, dtype=np.float64)
        week = (rows[:, 0] // WEEK).astype(np.int64)
        for column, colour, name in (
            (0, "#1e88e5", tr("Dashboard", "PPV")),
            (1, "#e53935", tr("Dashboard", "mpox recall")),
        ):
            x, y = [], []
            for w in np.unique(week):
                sel = week == w
                flagged, mpox = rows[sel, 1] > 0, rows[sel, 2] > 0
                base = flagged if column == 0 else mpox
                if base.any():
                    x.append(w * WEEK + WEEK / 2)
                    y.append(float((flagged & mpox).sum() / base.sum()))
            if x:
                plot.plot(x, y, pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=6, name=name)
        plot.setYRange(0, 1)
        plot.setXRange((week.min() - 1) * WEEK, (week.max() + 2) * WEEK)  # a lone week still reads as a date
        flagged, mpox = rows[:, 1] > 0, rows[:, 2] > 0
        both = int((flagged & mpox).sum())
        ppv = f"{both / flagged.sum():.0%}" if flagged.any() else "-"
        recall = f"{both / mpox.sum():.0%}" if mpox.any() else "-"
        return tr(
            "Dashboard",
            "On {n} confirmed cases: PPV of flags {ppv} ({both} mpox of {flagged} flagged), mpox recall "
            "{recall} ({both} flagged of {mpox} mpox; logged cases only).",
        ).format(
            n=len(rows), ppv=ppv, recall=recall, both=both, flagged=int(flagged.sum()), mpox=int(mpox.sum())
        )

    @staticmethod
    def _ppv_text(data: DashboardData) -> str:
        if data.ppv is None:
            return tr("Dashboard", "Positive predictive value of flags: no PCR outcomes recorded yet.")
        return tr(
            "Dashboard",
            "Positive predictive value of flags: {ppv} ({positive} PCR positive of {flagged} "
            "flagged cases with an outcome).",
        ).format(ppv=f"{data.ppv:.1%}", positive=data.flagged_positive, flagged=data.flagged_with_outcome)

    @staticmethod
    def _bars(plot: pg.PlotWidget, labels: list[str], counts: list[int], colours: list[str]) -> None:
        plot.clear()
        x = np.arange(len(labels))
        if len(labels):
            plot.addItem(pg.BarGraphItem(x=x, height=counts, width=0.7, brushes=colours))
        plot.getAxis("bottom").setTicks([list(zip(x.tolist(), labels, strict=True))])

    def _box_plot(self, classes: list[str], top: np.ndarray, probs: np.ndarray) -> None:
        plot = self.boxes
        plot.clear()
        plot.setYRange(0, 1)
        self.box_values: dict[str, tuple[float, ...]] = {}
        for i, cls in enumerate(classes):
            values = probs[top == cls]
            if values.size == 0:
                continue
            low, q1, med, q3, high = stats = box_stats(values)
            self.box_values[cls] = stats
            plot.addItem(
                pg.BarGraphItem(
                    x=[i], y0=[q1], height=[max(q3 - q1, 1e-3)], width=0.5, brush="#90caf9", pen="#0d47a1"
                )
            )
            lines = np.array(
                [
                    [i - 0.25, med],
                    [i + 0.25, med],
                    [i, q3],
                    [i, high],
                    [i, q1],
                    [i, low],
                    [i - 0.12, high],
                    [i + 0.12, high],
                    [i - 0.12, low],
                    [i + 0.12, low],
                ]
            )
            plot.plot(lines[:, 0], lines[:, 1], connect="pairs", pen=pg.mkPen("#0d47a1", width=2))
        plot.getAxis("bottom").setTicks([[(i, class_text(c)) for i, c in enumerate(classes)]])
