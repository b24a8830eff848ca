"""The web app through HTTP (FastAPI's test client): pages, review, team mode, bad requests.

The same flows run in a real Chromium in tests/test_web_browser.py."""

from __future__ import annotations

import html
import re
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rashomon import Store, ingest_paths
from rashomon._version import __version__
from rashomon.errors import UsageError
from rashomon.review import add_user, iter_reviews
from rashomon.web import create_app
from rashomon.web.serve import check_binding
from tests.review_data import Corpus, build

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

HOSTILE = (
    'Fictional test: <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned=2"> '
    "\"</textarea><b>bold</b>' — on 9 October 1961 about 40 people were killed in Tarvo.\n"
)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Store, Corpus]]:
    with Store(tmp_path / "w.db") as store:
        (tmp_path / "docs").mkdir()
        (tmp_path / "docs" / "evil.txt").write_text(HOSTILE, encoding="utf-8")
        yield store, build(store, tmp_path / "docs")


def _client(store: Store, **kwargs: object) -> TestClient:
    return TestClient(create_app(store, local_user="tester", **kwargs), base_url="http://127.0.0.1")  # type: ignore[arg-type]


def _form(page: str, marker: str = "<form") -> dict[str, str]:
    """The hidden fields of the first form whose tag holds ``marker`` (an attribute)."""
    start = page.rfind("<form", 0, page.index(marker) + len("<form"))
    form = page[start : page.index("</form>", start)]
    return {
        html.unescape(n): html.unescape(v)
        for n, v in re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', form)
    }


def _reviews(store: Store) -> int:
    return len(list(iter_reviews(store)))


def test_pages_list_filter_search_and_page(site: tuple[Store, Corpus]) -> None:
    store, corpus = site
    client = _client(store)
    overview = client.get("/")
    assert overview.status_code == 200
    assert "Content-Security-Policy" in overview.headers
    assert "'unsafe-inline'" not in overview.headers["Content-Security-Policy"]
    assert "script-src 'self'" in overview.headers["Content-Security-Policy"]
    assert overview.headers["X-Frame-Options"] == "DENY"
    assert 'class="tl-event"' in overview.text and "/static/basemap.svg" in overview.text
    # The overview's counts in words: "1 document", "3 documents", "0 reviews".
    counts = re.findall(
        r"<span>([\d,]+) (documents?|events?|disputes?|reviews?)</span>", overview.text
    )
    assert len(counts) == 4 and all((n == "1") == (not w.endswith("s")) for n, w in counts), counts
    events = client.get("/events")
    listed = re.findall(r'data-event="(ev-[0-9a-f]{16})"', events.text)
    assert set(corpus.events.values()) < set(listed)
    # The event of two sources comes first (most documents first).
    assert listed[0] == corpus.events["a.txt"]
    assert "2 sources give 300 to 900" in events.text
    assert "2 documents, 3 claims" in events.text  # counts in words
    assert re.findall(r'data-event="(ev-[0-9a-f]{16})"', client.get("/events?q=monitor").text) == [
        corpus.events["c.txt"]
    ]  # a word of its document
    assert client.get("/events?q=nothing-like-this").text.count('data-event="ev-') == 0
    assert client.get("/events?type=injury").text.count('data-event="ev-') == 0
    assert client.get("/events?page=99").status_code == 200  # clamped to the last page
    assert client.get("/events?page=x").status_code == 200
    event = client.get(f"/events/{corpus.events['a.txt']}")
    assert event.status_code == 200
    assert event.text.count('class="source"') == 2  # two documents side by side
    assert "<mark>About 300</mark>" in event.text
    assert "According to a.txt, citing officials: killed about 300" in event.text
    # Estimates in the report's words: the sources' range, then who gives what.
    assert "killed, no group named: 2 sources give 300 to 900" in event.text
    assert "a.txt, citing officials gives “About 300”" in event.text
    assert f"rashomon {__version__} ·" in event.text  # the app's version, not the event's
    doc_id = store.current_claims()[0]["doc"]["id"]
    document = client.get(f"/docs/{doc_id}")
    assert document.status_code == 200 and 'class="claim-span' in document.text
    claim = client.get(f"/claims/{corpus.claims[('a.txt', 'killed')]}")
    assert claim.status_code == 200 and "Version <code>0." in claim.text
    assert client.get("/docs").text.count('data-doc="') == 4
    assert client.get("/reviews").status_code == 200


def test_reviews_through_the_web_and_refusals(site: tuple[Store, Corpus]) -> None:
    store, corpus = site
    client = _client(store)
    a = corpus.claims[("a.txt", "killed")]
    page = client.get(f"/claims/{a}").text
    form = _form(page, 'class="review-claim"')
    assert form["target_id"] == a and form["version"].startswith("0.")
    done = client.post(
        "/review",
        data={**form, "action": "correct", "field": "perpetrators", "value": "Brisk militia"},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == f"/claims/{a}?saved=1#c-{a}"
    shown = client.get(done.headers["location"]).text
    assert "Review saved." in shown and "set by tester" in shown
    event = client.get(f"/events/{corpus.events['a.txt']}").text
    assert "Reviewed: perpetrators corrected by tester" in event
    assert "Brisk militia" in event
    n = _reviews(store)
    # The same form again: its version is stale now.
    stale = client.post(
        "/review", data={**form, "action": "correct", "field": "value", "value": "310"}
    )
    assert stale.status_code == 409 and "E020" in stale.text and "nothing was saved" in stale.text
    bad = [
        ({**form, "csrf": "forged-token"}, 403, "CSRF"),
        ({k: v for k, v in form.items() if k != "csrf"}, 403, "CSRF"),
        ({**form, "version": "", "field": "value", "value": "-12"}, 400, "negative"),
        ({**form, "version": "", "field": "measure", "value": "kiled"}, 400, "unknown measure"),
        ({**form, "version": "", "field": "time", "value": "1931-02-30"}, 400, "not a date"),
        ({**form, "target_id": "f" * 24, "version": ""}, 404, "E018"),
        ({**form, "target_id": "../../etc/passwd"}, 404, "E018"),
        ({**form, "target_kind": "user"}, 404, "E018"),
        ({**form, "action": "merge", "version": ""}, 400, "E019"),
    ]
    for data, status, message in bad:
        result = client.post("/review", data={**data, "action": data.get("action", "correct")})
        assert result.status_code == status and message in result.text, (data, result.text[-500:])
    big = client.post("/review", data={**form, "value": "x" * 70_000})
    assert big.status_code == 413
    assert _reviews(store) == n  # nothing changed


def test_merge_split_reject_through_forms(site: tuple[Store, Corpus]) -> None:
    store, corpus = site
    client = _client(store)
    first, third = corpus.events["a.txt"], corpus.events["c.txt"]
    page = client.get(f"/events/{first}").text
    merge = _form(page, 'id="merge-form"')
    assert client.post("/review", data={**merge, "other": third}).status_code == 200
    merged = client.get(f"/events/{first}").text
    assert merged.count('class="source"') == 3 and "merged by tester" in merged
    gone = client.get(f"/events/{third}")
    assert gone.status_code == 404 and f"/events/{first}" in gone.text
    split = _form(merged, 'id="split-form"')
    c = corpus.claims[("c.txt", "killed")]
    assert client.post("/review", data={**split, "claims": [c]}).status_code == 200
    assert client.get(f"/events/{third}").status_code == 200
    b = corpus.claims[("b.txt", "killed")]
    reject = _form(client.get(f"/claims/{b}").text, 'class="review-claim"')
    done = client.post("/review", data={**reject, "action": "reject", "reason": "a postcode"})
    assert done.status_code == 200
    after = client.get(f"/events/{first}").text
    assert f'id="c-{b}"' not in after
    assert "killed, no group named: 1 source gives 300<" in after  # recomputed without 900
    document = client.get(f"/docs/{store.claims_by_id([b])[b]['doc']['id']}").text
    assert "claim-span rejected" in document


def test_path_tricks_and_redirects(site: tuple[Store, Corpus]) -> None:
    store, corpus = site
    client = _client(store)
    for path in [
        "/static/..%2f..%2fpyproject.toml",
        "/static/%2e%2e/app.py",
        "/static/app.py",
        "/docs/..%2f..%2fetc%2fpasswd",
        "/docs/" + "a" * 64,
        "/events/ev-..%2f..",
        "/claims/%00",
        "/nowhere",
    ]:
        assert client.get(path).status_code == 404, path
    a = corpus.claims[("a.txt", "killed")]
    form = _form(client.get(f"/claims/{a}").text, 'class="review-claim"')
    for target in ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:x"]:
        done = client.post(
            "/review",
            data={**form, "action": "accept", "version": "", "next": target},
            follow_redirects=False,
        )
        assert done.status_code == 303 and done.headers["location"].startswith(f"/claims/{a}")
    # DNS rebinding: a page served on 127.0.0.1 answers only to local host names.
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200


def test_hostile_document_text_is_escaped(site: tuple[Store, Corpus]) -> None:
    store, _ = site
    client = _client(store)
    doc = next(d for d in store.list_documents() if d["path"].endswith("evil.txt"))
    page = client.get(f"/docs/{doc['id']}").text
    assert "<script>window" not in page and "<img src=x" not in page and "<b>bold" not in page
    # (The extractor reads the 1 of the script as a figure; it is highlighted, still as text.)
    assert "&lt;script&gt;window.__pwned = " in page and "&lt;/script&gt; &lt;img" in page
    evil_event = next(e for e in store.events() if doc["id"] in e["docs"])
    event = client.get(f"/events/{evil_event['id']}").text
    assert "<script>window" not in event and "&lt;img src=x" in event


def test_team_mode_login_roles_and_throttle(site: tuple[Store, Corpus]) -> None:
    store, corpus = site
    add_user(store, "rita", "reader", "reader-pass-1")
    add_user(store, "rev", "reviewer", "reviewer-pass-1")
    client = _client(store)
    first = client.get("/events", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/login?next=/events"
    login = client.get("/login").text
    token = _form(login)["csrf"]
    wrong = client.post("/login", data={"csrf": token, "name": "rev", "password": "nope"})
    assert wrong.status_code == 401 and "Wrong name or password" in wrong.text
    forged = client.post("/login", data={"csrf": "x", "name": "rev", "password": "reviewer-pass-1"})
    assert forged.status_code == 403
    ok = client.post(
        "/login",
        data={"csrf": token, "name": "rita", "password": "reader-pass-1", "next": "/events"},
        follow_redirects=False,
    )
    assert ok.status_code == 303 and ok.headers["location"] == "/events"
    cookie = ok.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    a = corpus.claims[("a.txt", "killed")]
    page = client.get(f"/claims/{a}").text
    assert "rita (reader)" in page and "review-claim" not in page  # no review forms
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf is not None
    refused = client.post(
        "/review",
        data={"csrf": csrf.group(1), "target_kind": "claim", "target_id": a, "action": "accept"},
    )
    assert refused.status_code == 403 and "a reader cannot review" in refused.text
    assert _reviews(store) == 0
    # A reviewer in another browser.
    other = _client(store)
    token = _form(other.get("/login").text)["csrf"]
    other.post("/login", data={"csrf": token, "name": "rev", "password": "reviewer-pass-1"})
    form = _form(other.get(f"/claims/{a}").text, 'class="review-claim"')
    assert other.post("/review", data={**form, "action": "accept"}).status_code == 200
    assert [r.author for r in iter_reviews(store)] == ["rev"]
    # Logging out needs the token too; afterwards the pages ask for a login again.
    assert other.post("/logout", data={"csrf": "x"}).status_code == 403
    other.post("/logout", data={"csrf": form["csrf"]})
    assert other.get("/events", follow_redirects=False).status_code == 303
    # Five failures lock the name (and the address) for a while, even with the right password.
    attacker = _client(store)
    token = _form(attacker.get("/login").text)["csrf"]
    for _ in range(5):
        attacker.post("/login", data={"csrf": token, "name": "rev", "password": "guess"})
    locked = attacker.post(
        "/login", data={"csrf": token, "name": "rev", "password": "reviewer-pass-1"}
    )
    assert locked.status_code == 429


def test_serving_beyond_localhost_needs_accounts(site: tuple[Store, Corpus]) -> None:
    store, _ = site
    assert check_binding(store, "127.0.0.1") is False
    assert check_binding(store, "::1") is False
    with pytest.raises(UsageError) as err:
        check_binding(store, "0.0.0.0")
    assert "needs accounts" in str(err.value)
    public = _client(store, public=True)
    refused = public.get("/", headers={"host": "team.example"})
    assert refused.status_code == 403 and "no accounts" in refused.text
    add_user(store, "rita", "reader", "reader-pass-1")
    with pytest.raises(UsageError):
        check_binding(store, "0.0.0.0")  # a reader alone could not review anything
    add_user(store, "ada", "admin", "admin-pass-11")
    assert check_binding(store, "0.0.0.0") is True
    assert (
        public.get("/", headers={"host": "team.example"}, follow_redirects=False).status_code == 303
    )


def test_a_large_store_is_served_while_its_events_are_read(
    site: tuple[Store, Corpus], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading every event takes seconds on a large store: the app answers meanwhile with a
    page saying so (503, Retry-After), and after a new analysis keeps listing the previous
    events until the new ones are read."""
    from rashomon import analyze
    from rashomon.web.catalog import Catalog

    store, corpus = site
    gate = threading.Event()
    read_rows = Catalog._read_rows

    def slow(self: Catalog, docs: Any) -> Any:
        gate.wait(30)
        return read_rows(self, docs)

    monkeypatch.setattr(Catalog, "_read_rows", slow)
    client = TestClient(create_app(store, wait=0), base_url="http://127.0.0.1")
    catalog = client.app.state.web.catalog  # type: ignore[attr-defined]
    reading = client.get("/events")
    assert reading.status_code == 503 and reading.headers["Retry-After"] == "2"
    assert "Reading the store" in reading.text and 'http-equiv="refresh"' in reading.text
    assert client.get("/health").status_code == 503
    assert client.get("/login").status_code == 200  # no account needed here, but it answers
    gate.set()
    assert catalog.wait(30)
    assert client.get("/health").text == "ready"
    listed = client.get("/events").text
    assert set(corpus.events.values()) <= set(re.findall(r'data-event="(ev-[0-9a-f]{16})"', listed))

    # A new analysis: the list keeps the previous events, says it is updating, then shows
    # the new event.
    gate.clear()
    (corpus.folder / "d.txt").write_text(
        "In Vellin, 70 people were killed on 3 March 1950, a clerk wrote.\n", encoding="utf-8"
    )
    analyze(store, [corpus.folder])
    new = {e["id"] for e in store.events()} - set(
        re.findall(r'data-event="(ev-[0-9a-f]{16})"', listed)
    )
    assert new
    catalog.refresh(force=True)
    during = client.get("/events")
    assert during.status_code == 200 and 'id="updating"' in during.text
    assert not new & set(re.findall(r'data-event="(ev-[0-9a-f]{16})"', during.text))
    gate.set()
    assert catalog.wait(30)
    after = client.get("/events").text
    assert 'id="updating"' not in after
    assert new <= set(re.findall(r'data-event="(ev-[0-9a-f]{16})"', after))


def test_claims_not_yet_in_events_are_aligned_while_the_app_answers(
    site: tuple[Store, Corpus],
) -> None:
    from rashomon.pipeline import extract_store
    from rashomon.web.serve import align_when_due

    store, corpus = site
    (corpus.folder / "d.txt").write_text(
        "In Vellin, 70 people were killed on 3 March 1950, a clerk wrote.\n", encoding="utf-8"
    )
    ingest_paths(store, [corpus.folder])
    extract_store(store)
    assert store.alignment_due()
    gate = threading.Event()

    def prepare() -> None:
        gate.wait(30)
        align_when_due(store)

    client = TestClient(create_app(store, wait=0, prepare=prepare), base_url="http://127.0.0.1")
    catalog = client.app.state.web.catalog  # type: ignore[attr-defined]
    aligning = client.get("/")
    assert aligning.status_code == 503 and "aligning claims into events" in aligning.text
    gate.set()
    assert catalog.wait(30) and not store.alignment_due()
    d = next(c for c in store.current_claims() if c["doc"]["path"].endswith("d.txt"))
    listed = client.get("/events?q=vellin").text
    assert store.event_assignments()[d["id"]] in listed


def _login(client: TestClient, name: str, password: str) -> None:
    token = _form(client.get("/login").text)["csrf"]
    done = client.post("/login", data={"csrf": token, "name": name, "password": password})
    assert done.status_code == 200 and f"{name} (" in done.text


def test_two_reviewers_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    with Store(pg_url) as store:
        corpus = build(store, tmp_path / "docs")
        add_user(store, "ann", "reviewer", "ann-password-1")
        add_user(store, "bea", "admin", "bea-password-1")
        ann, bea = _client(store), _client(store)
        _login(ann, "ann", "ann-password-1")
        _login(bea, "bea", "bea-password-1")
        a = corpus.claims[("a.txt", "killed")]
        seen_by_ann = _form(ann.get(f"/claims/{a}").text, 'class="review-claim"')
        seen_by_bea = _form(bea.get(f"/claims/{a}").text, 'class="review-claim"')
        assert seen_by_ann["version"] == seen_by_bea["version"]
        first = ann.post(
            "/review",
            data={
                **seen_by_ann,
                "action": "correct",
                "field": "perpetrators",
                "value": "Brisk militia",
            },
        )
        assert first.status_code == 200 and "Review saved." in first.text
        second = bea.post(
            "/review",
            data={**seen_by_bea, "action": "correct", "field": "perpetrators", "value": "X"},
        )
        assert second.status_code == 409 and "reload it" in second.text
        assert [r.author for r in iter_reviews(store)] == ["ann"]
        # Bea reloads, sees Ann's value, and reviews on top of it.
        again = _form(bea.get(f"/claims/{a}").text, 'class="review-claim"')
        assert again["version"].startswith("1.")
        fixed = {**again, "action": "correct", "field": "value", "value": "310"}
        assert bea.post("/review", data=fixed).status_code == 200
        assert [r.author for r in iter_reviews(store)] == ["ann", "bea"]
        # Search reads the documents' text on PostgreSQL too (ILIKE).
        found = bea.get("/events?q=monitor").text
        assert re.findall(r'data-event="(ev-[0-9a-f]{16})"', found) == [corpus.events["c.txt"]]
