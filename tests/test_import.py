"""import: a speech's text (plain, Markdown, Word) becomes a record that prints the same text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard import storage, templates
from wizard.assemble import is_blank, render_text
from wizard.data_files import example_path
from wizard.docx_export import docx_bytes
from wizard.export import render_markdown
from wizard.importer import import_file, import_text, tidy
from wizard.model import (
    DATE_SEPARATORS,
    DATE_STYLES,
    OPENING_FRAMES,
    POINT_LAYOUTS,
    POINT_NUMBERINGS,
    CourseGroup,
    Layout,
    Opening,
    Point,
    Section,
    Signature,
    Speech,
    Training,
)
from wizard.storage import RecordError

TODAY = dt.date(2026, 12, 4)
SHAPES = Path(__file__).parent / "fixtures" / "shapes"


def shape(name: str) -> Speech:
    return storage.load(SHAPES / f"{name}.toml")


def filled(template: str) -> Speech:
    """A template's new speech with what a user would type into it."""
    speech = templates.get(template).new_speech()
    speech.training = Training(
        name="年轻干部专题研讨班",
        start=dt.date(2026, 3, 2),
        end=dt.date(2026, 3, 6),
        organisers=["市委组织部", "市委党校"],
        activities=["分组研讨学习"],
    )
    speech.courses = [CourseGroup("深入学习了", ["党的二十大精神", "“十四五”人才工作"], "等重点内容")]
    for number, section in enumerate(speech.sections, start=1):
        if template != "written":
            section.heading = f"第{number}部分要做到学思用贯通"
        section.points = [
            Point("在深学细悟中筑牢思想根基。", "结合工作谈体会，做到学以致用。"),
            Point("要持续改进工作作风。", "落实具体举措。"),
        ]
    if template == "written":
        speech.signature = Signature("张三", dt.date(2026, 3, 9))
    if template == "ceremony":
        speech.title, speech.speaker = "不负韶华勇担当", "陈静"
    return speech


EXAMPLES = {
    "p1": lambda: shape("p1"),
    "p2": lambda: shape("p2"),
    "p3": lambda: shape("p3"),
    "example": lambda: storage.load(example_path()),
    **{f"template-{name}": (lambda name=name: filled(name)) for name in ("exchange", "ceremony", "written", "pledge")},
}


def structure(speech: Speech) -> dict:
    """What a reader sees of a speech's shape: its parts, sections, headings, points and markers."""
    return {
        "title block": (speech.title, speech.subtitle, speech.speaker, speech.date_line),
        "salutation": speech.salutation,
        "greeting": speech.greeting,
        "transition": speech.transition,
        "closing": speech.closing.strip(),
        "signature": speech.signature,
        "headings": [section.heading for section in speech.sections if section.points or section.heading],
        "numbering": speech.layout.numbering,
    }


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_comes_back_exactly_with_its_structure(name):
    original = EXAMPLES[name]()
    text = render_text(original)
    imported = import_text(text, TODAY)
    assert render_text(imported.speech) == text
    assert not imported.unstructured
    assert structure(imported.speech) == structure(original)
    # Points are recognised one by one wherever each has a paragraph (or a marker) of its own.
    if original.layout.points != "joined":
        kept = [section for section in original.sections if not is_blank(section)]
        assert [len(section.points) for section in imported.speech.sections] == [
            len(section.points) for section in kept
        ]
        assert [point.lead for section in imported.speech.sections for point in section.points] == [
            point.lead for section in kept for point in section.points
        ]


def test_an_opening_the_wizard_assembles_becomes_facts_again():
    imported = import_text(render_text(shape("p3")), TODAY).speech
    assert not imported.opening.own
    training = imported.training
    assert (training.name, training.start, training.end) == ("全市组工干部业务能力提升培训班", *dt_pair(11, 4, 11, 8))
    assert training.duration == "五天" and training.organisers == ["市委组织部", "市委党校"]
    assert imported.courses == [CourseGroup("深入学习了", ["新时代党的组织路线", "干部工作有关法规"], "等重点内容")]
    assert imported.layout.date_separator == "至"
    # The writer changes a date in one place, and the opening follows.
    imported.training.end = dt.date(2026, 11, 9)
    assert "11月4日至11月9日" in render_text(imported)


def dt_pair(m1, d1, m2, d2):
    return dt.date(2026, m1, d1), dt.date(2026, m2, d2)


def test_the_sample_opening_gives_its_course_groups_and_activities():
    speech = import_text(render_text(storage.load(example_path())), TODAY).speech
    original = storage.load(example_path())
    assert not speech.opening.own and speech.opening.frame == "sample"
    assert speech.courses == original.courses
    assert speech.training.organisers == original.training.organisers
    assert speech.training.activities == original.training.activities
    assert (speech.training.name, speech.training.note) == (original.training.name, original.training.note)
    assert [section.kind for section in speech.sections] == [section.kind for section in original.sections]


def test_an_opening_in_the_writers_own_words_is_kept_and_its_facts_read_for_the_file_name():
    imported = import_text(render_text(shape("p1")), TODAY)
    speech = imported.speech
    assert speech.opening.own and speech.opening.text.startswith("5月8日至12日，我参加了")
    assert speech.training.name == "全县乡村振兴专题培训班"
    assert (speech.training.start, speech.training.end) == dt_pair(5, 8, 5, 12)
    assert any(line.startswith("开头：按原文保留") for line in imported.report)


@pytest.mark.parametrize("name", ["p1", "p2", "p3", "example"])
def test_word_export_imports_back_to_the_same_text(tmp_path, name):
    original = EXAMPLES[name]()
    path = tmp_path / "发言.docx"
    path.write_bytes(docx_bytes(original))
    imported = import_file(path, TODAY)
    assert render_text(imported.speech) == render_text(original)
    assert structure(imported.speech) == structure(original)


@pytest.mark.parametrize("name", ["p2", "example"])
def test_markdown_export_imports_back_to_the_same_text(tmp_path, name):
    original = EXAMPLES[name]()
    path = tmp_path / "发言.md"
    path.write_text(render_markdown(original), encoding="utf-8")
    assert render_text(import_file(path, TODAY).speech) == render_text(original)


def wrapped(text: str, width: int = 30) -> str:
    """Each paragraph hard-wrapped at ``width`` characters, as a PDF's text is pasted."""
    lines = []
    for paragraph in text.splitlines():
        lines += [paragraph[start : start + width] for start in range(0, len(paragraph), width)]
    return "\n".join(lines) + "\n"


LAYOUTS = {
    "indented with spaces": lambda text: "".join("    " + line + "\n" for line in text.splitlines()),
    "indented with full-width spaces": lambda text: "".join("\u3000\u3000" + line + "\n" for line in text.splitlines()),
    "hard-wrapped": wrapped,
    "blank lines between paragraphs": lambda text: text.replace("\n", "\n\n"),
    "CRLF": lambda text: text.replace("\n", "\r\n"),
    "a byte order mark": lambda text: "\ufeff" + text,
}


@pytest.mark.parametrize("name", ["p1", "p2", "p3", "example"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_same_text_laid_out_otherwise_imports_to_the_same_record(tmp_path, name, layout):
    text = render_text(EXAMPLES[name]())
    plain = storage.dumps(import_text(text, TODAY).speech)
    path = tmp_path / "发言.txt"
    path.write_bytes(LAYOUTS[layout](text).encode("utf-8"))
    assert storage.dumps(import_file(path, TODAY).speech) == plain


@pytest.mark.parametrize("width", [24, 33, 38, 44, 52, 61])
@pytest.mark.parametrize("name", ["p1", "p2", "p3", "example"])
def test_text_wrapped_at_any_width_comes_back_whole(name, width):
    """Few lines are full at a wide wrap, and some full lines end a sentence: the paragraphs come back all the same."""
    text = render_text(EXAMPLES[name]())
    assert tidy(wrapped(text, width)) == text.splitlines()


def test_gb18030_is_read_and_the_report_says_so(tmp_path):
    text = render_text(shape("p2"))
    path = tmp_path / "发言.txt"
    path.write_bytes(text.encode("gb18030"))
    imported = import_file(path, TODAY)
    assert storage.dumps(imported.speech) == storage.dumps(import_text(text, TODAY).speech)
    assert render_text(imported.speech) == text
    assert any("GB18030" in line for line in imported.report)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.docx", "不是 Word 文件".encode(), "不是 Word"),
        ("a.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "加密"),
        ("a.docx", b"PK\x03\x04broken", "不是能读的 Word"),
        ("a.txt", b"", "空的"),
        ("a.txt", b"  \n\n", "空的"),
        ("a.txt", b"\x81\x30\xff\xff\x80\x80", "GB18030"),
        ("a.txt", b"\x00\x01binary", "二进制"),
        ("a.pdf", "文字".encode(), ".docx"),
    ],
)
def test_a_file_that_cannot_be_imported_is_one_line_naming_it(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(RecordError) as caught:
        import_file(path, TODAY)
    line = str(caught.value)
    assert "\n" not in line and line.startswith(str(path)) and message in line


def test_a_file_over_ten_megabytes_is_refused_without_reading_it_whole(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:
        stream.truncate(10_000_001)
    with pytest.raises(RecordError, match="过大"):
        import_file(path, TODAY)


def test_tidy_keeps_the_words_and_drops_only_the_layout():
    assert tidy("\u3000\u3000第一段，\n\n  第二段。\r\n") == ["第一段，", "第二段。"]
    # A short line that does not end a sentence is not joined: it is not wrapped.
    assert tidy("标题\n正文一句。\n") == ["标题", "正文一句。"]


def test_text_that_fits_no_part_is_kept_whole_and_the_report_says_where():
    text = "随便写的一行\n第二行没有句号\n"
    imported = import_text(text, TODAY)
    assert render_text(imported.speech) == text
    assert any("开头" in line for line in imported.report)


# -- any speech in these shapes -------------------------------------------------------------------

WORDS = ["学习", "体会", "干部", "组织", "工作", "发展", "理论", "实践", "基层", "人才", "党性", "作风", "“两个维护”"]
phrases = st.lists(st.sampled_from(WORDS), min_size=2, max_size=6).map("".join)
sentences = st.builds(lambda words, end: words + end, phrases, st.sampled_from(["。", "！", "；真正落实。"]))
paragraph_texts = st.lists(sentences, min_size=1, max_size=3).map("".join)
headings = st.builds(lambda words: "坚持" + words, phrases)
points = st.builds(
    Point, lead=st.builds(lambda words: "要" + words + "。", phrases), body=paragraph_texts | st.just("")
)
dates = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 12, 20))


@st.composite
def speeches(draw) -> Speech:
    headed = draw(st.booleans())
    sections = [
        Section(
            kind="reflection",
            heading=draw(headings) if headed else "",
            intro=draw(st.just("") | paragraph_texts) if headed else "",
            points=draw(st.lists(points, min_size=1, max_size=4)),
        )
        for _ in range(draw(st.integers(1, 3) if headed else st.just(1)))
    ]
    start = draw(dates)
    own = draw(st.booleans())
    return Speech(
        title=draw(st.just("") | st.builds(lambda words: "参加" + words + "培训的体会", phrases)),
        speaker=draw(st.just("") | st.sampled_from(["张三", "市委组织部 李四"])),
        salutation=draw(st.sampled_from(["各位领导、同志们：", "同志们：", ""])),
        greeting=draw(st.sampled_from(["", "大家好！"])),
        opening=Opening(
            frame=draw(st.sampled_from(OPENING_FRAMES)), own=own, text=draw(paragraph_texts) if own else ""
        ),
        transition=draw(st.sampled_from(["", "下面，我谈几点体会："])),
        closing=draw(st.sampled_from(["", "发言完毕，谢谢。", "最后，感谢各位老师！\n我的发言完毕，谢谢大家！"])),
        signature=draw(st.just(Signature()) | st.just(Signature("赵刚", dt.date(2026, 5, 15)))),
        training=Training(
            name=draw(st.sampled_from(["全县乡村振兴专题培训班", "年轻干部培训班"])),
            start=start,
            end=start + dt.timedelta(days=draw(st.integers(0, 10))),
            organisers=draw(
                st.lists(st.sampled_from(["县委组织部", "县委党校", "市委宣传部"]), max_size=2, unique=True)
            ),
            duration=draw(st.sampled_from(["", "五天", "一周"])),
        ),
        courses=draw(
            st.lists(
                st.builds(CourseGroup, st.just("深入学习了"), st.lists(phrases, min_size=1, max_size=3)), max_size=2
            )
        ),
        sections=sections,
        layout=Layout(
            points=draw(st.sampled_from(POINT_LAYOUTS)),
            numbering=draw(st.sampled_from(POINT_NUMBERINGS)),
            date_style=draw(st.sampled_from(DATE_STYLES)),
            date_separator=draw(st.sampled_from(DATE_SEPARATORS)),
        ),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(speech=speeches())
def test_any_speech_in_these_shapes_comes_back_exactly(speech):
    text = render_text(speech)
    imported = import_text(text, TODAY)
    assert render_text(imported.speech) == text
    # Saved and read again, the record still prints the same text.
    assert render_text(storage.loads(storage.dumps(imported.speech))) == text


# -- the command ----------------------------------------------------------------------------------


def test_the_command_writes_the_record_to_standard_output_and_the_report_to_standard_error(run_cli, tmp_path):
    source = tmp_path / "发言.txt"
    source.write_text(render_text(shape("p2")), encoding="utf-8")
    done = run_cli("import", str(source))
    assert done.status == 0
    assert render_text(storage.loads(done.stdout)) == render_text(shape("p2"))
    report = done.stderr.splitlines()
    assert report[0] == "标题块：标题、副标题、发言人（“不负韶华勇担当”）"
    assert "正文：2 个部分，标题：理论功底更加扎实；党性修养更加坚定；共 4 点，序号：（一）（二）……" in report
    assert "结束语：2 段" in report


def test_the_command_reads_standard_input_and_writes_a_record_that_renders_back(run_cli, tmp_path):
    text = render_text(shape("p1"))
    record = tmp_path / "p1.toml"
    assert run_cli("import", "-", "-o", str(record), stdin=text.encode()).status == 0
    assert run_cli("render", str(record)).stdout == text
    # An existing record is replaced only with --force.
    refused = run_cli("import", "-", "-o", str(record), stdin=text.encode())
    assert refused.status == 1 and "--force" in refused.stderr and len(refused.stderr.splitlines()) == 1
    assert run_cli("import", "-", "-o", str(record), "--force", stdin=text.encode()).status == 0


def test_render_to_word_then_import_on_the_command_line(run_cli, tmp_path):
    record = tmp_path / "r.toml"
    record.write_text(run_cli("example").stdout, encoding="utf-8")
    assert run_cli("render", str(record), "-o", str(tmp_path / "发言.docx")).status == 0
    again = run_cli("import", str(tmp_path / "发言.docx"), "-o", str(tmp_path / "again.toml"))
    assert again.status == 0
    assert run_cli("render", str(tmp_path / "again.toml")).stdout == run_cli("render", str(record)).stdout


def test_a_file_that_cannot_be_imported_is_one_line_and_status_1(run_cli, tmp_path):
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"PK\x03\x04broken")
    done = run_cli("import", str(broken))
    assert done.status == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "坏.docx" in done.stderr and "Traceback" not in done.stderr


# -- shapes found by trying many real texts -------------------------------------------------------


def test_a_zero_padded_signature_date_is_kept_as_written_and_the_rest_still_recognised():
    text = "一点体会\n近日，我参加了县委组织部组织的乡村振兴培训班。\n一是要把准方向。要坚持党的领导。\n二是要夯实基础。要培育特色产业。\n赵刚\n2026年06月10日\n"
    imported = import_text(text, TODAY)
    assert render_text(imported.speech) == text
    assert not imported.unstructured and len(imported.speech.sections[0].points) == 2
    assert imported.speech.signature.date is None, "a date the record would print otherwise is not a signature date"


def test_markers_the_wizard_does_not_write_stay_in_the_text_and_the_sections_are_kept():
    # 首先…其次 with two points: the wizard writes 首先…最后.
    text = "同志们：\n近日，我参加了培训。\n一、学有所得\n首先，要学深悟透。坚持读原著。\n其次，要学以致用。联系实际。\n二、思有所悟\n要担当作为。敢于担当。\n"
    imported = import_text(text, TODAY)
    assert render_text(imported.speech) == text and not imported.unstructured
    assert [section.heading for section in imported.speech.sections] == ["学有所得", "思有所悟"]
    assert any("序号已作为原文保留" in line for line in imported.report)
    assert not any(line.startswith("开头：按句式生成的文字") for line in imported.report)


def test_a_last_point_that_thanks_is_a_point_not_the_closing():
    text = "同志们：\n近日，我参加了培训。\n首先，要学深悟透。坚持读原著。\n其次，要学以致用。联系实际。\n最后，要把培训成果转化为工作实效，以实际行动感谢组织的培养。\n发言完毕，谢谢。\n"
    imported = import_text(text, TODAY)
    assert render_text(imported.speech) == text
    assert imported.speech.closing == "发言完毕，谢谢。"
    assert imported.speech.layout.numbering == "first-then-last"
    assert len(imported.speech.sections[0].points) == 3


def test_a_wrapped_title_block_keeps_its_lines_apart():
    text = render_text(shape("p2"))
    lines = text.splitlines()
    # A long title, then the whole text wrapped at 25 characters.
    lines[0] = "在全市年轻干部综合能力提升培训班结业式上的发言"
    text = "\n".join(lines) + "\n"
    imported = import_text(wrapped(text, 25), TODAY)
    assert render_text(imported.speech) == text
    assert imported.speech.title == lines[0] and imported.speech.speaker == "陈静"


def test_soft_line_breaks_inside_a_word_paragraph_are_joined(tmp_path):
    import docx

    text = render_text(shape("p1"))
    document = docx.Document()
    for paragraph in text.splitlines():
        run = document.add_paragraph().add_run()
        for number, start in enumerate(range(0, len(paragraph), 20)):
            if number:
                run.add_break()
            run.add_text(paragraph[start : start + 20])
    document.save(tmp_path / "soft.docx")
    assert render_text(import_file(tmp_path / "soft.docx", TODAY).speech) == text


def test_a_course_name_is_read_only_where_a_name_can_stand():
    text = "各位领导：\n这次，大家认真聆听专题讲座，收获很大。\n一是要学习。认真学。\n"
    assert import_text(text, TODAY).speech.training.name == ""
    text = "各位领导：\n近期我参加了全省统计业务培训班，收获很大。\n一是要学习。认真学。\n"
    assert import_text(text, TODAY).speech.training.name == "全省统计业务培训班"


@pytest.mark.parametrize(
    ("text", "points"),
    [
        # 一、 with its lead and elaboration on one line: numbered points, not headings.
        (
            "学习体会\n近日，我参加了县委组织部组织的乡镇干部培训班。\n"
            "一、要提高政治站位。通过学习，我认识到必须坚持党的全面领导。\n二、要增强本领。必须不断学习。\n",
            "separate",
        ),
        # 一、 lead ending in 。 alone on its line, its elaboration below.
        (
            "各位领导、同志们：\n近日，我参加了县委组织部组织的乡镇干部培训班。\n一、提高政治站位，增强责任意识。\n"
            "通过学习，我认识到必须坚持党的全面领导。\n二、加强理论学习，提升履职能力。\n面对新形势，必须不断学习。\n发言完毕，谢谢。\n",
            "lead-alone",
        ),
    ],
)
def test_points_numbered_like_headings(text, points):
    imported = import_text(text, TODAY)
    speech = imported.speech
    assert render_text(speech) == text and not imported.unstructured
    assert (speech.layout.numbering, speech.layout.points) == ("listed", points)
    assert [section.heading for section in speech.sections] == [""]
    assert len(speech.sections[0].points) == 2


def test_a_title_line_with_no_place_keeps_the_title_block_as_written_and_the_body_recognised():
    text = (
        "在全县教育系统干部培训班上的发言\n县教育局 陈静\n（2026年06月05日）\n各位领导、同志们：\n"
        "近日，我参加了县委组织部组织的全县教育系统干部培训班。\n一是要把准方向。要坚持党的领导。\n"
        "二是要夯实基础。要培育特色产业。\n发言完毕，谢谢。\n"
    )
    imported = import_text(text, TODAY)
    speech = imported.speech
    assert render_text(speech) == text and not imported.unstructured
    assert speech.opening.own and speech.opening.text.startswith("在全县教育系统干部培训班上的发言\n县教育局 陈静")
    assert len(speech.sections[0].points) == 2 and speech.closing == "发言完毕，谢谢。"
    assert speech.training.name == "全县教育系统干部培训班" and speech.training.start is None
