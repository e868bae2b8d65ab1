"""Where speech-wizard keeps the user's files: drafts, finished records, own templates.

The data folder is platformdirs' ``user_data_dir("speech-wizard")``, or the
folder named by ``SPEECH_WIZARD_HOME`` when that is set, so tests and users
who keep their speeches elsewhere (a synced or encrypted folder) can point it
anywhere. Folders are created on first use, never at import, so reading a
record or rendering one leaves no trace on the disk.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from wizard.storage import RecordError

APP_NAME = "speech-wizard"
HOME_VARIABLE = "SPEECH_WIZARD_HOME"


class DataDirError(RecordError):
    """A data folder that cannot be created; one line naming the folder.

    A RecordError, because what fails is saving or finding records, and the
    command line already reports those in one line.
    """


def _home() -> Path:
    override = os.environ.get(HOME_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False))


def _ensure(folder: Path, create: bool) -> Path:
    if not create:
        return folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise DataDirError(folder, "应为文件夹，但这里已有同名文件") from None
    except PermissionError:
        raise DataDirError(folder, "没有权限创建数据文件夹") from None
    except OSError as error:
        raise DataDirError(folder, f"无法创建数据文件夹（{error.strerror or error}）") from None
    return folder


def data_dir(create: bool = True) -> Path:
    """The data folder itself; created unless ``create`` is false."""
    return _ensure(_home(), create)


def drafts_dir(create: bool = True) -> Path:
    """Speeches still being written (saved as the wizard goes)."""
    return _ensure(_home() / "drafts", create)


def records_dir(create: bool = True) -> Path:
    """Finished speech records."""
    return _ensure(_home() / "records", create)


def templates_dir(create: bool = True) -> Path:
    """The user's own speech templates; they override bundled ones of the same name."""
    return _ensure(_home() / "templates", create)
