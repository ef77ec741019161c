"""The case list as a QAbstractTableModel: pages fetched lazily, sorted and filtered in the database."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kiosk.store.database import Database
from kiosk.store.queries import CaseFilter, count_cases, list_cases
from kiosk.store.records import CaseSummary
from kiosk.ui.widgets import local_time
from models.taxonomy import display_name

COLUMNS = [
    ("captured_utc", "Time"),  # shown in the station's local time
    ("station_id", "Station"),
    ("operator", "Operator"),
    ("decision", "Decision"),
    ("top_class", "Predicted"),
    ("top_probability", "Probability"),
    ("review_status", "Review"),
    ("traveller_ref", "Traveller ref."),
]
PAGE = 200

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class CaseTableModel(QAbstractTableModel):
    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.filter = CaseFilter()
        self.sort_key = "captured_utc"
        self.descending = True
        self.rows: list[CaseSummary] = []
        self.total = 0
        self.refresh()

    # -- data source -----------------------------------------------------------------------------
    def set_filter(self, flt: CaseFilter) -> None:
        self.filter = flt
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.total = count_cases(self.db, self.filter)
        self.rows = list_cases(self.db, self.filter, self.sort_key, self.descending, 0, PAGE)
        self.endResetModel()

    def canFetchMore(self, parent: Index = _ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = _ROOT) -> None:  # noqa: N802
        if parent.isValid():
            return
        more = list_cases(self.db, self.filter, self.sort_key, self.descending, len(self.rows), PAGE)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def case_at(self, row: int) -> CaseSummary:
        return self.rows[row]

    # -- Qt model --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
            return None
        case = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        value = getattr(case, key)
        if role == Qt.ItemDataRole.UserRole:
            return case.id
        if key == "captured_utc":
            return local_time(value, "%Y-%m-%d %H:%M:%S")
        if key == "top_probability":
            return f"{value:.1%}"
        if key == "top_class":
            return display_name(value)
        if key == "decision":
            return value.upper()
        if key == "review_status" and case.outcome:
            return f"{value} ({case.outcome.replace('_', ' ')})"
        return value

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = COLUMNS[column][0]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()
