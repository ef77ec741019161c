"""The kiosk's TOML configuration: exactly the keys of docs/store-contract.md, each with a default.

Unknown sections or keys and bad values are refused with a ``ConfigError`` that names the file, the key and
what to do, so a typo never silently falls back to a default on a station that runs all day.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir, user_data_dir

from kiosk.names import name_problem, normalise_name
from models.errors import MpoxError
from models.taxonomy import CLASSES

log = logging.getLogger(__name__)

APP_NAME = "mpox-kiosk"
SOURCE_PATTERN = re.compile(r"^(camera:\d+|file:.+|folder:.+)$")


class ConfigError(MpoxError):
    def __init__(self, where: str | Path, problem: str, hint: str = ""):
        self.where = str(where)
        message = f"configuration {where}: {problem}"
        if hint:
            message += f". {hint}"
        super().__init__(message)


def default_config_path() -> Path:
    return Path(user_config_dir(APP_NAME)) / "config.toml"


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME))


def default_database_url(data_dir: Path) -> str:
    """The case log when storage.database_url is not set: an SQLite file in the data folder."""
    return f"sqlite:///{Path(data_dir) / 'cases.sqlite3'}"


def default_key_file(data_dir: Path) -> Path:
    """The media key when storage.key_file is not set."""
    return Path(data_dir) / "keys" / "media.key"


# What the screening window tells the officer to do with a REVIEW (the banner's second line).
DEFAULT_REVIEW_INSTRUCTION = "Hold the traveller and ask the duty clinician"
REVIEW_INSTRUCTION_MAX = 60  # characters: one line of the banner at 1280x720
# The station's language (the officer's screens): translations in resources/translations (kiosk/ui/i18n.py).
LANGUAGES = ("en", "fr", "es", "pt", "ar", "zh_CN")


@dataclass(frozen=True)
class StationConfig:
    id: str = "gate-1"
    review_instruction: str = DEFAULT_REVIEW_INSTRUCTION
    language: str = "en"


@dataclass(frozen=True)
class CameraConfig:
    source: str = "camera:0"


@dataclass(frozen=True)
class ModelConfig:
    bundle: str = ""  # empty: the default bundle installed with the software
    # auto | cpu: on the CPU, a bundle that carries its checked ONNX graph is served without PyTorch
    # (models.serving); cuda: PyTorch on the GPU.
    device: str = "auto"
    # auto: the bundle's int8 graph, else its float32 ONNX graph, else (a bundle without one) PyTorch's export
    # to ONNX Runtime, else eager PyTorch; int8 | onnxruntime: only that path (screening is unavailable, with
    # the reason, when it cannot run); eager: plain PyTorch.
    backend: str = "auto"
    # A candidate bundle run beside the live one on the same frames, never shown (kiosk/shadow.py); vouched
    # for like any bundle. Empty: none.
    shadow_bundle: str = ""


@dataclass(frozen=True)
class ThresholdsConfig:
    # None: use the bundle's own value.
    flag: float | None = None
    review: float | None = None
    flagged_classes: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ScreeningConfig:
    auto_mode: bool = False
    auto_window: int = 5


@dataclass(frozen=True)
class StorageConfig:
    data_dir: Path = field(default_factory=default_data_dir)
    database_url: str = ""
    store_clear_images: bool = False
    retention_days: int = 90
    key_file: Path | None = None

    def __post_init__(self) -> None:
        # Resolve the documented defaults so every reader sees the same paths.
        if not self.database_url:
            object.__setattr__(self, "database_url", default_database_url(self.data_dir))
        if self.key_file is None:
            object.__setattr__(self, "key_file", default_key_file(self.data_dir))


@dataclass(frozen=True)
class SecurityConfig:
    session_timeout_minutes: int = 15
    max_failed_logins: int = 5
    lockout_minutes: int = 15
    # The last traveller's picture and result leave the screen after this long without a new result or input.
    clear_result_after_seconds: int = 60


@dataclass(frozen=True)
class UiConfig:
    fullscreen: bool = False
    # A short two-tone sound with each FLAG (resources/sounds/flag.wav): off by default, a queue hears it too.
    flag_sound: bool = False


PAPER_SIZES = ("A5", "A4")


@dataclass(frozen=True)
class ReferralConfig:
    """The referral slip for FLAG and REVIEW (kiosk/ui/referral.py, docs/kiosk.md)."""

    paper: str = "A5"  # A5 | A4
    # The traveller's picture and its heatmap on the slip: off by default (the slip leaves the station).
    include_images: bool = False
    printer: str = ""  # empty: save the PDF only; a printer's name: save it and print it there
    folder: Path | None = None  # where slips are saved; None: <storage.data_dir>/referrals

    def folder_in(self, data_dir: Path) -> Path:
        """The folder slips are saved in: the configured one, else ``referrals`` in the data folder."""
        return self.folder if self.folder is not None else Path(data_dir) / "referrals"


TRAVELLER_SCREENS = ("auto", "second", "panel", "off")


@dataclass(frozen=True)
class TravellerConfig:
    """The traveller-facing panel and the privacy notice (kiosk/ui/traveller.py, docs/kiosk.md)."""

    # auto: a window of its own on a second screen when there is one, else a panel in the officer's window;
    # second: a window of its own (on the second screen, else beside the officer's); panel: in the officer's
    # window; off: no traveller panel (the officer shows the notice another way).
    screen: str = "auto"
    language: str = ""  # the traveller panel's first language; empty: the station's language


LEGAL_BASES = ("public_health", "consent")


@dataclass(frozen=True)
class PrivacyConfig:
    """On what basis the station records a traveller (docs/kiosk.md, "What is kept and on what basis").

    ``public_health`` (default): recording a suspected notifiable disease at a border or a triage desk rests
    on public health law (IHR 2005 art. 45; GDPR art. 9(2)(i)), not on consent: every FLAG and REVIEW is
    logged with its picture, and the privacy notice is shown as information. ``consent``: a case is kept
    only when the officer confirmed the traveller agreed to the notice, except that a FLAG without agreement
    is still logged as a minimal case (no picture, no reference) so that no flagged traveller disappears.
    Either way, reusing the picture to improve the model needs the traveller's own yes, asked per case."""

    legal_basis: str = "public_health"

    @property
    def asks_consent(self) -> bool:
        return self.legal_basis == "consent"


@dataclass(frozen=True)
class KioskConfig:
    station: StationConfig = field(default_factory=StationConfig)
    camera: CameraConfig = field(default_factory=CameraConfig)
    model: ModelConfig = field(default_factory=ModelConfig)
    thresholds: ThresholdsConfig = field(default_factory=ThresholdsConfig)
    screening: ScreeningConfig = field(default_factory=ScreeningConfig)
    storage: StorageConfig = field(default_factory=StorageConfig)
    security: SecurityConfig = field(default_factory=SecurityConfig)
    ui: UiConfig = field(default_factory=UiConfig)
    referral: ReferralConfig = field(default_factory=ReferralConfig)
    traveller: TravellerConfig = field(default_factory=TravellerConfig)
    privacy: PrivacyConfig = field(default_factory=PrivacyConfig)
    path: Path | None = None  # the file it was read from, None for built-in defaults


# --- value checkers: each returns the converted value or raises ValueError with what is expected ---


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError("must be a string in quotes")
    return v


def _station_id(v: Any) -> str:
    v = normalise_name(_str(v))
    problem = name_problem(v)  # it names the station in the audit trail and exports (kiosk/names.py)
    if problem:
        raise ValueError(f'{problem} (e.g. "gate-1")')
    return v


def _review_instruction(v: Any) -> str:
    raw = _str(v).strip()
    v = " ".join(raw.split())
    if not v or len(v) > REVIEW_INSTRUCTION_MAX or "\n" in raw:
        raise ValueError(
            f"must be one line of 1 to {REVIEW_INSTRUCTION_MAX} characters, e.g. "
            f'"{DEFAULT_REVIEW_INSTRUCTION}" (the REVIEW banner shows it under the decision)'
        )
    return v


def _language(v: Any) -> str:
    v = _str(v).strip()
    if v not in LANGUAGES:
        raise ValueError(
            f"must be one of {', '.join(LANGUAGES)} (English, French, Spanish, Portuguese, Arabic, "
            "Simplified Chinese)"
        )
    return v


def _one_of(choices: tuple[str, ...], note: str = "") -> Callable[[Any], str]:
    """A checker for a setting that takes one of ``choices`` (``note``: what they mean, in the error)."""

    def check(v: Any) -> str:
        v = _str(v).strip()
        if v not in choices:
            raise ValueError(f"must be one of {', '.join(repr(c) for c in choices)}{note}")
        return v

    return check


_traveller_screen = _one_of(TRAVELLER_SCREENS)


def _traveller_language(v: Any) -> str:
    v = _str(v).strip()
    return _language(v) if v else ""


_legal_basis = _one_of(
    LEGAL_BASES,
    " (public_health: FLAG and REVIEW are always logged; consent: only with the traveller's agreement, a "
    "FLAG always as a minimal case)",
)


def _paper(v: Any) -> str:
    v = _str(v).strip().upper()
    if v not in PAPER_SIZES:
        raise ValueError(f"must be one of {', '.join(repr(p) for p in PAPER_SIZES)}")
    return v


def _printer(v: Any) -> str:
    v = _str(v).strip()
    if len(v) > 128 or any(c in v for c in "\r\n\t"):
        raise ValueError(
            "must be one line of at most 128 characters: the printer's name as the system lists it "
            '(lpstat -p), or "" to save the slip as a PDF only'
        )
    return v


def _source(v: Any) -> str:
    v = _str(v)
    if not SOURCE_PATTERN.match(v):
        raise ValueError('must be camera:N, file:PATH or folder:PATH (e.g. "camera:0")')
    return v


def _device(v: Any) -> str:
    v = _str(v)
    if v not in ("auto", "cpu", "cuda"):
        raise ValueError('must be "auto", "cpu" or "cuda"')
    return v


# models.runtime.BACKENDS, spelled out here so that reading a configuration does not import torch
# (tests/kiosk/test_config.py checks that the two agree).
BACKENDS = ("auto", "int8", "onnxruntime", "eager")


def _backend(v: Any) -> str:
    v = _str(v)
    if v not in BACKENDS:
        raise ValueError(f"must be one of {', '.join(repr(b) for b in BACKENDS)}")
    return v


def _probability(v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float) or not 0.0 <= float(v) <= 1.0:
        raise ValueError("must be a number between 0 and 1")
    return float(v)


def _classes(v: Any) -> tuple[str, ...]:
    if not isinstance(v, list) or not v or not all(isinstance(c, str) for c in v):
        raise ValueError(
            f'must be a non-empty list of class names, e.g. ["mpox"]; known: {", ".join(CLASSES)}'
        )
    unknown = [c for c in v if c not in CLASSES]
    if unknown:
        raise ValueError(f"unknown class(es) {unknown}; known: {', '.join(CLASSES)}")
    return tuple(v)


def _bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise ValueError("must be true or false (no quotes)")
    return v


def _int_range(lo: int, hi: int) -> Callable[[Any], int]:
    def check(v: Any) -> int:
        if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
            raise ValueError(f"must be a whole number from {lo} to {hi}")
        return v

    return check


# section -> key -> checker; this table IS the set of accepted keys.
_SCHEMA: dict[str, dict[str, Callable[[Any], Any]]] = {
    "station": {"id": _station_id, "review_instruction": _review_instruction, "language": _language},
    "camera": {"source": _source},
    "model": {"bundle": _str, "device": _device, "backend": _backend, "shadow_bundle": _str},
    "thresholds": {"flag": _probability, "review": _probability, "flagged_classes": _classes},
    "screening": {"auto_mode": _bool, "auto_window": _int_range(1, 60)},
    "storage": {
        "data_dir": _str,
        "database_url": _str,
        "store_clear_images": _bool,
        "retention_days": _int_range(1, 36500),
        "key_file": _str,
    },
    "security": {
        "session_timeout_minutes": _int_range(1, 1440),
        "max_failed_logins": _int_range(1, 100),
        "lockout_minutes": _int_range(1, 1440),
        "clear_result_after_seconds": _int_range(5, 3600),
    },
    "ui": {"fullscreen": _bool, "flag_sound": _bool},
    "referral": {"paper": _paper, "include_images": _bool, "printer": _printer, "folder": _str},
    # require_consent: the setting before [privacy] legal_basis, still read (true: "consent")
    "traveller": {"screen": _traveller_screen, "require_consent": _bool, "language": _traveller_language},
    "privacy": {"legal_basis": _legal_basis},
}


def _resolve_path(value: str, base: Path | None) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() or base is None else (base / p)


def _resolve_source(source: str, base: Path | None) -> str:
    kind, _, rest = source.partition(":")
    if kind in ("file", "folder"):
        return f"{kind}:{_resolve_path(rest, base)}"
    return source


def parse_config(
    data: dict[str, Any], where: str | Path = "<defaults>", base: Path | None = None
) -> KioskConfig:
    """Validate a parsed TOML table; relative paths are taken relative to ``base`` (the file's folder)."""
    values: dict[str, dict[str, Any]] = {}
    for section, table in data.items():
        if section not in _SCHEMA:
            raise ConfigError(
                where,
                f"unknown section [{section}]",
                f"Known sections: {', '.join(f'[{s}]' for s in _SCHEMA)}",
            )
        if not isinstance(table, dict):
            raise ConfigError(where, f"{section} must be a section written [{section}], not a value")
        for key, value in table.items():
            checker = _SCHEMA[section].get(key)
            if checker is None:
                raise ConfigError(
                    where,
                    f"unknown key {key!r} in [{section}]",
                    f"Known keys there: {', '.join(_SCHEMA[section])}",
                )
            try:
                values.setdefault(section, {})[key] = checker(value)
            except ValueError as exc:
                raise ConfigError(where, f"[{section}] {key} = {value!r}: {exc}") from None
    th = values.get("thresholds", {})
    storage = dict(values.get("storage", {}))
    data_dir = _resolve_path(storage.pop("data_dir"), base) if storage.get("data_dir") else default_data_dir()
    key_file = _resolve_path(storage.pop("key_file"), base) if storage.get("key_file") else None
    storage.pop("data_dir", None)
    storage.pop("key_file", None)
    model = dict(values.get("model", {}))
    for key in ("bundle", "shadow_bundle"):
        if model.get(key):
            model[key] = str(_resolve_path(model[key], base))
    referral = dict(values.get("referral", {}))
    referral["folder"] = _resolve_path(referral["folder"], base) if referral.get("folder") else None
    camera = dict(values.get("camera", {}))
    if "source" in camera:
        camera["source"] = _resolve_source(camera["source"], base)
    traveller = dict(values.get("traveller", {}))
    privacy = _privacy(dict(values.get("privacy", {})), traveller.pop("require_consent", None), where)
    return KioskConfig(
        station=StationConfig(**values.get("station", {})),
        camera=CameraConfig(**camera),
        model=ModelConfig(**model),
        thresholds=ThresholdsConfig(**th),
        screening=ScreeningConfig(**values.get("screening", {})),
        storage=StorageConfig(data_dir=data_dir, key_file=key_file, **storage),
        security=SecurityConfig(**values.get("security", {})),
        ui=UiConfig(**values.get("ui", {})),
        referral=ReferralConfig(**referral),
        traveller=TravellerConfig(**traveller),
        privacy=privacy,
        path=Path(where) if where != "<defaults>" else None,
    )


def _privacy(privacy: dict[str, Any], require_consent: bool | None, where: str | Path) -> PrivacyConfig:
    """[privacy], with the older ``[traveller] require_consent`` read as its legal basis (true: consent)."""
    if require_consent is None:
        return PrivacyConfig(**privacy)
    implied = "consent" if require_consent else "public_health"
    if privacy.get("legal_basis", implied) != implied:
        raise ConfigError(
            where,
            f"[traveller] require_consent = {str(require_consent).lower()} contradicts [privacy] legal_basis "
            f"= {privacy['legal_basis']!r}",
            "Remove require_consent: [privacy] legal_basis replaces it",
        )
    log.warning(
        "%s: [traveller] require_consent is replaced by [privacy] legal_basis; read as legal_basis = %r",
        where,
        implied,
    )
    return PrivacyConfig(legal_basis=implied)


def load_config(path: str | Path | None = None) -> KioskConfig:
    """Read ``path``; with None, the platform's config file if it exists, else the built-in defaults."""
    if path is None:
        path = default_config_path()
        if not path.is_file():
            return parse_config({})
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(
            path, "file not found", "Check the path, or start without --config for defaults"
        ) from None
    except OSError as exc:
        raise ConfigError(path, f"cannot be read ({exc.strerror})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(path, "is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"is not valid TOML ({exc})", "Fix the line it names") from None
    return parse_config(data, where=path, base=path.resolve().parent)


def with_overrides(
    config: KioskConfig, *, source: str | None = None, bundle: str | None = None
) -> KioskConfig:
    """Command-line options win over the file."""
    from dataclasses import replace

    if source is not None:
        try:
            source = _source(source)
        except ValueError as exc:
            raise ConfigError("--source", f"{source!r} {exc}") from None
        config = replace(config, camera=CameraConfig(source=source))
    if bundle is not None:
        config = replace(config, model=replace(config.model, bundle=bundle))
    return config


def _without_password(url: str) -> str:
    """A database URL as it may be printed: the password masked (``***``)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(not a valid URL)"


def describe(config: KioskConfig) -> str:
    """A short human summary, printed by --validate-config."""
    th = config.thresholds
    lines = [
        f"station        {config.station.id} (language {config.station.language})",
        f"source         {config.camera.source}",
        f"bundle         {config.model.bundle or '(default bundle)'} on {config.model.device}"
        f" (backend {config.model.backend})",
        f"thresholds     flag={th.flag if th.flag is not None else '(bundle)'} "
        f"review={th.review if th.review is not None else '(bundle)'} "
        f"flagged={list(th.flagged_classes) if th.flagged_classes else '(bundle)'}",
        f"screening      auto_mode={config.screening.auto_mode} auto_window={config.screening.auto_window}",
        f"data_dir       {config.storage.data_dir}",
        f"database_url   {_without_password(config.storage.database_url)}",
        f"retention      {config.storage.retention_days} days, store_clear_images="
        f"{config.storage.store_clear_images}",
        f"fullscreen     {config.ui.fullscreen}, flag_sound={config.ui.flag_sound}",
        f"referral slip  {config.referral.paper}, images={config.referral.include_images}, "
        f"printer={config.referral.printer or '(none: PDF only)'}, "
        f"folder={config.referral.folder_in(config.storage.data_dir)}",
        f"traveller      screen={config.traveller.screen}, "
        f"language={config.traveller.language or '(station)'}",
        f"privacy        legal_basis={config.privacy.legal_basis}",
    ]
    return "\n".join(lines)
