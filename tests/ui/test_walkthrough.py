"""A new speech written from the first step to the saved file, as a user would."""

from __future__ import annotations

import tomllib

from textual.widgets import Input

from tests.ui.conftest import click, click_tab, new_app, paste_into, save_anyway, screen_text, widget_for
from wizard import storage
from wizard.assemble import render_text


async def test_new_speech_through_every_step_then_saved_with_ctrl_s(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        # 1. 培训概况
        await paste_into(pilot, "training.name", "青年干部能力提升培训班")
        await paste_into(pilot, "training.note", "第三期")
        await paste_into(pilot, "training.start", "２０２６年１１月２８日")  # full-width digits
        await paste_into(pilot, "training.end", "12月2日")
        await paste_into(pilot, "training.organisers", "市委组织部\n市委党校")
        await paste_into(pilot, "training.activities", "现场教学")
        await pilot.press("f3")
        # 2. 课程内容: a new speech starts with one group, verb filled in
        assert widget_for(pilot, "courses[0].verb").value == "深入学习了"
        await paste_into(pilot, "courses[0].items", "党的二十大精神\n“四下基层”工作方法")
        await paste_into(pilot, "courses[0].tail", "等重点内容")
        await pilot.press("f3")
        # 3. 学习体会
        await paste_into(pilot, "sections[0].heading", "坚持学思结合，把理论学习引向深入")
        await paste_into(pilot, "sections[0].points[0].lead", "在学懂弄通中筑牢思想根基")
        await paste_into(pilot, "sections[0].points[0].body", "通过系统学习，我对新时代党的创新理论有了更深的理解。")
        await pilot.press("f3")
        # 4. 下一步打算 (the exchange template has two reflection sections; the
        # second is left blank, so the speech leaves it out of the numbering)
        await paste_into(pilot, "sections[2].heading", "坚持知行合一，把学习成果转化为工作实效")
        await paste_into(pilot, "sections[2].points[0].lead", "要在服务群众中践行初心。")
        await paste_into(pilot, "sections[2].points[0].body", "把所学所悟落实到窗口服务的每一个环节。")
        # Back to the first step: the course name gets corrected.
        await click_tab(pilot, "training")
        await pilot.pause()
        assert widget_for(pilot, "training.note").value == "第三期", "an answer was lost by moving around"
        await paste_into(pilot, "training.name", "青年干部履职能力提升培训班")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # A new speech has no file yet: the dialog proposes one in the current folder.
        proposed = app.screen.query_one("#save-path", Input)
        assert proposed.value == "2026-11-28-青年干部履职能力提升培训班.toml"
        await pilot.press("enter")
        await pilot.pause()
    result = app.return_value
    assert result is not None, "Ctrl+S did not finish the wizard"
    saved = private_home / "2026-11-28-青年干部履职能力提升培训班.toml"
    assert result.path == saved
    data = tomllib.loads(saved.read_text(encoding="utf-8"))
    assert data["training"]["name"] == "青年干部履职能力提升培训班"
    assert str(data["training"]["start"]) == "2026-11-28"
    assert data["training"]["organisers"] == ["市委组织部", "市委党校"]
    assert data["courses"][0]["items"] == ["党的二十大精神", "“四下基层”工作方法"]
    assert [section["kind"] for section in data["sections"]] == ["reflection", "reflection", "action"]
    # The printed speech is exactly what `render` makes of the saved file.
    assert result.text == render_text(storage.load(saved))
    # …and the text is kept beside the record, so it can always be found.
    assert saved.with_suffix(".txt").read_text(encoding="utf-8") == result.text
    assert result.text.splitlines() == [
        "各位领导、同志们：",
        "11月28日—12月2日，参加了为期5天的青年干部履职能力提升培训班（第三期）学习。"
        "本次培训，市委组织部、市委党校等单位的领导带领我们深入学习了党的二十大精神、“四下基层”工作方法等重点内容，"
        "并围绕相关专题进行了现场教学，深受启发，获益颇丰。",
        "一、坚持学思结合，把理论学习引向深入",
        "在学懂弄通中筑牢思想根基。通过系统学习，我对新时代党的创新理论有了更深的理解。",
        "二、坚持知行合一，把学习成果转化为工作实效",
        "要在服务群众中践行初心。把所学所悟落实到窗口服务的每一个环节。",
        "发言完毕，谢谢。",
    ]


async def test_preview_follows_typing(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "乡村振兴专题研讨班")
        assert "参加了乡村振兴专题研讨班学习。" in screen_text(pilot)


async def test_saving_to_an_existing_other_file_asks_first(private_home):
    existing = private_home / "taken.toml"
    existing.write_text("keep me", encoding="utf-8")
    app = new_app(output=existing)
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "测试班")
        await save_anyway(pilot)  # an unfinished speech: saved when the user says so
        await pilot.pause()
        assert "文件已存在" in screen_text(pilot)
        # Enter takes the safe choice (another name), which opens the file dialog.
        await pilot.press("enter")
        await pilot.pause()
        assert existing.read_text(encoding="utf-8") == "keep me"
        field = app.screen.query_one("#save-path", Input)
        field.value = str(private_home / "other.toml")
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value is not None
    assert (private_home / "other.toml").is_file()
    assert existing.read_text(encoding="utf-8") == "keep me"


async def test_ctrl_s_with_an_open_error_names_it_and_asks_first(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.start", "2026-11-28")
        await paste_into(pilot, "training.end", "2026-11-20")  # before the start: an error
        app.go_to("review")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = screen_text(pilot)
        assert "仍然保存" in shown and "返回修改" in shown
        assert "请填写培训班名称" in shown, "the first open error is named"
        # 返回修改 (the default, also Escape): back to the field of the first error, nothing saved.
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and app.return_value is None
        assert app.state.step == "training" and app.focused is widget_for(pilot, "training.name")
        # 仍然保存: on to choosing where to save.
        await pilot.press("ctrl+s")
        await pilot.pause()
        await click(pilot, "#yes")
        assert app.screen.query("#save-path")
