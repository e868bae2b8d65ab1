"""Saving from the wizard: where to, asking before overwriting, and what a failure says.

``edit FILE`` saves to FILE and ``-o FILE`` there; otherwise a dialog asks,
proposing a name. Overwriting another existing file asks first, and so does
overwriting the opened file when something else changed it since it was read.
A failed save says why in Chinese and asks for another place: the record and
its draft stay as they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from wizard.storage import RecordError

if TYPE_CHECKING:
    from wizard.session import Session
    from wizard.ui.autosave import Autosaver


class Finished(NamedTuple):
    """What the app returns when the user saves and finishes (a NamedTuple: made at
    start-up, it costs 0.1 ms where a frozen dataclass cost 0.7)."""

    path: Path
    text: str


class SavingMixin:
    """The save actions of SpeechWizardApp (kept apart to keep the app readable)."""

    session: Session
    autosave: Autosaver

    def action_save(self) -> None:
        blocking = self.session.blocking_problems()
        if blocking:
            path, message = next(iter(blocking.items()))
            self.notify(f"还不能保存：{message}", severity="error", markup=False)
            self.goto("training", focus=path)
            return
        target = self.session.save_target()
        if target is None:
            self.ask_path()
        else:
            self.save_to(target)

    def ask_path(self, message: str = "") -> None:
        from wizard.ui.dialogs.save_as import SaveAsDialog

        proposed = str(self.session.save_target() or self.session.proposed_name())
        self.push_screen(SaveAsDialog(proposed, message), self._path_chosen)

    def _path_chosen(self, path: Path | None) -> None:
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> None:
        """Save to ``path``, asking first before overwriting a file other than the one opened."""
        if self.session.is_opened_file(path):
            if self.session.changed_on_disk():
                question = f"文件在打开之后被其他程序修改过：{path}\n仍要用现在的内容覆盖它吗？"
                self._confirm_overwrite(question, path)
                return
        elif path.is_file():
            self._confirm_overwrite(f"文件已存在：{path}\n要覆盖它吗？", path)
            return
        self._write(path)

    def _confirm_overwrite(self, question: str, path: Path) -> None:
        from wizard.ui.dialogs.confirm import ConfirmDialog

        self.push_screen(
            ConfirmDialog(question, "覆盖", "另存为…", yes_first=False),
            lambda yes: self._write(path) if yes else self.ask_path(),
        )

    def _write(self, path: Path) -> None:
        try:
            text = self.session.save(path)
        except RecordError as error:
            self.notify(f"保存失败：{error.message}", title=str(path), severity="error", markup=False)
            self.ask_path(f"保存失败：{error.message}。请换一个位置。")
            return
        self.autosave.discard()
        self.exit(Finished(path, text))

