"""Parsed stylesheets kept from one run to the next, as Python keeps compiled bytecode.

Textual parses every stylesheet from its text each time an app starts: the
wizard's own and each widget class's ``DEFAULT_CSS``, some 14,000 characters
before the first frame, which took ~12 ms, twice what a bare Textual app
parses. The rules parsed from a text depend only on that text, where it came
from (file, class, scope, priority) and the theme's variables substituted into
it. So the rules the first screen needed are written to a file in the user's
cache folder once that screen is painted, and read back (~3 ms) at the next
start instead of being parsed again.

Any doubt means parsing as usual: no file, an unreadable or broken one, one
written under another Python or another Textual install (both are in the
file), or other theme variables (kept in the file and compared). The file
holds only what this program wrote into the user's own cache folder; a folder
that cannot be written just means no cache, never a message.

``install`` replaces ``Stylesheet._parse_rules`` (Textual 8); a Textual without
it is left alone.
"""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path
from typing import Any

from textual.css.stylesheet import Stylesheet

#: Bumped when what the file holds changes shape.
FORMAT = 1
FILE_NAME = "parsed-styles.pickle"

_stock_parse_rules = getattr(Stylesheet, "_parse_rules", None)


def _textual_stamp() -> tuple[str, int, int]:
    """Which Textual parsed the rules: where its parser is, and when and how big it was installed."""
    import textual.css.parse as parser

    status = os.stat(parser.__file__)
    return parser.__file__, status.st_mtime_ns, status.st_size


def _stamp() -> tuple[Any, ...]:
    return FORMAT, sys.version_info[:3], _textual_stamp()


class ParsedStyles:
    """The parsed rules of one theme's variables, by source: read from ``path``, written back by ``save``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.variables: dict[str, str] | None = None
        self.rules: dict[tuple, list] = {}
        #: Keys of the rules this run has used, and whether any of them had to be parsed.
        self.used: set[tuple] = set()
        self.added = False
        self._settled = False
        self._seen: object = None

    def load(self) -> ParsedStyles:
        """Read the file: its stamp first, and the rules only when the stamp is this install's."""
        try:
            with self.path.open("rb") as file:
                stamp, variables = pickle.load(file)
                if stamp != _stamp() or not isinstance(variables, dict):
                    return self
                rules = pickle.load(file)
        except Exception:  # no file, or one not to be trusted: parse as usual
            return self
        if isinstance(rules, dict):
            self.variables, self.rules = variables, rules
        return self

    def serves(self, variables: dict[str, str]) -> bool:
        """Whether rules parsed with ``variables`` are the ones kept here.

        The first stylesheet to ask settles it: the kept rules are dropped when
        its variables are not theirs (another theme, another Textual palette),
        and the run keeps that stylesheet's instead. Later stylesheets with other
        variables (the theme changed while running) parse as usual.
        """
        if variables is self._seen:
            return True
        if not self._settled:
            self._settled = True
            if variables != self.variables:
                self.variables, self.rules = dict(variables), {}
        elif variables != self.variables:
            return False
        self._seen = variables
        return True

    def save(self) -> None:
        """Write the rules this run used, if any of them had to be parsed; quietly give up on failure."""
        if not self.added or self.variables is None:
            return
        kept = {key: self.rules[key] for key in self.used if key in self.rules}
        try:
            header = pickle.dumps((_stamp(), self.variables), protocol=pickle.HIGHEST_PROTOCOL)
            data = header + pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f".{self.path.name}.{os.getpid()}")
            partial.write_bytes(data)
            os.replace(partial, self.path)
        except Exception:
            return
        self.added = False


_active: ParsedStyles | None = None


def _parse_rules(
    self: Stylesheet,
    css: str,
    read_from: Any,
    is_default_rules: bool = False,
    tie_breaker: int = 0,
    scope: str = "",
) -> list:
    assert _stock_parse_rules is not None
    store = _active
    if store is None or not store.serves(self._variables):
        return _stock_parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
    key = (css, read_from, is_default_rules, tie_breaker, scope)
    rules = store.rules.get(key)
    if rules is None:
        rules = _stock_parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
        store.rules[key] = rules
        store.added = True
    else:
        self._parse_cache[key] = rules  # Textual's own cache, as a parse would have left it
    store.used.add(key)
    return rules


def install(path: Path) -> ParsedStyles:
    """Serve parsed rules from the file at ``path`` (read now) to every stylesheet from here on."""
    global _active
    _active = ParsedStyles(path).load()
    if _stock_parse_rules is not None and Stylesheet._parse_rules is not _parse_rules:
        Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]
    return _active


def save() -> None:
    """Write the rules used so far for the next start (after the first frame, off its path)."""
    if _active is not None:
        _active.save()
