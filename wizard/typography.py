"""Typography check and fixer for the text of a record (GB/T 15834 / 15835 habits).

``find`` lists what a careful reader would mark: half-width punctuation beside
Han characters, English or corner quotes, wrong dashes in date ranges, leading
zeros in dates, spaces in Chinese text, left-over placeholders, headings that
end in punctuation, points without elaboration, paragraphs without a closing
stop. Every finding is a warning that says where it is and quotes the text
around it. The mechanical ones carry edits, and ``fix`` applies just those,
returning the changes so they can be shown before they are kept.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass
from functools import lru_cache

from wizard.model import Speech
from wizard.record_texts import TextField, describe, set_field, text_fields
from wizard.text_cleaning import one_line
from wizard.typography_rules import Edit, Hit, hits

_WIDTH = 10


@dataclass(frozen=True)
class Finding:
    """One typography problem in one field; all are warnings.

    ``start``/``end`` locate it in the field's value; ``context`` is the text
    around it (about ten characters each side) and ``spot`` where it lies in
    ``context``. ``edits`` is empty unless the fix is mechanical.
    """

    kind: str
    step: str
    field: str
    message: str
    context: str
    spot: tuple[int, int]
    start: int
    end: int
    edits: tuple[Edit, ...] = ()
    severity: str = "warning"

    @property
    def fixable(self) -> bool:
        return bool(self.edits)

    @property
    def where(self) -> str:
        return describe(self.field)

    def marked_context(self) -> str:
        """The context with the spot in 【】, so a stray space or comma can be seen."""
        left, right = self.spot
        return f"{self.context[:left]}【{self.context[left:right]}】{self.context[right:]}"

    def line(self) -> str:
        """One line for the command line."""
        return f"提示：{self.where}（{self.field}）：{self.message}：{self.marked_context()}"


def _context(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    flat = text.replace("\n", "↵")
    middle = flat[start:end]
    if len(middle) > 2 * _WIDTH:
        middle = flat[start : start + _WIDTH] + "…" + flat[end - _WIDTH : end]
    before = ("…" if start > _WIDTH else "") + flat[max(0, start - _WIDTH) : start]
    after = flat[end : end + _WIDTH] + ("…" if end + _WIDTH < len(flat) else "")
    return before + middle + after, (len(before), len(before) + len(middle))


def _finding(field: TextField, hit: Hit) -> Finding:
    kind, start, end, message, edits = hit
    context, spot = _context(field.value, start, end)
    return Finding(kind, field.step, field.path, message, context, spot, start, end, edits)


@lru_cache(maxsize=1024)
def _hits_of(role: str, value: str) -> tuple[Hit, ...]:
    """The hits in a value, which depend on nothing but the value and the field's role.

    Kept, so that while one field is typed in the wizard's check of the whole
    record looks again only at that field (a few ms a key on a long speech).
    """
    return tuple(hits(TextField("", "", role, value)))  # type: ignore[arg-type]


def find(speech: Speech) -> list[Finding]:
    """Every typography finding, in the order of the wizard's steps and fields."""
    fields = text_fields(speech)
    values = {field.path: field.value for field in fields}
    findings = []
    for field in fields:
        findings += [_finding(field, hit) for hit in _hits_of(field.role, field.value)]
        body = field.path.removesuffix(".lead") + ".body"
        if field.role == "lead" and one_line(field.value) and not one_line(values[body]):
            context, spot = _context(field.value, 0, len(field.value.rstrip()))
            message = "这一点只有领起句，还没有展开的内容"
            findings.append(Finding("point-without-body", field.step, body, message, context, spot, 0, 0))
    return findings


@dataclass(frozen=True)
class Change:
    """A field's value before and after the mechanical fixes."""

    field: str
    step: str
    before: str
    after: str

    @property
    def where(self) -> str:
        return describe(self.field)

    def hunks(self, context: int = _WIDTH) -> list[tuple[str, str]]:
        """(before, after) excerpts around each changed spot, ``context`` characters each side."""
        matcher = difflib.SequenceMatcher(None, self.before, self.after, autojunk=False)
        excerpts = []
        for group in matcher.get_grouped_opcodes(context):
            i1, i2, j1, j2 = group[0][1], group[-1][2], group[0][3], group[-1][4]
            excerpts.append((_excerpt(self.before, i1, i2), _excerpt(self.after, j1, j2)))
        return excerpts


def _excerpt(text: str, start: int, end: int) -> str:
    return ("…" if start else "") + text[start:end].replace("\n", "↵") + ("…" if end < len(text) else "")


def _apply(text: str, edits: list[Edit]) -> str:
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _mend(field: TextField) -> str:
    """The value with every mechanical edit applied, repeated while one fix reveals another.

    Removing a space can bring a half-width comma next to a Han character; a
    few rounds settle it (each round only shortens or keeps the text).
    """
    value = field.value
    for _ in range(5):
        current = TextField(field.path, field.step, field.role, value)
        edits = [edit for hit in hits(current) for edit in hit[4]]
        if not edits:
            break
        value = _apply(value, edits)
    return value


def fix(speech: Speech) -> tuple[Speech, list[Change]]:
    """A copy of the record with the mechanical findings fixed, and what changed.

    Placeholders, headings, missing elaborations and missing stops need a
    person and are left as they are. The record passed in is not modified.
    """
    fixed = copy.deepcopy(speech)
    changes = []
    for field in text_fields(speech):
        after = _mend(field)
        if after != field.value:
            set_field(fixed, field.path, after)
            changes.append(Change(field.path, field.step, field.value, after))
    return fixed, changes


def apply_changes(speech: Speech, changes: list[Change]) -> Speech:
    """A copy of the record with only the chosen changes applied (each where still unedited)."""
    result = copy.deepcopy(speech)
    current = {field.path: field.value for field in text_fields(speech)}
    for change in changes:
        if current.get(change.field) == change.before:
            set_field(result, change.field, change.after)
    return result
