"""The preview draws its rows itself: the rows a Static would show, framed as
Textual would frame them, except that Chinese punctuation keeps off row edges.

A block is wrapped by ``wizard.ui.widgets.preview.wrap`` (with a fast path for
text without spaces) instead of by Textual. Text with spaces breaks where
Textual breaks it; Chinese text is folded at the width as rich folds it, with a
break moved back a character or a few where it would begin a row with a
closing mark (，。”…) or end one with an opening mark (“《（).
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich._wrap import divide_line
from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Offset, Region
from textual.selection import Selection
from textual.widget import Widget

from tests.ui.conftest import demo_app
from wizard.ui.fold import MOST_PULLED, NO_LINE_END, NO_LINE_START
from wizard.ui.fold import fold as _fold
from wizard.ui.widgets.preview import PreviewBlock, _wrap, rewrap, wrap

#: Han characters, full-width and half-width punctuation, Latin letters, digits, spaces.
ALPHABET = "学习体会心得，。、；：“”（）《》—…abcXYZ0123456789.,;:!?()-_＋ｘＡ 　"
#: Chinese text thick with punctuation: where breaks move back.
MARKED = "学习心得体会，。、；：“”（）《》…"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=300), width=st.integers(2, 90))
def test_the_fast_fold_breaks_where_rich_does(text, width):
    breaks = _fold(text, width)
    if breaks is not None:
        assert breaks == divide_line(text, width, fold=True)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=ALPHABET + "\U0001f600\u0301", max_size=300),
    width=st.integers(1, 90),
)
def test_rows_are_the_rows_of_a_static_unless_punctuation_moves_a_break(text, width):
    rows = wrap(text, width)
    for start, row in rows:
        assert text[start:].startswith(row)
    if _fold(text, width) is None or _fold(text, width) == _fold(text, width, kinsoku=True):
        assert len(rows) == Content(text).get_height({}, width)


def _breaks_badly(text: str, at: int) -> bool:
    return text[at] in NO_LINE_START or text[at - 1] in NO_LINE_END


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=MARKED, max_size=200), width=st.integers(2, 40))
@example(text="学习，心得", width=4)
@example(text="他说：“好……”。学习", width=8)
def test_chinese_rows_are_as_long_as_they_can_be_with_punctuation_off_their_edges(text, width):
    rows = wrap(text, width)
    assert "".join(row for _, row in rows) == text
    for (start, row), (following, _) in zip(rows, rows[1:]):
        assert 0 < cell_len(row) <= width
        greedy = start + _fold(text[start:], width)[0]
        if _breaks_badly(text, following):
            # Only where no break within reach before the width's would do.
            assert following == greedy
            assert all(_breaks_badly(text, at) for at in range(max(start + 1, greedy - MOST_PULLED), greedy))
        else:
            # The row is cut short only as far as the marks at its end ask.
            assert greedy - MOST_PULLED <= following <= greedy
            assert all(_breaks_badly(text, at) for at in range(following + 1, greedy + 1))


def test_a_comma_at_a_row_start_takes_the_character_before_it_along():
    assert wrap("学习，心得", 4) == ((0, "学"), (1, "习，"), (3, "心得"))
    # An opening mark goes down with what follows; a closing one takes a character along.
    assert wrap("参加《培训》", 6) == ((0, "参加"), (2, "《培"), (4, "训》"))


#: Characters of either set, Chinese punctuation-heavy about half the time.
MIXED = st.one_of(st.sampled_from(ALPHABET), st.sampled_from(MARKED))


@settings(max_examples=500, deadline=None)
@given(
    before=st.text(alphabet=MIXED, max_size=300),
    at=st.integers(0, 300),
    removed=st.integers(0, 5),
    typed=st.text(alphabet=MIXED, max_size=5),
    width=st.integers(1, 60),
)
@example(before="学习，心得", at=2, removed=1, typed="心", width=4)
def test_a_paragraph_folded_again_from_its_change_has_the_rows_of_a_fresh_fold(before, at, removed, typed, width):
    at = min(at, len(before))
    after = before[:at] + typed + before[at + removed :]
    assert rewrap(before, *_wrap(before, width), after, width) == _wrap(after, width)


def test_a_chinese_paragraph_takes_the_fast_way():
    assert _fold("学习" * 200, 74) is not None
    assert _fold("学习 心得", 74) is None, "spaces: rich decides where words break"


async def test_blocks_are_framed_as_textual_frames_them(private_home):
    """Rows are framed by the block itself (the current one's bar and background): cell for cell Textual's."""
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()

        def check() -> None:
            blocks = list(app.screen.query(PreviewBlock))
            assert len({block.has_class("-current") for block in blocks}) == 2  # both kinds on show
            for block in blocks:
                whole = block.outer_size.region
                part = Region(1, 1, whole.width - 3, min(3, whole.height - 1))  # as the compositor crops
                for crop in (whole, part):
                    assert block.render_lines(crop) == Widget.render_lines(block, crop), (block.key, crop)

        check()
        opening = next(block for block in app.screen.query(PreviewBlock) if block.key == "opening")
        app.screen.selections = {opening: Selection(Offset(3, 0), Offset(8, 1))}
        await pilot.pause()
        check()
        app.theme = "textual-light"
        await pilot.pause()
        check()
        app.screen.query_one("#preview").styles.background = "darkgreen"  # no restyling of the blocks
        await pilot.pause()
        check()
        # A frame the block does not draw itself (padding here) is left to Textual.
        app.stylesheet.add_source("PreviewBlock { padding: 0 1; }", read_from=("test", ""))
        app.refresh_css(animate=False)
        await pilot.pause()
        assert opening.styles.padding.left == 1
        check()
