"""Text hygiene shared by every way text enters a record.

Control characters (C0 other than newline and tab, DEL, and C1 - so ESC too)
are dropped; CR and CRLF become LF. So are the invisible bidirectional
controls (embeddings, overrides, isolates, LRM/RLM/ALM): no Chinese speech
needs them, and they can make the printed or exported text read in another
order than the one on screen. Nothing else is changed: the user's
punctuation and spacing are theirs to fix, with the typography check's help.
"""

from __future__ import annotations

import re

#: Every character dropped is a control (Cc) or format (Cf) character, which
#: ``str.isprintable`` also rejects.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: Full-width punctuation outside the ranges ``is_wide`` compares with.
_WIDE_MARKS = frozenset("\u2014\u2026\u2018\u2019\u201c\u201d")


def clean(value: str) -> str:
    """Return ``value`` with line endings normalised and control characters dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if value.replace("\n", "").replace("\t", "").isprintable():
        return value
    return _CONTROL.sub("", value)


def is_wide(char: str) -> bool:
    """True for a Han character or full-width punctuation (of ``char``'s first character)."""
    if not char:
        return False
    first = char[0]
    return (
        "\u4e00" <= first <= "\u9fff"  # CJK unified ideographs
        or "\u3400" <= first <= "\u4dbf"  # extension A
        or "\uf900" <= first <= "\ufaff"  # compatibility ideographs
        or "\u3000" <= first <= "\u303f"  # CJK symbols and punctuation
        or "\uff00" <= first <= "\uffef"  # full-width forms
        or first in _WIDE_MARKS
    )


def one_line(value: str) -> str:
    """Collapse a multi-line field into one line of speech text.

    Lines are stripped and joined; between two Chinese characters (or
    full-width punctuation) no space is put, between Latin words one space.
    """
    parts = [part.strip() for part in clean(value).split("\n")]
    parts = [part for part in parts if part]
    if not parts:
        return ""
    joined = parts[0]
    for part in parts[1:]:
        if is_wide(joined[-1]) or is_wide(part[0]):
            joined += part
        else:
            joined += " " + part
    return joined.replace("\t", " ")
