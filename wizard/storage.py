"""The record on disk: TOML read with tomllib, written with tomli-w, atomically.

Every way a file can be unusable - missing, a folder, empty, binary, not
UTF-8, malformed or truncated TOML, a newer schema, a wrong value - raises
``RecordError`` whose message is one line naming the file (and the line or
field where known).
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from pathlib import Path

import tomli_w

from wizard.model import Speech
from wizard.schema import SchemaError, from_data, to_data


class RecordError(Exception):
    """A record that cannot be read or written; ``str()`` is one line for the user."""

    def __init__(self, path: str | os.PathLike[str], message: str) -> None:
        self.path = str(path)
        self.message = message
        super().__init__(_one_line(f"{self.path}：{message}"))


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def _one_line(text: str) -> str:
    """Escape control characters (a newline in a file or key name) so a message stays one line."""
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], text)


def toml_message(error: tomllib.TOMLDecodeError) -> str:
    text = str(error)
    if match := _AT_LINE.search(text):
        line, column = match.groups()
        what = text[: match.start()].strip()
        return f"第 {line} 行第 {column} 列：TOML 格式错误（{what}）"
    return f"TOML 格式错误（{text}）"


def loads(text: str, name: str = "<stdin>") -> Speech:
    """Parse record text; ``name`` is used in error messages."""
    if not text.strip():
        raise RecordError(name, "文件是空的，不是发言记录")
    if "\x00" in text:
        raise RecordError(name, "这是二进制文件，不是发言记录（TOML 文本）")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RecordError(name, toml_message(error)) from None
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively.
        raise RecordError(name, "TOML 格式错误（数组或表嵌套过深）") from None
    try:
        return from_data(data)
    except SchemaError as error:
        raise RecordError(name, f"字段 {error}") from None


def decode(raw: bytes, name: str) -> str:
    """Bytes of a record file as text, or RecordError for binary / non-UTF-8 content."""
    if b"\x00" in raw:
        raise RecordError(name, "这是二进制文件，不是发言记录（TOML 文本）")
    # Drop one byte order mark and decode the rest. A byte position is told in
    # the file's own count, as a hex editor shows it, mark included.
    mark = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    try:
        return raw[mark:].decode("utf-8")
    except UnicodeDecodeError as error:
        if error.end + mark == len(raw) and error.reason == "unexpected end of data":
            raise RecordError(name, "文件在一个字符中间断了，可能没有保存完整") from None
        where = mark + error.start + 1
        raise RecordError(name, f"不是 UTF-8 编码的文本（第 {where} 字节；GBK 等编码请另存为 UTF-8）") from None


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, or RecordError saying in one line why it cannot be read."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise RecordError(path, "文件不存在") from None
    except IsADirectoryError:
        raise RecordError(path, "这是一个文件夹，不是发言记录文件") from None
    except PermissionError:
        raise RecordError(path, "没有读取权限") from None
    except OSError as error:
        raise RecordError(path, f"无法读取（{error.strerror or error}）") from None


def load(path: str | os.PathLike[str]) -> Speech:
    """Read a record file."""
    return loads(decode(read_bytes(path), str(path)), str(path))


def dumps(speech: Speech) -> str:
    """The record as TOML text; multi-line strings are kept as written."""
    return tomli_w.dumps(to_data(speech), multiline_strings=True)


def save(speech: Speech, path: str | os.PathLike[str]) -> Path:
    """Write the record atomically: a crash mid-save leaves the previous file whole."""
    return write_atomic(path, dumps(speech))


def write_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write text (UTF-8, LF line ends) atomically; see ``write_bytes_atomic``."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise RecordError(path, f"无法保存第 {error.start + 1} 个字符（不是有效的 Unicode 字符）") from None
    return write_bytes_atomic(path, data)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write to a temporary file beside ``path``, fsync it, then rename over ``path``.

    A crash or a failure at any point leaves the previous file whole and no
    temporary file behind. A new file is readable by its owner only (speeches
    in progress are private); an overwritten one keeps its permissions.
    """
    target = Path(path)
    if target.is_dir():
        raise RecordError(path, "这是一个文件夹，请换一个文件名")
    folder = target.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise RecordError(path, "所在文件夹不存在") from None
    except PermissionError:
        raise RecordError(path, "没有写入这个文件夹的权限") from None
    except OSError as error:
        raise RecordError(path, f"无法写入（{error.strerror or error}）") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_mode(target, temporary)
        os.replace(temporary, target)
    except BaseException as error:
        # Whatever stopped the save (a full disk, Ctrl+C), the previous file
        # is untouched: only the temporary file has to go.
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, PermissionError):
            raise RecordError(path, "没有写入权限") from None
        if isinstance(error, OSError):
            raise RecordError(path, f"无法写入（{error.strerror or error}）") from None
        raise
    _fsync_folder(folder)
    return target


def _keep_mode(target: Path, temporary: str) -> None:
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        return
    os.chmod(temporary, mode)


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
