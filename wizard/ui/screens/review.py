"""Step 5, 预览与保存: the whole speech, its length, open problems (each a jump), layout, save."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from wizard.length import blocks_line, measure_speech
from wizard.model import DATE_STYLES, POINT_LAYOUTS, POINT_NUMBERINGS
from wizard.ui import texts
from wizard.ui.screens.base import CARD_CSS, StepScreen
from wizard.ui.widgets.fields import make_field

TARGETS = (3, 5, 8, 10)

_OPTION_KEYS = {
    "points": ("points", POINT_LAYOUTS),
    "numbering": ("numbering", POINT_NUMBERINGS),
    "date_style": ("date", DATE_STYLES),
}
_CHOICES = (*_OPTION_KEYS, "target_minutes")


class ReviewScreen(StepScreen):
    STEP = "review"
    DEFAULT_CSS = CARD_CSS + """
    #length { text-style: bold; margin: 1 0; }
    #blocks-length { color: $text-muted; margin-bottom: 1; }
    #problems { height: auto; max-height: 12; margin-bottom: 1; }
    #layout { margin-top: 1; }
    #layout > Select { margin-bottom: 1; }
    .review-buttons { height: auto; margin-bottom: 1; }
    .review-buttons > Button { margin-right: 1; }
    """
    #: Arriving to read and finish: the length and the actions stay in view.
    FIRST_FOCUS = "#copy"

    def compose_form(self) -> ComposeResult:
        speech = self.session.speech
        wording = texts.step("review")
        yield Static(id="length")
        yield Static(id="blocks-length")
        with Horizontal(classes="review-buttons"):
            yield Button("复制全文", id="copy", variant="primary")
            yield Button("导出 Word", id="export-docx")
            yield Button("导出 Markdown", id="export-markdown")
        yield Label(Text(wording["problems"]), classes="field-label")
        yield OptionList(id="problems")
        yield Button("自动修正标点…", id="fix-typography")
        yield make_field(self.STEP, "salutation", "salutation", speech.salutation, suggestions=texts.choices("salutations"))
        yield make_field(self.STEP, "closing", "closing", speech.closing, suggestions=texts.choices("closings"))
        layout_text = wording["layout"]
        with Vertical(id="layout", classes="card"):
            yield Static(Text(layout_text["label"]), classes="card-title")
            for attribute, (prefix, values) in _OPTION_KEYS.items():
                yield Label(Text(layout_text[attribute]))
                options = [(layout_text[f"{prefix}_{value.replace('-', '_')}"], value) for value in values]
                yield Select(
                    options, value=getattr(speech.layout, attribute), allow_blank=False, id=f"layout-{attribute}"
                )
            yield Label(Text(layout_text["target_minutes"]))
            targets = [(layout_text["target_none"], 0)] + [
                (layout_text["target_n"].format(minutes=minutes), minutes) for minutes in TARGETS
            ]
            yield Select(targets, value=speech.layout.target_minutes if speech.layout.target_minutes in TARGETS else 0,
                         allow_blank=False, id="layout-target_minutes")
            yield Label(Text(layout_text["speaking_rate"]))
            yield Input(str(speech.layout.speaking_rate), id="layout-rate", type="integer", select_on_focus=False)

    def preview_key(self) -> str:
        return ""

    def refresh_preview(self) -> None:
        super().refresh_preview()
        if not self.is_mounted:
            return
        speech = self.session.speech
        length = measure_speech(speech)
        summary = texts.step("review")["length"].format(summary=length.line(), rate=length.rate)
        self.query_one("#length", Static).update(Text(summary))
        self.query_one("#blocks-length", Static).update(Text(blocks_line(speech)))
        problems = self.query_one("#problems", OptionList)
        highlighted = problems.highlighted
        problems.clear_options()
        found = self.wizard.problems()
        if not found:
            problems.add_option(Option(Text(texts.app_text("no_problems")), disabled=True))
        for number, problem in enumerate(found):
            # No space after the mark: Rich wraps at spaces, and would leave
            # the mark alone on a line above a long run of Chinese.
            mark = "【错误】" if problem.severity == "error" else "【提示】"
            title = texts.step(problem.step)["title"]
            label = Text(f"{mark}{title}：{problem.message}")
            label.stylize("bold red" if problem.severity == "error" else "yellow", 0, len(mark))
            problems.add_option(Option(label, id=f"problem-{number}"))
        if highlighted is not None and highlighted < problems.option_count:
            problems.highlighted = highlighted

    @on(OptionList.OptionSelected, "#problems")
    def jump(self, event: OptionList.OptionSelected) -> None:
        number = int((event.option.id or "problem-0").split("-")[1])
        problems = self.wizard.problems()
        if number < len(problems):
            problem = problems[number]
            self.wizard.goto(problem.step, focus=problem.field)

    @on(Select.Changed)
    def layout_changed(self, event: Select.Changed) -> None:
        attribute = (event.select.id or "").removeprefix("layout-")
        if attribute in _CHOICES and getattr(self.session.speech.layout, attribute) != event.value:
            setattr(self.session.speech.layout, attribute, event.value)
            self.session.changed()
            self.wizard.record_changed()

    @on(Input.Changed, "#layout-rate")
    def rate_changed(self, event: Input.Changed) -> None:
        try:
            rate = int(event.value)
        except ValueError:
            return
        if 60 <= rate <= 600 and rate != self.session.speech.layout.speaking_rate:
            self.session.speech.layout.speaking_rate = rate
            self.session.changed()
            self.wizard.record_changed()

    @on(Button.Pressed, "#copy")
    def _copy(self) -> None:
        self.wizard.action_copy()

    @on(Button.Pressed, "#export-docx")
    def _export_docx(self) -> None:
        self.wizard.action_export("docx")

    @on(Button.Pressed, "#export-markdown")
    def _export_markdown(self) -> None:
        self.wizard.action_export("markdown")

    @on(Button.Pressed, "#fix-typography")
    def _fix(self) -> None:
        self.wizard.action_fix_typography()
