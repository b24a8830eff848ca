"""Reviews: stored apart, applied on read, surviving re-extraction, refusing stale and bad input.

The store-level tests run on SQLite and on PostgreSQL (the ``rstore`` fixture)."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect

from rashomon import Code, Store, analyze
from rashomon.align.events import make_event
from rashomon.errors import ReviewError
from rashomon.review import (
    APPLIED,
    ORPHANED,
    SUPERSEDED,
    ReviewedView,
    add_review,
    add_user,
    import_reviews,
    iter_reviews,
    parse_field,
    reviewed_claims,
    reviewed_events,
    verify_user,
)
from rashomon.store import schema
from rashomon.store.migrations import MIGRATIONS
from tests.conftest import estimate_of
from tests.review_data import TEXTS, build


@pytest.fixture(params=["sqlite", "postgresql"])
def rstore(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    location = (
        request.getfixturevalue("pg_url") if request.param == "postgresql" else tmp_path / "r.db"
    )
    with Store(location) as store:
        yield store


def _events(store: Store) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in reviewed_events(store)}


def _event_of(store: Store, claim_id: str) -> dict[str, Any]:
    return next(e for e in reviewed_events(store) if claim_id in e["claims"])


def _machine(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return store.current_claims(), store.events()


# -- schema ----------------------------------------------------------------------------------


def test_migration_4_adds_review_tables_to_a_version_3_store(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        schema.meta.create(conn)
        for version in (1, 2, 3):
            MIGRATIONS[version](conn)
        conn.execute(schema.meta.insert().values(key="schema_version", value="3"))
    engine.dispose()
    with Store(db) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        store.add_document(
            __import__("rashomon").Document(text="x 1", path="x.txt", media_type="text/plain")
        )
    tables = set(inspect(create_engine(f"sqlite:///{db}")).get_table_names())
    assert {"reviews", "review_heads", "users"} <= tables
    conn = sqlite3.connect(db)
    assert conn.execute("select value from rashomon_meta").fetchone() == (
        str(schema.SCHEMA_VERSION),
    )
    indexes = {r[1] for r in conn.execute("pragma index_list('reviews')")}
    assert "ix_reviews_target" in indexes
    conn.close()


# -- typed values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "low", "high", "qualifier"),
    [
        ("3000", 3000, 3000, "exact"),
        ("3,000", 3000, 3000, "exact"),
        ("~3000", 3000, 3000, "approx"),
        (">3000", 3000, None, "more_than"),
        (">=3000", 3000, None, "at_least"),
        ("<3000", None, 3000, "less_than"),
        ("<=3000", None, 3000, "at_most"),
        ("3000-12000", 3000, 12000, "range"),
        ("3 000 – 12 000", 3000, 12000, "range"),
    ],
)
def test_typed_values(typed: str, low: int | None, high: int | None, qualifier: str) -> None:
    assert parse_field("value", typed) == {"low": low, "high": high, "qualifier": qualifier}


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("value", "-5", "negative"),
        ("value", "12000-3000", "backwards"),
        ("value", "many", "not a whole number"),
        ("value", "", "a value is needed"),
        ("measure", "kiled", "unknown measure"),
        ("qualifier", "roughly", "unknown qualifier"),
        ("time", "1918-13-45", "not a date"),
        ("time", "March 1918", "not a date"),
        ("time", "1918-09-17..1918-09-15", "backwards"),
        ("stance", "denied", "stance must be"),
        ("colour", "red", "unknown field"),
    ],
)
def test_invalid_values_are_refused(field: str, typed: str, message: str) -> None:
    with pytest.raises(ReviewError) as err:
        parse_field(field, typed)
    assert err.value.code is Code.BAD_REVIEW and message in str(err.value)


def test_typed_names_times_and_stances() -> None:
    perps = parse_field("perpetrators", "Home Guard; the militia of Brisk, north")
    assert [p["name"] for p in perps] == ["Home Guard", "the militia of Brisk, north"]
    assert all(p["basis"] == "review" for p in perps)
    assert parse_field("perpetrators", "") == []
    assert parse_field("time", "1918-09-15..1918-09-17")["precision"] == "day"
    assert parse_field("time", "1918-09")["end"] == "1918-09"
    assert parse_field("time", "none") is None
    assert parse_field("stance", "rejected by the ministry") == {
        "status": "rejected",
        "by": {"text": "the ministry"},
    }
    assert parse_field("stance", "asserted") is None
    assert parse_field("attribution", "none") is None
    baku = parse_field("places", "Baku")[0]
    assert baku["id"] and baku["lat"] is not None  # resolved in the gazetteer


# -- the reviewed view --------------------------------------------------------------------------


def test_corrections_apply_on_read_and_machine_output_is_untouched(
    rstore: Store, tmp_path: Path
) -> None:
    corpus = build(rstore, tmp_path / "docs")
    before = _machine(rstore)
    a_killed = corpus.claims[("a.txt", "killed")]
    review = add_review(
        rstore,
        a_killed,
        "correct",
        author="alice",
        field="perpetrators",
        value="Brisk militia",
        reason="the Home Guard is named as the source, not the perpetrator",
    )
    add_review(rstore, a_killed, "correct", author="bob", field="value", value="350")
    assert _machine(rstore) == before  # claims and events as the machine wrote them
    claim = next(c for c in reviewed_claims(rstore) if c["id"] == a_killed)
    assert [p["name"] for p in claim["perpetrators"]] == ["Brisk militia"]
    marks = claim["review"]["fields"]
    assert marks["perpetrators"]["by"] == "alice" and marks["perpetrators"]["review"] == review.id
    assert marks["perpetrators"]["machine"] == next(
        c["perpetrators"] for c in before[0] if c["id"] == a_killed
    )
    assert claim["value"]["low"] == 350 and claim["value"]["text"] == "About 300"
    assert claim["review"]["status"] == "corrected"
    # The event is rebuilt from the reviewed claims by make_event: same estimates, disputes.
    event = _event_of(rstore, a_killed)
    view = ReviewedView(rstore)
    reviewed = view.claims_by_id(event["claims"])
    rebuilt = make_event([reviewed[i] for i in event["claims"]], event["dispute_ratio"])
    assert event["estimates"] == rebuilt["estimates"]
    assert event["disputes"] == rebuilt["disputes"]
    assert event["review"]["claims_reviewed"] == [a_killed]
    killed = estimate_of(event, "killed")
    assert (killed["low"], killed["high"]) == (350, 900)


def test_rejecting_a_figure_removes_it_from_estimates_and_disputes(
    rstore: Store, tmp_path: Path
) -> None:
    corpus = build(rstore, tmp_path / "docs")
    b_killed = corpus.claims[("b.txt", "killed")]
    event = _event_of(rstore, b_killed)
    assert any(d["kind"] == "figure" for d in event["disputes"])  # 300 against 900
    add_review(rstore, b_killed, "reject", author="alice", reason="a postcode")
    after = _event_of(rstore, corpus.claims[("a.txt", "killed")])
    assert b_killed not in after["claims"]
    assert estimate_of(after, "killed")["n_sources"] == 1
    assert not any(d["kind"] == "figure" for d in after["disputes"])
    assert b_killed not in {c["id"] for c in reviewed_claims(rstore)}
    rejected = [c for c in reviewed_claims(rstore, include_rejected=True) if c["id"] == b_killed]
    assert rejected[0]["review"]["status"] == "rejected"
    # A later acceptance overrides the rejection (the latest decision wins).
    add_review(rstore, b_killed, "accept", author="bob")
    assert b_killed in _event_of(rstore, b_killed)["claims"]
    statuses = ReviewedView(rstore).status
    assert sorted(statuses.values()) == [APPLIED, SUPERSEDED]


def test_merge_and_split_hold_on_to_claims(rstore: Store, tmp_path: Path) -> None:
    corpus = build(rstore, tmp_path / "docs")
    a, b, c = (corpus.claims[(n, "killed")] for n in ("a.txt", "b.txt", "c.txt"))
    add_review(
        rstore, corpus.events["a.txt"], "merge", author="alice", other=corpus.events["c.txt"]
    )
    merged = _event_of(rstore, a)
    assert {a, b, c} <= set(merged["claims"]) and len(_events(rstore)) == 1
    assert sorted(merged["review"]["machine_events"]) == sorted(set(corpus.events.values()))
    assert estimate_of(merged, "killed")["n_sources"] == 3
    # A review names an event id the merge took away: a clear error, nothing written.
    with pytest.raises(ReviewError) as err:
        add_review(rstore, corpus.events["c.txt"], "note", author="bob", note="x")
    assert err.value.code is Code.UNKNOWN_TARGET and "merged or split" in str(err.value)
    assert len(list(iter_reviews(rstore))) == 1
    # Split the first claim off: the rest of the event gets a new id (ids follow the earliest
    # claim), and a review of that new id still holds on to claims.
    add_review(rstore, merged["id"], "split", author="bob", claims=[a[:8]])
    events = _events(rstore)
    assert len(events) == 2
    alone, rest = _event_of(rstore, a), _event_of(rstore, b)
    assert alone["claims"] == [a] and c in rest["claims"]
    assert alone["id"] == merged["id"] != rest["id"]
    add_review(rstore, rest["id"], "split", author="bob", claims=[c])
    assert _event_of(rstore, c)["claims"] == [c]
    assert len(_events(rstore)) == 3
    view = ReviewedView(rstore)
    assert set(view.status.values()) == {APPLIED}
    assert view.event_of(c) == _event_of(rstore, c)["id"]


def test_reviews_survive_re_extraction_by_a_new_extractor(
    rstore: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = build(rstore, tmp_path / "docs")
    a, b, c = (corpus.claims[(n, "killed")] for n in ("a.txt", "b.txt", "c.txt"))
    injured = corpus.claims[("b.txt", "injured")]
    add_review(rstore, a, "correct", author="alice", field="perpetrators", value="Brisk militia")
    add_review(rstore, b, "correct", author="alice", field="time", value="1931-05-01..1931-05-02")
    add_review(rstore, injured, "reject", author="alice")
    add_review(rstore, a, "note", author="bob", note="check against the council minutes")
    add_review(rstore, corpus.events["a.txt"], "merge", author="bob", other=corpus.events["c.txt"])
    merged = _event_of(rstore, a)
    add_review(rstore, merged["id"], "split", author="bob", claims=[c])
    add_review(rstore, corpus.events["a.txt"], "note", author="bob", note="one episode")
    expected = {e["id"]: (e["claims"], e["estimates"]) for e in reviewed_events(rstore)}

    import rashomon.extract.claims as claims_module
    import rashomon.pipeline as pipeline

    monkeypatch.setattr(claims_module, "EXTRACTOR", "rashomon 99.0")
    monkeypatch.setattr(pipeline, "EXTRACTOR", "rashomon 99.0")
    summary = analyze(rstore, [corpus.folder])
    assert summary.extraction.documents == len(TEXTS)  # every document re-extracted
    assert {c["extractor"] for c in rstore.current_claims()} == {"rashomon 99.0"}
    view = ReviewedView(rstore)
    assert [view.status[r.id] for r in view.reviews] == [APPLIED] * len(view.reviews)
    assert [p["name"] for p in (view.claim(a) or {})["perpetrators"]] == ["Brisk militia"]
    assert injured not in {c["id"] for c in reviewed_claims(rstore)}
    after = {e["id"]: (e["claims"], e["estimates"]) for e in reviewed_events(rstore)}
    assert after == expected


def test_reviews_of_vanished_claims_are_kept_as_orphans(rstore: Store, tmp_path: Path) -> None:
    corpus = build(rstore, tmp_path / "docs")
    a = corpus.claims[("a.txt", "killed")]
    kept = add_review(rstore, a, "correct", author="alice", field="value", value="310")
    add_review(rstore, corpus.claims[("b.txt", "killed")], "accept", author="alice")
    add_review(rstore, corpus.events["a.txt"], "merge", author="bob", other=corpus.events["c.txt"])
    # New versions of a.txt and c.txt: their claims have new ids (the text, hence the
    # document, changed).  The merge still holds on to b.txt's claims on one side, but none
    # of the other side's.
    for name, old, new in (("a.txt", "About 300", "About 320"), ("c.txt", "25", "26")):
        (corpus.folder / name).write_text(TEXTS[name].replace(old, new), "utf-8")
    analyze(rstore, [corpus.folder])
    view = ReviewedView(rstore)
    assert [r.id for r in view.orphans()] == [kept.id, view.reviews[2].id]
    assert len(view.reviews) == 3  # nothing dropped
    assert view.status[view.reviews[1].id] == APPLIED


def test_stale_and_concurrent_reviews_are_refused(rstore: Store, tmp_path: Path) -> None:
    corpus = build(rstore, tmp_path / "docs")
    a = corpus.claims[("a.txt", "killed")]
    seen = ReviewedView(rstore).version("claim", a)
    assert seen is not None and seen.startswith("0.")
    add_review(rstore, a, "correct", author="alice", field="value", value="310", version=seen)
    with pytest.raises(ReviewError) as err:
        add_review(rstore, a, "correct", author="bob", field="value", value="330", version=seen)
    assert err.value.code is Code.STALE_REVIEW and "nothing was saved" in str(err.value)
    # Two reviewers who loaded the same version submit at the same moment: one wins.
    seen = ReviewedView(rstore).version("claim", a)
    start = threading.Barrier(4)
    outcomes: list[str] = []

    def reviewer(name: str) -> None:
        start.wait()
        try:
            add_review(rstore, a, "correct", author=name, field="value", value="400", version=seen)
            outcomes.append("stored")
        except ReviewError as exc:
            outcomes.append(exc.code.value)

    threads = [threading.Thread(target=reviewer, args=(f"r{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["E020", "E020", "E020", "stored"]
    assert len(list(iter_reviews(rstore))) == 2
    # The same race on a target nobody has reviewed yet (the counter row does not exist).
    b = corpus.claims[("b.txt", "killed")]
    seen = ReviewedView(rstore).version("claim", b)
    outcomes.clear()
    start = threading.Barrier(2)

    def first(name: str) -> None:
        start.wait()
        try:
            add_review(rstore, b, "accept", author=name, version=seen)
            outcomes.append("stored")
        except ReviewError as exc:
            outcomes.append(exc.code.value)

    pair = [threading.Thread(target=first, args=(n,)) for n in ("x", "y")]
    for t in pair:
        t.start()
    for t in pair:
        t.join()
    assert sorted(outcomes) == ["E020", "stored"]


def test_bad_reviews_change_nothing(rstore: Store, tmp_path: Path) -> None:
    corpus = build(rstore, tmp_path / "docs")
    a = corpus.claims[("a.txt", "killed")]
    cases: list[tuple[dict[str, Any], Code]] = [
        ({"target": "ffff0000", "action": "accept"}, Code.UNKNOWN_TARGET),
        ({"target": "ev-0000000000000000", "action": "note", "note": "x"}, Code.UNKNOWN_TARGET),
        ({"target": "no/such/file.txt", "action": "accept"}, Code.UNKNOWN_TARGET),
        ({"target": a, "action": "correct", "field": "value", "value": "-3"}, Code.BAD_REVIEW),
        ({"target": a, "action": "correct", "field": "measure", "value": "x"}, Code.BAD_REVIEW),
        ({"target": a, "action": "correct", "field": "time", "value": "31/02"}, Code.BAD_REVIEW),
        ({"target": a, "action": "merge", "other": "ev-"}, Code.BAD_REVIEW),
        ({"target": a, "action": "note", "note": "  "}, Code.BAD_REVIEW),
        ({"target": corpus.events["a.txt"], "action": "reject"}, Code.BAD_REVIEW),
        (
            {"target": corpus.events["a.txt"], "action": "split", "claims": ["abcdef"]},
            Code.BAD_REVIEW,
        ),
        (
            {
                "target": corpus.events["c.txt"],
                "action": "split",
                "claims": [corpus.claims[("c.txt", "killed")]],
            },
            Code.BAD_REVIEW,
        ),
        (
            {"target": corpus.events["a.txt"], "action": "merge", "other": corpus.events["a.txt"]},
            Code.BAD_REVIEW,
        ),
        ({"target": a, "action": "accept", "version": "garbage"}, Code.BAD_REVIEW),
        ({"target": a, "action": "accept", "author": "../etc"}, Code.BAD_REVIEW),
    ]
    for case, code in cases:
        args = dict(case)
        target, action = args.pop("target"), args.pop("action")
        author = args.pop("author", "alice")
        with pytest.raises(ReviewError) as err:
            add_review(rstore, target, action, author=author, **args)
        assert err.value.code is code, (case, str(err.value))
    assert list(iter_reviews(rstore)) == []


def test_readers_cannot_review_and_passwords_are_hashed(rstore: Store, tmp_path: Path) -> None:
    corpus = build(rstore, tmp_path / "docs")
    a = corpus.claims[("a.txt", "killed")]
    add_review(rstore, a, "accept", author="anyone")  # no accounts yet: anyone may review
    add_user(rstore, "rita", "reader", "reader-pass-1")
    add_user(rstore, "rev", "reviewer", "reviewer-pass-1")
    with pytest.raises(ReviewError) as err:
        add_review(rstore, a, "accept", author="rita")
    assert err.value.code is Code.FORBIDDEN and "readers cannot review" in str(err.value)
    with pytest.raises(ReviewError) as err:
        add_review(rstore, a, "accept", author="anyone")
    assert err.value.code is Code.FORBIDDEN
    add_review(rstore, a, "accept", author="rev")
    assert verify_user(rstore, "rev", "reviewer-pass-1") is not None
    assert verify_user(rstore, "rev", "wrong-password") is None
    assert verify_user(rstore, "nobody", "reviewer-pass-1") is None
    with rstore.engine.connect() as conn:
        hashes = [r.password_hash for r in conn.execute(schema.users.select())]
    assert all(h.startswith("$argon2") and "pass" not in h for h in hashes)
    with pytest.raises(ReviewError):
        add_user(rstore, "short", "reviewer", "1234567")
    with pytest.raises(ReviewError):
        add_user(rstore, "rev", "reviewer", "another-pass")  # exists


def test_export_import_round_trip_is_idempotent(rstore: Store, tmp_path: Path) -> None:
    corpus = build(rstore, tmp_path / "docs")
    a = corpus.claims[("a.txt", "killed")]
    add_review(rstore, a, "correct", author="alice", field="perpetrators", value="Brisk militia")
    add_review(rstore, corpus.events["a.txt"], "merge", author="bob", other=corpus.events["c.txt"])
    lines = [json.dumps(r.to_dict()) for r in iter_reviews(rstore)]
    with Store(tmp_path / "other.db") as other:
        build(other, tmp_path / "docs2")
        bad = [
            "not json",
            json.dumps({**json.loads(lines[0]), "id": "0" * 32, "value": [{"x": 1}]}),
            json.dumps({**json.loads(lines[0]), "id": "1" * 32, "action": "explode"}),
        ]
        numbered = list(enumerate([*lines, *bad], 1))
        assert import_reviews(other, numbered)[:2] == (2, 0)
        imported, present, problems = import_reviews(other, numbered)
        assert (imported, present) == (0, 2)
        assert [p.split(":")[0] for p in problems] == ["line 3", "line 4", "line 5"]
        assert [r.to_dict() for r in iter_reviews(other)] == [json.loads(x) for x in lines]
        # The same documents give the same claim ids: the reviews apply in the other store.
        view = ReviewedView(other)
        assert set(view.status.values()) == {APPLIED}
        assert {e["id"]: e["claims"] for e in view.events()} == {
            e["id"]: e["claims"] for e in reviewed_events(rstore)
        }


def test_orphan_statuses_for_imported_reviews_of_unknown_documents(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        corpus = build(store, tmp_path / "docs")
        add_review(store, corpus.claims[("a.txt", "killed")], "accept", author="alice")
        lines = [json.dumps(r.to_dict()) for r in iter_reviews(store)]
    with Store(tmp_path / "empty.db") as empty:
        assert import_reviews(empty, enumerate(lines, 1))[0] == 1
        view = ReviewedView(empty)
        assert [view.status[r.id] for r in view.reviews] == [ORPHANED]
