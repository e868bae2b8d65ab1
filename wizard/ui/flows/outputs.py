"""Getting the speech out of the wizard: copy it, export it, fix its typography.

Copy goes both ways at once: OSC 52 through the terminal (works over SSH) and
the system clipboard where a tool for it exists; a notification says which
worked. Exports are written off the event loop and reported the same way.
What each flow needs (python-docx, the clipboard tools) is imported when the
flow first runs: none of it is needed to show the first step.
"""

from __future__ import annotations

import asyncio
import copy as copying
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.storage import RecordError, write_atomic
from wizard.ui.dialogs.save_as import SaveAsDialog
from wizard.ui.flows.host import Host

if TYPE_CHECKING:
    from wizard.model import Speech

EXPORTS = {"docx": (".docx", "Word 文件"), "markdown": (".md", "Markdown 文件"), "text": (".txt", "纯文本文件")}


async def copy(host: Host) -> None:
    from wizard import clipboard

    text = host.state.speech_text()
    host.copy_to_clipboard(text)  # OSC 52: the terminal puts it on the clipboard
    result = await asyncio.to_thread(clipboard.copy_text, text)
    if result.ok:
        host.notify(f"已复制全文（{len(text.strip()):,} 字），系统剪贴板：{result.tool}", markup=False)
    else:
        message = f"已通过终端复制全文（OSC 52）；系统剪贴板未成功：{result.message}"
        host.notify(message, severity="warning", markup=False)


def _write(fmt: str, path: Path, speech: Speech) -> None:
    from wizard import export, house_style

    if fmt == "docx":
        # The unit's house style (settings.toml's [docx]); a bad value is a RecordError, shown.
        export.write_docx(speech, path, house_style.load())
    else:
        write_atomic(path, export.render(speech, fmt))


async def export_to_file(host: Host, fmt: str) -> None:
    """Ask where, then write the speech there as ``fmt`` (docx, markdown or text)."""
    session = host.state.session
    suffix, label = EXPORTS[fmt]
    base = session.path or session.output or Path(session.proposed_name())
    proposed = str(Path(base).with_suffix(suffix))
    path = await host.push_screen_wait(SaveAsDialog(proposed, question=f"导出为{label}：", suffix=suffix))
    if path is None:
        return
    if question := session.why_ask(path):
        from wizard.ui.dialogs.confirm import ConfirmDialog

        if not await host.push_screen_wait(ConfirmDialog(f"{question}\n要覆盖吗？", "覆盖", "取消", yes_first=False)):
            return
    try:
        # A copy: typing goes on while the file is written.
        await asyncio.to_thread(_write, fmt, path, copying.deepcopy(host.state.speech))
    except RecordError as error:
        host.notify(f"导出失败：{error}", severity="error", markup=False)
        return
    session.remember(path)
    host.notify(f"已导出：{path}", markup=False)


async def fix_typography(host: Host) -> None:
    """Show the mechanical punctuation fixes, and make them if the user agrees."""
    from wizard import typography
    from wizard.ui.dialogs.fix import FixDialog

    fixed, changes = typography.fix(host.state.speech)
    if not changes:
        host.notify("没有需要自动修正的标点。", markup=False)
        return
    if await host.push_screen_wait(FixDialog(changes)):
        host.state.replace_speech(fixed)
        host.reload_steps()
        host.notify(f"已修正 {len(changes)} 处。", markup=False)


async def compile_booklet(host: Host) -> None:
    """汇编…: the booklet dialog; the speech being written is not touched."""
    from wizard.ui.dialogs.booklet import BookletDialog

    session = host.state.session
    folder = session.path.parent if session.path is not None else Path.cwd()
    written = await host.push_screen_wait(BookletDialog(session.today, folder))
    if written is not None:
        host.notify(f"已生成汇编：{written}", markup=False)
