"""Benchmark (not a test): the real screening window fed by a 30 fps source while the model runs on the CPU.

Phase 1 (baseline, 10 % of the run, at least 5 s): live view only. Phase 2: automatic mode, so the model
screens frames back to back for the rest of the run. Prints displayed fps, the p50/p99/max interval between
displayed frames, inference latency, and RSS memory over phase 2 (start, end, max, slope per minute).

``--compare`` runs the bundle twice, each in a fresh process: first as the station served it before issue 16
(a copy without its ONNX graph: PyTorch loaded, the model exported to ONNX Runtime at start), then as it is
served now (its checked ONNX graph, without PyTorch), and prints the ratios of the second to the first.
``--compare-gc`` runs the bundle twice the same way: Python's collector automatic (as before), then only in
the GUI thread with start-up frozen out (``kiosk/ui/collector.py``, as ``run_gui`` runs the station).
``--compare-shadow`` runs the bundle twice: alone, then with a shadow candidate of the same size (a copy of
itself as ``[model] shadow_bundle``, kiosk/shadow.py) screening every decided frame beside it; the live path's
figures should not move (issue 28: p99 within 10 %).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_kiosk.py --seconds 600
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_kiosk.py --bundle models/bundles/default \
        --seconds 120 --compare
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_kiosk.py --bundle models/bundles/default \
        --seconds 90 --compare-gc
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_kiosk.py --bundle models/bundles/default \
        --seconds 90 --compare-shadow
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.config import ModelConfig, ScreeningConfig, StorageConfig, parse_config  # noqa: E402
from kiosk.trust import pin_throwaway_station  # noqa: E402


class SyntheticCamera:
    """1280x720 skin-coloured frames at ``fps``, each one different (like a sensor)."""

    may_repeat_frames = False

    def __init__(self, fps: float = 30.0, width: int = 1280, height: int = 720):
        rng = np.random.default_rng(0)
        base = np.array([205, 150, 125], np.float32)
        self.frames = [
            np.clip(base + rng.normal(0, 18, (height, width, 1)), 0, 255).astype(np.uint8) for _ in range(8)
        ]
        self.period = 1.0 / fps
        self.name = f"synthetic {width}x{height}@{fps:g}"
        self.next = 0.0
        self.i = 0

    def open(self) -> None:
        self.next = time.monotonic()

    def read(self) -> np.ndarray:
        self.next += self.period
        delay = self.next - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        self.i += 1
        frame = self.frames[self.i % len(self.frames)].copy()
        frame[:8, :8, 0] = self.i % 256
        return frame

    def release(self) -> None:
        pass

    def notice(self) -> str:
        return ""


def make_bundle(arch: str, folder: Path) -> Path:
    from models.bundle import make_manifest, save_bundle
    from models.registry import build_model
    from models.taxonomy import CLASSES
    from models.trust import write_pin

    model = build_model(arch, len(CLASSES), init="random")
    path = save_bundle(model, folder / arch, make_manifest(model, arch, CLASSES, name=f"bench-{arch}"))
    write_pin(path)  # the station accepts only a signed or pinned bundle (models/trust.py)
    return path


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def intervals_ms(times: list[float]) -> list[float]:
    return [(b - a) * 1000.0 for a, b in zip(times, times[1:], strict=False)]


def without_onnx_graph(bundle: Path, folder: Path) -> Path:
    """A pinned copy of ``bundle`` without its ONNX graph: served as before issue 16 (PyTorch path)."""
    from models.bundle import load_bundle, save_bundle
    from models.serving import CAM_HEAD_NAME, ONNX_NAME, SERVING_KEY
    from models.trust import write_pin

    loaded = load_bundle(bundle)
    manifest = {k: v for k, v in loaded.manifest.items() if k not in (SERVING_KEY, "files")}
    extra = {
        p.name: p.read_bytes()
        for p in loaded.path.iterdir()
        if p.is_file() and p.name in loaded.files and p.name not in (ONNX_NAME, CAM_HEAD_NAME)
    }
    extra.pop(loaded.manifest["weights_file"], None)
    path = save_bundle(loaded.model, folder / "before", manifest, extra_files=extra)
    write_pin(path)
    return path


def compare(args: argparse.Namespace) -> int:
    shadow: list[str | None] = [None, None]
    if args.compare_gc:  # the same bundle, the collector automatic, then in the GUI thread only
        runs = [("gc automatic", args.bundle, "auto"), ("gc in the GUI thread", args.bundle, "main-thread")]
    elif args.compare_shadow:  # the same bundle alone, then with a shadow candidate of its own size
        runs = [("live bundle alone", args.bundle, args.gc), ("with a shadow bundle", args.bundle, args.gc)]
        shadow = [None, args.bundle]
    else:
        folder = Path(tempfile.mkdtemp(prefix="bench-kiosk-compare-"))
        before = without_onnx_graph(Path(args.bundle), folder)
        runs = [
            ("before (PyTorch path)", before, args.gc),
            ("now (ONNX graph, no PyTorch)", args.bundle, args.gc),
        ]
    results = {}
    for (name, bundle, gc_mode), candidate in zip(runs, shadow, strict=True):
        cmd = [sys.executable, __file__, "--bundle", str(bundle), "--seconds", str(args.seconds)]
        cmd += ["--fps", str(args.fps), "--gc", gc_mode]
        cmd += ["--shadow-bundle", str(candidate)] if candidate else []
        print(f"--- {name}: {' '.join(cmd)}", flush=True)
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        print("\n".join(line for line in out.splitlines() if not line.startswith("BENCH ")), flush=True)
        results[name] = json.loads(next(x for x in out.splitlines() if x.startswith("BENCH "))[6:])
    a, b = results.values()
    print("--- ratio now / before")
    for key in ("interval_p99_ms", "infer_p50_ms", "rss_max_mib", "auto_fps"):
        print(f"{key:18s} {a[key]:8.1f} -> {b[key]:8.1f}   ratio {b[key] / a[key]:.2f}")
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seconds", type=float, default=600.0, help="total run time (default: %(default)s)")
    p.add_argument("--arch", default="efficientnet_lite0", help="model architecture (random weights)")
    p.add_argument("--bundle", help="use this bundle instead of a random one")
    p.add_argument("--fps", type=float, default=30.0, help="source frame rate (default: %(default)s)")
    p.add_argument("--compare", action="store_true", help="the bundle before and after issue 16 (see above)")
    p.add_argument(
        "--gc",
        choices=("auto", "main-thread"),
        default="main-thread",
        help="Python's collector: automatic, or only in the GUI thread as the station runs it (default)",
    )
    p.add_argument("--compare-gc", action="store_true", help="the collector automatic, then the station's")
    p.add_argument("--shadow-bundle", help="run this bundle as [model] shadow_bundle beside the live one")
    p.add_argument("--compare-shadow", action="store_true", help="the bundle alone, then with a shadow")
    args = p.parse_args()
    if args.compare or args.compare_gc or args.compare_shadow:
        if not args.bundle:
            p.error("--compare, --compare-gc and --compare-shadow need --bundle")
        return compare(args)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.app import Station, _configure_torch_threads

    app = QApplication.instance() or QApplication([sys.argv[0]])
    tmp = Path(tempfile.mkdtemp(prefix="bench-kiosk-"))
    bundle = Path(args.bundle) if args.bundle else make_bundle(args.arch, tmp)
    pin_throwaway_station(tmp / "data", bundle)  # a benchmark's own station (kiosk/trust.py)
    if args.shadow_bundle:
        pin_throwaway_station(tmp / "data", Path(args.shadow_bundle))
    config = parse_config({})
    config = replace(
        config,
        model=ModelConfig(bundle=str(bundle), device="cpu", shadow_bundle=args.shadow_bundle or ""),
        screening=ScreeningConfig(auto_mode=False, auto_window=5),
        storage=StorageConfig(data_dir=tmp / "data"),
    )
    station = Station(config, source_factory=lambda _s: SyntheticCamera(args.fps))
    collector = None
    if args.gc == "main-thread":  # as run_gui runs the station (kiosk/ui/collector.py)
        from kiosk.ui.collector import MainThreadCollector

        collector = MainThreadCollector(parent=app)
        collector.start()
    window = station.build(no_login=True)
    _configure_torch_threads()  # as run_gui does: only on the PyTorch path
    if collector is not None:
        collector.freeze_startup()
    window.show()

    engine = station.engine
    latencies: list[float] = []

    def timed(predict):
        def run(image):
            t0 = time.perf_counter()
            out = predict(image)
            latencies.append((time.perf_counter() - t0) * 1000.0)
            return out

        return run

    # The engine classifies with predict_with_features (one pass that also feeds the heatmap) when the
    # model's Grad-CAM needs no gradient, else with predict_one: time whichever it calls.
    for name in ("predict_one", "predict_with_features"):
        setattr(engine.predictor, name, timed(getattr(engine.predictor, name)))
    shown: dict[str, list[float]] = {"base": [], "auto": []}
    phase = {"name": "base"}
    window.frame_listeners.append(lambda t: shown[phase["name"]].append(t))
    proc = psutil.Process()
    rss: list[tuple[float, float]] = []
    baseline_s = max(5.0, args.seconds * 0.1)
    t_start = time.monotonic()

    def start_auto() -> None:
        phase["name"] = "auto"
        window.set_auto_mode(True)

    def sample() -> None:
        if phase["name"] == "auto":
            rss.append((time.monotonic() - t_start, proc.memory_info().rss / 2**20))

    sampler = QTimer()
    sampler.timeout.connect(sample)
    sampler.start(1000)
    QTimer.singleShot(int(baseline_s * 1000), start_auto)
    QTimer.singleShot(int(args.seconds * 1000), app.quit)
    try:
        app.exec()
    finally:
        sampler.stop()
        stats = station.capture.stats() if station.capture else None
        station.shutdown()
        if collector is not None:
            collector.stop()
            print(f"collections in the GUI thread by generation: {collector.collections}")

    def report(name: str, times: list[float], span: float) -> float:
        iv = intervals_ms(times)
        fps = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 2 else 0.0
        print(
            f"{name:34s} displayed {fps:5.1f} fps  interval p50 {percentile(iv, 50):5.1f} ms  "
            f"p99 {percentile(iv, 99):6.1f} ms  max {max(iv, default=float('nan')):6.1f} ms  "
            f"({len(times)} frames in {span:.0f} s)"
        )
        return fps

    torch = sys.modules.get("torch")
    threads = f"torch loaded, {torch.get_num_threads()} threads" if torch else "torch not loaded"
    print(
        f"source {args.fps:g} fps 1280x720, model {engine.bundle.name} on {engine.device_label}, "
        f"{threads}, cpus {os.cpu_count()}"
    )
    base_fps = report("baseline (live view only)", shown["base"], baseline_s)
    auto_fps = report("with inference (automatic mode)", shown["auto"], args.seconds - baseline_s)
    print(f"{'ratio to baseline':34s} {auto_fps / base_fps if base_fps else float('nan'):.2f}")
    print(
        f"inference latency per frame        p50 {percentile(latencies, 50):.1f} ms  "
        f"p99 {percentile(latencies, 99):.1f} ms  ({len(latencies)} frames screened)"
    )
    if stats is not None:
        print(f"camera frames {stats.frames}, dropped (replaced before display) {stats.dropped}")
    if station.shadow is not None:
        s = station.shadow
        print(
            f"shadow bundle: {s.screened} frames screened, {s.dropped} dropped, {s.skipped} skipped "
            f"(no case, within a second of the last), {s.failed} failed"
        )
    elif args.shadow_bundle:
        print("shadow bundle NOT running (see the log)")
    if len(rss) > 2:
        t = np.array([a for a, _ in rss])
        m = np.array([b for _, b in rss])
        slope = np.polyfit(t / 60.0, m, 1)[0]
        half = len(m) // 2
        slope2 = np.polyfit(t[half:] / 60.0, m[half:], 1)[0]
        # PySide6 6.12 leaked references to None/True until Python aborted; pyproject pins a release
        # without the bug, and these figures show it stays fixed.
        print(f"refcount of None {sys.getrefcount(None)}, True {sys.getrefcount(True)}")
        print(
            f"RSS during inference: start {m[0]:.0f} MiB, end {m[-1]:.0f} MiB, max {m.max():.0f} MiB, "
            f"slope {slope:+.2f} MiB/min (second half {slope2:+.2f})"
        )
    figures = {
        "interval_p99_ms": percentile(intervals_ms(shown["auto"]), 99),
        "infer_p50_ms": percentile(latencies, 50),
        "rss_max_mib": max((b for _, b in rss), default=float("nan")),
        "auto_fps": auto_fps,
    }
    print("BENCH " + json.dumps(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
