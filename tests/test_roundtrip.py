"""Any text a user can type survives save and load, and any record renders."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard import storage
from wizard.assemble import render_text
from wizard.export import render_markdown
from wizard.model import (
    DATE_SEPARATORS,
    DATE_STYLES,
    OPENING_FRAMES,
    POINT_LAYOUTS,
    POINT_NUMBERINGS,
    CourseGroup,
    Layout,
    Opening,
    Point,
    Section,
    Signature,
    Speech,
    Training,
)
from wizard.text_cleaning import clean

#: Fragments that break naive TOML writers, terminals or the assembler.
TRICKY = [
    '"',
    "'",
    "\\",
    "\\n",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "[",
    "]]",
    "[[sections]]",
    '"""',
    "'''",
    "#",
    "=",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\x9b",
    "\u2028",
    "\ufeff",
    "😀",
    "👨‍👩‍👧",
    "“",
    "”",
    "，",
    "（）",
    " ",
]
texts = st.lists(
    st.one_of(st.sampled_from(TRICKY), st.text(st.characters(exclude_categories=("Cs",)), max_size=8)),
    max_size=6,
).map("".join)
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))

points = st.builds(Point, lead=texts, body=texts)
sections = st.builds(
    Section,
    heading=texts,
    intro=texts,
    points=st.lists(points, max_size=3),
    kind=st.sampled_from(["reflection", "action"]),
)
speeches = st.builds(
    Speech,
    title=texts,
    subtitle=texts,
    speaker=texts,
    date_line=dates,
    salutation=texts,
    greeting=texts,
    opening=st.builds(Opening, frame=st.sampled_from(OPENING_FRAMES), own=st.booleans(), text=texts),
    transition=texts,
    closing=texts,
    signature=st.builds(Signature, name=texts, date=dates),
    training=st.builds(
        Training,
        name=texts,
        note=texts,
        start=dates,
        end=dates,
        organisers=st.lists(texts, max_size=3),
        activities=st.lists(texts, max_size=2),
        duration=texts,
    ),
    courses=st.lists(st.builds(CourseGroup, verb=texts, items=st.lists(texts, max_size=3), tail=texts), max_size=3),
    sections=st.lists(sections, max_size=4),
    layout=st.builds(
        Layout,
        points=st.sampled_from(POINT_LAYOUTS),
        numbering=st.sampled_from(POINT_NUMBERINGS),
        date_style=st.sampled_from(DATE_STYLES),
        date_separator=st.sampled_from(DATE_SEPARATORS),
        speaking_rate=st.integers(60, 600),
        target_minutes=st.integers(0, 600),
    ),
)


def cleaned(value):
    """The record as loading must give it back: every text cleaned, nothing else changed."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [cleaned(item) for item in value]
    if isinstance(value, (Speech, Training, CourseGroup, Section, Point, Layout, Opening, Signature)):
        result = copy.copy(value)
        for spec in dataclasses.fields(value):
            setattr(result, spec.name, cleaned(getattr(value, spec.name)))
        return result
    return value


def no_control_characters(text: str) -> bool:
    return all(unicodedata.category(char) != "Cc" for char in text.replace("\n", ""))


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("roundtrip")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(speech=speeches)
def test_save_load_keeps_every_text_apart_from_control_characters(folder, speech):
    path = storage.save(speech, folder / "speech.toml").path
    loaded = storage.load(path)
    assert loaded == cleaned(speech)
    assert storage.load(storage.save(loaded, path).path) == loaded


@settings(max_examples=100, deadline=None)
@given(speech=speeches)
def test_any_record_renders_without_control_characters(speech):
    for text in (render_text(speech), render_markdown(speech)):
        assert text.endswith("\n")
        assert no_control_characters(text)


@pytest.mark.parametrize("first", TRICKY)
def test_every_pair_of_tricky_fragments_survives(first):
    for second in TRICKY:
        speech = Speech(training=Training(name=first + second, organisers=[second + first]))
        loaded = storage.loads(storage.dumps(speech))
        assert (loaded.training.name, loaded.training.organisers) == (clean(first + second), [clean(second + first)])


def test_clean_drops_exactly_c0_del_and_c1_and_normalises_line_ends():
    controls = [chr(code) for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(code) not in "\t\n\r"]
    assert clean("甲" + "".join(controls) + "乙") == "甲乙"
    assert clean("a\tb\nc\r\nd\re") == "a\tb\nc\nd\ne"
    kept = "\u00a0\u200b\u2028\ufeff😀“”"
    assert clean(kept) == kept
