"""What the wizard is working on: a record, where it came from, where it goes.

No terminal here: the UI holds one Session and asks it to change fields,
name a file and save, so the same rules hold in tests without a screen.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from wizard import files, history, record_paths, storage
from wizard.assemble import opening, render_text
from wizard.dates import DateError, parse_date
from wizard.model import Speech
from wizard.text_cleaning import clean

#: Fields that hold a date: what was typed is kept beside the record, readable or not.
DATE_FIELDS = ("training.start", "training.end", "date_line", "signature.date")
#: The opening's text: while the opening is assembled, the field shows the assembled text,
#: and typing into it makes the opening the writer's own.
OPENING_TEXT = "opening.text"
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


@dataclass
class Session:
    """A record being edited.

    ``path`` is the file opened with ``edit``; ``output`` the file named with
    ``-o``. ``date_texts`` keeps what was typed into a date field, readable
    or not, so a wrong date is shown again rather than lost.
    """

    speech: Speech
    today: dt.date
    path: Path | None = None
    output: Path | None = None
    dirty: bool = False
    date_texts: dict[str, str] = field(default_factory=dict)
    date_errors: dict[str, str] = field(default_factory=dict)
    text_error: str | None = None
    #: The template a new speech started from; None for a record opened from a file.
    template: str | None = None
    #: The text the opened file held: saving writes into it, keeping its comments.
    original: str | None = None
    #: Files this session opened or wrote (by the file a symlink points to), each with the
    #: fingerprint of what it held then: any other file, or one changed since, is asked about.
    known: dict[Path, str | None] = field(default_factory=dict)
    #: Where the previous text of the last file saved was kept, when its comments could not be.
    backup: Path | None = None
    #: Opened to be read only (another wizard is editing the file): nothing is changed or saved.
    read_only: bool = False

    def __post_init__(self) -> None:
        if self.path is not None:
            self.remember(self.path)
            if self.original is None:
                self.original = _read_text(self.path)
            # The speech as text beside the record, as an earlier save wrote it: ours to replace.
            text_path = self.path.with_suffix(".txt")
            if _read_text(text_path) == render_text(self.speech):
                self.remember(text_path)
        self.reset_date_texts()

    def reset_date_texts(self) -> None:
        """Show the record's dates in their fields (after the record was replaced)."""
        self.date_texts.clear()
        self.date_errors.clear()
        for path in DATE_FIELDS:
            target, name = record_paths.locate(self.speech, path)
            value = getattr(target, str(name))
            self.date_texts[path] = value.isoformat() if value else ""

    def text_of(self, path: str) -> str:
        if path in DATE_FIELDS:
            return self.date_texts.get(path, "")
        if path == OPENING_TEXT and not self.speech.opening.own:
            return opening(self.speech)
        return record_paths.get_text(self.speech, path)

    def set_text(self, path: str, text: str) -> None:
        """Store what was typed into the field at ``path``.

        Typing into the assembled opening makes it the writer's own, kept as typed.
        """
        if path in DATE_FIELDS:
            self._set_date(path, text)
        else:
            record_paths.set_text(self.speech, path, text)
            if path == OPENING_TEXT:
                self.speech.opening.own = True
        self.dirty = True

    def assemble_opening(self) -> None:
        """Give the opening back to the course facts: the writer's own text is dropped."""
        self.speech.opening.own = False
        self.speech.opening.text = ""
        self.dirty = True

    def _set_date(self, path: str, text: str) -> None:
        text = clean(text)
        self.date_texts[path] = text
        target, name = record_paths.locate(self.speech, path)
        try:
            value = parse_date(text, self.today)
        except DateError as error:
            self.date_errors[path] = str(error)
            return
        self.date_errors.pop(path, None)
        setattr(target, str(name), value)

    def changed(self) -> None:
        """Mark a structural change (points added, moved, removed) as unsaved."""
        self.dirty = True

    def save_target(self) -> Path | None:
        """Where Ctrl+S saves without asking: ``-o FILE``, else the file being edited."""
        return self.output or self.path

    def proposed_name(self) -> str:
        """``YYYY-MM-DD-<course name>.toml``: the course's start date, else today."""
        day = self.speech.training.start or self.today
        name = _UNSAFE_NAME.sub("", self.speech.training.name).strip().replace(" ", "")[:40]
        return f"{day.isoformat()}-{name or '发言'}.toml"

    def blocking_problems(self) -> dict[str, str]:
        """Fields whose text cannot go into the record (an unreadable date): saving waits."""
        return dict(self.date_errors)

    def is_opened_file(self, target: Path) -> bool:
        """Whether ``target`` is the file this session was opened from (or last saved to)."""
        return self.path is not None and _same(self.path, target)

    def remember(self, path: Path) -> None:
        """Note what ``path`` holds now: this session may write over it without asking."""
        self.known[files.real_target(path).absolute()] = files.fingerprint(path)

    def why_ask(self, path: Path) -> str | None:
        """Why writing to ``path`` needs the user's yes (in Chinese), or None when it does not.

        A file this session did not open or write, or one that changed (or went)
        since it did, is the user's or someone else's: it is never replaced unasked.
        A device or other special file is written to, not replaced: no question.
        """
        real = files.real_target(path).absolute()
        now = files.fingerprint(path)
        if real not in self.known:
            return f"文件已存在：{path}" if now is not None else None
        then = self.known[real]
        if then is not None and now is None and not path.exists():
            return f"文件在打开之后被删除了：{path}"
        if now is not None and now != then:
            return f"文件在打开之后被其他程序修改过：{path}"
        return None

    def questions_before_saving(self, target: Path) -> list[str]:
        """What to ask before saving to ``target``: about the record and the text file beside it."""
        return [question for path in (target, target.with_suffix(".txt")) if (question := self.why_ask(path))]

    def changed_on_disk(self) -> bool:
        """Whether the opened file was changed or deleted by something else since it was read or saved."""
        return self.path is not None and self.why_ask(self.path) is not None

    def save(self, target: Path) -> str:
        """Write the record to ``target`` and the speech beside it as ``.txt``; return the text.

        Saved over the file it came from, the record keeps that file's comments.
        The text file means the speech can always be found, even without this
        program. Failing to write it does not undo the saved record:
        ``text_error`` says why instead.
        """
        original = self.original if self.is_opened_file(target) else None
        saved = storage.save(self.speech, target, original)
        self.backup = saved.backup
        self.path = target
        self.original = _read_text(target)
        self.remember(target)
        history.remember(target)
        self.dirty = False
        text = render_text(self.speech)
        self.text_error = None
        text_path = target.with_suffix(".txt")
        try:
            storage.write_atomic(text_path, text)
        except storage.RecordError as error:
            self.text_error = str(error)
        else:
            self.remember(text_path)
        return text

    def text_path(self) -> Path | None:
        """Where the plain-text speech goes: beside the record, with ``.txt``."""
        return self.path.with_suffix(".txt") if self.path else None


def _read_text(path: Path) -> str | None:
    try:
        return storage.decode(storage.read_bytes(path), str(path))
    except storage.RecordError:
        return None


def _same(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return first.absolute() == second.absolute()
