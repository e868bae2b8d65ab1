"""The phrase bank: its wording follows the genre, and search finds by text or pinyin."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wizard import phrases
from wizard.phrases import PhraseBankError, parse_bank

SAMPLE = (Path(__file__).resolve().parents[1] / "tests" / "sample.txt").read_text(encoding="utf-8")
BANK = phrases.bank()
ASCII_PUNCTUATION = re.compile(r"[,.:;!?()\"'\[\]]")


def test_bank_has_several_dozen_entries_in_every_theme_and_kind():
    assert len(BANK.phrases) >= 70
    for theme in ("learning", "political", "practice", "next_steps"):
        assert len([phrase for phrase in BANK.phrases if phrase.theme == theme]) >= 10, theme
    for kind in (*phrases.PHRASE_KINDS, phrases.SET_KIND):
        assert [phrase for phrase in BANK.phrases if phrase.kind == kind], kind
    assert set(BANK.kinds) == {*phrases.PHRASE_KINDS, phrases.SET_KIND}


def _sentences(phrase: phrases.Phrase) -> tuple[str, ...]:
    return phrase.leads if phrase.is_set else (phrase.text,)


def test_punctuation_follows_the_genre():
    for phrase in BANK.phrases:
        for text in _sentences(phrase):
            assert not ASCII_PUNCTUATION.search(text), text
            assert " " not in text and "「" not in text and "——" not in text, text
            assert text.count("“") == text.count("”"), text
            if phrase.kind == "heading":
                assert text[-1] not in "。，；：、！？", text
            elif phrase.kind in ("lead", "intro", "set"):
                assert text.endswith("。"), text
            elif phrase.kind == "salutation":
                assert text.endswith("："), text
            elif phrase.kind == "closing":
                assert text[-1] in "。！", text


def test_parallel_sets_hold_three_leads_that_share_a_pattern():
    sets = [phrase for phrase in BANK.phrases if phrase.is_set]
    assert len(sets) >= 8
    for parallel in sets:
        assert len(parallel.leads) == 3
        assert parallel.pieces() == parallel.leads
        assert parallel.text == "".join(parallel.leads)
        # A parallel set repeats its frame: the leads share a start or an end.
        firsts = {lead[:1] for lead in parallel.leads}
        lasts = {lead[-3:] for lead in parallel.leads}
        assert len(firsts) == 1 or len(lasts) == 1, parallel.leads


def test_wording_is_original_not_lifted_from_the_sample():
    for phrase in BANK.phrases:
        if phrase.kind in ("closing", "salutation"):
            continue  # stock formulas of the genre, the same everywhere
        for text in _sentences(phrase):
            assert text.rstrip("。") not in SAMPLE, text


def test_no_entry_appears_twice():
    texts = [phrase.text for phrase in BANK.phrases]
    assert len(texts) == len(set(texts))


def test_pinyin_initials_find_the_parallel_set():
    found = phrases.search("sxxw")
    assert found and found[0].is_set
    assert found[0].leads[0].startswith("在深学细悟中")
    assert phrases.search("ｓｘｘｗ") == found  # typed with a full-width IME
    assert phrases.search("SXXW") == found


def test_substring_and_full_pinyin_find_entries():
    assert any("深学细悟" in phrase.text for phrase in phrases.search("深学细悟"))
    assert any("深学细悟" in phrase.text for phrase in phrases.search("shenxue"))
    assert phrases.search("这几个字不在语库里") == []


def test_every_word_of_a_query_must_match():
    found = phrases.search("以学 推动")
    assert found
    assert all("以学" in phrase.text and "推动" in phrase.text for phrase in found)


def test_text_matches_rank_before_pinyin_and_starts_before_insides():
    found = phrases.search("要坚持", kind="lead")
    assert found[0].text.startswith("要坚持")
    starts = [phrase.text.startswith("要坚持") for phrase in found]
    assert starts == sorted(starts, reverse=True)


def test_kind_filter():
    assert {phrase.kind for phrase in phrases.search("", kind="heading")} == {"heading"}
    both = {phrase.kind for phrase in phrases.search("", kind=("lead", "set"))}
    assert both == {"lead", "set"}
    with pytest.raises(ValueError, match="没有这种常用语"):
        phrases.search("", kind="headline")


def test_step_offers_its_themes_and_kinds_main_theme_first():
    reflections = phrases.search("", step="reflections")
    assert {phrase.theme for phrase in reflections} == {"learning", "political", "practice"}
    assert {phrase.kind for phrase in reflections} <= {"heading", "lead", "intro", "set"}
    actions = phrases.search("", step="actions")
    assert actions[0].theme == "next_steps"
    assert "next_steps" in {phrase.theme for phrase in actions}
    review = phrases.search("", step="review")
    assert {phrase.kind for phrase in review} == {"salutation", "closing"}
    assert phrases.search("", step="training") == []
    with pytest.raises(ValueError, match="没有这个步骤"):
        phrases.search("", step="nonsense")


def test_suggest_completes_what_is_typed():
    found = phrases.suggest("在深学", "set")
    assert found and found[0].text.startswith("在深学细悟中")
    leads = phrases.suggest("要坚持", "lead", limit=2)
    assert len(leads) == 2 and all(phrase.kind == "lead" for phrase in leads)
    assert phrases.suggest("", "lead") == []
    assert phrases.suggest("   ", "lead") == []


def test_suggest_leaves_out_what_is_already_typed_in_full():
    typed = "要持续改进工作作风。"
    assert typed in [phrase.text for phrase in phrases.search(typed)]
    assert typed not in [phrase.text for phrase in phrases.suggest(typed, "lead")]


def test_a_broken_bank_names_the_entry_at_fault():
    good = {"themes": {"learning": "学习领会"}}
    with pytest.raises(PhraseBankError, match=r"phrase\[0\]\.kind"):
        parse_bank({**good, "phrase": [{"kind": "poem", "theme": "learning", "text": "x"}]})
    with pytest.raises(PhraseBankError, match=r"phrase\[0\]\.theme"):
        parse_bank({**good, "phrase": [{"kind": "lead", "theme": "poetry", "text": "x"}]})
    with pytest.raises(PhraseBankError, match=r"set\[0\]\.leads"):
        parse_bank({**good, "set": [{"theme": "learning", "leads": ["只有一句。"]}]})
    with pytest.raises(PhraseBankError, match=r"phrase\[0\]"):
        parse_bank({**good, "phrase": ["not a table"]})


def test_suggest_takes_latin_letters_as_written_not_as_pinyin():
    assert phrases.search("sxxw")
    assert phrases.suggest("sxxw", "set") == []


def test_pinyin_reads_words_in_context_and_matches_from_a_syllable():
    from wizard.pinyin import initials_of, rank

    assert initials_of("行家里手") == "hjls"  # 行 read hang in 行家, not xing
    assert initials_of("以“两个维护”为5G") == "ylgwhw5g"  # punctuation dropped, Latin kept
    assert rank("做好工作", "hao") == 4
    assert rank("做好工作", "ao") is None
    assert rank("做好工作", "做好") == 0 and rank("做好工作", "工作") == 1
    assert rank("做好工作", "zhg") == 2 and rank("做好工作", "hgz") == 3
    assert rank("做好工作", "hgz", pinyin=False) is None
