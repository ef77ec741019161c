"""The on-disk spool: a confirmed case is a small fsynced JSON file (its images already encrypted in the
media store) until the writer thread has committed it to the database. Replayed on start."""

from __future__ import annotations

import json
import time
from pathlib import Path

from kiosk.store.fsperm import private_dir
from kiosk.store.media import write_durably


class Spool:
    def __init__(self, root: Path):
        self.root = Path(root)
        private_dir(self.root)

    def put(self, case_id: str, entry: dict) -> Path:
        # time first in the name: replay keeps the order cases were confirmed in
        path = self.root / f"{time.time_ns():020d}-{case_id}.json"
        write_durably(path, json.dumps(entry, sort_keys=True).encode())
        return path

    def pending(self) -> list[Path]:
        for tmp in self.root.glob("*.tmp"):  # a write cut short was never acknowledged
            tmp.unlink(missing_ok=True)
        return sorted(self.root.glob("*.json"))

    @staticmethod
    def read(path: Path) -> dict:
        return json.loads(path.read_text(encoding="utf-8"))

    @staticmethod
    def done(path: Path) -> None:
        path.unlink(missing_ok=True)
