"""Fixtures shared by every test: the bundled example, the sample, the command line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from wizard import storage
from wizard.data_files import example_path
from wizard.model import Speech

TESTS = Path(__file__).resolve().parent


def pytest_xdist_auto_num_workers(config) -> int:
    """``-n auto``: a worker per core and one more, as the UI tests spend part of their time waiting for a frame."""
    return (os.cpu_count() or 1) + 1


ROOT = TESTS.parent


@pytest.fixture
def example() -> Speech:
    """A fresh copy of the bundled example record (the reference sample as a record)."""
    return storage.load(example_path())


@pytest.fixture
def sample_text() -> str:
    """The reference sample, its trailing blank lines normalised to one newline."""
    return (TESTS / "sample.txt").read_text(encoding="utf-8").rstrip("\n") + "\n"


def _sample_line_pattern(line: str) -> re.Pattern[str]:
    """Each run of ``*`` (a blanked name or number) stands for one or more characters."""
    parts = re.split(r"\*+", line)
    return re.compile("[^\n]+?".join(re.escape(part) for part in parts))


@pytest.fixture
def assert_reproduces_sample(sample_text: str):
    """Assert a rendered speech is the sample, line for line, blanks aside."""

    def check(rendered: str) -> None:
        expected = sample_text.split("\n")
        actual = rendered.split("\n")
        assert len(actual) == len(expected), f"{len(actual)} lines, the sample has {len(expected)}"
        for number, (want, got) in enumerate(zip(expected, actual), start=1):
            assert _sample_line_pattern(want).fullmatch(got), f"line {number} differs:\n{got}\n{want}"

    return check


@dataclass
class Run:
    """What a ``speech-wizard`` process did."""

    status: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli():
    """Run ``python -m wizard ARGS`` in a subprocess, as a user would from a shell."""

    def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> Run:
        done = subprocess.run(
            [sys.executable, "-m", "wizard", *args],
            input=b"" if stdin is None else stdin,
            capture_output=True,
            cwd=cwd,
            timeout=60,
        )
        return Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))

    return run
