"""``mpox-kiosk``: the screening station (the GUI arrives with the kiosk issue)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    print("mpox-kiosk: the kiosk window is not built yet; use mpox-screen to screen image files.", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
