"""What the open-set checks cost per frame on the CPU: the station's classification with and without them.

    .venv/bin/python bench/bench_open_set.py [--bundle models/bundles/default] [--reps 200]

Per frame = one real RGB image (decode excluded) -> preprocessing -> model -> calibrated
probabilities, batch 1, as ``Predictor.predict_one`` does in the station. "with" also fetches the target
layer's activations from the same forward pass and runs the bundle's open-set head on them; "without" is the
same predictor with its head removed. The two are interleaved repetition by repetition so that load from other
processes hits them alike; the figure is the difference of the medians, printed with the ratio with/without of
the same run. The issue's budget is 3 ms per frame on top of today's inference.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from models.bundle import DEFAULT_BUNDLE_DIR, load_bundle  # noqa: E402
from models.imageio import decode_image  # noqa: E402
from models.predictor import Predictor  # noqa: E402

SKIN = Path(os.environ.get("MPOX_SKIN_DATA", REPO.parent / "shared" / "data" / "skin"))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE_DIR)
    p.add_argument("--reps", type=int, default=200)
    args = p.parse_args()
    bundle = load_bundle(args.bundle)
    with_head = Predictor(bundle, device="cpu")
    if with_head.open_set is None:
        print(f"{args.bundle} has no open-set head: add one with `mpox-train open-set`", file=sys.stderr)
        return 2
    without = Predictor(bundle, device="cpu")
    without.open_set = None  # the same runtime and model, no features fetched, no head
    paths = sorted((SKIN / "monkeypox2022").rglob("*.jpg"))[:20] or sorted(SKIN.rglob("*.jpg"))[:20]
    if not paths:
        print(f"no images under {SKIN}", file=sys.stderr)
        return 2
    images = [decode_image(p) for p in paths]
    times: dict[str, list[float]] = {"with": [], "without": []}
    for i in range(args.reps + 10):
        image = images[i % len(images)]
        order = [("with", with_head), ("without", without)][:: 1 if i % 2 else -1]
        for name, predictor in order:
            t0 = time.perf_counter()
            predictor.predict_one(image)
            if i >= 10:  # warm-up excluded
                times[name].append((time.perf_counter() - t0) * 1000.0)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(
        f"bundle {args.bundle} ({with_head.backend}), {args.reps} frames each, torch threads "
        f"{__import__('torch').get_num_threads()}"
    )
    print(f"classification without open-set checks  median {med['without']:.2f} ms")
    print(f"classification with open-set checks     median {med['with']:.2f} ms")
    print(
        f"cost of the open-set checks             {med['with'] - med['without']:+.2f} ms per frame "
        f"(ratio with/without {med['with'] / med['without']:.3f}; budget +3 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
