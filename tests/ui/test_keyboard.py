"""The keyboard as a fast typist uses it: Tab moves on, keys land where the focus went, F6 everywhere."""

from __future__ import annotations

from textual import events

from tests.ui.conftest import item_button, new_app, paste_into, small_app, text_in, widget_for
from wizard.ui.widgets.phrase_complete import PhraseAutoComplete


def key(name: str, character: str | None = None) -> events.Key:
    return events.Key(name, character)


async def test_keys_sent_right_after_tab_land_in_the_field_tab_went_to(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.go_to("courses")
        await pilot.pause()
        widget_for(pilot, "courses[0].tail").focus()
        await pilot.pause()
        # As a terminal delivers a fast typist's keys (or an IME's commit, or a paste tool's):
        # all queued before the wizard has handled the first. Shift+Tab back, then Tab twice forward.
        for event in (key("shift+tab"), key("x", "x"), key("tab"), key("tab"), key("y", "y"), key("z", "z")):
            app.post_message(event)
        await pilot.pause()
        await pilot.pause()
        assert widget_for(pilot, "courses[0].verb").value.endswith("x")
        assert widget_for(pilot, "courses[0].tail").value == ""
        assert widget_for(pilot, "courses[0].items").text == "yz"
        assert app.state.speech.courses[0].items == ["yz"]


def shown_dropdown(pilot) -> PhraseAutoComplete | None:
    shown = [widget for widget in pilot.app.screen.query(PhraseAutoComplete) if widget.display]
    return shown[0] if shown else None


async def test_tab_moves_on_and_never_takes_a_suggestion_enter_and_right_do_f6_works_in_paragraphs(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "f3")
        lead = "sections[0].points[0].lead"
        await paste_into(pilot, lead, "在深学")
        await pilot.pause(0.1)
        dropdown = shown_dropdown(pilot)
        assert dropdown is not None, "typing opens the phrase drop-down"
        first = str(dropdown.option_list.get_option_at_index(0).prompt)
        # Framed, on a background of its own: never read as one line with the hint it covers.
        listing = dropdown.option_list
        assert listing.styles.border_top[0] != ""
        assert listing.styles.background != widget_for(pilot, lead).styles.background
        # Tab: on to the next field, the lead exactly as typed, the drop-down gone.
        await pilot.press("tab")
        await pilot.pause()
        assert app.state.speech.sections[0].points[0].lead == "在深学"
        assert app.focused is widget_for(pilot, "sections[0].points[0].body")
        assert shown_dropdown(pilot) is None
        # → at the end of the text takes the highlighted suggestion, as in a shell.
        await pilot.press("shift+tab")
        await pilot.press("end", "left", "right")  # into the field, the drop-down open again
        await pilot.pause(0.1)
        if shown_dropdown(pilot) is None:
            await pilot.press("down")  # the drop-down opens on ↓ when the field is entered
            await pilot.pause()
        assert shown_dropdown(pilot) is not None
        await pilot.press("right")
        await pilot.pause()
        assert app.state.speech.sections[0].points[0].lead == first
        assert app.focused is widget_for(pilot, lead)
        # F6 is the phrase bank in a paragraph field too (TextArea's own F6 selects the line), and says so.
        await pilot.press("tab")
        assert app.focused is widget_for(pilot, "sections[0].points[0].body")
        shown = app.screen.active_bindings["f6"].binding
        assert shown.show and shown.description == "常用语", "F6 is in the footer in a paragraph field"
        await pilot.press("f6")
        await pilot.pause()
        assert type(app.screen).__name__ == "PhrasePicker"


async def test_the_focused_field_stands_out_by_its_frame_and_label_and_the_preview_takes_no_tab_stop(private_home):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for step in ("training", "reflections"):
            app.go_to(step)
            await pilot.pause()
            focused, other = list(app.screen.query(".field-input"))[:2]
            focused.focus()
            await pilot.pause()
            assert focused.styles.border_top[0] == "heavy" != other.styles.border_top[0]
            assert focused.styles.border_title_color != other.styles.border_title_color
            assert not [widget for widget in app.screen.focus_chain if widget.id in ("preview", "form")]


async def test_keys_typed_right_after_enter_on_an_add_button_land_in_the_new_item(private_home):
    app = small_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.go_to("courses")
        await pilot.pause()
        app.screen.query_one("#add-group").focus()
        await pilot.pause()
        # Enter on ＋ 添加一组课程, then the new group's verb, tail and topic, all queued at once.
        keys = [key("enter"), key("a", "a"), key("tab"), key("b", "b"), key("tab"), key("c", "c")]
        for event in keys:
            app.post_message(event)
        await pilot.pause()
        await pilot.pause()
        group = app.state.speech.courses[-1]
        assert (group.verb, group.tail, group.items) == ("a", "b", ["c"])
        assert not app.state.speech.opening.own, "nothing went into the opening below"
        # Only the new card was made: the one before it can now move down, the new one cannot.
        last = len(app.state.speech.courses) - 1
        assert not item_button(pilot, "group", "down", last - 1).disabled
        assert item_button(pilot, "group", "down", last).disabled
        # And on step 3: Enter on ＋ 添加一点, then the new point's lead.
        app.go_to("reflections")
        await pilot.pause()
        app.screen.query(".add-point").first().focus()
        await pilot.pause()
        # Two points in a row, as fast as keys come: lead, Tab, body, Tab ×3 to ＋ 添加一点 (↑, ✕ on
        # the way; the new last point's ↓ cannot be used), Enter, the next lead.
        burst = [key("enter"), key("x", "x"), key("tab"), key("y", "y")]
        burst += [key("tab"), key("tab"), key("tab"), key("enter"), key("w", "w")]
        for event in burst:
            app.post_message(event)
        await pilot.pause(0.3)
        await pilot.pause()
        points = app.state.speech.sections[0].points
        assert [(point.lead, point.body) for point in points[-2:]] == [("x", "y"), ("w", "")]
        last = len(points) - 1
        assert not item_button(pilot, "point", "down", last - 1).disabled
        assert item_button(pilot, "point", "down", last).disabled
        # A section too: its card says 三、 (two reflections before it), its first field has the focus.
        app.screen.query_one("#add-section").focus()
        await pilot.pause()
        for event in [key("enter"), key("z", "z")]:
            app.post_message(event)
        await pilot.pause()
        await pilot.pause()
        assert app.state.speech.sections[2].heading == "z" and app.state.speech.sections[2].kind == "reflection"
        assert "三、" in text_in(pilot, ".section.card:last-of-type .card-title")
