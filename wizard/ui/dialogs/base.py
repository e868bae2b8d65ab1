"""What every dialog shares: a box in the middle of the screen, its question and buttons.

The styles live here, not in app.tcss, so they are parsed when a dialog is
first opened rather than before the first step is painted.
"""

from __future__ import annotations

from textual.screen import ModalScreen, ScreenResultType


class Dialog(ModalScreen[ScreenResultType]):
    DEFAULT_CSS = """
    .dialog { width: 70; max-width: 95%; height: auto; border: thick $primary; background: $surface; padding: 1 2; }
    .dialog-question { margin-bottom: 1; }
    .dialog-message { color: $error; height: auto; }
    .dialog-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    .dialog-buttons > Button { margin-left: 2; }
    """
