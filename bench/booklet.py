"""The booklet benchmark: 200 pieces of about 2,000 characters compiled into one Word file.

    .venv/bin/python bench/booklet.py

A third of the pieces are records, a third Word files, a third text files, in
one folder, each a different trainee's (its own title and name). The measure is
``speech-wizard booklet FOLDER -o BOOK.docx`` as a whole process, from spawn to
exit, median of three runs (after one that compiles the bytecode). Prints
``name: value`` lines and ``target_booklet_s: pass|FAIL``; exits 1 on a miss.
"""

from __future__ import annotations

import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wizard import storage  # noqa: E402
from wizard.assemble import render_text  # noqa: E402
from wizard.data_files import example_path  # noqa: E402
from wizard.export import docx_bytes  # noqa: E402
from wizard.length import count_characters  # noqa: E402

PIECES = 200
TARGET_BOOKLET_S = 20.0
WIZARD = str(Path(sys.executable).with_name("speech-wizard"))


def write_pieces(folder: Path) -> int:
    """Write the pieces; return their characters in all."""
    base = storage.load(example_path())
    characters = 0
    for number in range(PIECES):
        speech = copy.deepcopy(base)
        speech.title = f"学习体会之{number + 1}"
        speech.signature.name = f"学员{number + 1:03d}"
        # About 2,000 characters: the example less the last point of its first section.
        speech.sections[0].points = speech.sections[0].points[:-1]
        characters += count_characters(render_text(speech))
        stem = folder / f"{number:03d}"
        if number % 3 == 0:
            storage.write_atomic(stem.with_suffix(".toml"), storage.dumps(speech))
        elif number % 3 == 1:
            stem.with_suffix(".docx").write_bytes(docx_bytes(speech))
        else:
            stem.with_suffix(".txt").write_text(render_text(speech), encoding="utf-8")
    return characters


def main() -> int:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory(prefix="speech-wizard-booklet-") as name:
        folder = Path(name)
        env["SPEECH_WIZARD_HOME"] = str(folder / "home")
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        pieces = folder / "pieces"
        pieces.mkdir()
        characters = write_pieces(pieces)
        command = [WIZARD, "booklet", str(pieces), "-o", str(folder / "book.docx"), "--force"]
        times = []
        for run in range(4):
            start = time.perf_counter()
            subprocess.run(command, check=True, env=env, stderr=subprocess.DEVNULL)
            if run:  # the first compiles the bytecode: not counted
                times.append(time.perf_counter() - start)
        size = (folder / "book.docx").stat().st_size
        import docx

        sections = len(docx.Document(str(folder / "book.docx")).sections)
    seconds = statistics.median(times)
    print(f"booklet_pieces: {PIECES}")
    print(f"booklet_characters_per_piece: {characters / PIECES:.0f}")
    print(f"booklet_s: {seconds:.2f}")
    print(f"booklet_docx_kb: {size / 1024:.0f}")
    print(f"booklet_sections: {sections} (cover, contents and one a piece: {PIECES + 2})")
    ok = seconds <= TARGET_BOOKLET_S and sections == PIECES + 2
    print(f"target_booklet_s: {'pass' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
