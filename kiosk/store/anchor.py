"""The audit chain's anchor outside the database: an append-only, fsynced text file in the data folder
(``keys/audit.anchor``, next to the media key, 0600) with one ``SEQ HASH`` line per committed chain append
made from this data folder. ``audit.verify`` checks that each anchored entry is still in the database with
the same hash, so cutting off the newest entries, or rewriting the chain after an edit, is detected.

With several stations on one PostgreSQL database each station anchors its own appends in its own data
folder; the check is the same ("the database holds entry SEQ with hash HASH"), whichever station appended
the entries in between. A line torn by a crash is ignored (it never described a committed entry).
"""

from __future__ import annotations

import logging
import os
import re
import threading
from pathlib import Path

from kiosk.store.fsperm import FILE_MODE, private_dir
from kiosk.store.media import write_durably
from models.fsutil import fsync_path

log = logging.getLogger(__name__)
LINE = re.compile(r"^(\d+) ([0-9a-f]{64})$")
COMPACT_BYTES = 64 * 1024  # beyond this the file is rewritten with its newest lines
KEEP_LINES = 64


class AuditAnchor:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._checked_tail = False
        self._failing = False

    def exists(self) -> bool:
        return self.path.is_file()

    def record(self, seq: int, entry_hash: str) -> None:
        """Append one line, fsynced. Called after the commit; a failure is logged, never raised (the entry
        is committed already: the anchor then only lags behind)."""
        try:
            with self._lock:
                self._append(f"{int(seq)} {entry_hash}\n")
            if self._failing:
                log.info("audit anchor %s is written again", self.path)
                self._failing = False
        except OSError as exc:
            if not self._failing:
                log.warning(
                    "cannot write the audit anchor %s: %s (the audit trail itself is saved)", self.path, exc
                )
            self._failing = True

    def _append(self, line: str) -> None:
        created = not self.path.exists()
        if created:
            private_dir(self.path.parent)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
        try:
            if created:
                os.fchmod(fd, FILE_MODE)
            if not self._checked_tail:  # a line torn by a crash: start on a fresh line
                self._checked_tail = True
                size = os.fstat(fd).st_size
                if size and not self._ends_with_newline(size):
                    line = "\n" + line
            os.write(fd, line.encode())
            os.fsync(fd)
            size = os.fstat(fd).st_size
        finally:
            os.close(fd)
        if created:
            fsync_path(self.path.parent)
        if size > COMPACT_BYTES:
            self._compact()

    def _ends_with_newline(self, size: int) -> bool:
        with open(self.path, "rb") as f:
            f.seek(size - 1)
            return f.read(1) == b"\n"

    def _compact(self) -> None:
        keep = self.read()[-KEEP_LINES:]
        write_durably(self.path, "".join(f"{s} {h}\n" for s, h in keep).encode())

    def read(self) -> list[tuple[int, str]]:
        """The anchored (seq, hash) pairs; unreadable lines (a torn last line) are skipped."""
        try:
            text = self.path.read_text(encoding="ascii", errors="replace")
        except FileNotFoundError:
            return []
        out = []
        for line in text.splitlines():
            m = LINE.match(line.strip())
            if m:
                out.append((int(m.group(1)), m.group(2)))
        return out

    def replace(self, seq: int, entry_hash: str) -> Path | None:
        """Start a new anchor at (seq, hash), keeping the old file beside it as evidence; returns its path."""
        from datetime import UTC, datetime

        old = None
        with self._lock:
            if self.path.exists():
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
                old = self.path.with_name(f"{self.path.name}.replaced-{stamp}")
                os.replace(self.path, old)
            self._checked_tail = False
            self._append(f"{int(seq)} {entry_hash}\n")
        return old
