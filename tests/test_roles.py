"""Perpetrators, victims, stance and scope on invented sentences, per language.

Every sentence here is made up for the test ("Osterlo", "Brisk" are invented towns); none is
taken from the shared corpus.  The rules are about syntax, so each table row names the
construction it exercises, and the mirror tests swap the sides' names: the roles swap,
nothing else changes.
"""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.extract.claims import Claim
from rashomon.extract.pipeline import parse


def _figures(text: str, lang: str = "en") -> list[Claim]:
    parsed = parse(text, lang)
    assert parsed is not None
    return [c for c in parsed.claims if c.kind == "figure"]


def _one(text: str, lang: str = "en") -> Claim:
    figs = _figures(text, lang)
    assert len(figs) == 1, [c.value for c in figs]
    return figs[0]


def _texts(items: list[dict[str, Any]]) -> list[str]:
    return [str(x["text"]) for x in items]


# (language, sentence, perpetrators as written, a victim word) — one construction per row.
ROLES = [
    ("en", "On 3 May the rebels killed 40 villagers in Osterlo.", ["rebels"], "villagers"),
    (
        "en",
        "40 villagers were killed by government troops in Osterlo.",
        ["government troops"],
        "villagers",
    ),
    ("en", "At least 50 people died at the hands of the police in Osterlo.", ["police"], "people"),
    (
        "en",
        "The militia, a local armed group, massacred 200 people in Osterlo.",
        ["militia"],
        "people",
    ),
    ("en", "The army offensive killed 300 civilians in Osterlo.", ["army"], "civilians"),
    ("en", "In 1915, 300 Armenians were massacred in the town.", [], "Armenians"),
    ("en", "According to the UN, 200 civilians died in the town.", [], "civilians"),
    ("en", "Four of the attackers were killed in the fighting.", [], "attackers"),
    ("en", "The tribunal convicted the general over the killing of 8,000 men.", [], "men"),
    ("en", "He denied that soldiers had killed 50 civilians in Osterlo.", [], "civilians"),
    ("en", "The town of Osterlo had 20,000 inhabitants in 1990.", [], "inhabitants"),
    ("fr", "Les soldats ont tué 30 civils à Osterlo.", ["soldats"], "civils"),
    ("fr", "30 civils ont été tués par les soldats à Osterlo.", ["soldats"], "civils"),
    (
        "fr",
        "Le génocide commis par les miliciens a fait 400 victimes à Osterlo.",
        ["miliciens"],
        "victimes",
    ),
    ("de", "In Osterlo wurden 30 Zivilisten von Soldaten getötet.", ["Soldaten"], "Zivilisten"),
    ("de", "Soldaten töteten in Osterlo 30 Zivilisten.", ["Soldaten"], "Zivilisten"),
    ("es", "30 civiles fueron asesinados por los soldados en Osterlo.", ["soldados"], "civiles"),
    ("es", "Los soldados mataron a 30 civiles en Osterlo.", ["soldados"], "civiles"),
    ("ru", "В Остерло 30 мирных жителей были убиты боевиками.", ["боевиками"], "жителей"),
    ("ru", "Боевики убили 30 мирных жителей в Остерло.", ["Боевики"], "жителей"),
    # German perfect: the auxiliary nearest the participle decides, not a passive one earlier.
    (
        "de",
        "Im Mai waren Milizen in Osterlo eingedrungen und hatten dort 70 Zivilisten getötet.",
        ["Milizen"],
        "Zivilisten",
    ),
    (
        "de",
        "Im Mai waren in Osterlo 70 Zivilisten von Milizen getötet worden.",
        ["Milizen"],
        "Zivilisten",
    ),
    # The doer of a support verb's act is the doer of the figure that act counts.
    (
        "en",
        "The militia carried out a massacre in which 80 villagers died.",
        ["militia"],
        "villagers",
    ),
    (
        "fr",
        "Les miliciens ont perpétré un massacre où 80 villageois sont morts.",
        ["miliciens"],
        "villageois",
    ),
    (
        "es",
        "Los milicianos habían cometido una masacre en la que murieron 80 aldeanos.",
        ["milicianos"],
        "aldeanos",
    ),
    (
        "de",
        "Die Miliz verübte in Osterlo ein Massaker, bei dem 80 Dorfbewohner starben.",
        ["Miliz"],
        "Dorfbewohner",
    ),
    # The coordinated agents of a German passive ("von X und ihren Verbündeten").
    (
        "de",
        "Im Mai wurden 300 Dorfbewohner von der Miliz und ihren lokalen Verbündeten massakriert.",
        ["Miliz", "lokalen Verbündeten"],
        "Dorfbewohner",
    ),
    # An acronym in brackets does not cut the subject from its verb.
    (
        "en",
        "Fighters of the Osterlo Liberation Front (OLF) killed 40 villagers in Brisk.",
        ["Fighters of the Osterlo Liberation Front"],
        "villagers",
    ),
    # A separable support verb: "richtete ... ein Massaker an".
    (
        "de",
        "Die Miliz richtete in Osterlo ein Massaker an, bei dem 80 Dorfbewohner starben.",
        ["Miliz"],
        "Dorfbewohner",
    ),
    # The absolute construction: "with X conducting killings" makes X the gerund's subject.
    (
        "en",
        "The riots spread, with militia units conducting killings in which 60 villagers died.",
        ["militia units"],
        "villagers",
    ),
    (
        "es",
        "La revuelta creció, con los milicianos cometiendo una matanza en la que murieron 60 aldeanos.",
        ["milicianos"],
        "aldeanos",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "perps"),
    [
        ("fr", "Le massacre d’Osterlo, qui fit 40 morts, fut un crime d’État.", ["crime d’État"]),
        (
            "es",
            "La matanza de Osterlo fue un crimen de Estado. Murieron 40 personas.",
            ["crimen de Estado"],
        ),
        # A denial names nobody.
        (
            "es",
            "El ministro negó que la matanza de Osterlo, con 40 muertos, fuera un crimen de Estado.",
            [],
        ),
    ],
)
def test_a_crime_of_state_names_the_state_as_doer(lang: str, text: str, perps: list[str]) -> None:
    assert _texts(_one(text, lang).perpetrators) == perps


@pytest.mark.parametrize(
    "text",
    [
        "Residents fled with soldiers nearby; 60 villagers died in Osterlo.",
        "The town was quiet with the militia gone, and 60 villagers died of cholera.",
    ],
)
def test_with_a_noun_phrase_is_no_subject_without_its_gerund(text: str) -> None:
    assert _one(text).perpetrators == []


def test_a_carried_doer_never_for_a_count_of_every_side_or_of_another_group() -> None:
    text = (
        "In May 1920 the Northern Militia massacred the villagers of Osterlo. "
        "About 400 villagers died. Officials counted 900 deaths on both sides in the region. "
        "Hundreds of Northern Militia and Home Guard men also perished."
    )
    figs = {str(c.value["text"]): c for c in _figures(text)}  # type: ignore[index]
    assert _texts(figs["About 400"].perpetrators) == ["Northern Militia"]
    assert figs["900"].perpetrators == []  # every side's dead: no one doer
    assert figs["Hundreds"].perpetrators == []  # the doers' own dead


def test_a_count_that_says_who_it_counts_takes_no_carried_victims() -> None:
    text = (
        "On 3 May rebels attacked the villagers of Osterlo. About 200 people died. "
        "Four of the attackers were killed. He added that 32 members of the Osterlo "
        "security forces were wounded."
    )
    people, four, members = _figures(text)
    assert "villagers" in _texts(people.victims)  # "people": the account's harmed
    assert _texts(four.victims) == ["the attackers"]
    assert _texts(members.victims) == ["members of the Osterlo security forces"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "von" after an act noun names the harmed, not the doer.
        ("de", "Die Tötung von Zivilisten durch Regierungstruppen forderte 68 Tote in Osterlo."),
        # A generic group after "by" is never read as the doer.
        ("en", "In Osterlo 300 villagers were killed by civilians armed with machetes."),
    ],
)
def test_the_harmed_after_a_marker_are_never_doers(lang: str, text: str) -> None:
    perps = {p.casefold() for p in _texts(_one(text, lang).perpetrators)}
    assert not perps & {"zivilisten", "civilians"}


@pytest.mark.parametrize(
    ("lang", "text", "perps"),
    [
        # A support verb ends the noun phrase before it ("l'armée exerce une répression").
        ("fr", "L'armée exerce une répression qui fait 300 morts à Osterlo.", ["armée"]),
        # A famine is the act of whoever implements it.
        (
            "es",
            "El régimen implementó una hambruna planificada. Murieron 2 millones de campesinos.",
            ["régimen"],
        ),
    ],
)
def test_support_verbs_with_acts_of_policy(lang: str, text: str, perps: list[str]) -> None:
    assert _texts(_figures(text, lang)[-1].perpetrators) == perps


def test_the_ledes_statement_is_not_the_doer_of_an_act_it_told_before() -> None:
    text = (
        "Après des heurts, les émeutes provoquent d'abord des massacres d'Européens dans la "
        "région d'Osterlo. L'armée coloniale exerce alors une répression sanglante qui dure "
        "plusieurs semaines.\n\nIl y aura parmi les Européens une centaine de morts. Le "
        "nombre des victimes autochtones serait de 8 000."
    )
    europeans, natives = _figures(text, "fr")
    assert europeans.perpetrators == []  # the lede names no doer of the massacres before
    assert _texts(natives.perpetrators) == ["armée coloniale"]


def test_the_documents_statement_stays_with_its_own_time_and_harm() -> None:
    # A later report's count and the people who fled are other accounts: no doer carried.
    text = (
        "On 3 March 1921 the Northern Militia entered Osterlo and massacred 40 villagers there."
        "\n\nOn 20 March 1921 officials counted 12 more bodies in the town.\n\n"
        "Some 5,000 residents fled Osterlo after the attack."
    )
    first, later, fled = _figures(text)
    assert _texts(first.perpetrators) == ["Northern Militia"]
    assert later.perpetrators == [] and fled.perpetrators == []


def test_the_documents_statement_reaches_a_count_to_a_later_date() -> None:
    # The statement dates where the act began; a count "as of" a later month still counts it.
    text = (
        "On 3 March 1921 the Northern Militia entered Osterlo and massacred its villagers.\n\n"
        "Historians count about 4,000 villagers killed as of the end of May 1921.\n\n"
        "In 1950 a flood in Brisk left 12 people dead."
    )
    first, second = _figures(text)
    assert _texts(first.perpetrators) == ["Northern Militia"]
    assert second.perpetrators == []


@pytest.mark.parametrize(("lang", "text", "perps", "victim"), ROLES)
def test_roles_from_syntax(lang: str, text: str, perps: list[str], victim: str) -> None:
    claim = _one(text, lang)
    assert _texts(claim.perpetrators) == perps
    assert any(victim in v for v in _texts(claim.victims)), claim.victims
    for perp in claim.perpetrators:
        assert perp["basis"] == "sentence" and text[perp["start"] : perp["end"]] == perp["text"]


@pytest.mark.parametrize(
    ("text", "swapped"),
    [
        (
            "Serb forces killed 300 Bosniaks in the town.",
            "Bosniak forces killed 300 Serbs in the town.",
        ),
        (
            "300 Armenians were killed by Azerbaijani troops in Osterlo.",
            "300 Azerbaijanis were killed by Armenian troops in Osterlo.",
        ),
        (
            "Les troupes turques ont massacré 500 Arméniens à Osterlo.",
            "Les troupes arméniennes ont massacré 500 Turcs à Osterlo.",
        ),
        (
            "Im Mai waren serbische Milizen eingedrungen und hatten 70 Bosniaken getötet.",
            "Im Mai waren bosniakische Milizen eingedrungen und hatten 70 Serben getötet.",
        ),
        (
            "Serb forces carried out a massacre in which 80 Bosniaks died.",
            "Bosniak forces carried out a massacre in which 80 Serbs died.",
        ),
    ],
)
def test_mirror_swaps_roles_and_nothing_else(text: str, swapped: str) -> None:
    lang = "fr" if text.startswith("Les") else "de" if text.startswith("Im ") else "en"
    a, b = _one(text, lang), _one(swapped, lang)
    assert a.perpetrators and b.perpetrators
    # The doers of one version are named by the group word that the other version harms.
    assert {p["name"] for p in a.perpetrators} != {p["name"] for p in b.perpetrators}
    same = ("measure", "event_type", "stance", "scope")
    assert all(getattr(a, k) == getattr(b, k) for k in same)
    assert all(a.value[k] == b.value[k] for k in ("low", "high", "qualifier", "text"))  # type: ignore[index]
    for c in (a, b):
        perp_words = {w.casefold() for p in c.perpetrators for w in p["text"].split()}
        victim_words = {w.casefold() for v in c.victims for w in v["text"].split()}
        assert not perp_words & victim_words  # never both doer and harmed


def test_context_carries_only_while_the_account_continues() -> None:
    text = (
        "Rebels attacked the town of Osterlo on 4 May 1999. They killed 40 people.\n\n"
        "In 1950 a flood in Brisk left 12 people dead."
    )
    first, second = _figures(text)
    assert _texts(first.perpetrators) == ["Rebels"]
    assert first.perpetrators[0]["basis"] == "context"
    assert second.perpetrators == []  # another paragraph, another event, no doer named


def test_infobox_perpetrators_row() -> None:
    text = "Osterlo massacre\nDeaths | 300 villagers killed |\nPerpetrators | Northern Militia |\n"
    claim = _one(text)
    assert _texts(claim.perpetrators) == ["Northern Militia"]
    assert claim.perpetrators[0]["basis"] == "context"


def test_infobox_row_keeps_the_tables_perpetrators_beside_prose_naming_others() -> None:
    text = (
        "Osterlo massacre\nDeaths | 300 villagers killed |\nPerpetrators | Northern Militia |\n"
        "Home Guard troops had killed 20 people in Brisk a year earlier."
    )
    row, prose = _figures(text)
    assert _texts(row.perpetrators) == ["Northern Militia"]
    assert _texts(prose.perpetrators) == ["Home Guard troops"]


def test_uppercase_text_keeps_group_victims_and_stops_names_at_the_verb() -> None:
    text = "On 3 May the Northern Militia massacred civilians in Osterlo. About 400 people died."
    plain, shouted_claim = _one(text), _one(text.upper())
    assert "civilians" in _texts(plain.victims), plain.victims
    assert [v.casefold() for v in _texts(shouted_claim.victims)] == _texts(plain.victims)
    shouted = "LAS FUERZAS DEL GENERAL JUAN OSTER EJECUTARON A 40 ALDEANOS."
    assert _texts(_one(shouted, "es").perpetrators) == ["FUERZAS DEL GENERAL JUAN OSTER"]


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "en",
            "Officers had, before the report was issued Sunday, said 350 villagers were killed.",
            "officers",
        ),
        (
            "es",
            "Según el ejército hubo 26 muertos, más de mil detenidos y cerca de 100 heridos.",
            "el ejército",
        ),
    ],
)
def test_speakers_survive_capitals(lang: str, text: str, speaker: str) -> None:
    for version in (text, text.upper()):
        for claim in _figures(version, lang):
            assert claim.attribution is not None, version
            assert str(claim.attribution["speaker"]).casefold() == speaker


def test_uppercase_and_hard_wrapped_sentences_keep_their_roles() -> None:
    base = "40 villagers were killed by government troops in Osterlo."
    for text in (base.upper(), base.replace(" by ", "\nby ")):
        assert [p.casefold() for p in _texts(_one(text).perpetrators)] == ["government troops"]


# -- stance -----------------------------------------------------------------------------------

STANCES = [
    # The speaker named in apposition ("the envoy, Jon Brask,") is the one whose pluperfect
    # report ("It was Brask who had announced") the revised toll replaces.
    (
        "en",
        "On Friday the envoy to Osterlo, Jon Brask, said some 300 people had been killed after "
        "the toll was revised. It was Brask who had announced on Sunday that 966 had been killed.",
        "966",
        "superseded",
    ),
    ("en", "The ministry revised its toll from 1,000 to 300 on Friday.", "1,000", "superseded"),
    ("en", "The ministry revised its toll from 1,000 to 300 on Friday.", "300", None),
    ("en", "Officials lowered an earlier toll of 1,000 killed on Friday.", "1,000", "superseded"),
    (
        "en",
        "Any claim that 2,000 people died in Osterlo is false, the spokesman said.",
        "2,000",
        "rejected",
    ),
    ("en", "The group denied responsibility for the killing of 40 people in Osterlo.", "40", None),
    (
        "fr",
        "Les autorités ont revu à la baisse un précédent bilan de 38 morts.",
        "38",
        "superseded",
    ),
    (
        "fr",
        "La commission n'a pas pu confirmer le chiffre de 40 villages brûlés.",
        "40",
        "unconfirmed",
    ),
    ("es", "La comisión no pudo confirmar la cifra de 40 aldeas quemadas.", "40", "unconfirmed"),
    ("es", "Según la radio, hubo 966 muertos, una cifra falsa y exagerada.", "966", "rejected"),
    # The rejected figure as the object's complement ("rejected the figure of 68").
    ("en", "The army rejected the figure of 68 dead given by the rebels.", "68", "rejected"),
    (
        "fr",
        "Le gouvernement a rejeté le bilan de 40 morts avancé par l'opposition.",
        "40",
        "rejected",
    ),
    ("es", "El ministerio rechazó la cifra de 40 muertos en Osterlo.", "40", "rejected"),
    ("en", "The army denied responsibility for the killing of 40 people.", "40", None),
    # The document sets its own figures against a source's list: the source's are rejected,
    # its own stay asserted; a toll of another quantity alone answers nothing.
    *[
        (lang, text, figure, status)
        for lang, text in (
            (
                "en",
                "According to the Osterlo Herald, 9,000 people were killed and 20,000 injured "
                "in the war.\nThe real figures, from the count made after the war, were these:"
                "\nKilled: about 3,000\n",
            ),
            (
                "ru",
                "По данным газеты «Остерло», в войне погибли 9000 человек и 20000 ранены.\n"
                "Реальные данные, основанные на подсчётах после войны, были таковы:\n"
                "Погибших — около 3000\n",
            ),
        )
        for figure, status in (
            ("9000" if lang == "ru" else "9,000", "rejected"),
            ("20000" if lang == "ru" else "20,000", "rejected"),
            ("около 3000" if lang == "ru" else "about 3,000", None),
        )
    ],
    (
        "en",
        "According to the Osterlo Herald, 20,000 people were injured in the war. "
        "In reality, about 3,000 people were killed.",
        "20,000",
        None,
    ),
]


@pytest.mark.parametrize(("lang", "text", "figure", "status"), STANCES)
def test_stance(lang: str, text: str, figure: str, status: str | None) -> None:
    claim = next(c for c in _figures(text, lang) if c.value and c.value["text"] == figure)
    assert (claim.stance or {}).get("status") == status


def test_a_later_figure_of_the_same_source_supersedes_the_earlier() -> None:
    text = (
        "The committee said 100 people died in Osterlo on 3 May 2001. "
        "Later the committee said that 150 people died there."
    )
    first, second = _figures(text)
    assert (first.stance or {}).get("status") == "superseded"
    assert second.stance is None


# -- scope ------------------------------------------------------------------------------------

SCOPES = [
    ("300 people died in Osterlo, 200 in Brisk.", "300", "breakdown"),
    ("150 bodies were found in a church in Osterlo.", "150", "site"),
    ("The army killed 1,000 people a day in Osterlo.", "1,000", "period"),
    ("Hundreds of Bolsheviks also perished in Osterlo.", "Hundreds", "subgroup"),
    ("Around 12,000 were killed in Baku itself in March 1918.", "Around 12,000", "area"),
    ("More than 40,000 people were killed in Osterlo in 2001.", "More than 40,000", None),
]


@pytest.mark.parametrize(("text", "figure", "kind"), SCOPES)
def test_scope(text: str, figure: str, kind: str | None) -> None:
    claim = next(c for c in _figures(text) if c.value and c.value["text"] == figure)
    assert (claim.scope or {}).get("kind") == kind
    if claim.scope and claim.scope["start"] is not None:
        assert text[claim.scope["start"] : claim.scope["end"]] == claim.scope["text"]


@pytest.mark.parametrize(
    ("lang", "text", "figure"),
    [
        (
            "en",
            "Monitors said 5,000 people died in Osterlo and the toll is too low by 2,000.",
            "2,000",
        ),
        (
            "en",
            "MONITORS SAID 5,000 PEOPLE DIED IN OSTERLO AND THE TOLL IS TOO LOW BY 2,000.",
            "2,000",
        ),
        (
            "de",
            "Laut dem Verband ist die Zahl der Toten in Osterlo um 3'000 zu niedrig.",
            "3'000",
        ),
        (
            "fr",
            "Selon l'ONG, 5 000 personnes sont mortes à Osterlo, un bilan sous-estimé de 2 000.",
            "2 000",
        ),
        (
            "es",
            "Según la ONG, 5.000 personas murieron en Osterlo, una cifra subestimada en 2.000.",
            "2.000",
        ),
        (
            "ru",
            "По данным ООН, в Остерло погибли 5000 человек, но цифра занижена на 2000 погибших.",
            "2000",
        ),
    ],
)
def test_the_margin_a_count_is_short_by_is_not_a_toll(lang: str, text: str, figure: str) -> None:
    # The dead a count left out are a group apart from it: the estimate lists them, and they
    # never dispute the count they complete.
    figs = _figures(text, lang)
    margin = next(c for c in figs if c.value and c.value["text"] == figure)
    assert (margin.scope or {}).get("kind") == "subgroup"
    assert all(c.scope is None for c in figs if c is not margin)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A named group says who is counted; the harm word is not a group beside it.
        ("en", "The massacre of Armenians left 1,200 dead in Osterlo.", [["Armenians"]]),
        ("en", "Soldiers attacked Armenians in Osterlo, causing 1,200 deaths.", [["Armenians"]]),
        # Where no group is named each count keeps its own word, never the previous count's.
        (
            "es",
            "Hubo 26 muertos, más de mil detenidos y cerca de 100 heridos en Osterlo.",
            [["muertos"], ["detenidos"], ["heridos"]],
        ),
    ],
)
def test_victims_are_groups_before_harm_words(
    lang: str, text: str, expected: list[list[str]]
) -> None:
    assert [_texts(c.victims) for c in _figures(text, lang)] == expected


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "en",
            "On Friday, the envoy to Osterlo, Jon Brask, said 300 people died.",
            "the envoy to Osterlo, Jon Brask",
        ),
        (
            "fr",
            "Le porte-parole, Jon Brask, a déclaré que 300 personnes sont mortes.",
            "Le porte-parole, Jon Brask",
        ),
        ("en", "At least 40 people were killed in Osterlo, said the ministry.", "the ministry"),
        # An acronym names a body, also after its article and in German.
        ("de", "Rund 500 Menschen seien aus Osterlo geflohen, sagte das UNHCR.", "das UNHCR"),
        ("de", "300 Menschen sind in Osterlo gestorben, wie die OSZE mitteilte.", "die OSZE"),
        ("en", "About 500 people fled Osterlo, said the UNHCR.", "the UNHCR"),
    ],
)
def test_a_name_in_apposition_belongs_to_the_speaker(lang: str, text: str, speaker: str) -> None:
    attribution = _one(text, lang).attribution
    assert attribution is not None and attribution["speaker"] == speaker
