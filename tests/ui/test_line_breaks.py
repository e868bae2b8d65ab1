"""The preview breaks rows as Chinese print does, and repaints only what an edit changed.

Chinese text breaks between any two characters, but no row begins with a
closing mark (，。”…) and none ends with an opening one (“《（); Latin words
stay whole and break at spaces. Rows never overflow the width.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tests.ui.conftest import demo_app, new_app, paste_into, widget_for
from tests.ui.screen import Shot
from wizard.ui.widgets.line_breaks import NO_ROW_END, NO_ROW_START, wrap
from wizard.ui.widgets.preview import Preview

#: Han characters, full-width and half-width punctuation, Latin letters, digits, spaces.
ALPHABET = "学习体会心得，。、；：“”（）《》—…abcXYZ0123456789.,;:!?()-_＋ｘＡ 　"
#: Chinese text thick with punctuation: where breaks move back.
MARKED = "学习心得体会，。、；：“”（）《》…"


def _breaks_badly(text: str, at: int) -> bool:
    return text[at] in NO_ROW_START or text[at - 1] in NO_ROW_END


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET + "\U0001f600\u0301", max_size=300), width=st.integers(2, 90))
def test_rows_hold_the_whole_text_in_order_and_never_overflow(text, width):
    rows = wrap(text, width)
    assert rows[0][0] == 0
    for (start, row), (following, _) in itertools.pairwise(rows):
        assert start < following and text[start:following].rstrip() == row
    for start, row in rows:
        assert text[start:].startswith(row)
        assert cell_len(row) <= width or len(row) == 1, (row, width)
    # Nothing but spaces is lost between rows.
    assert "".join(text[start:end] for (start, _), (end, _) in zip(rows, [*rows[1:], (len(text), "")])) == text


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=MARKED, min_size=1, max_size=200), width=st.integers(2, 40))
@example(text="学习，心得", width=4)
@example(text="他说：“好……”。学习", width=8)
def test_chinese_rows_are_as_long_as_they_can_be_with_punctuation_off_their_edges(text, width):
    rows = wrap(text, width)
    assert "".join(row for _, row in rows) == text
    for (start, row), (following, _) in itertools.pairwise(rows):
        assert 0 < cell_len(row) <= width
        greedy = start + len(next_fit(text[start:], width))
        if _breaks_badly(text, following):
            # Only where no break would keep the marks off the edges.
            assert following == greedy
            assert all(_breaks_badly(text, at) for at in range(start + 1, greedy))
        else:
            # The row is cut short only as far as the marks at its end ask.
            assert all(_breaks_badly(text, at) for at in range(following + 1, greedy + 1))


def next_fit(text: str, width: int) -> str:
    """The longest start of ``text`` that fits ``width`` cells."""
    fitted = ""
    for char in text:
        if cell_len(fitted + char) > width:
            break
        fitted += char
    return fitted


def test_a_comma_at_a_row_start_takes_the_character_before_it_along():
    assert wrap("学习，心得", 4) == ((0, "学"), (1, "习，"), (3, "心得"))
    # An opening mark goes down with what follows.
    assert wrap("参加《培训》", 6) == ((0, "参加"), (2, "《培"), (4, "训》"))


def test_latin_words_stay_whole_and_spaces_end_their_row():
    assert wrap("GDP growth 学习", 8) == ((0, "GDP"), (4, "growth"), (11, "学习"))
    assert wrap("", 5) == ((0, ""),)


@pytest.mark.perf
async def test_typing_changes_the_rows_and_lays_nothing_out_when_no_row_is_added(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.go_to("reflections")
        await pilot.pause()
        preview = app.screen.query_one(Preview)
        layouts: list = []
        app.screen.screen_layout_refresh_signal.subscribe(preview, layouts.append)
        area = widget_for(pilot, "sections[0].points[0].body")
        text = area.text
        height = preview.virtual_size.height
        rows = len(preview.text_of_block("section:0"))

        async def type_text(new: str) -> None:
            area.replace(new, area.document.start, area.document.end)  # as typing does
            await pilot.pause()
            await pilot.pause()

        # A character in the middle changed: its row changes, the block's height does not.
        await type_text(text[:10] + "变" + text[11:])
        assert preview.virtual_size.height == height and layouts == []
        assert any("变" in row for row in preview.text_of_block("section:0"))
        # A hundred more: rows are added.
        await type_text(text + "学" * 100)
        assert len(preview.text_of_block("section:0")) > rows
        assert any("学学学" in row for row in preview.text_of_block("section:0"))


async def test_the_review_problem_list_breaks_rows_as_the_preview_does(private_home):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await paste_into(pilot, "training.start", "2026-13-40")
        app.go_to("review")
        await pilot.pause()
        problems = app.screen.query_one("#problems")
        assert problems.option_count > 3
        for width in range(61, 100, 4):
            await pilot.resize_terminal(width, 30)
            await pilot.pause()
            problems.scroll_visible(animate=False, immediate=True)
            await pilot.pause()
            await pilot.pause()
            rows = [row.strip() for row in Shot(app).within(problems.content_region)]
            starts = [row for row in rows if row and row[0] in NO_ROW_START]
            assert not starts, (width, starts)
            assert any(row.startswith("【") for row in rows)
