"""The core knows nothing of the terminal: textual and rich stay out of it.

``render``, ``check`` and ``example`` must start fast and work where the UI
libraries are missing or broken, so each runs in a fresh interpreter in which
importing textual or rich raises.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import wizard
from wizard.data_files import example_path

BLOCKER = """
import sys

class BlockTerminalLibraries:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("textual", "rich"):
            raise ImportError("blocked for this test: " + name)
        return None

sys.meta_path.insert(0, BlockTerminalLibraries())
"""

REPORT = """
loaded = sorted(name for name in sys.modules if name.partition(".")[0] in ("textual", "rich"))
print("TERMINAL-MODULES:", loaded)
"""

CORE_MODULES = sorted(
    f"wizard.{path.stem}" for path in Path(wizard.__file__).parent.glob("*.py") if path.stem != "__main__"
)


def run_blocked(code: str, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCKER + code + REPORT, *args],
        input=stdin.decode("utf-8"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_the_blocker_works():
    """Without this, every test below could pass by blocking nothing."""
    done = run_blocked("import rich.text")
    assert done.returncode != 0 and "blocked for this test: rich" in done.stderr


EXAMPLE = str(example_path())


@pytest.mark.parametrize(
    ("args", "output_starts"),
    [
        (["render", EXAMPLE], "各位领导、同志们：\n"),
        (["render", "--format", "markdown", EXAMPLE], "各位领导、同志们：\n\n"),
        (["render", "-"], "各位领导、同志们：\n"),
        (["check", EXAMPLE], f"{EXAMPLE}："),
        (["example"], "# 示例"),
    ],
    ids=["render", "render-markdown", "render-stdin", "check", "example"],
)
def test_command_runs_without_textual_or_rich(args, output_starts):
    code = "from wizard.cli import main\nstatus = main(sys.argv[1:])\nassert status == 0\n"
    done = run_blocked(code, *args, stdin=example_path().read_bytes())
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(output_starts)
    assert "TERMINAL-MODULES: []" in done.stdout


def test_every_core_module_imports_without_textual_or_rich():
    assert "wizard.assemble" in CORE_MODULES and "wizard.storage" in CORE_MODULES
    code = "import importlib\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    done = run_blocked(code, *CORE_MODULES)
    assert done.returncode == 0, done.stderr
    assert "TERMINAL-MODULES: []" in done.stdout
