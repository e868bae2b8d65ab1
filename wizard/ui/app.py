"""The wizard application: five step screens over one Session, saving and finishing."""

from __future__ import annotations

import gc
import signal
from collections.abc import Callable, Iterable
from importlib import import_module
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from wizard.assemble import Block, blocks, render_text
from wizard.session import Session
from wizard.ui import compositor, css_cache, fold, texts
from wizard.ui.autosave import Autosaver
from wizard.ui.outputs import OutputsMixin
from wizard.ui.phrasing import PhrasingMixin
from wizard.ui.saving import Finished, SavingMixin
from wizard.ui.screens.base import StepScreen
from wizard.ui.screens.training import TrainingScreen
from wizard.ui.template_choice import TemplateMixin

#: When ``collect_garbage`` collects each generation: Python's default thresholds.
GC_POLICY = (700, 10, 100)

if TYPE_CHECKING:
    from wizard.checks import Problem
    from wizard.drafts import Draft

compositor.apply()
fold.apply()


def _later(module: str, name: str) -> Callable[[], Screen]:
    """A step screen imported when first shown: start-up builds only the first step."""

    def make() -> Screen:
        return getattr(import_module(f"wizard.ui.screens.{module}"), name)()

    return make


class SpeechWizardApp(SavingMixin, OutputsMixin, PhrasingMixin, TemplateMixin, App[Finished | None]):
    """Walks through the steps of a speech; the record lives in ``session``."""

    CSS_PATH = "app.tcss"
    TITLE = texts.app_text("title")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    SCREENS = {
        "training": TrainingScreen,
        "courses": _later("courses", "CoursesScreen"),
        "reflections": _later("sections", "ReflectionsScreen"),
        "actions": _later("sections", "ActionsScreen"),
        "review": _later("review", "ReviewScreen"),
    }
    BINDINGS = [
        Binding("ctrl+s", "save", "保存并完成", priority=True),
        Binding("f2", "back", "上一步"),
        Binding("f3", "next", "下一步"),
        Binding("f4", "toggle_preview", "预览"),
        Binding("f5", "copy", "复制全文"),
        Binding("f6", "pick_phrase", "常用语"),
        Binding("ctrl+q", "quit", "退出", priority=True),
    ]

    def __init__(
        self,
        session: Session,
        *,
        cursor_blink: bool = True,
        draft_key: str = "new",
        resume: Draft | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.autosave = Autosaver(self, session, draft_key)
        self.step_screens: list[StepScreen] = []
        self._problems: list[Problem] | None = None
        self.resume = resume
        #: Off in tests and screenshots, so that pictures of the screen are stable.
        self.cursor_blink = cursor_blink
        #: Fields edited in this run, and whether every field's problem is shown.
        self.touched: set[str] = set()
        self.show_all_problems = session.path is not None
        self.step = texts.STEPS[0]
        self._collection_due = False

    def on_mount(self) -> None:
        self._catch_signals()
        self.report_broken_templates()
        if self.resume is None:
            self.push_screen(self.step)
        else:
            from wizard.ui.dialogs.resume import ResumeDialog

            self.push_screen(ResumeDialog(self.resume), self._resume_chosen)
        self.call_after_refresh(self.start_up_done)

    def start_up_done(self) -> None:
        """The first screen is painted: collect garbage again if start-up paused it (run_wizard).

        What start-up made lives as long as the app: it is moved out of the
        collector's way (``gc.freeze``), so later full collections skip it. The
        little cyclic garbage among it (~2,000 objects) is kept, not freed.
        The stylesheets parsed for this screen are kept for the next start.
        """
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
        css_cache.save()

    def _display(self, screen: Screen, renderable) -> None:
        """Send a frame to the terminal; then, as the next thing the app does, collect garbage if due."""
        super()._display(screen, renderable)
        if renderable is not None and not self._collection_due and gc.get_count()[0] >= GC_POLICY[0]:
            self._collection_due = True
            self.call_next(self.collect_garbage)

    def collect_garbage(self) -> None:
        """Collect garbage between frames, by Python's own policy.

        Python collects wherever an allocation crosses its threshold: in the
        middle of a keystroke, two or three times a key on a long speech
        (0.2-3 ms each). Here its policy runs once a frame is sent instead: the
        youngest generation past 700 objects, the next one after ten of those,
        the oldest after a hundred. The automatic threshold stays as a backstop
        (``wizard.ui.run.GC_THRESHOLDS``).
        """
        self._collection_due = False
        if not gc.isenabled():
            return
        young, middle, old = gc.get_count()
        if old >= GC_POLICY[2]:
            gc.collect(2)
        elif middle >= GC_POLICY[1]:
            gc.collect(1)
        elif young >= GC_POLICY[0]:
            gc.collect(0)

    def _resume_chosen(self, resume: bool | None) -> None:
        draft, self.resume = self.resume, None
        self._problems = None
        if resume and draft is not None:
            self.session.speech = draft.speech
            self.session.date_texts.update(draft.date_texts)
            for path, text in draft.date_texts.items():
                self.session.set_text(path, text)
            self.session.dirty = True
            self.show_all_problems = True  # work already under way: show what is open
            self.autosave.changed()
        else:
            self.autosave.discard()
        self.push_screen(self.step)

    def _catch_signals(self) -> None:
        """On SIGTERM, SIGHUP or SIGINT write the draft at once, then leave.

        Only in a real terminal: a headless app (tests, screenshots) must not
        take the signals of the process it runs in.
        """
        import asyncio

        if self.is_headless:
            return

        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP", "SIGINT"):
            number = getattr(signal, name, None)
            if number is None:
                continue
            try:
                loop.add_signal_handler(number, self._on_signal, number)
            except (NotImplementedError, RuntimeError, ValueError):
                pass  # not on this platform, or not the main thread (tests)

    def _on_signal(self, number: int) -> None:
        self.autosave.flush()
        self.exit(None, return_code=128 + number)

    # -- the record as the screens need it -----------------------------------------------------

    def record_changed(self) -> None:
        """Something in the record changed: bring the visible step up to date, keep a draft."""
        self._problems = None
        self.autosave.changed()
        screen = self.screen
        if isinstance(screen, StepScreen):
            screen.refresh_preview()

    def speech_blocks(self) -> list[Block]:
        return blocks(self.session.speech)

    def speech_text(self) -> str:
        return render_text(self.session.speech)

    def problems(self) -> list[Problem]:
        """Unreadable dates first (saving waits for them), then the checks, then typography.

        Worked out once per change of the record, however many widgets ask.
        """
        if self._problems is None:
            from wizard import typography
            from wizard.checks import Problem, check

            typed = [
                Problem("error", "training", path, message) for path, message in self.session.date_errors.items()
            ]
            found = [problem for problem in check(self.session.speech) if problem.field not in self.session.date_errors]
            style = [
                Problem("warning", finding.step, finding.field, f"{finding.message}：{finding.marked_context()}")
                for finding in typography.find(self.session.speech)
            ]
            self._problems = typed + found + style
        return self._problems

    def reload_forms(self) -> None:
        """The record changed behind the forms (a fix, a resumed draft): show it in every step."""
        for screen in self.step_screens:
            screen.reload_values()

    def problem_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for problem in self.problems():
            counts[problem.step] = counts.get(problem.step, 0) + 1
        return counts

    def problem_for(self, path: str) -> Problem | None:
        """The problem to show beside the field at ``path``.

        A field the user has not touched yet stays quiet until the review step
        has been seen, so a new speech does not open covered in red.
        """
        if not (self.show_all_problems or path in self.touched):
            return None
        return next((problem for problem in self.problems() if problem.field == path), None)

    # -- moving around -------------------------------------------------------------------------

    def goto(self, step: str, focus: str | None = None) -> None:
        """Show ``step``; focus the field at ``focus`` when that step has it."""
        if step == texts.STEPS[-1]:
            self.show_all_problems = True
        if step != self.step:
            self.step = step
            self.switch_screen(step)
        if focus:
            screen = self.get_screen(step)
            self.call_after_refresh(lambda: isinstance(screen, StepScreen) and screen.focus_field(focus))

    def action_next(self) -> None:
        index = texts.STEPS.index(self.step)
        if index + 1 < len(texts.STEPS):
            self.goto(texts.STEPS[index + 1])

    def action_back(self) -> None:
        index = texts.STEPS.index(self.step)
        if index > 0:
            self.goto(texts.STEPS[index - 1])

    def action_toggle_preview(self) -> None:
        self.screen.toggle_class("-show-preview")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for number, step in enumerate(texts.STEPS, start=1):
            prompt = texts.step(step)
            yield SystemCommand(f"第{number}步：{prompt['title']}", prompt["question"], lambda s=step: self.goto(s))
        yield SystemCommand("保存并完成", "保存记录，退出并打印发言稿", self.action_save)
        yield SystemCommand("显示/隐藏预览", "窄屏时在表单下方显示发言预览", self.action_toggle_preview)
        yield SystemCommand("复制全文", "把发言全文复制到剪贴板", self.action_copy)
        yield SystemCommand("导出 Word 文件", "按公文格式（GB/T 9704）导出 .docx", lambda: self.action_export("docx"))
        yield SystemCommand("导出 Markdown 文件", "导出 .md", lambda: self.action_export("markdown"))
        yield SystemCommand("常用语…", "从常用语库插入标题、领起句或一组排比句（F6）", self.action_pick_phrase)
        yield SystemCommand("从以往发言导入…", "把以前保存的发言中的部分或要点导入本篇", self.action_import)
        yield SystemCommand("修正标点", "自动修正半角标点、引号、连接号和日期写法（先显示改动）", self.action_fix_typography)
        yield from super().get_system_commands(screen)

    # -- leaving -----------------------------------------------------------------------------

    async def action_quit(self) -> None:
        if not self.session.dirty:
            self.exit(None)
            return
        from wizard.ui.dialogs.confirm import ConfirmDialog

        kept = self.autosave.flush()
        question = "有尚未保存的修改。"
        question += "草稿已保存，下次启动时可以恢复。确定要退出吗？" if kept else "草稿也无法保存！确定要退出吗？"
        self.push_screen(
            ConfirmDialog(question, "退出", "继续编辑", yes_first=False),
            lambda yes: self.exit(None) if yes else None,
        )

    def action_help_quit(self) -> None:
        """Ctrl+C outside a text field: people press it to leave, so treat it as Ctrl+Q."""
        self.run_worker(self.action_quit())
