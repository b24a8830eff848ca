"""Export time and peak memory on a store of 1,000,000 claims, in every format.

    python bench/bench_export.py                          # 1,000,000 claims
    python bench/bench_export.py --claims 100000 --db /tmp/bench-export.db --keep

The store is generated, not extracted: 50 claims per document (one sentence each, with a
figure, a date, a gazetteer place, a speaker, a perpetrator and a victim group at exact
offsets, so the RDF selectors cut real text), and every 5 documents share 25 events of 10
claims, built with ``rashomon.align.events.make_event`` (estimates, disputes and all).  Each
export then runs as ``rashomon export`` in its own process; its wall time, CPU time and peak
RSS are its own (``os.wait4``).  The store is generated in a separate process too: Linux
carries a parent's peak RSS over to the children it forks, so the process that spawns the
exports must stay small.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

CLAIMS_PER_DOC = 50
DOCS_PER_GROUP = 5
EVENTS_PER_GROUP = 25
SPEAKERS = ["the Relief Committee", "the town council", "a local official", None, None]
GROUPS = ["the Harrow Guard", "armed bands", "the river militia"]
VICTIMS = ["villagers", "refugees", "workers"]
MEASURES = [("killed", "killed"), ("wounded", "injured"), ("displaced", "displaced")]

RUNS = [
    ("jsonl", "claims"),
    ("parquet", "claims"),
    ("jsonld", "claims"),
    ("turtle", "claims"),
    ("ged-csv", "events"),
    ("parquet", "events"),
]


def _sentence(rng: random.Random, event: int) -> tuple[str, dict[str, Any]]:
    """One invented sentence and the claim fields with offsets into it."""
    erng = random.Random(event)  # every source of one event speaks of the same day and place
    day = f"{erng.randint(1, 28)} May {erng.randint(1900, 2020)}"
    place = PLACES[erng.randrange(len(PLACES))]
    word, measure = MEASURES[erng.randrange(len(MEASURES))]
    speaker = rng.choice(SPEAKERS)
    n = int(erng.lognormvariate(5, 1.2) * rng.uniform(0.5, 2)) + 1
    parts: list[tuple[str, str | None]] = [("On ", None), (day, "time"), (", ", None)]
    if speaker:
        parts += [("according to ", "cue"), (speaker, "speaker"), (", ", None)]
    parts += [
        (f"about {n}", "value"),
        (" ", None),
        (rng.choice(VICTIMS), "victims"),
        (f" were {word} in ", None),
        (place.name, "place"),
        (" by ", None),
        (rng.choice(GROUPS), "perpetrator"),
        (".", None),
    ]
    spans: dict[str, tuple[int, int, str]] = {}
    text = ""
    for chunk, role in parts:
        if role:
            spans[role] = (len(text), len(text) + len(chunk), chunk)
        text += chunk
    if "cue" in spans:
        spans["cue"] = (
            spans["cue"][0],
            spans["speaker"][1],
            text[spans["cue"][0] : spans["speaker"][1]],
        )
    year = day.rsplit(" ", 1)[1]
    iso = f"{year}-05-{int(day.split()[0]):02d}"
    fields = {
        "measure": measure,
        "n": n,
        "iso": iso,
        "place": place,
        "spans": spans,
    }
    return text, fields


def _claim(doc_id: str, path: str, offset: int, text: str, f: dict[str, Any]) -> dict[str, Any]:
    from rashomon.extract.claims import EXTRACTOR, claim_id

    spans = f["spans"]

    def at(role: str) -> tuple[int, int, str]:
        s, e, words = spans[role]
        return s + offset, e + offset, words

    vs, ve, vt = at("value")
    ts, te, tt = at("time")
    ps, pe, pt = at("place")
    gs, ge, gt = at("perpetrator")
    ws, we, wt = at("victims")
    attribution = None
    if "speaker" in spans:
        cs, ce, ct = at("cue")
        attribution = {"speaker": spans["speaker"][2], "text": ct, "start": cs, "end": ce}
    place = f["place"]
    return {
        "id": claim_id(doc_id, "figure", vs, ve),
        "doc": {"id": doc_id, "path": path, "lang": "en", "date": None},
        "kind": "figure",
        "event_type": "killing" if f["measure"] == "killed" else "other",
        "measure": f["measure"],
        "value": {
            "low": f["n"],
            "high": f["n"],
            "qualifier": "approx",
            "text": vt,
            "start": vs,
            "end": ve,
        },
        "unit": "people",
        "time": {
            "start": f["iso"],
            "end": f["iso"],
            "precision": "day",
            "text": tt,
            "start_char": ts,
            "end_char": te,
            "source": "explicit",
        },
        "places": [
            {
                "text": pt,
                "name": place.name,
                "id": place.id,
                "kind": place.kind,
                "lat": place.lat,
                "lon": place.lon,
                "start": ps,
                "end": pe,
            }
        ],
        "perpetrators": [
            {"text": gt, "name": gt, "id": None, "start": gs, "end": ge, "basis": "sentence"}
        ],
        "victims": [{"text": wt, "name": wt, "start": ws, "end": we, "basis": "sentence"}],
        "attribution": attribution,
        "evidence": {"start": offset, "end": offset + len(text), "quote": text},
        "framing": [],
        "framing_own_voice": [],
        "confidence": 0.8,
        "notes": [],
        "extractor": EXTRACTOR,
    }


PLACES: list[Any] = []


def generate(db: Path, n_claims: int, seed: int = 7) -> dict[str, int]:
    from rashomon import Document, Store
    from rashomon.extract.claims import EXTRACTOR
    from rashomon.extract.gazetteer import Gazetteer

    rng = random.Random(seed)
    gaz = Gazetteer.load()
    for i in rng.sample(range(len(gaz)), len(gaz)):
        place = gaz.place(i)
        if place.kind == "city":
            PLACES.append(place)
            if len(PLACES) == 500:
                break
    n_docs = max(DOCS_PER_GROUP, n_claims // CLAIMS_PER_DOC)
    members: dict[int, list[dict[str, Any]]] = {}
    n_events = 0
    with Store(db) as store:
        for d in range(n_docs):
            group = d // DOCS_PER_GROUP
            header = f"[GENERATED BENCHMARK DOCUMENT {d}: invented, no real events.]\n"
            sentences, fields = [], []
            for j in range(CLAIMS_PER_DOC):
                event = group * EVENTS_PER_GROUP + j // 2
                sentence, f = _sentence(rng, event)
                f["event"] = event
                sentences.append(sentence)
                fields.append(f)
            text = header + " ".join(sentences) + "\n"
            path = f"bench/doc{d:07d}.txt"
            doc = Document(
                text=text,
                path=path,
                media_type="text/plain",
                lang="en",
                publisher=f"Bench Desk {d % 40}",
                date="2021-03-04",
            )
            doc_id = store.add_document(doc).doc_id
            offset = len(header)
            claims = []
            for sentence, f in zip(sentences, fields, strict=True):
                claims.append(_claim(doc_id, path, offset, sentence, f))
                members.setdefault(f["event"], []).append(claims[-1])
                offset += len(sentence) + 1
            store.replace_claims(doc_id, claims, EXTRACTOR)
            if (d + 1) % DOCS_PER_GROUP == 0 or d == n_docs - 1:
                _flush_events(members)
                n_events += len(members)
                members.clear()
    return {"documents": n_docs, "claims": n_docs * CLAIMS_PER_DOC, "events": n_events}


_EVENTS: list[dict[str, Any]] = []
_ASSIGN: dict[str, str] = {}


def _flush_events(members: dict[int, list[dict[str, Any]]]) -> None:
    """Events are saved in large batches: save_events rewrites every assignment."""
    from rashomon.align.events import make_event

    for claims in members.values():
        event = make_event(claims)
        event["dispute_ratio"] = 1.5
        _EVENTS.append(event)
        for c in claims:
            _ASSIGN[c["id"]] = event["id"]


def _save_events(db: Path) -> None:
    from rashomon import Store

    with Store(db) as store:
        store.save_events(_EVENTS, [], _ASSIGN)
    _EVENTS.clear()
    _ASSIGN.clear()


def run_export(db: Path, fmt: str, what: str, out: Path) -> dict[str, Any]:
    cmd = [
        sys.executable,
        "-m",
        "rashomon.cli.main",
        "export",
        "--format",
        fmt,
        "--what",
        what,
        "--db",
        str(db),
        "--out",
        str(out),
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    if status != 0:
        raise SystemExit(f"{fmt} {what} failed: {err}")
    return {
        "format": fmt,
        "what": what,
        "seconds": round(wall, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "size_mb": round(out.stat().st_size / 1e6, 1),
        "message": err.strip(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench-export.db"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/bench-export-out"))
    parser.add_argument("--keep", action="store_true", help="reuse the store if it exists")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--runs",
        nargs="*",
        default=[f"{fmt}:{what}" for fmt, what in RUNS],
        help="format:what pairs to run [default: all]",
    )
    parser.add_argument("--generate-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate_only:
        start = time.perf_counter()
        sizes = generate(args.db, args.claims)
        _save_events(args.db)
        print(
            f"generated {sizes} in {time.perf_counter() - start:.0f} s, "
            f"{args.db.stat().st_size / 1e6:.0f} MB",
            flush=True,
        )
        return
    if not (args.keep and args.db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
        command = [sys.executable, __file__, "--generate-only", "--claims", str(args.claims)]
        subprocess.run([*command, "--db", str(args.db)], check=True)
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for run in args.runs:
        fmt, _, what = run.partition(":")
        ext = {"ged-csv": "csv", "turtle": "ttl"}.get(fmt, fmt)
        result = run_export(args.db, fmt, what, args.out / f"{what}.{ext}")
        results.append(result)
        print(json.dumps(result), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
