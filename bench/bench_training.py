"""Training throughput on this machine's CPU (images/s), each figure with a baseline measured in the same run.

1. Model step (forward + backward + SGD) on random 128 px batches for efficientnet_lite0:
   contiguous float32 (the baseline; what `mpox-train fit` does on the CPU) vs channels-last
   (what it does on CUDA). Ratio > 1 would mean channels-last pays on this CPU too.
2. Data pipeline (training augmentation + normalisation) from the decoded-image cache vs decoding and
   resizing the JPEG every time (no cache). Ratio = how much the cache speeds up the input pipeline.
   Uses ../shared/data/skin when present, else generated JPEGs.

    .venv/bin/python bench/bench_training.py [--arch efficientnet_lite0] [--size 128] [--steps 6]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.imageio import decode_image  # noqa: E402
from models.preprocessing import Preprocessor, crop_and_resize  # noqa: E402
from models.registry import build_model, get_spec  # noqa: E402
from training.augment import paper_augmentation  # noqa: E402
from training.cache import load_images  # noqa: E402
from training.dataset_manifest import Record, labelled, read_dataset_manifest  # noqa: E402
from training.losses import partial_label_loss  # noqa: E402

SKIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "skin"


def step_throughput(arch: str, size: int, batch: int, steps: int, channels_last: bool) -> float:
    torch.manual_seed(0)
    model = build_model(arch, 8).train()
    fmt = torch.channels_last if channels_last else torch.contiguous_format
    model = model.to(memory_format=fmt)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    x = torch.randn(batch, 3, size, size).contiguous(memory_format=fmt)
    mask = torch.nn.functional.one_hot(torch.randint(0, 8, (batch,)), 8).bool()
    for i in range(steps + 1):
        if i == 1:  # the first step warms up allocators and kernels
            start = time.perf_counter()
        loss = partial_label_loss(model(x), mask)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return batch * steps / (time.perf_counter() - start)


def sample_records(n: int, tmp: Path) -> list[Record]:
    if (SKIN / "manifest.csv").is_file():
        records = [
            r for r in labelled(read_dataset_manifest(SKIN / "manifest.csv")) if r.source != "ham10000"
        ]
        return records[:: max(1, len(records) // n)][:n]
    import cv2

    rng = np.random.default_rng(0)
    out = []
    for i in range(n):
        p = tmp / f"{i}.jpg"
        cv2.imwrite(str(p), rng.integers(0, 256, (480, 640, 3), dtype=np.uint8))
        out.append(Record(p, "mpox", "generated", str(i)))
    return out


def pipeline_throughput(records: list[Record], size: int, cached: bool, cache_dir: Path) -> float:
    pre = Preprocessor(size, (0.5, 0.5, 0.5), (0.5, 0.5, 0.5))
    augment = paper_augmentation(size)
    images = load_images(records, size, cache_dir, progress=False) if cached else None
    start = time.perf_counter()
    for i, r in enumerate(records):
        img = np.array(images[i]) if cached else crop_and_resize(decode_image(r.path), size)
        pre.normalize(augment(torch.from_numpy(img).permute(2, 0, 1)).permute(1, 2, 0))
    return len(records) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arch", default="efficientnet_lite0")
    parser.add_argument("--size", type=int, default=128)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--steps", type=int, default=6)
    parser.add_argument("--images", type=int, default=200)
    args = parser.parse_args()
    get_spec(args.arch)
    print(
        f"torch {torch.__version__}, {torch.get_num_threads()} threads, {args.arch} at {args.size} px, "
        f"batch {args.batch}"
    )
    # Interleaved repeats, best of three: the CPU is shared, and the best run is the least disturbed.
    runs: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(3):
        for channels_last in (False, True):
            ips = step_throughput(args.arch, args.size, args.batch, args.steps, channels_last)
            runs[channels_last].append(ips)
    base, cl = max(runs[False]), max(runs[True])
    print(f"train step, contiguous fp32 (baseline): {base:8.1f} images/s")
    print(f"train step, channels-last:              {cl:8.1f} images/s   ratio {cl / base:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        records = sample_records(args.images, Path(tmp))
        cache_dir = Path(tmp) / "cache"
        load_images(records, args.size, cache_dir, progress=False)  # build once, outside the timing
        nocache = max(pipeline_throughput(records, args.size, False, cache_dir) for _ in range(2))
        cached = max(pipeline_throughput(records, args.size, True, cache_dir) for _ in range(2))
    print(f"input pipeline, decode JPEG each time (baseline): {nocache:8.1f} images/s")
    ratio = cached / nocache
    print(f"input pipeline, from the uint8 cache:             {cached:8.1f} images/s   ratio {ratio:.2f}")


if __name__ == "__main__":
    main()
