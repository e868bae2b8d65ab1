"""Drafts: written as you type, kept on every way out, offered back, removed by a save."""

from __future__ import annotations

import os
import time

from textual.widgets import Button

from tests.ui.conftest import QUICK, TODAY, draft_written, new_app, paste_into, screen_text, widget_for
from wizard import drafts, storage
from wizard.data_files import example_path
from wizard.session import Session
from wizard.ui.run import make_app, new_speech


def draft_file(key: str = "new"):
    return drafts.path_for(key, create=False)


async def test_typing_reaches_the_draft_within_a_second(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "草稿测试班")
        await paste_into(pilot, "training.start", "2026-02-30")  # unreadable, but typed
        await draft_written(app)
        draft = drafts.read("new")
        assert draft is not None
        assert draft.speech.training.name == "草稿测试班"
        assert draft.date_texts["training.start"] == "2026-02-30"


async def test_a_successful_save_removes_the_draft(private_home):
    app = new_app(output=private_home / "done.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "保存后无草稿")
        await draft_written(app)
        assert draft_file().exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.return_value is not None
    assert not draft_file().exists()


async def test_quitting_with_changes_keeps_the_draft_and_says_so(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "退出也保留")
        await pilot.press("ctrl+q")  # at once: no time for the timer to fire
        await pilot.pause()
        assert "草稿已保存" in screen_text(pilot)
        await pilot.click("#yes")
        await pilot.pause()
    assert drafts.read("new").speech.training.name == "退出也保留"


async def test_ctrl_c_outside_a_field_is_quit(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "按了 Ctrl+C")
        app.screen.set_focus(None)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert "有尚未保存的修改" in screen_text(pilot)
    assert drafts.read("new").speech.training.name == "按了 Ctrl+C"


def write_draft(name: str, key: str = "new") -> None:
    speech = new_speech()
    speech.training.name = name
    drafts.write(key, drafts.dumps(speech, None, {"training.start": "11月31日"}))


async def test_a_new_speech_offers_the_draft_and_enter_resumes(private_home):
    write_draft("上次没写完的培训班")
    app = make_app(Session(new_speech(), TODAY), **QUICK, offer_draft=True)
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


async def test_discarding_the_draft_starts_afresh(private_home):
    write_draft("不要了")
    app = make_app(Session(new_speech(), TODAY), **QUICK, offer_draft=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#no")
        await pilot.pause()
        assert widget_for(pilot, "training.name").value == ""
    assert not draft_file().exists()


async def test_edit_offers_a_draft_only_when_it_is_newer_than_the_file(private_home):
    record = private_home / "speech.toml"
    storage.save(storage.load(example_path()), record)
    key = drafts.key_for("edit", record)
    write_draft("草稿里的名称", key)
    old = time.time() - 3600
    os.utime(record, (old, old))
    app = make_app(Session(storage.load(record), TODAY, path=record), draft_key=key, offer_draft=True)
    assert app.resume is not None and app.resume.speech.training.name == "草稿里的名称"
    # A file saved after the draft was written wins: no offer.
    storage.save(storage.load(record), record)
    later = time.time() + 60
    os.utime(record, (later, later))
    app = make_app(Session(storage.load(record), TODAY, path=record), draft_key=key, offer_draft=True)
    assert app.resume is None


def test_an_unreadable_draft_is_set_aside_not_deleted(private_home, capsys):
    drafts.path_for("new").write_text("[record\nbroken", encoding="utf-8")
    app = make_app(Session(new_speech(), TODAY), offer_draft=True)
    assert app.resume is None
    kept = list(drafts.drafts_dir().glob("new.unreadable-*.toml"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "[record\nbroken"
    assert "草稿无法读取" in capsys.readouterr().err
