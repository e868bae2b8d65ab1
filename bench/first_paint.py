"""Child process for ``bench/run.py``: start an app, note its first painted frame, leave.

    TEXTUAL_DRIVER=bench.frame_driver:FrameDriver python bench/first_paint.py demo|bare SPAWN_TIME

``SPAWN_TIME`` is ``time.monotonic()`` in the parent just before it started this
process (the clock is system-wide on Linux), so the figure covers interpreter
start-up, imports, building the screen and rendering its first frame. The app
runs on ``FrameDriver`` (chosen through Textual's public ``TEXTUAL_DRIVER``),
which is handed each frame's escape sequences as a terminal would be, and
notes the first one that shows the app's own screen.

Prints one JSON line: ``first_paint_ms`` and ``peak_rss_kb`` (VmHWM of this process).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _peak_rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main() -> int:
    which, spawned = sys.argv[1], float(sys.argv[2])
    result: dict[str, float] = {}
    from bench.frame_driver import FrameDriver

    def on_write(driver: FrameDriver, when: float, data: str) -> None:
        # The wizard's own first screen, not Textual's empty default screen under it;
        # the bare app draws on the default screen.
        if not result and (which == "bare" or driver.app.screen.id != "_default"):
            result["first_paint_ms"] = (time.monotonic() - spawned) * 1000
            result["first_paint_cpu_ms"] = time.process_time() * 1000
            driver.app.call_later(driver.app.exit)

    FrameDriver.on_write = on_write
    assert os.environ.get("TEXTUAL_DRIVER") == "bench.frame_driver:FrameDriver", "run it as bench/run.py does"
    if which == "demo":
        from wizard.cli import main as wizard_main

        code = wizard_main(["demo"])
    else:
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header, Input

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Input()
                yield Footer()

        Bare().run()
        code = 0
    result["peak_rss_kb"] = _peak_rss_kb()
    print(json.dumps(result))
    return code


if __name__ == "__main__":
    raise SystemExit(main())
