"""Secrets never printed (issue 12): a store URL's password stays out of summaries and errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rashomon.escape import hide_secrets
from tests.conftest import needs_pg

PASSWORD = "Hunter2-s3cret"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("postgresql://bob:pw@db.example:5432/x", "postgresql://bob:***@db.example:5432/x"),
        # A password may hold '@' and ':'; everything up to the host's '@' is hidden.
        ("postgresql://bob:p@ss:w@host/x", "postgresql://bob:***@host/x"),
        (
            "error: cannot open postgresql://a:b@h/x now",
            "error: cannot open postgresql://a:***@h/x now",
        ),
        ("host=h password=abc user=u", "host=h password=*** user=u"),
        ("postgresql://bob@h/x?password=abc", "postgresql://bob@h/x?password=***"),
        ("dsn: password='with space' port=1", "dsn: password=*** port=1"),
    ],
)
def test_passwords_are_hidden(text: str, shown: str) -> None:
    assert hide_secrets(text) == shown


@pytest.mark.parametrize(
    "text", ["postgresql://bob@h/x", "/tmp/rashomon.db", "https://example.org/a:b@c", "a:b@c"]
)
def test_text_without_a_password_is_unchanged(text: str) -> None:
    assert hide_secrets(text) == text


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rashomon.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_unreachable_store_error_hides_the_password() -> None:
    # Port 9 on this machine: nothing listens, the connection is refused at once.
    url = f"postgresql://rashomon:{PASSWORD}@127.0.0.1:9/nowhere"
    proc = _run("docs", "--db", url)
    assert proc.returncode == 2
    assert PASSWORD not in proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "E017" in lines[0] and "rashomon:***@127.0.0.1:9" in lines[0]


def test_bad_url_error_hides_the_password() -> None:
    proc = _run("docs", "--db", f"postgresql://rashomon:{PASSWORD}@127.0.0.1:notaport/x")
    assert proc.returncode == 2
    assert PASSWORD not in proc.stdout + proc.stderr
    assert proc.stderr.count("\n") == 1


@needs_pg
def test_analyze_summary_hides_the_password(pg_url: str, tmp_path: Path) -> None:
    # The test server trusts local connections, so a password in the URL is accepted and
    # ignored: the run succeeds and prints its store location.
    url = pg_url.replace("postgresql://rashomon@", f"postgresql://rashomon:{PASSWORD}@", 1)
    assert url != pg_url
    (tmp_path / "a.txt").write_text(
        "On 3 May 1921 about 40 people were killed in Norvik, the council said.\n",
        encoding="utf-8",
    )
    proc = _run("analyze", str(tmp_path / "a.txt"), "--db", url, "--out", str(tmp_path / "r.html"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert PASSWORD not in proc.stdout + proc.stderr
    assert "rashomon:***@" in proc.stdout
