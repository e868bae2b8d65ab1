"""The phrase bank: headings, lead sentences, intros, salutations, closings to pick from.

What takes the time in writing a speech is finding the words, so the wizard
offers stock phrases of the genre from ``prompts/phrases.toml``. Search takes a
substring of the text or pinyin initials (``sxxw`` finds 深学细悟, see
``wizard.pinyin``), because typing Chinese into a search box through an IME is slow.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from wizard.data_files import load as load_prompts
from wizard.data_files import prompts_dir
from wizard.pinyin import rank

#: Kinds of single phrases; a parallel set has kind ``set``.
PHRASE_KINDS: tuple[str, ...] = ("heading", "lead", "intro", "closing", "salutation")
SET_KIND = "set"
DEFAULT_SUGGESTIONS = 8


class PhraseBankError(ValueError):
    """The phrase bank file is not usable; the message names the entry at fault."""


@dataclass(frozen=True)
class Phrase:
    """One entry of the bank. For a parallel set ``leads`` holds its sentences and
    ``text`` is them read one after another."""

    kind: str
    theme: str
    text: str
    leads: tuple[str, ...] = ()

    @property
    def is_set(self) -> bool:
        return self.kind == SET_KIND

    def pieces(self) -> tuple[str, ...]:
        """What to insert: one text, or each lead of a set (one point each)."""
        return self.leads if self.is_set else (self.text,)


@dataclass(frozen=True)
class StepChoice:
    """The themes and kinds a wizard step offers."""

    themes: tuple[str, ...]
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class PhraseBank:
    phrases: tuple[Phrase, ...]
    themes: dict[str, str]
    kinds: dict[str, str]
    steps: dict[str, StepChoice]

    def filtered(self, kind: str | Iterable[str] | None = None, step: str | None = None) -> list[Phrase]:
        """Entries of the given kind(s) offered at ``step``, in bank order."""
        kinds = _kinds(kind)
        choice = self._step(step)
        found = [
            phrase
            for phrase in self.phrases
            if (kinds is None or phrase.kind in kinds)
            and (choice is None or (phrase.theme in choice.themes and phrase.kind in choice.kinds))
        ]
        if choice is not None:
            # The step's main theme first (next steps before practice at the actions step).
            found.sort(key=lambda phrase: choice.themes.index(phrase.theme))
        return found

    def _step(self, step: str | None) -> StepChoice | None:
        if step is None:
            return None
        if step in self.steps:
            return self.steps[step]
        if step in wizard_steps():
            return StepChoice((), ())  # a step that offers no phrases
        raise ValueError(f"没有这个步骤：{step}")

    def search(
        self,
        query: str,
        kind: str | Iterable[str] | None = None,
        step: str | None = None,
        limit: int | None = None,
        pinyin: bool = True,
    ) -> list[Phrase]:
        """Entries matching every word of ``query`` (text, or pinyin unless
        ``pinyin`` is false), best first.

        An empty query gives every entry in bank order. A text match beats a
        pinyin one; a match at the start beats one inside.
        """
        terms = query.split()
        ranked = []
        for order, phrase in enumerate(self.filtered(kind, step)):
            ranks = [rank(phrase.text, term, pinyin) for term in terms]
            if None not in ranks:
                ranked.append((sum(ranks), order, phrase))  # type: ignore[arg-type]
        ranked.sort(key=lambda item: (item[0], item[1]))
        found = [phrase for _rank_, _order, phrase in ranked]
        return found if limit is None else found[:limit]

    def suggest(
        self,
        prefix: str,
        kind: str | Iterable[str] | None,
        limit: int = DEFAULT_SUGGESTIONS,
        step: str | None = None,
    ) -> list[Phrase]:
        """Completions for what is typed in a field: texts that start with it first,
        then texts that contain it. Nothing for an empty field or an exact match.

        No pinyin here: Latin letters typed into a field (GDP, 5G) are meant as
        written, and must not conjure up Chinese suggestions; the picker has pinyin.
        """
        typed = prefix.strip()
        if not typed:
            return []
        found = [phrase for phrase in self.search(typed, kind, step, pinyin=False) if phrase.text != typed]
        return found[:limit]


def _kinds(kind: str | Iterable[str] | None) -> frozenset[str] | None:
    if kind is None:
        return None
    kinds = frozenset([kind] if isinstance(kind, str) else kind)
    unknown = kinds - set(PHRASE_KINDS) - {SET_KIND}
    if unknown:
        raise ValueError(f"没有这种常用语：{'、'.join(sorted(unknown))}")
    return kinds


def wizard_steps() -> tuple[str, ...]:
    """The wizard's steps, as named in ``prompts/steps.toml``."""
    return tuple(name for name in load_prompts("steps") if name != "app")


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PhraseBankError(f"{where}：应为非空文字")
    return value.strip()


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise PhraseBankError(f"{where}：应为文字列表")
    return tuple(_string(item, f"{where}[{index}]") for index, item in enumerate(value))


def _labels(data: dict[str, Any], key: str) -> dict[str, str]:
    table = data.get(key, {})
    if not isinstance(table, dict):
        raise PhraseBankError(f"{key}：应为表")
    return {name: _string(label, f"{key}.{name}") for name, label in table.items()}


def parse_bank(data: dict[str, Any]) -> PhraseBank:
    """Check parsed phrase-bank TOML and build the bank, or raise PhraseBankError."""
    themes = _labels(data, "themes")
    kinds = _labels(data, "kinds")
    phrases: list[Phrase] = []
    for where, entry in _entries(data, "phrase"):
        kind = _string(entry.get("kind"), f"{where}.kind")
        if kind not in PHRASE_KINDS:
            raise PhraseBankError(f"{where}.kind：只能是 {'、'.join(PHRASE_KINDS)} 之一，实为 {kind!r}")
        phrases.append(Phrase(kind, _theme(entry, where, themes), _string(entry.get("text"), f"{where}.text")))
    for where, entry in _entries(data, "set"):
        leads = _strings(entry.get("leads"), f"{where}.leads")
        if len(leads) < 2:
            raise PhraseBankError(f"{where}.leads：排比至少要两句")
        phrases.append(Phrase(SET_KIND, _theme(entry, where, themes), "".join(leads), leads))
    steps = {}
    for where, table in _entries(data, "steps"):
        step = where.removeprefix("steps.")
        if step not in wizard_steps():
            raise PhraseBankError(f"{where}：没有这个步骤")
        step_kinds = _strings(table.get("kinds", []), f"{where}.kinds")
        step_themes = _strings(table.get("themes", []), f"{where}.themes")
        for theme in step_themes:
            if theme not in themes:
                raise PhraseBankError(f"{where}.themes：未定义的主题 {theme!r}")
        steps[step] = StepChoice(step_themes, step_kinds)
    return PhraseBank(tuple(phrases), themes, kinds, steps)


def _entries(data: dict[str, Any], key: str) -> list[tuple[str, dict[str, Any]]]:
    """The tables under ``key`` (an array of tables, or a table of tables) with their paths."""
    value = data.get(key, [])
    if isinstance(value, dict):
        pairs = [(f"{key}.{name}", table) for name, table in value.items()]
    elif isinstance(value, list):
        pairs = [(f"{key}[{index}]", table) for index, table in enumerate(value)]
    else:
        raise PhraseBankError(f"{key}：应为表")
    for where, table in pairs:
        if not isinstance(table, dict):
            raise PhraseBankError(f"{where}：应为表")
    return pairs


def _theme(entry: dict[str, Any], where: str, themes: dict[str, str]) -> str:
    theme = _string(entry.get("theme"), f"{where}.theme")
    if theme not in themes:
        raise PhraseBankError(f"{where}.theme：未定义的主题 {theme!r}（见 [themes]）")
    return theme


def load_bank(path: Path) -> PhraseBank:
    with open(path, "rb") as handle:
        return parse_bank(tomllib.load(handle))


@cache
def bank() -> PhraseBank:
    """The bundled phrase bank (read once)."""
    return load_bank(prompts_dir() / "phrases.toml")


def search(
    query: str, kind: str | Iterable[str] | None = None, step: str | None = None, limit: int | None = None
) -> list[Phrase]:
    """Search the bundled bank; see ``PhraseBank.search``."""
    return bank().search(query, kind, step, limit)


def suggest(
    prefix: str, kind: str | Iterable[str] | None, limit: int = DEFAULT_SUGGESTIONS, step: str | None = None
) -> list[Phrase]:
    """Autocomplete from the bundled bank; see ``PhraseBank.suggest``."""
    return bank().suggest(prefix, kind, limit, step)
