"""Step 2, 课程内容: course topics in groups, each a verb, its items and an optional tail."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from wizard.model import CourseGroup
from wizard.ui import texts
from wizard.ui.screens.base import CARD_CSS, StepScreen
from wizard.ui.widgets.fields import make_field
from wizard.ui.widgets.list_buttons import ItemButton, apply_move, item_buttons


class CoursesScreen(StepScreen):
    STEP = "courses"
    DEFAULT_CSS = CARD_CSS + """
    #groups { height: auto; }
    """

    def compose_form(self) -> ComposeResult:
        with Vertical(id="groups"):
            yield from self.compose_groups()
        yield Button(f"＋ {texts.app_text('add')}一组课程", id="add-group")

    def compose_groups(self) -> ComposeResult:
        groups = self.session.speech.courses
        for index, group in enumerate(groups):
            path = f"courses[{index}]"
            with Vertical(classes="group card"):
                yield Static(Text(f"第 {index + 1} 组"), classes="card-title")
                with Horizontal(classes="field-row"):
                    yield make_field(self.STEP, "verb", f"{path}.verb", group.verb, suggestions=texts.choices("course_verbs"))
                    yield make_field(self.STEP, "tail", f"{path}.tail", group.tail, suggestions=texts.choices("course_tails"))
                yield make_field(self.STEP, "items", f"{path}.items", "\n".join(group.items), multiline=True)
                yield from item_buttons("group", index, len(groups))

    async def rebuild(self, focus: str | None = None) -> None:
        """Re-lay the groups after one was added, moved or removed."""
        container = self.query_one("#groups")
        await container.remove_children()
        await container.mount_compose(self.compose_groups())
        self.wizard.record_changed()
        if focus:
            self.focus_field(focus)

    @on(Button.Pressed, "#add-group")
    async def add_group(self) -> None:
        groups = self.session.speech.courses
        groups.append(CourseGroup(verb=texts.choices("course_verbs")[0]))
        self.session.changed()
        await self.rebuild(focus=f"courses[{len(groups) - 1}].items")

    @on(Button.Pressed, ".item-button")
    async def group_button(self, event: Button.Pressed) -> None:
        button = event.button
        assert isinstance(button, ItemButton)
        moved = apply_move(self.session.speech.courses, button.index, button.move)
        self.session.changed()
        await self.rebuild(None if moved is None or button.move == "remove" else f"courses[{moved}].verb")
