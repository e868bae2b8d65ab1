"""Address a field of a record by path: ``training.name``, ``sections[1].points[0].body``.

The same paths name fields in problems (``wizard.checks``) and in the wizard's
form widgets, so a problem can lead the user to the widget that owns it.
A list of strings (organisers, items) is read and written as one line per item.
"""

from __future__ import annotations

import re
from typing import Any

from wizard.model import Speech
from wizard.text import clean

_TOKEN = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def _walk(speech: Speech, path: str) -> tuple[Any, str]:
    """The object that holds the last attribute of ``path``, and that attribute's name."""
    parts = path.split(".")
    target: Any = speech
    for part in parts[:-1]:
        match = _TOKEN.fullmatch(part)
        if not match:
            raise KeyError(path)
        name, index = match.groups()
        target = getattr(target, name)
        if index is not None:
            target = target[int(index)]
    last = parts[-1]
    if not _TOKEN.fullmatch(last) or "[" in last or not hasattr(target, last):
        raise KeyError(path)
    return target, last


def get_text(speech: Speech, path: str) -> str:
    """The field's value as the text a form shows (lists one item a line)."""
    target, name = _walk(speech, path)
    value = getattr(target, name)
    if isinstance(value, list):
        return "\n".join(value)
    return "" if value is None else str(value)


def set_text(speech: Speech, path: str, text: str) -> None:
    """Store form text into a text or list field, dropping control characters."""
    target, name = _walk(speech, path)
    text = clean(text)
    if isinstance(getattr(target, name), list):
        setattr(target, name, [line.strip() for line in text.split("\n") if line.strip()])
    else:
        setattr(target, name, text)


def block_key(path: str) -> str:
    """Which block of the assembled speech a field shows up in."""
    if path.startswith(("training.", "courses")):
        return "opening"
    if match := re.match(r"sections\[(\d+)\]", path):
        return f"section:{match.group(1)}"
    head = path.split(".")[0]
    if head in ("title", "speaker"):
        return "title"
    return head
