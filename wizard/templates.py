"""Speech templates: kinds of speech, each with its starting record and its own prompts.

A template is a TOML file: ``[template]`` (name, label, description, order),
``[record]`` (the record a new speech starts from, in the record file's own
schema) and optional ``[steps.<step>]`` tables
that reword ``prompts/steps.toml`` for this kind of speech (same shape as
that file: ``[steps.training.fields.title]`` rewords the title field). The bundled ones
live in ``prompts/templates/``; users add or override theirs in the data
folder's ``templates/``. A broken user template must not stop the wizard, so
it is skipped and reported, never raised.
"""

from __future__ import annotations

import copy
import os
import stat
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from wizard import paths
from wizard.data_files import load as load_prompts
from wizard.data_files import prompts_dir
from wizard.model import SCHEMA_VERSION, Speech
from wizard.phrases import wizard_steps
from wizard.schema import SchemaError, from_data
from wizard.storage import RecordError, decode, toml_message

DEFAULT_TEMPLATE = "exchange"
#: A template is a few kilobytes; a bigger file is not one (and is not read into memory).
MAX_TEMPLATE_BYTES = 1_000_000
_DEFAULT_ORDER = 100
_TABLES = {"template", "record", "steps"}
_TEMPLATE_KEYS = {"name", "label", "description", "order"}


class TemplateError(Exception):
    """A template file that cannot be used; ``str()`` is one line naming the file."""

    def __init__(self, path: str | Path, message: str) -> None:
        self.path = str(path)
        self.message = message
        super().__init__(f"模板文件 {self.path}：{message}")

    def skipped_line(self) -> str:
        """The line to show when the template was left out of the list."""
        return f"模板文件 {self.path} 有误，已跳过：{self.message}"


class UnknownTemplateError(LookupError):
    """No template of that name; the message lists the names there are."""

    def __init__(self, name: str, names: list[str]) -> None:
        self.name = name
        self.names = names
        super().__init__(f"没有名为“{name}”的模板，可用的模板：{'、'.join(names) or '（无）'}")


@dataclass(frozen=True)
class Template:
    name: str
    label: str
    description: str
    path: Path
    bundled: bool
    order: int
    record: dict[str, Any] = field(repr=False)
    steps: dict[str, dict[str, Any]] = field(repr=False)

    def new_speech(self) -> Speech:
        """A fresh record to start a speech of this kind from."""
        return from_data(copy.deepcopy(self.record))

    def step_prompts(self, step: str) -> dict[str, Any]:
        """The wording of one wizard step: steps.toml with this template's changes."""
        return _merged(load_prompts("steps")[step], self.steps.get(step, {}))


def bundled_dir() -> Path:
    return prompts_dir() / "templates"


def _not_regular(mode: int) -> str | None:
    """None for a regular file; otherwise what the path is, in words."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "这是一个文件夹"
    if stat.S_ISFIFO(mode):
        return "这是命名管道"
    if stat.S_ISSOCK(mode):
        return "这是套接字"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "这是设备文件"
    return "这是特殊文件"


def _check_file(path: Path, info: os.stat_result) -> None:
    if (what := _not_regular(info.st_mode)) is not None:
        raise TemplateError(path, f"不是普通文件（{what}）")
    if info.st_size > MAX_TEMPLATE_BYTES:
        raise TemplateError(path, "文件过大（超过 1 MB）")


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_TEMPLATE_BYTES, or TemplateError.

    A FIFO, device or socket is refused before it is opened: reading one can
    block for ever. ``stat`` follows symbolic links, so a link to a template is fine.
    """
    try:
        _check_file(path, path.stat())
        # Non-blocking, and checked again once open, in case the file was swapped since the stat.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        with open(os.open(path, flags), "rb") as file:
            _check_file(path, os.fstat(file.fileno()))
            raw = file.read(MAX_TEMPLATE_BYTES + 1)
    except FileNotFoundError:
        raise TemplateError(path, "文件不存在") from None
    except PermissionError:
        raise TemplateError(path, "没有读取权限") from None
    except OSError as error:
        raise TemplateError(path, f"无法读取（{error.strerror or error}）") from None
    if len(raw) > MAX_TEMPLATE_BYTES:  # grew since the stat
        raise TemplateError(path, "文件过大（超过 1 MB）")
    return raw


def _read(path: Path) -> dict[str, Any]:
    try:
        text = decode(_read_bytes(path), str(path))
    except RecordError as error:
        raise TemplateError(path, error.message) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TemplateError(path, toml_message(error)) from None
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively.
        raise TemplateError(path, "TOML 格式错误（数组或表嵌套过深）") from None


def _table(data: dict[str, Any], key: str, path: Path, required: bool = False) -> dict[str, Any]:
    if key not in data:
        if required:
            raise TemplateError(path, f"缺少 [{key}] 表")
        return {}
    if not isinstance(data[key], dict):
        raise TemplateError(path, f"{key} 应为表")
    return data[key]


def _text(table: dict[str, Any], key: str, path: Path, required: bool = False) -> str:
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise TemplateError(path, f"template.{key} 应为{'非空' if required else ''}文字")
    return value.strip()


def _check_overrides(base: dict[str, Any], overrides: dict[str, Any], where: str, path: Path) -> None:
    """Overrides must name steps, fields and keys that steps.toml has, with values of
    the same type: a typo would otherwise be ignored and nobody would see why."""
    for key, value in overrides.items():
        here = f"{where}.{key}"
        if key not in base:
            raise TemplateError(path, f"{here}：prompts/steps.toml 中没有这一项（拼写有误？）")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise TemplateError(path, f"{here} 应为表")
            _check_overrides(base[key], value, here, path)
        elif type(value) is not type(base[key]):
            raise TemplateError(
                path, f"{here} 应为{'文字' if isinstance(base[key], str) else '与 steps.toml 相同的类型'}"
            )


def _check_steps(steps: dict[str, Any], path: Path) -> dict[str, dict[str, Any]]:
    for step, overrides in steps.items():
        if step not in wizard_steps():
            raise TemplateError(path, f"steps.{step}：没有这个步骤（可用：{'、'.join(wizard_steps())}）")
        if not isinstance(overrides, dict):
            raise TemplateError(path, f"steps.{step} 应为表")
        _check_overrides(load_prompts("steps")[step], overrides, f"steps.{step}", path)
    return steps


def _merged(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(base)
    for key, value in overrides.items():
        merged[key] = _merged(merged[key], value) if isinstance(value, dict) else value
    return merged


def load_template(path: str | Path, bundled: bool = False) -> Template:
    """Read and check one template file, or raise TemplateError."""
    path = Path(path)
    data = _read(path)
    for key in data:
        if key not in _TABLES:
            raise TemplateError(path, f"未知的表或字段 {key}（只能有 template、record、steps）")
    about = _table(data, "template", path, required=True)
    for key in about:
        if key not in _TEMPLATE_KEYS:
            raise TemplateError(path, f"template.{key}：未知字段（拼写有误？）")
    name = _text(about, "name", path) or path.stem
    if name != path.stem:
        raise TemplateError(path, f"template.name 是“{name}”，应与文件名“{path.stem}”一致")
    order = about.get("order", _DEFAULT_ORDER)
    if not isinstance(order, int) or isinstance(order, bool):
        raise TemplateError(path, "template.order 应为整数")
    record = dict(_table(data, "record", path))
    record.setdefault("schema_version", SCHEMA_VERSION)
    try:
        from_data(record)
    except SchemaError as error:
        where = f"record.{error.field}" if error.field else "record"
        raise TemplateError(path, f"字段 {where}：{error.message}") from None
    return Template(
        name=name,
        label=_text(about, "label", path, required=True),
        description=_text(about, "description", path),
        path=path,
        bundled=bundled,
        order=order,
        record=record,
        steps=_check_steps(_table(data, "steps", path), path),
    )


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.glob("*.toml") if not path.name.startswith("."))


def available() -> tuple[list[Template], list[TemplateError]]:
    """Bundled and user templates, in display order, and the files that were skipped.

    A user template with a bundled one's name replaces it (and keeps its place
    in the list unless it sets its own ``order``).
    """
    found: dict[str, Template] = {}
    problems: list[TemplateError] = []
    for folder, bundled in ((bundled_dir(), True), (paths.templates_dir(create=False), False)):
        for path in _files(folder):
            try:
                template = load_template(path, bundled=bundled)
            except TemplateError as error:
                problems.append(error)
                continue
            replaced = found.get(template.name)
            if replaced is not None and template.order == _DEFAULT_ORDER:
                template = replace(template, order=replaced.order)
            found[template.name] = template
    ordered = sorted(found.values(), key=lambda template: (template.order, template.name))
    return ordered, problems


def get(name: str = DEFAULT_TEMPLATE) -> Template:
    """The template called ``name``, or UnknownTemplateError listing the names there are."""
    templates, _problems = available()
    for template in templates:
        if template.name == name:
            return template
    raise UnknownTemplateError(name, [template.name for template in templates])
