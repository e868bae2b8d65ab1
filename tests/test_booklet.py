"""The booklet (汇编): many pieces, read as import reads them, in one Word file with a cover and contents."""

from __future__ import annotations

import datetime as dt
import shutil

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn

from wizard import booklet, storage
from wizard.cli import main
from wizard.data_files import example_path
from wizard.export import docx_bytes
from wizard.house_style import HouseStyle

SHAPES = "tests/fixtures/shapes"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("SPEECH_WIZARD_HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    return tmp_path / "home"


@pytest.fixture
def pieces(tmp_path):
    """A record, a Word file and a text file, as trainees hand them in."""
    folder = tmp_path / "pieces"
    folder.mkdir()
    shutil.copy(f"{SHAPES}/p1.toml", folder / "a-record.toml")
    (folder / "b-word.docx").write_bytes(docx_bytes(storage.load(f"{SHAPES}/p2.toml")))
    shutil.copy(f"{SHAPES}/p3.txt", folder / "c-text.txt")
    return folder


def texts(section) -> list[str]:
    return [item.text for item in section.iter_inner_content() if hasattr(item, "text")]


def instructions(container) -> str:
    """The field instructions in a document or a footer."""
    element = container.element if hasattr(container, "element") else container.part.element
    return "".join(found.text or "" for found in element.iter(qn("w:instrText")))


def east_asian(run) -> str:
    return run._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_a_booklet_of_a_record_a_word_file_and_a_text_file(home, tmp_path, pieces, capsys):
    (home / "settings.toml").write_text('[docx]\nbody_font = "方正仿宋_GBK"\ntitle_font = "方正小标宋_GBK"\n')
    out = tmp_path / "book.docx"
    status = main(["booklet", str(pieces), "-o", str(out), "--subtitle", "第八期中青班", "--unit", "某某市委组织部"])
    assert status == 0, capsys.readouterr().err
    document = docx.Document(str(out))
    records = [storage.load(f"{SHAPES}/{name}.toml") for name in ("p1", "p2", "p3")]
    sections = document.sections
    assert len(sections) == 2 + 3, "the cover, the contents, a section per piece"

    # The cover: title, subtitle, the course's dates from the pieces, the unit; no page number.
    cover = texts(sections[0])
    assert cover[0] == "学员学习心得体会汇编" and "第八期中青班" in cover and "某某市委组织部" in cover
    starts = [record.training.start for record in records if record.training.start]
    assert any(str(min(starts).year) in line and f"{min(starts).month}月{min(starts).day}日" in line for line in cover)
    assert "PAGE" not in instructions(sections[0].footer) + instructions(sections[0].even_page_footer)

    # The contents: a TOC field of the titles, its shown result listing each title and its page.
    assert "TOC" in instructions(document)
    contents = texts(sections[1])
    titles = [texts(section)[0] for section in sections[2:]]
    assert [line.split("\t")[0] for line in contents if "\t" in line] == titles
    pages = [int(line.split("\t")[1]) for line in contents if "\t" in line]
    assert pages[0] == 2 and pages == sorted(pages) and len(set(pages)) == 3

    # Each piece: a new page, its title and author line, its text, its signature.
    stems = ("a-record", "b-word", "c-text")
    for section, record, stem in zip(sections[2:], records, stems, strict=True):
        assert section.start_type == WD_SECTION.NEW_PAGE
        lines = texts(section)
        author = record.speaker or record.signature.name or stem  # no name in it: its file's
        assert author in lines[:4], lines[:4]
        body = [line for line in lines if len(line) > 40]
        assert body and all(line in storage.dumps(record) or line in _rendered(record) for line in body)
        if record.signature.name:
            assert record.signature.name in lines[-3:]

    # Page numbers: from 1 on the contents, running on through every piece (no restart).
    numbering = [section._sectPr.find(qn("w:pgNumType")) for section in sections]
    assert numbering[1] is not None and numbering[1].get(qn("w:start")) == "1"
    assert all(element is None for element in numbering[2:])
    assert "PAGE" in instructions(sections[1].footer) and "PAGE" in instructions(sections[1].even_page_footer)
    assert all(section.footer.is_linked_to_previous for section in sections[2:])

    # The house style of the settings file.
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs if run.text.strip()]
    long_runs = [run for run in runs if len(run.text) > 40]
    assert long_runs and all(east_asian(run) == "方正仿宋_GBK" for run in long_runs)
    title_runs = [run for run in runs if run.text in titles]
    assert title_runs and all(east_asian(run) == "方正小标宋_GBK" for run in title_runs)


def _rendered(record) -> str:
    from wizard.assemble import render_text

    return render_text(record)


def test_a_folder_with_a_broken_file_and_a_duplicate_still_gives_a_booklet(home, tmp_path, pieces, capsys):
    (pieces / "broken.docx").write_bytes(b"not a zip")
    shutil.copy(f"{SHAPES}/p1.toml", pieces / "sub-copy.toml")
    out = tmp_path / "book.docx"
    assert main(["booklet", str(pieces), "-o", str(out)]) == 1
    warnings = [line for line in capsys.readouterr().err.splitlines() if "broken.docx" in line or "只收录一次" in line]
    assert len(warnings) == 2, warnings
    assert len(docx.Document(str(out)).sections) == 2 + 3


def test_a_piece_without_a_title_is_named_from_its_course_and_author_and_the_report_says_so(tmp_path):
    speech = storage.load(example_path())
    speech.title, speech.signature.name = "", "张三"
    path = tmp_path / "x.toml"
    storage.write_atomic(path, storage.dumps(speech))
    gathered = booklet.gather([path], dt.date(2026, 12, 4))
    (piece,) = gathered.pieces
    assert piece.speech.title == f"参加{speech.training.name}的学习体会（张三）"
    assert any(piece.speech.title in note for note in gathered.notes)


def test_pieces_in_order_of_name_or_date(tmp_path):
    paths = []
    for name, start in (("王五", dt.date(2026, 3, 1)), ("李四", dt.date(2026, 1, 1)), ("张三", dt.date(2026, 2, 1))):
        speech = storage.load(example_path())
        speech.signature.name, speech.training.start, speech.training.end = name, start, start
        paths.append(tmp_path / f"{name}.toml")
        storage.write_atomic(paths[-1], storage.dumps(speech))
    authors = lambda order: [p.author for p in booklet.gather(paths, dt.date(2026, 12, 4), order).pieces]  # noqa: E731
    assert authors("given") == ["王五", "李四", "张三"]
    assert authors("name") == ["李四", "王五", "张三"]
    assert authors("date") == ["李四", "张三", "王五"]


def test_the_contents_pages_follow_the_lines_each_piece_takes():
    short = storage.load(example_path())
    style = HouseStyle()
    one = booklet.pages_taken(short, style)
    assert one == 4, "the example's Word file is four pages (as LibreOffice lays it out)"
    pieces = [booklet.Piece(example_path(), short, "x")] * 3
    assert booklet.first_pages(pieces, style) == [2, 2 + one, 2 + 2 * one]


def test_no_readable_piece_is_an_error_and_writes_nothing(home, tmp_path, capsys):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "book.docx"
    assert main(["booklet", str(tmp_path / "bad.txt"), str(tmp_path / "missing.docx"), "-o", str(out)]) == 1
    error = capsys.readouterr().err
    assert "missing.docx" in error and "bad.txt" in error and not out.exists()


def test_an_unnamed_piece_takes_its_author_from_its_file_name_less_a_leading_number(tmp_path):
    speech = storage.load(example_path())
    speech.signature.name = speech.speaker = ""
    assert booklet.author_of(speech, tmp_path / "03-王芳.docx") == "王芳"
    assert booklet.author_of(speech, tmp_path / "王芳心得.txt") == "王芳心得"
    assert booklet.author_of(speech, tmp_path / "007.txt") == "007"
    speech.signature.name = "李明"
    assert booklet.author_of(speech, tmp_path / "03-王芳.docx") == "李明"


def test_hostile_text_in_titles_and_on_the_cover_is_written_literally(home, tmp_path):
    speech = storage.load(example_path())
    speech.title = "[bold]标题[/]\x1b[31m\x00"
    path = tmp_path / "x.toml"
    storage.write_atomic(path, storage.dumps(speech))
    out = tmp_path / "book.docx"
    assert main(["booklet", str(path), "-o", str(out), "--subtitle", "副\x07标题[@click=app.quit]x[/]"]) == 0
    text = "\n".join(paragraph.text for paragraph in docx.Document(str(out)).paragraphs)
    assert "[bold]标题[/]" in text and "副标题[@click=app.quit]x[/]" in text
    assert "\x1b" not in text and "\x00" not in text and "\x07" not in text


def test_made_again_into_the_folder_of_its_pieces_the_booklet_is_not_a_piece_of_itself(home, tmp_path, pieces):
    out = pieces / "汇编.docx"
    assert main(["booklet", str(pieces), "-o", str(out)]) == 0
    assert main(["booklet", str(pieces), "-o", str(out), "--force"]) == 0
    assert len(docx.Document(str(out)).sections) == 2 + 3
