"""Keystroke-speed repaints: in the frame being prepared, and without a layout when none is needed.

Each Textual widget hands its refresh to the screen when its own message queue
runs dry, and the screen paints whatever has arrived when it next goes idle.
So the field being typed in can be painted one frame (16 ms) before the
preview and the counter that the same keystroke changed. And ``Static.update``
lays the whole screen out again, which on a long speech costs about a frame
on its own, though most keystrokes change no widget's height.
"""

from __future__ import annotations

from textual.geometry import Region, Size
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Static


def paint_now(widget: Widget) -> None:
    """Send ``widget``'s pending refresh to its screen now rather than at its next idle.

    Called right after an update made in the edited field's turn, the update
    reaches the screen before the field's own repaint does, and both are in the
    same frame. (Textual 8 internals; without them the widget repaints as usual.)
    """
    check_refresh = getattr(widget, "_check_refresh", None)
    if check_refresh is not None and widget.is_mounted:
        check_refresh()


def update_static(widget: Static, content: VisualType) -> None:
    """``widget.update(content)``, asking for a layout only if its height changes.

    The height is worked out as the layout would (the content wrapped at the
    widget's width), so the result on screen is the same.
    """
    size = widget.content_size
    if not size or not widget.display:
        widget.update(content)
    else:
        widget.update(content, layout=False)
        if widget.get_content_height(size, size, size.width) != size.height:
            widget.refresh(layout=True)
    paint_now(widget)


class QuietVirtualSize:
    """Mixed into a widget whose virtual (scrollable) size can change without moving anything.

    After every layout Textual sets each widget's virtual size, and a change of
    it asks for another layout of the whole screen; typing into a long record
    changes it on almost every line. Where ``virtual_size_moves_nothing`` says
    the widget's own box stays as it is, that request is dropped and only the
    scrollbars are brought up to date, as the layout would have done.
    """

    _virtual_size_only = False

    def virtual_size_moves_nothing(self, before: Size, after: Size) -> bool:
        raise NotImplementedError

    def watch_virtual_size(self, before: Size, after: Size) -> None:
        self._virtual_size_only = self.virtual_size_moves_nothing(before, after)

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False):
        if layout and self._virtual_size_only:
            layout = False
            if self.is_scrollable:  # type: ignore[attr-defined]
                self._scroll_update(self.virtual_size)  # type: ignore[attr-defined]
        self._virtual_size_only = False
        return super().refresh(  # type: ignore[misc]
            *regions, repaint=repaint, layout=layout, recompose=recompose
        )
