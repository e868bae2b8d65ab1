"""Terminal input (wizard/ui/compat/terminal_input.py): pastes stay text, bytes that are not
UTF-8 do not end the app, and the size comes from the terminal drawn on."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from textual.drivers.linux_driver import LinuxDriver

from wizard.ui.compat.terminal_input import (
    PasteGuard,
    _driver_class,
    install,
    parser_class,
    terminal_size,
)

from .input_model import parse, read_through_driver, sizes_seen

pytestmark = pytest.mark.perf
posix = pytest.mark.skipif(sys.platform == "win32", reason="the Linux/macOS driver and ptys")

PASTE = "\x1b[200~A\x1b[0m\x11B\x1b[201~"


def guarded(chunks: list[str]) -> list[tuple[str, str]]:
    return parse(parser_class()(), chunks)


def test_an_escape_inside_a_paste_is_dropped_and_runs_no_key() -> None:
    assert guarded(["\x1b[200~甲\x1b[0m\x11乙\x1b[201~"]) == [("paste", "甲[0m\x11乙")]


@pytest.mark.parametrize("cut", range(len(PASTE) + 1))
def test_a_paste_with_an_escape_is_one_paste_however_the_reads_cut_it(cut: int) -> None:
    assert guarded([PASTE[:cut], PASTE[cut:]]) == [("paste", "A[0m\x11B")]


@pytest.mark.parametrize("cut", range(1, 21))
def test_keys_around_the_paste_too(cut: int) -> None:
    data = "a\x1b[200~甲\x1b[31m乙\x1b[201~b"
    assert guarded([data[:cut], data[cut:]]) == [("key", "a"), ("paste", "甲[31m乙"), ("key", "b")]


#: Issue 16, item 10: a pasted end marker ended the paste, and ctrl+s saved.
PASTED_END = "\x1b[200~a\x1b[201~b\x13\x1b[201~"


@pytest.mark.parametrize("cut", range(len(PASTED_END) + 1))
def test_a_pasted_end_marker_is_text_however_the_reads_cut_it(cut: int) -> None:
    """The paste runs to its last end marker: one paste, no ctrl+s."""
    assert guarded([PASTED_END[:cut], PASTED_END[cut:]]) == [("paste", "a[201~b\x13")]


@pytest.mark.parametrize("first", range(len(PASTED_END) + 1))
def test_a_pasted_end_marker_is_text_in_three_reads(first: int) -> None:
    for second in range(first, len(PASTED_END) + 1):
        chunks = [PASTED_END[:first], PASTED_END[first:second], PASTED_END[second:]]
        assert guarded(chunks) == [("paste", "a[201~b\x13")], chunks


@pytest.mark.parametrize("cut", range(1, 36))
def test_pasted_end_markers_escapes_and_paste_starts_are_all_text(cut: int) -> None:
    data = "\x1b[200~甲\x1b[201~\x11\x1b[201~\x1b[200~\x1b[0m乙\x1b[201~z"
    assert guarded([data[:cut], data[cut:]]) == [("paste", "甲[201~\x11[201~[200~[0m乙"), ("key", "z")]


@pytest.mark.parametrize("seed", range(40))
def test_whatever_a_paste_holds_and_however_it_is_read_it_is_one_paste(seed: int) -> None:
    pieces = ["a", "甲", "\x1b", "[", "~", "\x11", "\x13", "\x1b[201~", "\x1b[200~", "\x1b[A", "\x1b[20", "0~", "1~"]
    rng = random.Random(seed)
    text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
    data = f"\x1b[200~{text}\x1b[201~"
    cuts = sorted(rng.sample(range(len(data) + 1), 3))
    chunks = [data[start:stop] for start, stop in zip([0, *cuts], [*cuts, len(data)])]
    assert guarded(chunks) == [("paste", text.replace("\x1b", ""))], chunks


def test_a_read_that_is_all_held_back_does_not_end_the_input() -> None:
    """To Textual's parser an empty feed is the end of input: none is passed on."""
    assert guarded(["\x1b[200~", "\x1b[2", "01~", "\x1b[20", "1~x"]) == [("paste", "[201~"), ("key", "x")]
    assert guarded(["\x1b[200~a\x1b[201~", "b", "\x1b[2", "01~", "c"]) == [("paste", "a[201~b"), ("key", "c")]


@pytest.mark.parametrize("cut", range(1, 15))
def test_keys_typed_after_a_paste_still_arrive(cut: int) -> None:
    data = "\x1b[200~甲\x1b[201~x\x1b[A\x13"
    assert guarded([data[:cut], data[cut:]]) == [("paste", "甲"), ("key", "x"), ("key", "up"), ("key", "ctrl+s")]


def test_escape_alone_after_a_paste_still_arrives() -> None:
    assert guarded(["\x1b[200~a\x1b[201~", "\x1b"]) == [("paste", "a"), ("key", "escape")]
    assert guarded(["\x1b[200~a\x1b[201~\x1b"]) == [("paste", "a"), ("key", "escape")]


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_an_end_marker_is_held_until_the_input_is_quiet() -> None:
    clock = Clock()
    guard = PasteGuard(quiet=0.1, clock=clock)
    assert guard.filter("\x1b[200~a\x1b[201~x") == "\x1b[200~a"
    clock.now = 0.09
    assert guard.due() == ""
    assert guard.filter("\x1b") == ""  # more input: the quiet gap starts again
    clock.now = 0.18
    assert guard.due() == ""
    clock.now = 0.19
    assert guard.due() == "\x1b[201~x\x1b"
    assert guard.due() == ""
    assert guard.filter("y\x1b") == "y\x1b", "after the paste nothing is held back"
    assert guard.flush() == ""


def test_a_second_end_marker_within_the_gap_makes_the_first_text() -> None:
    clock = Clock()
    guard = PasteGuard(quiet=0.1, clock=clock)
    assert guard.filter("\x1b[200~a\x1b[201~b\x13") == "\x1b[200~a"
    clock.now = 0.05
    assert guard.filter("\x1b[201~") == "[201~b\x13"
    clock.now = 0.2
    assert guard.due() == "\x1b[201~"


def test_the_parser_ticks_out_what_was_held() -> None:
    clock = Clock()
    parser = parser_class()()
    parser.paste_guard.clock = clock
    assert list(parser.feed("\x1b[200~a\x1b[201~x")) == []
    assert list(parser.tick()) == []
    clock.now += 1
    found = list(parser.tick())
    assert [type(event).__name__ for event in found] == ["Paste", "Key"]
    assert (found[0].text, found[1].key) == ("a", "x")


def test_keys_outside_a_paste_are_untouched() -> None:
    assert guarded(["x\x11", "\x1b[A"]) == [("key", "x"), ("key", "ctrl+q"), ("key", "up")]
    guard = PasteGuard()
    assert guard.filter("\x1b") == "\x1b", "a lone Escape key press is not held back"
    assert guard.filter("\x1b[A") == "\x1b[A"


@posix
async def test_bytes_that_are_not_utf8_arrive_as_replacement_characters() -> None:
    """你好 in GBK, then z, through the guarded driver's input thread (Textualize/textual#6456)."""
    keys, failure = await read_through_driver(_driver_class(), ["你好".encode("gbk"), b"z"], last_key="z")
    assert failure is None
    assert keys == ["replacement_character"] * 3 + ["z"]


@posix
async def test_a_pasted_end_marker_runs_no_key_through_the_input_thread() -> None:
    """The driver's own input thread and its ticks: one paste, then the key typed after."""
    pastes: list[str] = []
    writes = [b"\x1b[200~a\x1b[201~b\x13", b"\x1b[201~", b"z"]
    keys, failure = await read_through_driver(_driver_class(), writes, last_key="z", pastes=pastes)
    assert failure is None
    assert (pastes, keys) == (["a[201~b\x13"], ["z"])


@posix
@pytest.mark.parametrize("after", ["\x1b", "\x1b[A", "x"])
async def test_a_key_right_after_a_paste_arrives_through_the_input_thread(after: str) -> None:
    """Held after the end marker, then let go once the input is quiet: no end of input needed."""
    pastes: list[str] = []
    last = {"\x1b": "escape", "\x1b[A": "up", "x": "x"}[after]
    writes = [f"\x1b[200~甲\x1b[201~{after}".encode()]
    keys, failure = await read_through_driver(_driver_class(), writes, last_key=last, pastes=pastes)
    assert failure is None
    assert (pastes, keys) == (["甲"], [last])


def test_the_size_comes_from_stderr_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """``speech-wizard edit x.toml > 发言.txt``: stdout is a file, the UI is drawn on stderr."""

    def get_terminal_size(fd: int) -> os.terminal_size:
        if fd == sys.__stderr__.fileno():  # type: ignore[union-attr]
            return os.terminal_size((132, 43))
        raise OSError("not a terminal")

    monkeypatch.setattr(os, "get_terminal_size", get_terminal_size)
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    driver: Any = object.__new__(_driver_class())  # no __init__: only the size is asked
    assert terminal_size() == driver._get_terminal_size() == (132, 43)
    # COLUMNS and LINES still win, as for shutil.get_terminal_size (Textual's own way).
    monkeypatch.setenv("COLUMNS", "90")
    monkeypatch.setenv("LINES", "30")
    assert terminal_size() is None
    assert driver._get_terminal_size() == (90, 30)


@posix
@pytest.mark.parametrize("stdout", ["file", "terminal"])
def test_the_size_of_the_terminal_on_stderr_when_stdout_is_redirected(tmp_path: Path, stdout: str) -> None:
    """A real process: stderr a 132×43 pty, stdout a file or a 100×30 pty."""
    sizes = sizes_seen(tmp_path, stdout_terminal=(100, 30) if stdout == "terminal" else None)
    assert sizes["compat"] == [132, 43]


def test_install_sets_the_driver_class(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    app = SimpleNamespace(driver_class=None)
    assert install(app)
    assert app.driver_class is _driver_class()
    assert issubclass(app.driver_class, LinuxDriver)


@pytest.mark.parametrize("where", ["TEXTUAL_DRIVER set", "win32"])
def test_install_leaves_the_driver_alone(monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    if where == "win32":
        monkeypatch.setattr(sys, "platform", "win32")
    else:
        monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.linux_driver:LinuxDriver")
    app = SimpleNamespace(driver_class=None)
    assert not install(app)
    assert app.driver_class is None
