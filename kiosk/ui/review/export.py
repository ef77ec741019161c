"""Export of selected cases: CSV for spreadsheets, a printable PDF report (Qt, no extra dependency).
Every export is audited with the number of cases and the file written."""

from __future__ import annotations

import csv
import html
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from kiosk.store import audit
from kiosk.store.accounts import UserSession, require_reviewer
from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from kiosk.store.queries import CaseDetail, get_case
from kiosk.ui.widgets import to_qimage
from models.taxonomy import display_name

CSV_FIELDS = [
    "case_id",
    "captured_utc",
    "station_id",
    "operator",
    "decision",
    "top_class",
    "top_probability",
    "review_status",
    "outcome",
    "traveller_ref",
    "model_name",
    "model_sha256",
    "probabilities",
    "quality",
]


def _details(db: Database, ids: list[str]) -> list[CaseDetail]:
    with db.session() as s:
        found = [get_case(s, cid) for cid in ids]
    return [d for d in found if d is not None]


def _safe_cell(value: str) -> str:
    # a traveller reference starting with = + - @ would run as a formula in a spreadsheet
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def export_csv(db: Database, user: UserSession, ids: list[str], path: Path) -> int:
    require_reviewer(user, "export cases")
    details = _details(db, ids)
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
                        c.review_status,
                        c.outcome or "",
                        _safe_cell(c.traveller_ref),
                        c.model_name,
                        d.model_sha256,
                        ";".join(f"{k}={v:.4f}" for k, v in d.probabilities.items()),
                        ";".join(f"{k}={v:.4g}" for k, v in d.quality.items()),
                    ]
                )
    except OSError as exc:
        raise StoreError(f"cannot write the export {path}: {exc.strerror}; choose another folder") from exc
    audit.record(db, user.username, "export_csv", str(path), {"cases": len(details), "ids": ids[:1000]})
    return len(details)


def _png_data_uri(rgb) -> str:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    to_qimage(rgb).save(buf, "PNG")
    return "data:image/png;base64," + bytes(data.toBase64()).decode()


def report_html(db: Database, details: list[CaseDetail], user: UserSession, with_images: bool = True) -> str:
    parts = [
        f"<h1>Mpox screening: case report</h1><p>{len(details)} case(s), exported by "
        f"{html.escape(user.username)}. A screening aid, not a diagnosis.</p>"
    ]
    for d in details:
        c = d.summary
        probs = "".join(
            f"<tr><td>{html.escape(display_name(k))}</td><td>{v:.1%}</td></tr>"
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
            except StoreError as exc:
                images = f"<p><i>{html.escape(str(exc))}</i></p>"
        history = "".join(
            f"<li>{when:%Y-%m-%d %H:%M} {html.escape(who)}: {html.escape(action)}"
            f"{' ' + html.escape(outcome) if outcome else ''} {html.escape(note)}</li>"
            for when, who, action, outcome, note in d.history
        )
        parts.append(
            f"<h2>{c.decision.upper()} · {html.escape(display_name(c.top_class))} "
            f"{c.top_probability:.1%}</h2>"
            f"<p>Case {c.id}<br>{c.captured_utc:%Y-%m-%d %H:%M:%S} UTC, "
            f"station {html.escape(c.station_id)}, operator {html.escape(c.operator)}<br>"
            f"Traveller reference: {html.escape(c.traveller_ref) or '-'}"
            f"<br>Model {html.escape(c.model_name)} ({d.model_sha256[:12]})<br>Review: {c.review_status}"
            f"{' · ' + c.outcome if c.outcome else ''}</p>{images}"
            f"<table border='1' cellpadding='3'>{probs}</table><ul>{history}</ul>"
        )
    return "".join(parts)


def export_pdf(db: Database, user: UserSession, ids: list[str], path: Path) -> int:
    require_reviewer(user, "export cases")
    details = _details(db, ids)
    doc = QTextDocument()
    doc.setHtml(report_html(db, details, user))
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(150)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)
    del writer  # finishes the file
    if not Path(path).is_file() or Path(path).stat().st_size == 0:
        raise StoreError(f"cannot write the PDF report {path}; check the folder is writable")
    audit.record(db, user.username, "export_pdf", str(path), {"cases": len(details), "ids": ids[:1000]})
    return len(details)
