"""Move up / move down / remove buttons for an item of a list in the record."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

from wizard.ui.messages import MOVES_FOCUS
from wizard.ui.wording import app_text


class FormButton(Button):
    """A button that changes the form and moves the focus: adds, moves or removes an item, turns a page.

    Every press counts: Button ignores one that comes within 0.2 s of the last (while
    its "active" effect shows), and a fast typist's second Enter on ＋ 添加一点 was lost.
    The focus going to the new item is the feedback. Keys typed right after a press
    wait for the new layout (``MOVES_FOCUS``, see the app's ``on_event``).
    """

    def __init__(self, label: str, *, classes: str = "", **kwargs) -> None:
        super().__init__(label, classes=f"{classes} {MOVES_FOCUS}".strip(), **kwargs)
        self.active_effect_duration = 0


class ItemButton(FormButton):
    """A button that acts on item ``index`` of a list (of ``kind``: group, section, point)."""

    def __init__(self, label: str, kind: str, action: str, index: int, owner: int = -1, **kwargs) -> None:
        super().__init__(label, classes=f"item-button {action}", compact=True, **kwargs)
        self.kind = kind
        self.move = action
        self.index = index
        self.owner = owner


def item_buttons(kind: str, index: int, count: int, owner: int = -1) -> ComposeResult:
    """The row of buttons for item ``index`` of ``count``; ``owner`` is the enclosing item."""
    with Horizontal(classes="item-buttons"):
        yield ItemButton(f"↑{app_text('up')}", kind, "up", index, owner, disabled=index == 0)
        yield ItemButton(f"↓{app_text('down')}", kind, "down", index, owner, disabled=index == count - 1)
        yield ItemButton(f"✕{app_text('remove')}", kind, "remove", index, owner, variant="error")


def apply_move(items: list, index: int, action: str) -> int:
    """Move ``items[index]`` up or down (``action``); return where it now is."""
    other = index - 1 if action == "up" else index + 1
    items[index], items[other] = items[other], items[index]
    return other
