"""Review-list queries: every filter, paging, sorting, hostile input, retention, PPV."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect

from kiosk.store import CaseWriter, StoreError, StoreSettings, accounts, audit, reviews
from kiosk.store.queries import CaseFilter, count_cases, dashboard_data, list_cases, stations
from kiosk.store.retention import purge_images

from .conftest import insert_rows, make_record, media_files

HOSTILE = [
    "'; DROP TABLE cases; --",
    '" OR 1=1 --',
    "100%",
    "a_b",
    "back\\slash",
    "Ünïcødé 旅客 🚑",
    "x" * 300,
]


def test_filters_combine(db):
    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    insert_rows(
        db,
        [
            {"when": t0, "decision": "flag", "top_class": "mpox", "station": "gate-1", "ref": "P1"},
            {
                "when": t0 + timedelta(days=1),
                "decision": "review",
                "top_class": "measles",
                "station": "gate-2",
                "ref": "P2",
                "reason_code": "unknown_condition",
            },
            {
                "when": t0 + timedelta(days=2),
                "decision": "flag",
                "top_class": "mpox",
                "station": "gate-2",
                "ref": "p3",
                "status": "confirmed",
            },
        ],
    )
    assert count_cases(db) == 3
    assert count_cases(db, CaseFilter(decisions=("flag",))) == 2
    assert count_cases(db, CaseFilter(top_classes=("measles",))) == 1
    assert count_cases(db, CaseFilter(stations=("gate-2",), decisions=("flag",))) == 1
    assert count_cases(db, CaseFilter(review_statuses=("confirmed",))) == 1
    assert count_cases(db, CaseFilter(decisions=("review",), reason_codes=("unknown_condition",))) == 1
    assert count_cases(db, CaseFilter(reason_codes=("low_confidence",))) == 0
    assert count_cases(db, CaseFilter(date_from=t0 + timedelta(hours=1), date_to=t0 + timedelta(days=2))) == 1
    # a reference is found by an exact match, whatever its case and spacing (issue 30: sealed at rest)
    assert [c.traveller_ref for c in list_cases(db, CaseFilter(text=" p 1 "))] == ["P1"]
    assert [c.traveller_ref for c in list_cases(db, CaseFilter(text="P3"))] == ["p3"]
    assert count_cases(db, CaseFilter(text="p")) == 0  # no partial match: the database has no clear text
    with pytest.raises(StoreError, match="cannot sort"):
        list_cases(db, sort="traveller_ref")
    assert stations(db) == ["gate-1", "gate-2"]


def test_hostile_text_is_only_text(db):
    refs = [h[:256] for h in HOSTILE] + ["plain", "100 percent", "axb"]
    insert_rows(db, [{"ref": r} for r in refs])
    for needle in HOSTILE:
        found = [c.traveller_ref for c in list_cases(db, CaseFilter(text=needle), limit=100)]
        expected = [r for r in refs if r == needle[:256]] if len(needle) <= 256 else []
        assert found == expected, needle
    assert count_cases(db, CaseFilter(text="%")) == 0  # not a wildcard, for a case id either
    assert count_cases(db, CaseFilter(text="_")) == 0
    assert count_cases(db, CaseFilter(text="y" * 100_000)) == 0
    assert count_cases(db, CaseFilter(stations=("'; DROP TABLE cases; --",))) == 0
    assert "cases" in inspect(db.engine).get_table_names() and count_cases(db) == len(refs)


def test_paging_and_sorting(db):
    insert_rows(db, [{"p": i / 100} for i in range(45)])
    seen = []
    for offset in range(0, 45, 10):
        seen += list_cases(db, sort="top_probability", descending=False, offset=offset, limit=10)
    assert len({c.id for c in seen}) == 45
    assert [c.top_probability for c in seen] == sorted(c.top_probability for c in seen)
    with pytest.raises(StoreError, match="cannot sort"):
        list_cases(db, sort="id; DROP TABLE cases")


@pytest.mark.parametrize("descending", [True, False])
def test_keyset_pages_are_the_whole_ordered_list_once(db, descending):
    """Paging after the last row shown gives every case once, in order, ties (same time, same station)
    broken by id, for every sort key and with a filter on."""
    same = datetime(2025, 3, 1, tzinfo=UTC)
    rows = [
        {
            "p": (i % 7) / 10,
            "when": same if i % 3 == 0 else same + timedelta(minutes=i),
            "station": f"g{i % 4}",
        }
        for i in range(40)
    ]
    insert_rows(db, rows)
    from kiosk.store.queries import SORT_KEYS

    for sort in SORT_KEYS:
        for flt in (CaseFilter(), CaseFilter(stations=("g1", "g2"))):
            whole = list_cases(db, flt, sort=sort, descending=descending, limit=1000)
            paged, last = [], None
            while True:
                page = list_cases(db, flt, sort=sort, descending=descending, limit=7, after=last)
                if not page:
                    break
                paged += page
                last = page[-1]
            assert [c.id for c in paged] == [c.id for c in whole], sort
            assert len(whole) == count_cases(db, flt)


def test_ppv_and_dashboard(db):
    admin_pw = "correct horse battery"
    accounts.create_user(db, "root", admin_pw, "admin", None)
    admin = accounts.authenticate(db, "root", admin_pw)
    ids = insert_rows(db, [{"decision": "flag"}] * 4 + [{"decision": "review", "top_class": "eczema"}])
    for cid, outcome in zip(ids[:3], ("pcr_positive", "pcr_positive", "pcr_negative"), strict=True):
        reviews.review_case(db, admin, cid, "confirm", "to PCR")
        reviews.record_outcome(db, admin, cid, outcome)
    data = dashboard_data(db)
    assert data.flagged_with_outcome == 3 and data.ppv == pytest.approx(2 / 3)
    assert sorted(data.decisions) == ["flag"] * 4 + ["review"] and len(data.top_probabilities) == 5
    history = reviews.view_case(db, admin, ids[0]).history
    assert [(action, outcome) for _, _, action, outcome, _ in history] == [
        ("confirm", None),
        ("outcome", "pcr_positive"),
    ]
    assert audit.verify(db).ok


def test_retention_purges_old_images_keeps_statistics(db, tmp_path):
    writer = CaseWriter(db, StoreSettings(data_dir=tmp_path, retention_days=0))
    writer.start()
    now = datetime.now(UTC)
    old = [writer.submit_case(make_record(seed=i, when=now - timedelta(days=100))) for i in range(3)]
    new = writer.submit_case(make_record(seed=9, when=now - timedelta(days=1)))
    writer.stop()
    assert len(media_files(tmp_path)) == 8
    assert purge_images(db, 90, actor="test") == 3
    assert len(media_files(tmp_path)) == 2  # only the recent case's image and heatmap
    assert count_cases(db) == 4  # the statistics stay
    by_id = {c.id: c for c in list_cases(db)}
    assert all(not by_id[c].has_images for c in old) and by_id[new].has_images
    entry = audit.recent(db, 1)[0]
    assert entry.action == "images_purged" and '"cases": 3' in entry.details
    assert purge_images(db, 90, actor="test") == 0  # idempotent, and nothing more to audit
    assert audit.recent(db, 1)[0].seq == entry.seq
