import pytest

from models.taxonomy import CLASSES, KNOWN_LABELS, OPEN_SET_LABELS, allowed_classes, display_name


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


def test_open_set_labels_are_known_labels_but_not_classes():
    assert set(OPEN_SET_LABELS) == {"other_condition", "not_skin"} and set(OPEN_SET_LABELS) <= KNOWN_LABELS
    assert not set(OPEN_SET_LABELS) & set(CLASSES)


def test_partial_and_unlabelled_are_understood():
    assert {"others", "unlabelled"} <= KNOWN_LABELS
    assert allowed_classes("others") == (CLASSES.index("chickenpox"), CLASSES.index("measles"))
    assert allowed_classes("mpox") == (0,)
    with pytest.raises(ValueError, match="unlabelled"):
        allowed_classes("unlabelled")


def test_display_names():
    assert display_name("urticaria") == "Urticaria (hives)"
    assert display_name("some_new_class") == "Some new class"
