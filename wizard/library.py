"""Past speeches: find saved records, list them, and take sections or points from them.

A new speech is rarely written from nothing: last year's reflections on a
similar course are the best starting point. ``scan`` reads every record in
some folders (a broken file is reported and skipped, never fatal), ``lines``
lays them out for the ``list`` command, and ``import_sections`` /
``import_points`` hand back copies to put into the speech being written, so
editing them never changes the record they came from.
"""

from __future__ import annotations

import copy
import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wizard import drafts, history, paths, storage
from wizard.assemble import render_text
from wizard.length import count_characters
from wizard.model import Point, Section, Speech
from wizard.storage import RecordError

_COURSE_WIDTH = 32


class MissingPartError(IndexError):
    """A section or point that the source record does not have; the message says which."""


@dataclass(frozen=True)
class Entry:
    """One saved record, read and measured."""

    path: Path
    speech: Speech
    modified: dt.datetime
    characters: int
    #: A draft the wizard kept (not saved yet).
    draft: bool = False

    @property
    def when(self) -> dt.date:
        """The date the list is sorted by: the course's end, its start, else the save date."""
        training = self.speech.training
        return training.end or training.start or self.modified.date()

    def dates(self) -> str:
        """The course's dates, compact: ``2022-11-21—11-25``; ``未填日期`` without them."""
        start, end = self.speech.training.start, self.speech.training.end
        start = start or end
        if start is None:
            return "未填日期"
        if end is None or end == start:
            return start.isoformat()
        tail = end.isoformat() if end.year != start.year else end.strftime("%m-%d")
        return f"{start.isoformat()}—{tail}"

    def course(self) -> str:
        speech = self.speech
        return speech.training.name.strip() or speech.title.strip() or "（未填培训班名称）"


@dataclass
class Scan:
    """What ``scan`` found: records newest first, files skipped, folders that could be read."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[RecordError] = field(default_factory=list)
    folders_read: int = 0


def default_folders() -> list[Path]:
    """Where ``list`` looks without arguments: the records saved from the wizard, ``records/``, the drafts."""
    return [*history.saved_paths(), paths.records_dir(create=False), paths.drafts_dir(create=False)]


def _is_draft(path: Path) -> bool:
    try:
        return path.parent.resolve() == paths.drafts_dir(create=False).resolve()
    except OSError:
        return False


def read_entry(path: str | Path) -> Entry:
    """Read one record file (or a draft, in the data folder's drafts), or RecordError."""
    path = Path(path)
    draft = _is_draft(path)
    speech = drafts.read_path(path).speech if draft else storage.load(path)
    try:
        modified = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError as error:
        raise RecordError(path, f"无法读取（{error.strerror or error}）") from None
    return Entry(path, speech, modified, count_characters(render_text(speech)), draft)


def _record_files(folder: Path) -> list[Path]:
    try:
        return sorted(
            path
            for path in folder.glob("*.toml")
            if path.is_file() and not path.name.startswith(".") and ".unreadable-" not in path.name
        )
    except PermissionError:
        raise RecordError(folder, "没有读取这个文件夹的权限") from None
    except OSError as error:
        raise RecordError(folder, f"无法读取文件夹（{error.strerror or error}）") from None


def scan(folders: Iterable[str | Path], missing_ok: bool = False) -> Scan:
    """Read the records in ``folders`` (a record file may be named directly).

    A missing folder is a problem unless ``missing_ok`` (the default folders
    need not exist before the first save). The same file reached twice is
    listed once.
    """
    result = Scan()
    seen: set[Path] = set()
    for folder in map(Path, folders):
        if folder.is_file():
            files = [folder]
        elif folder.is_dir():
            try:
                files = _record_files(folder)
            except RecordError as error:
                result.problems.append(error)
                continue
        else:
            if not missing_ok:
                result.problems.append(RecordError(folder, "文件夹不存在"))
            continue
        result.folders_read += 1
        for path in files:
            if path.resolve() in seen:
                continue
            seen.add(path.resolve())
            try:
                result.entries.append(read_entry(path))
            except RecordError as error:
                result.problems.append(error)
    result.entries.sort(key=lambda entry: (entry.when, entry.modified), reverse=True)
    return result


def display_width(text: str) -> int:
    """Terminal columns: Han characters and full-width punctuation take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` terminal columns."""
    return text + " " * (width - display_width(text))


def _fit(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` columns (with …) and pad it to exactly that width."""
    if display_width(text) > width:
        while display_width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return pad(text, width)


def lines(entries: list[Entry]) -> list[str]:
    """The listing: a header, then one aligned line per record."""
    header = ("日期", "培训班", "字数", "文件")
    rows = [
        (entry.dates(), ("（草稿）" if entry.draft else "") + entry.course(), f"{entry.characters:,}", str(entry.path))
        for entry in entries
    ]
    date_width = max(display_width(row[0]) for row in [header, *rows])
    course_width = min(_COURSE_WIDTH, max(display_width(row[1]) for row in [header, *rows]))
    count_width = max(display_width(row[2]) for row in [header, *rows])
    result = []
    for dates, course, count, path in [header, *rows]:
        padding = " " * (count_width - display_width(count))
        result.append(f"{_fit(dates, date_width)}  {_fit(course, course_width)}  {padding}{count}  {path}")
    return result


def import_sections(source: Speech, indexes: Iterable[int]) -> list[Section]:
    """Copies of the sections at ``indexes`` (0-based, in the order given)."""
    count = len(source.sections)
    result = []
    for index in indexes:
        if not 0 <= index < count:
            raise MissingPartError(f"这份记录没有第 {index + 1} 部分（共 {count} 部分）")
        result.append(copy.deepcopy(source.sections[index]))
    return result


def import_points(source: Speech, section_index: int, point_indexes: Iterable[int]) -> list[Point]:
    """Copies of chosen points of one section (0-based, in the order given)."""
    (section,) = import_sections(source, [section_index])
    count = len(section.points)
    result = []
    for index in point_indexes:
        if not 0 <= index < count:
            raise MissingPartError(f"第 {section_index + 1} 部分没有第 {index + 1} 点（共 {count} 点）")
        result.append(section.points[index])
    return result
