"""The live preview: the assembled speech as one scrolling widget drawn row by row.

The preview is a ``ScrollView`` drawing through Textual's line API
(``render_line``), as toolong draws a huge log: one widget, however long the
speech, so a record of two hundred sections costs the screen no more widgets
than one of three. The speech comes in blocks (salutation, opening, each
section, closing); each paragraph is wrapped as Chinese print does
(``line_breaks``) and kept by its text, so an edit re-wraps only the
paragraph it changed and repaints only the rows that moved. The block being
edited is marked with a bar on its left and followed into view.

Text is drawn as it is: never parsed as markup. Rows carry their place in the
text, so the speech can be selected and copied with the mouse.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from wizard.assemble import Block
from wizard.ui.widgets.line_breaks import Rows, wrap

_BOLD = Style(bold=True)
#: The mark on the left of the rows of the block being edited.
BAR = "▌"
#: The preview's scrolling height grows and shrinks in steps of this many rows.
ROOM = 8


class Row(NamedTuple):
    """A row of the preview: its block, its paragraph in the block, where it starts in it, its text."""

    block: int
    paragraph: int
    start: int
    text: str
    heading: bool


def _paragraphs(block: Block) -> list[str]:
    return "\n".join(block.lines).split("\n")


class Preview(ScrollView, can_focus=False):
    """The speech as it will be printed."""

    DEFAULT_CSS = """
    Preview { border: round $primary-darken-1; padding: 0 1; }
    Preview > .preview--current { background: $boost; }
    Preview > .preview--bar { color: $accent; }
    """
    COMPONENT_CLASSES = {"preview--current", "preview--bar"}

    def __init__(self, blocks: list[Block], **kwargs) -> None:
        super().__init__(**kwargs)
        self.blocks = list(blocks)
        self.current_key = ""
        #: Wrapped paragraphs, by text, at ``_width``.
        self._wrapped: dict[str, Rows] = {}
        self._width = -1
        self._rows: list[Row] = []
        #: The first row of each block, and the row past the last.
        self._starts: list[int] = [0]
        #: The first paragraph of each block in the whole text (for selecting).
        self._first_paragraphs: list[int] = [0]

    # -- the rows ------------------------------------------------------------------------------

    def _wrap(self, paragraph: str) -> Rows:
        rows = self._wrapped.get(paragraph)
        if rows is None:
            rows = self._wrapped[paragraph] = wrap(paragraph, self._width)
        return rows

    def _rows_of(self, number: int, block: Block) -> list[Row]:
        section = block.key.startswith("section:")
        return [
            Row(number, index, start, row, section and index == 0)
            for index, text in enumerate(_paragraphs(block))
            for start, row in self._wrap(text)
        ]

    def _lay_out(self) -> None:
        """Rows of every block at the current width."""
        self._wrapped = {}
        rows: list[Row] = []
        starts, firsts = [0], [0]
        for number, block in enumerate(self.blocks):
            rows.extend(self._rows_of(number, block))
            starts.append(len(rows))
            firsts.append(firsts[-1] + len(_paragraphs(block)))
        self._rows, self._starts, self._first_paragraphs = rows, starts, firsts
        self._size_to_rows()

    def _size_to_rows(self) -> None:
        """Make room for every row, in steps of ``ROOM``: a new size lays the screen out again.

        A paragraph being typed in gains a row every few dozen characters; in
        steps, the screen is laid out once in ``ROOM`` of them (the rows past the
        last are blank).
        """
        height = -(-len(self._rows) // ROOM) * ROOM
        if self.virtual_size != (size := Size(self._width + 1, height)):
            self.virtual_size = size

    def on_resize(self) -> None:
        # Rows are as wide as the content less the bar's cell on their left.
        width = max(self.scrollable_content_region.width - 1, 2)
        if width != self._width:
            self._width = width
            self._lay_out()
            self.follow(self.current_key)

    def show_blocks(self, blocks: list[Block]) -> None:
        """Show the speech as it now stands: re-wrap the blocks that changed, repaint the rows that moved.

        A block that changed is wrapped again (its unchanged paragraphs are
        kept), its rows replace its old ones, and the blocks after it only
        shift. Blocks added, removed or moved lay the whole preview out again.
        """
        before_blocks, self.blocks = self.blocks, list(blocks)
        if self._width < 0:
            return  # not laid out yet: the first resize does it
        if [block.key for block in before_blocks] != [block.key for block in blocks]:
            self._lay_out()
            self.refresh()
            return
        changed = [number for number, (old, new) in enumerate(zip(before_blocks, blocks)) if old.lines != new.lines]
        if not changed:
            return
        total_before = len(self._rows)
        first_changed_row = None
        for number in changed:
            start, end = self._starts[number], self._starts[number + 1]
            old_rows = self._rows[start:end]
            new_rows = self._rows_of(number, blocks[number])
            self._rows[start:end] = new_rows
            delta = len(new_rows) - len(old_rows)
            paragraphs = len(_paragraphs(blocks[number])) - len(_paragraphs(before_blocks[number]))
            if delta:
                self._starts[number + 1 :] = [row + delta for row in self._starts[number + 1 :]]
            if paragraphs:
                self._first_paragraphs[number + 1 :] = [p + paragraphs for p in self._first_paragraphs[number + 1 :]]
            moved = next((y for y, (old, new) in enumerate(zip(old_rows, new_rows)) if old != new), None)
            first = start + (moved if moved is not None else min(len(old_rows), len(new_rows)))
            first_changed_row = first if first_changed_row is None else min(first_changed_row, first)
            if not delta:
                last = max((y for y, (old, new) in enumerate(zip(old_rows, new_rows)) if old != new), default=-1)
                if last >= 0:
                    self.refresh_lines(start + (moved or 0), last - (moved or 0) + 1)
        if len(self._rows) != total_before:
            self._size_to_rows()
            assert first_changed_row is not None
            self.refresh_lines(first_changed_row, max(total_before, len(self._rows)) - first_changed_row)
        self._forget_unused_paragraphs()

    def _forget_unused_paragraphs(self) -> None:
        """Keep the wrapped paragraphs from growing with every keystroke's version of the one typed in."""
        if len(self._wrapped) > 2 * len(self._rows) + 64:
            kept = {text for block in self.blocks for text in _paragraphs(block)}
            self._wrapped = {text: rows for text, rows in self._wrapped.items() if text in kept}

    def block_rows(self, key: str) -> tuple[int, int] | None:
        """The first row of the block ``key`` and the row past its last; None when there is no such block."""
        for number, block in enumerate(self.blocks):
            if block.key == key and number + 1 < len(self._starts):
                return self._starts[number], self._starts[number + 1]
        return None

    def text_of_block(self, key: str) -> list[str]:
        """The rows the block ``key`` is shown in (for tests and for reading back)."""
        span = self.block_rows(key)
        return [] if span is None else [row.text for row in self._rows[span[0] : span[1]]]

    # -- following the part being edited -------------------------------------------------------

    def follow(self, key: str) -> None:
        """Mark the block for ``key`` and scroll it into view."""
        old = self.block_rows(self.current_key)
        self.current_key = key
        new = self.block_rows(key)
        for span in (old, new):
            if span is not None and span[1] > span[0]:
                self.refresh_lines(span[0], span[1] - span[0])
        if new is not None and self.size:
            self.scroll_to_region(Region(0, new[0], 1, max(new[1] - new[0], 1)), animate=False, top=False)

    # -- drawing -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        offset = y + self.scroll_offset.y
        if offset >= len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[offset]
        current = self.block_rows(self.current_key)
        is_current = current is not None and current[0] <= offset < current[1]
        fill = base + self.get_component_rich_style("preview--current") if is_current else base
        style = fill + _BOLD if row.heading else fill
        pieces = [(0, len(row.text), style)]
        paragraph = self._first_paragraphs[row.block] + row.paragraph
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(paragraph)) is not None:
            low, high = span
            high = len(_paragraphs(self.blocks[row.block])[row.paragraph]) if high == -1 else high
            low, high = max(low - row.start, 0), min(high - row.start, len(row.text))
            if low < high:
                chosen = style + self.screen.get_component_rich_style("screen--selection")
                pieces = [(0, low, style), (low, high, chosen), (high, len(row.text), style)]
        segments = [Segment(BAR if is_current else " ", fill + self.get_component_rich_style("preview--bar"))]
        # Each piece carries its place in the text, as a Static's text does, for selecting.
        segments += [
            Segment(row.text[a:b], piece + Style.from_meta({"offset": (row.start + a, paragraph)}))
            for a, b, piece in pieces
            if a < b
        ]
        return Strip(segments, 1 + cell_len(row.text)).extend_cell_length(width, fill).crop(0, width)

    def text(self) -> str:
        """The whole speech, a paragraph a line (what selecting takes from)."""
        return "\n".join(text for block in self.blocks for text in _paragraphs(block))

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract(self.text()), "\n"

    def row_at(self, y: int) -> Row | None:
        """The row shown ``y`` rows from the top of the preview's content."""
        offset = y + self.scroll_offset.y
        return self._rows[offset] if 0 <= offset < len(self._rows) else None
