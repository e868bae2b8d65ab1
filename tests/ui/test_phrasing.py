"""Help with the words in the wizard: suggestions, the phrase picker, import, speech kinds."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Select, SelectionList

from tests.ui.conftest import click, demo_app, draft_written, new_app, paste_into, screen_text, text_in, widget_for
from wizard import phrases, storage
from wizard.data_files import example_path
from wizard.ui.widgets.phrase_complete import PhraseAutoComplete


async def test_typing_in_a_lead_field_shows_matching_phrases(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "f3")
        await paste_into(pilot, "sections[0].points[0].lead", "在深学")
        await pilot.pause(0.2)
        dropdown = app.screen.query(PhraseAutoComplete).filter(".phrase-complete")
        shown = [widget for widget in dropdown if widget.display]
        assert len(shown) == 1, "the dropdown of the field being typed in is shown"
        sets = [
            phrase for phrase in phrases.bank().filtered("set", "reflections") if phrase.leads[0].startswith("在深学")
        ]
        expected = [sets[0].leads[0]]  # a lead of a parallel set, offered on its own
        assert expected[0] in screen_text(pilot)
        # Enter takes the highlighted suggestion.
        await pilot.press("enter")
        await pilot.pause()
        assert app.state.session.speech.sections[0].points[0].lead == expected[0]


async def test_the_picker_inserts_a_phrase_where_the_cursor_is(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "f3")
        widget_for(pilot, "sections[0].heading").focus()
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        listed = app.screen.query_one("#phrase-list", OptionList)
        heading = phrases.bank().filtered("heading", "reflections")[0].text
        assert "［标题］" in str(listed.get_option_at_index(0).prompt), "only headings for a heading field"
        await pilot.press("enter")
        await pilot.pause()
        assert app.state.session.speech.sections[0].heading == heading
        assert widget_for(pilot, "sections[0].heading").value == heading


async def test_pinyin_initials_find_a_parallel_set_which_becomes_three_points(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "f3")
        await paste_into(pilot, "sections[0].heading", "学习体会")
        widget_for(pilot, "sections[0].points[0].lead").focus()
        await pilot.press("f6")
        await pilot.pause()
        query = app.screen.query_one("#phrase-query", Input)
        query.value = "sxxw"
        await pilot.pause()
        found = app.screen.found
        assert found and all("深学细悟" in phrase.text for phrase in found[:1])
        chosen = found[0]
        assert chosen.is_set
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        leads = [point.lead for point in app.state.session.speech.sections[0].points]
        assert leads == list(chosen.leads), "the empty point is filled, then points are added"
        assert widget_for(pilot, "sections[0].points[2].lead").value == chosen.leads[2]


async def test_importing_a_section_and_a_point_from_a_past_record(private_home):
    past = storage.load(example_path())
    past.training.name = "去年的研讨班"
    storage.save(past, private_home / "去年.toml")
    (private_home / "坏的.toml").write_text("[[", encoding="utf-8")  # skipped, not fatal
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "f3")
        await paste_into(pilot, "sections[0].heading", "本次的体会")
        await draft_written(app)  # this speech's own draft is not a past record to import from
        app.action_import()
        await pilot.pause()
        records = app.screen.query_one("#import-records", OptionList)
        assert records.option_count == 1
        assert "去年的研讨班" in str(records.get_option_at_index(0).prompt)
        records.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        parts = app.screen.query_one("#import-parts", SelectionList)
        parts.select("s1")  # the whole second section (政治建设)
        parts.select("p0-1")  # and one point of the first
        await click(pilot, "#yes")
        await app.workers.wait_for_complete()
        await pilot.pause()
        sections = app.state.session.speech.sections
        assert [s.heading[:4] for s in sections] == ["本次的体", "", "坚持把政", ""]
        assert sections[0].points[-1].lead == past.sections[0].points[1].lead
        assert sections[2].kind == "reflection"
        assert "坚持把政治建设摆在首位" in app.state.speech_text()


async def test_choosing_the_written_kind_on_the_first_screen(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "党校中青班")
        choice = app.screen.query_one("#template", Select)
        choice.value = "written"
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        speech = app.state.session.speech
        assert speech.training.name == "党校中青班", "switching kinds keeps what was typed"
        assert speech.salutation == "" and speech.closing == ""
        assert speech.title, "a written reflection has a title line"
        text = app.state.speech_text()
        assert not text.startswith("各位领导")
        assert widget_for(pilot, "training.name").value == "党校中青班"


async def test_an_edited_record_offers_no_kind_choice(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.screen.query("#template")


async def test_a_broken_user_template_is_named_and_skipped(private_home):
    folder = private_home / "home" / "templates"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text("[template\nname = ", encoding="utf-8")
    app = new_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert "mine.toml" in text_in(pilot, "Toast")
        app.screen.query_one("#template", Select).focus()
        await pilot.press("enter")  # the list of kinds: the others are still there
        await pilot.pause()
        assert "学习心得交流发言" in screen_text(pilot) and "表态发言" in screen_text(pilot)
