"""Names people and stations are known by (user names, station ids): they go into the audit trail, exports and
the review screens, so they must not be able to pass for someone else's.

A name is 1 to 64 letters, digits, '.', '_' or '-' after Unicode NFKC normalisation: no spaces, tabs, line
breaks, invisible (format) or direction-override characters, which could make "boss" and "boss\u202e" or a
name spanning two audit lines read alike. Two names that differ only in case are the same name (``same``):
"BOSS" cannot be created beside "boss". Plain Python, shared by the store and the configuration.
"""

from __future__ import annotations

import unicodedata

MAX_NAME = 64
ALLOWED_PUNCTUATION = "._-"


def name_problem(value: str, most: int = MAX_NAME) -> str | None:
    """Why ``value`` (already normalised) is not a valid name, or None."""
    if not value or len(value) > most:
        return f"must be 1 to {most} characters"
    bad = [ch for ch in value if not (ch.isalnum() or ch in ALLOWED_PUNCTUATION)]
    if bad:
        shown = ", ".join(
            f"U+{ord(ch):04X} {unicodedata.name(ch, 'control character')}" for ch in dict.fromkeys(bad)
        )
        return f"may hold only letters, digits, '.', '_' and '-', not {shown}"
    return None


def normalise_name(value: str) -> str:
    return unicodedata.normalize("NFKC", value.strip())


def folded(value: str) -> str:
    """The form two names are compared in: normalised and case-folded."""
    return normalise_name(value).casefold()


def same(a: str, b: str) -> bool:
    return folded(a) == folded(b)
