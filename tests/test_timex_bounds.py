"""Times that continue, close or only bound the story's period, and the reporting frame.

Per-language tables of invented sentences: "over the next two days" (the days after the
story's day), "ended in 1934" (the period runs from the story's start to that end),
"up until May 19" (from where the story's period stopped to that date), and a bare month's
year taken from the document date only in a text written in its own reporting frame.
Every case also runs upper-cased and hard-wrapped; the tables hold side-swapped variants
(the time phrase opening or closing its clause).
"""

from __future__ import annotations

import re

import pytest

from rashomon.extract.timex import TimeContext, TimeMention

#: (lang, document date, earlier sentences, sentence, (mention text, start, end) or None
#: when the sentence must carry no dated mention of that text)
Case = tuple[str, str | None, list[str], str, tuple[str, str | None, str | None]]

NEXT_DAYS: list[Case] = [
    (
        "en",
        None,
        ["The militia burned the hamlet of Tarvel on 25 December 2008."],
        "Over the next two days they raided three more hamlets, killing 90 people.",
        ("Over the next two days", "2008-12-26", "2008-12-27"),
    ),
    (
        "en",
        None,
        ["The militia burned the hamlet of Tarvel on 25 December 2008."],
        "They killed 90 more people in the following three days.",
        ("in the following three days", "2008-12-26", "2008-12-28"),
    ),
    (
        "fr",
        None,
        ["La milice a incendié le hameau de Tarvel le 25 décembre 2008."],
        "Au cours des deux jours suivants, elle a tué 90 habitants.",
        ("Au cours des deux jours suivants", "2008-12-26", "2008-12-27"),
    ),
    (
        "fr",
        None,
        ["La milice a incendié le hameau de Tarvel le 25 décembre 2008."],
        "Elle a tué 90 habitants dans les trois jours qui suivirent.",
        ("les trois jours qui suivirent", "2008-12-26", "2008-12-28"),
    ),
    (
        "de",
        None,
        ["Die Miliz brannte am 25. Dezember 2008 den Weiler Tarvel nieder."],
        "In den folgenden zwei Tagen tötete sie 90 Menschen.",
        ("In den folgenden zwei Tagen", "2008-12-26", "2008-12-27"),
    ),
    (
        "de",
        None,
        ["Die Miliz brannte am 25. Dezember 2008 den Weiler Tarvel nieder."],
        "Sie tötete 90 Menschen in den nächsten 3 Tagen.",
        ("in den nächsten 3 Tagen", "2008-12-26", "2008-12-28"),
    ),
    (
        "es",
        None,
        ["La milicia incendió la aldea de Tarvel el 25 de diciembre de 2008."],
        "En los dos días siguientes mató a 90 personas.",
        ("En los dos días siguientes", "2008-12-26", "2008-12-27"),
    ),
    (
        "es",
        None,
        ["La milicia incendió la aldea de Tarvel el 25 de diciembre de 2008."],
        "Mató a 90 personas durante los siguientes tres días.",
        ("durante los siguientes tres días", "2008-12-26", "2008-12-28"),
    ),
    (
        "ru",
        None,
        ["Боевики сожгли деревню Тарвель 25 декабря 2008 года."],
        "В течение следующих двух дней они убили 90 человек.",
        ("В течение следующих двух дней", "2008-12-26", "2008-12-27"),
    ),
    (
        "ru",
        None,
        ["Боевики сожгли деревню Тарвель 25 декабря 2008 года."],
        "Они убили 90 человек за последующие три дня.",
        ("за последующие три дня", "2008-12-26", "2008-12-28"),
    ),
    # A story dated only to the year has no "next days" to count.
    (
        "en",
        None,
        ["The militia burned the hamlet of Tarvel in 2008."],
        "Over the next two days they killed 90 people.",
        ("Over the next two days", None, None),
    ),
]

PERIOD_END: list[Case] = [
    (
        "en",
        None,
        ["The famine struck the province between 1921 and 1922."],
        "The famine ended in 1923, when some 400,000 people had died.",
        ("1923", "1921-01-01", "1923-12-31"),
    ),
    (
        "fr",
        None,
        ["La famine frappa la province entre 1921 et 1922."],
        "La famine prit fin en 1923 ; quelque 400 000 personnes étaient mortes.",
        ("1923", "1921-01-01", "1923-12-31"),
    ),
    (
        "de",
        None,
        ["Die Hungersnot traf die Provinz zwischen 1921 und 1922."],
        "Die Hungersnot endete 1923, rund 400.000 Menschen waren gestorben.",
        ("1923", "1921-01-01", "1923-12-31"),
    ),
    (
        "es",
        None,
        ["La hambruna azotó la provincia entre 1921 y 1922."],
        "La hambruna finalizó en 1923 cuando unas 400.000 personas habían muerto.",
        ("1923", "1921-01-01", "1923-12-31"),
    ),
    (
        "ru",
        None,
        ["Голод охватил губернию в 1921-1922 годах."],
        "Голод закончился в 1923 году, погибли около 400 000 человек.",
        ("1923 году", "1921-01-01", "1923-12-31"),
    ),
    # Without a story that opened before it, an end says nothing of when the dead died.
    (
        "en",
        None,
        [],
        "The war ended in 1923; some 400,000 people had died.",
        ("1923", None, None),
    ),
    (
        "es",
        None,
        [],
        "La guerra terminó en 1923 y dejó 400.000 muertos.",
        ("1923", None, None),
    ),
]

UNTIL: list[Case] = [
    (
        "en",
        None,
        ["The agency counted 7,000 dead from January 20 to May 7, 2009."],
        "The toll then rose by 1,000 a day up until May 19.",
        ("May 19", "2009-05-07", "2009-05-19"),
    ),
    (
        "fr",
        None,
        ["L'agence a compté 7 000 morts du 20 janvier au 7 mai 2009."],
        "Le bilan a ensuite augmenté de 1 000 par jour jusqu'au 19 mai.",
        ("19 mai", "2009-05-07", "2009-05-19"),
    ),
    (
        "es",
        None,
        ["La agencia contó 7.000 muertos del 20 de enero al 7 de mayo de 2009."],
        "Luego la cifra subió en 1.000 por día hasta el 19 de mayo.",
        ("19 de mayo", "2009-05-07", "2009-05-19"),
    ),
    (
        "de",
        None,
        ["Die Behörde zählte vom 20. Januar bis 7. Mai 2009 7.000 Tote."],
        "Danach stieg die Zahl bis zum 19. Mai um 1.000 pro Tag.",
        ("19. Mai", "2009-05-07", "2009-05-19"),
    ),
    (
        "ru",
        None,
        ["С 20 января по 7 мая 2009 года погибли 7000 человек."],
        "Затем число росло на 1000 в день вплоть до 19 мая.",
        ("19 мая", "2009-05-07", "2009-05-19"),
    ),
]

# A bare month takes the document's year in news written from its own date ("last
# Wednesday"), never in a loosely dated report that tells of an earlier year.
FRAME: list[Case] = [
    (
        "en",
        "2009-06",
        ["Diplomats blocked the inquiry last Wednesday."],
        "The UN counted 7,000 dead from January 20 to May 7.",
        ("from January 20 to May 7", "2009-01-20", "2009-05-07"),
    ),
    (
        "en",
        "2011-04",
        ["The panel reviewed the final phase of the war."],
        "Some 330,000 people were trapped in the zone from January.",
        ("January", None, None),
    ),
    (
        "fr",
        "2009-06",
        ["Les diplomates ont bloqué l'enquête mercredi dernier."],
        "L'ONU a compté 7 000 morts en mars.",
        ("mars", "2009-03-01", "2009-03-31"),
    ),
    (
        "fr",
        "2011-04",
        ["Le rapport revient sur la dernière phase de la guerre."],
        "L'ONU a compté 7 000 morts en mars.",
        ("mars", None, None),
    ),
    (
        "de",
        "2009-06",
        ["Diplomaten blockierten die Untersuchung letzte Woche."],
        "Die Uno zählte im März 7.000 Tote.",
        ("März", "2009-03-01", "2009-03-31"),
    ),
    (
        "de",
        "2011-04",
        ["Der Bericht blickt auf die letzte Phase des Krieges zurück."],
        "Die Uno zählte im März 7.000 Tote.",
        ("März", None, None),
    ),
    (
        "es",
        "2009-06",
        ["Los diplomáticos bloquearon la investigación el pasado miércoles."],
        "La ONU contó 7.000 muertos en marzo.",
        ("marzo", "2009-03-01", "2009-03-31"),
    ),
    (
        "es",
        "2011-04",
        ["El informe repasa la última fase de la guerra."],
        "La ONU contó 7.000 muertos en marzo.",
        ("marzo", None, None),
    ),
    (
        "ru",
        "2009-06",
        ["На прошлой неделе дипломаты заблокировали расследование."],
        "ООН насчитала 7000 погибших в марте.",
        ("марте", "2009-03-01", "2009-03-31"),
    ),
    (
        "ru",
        "2011-04",
        ["В докладе рассматривается последний этап войны."],
        "ООН насчитала 7000 погибших в марте.",
        ("марте", None, None),
    ),
    # A page dated to the day is news of its day.
    (
        "en",
        "2009-06-03",
        [],
        "The UN counted 7,000 dead in March.",
        ("March", "2009-03-01", "2009-03-31"),
    ),
]

TABLES = {"next_days": NEXT_DAYS, "period_end": PERIOD_END, "until": UNTIL, "frame": FRAME}


def _wrap(text: str) -> str:
    """Hard-wrapped: every third space becomes a line break."""
    parts = text.split(" ")
    return "".join(p + ("\n" if i % 3 == 2 else " ") for i, p in enumerate(parts))[:-1]


VARIANTS = {"as_written": lambda t: t, "upper": str.upper, "wrapped": _wrap}


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _mentions(case: Case, variant: str) -> list[TimeMention]:
    lang, date, before, sentence, _ = case
    shape = VARIANTS[variant]
    text = " ".join(shape(s) for s in [*before, sentence])
    ctx = TimeContext(lang, date, text)
    pos = 0
    found: list[TimeMention] = []
    for s in [*before, sentence]:
        shaped = shape(s)
        found = ctx.find(shaped, offset=pos)
        pos += len(shaped) + 1
    return found


def _params() -> list[object]:
    return [
        pytest.param(case, variant, id=f"{name}-{case[0]}-{i}-{variant}")
        for name, table in TABLES.items()
        for i, case in enumerate(table)
        for variant in VARIANTS
    ]


@pytest.mark.parametrize(("case", "variant"), _params())
def test_tables(case: Case, variant: str) -> None:
    want_text, want_start, want_end = case[4]
    found = _mentions(case, variant)
    hits = [m for m in found if _norm(m.text) == _norm(want_text)]
    assert hits, [m.text for m in found]
    assert (hits[0].start_date, hits[0].end_date) == (want_start, want_end)


def test_tables_cover_every_language() -> None:
    for name, table in TABLES.items():
        assert {c[0] for c in table} >= {"en", "fr", "de", "es", "ru"}, name


def test_period_end_moves_the_narrative() -> None:
    """After "ended in 1923" the story's period is the whole span, not the closing year,
    even though that span contains the earlier one (which would otherwise be background)."""
    ctx = TimeContext("en", None)
    ctx.find("The famine struck between 1921 and 1922.")
    ctx.find("The famine ended in 1923.")
    cur = ctx.current()
    assert cur is not None and (cur.start_date, cur.end_date) == ("1921-01-01", "1923-12-31")


def test_until_without_story_keeps_its_date() -> None:
    ctx = TimeContext("en", None)
    found = ctx.find("The siege lasted until May 19, 1944.")
    assert [(m.start_date, m.end_date) for m in found] == [("1944-05-19", "1944-05-19")]


def test_deictic_marks_are_whole_words() -> None:
    """ "Sundays" in a plural habit or "Mondayville" is no reporting frame mark, but the
    frame test only needs one real deictic word anywhere in the text."""
    from rashomon.extract._timex_rules import grammar

    deictic = grammar("en").deictic
    assert deictic.search("He left Mondayville in March.") is None
    assert deictic.search("He left on Monday.") is not None
    assert deictic.search("THEY LEFT LAST WEEK.") is not None
    assert re.search(deictic, "trains run on sundays") is None
