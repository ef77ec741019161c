"""Export of selected cases: CSV for spreadsheets, a printable PDF report (Qt, no extra dependency).

Files are written 0600 (they hold traveller references and pictures), into the folder the reviewer chose;
the PDF carries the export time and "page N of M" on every page. Every export is audited with the number of
cases and the file written."""

from __future__ import annotations

import csv
import html
import logging
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from kiosk.store import audit
from kiosk.store.accounts import UserSession, require_reviewer
from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from kiosk.store.fsperm import create_private_file, private_file
from kiosk.store.queries import CaseDetail, get_case
from kiosk.ui.i18n import tr
from kiosk.ui.review.wording import (
    consent_text,
    headline,
    history_action,
    label_text,
    outcome_text,
    quality_lines,
    reason_text,
    short_name,
    status_text,
    store_error_lines,
    threshold_lines,
)
from kiosk.ui.widgets import local_time, to_qimage

log = logging.getLogger(__name__)

CSV_FIELDS = [
    "case_id",
    "captured_utc",
    "station_id",
    "operator",
    "decision",
    "top_class",
    "top_probability",
    "p_mpox",
    "review_status",
    "outcome",
    "traveller_ref",
    "model_name",
    "model_sha256",
    "probabilities",
    "quality",
    "reason_code",
    "open_set_score",
    "consent_given",
    "consent_training",
    "review_notes",
    "confirmed_label",
    "confirmed_detail",
]
PDF_DPI = 150
FOOTER_PT = 8


def export_name(kind: str, when: datetime | None = None) -> str:
    """``cases-20261104-153012.pdf``: the export's local time in its name."""
    return f"cases-{(when or datetime.now(UTC)).astimezone():%Y%m%d-%H%M%S}.{kind}"


def free_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name`` with -2, -3 ... when that file exists (an export never overwrites)."""
    path = Path(folder) / name
    n = 2
    while path.exists():
        path = Path(folder) / f"{Path(name).stem}-{n}{Path(name).suffix}"
        n += 1
    return path


def _details(db: Database, ids: list[str]) -> list[CaseDetail]:
    with db.session() as s:
        found = [get_case(s, cid, db.references.reveal) for cid in ids]
    return [d for d in found if d is not None]


def _safe_cell(value: str) -> str:
    # a traveller reference starting with = + - @ would run as a formula in a spreadsheet
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class ExportFailed(StoreError):
    """The export file could not be written; the message is already in the station's language."""


def _yes_no(value: bool | None) -> str:
    """A recorded answer in the CSV: yes / no, empty when it was not asked."""
    return "" if value is None else ("yes" if value else "no")


def _cannot_write(path: Path, exc: OSError) -> ExportFailed:
    return ExportFailed(
        tr("Export", "cannot write the export {path}: {error}; choose another folder").format(
            path=path, error=exc.strerror or exc
        )
    )


def _private(path: Path) -> None:
    """The export file exists and is 0600 before anything is written into it."""
    try:
        create_private_file(path)
        private_file(path)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc


def export_csv(db: Database, user: UserSession, ids: list[str], path: Path) -> int:
    require_reviewer(user, "export cases")
    details = _details(db, ids)
    _private(Path(path))
    try:
        with open(path, "w", newline="", encoding="utf-8") as f:
            out = csv.writer(f)
            out.writerow(CSV_FIELDS)
            for d in details:
                c = d.summary
                out.writerow(
                    [
                        c.id,
                        c.captured_utc.isoformat(),
                        c.station_id,
                        _safe_cell(c.operator),
                        c.decision,
                        c.top_class,
                        f"{c.top_probability:.4f}",
                        "" if c.p_mpox is None else f"{c.p_mpox:.4f}",
                        c.review_status,
                        c.outcome or "",
                        _safe_cell(c.traveller_ref),
                        c.model_name,
                        d.model_sha256,
                        ";".join(f"{k}={v:.4f}" for k, v in d.probabilities.items()),
                        ";".join(f"{k}={v:.4g}" for k, v in d.quality.items()),
                        d.reason_code,
                        "" if d.open_set_score is None else f"{d.open_set_score:.4f}",
                        _yes_no(d.consent_given),
                        _yes_no(d.consent_training),
                        _safe_cell(" | ".join(f"{who}: {note}" for _, who, _, _, note in d.history if note)),
                        d.confirmed_label or "",
                        _safe_cell(d.confirmed_detail or ""),
                    ]
                )
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    audit.record(db, user.username, "export_csv", str(path), {"cases": len(details), "ids": ids[:1000]})
    return len(details)


def _png_data_uri(rgb) -> str:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    to_qimage(rgb).save(buf, "PNG")
    return "data:image/png;base64," + bytes(data.toBase64()).decode()


def case_html(d: CaseDetail) -> str:
    """The facts of one case in a reviewer's words (shared by the case dialog and the PDF report)."""
    c, e = d.summary, html.escape
    head, action = headline(c.decision, d.reason_code, c.top_class)
    mpox = "" if c.p_mpox is None else f" · p(mpox) {c.p_mpox:.1%}"
    open_set = (
        ""
        if d.open_set_score is None
        else " · " + e(tr("Export", "open-set score {score}").format(score=f"{d.open_set_score:.2f}"))
    )
    purged = (
        "<br>"
        + e(
            tr("Export", "Images purged {date} (retention)").format(
                date=local_time(d.images_purged_utc, "%Y-%m-%d")
            )
        )
        if d.images_purged_utc
        else ""
    )
    reason = reason_text(d.reason_code)
    why = " · " + e(tr("Export", "why: {reason}").format(reason=reason)) if reason else ""
    predicted = tr("Export", "Predicted {cls} {p}").format(
        cls=short_name(c.top_class), p=f"{c.top_probability:.1%}"
    )
    review = e(tr("Export", "Review: {status}")).replace(
        "{status}", f"<b>{e(status_text(c.review_status, c.outcome))}</b>"
    )
    if d.confirmed_label:
        review += " · " + e(tr("Export", "Confirmed: {label}")).replace(
            "{label}", f"<b>{e(label_text(d.confirmed_label, d.confirmed_detail))}</b>"
        )
    identity = tr(
        "Export", "Case {case_id} · {time} · station {station} · operator {operator} · traveller ref. {ref}"
    ).format(
        case_id=c.id,
        time=local_time(c.captured_utc, "%Y-%m-%d %H:%M:%S"),
        station=c.station_id,
        operator=c.operator or "-",
        ref=c.traveller_ref or "-",
    )
    model = tr("Export", "Model {name} ({sha})").format(name=c.model_name, sha=d.model_sha256[:12])
    thresholds = tr("Export", "Thresholds: {lines}").format(
        lines="; ".join(threshold_lines(d.thresholds)) or "-"
    )
    quality = tr("Export", "Picture quality: {lines}").format(
        lines="; ".join(quality_lines(d.quality)) or "-"
    )
    consent = consent_text(d.consent_notice_version, d.consent_language, d.consent_given, d.consent_training)
    return (
        f"<b>{e(head)}</b>{' · ' + e(action) if action else ''}<br>"
        f"{e(predicted)}{mpox}{why}{open_set}<br>"
        f"{review}<br>"
        f"{e(identity)}<br>"
        f"{e(model)}<br>"
        f"{e(thresholds)}<br>"
        f"{e(quality)}{purged}<br>"
        f"{e(consent)}"
    )


def _history_value(action: str, value: str | None) -> str:
    """The value of a change in the history: a label's name for "label", else the PCR outcome's."""
    if not value:
        return ""
    return " " + (label_text(value) if action == "label" else outcome_text(value))


def history_lines(d: CaseDetail) -> list[str]:
    return [
        f"{local_time(when)} {who}: {history_action(action)}{_history_value(action, outcome)}"
        f"{' — ' + note if note else ''}"
        for when, who, action, outcome, note in d.history
    ]


def report_html(
    db: Database,
    details: list[CaseDetail],
    user: UserSession,
    with_images: bool = True,
    exported: datetime | None = None,
) -> str:
    exported = exported or datetime.now(UTC)
    parts = [
        "<h1>"
        + html.escape(tr("Export", "Mpox screening: case report"))
        + "</h1><p>"
        + html.escape(
            tr(
                "Export",
                "{n} case(s), exported {time} (station time) by {user}. A screening aid, not a diagnosis.",
            ).format(n=len(details), time=local_time(exported, "%Y-%m-%d %H:%M:%S"), user=user.username)
        )
        + "</p>"
    ]
    for d in details:
        probs = "".join(
            f"<tr><td>{html.escape(short_name(k))}</td><td align='right'>{v:.1%}</td></tr>"
            for k, v in sorted(d.probabilities.items(), key=lambda kv: -kv[1])
        )
        images = ""
        if with_images and d.image_path:
            try:
                images = (
                    f'<p><img src="{_png_data_uri(db.media.load(d.image_path, d.image_sha256))}" width="240">'
                )
                if d.heatmap_path:
                    heat = db.media.load(d.heatmap_path, d.heatmap_sha256)
                    images += f' <img src="{_png_data_uri(heat)}" width="240">'
                images += "</p>"
            except StoreError as exc:  # the reviewer's line in the report; the store's words in the log
                log.warning("export: case %s: %s", d.summary.id, exc)
                images = f"<p><i>{html.escape(store_error_lines(exc)[0])}</i></p>"
        not_reviewed = html.escape(tr("Export", "not reviewed"))
        history = "".join(f"<li>{html.escape(line)}</li>" for line in history_lines(d)) or (
            f"<li>{not_reviewed}</li>"
        )
        title = html.escape(tr("Export", "Case {case_id}").format(case_id=d.summary.id[:8]))
        history_title = html.escape(tr("Export", "History:"))
        parts.append(
            f"<h2>{title}</h2><p>{case_html(d)}</p>{images}"
            f"<table border='1' cellpadding='3'>{probs}</table><p>{history_title}</p><ul>{history}</ul>"
        )
    return "".join(parts)


def _not_written(path: Path) -> str:
    return tr("Export", "cannot write the PDF report {path}; check the folder is writable").format(path=path)


def _write_pdf(doc: QTextDocument, path: Path, footer: str) -> None:
    """Paginate ``doc`` onto A4 pages with ``footer`` and "page N of M" at the foot of each."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(PDF_DPI)
    doc.documentLayout().setPaintDevice(writer)  # lay the text out at the PDF's resolution
    width, height = writer.width(), writer.height()
    footer_h = round(FOOTER_PT / 72 * PDF_DPI * 2.2)
    body_h = height - footer_h
    doc.setPageSize(QSizeF(width, body_h))
    pages = max(1, doc.pageCount())
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportFailed(_not_written(path))
    page_text = tr("Export", "page {page} of {pages}")
    font = QFont(doc.defaultFont())
    font.setPointSizeF(FOOTER_PT)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * body_h)
            doc.drawContents(painter, QRectF(0, page * body_h, width, body_h))
            painter.restore()
            painter.setFont(font)
            foot = QRectF(0, body_h, width, footer_h)
            painter.drawLine(0, body_h + footer_h // 4, width, body_h + footer_h // 4)
            bottom = Qt.AlignmentFlag.AlignBottom
            painter.drawText(foot, int(Qt.AlignmentFlag.AlignLeft | bottom), footer)
            painter.drawText(
                foot, int(Qt.AlignmentFlag.AlignRight | bottom), page_text.format(page=page + 1, pages=pages)
            )
    finally:
        painter.end()
        doc.documentLayout().setPaintDevice(None)  # the writer goes away now
    del writer  # finishes the file


def export_pdf(db: Database, user: UserSession, ids: list[str], path: Path) -> int:
    require_reviewer(user, "export cases")
    details = _details(db, ids)
    exported = datetime.now(UTC)
    doc = QTextDocument()
    doc.setHtml(report_html(db, details, user, exported=exported))
    _private(Path(path))
    footer = tr("Export", "Mpox screening case report · exported {time} by {user} · confidential").format(
        time=local_time(exported, "%Y-%m-%d %H:%M:%S"), user=user.username
    )
    _write_pdf(doc, Path(path), footer)
    private_file(Path(path))
    if not Path(path).is_file() or Path(path).stat().st_size == 0:
        raise ExportFailed(_not_written(path))
    audit.record(db, user.username, "export_pdf", str(path), {"cases": len(details), "ids": ids[:1000]})
    return len(details)
