"""Terminal input made safe, for Textual 8.2.8's Linux/macOS driver.

Nothing is patched: ``install`` hands the app a subclass of Textual's
``LinuxDriver`` (the public ``App.driver_class``) before it runs. Where it does
not apply (Windows, another Textual, ``TEXTUAL_DRIVER`` set) Textual's own
driver is used.

- Bytes that are not UTF-8 no longer end the app (Textualize/textual#6456): they
  decode as U+FFFD.
- A bracketed paste stays text, whatever it holds: no part of it can run an
  action. No upstream issue yet. Textual ends a paste at the first ESC sequence it
  knows (``\\x1b[0m\\x11`` quit) and at the first end marker, even one that is part
  of the pasted text (``\\x1b[200~a\\x1b[201~b\\x13\\x1b[201~`` saved, ctrl+s). The
  rule (``PasteGuard``), before Textual's parser sees the input:

  * inside a paste, ESC is dropped (the text keeps ``[0m``);
  * an end marker ``ESC [201~`` is held back, with everything read after it;
  * another end marker before the input has been quiet for ``ESCAPE_DELAY``
    (0.1 s, Textual's own wait for the rest of a sequence) makes the held one, and
    all read in between, text of the paste (ESC dropped; a paste start in there
    too), and is itself held in turn: a paste runs to its last end marker in one
    burst of input;
  * once the input is quiet that long (the input thread's ``tick``, at most 0.1 s
    later) or at the end of input, the held end marker is the real end: the paste
    event goes out, and what followed it goes on to the parser untouched.

  So a paste reaches the app 0.1 to 0.2 s after its last byte, and so do keys
  arriving within that time after it (none are lost). A terminal writes a paste
  in one go, so its reads come back to back; a human can't type, nor paste again,
  within that gap (two pastes in one burst would make one, their markers kept as
  text). Continuous input right after a paste (mouse moves) keeps it held until
  the input pauses for the gap. Outside a paste nothing is held back.
- The size is read from the terminal Textual draws on (stderr) first, so
  ``speech-wizard edit x.toml > 发言.txt`` gets the real size and follows
  resizes (Textual reads stdout's: 80×24 whatever the terminal; upstream
  pull request Textualize/textual#5417, not merged).

Private Textual names used: ``LinuxDriver._get_terminal_size`` (overridden) and
``textual._xterm_parser.XTermParser`` (subclassed; its ``feed`` and ``tick`` wrapped, an
empty feed being the end of input). ``run_input_thread`` (public) is
a copy of 8.2.8's, which is why everything is gated on that exact version.
"""

from __future__ import annotations

import codecs
import functools
import os
import selectors
import sys
import time
from collections.abc import Callable
from typing import Any

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
ESC = "\x1b"
#: Input quiet for this long after a paste's end marker makes it the real end (seconds);
#: the parser passes Textual's ESCAPE_DELAY, its own wait for the rest of a sequence.
QUIET = 0.1


class PasteGuard:
    """Keeps a bracketed paste text, in a stream of terminal input read by read.

    Inside a paste ESC is dropped (the parser must see no sequence there but the end
    marker). An end marker is held, with whatever follows it, until it is known to be the
    real end: another end marker before ``quiet`` seconds without input makes it, and all
    in between, text of the paste; the quiet gap (``due``) or the end of input (``flush``)
    makes it the real end, and what followed goes on untouched.

    Outside a paste nothing is changed or held back (the parser copes with a sequence
    cut by a read, and a lone Escape key must arrive at once); the last few characters
    are remembered to notice a paste start cut in two. Inside a paste, an end that may
    be cut in two is held until the next read.
    """

    def __init__(self, quiet: float = QUIET, clock: Callable[[], float] = time.monotonic) -> None:
        self.quiet = quiet
        self.clock = clock
        self.in_paste = False
        #: Inside a paste, after an end marker not yet known to be the real end: what came since.
        self.held: str | None = None
        #: Inside a paste: the start of an end marker that may be cut by the read.
        self.pending = ""
        #: Outside a paste: the last characters, for a paste start cut by the read.
        self.tail = ""
        self.last_heard = clock()

    def filter(self, data: str) -> str:
        """What the parser is to see of ``data``, the next read."""
        self.heard()
        return self._filter(data)

    def heard(self) -> None:
        """Input was just read (and parsed): the quiet gap starts again."""
        self.last_heard = self.clock()

    def due(self) -> str:
        """An end marker held through a quiet gap, and what followed it, for the parser."""
        if self.held is None or self.clock() - self.last_heard < self.quiet:
            return ""
        return self._end_pastes()

    def flush(self) -> str:
        """What was held back, at the end of input."""
        out = self._end_pastes()
        held, self.pending = self.pending, ""
        return out + held

    def _end_pastes(self) -> str:
        """Every held end marker is a real end."""
        out: list[str] = []
        while self.held is not None:
            rest = self.held + self.pending
            self.in_paste, self.held, self.pending, self.tail = False, None, "", ""
            out += [PASTE_END, self._filter(rest)]
        return "".join(out)

    def _filter(self, data: str) -> str:
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
                continue
            end = data.find(PASTE_END, position)
            if end < 0:
                rest = data[position:]
                self.pending = _partial(rest, PASTE_END)
                rest = rest[: len(rest) - len(self.pending)]
                if self.held is None:
                    out.append(rest.replace(ESC, ""))
                else:
                    self.held += rest
                break
            if self.held is not None:
                # Another end marker: the held one, and what followed it, were pasted text.
                out.append((PASTE_END + self.held + data[position:end]).replace(ESC, ""))
            else:
                out.append(data[position:end].replace(ESC, ""))
            position, self.held = end + len(PASTE_END), ""
        return "".join(out)


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
    from textual import constants
    from textual._xterm_parser import XTermParser

    class GuardedParser(XTermParser):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.paste_guard = PasteGuard(quiet=constants.ESCAPE_DELAY)

        def feed(self, data: str):
            if not data:
                # End of input: what was held back goes to the parser before the end.
                return self._parse(self.paste_guard.flush()) + list(super().feed(""))
            events = self._parse(self.paste_guard.filter(data))
            self.paste_guard.heard()  # the quiet gap starts once the read is parsed
            return events

        def tick(self):
            return self._parse(self.paste_guard.due()) + list(super().tick())

        def _parse(self, data: str) -> list:
            # Never an empty string: to Textual's parser that is the end of input.
            return list(super().feed(data)) if data else []

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
