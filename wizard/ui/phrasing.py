"""Help with the words: insert phrases from the bank, bring in parts of past speeches.

A single phrase goes where the cursor is. A parallel set (三句排比) becomes
points of the section being edited: empty points are filled first, then new
ones are added. Imported sections keep their kind; imported points join the
section being edited, or the last section of their kind. The dialogs, the
phrase bank and the library are imported when first used, not at start-up.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual.widgets import Input, TextArea

from wizard.model import Point, Section

if TYPE_CHECKING:
    from wizard.phrases import Phrase
    from wizard.session import Session
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


class PhrasingMixin:
    """Phrase picker and import actions of SpeechWizardApp."""

    session: Session

    def _focused_path(self) -> str:
        return getattr(self.focused, "path", "") or ""

    def action_pick_phrase(self) -> None:
        if self.step not in PHRASE_STEPS:
            self.notify("常用语用于学习体会、下一步打算和结束语，请先到这几步。", markup=False)
            return
        path = self._focused_path()
        kinds = _KIND_OF_FIELD.get(path.rsplit(".", 1)[-1]) if path else None
        target = self.focused
        from wizard.ui.dialogs.phrase_picker import PhrasePicker

        self.push_screen(PhrasePicker(self.step, kinds), lambda phrase: self._insert_phrase(phrase, target, path))

    def _insert_phrase(self, phrase: Phrase | None, target, path: str) -> None:
        if phrase is None:
            return
        if phrase.is_set:
            self.run_worker(self._insert_set(phrase.leads, path))
            return
        if isinstance(target, Input):
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
            self.copy_to_clipboard(phrase.text)
            self.notify("没有选中输入框：已把这句话复制到剪贴板。", markup=False)

    def _section_for(self, path: str, kind: str) -> int | None:
        """The section being edited, else the last section of ``kind``."""
        if match := _SECTION.match(path):
            return int(match.group(1))
        positions = [i for i, section in enumerate(self.session.speech.sections) if section.kind == kind]
        return positions[-1] if positions else None

    async def _insert_set(self, leads: tuple[str, ...], path: str) -> None:
        kind = "action" if self.step == "actions" else "reflection"
        index = self._section_for(path, kind)
        sections = self.session.speech.sections
        if index is None:
            sections.append(Section(kind=kind))  # type: ignore[arg-type]
            index = len(sections) - 1
        points = sections[index].points
        empty = [point for point in points if not (point.lead.strip() or point.body.strip())]
        for lead in leads:
            if empty:
                empty.pop(0).lead = lead
            else:
                points.append(Point(lead=lead))
        self.session.changed()
        await self.structure_changed()
        self.notify(f"已插入 {len(leads)} 句排比领起句，请逐条补充阐述。", markup=False)

    def action_import(self) -> None:
        from wizard.ui.dialogs.import_parts import ImportDialog

        self.push_screen(ImportDialog(self.session.path), self._import_chosen)

    def _import_chosen(self, choice: ImportChoice | None) -> None:
        if choice is not None:
            self.run_worker(self._import(choice, self._focused_path()))

    async def _import(self, choice: ImportChoice, path: str) -> None:
        from wizard import library

        source = choice.entry.speech
        sections = self.session.speech.sections
        for section in library.import_sections(source, choice.sections):
            kinds = [s.kind for s in sections]
            where = len(sections) if section.kind == "action" or "action" not in kinds else kinds.index("action")
            sections.insert(where, section)
        for section_index, point_index in choice.points:
            (point,) = library.import_points(source, section_index, [point_index])
            kind = source.sections[section_index].kind
            target = self._section_for(path if kind == self._step_kind() else "", kind)
            if target is None:
                sections.append(Section(heading=source.sections[section_index].heading, kind=kind))
                target = len(sections) - 1
            sections[target].points.append(point)
        self.session.changed()
        await self.structure_changed()
        count = len(choice.sections) + len(choice.points)
        self.notify(f"已从“{choice.entry.course()}”导入 {count} 项。", markup=False)

    def _step_kind(self) -> str:
        return {"reflections": "reflection", "actions": "action"}.get(self.step, "")

    async def structure_changed(self) -> None:
        """Sections or points were added from outside a form: re-lay every step that shows them."""
        for screen in self.step_screens:
            rebuild = getattr(screen, "rebuild", None)
            if rebuild is not None:
                await rebuild()
        self.record_changed()
