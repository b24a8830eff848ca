"""Extraction, per language: made-up sentences (no corpus text) with the claims they must give.

Each row: (text, lang, doc_date, expected claims as (figure text, measure, low, high, qualifier)).
Fields beyond the value are checked in the focused tests below.
"""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.extract import parse

Row = tuple[str, str, str | None, list[tuple[str, str, int | None, int | None, str]]]

CASES: list[Row] = [
    # Hospital wording counts the injured; "скончались" counts the dead.
    (
        "В Остерло погибли 12 человек, 40 человек госпитализированы, 2 скончались в больнице.",
        "ru",
        None,
        [
            ("12", "killed", 12, 12, "exact"),
            ("40", "injured", 40, 40, "exact"),
            ("2", "killed", 2, 2, "exact"),
        ],
    ),
    (
        "Twelve people died and 40 were hospitalized, 5 in critical condition.",
        "en",
        None,
        [
            ("Twelve", "killed", 12, 12, "exact"),
            ("40", "injured", 40, 40, "exact"),
            ("5", "injured", 5, 5, "exact"),
        ],
    ),
    (
        "Douze personnes sont mortes et 40 ont été hospitalisées.",
        "fr",
        None,
        [("Douze", "killed", 12, 12, "exact"), ("40", "injured", 40, 40, "exact")],
    ),
    # A predicate after another count is that count's, not the first one's.
    (
        "В войне погибли 9000 человек и 20000 были ранены.",
        "ru",
        None,
        [("9000", "killed", 9000, 9000, "exact"), ("20000", "injured", 20000, 20000, "exact")],
    ),
    # English
    (
        "At least 42 people were killed in the attack on the market.",
        "en",
        None,
        [("At least 42", "killed", 42, None, "at_least")],
    ),
    (
        "The raid left about 70 wounded and 12 dead.",
        "en",
        None,
        [("about 70", "injured", 70, 70, "approx"), ("12", "killed", 12, 12, "exact")],
    ),
    (
        "Some 3,500 residents fled to the hills.",
        "en",
        None,
        [("Some 3,500", "displaced", 3500, 3500, "approx")],
    ),
    (
        "Police arrested more than 200 protesters.",
        "en",
        None,
        [("more than 200", "detained", 200, None, "more_than")],
    ),
    (
        "Thousands of villagers were deported in the winter.",
        "en",
        None,
        [("Thousands", "displaced", 1000, None, "vague")],
    ),
    (
        "Between 3,000 and 12,000 civilians died.",
        "en",
        None,
        [("Between 3,000 and 12,000", "killed", 3000, 12000, "range")],
    ),
    (
        "Up to 24,000 people may have been killed.",
        "en",
        None,
        [("Up to 24,000", "killed", None, 24000, "at_most")],
    ),
    ("The militia burned 58 villages.", "en", None, [("58", "destroyed", 58, 58, "exact")]),
    (
        "A force of 6,000 troops held the city.",
        "en",
        None,
        [("6,000", "combatants", 6000, 6000, "exact")],
    ),
    (
        "The town, a community of roughly 900 people, was emptied.",
        "en",
        None,
        [("roughly 900", "population", 900, 900, "approx")],
    ),
    ("Some 300 are still missing.", "en", None, [("Some 300", "missing", 300, 300, "approx")]),
    ("In 1995 the city produced about 90% of the oil on 3 May.", "en", None, []),
    ("The siege lasted three days and two sides fought on the fourth floor.", "en", None, []),
    # French
    (
        "Plus de 200 personnes ont été tuées à l'aube.",
        "fr",
        None,
        [("Plus de 200", "killed", 200, None, "more_than")],
    ),
    (
        "Des milliers d'habitants ont fui vers les montagnes.",
        "fr",
        None,
        [("Des milliers", "displaced", 1000, None, "vague")],
    ),
    (
        "Le bilan s'élève à 29 063 victimes.",
        "fr",
        None,
        [("29 063", "victims", 29063, 29063, "exact")],
    ),
    (
        "Environ 150 blessés ont été soignés à l'hôpital.",
        "fr",
        None,
        [("Environ 150", "injured", 150, 150, "approx")],
    ),
    (
        "Les troupes, fortes de 20\u00a0000 hommes, ont avancé.",
        "fr",
        None,
        [("20\u00a0000", "combatants", 20000, 20000, "exact")],
    ),
    (
        "Quarante villages ont été incendiés.",
        "fr",
        None,
        [("Quarante", "destroyed", 40, 40, "exact")],
    ),
    ("Le troisième jour, au quatrième étage, il a attendu trois jours.", "fr", None, []),
    # German
    (
        "Mindestens 80 Menschen wurden getötet.",
        "de",
        None,
        [("Mindestens 80", "killed", 80, None, "at_least")],
    ),
    (
        "Rund 2.500 Bewohner flohen aus der Stadt.",
        "de",
        None,
        [("Rund 2.500", "displaced", 2500, 2500, "approx")],
    ),
    (
        "Bis zu 30.000 Menschen starben.",
        "de",
        None,
        [("Bis zu 30.000", "killed", None, 30000, "at_most")],
    ),
    (
        "Über 40 Häuser wurden zerstört.",
        "de",
        None,
        [("Über 40", "destroyed", 40, None, "more_than")],
    ),
    # Spanish
    (
        "Al menos 8732 personas fueron asesinadas.",
        "es",
        None,
        [("Al menos 8732", "killed", 8732, None, "at_least")],
    ),
    (
        "Unas 1000 personas siguen desaparecidas.",
        "es",
        None,
        [("Unas 1000", "missing", 1000, 1000, "approx")],
    ),
    (
        "Miles de campesinos fueron deportados.",
        "es",
        None,
        [("Miles", "displaced", 1000, None, "vague")],
    ),
    (
        "Entre 1,5 y 12 millones de personas murieron de hambre.",
        "es",
        None,
        [("Entre 1,5 y 12 millones", "killed", 1500000, 12000000, "range")],
    ),
    # Russian
    (
        "По данным комиссии, погибли около 400 человек.",
        "ru",
        None,
        [("около 400", "killed", 400, 400, "approx")],
    ),
    (
        "Более 300 человек были ранены.",
        "ru",
        None,
        [("Более 300", "injured", 300, None, "more_than")],
    ),
    ("В городе было арестовано 120 человек.", "ru", None, [("120", "detained", 120, 120, "exact")]),
    # Counts of groups, camps and firms count no people; a lower-case German group word is an
    # adjective.
    (
        "Die Anklage nannte mehr als 30 italienische und britische Firmen, deren Gas 900 Menschen tötete.",
        "de",
        None,
        [("900", "killed", 900, 900, "exact")],
    ),
    (
        "Over 30 British firms sold the gas that killed 900 people.",
        "en",
        None,
        [("900", "killed", 900, 900, "exact")],
    ),
    (
        "Бойцы 12 групп боевиков убили 70 человек в трёх лагерях беженцев.",
        "ru",
        None,
        [("70", "killed", 70, 70, "exact")],
    ),
]


def _claims(text: str, lang: str, date: str | None = None) -> list[dict[str, Any]]:
    parsed = parse(text, lang, date, "doc", "test.txt")
    assert parsed is not None
    return [c.to_dict() for c in parsed.claims]


@pytest.mark.parametrize(
    ("text", "lang", "date", "expected"), CASES, ids=[c[0][:40] for c in CASES]
)
def test_figures(text: str, lang: str, date: str | None, expected: list[Any]) -> None:
    got = [
        (
            c["value"]["text"],
            c["measure"],
            c["value"]["low"],
            c["value"]["high"],
            c["value"]["qualifier"],
        )
        for c in _claims(text, lang, date)
    ]
    assert got == expected


def test_contract_shape_offsets_and_determinism() -> None:
    text = (
        "NORVIK, 3 May 2024 — According to the Red Cross, at least 40 people were killed in "
        "Aleppo on 1 May 2024. The same report said about 100 were wounded.\n\n"
        "Officials said 12 houses were destroyed."
    )
    first = _claims(text, "en", "2024-05-03")
    second = _claims(text, "en", "2024-05-03")
    assert first == second and len(first) == 3
    keys = {
        "id",
        "doc",
        "kind",
        "event_type",
        "measure",
        "value",
        "unit",
        "time",
        "places",
        "perpetrators",
        "victims",
        "attribution",
        "evidence",
        "framing",
        "confidence",
        "extractor",
    }
    for claim in first:
        assert keys <= set(claim)
        value, evidence = claim["value"], claim["evidence"]
        assert text[value["start"] : value["end"]] == value["text"]
        assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
        if claim["attribution"]:
            attribution = claim["attribution"]
            assert text[attribution["start"] : attribution["end"]] == attribution["text"]
        if claim["time"]:
            assert (
                text[claim["time"]["start_char"] : claim["time"]["end_char"]]
                == claim["time"]["text"]
            )
    assert len({c["id"] for c in first}) == 3


def test_time_place_attribution_and_carry_over() -> None:
    text = (
        "According to the Red Cross, at least 40 people were killed in Aleppo on 1 May 2016. "
        "The total of wounded was 100."
    )
    killed, wounded = _claims(text, "en")
    assert killed["time"]["start"] == "2016-05-01" and killed["time"]["source"] == "explicit"
    assert killed["places"][0]["name"] == "Aleppo" and killed["places"][0]["lat"] is not None
    assert killed["attribution"]["speaker"] == "the Red Cross"
    # The next sentence continues the same report: its figure keeps the source, and the time.
    assert wounded["attribution"]["speaker"] == "the Red Cross"
    assert wounded["attribution"]["carried_from_previous_sentence"] is True
    assert wounded["time"]["source"] == "context"


def test_relative_time_from_document_date_and_unknown_date() -> None:
    text = "107 years ago, more than 500 people were killed in Guba."
    dated = _claims(text, "en", "2025-03-31")[0]
    assert dated["time"]["start"].startswith("1918") and dated["time"]["source"] == "document_date"
    undated = _claims(text, "en", None)[0]
    assert undated["time"] is None  # never a made-up date


def test_enumerated_figures_take_their_own_places() -> None:
    text = "The militias killed 900 people in Shamakhi, 400 people in Guba and 120 people in Quba."
    claims = _claims(text, "en")
    assert [c["measure"] for c in claims] == ["killed"] * 3
    assert [c["places"][0]["name"] for c in claims] == ["Shamakhi", "Guba", "Guba"]


def test_perpetrators_and_victims_from_voice() -> None:
    active = _claims("The Dashnaks killed 300 Azerbaijanis in the village.", "en")[0]
    assert [p["name"] for p in active["perpetrators"]] == ["Armenian Revolutionary Federation"]
    assert any(v["name"] == "Azerbaijanis" for v in active["victims"])
    passive = _claims("Some 200 Armenians were killed by Ottoman troops.", "en")[0]
    assert any("Armenian" in v["text"] for v in passive["victims"])
    assert not any("Armenian" in p["text"] for p in passive["perpetrators"])


def test_unnamed_and_inverted_sources() -> None:
    claims = _claims(
        "Most estimates put the toll at 10,000, although some sources claim as many as 30,000.",
        "en",
    )
    assert "estimates" in claims[0]["attribution"]["text"].lower()
    assert claims[1]["attribution"]["speaker"] == "some sources"
    ru = _claims("Погибли 410 человек, сообщила генпрокурор Ирина Иванова.", "ru")[0]
    assert "Иванова" in ru["attribution"]["speaker"]


def test_framing_flags_loaded_terms_without_removing_them() -> None:
    claim = _claims("The terrorists committed genocide, killing 500 civilians.", "en")[0]
    assert claim["framing"] == ["genocide", "terrorist"]
    assert "terrorists" in claim["evidence"]["quote"]


def test_unsupported_language_gives_no_claims() -> None:
    assert parse("Tekst in een taal zonder gegevens: 40 doden.", "nl") is None


def test_event_claims_without_figures() -> None:
    text = (
        "On 31 July 1931 the Home Guard launched an attack, occupying Brisk on the night of "
        "14 to 15 August. The town was looted."
    )
    claims = _claims(text, "en")
    events = [c for c in claims if c["kind"] == "event"]
    by_type = {c["event_type"]: c for c in events}
    assert by_type["attack"]["time"]["start"] == "1931-07-31"
    assert (by_type["occupation"]["time"]["start"], by_type["occupation"]["time"]["end"]) == (
        "1931-08-14",
        "1931-08-15",
    )
    for event in events:
        assert event["measure"] is None and event["value"] is None
        trigger = event["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]
    # "The town was looted." names neither a time nor a place of its own: no event claim.
    assert "looting" not in by_type


def test_no_event_claim_for_an_event_a_figure_already_carries() -> None:
    claims = _claims("On 2 May 1931, 40 people were killed in Brisk.", "en")
    assert [c["kind"] for c in claims] == ["figure"]


def test_mixed_language_document_reads_each_passage_in_its_language() -> None:
    from rashomon.document import Document
    from rashomon.extract import extract_document
    from rashomon.ingest.langid import detect_passages

    french = (
        "Selon le rapport du conseil municipal, plus de 200 personnes ont été tuées dans la "
        "ville pendant la nuit, et des milliers d'habitants ont fui vers les collines."
    )
    english = (
        "The relief committee, quoted here in its own words, said that about 70 people were "
        "wounded during the same night and taken to the hospital in the valley."
    )
    text = f"{french}\n\n{english}\n"
    doc = Document(text=text, path="mixed.txt", media_type="text/plain")
    doc.lang, _, doc.lang_spans = detect_passages(text)
    assert [sp.lang for sp in doc.lang_spans] == ["fr", "en"]
    got = [(c.value["text"], c.measure) for c in extract_document(doc) if c.value]
    assert got == [
        ("plus de 200", "killed"),
        ("des milliers", "displaced"),
        ("about 70", "injured"),
    ]


def test_loaded_terms_in_the_documents_own_voice_are_flagged_apart() -> None:
    own = _claims("The terrorists committed genocide, killing 500 civilians.", "en")[0]
    assert own["framing_own_voice"] == ["genocide", "terrorist"]
    cited = _claims("According to the ministry, the genocide killed 500 civilians.", "en")[0]
    assert cited["framing"] == ["genocide"] and cited["framing_own_voice"] == []
    quoted = _claims('The council called it "a genocide"; 500 civilians were killed.', "en")[0]
    assert quoted["framing"] == ["genocide"] and quoted["framing_own_voice"] == []


def test_a_sentence_continuing_a_report_keeps_its_source() -> None:
    text = "The council said that 40 people were killed in Brisk. In total, 90 were wounded."
    killed, wounded = _claims(text, "en")
    assert killed["attribution"]["speaker"] == "The council"
    assert wounded["attribution"]["speaker"] == "The council"


@pytest.mark.parametrize(
    ("lang", "text", "figure"),
    [
        ("es", "Perecieron seis soldados.", "seis"),
        ("es", "ADEMÁS PERECIERON SEIS SOLDADOS DEL BATALLÓN.", "SEIS"),
        ("ru", "В бою погибли 32 военнослужащих.", "32"),
        ("en", "The rebels killed 40 soldiers near\nthe bridge.", "40"),
    ],
)
def test_a_harm_verb_right_before_a_troop_noun_counts_the_dead(
    lang: str, text: str, figure: str
) -> None:
    got = [(c["value"]["text"], c["measure"]) for c in _claims(text, lang)]
    assert got == [(figure, "killed")]


def test_troops_counted_after_an_agent_marker_are_still_a_strength() -> None:
    got = [
        (c["value"]["text"], c["measure"])
        for c in _claims("Villages were attacked by 300 soldiers.", "en")
    ]
    assert got == [("300", "combatants")]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("en", "The floods left 12,000 people homeless and 40 dead.", ["displaced", "killed"]),
        ("fr", "Les combats ont fait 30 morts et 5 000 sans-abri.", ["killed", "displaced"]),
        ("es", "El ataque dejó 25 muertos y 3.000 personas sin hogar.", ["killed", "displaced"]),
        ("de", "Der Sturm tötete 25 Menschen und machte 3.000 obdachlos.", ["killed", "displaced"]),
        (
            "ru",
            "Итоги:\nУбитых — 1 500\nРаненных — 4 000\nБездомных — 20 000\n",
            ["killed", "injured", "displaced"],
        ),
        ("ru", "Погибли 25 человек, ещё 3 000 остались без крова.", ["killed", "displaced"]),
    ],
)
def test_the_homeless_are_displaced_not_killed_or_injured(
    lang: str, text: str, want: list[str]
) -> None:
    """A count of the homeless is never read as a toll of the dead or the injured (nor, in a
    list, as the line above's measure)."""
    assert [c["measure"] for c in _claims(text, lang)] == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        (
            "ru",
            "Потери:\nУбитых — 1 500\nУбитых лесорубов — 600\nРаненных — 4 000\n",
            [("1 500", "Убитых"), ("600", "лесорубов"), ("4 000", "Раненных")],
        ),
        (
            "en",
            "Casualties:\nWounded: 4,000\nDead loggers: 600\n",
            [("4,000", "Wounded"), ("600", "loggers")],
        ),
        (
            "fr",
            "Bilan :\nBlessés : 4 000\nMorts : 1 500\n",
            [("4 000", "Blessés"), ("1 500", "Morts")],
        ),
    ],
)
def test_a_list_lines_label_names_whom_its_figure_counts(
    lang: str, text: str, want: list[tuple[str, str]]
) -> None:
    got = [(c["value"]["text"], c["victims"][0]["text"]) for c in _claims(text, lang)]
    assert got == want


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Toll:\nHomeless: 300,000\nHomeless without shelter: 100,000\n"),
        ("ru", "Итоги:\nУбитых — 1 200\nУбитых, чьи имена известны — 800\n"),
    ],
)
def test_a_list_line_narrowing_the_line_above_counts_a_part_of_it(lang: str, text: str) -> None:
    *_, whole, part = _claims(text, lang)
    assert whole["scope"] is None
    assert part["scope"]["kind"] == "subgroup" and part["measure"] == whole["measure"]


@pytest.mark.parametrize(
    ("lang", "text", "when"),
    [
        (
            "en",
            "In May 1931 the army advanced. Nearly 9,000 villagers were trapped in the valley.",
            "May 1931",
        ),
        (
            "fr",
            "En mai 1931, l'armée avança. Près de 9 000 villageois étaient pris au piège.",
            "mai 1931",
        ),
        (
            "es",
            "En mayo de 1931 el ejército avanzó. Unos 9.000 aldeanos quedaron atrapados.",
            "mayo de 1931",
        ),
        (
            "de",
            "Im Mai 1931 rückte die Armee vor. Rund 9.000 Dorfbewohner waren eingeschlossen.",
            "Mai 1931",
        ),
        (
            "ru",
            "В мае 1931 года армия наступала. Около 9 000 крестьян оказались в ловушке.",
            "мае 1931 года",
        ),
    ],
)
def test_people_trapped_are_a_population_at_the_events_time(
    lang: str, text: str, when: str
) -> None:
    """People caught in the event are a population, never a toll, and the narrative time
    dates them, as it does not a census ("the town had 9,000 inhabitants")."""
    [claim] = _claims(text, lang)
    assert claim["measure"] == "population" and when in claim["time"]["text"]
    census = _claims("In May 1931 the army advanced. The town had 9,000 inhabitants.", "en")
    assert [c["measure"] for c in census] == ["population"] and census[0]["time"] is None
