"""Regenerate screenshots/: an SVG of each wizard step, for the README.

    .venv/bin/python scripts/screenshots.py

Uses the same app factory as the tests, with "today" fixed and the cursor
still, so the pictures change only when the screens do.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wizard import storage  # noqa: E402
from wizard.data_files import example_path  # noqa: E402
from wizard.session import Session  # noqa: E402
from wizard.ui.run import make_app, new_speech  # noqa: E402
from wizard.ui.wording import STEPS  # noqa: E402

TODAY = dt.date(2026, 11, 24)
OUT = ROOT / "screenshots"


async def shoot(
    session: Session,
    name: str,
    size: tuple[int, int],
    step: str | None = None,
    keys=(),
    focus: str = "",
    then=None,
) -> Path:
    app = make_app(session, cursor_blink=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if step:
            app.go_to(step)
            await pilot.pause()
        if focus:
            app.screen.query_one(focus).focus()
            await pilot.pause()
        for key in keys:
            await pilot.press(key)
        if then is not None:
            await then(pilot)
        await pilot.pause(0.2)
        path = OUT / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(OUT))
    return path


async def recognise_p2(pilot) -> None:
    """The import dialog with a closing-ceremony speech pasted in and recognised."""
    await pilot.pause()
    text = (ROOT / "tests" / "fixtures" / "shapes" / "p2.txt").read_text(encoding="utf-8")
    pilot.app.screen.query_one("#import-text").insert(text)
    pilot.app.screen.query_one("#import-recognise").press()
    await pilot.pause()


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    os.environ.setdefault("SPEECH_WIZARD_HOME", tempfile.mkdtemp(prefix="speech-wizard-shots-"))
    made = []
    for number, step in enumerate(STEPS, start=1):
        session = Session(storage.load(example_path()), TODAY)
        made.append(await shoot(session, f"{number}-{step}", (120, 40), step))
    made.append(await shoot(Session(new_speech(), TODAY, template="exchange"), "new-speech-80x24", (80, 24)))
    example = Session(storage.load(example_path()), TODAY)
    lead = "#f-sections-0-points-0-lead"
    made.append(await shoot(example, "phrase-picker", (120, 40), "reflections", ["f6", *"sxxw"], lead))
    new = Session(new_speech(), TODAY, template="exchange")
    made.append(await shoot(new, "speech-kinds", (120, 40), None, ["enter"], "#template"))
    made.append(
        await shoot(
            Session(new_speech(), TODAY, template="exchange"),
            "import-document",
            (120, 40),
            None,
            ["enter"],
            "#import-document",
            recognise_p2,
        )
    )
    for path in made:
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    asyncio.run(main())
