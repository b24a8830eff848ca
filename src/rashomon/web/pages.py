"""The pages (GET routes): overview, events, an event, documents, a document, a claim, reviews.

Lists are paged; filters and search are query parameters, so every view has a URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from rashomon.report.compare import describe_dispute
from rashomon.report.wording import by_group, estimate_lines
from rashomon.review import ORPHANED
from rashomon.web import render
from rashomon.web.catalog import DocInfo, Filters, estimates_list

if TYPE_CHECKING:
    from rashomon.web.app import WebApp

EVENTS_PER_PAGE = 20
DOCS_PER_PAGE = 50
REVIEWS_PER_PAGE = 50
CLAIMS_PER_PAGE = 100
_MAX_PARAM = 200


def _int(value: str | None, default: int) -> int:
    try:
        return max(1, min(10**6, int(value or default)))
    except ValueError:
        return default


def _param(request: Request, name: str) -> str:
    return (request.query_params.get(name) or "").strip()[:_MAX_PARAM]


def filters_of(request: Request) -> Filters:
    return Filters(*(_param(request, k) for k in ("lang", "source", "measure", "type", "q")))


def _pages(total: int, size: int, page: int) -> dict[str, int]:
    pages = max(1, -(-total // size))
    page = min(page, pages)
    return {"page": page, "pages": pages, "start": (page - 1) * size, "total": total}


def _lang(docs: Mapping[str, DocInfo], doc_id: str) -> str | None:
    info = docs.get(doc_id)
    return info.lang if info else None


def _doc_map(docs: Mapping[str, DocInfo]) -> dict[str, dict[str, Any]]:
    """Documents in the shape report.compare's neutral sentences take."""
    return {d.id: {"publisher": d.name, "path": d.path} for d in docs.values()}


def register(app: FastAPI, web: WebApp) -> None:
    catalog = web.catalog

    @app.get("/", response_class=HTMLResponse)
    def overview(request: Request) -> Response:
        catalog.refresh()
        f = filters_of(request)
        rows = catalog.filter(f, catalog.text_hits(f.q) if f.q else ())
        view = catalog.reviewed()
        return web.page(
            request,
            "overview.html.j2",
            filters=f,
            choices=catalog.choices(),
            rows=rows[:EVENTS_PER_PAGE],
            total=len(rows),
            counts={
                "documents": len(catalog.docs),
                "events": len(catalog.rows),
                "disputes": sum(r.n_disputes for r in catalog.rows),
                "reviews": len(view.reviews),
                "orphaned": len(view.orphans()),
            },
            timeline=render.timeline(rows),
            map=render.map_points(rows),
        )

    @app.get("/events", response_class=HTMLResponse)
    def events(request: Request) -> Response:
        catalog.refresh()
        f = filters_of(request)
        rows = catalog.filter(f, catalog.text_hits(f.q) if f.q else ())
        paging = _pages(len(rows), EVENTS_PER_PAGE, _int(request.query_params.get("page"), 1))
        shown = rows[paging["start"] : paging["start"] + EVENTS_PER_PAGE]
        return web.page(
            request,
            "events.html.j2",
            filters=f,
            choices=catalog.choices(),
            rows=shown,
            paging=paging,
            query=_query(f),
        )

    @app.get("/events/{event_id}", response_class=HTMLResponse)
    def event(request: Request, event_id: str) -> Response:
        from rashomon.web.app import valid_id

        catalog.refresh()
        view = catalog.reviewed()
        found = view.event(event_id) if valid_id("event", event_id) else None
        if found is None:
            now_in = [
                e for e, ev in view.rebuilt.items() if event_id in ev["review"]["machine_events"]
            ]
            return web.page(
                request, "gone.html.j2", http_status=404, event_id=event_id, now_in=now_in
            )
        claims = view.claims_by_id(found["claims"])
        ordered = [claims[c] for c in found["claims"] if c in claims]
        # A very large event shows its claims a page at a time (estimates cover them all);
        # versions (for the review forms) only of the claims shown.
        paging = _pages(len(ordered), CLAIMS_PER_PAGE, _int(request.query_params.get("page"), 1))
        shown = ordered[paging["start"] : paging["start"] + CLAIMS_PER_PAGE]
        versions = view.claim_versions(c["id"] for c in shown)
        docs = catalog.docs
        by_doc: dict[str, list[dict[str, Any]]] = {}
        for c in shown:
            by_doc.setdefault(c["doc"]["id"], []).append(c)
        columns = [
            (docs.get(d) or DocInfo(d, d[:12], "", None, None, None, None, None), by_doc[d])
            for d in found["docs"]
            if d in by_doc
        ]
        # The groups of one measure side by side (each victim group's toll is its own
        # quantity), in the report's words: the summary, who gives what, what is left out.
        estimates = [
            (
                measure,
                [
                    {
                        **est,
                        "lines": estimate_lines(
                            est, lambda d: render.doc_name(docs, d), lambda d: _lang(docs, d)
                        ),
                        "chart": render.figure_chart(est, claims),
                    }
                    for est in group
                ],
            )
            for measure, group in by_group(estimates_list(found)).items()
        ]
        doc_map = _doc_map({d: docs[d] for d in found["docs"] if d in docs})
        return web.page(
            request,
            "event.html.j2",
            event=found,
            columns=columns,
            paging=paging,
            estimates=estimates,
            disputes=[describe_dispute(d, claims, doc_map) for d in found.get("disputes") or []],
            inconsistencies=[
                f"Inside {render.doc_name(docs, str(p['doc']))}: {p['detail']}"
                for p in found.get("consistency") or []
            ],
            version=view.event_version(found),
            versions=versions,
            history=view.history("event", event_id),
            claim_history={c["id"]: view.history("claim", c["id"]) for c in shown},
            status=view.status,
            docs=docs,
        )

    @app.get("/claims/{claim_id}", response_class=HTMLResponse)
    def claim(request: Request, claim_id: str) -> Response:
        from rashomon.web.app import valid_id

        catalog.refresh()
        view = catalog.reviewed()
        found = view.claim(claim_id) if valid_id("claim", claim_id) else None
        if found is None:
            return web.error(request, 404, "No current claim with this id.")
        return web.page(
            request,
            "claim.html.j2",
            claim=found,
            event_id=view.event_of(claim_id),
            version=view.version("claim", claim_id),
            history=view.history("claim", claim_id),
            status=view.status,
            docs=catalog.docs,
        )

    @app.get("/docs", response_class=HTMLResponse)
    def documents(request: Request) -> Response:
        catalog.refresh()
        lang, q = _param(request, "lang"), _param(request, "q").casefold()
        shown = [
            d
            for d in catalog.docs.values()
            if (not lang or d.lang == lang) and (not q or q in f"{d.name} {d.path}".casefold())
        ]
        shown.sort(key=lambda d: (d.name.casefold(), d.path))
        paging = _pages(len(shown), DOCS_PER_PAGE, _int(request.query_params.get("page"), 1))
        return web.page(
            request,
            "docs.html.j2",
            docs=shown[paging["start"] : paging["start"] + DOCS_PER_PAGE],
            paging=paging,
            lang=lang,
            q=q,
            langs=catalog.choices()["lang"],
        )

    @app.get("/docs/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: str) -> Response:
        from rashomon.web.app import valid_id

        catalog.refresh()
        text = web.store.document_text(doc_id) if valid_id("document", doc_id) else None
        if text is None:
            return web.error(request, 404, "No document with this id.")
        view = catalog.reviewed()
        claims = list(view.claims(doc_id))
        return web.page(
            request,
            "doc.html.j2",
            doc=catalog.docs.get(doc_id),
            doc_id=doc_id,
            segments=render.doc_segments(text, claims),
            n_claims=len(claims),
            version=view.version("document", doc_id),
            history=view.history("document", doc_id),
            status=view.status,
            docs=catalog.docs,
        )

    @app.get("/reviews", response_class=HTMLResponse)
    def reviews(request: Request) -> Response:
        catalog.refresh()
        view = catalog.reviewed()
        orphans = _param(request, "status") == ORPHANED
        listed = [r for r in reversed(view.reviews) if not orphans or view.status[r.id] == ORPHANED]
        paging = _pages(len(listed), REVIEWS_PER_PAGE, _int(request.query_params.get("page"), 1))
        return web.page(
            request,
            "reviews.html.j2",
            reviews=listed[paging["start"] : paging["start"] + REVIEWS_PER_PAGE],
            paging=paging,
            orphans=orphans,
            status=view.status,
        )


def _query(f: Filters) -> str:
    from urllib.parse import urlencode

    return urlencode(
        {
            k: v
            for k, v in zip(
                ("lang", "source", "measure", "type", "q"),
                (f.lang, f.source, f.measure, f.type, f.q),
                strict=True,
            )
            if v
        }
    )
