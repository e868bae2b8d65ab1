"""Locate and read the data in ``prompts/``: fixed wording, step prompts, the example.

In a wheel the folder is installed as ``wizard/prompts``; in a source checkout
(including an editable install) it is the ``prompts/`` folder beside the package.
Files are found with ``os.path``: ``render`` reads the wording at every start,
and importing pathlib would cost it ~5 ms; ``Path`` is built only when asked for.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

_PACKAGE = os.path.dirname(os.path.realpath(__file__))


@cache
def _folder() -> str:
    for candidate in (os.path.join(_PACKAGE, "prompts"), os.path.join(os.path.dirname(_PACKAGE), "prompts")):
        if os.path.isfile(os.path.join(candidate, "speech.toml")):
            return candidate
    raise FileNotFoundError("prompts/speech.toml is missing from the installation")


def prompts_dir() -> Path:
    """The folder that holds the prompt files."""
    from pathlib import Path

    return Path(_folder())


@cache
def load(name: str) -> dict[str, Any]:
    """Read ``prompts/<name>.toml`` (cached; the files ship with the program)."""
    with open(os.path.join(_folder(), f"{name}.toml"), "rb") as handle:
        return tomllib.load(handle)


def speech_wording() -> dict[str, Any]:
    """The fixed wording of the speech."""
    return load("speech")


def example_path() -> Path:
    """The bundled example record: the reference sample as a record."""
    return prompts_dir() / "example.toml"
