"""Make the terminal's input safe before Textual reads it (Linux and macOS driver).

Two holes in Textual 8.2's input path, both reachable by pasting, and its size:

- Bytes that are not UTF-8 (a GBK terminal, binary junk) raise in the input
  thread and end the app (upstream Textualize/textual#6456). They are
  decoded with U+FFFD instead, as any editor shows them.
- An ESC inside a bracketed paste ends the paste for Textual's parser, and
  what follows is replayed as key presses: a pasted ``\\x1b[0m\\x11`` quits.
  ESC characters inside a paste are dropped (the record drops them anyway),
  so a paste is only ever text.
- The terminal's size is read from standard output, where the wizard prints
  the finished speech; with it redirected (``speech-wizard edit x.toml >
  发言.txt``) Textual drew 80×25 in any terminal and ignored resizes. The size
  is read from the terminal Textual draws on (standard error) first.
"""

from __future__ import annotations

import codecs
import functools
import os
import sys
from collections.abc import Iterable

from textual.message import Message

from textual._xterm_parser import XTermParser

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


class PasteGuard:
    """Drops ESC from inside bracketed pastes in a stream of terminal input, read by read.

    Outside a paste nothing is changed or held back (the parser copes with a
    sequence cut by a read, and a lone Escape key must arrive at once); the
    last few characters are remembered to notice a paste start cut in two.
    Inside a paste, an end that may be cut in two is held until the next read.
    """

    def __init__(self) -> None:
        self.in_paste = False
        self.pending = ""
        self.tail = ""

    def filter(self, data: str) -> str:
        data, self.pending = self.pending + data, ""
        out: list[str] = []
        position = 0
        while position < len(data):
            if not self.in_paste:
                seen = self.tail + data[position:]
                start = seen.find(PASTE_START)
                if start < 0:
                    out.append(data[position:])
                    self.tail = seen[-(len(PASTE_START) - 1) :]
                    break
                inside = position + start + len(PASTE_START) - len(self.tail)
                out.append(data[position:inside])
                position, self.tail, self.in_paste = inside, "", True
            else:
                end = data.find(PASTE_END, position)
                if end < 0:
                    rest = data[position:]
                    self.pending = _partial(rest, PASTE_END)
                    out.append(rest[: len(rest) - len(self.pending)].replace("\x1b", ""))
                    break
                out.append(data[position:end].replace("\x1b", "") + PASTE_END)
                position, self.in_paste = end + len(PASTE_END), False
        return "".join(out)


def _partial(text: str, marker: str) -> str:
    """The end of ``text`` that could be the start of ``marker`` cut by a read."""
    for size in range(len(marker) - 1, 0, -1):
        if text.endswith(marker[:size]):
            return text[-size:]
    return ""


class GuardedParser(XTermParser):
    """Textual's parser, fed through a PasteGuard."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._guard = PasteGuard()

    def feed(self, data: str) -> Iterable[Message]:
        if data:
            return super().feed(self._guard.filter(data))
        # End of input: what was held back goes to the parser before the end.
        held, self._guard.pending = self._guard.pending, ""
        events = list(super().feed(held)) if held else []
        return events + list(super().feed(""))


def terminal_size(fallback) -> tuple[int, int]:
    """The size of the terminal drawn on (stderr), else of stdout; ``fallback()`` if neither is one.

    ``COLUMNS`` and ``LINES``, when set, still win, as in ``shutil.get_terminal_size``.
    """
    if "COLUMNS" not in os.environ and "LINES" not in os.environ:
        for stream in (sys.__stderr__, sys.__stdout__):
            try:
                size = os.get_terminal_size(stream.fileno())
            except (AttributeError, ValueError, OSError):
                continue
            if size.columns and size.lines:
                return size.columns, size.lines
    return fallback()


def apply() -> None:
    """Install the guards and the size reading in the terminal driver, if this Textual has it."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # Windows: another driver, another input path
        return
    driver = linux_driver.LinuxDriver
    if not getattr(driver, "_wizard_size", False) and hasattr(driver, "_get_terminal_size"):
        textual_size = driver._get_terminal_size
        driver._get_terminal_size = lambda self: terminal_size(lambda: textual_size(self))  # type: ignore[method-assign]
        driver._wizard_size = True  # type: ignore[attr-defined]
    linux_driver.XTermParser = GuardedParser  # type: ignore[misc]
    linux_driver.getincrementaldecoder = lambda encoding: functools.partial(  # type: ignore[assignment]
        codecs.getincrementaldecoder(encoding), errors="replace"
    )
