"""A record of hundreds of sections: the steps show a page of them at a time, and every field stays reachable."""

from __future__ import annotations

import copy

from tests.ui.conftest import QUICK, TODAY, click, until, widget_for
from wizard import storage
from wizard.data_files import example_path
from wizard.model import Speech
from wizard.session import Session
from wizard.ui.run import make_app
from wizard.ui.widgets.pager import PAGE_SIZE


def long_record(sections: int = 200, groups: int = 20) -> Speech:
    """The example with ``sections`` short sections of two points and ``groups`` course groups."""
    speech = storage.load(example_path())
    reflection = next(section for section in speech.sections if section.kind == "reflection")
    speech.sections = [copy.deepcopy(reflection) for _ in range(sections)]
    for number, section in enumerate(speech.sections):
        section.heading = f"第{number + 1}部分的标题"
        section.points = section.points[:2]
        for point in section.points:
            point.body = point.body[:40]
    speech.courses = [copy.deepcopy(speech.courses[0]) for _ in range(groups)]
    return speech


async def test_only_a_page_of_sections_is_made_the_pages_turn_and_any_field_is_reached_by_its_path(private_home):
    app = make_app(Session(long_record(), TODAY), **QUICK)
    async with app.run_test(size=(120, 40)) as pilot:
        app.go_to("reflections")
        await pilot.pause()
        assert len(app.screen.query(".section")) == PAGE_SIZE
        assert "第 1–8 部分，共 200 部分" in str(app.screen.query_one(".pager Static").render())
        await click(pilot, ".page-next")
        await pilot.pause()
        assert widget_for(pilot, f"sections[{PAGE_SIZE}].heading").value == f"第{PAGE_SIZE + 1}部分的标题"
        assert app.focused is app.screen.query_one(".page-next"), "Enter again turns on"
        assert not app.screen.query("#f-sections-0-heading")
        # A field on another page is reached by its path (a problem's jump, say).
        app.go_to("reflections", focus="sections[150].points[1].body")
        assert await until(pilot, lambda: app.screen.query("#f-sections-150-points-1-body"))
        assert await until(pilot, lambda: app.focused is widget_for(pilot, "sections[150].points[1].body"))
        app.go_to("courses", focus="courses[17].items")
        assert await until(pilot, lambda: app.screen.query("#f-courses-17-items"))
        assert await until(pilot, lambda: app.focused is widget_for(pilot, "courses[17].items"))


async def test_a_section_added_is_shown_on_the_last_page(private_home):
    app = make_app(Session(long_record(sections=20, groups=1), TODAY), **QUICK)
    async with app.run_test(size=(120, 40)) as pilot:
        app.go_to("reflections")
        await pilot.pause()
        await click(pilot, "#add-section")
        assert await until(pilot, lambda: app.screen.query("#f-sections-20-heading"))
        assert await until(pilot, lambda: app.focused is widget_for(pilot, "sections[20].heading"))
        assert "第 17–21 部分，共 21 部分" in str(app.screen.query_one(".pager Static").render())


async def test_a_record_past_the_stated_limit_says_so_at_open_in_one_line(private_home):
    from tests.ui.conftest import text_in

    app = make_app(Session(long_record(sections=300, groups=1), TODAY), **QUICK)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        assert await until(
            pilot, lambda: bool(app.screen.query("Toast")) and "超过了向导能流畅编辑的范围" in text_in(pilot, "Toast")
        )
        app.go_to("reflections")
        await pilot.pause()
        assert app.is_running and len(app.screen.query(".section")) == PAGE_SIZE
