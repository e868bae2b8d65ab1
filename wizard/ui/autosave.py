"""Keep a draft of the session within a second of every change, off the keystroke path.

A change schedules one write ``delay`` seconds later (half a second unless the
app is told otherwise); changes in the meantime ride along with it. The record
is copied as plain data on the event loop (consistent), and turned into TOML
and written to disk in a thread, so neither that nor fsync delays a key. ``flush`` writes at once, for the ways
out: quit, a signal, an error. ``settled`` lets a test wait until every change
is on disk, rather than sleep.
"""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING, Any

from wizard import drafts
from wizard.storage import RecordError

if TYPE_CHECKING:
    from textual.app import App

    from wizard.session import Session

DELAY = 0.5


class Autosaver:
    def __init__(self, app: App, session: Session, key: str, delay: float = DELAY) -> None:
        self.app = app
        self.session = session
        self.key = key
        self.delay = delay
        self.pending = False
        self.error: str | None = None
        self._lock = threading.Lock()
        self._version = 0
        self._written = 0
        self._settled = asyncio.Event()
        self._settled.set()

    def changed(self) -> None:
        """The record changed: make sure a draft is written within ``delay`` seconds."""
        if self.session.read_only:
            return
        self._version += 1
        self._settled.clear()
        if not self.pending:
            self.pending = True
            if self.delay > 0:
                self.app.set_timer(self.delay, self._write_soon)
            else:
                self.app.call_later(self._write_soon)

    def _write_soon(self) -> None:
        self.pending = False
        version, data = self._version, self._data()
        self.app.run_worker(lambda: self._write(version, data), thread=True, group="autosave", exit_on_error=False)

    def _data(self) -> dict[str, Any]:
        session = self.session
        return drafts.draft_data(session.speech, session.path or session.output, session.date_texts)

    def _text(self) -> str:
        return drafts.dumps_data(self._data())

    def _write(self, version: int, data: dict[str, Any]) -> None:
        with self._lock:
            if version > self._written:
                try:
                    drafts.write(self.key, drafts.dumps_data(data))
                except RecordError as error:
                    self._report(error.message)
                else:
                    self._written = version
                    self.error = None
        self.app.call_from_thread(self._check_settled, version)

    def _report(self, message: str) -> None:
        if self.error != message:
            self.error = message
            self.app.call_from_thread(self.app.notify, f"草稿无法保存：{message}", severity="warning", markup=False)

    def _check_settled(self, version: int) -> None:
        if version >= self._version and not self.pending:
            self._settled.set()

    async def settled(self) -> None:
        """Return once every change so far has been written (or has failed to be)."""
        await self._settled.wait()

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
        self._settled.set()
