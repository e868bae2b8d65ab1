"""Start the wizard from the command line and print the speech when it finishes.

``make_app`` is the factory the command line, the tests and the screenshots
share: the session to edit, and how the run should behave (cursor blink,
autosave delay, whether to offer a draft) are all passed in.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from wizard import checks, drafts, files, paths, storage, templates
from wizard.checks import check
from wizard.data_files import example_path
from wizard.model import CourseGroup, Point, Speech
from wizard.session import Session
from wizard.storage import RecordError
from wizard.ui import compat
from wizard.ui.app import SpeechWizardApp
from wizard.ui.autosave import DELAY
from wizard.ui.screens.step import PROBLEMS_AFTER
from wizard.ui.state import WizardState
from wizard.ui.wording import Wording, choices


def new_speech(template: str | None = None) -> Speech:
    """A new speech from a template (the exchange speech by default), one blank point a section."""
    speech = templates.get(template or templates.DEFAULT_TEMPLATE).new_speech()
    for section in speech.sections:
        if not section.points:
            section.points.append(Point())
    if not speech.courses:
        speech.courses.append(CourseGroup(verb=choices("course_verbs")[0]))
    return speech


def make_session(args: argparse.Namespace, today: dt.date | None = None) -> Session:
    """The session a command asks for: a new speech, a saved record, or the example."""
    today = today or dt.date.today()
    if args.command == "edit":
        path = Path(args.file)
        return Session(storage.load(path), today, path=path)
    if args.command == "demo":
        output = Path(args.output) if args.output else None
        return Session(storage.load(example_path()), today, output=output)
    name = getattr(args, "template", None) or templates.DEFAULT_TEMPLATE
    return Session(new_speech(name), today, template=name)


def drafts_to_offer(kind: str, session: Session) -> tuple[list[drafts.Draft], list[str]]:
    """Orphaned drafts of ``kind`` to offer, newest first, and a line for each one set aside.

    For a file being edited, only drafts newer than the file: an older one was
    saved since.
    """
    found, said = drafts.orphans(kind)
    opened = session.path
    if opened is not None and opened.exists():
        saved_at = opened.stat().st_mtime
        found = [draft for draft in found if draft.path.stat().st_mtime > saved_at]
    return found, said


def claim_draft(kind: str) -> tuple[str, drafts.Lock | None]:
    """A draft of this wizard's own; without a lock when the data folder cannot take one (said later)."""
    try:
        return drafts.claim_new(kind)
    except RecordError:
        return f"{kind}-{os.getpid()}", None


def template_warnings(session: Session) -> list[str]:
    """A new speech offers the user's own templates: say which could not be read, and why."""
    if session.template is None:
        return []
    _found, problems = templates.available()
    return [problem.skipped_line() for problem in problems]


def make_app(
    session: Session,
    *,
    kind: str = "new",
    offer_drafts: bool = False,
    in_use: bool = False,
    cursor_blink: bool = True,
    autosave_delay: float = DELAY,
    problems_after: float = PROBLEMS_AFTER,
) -> SpeechWizardApp:
    """The wizard on ``session``, with a draft of its own and the workarounds for this Textual installed.

    ``kind`` says which drafts are of the same thing (``drafts.kind_for``); with
    ``offer_drafts``, those no running wizard holds are offered at start.
    """
    wording = Wording(templates.get(session.template) if session.template else None)
    no_color = wants_no_color()
    key, lock = claim_draft(kind)
    orphans, said = drafts_to_offer(kind, session) if offer_drafts else ([], [])
    app = SpeechWizardApp(
        WizardState(session, wording),
        draft_key=key,
        draft_lock=lock,
        resume=orphans,
        in_use=in_use,
        cursor_blink=cursor_blink,
        autosave_delay=autosave_delay,
        problems_after=problems_after,
        warnings=said + template_warnings(session) + size_warnings(session),
        ansi_color=no_color,
    )
    compat.install(app)
    return app


def size_warnings(session: Session) -> list[str]:
    """A record past what the wizard edits smoothly: said at open, in one line."""
    warning = checks.size_warning(session.speech)
    return [warning] if warning else []


def wants_no_color() -> bool:
    """Whether to draw without colour: NO_COLOR is set (no-color.org), or the terminal is monochrome.

    A monochrome terminal (``TERM=xterm-mono`` and the like) is told apart by
    its name only; Textual reads NO_COLOR itself, so it is set for this process.
    """
    if os.environ.get("TERM", "").endswith(("-mono", "-m")):
        os.environ.setdefault("NO_COLOR", "1")
    return "NO_COLOR" in os.environ


def clean_up(session: Session) -> None:
    """Remove what killed writes left behind (temporary files holding private text)."""
    files.remove_leftovers(paths.drafts_dir(create=False))
    for target in (session.path, session.output):
        if target is not None:
            for name in (target.name, target.with_suffix(".txt").name):
                files.remove_leftovers(files.real_target(target).parent, name)


def run_wizard(args: argparse.Namespace) -> int:
    """Run the wizard; on finishing print the speech on stdout and where it was saved on stderr."""
    session = make_session(args)
    clean_up(session)
    open_lock, in_use = None, False
    if session.path is not None:
        try:
            open_lock = drafts.open_file_lock(session.path)
        except RecordError:
            open_lock = None  # no data folder to note it in: the draft will say why
        else:
            in_use = open_lock is None
    app = make_app(session, kind=drafts.kind_for(args.command, session.path), offer_drafts=not in_use, in_use=in_use)
    try:
        result = app.run()
    finally:
        app.release_locks()
        if open_lock is not None:
            open_lock.release()
    if result is None:
        return 0 if app.return_code in (None, 0) else app.return_code or 1
    sys.stdout.buffer.write(result.text.encode("utf-8"))
    sys.stdout.flush()
    if session.backup is not None:
        print(f"提示：原文件中的注释无法保留，原文件已备份为 {session.backup}", file=sys.stderr)
    if session.text_error:
        print(f"已保存：{result.path}（全文的文本文件未能写入：{session.text_error}）", file=sys.stderr)
    else:
        print(f"已保存：{result.path}（全文另存为 {session.text_path()}）", file=sys.stderr)
    open_problems = [problem for problem in check(storage.load(result.path)) if problem.severity == "error"]
    if open_problems:
        print(
            f"提示：还有 {len(open_problems)} 处需要补全，可用 speech-wizard edit {result.path} 继续修改",
            file=sys.stderr,
        )
    return 0
