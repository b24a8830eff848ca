"""Unseen, messy input never breaks extraction: any text, any supported language."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon.extract import parse

PIECES = st.sampled_from(
    [
        "12,000",
        "3 000",
        "1.200",
        "more than",
        "plus de",
        "über",
        "около",
        "unos",
        "killed",
        "tués",
        "getötet",
        "погибли",
        "muertos",
        "in Baku",
        "à Bakou",
        "according to",
        "selon",
        "laut",
        "по данным",
        "según",
        ", ",
        ". ",
        "; ",
        "\n",
        "\n\n",
        "(",
        ")",
        "—",
        "«",
        "»",
        "1918",
        "31 March",
        "15 et 17 septembre",
        "107 years ago",
        "thousands",
        "des milliers",
        "the Dashnaks",
        "Armenians",
        "<script>",
        "[1]",
        "%",
        "x",
        "Ü",
        "ё",
        "\u00a0",
        "\u202f",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(PIECES | st.text(max_size=8), max_size=40),
    st.sampled_from(["en", "fr", "de", "es", "ru"]),
)
def test_parse_never_fails_and_spans_are_exact(parts: list[str], lang: str) -> None:
    text = " ".join(parts)
    parsed = parse(text, lang, "2020-01-01", "doc", "fuzz.txt")
    assert parsed is not None
    for claim in parsed.claims:
        data = claim.to_dict()
        span = data["value"] or data["trigger"]
        assert text[span["start"] : span["end"]] == span["text"]
        evidence = data["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
        if data["time"]:
            assert data["time"]["start"] <= data["time"]["end"]
        if data["value"] and data["value"]["low"] is not None and data["value"]["high"] is not None:
            assert data["value"]["low"] <= data["value"]["high"]
