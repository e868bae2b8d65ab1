"""The real program in a pseudo-terminal: killed while typing, it gives the text back.

Each test starts ``python -m wizard`` on a pty, types into the first field,
ends the process the hard way (SIGKILL, SIGHUP as when the terminal closes,
SIGTERM), starts it again, accepts the resume dialog with Enter, and looks
for the typed text on the screen.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.pty_process import start_on_pty

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

TYPED = "Draft-survives-"


class Terminal:
    """A wizard process on a pty, with everything it draws collected in ``screen``."""

    def __init__(self, home: Path, cwd: Path, *args: str, env: dict[str, str] | None = None) -> None:
        extra = env or {}
        env = {**os.environ, "SPEECH_WIZARD_HOME": str(home), "TERM": "xterm-256color", "LANG": "C.UTF-8"}
        env.pop("TEXTUAL", None)
        env.pop("NO_COLOR", None)
        env.update(extra)
        self.process, master = start_on_pty([sys.executable, "-m", "wizard", *args], cwd=cwd, env=env)
        self.master = master
        self.output = bytearray()
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self.lock:
                self.output.extend(chunk)

    def mark(self) -> int:
        with self.lock:
            return len(self.output)

    def wait_for(self, text: str, since: int = 0, timeout: float = 30) -> None:
        wanted = text.encode("utf-8")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if wanted in self.output[since:]:
                    return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        with self.lock:
            tail = bytes(self.output[-2000:]).decode("utf-8", "replace")
        raise AssertionError(f"{text!r} never appeared (exit {self.process.poll()}); last output:\n{tail}")

    def type(self, text: str) -> None:
        os.write(self.master, text.encode("utf-8"))

    def end(self, number: int) -> int:
        self.process.send_signal(number)
        try:
            return self.process.wait(timeout=15)
        finally:
            self.close()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=15)
        with contextlib.suppress(OSError):
            os.close(self.master)


@pytest.fixture
def places(tmp_path):
    home, cwd = tmp_path / "home", tmp_path / "work"
    cwd.mkdir()
    return home, cwd


@pytest.mark.parametrize(
    ("name", "wait_for_autosave"),
    [("SIGKILL", True), ("SIGHUP", False), ("SIGTERM", False)],
)
def test_text_typed_before_the_process_dies_comes_back(places, name, wait_for_autosave):
    home, cwd = places
    number = getattr(signal, name)
    typed = TYPED + name
    first = Terminal(home, cwd)
    try:
        first.wait_for("培训班名称")
        since = first.mark()
        first.type(typed)
        first.wait_for(typed, since)  # on screen: the app has taken the keys
        if wait_for_autosave:
            time.sleep(1.5)  # kill -9 can only find what autosave already wrote
        status = first.end(number)
    finally:
        first.close()
    if number != signal.SIGKILL:
        assert status == 128 + number, f"{name} should end the wizard cleanly, got {status}"
    drafts = list((home / "drafts").glob("new-*.toml"))
    assert drafts, f"no draft after {name}"

    second = Terminal(home, cwd)
    try:
        second.wait_for("恢复上次未完成的草稿")
        since = second.mark()
        second.type("\r")  # Enter: Resume is focused
        second.wait_for(typed, since)
    finally:
        second.close()


def test_a_pasted_escape_sequence_and_bytes_that_are_not_utf8_change_nothing(places):
    home, cwd = places
    term = Terminal(home, cwd)
    try:
        term.wait_for("培训班名称")
        # A bracketed paste carrying colour codes and Ctrl+Q (quit), then Ctrl+S (save).
        term.type("\x1b[200~粘贴\x1b[31m红\x1b[0m\x11\x13字\x1b[201~")
        since = term.mark()
        os.write(term.master, "乱码".encode("gbk"))  # a GBK terminal's bytes
        term.type("ok")
        term.wait_for("ok", since)
        time.sleep(0.5)
        assert term.process.poll() is None, "the wizard ended"
        assert "保存发言记录" not in bytes(term.output).decode("utf-8", "replace")
        term.wait_for("粘贴[31m红[0m字")
    finally:
        term.close()


def test_two_new_speeches_killed_together_both_come_back(places):
    """Each wizard keeps a draft of its own: neither overwrites the other's."""
    home, cwd = places
    first, second = Terminal(home, cwd), Terminal(home, cwd)
    try:
        for term, name in ((first, "Jia-fang"), (second, "Yi-fang")):
            term.wait_for("培训班名称")
            since = term.mark()
            term.type(name)
            term.wait_for(name, since)
        time.sleep(1.5)  # kill -9 can only find what autosave already wrote
        first.end(signal.SIGKILL)
        second.end(signal.SIGKILL)
    finally:
        first.close()
        second.close()
    assert len(list((home / "drafts").glob("new-*.toml"))) == 2
    third = Terminal(home, cwd)
    try:
        third.wait_for("有 2 份未完成的草稿")
        third.wait_for("Jia-fang")
        third.wait_for("Yi-fang")
    finally:
        third.close()


def test_a_second_wizard_on_an_open_file_says_so(places):
    home, cwd = places
    record = cwd / "speech.toml"
    record.write_bytes(Path(__file__).resolve().parent.parent.joinpath("prompts", "example.toml").read_bytes())
    first = Terminal(home, cwd, "edit", str(record))
    try:
        first.wait_for("培训班名称")
        second = Terminal(home, cwd, "edit", str(record))
        try:
            second.wait_for("正在另一个向导中编辑")
        finally:
            second.close()
    finally:
        first.close()


#: Colour in what a terminal is sent: 256-colour and truecolour codes, and the 16 ANSI colours.
COLOUR = re.compile(r"\x1b\[[0-9;]*(?:38|48);[25];[0-9;]*m|\x1b\[(?:[0-9;]*;)?(?:3|4|9|10)[0-7](?:;[0-9;]*)?m")


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "xterm-mono"}], ids=["NO_COLOR", "xterm-mono"])
def test_no_colour_is_sent_where_none_is_wanted(places, env):
    home, cwd = places
    term = Terminal(home, cwd, "demo", env=env)
    try:
        term.wait_for("培训班名称")
        time.sleep(0.5)
        with term.lock:
            drawn = bytes(term.output).decode("utf-8", "replace")
    finally:
        term.close()
    assert not COLOUR.findall(drawn), COLOUR.findall(drawn)[:5]


def test_colour_is_sent_otherwise(places):
    """Without this, the test above could pass by matching nothing."""
    home, cwd = places
    term = Terminal(home, cwd, "demo")
    try:
        term.wait_for("培训班名称")
        with term.lock:
            drawn = bytes(term.output).decode("utf-8", "replace")
    finally:
        term.close()
    assert COLOUR.findall(drawn)
