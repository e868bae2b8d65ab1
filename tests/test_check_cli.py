"""``check`` with typography and length, ``check --fix``, and ``render --format docx``."""

from __future__ import annotations

from pathlib import Path

import docx

from wizard import storage
from wizard.cli import main
from wizard.model import Speech


def save(tmp_path: Path, speech: Speech, name: str = "发言.toml") -> str:
    path = tmp_path / name
    storage.save(speech, path)
    return str(path)


def test_example_passes_with_exit_0_and_a_length_line(example: Speech, tmp_path: Path, capsys) -> None:
    path = save(tmp_path, example)
    assert main(["check", path]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{path}：没有发现问题",
        f"{path}：2,238 字，约 12.4 分钟",
        f"{path}：各部分：称呼 9 字，开头 214 字，一 783 字，二 348 字，三 876 字，结束语 8 字",
    ]


def test_typography_warnings_exit_0_with_place_and_context(example: Speech, tmp_path: Path, capsys) -> None:
    example.sections[1].points[0].body = example.sections[1].points[0].body.replace("，", ",", 1)
    path = save(tmp_path, example)
    assert main(["check", path]) == 0
    (warning,) = [line for line in capsys.readouterr().out.splitlines() if "提示" in line]
    assert warning.startswith(f"{path}：提示：第二部分·第1点·阐述（sections[1].points[0].body）：半角“,”")
    assert warning.endswith("：…终把政治建设放在首位【,】深刻领悟“两个确立”…")


def test_errors_exit_1_and_come_before_warnings(example: Speech, tmp_path: Path, capsys) -> None:
    example.training.name = ""
    example.title = "在××培训班的发言"
    path = save(tmp_path, example)
    assert main(["check", path]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{path}：错误：training.name：请填写培训班名称"
    assert "××" in lines[1]


def test_length_line_shows_the_target(example: Speech, tmp_path: Path, capsys) -> None:
    example.layout.target_minutes = 10
    path = save(tmp_path, example)
    main(["check", path])
    assert capsys.readouterr().out.splitlines()[-2] == (
        f"{path}：2,238 字，约 12.4 分钟；比 10 分钟目标多 438 字（约 2.4 分钟）"
    )


def test_check_without_fix_never_writes(example: Speech, tmp_path: Path) -> None:
    example.training.note = "第二期(线上)"
    path = save(tmp_path, example)
    before = Path(path).read_bytes()
    main(["check", path])
    assert Path(path).read_bytes() == before


def test_fix_shows_each_change_and_writes_the_record(example: Speech, tmp_path: Path, capsys) -> None:
    example.training.note = "第二期(线上)"
    example.sections[0].points[0].lead = '找准"风向标"。'
    example.title = "在××培训班的发言"
    path = save(tmp_path, example)
    assert main(["check", "--fix", path]) == 0
    out = capsys.readouterr().out
    assert f"{path}：修改 培训班括注（training.note）\n  - 第二期(线上)\n  + 第二期（线上）\n" in out
    assert '  - 找准"风向标"。\n  + 找准“风向标”。\n' in out
    assert "已修正 2 个字段" in out
    fixed = storage.load(path)
    assert fixed.training.note == "第二期（线上）"
    assert fixed.sections[0].points[0].lead == "找准“风向标”。"
    assert fixed.title == "在××培训班的发言"  # a placeholder needs a person
    assert "××" in out.split("已修正")[1]  # and is still reported after the fix


def test_fix_with_nothing_to_fix_leaves_the_file(example: Speech, tmp_path: Path, capsys) -> None:
    path = save(tmp_path, example)
    before = Path(path).read_bytes()
    assert main(["check", "--fix", path]) == 0
    assert "没有可以自动修正的排版问题" in capsys.readouterr().out
    assert Path(path).read_bytes() == before


def test_fix_refuses_stdin(run_cli) -> None:
    run = run_cli("check", "--fix", "-", stdin=run_cli("example").stdout.encode("utf-8"))
    assert run.status == 2 and "--fix" in run.stderr and "Traceback" not in run.stderr


def test_render_docx_writes_the_file(example: Speech, tmp_path: Path) -> None:
    out = tmp_path / "发言.docx"
    assert main(["render", "--format", "docx", "-o", str(out), save(tmp_path, example)]) == 0
    assert docx.Document(str(out)).paragraphs[0].text == "各位领导、同志们："


def test_render_docx_without_output_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    run = run_cli("render", "--format", "docx", "-", stdin=run_cli("example").stdout.encode("utf-8"))
    assert run.status == 2
    assert run.stderr.count("\n") == 1 and "-o" in run.stderr and run.stdout == ""


def test_render_docx_into_a_missing_folder_is_one_line(example: Speech, tmp_path: Path, capsys) -> None:
    target = tmp_path / "没有" / "发言.docx"
    assert main(["render", "--format", "docx", "-o", str(target), save(tmp_path, example)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "所在文件夹不存在" in err
