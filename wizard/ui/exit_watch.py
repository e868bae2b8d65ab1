"""Leave within a deadline, even when a thread of the app can't finish.

When the terminal goes away (SIGHUP) the app writes its draft and exits; but
Textual's writer thread may be blocked on the dead terminal, and the process
then waits for it forever (issue 16, item 11). ``exit_within`` is the backstop:
called once the draft is on disk, it ends the process after a few seconds if it
is still there, without waiting for any thread and without running ``atexit``
handlers or flushing output (a flush to the dead terminal could block too).

Nothing here knows about Textual; the deadline thread is a daemon, so a process
that ends in time ends as usual, with its own status.
"""

from __future__ import annotations

import os
import threading

__all__ = ["exit_within"]


def exit_within(seconds: float, code: int) -> None:
    """End the process with status ``code`` in ``seconds`` if it has not ended by then.

    Returns at once. Only call it once nothing is left to save: the end is
    ``os._exit``, which skips cleanup and buffered output.
    """
    never = threading.Event()

    def end() -> None:
        never.wait(seconds)
        os._exit(code)

    threading.Thread(target=end, name=f"exit-within-{seconds}s", daemon=True).start()
