"""The system clipboard helper: the tool is called when present, its absence reported, never raised."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from wizard import clipboard

SPEECH = "各位领导、同志们：\n发言完毕，谢谢。\n"


class FakeTools:
    """Stands in for ``shutil.which`` and ``subprocess.run``: which tools exist and how they end."""

    def __init__(self, monkeypatch, present: dict[str, int | Exception]) -> None:
        self.present = present
        self.calls: list[tuple[list[str], bytes]] = []
        monkeypatch.setattr(clipboard.shutil, "which", lambda name: f"/usr/bin/{name}" if name in present else None)
        monkeypatch.setattr(clipboard.subprocess, "run", self.run)

    def run(self, args, *, input, stderr, **_kwargs):
        self.calls.append((args, input))
        outcome = self.present[Path(args[0]).name]
        if isinstance(outcome, Exception):
            raise outcome
        if outcome:
            stderr.write(b"Error: Can't open display: :0\n")
        return subprocess.CompletedProcess(args, outcome)


def test_xclip_is_called_with_the_text_when_present(monkeypatch) -> None:
    tools = FakeTools(monkeypatch, {"xclip": 0})
    result = clipboard.copy_text(SPEECH, platform="linux", environ={"DISPLAY": ":0"})
    assert (result.ok, result.tool) == (True, "xclip")
    assert result.message == "已复制到系统剪贴板（xclip）"
    assert tools.calls == [(["/usr/bin/xclip", "-selection", "clipboard"], SPEECH.encode("utf-8"))]


def test_wayland_prefers_wl_copy(monkeypatch) -> None:
    tools = FakeTools(monkeypatch, {"wl-copy": 0, "xclip": 0})
    result = clipboard.copy_text(SPEECH, platform="linux", environ={"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"})
    assert result.tool == "wl-copy"
    assert [call[0][0] for call in tools.calls] == ["/usr/bin/wl-copy"]


def test_a_failing_tool_falls_through_to_the_next(monkeypatch) -> None:
    FakeTools(monkeypatch, {"xclip": 1, "xsel": 0})
    result = clipboard.copy_text(SPEECH, platform="linux", environ={"DISPLAY": ":0"})
    assert (result.ok, result.tool) == (True, "xsel")


def test_every_tool_failing_is_reported_not_raised(monkeypatch) -> None:
    FakeTools(monkeypatch, {"xclip": 1, "xsel": PermissionError(13, "Permission denied")})
    result = clipboard.copy_text(SPEECH, platform="linux", environ={"DISPLAY": ":0"})
    assert not result.ok and result.tool == ""
    assert result.message == "xclip 复制失败（Error: Can't open display: :0）；xsel 无法运行（Permission denied）"


def test_a_hanging_tool_is_reported(monkeypatch) -> None:
    FakeTools(monkeypatch, {"pbcopy": subprocess.TimeoutExpired("pbcopy", clipboard.TIMEOUT)})
    result = clipboard.copy_text(SPEECH, platform="darwin", environ={})
    assert (result.ok, result.message) == (False, "pbcopy 没有响应")


def test_no_tool_at_all_is_a_chinese_reason(monkeypatch) -> None:
    tools = FakeTools(monkeypatch, {})
    result = clipboard.copy_text(SPEECH, platform="linux", environ={"DISPLAY": ":0"})
    assert not result.ok
    assert "找不到剪贴板工具" in result.message and "xclip" in result.message
    assert tools.calls == []


def test_tool_without_a_display_is_not_run(monkeypatch) -> None:
    tools = FakeTools(monkeypatch, {"xclip": 0, "wl-copy": 0})
    result = clipboard.copy_text(SPEECH, platform="linux", environ={})
    assert not result.ok and "没有图形界面" in result.message
    assert tools.calls == []


@pytest.mark.parametrize(("platform", "tool"), [("linux", "clip.exe"), ("win32", "clip")])
def test_clip_gets_utf16_so_chinese_survives(monkeypatch, platform: str, tool: str) -> None:
    tools = FakeTools(monkeypatch, {tool: 0})
    assert clipboard.copy_text(SPEECH, platform=platform, environ={}).tool == tool
    sent = tools.calls[0][1]
    assert sent[:2] == b"\xff\xfe" and sent.decode("utf-16") == SPEECH


def test_macos_uses_pbcopy(monkeypatch) -> None:
    FakeTools(monkeypatch, {"pbcopy": 0, "xclip": 0})
    assert clipboard.copy_text(SPEECH, platform="darwin", environ={"DISPLAY": ":0"}).tool == "pbcopy"


@pytest.mark.skipif(sys.platform == "win32", reason="uses a shell script as the fake tool")
def test_a_real_tool_that_stays_in_the_background_gets_the_text(tmp_path: Path, monkeypatch) -> None:
    """Like xclip, the fake leaves a child holding its output open: the copy must not wait for it.

    The child outlives the tool's time limit, so waiting on it would end in "没有响应".
    """
    received, child = tmp_path / "received", tmp_path / "child.pid"
    script = tmp_path / "xclip"
    script.write_text(
        f'#!/bin/sh\ncat > "{received}"\nsleep {clipboard.TIMEOUT * 6} &\necho $! > "{child}"\nexit 0\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", os.pathsep.join([str(tmp_path), "/usr/bin", "/bin"]))
    try:
        result = clipboard.copy_text(SPEECH, platform="linux", environ={"DISPLAY": ":0"})
    finally:
        if child.exists():
            os.kill(int(child.read_text()), signal.SIGTERM)
    assert (result.ok, result.tool) == (True, "xclip")
    assert received.read_text(encoding="utf-8") == SPEECH
