"""The typography rules: what is looked for in one text field, and how it is mended.

Each rule returns hits ``(kind, start, end, message, edits)`` over a field's
value; ``edits`` (start, end, replacement) are given only when the mend is
mechanical (punctuation width, quotes, quotes turned the wrong way, doubled
marks, a 顿号 between quoted items, full-width digits, date dashes, leading
zeros, spaces, zero-width characters); an unpaired mark is only reported. ``wizard.typography`` turns hits into findings and applies the edits.

Every rule is linear in the length of the field: a pasted chapter of many
thousand characters is looked through as fast, per character, as a heading.
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
_PARENS = re.compile(r"[()]")
_QUOTE_CHARS = {
    (opening, closing): re.compile(f"[{re.escape(opening + closing)}]") for opening, closing, _, _ in _QUOTES
}
#: Invisible characters pasted text brings along (zero width space, non-joiner, joiner,
#: word joiner, byte order mark): they only split words for search and line breaking.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH_RUN = re.compile(f"[{_ZERO_WIDTH}]+")
_ZERO_WIDTH_NAMES = {
    "\u200b": "零宽空格",
    "\u200c": "零宽不连字",
    "\u200d": "零宽连字",
    "\u2060": "零宽不换行符",
    "\ufeff": "字节顺序标记",
}
#: The same mark typed twice (or more): ，，　。。　、、　；；　：：
_DOUBLED = re.compile(r"([，。、；：])\1+")
#: Full-width digits: GB/T 15835 writes numbers in half-width Arabic numerals.
_FULL_DIGITS = re.compile("[０-９]+")
_TO_HALF = str.maketrans("０１２３４５６７８９", "0123456789")
#: A 顿号 between two quoted or title-marked items (GB/T 15834—2011 4.5.3.5 leaves it out).
_PAUSE_BETWEEN_QUOTED = re.compile("(?<=[”’》])、(?=[“‘《])")
#: Marks that come in pairs within a paragraph; quotes can be turned the wrong way round.
_PAIRS = (("“", "”", True), ("‘", "’", True), ("（", "）", False), ("《", "》", False))
#: What a pair is called in a message: the marks themselves read badly inside quotes.
_PAIR_NAMES = {"“": "双引号", "‘": "单引号", "（": "括号", "《": "书名号"}
#: U+FFFD, what a decoder puts where it met bytes it could not read: the character there is lost.
_REPLACEMENT_RUN = re.compile("\ufffd+")


def _beside_wide(text: str, start: int, end: int, *, past_spaces: bool = False) -> bool:
    """True when the character before ``start`` or at ``end`` is Han or full-width.

    With ``past_spaces``, stray spaces in between are looked through (``学习 , 心得``).
    Only the characters next to the spot are looked at (no copy of the text).
    """
    before, after = start - 1, end
    if past_spaces:
        while before >= 0 and text[before] in " \t\u3000":
            before -= 1
        while after < len(text) and text[after] in " \t\u3000":
            after += 1
    return (before >= 0 and is_wide(text[before])) or (after < len(text) and is_wide(text[after]))


def _paren_partners(text: str) -> dict[int, int]:
    partners, stack = {}, []
    for match in _PARENS.finditer(text):
        index, char = match.start(), match.group()
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
        match.start()
        for match in _QUOTE_CHARS[opening, closing].finditer(text)
        if not _is_apostrophe(text, match.start())
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


def _doubled(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for match in _DOUBLED.finditer(text):
        start, end, mark = match.start(), match.end(), match.group(1)
        message = f"标点重复：“{match.group()}”只用一个“{mark}”"
        hits.append(("doubled-punctuation", start, end, message, ((start + 1, end, ""),)))
    return hits


def _full_digits(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for match in _FULL_DIGITS.finditer(text):
        start, end = match.span()
        half = match.group().translate(_TO_HALF)
        message = f"数字用半角阿拉伯数字：“{match.group()}”应为“{half}”"
        hits.append(("full-width-digit", start, end, message, ((start, end, half),)))
    return hits


def _pause_between_quoted(text: str) -> list[Hit]:
    message = "引号或书名号括起的并列项之间不用顿号"
    return [
        ("pause-between-quoted", match.start(), match.end(), message, ((match.start(), match.end(), ""),))
        for match in _PAUSE_BETWEEN_QUOTED.finditer(text)
    ]


def _paired(text: str) -> list[Hit]:
    """Quotes, brackets and title marks, within each paragraph: turned the wrong way, or unpaired.

    A closing quote with nothing open, followed later by an opening one that is
    never closed (坚持”以人民为中心“的), is a pair turned the wrong way round: turned
    back. Any other mark left alone is reported, not guessed at.
    """
    hits: list[Hit] = []
    offset = 0
    for paragraph in text.split("\n"):
        for opening, closing, turnable in _PAIRS:
            stack: list[int] = []
            unopened: list[int] = []
            for index, char in enumerate(paragraph):
                if char == opening:
                    stack.append(index)
                elif char == closing:
                    if stack:
                        stack.pop()
                    else:
                        unopened.append(index)
            if turnable:
                while unopened and stack and unopened[0] < stack[0]:
                    first, last = unopened.pop(0) + offset, stack.pop(0) + offset
                    message = f"{_PAIR_NAMES[opening]}方向反了：前后两个引号应当对调"
                    edits = ((first, first + 1, opening), (last, last + 1, closing))
                    hits.append(("turned-quote", first, last + 1, message, edits))
            for index in stack:
                where = offset + index
                message = f"{_PAIR_NAMES[opening]}不成对：本段有前{_PAIR_NAMES[opening]}，没有后{_PAIR_NAMES[opening]}"
                hits.append(("unpaired", where, where + 1, message, ()))
            for index in unopened:
                where = offset + index
                message = (
                    f"{_PAIR_NAMES[opening]}不成对：本段有后{_PAIR_NAMES[opening]}，前面没有前{_PAIR_NAMES[opening]}"
                )
                hits.append(("unpaired", where, where + 1, message, ()))
        offset += len(paragraph) + 1
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


def _is_emoji_joiner(text: str, start: int, end: int) -> bool:
    """A lone U+200D between two pictographs joins them into one emoji (👨‍👩‍👧): it is kept."""
    if text[start:end] != "\u200d" or start == 0 or end == len(text):
        return False
    return all(ord(char) >= 0x1F000 or 0x2600 <= ord(char) <= 0x27BF for char in (text[start - 1], text[end]))


def _invisible(text: str) -> list[Hit]:
    """Zero-width characters (removed: nothing is lost) and U+FFFD (reported: something was)."""
    hits: list[Hit] = []
    for match in _ZERO_WIDTH_RUN.finditer(text):
        start, end = match.span()
        if _is_emoji_joiner(text, start, end):
            continue
        names = "、".join(f"{_ZERO_WIDTH_NAMES[char]} U+{ord(char):04X}" for char in dict.fromkeys(match.group()))
        message = f"有看不见的零宽字符（{names}），多半是复制粘贴带来的，可以删去"
        hits.append(("zero-width", start, end, message, ((start, end, ""),)))
    for match in _REPLACEMENT_RUN.finditer(text):
        start, end = match.span()
        count = f" {end - start} 个" if end - start > 1 else ""
        message = f"有{count}替换字符“\ufffd”（U+FFFD）：文字在编码转换中损坏，原来的字已经丢失，请对照原稿改正"
        hits.append(("replacement-character", start, end, message, ()))
    return hits


def _visible_end(text: str) -> str:
    """``text`` without trailing whitespace or zero-width characters (reported on their own)."""
    while (stripped := text.rstrip().rstrip(_ZERO_WIDTH)) != text:
        text = stripped
    return text


def _ends(field: TextField) -> list[Hit]:
    text = _visible_end(field.value)
    if not one_line(text):
        return []
    end = len(text)
    if field.role == "heading" and text[-1] in _HEADING_END:
        return [("heading-punctuation", end - 1, end, f"标题末尾不加标点（“{text[-1]}”）", ())]
    if field.role == "paragraph" and text.rstrip(_CLOSERS)[-1:] not in tuple(_STOPS):
        return [("paragraph-without-stop", end, end, "段落末尾缺少句末标点（如“。”）", ())]
    return []


class _Taken:
    """The spans of a field already claimed by an edit, looked up by position.

    Asking whether a span overlaps a claimed one costs the span's length, not the
    number of spans claimed, so a field with thousands of fixes stays linear.
    Two spans overlap as half-open intervals do: ``start < other_end and other_start < end``.
    """

    def __init__(self) -> None:
        self._owner: dict[int, int] = {}  # position -> which claimed span covers it
        self._empty: set[int] = set()  # claimed empty spans (an insertion point)
        self._spans = 0

    def overlaps(self, start: int, end: int) -> bool:
        if start == end:  # inside a claimed span, not at its edge
            owner = self._owner.get(start)
            return owner is not None and self._owner.get(start - 1) == owner
        return any(position in self._owner for position in range(start, end)) or any(
            position in self._empty for position in range(start + 1, end)
        )

    def add(self, start: int, end: int) -> None:
        if start == end:
            self._empty.add(start)
            return
        self._spans += 1
        for position in range(start, end):
            self._owner[position] = self._spans


def hits(field: TextField) -> list[Hit]:
    """All hits in one field; a fix that overlaps an earlier one is dropped (one fix a spot)."""
    text = field.value
    rules = [_invisible(text), _dates(text), _half_width(text), _quotes(text), _paired(text)]
    rules += [_doubled(text), _full_digits(text), _pause_between_quoted(text)]
    if field.role != "name":  # 市委组织部　张三: the space between unit and name is customary
        rules.append(_spaces(text))
    rules += [_placeholders(text), _ends(field)]
    kept: list[Hit] = []
    taken = _Taken()
    for hit in (hit for rule in rules for hit in rule):
        spans = [(start, end) for start, end, _ in hit[4]]
        if any(taken.overlaps(start, end) for start, end in spans):
            continue
        for start, end in spans:
            taken.add(start, end)
        kept.append(hit)
    return sorted(kept, key=lambda hit: hit[1])
