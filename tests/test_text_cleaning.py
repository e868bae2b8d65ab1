"""Text hygiene: what is dropped when text enters a record, and how lines are joined."""

from __future__ import annotations

import re
import sys

import pytest

from wizard.text_cleaning import _CONTROL, clean, one_line


@pytest.mark.parametrize(
    "hidden", ["\x00", "\x1b", "\x7f", "\x85", "\x9b", "\u202e", "\u202a", "\u2066", "\u2069", "\u200f", "\u200e"]
)
def test_control_and_bidirectional_characters_are_dropped(hidden):
    assert clean(f"学{hidden}习") == "学习"


def test_every_dropped_character_is_one_isprintable_rejects():
    """``clean`` skips the pattern for printable text: that must never skip a character it drops."""
    pattern = re.compile(_CONTROL)
    dropped = [chr(code) for code in range(sys.maxunicode + 1) if pattern.match(chr(code))]
    assert len(dropped) == 9 + 21 + 33 + 1 + 2 + 5 + 4
    assert not [char for char in dropped if char.isprintable()]


def test_a_dropped_character_among_newlines_and_tabs_is_still_dropped():
    assert clean("一\n二\t三\u3000四\u202e五\n") == "一\n二\t三\u3000四五\n"


def test_line_ends_become_newlines_and_tabs_stay():
    assert clean("一\r\n二\r三\t四") == "一\n二\n三\t四"


def test_visible_text_is_kept_as_typed():
    text = "[bold]x[/] :thumbs_up: 👍 “引号” ‘单引号’ ABC 123"
    assert clean(text) == text


def test_lines_of_a_field_join_without_spaces_between_chinese_and_with_one_between_words():
    assert one_line(" 第一句，\n 第二句。\n\n") == "第一句，第二句。"
    assert one_line("Hello\nworld") == "Hello world"
    assert one_line("数字化\nDX转型") == "数字化DX转型"
