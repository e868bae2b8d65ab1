"""The Word export: GB/T 9704 page, fonts, spacing, page numbers, and exactly the rendered text."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Emu

from wizard.assemble import render_text
from wizard.data_files import example_path
from wizard.docx_export import write_docx
from wizard.model import Speech
from wizard.storage import RecordError, load


def example(**changes: object) -> Speech:
    speech = load(example_path())
    for name, value in changes.items():
        setattr(speech, name, value)
    return speech


@pytest.fixture
def titled(tmp_path: Path) -> tuple[Speech, docx.document.Document]:
    speech = example(title="在组织部门年轻干部专题研讨班学习交流会上的发言", speaker="市委组织部　张三")
    path = write_docx(speech, tmp_path / "发言.docx")
    return speech, docx.Document(str(path))


def fonts(element) -> dict[str, str]:
    r_fonts = element.find(qn("w:rPr")).find(qn("w:rFonts"))
    return {name: r_fonts.get(qn(f"w:{name}")) for name in ("eastAsia", "hint", "ascii")}


def paragraph_starting(document, start: str):
    return next(paragraph for paragraph in document.paragraphs if paragraph.text.startswith(start))


def first_line_chars(paragraph) -> str | None:
    ind = paragraph._p.pPr.find(qn("w:ind")) if paragraph._p.pPr is not None else None
    return None if ind is None else ind.get(qn("w:firstLineChars"))


def test_paragraphs_hold_exactly_the_rendered_lines(titled) -> None:
    speech, document = titled
    assert [paragraph.text for paragraph in document.paragraphs] == render_text(speech).splitlines()


def test_a4_page_with_gbt9704_margins(titled) -> None:
    section = titled[1].sections[0]
    measured = [section.page_width, section.page_height, section.top_margin, section.bottom_margin]
    measured += [section.left_margin, section.right_margin]
    assert [round(length.mm) for length in measured] == [210, 297, 37, 35, 28, 26]


def test_line_grid_gives_22_lines_that_fit_the_text_block(titled) -> None:
    section = titled[1].sections[0]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"
    normal = titled[1].styles["Normal"].paragraph_format
    assert normal.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert 28 <= normal.line_spacing.pt <= 29
    text_height = section.page_height - section.top_margin - section.bottom_margin
    assert 22 * normal.line_spacing <= text_height < 23 * normal.line_spacing


def test_28_characters_fit_a_line(titled) -> None:
    section = titled[1].sections[0]
    normal = titled[1].styles["Normal"].element.rPr
    condense_pt = int(normal.find(qn("w:spacing")).get(qn("w:val"))) / 20
    text_width_pt = Emu(section.page_width - section.left_margin - section.right_margin).pt
    assert 28 * (16 + condense_pt) <= text_width_pt < 29 * (16 + condense_pt)


def test_normal_style_is_fangsong_sanhao_with_east_asian_font(titled) -> None:
    normal = titled[1].styles["Normal"]
    assert normal.font.size.pt == 16
    assert fonts(normal.element) == {"eastAsia": "仿宋_GB2312", "hint": "eastAsia", "ascii": "Times New Roman"}


def test_every_run_names_its_east_asian_font(titled) -> None:
    for paragraph in titled[1].paragraphs:
        for run in paragraph.runs:
            assert fonts(run._element)["eastAsia"], paragraph.text
            assert fonts(run._element)["hint"] == "eastAsia"
            assert run.font.bold is not True


def test_body_is_indented_two_characters_and_salutation_is_not(titled) -> None:
    document = titled[1]
    opening = paragraph_starting(document, "11月21日")
    assert first_line_chars(opening) == "200"
    assert fonts(opening.runs[0]._element)["eastAsia"] == "仿宋_GB2312"
    assert opening.runs[0].font.size.pt == 16
    assert first_line_chars(paragraph_starting(document, "各位领导")) is None


def test_section_headings_in_heiti_indented(titled) -> None:
    for start in ("一、", "二、", "三、"):
        heading = paragraph_starting(titled[1], start)
        assert [fonts(run._element)["eastAsia"] for run in heading.runs] == ["黑体"]
        assert heading.runs[0].font.size.pt == 16
        assert first_line_chars(heading) == "200"


def test_title_and_speaker_centred_without_indent(titled) -> None:
    title, speaker = titled[1].paragraphs[:2]
    assert fonts(title.runs[0]._element)["eastAsia"] == "方正小标宋简体"
    assert title.runs[0].font.size.pt == 22
    assert fonts(speaker.runs[0]._element)["eastAsia"] == "楷体_GB2312"
    for paragraph in (title, speaker):
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert first_line_chars(paragraph) is None


def test_speaker_alone_is_not_set_as_a_title(tmp_path: Path) -> None:
    document = docx.Document(str(write_docx(example(speaker="张三"), tmp_path / "a.docx")))
    assert fonts(document.paragraphs[0].runs[0]._element)["eastAsia"] == "楷体_GB2312"


def test_page_numbers_on_the_outer_side_with_a_page_field(titled) -> None:
    document = titled[1]
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    sides = ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT))
    for footer, align in sides:
        paragraph = footer.paragraphs[0]
        assert paragraph.alignment == align
        assert paragraph.text == "— 1 —"  # the field's cached result between the dashes
        assert "PAGE" in "".join(node.text for node in paragraph._p.iter(qn("w:instrText")))
        assert {fonts(run._element)["eastAsia"] for run in paragraph.runs} == {"宋体"}
        assert {run.font.size.pt for run in paragraph.runs} == {14}


def test_bracketed_point_leads_in_kaiti_when_each_point_is_a_paragraph(tmp_path: Path) -> None:
    speech = example()
    speech.layout.points, speech.layout.numbering = "separate", "bracketed"
    document = docx.Document(str(write_docx(speech, tmp_path / "a.docx")))
    assert [paragraph.text for paragraph in document.paragraphs] == render_text(speech).splitlines()
    point = paragraph_starting(document, "（一）在深学细悟")
    assert point.runs[0].text == "（一）在深学细悟中找准新发展阶段的组织工作“风向标”。"
    assert [fonts(run._element)["eastAsia"] for run in point.runs] == ["楷体_GB2312", "仿宋_GB2312"]


def test_missing_folder_is_a_one_line_record_error(tmp_path: Path) -> None:
    with pytest.raises(RecordError, match="所在文件夹不存在"):
        write_docx(example(), tmp_path / "没有" / "a.docx")


def test_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RecordError, match="文件夹"):
        write_docx(example(), tmp_path)


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(RecordError, match="没有写入权限"):
        write_docx(example(), target)
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["a.docx"]


def test_python_docx_is_imported_only_when_exporting() -> None:
    code = "import sys, wizard.export, wizard.cli; print('docx' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_font_table_offers_chinese_fallbacks(titled) -> None:
    part = next(rel.target_part for rel in titled[1].part.rels.values() if rel.reltype.endswith("/fontTable"))
    fonts_xml = part.blob.decode("utf-8")
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>' in fonts_xml


SHAPES = Path(__file__).parent / "fixtures" / "shapes"


def right_chars(paragraph) -> float | None:
    ind = paragraph._p.pPr.find(qn("w:ind")) if paragraph._p.pPr is not None else None
    value = None if ind is None else ind.get(qn("w:rightChars"))
    return None if value is None else int(value) / 100


def test_closing_ceremony_title_block_is_centred_in_its_fonts(tmp_path: Path) -> None:
    speech = load(SHAPES / "p2.toml")
    document = docx.Document(str(write_docx(speech, tmp_path / "p2.docx")))
    assert [paragraph.text for paragraph in document.paragraphs] == render_text(speech).splitlines()
    title, subtitle, speaker, salutation = document.paragraphs[:4]
    assert title.text == "不负韶华勇担当"
    assert [fonts(run._element)["eastAsia"] for run in title.runs] == ["方正小标宋简体"]
    assert title.runs[0].font.size.pt == 22
    assert subtitle.text.startswith("——在市委党校")
    for line in (subtitle, speaker):
        assert [fonts(run._element)["eastAsia"] for run in line.runs] == ["楷体_GB2312"]
        assert line.runs[0].font.size.pt == 16
    for line in (title, subtitle, speaker):
        assert line.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert first_line_chars(line) is None
    # A line's space under the block; the salutation flush left below it.
    assert speaker.paragraph_format.space_after is not None and speaker.paragraph_format.space_after.pt > 20
    assert first_line_chars(salutation) is None
    # The two levels: 一、 in 黑体, （一）lead in 楷体 and its elaboration in 仿宋.
    assert [fonts(run._element)["eastAsia"] for run in paragraph_starting(document, "一、").runs] == ["黑体"]
    point = paragraph_starting(document, "（一）读原著")
    assert point.runs[0].text == "（一）读原著学原文更加系统。"
    assert [fonts(run._element)["eastAsia"] for run in point.runs] == ["楷体_GB2312", "仿宋_GB2312"]
    for start in ("大家上午好", "很荣幸", "下面，", "最后，", "我的发言完毕"):
        assert first_line_chars(paragraph_starting(document, start)) == "200"


def test_date_line_centred_under_the_title(tmp_path: Path) -> None:
    speech = load(SHAPES / "p2.toml")
    speech.date_line = dt.date(2026, 6, 12)
    document = docx.Document(str(write_docx(speech, tmp_path / "p2.docx")))
    line = document.paragraphs[3]
    assert line.text == "（2026年6月12日）"
    assert line.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert line.paragraph_format.space_after.pt > 20
    assert document.paragraphs[2].paragraph_format.space_after is None


def test_signature_on_the_right_with_the_date_four_characters_in(tmp_path: Path) -> None:
    speech = load(SHAPES / "p1.toml")
    document = docx.Document(str(write_docx(speech, tmp_path / "p1.docx")))
    name, date = document.paragraphs[-2:]
    assert (name.text, date.text) == ("赵刚", "2026年5月15日")
    for line in (name, date):
        assert line.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert first_line_chars(line) is None
    assert right_chars(date) == 4
    # The name centred over the date: 2026年5月15日 is 6.5 characters wide, 赵刚 two.
    assert right_chars(name) == 4 + (6.5 - 2) / 2
    assert name.paragraph_format.space_before.pt > 20
    # The body above stays indented, and a written piece has no salutation.
    assert first_line_chars(paragraph_starting(document, "一是要把准方向")) == "200"


def test_a_long_name_over_a_short_date_is_not_pushed_past_the_margin() -> None:
    from wizard.docx_export import signature_indents

    name, date = signature_indents("中共某某市委组织部干部教育科全体同志", "2026年5月15日")
    assert (name, date) == (0, 4)
    assert signature_indents("张三", "") == (4, 0)


def test_points_numbered_like_headings_have_their_leads_in_heiti(tmp_path: Path) -> None:
    speech = load(SHAPES / "p1.toml")
    speech.layout.numbering = "listed"
    document = docx.Document(str(write_docx(speech, tmp_path / "a.docx")))
    point = paragraph_starting(document, "一、要把准方向")
    assert point.runs[0].text == "一、要把准方向。"
    assert [fonts(run._element)["eastAsia"] for run in point.runs] == ["黑体", "仿宋_GB2312"]
