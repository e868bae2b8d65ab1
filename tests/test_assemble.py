"""The assembler follows the genre's rules (GENRE.md) and rebuilds the reference sample."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata

import pytest

from wizard import storage
from wizard.assemble import blocks, join_items, opening, render_text, section_lines
from wizard.data_files import speech_wording
from wizard.model import CourseGroup, Layout, Point, Section, Speech, Training
from wizard.numerals import chinese_numeral

D = dt.date


def dated(start: dt.date | None, end: dt.date | None = None, style: str = "month-day") -> str:
    speech = Speech(training=Training(name="专题研讨班", start=start, end=end), layout=Layout(date_style=style))
    return opening(speech)


def test_bundled_example_renders_as_the_sample(example, assert_reproduces_sample):
    assert_reproduces_sample(render_text(example))


def test_sample_check_catches_a_changed_word(example, assert_reproduces_sample):
    example.sections[0].points[0].lead = "在深学细悟中找准新发展阶段的组织工作“指南针”。"
    with pytest.raises(AssertionError):
        assert_reproduces_sample(render_text(example))


# --- section numbers --------------------------------------------------------


def test_numerals_one_to_twelve_and_beyond():
    assert [chinese_numeral(n) for n in range(1, 13)] == [*list("一二三四五六七八九十"), "十一", "十二"]
    assert (chinese_numeral(20), chinese_numeral(21), chinese_numeral(99)) == ("二十", "二十一", "九十九")


def test_section_numerals_beyond_ninety_nine_are_spelt_out():
    spelt = {
        100: "一百",
        101: "一百零一",
        110: "一百一十",
        119: "一百一十九",
        200: "二百",
        999: "九百九十九",
        1000: "一千",
        1001: "一千零一",
        1010: "一千零一十",
        1100: "一千一百",
        4999: "四千九百九十九",
        5000: "五千",
        10000: "一万",
        10010: "一万零一十",
        11000: "一万一千",
        100000: "十万",
        123456: "十二万三千四百五十六",
    }
    assert {number: chinese_numeral(number) for number in spelt} == spelt


def test_twelve_sections_are_numbered_in_one_sequence_across_kinds():
    sections = [Section(heading=f"标题{n}", kind="action" if n > 6 else "reflection") for n in range(1, 13)]
    text = render_text(Speech(training=Training(name="班"), sections=sections))
    headings = [line for line in text.splitlines() if line.startswith(tuple("一二三四五六七八九十"))]
    numbers = [heading.split("、")[0] for heading in headings]
    assert numbers == ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
    assert headings[10] == "十一、标题11"


def test_heading_loses_end_punctuation_and_lead_gains_a_full_stop():
    speech = Speech(sections=[Section(heading="强化政治建设。", points=[Point("要坚持学习", "学以致用。")])])
    assert section_lines(speech, 0) == ("一、强化政治建设", "要坚持学习。学以致用。")


def test_a_paragraph_never_ends_on_a_comma():
    points = [Point("要坚持学习，", "学以致用，"), Point("要强化理论武装，", "")]
    speech = Speech(sections=[Section(heading="体会", intro="我们要，", points=points)])
    assert section_lines(speech, 0)[1] == "我们要，要坚持学习，学以致用，要强化理论武装。"
    speech.layout.points = "separate"
    assert section_lines(speech, 0)[1:] == ("我们要。", "要坚持学习，学以致用。", "要强化理论武装。")


# --- dates and duration -----------------------------------------------------


def test_range_within_a_month_in_each_style():
    assert dated(D(2026, 11, 3), D(2026, 11, 5)).startswith("11月3日—11月5日，参加了为期3天的")
    assert dated(D(2026, 11, 3), D(2026, 11, 5), "compact").startswith("11月3日—5日，")
    assert dated(D(2026, 11, 3), D(2026, 11, 5), "with-year").startswith("2026年11月3日—11月5日，")


@pytest.mark.parametrize("style", ["month-day", "compact"])
def test_range_across_months_counts_days_inclusively(style):
    assert dated(D(2025, 11, 28), D(2025, 12, 2), style).startswith("11月28日—12月2日，参加了为期5天的")


@pytest.mark.parametrize("style", ["month-day", "compact", "with-year"])
def test_range_across_a_year_gives_both_years(style):
    text = dated(D(2025, 12, 29), D(2026, 1, 2), style)
    assert text.startswith("2025年12月29日—2026年1月2日，参加了为期5天的")


@pytest.mark.parametrize(
    ("start", "end"), [(D(2026, 3, 7), None), (D(2026, 3, 7), D(2026, 3, 7)), (None, D(2026, 3, 7))]
)
def test_single_day_has_no_duration(start, end):
    text = dated(start, end)
    assert text.startswith("3月7日，参加了专题研讨班学习。")
    assert "为期" not in text and "—" not in text


def test_two_days_and_no_leading_zeros():
    text = dated(D(2026, 1, 8), D(2026, 1, 9))
    assert text.startswith("1月8日—1月9日，参加了为期2天的")
    assert not re.search(r"(?<!\d)0\d", text)


def test_no_dates_gives_no_date_and_no_duration():
    assert dated(None) == "参加了专题研讨班学习。"


def test_dash_is_u2014_never_a_double_dash_or_hyphen(example):
    for style in ("month-day", "compact", "with-year"):
        example.layout.date_style = style
        first = render_text(example).splitlines()[1]
        assert "\u2014" in first and "——" not in first and "-" not in first and "～" not in first


# --- items and fixed wording -------------------------------------------------


def test_items_join_with_enumeration_comma_but_not_between_quoted_items():
    assert join_items(["党史", "新中国史"]) == "党史、新中国史"
    assert join_items(["“当前与长远”", "“理论与实务”", "基层治理"]) == "“当前与长远”“理论与实务”、基层治理"
    assert join_items(["《纲要》", "《条例》"]) == "《纲要》《条例》"


def test_organisers_and_course_groups_in_the_opening():
    speech = Speech(
        training=Training(name="班", organisers=["省委组织部", "省委党校"], activities=["分组研讨学习", "现场教学"]),
        courses=[CourseGroup("深入学习了", ["甲", "乙"], ""), CourseGroup("重温了", ["丙"], "光辉历程")],
    )
    assert opening(speech) == (
        "参加了班学习。本次培训，省委组织部、省委党校等单位的领导带领我们深入学习了甲、乙，"
        "重温了丙光辉历程，并围绕相关专题进行了分组研讨学习、现场教学，深受启发，获益颇丰。"
    )


def _wording_strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _wording_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _wording_strings(item)
    else:
        yield value


def test_fixed_wording_uses_full_width_punctuation():
    for text in _wording_strings(speech_wording()):
        without_placeholders = re.sub(r"\{\w+\}", "", text)
        assert not re.search(r"[,.:;()!?\"'\-]", without_placeholders), text


# --- empty optional parts ----------------------------------------------------

OPTIONAL = ["title", "speaker", "note", "start", "end", "organisers", "courses", "activities", "intro", "points"]


def _partial(present: set[str]) -> Speech:
    """A record holding only the optional parts named in ``present``."""
    on = present.__contains__
    return Speech(
        title="在培训班学习交流会上的发言" if on("title") else "",
        speaker="张三" if on("speaker") else " ",
        training=Training(
            name="专题研讨班",
            note="第二期" if on("note") else "  ",
            start=D(2026, 11, 3) if on("start") else None,
            end=D(2026, 11, 5) if on("end") else None,
            organisers=["省委组织部"] if on("organisers") else [" "],
            activities=["分组研讨学习"] if on("activities") else [],
        ),
        courses=[CourseGroup("学习了", ["党史"] if on("courses") else [""], "")],
        sections=[
            Section(
                heading="深入学习",
                intro="组工干部要强化政治意识。" if on("intro") else "",
                points=[Point("要坚持学习，", "学以致用。")] if on("points") else [Point(" ", "")],
            )
        ],
    )


@pytest.mark.parametrize("layout", ["joined", "separate"])
def test_no_empty_brackets_doubled_commas_or_stray_spaces_in_any_combination(layout):
    for flags in itertools.product((False, True), repeat=len(OPTIONAL)):
        speech = _partial({name for name, flag in zip(OPTIONAL, flags) if flag})
        speech.layout.points = layout
        text = render_text(speech)
        for bad in ("（）", "()", "，，", "，。", "、、", "、，", "，、", " ", "\u3000", "\n\n"):
            assert bad not in text, (flags, bad, text)
        assert all(line == line.strip() and line for line in text.splitlines())
        assert not re.search(r"[，、；]$", text, re.MULTILINE), text


def test_everything_optional_empty():
    speech = Speech(salutation="", closing="", training=Training(name="专题研讨班"), sections=[Section(heading="体会")])
    assert render_text(speech) == "参加了专题研讨班学习。\n一、体会\n"


def test_separators_typed_into_phrases_do_not_double():
    speech = Speech(
        training=Training(name="专题班。", note="第二期，", organisers=["省委组织部，", "省委党校、"]),
        courses=[CourseGroup("学习了", ["党史、", "新中国史"], "等内容，")],
    )
    assert opening(speech) == (
        "参加了专题班（第二期）学习。本次培训，省委组织部、省委党校等单位的领导带领我们"
        "学习了党史、新中国史等内容，深受启发，获益颇丰。"
    )


# --- control characters ------------------------------------------------------


def test_control_characters_are_dropped_on_load_and_never_rendered(example):
    # TOML escapes: raw control characters are not even valid TOML.
    dirty = r"\u001b[31m红\u0007\u007f\u0085\u009b字\u0000\r"
    text = (
        storage.dumps(example)
        .replace("组织部门年轻干部专题研讨班", "组织" + dirty)
        .replace("要着力打造高素质干部队伍。", "要着力" + dirty + "打造。")
    )
    loaded = storage.loads(text)
    assert loaded.training.name == "组织[31m红字\n"  # ESC dropped, the CR a newline
    rendered = render_text(loaded)
    assert "组织[31m红字（第二期）学习" in rendered and "要着力[31m红字打造。" in rendered
    assert all(unicodedata.category(char) != "Cc" for char in rendered.replace("\n", ""))


def test_control_characters_typed_into_a_record_never_reach_the_text():
    speech = Speech(title="标题\x1b]0;x\x07", training=Training(name="班\x9b"), sections=[Section(heading="\x00体会")])
    rendered = render_text(speech)
    assert all(unicodedata.category(char) != "Cc" for char in rendered.replace("\n", ""))


# --- layout options ----------------------------------------------------------

POINTS = [Point("要坚持强化理论武装，", "始终把政治建设放在首位。"), Point("要坚持学用结合", "提高能力。")]


@pytest.mark.parametrize(
    ("points", "numbering", "expected"),
    [
        ("joined", "none", ("导语。要坚持强化理论武装，始终把政治建设放在首位。要坚持学用结合。提高能力。",)),
        (
            "joined",
            "ordinal",
            ("导语。一是要坚持强化理论武装，始终把政治建设放在首位。二是要坚持学用结合。提高能力。",),
        ),
        ("separate", "none", ("导语。", "要坚持强化理论武装，始终把政治建设放在首位。", "要坚持学用结合。提高能力。")),
        (
            "separate",
            "bracketed",
            ("导语。", "（一）要坚持强化理论武装，始终把政治建设放在首位。", "（二）要坚持学用结合。提高能力。"),
        ),
    ],
)
def test_point_layout_and_numbering(points, numbering, expected):
    speech = Speech(sections=[Section("体会", "导语", POINTS)], layout=Layout(points=points, numbering=numbering))
    assert section_lines(speech, 0) == ("一、体会", *expected)


def test_blocks_are_keyed_by_the_part_of_the_record(example):
    example.title, example.speaker = "在研讨班上的发言", "张三"
    keys = [block.key for block in blocks(example)]
    assert keys == ["title", "salutation", "opening", "section:0", "section:1", "section:2", "closing"]
    assert blocks(example)[0].lines == ("在研讨班上的发言", "张三")


def test_the_activities_suggested_and_hinted_read_well_after_the_frame_they_go_into():
    """They follow 并围绕相关专题进行了: no second 进行/开展, no second 专题."""
    from wizard.data_files import load

    hint = load("steps")["training"]["fields"]["activities"]["hint"]
    hinted = re.findall(r"[\u4e00-\u9fff]+(?=[、。])", hint.split("如：")[1])
    assert hinted, hint
    for activity in [*speech_wording()["choices"]["activities"], *hinted]:
        speech = Speech(training=Training(name="组工干部专题培训班", activities=[activity]))
        speech.courses = [CourseGroup(verb="学习了", items=["党的二十大精神"])]
        text = opening(speech)
        clause = text[text.index("并围绕") :]
        assert f"进行了{activity}" in clause, text
        assert not re.match(r"(进行|开展|组织)", activity) and "专题" not in activity, activity
