"""Step 1, 培训概况: the course, its dates, organisers and activities; optional title and speaker."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Select, Static

from wizard.ui.messages import TemplateChosen
from wizard.ui.screens.step import StepScreen


class TrainingScreen(StepScreen):
    STEP = "training"

    def compose_form(self) -> ComposeResult:
        session = self.state.session

        def field(name: str, multiline: bool = False):
            path = name if name in ("title", "speaker") else f"training.{name}"
            return self.field(name, path, session.text_of(path), multiline=multiline)

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
        yield Static(Content("发言类型"), classes="field-label")
        # A user template's label is the user's text: Select would parse a str as markup.
        # Plain text, never markup; a rich Text (not Content) keeps Select's type-to-search.
        options = [(Text(template.label), template.name) for template in found]
        yield Select(options, value=current, allow_blank=False, id="template")
        described = next((template.description for template in found if template.name == current), "")
        yield Static(Content(described), id="template-hint", classes="step-hint")

    @on(Select.Changed, "#template")
    def template_chosen(self, event: Select.Changed) -> None:
        if event.value != self.state.session.template:
            self.post_message(TemplateChosen(str(event.value)))
