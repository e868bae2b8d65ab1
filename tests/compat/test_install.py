"""``compat.install``: everything on the tested Textual, nothing on another; nothing at import."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

import pytest
from textual._compositor import Compositor

from wizard.ui import compat
from wizard.ui.compat import overlay_cells, terminal_input

from .input_model import ROOT

pytestmark = pytest.mark.perf


def test_the_installed_textual_is_the_one_the_workarounds_were_tested_with() -> None:
    """If this fails, Textual was upgraded: run tests/compat and the benchmark, drop what
    test_stock_textual says is fixed, then set compat.TESTED_TEXTUAL to the new version."""
    assert compat.textual_version() == compat.TESTED_TEXTUAL


def test_on_another_textual_nothing_is_installed(overlay: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    overlay_cells.uninstall()
    own = Compositor.__dict__["_render_chops"]
    said: list[str] = []
    monkeypatch.setattr(compat, "log", SimpleNamespace(warning=lambda *args: said.append(" ".join(map(str, args)))))
    app = SimpleNamespace(driver_class=None)
    assert compat.install(app, installed="9.0.0") == []
    assert Compositor.__dict__["_render_chops"] is own
    assert app.driver_class is None
    assert len(said) == 1 and "9.0.0" in said[0] and compat.TESTED_TEXTUAL in said[0], said


def test_on_the_tested_textual_both_are_installed(overlay: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    overlay_cells.uninstall()
    app = SimpleNamespace(driver_class=None)
    assert compat.install(app, installed=compat.TESTED_TEXTUAL) == ["terminal_input", "overlay_cells"]
    assert Compositor.__dict__["_render_chops"] is overlay_cells._render_chops
    assert app.driver_class is terminal_input._driver_class()
    # Twice (two apps in one process) changes nothing more.
    assert compat.install(app, installed=compat.TESTED_TEXTUAL) == ["terminal_input", "overlay_cells"]
    overlay_cells.uninstall()
    assert not overlay_cells.installed()


def test_importing_the_workarounds_changes_nothing() -> None:
    """In a fresh process: what the workarounds replace is still Textual's own."""
    code = """
from textual._compositor import Compositor
from textual._xterm_parser import XTermParser
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver
def now():
    return [Compositor._render_chops, XTermParser.feed, App.get_driver_class, App.__init__,
            LinuxDriver.run_input_thread, LinuxDriver._get_terminal_size]
before = now()
import wizard.ui.compat, wizard.ui.compat.overlay_cells, wizard.ui.compat.terminal_input
import wizard.ui.app, wizard.ui.run
assert now() == before
"""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
