"""Saving can fail: the wizard says why in Chinese, keeps everything, and a second try works."""

from __future__ import annotations

import errno
import os

import pytest
from textual.widgets import Input

from tests.ui.conftest import QUICK, demo_app, draft_written, paste_into, screen_text
from wizard import drafts, storage


def disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def no_permission(*_args, **_kwargs):
    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))


CASES = {
    # name: (how to make it fail, where to save, words the message must contain)
    "missing folder": (None, "nowhere/sub/speech.toml", "文件夹不存在"),
    "name is a folder": (None, "a-folder.toml", "文件夹"),
    "unwritable folder": (("tempfile.mkstemp", no_permission), "speech.toml", "没有写入"),
    "disk full": (("os.fsync", disk_full), "speech.toml", "无法写入"),
}


@pytest.mark.parametrize("case", CASES)
async def test_a_failed_save_keeps_the_record_and_draft_and_asks_again(private_home, monkeypatch, case):
    breaker, target, words = CASES[case]
    (private_home / "a-folder.toml").mkdir()
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "保存失败也不丢")
        await draft_written(app)
        assert drafts.read(app.autosave.key).speech.training.name == "保存失败也不丢"
        if breaker:
            monkeypatch.setattr(breaker[0], breaker[1])
        await pilot.press("ctrl+s")
        await pilot.pause()
        field = app.screen.query_one("#save-path", Input)
        field.value = str(private_home / target)
        await pilot.press("enter")
        await pilot.pause()
        # Still running, the record as typed, a Chinese reason, and a dialog to try elsewhere.
        assert app.is_running and app.return_value is None
        assert app.state.session.speech.training.name == "保存失败也不丢"
        shown = screen_text(pilot)
        assert "保存失败" in shown and words in shown
        assert app.screen.query_one("#save-path", Input)
        assert drafts.read(app.autosave.key).speech.training.name == "保存失败也不丢", "the draft went"
        leftovers = [p for p in private_home.rglob(".*.tmp")]
        assert leftovers == [], "a failed save left a temporary file"
        monkeypatch.undo()
        monkeypatch.setenv("SPEECH_WIZARD_HOME", str(private_home / "home"))
        monkeypatch.chdir(private_home)
        good = private_home / "good.toml"
        app.screen.query_one("#save-path", Input).value = str(good)
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value is not None and app.return_value.path == good
    assert storage.load(good).training.name == "保存失败也不丢"


async def test_a_file_changed_by_someone_else_is_not_overwritten_without_asking(private_home):
    from tests.ui.conftest import TODAY
    from wizard.data_files import example_path
    from wizard.session import Session
    from wizard.ui.run import make_app

    record = private_home / "shared.toml"
    storage.save(storage.load(example_path()), record)
    app = make_app(Session(storage.load(record), TODAY, path=record), **QUICK)
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.note", "我改的")
        # Meanwhile another program (a colleague, a sync tool) changes the file.
        other = storage.load(record)
        other.training.note = "别人改的"
        storage.save(other, record)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "被其他程序修改过" in screen_text(pilot)
        assert storage.load(record).training.note == "别人改的"
        # Enter takes the safe choice: save under another name.
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#save-path", Input).value = str(private_home / "mine.toml")
        await pilot.press("enter")
        await pilot.pause()
    assert storage.load(record).training.note == "别人改的"
    assert storage.load(private_home / "mine.toml").training.note == "我改的"


async def test_saving_the_opened_file_again_does_not_ask(private_home):
    from tests.ui.conftest import TODAY
    from wizard.data_files import example_path
    from wizard.session import Session
    from wizard.ui.run import make_app

    record = private_home / "mine.toml"
    storage.save(storage.load(example_path()), record)
    app = make_app(Session(storage.load(record), TODAY, path=record), **QUICK)
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.note", "第九期")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.return_value is not None
    assert storage.load(record).training.note == "第九期"
