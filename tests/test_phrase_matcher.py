"""The phrase matcher's word index finds exactly what its one regex finds."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.extract import lexicon
from rashomon.extract.lexicon import PhraseMatcher

_WORDS = ["shot", "shot dead", "killed", "kill*", "l'armée", "Armée", "dead", "ÉTÉ", "été tués"]


def _both(entries: list[tuple[str, int]], text: str) -> tuple[list[tuple[int, int, int]], ...]:
    # Short lists are indexed only when asked to (index_min=0): compare both ways of matching.
    out = []
    for index_min in (0, len(entries) + 1):
        m = PhraseMatcher(entries, index_min=index_min)
        out.append([(h.start, h.end, h.payload) for h in m.finditer(text)])
    return tuple(out)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6),
    st.lists(st.sampled_from([*_WORDS, "and", ",", "\n", "x", "L’ARMÉE", "KILLING"]), max_size=12),
)
def test_index_and_regex_agree(phrases: list[str], words: list[str]) -> None:
    entries = [(p, i) for i, p in enumerate(phrases)]
    text = " ".join(words)
    indexed, regex = _both(entries, text)
    assert indexed == regex


def test_index_is_used_for_long_lists_and_agrees_on_windows() -> None:
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(80)]
    entries = [
        (" ".join(rng.sample(vocab, rng.randint(1, 3))), i) for i in range(lexicon._INDEX_MIN)
    ]
    m = PhraseMatcher(entries)
    assert m._indexed
    text = " ".join(
        rng.choice(vocab).upper() if rng.random() < 0.2 else rng.choice(vocab) for _ in range(400)
    )
    for start, end in [(0, len(text)), (5, 300), (17, 18)]:
        fast = [(h.start, h.end) for h in m.finditer(text, start, end)]
        m._indexed = False
        slow = [(h.start, h.end) for h in m.finditer(text, start, end)]
        m._indexed = True
        assert fast == slow
        assert fast or (start, end) == (17, 18)


def test_a_phrase_opening_with_a_mark_keeps_the_regex() -> None:
    m = PhraseMatcher([("«selon", 1), *((f"p{i}", i) for i in range(lexicon._INDEX_MIN))])
    assert not m._indexed
    assert [h.payload for h in m.finditer("dit «selon lui")] == [1]
