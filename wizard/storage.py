"""The record on disk: TOML read with tomllib, written with tomli-w, atomically.

Every way a file can be unusable - missing, a folder, empty, binary, not
UTF-8, malformed or truncated TOML, a newer schema, a wrong value - raises
``RecordError`` whose message is one line naming the file (and the line or
field where known).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import tomli_w

from wizard import files
from wizard.model import Speech
from wizard.schema import SchemaError, from_data, to_data

#: The largest record file read (a speech is a few dozen kilobytes): more is refused, not read.
MAX_RECORD_BYTES = 10_000_000


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


def read_limited(stream: BinaryIO, name: str | os.PathLike[str], what: str = "发言记录") -> bytes:
    """Read ``stream`` to its end, or RecordError once it passes ``MAX_RECORD_BYTES`` (``/dev/zero``).

    ``what`` the file should be, for the message: 发言记录, 文稿.
    """
    data = stream.read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        raise RecordError(name, f"文件过大（超过 {MAX_RECORD_BYTES // 1_000_000} MB），不是{what}")
    return data


def read_bytes(path: str | os.PathLike[str], what: str = "发言记录") -> bytes:
    """The file's bytes, or RecordError saying in one line why it cannot be read."""
    try:
        with Path(path).open("rb") as stream:
            return read_limited(stream, path, what)
    except FileNotFoundError:
        raise RecordError(path, "文件不存在") from None
    except IsADirectoryError:
        raise RecordError(path, f"这是一个文件夹，不是{what}文件") from None
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


@dataclass(frozen=True)
class Saved:
    """Where a record was written, and where its previous text was kept if its comments could not be."""

    path: Path
    backup: Path | None = None


def save(speech: Speech, path: str | os.PathLike[str], original: str | None = None) -> Saved:
    """Write the record safely: a crash mid-save leaves the previous file whole.

    With ``original`` (the text the record was read from), the record is
    written into it, keeping the user's comments and layout. If that cannot
    be done faithfully, the previous file is first copied to ``FILE.bak``.
    """
    from wizard.toml_edit import dumps_into  # tomlkit: only writing back into a file needs it

    backup = None
    text = dumps_into(speech, original) if original is not None else None
    if text is None:
        text = dumps(speech)
        if original is not None and "#" in original:
            backup = Path(f"{files.real_target(path)}.bak")
            write_atomic(backup, original)
    return Saved(write_atomic(path, text), backup)


def write_atomic(path: str | os.PathLike[str], text: str, *, private: bool = False) -> Path:
    """Write text (UTF-8, LF line ends) safely; see ``write_bytes_atomic``."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise RecordError(path, f"无法保存第 {error.start + 1} 个字符（不是有效的 Unicode 字符）") from None
    return write_bytes_atomic(path, data, private=private)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes, *, private: bool = False) -> Path:
    """Write ``data`` as ``wizard.files.write_bytes`` does: through symlinks, atomically, devices directly.

    Returns the file written (a symlink's target); RecordError says why not.
    """
    try:
        return files.write_bytes(path, data, private=private)
    except files.WriteError as error:
        raise RecordError(path, error.reason) from None
