"""The dependency locks agree with pyproject.toml (scripts/lock.sh regenerates them).

A fresh machine installs exactly the locked versions (scripts/install.sh), so a range in
pyproject.toml that the lock no longer satisfies, a dependency missing from the lock, or a pin
without a hash would make the README commands install something nobody tested.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)")


def _lock(name: str) -> dict[str, tuple[str, int]]:
    """package -> (version, number of hashes) of one lock file."""
    pins: dict[str, tuple[str, int]] = {}
    current = None
    for line in (ROOT / "requirements" / name).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match.group(1))
            pins[current] = (match.group(2), 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, hashes = pins[current]
            pins[current] = (version, hashes + 1)
    return pins


def _project() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _requirements(groups: list[str]) -> list[Requirement]:
    project = _project()["project"]
    assert isinstance(project, dict)
    reqs = [Requirement(r) for r in project["dependencies"]]
    for group in groups:
        reqs += [Requirement(r) for r in project["optional-dependencies"][group]]
    build = _project()["build-system"]
    assert isinstance(build, dict)
    reqs += [Requirement(r) for r in build["requires"]]
    return [r for r in reqs if canonicalize_name(r.name) != "rashomon"]


@pytest.mark.parametrize(
    ("lock", "groups"),
    [("runtime.txt", []), ("test.txt", ["test", "postgres", "ray"])],
)
def test_every_declared_dependency_is_locked_within_its_range(lock: str, groups: list[str]) -> None:
    pins = _lock(lock)
    problems = []
    for req in _requirements(groups):
        name = canonicalize_name(req.name)
        if name not in pins:
            problems.append(f"{req} is not in requirements/{lock}")
        elif not req.specifier.contains(pins[name][0], prereleases=True):
            problems.append(f"{req} but requirements/{lock} pins {pins[name][0]}")
    assert not problems, "run scripts/lock.sh:\n" + "\n".join(problems)


def test_every_pin_has_a_hash() -> None:
    for lock in ("runtime.txt", "test.txt"):
        unhashed = [name for name, (_, hashes) in _lock(lock).items() if hashes == 0]
        assert not unhashed, f"{lock}: pins without --hash: {unhashed}"


def test_runtime_lock_uses_the_test_lock_versions() -> None:
    runtime, test = _lock("runtime.txt"), _lock("test.txt")
    differ = {
        n: (v, test.get(n, ("missing",))[0])
        for n, (v, _) in runtime.items()
        if test.get(n, ("",))[0] != v
    }
    assert not differ, f"runtime vs test lock: {differ}"


def test_readme_and_ci_install_from_the_lock() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line for line in readme.split("```", 2)[1].splitlines()[1:] if line.strip()]
    assert len(commands) == 2, commands
    assert "scripts/install.sh" in commands[0] and "rashomon analyze" in commands[0]
    assert commands[1].strip() == "bash scripts/test.sh"
    test_sh = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert "scripts/install.sh test" in test_sh
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install = (ROOT / "scripts" / "install.sh").read_text(encoding="utf-8")
    assert "--require-hashes" in install and "--no-deps" in install


def test_ci_runs_both_readme_commands_as_written() -> None:
    import subprocess

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    # scripts/fresh_check.sh finds README command (1) itself: the same line as here.
    found = subprocess.run(
        ["awk", "/^```sh$/ { inside = 1; next } inside { print; exit }", "README.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert found == block[0] and found.startswith("bash scripts/install.sh && ")
    assert block[1] == "bash scripts/test.sh"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "\nbash scripts/test.sh\n" in ci and "\nbash scripts/fresh_check.sh\n" in ci
    fresh = (ROOT / "scripts" / "fresh_check.sh").read_text(encoding="utf-8")
    assert "awk '/^```sh$/ { inside = 1; next } inside { print; exit }' README.md" in fresh
