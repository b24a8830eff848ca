"""A generated corpus of FICTIONAL documents for scale benchmarks (never stored in the repo).

    python bench/gen_corpus.py 100000 /tmp/corpus.parquet

Every document is invented from templates written for this benchmark: episodes of violence
that never happened, reported by invented committees and officials, in English, French,
German and Spanish; each episode is told by several documents that disagree on the figures,
as real collections do.  Places are large modern cities from rashomon's gazetteer, so the
places, countries and blocking the aligner sees are realistic; the events are not.  The
output is a Parquet documents table (id, text, lang, date, url, publisher) for
``rashomon ingest --format parquet`` or a Ray run straight from Parquet.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path
from typing import Any

MARK = {
    "en": "[FICTIONAL GENERATED DOCUMENT: invented for rashomon's benchmark; no real events.]",
    "fr": "[DOCUMENT FICTIF GÉNÉRÉ pour le banc d'essai de rashomon ; aucun fait réel.]",
    "de": "[FIKTIVES GENERIERTES DOKUMENT für rashomons Benchmark; keine realen Ereignisse.]",
    "es": "[DOCUMENTO FICTICIO GENERADO para el banco de pruebas de rashomon; nada real.]",
}
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
}
SPEAKERS = {
    "en": ["the Northern Relief Committee", "the provincial governor", "a local monitor"],
    "fr": ["le Comité de secours du Nord", "le gouverneur de la province", "un observateur"],
    "de": ["des Nordhilfe-Komitees", "des Provinzgouverneurs", "eines Beobachters"],
    "es": ["el Comité de Socorro del Norte", "el gobernador provincial", "un observador local"],
}
DISTRICTS = ["Oldmarket", "Riverside", "Hillgate", "Eastbank", "Millbrook", "Stonebridge"]
FILLER = {
    "en": [
        "Witnesses described a long night of fear.",
        "Roads out of the city were closed for several days.",
        "Schools and markets stayed shut while the dead were buried.",
        "The authorities promised an inquiry whose results were never published.",
    ],
    "fr": [
        "Des témoins ont décrit une longue nuit de peur.",
        "Les routes ont été fermées pendant plusieurs jours.",
        "Les écoles et les marchés sont restés fermés.",
        "Les autorités ont promis une enquête dont les résultats n'ont jamais été publiés.",
    ],
    "de": [
        "Zeugen beschrieben eine lange Nacht voller Angst.",
        "Die Straßen aus der Stadt blieben tagelang gesperrt.",
        "Schulen und Märkte blieben geschlossen.",
        "Die Behörden versprachen eine Untersuchung, deren Ergebnisse nie veröffentlicht wurden.",
    ],
    "es": [
        "Los testigos describieron una larga noche de miedo.",
        "Las carreteras permanecieron cerradas durante varios días.",
        "Las escuelas y los mercados siguieron cerrados.",
        "Las autoridades prometieron una investigación cuyos resultados nunca se publicaron.",
    ],
}


BACKGROUND = {
    "en": [
        "The district had been calm for years before that season.",
        "Trade along the river road had slowed since the spring.",
        "Several families had moved away in the months before.",
        "Local newspapers printed little about the tension at the time.",
        "Older residents remembered an earlier dispute over land and water.",
        "The city council met twice but reached no decision.",
        "Officials later disagreed about who had given the orders.",
        "Relief workers arrived with food and blankets a week later.",
    ],
    "fr": [
        "Le quartier était calme depuis des années avant cette saison.",
        "Le commerce sur la route du fleuve avait ralenti depuis le printemps.",
        "Plusieurs familles étaient parties dans les mois précédents.",
        "La presse locale parlait peu des tensions à l'époque.",
        "Les anciens se souvenaient d'un conflit plus ancien sur la terre et l'eau.",
        "Le conseil municipal s'est réuni deux fois sans rien décider.",
        "Les responsables se sont ensuite contredits sur l'origine des ordres.",
        "Les secours sont arrivés une semaine plus tard avec des vivres.",
    ],
    "de": [
        "Das Viertel war vor jener Zeit jahrelang ruhig gewesen.",
        "Der Handel an der Flussstraße war seit dem Frühjahr zurückgegangen.",
        "Mehrere Familien waren in den Monaten davor weggezogen.",
        "Die Lokalzeitungen berichteten damals kaum über die Spannungen.",
        "Ältere Bewohner erinnerten sich an einen früheren Streit um Land und Wasser.",
        "Der Stadtrat tagte zweimal, ohne etwas zu beschließen.",
        "Die Behörden widersprachen sich später darüber, wer die Befehle gegeben hatte.",
        "Helfer kamen eine Woche später mit Lebensmitteln und Decken.",
    ],
    "es": [
        "El barrio había estado tranquilo durante años antes de aquella temporada.",
        "El comercio en el camino del río había disminuido desde la primavera.",
        "Varias familias se habían marchado en los meses anteriores.",
        "La prensa local apenas habló de la tensión en aquel momento.",
        "Los mayores recordaban una disputa anterior por la tierra y el agua.",
        "El concejo municipal se reunió dos veces sin decidir nada.",
        "Las autoridades discreparon después sobre quién dio las órdenes.",
        "Los equipos de ayuda llegaron una semana después con víveres.",
    ],
}


def _num(n: int, lang: str) -> str:
    text = f"{n:,}"
    return {"en": text, "fr": text.replace(",", "\u202f"), "de": text.replace(",", ".")}.get(
        lang, text.replace(",", ".")
    )


def _date(day: dt.date, lang: str, vague: bool) -> str:
    month = MONTHS[lang].split()[day.month - 1]
    if vague:
        return {
            "en": f"In {month} {day.year}",
            "fr": f"En {month} {day.year}",
            "de": f"Im {month} {day.year}",
            "es": f"En {month} de {day.year}",
        }[lang]
    return {
        "en": f"On {day.day} {month} {day.year}",
        "fr": f"Le {day.day} {month} {day.year}",
        "de": f"Am {day.day}. {month} {day.year}",
        "es": f"El {day.day} de {month} de {day.year}",
    }[lang]


def _sentences(
    lang: str, place: str, district: str, when: str, figs: list[int], rng: Any
) -> list[str]:
    who, other = rng.sample(SPEAKERS[lang], 2)
    k, w, h, f = (_num(x, lang) for x in figs)
    return {
        "en": [
            f"{when}, armed men attacked the {district} district of {place}.",
            f"According to {who}, at least {k} people were killed and about {w} were wounded.",
            f"{other[0].upper() + other[1:]} said {h} houses were destroyed in {place}.",
            f"Some {f} residents fled the city.",
        ],
        "fr": [
            f"{when}, des hommes armés ont attaqué le quartier {district} de {place}.",
            f"Selon {who}, au moins {k} personnes ont été tuées et environ {w} blessées.",
            f"Plus de {h} maisons ont été détruites à {place}, selon {other}.",
            f"Quelque {f} habitants ont fui la ville.",
        ],
        "de": [
            f"{when} griffen Bewaffnete den Stadtteil {district} von {place} an.",
            f"Nach Angaben {who} wurden mindestens {k} Menschen getötet und etwa {w} verletzt.",
            f"Mehr als {h} Häuser in {place} wurden zerstört, so die Angaben {other}.",
            f"Rund {f} Einwohner flohen aus der Stadt.",
        ],
        "es": [
            f"{when}, hombres armados atacaron el barrio {district} de {place}.",
            f"Según {who}, al menos {k} personas murieron y unas {w} resultaron heridas.",
            f"Más de {h} casas fueron destruidas en {place}, según {other}.",
            f"Unos {f} vecinos huyeron de la ciudad.",
        ],
    }[lang]


def places() -> list[str]:
    from rashomon.extract.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    found = {
        p.name
        for p in (gaz.place(i) for i in range(len(gaz)))
        if p.source == "geonames"
        and p.kind != "country"
        and (p.population or 0) > 800_000
        and p.name.isascii()
        and " " not in p.name
    }
    return sorted(found)


def generate(n_docs: int, seed: int = 7, docs_per_episode: float = 4.0) -> dict[str, list[Any]]:
    rng = random.Random(seed)
    cities = places()
    episodes = []
    for _ in range(max(1, int(n_docs / docs_per_episode))):
        day = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(70 * 365))
        toll = int(rng.lognormvariate(4.5, 1.3)) + 3
        episodes.append((rng.choice(cities), rng.choice(DISTRICTS), day, toll))
    cols: dict[str, list[Any]] = {k: [] for k in ("id", "text", "lang", "date", "url", "publisher")}
    for i in range(n_docs):
        place, district, day, toll = rng.choice(episodes)
        lang = rng.choice(["en", "en", "fr", "de", "es"])
        vague = rng.random() < 0.2
        figs = [
            max(1, int(toll * rng.uniform(0.4, 2.5))),
            max(1, int(toll * rng.uniform(0.5, 3))),
            max(1, int(toll * rng.uniform(0.2, 1.5))),
            max(10, int(toll * rng.uniform(5, 40))),
        ]
        body = _sentences(lang, place, district, _date(day, lang, vague), figs, rng)
        fill = rng.sample(FILLER[lang], rng.randint(1, 4))
        paragraphs = [MARK[lang], " ".join(body[:2] + fill[:1]), " ".join(body[2:] + fill[1:])]
        # Background without figures, as most of a real article is: 0.5-3 KB more text.
        for _ in range(rng.randint(1, 5)):
            paragraphs.append(" ".join(rng.choices(BACKGROUND[lang], k=rng.randint(3, 6))))
        published = day + dt.timedelta(days=rng.randint(1, 900))
        cols["id"].append(f"gen-{i:07d}")
        cols["text"].append("\n\n".join(paragraphs) + "\n")
        cols["lang"].append(lang)
        cols["date"].append(published.isoformat())
        cols["url"].append(None)
        cols["publisher"].append(f"Generated Wire {i % 37} (fictional)")
    return cols


def write(n_docs: int, path: Path, seed: int = 7) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(generate(n_docs, seed)), path, row_group_size=5_000)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write(args.n, args.out, args.seed)


if __name__ == "__main__":
    main()
