"""``render FILE`` and the wizard's own commands skip argparse: they must read, print and fail
exactly as argparse's way does, and start without the modules that made them slow."""

from __future__ import annotations

import gc
import itertools
import subprocess
import sys

import pytest

from wizard import arguments, cli
from wizard.prompts import example_path

EXAMPLE = str(example_path())

#: Words the command lines taken are made of, the awkward ones included.
TOKENS = (
    "render", "demo", "edit", "x.toml", "-", "", "text", "markdown", "docx",
    "--format", "--format=text", "-o", "--", "-x", "-h", "--template",
)  # fmt: skip


def test_every_command_line_the_fast_path_takes_is_read_as_argparse_reads_it():
    taken = [
        list(argv)
        for length in range(5)
        for argv in itertools.product(TOKENS, repeat=length)
        if arguments.plain(list(argv)) is not None
    ]
    # Without these the test could pass with a fast path that takes nothing.
    assert ["render", "x.toml"] in taken and ["render", "-", "--format", "markdown"] in taken
    assert ["render", "--format", "text", "x.toml"] in taken
    assert [] in taken and ["demo"] in taken and ["edit", "x.toml"] in taken
    for argv in taken:
        assert vars(arguments.plain(argv)) == vars(arguments.build_parser().parse_args(argv)), argv


@pytest.mark.parametrize(
    "argv",
    [
        ["render"],
        ["render", "-h"],
        ["render", "-x.toml"],
        ["render", "x.toml", "extra.toml"],
        ["render", "x.toml", "--format", "docx"],
        ["render", "x.toml", "--format", "pdf"],
        ["render", "x.toml", "-o", "out.txt"],
        ["render", "x.toml", "--form", "text"],
        ["--template", "pledge", "render", "x.toml"],
        ["check", "x.toml"],
        ["demo", "-o", "out.toml"],
        ["demo", "-h"],
        ["edit"],
        ["edit", "-"],
        ["edit", "x.toml", "y.toml"],
        ["--template", "pledge"],
        ["--version"],
    ],
)
def test_anything_else_is_left_to_argparse(argv):
    assert arguments.plain(argv) is None


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("case", ["example", "missing", "malformed", "folder", "empty-name", "trailing-slash"])
def test_the_fast_path_prints_and_fails_as_the_argparse_path_does(capsys, tmp_path, fmt, case):
    malformed = tmp_path / "bad.toml"
    malformed.write_text("schema_version = 1\ntitle = \n", encoding="utf-8")
    name = {
        "example": EXAMPLE,
        "missing": str(tmp_path / "missing.toml"),
        "malformed": str(malformed),
        "folder": str(tmp_path),
        "empty-name": "",
        "trailing-slash": EXAMPLE + "/",
    }[case]
    fast, slow = ["render", name, "--format", fmt], ["render", f"--format={fmt}", name]
    assert arguments.plain(fast) is not None and arguments.plain(slow) is None
    result = _run(capsys, fast)
    assert result == _run(capsys, slow)
    assert result[0] == (0 if case in ("example", "trailing-slash") else 1)


#: What ``render`` used to import and has no use for.
SLOW_MODULES = {
    "argparse", "dataclasses", "inspect", "pathlib", "shutil", "tempfile", "locale", "unicodedata",
    "textual", "rich", "tomli_w", "docx", "wizard.checks", "wizard.typography", "wizard.library",
}


@pytest.mark.parametrize("args", [["render", EXAMPLE], ["render", "--format", "markdown", "-"]])
def test_render_starts_without_argparse_dataclasses_pathlib_or_the_terminal(args):
    code = (
        "import sys\nbefore = set(sys.modules)\nfrom wizard.cli import main\nstatus = main(sys.argv[1:])\n"
        "print(' '.join(sorted(set(sys.modules) - before)), file=sys.stderr)\nsys.exit(status)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], input=example_path().read_bytes(), capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8").startswith("各位领导、同志们：\n")
    loaded = set(done.stderr.decode("utf-8").split())
    assert "wizard.assemble" in loaded
    assert not loaded & SLOW_MODULES


def test_only_the_program_skips_the_collection_at_exit(capsys):
    """``gc.freeze`` spares the exiting process a collection; called in-process, main must not freeze."""
    frozen = gc.get_freeze_count()
    assert cli.main(["render", EXAMPLE]) == 0
    assert gc.get_freeze_count() == frozen
    code = "import gc, sys\nfrom wizard.cli import main\nstatus = main()\nprint(gc.get_freeze_count() > 0, file=sys.stderr)\n"
    done = subprocess.run([sys.executable, "-c", code, "render", EXAMPLE], capture_output=True, timeout=60)
    assert done.returncode == 0 and done.stderr.decode().split() == ["True"]
    assert done.stdout.decode("utf-8") == capsys.readouterr().out


def test_the_wizard_starts_without_what_only_later_steps_need(tmp_path, monkeypatch):
    """``demo`` up to the moment its app would run: what it imported, argparse and the writers not among it."""
    code = (
        "import sys\nfrom textual.app import App\n"
        "def stop(self, *args, **kwargs):\n"
        "    print(' '.join(sorted(sys.modules)), file=sys.stderr)\n    raise SystemExit(0)\n"
        "App.run = stop\nfrom wizard.cli import main\nmain(['demo'])\n"
    )
    monkeypatch.setenv("SPEECH_WIZARD_HOME", str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stderr.decode("utf-8").split())
    assert "wizard.ui.app" in loaded
    assert not loaded & {"argparse", "gettext", "hashlib", "tomli_w", "docx", "wizard.checks"}
