"""Row digests: the SHA-256 of every column of a case, review or account row, as the audit chain records
them. Each change of such a row appends an audit entry carrying the row's new digest (``rows``) or its
deletion (``deleted``); ``audit.verify`` replays the chain and compares with the rows in the tables.

The digests take any object with the column names as attributes (an ORM object or a Core row), so the
migration that registers older rows (revision 0004) uses the same functions. Changing a field list makes
every recorded digest wrong: add a new version instead.

Version 2 of a case's digest (revision 0005) also covers the traveller's consent (``CONSENT_FIELDS``: the
notice version shown, its language, whether the traveller agreed). A case row whose consent columns are all
empty (every case stored before revision 0005, and a case of a station that does not ask) keeps the version 1
digest, so the digests already in the chain stay right; any consent value makes it a version 2 digest, so
setting, changing or emptying the consent of a row outside the station is detected.

Version 3 (revision 0006) adds the traveller's answer on reuse of the picture to improve the model
(``consent_training``); a row where it is NULL keeps its version 1 or 2 digest. Version 4 (revision 0007)
adds the keyed hash of the sealed traveller reference (``traveller_ref_hmac``) for a row that has one; the
sealed reference itself is ``traveller_ref``, already covered. Version 5 (revision 0008) covers the confirmed
label and its detail (``LABEL_FIELDS``) of a row that has a label, after every field of version 4 (each in
place, NULL where the row has none): relabelling a case outside the station is detected.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

CASE_FIELDS = (
    "id",
    "captured_utc",
    "station_id",
    "operator",
    "decision",
    "top_class",
    "top_probability",
    "probabilities",
    "thresholds",
    "model_name",
    "model_sha256",
    "image_path",
    "image_sha256",
    "heatmap_path",
    "heatmap_sha256",
    "images_purged_utc",
    "quality",
    "traveller_ref",
    "created_utc",
    "review_status",
    "outcome",
    "reason_code",
    "open_set_score",
)
REVIEW_FIELDS = ("id", "case_id", "reviewer", "action", "outcome", "note", "created_utc")
USER_FIELDS = (
    "id",
    "username",
    "password_hash",
    "role",
    "failed_logins",
    "locked_until",
    "disabled",
    "created_utc",
)
# revision 0005: the case digest's version 2 adds these (see the module's docstring)
CONSENT_FIELDS = ("consent_notice_version", "consent_language", "consent_given")
# revision 0006: version 3 adds this one; revision 0007: version 4 the reference's lookup hash
TRAINING_CONSENT_FIELD = "consent_training"
REFERENCE_HASH_FIELD = "traveller_ref_hmac"
LABEL_FIELDS = ("confirmed_label", "confirmed_detail")  # revision 0008: version 5
KINDS = {"case": CASE_FIELDS, "review": REVIEW_FIELDS, "user": USER_FIELDS}


_PLAIN = (str, float, bool, type(None))


def _value(value):
    if type(value) in _PLAIN:  # the common case first: most columns are text
        return value
    if isinstance(value, datetime):  # stored as UTC; SQLite hands back naive UTC
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.isoformat(timespec="microseconds")
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, int):
        return int(value)
    return value


def digest(kind: str, row) -> str:
    fields = KINDS[kind]
    values = [_value(v) for v in map(row.__getattribute__, fields)]
    if kind == "user":  # SQLite's Boolean is an integer column: 0/1 and False/True are the same value
        values[fields.index("disabled")] = bool(values[fields.index("disabled")])
    version = 1
    if kind == "case":
        # a row read before revision 0005 (the migration that registers rows) has no consent columns
        consent = [getattr(row, f, None) for f in CONSENT_FIELDS]
        training = getattr(row, TRAINING_CONSENT_FIELD, None)
        ref_hash = getattr(row, REFERENCE_HASH_FIELD, None)
        label = [getattr(row, f, None) for f in LABEL_FIELDS]
        if label[0] is not None:  # every later field in place, so the layout of version 5 is fixed
            given = consent[2]
            consent[2] = None if given is None else bool(given)
            values += [_value(v) for v in consent]
            values += [None if training is None else bool(training), ref_hash, *label]
            payload = json.dumps([kind, 5, values], ensure_ascii=False, separators=(",", ":"))
            return hashlib.sha256(payload.encode()).hexdigest()
        if ref_hash is not None or training is not None or any(v is not None for v in consent):
            version = 2
            given = consent[2]
            consent[2] = None if given is None else bool(given)
            values += [_value(v) for v in consent]
        if ref_hash is not None or training is not None:
            version = 3
            values.append(None if training is None else bool(training))
        if ref_hash is not None:
            version = 4
            values.append(ref_hash)
    payload = json.dumps([kind, version, values], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def case_digest(case) -> str:
    return digest("case", case)


def key_of(kind: str, row) -> str:
    return str(row.username if kind == "user" else row.id)
