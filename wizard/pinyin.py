"""Match Chinese text by what is quicker to type than Chinese: pinyin initials or pinyin.

``sxxw`` finds 深学细悟, ``shenxue`` finds 深学. pypinyin reads words in
context (行家 is hang-jia, not xing-jia). It is imported and each text's
pinyin worked out only on the first pinyin query, then cached: most sessions
never search by pinyin.
"""

from __future__ import annotations

import unicodedata
from functools import cache


def rank(text: str, term: str, pinyin: bool = True) -> int | None:
    """How well ``term`` matches ``text``: 0 best, None no match."""
    if text.startswith(term):
        return 0
    if term in text:
        return 1
    key = _latin_key(term) if pinyin else ""
    if not key:
        return None
    initials = initials_of(text)
    if initials.startswith(key):
        return 2
    if key in initials:
        return 3
    if any(rest.startswith(key) for rest in pinyin_tails(text)):
        return 4
    return None


def _latin_key(term: str) -> str:
    """The term as lower-case ASCII letters/digits (full-width ``ｓｘｘｗ`` too), or ""
    when it holds anything else: only such a term can be pinyin."""
    key = unicodedata.normalize("NFKC", term).lower()
    return key if key.isascii() and key.isalnum() else ""


def _latin_only(run: str) -> str:
    """pypinyin's handler for text that is not Han: keep letters and digits only."""
    return "".join(char for char in unicodedata.normalize("NFKC", run).lower() if char.isascii() and char.isalnum())


@cache
def initials_of(text: str) -> str:
    """Pinyin initials of ``text``: 在深学细悟中 → ``zsxxwz``; punctuation dropped."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors=_latin_only))


@cache
def pinyin_tails(text: str) -> tuple[str, ...]:
    """Toneless pinyin of ``text`` run together from each syllable on: a match must
    start at a syllable, so ``ao`` does not find 好 (h-ao) while ``hao`` does."""
    from pypinyin import Style, lazy_pinyin

    syllables = [part for part in lazy_pinyin(text, style=Style.NORMAL, errors=_latin_only) if part]
    return tuple("".join(syllables[start:]) for start in range(len(syllables)))
