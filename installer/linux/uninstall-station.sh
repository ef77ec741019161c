#!/usr/bin/env bash
# Remove an mpox screening station installed by install-station.sh.
#
#   sudo installer/linux/uninstall-station.sh [--user NAME] [--purge-data] [--root DIR] [--dry-run]
#
# Keeps /var/lib/mpox-kiosk (the case database, encrypted images and the media key) unless --purge-data:
# back it up first (docs/install.md). Keeps the kiosk user unless --purge-data too.
set -euo pipefail

KUSER="mpox-kiosk" PURGE=0 ROOT="" DRY=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --user) KUSER="$2"; shift 2 ;;
        --purge-data) PURGE=1; shift ;;
        --root) ROOT="${2%/}"; shift 2 ;;
        --dry-run) DRY=1; shift ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        *) echo "uninstall-station.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
if [[ -z "$ROOT" && $DRY -eq 0 && $EUID -ne 0 ]]; then
    echo "uninstall-station.sh: run as root (or use --root DIR / --dry-run)" >&2; exit 1
fi
run() {
    echo "+ $*"
    if [[ $DRY -eq 0 ]]; then "$@"; fi
}

if [[ -z "$ROOT" ]] && id "$KUSER" >/dev/null 2>&1; then
    run systemctl --machine "$KUSER@" --user stop mpox-kiosk.service || true
    run rm -f "/home/$KUSER/.config/systemd/user/graphical-session.target.wants/mpox-kiosk.service"
    run loginctl disable-linger "$KUSER" || true
fi
run rm -f "$ROOT/etc/systemd/user/mpox-kiosk.service"
run rm -rf "$ROOT/opt/mpox-kiosk" "$ROOT/opt/mpox-kiosk-model" "$ROOT/etc/mpox-kiosk"
if [[ $PURGE -eq 1 ]]; then
    run rm -rf "$ROOT/var/lib/mpox-kiosk"
    if [[ -z "$ROOT" ]] && id "$KUSER" >/dev/null 2>&1; then
        run userdel --remove "$KUSER"
    fi
else
    echo "kept $ROOT/var/lib/mpox-kiosk (cases, images, key); remove it with --purge-data after a backup"
fi
