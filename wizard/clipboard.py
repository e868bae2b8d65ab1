"""Copy text to the system clipboard with whatever tool the machine has.

The wizard copies the speech two ways: OSC 52 through the terminal (Textual's
``copy_to_clipboard``, which many terminals ignore) and, here, the desktop's
own clipboard tool: pbcopy on macOS, clip on Windows and WSL, wl-copy under
Wayland, xclip or xsel under X11. Copying is best effort, so this never
raises: it says which tool worked, or in Chinese why none could.

The tools are run directly rather than through pyperclip: pyperclip hands
clip.exe UTF-8 (Chinese arrives garbled), prefers Qt/GTK bindings when they
happen to be installed, and does not say which mechanism it used.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass

#: Seconds a tool may take; clipboard tools that serve the selection fork and return at once.
TIMEOUT = 5


@dataclass(frozen=True)
class Tool:
    """A clipboard command, the encoding it reads, and the session it needs."""

    name: str
    args: tuple[str, ...]
    encoding: str = "utf-8"
    needs: str = ""  # an environment variable that must be set (a display)


# clip reads UTF-16 with a byte-order mark as Unicode; other encodings go through the code page.
_MAC = (Tool("pbcopy", ()),)
_WINDOWS = (Tool("clip", (), "utf-16"),)
_WSL = (Tool("clip.exe", (), "utf-16"),)
_UNIX = (
    Tool("wl-copy", (), needs="WAYLAND_DISPLAY"),
    Tool("xclip", ("-selection", "clipboard"), needs="DISPLAY"),
    Tool("xsel", ("--clipboard", "--input"), needs="DISPLAY"),
)


@dataclass(frozen=True)
class CopyResult:
    """``ok`` and the ``tool`` that worked, or ``ok=False`` and why not; ``message`` is for the user."""

    ok: bool
    tool: str
    message: str


def candidates(platform: str = sys.platform) -> tuple[Tool, ...]:
    """The tools worth trying on this platform, in order of preference."""
    if platform == "darwin":
        return _MAC
    if platform == "win32":
        return _WINDOWS
    return _WSL + _UNIX  # clip.exe is on the PATH only inside WSL


def _attempt(tool: Tool, path: str, text: str) -> str:
    """Run one tool; "" on success, else a reason in Chinese."""
    # Output goes to a file, not a pipe: wl-copy, xclip and xsel leave a child
    # serving the clipboard that would hold a pipe open and hang the wait.
    with tempfile.TemporaryFile() as errors:
        try:
            done = subprocess.run(
                [path, *tool.args],
                input=text.encode(tool.encoding),
                stdout=subprocess.DEVNULL,
                stderr=errors,
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return f"{tool.name} 没有响应"
        except OSError as error:
            return f"{tool.name} 无法运行（{error.strerror or error}）"
        if done.returncode == 0:
            return ""
        errors.seek(0)
        detail = errors.read().decode("utf-8", "replace").strip().splitlines()
        return f"{tool.name} 复制失败（{detail[0] if detail else f'退出码 {done.returncode}'}）"


def _unavailable(platform: str, wanting_screen: list[str]) -> str:
    if wanting_screen:
        return "没有图形界面（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法使用系统剪贴板"
    if platform == "darwin":
        return "找不到 pbcopy，无法使用系统剪贴板"
    if platform == "win32":
        return "找不到 clip 命令，无法使用系统剪贴板"
    return "找不到剪贴板工具（可安装 wl-clipboard、xclip 或 xsel）"


def copy_text(text: str, *, platform: str = sys.platform, environ: Mapping[str, str] | None = None) -> CopyResult:
    """Put ``text`` on the system clipboard with the first tool that works. Never raises."""
    environ = os.environ if environ is None else environ
    reasons: list[str] = []
    wanting_screen: list[str] = []
    for tool in candidates(platform):
        try:
            path = shutil.which(tool.name)
        except OSError:
            path = None
        if path is None:
            continue
        if tool.needs and not environ.get(tool.needs):
            wanting_screen.append(tool.name)
            continue
        try:
            reason = _attempt(tool, path, text)
        except Exception as error:  # best effort: a clipboard must never take the wizard down
            reason = f"{tool.name} 出错（{error}）"
        if not reason:
            return CopyResult(True, tool.name, f"已复制到系统剪贴板（{tool.name}）")
        reasons.append(reason)
    if reasons:
        return CopyResult(False, "", "；".join(reasons))
    return CopyResult(False, "", _unavailable(platform, wanting_screen))
