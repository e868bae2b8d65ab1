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
    """The text around ``start:end``; only that much of ``text`` is copied (a long field has many findings)."""

    def flat(left: int, right: int) -> str:
        return text[left:right].replace("\n", "↵")

    if end - start <= 2 * _WIDTH:
        middle = flat(start, end)
    else:
        middle = flat(start, start + _WIDTH) + "…" + flat(end - _WIDTH, end)
    before = ("…" if start > _WIDTH else "") + flat(max(0, start - _WIDTH), start)
    after = flat(end, end + _WIDTH) + ("…" if end + _WIDTH < len(text) else "")
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


#: A stretch the fixes replaced: ``before[i1:i2]`` became ``after[j1:j2]``.
Region = tuple[int, int, int, int]


@dataclass(frozen=True)
class Change:
    """A field's value before and after the mechanical fixes.

    ``regions`` are the stretches the fixes replaced, in order; without them
    (a change made elsewhere) they are found by comparing the two values.
    """

    field: str
    step: str
    before: str
    after: str
    regions: tuple[Region, ...] = ()

    @property
    def where(self) -> str:
        return describe(self.field)

    def hunks(self, context: int = _WIDTH) -> list[tuple[str, str]]:
        """(before, after) excerpts around each changed spot, ``context`` characters each side.

        Spots less than twice ``context`` apart share an excerpt. Taken from the
        regions the fixes replaced: a long field with many fixes is not diffed again.
        """
        regions = self.regions or _compare(self.before, self.after)
        groups: list[list[int]] = []
        for i1, i2, j1, j2 in regions:
            if groups and i1 - groups[-1][1] <= 2 * context:
                groups[-1][1], groups[-1][3] = i2, j2
            else:
                groups.append([i1, i2, j1, j2])
        return [
            (
                _excerpt(self.before, max(0, i1 - context), min(len(self.before), i2 + context)),
                _excerpt(self.after, max(0, j1 - context), min(len(self.after), j2 + context)),
            )
            for i1, i2, j1, j2 in groups
        ]


def _compare(before: str, after: str) -> list[Region]:
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _excerpt(text: str, start: int, end: int) -> str:
    return ("…" if start else "") + text[start:end].replace("\n", "↵") + ("…" if end < len(text) else "")


def _apply(text: str, edits: list[Edit]) -> str:
    """``text`` with the edits (which do not overlap) made, in one pass."""
    pieces, done = [], 0
    for start, end, replacement in sorted(edits):
        pieces += [text[done:start], replacement]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


class _Mended:
    """A value and the stretches of it replaced so far, as (start, end, text) of the original.

    Each round's edits are given in the value as it then is; they are carried
    back to the original, so that what changed is known without diffing the two.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self.replaced: list[tuple[int, int, str]] = []  # sorted, disjoint

    def value(self) -> str:
        return _apply(self.original, self.replaced)

    def apply(self, edits: list[Edit]) -> None:
        """Make ``edits`` (disjoint, in the current value) and note where they fall in the original."""
        current = self.value()
        # Each replaced stretch where it is now, and how much it has moved what follows (prefix sums).
        now: list[tuple[int, int]] = []
        shifts = [0]
        for start, end, text in self.replaced:
            now.append((start + shifts[-1], start + shifts[-1] + len(text)))
            shifts.append(shifts[-1] + len(text) - (end - start))
        # Edits that touch each other or the same replaced stretch become one stretch:
        # [current start, current end, first stretch taken in, stretch after the last one, edits].
        groups: list[tuple[int, int, int, int, list[Edit]]] = []
        taken = 0
        for edit in sorted(edits):
            low, high = edit[0], edit[1]
            while taken < len(now) and now[taken][1] < low:
                taken += 1
            first = taken
            while taken < len(now) and now[taken][0] <= high:
                low, high = min(low, now[taken][0]), max(high, now[taken][1])
                taken += 1
            if groups and low <= groups[-1][1]:
                start, end, first, _, group_edits = groups.pop()
                low, high = min(low, start), max(high, end)
                group_edits.append(edit)
            else:
                group_edits = [edit]
            groups.append((low, high, first, taken, group_edits))
        kept, done = [], 0
        for low, high, first, after, group_edits in groups:
            kept += self.replaced[done:first]
            text = _apply(current[low:high], [(start - low, end - low, new) for start, end, new in group_edits])
            kept.append((low - shifts[first], high - shifts[after], text))
            done = after
        self.replaced = kept + self.replaced[done:]

    def regions(self) -> tuple[Region, ...]:
        """Where the value differs from the original, in both."""
        regions, shift = [], 0
        for start, end, text in self.replaced:
            if self.original[start:end] != text:
                regions.append((start, end, start + shift, start + shift + len(text)))
            shift += len(text) - (end - start)
        return tuple(regions)


def _mend(field: TextField) -> _Mended:
    """The value with every mechanical edit applied, repeated while one fix reveals another.

    Removing a space can bring a half-width comma next to a Han character; a
    few rounds settle it (each round only shortens or keeps the text).
    """
    mended = _Mended(field.value)
    value = field.value
    for _ in range(5):
        edits = [edit for hit in _hits_of(field.role, value) for edit in hit[4]]
        if not edits:
            break
        mended.apply(edits)
        value = mended.value()
    return mended


def fix(speech: Speech) -> tuple[Speech, list[Change]]:
    """A copy of the record with the mechanical findings fixed, and what changed.

    Placeholders, headings, missing elaborations and missing stops need a
    person and are left as they are. The record passed in is not modified.
    """
    fixed = copy.deepcopy(speech)
    changes = []
    for field in text_fields(speech):
        mended = _mend(field)
        after = mended.value()
        if after != field.value:
            set_field(fixed, field.path, after)
            changes.append(Change(field.path, field.step, field.value, after, mended.regions()))
    return fixed, changes


def apply_changes(speech: Speech, changes: list[Change]) -> Speech:
    """A copy of the record with only the chosen changes applied (each where still unedited)."""
    result = copy.deepcopy(speech)
    current = {field.path: field.value for field in text_fields(speech)}
    for change in changes:
        if current.get(change.field) == change.before:
            set_field(result, change.field, change.after)
    return result
