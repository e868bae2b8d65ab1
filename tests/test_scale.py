"""A record of 5,000 sections: assembly, ``check`` and the typography check do each section's work once.

Behaviour is asserted, not time: the per-section work is counted through a wrapper,
and the text of a section in the big record is compared with the same section in a
small one. The one wall-clock bound is a generous sanity check, marked ``perf``.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from typing import Any

import pytest

from wizard import assemble, checks, storage, typography
from wizard.assemble import blocks, render_text, section_lines, section_number, section_numbers
from wizard.cli import main
from wizard.data_files import example_path
from wizard.length import blocks_line, measure_speech
from wizard.model import Point, Section, Speech
from wizard.numerals import chinese_numeral
from wizard.record_texts import text_fields

SECTIONS = 5000


def big_record(count: int = SECTIONS) -> Speech:
    """The bundled example with its sections repeated, in order, to ``count`` sections."""
    speech = storage.load(example_path())
    model = speech.sections
    speech.sections = [copy.deepcopy(model[index % len(model)]) for index in range(count)]
    return speech


def counted(monkeypatch: pytest.MonkeyPatch, *targets: tuple[Any, str]) -> list[int]:
    """Wrap each ``(module, name)`` function to count its calls; the count is ``[n]``, shared."""
    calls = [0]
    for module, name in targets:
        function: Callable[..., Any] = getattr(module, name)

        def wrapper(*args: Any, _function: Callable[..., Any] = function, **kwargs: Any) -> Any:
            calls[0] += 1
            return _function(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)
    return calls


@pytest.fixture(scope="module")
def big() -> Speech:
    return big_record()


@pytest.fixture(scope="module")
def big_text(big: Speech) -> str:
    return render_text(big)


def test_rendering_looks_at_each_section_once(big: Speech, monkeypatch: pytest.MonkeyPatch) -> None:
    blank = counted(monkeypatch, (assemble, "is_blank"))
    headings = counted(monkeypatch, (assemble, "heading_line"))
    render_text(big)
    # Before, each section counted the sections before it: 12.5 million calls for 5,000.
    assert blank == [SECTIONS]
    assert headings == [SECTIONS]


def test_the_check_command_is_linear_in_the_sections(tmp_path, monkeypatch, capsys) -> None:
    speech = big_record()
    for section in speech.sections:  # shorter, to stay under the size a record file may have
        for point in section.points:
            point.body = "学而时习之。"
    path = tmp_path / "big.toml"
    storage.save(speech, path)
    blank = counted(monkeypatch, (assemble, "is_blank"), (checks, "is_blank"))
    assert main(["check", str(path)]) == 0
    # checks.check, the speech measured, and the count per section: a few looks a section.
    assert blank[0] <= 4 * SECTIONS
    shown = capsys.readouterr().out
    assert "没有发现问题" in shown and "五千 " in shown


def test_the_checks_look_at_each_section_once(big: Speech, monkeypatch: pytest.MonkeyPatch) -> None:
    blank = counted(monkeypatch, (checks, "is_blank"))
    assert checks.check(big) == []
    assert blank == [SECTIONS]


def test_the_typography_check_looks_at_each_field_once(big: Speech, monkeypatch: pytest.MonkeyPatch) -> None:
    typography._hits_of.cache_clear()
    rules = counted(monkeypatch, (typography, "hits"))
    assert typography.find(big) == []
    fields = len(text_fields(big))
    assert 0 < rules[0] <= fields
    rules[0] = 0
    typography._hits_of.cache_clear()
    _, changes = typography.fix(big)
    assert changes == [] and rules[0] <= fields


def test_the_fixer_goes_once_through_a_record_with_a_fix_in_every_section(monkeypatch) -> None:
    speech = big_record(1000)
    for number, section in enumerate(speech.sections):
        section.intro = f"第{number}段,要学习。"
    typography._hits_of.cache_clear()
    rules = counted(monkeypatch, (typography, "hits"))
    fixed, changes = typography.fix(speech)
    assert len(changes) == 1000
    assert fixed.sections[999].intro == "第999段，要学习。"
    # Each field: its hits, then once more in the mended value to see that it has settled.
    assert rules[0] <= len(text_fields(speech)) + len(changes)


def test_section_5000_reads_as_in_a_small_record(big: Speech, big_text: str) -> None:
    headings = [block.lines[0] for block in blocks(big) if block.key.startswith("section:")]
    assert [heading.split("、", 1)[0] for heading in headings[:3]] == ["一", "二", "三"]
    assert headings[98].startswith("九十九、") and headings[99].startswith("一百、")
    assert headings[1000].startswith("一千零一、")
    assert headings[4999].startswith("五千、")
    for index in (0, 1, 2, 99, 1000, 4998, 4999):
        small = Speech(sections=[copy.deepcopy(big.sections[index])], layout=big.layout)
        heading, *body = section_lines(small, 0)
        big_heading, *big_body = section_lines(big, index)
        assert big_body == body
        assert big_heading == chinese_numeral(index + 1) + heading.removeprefix("一")
        assert "\n".join([big_heading, *big_body]) in big_text


def test_blank_sections_are_skipped_by_the_one_pass_numbering() -> None:
    speech = big_record(700)
    for index in range(0, 700, 7):
        speech.sections[index] = Section(points=[Point()])
    numbers = section_numbers(speech)
    assert numbers[0] is None and numbers[1] == 1 and numbers[-1] == 700 - 100
    for index in (1, 8, 9, 351, 699):
        assert numbers[index] == section_number(speech, index)
    sections = [block for block in blocks(speech) if block.key.startswith("section:")]
    assert [block.lines for block in sections[::7]] == [()] * 100
    assert "六百、" in render_text(speech)


@pytest.mark.perf
def test_5000_sections_render_and_check_within_a_few_seconds(big: Speech) -> None:
    started = time.perf_counter()
    render_text(big)
    checks.check(big)
    typography.find(big)
    measure_speech(big)
    blocks_line(big)
    assert time.perf_counter() - started < 3, "render and check of 5,000 sections took seconds"
