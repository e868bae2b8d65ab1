"""The checks that say what a speech still lacks, and where."""

from __future__ import annotations

import copy
import datetime as dt

from wizard.checks import MAX_CHARACTERS, MAX_SECTIONS, check, has_errors, size_warning
from wizard.model import CourseGroup, Point, Section, Speech, Training


def found(speech: Speech) -> dict[str, tuple[str, str, str]]:
    return {problem.field: (problem.severity, problem.step, problem.message) for problem in check(speech)}


def test_the_example_has_no_problem(example):
    assert check(example) == []


def test_a_missing_course_name_and_no_section_are_errors():
    problems = found(Speech())
    assert problems["training.name"][0] == "error"
    assert problems["sections"][:2] == ("error", "reflections")
    assert has_errors(check(Speech()))


def test_an_end_before_the_start_is_an_error_on_the_training_step(example):
    example.training.start, example.training.end = dt.date(2026, 11, 5), dt.date(2026, 11, 3)
    assert found(example)["training.end"] == ("error", "training", "结束日期早于开始日期")


def test_missing_dates_are_only_a_warning(example):
    example.training.start = example.training.end = None
    assert found(example)["training.start"][0] == "warning"
    assert not has_errors(check(example))


def test_a_section_without_a_heading_among_headed_ones_is_a_warning_on_its_own_step(example):
    example.sections[2].heading = "  "
    severity, step, message = found(example)["sections[2].heading"]
    assert (severity, step) == ("warning", "actions") and "有的部分有标题、有的没有" in message
    assert not has_errors(check(example))


def test_a_body_with_no_headings_at_all_is_fine(example):
    for section in example.sections:
        section.heading = ""
    assert check(example) == []


def test_a_blank_section_is_left_out_with_a_warning_not_an_error(example):
    example.sections.append(Section(kind="action", points=[Point()]))
    severity, step, message = found(example)["sections[3].heading"]
    assert (severity, step) == ("warning", "actions") and "不会出现" in message
    assert not has_errors(check(example))


def test_only_blank_sections_count_as_none():
    speech = Speech(training=Training(name="班"), sections=[Section(points=[Point()])])
    assert found(speech)["sections"][0] == "error"


def test_a_point_with_an_elaboration_but_no_lead_is_flagged(example):
    example.sections[0].points[1].lead = ""
    assert found(example)["sections[0].points[1].lead"][0] == "warning"


def test_course_groups_without_a_verb_or_items(example):
    example.courses.append(CourseGroup(verb="", items=["新课程"]))
    example.courses.append(CourseGroup(verb="学习了", items=[], tail="等内容"))
    example.courses.append(CourseGroup(verb="学习了"))  # an unused slot: nothing to say
    problems = found(example)
    assert problems["courses[3].verb"][0] == "warning"
    assert problems["courses[4].items"][0] == "warning"
    assert "courses[5].items" not in problems


# --- the size the wizard stays usable with -----------------------------------


def test_the_stated_limit_is_200_sections_and_100000_characters():
    assert (MAX_SECTIONS, MAX_CHARACTERS) == (200, 100_000)


def test_no_size_warning_up_to_the_limit(example):
    assert size_warning(example) is None
    sections = [Section(heading=f"标题{n}") for n in range(MAX_SECTIONS)]
    assert size_warning(Speech(training=Training(name="班"), sections=sections)) is None


def test_one_section_too_many_is_warned_of_blank_ones_counted():
    sections = [Section(heading=f"标题{n}") for n in range(MAX_SECTIONS)] + [Section()]
    warning = size_warning(Speech(training=Training(name="班"), sections=sections))
    assert warning is not None and warning.startswith("这篇记录有 201 个部分、约 ")
    assert "（200 个部分、10 万字）" in warning and "\n" not in warning


def test_a_few_very_long_sections_are_warned_of():
    speech = Speech(
        training=Training(name="班"), sections=[Section(heading="体会", intro="学" * 60_000) for _ in range(2)]
    )
    assert size_warning(speech) == (
        "这篇记录有 2 个部分、约 12 万字，超过了向导能流畅编辑的范围（200 个部分、10 万字）："
        "可以用 render/check 处理，或拆成几篇。"
    )


def test_the_size_warning_of_a_record_of_5000_sections(example):
    example.sections = [copy.deepcopy(example.sections[n % 3]) for n in range(5000)]
    assert size_warning(example) == (
        "这篇记录有 5,000 个部分、约 337 万字，超过了向导能流畅编辑的范围（200 个部分、10 万字）："
        "可以用 render/check 处理，或拆成几篇。"
    )
