"""Private files whatever the umask: folders the station makes are 0700, its files 0600. A folder or file of
the station found readable by other users is tightened when the store opens it, with a log line (it holds
traveller references, password hashes and images)."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger("kiosk.store")
DIR_MODE = 0o700
FILE_MODE = 0o600


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) and make the folder itself 0700; a looser existing one is
    tightened with a warning. Parents are left as they are: they are not the station's."""
    path = Path(path)
    created = not path.exists()
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    _tighten(path, DIR_MODE, "folder", announce=not created)
    return path


def private_file(path: Path) -> None:
    """Make an existing file 0600 (tightened with a warning if it was readable by others)."""
    if Path(path).exists():
        _tighten(Path(path), FILE_MODE, "file", announce=True)


def _tighten(path: Path, want: int, what: str, announce: bool) -> None:
    try:
        mode = _mode(path)
        if mode == want:
            return
        os.chmod(path, want)
    except OSError as exc:  # a read-only file system: the open that follows says what is wrong
        log.warning("cannot set the permissions of %s %s to %o: %s", what, path, want, exc)
        return
    if announce and mode & 0o077:
        log.warning(
            "%s %s was accessible to other local users (mode %o); changed to %o", what, path, mode, want
        )


def create_private_file(path: Path) -> bool:
    """Create an empty 0600 file if there is none (exactly 0600, not 0600 minus the umask); True if made."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    try:
        os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return True
