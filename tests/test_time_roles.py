"""Deictic times ("Wednesday", "last week"), anniversaries, and the role of a time in its
sentence (the event's, a source's speaking, the page's own date).

All sentences are invented for these tests (fictional places, people and numbers).
"""

from __future__ import annotations

import pytest

from rashomon.extract.pipeline import parse
from rashomon.extract.timex import TimeContext, find_times

Row = tuple[str, str, str | None, list[tuple[str, str | None, str | None]]]

# The document date 2003-04-09 is a Wednesday.
DEICTIC: list[Row] = [
    ("en", "an aide said Wednesday", "2003-04-09", [("Wednesday", "2003-04-09", "2003-04-09")]),
    (
        "en",
        "in last Thursday's raid",
        "2003-04-09",
        [("last Thursday", "2003-04-03", "2003-04-03")],
    ),
    ("en", "on last Wednesday", "2003-04-09", [("on last Wednesday", "2003-04-02", "2003-04-02")]),
    ("en", "burned last week", "2003-04-09", [("last week", "2003-03-31", "2003-04-06")]),
    ("en", "shelled yesterday", "2003-04-09", [("yesterday", "2003-04-08", "2003-04-08")]),
    (
        "en",
        "looted over the weekend",
        "2003-04-09",
        [("over the weekend", "2003-04-05", "2003-04-06")],
    ),
    ("en", "burned last month", "2003-04-09", [("last month", "2003-03-01", "2003-03-31")]),
    (
        "en",
        "on Monday, March 29, 2004",
        None,
        [("Monday, March 29, 2004", "2004-03-29", "2004-03-29")],
    ),
    ("en", "an aide said Wednesday", None, [("Wednesday", None, None)]),
    ("en", "an aide said Wednesday", "2003-04", [("Wednesday", None, None)]),
    (
        "fr",
        "a déclaré mardi dernier",
        "2003-04-09",
        [("mardi dernier", "2003-04-08", "2003-04-08")],
    ),
    (
        "fr",
        "incendié la semaine dernière",
        "2003-04-09",
        [("la semaine dernière", "2003-03-31", "2003-04-06")],
    ),
    ("fr", "pillé hier soir", "2003-04-09", [("hier soir", "2003-04-08", "2003-04-08")]),
    (
        "de",
        "am vergangenen Montag",
        "2003-04-09",
        [("am vergangenen Montag", "2003-04-07", "2003-04-07")],
    ),
    ("de", "gestern beschossen", "2003-04-09", [("gestern", "2003-04-08", "2003-04-08")]),
    ("es", "el pasado domingo", "2003-04-09", [("el pasado domingo", "2003-04-06", "2003-04-06")]),
    ("es", "la semana pasada", "2003-04-09", [("la semana pasada", "2003-03-31", "2003-04-06")]),
    ("ru", "заявил в среду", "2003-04-09", [("в среду", "2003-04-09", "2003-04-09")]),
    ("ru", "на прошлой неделе", "2003-04-09", [("на прошлой неделе", "2003-03-31", "2003-04-06")]),
    # Without a preposition the Russian "среда" is as often "environment": not a weekday.
    ("ru", "городская среда", "2003-04-09", []),
    # "Today" in a history means "in present-day accounts", not when anything happened.
    ("en", "Today the toll is put at 800.", "2003-04-09", []),
    ("de", "Heute geht man von 800 Toten aus.", "2003-04-09", []),
]

ANNIVERSARY: list[Row] = [
    # Weeks ago, and anniversaries as precise as their phrase ("this week", "today").
    (
        "en",
        "two weeks ago, gunmen raided Osterlo",
        "2017-10-02",
        [("two weeks ago", "2017-09-18", "2017-09-24")],
    ),
    (
        "es",
        "Hace dos semanas, en Osterlo",
        "2017-10-02",
        [("Hace dos semanas", "2017-09-18", "2017-09-24")],
    ),
    (
        "fr",
        "Il y a trois semaines, à Osterlo",
        "2021-07-10",
        [("Il y a trois semaines", "2021-06-14", "2021-06-20")],
    ),
    (
        "de",
        "Vor zwei Wochen wurden in Osterlo",
        "2021-07-10",
        [("Vor zwei Wochen", "2021-06-21", "2021-06-27")],
    ),
    (
        "ru",
        "Две недели назад в Остерло",
        "2021-07-10",
        [("Две недели назад", "2021-06-21", "2021-06-27")],
    ),
    (
        "en",
        "It is 105 years ago this week that riders came",
        "2024-08-16",
        [("105 years ago this week", "1919-08-11", "1919-08-17")],
    ),
    (
        "en",
        "exactly 30 years ago today",
        "2018-03-16",
        [("30 years ago today", "1988-03-16", "1988-03-16")],
    ),
    (
        "es",
        "Hoy hace 50 años murieron",
        "2018-10-02",
        [("Hoy hace 50 años", "1968-10-02", "1968-10-02")],
    ),
    (
        "fr",
        "Il y a 60 ans jour pour jour, la police",
        "2021-10-17",
        [("Il y a 60 ans jour pour jour", "1961-10-17", "1961-10-17")],
    ),
    (
        "de",
        "Heute vor 30 Jahren starben",
        "2018-03-16",
        [("Heute vor 30 Jahren", "1988-03-16", "1988-03-16")],
    ),
    (
        "ru",
        "В этот день 10 лет назад погибли",
        "2024-05-02",
        [("В этот день 10 лет назад", "2014-05-02", "2014-05-02")],
    ),
    # Without a day-precise page date the week cannot be named.
    ("en", "two weeks ago", "2017-10", [("two weeks ago", None, None)]),
    (
        "es",
        "Este martes se cumplen 40 años de la matanza de Valdorna",
        "2015-10-06",
        [
            ("Este martes", "2015-10-06", "2015-10-06"),
            ("se cumplen 40 años", "1975-01-01", "1975-12-31"),
        ],
    ),
    (
        "en",
        "the 30th anniversary of the Kessel raid",
        "2012-03-01",
        [("30th anniversary of", "1982-01-01", "1982-12-31")],
    ),
    (
        "en",
        "It has been 25 years since the Kessel raid",
        "2012-03-01",
        [("25 years since", "1987-01-01", "1987-12-31")],
    ),
    (
        "de",
        "der 30. Jahrestag des Überfalls",
        "2012-03-01",
        [("30. Jahrestag", "1982-01-01", "1982-12-31")],
    ),
    ("ru", "50-летие трагедии", "2012-03-01", [("50-летие", "1962-01-01", "1962-12-31")]),
]

OTHER: list[Row] = [
    # "снизили до 1000" (lowered to 1000): a count, not the year 1000.
    ("ru", "Затем они снизили это число до 1000, но", None, []),
    ("ru", "до 1918 года", None, [("1918 года", "1918-01-01", "1918-12-31")]),
    # A month adjective before an event noun: "in the May events".
    (
        "ru",
        "В майских событиях в Ранове погибли 40 человек.",
        "2005-07-11",
        [("майских", "2005-05-01", "2005-05-31")],
    ),
    ("ru", "майский жук", "2005-07-11", []),
    # A report looks back: "end of November" in a January article is last November, when
    # the text counts from its own date (news) or the page is dated to the day.
    (
        "de",
        "Das Hilfswerk zählte gestern die Toten bis Ende November",
        "2013-01",
        [("gestern", None, None), ("Ende November", "2012-11-21", "2012-11-30")],
    ),
    ("de", "bis Ende November", "2013-01-05", [("Ende November", "2012-11-21", "2012-11-30")]),
    # A report dated only to its month, with nothing counted from that date, may tell of
    # an earlier year: its bare months stay undated rather than take the wrong year.
    (
        "de",
        "Der Bericht zählt die Toten bis Ende November",
        "2013-01",
        [("Ende November", None, None)],
    ),
]


def _run(lang: str, text: str, date: str | None) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.start_date, m.end_date) for m in find_times(text, lang, date)]


@pytest.mark.parametrize(("lang", "text", "date", "expected"), DEICTIC + ANNIVERSARY + OTHER)
def test_tables(
    lang: str, text: str, date: str | None, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert _run(lang, text, date) == expected


@pytest.mark.parametrize(("lang", "text", "date", "expected"), DEICTIC + ANNIVERSARY)
def test_tables_upper_cased(
    lang: str, text: str, date: str | None, expected: list[tuple[str, str | None, str | None]]
) -> None:
    got = _run(lang, text.upper(), date)
    assert [(t.casefold(), a, b) for t, a, b in got] == [
        (t.casefold(), a, b) for t, a, b in expected
    ]


def test_weekday_of_a_story_set_long_before_is_not_the_documents() -> None:
    ctx = TimeContext("en", "2020-07-10")
    ctx.update(ctx.find("The militia entered Norvik on 3 May 1931."))
    # "on Sunday" here is a Sunday of May 1931, which no calendar rule can pick.
    got = ctx.find("On Sunday the square was cleared.")
    assert [(m.text, m.start_date) for m in got] == [("On Sunday", None)]


def _claims(text: str, lang: str, date: str | None) -> dict[str, dict[str, object] | None]:
    parsed = parse(text, lang, date)
    assert parsed is not None
    return {c.value["text"]: c.time for c in parsed.claims if c.kind == "figure" and c.value}


NEWS_EN = (
    "Deepwater Monitor\n\n"
    "9th April 2003\n\n"
    'A raid on villages near Kessel is believed to have claimed "between 60 and 90 lives", '
    "an official of the observer mission said Wednesday, revising an earlier toll.\n\n"
    'The mission had on Sunday put the death toll in last Thursday\'s raid at "at least 400".\n\n'
    "On Wednesday, the mission's deputy head, Arno Velt, said that 75 people had been killed.\n"
)


def test_speech_times_do_not_date_figures() -> None:
    times = _claims(NEWS_EN, "en", "2003-04-09")
    # The raid was last Thursday (3 April): the days the toll was given (Sunday, Wednesday)
    # and the page's own date date nothing.
    for value in ("between 60 and 90", "at least 400", "75"):
        t = times[value]
        assert t is not None, value
        assert (t["start"], t["end"]) == ("2003-04-03", "2003-04-03"), value
    assert times["between 60 and 90"]["source"] == "lede"  # type: ignore[index]


def test_speech_times_hard_wrapped_and_upper_cased() -> None:
    wrapped = NEWS_EN.replace("is believed to have claimed", "is believed\nto have claimed")
    for text in (wrapped, NEWS_EN.upper()):
        times = _claims(text, "en", "2003-04-09")
        t = next(v for k, v in times.items() if k.casefold() == "at least 400")
        assert t is not None and t["start"] == "2003-04-03"


def test_dateline_gives_the_date_when_metadata_has_none() -> None:
    text = (
        "Last Updated: Tuesday, 17 May, 2005, 18:33 GMT\n\n"
        "Officials said 90 people died in clashes in the town of Ranov last week.\n"
    )
    t = _claims(text, "en", None)["90"]
    assert t is not None and (t["start"], t["end"]) == ("2005-05-09", "2005-05-15")


def test_new_episode_stops_the_lede_time() -> None:
    text = (
        "More than 9,000 people have died in the war, the agency said on Wednesday.\n\n"
        "In the latest violence, dozens were killed in a suburb of Kessel.\n\n"
        "The agency counted 9,120 people killed between March 1, 2011 and November 30, 2012.\n"
    )
    times = _claims(text, "en", "2013-01-02")
    assert times["dozens"] is None
    assert times["More than 9,000"] is None
    assert times["9,120"] is not None


def test_russian_speech_and_stamp() -> None:
    text = (
        "11 июля 2005, 14:43\n"
        "Новые данные о Ранове: 80 погибших.\n\n"
        "В майских событиях в Ранове погибли 80 человек. Эти данные привел в понедельник прокурор.\n"
    )
    times = _claims(text, "ru", "2005-07-11")
    for t in times.values():
        assert t is None or t["start"] == "2005-05-01", times


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "En 1968 murieron 325 estudiantes en Osterlo. La cifra fue retomada por el escritor "
            "en su libro Ensayo (Editorial Norte, 1979): murieron 325 estudiantes.",
        ),
        (
            "en",
            "In 1968 troops killed 300 students in Osterlo. The toll was cited later (Brask and "
            "Velt, 1979): 300 students died.",
        ),
    ],
)
def test_a_cited_works_year_dates_nothing(lang: str, text: str) -> None:
    p = parse(text, lang)
    assert p is not None
    years = [t for s in p.sentences for t in s.times if t.text == "1979"]
    assert [t.role for t in years] == ["publication"]
    figures = [c for c in p.claims if c.kind == "figure"]
    assert figures and all((c.time or {}).get("start", "")[:4] == "1968" for c in figures)


# -- speech, the lede --------------------------------------------------------------------------

ROLES = [
    # A reporting verb, then the time's own preposition: the time of the warning.
    ("es", "La Defensoría había advertido en julio sobre el riesgo.", "julio", "speech"),
    ("en", "The mission had warned in March of the risk.", "March", "speech"),
    # ... but a verb-like cue that is also an ordinary word dates nothing of its own.
    ("en", "The raid took place on April 9, 1948, at dawn.", "April 9, 1948", "event"),
    # "a-t-on appris lundi": when the news came, not when it happened.
    ("fr", "Au moins 27 civils ont été tués dimanche, a-t-on appris lundi.", "lundi", "speech"),
    ("fr", "Au moins 27 civils ont été tués dimanche, a-t-on appris lundi.", "dimanche", "event"),
    # A German separable verb: the time between "teilte" and "mit".
    (
        "de",
        "Die Zivilisten seien erschossen worden, teilte die UN-Mission im Land am Dienstag mit.",
        "am Dienstag",
        "speech",
    ),
    # A revision verb: the day the toll was raised.
    (
        "es",
        "El Gobierno elevó este jueves de 19 a 34 el número de muertos.",
        "este jueves",
        "speech",
    ),
    ("en", "In 2019 the militia killed 40 people.", "2019", "event"),
]


@pytest.mark.parametrize(("lang", "text", "time", "role"), ROLES)
def test_time_roles(lang: str, text: str, time: str, role: str) -> None:
    # Hard-wrapped before the last word (a wrap inside a date is another matter).
    middle = text.rfind(" ")
    for variant in (text, text.upper(), text[:middle] + "\n" + text[middle + 1 :]):
        p = parse(variant, lang, "2023-03-16")
        assert p is not None
        got = [t.role for s in p.sentences for t in s.times if t.text.casefold() == time.casefold()]
        assert got == [role], (variant, [(t.text, t.role) for s in p.sentences for t in s.times])


def test_the_ledes_day_is_the_first_its_paragraph_names() -> None:
    # No time stands by an act word; "seit 2012" opens a running total, not the lede's act.
    text = (
        "Osterlo: Dutzende Tote bei Angriff auf Markt\n\n"
        "Bei einem Angriff auf einen Markt sind mindestens 19 Menschen getötet worden. "
        "Bewaffnete hätten am Sonntag das Feuer eröffnet, teilte ein Sprecher mit.\n\n"
        "In der Region sind seit 2012 Tausende Menschen bei Angriffen ums Leben gekommen.\n"
    )
    for variant in (text, text.upper()):
        times = {k.casefold(): v for k, v in _claims(variant, "de", "2023-03-14").items()}
        t = times["mindestens 19"]
        assert t is not None and t["start"] == "2023-03-12", times
        t = times["tausende"]
        assert t is not None and t["start"].startswith("2012"), times
