"""Fixtures for driving the wizard with Pilot: a fixed "today", a private data folder."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tests.ui.screen import Shot
from wizard import storage
from wizard.data_files import example_path
from wizard.session import Session
from wizard.ui.run import make_app, new_speech
from wizard.ui.widgets.form_field import field_id

TODAY = dt.date(2026, 11, 24)
#: Tests see the problems in the frame after an edit, not after a pause in typing.
QUICK = {"cursor_blink": False, "problems_after": 0}


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Drafts and settings go to a temporary folder, and relative paths land there too."""
    monkeypatch.setenv("SPEECH_WIZARD_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def new_app(**session_options):
    """A new speech, as the bare command starts one (exchange template)."""
    session_options.setdefault("template", "exchange")
    return make_app(Session(new_speech(), TODAY, **session_options), **QUICK)


def demo_app(**session_options):
    """The bundled example, as ``speech-wizard demo`` opens it."""
    return make_app(Session(storage.load(example_path()), TODAY, **session_options), **QUICK)


def small_app():
    """A short speech of two reflections, one action and two course groups, every field short:
    for tests of adding, moving and removing items, where the example's long paragraphs
    would only make each step slower to compose."""
    from wizard.model import CourseGroup, Point, Section, Speech, Training

    speech = Speech(
        training=Training(name="专题研讨班", start=dt.date(2026, 11, 2), end=dt.date(2026, 11, 6)),
        courses=[CourseGroup("学习了", ["甲课"], ""), CourseGroup("解读了", ["乙课", "丙课"], "等内容")],
        sections=[
            Section("体会一", points=[Point("一甲。", "阐述一甲。"), Point("一乙。", "阐述一乙。"), Point("一丙。")]),
            Section("体会二", points=[Point("二甲。")]),
            Section("打算一", points=[Point("三甲。")], kind="action"),
        ],
    )
    return make_app(Session(speech, TODAY), **QUICK)


async def draft_written(app) -> None:
    """Wait until the draft holds every change: the promise is within a second of the last."""
    await asyncio.wait_for(app.autosave.settled(), timeout=1.0)


def widget_for(pilot: Pilot, path: str):
    """The form widget that edits the record field at ``path`` on the current screen."""
    return pilot.app.screen.query_one(f"#{field_id(path)}")


async def paste_into(pilot: Pilot, path: str, text: str, *, replace: bool = True) -> None:
    """Focus the field at ``path`` and paste ``text`` into it, as a terminal paste does.

    Pasting (rather than pressing keys) is how full-width Chinese text reaches
    a widget in tests: ``pilot.press`` cannot type it.
    """
    widget = widget_for(pilot, path)
    widget.focus()
    if replace:
        if isinstance(widget, Input):
            widget.value = ""
        elif isinstance(widget, TextArea):
            widget.clear()
    # As the terminal driver does: the app forwards a paste to the focused widget
    # (posted after the focus and the clearing, so handled after them).
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    await pilot.pause()  # field messages and problem counts follow one frame after an edit


def screen_text(pilot: Pilot) -> str:
    """Everything the terminal shows right now, as plain text: the screen, not the model."""
    return Shot(pilot.app).text()


async def until(pilot: Pilot, condition, seconds: float = 5.0) -> bool:
    """Whether ``condition()`` comes true within ``seconds``: for what follows a frame or two late."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await pilot.pause(0.05)
    return bool(condition())


def text_in(pilot: Pilot, selector: str) -> str:
    """What the widget ``selector`` shows on screen, its rows joined (wrapped text reads whole)."""
    widget = pilot.app.screen.query_one(selector)
    return "".join(row.rstrip() for row in Shot(pilot.app).within(widget.content_region))


async def click_tab(pilot: Pilot, step: str) -> None:
    """Click ``step``'s tab on the step bar, as a user would."""
    bar = pilot.app.screen.query_one("#step-bar")
    await pilot.click("#step-bar", offset=(bar.tab_offset(step) + 1, 0))
    await pilot.pause()


async def click(pilot: Pilot, target) -> None:
    """Scroll ``target`` (a widget or a selector) into view, then click it as a user would."""
    widget = pilot.app.screen.query_one(target) if isinstance(target, str) else target
    widget.scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    await pilot.click(widget)
    await pilot.pause()


def item_button(pilot: Pilot, kind: str, action: str, index: int):
    """The move-up / move-down / remove button of item ``index`` of a list of ``kind``."""
    for button in pilot.app.screen.query(f".item-button.{action}"):
        if button.kind == kind and button.index == index:
            return button
    raise LookupError(f"no {action} button for {kind} {index}")


async def save_anyway(pilot: Pilot) -> None:
    """Ctrl+S on a speech with open errors (an unfinished one), answering 仍然保存."""
    await pilot.press("ctrl+s")
    await pilot.pause()
    if pilot.app.screen.query("#yes") and "仍然保存" in str(pilot.app.screen.query_one("#yes").label):
        await pilot.click("#yes")
        await pilot.pause()
