"""Tests of the scoring library behind ``rashomon eval``.

The synthetic gold and claims below are made up; the real gold files are only read (never
copied) by the last tests, which skip when ``../shared/gold`` is absent.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from rashomon.evaluate import (
    FIELDS,
    PRF,
    GoldFormatError,
    GoldSet,
    check_offsets,
    list_errors,
    load_doc_langs,
    load_gold,
    norm,
    render_errors,
    render_table,
    score,
)
from tests.conftest import IN_CI, SHARED, SHARED_REASON

GOLD_DIR = SHARED / "gold"

# A made-up document; spans below are computed from it so they stay right if it changes.
DOC = "alpha_en.txt"
TEXT = (
    "Officials said 300 people died in Eastville on 3 May 2001. "
    "More than 40,000 fled the valley. Thousands were detained, said the Red League. "
    "Of these, 120 died in Northtown and 90 in Southtown, 250 in all."
)


def span(anchor: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(anchor)
    return start, start + len(anchor)


def gold_figure(anchor: str, doc: str = DOC, **extra: Any) -> dict[str, Any]:
    start, end = span(anchor)
    rec: dict[str, Any] = {
        "kind": "figure",
        "doc": doc,
        "anchor": anchor,
        "start": start,
        "end": end,
        "measure": ["killed"],
        "low": 300,
        "high": 300,
        "qualifier": "exact",
        "places": [["Eastville", "Ostdorf"]],
        "time": {
            "start": "2001-05-03",
            "end": "2001-05-03",
            "within": ["2001-05-01", "2001-05-31"],
        },
    }
    rec.update(extra)
    return rec


def claim(
    start: int, end: int, doc: str = DOC, cid: str | None = None, **extra: Any
) -> dict[str, Any]:
    """A claim in the DESIGN.md section 3 shape, correct for the default gold figure."""
    rec: dict[str, Any] = {
        "id": cid or f"c{start}",
        "doc": {"id": "sha", "path": f"/some/dir/{doc}", "lang": "en", "date": None},
        "kind": "figure",
        "measure": "killed",
        "value": {
            "low": 300,
            "high": 300,
            "qualifier": "exact",
            "text": "x",
            "start": start,
            "end": end,
        },
        "time": {"start": "2001-05-03", "end": "2001-05-03"},
        "places": [{"text": "Eastville", "name": "Eastville"}],
        "victims": [],
        "perpetrators": [],
        "attribution": None,
    }
    rec.update(extra)
    return rec


def write_gold(tmp_path: Path, records: Sequence[Mapping[str, Any]], name: str = "g.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def gold_of(tmp_path: Path, records: Sequence[Mapping[str, Any]]) -> GoldSet:
    return load_gold([write_gold(tmp_path, records)])


# --------------------------------------------------------------------------- loading


def test_load_gold_groups_records_by_kind(tmp_path: Path) -> None:
    s, e = span("3 May")
    gold = gold_of(
        tmp_path,
        [
            gold_figure("300"),
            {"kind": "not_figure", "doc": DOC, "anchor": "3 May", "start": s, "end": e},
        ],
    )
    assert gold.counts() == {
        "figure": 1,
        "not_figure": 1,
        "consistency": 0,
        "event": 0,
        "estimate": 0,
    }
    assert gold.docs == [DOC]
    assert gold.figures[0].time is not None and str(gold.figures[0].time.within[1]) == "2001-05-31"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ('["a list"]', "JSON object"),
        ('{"kind": "figurine"}', "unknown kind"),
        (json.dumps({**gold_figure("300"), "end": 99}), "length"),
        (json.dumps({**gold_figure("300"), "qualifier": "roughly"}), "unknown qualifier"),
        (json.dumps({k: v for k, v in gold_figure("300").items() if k != "time"}), "'time'"),
        (json.dumps({**gold_figure("300"), "low_in": [1, 2]}), "not both"),
        (json.dumps({**gold_figure("300"), "places": ["Eastville"]}), "places"),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(gold_figure("120")) + "\n\n" + line + "\n", "utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_gold([path])
    assert isinstance(info.value, GoldFormatError)
    assert str(info.value).startswith(f"{path}:3:")


def test_event_naming_unknown_figure_is_an_error(tmp_path: Path) -> None:
    event = {"kind": "event", "id": "e", "docs": [DOC], "anchors": [[DOC, "300", 1]]}
    with pytest.raises(ValueError, match="unknown figure"):
        gold_of(tmp_path, [gold_figure("300"), event])


def test_same_event_id_in_two_files_is_merged(tmp_path: Path) -> None:
    a = gold_figure("300")
    b = gold_figure("120", low=120, high=120)
    ev = {"kind": "event", "id": "e", "docs": [DOC], "must_not_merge_with": []}
    p1 = write_gold(tmp_path, [a, {**ev, "anchors": [[DOC, "300", a["start"]]]}], "one.jsonl")
    p2 = write_gold(tmp_path, [b, {**ev, "anchors": [[DOC, "120", b["start"]]]}], "two.jsonl")
    gold = load_gold([p1, p2])
    assert len(gold.events["e"].anchors) == 2


def test_measure_outside_vocabulary_is_a_warning(tmp_path: Path) -> None:
    gold = gold_of(tmp_path, [gold_figure("300", measure=["killed", "slain"])])
    assert any("slain" in w for w in gold.warnings)


# --------------------------------------------------------------------------- matching


def test_exact_and_overlapping_spans_match(tmp_path: Path) -> None:
    gold = gold_of(
        tmp_path,
        [
            gold_figure("300"),
            gold_figure(
                "More than 40,000",
                measure=["displaced"],
                low=40000,
                high=None,
                qualifier="more_than",
            ),
        ],
    )
    s1, e1 = span("300")
    s2, e2 = span("40,000")  # the prediction's value span lacks the qualifier words
    report = score(
        gold,
        [
            claim(s1, e1),
            claim(
                s2,
                e2,
                measure="displaced",
                value={
                    "low": 40000,
                    "high": None,
                    "qualifier": "more_than",
                    "start": s2,
                    "end": e2,
                },
            ),
        ],
    )
    assert report.overall.detection == PRF(tp=2, fp=0, fn=0)
    assert report.overall.strict.f1 == 1.0


def test_matching_is_one_to_one_right_measure_and_value_first(tmp_path: Path) -> None:
    gold = gold_of(
        tmp_path,
        [gold_figure("More than 40,000", measure=["displaced"], low=40000, high=None)],
    )
    s, e = span("More than 40,000")
    # Two predictions overlap the same gold figure: the one with the right measure wins (the
    # reference scorer's order: measure, then value, then distance), the other is a FP.
    wrong = claim(s + 10, e, cid="wrong-measure")
    right = claim(s + 12, e, cid="right", measure="displaced")
    report = score(gold, [wrong, right])
    assert report.overall.detection == PRF(tp=1, fp=1, fn=0)
    (outcome,) = report.outcomes
    assert outcome.pred is not None and outcome.pred.id == "right"
    assert [p.id for p in report.false_positives] == ["wrong-measure"]
    # With measure and value equal, the nearest start wins.
    near, far = claim(s, e, cid="near"), claim(s + 10, e, cid="far")
    (outcome,) = score(gold, [far, near]).outcomes
    assert outcome.pred is not None and outcome.pred.id == "near"


def test_no_overlap_no_match_and_other_documents_ignored(tmp_path: Path) -> None:
    gold = gold_of(tmp_path, [gold_figure("300")])
    s, _ = span("300")
    report = score(gold, [claim(0, 9), claim(s, s + 3, doc="other_fr.txt")], docs=[DOC])
    assert report.overall.detection == PRF(tp=0, fp=1, fn=1)
    assert report.ignored_claims == 1


def test_event_claims_are_not_scored_as_figures(tmp_path: Path) -> None:
    gold = gold_of(tmp_path, [gold_figure("300")])
    report = score(gold, [claim(0, 9, kind="event", measure=None, value=None)])
    assert report.overall.detection == PRF(tp=0, fp=0, fn=1)


# --------------------------------------------------------------------------- fields


def _fields(tmp_path: Path, gold_rec: Mapping[str, Any], **claim_fields: Any) -> dict[str, bool]:
    """Score one claim on the gold figure's span; return field -> ok for scored fields."""
    gold = gold_of(tmp_path, [gold_rec])
    report = score(gold, [claim(gold_rec["start"], gold_rec["end"], **claim_fields)])
    (outcome,) = report.outcomes
    return {c.field: c.ok for c in outcome.checks}


def test_low_in_accepts_any_low_in_the_closed_interval(tmp_path: Path) -> None:
    rec = gold_figure("Thousands", measure=["detained"], low=None, high=None, qualifier="vague")
    del rec["low"]
    rec["low_in"] = [1000, 2000]
    for low, ok in ((1000, True), (2000, True), (1500, True), (2001, False), (None, False)):
        value = {
            "low": low,
            "high": None,
            "qualifier": "vague",
            "start": rec["start"],
            "end": rec["end"],
        }
        assert _fields(tmp_path, rec, measure="detained", value=value)["value"] is ok, low


def test_null_high_requires_null(tmp_path: Path) -> None:
    rec = gold_figure("More than 40,000", low=40000, high=None, qualifier="more_than")
    value = {
        "low": 40000.0,
        "high": 40000,
        "qualifier": "more_than",
        "start": rec["start"],
        "end": rec["end"],
    }
    assert _fields(tmp_path, rec, value=value)["value"] is False


def test_qualifier_ok_alternatives(tmp_path: Path) -> None:
    rec = gold_figure("300", qualifier="exact", qualifier_ok=["at_most"])
    base = {"low": 300, "high": 300, "start": rec["start"], "end": rec["end"]}
    assert _fields(tmp_path, rec, value={**base, "qualifier": "at_most"})["qualifier"]
    assert not _fields(tmp_path, rec, value={**base, "qualifier": "approx"})["qualifier"]


def test_value_is_the_gold_low_and_high_whatever_the_qualifier(tmp_path: Path) -> None:
    # The reference scorer compares low and high as annotated: an accepted alternative
    # qualifier does not reshape the value (the qualifier field accepts it on its own).
    rec = gold_figure("300", low=None, high=300, qualifier="at_most", qualifier_ok=["exact"])
    where = {"start": rec["start"], "end": rec["end"]}
    exact = {"low": 300, "high": 300, "qualifier": "exact", **where}
    fields = _fields(tmp_path, rec, value=exact)
    assert fields["qualifier"] and not fields["value"]
    assert _fields(tmp_path, rec, value={**exact, "low": None})["value"]
    # A vague gold figure accepts any high with a low inside low_in.
    vague = gold_figure("Thousands", low=None, high=None, qualifier="vague")
    del vague["low"]
    vague["low_in"] = [1000, 2000]
    approx = {"low": 1000, "high": 1000, "qualifier": "approx"}
    assert _fields(tmp_path, vague, value={**approx, "start": vague["start"], "end": vague["end"]})[
        "value"
    ]


def test_time_inside_window_and_overlapping_the_gold_period(tmp_path: Path) -> None:
    rec = gold_figure("300")
    assert _fields(tmp_path, rec, time={"start": "2001-05-01", "end": "2001-05-31"})["time"]
    assert not _fields(tmp_path, rec, time={"start": "2001-04-30", "end": "2001-05-03"})["time"]
    # Inside the window but not overlapping the stated day.
    assert not _fields(tmp_path, rec, time={"start": "2001-05-10", "end": "2001-05-12"})["time"]
    assert not _fields(tmp_path, rec, time=None)["time"]
    # Gold null is not scored (as the reference scorer does).
    rec_null = gold_figure("300", time=None)
    assert "time" not in _fields(tmp_path, rec_null, time={"start": "2001-05-03", "end": None})


def test_places_accent_and_case_insensitive(tmp_path: Path) -> None:
    rec = gold_figure("300", places=[["Şamaxa", "Shemakha"], ["Eastville"]])
    both = [{"text": "SAMAXA", "name": None}, {"text": "the town", "name": "eastville"}]
    assert _fields(tmp_path, rec, places=both)["places"]
    # Every gold place must be found, as whole words of a prediction.
    assert _fields(tmp_path, rec, places=[{"text": "Samaxa district", "name": "Eastville"}])[
        "places"
    ]
    assert not _fields(tmp_path, rec, places=[{"text": "Samaxaville", "name": "Eastville"}])[
        "places"
    ]
    assert not _fields(tmp_path, rec, places=[{"text": "Shemakha"}])["places"]
    assert norm("Bibi-Heybat") == "bibi heybat" and norm("Ş\u00a0x") == "s x"


def test_victims_substring_and_unscored_when_null(tmp_path: Path) -> None:
    rec = gold_figure("300", victims=[["villagers", "farmers"]], perpetrators=None)
    fields = _fields(
        tmp_path,
        rec,
        victims=[{"text": "the Villagers of Eastville"}],
        perpetrators=[{"text": "anyone"}],
    )
    assert fields["victims"] is True
    assert "perpetrators" not in fields  # null gold: not scored, not counted
    assert _fields(tmp_path, rec, victims=[{"text": "village"}])["victims"] is False


def test_attribution_null_vs_present(tmp_path: Path) -> None:
    own_voice = gold_figure("300")
    assert _fields(tmp_path, own_voice, attribution=None)["attribution"]
    assert not _fields(tmp_path, own_voice, attribution={"text": "said officials"})["attribution"]
    quoted = gold_figure("300", attributed_to=["Officials", "officials said"])
    assert _fields(tmp_path, quoted, attribution={"text": "", "speaker": "OFFICIALS"})[
        "attribution"
    ]
    assert not _fields(tmp_path, quoted, attribution=None)["attribution"]
    assert not _fields(tmp_path, quoted, attribution={"text": "the Red League"})["attribution"]


def test_strict_needs_measure_value_and_qualifier(tmp_path: Path) -> None:
    gold = gold_of(tmp_path, [gold_figure("300")])
    s, e = span("300")
    report = score(gold, [claim(s, e, measure="injured")])
    assert report.overall.detection.f1 == 1.0
    assert report.overall.strict == PRF(tp=0, fp=1, fn=1)
    errors = list_errors(report)
    assert [(x.kind, x.field, x.got) for x in errors] == [("field", "measure", "injured")]


# --------------------------------------------------------------------------- other metrics


def test_not_figure_violation(tmp_path: Path) -> None:
    s, e = span("3 May 2001")
    gold = gold_of(
        tmp_path,
        [
            gold_figure("300"),
            {"kind": "not_figure", "doc": DOC, "anchor": "3 May 2001", "start": s, "end": e},
        ],
    )
    report = score(gold, [claim(s + 6, e)])  # "2001" read as a figure
    assert report.overall.not_figure_violations == 1
    assert report.overall.detection == PRF(tp=0, fp=1, fn=1)
    assert any(x.kind == "not_figure" for x in list_errors(report))


def _parts_gold() -> list[dict[str, Any]]:
    return [
        gold_figure("120", low=120, high=120, places=[["Northtown"]]),
        gold_figure("90", low=90, high=90, places=[["Southtown"]]),
        gold_figure("250", low=250, high=250, places=None),
        {
            "kind": "consistency",
            "doc": DOC,
            "type": "parts_vs_total",
            "total_anchor": "250",
            "part_anchors": ["120", "90"],
            "parts_sum": 210,
        },
    ]


def test_consistency_recall(tmp_path: Path) -> None:
    gold = gold_of(tmp_path, _parts_gold())
    claims = [claim(*span(a), cid=a) for a in ("120", "90", "250")]

    def report_for(entry: dict[str, Any]) -> float | None:
        event = {"id": "p1", "claims": ["120", "90", "250"], "consistency": [entry]}
        return score(gold, claims, [event]).consistency.value

    assert report_for({"kind": "parts_vs_total", "doc": "sha", "claims": ["250", "120"]}) == 1.0
    # Wrong kind, or the total missing, does not count.
    assert report_for({"kind": "overlapping_parts", "claims": ["250", "120", "90"]}) == 0.0
    assert report_for({"kind": "parts_vs_total", "claims": ["120", "90"]}) == 0.0
    none = score(gold, claims, [])
    assert none.consistency.total == 1 and none.consistency_missed[0].type == "parts_vs_total"


def test_pairwise_event_f1_and_forbidden_merges(tmp_path: Path) -> None:
    # Five gold figures a b c | d e in two gold events that must not be merged.
    anchors = ["300", "40,000", "Thousands", "120", "90"]
    recs = [gold_figure(a) for a in anchors]
    key = [[DOC, a, r["start"]] for a, r in zip(anchors, recs, strict=True)]
    recs += [
        {
            "kind": "event",
            "id": "E1",
            "docs": [DOC],
            "anchors": key[:3],
            "must_not_merge_with": ["E2"],
        },
        {"kind": "event", "id": "E2", "docs": [DOC], "anchors": key[3:], "must_not_merge_with": []},
    ]
    gold = gold_of(tmp_path, recs)
    claims = [claim(*span(a), cid=name) for a, name in zip(anchors, "abcde", strict=True)]
    events = [
        {"id": "P1", "claims": ["a", "b", "d"]},
        {"id": "P2", "claims": ["c"]},
        {"id": "P3", "claims": ["e"]},
    ]
    report = score(gold, claims, events)
    # Gold pairs: ab ac bc de. Predicted pairs: ab ad bd. tp=ab, fp=ad bd, fn=ac bc de.
    assert report.event_pairs == PRF(tp=1, fp=2, fn=3)
    assert report.event_pairs.precision == pytest.approx(1 / 3)
    assert report.event_pairs.recall == pytest.approx(1 / 4)
    assert report.event_pairs.f1 == pytest.approx(2 * (1 / 3) * (1 / 4) / (1 / 3 + 1 / 4))
    assert report.forbidden_merges == 1
    assert report.forbidden_details == [("P1", "E1", "E2")]


def test_empty_denominators_are_none(tmp_path: Path) -> None:
    gold = gold_of(tmp_path, [gold_figure("300")])
    report = score(gold, [], docs=[DOC])
    assert report.overall.detection.precision is None
    assert report.overall.detection.recall == 0.0
    assert all(report.overall.fields[f].value is None for f in FIELDS)
    assert report.event_pairs.f1 is None
    assert report.consistency.value is None
    assert PRF().f1 is None
    # A matched figure with null gold victims: that field stays unscored (None, not 1.0).
    s, e = span("300")
    matched = score(gold, [claim(s, e)])
    assert matched.overall.fields["victims"].total == 0
    assert matched.overall.fields["victims"].value is None


def test_per_language_breakdown_and_rendering(tmp_path: Path) -> None:
    fr_text_rec = gold_figure("300", doc="beta.txt")
    gold = gold_of(tmp_path, [gold_figure("300"), fr_text_rec])
    s, e = span("300")
    fr_claim = claim(s, e, doc="beta.txt")
    fr_claim["doc"]["lang"] = "fr"
    report = score(gold, [claim(s, e), fr_claim])
    assert report.languages == {DOC: "en", "beta.txt": "fr"}
    assert report.by_language["fr"].detection.tp == 1
    # Without claims the "_xx.txt" suffix decides; without a suffix, an explicit mapping does.
    bare = score(gold, [], docs=[DOC, "beta.txt"], langs={"beta.txt": "fr"})
    assert bare.languages == {DOC: "en", "beta.txt": "fr"}
    table = render_table(report)
    assert "per language" in table and "beta.txt" in table and "strict" in table
    # Each row shows role precision of both roles, inversions and the stance's F1 ("-": no
    # non-asserted stance to score), as the reference scorer reports them overall.
    head = next(line for line in table.splitlines() if "det P" in line)
    assert head.split()[-5:] == ["perpP", "victP", "inv", "st", "F1"], head
    fr_row = next(line for line in table.splitlines() if line.startswith("fr "))
    assert fr_row.split()[-4:] == ["1.00", "1.00", "0", "-"], fr_row
    as_json = json.loads(json.dumps(report.to_dict()))
    assert as_json["overall"]["detection"]["f1"] == 1.0
    assert as_json["by_language"]["en"]["fields"]["victims"]["accuracy"] is None
    assert render_errors(bare).count("missed") == 2


def test_load_doc_langs(tmp_path: Path) -> None:
    (tmp_path / "SOURCES.tsv").write_text("file\tevent\tlanguage\nx.txt\te\tfr\n", "utf-8")
    assert load_doc_langs([tmp_path, tmp_path / "absent"]) == {"x.txt": "fr"}


# --------------------------------------------------------------------------- real gold files


def _real_gold() -> GoldSet:
    paths = sorted(GOLD_DIR.glob("*.jsonl"))
    if not paths:
        if IN_CI:
            pytest.fail(SHARED_REASON)
        pytest.skip(SHARED_REASON)
    return load_gold(paths)


def test_real_gold_files_validate() -> None:
    gold = _real_gold()
    assert gold.figures and gold.not_figures and gold.events
    texts = {p.name: p.read_text("utf-8") for p in (SHARED / "corpus").rglob("*.txt")}
    assert check_offsets(gold, texts) == []


def _perfect(gold: GoldSet) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Claims and events that say exactly what the gold says."""
    claims: list[dict[str, Any]] = []
    ids: dict[tuple[str, str, int], str] = {}
    for i, g in enumerate(gold.figures):
        ids[g.key] = f"g{i}"
        low = g.low_in[0] if g.low_in is not None else g.low
        claims.append(
            {
                "id": f"g{i}",
                "kind": "figure",
                "doc": {"id": "x", "path": f"corpus/{g.doc}", "lang": None, "date": None},
                "measure": g.measure[0],
                "value": {
                    "low": low,
                    "high": g.high,
                    "qualifier": g.qualifier,
                    "text": g.anchor,
                    "start": g.start,
                    "end": g.end,
                },
                "time": None
                if g.time is None
                else {"start": g.time.start.isoformat(), "end": g.time.end.isoformat()},
                "places": [{"text": a[0], "name": a[-1]} for a in g.places or []],
                "victims": [{"text": a[0], "name": None} for a in g.victims or []],
                "perpetrators": [{"text": a[0], "name": None} for a in g.perpetrators or []],
                "attribution": None
                if g.attributed_to is None
                else {"text": f"according to {g.attributed_to[0]}", "speaker": None},
                "stance": None if g.status == "asserted" else {"status": g.status, "by": None},
            }
        )
    events: list[dict[str, Any]] = [
        {"id": ev.id, "claims": [ids[k] for k in ev.anchors], "consistency": []}
        for ev in gold.events.values()
    ]
    grouped = {k for ev in gold.events.values() for k in ev.anchors}
    events += [
        {"id": f"solo-{ids[g.key]}", "claims": [ids[g.key]]}
        for g in gold.figures
        if g.key not in grouped
    ]
    by_anchor = {(g.doc, g.anchor): ids[g.key] for g in gold.figures}
    events.append(
        {
            "id": "consistency",
            "claims": [],
            "consistency": [
                {
                    "kind": c.type,
                    "claims": [by_anchor[(c.doc, a)] for v in c.anchors.values() for a in v],
                }
                for c in gold.consistency
            ],
        }
    )
    return claims, events


def test_perfect_claims_score_perfectly() -> None:
    gold = _real_gold()
    claims, events = _perfect(gold)
    report = score(gold, claims, events)
    o = report.overall
    assert report.docs == gold.docs
    assert o.detection.f1 == 1.0 and o.strict.f1 == 1.0
    for name in FIELDS:
        assert o.fields[name].value == 1.0, (name, list_errors(report)[:5])
    assert o.not_figure_violations == 0
    assert report.event_pairs.f1 == 1.0 and report.forbidden_merges == 0
    assert report.consistency.value == 1.0
    assert list_errors(report) == []
    # fr and en both present (the seeds' language comes from the corpus manifest).
    langs = load_doc_langs([SHARED / "corpus" / "seeds", SHARED / "corpus" / "dev"])
    by_lang = score(gold, claims, events, langs=langs).by_language
    assert by_lang["fr"].strict.f1 == 1.0 and by_lang["en"].strict.f1 == 1.0
