"""Answer key, part 2: Quenqoro bridge, the Klyuchi rising and three attacks in Burkina Faso
(FICTIONAL)."""

from __future__ import annotations

from typing import Any

from tests.heldout.gold_lib import T, est, ev, fig, nofig, nofigs

# fmt: off

# --- Quenqoro bridge, 24 June 2011 ------------------------------------------------------------

E_Q = "quenqoro-bridge-2011-06"
QUENQORO = [
    "Quenqoro", "puente Quenqoro", "Quenqoro bridge", "pont de Quenqoro", "Melgar", "provincia de Melgar", "Puno",
    "región de Puno", "Peru", "Perú", "Pérou",
]
T_Q = T("2011-06-24", "2011-06-24", "2011-06-23", "2011-06-25")
POLICE_V = ["policías", "police", "police officers", "policiers", "efectivos policiales"]
PROTEST_V = ["comuneros", "protesters", "civiles", "manifestantes"]


def quenqoro() -> None:
    d = "215_quenqoro-2011_es.txt"
    kw: dict[str, Any] = {"places": [QUENQORO], "time": T_Q, "event": E_Q}
    fig(d, "Siete", m="killed", v=7, q="exact", victims=[], perps=[], **kw, note="headline; no agent anywhere near")
    nofig(d, "25")
    mi = ["Ministerio del Interior", "ministerio"]
    fig(d, "Al menos siete", m="killed", v=(7, None), q="at_least", victims=[["personas", "people"]], perps=[],
        attr=mi, **kw)
    fig(d, "tres", m="killed", v=3, q="exact", victims=[["policías", "police"]], perps=[], attr=mi, **kw,
        note="the 'elementos infiltrados' are named in the next paragraph only")
    frente = ["Frente de Defensa de los Intereses de Melgar", "Frente de Defensa", "Frente"]
    fig(d, "15", m="killed", v=15, q="exact", victims=[["comuneros"]], perps=[["policía", "police"]], attr=frente,
        **kw, note="'sostuvo ... que la policía disparó contra los comuneros y cifró en 15 los comuneros muertos'")
    fig(d, "una veintena", m="missing", v=20, q="approx", qok=["vague"], victims=[["desaparecidos"]], perps=[],
        attr=frente, **kw, note="the police are said to have shot, not to have made anyone disappear")
    fig(d, "al menos 38", m="injured", v=(38, None), q="at_least", victims=[["heridos"]], perps=[],
        attr=["Defensoría del Pueblo", "Defensoría"], **kw)

    d = "216_quenqoro-2011_es.txt"
    kw = {"places": [QUENQORO], "time": T_Q, "event": E_Q}
    nofigs(d, "24", "2011", "nueve")
    fig(d, "once", m="killed", v=11, q="exact", victims=[["personas", "people"]], perps=[], **kw,
        note="the ombudsman's own report: own voice; 'En el enfrentamiento fallecieron': no agent")
    fig(d, "ocho", m="killed", v=8, q="exact", victims=[["civiles", "civilians"]], perps=[], **kw)
    fig(d, "tres", m="killed", v=3, q="exact", victims=[["efectivos policiales", "policías", "police"]], perps=[],
        **kw)
    fig(d, "siete", m="killed", v=7, q="exact", victims=[], perps=[], status="superseded", by=["Defensoría"], **kw,
        note="'elevó así de siete a once su registro inicial'")
    fig(d, "once", 1, m="killed", v=11, q="exact", victims=[], perps=[], **kw)
    fig(d, "cuatro", m="killed", v=4, q="exact", victims=[["heridos"]], perps=[], **kw,
        note="wounded who died in hospital: a part of the eleven")
    for anchor, place in (("5", ["Puente Quenqoro", "Quenqoro"]), ("2", ["Camino a Ayaviri", "Ayaviri"]),
                          ("4", ["Hospital regional de Juliaca", "Juliaca"])):
        fig(d, anchor, m="killed", v=int(anchor), q="exact", places=[place], time=T_Q, victims=[], perps=[],
            event=E_Q, note="table by place of death (parts of the 11)")
    fig(d, "11", m="killed", v=11, q="exact", victims=[], perps=[], **kw, note="the table's total")
    fig(d, "64", m="injured", v=64, q="exact", victims=[["heridos"]], perps=[], **kw)
    fig(d, "47", m="injured", v=47, q="exact", victims=[["civiles", "civilians"]], perps=[], **kw)
    fig(d, "17", m="injured", v=17, q="exact", victims=[["policías", "police"]], perps=[], **kw)
    fig(d, "20", m="missing", v=20, q="exact", victims=[["personas desaparecidas", "personas"]], perps=[],
        attr=["Frente de Defensa de los Intereses de Melgar", "Frente de Defensa", "denuncia"],
        status="unconfirmed", by=["Defensoría"], **kw, note="'La Defensoría no pudo confirmar la denuncia'")

    d = "217_quenqoro-2011_en.txt"
    kw = {"places": [QUENQORO], "time": T_Q, "event": E_Q}
    nofigs(d, "28", "2011")
    pol = ["Police officers", "police"]
    fig(d, "at least 12", m="killed", v=(12, None), q="at_least", victims=[["protesters"]], perps=[pol],
        attr=["testimony", "eyewitnesses", "medical staff"], **kw,
        note="rights group's press statement; 'according to testimony we have gathered from eyewitnesses and medical "
             "staff' (attribution added after the first run); 'on Friday' before a Tuesday")
    mi = ["Interior Ministry", "ministry"]
    fig(d, "seven", m="killed", v=7, q="exact", victims=[], perps=[["infiltrators", "police", "Police officers"]],
        attr=mi, **kw, note="the ministry blames 'infiltrators', the text's lede the police: alternatives in one set")
    fig(d, "three", m="killed", v=3, q="exact", victims=[["police officers", "police"]], perps=[["infiltrators"]],
        attr=mi, **kw)
    org = ["Local organizers", "organizers"]
    fig(d, "15", m="killed", v=15, q="exact", victims=[["protesters"]], perps=[pol], attr=org, **kw)
    fig(d, "about 20", m="missing", v=20, q="approx", victims=[], perps=[], attr=org, **kw,
        note="'remain unaccounted for': nobody named")
    fig(d, "At least 191", m="killed", v=(191, None), q="at_least", places=[["Peru"]],
        time=T("2006-01-01", "2011-06-28", "2006-01-01", "2011-06-28"), victims=[["people"]], perps=[],
        attr=["Ombudsman"], note="period figure")
    nofig(d, "2006")

    d = "218_quenqoro-2011_fr.txt"
    kw = {"places": [QUENQORO], "time": T_Q, "event": E_Q}
    nofigs(d, "26", "2011")
    dp = ["Défenseure du peuple", "Défenseure", "nouveau décompte"]
    fig(d, "neuf", m="killed", v=9, q="exact", victims=[], perps=[], attr=dp, **kw,
        note="'s'est alourdi à neuf morts ... qui faisait état la veille de sept victimes'")
    fig(d, "sept", m="killed", v=7, q="exact", victims=[], perps=[], attr=dp, status="superseded",
        by=["Défenseure"], **kw)
    fig(d, "deux", m="killed", v=2, q="exact", victims=[["policiers", "police"]], perps=[],
        attr=[*dp, "institution"], **kw)
    op = ["organisations paysannes", "Les organisations paysannes"]
    fig(d, "15", m="killed", v=15, q="exact", victims=[["comuneros"]], perps=[["forces de l'ordre"]], attr=op, **kw)
    fig(d, "une vingtaine", m="missing", v=20, q="approx", qok=["vague"], victims=[["personnes"]], perps=[],
        attr=op, **kw)
    nofigs(d, "60", "quatre")

    ev(E_Q, "Quenqoro bridge clearance, Puno, 24 June 2011 (fictional)")
    est(E_Q, "killed", None, [
        ("215_quenqoro-2011_es.txt", "Siete", 0), ("215_quenqoro-2011_es.txt", "Al menos siete", 0),
        ("216_quenqoro-2011_es.txt", "once", 0), ("216_quenqoro-2011_es.txt", "siete", 0),
        ("216_quenqoro-2011_es.txt", "once", 1), ("216_quenqoro-2011_es.txt", "11", 0),
        ("217_quenqoro-2011_en.txt", "seven", 0), ("218_quenqoro-2011_fr.txt", "neuf", 0),
        ("218_quenqoro-2011_fr.txt", "sept", 0)],
        [7, 7], [11, 11],
        "the whole toll: low 7 (Interior Ministry), high 11 (ombudsman's report); the protesters' counts of "
        "comuneros are a subgroup. Left out: sites, the four who died in hospital, police and civilian subgroups")
    est(E_Q, "killed", [PROTEST_V], [
        ("215_quenqoro-2011_es.txt", "15", 0), ("216_quenqoro-2011_es.txt", "ocho", 0),
        ("217_quenqoro-2011_en.txt", "at least 12", 0), ("217_quenqoro-2011_en.txt", "15", 0),
        ("218_quenqoro-2011_fr.txt", "15", 0)], [8, 8], [15, 15], "protesters / civilians killed")
    est(E_Q, "killed", [POLICE_V], [
        ("215_quenqoro-2011_es.txt", "tres", 0), ("216_quenqoro-2011_es.txt", "tres", 0),
        ("217_quenqoro-2011_en.txt", "three", 0), ("218_quenqoro-2011_fr.txt", "deux", 0)], [2, 2], [3, 3],
        "police officers killed")
    est(E_Q, "injured", None, [("215_quenqoro-2011_es.txt", "al menos 38", 0), ("216_quenqoro-2011_es.txt", "64", 0)],
        [38, 38], [64, 64], "the ombudsman's early 'al menos 38' and its report's 64")
    est(E_Q, "injured", [["civiles", "civilians"]], [("216_quenqoro-2011_es.txt", "47", 0)], [47, 47], [47, 47],
        "one source")
    est(E_Q, "injured", [["policías", "police"]], [("216_quenqoro-2011_es.txt", "17", 0)], [17, 17], [17, 17],
        "one source")
    est(E_Q, "missing", None, [
        ("215_quenqoro-2011_es.txt", "una veintena", 0), ("216_quenqoro-2011_es.txt", "20", 0),
        ("217_quenqoro-2011_en.txt", "about 20", 0), ("218_quenqoro-2011_fr.txt", "une vingtaine", 0)],
        [20, 20], [20, 20], "the protesters' figure in every text")


# --- Klyuchi rising, March 1921 ----------------------------------------------------------------

E_K = "klyuchi-rising-1921-03"
KLYUCHI = [
    "Верхние Ключи", "Верхних Ключах", "Верхние Ключи", "Klyuchi", "Бузулукский уезд", "Бузулукского уезда",
    "Самарская губерния", "Самарской губернии", "Samara",
]
T_K = T("1921-03-02", "1921-03-05", "1921-03-01", "1921-03-31")
CHEKA = [
    "сводный отряд губчека", "сводным отрядом Самарской губчека", "губчека", "отряд Лейманиса", "Лейманиса",
    "Августа Лейманиса", "чекисты", "чекисты Августа Лейманиса", "отряд", "Cheka", "Cheka detachment", "Leimanis",
    "СВОДНЫЙ ОТРЯД ЛЕЙМАНИСА",
]
PEASANTS = ["крестьян", "крестьяне", "villagers", "бандитов", "бандитах", "банды", "кулацкой банды"]
REDS = ["красноармейцев", "продработников", "Red Army men", "requisition workers", "красноармейцах", "продработниках"]


def klyuchi() -> None:
    d = "219_klyuchi-1921_ru.txt"
    kw: dict[str, Any] = {"places": [KLYUCHI], "time": T_K, "event": E_K}
    nofigs(d, "2", "5", "1921")
    fig(d, "около 1500", m="combatants", v=1500, q="approx", victims=[], perps=[], **kw,
        note="infobox 'Участники': the insurgents' strength")
    fig(d, "300—450", m="killed", v=(300, 450), q="range", victims=[["крестьян", "крестьяне"]], perps=[CHEKA],
        **kw, note="infobox (no perpetrator row; the lede names who crushed the rising)")
    fig(d, "27", m="killed", v=27, q="exact", victims=[["красноармейцев", "продработников"]], perps=[], **kw,
        note="the text never says who killed them")
    nofigs(d, ("2", 1), ("1921", 1), ("5", 1))
    hist = ["историка Н. А. Куприянова", "Куприянова", "историка", "По подсчётам"]
    fig(d, "от 300 до 450", m="killed", v=(300, 450), q="range", victims=[["человек", "крестьян"]], perps=[CHEKA],
        attr=hist, **kw)
    fig(d, "около 200", m="detained", v=200, q="approx", victims=[], perps=[CHEKA], attr=hist, **kw)
    fig(d, "62", m="killed", v=62, q="exact", victims=[["арестованы", "арестованных"]],
        perps=[["ревтрибунала", "ревтрибунал"]], attr=hist, places=[KLYUCHI],
        time=T("1921-04-01", "1921-04-30", "1921-04-01", "1921-04-30"), event=E_K,
        note="executions in April: a sub-period, not an anchor")
    rep = ["Официальный отчёт губчека", "отчёт губчека", "отчёт", "губчека"]
    fig(d, "56", m="killed", v=56, q="exact", victims=[["бандитах", "бандитов"]], perps=[CHEKA], attr=rep, **kw,
        note="the Cheka's word for the same dead; the lede's detachment carries")
    fig(d, "27", 1, m="killed", v=27, q="exact", victims=[["красноармейцах", "продработниках"]], perps=[],
        attr=rep, **kw)
    nofig(d, "1920")
    fig(d, "около 4200", m="population", v=4200, q="approx", victims=[], perps=[], places=[KLYUCHI], time=None,
        event=E_K, note="the village's population in 1920")

    d = "220_klyuchi-1921_ru.txt"
    kw = {"places": [KLYUCHI], "time": T("1921-03-01", "1921-03-10", "1921-03-01", "1921-03-31"), "event": E_K}
    chek = ["чекисты Августа Лейманиса", "чекисты", "Лейманиса", "Августа Лейманиса"]
    nofigs(d, "Сто", "сто", "1921")
    kray = ["местных краеведов", "краеведов", "по подсчётам местных краеведов"]
    fig(d, "более 600", m="killed", v=(600, None), q="more_than", victims=[["крестьян"]], perps=[chek], attr=kray,
        **kw, note="centenary blog (2021); asserted at this mention, rejected later")
    fig(d, "80", m="killed", v=80, q="exact", victims=[["кулацкой банды", "банды"]], perps=[chek],
        attr=["Советские газеты", "газеты"], **kw, note="'ликвидации кулацкой банды в 80 человек'")
    fig(d, "212", m="killed", v=212, q="exact", victims=[["человек"]], perps=[chek],
        attr=["по воспоминаниям старожилов", "старожилов"], **kw, note="one mass grave: a site")
    fig(d, "600", 1, m="killed", v=600, q="exact", victims=[], perps=[chek], attr=kray, status="rejected",
        by=["областном архиве", "архиве", "архив"], **kw, note="'в областном архиве называют преувеличенной'")

    d = "221_klyuchi-1921_en.txt"
    kw = {"places": [KLYUCHI], "time": T("1921-03-01", "1921-03-31", "1921-03-01", "1921-03-31"), "event": E_K}
    nofigs(d, "1921", "14", "3", "2009", ("1921", 1))
    auth = ["by the author's count", "author", "Sokolov", "Grigory Sokolov"]
    fig(d, "371", m="killed", v=371, q="exact", victims=[["villagers"]],
        perps=[["Cheka detachment", "Cheka", "August Leimanis", "Leimanis"]], attr=auth, **kw,
        note="book review; the figure is the reviewed author's")
    fig(d, "27", m="killed", v=27, q="exact", victims=[["Red Army men", "requisition workers"]],
        perps=[["insurgents"]], attr=auth, **kw)
    fig(d, "56", m="killed", v=56, q="exact", victims=[], perps=[["Cheka"]],
        attr=["Cheka's own report", "report", "Cheka"], **kw, note="'which admitted to only 56 dead'")
    fig(d, "3,000", m="combatants", v=3000, q="exact", victims=[], perps=[], attr=["his claim", "Sokolov"], **kw,
        note="'Less convincing is his claim': doubt, not a rejection")
    nofig(d, "six")

    d = "227_klyuchi-1921_ru.txt"
    kw = {"places": [KLYUCHI], "time": T("1921-03-05", "1921-03-05", "1921-03-01", "1921-03-06"), "event": E_K}
    otr = ["СВОДНЫЙ ОТРЯД ЛЕЙМАНИСА", "отряд Лейманиса", "ЛЕЙМАНИСА"]
    nofigs(d, "6", "1921", "5")
    fig(d, "56", m="killed", v=56, q="exact", victims=[["БАНДИТОВ", "бандитов"]], perps=[otr], **kw,
        note="upper-case telegram signed by the detachment's commander: the document's own voice")
    fig(d, "140", m="detained", v=140, q="exact", victims=[], perps=[otr], **kw, note="'ВЗЯТО В ПЛЕН 140'")
    fig(d, "ДВОЕ", m="killed", v=2, q="exact", victims=[["ОТРЯДА", "отряд"]], perps=[], **kw,
        note="the detachment's losses: a part of the reds' 27 (with the earlier 25)")
    fig(d, "ПЯТЕРО", m="injured", v=5, q="exact", victims=[["ОТРЯДА", "отряд"]], perps=[], **kw)
    fig(d, "25", m="killed", v=25, q="exact", victims=[["ПРОДРАБОТНИКОВ", "КРАСНОАРМЕЙЦЕВ"]],
        perps=[["БАНДОЙ", "банда", "бандой"]], places=[KLYUCHI],
        time=T("1921-03-02", "1921-03-05", "1921-02-01", "1921-03-06"), event=E_K,
        note="'РАНЕЕ БАНДОЙ УБИТЫ': earlier, a part of the 27")

    ev(E_K, "Klyuchi rising and its suppression, March 1921 (fictional)")
    est(E_K, "killed", [PEASANTS], [
        ("219_klyuchi-1921_ru.txt", "300—450", 0), ("219_klyuchi-1921_ru.txt", "от 300 до 450", 0),
        ("219_klyuchi-1921_ru.txt", "56", 0), ("220_klyuchi-1921_ru.txt", "более 600", 0),
        ("220_klyuchi-1921_ru.txt", "80", 0), ("220_klyuchi-1921_ru.txt", "600", 1),
        ("221_klyuchi-1921_en.txt", "371", 0), ("221_klyuchi-1921_en.txt", "56", 0),
        ("227_klyuchi-1921_ru.txt", "56", 0)],
        [56, 56], [450, 600],
        "the peasants killed in the suppression (the main toll; the sources call them peasants, villagers or "
        "'bandits'): low 56 (the Cheka), high 450 (the historian), or up to the local historians' open 'более 600'. "
        "Left out: the 212 of one grave, the 62 executed in April")
    est(E_K, "killed", [REDS], [
        ("219_klyuchi-1921_ru.txt", "27", 0), ("219_klyuchi-1921_ru.txt", "27", 1), ("221_klyuchi-1921_en.txt", "27", 0)],
        [27, 27], [27, 27], "Red Army men and requisition workers; 227's 25 and ДВОЕ are its parts")
    est(E_K, "detained", None, [("219_klyuchi-1921_ru.txt", "около 200", 0), ("227_klyuchi-1921_ru.txt", "140", 0)],
        [140, 140], [200, 200], "arrested / taken prisoner")
    est(E_K, "injured", None, [("227_klyuchi-1921_ru.txt", "ПЯТЕРО", 0)], [5, 5], [5, 5], "one source")


# --- Burkina Faso, 2022: Bankoulé, Sindo-Gourga, Kounkoulgou -----------------------------------

E_BK = "bankoule-market-2022-02"
E_SG = "sindo-gourga-2022-05"
E_KK = "kounkoulgou-convoy-2022-09"
BF = ["Burkina Faso", "Буркина-Фасо", "Burkina"]
T_BK = T("2022-02-11", "2022-02-11", "2022-02-10", "2022-02-12")
T_SG = T("2022-05-30", "2022-05-30", "2022-05-29", "2022-05-31")
T_KK = T("2022-09-26", "2022-09-26", "2022-09-25", "2022-09-27")
ARMY_BF = ["Armee", "soldats burkinabè", "soldats", "armée", "army", "Einsatz der Armee"]
VDP = ["VDP", "Volontaires pour la défense de la patrie", "Freiwilligen zur Verteidigung des Vaterlandes"]


def burkina() -> None:
    d = "222_burkina-2022_de.txt"
    nofig(d, "2022")
    fig(d, "1.146", m="killed", v=1146, q="exact", places=[BF], time=T("2022-01-01", "2022-12-31", "2022-01-01",
        "2022-12-31"), victims=[["Zivilpersonen", "civilians"]], perps=[], note="NGO annual report: own voice")
    nofigs(d, "11", ("2022", 1))
    fig(d, "19", m="killed", v=19, q="exact", places=[["Bankoulé", *BF]], time=T_BK, victims=[["Männer", "men"]],
        perps=[["Katiba Gourma-Nord", "Kämpfer der Gruppe Katiba Gourma-Nord", "Kämpfer"]], event=E_BK)
    nofigs(d, "30", ("2022", 2))
    sg: dict[str, Any] = {"places": [["Sindo-Gourga", *BF]], "time": T_SG, "event": E_SG}
    fig(d, "mindestens 33", m="killed", v=(33, None), q="at_least", victims=[["Einwohner", "Fulbe"]],
        perps=[ARMY_BF, VDP], attr=["Zeugenaussagen", "nach Zeugenaussagen"], **sg,
        note="'Bei einem Einsatz der Armee und der VDP wurden ... getötet'")
    fig(d, "zwölf", m="killed", v=12, q="exact", victims=[["Terroristen"]], perps=[["Armee"]], attr=["Armee"], **sg,
        note="the army's own account")
    nofigs(d, "26", ("2022", 3))
    kk: dict[str, Any] = {"places": [["Kounkoulgou", *BF]], "time": T_KK, "event": E_KK}
    fig(d, "elf", m="killed", v=11, q="exact", victims=[["Soldaten", "soldiers"]], perps=[], **kk,
        note="'Zu dem Angriff bekannte sich niemand'")
    fig(d, "mindestens 50", m="missing", v=(50, None), q="at_least", victims=[["Zivilisten", "civilians"]],
        perps=[], **kk)
    fig(d, "mehr als 1,8 Millionen", m="displaced", v=(1800000, None), q="more_than", places=[BF],
        time=T("2022-01-01", "2022-12-31", "2015-01-01", "2022-12-31"), victims=[["Menschen", "people"]], perps=[],
        note="the year-end stock of displaced")

    d = "223_sindo-gourga-2022_fr.txt"
    sg = {"places": [["Sindo-Gourga", "Sanmatenga", "province du Sanmatenga", *BF]], "time": T_SG, "event": E_SG}
    fig(d, "des dizaines", m="killed", v=[10, 20], q="vague", qok=["approx", "at_least"], victims=[["civils"]],
        perps=[ARMY_BF, VDP], attr=["des habitants", "habitants"], **sg, note="headline: 'des habitants accusent'")
    nofigs(d, "2", "2022")
    hab = ["habitants", "des habitants", "responsable associatif"]
    fig(d, "au moins 40", m="killed", v=(40, None), q="at_least", victims=[["civils", "peuls"]], perps=[ARMY_BF, VDP],
        attr=hab, **sg)
    fig(d, "43", m="killed", v=43, q="exact", victims=[["hommes", "corps"]], perps=[ARMY_BF, VDP],
        attr=["rescapé", "un rescapé"], **sg, note="'Ils ont rassemblé les hommes ...': the lede's soldiers and VDP")
    fig(d, "une douzaine", m="killed", v=12, q="approx", qok=["vague"], victims=[["terroristes"]],
        perps=[["état-major", "armées", "armée"]], attr=["état-major général des armées", "état-major"], **sg)
    fig(d, "Près de 3 000", m="displaced", v=3000, q="approx", qok=["at_most", "less_than"],
        victims=[["habitants"]], perps=[], attr=["ADES", "Association pour la dignité des éleveurs du Sahel"],
        places=sg["places"], time=T("2022-05-30", "2022-06-02", "2022-05-29", "2022-06-02"), event=E_SG,
        note="people fleeing: no agent")

    d = "224_kounkoulgou-2022_ru.txt"
    kk = {"places": [["Кункулгу", "Kounkoulgou", *BF]], "time": T_KK, "event": E_KK}
    boev = ["Боевики", "боевики"]
    gov = ["правительство страны", "правительство"]
    fig(d, "11", m="killed", v=11, q="exact", victims=[["военнослужащих", "soldiers"]], perps=[boev], attr=gov, **kk)
    fig(d, "около 50", m="missing", v=50, q="approx", victims=[["гражданских лиц", "civilians"]], perps=[boev],
        attr=gov, **kk, note="the lede's militants carry")
    fig(d, "не менее 70", m="missing", v=(70, None), q="at_least", victims=[], perps=[boev],
        attr=["Местные источники", "местные источники"], **kk)
    fig(d, "19", m="killed", v=19, q="exact", places=[["Банкуле", "Bankoulé", *BF]],
        time=T("2022-02-01", "2022-02-28", "2022-02-01", "2022-02-28"), victims=[["мужчин", "men"]], perps=[boev],
        event=E_BK, note="an earlier event in the same text ('В феврале')")
    nofig(d, "2015")
    fig(d, "более 2000", m=["victims", "killed"], v=(2000, None), q="more_than", places=[BF],
        time=T("2015-01-01", "2022-09-28", "2015-01-01", "2022-09-28"), victims=[["мирных жителей", "civilians"]],
        perps=[], note="'жертвами насилия ... стали': period figure")
    fig(d, "превысило 1,9 млн", m="displaced", v=(1900000, None), q="more_than", places=[BF], time=None,
        victims=[["внутренне перемещенных лиц", "перемещенных лиц"]], perps=[])

    d = "226_kounkoulgou-2022_fr.txt"
    kk = {"places": [["Kounkoulgou", "Djibo", *BF]], "time": T_KK, "event": E_KK}
    jih = ["jihadiste", "jihadistes", "attaque jihadiste"]
    pp = ["porte-parole du gouvernement", "Lionel Bilgo-Sawadogo", "porte-parole", "gouvernement"]
    nofigs(d, "5", "2022", "26")
    fig(d, "11", m="killed", v=11, q="exact", victims=[["militaires", "soldiers"]], perps=[jih], attr=pp,
        status="superseded", by=["porte-parole du gouvernement", "gouvernement"], **kk, note="'est passé de 11 à 27'")
    fig(d, "27", m="killed", v=27, q="exact", victims=[["militaires", "soldiers"]], perps=[jih], attr=pp, **kk)
    fig(d, "Cinquante", m="missing", v=50, q="exact", victims=[["civils", "civilians"]], perps=[jih],
        attr=["communiqué", *pp], **kk)
    fig(d, "plus de 80", m="missing", v=(80, None), q="more_than", victims=[], perps=[jih],
        attr=["proches de disparus", "proches"], **kk)
    nofig(d, "150", note="trucks of the convoy")

    ev(E_BK, "Bankoulé market killings, 11 February 2022 (fictional)", [E_SG, E_KK])
    ev(E_SG, "Sindo-Gourga killings, 30 May 2022 (fictional)", [E_BK, E_KK])
    ev(E_KK, "Kounkoulgou convoy attack, 26 September 2022 (fictional)", [E_BK, E_SG])
    est(E_BK, "killed", [["Männer", "мужчин", "men"]], [
        ("222_burkina-2022_de.txt", "19", 0), ("224_kounkoulgou-2022_ru.txt", "19", 0)], [19, 19], [19, 19],
        "men shot at the market")
    est(E_SG, "killed", None, [
        ("222_burkina-2022_de.txt", "mindestens 33", 0), ("223_sindo-gourga-2022_fr.txt", "des dizaines", 0),
        ("223_sindo-gourga-2022_fr.txt", "au moins 40", 0), ("223_sindo-gourga-2022_fr.txt", "43", 0)],
        [33, 33], [43, 43], "residents killed: open lows 33 and 40, the survivor's 43; the vague headline does not bound")
    est(E_SG, "killed", [["Terroristen", "terroristes"]], [
        ("222_burkina-2022_de.txt", "zwölf", 0), ("223_sindo-gourga-2022_fr.txt", "une douzaine", 0)],
        [12, 12], [12, 12], "the army's account")
    est(E_SG, "displaced", None, [("223_sindo-gourga-2022_fr.txt", "Près de 3 000", 0)], [3000, 3000], [3000, 3000],
        "one source")
    est(E_KK, "killed", [["Soldaten", "военнослужащих", "militaires", "soldiers"]], [
        ("222_burkina-2022_de.txt", "elf", 0), ("224_kounkoulgou-2022_ru.txt", "11", 0),
        ("226_kounkoulgou-2022_fr.txt", "11", 0), ("226_kounkoulgou-2022_fr.txt", "27", 0)],
        [11, 11], [27, 27], "soldiers killed: 11 (222, 224), raised to 27 by the government spokesman (226)")
    est(E_KK, "missing", None, [
        ("222_burkina-2022_de.txt", "mindestens 50", 0), ("224_kounkoulgou-2022_ru.txt", "около 50", 0),
        ("224_kounkoulgou-2022_ru.txt", "не менее 70", 0), ("226_kounkoulgou-2022_fr.txt", "Cinquante", 0),
        ("226_kounkoulgou-2022_fr.txt", "plus de 80", 0)],
        [50, 50], [50, 80], "civilians missing: stated 50; open 'не менее 70' and 'plus de 80' may cap the high")
