"""Folding Chinese text at a width: fast, and with the breaks rich and Textual make.

A Chinese paragraph has no spaces, so to rich's and Textual's wrapping it is one
long "word", folded a character at a time in Python: about 1 ms for a
2,000-character section, on every keystroke, in both the preview and the text
field being typed in. ``fold`` sums the characters' cells in C and finds each
break by bisection. It answers only for text whose breaks are plain greedy
folding (printable, no whitespace, no zero-width or astral characters, a width
a wide character fits in); anything else is left to rich and Textual.

``apply`` has Textual's TextArea use it when it wraps a line and when it splits
a wrapped line into its rows. The preview asks for ``kinsoku`` too: punctuation
kept off the edges of rows, as Chinese print breaks lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from rich.cells import get_character_cell_size
from rich.control import strip_control_codes

_SPACE = re.compile(r"\s")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class _CellSizes(dict):
    """Each character's width in cells, as rich has it; looked up in a dict, not through a cache wrapper."""

    def __missing__(self, character: str) -> int:
        size = self[character] = get_character_cell_size(character)
        return size


_CELLS = _CellSizes()

#: Marks that do not begin a line in Chinese typesetting (GB/T 15834: the pause and
#: stop marks, and the closing halves of quotes, brackets and title marks; an
#: ellipsis is not split or begun a line with).
NO_LINE_START = frozenset("，。、；：？！”’）》」』】〕〉…")
#: Opening halves, which do not end a line.
NO_LINE_END = frozenset("“‘（《「『【〔〈")
#: How many characters a break moves back at most to keep those rules; past that
#: (a run of marks wider than this) the break stays where the width puts it.
MOST_PULLED = 3


def _pulled_back(paragraph: str, start: int, stop: int) -> int:
    """``stop`` moved back so the next row begins with no closing mark and this one ends with no opening one."""
    for at in range(stop, max(start, stop - MOST_PULLED - 1), -1):
        if paragraph[at] not in NO_LINE_START and paragraph[at - 1] not in NO_LINE_END:
            return at
    return stop


def fold(paragraph: str, width: int, kinsoku: bool = False) -> list[int] | None:
    """Where text without spaces breaks at ``width`` cells, as rich's ``divide_line`` has it.

    None for what rich's grapheme rules must decide (joiners, combining marks,
    astral characters) and for widths a wide character does not fit in. With
    ``kinsoku``, a break that would begin a row with a closing mark or end one
    with an opening mark moves back (at most ``MOST_PULLED`` characters), taking
    the characters before it down to the next row, as Chinese typesetting does.
    """
    if width < 2 or not paragraph or not paragraph.isprintable() or _SPACE.search(paragraph):
        return None
    if _ASTRAL.search(paragraph):
        return None
    sizes = list(map(_CELLS.__getitem__, paragraph))
    if 0 in sizes:
        return None
    ends = list(accumulate(sizes))
    breaks: list[int] = []
    start = 0
    while (stop := bisect_right(ends, (ends[start - 1] if start else 0) + width, lo=start)) < len(paragraph):
        if kinsoku:
            stop = _pulled_back(paragraph, start, stop)
        breaks.append(stop)
        start = stop
    return breaks


def apply() -> None:
    """Have TextArea's wrapping use ``fold`` where it answers (Textual 8 internals)."""
    try:
        from textual.document import _wrapped_document
    except ImportError:  # pragma: no cover - another Textual: left as it is
        return
    if getattr(_wrapped_document, "_wizard_folded", False) or not hasattr(_wrapped_document, "compute_wrap_offsets"):
        return
    slow = _wrapped_document.compute_wrap_offsets
    fast = fold

    def compute_wrap_offsets(text, width, tab_size, fold=True, precomputed_tab_sections=None):
        if fold and (breaks := fast(text, width)) is not None:
            return breaks
        return slow(text, width, tab_size, fold, precomputed_tab_sections)

    def get_sections(self, line_index: int) -> list[str]:
        # TextArea's own builds a rich Text of the line (which drops control codes) to divide it.
        line = strip_control_codes(self.document[line_index])
        offsets = [0, *self._wrap_offsets[line_index], len(line)]
        return [line[start:end] for start, end in zip(offsets, offsets[1:])]

    _wrapped_document.compute_wrap_offsets = compute_wrap_offsets
    _wrapped_document.WrappedDocument.get_sections = get_sections
    _wrapped_document._wizard_folded = True
