"""The case store: SQLAlchemy case log, encrypted media, the single writer, accounts, audit trail, reviews.

Plain Python (no Qt). See docs/store-contract.md and docs/store.md.
"""

from kiosk.store.accounts import UserSession
from kiosk.store.database import Database, open_database
from kiosk.store.errors import AccessDenied, LoginError, StoreError
from kiosk.store.records import CaseRecord, CaseSummary, WriterStatus
from kiosk.store.settings import StoreSettings
from kiosk.store.writer import CaseWriter

__all__ = [
    "AccessDenied",
    "CaseRecord",
    "CaseSummary",
    "CaseWriter",
    "Database",
    "LoginError",
    "StoreError",
    "StoreSettings",
    "UserSession",
    "WriterStatus",
    "open_database",
]
