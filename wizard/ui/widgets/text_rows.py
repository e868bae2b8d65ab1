"""A TextArea that draws each screen row once and repaints only the rows that changed.

Textual's TextArea repaints the whole widget on every edit and cursor move, and
with soft wrapping its line cache is keyed by the selection, so every visible
row is drawn again, each by styling and dividing its whole paragraph: typing
into a long elaboration redrew a dozen rows of a thousand-character line per
key. Here a row is known by what it shows — its text and where it starts in its
line, and the cursor, cursor line and selection as far as they touch it — so a
row that did not change is neither drawn nor sent to the screen again: when
Textual repaints the whole area, the compositor is given only the rows whose
key differs from what was last drawn.

Anything the key cannot describe (a placeholder, tabs, a suggestion, bracket
matching, syntax highlights) is drawn by TextArea as before, and so is every
row after a change of style, size or theme.

TextArea also works out its theme's styles from CSS before every render (about
1 ms, as long as a whole edited row takes); here that is done again only when
what it reads has changed: the theme, the app's theme, the area's own style and
its component styles.
"""

from __future__ import annotations

from collections.abc import Hashable
from itertools import zip_longest

from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import TextArea

#: Rows kept per widget before the cache starts again.
_LIMIT = 2048


class RowCachedTextArea(TextArea):
    """``TextArea`` with rows cached by content; see the module's description."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._row_strips: dict[Hashable, Strip] = {}
        #: The key of what each content row shows now (as last drawn).
        self._shown: dict[int, Hashable | None] = {}
        self._shown_frame: Hashable = None
        #: How many content rows the area shows, as of ``_shown_frame``.
        self._rows_shown = 0
        #: What the theme's styles were last worked out from (see ``_theme_is_current``).
        self._theme_inputs: tuple | None = None

    def _frame(self) -> Hashable:
        """What every row depends on: when it changes, every row is drawn again."""
        return (
            id(self.document),
            self.size,
            self.scroll_offset.x,
            self.theme,
            self.read_only,
            self.show_cursor,
            self.soft_wrap,
            self.show_line_numbers,
            self.highlight_cursor_line,
            self.gutter_width,
            self.border_title,
            self.border_subtitle,
        )

    def _row_key(self, y: int) -> Hashable | None:
        """What content row ``y`` shows, or None when only TextArea itself can tell."""
        document = self.document
        if (
            self.suggestion
            or self._highlights
            or self._matching_bracket_location is not None
            or (self.placeholder and document.line_count == 1 and not document[0])
        ):
            return None
        wrapped = self.wrapped_document
        offset = y + self.scroll_offset.y
        if offset >= wrapped.height:
            return ("blank", self.size.width)
        try:
            line_index, section = wrapped._offset_to_line_info[offset]
        except IndexError:
            return None
        text = document[line_index]
        if "\t" in text:
            return None
        offsets = wrapped.get_offsets(line_index)
        start = offsets[section - 1] if section else 0
        end = offsets[section] if section < len(offsets) else len(text) + 1
        anchor, (cursor_row, cursor_column) = self.selection
        top, bottom = sorted(self.selection)
        cursor_line = cursor_row == line_index
        cursor_here = cursor_line and start <= cursor_column < end
        selected = anchor != (cursor_row, cursor_column) and top[0] <= line_index <= bottom[0]
        return (
            text[start:end],
            start,
            line_index if self.show_line_numbers else None,
            section == 0 if self.show_line_numbers else None,
            (cursor_line, self._has_cursor) if cursor_line else None,
            (cursor_column, self._draw_cursor) if cursor_here else None,
            (top, bottom, line_index, len(text) == 0) if selected else None,
        )

    def _theme_is_current(self) -> bool:
        """Whether the theme's styles were worked out from what they would be now."""
        inputs = (self._theme, self.app.theme, self.rich_style, *self._component_styles.values())
        last, self._theme_inputs = self._theme_inputs, inputs
        return (
            last is not None
            and last[0] is inputs[0]
            and last[1:3] == inputs[1:3]
            and all(old is new for old, new in zip_longest(last[3:], inputs[3:]))
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        theme = self._theme
        if theme and not self._theme_is_current():
            theme.apply_css(self)
        return Widget.render_lines(self, crop)

    def render_line(self, y: int) -> Strip:
        frame = self._frame()
        if frame != self._shown_frame:
            self._row_strips.clear()
            self._shown.clear()
            self._shown_frame = frame
            self._rows_shown = self.scrollable_content_region.height
        key = self._row_key(y)
        self._shown[y] = key
        if key is None:
            return super().render_line(y)
        strip = self._row_strips.get(key)
        if strip is None:
            if len(self._row_strips) >= _LIMIT:
                self._row_strips.clear()
            strip = self._row_strips[key] = super().render_line(y)
        return strip

    def notify_style_update(self) -> None:
        self._row_strips.clear()
        self._shown.clear()
        self._shown_frame = None  # padding or borders may have changed the rows shown
        super().notify_style_update()

    def _changed_rows(self) -> list[Region] | None:
        """The content rows whose key differs from what is shown, as regions; None if unknown."""
        height = self._rows_shown
        shown = self._shown
        if not height or self._frame() != self._shown_frame or any(y not in shown for y in range(height)):
            return None
        width = self.size.width
        changed = [y for y in range(height) if (key := self._row_key(y)) is None or key != shown[y]]
        regions: list[Region] = []
        for y in changed:
            if regions and regions[-1].bottom == y:
                last = regions[-1]
                regions[-1] = Region(0, last.y, width, last.height + 1)
            else:
                regions.append(Region(0, y, width, 1))
        return regions

    def _exchange_repaint_regions(self):
        """The regions the compositor repaints: of a whole-widget repaint, only the rows that changed.

        Asked when the frame is drawn, so the keys are those the rows are drawn with.
        """
        regions = super()._exchange_repaint_regions()
        whole = self.outer_size.region
        if whole not in regions:
            return regions
        changed = self._changed_rows()
        if changed is None:
            return regions
        offset = self.content_offset
        return [region for region in regions if region != whole] + [region.translate(offset) for region in changed]
