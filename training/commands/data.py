"""``mpox-train data``: import datasets into one manifest and print counts per class and source."""

from __future__ import annotations

import argparse
from pathlib import Path

from training.commands.store_args import add_store_options
from training.dataset_manifest import ManifestError, count_table, write_dataset_manifest
from training.importers import PRESETS, import_sources, write_problems


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--add",
        nargs=2,
        action="append",
        metavar=("PRESET", "PATH"),
        help=f"a source to import (repeatable); PRESET is one of {', '.join(PRESETS)}",
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FOLDER=LABEL",
        help="for the folder preset: which class a folder name means (repeatable)",
    )
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        help="manifest CSV to write; with --from-store, a new folder (manifest.csv and images/)",
    )
    parser.add_argument(
        "--from-store",
        metavar="URL",
        help="export the confirmed cases of the stations' case store whose travellers agreed to reuse for "
        "training (needs --store-data and --as ADMIN; audited): source = station, group = traveller",
    )
    add_store_options(parser, "with --from-store")
    parser.add_argument(
        "--no-decode",
        action="store_true",
        help="skip decoding every image (faster; unreadable files then surface at training)",
    )


def parse_mapping(items: list[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        if "=" not in item:
            raise ManifestError(f"--map {item!r}: write it as 'Folder name=label'")
        folder, label = item.rsplit("=", 1)
        mapping[folder.strip()] = label.strip().lower()
    return mapping


def run(args: argparse.Namespace) -> int:
    if args.from_store:
        if args.add:
            raise ManifestError("--from-store exports the store on its own: leave out --add")
        from training.field_store import export_from_store

        return export_from_store(args)
    if not args.add:
        raise ManifestError(
            "name a source to import with --add PRESET PATH (or export a store with --from-store)"
        )
    sources = [(preset, Path(path)) for preset, path in args.add]
    result = import_sources(sources, parse_mapping(args.map), decode=not args.no_decode)
    if not result.records:
        raise ManifestError("no images were imported; check the presets and paths (problems listed above)")
    write_dataset_manifest(result.records, args.out)
    print(count_table(result.records))
    print(f"\nwrote {len(result.records)} images to {args.out}")
    if result.problems:
        problems_path = write_problems(result.problems, args.out.with_name(args.out.stem + ".problems.csv"))
        kinds: dict[str, int] = {}
        for p in result.problems:
            kinds[p.kind] = kinds.get(p.kind, 0) + 1
        print(
            f"{len(result.problems)} problem(s) not imported: "
            + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
            + f"; listed in {problems_path}"
        )
        for p in result.problems[:10]:
            print(f"  {p.kind}: {p.path}: {p.detail}")
    return 0
