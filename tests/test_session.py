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
    # Gone: nothing to compare with, nothing to warn about when writing it anew.
    record.unlink()
    assert not session.changed_on_disk()
