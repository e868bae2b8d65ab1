"""Record <-> plain data (the shape of the TOML file), with validation.

``to_data`` gives what tomli-w writes; ``from_data`` checks what tomllib read
and builds a record, raising ``SchemaError`` naming the first field at fault.
Text is cleaned of control characters on the way in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.model import (
    DATE_SEPARATORS,
    DATE_STYLES,
    OPENING_FRAMES,
    POINT_LAYOUTS,
    POINT_NUMBERINGS,
    SCHEMA_VERSION,
    SECTION_KINDS,
    CourseGroup,
    Layout,
    Opening,
    Point,
    Section,
    Signature,
    Speech,
    Training,
)
from wizard.text_cleaning import clean, one_line


class SchemaError(ValueError):
    """The data does not describe a speech; ``field`` says where (e.g. ``sections[1].heading``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}：{message}" if field else message)
        self.field = field
        self.message = message


_TYPE_NAMES = {str: "文字", int: "整数", bool: "真假值（true/false）", list: "列表", dict: "表", dt.date: "日期"}
#: What TOML gave instead, in the user's words (checked in order: bool is an int).
_FOUND_NAMES = (
    (bool, "真假值（true/false）"),
    (int, "整数"),
    (float, "小数"),
    (str, "文字"),
    (list, "列表"),
    (dict, "表"),
    (dt.datetime, "日期时间"),
    (dt.date, "日期"),
    (dt.time, "时刻"),
)


def _found(value: Any) -> str:
    return next((name for kind, name in _FOUND_NAMES if isinstance(value, kind)), type(value).__name__)


def _get(table: dict[str, Any], key: str, kind: type, path: str, default: Any) -> Any:
    where = f"{path}.{key}" if path else key
    if key not in table:
        return default
    value = table[key]
    wrong = not isinstance(value, kind) or (kind is int and isinstance(value, bool))
    if kind is dt.date and isinstance(value, dt.datetime):
        wrong = True
    if wrong:
        raise SchemaError(where, f"应为{_TYPE_NAMES[kind]}，实为{_found(value)}")
    return value


def _text(table: dict[str, Any], key: str, path: str, default: str = "") -> str:
    return clean(_get(table, key, str, path, default))


def _texts(table: dict[str, Any], key: str, path: str) -> list[str]:
    values = _get(table, key, list, path, [])
    for index, value in enumerate(values):
        if not isinstance(value, str):
            raise SchemaError(f"{path}.{key}[{index}]", f"应为文字，实为{_found(value)}")
    return [clean(value) for value in values]


def _tables(table: dict[str, Any], key: str, path: str) -> list[tuple[str, dict[str, Any]]]:
    values = _get(table, key, list, path, [])
    where = f"{path}.{key}" if path else key
    result = []
    for index, value in enumerate(values):
        if not isinstance(value, dict):
            raise SchemaError(f"{where}[{index}]", f"应为表，实为{_found(value)}")
        _check_keys(value, key, f"{where}[{index}]")
        result.append((f"{where}[{index}]", value))
    return result


def _choice(table: dict[str, Any], key: str, path: str, allowed: tuple[str, ...], default: str) -> str:
    value = _get(table, key, str, path, default)
    if value not in allowed:
        raise SchemaError(f"{path}.{key}", f"只能是 {'、'.join(allowed)} 之一，实为 {value!r}")
    return value


def _date(table: dict[str, Any], key: str, path: str) -> dt.date | None:
    return _get(table, key, dt.date, path, None)


_KEYS = {
    "": {"schema_version", "title", "speaker", "salutation", "closing", "training", "layout", "courses", "sections"},
    "training": {"name", "note", "start", "end", "organisers", "activities"},
    "layout": {"points", "numbering", "date_style", "speaking_rate", "target_minutes"},
    "courses": {"verb", "items", "tail"},
    "sections": {"kind", "heading", "intro", "points"},
    "points": {"lead", "body"},
    "opening": set(),
    "signature": set(),
}
#: Keys that version 2 added: in a version 1 file they are a mistake, and said to be.
_KEYS_SINCE_2 = {
    "": {"subtitle", "date_line", "greeting", "opening", "transition", "signature"},
    "training": {"duration"},
    "layout": {"date_separator"},
    "opening": {"frame", "own", "text"},
    "signature": {"name", "date"},
}


def _check_keys(table: dict[str, Any], kind: str, path: str, version: int = SCHEMA_VERSION) -> None:
    """A misspelt key would silently lose what was typed under it: refuse it."""
    for key in table:
        if key in _KEYS[kind]:
            continue
        where = f"{path}.{key}" if path else key
        if key in _KEYS_SINCE_2.get(kind, ()):
            if version >= 2:
                continue
            raise SchemaError(where, "版本 1 的记录没有这个字段（用到它请把 schema_version 改为 2）")
        raise SchemaError(where, "未知字段（拼写有误？）")


def from_data(data: dict[str, Any]) -> Speech:
    """Build a record from parsed TOML, or raise SchemaError.

    A version 1 record reads as the same speech: it prints exactly as it did.
    """
    if "schema_version" not in data:
        raise SchemaError("schema_version", f"缺少版本号（应为 schema_version = {SCHEMA_VERSION}）")
    version = _get(data, "schema_version", int, "", SCHEMA_VERSION)
    if version > SCHEMA_VERSION:
        raise SchemaError(
            "schema_version", f"文件版本 {version} 比本程序支持的 {SCHEMA_VERSION} 新，请升级 speech-wizard"
        )
    if version < 1:
        raise SchemaError("schema_version", f"无效的版本号 {version}")
    _check_keys(data, "", "", version)
    training = _get(data, "training", dict, "", {})
    layout = _get(data, "layout", dict, "", {})
    opening = _get(data, "opening", dict, "", {})
    signature = _get(data, "signature", dict, "", {})
    for table, kind in ((training, "training"), (layout, "layout"), (opening, "opening"), (signature, "signature")):
        _check_keys(table, kind, kind, version)
    defaults = Speech()
    closing = _text(data, "closing", "", defaults.closing)
    if version == 1:
        # Version 1 printed the closing as one line, whatever lines it was typed in.
        closing = one_line(closing)
    return Speech(
        title=_text(data, "title", ""),
        subtitle=_text(data, "subtitle", ""),
        speaker=_text(data, "speaker", ""),
        date_line=_date(data, "date_line", ""),
        salutation=_text(data, "salutation", "", defaults.salutation),
        greeting=_text(data, "greeting", ""),
        opening=Opening(
            frame=_choice(opening, "frame", "opening", OPENING_FRAMES, "sample"),  # type: ignore[arg-type]
            own=_get(opening, "own", bool, "opening", False),
            text=_text(opening, "text", "opening"),
        ),
        transition=_text(data, "transition", ""),
        closing=closing,
        signature=Signature(name=_text(signature, "name", "signature"), date=_date(signature, "date", "signature")),
        training=Training(
            name=_text(training, "name", "training"),
            note=_text(training, "note", "training"),
            start=_date(training, "start", "training"),
            end=_date(training, "end", "training"),
            organisers=_texts(training, "organisers", "training"),
            activities=_texts(training, "activities", "training"),
            duration=_text(training, "duration", "training"),
        ),
        courses=[
            CourseGroup(
                verb=_text(group, "verb", path),
                items=_texts(group, "items", path),
                tail=_text(group, "tail", path),
            )
            for path, group in _tables(data, "courses", "")
        ],
        sections=[
            Section(
                kind=_choice(section, "kind", path, SECTION_KINDS, "reflection"),  # type: ignore[arg-type]
                heading=_text(section, "heading", path),
                intro=_text(section, "intro", path),
                points=[
                    Point(lead=_text(point, "lead", point_path), body=_text(point, "body", point_path))
                    for point_path, point in _tables(section, "points", path)
                ],
            )
            for path, section in _tables(data, "sections", "")
        ],
        layout=Layout(
            points=_choice(layout, "points", "layout", POINT_LAYOUTS, "joined"),  # type: ignore[arg-type]
            numbering=_choice(layout, "numbering", "layout", POINT_NUMBERINGS, "none"),  # type: ignore[arg-type]
            date_style=_choice(layout, "date_style", "layout", DATE_STYLES, "month-day"),  # type: ignore[arg-type]
            date_separator=_choice(layout, "date_separator", "layout", DATE_SEPARATORS, "—"),  # type: ignore[arg-type]
            speaking_rate=_rate(layout),
            target_minutes=_minutes(layout),
        ),
    )


def _rate(layout: dict[str, Any]) -> int:
    rate = _get(layout, "speaking_rate", int, "layout", Layout().speaking_rate)
    if not 60 <= rate <= 600:
        raise SchemaError("layout.speaking_rate", f"语速应在 60～600 字/分钟之间，实为 {rate}")
    return rate


def _minutes(layout: dict[str, Any]) -> int:
    minutes = _get(layout, "target_minutes", int, "layout", 0)
    if not 0 <= minutes <= 600:
        raise SchemaError("layout.target_minutes", f"时长应在 0～600 分钟之间（0 表示不限），实为 {minutes}")
    return minutes


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    return value


def to_data(speech: Speech) -> dict[str, Any]:
    """The record as plain data in file order; empty optional values are left out.

    Text is cleaned on the way out too: a record built in code may still hold a
    lone CR, which tomli-w would write so that it no longer reads back as a newline.
    """
    return _cleaned(_raw_data(speech))


def _raw_data(speech: Speech) -> dict[str, Any]:
    training, opening, signature = speech.training, speech.opening, speech.signature
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    for key in ("title", "subtitle", "speaker", "date_line"):
        if value := getattr(speech, key):
            data[key] = value
    data["salutation"] = speech.salutation
    if speech.greeting:
        data["greeting"] = speech.greeting
    if opening != Opening():
        data["opening"] = {"frame": opening.frame, "own": opening.own}
        if opening.text:
            data["opening"]["text"] = opening.text
    if speech.transition:
        data["transition"] = speech.transition
    data["closing"] = speech.closing
    if signature != Signature():
        data["signature"] = {"name": signature.name}
        if signature.date is not None:
            data["signature"]["date"] = signature.date
    data["training"] = {"name": training.name, "note": training.note}
    if training.start is not None:
        data["training"]["start"] = training.start
    if training.end is not None:
        data["training"]["end"] = training.end
    if training.duration:
        data["training"]["duration"] = training.duration
    data["training"]["organisers"] = list(training.organisers)
    data["training"]["activities"] = list(training.activities)
    layout = speech.layout
    data["layout"] = {
        "points": layout.points,
        "numbering": layout.numbering,
        "date_style": layout.date_style,
        "date_separator": layout.date_separator,
        "speaking_rate": layout.speaking_rate,
        "target_minutes": layout.target_minutes,
    }
    data["courses"] = [{"verb": group.verb, "items": list(group.items), "tail": group.tail} for group in speech.courses]
    data["sections"] = [
        {
            "kind": section.kind,
            "heading": section.heading,
            "intro": section.intro,
            "points": [{"lead": point.lead, "body": point.body} for point in section.points],
        }
        for section in speech.sections
    ]
    return data
