#!/usr/bin/env bash
# Build a standalone one-folder mpox-kiosk (PyInstaller) that runs on a machine without Python.
#
#   installer/build_standalone.sh [--bundle DIR] [--out DIR] [--work DIR] [--keep-venv] [--eager]
#
# By default the build venv has the station profile (`pip install .`: ONNX Runtime, PySide6, OpenCV,
# SQLAlchemy, cryptography ..., no PyTorch and no CUDA libraries): the station serves the bundle's checked ONNX
# graph (models/serving.py), so the bundle must carry one (mpox-train onnx adds it; the recipe does).
# --eager adds the station's eager path (the [eager] extra: PyTorch, torchvision, torchcam, for a bundle
# without a graph or Grad-CAM on any architecture) with CPU-only PyTorch wheels: the CUDA build of torch cannot
# even be imported without its 3 GB of nvidia libraries. Override those wheels with TORCH_REQ / TORCH_PIP_ARGS.
#
# Result: <out>/mpox-kiosk/mpox-kiosk (+ the mpox-screen launcher beside it); the model bundle given with
# --bundle (or models/bundles/default when it exists) is copied to <out>/mpox-kiosk/_internal/models/bundles/default.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/dist"
WORK="$ROOT/build/standalone"
BUNDLE=""
KEEP_VENV=0
EAGER=0
PYTHON="${PYTHON:-python3}"
# torch 2.13.0+cpu pairs with torchvision 0.28.0 (torchvision 0.29 needs torch 2.14, which has no CPU wheel
# on this machine). On a machine with internet, the CPU wheels come from PyTorch's CPU index.
TORCH_REQ="${TORCH_REQ:-torch==2.13.0+cpu torchvision==0.28.0}"
TORCH_PIP_ARGS="${TORCH_PIP_ARGS:---extra-index-url https://download.pytorch.org/whl/cpu}"

while [[ $# -gt 0 ]]; do
    case "$1" in
        --bundle) BUNDLE="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        --work) WORK="$2"; shift 2 ;;
        --keep-venv) KEEP_VENV=1; shift ;;
        --eager) EAGER=1; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "build_standalone.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

if [[ -z "$BUNDLE" && -f "$ROOT/models/bundles/default/manifest.json" ]]; then
    BUNDLE="$ROOT/models/bundles/default"
fi
if [[ -n "$BUNDLE" && ! -f "$BUNDLE/manifest.json" ]]; then
    echo "build_standalone.sh: $BUNDLE is not a model bundle (no manifest.json); make one with mpox-train export" >&2
    exit 2
fi
if [[ -n "$BUNDLE" && $EAGER -eq 0 ]] && ! grep -q '"onnx"' "$BUNDLE/manifest.json"; then
    echo "build_standalone.sh: $BUNDLE has no ONNX graph, which a station without PyTorch serves; add one" \
        "with mpox-train onnx --bundle $BUNDLE, or build with --eager" >&2
    exit 2
fi

VENV="$WORK/venv"
mkdir -p "$WORK" "$OUT"
if [[ ! -x "$VENV/bin/python" || $KEEP_VENV -eq 0 ]]; then
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --upgrade pip
    # shellcheck disable=SC2086  # word splitting of the requirement lists is wanted
    if [[ $EAGER -eq 1 ]]; then
        # CPU wheels first, so that the [eager] extra finds its torch requirement already met.
        # shellcheck disable=SC2086  # word splitting of the requirement lists is wanted
        "$VENV/bin/pip" install --quiet $TORCH_PIP_ARGS $TORCH_REQ
        "$VENV/bin/pip" install --quiet "$ROOT[eager]" pyinstaller
    else
        "$VENV/bin/pip" install --quiet "$ROOT" pyinstaller
    fi
fi
if [[ $EAGER -eq 0 ]]; then
    if "$VENV/bin/python" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('torch') is None)"; then
        echo "build_standalone.sh: the station profile pulled in PyTorch; check pyproject.toml's dependencies" >&2
        exit 1
    fi
    echo "build venv: station profile (ONNX Runtime, no PyTorch)"
elif "$VENV/bin/python" -c "import torch, sys; sys.exit(0 if torch.version.cuda is None else 1)"; then
    echo "build venv: station profile + eager path, CPU-only torch $("$VENV/bin/python" -c 'import torch; print(torch.__version__)')"
else
    echo "build_standalone.sh: the build venv has a CUDA build of torch; set TORCH_REQ to CPU wheels" >&2
    exit 1
fi

export MPOX_BUILD_BUNDLE="$BUNDLE"
export MPOX_SOURCE_ROOT="$ROOT"
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --distpath "$OUT" --workpath "$WORK/pyinstaller" \
    "$ROOT/installer/mpox-kiosk.spec"

APP="$OUT/mpox-kiosk"
echo "built $APP ($(du -sh "$APP" | cut -f1)); smoke test:"
echo "  QT_QPA_PLATFORM=offscreen $APP/mpox-kiosk --no-login --quit-after 3 --source folder:IMAGES"
