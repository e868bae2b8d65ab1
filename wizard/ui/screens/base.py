"""What every step screen shares: the step bar, the form, the preview, Back/Next, the Footer."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Static, TextArea

from wizard.fields import block_key
from wizard.length import count_blocks
from wizard.ui import texts
from wizard.ui.widgets.fields import Field, field_id
from wizard.ui.widgets.nav_button import NavButton
from wizard.ui.widgets.preview import Preview, PreviewBlock
from wizard.ui.widgets.step_bar import StepBar

if TYPE_CHECKING:
    from wizard.session import Session
    from wizard.ui.app import SpeechWizardApp

#: Boxes for the items of a list (course groups, sections, the review's layout) and the
#: buttons that move them. Steps other than the first add this to their DEFAULT_CSS,
#: so it is parsed when one of them is first shown, not before the first frame.
CARD_CSS = """
.card { height: auto; border: round $panel-lighten-2; padding: 0 1; margin-bottom: 1; }
.card-title { text-style: bold; color: $accent; }
.item-buttons { height: auto; margin-bottom: 1; }
.item-buttons > Button { margin-right: 1; }
"""


class StepScreen(Screen[None]):
    """A wizard step: subclasses say which step and compose its form."""

    STEP: ClassVar[str]
    #: Typing starts in the first field (see focus_first_field), not in the scrolling container.
    AUTO_FOCUS = ""
    FIRST_FOCUS = "FieldInput, FieldArea"
    #: While a keystroke is applied, or the screen is first shown: the problems wait
    #: until its frame is painted.
    _problems_later = False
    #: Problems to show once the frame is painted: due, and the fields whose message to refresh.
    _problems_due = False
    _messages_due: tuple[Field, ...] = ()
    #: Shown before: a later resume restyles the screen, as Textual does (see on_screen_resume).
    _shown = False

    @property
    def wizard(self) -> SpeechWizardApp:
        return cast("SpeechWizardApp", self.app)

    @property
    def session(self) -> Session:
        return self.wizard.session

    def compose(self) -> ComposeResult:
        # The breakpoint class (-wide or -narrow) before anything is styled: Textual sets
        # it on the first resize, and the change restyled the whole form a second time.
        width = self.app.size.width
        breakpoints = self.app.HORIZONTAL_BREAKPOINTS or []
        chosen = max((bound, name) for bound, name in breakpoints if width >= bound) if breakpoints else None
        for _, name in breakpoints:
            self.set_class(chosen is not None and name == chosen[1], name)
        prompt = texts.step(self.STEP)
        yield StepBar(self.STEP)
        # Form and preview side by side (one above the other on a narrow terminal) in
        # the screen's own layout, under the step bar docked at the top: a container
        # around them cost every frame a full-screen widget to style, place and draw.
        with VerticalScroll(id="form", can_focus=False):
            yield Static(Text(prompt["question"]), classes="question")
            yield Static(Text(prompt["hint"]), classes="step-hint")
            yield from self.compose_form()
            with Horizontal(classes="nav"):
                yield NavButton(texts.app_text("back"), id="back", disabled=self.STEP == texts.STEPS[0])
                if self.STEP == texts.STEPS[-1]:
                    yield NavButton(texts.app_text("save"), id="save", variant="primary")
                else:
                    yield NavButton(texts.app_text("next"), id="next", variant="primary")
        # The speech is in the preview from the first frame, composed with the form:
        # mounted later it cost a second round of styling and layout.
        with Preview(id="preview"):
            for block in self.wizard.speech_blocks():
                yield PreviewBlock(block.key, block.lines)
        yield Footer()

    def compose_form(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.wizard.step_screens.append(self)
        self.focus_first_field()

    def focus_first_field(self) -> None:
        """Typing starts in the first field (not in the scrolling container).

        Focusing normally centres the widget, computed before the form's layout
        has settled on a first visit: the form opened scrolled past its first
        field. The first field is at the top anyway. Here, called once the form
        is mounted but before the screen is first laid out, the field is styled
        as focused at once (as Textual's own auto-focus does) and is painted
        focused in the first frame, not restyled and repainted a frame later.
        """
        if self.focused is not None:
            return
        fields = self.query(self.FIRST_FOCUS)  # one walk of the screen: the query keeps its result
        first = fields.first() if fields else None
        if first is not None and first.focusable:
            first.has_focus = True
            self.set_focus(first, scroll_visible=False)

    def reload_values(self) -> None:
        """Put the record's current values into the fields (after a change made elsewhere)."""
        for widget in self.fields():
            value = self.session.text_of(widget.path)
            if isinstance(widget, Input) and widget.value != value:
                widget.value = value
            elif isinstance(widget, TextArea) and widget.text != value:
                widget.load_text(value)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._shown:
            # Textual restyles every widget of a screen it resumes. Shown for the first
            # time, each was styled as it was mounted, a moment ago: ~20 ms for nothing.
            event.refresh_styles = False
        # Shown for the first time, the form and the speech are painted first, and
        # the problems follow in the next frame: checking the whole record held the
        # first frame up by ~10 ms.
        self._problems_later = not self._shown
        try:
            self.refresh_preview()
        finally:
            self._problems_later = False
        if self._shown:
            self.refresh_messages()
        else:
            self.call_after_refresh(self.refresh_messages)
        self._shown = True
        self.focus_first_field()
        focused = self.focused
        path = getattr(focused, "path", None) if focused else None
        self.query_one(Preview).follow(block_key(path) if path else self.preview_key())

    def preview_key(self) -> str:
        """The block of the speech this step is about, for the preview to show."""
        return "opening"

    # -- reacting to the form ------------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    def field_changed(self, event: Input.Changed | TextArea.Changed) -> None:
        self.field_edited(event.control)

    def field_edited(self, widget: Widget) -> None:
        """Put the text of the field ``widget`` into the record and show the result.

        The field calls this itself as soon as it changes (``tell_form``), so the
        frame that shows the keystroke shows the preview too; the Changed message
        that bubbles up later then finds nothing new.
        """
        path = getattr(widget, "path", None)
        if path is None:
            return
        value = widget.value if isinstance(widget, Input) else widget.text
        if value == self.session.text_of(path):
            return
        self.session.set_text(path, value)
        self.wizard.touched.add(path)
        if isinstance(widget, Field):
            self._messages_due = (*self._messages_due, widget)
        self._problems_later = True
        try:
            self.wizard.record_changed()
        finally:
            self._problems_later = False
        if not isinstance(widget, Field):
            self.show_field_message(path)

    def on_descendant_focus(self, event) -> None:
        path = getattr(event.widget, "path", None)
        if path:
            self.query_one(Preview).follow(block_key(path))

    @on(Button.Pressed, "#next")
    def _next(self) -> None:
        self.wizard.action_next()

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.wizard.action_back()

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.wizard.action_save()

    @on(StepBar.Chosen)
    def _tab(self, message: StepBar.Chosen) -> None:
        self.wizard.goto(message.step)

    # -- showing the record --------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Show the speech as it now stands and its length, and the open problems on the step bar.

        After a keystroke the problems follow once its frame is painted: the
        preview and the count are in that frame, and checking the whole record
        (and any change of the step bar's layout) does not hold it up.
        """
        if not self.is_mounted:
            return
        blocks = self.wizard.speech_blocks()
        self.query_one(Preview).show_blocks(blocks)
        self.query_one(StepBar).show(characters=count_blocks(blocks))
        if not self._problems_later:
            self.refresh_problems()
        elif not self._problems_due:
            self._problems_due = True
            self.call_after_refresh(self.refresh_problems)

    def refresh_problems(self) -> None:
        """The open problems: counts on the step bar, and the message of each field just typed in."""
        self._problems_due = False
        fields, self._messages_due = self._messages_due, ()
        if not self.is_mounted:
            return
        self.query_one(StepBar).show(self.wizard.problem_counts())
        for field in fields:
            if field.is_attached:
                self.show_message_in(field)

    def refresh_messages(self) -> None:
        """Show each field's current message (a wrong date, an empty required field)."""
        for field in self.fields():
            self.show_message_in(field)

    def show_field_message(self, path: str) -> None:
        for field in self.fields():
            if field.path == path:
                self.show_message_in(field)

    def fields(self) -> list[Field]:
        """The step's fields, in order."""
        return [cast(Field, widget) for widget in self.query(".field-input")]

    def show_message_in(self, field: Field) -> None:
        problem = self.wizard.problem_for(field.path)
        field.show_message(problem.message if problem else "", problem.severity if problem else "")

    def focus_field(self, path: str) -> bool:
        """Focus the widget that edits ``path``; False when this step has none.

        An item of a list (``training.organisers[1]``) is edited in its list's field.
        """
        widgets = self.query(f"#{field_id(path)}")
        if not widgets and path.endswith("]"):
            widgets = self.query(f"#{field_id(path[: path.rindex('[')])}")
        if not widgets:
            return False
        widget: Widget = widgets.first()
        widget.focus()
        self.call_after_refresh(widget.scroll_visible, animate=False)
        return True
