"""Step 1, 培训概况: the course, its dates, organisers and activities; optional title and speaker."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Select, Static

from wizard.ui import texts
from wizard.ui.screens.base import StepScreen
from wizard.ui.widgets.fields import FieldArea, FieldInput, make_field


class TrainingScreen(StepScreen):
    STEP = "training"

    def compose_form(self) -> ComposeResult:
        session = self.session

        def field(name: str, **options) -> FieldInput | FieldArea:
            path = f"training.{name}" if name not in ("title", "speaker") else name
            return make_field(self.STEP, name, path, session.text_of(path), **options)

        if session.template is not None:
            yield from self.compose_template_choice(session.template)
        yield field("name")
        yield field("note")
        with Horizontal(classes="dates field-row"):
            yield field("start")
            yield field("end")
        yield field("organisers", multiline=True)
        yield field("activities", multiline=True)
        yield field("title")
        yield field("speaker")

    def compose_template_choice(self, current: str) -> ComposeResult:
        """A new speech first chooses its kind: exchange speech, written reflection, pledge…"""
        from wizard import templates

        found, _problems = templates.available()
        yield Static(Text("发言类型"), classes="field-label")
        options = [(template.label, template.name) for template in found]
        yield Select(options, value=current, allow_blank=False, id="template")
        described = next((template.description for template in found if template.name == current), "")
        yield Static(Text(described), id="template-hint", classes="step-hint")

    @on(Select.Changed, "#template")
    async def template_chosen(self, event: Select.Changed) -> None:
        if event.value != self.session.template:
            await self.wizard.switch_template(str(event.value))
