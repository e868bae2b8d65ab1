"""The wizard's wording, read from prompts/steps.toml."""

from __future__ import annotations

from typing import Any

from wizard.prompts import load

STEPS: tuple[str, ...] = ("training", "courses", "reflections", "actions", "review")


def app_text(key: str) -> str:
    return load("steps")["app"][key]


def step(name: str) -> dict[str, Any]:
    """The prompts of one step: title, question, hint and a table per field."""
    return load("steps")[name]


def field(step_name: str, name: str) -> dict[str, str]:
    """label / placeholder / hint / example of one field of a step."""
    return load("steps")[step_name]["fields"][name]


def choices(name: str) -> list[str]:
    """Common wordings offered as suggestions (salutations, verbs, tails…)."""
    return list(load("speech")["choices"][name])
