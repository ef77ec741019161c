"""Self-supervised (SimCLR) pre-training of backbones, built from lightly's parts.

``checkpoint`` holds the artefact handed on to supervised fine-tuning (``fit --init simclr:PATH``).
"""

from .checkpoint import (
    SimCLRCheckpointError,
    load_simclr_backbone,
    read_simclr_metadata,
    save_simclr_backbone,
)

__all__ = ["SimCLRCheckpointError", "load_simclr_backbone", "read_simclr_metadata", "save_simclr_backbone"]
