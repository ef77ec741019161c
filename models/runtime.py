"""Inference backends: the optimised CPU paths (ONNX Runtime, float32 or a bundle's int8 graph) and eager
PyTorch, behind one small interface.

The bundle's PyTorch model is exported to ONNX once (torch.onnx's exporter), with two outputs: the logits and
the activations of the bundle's Grad-CAM target layer, so that a heatmap can reuse the classification pass
(see ``fast_cam``). The export is cached in the user's cache folder (the bundle folder may be read-only),
under a name keyed by the weights' SHA-256, so a changed bundle never meets a stale export. Every session is
checked against eager PyTorch on a probe batch before use; when ONNX Runtime is missing, the export fails or
the check fails, ``select_runtime(backend="auto")`` logs why and falls back to eager PyTorch.

A bundle may also carry an int8 graph (made with calibration images by the recipe or ``mpox-train quantize``,
``training/quantize.py``, and accepted only at >= 99.5% top-1 agreement with the float model on real images).
'auto' runs it first when its SHA-256 matches the manifest; otherwise it falls back to the float32 export,
reason logged.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import warnings
from pathlib import Path

import numpy as np
import torch
from torch import nn

from .bundle import Bundle, sha256_file
from .errors import MpoxError
from .fsutil import atomic_write
from .serving import REL_TOL, OrtRuntime, Runtime, logits_match

log = logging.getLogger(__name__)

BACKENDS = ("auto", "int8", "onnxruntime", "eager")
EXPORT_FORMAT = 1  # bump when the exported graph's inputs/outputs change: old cache entries are then ignored
CACHE_ENV = "MPOX_CACHE_DIR"
PROBE_SEED = 1234


class RuntimeUnavailableError(MpoxError):
    """The optimised backend was asked for explicitly and cannot be used (the message says why)."""


def cache_dir() -> Path:
    """Where exports are cached: $MPOX_CACHE_DIR, else the user's cache folder (never the bundle folder)."""
    if env := os.environ.get(CACHE_ENV):
        return Path(env) / "onnx"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mpox-aism")) / "onnx"


def cache_path(bundle: Bundle, root: Path | None = None) -> Path:
    """Cache file of a bundle's export, keyed by the weights' SHA-256 and all else the graph bakes in."""
    m = bundle.manifest
    layer = m["cam_target_layer"].replace("/", "_")
    torch_version = torch.__version__.split("+")[0]
    name = (
        f"{bundle.sha256}-{m['arch']}-{m['input_size']}px-{len(m['classes'])}cls-{layer}"
        f"-torch{torch_version}-f{EXPORT_FORMAT}.onnx"
    )
    return (root or cache_dir()) / name


def _intra_op_threads() -> int:
    # torch already picked the number of physical cores (or honours OMP_NUM_THREADS / set_num_threads).
    return max(1, torch.get_num_threads())


class _WithFeatures(nn.Module):
    """Returns (logits, target-layer output): the hook lives only for one forward call."""

    def __init__(self, model: nn.Module, layer: str):
        super().__init__()
        self.model = model
        self.layer = model.get_submodule(layer)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        store: list[torch.Tensor] = []
        handle = self.layer.register_forward_hook(lambda _m, _i, out: store.append(out))
        try:
            logits = self.model(x)
        finally:
            handle.remove()
        return logits, store[0]


class EagerRuntime:
    """Plain PyTorch under inference mode; target-layer activations through a temporary forward hook."""

    name = "eager"

    def __init__(
        self, model: nn.Module, device: torch.device, cam_layer: str, fallback_reason: str | None = None
    ):
        self.model = model
        self.device = device
        self.cam_layer = cam_layer
        self.fallback_reason = fallback_reason

    def run(self, batch, features: bool = False) -> tuple[np.ndarray, np.ndarray | None]:
        """``batch``: a normalised (N, 3, S, S) numpy array or tensor."""
        with torch.inference_mode():
            x = torch.as_tensor(batch).to(self.device, non_blocking=True)
            if not features:
                return self.model(x).float().cpu().numpy(), None
            logits, feats = _WithFeatures(self.model, self.cam_layer)(x)
            return logits.float().cpu().numpy(), feats.float().cpu().numpy()


# The exporter's loggers: dozens of INFO lines per export ("Removed 47 unused nodes", "Applied 11 of general
# pattern rewrite rules") on a station's first start. They go to this module's logger at DEBUG instead.
_EXPORTER_LOGGERS = ("torch.onnx", "onnxscript", "onnx_ir")


class _ExporterToDebug(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        level = logging.DEBUG if record.levelno < logging.WARNING else record.levelno
        if log.isEnabledFor(level):
            log.log(level, "ONNX exporter (%s): %s", record.name, record.getMessage())


@contextlib.contextmanager
def _exporter_logs_at_debug():
    """While exporting: the exporter's log records below WARNING become DEBUG records of this module."""
    handler = _ExporterToDebug()
    saved = []
    for name in _EXPORTER_LOGGERS:
        logger = logging.getLogger(name)
        saved.append((logger, logger.propagate))
        logger.addHandler(handler)
        logger.propagate = False
    try:
        yield
    finally:
        for logger, propagate in saved:
            logger.removeHandler(handler)
            logger.propagate = propagate


def onnx_graph(module: nn.Module, example: torch.Tensor, input_name: str, output_names: list[str]) -> bytes:
    """The one ONNX exporter: ``module`` traced on ``example`` (a batch of at least 2: a batch of 1 would
    be specialised away) with a dynamic batch dimension, quietly."""
    batch = torch.export.Dim("batch", min=1, max=4096)
    # The exporter prints progress and warns about internals; neither helps the user.
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()), _exporter_logs_at_debug():
        warnings.simplefilter("ignore")
        program = torch.onnx.export(
            module,
            (example,),
            dynamo=True,
            input_names=[input_name],
            output_names=output_names,
            dynamic_shapes=({0: batch},),
            verbose=False,
            optimize=True,
        )
    return program.model_proto.SerializeToString()


def export_onnx(model: nn.Module, input_size: int, cam_layer: str) -> bytes:
    """ONNX graph of the model with outputs (logits, cam_features) and a dynamic batch dimension."""
    wrapper = _WithFeatures(model, cam_layer).eval()
    example = torch.zeros(2, 3, input_size, input_size)
    return onnx_graph(wrapper, example, "input", ["logits", "cam_features"])


def check_against_eager(runtime: Runtime, bundle: Bundle, device: torch.device, numbers: bool = True) -> None:
    """Raise ValueError unless ``runtime`` matches eager PyTorch on a fixed probe batch: the output shapes
    always, finite outputs, and with ``numbers`` the values too (float32 only: an int8 graph's numbers
    differ by design, its agreement was measured on real images when it was made)."""
    size = bundle.manifest["input_size"]
    gen = torch.Generator().manual_seed(PROBE_SEED)
    probe = torch.randn(2, 3, size, size, generator=gen)
    ref_logits, ref_feats = EagerRuntime(bundle.model, device, bundle.manifest["cam_target_layer"]).run(
        probe, features=True
    )
    logits, feats = runtime.run(probe, features=True)
    if logits.shape != ref_logits.shape or feats is None or feats.shape != ref_feats.shape:
        raise ValueError(
            f"output shapes {logits.shape}/{None if feats is None else feats.shape} differ from "
            f"eager {ref_logits.shape}/{ref_feats.shape}"
        )
    if not (np.isfinite(logits).all() and np.isfinite(feats).all()):
        raise ValueError("non-finite outputs on the probe batch")
    if not numbers:
        return
    problem = logits_match(logits, ref_logits, bundle.temperature)  # the serving path's own check
    feat_diff = float(np.abs(feats - ref_feats).max())
    if feat_diff > REL_TOL * (1.0 + float(np.abs(ref_feats).max())):
        problem = ", ".join(filter(None, [problem, f"target-layer activations max |diff| {feat_diff:.2e}"]))
    if problem:
        raise ValueError(f"differs from eager PyTorch ({problem})")


def _require_onnxruntime(device: torch.device, path_name: str) -> None:
    try:
        import onnxruntime  # noqa: F401
    except ImportError as exc:
        raise RuntimeUnavailableError(f"onnxruntime is not installed ({exc})") from exc
    if device.type != "cpu":
        raise RuntimeUnavailableError(f"the {path_name} path is for the CPU; device is {device}")


def _onnx_runtime(bundle: Bundle, device: torch.device, root: Path | None) -> OrtRuntime:
    """Cached export -> session -> check; a cache entry that fails to load or check is rebuilt once."""
    _require_onnxruntime(device, "ONNX Runtime")
    path = cache_path(bundle, root)
    if path.is_file():
        try:
            runtime = OrtRuntime(str(path), _intra_op_threads())
            check_against_eager(runtime, bundle, device)
            return runtime
        except Exception as exc:  # a damaged or foreign cache entry: rebuild it below
            log.warning("cached ONNX export %s is unusable (%s); exporting again", path, exc)
            path.unlink(missing_ok=True)
    try:
        data = export_onnx(bundle.model, bundle.manifest["input_size"], bundle.manifest["cam_target_layer"])
    except Exception as exc:
        raise RuntimeUnavailableError(f"ONNX export of {bundle.manifest['arch']} failed: {exc}") from exc
    try:
        runtime = OrtRuntime(data, _intra_op_threads())
        check_against_eager(runtime, bundle, device)
    except Exception as exc:
        raise RuntimeUnavailableError(
            f"ONNX Runtime session for {bundle.path} failed its check: {exc}"
        ) from exc
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data, mode=0o600)  # a private cache, as before
    except OSError as exc:  # a read-only home still gets the fast path, just not cached
        log.warning("cannot cache the ONNX export at %s (%s); it is exported again at next start", path, exc)
    return runtime


def _int8_runtime(bundle: Bundle, device: torch.device) -> OrtRuntime:
    """The bundle's int8 graph, after checking its hash and output shapes."""
    info = bundle.manifest.get("int8")
    if not info:
        raise RuntimeUnavailableError(
            f"bundle {bundle.path} has no int8 graph; make one with `mpox-train quantize --bundle ...`"
        )
    _require_onnxruntime(device, "int8")
    name = str(info.get("file", ""))
    path = bundle.path / name
    if not name or Path(name).name != name or not path.is_file():
        raise RuntimeUnavailableError(f"the bundle's int8 graph {name!r} is missing; copy the bundle again")
    if sha256_file(path) != info.get("sha256"):
        raise RuntimeUnavailableError(
            f"{path} does not match the SHA-256 in the manifest (damaged or altered); copy the bundle again"
        )
    try:
        runtime = OrtRuntime(str(path), _intra_op_threads())
        check_against_eager(runtime, bundle, device, numbers=False)
    except Exception as exc:
        raise RuntimeUnavailableError(f"the int8 graph {path} failed its check: {exc}") from exc
    runtime.name = "onnxruntime-int8"
    return runtime


def select_runtime(
    bundle: Bundle,
    device: torch.device | str | None = None,
    backend: str = "auto",
    cache_root: Path | None = None,
) -> Runtime:
    """The backend to run ``bundle`` with.

    'auto': on the CPU, the bundle's int8 graph when it has an intact one, else the float32 ONNX Runtime
    export when it is installed and passes its check, else eager (reasons logged; the last one kept in
    ``fallback_reason``); 'int8' / 'onnxruntime': only that path, raising RuntimeUnavailableError instead of
    falling back; 'eager': plain PyTorch.
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown inference backend {backend!r}; choose one of {BACKENDS}")
    device = torch.device(device) if device is not None else next(bundle.model.parameters()).device
    cam_layer = bundle.manifest["cam_target_layer"]
    if backend == "eager":
        return EagerRuntime(bundle.model, device, cam_layer)
    if backend == "auto" and device.type != "cpu":
        return EagerRuntime(
            bundle.model, device, cam_layer, fallback_reason=f"{device.type} device: eager PyTorch"
        )
    if backend == "int8":
        return _int8_runtime(bundle, device)
    int8_problem = None
    if backend == "auto" and bundle.manifest.get("int8"):
        try:
            return _int8_runtime(bundle, device)
        except RuntimeUnavailableError as exc:
            int8_problem = str(exc)
            log.warning("int8 graph unusable, using the float32 path: %s", exc)
    try:
        runtime = _onnx_runtime(bundle, device, cache_root)
        if int8_problem:
            runtime.fallback_reason = int8_problem
        return runtime
    except RuntimeUnavailableError as exc:
        if backend == "onnxruntime":
            raise
        log.warning("optimised inference unavailable, using eager PyTorch: %s", exc)
        return EagerRuntime(bundle.model, device, cam_layer, fallback_reason=str(exc))
