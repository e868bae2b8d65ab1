"""A Textual driver that is a clock instead of a terminal: it times the frames an app sends.

Textual hands every frame, as the escape sequences a terminal would be sent,
to its driver's ``write``. This driver keeps no terminal: it notes when each
write came and calls ``on_write`` (if set), so the benchmark can see the frame
in which something it waits for is first shown. It is chosen the public way,
with ``TEXTUAL_DRIVER=bench.frame_driver:FrameDriver`` or ``App.driver_class``.
The size is fixed (``BENCH_SIZE``, ``160x48`` by default); there is no input.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

from textual import events
from textual.driver import Driver
from textual.geometry import Size


def bench_size() -> tuple[int, int]:
    width, _, height = os.environ.get("BENCH_SIZE", "160x48").partition("x")
    return int(width), int(height)


class FrameDriver(Driver):
    #: Called with (driver, time, data) on every write; the benchmark sets it.
    on_write: Callable[[FrameDriver, float, str], None] | None = None

    def __init__(self, app: Any, *, debug: bool = False, mouse: bool = True, size: tuple[int, int] | None = None):
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        self.app = app
        self.writes = 0

    def write(self, data: str) -> None:
        now = time.perf_counter()
        self.writes += 1
        if FrameDriver.on_write is not None:
            FrameDriver.on_write(self, now, data)

    def start_application_mode(self) -> None:
        size = Size(*bench_size())
        self.send_message(events.Resize(size, size))

    def disable_input(self) -> None:
        pass

    def stop_application_mode(self) -> None:
        pass
