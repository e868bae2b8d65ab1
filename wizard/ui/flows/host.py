"""What a flow needs of the app: the state, its draft, dialogs, notifications, the steps."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from textual.widget import Widget

    from wizard.ui.autosave import Autosaver
    from wizard.ui.state import WizardState


class Host(Protocol):
    """The app, as the flows use it."""

    state: WizardState
    autosave: Autosaver

    @property
    def focused(self) -> Widget | None: ...

    def push_screen_wait(self, screen: Any) -> Awaitable[Any]: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def copy_to_clipboard(self, text: str) -> None: ...

    def exit(self, result: Any = None, return_code: int = 0, message: Any = None) -> None: ...

    def go_to(self, step: str, focus: str | None = None) -> None: ...

    def reload_steps(self) -> None: ...

    async def rebuild_steps(self) -> None: ...

    async def redraw_steps(self) -> None: ...
