"""Leaving in time when the terminal goes away (issue 16, item 11): ``exit_within`` in a
child process, then the wizard itself in a pseudo-terminal that is closed or stops reading."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.pty_process import start_on_pty

posix = pytest.mark.skipif(sys.platform == "win32", reason="signals and ptys")

BLOCKED = {
    "waiting forever": "threading.Event().wait()",
    "writing to a full pipe": "sys.stdout.buffer.write(b'x' * 10_000_000)",
    # As Textual's writer thread: main has returned, the interpreter waits for the thread.
    "after main, on a thread writing to a full pipe": (
        "threading.Thread(target=os.write, args=(1, b'x' * 10_000_000)).start()"
    ),
}


def child(code: str) -> subprocess.Popen[bytes]:
    """A Python process that runs ``code`` after ``from wizard.ui.exit_watch import exit_within``;
    its stdout is a pipe nobody reads."""
    program = f"import os, sys, threading\nfrom wizard.ui.exit_watch import exit_within\n{code}\n"
    return subprocess.Popen([sys.executable, "-c", program], cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)


def ended(process: subprocess.Popen[bytes], within: float) -> tuple[int, float]:
    """The status of ``process`` and the seconds it took; fails (and kills it) after ``within``."""
    started = time.monotonic()
    try:
        status = process.wait(timeout=within)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail(f"still running after {within} s")
    finally:
        assert process.stdout is not None
        process.stdout.close()
    return status, time.monotonic() - started


@posix
@pytest.mark.parametrize("how", BLOCKED)
def test_a_blocked_process_ends_at_the_deadline_with_the_status_given(how: str) -> None:
    process = child(f"exit_within(0.5, 129)\n{BLOCKED[how]}")
    status, seconds = ended(process, within=10)
    assert status == 129
    assert 0.4 < seconds < 2.5  # from the start of the interpreter, not of exit_within


@posix
@pytest.mark.parametrize("status", [0, 3])
def test_a_process_that_ends_in_time_ends_as_usual(status: int) -> None:
    process = child(f"exit_within(5, 129)\nsys.stdout.write('done')\nsys.exit({status})")
    assert ended(process, within=4)[0] == status


# -- the wizard, end to end ---------------------------------------------------------------------

FIRST_SCREEN = "培训概况"
#: ``python -m wizard demo``, its terminal (stdin) made its controlling terminal as a terminal
#: emulator does, so that closing the terminal sends it SIGHUP.
START_IN_TERMINAL = (
    "import fcntl, os, sys, termios\n"
    "fcntl.ioctl(0, termios.TIOCSCTTY, 0)\n"
    "os.execv(sys.executable, [sys.executable, '-m', 'wizard', 'demo'])\n"
)


class Wizard:
    """``python -m wizard demo`` on a pseudo-terminal of ``columns`` × ``lines``;
    ``master`` is the terminal's side of it."""

    def __init__(self, home: Path, columns: int, lines: int) -> None:
        self.home = home
        env = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}
        env.update(SPEECH_WIZARD_HOME=str(home), TERM="xterm-256color")
        env.pop("TEXTUAL_DRIVER", None)
        self.process, self.master = start_on_pty(
            [sys.executable, "-c", START_IN_TERMINAL], cwd=ROOT, env=env, columns=columns, lines=lines
        )
        self.output = b""
        self.master_open = True

    def read_until(self, done, within: float = 30) -> None:
        """Read the screen until ``done()``; fail after ``within`` seconds."""
        deadline = time.monotonic() + within
        while not done():
            assert time.monotonic() < deadline, self.output.decode(errors="replace")[-2000:]
            if select.select([self.master], [], [], 0.05)[0]:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:  # the wizard is gone
                    pytest.fail(self.output.decode(errors="replace")[-2000:])

    def wait_until(self, done, within: float = 10) -> None:
        """Wait for ``done()`` without reading the screen (a terminal that hangs)."""
        deadline = time.monotonic() + within
        while not done():
            assert time.monotonic() < deadline
            time.sleep(0.05)

    def draft(self) -> str:
        found = sorted((self.home / "drafts").glob("demo-*.toml"))
        return found[0].read_text(encoding="utf-8") if found else ""

    def close_terminal(self) -> None:
        if self.master_open:
            os.close(self.master)
            self.master_open = False

    def end(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.close_terminal()


def gone_within(wizard_run: Wizard, seconds: float) -> int:
    """The wizard's exit status after SIGHUP; fails if it is still running after ``seconds``."""
    started = time.monotonic()
    wizard_run.process.send_signal(signal.SIGHUP)
    try:
        return wizard_run.process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the wizard still runs {time.monotonic() - started:.1f} s after SIGHUP")


@posix
def test_when_the_terminal_is_closed_the_wizard_writes_the_draft_and_leaves(tmp_path: Path) -> None:
    run = Wizard(tmp_path / "home", 120, 40)
    try:
        run.read_until(lambda: FIRST_SCREEN in run.output.decode(errors="replace"))
        os.write(run.master, "x草".encode())
        run.read_until(lambda: "x草" in run.draft())  # the autosave, half a second later
        shown = len(run.output)
        os.write(run.master, "稿".encode())  # only the flush on SIGHUP writes this one
        run.read_until(lambda: "稿" in run.output[shown:].decode(errors="replace"))
        run.close_terminal()  # the kernel sends SIGHUP; so do we
        assert gone_within(run, 3) == 128 + signal.SIGHUP
        assert "x草稿" in run.draft()
    finally:
        run.end()


@posix
def test_when_the_terminal_stops_reading_the_wizard_writes_the_draft_and_leaves(tmp_path: Path) -> None:
    """A large terminal whose first screen is never read: Textual's writer thread blocks on it."""
    run = Wizard(tmp_path / "home", 300, 100)
    try:
        run.read_until(lambda: FIRST_SCREEN in run.output.decode(errors="replace"))
        os.write(run.master, "x草".encode())
        run.wait_until(lambda: "x草" in run.draft())
        os.write(run.master, "稿".encode())
        time.sleep(0.2)  # read by the wizard, not yet saved by the autosave
        assert gone_within(run, 3) == 128 + signal.SIGHUP
        assert "x草稿" in run.draft()
    finally:
        run.end()
