"""Signed, pinned bundles (issue 12): which bundles the station and mpox-screen accept (models/trust.py).

Every tampering an attacker or an accident can do is refused, both where the station trusts a key (signature
over the manifest's exact bytes) and where it trusts none (the pin beside the bundle); every refusal fails
closed (unreadable key, malformed signature or pin, no cryptography package)."""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

import pytest
from safetensors.torch import load_file, save_file

from models.bundle import (
    DEFAULT_BUNDLE_DIR,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    WEIGHTS_NAME,
    BundleIntegrityError,
    listed_files,
    make_manifest,
    save_bundle,
    sha256_bytes,
    sha256_file,
)
from models.keys import KeyFileError, generate_keypair
from models.registry import build_model
from models.taxonomy import CLASSES
from models.trust import (
    BundleTrustError,
    TrustPolicy,
    load_trusted_bundle,
    pin_bundle,
    pin_path,
    read_pin,
    sign_bundle,
    write_pin,
)

EXTRA = "open_set.safetensors"  # a later file kind (e.g. an open-set head): covered without code changes


@pytest.fixture
def keys(tmp_path):
    """(private key, trusted-keys folder holding its public key, an untrusted private key)."""
    private, public, _ = generate_keypair(tmp_path / "keys" / "signer")
    other, _, _ = generate_keypair(tmp_path / "keys" / "stranger")
    folder = tmp_path / "trusted-keys"
    folder.mkdir()
    (folder / public.name).write_bytes(public.read_bytes())
    return private, folder, other


def _bundle(tmp_path, name="b") -> Path:
    """A tiny bundle with an extra listed file, pinned as installed."""
    model = build_model("tiny_cnn", len(CLASSES))
    path = save_bundle(
        model,
        tmp_path / "bundles" / name,
        make_manifest(model, "tiny_cnn", CLASSES),
        extra_files={EXTRA: b"head weights"},
    )
    write_pin(path)
    return path


def _edit(path: Path, change) -> None:
    manifest = json.loads((path / MANIFEST_NAME).read_text())
    change(manifest)
    (path / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2))


def _tamper_weights(path: Path, rehash: bool) -> None:
    state = load_file(path / WEIGHTS_NAME)
    state["fc.bias"] = state["fc.bias"] + 1.0
    save_file(state, path / WEIGHTS_NAME)
    if rehash:  # an attacker who also fixes the manifest's hashes
        digest = sha256_file(path / WEIGHTS_NAME)
        _edit(path, lambda m: m.update(weights_sha256=digest, files={**m["files"], WEIGHTS_NAME: digest}))


def _swap(m):
    m["classes"][0], m["classes"][1] = m["classes"][1], m["classes"][0]


TAMPERING = {
    "threshold": lambda p: _edit(p, lambda m: m["thresholds"].update(flag=0.99)),
    "class-swap": lambda p: _edit(p, _swap),
    "mean": lambda p: _edit(p, lambda m: m.update(mean=[0.0, 0.0, 0.0])),
    "std": lambda p: _edit(p, lambda m: m.update(std=[1.0, 1.0, 1.0])),
    "temperature": lambda p: _edit(p, lambda m: m.update(temperature=0.1)),
    "input-size": lambda p: _edit(p, lambda m: m.update(input_size=32)),
    "whitespace": lambda p: (p / MANIFEST_NAME).write_bytes((p / MANIFEST_NAME).read_bytes() + b" "),
    "weights": lambda p: _tamper_weights(p, rehash=False),
    "weights-and-manifest-hash": lambda p: _tamper_weights(p, rehash=True),
    "extra-file": lambda p: (p / EXTRA).write_bytes(b"other head"),
    "extra-file-and-manifest-hash": lambda p: (
        (p / EXTRA).write_bytes(b"other head"),
        _edit(p, lambda m: m["files"].update({EXTRA: sha256_bytes(b"other head")})),
    ),
    "extra-file-removed": lambda p: (p / EXTRA).unlink(),
}


# --- signed bundles, where the station trusts a key -----------------------------------------------------


def test_a_bundle_signed_by_a_trusted_key_is_accepted(tmp_path, keys):
    private, folder, _ = keys
    path = _bundle(tmp_path)
    (pin_path(path)).unlink()  # a signed bundle needs no pin
    sig_path, signature, _ = sign_bundle(path, private)
    assert sig_path == path / SIGNATURE_NAME
    assert signature["manifest_sha256"] == sha256_file(path / MANIFEST_NAME)
    bundle = load_trusted_bundle(path, TrustPolicy(folder))
    assert bundle.trust == f"signed by trusted key {signature['key_id']}"
    assert set(bundle.files) == {WEIGHTS_NAME, EXTRA}


@pytest.mark.parametrize("tampering", list(TAMPERING))
def test_any_change_to_a_signed_bundle_is_refused(tmp_path, keys, tampering):
    private, folder, _ = keys
    path = _bundle(tmp_path)
    sign_bundle(path, private)
    TAMPERING[tampering](path)
    with pytest.raises(BundleIntegrityError) as info:
        load_trusted_bundle(path, TrustPolicy(folder))
    message = str(info.value)
    assert "does not match" in message or "SHA-256 mismatch" in message or "missing" in message, message


def test_an_edited_manifest_names_the_file_and_both_hashes(tmp_path, keys):
    private, folder, _ = keys
    path = _bundle(tmp_path)
    _, signature, _ = sign_bundle(path, private)
    TAMPERING["threshold"](path)
    with pytest.raises(BundleTrustError) as info:
        load_trusted_bundle(path, TrustPolicy(folder))
    message = str(info.value)
    assert f"{path / MANIFEST_NAME}" in message and "changed after it was signed" in message
    assert signature["manifest_sha256"] in message and sha256_file(path / MANIFEST_NAME) in message
    assert signature["key_id"] in message


def test_an_edited_signature_is_refused(tmp_path, keys):
    private, folder, _ = keys
    path = _bundle(tmp_path)
    sig_path, signature, _ = sign_bundle(path, private)
    raw = bytearray(base64.b64decode(signature["signature"]))
    raw[0] ^= 1
    sig_path.write_text(json.dumps(dict(signature, signature=base64.b64encode(bytes(raw)).decode())))
    with pytest.raises(BundleTrustError, match="the signature itself was altered"):
        load_trusted_bundle(path, TrustPolicy(folder))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "malformed"),
        (b"[]", "malformed signature file"),
        (
            json.dumps({"format": "x", "algorithm": "Ed25519", "key_id": "k", "signature": ""}).encode(),
            "malformed signature file",
        ),
        (None, "not signed"),
    ],
)
def test_a_missing_or_malformed_signature_is_refused(tmp_path, keys, content, message):
    private, folder, _ = keys
    path = _bundle(tmp_path)
    sig_path, signature, _ = sign_bundle(path, private)
    if content is None:
        sig_path.unlink()
    else:
        sig_path.write_bytes(content)
    with pytest.raises(BundleTrustError, match=message):
        load_trusted_bundle(path, TrustPolicy(folder))


def test_bad_base64_in_the_signature_is_refused(tmp_path, keys):
    private, folder, _ = keys
    path = _bundle(tmp_path)
    sig_path, signature, _ = sign_bundle(path, private)
    sig_path.write_text(json.dumps(dict(signature, signature="@@not base64@@")))
    with pytest.raises(BundleTrustError, match="malformed signature"):
        load_trusted_bundle(path, TrustPolicy(folder))


def test_a_signature_by_an_untrusted_key_is_refused_even_with_a_valid_pin(tmp_path, keys):
    _, folder, stranger = keys
    path = _bundle(tmp_path)
    _, signature, _ = sign_bundle(path, stranger)
    assert pin_path(path).is_file()  # pins are not consulted once a key is trusted
    untrusted = f"signed by key {signature['key_id']}, which this station does not trust"
    with pytest.raises(BundleTrustError, match=untrusted):
        load_trusted_bundle(path, TrustPolicy(folder))


def test_an_unsigned_pinned_bundle_is_refused_once_a_key_is_trusted(tmp_path, keys):
    _, folder, _ = keys
    with pytest.raises(BundleTrustError, match="not signed"):
        load_trusted_bundle(_bundle(tmp_path), TrustPolicy(folder))


@pytest.mark.parametrize(
    ("name", "content"),
    [("garbage.pub", b"not a key"), ("private.pub", None), ("rsa.pub", "rsa")],
)
def test_an_unusable_trusted_key_refuses_every_bundle(tmp_path, keys, name, content):
    private, folder, _ = keys
    path = _bundle(tmp_path)
    sign_bundle(path, private)
    if content is None:
        content = private.read_bytes()
    elif content == "rsa":
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        content = (
            rsa.generate_private_key(public_exponent=65537, key_size=1024)
            .public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        )
    (folder / name).write_bytes(content)
    with pytest.raises(BundleTrustError, match="unusable trusted key"):
        load_trusted_bundle(path, TrustPolicy(folder))


def test_an_unreadable_key_folder_refuses(tmp_path, keys):
    private, folder, _ = keys
    path = _bundle(tmp_path)
    sign_bundle(path, private)
    (folder / "sub.pub").mkdir()  # unreadable as a key file (also when running as root)
    with pytest.raises(BundleTrustError, match="cannot be read"):
        load_trusted_bundle(path, TrustPolicy(folder))


def test_without_cryptography_a_trusted_key_refuses_instead_of_skipping(tmp_path, keys, monkeypatch):
    private, folder, _ = keys
    path = _bundle(tmp_path)
    sign_bundle(path, private)
    for name in [m for m in sys.modules if m == "cryptography" or m.startswith("cryptography.")]:
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(BundleTrustError, match="cryptography package is missing"):
        load_trusted_bundle(path, TrustPolicy(folder))


# --- pinned bundles, where the station trusts no key ----------------------------------------------------


def test_a_pinned_bundle_is_accepted_and_its_hash_covers_everything(tmp_path):
    path = _bundle(tmp_path)
    bundle = load_trusted_bundle(path, TrustPolicy(tmp_path / "no-keys"))
    assert bundle.trust == f"pinned by {pin_path(path)}"
    pin = read_pin(pin_path(path))
    assert pin["bundle_sha256"] == bundle.sha256
    assert pin["files"] == {
        MANIFEST_NAME: sha256_file(path / MANIFEST_NAME),
        WEIGHTS_NAME: bundle.weights_sha256,
        EXTRA: sha256_file(path / EXTRA),
    }


@pytest.mark.parametrize("tampering", list(TAMPERING))
def test_any_change_to_a_pinned_bundle_is_refused(tmp_path, tampering):
    path = _bundle(tmp_path)
    TAMPERING[tampering](path)
    with pytest.raises(BundleIntegrityError):
        load_trusted_bundle(path, TrustPolicy())


def test_a_pin_mismatch_names_the_manifest_and_both_hashes(tmp_path):
    path = _bundle(tmp_path)
    pinned = sha256_file(path / MANIFEST_NAME)
    TAMPERING["class-swap"](path)
    with pytest.raises(BundleTrustError) as info:
        load_trusted_bundle(path, TrustPolicy())
    message = str(info.value)
    assert str(path / MANIFEST_NAME) in message and str(pin_path(path)) in message
    assert pinned in message and sha256_file(path / MANIFEST_NAME) in message


def test_the_pin_of_another_bundle_is_refused(tmp_path):
    path, other = _bundle(tmp_path, "a"), _bundle(tmp_path, "b")  # other weights, so another manifest
    pin_path(path).write_bytes(pin_path(other).read_bytes())
    with pytest.raises(BundleTrustError, match="differs from its pin"):
        load_trusted_bundle(path, TrustPolicy())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, r"no trusted key is configured and the bundle has no pin \("),
        (b"", "the pin cannot be read or is malformed"),
        (b"\xff\xfe", "the pin cannot be read or is malformed"),
        (b'{"format": "mpox-aism bundle pin v1"}', "malformed pin"),
        (b'{"format": "other", "bundle_sha256": "x", "files": {"manifest.json": "x"}}', "malformed pin"),
    ],
)
def test_a_missing_or_unreadable_pin_refuses(tmp_path, content, message):
    path = _bundle(tmp_path)
    if content is None:
        pin_path(path).unlink()
    else:
        pin_path(path).write_bytes(content)
    with pytest.raises(BundleTrustError, match=message):
        load_trusted_bundle(path, TrustPolicy())


def test_a_pin_whose_digest_does_not_follow_from_its_hashes_is_refused(tmp_path):
    path = _bundle(tmp_path)
    pin = read_pin(pin_path(path))
    pin_path(path).write_text(json.dumps(dict(pin, bundle_sha256="0" * 64)))
    with pytest.raises(BundleTrustError, match="the pin is damaged"):
        load_trusted_bundle(path, TrustPolicy())


def test_pin_bundle_refuses_to_pin_a_damaged_bundle(tmp_path):
    path = _bundle(tmp_path)
    TAMPERING["weights"](path)
    with pytest.raises(BundleIntegrityError):
        pin_bundle(path)


def test_repinning_after_a_legitimate_rebuild_is_one_call(tmp_path):
    path = _bundle(tmp_path)
    model = build_model("tiny_cnn", len(CLASSES))
    save_bundle(
        model,
        path,
        make_manifest(model, "tiny_cnn", CLASSES, temperature=2.0),
        extra_files={EXTRA: b"new head", "extra2.bin": b"another later file"},
    )
    with pytest.raises(BundleTrustError, match="differs from its pin"):
        load_trusted_bundle(path, TrustPolicy())
    pin, bundle = pin_bundle(path)
    assert set(read_pin(pin)["files"]) == {MANIFEST_NAME, WEIGHTS_NAME, EXTRA, "extra2.bin"}
    assert load_trusted_bundle(path, TrustPolicy()).sha256 == bundle.sha256


# --- the developer's own bundle (mpox-screen --allow-unsigned) ------------------------------------------


def test_allow_unsigned_skips_trust_but_not_integrity(tmp_path, keys):
    _, folder, _ = keys
    path = _bundle(tmp_path)
    pin_path(path).unlink()
    assert load_trusted_bundle(path, TrustPolicy(folder, allow_unsigned=True)).trust.startswith("UNSIGNED")
    TAMPERING["weights"](path)
    with pytest.raises(BundleIntegrityError, match="SHA-256 mismatch"):
        load_trusted_bundle(path, TrustPolicy(folder, allow_unsigned=True))


# --- keys -----------------------------------------------------------------------------------------------


def test_keygen_writes_a_private_key_only_its_owner_reads_and_never_overwrites(tmp_path):
    private, public, kid = generate_keypair(tmp_path / "k")
    assert private.stat().st_mode & 0o777 == 0o600 and public == tmp_path / "k.pub"
    assert public.read_text().startswith("-----BEGIN PUBLIC KEY-----") and len(kid) == 16
    assert private.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    with pytest.raises(KeyFileError, match="already exists"):
        generate_keypair(tmp_path / "k")


def test_signing_with_an_unusable_key_says_why(tmp_path):
    path = _bundle(tmp_path)
    _, public, _ = generate_keypair(tmp_path / "k")
    with pytest.raises(KeyFileError, match="not an unencrypted PEM private key"):
        sign_bundle(path, public)
    with pytest.raises(KeyFileError, match="cannot be read"):
        sign_bundle(path, tmp_path / "missing")


def test_the_training_cli_makes_keys_signs_and_pins(tmp_path, capsys):
    from training.cli import main

    path = _bundle(tmp_path)
    pin_path(path).unlink()
    assert main(["keygen", str(tmp_path / "k")]) == 0
    assert main(["sign", "--key", str(tmp_path / "k"), str(path)]) == 0
    assert main(["pin", str(path)]) == 0
    out = capsys.readouterr().out
    assert "manifest.sig" in out and str(pin_path(path)) in out
    folder = tmp_path / "trusted"
    folder.mkdir()
    (folder / "k.pub").write_bytes((tmp_path / "k.pub").read_bytes())
    assert load_trusted_bundle(path, TrustPolicy(folder)).trust.startswith("signed by trusted key")
    assert load_trusted_bundle(path, TrustPolicy()).trust.startswith("pinned")
    assert main(["keygen", str(tmp_path / "k")]) == 2
    assert "already exists" in capsys.readouterr().err


# --- the shipped default bundle -------------------------------------------------------------------------


@pytest.mark.skipif(not (DEFAULT_BUNDLE_DIR / MANIFEST_NAME).is_file(), reason="no default bundle installed")
def test_the_shipped_pin_matches_the_shipped_default_bundle():
    """Fails when models/bundles/default is rebuilt without `mpox-train pin models/bundles/default`."""
    pin = read_pin(pin_path(DEFAULT_BUNDLE_DIR))
    raw = (DEFAULT_BUNDLE_DIR / MANIFEST_NAME).read_bytes()
    actual = {MANIFEST_NAME: sha256_bytes(raw)}
    actual.update({name: sha256_file(DEFAULT_BUNDLE_DIR / name) for name in listed_files(json.loads(raw))})
    assert pin["files"] == actual, "re-pin the default bundle: mpox-train pin models/bundles/default"
    bundle = load_trusted_bundle(DEFAULT_BUNDLE_DIR, TrustPolicy())
    assert bundle.trust.startswith("pinned") and bundle.sha256 == pin["bundle_sha256"]
