"""Answer key, part 1: Mbiri-Kassa, Los Tamarindos and Bir al-Ghanam (FICTIONAL)."""

from __future__ import annotations

from typing import Any

from tests.heldout.gold_lib import T, est, ev, fig, nofig, nofigs

# Compact tables: one record per call, wrapped by hand.
# fmt: off

# --- Mbiri-Kassa camp raid, night of 17-18 February 2024 ------------------------------------

E_MB = "mbiri-kassa-camp-2024-02"
MBIRI = [
    "Mbiri-Kassa", "Mbiri Kassa", "Мбири-Касса", "camp de Mbiri-Kassa", "campo de desplazados de Mbiri-Kassa",
    "Djugu", "territoire de Djugu", "territorio de Djugu", "Gebiet Djugu", "Ituri", "Итури", "provincia de Ituri",
    "Ituri province", "Congo", "RDC", "RD Congo", "Kongo", "Democratic Republic of the Congo",
    "Demokratischen Republik Kongo", "ДР Конго", "Демократической Республики Конго",
]
T_MB = T("2024-02-17", "2024-02-18", "2024-02-16", "2024-02-19")
RES = ["residents", "displaced families", "displaced people", "displaced"]


def mbiri_kassa() -> None:
    d = "201_mbiri-kassa-2024_en.txt"
    kw: dict[str, Any] = {"places": [MBIRI], "time": T_MB, "event": E_MB}
    upl = ["Union des Patriotes du Lac", "UPL", "UPL militia", "militia", "Fighters from the Union des Patriotes du Lac"]
    lokwa = ["Aime Lokwa", "Lokwa", "territorial administrator", "administrator"]
    fig(d, "at least 23", m="killed", v=(23, None), q="at_least", victims=[RES], perps=[upl], attr=["officials"], **kw,
        note="headline ('-officials'); the lede names the UPL and the residents")
    nofigs(d, "19")
    fig(d, "23", 1, m="killed", v=23, q="exact", victims=[RES], perps=[upl], attr=lokwa, **kw,
        note="'rose to 23 on Monday from 12': Monday is the day of the statement")
    fig(d, "12", m="killed", v=12, q="exact", victims=[RES], perps=[upl], attr=lokwa, status="superseded",
        by=["Lokwa"], **kw)
    fig(d, "Eight", m="killed", v=8, q="exact", victims=[["children"]], perps=[upl], attr=lokwa, **kw)
    fig(d, "31", m="injured", v=31, q="exact", victims=[["wounded people", "wounded", "people"]], perps=[upl],
        attr=["Hospital sources", "hospital sources in Bunia"], **kw, note="unnamed source; the lede's UPL carries")
    fig(d, "23", 2, m="killed", v=23, q="exact", victims=[RES], perps=[upl],
        attr=["official toll", "officials", "Lokwa"], status="rejected", by=["UPL spokesman", "spokesman"], **kw,
        note="'dismissed the official toll of 23 as a fabrication': the claimant is the official side")
    fig(d, "four", m="killed", v=4, q="exact", victims=[["UPL", "group's fighters", "fighters", "UPL fighters"]],
        perps=[["army-backed self-defence militia", "self-defence militia"]], attr=["UPL spokesman", "spokesman"],
        **kw, note="the UPL's own dead, killed by the self-defence militia (passive agent)")
    fig(d, "around 9,000", m=["population", "displaced"], v=9000, q="approx", places=[MBIRI], time=None,
        victims=[["people who fled", "people", "displaced"]], perps=[],
        attr=["U.N. refugee agency", "refugee agency"], event=E_MB,
        note="the camp's population (baseline); 'displaced' accepted after the first run (people who fled)")
    fig(d, "More than 1,500", m="killed", v=(1500, None), q="more_than", places=[["Djugu", "Ituri", "Congo"]],
        time=T("2017-01-01", "2024-02-19", "2017-01-01", "2024-02-19"), victims=[["civilians"]], perps=[],
        attr=["Ituri Observatory", "tally"], note="a period figure; no agent named")
    nofigs(d, "2017")

    d = "202_mbiri-kassa-2024_fr.txt"
    kw = {"places": [MBIRI], "time": T_MB, "event": E_MB}
    dep = ["déplacés", "personnes", "displaced", "people"]
    fig(d, "au moins douze", m="killed", v=(12, None), q="at_least", victims=[dep], perps=[], **kw,
        note="headline; neither headline nor lede names an agent (Ndjadi blames the UPL in the next paragraph)")
    nofigs(d, "18", "2024")
    fig(d, "Au moins douze", m="killed", v=(12, None), q="at_least", victims=[dep], perps=[],
        attr=["sources locales", "local sources"], **kw)
    nofig(d, "23", note="'vers 23 heures'")
    miliciens = ["Les miliciens", "miliciens", "milice", "Union des patriotes du Lac", "UPL"]
    fig(d, "plus de 200", m="destroyed", v=(200, None), q="more_than", victims=[], perps=[miliciens],
        attr=["Jean-Baptiste Ndjadi", "Ndjadi", "Selon lui", "société civile"], **kw, note="shelters burnt")
    fig(d, "dix-sept", m="killed", v=17, q="exact", qok=["at_least"], victims=[dep], perps=[],
        attr=["responsable de la Croix-Rouge", "Croix-Rouge", "Red Cross"], **kw,
        note="bodies collected; the paragraph names nobody, and the previous one's UPL is not carried")
    fig(d, "plusieurs milliers", m="killed", v=[2000, 5000], q="vague", qok=["at_least", "approx"],
        places=[["Ituri"]], time=T("2017-01-01", "2024-02-18", "2017-01-01", "2024-02-18"), victims=[], perps=[],
        attr=["ONU", "UN"], note="period figure; bare 'morts'")
    nofig(d, "2017")
    fig(d, "plus de 1,5 million", m="displaced", v=(1500000, None), q="more_than", places=[["Ituri"]], time=None,
        victims=[["déplacés"]], perps=[], attr=["ONU", "UN"])

    d = "203_mbiri-kassa-2024_de.txt"
    kw = {"places": [MBIRI], "time": None, "event": E_MB}
    miliz = ["Miliz", "Miliz UPL", "UPL", "Angreifer"]
    prov = ["Provinzregierung", "Provinzregierung von Ituri"]
    fig(d, "26", m="killed", v=26, q="exact", victims=[], perps=[miliz], **kw,
        note="headline; bare 'Toten'; the text never dates the raid (only the statement, 'am Dienstag')")
    fig(d, "26", 1, m="killed", v=26, q="exact", victims=[], perps=[miliz], attr=prov, **kw)
    fig(d, "23", m="killed", v=23, q="exact", victims=[], perps=[miliz], attr=prov, status="superseded",
        by=["Provinzregierung"], **kw, note="'Am Vortag hatte sie noch 23 Tote gemeldet'")
    mitt = [*prov, "Mitteilung", "hieß es"]
    fig(d, "elf", m="killed", v=11, q="exact", victims=[["Frauen", "women"]], perps=[miliz], attr=mitt, **kw)
    fig(d, "acht", m="killed", v=8, q="exact", victims=[["Kinder", "children"]], perps=[miliz], attr=mitt, **kw)
    fig(d, "34", m="injured", v=34, q="exact", victims=[["Verletzte", "wounded"]], perps=[miliz],
        attr=["Hilfswerks Lumière d'Afrique", "Lumière d'Afrique", "Hilfswerk"], **kw)
    fig(d, "rund 3.000", m="combatants", v=3000, q="approx", places=[["Ituri"]], time=None, victims=[], perps=[],
        note="peacekeepers stationed in the province: a baseline of no event")

    d = "204_mbiri-kassa-2024_ru.txt"
    kw = {"places": [MBIRI], "time": T_MB, "event": E_MB}
    nofig(d, "21")
    upl_ru = ["Союз патриотов озера", "UPL", "группировки", "вооруженной группировки", "группировка"]
    fig(d, "26", m="killed", v=26, q="exact", victims=[["человек", "беженцев", "people"]], perps=[upl_ru],
        attr=["по данным властей провинции", "властей провинции", "власти"], **kw,
        note="the group denies the attack, not the number: asserted; the UPL is named as the accused")
    nofig(d, "18")
    fig(d, "четверо", m="killed", v=4, q="exact", victims=[["членов UPL", "UPL", "бойцы"]],
        perps=[["местного ополчения", "ополчения", "ополчение"]],
        attr=["заявлении группировки", "заявлении", "группировки", "UPL"], **kw)
    fig(d, "более 1,7 млн", m="displaced", v=(1700000, None), q="more_than", places=[["Итури"]], time=None,
        victims=[["внутренне перемещенных лиц", "перемещенных лиц"]], perps=[], attr=["ООН", "UN"])

    d = "205_mbiri-kassa-2024_es.txt"
    kw = {"places": [MBIRI], "time": T_MB, "event": E_MB}
    pers = ["personas", "desplazados", "people"]
    fig(d, "Veintitrés", m="killed", v=23, q="exact", victims=[pers], perps=[], **kw,
        note="headline; the lede names no agent (Lokwa names the UPL in the next paragraph)")
    nofig(d, "19")
    ofic = ["fuentes oficiales", "official sources"]
    fig(d, "23", m="killed", v=23, q="exact", victims=[pers], perps=[], attr=ofic, **kw)
    fig(d, "ocho", m="killed", v=8, q="exact", victims=[["menores", "children"]], perps=[], attr=ofic, **kw)
    fig(d, "decenas", m="destroyed", v=[10, 20], q="vague", qok=["approx", "at_least"], victims=[],
        perps=[["milicianos de la Unión de Patriotas del Lago", "Unión de Patriotas del Lago", "UPL", "atacantes",
                "milicianos"]], attr=["Aimé Lokwa", "Lokwa", "administrador"], **kw, note="shelters set on fire")
    fig(d, "al menos 180", m="killed", v=(180, None), q="at_least", places=[["Djugu"]],
        time=T("2024-01-01", "2024-02-19", "2024-01-01", "2024-02-19"), victims=[["civiles", "civilians"]],
        perps=[["grupos armados", "armed groups"]], attr=["Monusco", "misión de la ONU"], note="period figure")
    fig(d, "35", m="injured", v=35, q="exact", victims=[["heridos", "wounded"]], perps=[],
        attr=["Fuentes hospitalarias", "fuentes hospitalarias de Bunia", "hospital sources"], **kw,
        note="'elevaron a 35' with no earlier figure: asserted")

    ev(E_MB, "Mbiri-Kassa displacement camp raid, 17-18 February 2024 (fictional)")
    est(E_MB, "killed", None, [
        ("201_mbiri-kassa-2024_en.txt", "at least 23", 0), ("201_mbiri-kassa-2024_en.txt", "23", 1),
        ("201_mbiri-kassa-2024_en.txt", "12", 0), ("201_mbiri-kassa-2024_en.txt", "23", 2),
        ("202_mbiri-kassa-2024_fr.txt", "au moins douze", 0), ("202_mbiri-kassa-2024_fr.txt", "Au moins douze", 0),
        ("202_mbiri-kassa-2024_fr.txt", "dix-sept", 0), ("203_mbiri-kassa-2024_de.txt", "26", 0),
        ("203_mbiri-kassa-2024_de.txt", "26", 1), ("203_mbiri-kassa-2024_de.txt", "23", 0),
        ("204_mbiri-kassa-2024_ru.txt", "26", 0), ("205_mbiri-kassa-2024_es.txt", "Veintitrés", 0),
        ("205_mbiri-kassa-2024_es.txt", "23", 0)],
        [12, 12], [26, 26],
        "low 12 (202's local sources, 'au moins'), high 26 (the provincial government, 203/204); 201's 12 and "
        "203's 23 are superseded, 201's rejected 23 stays Lokwa's. Left out: children, women, the UPL's own dead")
    est(E_MB, "killed", [["children", "Kinder", "menores", "enfants"]], [
        ("201_mbiri-kassa-2024_en.txt", "Eight", 0), ("203_mbiri-kassa-2024_de.txt", "acht", 0),
        ("205_mbiri-kassa-2024_es.txt", "ocho", 0)], [8, 8], [8, 8], "children among the dead")
    est(E_MB, "killed", [["Frauen", "women"]], [("203_mbiri-kassa-2024_de.txt", "elf", 0)], [11, 11], [11, 11],
        "women among the dead: one source")
    est(E_MB, "killed", [["UPL", "Union des Patriotes du Lac", "членов UPL"]], [
        ("201_mbiri-kassa-2024_en.txt", "four", 0), ("204_mbiri-kassa-2024_ru.txt", "четверо", 0)],
        [4, 4], [4, 4], "the UPL's own dead, by the UPL's account")
    est(E_MB, "injured", None, [
        ("201_mbiri-kassa-2024_en.txt", "31", 0), ("203_mbiri-kassa-2024_de.txt", "34", 0),
        ("205_mbiri-kassa-2024_es.txt", "35", 0)], [31, 31], [35, 35], "hospital sources and an aid group")
    est(E_MB, "destroyed", None, [
        ("202_mbiri-kassa-2024_fr.txt", "plus de 200", 0), ("205_mbiri-kassa-2024_es.txt", "decenas", 0)],
        [200, 200], None, "shelters: 'plus de 200' gives a low only; 'decenas' is vague and a precise figure exists")


# --- Los Tamarindos massacre, 14-15 September 1983 --------------------------------------------

E_LT = "los-tamarindos-1983-09"
TAMARINDOS = [
    "Los Tamarindos", "LOS TAMARINDOS", "hamlet of Los Tamarindos", "aldea Los Tamarindos", "hameau de Los Tamarindos",
    "Rabinal", "Baja Verapaz", "Departamento Baja Verapaz", "Guatemala",
]
T_LT = T("1983-09-14", "1983-09-15", "1983-09-12", "1983-09-20")
T_CLASH = T("1983-09-15", "1983-09-15", "1983-09-14", "1983-09-16")
ARMY = [
    "army", "army troops", "troops", "soldiers", "Fuerza de Tarea Xelajú", "soldados", "Ejército",
    "Task Force Xelajú", "Task Force Xelajú der guatemaltekischen Armee", "guatemaltekischen Armee", "Armee", "Soldaten",
    "armée", "armée guatémaltèque", "unité de l'armée", "tropas", "tropas del ejército",
]
PAC = [
    "civil patrolmen", "patrolmen", "patrulleros civiles", "patrulleros", "Zivilpatrouille", "PAC",
    "Angehörige einer Zivilpatrouille", "patrouille d'autodéfense civile", "patrouille",
]
GUER = ["guerrillas", "subversivos", "Guerilleros", "subversifs", "guerrilleros", "subversives"]


def tamarindos() -> None:
    d = "206_tamarindos-1983_en.txt"
    kw: dict[str, Any] = {"places": [TAMARINDOS], "time": T_LT, "event": E_LT}
    peas = ["INDIAN PEASANTS", "peasants", "Indian peasants"]
    priest = ["ROMAN CATHOLIC PRIEST", "priest", "QUIROA", "Anselmo Quiroa"]
    nofigs(d, "0419")
    fig(d, "AT LEAST 70", m="killed", v=(70, None), q="at_least", victims=[peas], perps=[ARMY, PAC], attr=priest,
        **kw, note="upper-case hard-wrapped wire; 'A ROMAN CATHOLIC PRIEST SAID MONDAY THAT ...'")
    nofigs(d, "14")
    fig(d, "31", m="killed", v=31, q="exact", victims=[["CHILDREN", "children"]], perps=[ARMY, PAC], attr=priest,
        **kw, note="subgroup; 'THE SOLDIERS' and the lede's patrolmen")
    fig(d, "14", 1, m="killed", v=14, q="exact", victims=[GUER], perps=[["ARMY PATROL", "army patrol", "army"]],
        attr=["FRANCISCO LEMUS", "LEMUS", "GOVERNMENT SPOKESMAN", "spokesman"], places=[TAMARINDOS], time=T_CLASH,
        event=E_LT, note="the government's account of the same days: guerrillas who died in a clash with an army patrol")
    nofigs(d, "15")
    fig(d, "70", 1, m="killed", v=70, q="exact", victims=[peas], perps=[ARMY, PAC], attr=priest, status="rejected",
        by=["LEMUS", "GOVERNMENT SPOKESMAN"], **kw, note="'DISMISSED THE PRIEST'S FIGURE OF 70'")
    fig(d, "MORE THAN 400", m="destroyed", v=(400, None), q="more_than", places=[["Guatemala"]],
        time=T("1981-01-01", "1983-09-19", "1981-01-01", "1983-09-19"), victims=[],
        perps=[["ARMY", "army's counterinsurgency campaign"]], attr=["WESTERN DIPLOMATS", "DIPLOMATS"],
        note="villages razed since 1981: a period figure of no event")
    nofigs(d, "1981", "AP-WX-09-19-83 1847EDT")

    d = "207_tamarindos-1983_es.txt"
    kw = {"places": [TAMARINDOS], "time": T_LT, "event": E_LT}
    nofigs(d, "Cuarenta", "cuatro", "14", "15", "1983", "2001", "2004", "2009", "nueve", "2018")
    com = ["Comisión Diocesana de la Memoria", "informe", "Comisión"]
    fig(d, "117", m="killed", v=117, q="exact", victims=[["personas", "people"]], perps=[ARMY, PAC], attr=com, **kw,
        note="anniversary article (2023) about 1983")
    doc_ = [*com, "documento", "detalla el documento"]
    fig(d, "52", m="killed", v=52, q="exact", victims=[["niños y niñas", "niños", "children"]], perps=[ARMY, PAC],
        attr=doc_, **kw)
    fig(d, "23", m="killed", v=23, q="exact", victims=[["mujeres embarazadas", "embarazadas", "pregnant women"]],
        perps=[ARMY, PAC], attr=doc_, **kw)
    fig(d, "96", m="killed", v=96, q="exact", victims=[["personas", "people"]], perps=[ARMY, PAC], **kw,
        note="remains recovered by exhumation: another quantity of the same dead, not an estimate anchor")
    fig(d, "61", m="killed", v=61, q="exact", victims=[], perps=[ARMY, PAC], **kw,
        note="remains identified so far: not an estimate anchor")
    fig(d, "catorce", m="killed", v=14, q="exact", victims=[GUER], perps=[], attr=["Ejército", "army"], **kw,
        note="'murieron ... en un combate': no agent named")

    d = "208_tamarindos-1983_de.txt"
    kw = {"places": [TAMARINDOS], "time": T_LT, "event": E_LT}
    bew = ["Bewohner", "Bewohnern", "Maya-Achí", "Achí"]
    nofigs(d, "14", "15", "1983")
    fig(d, "70–177", m="killed", v=(70, 177), q="range", victims=[bew], perps=[ARMY, PAC], **kw,
        note="infobox: 'Täter' row and the lede carry roles")
    nofig(d, "1983", 1)
    fig(d, "mindestens 70", m="killed", v=(70, None), q="at_least", victims=[bew], perps=[ARMY, PAC],
        attr=["Anselmo Quiroa", "Quiroa", "Pfarrer"], **kw)
    nofig(d, "2001")
    fig(d, "117", m="killed", v=117, q="exact", victims=[bew], perps=[ARMY, PAC],
        attr=["Diözesankommission für historische Erinnerung", "Diözesankommission"], **kw)
    fig(d, "177", 1, m="killed", v=177, q="exact", victims=[bew], perps=[ARMY, PAC],
        attr=["Überlebendenvereinigung Nuevo Amanecer", "Nuevo Amanecer", "Überlebendenvereinigung"], **kw)
    nofig(d, "zweier", note="two neighbouring hamlets")
    fig(d, "14", 1, m="killed", v=14, q="exact", victims=[GUER], perps=[],
        attr=["Militärregierung", "damalige Militärregierung"], **kw, note="'ums Leben gekommen': no agent")
    fig(d, "etwa 400", m="displaced", v=400, q="approx", victims=[["Überlebende", "survivors"]], perps=[], **kw,
        note="survivors who fled")
    nofig(d, "1996")

    d = "209_tamarindos-1983_fr.txt"
    kw = {"places": [TAMARINDOS], "time": T_LT, "event": E_LT}
    nofigs(d, "14", "15", "1983")
    tem = ["témoignages", "Les témoignages recueillis par notre mission", "testimonies"]
    fig(d, "104", m="killed", v=104, q="exact", victims=[], perps=[ARMY, PAC], attr=tem, **kw,
        note="hard-wrapped NGO report; 'Les témoignages ... font état de': the testimonies are the source "
             "(attribution added after the first run)")
    fig(d, "47", m="killed", v=47, q="exact", victims=[["enfants", "children"]], perps=[ARMY, PAC], attr=tem, **kw)
    fig(d, "au moins 70", m="killed", v=(70, None), q="at_least", victims=[], perps=[ARMY, PAC],
        attr=["curé de Rabinal", "curé"], **kw)
    hab = ["habitants", "habitants de Los Tamarindos"]
    fig(d, "environ 600", m="displaced", v=600, q="approx", victims=[hab], perps=[], **kw,
        note="crossed into Mexico: people fleeing, no agent")
    nofig(d, "1984")
    fig(d, "212", m="displaced", v=212, q="exact", places=[["La Esperanza", "camp de La Esperanza", "Chiapas"]],
        time=T("1984-02-01", "1984-02-29", "1984-02-01", "1984-02-29"), victims=[hab], perps=[], event=E_LT,
        note="those living in one camp in February 1984: a site, not an anchor")
    fig(d, "14", 1, m="killed", v=14, q="exact", victims=[GUER],
        perps=[["leurs hommes", "autorités militaires", "armée"]], attr=["autorités militaires"], **kw,
        note="'auraient été abattus par leurs hommes'")

    d = "225_tamarindos-1983_es.txt"
    nofigs(d, "20")
    gob = ["GOBIERNO MILITAR", "gobierno"]
    fig(d, "CATORCE", m="killed", v=14, q="exact", victims=[GUER], perps=[["PATRULLA MILITAR", "patrulla"]],
        attr=gob, places=[TAMARINDOS], time=T_CLASH, event=E_LT,
        note="upper-case EFE copy; 'EL JUEVES PASADO' from 20 September 1983 is the 15th")
    fig(d, "SETENTA", m="killed", v=70, q="exact", victims=[["INDIGENAS", "indígenas"]],
        perps=[["TROPAS DEL EJERCITO", "tropas", "ejército"]], attr=["PARROCO DE RABINAL", "parroco", "párroco"],
        places=[TAMARINDOS], time=None, event=E_LT,
        note="the government calls the priest's version false, i.e. denies the killings, not the number: asserted; "
             "the text never dates these deaths ('EL LUNES' is the day of the denunciation)")
    fig(d, "TRES", m="injured", v=3, q="exact", victims=[["SOLDADOS", "soldados"]],
        perps=[["GUERRILLEROS", "guerrilleros", "guerrilla"]], attr=["FRANCISCO LEMUS", "LEMUS", "VOCERO"],
        places=[TAMARINDOS], time=T_CLASH, event=E_LT, note="soldiers wounded in the clash with the guerrillas")
    fig(d, "UNAS 300", m="displaced", v=300, q="approx", victims=[["PERSONAS", "personas"]], perps=[],
        attr=["FUENTES DE LA IGLESIA", "fuentes de la Iglesia"], places=[TAMARINDOS], time=None, event=E_LT,
        note="took refuge in Rabinal")

    ev(E_LT, "Los Tamarindos massacre, 14-15 September 1983 (fictional)")
    est(E_LT, "killed", None, [
        ("206_tamarindos-1983_en.txt", "AT LEAST 70", 0), ("206_tamarindos-1983_en.txt", "70", 1),
        ("207_tamarindos-1983_es.txt", "117", 0), ("208_tamarindos-1983_de.txt", "70–177", 0),
        ("208_tamarindos-1983_de.txt", "mindestens 70", 0), ("208_tamarindos-1983_de.txt", "117", 0),
        ("208_tamarindos-1983_de.txt", "177", 1), ("209_tamarindos-1983_fr.txt", "104", 0),
        ("209_tamarindos-1983_fr.txt", "au moins 70", 0), ("225_tamarindos-1983_es.txt", "SETENTA", 0)],
        [70, 70], [177, 177],
        "low 70 (the priest), high 177 (the survivors' association; 208's infobox range). Left out: children, "
        "pregnant women, the guerrillas of the army's account, 207's remains recovered (96) and identified (61)")
    est(E_LT, "killed", [["children", "niños", "niños y niñas", "enfants", "Kinder", "CHILDREN"]], [
        ("206_tamarindos-1983_en.txt", "31", 0), ("207_tamarindos-1983_es.txt", "52", 0),
        ("209_tamarindos-1983_fr.txt", "47", 0)], [31, 31], [52, 52], "children among the dead")
    est(E_LT, "killed", [["mujeres embarazadas", "embarazadas", "pregnant women"]],
        [("207_tamarindos-1983_es.txt", "23", 0)], [23, 23], [23, 23], "one source")
    est(E_LT, "killed", [GUER], [
        ("206_tamarindos-1983_en.txt", "14", 1), ("207_tamarindos-1983_es.txt", "catorce", 0),
        ("208_tamarindos-1983_de.txt", "14", 1), ("209_tamarindos-1983_fr.txt", "14", 1),
        ("225_tamarindos-1983_es.txt", "CATORCE", 0)], [14, 14], [14, 14],
        "the army's account: guerrillas killed in a clash")
    est(E_LT, "displaced", None, [
        ("208_tamarindos-1983_de.txt", "etwa 400", 0), ("209_tamarindos-1983_fr.txt", "environ 600", 0),
        ("225_tamarindos-1983_es.txt", "UNAS 300", 0)], [300, 300], [600, 600],
        "people who fled; 209's 212 in one camp is a site")
    est(E_LT, "injured", None, [("225_tamarindos-1983_es.txt", "TRES", 0)], [3, 3], [3, 3],
        "soldiers wounded, by the government's account: one source")


# --- Bir al-Ghanam market air strike, 8 November 2019 -----------------------------------------

E_BG = "bir-al-ghanam-market-2019-11"
GHANAM = [
    "Bir al-Ghanam", "Bir el-Ghanam", "Бир-эль-Ганам", "Nafusa", "Nafusa mountains", "djebel Nefoussa",
    "горах Нафуса", "Libya", "Libye", "Libyen", "Ливии", "Libia",
]
T_BG = T("2019-11-08", "2019-11-08", "2019-11-07", "2019-11-09")


def bir_al_ghanam() -> None:
    d = "210_bir-al-ghanam-2019_en.txt"
    kw: dict[str, Any] = {"places": [GHANAM], "time": T_BG, "event": E_BG}
    cds = ["Desert Shield Coalition", "CDS", "air wing of the Desert Shield Coalition", "air wing", "aircraft"]
    nofigs(d, "8", "2019", "112", "11:40", ("8", 1), ("2019", 1), "two")
    fig(d, "37", m="killed", v=37, q="exact", victims=[["civilians"]], perps=[cds], **kw,
        note="UN panel report; 'The Panel' is the document's own voice; the paragraph attributes the strike")
    fig(d, "12", m="killed", v=12, q="exact", victims=[["children"]], perps=[cds], **kw)
    fig(d, "5", m="killed", v=5, q="exact", victims=[["women"]], perps=[cds], **kw)
    fig(d, "at least 59", m="injured", v=(59, None), q="at_least", victims=[["others", "civilians"]], perps=[cds],
        **kw)
    nofig(d, "113")
    fig(d, "48", m="killed", v=48, q="exact", victims=[], perps=[cds],
        attr=["municipal health office", "health office"], status="unconfirmed", by=["Panel"], **kw,
        note="'which the Panel could not confirm'; the case's first paragraph names the CDS")
    nofigs(d, "114", "2", ("2019", 2))
    fig(d, "about 30", m="combatants", v=30, q="approx", victims=[], perps=[], attr=["CDS", "letter"], **kw,
        note="'targeted a gathering of about 30 armed mercenaries': not a count of dead")
    nofig(d, "115")
    fig(d, "between 2,000 and 3,000", m=["population", "combatants"], v=(2000, 3000), q="range", places=[GHANAM],
        time=None, victims=[], perps=[], event=E_BG, note="the market's usual crowd")

    d = "211_bir-al-ghanam-2019_fr.txt"
    kw = {"places": [GHANAM], "time": T_BG, "event": E_BG}
    cds = ["Coalition du bouclier du désert", "aviation de la Coalition du bouclier du désert", "coalition", "aviation"]
    fig(d, "des dizaines", m="killed", v=[10, 20], q="vague", qok=["approx", "at_least"], victims=[], perps=[cds],
        **kw, note="headline; the standfirst names the accused coalition")
    nofigs(d, "8", "deux")
    bureau = ["bureau de santé", "bureau de santé de la municipalité"]
    fig(d, "42", m="killed", v=42, q="exact", victims=[["personnes", "people"]], perps=[cds], attr=bureau,
        status="superseded", by=["bureau de santé"], **kw)
    fig(d, "plus de 60", m="injured", v=(60, None), q="more_than", victims=[["personnes", "people"]], perps=[cds],
        attr=bureau, **kw)
    fig(d, "48", m="killed", v=48, q="exact", victims=[], perps=[cds], attr=bureau, **kw,
        note="'ce bilan a été porté à 48 morts'")
    fig(d, "une trentaine", m="killed", v=30, q="approx", qok=["vague"], victims=[["terroristes", "mercenaires"]],
        perps=[["coalition", "Coalition du bouclier du désert"]],
        attr=["officier de la coalition", "officier"], **kw, note="the coalition's account: fighters 'neutralisés'")

    d = "212_bir-al-ghanam-2019_ru.txt"
    kw = {"places": [GHANAM], "time": T_BG, "event": E_BG}
    cds = ["Авиация ливийской коалиции", "Авиация", "Щит пустыни", "коалиции", "коалиция"]
    nofig(d, "9")
    fig(d, "около 30", m="killed", v=30, q="approx", victims=[["боевиков", "наемников"]], perps=[cds],
        attr=["Салем Бузейд", "Бузейд", "представитель коалиции"], **kw)
    fig(d, "42", m="killed", v=42, q="exact", victims=[], perps=[cds],
        attr=["муниципальный совет", "местный муниципальный совет"], **kw,
        note="not revised in this text; the lede's strike is the same event")
    fig(d, "более 200", m="killed", v=(200, None), q="more_than", places=[["Ливии", "Libya"]],
        time=T("2019-04-01", "2019-11-09", "2019-04-01", "2019-11-09"), victims=[["мирных жителей", "civilians"]],
        perps=[], attr=["ООН", "UN"], note="period figure")

    d = "213_bir-al-ghanam-2019_de.txt"
    kw = {"places": [GHANAM], "time": T("2019-11-08", "2019-11-08", "2019-11-07", "2019-11-12"), "event": E_BG}
    rat = ["Gemeinderats", "örtlichen Gemeinderats", "Gemeinderat"]
    fig(d, "48", m="killed", v=48, q="exact", victims=[["Menschen", "people"]], perps=[], attr=rat, **kw,
        note="'am Freitag' before a Tuesday; the lede names no agent (the council blames the coalition later)")
    fig(d, "mindestens zehn", m="killed", v=(10, None), q="at_least", victims=[["Kinder", "children"]], perps=[],
        attr=rat, **kw)
    fig(d, "66", m="injured", v=66, q="exact", victims=[["Verletzten", "wounded"]], perps=[],
        attr=["Krankenhausmitarbeiter", "Krankenhausmitarbeiter in Zintan"], **kw, note="unnamed source")
    fig(d, "48", 1, m="killed", v=48, q="exact", victims=[],
        perps=[["Luftwaffe der Koalition", "Koalition", "Wüstenschild"]], attr=rat, status="rejected",
        by=["Koalition"], **kw, note="'wies die Zahl von 48 Toten ... zurück'")
    fig(d, "rund 120.000", m="displaced", v=120000, q="approx", places=[["Libyen", "Libya"]],
        time=T("2019-04-01", "2019-11-12", "2019-04-01", "2019-11-12"), victims=[["Menschen", "people"]],
        perps=[], attr=["UN-Zählung", "UN"], note="period figure")

    d = "214_bir-al-ghanam-2019_es.txt"
    kw = {"places": [GHANAM], "time": T("2019-11-08", "2019-11-08", "2019-11-01", "2019-11-15"), "event": E_BG}
    nofigs(d, "15", "2019", "dos")
    fathi = ["doctor Fathi", "Fathi"]
    site = [["hospital", "Zintan", "Bir al-Ghanam"]]
    fig(d, "52", m="injured", v=52, q="exact", places=site, time=kw["time"], victims=[["heridos"]], perps=[],
        attr=fathi, event=E_BG, note="blog; those one hospital received: a site")
    fig(d, "21", m="killed", v=21, q="exact", places=site, time=kw["time"], victims=[], perps=[], attr=fathi,
        event=E_BG, note="bodies brought to the hospital: a site")
    mab = ["concejal Mabruk", "Mabruk", "lista"]
    fig(d, "49", m="killed", v=49, q="exact", victims=[], perps=[], attr=mab, **kw)
    fig(d, "once", m="killed", v=11, q="exact", victims=[["niños", "children"]], perps=[], attr=mab, **kw)
    fig(d, "decenas", m="killed", v=[10, 20], q="vague", qok=["approx", "at_least"], victims=[], perps=[],
        attr=["ONU", "UN"], **kw)
    nofig(d, "un solo", note="'ni a un solo hombre armado'")

    ev(E_BG, "Bir al-Ghanam livestock market air strike, 8 November 2019 (fictional)")
    est(E_BG, "killed", None, [
        ("210_bir-al-ghanam-2019_en.txt", "37", 0), ("210_bir-al-ghanam-2019_en.txt", "48", 0),
        ("211_bir-al-ghanam-2019_fr.txt", "des dizaines", 0), ("211_bir-al-ghanam-2019_fr.txt", "42", 0),
        ("211_bir-al-ghanam-2019_fr.txt", "48", 0), ("212_bir-al-ghanam-2019_ru.txt", "42", 0),
        ("213_bir-al-ghanam-2019_de.txt", "48", 0), ("213_bir-al-ghanam-2019_de.txt", "48", 1),
        ("214_bir-al-ghanam-2019_es.txt", "49", 0), ("214_bir-al-ghanam-2019_es.txt", "decenas", 0)],
        [37, 37], [49, 49],
        "low 37 (the Panel), high 49 (the councillor's list); 211's 42 superseded, 212's 42 stands for its own "
        "document; vague 'dizaines'/'decenas' do not bound. Left out: children, women, the coalition's fighters, "
        "214's hospital count (a site)")
    est(E_BG, "killed", [["children", "Kinder", "niños"]], [
        ("210_bir-al-ghanam-2019_en.txt", "12", 0), ("213_bir-al-ghanam-2019_de.txt", "mindestens zehn", 0),
        ("214_bir-al-ghanam-2019_es.txt", "once", 0)], [10, 10], [12, 12], "children among the dead")
    est(E_BG, "killed", [["women"]], [("210_bir-al-ghanam-2019_en.txt", "5", 0)], [5, 5], [5, 5], "one source")
    est(E_BG, "killed", [["terroristes", "mercenaires", "боевиков", "наемников", "mercenaries", "fighters"]], [
        ("211_bir-al-ghanam-2019_fr.txt", "une trentaine", 0), ("212_bir-al-ghanam-2019_ru.txt", "около 30", 0)],
        [30, 30], [30, 30], "the coalition's account: fighters killed")
    est(E_BG, "injured", None, [
        ("210_bir-al-ghanam-2019_en.txt", "at least 59", 0), ("211_bir-al-ghanam-2019_fr.txt", "plus de 60", 0),
        ("213_bir-al-ghanam-2019_de.txt", "66", 0)], [59, 59], [66, 66],
        "open lows 59 and 60, high 66; 214's 52 is one hospital (a site)")
