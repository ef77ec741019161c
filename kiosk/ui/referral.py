"""The referral slip: one page (A5, or A4) for the secondary-screening desk after a FLAG or a REVIEW.

It carries the case id (printed, and as a QR code drawn as vector squares: no image), the station, the
result's time, the decision and what to do in the banner's own words (kiosk/ui/style.py ``banner_lines``), the
reason in plain words, the top-3 classes, the desk's instructions and the station's "not a diagnosis" note.
The traveller's picture and its heatmap are left off unless ``[referral] include_images = true``: the slip
leaves the station.

One painting function draws the page on any Qt paint device: a PDF (``QPdfWriter``), a printer (``QPrinter``)
or an image (tests and the screenshot in docs/kiosk.md), so all three show the same slip. The layout is drawn
in A5 millimetres and scaled to the device: an A4 slip is the same page, larger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import segno
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from kiosk.config import ReferralConfig
from kiosk.store.fsperm import create_private_file, private_dir, private_file
from models.decision import Decision, ReasonCode
from models.errors import MpoxError
from models.heatmap import blend_heatmap

from ..station import NOTE
from .i18n import QT_TRANSLATE_NOOP, current_language, tr
from .style import BANNER_COLOURS, banner_lines, class_name, reason_sentence, sentence
from .widgets import local_time, to_qimage

REFERRAL_DECISIONS = (Decision.FLAG, Decision.REVIEW)
PAGE_SIZES = {"A5": QPageSize.PageSizeId.A5, "A4": QPageSize.PageSizeId.A4}
DESIGN_WIDTH_MM = 148.0  # the layout is drawn on an A5 page and scaled to the paper
MARGIN_MM = 12.0
PDF_DPI = 300
IMAGE_MAX_PX = 480  # the pictures are scaled down before they go on the slip (a few hundred kB at most)

# The slip's texts are in English here and translated when the slip is made or drawn (context
# "ReferralSlip"); the headline, the action, the class names and the reason come from the screening
# window's own translated tables (kiosk/ui/style.py).
TITLE = QT_TRANSLATE_NOOP("ReferralSlip", "Referral to secondary screening")
DESK_STEPS = (
    QT_TRANSLATE_NOOP(
        "ReferralSlip",
        "Secondary-screening desk: examine the affected skin; the clinician decides. This result is a "
        "screening aid, not a diagnosis.",
    ),
    QT_TRANSLATE_NOOP(
        "ReferralSlip",
        "The case id above (also in the QR code) is this case's name in the station's case log and in the "
        "review window's case details: quote it when you report the outcome.",
    ),
    QT_TRANSLATE_NOOP(
        "ReferralSlip",
        "This slip holds health information about the traveller: keep it with their file, never in public "
        "view, and shred it when it is no longer needed.",
    ),
)
FIRST_STEP = {
    Decision.FLAG: QT_TRANSLATE_NOOP(
        "ReferralSlip",
        "Take the traveller, with this slip, to the secondary-screening desk. Follow the site's "
        "infection-control procedure for a suspected infectious rash.",
    ),
    Decision.REVIEW: QT_TRANSLATE_NOOP(
        "ReferralSlip", "{action}; give this slip to the clinician who sees the traveller."
    ),
}


class ReferralError(MpoxError):
    """The slip could not be saved or printed; the message says what to do."""


@dataclass(frozen=True)
class ReferralSlip:
    case_id: str
    station: str
    captured_utc: datetime
    decision: Decision
    headline: str  # the banner's headline ("FLAG · suspected Mpox")
    action: str  # the banner's second line: what the officer does
    reason: str  # why, in plain words
    top3: tuple[tuple[str, float], ...]  # (display name, probability); empty when the result names no class
    explained: str  # the class the heatmap explains ("" when none)
    image: np.ndarray | None = None  # the screened picture (RGB)
    heatmap: np.ndarray | None = None  # the picture with its heatmap blended in (RGB); None without one

    @property
    def instructions(self) -> tuple[str, ...]:
        """In the station's language (English: the texts above as written)."""
        first = tr("ReferralSlip", FIRST_STEP[self.decision]).format(action=self.action)
        return (first, *(tr("ReferralSlip", step) for step in DESK_STEPS))


def can_refer(result: object, case_id: str | None) -> bool:
    """A slip is made for a FLAG or a REVIEW that was saved as a case (it has a case id)."""
    return bool(case_id) and result is not None and getattr(result, "decision", None) in REFERRAL_DECISIONS


def short_name(cls: str) -> str:
    """A class's short display name in the station's language ("Mpox", "Variole du singe"...)."""
    return class_name(cls, short=True)


def plain_reason(reason: str, classes: list[str] | tuple[str, ...]) -> str:
    """The decision's reason as a sentence, the classes named by their display names (not internal ones)."""
    names = sorted(classes, key=len, reverse=True)
    if names:
        pattern = re.compile(r"\b(" + "|".join(re.escape(c) for c in names) + r")\b")
        reason = pattern.sub(lambda m: short_name(m.group(1)), reason)
    reason = reason.strip().rstrip(".")
    return (reason[:1].upper() + reason[1:] + ".") if reason else ""


def slip_from_result(result, case_id: str, station: str, review_instruction: str = "") -> ReferralSlip:
    """The slip of a screening result (kiosk.inference.ScreeningResult) saved as case ``case_id``."""
    if not can_refer(result, case_id):
        raise ValueError("a referral slip is made only for a FLAG or a REVIEW saved as a case")
    verdict = result.verdict
    explained = verdict.explained_class if verdict is not None else None
    headline, action = banner_lines(
        result.decision, result.reason_code, short_name(explained) if explained else "", review_instruction
    )
    unknown = result.reason_code is ReasonCode.UNKNOWN_CONDITION  # the station names none of its classes
    classes = list(result.probabilities) or [c for c, _ in (verdict.ranked if verdict else [])]
    heatmap = None
    if result.heatmap is not None:
        heatmap = blend_heatmap(result.image, result.heatmap, 0.45)  # as the case log keeps it
    return ReferralSlip(
        case_id=case_id,
        station=station,
        captured_utc=result.captured_utc,
        decision=Decision(result.decision),
        headline=headline,
        action=action,
        reason=_reason(result, classes),
        top3=() if unknown else tuple((short_name(c), float(p)) for c, p in result.top3),
        explained=short_name(explained) if explained else "",
        image=result.image,
        heatmap=heatmap,
    )


def _reason(result, classes: list[str]) -> str:
    """Why, as the screening window says it (rebuilt from the verdict's numbers, in the station's language);
    the stored English reason, classes renamed, when that cannot be done."""
    try:
        text = reason_sentence(result).strip().rstrip(".")
    except (AttributeError, KeyError, TypeError, ValueError):
        return plain_reason(result.reason, classes)
    if text == result.reason.removeprefix("retake: ").strip().rstrip("."):  # the English fallback
        return plain_reason(result.reason, classes)
    stop = "。" if current_language() == "zh_CN" else "."
    return sentence(text) + stop if text else ""


def qr_matrix(case_id: str) -> tuple[bytearray, ...]:
    """The QR code of the case id, one row per line, 1 = dark module (no quiet zone): always a full QR code
    (not a Micro QR, which few scanners read), error correction M."""
    return tuple(segno.make_qr(case_id, error="m", boost_error=False).matrix)


@dataclass(frozen=True)
class SlipGeometry:
    """Where the painting put things, in device pixels (tests sample the QR code's modules)."""

    qr_rect: QRectF  # the QR symbol without its quiet zone
    qr_modules: int
    images_drawn: int


class _Page:
    """Millimetres of the A5 design -> pixels of the device."""

    def __init__(self, painter: QPainter, width_px: int):
        self.p = painter
        self.k = width_px / DESIGN_WIDTH_MM

    def r(self, x: float, y: float, w: float, h: float) -> QRectF:
        k = self.k
        return QRectF(x * k, y * k, w * k, h * k)

    def font(self, pt: float, bold: bool = False, italic: bool = False, mono: bool = False) -> QFont:
        f = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont) if mono else QFont()
        f.setPixelSize(max(1, round(pt * 25.4 / 72.0 * self.k)))
        f.setBold(bold)
        f.setItalic(italic)
        f.setFeature(
            QFont.Tag("liga"), 0
        )  # no "fi"/"fl" ligatures: the PDF's text is searched and copied as typed
        return f

    def text(
        self, x: float, y: float, w: float, s: str, pt: float, colour: str = "#000000", **style: bool
    ) -> float:
        """Draw ``s`` wrapped in a box ``w`` mm wide from (x, y); return the height used, in mm."""
        self.p.setFont(self.font(pt, **style))
        self.p.setPen(QColor(colour))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        box = self.p.boundingRect(self.r(x, y, w, 400), flags, s)
        self.p.drawText(box, flags, s)
        return box.height() / self.k


def _draw_qr(page: _Page, x: float, y: float, size: float, case_id: str) -> tuple[QRectF, int]:
    matrix = qr_matrix(case_id)
    n = len(matrix)
    quiet = 4  # modules of white around the symbol (the QR standard's quiet zone)
    module = size / (n + 2 * quiet)
    p = page.p
    p.fillRect(page.r(x, y, size, size), QColor("#ffffff"))
    ox, oy = x + quiet * module, y + quiet * module
    p.setPen(Qt.PenStyle.NoPen)
    for row, line in enumerate(matrix):
        col = 0
        while col < n:  # one rectangle per run of dark modules: no hairlines between them in a PDF viewer
            if not line[col]:
                col += 1
                continue
            start = col
            while col < n and line[col]:
                col += 1
            p.fillRect(
                page.r(ox + start * module, oy + row * module, (col - start) * module, module), Qt.black
            )
    return page.r(ox, oy, n * module, n * module), n


def _draw_picture(page: _Page, rgb: np.ndarray, x: float, y: float, w: float, h: float) -> None:
    height, width = rgb.shape[:2]
    scale = min(1.0, IMAGE_MAX_PX / max(height, width))
    image = to_qimage(rgb)
    if scale < 1.0:
        image = image.scaled(
            round(width * scale),
            round(height * scale),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    fit = min(w / width, h / height)
    dw, dh = width * fit, height * fit
    page.p.drawImage(page.r(x + (w - dw) / 2, y + (h - dh) / 2, dw, dh), image)


def paint_slip(
    painter: QPainter, width_px: int, slip: ReferralSlip, include_images: bool = False
) -> SlipGeometry:
    """Draw the slip on a page ``width_px`` wide (the height follows the A-series ratio)."""
    pg = _Page(painter, width_px)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp QR modules
    m = MARGIN_MM
    inner = DESIGN_WIDTH_MM - 2 * m
    qr_size = 32.0
    left_w = inner - qr_size - 4

    # Header, then the case's identity with the QR code of its id on the right.
    y = m
    y += pg.text(m, y, inner, tr("ReferralSlip", TITLE), 15, bold=True) + 0.5
    y += pg.text(m, y, inner - qr_size, tr("ReferralSlip", "Mpox screening station"), 9, "#455a64") + 2
    qr_top = y
    local = local_time(slip.captured_utc, "%Y-%m-%d %H:%M:%S")
    offset = local_time(slip.captured_utc, "%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else ""
    for label, value, mono in (
        (tr("ReferralSlip", "Case id"), slip.case_id, True),
        (tr("ReferralSlip", "Station"), slip.station, False),
        (tr("ReferralSlip", "Time"), f"{local} ({offset})" if offset else local, False),
    ):
        pg.text(m, y, 22, label, 9, "#455a64")
        y += max(pg.text(m + 22, y, left_w - 22, value, 9, mono=mono, bold=not mono), 4.2) + 1.2
    # The quiet zone (white) makes the symbol's top edge sit lower than the box's: move the box up by it.
    qr_rect, modules = _draw_qr(pg, m + inner - qr_size, qr_top - 3, qr_size, slip.case_id)
    pg.text(
        m + inner - qr_size + 3,
        qr_top + qr_size - 5,
        qr_size,
        tr("ReferralSlip", "QR code: case id"),
        7,
        "#455a64",
    )
    y = max(y, qr_top + qr_size - 1) + 3

    # The decision as the station's banner said it, framed in the decision's colour.
    colour = QColor(BANNER_COLOURS[slip.decision][0])
    top = y
    y += 3
    y += pg.text(m + 5, y, inner - 8, slip.headline, 14, bold=True) + 1
    y += pg.text(m + 5, y, inner - 8, slip.action, 11) + 3
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(pg.r(m, top, 2.2, y - top), colour)
    painter.setPen(QPen(colour, 0.5 * pg.k))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(pg.r(m, top, inner, y - top))
    y += 4

    y += pg.text(m, y, inner, tr("ReferralSlip", "Why"), 10, bold=True) + 0.8
    y += pg.text(m, y, inner, slip.reason, 9.5) + 3.5

    y += pg.text(m, y, inner, tr("ReferralSlip", "Top 3 classes (model probability)"), 10, bold=True) + 1
    if slip.top3:
        bar_x, bar_w = m + 52, inner - 52 - 14
        for name, p in slip.top3:
            h = pg.text(m, y, 50, name, 9.5, bold=name == slip.explained)
            painter.fillRect(pg.r(bar_x, y + 0.9, bar_w, 2.6), QColor("#eceff1"))
            painter.fillRect(pg.r(bar_x, y + 0.9, bar_w * max(0.0, min(1.0, p)), 2.6), QColor("#607d8b"))
            pg.text(bar_x + bar_w + 2, y, 12, f"{100 * p:.0f}%", 9.5)
            y += max(h, 4.2) + 0.6
    else:
        none = tr("ReferralSlip", "None: the rash does not look like any condition the model knows.")
        y += pg.text(m, y, inner, none, 9.5)
    y += 3.5

    drawn = 0
    if include_images and slip.image is not None:
        side, high = (inner - 6) / 2, 34.0
        _draw_picture(pg, slip.image, m, y, side, high)
        pg.text(m, y + high + 0.8, side, tr("ReferralSlip", "Screened picture"), 8, "#455a64")
        drawn = 1
        if slip.heatmap is not None:
            _draw_picture(pg, slip.heatmap, m + side + 6, y, side, high)
            what = (
                tr("ReferralSlip", "Heatmap: where the model looked for {cls}").format(cls=slip.explained)
                if slip.explained
                else tr("ReferralSlip", "Heatmap")
            )
            pg.text(m + side + 6, y + high + 0.8, side, what, 8, "#455a64")
            drawn = 2
        y += high + 8

    y += pg.text(m, y, inner, tr("ReferralSlip", "Instructions"), 10, bold=True) + 1
    for i, step in enumerate(slip.instructions, 1):
        pg.text(m, y, 5, f"{i}.", 9)
        y += pg.text(m + 5, y, inner - 5, step, 9) + 1.2

    # The station's own note, at the foot of the page (or under the instructions when they reach down there).
    page_h = DESIGN_WIDTH_MM * 2**0.5
    pg.text(m, max(y + 2, page_h - m - 7), inner, tr("ScreeningWindow", NOTE), 7.5, "#455a64", italic=True)
    return SlipGeometry(qr_rect, modules, drawn)


def page_size(paper: str) -> QPageSize:
    try:
        return QPageSize(PAGE_SIZES[paper.upper()])
    except KeyError:
        raise ValueError(f"paper must be one of {', '.join(PAGE_SIZES)}, not {paper!r}") from None


def render_image(
    slip: ReferralSlip, paper: str = "A5", include_images: bool = False, dpi: int = 150
) -> tuple[QImage, SlipGeometry]:
    """The slip as a white image at ``dpi`` (tests, the documentation's screenshot)."""
    size = page_size(paper).sizePixels(dpi)
    image = QImage(size.width(), size.height(), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        geometry = paint_slip(painter, image.width(), slip, include_images)
    finally:
        painter.end()
    return image, geometry


def slip_file_name(slip: ReferralSlip) -> str:
    return f"referral_{local_time(slip.captured_utc, '%Y-%m-%d_%H%M%S')}_{slip.case_id}.pdf"


def _cannot_save(folder: Path, slip: ReferralSlip, why: str) -> ReferralError:
    return ReferralError(
        tr(
            "ReferralSlip",
            "The referral slip could not be saved in {folder} ({why}). Ask the station's administrator to "
            "make that folder writable, or to set [referral] folder in the configuration; until then, write "
            "case id {case_id} on a paper slip for the desk",
        ).format(folder=folder, why=why, case_id=slip.case_id)
    )


def _doc_name(slip: ReferralSlip) -> str:
    return tr("ReferralSlip", "{title}: case {case_id}").format(
        title=tr("ReferralSlip", TITLE), case_id=slip.case_id
    )


def save_pdf(slip: ReferralSlip, folder: Path, paper: str = "A5", include_images: bool = False) -> Path:
    """Write the slip as a one-page PDF in ``folder`` (made 0700), the file 0600; return its path."""
    folder = Path(folder)
    path = folder / slip_file_name(slip)
    try:
        private_dir(folder)
        create_private_file(path)  # exactly 0600 before a byte is written
        private_file(path)  # one saved before for the same case: 0600 too
    except OSError as exc:
        raise _cannot_save(folder, slip, exc.strerror or str(exc)) from None
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(page_size(paper), QPageLayout.Orientation.Portrait, QMarginsF()))
    writer.setResolution(PDF_DPI)
    writer.setTitle(_doc_name(slip))
    writer.setCreator("mpox-kiosk")
    painter = QPainter()
    if not painter.begin(writer):
        raise _cannot_save(folder, slip, tr("ReferralSlip", "the file could not be written"))
    try:
        paint_slip(painter, writer.width(), slip, include_images)
    finally:
        ended = painter.end()
    if not ended or path.stat().st_size == 0:
        path.unlink(missing_ok=True)
        raise _cannot_save(folder, slip, tr("ReferralSlip", "writing the file failed; the disk may be full"))
    return path


def print_slip(
    slip: ReferralSlip, printer_name: str, paper: str = "A5", include_images: bool = False
) -> None:
    """Send the slip to the printer of that name (the same page as the PDF)."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    if printer_name not in QPrinterInfo.availablePrinterNames():
        raise ReferralError(
            tr(
                "ReferralSlip",
                "printer {printer} was not found; check [referral] printer in the configuration "
                "(the system's printers: lpstat -p), or print the saved PDF",
            ).format(printer=repr(printer_name))
        )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(printer_name)
    printer.setPageLayout(QPageLayout(page_size(paper), QPageLayout.Orientation.Portrait, QMarginsF()))
    printer.setFullPage(True)
    printer.setDocName(_doc_name(slip))
    painter = QPainter()
    if not painter.begin(printer):
        raise ReferralError(
            tr("ReferralSlip", "printer {printer} did not accept the slip; print the saved PDF").format(
                printer=repr(printer_name)
            )
        )
    try:
        paint_slip(painter, printer.width(), slip, include_images)
    finally:
        painter.end()


def issue_slip(slip: ReferralSlip, config: ReferralConfig, folder: Path) -> tuple[Path, str]:
    """Save the slip (and print it when a printer is configured); return its path and a line for the officer.
    ReferralError when it cannot be saved; a printer that fails is said in the line (the PDF is there)."""
    path = save_pdf(slip, folder, config.paper, config.include_images)
    line = tr("ReferralSlip", "Referral slip saved: {path}").format(path=path)
    if config.printer:
        try:
            print_slip(slip, config.printer, config.paper, config.include_images)
            line += "; " + tr("ReferralSlip", "sent to printer {printer}").format(printer=config.printer)
        except ReferralError as exc:
            line += "; " + tr("ReferralSlip", "not printed: {error}").format(error=exc)
    return path, line
