"""Drafts: the record as it stands, kept in the data folder while a wizard runs.

A draft is written (atomically, readable by its owner only) within a second
of every change and removed by a successful save, so a crash, a closed
terminal or ``kill -9`` costs at most the last second of typing.

Every running wizard has a draft of its own, ``<kind>-<token>.toml``, where
the kind says what is being written (``new``, ``demo``, ``edit-<hash of the
file>``), and holds it with a lock file ``<key>.lock`` created exclusively
and holding its process id. No two wizards ever write the same draft. A
draft whose lock is gone, or whose process is no longer running, is an
orphan: the next wizard started on the same kind of thing offers it.

A wizard opened on a record file also holds ``open-<hash>.lock``, so that a
second wizard on the same file can say that it is open already.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from wizard.model import Speech
from wizard.paths import drafts_dir
from wizard.schema import SchemaError, from_data, to_data
from wizard.storage import RecordError, decode, read_bytes, write_atomic


@dataclass
class Draft:
    """A draft read back from the data folder."""

    path: Path
    speech: Speech
    source: Path | None = None
    date_texts: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return self.path.stem

    @property
    def changed_at(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.path.stat().st_mtime)


def _file_hash(source: Path) -> str:
    return hashlib.sha256(str(source.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def kind_for(command: str | None, source: Path | None = None) -> str:
    """What a wizard writes, as draft names begin: ``new``, ``demo`` or ``edit-<hash of the file>``."""
    if command == "edit" and source is not None:
        return f"edit-{_file_hash(source)}"
    return "demo" if command == "demo" else "new"


def path_for(key: str, create: bool = True) -> Path:
    return drafts_dir(create) / f"{key}.toml"


def _lock_path(key: str, create: bool = True) -> Path:
    return drafts_dir(create) / f"{key}.lock"


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process, but running
    return True


def _holder(lock: Path) -> int | None:
    """The running process that holds ``lock``; None when nobody does."""
    try:
        pid = int(lock.read_text(encoding="ascii").strip() or 0)
    except (OSError, ValueError):
        return None
    return pid if _alive(pid) else None


class Lock:
    """A lock file held by this process; ``release`` removes it (if it is still ours)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def release(self) -> None:
        if _holder(self.path) == os.getpid():
            self.path.unlink(missing_ok=True)


def _take(lock: Path) -> Lock | None:
    """Create ``lock`` for this process, taking over one whose process is gone; None if another holds it."""
    for _attempt in range(3):
        try:
            descriptor = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            holder = _holder(lock)
            if holder is not None:
                return Lock(lock) if holder == os.getpid() else None
            lock.unlink(missing_ok=True)  # left by a process that is gone
            continue
        except OSError as error:
            raise RecordError(lock, f"无法创建锁文件（{error.strerror or error}）") from None
        with os.fdopen(descriptor, "w", encoding="ascii") as stream:
            stream.write(str(os.getpid()))
        return Lock(lock)
    return None


def claim_new(kind: str) -> tuple[str, Lock]:
    """A draft key of ``kind`` no other wizard uses, and its lock; RecordError if the folder cannot take it."""
    while True:
        key = f"{kind}-{secrets.token_hex(4)}"
        if path_for(key).exists():
            continue
        lock = _take(_lock_path(key))
        if lock is not None:
            return key, lock


def adopt(key: str) -> Lock | None:
    """Take over the orphaned draft ``key``; None if a running wizard holds it after all."""
    return _take(_lock_path(key))


def open_file_lock(source: Path) -> Lock | None:
    """Note that this wizard has ``source`` open; None when another running wizard has it open."""
    return _take(_lock_path(f"open-{_file_hash(source)}"))


def draft_data(speech: Speech, source: Path | None, date_texts: dict[str, str]) -> dict[str, Any]:
    """The draft as plain data: a copy, so it can be written out while the record changes on."""
    meta: dict[str, Any] = {"date_texts": dict(date_texts)}
    if source is not None:
        meta["source"] = str(source.resolve())
    return {"draft": meta, "record": to_data(speech)}


def dumps_data(data: dict[str, Any]) -> str:
    """The draft file's text: a ``[draft]`` table of what the record cannot hold, then the record."""
    return tomli_w.dumps(data, multiline_strings=True)


def dumps(speech: Speech, source: Path | None, date_texts: dict[str, str]) -> str:
    return dumps_data(draft_data(speech, source, date_texts))


def write(key: str, text: str) -> Path:
    """Write a draft's text atomically, owner-only; RecordError when the data folder cannot take it."""
    return write_atomic(path_for(key), text, private=True)


def read_path(path: Path) -> Draft:
    """The draft in the file ``path``; RecordError when it cannot be read."""
    text = decode(read_bytes(path), str(path))
    try:
        data = tomllib.loads(text)
        meta = data.get("draft", {})
        speech = from_data(data["record"])
    except (tomllib.TOMLDecodeError, KeyError, TypeError, AttributeError, SchemaError, RecursionError) as error:
        raise RecordError(path, f"草稿无法读取（{error}）") from None
    source = meta.get("source") if isinstance(meta, dict) else None
    texts = meta.get("date_texts", {}) if isinstance(meta, dict) else {}
    return Draft(
        path=path,
        speech=speech,
        source=Path(source) if isinstance(source, str) else None,
        date_texts={k: v for k, v in texts.items() if isinstance(v, str)} if isinstance(texts, dict) else {},
    )


def read(key: str) -> Draft | None:
    """The draft for ``key``, None when there is none; RecordError when it cannot be read."""
    path = path_for(key, create=False)
    if not path.is_file():
        return None
    return read_path(path)


def orphans(kind: str) -> tuple[list[Draft], list[str]]:
    """The drafts of ``kind`` no running wizard holds, newest first; and a line for each set aside.

    An unreadable draft is moved aside (never deleted) and said so.
    """
    folder = drafts_dir(create=False)
    found: list[Draft] = []
    said: list[str] = []
    try:
        candidates = sorted(folder.glob(f"{kind}-*.toml"))
    except OSError:
        return found, said
    for path in candidates:
        if ".unreadable-" in path.name or _holder(_lock_path(path.stem, create=False)) is not None:
            continue
        try:
            found.append(read_path(path))
        except RecordError as error:
            said.append(f"{error}；已移到 {set_aside(path)}")
    found.sort(key=lambda draft: draft.path.stat().st_mtime, reverse=True)
    return found, said


def set_aside(path: Path) -> Path:
    """Move an unreadable draft out of the way (never delete what someone typed)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.unreadable-{stamp}.toml")
    path.rename(target)
    return target


def remove(key: str) -> None:
    """Forget the draft (after a successful save, or when the user discards it)."""
    path_for(key, create=False).unlink(missing_ok=True)
