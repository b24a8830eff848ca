"""Which time dates a figure in whole invented documents: the reported clause's own time,
page stamps after a publication label, and figures whose written form is irregular."""

from __future__ import annotations

import pytest

from rashomon.extract.pipeline import parse


def _figures(text: str, lang: str, date: str | None) -> dict[str, dict[str, object]]:
    parsed = parse(text, lang, date)
    assert parsed is not None
    return {
        c.value["text"].casefold(): {"time": c.time, "notes": c.notes, "low": c.value["low"]}
        for c in parsed.claims
        if c.kind == "figure" and c.value
    }


def _span(fig: dict[str, object]) -> tuple[object, object] | None:
    t = fig["time"]
    return None if t is None else (t["start"], t["end"])  # type: ignore[index]


# A caption line before the report ("under curfew since the weekend") runs into the sentence
# whose reporting verb puts the figure in a clause of its own; that clause's time dates it.
# Document date: Tuesday 17 May 2005; last week = 9-15 May.
REPORTED = [
    (
        "en",
        "Ranov has been under curfew since the weekend\n"
        "The prosecutor has said 40 people died in clashes in Ranov last week.",
        "40",
    ),
    (
        "fr",
        "Ranov est sous couvre-feu depuis ce week-end\n"
        "Le procureur a déclaré que 40 personnes étaient mortes à Ranov la semaine dernière.",
        "40",
    ),
    (
        "de",
        "Über Ranov gilt seit dem Wochenende eine Ausgangssperre\n"
        "Der Staatsanwalt sagte, 40 Menschen seien letzte Woche in Ranov gestorben.",
        "40",
    ),
    (
        "es",
        "Ranov está bajo toque de queda desde el fin de semana\n"
        "El fiscal dijo que 40 personas murieron en Ranov la semana pasada.",
        "40",
    ),
    (
        "ru",
        "В Ранове с выходных действует комендантский час\n"
        "Прокурор заявил, что 40 человек погибли в Ранове на прошлой неделе.",
        "40",
    ),
]


def _upper(text: str) -> str:
    return text.upper()


def _wrap(text: str) -> str:
    """Hard-wrapped: the reported sentence broken in the middle of its clause."""
    head, _, tail = text.partition("\n")
    words = tail.split(" ")
    mid = len(words) // 2
    return head + "\n" + " ".join(words[:mid]) + "\n" + " ".join(words[mid:])


@pytest.mark.parametrize("shape", [str, _upper, _wrap], ids=["as_written", "upper", "wrapped"])
@pytest.mark.parametrize(("lang", "text", "value"), REPORTED, ids=[r[0] for r in REPORTED])
def test_reported_clause_time_dates_the_figure(
    lang: str, text: str, value: str, shape: object
) -> None:
    figs = _figures(shape(text), lang, "2005-05-17")  # type: ignore[operator]
    assert _span(figs[value]) == ("2005-05-09", "2005-05-15"), figs


def test_time_before_the_verb_of_the_figure_s_own_clause_stays() -> None:
    """No reporting verb between: the time before the figure is its own ("Last week
    officials said" reports; "Last week 40 people died" does not)."""
    figs = _figures(
        "Last week 40 people died in clashes in Ranov, the prosecutor said on Monday.",
        "en",
        "2005-05-17",
    )
    assert _span(figs["40"]) == ("2005-05-09", "2005-05-15")


@pytest.mark.parametrize(
    ("lang", "stamp"),
    [
        ("en", "Last Updated: Tuesday, 17 May, 2005, 18:33 GMT"),
        ("fr", "Mis à jour le mardi 17 mai 2005"),
        ("de", "Aktualisiert am 17. Mai 2005"),
        ("es", "Actualizado el 17 de mayo de 2005"),
        ("ru", "Обновлено 17 мая 2005"),
    ],
)
def test_publication_label_dates_the_page_not_the_headline(lang: str, stamp: str) -> None:
    headline = {
        "en": "Officials put toll at 90",
        "fr": "Les autorités font état de 90 morts",
        "de": "Behörden melden 90 Tote",
        "es": "Las autoridades cifran en 90 los muertos",
        "ru": "Власти сообщили о 90 погибших",
    }[lang]
    for text in (f"{stamp}\n{headline}\n", f"{stamp}\n{headline}\n".upper()):
        parsed = parse(text, lang, None)
        assert parsed is not None
        roles = [t.role for s in parsed.sentences for t in s.times if "17" in t.text]
        assert roles == ["publication"], (text, roles)


def test_infobox_date_row_stays_the_event_s() -> None:
    text = "Conflict: Ranov riots\nDate: 30 March - 2 April 1918\nCasualties: 900 killed\n"
    parsed = parse(text, "en", None)
    assert parsed is not None
    roles = [t.role for s in parsed.sentences for t in s.times]
    assert roles and set(roles) == {"event"}


@pytest.mark.parametrize(
    ("lang", "text", "anchor", "value"),
    [
        ("de", "Über 60'0000 Tote zählte die Uno bis Ende November 2012.", "über 60'0000", 60000),
        ("fr", "Plus de 60'0000 morts selon l'ONU.", "plus de 60'0000", 60000),
        ("en", "More than 60'0000 people were killed.", "more than 60'0000", 60000),
        ("es", "Más de 12'00 muertos según la ONU.", "más de 12'00", 12000),
    ],
)
def test_irregular_figure_is_read_by_its_separator_and_flagged(
    lang: str, text: str, anchor: str, value: int
) -> None:
    figs = _figures(text, lang, None)
    assert anchor in figs, figs
    fig = figs[anchor]
    assert fig["low"] == value
    notes = " ".join(fig["notes"])  # type: ignore[arg-type]
    assert "irregular" in notes and "'" in notes


def test_regular_swiss_grouping_carries_no_note() -> None:
    figs = _figures("Die Uno zählt 569'000 Geflohene und 60'000 Tote.", "de", None)
    for key in ("569'000", "60'000"):
        assert not any("irregular" in n for n in figs[key]["notes"])  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Doctors there reported about 4,000 surgical procedures and 500 amputations."),
        ("fr", "Les médecins ont pratiqué 4 000 interventions chirurgicales et 500 amputations."),
        ("de", "Die Ärzte nahmen 4.000 chirurgische Eingriffe und 500 Amputationen vor."),
        ("es", "Los médicos realizaron 4.000 intervenciones quirúrgicas y 500 amputaciones."),
        ("ru", "Врачи провели 500 ампутаций в госпитале."),
    ],
)
def test_treatment_counts_are_injuries(lang: str, text: str) -> None:
    """Operations and amputations count the wounded treated, never the dead (a lost-time
    merge otherwise pits them against a death toll as a dispute)."""
    parsed = parse(text, lang, None)
    assert parsed is not None
    measures = {c.value["text"]: c.measure for c in parsed.claims if c.kind == "figure" and c.value}
    assert measures and set(measures.values()) == {"injured"}, measures
