"""Terminal input as a terminal delivers it: through a parser read by read, through a
driver's input thread from a pipe, and the size seen by a process whose stdout is redirected."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path
from typing import Any

from textual import events

ROOT = Path(__file__).resolve().parents[2]


def parse(parser: Any, chunks: list[str]) -> list[tuple[str, str]]:
    """The keys and pastes ``parser`` makes of ``chunks`` (one read each), then end of input."""
    found: list[tuple[str, str]] = []
    for chunk in [*filter(None, chunks), ""]:
        for event in parser.feed(chunk):
            if isinstance(event, events.Paste):
                found.append(("paste", event.text))
            elif isinstance(event, events.Key):
                found.append(("key", event.key))
    return found


async def read_through_driver(
    driver_class: type, writes: list[bytes], last_key: str, pastes: list[str] | None = None
) -> tuple[list[str], BaseException | None]:
    """Run ``driver_class``'s input thread on a pipe; write ``writes`` to it one by one.

    Returns the keys the driver passed on, up to ``last_key``, and the exception that
    ended the thread, if one did; the text of each paste goes to ``pastes``, if given.
    (Async: a driver is made inside a running loop.)
    """
    handlers = {number: signal.getsignal(number) for number in (signal.SIGTSTP, signal.SIGCONT)}
    try:
        driver = driver_class(object(), debug=False, mouse=False, size=(80, 24))
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
    read_end, write_end = os.pipe()
    driver.fileno = read_end
    keys: list[str] = []
    failure: list[BaseException] = []
    done = threading.Event()

    def process_message(message: Any) -> None:
        if isinstance(message, events.Paste) and pastes is not None:
            pastes.append(message.text)
        if isinstance(message, events.Key):
            keys.append(message.key)
            if message.key == last_key:
                done.set()

    def run() -> None:
        try:
            driver.run_input_thread()
        except BaseException as error:
            failure.append(error)
            done.set()

    driver.process_message = process_message
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        for data in writes:
            os.write(write_end, data)
        assert done.wait(60), f"the driver passed on only {keys}"
    finally:
        driver.exit_event.set()
        thread.join(60)
        os.close(write_end)
        os.close(read_end)
    return keys, failure[0] if failure else None


_SIZES = """
import json
from textual.drivers.linux_driver import LinuxDriver
from wizard.ui.compat.terminal_input import terminal_size
print(json.dumps({"compat": terminal_size(), "textual": LinuxDriver._get_terminal_size(None)}))
"""


def _pty(columns: int, lines: int) -> tuple[int, int]:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    return master, slave


def sizes_seen(tmp_path: Path, *, stdout_terminal: tuple[int, int] | None = None) -> dict[str, list[int]]:
    """The sizes found by ``terminal_size()`` and by Textual's driver in a process drawing on
    a 132×43 terminal (stderr), its stdout a file or, if ``stdout_terminal``, another terminal."""
    env = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}
    out = tmp_path / "sizes.json"
    terminals = [_pty(132, 43)]
    if stdout_terminal:
        terminals.append(_pty(*stdout_terminal))
    try:
        with out.open("w") as file:
            stdout: Any = terminals[1][1] if stdout_terminal else file
            done = subprocess.run(
                [sys.executable, "-c", _SIZES],
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=terminals[0][1],
                env=env,
                cwd=ROOT,
                timeout=60,
                check=False,
            )
        if done.returncode:
            os.set_blocking(terminals[0][0], False)
            raise AssertionError(os.read(terminals[0][0], 65536).decode(errors="replace"))
        if stdout_terminal:
            return json.loads(os.read(terminals[1][0], 4096).decode())
        return json.loads(out.read_text())
    finally:
        for master, slave in terminals:
            os.close(master)
            os.close(slave)
