"""Durable file writes shared by the station and training: one atomic write for every file that must be
whole or absent (bundles' signatures and pins, the ONNX cache, the store's spool and images, checkpoints,
manifests, caches).

A write goes to a temporary file beside the target (``.NAME.XXXX.tmp``, created 0600), is fsynced, given
its mode, renamed over the target and the folder is fsynced; if anything fails the temporary file is
removed and the target is untouched. The folder must exist (a private folder is the caller's to create).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


def fsync_path(path: str | Path) -> None:
    """fsync a file's data, or a folder's entries (a rename or a new file in it then survives a power cut)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(path: str | Path, mode: int = 0o644) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` for the caller to write (``torch.save``, ``np.save``, a CSV
    writer...); when the block ends without error it is fsynced, chmod-ed to ``mode`` and renamed over
    ``path``, then the folder is fsynced. On error it is removed and the exception propagates."""
    path = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        fsync_path(tmp)
        os.chmod(tmp, mode)  # exactly ``mode``, whatever the umask
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # never leave (or rename into place) a partial file
        raise
    fsync_path(path.parent)


def atomic_write(path: str | Path, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` atomically and durably (see the module's docstring)."""
    with atomic_path(path, mode) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_TRUNC)
        try:
            view = memoryview(data)
            while view:  # a full disk makes write() short first, and raises ENOSPC only on the next call
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)


def replace_dir(new: str | Path, target: str | Path) -> None:
    """Put the complete folder ``new`` (made beside ``target``, on the same file system) in place of
    ``target``: the old folder is renamed aside first and removed last, so ``target`` is always the old
    folder or the new one, never a half-written or half-deleted one."""
    new, target = Path(new), Path(target)
    if target.exists():
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(target, old)
        os.replace(new, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(new, target)
    fsync_path(target.parent)
