"""The case list as a QAbstractTableModel: pages fetched lazily, sorted and filtered in the database.

Counting and reading the pages run in a thread of their own (``CaseListLoader``): a shared PostgreSQL database
far away, slow or down never freezes the admin's window; the model shows the newest answer it asked for
(``loading`` while one is on its way, ``error`` when the store refused) and ``listed`` says when it changed.

The first column is a small thumbnail of the case's picture. Pictures are encrypted at rest: a thumbnail is
decrypted only when the view asks for it (a visible row), in a thread of its own (``ThumbnailLoader``:
reading, decrypting and scaling a picture never holds up the GUI thread, which only turns the small result
into a pixmap), scaled down to ``THUMB_PX`` and kept in memory only (a bounded cache; never written to disk).
A case whose images were purged (retention) or cannot be read shows a placeholder.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import OrderedDict
from dataclasses import dataclass

import cv2
import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPixmap

from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from kiosk.store.queries import SORT_KEYS, CaseFilter, count_cases, list_cases
from kiosk.store.records import CaseSummary
from kiosk.ui.i18n import QT_TRANSLATE_NOOP, tr
from kiosk.ui.review.wording import decision_text, short_name, status_text
from kiosk.ui.widgets import local_time, to_qimage

COLUMNS = [
    ("thumbnail", QT_TRANSLATE_NOOP("CaseTable", "Image")),
    ("captured_utc", QT_TRANSLATE_NOOP("CaseTable", "Time")),  # the station's local time, date over time
    ("station_id", QT_TRANSLATE_NOOP("CaseTable", "Station")),
    ("operator", QT_TRANSLATE_NOOP("CaseTable", "Operator")),
    ("decision", QT_TRANSLATE_NOOP("CaseTable", "Decision")),
    ("top_class", QT_TRANSLATE_NOOP("CaseTable", "Predicted")),
    ("top_probability", QT_TRANSLATE_NOOP("CaseTable", "Probability")),
    ("p_mpox", QT_TRANSLATE_NOOP("CaseTable", "p(mpox)")),
    ("review_status", QT_TRANSLATE_NOOP("CaseTable", "Review")),
    ("id", QT_TRANSLATE_NOOP("CaseTable", "Case id")),  # its first CASE_ID_CHARS characters
    ("traveller_ref", QT_TRANSLATE_NOOP("CaseTable", "Traveller ref.")),
]  # the headers are translated when shown (headerData)
STRETCH_COLUMN = len(COLUMNS) - 1  # the traveller reference takes the width the others leave
PAGE = 200
THUMB_PX = 64
THUMB_CACHE = 600  # thumbnails kept in memory (about 12 kB each)
log = logging.getLogger(__name__)
CASE_ID_CHARS = 8

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def placeholder_pixmap(text: str, size: int = THUMB_PX) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("#37474f"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#cfd8dc"))
    font = painter.font()
    font.setPixelSize(max(9, size // 6))
    painter.setFont(font)
    painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
    painter.end()
    return pixmap


def thumbnail_rgb(media, case: CaseSummary) -> np.ndarray | None:
    """The case's picture decrypted and scaled down to THUMB_PX (None: deleted, altered or unreadable)."""
    if not case.image_path:
        return None
    try:
        rgb = media.load(case.image_path, case.image_sha256)
    except StoreError:
        return None
    h, w = rgb.shape[:2]
    scale = THUMB_PX / max(h, w)
    if scale < 1:
        rgb = cv2.resize(
            rgb, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA
        )
    return np.ascontiguousarray(rgb)  # the decrypted full picture is not kept


class _QueueThread(QObject):
    """A daemon thread that answers the requests put in its queue one at a time (``_answer``) and hands
    the answers to the GUI thread with queued signals; it ends on ``stop`` or once its receiver is gone."""

    def __init__(self, name: str, requests: queue.Queue, parent: QObject | None = None):
        super().__init__(parent)
        self._queue = requests
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._queue.put(None)

    @property
    def stop_request(self):
        """A callable that ends the thread, usable after this object is gone."""
        return lambda q=self._queue: q.put(None)

    def _run(self) -> None:
        while (request := self._queue.get()) is not None:
            try:
                self._answer(request)
            except RuntimeError:  # the model went away with the window: nothing left to show it in
                return

    def _answer(self, request) -> None:
        raise NotImplementedError


class ThumbnailLoader(_QueueThread):
    """Decrypts thumbnails in its own thread, newest request first (the rows on screen now), and hands each
    small RGB array back to the GUI thread with ``loaded`` (a queued signal)."""

    loaded = Signal(str, object)  # case id, RGB uint8 array or None

    def __init__(self, media, parent: QObject | None = None):
        self.media = media
        super().__init__("mpox-thumbnails", queue.LifoQueue(), parent)

    def ask(self, case: CaseSummary) -> None:
        self._queue.put(case)

    def _answer(self, case: CaseSummary) -> None:
        try:
            rgb = thumbnail_rgb(self.media, case)
        except Exception:  # noqa: BLE001 - one unreadable picture never stops the others
            log.exception("thumbnail of case %s", case.id)
            return
        self.loaded.emit(case.id, rgb)


@dataclass(frozen=True)
class ListRequest:
    generation: int  # the model's list: an answer for an older one is dropped
    flt: CaseFilter
    sort_key: str
    descending: bool
    after: CaseSummary | None = None  # None: count, then the first page; else the page after this row


class CaseListLoader(_QueueThread):
    """Counts the matching cases and reads pages of them in its own thread, in the order asked, skipping the
    requests an answer would come too late for; hands each answer to the GUI thread with ``loaded``."""

    # generation, total (None for a next page), rows, the store's refusal (None when it answered)
    loaded = Signal(int, object, object, object)

    def __init__(self, db: Database, parent: QObject | None = None):
        self.db = db
        self._newest = 0
        super().__init__("mpox-case-list", queue.Queue(), parent)

    def ask(self, request: ListRequest) -> None:
        self._newest = max(self._newest, request.generation)
        self._queue.put(request)

    def _answer(self, request: ListRequest) -> None:
        if request.generation < self._newest:  # the filter or order changed since: nobody waits for it
            return
        total, rows, error = None, [], None
        try:
            if request.after is None:
                total = count_cases(self.db, request.flt)
            rows = list_cases(
                self.db, request.flt, request.sort_key, request.descending, limit=PAGE, after=request.after
            )
        except StoreError as exc:
            error = exc
        except Exception as exc:  # noqa: BLE001 - the database's own error: said, never a dead thread
            log.exception("reading the case list")
            error = exc
        self.loaded.emit(request.generation, total, rows, error)


class CaseTableModel(QAbstractTableModel):
    listed = Signal()  # the list, its count, ``loading`` or ``error`` changed

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.filter = CaseFilter()
        self.sort_key = "captured_utc"
        self.descending = True
        self.rows: list[CaseSummary] = []
        self.total = 0
        self.generation = 0  # bumped by every refresh: the list the model shows
        self.loading = False  # an answer for this list is on its way
        self.error: BaseException | None = None  # the store refused the last request
        self.lister = CaseListLoader(db, self)
        self.lister.loaded.connect(self._listed)
        stop_lister = self.lister.stop_request
        self.destroyed.connect(lambda *_: stop_lister())
        self.thumbs: OrderedDict[str, QPixmap | None] = OrderedDict()  # case id -> thumbnail (None: no image)
        self._asked: set[str] = set()  # case ids whose thumbnail the loader is decrypting
        self.loader = ThumbnailLoader(db.media, self)
        self.loader.loaded.connect(self._thumbnail_loaded)
        stop = self.loader.stop_request  # not a method of an object being destroyed: its queue
        self.destroyed.connect(lambda *_: stop())
        self.placeholders = {
            "purged": placeholder_pixmap(tr("CaseTable", "images purged")),
            "missing": placeholder_pixmap(tr("CaseTable", "no image")),
            "loading": placeholder_pixmap("…"),
        }
        self.refresh()

    # -- data source -----------------------------------------------------------------------------
    def set_filter(self, flt: CaseFilter) -> None:
        self.filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Ask for the count and the first page of the list as filtered and sorted now; the rows on screen
        stay until the answer comes (``listed``)."""
        self.generation += 1
        self.loading = True
        self.lister.ask(ListRequest(self.generation, self.filter, self.sort_key, self.descending))
        self.listed.emit()

    def _listed(self, generation: int, total: int | None, rows: list[CaseSummary], error) -> None:
        """In the GUI thread: the loader's answer becomes the list (a first page) or extends it (a next
        one); a refusal leaves the rows as they were, with ``error`` set."""
        if generation != self.generation:
            return
        self.loading, self.error = False, error
        if error is not None:
            log.warning("the case list could not be read: %s", error)
        elif total is not None:
            self.beginResetModel()
            self.total, self.rows = total, list(rows)
            self.endResetModel()
        elif not rows:  # fewer cases than counted (some were deleted meanwhile)
            self.total = len(self.rows)
        else:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.listed.emit()

    def canFetchMore(self, parent: Index = _ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and not self.loading and len(self.rows) < self.total

    def fetchMore(self, parent: Index = _ROOT) -> None:  # noqa: N802
        if parent.isValid() or self.loading or not self.rows:
            return
        self.loading = True
        self.lister.ask(
            ListRequest(self.generation, self.filter, self.sort_key, self.descending, after=self.rows[-1])
        )
        self.listed.emit()

    def case_at(self, row: int) -> CaseSummary:
        return self.rows[row]

    # -- thumbnails ------------------------------------------------------------------------------
    def thumbnail_state(self, case: CaseSummary) -> str:
        """ "image" (decrypted, cached), "loading" (asked for), "purged" or "missing"."""
        if not case.has_images:
            return "purged"
        if case.id not in self.thumbs:
            return "loading"
        return "image" if self.thumbs[case.id] is not None else "missing"

    def _thumbnail_loaded(self, case_id: str, rgb: np.ndarray | None) -> None:
        """In the GUI thread: the loader's small picture becomes the cached pixmap, and its row repaints."""
        self._asked.discard(case_id)
        self.thumbs[case_id] = None if rgb is None else QPixmap.fromImage(to_qimage(rgb))
        self.thumbs.move_to_end(case_id)
        while len(self.thumbs) > THUMB_CACHE:
            self.thumbs.popitem(last=False)
        for row, case in enumerate(self.rows):
            if case.id == case_id:
                self.dataChanged.emit(
                    self.index(row, 0), self.index(row, 0), [Qt.ItemDataRole.DecorationRole]
                )

    def _decoration(self, case: CaseSummary) -> QPixmap:
        state = self.thumbnail_state(case)
        if state == "image":
            self.thumbs.move_to_end(case.id)
            return self.thumbs[case.id]
        if state == "loading" and case.id not in self._asked:  # asked for by the view: a visible row
            self._asked.add(case.id)
            self.loader.ask(case)
        return self.placeholders[state]

    # -- Qt model --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr("CaseTable", COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][0] == "p_mpox":
            return tr(
                "CaseTable",
                "The model's probability of mpox: a case is flagged when it reaches the flag threshold",
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        case = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.UserRole:
            return case.id
        if key == "thumbnail":
            if role == Qt.ItemDataRole.DecorationRole:
                return self._decoration(case)
            if role == Qt.ItemDataRole.SizeHintRole:
                return QSize(THUMB_PX + 8, THUMB_PX + 4)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and key in ("id", "traveller_ref"):
            return getattr(case, key) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("top_probability", "p_mpox"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        value = getattr(case, key)
        if key == "captured_utc":
            return local_time(value, "%Y-%m-%d\n%H:%M")  # two lines in the thumbnail's height
        if key == "top_probability":
            return f"{value:.1%}"
        if key == "p_mpox":
            return "–" if value is None else f"{value:.1%}"
        if key == "top_class":
            return short_name(value)
        if key == "decision":
            return decision_text(value)
        if key == "review_status":  # "Confirmed" over "PCR positive"
            return status_text(value, case.outcome).replace(" · ", "\n")
        if key == "id":
            return value[:CASE_ID_CHARS]
        return value

    def sortable(self, column: int) -> bool:
        return COLUMNS[column][0] in SORT_KEYS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.sortable(column):  # the thumbnail, p(mpox) (inside a JSON column), the case id
            return
        self.sort_key = COLUMNS[column][0]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()
