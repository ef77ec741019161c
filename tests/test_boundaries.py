"""Enforced boundaries: models/ is the contract and imports neither Qt nor training nor kiosk; the kiosk's
non-UI modules are plain Python; training and kiosk stay apart."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "pyqtgraph", "pytestqt")
KIOSK_UI_MODULES = {"app.py", "ui", "workers.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _top(names: set[str]) -> set[str]:
    return {n.split(".")[0] for n in names}


def _files(package: str):
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", _files("models"), ids=lambda p: str(p.relative_to(ROOT)))
def test_models_is_free_of_qt_training_and_kiosk(path):
    bad = _top(_imports(path)) & {*QT, "training", "kiosk"}
    assert not bad, f"{path} imports {bad}"


@pytest.mark.parametrize("path", _files("training"), ids=lambda p: str(p.relative_to(ROOT)))
def test_training_never_imports_kiosk_or_qt(path):
    bad = _top(_imports(path)) & {*QT, "kiosk"}
    assert not bad, f"{path} imports {bad}"


@pytest.mark.parametrize("path", _files("kiosk"), ids=lambda p: str(p.relative_to(ROOT)))
def test_kiosk_never_imports_training_and_keeps_qt_in_the_ui(path):
    imports = _top(_imports(path))
    assert "training" not in imports, f"{path} imports training"
    rel = path.relative_to(ROOT / "kiosk")
    is_ui = rel.parts[0] in KIOSK_UI_MODULES
    if not is_ui:
        assert not imports & set(QT), f"{path} is a non-UI kiosk module but imports Qt"
