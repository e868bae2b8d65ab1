"""A second wizard on a file another wizard has open: it says so, and offers to read it or copy it."""

from __future__ import annotations

import subprocess
import sys

from textual.widgets import Input

from tests.ui.conftest import QUICK, TODAY, screen_text, widget_for
from wizard import drafts, storage
from wizard.data_files import example_path
from wizard.session import Session
from wizard.ui.run import make_app


def opened(record):
    return Session(storage.load(record), TODAY, path=record)


def test_the_file_lock_is_refused_while_another_wizard_runs_and_taken_after(private_home):
    record = private_home / "speech.toml"
    storage.save(storage.load(example_path()), record)
    lock = drafts.open_file_lock(record)
    assert lock is not None
    holder = lock.path
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        holder.write_text(str(other.pid), encoding="ascii")  # as if that process had opened it
        assert drafts.open_file_lock(record) is None
    finally:
        other.kill()
        other.wait()
    again = drafts.open_file_lock(record)  # its wizard is gone: the lock is taken over
    assert again is not None
    again.release()
    assert not holder.exists()


async def test_read_only_shows_the_record_and_changes_and_saves_nothing(private_home):
    record = private_home / "speech.toml"
    storage.save(storage.load(example_path()), record)
    before = record.read_bytes()
    app = make_app(opened(record), **QUICK, in_use=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "正在另一个向导中编辑" in screen_text(pilot)
        await pilot.press("enter")  # 只读打开, the default
        await pilot.pause()
        name = widget_for(pilot, "training.name")
        assert name.disabled and name.value == "组织部门年轻干部专题研讨班"
        app.go_to("reflections")
        await pilot.pause()
        assert widget_for(pilot, "sections[0].points[0].body").read_only
        assert all(button.disabled for button in app.screen.query(".item-button"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and app.return_value is None
    assert record.read_bytes() == before
    assert not list(drafts.drafts_dir().glob("edit-*.toml")), "a read-only view keeps no draft"


async def test_a_copy_is_saved_under_a_new_name(private_home):
    record = private_home / "speech.toml"
    storage.save(storage.load(example_path()), record)
    before = record.read_bytes()
    app = make_app(opened(record), **QUICK, in_use=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#answer-copy")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        path = app.screen.query_one("#save-path", Input)
        path.value = str(private_home / "copy.toml")
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value is not None and app.return_value.path == private_home / "copy.toml"
    assert record.read_bytes() == before


async def test_quitting_leaves_the_file_to_the_other_wizard(private_home):
    record = private_home / "speech.toml"
    storage.save(storage.load(example_path()), record)
    app = make_app(opened(record), **QUICK, in_use=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#answer-quit")
        await pilot.pause()
    assert app.return_value is None
