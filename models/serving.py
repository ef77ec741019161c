"""The station's model without PyTorch: a bundle's checked ONNX graph on ONNX Runtime, numpy around it.

``import torch`` alone costs about 500 MiB of resident memory and seconds of start-up; a kiosk needs neither.
A bundle made by ``mpox-train export`` (or ``mpox-train onnx BUNDLE`` for an older one) carries
``model.onnx``: the float32 graph with two outputs, the logits and the Grad-CAM target layer's activations,
checked against eager PyTorch where it was made, and ``cam_head.safetensors``: the rows of the linear head the
heatmap weights come from (``models.heatmap``). Both are listed and hashed in the manifest like every file,
so a signature or pin covers them; the manifest block is::

    "onnx": {"file": "model.onnx", "cam_head": "cam_head.safetensors", "probe_seed": 1234,
             "probe_logits": [[...], [...]], "max_difference_to_eager": {...}, "exported_with": "..."}

At load the graph runs on a fixed numpy probe batch and must reproduce ``probe_logits`` (the same check as
``models.runtime`` does against eager PyTorch, against the numbers recorded at export): a damaged runtime or
a foreign graph is refused, never served. A bundle without the block, or a GPU, takes the PyTorch path
(``models.predictor``).

``PredictorBase`` is the one classification path (preprocess, one pass, temperature, open-set scores) both
predictors share; only the runtime differs.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from .decision import OpenSetScores, Thresholds, Verdict, decide
from .errors import BundleError, MpoxError
from .heatmap import Explanation, LinearCamHead
from .open_set import OpenSetHead, load_head

if TYPE_CHECKING:
    from .manifest import VerifiedBundle
    from .preprocessing import Preprocessor

SERVING_KEY = "onnx"
ONNX_NAME = "model.onnx"
CAM_HEAD_NAME = "cam_head.safetensors"
PROBE_SEED = 1234
# Tolerances of the numerical checks: float32 ONNX Runtime differs from eager by ~1e-6 on these models.
PROB_ATOL = 1e-3
REL_TOL = 1e-3


class ServingUnavailable(MpoxError):
    """The bundle has no ONNX graph to serve, or it cannot be used (the message says why)."""


def softmax(z: np.ndarray, temperature: float = 1.0, dtype: np.dtype | type | None = None) -> np.ndarray:
    """Row-wise softmax of (N, C) ``logits / temperature``, computed in ``dtype`` (default: the logits'
    own; training's evaluation asks for float64)."""
    z = np.asarray(z, dtype=dtype)
    if temperature != 1.0:
        z = z / temperature
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def probe_batch(input_size: int) -> np.ndarray:
    """The fixed (2, 3, S, S) batch a serving graph must answer as it did at export."""
    rng = np.random.default_rng(PROBE_SEED)
    return rng.standard_normal((2, 3, input_size, input_size), dtype=np.float32)


def logits_match(logits: np.ndarray, reference: np.ndarray, temperature: float = 1.0) -> str:
    """'' when ``logits`` equal ``reference`` within the runtime tolerances, else what differs."""
    if logits.shape != reference.shape:
        return f"logits of shape {logits.shape}, expected {reference.shape}"
    prob_diff = float(np.abs(softmax(logits, temperature) - softmax(reference, temperature)).max())
    logit_diff = float(np.abs(logits - reference).max())
    if prob_diff <= PROB_ATOL and logit_diff <= REL_TOL * (1.0 + float(np.abs(reference).max())):
        return ""
    return f"max |diff|: probabilities {prob_diff:.2e}, logits {logit_diff:.2e}"


class Runtime(Protocol):
    name: str
    fallback_reason: str | None

    def run(self, batch: Any, features: bool = False) -> tuple[np.ndarray, np.ndarray | None]:
        """Normalised (N, 3, S, S) batch -> (logits (N, C), target-layer activations or None)."""
        ...


class OrtRuntime:
    """ONNX Runtime on the CPU. Spinning is off: idle worker threads that spin steal the CPU from the
    capture and UI threads (measured: eager lite0 19 ms -> 350 ms beside a spinning pool)."""

    name = "onnxruntime"
    fallback_reason: str | None = None

    def __init__(self, model_bytes_or_path: bytes | str, threads: int | None = None):
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or os.cpu_count() or 1
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(model_bytes_or_path, opts, providers=["CPUExecutionProvider"])
        self.input_name = self.session.get_inputs()[0].name
        self.output_names = [o.name for o in self.session.get_outputs()]

    def run(self, batch: Any, features: bool = False) -> tuple[np.ndarray, np.ndarray | None]:
        """``batch``: a numpy array or a CPU torch tensor (both expose the array interface)."""
        x = np.ascontiguousarray(np.asarray(batch), dtype=np.float32)
        wanted = self.output_names if features else self.output_names[:1]
        outs = self.session.run(wanted, {self.input_name: x})
        return outs[0], (outs[1] if features else None)


@dataclass(frozen=True)
class Prediction:
    probabilities: np.ndarray  # (C,) calibrated, sums to 1
    classes: tuple[str, ...]
    open_set: OpenSetScores | None = None  # None when the bundle has no open-set head

    def verdict(self, thresholds: Thresholds) -> Verdict:
        """The decision on the model's output alone (no quality gate: ``models.screening`` adds it)."""
        return decide(self.probabilities, self.classes, thresholds, open_set=self.open_set)


class PredictorBase:
    """Calibrated class probabilities, open-set scores and (on request) the target layer's activations from
    one pass of ``runtime``, in batches. Subclasses set the attributes below."""

    bundle: VerifiedBundle
    runtime: Runtime
    open_set: OpenSetHead | None
    preprocess: Preprocessor
    batch_size: int = 32
    device_type: str = "cpu"  # where the model runs: 'cpu' or 'cuda'

    @property
    def classes(self) -> tuple[str, ...]:
        return self.bundle.classes

    @property
    def temperature(self) -> float:
        return self.bundle.temperature

    @property
    def backend(self) -> str:
        """The backend in use: 'onnxruntime-int8', 'onnxruntime' or 'eager' (``runtime.fallback_reason``)."""
        return self.runtime.name

    def _run(
        self, batch: np.ndarray, features: bool = False
    ) -> tuple[np.ndarray, list[OpenSetScores] | None, np.ndarray | None]:
        want = features or self.open_set is not None
        logits, feats = self.runtime.run(batch, features=want)
        probs = softmax(logits.astype(np.float32) / self.temperature)
        scores = self.open_set.scores(feats) if self.open_set is not None else None
        return probs, scores, feats

    def predict(self, images: Sequence[np.ndarray]) -> list[Prediction]:
        """RGB uint8 images of any size -> one Prediction each."""
        out: list[Prediction] = []
        for start in range(0, len(images), self.batch_size):
            batch = np.stack([self.preprocess.array(im) for im in images[start : start + self.batch_size]])
            probs, scores, _ = self._run(batch)
            out.extend(
                Prediction(p, self.classes, scores[i] if scores else None) for i, p in enumerate(probs)
            )
        return out

    def predict_one(self, image: np.ndarray) -> Prediction:
        return self.predict([image])[0]

    def predict_with_features(self, image: np.ndarray) -> tuple[Prediction, np.ndarray]:
        """One image's prediction and its (K, h, w) target-layer activations from the same pass: a heatmap of
        whichever class the decision names then needs no second pass (``explain_from_features``)."""
        probs, scores, feats = self._run(self.preprocess.array(image)[None], features=True)
        return Prediction(probs[0], self.classes, scores[0] if scores else None), feats[0]


class FastExplainer:
    """Grad-CAM from the target layer's activations (``models.heatmap``): no backward pass."""

    fast = True

    def __init__(self, cam_head: LinearCamHead, predictor: PredictorBase):
        self.cam_head = cam_head
        self.predictor = predictor

    def explain_from_features(
        self, image: np.ndarray, features: np.ndarray, class_index: int, opacity: float = 0.45
    ) -> Explanation:
        return self.cam_head.explain(image, features, class_index, opacity)

    def heatmap_from_features(
        self, shape: tuple[int, int], features: np.ndarray, class_index: int
    ) -> np.ndarray:
        """The heatmap alone (no blended overlay: the window blends at its own opacity)."""
        return self.cam_head.heatmap(features, class_index, shape)

    def explain(
        self, image: np.ndarray, class_index: int | None = None, opacity: float = 0.45
    ) -> Explanation:
        """Heatmap for ``class_index`` (default: the predicted class), with a pass of its own."""
        prediction, feats = self.predictor.predict_with_features(image)
        idx = int(prediction.probabilities.argmax()) if class_index is None else int(class_index)
        return self.explain_from_features(image, feats, idx, opacity)


def _serving_block(bundle: VerifiedBundle) -> dict[str, Any]:
    block = bundle.manifest.get(SERVING_KEY)
    if block is None:
        raise ServingUnavailable(
            f"bundle {bundle.path} has no ONNX graph to serve; add one with `mpox-train onnx {bundle.path}`"
        )
    n = len(bundle.classes)
    probe = block.get("probe_logits")
    ok = (
        isinstance(block.get("file"), str)
        and isinstance(block.get("cam_head"), str)
        and block.get("probe_seed") == PROBE_SEED
        and isinstance(probe, list)
        and np.asarray(probe, dtype=object).shape == (2, n)
    )
    if not ok:
        raise BundleError(
            bundle.path,
            f"the manifest's {SERVING_KEY!r} block is malformed (file, cam_head, probe_seed {PROBE_SEED}, "
            f"probe_logits of shape (2, {n}))",
            "Re-export the bundle (`mpox-train onnx BUNDLE`)",
        )
    return block


def load_cam_head(bundle: VerifiedBundle, name: str) -> LinearCamHead:
    from safetensors import SafetensorError
    from safetensors.numpy import load

    where = bundle.file(name)
    try:
        weight = load(bundle.read_verified(name))["weight"]
    except (SafetensorError, ValueError, KeyError) as exc:
        raise BundleError(where, f"the heatmap head cannot be read ({exc})", "Copy the bundle again") from exc
    if weight.ndim != 2 or weight.shape[0] != len(bundle.classes):
        raise BundleError(where, f"the heatmap head has shape {weight.shape}, expected (classes, channels)")
    return LinearCamHead(weight.astype(np.float32))


def _checked_session(
    bundle: VerifiedBundle, name: str, threads: int | None, cam_head: LinearCamHead, probe_logits
) -> OrtRuntime:
    """A session on a listed graph whose answers to the probe batch are finite, of the shapes the classes
    and the heatmap head need and, for the float graph (``probe_logits`` given), the numbers recorded at
    export."""
    where = bundle.file(name)
    try:
        runtime = OrtRuntime(bundle.read_verified(name), threads)
        logits, feats = runtime.run(probe_batch(bundle.manifest["input_size"]), features=True)
    except BundleError:
        raise
    except Exception as exc:  # onnxruntime raises its own types for a graph it cannot load or run
        raise ServingUnavailable(f"the ONNX graph {where} cannot be run ({exc})") from exc
    channels = cam_head.weight.shape[1]
    if (
        feats is None
        or feats.ndim != 4
        or feats.shape[1] != channels
        or logits.shape != (2, len(bundle.classes))
    ):
        raise ServingUnavailable(f"the ONNX graph {where} gives outputs of the wrong shapes")
    if not (np.isfinite(logits).all() and np.isfinite(feats).all()):
        raise ServingUnavailable(f"the ONNX graph {where} gives non-finite outputs on the probe batch")
    if probe_logits is not None:
        problem = logits_match(logits, np.asarray(probe_logits, np.float32), bundle.temperature)
        if problem:
            raise ServingUnavailable(
                f"the ONNX graph {where} does not reproduce the logits recorded at export ({problem}): "
                "the runtime or the graph is not the one checked"
            )
    return runtime


class ServingPredictor(PredictorBase):
    """A verified bundle's ONNX graph on ONNX Runtime (CPU), torch-free.

    ``backend``: 'auto' runs the bundle's int8 graph when it has one that loads and answers sanely, else the
    float graph (the reason in ``runtime.fallback_reason``); 'int8' only the int8 graph; 'onnxruntime' only
    the float graph. Raises ServingUnavailable (or BundleError for a damaged bundle) when it cannot serve.
    """

    def __init__(self, bundle: VerifiedBundle, backend: str = "auto", threads: int | None = None):
        if backend not in ("auto", "int8", "onnxruntime"):
            raise ServingUnavailable(f"backend {backend!r} is not an ONNX Runtime backend")
        try:
            import onnxruntime  # noqa: F401
        except ImportError as exc:
            raise ServingUnavailable(f"onnxruntime is not installed ({exc})") from exc
        block = _serving_block(bundle)
        self.bundle = bundle
        self.preprocess = bundle.preprocessor
        self.open_set = load_head(bundle)
        cam_head = load_cam_head(bundle, block["cam_head"])
        int8 = bundle.manifest.get("int8")
        int8_problem = None
        runtime = None
        if backend == "int8" and not int8:
            raise ServingUnavailable(f"bundle {bundle.path} has no int8 graph")
        if int8 and backend in ("auto", "int8"):
            try:
                runtime = _checked_session(bundle, int8["file"], threads, cam_head, None)
                runtime.name = "onnxruntime-int8"
            except (ServingUnavailable, BundleError) as exc:
                if backend == "int8":
                    raise
                int8_problem = str(exc)
        if runtime is None:
            runtime = _checked_session(bundle, block["file"], threads, cam_head, block["probe_logits"])
            runtime.fallback_reason = int8_problem
        self.runtime = runtime
        self.explainer = FastExplainer(cam_head, self)
