"""The overlay fix switched on or off for one test, then put back as it was.

Other tests build the wizard, whose ``compat.install`` leaves the fix installed in
their worker; a test here must neither depend on that nor change it for the next.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wizard.ui.compat import overlay_cells


@pytest.fixture
def overlay() -> Iterator[None]:
    """The test may install/uninstall the fix at will: it is put back as it was after."""
    was_installed = overlay_cells.installed()
    yield
    if was_installed:
        overlay_cells.install()
    else:
        overlay_cells.uninstall()


@pytest.fixture
def stock(overlay: None) -> None:
    """Textual's own compositor for this test."""
    overlay_cells.uninstall()


@pytest.fixture
def fixed(overlay: None) -> None:
    """The fixed compositor for this test."""
    overlay_cells.install()
