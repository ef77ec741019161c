"""One declaration per training setting: a dataclass field made by :func:`setting` carries its default, help
text, allowed values and bounds. The command-line flags (:func:`add_setting_arguments`), the values read back
from them (:func:`settings_from_args`) and the bound checks (:func:`bound_problems`) are derived from it, so
adding an option to ``FitConfig`` or ``RecipeConfig`` is one edit.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from dataclasses import MISSING, Field, field, fields
from pathlib import Path
from typing import Any


def setting(
    default: Any = MISSING,
    *,
    help: str,  # noqa: A002 - argparse's word
    default_factory: Callable[[], Any] | Any = MISSING,
    flag: str | None = None,
    choices: Iterable[str] | None = None,
    at_least: float | None = None,
    at_most: float | None = None,
    below: float | None = None,
    parse: Callable[[str], Any] | None = None,
    metavar: str | None = None,
    required_on_command_line: bool = False,
    on_command_line: bool = True,
) -> Any:
    """A dataclass field with what the command line and the checks need to know about it.

    ``flag`` replaces the derived ``--field-name``; ``parse`` turns the flag's text into the value (for
    tuples); ``at_least``/``at_most`` are inclusive bounds and ``below`` an exclusive one (``None`` values are
    never checked); ``on_command_line=False`` keeps a field for the Python API only.
    """
    metadata = {
        "help": help,
        "flag": flag,
        "choices": tuple(choices) if choices is not None else None,
        "at_least": at_least,
        "at_most": at_most,
        "below": below,
        "parse": parse,
        "metavar": metavar,
        "required": required_on_command_line,
        "cli": on_command_line,
    }
    if default_factory is not MISSING:
        return field(default_factory=default_factory, metadata=metadata)
    return field(default=default, metadata=metadata)


def bound_problems(config: object) -> list[str]:
    """Every declared choice and bound that ``config``'s values break, in words an operator can act on."""
    problems = []
    for f in fields(config):  # type: ignore[arg-type]
        meta, value = f.metadata, getattr(config, f.name)
        if not meta or value is None:
            continue
        if meta["choices"] is not None and value not in meta["choices"]:
            problems.append(f"unknown {f.name} {value!r}; use {' or '.join(meta['choices'])}")
        low, high, below = meta["at_least"], meta["at_most"], meta["below"]
        if high is not None and not low <= value <= high:
            problems.append(f"{f.name} must be in [{low}, {high}], got {value}")
        elif below is not None and not low <= value < below:
            problems.append(f"{f.name} must be in [{low}, {below}), got {value}")
        elif high is None and below is None and low is not None and value < low:
            limit = "must not be negative" if low == 0 else f"must be at least {low}"
            problems.append(f"{f.name} {limit}, got {value}")
    return problems


def _value_type(f: Field) -> Callable[[str], Any] | None:
    """The argparse ``type`` of a field from its annotation (a string under postponed annotations)."""
    if f.metadata.get("parse"):
        return f.metadata["parse"]
    kind = str(f.type)
    if "Path" in kind:
        return Path
    for name, convert in (("int", int), ("float", float), ("str", str)):
        if kind == name or kind.startswith(name + " |"):
            return convert
    raise TypeError(f"{f.name}: declare parse= for a setting of type {kind}")


def cli_fields(cls: type, skip: Iterable[str] = ()) -> list[Field]:
    """The fields of ``cls`` that have a flag, less ``skip``."""
    skipped = set(skip)
    return [f for f in fields(cls) if f.metadata.get("cli") and f.name not in skipped]


def add_setting_arguments(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup,
    cls: type,
    *,
    skip: Iterable[str] = (),
    defaults: object | None = None,
    overriding: bool = False,
) -> None:
    """Add one flag per setting of ``cls`` (less ``skip``) to ``parser``.

    The shown default is the field's, or ``defaults``'s value (an instance: a named recipe). With
    ``overriding`` a flag left out reads as ``None`` ("keep the recipe's value") instead of the default.
    """
    for f in cli_fields(cls, skip):
        meta = f.metadata
        flag = meta["flag"] or "--" + f.name.replace("_", "-")
        if defaults is not None:
            shown = getattr(defaults, f.name)
        elif f.default is not MISSING:
            shown = f.default
        elif f.default_factory is not MISSING:
            shown = f.default_factory()
        else:
            shown = None
        kwargs: dict[str, Any] = {"dest": f.name, "help": meta["help"]}
        if shown not in (None, "", ()) and not meta["required"]:
            kwargs["help"] += f" (default: {_shown(shown)})"
        if meta["required"]:
            kwargs["required"] = True
        if isinstance(shown, bool) or str(f.type) == "bool":
            kwargs["action"] = argparse.BooleanOptionalAction
        else:
            kwargs["type"] = _value_type(f)
            if meta["choices"] is not None:
                kwargs["choices"] = meta["choices"]
            if meta["metavar"]:
                kwargs["metavar"] = meta["metavar"]
        kwargs["default"] = None if overriding or meta["required"] else shown
        parser.add_argument(flag, **kwargs)


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return ",".join(str(v) for v in value) or "none"
    return str(value)


def settings_from_args(cls: type, args: argparse.Namespace, *, skip: Iterable[str] = ()) -> dict[str, Any]:
    """The values the command line gave for ``cls``'s settings; ``None`` (a flag left out) is dropped."""
    return {
        f.name: getattr(args, f.name)
        for f in cli_fields(cls, skip)
        if getattr(args, f.name, None) is not None
    }


def comma_list(text: str) -> tuple[str, ...]:
    """``a,b`` -> ("a", "b"); ``none`` or nothing -> ()."""
    if text.strip().lower() == "none":
        return ()
    return tuple(part.strip() for part in text.split(",") if part.strip())


def comma_ints(text: str) -> tuple[int, ...]:
    """``1,2`` -> (1, 2); ``none`` -> (); anything else is argparse's clear error."""
    try:
        return tuple(int(part) for part in comma_list(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r}: give whole numbers separated by commas (e.g. 1,2), or none"
        ) from None


def plus_list(text: str) -> tuple[str, ...]:
    """``a+b`` -> ("a", "b"): conditioning steps in the order they run."""
    return tuple(step for step in text.split("+") if step)
