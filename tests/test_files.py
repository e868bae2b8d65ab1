"""Files are never destroyed unasked: symlinks, devices, FIFOs, modes, comments, leftovers, odd names."""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from wizard import files, storage
from wizard.data_files import example_path
from wizard.model import Speech, Training

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files")
EXAMPLE = str(example_path())


def record(tmp_path: Path, name: str = "speech.toml") -> Path:
    path = tmp_path / name
    path.write_bytes(example_path().read_bytes())
    return path


# -- symlinks ----------------------------------------------------------------------------------


@posix_only
def test_a_write_through_a_symlink_changes_the_target_and_leaves_the_link(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    target = record(real, "record.toml")
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    written = storage.save(Speech(training=Training(name="新的")), link).path
    assert written == target
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert storage.load(target).training.name == "新的"
    assert sorted(path.name for path in real.iterdir()) == ["record.toml"], "no temporary file left"


@posix_only
def test_check_fix_and_render_force_write_through_symlinks(tmp_path, run_cli):
    target = tmp_path / "real.toml"
    text = example_path().read_text(encoding="utf-8").replace('name = "组织部门年轻干部专题研讨班"', 'name = "班,级"')
    target.write_text(text, encoding="utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    assert run_cli("check", "--fix", str(link)).stdout.count("已写回文件") == 1
    assert link.is_symlink() and 'name = "班，级"' in target.read_text(encoding="utf-8")
    out_target = tmp_path / "out.txt"
    out_target.write_text("old", encoding="utf-8")
    out_link = tmp_path / "out-link.txt"
    out_link.symlink_to(out_target)
    assert run_cli("render", EXAMPLE, "-o", str(out_link), "--force").status == 0
    assert out_link.is_symlink() and out_target.read_text(encoding="utf-8").startswith("各位领导")


# -- devices, FIFOs, standard output -----------------------------------------------------------


@posix_only
def test_a_character_device_is_written_to_not_replaced(run_cli):
    before = os.stat("/dev/null")
    assert run_cli("render", EXAMPLE, "-o", "/dev/null").status == 0
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


@posix_only
def test_a_fifo_is_written_to_directly(tmp_path, run_cli):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert run_cli("render", EXAMPLE, "-o", str(fifo)).status == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received and received[0].decode("utf-8").startswith("各位领导")


def test_dash_is_standard_output_not_a_file_named_dash(tmp_path, run_cli):
    done = run_cli("render", EXAMPLE, "-o", "-", cwd=tmp_path)
    assert done.status == 0 and done.stdout.startswith("各位领导")
    assert not (tmp_path / "-").exists()


def test_render_will_not_replace_a_file_without_force(tmp_path, run_cli):
    existing = tmp_path / "notes.txt"
    existing.write_text("my notes", encoding="utf-8")
    done = run_cli("render", EXAMPLE, "-o", str(existing))
    assert done.status == 1 and done.stderr.count("\n") == 1 and "--force" in done.stderr
    assert existing.read_text(encoding="utf-8") == "my notes"
    assert run_cli("render", EXAMPLE, "-o", str(existing), "--force").status == 0
    assert existing.read_text(encoding="utf-8").startswith("各位领导")


@posix_only
def test_a_full_disk_on_standard_output_is_one_line(run_cli):
    import subprocess

    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "wizard", "render", EXAMPLE],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    message = done.stderr.decode("utf-8")
    assert message.count("\n") == 1 and "标准输出" in message and "Traceback" not in message


@posix_only
def test_an_endless_input_is_refused_not_read_forever(run_cli):
    done = run_cli("render", "/dev/zero")
    assert done.status == 1 and "文件过大" in done.stderr and done.stderr.count("\n") == 1


# -- modes -------------------------------------------------------------------------------------


@posix_only
def test_new_files_follow_the_umask_and_drafts_are_private(tmp_path):
    old = os.umask(0o022)
    try:
        saved = storage.save(storage.load(example_path()), tmp_path / "shared.toml").path
        draft = storage.write_atomic(tmp_path / "draft.toml", "x = 1\n", private=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o644
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    saved.chmod(0o640)
    storage.save(storage.load(saved), saved)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o640, "a file written over keeps its mode"


# -- comments ----------------------------------------------------------------------------------


def test_check_fix_keeps_the_comments_of_the_file(tmp_path, run_cli):
    path = tmp_path / "commented.toml"
    text = example_path().read_text(encoding="utf-8")
    text = text.replace('name = "组织部门年轻干部专题研讨班"', 'name = "班,级"  # 名称：开会时再核对')
    text = "# 给自己的备注：第二节还要改\n" + text
    path.write_text(text, encoding="utf-8")
    done = run_cli("check", "--fix", str(path))
    assert "已写回文件" in done.stdout and "备份" not in done.stdout
    after = path.read_text(encoding="utf-8")
    assert after.startswith("# 给自己的备注：第二节还要改\n")
    assert 'name = "班，级"  # 名称：开会时再核对' in after
    assert not Path(f"{path}.bak").exists()


def test_where_comments_cannot_be_kept_the_old_file_is_backed_up_and_said(tmp_path, monkeypatch):
    from wizard import toml_edit

    path = tmp_path / "commented.toml"
    text = "# 备注\n" + example_path().read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(toml_edit, "dumps_into", lambda speech, original: None)
    saved = storage.save(storage.load(path), path, text)
    assert saved.backup == Path(f"{path}.bak")
    assert saved.backup.read_text(encoding="utf-8") == text


# -- leftovers ---------------------------------------------------------------------------------


@posix_only
def test_temporary_files_of_killed_writers_are_removed_and_live_ones_kept(tmp_path):
    import subprocess

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    dead = tmp_path / f".speech.toml.{child.pid}.abc123.tmp"
    live = tmp_path / f".speech.toml.{os.getpid()}.def456.tmp"
    for leftover in (dead, live):
        leftover.write_text("私密的草稿", encoding="utf-8")
    storage.save(storage.load(example_path()), tmp_path / "speech.toml")
    assert not dead.exists() and live.exists()


# -- names that are not UTF-8 ------------------------------------------------------------------


@posix_only
def test_file_names_that_are_not_utf8_are_listed_and_checked_without_crashing(tmp_path, run_cli):
    folder = tmp_path / "records"
    folder.mkdir()
    for number in range(3):
        record(folder, f"good-{number}.toml")
    odd = os.fsdecode(b"\xb1\xa8\xb8\xe6.toml")  # 报告.toml in GBK
    (folder / odd).write_bytes(example_path().read_bytes())
    listed = run_cli("list", str(folder))
    assert listed.status == 0 and "Traceback" not in listed.stderr
    assert listed.stdout.count("组织部门年轻干部") == 4
    assert "\\xb1\\xa8\\xb8\\xe6.toml" in listed.stdout
    checked = run_cli("check", str(folder / odd))
    assert checked.status == 0 and "Traceback" not in checked.stderr
    assert "\\xb1\\xa8\\xb8\\xe6.toml" in checked.stdout
    missing = run_cli("check", str(folder / os.fsdecode(b"\xff.toml")))
    assert missing.status == 1 and missing.stderr.count("\n") == 1 and "\\xff" in missing.stderr


def test_fingerprint_tells_whether_a_file_changed(tmp_path):
    path = record(tmp_path)
    first = files.fingerprint(path)
    assert first is not None and files.fingerprint(path) == first
    path.write_text("changed", encoding="utf-8")
    assert files.fingerprint(path) != first
    assert files.fingerprint(tmp_path / "none.toml") is None
