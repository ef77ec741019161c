"""Errors a user can act on: each names the file or setting, the problem, and what to do."""

from __future__ import annotations

from pathlib import Path


class MpoxError(Exception):
    """Base class for errors that are shown to users as they are (no traceback)."""


class ImageDecodeError(MpoxError):
    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class BundleError(MpoxError):
    def __init__(self, path: str | Path, problem: str, hint: str = ""):
        self.path = str(path)
        self.problem = problem
        self.hint = hint
        message = f"model bundle {self.path}: {problem}"
        if hint:
            message += f". {hint}"
        super().__init__(message)


class WeightsUnavailableError(MpoxError):
    """Pre-trained weights asked for but not present on this machine (nothing is downloaded)."""
