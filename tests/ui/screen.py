"""What the terminal shows, read back through Textual's public screenshot.

``App.export_screenshot`` draws the screen as an SVG in which each run of
text sits at its cell column and row. Reading those back gives the screen as
rows of cells, which tests crop to a widget's region, as a user would read it.
"""

from __future__ import annotations

import html
import re

from rich.cells import cell_len
from textual.app import App
from textual.geometry import Region

#: Width of a cell in rich's SVG export (font size 20, aspect ratio 0.61).
CELL_WIDTH = 20 * 0.61
_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>',
    re.S,
)


class Shot:
    """The screen's cells: a double-width character fills its first cell, its second is empty."""

    def __init__(self, app: App) -> None:
        width, height = app.size
        self.cells = [[" "] * width for _ in range(height)]
        for x, row, text in _TEXT.findall(app.export_screenshot()):
            column, line = round(float(x) / CELL_WIDTH), self.cells[int(row)]
            for char in html.unescape(text).replace("\xa0", " "):
                if column < width:
                    line[column] = char
                    if cell_len(char) == 2 and column + 1 < width:
                        line[column + 1] = ""
                column += max(cell_len(char), 1)

    def row(self, y: int, start: int = 0, end: int | None = None) -> str:
        return "".join(self.cells[y][start:end])

    def rows(self) -> list[str]:
        return [self.row(y) for y in range(len(self.cells))]

    def text(self) -> str:
        return "\n".join(self.rows())

    def within(self, region: Region) -> list[str]:
        """The rows of ``region``, cropped to it."""
        return [self.row(y, region.x, region.right) for y in range(region.y, region.bottom)]
