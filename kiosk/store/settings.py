"""The store's view of the kiosk configuration (read by attribute, so tests can pass a plain object)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs


@dataclass(frozen=True)
class StoreSettings:
    data_dir: Path
    station_id: str = "gate-1"
    store_clear_images: bool = False
    retention_days: int = 90
    key_file: Path | None = None
    session_timeout_minutes: float = 15.0
    max_failed_logins: int = 5
    lockout_minutes: float = 15.0

    @classmethod
    def from_config(cls, config: Any) -> StoreSettings:
        """Accepts a ``KioskConfig`` (kiosk/config.py), a ``StoreSettings``, or None (defaults)."""
        if isinstance(config, StoreSettings):
            return config
        storage = getattr(config, "storage", None)
        security = getattr(config, "security", None)
        station = getattr(config, "station", None)
        data_dir = getattr(storage, "data_dir", "") or platformdirs.user_data_dir("mpox-kiosk")
        key_file = getattr(storage, "key_file", "") or None
        return cls(
            data_dir=Path(data_dir),
            station_id=str(getattr(station, "id", "gate-1")),
            store_clear_images=bool(getattr(storage, "store_clear_images", False)),
            retention_days=int(getattr(storage, "retention_days", 90)),
            key_file=Path(key_file) if key_file else None,
            session_timeout_minutes=float(getattr(security, "session_timeout_minutes", 15)),
            max_failed_logins=int(getattr(security, "max_failed_logins", 5)),
            lockout_minutes=float(getattr(security, "lockout_minutes", 15)),
        )
