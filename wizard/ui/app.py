"""The wizard application: five step screens over one state, and the actions that leave them.

The app holds the ``WizardState`` and a screen per step, made when first
shown. Screens send ``GoTo`` and ``TemplateChosen`` up; the app calls down to
them when the record changed behind their backs. What an action does step by
step (save, copy, export, phrases, import) is in ``wizard.ui.flows``.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button

from wizard import drafts
from wizard.ui.autosave import DELAY, Autosaver
from wizard.ui.dialogs.choice import ChoiceDialog
from wizard.ui.dialogs.confirm import ConfirmDialog
from wizard.ui.dialogs.resume import Choice, ResumeDialog
from wizard.ui.exit_watch import exit_within
from wizard.ui.flows import importing, outputs, phrasing, saving
from wizard.ui.flows.saving import Finished
from wizard.ui.messages import MOVES_FOCUS, GoTo, KeysReleased, TemplateChosen
from wizard.ui.screens.courses import CoursesScreen
from wizard.ui.screens.review import ReviewScreen
from wizard.ui.screens.sections import ActionsScreen, ReflectionsScreen
from wizard.ui.screens.step import PROBLEMS_AFTER, StepScreen
from wizard.ui.screens.training import TrainingScreen
from wizard.ui.state import WizardState
from wizard.ui.wording import STEPS, app_text

if TYPE_CHECKING:
    from pathlib import Path

    from wizard.drafts import Draft, Lock

SCREENS: dict[str, type[StepScreen]] = {
    "training": TrainingScreen,
    "courses": CoursesScreen,
    "reflections": ReflectionsScreen,
    "actions": ActionsScreen,
    "review": ReviewScreen,
}


def in_use_dialog(path: Path | None) -> ChoiceDialog:
    question = f"这个文件正在另一个向导中编辑：{path}\n两处同时修改会互相覆盖。要怎样打开？"
    answers = [("read-only", "只读打开"), ("copy", "打开副本"), ("quit", "退出")]
    return ChoiceDialog(question, answers, default="read-only")


class SpeechWizardApp(App[Finished | None]):
    """Walks through the steps of a speech; the record lives in ``state``."""

    CSS_PATH = ["app.tcss", "screens/steps.tcss", "dialogs/dialogs.tcss"]
    TITLE = app_text("title")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [
        # Focus moves the moment Tab is read, before the next key is: keys typed right after
        # Tab (a fast typist, an IME's commit, a paste tool) land in the field Tab went to.
        # As a screen binding, Tab would reach it only after bubbling up from the field,
        # and the keys behind it would already have gone to the field being left. It also
        # means Tab never reaches a field's drop-down: it moves on, and never takes a suggestion.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
        Binding("ctrl+s", "save", "保存并完成", priority=True),
        Binding("f2", "previous_step", "上一步"),
        Binding("f3", "next_step", "下一步"),
        Binding("f4", "toggle_preview", "预览"),
        Binding("f5", "copy", "复制全文"),
        Binding("f6", "pick_phrase", "常用语"),
        Binding("ctrl+q", "quit", "退出", priority=True),
        # The palette's key, named in Chinese in the footer (Textual adds an English one otherwise).
        Binding("ctrl+p", "command_palette", "命令", show=False, priority=True, tooltip="打开命令面板"),
    ]

    def __init__(
        self,
        state: WizardState,
        *,
        draft_key: str = "new",
        draft_lock: Lock | None = None,
        resume: list[Draft] | None = None,
        in_use: bool = False,
        cursor_blink: bool = True,
        autosave_delay: float = DELAY,
        problems_after: float = PROBLEMS_AFTER,
        warnings: Iterable[str] = (),
        ansi_color: bool = False,
    ) -> None:
        # With NO_COLOR, Textual strips colour from a frame drawn in the terminal's own
        # (ANSI) colours, and only greys it out from the theme's: ``ansi_color`` asks for the former.
        super().__init__(ansi_color=ansi_color)
        self.state = state
        #: Keys waiting for the form to be laid out after a button (``on_event``); None: none wait.
        self._held_keys: list[events.Key] | None = None
        self._hold_timer: Timer | None = None
        self.autosave = Autosaver(self, state.session, draft_key, delay=autosave_delay)
        state.subscribe(self.autosave.changed)
        #: The lock that keeps this wizard's draft its own; released when the wizard ends.
        self.draft_lock = draft_lock
        #: Drafts other wizards left behind, offered at start, newest first.
        self.resume = resume or []
        #: Another running wizard has the file open: ask to read it only or to copy it.
        self.in_use = in_use
        #: Off in tests and screenshots, so that pictures of the screen are stable.
        self.cursor_blink = cursor_blink
        #: Said once the first screen is up (a user's template that could not be read).
        self.warnings = list(warnings)
        self.step_screens: dict[str, StepScreen] = {}
        self.problems_after = problems_after

    def step_screen(self, step: str) -> StepScreen:
        """The screen of ``step``, made and installed the first time it is asked for."""
        if step not in self.step_screens:
            screen = self.step_screens[step] = SCREENS[step](self.state, self.problems_after)
            self.install_screen(screen, name=step)
        return self.step_screens[step]

    # -- keys typed while the form is laid out anew ------------------------------------------

    #: Seconds at most that keys wait for a button's new layout (a safety net: it takes a frame or two).
    HOLD_AT_MOST = 1.0

    async def on_event(self, event: events.Event) -> None:
        """Keys typed right after Enter on ＋ 添加一点 (or ✕删除, the pager) wait for its new layout.

        The button lays the form out anew and then focuses the new point's
        first field. A fast typist's next keys would otherwise be forwarded
        to whatever has the focus in between (the button, then whatever Tab
        found), and text meant for the new point would land elsewhere. They are
        held, in order, until the step says the focus is there (``KeysReleased``).
        """
        # A key as typed, not one bubbling back up from the widget it was forwarded to.
        key = event if isinstance(event, events.Key) and not event.is_forwarded else None
        if key is not None and self._held_keys is not None:
            self._held_keys.append(key)
            return
        focused = self.focused if key is not None else None
        presses = (
            key is not None
            and key.key == "enter"  # a Button's one key
            and isinstance(focused, Button)
            and focused.has_class(MOVES_FOCUS)
            and not focused.disabled
        )
        await super().on_event(event)
        if presses:
            self._held_keys = []
            self._hold_timer = self.set_timer(self.HOLD_AT_MOST, lambda: self.post_message(KeysReleased()))

    async def on_keys_released(self, message: KeysReleased) -> None:
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        held, self._held_keys = self._held_keys or [], None
        for key in held:
            await self.on_event(key)  # in order; one of them may start holding again

    def on_mount(self) -> None:
        self._catch_signals()
        self.push_screen(self.step_screen(self.state.step))
        for warning in self.warnings:
            self.notify(warning, title="提示", severity="warning", timeout=10, markup=False)
        if self.in_use:
            self.push_screen(in_use_dialog(self.state.session.path), self._in_use_chosen)
        elif self.resume:
            self.push_screen(ResumeDialog(self.resume), self._resume_chosen)

    def release_locks(self) -> None:
        """The wizard is ending: its draft (if any is left) becomes an orphan for the next one to offer."""
        if self.draft_lock is not None:
            self.draft_lock.release()

    async def _in_use_chosen(self, answer: str | None) -> None:
        session = self.state.session
        if answer == "copy":
            session.path, session.original = None, None
            self.notify("已作为副本打开：保存时会询问新的文件名。", markup=False)
        elif answer == "read-only":
            session.read_only = True
            for screen in self.step_screens.values():
                await screen.redraw()
            self.notify("只读打开：可以阅读、复制和导出，不能修改和保存。", markup=False)
        else:
            self.exit(None)

    async def _resume_chosen(self, choice: Choice) -> None:
        if choice is None:
            return
        action, draft = choice
        if action == "discard":
            drafts.remove(draft.key)
            return
        lock = drafts.adopt(draft.key)
        if lock is None:
            self.notify("这份草稿已被另一个正在运行的向导接手。", severity="warning", markup=False)
            return
        self.release_locks()
        self.draft_lock = lock
        self.autosave.key = draft.key
        session = self.state.session
        session.speech = draft.speech
        session.date_texts.update(draft.date_texts)
        for path, text in draft.date_texts.items():
            session.set_text(path, text)
        self.state.show_all_problems = True  # work already under way: show what is open
        self.state.changed()
        await self.redraw_steps()

    def _catch_signals(self) -> None:
        """On SIGTERM, SIGHUP or SIGINT write the draft at once, then leave.

        Only in a real terminal: a headless app (tests, screenshots) must not
        take the signals of the process it runs in.
        """
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP", "SIGINT"):
            number = getattr(signal, name, None)
            if number is None:
                continue
            # Not on every platform, nor outside the main thread.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, self._on_signal, number)

    def _on_signal(self, number: int) -> None:
        self.autosave.flush()
        # Textual's writer thread may be blocked on a dead terminal: leave within 1.5 s in any case.
        exit_within(1.5, 128 + number)
        self.exit(None, return_code=128 + number)

    # -- moving around -------------------------------------------------------------------------

    def go_to(self, step: str, focus: str | None = None) -> None:
        """Show ``step``; focus the field for the record path ``focus`` when that step has it."""
        self.state.go_to(step)
        screen = self.step_screen(step)
        if self.screen is not screen:
            self.switch_screen(step)
        if focus:
            self.call_after_refresh(screen.focus_field, focus)

    @on(GoTo)
    def _go(self, message: GoTo) -> None:
        self.go_to(message.step, message.focus)

    def action_next_step(self) -> None:
        index = STEPS.index(self.state.step)
        if index + 1 < len(STEPS):
            self.go_to(STEPS[index + 1])

    def action_previous_step(self) -> None:
        index = STEPS.index(self.state.step)
        if index > 0:
            self.go_to(STEPS[index - 1])

    def action_toggle_preview(self) -> None:
        self.screen.toggle_class("-show-preview")

    # -- when the record changed behind the screens -------------------------------------------

    def reload_steps(self) -> None:
        """Every field of every step shows the record's value again (after a fix)."""
        for screen in self.step_screens.values():
            screen.reload_values()
            if screen is self.screen:
                screen.show_record()

    async def redraw_steps(self) -> None:
        """The whole record changed (a kind chosen, a draft resumed, a document imported): compose every step anew."""
        for screen in self.step_screens.values():
            await screen.redraw()

    async def rebuild_steps(self) -> None:
        """Sections or points were added from outside a form: lay out every step that shows them."""
        for screen in self.step_screens.values():
            await screen.rebuild()

    @on(TemplateChosen)
    async def _template_chosen(self, message: TemplateChosen) -> None:
        from wizard import templates

        template = templates.get(message.name)
        self.state.use_template(template)
        await self.redraw_steps()
        # Focus stays where the user chose, so Tab goes on to the course's name.
        if chooser := self.screen.query("#template"):
            chooser.first().focus()
        self.notify(f"已切换为“{template.label}”。", markup=False)

    # -- actions -------------------------------------------------------------------------------

    @work(exclusive=True, group="save")
    async def action_save(self) -> None:
        await saving.save(self)

    @work(group="copy")
    async def action_copy(self) -> None:
        await outputs.copy(self)

    @work(exclusive=True, group="export")
    async def action_export(self, fmt: str) -> None:
        await outputs.export_to_file(self, fmt)

    @work(exclusive=True, group="fix")
    async def action_fix_typography(self) -> None:
        await outputs.fix_typography(self)

    @work(exclusive=True, group="phrase")
    async def action_pick_phrase(self) -> None:
        await phrasing.pick_phrase(self)

    @work(exclusive=True, group="import")
    async def action_import(self) -> None:
        await phrasing.import_from_past(self)

    @work(exclusive=True, group="import")
    async def action_import_document(self) -> None:
        await importing.import_document(self)

    @work(exclusive=True, group="booklet")
    async def action_booklet(self) -> None:
        await outputs.compile_booklet(self)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for number, step in enumerate(STEPS, start=1):
            prompt = self.state.wording.step(step)
            yield SystemCommand(f"第{number}步：{prompt['title']}", prompt["question"], lambda s=step: self.go_to(s))
        yield SystemCommand("保存并完成", "保存记录，退出并打印发言稿", self.action_save)
        yield SystemCommand("显示/隐藏预览", "窄屏时在表单下方显示发言预览", self.action_toggle_preview)
        yield SystemCommand("复制全文", "把发言全文复制到剪贴板", self.action_copy)
        yield SystemCommand("导出 Word 文件", "按公文格式（GB/T 9704）导出 .docx", lambda: self.action_export("docx"))
        yield SystemCommand("导出 Markdown 文件", "导出 .md", lambda: self.action_export("markdown"))
        yield SystemCommand("常用语…", "从常用语库插入标题、领起句或一组排比句（F6）", self.action_pick_phrase)
        yield SystemCommand("从以往发言导入…", "把以前保存的发言中的部分或要点导入本篇", self.action_import)
        yield SystemCommand("汇编…", "把全班的心得（记录、Word、文本）编成一个 Word 文件", self.action_booklet)
        yield SystemCommand(
            "从已有文稿导入…", "读入 .txt、.md、.docx 文件或粘贴的全文，替换当前发言", self.action_import_document
        )
        yield SystemCommand(
            "修正标点", "自动修正半角标点、引号、连接号和日期写法（先显示改动）", self.action_fix_typography
        )
        # Of Textual's own commands, the ones a writer may want, in Chinese; not Maximize or Screenshot.
        yield SystemCommand("配色主题…", "换一种界面配色", self.action_change_theme)
        if screen.query("HelpPanel"):
            yield SystemCommand("隐藏按键说明", "隐藏当前输入框的按键说明", self.action_hide_help_panel)
        else:
            yield SystemCommand("按键说明", "显示当前输入框可用的按键", self.action_show_help_panel)
        yield SystemCommand("退出", "退出向导（有未保存的修改时先询问）", self.action_quit)

    def action_command_palette(self) -> None:
        """The command palette, its search box worded in Chinese."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(placeholder="输入命令名称搜索…", id="--command-palette"))

    # -- leaving -------------------------------------------------------------------------------

    async def action_quit(self) -> None:
        self.action_help_quit()

    @work(exclusive=True, group="quit")
    async def confirm_quit(self) -> None:
        """Something is unsaved: keep the draft, then ask."""
        kept = self.autosave.flush()
        question = "有尚未保存的修改。"
        question += "草稿已保存，下次启动时可以恢复。确定要退出吗？" if kept else "草稿也无法保存！确定要退出吗？"
        if await self.push_screen_wait(ConfirmDialog(question, "退出", "继续编辑", yes_first=False)):
            self.exit(None)

    def action_help_quit(self) -> None:
        """Ctrl+C outside a text field: people press it to leave, so treat it as Ctrl+Q."""
        if self.state.session.dirty:
            self.confirm_quit()
        else:
            self.exit(None)
