"""The shapes real speeches take (record version 2), and version 1 records printing as they did.

``tests/fixtures/shapes`` holds three worked examples, each a record and the text
it must print. ``tests/fixtures/v1`` holds version 1 records with the text the
version 1 program printed for them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import TESTS
from wizard import storage
from wizard.assemble import blocks, fill_frame, point_markers, render_text
from wizard.checks import check, has_errors
from wizard.durations import minimum_days
from wizard.model import CourseGroup, Layout, Opening, Point, Section, Signature, Speech, Training

SHAPES = TESTS / "fixtures" / "shapes"
V1 = TESTS / "fixtures" / "v1"


def expected(record: Path) -> str:
    return record.with_suffix(".txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["p1", "p2", "p3"])
def test_each_worked_example_prints_exactly_its_text(name):
    record = SHAPES / f"{name}.toml"
    assert render_text(storage.load(record)) == expected(record)


@pytest.mark.parametrize("name", ["p1", "p2", "p3"])
def test_each_worked_example_passes_check(run_cli, name):
    run = run_cli("check", str(SHAPES / f"{name}.toml"))
    assert run.status == 0 and "没有发现问题" in run.stdout, run


@pytest.mark.parametrize("record", sorted(V1.glob("*.toml")), ids=lambda path: path.stem)
def test_a_version_1_record_prints_what_version_1_printed(record):
    assert record.read_text(encoding="utf-8").startswith("schema_version = 1")
    assert render_text(storage.load(record)) == expected(record)


def test_a_version_1_record_saved_again_is_version_2_and_prints_the_same(tmp_path):
    for record in sorted(V1.glob("*.toml"))[:12]:
        copy = tmp_path / record.name
        copy.write_bytes(record.read_bytes())
        storage.save(storage.load(copy), copy, copy.read_text(encoding="utf-8"))
        assert "schema_version = 2" in copy.read_text(encoding="utf-8")
        assert render_text(storage.load(copy)) == expected(record), record.name


def test_a_version_2_key_in_a_version_1_file_says_which_version_it_needs(run_cli, tmp_path):
    record = tmp_path / "old.toml"
    record.write_text('schema_version = 1\ngreeting = "大家好！"\n[training]\nname = "班"\n', encoding="utf-8")
    run = run_cli("render", str(record))
    assert run.status == 1 and "greeting" in run.stderr and "schema_version 改为 2" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_every_new_part_survives_a_save(tmp_path):
    speech = storage.load(SHAPES / "p2.toml")
    speech.date_line = dt.date(2026, 6, 12)
    speech.signature = Signature("陈静", dt.date(2026, 6, 12))
    speech.layout.date_separator = "至"
    speech.layout.points = "lead-alone"
    speech.layout.numbering = "first-second"
    speech.training.duration = "两个月"
    storage.save(speech, tmp_path / "again.toml")
    assert storage.load(tmp_path / "again.toml") == speech


# -- assembling the other shapes ----------------------------------------------------------------


def course(**changes) -> Speech:
    """A plain speech of one headed section, with ``changes`` made to it."""
    speech = Speech(
        training=Training(
            name="全市组工干部培训班",
            start=dt.date(2026, 4, 13),
            end=dt.date(2026, 4, 19),
            organisers=["市委组织部", "市委党校"],
        ),
        courses=[CourseGroup(verb="深入学习了", items=["《论持久战》", "《实践论》"], tail="等经典著作")],
        sections=[Section(heading="收获", points=[Point("要学深悟透。", "展开一。"), Point("要学以致用", "展开二。")])],
    )
    for name, value in changes.items():
        setattr(speech, name, value)
    return speech


def lines(speech: Speech) -> list[str]:
    return render_text(speech).splitlines()


def test_training_days_are_written_as_typed_not_the_calendar_span():
    speech = course()
    speech.training.duration = "五天"
    assert lines(speech)[1].startswith("4月13日—4月19日，参加了为期五天的全市组工干部培训班学习。")
    speech.training.duration = ""
    assert lines(speech)[1].startswith("4月13日—4月19日，参加了为期7天的")


def test_a_duration_without_any_dates():
    speech = course()
    speech.training.start = speech.training.end = None
    speech.training.duration = "一周"
    assert lines(speech)[1].startswith("参加了为期一周的全市组工干部培训班学习。")


@pytest.mark.parametrize(
    ("style", "start", "end", "written"),
    [
        ("month-day", dt.date(2026, 5, 8), dt.date(2026, 5, 12), "5月8日至5月12日"),
        ("compact", dt.date(2026, 5, 8), dt.date(2026, 5, 12), "5月8日至12日"),
        ("with-year", dt.date(2026, 5, 8), dt.date(2026, 5, 12), "2026年5月8日至5月12日"),
        ("compact", dt.date(2025, 12, 29), dt.date(2026, 1, 2), "2025年12月29日至2026年1月2日"),
    ],
)
def test_dates_joined_with_zhi(style, start, end, written):
    speech = course()
    speech.training.start, speech.training.end = start, end
    speech.layout = Layout(date_style=style, date_separator="至")  # type: ignore[arg-type]
    assert lines(speech)[1].startswith(written + "，")


@pytest.mark.parametrize(
    ("frame", "opening"),
    [
        (
            "honoured",
            "4月13日—4月19日，我有幸参加了由市委组织部、市委党校组织的全市组工干部培训班，为期7天。"
            "培训期间，我们深入学习了《论持久战》《实践论》等经典著作，深受启发，获益颇丰。",
        ),
        (
            "attended",
            "4月13日—4月19日，我参加了市委组织部、市委党校组织的全市组工干部培训班，为期7天。"
            "培训期间，我们深入学习了《论持久战》《实践论》等经典著作，收获很大。",
        ),
        (
            "recently",
            "近日，我参加了市委组织部、市委党校组织的全市组工干部培训班，为期7天。"
            "培训期间，我们深入学习了《论持久战》《实践论》等经典著作，深受启发，获益颇丰。",
        ),
        (
            "representative",
            "很荣幸作为学员代表在结业式上发言。7天来，在市委组织部和市委党校的精心安排下，"
            "我们深入学习了《论持久战》《实践论》等经典著作，度过了一段充实而难忘的时光。",
        ),
    ],
)
def test_each_frame_puts_the_organisers_before_the_course(frame, opening):
    speech = course(opening=Opening(frame=frame))
    assert lines(speech)[1] == opening


def test_a_frame_leaves_out_the_parts_whose_facts_are_missing():
    speech = course(opening=Opening(frame="honoured"))
    speech.training = Training(name="读书班")
    speech.courses = []
    assert lines(speech)[1] == "我有幸参加了读书班。"


def test_what_the_user_typed_is_never_read_as_part_of_a_frame():
    facts = {"name": "[{dates}]班", "dates": ""}
    assert fill_frame("[{dates}，]参加了{name}。", facts) == "参加了[{dates}]班。"


def test_the_writers_own_opening_is_printed_as_typed_one_paragraph_a_line():
    own = "  近日，我参加了读书班：\n\n《论持久战》《实践论》。  \n收获很大"
    speech = course(opening=Opening(frame="recently", own=True, text=own))
    assert lines(speech)[1:4] == ["近日，我参加了读书班：", "《论持久战》《实践论》。", "收获很大"]


def test_a_transition_keeps_its_colon():
    speech = course(transition="下面，我结合工作实际，谈两点体会：")
    text = lines(speech)
    assert text[2] == "下面，我结合工作实际，谈两点体会：" and text[3] == "一、收获"


def test_a_section_without_a_heading_takes_no_number():
    speech = course()
    speech.sections = [
        Section(points=[Point("要学深悟透。", "展开。")]),
        Section(heading="下一步打算。", points=[Point("要落实", "")]),
    ]
    assert lines(speech)[2:] == ["要学深悟透。展开。", "一、下一步打算", "要落实。", "发言完毕，谢谢。"]


@pytest.mark.parametrize(
    ("count", "markers"),
    [
        (1, [""]),
        (2, ["首先，", "最后，"]),
        (3, ["首先，", "其次，", "最后，"]),
        (4, ["首先，", "其次，", "再次，", "最后，"]),
        (6, ["首先，", "其次，", "再次，", "再次，", "再次，", "最后，"]),
    ],
)
def test_first_then_last_markers(count, markers):
    assert point_markers("first-then-last", count) == markers


def test_the_other_point_markers():
    assert point_markers("ordinal", 3) == ["一是", "二是", "三是"]
    assert point_markers("bracketed", 2) == ["（一）", "（二）"]
    assert point_markers("first-second", 11)[::10] == ["第一，", "第十一，"]


def test_a_lead_alone_on_its_line_with_the_elaboration_below():
    speech = course(layout=Layout(points="lead-alone", numbering="first-second"))
    assert lines(speech)[2:7] == ["一、收获", "第一，要学深悟透。", "展开一。", "第二，要学以致用。", "展开二。"]
    roles = next(block.roles for block in blocks(speech) if block.key == "section:0")
    assert roles == ("heading", "lead", "paragraph", "lead", "paragraph")


def test_title_block_greeting_closing_paragraphs_and_signature_in_order():
    speech = course(
        title="不负韶华",
        subtitle="——在结业式上的发言",
        speaker="陈静",
        date_line=dt.date(2026, 6, 12),
        greeting="大家好！",
        closing="最后，感谢各位老师！\n发言完毕，谢谢大家！",
        signature=Signature("陈静", dt.date(2026, 6, 15)),
    )
    text = lines(speech)
    assert text[:6] == ["不负韶华", "——在结业式上的发言", "陈静", "（2026年6月12日）", "各位领导、同志们：", "大家好！"]
    assert text[-4:] == ["最后，感谢各位老师！", "发言完毕，谢谢大家！", "陈静", "2026年6月15日"]
    keys = [(block.key, block.roles) for block in blocks(speech)]
    assert keys[0] == ("title", ("title", "subtitle", "speaker", "date-line"))
    assert keys[-1] == ("signature", ("signature", "signature-date"))


# -- checks that know the new shapes --------------------------------------------------------------


def messages(speech: Speech) -> dict[str, str]:
    return {problem.field: problem.message for problem in check(speech)}


def test_a_subtitle_without_the_dash_is_pointed_out():
    assert "——" in messages(course(subtitle="在结业式上的发言"))["subtitle"]
    assert "subtitle" not in messages(course(subtitle="——在结业式上的发言"))


@pytest.mark.parametrize(
    ("transition", "flagged"),
    [
        ("下面，我结合工作实际，谈三点体会。", True),
        ("现将学习体会汇报如下。", True),
        ("下面，我结合工作实际，谈三点体会：", False),
        ("这次培训让我受益匪浅。", False),
    ],
)
def test_a_transition_that_announces_a_list_but_ends_in_a_full_stop(transition, flagged):
    problem = messages(course(transition=transition)).get("transition", "")
    assert ("冒号" in problem) is flagged


def test_a_typed_duration_longer_than_the_dates_is_pointed_out():
    speech = course()
    speech.training.duration = "两周"
    assert "比培训日期的跨度（7天）还长" in messages(speech)["training.duration"]
    speech.training.duration = "五天"
    assert "training.duration" not in messages(speech)


def test_more_than_four_points_in_first_then_last_style():
    speech = course(layout=Layout(points="separate", numbering="first-then-last"))
    speech.sections[0].points = [Point(f"要做第{n}件事", "") for n in range(5)]
    assert "最多领起四点" in messages(speech)["sections[0].points"]
    speech.sections[0].points.pop()
    assert "sections[0].points" not in messages(speech)


def test_an_own_opening_needs_no_dates_but_not_an_empty_text():
    speech = course(opening=Opening(own=True, text="近日，我参加了读书班。"))
    speech.training.start = speech.training.end = None
    assert check(speech) == []
    speech.opening.text = "\n  \n"
    assert "开头是空的" in messages(speech)["opening.text"]
    speech.training.name = ""
    assert not has_errors(check(speech)), "the course name is only needed for the file name"


@pytest.mark.parametrize(
    ("written", "days"),
    [
        ("五天", 5),
        ("4天", 4),
        ("一周", 7),
        ("两个月", 56),
        ("半个月", 14),
        ("十二天", 12),
        ("３天", 3),
        ("若干天", None),
    ],
)
def test_durations_are_read_as_their_fewest_days(written, days):
    assert minimum_days(written) == days


@pytest.mark.parametrize("name", ["p1", "p2", "p3"])
def test_the_readme_shows_each_worked_example_as_it_prints(name):
    readme = (TESTS.parent / "README.md").read_text(encoding="utf-8")
    assert "```\n" + (SHAPES / f"{name}.txt").read_text(encoding="utf-8") + "```\n" in readme


def test_points_numbered_like_headings_under_headed_sections_are_pointed_out():
    speech = course(layout=Layout(points="separate", numbering="listed"))
    speech.sections = [Section(heading="学有所得", points=[Point("要学。", "多读。")])]
    assert any("不宜再写标题" in problem.message for problem in check(speech))
    speech.sections[0].heading = ""
    assert not any("不宜再写标题" in problem.message for problem in check(speech))
