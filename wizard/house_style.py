"""A unit's house style for Word files: fonts, sizes, line pitch and margins over GB/T 9704's.

Many units lay documents out in their own faces (方正仿宋_GBK rather than
仿宋_GB2312), a different line pitch or title size. A ``[docx]`` table in
``settings.toml`` in the data folder changes them for every Word file the
program writes (a single speech, a booklet); ``--style FILE`` (a file with the
same table) changes them for one run, over the settings. What is not given
stays GB/T 9704's::

    [docx]
    body_font = "方正仿宋_GBK"
    title_font = "方正小标宋_GBK"
    title_size = "小二"        # or points: 18
    line_pitch = 28            # points between lines
    margin_left = 28           # millimetres

A bad value is a one-line error naming the file and the key.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizard.storage import RecordError, decode, read_bytes

SETTINGS_FILE = "settings.toml"
TABLE = "docx"

#: Chinese type sizes (字号) in points.
TYPE_SIZES = {
    "初号": 42,
    "小初": 36,
    "一号": 26,
    "小一": 24,
    "二号": 22,
    "小二": 18,
    "三号": 16,
    "小三": 15,
    "四号": 14,
    "小四": 12,
    "五号": 10.5,
    "小五": 9,
}


@dataclass(frozen=True)
class HouseStyle:
    """Fonts (East Asian faces), sizes and line pitch in points, margins in millimetres."""

    body_font: str = "仿宋_GB2312"
    heading_font: str = "黑体"
    subheading_font: str = "楷体_GB2312"
    title_font: str = "方正小标宋简体"
    body_size: float = 16  # 三号
    title_size: float = 22  # 二号
    #: 28.95 pt: 22 lines take 636.9 pt, just inside GB/T 9704's 225 mm text block.
    line_pitch: float = 28.95
    margin_top: float = 37
    margin_bottom: float = 35
    margin_left: float = 28
    margin_right: float = 26

    @property
    def text_width_mm(self) -> float:
        return 210 - self.margin_left - self.margin_right

    @property
    def text_height_mm(self) -> float:
        return 297 - self.margin_top - self.margin_bottom

    @property
    def chars_per_line(self) -> int:
        """Body characters a line holds (28 in GB/T 9704: 27.6 of 16 pt, squeezed by condensed spacing)."""
        return max(1, round(self.text_width_mm / 25.4 * 72 / self.body_size))

    @property
    def lines_per_page(self) -> int:
        """Lines of body text a page holds (22 in GB/T 9704)."""
        return max(1, int(self.text_height_mm / 25.4 * 72 // self.line_pitch))


#: What each key may hold: fonts are names, sizes points (or 字号), margins millimetres.
_FONTS = ("body_font", "heading_font", "subheading_font", "title_font")
_SIZES = {"body_size": (8, 36), "title_size": (10, 48)}
_LINE_PITCH = (10, 72)
_MARGINS = (10, 60)


class StyleError(RecordError):
    """A settings or style file whose ``[docx]`` table cannot be used: one line naming the key."""


def _number(where: str, key: str, value: Any, low: float, high: float, unit: str) -> float:
    if isinstance(value, str) and key in _SIZES and value.strip() in TYPE_SIZES:
        value = TYPE_SIZES[value.strip()]
    if isinstance(value, bool) or not isinstance(value, int | float):
        named = '（数字或字号，如 16 或 "三号"）' if key in _SIZES else "（数字）"
        raise StyleError(where, f"[{TABLE}] {key} 应为{unit}数{named}，现在是 {value!r}")
    if not low <= value <= high:
        raise StyleError(where, f"[{TABLE}] {key} = {value} 超出范围（{low}–{high} {unit}）")
    return float(value)


def _font(where: str, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 64 or not value.isprintable():
        raise StyleError(where, f'[{TABLE}] {key} 应为字体名称（如 "方正仿宋_GBK"），现在是 {value!r}')
    return value.strip()


def apply(style: HouseStyle, table: dict[str, Any], where: str) -> HouseStyle:
    """``style`` with the values of a ``[docx]`` table read from ``where`` put over it."""
    changes: dict[str, Any] = {}
    known = {field.name for field in dataclasses.fields(HouseStyle)}
    for key, value in table.items():
        if key not in known:
            raise StyleError(where, f"[{TABLE}] 中没有 {key} 这一项（可用：{'、'.join(sorted(known))}）")
        if key in _FONTS:
            changes[key] = _font(where, key, value)
        elif key in _SIZES:
            changes[key] = _number(where, key, value, *_SIZES[key], "磅")
        elif key == "line_pitch":
            changes[key] = _number(where, key, value, *_LINE_PITCH, "磅")
        else:
            changes[key] = _number(where, key, value, *_MARGINS, "毫米")
    result = dataclasses.replace(style, **changes)
    if result.chars_per_line < 10 or result.lines_per_page < 5:
        raise StyleError(where, f"[{TABLE}] 的页边距、字号和行距使每页容不下 5 行、每行 10 字")
    return result


def read(path: str | os.PathLike[str], style: HouseStyle | None = None) -> HouseStyle:
    """``style`` (GB/T 9704's by default) with the ``[docx]`` table of the file at ``path`` over it."""
    where = str(path)
    try:
        data = tomllib.loads(decode(read_bytes(path, "设置"), where))
    except tomllib.TOMLDecodeError as error:
        raise StyleError(where, f"不是有效的 TOML（{error}）") from None
    table = data.get(TABLE, {})
    if not isinstance(table, dict):
        raise StyleError(where, f"{TABLE} 应为一个表（[{TABLE}]）")
    return apply(style or HouseStyle(), table, where)


def settings_path() -> Path:
    from wizard import paths

    return paths.data_dir(create=False) / SETTINGS_FILE


def load(style_file: str | os.PathLike[str] | None = None) -> HouseStyle:
    """The house style in force: GB/T 9704, then the settings file's ``[docx]``, then ``style_file``'s."""
    style = HouseStyle()
    settings = settings_path()
    if settings.exists():
        style = read(settings, style)
    if style_file is not None:
        style = read(style_file, style)
    return style
