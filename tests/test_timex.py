"""Temporal tagger: per-language example tables (made-up sentences), narrative anchoring,
offset properties, and agreement with the gold time windows of the shared corpus."""

from __future__ import annotations

import csv
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.extract.timex import PRECISIONS, TimeContext, TimeMention, find_times

Expected = list[tuple[str, str | None, str | None, str]]


def _run(text: str, lang: str, doc_date: str | None) -> Expected:
    found = find_times(text, lang, doc_date)
    return [(m.text, m.start_date, m.end_date, m.precision) for m in found]


EN: list[tuple[str, str | None, Expected]] = [
    (
        "The siege began on March 31, 1918 and ended later.",
        None,
        [("March 31, 1918", "1918-03-31", "1918-03-31", "day")],
    ),
    (
        "Fighting raged between May 2 and May 6, 1920 in the valley.",
        None,
        [("between May 2 and May 6, 1920", "1920-05-02", "1920-05-06", "day")],
    ),
    (
        "The camp stood from 12 June to 3 July 1944.",
        None,
        [("from 12 June to 3 July 1944", "1944-06-12", "1944-07-03", "day")],
    ),
    (
        "The town was shelled on 14 and 16 August 1915.",
        None,
        [("14 and 16 August 1915", "1915-08-14", "1915-08-16", "day")],
    ),
    (
        "In the summer of 1936 the militia grew.",
        None,
        [("In the summer of 1936", "1936-06-01", "1936-08-31", "season")],
    ),
    ("Refugees arrived in 1923.", None, [("1923", "1923-01-01", "1923-12-31", "year")]),
    ("The village had 1923 inhabitants.", None, []),
    (
        "It happened 80 years ago.",
        "2024-05-01",
        [("80 years ago", "1944-01-01", "1944-12-31", "year")],
    ),
    ("It happened 80 years ago.", None, [("80 years ago", None, None, "year")]),
    (
        "Records dated 2021-11-05 mention the raid.",
        None,
        [("2021-11-05", "2021-11-05", "2021-11-05", "day")],
    ),
    (
        "By the end of May 1919 the front had moved.",
        None,
        [("By the end of May 1919", "1919-05-21", "1919-05-31", "month")],
    ),
    (
        "The convoy left on the night of 3 to 4 October 1941.",
        None,
        [("on the night of 3 to 4 October 1941", "1941-10-03", "1941-10-04", "day")],
    ),
    (
        "The unrest of the 1960s changed the region.",
        None,
        [("the 1960s", "1960-01-01", "1969-12-31", "decade")],
    ),
    ("Three days of riots followed.", None, []),
    (
        "In 1999 we recalled the '80s.",
        None,
        [
            ("1999", "1999-01-01", "1999-12-31", "year"),
            ("the '80s", "1980-01-01", "1989-12-31", "decade"),
        ],
    ),
    (
        "In March 1921 the council met, and on April 4 it voted.",
        None,
        [
            ("March 1921", "1921-03-01", "1921-03-31", "month"),
            ("April 4", "1921-04-04", "1921-04-04", "day"),
        ],
    ),
    (
        "Reports dated 04/05/1999 were lost.",
        None,
        [("04/05/1999", "1999-04-05", "1999-04-05", "day")],
    ),
    (
        "Between 1941 and 1944 the region was occupied.",
        None,
        [("1941 and 1944", "1941-01-01", "1944-12-31", "year")],
    ),
    (
        "Monday, March 3, 1997 was quiet.",
        None,
        [("Monday, March 3, 1997", "1997-03-03", "1997-03-03", "day")],
    ),
    ("They may march again; 2000 people may come.", None, []),
    ("In 1500 villages the harvest failed.", None, []),
    ("Some 3,000-12,000 died; between 1,500 and 2,000 fled.", None, []),
    ("After the fall of the town, 300 fled.", None, []),
    (
        "In the fall of 1941 the front reached the city.",
        None,
        [("In the fall of 1941", "1941-09-01", "1941-11-30", "season")],
    ),
    (
        "Clashes on July 10-19, 1995 left the town empty.",
        None,
        [("July 10-19, 1995", "1995-07-10", "1995-07-19", "day")],
    ),
]

FR: list[tuple[str, str | None, Expected]] = [
    (
        "Le village fut incendié le 3 avril 1919.",
        None,
        [("3 avril 1919", "1919-04-03", "1919-04-03", "day")],
    ),
    (
        "Les combats durèrent du 2 au 6 juin 1940.",
        None,
        [("du 2 au 6 juin 1940", "1940-06-02", "1940-06-06", "day")],
    ),
    (
        "Les otages furent exécutés les 8 et 11 mars 1943.",
        None,
        [("les 8 et 11 mars 1943", "1943-03-08", "1943-03-11", "day")],
    ),
    (
        "Au printemps 1920, la ville fut reprise.",
        None,
        [("Au printemps 1920", "1920-03-01", "1920-05-31", "season")],
    ),
    (
        "À l'automne 1919 commença le procès.",
        None,
        [("À l'automne 1919", "1919-09-01", "1919-11-30", "season")],
    ),
    (
        "Vers la fin du mois de juin 1917, le front céda.",
        None,
        [("Vers la fin du mois de juin 1917", "1917-06-21", "1917-06-30", "month")],
    ),
    (
        "Il y a 75 ans, la ville fut libérée.",
        "2019-06-01",
        [("Il y a 75 ans", "1944-01-01", "1944-12-31", "year")],
    ),
    (
        "La garnison partit dans la nuit du 9 au 10 novembre 1942.",
        None,
        [("dans la nuit du 9 au 10 novembre 1942", "1942-11-09", "1942-11-10", "day")],
    ),
    ("Il est né en 1901 à Lyon.", None, [("1901", "1901-01-01", "1901-12-31", "year")]),
    ("On compte 1901 victimes.", None, []),
    (
        "Le 5 fevrier 1934, la foule envahit la place.",
        None,
        [("5 fevrier 1934", "1934-02-05", "1934-02-05", "day")],
    ),
    (
        "Le 15 aout 1944, les troupes débarquèrent.",
        None,
        [("15 aout 1944", "1944-08-15", "1944-08-15", "day")],
    ),
    ("Pendant trois jours, la ville brûla.", None, []),
    ("Entre 1500 et 2000 hommes furent tués.", None, []),
    ("Plus de 1918 morts furent comptés.", None, []),
    (
        "Les années 1930 furent troublées.",
        None,
        [("Les années 1930", "1930-01-01", "1939-12-31", "decade")],
    ),
    (
        "Entre 1914 et 1918, le village perdit ses hommes.",
        None,
        [("1914 et 1918", "1914-01-01", "1918-12-31", "year")],
    ),
    (
        "Le 1er mai 1919, la grève débuta.",
        None,
        [("1er mai 1919", "1919-05-01", "1919-05-01", "day")],
    ),
    ("La ville tomba en mars 1920.", None, [("mars 1920", "1920-03-01", "1920-03-31", "month")]),
    (
        "Début juillet 1936, la révolte éclata.",
        None,
        [("Début juillet 1936", "1936-07-01", "1936-07-10", "month")],
    ),
    (
        "Le décret du 12/03/1938 fut abrogé.",
        None,
        [("12/03/1938", "1938-03-12", "1938-03-12", "day")],
    ),
    (
        "Le 2 mai, la ville fut bombardée.",
        "2023-06-01",
        [("2 mai", "2023-05-02", "2023-05-02", "day")],
    ),
    ("Le 2 mai, la ville fut bombardée.", None, [("2 mai", None, None, "day")]),
]

DE: list[tuple[str, str | None, Expected]] = [
    (
        "Am 31. März 1918 brachen Kämpfe aus.",
        None,
        [("31. März 1918", "1918-03-31", "1918-03-31", "day")],
    ),
    (
        "Die Kämpfe dauerten vom 13. bis 15. Dezember 1937.",
        None,
        [("vom 13. bis 15. Dezember 1937", "1937-12-13", "1937-12-15", "day")],
    ),
    (
        "Im Sommer 1942 wurde das Dorf zerstört.",
        None,
        [("Im Sommer 1942", "1942-06-01", "1942-08-31", "season")],
    ),
    (
        "Vor 50 Jahren endete der Krieg.",
        "1995-05-08",
        [("Vor 50 Jahren", "1945-01-01", "1945-12-31", "year")],
    ),
    ("Er wurde 1912 in Wien geboren.", None, [("1912", "1912-01-01", "1912-12-31", "year")]),
    ("Die Stadt hatte 1912 Einwohner.", None, []),
    (
        "Ende Mai 1921 zogen die Truppen ab.",
        None,
        [("Ende Mai 1921", "1921-05-21", "1921-05-31", "month")],
    ),
    (
        "Das Treffen fand am 3.10.1990 statt.",
        None,
        [("3.10.1990", "1990-10-03", "1990-10-03", "day")],
    ),
    (
        "In den 1920er Jahren wuchs die Stadt.",
        None,
        [("den 1920er Jahren", "1920-01-01", "1929-12-31", "decade")],
    ),
    ("Im Maerz 1920 streikten sie.", None, []),
]

ES: list[tuple[str, str | None, Expected]] = [
    (
        "El 12 de julio de 1931 cayó la ciudad.",
        None,
        [("12 de julio de 1931", "1931-07-12", "1931-07-12", "day")],
    ),
    (
        "Los combates duraron del 14 al 17 de mayo de 1937.",
        None,
        [("del 14 al 17 de mayo de 1937", "1937-05-14", "1937-05-17", "day")],
    ),
    (
        "En el verano de 1936 estalló la guerra.",
        None,
        [("En el verano de 1936", "1936-06-01", "1936-08-31", "season")],
    ),
    (
        "Hace 40 años, el pueblo fue arrasado.",
        "2016-01-01",
        [("Hace 40 años", "1976-01-01", "1976-12-31", "year")],
    ),
    (
        "Entre 1932 y 1933 murieron millones.",
        None,
        [("1932 y 1933", "1932-01-01", "1933-12-31", "year")],
    ),
    (
        "A finales de marzo de 1939 terminó el asedio.",
        None,
        [("A finales de marzo de 1939", "1939-03-21", "1939-03-31", "month")],
    ),
    ("La cifra de 1932 muertos es falsa.", None, []),
    (
        "En los años 90 hubo guerra.",
        "2020-07-11",
        [("los años 90", "1990-01-01", "1999-12-31", "decade")],
    ),
    ("En los años 90 hubo guerra.", None, [("los años 90", None, None, "decade")]),
    (
        "Todo cambió en la década de 1980.",
        None,
        [("la década de 1980", "1980-01-01", "1989-12-31", "decade")],
    ),
    (
        "Los días 3 y 5 de abril de 1941 hubo bombardeos.",
        None,
        [("Los días 3 y 5 de abril de 1941", "1941-04-03", "1941-04-05", "day")],
    ),
]

RU: list[tuple[str, str | None, Expected]] = [
    (
        "31 марта 1918 года начались бои.",
        None,
        [("31 марта 1918 года", "1918-03-31", "1918-03-31", "day")],
    ),
    (
        "Бои шли с 14 по 17 сентября 1918 года.",
        None,
        [("с 14 по 17 сентября 1918 года", "1918-09-14", "1918-09-17", "day")],
    ),
    (
        "В марте 1918 года город был захвачен.",
        None,
        [("марте 1918 года", "1918-03-01", "1918-03-31", "month")],
    ),
    (
        "Это произошло 100 лет назад.",
        "2018-11-11",
        [("100 лет назад", "1918-01-01", "1918-12-31", "year")],
    ),
    (
        "Летом 1941 года началась война.",
        None,
        [("Летом 1941 года", "1941-06-01", "1941-08-31", "season")],
    ),
    (
        "В 1920 году в городе было 1920 жителей.",
        None,
        [("1920 году", "1920-01-01", "1920-12-31", "year")],
    ),
    (
        "События 30 марта — 2 апреля 1918 года потрясли город.",
        None,
        [("30 марта — 2 апреля 1918 года", "1918-03-30", "1918-04-02", "day")],
    ),
    (
        "В конце мая 1919 года отряд ушёл.",
        None,
        [("В конце мая 1919 года", "1919-05-21", "1919-05-31", "month")],
    ),
    ("Город вырос в 1930-х годах.", None, [("1930-х годах", "1930-01-01", "1939-12-31", "decade")]),
]


def _ids(table: list[tuple[str, str | None, Expected]]) -> list[str]:
    return [t[0][:40] for t in table]


@pytest.mark.parametrize(("text", "doc_date", "expected"), EN, ids=_ids(EN))
def test_en(text: str, doc_date: str | None, expected: Expected) -> None:
    assert _run(text, "en", doc_date) == expected


@pytest.mark.parametrize(("text", "doc_date", "expected"), FR, ids=_ids(FR))
def test_fr(text: str, doc_date: str | None, expected: Expected) -> None:
    assert _run(text, "fr", doc_date) == expected


@pytest.mark.parametrize(("text", "doc_date", "expected"), DE, ids=_ids(DE))
def test_de(text: str, doc_date: str | None, expected: Expected) -> None:
    assert _run(text, "de", doc_date) == expected


@pytest.mark.parametrize(("text", "doc_date", "expected"), ES, ids=_ids(ES))
def test_es(text: str, doc_date: str | None, expected: Expected) -> None:
    assert _run(text, "es", doc_date) == expected


@pytest.mark.parametrize(("text", "doc_date", "expected"), RU, ids=_ids(RU))
def test_ru(text: str, doc_date: str | None, expected: Expected) -> None:
    assert _run(text, "ru", doc_date) == expected


CENTURIES = [
    (
        "en",
        "Villages were emptied in the 19th century.",
        [("the 19th century", "1801-01-01", "1900-12-31", "century")],
    ),
    (
        "fr",
        "Au XIXe siècle, la ville grandit.",
        [("Au XIXe siècle", "1801-01-01", "1900-12-31", "century")],
    ),
    (
        "de",
        "Im 20. Jahrhundert brannte die Stadt.",
        [("Im 20. Jahrhundert", "1901-01-01", "2000-12-31", "century")],
    ),
    (
        "es",
        "En el siglo XVIII llegaron colonos.",
        [("En el siglo XVIII", "1701-01-01", "1800-12-31", "century")],
    ),
    ("ru", "В XIX веке город вырос.", [("XIX веке", "1801-01-01", "1900-12-31", "century")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CENTURIES)
def test_centuries(lang: str, text: str, expected: Expected) -> None:
    assert _run(text, lang, None) == expected


KNOWN_FAILURES: list[tuple[str, str, Expected]] = [
    # "winter 1942" is read as Dec 1942 - Feb 1943; many writers mean Jan-Feb 1942.
    (
        "de",
        "Im Winter 1942 erfroren viele.",
        [("Im Winter 1942", "1942-01-01", "1942-02-28", "season")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), KNOWN_FAILURES)
@pytest.mark.xfail(strict=True, reason="known limitation")
def test_known_failures(lang: str, text: str, expected: Expected) -> None:
    assert _run(text, lang, None) == expected


def test_kinds_and_sources() -> None:
    text = "Le 31 juillet 1918, puis les 15 et 17 septembre, dans la nuit du 18 au 19 septembre."
    ms = find_times(text, "fr")
    assert [(m.kind, m.source) for m in ms] == [
        ("date", "explicit"),
        ("list", "context"),
        ("night", "context"),
    ]
    rel = find_times("107 years ago", "en", "2025-03-31")[0]
    assert (rel.kind, rel.source, rel.start_date) == (
        "relative_to_doc",
        "document_date",
        "1918-01-01",
    )


# --- narrative anchoring ----------------------------------------------------------------

NARRATIVE_EN = [
    "The uprising lasted from 3 May to 6 May 1921.",
    "During this time, soldiers burned the market.",
    "On the third day of the uprising, the bridge fell.",
    "Nothing is dated here.",
    "On 20 June the council met.",
]


def _feed(ctx: TimeContext, sentences: list[str]) -> list[list[TimeMention]]:
    out = []
    pos = 0
    for s in sentences:
        out.append(ctx.find(s, offset=pos))
        pos += len(s) + 1
    return out


def test_narrative_context_en() -> None:
    ctx = TimeContext("en", None)
    per = _feed(ctx, NARRATIVE_EN[:2])
    during = per[1][0]
    assert (during.text, during.kind, during.source) == ("During this time", "narrative", "context")
    assert (during.start_date, during.end_date) == ("1921-05-03", "1921-05-06")
    third = ctx.find(NARRATIVE_EN[2])[0]
    assert (third.start_date, third.end_date, third.precision) == (
        "1921-05-05",
        "1921-05-05",
        "day",
    )
    assert ctx.find(NARRATIVE_EN[3]) == []
    cur = ctx.current()
    assert cur is not None and cur.start_date == "1921-05-05"
    june = ctx.find(NARRATIVE_EN[4])[0]
    assert (june.start_date, june.source) == ("1921-06-20", "context")


def test_narrative_context_fr_fourth_day_and_same_days() -> None:
    ctx = TimeContext("fr", None)
    sents = [
        "Les émeutes éclatèrent les 15 et 17 août 1920 dans le port.",
        "Des maisons furent pillées pendant trois jours.",
        "Le quatrième jour du massacre, les survivants furent déportés.",
        "Pendant ces jours, la ville resta fermée.",
    ]
    per = _feed(ctx, sents)
    assert per[1] == []  # a bare duration is not a time mention
    fourth = per[2][0]
    assert (fourth.start_date, fourth.end_date, fourth.source) == (
        "1920-08-18",
        "1920-08-18",
        "context",
    )
    same = per[3][0]
    assert (same.start_date, same.end_date) == ("1920-08-15", "1920-08-17")


def test_same_n_days_and_wider_background() -> None:
    ctx = TimeContext("en", "2025-01-01")
    per = _feed(
        ctx,
        [
            "Between May 11 and May 14, 1931, the town burned.",
            "In 1931 the region was at war.",
            "During the same four days, 90 villages were destroyed.",
        ],
    )
    assert per[1][0].start_date == "1931-01-01"
    cur = ctx.current()
    # The wider "1931" is background: the narrative stays on the four days.
    assert cur is not None and cur.text == "During the same four days"
    assert (cur.start_date, cur.end_date) == ("1931-05-11", "1931-05-14")


def test_resolve_sentence_level_mentions() -> None:
    ctx = TimeContext("fr", None)
    first = find_times("Le 3 avril 1919, la ville tomba.", "fr")
    ctx.update(first)
    loose = find_times("Le 31 juillet, tout recommença.", "fr")
    assert loose[0].start_date is None
    fixed = ctx.resolve(loose)
    assert (fixed[0].start_date, fixed[0].source) == ("1919-07-31", "context")
    assert (fixed[0].start, fixed[0].end) == (loose[0].start, loose[0].end)


def test_update_resolves_sentence_mentions() -> None:
    ctx = TimeContext("fr", "2024-01-01")
    ctx.update(find_times("Le 3 avril 1919, la ville tomba.", "fr"))
    ctx.update(find_times("Le 31 juillet, tout recommença.", "fr", "2024-01-01"))
    cur = ctx.current()
    assert cur is not None
    assert (cur.text, cur.start_date, cur.source) == ("31 juillet", "1919-07-31", "context")


def test_no_made_up_dates() -> None:
    assert find_times("During this time the city burned.", "en") == [
        TimeMention(0, 16, "During this time", None, None, "day", "narrative", "context")
    ]
    assert find_times("Hace 3 años todo cambió.", "es")[0].start_date is None


def test_other_languages_fall_back_to_cldr_names() -> None:
    ms = find_times("Il 25 aprile 1945 la città fu liberata.", "it")
    assert [(m.text, m.start_date) for m in ms] == [("25 aprile 1945", "1945-04-25")]


# --- properties ---------------------------------------------------------------------------

_FRAGMENTS = [
    "1918",
    "15",
    "3",
    "31",
    "2025-03-31",
    "12/03/1938",
    "March",
    "mars",
    "März",
    "marzo",
    "марта",
    "марте",
    "and",
    "et",
    "und",
    "y",
    "и",
    "to",
    "au",
    "bis",
    "al",
    "по",
    "du",
    "vom",
    "del",
    "с",
    "between",
    "from",
    "les",
    "–",
    "-",
    ",",
    ".",
    "(",
    ")",
    "in",
    "en",
    "im",
    "в",
    "ago",
    "il y a",
    "vor",
    "Jahren",
    "hace",
    "años",
    "лет назад",
    "the night of",
    "la nuit du",
    "summer",
    "printemps",
    "Sommer",
    "verano",
    "летом",
    "end of",
    "la fin du mois de",
    "During this time",
    "le quatrième jour",
    "the 1930s",
    "années",
    "года",
    "er",
    "st",
    "1er",
    "septembre",
    "September",
    "de",
    "of",
    "Day",
    "days",
    "jours",
    "février",
    "fevrier",
    "aout",
]


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=4)), max_size=14),
    seps=st.lists(st.sampled_from([" ", "", "  ", "\n", " ,", "’"]), min_size=14, max_size=14),
    lang=st.sampled_from(["en", "fr", "de", "es", "ru", "it"]),
    doc_date=st.sampled_from([None, "2025-03-31", "1999", "2020-07"]),
)
def test_offsets_and_order_property(
    parts: list[str], seps: list[str], lang: str, doc_date: str | None
) -> None:
    text = "".join(p + s for p, s in zip(parts, seps, strict=False))
    for m in find_times(text, lang, doc_date):
        assert text[m.start : m.end] == m.text
        assert m.text and not m.text[0].isspace() and not m.text[-1].isspace()
        assert (m.start_date is None) == (m.end_date is None)
        if m.start_date is not None and m.end_date is not None:
            assert m.start_date <= m.end_date
        assert m.precision in PRECISIONS


# --- the shared corpus ----------------------------------------------------------------------

from tests.conftest import SHARED, first_dev_set, needs_shared  # noqa: E402

_SENT = re.compile(r"[^\n]+?(?:[.!?;](?:\[\d+\])*(?=\s)|$)", re.M)


def _agreement(split: str, first_only: bool = False) -> dict[str, list[bool]]:
    meta = {}
    with open(SHARED / "corpus" / split / "SOURCES.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["file"]] = row
    with open(SHARED / "gold" / f"{split}.jsonl", encoding="utf-8") as f:
        gold = [json.loads(line) for line in f]
    by_doc: dict[str, list[dict[str, object]]] = {}
    for g in gold:
        if g["kind"] == "figure" and g.get("time"):
            by_doc.setdefault(g["doc"], []).append(g)
    out: dict[str, list[bool]] = {}
    for doc, figures in sorted(by_doc.items()):
        if first_only and not first_dev_set(doc):
            continue
        row = meta[doc]
        date = re.match(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", row.get("publication_date_if_known") or "")
        text = (SHARED / "corpus" / split / doc).read_text(encoding="utf-8")
        ctx = TimeContext(row["language"], date.group() if date else None)
        for s in _SENT.finditer(text):
            here = [m for m in ctx.find(s.group(), offset=s.start()) if m.start_date]
            for g in figures:
                pos = int(str(g["start"]))
                if not s.start() <= pos < s.end():
                    continue
                t = min(here, key=lambda m: _distance(m, pos)) if here else ctx.current()
                window = g["time"]["within"]  # type: ignore[index]
                ok = (
                    t is not None
                    and t.start_date is not None
                    and t.end_date is not None
                    and window[0] <= t.start_date
                    and t.end_date <= window[1]
                )
                out.setdefault(row["language"], []).append(ok)
    return out


def _distance(m: TimeMention, pos: int) -> int:
    return min(abs(m.start - pos), abs(m.end - pos))


def _rate(results: dict[str, list[bool]], langs: tuple[str, ...] | None = None) -> float:
    flat = [ok for lang, oks in results.items() if langs is None or lang in langs for ok in oks]
    return sum(flat) / len(flat)


needs_corpus = needs_shared


@needs_corpus
def test_corpus_time_agreement() -> None:
    seeds = _agreement("seeds")
    dev = _agreement("dev", first_only=True)
    # Measured: seeds 21/21, dev en 37/37, fr 4/4, es 12/12, de 13/16, ru 5/6 (see report).
    assert _rate(seeds) >= 1.0
    assert _rate(dev, ("en", "fr")) >= 1.0
    assert _rate(dev) >= 0.94
    # All 38 dev documents (measured 2026-12-07).
    assert _rate(_agreement("dev")) >= DEV_ALL_TIME


DEV_ALL_TIME = 0.80
