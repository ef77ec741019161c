"""The class taxonomy shared by training and the kiosk.

The order of ``CLASSES`` is the order of the model's outputs in every bundle trained by this project;
a bundle stores its own class list, so older bundles stay readable if this ever changes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SkinClass:
    name: str
    display_name: str
    infectious: bool


TAXONOMY: tuple[SkinClass, ...] = (
    SkinClass("mpox", "Mpox (monkeypox)", True),
    SkinClass("chickenpox", "Chickenpox", True),
    SkinClass("measles", "Measles", True),
    SkinClass("normal", "Normal skin", False),
    SkinClass("eczema", "Eczema", False),
    SkinClass("urticaria", "Urticaria (hives)", False),
    SkinClass("bullous", "Bullous disease", False),
    SkinClass("vasculitis", "Vasculitis", False),
)

CLASSES: tuple[str, ...] = tuple(c.name for c in TAXONOMY)
DISPLAY_NAMES: dict[str, str] = {c.name: c.display_name for c in TAXONOMY}

# Labels that appear in data but are not output classes.
# MSLD's "Others" is chickenpox or measles without saying which: a partial label.
PARTIAL_LABELS: dict[str, tuple[str, ...]] = {"others": ("chickenpox", "measles")}
UNLABELLED = "unlabelled"
# Open-set labels: pictures the station must not name as one of its classes (../shared/data/open_set).
# A rash of another condition should be referred to a person; a picture that is not a skin close-up retaken.
OTHER_CONDITION = "other_condition"
NOT_SKIN = "not_skin"
OPEN_SET_LABELS: tuple[str, ...] = (OTHER_CONDITION, NOT_SKIN)
KNOWN_LABELS: frozenset[str] = (
    frozenset(CLASSES) | frozenset(PARTIAL_LABELS) | {UNLABELLED} | frozenset(OPEN_SET_LABELS)
)


def display_name(name: str) -> str:
    """Human-readable name for a class (falls back to the raw name for classes of foreign bundles)."""
    return DISPLAY_NAMES.get(name, name.replace("_", " ").capitalize())


def allowed_classes(label: str, classes: tuple[str, ...] | list[str] = CLASSES) -> tuple[int, ...]:
    """Indices of the output classes a label allows: one for a class, several for a partial label.

    Raises ValueError for a label that is neither (including ``unlabelled``).
    """
    classes = tuple(classes)
    if label in classes:
        return (classes.index(label),)
    if label in PARTIAL_LABELS:
        return tuple(classes.index(c) for c in PARTIAL_LABELS[label] if c in classes)
    raise ValueError(
        f"label {label!r} is not one of the classes {', '.join(classes)} "
        f"nor a partial label ({', '.join(PARTIAL_LABELS)})"
    )
