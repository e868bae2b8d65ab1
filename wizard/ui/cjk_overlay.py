"""Keep Chinese characters whole where an overlay lies over other widgets' edges.

Textual's compositor cuts every screen line at the edges of all widgets on it,
then fills each piece from the front-most widget. When a toast, a dropdown or
a tooltip lies over the edge of a widget below it, its own line is cut there
too, and a double-width character that straddles the cut is replaced by two
spaces: the first character of a notification simply vanishes (upstream
issue Textualize/textual#6357, open for Textual 8.x).

The replacement below cuts a widget's line only where the piece on one side
is already taken by a widget in front of it. Neighbouring pieces the widget
wins anyway stay joined: the first gets the whole run, the others an empty
strip, so the line still adds up to the same cells.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip

_EMPTY = Strip([], 0)


def _render_chops(
    self: Compositor, crop: Region, is_rendered_line: Callable[[int], bool]
) -> Sequence[Mapping[int, Strip]]:
    cuts = self.cuts
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    for region, clip, strips in self._get_renders(crop):
        render_region = region.intersection(clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips):
            if not is_rendered_line(y):
                continue
            line = chops[y]
            starts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            if len(starts) < 2:
                continue
            buckets, end = starts[:-1], starts[-1]
            free = [line.get(start) is None for start in buckets]
            # Cut only where a free piece meets a taken one.
            runs = [0] + [i for i in range(1, len(buckets)) if not (free[i - 1] and free[i])]
            edges = [buckets[i] - render_x for i in runs[1:]] + [end - render_x]
            for run, (index, piece) in enumerate(zip(runs, strip.divide(edges))):
                if not free[index]:
                    continue
                line[buckets[index]] = piece
                stop = runs[run + 1] if run + 1 < len(runs) else len(buckets)
                for absorbed in range(index + 1, stop):
                    line[buckets[absorbed]] = _EMPTY
    return chops  # type: ignore[return-value]


def apply() -> None:
    """Install the replacement once; a Textual without the method is left alone."""
    if getattr(Compositor, "_render_chops", None) is not None and not getattr(Compositor, "_cjk_whole", False):
        Compositor._render_chops = _render_chops  # type: ignore[method-assign]
        Compositor._cjk_whole = True  # type: ignore[attr-defined]
