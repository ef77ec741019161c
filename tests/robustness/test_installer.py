"""installer/linux: install into a temporary root (--root) and a dry run, never touching the real system."""

from __future__ import annotations

import configparser
import shutil
import stat
import subprocess
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALL = REPO / "installer" / "linux" / "install-station.sh"
UNINSTALL = REPO / "installer" / "linux" / "uninstall-station.sh"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", *args], capture_output=True, text=True, timeout=60)


@pytest.fixture
def app(tmp_path) -> Path:
    """A stand-in for the standalone build folder (an executable mpox-kiosk and its _internal folder)."""
    folder = tmp_path / "dist" / "mpox-kiosk"
    (folder / "_internal").mkdir(parents=True)
    exe = folder / "mpox-kiosk"
    exe.write_text("#!/bin/sh\necho mpox-kiosk\n")
    exe.chmod(0o755)
    return folder


def test_install_into_a_root_lays_out_app_config_data_and_service(tmp_path, app, make_tiny_bundle):
    root = tmp_path / "root"
    bundle = make_tiny_bundle()
    proc = run(
        str(INSTALL),
        "--app",
        str(app),
        "--bundle",
        str(bundle),
        "--root",
        str(root),
        "--station-id",
        "gate-7",
        "--source",
        "camera:1",
    )
    assert proc.returncode == 0, proc.stderr
    assert (root / "opt/mpox-kiosk/mpox-kiosk").stat().st_mode & stat.S_IXUSR
    assert (root / "opt/mpox-kiosk-model/default/manifest.json").is_file()
    assert (root / "opt/mpox-kiosk-model/default.pin").read_bytes() == bundle.with_suffix(".pin").read_bytes()
    # the station's own pin of the installed place (issue 30: a pin beside a bundle is not enough)
    from models.trust import station_pin_path

    station_pin = station_pin_path(
        Path("/var/lib/mpox-kiosk/trusted-pins"), Path("/opt/mpox-kiosk-model/default")
    )
    installed = root / "var/lib/mpox-kiosk/trusted-pins" / station_pin.name
    assert installed.read_bytes() == bundle.with_suffix(".pin").read_bytes()
    assert stat.S_IMODE(installed.stat().st_mode) == 0o600
    assert stat.S_IMODE(installed.parent.stat().st_mode) == 0o700
    config = tomllib.loads((root / "etc/mpox-kiosk/config.toml").read_text())
    assert config["station"]["id"] == "gate-7" and config["camera"]["source"] == "camera:1"
    assert config["model"]["bundle"] == "/opt/mpox-kiosk-model/default"
    assert config["storage"]["data_dir"] == "/var/lib/mpox-kiosk" and config["ui"]["fullscreen"] is True
    for folder in ("var/lib/mpox-kiosk", "var/lib/mpox-kiosk/keys"):
        assert stat.S_IMODE((root / folder).stat().st_mode) == 0o700
    unit = (root / "etc/systemd/user/mpox-kiosk.service").read_text()
    assert "ExecStart=/opt/mpox-kiosk/mpox-kiosk --config /etc/mpox-kiosk/config.toml --fullscreen" in unit
    assert "Restart=always" in unit and "WantedBy=graphical-session.target" in unit
    sections = configparser.ConfigParser(interpolation=None)
    sections.optionxform = str  # systemd's keys are case-sensitive
    sections.read_string(unit)
    # Never give up restarting: systemd reads StartLimitIntervalSec in [Unit] and ignores it in [Service].
    assert sections["Unit"]["StartLimitIntervalSec"] == "0"
    assert "StartLimitIntervalSec" not in sections["Service"]
    assert sections["Service"]["Restart"] == "always" and sections["Service"]["RestartSec"] == "3"


def test_installed_config_is_accepted_by_the_kiosk(tmp_path, app):
    from kiosk.config import load_config

    root = tmp_path / "root"
    assert run(str(INSTALL), "--app", str(app), "--root", str(root)).returncode == 0
    config = load_config(root / "etc/mpox-kiosk/config.toml")
    assert str(config.storage.data_dir) == "/var/lib/mpox-kiosk" and config.ui.fullscreen


def test_dry_run_prints_the_actions_and_changes_nothing(tmp_path, app):
    root = tmp_path / "root"
    proc = run(str(INSTALL), "--app", str(app), "--root", str(root), "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "+ cp -a" in proc.stdout and "mpox-kiosk.service" in proc.stdout and "chmod 0700" in proc.stdout
    assert not root.exists()


def test_bad_arguments_are_refused_with_a_reason(tmp_path, app):
    assert "--app DIR is required" in run(str(INSTALL), "--root", str(tmp_path)).stderr
    proc = run(str(INSTALL), "--app", str(app), "--bundle", str(tmp_path), "--root", str(tmp_path / "r"))
    assert proc.returncode == 2 and "no manifest.json" in proc.stderr


def test_uninstall_keeps_the_data_unless_purged(tmp_path, app):
    root = tmp_path / "root"
    assert run(str(INSTALL), "--app", str(app), "--root", str(root)).returncode == 0
    (root / "var/lib/mpox-kiosk/cases.sqlite3").write_bytes(b"cases")
    proc = run(str(UNINSTALL), "--root", str(root))
    assert proc.returncode == 0, proc.stderr
    assert not (root / "opt/mpox-kiosk").exists() and not (root / "etc/mpox-kiosk").exists()
    assert not (root / "etc/systemd/user/mpox-kiosk.service").exists()
    assert (root / "var/lib/mpox-kiosk/cases.sqlite3").read_bytes() == b"cases"
    assert run(str(UNINSTALL), "--root", str(root), "--purge-data").returncode == 0
    assert not (root / "var/lib/mpox-kiosk").exists()


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
def test_scripts_pass_shellcheck():
    scripts = [INSTALL, UNINSTALL, REPO / "installer" / "build_standalone.sh"]
    proc = subprocess.run(["shellcheck", *map(str, scripts)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout
