"""Write a record back into the text it was read from, keeping the user's comments and layout.

A record file is the user's: they may have commented it, ordered it, spaced
it. When ``check --fix`` or the wizard writes it back, tomlkit (a library for
editing TOML in place) takes the text it was read from and changes only the
values that changed: keys keep their place and their comments, new keys and
items are added after the others, removed ones are taken out. Items of a list
of tables (sections, points, course groups) are matched by position.

The result is read back before it is used: if it does not give exactly the
record, the caller gets None and writes the record afresh, keeping a backup
of the old file.
"""

from __future__ import annotations

import tomllib
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, InlineTable, Item, Table

from wizard.model import Speech
from wizard.schema import SchemaError, from_data, to_data


def _item(value: Any) -> Any:
    """A new tomlkit value for plain ``value``: long strings multi-line, as tomli-w writes them."""
    if isinstance(value, str) and "\n" in value:
        return tomlkit.string(value, multiline=True)
    if isinstance(value, dict):
        table = tomlkit.table()
        for key, inner in value.items():
            table[key] = _item(inner)
        return table
    if isinstance(value, list) and value and all(isinstance(inner, dict) for inner in value):
        tables = tomlkit.aot()
        for inner in value:
            tables.append(_item(inner))
        return tables
    return value


def _same(item: Any, value: Any) -> bool:
    unwrapped = item.unwrap() if isinstance(item, Item) else item
    return bool(unwrapped == value and type(unwrapped) is type(value))


def _merge_table(table: Any, data: dict[str, Any]) -> None:
    for key in [key for key in table if key not in data]:
        del table[key]
    for key, value in data.items():
        if key not in table:
            table[key] = _item(value)
            continue
        old = table[key]
        if isinstance(value, dict) and isinstance(old, Table | InlineTable):
            _merge_table(old, value)
        elif isinstance(value, list) and isinstance(old, AoT) and all(isinstance(inner, dict) for inner in value):
            _merge_tables(old, value)
        elif not _same(old, value):
            table[key] = _item(value)


def _merge_tables(tables: AoT, data: list[dict[str, Any]]) -> None:
    for index, value in enumerate(data):
        if index < len(tables):
            _merge_table(tables[index], value)
        else:
            tables.append(_item(value))
    while len(tables) > len(data):
        del tables[len(tables) - 1]


def dumps_into(speech: Speech, original: str) -> str | None:
    """``speech`` written into ``original``'s text; None when that cannot be done faithfully."""
    try:
        document = tomlkit.parse(original)
        _merge_table(document, to_data(speech))
        text = tomlkit.dumps(document)
        if from_data(tomllib.loads(text)) != speech:
            return None
    except (TOMLKitError, tomllib.TOMLDecodeError, SchemaError, RecursionError, ValueError):
        return None
    return text
