"""Messages the screens send up to the app: where to go, and what the user chose."""

from __future__ import annotations

from textual.message import Message


class GoTo(Message):
    """Show ``step``, and focus the field for the record path ``focus`` if given."""

    def __init__(self, step: str, focus: str | None = None) -> None:
        super().__init__()
        self.step = step
        self.focus = focus


class TemplateChosen(Message):
    """A new speech is to be written as the template ``name`` has it."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class KeysReleased(Message):
    """The form is laid out again after a button that moves the focus: the keys held meanwhile go on.

    See ``SpeechWizardApp.on_event``.
    """


#: The class of a button whose action lays the form out anew and moves the focus (＋ 添加一点,
#: ✕删除, the pager): the keys typed right after pressing it wait for the focus to get there.
MOVES_FOCUS = "-moves-focus"
