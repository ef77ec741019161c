"""Install profiles (issue 29, item 4): the plain install is a station without PyTorch; without it, what needs
PyTorch says which profile to install instead of a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAINING_STACK = {
    "torch",
    "torchvision",
    "torchcam",
    "lightly",
    "tensorboard",
    "scikit-learn",
    "onnx",
    "onnxscript",
}
# Run in a fresh interpreter in which `import torch` fails, as in a station installation.
WITHOUT_TORCH = "import sys\nfor m in ('torch', 'torchvision', 'torchcam'): sys.modules[m] = None\n"


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!\[; ]", r, maxsplit=1)[0].lower() for r in requirements}


def test_the_station_profile_has_no_training_stack_and_test_installs_everything():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    base = _names(project["dependencies"])
    extras = project["optional-dependencies"]
    assert not base & TRAINING_STACK and not any(n.startswith("nvidia") for n in base)
    assert {"torch", "torchcam"} <= _names(extras["eager"]) and "mpox-aism" in _names(extras["train"])
    assert "mpox-aism" in _names(extras["test"])  # the test command installs the training profile too
    assert any("[train]" in r for r in extras["test"]) and any("[eager]" in r for r in extras["train"])


def _run(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_TORCH + code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )


def test_without_pytorch_mpox_train_names_the_profile_to_install(tmp_path):
    out = _run("from training.cli import main\nsys.exit(main(['fit', '--help']))", tmp_path)
    assert out.returncode == 2, out.stderr
    assert "pip install 'mpox-aism[train]'" in out.stderr and "Traceback" not in out.stderr


def test_without_pytorch_the_eager_path_is_unavailable_with_what_to_install(tmp_path):
    code = (
        "from dataclasses import replace\n"
        "from kiosk.config import ModelConfig, parse_config\n"
        "from kiosk.inference import ScreeningEngine, ScreeningUnavailable\n"
        "config = replace(parse_config({}), model=ModelConfig(backend='eager'))\n"
        "try:\n"
        "    ScreeningEngine.from_config(config)\n"
        "except ScreeningUnavailable as exc:\n"
        "    print('UNAVAILABLE', exc)\n"
    )
    out = _run(code, tmp_path)
    assert out.returncode == 0, out.stderr
    assert "UNAVAILABLE" in out.stdout and "mpox-aism[eager]" in out.stdout, out.stdout + out.stderr
