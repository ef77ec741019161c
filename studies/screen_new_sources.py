"""Screen the test groups of the new sources (issue 31) with ``mpox-screen`` as a user would, for two bundles:
the decisions the station takes on images of sources and groups nothing was chosen on, through the station's
own path (quality checks, the ONNX graph, the bundle's conditioning, the decision rule).

    .venv/bin/python studies/screen_new_sources.py --bundle runs/xs-run/bundle \
        --baseline models/bundles/default

Rows and test groups are the cross-source protocol's (``training.cross_source.load_rows``: five folds by group
per new source, fold 4 is the test part). Prints, per source and kind (other conditions, eight-class images),
the share of each outcome (FLAG, RETAKE, REVIEW "not recognised", REVIEW other, CLEAR) for both bundles.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from training.cross_source import KNOWN, OTHER, CrossSourceConfig, load_rows  # noqa: E402

DATA = REPO.parent / "shared" / "data"


def screen(bundle: Path, paths: list[Path]) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "images"
        listing.mkdir()
        for i, p in enumerate(paths):  # one folder, so that one process screens them all
            (listing / f"{i:05d}{p.suffix}").symlink_to(p.resolve())
        out = subprocess.run(
            [
                str(REPO / ".venv/bin/mpox-screen"),
                "--json",
                "--allow-unsigned",
                "--bundle",
                str(bundle),
                str(listing),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    rows.sort(key=lambda r: r["path"])
    if len(rows) != len(paths):
        raise SystemExit(f"mpox-screen answered {len(rows)} of {len(paths)} images: {out.stderr[-2000:]}")
    return rows


def outcome(r: dict) -> str:
    if r["decision"] == "review" and r["reason_code"] == "unknown_condition":
        return "not recognised"
    return r["decision"].upper() + (f" ({r['reason_code']})" if r["decision"] == "retake" else "")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bundle", type=Path, required=True)
    p.add_argument("--baseline", type=Path, required=True)
    p.add_argument("--split-file", type=Path, default=REPO / "runs/lpft/split.json")
    args = p.parse_args()
    cfg = CrossSourceConfig(
        bundle=args.bundle,
        data=[DATA / "skin/manifest.csv", DATA / "skin_more/manifest.csv"],
        split_file=args.split_file,
        open_set=DATA / "open_set/manifest.csv",
        new_sources={"sd198": DATA / "sd198/manifest.csv", "pad_ufes": DATA / "pad_ufes/manifest.csv"},
        out=Path(tempfile.mkdtemp()),
    )
    rows = load_rows(cfg)
    for name in ("sd198", "pad_ufes"):
        for kind in (OTHER, KNOWN):
            idx = [
                i
                for i in range(len(rows))
                if rows.dataset[i] == name and rows.part[i] == "test" and rows.kind[i] == kind
            ]
            if not idx:
                continue
            paths = [Path(rows.records[i].path) for i in idx]
            line = [f"{name} {kind} (test groups, n={len(idx)})"]
            for label, bundle in (("bundle", args.bundle), ("baseline", args.baseline)):
                answers = screen(bundle, paths)
                counts = Counter(outcome(r) for r in answers)
                shown = ", ".join(f"{k} {v / len(idx):.0%}" for k, v in counts.most_common())
                if kind == KNOWN:  # named as its class (the top class, whatever the decision)
                    named = sum(
                        r["top_class"] == rows.records[i].label for r, i in zip(answers, idx, strict=True)
                    )
                    shown += f"; top class right {named / len(idx):.0%}"
                line.append(f"  {label}: {shown}")
            print("\n".join(line), flush=True)


if __name__ == "__main__":
    main()
