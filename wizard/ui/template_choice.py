"""Choosing the kind of speech (its template) on the first screen of a new speech.

Switching keeps everything typed about the course. The template's structure
(salutation, closing, layout, its empty sections) is taken only where the
speech has nothing of its own yet, so no typed section is ever replaced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wizard.assemble import is_blank
from wizard.model import Point
from wizard.ui import texts

if TYPE_CHECKING:
    from wizard.session import Session


class TemplateMixin:
    session: Session

    def report_broken_templates(self) -> None:
        """A user's template that cannot be read is skipped; say which file and why."""
        if self.session.template is None:
            return
        from wizard import templates

        _found, problems = templates.available()
        for problem in problems:
            self.notify(problem.skipped_line(), title="模板未载入", severity="warning", timeout=10, markup=False)

    async def switch_template(self, name: str) -> None:
        from wizard import templates

        template = templates.get(name)
        texts.use_template(template)
        self.session.template = name
        fresh = template.new_speech()
        speech = self.session.speech
        speech.salutation, speech.closing, speech.layout = fresh.salutation, fresh.closing, fresh.layout
        if not speech.title.strip():
            speech.title = fresh.title
        if all(is_blank(section) for section in speech.sections):
            speech.sections = fresh.sections
            for section in speech.sections:
                if not section.points:
                    section.points.append(Point())
        self.session.changed()
        for screen in self.step_screens:
            await screen.recompose()
        self.record_changed()
        self.notify(f"已切换为“{template.label}”。", markup=False)
