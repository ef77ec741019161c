"""``mpox-kiosk trust add / list / remove`` (admin log-in, audited) and the station's and mpox-screen's use of
the trusted keys (kiosk/trust.py; the decision itself is tested in tests/test_bundle_trust.py)."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest

from kiosk import admin_cli
from kiosk.config import ModelConfig, load_config
from kiosk.inference import ScreeningEngine, ScreeningUnavailable
from kiosk.screen_cli import main as screen_main
from kiosk.trust import trusted_keys_dir
from models.keys import generate_keypair
from models.trust import OFFICER_MESSAGE, pin_path, sign_bundle
from tests.conftest import one_hot_probs

from .conftest import skin_texture

ADMIN_PW = "correct horse battery"


@pytest.fixture
def station(tmp_path, monkeypatch):
    """A configuration file with its data folder in tmp_path, an admin account and an officer account."""
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n')
    stdin = ["--password-stdin"]
    _cli(monkeypatch, config, ["create-user", "boss", "--role", "admin", *stdin], ADMIN_PW, ADMIN_PW)
    _cli(
        monkeypatch,
        config,
        ["create-user", "olga", "--role", "officer", "--as", "boss", *stdin],
        ADMIN_PW,
        "officer password",
        "officer password",
    )
    return config


def _cli(monkeypatch, config, argv, *lines) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
    return admin_cli.main(["--config", str(config), *argv])


def _audit(config) -> list[tuple[str, str, str, dict]]:
    from kiosk.store import audit
    from kiosk.store.database import open_configured

    db = open_configured(load_config(config))
    try:
        return [(e.actor, e.action, e.target, json.loads(e.details)) for e in reversed(audit.recent(db, 50))]
    finally:
        db.close()


def test_trust_add_list_remove_are_audited_with_the_admin(station, tmp_path, monkeypatch, capsys):
    _, public, kid = generate_keypair(tmp_path / "signer")
    assert (
        _cli(
            monkeypatch, station, ["trust", "add", str(public), "--as", "boss", "--password-stdin"], ADMIN_PW
        )
        == 0
    )
    folder = trusted_keys_dir(load_config(station))
    assert (folder / f"{kid}.pub").read_bytes() == public.read_bytes()
    assert folder.stat().st_mode & 0o777 == 0o700 and (folder / f"{kid}.pub").stat().st_mode & 0o777 == 0o600
    assert _cli(monkeypatch, station, ["trust", "list"]) == 0
    assert kid in capsys.readouterr().out
    assert (
        _cli(monkeypatch, station, ["trust", "remove", kid[:8], "--as", "boss", "--password-stdin"], ADMIN_PW)
        == 0
    )
    assert "no key is trusted any more" in capsys.readouterr().out and not any(folder.iterdir())
    entries = [e for e in _audit(station) if e[1].startswith("trust_")]
    assert [(a, act, t) for a, act, t, _ in entries] == [
        ("boss", "trust_key_added", kid),
        ("boss", "trust_key_removed", kid),
    ]
    assert entries[0][3]["source"] == str(public) and len(entries[0][3]["fingerprint"]) == 64


@pytest.mark.parametrize(
    ("who", "password", "message"),
    [
        ("olga", "officer password", "only an admin"),
        ("boss", "wrong password!", "wrong user name or password"),
    ],
)
def test_trust_add_needs_an_admin_log_in(station, tmp_path, monkeypatch, capsys, who, password, message):
    _, public, _ = generate_keypair(tmp_path / "signer")
    assert (
        _cli(monkeypatch, station, ["trust", "add", str(public), "--as", who, "--password-stdin"], password)
        == 2
    )
    assert message in capsys.readouterr().err
    assert not trusted_keys_dir(load_config(station)).exists()
    assert not [e for e in _audit(station) if e[1].startswith("trust_")]


def test_trust_add_refuses_a_private_key_and_garbage(station, tmp_path, monkeypatch, capsys):
    private, _, _ = generate_keypair(tmp_path / "signer")
    (tmp_path / "junk.pub").write_text("hello")
    for path, message in ((private, "PRIVATE key"), (tmp_path / "junk.pub", "not a PEM public key")):
        assert (
            _cli(
                monkeypatch,
                station,
                ["trust", "add", str(path), "--as", "boss", "--password-stdin"],
                ADMIN_PW,
            )
            == 2
        )
        assert message in capsys.readouterr().err
    assert not trusted_keys_dir(load_config(station)).exists()


def test_the_station_follows_its_trusted_keys(station, tmp_path, monkeypatch, make_tiny_bundle, caplog):
    config = load_config(station)
    path = make_tiny_bundle(one_hot_probs("mpox", 0.9))
    configured = replace(config, model=ModelConfig(bundle=str(path), device="cpu", backend="eager"))
    assert ScreeningEngine.from_config(configured).bundle.trust.startswith("pinned")  # no key: the pin
    private, public, kid = generate_keypair(tmp_path / "signer")
    _cli(monkeypatch, station, ["trust", "add", str(public), "--as", "boss", "--password-stdin"], ADMIN_PW)
    with pytest.raises(ScreeningUnavailable) as info:  # a key is trusted: the pin no longer suffices
        ScreeningEngine.from_config(configured)
    assert f"{info.value}." == OFFICER_MESSAGE and "not signed" in caplog.text
    sign_bundle(path, private)
    engine = ScreeningEngine.from_config(configured)
    assert engine.bundle.trust == f"signed by trusted key {kid}"
    assert engine.screen(skin_texture(64)).decision == "flag"


# --- mpox-screen applies the same check ----------------------------------------------------------------


@pytest.fixture(autouse=True)
def _eager_mpox_screen(monkeypatch):
    """mpox-screen on eager PyTorch: an ONNX export of each tiny bundle checks nothing about trust."""
    from functools import partial

    import models.predictor

    eager = partial(models.predictor.Predictor, backend="eager")
    monkeypatch.setattr(models.predictor, "Predictor", eager)  # what kiosk.inference.load_predictor builds


@pytest.fixture
def image(tmp_path):
    import cv2

    path = tmp_path / "a.png"
    # skin-coloured: passes the quality gate
    cv2.imwrite(str(path), cv2.cvtColor(skin_texture(64), cv2.COLOR_RGB2BGR))
    return path


def test_mpox_screen_refuses_a_tampered_bundle_and_says_why(station, make_tiny_bundle, image, capsys):
    path = make_tiny_bundle(one_hot_probs("mpox", 0.96))
    manifest = json.loads((path / "manifest.json").read_text())
    manifest["thresholds"]["flag"] = 0.99
    (path / "manifest.json").write_text(json.dumps(manifest))
    assert screen_main(["--config", str(station), "--bundle", str(path), "--json", str(image)]) == 2
    err = capsys.readouterr().err
    assert OFFICER_MESSAGE in err and "manifest.json: differs from its pin" in err


def test_mpox_screen_allow_unsigned_warns_loudly(station, make_tiny_bundle, image, capsys):
    path = make_tiny_bundle(one_hot_probs("mpox", 0.9), pin=False)
    assert not pin_path(path).exists()
    assert screen_main(["--config", str(station), "--bundle", str(path), "--json", str(image)]) == 2
    assert "has no pin" in capsys.readouterr().err
    assert (
        screen_main(
            ["--config", str(station), "--bundle", str(path), "--allow-unsigned", "--json", str(image)]
        )
        == 0
    )
    out, err = capsys.readouterr()
    assert "WARNING: --allow-unsigned" in err and json.loads(out.splitlines()[0])["decision"] == "flag"


def _engine(config_file, bundle):
    config = load_config(config_file)
    return ScreeningEngine.from_config(replace(config, model=ModelConfig(bundle=str(bundle), device="cpu")))


def _edit_threshold(bundle, review: float) -> None:
    manifest = json.loads((bundle / "manifest.json").read_text())
    manifest["thresholds"]["review"] = review
    (bundle / "manifest.json").write_text(json.dumps(manifest, indent=2))


@pytest.mark.slow
def test_an_edited_and_re_pinned_bundle_needs_an_admins_pin_at_the_station(
    station, tmp_path, monkeypatch, make_tiny_bundle, capsys
):
    """Issue 30 item 2: the review threshold lowered from 0.60 to 0.01 (a 31 % case would be CLEAR) and the
    bundle re-pinned beside itself (`mpox-train pin`) is refused; an admin's `mpox-kiosk trust pin` makes it
    the station's, and the audit trail names that admin."""
    from models.trust import write_pin

    bundle = make_tiny_bundle(probs=one_hot_probs("eczema", 0.31), name="edited", pin=False)
    assert (
        _cli(
            monkeypatch, station, ["trust", "pin", str(bundle), "--as", "boss", "--password-stdin"], ADMIN_PW
        )
        == 0
    )
    assert _engine(station, bundle).screen(skin_texture(64)).decision == "review"
    _edit_threshold(bundle, 0.01)
    write_pin(bundle)  # whoever can write the bundle's folder can do this
    assert pin_path(bundle).is_file()
    with pytest.raises(ScreeningUnavailable) as refused:
        _engine(station, bundle)
    assert str(refused.value).rstrip(".") == OFFICER_MESSAGE.rstrip(".")
    # an officer cannot pin it; a wrong password neither
    assert (
        _cli(
            monkeypatch,
            station,
            ["trust", "pin", str(bundle), "--as", "olga", "--password-stdin"],
            "officer password",
        )
        == 2
    )
    assert (
        _cli(
            monkeypatch,
            station,
            ["trust", "pin", str(bundle), "--as", "boss", "--password-stdin"],
            "wrong one",
        )
        == 2
    )
    assert (
        _cli(monkeypatch, station, ["trust", "pin", str(bundle), "--password-stdin"]) == 2
    )  # no admin named
    with pytest.raises(ScreeningUnavailable):
        _engine(station, bundle)
    capsys.readouterr()
    assert (
        _cli(
            monkeypatch, station, ["trust", "pin", str(bundle), "--as", "boss", "--password-stdin"], ADMIN_PW
        )
        == 0
    )
    assert _engine(station, bundle).screen(skin_texture(64)).decision == "clear"  # the admin's choice now
    pins = [e for e in _audit(station) if e[1] == "bundle_pinned"]
    assert [e[0] for e in pins] == ["boss", "boss"] and pins[-1][2] == str(bundle.resolve())
    pinned = (tmp_path / "data" / "trusted-pins").iterdir()
    assert all(oct(p.stat().st_mode & 0o777) == "0o600" for p in pinned)


def test_before_any_account_the_installer_pins_the_bundle(tmp_path, monkeypatch, make_tiny_bundle, capsys):
    config = tmp_path / "fresh.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "fresh-data"}"\n')
    bundle = make_tiny_bundle(name="installed", pin=False)
    with pytest.raises(ScreeningUnavailable):
        _engine(config, bundle)
    assert _cli(monkeypatch, config, ["trust", "pin", str(bundle)]) == 0
    assert "audited as cli:" in capsys.readouterr().out
    _engine(config, bundle)
    (entry,) = [e for e in _audit(config) if e[1] == "bundle_pinned"]
    assert entry[0].startswith("cli:") and "before any account" in entry[0]


def test_a_pin_beside_the_bundle_counts_only_for_the_shipped_default(station, make_tiny_bundle, monkeypatch):
    from models import trust

    bundle = make_tiny_bundle(name="shipped", pin=False)
    trust.write_pin(bundle)
    with pytest.raises(ScreeningUnavailable):
        _engine(station, bundle)
    monkeypatch.setattr("models.manifest.DEFAULT_BUNDLE_DIR", bundle)  # as if it were the package's own
    _engine(station, bundle)
