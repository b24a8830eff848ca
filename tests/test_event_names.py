"""Event names (extract/names.py, align/events.py) and figure-less event claims attached to the
event they describe (align/attach.py), on invented sentences and claims."""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.align import build_events
from rashomon.align.events import make_event
from rashomon.extract.names import find_names, name_key
from rashomon.extract.pipeline import parse
from tests.summary_data import HARBOUR, TOWN, event_claim, fig


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        ("en", "The Kessel massacre took place in May.", ["Kessel massacre"]),
        ("en", "= Death toll of the Harbour Massacre =", ["Harbour Massacre"]),
        ("en", "It came a year after the May Days in the port.", ["May Days"]),
        ("en", "Survivors of the Siege of Tauva spoke.", ["Siege of Tauva"]),
        ("en", "Valdmark and Tauva massacre\nFrom the archive", ["Valdmark and Tauva massacre"]),
        ("fr", "Le massacre de Kessel a fait des centaines de morts.", ["massacre de Kessel"]),
        ("fr", "Massacres de Kessel et Tauva", ["Massacres de Kessel et Tauva"]),
        ("de", "Das Massaker von Kessel wurde verschwiegen.", ["Massaker von Kessel"]),
        ("de", "Die Maitage beziehen sich auf 1921.", ["Maitage"]),
        ("de", "Der Kessel-Massaker-Prozess", []),
        ("es", "la masacre de Tauva fue negada", ["masacre de Tauva"]),
        ("es", "Se cumplen años de la Noche de Kessel.", ["Noche de Kessel"]),
        ("ru", "Резня валдмарцев в Кесселе (1921)", ["Резня валдмарцев в Кесселе"]),
        ("ru", "Майские события в Кесселе", ["Майские события в Кесселе"]),
    ],
)
def test_names_are_capitalised_phrases_with_an_event_noun(
    lang: str, text: str, names: list[str]
) -> None:
    assert [m.name for m in find_names(text, lang)] == names


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The massacre in Kessel lasted three days."),  # no capitalised name
        ("en", "Thursday's massacre left the town empty."),  # a weekday is no name
        ("en", "During the massacre, the Ten Days passed."),  # a weak noun needs a month
        ("en", "Fleeing Valdmark Rebels Massacre Nearly 200 Villagers In Kessel"),  # title case
        ("fr", "au rythme du massacre de centaines de ses habitants"),
        ("fr", "les massacres de jeudi dernier à Kessel"),
        ("de", "Wenige Tage später kamen die Truppen."),
        ("de", "Drei Tage in Kessel"),
        ("ru", "Убийства десятков мирных жителей в Кесселе"),
    ],
)
def test_ordinary_words_are_not_names(lang: str, text: str) -> None:
    assert find_names(text, lang) == []


def test_names_differing_in_case_or_the_nouns_form_are_one() -> None:
    assert name_key("Massakers von Kessel", "de") == name_key("Massaker von Kessel", "de")
    assert name_key("The Kessel Massacre", "en") != name_key("Kessel massacre", "en")
    assert name_key("Kessel Massacre", "en") == name_key("Kessel massacre", "en")


def test_a_heading_that_names_the_event_becomes_a_claim_of_the_event() -> None:
    text = (
        "May Days\n\n"
        "The May Days occurred in Kessel in May 1921. About 300 people were killed in Kessel "
        "between 3 and 5 May 1921.\n"
    )
    parsed = parse(text, "en", None, "doc-a", "a.txt")
    assert parsed is not None
    claims = [c.to_dict() for c in parsed.claims]
    heading = [c for c in claims if c["evidence"]["start"] == 0]
    assert len(heading) == 1 and heading[0]["kind"] == "event"
    assert heading[0]["names"][0]["name"] == "May Days"
    [event] = [
        e
        for e in build_events(claims)
        if any(c["kind"] == "figure" for c in claims if c["id"] in e["claims"])
    ]
    assert heading[0]["id"] in event["claims"]
    assert event["label"] == "May Days"
    assert event["names"][0] == {"name": "May Days", "lang": "en", "docs": ["doc-a"]}


def test_the_label_is_the_name_most_sources_use_else_a_neutral_generated_one() -> None:
    one = [event_claim("t1", "d1", names=["Kessel massacre"]), fig("a", "d1", 300)]
    two = [
        event_claim("t2", "d2", names=["Harbour tragedy"]),
        event_claim("t3", "d3", names=["Kessel Massacre"]),
        fig("b", "d2", 200),
    ]
    event = make_event([*one, *two])
    assert event["label"] == "Kessel massacre"
    assert [n["name"] for n in event["names"]] == ["Kessel massacre", "Harbour tragedy"]
    assert event["names"][0]["docs"] == ["d1", "d3"]
    unnamed = make_event([fig("a", "d1", 300, start="1921-05-03")])
    assert unnamed["label"] == "killing, Kessel"  # 1921 is written nowhere in the quotes


def test_a_generated_label_gives_only_years_a_source_writes() -> None:
    dated = fig("a", "d1", 300, start="1921-05-03")
    dated["evidence"]["quote"] = "On 3 May 1921, 300 people were killed."
    dated["time"]["text"] = "3 May 1921"
    assert make_event([dated])["label"] == "killing, Kessel, 1921-05-03"
    ranged = fig("b", "d2", 300, start="1921-05-20")
    ranged["evidence"]["quote"] = "in May 1921"
    assert make_event([dated, ranged])["label"] == "killing, Kessel, 1921-05"


def _members(claims: list[dict[str, Any]]) -> list[set[str]]:
    return sorted((set(e["claims"]) for e in build_events(claims)), key=sorted)


def test_figure_less_claims_join_the_event_of_their_document_they_fit() -> None:
    claims = [
        fig("a", "d1", 300, sentence=100),
        fig("far", "d1", 20, sentence=300, start="1925-01-10", places=[HARBOUR]),
        event_claim("title", "d1", sentence=0, places=[], start=None, names=["Kessel massacre"]),
        event_claim("here", "d1", sentence=500, places=[TOWN], start="1921-05-04"),
        event_claim("trial", "d1", sentence=700, places=[TOWN], start="1921-05-04"),
    ]
    claims[-1]["event_type"] = "legal"
    groups = _members(claims)
    assert {"a", "title", "here"} in groups and {"far"} in groups and {"trial"} in groups


def test_an_untitled_claim_goes_to_the_event_holding_most_of_its_document() -> None:
    claims = [
        fig("a1", "d1", 300, sentence=100),
        fig("a2", "d1", 310, sentence=200),
        fig("b", "d1", 20, sentence=300, start="1925-01-10", places=[HARBOUR]),
        event_claim("title", "d1", sentence=0, places=[], start=None),
    ]
    assert {"a1", "a2", "title"} in _members(claims)


def test_a_dated_placed_claim_joins_the_one_event_of_another_document_it_fits() -> None:
    claims = [
        fig("a", "d1", 300),
        event_claim("mention", "d2", places=[TOWN], start="1921-05-05"),
        event_claim("elsewhere", "d3", places=[HARBOUR], start="1921-05-05"),
    ]
    groups = _members(claims)
    assert {"a", "mention"} in groups and {"elsewhere"} in groups


def test_a_count_without_a_place_joins_the_one_event_of_its_document_it_fits() -> None:
    claims = [
        fig("placed", "d1", 300, sentence=100),
        fig("unplaced", "d1", 169, sentence=200, places=[]),
        fig("elsewhere", "d2", 150, sentence=0, places=[]),
    ]
    groups = _members(claims)
    assert {"placed", "unplaced"} in groups and {"elsewhere"} in groups
    # Two events of its document fit: it bridges neither.
    two = [*claims, fig("other", "d1", 20, sentence=300, places=[HARBOUR])]
    assert {"unplaced"} in _members(two)
