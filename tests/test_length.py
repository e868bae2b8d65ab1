"""Character counts against hand-counted text, speaking time and the target display."""

from __future__ import annotations

import pytest

from wizard.data_files import example_path
from wizard.length import Length, block_lengths, blocks_line, count_characters, measure, measure_speech
from wizard.model import Layout, Point, Section, Speech, Training
from wizard.storage import load


def small_speech(**layout: int) -> Speech:
    """A speech short enough to count by hand."""
    return Speech(
        training=Training(name="研讨班"),
        sections=[Section(heading="学有所得", points=[Point(lead="要学", body="学而时习之。")])],
        layout=Layout(**layout),
    )


def test_count_ignores_whitespace_and_counts_punctuation_and_digits() -> None:
    # 今年 2 + "3" 1 + 月 1 + ， 1 + 我参加了培训 6 + 。 1 + 谢谢 2 + ！ 1 = 15
    assert count_characters("今年 3 月，我参加了培训。\n\u3000谢谢！\t") == 15


def test_count_of_the_salutation() -> None:
    assert count_characters("各位领导、同志们：") == 9


def test_summary_uses_thousands_separator_and_one_decimal() -> None:
    assert Length(1234, 180).summary() == "1,234 字，约 6.9 分钟"


def test_measure_uses_the_given_rate() -> None:
    assert measure("一二三四五六", 3).minutes == pytest.approx(2.0)


@pytest.mark.parametrize(
    ("characters", "expected"),
    [
        (1020, "比 5 分钟目标多 120 字（约 0.7 分钟）"),
        (780, "距 5 分钟目标还可再写 120 字（约 0.7 分钟）"),
        (900, "正好达到 5 分钟目标（900 字）"),
    ],
)
def test_target_over_under_and_exact(characters: int, expected: str) -> None:
    assert Length(characters, 180, 5).target_summary() == expected


def test_no_target_gives_no_target_text() -> None:
    length = Length(500, 180, 0)
    assert length.target_summary() == ""
    assert length.over == 0
    assert length.line() == "500 字，约 2.8 分钟"


def test_line_with_target_joins_both_parts() -> None:
    assert Length(2000, 200, 8).line() == "2,000 字，约 10.0 分钟；比 8 分钟目标多 400 字（约 2.0 分钟）"


def test_speech_measured_at_its_own_rate_and_target() -> None:
    # 称呼 9 + 开头“参加了研讨班学习。”9 + “一、学有所得”6 + “要学。学而时习之。”9 + 结束语 8 = 41
    length = measure_speech(small_speech(speaking_rate=60, target_minutes=3))
    assert length.characters == 41
    assert length.rate == 60
    assert length.target_summary() == "距 3 分钟目标还可再写 139 字（约 2.3 分钟）"


def test_count_per_block_labels_sections_by_heading() -> None:
    assert block_lengths(small_speech()) == [
        ("salutation", "称呼", 9),
        ("opening", "开头", 9),
        ("section:0", "一、学有所得", 15),
        ("closing", "结束语", 8),
    ]


def test_block_counts_add_up_to_the_total() -> None:
    example = load(example_path())
    assert sum(block.characters for block in block_lengths(example)) == measure_speech(example).characters


def test_blocks_line_names_sections_by_number() -> None:
    assert blocks_line(small_speech()) == "称呼 9 字，开头 9 字，一 15 字，结束语 8 字"


def test_a_blank_section_has_no_count_of_its_own(example):
    from wizard.length import block_lengths, blocks_line
    from wizard.model import Point, Section

    example.sections.insert(1, Section(points=[Point()]))
    keys = [block.key for block in block_lengths(example)]
    assert "section:1" not in keys
    assert "section:" not in blocks_line(example)
    assert "，三 " in blocks_line(example) and "，四 " not in blocks_line(example)
