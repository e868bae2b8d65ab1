"""TextArea wraps Chinese lines the fast way (wizard.ui.fold) with Textual's own breaks and rows."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text
from textual._wrap import compute_wrap_offsets
from textual.document._document import Document
from textual.document._wrapped_document import WrappedDocument

from tests.ui.test_preview_rows import ALPHABET
from wizard.ui import fold

fold.apply()

#: Mostly text the fast way answers for (no spaces), some it leaves to Textual.
TEXT = st.one_of(
    st.text(alphabet=ALPHABET.replace(" ", "").replace("\u3000", ""), max_size=300),
    st.text(alphabet=ALPHABET + "\t\x07\u0301", max_size=300),
)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, width=st.integers(1, 90))
def test_lines_break_where_textual_breaks_them(text, width):
    from textual.document import _wrapped_document

    assert _wrapped_document.compute_wrap_offsets(text, width, 4) == compute_wrap_offsets(text, width, 4)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(TEXT, min_size=1, max_size=4), width=st.integers(1, 40))
def test_a_wrapped_line_splits_into_textuals_rows(lines, width):
    wrapped = WrappedDocument(Document("\n".join(lines)), width)
    for index in range(len(lines)):
        textual_rows = [row.plain for row in Text(wrapped.document[index], end="").divide(wrapped.get_offsets(index))]
        assert wrapped.get_sections(index) == textual_rows


def test_a_chinese_line_takes_the_fast_way():
    assert fold.fold("学习" * 200, 74) is not None
    assert fold.fold("学习 心得", 74) is None, "spaces: Textual decides where words break"
