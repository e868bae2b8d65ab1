"""Step 5, 预览与保存: the whole speech, its length, open problems (each a jump), layout, save."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from wizard.length import blocks_line, measure_speech
from wizard.ui.messages import GoTo
from wizard.ui.screens.step import StepScreen
from wizard.ui.widgets.line_breaks import wrap
from wizard.ui.wording import app_text, choices, layout_text

TARGETS = (3, 5, 8, 10)


class ReviewScreen(StepScreen):
    STEP = "review"
    #: Arriving to read and finish: the length and the actions stay in view.
    AUTO_FOCUS = "#copy"

    def compose_form(self) -> ComposeResult:
        speech = self.state.speech
        wording = self.state.wording.step("review")
        yield Static(id="length")
        yield Static(id="blocks-length")
        with Horizontal(classes="review-buttons"):
            yield Button("复制全文", id="copy", variant="primary", action="app.copy")
            yield Button("导出 Word", id="export-docx", action="app.export('docx')")
            yield Button("导出 Markdown", id="export-markdown", action="app.export('markdown')")
        yield Label(Content(wording["problems"]), classes="field-label")
        yield OptionList(id="problems")
        yield Button("自动修正标点…", id="fix-typography", action="app.fix_typography")
        session = self.state.session
        yield self.field("salutation", "salutation", speech.salutation, suggestions=choices("salutations"))
        yield self.field("greeting", "greeting", speech.greeting, suggestions=choices("greetings"))
        yield self.field("closing", "closing", speech.closing, multiline=True)
        yield self.field("signature_name", "signature.name", speech.signature.name)
        yield self.field("signature_date", "signature.date", session.text_of("signature.date"))
        texts = layout_text()
        with Vertical(id="layout", classes="card"):
            yield Static(Content(texts["label"]), classes="card-title")
            yield Label(Content(texts["target_minutes"]))
            targets = [(texts["target_none"], 0)] + [
                (texts["target_n"].format(minutes=minutes), minutes) for minutes in TARGETS
            ]
            yield Select(
                targets,
                value=speech.layout.target_minutes if speech.layout.target_minutes in TARGETS else 0,
                allow_blank=False,
                id="layout-target_minutes",
            )
            yield Label(Content(texts["speaking_rate"]))
            yield Input(str(speech.layout.speaking_rate), id="layout-rate", type="integer", select_on_focus=False)

    def preview_key(self) -> str:
        return ""

    def show_record(self) -> None:
        super().show_record()
        speech = self.state.speech
        length = measure_speech(speech)
        summary = self.state.wording.step("review")["length"].format(summary=length.line(), rate=length.rate)
        self.query_one("#length", Static).update(Content(summary))
        self.query_one("#blocks-length", Static).update(Content(blocks_line(speech)))

    def show_problems(self) -> None:
        if self.is_attached:
            self.list_problems()
        super().show_problems()

    def on_resize(self) -> None:
        # (StepScreen's handler runs too.) The problems are broken into rows for the list's width: broken again for the new one.
        self.call_after_refresh(self.list_problems)

    def list_problems(self) -> None:
        """Every open problem in the list, each a way to the field it is about.

        Each is broken into rows as the preview breaks the speech (``line_breaks``):
        no row starts with ：or 。, none ends with “ or 【. Rich would break anywhere.
        """
        if not self.is_attached:
            return
        problems = self.query_one("#problems", OptionList)
        width = problems.scrollable_content_region.width
        width -= problems.get_component_styles("option-list--option").padding.width
        highlighted = problems.highlighted
        problems.clear_options()
        found = self.state.problems()
        if not found:
            problems.add_option(Option(Content(app_text("no_problems")), disabled=True))
        for number, problem in enumerate(found):
            mark = "【错误】" if problem.severity == "error" else "【提示】"
            title = self.state.wording.title(problem.step)
            text = f"{mark}{title}：{problem.message}"
            label = Text("\n".join(row for _, row in wrap(text, width)) if width > 8 else text)
            label.stylize("bold red" if problem.severity == "error" else "yellow", 0, len(mark))
            problems.add_option(Option(label, id=f"problem-{number}"))
        if highlighted is not None and highlighted < problems.option_count:
            problems.highlighted = highlighted

    @on(OptionList.OptionSelected, "#problems")
    def jump(self, event: OptionList.OptionSelected) -> None:
        number = int((event.option.id or "problem-0").split("-")[1])
        problems = self.state.problems()
        if number < len(problems):
            problem = problems[number]
            self.post_message(GoTo(problem.step, focus=problem.field))

    @on(Select.Changed, "#layout-target_minutes")
    def target_changed(self, event: Select.Changed) -> None:
        if self.state.speech.layout.target_minutes != event.value:
            self.state.speech.layout.target_minutes = int(str(event.value))
            self.state.changed()
            self.show_record()

    @on(Input.Changed, "#layout-rate")
    def rate_changed(self, event: Input.Changed) -> None:
        try:
            rate = int(event.value)
        except ValueError:
            return
        if 60 <= rate <= 600 and rate != self.state.speech.layout.speaking_rate:
            self.state.speech.layout.speaking_rate = rate
            self.state.changed()
            self.show_record()
