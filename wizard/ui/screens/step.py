"""What every step screen shares: the step bar, the form, the preview, Back/Next, the footer.

A screen is handed the wizard's state (``RecordView``) when it is made. It
puts what is typed into the record, shows the speech as it now stands, and
sends ``GoTo`` up when the user asks to go elsewhere. The app calls down to
it when the record changed behind its back (``reload_values``, ``rebuild``).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Collapsible, Footer, Input, Label, Select, Static, TextArea

from wizard.length import count_blocks
from wizard.model import DATE_SEPARATORS, DATE_STYLES, POINT_LAYOUTS, POINT_NUMBERINGS
from wizard.record_paths import block_key
from wizard.ui.messages import GoTo, KeysReleased
from wizard.ui.state import RecordView, Removal
from wizard.ui.widgets.form_field import FieldArea, FieldInput, FormField, field_id, make_field
from wizard.ui.widgets.list_buttons import ItemButton
from wizard.ui.widgets.pager import Pager
from wizard.ui.widgets.preview import Preview
from wizard.ui.widgets.step_bar import StepBar
from wizard.ui.wording import STEPS, app_text, layout_text

#: The layout choices a step may show: attribute of ``Layout`` → (label key prefix, values).
LAYOUT_CHOICES: dict[str, tuple[str, tuple[str, ...]]] = {
    "points": ("points", POINT_LAYOUTS),
    "numbering": ("numbering", POINT_NUMBERINGS),
    "date_style": ("date", DATE_STYLES),
    "date_separator": ("separator", DATE_SEPARATORS),
}
#: How a value is named in the label keys, where it is not a plain word.
_VALUE_NAMES = {"—": "dash", "至": "to"}

#: The controls that change the record, besides its fields.
CHANGES_THE_RECORD = (
    "Select, #layout-rate, .item-button, #add-group, #add-section, .add-point, #fix-typography, #assemble-opening"
    ", #import-document"
)

#: Below this many columns a terminal is tiny: the footer leaves out the command palette's key.
TINY = 60

#: Seconds of quiet after a change before the problems are checked and shown.
PROBLEMS_AFTER = 0.3


class StepScreen(Screen[None]):
    """A wizard step: subclasses say which step and compose its form."""

    STEP: ClassVar[str]
    #: Typing starts in the first field.
    AUTO_FOCUS = ".field-input"
    BINDINGS = [
        # Ahead of the field's own Ctrl+Z (TextArea's undo), but only while there is a
        # removal to undo: otherwise ``check_action`` passes the key on to the field.
        Binding("ctrl+z", "undo_removal", "撤销删除", priority=True),
    ]

    def __init__(self, state: RecordView, problems_after: float = PROBLEMS_AFTER) -> None:
        super().__init__()
        self.state = state
        #: Seconds of quiet before the problems show; 0: right after the frame (tests).
        self.problems_after = problems_after
        #: Shows the problems once typing pauses (see ``show_record``).
        self._problems_timer: Timer | None = None
        #: Fields typed in since the problems were last shown beside them.
        self._messages_due: set[FormField] = set()
        #: The footer offers Ctrl+Z to put back an item just removed.
        self._undo_offered = False

    def compose(self) -> ComposeResult:
        prompt = self.state.wording.step(self.STEP)
        yield StepBar(self.STEP, self.state.wording)
        with VerticalScroll(id="form", can_focus=False):
            yield Static(Content(prompt["question"]), classes="question")
            yield Static(Content(prompt["hint"]), classes="step-hint")
            yield from self.compose_form()
            with Horizontal(classes="nav"):
                yield Button(app_text("back"), id="back", action="app.previous_step", disabled=STEPS[0] == self.STEP)
                if STEPS[-1] == self.STEP:
                    yield Button(app_text("save"), id="save", variant="primary", action="app.save")
                else:
                    yield Button(app_text("next"), id="next", variant="primary", action="app.next_step")
        yield Preview(self.state.blocks(), id="preview")
        yield Footer()

    def compose_form(self) -> ComposeResult:
        raise NotImplementedError

    def field(self, name: str, path: str, value: str, **options) -> FieldInput | FieldArea:
        """The field ``name`` of this step (worded in the prompts), editing ``path``."""
        field = make_field(self.state.wording.field(self.STEP, name), path, value, **options)
        field.suggested = self.state.is_suggestion(path, value)
        field.edited.subscribe(self, self.field_edited, immediate=True)
        if self.state.session.read_only:
            if isinstance(field, FieldArea):
                field.read_only = True
            else:
                field.disabled = True
        return field

    def layout_select(self, attribute: str) -> ComposeResult:
        """A label and a Select for one of the speech's layout choices (``LAYOUT_CHOICES``)."""
        texts = layout_text()
        prefix, values = LAYOUT_CHOICES[attribute]
        options = [(texts[f"{prefix}_{_VALUE_NAMES.get(value, value).replace('-', '_')}"], value) for value in values]
        yield Label(Content(texts[attribute]))
        yield Select(
            options,
            value=getattr(self.state.speech.layout, attribute),
            allow_blank=False,
            id=f"layout-{attribute}",
            classes="layout-choice",
        )

    @on(Select.Changed, ".layout-choice")
    def layout_changed(self, event: Select.Changed) -> None:
        attribute = (event.select.id or "").removeprefix("layout-")
        if getattr(self.state.speech.layout, attribute) != event.value:
            setattr(self.state.speech.layout, attribute, event.value)
            self.state.changed()
            self.show_record()

    def on_mount(self) -> None:
        self.apply_read_only()

    # -- removing items, and putting them back ----------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo_removal":
            removal = self.state.removal
            return removal is not None and removal.step == self.STEP
        return True

    async def removed(self, removal: Removal, neighbour: str | None, otherwise: Widget) -> None:
        """An item was removed: lay out, go to its ``neighbour``'s field (or ``otherwise``), offer Ctrl+Z."""
        await self.rebuild(neighbour)
        if neighbour is None and otherwise.is_attached:
            otherwise.focus()
        self.notify(f"已删除{removal.name}。按 Ctrl+Z 恢复。", markup=False, timeout=6)
        self._undo_offered = True
        self.refresh_bindings()

    async def action_undo_removal(self) -> None:
        removal = self.state.undo_removal()
        self._undo_offered = False
        self.refresh_bindings()
        if removal is not None:
            await self.rebuild(removal.focus)
            self.notify(f"已恢复{removal.name}。", markup=False)

    def on_resize(self) -> None:
        # Under 60 columns the footer has room for the step keys only, not the palette's.
        self.set_class(self.size.width < TINY, "-tiny")

    def apply_read_only(self) -> None:
        """A record opened to be read only: nothing that changes it can be used."""
        if self.state.session.read_only:
            for widget in self.query(CHANGES_THE_RECORD):
                widget.disabled = True

    async def follow_shape(self) -> None:
        """Items were added or removed on another step: compose the ones this step shows anew."""

    def preview_key(self) -> str:
        """The block of the speech this step is about, for the preview to show."""
        return "opening"

    # -- reacting to the form ------------------------------------------------------------------

    def field_edited(self, field: FormField) -> None:
        """Put the text of the field into the record and show the result (``FormField.edited``)."""
        if self.state.edit(field.path, field.current_text()):
            self._messages_due.add(field)
            self.show_record()
            if self._undo_offered:  # the removal can no longer be undone: out of the footer
                self._undo_offered = False
                self.refresh_bindings()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, FormField):
            self.query_one(Preview).follow(block_key(event.widget.path))

    async def on_screen_resume(self) -> None:
        """Shown again: the record may have changed on another step."""
        await self.follow_shape()
        self.reload_values()
        self.show_record()
        self.refresh_messages()
        focused = self.focused
        key = block_key(focused.path) if isinstance(focused, FormField) else self.preview_key()
        self.query_one(Preview).follow(key)

    @on(StepBar.Chosen)
    def _tab(self, message: StepBar.Chosen) -> None:
        message.stop()
        self.post_message(GoTo(message.step))

    # -- showing the record --------------------------------------------------------------------

    def show_record(self) -> None:
        """Show the speech as it now stands and its length; the open problems once typing pauses.

        The preview and the count follow every key. Checking the whole record
        waits for a pause (``PROBLEMS_AFTER``), so that a warning does not
        flicker on and off with every character, and no keystroke waits for it.
        """
        blocks = self.state.blocks()
        self.query_one(Preview).show_blocks(blocks)
        self.query_one(StepBar).show(characters=count_blocks(blocks))
        if not self.problems_after:
            self.call_after_refresh(self.show_problems)
        elif self._problems_timer is None:
            self._problems_timer = self.set_timer(self.problems_after, self.show_problems)
        else:
            self._problems_timer.reset()

    def show_problems(self) -> None:
        """The open problems: counts on the step bar, and the message of each field just typed in."""
        if self._problems_timer is not None:
            self._problems_timer.stop()
            self._problems_timer = None
        if not self.is_attached:
            return
        self.query_one(StepBar).show(self.state.problem_counts())
        fields, self._messages_due = self._messages_due, set()
        for field in fields:
            if field.is_attached:  # type: ignore[attr-defined]
                self.show_message_in(field)
        # A message or a longer list of problems may have pushed the field being typed in away.
        if isinstance(self.focused, FormField):
            self.focused.keep_in_view()

    def refresh_messages(self) -> None:
        """Show each field's current message (a wrong date, an empty required field)."""
        for field in self.fields():
            self.show_message_in(field)

    def fields(self) -> list[FormField]:
        """The step's fields, in order."""
        return [widget for widget in self.query(".field-input") if isinstance(widget, FormField)]

    def show_message_in(self, field: FormField) -> None:
        problem = self.state.problem_for(field.path)
        field.show_message(problem.message if problem else "", problem.severity if problem else "")

    # -- when the record changed elsewhere ----------------------------------------------------

    def reload_values(self) -> None:
        """Put the record's current values into the fields (after a change made elsewhere)."""
        for field in self.fields():
            value = self.state.session.text_of(field.path)
            if isinstance(field, Input) and field.value != value:
                field.value = value
            elif isinstance(field, TextArea) and field.text != value:
                field.load_text(value)

    async def redraw(self) -> None:
        """The record or the wording changed throughout: compose the step anew and show it."""
        await self.recompose()
        self.apply_read_only()
        self.show_record()
        self.refresh_messages()
        self.call_after_refresh(self._focus_again)

    def _focus_again(self) -> None:
        """After composing anew, the focused widget may be gone: typing goes to the first field again."""
        focused = self.focused
        if self.is_current and (focused is None or not focused.is_attached):
            self.focus_next(self.AUTO_FOCUS or "*")

    async def rebuild(self, focus: str | None = None) -> None:
        """Sections, points or groups were added, moved or removed: lay the form out again."""
        self.reload_values()
        await self.settle(focus)

    async def settle(self, focus: str | None = None) -> None:
        """After a change of the form: show the record, focus ``focus``, let the keys typed meanwhile go."""
        if self.is_attached:
            self.show_record()
        if focus:
            self.focus_field(focus)
        # The focus is where the button sent it: keys typed meanwhile go there, once the form
        # is laid out (Tab follows the widgets' places on screen: new ones have none before).
        self.call_after_refresh(self.app.post_message, KeysReleased())

    def focus_field(self, path: str) -> bool:
        """Focus the widget that edits ``path``; False when this step has none.

        An item of a list (``training.organisers[1]``) is edited in its list's field.
        """
        widgets = self.query(f"#{field_id(path)}")
        if not widgets and path.endswith("]"):
            widgets = self.query(f"#{field_id(path[: path.rindex('[')])}")
        if not widgets:
            return False
        widget = widgets.first()
        for folded in widget.ancestors_with_self:
            # A field folded away (the title block) is unfolded to be worked on.
            if isinstance(folded, Collapsible):
                folded.collapsed = False
        widget.focus()
        self.call_after_refresh(widget.scroll_visible, animate=False)
        return True


class PagedStep(StepScreen):
    """A step whose form lists items (course groups, sections) a page at a time (see ``Pager``)."""

    #: The container the page of items is composed into.
    LIST_ID: ClassVar[str]
    #: The page of items on show.
    page = 0

    def compose_page(self) -> ComposeResult:
        """The page's items (and the pager, when there is more than one page)."""
        raise NotImplementedError

    def page_for(self, path: str) -> int | None:
        """The page that shows the field for ``path``; None when no item of this step holds it."""
        raise NotImplementedError

    #: The shape of the record (``WizardState.shape``) the page was composed for.
    composed_for: tuple[object, ...] = ()

    def on_mount(self) -> None:
        self.composed_for = self.state.shape()

    async def follow_shape(self) -> None:
        # Adding a section on step 3 moves step 4's sections along the list: the paths its
        # fields were made with would name other sections, or none.
        if self.composed_for != self.state.shape():
            await self.rebuild()

    async def rebuild(self, focus: str | None = None) -> None:
        """Lay the page out again after an item was added, moved or removed, or the page turned."""
        self.composed_for = self.state.shape()
        container = self.query_one(f"#{self.LIST_ID}")
        await container.remove_children()
        await container.mount_compose(self.compose_page())
        await super().rebuild(focus)

    async def appended(self, focus: str) -> None:
        """An item was added at the end of its list, and only its widgets mounted: settle on it."""
        self.composed_for = self.state.shape()
        self.apply_read_only()
        await self.settle(focus)

    async def moved(self, focus: str) -> None:
        """Two items of a list swapped places: the fields keep their paths, and show the values now there
        (two sections with different numbers of points: the page is composed anew)."""
        if self.composed_for != self.state.shape():
            await self.rebuild(focus)
            return
        self.reload_values()
        self.refresh_messages()
        await self.settle(focus)

    def enable_down(self, kind: str, index: int, owner: int | None = None) -> None:
        """The ↓ of item ``index`` (once the last of its list) can move it down now an item follows;
        ``owner``: the section a point is in."""
        for button in self.query(ItemButton):
            if (button.kind, button.move, button.index) == (kind, "down", index) and owner in (None, button.owner):
                button.disabled = self.state.session.read_only

    @on(Pager.Turned)
    async def turn_page(self, message: Pager.Turned) -> None:
        forward = message.page > self.page
        self.page = message.page
        await self.rebuild()
        self.query_one("#form").scroll_home(animate=False)
        # The pager is made anew with the page: the focus stays on the button pressed (Enter
        # turns on), or on the other one at the last or first page.
        buttons = [self.query(".page-next"), self.query(".page-back")]
        for found in buttons if forward else buttons[::-1]:
            if found and not found.first().disabled:
                found.first().focus()
                break

    def focus_field(self, path: str) -> bool:
        """Focus the field for ``path``, turning to its item's page first."""
        page = self.page_for(path)
        if page is not None and page != self.page:
            self.page = page
            self.call_next(self.rebuild, path)
            return True
        return super().focus_field(path)
