"""Profile the keystroke path of ``bench/run.py`` with pyinstrument (not a project dependency).

    .venv/bin/pip install pyinstrument
    .venv/bin/python bench/profile_keys.py [KEYSTROKES] > profile.txt

Types as the benchmark does and prints where the time goes, idle waits between keys left out.
"""

from __future__ import annotations

import asyncio
import copy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run
from pyinstrument import Profiler


def main() -> None:
    if len(sys.argv) > 1:
        run.KEYSTROKES = int(sys.argv[1])
    profiler = Profiler(interval=0.0002, async_mode="disabled")
    profiler.start()
    result = asyncio.run(run.keystrokes(copy.deepcopy(run.bench_speech())))
    profiler.stop()
    print(result, file=sys.stderr)
    print(profiler.output_text(unicode=True, color=False, show_all=False, timeline=False))


if __name__ == "__main__":
    main()
