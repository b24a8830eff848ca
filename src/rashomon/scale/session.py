"""A Ray session for one command: start a local instance or join a cluster, quietly.

Ray is an optional extra: importing this module never imports Ray; ``require_ray`` does, and
says how to install it when it is missing.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from rashomon.errors import Code, UsageError

__all__ = ["cluster_cpus", "ray_session", "require_ray", "store_reachable"]

INSTALL_HINT = "pip install 'rashomon[ray]'"


def require_ray() -> ModuleType:
    """The ``ray`` module with Ray Data, or a coded error saying how to install it."""
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise UsageError(
            Code.MISSING_EXTRA,
            f"--engine ray needs Ray Data, which is not installed ({exc.name}): {INSTALL_HINT}",
        ) from None
    return ray


def _quiet(ray: Any) -> None:
    """Ray Data logs every execution and draws its own bars; rashomon shows one bar."""
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    for handler in logging.getLogger("ray.data").handlers:
        if not type(handler).__name__.startswith("Session"):  # keep the session log file
            handler.setLevel(logging.ERROR)
    # Per-transform retry limits are only settable through ``ray_remote_args`` for now;
    # a short run has fewer batches than workers, which is fine.
    warnings.filterwarnings("ignore", message=r"`ray_remote_args` is deprecated")
    warnings.filterwarnings("ignore", message=r"The minimum number of concurrent actors")


@contextmanager
def _worker_niceness() -> Iterator[None]:
    """Ray starts its workers at niceness 15 (to keep its own daemons responsive on a busy
    cluster node); a local instance's workers do the command's own work, so they run at the
    command's priority, else on a shared machine they get what every other process leaves.
    The raylet reads this from its environment when ``ray.init`` spawns it; a value the
    user set is kept, and the environment is restored afterwards."""
    key = "RAY_worker_niceness"
    if key in os.environ:
        yield
        return
    os.environ[key] = "0"
    try:
        yield
    finally:
        os.environ.pop(key, None)


@contextmanager
def ray_session(address: str | None = None, cpus: int | None = None) -> Iterator[Any]:
    """Connect for the duration of a command: join ``address`` (``ray://HOST:PORT``,
    ``HOST:PORT`` or ``auto``) or start a new local instance with ``cpus`` CPUs (default
    all), never an existing cluster found through RAY_ADDRESS or Ray's temp files.
    A session someone already opened (a notebook, a test) is used as it is and left open."""
    ray = require_ray()
    if ray.is_initialized():
        _quiet(ray)
        yield ray
        return
    # The driver's core-worker log repeats what reaches us as exceptions; it stays in the
    # session's log files.

    options: dict[str, Any] = {
        "log_to_driver": False,
        "logging_level": logging.ERROR,
    }
    try:
        if address:
            ray.init(address=address, **options)
        else:
            # "local", not None: ray.init() without an address joins whatever RAY_ADDRESS or
            # /tmp/ray/ray_current_cluster names (a stray or dead `ray start`, another user's
            # cluster); a cluster is only ever joined when asked for with --address.
            with _worker_niceness():
                ray.init(address="local", num_cpus=cpus, include_dashboard=False, **options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = address or "a local instance"
        raise UsageError(Code.BAD_ARGUMENT, f"cannot start Ray on {where}: {exc}") from None
    _quiet(ray)
    try:
        yield ray
    finally:
        ray.shutdown()


def cluster_cpus(ray: Any) -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def store_reachable(ray: Any, url: str, address: str | None) -> None:
    """A SQLite store is a file on this machine: refuse a cluster whose workers may run
    elsewhere (a PostgreSQL store, or Parquet in and out, work from any node)."""
    if not url.startswith("sqlite"):
        return
    here = ray.util.get_node_ip_address()
    nodes = {n["NodeManagerAddress"] for n in ray.nodes() if n.get("Alive")}
    remote = (address or "").startswith("ray://") or bool(nodes - {here})
    if remote:
        raise UsageError(
            Code.BAD_ARGUMENT,
            "this Ray cluster has workers on other machines, which cannot open a SQLite store "
            "file: use a postgresql:// store (--db), or Parquet in and out",
        )
