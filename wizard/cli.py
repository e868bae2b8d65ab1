"""The ``speech-wizard`` command line.

``render``, ``check`` and ``example`` import neither textual nor rich, so they
start fast; the wizard itself is imported only when a wizard command runs.
Errors are one line on stderr: exit 1 for a bad file, 2 for wrong usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from wizard.arguments import PROG, read
from wizard.storage import RecordError


class OutputError(Exception):
    """Standard output could not take the text (a full disk, ``/dev/full``); one line for the user."""


def _shown(text: str) -> bytes:
    """``text`` as UTF-8, a file name's undecodable bytes (GBK names, say) shown as ``\\xNN``."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace").encode("utf-8")


def _say(message: str) -> None:
    """One line on standard error."""
    try:
        sys.stderr.buffer.write(_shown(message + "\n"))
        sys.stderr.flush()
    except OSError:
        pass  # nowhere left to say it


def _fail(message: str) -> int:
    _say(f"{PROG}: 错误：{message}")
    return 1


def _write_stdout(data: str | bytes) -> None:
    try:
        sys.stdout.buffer.write(data if isinstance(data, bytes) else _shown(data))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``| head``): not an error worth a traceback.
        _quiet_stdout()
    except OSError as error:
        _quiet_stdout()
        raise OutputError(f"无法写到标准输出（{error.strerror or error}）") from None


def _quiet_stdout() -> None:
    """Point standard output at nothing, so that the flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _read_record(name: str):
    from wizard import storage

    if name == "-":
        return storage.loads(storage.decode(storage.read_limited(sys.stdin.buffer, "<stdin>"), "<stdin>"), "<stdin>")
    return storage.load(name)


def _output_refused(output: str, force: bool) -> str | None:
    """Why ``-o output`` must not be written without ``--force``: a regular file is there."""
    from wizard import files

    target = Path(output)
    if not force and target.exists() and not target.is_dir() and not files.is_special(files.real_target(target)):
        return f"{output}：文件已存在（要覆盖它，请加 --force）"
    return None


def _render(args: argparse.Namespace) -> int:
    from wizard import export
    from wizard.storage import write_atomic, write_bytes_atomic

    speech = _read_record(args.file)
    to_stdout = args.output in (None, "-")
    if args.format is None:
        # -o 发言.docx means a Word file: never plain text under a .docx name.
        suffix = "" if to_stdout else os.path.splitext(args.output)[1].lower()
        args.format = {".docx": "docx", ".md": "markdown", ".markdown": "markdown"}.get(suffix, "text")
    if args.format == "docx" and args.output is None:
        _say(f"{PROG}: 错误：docx 格式需要用 -o 指定输出文件（如 -o 发言.docx；-o - 为标准输出）")
        return 2
    if not to_stdout and (refused := _output_refused(args.output, args.force)):
        return _fail(refused)
    if args.format == "docx":
        from wizard import house_style

        data = export.docx_bytes(speech, house_style.load(args.style))
        if to_stdout:
            _write_stdout(data)
        else:
            write_bytes_atomic(args.output, data)
        return 0
    text = export.render(speech, args.format)
    if to_stdout:
        _write_stdout(text)
    else:
        write_atomic(args.output, text)
    return 0


def _report(speech, name: str) -> bool:
    """Print problems, typography findings and the length; True when there are errors."""
    from wizard.checks import check, has_errors
    from wizard.length import blocks_line, measure_speech
    from wizard.typography import find

    problems = check(speech)
    lines = [problem.line() for problem in problems] + [finding.line() for finding in find(speech)]
    lines = lines or ["没有发现问题"]
    lines += [measure_speech(speech).line(), f"各部分：{blocks_line(speech)}"]
    _write_stdout("".join(f"{name}：{line}\n" for line in lines))
    return has_errors(problems)


def _fix(speech, path: str):
    """Show each mechanical typography change, write the fixed record (comments kept), return it."""
    from wizard.storage import decode, read_bytes, save
    from wizard.typography import fix

    fixed, changes = fix(speech)
    out = []
    for change in changes:
        out.append(f"{path}：修改 {change.where}（{change.field}）\n")
        for before, after in change.hunks():
            out.append(f"  - {before}\n  + {after}\n")
    if not changes:
        out.append(f"{path}：没有可以自动修正的排版问题\n")
    _write_stdout("".join(out))
    if changes:
        saved = save(fixed, path, decode(read_bytes(path), path))
        kept = "" if saved.backup is None else f"（原文件中的注释无法保留，原文件已备份为 {saved.backup}）"
        _write_stdout(f"{path}：已修正 {len(changes)} 个字段，已写回文件{kept}\n")
    return fixed


def _check(args: argparse.Namespace) -> int:
    if args.fix and args.file == "-":
        _say(f"{PROG}: 错误：--fix 要写回文件，不能用于标准输入")
        return 2
    speech = _read_record(args.file)
    name = "<stdin>" if args.file == "-" else args.file
    if args.fix:
        speech = _fix(speech, args.file)
    return 1 if _report(speech, name) else 0


def _example(_args: argparse.Namespace) -> int:
    from wizard.data_files import example_path

    _write_stdout(example_path().read_text(encoding="utf-8"))
    return 0


def _list(args: argparse.Namespace) -> int:
    from wizard import library

    folders = args.folders or library.default_folders()
    found = library.scan(folders, missing_ok=not args.folders)
    for problem in found.problems:
        _say(f"{PROG}: 已跳过：{problem}")
    if args.folders and not found.folders_read:
        return 1
    if not found.entries:
        where = "、".join(str(folder) for folder in folders)
        _say(f"{PROG}: 没有找到发言记录（查找了：{where}）")
        return 0
    _write_stdout("".join(line + "\n" for line in library.lines(found.entries)))
    return 0


def _templates(_args: argparse.Namespace) -> int:
    from wizard import library, templates

    found, problems = templates.available()
    for problem in problems:
        _say(f"{PROG}: {problem.skipped_line()}")
    rows = [
        (template.name, template.label + ("" if template.bundled else "（自定义）"), template.description)
        for template in found
    ]
    name_width = max((library.display_width(row[0]) for row in rows), default=0)
    label_width = max((library.display_width(row[1]) for row in rows), default=0)
    lines = [
        f"{library.pad(name, name_width)}  {library.pad(label, label_width)}  {description}\n"
        for name, label, description in rows
    ]
    _write_stdout("".join(lines))
    return 0


def _check_template(args: argparse.Namespace) -> str | None:
    """A one-line usage error when ``--template`` names no template or does not apply."""
    if args.template is None:
        return None
    if args.command is not None:
        return "--template 只用于新建发言（不带命令运行时）"
    from wizard import templates

    try:
        templates.get(args.template)
    except templates.UnknownTemplateError as error:
        return str(error)
    return None


def _wizard(args: argparse.Namespace) -> int:
    from wizard.ui.run import run_wizard

    return run_wizard(args)


def _import(args: argparse.Namespace) -> int:
    import datetime as dt

    from wizard import importer, storage

    to_stdout = args.output in (None, "-")
    if not to_stdout and (refused := _output_refused(args.output, args.force)):
        return _fail(refused)
    imported = importer.import_file(args.file, dt.date.today())  # RecordError: one line, from main
    text = storage.dumps(imported.speech)
    if to_stdout:
        _write_stdout(text)
    else:
        storage.write_atomic(args.output, text)
    for line in imported.report:
        _say(line)
    return 0


def _booklet(args: argparse.Namespace) -> int:
    import datetime as dt

    from wizard import booklet, house_style
    from wizard.data_files import speech_wording

    if (refused := _output_refused(args.output, args.force)) is not None:
        return _fail(refused)
    style = house_style.load(args.style)  # a bad value: one line, before any file is read
    gathered = booklet.gather(args.files, dt.date.today(), args.order, skip=args.output)
    for line in gathered.warnings + gathered.notes:
        _say(f"{PROG}: {line}")
    if not gathered.pieces:
        return _fail("没有可以编入的文稿，未生成汇编")
    cover = booklet.Cover(args.title or speech_wording()["booklet"]["title"], args.subtitle, args.unit)
    booklet.write(args.output, gathered.pieces, cover, style)
    _say(f"{PROG}: 已把 {len(gathered.pieces)} 篇编入 {args.output}")
    return 1 if gathered.left_out else 0


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status."""
    args = read(sys.argv[1:] if argv is None else list(argv))
    if usage_error := _check_template(args):
        _say(f"{PROG}: 错误：{usage_error}")
        return 2
    handlers = {
        "render": _render,
        "check": _check,
        "example": _example,
        "list": _list,
        "templates": _templates,
        "import": _import,
        "booklet": _booklet,
    }
    handler = handlers.get(args.command, _wizard)
    try:
        return handler(args)
    except (RecordError, OutputError) as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
