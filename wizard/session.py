"""What the wizard is working on: a record, where it came from, where it goes.

No terminal here: the UI holds one Session and asks it to change fields,
name a file and save, so the same rules hold in tests without a screen.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from wizard import record_paths, storage
from wizard.assemble import render_text
from wizard.dates import DateError, parse_date
from wizard.model import Speech
from wizard.text_cleaning import clean

DATE_FIELDS = ("training.start", "training.end")
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
    #: The opened file's bytes as they were read, to notice someone else's changes. A record
    #: is a few kilobytes: keeping it whole costs less than hashing (hashlib took start-up ~1%).
    disk_stamp: bytes | None = None
    text_error: str | None = None
    #: The template a new speech started from; None for a record opened from a file.
    template: str | None = None

    def __post_init__(self) -> None:
        if self.path is not None and self.disk_stamp is None:
            self.disk_stamp = _stamp(self.path)
        for path in DATE_FIELDS:
            value = getattr(self.speech.training, path.split(".")[1])
            self.date_texts.setdefault(path, value.isoformat() if value else "")

    def text_of(self, path: str) -> str:
        if path in DATE_FIELDS:
            return self.date_texts.get(path, "")
        return record_paths.get_text(self.speech, path)

    def set_text(self, path: str, text: str) -> None:
        """Store what was typed into the field at ``path``."""
        if path in DATE_FIELDS:
            self._set_date(path, text)
        else:
            record_paths.set_text(self.speech, path, text)
        self.dirty = True

    def _set_date(self, path: str, text: str) -> None:
        text = clean(text)
        self.date_texts[path] = text
        name = path.split(".")[1]
        try:
            value = parse_date(text, self.today)
        except DateError as error:
            self.date_errors[path] = str(error)
            return
        self.date_errors.pop(path, None)
        setattr(self.speech.training, name, value)

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

    def changed_on_disk(self) -> bool:
        """Whether the opened file was changed by something else since it was read or saved."""
        if self.path is None or self.disk_stamp is None:
            return False
        current = _stamp(self.path)
        return current is not None and current != self.disk_stamp

    def save(self, target: Path) -> str:
        """Write the record to ``target`` and the speech beside it as ``.txt``; return the text.

        The text file means the speech can always be found, even without this
        program. Failing to write it does not undo the saved record:
        ``text_error`` says why instead.
        """
        storage.save(self.speech, target)
        self.path = target
        self.disk_stamp = _stamp(target)
        self.dirty = False
        text = render_text(self.speech)
        self.text_error = None
        try:
            storage.write_atomic(target.with_suffix(".txt"), text)
        except storage.RecordError as error:
            self.text_error = str(error)
        return text

    def text_path(self) -> Path | None:
        """Where the plain-text speech goes: beside the record, with ``.txt``."""
        return self.path.with_suffix(".txt") if self.path else None


def _stamp(path: Path) -> bytes | None:
    """The file's bytes, None when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def _same(first: Path, second: Path) -> bool:
    try:
        return first.resolve() == second.resolve()
    except OSError:
        return first.absolute() == second.absolute()
