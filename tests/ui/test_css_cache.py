"""Parsed stylesheets kept between starts: used when they are the same, never trusted otherwise."""

from __future__ import annotations

import pickle

import pytest

from tests.ui.conftest import demo_app, screen_text
from wizard.paths import cache_dir
from wizard.ui import css_cache


@pytest.fixture
def parses(monkeypatch):
    """How many stylesheet sources Textual itself parsed, by source, since the fixture started."""
    counted: list[tuple] = []
    stock = css_cache._stock_parse_rules

    def counting(self, css, read_from, *args):
        counted.append(read_from)
        return stock(self, css, read_from, *args)

    monkeypatch.setattr(css_cache, "_stock_parse_rules", counting)
    return counted


def cache_file():
    return cache_dir() / css_cache.FILE_NAME


def read_cache() -> tuple:
    """The cache file's stamp, theme variables and rules."""
    with cache_file().open("rb") as file:
        stamp, variables = pickle.load(file)
        return stamp, variables, pickle.load(file)


def write_cache(stamp, variables, rules) -> None:
    cache_file().write_bytes(pickle.dumps((stamp, variables)) + pickle.dumps(rules))


def described(rule) -> tuple:
    """A parsed rule as plain values: its selectors, each declaration's value, its priority."""
    declarations = sorted((name, repr(value)) for name, value in rule.styles.get_rules().items())
    return rule.selector_set, declarations, sorted(rule.styles.important), rule.is_default_rules, rule.tie_breaker


async def start(theme: str | None = None):
    """Start the wizard on the example, note the screen and the stylesheet's rules, and leave."""
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(pilot)
        rules = [described(rule) for rule in app.stylesheet.rules]
        if theme is not None:
            app.theme = theme
            await pilot.pause()
    return shown, rules


async def test_a_second_start_parses_no_stylesheet_and_looks_the_same(parses):
    first_screen, first_rules = await start()
    assert parses, "the first start parses its stylesheets"
    assert cache_file().is_file()
    parses.clear()
    second_screen, second_rules = await start()
    assert parses == [], "every stylesheet of the first screen came from the cache"
    assert second_rules == first_rules
    assert second_screen == first_screen


async def test_a_broken_cache_is_parsed_around_and_replaced(parses):
    cache_file().parent.mkdir(parents=True)
    cache_file().write_bytes(b"\x80\x05not a pickle at all")
    shown, _rules = await start()
    assert "培训概况" in shown and parses
    stamp, variables, rules = read_cache()
    assert stamp == css_cache._stamp() and variables and rules


async def test_rules_parsed_with_other_theme_variables_are_not_used(parses):
    await start()
    stamp, variables, rules = read_cache()
    changed = {**variables, "primary": "#123456"}
    write_cache(stamp, changed, rules)
    parses.clear()
    await start()
    assert parses, "rules made with another primary colour were parsed again"
    _stamp, variables_now, _rules = read_cache()
    assert variables_now == variables, "and the cache holds this theme's again"


async def test_a_cache_from_another_textual_is_not_used(parses):
    await start()
    _stamp, variables, rules = read_cache()
    write_cache((css_cache.FORMAT, (3, 0, 0), ("elsewhere", 0, 0)), variables, rules)
    parses.clear()
    await start()
    assert parses


async def test_a_theme_changed_while_running_parses_as_usual_and_leaves_the_cache_alone(parses):
    await start(theme="textual-light")
    _stamp, variables, _rules = read_cache()
    assert variables == demo_app().get_css_variables(), "the cache holds the start-up theme's rules only"


async def test_an_unwritable_cache_folder_only_means_no_cache(parses):
    cache_dir().parent.mkdir(parents=True, exist_ok=True)
    cache_dir().write_text("a file where the cache folder would be", encoding="utf-8")
    shown, _rules = await start()
    assert "培训概况" in shown
    parses.clear()
    await start()
    assert parses, "nothing was kept, so the next start parses again"
