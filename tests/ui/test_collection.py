"""Garbage is collected between frames, never in the middle of a keystroke."""

from __future__ import annotations

import gc

from tests.ui.conftest import demo_app
from wizard.ui.app import SpeechWizardApp
from wizard.ui.widgets.fields import field_id

EDITED = "sections[0].points[0].body"


async def test_typing_leaves_collecting_to_the_app_between_frames(private_home, monkeypatch):
    collections: list[tuple[int, bool]] = []  # (generation, whether the app asked for it)
    asked = [False]

    def record(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append((info["generation"], asked[0]))

    collect_garbage = SpeechWizardApp.collect_garbage

    def between_frames(app: SpeechWizardApp) -> None:
        asked[0] = True
        try:
            collect_garbage(app)
        finally:
            asked[0] = False

    monkeypatch.setattr(SpeechWizardApp, "collect_garbage", between_frames)
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.goto("reflections")
        await pilot.pause()
        app.screen.query_one(f"#{field_id(EDITED)}").focus()
        await pilot.pause()
        young = []
        gc.callbacks.append(record)
        try:
            for key in "abcdefghij" * 6:
                await pilot.press(key)
                await pilot.pause()
                young.append(gc.get_count()[0])
        finally:
            gc.callbacks.remove(record)
    assert collections, "sixty keystrokes leave young garbage to collect"
    assert all(by_app for _generation, by_app in collections), [c for c in collections if not c[1]]
    assert max(young) < 1_000, young  # collected frame by frame, not at the 10,000 backstop
