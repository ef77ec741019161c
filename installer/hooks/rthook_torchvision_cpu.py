"""PyInstaller runtime hook: torchvision without its compiled operators.

Where only a CUDA build of torchvision exists for the CPU-only torch that the standalone build uses (this
development machine: torchvision 0.28.0 from PyPI, torch 2.13.0+cpu), torchvision's ``_C.so`` cannot be loaded
(it links libtorch_cuda.so), and ``import torchvision`` then fails on the two fake-kernel registrations that
torchvision makes without checking (nms, qnms). The station uses no torchvision operator (only model
definitions), so declaring those two schemas lets torchvision import; calling ``torchvision.ops.nms`` would
still fail. With matching CPU wheels (PyTorch's CPU index) ``_C.so`` loads and this hook does nothing.

It acts only when something imports torchvision (the PyTorch path): the station serves a bundle's ONNX graph
without importing torch at all (models/serving.py), and importing torch here would cost it ~300 MB.
"""

import importlib.abc
import sys


def _declare_missing_torchvision_ops() -> None:
    import os

    import torch

    library = os.path.join(getattr(sys, "_MEIPASS", ""), "torchvision", "_C.so")
    try:
        torch.ops.load_library(library)
        return
    except (OSError, RuntimeError):
        pass
    stub = torch.library.Library("torchvision", "DEF")
    stub.define("nms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
    stub.define("qnms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
    torch._mpox_torchvision_stub = stub  # keep the registration alive


class _BeforeTorchvision(importlib.abc.MetaPathFinder):
    """Runs the declaration just before the first ``import torchvision``, then steps aside."""

    def find_spec(self, name, path=None, target=None):
        if name == "torchvision":
            sys.meta_path.remove(self)
            _declare_missing_torchvision_ops()
        return None  # the normal finders import the module


sys.meta_path.insert(0, _BeforeTorchvision())
