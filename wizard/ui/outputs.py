"""Getting the speech out of the wizard: copy it, export it, fix its typography.

Copy goes both ways at once: OSC 52 through the terminal (works over SSH) and
the system clipboard where a tool for it exists; a notification says which
worked. Exports are written in a thread and reported the same way.
What each action needs is imported when it is first used, not at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from wizard.storage import RecordError

if TYPE_CHECKING:
    from wizard.session import Session

EXPORTS = {"docx": (".docx", "Word 文件"), "markdown": (".md", "Markdown 文件"), "text": (".txt", "纯文本文件")}


class OutputsMixin:
    """Copy, export and fix actions of SpeechWizardApp."""

    session: Session

    def action_copy(self) -> None:
        text = self.speech_text()
        self.copy_to_clipboard(text)  # OSC 52: the terminal puts it on the clipboard
        self.run_worker(lambda: self._copy_to_system(text), thread=True, group="copy")

    def _copy_to_system(self, text: str) -> None:
        from wizard import clipboard

        result = clipboard.copy_text(text)
        if result.ok:
            message = f"已复制全文（{len(text.strip()):,} 字），系统剪贴板：{result.tool}"
            severity = "information"
        else:
            message = f"已通过终端复制全文（OSC 52）；系统剪贴板未成功：{result.message}"
            severity = "warning"
        self.call_from_thread(self.notify, message, severity=severity, markup=False)

    def action_export(self, fmt: str) -> None:
        from wizard.ui.dialogs.save_as import SaveAsDialog

        suffix, label = EXPORTS[fmt]
        base = self.session.path or self.session.output or Path(self.session.proposed_name())
        proposed = str(Path(base).with_suffix(suffix))
        dialog = SaveAsDialog(proposed, question=f"导出为{label}：", suffix=suffix)
        self.push_screen(dialog, lambda path: path and self._export_to(fmt, path))

    def _export_to(self, fmt: str, path: Path) -> None:
        speech = self.session.speech

        def write() -> None:
            from wizard import export

            try:
                if fmt == "docx":
                    export.write_docx(speech, path)
                else:
                    from wizard.storage import write_atomic

                    write_atomic(path, export.render(speech, fmt))
            except RecordError as error:
                self.call_from_thread(self.notify, f"导出失败：{error}", severity="error", markup=False)
                return
            self.call_from_thread(self.notify, f"已导出：{path}", markup=False)

        self.run_worker(write, thread=True, group="export")

    def action_fix_typography(self) -> None:
        from wizard import typography
        from wizard.ui.dialogs.fix import FixDialog

        fixed, changes = typography.fix(self.session.speech)
        if not changes:
            self.notify("没有需要自动修正的标点。", markup=False)
            return

        def chosen(apply: bool | None) -> None:
            if apply:
                self.session.speech = fixed
                self.session.changed()
                self.reload_forms()
                self.record_changed()
                self.notify(f"已修正 {len(changes)} 处。", markup=False)

        self.push_screen(FixDialog(changes), chosen)
