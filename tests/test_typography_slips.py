"""Typing slips check used to miss: doubled marks, turned or unpaired quotes and brackets, a 顿号
between quoted items, full-width digits. Each is found in every kind of field, mended where the
mend is certain, and correct text raises nothing."""

from __future__ import annotations

import pytest

from wizard.model import CourseGroup, Opening, Point, Section, Speech, Training
from wizard.record_paths import get_text
from wizard.record_texts import set_field
from wizard.typography import find, fix

#: (slip, kind found, mended text or None when only reported). In a sentence, as typed.
SLIPS = [
    ("学习体会，，我们要努力", "doubled-punctuation", "学习体会，我们要努力"),
    ("取得成效。。下一步要努力", "doubled-punctuation", "取得成效。下一步要努力"),
    ("学习、、实践", "doubled-punctuation", "学习、实践"),
    ("一是学习；；二是实践", "doubled-punctuation", "一是学习；二是实践"),
    ("体会如下：：要努力", "doubled-punctuation", "体会如下：要努力"),
    ("坚持”以人民为中心“的发展思想", "turned-quote", "坚持“以人民为中心”的发展思想"),
    ("增强“四个意识”、“四个自信”", "pause-between-quoted", "增强“四个意识”“四个自信”"),
    ("研读了《论持久战》、《实践论》", "pause-between-quoted", "研读了《论持久战》《实践论》"),
    ("参加第３期培训", "full-width-digit", "参加第3期培训"),
    ("他强调“要久久为功", "unpaired", None),
    ("培训（为期五天，收获很大", "unpaired", None),
    ("研读了《实践论，收获很大", "unpaired", None),
    ("收获很大”我们要努力", "unpaired", None),
    ("为期五天）收获很大", "unpaired", None),
]

#: Where each kind of field sits in a record: heading, lead, elaboration, course item, opening, closing.
FIELDS = {
    "heading": "sections[0].heading",
    "lead": "sections[0].points[0].lead",
    "elaboration": "sections[0].points[0].body",
    "course item": "courses[0].items",
    "opening": "opening.text",
    "closing": "closing",
}


def record_with(field: str, text: str) -> Speech:
    """A clean record with ``text`` in one field (a paragraph gets its full stop)."""
    speech = Speech(
        training=Training(name="研讨班"),
        courses=[CourseGroup("深入学习了", ["党的二十大精神"], "等重点内容")],
        opening=Opening(own=True, text="近日，我参加了培训。"),
        closing="发言完毕，谢谢。",
        sections=[Section(heading="学有所得", points=[Point(lead="要学。", body="学而时习之。")])],
    )
    ended = text if field in ("heading", "course item") else text + "。"
    if field == "course item":
        speech.courses[0].items = [ended]
    else:
        set_field(speech, FIELDS[field], ended)
    return speech


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize(("slip", "kind", "mended"), SLIPS)
def test_each_slip_is_found_in_every_kind_of_field_and_mended_when_certain(field, slip, kind, mended):
    speech = record_with(field, slip)
    found = [finding for finding in find(speech) if finding.kind == kind]
    assert len(found) == 1, [finding.message for finding in find(speech)]
    assert found[0].field.startswith(FIELDS[field])
    # The message quotes the spot in its context, as the other rules do.
    assert found[0].context and found[0].message
    fixed, changes = fix(speech)
    text = get_text(fixed, FIELDS[field])
    if mended is None:
        assert text == get_text(speech, FIELDS[field]), "an unpaired mark is reported, not guessed at"
    else:
        assert text.startswith(mended) and not [f for f in find(fixed) if f.kind == kind]
        assert changes


CORRECT = [
    "增长了5.2%，投资12.5亿元",
    "推进5G网络建设，GDP稳步增长",
    "他说：“要把‘为人民服务’记在心上。”",
    "正如“两个确立”“四个意识”所要求的",
    "研读了《论持久战》《实践论》等著作",
    "这些成绩……来之不易",
    "11月3日至5日，参加了培训",
    "11月3日—5日，参加了培训（第二期）",
    "坚持“以人民为中心”的发展思想",
    "一是学习，二是实践；三是总结：要努力",
]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("text", CORRECT)
def test_correct_text_raises_nothing_and_is_left_untouched(field, text):
    speech = record_with(field, text)
    assert find(speech) == []
    fixed, changes = fix(speech)
    assert changes == [] and get_text(fixed, FIELDS[field]) == get_text(speech, FIELDS[field])


def test_a_quote_left_open_in_one_paragraph_is_not_closed_by_the_next():
    speech = record_with("opening", "他强调“要久久为功。\n我们要”努力")
    kinds = sorted(finding.kind for finding in find(speech))
    assert kinds == ["unpaired", "unpaired"]
