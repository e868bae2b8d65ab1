"""Dates as the genre writes them, and dates as people type them.

Formatting follows GB/T 15835: no leading zeros, ranges joined with the
one-character dash U+2014, both years when a range crosses a year.
Parsing accepts ``2026-11-03``, ``2026/11/3``, ``2026.11.3``, ``2026年11月3日``
and ``11月3日`` (this year), with full-width digits normalised by NFKC.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from wizard.data_files import speech_wording

_FULL = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?\s*$")
_MONTH_DAY = re.compile(r"^\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?\s*$")


class DateError(ValueError):
    """A typed date that cannot be read or does not exist; the message is for the user."""


def parse_date(text: str, today: dt.date) -> dt.date | None:
    """Read a typed date. Empty text gives None; unreadable text raises DateError."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    if match := _FULL.match(text):
        year, month, day = (int(group) for group in match.groups())
    elif match := _MONTH_DAY.match(text):
        year = today.year
        month, day = (int(group) for group in match.groups())
    else:
        quoted = text if len(text) <= 40 else text[:40] + "…"
        raise DateError(f"看不懂这个日期：{quoted}（可以写 2026-11-03、2026年11月3日 或 11月3日）")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"没有这一天：{year}年{month}月{day}日") from None


def _fill(pattern: str, day: dt.date) -> str:
    return pattern.format(year=day.year, month=day.month, day=day.day)


def format_date(day: dt.date, *, with_year: bool = False) -> str:
    """One date: 11月3日, or 2026年11月3日 with the year."""
    wording = speech_wording()["dates"]
    return _fill(wording["year_month_day" if with_year else "month_day"], day)


def format_range(start: dt.date, end: dt.date | None, style: str = "month-day", separator: str = "—") -> str:
    """A date range in the speech's style; a single day when end is missing or equal.

    ``month-day``: 11月3日—11月5日; ``compact``: 11月3日—5日;
    ``with-year``: 2026年11月3日—11月5日. Across a year both years are always given.
    ``separator`` ``至`` gives 11月3日至11月5日.
    """
    wording: dict[str, Any] = speech_wording()["dates"]
    with_year = style == "with-year"
    if end is None or end == start:
        return format_date(start, with_year=with_year)
    if start.year != end.year:
        first = format_date(start, with_year=True)
        second = format_date(end, with_year=True)
    else:
        first = format_date(start, with_year=with_year)
        if style == "compact" and start.month == end.month:
            second = _fill(wording["day"], end)
        else:
            second = format_date(end)
    return wording["range_to" if separator == "至" else "range"].format(start=first, end=second)
