"""Address a field of a record by path: ``training.name``, ``sections[1].points[0].body``.

The same paths name fields in problems (``wizard.checks``) and in the wizard's
form widgets, so a problem can lead the user to the widget that owns it.
A list of strings (organisers, items) is read and written as one line per item.
"""

from __future__ import annotations

import re
from typing import Any

from wizard.model import Speech
from wizard.text_cleaning import clean

_STEP = re.compile(r"([a-z_]+)|\[(\d+)\]")


def locate(speech: Speech, path: str) -> tuple[Any, str | int]:
    """The object holding the field at ``path`` and the attribute name or list index of it.

    ``sections[1].points[0].body`` → (that Point, "body");
    ``training.organisers[2]`` → (the organisers list, 2). KeyError for a path
    that names nothing in this record.
    """
    steps: list[str | int] = [name or int(index) for name, index in _STEP.findall(path)]
    if not steps or "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in steps).lstrip(".") != path:
        raise KeyError(path)
    target: Any = speech
    try:
        for step in steps[:-1]:
            target = target[step] if isinstance(step, int) else getattr(target, step)
        last = steps[-1]
        if isinstance(last, int):
            target[last]
        elif not hasattr(target, last):
            raise KeyError(path)
    except (AttributeError, IndexError, TypeError):
        raise KeyError(path) from None
    return target, last


def _walk(speech: Speech, path: str) -> tuple[Any, str]:
    """Like ``locate``, for a path that ends in an attribute (what a form field edits)."""
    target, last = locate(speech, path)
    if isinstance(last, int):
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
    if path.startswith(("training.", "courses", "opening")):
        return "opening"
    if match := re.match(r"sections\[(\d+)\]", path):
        return f"section:{match.group(1)}"
    head = path.split(".")[0]
    if head in ("title", "subtitle", "speaker", "date_line"):
        return "title"
    return head
