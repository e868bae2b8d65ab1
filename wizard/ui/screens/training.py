"""Step 1, 培训概况: the course, its dates and duration, organisers and activities; the title block."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Collapsible, Select, Static

from wizard.ui.messages import TemplateChosen
from wizard.ui.screens.step import StepScreen

#: The title block's lines, in the order they print.
TITLE_BLOCK = ("title", "subtitle", "speaker", "date_line")


class TrainingScreen(StepScreen):
    STEP = "training"

    def compose_form(self) -> ComposeResult:
        session = self.state.session

        def field(name: str, multiline: bool = False):
            path = name if name in TITLE_BLOCK else f"training.{name}"
            return self.field(name, path, session.text_of(path), multiline=multiline)

        if session.template is not None:
            yield from self.compose_template_choice(session.template)
        yield field("name")
        with Horizontal(classes="field-row"):
            yield field("note")
            yield field("duration")
        with Horizontal(classes="dates field-row"):
            yield field("start")
            yield field("end")
        yield field("organisers", multiline=True)
        yield field("activities", multiline=True)
        # Most exchange speeches have no title block: folded away until wanted, open once it has text.
        has_title_block = any(session.text_of(name).strip() for name in TITLE_BLOCK)
        shape_texts = self.state.wording.step("training")["more"]
        with Collapsible(title=shape_texts, collapsed=not has_title_block, id="title-block"):
            for name in TITLE_BLOCK:
                yield field(name)
            with Horizontal(classes="layout-row"):
                with Vertical():
                    yield from self.layout_select("date_style")
                with Vertical():
                    yield from self.layout_select("date_separator")

    def compose_template_choice(self, current: str) -> ComposeResult:
        """A new speech first chooses its kind: exchange speech, written reflection, pledge…"""
        from wizard import templates

        found, _problems = templates.available()
        yield Static(Content("发言类型"), classes="field-label")
        # A user template's label is the user's text: Select would parse a str as markup.
        # Plain text, never markup; a rich Text (not Content) keeps Select's type-to-search.
        options = [(Text(template.label), template.name) for template in found]
        with Horizontal(id="template-row"):
            yield Select(options, value=current, allow_blank=False, id="template")
            # Or start from a speech already written (a file or pasted text).
            yield Button("从已有文稿导入…", id="import-document", action="app.import_document")
        described = next((template.description for template in found if template.name == current), "")
        yield Static(Content(described), id="template-hint", classes="step-hint")

    @on(Select.Changed, "#template")
    def template_chosen(self, event: Select.Changed) -> None:
        if event.value != self.state.session.template:
            self.post_message(TemplateChosen(str(event.value)))
