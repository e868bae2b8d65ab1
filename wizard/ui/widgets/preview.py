"""The live preview: the assembled speech, block by block, following the part being edited.

Only blocks whose text changed are updated, so typing does not repaint the
whole speech. Text goes in as ``rich.text.Text``: never parsed as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from wizard.assemble import Block


class PreviewBlock(Static):
    DEFAULT_CSS = """
    PreviewBlock { margin-bottom: 0; }
    PreviewBlock.-current { background: $boost; border-left: thick $accent; }
    """

    def __init__(self, key: str, lines: tuple[str, ...]) -> None:
        super().__init__(self._text(key, lines), classes="preview-block")
        self.key = key
        self.lines = lines

    @staticmethod
    def _text(key: str, lines: tuple[str, ...]) -> Text:
        """The block's lines; a section's heading line in bold, as it is read out."""
        text = Text("\n".join(lines))
        if key.startswith("section:") and lines:
            text.stylize("bold", 0, len(lines[0]))
        return text

    def set_lines(self, lines: tuple[str, ...]) -> None:
        if lines != self.lines:
            self.lines = lines
            self.update(self._text(self.key, lines))


class Preview(VerticalScroll):
    """The speech as it will be printed."""

    DEFAULT_CSS = """
    Preview { border: round $primary-darken-1; padding: 0 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.current_key = ""

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
