from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pytest
import torch

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
SKIN_DIR = Path(os.environ.get("MPOX_SKIN_DATA", REPO_ROOT.parent / "shared" / "data" / "skin"))


def real_data_available() -> bool:
    return (SKIN_DIR / "manifest.csv").is_file()


@pytest.fixture(autouse=True, scope="session")
def _inference_cache_in_tmp(tmp_path_factory):
    """ONNX exports of models.runtime go to a per-session folder, never the user's cache; the default data
    and configuration folders (platformdirs: XDG on Linux) too, so a command run without --config
    (mpox-screen) never reads or writes the user's own station data."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MPOX_CACHE_DIR", str(tmp_path_factory.mktemp("mpox-cache")))
        mp.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
        mp.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg-config")))
        yield


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashing():
    """Accounts are hashed with argon2id as at a station, at the lowest cost argon2 allows: the tests create
    and log in hundreds of accounts, and the production cost (about 0.12 s a hash) was a third of the store
    and review tests' time. The station's own parameters are untouched (kiosk/store/accounts.py)."""
    from argon2 import PasswordHasher

    import kiosk.store.accounts as accounts

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        mp.setattr(accounts, "_DUMMY_HASH", accounts._hasher.hash("not-a-password-of-anyone"))
        yield


@pytest.fixture(autouse=True, scope="session")
def _garbage_collected_on_the_main_thread():
    """Python's collector runs only here, in the main thread, after each test (see ``_collect_after_test``).

    Left automatic, it may run in a station's worker thread (the case writer) and free the wrapper of a Qt
    widget of an earlier test: PySide6 then defers the C++ deletion to the main thread, where it ran inside an
    application event filter during a paint and deadlocked on a Qt mutex (a suite hung once at
    tests/kiosk/test_traveller.py; py-spy showed ~QObject waiting in QBasicMutex::lockInternal)."""
    import gc

    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_test():
    import gc

    yield
    gc.collect()
    gc.freeze()  # what survived is kept out of the next collections: each one then scans one test's objects


def pin_at_stations(bundle: Path, tmp_path: Path | None = None) -> None:
    """Pin ``bundle`` as an installed bundle is: beside it (``mpox-train pin``) and in the station's own pins
    (``mpox-kiosk trust pin``) of the test's station data folder (``tmp_path/data``, the kiosk tests'
    configuration; by default the folder above the bundles' folder) and of the default one (mpox-screen
    without --config)."""
    from kiosk.config import default_data_dir
    from kiosk.trust import TRUSTED_PINS_DIRNAME
    from models.trust import station_pin_path, write_pin

    tmp_path = Path(bundle).parents[1] if tmp_path is None else tmp_path  # tmp_path/bundles/NAME
    write_pin(bundle)
    for data_dir in (tmp_path / "data", default_data_dir()):
        folder = data_dir / TRUSTED_PINS_DIRNAME
        folder.mkdir(parents=True, exist_ok=True)
        write_pin(bundle, out=station_pin_path(folder, bundle))


@pytest.fixture
def skin_dir() -> Path:
    if not real_data_available():
        pytest.skip(f"real images not found at {SKIN_DIR} (set MPOX_SKIN_DATA or place ../shared/data/skin)")
    return SKIN_DIR


@pytest.fixture
def make_tiny_bundle(tmp_path):
    """Factory: a tiny_cnn bundle; with ``probs`` its output is those probabilities whatever the input. It is
    pinned as an installed bundle is (``pin_at_stations``), unless ``pin=False``."""
    from models.bundle import make_manifest, save_bundle
    from models.registry import build_model
    from models.taxonomy import CLASSES

    def make(
        probs=None, name="tiny", classes=CLASSES, thresholds=None, seed=0, pin=True, **manifest_kwargs
    ) -> Path:
        torch.manual_seed(seed)
        model = build_model("tiny_cnn", len(classes))
        if probs is not None:
            with torch.no_grad():
                model.fc.weight.zero_()
                model.fc.bias.copy_(torch.log(torch.tensor(probs, dtype=torch.float32).clamp_min(1e-9)))
        manifest = make_manifest(
            model, "tiny_cnn", classes, name=name, thresholds=thresholds, **manifest_kwargs
        )
        path = save_bundle(model, tmp_path / "bundles" / name, manifest)
        if pin:
            pin_at_stations(path, tmp_path)
        return path

    return make


def one_hot_probs(cls: str, p: float) -> list[float]:
    """Probabilities with ``p`` on ``cls`` and the rest spread evenly over the other classes."""
    from models.taxonomy import CLASSES

    rest = (1.0 - p) / (len(CLASSES) - 1)
    return [p if c == cls else rest for c in CLASSES]


@pytest.fixture
def rgb_image():
    rng = np.random.default_rng(0)
    return rng.integers(0, 256, size=(120, 160, 3), dtype=np.uint8)


def wait_for(predicate, timeout: float = 10.0) -> bool:
    """Poll ``predicate`` until true; the timeout only ends a hung test (nothing is asserted about speed)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def case_database(data_dir: Path):
    """A plain sqlite3 connection to a station's case log, as a test reads it directly, with the SQL function
    ``reveal(id, traveller_ref)`` that opens a sealed traveller reference with the station's key (the column
    itself never holds one in clear: kiosk/store/references.py)."""
    import sqlite3

    from kiosk.store.references import ReferenceCipher

    conn = sqlite3.connect(Path(data_dir) / "cases.sqlite3")
    key_file = Path(data_dir) / "keys" / "media.key"
    opener = (
        ReferenceCipher(key_file.read_bytes()).open if key_file.is_file() else (lambda _id, stored: stored)
    )
    conn.create_function("reveal", 2, opener)
    return conn
