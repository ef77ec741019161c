"""models.fsutil: the one atomic write (whole or absent, exact mode, no temporary file left)."""

import stat

import pytest

from models.fsutil import atomic_path, atomic_write


def test_atomic_write_sets_the_mode_and_replaces(tmp_path):
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    atomic_write(target, b"new", mode=0o600)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_a_failed_write_leaves_the_target_and_no_temporary(tmp_path):
    target = tmp_path / "ckpt.pt"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("disk gone")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["ckpt.pt"]


def test_a_failed_bundle_install_leaves_the_installed_bundle(tmp_path, monkeypatch):
    import shutil

    from training.recipe import install_bundle

    final, install = tmp_path / "final", tmp_path / "bundles" / "default"
    final.mkdir()
    (final / "manifest.json").write_text("new")
    install.mkdir(parents=True)
    (install / "manifest.json").write_text("old")

    def broken_copy(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(shutil, "copytree", broken_copy)
    with pytest.raises(OSError):
        install_bundle(final, install)
    assert (install / "manifest.json").read_text() == "old"
    assert [p.name for p in install.parent.iterdir()] == ["default"]
    monkeypatch.undo()
    install_bundle(final, install)
    assert (install / "manifest.json").read_text() == "new"
    assert [p.name for p in install.parent.iterdir()] == ["default"]
