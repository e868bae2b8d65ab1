"""The preview draws its rows itself: they must be the rows a Static would show,
framed as Textual would frame them.

A block is wrapped by ``wizard.ui.widgets.preview.wrap`` (with a fast path for
text without spaces) instead of by Textual; the breaks, and so the heights,
must be Textual's own, or the preview would differ from the text it stands for.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich._wrap import divide_line
from textual.content import Content
from textual.geometry import Offset, Region
from textual.selection import Selection
from textual.widget import Widget

from tests.ui.conftest import demo_app
from wizard.ui.fold import fold as _fold
from wizard.ui.widgets.preview import PreviewBlock, _wrap, rewrap, wrap

#: Han characters, full-width and half-width punctuation, Latin letters, digits, spaces.
ALPHABET = "学习体会心得，。、；：“”（）《》—…abcXYZ0123456789.,;:!?()-_＋ｘＡ 　"


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
def test_rows_are_the_rows_of_a_static(text, width):
    rows = wrap(text, width)
    assert len(rows) == Content(text).get_height({}, width)
    for start, row in rows:
        assert text[start:].startswith(row)


@settings(max_examples=300, deadline=None)
@given(
    before=st.text(alphabet=ALPHABET, max_size=300),
    at=st.integers(0, 300),
    removed=st.integers(0, 5),
    typed=st.text(alphabet=ALPHABET, max_size=5),
    width=st.integers(1, 60),
)
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
