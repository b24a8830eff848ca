"""The per-language extraction data files: complete, well-typed, and every pattern compiles."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from rashomon.extract.claims import EVENT_TYPE_OF_MEASURE
from rashomon.extract.claims import EVENT_TYPES as ALL_EVENT_TYPES
from rashomon.extract.lexicon import available_languages, lexicon, pattern_regex

LANGS = available_languages()
MEASURES = set(EVENT_TYPE_OF_MEASURE)
EVENT_TYPES = set(ALL_EVENT_TYPES)
LISTS = (
    "abbreviations",
    "partitive",
    "agent_markers",
    "combatant_links",
    "population_links",
    "victim_markers",
    "subset_markers",
    "passive_aux",
    "determiners",
    "coordinators",
    "proximity_markers",
    "anaphora_starts",
)
ATTRIBUTION = (
    "prepositional",
    "nominal",
    "verbs",
    "nouns_as_source",
    "unnamed",
    "clause_breaks",
    "continuation_starts",
    "not_cues",
)


def _data(lang: str) -> dict[str, object]:
    path = resources.files("rashomon") / "data" / "lang" / lang / "extract.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def test_the_five_languages_have_data() -> None:
    assert {"en", "fr", "de", "es", "ru"} <= set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_data_file_is_complete(lang: str) -> None:
    data = _data(lang)
    for key in LISTS:
        assert isinstance(data[key], list) and all(isinstance(w, str) for w in data[key]), key
    attribution = data["attribution"]
    assert isinstance(attribution, dict)
    for key in ATTRIBUTION:
        assert isinstance(attribution[key], list), key
    measures = data["measures"]
    assert isinstance(measures, list)
    assert {m["measure"] for m in measures} <= MEASURES
    assert {m["event_type"] for m in measures} <= EVENT_TYPES
    assert {"killed", "injured", "displaced", "detained", "destroyed"} <= {
        m["measure"] for m in measures
    }
    events = data["events"]
    assert isinstance(events, list) and {e["event_type"] for e in events} <= EVENT_TYPES
    heads = data["head_nouns"]
    assert isinstance(heads, dict)
    assert set(heads["measure_nouns"]) <= MEASURES
    assert isinstance(data["subject_before_verb"], bool)


@pytest.mark.parametrize("lang", LANGS)
def test_every_pattern_compiles_and_matches_itself(lang: str) -> None:
    lex = lexicon(lang)
    assert lex is not None
    data = _data(lang)
    for measure in data["measures"]:  # type: ignore[attr-defined]
        for pattern in measure["patterns"]:
            sample = pattern.replace("*", "")
            if " " in pattern and "*" in pattern.split()[1:-1]:
                continue  # a wildcard word in the middle needs a real word there
            assert re.fullmatch(pattern_regex(pattern), sample, re.I), (lang, pattern)
