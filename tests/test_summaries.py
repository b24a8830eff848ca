"""Event summaries on invented claims: estimates per victim group, disputes only between
figures of one quantity, consistency checks that compare like with like (DESIGN.md §5)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from rashomon.align.events import make_event
from rashomon.reconcile import estimates, find_disputes, find_inconsistencies
from tests.summary_data import HARBOUR, MILL, TOWN, fig, victim


def only(found: list[dict[str, Any]], measure: str = "killed") -> dict[str, Any]:
    of_measure = [e for e in found if e["measure"] == measure]
    assert len(of_measure) == 1, of_measure
    return of_measure[0]


def by_name(found: list[dict[str, Any]]) -> dict[str | None, dict[str, Any]]:
    return {(e["victims"] or {}).get("name"): e for e in found}


def why(est: dict[str, Any], cid: str) -> str:
    f = next(f for f in est["figures"] if f["claim"] == cid)
    assert not f["counted"]
    return str(f["why"])


# -- estimates ----------------------------------------------------------------------------


def test_one_value_per_source_a_document_citing_two_speakers_is_two_sources() -> None:
    claims = [
        fig("a1", "d1", 3000, sentence=0),
        fig("a2", "d1", 3200, sentence=100),  # the same source again: one value
        fig("b", "d1", 12000, speaker="the relief committee", sentence=200),
        fig("c", "d2", 4000, 9000, qualifier="range"),
    ]
    est = only(estimates(claims))
    assert est["n_sources"] == 3
    assert (est["low"], est["high"]) == (3000, 12000)
    # Median of the sources' points: d1 (3,100), committee (12,000), d2 (6,500).
    assert est["best"] == 6500
    assert all(f["counted"] for f in est["figures"])


def test_a_superseded_figure_gives_way_to_its_sources_later_one() -> None:
    claims = [
        fig("old", "d1", 1000, qualifier="at_least", speaker="the mission", status="superseded"),
        fig("new", "d1", 150, 300, qualifier="range", speaker="the mission", sentence=100),
        fig("other", "d2", 200),
    ]
    est = only(estimates(claims))
    assert (est["low"], est["high"], est["n_sources"]) == (150, 300, 2)
    assert "superseded" in why(est, "old")


def test_a_rejected_figure_counts_only_as_its_claimants() -> None:
    claims = [
        fig("own", "d1", 8000),
        fig("claimed", "d1", 2000, speaker="the commission", status="rejected", by="the court"),
        fig("nobody", "d1", 500, status="rejected", sentence=100),
    ]
    est = only(estimates(claims))
    assert (est["low"], est["high"], est["n_sources"]) == (2000, 8000, 2)
    claimed = next(f for f in est["figures"] if f["claim"] == "claimed")
    assert claimed["counted"] and claimed["speaker"] == "the commission"
    assert "rejected" in why(est, "nobody")


def test_a_vague_figure_bounds_only_where_no_precise_one_exists() -> None:
    thousands = fig("vague", "d1", 1000, None, qualifier="vague", text="Thousands")
    precise = fig("precise", "d2", 2000, None, qualifier="more_than", text="Plus de 2 000")
    est = only(estimates([thousands, precise]))
    assert (est["low"], est["high"]) == (2000, None)
    assert "vague" in why(est, "vague")
    alone = only(estimates([thousands]))
    assert (alone["low"], alone["high"], alone["n_sources"]) == (1000, None, 1)


def test_an_open_figure_gives_its_stated_end_only() -> None:
    claims = [
        fig("more", "d1", 8000, None, qualifier="more_than"),
        fig("upto", "d2", None, 24000, qualifier="at_most"),
        fig("exact", "d3", 6000),
    ]
    est = only(estimates(claims))
    assert (est["low"], est["high"]) == (6000, 24000)
    open_only = only(estimates([claims[0], fig("least", "d4", 30, None, qualifier="at_least")]))
    assert (open_only["low"], open_only["high"]) == (30, None)


def test_an_open_low_above_every_stated_high_raises_the_high_to_it() -> None:
    # "at least 40" beside "18": the figures run from 18 to at least 40; a high of 18 would
    # leave the median (29) above it.
    claims = [
        fig("least", "d1", 40, None, qualifier="at_least"),
        fig("exact", "d2", 18, speaker="the ministry"),
    ]
    est = only(estimates(claims))
    assert (est["low"], est["best"], est["high"]) == (18, 29, 40)
    below = only(estimates([*claims, fig("more", "d3", 25, None, qualifier="more_than")]))
    assert (below["low"], below["best"], below["high"]) == (18, 25, 40)


@pytest.mark.parametrize(
    "figures",
    [
        [(40, None, "at_least"), (18, 18, "exact")],
        [(None, 10, "at_most"), (19, 19, "exact"), (30, None, "more_than")],
        [(None, 5, "less_than"), (300, 300, "approx"), (150, 200, "range")],
        [(None, 10, "at_most"), (None, 12, "less_than"), (19, 19, "exact")],
        [(9, 13, "range"), (27, None, "at_least"), (19, 19, "exact"), (None, 40, "at_most")],
        [(1000, None, "vague"), (2000, None, "vague")],
        [(60, None, "more_than"), (60000, 60000, "exact"), (45000, 45000, "approx")],
    ],
)
def test_best_always_lies_between_low_and_high(
    figures: list[tuple[int | None, int | None, str]],
) -> None:
    claims = [
        fig(f"c{i}", f"d{i}", low, high, qualifier=q) for i, (low, high, q) in enumerate(figures)
    ]
    est = only(estimates(claims))
    assert est["best"] is not None
    assert est["low"] is None or est["low"] <= est["best"]
    assert est["high"] is None or est["best"] <= est["high"]


@pytest.mark.parametrize("scope", ["site", "area", "period", "breakdown"])
def test_a_part_never_widens_the_toll_and_is_listed_not_counted(scope: str) -> None:
    claims = [
        fig("toll", "d1", 400),
        fig("part", "d1", 45, scope=scope, sentence=100),
        fig("big", "d2", 2000, scope=scope),
    ]
    est = only(estimates(claims))
    assert (est["low"], est["high"], est["n_sources"]) == (400, 400, 1)
    assert scope in why(est, "part") and scope in why(est, "big")
    parts_only = only(estimates(claims[1:]))
    assert parts_only["n_sources"] == 0 and parts_only["low"] is None


def test_things_of_different_units_are_different_quantities() -> None:
    claims = [
        fig("v", "d1", 40, measure="destroyed", unit="villages"),
        fig("h", "d2", 900, measure="destroyed", unit="houses"),
    ]
    found = estimates(claims)
    assert sorted((e["unit"], e["low"]) for e in found) == [("houses", 900), ("villages", 40)]
    assert not [d for d in find_disputes(claims) if d["kind"] == "figure"]


# -- victim groups --------------------------------------------------------------------------


def test_two_groups_one_source_sets_apart_are_two_estimates() -> None:
    # An infobox giving each side's dead: one source, two groups.
    claims = [
        fig("arm", "d1", 2500, victims=[victim("Armenians")]),
        fig("az", "d1", 3000, 12000, qualifier="range", victims=[victim("Azerbaijanis")]),
        fig("az2", "d2", 3000, victims=[victim("Azerbaijanis", "sentence", "a:azerbaijanis")]),
    ]
    groups = by_name(estimates(claims))
    assert set(groups) == {"Armenians", "Azerbaijanis"}
    assert (groups["Armenians"]["low"], groups["Armenians"]["high"]) == (2500, 2500)
    assert (groups["Azerbaijanis"]["low"], groups["Azerbaijanis"]["high"]) == (3000, 12000)
    assert groups["Azerbaijanis"]["victims"]["id"] == "a:azerbaijanis"


def test_the_same_group_in_other_words_and_languages_is_one_estimate() -> None:
    claims = [
        fig("en", "d1", 10000, victims=[victim("ethnic Armenians")]),
        fig("de", "d2", 30000, None, qualifier="at_most", victims=[victim("ethnische Armenier")]),
        fig("fr", "d3", 9000, victims=[victim("d'Arméniens")], lang="fr"),
        fig("ru", "d4", 12000, victims=[victim("армян", "context", "a:armenians")], lang="ru"),
    ]
    est = only(estimates(claims))
    assert est["victims"]["name"] == "Armenians" and est["n_sources"] == 4
    assert (est["low"], est["high"]) == (9000, 30000)


@pytest.mark.parametrize("word", ["people", "dead", "morts", "человек", "Menschen", "personas"])
def test_generic_words_name_no_group(word: str) -> None:
    est = only(estimates([fig("a", "d1", 300, victims=[victim(word)])]))
    assert est["victims"] is None


def test_soldiers_and_civilians_one_source_splits_are_apart_from_the_toll() -> None:
    claims = [
        fig("civ", "d1", 150, victims=[victim("civilians")], speaker="the council"),
        fig("sol", "d1", 40, victims=[victim("soldiers")], speaker="the council"),
        fig("sol2", "d2", 4, victims=[victim("soldados")], lang="es"),
        fig("all", "d3", 26, victims=[victim("dead")]),
        fig("all2", "d4", 325, victims=[victim("muertos")], lang="es"),
    ]
    groups = by_name(estimates(claims))
    assert (groups["civilians"]["low"], groups["civilians"]["high"]) == (150, 150)
    assert (groups["soldiers"]["low"], groups["soldiers"]["high"]) == (4, 40)
    assert (groups[None]["low"], groups[None]["high"]) == (26, 325)


def _two_peoples(a: str, b: str) -> list[dict[str, Any]]:
    # One document: its own voice counts the settlers, quoted sources count the natives.
    return [
        fig("own", "d1", 100, None, qualifier="more_than", victims=[victim(a)]),
        fig("low", "d1", 1200, victims=[victim(b)], speaker="the governor", sentence=100),
        fig("high", "d1", 45000, victims=[victim(b)], speaker="the historians", sentence=200),
    ]


@pytest.mark.parametrize(
    ("a", "b"), [("Europeans", "natives"), ("natives", "Europeans"), ("Armenians", "Azerbaijanis")]
)
def test_one_document_counting_two_peoples_counts_them_apart_whoever_it_quotes(
    a: str, b: str
) -> None:
    claims = _two_peoples(a, b)
    groups = by_name(estimates(claims))
    assert set(groups) == {a, b}
    assert (groups[a]["low"], groups[a]["high"]) == (100, None)
    assert (groups[b]["low"], groups[b]["high"]) == (1200, 45000)
    [dispute] = [d for d in find_disputes(claims) if d["kind"] == "figure"]
    assert set(dispute["claims"]) == {"low", "high"}


def test_a_people_and_a_faith_in_one_document_can_be_the_same_dead() -> None:
    claims = _two_peoples("Bosniaks", "Muslims")
    assert len(estimates(claims)) == 1
    # Different documents naming two peoples are not set apart by this rule either.
    claims = _two_peoples("Europeans", "natives")
    claims[0]["doc"]["id"] = "d2"
    assert len(estimates(claims)) == 1


def test_different_sources_describing_the_same_dead_differently_dispute_one_quantity() -> None:
    claims = [
        fig("tv", "d1", 2000, victims=[victim("Muslim soldiers")], speaker="a television station"),
        fig(
            "others", "d1", 8000, victims=[victim("Muslim men and boys")], speaker="other accounts"
        ),
        fig("de", "d2", 8000, victims=[victim("Männer und Jungen", "sentence")]),
    ]
    est = only(estimates(claims))
    assert (est["low"], est["high"], est["n_sources"]) == (2000, 8000, 3)
    [dispute] = [d for d in find_disputes(claims) if d["kind"] == "figure"]
    assert set(dispute["claims"]) == {"tv", "others"} or set(dispute["claims"]) == {"tv", "de"}


def test_a_subgroup_the_source_counts_apart_is_its_own_estimate() -> None:
    claims = [
        fig("toll", "d1", 12000, victims=[victim("Tauvans")]),
        fig(
            "hundreds",
            "d1",
            100,
            None,
            qualifier="vague",
            scope="subgroup",
            victims=[victim("Bolsheviks", "sentence", "a:bolsheviks")],
            sentence=100,
        ),
        fig("other", "d2", 3000, victims=[victim("Tauvans")]),
    ]
    groups = by_name(estimates(claims))
    assert groups["Bolsheviks"].get("subgroup") and groups["Bolsheviks"]["low"] == 100
    assert groups["Bolsheviks"]["high"] is None
    assert (groups["Tauvans"]["low"], groups["Tauvans"]["high"]) == (3000, 12000)
    assert not [
        d for d in find_disputes(claims) if d["kind"] == "figure" and "hundreds" in d["claims"]
    ]


def test_figures_naming_no_group_join_the_one_group_their_sources_name() -> None:
    claims = [
        fig("named", "d1", 7000000, victims=[victim("Tauvans")]),
        fig(
            "same_doc",
            "d1",
            4000000,
            victims=[victim("personas")],
            speaker="a magazine",
            sentence=100,
        ),
        fig("no_names", "d2", 5000000),
        fig(
            "sub",
            "d3",
            100,
            qualifier="vague",
            scope="subgroup",
            victims=[victim("Bolsheviks", "sentence", "a:bolsheviks")],
        ),
        fig("beside_sub", "d3", 9000000, sentence=100),
    ]
    groups = by_name(estimates(claims))
    assert (groups["Tauvans"]["low"], groups["Tauvans"]["high"]) == (4000000, 7000000)
    assert groups["Tauvans"]["n_sources"] == 3
    # d3 names another group (counted apart): its unnamed figure is no one's toll but its own.
    assert [f["claim"] for f in groups[None]["figures"]] == ["beside_sub"]
    # With two groups one source sets apart, nothing is folded into either.
    two = [*claims, fig("x", "d1", 60, victims=[victim("Valdmarians")], sentence=200)]
    split = by_name(estimates(two))
    assert split["Tauvans"]["n_sources"] == 1 and split[None]["n_sources"] == 3


# -- disputes -------------------------------------------------------------------------------


def test_figure_disputes_beyond_the_ratio_between_sources_only() -> None:
    assert not [
        d
        for d in find_disputes([fig("a", "d1", 1000), fig("b", "d2", 1400)])
        if d["kind"] == "figure"
    ]
    far = [
        d
        for d in find_disputes(
            [
                fig("a", "d1", 3000),
                fig("b", "d2", 12000, speaker="the minister"),
                fig("c", "d3", 5000),
            ]
        )
        if d["kind"] == "figure"
    ]
    assert len(far) == 1 and far[0]["claims"] == ["a", "b"] and far[0]["ratio"] == 4.0
    # Ranges that meet are no dispute; an open figure stands for its stated end.
    ranges = [fig("r", "d1", 3000, 12000, qualifier="range"), fig("s", "d2", 10000)]
    assert not [d for d in find_disputes(ranges) if d["kind"] == "figure"]
    opened = [
        fig("r", "d1", 3000, 12000, qualifier="range"),
        fig("m", "d2", 40000, None, qualifier="more_than"),
    ]
    [d] = [d for d in find_disputes(opened) if d["kind"] == "figure"]
    assert d["ratio"] == round(40000 / 12000, 2)
    # One source's own figures never dispute each other.
    assert not [
        d
        for d in find_disputes([fig("a", "d1", 10), fig("b", "d1", 900, sentence=9)])
        if d["kind"] == "figure"
    ]


@pytest.mark.parametrize(
    ("vague", "precise"),
    [
        (
            fig("v", "d1", 1000, qualifier="vague", text="Thousands"),
            fig("p", "d2", 2000, qualifier="more_than", text="Plus de 2 000"),
        ),
        (
            fig("v", "d1", 10, qualifier="vague", text="десятков", lang="ru"),
            fig("p", "d2", 410, lang="ru"),
        ),
    ],
)
def test_a_vague_figure_never_disputes_a_precise_one(
    vague: dict[str, Any], precise: dict[str, Any]
) -> None:
    assert not [d for d in find_disputes([vague, precise]) if d["kind"] == "figure"]


def test_no_dispute_across_groups_or_against_a_part() -> None:
    claims = [
        fig("civ", "d1", 150, victims=[victim("civilians")], speaker="the council"),
        fig("sol", "d1", 40, victims=[victim("soldiers")], speaker="the council"),
        fig("civ2", "d2", 160, victims=[victim("civiles")], lang="es"),
        fig("site", "d3", 3, scope="site", victims=[victim("civilians")]),
    ]
    assert not [d for d in find_disputes(claims) if d["kind"] == "figure"]


def test_rejections_and_revisions_are_shown_as_such() -> None:
    claims = [
        fig("claim", "d1", 2000, speaker="the report", status="rejected", by="the envoy"),
        fig("old", "d2", 1000, speaker="the mission", status="superseded", at=10),
        fig(
            "new",
            "d2",
            150,
            300,
            qualifier="range",
            speaker="the mission",
            at=90,
            text="150 to 300",
        ),
    ]
    found = find_disputes(claims)
    [rejection] = [d for d in found if d["kind"] == "rejection"]
    assert rejection["claims"] == ["claim"] and rejection["by"] == "the envoy"
    assert rejection["claimant"] == "the report" and rejection["text"] == "2000"
    [revision] = [d for d in found if d["kind"] == "revision"]
    assert revision["claims"] == ["old", "new"]
    assert (revision["from"], revision["to"]) == ("1000", "150 to 300")


def test_perpetrator_and_date_disputes_remain() -> None:
    a, b = fig("a", "d1", 100), fig("b", "d2", 100, start="1921-05-20")
    a["perpetrators"] = [{"name": "the army", "id": "army"}]
    b["perpetrators"] = [{"name": "the militia", "id": "militia"}]
    assert {"perpetrators", "dates"} <= {d["kind"] for d in find_disputes([a, b])}


# -- consistency ----------------------------------------------------------------------------


def _breakdown(values: list[int], sentence: int = 500, **kw: Any) -> list[dict[str, Any]]:
    places = [[TOWN], [HARBOUR], [MILL]]
    parts = [
        fig(
            f"p{i}",
            "d1",
            v,
            scope="breakdown",
            sentence=sentence,
            at=sentence + 10 * i,
            places=places[i % 3],
            **kw,
        )
        for i, v in enumerate(values)
    ]
    for part in parts:
        part["scope"]["text"] = part["places"][0]["name"]  # each part names its place
    return parts


def test_parts_that_nearly_reach_an_open_total_are_flagged() -> None:
    total = fig("total", "d1", 40000, None, qualifier="more_than", text="More than 40,000")
    found = find_inconsistencies([total, *_breakdown([20000, 12000, 7700])])
    assert [p["kind"] for p in found] == ["parts_vs_total"]
    assert found[0]["detail"] == "parts sum to 39,700; total stated as More than 40,000"


def test_parts_far_below_a_total_are_a_selection_not_a_contradiction() -> None:
    total = fig("total", "d1", 569000, text="569,000", measure="displaced")
    parts = _breakdown([130000, 120000], measure="displaced")
    assert find_inconsistencies([total, *parts]) == []


def test_parts_above_a_total_are_flagged_and_open_totals_only_by_a_larger_sum() -> None:
    exact = fig("total", "d1", 1000, text="1,000")
    assert [p["kind"] for p in find_inconsistencies([exact, *_breakdown([600, 500])])] == [
        "parts_vs_total"
    ]
    at_least = fig("total", "d1", 1000, None, qualifier="at_least", text="at least 1,000")
    assert find_inconsistencies([at_least, *_breakdown([600, 500])]) == []
    up_to = fig("total", "d1", None, 1000, qualifier="at_most", text="up to 1,000")
    assert [p["kind"] for p in find_inconsistencies([up_to, *_breakdown([600, 500])])] == [
        "parts_vs_total"
    ]


def test_never_against_a_vague_total_another_group_or_figures_that_are_not_parts() -> None:
    vague = fig("total", "d1", 1000, qualifier="vague", text="des milliers")
    assert find_inconsistencies([vague, *_breakdown([400, 23])]) == []
    other_group = fig("total", "d1", 5000, victims=[victim("soldiers")], speaker="x")
    parts = _breakdown([400, 300], victims=[victim("civilians")], speaker="x")
    assert [
        p for p in find_inconsistencies([other_group, *parts]) if p["kind"] == "parts_vs_total"
    ] == []
    # Two figures of one sentence with places, not a breakdown: no "counted twice".
    loose = [
        fig("a", "d1", 30, sentence=5, at=10, places=[TOWN]),
        fig("b", "d1", 40, sentence=5, at=20, places=[TOWN, HARBOUR]),
    ]
    assert find_inconsistencies(loose) == []


def test_the_same_place_counted_twice_in_one_breakdown() -> None:
    parts = _breakdown([8000, 7000])
    parts[0]["places"] = [MILL, TOWN]
    parts[1]["places"] = [TOWN]
    [found] = find_inconsistencies(parts)
    assert found["kind"] == "overlapping_parts" and set(found["claims"]) == {"p0", "p1"}


def test_figures_naming_the_same_part_are_one_part_not_an_overlap() -> None:
    # "13 killed in Kessel ... four more bodies found in Kessel": one part counted twice over.
    parts = _breakdown([13, 4])
    parts[1]["places"] = [TOWN]
    parts[1]["scope"]["text"] = "KESSEL"
    assert find_inconsistencies(parts) == []
    # Nor do they add up against a total.
    assert find_inconsistencies([fig("total", "d1", 15, text="15"), *parts]) == []
    apart = _breakdown([13, 4])
    apart[1]["places"] = [TOWN]
    assert [p["kind"] for p in find_inconsistencies(apart)] == ["overlapping_parts"]


def test_a_figure_above_the_population_stated_for_its_place() -> None:
    pop = fig("pop", "d1", 600, measure="population", sentence=0)
    dead = fig("dead", "d1", 800, sentence=50)
    assert [p["kind"] for p in find_inconsistencies([pop, dead])] == ["above_population"]
    carried = fig("pop", "d1", 26, measure="population", notes=["places: the most mentioned"])
    assert find_inconsistencies([carried, dead]) == []


# -- the event ------------------------------------------------------------------------------


def test_event_contract_shape() -> None:
    event = make_event([fig("a", "d1", 100), fig("b", "d2", 300)])
    assert {"id", "label", "names", "estimates", "disputes", "consistency"} <= set(event)
    [est] = event["estimates"]
    assert set(est) >= {
        "measure",
        "victims",
        "scope",
        "low",
        "best",
        "high",
        "n_sources",
        "figures",
    }
    assert est["scope"] is None and est["figures"][0]["claim"] == "a"
    json.dumps(event)


# -- mirror: swapping the sides' names swaps the summaries, nothing else ---------------------

SIDES = {
    "Tauvans": "Valdmarians",
    "Valdmarians": "Tauvans",
    "the Tauvan council": "the Valdmark committee",
    "the Valdmark committee": "the Tauvan council",
}


def _swap(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = json.loads(json.dumps(claims))
    for c in out:
        for v in c["victims"]:
            v["text"] = v["name"] = SIDES.get(v["text"], v["text"])
        if c.get("attribution"):
            c["attribution"]["speaker"] = SIDES.get(c["attribution"]["speaker"])
            c["attribution"]["text"] = c["attribution"]["speaker"]
    return out


def _shape(event: dict[str, Any], rename: dict[str, str]) -> Any:
    def name(x: Any) -> Any:
        return rename.get(x, x) if isinstance(x, str) else x

    est = sorted(
        (name((e["victims"] or {}).get("name")), e["low"], e["best"], e["high"], e["n_sources"])
        for e in event["estimates"]
    )
    disputes = sorted(
        (d["kind"], d.get("ratio"), tuple(d["claims"]), name((d.get("victims") or {}).get("name")))
        for d in event["disputes"]
    )
    return est, disputes, event["consistency"]


def test_mirror_swapping_sides_swaps_the_summaries_and_nothing_else() -> None:
    claims = [
        fig("t1", "d1", 2500, victims=[victim("Tauvans")], speaker="the Tauvan council"),
        fig(
            "v1",
            "d1",
            9000,
            victims=[victim("Valdmarians")],
            speaker="the Tauvan council",
            sentence=100,
        ),
        fig("v2", "d2", 3000, victims=[victim("Valdmarians")], speaker="the Valdmark committee"),
        fig(
            "t2",
            "d3",
            700,
            victims=[victim("Tauvans")],
            status="rejected",
            speaker="the Valdmark committee",
            by="the Tauvan council",
        ),
    ]
    event, mirrored = make_event(claims), make_event(_swap(claims))
    assert _shape(event, SIDES) == _shape(mirrored, {})
    assert {(e["victims"] or {}).get("name") for e in event["estimates"]} == {
        "Tauvans",
        "Valdmarians",
    }


@pytest.mark.parametrize("measure", ["victims", "combatants", "population", "returned"])
def test_unspecified_harm_and_baselines_are_summarised_but_never_disputed(measure: str) -> None:
    claims = [fig("a", "d1", 20000, measure=measure), fig("b", "d2", 200000, measure=measure)]
    assert only(estimates(claims), measure)["n_sources"] == 2
    assert not [d for d in find_disputes(claims) if d["kind"] == "figure"]


def test_a_source_counting_only_victims_gives_its_toll_where_others_count_the_dead() -> None:
    claims = [
        # An infobox's "Casualties" rows: its only figures of the event, per side.
        fig("box_t", "d1", 900, measure="victims", victims=[victim("Tauvans")]),
        fig(
            "box_v",
            "d1",
            1500,
            4000,
            qualifier="range",
            measure="victims",
            victims=[victim("Valdmarians")],
        ),
        fig("dead_v", "d2", 3000, victims=[victim("Valdmarians")]),
        # A source that counts the dead and, apart, the wounded or raped as "victims".
        fig("dead", "d3", 2500, victims=[victim("Valdmarians")]),
        fig("hurt", "d3", 12000, measure="victims", victims=[victim("Valdmarians")], sentence=100),
    ]
    found = estimates(claims)
    killed = by_name([e for e in found if e["measure"] == "killed"])
    assert (killed["Tauvans"]["low"], killed["Tauvans"]["high"]) == (900, 900)
    valdmarians = killed["Valdmarians"]
    assert (valdmarians["low"], valdmarians["high"], valdmarians["n_sources"]) == (1500, 4000, 3)
    box = next(f for f in valdmarians["figures"] if f["claim"] == "box_v")
    assert box["counted"] and box["measure"] == "victims"
    assert only(found, "victims")["figures"][0]["claim"] == "hurt"


def test_victims_counted_as_a_toll_bound_it_but_never_make_a_figure_dispute() -> None:
    # "Victims" may count the wounded too: such a source's figure widens the range it is
    # listed in, but "sources differ on killed" is said only of death tolls.
    claims = [fig("dead", "d1", 40), fig("box", "d2", 400, measure="victims")]
    est = only(estimates(claims))
    assert (est["low"], est["high"], est["n_sources"]) == (40, 400, 2)
    assert not [d for d in find_disputes(claims) if d["kind"] == "figure"]
    claims.append(fig("more", "d3", 300))
    (dispute,) = [d for d in find_disputes(claims) if d["kind"] == "figure"]
    assert dispute["claims"] == ["dead", "more"]
    assert {v["claim"] for v in dispute["values"]} == {"dead", "more"}


def test_victims_stay_apart_where_no_source_counts_the_dead() -> None:
    claims = [
        fig("a", "d1", 200, measure="victims", victims=[victim("women")]),
        fig("b", "d2", 800, measure="victims", victims=[victim("women")]),
        fig("c", "d2", 40, measure="injured", sentence=100),
    ]
    found = estimates(claims)
    assert {e["measure"] for e in found} == {"victims", "injured"}
    assert only(found, "victims")["n_sources"] == 2


def test_a_figure_far_below_another_of_its_own_source_is_a_part_of_its_toll() -> None:
    claims = [
        fig("toll", "d1", 41),
        fig("street", "d1", 4, sentence=100),
        fig("house", "d2", 200, None, qualifier="more_than", sentence=0),
        fig("thousands", "d2", 1000, None, qualifier="vague", sentence=100),
        fig("other", "d3", 35),
    ]
    est = only(estimates(claims))
    assert "part of its toll" in why(est, "street") and "part of its toll" in why(est, "house")
    assert (est["low"], est["high"]) == (35, 41)
    assert not [d for d in find_disputes(claims) if d["kind"] == "figure"]


@pytest.mark.parametrize("word", ["habitants", "residents", "жители"])
def test_the_people_of_a_place_are_no_group(word: str) -> None:
    est = only(
        estimates([fig("a", "d1", 2000, measure="displaced", victims=[victim(word)])]), "displaced"
    )
    assert est["victims"] is None


def test_two_figures_of_a_document_adding_up_to_a_third_are_its_parts() -> None:
    # "62 in Kell and 147 in Brannock and Ost" beside "209 dead", quoting other speakers; a
    # site's figure (not counted) still adds up with the street's to the toll.
    claims = [
        fig("toll", "d1", 209, speaker="the mission"),
        fig("kell", "d1", 62, speaker="the governor", sentence=100),
        fig("ost", "d1", 147, speaker="a priest", sentence=200),
        fig("other", "d2", 230),
        fig("fire", "d3", 31, scope="site", sentence=0),
        fig("street", "d3", 4, speaker="the police", sentence=100),
        fig("all", "d3", 35, sentence=200),
    ]
    est = only(estimates(claims))
    assert "adds up" in why(est, "kell") and "adds up" in why(est, "ost")
    assert "adds up" in why(est, "street") and "site" in why(est, "fire")
    assert (est["low"], est["high"]) == (35, 230)
    pair = [
        fig("a", "d1", 20, speaker="the army"),
        fig("b", "d1", 20, speaker="the police", sentence=100),
        fig("c", "d1", 40, speaker="the mayor", sentence=200),
    ]
    assert all(f["counted"] for f in only(estimates(pair))["figures"])
    # Round estimates add up by chance: 10,000 and 20,000 are no parts of another's 30,000.
    round_ = [
        fig("x", "d1", 10000, speaker="the army"),
        fig("y", "d1", 20000, speaker="the police", sentence=100),
        fig("z", "d1", 30000, speaker="the mayor", sentence=200),
    ]
    assert all(f["counted"] for f in only(estimates(round_))["figures"])


def test_figures_listed_in_one_sentence_adding_up_to_a_total_are_its_parts() -> None:
    # "24 civilians, 4 of them women: 11 dead in Kessel, 8 in Harbour and 5 in the Mill":
    # the listed parts carry the sentence's victims, the total its own noun.
    women = [victim("women", "sentence", "a:women")]
    listed = [
        fig("total", "d1", 24, victims=[victim("civilians")]),
        fig("women", "d1", 4, victims=women, sentence=100, at=110),
        fig("a", "d1", 11, victims=women, sentence=100, at=120),
        fig("b", "d1", 8, victims=women, sentence=100, at=130),
        fig("c", "d1", 5, victims=women, sentence=100, at=140),
    ]
    groups = by_name(estimates(listed))
    assert (groups["women"]["low"], groups["women"]["high"]) == (4, 4)
    assert all("adds up" in why(groups["women"], cid) for cid in "abc")
    assert (groups["civilians"]["low"], groups["civilians"]["high"]) == (24, 24)
    # Not listed together (other sentences), or round figures: no parts.
    apart = [
        dict(c, evidence={"start": 100 * i, "end": 100 * i + 60}) for i, c in enumerate(listed)
    ]
    figures = by_name(estimates(apart))["women"]["figures"]
    assert not [f for f in figures if "adds up" in str(f.get("why"))]
    rounded = [
        fig("t", "d1", 600),
        *[
            fig(f"r{v}", "d1", v, speaker=f"source {v}", sentence=100, at=100 + v)
            for v in (100, 200, 300)
        ],
    ]
    assert all(f["counted"] for f in only(estimates(rounded))["figures"])


def test_a_people_named_with_a_kind_of_people_overlaps_that_kind() -> None:
    # One source gives "Chinese civilians and prisoners of war" and "civilians": the same
    # people, one toll; "Armenian civilians" and "Azerbaijani civilians" stay two.
    same = [
        fig(
            "a",
            "d1",
            40000,
            400000,
            qualifier="range",
            victims=[victim("prisoners of war"), victim("Chinese civilians")],
        ),
        fig(
            "b", "d1", 100000, None, qualifier="vague", victims=[victim("civilians")], sentence=100
        ),
        fig("c", "d2", 300000, victims=[victim("civilians")]),
    ]
    [est] = estimates(same)
    assert (est["low"], est["high"], est["n_sources"]) == (40000, 400000, 2)
    apart = [
        fig("x", "d1", 300, victims=[victim("Armenian civilians")]),
        fig("y", "d1", 900, victims=[victim("Azerbaijani civilians")], sentence=100),
    ]
    assert len(estimates(apart)) == 2
