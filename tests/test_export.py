"""Exports, each loaded with the library its users would use: the GED-style CSV with pandas,
Parquet with pyarrow, JSON-LD and Turtle with rdflib and SPARQL."""

from __future__ import annotations

import io
import json
import socket
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest
from rdflib import RDF, Graph, Namespace
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from rashomon import Store, analyze
from rashomon._csv import FORMULA_TRIGGERS
from rashomon.cli.main import app
from rashomon.export import export
from rashomon.export._view import estimate_list
from rashomon.export.ged import GED_COLUMNS, date_prec, event_rows
from rashomon.export.parquet import SCHEMAS, write_parquet
from rashomon.extract.gazetteer import Gazetteer
from rashomon.pipeline import demo_corpus
from tests._export_data import HOSTILE_META, build_store
from tests.conftest import needs_pg
from tests.test_csv_safety import assert_spreadsheet_safe


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def stored(db: Path) -> dict[str, Any]:
    """What the store holds, read the ordinary (non-streaming) way."""
    with Store(db) as store:
        return {
            "claims": store.current_claims(),
            "events": store.events(),
            "docs": {d["id"]: d for d in store.list_documents() if d["current"]},
            "texts": {
                d["id"]: store.get_document(d["id"]).text
                for d in store.list_documents()
                if d["current"]
            },
        }


def _export(db: Path, tmp_path: Path, fmt: str, what: str | None = None, name: str = "out") -> Path:
    out = tmp_path / name
    with Store(db) as store:
        result = export(store, fmt, what, out)
    assert result.records > 0 and out.is_file()
    return out


# -- GED-style CSV ---------------------------------------------------------------------------


def _group(value: Any) -> str:
    """How a victim group or scope reads in the CSV: its name or words, else empty."""
    if isinstance(value, dict):
        return str(value.get("name") or value.get("text") or value.get("kind") or "")
    return str(value or "")


def _cell(value: Any) -> str:
    return "" if pd.isna(value) else str(value)


def test_ged_csv_loads_in_pandas_one_row_per_event_and_estimate(
    db: Path, stored: dict[str, Any], tmp_path: Path
) -> None:
    out = _export(db, tmp_path, "ged-csv")
    df = pd.read_csv(out)
    assert tuple(df.columns) == GED_COLUMNS
    # One row per event and estimate: an estimate is a measure for one victim group and scope.
    estimates = {
        (e["id"], est["measure"], *(_group(est.get(k)) for k in ("unit", "victims", "scope"))): est
        for e in stored["events"]
        for est in estimate_list(e)
        if any(est.get(k) is not None for k in ("low", "best", "high"))
    }
    assert len(df) == len(estimates) > 5
    assert df["id"].is_unique
    keys = zip(
        df["event_id"],
        df["measure"],
        *(df[k].fillna("") for k in ("unit", "victims", "scope")),
        strict=True,
    )
    assert set(keys) == set(estimates)
    for column in (
        "best",
        "number_of_sources",
        "year",
        "date_prec",
        "figures",
        "disputes",
        "inconsistencies",
    ):
        assert df[column].dtype == "int64", column
    # An open figure ("more than 2,000") has no upper end: an empty cell, read as nullable ints.
    assert df["high"].isna().any()
    bounds = pd.read_csv(out, usecols=["low", "high"], dtype="Int64")
    assert bounds["low"].notna().all()
    for column in ("latitude", "longitude"):
        assert df[column].dtype == "float64", column
    for column in ("id", "date_start", "date_end", "measure", "event_label", "source_article"):
        assert pd.api.types.is_string_dtype(df[column]), column
    for row in df.itertuples():
        key = (row.event_id, row.measure, *(_cell(v) for v in (row.unit, row.victims, row.scope)))
        estimate = estimates[key]
        got = (row.low, row.best, None if pd.isna(row.high) else row.high)
        assert got == (estimate["low"], estimate["best"], estimate["high"])
        assert row.number_of_sources == estimate["n_sources"]
        assert 1 <= row.date_prec <= 5
    # The sources named in the rows are the speakers of the estimate's figures, as written.
    killed = df[df["source_original"].fillna("").str.contains("Valdmark Relief Committee")]
    assert not killed.empty


def test_ged_csv_cells_are_text_in_a_spreadsheet(db: Path, tmp_path: Path) -> None:
    out = _export(db, tmp_path, "ged-csv")
    text = out.read_text(encoding="utf-8")
    assert assert_spreadsheet_safe(text) >= 2
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    hostile = df[df["source_article"].str.contains("Desk")]
    assert not hostile.empty
    # The hostile document's publisher and title, and the speaker it names, arrive as text.
    assert hostile["source_article"].str.startswith("'@Desk (fictional)").all()
    assert "=1+2 hostile title" in hostile["source_article"].iloc[0]
    assert any("Brisk Relief Board" in s for s in hostile["source_original"])
    for column in df.columns:
        assert not df[column].str.startswith(FORMULA_TRIGGERS).any(), column


# -- Parquet -----------------------------------------------------------------------------------


@pytest.mark.parametrize("what", ["claims", "events", "documents"])
def test_parquet_has_the_documented_schema(
    db: Path, stored: dict[str, Any], tmp_path: Path, what: str
) -> None:
    out = _export(db, tmp_path, "parquet", what)
    table = pq.read_table(out)
    assert table.schema.equals(SCHEMAS[what], check_metadata=False)
    # The schema's name and version travel in the file, for readers that check it.
    assert table.schema.metadata[b"rashomon"] == SCHEMAS[what].metadata[b"rashomon"]
    expected = {
        "claims": len(stored["claims"]),
        "events": len(stored["events"]),
        "documents": len(stored["docs"]),
    }[what]
    assert table.num_rows == expected


def test_parquet_claims_keep_nested_fields(
    db: Path, stored: dict[str, Any], tmp_path: Path
) -> None:
    rows = pq.read_table(_export(db, tmp_path, "parquet", "claims")).to_pylist()
    by_id = {c["id"]: c for c in stored["claims"]}
    assert [r["id"] for r in rows] == list(by_id)
    for row in rows:
        claim = by_id[row["id"]]
        assert row["doc"]["id"] == claim["doc"]["id"]
        assert row["value"] == (
            None
            if claim["value"] is None
            else {
                k: claim["value"][k] for k in ("low", "high", "qualifier", "text", "start", "end")
            }
        )
        assert [p["name"] for p in row["places"]] == [p["name"] for p in claim["places"]]
        assert row["evidence"]["quote"] == claim["evidence"]["quote"]
        speaker = (claim.get("attribution") or {}).get("speaker")
        assert (row["attribution"] or {}).get("speaker") == speaker
        # Fields the schema does not name are kept as JSON text, never dropped.
        extra = json.loads(row["extra"]) if row["extra"] else {}
        assert set(extra) == set(claim) - set(SCHEMAS["claims"].names)


def test_parquet_row_groups_are_capped_in_bytes(stored: dict[str, Any], tmp_path: Path) -> None:
    """Large records (events) are written in smaller row groups: memory holds one group."""
    events = stored["events"]
    capped, default = tmp_path / "capped.parquet", tmp_path / "default.parquet"
    with capped.open("wb") as handle:
        n = write_parquet(events, handle, "events", batch_size=2, row_group_bytes=1)
    assert n == len(events)
    with default.open("wb") as handle:
        write_parquet(events, handle, "events", batch_size=2)
    assert pq.ParquetFile(capped).num_row_groups == -(-len(events) // 2) > 1
    assert pq.ParquetFile(default).num_row_groups == 1
    assert pq.read_table(capped).equals(pq.read_table(default))


def test_parquet_events_keep_estimates_as_lists(
    db: Path, stored: dict[str, Any], tmp_path: Path
) -> None:
    rows = pq.read_table(_export(db, tmp_path, "parquet", "events")).to_pylist()
    events = {e["id"]: e for e in stored["events"]}
    seen: Counter[str] = Counter()
    for row in rows:
        estimates = estimate_list(events[row["id"]])
        assert [(e["measure"], e["best"], e["n_sources"]) for e in row["estimates"]] == [
            (e["measure"], e["best"], e["n_sources"]) for e in estimates
        ]
        assert sum(len(e["figures"]) for e in row["estimates"]) == sum(
            len(e["figures"]) for e in estimates
        )
        assert row["claims"] == events[row["id"]]["claims"]
        # Nested fields of the contract are columns, not dropped: units, victim groups, why a
        # figure was not counted, and each dispute's values with their sources.
        for got, want in zip(row["estimates"], estimates, strict=True):
            assert got["unit"] == want.get("unit")
            assert (got["victims"] or {}).get("name") == (want.get("victims") or {}).get("name")
            assert [(f["claim"], f["status"], f["why"]) for f in got["figures"]] == [
                (f["claim"], f.get("status"), f.get("why")) for f in want["figures"]
            ]
        disputes = events[row["id"]].get("disputes") or []
        assert [(d["kind"], d["claims"], d["values"]) for d in row["disputes"]] == [
            (d["kind"], d["claims"], d.get("values")) for d in disputes
        ]
        for got, want in zip(row["disputes"], disputes, strict=True):
            detail = want.get("detail")
            if detail is not None and not isinstance(detail, str):
                assert json.loads(got["detail"]) == detail
                seen["detail as JSON"] += 1
            seen["values"] += bool(got["values"])
        seen["units"] += sum(bool(e["unit"]) for e in row["estimates"])
        seen["why"] += sum(bool(f["why"]) for e in row["estimates"] for f in e["figures"])
    # The demo corpus has each of these: the checks above compared something.
    assert all(seen[k] for k in ("detail as JSON", "values", "units", "why")), seen


# -- JSON-LD and Turtle --------------------------------------------------------------------------

OA = Namespace("http://www.w3.org/ns/oa#")
PREFIXES = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rsh: <urn:rashomon:ns#>
"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to open a connection (a remote JSON-LD context) fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access while reading an export")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


@pytest.fixture(scope="module")
def graphs(db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Graph]:
    folder = tmp_path_factory.mktemp("rdf")
    out = {}
    for fmt, parser in (("jsonld", "json-ld"), ("turtle", "turtle")):
        path = _export(db, folder, fmt, "claims", f"claims.{fmt}")
        out[fmt] = Graph().parse(path, format=parser)
    return out


def test_jsonld_uses_an_inline_context_and_parses_offline(
    db: Path, tmp_path: Path, no_network: None
) -> None:
    path = _export(db, tmp_path, "jsonld", "claims")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data["@context"], dict)
    assert "http" not in json.dumps(data["@context"]).replace("http://www.w3.org", "").replace(
        "http://purl.org", ""
    )
    assert len(Graph().parse(path, format="json-ld")) > 100


def test_jsonld_and_turtle_are_the_same_graph(graphs: dict[str, Graph]) -> None:
    assert isomorphic(graphs["jsonld"], graphs["turtle"])


@pytest.mark.parametrize("fmt", ["jsonld", "turtle"])
def test_every_claim_is_an_annotation_anchored_in_the_stored_text(
    graphs: dict[str, Graph], stored: dict[str, Any], fmt: str
) -> None:
    g = graphs[fmt]
    rows = g.query(
        PREFIXES
        + """
        SELECT ?a ?doc ?exact ?start ?end ?positions WHERE {
          ?a a oa:Annotation ; oa:hasTarget ?t .
          ?t oa:hasSource ?source ; oa:hasSelector ?q, ?p .
          ?source dcterms:identifier ?doc .
          ?q a oa:TextQuoteSelector ; oa:exact ?exact .
          ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
          { SELECT ?a (COUNT(?pp) AS ?positions) WHERE {
              ?a oa:hasTarget/oa:hasSelector ?pp . ?pp a oa:TextPositionSelector } GROUP BY ?a }
        }"""
    )
    seen = set()
    for a, doc, exact, start, end, positions in rows:
        assert int(positions) == 1
        text = stored["texts"][str(doc)]
        assert text[int(start) : int(end)] == str(exact)
        seen.add(str(a).rsplit(":", 1)[-1])
    assert seen == {c["id"] for c in stored["claims"]}


@pytest.mark.parametrize("fmt", ["jsonld", "turtle"])
def test_every_claim_has_a_speaker_or_is_the_documents_own(
    graphs: dict[str, Graph], stored: dict[str, Any], fmt: str
) -> None:
    g = graphs[fmt]
    rows = list(
        g.query(
            PREFIXES
            + """
        SELECT ?a ?speaker ?own WHERE {
          ?a a oa:Annotation ; oa:hasTarget/oa:hasSource ?doc ; oa:hasBody ?b .
          ?b rsh:ownVoice ?own ; prov:wasAttributedTo ?who .
          OPTIONAL { ?who a prov:Agent ; rdfs:label ?speaker }
          FILTER (bound(?speaker) || ?who = ?doc)
        }"""
        )
    )
    by_id = {c["id"]: c for c in stored["claims"]}
    assert len(rows) == len(by_id)
    for a, speaker, own in rows:
        claim = by_id[str(a).rsplit(":", 1)[-1]]
        expected = (claim.get("attribution") or {}).get("speaker")
        assert (str(speaker) if speaker is not None else None) == expected
        assert bool(own.toPython()) is (expected is None)


def test_provenance_and_dublin_core(graphs: dict[str, Graph], stored: dict[str, Any]) -> None:
    g = graphs["turtle"]
    generated = list(
        g.query(
            PREFIXES
            + """
        SELECT DISTINCT ?version WHERE {
          ?a a oa:Annotation ; prov:wasGeneratedBy ?act .
          ?act a prov:Activity ; prov:wasAssociatedWith ?agent .
          ?agent a prov:SoftwareAgent ; rdfs:label ?version }"""
        )
    )
    assert {str(v) for (v,) in generated} == {c["extractor"] for c in stored["claims"]}
    docs = {
        str(i): (p, d, s)
        for i, p, d, s in g.query(
            PREFIXES
            + """
        SELECT ?id ?publisher ?date ?source WHERE {
          ?doc dcterms:identifier ?id . OPTIONAL { ?doc dcterms:publisher ?publisher }
          OPTIONAL { ?doc dcterms:date ?date } OPTIONAL { ?doc dcterms:source ?source } }"""
        )
    }
    for doc_id in {c["doc"]["id"] for c in stored["claims"]}:
        publisher, date, _source = docs[doc_id]
        assert str(publisher) == stored["docs"][doc_id]["publisher"]
        assert str(date) == stored["docs"][doc_id]["date"]
    hostile = next(v for k, v in docs.items() if stored["docs"][k]["url"])
    # A URL holding characters no IRI may hold is percent-encoded, not broken.
    assert str(hostile[2]) == "http://example.invalid/a%20b/%22q%22%3Ct%3E%7Bx%7D"
    assert HOSTILE_META["url"].startswith("http://example.invalid/a b")


def test_events_and_documents_as_rdf(db: Path, stored: dict[str, Any], tmp_path: Path) -> None:
    for what in ("events", "documents"):
        a = Graph().parse(_export(db, tmp_path, "jsonld", what, f"{what}.jsonld"), format="json-ld")
        b = Graph().parse(_export(db, tmp_path, "turtle", what, f"{what}.ttl"), format="turtle")
        assert isomorphic(a, b)
    events = Graph().parse(tmp_path / "events.ttl", format="turtle")
    rows = events.query(
        PREFIXES
        + """
        SELECT ?e (COUNT(DISTINCT ?c) AS ?n) WHERE { ?e a rsh:Event ; rsh:claims ?c } GROUP BY ?e"""
    )
    counts = {str(e).rsplit(":", 1)[-1]: int(n) for e, n in rows}
    assert counts == {e["id"]: len(e["claims"]) for e in stored["events"]}


# -- JSONL and the command -------------------------------------------------------------------


def test_jsonl_is_the_contract(db: Path, stored: dict[str, Any], tmp_path: Path) -> None:
    lines = _export(db, tmp_path, "jsonl", "claims").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == stored["claims"]
    events = [
        json.loads(x)
        for x in _export(db, tmp_path, "jsonl", "events", "e")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    assert [e["id"] for e in events] == [e["id"] for e in stored["events"]]
    assert all(isinstance(e["estimates"], list) for e in events)


def test_command_writes_to_stdout_and_refuses_what_a_format_cannot_hold(
    db: Path, tmp_path: Path, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["export", "--format", "parquet", "--db", str(db)])
    assert result.exit_code == 0
    assert pq.read_table(io.BytesIO(result.stdout_bytes)).schema.equals(
        SCHEMAS["claims"], check_metadata=False
    )
    kept = tmp_path / "kept.csv"
    kept.write_text("previous\n", encoding="utf-8")
    for args in (
        ["--format", "ged-csv", "--what", "claims"],
        ["--format", "jsonld", "--base", "not a base"],
        ["--format", "ged-csv", "--what", "reviews"],
    ):
        refused = runner.invoke(app, ["export", *args, "--db", str(db), "--out", str(kept)])
        assert refused.exit_code == 2, refused.output
        assert "E011" in refused.output
    assert kept.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.csv"]


def test_readme_documents_the_parquet_schemas() -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for what, schema in SCHEMAS.items():
        block = readme.split(f"\n{what}\n", 1)[1].split("\n\n", 1)[0].split("\n```")[0]
        described = [f"{f.name}: {f.type}" + ("" if f.nullable else " not null") for f in schema]
        assert block.splitlines() == described, what


def test_readme_examples_run(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Python examples of the README's Export section run on real exports."""
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Export\n", 1)[1].split("\n## ", 1)[0]
    blocks = [b.split("\n```", 1)[0] for b in section.split("```python\n")[1:]]
    assert len(blocks) == 3
    for fmt, what, name in (
        ("ged-csv", "events", "events.csv"),
        ("parquet", "claims", "claims.parquet"),
        ("jsonld", "claims", "claims.jsonld"),
    ):
        _export(db, tmp_path, fmt, what, name)
    monkeypatch.chdir(tmp_path)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "Valdmark Relief Committee" in printed


@needs_pg
def test_every_format_exports_from_postgresql(pg_url: str, tmp_path: Path) -> None:
    with Store(pg_url) as store:
        analyze(store, [demo_corpus()])
        n_claims = len(store.current_claims())
        for fmt, what in (
            ("jsonl", "claims"),
            ("ged-csv", "events"),
            ("parquet", "claims"),
            ("jsonld", "claims"),
            ("turtle", "events"),
        ):
            result = export(store, fmt, what, tmp_path / f"{what}.{fmt}")
            assert result.records > 0, fmt
    assert pq.read_table(tmp_path / "claims.parquet").num_rows == n_claims
    g = Graph().parse(tmp_path / "claims.jsonld", format="json-ld")
    assert len(list(g.subjects(RDF.type, OA.Annotation))) == n_claims


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [
        ("1931-05-03", "1931-05-03", 1),
        ("1931-05-03", "1931-05-04", 2),
        ("1931-05-01", "1931-05-06", 2),
        ("1931-05-01", "1931-05-07", 3),
        ("1931-05-01", "1931-05-08", 4),
        ("1931-05-01", "1931-05-31", 4),
        ("1931-05-01", "1931-06-01", 5),
        ("1931-01-01", "1931-12-31", 5),
        ("1931", "1931", None),
    ],
)
def test_date_prec_follows_the_ged_codes(start: str, end: str, code: int | None) -> None:
    assert date_prec(start, end) == code


def test_ged_row_of_a_hand_made_event() -> None:
    """Place precision, coordinates and country come from the gazetteer; sides and sources
    from the figures' claims, each perpetrator with who names it."""
    place = Gazetteer.load().lookup("Reykjavik")[0]
    claims = {
        "c1": {
            "id": "c1",
            "doc": {"id": "d1"},
            "places": [{"id": place.id, "name": place.name, "kind": place.kind}],
            "perpetrators": [{"name": "Harbour Watch (fictional)", "text": "the watch"}],
            "victims": [{"name": "dockers", "text": "dockers"}],
            "attribution": {"speaker": "-the port office"},
            "value": {"text": "12"},
        },
        "c2": {"id": "c2", "doc": {"id": "d2"}, "perpetrators": [], "attribution": None},
    }
    docs = {
        "d1": {"publisher": "Harbour Post (fictional)", "date": "1931-05-04", "title": "Night"},
        "d2": {"publisher": None, "title": None, "date": None, "path": "/x/notes.txt"},
    }
    event = {
        "id": "ev-1",
        "label": "killing, Reykjavík, 1931-05-03..1931-05-03",
        "event_type": "killing",
        "time": {"start": "1931-05-03", "end": "1931-05-03"},
        "places": [{"name": place.name, "id": place.id, "lat": place.lat, "lon": place.lon}],
        "claims": ["c1", "c2"],
        "names": [{"name": "the harbour night", "lang": "en", "docs": ["d1"]}],
        "estimates": [
            {
                "measure": "killed",
                "victims": {"name": "dockers", "id": None},
                "scope": None,
                "low": 10,
                "best": 11,
                "high": 12,
                "n_sources": 2,
                "figures": [
                    {"claim": "c1", "doc": "d1", "speaker": "-the port office"},
                    {"claim": "c2", "doc": "d2", "speaker": None},
                ],
            }
        ],
        "disputes": [{"kind": "figure", "measure": "injured"}, {"kind": "dates"}],
        "consistency": [],
    }
    (row,) = event_rows(event, claims, docs)
    assert (row["date_prec"], row["where_prec"], row["year"]) == (1, 1, 1931)
    assert (row["latitude"], row["longitude"]) == (place.lat, place.lon)
    assert (row["country"], row["country_code"]) == ("Iceland", "IS")
    assert row["side_a"] == "Harbour Watch (fictional)"
    assert row["side_a_by_source"] == "Harbour Watch (fictional) (according to -the port office)"
    assert row["source_original"] == "-the port office"
    assert row["source_article"] == "Harbour Post (fictional), 1931-05-04, Night; notes.txt"
    assert (row["victims"], row["event_names"]) == ("dockers", "the harbour night")
    # Only the date dispute bears on the killed row; the injured figure dispute does not.
    assert (row["disputes"], row["dispute_kinds"]) == (1, "dates")
    assert (row["best"], row["low"], row["high"], row["number_of_sources"]) == (11, 10, 12, 2)
