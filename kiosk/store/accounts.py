"""Local accounts: argon2id hashes, no default passwords, lockout after repeated failures, three roles."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select

from kiosk.names import folded, name_problem, normalise_name, same
from kiosk.store import audit
from kiosk.store.database import Database
from kiosk.store.errors import AccessDenied, LoginError, StoreError
from kiosk.store.schema import User
from kiosk.store.settings import StoreSettings

if TYPE_CHECKING:
    from kiosk.config import KioskConfig

ROLES = ("officer", "reviewer", "admin")
MIN_PASSWORD_LENGTH = 10


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """Marks an officer-facing text for the station's translations; the login dialog (kiosk/ui) translates
    it when shown (the store itself stays free of Qt)."""
    return text


# one answer for an unknown name, a wrong password, a locked and a disabled account: which names exist
# must not be learnt from the log-in screen
LOGIN_REFUSED = QT_TRANSLATE_NOOP(
    "Login",
    "wrong user name or password, or the account is locked after repeated failed log-ins: "
    "try again later or ask an admin",
)
UNKNOWN_ACTOR = "unknown user"
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# verified against when the user does not exist, so an unknown name takes as long as a wrong password
_DUMMY_HASH = _hasher.hash("not-a-password-of-anyone")


@dataclass(frozen=True)
class UserSession:
    username: str
    role: str
    login_utc: datetime

    @property
    def can_review(self) -> bool:
        return self.role in ("reviewer", "admin")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def require_reviewer(user: UserSession | None, what: str = "review cases") -> None:
    if user is None or not user.can_review:
        role = user.role if user else "no account"
        raise AccessDenied(
            f"{what}: the account's role ({role}) does not allow it; log in as a reviewer or admin"
        )


def require_admin(user: UserSession | None, what: str) -> None:
    if user is None or not user.is_admin:
        raise AccessDenied(f"{what}: only an admin account may do this")


def _admin_still(s, actor: UserSession, what: str) -> None:
    """The actor's account as the database holds it now, in the change's own transaction: a session opened
    by an admin who was since demoted, disabled or deleted changes nothing (a review window left open)."""
    account = _find(s, actor.username)
    if account is None or account.disabled or account.role != "admin":
        raise AccessDenied(f"{what}: {actor.username!r} is no longer an active admin account; log in again")


def has_users(db: Database) -> bool:
    with db.session() as s:
        return s.execute(select(func.count(User.id))).scalar_one() > 0


def check_password(username: str, password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StoreError(
            f"password for {username!r} is too short: use at least {MIN_PASSWORD_LENGTH} characters"
        )
    if password.strip().lower() == username.strip().lower():
        raise StoreError("the password must not be the user name")


def create_user(db: Database, username: str, password: str, role: str, actor: UserSession | None) -> None:
    """Create an account. Without ``actor`` only the very first account (an admin) may be created."""
    username = normalise_name(username)
    problem = name_problem(username)
    if problem:
        raise StoreError(f"user name {username!r} {problem}")
    if role not in ROLES:
        raise StoreError(f"role {role!r} is not one of {', '.join(ROLES)}")
    check_password(username, password)
    pw_hash = _hasher.hash(password)

    def work(s) -> None:
        first = s.execute(select(func.count(User.id))).scalar_one() == 0
        if actor is None and not (first and role == "admin"):
            raise AccessDenied(
                "creating an account needs an admin log-in (only the first account is created without)"
            )
        if actor is not None:
            require_admin(actor, "create an account")
            _admin_still(s, actor, "create an account")
        taken = [name for name in s.execute(select(User.username)).scalars() if same(name, username)]
        if taken:  # "BOSS" beside "boss" would read as the same person in the audit trail
            raise StoreError(f"an account named {taken[0]!r} already exists (names ignore case)")
        user = User(
            username=username,
            password_hash=pw_hash,
            role=role,
            failed_logins=0,
            disabled=False,
            created_utc=datetime.now(UTC),
        )
        s.add(user)
        audit.append(
            s,
            actor.username if actor else username,
            "user_created",
            username,
            {"role": role},
            rows=[("user", user)],
        )

    db.transact(work)


def authenticate(
    db: Database,
    username: str,
    password: str,
    config: KioskConfig | StoreSettings | None = None,
    now: datetime | None = None,
) -> UserSession:
    """Log in; counts failures, locks after ``max_failed_logins`` for ``lockout_minutes``; all audited."""
    settings = StoreSettings.from_config(config)
    max_failed = settings.max_failed_logins
    lockout = timedelta(minutes=settings.lockout_minutes)
    now = now or datetime.now(UTC)
    username = normalise_name(username)

    def work(s) -> UserSession | None:
        user = _find(s, username)
        if user is None:
            _verify(_DUMMY_HASH, password)  # as long as for a real account
            audit.append(
                s,
                UNKNOWN_ACTOR,
                "login_failed",
                "",
                {"reason": "unknown account", "name_fingerprint": _fingerprint(db, username)},
            )
            return None
        name = user.username  # as stored: "Boss" typed logs in, and is audited, as "boss"
        if user.disabled:
            _verify(user.password_hash, password)
            audit.append(s, name, "login_failed", name, {"reason": "disabled account"})
            return None
        if user.locked_until is not None and user.locked_until > now:
            _verify(user.password_hash, password)  # as long as the other refusals; the answer is the same
            audit.append(
                s,
                name,
                "login_failed",
                name,
                {"reason": "locked", "locked_until": user.locked_until.isoformat()},
            )
            return None
        if not _verify(user.password_hash, password):
            user.failed_logins += 1
            details = {"reason": "wrong password", "failures": user.failed_logins}
            action = "login_failed"
            if user.failed_logins >= max_failed:
                user.locked_until = now + lockout
                user.failed_logins = 0
                details["locked_until"] = user.locked_until.isoformat()
            audit.append(s, name, action, name, details, rows=[("user", user)])
            return None
        changed = user.failed_logins != 0 or user.locked_until is not None
        user.failed_logins = 0
        user.locked_until = None
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
            changed = True
        audit.append(s, name, "login", name, {"role": user.role}, rows=[("user", user)] if changed else [])
        return UserSession(username=user.username, role=user.role, login_utc=now)

    result = db.transact(work)
    if result is None:
        raise LoginError(LOGIN_REFUSED)
    return result


def _fingerprint(db: Database, name: str) -> str:
    """A keyed hash of a user name that matched no account: repeated guesses of one name can be told
    apart from many names, and a password typed into the name box is not kept. The key is derived from
    this station's media key (not stored in the database); "" where it cannot be read."""
    try:
        key = hmac.new(db.media.secret(), b"mpox-kiosk audit: unknown user names", hashlib.sha256).digest()
    except (OSError, StoreError):
        return ""
    return hmac.new(key, name.encode("utf-8", "replace"), hashlib.sha256).hexdigest()[:24]


def _verify(pw_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(pw_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def logout(db: Database, user: UserSession, reason: str = "logout") -> None:
    audit.record(db, user.username, "logout", user.username, {"reason": reason})


def list_users(db: Database) -> list[tuple[str, str, bool]]:
    with db.session() as s:
        return [
            (u.username, u.role, u.disabled)
            for u in s.execute(select(User).order_by(User.username)).scalars()
        ]


def set_password(db: Database, username: str, password: str, actor: UserSession) -> None:
    require_admin(actor, "reset a password")
    check_password(username, password)
    pw_hash = _hasher.hash(password)

    def work(s) -> None:
        _admin_still(s, actor, "reset a password")
        user = _user(s, username)
        user.password_hash, user.failed_logins, user.locked_until = pw_hash, 0, None
        audit.append(s, actor.username, "password_reset", username, rows=[("user", user)])

    db.transact(work)


def _active_admins(s) -> int:
    return s.execute(
        select(func.count(User.id)).where(User.role == "admin", User.disabled.is_(False))
    ).scalar_one()


def set_role(db: Database, username: str, role: str, actor: UserSession) -> None:
    """Change an account's role (admin only; the last active admin keeps the role)."""
    require_admin(actor, "change a role")
    if role not in ROLES:
        raise StoreError(f"role {role!r} is not one of {', '.join(ROLES)}")

    def work(s) -> None:
        _admin_still(s, actor, "change a role")
        user = _user(s, username)
        if user.role == role:
            return
        if user.role == "admin" and not user.disabled and _active_admins(s) <= 1:
            raise StoreError(f"{username!r} is the last admin account: make another admin first")
        before, user.role = user.role, role
        audit.append(
            s, actor.username, "role_changed", username, {"from": before, "to": role}, rows=[("user", user)]
        )

    db.transact(work)


def unlock(db: Database, username: str, actor: UserSession) -> None:
    """End an account's lock-out after failed log-ins (admin only; audited)."""
    require_admin(actor, "unlock an account")

    def work(s) -> None:
        _admin_still(s, actor, "unlock an account")
        user = _user(s, username)
        user.failed_logins, user.locked_until = 0, None
        audit.append(s, actor.username, "account_unlocked", user.username, rows=[("user", user)])

    db.transact(work)


def unlock_admin_by_operator(db: Database, username: str, operator: str) -> None:
    """Recovery when every admin is locked out: the station's operating-system user (who can read its key)
    unlocks an admin account; only an admin's, only while no admin can log in; audited under ``operator``."""
    now = datetime.now(UTC)

    def work(s) -> None:
        user = _user(s, username)
        if user.role != "admin" or user.disabled:
            raise AccessDenied(
                f"{user.username!r} is not an active admin account: an admin unlocks it (--as ADMIN)"
            )
        admins = s.execute(select(User).where(User.role == "admin", User.disabled.is_(False))).scalars()
        if any(u.locked_until is None or u.locked_until <= now for u in admins):
            raise AccessDenied("an admin account can still log in: that admin unlocks it (--as ADMIN)")
        user.failed_logins, user.locked_until = 0, None
        audit.append(
            s, operator, "account_unlocked", user.username, {"recovery": True}, rows=[("user", user)]
        )

    db.transact(work)


def set_disabled(db: Database, username: str, disabled: bool, actor: UserSession) -> None:
    """Disable (no log-in, history kept) or enable an account (admin only; not the last active admin)."""
    require_admin(actor, "disable or enable an account")

    def work(s) -> None:
        _admin_still(s, actor, "disable or enable an account")
        user = _user(s, username)
        if user.disabled == disabled:
            return
        if disabled and user.role == "admin" and _active_admins(s) <= 1:
            raise StoreError(f"{username!r} is the last admin account: make another admin first")
        user.disabled = disabled
        action = "account_disabled" if disabled else "account_enabled"
        audit.append(s, actor.username, action, username, rows=[("user", user)])

    db.transact(work)


def _find(s, username: str) -> User | None:
    """The account ``username`` names, in any case ("Boss" logs in as "boss"). Of two older accounts that
    differ only in case (before names ignored case) only the exact spelling finds one."""
    username = normalise_name(username)
    exact = s.execute(select(User).where(User.username == username)).scalar_one_or_none()
    if exact is not None:
        return exact
    matches = [u for u in s.execute(select(User)).scalars() if same(u.username, username)]
    return matches[0] if len(matches) == 1 else None


def _user(s, username: str) -> User:
    user = _find(s, username)
    if user is None:
        raise StoreError(f"no account named {username!r}")
    return user


def name_collisions(db: Database) -> list[list[str]]:
    """Groups of older accounts whose names differ only in case, and accounts whose names hold characters a
    name may no longer hold: each group or name with what to do, for ``list-users`` and the station's log."""
    with db.session() as s:
        names = list(s.execute(select(User.username).order_by(User.id)).scalars())
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(folded(name), []).append(name)
    return [group for group in groups.values() if len(group) > 1] + [
        [name] for name in names if name_problem(normalise_name(name))
    ]
