"""The typography rules: what is looked for in one text field, and how it is mended.

Each rule returns hits ``(kind, start, end, message, edits)`` over a field's
value; ``edits`` (start, end, replacement) are given only when the mend is
mechanical (punctuation width, quotes, date dashes, leading zeros, spaces).
``wizard.typography`` turns hits into findings and applies the edits.
"""

from __future__ import annotations

import re

from wizard.record_texts import TextField
from wizard.text_cleaning import is_wide, one_line

#: (start, end, replacement) in a field's value.
Edit = tuple[int, int, str]
#: (kind, start, end, message, edits).
Hit = tuple[str, int, int, str, tuple[Edit, ...]]

_HALF_TO_FULL = {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_PUNCT = re.compile(r"\.{2,}|[,.:;?!()]")
_DATE_DASH = re.compile(r"(?<=[日号月])[ \t\u3000]*(——|--|[-~～－–―−])[ \t\u3000]*(?=[0-9０-９]{1,4}[年月日号])")
_DAY_DASH = re.compile(r"月[0-9０-９]{1,2}([ \t\u3000]*(?:——|--|[-~～－–—―−])[ \t\u3000]*)[0-9０-９]{1,2}日")
_LEADING_ZERO = re.compile(r"(?<![0-9０-９])[0０](?=[1-9１-９][月日号])")
_SPACE = re.compile(r"(?<=\S)[ \t\u3000\u00a0]+(?=\S)")
_PLACEHOLDER = re.compile(r"[*＊]{2,}|(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])|×{2,}|某某|[_＿]{3,}|[○□]{2,}")
_QUOTES = (('"', '"', "“", "”"), ("'", "'", "‘", "’"), ("「", "」", "“", "”"), ("『", "』", "‘", "’"))
_HEADING_END = "。，、；：,.;:！？!?…"
_CLOSERS = "”’）》」』\"')"
_STOPS = "。！？…!?."


def _beside_wide(text: str, start: int, end: int, *, past_spaces: bool = False) -> bool:
    """True when the character before ``start`` or at ``end`` is Han or full-width.

    With ``past_spaces``, stray spaces in between are looked through (``学习 , 心得``).
    """
    before, after = text[:start], text[end:]
    if past_spaces:
        before, after = before.rstrip(" \t\u3000"), after.lstrip(" \t\u3000")
    return bool(before and is_wide(before[-1])) or bool(after and is_wide(after[0]))


def _paren_partners(text: str) -> dict[int, int]:
    partners, stack = {}, []
    for index, char in enumerate(text):
        if char == "(":
            stack.append(index)
        elif char == ")" and stack:
            opening = stack.pop()
            partners[opening], partners[index] = index, opening
    return partners


def _half_width(text: str) -> list[Hit]:
    hits: list[Hit] = []
    partners = _paren_partners(text)
    for match in _HALF_PUNCT.finditer(text):
        start, end, char = match.start(), match.end(), match.group()
        if char == "." and start > 0 and text[start - 1].isascii() and text[start - 1].isdigit():
            continue  # 1.5, or the third-level number "1."
        partner = partners.get(start)
        beside = _beside_wide(text, start, end, past_spaces=True) or (
            partner is not None and _beside_wide(text, partner, partner + 1, past_spaces=True)
        )
        if beside:
            full = "……" if len(char) > 1 else _HALF_TO_FULL[char]
            message = f"半角“{char}”用在中文里，应为全角“{full}”"
            hits.append(("half-width-punctuation", start, end, message, ((start, end, full),)))
    return hits


def _is_apostrophe(text: str, index: int) -> bool:
    """An ASCII ' between two Latin letters (Xi'an, it's) is not a quote."""
    before, after = text[index - 1 : index], text[index + 1 : index + 2]
    return text[index] == "'" and all(char.isascii() and char.isalpha() for char in (before, after))


def _quote_pairs(text: str, opening: str, closing: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Matched (open, close) positions, and positions left unmatched."""
    positions = [
        index for index, char in enumerate(text) if char in (opening, closing) and not _is_apostrophe(text, index)
    ]
    if opening == closing:
        pairs = list(zip(positions[::2], positions[1::2]))
        return pairs, positions[len(pairs) * 2 :]
    pairs, stack, lone = [], [], []
    for index in positions:
        if text[index] == opening:
            stack.append(index)
        elif stack:
            pairs.append((stack.pop(), index))
        else:
            lone.append(index)
    return pairs, lone + stack


def _quotes(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for opening, closing, full_open, full_close in _QUOTES:
        pairs, lone = _quote_pairs(text, opening, closing)
        wanted = f"中文的{full_open}{full_close}"
        for first, last in pairs:
            edits = ((first, first + 1, full_open), (last, last + 1, full_close))
            hits.append(("quote", first, last + 1, f"引号应为{wanted}，不用{opening}{closing}", edits))
        for index in lone:
            if opening == closing:  # which way an unpaired ASCII quote faces cannot be known
                hits.append(("quote", index, index + 1, f"不成对的英文引号{text[index]}，请改为{wanted}", ()))
            else:
                full = full_open if text[index] == opening else full_close
                message = f"引号应为{wanted}，不用{opening}{closing}"
                hits.append(("quote", index, index + 1, message, ((index, index + 1, full),)))
    return hits


def _dates(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for match in _DATE_DASH.finditer(text):
        message = f"日期范围用一字线“—”连接（如 11月3日—5日），不用“{match.group(1)}”"
        hits.append(("date-dash", match.start(), match.end(), message, ((match.start(), match.end(), "—"),)))
    for match in _DAY_DASH.finditer(text):
        start, end = match.span(1)
        message = "日期范围两端都写“日”，用一字线连接（如 11月3日—5日）"
        hits.append(("date-dash", start, end, message, ((start, end, "日—"),)))
    for match in _LEADING_ZERO.finditer(text):
        start = match.start()
        message = f"日期不写前导零：“{text[start : start + 3]}”应为“{text[start + 1 : start + 3]}”"
        hits.append(("leading-zero", start, start + 1, message, ((start, start + 1, ""),)))
    return hits


def _spaces(text: str) -> list[Hit]:
    message = "中文里不加空格（汉字之间、汉字与字母数字之间都不加）"
    return [
        ("space", match.start(), match.end(), message, ((match.start(), match.end(), ""),))
        for match in _SPACE.finditer(text)
        if _beside_wide(text, match.start(), match.end())
    ]


def _placeholders(text: str) -> list[Hit]:
    return [
        ("placeholder", match.start(), match.end(), f"“{match.group()}”像是没有填写的占位符，请换成实际内容", ())
        for match in _PLACEHOLDER.finditer(text)
    ]


def _ends(field: TextField) -> list[Hit]:
    text = field.value.rstrip()
    if not one_line(text):
        return []
    end = len(text)
    if field.role == "heading" and text[-1] in _HEADING_END:
        return [("heading-punctuation", end - 1, end, f"标题末尾不加标点（“{text[-1]}”）", ())]
    if field.role == "paragraph" and text.rstrip(_CLOSERS)[-1:] not in tuple(_STOPS):
        return [("paragraph-without-stop", end, end, "段落末尾缺少句末标点（如“。”）", ())]
    return []


def hits(field: TextField) -> list[Hit]:
    """All hits in one field; a fix that overlaps an earlier one is dropped (one fix a spot)."""
    text = field.value
    rules = [_dates(text), _half_width(text), _quotes(text)]
    if field.role != "name":  # 市委组织部　张三: the space between unit and name is customary
        rules.append(_spaces(text))
    rules += [_placeholders(text), _ends(field)]
    kept: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for hit in (hit for rule in rules for hit in rule):
        spans = [(start, end) for start, end, _ in hit[4]]
        if any(start < t_end and t_start < end for start, end in spans for t_start, t_end in taken):
            continue
        taken += spans
        kept.append(hit)
    return sorted(kept, key=lambda hit: hit[1])
