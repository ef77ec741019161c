from __future__ import annotations

import numpy as np
import pytest
import torch

from models.bundle import load_bundle
from models.imageio import decode_image
from models.predictor import Predictor
from models.preprocessing import Preprocessor
from training import cache as cachelib
from training.augment import paper_augmentation
from training.data import CachedImageDataset, expand_scarce, target_mask
from training.dataset_manifest import labelled, read_dataset_manifest


def test_training_eval_tensor_equals_what_the_predictor_feeds_the_model(
    tiny_dataset, tmp_path, make_tiny_bundle, monkeypatch
):
    records = labelled(read_dataset_manifest(tiny_dataset))[:6]
    bundle = load_bundle(make_tiny_bundle(seed=3))
    pre = bundle.preprocessor
    images = cachelib.load_images(records, pre.input_size, tmp_path / "cache", progress=False)
    ds = CachedImageDataset(images, target_mask(records, bundle.classes), pre, augment=None)
    fed = []
    predictor = Predictor(bundle, device="cpu", backend="eager")
    original = predictor.runtime.run

    def feed(x, **kw):  # the predictor preprocesses with NumPy (models/serving.py), training with torch
        fed.append(torch.tensor(np.asarray(x)))
        return original(x, **kw)

    monkeypatch.setattr(predictor.runtime, "run", feed)
    predictor.predict([decode_image(r.path) for r in records])
    served = torch.cat(fed)
    trained = torch.stack([ds[i][0] for i in range(len(ds))])
    assert served.shape == trained.shape
    assert torch.equal(served, trained)  # bit-identical: no train/serve skew


def test_cache_is_built_once_and_rebuilt_when_a_file_changes(tiny_dataset, tmp_path, monkeypatch):
    records = labelled(read_dataset_manifest(tiny_dataset))[:4]
    first = cachelib.load_images(records, 32, tmp_path / "c", progress=False)
    assert isinstance(first, np.memmap) and len(list((tmp_path / "c").glob("*.npy"))) == 1

    def no_decoding(path):
        raise AssertionError("decoded again although cached")

    monkeypatch.setattr(cachelib, "decode_image", no_decoding)
    again = cachelib.load_images(records, 32, tmp_path / "c", progress=False)
    assert np.array_equal(first, again)
    monkeypatch.undo()
    import os

    st = records[0].path.stat()
    os.utime(records[0].path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    cachelib.load_images(records, 32, tmp_path / "c", progress=False)
    assert len(list((tmp_path / "c").glob("*.npy"))) == 2


def test_augmentation_only_changes_training_samples(tiny_dataset, tmp_path):
    records = labelled(read_dataset_manifest(tiny_dataset))[:3]
    images = cachelib.load_images(records, 32, tmp_path / "c", progress=False)
    pre = Preprocessor(32, (0.5, 0.5, 0.5), (0.5, 0.5, 0.5))
    masks = target_mask(records, ("mpox", "chickenpox", "measles", "normal"))
    evaluation = CachedImageDataset(images, masks, pre)
    train = CachedImageDataset(images, masks, pre, augment=paper_augmentation(32, p=1.0))
    torch.manual_seed(0)
    assert torch.equal(evaluation[0][0], evaluation[0][0])
    assert not torch.equal(train[0][0], evaluation[0][0])
    out = paper_augmentation(32, p=1.0)(torch.from_numpy(np.array(images[0])).permute(2, 0, 1))
    assert out.dtype == torch.uint8 and out.shape == (3, 32, 32)


def test_colour_jitter_is_an_extra_operation_and_off_by_default():
    """At 0 the set is the paper's, draw for draw (the shipped weights stay reproducible); above 0 one more
    operation changes the colours of a grey-free picture; outside [0, 1] it is refused."""
    image = torch.zeros(3, 32, 32, dtype=torch.uint8)
    image[0], image[1], image[2] = 180, 120, 90  # a flat skin tone: geometry alone leaves it almost flat

    def run(transform, seed):
        torch.manual_seed(seed)
        return transform(image.clone())

    plain, off = paper_augmentation(32, p=1.0), paper_augmentation(32, p=1.0, colour_jitter=0.0)
    assert all(torch.equal(run(plain, s), run(off, s)) for s in range(5))
    strong = paper_augmentation(32, p=1.0, colour_jitter=1.0)
    assert len(strong.transforms[1].transforms) == len(plain.transforms[1].transforms) + 1

    def hue_spread(transform):  # red-to-blue ratio at the centre over several draws
        centre = [run(transform, s)[:, 16, 16].float() for s in range(12)]
        return float(torch.std(torch.stack([c[0] / c[2].clamp_min(1) for c in centre])))

    assert hue_spread(strong) > hue_spread(plain) + 0.05
    with pytest.raises(ValueError, match="colour_jitter"):
        paper_augmentation(32, colour_jitter=2.0)


def test_partial_label_mask_and_scarce_expansion(tiny_dataset):
    records = labelled(read_dataset_manifest(tiny_dataset))
    mask = target_mask(records, ("mpox", "chickenpox", "measles", "normal"))
    others = [i for i, r in enumerate(records) if r.label == "others"]
    assert others and mask[others].tolist() == [[False, True, True, False]] * len(others)
    idx = expand_scarce(records, 15)
    counts = {lab: sum(records[i].label == lab for i in idx) for lab in {r.label for r in records}}
    assert min(counts.values()) == 15 and counts["mpox"] == 20  # mpox (20) is not scarce: untouched


def test_unreadable_image_at_caching_names_the_file(tmp_path):
    from training.dataset_manifest import ManifestError, Record

    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"nope")
    with pytest.raises(ManifestError, match="bad.jpg"):
        cachelib.load_images([Record(bad, "mpox", "s", "g")], 32, tmp_path / "c", progress=False)
