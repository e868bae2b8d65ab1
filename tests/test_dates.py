"""Dates as the genre writes them (GB/T 15835) and as people type them."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.dates import DateError, format_date, format_range, parse_date

D = dt.date
TODAY = D(2026, 5, 20)


@pytest.mark.parametrize(
    ("start", "end", "style", "expected"),
    [
        (D(2026, 11, 3), D(2026, 11, 5), "month-day", "11月3日—11月5日"),
        (D(2026, 11, 3), D(2026, 11, 5), "compact", "11月3日—5日"),
        (D(2026, 11, 3), D(2026, 11, 5), "with-year", "2026年11月3日—11月5日"),
        (D(2025, 11, 28), D(2025, 12, 2), "month-day", "11月28日—12月2日"),
        (D(2025, 11, 28), D(2025, 12, 2), "compact", "11月28日—12月2日"),
        (D(2025, 12, 29), D(2026, 1, 2), "month-day", "2025年12月29日—2026年1月2日"),
        (D(2025, 12, 29), D(2026, 1, 2), "compact", "2025年12月29日—2026年1月2日"),
        (D(2025, 12, 29), D(2026, 1, 2), "with-year", "2025年12月29日—2026年1月2日"),
        (D(2026, 1, 1), None, "month-day", "1月1日"),
        (D(2026, 1, 1), D(2026, 1, 1), "compact", "1月1日"),
        (D(2026, 1, 1), None, "with-year", "2026年1月1日"),
    ],
)
def test_format_range(start, end, style, expected):
    assert format_range(start, end, style) == expected


def test_format_date_has_no_leading_zeros():
    assert format_date(D(2026, 3, 5)) == "3月5日"
    assert format_date(D(2026, 3, 5), with_year=True) == "2026年3月5日"


@pytest.mark.parametrize(
    "typed",
    [
        "2026-11-03",
        "2026/11/3",
        "2026.11.3",
        "2026年11月3日",
        "2026年11月3号",
        " 2026 - 11 - 3 ",
        "２０２６年１１月３日",
    ],
)
def test_parse_full_dates_in_common_spellings(typed):
    assert parse_date(typed, TODAY) == D(2026, 11, 3)


@pytest.mark.parametrize("typed", ["11月3日", "11-3", "１１月３日"])
def test_parse_month_and_day_takes_this_year(typed):
    assert parse_date(typed, TODAY) == D(2026, 11, 3)


@pytest.mark.parametrize("typed", ["", "   ", "\u3000"])
def test_parse_empty_is_no_date(typed):
    assert parse_date(typed, TODAY) is None


@pytest.mark.parametrize(
    ("typed", "message"), [("明天", "看不懂"), ("2026-02-30", "没有这一天"), ("13月1日", "没有这一天")]
)
def test_parse_rejects_with_a_chinese_message(typed, message):
    with pytest.raises(DateError, match=message):
        parse_date(typed, TODAY)


def test_an_unreadable_date_is_quoted_briefly():
    import pytest

    from wizard.dates import DateError, parse_date

    with pytest.raises(DateError) as caught:
        parse_date("无" * 20_000, dt.date(2026, 11, 24))
    assert len(str(caught.value)) < 100 and "…" in str(caught.value)
