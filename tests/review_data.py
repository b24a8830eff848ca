"""Invented documents and a helper that analyses them, shared by the review tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rashomon import Store, analyze

TEXTS = {
    "a.txt": "NORVIK, 2 May 1931 — About 300 people were killed in Brisk on 1 May 1931 "
    "by the Home Guard, officials said.\n",
    "b.txt": "The Brisk council said 900 people were killed in Brisk on 1 May 1931. "
    "Another 40 were wounded.\n",
    "c.txt": "In Brisk, 25 people were killed on 9 June 1931, according to a monitor.\n",
}


@dataclass
class Corpus:
    folder: Path
    #: claim id by (file, measure)
    claims: dict[tuple[str, str], str]
    #: event id holding each file's killed figure
    events: dict[str, str]


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build(store: Store, folder: Path) -> Corpus:
    analyze(store, [write_corpus(folder)])
    claims: dict[tuple[str, str], str] = {}
    for claim in store.current_claims():
        claims[(Path(claim["doc"]["path"]).name, str(claim["measure"]))] = claim["id"]
    assignments = store.event_assignments()
    events = {name: assignments[claims[(name, "killed")]] for name in TEXTS}
    assert events["a.txt"] == events["b.txt"] != events["c.txt"]
    return Corpus(folder, claims, events)
