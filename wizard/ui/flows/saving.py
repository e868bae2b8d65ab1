"""Saving from the wizard: where to, asking before overwriting, and what a failure says.

Open errors are named first, and saving waits for 仍然保存 (返回修改 goes to
the field). ``edit FILE`` saves to FILE and ``-o FILE`` there; otherwise a dialog asks,
proposing a name. Replacing a file this session did not open or write (the
record, or the ``.txt`` beside it), or one that changed or went since, asks
first (``Session.why_ask``). A failed save says why in Chinese and asks for
another place: the record and its draft stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wizard.storage import RecordError
from wizard.ui.dialogs.confirm import ConfirmDialog
from wizard.ui.dialogs.save_as import SaveAsDialog
from wizard.ui.flows.host import Host
from wizard.ui.state import DATE_STEPS


@dataclass(frozen=True)
class Finished:
    """What the app returns when the user saves and finishes: where, and the speech's text."""

    path: Path
    text: str


async def save(host: Host) -> None:
    """Save the record and finish, or say what stands in the way."""
    session = host.state.session
    if session.read_only:
        host.notify("只读打开的记录不能保存：它正在另一个向导中编辑。", severity="warning", markup=False)
        return
    blocking = session.blocking_problems()
    if blocking:
        path, message = next(iter(blocking.items()))
        host.notify(f"还不能保存：{message}", severity="error", markup=False)
        host.go_to(DATE_STEPS.get(path, "training"), focus=path)
        return
    # Open errors (a missing course name, an end before the start): saved only when the user says so.
    if errors := [problem for problem in host.state.problems() if problem.severity == "error"]:
        first = errors[0]
        where = host.state.wording.title(first.step)
        count = f"还有 {len(errors)} 个错误没有处理" if len(errors) > 1 else "还有一个错误没有处理"
        question = f"{count}，第一个在“{where}”：{first.message}。\n仍然保存吗？"
        if not await host.push_screen_wait(ConfirmDialog(question, "仍然保存", "返回修改", yes_first=False)):
            host.go_to(first.step, focus=first.field)
            return
    target = session.save_target()
    message = ""
    while True:
        if target is None:
            proposed = str(session.save_target() or session.proposed_name())
            target = await host.push_screen_wait(SaveAsDialog(proposed, message))
            if target is None:
                return
        if questions := session.questions_before_saving(target):
            question = "\n".join(questions) + "\n要覆盖吗？"
            if not await host.push_screen_wait(ConfirmDialog(question, "覆盖", "另存为…", yes_first=False)):
                target, message = None, ""
                continue
        try:
            text = session.save(target)
        except RecordError as error:
            host.notify(f"保存失败：{error.message}", title=str(target), severity="error", markup=False)
            target, message = None, f"保存失败：{error.message}。请换一个位置。"
            continue
        host.autosave.discard()
        host.exit(Finished(target, text))
        return
