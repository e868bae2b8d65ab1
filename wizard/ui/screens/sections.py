"""Steps 3 and 4, 学习体会 and 下一步打算: sections of one kind, each a heading, intro and points.

Both kinds live in one list in the record (the speech numbers them in one
sequence); each step edits the sections of its own kind, in their order.
"""

from __future__ import annotations

import re
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from wizard.assemble import is_blank, is_headed
from wizard.model import Point, Section, SectionKind, Speech
from wizard.numerals import chinese_numeral
from wizard.ui.screens.step import PagedStep
from wizard.ui.widgets.form_field import FormField, field_id
from wizard.ui.widgets.list_buttons import FormButton, ItemButton, apply_move, item_buttons
from wizard.ui.widgets.pager import PAGE_SIZE, Pager, page_count, page_of
from wizard.ui.widgets.phrase_complete import PhraseAutoComplete
from wizard.ui.wording import app_text, layout_text


def card_numbers(speech: Speech) -> list[int]:
    """The number each section's card shows, 0 for one printed without a heading.

    A section with nothing in it yet shows the number it takes once written, as
    if the other empty ones were written too (a new speech's cards read 一、二、三、).
    """
    numbers, count = [], 0
    for section in speech.sections:
        if is_blank(section) or is_headed(section):
            count += 1
            numbers.append(count)
        else:
            numbers.append(0)
    return numbers


class SectionsScreen(PagedStep):
    KIND: ClassVar[SectionKind] = "reflection"
    LIST_ID = "sections"

    def positions(self) -> list[int]:
        """Indexes into ``speech.sections`` of this step's sections."""
        return [i for i, section in enumerate(self.state.speech.sections) if section.kind == self.KIND]

    def preview_key(self) -> str:
        positions = self.positions()
        return f"section:{positions[0]}" if positions else "closing"

    def compose_form(self) -> ComposeResult:
        if self.KIND == "reflection":
            # The body's shape is the whole speech's: asked where its first sections are written.
            with Vertical(id="body-shape", classes="card"):
                yield Static(Content(layout_text()["body_label"]), classes="card-title")
                with Horizontal(classes="layout-row"):
                    with Vertical():
                        yield from self.layout_select("points")
                    with Vertical():
                        yield from self.layout_select("numbering")
        with Vertical(id="sections"):
            yield from self.compose_page()
        yield FormButton(f"＋ {app_text('add')}一个部分", id="add-section")

    def compose_page(self) -> ComposeResult:
        #: The title each card on the page shows, by section index.
        self._card_titles: dict[int, str] = {}
        numbers = card_numbers(self.state.speech)
        positions = self.positions()
        self.page = min(self.page, page_count(len(positions)) - 1)
        if len(positions) > PAGE_SIZE:
            yield Pager(self.page, len(positions), "部分")
        start = self.page * PAGE_SIZE
        for order, index in enumerate(positions[start : start + PAGE_SIZE], start=start):
            yield from self.compose_section(order, index, numbers, len(positions))

    def compose_section(self, order: int, index: int, numbers: list[int], count: int) -> ComposeResult:
        """The card of ``sections[index]``, ``order``-th of the ``count`` of this step."""
        section = self.state.speech.sections[index]
        path = f"sections[{index}]"
        with Vertical(classes="section card", name=str(index)):
            self._card_titles[index] = title = self.section_title(index, numbers)
            yield Static(Content(title), classes="card-title")
            yield self.field("heading", f"{path}.heading", section.heading)
            yield PhraseAutoComplete(f"#{field_id(path + '.heading')}", "heading", self.STEP)
            yield self.field("intro", f"{path}.intro", section.intro, multiline=True)
            for number, point in enumerate(section.points):
                yield from self.compose_point(index, number, point, len(section.points))
            yield FormButton(f"＋ {app_text('add')}一点", classes="add-point", name=str(index))
            yield from item_buttons("section", order, count, owner=index)

    def compose_point(self, index: int, number: int, point: Point, count: int) -> ComposeResult:
        """Point ``number`` of ``count`` of ``sections[index]``."""
        point_path = f"sections[{index}].points[{number}]"
        with Vertical(classes="point"):
            yield Static(Content(f"第 {number + 1} 点"), classes="point-title")
            yield self.field("lead", f"{point_path}.lead", point.lead)
            yield PhraseAutoComplete(f"#{field_id(point_path + '.lead')}", "lead", self.STEP)
            yield self.field("body", f"{point_path}.body", point.body, multiline=True)
            yield from item_buttons("point", number, count, owner=index)

    def section_title(self, index: int, numbers: list[int]) -> str:
        """The card's title: the section's number as printed (一、), or that it prints none."""
        number = numbers[index]
        return f"{chinese_numeral(number)}、" if number else self.state.wording.step(self.STEP)["headless"]

    def field_edited(self, field: FormField) -> None:
        super().field_edited(field)
        # A heading typed or emptied, or the first text of a section, numbers the sections anew.
        self.renumber_cards()

    async def moved(self, focus: str) -> None:
        self.renumber_cards()
        await super().moved(focus)

    def renumber_cards(self) -> None:
        """Each card's title as the sections are now numbered (一、, or that it prints none)."""
        titles, numbers = self._card_titles, card_numbers(self.state.speech)
        for card in self.query(".section.card"):
            index = int(str(card.name))
            title = self.section_title(index, numbers)
            if titles.get(index) != title:
                titles[index] = title
                card.query_one(".card-title", Static).update(Content(title))

    def page_for(self, path: str) -> int | None:
        match = re.match(r"sections\[(\d+)\]", path)
        positions = self.positions()
        if match and (index := int(match.group(1))) in positions:
            return page_of(positions.index(index))
        return None

    @on(Button.Pressed, "#add-section")
    async def add_section(self) -> None:
        sections = self.state.speech.sections
        positions = self.positions()
        where = positions[-1] + 1 if positions else (0 if self.KIND == "reflection" else len(sections))
        sections.insert(where, Section(kind=self.KIND, points=[Point()]))
        self.state.changed()
        focus = f"sections[{where}].heading"
        count = len(positions) + 1
        if count > PAGE_SIZE:  # pages: the pager and the page shown change too
            await self.rebuild(focus=focus)
            return
        # Only the new card is made: the others keep their paths (later sections are another step's).
        self.enable_down("section", count - 2)
        numbers = card_numbers(self.state.speech)
        await self.query_one("#sections").mount_compose(self.compose_section(count - 1, where, numbers, count))
        await self.appended(focus)

    @on(Button.Pressed, ".add-point")
    async def add_point(self, event: Button.Pressed) -> None:
        index = int(event.button.name or 0)
        points = self.state.speech.sections[index].points
        points.append(Point())
        self.state.changed()
        number = len(points) - 1
        # Only the new point is made, above the button: the others keep their paths.
        self.enable_down("point", number - 1, owner=index)
        await event.button.parent.mount_compose(  # type: ignore[union-attr]
            self.compose_point(index, number, points[-1], len(points)), before=event.button
        )
        await self.appended(f"sections[{index}].points[{number}].lead")

    @on(Button.Pressed, ".item-button")
    async def item_button(self, event: Button.Pressed) -> None:
        button = event.button
        assert isinstance(button, ItemButton)
        if button.move == "remove":
            await self.remove_item(button)
            return
        sections = self.state.speech.sections
        if button.kind == "point":
            moved = apply_move(sections[button.owner].points, button.index, button.move)
            path = f"sections[{button.owner}].points[{moved}].lead"
        else:
            other = self.positions()[button.index + (-1 if button.move == "up" else 1)]
            sections[button.owner], sections[other] = sections[other], sections[button.owner]
            path = f"sections[{other}].heading"
        self.state.changed()
        await self.moved(path)

    async def remove_item(self, button: ItemButton) -> None:
        """Remove a point or a section; the focus goes to its neighbour, Ctrl+Z brings it back."""
        sections = self.state.speech.sections
        owner = button.owner
        neighbour: str | None
        if button.kind == "point":
            points = sections[owner].points
            removal = self.state.remove(
                points, button.index, f"第 {button.index + 1} 点", f"sections[{owner}].points[{button.index}].lead"
            )
            near = min(button.index, len(points) - 1)
            neighbour = f"sections[{owner}].points[{near}].lead" if points else None
            otherwise = next(add for add in self.query(".add-point") if add.name == str(owner))
        else:
            removal = self.state.remove(sections, owner, f"第 {button.index + 1} 部分", f"sections[{owner}].heading")
            positions = self.positions()
            near = min(button.index, len(positions) - 1)
            neighbour = f"sections[{positions[near]}].heading" if positions else None
            otherwise = self.query_one("#add-section")
        await self.removed(removal, neighbour, otherwise)


class ReflectionsScreen(SectionsScreen):
    STEP = "reflections"
    KIND = "reflection"


class ActionsScreen(SectionsScreen):
    STEP = "actions"
    KIND = "action"
