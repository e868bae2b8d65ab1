"""Speech templates: each starts a well-formed speech; user templates add, override, or are skipped."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest
from textual.widgets import Select

from tests.ui.conftest import new_app, screen_text
from tests.ui.screen import Shot
from wizard import cli, paths, templates
from wizard.assemble import render_text
from wizard.checks import check, has_errors
from wizard.data_files import load as load_prompts
from wizard.model import Point, Speech


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SPEECH_WIZARD_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def user_templates(home: Path) -> Path:
    folder = home / "templates"
    folder.mkdir()
    return folder


def _fill(speech: Speech, headings: bool = True) -> Speech:
    """Give a template's new speech the content a user would type."""
    speech.training.name = "年轻干部专题研讨班"
    speech.training.start = dt.date(2026, 3, 2)
    speech.training.end = dt.date(2026, 3, 6)
    speech.training.organisers = ["市委组织部"]
    for number, section in enumerate(speech.sections, start=1):
        section.heading = f"第{number}部分的标题" if headings else ""
        section.points = [
            Point("在深学细悟中筑牢思想根基", "结合工作谈体会。"),
            Point("要持续改进工作作风", "具体举措。"),
        ]
    return speech


def test_bundled_templates_in_order_without_problems():
    found, problems = templates.available()
    assert problems == []
    assert [template.name for template in found][:4] == ["exchange", "ceremony", "written", "pledge"]
    assert all(template.bundled and template.label and template.description for template in found)
    assert templates.get().name == templates.DEFAULT_TEMPLATE == "exchange"


def test_exchange_renders_like_the_sample():
    lines = render_text(_fill(templates.get("exchange").new_speech())).splitlines()
    assert lines[0] == "各位领导、同志们："
    assert lines[1].startswith("3月2日—3月6日，参加了为期5天的年轻干部专题研讨班学习。")
    assert [line[:2] for line in lines[2::2]][:3] == ["一、", "二、", "三、"]
    assert lines[-1] == "发言完毕，谢谢。"
    assert len(lines) == 1 + 1 + 3 * 2 + 1  # salutation, opening, 3 × (heading, body), closing
    assert [section.kind for section in templates.get("exchange").new_speech().sections] == [
        "reflection",
        "reflection",
        "action",
    ]


def test_written_has_a_title_a_yishi_body_and_a_signature_but_no_salutation_or_closing():
    speech = _fill(templates.get("written").new_speech(), headings=False)
    speech.signature.name, speech.signature.date = "张三", dt.date(2026, 3, 9)
    lines = render_text(speech).splitlines()
    assert lines[0] == speech.title and lines[0]
    assert lines[1].startswith("3月2日—3月6日，我参加了市委组织部组织的年轻干部专题研讨班，为期5天。")
    assert lines[2] == "结合学习内容和本职工作，我谈几点体会："
    # Headless sections: no 一、 lines, each point a paragraph of its own.
    assert lines[3:7] == [
        "一是在深学细悟中筑牢思想根基。结合工作谈体会。",
        "二是要持续改进工作作风。具体举措。",
        "一是在深学细悟中筑牢思想根基。结合工作谈体会。",
        "二是要持续改进工作作风。具体举措。",
    ]
    assert lines[7:] == ["张三", "2026年3月9日"]
    assert "发言完毕" not in render_text(speech)


def test_closing_ceremony_has_the_title_block_greeting_two_levels_and_a_two_line_closing():
    speech = _fill(templates.get("ceremony").new_speech())
    speech.title, speech.speaker = "不负韶华勇担当", "陈静"
    speech.training.duration = "五天"
    lines = render_text(speech).splitlines()
    assert lines[:5] == [
        "不负韶华勇担当",
        "——在培训班结业式上的发言",
        "陈静",
        "尊敬的各位领导、各位老师，亲爱的同学们：",
        "大家好！",
    ]
    assert lines[5].startswith("很荣幸作为学员代表在结业式上发言。五天来，在市委组织部的精心安排下，")
    assert lines[6] == "下面，我代表全体学员谈几点收获："
    assert lines[7] == "一、第1部分的标题"
    assert lines[8] == "（一）在深学细悟中筑牢思想根基。结合工作谈体会。"
    assert lines[-2:] == ["最后，衷心感谢各位领导和老师的辛勤付出！", "我的发言完毕，谢谢大家！"]


def test_pledge_is_short_and_ends_with_a_pledge():
    speech = templates.get("pledge").new_speech()
    assert 2 <= len(speech.sections) <= 3
    assert speech.layout.target_minutes <= 3
    lines = render_text(_fill(speech)).splitlines()
    assert lines[0] == "各位领导、同志们："
    assert lines[-1].startswith("我们将") and "以实际行动" in lines[-1]


@pytest.mark.parametrize("name", ["exchange", "ceremony", "written", "pledge"])
def test_every_template_starts_a_speech_the_checks_accept_once_filled(name):
    template = templates.get(name)
    blank = template.new_speech()
    assert blank.training.name == "" and all(section.heading == "" for section in blank.sections)
    assert not has_errors(check(_fill(blank)))


def test_new_speech_is_a_fresh_copy_each_time():
    template = templates.get("exchange")
    first = template.new_speech()
    first.sections[0].heading = "改过了"
    first.sections.pop()
    second = template.new_speech()
    assert second.sections[0].heading == "" and len(second.sections) == 3


def test_step_prompts_merge_the_template_wording_over_steps_toml():
    steps = load_prompts("steps")
    assert templates.get("exchange").step_prompts("training") == steps["training"]
    written = templates.get("written").step_prompts("training")
    assert written["fields"]["title"]["label"] == "标题"
    assert written["fields"]["title"]["hint"] != steps["training"]["fields"]["title"]["hint"]
    assert written["fields"]["name"] == steps["training"]["fields"]["name"]
    assert written["question"] == steps["training"]["question"]
    pledge = templates.get("pledge").step_prompts("actions")
    assert pledge["title"] == "表态"
    assert pledge["fields"]["lead"]["label"] == "表态句"
    assert pledge["fields"]["body"] == steps["actions"]["fields"]["body"]
    assert load_prompts("steps")["actions"]["title"] == steps["actions"]["title"]  # the cache is untouched


def test_a_user_template_is_added_and_one_with_a_bundled_name_overrides_it(user_templates):
    (user_templates / "short.toml").write_text(
        '[template]\nlabel = "三分钟交流"\n[record]\nclosing = "谢谢大家。"\n[[record.sections]]\nkind = "action"\n',
        encoding="utf-8",
    )
    (user_templates / "exchange.toml").write_text(
        '[template]\nname = "exchange"\nlabel = "我单位的交流发言"\n', encoding="utf-8"
    )
    found, problems = templates.available()
    assert problems == []
    names = [template.name for template in found]
    assert names.index("exchange") == 0 and names[-1] == "short"
    exchange = templates.get("exchange")
    assert exchange.label == "我单位的交流发言" and not exchange.bundled
    short = templates.get("short")
    assert short.new_speech().closing == "谢谢大家。"
    assert [section.kind for section in short.new_speech().sections] == ["action"]


BROKEN = {
    "badtoml.toml": ('[template\nlabel = "x"\n', "TOML 格式错误"),
    "badschema.toml": ('[template]\nlabel = "x"\n[[record.sections]]\nkind = "poem"\n', "record.sections[0].kind"),
    "nolabel.toml": ("[template]\n", "template.label"),
    "badstep.toml": ('[template]\nlabel = "x"\n[steps.speeches]\ntitle = "y"\n', "steps.speeches"),
    "misspelt.toml": ('[template]\nlabel = "x"\n[steps.review.fields.closing]\nlabl = "y"\n', "closing.labl"),
    "renamed.toml": ('[template]\nname = "other"\nlabel = "x"\n', "template.name"),
    "binary.toml": ("\x00\x01", "二进制"),
}


def test_broken_user_templates_are_reported_by_file_and_skipped(user_templates):
    for filename, (text, _) in BROKEN.items():
        (user_templates / filename).write_text(text, encoding="utf-8")
    found, problems = templates.available()
    assert [template.name for template in found] == ["exchange", "ceremony", "written", "pledge"]
    reported = {Path(problem.path).name: problem for problem in problems}
    assert set(reported) == set(BROKEN)
    for filename, (_, detail) in BROKEN.items():
        line = reported[filename].skipped_line()
        assert str(user_templates / filename) in line and detail in line and "已跳过" in line
        assert "\n" not in line


def test_a_broken_override_leaves_the_bundled_template_in_use(user_templates):
    (user_templates / "written.toml").write_text("[template]\nlabel = 3\n", encoding="utf-8")
    _found, problems = templates.available()
    assert len(problems) == 1 and templates.get("written").bundled


def test_unknown_template_lists_the_names_there_are():
    with pytest.raises(templates.UnknownTemplateError) as raised:
        templates.get("speech")
    assert "speech" in str(raised.value) and "exchange、ceremony、written、pledge" in str(raised.value)


def test_cli_unknown_template_is_a_one_line_usage_error(capsys):
    assert cli.main(["--template", "speech"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "exchange" in error and "pledge" in error


def test_cli_template_only_with_a_new_speech(capsys):
    assert cli.main(["--template", "written", "example"]) == 2
    assert "--template" in capsys.readouterr().err


def test_cli_hands_the_template_name_to_the_wizard(monkeypatch):
    seen = []
    monkeypatch.setattr(cli, "_wizard", lambda args: seen.append(args.template) or 0)
    assert cli.main(["--template", "written"]) == 0
    assert cli.main([]) == 0
    assert seen == ["written", None]


def test_cli_templates_lists_names_and_labels_and_reports_broken_ones(user_templates, capsys):
    (user_templates / "broken.toml").write_text("[template\n", encoding="utf-8")
    assert cli.main(["templates"]) == 0
    out, err = capsys.readouterr()
    assert [line.split()[0] for line in out.splitlines()] == ["exchange", "ceremony", "written", "pledge"]
    assert "学习心得交流发言" in out and "表态发言" in out
    assert "broken.toml" in err and "已跳过" in err


def test_a_template_nested_too_deep_is_reported_and_skipped(user_templates):
    (user_templates / "deep.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    found, problems = templates.available()
    assert [template.name for template in found] == ["exchange", "ceremony", "written", "pledge"]
    assert len(problems) == 1
    line = problems[0].skipped_line()
    assert "deep.toml" in line and "嵌套过深" in line and "已跳过" in line


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_fifo_is_named_and_skipped_without_being_read(user_templates):
    fifo = user_templates / "pipe.toml"
    os.mkfifo(fifo)
    result: list[tuple[list[templates.Template], list[templates.TemplateError]]] = []
    reader = threading.Thread(target=lambda: result.append(templates.available()), daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # blocked opening the pipe: give it an end of file so the thread ends
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=10)
        pytest.fail("templates.available() blocked on a named pipe")
    found, problems = result[0]
    assert [template.name for template in found] == ["exchange", "ceremony", "written", "pledge"]
    assert [Path(problem.path).name for problem in problems] == ["pipe.toml"]
    assert "不是普通文件" in problems[0].skipped_line()


def test_only_regular_files_under_the_size_limit_are_read(user_templates):
    (user_templates / "folder.toml").mkdir()
    big = '[template]\nlabel = "大"\ndescription = "' + "长" * 400_000 + '"\n'  # 1.2 MB of good TOML
    (user_templates / "big.toml").write_text(big, encoding="utf-8")
    (user_templates / "mine.toml").write_text('[template]\nlabel = "我的"\n', encoding="utf-8")
    try:
        (user_templates / "linked.toml").symlink_to(user_templates / "mine.toml")
    except OSError:  # no symbolic links for this user (Windows without developer mode)
        linked = []
    else:
        linked = ["linked"]
    found, problems = templates.available()
    assert [template.name for template in found] == ["exchange", "ceremony", "written", "pledge", *linked, "mine"]
    reported = {Path(problem.path).name: problem.skipped_line() for problem in problems}
    assert set(reported) == {"folder.toml", "big.toml"}
    assert "不是普通文件" in reported["folder.toml"]
    assert "文件过大（超过 1 MB）" in reported["big.toml"]


def _click_text(pilot, text: str):
    """Where ``text`` starts on the screen, as (column, row); it must be there."""
    for y, cells in enumerate(Shot(pilot.app).cells):
        for x in range(len(cells)):
            if "".join(cells[x:]).startswith(text):
                return x, y
    raise AssertionError(f"{text!r} is not on the screen")


@pytest.mark.parametrize("label", ["[/]坏标签", "[@click=app.quit]点我[/]"])
async def test_a_user_template_label_is_shown_literally_and_runs_nothing(label, home):
    folder = paths.templates_dir()
    (folder / "mine.toml").write_text(
        f"[template]\nlabel = {label!r}\ndescription = {'说明' + label!r}\n", encoding="utf-8"
    )
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        choice = app.screen.query_one("#template", Select)
        choice.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert choice.expanded and label in screen_text(pilot)
        await pilot.click(offset=_click_text(pilot, label))  # on the label, where a link would be
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.state.session.template == "mine"
        shown = screen_text(pilot)
        assert label in shown, "the chosen kind shows its label literally"
        assert "说明" + label in shown, "and its description"


async def test_switching_kinds_by_keyboard_keeps_focus_and_only_the_titles_the_user_typed(home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()

        async def choose(*moves: str) -> None:
            app.screen.query_one("#template", Select).focus()
            await pilot.press("enter", *moves, "enter")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()

        await choose("down", "down")  # exchange → written, which has a title
        assert app.state.session.template == "written"
        assert app.state.speech.title == "参加培训的学习心得体会"
        # The focus stays on the chooser: Tab goes on to the import button, then the course's name.
        assert app.focused is app.screen.query_one("#template")
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#import-document")
        await pilot.press("tab")
        assert getattr(app.focused, "path", None) == "training.name"
        # Back to the exchange speech, which has none: the title the written kind gave goes too.
        await choose("up", "up")
        assert app.state.session.template == "exchange" and app.state.speech.title == ""
        # A title the user typed stays, whatever the kind.
        app.state.speech.title = "我的标题"
        await choose("down", "down")
        assert app.state.session.template == "written" and app.state.speech.title == "我的标题"
