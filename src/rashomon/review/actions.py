"""Making a review: find its target, check the reviewer and the value, refuse stale ones.

``add_review`` is what the CLI and the web app call.  It raises ``ReviewError`` (E018 unknown
target, E019 invalid review, E020 stale version, E021 not allowed) and then writes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from rashomon.errors import Code, ReviewError, StoreError
from rashomon.review.fields import FIGURE_FIELDS, check_field, parse_field
from rashomon.review.records import ALLOWED, Review, new_id, now, split_version, write_review
from rashomon.review.users import check_name, count_users, get_user
from rashomon.review.view import ReviewedView, current_claims_query
from rashomon.store import Store
from rashomon.store import schema as s

_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True, slots=True)
class Target:
    kind: str
    id: str


def _unknown(ref: str, message: str = "no claim, event or document with this id") -> ReviewError:
    return ReviewError(Code.UNKNOWN_TARGET, message, ref)


def _like(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def find_claims(view: ReviewedView, prefix: str, limit: int = 6) -> list[str]:
    with view.store.engine.connect() as conn:
        rows = conn.execute(
            current_claims_query()
            .with_only_columns(s.claims.c.id)
            .where(s.claims.c.id.like(_like(prefix), escape="\\"))
            .order_by(s.claims.c.id)
            .limit(limit)
        ).scalars()
        return list(rows)


def _find_docs(view: ReviewedView, prefix: str, limit: int = 6) -> list[str]:
    with view.store.engine.connect() as conn:
        rows = conn.execute(
            select(s.documents.c.id)
            .where(s.documents.c.id.like(_like(prefix), escape="\\"))
            .limit(limit)
        ).scalars()
        return list(rows)


def _event(view: ReviewedView, ref: str) -> Target:
    found = view.find_events(ref)
    if len(found) == 1:
        return Target("event", found[0])
    if len(found) > 1:
        raise ReviewError(
            Code.BAD_REVIEW, f"id prefix matches several events: {', '.join(found[:5])}", ref
        )
    now_in = [e for e, ev in view.rebuilt.items() if ref in ev["review"]["machine_events"]]
    if now_in:
        raise _unknown(ref, f"this event was merged or split by a review; see {', '.join(now_in)}")
    raise _unknown(ref, "no event with this id or id prefix")


def resolve(view: ReviewedView, ref: str) -> Target:
    """A claim id, event id (``ev-...``) or document id, id prefix or path; ``claim:``,
    ``event:`` or ``doc:`` in front says which when a prefix could be either."""
    ref = ref.strip()
    if not ref or len(ref) > 4096:
        raise _unknown(ref or "''", "empty or overlong reference")
    kind, sep, rest = ref.partition(":")
    if sep and kind in ("claim", "event", "doc", "document"):
        ref = rest.strip()
    else:
        kind = "event" if ref.startswith("ev-") else ""
    if kind == "event":
        return _event(view, ref)
    lowered = ref.lower()
    hexadecimal = len(lowered) >= 4 and set(lowered) <= _HEX
    claims = find_claims(view, lowered) if hexadecimal and kind != "doc" else []
    docs = _find_docs(view, lowered) if hexadecimal and kind != "claim" else []
    found = [Target("claim", c) for c in claims] + [Target("document", d) for d in docs]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        shown = ", ".join(f"{t.kind} {t.id[:16]}" for t in found[:5])
        raise ReviewError(Code.BAD_REVIEW, f"id prefix matches several targets: {shown}", ref)
    if kind in ("", "doc", "document"):
        try:
            return Target("document", view.store.get_document(ref).id)
        except StoreError:
            pass
    raise _unknown(ref)


def check_author(store: Store, author: str) -> str:
    """Anyone may review a store without accounts; once accounts exist, only reviewers and
    admins, so every review names a real account."""
    check_name(author)
    if count_users(store) == 0:
        return author
    user = get_user(store, author)
    if user is None:
        raise ReviewError(Code.FORBIDDEN, f"{author!r} has no account in this store")
    if not user.can_review:
        raise ReviewError(Code.FORBIDDEN, f"{author!r} is a {user.role}: readers cannot review")
    return author


def _extractor(view: ReviewedView, claim_ids: Sequence[str]) -> str | None:
    counts = Counter(
        str(row.data.get("extractor")) for row in view.claim_rows(claim_ids[:200]).values()
    )
    return counts.most_common(1)[0][0] if counts else None


def _doc_extractor(store: Store, doc_id: str) -> str | None:
    with store.engine.connect() as conn:
        value = conn.execute(
            select(s.extractions.c.extractor).where(s.extractions.c.doc_id == doc_id)
        ).scalar_one_or_none()
    return str(value) if value is not None else None


def add_review(
    store: Store,
    target: str | Target,
    action: str,
    *,
    author: str,
    field: str | None = None,
    value: Any = None,
    other: str | None = None,
    claims: Sequence[str] = (),
    note: str | None = None,
    reason: str | None = None,
    version: str | None = None,
    view: ReviewedView | None = None,
) -> Review:
    """Record one review and return it.

    ``value`` is the corrected field as typed ("Home Guard; militia", "3000-12000") or as
    stored; ``other`` the event merged in; ``claims`` those split off; ``note`` a note's text;
    ``version`` the target's version the reviewer saw (then a newer one refuses the review).
    """
    author = check_author(store, author)
    view = view or ReviewedView(store)
    found = target if isinstance(target, Target) else resolve(view, target)
    if action not in ALLOWED[found.kind]:
        raise ReviewError(
            Code.BAD_REVIEW,
            f"a {found.kind} can be given {', '.join(ALLOWED[found.kind])}, not {action!r}",
            found.id,
        )
    current = view.version(found.kind, found.id)
    if current is None:
        raise _unknown(found.id)
    expected = None
    if version is not None:
        expected, content = split_version(version.strip())
        if content != split_version(current)[1] or expected != split_version(current)[0]:
            raise ReviewError(
                Code.STALE_REVIEW,
                f"{found.kind} {found.id} changed since you loaded it (version {version}, now "
                f"{current}); reload it, check the new values and review again (nothing was "
                "saved)",
            )
    also: list[tuple[str, str]] = []
    anchors: dict[str, list[str]] = {}
    stored_value: Any = None
    extractor: str | None = None
    if found.kind == "claim":
        claim = view.claim(found.id) or {}
        anchors = {"claims": [found.id]}
        extractor = claim.get("extractor")
        if action == "correct":
            if field is None:
                raise ReviewError(Code.BAD_REVIEW, "say which field to correct", found.id)
            if field in FIGURE_FIELDS and claim.get("kind") != "figure":
                raise ReviewError(
                    Code.BAD_REVIEW,
                    f"an event claim has no figure: {field} cannot be set (reject it, or "
                    "correct its time, places or actors)",
                    found.id,
                )
            stored_value = (
                parse_field(field, value) if isinstance(value, str) else check_field(field, value)
            )
    elif found.kind == "event":
        event = view.event(found.id) or {}
        anchors = {"target": list(event.get("claims") or [])}
        extractor = _extractor(view, anchors["target"])
        if action == "merge":
            if not other:
                raise ReviewError(Code.BAD_REVIEW, "name the event to merge in", found.id)
            merged = _event(view, other.strip())
            if merged.id == found.id:
                raise ReviewError(
                    Code.BAD_REVIEW, "an event cannot be merged with itself", found.id
                )
            anchors["other"] = list((view.event(merged.id) or {}).get("claims") or [])
            stored_value = {"other": merged.id}
            also.append(("event", merged.id))
        elif action == "split":
            moving = _split_claims(view, found.id, anchors["target"], claims)
            anchors["split"] = moving
    else:
        extractor = _doc_extractor(store, found.id)
    if action == "note":
        stored_value = note if note is not None else value if isinstance(value, str) else ""
        stored_value = stored_value.strip()
    review = Review(
        id=new_id(),
        created_at=now(),
        author=author,
        target_kind=found.kind,
        target_id=found.id,
        action=action,
        field=field if action == "correct" else None,
        value=stored_value,
        reason=(reason or "").strip() or None,
        anchors=anchors,
        extractor=extractor,
        target_version=current,
    )
    write_review(store, review, expected=expected, also=also)
    return review


def _split_claims(
    view: ReviewedView, event_id: str, members: list[str], refs: Sequence[str]
) -> list[str]:
    wanted = [r.strip() for ref in refs for r in ref.split(",") if r.strip()]
    if not wanted:
        raise ReviewError(Code.BAD_REVIEW, "name the claims to split off", event_id)
    moving: list[str] = []
    for ref in wanted:
        hits = [c for c in members if c.startswith(ref.lower())]
        if len(hits) != 1:
            problem = "is not a claim of" if not hits else "matches several claims of"
            raise ReviewError(Code.BAD_REVIEW, f"{ref} {problem} event {event_id}", ref)
        if hits[0] not in moving:
            moving.append(hits[0])
    if len(moving) == len(members):
        raise ReviewError(
            Code.BAD_REVIEW, "a split must leave at least one claim in the event", event_id
        )
    return moving
