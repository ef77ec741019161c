"""Review-list queries: filters built with bound parameters only (hostile text is just text), indexed
sort keys, paging by keyset (the next page starts after the last row shown: its sort value and id), so a page
deep in a large shared log costs what the first one does (OFFSET would read and drop every row before it).

Traveller references are sealed in the database (kiosk/store/references.py): the rows read here reveal them
with the station's key, for the review window and the exports (both for reviewers and admins only); the
search finds a reference by its keyed hash, so only an exact match (any case, spacing or Unicode form)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import datetime

from sqlalchemy import Select, func, or_, select, tuple_
from sqlalchemy.orm import Session

from kiosk.store.database import Database
from kiosk.store.errors import StoreError
from kiosk.store.records import CaseSummary
from kiosk.store.schema import Case, ClearCount, Review
from models.decision import Decision

MAX_TEXT = 256  # a traveller reference is at most this long, so a longer search cannot match anything
# (no traveller reference: it is sealed, an order of ciphertexts would mean nothing)
SORT_KEYS = {
    "captured_utc": Case.captured_utc,
    "station_id": Case.station_id,
    "operator": Case.operator,
    "decision": Case.decision,
    "top_class": Case.top_class,
    "top_probability": Case.top_probability,
    "review_status": Case.review_status,
}
# The columns a review-list row shows, by the names CaseSummary gives them; the derived fields are read from
# other columns (image_path tells has_images, the probabilities JSON holds p_mpox).
DERIVED_FIELDS = ("has_images", "p_mpox")
SUMMARY_FIELDS = tuple(f.name for f in fields(CaseSummary) if f.name not in DERIVED_FIELDS)
SUMMARY_COLUMNS = (*(getattr(Case, name) for name in SUMMARY_FIELDS), Case.probabilities)
MPOX = "mpox"


@dataclass(frozen=True)
class CaseFilter:
    date_from: datetime | None = None  # inclusive, aware
    date_to: datetime | None = None  # exclusive, aware
    decisions: tuple[str, ...] = ()
    top_classes: tuple[str, ...] = ()
    stations: tuple[str, ...] = ()
    review_statuses: tuple[str, ...] = ()
    reason_codes: tuple[str, ...] = ()  # models.decision.ReasonCode values, e.g. "unknown_condition"
    text: str = ""
    case_ids: tuple[str, ...] = field(default=())

    def apply(self, query: Select, lookup: Callable[[str], str | None] | None = None) -> Select:
        """``query`` narrowed to the filter; ``lookup`` gives the keyed hash of a searched reference (the
        ReferenceCipher's; without it the text matches case ids only)."""
        if self.date_from is not None:
            query = query.where(Case.captured_utc >= self.date_from)
        if self.date_to is not None:
            query = query.where(Case.captured_utc < self.date_to)
        if self.decisions:
            query = query.where(Case.decision.in_(self.decisions))
        if self.top_classes:
            query = query.where(Case.top_class.in_(self.top_classes))
        if self.stations:
            query = query.where(Case.station_id.in_(self.stations))
        if self.review_statuses:
            query = query.where(Case.review_status.in_(self.review_statuses))
        if self.reason_codes:
            query = query.where(Case.reason_code.in_(self.reason_codes))
        if self.case_ids:
            query = query.where(Case.id.in_(self.case_ids))
        text = self.text.strip()
        if text:
            if len(text) > MAX_TEXT:
                return query.where(False)
            # autoescape: % and _ in the search are literal characters, not wildcards. The text matches a
            # traveller reference exactly (by its keyed hash) or the start of a case id (the referral slip's).
            by_id = Case.id.startswith(text.lower(), autoescape=True)
            ref_hash = lookup(text) if lookup is not None else None
            query = query.where(or_(by_id, Case.traveller_ref_hmac == ref_hash) if ref_hash else by_id)
        return query


def _probability(probabilities: str | None, cls: str) -> float | None:
    """One class's probability from the stored JSON; None when it is not there (or the JSON is unreadable)."""
    try:
        value = json.loads(probabilities or "{}").get(cls)
        return None if value is None else float(value)
    except (ValueError, TypeError, AttributeError):
        return None


def _summary(row, reveal: Callable[[str, str], str]) -> CaseSummary:
    """A CaseSummary from a row of SUMMARY_COLUMNS or a Case (the columns by name), its traveller reference
    revealed by ``reveal(case_id, stored)`` (ReferenceCipher.reveal)."""
    values = {name: getattr(row, name) for name in SUMMARY_FIELDS}
    values["traveller_ref"] = reveal(row.id, row.traveller_ref)
    return CaseSummary(
        **values,
        has_images=row.image_path is not None,
        p_mpox=_probability(row.probabilities, MPOX),
    )


def list_cases(
    db: Database,
    flt: CaseFilter = CaseFilter(),
    sort: str = "captured_utc",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
    after: CaseSummary | None = None,
) -> list[CaseSummary]:
    """A page of the filtered cases in the order asked (ties by case id); ``after``: the page that follows
    that row (keyset paging; ``offset`` is then ignored)."""
    if sort not in SORT_KEYS:
        raise StoreError(f"cannot sort cases by {sort!r}; choose one of {', '.join(SORT_KEYS)}")
    column = SORT_KEYS[sort]
    order = [column.desc() if descending else column.asc(), Case.id.desc() if descending else Case.id.asc()]
    query = flt.apply(select(*SUMMARY_COLUMNS), _lookup(db, flt))
    if after is not None:
        key, last = tuple_(column, Case.id), tuple_(getattr(after, sort), after.id)
        query = query.where(key < last if descending else key > last)
    else:
        query = query.offset(max(0, offset))
    query = query.order_by(*order).limit(max(0, limit))
    with db.session() as s:
        rows = s.execute(query).all()
    reveal = db.references.reveal if any(r.traveller_ref for r in rows) else _nothing_to_reveal
    return [_summary(r, reveal) for r in rows]


def _nothing_to_reveal(_case_id: str, stored: str) -> str:
    return stored


def _lookup(db: Database, flt: CaseFilter) -> Callable[[str], str | None] | None:
    """The reference hash for a search (none without search text: the key is not needed then)."""
    return db.references.lookup if flt.text.strip() else None


def count_cases(db: Database, flt: CaseFilter = CaseFilter()) -> int:
    with db.session() as s:
        return s.execute(flt.apply(select(func.count()).select_from(Case), _lookup(db, flt))).scalar_one()


def stations(db: Database) -> list[str]:
    with db.session() as s:
        return list(s.execute(select(Case.station_id).distinct().order_by(Case.station_id)).scalars())


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    probabilities: dict[str, float]
    thresholds: dict
    quality: dict[str, float]
    model_sha256: str
    image_path: str | None
    image_sha256: str | None
    heatmap_path: str | None
    heatmap_sha256: str | None
    images_purged_utc: datetime | None
    history: list[tuple[datetime, str, str, str | None, str]]  # time, reviewer, action, outcome, note
    reason_code: str = ""
    open_set_score: float | None = None
    # revision 0005: the privacy notice shown and the traveller's answer (None: not recorded)
    consent_notice_version: str | None = None
    consent_language: str | None = None
    consent_given: bool | None = None
    consent_training: bool | None = None  # revision 0006: the picture may be reused to improve the model
    # revision 0008: what the case turned out to be, and the name of another condition
    confirmed_label: str | None = None
    confirmed_detail: str | None = None


def get_case(session: Session, case_id: str, reveal: Callable[[str, str], str]) -> CaseDetail | None:
    """One case with its history; ``reveal`` opens its traveller reference (ReferenceCipher.reveal)."""
    case = session.get(Case, case_id)
    if case is None:
        return None
    summary = _summary(case, reveal)
    history = [
        (r.created_utc, r.reviewer, r.action, r.outcome, r.note)
        for r in session.execute(
            select(Review).where(Review.case_id == case_id).order_by(Review.id)
        ).scalars()
    ]
    return CaseDetail(
        summary,
        json.loads(case.probabilities),
        json.loads(case.thresholds),
        json.loads(case.quality),
        case.model_sha256,
        case.image_path,
        case.image_sha256,
        case.heatmap_path,
        case.heatmap_sha256,
        case.images_purged_utc,
        history,
        case.reason_code or "",
        case.open_set_score,
        case.consent_notice_version,
        case.consent_language,
        case.consent_given,
        case.consent_training,
        case.confirmed_label,
        case.confirmed_detail,
    )


@dataclass(frozen=True)
class DashboardData:
    """Columns of the filtered cases, for plotting (binned by the dashboard)."""

    captured_epoch: list[float]
    decisions: list[str]
    top_classes: list[str]
    top_probabilities: list[float]
    clear_counts: list[tuple[datetime, int]]
    flagged_with_outcome: int
    flagged_positive: int
    # revision 0008: the cases with a confirmed label: (captured epoch, flagged, confirmed mpox), for PPV and
    # recall of flags on what cases turned out to be
    confirmed: list[tuple[float, bool, bool]] = field(default_factory=list)

    @property
    def ppv(self) -> float | None:
        return self.flagged_positive / self.flagged_with_outcome if self.flagged_with_outcome else None


def dashboard_data(db: Database, flt: CaseFilter = CaseFilter()) -> DashboardData:
    with db.session() as s:
        rows = s.execute(
            flt.apply(
                select(Case.captured_utc, Case.decision, Case.top_class, Case.top_probability),
                _lookup(db, flt),
            )
        )
        times, decisions, classes, probs = [], [], [], []
        for when, decision, cls, p in rows:
            times.append(when.timestamp())
            decisions.append(decision)
            classes.append(cls)
            probs.append(p)
        clear_q = select(ClearCount.hour_utc, func.sum(ClearCount.count)).group_by(ClearCount.hour_utc)
        if flt.stations:
            clear_q = clear_q.where(ClearCount.station_id.in_(flt.stations))
        if flt.date_from is not None:
            clear_q = clear_q.where(ClearCount.hour_utc >= flt.date_from)
        if flt.date_to is not None:
            clear_q = clear_q.where(ClearCount.hour_utc < flt.date_to)
        clears = [(h, int(n)) for h, n in s.execute(clear_q.order_by(ClearCount.hour_utc))]
        outcome_q = flt.apply(
            select(Case.outcome, func.count()).where(
                Case.decision == Decision.FLAG.value, Case.outcome.is_not(None)
            ),
            _lookup(db, flt),
        ).group_by(Case.outcome)
        outcomes = dict(s.execute(outcome_q).all())
        labelled_q = flt.apply(
            select(Case.captured_utc, Case.decision, Case.confirmed_label).where(
                Case.confirmed_label.is_not(None)
            ),
            _lookup(db, flt),
        )
        confirmed = [
            (when.timestamp(), decision == Decision.FLAG.value, label == MPOX)
            for when, decision, label in s.execute(labelled_q)
        ]
    positive = int(outcomes.get("pcr_positive", 0))
    return DashboardData(
        times,
        decisions,
        classes,
        probs,
        clears,
        positive + int(outcomes.get("pcr_negative", 0)),
        positive,
        confirmed,
    )
