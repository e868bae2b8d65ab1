"""A process on a pseudo-terminal of a given size, as a terminal emulator starts one."""

from __future__ import annotations

import fcntl
import os
import struct
import subprocess
import termios
from collections.abc import Mapping, Sequence
from pathlib import Path


def start_on_pty(
    argv: Sequence[str], *, cwd: Path, env: Mapping[str, str], columns: int = 120, lines: int = 40
) -> tuple[subprocess.Popen[bytes], int]:
    """Start ``argv`` with a new pty as its stdin, stdout and stderr, in a session of its own.

    Returns the process and the terminal's side of the pty (to read the screen and type).
    """
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    process = subprocess.Popen(
        list(argv), stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=dict(env), start_new_session=True
    )
    os.close(slave)
    return process, master
