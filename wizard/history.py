"""The records saved from the wizard, wherever they were saved: what ``list`` shows by default.

A speech is saved where the user chooses (the current folder, by default),
not in the data folder, so the data folder keeps an index of those files,
``saved.toml``: their paths, newest first. Listing reads the files
themselves; a file moved or deleted since is simply left out.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w

from wizard.paths import data_dir
from wizard.storage import RecordError, write_atomic

#: Paths kept in the index, at most.
LIMIT = 500


def index_path(create: bool = False) -> Path:
    return data_dir(create) / "saved.toml"


def saved_paths() -> list[Path]:
    """The records saved from the wizard that still exist, newest first."""
    try:
        data = tomllib.loads(index_path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    paths = data.get("saved", [])
    if not isinstance(paths, list):
        return []
    return [Path(path) for path in paths if isinstance(path, str) and Path(path).is_file()]


def remember(path: Path) -> None:
    """Put ``path`` first in the index. A data folder that cannot take it changes nothing else."""
    path = path.absolute()
    kept = [str(path)] + [str(old) for old in saved_paths() if old.absolute() != path]
    try:
        index_path(create=True)
        write_atomic(index_path(), tomli_w.dumps({"saved": kept[:LIMIT]}), private=True)
    except RecordError:
        return
