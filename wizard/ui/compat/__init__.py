"""Workarounds for bugs in the Textual this program pins, kept apart and switched on in one place.

Each module here works around one upstream problem, names it, and may use
Textual's internals; no other module of the wizard does. Nothing is changed
when a module is imported: ``install(app)`` is called once, when the app is
built, and does its work only on the Textual version the workarounds were
written for. On any other version it installs nothing and logs one line, so
an upgrade shows at once which workaround may no longer be needed (or no
longer fit): bump the pin, run ``tests/compat`` and the benchmark.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from textual import log

from wizard.ui.compat import overlay_cells, terminal_input

#: The Textual release the workarounds were written for and tested with (pyproject pins it).
TESTED_TEXTUAL = "8.2.8"


def textual_version() -> str:
    try:
        return version("textual")
    except PackageNotFoundError:  # pragma: no cover - textual runs, so it is installed
        return "unknown"


def install(app: Any, *, installed: str | None = None) -> list[str]:
    """Install every workaround on ``app`` (not yet running); return the names of those installed.

    ``installed`` stands for the Textual version found (tests pass another one).
    """
    found = installed or textual_version()
    if found != TESTED_TEXTUAL:
        log.warning(f"speech-wizard: Textual {found}, not {TESTED_TEXTUAL}: no workaround installed")
        return []
    done = []
    if terminal_input.install(app):
        done.append("terminal_input")
    if overlay_cells.install():
        done.append("overlay_cells")
    return done
