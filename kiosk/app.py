"""``mpox-kiosk``: the screening station.

The composition root: config -> database -> bundle -> workers -> window -> login.

Each part that can fail on a station at run time (the model, the camera) fails on its own: the window still
opens and says what is unavailable and what to do. What security rests on never fails open: a required module
that is missing (the store, the login and review screens, argon2) or, when a login is required, a case
database that cannot be opened (no account could be checked) stops the station with a message on screen and
on stderr. ``--no-login`` is the explicit demo mode.

Sessions (``kiosk/ui/session.py``): every way a session ends goes through ``StationSession.end`` once.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from models.errors import MpoxError

from .capture import CameraProber, CaptureService, FrameSource, make_source, probe_cameras
from .config import ConfigError, KioskConfig, describe, load_config, with_overrides

log = logging.getLogger("mpox-kiosk")

# Exit statuses: 1 nobody logged in / station refused to start, 2 configuration, 3 broken installation.
EXIT_REFUSED, EXIT_CONFIG, EXIT_BROKEN = 1, 2, 3


class StartupRefused(MpoxError):
    """The station must not run like this; the message says why and what to do."""


def _admin_commands() -> tuple[str, ...]:
    from kiosk import admin_cli  # plain Python, no optional parts: an ImportError is a broken installation

    return tuple(admin_cli.COMMANDS)


def require_modules() -> None:
    """Import what the station cannot run without. A missing one is a broken installation (e.g. a frozen
    build without argon2): it raises ImportError here, never switches the login off later."""
    import argon2  # noqa: F401 - password hashes (kiosk.store.accounts)

    import kiosk.caselog  # noqa: F401
    import kiosk.store  # noqa: F401
    import kiosk.store.accounts  # noqa: F401
    import kiosk.ui.review  # noqa: F401 - the login dialog and the review screens
    import kiosk.ui.session  # noqa: F401


def broken_install_message(exc: ImportError) -> str:
    name = getattr(exc, "name", None) or str(exc)
    return (
        f"the station cannot start: a required part is missing or broken ({name}: {exc}). "
        "The login and the case log depend on it, so the station does not run without it. "
        "Reinstall the station (installer/build_standalone.sh or pip install), or call your "
        "administrator"
    )


def _display_available() -> bool:
    """True when a message box would be seen by someone (not offscreen, not a console without a display)."""
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError:
        return False
    app = QApplication.instance()
    if app is not None:
        return app.platformName() not in ("offscreen", "minimal")
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if platform in ("offscreen", "minimal"):
        return False
    if platform or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def show_error_box(title: str, text: str, detail: str = "") -> None:
    """A modal message box (the station's screen would otherwise stay blank); ``detail``: a technical line
    for the administrator under ``text``."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    _app = QApplication.instance() or QApplication([sys.argv[0]])  # must exist (and live) for the box
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok)
    if detail:
        box.setInformativeText(detail)
    box.exec()


def fail_start(message: str, code: int) -> int:
    """Say why the station does not start: on stderr always (English, for the administrator), and on screen
    when there is one: a line in the station's language once it is installed (English before), with the
    message under it as the technical detail."""
    print(f"mpox-kiosk: {message}", file=sys.stderr, flush=True)
    log.error("station not started: %s", message)
    if _display_available():
        try:
            try:
                from .ui.i18n import technical_detail, tr
            except ImportError:  # the window's code itself is what is broken: English

                def tr(_context: str, text: str) -> str:
                    return text

                def technical_detail(detail: object) -> str:
                    return f"Technical detail (for the administrator): {detail}"

            show_error_box(
                tr("Station", "Mpox screening station: cannot start"),
                tr("Station", "The station cannot start. Call your administrator."),
                technical_detail(message[:1].upper() + message[1:] + "."),
            )
        except Exception:  # noqa: BLE001 - stderr already has the message
            log.exception("could not show the start-up error on screen")
    return code


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
    p.add_argument(
        "--quit-after", type=float, metavar="SECONDS", help="close cleanly after SECONDS (demos, tests)"
    )
    p.add_argument(
        "--no-login",
        action="store_true",
        help="do not ask for a login (demos and training; cases are saved without an operator)",
    )
    p.add_argument("--fullscreen", action="store_true", help="kiosk mode (also [ui] fullscreen)")
    return p


class Station:
    """Owns everything that runs: engine, store writer, capture service, inference thread, window, session."""

    def __init__(
        self,
        config: KioskConfig,
        source_factory: Callable[[str], FrameSource] = make_source,
        clock: Callable[[], float] = time.monotonic,
        camera_prober: CameraProber = probe_cameras,
    ):
        self.config = config
        self.source_factory = source_factory  # tests pass recorded sources here
        self.camera_prober = camera_prober  # what lists the cameras that exist; tests pass a fake one
        self.clock = clock  # the capture watchdog's and the case log's; tests pass one they move by hand
        self.engine = None
        self.unavailable = ""  # why screening is unavailable (English, for the administrator); "" : it works
        self.unavailable_kind = "model"  # the officer's line for it (screening_window.UNAVAILABLE)
        self.db = None
        self.writer = None
        self.caselog = None
        self.database_state = "not started"  # a key of screening_window.DATABASE_STATES (translated there)
        self.database_detail = ""  # why the database is unavailable (English, the status bar's tooltip)
        self.capture: CaptureService | None = None
        self.controller = None
        self.shadow = None  # [model] shadow_bundle: a candidate run beside the live bundle (kiosk/shadow.py)
        self.window = None
        self.login_required = True
        self.session = None  # kiosk.ui.session.StationSession while someone is logged in
        self.review_window = None
        self.flag_sound = None  # kiosk.ui.assets.FlagSound when [ui] flag_sound is on
        self.closing = False
        self._stopped = False
        self._stoppers: list[threading.Thread] = []

    @property
    def user(self):
        return self.session.user if self.session is not None and self.session.active else None

    @property
    def operator(self) -> str:
        user = self.user
        return user.username if user is not None else ""

    # --- parts ---
    def load_engine(self) -> None:
        from .inference import ScreeningEngine, ScreeningUnavailable
        from .trust import BundleRefused

        try:
            self.engine = ScreeningEngine.from_config(self.config)
        except ScreeningUnavailable as exc:
            self.unavailable = str(exc)
            # A bundle refused by its trust check: the officer is told the model was changed or damaged.
            self.unavailable_kind = "refused" if isinstance(exc.__cause__, BundleRefused) else "model"
            log.warning("screening unavailable: %s", exc)

    def open_store(self, relay) -> None:
        from kiosk.store import CaseWriter, open_database  # required: an ImportError stops the station

        storage = self.config.storage
        try:
            self.db = open_database(storage.database_url, Path(storage.data_dir), key_file=storage.key_file)
            # The key (images and travellers' references) is checked now, not at the first FLAG: a key file
            # readable by others or damaged stops the saving of cases at start, with what to do.
            try:
                self.db.media.secret()
            except MpoxError:
                self.db.close()
                self.db = None
                raise
            self.writer = CaseWriter(
                self.db, self.config, on_status=relay.on_writer_status, on_case=relay.on_case_event
            )
            self.writer.start()
            self.writer.set_station_state(**self._station_state())
            self.database_state = "OK"
        except (MpoxError, OSError) as exc:
            self.database_state = "unavailable"
            self.database_detail = str(exc)
            log.error("case database unavailable: %s", exc)
            self._database_error = str(exc)

    def _start_shadow(self):
        """The candidate of ``[model] shadow_bundle``, or None. A candidate that cannot run (not vouched for,
        damaged) is logged and left out: the live station runs on, without a shadow."""
        from .shadow import ShadowRunner

        try:
            return ShadowRunner.from_config(self.config, self.writer, self.engine.limits)
        except MpoxError as exc:
            log.error("shadow bundle %s not run: %s", self.config.model.shadow_bundle, exc)
            return None

    def _station_state(self) -> dict[str, str]:
        """The heartbeat's account of this station (the review window's Stations tab)."""
        from importlib.metadata import PackageNotFoundError, version

        try:
            software = version("mpox-aism")
        except PackageNotFoundError:
            software = "unknown"
        engine = self.engine
        return {
            "software_version": software,
            "bundle_name": engine.bundle.name if engine is not None else "",
            "bundle_sha256": engine.bundle.sha256 if engine is not None else "",
            "camera_state": "starting" if engine is not None else "model unavailable",
        }

    def start_capture(self, spec: str, relay) -> None:
        writer = self.writer

        def on_state(stats) -> None:  # the capture service's thread
            if writer is not None and self.engine is not None:
                writer.set_station_state(camera_state=str(stats.state))
            relay.on_capture_state(stats)

        self.capture = CaptureService(lambda: self.source_factory(spec), on_state=on_state, clock=self.clock)
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
            self.window.show_camera_lost(str(exc), getattr(exc, "problem", ""))
            return
        self.window.set_capture(self.capture, spec)

    # --- the session ---
    @property
    def session_marker(self) -> Path:
        from kiosk.ui.session import MARKER_NAME

        return Path(self.config.storage.data_dir) / MARKER_NAME

    def login(self) -> bool:
        """Ask for a login (first start: create the admin); False when nobody logged in."""
        import kiosk.ui.review as review  # required: an ImportError stops the station, never skips the login
        from kiosk.ui.session import StationSession, find_unfinished

        if self.db is None:
            raise StartupRefused(
                "the case database cannot be opened, so no account can be checked and nobody can log in "
                f"({getattr(self, '_database_error', 'unknown error')}). Fix the database or call your "
                "administrator; `mpox-kiosk --no-login` runs a demo without saving cases"
            )
        try:
            find_unfinished(self.db, self.session_marker)
        except (MpoxError, OSError) as exc:
            log.error("could not record the end of an earlier session: %s", exc)
        user = review.login_flow(self.window, self.db, self.config)
        if user is None or self.closing:
            return False
        self.session = StationSession(
            self.db,
            user,
            self.config.security.session_timeout_minutes,
            marker=self.session_marker,
            parent=self.window,
        )
        self.session.ended.connect(self._session_ended)
        self._apply_user()
        return True

    def end_session(self, reason: str) -> bool:
        """End the current session (audited once); True when there was one."""
        return self.session is not None and self.session.end(reason)

    def _session_ended(self, reason: str) -> None:
        """Whatever ended the session: close the review screens, forget the last traveller, and (for a log-off
        or inactivity) ask for a login again; no login closes the station (its service restarts it)."""
        from PySide6.QtCore import QTimer

        from kiosk.ui.session import INACTIVITY, LOGOUT

        review, self.review_window = self.review_window, None
        if review is not None:
            review.close()
        self.window.clear_result()
        self._apply_user()
        if reason in (LOGOUT, INACTIVITY) and not self.closing:
            QTimer.singleShot(0, self._login_again)  # after the slot that ended the session has returned

    def _login_again(self) -> None:
        if self.closing or self.user is not None:
            return
        if not self.login():
            self.closing = True
            self.window.close()

    def can_review(self) -> bool:
        return getattr(self.user, "role", "") in ("reviewer", "admin")

    def open_review(self) -> None:
        from kiosk.ui.review import open_review

        if self.review_window is not None and self.review_window.isVisible():
            self.review_window.raise_()
            self.review_window.activateWindow()
            return
        session = self.session if self.user is not None else None
        # Keep a reference: a window without one would be garbage-collected at once.
        self.review_window = open_review(self.window, self.db, self.config, session)

    def _window_closing(self, reason: str) -> None:
        self.closing = True
        self.end_session(reason)

    # --- lifecycle ---
    def build(self, no_login: bool = False, present: Callable[[object], None] | None = None):
        """Make everything and ask for the login; None when nobody logged in. ``present`` shows the window
        (logged off: nothing is screened) before the login dialog, so the dialog opens over the station."""
        from .caselog import CaseLog
        from .ui import i18n
        from .ui.screening_window import ScreeningWindow
        from .workers import InferenceController, StatusRelay

        i18n.install(self.config.station.language)  # [station] language: before any window is made
        self.login_required = not no_login
        self.relay = StatusRelay()
        self.load_engine()
        self.open_store(self.relay)
        if self.engine is not None:
            if self.writer is not None:
                self.caselog = CaseLog(
                    self.writer,
                    self.config.station.id,
                    self.engine.bundle.name,
                    self.engine.bundle.sha256,
                    self.config.storage.store_clear_images,
                    clock=self.clock,
                    require_consent=self.config.privacy.asks_consent,
                )
                self.shadow = self._start_shadow()
            self.controller = InferenceController(self.engine, self.caselog, shadow=self.shadow)
        spec = self.config.camera.source
        try:
            self.start_capture(spec, self.relay)
        except MpoxError as exc:
            log.error("%s", exc)
        model_label = f"{self.engine.bundle.name} · {self.engine.bundle.short_hash}" if self.engine else ""
        self.window = ScreeningWindow(
            self.capture,
            self.controller,
            unavailable=self.unavailable,
            unavailable_kind=self.unavailable_kind,
            model_label=model_label,
            device_label=self.engine.device_label if self.engine else "",
            source_spec=spec,
            auto_mode=self.config.screening.auto_mode,
            database_state=self.database_state,
            database_detail=self.database_detail,
            login_required=self.login_required,
            clear_result_after_s=self.config.security.clear_result_after_seconds,
            review_instruction=self.config.station.review_instruction,
            station_id=self.config.station.id,
            referral=self.config.referral,
            referral_folder=self.config.referral.folder_in(self.config.storage.data_dir),
            camera_prober=self.camera_prober,
            traveller_screen=self.config.traveller.screen,
            require_consent=self.config.privacy.asks_consent,
            traveller_language=self.config.traveller.language,
            retention_days=self.config.storage.retention_days,
        )
        if self.engine and self.engine.backend_note:
            self.window.status_device.setToolTip(self.engine.backend_note)
        self.relay.capture_state.connect(self.window.on_capture_state)
        self.relay.writer_status.connect(self.window.on_writer_status)
        self.relay.case_event.connect(self.window.on_case_event)
        self.window.source_change_requested.connect(lambda s: self.switch_source(s, self.relay))
        self.window.review_requested.connect(self.open_review)
        self.window.log_off_requested.connect(self._log_off_requested)
        self.window.closing.connect(self._window_closing)
        if self.controller is not None and self.config.ui.flag_sound:
            from .ui.assets import FlagSound

            self.flag_sound = FlagSound(self.window)  # resources/sounds/flag.wav; quiet when it cannot play
            self.controller.outcome.connect(self.flag_sound.on_outcome)
        self._apply_user()
        if present is not None:
            present(self.window)
        if self.login_required and not self.login():
            return None
        return self.window

    def _log_off_requested(self) -> None:
        from kiosk.ui.session import LOGOUT

        self.end_session(LOGOUT)

    def _apply_user(self) -> None:
        user = self.user
        self.window.set_user(user.username if user else "", user.role if user else "", self.can_review())
        if self.caselog is not None:
            self.caselog.forget_last()  # the next traveller is never "the same one still in front"

    def shutdown(self, reason: str = "") -> None:
        """End the session, then stop in reverse order; every thread is asked to finish and waited for."""
        from kiosk.ui.session import STOPPED

        self.closing = True
        if self.session is not None:
            self.session.end(reason or STOPPED)
        if self._stopped:
            return
        self._stopped = True
        if self.window is not None:
            self.window.stop_timers()
        if self.capture is not None:
            self.capture.stop()
        for t in self._stoppers:
            t.join(timeout=3.0)
        if self.controller is not None:
            self.controller.shutdown()
        if self.shadow is not None:
            self.shadow.stop()
        if self.writer is not None:
            self.writer.set_station_state(camera_state="closed")  # the fleet view: closed, not lost
            self.writer.stop()
        if self.db is not None:
            self.db.close()


def present_window(window, fullscreen: bool) -> None:
    """Show the station's window; full screen covers the whole screen with or without a window manager."""
    if fullscreen:
        window.set_fullscreen(True)
    else:
        window.show()


def _configure_torch_threads() -> None:
    """On the PyTorch path, leave one core to the GUI thread so the live view stays smooth while the model
    runs on the CPU. The torch-free ONNX path never loads torch (its session has its own thread count)."""
    if "torch" not in sys.modules:
        return
    import torch

    from .inference import station_threads

    torch.set_num_threads(station_threads())


def run_gui(
    config: KioskConfig, quit_after: float | None = None, no_login: bool = False, fullscreen: bool = False
) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from .resources import ResourceMissing
    from .ui.assets import app_icon

    app = QApplication.instance() or QApplication([sys.argv[0]])
    try:
        app.setWindowIcon(app_icon())  # resources/ missing (its style sheet too): a broken installation
    except ResourceMissing as exc:
        return fail_start(str(exc), EXIT_BROKEN)
    station = Station(config)
    quit_requested = []
    from .ui.collector import MainThreadCollector

    collector = MainThreadCollector(parent=app)  # Python's collector only in this (the GUI) thread
    collector.start()

    def quit_now() -> None:
        # A login dialog runs its own event loop, which app.quit() does not end: close dialogs first.
        quit_requested.append(True)
        station.closing = True
        for widget in app.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        app.quit()

    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), quit_now)
    # The service stops the station with SIGTERM: end the session (audited) and shut down cleanly. Python runs
    # signal handlers only between bytecodes, so a timer gives it a chance while Qt waits for events.
    previous = signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, quit_now))
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(250)
    reason = ""
    try:

        def present(window) -> None:
            present_window(window, fullscreen or config.ui.fullscreen)

        app.setQuitOnLastWindowClosed(False)  # a cancelled login closes the window; we say why below
        window = station.build(no_login=no_login, present=present)
        _configure_torch_threads()  # the engine is loaded now: torch is imported only on its PyTorch path
        collector.freeze_startup()
        if quit_requested:
            return 0
        if window is None:
            station.closing = True
            print("mpox-kiosk: nobody logged in; the station was closed", file=sys.stderr)
            return EXIT_REFUSED
        app.setQuitOnLastWindowClosed(True)
        return app.exec()
    except ImportError as exc:
        reason = "crash: a required module is missing"
        return fail_start(broken_install_message(exc), EXIT_BROKEN)
    except StartupRefused as exc:
        return fail_start(str(exc), EXIT_REFUSED)
    except BaseException as exc:
        reason = f"crash: {type(exc).__name__}"
        raise
    finally:
        wake.stop()
        signal.signal(signal.SIGTERM, previous)
        station.shutdown(reason)
        collector.stop()  # the worker threads are joined: automatic collection is safe again


def preflight(config) -> list[str]:
    """What would stop this configuration from starting a working station, one line each with what to do (an
    empty list: it can start): the model bundle (found, intact and vouched for; checked without PyTorch),
    the key file, the data folder and the case database (reached, without creating or migrating it)."""
    from sqlalchemy import create_engine, text

    from kiosk.inference import ScreeningUnavailable, resolve_bundle_path
    from kiosk.store.media import load_or_create_key
    from kiosk.trust import BundleRefused, load_station_bundle, station_policy

    problems = []
    try:
        load_station_bundle(resolve_bundle_path(config.model.bundle), station_policy(config), model=False)
    except BundleRefused as exc:
        problems.append(f"model bundle refused: {exc.details}")
    except (ScreeningUnavailable, MpoxError) as exc:
        problems.append(f"model bundle: {exc}")
    data = Path(config.storage.data_dir)
    existing = next((p for p in (data, *data.parents) if p.exists()), data)
    if not os.access(existing, os.W_OK):
        problems.append(f"data folder {data}: {existing} is not writable by this user")
    key = Path(config.storage.key_file)
    if key.exists():
        try:
            load_or_create_key(key)  # an existing key is only read and checked
        except MpoxError as exc:
            problems.append(str(exc))
    url = config.storage.database_url
    if not url.startswith("sqlite"):
        try:
            engine = create_engine(url)
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            engine.dispose()
        except Exception as exc:  # noqa: BLE001 - any driver error is the answer to this check
            reason = getattr(exc, "orig", None) or exc
            problems.append(f"case database cannot be reached: {type(reason).__name__}: {reason}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(
        logging.WARNING
    )  # schema steps are in `mpox-kiosk migrate`, not on start
    try:
        commands = _admin_commands()
    except ImportError as exc:
        return fail_start(broken_install_message(exc), EXIT_BROKEN)
    # The first word that is not an option (nor --config's value) may be an administration command.
    words = [a for i, a in enumerate(argv) if not a.startswith("-") and (i == 0 or argv[i - 1] != "--config")]
    if words and words[0] in commands:
        from kiosk import admin_cli

        return admin_cli.main(argv)
    args = get_args_parser().parse_args(argv)
    if args.validate_config:  # a command-line check: stderr only
        try:
            config = load_config(args.validate_config)
        except ConfigError as exc:
            print(f"mpox-kiosk: {exc}", file=sys.stderr)
            return EXIT_CONFIG
        problems = preflight(config)
        for problem in problems:
            print(f"mpox-kiosk: {args.validate_config}: {problem}", file=sys.stderr)
        if problems:
            return EXIT_CONFIG
        print(f"{args.validate_config}: OK\n{describe(config)}")
        return 0
    try:
        config = with_overrides(load_config(args.config), source=args.source, bundle=args.bundle)
    except ConfigError as exc:  # a kiosk would otherwise show a blank screen: say it on screen too
        return fail_start(str(exc), EXIT_CONFIG)
    try:
        require_modules()
    except ImportError as exc:
        return fail_start(broken_install_message(exc), EXIT_BROKEN)
    return run_gui(config, quit_after=args.quit_after, no_login=args.no_login, fullscreen=args.fullscreen)


if __name__ == "__main__":
    sys.exit(main())
