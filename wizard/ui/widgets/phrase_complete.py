"""Suggestions from the phrase bank while typing a heading or a lead sentence.

A dropdown under the field (textual-autocomplete) lists bank entries that
start with or contain what has been typed; Enter or Tab takes one, Escape
hides the list. Entries are plain ``Content``: never parsed as markup.
"""

from __future__ import annotations

from textual.content import Content
from textual_autocomplete import AutoComplete, DropdownItem, TargetState

from wizard import phrases


class PhraseAutoComplete(AutoComplete):
    """Completes the Input ``target`` from the bank entries of ``kind`` offered at ``step``."""

    def __init__(self, target: str, kind: str, step: str) -> None:
        super().__init__(target, candidates=None, classes="phrase-complete")
        self.kind = kind
        self.step = step

    def get_candidates(self, target_state: TargetState) -> list[DropdownItem]:
        return []  # matches come straight from the bank in get_matches

    def get_matches(
        self, target_state: TargetState, candidates: list[DropdownItem], search_string: str
    ) -> list[DropdownItem]:
        found = phrases.suggest(search_string, self.kind, step=self.step)
        return [DropdownItem(Content(phrase.text)) for phrase in found]
