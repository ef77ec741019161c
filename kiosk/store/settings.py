"""The store's view of the kiosk configuration: the few settings the case log, the writer, the login and the
review window read. Every default is the configuration's own (kiosk/config.py): nothing here knows one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..config import KioskConfig, SecurityConfig, StationConfig, StorageConfig


@dataclass(frozen=True)
class StoreSettings:
    data_dir: Path
    station_id: str = StationConfig.id
    store_clear_images: bool = StorageConfig.store_clear_images
    retention_days: int = StorageConfig.retention_days
    key_file: Path | None = None  # None: the configuration's default beside data_dir
    session_timeout_minutes: float = SecurityConfig.session_timeout_minutes
    max_failed_logins: int = SecurityConfig.max_failed_logins
    lockout_minutes: float = SecurityConfig.lockout_minutes

    @classmethod
    def from_config(cls, config: KioskConfig | StoreSettings | None) -> StoreSettings:
        """From a ``KioskConfig``; a ``StoreSettings`` as it is; None: the configuration's defaults."""
        if isinstance(config, StoreSettings):
            return config
        config = config if config is not None else KioskConfig()
        return cls(
            data_dir=Path(config.storage.data_dir),
            station_id=config.station.id,
            store_clear_images=config.storage.store_clear_images,
            retention_days=config.storage.retention_days,
            key_file=config.storage.key_file,
            session_timeout_minutes=config.security.session_timeout_minutes,
            max_failed_logins=config.security.max_failed_logins,
            lockout_minutes=config.security.lockout_minutes,
        )
