"""Dates from manifests and datelines; language per document and per passage."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.ingest.langid import detect, detect_passages
from rashomon.ingest.metadata import dateline_date, load_manifest, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2002-09-03", "2002-09-03"),
        ("2020-07", "2020-07"),
        ("2020-07 (25th anniversary)", "2020-07"),
        ("1950", "1950"),
        ("2022–2023 (90th anniversary)", None),
        ("2022-2023", None),
        ("unknown", None),
        ("2020-13-01", None),
        ("", None),
        (None, None),
        ("20200701", None),
    ],
)
def test_parse_date(value: str | None, expected: str | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("date 2024-06-02 2 Jun. 09:30 (UTC+2)\n\nToday ...", "en", "2024-06-02"),
        ("NORVIK, March 3, 2024 — Officials said", "en", "2024-03-03"),
        ("NORVIK, 3 mars 2024 — Les autorités", "fr", "2024-03-03"),
        ("NORVIK, 3. März 2024 – Die Behörden", "de", "2024-03-03"),
        ("NORVIK, 3 de marzo de 2024 — Las autoridades", "es", "2024-03-03"),
        # Wire copy that runs on from its dateline; a two-digit year reads as %y does.
        ("QUITO, 12 MAR 87 (EFE) -- [TEXT] CINCO CAMPESINOS MURIERON HOY " * 3, "es", "1987-03-12"),
        ("NORVIK, 3 MAR 05 (AFP) - Five people", "en", "2005-03-03"),
        ("Ciudad de México, 10 de diciembre de 2019 (RT).- Cinco", "es", "2019-12-10"),
        # Not a dateline: a narrative opening, and a day and number with no dash after.
        ("In Baku, 15 September 1918 - the day the city fell", "en", None),
        ("On 14 June 88 people were killed in the town, the army said.", "en", None),
        ("НОРВИК, 3 марта 2024 — Власти", "ru", "2024-03-03"),
        ("On 15 September 1918 troops entered the town and killed 300 people.", "en", None),
        ("\n\n  Published 2019-11-02 by the desk\nText", "en", "2019-11-02"),
        ("A long first line " * 10 + "2019-11-02", "en", None),
    ],
)
def test_dateline(text: str, lang: str, expected: str | None) -> None:
    assert dateline_date(text, lang) == expected


def test_manifest_column_aliases_and_unknowns(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    manifest = tmp_path / "sources.csv"
    manifest.write_text(
        "Filename,Outlet,Published,Language,Headline,Notes\n"
        'a.txt,"Norvik Gazette, evening edition",unknown (snapshot),fr,Un titre,partisan\n',
        encoding="utf-8",
    )
    loaded = load_manifest(manifest)
    row = loaded.rows[(tmp_path / "a.txt").resolve()]
    assert row.fields["publisher"] == "Norvik Gazette, evening edition"
    assert row.fields["date"] is None and row.notes["date"] == "unknown (snapshot)"
    assert row.fields["lang"] == "fr" and row.fields["title"] == "Un titre"
    assert row.extra == {"notes": "partisan"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les témoins ont parlé de milliers de morts dans les rues de la ville.", "fr"),
        ("Witnesses spoke of thousands of dead in the streets of the town.", "en"),
        ("Zeugen sprachen von Tausenden Toten in den Straßen der Stadt.", "de"),
        ("Los testigos hablaron de miles de muertos en las calles de la ciudad.", "es"),
        ("Свидетели говорили о тысячах погибших на улицах города.", "ru"),
        ("Şahidlər şəhərin küçələrində minlərlə ölüdən danışırdılar.", "az"),
        ("Վկաները խոսում էին քաղաքի փողոցներում հազարավոր զոհերի մասին։", "hy"),
        ("Svjedoci su govorili o hiljadama mrtvih na ulicama grada.", "bs"),
    ],
)
def test_detect_languages(text: str, lang: str) -> None:
    found, _ = detect(text)
    if lang == "bs":  # Bosnian, Croatian and Serbian in Latin script are one language to a detector
        assert found in {"bs", "hr", "sr"}
    else:
        assert found == lang


def test_mixed_document_has_language_spans() -> None:
    french = "Selon le rapport de la commission, plus de deux cents personnes ont été tuées dans la ville."
    english = (
        "The commission's report, quoted here in the original, said that two hundred people died."
    )
    text = f"{french} {french}\n\n{english}\n\n{french}"
    lang, _, spans = detect_passages(text)
    assert lang == "fr"
    assert [s.lang for s in spans] == ["fr", "en", "fr"]
    assert spans[0].start == 0 and spans[-1].end == len(text)
    assert text[spans[1].start : spans[1].end].strip().startswith("The commission")


def test_too_little_text_has_no_language() -> None:
    assert detect("12 000 — 14") == (None, 0.0)
    assert detect_passages("1918") == (None, 0.0, [])


SPANISH = (
    "Según el informe de la comisión, más de doscientas personas murieron en la ciudad "
    "durante la noche y miles de habitantes huyeron hacia las colinas cercanas al río."
)
PORTUGUESE = (
    "Segundo o relatório da comissão, mais de duzentas pessoas morreram na cidade durante a "
    "noite e milhares de habitantes fugiram para as colinas perto do rio."
)
RUSSIAN = (
    "По данным комиссии, более двухсот человек погибли в городе за ночь, и тысячи жителей "
    "бежали в горы недалеко от реки."
)


def test_a_monolingual_document_costs_one_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    from rashomon.ingest import langid

    calls: list[str] = []
    real = langid.detect
    monkeypatch.setattr(langid, "detect", lambda text: calls.append(text) or real(text))
    paragraphs = [
        f"{SPANISH} El día {d} el consejo dio una cifra de {n} muertos en la ciudad."
        for d, n in ((3, 120), (4, 300), (5, 80), (6, 45), (7, 1200), (8, 12))
    ]
    lang, _, spans = langid.detect_passages("\n\n".join(paragraphs))
    assert lang == "es" and [s.lang for s in spans] == ["es"]
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A related language, in the same script, with many of the same short words.
        ([SPANISH, SPANISH, PORTUGUESE, SPANISH], ["es", "pt", "es"]),
        ([PORTUGUESE, SPANISH, PORTUGUESE], ["pt", "es", "pt"]),
        # Another script.
        ([SPANISH, RUSSIAN, SPANISH, SPANISH], ["es", "ru", "es"]),
    ],
)
def test_a_change_of_language_is_still_seen_paragraph_by_paragraph(
    paragraphs: list[str], expected: list[str]
) -> None:
    _, _, spans = detect_passages("\n\n".join(paragraphs))
    assert [s.lang for s in spans] == expected
