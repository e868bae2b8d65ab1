"""Pages of a long list: a line saying which items are shown, with buttons to the previous and next page.

A speech has a handful of sections; a record may have hundreds. A step shows
its items a page at a time, so that the form stays as quick with 200 sections
as with 3: only the items on the page are made into widgets.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from wizard.ui.widgets.list_buttons import FormButton

#: Items of a list shown at once.
PAGE_SIZE = 8


def page_count(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def page_of(position: int) -> int:
    """The page that shows the item at ``position`` (0-based) of the list."""
    return position // PAGE_SIZE


class Pager(Horizontal):
    """``第 9–16 个，共 190 个  ‹ 上一页  下一页 ›``; posts ``Turned`` with the page asked for."""

    DEFAULT_CSS = """
    Pager { height: auto; margin-bottom: 1; }
    Pager > Static { width: auto; padding: 0 1 0 0; }
    Pager > Button { margin-right: 1; }
    """

    class Turned(Message):
        def __init__(self, page: int) -> None:
            super().__init__()
            self.page = page

    def __init__(self, page: int, total: int, noun: str) -> None:
        super().__init__(classes="pager")
        self.page = page
        self.total = total
        self.noun = noun

    def compose(self) -> ComposeResult:
        first = self.page * PAGE_SIZE + 1
        last = min(self.total, first + PAGE_SIZE - 1)
        yield Static(Content(f"第 {first}–{last} {self.noun}，共 {self.total} {self.noun}"))
        yield FormButton("‹ 上一页", classes="page-back", compact=True, disabled=self.page == 0)
        yield FormButton(
            "下一页 ›",
            classes="page-next",
            compact=True,
            disabled=self.page >= page_count(self.total) - 1,
        )

    @on(Button.Pressed, ".page-back")
    def _back(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Turned(self.page - 1))

    @on(Button.Pressed, ".page-next")
    def _next(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Turned(self.page + 1))
