"""The wizard's wording, read from prompts/steps.toml and the chosen template's changes to it.

A speech template (``prompts/templates/``) may reword steps (a 表态发言 calls
its action step 表态). The wizard runs one speech at a time, so the template
in use is set here once, before the screens are composed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wizard.prompts import load

if TYPE_CHECKING:
    from wizard.templates import Template

STEPS: tuple[str, ...] = ("training", "courses", "reflections", "actions", "review")

_template: Template | None = None


def use_template(template: Template | None) -> None:
    """Word the steps as ``template`` does (None: as prompts/steps.toml does)."""
    global _template
    _template = template


def app_text(key: str) -> str:
    return load("steps")["app"][key]


def step(name: str) -> dict[str, Any]:
    """The prompts of one step: title, question, hint and a table per field."""
    if _template is not None:
        return _template.step_prompts(name)
    return load("steps")[name]


def field(step_name: str, name: str) -> dict[str, str]:
    """label / placeholder / hint / example of one field of a step."""
    return step(step_name)["fields"][name]


def choices(name: str) -> list[str]:
    """Common wordings offered as suggestions (salutations, verbs, tails…)."""
    return list(load("speech")["choices"][name])
