"""Start the wizard from the command line and print the speech when it finishes.

``make_app`` is the factory the command line, the tests and the screenshots
share: the session to edit, and how the run should behave (cursor blink,
autosave delay, whether to offer a draft) are all passed in.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from wizard import drafts, storage, templates
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


def draft_to_offer(key: str, session: Session) -> drafts.Draft | None:
    """The draft to offer to resume: any for a new speech, one newer than the file for ``edit``.

    An unreadable draft is moved aside (never deleted) and mentioned on stderr.
    """
    try:
        draft = drafts.read(key)
    except RecordError as error:
        moved = drafts.set_aside(key)
        print(f"speech-wizard: 提示：{error}；已移到 {moved}", file=sys.stderr)
        return None
    if draft is None:
        return None
    opened = session.path
    if opened is not None and opened.exists() and draft.path.stat().st_mtime <= opened.stat().st_mtime:
        return None
    return draft


def template_warnings(session: Session) -> list[str]:
    """A new speech offers the user's own templates: say which could not be read, and why."""
    if session.template is None:
        return []
    _found, problems = templates.available()
    return [problem.skipped_line() for problem in problems]


def make_app(
    session: Session,
    *,
    cursor_blink: bool = True,
    draft_key: str = "new",
    offer_draft: bool = False,
    autosave_delay: float = DELAY,
    problems_after: float = PROBLEMS_AFTER,
) -> SpeechWizardApp:
    """The wizard on ``session``, with the workarounds for this Textual installed."""
    wording = Wording(templates.get(session.template) if session.template else None)
    app = SpeechWizardApp(
        WizardState(session, wording),
        draft_key=draft_key,
        resume=draft_to_offer(draft_key, session) if offer_draft else None,
        cursor_blink=cursor_blink,
        autosave_delay=autosave_delay,
        problems_after=problems_after,
        warnings=template_warnings(session),
    )
    compat.install(app)
    return app


def run_wizard(args: argparse.Namespace) -> int:
    """Run the wizard; on finishing print the speech on stdout and where it was saved on stderr."""
    session = make_session(args)
    key = drafts.key_for(args.command, session.path)
    app = make_app(session, draft_key=key, offer_draft=True)
    result = app.run()
    if result is None:
        return 0 if app.return_code in (None, 0) else app.return_code or 1
    sys.stdout.buffer.write(result.text.encode("utf-8"))
    sys.stdout.flush()
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
