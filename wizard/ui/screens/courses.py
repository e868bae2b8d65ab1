"""Step 2, 课程内容: course topics in groups, each a verb, its items and an optional tail."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from wizard.model import CourseGroup
from wizard.ui.screens.step import PagedStep
from wizard.ui.widgets.list_buttons import ItemButton, apply_move, item_buttons
from wizard.ui.widgets.pager import PAGE_SIZE, Pager, page_count, page_of
from wizard.ui.wording import app_text, choices


class CoursesScreen(PagedStep):
    STEP = "courses"
    LIST_ID = "groups"

    def compose_form(self) -> ComposeResult:
        with Vertical(id="groups"):
            yield from self.compose_page()
        yield Button(f"＋ {app_text('add')}一组课程", id="add-group")

    def compose_page(self) -> ComposeResult:
        groups = self.state.speech.courses
        self.page = min(self.page, page_count(len(groups)) - 1)
        if len(groups) > PAGE_SIZE:
            yield Pager(self.page, len(groups), "组")
        start = self.page * PAGE_SIZE
        for index, group in enumerate(groups[start : start + PAGE_SIZE], start=start):
            path = f"courses[{index}]"
            with Vertical(classes="group card"):
                yield Static(Content(f"第 {index + 1} 组"), classes="card-title")
                with Horizontal(classes="field-row"):
                    yield self.field("verb", f"{path}.verb", group.verb, suggestions=choices("course_verbs"))
                    yield self.field("tail", f"{path}.tail", group.tail, suggestions=choices("course_tails"))
                yield self.field("items", f"{path}.items", "\n".join(group.items), multiline=True)
                yield from item_buttons("group", index, len(groups))

    def page_for(self, path: str) -> int | None:
        match = re.match(r"courses\[(\d+)\]", path)
        return page_of(int(match.group(1))) if match else None

    @on(Button.Pressed, "#add-group")
    async def add_group(self) -> None:
        groups = self.state.speech.courses
        groups.append(CourseGroup(verb=choices("course_verbs")[0]))
        self.state.changed()
        await self.rebuild(focus=f"courses[{len(groups) - 1}].items")

    @on(Button.Pressed, ".item-button")
    async def group_button(self, event: Button.Pressed) -> None:
        button = event.button
        assert isinstance(button, ItemButton)
        moved = apply_move(self.state.speech.courses, button.index, button.move)
        self.state.changed()
        await self.rebuild(None if moved is None or button.move == "remove" else f"courses[{moved}].verb")
