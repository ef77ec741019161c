"""Entry point of the standalone build: ``mpox-kiosk`` (the station and its administration commands), or
``mpox-screen`` when started through a link of that name."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path


def main() -> int:
    multiprocessing.freeze_support()  # a frozen program must not re-run itself in child processes
    if Path(sys.argv[0]).name.startswith("mpox-screen"):
        from kiosk.screen_cli import main as screen_main

        return screen_main()
    from kiosk.app import main as kiosk_main

    return kiosk_main()


if __name__ == "__main__":
    sys.exit(main())
