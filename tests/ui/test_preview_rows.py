"""The preview draws its rows itself: they must be the rows a Static would show.

A block is wrapped by ``wizard.ui.widgets.preview.wrap`` (with a fast path for
text without spaces) instead of by Textual; the breaks, and so the heights,
must be Textual's own, or the preview would differ from the text it stands for.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich._wrap import divide_line
from textual.content import Content

from wizard.ui.widgets.preview import _fold, wrap

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


def test_a_chinese_paragraph_takes_the_fast_way():
    assert _fold("学习" * 200, 74) is not None
    assert _fold("学习 心得", 74) is None, "spaces: rich decides where words break"
