"""The session notices when something else changed the file it opened."""

from __future__ import annotations

import datetime as dt
import shutil

from wizard import storage
from wizard.data_files import example_path
from wizard.session import Session

TODAY = dt.date(2026, 11, 24)


def test_a_file_changed_by_another_program_is_noticed_until_saved_over(tmp_path):
    record = tmp_path / "发言.toml"
    shutil.copyfile(example_path(), record)
    session = Session(storage.load(record), TODAY, path=record)
    assert not session.changed_on_disk()
    # The same bytes written again (an editor that saves unchanged) is no change.
    record.write_bytes(record.read_bytes())
    assert not session.changed_on_disk()
    record.write_bytes(record.read_bytes().replace("各位领导".encode(), "各位同事".encode()))
    assert session.changed_on_disk()
    session.save(record)
    assert not session.changed_on_disk()
    # Deleted under the wizard: saving asks, rather than silently making it anew.
    record.unlink()
    assert session.changed_on_disk()
    assert session.questions_before_saving(record) == [f"文件在打开之后被删除了：{record}"]


def test_saving_asks_before_replacing_files_this_session_did_not_write(tmp_path):
    notes = tmp_path / "笔记.txt"
    notes.write_text("my own notes", encoding="utf-8")
    session = Session(storage.load(example_path()), TODAY, output=tmp_path / "笔记.toml")
    assert session.questions_before_saving(tmp_path / "笔记.toml") == [f"文件已存在：{notes}"]
    notes.unlink()
    session.save(tmp_path / "笔记.toml")
    # What this session wrote it may write again; changed by someone else, it asks again.
    assert session.questions_before_saving(tmp_path / "笔记.toml") == []
    notes.write_text("edited by hand", encoding="utf-8")
    assert session.questions_before_saving(tmp_path / "笔记.toml") == [f"文件在打开之后被其他程序修改过：{notes}"]


def test_the_text_beside_an_opened_record_is_the_programs_own_when_it_is_the_speech(tmp_path):
    record = tmp_path / "发言.toml"
    shutil.copyfile(example_path(), record)
    Session(storage.load(record), TODAY).save(record)  # an earlier session wrote 发言.txt
    assert Session(storage.load(record), TODAY, path=record).questions_before_saving(record) == []
    record.with_suffix(".txt").write_text("changed by hand", encoding="utf-8")
    reopened = Session(storage.load(record), TODAY, path=record)
    assert reopened.questions_before_saving(record) == [f"文件已存在：{record.with_suffix('.txt')}"]
