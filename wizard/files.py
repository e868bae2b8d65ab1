"""Writing the user's files: through symlinks, atomically, straight to devices, with the right mode.

- A symlink is followed: the file it points to is the one replaced, and the
  link stays a link.
- A regular file (or a new one) is written to a temporary file beside it,
  fsync'ed, then renamed over it, so a crash at any point leaves the previous
  file whole. The temporary file's name holds the writer's process id, so
  that one left behind by a killed process can be found and removed
  (``remove_leftovers``): it holds private text.
- Anything else that exists there (a character device such as ``/dev/null``,
  a FIFO) is written directly, never replaced.
- A new file gets the permissions the user's umask gives, as any editor's
  would, unless it is ``private`` (drafts: owner only). A file written over
  keeps its permissions.

``fingerprint`` tells whether a file is still what was written or read:
before replacing a file, the program compares it with the fingerprint it
took, and asks when they differ.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
from pathlib import Path

_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")


class WriteError(OSError):
    """A file that cannot be written; ``reason`` says why, in Chinese."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(reason)
        self.path = str(path)
        self.reason = reason


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` must change: ``path``, or what its symlinks point to."""
    target = Path(path)
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def is_special(path: Path) -> bool:
    """Whether ``path`` exists and is neither a regular file nor a folder (a device, a FIFO, a socket)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def fingerprint(path: str | os.PathLike[str]) -> str | None:
    """A digest of the file's bytes; None when it does not exist or cannot be read."""
    target = Path(path)
    try:
        if is_special(target) or not target.is_file():
            return None
        return hashlib.sha256(target.read_bytes()).hexdigest()
    except OSError:
        return None


def write_bytes(path: str | os.PathLike[str], data: bytes, *, private: bool = False) -> Path:
    """Write ``data`` to ``path`` as this module's description says; return the file written.

    ``WriteError`` says in Chinese why it could not be done; the previous file
    is then whole and no temporary file is left.
    """
    target = real_target(path)
    if target.is_dir():
        raise WriteError(path, "这是一个文件夹，请换一个文件名")
    if is_special(target):
        _write_directly(target, data)
        return target
    remove_leftovers(target.parent, target.name)
    _replace(target, data, private)
    return target


def _write_directly(target: Path, data: bytes) -> None:
    try:
        with target.open("wb") as stream:
            stream.write(data)
    except PermissionError:
        raise WriteError(target, "没有写入权限") from None
    except OSError as error:
        raise WriteError(target, f"无法写入（{error.strerror or error}）") from None


def _replace(target: Path, data: bytes, private: bool) -> None:
    folder = target.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise WriteError(target, "所在文件夹不存在") from None
    except PermissionError:
        raise WriteError(target, "没有写入这个文件夹的权限") from None
    except OSError as error:
        raise WriteError(target, f"无法写入（{error.strerror or error}）") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target, private))
        os.replace(temporary, target)
    except BaseException as error:
        # Whatever stopped the write (a full disk, Ctrl+C), the previous file
        # is untouched: only the temporary file has to go.
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, PermissionError):
            raise WriteError(target, "没有写入权限") from None
        if isinstance(error, OSError):
            raise WriteError(target, f"无法写入（{error.strerror or error}）") from None
        raise
    _fsync_folder(folder)


def _mode_for(target: Path, private: bool) -> int:
    """The file's own permissions if it exists, else owner-only or what the umask allows."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        pass
    if private:
        return 0o600
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def remove_leftovers(folder: str | os.PathLike[str], name: str | None = None) -> list[Path]:
    """Remove temporary files that a killed writer left in ``folder`` (for ``name`` only, if given).

    Only files of this module's naming whose writer is no longer running are
    removed; a write in progress in another wizard is left alone.
    """
    removed: list[Path] = []
    try:
        candidates = list(Path(folder).glob(".*.tmp"))
    except OSError:
        return removed
    for candidate in candidates:
        match = _LEFTOVER.match(candidate.name)
        if match is None or (name is not None and match["name"] != name):
            continue
        if _alive(int(match["pid"])):
            continue
        try:
            candidate.unlink()
        except OSError:
            continue
        removed.append(candidate)
    return removed
