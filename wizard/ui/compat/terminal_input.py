"""Terminal input made safe, for Textual 8.2.8's Linux/macOS driver.

Nothing is patched: ``install`` hands the app a subclass of Textual's
``LinuxDriver`` (the public ``App.driver_class``) before it runs. Where it does
not apply (Windows, another Textual, ``TEXTUAL_DRIVER`` set) Textual's own
driver is used.

- Bytes that are not UTF-8 no longer end the app (Textualize/textual#6456): they
  decode as U+FFFD.
- ESC inside a bracketed paste is dropped before Textual's parser sees it, so a
  paste can't end early and replay the rest as key presses (``\\x1b[0m\\x11`` quit).
  No upstream issue yet.
- The size is read from the terminal Textual draws on (stderr) first, so
  ``speech-wizard edit x.toml > 发言.txt`` gets the real size and follows
  resizes (Textual reads stdout's: 80×24 whatever the terminal; upstream
  pull request Textualize/textual#5417, not merged).

Private Textual names used: ``LinuxDriver._get_terminal_size`` (overridden) and
``textual._xterm_parser.XTermParser`` (subclassed). ``run_input_thread`` (public) is
a copy of 8.2.8's, which is why everything is gated on that exact version.
"""

from __future__ import annotations

import codecs
import functools
import os
import selectors
import sys
from typing import Any

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


class PasteGuard:
    """Drops ESC from inside bracketed pastes in a stream of terminal input, read by read.

    Outside a paste nothing is changed or held back (the parser copes with a sequence
    cut by a read, and a lone Escape key must arrive at once); the last few characters
    are remembered to notice a paste start cut in two. Inside a paste, an end that may
    be cut in two is held until the next read.
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

    def flush(self) -> str:
        """What was held back, at the end of input."""
        held, self.pending = self.pending, ""
        return held


def _partial(text: str, marker: str) -> str:
    """The end of ``text`` that could be the start of ``marker`` cut by a read."""
    for size in range(len(marker) - 1, 0, -1):
        if text.endswith(marker[:size]):
            return text[-size:]
    return ""


def terminal_size() -> tuple[int, int] | None:
    """The size of the terminal drawn on (stderr), else stdout's; None if neither is one.

    ``COLUMNS``/``LINES``, when set, leave it to Textual (as ``shutil.get_terminal_size``).
    """
    if "COLUMNS" in os.environ or "LINES" in os.environ:
        return None
    for stream in (sys.__stderr__, sys.__stdout__):
        if stream is None:
            continue
        try:
            size = os.get_terminal_size(stream.fileno())
        except (AttributeError, ValueError, OSError):
            continue
        if size.columns and size.lines:
            return size.columns, size.lines
    return None


@functools.cache
def parser_class() -> type:
    """Textual's XTermParser, fed through a PasteGuard."""
    # Private module: the one parser there is.
    from textual._xterm_parser import XTermParser

    class GuardedParser(XTermParser):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.paste_guard = PasteGuard()

        def feed(self, data: str):
            if data:
                return super().feed(self.paste_guard.filter(data))
            # End of input: what was held back goes to the parser before the end.
            held = self.paste_guard.flush()
            events = list(super().feed(held)) if held else []
            return events + list(super().feed(""))

    return GuardedParser


@functools.cache
def _driver_class() -> type:
    from textual._parser import ParseError
    from textual.drivers.linux_driver import LinuxDriver

    GuardedParser = parser_class()

    class GuardedLinuxDriver(LinuxDriver):
        """LinuxDriver with a forgiving decoder, a paste guard and stderr's size."""

        def __init__(self, app, **options) -> None:
            super().__init__(app, **options)
            self.keys_log = bool(options.get("debug", False))

        def _get_terminal_size(self) -> tuple[int, int]:  # private hook, 8.2.8
            return terminal_size() or super()._get_terminal_size()

        def run_input_thread(self) -> None:
            """LinuxDriver.run_input_thread of Textual 8.2.8, with the two changes marked."""
            selector = selectors.SelectSelector()
            selector.register(self.fileno, selectors.EVENT_READ)
            fileno = self.fileno
            EVENT_READ = selectors.EVENT_READ

            parser = GuardedParser(self.keys_log)  # changed: paste guard
            feed = parser.feed
            tick = parser.tick
            # changed: errors="replace" (Textualize/textual#6456)
            decode = codecs.getincrementaldecoder("utf-8")(errors="replace").decode
            read = os.read

            def process_selector_events(selector_events, final: bool = False) -> None:
                last_index = len(selector_events) - 1
                for index, (_selector_key, mask) in enumerate(selector_events):
                    if mask & EVENT_READ:
                        unicode_data = decode(read(fileno, 1024 * 4), final=final and index == last_index)
                        if not unicode_data:
                            # This can occur if the stdin is piped
                            break
                        for event in feed(unicode_data):
                            self.process_message(event)
                for event in tick():
                    self.process_message(event)

            try:
                while not self.exit_event.is_set():
                    process_selector_events(selector.select(0.1))
                selector.unregister(self.fileno)
                process_selector_events(selector.select(0.1), final=True)
            finally:
                selector.close()
                try:
                    for _event in feed(""):
                        pass
                except (EOFError, ParseError):
                    pass

    return GuardedLinuxDriver


def install(app: Any) -> bool:
    """Make ``app`` (not yet running) use the guarded driver; True if it does.

    Not on Windows (another driver, another input path), and not when
    ``TEXTUAL_DRIVER`` names a driver of the user's choosing.
    """
    if sys.platform == "win32" or os.environ.get("TEXTUAL_DRIVER"):
        return False
    app.driver_class = _driver_class()
    return True
