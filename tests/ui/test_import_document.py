"""从已有文稿导入 in the wizard: a file or pasted text, the report first, then the speech replaced."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, TextArea

from tests.ui.conftest import click, new_app, paste_into, screen_text, text_in, until, widget_for
from wizard import storage
from wizard.assemble import render_text
from wizard.docx_export import docx_bytes

SHAPES = Path(__file__).parent.parent / "fixtures" / "shapes"


async def open_dialog(pilot) -> None:
    await click(pilot, "#import-document")
    assert await until(pilot, lambda: pilot.app.screen.query("#import-text-dialog"))


async def test_pasted_text_is_recognised_shown_then_replaces_the_speech(private_home):
    text = (SHAPES / "p2.txt").read_text(encoding="utf-8")
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert "从已有文稿导入…" in [command.title for command in app.get_system_commands(app.screen)]
        await paste_into(pilot, "training.name", "将被替换的培训班")
        await open_dialog(pilot)
        area = app.screen.query_one("#import-text", TextArea)
        area.focus()
        area.insert(text)
        await click(pilot, "#import-recognise")
        report = text_in(pilot, "#import-report")
        assert "标题块：标题、副标题、发言人" in report and "结束语：2 段" in report
        # Nothing is replaced until asked.
        assert app.state.speech.training.name == "将被替换的培训班"
        await click(pilot, "#yes")
        assert await until(pilot, lambda: not app.screen.query("#import-text-dialog"))
        assert app.state.speech_text() == text
        # Every step shows the record that came in.
        assert widget_for(pilot, "training.name").value == "市委党校第八期中青年干部培训班"
        app.go_to("reflections")
        await pilot.pause()
        assert widget_for(pilot, "sections[0].heading").value == "理论功底更加扎实"
        assert "（一）读原著学原文更加系统。" in screen_text(pilot)


async def test_a_word_file_by_its_path_and_a_file_that_cannot_be_read(private_home, tmp_path):
    speech = storage.load(SHAPES / "p1.toml")
    (tmp_path / "p1.docx").write_bytes(docx_bytes(speech))
    (tmp_path / "坏.docx").write_bytes(b"not a word file")
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.state.speech_text()
        await open_dialog(pilot)
        await paste_into_input(pilot, str(tmp_path / "坏.docx"))
        await click(pilot, "#import-read")
        assert "Word（.docx）文件" in text_in(pilot, "#import-report")
        assert app.screen.query_one("#yes", Button).disabled
        await paste_into_input(pilot, str(tmp_path / "p1.docx"))
        await pilot.press("enter")
        assert await until(pilot, lambda: not app.screen.query_one("#yes", Button).disabled)
        # Cancelled: nothing changes.
        await pilot.press("escape")
        await pilot.pause()
        assert app.state.speech_text() == before
        await open_dialog(pilot)
        await paste_into_input(pilot, str(tmp_path / "p1.docx"))
        await click(pilot, "#import-read")
        assert await until(pilot, lambda: not app.screen.query_one("#yes", Button).disabled)
        await click(pilot, "#yes")
        assert await until(pilot, lambda: app.state.speech_text() == render_text(speech))
        assert app.state.session.date_texts["signature.date"] == "2026-05-15"


async def paste_into_input(pilot, text: str) -> None:
    field = pilot.app.screen.query_one("#import-path")
    field.value = text
    field.focus()
    await pilot.pause()
