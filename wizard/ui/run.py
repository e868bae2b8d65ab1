"""Start the wizard from the command line and print the speech when it finishes."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from wizard import storage
from wizard.checks import check
from wizard.model import Point, Section, Speech
from wizard.prompts import example_path
from wizard.session import Session


def new_speech() -> Speech:
    """A blank speech with one reflection and one action section to fill in."""
    return Speech(
        sections=[Section(kind="reflection", points=[Point()]), Section(kind="action", points=[Point()])]
    )


def make_session(args: argparse.Namespace, today: dt.date | None = None) -> Session:
    """The session a command asks for: a new speech, a saved record, or the example."""
    today = today or dt.date.today()
    if args.command == "edit":
        path = Path(args.file)
        return Session(storage.load(path), today, path=path)
    if args.command == "demo":
        output = Path(args.output) if args.output else None
        return Session(storage.load(example_path()), today, output=output)
    return Session(new_speech(), today)


def make_app(session: Session, *, cursor_blink: bool = True):
    """The app factory shared by the command line, the tests and the screenshots."""
    from wizard.ui.app import SpeechWizardApp

    return SpeechWizardApp(session, cursor_blink=cursor_blink)


def run_wizard(args: argparse.Namespace) -> int:
    """Run the wizard; on finishing print the speech on stdout and where it was saved on stderr."""
    session = make_session(args)
    app = make_app(session)
    result = app.run()
    if result is None:
        return 0 if app.return_code in (None, 0) else app.return_code or 1
    sys.stdout.buffer.write(result.text.encode("utf-8"))
    sys.stdout.flush()
    print(f"已保存：{result.path}", file=sys.stderr)
    open_problems = [problem for problem in check(storage.load(result.path)) if problem.severity == "error"]
    if open_problems:
        print(
            f"提示：还有 {len(open_problems)} 处需要补全，可用 speech-wizard edit {result.path} 继续修改",
            file=sys.stderr,
        )
    return 0
