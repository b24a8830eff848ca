"""Speakers in Russian word order: a reporting verb after a comma with its subject after it
("..., сказал прокурор"), and a place-and-verb phrase after a "по данным X," cue, which is no
new source (gapping).  Invented sentences, as written and upper-cased."""

from __future__ import annotations

import pytest

from rashomon.extract.pipeline import parse


def _speakers(text: str, lang: str) -> list[str | None]:
    parsed = parse(text, lang)
    assert parsed is not None
    return [(c.attribution or {}).get("speaker") for c in parsed.claims if c.kind == "figure"]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("ru", "Опознаны тела девяти погибших, сказал прокурор.", ["прокурор"]),
        ("ru", "В Остерло погибли 12 человек, заявил губернатор области.", ["губернатор области"]),
        ("ru", "По данным горсовета, в Остерло погиб 41 человек.", ["горсовета"]),
        (
            "ru",
            "Напомним, по данным горсовета, в ходе беспорядков погиб 41 человек.",
            ["горсовета"],
        ),
    ],
)
def test_the_speaker_is_the_source_not_a_fragment(lang: str, text: str, want: list[str]) -> None:
    for variant in (text, text.upper()):
        got = [str(s).casefold() if s else None for s in _speakers(variant, lang)]
        assert got == [w.casefold() for w in want], variant


def test_a_new_source_after_a_comma_still_takes_over_the_verb() -> None:
    text = "La ONU cuenta 1.200 muertos, la Cruz Roja unos 300."
    assert _speakers(text, "es") == ["La ONU", "la Cruz Roja"]
