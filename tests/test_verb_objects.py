"""The verb whose object a count is decides its measure, and a verb after "and" opens the next
clause: "gunmen killed three policemen and wounded 15 civilians" counts 3 killed and 15
injured, and the three policemen did not wound anyone.  Invented sentences."""

from __future__ import annotations

import pytest

from rashomon.extract import parse

_CASES = [
    (
        "en",
        "Gunmen killed three policemen and wounded 15 civilians.",
        [("killed", 3), ("injured", 15)],
    ),
    ("en", "A car bomb killed 3 soldiers and injured 15 others.", [("killed", 3), ("injured", 15)]),
    ("en", "Rebels killed three soldiers.", [("killed", 3)]),
    ("en", "The rebels killed the 40 soldiers guarding the post.", [("killed", 40)]),
    ("en", "The shelling killed 12 inhabitants.", [("killed", 12)]),
    (
        "fr",
        "Des hommes armés ont tué trois policiers et blessé 15 civils.",
        [("killed", 3), ("injured", 15)],
    ),
    ("fr", "Les rebelles ont tué trois soldats.", [("killed", 3)]),
    (
        "es",
        "Los guerrilleros mataron a tres policías e hirieron a 15 civiles.",
        [("killed", 3), ("injured", 15)],
    ),
    ("es", "Los rebeldes mataron a tres soldados.", [("killed", 3)]),
    (
        "de",
        "Bewaffnete töteten drei Polizisten und verletzten 15 Zivilisten.",
        [("killed", 3), ("injured", 15)],
    ),
    ("de", "Rebellen töteten drei Soldaten.", [("killed", 3)]),
    (
        "ru",
        "Боевики убили трёх полицейских и ранили 15 мирных жителей.",
        [("killed", 3), ("injured", 15)],
    ),
    ("ru", "Боевики убили трёх солдат.", [("killed", 3)]),
    # An act noun governs its "of" ("the death of 3 soldiers"); a bare count takes its verb.
    (
        "en",
        "The blast caused the death of 3 soldiers and the wounding of 4 others.",
        [("killed", 3), ("injured", 4)],
    ),
    ("fr", "L'explosion a provoqué la mort de trois soldats.", [("killed", 3)]),
    ("es", "La explosión causó la muerte de tres soldados.", [("killed", 3)]),
    ("de", "Die Explosion führte zum Tod von drei Soldaten.", [("killed", 3)]),
    ("en", "The guerrillas killed 2 and injured 5 in the ambush.", [("killed", 2), ("injured", 5)]),
    # "The dead were": the count names the dead; a list goes on after "and".
    (
        "en",
        "Among the dead were 11 soldiers and 4 policemen, the army said.",
        [("killed", 11), ("killed", 4)],
    ),
    ("en", "Rebels killed 11 soldiers and 4 policemen.", [("killed", 11), ("killed", 4)]),
    # Troop strength stays troop strength; a population stays a population.
    (
        "en",
        "The army has 3,000 soldiers and 400 policemen in the city.",
        [("combatants", 3000), ("combatants", 400)],
    ),
    ("en", "The army deployed 3,000 soldiers to the region.", [("combatants", 3000)]),
    (
        "en",
        "Two hundred soldiers stormed the village and killed 40 civilians.",
        [("combatants", 200), ("killed", 40)],
    ),
    ("en", "The town has 20,000 inhabitants.", [("population", 20000)]),
    ("en", "Three policemen and a soldier were killed.", [("killed", 3)]),
]


def _figures(lang: str, text: str) -> list[tuple[str | None, int | None]]:
    parsed = parse(text, lang)
    assert parsed is not None
    return [(c.measure, c.value["low"]) for c in parsed.claims if c.kind == "figure"]


@pytest.mark.parametrize(("lang", "text", "want"), _CASES)
def test_the_governing_verb_decides_the_measure(
    lang: str, text: str, want: list[tuple[str, int]]
) -> None:
    assert _figures(lang, text) == want
    # All-caps wire copy says the same.
    assert _figures(lang, f"{text.upper()} OFFICIALS SAID ON MONDAY IN THE CAPITAL.") == want


@pytest.mark.parametrize(
    ("lang", "text", "victims"),
    [
        ("en", "Gunmen killed three policemen and wounded 15 civilians.", "policemen"),
        ("fr", "Des hommes armés ont tué trois policiers et blessé 15 civils.", "policiers"),
        ("de", "Bewaffnete töteten drei Polizisten und verletzten 15 Zivilisten.", "Polizisten"),
        ("ru", "Боевики убили трёх полицейских и ранили 15 мирных жителей.", "полицейских"),
    ],
)
def test_the_counted_object_of_one_verb_is_no_doer_of_the_next(
    lang: str, text: str, victims: str
) -> None:
    parsed = parse(text, lang)
    assert parsed is not None
    doers = [p["text"] for c in parsed.claims for p in c.perpetrators]
    assert not any(victims in d for d in doers), doers


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # "two others wounded": a participle after a count is what it counts, not a verb
        # whose subject would be the dead of the first clause.
        (
            "fr",
            "Un soldat a été tué et deux autres blessés lors d'un accrochage.",
            [("injured", 2)],
        ),
        (
            "en",
            "One soldier was killed and two others wounded in a clash.",
            [("killed", 1), ("injured", 2)],
        ),
        ("ru", "Нападение унесло жизни 15 человек, 40 ранены.", [("killed", 15), ("injured", 40)]),
        ("ru", "Около 2000 семей были вынуждены покинуть свои дома.", [("displaced", 2000)]),
        # A count opening its own passive clause takes that clause's participle, however far.
        (
            "de",
            "Ein Soldat wurde getötet, zwei weitere wurden bei einem Gefecht mit der Guerilla "
            "verletzt.",
            [("injured", 2)],
        ),
        ("en", "Five people died, 20 were taken to hospital.", [("killed", 5), ("injured", 20)]),
    ],
)
def test_counted_participles_and_newswire_idioms(
    lang: str, text: str, want: list[tuple[str, int]]
) -> None:
    parsed = parse(text, lang)
    assert parsed is not None
    figures = [c for c in parsed.claims if c.kind == "figure"]
    assert [(c.measure, c.value["low"]) for c in figures] == want
    assert all(not c.perpetrators for c in figures)


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # A clock time with its leading zero counts nothing.
        ("en", "The bomb exploded at 0400 and killed 12 people.", [("killed", 12)]),
        # Counted attacks are events, not people.
        (
            "en",
            "Five people died and 30 were wounded in the 12 attacks carried out since January.",
            [("killed", 5), ("injured", 30)],
        ),
        ("fr", "Cinq personnes sont mortes dans les 12 attaques de la semaine.", [("killed", 5)]),
        ("es", "Cinco personas murieron en los 12 ataques de la semana.", [("killed", 5)]),
        ("de", "Fünf Menschen starben bei den 12 Anschlägen der Woche.", [("killed", 5)]),
        ("ru", "Пять человек погибли в ходе 12 терактов за неделю.", [("killed", 5)]),
    ],
)
def test_clock_times_and_counted_attacks_are_no_figures(
    lang: str, text: str, want: list[tuple[str, int]]
) -> None:
    assert _figures(lang, text) == want
