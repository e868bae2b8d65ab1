"""The terminal input guards: pastes stay text, bytes that are not UTF-8 do not crash."""

from __future__ import annotations

import codecs

import pytest
from textual import events

from wizard.ui.terminal_input import GuardedParser, PasteGuard, apply


def keys_and_pastes(chunks: list[str]) -> list[tuple[str, str]]:
    parser = GuardedParser()
    found = []
    for chunk in [*chunks, ""]:
        for event in [*parser.feed(chunk), *parser.tick()]:
            if isinstance(event, events.Paste):
                found.append(("paste", event.text))
            elif isinstance(event, events.Key):
                found.append(("key", event.key))
    return found


def test_an_escape_inside_a_paste_is_dropped_and_runs_no_key():
    found = keys_and_pastes(["\x1b[200~甲\x1b[0m\x11乙\x1b[201~"])
    assert found == [("paste", "甲[0m\x11乙")]


@pytest.mark.parametrize("cut", range(1, 21))
def test_the_same_when_the_terminal_delivers_it_in_two_reads(cut):
    data = "a\x1b[200~甲\x1b[31m乙\x1b[201~b"
    assert keys_and_pastes([data[:cut], data[cut:]]) == [("key", "a"), ("paste", "甲[31m乙"), ("key", "b")]


def test_keys_outside_a_paste_are_untouched():
    assert keys_and_pastes(["x\x11"]) == [("key", "x"), ("key", "ctrl+q")]
    guard = PasteGuard()
    assert guard.filter("\x1b") == "\x1b", "a lone Escape key press is not held back"
    assert guard.filter("\x1b[A") == "\x1b[A"


def test_apply_installs_the_parser_and_a_forgiving_decoder(monkeypatch):
    from textual.drivers import linux_driver

    monkeypatch.setattr(linux_driver, "XTermParser", linux_driver.XTermParser)
    monkeypatch.setattr(linux_driver, "getincrementaldecoder", linux_driver.getincrementaldecoder)
    apply()
    assert linux_driver.XTermParser is GuardedParser
    decode = linux_driver.getincrementaldecoder("utf-8")().decode
    assert decode("中文".encode("gbk"), final=True) == "\ufffd" * 3 or "\ufffd" in decode(b"\xd6\xd0", final=True)
    assert codecs.getincrementaldecoder("utf-8")().decode("中".encode()) == "中"


def test_the_size_comes_from_the_terminal_drawn_on_when_stdout_is_redirected(monkeypatch):
    """``speech-wizard edit x.toml > 发言.txt``: stdout is a file, the UI is drawn on stderr."""
    import os
    import sys

    from textual.drivers.linux_driver import LinuxDriver

    def get_terminal_size(fd):
        if fd == sys.__stderr__.fileno():
            return os.terminal_size((132, 43))
        raise OSError("not a terminal")

    monkeypatch.setattr(os, "get_terminal_size", get_terminal_size)
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    apply()
    assert LinuxDriver._get_terminal_size(None) == (132, 43)
    # COLUMNS and LINES still win, as for shutil.get_terminal_size.
    monkeypatch.setenv("COLUMNS", "90")
    monkeypatch.setenv("LINES", "30")
    assert LinuxDriver._get_terminal_size(None) == (90, 30)
