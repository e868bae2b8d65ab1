"""The wheel carries prompts/ and the example, and works installed in a fresh venv.

Building needs the build backend (pip fetches it as it would for ``pip install .``);
the fresh venv gets only the wheel and tomli-w, which ``render`` needs, so no
other dependency has to be downloaded. Takes a few seconds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import tomli_w

ROOT = Path(__file__).resolve().parents[1]
DATA = ["wizard/prompts/speech.toml", "wizard/prompts/steps.toml", "wizard/prompts/example.toml"]


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(arg) for arg in args], capture_output=True, cwd=cwd, env=env, timeout=300)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", out, ROOT, cwd=out)
    (built,) = out.glob("speech_wizard-*.whl")
    return built


@pytest.fixture(scope="module")
def fresh_python(wheel, tmp_path_factory) -> Path:
    """A venv that has never seen the source tree: the wheel and tomli-w only."""
    venv = tmp_path_factory.mktemp("venv")
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=venv)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--quiet", wheel, cwd=venv)
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=venv).strip()
    shutil.copytree(Path(tomli_w.__file__).parent, Path(purelib) / "tomli_w")
    return python


def test_wheel_holds_the_prompts_and_the_example(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for name in DATA:
        assert name in names
    assert not [name for name in names if name.startswith(("tests/", "prompts/"))]


INSTALLED_CHECK = """
import sys, wizard, wizard.data_files as prompts
from wizard import storage
from wizard.assemble import render_text
assert "site-packages" in wizard.__file__, wizard.__file__
assert prompts.prompts_dir().parent == prompts._PACKAGE, prompts.prompts_dir()
sys.stdout.buffer.write(render_text(storage.load(prompts.example_path())).encode("utf-8"))
"""


#: Nothing may leak in from the source tree or the test venv.
CLEAN_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}


def test_installed_wheel_renders_the_example_from_any_folder(fresh_python, tmp_path, assert_reproduces_sample):
    assert_reproduces_sample(_run(fresh_python, "-c", INSTALLED_CHECK, cwd=tmp_path, env=CLEAN_ENV))


def test_installed_console_script_runs_example_and_render(fresh_python, tmp_path, assert_reproduces_sample):
    script = shutil.which("speech-wizard", path=str(fresh_python.parent))
    assert script, "the wheel installs no speech-wizard console script"
    (tmp_path / "ex.toml").write_text(_run(script, "example", cwd=tmp_path, env=CLEAN_ENV), encoding="utf-8")
    assert_reproduces_sample(_run(script, "render", "ex.toml", cwd=tmp_path, env=CLEAN_ENV))


# --- the README's promises ---------------------------------------------------

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    """The README's fenced code blocks in ``language`` ("" for unmarked ones)."""
    found, current, inside = [], [], None
    for line in README.splitlines():
        if line.startswith("```"):
            if inside is None:
                inside, current = line[3:].strip(), []
            else:
                if inside == language:
                    found.append("\n".join(current) + "\n")
                inside = None
        elif inside is not None:
            current.append(line)
    return found


def test_readme_record_example_loads_and_renders_as_shown():
    from wizard import storage
    from wizard.assemble import render_text

    (record,) = [block for block in _blocks("toml") if "[docx]" not in block]
    shown = next(block for block in _blocks("") if block.startswith("各位领导"))
    rendered = render_text(storage.loads(record, "README.md")).splitlines()
    assert shown.splitlines()[:3] == rendered[:3]


def test_readme_house_style_example_is_a_valid_style():
    import tomllib

    from wizard import house_style

    (block,) = [block for block in _blocks("toml") if "[docx]" in block]
    style = house_style.apply(house_style.HouseStyle(), tomllib.loads(block)["docx"], "README.md")
    assert style.body_font == "方正仿宋_GBK" and style.chars_per_line == 28 and style.lines_per_page == 22


def test_readme_set_up_commands_match_ci():
    setup = next(block for block in _blocks("") if "pip install -e" in block).splitlines()
    assert setup == [
        "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/speech-wizard demo",
        'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest -q',
    ]
    ci_commands = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert setup[1].rsplit("&& ", 1)[1] in ci_commands
