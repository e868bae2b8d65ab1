"""Every piece of text in a record, one by one: path, wizard step, role, and a name a user reads.

Unlike ``wizard.record_paths`` (which reads and writes a list as one form field), list
items are separate here: a typography finding points at one organiser or one
course item. The typography check walks these to find problems and the fixer writes
corrected values back through the same paths, so a finding, a fix and the
wizard field they belong to always agree on where they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from wizard.checks import STEP_OF_KIND
from wizard.model import Speech
from wizard.numerals import chinese_numeral
from wizard.record_paths import locate

#: heading: a section heading or the title; paragraph: intro, elaboration, closing; lead: a point's lead;
#: name: the speaker line, where a space between unit and name is customary; line: the rest.
Role = Literal["heading", "paragraph", "lead", "name", "line"]


@dataclass(frozen=True)
class TextField:
    """One text value of the record: ``path`` like ``sections[1].points[0].body``."""

    path: str
    step: str
    role: Role
    value: str


def text_fields(speech: Speech) -> list[TextField]:
    """All text fields, in the order the wizard asks for them."""
    training = speech.training
    fields = [
        TextField("title", "training", "heading", speech.title),
        TextField("subtitle", "training", "line", speech.subtitle),
        TextField("speaker", "training", "name", speech.speaker),
        TextField("training.name", "training", "line", training.name),
        TextField("training.note", "training", "line", training.note),
        TextField("training.duration", "training", "line", training.duration),
    ]
    for key in ("organisers", "activities"):
        fields += [
            TextField(f"training.{key}[{index}]", "training", "line", value)
            for index, value in enumerate(getattr(training, key))
        ]
    for index, group in enumerate(speech.courses):
        where = f"courses[{index}]"
        fields.append(TextField(f"{where}.verb", "courses", "line", group.verb))
        fields += [
            TextField(f"{where}.items[{number}]", "courses", "line", item) for number, item in enumerate(group.items)
        ]
        fields.append(TextField(f"{where}.tail", "courses", "line", group.tail))
    # The transition may end in ：, announcing the points: no end punctuation is asked of it.
    fields.append(TextField("opening.text", "courses", "paragraph", speech.opening.text))
    fields.append(TextField("transition", "courses", "line", speech.transition))
    for index, section in enumerate(speech.sections):
        where, step = f"sections[{index}]", STEP_OF_KIND[section.kind]
        fields.append(TextField(f"{where}.heading", step, "heading", section.heading))
        fields.append(TextField(f"{where}.intro", step, "paragraph", section.intro))
        for number, point in enumerate(section.points):
            fields.append(TextField(f"{where}.points[{number}].lead", step, "lead", point.lead))
            fields.append(TextField(f"{where}.points[{number}].body", step, "paragraph", point.body))
    fields.append(TextField("salutation", "review", "line", speech.salutation))
    fields.append(TextField("greeting", "review", "line", speech.greeting))
    fields.append(TextField("closing", "review", "paragraph", speech.closing))
    fields.append(TextField("signature.name", "review", "name", speech.signature.name))
    return fields


def set_field(speech: Speech, path: str, value: str) -> None:
    """Write ``value`` at ``path`` (as ``text_fields`` names it) in place."""
    target, key = locate(speech, path)
    if isinstance(key, int):
        target[key] = value
    else:
        setattr(target, key, value)


_NAMES = {
    "title": "标题",
    "subtitle": "副标题",
    "speaker": "发言人",
    "salutation": "称呼",
    "greeting": "问候语",
    "opening.text": "开头",
    "transition": "过渡段",
    "closing": "结束语",
    "signature.name": "落款",
    "training.name": "培训班名称",
    "training.note": "培训班括注",
    "training.duration": "培训时长",
}
_PARTS = {
    "organisers": "组织单位",
    "activities": "活动",
    "verb": "动词",
    "tail": "结尾",
    "heading": "标题",
    "intro": "导语",
    "lead": "领起句",
    "body": "阐述",
}
_NUMBERED = re.compile(r"(courses|sections|points|organisers|activities|items)\[(\d+)\]")


def describe(path: str) -> str:
    """Where a field is, for a person: ``第二部分·第1点·展开`` for ``sections[1].points[0].body``."""
    if path in _NAMES:
        return _NAMES[path]
    parts = []
    for piece in path.split("."):
        if match := _NUMBERED.fullmatch(piece):
            name, number = match.group(1), int(match.group(2)) + 1
            parts.append(
                {
                    "courses": f"第{number}组课程",
                    "sections": f"第{chinese_numeral(number)}部分",
                    "points": f"第{number}点",
                    "organisers": f"组织单位第{number}项",
                    "activities": f"活动第{number}项",
                    "items": f"第{number}项",
                }[name]
            )
        elif piece in _PARTS:
            parts.append(_PARTS[piece])
    return "·".join(parts) or path
