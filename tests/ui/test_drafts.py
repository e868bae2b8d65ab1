"""Drafts: written as you type, kept on every way out, offered back, removed by a save."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from textual.widgets import Button

from tests.ui.conftest import (
    QUICK,
    TODAY,
    draft_written,
    new_app,
    paste_into,
    save_anyway,
    screen_text,
    text_in,
    until,
    widget_for,
)
from wizard import drafts, storage
from wizard.data_files import example_path
from wizard.session import Session
from wizard.ui.run import make_app, new_speech


def own_draft(app):
    """The file the app keeps its draft in."""
    return drafts.path_for(app.autosave.key, create=False)


async def test_typing_reaches_the_draft_within_a_second(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "草稿测试班")
        await paste_into(pilot, "training.start", "2026-02-30")  # unreadable, but typed
        await draft_written(app)
        draft = drafts.read(app.autosave.key)
        assert draft is not None
        assert draft.speech.training.name == "草稿测试班"
        assert draft.date_texts["training.start"] == "2026-02-30"


async def test_a_successful_save_removes_the_draft(private_home):
    app = new_app(output=private_home / "done.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "保存后无草稿")
        await draft_written(app)
        assert own_draft(app).exists()
        await save_anyway(pilot)  # an unfinished speech: saved when the user says so
        await pilot.pause()
    assert app.return_value is not None
    assert not own_draft(app).exists()


async def test_quitting_with_changes_keeps_the_draft_and_says_so(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "退出也保留")
        await pilot.press("ctrl+q")  # at once: no time for the timer to fire
        await pilot.pause()
        assert "草稿已保存" in screen_text(pilot)
        await pilot.click("#yes")
        await pilot.pause()
    assert drafts.read(app.autosave.key).speech.training.name == "退出也保留"


async def test_ctrl_c_outside_a_field_is_quit(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "按了 Ctrl+C")
        app.screen.set_focus(None)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert "有尚未保存的修改" in screen_text(pilot)
    assert drafts.read(app.autosave.key).speech.training.name == "按了 Ctrl+C"


def write_draft(name: str, kind: str = "new", token: str = "0a0b0c0d", pid: int | None = None):
    """A draft left behind by a wizard; held by the process ``pid`` if given, else by no one."""
    speech = new_speech()
    speech.training.name = name
    key = f"{kind}-{token}"
    drafts.write(key, drafts.dumps(speech, None, {"training.start": "11月31日"}))
    if pid is not None:
        drafts.path_for(key).with_suffix(".lock").write_text(str(pid), encoding="ascii")
    return drafts.path_for(key)


def _finished_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


async def test_a_new_speech_offers_the_draft_and_enter_resumes(private_home):
    left = write_draft("上次没写完的培训班", pid=_finished_pid())  # its wizard was killed
    app = make_app(Session(new_speech(), TODAY), **QUICK, offer_drafts=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(pilot)
        assert "恢复上次未完成的草稿？" in text
        assert "上次没写完的培训班" in text and "最后修改" in text
        assert app.focused is app.screen.query_one("#yes", Button)
        await pilot.press("enter")
        await pilot.pause()
        assert widget_for(pilot, "training.name").value == "上次没写完的培训班"
        assert widget_for(pilot, "training.start").value == "11月31日"
        assert "没有这一天" in screen_text(pilot)
        # The wizard carries on in the draft it resumed, and holds it now.
        assert own_draft(app) == left
        assert left.with_suffix(".lock").read_text(encoding="ascii") == str(os.getpid())


async def test_discarding_the_draft_starts_afresh(private_home):
    left = write_draft("不要了")
    app = make_app(Session(new_speech(), TODAY), **QUICK, offer_drafts=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#no")
        await pilot.pause()
        assert widget_for(pilot, "training.name").value == ""
    assert not left.exists()


async def test_every_orphaned_draft_is_offered_newest_first_and_a_running_wizards_is_not(private_home):
    older = write_draft("甲方培训班", token="00000001", pid=_finished_pid())
    newer = write_draft("乙方培训班", token="00000002")
    later = time.time() + 5
    os.utime(newer, (later, later))
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        held = write_draft("丙方培训班", token="00000003", pid=running.pid)  # another wizard is writing it
        app = make_app(Session(new_speech(), TODAY), **QUICK, offer_drafts=True)
        assert [draft.path for draft in app.resume] == [newer, older]
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            text = screen_text(pilot)
            assert "有 2 份未完成的草稿" in text
            assert text.index("乙方培训班") < text.index("甲方培训班") and "丙方培训班" not in text
            # Resume the older one: the newer stays, for the next wizard.
            await pilot.press("down")
            await pilot.press("enter")
            await pilot.pause()
            assert widget_for(pilot, "training.name").value == "甲方培训班"
        assert newer.exists() and held.exists()
    finally:
        running.kill()
        running.wait()


async def test_two_wizards_never_share_a_draft_and_a_save_removes_only_its_own(private_home):
    first = new_app(output=private_home / "first.toml")
    second = new_app()
    assert first.autosave.key != second.autosave.key
    async with first.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "甲方培训班")
        await draft_written(first)
        async with second.run_test(size=(120, 40)) as other:
            await paste_into(other, "training.name", "乙方培训班")
            await draft_written(second)
        await save_anyway(pilot)  # an unfinished speech: saved when the user says so
        await pilot.pause()
    assert first.return_value is not None and not own_draft(first).exists()
    assert drafts.read(second.autosave.key).speech.training.name == "乙方培训班"


async def test_edit_offers_a_draft_only_when_it_is_newer_than_the_file(private_home):
    record = private_home / "speech.toml"
    storage.save(storage.load(example_path()), record)
    kind = drafts.kind_for("edit", record)
    write_draft("草稿里的名称", kind)
    old = time.time() - 3600
    os.utime(record, (old, old))
    app = make_app(Session(storage.load(record), TODAY, path=record), kind=kind, offer_drafts=True)
    assert [draft.speech.training.name for draft in app.resume] == ["草稿里的名称"]
    # A file saved after the draft was written wins: no offer.
    storage.save(storage.load(record), record)
    later = time.time() + 60
    os.utime(record, (later, later))
    app = make_app(Session(storage.load(record), TODAY, path=record), kind=kind, offer_drafts=True)
    assert app.resume == []


async def test_an_unreadable_draft_is_set_aside_not_deleted_and_said(private_home):
    drafts.path_for("new-0a0b0c0d").write_text("[record\nbroken", encoding="utf-8")
    app = make_app(Session(new_speech(), TODAY), **QUICK, offer_drafts=True)
    assert app.resume == []
    kept = list(drafts.drafts_dir().glob("new-0a0b0c0d.unreadable-*.toml"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "[record\nbroken"
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        # The toast names the file: a long path wraps the message over several rows.
        assert await until(pilot, lambda: bool(app.screen.query("Toast")) and "草稿无法读取" in text_in(pilot, "Toast"))
