"""Step 2, 课程内容: course topics in groups; the opening they make, or the writer's own; the transition."""

from __future__ import annotations

import re
from typing import cast

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Select, Static, TextArea

from wizard.model import OPENING_FRAMES, CourseGroup, OpeningFrame
from wizard.session import OPENING_TEXT
from wizard.ui.dialogs.confirm import ConfirmDialog
from wizard.ui.screens.step import PagedStep
from wizard.ui.widgets.form_field import FormField, field_id
from wizard.ui.widgets.list_buttons import FormButton, ItemButton, apply_move, item_buttons
from wizard.ui.widgets.pager import PAGE_SIZE, Pager, page_count, page_of
from wizard.ui.wording import app_text, choices


class CoursesScreen(PagedStep):
    STEP = "courses"
    LIST_ID = "groups"

    def compose_form(self) -> ComposeResult:
        with Vertical(id="groups"):
            yield from self.compose_page()
        yield FormButton(f"＋ {app_text('add')}一组课程", id="add-group")
        yield from self.compose_opening()

    def compose_opening(self) -> ComposeResult:
        """The opening: a frame to assemble it in, or the writer's own text; then the transition."""
        speech, session = self.state.speech, self.state.session
        texts = self.state.wording.step("courses")["opening"]
        with Vertical(id="opening-card", classes="card"):
            yield Static(Content(texts["label"]), classes="card-title")
            yield Static(Content(texts["frame"]), classes="field-label")
            frames = [(texts[f"frame_{frame}"], frame) for frame in OPENING_FRAMES]
            yield Select(frames, value=speech.opening.frame, allow_blank=False, id="opening-frame")
            yield Static(Content(texts["own" if speech.opening.own else "assembled"]), id="opening-state")
            yield self.field("opening", OPENING_TEXT, session.text_of(OPENING_TEXT), multiline=True)
            yield Button(texts["assemble"], id="assemble-opening", disabled=not speech.opening.own)
            yield self.field("transition", "transition", speech.transition, multiline=True)

    def field_edited(self, field: FormField) -> None:
        super().field_edited(field)
        self.show_opening()

    def show_opening(self) -> None:
        """The opening field follows the facts while the opening is assembled; the state line says which."""
        opening = self.state.speech.opening
        texts = self.state.wording.step("courses")["opening"]
        self.query_one("#opening-state", Static).update(Content(texts["own" if opening.own else "assembled"]))
        self.query_one("#assemble-opening", Button).disabled = not opening.own or self.state.session.read_only
        area = self.query_one(f"#{field_id(OPENING_TEXT)}", TextArea)
        text = self.state.session.text_of(OPENING_TEXT)
        if area.text != text:
            area.load_text(text)

    @on(events.ScreenResume)
    def opening_on_resume(self) -> None:
        # Besides StepScreen's own handler, which Textual calls as well.
        self.show_opening()

    @on(Select.Changed, "#opening-frame")
    def frame_chosen(self, event: Select.Changed) -> None:
        opening = self.state.speech.opening
        if event.value == opening.frame:
            return
        opening.frame = cast(OpeningFrame, event.value)
        self.state.changed()
        if opening.own:
            self.ask_to_assemble()
        else:
            self.show_opening()
            self.show_record()

    @on(Button.Pressed, "#assemble-opening")
    def ask_to_assemble(self) -> None:
        """Give the opening back to the facts, once the writer has said yes."""

        def answered(yes: bool | None) -> None:
            if yes:
                self.state.session.assemble_opening()
                self.state.changed()
                self.show_opening()
                self.show_record()

        question = self.state.wording.step("courses")["opening"]["ask"]
        self.app.push_screen(ConfirmDialog(question, "重新生成", "保留我写的", yes_first=False), answered)

    def compose_page(self) -> ComposeResult:
        groups = self.state.speech.courses
        self.page = min(self.page, page_count(len(groups)) - 1)
        if len(groups) > PAGE_SIZE:
            yield Pager(self.page, len(groups), "组")
        start = self.page * PAGE_SIZE
        for index, group in enumerate(groups[start : start + PAGE_SIZE], start=start):
            yield from self.compose_group(index, group, len(groups))

    def compose_group(self, index: int, group: CourseGroup, count: int) -> ComposeResult:
        """The card of course group ``index`` of ``count``."""
        path = f"courses[{index}]"
        with Vertical(classes="group card"):
            yield Static(Content(f"第 {index + 1} 组"), classes="card-title")
            with Horizontal(classes="field-row"):
                yield self.field("verb", f"{path}.verb", group.verb, suggestions=choices("course_verbs"))
                yield self.field("tail", f"{path}.tail", group.tail, suggestions=choices("course_tails"))
            yield self.field("items", f"{path}.items", "\n".join(group.items), multiline=True)
            yield from item_buttons("group", index, count)

    def page_for(self, path: str) -> int | None:
        match = re.match(r"courses\[(\d+)\]", path)
        return page_of(int(match.group(1))) if match else None

    @on(Button.Pressed, "#add-group")
    async def add_group(self) -> None:
        groups = self.state.speech.courses
        group = CourseGroup(verb=choices("course_verbs")[0])
        groups.append(group)
        self.state.added_groups.append(group)
        self.state.changed()
        focus = f"courses[{len(groups) - 1}].verb"  # the new group starts at its verb
        if len(groups) > PAGE_SIZE:  # pages: the pager and the page shown change too
            await self.rebuild(focus=focus)
            return
        # Only the new card is made: the others keep their paths.
        self.enable_down("group", len(groups) - 2)
        await self.query_one("#groups").mount_compose(self.compose_group(len(groups) - 1, group, len(groups)))
        await self.appended(focus)

    @on(Button.Pressed, ".item-button")
    async def group_button(self, event: Button.Pressed) -> None:
        button = event.button
        assert isinstance(button, ItemButton)
        groups = self.state.speech.courses
        index = button.index
        if button.move == "remove":
            removal = self.state.remove(groups, index, f"第 {index + 1} 组课程", f"courses[{index}].verb")
            neighbour = f"courses[{min(index, len(groups) - 1)}].verb" if groups else None
            await self.removed(removal, neighbour, self.query_one("#add-group"))
            return
        moved = apply_move(groups, index, button.move)
        self.state.changed()
        await self.moved(f"courses[{moved}].verb")
