"""The live preview: the assembled speech, block by block, following the part being edited.

Only blocks whose text changed are updated, so typing does not repaint the
whole speech. Each block draws its own lines (Textual's line API) rather than
being a ``Static``: a keystroke re-wraps only the paragraph it changed, the
block's height comes with the wrapping, and only rows whose text changed are
rendered again. On a long section a ``Static`` cost some 8 ms a keystroke.
A row is also framed here (the current block's left bar, its background)
rather than by Textual's general line styling: typing in the middle of a
section moves every row after the cursor, some 25 rows a keystroke, and the
general path took three quarters of their time. Blocks with any other frame
(padding, borders, tint, opacity) are framed by Textual as usual.
Text is drawn as it is: never parsed as markup.
"""

from __future__ import annotations

from functools import lru_cache

from rich._wrap import divide_line
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual._border import get_box
from textual.containers import VerticalScroll
from textual.geometry import Region, Size
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style as TextualStyle
from textual.widget import Widget

from wizard.assemble import Block
from wizard.ui.fold import MOST_PULLED, fold as _fold
from wizard.ui.widgets.frame import QuietVirtualSize, paint_now

_BOLD = Style(bold=True)
#: A row of a block: (paragraph number, offset of the row in the paragraph, text).
Row = tuple[int, int, str]


#: The rows of a paragraph: ``(offset, text)`` of each.
Rows = tuple[tuple[int, str], ...]


def _rows_at(paragraph: str, breaks: list[int]) -> Rows:
    starts = [0, *breaks]
    ends = [*starts[1:], len(paragraph)]
    rows = [(start, paragraph[start:end].rstrip()) for start, end in zip(starts, ends)]
    rows[-1] = (starts[-1], paragraph[starts[-1] :])
    return tuple(rows)


@lru_cache(maxsize=256)
def _wrap(paragraph: str, width: int) -> tuple[Rows, bool]:
    """The rows, and whether they were folded the fast way (``wizard.ui.fold``)."""
    breaks = _fold(paragraph, width, kinsoku=True)
    if breaks is None:
        return _rows_at(paragraph, divide_line(paragraph, width, fold=True)), False
    return _rows_at(paragraph, breaks), True


def wrap(paragraph: str, width: int) -> Rows:
    """``(offset, text)`` of each row of ``paragraph`` at ``width`` cells.

    The rows a ``Static`` gives the same text (words kept whole where there are
    spaces, Chinese folded at the edge, trailing spaces dropped at a break),
    except that Chinese text keeps its punctuation off the start of a row and its
    opening quotes and brackets off the end (``fold``'s ``kinsoku``), as print does.
    """
    return _wrap(paragraph, width)[0]


def _common_prefix(first: str, second: str) -> int:
    """How many leading characters two strings share (compared in C, by halves)."""
    low, high = 0, min(len(first), len(second))
    while low < high:
        middle = (low + high + 1) // 2
        if first[:middle] == second[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def rewrap(before: str, rows: Rows, folded: bool, paragraph: str, width: int) -> tuple[Rows, bool]:
    """``_wrap(paragraph, width)``, given ``rows, folded`` = ``_wrap(before, width)``.

    Typing changes a paragraph from the cursor on: when both were folded the
    fast way, the rows that end before the first change are kept and only the
    rest is folded again. A row's end depends on no character past the next
    row's first, give or take the few a break moves back for a punctuation mark
    (``fold.MOST_PULLED``). On a 2,000-character section, half the work or less.
    """
    changed = _common_prefix(before, paragraph) if folded else 0
    kept = 0
    while kept + 1 < len(rows) and rows[kept + 1][0] + MOST_PULLED < changed:
        kept += 1
    start = rows[kept][0] if folded else 0
    tail = _fold(paragraph[start:], width, kinsoku=True) if start else None
    if tail is None:
        return _wrap(paragraph, width)
    return rows[:kept] + _rows_at(paragraph, [start, *(start + offset for offset in tail)])[1:], True


class PreviewBlock(QuietVirtualSize, Widget):
    """The lines of one block; a section's heading line in bold, as it is read out."""

    DEFAULT_CSS = """
    PreviewBlock { height: auto; margin-bottom: 0; }
    PreviewBlock.-current { background: $boost; border-left: thick $accent; }
    """

    def __init__(self, key: str, lines: tuple[str, ...]) -> None:
        super().__init__(classes="preview-block")
        self.key = key
        self.lines = lines
        self._rows: list[Row] = []
        self._rows_width = -1
        #: Each paragraph with its rows and whether they were folded the fast way, as last
        #: wrapped, and at what width.
        self._paragraphs: list[tuple[str, Rows, bool]] = []
        self._paragraphs_width = -1
        self._strips: dict[tuple[Row, Style], Strip] = {}
        #: Rows as framed by the block itself (see ``render_lines``), by row.
        self._framed: dict[Row, Strip] = {}
        self._style: Style | None = None
        #: How rows are framed: (left border segment or None, fill style, filter background);
        #: False when Textual must frame them; None when not yet worked out.
        self._frame: tuple[Segment | None, Style, object] | bool | None = None
        #: The background colours (the block's and what is under it) rows were drawn on.
        self._colors: tuple | None = None

    def rows(self, width: int) -> list[Row]:
        """The block wrapped at ``width``; an empty block is one empty row, as in a ``Static``.

        A paragraph that changed since the last wrapping at this width is folded
        again only from where it changed (``rewrap``).
        """
        if width != self._rows_width:
            cells = max(width, 1)
            paragraphs = "\n".join(self.lines).split("\n")
            last = self._paragraphs if self._paragraphs_width == cells else []
            wrapped = []
            for number, paragraph in enumerate(paragraphs):
                if number < len(last) and last[number][0] != paragraph:
                    wrapped.append((paragraph, *rewrap(*last[number], paragraph, cells)))
                else:
                    wrapped.append((paragraph, *_wrap(paragraph, cells)))
            self._paragraphs, self._paragraphs_width = wrapped, cells
            self._rows = [(number, start, text) for number, (_, rows, _) in enumerate(wrapped) for start, text in rows]
            self._rows_width = width
        return self._rows

    def virtual_size_moves_nothing(self, before: Size, after: Size) -> bool:
        """Set after a layout that already gave the block its height: nothing left to move."""
        return bool(self.size)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows(width))

    def _row_frame(self) -> tuple[Segment | None, Style, object] | bool:
        """How Textual's line styling would frame a row, where it is no more than a left border."""
        if self._frame is None:
            styles = self.styles
            (top, _), (right, _), (bottom, _), (left, left_color) = styles.border
            simple = (
                not (top or right or bottom)
                and not any(edge for edge, _color in styles.outline)
                and not any(styles.padding)
                and not styles.tint.a
                and self.opacity == 1
                and styles.text_opacity == 1
                and not styles.has_rule("hatch")
                and self._border_title is None
                and self._border_subtitle is None
            )
            if not simple:
                self._frame = False
            else:
                base_background, background = self.background_colors
                inner = TextualStyle(background=base_background + background)
                outer = TextualStyle(background=base_background)
                bar = None
                if left:
                    bar = get_box(left, inner, outer, TextualStyle(foreground=base_background + left_color))[1][0]
                self._frame = (bar, inner.rich_style, background)
        return self._frame

    def render_lines(self, crop: Region) -> list[Strip]:
        """Rows framed as Textual frames them (see the module's description), each kept once drawn."""
        colors = self.background_colors
        if colors != self._colors:  # a container behind changed colour: nothing drawn holds
            self._colors = colors
            self._forget_drawing()
        frame = self._row_frame()
        if frame is False:
            return super().render_lines(crop)
        bar, fill, background = frame  # type: ignore[misc]
        width = self.outer_size.width
        content_width = width - (bar is not None)
        rows = self.rows(content_width)
        base = self._base_style()
        selection = self.text_selection
        filters = self.get_line_filters()
        strips = []
        for y in crop.line_range:
            row = rows[y] if y < len(rows) else None
            strip = None if selection else self._framed.get(row)  # type: ignore[arg-type]
            if strip is None:
                content = self._render_row(row, base, selection) if row else Strip([], 0)
                segments = [bar] if bar is not None else []
                segments.extend(content)
                if content.cell_length < content_width:
                    segments.append(Segment(" " * (content_width - content.cell_length), fill))
                strip = Strip(segments, width)
                if not selection:
                    self._framed[row] = strip  # type: ignore[index]
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)
            strips.append(strip)
        if crop.column_span != (0, width):
            x1, x2 = crop.column_span
            strips = [strip.crop(x1, x2) for strip in strips]
        return strips

    def _base_style(self) -> Style:
        """The block's text style, worked out from every ancestor's colours: once, not per row."""
        if self._style is None:
            self._style = self.rich_style
        return self._style

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        rows = self.rows(width)
        base = self._base_style()
        if y >= len(rows):
            return Strip.blank(width, base)
        row = rows[y]
        selection = self.text_selection
        strip = None if selection else self._strips.get((row, base))
        if strip is None:
            strip = self._render_row(row, base, selection)
            if not selection:
                self._strips[(row, base)] = strip
        return strip

    def _render_row(self, row: Row, base: Style, selection: Selection | None) -> Strip:
        number, start, text = row
        style = base + _BOLD if number == 0 and self.key.startswith("section:") else base
        pieces = [(0, len(text), style)]
        if selection is not None and (span := selection.get_span(number)) is not None:
            low, high = span
            high = len("\n".join(self.lines).split("\n")[number]) if high == -1 else high
            low, high = max(low - start, 0), min(high - start, len(text))
            if low < high:
                chosen = style + self.screen.get_component_rich_style("screen--selection")
                pieces = [(0, low, style), (low, high, chosen), (high, len(text), style)]
        # Each piece carries its place in the paragraph, as a Static's text does, for selecting.
        segments = [
            Segment(text[a:b], piece_style + Style.from_meta({"offset": (start + a, number)}))
            for a, b, piece_style in pieces
            if a < b
        ]
        return Strip(segments, cell_len(text))

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract("\n".join(self.lines)), "\n"

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_drawing()

    def _forget_drawing(self) -> None:
        """Drop the rows drawn and the styles they were drawn with."""
        self._strips.clear()
        self._framed.clear()
        self._style = None
        self._frame = None

    def set_lines(self, lines: tuple[str, ...]) -> None:
        """Show new lines; lay the preview out again only when the block's height changes.

        A layout of the whole screen costs more than a frame on a long speech, and
        most keystrokes leave every line count as it was.
        """
        if lines == self.lines:
            return
        before = self._rows
        self.lines = lines
        width, self._rows_width = self._rows_width, -1
        if width < 0 or not self.content_size:
            self.refresh(layout=True)
            return
        rows = self.rows(width)
        shown = set(rows)
        self._strips = {key: strip for key, strip in self._strips.items() if key[0] in shown}
        self._framed = {row: strip for row, strip in self._framed.items() if row in shown}
        if len(rows) != len(before):
            self.refresh(layout=True)
        else:
            # Only the rows whose text moved: typing rewrites the rest of its paragraph, no more.
            changed = [y for y, (old, new) in enumerate(zip(before, rows)) if old != new]
            if changed:
                self.refresh(Region(0, changed[0], self.content_size.width, changed[-1] - changed[0] + 1))
        paint_now(self)


class Preview(QuietVirtualSize, VerticalScroll):
    """The speech as it will be printed."""

    DEFAULT_CSS = """
    Preview { border: round $primary-darken-1; padding: 0 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.current_key = ""

    def virtual_size_moves_nothing(self, before: Size, after: Size) -> bool:
        """Longer or shorter text scrolls: only a scrollbar coming or going changes the blocks' width."""
        if not self.size or before.width != after.width:
            return False
        height = self.scrollable_content_region.height
        return (before.height > height) == (after.height > height)

    def show_blocks(self, blocks: list[Block]) -> None:
        """Bring the preview up to date, touching only what changed."""
        existing = list(self.query(PreviewBlock))
        if [block.key for block in existing] == [block.key for block in blocks]:
            for widget, block in zip(existing, blocks):
                widget.set_lines(block.lines)
        else:
            self.remove_children(PreviewBlock)
            self.mount_all(PreviewBlock(block.key, block.lines) for block in blocks)
            # Read the key when the call runs: focus may move to a field before then.
            self.call_after_refresh(lambda: self.follow(self.current_key))

    def follow(self, key: str) -> None:
        """Highlight the block for ``key`` and scroll it into view."""
        self.current_key = key
        for widget in self.query(PreviewBlock):
            is_current = widget.key == key
            widget.set_class(is_current, "-current")
            if is_current:
                self.scroll_to_widget(widget, animate=False, top=False)
