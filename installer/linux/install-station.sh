#!/usr/bin/env bash
# Install an mpox screening station on Linux (systemd) for a dedicated kiosk user.
#
#   sudo installer/linux/install-station.sh --app DIR [--bundle DIR] [--user NAME] [--station-id ID]
#                                           [--source camera:0] [--root DIR] [--dry-run]
#
#   --app DIR      the standalone build (dist/mpox-kiosk from installer/build_standalone.sh), copied to
#                  /opt/mpox-kiosk; or a virtualenv that has mpox-kiosk in bin/ (used where it is)
#   --bundle DIR   model bundle copied to /opt/mpox-kiosk-model/default (else the one inside --app)
#   --root DIR     install into DIR instead of / (packaging and tests); no user is created, no systemctl
#   --dry-run      print every action, change nothing
#
# Result: user NAME (default mpox-kiosk) with autologin left to the display manager; its systemd *user* service
# mpox-kiosk.service starts the station fullscreen at login and restarts it when it crashes; configuration
# /etc/mpox-kiosk/config.toml (root-owned, readable by the user); data /var/lib/mpox-kiosk (0700, the user's),
# media key /var/lib/mpox-kiosk/keys/media.key (0600, created at first start).
set -euo pipefail

APP="" BUNDLE="" KUSER="mpox-kiosk" STATION_ID="$(hostname -s 2>/dev/null || echo gate-1)" SOURCE="camera:0"
ROOT="" DRY=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --app) APP="$2"; shift 2 ;;
        --bundle) BUNDLE="$2"; shift 2 ;;
        --user) KUSER="$2"; shift 2 ;;
        --station-id) STATION_ID="$2"; shift 2 ;;
        --source) SOURCE="$2"; shift 2 ;;
        --root) ROOT="${2%/}"; shift 2 ;;
        --dry-run) DRY=1; shift ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "install-station.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ -n "$APP" ]] || { echo "install-station.sh: --app DIR is required (see --help)" >&2; exit 2; }
[[ -d "$APP" ]] || { echo "install-station.sh: --app $APP is not a folder" >&2; exit 2; }
if [[ -n "$BUNDLE" && ! -f "$BUNDLE/manifest.json" ]]; then
    echo "install-station.sh: --bundle $BUNDLE has no manifest.json (make one with mpox-train export)" >&2; exit 2
fi
if [[ -z "$ROOT" && $DRY -eq 0 && $EUID -ne 0 ]]; then
    echo "install-station.sh: run as root (or use --root DIR / --dry-run)" >&2; exit 1
fi

OPT=/opt/mpox-kiosk MODEL=/opt/mpox-kiosk-model ETC=/etc/mpox-kiosk DATA=/var/lib/mpox-kiosk
run() {  # print the action; do it unless --dry-run
    echo "+ $*"
    if [[ $DRY -eq 0 ]]; then "$@"; fi
}
write() {  # write stdin to a file under the root with a mode
    local path="$ROOT$1" mode="$2" content
    content="$(cat)"
    echo "+ write $path (mode $mode)"
    if [[ $DRY -eq 0 ]]; then printf '%s\n' "$content" > "$path"; chmod "$mode" "$path"; fi
}

# 1. the application
if [[ -x "$APP/mpox-kiosk" ]]; then              # standalone build
    run mkdir -p "$ROOT$OPT"
    run cp -a "$APP/." "$ROOT$OPT/"
    EXE="$OPT/mpox-kiosk"
elif [[ -x "$APP/bin/mpox-kiosk" ]]; then        # a virtualenv, used in place
    EXE="$(cd "$APP" && pwd)/bin/mpox-kiosk"
else
    echo "install-station.sh: $APP holds neither mpox-kiosk nor bin/mpox-kiosk" >&2; exit 2
fi
BUNDLE_LINE='bundle = ""'
if [[ -n "$BUNDLE" ]]; then
    run mkdir -p "$ROOT$MODEL"
    run rm -rf "$ROOT$MODEL/default"
    run cp -a "$BUNDLE" "$ROOT$MODEL/default"
    # Where no signing key is trusted the station accepts only a bundle it pinned itself (kiosk/trust.py): the
    # bundle's pin (mpox-train pin) becomes the station's own pin of its installed place, written here by root
    # before any account exists (later pins: mpox-kiosk trust pin BUNDLE --as ADMIN, audited).
    if [[ -f "${BUNDLE%/}.pin" ]]; then
        run cp -a "${BUNDLE%/}.pin" "$ROOT$MODEL/default.pin"
        PIN_ID="$(printf '%s' "$MODEL/default" | sha256sum | cut -c1-24)"  # models.trust.station_pin_path
        run mkdir -p "$ROOT$DATA/trusted-pins"
        run cp "${BUNDLE%/}.pin" "$ROOT$DATA/trusted-pins/$PIN_ID.pin"
        run chmod 0600 "$ROOT$DATA/trusted-pins/$PIN_ID.pin"
    fi
    BUNDLE_LINE="bundle = \"$MODEL/default\""
fi

# 2. the kiosk user
if [[ -z "$ROOT" ]]; then
    if ! id "$KUSER" >/dev/null 2>&1; then
        run useradd --system --create-home --shell /bin/bash --groups video "$KUSER"
    fi
else
    echo "# --root: not creating user $KUSER; owner of $DATA must be set to it on the station"
fi

# 3. configuration (root-owned: the officer cannot change thresholds) and data folders
run mkdir -p "$ROOT$ETC" "$ROOT$DATA/keys"
write "$ETC/config.toml" 0644 <<TOML
# mpox-kiosk station configuration (docs/kiosk.md lists every key)
[station]
id = "$STATION_ID"
[camera]
source = "$SOURCE"
[model]
$BUNDLE_LINE
device = "cpu"
[storage]
data_dir = "$DATA"
key_file = "$DATA/keys/media.key"
[ui]
fullscreen = true
TOML
run chmod 0700 "$ROOT$DATA" "$ROOT$DATA/keys"
if [[ -d "$ROOT$DATA/trusted-pins" ]]; then run chmod 0700 "$ROOT$DATA/trusted-pins"; fi
if [[ -z "$ROOT" ]]; then
    run chown -R "$KUSER:" "$DATA"
fi

# 4. systemd user service: started at the kiosk user's graphical login, restarted on crash
UNIT_DIR=/etc/systemd/user
run mkdir -p "$ROOT$UNIT_DIR"
write "$UNIT_DIR/mpox-kiosk.service" 0644 <<UNIT
[Unit]
Description=Mpox screening station (mpox-kiosk)
After=graphical-session.target
PartOf=graphical-session.target
# a crash loop is slowed down (RestartSec), never given up on; systemd reads this in [Unit] only
StartLimitIntervalSec=0

[Service]
ExecStart=$EXE --config $ETC/config.toml --fullscreen
Restart=always
RestartSec=3

[Install]
WantedBy=graphical-session.target
UNIT
if [[ -z "$ROOT" ]]; then
    # enable for the kiosk user only (not every user of the machine)
    run mkdir -p "/home/$KUSER/.config/systemd/user/graphical-session.target.wants"
    run ln -sf "$UNIT_DIR/mpox-kiosk.service" \
        "/home/$KUSER/.config/systemd/user/graphical-session.target.wants/mpox-kiosk.service"
    run chown -R "$KUSER:" "/home/$KUSER/.config"
    run loginctl enable-linger "$KUSER"
fi
echo "installed: $EXE, config $ETC/config.toml, data $DATA (0700), unit $UNIT_DIR/mpox-kiosk.service"
echo "next: create the administrator: sudo -u $KUSER $EXE --config $ETC/config.toml create-user NAME --role admin"
echo "      and set the display manager to log $KUSER in automatically (docs/install.md)"
