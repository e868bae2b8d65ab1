"""Start the wizard from the command line and print the speech when it finishes."""

from __future__ import annotations

import datetime as dt
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from wizard import drafts, storage
from wizard.model import CourseGroup, Point, Speech
from wizard.prompts import example_path, speech_wording
from wizard.session import Session
from wizard.storage import RecordError

if TYPE_CHECKING:
    import argparse


def choices(name: str) -> list[str]:
    return list(speech_wording()["choices"][name])


def new_speech(template: str | None = None) -> Speech:
    """A new speech from a template (the exchange speech by default), one blank point a section."""
    from wizard import templates

    speech = templates.get(template).new_speech() if template else templates.get().new_speech()
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
    from wizard import templates

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
    if session.path is not None and session.path.exists():
        if draft.path.stat().st_mtime <= session.path.stat().st_mtime:
            return None
    return draft


#: The collector's thresholds while the app runs. Garbage is collected between
#: frames (``SpeechWizardApp.collect_garbage``): a collection in the middle of a
#: keystroke put 0.2-3 ms on it, and with Python's 700 one came two or three times
#: a key. The collector still runs on its own past 10,000 new objects, should
#: no frame come for a long time. Full collections
#: (generation 2) are ten times rarer than Python's: the wizard keeps some 200,000
#: objects, and little here is cyclic garbage.
GC_THRESHOLDS = (10_000, 10, 100)


def make_app(session: Session, *, cursor_blink: bool = True, draft_key: str = "new", offer_draft: bool = False):
    """The app factory shared by the command line, the tests and the screenshots."""
    from wizard.ui import texts
    from wizard.ui.app import SpeechWizardApp

    if session.template:
        from wizard import templates

        texts.use_template(templates.get(session.template))
    else:
        texts.use_template(None)
    gc.set_threshold(*GC_THRESHOLDS)
    from wizard.paths import cache_dir
    from wizard.ui import css_cache

    css_cache.install(cache_dir() / css_cache.FILE_NAME)
    resume = draft_to_offer(draft_key, session) if offer_draft else None
    return SpeechWizardApp(session, cursor_blink=cursor_blink, draft_key=draft_key, resume=resume)


def run_wizard(args: argparse.Namespace) -> int:
    """Run the wizard; on finishing print the speech on stdout and where it was saved on stderr."""
    # Start-up makes some 80,000 objects that live as long as the app (modules,
    # classes, the first screen's widgets) and little garbage (about 2,000), and the
    # collector ran about a hundred times before the first frame (~10 ms). It is
    # off until the first screen is painted (SpeechWizardApp.start_up_done).
    gc.disable()
    session = make_session(args)
    key = drafts.key_for(args.command, session.path)
    app = make_app(session, draft_key=key, offer_draft=True)
    from wizard.ui import terminal_input

    terminal_input.apply()
    result = app.run()
    if result is None:
        return 0 if app.return_code in (None, 0) else app.return_code or 1
    sys.stdout.buffer.write(result.text.encode("utf-8"))
    sys.stdout.flush()
    if session.text_error:
        print(f"已保存：{result.path}（全文的文本文件未能写入：{session.text_error}）", file=sys.stderr)
    else:
        print(f"已保存：{result.path}（全文另存为 {session.text_path()}）", file=sys.stderr)
    from wizard.checks import check

    open_problems = [problem for problem in check(storage.load(result.path)) if problem.severity == "error"]
    if open_problems:
        print(
            f"提示：还有 {len(open_problems)} 处需要补全，可用 speech-wizard edit {result.path} 继续修改",
            file=sys.stderr,
        )
    return 0
