"""Keep a draft of the session within a second of every change, off the keystroke path.

A change schedules one write half a second later; changes in the meantime
ride along with it. The record is serialised on the event loop (fast and
consistent) and written to disk in a thread, so fsync never delays a key.
``flush`` writes at once, for the ways out: quit, a signal, an error.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from wizard import drafts
from wizard.storage import RecordError

if TYPE_CHECKING:
    from textual.app import App

    from wizard.session import Session

DELAY = 0.5


class Autosaver:
    def __init__(self, app: App, session: Session, key: str) -> None:
        self.app = app
        self.session = session
        self.key = key
        self.pending = False
        self.error: str | None = None
        self._lock = threading.Lock()
        self._version = 0
        self._written = 0

    def changed(self) -> None:
        """The record changed: make sure a draft is written within DELAY seconds."""
        self._version += 1
        if not self.pending:
            self.pending = True
            self.app.set_timer(DELAY, self._write_soon)

    def _write_soon(self) -> None:
        self.pending = False
        version, text = self._version, self._text()
        self.app.run_worker(lambda: self._write(version, text), thread=True, group="autosave", exit_on_error=False)

    def _text(self) -> str:
        return drafts.dumps(self.session.speech, self.session.path or self.session.output, self.session.date_texts)

    def _write(self, version: int, text: str) -> None:
        with self._lock:
            if version <= self._written:
                return  # a newer draft is already on disk
            try:
                drafts.write(self.key, text)
            except RecordError as error:
                self._report(error.message)
                return
            self._written = version
            self.error = None

    def _report(self, message: str) -> None:
        if self.error != message:
            self.error = message
            self.app.call_from_thread(
                self.app.notify, f"草稿无法保存：{message}", severity="warning", markup=False
            )

    def flush(self) -> bool:
        """Write the draft now if anything changed since the last write; True when it is on disk."""
        if self._written == self._version:
            return True
        with self._lock:
            try:
                drafts.write(self.key, self._text())
            except RecordError as error:
                self.error = error.message
                return False
            self._written = self._version
        return True

    def discard(self) -> None:
        """The record is saved (or the user threw the draft away): no draft to keep."""
        with self._lock:
            drafts.remove(self.key)
            self._written = self._version
