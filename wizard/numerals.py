"""Chinese numerals for section numbers: 一、二 … 十、十一 … 九十九、一百 … 一千零一 … 五千."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_PLACES = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))


def _below_ten_thousand(number: int, *, leading: bool) -> str:
    """0-9999 in Chinese numerals; ``leading``: the numeral starts here (十二, not 一十二)."""
    result, gap = "", False
    for value, unit in _PLACES:
        digit, number = divmod(number, value)
        if not digit:
            gap = bool(result)
            continue
        if gap:
            result += "零"
            gap = False
        if not (leading and not result and value == 10 and digit == 1):
            result += _DIGITS[digit]
        result += unit
    return result


def chinese_numeral(number: int) -> str:
    """``number`` in Chinese numerals as section numbers are read out: 一 … 十一 … 一百 … 五千 … 十二万.

    From a hundred million on (no record has that many parts) Arabic digits are used.
    """
    if number < 1:
        raise ValueError(f"section number out of range: {number}")
    if number >= 100_000_000:
        return str(number)
    high, low = divmod(number, 10_000)
    if not high:
        return _below_ten_thousand(low, leading=True)
    result = _below_ten_thousand(high, leading=True) + "万"
    if low:
        result += ("零" if low < 1000 else "") + _below_ten_thousand(low, leading=False)
    return result
