"""``mpox-kiosk`` administration sub-commands (no Qt): verify-audit, create-user, list-users, purge,
audit-log, migrate, dead-letters, trust. ``kiosk/app.py`` dispatches these names here."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable

from models.errors import MpoxError

COMMANDS = (
    "verify-audit",
    "create-user",
    "list-users",
    "reset-password",
    "disable",
    "enable",
    "delete-case",
    "unlock",
    "set-role",
    "purge",
    "audit-log",
    "migrate",
    "dead-letters",
    "trust",
)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mpox-kiosk", description="Case store administration.")
    p.add_argument("--config", help="TOML configuration file (default: the platform's standard location)")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser(
        "verify-audit",
        help="check the audit chain, the cases, reviews and accounts it covers, and its anchor (exit 1 if "
        "anything was changed outside the station)",
    )
    v.add_argument(
        "--reanchor",
        action="store_true",
        help="after restoring a backup or moving the data folder on purpose: anchor the chain at the "
        "database's current head (the old anchor file is kept; needs --as ADMIN and a typed confirmation; "
        "audited). Never after a tamper report you cannot explain",
    )
    v.add_argument("--as", dest="admin", help="admin account that authorises --reanchor")
    v.add_argument("--password-stdin", action="store_true", help="read password and confirmation from stdin")
    c = sub.add_parser("create-user", help="create an account (the first one must be an admin)")
    c.add_argument("username")
    c.add_argument("--role", choices=("officer", "reviewer", "admin"), required=True)
    c.add_argument("--as", dest="admin", help="admin account that authorises this (not needed for the first)")
    c.add_argument("--password-stdin", action="store_true", help="read passwords from standard input lines")
    r = sub.add_parser("reset-password", help="set a new password (unlocks the account)")
    r.add_argument("username")
    r.add_argument("--as", dest="admin", required=True)
    r.add_argument("--password-stdin", action="store_true")
    d = sub.add_parser(
        "delete-case",
        help="remove one case and its images (e.g. on a traveller's request); an admin authorises it and "
        "the reason goes into the audit trail",
    )
    d.add_argument("case_id")
    d.add_argument("--as", dest="admin", required=True, help="admin account that authorises this")
    d.add_argument("--reason", required=True, help="why (kept in the audit trail)")
    d.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    sub.add_parser("list-users", help="list accounts and roles")
    for name, what in (
        ("disable", "stop an account from logging in (the last active admin cannot be disabled)"),
        ("enable", "let a disabled account log in again"),
        (
            "unlock",
            "end an account's lock-out after failed log-ins (--as ADMIN; the station's own operating-"
            "system user may unlock an admin without, when no other admin can log in)",
        ),
    ):
        e = sub.add_parser(name, help=f"{what}; audited")
        e.add_argument("username")
        e.add_argument(
            "--as", dest="admin", required=name != "unlock", help="admin account that authorises this"
        )
        e.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    sr = sub.add_parser("set-role", help="change an account's role (the last active admin keeps it); audited")
    sr.add_argument("username")
    sr.add_argument("role", choices=("officer", "reviewer", "admin"))
    sr.add_argument("--as", dest="admin", required=True, help="admin account that authorises this")
    sr.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    pu = sub.add_parser(
        "purge",
        help="delete now the images and traveller references of cases older than the retention period, "
        "except cases still pending review (needs --as ADMIN and a typed confirmation; audited)",
    )
    pu.add_argument("--days", type=int, help="override storage.retention_days")
    pu.add_argument("--as", dest="admin", required=True, help="admin account that authorises this")
    pu.add_argument("--password-stdin", action="store_true", help="read password and confirmation from stdin")
    a = sub.add_parser("audit-log", help="print the latest audit entries")
    a.add_argument("--limit", type=int, default=50)
    sub.add_parser("migrate", help="upgrade the database schema (after a backup) and print its revision")
    dl = sub.add_parser(
        "dead-letters",
        help="list the cases the database refused for good and the station set aside (kept on this "
        "computer, with the reason); --restore puts one back in the queue once the cause is fixed",
    )
    dl.add_argument(
        "--restore", metavar="NAME", help="the set-aside entry to put back (a name the list shows)"
    )
    dl.add_argument("--as", dest="admin", help="admin account that authorises --restore (audited)")
    dl.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    from kiosk import trust

    trust.add_parser(sub)  # trust add / list / remove: kiosk/trust.py
    return p


def _reader(from_stdin: bool) -> Callable[[str], str]:
    if from_stdin:
        return lambda prompt: sys.stdin.readline().rstrip("\n")
    return getpass.getpass


def _admin_session(db, config, name: str | None, read: Callable[[str], str]):
    from kiosk.store.accounts import authenticate

    if name is None:
        return None
    return authenticate(db, name, read(f"password of admin {name}: "), config)


def _run(args: argparse.Namespace) -> int:
    """Open the configured store, run the sub-command on it (``_HANDLERS``), and close the store."""
    from kiosk.config import load_config
    from kiosk.store.database import open_configured

    config = load_config(args.config)
    db = open_configured(config)
    try:
        handler = _HANDLERS.get(args.command)
        if handler is None:
            raise AssertionError(args.command)
        return handler(args, config, db)
    finally:
        db.close()


def _trust(args: argparse.Namespace, config, db) -> int:
    """``trust add|list|remove``: kiosk/trust.py."""
    from kiosk import trust

    return trust.run(args, config, db, _admin_session, _reader)


def _reanchor(args: argparse.Namespace, config, db) -> bool:
    """Anchor the audit chain at the database's current head for an admin; False if not confirmed."""
    from kiosk.store import accounts, audit

    admin = _admin_session(db, config, args.admin, _reader(args.password_stdin))
    accounts.require_admin(admin, "re-anchor the audit chain")
    print(
        "Re-anchoring accepts the database as it is now: use it only after restoring a backup or "
        "moving the data folder on purpose, never to silence a tamper report.",
        file=sys.stderr,
    )
    if not _confirmed("REANCHOR", args.password_stdin):
        return False
    seq, old = audit.reanchor(db, admin.username)
    kept = f"; old anchor kept as {old}" if old else ""
    print(f"chain anchor {db.anchor.path} restarted at entry {seq}{kept}")
    return True


def _verify_audit(args: argparse.Namespace, config, db) -> int:
    """``verify-audit [--reanchor]``: check the audit chain; exit 1 if anything was changed outside."""
    from kiosk.store import audit

    if args.reanchor and not _reanchor(args, config, db):
        return 1
    report = audit.verify(db)
    for note in report.notes:
        print(f"note: {note}")
    if report.ok:
        anchored = f", anchored at entry {report.anchored}" if report.anchored else ""
        print(
            f"audit trail OK: {report.entries} entries, hash chain intact; {report.rows_checked} "
            f"cases, reviews and accounts match it{anchored} ({db.describe})"
        )
        return 0
    total = len(report.problems) + report.more_problems
    print(f"audit trail TAMPERED ({db.describe}): {total} problem(s)", file=sys.stderr)
    for problem in report.problems:
        print(f"  {problem}", file=sys.stderr)
    if report.more_problems:
        print(f"  ... and {report.more_problems} more", file=sys.stderr)
    return 1


def _set_password(args: argparse.Namespace, config, db) -> int:
    """``create-user`` and ``reset-password``: both read a new password twice."""
    from kiosk.store import accounts

    read = _reader(args.password_stdin)
    actor = _admin_session(db, config, args.admin, read)
    password = read(f"new password for {args.username}: ")
    if read("repeat it: ") != password:
        print("the two passwords differ; nothing changed", file=sys.stderr)
        return 1
    if args.command == "create-user":
        accounts.create_user(db, args.username, password, args.role, actor)
        print(f"created {args.role} account {args.username!r}")
    else:
        accounts.set_password(db, args.username, password, actor)
        print(f"password of {args.username!r} reset")
    return 0


def _delete_case(args: argparse.Namespace, config, db) -> int:
    """``delete-case``: remove one case and its images for an admin, with the reason audited."""
    from kiosk.store import accounts
    from kiosk.store.reviews import delete_case

    admin = _admin_session(db, config, args.admin, _reader(args.password_stdin))
    accounts.require_admin(admin, "delete a case")
    if not args.reason.strip():
        print(
            "mpox-kiosk delete-case: give the reason (--reason), it goes into the audit trail",
            file=sys.stderr,
        )
        return 2
    if not _confirmed(f"DELETE {args.case_id}", args.password_stdin):
        return 1
    delete_case(db, admin, args.case_id, args.reason)
    print(f"case {args.case_id} and its images deleted (audited: {args.reason!r})")
    return 0


def _unlock_by_operator(args: argparse.Namespace, db) -> int:
    """``unlock NAME`` without ``--as``: the station's own operating-system user unlocks an admin."""
    from kiosk.store import accounts

    # Recovery: anyone could lock the only admin out from the login dialog. Whoever can read the
    # station's key as its own user already holds all its data; that user may unlock an admin.
    db.media.secret()  # MediaError (exit 2) for a user who cannot read the key
    who = f"cli:{os.environ.get('USER') or getpass.getuser()} (holds the station key)"
    accounts.unlock_admin_by_operator(db, args.username, who)
    print(f"unlock: admin {args.username!r} unlocked by {who} (audited)")
    return 0


def _change_account(args: argparse.Namespace, config, db) -> int:
    """``disable``, ``enable``, ``unlock`` and ``set-role``: one account changed by an admin."""
    from kiosk.store import accounts

    if args.command == "unlock" and args.admin is None:
        return _unlock_by_operator(args, db)
    admin = _admin_session(db, config, args.admin, _reader(args.password_stdin))
    if args.command == "unlock":
        accounts.unlock(db, args.username, admin)
    elif args.command == "set-role":
        accounts.set_role(db, args.username, args.role, admin)
    else:
        accounts.set_disabled(db, args.username, args.command == "disable", admin)
    print(f"{args.command}: account {args.username!r} done (audited)")
    return 0


def _list_users(args: argparse.Namespace, config, db) -> int:
    """``list-users``: accounts and roles, with a warning for names that can be mistaken."""
    from kiosk.store import accounts

    for name, role, disabled in accounts.list_users(db):
        print("\t".join([name, role, *(["disabled"] if disabled else [])]))
    for group in accounts.name_collisions(db):  # accounts made before names ignored case
        what = "differ only in case" if len(group) > 1 else "hold characters a name may not hold"
        print(
            f"warning: accounts {', '.join(map(repr, group))} {what}: they can be taken for someone "
            "else's in the audit trail; disable the one not in use (mpox-kiosk disable NAME"
            " --as ADMIN) and create a new account with a plain name",
            file=sys.stderr,
        )
    return 0


def _purge(args: argparse.Namespace, config, db) -> int:
    """``purge``: delete the images and references of old cases (not pending review) for an admin."""
    from kiosk.store import accounts
    from kiosk.store.retention import purge_candidates, purge_images

    days = config.storage.retention_days if args.days is None else args.days
    if days < 0:
        print("mpox-kiosk purge: --days must be 0 or more", file=sys.stderr)
        return 2
    admin = _admin_session(db, config, args.admin, _reader(args.password_stdin))
    accounts.require_admin(admin, "purge case images")
    gone, kept = purge_candidates(db, days)
    print(
        f"This deletes the images and traveller references of {gone} case(s) captured more than "
        f"{days} days ago; {kept} still pending review are kept.",
        file=sys.stderr,
    )
    if gone and not _confirmed(f"PURGE {gone}", args.password_stdin):
        return 1
    n = purge_images(db, days, actor=admin.username, keep_pending=True)
    print(f"purged the images and references of {n} case(s) older than {days} days (statistics kept)")
    return 0


def _audit_log(args: argparse.Namespace, config, db) -> int:
    """``audit-log``: print the latest audit entries, oldest first."""
    from kiosk.store import audit

    for e in reversed(audit.recent(db, args.limit)):
        print(f"{e.seq}\t{e.ts_utc:%Y-%m-%d %H:%M:%S}Z\t{e.actor}\t{e.action}\t{e.target}\t{e.details}")
    return 0


def _migrate(args: argparse.Namespace, config, db) -> int:
    """``migrate``: print the database schema's revision (opening the store upgraded it)."""
    from kiosk.store.migrate import current_revision, head_revision

    print(f"schema revision {current_revision(db.engine)} (newest known: {head_revision()})")
    return 0


def _confirmed(phrase: str, from_stdin: bool) -> bool:
    """The administrator types ``phrase`` (naming what will go) to go on; anything else changes nothing."""
    prompt = f"type {phrase!r} to go on: "
    if from_stdin:
        typed = sys.stdin.readline().rstrip("\n")
    else:
        try:
            typed = input(prompt)
        except EOFError:
            typed = ""
    if typed.strip() != phrase:
        print(f"not confirmed ({phrase!r} was not typed): nothing changed", file=sys.stderr)
        return False
    return True


def _dead_letters(args: argparse.Namespace, config, db) -> int:
    """List the cases set aside (kiosk/store/spool.py), or put one back in the queue for an admin."""
    from kiosk.store import audit
    from kiosk.store.accounts import require_admin
    from kiosk.store.spool import Spool

    spool = Spool(db.data_dir / "spool")
    dead = {path.name: path for path in spool.dead()}
    if args.restore is None:
        if not dead:
            print("no case set aside: every acknowledged case reached the database or is queued")
        for name, path in dead.items():
            try:
                entry = Spool.read(path)
                what = f"case {entry.get('id')} {entry.get('decision')} at {entry.get('captured_utc')}"
            except ValueError:
                what = "unreadable entry"
            print(f"{name}\t{what}\t{Spool.reason(path)}")
        return 0
    if args.restore not in dead:
        print(f"no case set aside under {args.restore!r}; run dead-letters to list them", file=sys.stderr)
        return 1
    admin = _admin_session(db, config, args.admin, _reader(args.password_stdin))
    require_admin(admin, "put a case set aside back in the queue")
    back = spool.restore(dead[args.restore])
    audit.record(db, admin.username, "dead_letter_restored", args.restore, {})
    print(f"{args.restore} is queued again ({back}); the station writes it at its next start")
    return 0


_HANDLERS: dict[str, Callable[..., int]] = {  # sub-command -> handler(args, config, db)
    "verify-audit": _verify_audit,
    "create-user": _set_password,
    "reset-password": _set_password,
    "list-users": _list_users,
    "disable": _change_account,
    "enable": _change_account,
    "unlock": _change_account,
    "set-role": _change_account,
    "delete-case": _delete_case,
    "purge": _purge,
    "audit-log": _audit_log,
    "migrate": _migrate,
    "dead-letters": _dead_letters,
    "trust": _trust,
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except MpoxError as exc:
        print(f"mpox-kiosk {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
