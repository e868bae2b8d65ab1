"""Child process for ``bench/run.py``: start an app headless, note its first paint, leave.

    python bench/first_paint.py demo|bare SPAWN_TIME

``SPAWN_TIME`` is ``time.monotonic()`` in the parent just before it started this
process (the clock is system-wide on Linux), so the figure covers interpreter
start-up, imports, building the screen and rendering its first frame. Headless
Textual skips writing the frame to a terminal; here the frame's escape sequences
are still built (``render_segments``), as a terminal would be sent them.

Prints one JSON line: ``first_paint_ms`` and ``peak_rss_kb`` (VmHWM of this process).
"""

from __future__ import annotations

import json
import sys
import time

SIZE = (160, 48)


def _peak_rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def when_imported(module_name: str, patch) -> None:
    """Call ``patch(module)`` as soon as whoever imports ``module_name`` first has run it.

    The measured program imports Textual itself, at the point and in the state
    (garbage collector on or off) it chooses; importing Textual here first, to patch
    it, would time the harness's start-up instead of the program's.
    """
    import importlib.abc
    import importlib.util

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name != module_name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            loader = spec.loader
            exec_module = loader.exec_module

            def exec_and_patch(module):
                exec_module(module)
                patch(module)

            loader.exec_module = exec_and_patch
            return spec

    sys.meta_path.insert(0, Finder())


def main() -> int:
    which, spawned = sys.argv[1], float(sys.argv[2])
    result: dict[str, float] = {}

    def patch(textual_app) -> None:
        App = textual_app.App
        run = App.run

        def run_headless(self, *args, **kwargs):
            kwargs.update(headless=True, size=SIZE)
            return run(self, *args, **kwargs)

        display = App._display

        def first_paint(self, screen, renderable) -> None:
            if renderable is not None and not result and ready(screen):
                renderable.render_segments(self.console)
                display(self, screen, renderable)
                result["first_paint_ms"] = (time.monotonic() - spawned) * 1000
                result["first_paint_cpu_ms"] = time.process_time() * 1000
                self.exit()
                return
            display(self, screen, renderable)

        App.run = run_headless  # type: ignore[method-assign]
        App._display = first_paint  # type: ignore[method-assign]

    when_imported("textual.app", patch)

    if which == "demo":
        # The wizard's own first screen, not Textual's empty default screen under it.
        def ready(screen) -> bool:
            return screen.id != "_default"

        from wizard.cli import main as wizard_main

        code = wizard_main(["demo"])
    else:
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header, Input

        def ready(screen) -> bool:
            return True

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
