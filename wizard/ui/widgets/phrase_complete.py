"""Suggestions from the phrase bank while typing a heading or a lead sentence.

A dropdown under the field (textual-autocomplete) lists bank entries that
start with or contain what has been typed; Enter, or → at the end of the text,
takes one, as in a shell; Escape hides the list. Tab never reaches it: Tab
moves on (the app binds it ahead of every widget). The list has a frame and a
background of its own, so it never reads as one line with the field's hint it
covers. Entries are plain ``Content``: never parsed as markup.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import Input
from textual_autocomplete import AutoComplete, DropdownItem, TargetState

from wizard import phrases


class PhraseAutoComplete(AutoComplete):
    """Completes the Input ``target`` from the bank entries of ``kind`` offered at ``step``."""

    DEFAULT_CSS = """
    PhraseAutoComplete { background: $panel; }
    PhraseAutoComplete AutoCompleteList { border: round $accent; background: $panel; }
    """

    def __init__(self, target: str, kind: str, step: str) -> None:
        super().__init__(target, candidates=None, classes="phrase-complete")
        self.kind = kind
        self.step = step

    def on_mount(self) -> None:
        self.target.message_signal.subscribe(self, self._right_takes_the_suggestion)

    def _right_takes_the_suggestion(self, message: Message) -> None:
        """→ with the cursor at the end of the text takes the highlighted suggestion."""
        target = self.target
        if not (
            isinstance(message, events.Key)
            and message.key == "right"
            and self.display
            and target.cursor_position >= len(target.value)
        ):
            return
        options = self.option_list
        if not options.option_count:
            return
        option = options.get_option_at_index(options.highlighted or 0)
        assert isinstance(option, DropdownItem)
        with self.prevent(Input.Changed):
            self.apply_completion(option.value, TargetState(target.value, target.cursor_position))
        self.post_completion()

    def post_completion(self) -> None:
        """The completion was put in without a Changed message: tell the form, so the record has it."""
        super().post_completion()
        target = self.target
        target.post_message(Input.Changed(target, target.value))

    def get_candidates(self, target_state: TargetState) -> list[DropdownItem]:
        return []  # matches come straight from the bank in get_matches

    def get_matches(
        self, target_state: TargetState, candidates: list[DropdownItem], search_string: str
    ) -> list[DropdownItem]:
        return [DropdownItem(Content(text)) for text in suggestions(search_string, self.kind, self.step)]


def suggestions(typed: str, kind: str, step: str, limit: int = phrases.DEFAULT_SUGGESTIONS) -> list[str]:
    """Texts to offer for what is typed; a lead field also offers each lead of a parallel set."""
    kinds = ("lead", phrases.SET_KIND) if kind == "lead" else (kind,)
    texts: list[str] = []
    for phrase in phrases.suggest(typed, kinds, limit=limit * 3, step=step):
        pieces = [lead for lead in phrase.leads if typed.strip() in lead] if phrase.is_set else [phrase.text]
        texts.extend(piece for piece in pieces if piece not in texts and piece != typed.strip())
    starting = [text for text in texts if text.startswith(typed.strip())]
    return (starting + [text for text in texts if text not in starting])[:limit]
