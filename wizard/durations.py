"""Durations as written after 为期: 五天, 4天, 一周, 两个月, 半个月, 一年半.

Read to compare with the calendar span of the dates: a course "为期五天" from
the 13th to the 19th is fine (training days), one "为期两周" from the 3rd to the
5th is a slip the checks point out.
"""

from __future__ import annotations

import re
import unicodedata

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
#: The fewest days each unit can mean, so that only a duration that is surely too long is flagged.
_UNIT_DAYS = {"天": 1, "日": 1, "周": 7, "星期": 7, "礼拜": 7, "月": 28, "年": 365}
_DURATION = re.compile(
    r"^(?P<number>[0-9]+|[零〇一二两三四五六七八九十百]+)?(?P<half_before>半)?个?(?P<half>半)?"
    r"(?P<unit>天|日|周|星期|礼拜|月|年)(?P<half_after>半)?(?:时间|左右|之久)?$"
)


def chinese_number(text: str) -> int | None:
    """``五`` 5, ``十二`` 12, ``二十`` 20, ``一百零五`` 105; None for anything else."""
    if not text or any(char not in _DIGITS and char not in "十百" for char in text):
        return None
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        else:
            total += (current or 1) * (100 if char == "百" else 10)
            current = 0
    return total + current


def minimum_days(duration: str) -> int | None:
    """The fewest calendar days ``duration`` can mean; None when it cannot be read.

    ``五天`` 5, ``4天`` 4, ``一周`` 7, ``两个月`` 56, ``半个月`` 14, ``一年半`` 547.
    """
    text = unicodedata.normalize("NFKC", duration).strip().rstrip("，。、 ")
    match = _DURATION.match(text)
    if match is None:
        return None
    raw = match.group("number")
    halves = sum(1 for name in ("half_before", "half", "half_after") if match.group(name))
    if raw is None:
        number = 0 if halves else 1  # 半个月; 周 alone reads as one
    else:
        parsed = int(raw) if raw.isdigit() else chinese_number(raw)
        if parsed is None:
            return None
        number = parsed
    unit = _UNIT_DAYS[match.group("unit")]
    return number * unit + (unit // 2 if halves else 0)
