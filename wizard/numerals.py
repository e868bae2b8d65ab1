"""Chinese numerals for section numbers: 一、二 … 十、十一 … 九十九."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """Write 1-99 in Chinese numerals as section numbers use them.

    Beyond 99 (no speech has that many sections) Arabic digits are used.
    """
    if number < 1:
        raise ValueError(f"section number out of range: {number}")
    if number > 99:
        return str(number)
    tens, units = divmod(number, 10)
    if tens == 0:
        return _DIGITS[units]
    prefix = "" if tens == 1 else _DIGITS[tens]
    return prefix + "十" + (_DIGITS[units] if units else "")
