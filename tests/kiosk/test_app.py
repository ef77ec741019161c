"""The composition root as a user runs it: a real process, offscreen, that must exit cleanly by itself."""

import os
import subprocess
import sys

import pytest

from kiosk.app import main
from tests.conftest import REPO_ROOT, one_hot_probs


def run_kiosk(args, tmp_path, timeout=120, login=False):
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n')
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    flags = [] if login else ["--no-login"]
    return subprocess.run([sys.executable, "-m", "kiosk.app", "--config", str(cfg), *flags, *args],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
def test_quit_after_two_seconds_exits_cleanly(tmp_path, image_folder, make_tiny_bundle):
    bundle = make_tiny_bundle(probs=one_hot_probs("mpox", 0.9))
    proc = run_kiosk(["--quit-after", "2", "--source", f"folder:{image_folder}", "--bundle", str(bundle)],
                     tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "data" / "cases.sqlite3").is_file()  # the case database was opened


@pytest.mark.slow
def test_starts_without_a_model_and_says_why(tmp_path, image_folder):
    proc = run_kiosk(["--quit-after", "1", "--source", f"folder:{image_folder}", "--bundle",
                      str(tmp_path / "no-such-bundle")], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "screening unavailable" in proc.stderr and "no-such-bundle" in proc.stderr


@pytest.mark.slow
def test_quit_after_also_ends_a_waiting_login_dialog(tmp_path, image_folder):
    # First start with accounts: the create-admin dialog is open when the time is up.
    proc = run_kiosk(["--quit-after", "2", "--source", f"folder:{image_folder}"], tmp_path, timeout=60,
                     login=True)
    assert proc.returncode == 0, proc.stderr


def test_bad_config_or_source_is_refused_before_any_window(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("[camera]\nsource = 'usb0'\n")
    assert main(["--config", str(bad)]) == 2
    assert "[camera] source = 'usb0'" in capsys.readouterr().err
    assert main(["--source", "usb0"]) == 2
    assert "--source" in capsys.readouterr().err


def test_administration_commands_are_dispatched(tmp_path, capsys, monkeypatch):
    admin_cli = pytest.importorskip("kiosk.admin_cli")
    seen = []
    monkeypatch.setattr(admin_cli, "main", lambda argv: seen.append(argv) or 0)
    assert main(["verify-audit"]) == 0
    assert main(["--config", "x.toml", "list-users"]) == 0
    assert seen == [["verify-audit"], ["--config", "x.toml", "list-users"]]
