"""Terminal input (wizard/ui/compat/terminal_input.py): pastes stay text, bytes that are not
UTF-8 do not end the app, and the size comes from the terminal drawn on."""

from __future__ import annotations

import os
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
