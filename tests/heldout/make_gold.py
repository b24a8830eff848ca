"""Answer key of the held-out set: writes ``gold.jsonl`` beside this file.

The 24 documents in ``docs/`` are FICTIONAL (invented events, organisations and people; see
README.md).  The key was written by hand from the texts alone, before rashomon was run on
them, in the format of ``../shared/gold/README.md``.  Offsets are never typed: each record
names its anchor and which occurrence of it (as a whole token) it is, and ``locate`` computes
``start``/``end``.  ``python tests/heldout/make_gold.py --check`` stops when a digit in a
document is covered by no record, when two records share a span, or when an estimate names a
figure that is not of its event and measure; ``--review`` prints every record in context.

Conventions (the gold README's, applied to these texts): perpetrators come from the figure's
sentence, the same paragraph's narrative, a lede or an infobox row of the same event; a figure
whose text names nobody (or only a source) has ``[]``; people fleeing are counted with no
perpetrator; baselines (population, troops, crowds, returned) have none.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
OUT = HERE / "gold.jsonl"

Rec = dict[str, Any]
Value = int | tuple[int | None, int | None] | list[int]

RECORDS: list[Rec] = []
_TEXTS: dict[str, str] = {}


def text(doc: str) -> str:
    if doc not in _TEXTS:
        _TEXTS[doc] = (DOCS / doc).read_text(encoding="utf-8")
    return _TEXTS[doc]


def locate(doc: str, anchor: str, n: int = 0) -> tuple[int, int]:
    """Span of the ``n``-th occurrence of ``anchor`` standing as whole tokens ("31" is not
    found inside "2,310" or "31st")."""
    pattern = re.compile(r"(?<!\w)(?<!\d[,.])" + re.escape(anchor) + r"(?!\w)(?![,.]\d)")
    hits = [m.start() for m in pattern.finditer(text(doc))]
    if n >= len(hits):
        raise SystemExit(f"{doc}: anchor {anchor!r} occurrence {n} not found ({len(hits)} hits)")
    return hits[n], hits[n] + len(anchor)


def T(start: str, end: str, w0: str, w1: str) -> dict[str, Any]:
    return {"start": start, "end": end, "within": [w0, w1]}


def fig(
    doc: str,
    anchor: str,
    n: int = 0,
    *,
    m: str | list[str],
    v: Value,
    q: str,
    places: list[list[str]],
    time: dict[str, Any] | None,
    victims: list[list[str]],
    perps: list[list[str]],
    attr: list[str] | None = None,
    status: str | None = None,
    by: list[str] | None = None,
    qok: list[str] | None = None,
    event: str | None = None,
    note: str = "",
) -> None:
    start, end = locate(doc, anchor, n)
    rec: Rec = {"kind": "figure", "doc": doc, "anchor": anchor, "start": start, "end": end}
    rec["measure"] = [m] if isinstance(m, str) else m
    if isinstance(v, list):
        rec["low_in"], rec["high"] = v, None
    elif isinstance(v, tuple):
        rec["low"], rec["high"] = v
    else:
        rec["low"] = rec["high"] = v
    rec["qualifier"] = q
    if qok:
        rec["qualifier_ok"] = qok
    rec.update(places=places, time=time, victims=victims, perpetrators=perps, attributed_to=attr)
    if status:
        rec["status"] = status
        if by:
            rec["status_by"] = by
    if note:
        rec["note"] = note
    rec["_event"] = event
    RECORDS.append(rec)


def nofig(doc: str, anchor: str, n: int = 0, note: str = "") -> None:
    start, end = locate(doc, anchor, n)
    rec: Rec = {"kind": "not_figure", "doc": doc, "anchor": anchor, "start": start, "end": end}
    if note:
        rec["note"] = note
    RECORDS.append(rec)


def nofigs(doc: str, *anchors: str | tuple[str, int]) -> None:
    for a in anchors:
        if isinstance(a, tuple):
            nofig(doc, a[0], a[1])
        else:
            nofig(doc, a)


ESTIMATES: list[Rec] = []
EVENTS: list[Rec] = []


def est(
    event: str,
    measure: str,
    victims: list[list[str]] | None,
    anchors: list[tuple[str, str, int]],
    low_in: list[int] | None,
    high_in: list[int] | None,
    note: str,
) -> None:
    ESTIMATES.append(
        {
            "kind": "estimate",
            "event": event,
            "measure": measure,
            "victims": victims,
            "_anchors": anchors,
            "low_in": low_in,
            "high_in": high_in,
            "note": note,
        }
    )


def ev(eid: str, label: str, must_not: list[str] | None = None) -> None:
    EVENTS.append({"kind": "event", "id": eid, "label": label, "must_not_merge_with": must_not or []})


# --- shared alias sets ---------------------------------------------------------------------

TESSIT = [
    "Tessit", "Тессит", "commune de Tessit", "Ansongo", "Ansongo cercle", "cercle d'Ansongo",
    "Gao", "Gao region", "région de Gao", "región de Gao", "Mali", "Malí", "Malis", "Мали",
    "nord-est du Mali", "northeastern Mali", "Nordosten Malis", "северо-востоке Мали",
]
T_TESSIT = T("2023-03-12", "2023-03-12", "2023-03-11", "2023-03-14")
FAG = [
    "Front armé du Gourma", "FAG", "Frente Armado del Gourma", "Вооруженный фронт Гурмы",
    "Вооруженного фронта Гурмы", "hommes armés", "hommes armés du Front armé du Gourma",
    "armed men", "assaillants", "les assaillants", "attackers",
]
E_TESSIT = "tessit-market-2023-03"

SAN_ANDRES = [
    "San Andrés del Monte", "San Andres del Monte", "cantón San Andrés del Monte",
    "Chalatenango", "Departamento Chalatenango", "northern Chalatenango province", "El Salvador",
]
T_SA = T("1982-06-02", "1982-06-03", "1982-05-31", "1982-06-07")
IXTEPEQUE = [
    "Ixtepeque", "Ixtepeque Battalion", "Batallón Ixtepeque", "Batallón de Infantería Ixtepeque",
    "Infanteriebataillons Ixtepeque", "Infanteriebataillon Ixtepeque", "soldiers", "Soldaten",
    "troops", "Regierungstruppen", "salvadorianische Regierungstruppen", "salvadorianische Armee",
    "army", "Armee", "efectivos del Batallón de Infantería Ixtepeque",
]
DEFENSA_CIVIL = ["Defensa Civil", "Defensa Civil de Las Vueltas", "miembros de la Defensa Civil"]
PEASANTS = ["peasants", "campesinos", "Bauern", "civilians", "Zivilisten", "civiles"]
E_SA = "san-andres-del-monte-1982-06"

OLSHANKA = [
    "Stara Olshanka", "Olshanka", "Старая Ольшанка", "Старой Ольшанке", "Старой Ольшанки",
    "Ольшанка", "Херсонская губерния", "Херсонской губернии", "Елисаветградского уезда",
    "Елисаветградский уезд",
]
T_OL = T("1919-08-14", "1919-08-16", "1919-08-01", "1919-08-31")
HRECHANY = [
    "отряд атамана Гречаного", "отряда атамана Гречаного", "атамана Гречаного", "Гречаного",
    "Гречаный", "атаман Гречаный", "отряд", "отряда", "бойцы отряда",
    "формированиями атамана Игната Гречаного", "бандой атамана Гречаного", "банда", "бандой",
    "Бандиты", "бандиты", "Hrechany", "Ataman Hrechany", "Hrechany's horsemen", "horsemen",
]
WORKERS = ["рабочих", "рабочие", "рабочих депо", "workers", "railway workers"]
E_OL = "stara-olshanka-1919-08"

KYZYL = [
    "Kyzyl-Bulak", "Кызыл-Булак", "Кызыл-Булаке", "Kysyl-Bulak", "Jalal-Abad", "Jalal-Abad area",
    "Джалал-Абадской области", "Джалал-Абадская область", "Dschalal-Abad", "Gebiet Dschalal-Abad",
    "Kyrgyzstan", "Киргизия", "Киргизии", "Kirgisistan",
]
T_KB = T("2011-06-07", "2011-06-07", "2011-06-06", "2011-06-09")
KARA_KUSH = [
    "Kara-Kush", "Kara-Kusch", "Кара-Куш", "special division", "fighters of the special division",
    "Spezialeinheit", "спецподразделения", "Innenministeriums",
]
E_KB = "kyzyl-bulak-2011-06"

LEER = [
    "Leer", "Leer town", "Лир", "Unity", "Unity State", "Bundesstaat Unity", "штате Юнити", "Юнити",
    "South Sudan", "Südsudan", "Soudan du Sud", "Южный Судан", "Южном Судане",
    "civilian protection site", "site de protection des civils", "Schutzlager",
]
T_LEER = T("2019-10-21", "2019-10-21", "2019-10-20", "2019-10-22")
WRA = [
    "White River Alliance", "WRA", "WRA fighters", "fighters of the White River Alliance",
    "Miliz White River Alliance", "Kämpfern der Miliz White River Alliance", "Miliz",
    "Альянса Белой реки", "Альянс Белой реки", "Боевики", "боевики",
    "вооруженной группировки", "вооруженная группировка", "armed group",
]
E_LEER = "leer-protection-site-2019-10"

PORVENIR = [
    "El Porvenir", "vereda El Porvenir", "Tibú", "Tibu", "Norte de Santander", "Catatumbo",
    "Colombia",
]
T_EP = T("2017-09-16", "2017-09-16", "2017-09-15", "2017-09-18")
ACCL = [
    "Autodefensas Campesinas del Catatumbo Libre", "ACCL", "paramilitares",
    "paramilitares de las ACCL", "hombres armados", "grupo de unos 30 hombres armados",
    "Peasant Self-Defence Forces of Free Catatumbo", "paramilitary group", "gunmen",
    "about 30 gunmen",
]
E_EP = "el-porvenir-2017-09"

NDELE = [
    "Ndélé", "Ndele", "Bamingui-Bangoran", "préfecture de la Bamingui-Bangoran", "Miamani",
    "Akoursoulbak", "Centrafrique", "Central African Republic", "République centrafricaine",
]
T_ND = T("2021-06-28", "2021-07-03", "2021-06-27", "2021-07-05")
CRN = [
    "Coalition pour le renouveau du Nord", "CRN", "Coalition for the Renewal of the North",
    "éléments armés de la Coalition pour le renouveau du Nord", "éléments armés",
    "hommes de la CRN", "rebel coalition", "rebels", "auteurs", "Les auteurs",
]
E_ND = "ndele-2021-06"

CHILDREN = ["children", "enfants", "niños", "niñas", "niños y niñas", "Kinder", "дети", "детей"]


def tessit() -> None:
    d = "101_tessit-2023_fr.txt"
    civ = [["civils", "civilians"]]
    kw: dict[str, Any] = {"places": [TESSIT], "time": T_TESSIT, "event": E_TESSIT}
    fig(d, "au moins 27", m="killed", v=(27, None), q="at_least", victims=civ, perps=[FAG], **kw,
        note="headline; the lede names the FAG's armed men for the same attack")
    nofigs(d, "13", "2023", "10H00")
    fig(d, "Au moins 27", m="killed", v=(27, None), q="at_least", victims=civ, perps=[FAG],
        attr=["sources locales", "sources locales et sécuritaires", "local sources"], **kw,
        note="'... par des hommes armés du Front armé du Gourma (FAG), a-t-on appris lundi de sources locales et sécuritaires'")
    el = ["élu local", "un élu local", "local official"]
    fig(d, "une quarantaine", m="injured", v=40, q="approx", qok=["vague"],
        victims=[["personnes", "people", "blessés"]], perps=[FAG], attr=el, **kw,
        note="'Selon un élu local, une quarantaine de personnes ont été blessées'; the assailants of the previous sentence")
    fig(d, "douze", m="injured", v=12, q="exact", victims=[["personnes", "people", "blessés"]],
        perps=[FAG], attr=el, **kw, note="'dont douze grièvement': a subgroup of the injured")
    fig(d, "une dizaine", m="destroyed", v=10, q="approx", qok=["vague"], victims=[], perps=[FAG],
        attr=el, **kw, note="shops burnt")
    gov = ["gouvernement", "le gouvernement", "government"]
    fig(d, "19", m="killed", v=19, q="exact", victims=[["morts", "civils", "people"]], perps=[FAG],
        attr=gov, **kw, note="the government's provisional toll ('provisoire' is not a status)")
    fig(d, "23", m="injured", v=23, q="exact", victims=[["blessés", "people"]], perps=[FAG],
        attr=gov, **kw)
    fig(d, "environ 8 000", m="population", v=8000, q="approx", places=[["Tessit"]], time=None,
        victims=[], perps=[], event=E_TESSIT, note="the commune's population (a whole town: no victim group)")
    fig(d, "quelque 300", m="combatants", v=300, q="approx", places=[["Tessit"]], time=None,
        victims=[], perps=[], event=E_TESSIT, note="the army camp's garrison")
    nofig(d, "2022")
    fig(d, "42", m="killed", v=42, q="exact", places=[["Tessit"]],
        time=T("2022-08-01", "2022-08-31", "2022-08-01", "2022-08-31"),
        victims=[["soldats", "soldiers", "militaires"]], perps=[], event="tessit-camp-2022-08",
        note="an earlier attack on the same camp, August 2022; nobody named")

    d = "102_tessit-2023_en.txt"
    kw = {"places": [TESSIT], "time": T_TESSIT, "event": E_TESSIT}
    nofigs(d, "7", "4", "2023")
    civ = [["civilians", "people"]]
    fig(d, "at least 31", m="killed", v=(31, None), q="at_least", victims=civ, perps=[["Front armé du Gourma", "FAG"]],
        **kw, note="highlights box; the overview paragraph names the FAG (through local authorities)")
    fig(d, "46", m="injured", v=46, q="exact", victims=[["people", "civilians", "injured"]],
        perps=[["Front armé du Gourma", "FAG"]], **kw)
    disp = T("2023-03-12", "2023-03-31", "2023-03-12", "2023-04-05")
    fig(d, "Some 5,600", m="displaced", v=5600, q="approx", places=[TESSIT], time=disp,
        victims=[["people", "women and children"]], perps=[], event=E_TESSIT, note="people fleeing: no agent")
    nofigs(d, "12", ("2023", 1))
    hd = ["health district of Ansongo", "health district", "According to the health district"]
    fig(d, "at least 31", 1, m="killed", v=(31, None), q="at_least", victims=civ,
        perps=[["Front armé du Gourma", "FAG"]], attr=hd, **kw,
        note="'Local authorities attributed the attack to the FAG' in the same paragraph")
    fig(d, "9", m="killed", v=9, q="exact", victims=[["children"]], perps=[["Front armé du Gourma", "FAG"]],
        attr=hd, **kw, note="a subgroup of the dead")
    fig(d, "46", 1, m="injured", v=46, q="exact", victims=[["people", "civilians", "injured", "others"]],
        perps=[["Front armé du Gourma", "FAG"]], attr=hd, **kw)
    fig(d, "some 5,600", m="displaced", v=5600, q="approx", places=[TESSIT], time=disp,
        victims=[["people", "women and children"]], perps=[], event=E_TESSIT)
    nofig(d, "31", 2, note="'As of 31 March'")
    for anchor, place in (("2,150", ["Ansongo", "Ansongo town"]), ("1,320", ["Bourra"]),
                          ("980", ["Ouattagouna"]), ("1,150", ["Gao"])):
        fig(d, anchor, m="displaced", v=int(anchor.replace(",", "")), q="exact", places=[place],
            time=disp, victims=[["people", "displaced households"]], perps=[], event=E_TESSIT,
            note="one site of the list (parts of the 5,600)")
    fig(d, "an estimated 8,000", m="population", v=8000, q="approx", places=[["Tessit", "commune"]],
        time=None, victims=[], perps=[], event=E_TESSIT)
    fig(d, "1,700", m="displaced", v=1700, q="exact", places=[["Talataye", "Tessit", "commune"]], time=None,
        victims=[["people"]], perps=[], note="displaced earlier, another event: no agent named")

    d = "103_tessit-2023_es.txt"
    kw = {"places": [TESSIT], "time": T_TESSIT, "event": E_TESSIT}
    gob = ["Gobierno de Malí", "Gobierno", "Gobierno de transición de Malí", "government"]
    civ = [["civiles", "muertos", "civilians", "people"]]
    fig(d, "34", m="killed", v=34, q="exact", victims=civ, perps=[], attr=gob, **kw,
        note="headline; the lede names no perpetrator (local sources accuse the FAG only in the third paragraph)")
    nofig(d, "16")
    fig(d, "19", m="killed", v=19, q="exact", victims=civ, perps=[], attr=gob, status="superseded",
        by=["Gobierno"], **kw, note="'elevó ... de 19 a 34'")
    fig(d, "34", 1, m="killed", v=34, q="exact", victims=civ, perps=[], attr=gob + ["ORTM"], **kw)
    fig(d, "11", m="killed", v=11, q="exact", victims=[["heridos", "wounded"]], perps=[],
        attr=["nuevo balance", "balance", "Gobierno", "government"], **kw,
        note="a part of the new toll (wounded who died in hospital)")
    fig(d, "cincuenta y dos", m="injured", v=52, q="exact", victims=[["heridos", "wounded"]],
        perps=[], attr=["comunicado", "Según el comunicado"], **kw)
    nofig(d, "2021")
    fig(d, "entre 400 y 600", m="combatants", v=(400, 600), q="range", qok=["approx"], places=[TESSIT],
        time=None, victims=[], perps=[], attr=["estimaciones de expertos regionales", "expertos regionales", "regional experts"],
        event=E_TESSIT, note="the armed group's strength")
    fag_es = ["Frente Armado del Gourma", "FAG", "combatientes del Frente Armado del Gourma", "combatientes"]
    fig(d, "34", 2, m="killed", v=34, q="exact", victims=[["muertos", "civiles", "people"]], perps=[fag_es],
        attr=gob, status="rejected", by=["portavoz del grupo", "portavoz", "spokesman"], **kw,
        note="the group's spokesman rejects 'la cifra inflada de 34 muertos' (the government's figure)")
    fig(d, "a lo sumo diez", m="killed", v=(None, 10), q="at_most", qok=["less_than"],
        victims=[["muertos", "civiles", "people"]], perps=[fag_es], attr=["portavoz del grupo", "portavoz", "spokesman"],
        **kw, note="the spokesman's own figure; the paragraph names the FAG as accused")
    fig(d, "más de 200", m="killed", v=(200, None), q="more_than",
        places=[["norte del país", "Malí", "Mali"]], time=T("2023-01-01", "2023-03-16", "2023-01-01", "2023-03-16"),
        victims=[["civiles", "civilians"]], perps=[], attr=["Naciones Unidas", "United Nations"],
        note="a period figure, another quantity: no agent named")

    d = "104_tessit-2023_de.txt"
    kw = {"places": [TESSIT], "time": T_TESSIT, "event": E_TESSIT}
    bew = ["Bewaffnete", "Bewaffnete auf Motorrädern", "armed men", "Front armé du Gourma", "FAG", "Miliz"]
    fig(d, "Dutzende", m="killed", v=[12, 48], q="vague", qok=["approx", "at_least"],
        victims=[["Tote", "Menschen", "people"]], perps=[bew], **kw, note="headline")
    fig(d, "mindestens 19", m="killed", v=(19, None), q="at_least", victims=[["Menschen", "people"]],
        perps=[bew], attr=["nach Angaben der Regierung", "Regierung", "government"], **kw,
        note="the armed men on motorbikes of the next sentence")
    fig(d, "23", m="injured", v=23, q="exact", victims=[["Menschen", "people"]], perps=[bew],
        attr=["Regierungssprecher", "Regierung", "government"], **kw,
        note="reported speech (Konjunktiv) continuing the spokesman's statement")
    fig(d, "mehr als 30", m="killed", v=(30, None), q="more_than", victims=[["Toten", "Tote", "people"]],
        perps=[bew], attr=["Lokale Quellen", "local sources"], **kw,
        note="the next sentence names the FAG as suspected")
    nofig(d, "2012")
    fig(d, "Tausende", m="killed", v=[1000, 2000], q="vague", qok=["at_least"], places=[["Mali", "Malis"]],
        time=T("2012-01-01", "2023-03-14", "2012-01-01", "2023-03-14"), victims=[["Menschen", "people"]],
        perps=[["bewaffneter Gruppen", "bewaffnete Gruppen", "armed groups"]], note="since 2012, country-wide")
    fig(d, "rund 40.000", m="combatants", v=40000, q="approx", places=[["Mali", "Malis"]], time=None,
        victims=[], perps=[], attr=["nach eigenen Angaben", "eigenen Angaben", "Übergangsregierung"],
        note="army strength")

    d = "122_tessit-2023_ru.txt"
    kw = {"places": [TESSIT], "time": T_TESSIT, "event": E_TESSIT}
    boev = ["боевиков", "боевики", "militants", "Вооруженный фронт Гурмы", "FAG"]
    src = ["источник в силовых структурах", "источник", "source"]
    nofig(d, "13")
    fig(d, "Не менее 20", m="killed", v=(20, None), q="at_least",
        victims=[["мирных жителей", "мирные жители", "civilians"]], perps=[boev], attr=src, **kw)
    fig(d, "около 30", m="injured", v=30, q="approx", victims=[["человек", "people"]], perps=[boev],
        attr=src + ["По его словам"], **kw)
    fig(d, "несколько сотен", m="combatants", v=[200, 300], q="vague", qok=["approx", "at_least"],
        places=[TESSIT], time=None, victims=[], perps=[], attr=["по оценкам военных", "военных", "military"],
        event=E_TESSIT)
    fig(d, "19", m="killed", v=19, q="exact", victims=[["погибших", "people"]], perps=[boev],
        attr=["правительство Мали", "правительство", "government"], **kw,
        note="earlier government figure, not revised by its source in this text")

    est(E_TESSIT, "killed", None, [
        ("101_tessit-2023_fr.txt", "au moins 27", 0), ("101_tessit-2023_fr.txt", "Au moins 27", 0),
        ("101_tessit-2023_fr.txt", "19", 0), ("102_tessit-2023_en.txt", "at least 31", 0),
        ("102_tessit-2023_en.txt", "at least 31", 1), ("103_tessit-2023_es.txt", "34", 0),
        ("103_tessit-2023_es.txt", "19", 0), ("103_tessit-2023_es.txt", "34", 1),
        ("103_tessit-2023_es.txt", "34", 2), ("103_tessit-2023_es.txt", "a lo sumo diez", 0),
        ("104_tessit-2023_de.txt", "Dutzende", 0), ("104_tessit-2023_de.txt", "mindestens 19", 0),
        ("104_tessit-2023_de.txt", "mehr als 30", 0), ("122_tessit-2023_ru.txt", "Не менее 20", 0),
        ("122_tessit-2023_ru.txt", "19", 0)],
        [19, 19], [34, 34],
        "every source's toll of the market attack; 103's 19 superseded by 34 (the rejected 34 is still the government's); "
        "the spokesman's 'a lo sumo diez' gives a high of 10 only; lows 19 (government, 101/104/122), highs 34 (103) and 19. "
        "Left out: 102's 9 children (subgroup), 103's 11 (part)")
    est(E_TESSIT, "killed", [["children", "enfants", "niños"]], [("102_tessit-2023_en.txt", "9", 0)], [9, 9], [9, 9],
        "children among the dead: one source")
    est(E_TESSIT, "injured", None, [
        ("101_tessit-2023_fr.txt", "une quarantaine", 0), ("101_tessit-2023_fr.txt", "23", 0),
        ("102_tessit-2023_en.txt", "46", 0), ("102_tessit-2023_en.txt", "46", 1),
        ("103_tessit-2023_es.txt", "cincuenta y dos", 0), ("104_tessit-2023_de.txt", "23", 0),
        ("122_tessit-2023_ru.txt", "около 30", 0)],
        [23, 23], [52, 52], "low 23 (government in 101 and 104), high 52 (103). Left out: 101's douze (seriously injured)")
    est(E_TESSIT, "displaced", None, [("102_tessit-2023_en.txt", "Some 5,600", 0), ("102_tessit-2023_en.txt", "some 5,600", 0)],
        [5600, 5600], [5600, 5600], "one source; the four sites are parts")
    ev(E_TESSIT, "Tessit market attack, 12 March 2023 (fictional)", ["tessit-camp-2022-08"])
    ev("tessit-camp-2022-08", "attack on the Tessit army camp, August 2022 (fictional)", [E_TESSIT])
    est("tessit-camp-2022-08", "killed", [["soldats", "soldiers"]], [("101_tessit-2023_fr.txt", "42", 0)], [42, 42], [42, 42],
        "one source")


def san_andres() -> None:
    d = "105_san-andres-1982_en.txt"
    kw: dict[str, Any] = {"places": [SAN_ANDRES], "time": T_SA, "event": E_SA}
    surv = ["SURVIVORS", "survivors"]
    nofigs(d, "SSA217", "7")
    fig(d, "SIXTY-EIGHT", m="killed", v=68, q="exact", victims=[PEASANTS + ["WOMEN AND CHILDREN"]],
        perps=[IXTEPEQUE], attr=surv, **kw, note="upper-case telex; number in words")
    nofigs(d, "TWO-DAY", "THREE DAYS", "2", "3")
    fig(d, "AT LEAST 40", m="destroyed", v=(40, None), q="at_least", victims=[], perps=[IXTEPEQUE],
        attr=surv, **kw, note="houses burnt by 'THE TROOPS'")
    fig(d, "68", m="killed", v=68, q="exact", victims=[PEASANTS + ["DEAD"]], perps=[IXTEPEQUE], attr=surv,
        status="rejected", by=["SPOKESMAN FOR THE ARMED FORCES", "SPOKESMAN", "ARMED FORCES"], **kw,
        note="'REJECTED THE FIGURE OF 68 DEAD': claimed by the survivors")
    fig(d, "12", m="killed", v=12, q="exact", victims=[["GUERRILLAS", "guerrillas"]], perps=[],
        attr=["SPOKESMAN", "ARMED FORCES"], **kw, note="'killed in combat': no agent named")
    fig(d, "ABOUT 1,500", m="combatants", v=1500, q="approx", places=[["CHALATENANGO", "Chalatenango"]],
        time=None, victims=[], perps=[], attr=["DIPLOMATIC SOURCES", "diplomatic sources"], event=E_SA)
    nofigs(d, "06-07", "1142")

    d = "106_san-andres-1982_es.txt"
    kw = {"places": [SAN_ANDRES], "time": T_SA, "event": E_SA}
    nofigs(d, "1982", "3.4", "2", "3", ("1982", 1), ("2", 1), ("3", 1), ("1982", 2))
    both = [IXTEPEQUE, DEFENSA_CIVIL]
    fig(d, "74", m="killed", v=74, q="exact", victims=[PEASANTS], perps=both, **kw,
        note="active: 'efectivos del Batallón ..., apoyados por miembros de la Defensa Civil ..., ejecutaron a 74 campesinos'; the commission's own report")
    for anchor, site in (("31", ["El Jícaro", "caserío El Jícaro"]), ("26", ["Los Tablones", "caserío Los Tablones"]),
                         ("17", ["río Sumpul", "vado del río Sumpul", "Sumpul"])):
        fig(d, anchor, m="killed", v=int(anchor), q="exact", places=[site], time=T_SA,
            victims=[["personas", "víctimas", "campesinos", "people"]], perps=both, event=E_SA,
            note="per-site list (parts of the 74)")
    fig(d, "29", m="killed", v=29, q="exact", victims=[["niños", "niñas", "niños y niñas", "children"]],
        perps=both, **kw, note="subgroup")
    nofig(d, "doce", note="age: 'menores de doce años'")
    fig(d, "alrededor de un centenar", m="killed", v=100, q="approx", qok=["vague"],
        victims=[["muertos", "campesinos", "people"]], perps=both, attr=["sobrevivientes", "Los sobrevivientes", "survivors"],
        **kw)
    fig(d, "120", m=["killed", "victims"], v=120, q="exact", victims=[["víctimas", "victims", "campesinos"]],
        perps=both, attr=["Radio Libertad del Pueblo", "emisora clandestina"], status="unconfirmed",
        by=["Comisión", "la Comisión"], **kw, note="'la Comisión no pudo confirmar la cifra de 120 víctimas'")
    fig(d, "unos 650", m="population", v=650, q="approx", places=[SAN_ANDRES], time=None, victims=[], perps=[],
        attr=["censo parroquial", "Según el censo parroquial", "parish census"], event=E_SA)
    nofig(d, "1983")
    fig(d, "unas 90", m="returned", v=90, q="approx", places=[SAN_ANDRES],
        time=T("1983-01-01", "1983-01-31", "1982-06-03", "1983-01-31"), victims=[["familias", "families"]],
        perps=[], event=E_SA, note="families that had returned (unit: families)")
    fig(d, "doce", 1, m="killed", v=12, q="exact", victims=[["terroristas", "terrorists", "guerrilleros"]],
        perps=[["Fuerza Armada", "tropas", "sus tropas", "Armed Forces", "army", "ejército"]],
        attr=["Fuerza Armada", "Armed Forces"], **kw, note="active: 'sus tropas dieron muerte a doce «terroristas»'")

    d = "107_san-andres-1982_de.txt"
    kw = {"places": [SAN_ANDRES], "time": T_SA, "event": E_SA}
    nofigs(d, "2", "3", "1982")
    fig(d, "68–120", m="killed", v=(68, 120), q="range", victims=[["Tote", "Zivilisten", "Bauern", "civilians", "peasants"]],
        perps=[IXTEPEQUE], **kw, note="infobox 'Tote: 68–120', 'Täter' row")
    komm = ["Bericht einer lokalen Menschenrechtskommission", "Menschenrechtskommission", "human rights commission"]
    fig(d, "74", m="killed", v=74, q="exact", victims=[["Bauern", "peasants", "Zivilisten"]], perps=[IXTEPEQUE],
        attr=komm, **kw, note="passive: 'von Soldaten des Infanteriebataillons Ixtepeque erschossen'")
    fig(d, "29", m="killed", v=29, q="exact", victims=[["Kinder", "children"]], perps=[IXTEPEQUE], attr=komm, **kw)
    fig(d, "68", 1, m="killed", v=68, q="exact", victims=[["Toten", "Tote", "Bauern", "Zivilisten", "dead"]],
        perps=[IXTEPEQUE], attr=["Überlebende", "survivors"], **kw)
    fig(d, "120", 1, m=["killed", "victims"], v=120, q="exact", victims=[["Opfern", "Opfer", "victims", "Zivilisten", "Bauern"]],
        perps=[IXTEPEQUE], attr=["ein Sender der Guerilla", "Sender der Guerilla", "Guerilla", "guerrilla radio"], **kw)
    fig(d, "zwölf", m="killed", v=12, q="exact", victims=[["Aufständische", "insurgents", "guerrillas"]], perps=[],
        attr=["Die Streitkräfte", "Streitkräfte", "armed forces"], **kw,
        note="'bei Gefechten ums Leben gekommen': no agent; the denial of the massacre addresses no number")
    fig(d, "etwa 650", m="population", v=650, q="approx", places=[SAN_ANDRES], time=None, victims=[], perps=[], event=E_SA)
    nofig(d, "2011")
    fig(d, "51", m=["victims", "killed"], v=51, q="exact", places=[SAN_ANDRES],
        time=T("1982-06-02", "2011-12-31", "1982-06-01", "2011-12-31"), victims=[["Personen", "people"]],
        perps=[IXTEPEQUE], event=E_SA, note="remains exhumed in 2011: another quantity of the same dead (no estimate anchor)")

    peasants_vict = [PEASANTS + ["WOMEN AND CHILDREN", "Tote", "muertos", "víctimas", "Opfer", "dead"]]
    est(E_SA, "killed", peasants_vict, [
        ("105_san-andres-1982_en.txt", "SIXTY-EIGHT", 0), ("105_san-andres-1982_en.txt", "68", 0),
        ("106_san-andres-1982_es.txt", "74", 0), ("106_san-andres-1982_es.txt", "alrededor de un centenar", 0),
        ("106_san-andres-1982_es.txt", "120", 0), ("107_san-andres-1982_de.txt", "68–120", 0),
        ("107_san-andres-1982_de.txt", "74", 0), ("107_san-andres-1982_de.txt", "68", 1),
        ("107_san-andres-1982_de.txt", "120", 1)],
        [68, 68], [120, 120],
        "the peasants killed: survivors 68 (the rejected 68 counts as theirs), the commission's 74, survivors' ~100, the radio's unconfirmed 120, "
        "the infobox range. Left out: sites, the 29 children (subgroup), the army's 12 guerrillas, the 51 exhumed")
    est(E_SA, "killed", [["niños", "niñas", "Kinder", "children"]], [
        ("106_san-andres-1982_es.txt", "29", 0), ("107_san-andres-1982_de.txt", "29", 0)], [29, 29], [29, 29], "children")
    est(E_SA, "killed", [["GUERRILLAS", "guerrillas", "terroristas", "Aufständische", "insurgents"]], [
        ("105_san-andres-1982_en.txt", "12", 0), ("106_san-andres-1982_es.txt", "doce", 1),
        ("107_san-andres-1982_de.txt", "zwölf", 0)], [12, 12], [12, 12], "the army's claim of guerrillas killed")
    est(E_SA, "destroyed", None, [("105_san-andres-1982_en.txt", "AT LEAST 40", 0)], [40, 40], None,
        "houses burnt: one open figure")
    ev(E_SA, "San Andrés del Monte massacre, 2-3 June 1982 (fictional)")


def olshanka() -> None:
    d = "108_olshanka-1919_ru.txt"
    kw: dict[str, Any] = {"places": [OLSHANKA], "time": T_OL, "event": E_OL}
    people = ["человек", "жителей", "жители", "Погибшие", "погибших", "people", "residents"]
    nofigs(d, "14", "16", "1919")
    fig(d, "от 300 до 1200", m="killed", v=(300, 1200), q="range", victims=[people], perps=[HRECHANY],
        attr=["по разным оценкам", "разным оценкам", "various estimates"], **kw, note="infobox line with 'Организатор' row")
    nofig(d, "1919", 1)
    fig(d, "около 4 тысяч", m="population", v=4000, q="approx", places=[OLSHANKA], time=None, victims=[], perps=[], event=E_OL)
    fig(d, "260", m="population", v=260, q="exact", places=[OLSHANKA], time=None, victims=[WORKERS], perps=[],
        event=E_OL, note="depot workers (a baseline of the subgroup)")
    fig(d, "от 800 до 1000", m="combatants", v=(800, 1000), q="range", places=[OLSHANKA], time=None, victims=[],
        perps=[], attr=["по разным данным", "разным данным"], event=E_OL)
    nofig(d, "трёх дней")
    comm = ["уездной следственной комиссии", "следственной комиссии", "district commission"]
    fig(d, "412", m="killed", v=412, q="exact", victims=[people], perps=[HRECHANY], attr=comm, **kw,
        note="active: 'бойцы отряда расстреляли и зарубили ... 412 человек'")
    fig(d, "87", m="killed", v=87, q="exact", victims=[WORKERS], perps=[HRECHANY], attr=comm, **kw, note="subgroup")
    fig(d, "около двухсот", m="injured", v=200, q="approx", victims=[["человек", "people"]], perps=[HRECHANY],
        attr=["по тем же данным", "тем же данным"] + comm, **kw)
    nofig(d, "1920")
    fig(d, "1200", 1, m="killed", v=1200, q="exact", victims=[people], perps=[HRECHANY],
        attr=["Советские авторы", "Soviet authors"], status="rejected",
        by=["современные исследователи", "исследователи", "modern researchers"], **kw,
        note="'современные исследователи считают её завышенной'")
    fig(d, "примерно в 300—450", m="killed", v=(300, 450), q="range", qok=["approx"], victims=[people],
        perps=[HRECHANY], attr=["современные исследователи", "исследователи", "modern researchers"], **kw)

    d = "109_olshanka-1919_en.txt"
    kw = {"places": [OLSHANKA], "time": T_OL, "event": E_OL}
    nofigs(d, "16", "2024", "6", "105", "one", "two nights")
    fig(d, "412", m="killed", v=412, q="exact", victims=[["people"]], perps=[HRECHANY],
        attr=["museum panel", "local museum panel", "district commission"], **kw,
        note="the horsemen of the first paragraph (same account)")
    nofigs(d, "three days", "1919")
    fig(d, "1,200", m="killed", v=1200, q="exact", victims=[["dead", "people"]], perps=[HRECHANY],
        attr=["Soviet booklets"], **kw)
    fig(d, "300 to 450", m="killed", v=(300, 450), q="range", victims=[["dead", "people"]], perps=[HRECHANY],
        attr=["historian in Odesa", "historian"], **kw)
    fig(d, "260", m="population", v=260, q="exact", places=[OLSHANKA], time=None, victims=[WORKERS], perps=[], event=E_OL)
    fig(d, "41", m="returned", v=41, q="exact", places=[OLSHANKA],
        time=T("1919-10-01", "1919-10-31", "1919-08-16", "1919-10-31"), victims=[WORKERS], perps=[], event=E_OL,
        note="workers who came back")
    nofigs(d, "10am", "5pm")

    d = "110_olshanka-1919_ru.txt"
    kw = {"places": [OLSHANKA], "time": T_OL, "event": E_OL}
    nofigs(d, "1", "14", "16")
    revkom = ["Уездный ревком", "ревком"]
    fig(d, "600", m="killed", v=600, q="exact", victims=[["убитых", "рабочими", "жителями", "people"]],
        perps=[HRECHANY], attr=revkom, status="superseded", by=revkom, **kw, note="'ранее сообщавший о 600 убитых, увеличил ... до 1200'")
    fig(d, "1200", m="killed", v=1200, q="exact", victims=[["погибших", "человек", "рабочими", "жителями", "people"]],
        perps=[HRECHANY], attr=revkom, **kw)
    fig(d, "Свыше тысячи", m=["killed", "victims"], v=(1000, None), q="more_than",
        places=[OLSHANKA], time=T("1919-08-14", "1919-09-01", "1919-08-14", "1919-09-01"),
        victims=[["трупов", "рабочими", "жителями", "bodies"]], perps=[HRECHANY], event=E_OL,
        note="bodies buried so far: another quantity of the same dead (no estimate anchor)")
    nofig(d, "трёх", note="three mass graves")
    fig(d, "140", m="destroyed", v=140, q="exact", victims=[], perps=[HRECHANY], **kw, note="active: 'Бандиты сожгли 140 домов'")
    fig(d, "более трёхсот", m="injured", v=(300, None), q="more_than", victims=[["человек", "people"]], perps=[HRECHANY], **kw)
    fig(d, "260", m="population", v=260, q="exact", places=[OLSHANKA], time=None, victims=[WORKERS], perps=[], event=E_OL)
    fig(d, "не менее 200", m="killed", v=(200, None), q="at_least", victims=[WORKERS], perps=[HRECHANY], **kw,
        note="subgroup: depot workers killed")
    fig(d, "до тысячи", m="combatants", v=(None, 1000), q="at_most", places=[OLSHANKA], time=None, victims=[], perps=[], event=E_OL)

    est(E_OL, "killed", None, [
        ("108_olshanka-1919_ru.txt", "от 300 до 1200", 0), ("108_olshanka-1919_ru.txt", "412", 0),
        ("108_olshanka-1919_ru.txt", "1200", 1), ("108_olshanka-1919_ru.txt", "примерно в 300—450", 0),
        ("109_olshanka-1919_en.txt", "412", 0), ("109_olshanka-1919_en.txt", "1,200", 0),
        ("109_olshanka-1919_en.txt", "300 to 450", 0), ("110_olshanka-1919_ru.txt", "600", 0),
        ("110_olshanka-1919_ru.txt", "1200", 0)],
        [300, 300], [1200, 1200],
        "all the dead: infobox range, the commission's 412, the Soviet 1200 (rejected, its claimants named), researchers' 300-450, "
        "the revkom's 1200 (its 600 superseded). Left out: bodies buried (another quantity), 87 / не менее 200 workers (subgroup)")
    est(E_OL, "killed", [["рабочих", "рабочие", "рабочих депо", "workers"]], [
        ("108_olshanka-1919_ru.txt", "87", 0), ("110_olshanka-1919_ru.txt", "не менее 200", 0)], [87, 87], [87, 200],
        "depot workers killed: 87 vs at least 200 (an open lower bound above the only stated upper bound)")
    est(E_OL, "injured", None, [
        ("108_olshanka-1919_ru.txt", "около двухсот", 0), ("110_olshanka-1919_ru.txt", "более трёхсот", 0)], [200, 200], [200, 300],
        "about 200 vs more than 300")
    est(E_OL, "destroyed", None, [("110_olshanka-1919_ru.txt", "140", 0)], [140, 140], [140, 140], "houses burnt: one source")
    ev(E_OL, "Stara Olshanka massacre, 14-16 August 1919 (fictional)")


def kyzyl_bulak() -> None:
    d = "111_kyzyl-bulak-2011_ru.txt"
    kw: dict[str, Any] = {"places": [KYZYL], "time": T_KB, "event": E_KB}
    mvd = ["Министерство внутренних дел", "МВД", "Ministry of Internal Affairs"]
    fig(d, "40", m="killed", v=40, q="exact", victims=[["погибших", "people"]], perps=[],
        attr=["правозащитников", "правозащитники", "human rights defenders"], status="rejected", by=mvd, **kw,
        note="headline; the perpetrator is named (by eyewitnesses) only in the second paragraph")
    nofigs(d, "9", "2011")
    fig(d, "40", 1, m="killed", v=40, q="exact", victims=[["погибших", "people"]], perps=[],
        attr=["правозащитный центр", "Адилет-Жолу", "Adilet-Zholu"], status="rejected", by=mvd, **kw)
    nofig(d, "7")
    minist = ["По данным министерства", "министерства", "МВД", "ministry"]
    fig(d, "семь", m="killed", v=7, q="exact", victims=[["человек", "people"]], perps=[], attr=minist, **kw)
    fig(d, "двое", m="killed", v=2, q="exact",
        victims=[["сотрудников милиции", "сотрудники милиции", "милиции", "police officers", "militia"]], perps=[],
        attr=minist, **kw, note="subgroup: police officers among the dead")
    fig(d, "56", m="injured", v=56, q="exact", victims=[["человек", "people"]], perps=[], attr=minist, **kw)
    nofig(d, "один", note="'рассказал один из жителей': a pronoun")
    fig(d, "до трёх тысяч", m=["population", "combatants"], v=(None, 3000), q="at_most", places=[KYZYL], time=T_KB,
        victims=[], perps=[], attr=["местных активистов", "активистов", "local activists"], event=E_KB, note="crowd size")
    fig(d, "два", m="destroyed", v=2, q="exact", victims=[], perps=[["толпа", "crowd", "протестующие"]],
        attr=["В МВД заявили", "МВД"], **kw, note="vehicles set on fire by 'толпа'")
    fig(d, "23", m="detained", v=23, q="exact", victims=[["человек", "people"]], perps=[],
        attr=["МВД", "В МВД заявили", "сообщили"], **kw)
    fig(d, "около 6500", m="population", v=6500, q="approx", places=[KYZYL], time=None, victims=[], perps=[], event=E_KB)

    d = "112_kyzyl-bulak-2011_en.txt"
    kw = {"places": [KYZYL], "time": T_KB, "event": E_KB}
    center = ["Adilet-Zholu", "human rights center", "center"]
    fig(d, "40", m="killed", v=40, q="exact", victims=[["dead", "people"]], perps=[KARA_KUSH],
        attr=["human rights defenders"], **kw, note="headline; the lede names Kara-Kush (through the center)")
    nofig(d, "10")
    fig(d, "not less than 40", m="killed", v=(40, None), q="at_least", victims=[["lives", "lost lives", "people"]],
        perps=[KARA_KUSH], attr=center, **kw, note="machine-translated; passive agent 'by the fighters of the special division'")
    fig(d, "38", m=["killed", "victims"], v=38, q="exact", victims=[["names", "the lost", "people"]], perps=[KARA_KUSH],
        attr=center + ["As informs the center"], **kw, note="names on the list so far: another quantity (no estimate anchor)")
    fig(d, "more than 70", m="injured", v=(70, None), q="more_than", victims=[["wounded", "people"]], perps=[KARA_KUSH],
        attr=center, **kw)
    fig(d, "12", m="injured", v=12, q="exact", victims=[["wounded", "people"]], perps=[KARA_KUSH], attr=center, **kw,
        note="in a heavy condition: subgroup")
    moi = ["Ministry of Internal Affairs", "Ministry"]
    fig(d, "7", m="killed", v=7, q="exact", victims=[["persons", "people"]], perps=[], attr=moi, **kw,
        note="the ministry's count names no agent and includes two police officers")
    fig(d, "two", m="killed", v=2, q="exact", victims=[["employees of militia", "militia", "police"]], perps=[],
        attr=moi, **kw)
    nofig(d, "9", note="members of a parliamentary commission")

    d = "113_kyzyl-bulak-2011_de.txt"
    kw = {"places": [KYZYL], "time": T_KB, "event": E_KB}
    nofigs(d, "2011", "2.3", "7", ("2011", 1))
    fig(d, "rund 2.500", m=["population", "combatants"], v=2500, q="approx", places=[KYZYL], time=T_KB,
        victims=[], perps=[], event=E_KB, note="crowd size")
    fig(d, "mindestens elf", m="killed", v=(11, None), q="at_least", victims=[["Menschen", "people"]], perps=[KARA_KUSH],
        **kw, note="'Nach unseren Recherchen': the report's own voice")
    fig(d, "mehr als 70", m="injured", v=(70, None), q="more_than", victims=[["Menschen", "people"]], perps=[KARA_KUSH], **kw)
    fig(d, "sieben", m="killed", v=7, q="exact", victims=[["Toten", "Tote", "people"]], perps=[KARA_KUSH],
        attr=["die Behörden", "Behörden", "authorities"], **kw, note="the report itself names the unit that dispersed the rally")
    fig(d, "zwei", m="killed", v=2, q="exact", victims=[["Minderjährige", "minors", "children"]], perps=[KARA_KUSH], **kw)
    nofigs(d, "15", "16")
    fig(d, "40", m="killed", v=40, q="exact", victims=[["Toten", "Tote", "dead"]], perps=[KARA_KUSH],
        attr=["Menschenrechtszentrum", "Adilet-Schol"], status="unconfirmed", by=["wir", "ZAMN"], **kw,
        note="'konnten wir nicht bestätigen'")
    fig(d, "zwischen 60 und 80", m="detained", v=(60, 80), q="range", victims=[["Männer", "men"]], perps=[],
        attr=["nach Angaben von Angehörigen", "Angehörigen", "relatives"], places=[KYZYL],
        time=T("2011-06-07", "2011-06-14", "2011-06-07", "2011-07-15"), event=E_KB)

    est(E_KB, "killed", None, [
        ("111_kyzyl-bulak-2011_ru.txt", "40", 0), ("111_kyzyl-bulak-2011_ru.txt", "40", 1),
        ("111_kyzyl-bulak-2011_ru.txt", "семь", 0), ("112_kyzyl-bulak-2011_en.txt", "40", 0),
        ("112_kyzyl-bulak-2011_en.txt", "not less than 40", 0), ("112_kyzyl-bulak-2011_en.txt", "7", 0),
        ("113_kyzyl-bulak-2011_de.txt", "mindestens elf", 0), ("113_kyzyl-bulak-2011_de.txt", "sieben", 0),
        ("113_kyzyl-bulak-2011_de.txt", "40", 0)],
        [7, 7], [40, 40],
        "ministry 7 against the NGO's 40 (rejected in 111, counted as its claimant's; unconfirmed in 113). "
        "Left out: 38 names (another quantity), the police subgroup")
    est(E_KB, "killed", [["сотрудников милиции", "милиции", "militia", "police"]], [
        ("111_kyzyl-bulak-2011_ru.txt", "двое", 0), ("112_kyzyl-bulak-2011_en.txt", "two", 0)], [2, 2], [2, 2],
        "police officers killed")
    est(E_KB, "injured", None, [
        ("111_kyzyl-bulak-2011_ru.txt", "56", 0), ("112_kyzyl-bulak-2011_en.txt", "more than 70", 0),
        ("113_kyzyl-bulak-2011_de.txt", "mehr als 70", 0)], [56, 56], [56, 70],
        "56 against 'more than 70' (an open lower bound above the only stated upper bound). Left out: 12 in heavy condition")
    est(E_KB, "detained", None, [
        ("111_kyzyl-bulak-2011_ru.txt", "23", 0), ("113_kyzyl-bulak-2011_de.txt", "zwischen 60 und 80", 0)], [23, 23], [80, 80],
        "23 (ministry) vs 60-80 (relatives)")
    ev(E_KB, "Kyzyl-Bulak protest shooting, 7 June 2011 (fictional)")


def leer() -> None:
    d = "114_leer-2019_en.txt"
    kw: dict[str, Any] = {"places": [LEER], "time": T_LEER, "event": E_LEER}
    nofigs(d, "4", "21", "22", "2019", "4.1", ("21", 1))
    fig(d, "an estimated 300 to 400", m="combatants", v=(300, 400), q="range", qok=["approx"], victims=[], perps=[], **kw)
    fig(d, "some 14,500", m=["population", "displaced"], v=14500, q="approx", places=[LEER], time=None,
        victims=[["internally displaced persons", "displaced persons", "IDPs", "displaced"]], perps=[], event=E_LEER,
        note="the site's population (baseline)")
    fig(d, "120", m="combatants", v=120, q="exact", victims=[], perps=[], **kw, note="peacekeepers")
    nofigs(d, "two-hour", "4.2")
    fig(d, "52", m="killed", v=52, q="exact", victims=[["civilians"]], perps=[WRA], **kw,
        note="the panel's own figure; WRA named as attacker in 4.1 (same account)")
    fig(d, "19", m="killed", v=19, q="exact", victims=[["women"]], perps=[WRA], **kw, note="subgroup")
    fig(d, "11", m="killed", v=11, q="exact", victims=[["children"]], perps=[WRA], **kw, note="subgroup")
    fig(d, "at least 20", m="killed", v=(20, None), q="at_least", places=[["Thonyor", "Padeah", "surrounding villages"]],
        time=T_LEER, victims=[], perps=[WRA], attr=["unverified reports", "reports"], status="unconfirmed",
        by=["Panel"], event=E_LEER, note="'credible but unverified reports': other sites (no estimate anchor); a bare count of deaths")
    fig(d, "More than 90", m="injured", v=(90, None), q="more_than", victims=[["people"]], perps=[WRA], **kw)
    fig(d, "an estimated 60", m="detained", v=60, q="approx", victims=[["women and girls", "women", "girls"]],
        perps=[WRA], **kw, note="active: 'WRA fighters abducted an estimated 60 women and girls'")
    fig(d, "23", m="returned", v=23, q="exact", places=[LEER], time=T("2019-10-21", "2019-11-20", "2019-10-21", "2019-11-20"),
        victims=[["women and girls", "women", "girls"]], perps=[], event=E_LEER, note="released by the time of writing")
    nofig(d, "4.3")
    fig(d, "Over 1,100", m="destroyed", v=(1100, None), q="more_than", victims=[], perps=[WRA], **kw, note="shelters burned")
    fig(d, "Nearly 9,000", m="displaced", v=9000, q="approx", qok=["less_than", "at_most"],
        places=[LEER + ["Bentiu", "Nyal"]], time=T("2019-10-21", "2019-10-28", "2019-10-20", "2019-11-20"),
        victims=[["residents", "people"]], perps=[], event=E_LEER, note="people fleeing: no agent")
    nofigs(d, "4.4", "25")
    fig(d, "52", 1, m="killed", v=52, q="exact", victims=[["dead", "civilians"]], perps=[WRA], status="rejected",
        by=["WRA", "White River Alliance"], **kw, note="the WRA rejects the panel's own figure (claimant: the document)")

    d = "115_leer-2019_fr.txt"
    kw = {"places": [LEER], "time": T_LEER, "event": E_LEER}
    nofigs(d, "24", "2019")
    fig(d, "63", m="injured", v=63, q="exact", victims=[["blessés", "wounded", "patients"]], perps=[], **kw,
        note="the NGO's own count; no perpetrator named anywhere in this text")
    fig(d, "27", m="injured", v=27, q="exact", victims=[["enfants", "children"]], perps=[], **kw, note="subgroup")
    nofigs(d, "20", "21")
    fig(d, "Quatre", m="killed", v=4, q="exact", victims=[["blessés", "patients", "wounded"]], perps=[],
        places=[LEER], time=T("2019-10-21", "2019-10-24", "2019-10-20", "2019-10-24"), event=E_LEER,
        note="died of their wounds in hospital: a part")
    fig(d, "près de 15 000", m=["population", "displaced"], v=15000, q="approx", qok=["less_than", "at_most"],
        places=[LEER], time=None, victims=[["personnes", "people"]], perps=[],
        attr=["coordinatrice médicale", "coordinatrice"], event=E_LEER)
    fig(d, "au moins 45", m="killed", v=(45, None), q="at_least", victims=[["personnes", "people"]], perps=[],
        attr=["autorités locales", "Selon les autorités locales", "local authorities"], **kw)
    fig(d, "Plusieurs milliers", m="displaced", v=[2000, 3000], q="vague", qok=["approx", "at_least"],
        places=[LEER + ["Bentiu", "Nyal"]], time=T("2019-10-21", "2019-10-24", "2019-10-20", "2019-10-24"),
        victims=[["personnes", "people"]], perps=[], event=E_LEER)
    nofig(d, "212", note="the NGO's staff")

    d = "116_leer-2019_de.txt"
    kw = {"places": [LEER], "time": T_LEER, "event": E_LEER}
    fig(d, "Dutzende", m="killed", v=[12, 48], q="vague", qok=["approx", "at_least"], victims=[["Tote", "Menschen", "people"]],
        perps=[WRA], **kw, note="headline; the lede names the militia")
    fig(d, "mindestens 38", m="killed", v=(38, None), q="at_least", victims=[["Menschen", "Zivilisten", "people", "civilians"]],
        perps=[WRA], attr=["nach UN-Angaben", "UN-Angaben", "UN"], **kw,
        note="passive agent in the next sentence: 'von Kämpfern der Miliz White River Alliance erschossen'")
    fig(d, "Mehr als 60", m="injured", v=(60, None), q="more_than", victims=[["Menschen", "people"]], perps=[WRA],
        attr=["demnach", "UN-Mission", "UN"], **kw)
    fig(d, "rund 14.000", m=["population", "displaced"], v=14000, q="approx", places=[LEER], time=None,
        victims=[["Menschen", "Binnenvertriebene", "people", "displaced"]], perps=[], event=E_LEER)
    fig(d, "etwa 350", m="combatants", v=350, q="approx", victims=[], perps=[], **kw, note="'soll': hearsay without a source")
    fig(d, "rund 120", m="combatants", v=120, q="approx", qok=["exact"], victims=[], perps=[],
        attr=["nach Angaben der Mission", "Mission"], **kw, note="peacekeepers")
    fig(d, "weniger als 20", m="killed", v=(None, 20), q="less_than", qok=["at_most"], victims=[["Toten", "Tote", "people"]],
        perps=[WRA], attr=["Ein Sprecher der Regierung", "Sprecher der Regierung", "Regierung", "government"], **kw,
        note="'machte ebenfalls die White River Alliance verantwortlich'")
    nofig(d, "2013")
    fig(d, "Hunderttausende", m="killed", v=[100000, 200000], q="vague", qok=["at_least"],
        places=[["Südsudan", "South Sudan"]], time=T("2013-01-01", "2019-10-22", "2013-01-01", "2019-10-22"),
        victims=[["Menschen", "people"]], perps=[], note="the civil war since 2013: another event, nobody named")

    d = "124_leer-2019_ru.txt"
    kw = {"places": [LEER], "time": T_LEER, "event": E_LEER}
    un = ["представитель миссии ООН", "миссии ООН", "ООН", "UN"]
    fig(d, "не менее 40", m="killed", v=(40, None), q="at_least", victims=[["человек", "people"]], perps=[WRA], **kw,
        note="headline; the lede names 'вооруженной группировки'")
    nofig(d, "23")
    fig(d, "Не менее 40", m="killed", v=(40, None), q="at_least", victims=[["мирных жителей", "мирные жители", "civilians"]],
        perps=[WRA], attr=un, **kw, note="'Об этом сообщил представитель миссии ООН' in the next sentence")
    fig(d, "свыше 60", m="injured", v=(60, None), q="more_than", victims=[["человек", "people", "мирных жителей"]], perps=[WRA],
        attr=un, **kw)
    fig(d, "около 14 тысяч", m=["population", "displaced"], v=14000, q="approx", places=[LEER], time=None,
        victims=[["человек", "people"]], perps=[], attr=["По его данным"] + un, event=E_LEER)
    fig(d, "сотни", m="destroyed", v=[100, 200], q="vague", qok=["approx", "at_least"], victims=[], perps=[WRA],
        attr=["По его данным"] + un, **kw, note="active: 'боевики «Альянса Белой реки» сожгли сотни хижин'")
    fig(d, "18", m="killed", v=18, q="exact", victims=[["погибших", "people"]], perps=[WRA],
        attr=["власти Южного Судана", "власти", "authorities"], **kw)
    fig(d, "почти 1,6 млн", m="displaced", v=1600000, q="approx", qok=["less_than", "at_most"],
        places=[["Южный Судан", "Южном Судане", "South Sudan", "стране"]], time=None,
        victims=[["внутренне перемещенных лиц", "перемещенных лиц", "displaced"]], perps=[],
        attr=["по оценкам ООН", "ООН", "UN"], note="country-wide, another quantity")

    est(E_LEER, "killed", None, [
        ("114_leer-2019_en.txt", "52", 0), ("114_leer-2019_en.txt", "52", 1),
        ("115_leer-2019_fr.txt", "au moins 45", 0), ("116_leer-2019_de.txt", "Dutzende", 0),
        ("116_leer-2019_de.txt", "mindestens 38", 0), ("116_leer-2019_de.txt", "weniger als 20", 0),
        ("124_leer-2019_ru.txt", "не менее 40", 0), ("124_leer-2019_ru.txt", "Не менее 40", 0),
        ("124_leer-2019_ru.txt", "18", 0)],
        [18, 18], [52, 52],
        "the attack's dead: panel 52 (also rejected by the WRA), 45, 38, 40, the government's 18 and 'less than 20'. "
        "Left out: the unverified 20 in other villages (site), the four who died of wounds (part), subgroups")
    est(E_LEER, "killed", [["women"]], [("114_leer-2019_en.txt", "19", 0)], [19, 19], [19, 19], "women killed")
    est(E_LEER, "killed", [["children", "enfants"]], [("114_leer-2019_en.txt", "11", 0)], [11, 11], [11, 11], "children killed")
    est(E_LEER, "injured", None, [
        ("114_leer-2019_en.txt", "More than 90", 0), ("115_leer-2019_fr.txt", "63", 0),
        ("116_leer-2019_de.txt", "Mehr als 60", 0), ("124_leer-2019_ru.txt", "свыше 60", 0)], [60, 60], [63, 90],
        "63 treated by the NGO vs 'more than 60' and 'more than 90'")
    est(E_LEER, "injured", [["enfants", "children"]], [("115_leer-2019_fr.txt", "27", 0)], [27, 27], [27, 27], "children injured")
    est(E_LEER, "displaced", None, [
        ("114_leer-2019_en.txt", "Nearly 9,000", 0), ("115_leer-2019_fr.txt", "Plusieurs milliers", 0)], [9000, 9000], [9000, 9000],
        "those who fled after the attack; the vague 'plusieurs milliers' bounds nothing beside a precise figure. "
        "Left out: the site's population before the attack")
    est(E_LEER, "detained", None, [("114_leer-2019_en.txt", "an estimated 60", 0)], [60, 60], [60, 60], "abducted women and girls")
    est(E_LEER, "destroyed", None, [
        ("114_leer-2019_en.txt", "Over 1,100", 0), ("124_leer-2019_ru.txt", "сотни", 0)], [1100, 1100], None,
        "shelters and huts burnt: one open figure (the vague 'сотни' is dropped beside it)")
    ev(E_LEER, "Attack on the Leer protection site, 21 October 2019 (fictional)")


def el_porvenir() -> None:
    d = "117_el-porvenir-2017_es.txt"
    kw: dict[str, Any] = {"places": [PORVENIR], "time": T_EP, "event": E_EP}
    fis = ["Fiscalía", "Fiscalía General", "prosecutors"]
    fig(d, "13", m="killed", v=13, q="exact", victims=[["muertos", "personas", "people"]], perps=[], attr=fis, **kw,
        note="headline; the lede names nobody")
    nofigs(d, "20", "2017")
    fig(d, "9", m="killed", v=9, q="exact", victims=[["personas asesinadas", "personas", "people"]], perps=[], attr=fis,
        status="superseded", by=fis, **kw, note="'elevó de 9 a 13'")
    fig(d, "13", 1, m="killed", v=13, q="exact", victims=[["personas asesinadas", "personas", "people"]], perps=[],
        attr=fis, **kw)
    fig(d, "cuatro", m=["killed", "victims"], v=4, q="exact", victims=[["cuerpos", "bodies"]], perps=[], attr=fis, **kw,
        note="bodies found later: a part of the 13")
    fig(d, "tres", m="killed", v=3, q="exact", victims=[["menores de edad", "menores", "minors", "children"]], perps=[ACCL],
        attr=["según el ente acusador", "ente acusador", "Fiscalía"], **kw,
        note="subgroup; the same paragraph names the ACCL (through first testimonies)")
    fig(d, "unos 30", m="combatants", v=30, q="approx", victims=[], perps=[],
        attr=["De acuerdo con los primeros testimonios", "primeros testimonios", "testimonios", "testimonies"], **kw)
    fig(d, "cerca de 120", m="population", v=120, q="approx", places=[PORVENIR], time=None, victims=[], perps=[],
        event=E_EP, note="families living in the vereda")
    fig(d, "al menos 340", m="displaced", v=(340, None), q="at_least", victims=[["personas", "people"]], perps=[],
        attr=["Personería municipal", "Personería"], places=[PORVENIR],
        time=T("2017-09-16", "2017-09-20", "2017-09-16", "2017-09-20"), event=E_EP)

    d = "118_el-porvenir-2017_es.txt"
    kw = {"places": [PORVENIR], "time": T("2017-09-16", "2017-09-16", "2017-09-11", "2017-09-24"), "event": E_EP}
    nofigs(d, "2", "2017", "dos semanas")
    camp = ["campesinos", "peasants", "farmers"]
    fig(d, "trece", m="killed", v=13, q="exact", victims=[camp], perps=[ACCL], **kw,
        note="active: 'los paramilitares de las ACCL asesinaron a trece campesinos' (relative date 'Hace dos semanas')")
    fig(d, "Trece", m="killed", v=13, q="exact", victims=[camp], perps=[ACCL], **kw)
    nofig(d, "un minuto")
    fig(d, "no eran más de diez", m="killed", v=(None, 10), q="at_most", qok=["less_than"], victims=[camp + ["people"]],
        perps=[ACCL], attr=["gobernador", "gobernador de Norte de Santander", "governor"], status="rejected",
        by=["Fiscalía"], **kw, note="'La Fiscalía tuvo que corregirlo ... eran trece': rejected by another party")
    fig(d, "trece", 1, m="killed", v=13, q="exact", victims=[camp + ["people"]], perps=[ACCL], attr=["Fiscalía"], **kw)
    fig(d, "tres", m="killed", v=3, q="exact", victims=[["niños", "children", "menores"]], perps=[ACCL], attr=["Fiscalía"], **kw)
    mesa = ["Mesa Campesina de Tibú", "Mesa Campesina"]
    fig(d, "hasta 17", m="killed", v=(None, 17), q="at_most", victims=[["muertos", "people"] + camp], perps=[ACCL],
        attr=mesa, **kw)
    fig(d, "cuatro", m="missing", v=4, q="exact", victims=[["jornaleros", "day labourers", "workers"]], perps=[],
        attr=mesa, **kw)
    fig(d, "casi 400", m="displaced", v=400, q="approx", qok=["less_than", "at_most"], victims=[["desplazados", "displaced"]],
        perps=[], places=[PORVENIR], time=T("2017-09-16", "2017-10-02", "2017-09-16", "2017-10-02"), event=E_EP)
    fig(d, "unos 1.200", m="combatants", v=1200, q="approx", places=[PORVENIR], time=None, victims=[], perps=[],
        attr=["según la Fuerza Pública", "Fuerza Pública"], note="armed men of all groups in the region (not this event)")
    fig(d, "más de 3.000", m="combatants", v=(3000, None), q="more_than", places=[PORVENIR], time=None, victims=[], perps=[],
        note="the army in the region")

    d = "119_el-porvenir-2017_en.txt"
    kw = {"places": [PORVENIR], "time": T_EP, "event": E_EP}
    pol = ["police", "Colombian police", "Police"]
    fig(d, "13", m="killed", v=13, q="exact", victims=[["farmers", "residents", "people"]], perps=[], **kw,
        note="headline, no source cue, nobody named")
    nofig(d, "19")
    fig(d, "nine", m="killed", v=9, q="exact", victims=[["farmers", "residents", "people"]], perps=[], attr=pol,
        status="superseded", by=pol, **kw, note="'raised the toll ... from nine to 13'; the lede names nobody")
    fig(d, "13", 1, m="killed", v=13, q="exact", victims=[["farmers", "residents", "people"]], perps=[], attr=pol, **kw)
    fig(d, "four", m=["killed", "victims"], v=4, q="exact", victims=[["bodies"]], perps=[], attr=pol, **kw, note="a part")
    gunmen = ["gunmen", "about 30 gunmen", "ACCL", "Peasant Self-Defence Forces of Free Catatumbo", "paramilitary group"]
    fig(d, "nine", 1, m="killed", v=9, q="exact", victims=[["farmers", "residents"]], perps=[gunmen], attr=pol,
        status="superseded", by=pol, **kw, note="'Police had initially said nine farmers were killed when about 30 gunmen ...'")
    fig(d, "about 30", m="combatants", v=30, q="approx", victims=[], perps=[], attr=pol, **kw)
    fig(d, "Two", m="injured", v=2, q="exact", victims=[["people"]], perps=[gunmen],
        attr=["police commander", "police"], **kw)
    fig(d, "some 800", m="combatants", v=800, q="approx", places=[PORVENIR], time=None, victims=[], perps=[],
        attr=["military intelligence"], note="the group's strength (not this event)")
    fig(d, "More than 60", m="killed", v=(60, None), q="more_than", places=[["Colombia"]],
        time=T("2017-01-01", "2017-09-19", "2017-01-01", "2017-09-19"), victims=[["social leaders"]], perps=[],
        attr=["ombudsman's office", "ombudsman"], note="a period figure, nobody named")

    est(E_EP, "killed", None, [
        ("117_el-porvenir-2017_es.txt", "13", 0), ("117_el-porvenir-2017_es.txt", "9", 0),
        ("117_el-porvenir-2017_es.txt", "13", 1), ("118_el-porvenir-2017_es.txt", "trece", 0),
        ("118_el-porvenir-2017_es.txt", "Trece", 0), ("118_el-porvenir-2017_es.txt", "no eran más de diez", 0),
        ("118_el-porvenir-2017_es.txt", "trece", 1), ("118_el-porvenir-2017_es.txt", "hasta 17", 0),
        ("119_el-porvenir-2017_en.txt", "13", 0), ("119_el-porvenir-2017_en.txt", "nine", 0),
        ("119_el-porvenir-2017_en.txt", "13", 1), ("119_el-porvenir-2017_en.txt", "nine", 1)],
        [13, 13], [17, 17],
        "the nines are superseded by 13 (117 and 119), the governor's 'no more than ten' and the Mesa's 'up to 17' give highs only. "
        "Left out: four bodies (part), minors (subgroup), the four missing")
    est(E_EP, "killed", [["menores de edad", "menores", "niños", "minors", "children"]], [
        ("117_el-porvenir-2017_es.txt", "tres", 0), ("118_el-porvenir-2017_es.txt", "tres", 0)], [3, 3], [3, 3], "minors")
    est(E_EP, "displaced", None, [
        ("117_el-porvenir-2017_es.txt", "al menos 340", 0), ("118_el-porvenir-2017_es.txt", "casi 400", 0)], [340, 340], [400, 400],
        "at least 340 vs nearly 400")
    ev(E_EP, "El Porvenir massacre, Tibú, 16 September 2017 (fictional)")


def ndele() -> None:
    d = "120_ndele-2021_fr.txt"
    kw: dict[str, Any] = {"places": [NDELE], "time": T_ND, "event": E_ND}
    nofigs(d, "31", "33", ("31", 1), "28", "3", "2021")
    fig(d, "24", m="killed", v=24, q="exact", victims=[["civils", "civilians"]], perps=[CRN], **kw,
        note="the Division's own figure; the CRN's armed elements attacked (previous sentence)")
    fig(d, "6", m="killed", v=6, q="exact", victims=[["femmes", "women"]], perps=[CRN], **kw, note="subgroup")
    fig(d, "4", m="killed", v=4, q="exact", victims=[["enfants", "children"]], perps=[CRN], **kw, note="subgroup")
    for anchor, site in (("12", ["Ndélé", "Ndele"]), ("7", ["Miamani"]), ("5", ["Akoursoulbak"])):
        fig(d, anchor, m="killed", v=int(anchor), q="exact", places=[site], time=T_ND,
            victims=[["civils", "morts", "civilians"]], perps=[CRN], event=E_ND, note="per-site list (parts of the 24)")
    fig(d, "Au moins 17", m="injured", v=(17, None), q="at_least", victims=[["personnes", "people"]], perps=[CRN], **kw)
    nofig(d, "32")
    fig(d, "environ 230", m="destroyed", v=230, q="approx", places=[["Miamani"]], time=T_ND, victims=[], perps=[CRN],
        event=E_ND, note="'Les auteurs ont également incendié environ 230 habitations'")
    fig(d, "Quelque 2 600", m="displaced", v=2600, q="approx", victims=[["personnes", "people"]], perps=[],
        places=[NDELE + ["paroisse Saint-Joseph"]], time=T_ND, event=E_ND)
    fig(d, "1 100", m=["displaced", "population"], v=1100, q="exact", victims=[["déplacés", "displaced"]], perps=[],
        places=[NDELE + ["paroisse Saint-Joseph"]], time=None, note="displaced before the attacks (another quantity)")
    nofig(d, "33", 1)
    fig(d, "entre 500 et 700", m="combatants", v=(500, 700), q="range", victims=[], perps=[], places=[NDELE], time=None,
        event=E_ND, note="'dont les effectifs sont estimés': no source named")
    fig(d, "24", 1, m="killed", v=24, q="exact", victims=[["morts", "civils", "civilians"]], perps=[CRN], status="rejected",
        by=["CRN"], **kw, note="the CRN rejects the Division's own toll")
    fig(d, "15", m="killed", v=15, q="exact", victims=[["combattants", "ses combattants", "fighters", "CRN"]],
        perps=[["FACA", "forces armées centrafricaines", "Central African armed forces"]],
        attr=["allégations de la CRN", "CRN"], status="unconfirmed", by=["Division"], **kw,
        note="passive: 'tués par les FACA'; the Division could not verify the CRN's claim")

    d = "121_ndele-2021_fr.txt"
    kw = {"places": [NDELE], "time": T("2021-06-28", "2021-07-10", "2021-06-20", "2021-07-10"), "event": E_ND}
    nofigs(d, "10", "2021", "4 min", "2020")
    fig(d, "une trentaine", m="killed", v=30, q="approx", qok=["vague"], victims=[["morts", "people"]], perps=[],
        attr=["la préfecture", "préfecture"], **kw, note="the CRN is accused only in the next paragraph")
    fig(d, "quarante-deux", m="killed", v=42, q="exact", victims=[["noms", "names", "people"]], perps=[],
        attr=["paroisse", "À la paroisse"], **kw)
    fig(d, "Quarante-deux", m="killed", v=42, q="exact", victims=[["noms", "names", "people"]], perps=[],
        attr=["paroisse", "À la paroisse"], **kw)
    fig(d, "dépasse la cinquantaine", m="killed", v=(50, None), q="more_than", victims=[["people", "morts"]], perps=[],
        attr=["Le curé", "curé"], **kw)
    fig(d, "Plus de 3 000", m="displaced", v=(3000, None), q="more_than", victims=[["personnes", "people"]], perps=[],
        attr=["une ONG locale", "ONG locale", "local NGO"], **kw, note="people fleeing: no agent")

    d = "123_ndele-2021_en.txt"
    kw = {"places": [NDELE], "time": T("2021-06-28", "2021-07-05", "2021-06-27", "2021-07-05"), "event": E_ND}
    nofig(d, "5")
    fig(d, "40", m="killed", v=40, q="exact", victims=[["civilians"]], perps=[CRN], attr=["local official", "official"],
        status="rejected", by=["rebel coalition", "coalition"], **kw, note="'rejected as \"propaganda\" a local official's figure of 40'")
    pref = ["prefect", "prefect of Bamingui-Bangoran", "Jean-Marie Koyassé", "Koyassé"]
    fig(d, "at least 40", m="killed", v=(40, None), q="at_least", victims=[["civilians"]], perps=[CRN], attr=pref, **kw,
        note="passive agent: 'by fighters of the Coalition for the Renewal of the North (CRN)'")
    nofig(d, "28")
    fig(d, "21", m="injured", v=21, q="exact", victims=[["wounded", "people"]], perps=[CRN],
        attr=["Hospital staff", "hospital staff"], **kw)
    crn_src = ["CRN", "spokesman", "statement"]
    fig(d, "seven", m="killed", v=7, q="exact", victims=[["fighters", "its fighters", "CRN"]], perps=[], attr=crn_src, **kw,
        note="the coalition's own dead; 'died in the fighting': no agent")
    fig(d, "dozens", m="killed", v=[12, 48], q="vague", qok=["approx", "at_least"], victims=[["government soldiers", "soldiers"]],
        perps=[], attr=crn_src, **kw)
    fig(d, "around 14,000", m="combatants", v=14000, q="approx", places=[["Central African Republic", "country"]], time=None,
        victims=[], perps=[], note="peacekeepers in the country, in a relative clause: the document's own voice")

    est(E_ND, "killed", None, [
        ("120_ndele-2021_fr.txt", "24", 0), ("120_ndele-2021_fr.txt", "24", 1),
        ("121_ndele-2021_fr.txt", "une trentaine", 0), ("121_ndele-2021_fr.txt", "quarante-deux", 0),
        ("121_ndele-2021_fr.txt", "Quarante-deux", 0), ("121_ndele-2021_fr.txt", "dépasse la cinquantaine", 0),
        ("123_ndele-2021_en.txt", "40", 0), ("123_ndele-2021_en.txt", "at least 40", 0)],
        [24, 24], [42, 50],
        "civilians killed: 24 (Division), ~30, 42, more than 50 (an open lower bound above every stated upper bound), 40. "
        "Left out: sites, women and children, the CRN's own dead")
    est(E_ND, "killed", [["femmes", "women"]], [("120_ndele-2021_fr.txt", "6", 0)], [6, 6], [6, 6], "women")
    est(E_ND, "killed", [["enfants", "children"]], [("120_ndele-2021_fr.txt", "4", 0)], [4, 4], [4, 4], "children")
    est(E_ND, "killed", [["combattants", "fighters", "CRN"]], [
        ("120_ndele-2021_fr.txt", "15", 0), ("123_ndele-2021_en.txt", "seven", 0)], [7, 7], [15, 15],
        "the coalition's own dead, by its own two statements")
    est(E_ND, "killed", [["government soldiers", "soldiers"]], [("123_ndele-2021_en.txt", "dozens", 0)], [12, 48], None,
        "vague only")
    est(E_ND, "injured", None, [
        ("120_ndele-2021_fr.txt", "Au moins 17", 0), ("123_ndele-2021_en.txt", "21", 0)], [17, 17], [21, 21], "17+ vs 21")
    est(E_ND, "displaced", None, [
        ("120_ndele-2021_fr.txt", "Quelque 2 600", 0), ("121_ndele-2021_fr.txt", "Plus de 3 000", 0)], [2600, 2600], [2600, 3000],
        "about 2,600 vs more than 3,000")
    est(E_ND, "destroyed", None, [("120_ndele-2021_fr.txt", "environ 230", 0)], [230, 230], [230, 230], "houses burnt")
    ev(E_ND, "Attacks around Ndélé, 28 June - 3 July 2021 (fictional)")


def build() -> list[Rec]:
    RECORDS.clear()
    ESTIMATES.clear()
    EVENTS.clear()
    for part in (tessit, san_andres, olshanka, kyzyl_bulak, leer, el_porvenir, ndele):
        part()
    by_anchor = {(r["doc"], r["anchor"], r["start"]): r for r in RECORDS if r["kind"] == "figure"}
    out: list[Rec] = []
    for r in RECORDS:
        out.append({k: val for k, val in r.items() if not k.startswith("_")})
    for e in ESTIMATES:
        anchors = []
        for doc, anchor, n in e["_anchors"]:
            start, _ = locate(doc, anchor, n)
            f = by_anchor.get((doc, anchor, start))
            if f is None or e["measure"] not in f["measure"] or f["_event"] != e["event"]:
                raise SystemExit(f"estimate {e['event']}/{e['measure']}: {doc} {anchor!r} is not a figure of it")
            anchors.append([doc, anchor, start])
        rec = {k: val for k, val in e.items() if not k.startswith("_")}
        rec["anchors"] = anchors
        out.append(rec)
    for e in EVENTS:
        figs = [r for r in RECORDS if r["kind"] == "figure" and r["_event"] == e["id"]]
        e["docs"] = sorted({r["doc"] for r in figs})
        e["anchors"] = [[r["doc"], r["anchor"], r["start"]] for r in figs]
        out.append({k: e[k] for k in ("kind", "id", "label", "docs", "anchors", "must_not_merge_with")})
    return out


_DIGITS = re.compile(r"\d+(?:[.,\u00a0 ]\d+)*")


def check(records: list[Rec]) -> list[str]:
    """Problems: a digit covered by no record, two records on one span."""
    problems = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for r in records:
        if r["kind"] in ("figure", "not_figure"):
            spans.setdefault(r["doc"], []).append((r["start"], r["end"]))
    for doc, ss in spans.items():
        if len(set(ss)) != len(ss):
            problems.append(f"{doc}: two records share a span")
    for path in sorted(DOCS.glob("*.txt")):
        for m in _DIGITS.finditer(text(path.name)):
            if not any(s < m.end() and m.start() < e for s, e in spans.get(path.name, [])):
                problems.append(f"{path.name}: {m.group()!r} at {m.start()} is not annotated")
    return problems


def main() -> None:
    records = build()
    problems = check(records)
    if problems:
        raise SystemExit("\n".join(problems))
    if "--review" in sys.argv:
        for r in records:
            if r["kind"] in ("figure", "not_figure"):
                t = text(r["doc"])
                ctx = t[max(0, r["start"] - 40) : r["start"]] + "[" + t[r["start"] : r["end"]] + "]" + t[r["end"] : r["end"] + 30]
                print(r["doc"][:3], r["kind"][:3], r.get("measure"), "|", ctx.replace("\n", " "))
    if "--check" not in sys.argv:
        with OUT.open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {len(records)} records to {OUT}")


if __name__ == "__main__":
    main()
