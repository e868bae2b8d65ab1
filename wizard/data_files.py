"""Locate and read the data in ``prompts/``: fixed wording, step prompts, phrases, the example.

In a wheel the folder is installed as ``wizard/prompts``; in a source checkout
(including an editable install) it is the ``prompts/`` folder beside the package.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


@cache
def prompts_dir() -> Path:
    """The folder that holds the prompt files."""
    for candidate in (_PACKAGE / "prompts", _PACKAGE.parent / "prompts"):
        if (candidate / "speech.toml").is_file():
            return candidate
    raise FileNotFoundError("prompts/speech.toml is missing from the installation")


@cache
def load(name: str) -> dict[str, Any]:
    """Read ``prompts/<name>.toml`` (cached; the files ship with the program)."""
    with (prompts_dir() / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


def speech_wording() -> dict[str, Any]:
    """The fixed wording of the speech."""
    return load("speech")


def example_path() -> Path:
    """The bundled example record: the reference sample as a record."""
    return prompts_dir() / "example.toml"
