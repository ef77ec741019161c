"""The composition root as a user runs it: a real process, offscreen, that must exit cleanly by itself."""

import os
import subprocess
import sys

import pytest

from kiosk.app import main
from tests.conftest import REPO_ROOT, one_hot_probs


def station_toml(tmp_path):
    """A configuration file with its data in tmp_path; the model on eager PyTorch (no ONNX export per start:
    tests/kiosk/conftest.py)."""
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n[model]\nbackend = "eager"\n')
    return cfg


def run_kiosk(args, tmp_path, timeout=120, login=False):
    cfg = station_toml(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    flags = [] if login else ["--no-login"]
    return subprocess.run(
        [sys.executable, "-m", "kiosk.app", "--config", str(cfg), *flags, *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.slow
def test_quit_after_two_seconds_exits_cleanly(tmp_path, image_folder, make_tiny_bundle):
    bundle = make_tiny_bundle(probs=one_hot_probs("mpox", 0.9))
    proc = run_kiosk(
        ["--quit-after", "2", "--source", f"folder:{image_folder}", "--bundle", str(bundle)], tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "data" / "cases.sqlite3").is_file()  # the case database was opened


@pytest.mark.slow
def test_starts_without_a_model_and_says_why(tmp_path, image_folder):
    proc = run_kiosk(
        [
            "--quit-after",
            "1",
            "--source",
            f"folder:{image_folder}",
            "--bundle",
            str(tmp_path / "no-such-bundle"),
        ],
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert "screening unavailable" in proc.stderr and "no-such-bundle" in proc.stderr


@pytest.mark.slow
def test_quit_after_also_ends_a_waiting_login_dialog(tmp_path, image_folder):
    # First start with accounts: the create-admin dialog is open when the time is up.
    proc = run_kiosk(
        ["--quit-after", "2", "--source", f"folder:{image_folder}"], tmp_path, timeout=60, login=True
    )
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


# --- a station never runs with its security switched off (issue 12, items 3 and 9) ---------------------


@pytest.fixture
def boxes(monkeypatch):
    """Record the message boxes the station would show (a display is pretended; nothing blocks)."""
    import kiosk.app as app

    shown = []
    monkeypatch.setattr(app, "_display_available", lambda: True)
    # The box's text and, under it, the technical detail (English), as one text.
    monkeypatch.setattr(
        app, "show_error_box", lambda title, text, detail="": shown.append((title, f"{text}\n{detail}"))
    )
    return shown


@pytest.mark.parametrize("missing", ["argon2", "kiosk.ui.review", "kiosk.store"])
def test_a_missing_required_module_stops_the_station(tmp_path, capsys, monkeypatch, boxes, missing):
    import kiosk.app as app

    started = []
    monkeypatch.setattr(app, "run_gui", lambda *a, **k: started.append(a) or 0)
    monkeypatch.setitem(sys.modules, missing, None)  # import fails, as in a frozen build without it
    assert main(["--config", str(station_toml(tmp_path))]) == app.EXIT_BROKEN
    assert started == []  # no window, and above all no window without a login
    err = capsys.readouterr().err
    assert "cannot start" in err and missing in err and "Reinstall" in err
    assert len(boxes) == 1 and missing in boxes[0][1]


@pytest.mark.slow
def test_login_never_fails_open_when_the_review_module_is_missing(
    qtbot, kiosk_config, fake_camera, monkeypatch
):
    from kiosk.app import Station

    station = Station(kiosk_config, source_factory=lambda _s: fake_camera[0]())
    monkeypatch.setitem(sys.modules, "kiosk.ui.review", None)
    try:
        with pytest.raises(ImportError):
            station.build()
        assert station.user is None
    finally:
        station.shutdown()


def test_the_case_log_needs_its_store_at_import(monkeypatch):
    monkeypatch.delitem(sys.modules, "kiosk.caselog")
    monkeypatch.setitem(sys.modules, "kiosk.store", None)
    with pytest.raises(ImportError):
        import kiosk.caselog  # noqa: F401 - the import is the test


def test_without_a_database_nobody_can_log_in_so_the_station_does_not_start(
    tmp_path, capsys, boxes, monkeypatch
):
    import kiosk.app as app

    cfg = tmp_path / "kiosk.toml"
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    cfg.write_text(f'[storage]\ndata_dir = "{blocker / "data"}"\n[camera]\nsource = "camera:9"\n')
    monkeypatch.setattr(app, "_configure_torch_threads", lambda: None)
    assert main(["--config", str(cfg), "--bundle", str(tmp_path / "none")]) == app.EXIT_REFUSED
    err = capsys.readouterr().err
    assert "nobody can log in" in err and "--no-login" in err
    assert boxes and "nobody can log in" in boxes[0][1]


def test_a_configuration_error_is_shown_on_screen_too(tmp_path, capsys, boxes):
    bad = tmp_path / "bad.toml"
    bad.write_text("[security]\nsession_timeout_minutes = 0\n")
    assert main(["--config", str(bad)]) == 2
    assert "session_timeout_minutes" in capsys.readouterr().err
    assert len(boxes) == 1 and "session_timeout_minutes" in boxes[0][1]
    assert main(["--validate-config", str(bad)]) == 2  # the command-line check stays on stderr only
    assert len(boxes) == 1


@pytest.mark.slow
def test_sigterm_from_the_service_stops_the_station_cleanly(tmp_path, image_folder, make_tiny_bundle):
    import signal
    import time

    bundle = make_tiny_bundle(probs=one_hot_probs("mpox", 0.9))
    cfg = station_toml(tmp_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    args = [
        "--config",
        str(cfg),
        "--no-login",
        "--source",
        f"folder:{image_folder}",
        "--bundle",
        str(bundle),
        "--quit-after",
        "60",
    ]
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk.app", *args],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (tmp_path / "data" / "cases.sqlite3").is_file():
            time.sleep(0.2)
        time.sleep(3)  # the window is up and the event loop runs
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err  # shut down through the session's end, not killed by the signal
    assert "Traceback" not in err
