"""Quitting, the command palette, and what the command line prints when the wizard finishes."""

from __future__ import annotations

import argparse

import pytest
from textual.command import CommandPalette

from tests.ui.conftest import TODAY, demo_app, new_app, paste_into, screen_text
from wizard import storage
from wizard.assemble import render_text
from wizard.ui import run


async def test_quit_with_nothing_changed_leaves_at_once(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value is None
    assert not app.is_running


async def test_quit_with_unsaved_changes_asks_and_can_go_back(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "某培训班")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert "有尚未保存的修改" in screen_text(pilot)
        # The focused choice is the safe one: Enter keeps editing.
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert app.state.session.speech.training.name == "某培训班"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
    assert app.return_value is None


async def test_command_palette_offers_each_step_and_save(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("4")  # only "第4步：下一步打算" has a 4 in it
        await pilot.pause(0.5)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.state.step == "actions"
        commands = [command.title for command in app.get_system_commands(app.screen)]
        assert [title for title in commands if title.startswith("第")] == [
            "第1步：培训概况",
            "第2步：课程内容",
            "第3步：学习体会",
            "第4步：下一步打算",
            "第5步：预览与保存",
        ]
        assert "保存并完成" in commands and "显示/隐藏预览" in commands


def test_finishing_prints_the_speech_and_where_it_was_saved(private_home, monkeypatch, capfdbinary):
    """run_wizard prints exactly `render` of the saved file on stdout, one line on stderr."""
    target = private_home / "out.toml"

    def fake_run(self):
        # What Ctrl+S does in the real app: save the session, return the text.
        from wizard.ui.app import Finished

        return Finished(target, self.state.session.save(target))

    from wizard.ui.app import SpeechWizardApp

    monkeypatch.setattr(SpeechWizardApp, "run", fake_run)
    status = run.run_wizard(argparse.Namespace(command="demo", output=str(target), template=None))
    captured = capfdbinary.readouterr()
    assert status == 0
    assert captured.out.decode("utf-8") == render_text(storage.load(target))
    assert captured.err.decode("utf-8").strip() == f"已保存：{target}（全文另存为 {target.with_suffix('.txt')}）"
    assert target.with_suffix(".txt").read_text(encoding="utf-8") == captured.out.decode("utf-8")


def test_edit_of_a_broken_file_is_one_line_and_no_wizard(private_home, run_cli):
    broken = private_home / "broken.toml"
    broken.write_text("schema_version = 1\n[training\n", encoding="utf-8")
    done = run_cli("edit", str(broken))
    assert done.status == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert str(broken) in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("command", ["edit", "demo"])
def test_sessions_from_the_command_line(private_home, command):
    path = private_home / "rec.toml"
    storage.save(storage.load(run.example_path()), path)
    args = argparse.Namespace(command=command, file=str(path), output=None, template=None)
    session = run.make_session(args, TODAY)
    assert session.speech.training.name == "组织部门年轻干部专题研讨班"
    assert session.save_target() == (path if command == "edit" else None)


async def test_the_command_palette_speaks_chinese(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        footer = screen_text(pilot).splitlines()[-1]
        assert "命令" in footer and "palette" not in footer
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for english in ("Keys", "Maximize", "Minimize", "Screenshot", "Theme", "Quit"):
            assert english not in titles
        # Every command reads as Chinese (Word and Markdown are names).
        assert all(any("\u4e00" <= char <= "\u9fff" for char in title) for title in titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert "输入命令名称搜索" in screen_text(pilot) and "Search for commands" not in screen_text(pilot)
