"""The review window's per-user settings: the folder each reviewer last exported to.

Kept in the station's data folder (``<data_dir>/review_prefs.json``, 0600), keyed by user name, so a shared
station account of the operating system still remembers each reviewer's own folder, and nothing is written
to the home folder of whoever runs the station. An unreadable file is treated as empty (a preference is not
worth refusing to export for).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from kiosk.store.fsperm import FILE_MODE, private_dir
from models.fsutil import atomic_write

log = logging.getLogger(__name__)
FILE_NAME = "review_prefs.json"


class ReviewPrefs:
    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / FILE_NAME

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("review preferences %s unreadable (%s); starting afresh", self.path, exc)
            return {}

    def export_folder(self, username: str) -> Path | None:
        """The folder ``username`` last exported to, if it still exists."""
        folder = self._read().get("export_folder", {}).get(username)
        return Path(folder) if folder and Path(folder).is_dir() else None

    def set_export_folder(self, username: str, folder: Path) -> None:
        data = self._read()
        folders = data.get("export_folder")
        if not isinstance(folders, dict):
            folders = data["export_folder"] = {}
        folders[username] = str(Path(folder).resolve())
        try:
            private_dir(self.path.parent)
            atomic_write(self.path, json.dumps(data, indent=1).encode(), mode=FILE_MODE)
        except OSError as exc:
            log.warning("cannot remember the export folder in %s: %s", self.path, exc)
