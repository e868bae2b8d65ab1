"""Drafts: the record as it stands, kept in the data folder while the wizard runs.

A draft is written (atomically) within a second of every change and removed
by a successful save, so a crash, a closed terminal or ``kill -9`` costs at
most the last second of typing. One draft per thing being written: ``new``
for a new speech, ``demo`` for the example, ``edit-<hash>`` for a file.
A draft also keeps what was typed into the date fields, readable or not.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    def changed_at(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.path.stat().st_mtime)


def key_for(command: str | None, source: Path | None = None) -> str:
    """The draft's name for a command: ``new``, ``demo`` or ``edit-<hash of the file's path>``."""
    if command == "edit" and source is not None:
        import hashlib  # here, not at start-up: only ``edit`` needs it

        digest = hashlib.sha256(str(source.resolve()).encode("utf-8")).hexdigest()[:16]
        return f"edit-{digest}"
    return "demo" if command == "demo" else "new"


def path_for(key: str, create: bool = True) -> Path:
    return drafts_dir(create) / f"{key}.toml"


def dumps(speech: Speech, source: Path | None, date_texts: dict[str, str]) -> str:
    """The draft file's text: a ``[draft]`` table of what the record cannot hold, then the record."""
    import tomli_w  # the first draft is written after the first frame

    meta: dict[str, Any] = {"date_texts": dict(date_texts)}
    if source is not None:
        meta["source"] = str(source.resolve())
    return tomli_w.dumps({"draft": meta, "record": to_data(speech)}, multiline_strings=True)


def write(key: str, text: str) -> Path:
    """Write a draft's text atomically; RecordError when the data folder cannot take it."""
    return write_atomic(path_for(key), text)


def read(key: str) -> Draft | None:
    """The draft for ``key``, None when there is none; RecordError when it cannot be read."""
    path = path_for(key, create=False)
    if not path.is_file():
        return None
    text = decode(read_bytes(path), str(path))
    try:
        data = tomllib.loads(text)
        meta = data.get("draft", {})
        speech = from_data(data["record"])
    except (tomllib.TOMLDecodeError, KeyError, TypeError, AttributeError, SchemaError) as error:
        raise RecordError(path, f"草稿无法读取（{error}）") from None
    source = meta.get("source")
    texts = meta.get("date_texts", {})
    return Draft(
        path=path,
        speech=speech,
        source=Path(source) if isinstance(source, str) else None,
        date_texts={k: v for k, v in texts.items() if isinstance(v, str)} if isinstance(texts, dict) else {},
    )


def set_aside(key: str) -> Path | None:
    """Move an unreadable draft out of the way (never delete what someone typed)."""
    path = path_for(key, create=False)
    if not path.exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.unreadable-{stamp}.toml")
    path.rename(target)
    return target


def remove(key: str) -> None:
    """Forget the draft (after a successful save, or when the user discards it)."""
    path_for(key, create=False).unlink(missing_ok=True)
