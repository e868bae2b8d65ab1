"""Two changes to Textual's compositor: whole Chinese characters under overlays, and small repaints.

**Overlays.** Textual's compositor cuts every screen line at the edges of all
widgets on it, then fills each piece from the front-most widget. When a toast,
a dropdown or a tooltip lies over the edge of a widget below it, its own line
is cut there too, and a double-width character that straddles the cut is
replaced by two spaces: the first character of a notification simply vanishes
(upstream issue Textualize/textual#6357, open for Textual 8.x). The
replacement cuts a widget's line only where the piece on one side is already
taken by a widget in front of it. Neighbouring pieces the widget wins anyway
stay joined: the first gets the whole run, the others an empty strip, so the
line still adds up to the same cells.

**Small repaints.** For a partial update Textual draws every widget that
overlaps the rectangle around *all* dirty regions, every visible line of it,
and then keeps only the dirty lines. A keystroke dirties a line of the field
(left), a few rows of the preview (right) and the count (top row): the
rectangle is the whole screen, and some 45 widgets re-compose all their lines.
Here a widget draws only the rows on which it still has a piece to give: one
that a dirty span touches and that no widget in front of it has drawn. Pieces
no span touches stay empty, since they are never sent to the terminal; so do
the lines of a container whose children cover its part of the span. A full
frame (the first one, a new screen, a resize) is drawn the same way, with
every line dirty: the form's containers, hidden under their fields, draw nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

if TYPE_CHECKING:
    from textual.widget import Widget

_EMPTY = Strip([], 0)
#: Textual's own methods that ``apply`` replaced, by name.
STOCK: dict[str, Callable] = {}


def _fill_runs(line: dict[int, Strip | None], starts: list[int], wanted: list[bool], render_x: int, strip: Strip) -> None:
    """Give ``strip``'s pieces to the ``wanted`` ones of the pieces from ``starts``.

    The line is cut only where a wanted piece meets an unwanted one: a run of
    wanted pieces goes whole to its first, and the others get an empty strip,
    so a double-width character across a cut inside the run stays whole.
    """
    buckets = starts[:-1]
    runs = [0] + [i for i in range(1, len(buckets)) if not (wanted[i - 1] and wanted[i])]
    edges = [buckets[i] - render_x for i in runs[1:]] + [starts[-1] - render_x]
    for run, (index, piece) in enumerate(zip(runs, strip.divide(edges))):
        if not wanted[index]:
            continue
        line[buckets[index]] = piece
        stop = runs[run + 1] if run + 1 < len(runs) else len(buckets)
        for absorbed in range(index + 1, stop):
            line[buckets[absorbed]] = _EMPTY


def _render_chops(
    self: Compositor, crop: Region, is_rendered_line: Callable[[int], bool]
) -> Sequence[Mapping[int, Strip]]:
    """A full frame: every line of ``crop``, each widget drawing only the rows it has a piece on."""
    whole = [(crop.x, crop.right)]
    spans_by_row = {y: whole for y in crop.line_range if is_rendered_line(y)}
    return _fill_chops(self, spans_by_row)  # type: ignore[return-value]


def _moved_regions(self: Compositor) -> set[Region]:
    """Where widgets are now and were when last painted, for every widget whose place changed.

    Textual also moves widgets without marking where they were and are: a scroll
    re-arranges the visible ones, and the full map is rebuilt lazily, both from
    arrangements a layout request has already cleared. A tab that grows a
    problem count then moved its neighbours on the screen's map, but not on the
    terminal (a row of the step bar was left garbled until the next full paint).
    """
    visible = self.visible_widgets
    painted = getattr(self, "_painted", None)
    self._painted = visible  # type: ignore[attr-defined]
    if painted is None or painted is visible:
        return set()
    moved: set[Region] = set()
    for _widget, (region, clip) in visible.items() ^ painted.items():
        if shown := region.intersection(clip):
            moved.add(shown)
    return moved


def _row_plans(
    row_cuts: list[int], sent: list[tuple[int, int]], layer: list[tuple[Widget, Region, Region]]
) -> Iterator[tuple[Widget, list[int], list[bool]]]:
    """Who fills which pieces of a line: each widget, front-most first, takes what is left of its part.

    A piece is wanted when a span sent to the terminal touches it and no widget in
    front has taken it; the widgets behind the last open piece are not asked.
    """
    open_pieces = {
        index
        for index, (start, end) in enumerate(zip(row_cuts, row_cuts[1:]))
        if any(x1 < end and x2 > start for x1, x2 in sent)
    }
    for widget, cropped, _region in layer:
        if not open_pieces:
            return
        first = bisect_left(row_cuts, cropped.x)
        last = bisect_left(row_cuts, cropped.right, first)
        wanted = [index in open_pieces for index in range(first, last)]
        if any(wanted):
            open_pieces.difference_update(range(first, last))
            yield widget, row_cuts[first : last + 1], wanted


def _fill_chops(self: Compositor, spans_by_row: dict[int, list[tuple[int, int]]]) -> list[dict[int, Strip | None]]:
    """Each screen line's pieces within its spans, from the front-most widget on each piece.

    A widget draws only the rows on which it still has a piece to give: a span
    touches it and no widget in front of it has drawn it. Pieces outside every
    span stay empty, as they are never sent to the terminal; a container whose
    children cover it draws nothing at all.
    """
    cuts = self.cuts
    layers = self.layers_visible
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    # For each widget, the rows it draws: y -> (its pieces' starts, which of them it fills).
    plans: dict[Widget, dict[int, tuple[list[int], list[bool]]]] = {}
    for y in sorted(spans_by_row):
        for widget, starts, wanted in _row_plans(cuts[y], spans_by_row[y], layers[y]):
            plans.setdefault(widget, {})[y] = (starts, wanted)
    visible = self.visible_widgets
    for widget, rows in plans.items():
        region, clip = visible[widget]
        render_region = region.intersection(clip)
        render_x = render_region.x
        dirty = list(rows)
        # One render per run of consecutive rows: each is a crop of the widget's own lines.
        run_start = previous = dirty[0]
        for y in dirty[1:] + [None]:
            if y is not None and y == previous + 1:
                previous = y
                continue
            crop = Region(render_x - region.x, run_start - region.y, render_region.width, previous - run_start + 1)
            for row, strip in zip(range(run_start, previous + 1), widget.render_lines(crop)):
                starts, wanted = rows[row]
                _fill_runs(chops[row], starts, wanted, render_x, strip)
            if y is not None:
                run_start = previous = y
    return chops


def _render_partial_update(self: Compositor) -> ChopsUpdate | None:
    update_regions = self._dirty_regions.copy()
    self._dirty_regions.clear()
    update_regions |= _moved_regions(self)
    if not update_regions:
        return None
    spans = list(self._regions_to_spans(update_regions))
    spans_by_row: dict[int, list[tuple[int, int]]] = {}
    for y, x1, x2 in spans:
        spans_by_row.setdefault(y, []).append((x1, x2))
    chops = _fill_chops(self, spans_by_row)
    chop_ends = [cut_set[1:] for cut_set in self.cuts]
    return ChopsUpdate(chops, spans, chop_ends)  # type: ignore[arg-type]


def apply() -> None:
    """Install the replacements once; a Textual without the methods is left alone."""
    if getattr(Compositor, "_wizard_patched", False):
        return
    if getattr(Compositor, "_render_chops", None) is not None:
        STOCK["_render_chops"] = Compositor._render_chops
        Compositor._render_chops = _render_chops  # type: ignore[method-assign]
    if getattr(Compositor, "render_partial_update", None) is not None and hasattr(Compositor, "_regions_to_spans"):
        Compositor.render_partial_update = _render_partial_update  # type: ignore[method-assign]
        full_update = Compositor.render_full_update

        def render_full_update(self: Compositor, simplify: bool = False):
            if not simplify:  # simplified: a screenshot, not the terminal
                self._painted = self.visible_widgets  # type: ignore[attr-defined]
            return full_update(self, simplify=simplify)

        Compositor.render_full_update = render_full_update  # type: ignore[method-assign]
    Compositor._wizard_patched = True  # type: ignore[attr-defined]
