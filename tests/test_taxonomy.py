import pytest

from models.taxonomy import CLASSES, INFECTIOUS, KNOWN_LABELS, allowed_classes, display_name


def test_eight_classes_in_paper_order():
    assert CLASSES == (
        "mpox",
        "chickenpox",
        "measles",
        "normal",
        "eczema",
        "urticaria",
        "bullous",
        "vasculitis",
    )


def test_infectious_classes():
    assert INFECTIOUS == {"mpox", "chickenpox", "measles"}


def test_partial_and_unlabelled_are_understood():
    assert {"others", "unlabelled"} <= KNOWN_LABELS
    assert allowed_classes("others") == (CLASSES.index("chickenpox"), CLASSES.index("measles"))
    assert allowed_classes("mpox") == (0,)
    with pytest.raises(ValueError, match="unlabelled"):
        allowed_classes("unlabelled")


def test_display_names():
    assert display_name("urticaria") == "Urticaria (hives)"
    assert display_name("some_new_class") == "Some new class"
