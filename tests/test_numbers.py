"""Tests for rashomon.extract.numbers: per-language tables, data schema, properties, gold floors.

Every sentence here is made up for the test; none is taken from the shared corpus.
"""

from __future__ import annotations

import csv
import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.extract._numlang import QUALIFIERS, REQUIRED_KEYS
from rashomon.extract.numbers import ROLES, NumberMention, find_numbers

Exp = tuple[str, int | None, int | None, str, str]


def _summary(text: str, lang: str) -> list[Exp]:
    return [(m.text, m.low, m.high, m.qualifier, m.role) for m in find_numbers(text, lang)]


EN_CASES: list[tuple[str, list[Exp]]] = [
    (
        # A hedge before an upper bound makes one range ("perhaps as many as"); "and up to"
        # another count does not.
        "About 150 died, perhaps as many as 300.",
        [("About 150 died, perhaps as many as 300", 150, 300, "range", "quantity")],
    ),
    (
        "There were 150 dead and up to 300 injured.",
        [("150", 150, 150, "exact", "quantity"), ("up to 300", None, 300, "at_most", "quantity")],
    ),
    (
        # A citation glued to the first bound does not cut a range.
        "Estimates run from 460[2] to 3,500 dead.",
        [("from 460[2] to 3,500", 460, 3500, "range", "quantity")],
    ),
    (
        # Ratio sides count nobody; a label's index glued to a word is not a ratio side.
        "Wounded to dead ran 1:3 at the clinic.\nStrength2:4,000 troops\nNearly half a million fled.",
        [
            ("1", 1, 1, "exact", "other"),
            ("3", 3, 3, "exact", "other"),
            ("2", None, None, "exact", "other"),
            ("4,000", 4000, 4000, "exact", "quantity"),
            ("Nearly half a million", 500000, 500000, "approx", "quantity"),
        ],
    ),
    (
        # A capitalised number word inside a name; a title-case headline keeps its count.
        "They met at the Seven Oaks inn.\nGuards Say Seven Died",
        [("Seven", 7, 7, "exact", "other"), ("Seven", 7, 7, "exact", "quantity")],
    ),
    (
        # Telephone numbers (a leading 0 or +) are no counts; a long plain number still is.
        "Call 0412345678 or +33612345678; about 1000000000 people live there and 40 died.",
        [
            ("0412345678", None, None, "exact", "other"),
            ("+33612345678", None, None, "exact", "other"),
            ("about 1000000000", 1000000000, 1000000000, "approx", "quantity"),
            ("40", 40, 40, "exact", "quantity"),
        ],
    ),
    (
        "He got a 20-year sentence after a 50-kilometre march with a few dozen men and over a thousand others.",
        [
            ("20-year", 20, 20, "exact", "duration"),
            ("50", 50, 50, "exact", "other"),
            ("a few dozen", 12, None, "vague", "quantity"),
            ("over a thousand", 1000, None, "more_than", "quantity"),
        ],
    ),
    (
        "Several hundred died, one or two survived, and tens of thousands fled; UN Resolution 242 and No. 10.",
        [
            ("Several hundred", 200, None, "vague", "quantity"),
            ("one or two", 1, 2, "range", "quantity"),
            ("tens of thousands", 10000, None, "vague", "quantity"),
            ("242", 242, 242, "exact", "other"),
            ("10", 10, 10, "exact", "other"),
        ],
    ),
    (
        "More than 3,500 refugees crossed the river.",
        [
            ("More than 3,500", 3500, None, "more_than", "quantity"),
        ],
    ),
    (
        "Up to 9,000 soldiers deserted, and as high as 12,000 by other counts.",
        [
            ("Up to 9,000", None, 9000, "at_most", "quantity"),
            ("as high as 12,000", None, 12000, "at_most", "quantity"),
        ],
    ),
    (
        "Between 4,000 and 9,000 villagers fled the valley.",
        [
            ("Between 4,000 and 9,000", 4000, 9000, "range", "quantity"),
        ],
    ),
    (
        "Estimates run from over 2,000 to under 15,000 evacuees.",
        [
            ("over 2,000 to under 15,000", 2000, 15000, "range", "quantity"),
        ],
    ),
    (
        "Officials said the losses far exceed 5,000 but fall short of 20,000 head of cattle.",
        [
            ("far exceed 5,000 but fall short of 20,000", 5000, 20000, "range", "quantity"),
        ],
    ),
    (
        "About 650 houses burned and roughly 1.2 million people were displaced.",
        [
            ("About 650", 650, 650, "approx", "quantity"),
            ("roughly 1.2 million", 1200000, 1200000, "approx", "quantity"),
        ],
    ),
    (
        "At least 45 prisoners escaped and only 12 were caught.",
        [
            ("At least 45", 45, None, "at_least", "quantity"),
            ("only 12", 12, 12, "exact", "quantity"),
        ],
    ),
    (
        "Thousands fled; hundreds of thousands were left homeless and dozens went missing.",
        [
            ("Thousands", 1000, None, "vague", "quantity"),
            ("hundreds of thousands", 100000, None, "vague", "quantity"),
            ("dozens", 12, None, "vague", "quantity"),
        ],
    ),
    (
        "Rebels seized six to seven hostages and 1,200-1,500 villagers fled.",
        [
            ("six to seven", 6, 7, "range", "quantity"),
            ("1,200-1,500", 1200, 1500, "range", "quantity"),
        ],
    ),
    (
        "On March 3, 1943, some 620 defenders surrendered.",
        [
            ("3", 3, 3, "exact", "day"),
            ("1943", 1943, 1943, "exact", "year"),
            ("some 620", 620, 620, "approx", "quantity"),
        ],
    ),
    (
        "The siege lasted five weeks, 215 years ago, and ended on 12 May.",
        [
            ("five weeks", 5, 5, "exact", "duration"),
            ("215 years ago", 215, 215, "exact", "duration"),
            ("12", 12, 12, "exact", "day"),
        ],
    ),
    (
        "Another 1700 who had signed the petition were never contacted.",
        [
            ("1700", 1700, 1700, "exact", "quantity"),
        ],
    ),
    (
        "The archive opened in 1800 with 1800 persons on its rolls.",
        [
            ("1800", 1800, 1800, "exact", "year"),
            ("1800", 1800, 1800, "exact", "quantity"),
        ],
    ),
    (
        "Up to 30% of houses burned at 11:30, according to the 4th report [3].",
        [
            ("Up to 30%", None, 30, "at_most", "percentage"),
            ("11:30", None, None, "exact", "time_of_day"),
            ("4th", 4, 4, "exact", "ordinal"),
            ("[3]", None, None, "exact", "citation"),
        ],
    ),
    (
        "Boys aged 12 to 15 and a 14-year-old girl were taken in the 1870s.",
        [
            ("aged 12 to 15", 12, 15, "range", "age"),
            ("14-year-old", 14, 14, "exact", "age"),
            ("1870s", 1870, 1870, "exact", "decade"),
        ],
    ),
    (
        "Four of the miners were rescued and one of them later died.",
        [
            ("Four", 4, 4, "exact", "quantity"),
            ("one", 1, 1, "exact", "quantity"),
        ],
    ),
    (
        "The camp held 2 000 tents and 40,000 or more residents.",
        [
            ("2 000", 2000, 2000, "exact", "quantity"),
            ("40,000 or more", 40000, None, "at_least", "quantity"),
        ],
    ),
    (
        "The village lies 180 km from the border; see https://example.org/2019/45 for details.",
        [
            ("180", 180, 180, "exact", "other"),
        ],
    ),
    (
        "Nearly 6,500 workers went on strike, though the company claims no more than 3,000.",
        [
            ("Nearly 6,500", 6500, 6500, "approx", "quantity"),
            ("no more than 3,000", None, 3000, "at_most", "quantity"),
        ],
    ),
    (
        "The drought of 1983-1986 ruined c. 100,000 farms; COVID-19 came later.",
        [
            ("1983", 1983, 1983, "exact", "year"),
            ("1986", 1986, 1986, "exact", "year"),
            ("c. 100,000", 100000, 100000, "approx", "quantity"),
            ("19", 19, 19, "exact", "other"),
        ],
    ),
    (
        "Men aged between 18 and 60 were drafted on July 11 200 kilometres away.",
        [
            ("aged between 18 and 60", 18, 60, "range", "age"),
            ("11", 11, 11, "exact", "day"),
            ("200", 200, 200, "exact", "other"),
        ],
    ),
]

FR_CASES: list[tuple[str, list[Exp]]] = [
    (
        # Who gives the bounds, in brackets, does not cut the range; a hedge opens a bound.
        "Le nombre varie de 8 000 (Dupont, Durand) à 45 000 victimes.",
        [("de 8 000 (Dupont, Durand) à 45 000", 8000, 45000, "range", "quantity")],
    ),
    (
        "Il y aurait eu 150 morts, peut-être, jusqu'à 300.",
        [("150 morts, peut-être, jusqu'à 300", 150, 300, "range", "quantity")],
    ),
    (
        # Two decimals that round to the same count make no range (found by Hypothesis).
        "40,000-40,00012",
        [("40,000", 40, 40, "exact", "quantity"), ("40,00012", 40, 40, "exact", "other")],
    ),
    (
        # "un" after a comma opens another phrase: it repeats no counted noun.
        "On compta 212 morts, un rapport des gardes citait 80 tués et un demi-million de réfugiés.",
        [
            ("212", 212, 212, "exact", "quantity"),
            ("80", 80, 80, "exact", "quantity"),
            ("un demi-million", 500000, 500000, "exact", "quantity"),
        ],
    ),
    (
        "Le 15 sept. 1918, sept soldats ont été blessés.",
        [
            ("15", 15, 15, "exact", "day"),
            ("1918", 1918, 1918, "exact", "year"),
            ("sept", 7, 7, "exact", "quantity"),
        ],
    ),
    (
        "Entre le 8 et le 10 avril 1994, le 1er mai, plus d'une centaine de blessés, deux tiers des maisons.",
        [
            ("8", 8, 8, "exact", "day"),
            ("10", 10, 10, "exact", "day"),
            ("1994", 1994, 1994, "exact", "year"),
            ("1er", 1, 1, "exact", "day"),
            ("plus d'une centaine", 100, None, "more_than", "quantity"),
            ("deux tiers", 2, 2, "exact", "other"),
        ],
    ),
    (
        "Plus de 3 500 réfugiés ont franchi la frontière le 12 mai.",
        [
            ("Plus de 3 500", 3500, None, "more_than", "quantity"),
            ("12", 12, 12, "exact", "day"),
        ],
    ),
    (
        "Près de 2 000 soldats sont morts et environ 650 maisons ont brûlé.",
        [
            ("Près de 2 000", 2000, 2000, "approx", "quantity"),
            ("environ 650", 650, 650, "approx", "quantity"),
        ],
    ),
    (
        "Entre 4 000 et 9 000 soldats ont déserté.",
        [
            ("Entre 4 000 et 9 000", 4000, 9000, "range", "quantity"),
        ],
    ),
    (
        "Les pertes vont de 500 à 1 100 selon les sources, soit 12 000 à 18 000 au total.",
        [
            ("de 500 à 1 100", 500, 1100, "range", "quantity"),
            ("12 000 à 18 000", 12000, 18000, "range", "quantity"),
        ],
    ),
    (
        "Au moins 45 mineurs ont été évacués, et seulement 12 blessés.",
        [
            ("Au moins 45", 45, None, "at_least", "quantity"),
            ("seulement 12", 12, 12, "exact", "quantity"),
        ],
    ),
    (
        "Jusqu'à 9 000 civils ont été déplacés et moins de 300 sont revenus.",
        [
            ("Jusqu'à 9 000", None, 9000, "at_most", "quantity"),
            ("moins de 300", None, 300, "less_than", "quantity"),
        ],
    ),
    (
        "Des milliers ont fui ; des centaines de milliers de sans-abri et des dizaines de disparus.",
        [
            ("Des milliers", 1000, None, "vague", "quantity"),
            ("des centaines de milliers", 100000, None, "vague", "quantity"),
            ("des dizaines", 10, None, "vague", "quantity"),
        ],
    ),
    (
        "Le départ de milliers de saisonniers a été constaté.",
        [
            ("milliers", 1000, None, "vague", "quantity"),
        ],
    ),
    (
        "Une centaine de maisons, deux cents morts et vingt et un blessés.",
        [
            ("Une centaine", 100, 100, "approx", "quantity"),
            ("deux cents", 200, 200, "exact", "quantity"),
            ("vingt et un", 21, 21, "exact", "quantity"),
        ],
    ),
    (
        "Les 3 et 5 octobre, quelque 300 manifestants ont été arrêtés.",
        [
            ("3", 3, 3, "exact", "day"),
            ("5", 5, 5, "exact", "day"),
            ("quelque 300", 300, 300, "approx", "quantity"),
        ],
    ),
    (
        "Du 21 au 22 juin, les trains sont restés à quai ; le 23, tout a repris.",
        [
            ("21", 21, 21, "exact", "day"),
            ("22", 22, 22, "exact", "day"),
            ("23", 23, 23, "exact", "day"),
        ],
    ),
    (
        "La grève a duré cinq semaines, il y a 64 ans, en 1961.",
        [
            ("cinq semaines", 5, 5, "exact", "duration"),
            ("il y a 64 ans", 64, 64, "exact", "duration"),
            ("1961", 1961, 1961, "exact", "year"),
        ],
    ),
    (
        "Au moins 45 personnes, âgées de 12 à 70 ans, ont été soignées.",
        [
            ("Au moins 45", 45, None, "at_least", "quantity"),
            ("âgées de 12 à 70 ans", 12, 70, "range", "age"),
        ],
    ),
    (
        "Jusqu'à 30 % des maisons, soit 25 pour cent du village, ont brûlé à 11h30.",
        [
            ("Jusqu'à 30 %", None, 30, "at_most", "percentage"),
            ("25 pour cent", 25, 25, "exact", "percentage"),
            ("11h30", None, None, "exact", "time_of_day"),
        ],
    ),
    (
        "Les bureaux occupent le troisième étage depuis le 4e jour.",
        [
            ("troisième", None, None, "exact", "ordinal"),
            ("4e", 4, 4, "exact", "ordinal"),
        ],
    ),
    (
        "Environ 2,5 millions de personnes ont été déplacées dans les années 1930.",
        [
            ("Environ 2,5 millions", 2500000, 2500000, "approx", "quantity"),
            ("1930", 1930, 1930, "exact", "decade"),
        ],
    ),
    (
        "Un des gardes a été blessé ; un officier a fui.",
        [
            ("Un", 1, 1, "exact", "quantity"),
        ],
    ),
    (
        "Le nombre de grévistes a dépassé 7 500 selon le syndicat [2].",
        [
            ("a dépassé 7 500", 7500, None, "more_than", "quantity"),
            ("[2]", None, None, "exact", "citation"),
        ],
    ),
]

DE_CASES: list[tuple[str, list[Exp]]] = [
    (
        # A misprint ("60'0000") is read by its separator, never as a count of its own tail.
        "Über 60'0000 Tote.",
        [("Über 60'0000", 60000, None, "more_than", "quantity")],
    ),
    (
        # Swiss grouping with a typographic apostrophe.
        "Um 10‘000 zu niedrig, 569'000 Geflohene.",
        [
            ("10‘000", 10000, 10000, "exact", "quantity"),
            ("569'000", 569000, 569000, "exact", "quantity"),
        ],
    ),
    (
        # German capitalises nouns: "Million" after "halbe" is no name.
        "Rund eine halbe Million Menschen flohen, einer Viertelmillion fehlte Wasser.",
        [
            ("Rund eine halbe Million", 500000, 500000, "approx", "quantity"),
            ("einer Viertelmillion", 250000, 250000, "exact", "quantity"),
        ],
    ),
    (
        "Am 1. Mai, im 2. Weltkrieg, mehr als zwei Dutzend Tote, zwei Drittel.",
        [
            ("1", 1, 1, "exact", "day"),
            ("2.", 2, 2, "exact", "ordinal"),
            ("mehr als zwei Dutzend", 24, None, "more_than", "quantity"),
            ("zwei Drittel", 2, 2, "exact", "other"),
        ],
    ),
    (
        "Mehr als 3.500 Flüchtlinge überquerten am 12. Mai die Grenze.",
        [
            ("Mehr als 3.500", 3500, None, "more_than", "quantity"),
            ("12", 12, 12, "exact", "day"),
        ],
    ),
    (
        "Fast 2 000 Soldaten starben, etwa 650 Häuser brannten.",
        [
            ("Fast 2 000", 2000, 2000, "approx", "quantity"),
            ("etwa 650", 650, 650, "approx", "quantity"),
        ],
    ),
    (
        "Zwischen 4.000 und 9.000 Soldaten desertierten.",
        [
            ("Zwischen 4.000 und 9.000", 4000, 9000, "range", "quantity"),
        ],
    ),
    (
        "Bis zu 75.000 Einwohner flohen, andere Berichte nennen 90.000 Flüchtlinge.",
        [
            ("Bis zu 75.000", None, 75000, "at_most", "quantity"),
            ("90.000", 90000, 90000, "exact", "quantity"),
        ],
    ),
    (
        "Laut Polizei wurden über 1.200 festgenommen und rund 300 verletzt.",
        [
            ("über 1.200", 1200, None, "more_than", "quantity"),
            ("rund 300", 300, 300, "approx", "quantity"),
        ],
    ),
    (
        "Schätzungen sprechen von 40.000 bis 60.000 Toten, andere von über 100.000 bis unter 200.000.",
        [
            ("von 40.000 bis 60.000", 40000, 60000, "range", "quantity"),
            ("über 100.000 bis unter 200.000", 100000, 200000, "range", "quantity"),
        ],
    ),
    (
        "Tausende von Bauern flohen in die Berge; Hunderttausende wurden obdachlos.",
        [
            ("Tausende", 1000, None, "vague", "quantity"),
            ("Hunderttausende", 100000, None, "vague", "quantity"),
        ],
    ),
    (
        "Der Streik dauerte drei bis vier Wochen und endete vor 52 Jahren.",
        [
            ("drei bis vier Wochen", 3, 4, "range", "duration"),
            ("vor 52 Jahren", 52, 52, "exact", "duration"),
        ],
    ),
    (
        "Mindestens 45 Menschen im Alter von 12 bis 70 Jahren starben am 29. Januar 1952.",
        [
            ("Mindestens 45", 45, None, "at_least", "quantity"),
            ("im Alter von 12 bis 70 Jahren", 12, 70, "range", "age"),
            ("29", 29, 29, "exact", "day"),
            ("1952", 1952, 1952, "exact", "year"),
        ],
    ),
    (
        "Drei Fischer wurden verhaftet, ein Fischer kam später frei; ein Sturm folgte am dritten Tag.",
        [
            ("Drei", 3, 3, "exact", "quantity"),
            ("ein", 1, 1, "exact", "quantity"),
            ("dritten", None, None, "exact", "ordinal"),
        ],
    ),
    (
        "Die Ernte fiel auf ein Drittel, also um 65 Prozent.",
        [
            ("ein Drittel", 1, 1, "exact", "other"),
            ("65 Prozent", 65, 65, "exact", "percentage"),
        ],
    ),
    (
        "Neun Dörfer und zweihundertfünfzig Häuser wurden in den 1930er Jahren zerstört.",
        [
            ("Neun", 9, 9, "exact", "quantity"),
            ("zweihundertfünfzig", 250, 250, "exact", "quantity"),
            ("1930er Jahren", 1930, 1930, "exact", "decade"),
        ],
    ),
    (
        "Fast 4.300 Häftlinge wurden in mehr als 60 Lagern gezählt.",
        [
            ("Fast 4.300", 4300, 4300, "approx", "quantity"),
            ("mehr als 60", 60, None, "more_than", "quantity"),
        ],
    ),
]

ES_CASES: list[tuple[str, list[Exp]]] = [
    (
        # Articles inside the range ("entre los 20 y los 30").
        "Murieron entre los 20 y los 30 estudiantes.",
        [("entre los 20 y los 30", 20, 30, "range", "quantity")],
    ),
    (
        "En la plaza de las Cinco Fuentes murieron cinco personas; medio millón huyó.",
        [
            ("Cinco", 5, 5, "exact", "other"),
            ("cinco", 5, 5, "exact", "quantity"),
            ("medio millón", 500000, 500000, "exact", "quantity"),
        ],
    ),
    (
        "Más de un centenar de heridos, decenas de miles de personas, un tercio.",
        [
            ("Más de un centenar", 100, None, "more_than", "quantity"),
            ("decenas de miles", 10000, None, "vague", "quantity"),
            ("un tercio", 1, 1, "exact", "other"),
        ],
    ),
    (
        "Más de 3.500 refugiados cruzaron el río el 12 de mayo.",
        [
            ("Más de 3.500", 3500, None, "more_than", "quantity"),
            ("12", 12, 12, "exact", "day"),
        ],
    ),
    (
        "Cerca de 2 000 soldados murieron y unas 650 casas ardieron.",
        [
            ("Cerca de 2 000", 2000, 2000, "approx", "quantity"),
            ("unas 650", 650, 650, "approx", "quantity"),
        ],
    ),
    (
        "Entre 4.000 y 9.000 soldados desertaron.",
        [
            ("Entre 4.000 y 9.000", 4000, 9000, "range", "quantity"),
        ],
    ),
    (
        "La cifra oscila entre 2,5 y 6 millones de habitantes.",
        [
            ("entre 2,5 y 6 millones", 2500000, 6000000, "range", "quantity"),
        ],
    ),
    (
        "Al menos 5127 mineros quedaron atrapados y solo 12 sobrevivieron.",
        [
            ("Al menos 5127", 5127, None, "at_least", "quantity"),
            ("solo 12", 12, 12, "exact", "quantity"),
        ],
    ),
    (
        "Miles de pescadores emigraron; centenares de millares perdieron su casa y decenas desaparecieron.",
        [
            ("Miles", 1000, None, "vague", "quantity"),
            ("centenares de millares", 100000, None, "vague", "quantity"),
            ("decenas", 10, None, "vague", "quantity"),
        ],
    ),
    (
        "Unos tres millones de cabezas de ganado y una decena de aldeas.",
        [
            ("Unos tres millones", 3000000, 3000000, "approx", "quantity"),
            ("una decena", 10, 10, "approx", "quantity"),
        ],
    ),
    (
        "El asedio duró cinco semanas; hace 107 años, en 1921.",
        [
            ("cinco semanas", 5, 5, "exact", "duration"),
            ("hace 107 años", 107, 107, "exact", "duration"),
            ("1921", 1921, 1921, "exact", "year"),
        ],
    ),
    (
        "Hasta 9.000 civiles fueron evacuados, del 14 al 15 de marzo de 1962.",
        [
            ("Hasta 9.000", None, 9000, "at_most", "quantity"),
            ("14", 14, 14, "exact", "day"),
            ("15", 15, 15, "exact", "day"),
            ("1962", 1962, 1962, "exact", "year"),
        ],
    ),
    (
        "La sequía de 1983-1986 arruinó 40.000 granjas a 95 kilómetros de la capital.",
        [
            ("1983", 1983, 1983, "exact", "year"),
            ("1986", 1986, 1986, "exact", "year"),
            ("40.000", 40000, 40000, "exact", "quantity"),
            ("95", 95, 95, "exact", "other"),
        ],
    ),
    (
        "El 45º congreso y el 30 % de las casas; un niño de 14 años de edad.",
        [
            ("45º", 45, 45, "exact", "ordinal"),
            ("30 %", 30, 30, "exact", "percentage"),
            ("14 años de edad", 14, 14, "exact", "age"),
        ],
    ),
    (
        "Uno de los guardias murió y un oficial huyó.",
        [
            ("Uno", 1, 1, "exact", "quantity"),
        ],
    ),
]

RU_CASES: list[tuple[str, list[Exp]]] = [
    (
        "Полмиллиона человек бежали, соотношение 1:2.",
        [
            ("Полмиллиона", 500000, 500000, "exact", "quantity"),
            ("1", 1, 1, "exact", "other"),
            ("2", 2, 2, "exact", "other"),
        ],
    ),
    (
        "Полторы тысячи беженцев, трое детей и пятеро взрослых, 4-х человек.",
        [
            ("Полторы тысячи", 1500, 1500, "exact", "quantity"),
            ("трое", 3, 3, "exact", "quantity"),
            ("пятеро", 5, 5, "exact", "quantity"),
            ("4", 4, 4, "exact", "quantity"),
        ],
    ),
    (
        "Более 3 500 беженцев пересекли границу 12 мая.",
        [
            ("Более 3 500", 3500, None, "more_than", "quantity"),
            ("12", 12, 12, "exact", "day"),
        ],
    ),
    (
        "Погибли около 2 000 солдат и примерно 650 мирных жителей.",
        [
            ("около 2 000", 2000, 2000, "approx", "quantity"),
            ("примерно 650", 650, 650, "approx", "quantity"),
        ],
    ),
    (
        "Пострадавшие: от 1 500 до 4 000 человек, по другим данным от 7 до 11 тыс.",
        [
            ("от 1 500 до 4 000", 1500, 4000, "range", "quantity"),
            ("от 7 до 11 тыс.", 7000, 11000, "range", "quantity"),
        ],
    ),
    (
        "Не менее 45 человек погибли, лишь 12 выжили.",
        [
            ("Не менее 45", 45, None, "at_least", "quantity"),
            ("лишь 12", 12, 12, "exact", "quantity"),
        ],
    ),
    (
        "До 6 500 человек были эвакуированы в 1941 году.",
        [
            ("До 6 500", None, 6500, "at_most", "quantity"),
            ("1941 году", 1941, 1941, "exact", "year"),
        ],
    ),
    (
        "Тысячи бежали, сотни тысяч остались без крова, десятки пропали без вести.",
        [
            ("Тысячи", 1000, None, "vague", "quantity"),
            ("сотни тысяч", 100000, None, "vague", "quantity"),
            ("десятки", 10, None, "vague", "quantity"),
        ],
    ),
    (
        "Наводнение унесло многотысячные стада, пострадали десятки сёл.",
        [
            ("многотысячные", 1000, None, "vague", "quantity"),
            ("десятки", 10, None, "vague", "quantity"),
        ],
    ),
    (
        "Двадцать одного пленного освободили, сорок три были ранены.",
        [
            ("Двадцать одного", 21, 21, "exact", "quantity"),
            ("сорок три", 43, 43, "exact", "quantity"),
        ],
    ),
    (
        "Осада длилась пять недель, 107 лет назад; на третий день погибли 275 человек.",
        [
            ("пять недель", 5, 5, "exact", "duration"),
            ("107 лет назад", 107, 107, "exact", "duration"),
            ("третий", None, None, "exact", "ordinal"),
            ("275", 275, 275, "exact", "quantity"),
        ],
    ),
    (
        "В возрасте от 12 до 70 лет, 14-летний мальчик, в 1870-х годах, до 30% домов, 4-й доклад [3].",
        [
            ("В возрасте от 12 до 70 лет", 12, 70, "range", "age"),
            ("14-летний", 14, 14, "exact", "age"),
            ("1870-х", 1870, 1870, "exact", "decade"),
            ("до 30%", None, 30, "at_most", "percentage"),
            ("4-й", 4, 4, "exact", "ordinal"),
            ("[3]", None, None, "exact", "citation"),
        ],
    ),
    (
        "Примерно 2,5 млн человек, с 14 по 15 марта, в 11:30.",
        [
            ("Примерно 2,5 млн", 2500000, 2500000, "approx", "quantity"),
            ("14", 14, 14, "exact", "day"),
            ("15", 15, 15, "exact", "day"),
            ("11:30", None, None, "exact", "time_of_day"),
        ],
    ),
]

TABLES = {"en": EN_CASES, "fr": FR_CASES, "de": DE_CASES, "es": ES_CASES, "ru": RU_CASES}
MIN_CASES = {"en": 15, "fr": 15, "de": 10, "es": 10, "ru": 10}


def _params() -> list[object]:
    return [
        pytest.param(lang, text, expected, id=f"{lang}-{i}")
        for lang, table in TABLES.items()
        for i, (text, expected) in enumerate(table)
    ]


@pytest.mark.parametrize(("lang", "text", "expected"), _params())
def test_examples(lang: str, text: str, expected: list[Exp]) -> None:
    assert _summary(text, lang) == expected


def test_tables_are_large_enough() -> None:
    for lang, table in TABLES.items():
        assert len(table) >= MIN_CASES[lang], lang


@pytest.mark.parametrize(("lang", "text", "expected"), _params())
def test_offsets_point_into_text(lang: str, text: str, expected: list[Exp]) -> None:
    for m in find_numbers(text, lang):
        assert text[m.start : m.end] == m.text
        assert m.start <= m.num_start < m.num_end <= m.end


# -- known failures: a fix flips these to XPASS, which fails the run (strict) ----------------
KNOWN_FAILURES = [
    # A year-shaped count followed by a noun outside ``quantity_nouns`` reads as a year.
    ("en", "The registry listed 1800 names in 1800.", ("1800", "quantity")),
    ("en", "Militias killed 2000 Armenians there.", ("2000", "quantity")),
    # "de 14 ans" after a person noun is an age, but only the unit is seen: a duration.
    ("fr", "Un garçon de 14 ans a été retrouvé.", ("14 ans", "age")),
    # "unter" as "among" is read as "fewer than".
    ("de", "Unter 200 Gästen war ein Arzt.", ("200", "quantity", "exact")),
    # "1,000s" (plural of a digit number) is a vague "thousands".
    ("en", "They lost 1,000s of homes.", ("1,000s", "quantity", "vague")),
]


@pytest.mark.xfail(strict=True, reason="known limitation, see KNOWN_FAILURES")
@pytest.mark.parametrize(("lang", "text", "want"), KNOWN_FAILURES)
def test_known_failures(lang: str, text: str, want: tuple[str, ...]) -> None:
    ms = find_numbers(text, lang)
    hits = [m for m in ms if m.text == want[0] and m.role == want[1]]
    assert hits
    if len(want) > 2:
        assert hits[0].qualifier == want[2]


# -- API details -----------------------------------------------------------------------------
def test_start_end_window() -> None:
    text = "Over 500 fled. About 300 stayed. Nearly 90 returned."
    ms = find_numbers(text, "en", start=15, end=33)
    assert [(m.text, m.low) for m in ms] == [("About 300", 300)]
    assert all(m.start >= 15 and m.end <= 33 for m in ms)


def test_mention_is_frozen() -> None:
    m = find_numbers("Some 40 people", "en")[0]
    assert isinstance(m, NumberMention)
    with pytest.raises(AttributeError):
        m.low = 3  # type: ignore[misc]


def test_enumerations_and_identifiers_are_not_counts() -> None:
    text = "1. Scope\n2) Method\nISBN 978-3-16-148410-0 lists 12 names; COVID-19 and UTC+3."
    assert [(m.text, m.role) for m in find_numbers(text, "en")] == [
        ("1.", "other"),
        ("2)", "other"),
        ("978-3-16-148410-0", "other"),
        ("12", "quantity"),
        ("19", "other"),
        ("3", "other"),
    ]


def test_articles_count_only_when_contrasted() -> None:
    # "un officier" alone is an article; after "trois officiers" it is a count of one
    assert find_numbers("Un officier a fui.", "fr") == []
    ms = find_numbers("Trois officiers ont été arrêtés ; un officier a fui.", "fr")
    assert [(m.text, m.low) for m in ms] == [("Trois", 3), ("un", 1)]


def test_unknown_language_reads_digits() -> None:
    assert [(m.low, m.role) for m in find_numbers("12,500 ... 1999", "xx")] == [
        (12500, "quantity"),
        (1999, "year"),
    ]


def test_narrow_and_thin_space_grouping() -> None:
    for sep in ("\u00a0", "\u202f", "\u2009"):
        text = f"plus de 12{sep}500 personnes"
        (m,) = find_numbers(text, "fr")
        assert (m.low, m.high, m.qualifier) == (12500, None, "more_than")


# -- data files ------------------------------------------------------------------------------
def _lang_dirs() -> list[str]:
    root = resources.files("rashomon").joinpath("data/lang")
    return sorted(p.name for p in root.iterdir() if p.joinpath("numbers.json").is_file())


def test_all_five_languages_have_data() -> None:
    assert {"en", "fr", "de", "es", "ru"} <= set(_lang_dirs())


@pytest.mark.parametrize("lang", _lang_dirs())
def test_data_file_schema(lang: str) -> None:
    ref = resources.files("rashomon").joinpath(f"data/lang/{lang}/numbers.json")
    data = json.loads(ref.read_text(encoding="utf-8"))
    assert data["lang"] == lang
    missing = set(REQUIRED_KEYS) - set(data)
    assert not missing, missing
    for key, typ in REQUIRED_KEYS.items():
        assert isinstance(data[key], typ), key
    for phrase, q in data["qualifiers"].items():
        assert q in QUALIFIERS, phrase
    for phrase, q in data["post_qualifiers"].items():
        assert q in QUALIFIERS, phrase
    for phrase, (value, q) in data["phrases"].items():
        assert isinstance(value, int) and q in QUALIFIERS, phrase
    for table in ("multipliers", "vague", "word_values", "scale_words"):
        assert all(isinstance(v, int) and v >= 0 for v in data[table].values()), table
    for pair in data["range_pairs"] + data["day_range_pairs"]:
        assert len(pair) == 2 and all(isinstance(w, str) and w for w in pair)
    assert data["word_engine"] in ("text2num", "table")
    if data["word_engine"] == "table":
        assert set(data["number_words"]) == set(data["word_values"]) | set(data["scale_words"])
    assert data["decimal_sep"] not in data["group_seps"] or data["decimal_sep"] == ","
    assert find_numbers("", lang) == []


# -- properties ------------------------------------------------------------------------------
_PIECES = [
    "12",
    "1918",
    "40,000",
    "40.000",
    "40 000",
    "3\u00a0500",
    "1,5",
    "2.5",
    "-",
    "–",
    " ",
    " ",
    "  ",
    ",",
    ".",
    "%",
    "[1]",
    "11:00",
    "4th",
    "4e",
    "4-й",
    "1990s",
    "more than",
    "plus de",
    "около",
    "bis zu",
    "al menos",
    "to",
    "à",
    "y",
    "und",
    "от",
    "до",
    "between",
    "and",
    "entre",
    "et",
    "thousands",
    "des milliers",
    "тысяч",
    "millones",
    "million",
    "days",
    "ans",
    "Jahre",
    "aged",
    "years ago",
    "March",
    "mars",
    "мая",
    "seven",
    "deux",
    "neun",
    "tres",
    "пять",
    "ein",
    "un",
    "people",
    "who",
    "http://x.org/12",
    "\n",
    "'",
    "’",
    "°",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=30),
    st.sampled_from(["en", "fr", "de", "es", "ru"]),
)
def test_spans_are_exact_and_disjoint(pieces: list[str], lang: str) -> None:
    text = "".join(pieces)
    ms = find_numbers(text, lang)
    last = 0
    for m in ms:
        assert text[m.start : m.end] == m.text
        assert m.start <= m.num_start <= m.num_end <= m.end
        assert m.start >= last
        last = m.end
        assert m.role in ROLES
        assert m.qualifier in QUALIFIERS
        if m.role == "quantity" and m.qualifier in ("more_than", "at_least", "vague"):
            assert m.low is not None and m.high is None
        if m.role == "quantity" and m.qualifier in ("less_than", "at_most"):
            assert m.low is None and m.high is not None
        if m.role == "quantity" and m.qualifier in ("exact", "approx"):
            assert m.low == m.high
        if m.qualifier == "range" and m.low is not None and m.high is not None:
            assert m.low < m.high


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["en", "fr", "de", "es", "ru"]))
def test_arbitrary_text_never_breaks(text: str, lang: str) -> None:
    last = 0
    for m in find_numbers(text, lang):
        assert text[m.start : m.end] == m.text
        assert m.start >= last
        last = m.end


# -- the shared gold (read-only, outside the repository) --------------------------------------
from tests.conftest import CORPUS, GOLD, first_dev_set, needs_shared  # noqa: E402


def _doc_langs(split: str) -> dict[str, str]:
    with (CORPUS / split / "SOURCES.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    head = rows[0]
    col = next(i for i, h in enumerate(head) if h.startswith("lang"))
    return {r[0]: r[col] for r in rows[1:] if len(r) > col}


def _gold_scores(split: str, first_only: bool = False) -> dict[str, float]:
    langs = _doc_langs(split)
    found: dict[str, tuple[str, list[NumberMention]]] = {}
    n_fig = hit = val = qual = n_not = bad = 0
    for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["kind"] not in ("figure", "not_figure"):
            continue
        if first_only and not first_dev_set(r["doc"]):
            continue
        if r["doc"] not in found:
            text = (CORPUS / split / r["doc"]).read_text(encoding="utf-8")
            found[r["doc"]] = (text, find_numbers(text, langs[r["doc"]]))
        text, ms = found[r["doc"]]
        assert text[r["start"] : r["end"]] == r["anchor"]
        q = [m for m in ms if m.role == "quantity" and m.start < r["end"] and m.end > r["start"]]
        if r["kind"] == "not_figure":
            n_not += 1
            bad += bool(q)
            continue
        n_fig += 1
        if not q:
            continue
        hit += 1
        m = q[0]
        if "low_in" in r:
            low_ok = m.low is not None and r["low_in"][0] <= m.low <= r["low_in"][1]
        else:
            low_ok = m.low == r["low"]
        val += low_ok and m.high == r["high"]
        qual += m.qualifier == r["qualifier"] or m.qualifier in r.get("qualifier_ok", [])
    return {
        "recall": hit / n_fig,
        "value": val / max(hit, 1),
        "qualifier": qual / max(hit, 1),
        "not_figure_as_quantity": bad,
    }


# Floors are what the finder achieves today; ratchet them up, never down.
FLOORS = {
    "seeds": {"recall": 1.0, "value": 1.0, "qualifier": 1.0, "not_figure_as_quantity": 0},
    # dev not-figures still read as quantities: counted things that are not people ("two
    # sides", "one cistern", "six rural counties", "more than 80 graves", "centenares de
    # fosas"); the measure stage is the one to drop them.
    "dev-first": {"recall": 1.0, "value": 1.0, "qualifier": 1.0, "not_figure_as_quantity": 6},
    # All 38 dev documents (measured 2026-12-07): wire copy, misprints, datelines.
    "dev": {"recall": 0.986, "value": 0.95, "qualifier": 0.972, "not_figure_as_quantity": 29},
}


@needs_shared
@pytest.mark.parametrize("split", ["seeds", "dev-first", "dev"])
def test_gold_floors(split: str) -> None:
    s = _gold_scores(split.split("-")[0], first_only=split.endswith("-first"))
    floor = FLOORS[split]
    assert s["recall"] >= floor["recall"], s
    assert s["value"] >= floor["value"], s
    assert s["qualifier"] >= floor["qualifier"], s
    assert s["not_figure_as_quantity"] <= floor["not_figure_as_quantity"], s


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("en", "Several hundred thousand fled.", ("Several hundred thousand", 200000)),
        ("en", "A few hundred thousand fled.", ("A few hundred thousand", 100000)),
        ("fr", "Plusieurs centaines de villageois ont fui.", ("Plusieurs centaines", 200)),
        ("es", "Varios miles de vecinos huyeron.", ("Varios miles", 2000)),
        ("de", "Mehrere Tausend Bauern flohen.", ("Mehrere Tausend", 2000)),
        ("ru", "Бежали несколько сотен тысяч крестьян.", ("несколько сотен тысяч", 200000)),
    ],
)
def test_several_is_at_least_two_units(lang: str, text: str, want: tuple[str, int]) -> None:
    """ "Several hundred" is two hundreds at least; "a few" and bare plurals bound no higher."""
    [got] = [(m.text, m.low) for m in find_numbers(text, lang) if m.role == "quantity"]
    assert got == want
