"""Getting the speech out from the review step: copy, export, fix, length."""

from __future__ import annotations

import docx
from textual.widgets import Input, Static

from tests.ui.conftest import click, demo_app, new_app, paste_into, screen_text
from wizard import clipboard
from wizard.assemble import render_text
from wizard.clipboard import CopyResult


async def test_copy_puts_the_speech_on_both_clipboards_and_says_so(private_home, monkeypatch):
    calls = []

    def fake_copy(text, **_kwargs):
        calls.append(text)
        return CopyResult(True, "xclip", "")

    monkeypatch.setattr(clipboard, "copy_text", fake_copy)
    app = demo_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.go_to("review")
        await pilot.pause()
        await click(pilot, "#copy")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == render_text(app.state.session.speech)  # OSC 52 went out with it
        assert calls == [app.clipboard]
        assert "系统剪贴板：xclip" in screen_text(pilot)


async def test_copy_without_a_system_clipboard_is_reported_not_raised(private_home, monkeypatch):
    monkeypatch.setattr(clipboard, "candidates", lambda platform=None: ())
    monkeypatch.setenv("PATH", str(private_home))  # no xclip, wl-copy, pbcopy…
    app = demo_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("f5")  # the key in the Footer works from any step
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert app.clipboard.startswith("各位领导、同志们：")
        assert "系统剪贴板未成功" in screen_text(pilot)


async def test_export_word_from_the_review_step(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.go_to("review")
        await pilot.pause()
        await click(pilot, "#export-docx")
        field = app.screen.query_one("#save-path", Input)
        assert field.value.endswith(".docx")
        field.value = str(private_home / "发言")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "已导出" in screen_text(pilot)
        lines = render_text(app.state.session.speech).splitlines()
    document = docx.Document(str(private_home / "发言.docx"))
    assert [p.text for p in document.paragraphs if p.text] == lines


async def test_fixer_shows_the_changes_then_applies_them_to_record_and_form(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await paste_into(pilot, "training.name", "青年干部培训班")
        await pilot.press("f3", "f3")
        await paste_into(pilot, "sections[0].heading", "学习体会")
        await paste_into(pilot, "sections[0].points[0].lead", "在学习中提高认识")
        await paste_into(pilot, "sections[0].points[0].body", '我认识到,要把"学"和"做"结合起来.')
        app.go_to("review")
        await pilot.pause()
        assert "半角" in screen_text(pilot) or any("半角" in p.message for p in app.state.problems())
        await click(pilot, "#fix-typography")
        shown = screen_text(pilot)
        assert "- " in shown and "+ " in shown and "应用修正" in shown
        await pilot.press("enter")
        await pilot.pause()
        body = app.state.session.speech.sections[0].points[0].body
        assert body == "我认识到，要把“学”和“做”结合起来。"
        app.go_to("reflections")
        await pilot.pause()
        from tests.ui.conftest import widget_for

        assert widget_for(pilot, "sections[0].points[0].body").text == body


async def test_review_shows_length_and_distance_from_the_target(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.go_to("review")
        await pilot.pause()
        select = app.screen.query_one("#layout-target_minutes")
        select.value = 5
        await pilot.pause()
        length = str(app.screen.query_one("#length", Static).render())
        assert "2,238 字，约 12.4 分钟" in length
        assert "比 5 分钟目标多 1,338 字" in length
        assert app.state.session.speech.layout.target_minutes == 5
