"""A unit's house style for Word files: settings.toml's [docx], --style FILE, bad values named."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from wizard import house_style
from wizard.cli import main
from wizard.data_files import example_path


def east_asian(element) -> str:
    return element.find(qn("w:rFonts")).get(qn("w:eastAsia"))


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SPEECH_WIZARD_HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    return tmp_path / "home"


def render(tmp_path, *extra: str):
    out = tmp_path / "out.docx"
    assert main(["render", str(example_path()), "-o", str(out), "--force", *extra]) == 0
    return docx.Document(str(out))


def test_without_settings_the_word_file_is_gb_t_9704(home, tmp_path):
    document = render(tmp_path)
    normal = document.styles["Normal"]
    assert east_asian(normal.element.rPr) == "仿宋_GB2312" and normal.font.size.pt == 16
    assert normal.paragraph_format.line_spacing.pt == pytest.approx(28.95)
    assert round(document.sections[0].left_margin.mm) == 28


def test_settings_file_sets_fonts_sizes_pitch_and_margins_of_every_word_file(home, tmp_path):
    (home / "settings.toml").write_text(
        '[docx]\nbody_font = "方正仿宋_GBK"\ntitle_font = "方正小标宋_GBK"\nheading_font = "方正黑体_GBK"\n'
        'title_size = "小二"\nline_pitch = 28\nmargin_left = 30\nmargin_right = 25\n',
        encoding="utf-8",
    )
    document = render(tmp_path)
    normal = document.styles["Normal"]
    assert east_asian(normal.element.rPr) == "方正仿宋_GBK"
    assert normal.paragraph_format.line_spacing.pt == 28
    section = document.sections[0]
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 25)
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs]
    headings = [run for run in runs if run.text.startswith("一、")]
    assert headings and all(east_asian(run._element.rPr) == "方正黑体_GBK" for run in headings)
    bodies = [run for run in runs if len(run.text) > 60]
    assert bodies and all(east_asian(run._element.rPr) == "方正仿宋_GBK" for run in bodies)
    # The font table names the new faces, with a fallback Word can find.
    assert "方正仿宋_GBK" in {font.get(qn("w:name")) for font in _font_table(tmp_path / "out.docx")}


def _font_table(path):
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/fontTable.xml")).iter(qn("w:font"))


def test_a_style_file_for_one_run_goes_over_the_settings(home, tmp_path):
    (home / "settings.toml").write_text('[docx]\nbody_font = "方正仿宋_GBK"\nbody_size = 15\n', encoding="utf-8")
    style = tmp_path / "style.toml"
    style.write_text('[docx]\nbody_font = "仿宋"\n', encoding="utf-8")
    normal = render(tmp_path, "--style", str(style)).styles["Normal"]
    assert east_asian(normal.element.rPr) == "仿宋" and normal.font.size.pt == 15


def test_a_title_set_in_a_type_size_name_takes_its_points(home, tmp_path):
    style = house_style.apply(house_style.HouseStyle(), {"title_size": "小二", "body_size": "三号"}, "x")
    assert (style.title_size, style.body_size) == (18, 16)


@pytest.mark.parametrize(
    ("table", "named"),
    [
        ('body_size = "大号"', "body_size"),
        ("margin_left = 200", "margin_left"),
        ("line_pitch = true", "line_pitch"),
        ('body_font = ""', "body_font"),
        ('colour = "red"', "colour"),
        ("body_size = 36\nmargin_left = 60\nmargin_right = 60", "[docx]"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_file_and_key(home, tmp_path, capsys, table, named):
    (home / "settings.toml").write_text(f"[docx]\n{table}\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    assert main(["render", str(example_path()), "-o", str(out)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "settings.toml" in error and named in error, error
    assert not out.exists()


def test_a_broken_settings_file_is_named(home, tmp_path, capsys):
    (home / "settings.toml").write_text("[docx\n", encoding="utf-8")
    assert main(["render", str(example_path()), "-o", str(tmp_path / "x.docx")]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "settings.toml" in error and "TOML" in error
