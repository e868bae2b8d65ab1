"""Record files: every broken kind is one clear line, saving is atomic."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from wizard import storage
from wizard.assemble import render_text
from wizard.data_files import example_path
from wizard.model import Point, Section, Speech, Training

EXAMPLE = example_path().read_text(encoding="utf-8")
MINIMAL = 'schema_version = 1\n[training]\nname = "班"\n'

BROKEN: dict[str, bytes] = {
    "malformed": b'schema_version = 1\ntitle = "no end\n',
    "truncated": EXAMPLE[: len(EXAMPLE) // 2].encode("utf-8"),
    "truncated-mid-character": EXAMPLE.rstrip('"\n').encode("utf-8")[:-1],
    "empty": b"",
    "blank": b" \n\n\t\n",
    "nul-bytes": b"schema_version = 1\x00\x00\x00",
    "random-bytes": random.Random(7).randbytes(400),
    "random-bytes-no-nul": random.Random(8).randbytes(400).replace(b"\x00", b"\xff"),
    "gbk": EXAMPLE.encode("gbk"),
    "utf-16": EXAMPLE.encode("utf-16"),
    "newer-schema": MINIMAL.replace("= 1", "= 3").encode(),
    "zero-schema": MINIMAL.replace("= 1", "= 0").encode(),
    "schema-bool": MINIMAL.replace("= 1", "= true").encode(),
    "schema-string": MINIMAL.replace("= 1", '= "1"').encode(),
    "no-schema": b'title = "x"\n',
    "sections-string": (MINIMAL.replace("[training]", 'sections = "x"\n[training]')).encode(),
    "start-string": (MINIMAL + 'start = "tomorrow"\n').encode(),
    "start-datetime": (MINIMAL + "start = 2026-11-03T09:00:00\n").encode(),
    "rate-bool": (MINIMAL + "[layout]\nspeaking_rate = true\n").encode(),
    "rate-too-fast": (MINIMAL + "[layout]\nspeaking_rate = 5000\n").encode(),
    "minutes-negative": (MINIMAL + "[layout]\ntarget_minutes = -5\n").encode(),
    "kind-unknown": (MINIMAL + '[[sections]]\nkind = "poem"\n').encode(),
    "point-not-table": (MINIMAL + "[[sections]]\npoints = [1]\n").encode(),
    "item-not-text": (MINIMAL + "[[courses]]\nitems = [1, 2]\n").encode(),
    "unknown-key": (MINIMAL + 'nmae = "x"\n').encode(),
    "unknown-key-with-newline": b'"a\\nb" = 1\nschema_version = 1\n',
    "deeply-nested": b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n",
}

#: What the one line must point at, where the error knows it.
WHERE = {
    "malformed": "第 2 行",
    "newer-schema": "schema_version",
    "sections-string": "sections",
    "start-string": "training.start",
    "rate-bool": "layout.speaking_rate",
    "kind-unknown": "sections[0].kind",
    "item-not-text": "courses[0].items[0]",
    "unknown-key": "nmae",
    "gbk": "UTF-8",
    "truncated": "TOML",
    "truncated-mid-character": "断",
    "schema-bool": "真假值",
}


def assert_one_line_error(run, path: Path | str, where: str | None = None) -> None:
    assert run.status == 1, run
    assert "Traceback" not in run.stderr
    assert run.stderr.endswith("\n") and run.stderr.count("\n") == 1, run.stderr
    assert str(path) in run.stderr
    if where:
        assert where in run.stderr


@pytest.mark.parametrize("command", ["render", "check"])
@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_file_is_one_line_naming_it(run_cli, tmp_path, command, kind):
    path = tmp_path / f"{kind}.toml"
    path.write_bytes(BROKEN[kind])
    run = run_cli(command, str(path))
    assert_one_line_error(run, path, WHERE.get(kind))
    assert run.stdout == ""


@pytest.mark.parametrize("command", ["render", "check"])
def test_missing_file_and_directory(run_cli, tmp_path, command):
    missing = tmp_path / "nowhere.toml"
    assert_one_line_error(run_cli(command, str(missing)), missing, "不存在")
    assert_one_line_error(run_cli(command, str(tmp_path)), tmp_path, "文件夹")


def test_broken_record_on_stdin_is_named_stdin(run_cli):
    assert_one_line_error(run_cli("render", "-", stdin=BROKEN["gbk"]), "<stdin>")


def test_file_name_with_a_newline_stays_one_line(run_cli, tmp_path):
    path = tmp_path / "two\nlines.toml"
    path.write_bytes(b"")
    run = run_cli("render", str(path))
    assert run.status == 1 and run.stderr.count("\n") == 1 and "two\\nlines.toml" in run.stderr


@pytest.mark.parametrize("suffix", ["/", "/.", "//./"])
def test_a_name_is_read_as_pathlib_reads_it(tmp_path, monkeypatch, suffix):
    """Files are opened by name, without pathlib; what pathlib normalised away must stay so."""
    record = tmp_path / "record.toml"
    record.write_text(MINIMAL, encoding="utf-8")
    assert storage.load(str(record) + suffix).training.name == "班"
    monkeypatch.chdir(tmp_path)
    with pytest.raises(storage.RecordError, match="：这是一个文件夹"):
        storage.load("")


def test_a_utf8_byte_order_mark_is_accepted():
    assert storage.loads(storage.decode(b"\xef\xbb\xbf" + MINIMAL.encode(), "x")).training.name == "班"


# --- saving ------------------------------------------------------------------


@pytest.mark.parametrize("mark", [b"", b"\xef\xbb\xbf"])
def test_a_non_utf8_byte_is_placed_by_its_position_in_the_file(mark):
    raw = mark + b'title = "' + "心得".encode("gbk") + b'"\n'
    with pytest.raises(storage.RecordError) as caught:
        storage.decode(raw, "x.toml")
    first_bad = len(mark) + len('title = "') + 1
    assert f"第 {first_bad} 字节" in str(caught.value)


@pytest.mark.parametrize("mark", [b"", b"\xef\xbb\xbf"])
def test_a_file_cut_inside_a_character_says_so_with_or_without_a_byte_order_mark(mark):
    with pytest.raises(storage.RecordError, match="中间断了"):
        storage.decode(mark + 'title = "心得'.encode()[:-1], "x.toml")


def test_save_then_load_gives_the_same_record(example, tmp_path):
    example.sections[0].intro = "第一行\n第二行 \"引号\" 和 '''三引号''' 与 \\ 反斜杠"
    path = storage.save(example, tmp_path / "speech.toml").path
    assert storage.load(path) == example
    assert '"""' in path.read_text(encoding="utf-8")  # multi-line text stays readable


def _previous(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "speech.toml"
    storage.save(Speech(training=Training(name="旧的")), path)
    return path, path.read_bytes()


NEW = Speech(training=Training(name="新的"), sections=[Section("体会", points=[Point("要学习", "x" * 100_000)])])


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_save_leaves_the_previous_file_whole(tmp_path, monkeypatch, failing):
    path, before = _previous(tmp_path)

    def crash(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, crash)
    with pytest.raises(storage.RecordError, match=r"speech\.toml.*无法写入"):
        storage.save(NEW, path)
    assert path.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == [path]


def test_an_interrupted_save_leaves_the_previous_file_whole(tmp_path, monkeypatch):
    path, before = _previous(tmp_path)
    real_fsync = os.fsync

    def interrupted(descriptor):
        real_fsync(descriptor)
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        storage.save(NEW, path)
    assert path.read_bytes() == before
    assert sorted(tmp_path.iterdir()) == [path]


def test_a_successful_save_replaces_the_file_and_leaves_no_temporary(tmp_path):
    path, _ = _previous(tmp_path)
    storage.save(NEW, path)
    assert storage.load(path).training.name == "新的"
    assert sorted(tmp_path.iterdir()) == [path]


def test_saving_into_a_missing_folder_or_over_a_folder_is_a_record_error(tmp_path):
    with pytest.raises(storage.RecordError, match="文件夹不存在"):
        storage.save(NEW, tmp_path / "no" / "speech.toml")
    with pytest.raises(storage.RecordError, match="文件夹"):
        storage.save(NEW, tmp_path)


def test_loaded_record_always_renders(tmp_path):
    path = tmp_path / "minimal.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert render_text(storage.load(path)).startswith("各位领导、同志们：\n参加了班学习。")


def test_saving_keeps_an_existing_files_permissions_and_new_files_follow_the_umask(tmp_path, example):
    shared = tmp_path / "shared.toml"
    shared.write_text("old", encoding="utf-8")
    shared.chmod(0o604)
    storage.save(example, shared)
    assert shared.stat().st_mode & 0o777 == 0o604
    umask = os.umask(0o027)
    try:
        fresh = storage.save(example, tmp_path / "fresh.toml").path
    finally:
        os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o640
