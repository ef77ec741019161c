"""The station's trusted bundle-signing keys and its own bundle pins: ``mpox-kiosk trust add / list / remove
/ pin`` (no Qt).

Keys live in ``<data_dir>/trusted-keys/<key id>.pub`` (folder 0700, files 0600). Once one key is there, the
station accepts only bundles signed by a trusted key; with none, only bundles that match the station's own
pin, ``<data_dir>/trusted-pins/<id>.pin`` (folder 0700, files 0600, ``models.trust.station_pin_path``): a pin
beside a bundle is accepted only for the shipped default bundle inside the installed package. Adding and
removing a key and pinning a bundle need an admin's log-in and are audited; so a changed threshold means a
new pin by an admin, on the record. The one exception is installation: before any account exists, ``trust
pin`` runs without one (the installer, as root) and is audited as the operating-system user.
"""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Callable
from pathlib import Path

from models.errors import MpoxError
from models.fsutil import atomic_write
from models.keys import KeyFileError, fingerprint, key_id, load_public_key, public_pem

TRUSTED_KEYS_DIRNAME = "trusted-keys"
TRUSTED_PINS_DIRNAME = "trusted-pins"

log = logging.getLogger("mpox-kiosk.trust")


class TrustStoreError(MpoxError):
    """A trust command that cannot be done (the message says why and what to do)."""


class BundleRefused(MpoxError):
    """A bundle that is not vouched for or not intact: the message is the one an officer sees; ``details``
    (file, expected and actual hash, key) went to the log."""

    def __init__(self, details: str):
        from models.trust import OFFICER_MESSAGE

        self.details = details
        super().__init__(OFFICER_MESSAGE)


def trusted_keys_dir(config) -> Path:
    return Path(config.storage.data_dir) / TRUSTED_KEYS_DIRNAME


def trusted_pins_dir(config) -> Path:
    return Path(config.storage.data_dir) / TRUSTED_PINS_DIRNAME


def station_policy(config, allow_unsigned: bool = False):
    """How the station (and mpox-screen with the same configuration) decides which bundles to accept."""
    from models.manifest import DEFAULT_BUNDLE_DIR
    from models.trust import TrustPolicy  # not at the top: admin commands that need no bundle stay fast

    return TrustPolicy(
        trusted_keys_dir=trusted_keys_dir(config),
        allow_unsigned=allow_unsigned,
        pins_dir=trusted_pins_dir(config),
        default_bundle=DEFAULT_BUNDLE_DIR,
    )


def pin_throwaway_station(data_dir: Path, bundle: Path) -> Path:
    """Pin ``bundle`` for a throwaway station that a tool makes in a temporary data folder (a benchmark, a
    screenshot), without checking the model and without an audit entry. A real station pins with
    ``mpox-kiosk trust pin`` (``pin_for_station``)."""
    from models.trust import station_pin_path, write_pin

    folder = Path(data_dir) / TRUSTED_PINS_DIRNAME
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return write_pin(bundle, out=station_pin_path(folder, bundle))


def pin_for_station(config, bundle: Path, record: Callable[[str, dict], None]) -> Path:
    """Verify ``bundle`` completely (files, model, a forward pass) and write the station's own pin of it;
    ``record(bundle_path, details)`` audits it (and, if that fails, the pin is removed again)."""
    from models.trust import pin_bundle, station_pin_path

    folder = trusted_pins_dir(config)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    target = station_pin_path(folder, bundle)
    previous = target.read_bytes() if target.exists() else None
    try:
        path, verified = pin_bundle(bundle, out=target)
    except MpoxError as exc:
        raise TrustStoreError(f"{bundle} cannot be pinned: {exc}") from exc
    os.chmod(path, 0o600)
    try:
        record(str(Path(bundle).resolve()), {"bundle_sha256": verified.digest, "name": verified.name})
    except BaseException:
        if previous is None:
            path.unlink(missing_ok=True)
        else:
            atomic_write(path, previous, mode=0o600)
        raise
    return path


def load_station_bundle(path: Path, policy, model: bool = True):
    """The one way the station and mpox-screen load a bundle: with its PyTorch model
    (``models.trust.load_trusted_bundle``) or, ``model=False``, verified without PyTorch for the ONNX path
    (``verify_trusted_bundle``). A bundle refused for its integrity or trust raises BundleRefused after
    logging the details."""
    from models.manifest import BundleIntegrityError
    from models.trust import load_trusted_bundle, verify_trusted_bundle

    try:
        return (
            load_trusted_bundle(path, policy, device="cpu") if model else verify_trusted_bundle(path, policy)
        )
    except BundleIntegrityError as exc:
        log.error("model bundle refused: %s", exc)
        raise BundleRefused(str(exc)) from exc


def list_keys(folder: Path) -> list[tuple[str, str, Path]]:
    """(key id, fingerprint or 'UNUSABLE: why', file) for every file in the folder."""
    if not folder.is_dir():
        return []
    rows = []
    for path in sorted(p for p in folder.iterdir() if not p.name.startswith(".")):
        try:
            key = load_public_key(path)
            rows.append((key_id(key), fingerprint(key), path))
        except KeyFileError as exc:
            rows.append(("?", f"UNUSABLE: {exc}", path))
    return rows


def add_key(folder: Path, source: Path, record: Callable[[str, dict], None]) -> tuple[str, bool]:
    """Copy the public key ``source`` into ``folder``; ``record(key_id, details)`` audits it (and, if it
    fails, the key is removed again: no trust without an audit entry). Returns (key id, added)."""
    try:
        key = load_public_key(source)
    except KeyFileError as exc:
        raise TrustStoreError(str(exc)) from exc
    kid = key_id(key)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    target = folder / f"{kid}.pub"
    if target.exists():
        return kid, False
    atomic_write(target, public_pem(key), mode=0o600)
    try:
        record(kid, {"fingerprint": fingerprint(key), "source": str(source)})
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return kid, True


def _find(folder: Path, key: str) -> Path:
    """The trusted key file for a key id (or a unique prefix of 8+ digits), or for a .pub file's key."""
    candidate = Path(key)
    if candidate.is_file():
        try:
            key = key_id(load_public_key(candidate))
        except KeyFileError as exc:
            raise TrustStoreError(str(exc)) from exc
    matches = [path for kid, _fp, path in list_keys(folder) if kid != "?" and kid.startswith(key.lower())]
    if len(key) < 8 or len(matches) != 1:
        known = ", ".join(kid for kid, _fp, _p in list_keys(folder)) or "none"
        raise TrustStoreError(
            f"no single trusted key matches {key!r} (trusted: {known}); "
            "give a key id from `mpox-kiosk trust list` or the key's .pub file"
        )
    return matches[0]


def remove_key(folder: Path, key: str, record: Callable[[str, dict], None]) -> str:
    """Remove a trusted key; audited like ``add_key`` (restored if the audit entry cannot be written)."""
    path = _find(folder, key)
    data = path.read_bytes()
    trusted = load_public_key(path)
    kid = key_id(trusted)
    path.unlink()
    try:
        record(kid, {"fingerprint": fingerprint(trusted)})
    except BaseException:
        path.write_bytes(data)
        os.chmod(path, 0o600)
        raise
    return kid


def _pin(args: argparse.Namespace, config, db, admin_session: Callable, reader: Callable) -> int:
    """``mpox-kiosk trust pin BUNDLE``: an admin's, or (before any account exists) the installer's."""
    import getpass

    from kiosk.store import audit
    from kiosk.store.accounts import has_users, require_admin

    if has_users(db) or args.admin is not None:
        admin = admin_session(db, config, args.admin, reader(args.password_stdin))
        require_admin(admin, "pin a model bundle")
        actor = admin.username
    else:  # installation: no account can exist yet
        actor = f"cli:{os.environ.get('USER') or getpass.getuser()} (before any account)"
    path = pin_for_station(
        config, args.bundle, lambda where, details: audit.record(db, actor, "bundle_pinned", where, details)
    )
    print(f"pinned {args.bundle} for this station ({path}); audited as {actor}")
    return 0


# --- mpox-kiosk trust ... (dispatched by kiosk/admin_cli.py) --------------------------------------------


def add_parser(sub) -> None:
    t = sub.add_parser("trust", help="manage the keys whose signed model bundles this station accepts")
    tsub = t.add_subparsers(dest="trust_command", required=True)
    a = tsub.add_parser("add", help="trust a bundle-signing public key (a .pub file from mpox-train keygen)")
    a.add_argument("key_file", metavar="PUBKEY_FILE", type=Path)
    r = tsub.add_parser("remove", help="stop trusting a key (its id from `trust list`, or its .pub file)")
    r.add_argument("key", metavar="KEY")
    for p in (a, r):
        p.add_argument("--as", dest="admin", required=True, help="admin account that authorises this")
        p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    tsub.add_parser("list", help="list the trusted keys")
    pn = tsub.add_parser(
        "pin",
        help="verify a model bundle and pin it for this station (where no key is trusted, the station "
        "accepts only bundles it pinned; audited)",
    )
    pn.add_argument("bundle", metavar="BUNDLE", type=Path)
    pn.add_argument("--as", dest="admin", help="admin account that authorises this (needed once one exists)")
    pn.add_argument("--password-stdin", action="store_true", help="read the password from standard input")


def run(args: argparse.Namespace, config, db, admin_session: Callable, reader: Callable) -> int:
    """``mpox-kiosk trust add|list|remove``; ``admin_session(db, config, name, read)`` logs the admin in."""
    from kiosk.store import audit
    from kiosk.store.accounts import require_admin

    folder = trusted_keys_dir(config)
    if args.trust_command == "list":
        rows = list_keys(folder)
        for kid, fp, path in rows:
            print(f"{kid}\t{fp}\t{path}")
        if not rows:
            print(f"no trusted keys in {folder}: the station accepts only bundles that match their pin")
        return 1 if any(kid == "?" for kid, _fp, _p in rows) else 0
    if args.trust_command == "pin":
        return _pin(args, config, db, admin_session, reader)
    admin = admin_session(db, config, args.admin, reader(args.password_stdin))
    require_admin(admin, f"trust {args.trust_command}")

    def record(action: str):
        return lambda kid, details: audit.record(db, admin.username, action, kid, details)

    if args.trust_command == "add":
        kid, added = add_key(folder, args.key_file, record("trust_key_added"))
        if not added:
            print(f"key {kid} is already trusted; nothing changed")
            return 0
        print(
            f"trusted key {kid} (fingerprint {fingerprint(load_public_key(folder / f'{kid}.pub'))}); "
            "from the next start the station accepts only bundles signed by a trusted key"
        )
        return 0
    kid = remove_key(folder, args.key, record("trust_key_removed"))
    left = len(list_keys(folder))
    after = (
        f"{left} key(s) still trusted"
        if left
        else "no key is trusted any more: the station accepts only bundles that match their pin"
    )
    print(f"key {kid} is no longer trusted; {after}")
    return 0
