"""``mpox-kiosk``: the screening station.

The composition root: config -> database -> bundle -> workers -> window.

Each part that can fail on a station (the model, the database, the camera) fails on its own: the window still
opens and says what is unavailable and what to do.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from models.errors import MpoxError

from .capture import CaptureService, FrameSource, make_source
from .config import ConfigError, KioskConfig, describe, load_config, with_overrides

log = logging.getLogger("mpox-kiosk")


def _admin_commands() -> tuple[str, ...]:
    try:
        from kiosk import admin_cli
    except ImportError:
        return ()
    return tuple(getattr(admin_cli, "COMMANDS", ()))


def get_args_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mpox-kiosk",
        description="Mpox screening station (a screening aid, not a diagnosis). Administration: "
        "mpox-kiosk verify-audit | create-user | list-users | reset-password | purge | audit-log | migrate.",
    )
    p.add_argument("--config", help="TOML configuration file (default: the platform's standard location)")
    p.add_argument("--source", help="camera:N | file:PATH | folder:PATH (overrides [camera] source)")
    p.add_argument("--bundle", help="model bundle folder (overrides [model] bundle)")
    p.add_argument("--validate-config", metavar="FILE", help="check a configuration file and exit")
    p.add_argument("--quit-after", type=float, metavar="SECONDS",
                   help="close cleanly after SECONDS (demos, tests)")
    p.add_argument("--no-login", action="store_true",
                   help="do not ask for a login (demos and training; cases are saved without an operator)")
    p.add_argument("--fullscreen", action="store_true", help="kiosk mode (also [ui] fullscreen)")
    return p


class Station:
    """Owns everything that runs: engine, store writer, capture service, inference thread, window."""

    def __init__(self, config: KioskConfig, source_factory: Callable[[str], FrameSource] = make_source):
        self.config = config
        self.source_factory = source_factory  # tests pass recorded sources here
        self.engine = None
        self.unavailable = ""
        self.db = None
        self.writer = None
        self.database_state = "not started"
        self.capture: CaptureService | None = None
        self.controller = None
        self.window = None
        self.operator = ""
        self.user = None
        self.review_window = None
        self.inactivity = None
        self._stoppers: list[threading.Thread] = []

    # --- parts ---
    def load_engine(self) -> None:
        from .inference import ScreeningEngine, ScreeningUnavailable

        try:
            self.engine = ScreeningEngine.from_config(self.config)
        except ScreeningUnavailable as exc:
            self.unavailable = str(exc)
            log.warning("screening unavailable: %s", exc)

    def open_store(self, relay) -> None:
        try:
            from kiosk.store import CaseWriter, open_database
        except ImportError as exc:
            self.database_state = f"unavailable ({exc}): cases are NOT saved"
            return
        storage = self.config.storage
        try:
            self.db = open_database(storage.database_url, Path(storage.data_dir), key_file=storage.key_file)
            self.writer = CaseWriter(self.db, self.config, on_status=relay.on_writer_status)
            self.writer.start()
            self.database_state = "OK"
        except (MpoxError, OSError) as exc:
            self.database_state = f"unavailable: cases are NOT saved. {exc}"
            log.error("case database unavailable: %s", exc)

    def start_capture(self, spec: str, relay) -> None:
        self.capture = CaptureService(lambda: self.source_factory(spec), on_state=relay.on_capture_state)
        self.capture.start()

    def switch_source(self, spec: str, relay) -> None:
        old = self.capture
        if old is not None:  # stopping may take a moment (a camera driver): never in the GUI thread
            t = threading.Thread(target=old.stop, name="mpox-capture-stop", daemon=True)
            t.start()
            self._stoppers.append(t)
        try:
            self.start_capture(spec, relay)
        except MpoxError as exc:
            self.window.lost_panel.show_reason(str(exc))
            return
        self.window.set_capture(self.capture, spec)

    def login(self, no_login: bool) -> bool:
        """Ask for a login when the review module and a database exist; False when nobody logged in."""
        if no_login or self.db is None:
            return True
        try:
            from kiosk.ui.review import login_flow
        except ImportError:
            return True
        self.user = login_flow(self.window, self.db, self.config)
        if self.user is None:
            return False
        self.operator = str(getattr(self.user, "username", "") or "")
        return True

    def can_review(self) -> bool:
        return getattr(self.user, "role", "") in ("reviewer", "admin")

    def open_review(self) -> None:
        try:
            from kiosk.ui.review import open_review
        except ImportError:
            return
        # Keep a reference: a window without one would be garbage-collected at once.
        self.review_window = open_review(self.window, self.db, self.config, self.user)

    # --- lifecycle ---
    def build(self, no_login: bool = False):
        from .caselog import CaseLog
        from .ui.screening_window import ScreeningWindow
        from .workers import InferenceController, StatusRelay

        self.relay = StatusRelay()
        self.load_engine()
        self.open_store(self.relay)
        if self.engine is not None:
            caselog = None
            if self.writer is not None:
                caselog = CaseLog(self.writer, self.config.station.id, self.engine.bundle.name,
                                  self.engine.bundle.sha256, self.config.storage.store_clear_images)
            self.controller = InferenceController(self.engine, caselog)
        spec = self.config.camera.source
        try:
            self.start_capture(spec, self.relay)
        except MpoxError as exc:
            log.error("%s", exc)
        model_label = f"{self.engine.bundle.name} · {self.engine.bundle.short_hash}" if self.engine else ""
        self.window = ScreeningWindow(
            self.capture, self.controller, unavailable=self.unavailable, model_label=model_label,
            device_label=self.engine.device_label if self.engine else "", source_spec=spec,
            auto_mode=self.config.screening.auto_mode, database_state=self.database_state,
        )
        if self.engine and self.engine.backend_note:
            self.window.status_device.setToolTip(self.engine.backend_note)
        self.relay.capture_state.connect(self.window.on_capture_state)
        self.relay.writer_status.connect(self.window.on_writer_status)
        self.window.source_change_requested.connect(lambda s: self.switch_source(s, self.relay))
        if not self.login(no_login):
            return None
        self._apply_user()
        self.window.review_requested.connect(self.open_review)
        self._watch_inactivity()
        return self.window

    def _apply_user(self) -> None:
        self.window.operator = self.operator
        self.window.review_button.setVisible(self.can_review())

    def _watch_inactivity(self) -> None:
        """Log the user off after ``security.session_timeout_minutes`` without keyboard or mouse input."""
        if self.user is None:
            return
        from kiosk.ui.review import InactivityWatcher

        self.inactivity = InactivityWatcher(self.config.security.session_timeout_minutes, self.window)
        self.inactivity.timed_out.connect(self.log_off_inactive)

    def log_off_inactive(self) -> None:
        """Close the review window, record the log-off, and ask for a login again; no login closes the
        station (its service restarts it at the login dialog)."""
        from kiosk.store import accounts

        if self.review_window is not None:
            self.review_window.close()
            self.review_window = None
        if self.user is not None:
            try:
                accounts.logout(self.db, self.user, "inactivity")
            except MpoxError as exc:
                log.error("could not record the log-off: %s", exc)
        self.user, self.operator = None, ""
        self._apply_user()
        if self.login(no_login=False):
            self._apply_user()
            self.inactivity.set_interval_ms(int(self.config.security.session_timeout_minutes * 60_000))
        else:
            self.window.close()

    def shutdown(self) -> None:
        """Stop in reverse order; every thread is asked to finish and waited for (never terminated)."""
        if self.inactivity is not None:
            self.inactivity.stop()
        if self.window is not None:
            self.window.stop_timers()
        if self.capture is not None:
            self.capture.stop()
        for t in self._stoppers:
            t.join(timeout=3.0)
        if self.controller is not None:
            self.controller.shutdown()
        if self.writer is not None:
            self.writer.stop()
        if self.db is not None:
            self.db.close()


def _configure_torch_threads() -> None:
    # Leave one core to the GUI thread so the live view stays smooth while the model runs on the CPU.
    import torch

    torch.set_num_threads(max(1, (os.cpu_count() or 2) - 1))


def run_gui(config: KioskConfig, quit_after: float | None = None, no_login: bool = False,
            fullscreen: bool = False) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    app = QApplication.instance() or QApplication([sys.argv[0]])
    _configure_torch_threads()
    station = Station(config)
    quit_requested = []

    def quit_now() -> None:
        # A login dialog runs its own event loop, which app.quit() does not end: close dialogs first.
        quit_requested.append(True)
        for widget in app.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        app.quit()

    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), quit_now)
    try:
        window = station.build(no_login=no_login)
        if quit_requested:
            return 0
        if window is None:
            print("mpox-kiosk: nobody logged in; the station was closed", file=sys.stderr)
            return 1
        if fullscreen or config.ui.fullscreen:
            window.showFullScreen()
        else:
            window.show()
        app.setQuitOnLastWindowClosed(True)
        return app.exec()
    finally:
        station.shutdown()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # The first word that is not an option (nor --config's value) may be an administration command.
    words = [a for i, a in enumerate(argv) if not a.startswith("-") and (i == 0 or argv[i - 1] != "--config")]
    if words and words[0] in _admin_commands():
        from kiosk import admin_cli

        return admin_cli.main(argv)
    args = get_args_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.validate_config:
        try:
            config = load_config(args.validate_config)
        except ConfigError as exc:
            print(f"mpox-kiosk: {exc}", file=sys.stderr)
            return 2
        print(f"{args.validate_config}: OK\n{describe(config)}")
        return 0
    try:
        config = with_overrides(load_config(args.config), source=args.source, bundle=args.bundle)
    except ConfigError as exc:
        print(f"mpox-kiosk: {exc}", file=sys.stderr)
        return 2
    return run_gui(config, quit_after=args.quit_after, no_login=args.no_login, fullscreen=args.fullscreen)


if __name__ == "__main__":
    sys.exit(main())
