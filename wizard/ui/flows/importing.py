"""Start from a speech one already has: import a document and replace the speech with it."""

from __future__ import annotations

from wizard.ui.flows.host import Host


async def import_document(host: Host) -> None:
    """Ask for a file or pasted text, show what was recognised, and replace the speech if asked."""
    from wizard.ui.dialogs.import_text import ImportTextDialog

    session = host.state.session
    if session.read_only:
        host.notify("这份记录以只读方式打开，不能导入。", severity="warning", markup=False)
        return
    imported = await host.push_screen_wait(ImportTextDialog(session.today))
    if imported is None:
        return
    host.state.replace_speech(imported.speech)
    session.reset_date_texts()
    host.state.show_all_problems = True  # a whole speech came in: show what is open in it
    await host.redraw_steps()
    host.notify("已导入。请逐步核对，尤其是开头和各部分的划分。", markup=False)
