from pathlib import Path

import pytest

from kiosk.app import main
from kiosk.config import ConfigError, describe, load_config, parse_config, with_overrides

FULL = """
[station]
id = "gate-7"
[camera]
source = "folder:slides"
[model]
bundle = "bundles/b1"
device = "cpu"
backend = "onnxruntime"
[thresholds]
flag = 0.4
review = 0.7
flagged_classes = ["mpox", "measles"]
[screening]
auto_mode = true
auto_window = 3
[storage]
data_dir = "data"
database_url = ""
store_clear_images = true
retention_days = 30
key_file = ""
[security]
session_timeout_minutes = 5
max_failed_logins = 3
lockout_minutes = 10
[ui]
fullscreen = true
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text)
    return path


def test_defaults_match_the_contract():
    c = parse_config({})
    assert c.station.id == "gate-1" and c.station.language == "en" and c.camera.source == "camera:0"
    assert c.model.bundle == "" and c.model.device == "auto" and c.model.backend == "auto"
    assert (c.thresholds.flag, c.thresholds.review, c.thresholds.flagged_classes) == (None, None, None)
    assert c.screening.auto_mode is False and c.screening.auto_window == 5
    assert c.storage.database_url == f"sqlite:///{c.storage.data_dir / 'cases.sqlite3'}"
    assert c.storage.key_file == c.storage.data_dir / "keys" / "media.key"
    assert c.storage.retention_days == 90 and c.storage.store_clear_images is False
    assert (c.security.session_timeout_minutes, c.security.max_failed_logins, c.security.lockout_minutes) == (
        15,
        5,
        15,
    )
    assert c.ui.fullscreen is False and c.ui.flag_sound is False
    assert (c.traveller.screen, c.traveller.language) == ("auto", "")
    assert c.privacy.legal_basis == "public_health" and not c.privacy.asks_consent


def test_every_key_read_and_relative_paths_resolved_against_the_file(tmp_path):
    c = load_config(write(tmp_path, FULL))
    assert c.station.id == "gate-7"
    assert c.camera.source == f"folder:{tmp_path / 'slides'}"
    assert c.model.bundle == str(tmp_path / "bundles" / "b1") and c.model.device == "cpu"
    assert c.model.backend == "onnxruntime"
    assert c.thresholds.flag == 0.4 and c.thresholds.review == 0.7
    assert c.thresholds.flagged_classes == ("mpox", "measles")
    assert c.screening.auto_mode is True and c.screening.auto_window == 3
    assert c.storage.data_dir == tmp_path / "data"
    assert c.storage.database_url == f"sqlite:///{tmp_path / 'data' / 'cases.sqlite3'}"
    assert c.storage.store_clear_images is True and c.storage.retention_days == 30
    assert c.security.max_failed_logins == 3 and c.ui.fullscreen is True


@pytest.mark.parametrize(
    "text, named",
    [
        ("[station]\nname = 'x'\n", "unknown key 'name' in [station]"),
        ("[stations]\nid = 'x'\n", "unknown section [stations]"),
        ("[thresholds]\nflag = 1.5\n", "[thresholds] flag = 1.5"),
        ("[thresholds]\nflagged_classes = ['monkeypox']\n", "unknown class(es) ['monkeypox']"),
        ("[screening]\nauto_mode = 'yes'\n", "[screening] auto_mode = 'yes': must be true or false"),
        ("[screening]\nauto_window = 0\n", "[screening] auto_window = 0"),
        ("[camera]\nsource = 'webcam'\n", "[camera] source = 'webcam': must be camera:N"),
        ("[model]\ndevice = 'tpu'\n", "[model] device = 'tpu'"),
        ("[model]\nbackend = 'tensorrt'\n", "[model] backend = 'tensorrt': must be one of 'auto'"),
        ("[storage]\nretention_days = -1\n", "[storage] retention_days = -1"),
        ("[traveller]\nscreen = 'left'\n", "[traveller] screen = 'left': must be one of 'auto'"),
        ("[traveller]\nlanguage = 'de'\n", "[traveller] language = 'de': must be one of en"),
        ("[traveller]\nconsent = true\n", "unknown key 'consent' in [traveller]"),
        (
            "[privacy]\nlegal_basis = 'gdpr'\n",
            "[privacy] legal_basis = 'gdpr': must be one of 'public_health'",
        ),
        (
            "[traveller]\nrequire_consent = false\n[privacy]\nlegal_basis = 'consent'\n",
            "require_consent = false contradicts [privacy] legal_basis = 'consent'",
        ),
        ("station = 3\n", "station must be a section"),
        ("[station\nid = 'x'\n", "is not valid TOML"),
    ],
)
def test_wrong_key_or_value_is_refused_naming_it(tmp_path, text, named):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert named in str(err.value)
    assert str(path) in str(err.value)


def test_backends_are_the_runtimes():
    from kiosk.config import BACKENDS
    from models.runtime import BACKENDS as RUNTIME_BACKENDS

    assert BACKENDS == RUNTIME_BACKENDS


def test_missing_file_is_named(tmp_path):
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.toml")


def test_command_line_overrides_and_checks_the_source(tmp_path):
    c = with_overrides(parse_config({}), source="camera:2", bundle="/b")
    assert c.camera.source == "camera:2" and c.model.bundle == "/b"
    with pytest.raises(ConfigError, match="--source"):
        with_overrides(parse_config({}), source="usb")


def test_validate_config_command(tmp_path, capsys, make_tiny_bundle):
    make_tiny_bundle(name="b1")  # FULL's [model] bundle, pinned by the station of FULL's data folder
    assert main(["--validate-config", str(write(tmp_path, FULL))]) == 0
    out = capsys.readouterr().out
    assert "OK" in out and "(backend onnxruntime)" in out
    bad = tmp_path / "bad.toml"
    bad.write_text("[ui]\nfullscreen = 1\n")
    assert main(["--validate-config", str(bad)]) == 2
    assert "[ui] fullscreen = 1: must be true or false" in capsys.readouterr().err


def test_the_store_takes_every_setting_from_the_configuration(tmp_path):
    """Issue 16 item 2: one home for each default. The store's settings, the login's lock-out and the
    database's key path are the configuration's, whether it was written in a file or left at its defaults."""
    from kiosk.config import KioskConfig
    from kiosk.store.settings import StoreSettings

    path = tmp_path / "config.toml"
    path.write_text(
        '[station]\nid = "gate-7"\n[storage]\ndata_dir = "data"\nretention_days = 30\n'
        "store_clear_images = true\n"
        "[security]\nmax_failed_logins = 3\nlockout_minutes = 2\nsession_timeout_minutes = 4\n"
    )
    for config in (KioskConfig(), load_config(path)):
        settings = StoreSettings.from_config(config)
        assert (settings.station_id, settings.retention_days, settings.store_clear_images) == (
            config.station.id,
            config.storage.retention_days,
            config.storage.store_clear_images,
        )
        assert (settings.max_failed_logins, settings.lockout_minutes, settings.session_timeout_minutes) == (
            config.security.max_failed_logins,
            config.security.lockout_minutes,
            config.security.session_timeout_minutes,
        )
        assert settings.key_file == config.storage.key_file and settings.data_dir == config.storage.data_dir
    assert StoreSettings.from_config(None) == StoreSettings.from_config(KioskConfig())
    assert StoreSettings.from_config(load_config(path)).max_failed_logins == 3


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("", "public_health"),
        ("[privacy]\nlegal_basis = 'consent'\n", "consent"),
        ("[privacy]\nlegal_basis = 'public_health'\n", "public_health"),
        # the older setting is still read, as the legal basis it meant
        ("[traveller]\nrequire_consent = true\n", "consent"),
        ("[traveller]\nrequire_consent = false\n", "public_health"),
        ("[traveller]\nrequire_consent = true\n[privacy]\nlegal_basis = 'consent'\n", "consent"),
    ],
)
def test_the_legal_basis_defaults_to_public_health(tmp_path, text, basis):
    """Issue 26 item 4: recording a suspected notifiable disease rests on public health, not consent."""
    c = load_config(write(tmp_path, text or "[station]\nid = 'gate-2'\n"))
    assert c.privacy.legal_basis == basis
    assert c.privacy.asks_consent is (basis == "consent")
    assert f"legal_basis={basis}" in describe(c)


def test_validate_config_says_what_would_stop_the_station_and_never_prints_a_secret(tmp_path, capsys):
    """Issue 27 item 4: OK only for a configuration that can start; the database password is masked."""
    import os

    (tmp_path / "data" / "keys").mkdir(parents=True)
    key = tmp_path / "data" / "keys" / "media.key"
    key.write_bytes(os.urandom(32))
    key.chmod(0o644)
    path = write(
        tmp_path,
        '[model]\nbundle = "no-such-bundle"\n[storage]\ndata_dir = "data"\n'
        'database_url = "postgresql://gate:S3cret-pw@127.0.0.1:1/cases"\n',
    )
    assert main(["--validate-config", str(path)]) == 2
    captured = capsys.readouterr()
    assert "S3cret-pw" not in captured.out + captured.err
    assert "model bundle" in captured.err and "no-such-bundle" in captured.err
    assert f"chmod 600 {key}" in captured.err
    assert "case database cannot be reached" in captured.err
    assert "postgresql://gate:***@127.0.0.1:1/cases" in describe(load_config(path))
