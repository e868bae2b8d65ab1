"""The step bar: one line of tabs and a counter, clicked to move, repainted without a layout."""

from __future__ import annotations

import pytest
from textual.screen import Screen

from tests.ui.conftest import click_tab, demo_app, new_app, paste_into, screen_text
from wizard.ui.widgets.form_field import field_id
from wizard.ui.widgets.step_bar import StepBar

EDITED = "sections[0].points[0].body"


@pytest.mark.parametrize("width", [120, 60])
async def test_clicking_a_tab_goes_to_its_step_even_when_names_are_hidden(private_home, width):
    app = demo_app()
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(StepBar)
        assert bar.short == (width < 100)
        top = screen_text(pilot).splitlines()[0]
        assert ("学习体会" in top) == (width >= 100) and "培训概况" in top, top
        await click_tab(pilot, "reflections")
        assert app.state.step == "reflections"
        # Back by the first tab; a click on the counter goes nowhere.
        await click_tab(pilot, "training")
        assert app.state.step == "training"
        bar = app.screen.query_one(StepBar)
        await pilot.click("#step-bar", offset=(width - 3, 0))
        await pilot.pause()
        assert app.state.step == "training"


async def test_a_hidden_name_is_in_the_tooltip(private_home):
    app = demo_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(StepBar)
        await pilot.hover("#step-bar", offset=(bar.tab_offset("review") + 1, 0))
        await pilot.pause()
        assert bar.tooltip is not None and "预览与保存" in str(bar.tooltip)


@pytest.mark.perf
async def test_a_problem_count_that_comes_and_goes_lays_nothing_out(private_home):
    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        app.go_to("reflections")
        await pilot.pause()
        screen = app.screen
        bar = screen.query_one(StepBar)
        # The body without its closing full stop gets a warning; with it, none. Once
        # shown, the warning's line under the field stays (blank) while it is typed in.
        body = app.state.session.text_of(EDITED).rstrip("。")
        await paste_into(pilot, EDITED, body)
        await paste_into(pilot, EDITED, body + "。")
        area = screen.query_one(f"#{field_id(EDITED)}")
        heights = screen.query_one("#preview").virtual_size.height
        layouts: list[Screen] = []
        screen.screen_layout_refresh_signal.subscribe(bar, layouts.append)
        shown = []
        for text in (body, body + "。", body):
            # As typing does: the end of the text changes, the field keeps the focus.
            area.replace(text, area.document.start, area.document.end)
            await pilot.pause()
            await pilot.pause()
            shown.append((bar.problems.get("reflections", 0), screen_text(pilot).splitlines()[0]))
        counts = [count for count, _ in shown]
        assert counts[0] == counts[2] == counts[1] + 1, counts
        assert f"!{counts[0]}" in shown[0][1] and f"!{counts[0]}" not in shown[1][1]
        assert screen.query_one("#preview").virtual_size.height == heights
        assert layouts == [], "a change of a tab's count laid out the screen"


async def test_a_new_speech_counts_no_problems_until_a_field_is_typed_in_or_the_review_seen(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        top = lambda: screen_text(pilot).splitlines()[0]  # noqa: E731
        assert "!" not in top(), top()
        assert app.state.problems(), "the empty required fields are problems all the same"
        await paste_into(pilot, "training.start", "2026-13-40")
        assert "!1" in top(), top()
        app.go_to("review")
        await pilot.pause()
        await pilot.pause()
        counts = app.screen.query_one(StepBar).problems
        assert sum(counts.values()) == len(app.state.problems()) > 1
