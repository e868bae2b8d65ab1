"""Stock Textual still has each bug a workaround in wizard/ui/compat exists for.

After an upgrade, a failure here names a workaround that may no longer be needed:
check the upstream issue, then drop the workaround and its tests.
"""

from __future__ import annotations

import hashlib
import inspect
import sys
from pathlib import Path

import pytest
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.geometry import Region

from wizard.ui.compat import overlay_cells

from .input_model import parse, read_through_driver, sizes_seen
from .terminal_model import BoardApp, composed_text

pytestmark = pytest.mark.perf
posix = pytest.mark.skipif(sys.platform == "win32", reason="the Linux/macOS driver and ptys")

#: sha256 of LinuxDriver.run_input_thread's source in Textual 8.2.8, which the guarded driver copies.
RUN_INPUT_THREAD_8_2_8 = "d796af6d69db337d6fa6bd463984f7d17188d991dbb22f60efb92a8a9619507c"
BOARD_ROW = Region(31, 5, 30, 1)


async def test_6357_a_wide_character_under_an_overlay_vanishes_at_an_edge_below(overlay: None) -> None:
    """Textualize/textual#6357 (overlay_cells): the edge at x=40 halves the board's 习."""
    app = BoardApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        overlay_cells.uninstall()
        stock = composed_text(app, BOARD_ROW)[0]
        overlay_cells.install()
        fixed = composed_text(app, BOARD_ROW)[0]
    assert fixed.startswith("培训班学习心得"), fixed
    assert stock.startswith("培训班学  心得"), stock


def test_6456_the_input_thread_decodes_strictly() -> None:
    """Textualize/textual#6456 (terminal_input): one byte that is not UTF-8 ends the app."""
    source = inspect.getsource(LinuxDriver.run_input_thread)
    assert 'getincrementaldecoder("utf-8")().decode' in source


@posix
async def test_6456_the_stock_input_thread_dies_on_gbk() -> None:
    keys, failure = await read_through_driver(LinuxDriver, ["你好".encode("gbk"), b"z"], last_key="z")
    assert isinstance(failure, UnicodeDecodeError), (keys, failure)


def test_the_copied_input_thread_is_still_textuals() -> None:
    """The guarded driver's run_input_thread is a copy of 8.2.8's: if this fails, Textual
    changed it; copy it again (keeping the two marked changes) and record the new hash."""
    source = inspect.getsource(LinuxDriver.run_input_thread)
    assert hashlib.sha256(source.encode()).hexdigest() == RUN_INPUT_THREAD_8_2_8


def test_an_escape_inside_a_paste_ends_it_and_replays_the_rest_as_keys() -> None:
    """No upstream issue yet (terminal_input's paste guard): ``\\x11`` would quit the app."""
    found = parse(XTermParser(), ["\x1b[200~A\x1b[0m\x11B\x1b[201~"])
    assert ("paste", "A") in found and ("key", "ctrl+q") in found, found


def test_a_pasted_end_marker_ends_the_paste_and_replays_the_rest_as_keys() -> None:
    """No upstream issue yet (terminal_input's paste guard): ctrl+s would save and exit."""
    found = parse(XTermParser(), ["\x1b[200~a\x1b[201~b\x13\x1b[201~"])
    assert found == [("paste", "a"), ("key", "b"), ("key", "ctrl+s")], found


@posix
def test_5417_the_driver_reads_the_size_of_stdout(tmp_path: Path) -> None:
    """Textualize/textual#5417, not merged (terminal_input.terminal_size): with stdout
    redirected to a file, Textual takes 80×24 whatever the terminal."""
    assert sizes_seen(tmp_path)["textual"] == [80, 24]
