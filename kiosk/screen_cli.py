"""``mpox-screen``: screen image files from the command line, one verdict per image."""

from __future__ import annotations

import argparse
import errno
import json
import os
import stat
import sys
from pathlib import Path

import cv2

from models.decision import ReasonCode, Thresholds, override_thresholds
from models.errors import MpoxError
from models.imageio import IMAGE_SUFFIXES, decode_image
from models.manifest import bundle_path_or_default
from models.screening import screen_image
from models.taxonomy import display_name


def resolve_bundle(explicit: str | None) -> Path:
    path = bundle_path_or_default(explicit)
    if path is not None:
        return path
    raise MpoxError(
        "no model bundle given and no default bundle is installed: pass --bundle PATH "
        "(a folder made by `mpox-train export`)"
    )


def get_args_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mpox-screen",
        description="Screen skin images for mpox and look-alike rashes. A screening aid, not a diagnosis.",
    )
    p.add_argument("inputs", nargs="+", metavar="IMAGE_OR_FOLDER", help="image files or folders (recursive)")
    p.add_argument("--bundle", help="model bundle folder (default: the bundle installed with the software)")
    p.add_argument("--out", default="screening-output", help="folder for heatmap PNGs (default: %(default)s)")
    p.add_argument("--json", action="store_true", help="print one JSON object per image")
    p.add_argument("--heatmap", action="store_true", help="write the Grad-CAM overlay of each image to --out")
    p.add_argument("--review-threshold", type=float, help="override the bundle's review threshold")
    p.add_argument("--flag-threshold", type=float, help="override the bundle's flag threshold")
    p.add_argument(
        "--flag-class", action="append", help="class that flags (repeatable; default: the bundle's)"
    )
    p.add_argument(
        "--device",
        help="cpu or cuda (default: the bundle's ONNX graph on the CPU, as at a station, when it has one; "
        "else cuda when available)",
    )
    p.add_argument(
        "--config",
        help="station configuration whose trusted keys apply (default: the platform's "
        "standard location, as for mpox-kiosk)",
    )
    p.add_argument(
        "--allow-unsigned",
        action="store_true",
        help="screen with a bundle that is neither signed by a trusted key nor pinned (your own "
        "freshly trained bundle; prints a warning; never at a station)",
    )
    return p


def _thresholds(bundle, args: argparse.Namespace) -> Thresholds:
    """The bundle's thresholds with the command line's overrides (open-set ones stay the bundle's); a
    --flag-class the model does not have is refused (ValueError) instead of never flagging."""
    return override_thresholds(
        bundle.thresholds,
        bundle.classes,
        flag=args.flag_threshold,
        review=args.review_threshold,
        flagged_classes=args.flag_class,
    )


def _link_problem(path: Path, exc: OSError) -> str:
    """Why a path that exists as a name cannot be followed: a loop, a broken link, or another error."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself); fix or remove the link"
    if path.is_symlink() and exc.errno == errno.ENOENT:
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"broken link: it points to {target}, which does not exist"
    if exc.errno == errno.ENOENT:
        return "file not found"
    return f"cannot be read ({exc.strerror or exc})"


def collect_inputs(inputs: list[str]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Expand the command line into image files (folders recursively, sorted) and the problems met on the way.

    Nothing is skipped without a word: an unreadable folder, a broken link or a link loop (a file linked to
    itself, or a folder linked to one of its own parents) is a problem with its reason. Links to folders are
    followed. Files in folders are taken by their extension (.jfif counts as JPEG); files named on the command
    line are always tried.
    """
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []

    def walk(folder: Path, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(
                (folder, f"folder cannot be read ({exc.strerror or exc}); its images were not screened")
            )
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                st = os.stat(path)  # follows links: a loop or a broken link fails here
            except OSError as exc:
                problems.append((path, _link_problem(path, exc)))
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in ancestors:
                    problems.append(
                        (
                            path,
                            "symbolic link loop: this folder link leads back to a folder that "
                            "contains it; its images are screened once, from the real folder",
                        )
                    )
                    continue
                walk(path, ancestors | {key})
            elif stat.S_ISREG(st.st_mode) and path.suffix.lower() in IMAGE_SUFFIXES:
                files.append(path)

    for raw in inputs:
        path = Path(raw)
        try:
            st = os.stat(path)
        except OSError as exc:
            problems.append((path, _link_problem(path, exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            walk(path, frozenset({(st.st_dev, st.st_ino)}))
        else:
            files.append(path)
    return files, problems


def _heatmap_name(path: Path, index: int) -> str:
    # The index keeps names unique when two folders hold files of the same name.
    return f"{index:05d}_{path.stem}_gradcam.png"


def _load_predictor(args: argparse.Namespace):
    """The station's check (kiosk/trust.py: signed by a trusted key or pinned, and intact) and its way of
    serving the model (kiosk/inference.py: the bundle's ONNX graph without PyTorch when it has one)."""
    from kiosk.config import load_config
    from kiosk.inference import load_predictor
    from kiosk.trust import BundleRefused, station_policy

    path = resolve_bundle(args.bundle)
    if args.allow_unsigned:
        print(
            f"mpox-screen: WARNING: --allow-unsigned: {path} is NOT checked against a trusted key or "
            "a pin; its classes, thresholds or weights may have been changed. Use it only for a bundle you "
            "have just trained yourself, never to screen travellers.",
            file=sys.stderr,
        )
    try:
        policy = station_policy(load_config(args.config), args.allow_unsigned)
        return load_predictor(path, policy, device=args.device)
    except BundleRefused as exc:
        raise MpoxError(f"{exc}\nmpox-screen: details: {exc.details}") from exc


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def main(argv: list[str] | None = None) -> int:
    args = get_args_parser().parse_args(argv)
    try:
        bundle, predictor = _load_predictor(args)
        thresholds = _thresholds(bundle, args)
        explainer = predictor.explainer if args.heatmap else None
    except (MpoxError, ValueError) as exc:
        print(f"mpox-screen: {exc}", file=sys.stderr)
        return 2

    files, problems = collect_inputs(args.inputs)
    if not files and not problems:
        print("mpox-screen: no image files found in the given paths", file=sys.stderr)
        return 2
    for path, reason in problems:
        if args.json:
            print(json.dumps({"path": str(path), "error": f"{path}: {reason}"}), flush=True)
        print(f"error: {path}: {reason}", file=sys.stderr, flush=True)
    out_dir = Path(args.out)
    failures = len(problems)
    for index, path in enumerate(files):
        try:
            image = decode_image(path)
            screening = screen_image(predictor, image, thresholds)  # the station's own path
            verdict = screening.verdict
            heatmap_path = None
            if explainer is not None and verdict.explained_class is not None:  # a RETAKE explains nothing
                out_dir.mkdir(parents=True, exist_ok=True)
                explanation = explainer.explain(
                    image, class_index=bundle.classes.index(verdict.explained_class)
                )
                heatmap_path = out_dir / _heatmap_name(path, index)
                if not cv2.imwrite(str(heatmap_path), cv2.cvtColor(explanation.overlay, cv2.COLOR_RGB2BGR)):
                    raise MpoxError(f"cannot write heatmap to {heatmap_path}")
        except MpoxError as exc:
            failures += 1
            message = f"error: {exc}"
            if args.json:
                print(json.dumps({"path": str(path), "error": str(exc)}), flush=True)
            print(message, file=sys.stderr, flush=True)
            continue
        if args.json:
            prediction = screening.prediction
            named = prediction is not None and verdict.top_class is not None  # a RETAKE names no disease
            record = {
                "path": str(path),
                "decision": verdict.decision.value,
                "reason_code": verdict.reason_code.value,
                "open_set_score": _rounded(verdict.open_set_score),
                "not_skin_score": _rounded(verdict.not_skin_score),  # what a not_skin RETAKE rests on
                "top_class": verdict.top_class,
                "top_probability": _rounded(verdict.top_probability),
                "probabilities": {
                    c: round(float(p), 6)
                    for c, p in zip(bundle.classes, prediction.probabilities, strict=True)
                }
                if named
                else None,
                "reason": verdict.reason,
                "model_sha256": bundle.sha256,
            }
            if heatmap_path is not None:
                record["heatmap"] = str(heatmap_path)
            print(json.dumps(record), flush=True)
        else:
            top3 = ", ".join(f"{display_name(c)} {p:.0%}" for c, p in verdict.top(3))
            if verdict.reason_code in (
                ReasonCode.UNKNOWN_CONDITION,
                ReasonCode.NOT_SKIN,
                ReasonCode.POOR_QUALITY,
                ReasonCode.MODEL_ERROR,
            ):
                top3 = f"[{verdict.reason_code.value}] {verdict.reason}"
            line = f"{path}: {verdict.decision.value.upper():6s} {top3}"
            if heatmap_path is not None:
                line += f"  [heatmap: {heatmap_path}]"
            print(line, flush=True)
    if failures:
        print(
            f"mpox-screen: {failures} of {len(files) + len(problems)} file(s) could not be screened",
            file=sys.stderr,
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
