"""The command line: example, render (text and Markdown), check, --version, usage errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wizard import __version__, storage
from wizard.cli import main
from wizard.model import Point, Section, Speech, Training


def test_example_then_render_reproduces_the_sample(run_cli, tmp_path, assert_reproduces_sample):
    example = run_cli("example")
    assert example.status == 0 and example.stderr == ""
    (tmp_path / "ex.toml").write_text(example.stdout, encoding="utf-8")
    rendered = run_cli("render", "ex.toml", cwd=tmp_path)
    assert rendered.status == 0 and rendered.stderr == ""
    assert_reproduces_sample(rendered.stdout)


def test_the_installed_console_script_reproduces_the_sample(tmp_path, assert_reproduces_sample):
    script = shutil.which("speech-wizard", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the project is not installed as a console script in this environment")
    example = subprocess.run([script, "example"], capture_output=True, check=True).stdout
    (tmp_path / "ex.toml").write_bytes(example)
    rendered = subprocess.run([script, "render", str(tmp_path / "ex.toml")], capture_output=True, check=True)
    assert_reproduces_sample(rendered.stdout.decode("utf-8"))


def test_example_then_render_in_process(capsys, tmp_path, assert_reproduces_sample):
    assert main(["example"]) == 0
    (tmp_path / "ex.toml").write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["render", str(tmp_path / "ex.toml")]) == 0
    assert_reproduces_sample(capsys.readouterr().out)


def test_version(run_cli):
    run = run_cli("--version")
    assert run.status == 0 and run.stdout.strip() == f"speech-wizard {__version__}"


def test_render_reads_stdin_and_writes_to_a_file(run_cli, tmp_path, sample_text):
    record = run_cli("example").stdout.encode("utf-8")
    to_stdout = run_cli("render", "-", stdin=record)
    assert to_stdout.status == 0 and to_stdout.stdout.startswith("各位领导、同志们：\n")
    out = tmp_path / "speech.txt"
    to_file = run_cli("render", "-", "-o", str(out), stdin=record)
    assert to_file.status == 0 and to_file.stdout == ""
    assert out.read_text(encoding="utf-8") == to_stdout.stdout
    assert sorted(tmp_path.iterdir()) == [out]


def test_render_to_a_file_in_a_missing_folder_is_one_line(run_cli, tmp_path):
    record = run_cli("example").stdout.encode("utf-8")
    run = run_cli("render", "-", "-o", str(tmp_path / "no" / "speech.txt"), stdin=record)
    assert run.status == 1 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


def _record(tmp_path: Path, speech: Speech) -> str:
    return str(storage.save(speech, tmp_path / "speech.toml").path)


def test_markdown_escapes_user_text_and_marks_headings(capsys, tmp_path):
    speech = Speech(
        title="在**研讨班**上的发言",
        training=Training(name="[第二期](http://x)研讨班"),
        sections=[
            Section(heading="学习_体会", points=[Point("要坚持`学习`", "1. 这不是列表 <b>#标签</b>")]),
            Section(heading="下一步打算", kind="action"),
        ],
    )
    assert main(["render", "--format", "markdown", _record(tmp_path, speech)]) == 0
    lines = capsys.readouterr().out.split("\n\n")
    assert lines[0] == "# 在\\*\\*研讨班\\*\\*上的发言"
    assert lines[2] == "参加了\\[第二期\\](http://x)研讨班学习。"
    assert lines[3] == "## 一、学习\\_体会"
    assert lines[4] == "要坚持\\`学习\\`。1. 这不是列表 \\<b\\>\\#标签\\</b\\>"
    assert lines[5] == "## 二、下一步打算"


def test_markdown_escapes_a_line_that_would_start_a_list(capsys, tmp_path):
    speech = Speech(sections=[Section(heading="体会", intro="1. 开头像列表", points=[Point("- 也像列表", "")])])
    speech.layout.points = "separate"
    assert main(["render", "--format", "markdown", _record(tmp_path, speech)]) == 0
    out = capsys.readouterr().out
    assert "\n1\\. 开头像列表。\n" in out and "\n\\- 也像列表。\n" in out


def test_check_passes_the_example_and_fails_a_record_without_a_course_name(run_cli, tmp_path):
    record = run_cli("example").stdout.encode("utf-8")
    good = run_cli("check", "-", stdin=record)
    assert good.status == 0, good.stdout
    path = _record(tmp_path, Speech(sections=[Section(heading="体会")]))
    bad = run_cli("check", path)
    assert bad.status == 1 and "training.name" in bad.stdout and path in bad.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["render"],
        ["check"],
        ["edit"],
        ["nonsense"],
        ["render", "x.toml", "--format", "pdf"],
        ["render", "x.toml", "--no-such-option"],
        ["--no-such-option"],
    ],
)
def test_wrong_usage_exits_2_without_a_traceback(run_cli, args):
    run = run_cli(*args)
    assert run.status == 2 and "Traceback" not in run.stderr and run.stderr.strip()


def test_render_writes_the_format_the_output_name_asks_for(run_cli, tmp_path):
    record = tmp_path / "r.toml"
    record.write_text(run_cli("example").stdout, encoding="utf-8")
    for name, starts in (("发言.docx", b"PK"), ("发言.md", "各位领导".encode()), ("发言.txt", "各位领导".encode())):
        assert run_cli("render", str(record), "-o", str(tmp_path / name)).status == 0
        assert (tmp_path / name).read_bytes().startswith(starts), name
    # An explicit --format wins over the name.
    assert run_cli("render", str(record), "--format", "text", "-o", str(tmp_path / "x.docx")).status == 0
    assert (tmp_path / "x.docx").read_bytes().startswith("各位领导".encode())
