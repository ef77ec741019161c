"""Pack a manifest's labelled images as small centre-square JPEGs, to carry data to a machine that cannot
reach ``../shared`` (the lent GPU machine takes at most 64 MiB with the working tree).

    python studies/pack_images.py --data ../shared/data/skin/manifest.csv --split runs/final/split.json \
        --size 224 --out .gpu/skin

Writes OUT/manifest.csv (labelled rows only, same relative paths) and OUT/split.json, so that a split file
made for the original manifest selects the same images from the packed copy. The crop is the project's own
(``models.preprocessing.crop_and_resize``), so training there sees what the kiosk sees, up to JPEG loss.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
from pathlib import Path

import cv2

from models.imageio import decode_image
from models.preprocessing import crop_and_resize


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="manifest.csv")
    ap.add_argument("--split", required=True, help="split.json made for that manifest")
    ap.add_argument("--size", type=int, default=224)
    ap.add_argument("--quality", type=int, default=90)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    src = Path(args.data)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    with open(src, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = [r for r in reader if r["label"].strip().lower() != "unlabelled"]
        fields = reader.fieldnames
    for row in rows:
        rgb = crop_and_resize(decode_image(src.parent / row["path"]), args.size)
        dest = out / row["path"]
        dest.parent.mkdir(parents=True, exist_ok=True)
        bgr = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
        ok, buf = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, args.quality])
        if not ok:
            raise SystemExit(f"could not encode {row['path']}")
        dest.write_bytes(buf.tobytes())
        total += len(buf)
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    split = json.loads(Path(args.split).read_text())
    kept = {r["path"] for r in rows}
    split["assignments"] = {p: a for p, a in split["assignments"].items() if p in kept}
    (out / "split.json").write_text(json.dumps(split))
    shutil.copy(Path(__file__), out / "PACKED_BY.txt")
    print(f"{len(rows)} images, {total / 2**20:.1f} MiB, in {out}")


if __name__ == "__main__":
    main()
