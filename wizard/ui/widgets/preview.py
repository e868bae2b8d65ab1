"""The live preview: the assembled speech, block by block, following the part being edited.

Each block draws its own rows through Textual's line API (``render_line``):
it wraps its paragraphs as Chinese print does (``line_breaks``), keeps the
rows of paragraphs that did not change, and after an edit asks to repaint only
the rows whose text changed. Its height changes, and the preview is laid out
again, only when an edit adds or removes a row. Text is drawn as it is: never
parsed as markup.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.containers import VerticalScroll
from textual.geometry import Region, Size
from textual.selection import Selection
from textual.strip import Strip
from textual.widget import Widget

from wizard.assemble import Block
from wizard.ui.widgets.line_breaks import Rows, wrap

_BOLD = Style(bold=True)
#: A row of a block: (paragraph number, offset of the row in the paragraph, text).
Row = tuple[int, int, str]


class PreviewBlock(Widget):
    """The lines of one block; a section's heading line in bold, as it is read out."""

    DEFAULT_CSS = """
    PreviewBlock { height: auto; }
    PreviewBlock.-current { background: $boost; border-left: thick $accent; }
    """

    def __init__(self, key: str, lines: tuple[str, ...]) -> None:
        super().__init__(classes="preview-block")
        self.key = key
        self.lines = lines
        #: Each paragraph's text and rows, as last wrapped, and at what width.
        self._wrapped: list[tuple[str, Rows]] = []
        self._width = -1
        self._rows: list[Row] = []

    def paragraphs(self) -> list[str]:
        """The block's paragraphs: a line may hold several (a paragraph is never split)."""
        return "\n".join(self.lines).split("\n")

    def rows(self, width: int) -> list[Row]:
        """The block wrapped at ``width``: paragraphs that did not change keep their rows."""
        if width == self._width and len(self._rows):
            return self._rows
        kept = dict(self._wrapped) if width == self._width else {}
        self._wrapped = [(text, kept.get(text) or wrap(text, width)) for text in self.paragraphs()]
        self._width = width
        self._rows = [(number, start, text) for number, (_, rows) in enumerate(self._wrapped) for start, text in rows]
        return self._rows

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        rows = self.rows(width)
        base = self.rich_style
        if y >= len(rows):
            return Strip.blank(width, base)
        number, start, text = rows[y]
        style = base + _BOLD if number == 0 and self.key.startswith("section:") else base
        pieces = [(0, len(text), style)]
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(number)) is not None:
            low, high = span
            high = len(self.paragraphs()[number]) if high == -1 else high
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
        return Strip(segments, cell_len(text)).extend_cell_length(width, base)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract("\n".join(self.lines)), "\n"

    def set_lines(self, lines: tuple[str, ...]) -> None:
        """Show new lines: lay out again only if the block's height changes, else repaint the rows that did."""
        if lines == self.lines:
            return
        self.lines = lines
        if self._width < 0 or not self.content_size:
            self.refresh(layout=True)
            return
        before = self._rows
        self._rows = []
        after = self.rows(self._width)
        if len(after) != len(before):
            self.refresh(layout=True)
            return
        changed = [y for y, (old, new) in enumerate(zip(before, after)) if old != new]
        if changed:
            self.refresh(Region(0, changed[0], self.size.width, changed[-1] - changed[0] + 1))


class Preview(VerticalScroll):
    """The speech as it will be printed."""

    DEFAULT_CSS = """
    Preview { border: round $primary-darken-1; padding: 0 1; }
    """

    def __init__(self, blocks: list[Block], **kwargs) -> None:
        super().__init__(*(PreviewBlock(block.key, block.lines) for block in blocks), **kwargs)
        self.current_key = ""

    def show_blocks(self, blocks: list[Block]) -> None:
        """Bring the preview up to date, touching only what changed."""
        existing = list(self.query_children(PreviewBlock))
        if [block.key for block in existing] == [block.key for block in blocks]:
            for widget, block in zip(existing, blocks):
                widget.set_lines(block.lines)
        else:
            self.remove_children(PreviewBlock)
            self.mount_all(PreviewBlock(block.key, block.lines) for block in blocks)
            # Read the key when the call runs: focus may move to a field before then.
            self.call_after_refresh(lambda: self.follow(self.current_key))

    def follow(self, key: str) -> None:
        """Highlight the block for ``key`` and scroll it into view (once the preview is shown)."""
        self.current_key = key
        for widget in self.query_children(PreviewBlock):
            is_current = widget.key == key
            widget.set_class(is_current, "-current")
            if is_current and self.size:
                self.scroll_to_widget(widget, animate=False, top=False)

    def on_show(self) -> None:
        """Hidden on a narrow terminal, the preview did not scroll: it does when it is shown."""
        self.call_after_refresh(self.follow, self.current_key)
