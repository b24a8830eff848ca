"""Review: people's corrections kept apart from machine output and applied when it is read.

The public API other parts of rashomon use (the CLI, the web app, the report, exports):

* ``reviewed_claims(store)`` / ``reviewed_events(store)``: iterators over the reviewed view;
* ``ReviewedView``: the same with lookups (one claim, one event, a claim's event, versions,
  orphaned reviews, history);
* ``add_review``: record a review, refusing unknown targets, invalid values, stale versions
  and readers; ``import_reviews`` / ``iter_reviews``: exchange reviews between stores;
* accounts: ``add_user``, ``verify_user``, ``get_user``, ``list_users``, ``ROLES``.
"""

from rashomon.review.actions import Target, add_review, check_author, resolve
from rashomon.review.fields import FIELDS, MEASURES, QUALIFIERS, parse_field, show_value
from rashomon.review.records import (
    ACTIONS,
    ALLOWED,
    Review,
    import_reviews,
    iter_reviews,
    load_reviews,
)
from rashomon.review.users import (
    ROLES,
    User,
    add_user,
    count_users,
    get_user,
    list_users,
    remove_user,
    verify_user,
)
from rashomon.review.view import (
    APPLIED,
    ORPHANED,
    SUPERSEDED,
    ReviewedView,
    apply_reviews,
    review_summary,
    reviewed_claims,
    reviewed_events,
)

__all__ = [
    "ACTIONS",
    "ALLOWED",
    "APPLIED",
    "FIELDS",
    "MEASURES",
    "ORPHANED",
    "QUALIFIERS",
    "ROLES",
    "SUPERSEDED",
    "Review",
    "ReviewedView",
    "Target",
    "User",
    "add_review",
    "add_user",
    "apply_reviews",
    "check_author",
    "count_users",
    "get_user",
    "import_reviews",
    "iter_reviews",
    "list_users",
    "load_reviews",
    "parse_field",
    "remove_user",
    "resolve",
    "review_summary",
    "reviewed_claims",
    "reviewed_events",
    "show_value",
    "verify_user",
]
