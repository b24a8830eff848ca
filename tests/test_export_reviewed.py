"""Exports show the reviewed view: a corrected perpetrator reaches every format, with the
review (reviewer, time) as its provenance; a rejected figure leaves; reviews export too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest
from rdflib import Graph, Literal

from rashomon import Store, ingest_paths
from rashomon.export import export, import_jsonl
from rashomon.pipeline import demo_corpus
from rashomon.review import add_review, import_reviews, reviewed_claims
from tests._export_data import build_store

CORRECTED = "Osterlo Night Watch (fictional)"


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("reviewed")
    db = build_store(folder)
    with Store(db) as store:
        claims = store.current_claims()
        target = next(c for c in claims if (c["value"] or {}).get("text") == "at least 1,200")
        dropped = next(c for c in claims if (c["value"] or {}).get("text") == "about 3,000")
        review = add_review(
            store,
            target["id"],
            "correct",
            author="alice",
            field="perpetrators",
            value=CORRECTED,
            reason="named two lines earlier",
        )
        add_review(store, dropped["id"], "reject", author="bob", reason="not a count")
    return {"db": db, "claim": target, "dropped": dropped, "review": review, "folder": folder}


def _out(r: dict[str, Any], fmt: str, what: str) -> Path:
    out = Path(r["folder"]) / f"{what}.{fmt}"
    with Store(r["db"]) as store:
        export(store, fmt, what, out)
    return out


def test_jsonl_claims_and_events_are_reviewed(reviewed: dict[str, Any]) -> None:
    claims = [json.loads(x) for x in _out(reviewed, "jsonl", "claims").read_text().splitlines()]
    by_id = {c["id"]: c for c in claims}
    claim = by_id[reviewed["claim"]["id"]]
    assert [p["name"] for p in claim["perpetrators"]] == [CORRECTED]
    mark = claim["review"]["fields"]["perpetrators"]
    assert (mark["by"], mark["at"], mark["machine"]) == (
        "alice",
        reviewed["review"].created_at,
        reviewed["claim"]["perpetrators"],
    )
    assert reviewed["dropped"]["id"] not in by_id
    events = [json.loads(x) for x in _out(reviewed, "jsonl", "events").read_text().splitlines()]
    holding = [e for e in events if reviewed["claim"]["id"] in e["claims"]]
    assert len(holding) == 1
    assert reviewed["claim"]["id"] in holding[0]["review"]["claims_reviewed"]
    assert all(reviewed["dropped"]["id"] not in e["claims"] for e in events)


def test_ged_csv_names_the_corrected_perpetrator_and_who_changed_it(
    reviewed: dict[str, Any],
) -> None:
    df = pd.read_csv(_out(reviewed, "ged-csv", "events"), dtype=str, keep_default_na=False)
    rows = df[df["side_a"].str.contains(CORRECTED, regex=False)]
    assert len(rows) == 1 and rows["measure"].iloc[0] == "killed"
    assert "perpetrators corrected by alice" in rows["reviewed"].iloc[0]
    assert (
        f"{CORRECTED} (according to the Valdmark Relief Committee)"
        in (rows["side_a_by_source"].iloc[0])
    )
    injured = df[(df["event_id"] == rows["event_id"].iloc[0]) & (df["measure"] == "injured")]
    assert "about 3,000" not in " ".join(injured["reviewed"]) and "3000" not in " ".join(
        injured["high"]
    )


def test_parquet_keeps_the_review_block(reviewed: dict[str, Any]) -> None:
    rows = pq.read_table(_out(reviewed, "parquet", "claims")).to_pylist()
    row = next(r for r in rows if r["id"] == reviewed["claim"]["id"])
    assert [p["name"] for p in row["perpetrators"]] == [CORRECTED]
    assert row["review"]["status"] == "corrected"
    (field,) = row["review"]["fields"]
    assert (field["field"], field["by"], field["reason"]) == (
        "perpetrators",
        "alice",
        "named two lines earlier",
    )
    assert json.loads(field["machine"]) == reviewed["claim"]["perpetrators"]
    assert all(r["review"] is None for r in rows if r["id"] != reviewed["claim"]["id"])
    events = pq.read_table(_out(reviewed, "parquet", "events")).to_pylist()
    assert any(
        reviewed["claim"]["id"] in (e["review"] or {}).get("claims_reviewed", []) for e in events
    )
    reviews = pq.read_table(_out(reviewed, "parquet", "reviews")).to_pylist()
    assert {(r["author"], r["action"], r["status"]) for r in reviews} == {
        ("alice", "correct", "applied"),
        ("bob", "reject", "applied"),
    }
    assert (
        json.loads(next(r["value"] for r in reviews if r["author"] == "alice"))[0]["name"]
        == CORRECTED
    )


@pytest.mark.parametrize(("fmt", "parser"), [("jsonld", "json-ld"), ("turtle", "turtle")])
def test_rdf_says_the_review_generated_the_corrected_claim(
    reviewed: dict[str, Any], fmt: str, parser: str
) -> None:
    g = Graph().parse(_out(reviewed, fmt, "claims"), format=parser)
    rows = list(
        g.query(
            """
        PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX rsh: <urn:rashomon:ns#>
        SELECT ?a ?name ?who ?when ?reason WHERE {
          ?a a oa:Annotation ; oa:hasBody ?b ; prov:wasGeneratedBy ?r .
          ?b rsh:perpetrators/rsh:name ?name .
          ?r a prov:Activity ; prov:wasAssociatedWith ?p ; prov:endedAtTime ?when ;
             rsh:reason ?reason .
          ?p a prov:Person ; rdfs:label ?who .
        }"""
        )
    )
    assert len(rows) == 1
    a, name, who, when, reason = rows[0]
    assert str(a).endswith(reviewed["claim"]["id"])
    assert (str(name), str(who), str(reason)) == (CORRECTED, "alice", "named two lines earlier")
    assert when == Literal(reviewed["review"].created_at, datatype=when.datatype)
    assert str(when.datatype).endswith("#dateTime")
    # Claims nobody corrected were generated by the extraction; the rejected one is gone.
    machine = g.query(
        """
        PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT (COUNT(?a) AS ?n) WHERE {
          ?a a oa:Annotation ; prov:wasGeneratedBy/prov:wasAssociatedWith/a prov:SoftwareAgent }"""
    )
    with Store(reviewed["db"]) as store:
        assert int(next(iter(machine))[0]) == len(list(reviewed_claims(store))) - 1


def test_reviews_as_rdf(reviewed: dict[str, Any]) -> None:
    g = Graph().parse(_out(reviewed, "turtle", "reviews"), format="turtle")
    found = {
        (str(who), str(action), str(target).rsplit(":", 1)[-1])
        for who, action, target in g.query(
            """
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX rsh: <urn:rashomon:ns#>
        SELECT ?who ?action ?target WHERE {
          ?r a rsh:Review ; rsh:action ?action ; rsh:target ?target ;
             prov:wasAssociatedWith/rdfs:label ?who }"""
        )
    }
    assert found == {
        ("alice", "correct", reviewed["claim"]["id"]),
        ("bob", "reject", reviewed["dropped"]["id"]),
    }


def test_claims_and_reviews_round_trip_to_the_same_reviewed_view(
    reviewed: dict[str, Any], tmp_path: Path
) -> None:
    """Exported claims import as the machine claims; with the reviews imported too, the
    other store shows the same reviewed view."""
    claims_file = _out(reviewed, "jsonl", "claims")
    reviews_file = _out(reviewed, "jsonl", "reviews")
    target = tmp_path / "target.db"
    with Store(target) as store:
        ingest_paths(store, [demo_corpus()])
        report = import_jsonl(store, claims_file)
        assert report.documents == 4
        stored = {c["id"]: c for c in store.current_claims()}
        assert stored[reviewed["claim"]["id"]] == reviewed["claim"]
        # No review block came in with the machine claims (checked as a key: the stored
        # paths may hold the word anywhere, e.g. a checkout under /work/review).
        assert not any("review" in claim for claim in stored.values())
        lines = reviews_file.read_text(encoding="utf-8").splitlines()
        imported, _, problems = import_reviews(store, enumerate(lines, 1))
        assert (imported, problems) == (2, [])
        demo_claims = [c for c in reviewed_claims(store)]
    with Store(reviewed["db"]) as store:
        original = [c for c in reviewed_claims(store) if "=hostile" not in c["doc"]["path"]]
    assert demo_claims == original
