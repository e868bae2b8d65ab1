"""The wizard never replaces a file it did not write without asking: beside the record, exports, a deleted record."""

from __future__ import annotations

import shutil
import stat

from textual.widgets import Input

from tests.ui.conftest import QUICK, TODAY, click, demo_app, screen_text, text_in
from wizard import storage
from wizard.data_files import example_path
from wizard.session import Session
from wizard.ui.dialogs.confirm import ConfirmDialog
from wizard.ui.run import make_app


async def test_saving_beside_someone_elses_notes_asks_first(private_home):
    notes = private_home / "笔记.txt"
    notes.write_text("my own notes", encoding="utf-8")
    app = demo_app(output=private_home / "笔记.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert f"文件已存在：{notes}" in text_in(pilot, ".dialog-question")
        await pilot.press("enter")  # the safe answer, another name
        await pilot.pause()
        app.screen.query_one("#save-path", Input).value = str(private_home / "发言.toml")
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value is not None and app.return_value.path == private_home / "发言.toml"
    assert notes.read_text(encoding="utf-8") == "my own notes"


async def export_word(pilot, path) -> None:
    await click(pilot, "#export-docx")
    pilot.app.screen.query_one("#save-path", Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()


async def test_exporting_over_a_hand_edited_word_file_asks_first(private_home):
    word = private_home / "rec.docx"
    word.write_bytes(b"hand-edited")
    app = demo_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        app.go_to("review")
        await pilot.pause()
        await export_word(pilot, word)
        assert isinstance(app.screen, ConfirmDialog) and f"文件已存在：{word}" in text_in(pilot, ".dialog-question")
        await pilot.press("enter")  # 取消, the safe answer
        await app.workers.wait_for_complete()
        assert word.read_bytes() == b"hand-edited"
        # Replaced on purpose, it is the wizard's own: exporting again does not ask.
        await export_word(pilot, word)
        await click(pilot, "#yes")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert word.read_bytes()[:2] == b"PK" and "已导出" in screen_text(pilot)
        await export_word(pilot, word)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        # Changed by someone else since: asks again.
        word.write_bytes(b"edited again")
        await export_word(pilot, word)
        assert isinstance(app.screen, ConfirmDialog) and "被其他程序修改过" in text_in(pilot, ".dialog-question")


async def test_a_record_deleted_under_the_wizard_is_not_silently_made_anew(private_home):
    record = private_home / "speech.toml"
    shutil.copyfile(example_path(), record)
    app = make_app(Session(storage.load(record), TODAY, path=record), **QUICK)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        record.unlink()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert f"文件在打开之后被删除了：{record}" in text_in(pilot, ".dialog-question")
        await click(pilot, "#yes")  # 覆盖: yes, write it here
        await pilot.pause()
    assert app.return_value is not None and record.is_file()


async def test_a_record_saved_from_the_wizard_follows_the_umask(private_home):
    import os

    old = os.umask(0o022)
    try:
        app = demo_app(output=private_home / "shared.toml")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("ctrl+s")
            await pilot.pause()
    finally:
        os.umask(old)
    for name in ("shared.toml", "shared.txt"):
        assert stat.S_IMODE((private_home / name).stat().st_mode) == 0o644, name
