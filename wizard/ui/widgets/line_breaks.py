"""Breaking a paragraph into rows as Chinese print does.

Chinese text may break between any two characters, except that no row begins
with a closing mark (，。、；：？！”’）》… — GB/T 15834's pause and stop marks
and the closing halves of pairs) and none ends with an opening one (“‘（《).
A break that would do either moves back, taking a character or two down to the
next row. Latin words are kept whole and break at spaces, which stay at the
end of their row. A word or a run of marks wider than the row is folded.

Widths are counted in terminal cells as rich counts them, so a row never
overflows the preview.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from rich.cells import get_character_cell_size

#: Marks that do not begin a row.
NO_ROW_START = frozenset("，。、；：？！”’）》」』】〕〉…")
#: Marks that do not end a row.
NO_ROW_END = frozenset("“‘（《「『【〔〈")

#: The rows of a paragraph: ``(offset of the row in the paragraph, its text)`` each.
Rows = tuple[tuple[int, str], ...]


def _is_word_character(char: str, cells: int) -> bool:
    """A narrow character that belongs to a word: a letter, a digit, a half-width mark.

    Curly quotes are narrow too, but they are Chinese punctuation, not part of a word.
    """
    return cells == 1 and (char.isalnum() or (char.isascii() and not char.isspace()))


def _may_break(text: str, sizes: list[int], at: int) -> bool:
    """Whether a row may end before ``text[at]`` at all (words whole, spaces at row ends)."""
    before, after = text[at - 1], text[at]
    if after.isspace() or sizes[at] == 0:  # a space, or a combining mark, stays with what is before it
        return False
    if before.isspace():
        return True
    return not (_is_word_character(before, sizes[at - 1]) and _is_word_character(after, sizes[at]))


def _looks_right(text: str, at: int) -> bool:
    """Whether a break before ``text[at]`` keeps the marks off the rows' edges."""
    return text[at] not in NO_ROW_START and text[at - 1] not in NO_ROW_END


def _break_before(text: str, sizes: list[int], start: int, stop: int) -> int:
    """Where the row that starts at ``start`` and could run to ``stop`` ends."""
    fallback: int | None = None
    for at in range(stop, start, -1):
        if _may_break(text, sizes, at):
            if _looks_right(text, at):
                return at
            if fallback is None:
                fallback = at
    return stop if fallback is None else fallback


def break_points(text: str, width: int) -> list[int]:
    """Where each row after the first begins, for rows of at most ``width`` cells."""
    width = max(width, 2)
    sizes = [get_character_cell_size(char) for char in text]
    ends = list(accumulate(sizes))
    breaks: list[int] = []
    start = 0
    while True:
        # The most that fits, then spaces past it (they stay at the end of the row).
        used = ends[start - 1] if start else 0
        stop = max(bisect_right(ends, used + width, lo=start), start + 1)
        while stop < len(text) and text[stop].isspace():
            stop += 1
        if stop >= len(text):
            return breaks
        start = _break_before(text, sizes, start, stop)
        breaks.append(start)


def rows_at(text: str, breaks: list[int]) -> Rows:
    """The rows ``text`` makes broken at ``breaks``; spaces at the end of a row are not shown."""
    starts = [0, *breaks]
    ends = [*breaks, len(text)]
    return tuple((start, text[start:end].rstrip()) for start, end in zip(starts, ends))


def wrap(text: str, width: int) -> Rows:
    """The rows of ``text`` at ``width`` cells; an empty paragraph is one empty row."""
    return rows_at(text, break_points(text, width)) if text else ((0, ""),)
