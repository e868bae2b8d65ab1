"""Pictures of a booklet for the README: its contents page and the first page of a piece.

    .venv/bin/python scripts/booklet_pages.py

Compiles the bundled example and the three worked examples (a record, a Word
file, a text file) with ``speech-wizard booklet``, turns the Word file into a
PDF with LibreOffice (``soffice``), and the pages into PNGs with ``pdftoppm``
(Debian: libreoffice-writer-nogui, poppler-utils). Writes
``screenshots/booklet-contents.png`` and ``screenshots/booklet-piece.png``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wizard import storage  # noqa: E402

WIZARD = str(Path(sys.executable).with_name("speech-wizard"))
SHAPES = ROOT / "tests" / "fixtures" / "shapes"


def main() -> int:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        pieces = folder / "pieces"
        pieces.mkdir()
        # As trainees hand them in: named (the booklet takes a piece's author from it, else
        # from the file's name), as records, a Word file and a text file.
        example = storage.load(ROOT / "prompts" / "example.toml")
        example.signature.name = "李明"
        storage.write_atomic(pieces / "1-李明.toml", storage.dumps(example))
        shutil.copy(SHAPES / "p1.toml", pieces / "2-p1.toml")
        subprocess.run([WIZARD, "render", str(SHAPES / "p2.toml"), "-o", str(pieces / "3-p2.docx")], check=True)
        shutil.copy(SHAPES / "p3.txt", pieces / "4-王芳.txt")
        book = folder / "book.docx"
        command = [WIZARD, "booklet", str(pieces), "-o", str(book), "--subtitle", "青年干部专题培训班"]
        subprocess.run([*command, "--unit", "中共某某市委组织部"], check=True)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", name, str(book)], check=True)
        for page, picture in ((2, "booklet-contents"), (3, "booklet-piece")):
            pages = ["-f", str(page), "-l", str(page), "-singlefile"]
            target = str(ROOT / "screenshots" / picture)
            subprocess.run(["pdftoppm", "-png", "-r", "60", *pages, str(folder / "book.pdf"), target], check=True)
            print(f"screenshots/{picture}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
