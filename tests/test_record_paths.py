"""Record paths: the one way form fields, problems and fixes name a place in a record."""

from __future__ import annotations

import pytest

from wizard import record_paths
from wizard.record_texts import set_field, text_fields


def test_every_text_field_path_can_be_located_and_written(example):
    for field in text_fields(example):
        holder, key = record_paths.locate(example, field.path)
        value = holder[key] if isinstance(key, int) else getattr(holder, key)
        assert value == field.value
        set_field(example, field.path, field.value + "改")
    assert example.training.organisers[1].endswith("改")
    assert example.sections[2].points[0].body.endswith("改")


@pytest.mark.parametrize(
    "path", ["", "training.nope", "sections[9].heading", "sections[0].points[99].lead", "training..name", "x[0]"]
)
def test_a_path_that_names_nothing_is_a_key_error(example, path):
    with pytest.raises(KeyError):
        record_paths.locate(example, path)


def test_form_text_of_a_list_is_one_item_a_line(example):
    assert record_paths.get_text(example, "training.organisers") == "省委组织部\n省委党校"
    record_paths.set_text(example, "training.organisers", " 甲 \n\n乙\x1b\n")
    assert example.training.organisers == ["甲", "乙"]


@pytest.mark.parametrize(
    ("path", "block"),
    [
        ("training.name", "opening"),
        ("courses[1].items", "opening"),
        ("sections[2].points[0].body", "section:2"),
        ("title", "title"),
        ("speaker", "title"),
        ("closing", "closing"),
        ("salutation", "salutation"),
    ],
)
def test_each_field_shows_up_in_its_block_of_the_speech(path, block):
    assert record_paths.block_key(path) == block
