"""汇编… in the wizard: a folder in, the pieces listed in order, the booklet written with a progress bar."""

from __future__ import annotations

import docx
from textual.widgets import ProgressBar, Select

from tests.ui.conftest import click, new_app, text_in, until
from wizard import storage
from wizard.data_files import example_path


def write_pieces(folder, names):
    folder.mkdir()
    for number, name in enumerate(names):
        speech = storage.load(example_path())
        speech.signature.name = name
        storage.write_atomic(folder / f"{number}.toml", storage.dumps(speech))
    (folder / "broken.docx").write_bytes(b"not a Word file")


async def test_a_booklet_from_a_folder_listed_reordered_and_written(private_home):
    names = ["王五", "李四", "张三", "赵六", "钱七", "孙八", "周九"]
    write_pieces(private_home / "class", names)
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_booklet()
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#booklet-sources").load_text(str(private_home / "class"))
        await click(pilot, "#booklet-list")
        assert await until(pilot, lambda: "共 7 篇" in text_in(pilot, "#booklet-pieces"))
        listed = text_in(pilot, "#booklet-pieces")
        assert [listed.index(f"（{name}）") for name in names] == sorted(listed.index(f"（{n}）") for n in names)
        assert "broken.docx" in listed, "the file left out is named"
        bar = dialog.query_one("#booklet-progress", ProgressBar)
        assert (bar.total, bar.progress) == (8, 8), "more than a few files: the bar followed the reading"
        # By name (pinyin): 李 钱 孙 王 张 赵 周.
        dialog.query_one("#booklet-order", Select).value = "name"
        await pilot.pause()
        listed = text_in(pilot, "#booklet-pieces")
        by_name = ["李四", "钱七", "孙八", "王五", "张三", "赵六", "周九"]
        assert [listed.index(f"（{n}）") for n in by_name] == sorted(listed.index(f"（{n}）") for n in by_name)
        output = private_home / "汇编.docx"
        dialog.query_one("#booklet-output").value = str(output)
        dialog.query_one("#booklet-unit").value = "某某市委组织部"
        await click(pilot, "#yes")
        assert await until(pilot, output.exists)
        await pilot.pause()
        document = docx.Document(str(output))
        assert len(document.sections) == 2 + 7
        firsts = [next(p.text for p in section.iter_inner_content() if p.text) for section in document.sections[2:]]
        assert [title.endswith(f"（{name}）") for title, name in zip(firsts, by_name, strict=True)] == [True] * 7
        assert app.screen is not dialog and app.state.step == "training", "back to the speech, untouched"
