"""Problems in a record that stop it being a well-formed speech.

Each problem says how serious it is, which wizard step and field own it, and
what is wrong, in Chinese. Errors make ``check`` exit 1; warnings do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from wizard.assemble import blocks, is_blank, is_headed, paragraphs
from wizard.durations import minimum_days
from wizard.length import count_blocks
from wizard.model import Speech
from wizard.text_cleaning import one_line

Severity = Literal["error", "warning"]

#: The wizard step that owns each top-level part of the record.
STEP_OF_KIND = {"reflection": "reflections", "action": "actions"}

#: The largest record the wizard promises to stay usable with (editing, preview,
#: checks on every keystroke). ``render`` and ``check`` handle larger ones, in time linear in their size.
MAX_SECTIONS = 200
MAX_CHARACTERS = 100_000


@dataclass(frozen=True)
class Problem:
    severity: Severity
    step: str
    field: str
    message: str

    def line(self) -> str:
        """One line for the command line: severity, field, message."""
        label = "错误" if self.severity == "error" else "提示"
        return f"{label}：{self.field}：{self.message}"


def _empty(value: str) -> bool:
    return not one_line(value)


#: A transition that announces what follows: it should end in ：, not 。.
_ANNOUNCES = re.compile(
    r"(谈|汇报|交流|分享|讲)[^。：]{0,12}(几|[一二两三四五六七八九十]|以下)[^。：]*[点条个方面]|如下|以下"
)
#: 首先，其次，再次，最后: more points than these words read as a list no longer.
MAX_SEQUENCE_POINTS = 4


def check_title_block(speech: Speech) -> list[Problem]:
    subtitle = one_line(speech.subtitle)
    if subtitle and not subtitle.startswith("——"):
        return [Problem("warning", "training", "subtitle", "副标题一般以破折号“——”开头（如“——在……上的发言”）")]
    return []


def check_training(speech: Speech) -> list[Problem]:
    training = speech.training
    problems = []
    assembled = not speech.opening.own
    if _empty(training.name):
        if assembled:
            problems.append(Problem("error", "training", "training.name", "请填写培训班名称"))
        else:
            problems.append(
                Problem("warning", "training", "training.name", "请填写培训班名称：文件名和发言列表要用到它")
            )
    if assembled and training.start is None and training.end is None:
        problems.append(Problem("warning", "training", "training.start", "没有填写培训日期，开头将不写日期和天数"))
    elif assembled and training.start is None:
        problems.append(Problem("warning", "training", "training.start", "只填了结束日期，将按一天的培训来写"))
    if training.start and training.end and training.end < training.start:
        problems.append(Problem("error", "training", "training.end", "结束日期早于开始日期"))
    elif (days := training.days) is not None and (minimum_days(training.duration) or 0) > days:
        problems.append(
            Problem(
                "warning",
                "training",
                "training.duration",
                f"时长“{one_line(training.duration)}”比培训日期的跨度（{days}天）还长，请核对日期或时长",
            )
        )
    return problems


def check_opening(speech: Speech) -> list[Problem]:
    problems = []
    if speech.opening.own and not paragraphs(speech.opening.text):
        problems.append(Problem("warning", "courses", "opening.text", "开头是空的：自己写，或按培训信息生成"))
    transition = paragraphs(speech.transition)
    if transition and transition[-1].endswith("。") and _ANNOUNCES.search(transition[-1]):
        problems.append(Problem("warning", "courses", "transition", "过渡段引出下文的几点，末尾宜用冒号“：”而不是句号"))
    return problems


def check_courses(speech: Speech) -> list[Problem]:
    problems = []
    for index, group in enumerate(speech.courses):
        where = f"courses[{index}]"
        items = [item for item in group.items if not _empty(item)]
        if items and _empty(group.verb):
            problems.append(Problem("warning", "courses", f"{where}.verb", "这一组课程缺少动词（如“深入学习了”）"))
        if not items and not _empty(group.tail):
            problems.append(Problem("warning", "courses", f"{where}.items", "这一组没有课程内容，不会出现在发言中"))
    return problems


def check_sections(speech: Speech) -> list[Problem]:
    problems = []
    blank = [is_blank(section) for section in speech.sections]  # once a section: the record may be long
    if all(blank):
        problems.append(Problem("error", "reflections", "sections", "至少需要一个部分（学习体会或下一步打算）"))
    for index, section in enumerate(speech.sections):
        step = STEP_OF_KIND[section.kind]
        where = f"sections[{index}]"
        if blank[index]:
            problems.append(Problem("warning", step, f"{where}.heading", "这一部分是空的，不会出现在发言中"))
            continue
        if _empty(section.intro) and not any(
            not (_empty(point.lead) and _empty(point.body)) for point in section.points
        ):
            problems.append(Problem("warning", step, f"{where}.points", "这一部分还没有内容"))
        for number, point in enumerate(section.points):
            point_where = f"{where}.points[{number}]"
            if _empty(point.lead) and not _empty(point.body):
                problems.append(Problem("warning", step, f"{point_where}.lead", "这一点缺少领起句"))
        if speech.layout.numbering == "listed" and is_headed(section):
            problems.append(
                Problem(
                    "warning",
                    step,
                    f"{where}.heading",
                    "各点用“一、二、”编号时，部分不宜再写标题（标题也编“一、”）：去掉标题，或改用“（一）”",
                )
            )
        if speech.layout.numbering == "first-then-last":
            count = sum(1 for point in section.points if not (_empty(point.lead) and _empty(point.body)))
            if count > MAX_SEQUENCE_POINTS:
                problems.append(
                    Problem(
                        "warning",
                        step,
                        f"{where}.points",
                        f"“首先、其次、再次、最后”最多领起四点，这一部分有 {count} 点：合并几点，或改用“第一，”“一是”",
                    )
                )
    problems += _mixed_headings(speech, blank)
    return problems


def _mixed_headings(speech: Speech, blank: list[bool]) -> list[Problem]:
    """Sections with a heading and sections without, in one body: the headless ones are named."""
    written = [index for index, section in enumerate(speech.sections) if not blank[index]]
    headless = [index for index in written if not is_headed(speech.sections[index])]
    if not headless or len(headless) == len(written):
        return []
    return [
        Problem(
            "warning",
            STEP_OF_KIND[speech.sections[index].kind],
            f"sections[{index}].heading",
            "有的部分有标题、有的没有：没有标题的部分不编号，请都写上标题，或都不写",
        )
        for index in headless
    ]


def check(speech: Speech) -> list[Problem]:
    """All problems, in the order of the wizard's steps."""
    return (
        check_title_block(speech)
        + check_training(speech)
        + check_courses(speech)
        + check_opening(speech)
        + check_sections(speech)
    )


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.severity == "error" for problem in problems)


def _amount(characters: int) -> str:
    """``9,500 字``, ``10.5 万字``, ``120 万字``: how much text, as a person says it."""
    if characters < 10_000:
        return f"{characters:,} 字"
    wan = characters / 10_000
    figure = f"{wan:.1f}".removesuffix(".0") if wan < 100 else f"{wan:,.0f}"
    return f"{figure} 万字"


def size_warning(speech: Speech) -> str | None:
    """One line, when the record is larger than the wizard stays usable with; else None.

    Sections are counted blank ones included; characters as ``wizard.length`` counts the speech.
    """
    sections, characters = len(speech.sections), count_blocks(blocks(speech))
    if sections <= MAX_SECTIONS and characters <= MAX_CHARACTERS:
        return None
    return (
        f"这篇记录有 {sections:,} 个部分、约 {_amount(characters)}，超过了向导能流畅编辑的范围"
        f"（{MAX_SECTIONS} 个部分、{_amount(MAX_CHARACTERS)}）：可以用 render/check 处理，或拆成几篇。"
    )
