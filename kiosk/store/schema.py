"""SQLAlchemy 2.0 models of the case log. The Alembic revisions in ``migrations/versions`` create them;
keep both in step (tests compare them)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from models.taxonomy import CLASSES, NOT_SKIN, OTHER_CONDITION

REVIEW_STATUSES = ("pending", "confirmed", "dismissed", "referred")
OUTCOMES = ("pcr_positive", "pcr_negative", "pcr_not_done")
# revision 0008: what a case turned out to be, as a reviewer records it (secondary screening, a clinician, the
# laboratory): one of the eight classes, another condition (named in ``confirmed_detail``), not skin, or
# unknown (examined, no diagnosis). The field's own labels: what local validation and retraining read.
UNKNOWN_LABEL = "unknown"
CONFIRMED_LABELS = (*CLASSES, OTHER_CONDITION, NOT_SKIN, UNKNOWN_LABEL)


# What a stored time that is not a time reads as (UtcDateTime.result_processor): far from any real case.
DAMAGED_TIME = datetime(1970, 1, 1, tzinfo=UTC)
log = logging.getLogger(__name__)


class UtcDateTime(TypeDecorator):
    """Timezone-aware UTC in and out, on SQLite (which has no time zones) as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: the case log stores timezone-aware UTC times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    def result_processor(self, dialect, coltype):
        """A stored value that is not a time (a row edited outside the station: an integer in SQLite) reads
        as DAMAGED_TIME instead of raising: the review list shows the case as damaged, and verify-audit
        reports the row as changed outside the station (its digest no longer matches), never a traceback."""
        process = super().result_processor(dialect, coltype)
        if process is None:
            return None

        def tolerant(value):
            try:
                return process(value)
            except (TypeError, ValueError):
                log.warning("a stored time is not a time (%r): read as %s", value, DAMAGED_TIME.isoformat())
                return DAMAGED_TIME

        return tolerant


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Case(Base):
    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    captured_utc: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    station_id: Mapped[str] = mapped_column(String(64), nullable=False)
    operator: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    decision: Mapped[str] = mapped_column(String(16), nullable=False)
    top_class: Mapped[str] = mapped_column(String(32), nullable=False)
    top_probability: Mapped[float] = mapped_column(Float, nullable=False)
    probabilities: Mapped[str] = mapped_column(Text, nullable=False)  # JSON
    thresholds: Mapped[str] = mapped_column(Text, nullable=False)  # JSON
    model_name: Mapped[str] = mapped_column(String(128), nullable=False)
    model_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    image_path: Mapped[str | None] = mapped_column(String(255))
    image_sha256: Mapped[str | None] = mapped_column(String(64))
    heatmap_path: Mapped[str | None] = mapped_column(String(255))
    heatmap_sha256: Mapped[str | None] = mapped_column(String(64))
    images_purged_utc: Mapped[datetime | None] = mapped_column(UtcDateTime)
    quality: Mapped[str] = mapped_column(Text, nullable=False)  # JSON
    # revision 0007: sealed ("enc1:<key id>:<base64>", kiosk/store/references.py), never in clear; "": none
    traveller_ref: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    # revision 0002
    review_status: Mapped[str] = mapped_column(String(16), nullable=False, default="pending")
    outcome: Mapped[str | None] = mapped_column(String(16))
    # revision 0004: why the screening decided as it did (e.g. "open_set": unlike any trained class) and
    # the open-set score behind it
    reason_code: Mapped[str] = mapped_column(String(32), nullable=False, default="", server_default="")
    open_set_score: Mapped[float | None] = mapped_column(Float)
    # revision 0005: the privacy notice the traveller was shown before capture (its version: the first 12 hex
    # digits of the SHA-256 of the text as shown), in which language, and whether the traveller agreed. All
    # NULL: not recorded (a case stored before 0005); consent_given NULL alone: not asked (a station whose
    # [privacy] legal_basis is public_health shows the notice as information).
    consent_notice_version: Mapped[str | None] = mapped_column(String(64))
    consent_language: Mapped[str | None] = mapped_column(String(16))
    consent_given: Mapped[bool | None] = mapped_column(Boolean)
    # revision 0006: whether the traveller agreed that the picture may be reused to improve the model (a
    # secondary use, asked per case, default no). NULL: not asked (a case stored before 0006).
    consent_training: Mapped[bool | None] = mapped_column(Boolean)
    # revision 0007: the keyed hash of the normalised reference, for an exact search (None: no reference)
    traveller_ref_hmac: Mapped[str | None] = mapped_column(String(64))
    # revision 0008: the confirmed label (CONFIRMED_LABELS; NULL: none recorded) and, for another condition,
    # its name as the reviewer wrote it
    confirmed_label: Mapped[str | None] = mapped_column(String(32))
    confirmed_detail: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_cases_captured", "captured_utc"),
        Index("ix_cases_station_captured", "station_id", "captured_utc"),
        Index("ix_cases_decision_captured", "decision", "captured_utc"),
        Index("ix_cases_class_captured", "top_class", "captured_utc"),
        Index("ix_cases_status_captured", "review_status", "captured_utc"),
        Index("ix_cases_traveller_ref_hmac", "traveller_ref_hmac"),  # revision 0007
        Index("ix_cases_top_probability", "top_probability"),  # revision 0003
        Index("ix_cases_confirmed_label", "confirmed_label"),  # revision 0008
    )


class ClearCount(Base):
    """CLEAR results per station and hour: statistics without images."""

    __tablename__ = "clear_counts"
    station_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    hour_utc: Mapped[datetime] = mapped_column(UtcDateTime, primary_key=True)
    count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    failed_logins: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    disabled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)


class AuditEntry(Base):
    """Append-only and hash-chained: ``entry_hash`` covers the entry and ``prev_hash``; the unique
    ``prev_hash`` makes two concurrent appends on the same head collide, and the loser retries."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    ts_utc: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    actor: Mapped[str] = mapped_column(String(128), nullable=False)
    action: Mapped[str] = mapped_column(String(64), nullable=False)
    target: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    details: Mapped[str] = mapped_column(Text, nullable=False, default="{}")  # JSON
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    entry_hash: Mapped[str] = mapped_column(String(64), nullable=False)


class Review(Base):
    """revision 0002: reviewer actions and later outcomes, the case's history."""

    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True
    )
    reviewer: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)  # confirm|dismiss|refer|outcome
    outcome: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_utc: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)


class StationHeartbeat(Base):
    """revision 0008: each station's latest sign of life, written by the station about once a minute (one row
    per station, replaced): who is up, which software and model, whether the camera works. The cases and
    CLEAR counts say what it screened; this row says what it is."""

    __tablename__ = "station_heartbeats"
    station_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    software_version: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    bundle_name: Mapped[str] = mapped_column(String(128), nullable=False, default="")
    bundle_sha256: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    camera_state: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    started_utc: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    last_seen_utc: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class ShadowVerdict(Base):
    """revision 0009: a candidate bundle's verdict on a frame the live bundle screened ([model]
    shadow_bundle), beside the live verdict; never shown to the officer. ``case_id``: the live case, when one
    was stored (a CLEAR is only counted). Not in the audit chain: it decides nothing about a traveller."""

    __tablename__ = "shadow_verdicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station_id: Mapped[str] = mapped_column(String(64), nullable=False)
    captured_utc: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    case_id: Mapped[str | None] = mapped_column(String(32))
    live_bundle_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    live_decision: Mapped[str] = mapped_column(String(16), nullable=False)
    live_top_class: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    live_reason_code: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    shadow_bundle_name: Mapped[str] = mapped_column(String(128), nullable=False)
    shadow_bundle_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    shadow_decision: Mapped[str] = mapped_column(String(16), nullable=False)
    shadow_top_class: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    shadow_reason_code: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    shadow_probabilities: Mapped[str] = mapped_column(Text, nullable=False, default="{}")  # JSON
    shadow_ms: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)

    __table_args__ = (
        Index("ix_shadow_bundle_captured", "shadow_bundle_sha256", "captured_utc"),
        Index("ix_shadow_case", "case_id"),
    )
