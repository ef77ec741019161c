"""The top-level resources/ folder: every file is there and loads, the style sheet built from the .qss is the
one the code used to build, the loader finds the folder (checkout, frozen build, installed wheel) and names
what is missing, the FLAG sound never blocks or raises, and the wheel and the standalone spec carry the
folder."""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import logging
import shutil
import subprocess
import sys
import tomllib
import wave
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from kiosk import resources
from kiosk.config import ConfigError, parse_config
from kiosk.resources import ResourceMissing, resource_path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"

LISTED = [
    "icons/app.svg",
    "icons/app.png",
    "icons/flag.svg",
    "icons/review.svg",
    "icons/clear.svg",
    "icons/retake.svg",
    "style/station.qss",
    "sounds/flag.wav",
    "sounds/make_flag_wav.py",
    "text/traveller_notice.en.md",
    "translations",
]
SVGS = ["app", "flag", "review", "clear", "retake"]


# ---------- the files ----------


@pytest.mark.parametrize("name", LISTED)
def test_every_listed_resource_is_found(name):
    path = resource_path(*name.split("/"))
    assert path == RESOURCES / name and path.exists()


def test_the_checkout_folder_is_the_one_found():
    assert resources.resources_root() == RESOURCES


@pytest.mark.parametrize("name", SVGS)
def test_svg_icons_are_valid_and_load_as_icons(qapp, name):
    from PySide6.QtGui import QIcon
    from PySide6.QtSvg import QSvgRenderer

    path = resource_path("icons", f"{name}.svg")
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid(), path
    assert renderer.viewBox().width() == 64 and renderer.viewBox().height() == 64
    icon = QIcon(str(path))
    assert not icon.isNull() and not icon.pixmap(48, 48).isNull()


def test_decision_and_app_icons(qapp):
    from kiosk.ui.assets import app_icon, decision_icon
    from models.decision import Decision

    assert not app_icon().isNull()
    for decision in Decision:
        assert not decision_icon(decision).isNull()
    assert not decision_icon("flag").isNull()  # a stored decision string is taken too


def test_app_png_is_256_px_and_rendered_from_the_svg(qapp, tmp_path):
    """app.png is what make_app_png.py makes from app.svg now (remake it after changing the SVG)."""
    from PySide6.QtGui import QImage

    png = QImage(str(resource_path("icons", "app.png")))
    assert (png.width(), png.height()) == (256, 256)
    spec = importlib.util.spec_from_file_location("make_app_png", RESOURCES / "icons" / "make_app_png.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.render(RESOURCES / "icons" / "app.svg", tmp_path / "app.png")
    fresh = QImage(str(tmp_path / "app.png"))
    a = png.convertToFormat(QImage.Format.Format_ARGB32)
    b = fresh.convertToFormat(QImage.Format.Format_ARGB32)
    differing = sum(a.pixel(x, y) != b.pixel(x, y) for x in range(0, 256, 4) for y in range(0, 256, 4))
    assert differing <= 64 * 64 * 0.01


def test_flag_wav_is_short_small_and_audible():
    path = resource_path("sounds", "flag.wav")
    assert path.stat().st_size < 100_000
    with wave.open(str(path), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
        seconds = w.getnframes() / w.getframerate()
        frames = w.readframes(w.getnframes())
    assert 0.2 <= seconds <= 1.0
    import numpy as np

    samples = np.frombuffer(frames, dtype="<i2").astype(float) / 32767
    assert 0.2 < np.abs(samples).max() < 0.9  # audible, never clipped
    assert abs(samples[0]) < 0.01 and abs(samples[-1]) < 0.01  # faded in and out: no click


def test_flag_wav_is_what_its_script_writes(tmp_path):
    spec = importlib.util.spec_from_file_location("make_flag_wav", RESOURCES / "sounds" / "make_flag_wav.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.write(tmp_path / "flag.wav")
    assert (tmp_path / "flag.wav").read_bytes() == resource_path("sounds", "flag.wav").read_bytes()


def test_traveller_notice_is_plain_short_and_says_what_matters():
    text = resource_path("text", "traveller_notice.en.md").read_text(encoding="utf-8")
    filled = text.format(retention_days=90)
    assert "{" not in filled and "90 days" in filled
    assert len(filled) < 1500
    lower = filled.lower()
    for words in ("not a diagnosis", "screening aid", "encrypted", "deleted", "ask"):
        assert words in lower, words


def test_translations_folder_is_there():
    assert resource_path("translations").is_dir()
    assert (RESOURCES / "translations" / "README.md").is_file()


# ---------- the style sheet ----------


def _style_sheet_before_resources(scale: float) -> str:
    """kiosk/ui/style.py's style_sheet() as it was in code (commit ee20938), before station.qss."""
    base = round(17 * scale)
    big = round(22 * scale)
    pad = round(10 * scale)
    touch = round(56 * scale)
    return f"""
    QWidget {{ font-size: {base}px; color: #eceff1; background: #121619; }}
    QPushButton {{ min-height: {touch}px; padding: 0 {pad * 2}px; border-radius: {pad}px;
                   background: #1e88e5; color: #ffffff; font-size: {big}px; font-weight: 600; }}
    QPushButton:disabled {{ background: #455a64; color: #b0bec5; }}
    QPushButton:checked {{ background: #ff6f00; color: #000000; }}
    QPushButton:focus {{ border: {max(2, round(3 * scale))}px solid #ffffff; }}
    QLineEdit, QComboBox {{ min-height: {round(44 * scale)}px; padding: 0 {pad}px; background: #263238;
                 border: 1px solid #90a4ae; border-radius: {round(pad / 2)}px; }}
    QCheckBox::indicator {{ width: {round(28 * scale)}px; height: {round(28 * scale)}px; background: #263238;
                 border: {max(2, round(2 * scale))}px solid #b0bec5; border-radius: {round(pad / 2)}px; }}
    QCheckBox::indicator:checked {{ background: #1e88e5; border-color: #ffffff; image: url({CHECK_ICON}); }}
    QCheckBox::indicator:disabled {{ border-color: #546e7a; }}
    QSlider::groove:horizontal {{ height: {round(10 * scale)}px; background: #455a64; }}
    QSlider::handle:horizontal {{ width: {round(32 * scale)}px; margin: -{round(11 * scale)}px 0;
                 background: #eceff1; border-radius: {round(8 * scale)}px; }}
    QStatusBar QLabel {{ font-size: {round(14 * scale)}px; padding: 0 {round(pad / 2)}px; color: #cfd8dc; }}
    QLabel#note {{ color: #cfd8dc; font-style: italic; }}
    QLabel#reason {{ color: #eceff1; }}
    QLabel#user {{ color: #eceff1; font-weight: 600; padding: 0 {pad}px; }}
    QFrame#lostPanel {{ background: rgba(120, 0, 0, 225); border-radius: {pad}px; }}
    QFrame#lostPanel QLabel {{ background: transparent; color: #ffffff; }}
    """


# The tick of a checked check box (issue 27: checked and unchecked looked alike), added after the move.
CHECK_ICON = (RESOURCES / "icons" / "check.svg").as_posix()
# SHA-256 of the old function's output, captured from it before the move (1.0: 720p, 1.5: 1080p), with the
# tick's line as it was then (the sheet is otherwise unchanged).
CAPTURED_BEFORE_TICK = {
    1.0: "4e904c99f113632f88f963d5363e35098244f187aba98b2479f3dcbd2287ffae",
    1.5: "de8bcdc6499c42597f96ea2b39fb5c74245d6e67e38c15a6993e798173807ea4",
}


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_style_sheet_equals_the_one_built_in_code_before(scale):
    from kiosk.ui.style import style_sheet

    sheet = style_sheet(scale)
    without_tick = sheet.replace(f" image: url({CHECK_ICON});", "")
    assert hashlib.sha256(without_tick.encode()).hexdigest() == CAPTURED_BEFORE_TICK[scale]
    assert sheet == _style_sheet_before_resources(scale)


@pytest.mark.parametrize("scale", [1.0, 1.2, 1.25, 4 / 3, 2.0, 2.5, 3.0])
def test_style_sheet_scales_as_before_and_leaves_no_placeholder(scale):
    from kiosk.ui.style import style_sheet

    sheet = style_sheet(scale)
    assert "@" not in sheet and "/*" not in sheet
    assert sheet == _style_sheet_before_resources(scale)


def test_every_placeholder_in_the_qss_has_a_size():
    import re

    from kiosk.ui.style import _qss_template, qss_sizes

    names = set(re.findall(r"@(\w+)@", _qss_template()))  # the sheet, without the file's leading comment
    assert "base_px" in names and names <= set(qss_sizes(1.0)) | {"check_icon"}


def test_an_unknown_placeholder_is_an_error_naming_it(monkeypatch):
    from kiosk.ui import style

    monkeypatch.setattr(style, "_qss_template", lambda: "QWidget { font-size: @huge_px@; }")
    with pytest.raises(ValueError, match="station.qss: unknown placeholder @huge_px@"):
        style.style_sheet(1.0)


def test_qt_parses_the_sheet(qapp):
    from PySide6.QtWidgets import QPushButton

    from kiosk.ui.style import style_sheet

    button = QPushButton("Capture")
    button.setStyleSheet(style_sheet(1.5))
    button.ensurePolished()
    assert button.font().pixelSize() == 33  # round(22 * 1.5): the QPushButton rule was applied


# ---------- the loader ----------


def test_a_missing_file_is_named_with_where_it_was_looked_for():
    with pytest.raises(ResourceMissing) as info:
        resource_path("icons", "no-such-icon.svg")
    message = str(info.value)
    assert "icons/no-such-icon.svg" in message and str(RESOURCES / "icons") in message
    assert "reinstall" in message


def test_no_resources_folder_names_the_folders_looked_in(tmp_path):
    (tmp_path / "resources").mkdir()  # a folder called resources that is not the station's
    with pytest.raises(ResourceMissing) as info:
        resources.find_root([tmp_path / "resources", tmp_path / "elsewhere"])
    assert str(tmp_path / "resources") in str(info.value) and str(tmp_path / "elsewhere") in str(info.value)


def test_the_frozen_build_s_folder_comes_first(tmp_path, monkeypatch):
    frozen = tmp_path / "resources"
    (frozen / "style").mkdir(parents=True)
    (frozen / "style" / "station.qss").write_text("QWidget {}")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    found = resources.candidates()
    assert found[0] == frozen and found[1] == RESOURCES
    assert resources.find_root(found) == frozen


def test_resources_module_imports_no_qt():
    code = "import sys, kiosk.resources; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


def test_a_station_without_its_resources_does_not_start(qapp, monkeypatch, capsys):
    """A missing resources/ folder is a broken installation: said on stderr, exit status 3, nothing built."""
    from kiosk import app
    from kiosk.ui import assets

    def missing():
        raise ResourceMissing("the station's resources folder was not found (looked in /nowhere)")

    monkeypatch.setattr(assets, "app_icon", missing)
    monkeypatch.setattr(app.Station, "build", lambda *a, **k: pytest.fail("the station was built"))
    assert app.run_gui(parse_config({}), quit_after=0) == app.EXIT_BROKEN
    assert "resources folder was not found" in capsys.readouterr().err


# ---------- the FLAG sound ----------


def test_flag_sound_is_off_by_default_and_checked():
    assert parse_config({}).ui.flag_sound is False
    assert parse_config({"ui": {"flag_sound": True}}).ui.flag_sound is True
    with pytest.raises(ConfigError, match=r"\[ui\] flag_sound = 'yes': must be true or false"):
        parse_config({"ui": {"flag_sound": "yes"}})


class _FakeProcess:
    def __init__(self):
        self.running = True

    def poll(self):
        return None if self.running else 0


def _result(decision: str):
    from models.decision import Decision

    return SimpleNamespace(result=SimpleNamespace(decision=Decision(decision)))


def test_flag_sound_starts_a_player_in_the_background_for_a_flag_only(monkeypatch):
    from kiosk.ui import assets

    monkeypatch.setattr(assets.sys, "platform", "linux")
    started = []

    def spawn(command):
        started.append(list(command))
        return _FakeProcess()

    sound = assets.FlagSound(spawn=spawn, which=lambda name: f"/usr/bin/{name}", use_qt=False)
    assert sound.backend == "command"
    for decision in ("clear", "review", "retake"):
        sound.on_outcome(_result(decision))
    assert started == []
    sound.on_outcome(_result("flag"))
    assert started == [["/usr/bin/pw-play", str(resource_path("sounds", "flag.wav"))]]
    sound.on_outcome(_result("flag"))  # the first alert still sounding: not started twice on top of it
    assert len(started) == 1
    sound._process.running = False
    sound.on_outcome(_result("flag"))
    assert len(started) == 2
    sound.on_outcome(SimpleNamespace(result=None))  # automatic window still filling
    assert len(started) == 2


def test_flag_sound_without_a_player_is_silent_with_one_log_line(monkeypatch, caplog):
    from kiosk.ui import assets

    monkeypatch.setattr(assets.sys, "platform", "linux")
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.assets"):
        sound = assets.FlagSound(which=lambda name: None, use_qt=False)
        assert sound.backend == "none"
        assert sound.play() is False and sound.play() is False
    assert len(caplog.records) == 1 and "FLAG sound is off" in caplog.text


def test_a_failing_player_never_raises_and_logs_once(monkeypatch, caplog):
    from kiosk.ui import assets

    monkeypatch.setattr(assets.sys, "platform", "linux")

    def spawn(command):
        raise OSError("no sound device")

    with caplog.at_level(logging.WARNING, logger="kiosk.ui.assets"):
        sound = assets.FlagSound(spawn=spawn, which=lambda name: f"/bin/{name}", use_qt=False)
        assert sound.play() is False
        assert sound.play() is False  # switched off after the first failure
    assert len(caplog.records) == 1 and "no sound device" in caplog.text


def test_pyside_without_qt_multimedia_falls_back(qapp, monkeypatch):
    """PySide6-Essentials has no QtMultimedia: the default FlagSound must still construct and not raise."""
    from kiosk.ui import assets

    sound = assets.FlagSound(which=lambda name: None)
    has_multimedia = importlib.util.find_spec("PySide6.QtMultimedia") is not None
    assert sound.backend == ("qt" if has_multimedia else "none" if sys.platform != "win32" else "winsound")


# ---------- packaging ----------


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_on_disk_is_listed_for_the_wheel():
    """pyproject lists its packages (so that resources/ can be mapped to mpox_resources): a new package
    folder must be added there, or it would be missing from the wheel."""
    from setuptools import find_namespace_packages

    setuptools_cfg = _pyproject()["tool"]["setuptools"]
    listed = set(setuptools_cfg["packages"])
    on_disk = {
        p
        for p in find_namespace_packages(where=str(ROOT), include=["models*", "kiosk*", "training*"])
        if "__pycache__" not in p
    }
    resource_dirs = {
        "mpox_resources." + ".".join(d.relative_to(RESOURCES).parts)
        for d in RESOURCES.rglob("*")
        if d.is_dir() and d.name != "__pycache__"
    }
    assert setuptools_cfg["package-dir"]["mpox_resources"] == "resources"
    assert on_disk | resource_dirs | {"mpox_resources"} == listed


def test_the_standalone_build_carries_resources():
    """installer/mpox-kiosk.spec puts resources/ at <_MEIPASS>/resources, where kiosk.resources looks."""
    tree = ast.parse((ROOT / "installer" / "mpox-kiosk.spec").read_text(encoding="utf-8"))
    entries = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "datas" for t in node.targets):
            if isinstance(node.value, ast.List):
                entries += [ast.unparse(e) for e in node.value.elts]
    assert "(str(ROOT / 'resources'), 'resources')" in entries


@pytest.mark.slow
def test_a_built_wheel_carries_resources_and_finds_them_installed(tmp_path):
    """Builds the wheel from a copy of the tree, checks its contents, and calls resource_path from the
    unpacked wheel (laid out as site-packages) in an interpreter that sees neither the checkout nor site."""
    src = tmp_path / "src"
    src.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("models", "kiosk", "training", "resources"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    out = tmp_path / "wheel"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(src),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = out.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in LISTED[:-1] + ["translations/README.md"]:
        assert f"mpox_resources/{name}" in names, name
    assert not any("__pycache__" in n for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "from kiosk.resources import resource_path, resources_root\n"
        "print(resources_root())\n"
        "print(resource_path('sounds', 'flag.wav').stat().st_size)\n"
    )
    run = subprocess.run(
        [sys.executable, "-S", "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    root, size = run.stdout.split()
    assert Path(root) == site / "mpox_resources"
    assert int(size) == resource_path("sounds", "flag.wav").stat().st_size
