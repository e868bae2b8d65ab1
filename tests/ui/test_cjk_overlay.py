"""Chinese text in overlays (notifications, dropdowns) is drawn whole over other widgets' edges."""

from __future__ import annotations

import pytest

from tests.ui.conftest import demo_app, screen_text


@pytest.mark.parametrize("message", ["已通过终端复制全文", "x已通过终端复制全文", "  已导出：发言稿"])
async def test_a_notification_over_the_preview_keeps_its_first_character(private_home, message):
    app = demo_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        app.notify(message, markup=False)
        await pilot.pause(0.3)
        assert message.strip() in screen_text(pilot)


async def test_an_open_dropdown_shows_its_chinese_options_whole(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.goto("review")
        await pilot.pause()
        select = app.screen.query_one("#layout-date_style")
        select.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        select.expanded = True
        await pilot.pause(0.3)
        text = screen_text(pilot)
        for option in ("11月3日—11月5日", "11月3日—5日", "2026年11月3日—11月5日"):
            assert option in text
