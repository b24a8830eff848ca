"""Places and actors: made-up sentences in five languages, plus rates on the real corpus."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from rashomon.extract.actors import ActorTable, latin_stem
from rashomon.extract.gazetteer import Gazetteer, PlaceMention, resolve


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def actors() -> ActorTable:
    return ActorTable.load()


def names(mentions: list[PlaceMention]) -> list[str]:
    return [m.place.name for m in mentions if m.place is not None]


# -- places in running text ------------------------------------------------------------

PLACE_CASES = [
    (
        "en",
        "Fighting spread from Baku to Shemakha and the villages of Kuba.",
        ["Baku", "Shamakhi", "Guba"],
    ),
    ("en", "Columns left Baku and marched on Zangezur before the snow.", ["Baku", "Zangezur"]),
    ("en", "Graves were opened near Potočari, north of Srebrenica.", ["Potočari", "Srebrenica"]),
    (
        "en",
        "Shelling hit Bucha, Irpin and Hostomel in the first week.",
        ["Bucha", "Irpin", "Hostomel"],
    ),
    ("en", "The hamlet of Deir Yasin lay just west of Jerusalem.", ["Deir Yassin", "Jerusalem"]),
    ("en", "Reports from Van and Bitlis reached Erzurum late.", ["Van", "Bitlis", "Erzurum"]),
    ("en", "He travelled from Marseille to Nice by train.", ["Marseille", "Nice"]),
    (
        "en",
        "The uezd lay in the Elisabethpol Governorate, east of Tiflis.",
        ["Elisabethpol Governorate", "Tbilisi"],
    ),
    ("fr", "Les réfugiés gagnèrent Bakou, puis Elisabethpol.", ["Baku", "Ganja"]),
    ("fr", "La colonne partit d'Erevan vers Kars.", ["Yerevan", "Kars"]),
    ("fr", "Les frappes sur la bande de Gaza ont repris.", ["Gaza Strip"]),
    ("fr", "Nankin tomba après la chute de Shanghaï.", ["Nanjing", "Shanghai"]),
    ("fr", "Ils furent déportés vers la steppe de Moughan, au sud de Bakou.", ["Mughan", "Baku"]),
    ("de", "Die Flüchtlinge erreichten Tiflis und später Batum.", ["Tbilisi", "Batumi"]),
    ("de", "Die Straßen Bakus lagen leer, auch Schemacha brannte.", ["Baku", "Shamakhi"]),
    ("de", "Zwischen Kuba und Mexiko verkehrten Schiffe.", ["Cuba", "Mexico"]),
    ("es", "Las tropas entraron en Srebrenica, en el este de Bosnia.", ["Srebrenica", "Bosnia"]),
    ("es", "El juicio se celebró en Constantinopla en 1921.", ["Istanbul"]),
    ("es", "La hambruna golpeó Ucrania y el Kubán.", ["Ukraine", "Kuban"]),
    ("ru", "Бои шли в Баку и Шемахе.", ["Baku", "Shamakhi"]),
    ("ru", "Погромы прошли в Бакинской губернии.", ["Baku Governorate"]),
    ("ru", "Жители Бучи и Ирпеня покинули дома.", ["Bucha", "Irpin"]),
    ("ru", "Следователи работали в Киевской области.", ["Kyiv Oblast"]),
    ("ru", "Отряд прошёл из Нахичевани в Елизаветполь.", ["Nakhchivan", "Ganja"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PLACE_CASES)
def test_find_places(gaz: Gazetteer, lang: str, text: str, expected: list[str]) -> None:
    found = gaz.find_places(text, lang)
    assert names(found) == expected
    for m in found:
        assert text[m.start : m.end] == m.text


STOPWORD_TEXTS = [
    ("en", "Of the prisoners, most were freed. Split shifts are common. Nice work overall."),
    ("en", "A Mobile unit waited. The Temple was quiet and the Bar was closed."),
    ("en", "Van drivers were stopped; a report by Van Dijk was quoted."),
    ("fr", "Orange et bleu, les Tours de garde se succèdent."),
    ("de", "Essen Sie bitte. Das Ende kam schnell."),
    ("es", "Con paz y Esperanza, dijo Soledad Real."),
]


@pytest.mark.parametrize(("lang", "text"), STOPWORD_TEXTS)
def test_ordinary_words_are_not_places(gaz: Gazetteer, lang: str, text: str) -> None:
    assert names(gaz.find_places(text, lang)) == []


def test_stopword_place_needs_capital_and_context(gaz: Gazetteer) -> None:
    assert names(gaz.find_places("He moved to nice lodgings in Marseille.", "en")) == ["Marseille"]
    assert "Van" in names(gaz.find_places("Deportations from Erzurum and Van began.", "en"))


def test_lowercase_common_word_never_a_place(gaz: Gazetteer) -> None:
    assert names(gaz.find_places("the date and the end of the union", "en")) == []


# -- lookup and resolution -------------------------------------------------------------


def test_lookup_inflected_and_elided(gaz: Gazetteer) -> None:
    assert gaz.lookup("в Баку", "ru")[0].name == "Baku"
    assert gaz.lookup("Бакинской губернии", "ru")[0].name == "Baku Governorate"
    assert gaz.lookup("d'Erevan", "fr")[0].name == "Yerevan"
    assert gaz.lookup("Bakus", "de")[0].name == "Baku"
    assert gaz.lookup("Bibi Heybat")[0].id == gaz.lookup("Bibiheybat")[0].id


def test_historical_rows_have_metadata(gaz: Gazetteer) -> None:
    zangezur = gaz.lookup("Zangezur")[0]
    assert zangezur.source == "curated" and zangezur.kind == "region"
    gov = gaz.lookup("Erivan Governorate")[0]
    assert gov.kind == "governorate" and gov.valid_to == 1917
    assert "h:caucasus_viceroyalty" in gaz.ancestors(gov)


def test_resolve_uses_document_context(gaz: Gazetteer) -> None:
    baku = gaz.lookup("Baku")[0]
    kuba = gaz.find_places("Kuba", "en")
    assert kuba and kuba[0].place is not None and kuba[0].place.name == "Cuba"
    again = resolve(gaz.find_places("Kuba", "en"), [baku], gazetteer=gaz)
    assert again[0].place is not None and again[0].place.name == "Guba"
    in_text = gaz.find_places("Kuba lies north of Baku.", "en")
    assert names(in_text) == ["Guba", "Baku"]


def test_geonames_places_are_present(gaz: Gazetteer) -> None:
    assert gaz.lookup("Wien")[0].name == "Vienna"
    assert gaz.lookup("Азербайджан")[0].country == "AZ"


# -- actors ----------------------------------------------------------------------------

ACTOR_CASES = [
    ("en", "The Dashnaks and the Bolsheviks held the city.", ["a:arf", "a:bolsheviks"]),
    ("fr", "Les dachnaks et les bolcheviks tenaient la ville.", ["a:arf", "a:bolsheviks"]),
    ("de", "Die Daschnaken und die Bolschewiki hielten die Stadt.", ["a:arf", "a:bolsheviks"]),
    ("ru", "Город удерживали дашнаки и большевики.", ["a:arf", "a:bolsheviks"]),
    ("ru", "Отряды дашнаков вошли в город.", ["a:arf"]),
    ("es", "Los bolcheviques controlaban el puerto.", ["a:bolsheviks"]),
    ("fr", "Les forces turco-tatares avancèrent.", ["a:turks", "a:tatars_caucasus"]),
    ("fr", "Des familles arméniennes furent chassées.", ["a:armenians"]),
    (
        "ru",
        "Погибли тысячи армян, в основном из армянского населения.",
        ["a:armenians", "a:armenians"],
    ),
    ("de", "Viele armenischen Familien flohen.", ["a:armenians"]),
    ("es", "Los musulmanes bosnios fueron separados.", ["a:bosniaks"]),
    ("en", "Orders came from Khan-Djivanchir himself.", ["a:javanshir"]),
    ("fr", "Bihbud Khan Divanchir fut abattu.", ["a:javanshir"]),
    (
        "en",
        "Nouri pacha led the assault with the Army of Islam.",
        ["a:nuri_pasha", "a:army_of_islam"],
    ),
    ("es", "El general Ratko Mladic fue condenado.", ["a:mladic"]),
    ("en", "Interahamwe militias hunted Tutsi families.", ["a:interahamwe", "a:tutsi"]),
    ("de", "Die Kaiserlich Japanische Armee besetzte die Stadt.", ["a:ija"]),
    ("en", "Fighters of the Irgun and Lehi entered the village.", ["a:irgun", "a:lehi"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), ACTOR_CASES)
def test_find_actors(actors: ActorTable, lang: str, text: str, expected: list[str]) -> None:
    found = actors.find_actors(text, lang)
    assert [m.actor_id for m in found if m.type != "group"] == expected
    for m in found:
        assert text[m.start : m.end] == m.text


def test_fuzzy_person_names(actors: ActorTable) -> None:
    found = actors.find_actors("A telegram from Djevanshir arrived.", "en")
    assert [(m.actor_id, m.match) for m in found] == [("a:javanshir", "fuzzy")]
    found = actors.find_actors("Stepan Shahumian spoke first.", "en")
    assert found and found[0].actor_id == "a:shaumyan"
    assert actors.find_actors("A Mr Jablonski testified.", "en") == []


def test_acronyms_are_case_sensitive(actors: ActorTable) -> None:
    assert actors.find_actors("Il y avait un village.", "fr") == []
    assert [m.actor_id for m in actors.find_actors("The UN withdrew.", "en")] == ["a:un"]


def test_country_names_are_not_peoples(actors: ActorTable) -> None:
    assert actors.find_actors("Armenia and Serbia signed.", "en") == []
    found = actors.find_actors("Flüchtlinge aus Bosnien.", "de")
    assert [m.actor_id for m in found] == ["a:refugees"]


GROUP_CASES = [
    ("en", "Women and children were taken to the village square.", ["a:women", "a:children"]),
    ("fr", "Les femmes et les enfants furent emmenés.", ["a:women", "a:children"]),
    ("de", "Mädchen und Frauen wurden verschleppt.", ["a:women", "a:women"]),
    ("es", "Separaron a los hombres y niños.", ["a:men_and_boys"]),
    ("ru", "Погибли десятки мирных жителей.", ["a:civilians"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), GROUP_CASES)
def test_generic_groups(actors: ActorTable, lang: str, text: str, expected: list[str]) -> None:
    assert [m.actor_id for m in actors.find_actors(text, lang)] == expected


def test_historical_usage_links(actors: ActorTable) -> None:
    (tatars,) = actors.find_actors("The Tatars fled.", "en")
    assert tatars.same_as == "a:azerbaijanis"
    assert "Transcaucasia" in actors.actors["a:tatars_caucasus"].notes


def test_latin_stem() -> None:
    assert latin_stem("arméniennes") == latin_stem("Arméniens") == latin_stem("Armenier")
    assert latin_stem("Armenia") is None


# -- the real corpus -------------------------------------------------------------------

from tests.conftest import CORPUS, GOLD, first_dev_set, needs_shared  # noqa: E402

_SENT_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _plain(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c)).strip("«»\"' ")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    s = 0
    for m in _SENT_END.finditer(text):
        if m.end() <= start:
            s = m.end()
        elif m.start() >= end:
            return s, m.start()
    return s, len(text)


def _gold_figures() -> list[tuple[str, dict[str, object]]]:
    out = []
    for name in ("seeds.jsonl", "dev.jsonl"):
        path = GOLD / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec.get("kind") == "figure":
                out.append((name, rec))
    return out


def _doc_path(doc: str) -> Path | None:
    hits = list(CORPUS.glob(f"*/{doc}"))
    return hits[0] if hits else None


def _lang(path: Path, text: str) -> str:
    m = re.search(r"_(en|fr|ru|de|es)\.txt$", path.name)
    if m:
        return m.group(1)
    cyr = sum("\u0400" <= c <= "\u04ff" for c in text)
    fr = len(re.findall(r"\b(les|des|été|une)\b", text))
    return "ru" if cyr > len(text) / 4 else ("fr" if fr > 5 else "en")


def corpus_rates(first_only: bool = False) -> dict[str, tuple[int, int]]:
    gaz, table = Gazetteer.load(), ActorTable.load()
    keys = (
        "places_sentence",
        "places_doc",
        "victims_sentence",
        "victims",
        "perpetrators_sentence",
        "perpetrators",
    )
    counts = {k: [0, 0] for k in keys}
    cache: dict[str, tuple[str, list[PlaceMention], list[object]]] = {}
    for _, rec in _gold_figures():
        doc = str(rec["doc"])
        if first_only and not first_dev_set(doc):
            continue
        path = _doc_path(doc)
        if path is None:
            continue
        if doc not in cache:
            text = path.read_text(encoding="utf-8")
            lang = _lang(path, text)
            cache[doc] = (text, gaz.find_places(text, lang), list(table.find_actors(text, lang)))
        text, places, acts = cache[doc]
        s, e = _sentence(text, int(rec["start"]), int(rec["end"]))  # type: ignore[call-overload]
        for alias_set in rec.get("places") or []:  # type: ignore[attr-defined]
            wanted = {_plain(a) for a in alias_set}

            def hit(m: PlaceMention, wanted: set[str] = wanted) -> bool:
                got = {_plain(m.text)} | ({_plain(m.place.name)} if m.place else set())
                return bool(got & wanted)

            counts["places_sentence"][1] += 1
            counts["places_doc"][1] += 1
            if any(hit(m) for m in places if s <= m.start < e):
                counts["places_sentence"][0] += 1
            if any(hit(m) for m in places):
                counts["places_doc"][0] += 1
        for role in ("victims", "perpetrators"):
            for alias_set in rec.get(role) or []:  # type: ignore[attr-defined]
                want = [_plain(a) for a in alias_set]

                def ahit(m: object, want: list[str] = want) -> bool:
                    got = [_plain(m.text), _plain(m.name)]  # type: ignore[attr-defined]
                    return any(w in g or (len(g) >= 4 and g in w) for w in want for g in got)

                counts[role][1] += 1
                counts[role + "_sentence"][1] += 1
                if any(ahit(m) for m in acts if s <= m.start < e):  # type: ignore[attr-defined]
                    counts[role + "_sentence"][0] += 1
                if any(ahit(m) for m in acts):
                    counts[role][0] += 1
    return {k: (v[0], v[1]) for k, v in counts.items()}


# Floors reached on the seed gold and the first 18 dev documents (ratchet up, never down).
FLOORS_FIRST = {
    "places_sentence": 0.52,
    "places_doc": 0.97,
    # The gold's victims and perpetrators were re-annotated on 2026-12-07 (explicit roles,
    # "[]" for nobody named): these two floors were measured again on the new gold.
    "victims_sentence": 0.58,
    "victims": 0.97,
    "perpetrators_sentence": 0.39,
    "perpetrators": 0.97,
}


# The same on all 38 dev documents (measured 2026-12-07).
FLOORS_ALL = {
    "places_sentence": 0.35,
    "places_doc": 0.89,
    "victims_sentence": 0.33,
    "victims": 0.67,
    "perpetrators_sentence": 0.26,
    "perpetrators": 0.66,
}


@needs_shared
@pytest.mark.parametrize("first_only", [True, False])
def test_corpus_match_rates(first_only: bool) -> None:
    rates = corpus_rates(first_only)
    report = {k: f"{a}/{b} = {a / b:.2f}" for k, (a, b) in rates.items() if b}
    print(report)
    for key, floor in (FLOORS_FIRST if first_only else FLOORS_ALL).items():
        got, total = rates[key]
        assert total > 0
        assert got / total >= floor, report


def test_actor_table_is_well_formed(actors: ActorTable) -> None:
    types = {"org", "armed_group", "state", "person", "ethnonym", "religious_group", "army"}
    assert len(actors.actors) >= 150
    for actor in actors.actors.values():
        assert actor.type in types | {"group"}, actor.id
        assert actor.aliases, actor.id
        assert actor.same_as is None or actor.same_as in actors.actors, actor.id


def test_longer_group_name_wins(actors: ActorTable) -> None:
    found = actors.find_actors("Crimean Tatars were deported in 1944.", "en")
    assert [m.actor_id for m in found] == ["a:crimean_tatars"]
