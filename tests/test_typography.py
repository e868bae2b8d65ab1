"""Typography findings (kind, field, context) and the mechanical fixer."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from wizard import storage
from wizard.data_files import example_path
from wizard.model import Point, Section, Speech, Training
from wizard.record_texts import describe
from wizard.storage import load
from wizard.typography import Finding, apply_changes, find, fix

BODY = "sections[0].points[0].body"


def speech() -> Speech:
    """A clean record: no findings until a test puts one in."""
    return Speech(
        training=Training(name="研讨班", note="第二期"),
        sections=[
            Section(heading="学有所得", intro="收获很多。", points=[Point(lead="要学", body="学而时习之。")]),
            Section(kind="action", heading="下一步打算", points=[Point(lead="要干", body="干字当头。")]),
        ],
    )


def with_body(body: str) -> Speech:
    record = speech()
    record.sections[0].points[0].body = body
    return record


def only(findings: list[Finding], kind: str) -> list[Finding]:
    return [finding for finding in findings if finding.kind == kind]


def test_clean_record_and_bundled_example_have_no_findings() -> None:
    assert find(speech()) == []
    assert find(load(example_path())) == []


@pytest.mark.parametrize(
    ("body", "spot", "fixed"),
    [
        ("我们学习了,收获很大。", ",", "我们学习了，收获很大。"),
        ("收获很大.我们要努力。", ".", "收获很大。我们要努力。"),
        ("体会如下:要努力。", ":", "体会如下：要努力。"),
        ("一是学习;二是实践。", ";", "一是学习；二是实践。"),
        ("怎么办?要努力!", "?", "怎么办？要努力！"),
        ("要学习 , 要努力。", ",", "要学习，要努力。"),
        ("还有很多...", "...", "还有很多……"),
    ],
)
def test_half_width_punctuation_beside_han(body: str, spot: str, fixed: str) -> None:
    finding = only(find(with_body(body)), "half-width-punctuation")[0]
    assert (finding.field, finding.step) == (BODY, "reflections")
    assert finding.context[finding.spot[0] : finding.spot[1]] == spot
    assert finding.fixable
    assert fix(with_body(body))[0].sections[0].points[0].body == fixed


def test_half_width_parentheses_are_fixed_as_a_pair() -> None:
    record = speech()
    record.training.note = "线上(2022)"
    findings = only(find(record), "half-width-punctuation")
    assert [(finding.field, finding.context[finding.spot[0] : finding.spot[1]]) for finding in findings] == [
        ("training.note", "("),
        ("training.note", ")"),
    ]
    assert fix(record)[0].training.note == "线上（2022）"


@pytest.mark.parametrize("body", ["增长了1.5倍。", "会议于9:30开始。", "版本是 v1.0, released。"])
def test_no_half_width_alarm_for_numbers_or_latin(body: str) -> None:
    assert only(find(with_body(body)), "half-width-punctuation") == []


def test_ascii_quotes_found_as_a_pair_and_fixed_to_curly() -> None:
    record = with_body("找准\"风向标\"，抓住'牛鼻子'。")
    findings = only(find(record), "quote")
    assert [finding.context[finding.spot[0] : finding.spot[1]] for finding in findings] == ['"风向标"', "'牛鼻子'"]
    assert fix(record)[0].sections[0].points[0].body == "找准“风向标”，抓住‘牛鼻子’。"


def test_corner_quotes_become_chinese_quotes() -> None:
    record = with_body("强化「两个『维护』」意识。")
    assert len(only(find(record), "quote")) == 2
    assert fix(record)[0].sections[0].points[0].body == "强化“两个‘维护’”意识。"


def test_unpaired_ascii_quote_is_reported_not_guessed() -> None:
    record = with_body('他说"要努力。')
    (finding,) = only(find(record), "quote")
    assert not finding.fixable
    assert fix(record)[1] == []


def test_apostrophe_in_latin_is_not_a_quote() -> None:
    assert find(with_body("在Xi'an学习。")) == []


@pytest.mark.parametrize(
    ("note", "fixed"),
    [
        ("11月3日-5日", "11月3日—5日"),
        ("11月3日——5日", "11月3日—5日"),
        ("11月3日~11月5日", "11月3日—11月5日"),
        ("11月3日 - 12月2日", "11月3日—12月2日"),
        ("2025年12月29日-2026年1月2日", "2025年12月29日—2026年1月2日"),
        ("11月3-5日", "11月3日—5日"),
    ],
)
def test_date_range_dashes(note: str, fixed: str) -> None:
    record = speech()
    record.training.note = note
    findings = find(record)
    assert [finding.kind for finding in findings] == ["date-dash"]
    assert findings[0].field == "training.note"
    assert fix(record)[0].training.note == fixed


@pytest.mark.parametrize("note", ["11月3日—5日", "2022-11-21", "第3-5名", "11月3日至5日"])
def test_correct_or_non_date_ranges_pass(note: str) -> None:
    record = speech()
    record.training.note = note
    assert find(record) == []


def test_leading_zeros_in_dates() -> None:
    record = speech()
    record.training.note = "2022年03月05日"
    findings = only(find(record), "leading-zero")
    assert [finding.start for finding in findings] == [5, 8]
    assert "“03月”应为“3月”" in findings[0].message
    assert fix(record)[0].training.note == "2022年3月5日"


def test_no_leading_zero_alarm_for_ten_or_twenty() -> None:
    record = speech()
    record.training.note = "10月20日"
    assert find(record) == []


@pytest.mark.parametrize(
    ("body", "fixed"),
    [("深入 学习。", "深入学习。"), ("近 120 名同志。", "近120名同志。"), ("用　WPS 排版。", "用WPS排版。")],
)
def test_spaces_in_chinese_text(body: str, fixed: str) -> None:
    findings = only(find(with_body(body)), "space")
    assert findings and all(finding.field == BODY for finding in findings)
    assert fix(with_body(body))[0].sections[0].points[0].body == fixed


def test_spaces_between_latin_words_and_in_the_speaker_line_are_fine() -> None:
    record = with_body("用Microsoft Word排版。")
    record.speaker = "市委组织部　张三"
    assert find(record) == []


@pytest.mark.parametrize("blank", ["**", "***", "XX", "××", "某某", "___"])
def test_placeholders_found_and_left_alone(blank: str) -> None:
    record = with_body(f"学习了{blank}精神。")
    (finding,) = find(record)
    assert finding.kind == "placeholder"
    assert finding.context == f"学习了{blank}精神。"
    assert fix(record)[1] == []


def test_placeholder_in_the_title_is_on_the_training_step() -> None:
    record = speech()
    record.title = "在××培训班学习交流会上的发言"
    (finding,) = find(record)
    assert (finding.field, finding.step, finding.where) == ("title", "training", "标题")


def test_heading_ending_in_punctuation_found_not_fixed() -> None:
    record = speech()
    record.sections[1].heading = "下一步打算。"
    (finding,) = find(record)
    assert finding.kind == "heading-punctuation"
    assert (finding.field, finding.step) == ("sections[1].heading", "actions")
    assert finding.marked_context() == "下一步打算【。】"
    assert fix(record)[1] == []


def test_point_with_lead_and_no_elaboration() -> None:
    record = speech()
    record.sections[1].points.append(Point(lead="要加强学习。"))
    (finding,) = find(record)
    assert (finding.kind, finding.field) == ("point-without-body", "sections[1].points[1].body")
    assert finding.context == "要加强学习。"
    assert finding.where == "第二部分·第2点·阐述"


@pytest.mark.parametrize(
    ("intro", "flagged"), [("收获很多", True), ("找准了“风向标”", True), ("他说：“要努力。”", False)]
)
def test_paragraph_without_closing_stop(intro: str, flagged: bool) -> None:
    record = speech()
    record.sections[0].intro = intro
    findings = only(find(record), "paragraph-without-stop")
    assert [finding.field for finding in findings] == (["sections[0].intro"] if flagged else [])


def test_context_is_about_ten_characters_each_side() -> None:
    body = "一二三四五六七八九十甲乙丙丁,子丑寅卯辰巳午未申酉戌亥。"
    (finding,) = find(with_body(body))
    assert finding.context == "…五六七八九十甲乙丙丁,子丑寅卯辰巳午未申酉…"
    assert finding.line().startswith("提示：第一部分·第1点·阐述（sections[0].points[0].body）：")


def test_fix_returns_a_copy_and_the_changes_and_settles() -> None:
    record = with_body('要学习 ,找准"风向标"。')
    record.training.note = "11月03日-05日"
    fixed, changes = fix(record)
    assert record.sections[0].points[0].body == '要学习 ,找准"风向标"。'
    assert [(change.field, change.after) for change in changes] == [
        ("training.note", "11月3日—5日"),
        (BODY, "要学习，找准“风向标”。"),
    ]
    assert changes[0].hunks() == [("11月03日-05日", "11月3日—5日")]
    assert [finding for finding in find(fixed) if finding.fixable] == []
    assert fix(fixed)[1] == []


def test_hunks_show_only_the_text_around_each_change() -> None:
    body = "甲" * 30 + "," + "乙" * 30 + "。"
    (change,) = fix(with_body(body))[1]
    assert change.hunks(context=3) == [("…甲甲甲,乙乙乙…", "…甲甲甲，乙乙乙…")]


def test_apply_changes_applies_only_the_chosen_ones() -> None:
    record = with_body("要学习,要努力。")
    record.training.note = "11月03日"
    _, changes = fix(record)
    chosen = apply_changes(record, [change for change in changes if change.field == "training.note"])
    assert chosen.training.note == "11月3日"
    assert chosen.sections[0].points[0].body == "要学习,要努力。"


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("training.organisers[1]", "组织单位第2项"),
        ("courses[0].items[2]", "第1组课程·第3项"),
        ("sections[2].intro", "第三部分·导语"),
        ("sections[0].points[1].lead", "第一部分·第2点·领起句"),
        ("sections[99].heading", "第一百部分·标题"),
        ("sections[4999].intro", "第五千部分·导语"),
        ("salutation", "称呼"),
    ],
)
def test_where_a_field_is_said_in_chinese(path: str, label: str) -> None:
    assert describe(path) == label


# --- invisible and broken characters ----------------------------------------


@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_a_zero_width_character_is_found_and_removed(char: str) -> None:
    record = with_body(f"学而{char}时习之。")
    (finding,) = find(record)
    assert (finding.kind, finding.field, finding.fixable) == ("zero-width", BODY, True)
    assert f"U+{ord(char):04X}" in finding.message
    assert finding.marked_context() == f"学而【{char}】时习之。"
    fixed, changes = fix(record)
    assert fixed.sections[0].points[0].body == "学而时习之。"
    assert [change.field for change in changes] == [BODY]


def test_a_run_of_zero_width_characters_is_one_finding_and_hides_no_stop() -> None:
    record = with_body("学而时习之。\u200b\ufeff\u200b")
    record.title = "\ufeff学习心得"
    findings = find(record)
    assert [(finding.kind, finding.field) for finding in findings] == [("zero-width", "title"), ("zero-width", BODY)]
    assert "零宽空格 U+200B、字节顺序标记 U+FEFF" in findings[1].message
    fixed = fix(record)[0]
    assert (fixed.title, fixed.sections[0].points[0].body) == ("学习心得", "学而时习之。")
    assert find(fixed) == []


def test_a_removed_zero_width_character_lets_the_next_fix_settle() -> None:
    record = with_body("要学习\u200b ,要努力。")
    assert fix(record)[0].sections[0].points[0].body == "要学习，要努力。"


def test_the_joiner_inside_an_emoji_is_kept() -> None:
    assert find(with_body("全家👨\u200d👩\u200d👧都来了。")) == []


def test_a_replacement_character_is_reported_not_guessed() -> None:
    record = with_body("深入学习\ufffd\ufffd精神。")
    (finding,) = find(record)
    assert (finding.kind, finding.fixable) == ("replacement-character", False)
    assert "U+FFFD" in finding.message and "2 个" in finding.message
    assert finding.marked_context() == "深入学习【\ufffd\ufffd】精神。"
    assert fix(record)[1] == []


def test_no_invisible_character_alarm_on_the_sample() -> None:
    sample = (Path(__file__).parent / "sample.txt").read_text(encoding="utf-8")
    record = speech()
    record.sections[0].intro = sample
    kinds = {finding.kind for finding in find(record)}
    assert not kinds & {"zero-width", "replacement-character"}


def test_check_reports_both_and_check_fix_removes_only_the_zero_width_one(run_cli, tmp_path) -> None:
    record = with_body("学而\u200b时习之，深入学习\ufffd精神。")
    path = tmp_path / "记录.toml"
    storage.save(record, path)
    shown = run_cli("check", str(path)).stdout
    assert "U+200B" in shown and "U+FFFD" in shown
    run_cli("check", "--fix", str(path))
    assert storage.load(path).sections[0].points[0].body == "学而时习之，深入学习\ufffd精神。"


# --- long fields --------------------------------------------------------------


def test_a_long_field_with_many_fixes_is_found_and_fixed_whole() -> None:
    body = "我们学习了,收获很大 。" * 2000
    findings = find(with_body(body))
    assert len(findings) == 4000
    assert all(len(finding.context) <= 23 for finding in findings)  # …ten, the spot, ten…
    (change,) = fix(with_body(body))[1]
    assert change.after == "我们学习了，收获很大。" * 2000
    (hunk,) = change.hunks()  # the spots are closer than twice the context: one excerpt
    assert hunk == (body.replace("\n", "↵"), change.after)


@pytest.mark.parametrize(
    "body",
    [
        '要学习 , 要努力 ,找准"风向标"。',
        "甲" * 30 + "," + "乙" * 30 + "。",
        ("学习,心得 。" + "丙" * 25) * 4,
        "要学习\u200b ,要努力。\u200b",
    ],
)
def test_hunks_from_the_fixes_match_a_diff_of_the_two_values(body: str) -> None:
    (change,) = fix(with_body(body))[1]
    assert change.regions
    diffed = dataclasses.replace(change, regions=())
    for context in (3, 10):
        assert change.hunks(context) == diffed.hunks(context)


@pytest.mark.perf
def test_a_field_of_many_thousand_fixes_is_handled_in_linear_time() -> None:
    import time

    record = with_body("我们学习了,收获很大 。" * 20_000)
    started = time.perf_counter()
    find(record)
    (change,) = fix(record)[1]
    change.hunks()
    assert time.perf_counter() - started < 3, "a field of 240,000 characters took seconds"
