"""Keep double-width characters whole where an overlay lies over the edge of a widget below.

Upstream: Textualize/textual#6357 (open; not fixed in 8.2.8). The compositor cuts
every screen line at the left and right edges of all the widgets on it and fills
each piece from the front-most widget there; ``Strip.divide`` turns a double-width
character that straddles a cut into two spaces. Where the pieces on both sides of
the cut come from the same widget - a toast, a dropdown, a tooltip over the edge
of a widget behind it - the character simply vanishes from the screen.

``install()`` replaces ``Compositor._render_chops`` (private, 8.2.8) with a copy
that, at such a cut, moves the cut one cell to the right: the left piece keeps the
character whole (one cell longer), the right piece starts one cell later (one
cell shorter) and is stored under the column it really starts at. So full frames
(``LayoutUpdate``, ``render_strips``, screenshots) join to the same line length,
and partial frames (``ChopsUpdate``, which moves the cursor to each piece's key)
put every piece at its true column. A cut is moved only if the widget is front-most
on both cells around it, checked against all visible widgets, since a partial
frame skips the widgets outside its crop. Without such a cut the frames are
those of stock Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, cast

from rich.cells import cached_cell_len, get_character_cell_size
from textual._compositor import Compositor  # private module: the one there is
from textual.geometry import Region
from textual.strip import Strip

if TYPE_CHECKING:
    from textual.widget import Widget

RenderChops = Callable[[Compositor, Region, Callable[[int], bool]], Sequence[Mapping[int, Strip]]]

#: Textual's own ``Compositor._render_chops`` while the fix is installed.
_stock: RenderChops | None = None


def _straddles(strip: Strip, cut: int) -> bool:
    """Does a double-width character of ``strip`` take cells ``cut - 1`` and ``cut``?"""
    position = 0
    for text, _style, control in strip:
        if control:
            continue
        end = position + cached_cell_len(text)  # the measure Segment.divide uses
        if end < cut:
            position = end
            continue
        for char in text:
            width = get_character_cell_size(char)
            if position == cut - 1 and width == 2:
                return True
            position += width
            if position >= cut:
                return False
    return False


class _Whole(Strip):
    """A piece that ends with a whole double-width character one cell past its cut.

    ``ChopsUpdate`` crops a piece that a dirty span starts inside to the piece's
    nominal end, one cell short: that crop returns the piece whole instead of halving it.
    """

    __slots__ = ()

    def crop(self, start: int, end: int | None = None) -> Strip:
        if start == 0 and end == self.cell_length - 1:
            return self
        return super().crop(start, end)


def _front_most(compositor: Compositor, x: int, y: int) -> Widget | None:
    """The widget a full frame shows at (x, y): the first in render order that covers it."""
    for widget, (region, clip) in compositor.visible_widgets.items():
        if region.contains(x, y) and clip.contains(x, y):
            return widget
    return None


def _render_chops(
    self: Compositor, crop: Region, is_rendered_line: Callable[[int], bool]
) -> Sequence[Mapping[int, Strip]]:
    """``Compositor._render_chops`` of Textual 8.2.8, keeping wide characters whole at
    cuts where the same widget fills the pieces on both sides."""
    cuts = self.cuts
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    moved: dict[int, dict[int, int]] = {}  # y -> {nominal start of a piece: real start}

    # The widgets, order and render regions of stock Compositor._get_renders(crop).
    for widget, (region, clip) in self.visible_widgets.items():
        if crop and not crop.overlaps(clip):
            continue
        render_region = region.intersection(clip)
        if not render_region:
            continue
        render_x = render_region.x
        strips = widget.render_lines(
            Region(render_x - region.x, render_region.y - region.y, render_region.width, render_region.height)
        )
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips):
            if not is_rendered_line(y):
                continue
            line = chops[y]
            final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            divide_at = [cut - render_x for cut in final_cuts[1:]]
            # Inner cuts (edges of widgets behind this one) with this widget on both sides.
            for index in range(1, len(final_cuts) - 1):
                cut = final_cuts[index]
                if (
                    line.get(final_cuts[index - 1]) is None
                    and line.get(cut) is None
                    and _straddles(strip, cut - render_x)
                    and _front_most(self, cut - 1, y) is widget
                    and _front_most(self, cut, y) is widget
                ):
                    divide_at[index - 1] += 1  # the left piece keeps the whole character
                    if divide_at[index - 1] < divide_at[index]:  # the right piece is not emptied
                        moved.setdefault(y, {})[cut] = cut + 1
            for index, (cut, piece) in enumerate(zip(final_cuts, strip.divide(divide_at))):
                if line.get(cut) is None:  # painting front to back: the first piece wins
                    if divide_at[index] != final_cuts[index + 1] - render_x:
                        piece = _Whole(list(piece), piece.cell_length)
                    line[cut] = piece

    for y, starts in moved.items():
        # The same pieces in the same order; a shortened piece is keyed by its real start.
        chops[y] = {starts.get(x, x): piece for x, piece in chops[y].items()}
    return cast("Sequence[Mapping[int, Strip]]", chops)


def install() -> bool:
    """Replace ``Compositor._render_chops`` with the fixed copy; calling it again does nothing."""
    global _stock
    if _stock is None:
        _stock = Compositor._render_chops
        Compositor._render_chops = _render_chops  # type: ignore[method-assign]
    return True


def uninstall() -> None:
    """Give Textual its own ``Compositor._render_chops`` back (for tests)."""
    global _stock
    if _stock is not None:
        Compositor._render_chops = _stock  # type: ignore[method-assign, assignment]
        _stock = None


def installed() -> bool:
    """Is the fixed copy in place?"""
    return Compositor._render_chops is _render_chops
