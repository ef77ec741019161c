"""Where the station's data files are: the top-level ``resources/`` folder (icons, the style sheet, the FLAG
alert sound, the traveller notice, the translations). Plain Python, no Qt (the loading that needs Qt lives in
kiosk/ui/).

The same folder is found in the three ways the station runs:

- a source checkout (or an editable install): ``resources/`` beside the ``kiosk`` package;
- the PyInstaller build: ``resources/`` inside the unpacked bundle (``sys._MEIPASS``,
  installer/mpox-kiosk.spec puts it there);
- an installed wheel: the folder travels as the package ``mpox_resources`` (pyproject.toml maps it), found
  through its import spec without importing anything.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

from models.errors import MpoxError

# A folder is the station's resources when it holds this file (a ``resources`` folder of another
# distribution in site-packages is not).
MARKER = ("style", "station.qss")
PACKAGE = "mpox_resources"  # the name the folder is installed under from a wheel


class ResourceMissing(MpoxError):
    """A data file the station needs is not where the installation puts it."""


def candidates() -> list[Path]:
    """The folders looked in, in order: the frozen build's, the source checkout's, the installed package's."""
    found: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found.append(Path(frozen) / "resources")
    found.append(Path(__file__).resolve().parents[1] / "resources")
    try:
        spec = importlib.util.find_spec(PACKAGE)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations:
        found.extend(Path(p) for p in spec.submodule_search_locations)
    return found


def find_root(folders: list[Path]) -> Path:
    """The first of ``folders`` that holds the station's resources; ResourceMissing names them all."""
    for folder in folders:
        if folder.joinpath(*MARKER).is_file():
            return folder
    looked = ", ".join(str(f) for f in folders) or "(nowhere)"
    raise ResourceMissing(
        f"the station's resources folder was not found (looked in {looked}). The installation is "
        "incomplete: reinstall the station (pip install, or installer/build_standalone.sh), or run it from "
        "a source checkout that has resources/"
    )


@cache
def resources_root() -> Path:
    return find_root(candidates())


def resource_path(*parts: str) -> Path:
    """The path of ``resources/<parts...>`` (a file or a folder), e.g. ``resource_path("icons", "app.svg")``.

    Raises ResourceMissing, naming the file and the folder it was looked for in, when it is not there."""
    root = resources_root()
    path = root.joinpath(*parts)
    if not path.exists():
        name = "/".join(parts)
        raise ResourceMissing(
            f"resource {name!r} is missing: {path} does not exist. The installation is incomplete: "
            "reinstall the station, or restore the file from the source tree's resources/"
        )
    return path
