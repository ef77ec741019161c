"""The on-disk spool: a confirmed case is a small fsynced JSON file (its images already encrypted in the
media store) until the writer thread has committed it to the database. Replayed on start.

A case the database refuses for good is set aside in ``dead/`` (the entry as it was, and the reason in a
``.reason`` file beside it, both private): nothing acknowledged is ever deleted. ``restore`` puts it back in
the queue once an admin fixed the cause (``mpox-kiosk dead-letters``)."""

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

    @staticmethod
    def case_id(path: Path) -> str:
        """The case id in a spool file's name (``<time ns>-<case id>.json``)."""
        return path.stem.split("-", 1)[-1]

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

    @property
    def dead_dir(self) -> Path:
        return self.root / "dead"

    def dead(self) -> list[Path]:
        """The cases set aside, oldest first."""
        return sorted(self.dead_dir.glob("*.json")) if self.dead_dir.is_dir() else []

    def set_aside(self, path: Path, reason: str) -> Path:
        """Move a spooled case to ``dead/`` with ``reason`` beside it; returns its new path."""
        private_dir(self.dead_dir)
        target = self.dead_dir / path.name
        write_durably(target.with_suffix(".reason"), reason.encode())
        path.replace(target)  # same file system: atomic, and the entry is never lost in between
        return target

    @staticmethod
    def reason(dead: Path) -> str:
        try:
            return dead.with_suffix(".reason").read_text(encoding="utf-8")
        except OSError:
            return "(no reason recorded)"

    def restore(self, dead: Path) -> Path:
        """Put a case set aside back in the queue (the writer takes it at its next start)."""
        target = self.root / dead.name
        dead.replace(target)
        dead.with_suffix(".reason").unlink(missing_ok=True)
        return target
