"""A bundle assembled in memory and written once.

The producer's steps add to one draft (the network, the manifest, the bundle's other files by name): the
recipe adds its open-set head, int8 graph, ONNX graph and model card, then writes the folder once with
``models.bundle.save_bundle``, the one bundle writer (every file, then ``manifest.json`` listing their
SHA-256, swapped in whole), and loads it back to verify it. The commands that add one thing to an existing
bundle (``mpox-train open-set``, ``quantize``, ``onnx``) start a draft from it (:meth:`BundleDraft.of`) and
write it once too.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from torch import nn

from models.bundle import MANIFEST_NAME, Bundle, load_bundle, save_bundle


@dataclass
class BundleDraft:
    """A bundle not yet written: its network, its manifest, and its other files (name -> bytes)."""

    model: nn.Module
    manifest: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    # The bundle folder the draft started from: named in messages about it, never read for its files.
    origin: Path = Path("bundle draft")

    @classmethod
    def of(cls, bundle: Bundle) -> BundleDraft:
        """A written bundle as a draft, its other files (an int8 graph, an open-set head, the model card...)
        kept: adding to it and writing it again leaves them with it."""
        weights = bundle.manifest["weights_file"]
        files = {
            p.name: p.read_bytes()
            for p in sorted(bundle.path.iterdir())
            if p.is_file() and p.name not in (weights, MANIFEST_NAME)
        }
        return cls(bundle.model, dict(bundle.manifest), files, bundle.path)

    def add(self, files: dict[str, bytes] | None = None, **entries: Any) -> None:
        """Add (or replace) files and manifest entries; the files' SHA-256 are listed when it is written."""
        self.files.update(files or {})
        self.manifest.update(entries)

    def as_bundle(self) -> Bundle:
        """The draft's network and manifest as a ``Bundle``, for the steps that only compute with them
        (fitting the open-set head, calibrating the int8 graph, exporting the ONNX graph). None of its files
        is on disk yet: the bundle lists none, so asking for one is refused (``VerifiedBundle.file``)."""
        return Bundle(path=self.origin, manifest=dict(self.manifest), model=self.model, digest="", files={})

    def write(self, out: str | Path) -> Bundle:
        """Write the draft to ``out`` in one atomic swap and load it back: what was written is verified."""
        return load_bundle(save_bundle(self.model, out, self.manifest, extra_files=self.files))

    @contextlib.contextmanager
    def staged(self, beside: str | Path) -> Iterator[Bundle]:
        """The draft as it is now, written to a temporary folder in ``beside`` and loaded from there, for a
        step that must read it through the station's own path (which reads the bundle's files); the folder is
        removed afterwards."""
        with tempfile.TemporaryDirectory(prefix=".bundle-draft.", dir=beside) as tmp:
            yield self.write(Path(tmp) / "bundle")
