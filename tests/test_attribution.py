"""Who asserts a figure: speakers as noun phrases, in every language each rule covers.

Every sentence here is invented.  Each case is also read upper-cased (telex copy) and
hard-wrapped (plain-text archives): a rule about syntax must not depend on capitals that
merely mark a name, nor on a line staying unbroken.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rashomon.extract.pipeline import parse


def _upper(text: str) -> str:
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in text)


def _wrap(text: str, width: int = 30) -> str:
    out, col = list(text), 0
    for i, c in enumerate(text):
        col = 0 if c == "\n" else col + 1
        if c == " " and col > width:
            out[i], col = "\n", 0
    return "".join(out)


def _variants(text: str) -> Iterator[tuple[str, str]]:
    yield "plain", text
    yield "upper", _upper(text)
    yield "wrapped", _wrap(text)


def said_by(text: str, lang: str, anchor: str) -> str | None:
    """Speaker and cue words of the figure whose text is ``anchor`` (case-insensitive)."""
    p = parse(text, lang, None, "doc", "t.txt")
    assert p is not None
    for c in p.claims:
        if c.value and " ".join(str(c.value["text"]).split()).casefold() == anchor.casefold():
            a = c.attribution or {}
            said = " ".join(str(a.get(k) or "") for k in ("speaker", "text")).strip()
            return " ".join(said.split()) or None
    raise AssertionError(f"no figure {anchor!r} in {text!r}")


def check(text: str, lang: str, anchor: str, speaker: str | None) -> None:
    for name, variant in _variants(text):
        got = said_by(variant, lang, anchor)
        if speaker is None:
            assert got is None, (name, got)
        else:
            assert got is not None and speaker.casefold() in got.casefold(), (name, got)


# A reporting verb after a relative clause: its subject stands before the clause.
RELATIVE = [
    (
        "en",
        "The villagers, who walked to the city for two days, said the troops burned at "
        "least 30 houses.",
        "at least 30",
        "villagers",
    ),
    (
        "fr",
        "Les rescapés, qui ont marché deux jours jusqu'à la ville, ont déclaré que les "
        "soldats avaient brûlé au moins 30 maisons.",
        "au moins 30",
        "rescapés",
    ),
    (
        "de",
        "Die Dorfbewohner, die zwei Tage zu Fuß unterwegs waren, sagten, die Soldaten "
        "hätten mindestens 30 Häuser niedergebrannt.",
        "mindestens 30",
        "Dorfbewohner",
    ),
    (
        "es",
        "Los campesinos, que caminaron dos días hasta la ciudad, dijeron que los soldados "
        "quemaron al menos 30 casas.",
        "al menos 30",
        "campesinos",
    ),
    (
        "ru",
        "Беженцы, которые два дня шли пешком до города, сообщили, что солдаты сожгли не "
        "менее 30 домов.",
        "не менее 30",
        "Беженцы",
    ),
]


@pytest.mark.parametrize(("lang", "text", "anchor", "speaker"), RELATIVE)
def test_the_subject_stands_before_a_relative_clause(
    lang: str, text: str, anchor: str, speaker: str
) -> None:
    check(text, lang, anchor, speaker)


# The clause before the comma is the claim: its source follows the verb.
CLAIM_FIRST = [
    (
        "ru",
        "Личности четырёх погибших пока не установлены, сказал следователь.",
        "четырёх",
        "следователь",
    ),
    ("en", "Eleven bodies were found near the river, said police.", "Eleven", "police"),
    (
        "es",
        "Los cuerpos de 14 personas fueron hallados en una fosa, informó la fiscalía.",
        "14",
        "fiscalía",
    ),
    (
        "fr",
        "Les corps de 14 personnes ont été retrouvés dans une fosse, a indiqué la police.",
        "14",
        "police",
    ),
]


@pytest.mark.parametrize(("lang", "text", "anchor", "speaker"), CLAIM_FIRST)
def test_a_verb_after_the_claim_takes_the_noun_phrase_after_it(
    lang: str, text: str, anchor: str, speaker: str
) -> None:
    check(text, lang, anchor, speaker)


# A relative clause whose subject follows its verb: ", которую назвал X", ", qu'avançait X".
RELATIVE_OBJECT = [
    (
        "ru",
        "Министерство отвергло цифру в 30 погибших, которую накануне назвал местный "
        "правозащитный центр.",
        "30",
        "правозащитный центр",
    ),
    (
        "fr",
        "Le ministère a contesté le chiffre de 30 morts, qu'avançait le centre local des "
        "droits humains.",
        "30",
        "centre local",
    ),
]


@pytest.mark.parametrize(("lang", "text", "anchor", "speaker"), RELATIVE_OBJECT)
def test_a_relative_clause_names_its_own_speaker(
    lang: str, text: str, anchor: str, speaker: str
) -> None:
    check(text, lang, anchor, speaker)


def test_a_source_noun_before_the_verb_is_its_subject() -> None:
    # "reports" is also a reporting verb; right before "said" it is the subject.
    check("Earlier reports said that 45 bodies were found in a school.", "en", "45", "reports")


def test_a_pronoun_subject_after_a_quotation_is_kept_for_the_document_pass() -> None:
    p = parse('The mayor spoke on Monday. "We buried 23 people," she said.', "en", None, "d", "t")
    assert p is not None
    assert [a.speaker for s in p.sentences for a in s.attributions] == ["she"]


# Inflected reporting verbs and revisions: the subject of "raised the toll" asserts it.
VERB_FORMS = [
    (
        "de",
        "Die Behörden bestritten den Angriff und gaben an, zwölf Angreifer seien getötet worden.",
        "zwölf",
        "Behörden",
    ),
    (
        "de",
        "Mehrere Augenzeugen sprachen dagegen von mehr als 50 Toten.",
        "mehr als 50",
        "Augenzeugen",
    ),
    ("ru", "Ранее областная администрация сообщала о 15 погибших.", "15", "администрация"),
    ("es", "La Fiscalía regional elevó este martes a 15 el número de muertos.", "15", "Fiscalía"),
    ("en", "The ministry earlier recognized the deaths of 14 people.", "14", "ministry"),
]


@pytest.mark.parametrize(("lang", "text", "anchor", "speaker"), VERB_FORMS)
def test_inflected_reporting_and_revision_verbs(
    lang: str, text: str, anchor: str, speaker: str
) -> None:
    check(text, lang, anchor, speaker)


# Unnamed sources are attributions in their own right.
UNNAMED = [
    (
        "fr",
        "Au moins 12 civils ont été tués mardi, a-t-on appris de sources locales.",
        "Au moins 12",
        "sources locales",
    ),
    ("de", "Örtliche Quellen sprachen von mehr als 40 Toten.", "mehr als 40", "Quellen"),
    (
        "es",
        "Al menos 9 personas murieron, según fuentes policiales.",
        "Al menos 9",
        "fuentes policiales",
    ),
    (
        "ru",
        "Отряд насчитывал, по разным данным, от 300 до 500 бойцов.",
        "от 300 до 500",
        "по разным данным",
    ),
]


@pytest.mark.parametrize(("lang", "text", "anchor", "speaker"), UNNAMED)
def test_unnamed_sources(lang: str, text: str, anchor: str, speaker: str) -> None:
    check(text, lang, anchor, speaker)


def test_numbering_is_not_reporting() -> None:
    # "насчитывал" (numbered) says how large a unit was; nobody reports anything.
    check("Банда, насчитывавшая до тысячи сабель, ушла на юг.", "ru", "до тысячи", None)


# A cue that frames its sentence speaks for the next one while it counts the same thing.
CARRY = [
    (
        "en",
        "According to the regional council, 40 people were killed in the first village. "
        "In the next two villages another 90 people were killed.",
        "90",
        "regional council",
    ),
    (
        "fr",
        "Selon le conseil régional, 40 personnes ont été tuées dans le premier village. "
        "Dans les deux villages suivants, 90 autres personnes ont été tuées.",
        "90",
        "conseil régional",
    ),
    (
        "de",
        "Nach Angaben des Bezirksrats wurden im ersten Dorf 40 Menschen getötet. In den "
        "beiden Nachbardörfern wurden weitere 90 Menschen getötet.",
        "90",
        "Bezirksrats",
    ),
    (
        "es",
        "Según el consejo regional, 40 personas murieron en la primera aldea. En las dos "
        "aldeas siguientes murieron otras 90 personas.",
        "90",
        "consejo regional",
    ),
    (
        "ru",
        "По данным районного совета, в первой деревне были убиты 40 человек. В двух "
        "соседних деревнях были убиты ещё 90 человек.",
        "90",
        "районного совета",
    ),
]


@pytest.mark.parametrize(("lang", "text", "anchor", "speaker"), CARRY)
def test_a_framing_cue_carries_to_the_same_count(
    lang: str, text: str, anchor: str, speaker: str
) -> None:
    check(text, lang, anchor, speaker)


# ... but not to a count of another kind, nor from a verb's own clause.
NO_CARRY = [
    (
        "en",
        "According to the regional council, 40 people were killed. Thousands of people "
        "fled to the hills.",
        "Thousands",
    ),
    (
        "fr",
        "Selon le conseil régional, 40 personnes ont été tuées. Des milliers de personnes "
        "ont fui vers les collines.",
        "Des milliers",
    ),
    (
        "de",
        "Ein Sprecher des Bezirksrats sprach von 40 Toten. Im ganzen Land sind seit 2010 "
        "Tausende Menschen getötet worden.",
        "Tausende",
    ),
    (
        "es",
        "Según el consejo regional, 40 personas murieron. Miles de personas huyeron a las colinas.",
        "Miles",
    ),
    (
        "ru",
        "Районный совет сообщил о 40 погибших. Свыше тысячи человек бежали в горы.",
        "Свыше тысячи",
    ),
]


@pytest.mark.parametrize(("lang", "text", "anchor"), NO_CARRY)
def test_the_report_stops_at_another_kind_of_count(lang: str, text: str, anchor: str) -> None:
    check(text, lang, anchor, None)


# A pronoun subject takes the previous sentence's source on.
PRONOUN_CARRY = [
    (
        "en",
        "The insurgents announced that 3,500 people were killed. Later they lowered the "
        "toll and began to say that 2,300 died.",
        "2,300",
        "insurgents",
    ),
    (
        "ru",
        "Повстанцы объявили, что в лагере было убито 3500 человек. Затем они снизили это "
        "число, но снова начали утверждать, что погибших было 2300.",
        "2300",
        "Повстанцы",
    ),
]


@pytest.mark.parametrize(("lang", "text", "anchor", "speaker"), PRONOUN_CARRY)
def test_a_pronoun_takes_the_report_on(lang: str, text: str, anchor: str, speaker: str) -> None:
    check(text, lang, anchor, speaker)


def _stances(text: str, lang: str) -> dict[str, str]:
    p = parse(text, lang, None, "doc", "t.txt")
    assert p is not None
    return {
        " ".join(str(c.value["text"]).split()): str((c.stance or {}).get("status") or "asserted")
        for c in p.claims
        if c.value
    }


def test_a_headline_equal_to_the_new_toll_is_not_revised() -> None:
    got = _stances(
        "La fiscalía eleva a 13 los muertos de la masacre\n\nLa fiscalía elevó este martes a 13 "
        "el número de muertos tras hallar cuatro cuerpos más.",
        "es",
    )
    assert got["13"] == "asserted", got


@pytest.mark.parametrize(
    ("lang", "text", "old"),
    [
        (
            "ru",
            "Районный совет, ранее сообщавший о 300 погибших, увеличил число жертв до 500 человек.",
            "300",
        ),
        ("en", "The district council, which had reported 300 dead, raised the toll to 500.", "300"),
    ],
)
def test_the_revisers_own_earlier_figure_is_superseded(lang: str, text: str, old: str) -> None:
    assert _stances(text, lang)[old] == "superseded"


# A group after a negative determiner is the one the text says was not harmed: a speaker
# who denies deaths ("he said no civilians died") names no victims.
NEGATED = [
    ("en", "The army shelled the village. It said no civilians were killed.", "civilians"),
    ("fr", "L'armée a bombardé le village. Aucun civil n'a été tué, selon elle.", "civil"),
    ("de", "Die Armee beschoss das Dorf. Kein Zivilist sei getötet worden.", "Zivilist"),
    ("es", "El ejército bombardeó la aldea. Ningún civil fue asesinado, dijo.", "civil"),
    ("ru", "Армия обстреляла деревню. Ни один мирный житель не был убит.", "житель"),
]


@pytest.mark.parametrize(("lang", "text", "group"), NEGATED)
def test_a_negated_group_is_not_harmed(lang: str, text: str, group: str) -> None:
    from rashomon.extract.roles import sentence_statements

    for name, variant in _variants(text):
        p = parse(variant, lang, None, "doc", "t.txt")
        assert p is not None
        named = [
            v.text
            for sent in p.sentences
            for st in sentence_statements(p, sent)
            for v in st.victims
        ]
        assert not any(group.casefold() in v.casefold() for v in named), (name, named)


# "по его словам", "demnach", "según él": the source named just before speaks again.
ANAPHORIC = [
    (
        "en",
        "The figures came from a police officer in the capital. According to him, 35 "
        "people were wounded.",
        "35",
        "police officer",
    ),
    (
        "fr",
        "Le porte-parole de la police a déclaré que la situation restait tendue. Selon lui, "
        "35 personnes ont été blessées.",
        "35",
        "porte-parole",
    ),
    (
        "de",
        "Die Provinzpolizei sprach am Montag von einer angespannten Lage. Mehr als 35 "
        "Menschen wurden demnach verletzt.",
        "Mehr als 35",
        "Polizei",
    ),
    (
        "es",
        "Un portavoz de la milicia negó los hechos y dijo que, según él, solo murieron 12 "
        "personas.",
        "12",
        "portavoz",
    ),
    (
        "ru",
        "Об этом сообщил в понедельник представитель полиции. По его словам, ещё 35 человек "
        "получили ранения.",
        "35",
        "представитель полиции",
    ),
]


@pytest.mark.parametrize(("lang", "text", "anchor", "speaker"), ANAPHORIC)
def test_an_anaphoric_cue_stands_for_the_source_before(
    lang: str, text: str, anchor: str, speaker: str
) -> None:
    check(text, lang, anchor, speaker)


# "nach eigenen Angaben", "by its own account": the clause's subject speaks for itself.
REFLEXIVE = [
    (
        "en",
        "The ministry has by its own account enlarged its army to 40,000 soldiers.",
        "40,000",
        "ministry",
    ),
    (
        "fr",
        "Le gouvernement a selon ses propres chiffres porté son armée à 40 000 soldats.",
        "40 000",
        "gouvernement",
    ),
    (
        "de",
        "Die Regierung hat ihre Armee nach eigenen Angaben auf 40.000 Soldaten verstärkt.",
        "40.000",
        "Regierung",
    ),
    (
        "es",
        "El gobierno elevó según sus propias cifras su ejército a 40.000 soldados.",
        "40.000",
        "gobierno",
    ),
    (
        "ru",
        "Правительство, по собственным данным, увеличило армию до 40 000 солдат.",
        "40 000",
        "Правительство",
    ),
]


@pytest.mark.parametrize(("lang", "text", "anchor", "speaker"), REFLEXIVE)
def test_a_reflexive_cue_names_the_clause_subject(
    lang: str, text: str, anchor: str, speaker: str
) -> None:
    check(text, lang, anchor, speaker)


# A relative subject pronoun stands for the noun phrase before it.
def test_a_subject_relative_pronoun_stands_for_its_antecedent() -> None:
    check(
        "Les chiffres publiés dans la capitale, qui parlent de 900 morts, sont contestés.",
        "fr",
        "900",
        "chiffres publiés",
    )
    check(
        "The reports from the capital, which speak of 900 dead, are disputed.",
        "en",
        "900",
        "reports from the capital",
    )


def test_a_subject_never_reaches_across_a_semicolon() -> None:
    check(
        "Early writers gave a figure of 1,200 dead; later historians estimate it at 300 to 450.",
        "en",
        "1,200",
        "Early writers",
    )
    check(
        "Советские авторы называли цифру в 1200 погибших; современные исследователи "
        "оценивают число жертв в 300 человек.",
        "ru",
        "1200",
        "Советские авторы",
    )


# "cuenta con 500 hombres", "numbering 500": a unit's strength, not a count of harm.
STRENGTH = [
    (
        "es",
        "La milicia, que cuenta con entre 400 y 600 hombres, atacó el mercado.",
        "entre 400 y 600",
    ),
    ("en", "The militia, numbering 500 men, attacked the market.", "500"),
    ("fr", "La milice, forte de 500 hommes, a attaqué le marché.", "500"),
    ("ru", "Банда, насчитывавшая до тысячи сабель, напала на рынок.", "до тысячи"),
]


@pytest.mark.parametrize(("lang", "text", "anchor"), STRENGTH)
def test_a_strength_verb_counts_fighters(lang: str, text: str, anchor: str) -> None:
    for name, variant in _variants(text):
        p = parse(variant, lang, None, "doc", "t.txt")
        assert p is not None
        got = [
            c.measure
            for c in p.claims
            if c.value and " ".join(str(c.value["text"]).split()).casefold() == anchor.casefold()
        ]
        assert got == ["combatants"], (name, got)
