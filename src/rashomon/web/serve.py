"""Run the web app with uvicorn: 127.0.0.1 by default; beyond it, only with accounts."""

from __future__ import annotations

import ipaddress

from rashomon.errors import Code, UsageError
from rashomon.store import Store


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_binding(store: Store, host: str) -> bool:
    """True when the app is public (bound beyond loopback); refuses that without a
    reviewer or admin account, since anyone who can reach the port could then review."""
    if is_loopback(host):
        return False
    from rashomon.review import list_users

    if not any(u.can_review for u in list_users(store)):
        raise UsageError(
            Code.FORBIDDEN,
            f"serving on {host} (beyond this machine) needs accounts: add one with "
            "`rashomon users add NAME --role admin`, or serve on 127.0.0.1",
        )
    return True


def align_when_due(store: Store) -> None:
    """Align when the events are behind the claims (an `extract` without `analyze`, or claims
    re-extracted since).
    ``serve`` does it in the background before the events are read: on a large store it
    takes minutes, and the app answers meanwhile (as while another process runs `analyze`)."""
    from rashomon.align import update_events

    if store.alignment_due():
        update_events(store)


def serve(store: Store, host: str = "127.0.0.1", port: int = 8000, user: str = "local") -> None:
    """Serve until interrupted (blocking)."""
    import uvicorn

    from rashomon.web.app import LOCAL_HOSTS, create_app

    public = check_binding(store, host)

    app = create_app(
        store,
        local_user=user,
        public=public,
        allowed_hosts=LOCAL_HOSTS | {host},
        # A small store is read by then; a large one is served at once with a page saying
        # how far the reading is (reading 100,000 events takes tens of seconds).
        wait=1.0,
        prepare=lambda: align_when_due(store),
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)
