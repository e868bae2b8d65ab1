"""The wizard's own words, read from prompts/steps.toml and changed by the speech's template.

A speech template (``prompts/templates/``) may reword steps: a 表态发言 calls
its action step 表态. A ``Wording`` belongs to one wizard run and is switched
with the template; nothing here is global.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wizard.data_files import load

if TYPE_CHECKING:
    from wizard.templates import Template

STEPS: tuple[str, ...] = ("training", "courses", "reflections", "actions", "review")


def app_text(key: str) -> str:
    """A fixed piece of the wizard's own wording (buttons, titles)."""
    return str(load("steps")["app"][key])


def layout_text() -> dict[str, str]:
    """The labels of the speech's layout choices (``[layout]`` in steps.toml)."""
    return dict(load("steps")["layout"])


def choices(name: str) -> list[str]:
    """Common wordings offered as suggestions (salutations, verbs, tails…)."""
    return list(load("speech")["choices"][name])


class Wording:
    """The prompts of each step, as ``template`` words them (None: as steps.toml does)."""

    def __init__(self, template: Template | None = None) -> None:
        self.template = template

    def step(self, name: str) -> dict[str, Any]:
        """The prompts of one step: title, question, hint and a table per field."""
        if self.template is not None:
            return self.template.step_prompts(name)
        prompts: dict[str, Any] = load("steps")[name]
        return prompts

    def title(self, name: str) -> str:
        return str(self.step(name)["title"])

    def field(self, step: str, name: str) -> dict[str, str]:
        """label / placeholder / hint / example of one field of a step."""
        fields: dict[str, dict[str, str]] = self.step(step)["fields"]
        return fields[name]
