"""Wire datelines ("QUITO, 12 MAR 87 (EFE) --") file the report: their numbers count nothing,
their date is the report's, and it dates the story's "early today".  Invented texts."""

from __future__ import annotations

import pytest

from rashomon.extract import parse
from rashomon.extract._dateline import dateline_spans
from rashomon.ingest.metadata import dateline_date

_STORIES = [
    (
        "en",
        "NORVIK, 14 JUN 88 (ACAN-EFE) -- [TEXT] FIVE FARMERS WERE KILLED EARLY TODAY WHEN\n"
        "GUNMEN ATTACKED A BUS NEAR THE TOWN, POLICE SOURCES REPORTED.",
        "1988-06-14",
        5,
    ),
    (
        "es",
        "Norvik, 3 Mar 91 (EFE) -- Cinco campesinos murieron esta madrugada en un ataque\n"
        "contra un autobús cerca del pueblo, informaron fuentes policiales.",
        "1991-03-03",
        5,
    ),
    (
        "fr",
        "NORVIK, 7 MARS 89 (AFP) - CINQ PAYSANS ONT ÉTÉ TUÉS CE MATIN DANS UNE ATTAQUE\n"
        "CONTRE UN AUTOBUS, SELON DES SOURCES POLICIÈRES.",
        "1989-03-07",
        5,
    ),
    (
        "ru",
        "НОРВИК, 9 марта 2004 (ТАСС) — Пять человек погибли сегодня утром при нападении на\n"
        "автобус, сообщили в полиции.",
        "2004-03-09",
        5,
    ),
]


@pytest.mark.parametrize(("lang", "text", "date", "count"), _STORIES)
def test_a_datelines_numbers_are_no_figures_and_its_date_files_the_report(
    lang: str, text: str, date: str, count: int
) -> None:
    assert dateline_date(text, lang) == date
    parsed = parse(text, lang, date=dateline_date(text, lang))
    assert parsed is not None
    figures = [c for c in parsed.claims if c.kind == "figure"]
    assert [c.value["low"] for c in figures] == [count]
    # The story's "early today" is the report's day; the dateline's date is no event time.
    assert figures[0].time is not None
    assert figures[0].time.get("start") == date
    assert all(t.role != "event" for t in parsed.sentences[0].times if t.start < 30)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("SAN REMO, 14 JUN 88 (ANSA) -- TEXT", ["SAN REMO, 14 JUN 88 (ANSA) --"]),
        (
            "Ciudad de Norvik, 10 Dec (RT).- Texto",
            ["Ciudad de Norvik, 10 Dec (RT).-"],
        ),
        ("NORVIK, March 3, 2024 —", ["NORVIK, March 3, 2024 —"]),
        # A narrative opening, a clause and a line deep in the text without an agency are not.
        ("In Norvik, 15 September 1918 - the day the town fell", []),
        ("the town, 1920 - 500 killed", []),
        ("Lead line.\n" * 60 + "NORVIK, 3 MAR 88 -- more", []),
        # Further down, a digest's dateline names its agency.
        ("Lead line.\n" * 60 + "NORVIK, 3 MAR 88 (EFE) -- more", ["NORVIK, 3 MAR 88 (EFE) --"]),
    ],
)
def test_dateline_spans(text: str, spans: list[str]) -> None:
    assert [text[a:b] for a, b in dateline_spans(text, "en")] == spans


@pytest.mark.parametrize(
    "text",
    [
        "Norvik, 3 Apr 89 (EFE) -- A car bomb explosion killed three policemen in the town.",
        "NORVIK, 3 APR 89 (EFE) -- A CAR BOMB EXPLOSION KILLED THREE POLICEMEN IN THE TOWN.",
    ],
)
def test_the_agency_that_filed_the_report_is_no_doer(text: str) -> None:
    parsed = parse(text, "en")
    assert parsed is not None
    doers = [p["text"] for c in parsed.claims for p in c.perpetrators]
    assert "EFE" not in doers
    assert [c.value["low"] for c in parsed.claims if c.kind == "figure"] == [3]


@pytest.mark.parametrize("text", ["killed on Sept. 12 when", "KILLED ON SEPT. 12 WHEN"])
def test_ap_style_sept_is_september(text: str) -> None:
    from rashomon.extract.timex import TimeContext

    found = TimeContext("en", "1983-09-14").find(text)
    assert [m.start_date for m in found] == ["1983-09-12"]


@pytest.mark.parametrize(
    ("lang", "text", "spans"),
    [
        ("en", "KOVANSK, SEPT. 14 (AP) — ELEVEN DIED", ["KOVANSK, SEPT. 14 (AP) —"]),
        (
            "es",
            "Ciudad de Norvik, 10 de diciembre (RT).- Texto",
            ["Ciudad de Norvik, 10 de diciembre (RT).-"],
        ),
        # Wire copy in any language may date its line in English ("12 Mar 87").
        ("es", "QUITO, 12 MAR 87 (EFE) -- TEXTO", ["QUITO, 12 MAR 87 (EFE) --"]),
        # A count after a source, in capitals, is no date: its figure stays a figure.
        ("ru", "ПО ДАННЫМ ШТАБА, 45 ЧЕЛОВЕК ПОГИБЛИ - СООБЩИЛИ В ГОРОДЕ.", []),
    ],
)
def test_a_dateline_needs_a_date(lang: str, text: str, spans: list[str]) -> None:
    assert [text[a:b] for a, b in dateline_spans(text, lang)] == spans
