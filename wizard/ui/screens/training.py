"""Step 1, 培训概况: the course, its dates, organisers and activities; optional title and speaker."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal

from wizard.ui import texts
from wizard.ui.screens.base import StepScreen
from wizard.ui.widgets.fields import Field


class TrainingScreen(StepScreen):
    STEP = "training"

    def compose_form(self) -> ComposeResult:
        session = self.session

        def field(name: str, **options) -> Field:
            path = f"training.{name}" if name not in ("title", "speaker") else name
            return Field(self.STEP, name, path, session.text_of(path), **options)

        yield field("name")
        yield field("note")
        with Horizontal(classes="dates"):
            yield field("start")
            yield field("end")
        yield field("organisers", multiline=True)
        yield field("activities", multiline=True)
        yield field("title")
        yield field("speaker")
