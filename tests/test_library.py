"""Past records: the data folder, the ``list`` command, importing sections and points."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from wizard import cli, drafts, library, paths, storage
from wizard.assemble import render_text
from wizard.data_files import example_path
from wizard.length import count_characters
from wizard.model import Point, Section, Speech, Training
from wizard.session import Session


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SPEECH_WIZARD_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _record(name: str, start: dt.date | None, end: dt.date | None = None) -> Speech:
    return Speech(
        training=Training(name=name, start=start, end=end),
        sections=[Section(heading="学习体会", points=[Point("在学中悟。", "展开。")])],
    )


def _save(folder: Path, filename: str, speech: Speech, saved: int = 1_700_000_000) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = storage.save(speech, folder / filename).path
    os.utime(path, (saved, saved))
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three good records and one broken file."""
    records = tmp_path / "records"
    _save(records, "old.toml", _record("党校中青班", dt.date(2023, 5, 8), dt.date(2023, 5, 12)))
    _save(records, "new.toml", _record("年轻干部专题研讨班", dt.date(2025, 11, 3), dt.date(2025, 11, 7)))
    _save(records, "undated.toml", _record("读书班", None), saved=1_600_000_000)
    (records / "broken.toml").write_text("schema_version = 1\n[training\n", encoding="utf-8")
    (records / "notes.txt").write_text("不是记录", encoding="utf-8")
    return records


def test_data_folders_follow_the_environment_and_are_made_on_first_use(home):
    assert paths.data_dir(create=False) == home
    assert not home.exists()
    assert paths.records_dir() == home / "records" and (home / "records").is_dir()
    assert paths.drafts_dir() == home / "drafts" and (home / "drafts").is_dir()
    assert paths.templates_dir() == home / "templates" and (home / "templates").is_dir()


def test_without_the_variable_the_platform_data_folder_is_used(monkeypatch):
    monkeypatch.delenv("SPEECH_WIZARD_HOME")
    assert paths.data_dir(create=False).name == "speech-wizard"


def test_a_data_folder_that_cannot_be_made_is_one_clear_line(home):
    home.parent.mkdir(parents=True, exist_ok=True)
    home.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(paths.DataDirError) as raised:
        paths.records_dir()
    assert "\n" not in str(raised.value) and str(home) in str(raised.value)


def test_scan_lists_records_newest_first_and_skips_a_broken_file(folder):
    found = library.scan([folder])
    assert found.folders_read == 1
    assert [entry.path.name for entry in found.entries] == ["new.toml", "old.toml", "undated.toml"]
    assert [Path(problem.path).name for problem in found.problems] == ["broken.toml"]
    assert "TOML" in str(found.problems[0])


def test_an_entry_knows_its_dates_course_and_length(folder):
    entries = {entry.path.name: entry for entry in library.scan([folder]).entries}
    new = entries["new.toml"]
    assert new.dates() == "2025-11-03—11-07"
    assert new.course() == "年轻干部专题研讨班"
    assert new.characters == count_characters(render_text(new.speech))
    assert entries["undated.toml"].dates() == "未填日期"
    assert entries["undated.toml"].when == dt.date.fromtimestamp(1_600_000_000)


def test_a_range_across_a_year_keeps_both_years(tmp_path):
    path = _save(tmp_path, "x.toml", _record("跨年班", dt.date(2025, 12, 29), dt.date(2026, 1, 2)))
    assert library.read_entry(path).dates() == "2025-12-29—2026-01-02"


def test_the_same_file_named_twice_is_listed_once(folder):
    found = library.scan([folder, folder / "new.toml", folder])
    assert [entry.path.name for entry in found.entries].count("new.toml") == 1


def test_listing_lines_are_aligned_in_terminal_columns(folder):
    lines = library.lines(library.scan([folder]).entries)
    assert lines[0].startswith("日期")
    paths_at = {library.display_width(line[: line.index(str(folder))]) for line in lines[1:]}
    assert len(paths_at) == 1  # Chinese course names are two columns a character


def test_a_long_course_name_is_cut_to_its_column(tmp_path):
    path = _save(tmp_path, "long.toml", _record("很长" * 30, dt.date(2025, 1, 6)))
    line = library.lines([library.read_entry(path)])[1]
    assert "…" in line and str(path) in line


def test_cli_list_prints_records_and_reports_the_broken_file(folder, capsys):
    assert cli.main(["list", str(folder)]) == 0
    out, err = capsys.readouterr()
    rows = out.splitlines()
    assert len(rows) == 4 and rows[1].startswith("2025-11-03—11-07")
    assert "年轻干部专题研讨班" in rows[1] and rows[1].endswith(str(folder / "new.toml"))
    assert err.count("\n") == 1 and "broken.toml" in err and "已跳过" in err


def test_cli_list_defaults_to_drafts_records_and_what_the_wizard_saved(home, tmp_path, capsys):
    assert cli.main(["list"]) == 0
    assert "没有找到发言记录" in capsys.readouterr().err
    assert not home.exists()  # listing creates nothing
    drafts.write("new-0a0b0c0d", drafts.dumps(_record("草稿班", dt.date(2025, 2, 3)), None, {}))
    _save(home / "records", "done.toml", _record("定稿班", dt.date(2024, 2, 3)))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    Session(_record("别处保存的班", dt.date(2023, 2, 3)), dt.date(2026, 1, 1)).save(elsewhere / "saved.toml")
    assert cli.main(["list"]) == 0
    out = capsys.readouterr().out
    assert "（草稿）草稿班" in out and "定稿班" in out and "别处保存的班" in out


def test_cli_list_fails_only_when_no_folder_could_be_read(folder, tmp_path, capsys):
    assert cli.main(["list", str(tmp_path / "missing")]) == 1
    assert "文件夹不存在" in capsys.readouterr().err
    assert cli.main(["list", str(tmp_path / "missing"), str(folder)]) == 0


def test_import_sections_gives_copies_in_the_order_asked():
    source = storage.load(example_path())
    imported = library.import_sections(source, [2, 0])
    assert [section.kind for section in imported] == ["action", "reflection"]
    assert imported[1] == source.sections[0] and imported[1] is not source.sections[0]
    imported[1].points[0].lead = "改过了"
    assert source.sections[0].points[0].lead != "改过了"


def test_import_points_gives_copies_of_the_chosen_points():
    source = storage.load(example_path())
    points = library.import_points(source, 0, [2, 1])
    assert [point.lead for point in points] == [source.sections[0].points[2].lead, source.sections[0].points[1].lead]
    points[0].body = ""
    assert source.sections[0].points[2].body


def test_importing_what_is_not_there_says_so_in_chinese():
    source = storage.load(example_path())
    with pytest.raises(library.MissingPartError, match="没有第 4 部分"):
        library.import_sections(source, [3])
    with pytest.raises(library.MissingPartError, match="第 2 部分没有第 3 点"):
        library.import_points(source, 1, [2])
    with pytest.raises(library.MissingPartError):
        library.import_sections(source, [-1])
