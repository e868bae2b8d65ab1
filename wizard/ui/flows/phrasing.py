"""Help with the words: insert phrases from the bank, bring in parts of past speeches.

A single phrase goes where the cursor is. A parallel set (三句排比) becomes
points of the section being edited: empty points are filled first, then new
ones are added. Imported sections keep their kind; imported points join the
section being edited, or the last section of their kind. The phrase bank,
the past records and their dialogs are loaded when first asked for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual.widgets import Input, TextArea

from wizard.model import Point, Section, SectionKind, Speech
from wizard.ui.flows.host import Host
from wizard.ui.widgets.form_field import FormField

if TYPE_CHECKING:
    from wizard.ui.dialogs.import_parts import ImportChoice

_KIND_OF_FIELD = {
    "heading": ("heading",),
    "lead": ("lead", "set"),
    "intro": ("intro",),
    "salutation": ("salutation",),
    "closing": ("closing",),
}
_SECTION = re.compile(r"sections\[(\d+)\]")
PHRASE_STEPS = ("reflections", "actions", "review")
_KIND_OF_STEP: dict[str, SectionKind] = {"reflections": "reflection", "actions": "action"}


def section_for(speech: Speech, path: str, kind: SectionKind) -> int | None:
    """The section being edited (the one ``path`` is in), else the last section of ``kind``."""
    if match := _SECTION.match(path):
        return int(match.group(1))
    positions = [i for i, section in enumerate(speech.sections) if section.kind == kind]
    return positions[-1] if positions else None


def insert_set(speech: Speech, leads: tuple[str, ...], path: str, kind: SectionKind) -> None:
    """Make ``leads`` points of the section being edited: empty points first, then new ones."""
    index = section_for(speech, path, kind)
    if index is None:
        speech.sections.append(Section(kind=kind))
        index = len(speech.sections) - 1
    points = speech.sections[index].points
    empty = [point for point in points if not (point.lead.strip() or point.body.strip())]
    for lead in leads:
        if empty:
            empty.pop(0).lead = lead
        else:
            points.append(Point(lead=lead))


def import_parts(speech: Speech, choice: ImportChoice, path: str, step_kind: SectionKind | None) -> int:
    """Bring the chosen sections and points into ``speech``; return how many parts came in.

    A section goes after the others of its kind (reflections before the first
    action); a point joins the section being edited if it is of its kind, else
    the last section of its kind, else a new one under its old heading.
    """
    from wizard import library

    source = choice.entry.speech
    sections = speech.sections
    for section in library.import_sections(source, choice.sections):
        kinds = [s.kind for s in sections]
        where = len(sections) if section.kind == "action" or "action" not in kinds else kinds.index("action")
        sections.insert(where, section)
    for section_index, point_index in choice.points:
        (point,) = library.import_points(source, section_index, [point_index])
        kind = source.sections[section_index].kind
        target = section_for(speech, path if kind == step_kind else "", kind)
        if target is None:
            sections.append(Section(heading=source.sections[section_index].heading, kind=kind))
            target = len(sections) - 1
        sections[target].points.append(point)
    return len(choice.sections) + len(choice.points)


def _focused_path(host: Host) -> str:
    focused = host.focused
    return focused.path if isinstance(focused, FormField) else ""


async def pick_phrase(host: Host) -> None:
    """Choose a phrase from the bank and put it where the user is writing."""
    from wizard.ui.dialogs.phrase_picker import PhrasePicker

    step = host.state.step
    if step not in PHRASE_STEPS:
        host.notify("常用语用于学习体会、下一步打算和结束语，请先到这几步。", markup=False)
        return
    target = host.focused
    path = _focused_path(host)
    kinds = _KIND_OF_FIELD.get(path.rsplit(".", 1)[-1]) if path else None
    phrase = await host.push_screen_wait(PhrasePicker(step, kinds))
    if phrase is None:
        return
    if phrase.is_set:
        insert_set(host.state.speech, phrase.leads, path, _KIND_OF_STEP.get(step, "reflection"))
        host.state.changed()
        await host.rebuild_steps()
        host.notify(f"已插入 {len(phrase.leads)} 句排比领起句，请逐条补充阐述。", markup=False)
    elif isinstance(target, Input):
        target.focus()
        if target.value.strip():
            target.insert_text_at_cursor(phrase.text)
        else:
            target.value = phrase.text
            target.cursor_position = len(phrase.text)
    elif isinstance(target, TextArea):
        target.focus()
        target.insert(phrase.text)
    else:
        host.copy_to_clipboard(phrase.text)
        host.notify("没有选中输入框：已把这句话复制到剪贴板。", markup=False)


async def import_from_past(host: Host) -> None:
    """Choose parts of a saved speech and bring them into this one."""
    from wizard.ui.dialogs.import_parts import ImportDialog

    path = _focused_path(host)
    from wizard import drafts

    own_draft = drafts.path_for(host.autosave.key, create=False)
    choice = await host.push_screen_wait(ImportDialog(host.state.session.path, own_draft))
    if choice is None:
        return
    count = import_parts(host.state.speech, choice, path, _KIND_OF_STEP.get(host.state.step))
    host.state.changed()
    await host.rebuild_steps()
    host.notify(f"已从“{choice.entry.course()}”导入 {count} 项。", markup=False)
