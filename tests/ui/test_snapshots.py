"""Pictures of every step, compared with approved SVG snapshots.

"Today" is fixed and the cursor does not blink, so the pictures change only
when the screens do. Update with ``pytest --snapshot-update`` after looking.
"""

from __future__ import annotations

import pytest

from tests.ui.conftest import demo_app, new_app
from wizard.ui.wording import STEPS


def go_to(step: str):
    async def run_before(pilot) -> None:
        pilot.app.go_to(step)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("step", STEPS)
def test_each_step_of_the_example_at_120x40(snap_compare, step):
    assert snap_compare(demo_app(), terminal_size=(120, 40), run_before=go_to(step))


def test_first_step_of_a_new_speech_at_80x24(snap_compare):
    assert snap_compare(new_app(), terminal_size=(80, 24))


def test_preview_toggled_on_a_narrow_terminal(snap_compare):
    assert snap_compare(demo_app(), terminal_size=(80, 24), press=["f4"])


def test_phrase_picker_searching_pinyin_initials(snap_compare):
    async def run_before(pilot) -> None:
        pilot.app.go_to("reflections")
        await pilot.pause()
        pilot.app.screen.query_one("#f-sections-0-points-0-lead").focus()
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press(*"sxxw")
        await pilot.pause()

    assert snap_compare(demo_app(), terminal_size=(120, 40), run_before=run_before)


def test_choosing_the_kind_of_a_new_speech(snap_compare):
    async def run_before(pilot) -> None:
        pilot.app.screen.query_one("#template").focus()
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(new_app(), terminal_size=(120, 40), run_before=run_before)
