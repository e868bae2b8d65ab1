"""Checks as you type, editing lists of points, and pasting paragraphs."""

from __future__ import annotations

from textual import events
from textual.widgets import Collapsible, OptionList

from tests.ui.conftest import (
    click,
    click_tab,
    demo_app,
    item_button,
    new_app,
    paste_into,
    screen_text,
    small_app,
    widget_for,
)


async def test_a_date_that_does_not_exist_is_shown_kept_and_listed(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.start", "2026-02-30")
        assert "没有这一天：2026年2月30日" in screen_text(pilot)
        # Moving on is allowed, and the typed text is still there on return.
        await pilot.press("f3")
        await pilot.press("f2")
        await pilot.pause()
        assert widget_for(pilot, "training.start").value == "2026-02-30"
        await click_tab(pilot, "review")
        await pilot.pause()
        problems = app.screen.query_one("#problems", OptionList)
        listed = [str(problems.get_option_at_index(i).prompt) for i in range(problems.option_count)]
        assert any("没有这一天" in line for line in listed)
        # Saving waits for a date that can be written: the typed text is not thrown away.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.return_value is None and app.is_running
        assert app.state.step == "training"
        assert app.focused is widget_for(pilot, "training.start")


async def test_each_field_has_its_label_atop_its_frame_and_its_hint_below(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # The whole first step fits a 40-row terminal: the form does not scroll.
        form = app.screen.query_one("#form")
        assert form.virtual_size.height <= form.size.height
        # The title block, folded away while it is empty, opens when asked.
        app.screen.query_one("#title-block", Collapsible).collapsed = False
        await pilot.pause()
        form.scroll_end(animate=False)
        await pilot.pause()
        rows = screen_text(pilot).splitlines()
        fields = [field for field in app.screen.fields() if app.screen.region.contains_region(field.region)]
        assert len(fields) >= 5
        for field in fields:
            box = field.region
            top, bottom = rows[box.y], rows[box.bottom - 1]
            assert field.prompt["label"] in top, (field.path, top)
            if field.prompt.get("hint"):
                assert field.prompt["hint"] in bottom, (field.path, bottom)
        assert {"title", "subtitle", "speaker", "date_line"} <= {field.path for field in fields}


async def test_a_field_message_comes_with_its_problem_and_goes_when_the_field_is_left(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.screen.query(".field-message"), "a step without problems opens with no message lines"
        await paste_into(pilot, "training.start", "开班那天")
        line = app.screen.query_one("#m-training-start")
        assert line.display and "看不懂这个日期" in screen_text(pilot)
        # Fixed while still typing: the line goes blank but keeps its place until the field is left.
        await paste_into(pilot, "training.start", "2026年11月3日")
        assert line.display and "看不懂这个日期" not in screen_text(pilot)
        await pilot.press("tab")
        await pilot.pause()
        assert not line.display
        # Wrong again: the same line comes back, no second one.
        await paste_into(pilot, "training.start", "开班那天")
        assert line.display and len(app.screen.query(".field-message")) == 1
        assert "看不懂这个日期" in screen_text(pilot)


async def test_messages_of_fields_side_by_side_go_under_their_row_labelled_in_field_order(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # The end date goes wrong first; its line still comes after the start date's.
        await paste_into(pilot, "training.end", "后来")
        await paste_into(pilot, "training.start", "开班那天")
        row = app.screen.query_one(".dates")
        start, end = (widget_for(pilot, path).message_line for path in ("training.start", "training.end"))
        assert start is not None and end is not None
        assert row.region.bottom <= start.region.y < end.region.y, "under the row, in the fields' order"
        rows = screen_text(pilot).splitlines()
        assert rows[start.region.y].strip().startswith("开始日期 看不懂这个日期：开班那天")
        assert rows[end.region.y].strip().startswith("结束日期 看不懂这个日期：后来")
        # A field on a line of its own has its message right under it, unlabelled.
        await paste_into(pilot, "training.name", "")
        await pilot.press("tab")
        await pilot.pause()
        name = widget_for(pilot, "training.name")
        assert name.message_line is not None and name.message_line.region.y == name.region.bottom
        assert screen_text(pilot).splitlines()[name.region.bottom].strip().startswith("请填写培训班名称  ")


async def test_an_end_before_the_start_is_shown_and_the_review_leads_back(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.start", "11月5日")
        await paste_into(pilot, "training.end", "11月3日")
        assert "结束日期早于开始日期" in screen_text(pilot)
        await click_tab(pilot, "review")
        await pilot.pause()
        problems = app.screen.query_one("#problems", OptionList)
        listed = [str(problems.get_option_at_index(i).prompt) for i in range(problems.option_count)]
        number = next(i for i, line in enumerate(listed) if "结束日期早于开始日期" in line)
        problems.focus()
        problems.highlighted = number
        await pilot.press("enter")
        await pilot.pause()
        assert app.state.step == "training"
        assert app.focused is widget_for(pilot, "training.end")


async def test_points_are_added_moved_and_removed(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "f3")
        await paste_into(pilot, "sections[0].heading", "学习体会")
        await paste_into(pilot, "sections[0].points[0].lead", "甲")
        for text in ("乙", "丙"):
            await click(pilot, ".add-point")
            await pilot.pause()
            points = app.state.session.speech.sections[0].points
            await paste_into(pilot, f"sections[0].points[{len(points) - 1}].lead", text)
        leads = lambda: [point.lead for point in app.state.session.speech.sections[0].points]  # noqa: E731
        assert leads() == ["甲", "乙", "丙"]
        # Move 丙 up: the record and the preview both follow.
        button = item_button(pilot, "point", "up", 2)
        await click(pilot, button)
        await pilot.pause()
        assert leads() == ["甲", "丙", "乙"]
        assert "甲。丙。乙。" in screen_text(pilot)
        fields = [widget_for(pilot, f"sections[0].points[{number}].lead").value for number in range(3)]
        assert fields == ["甲", "丙", "乙"] and app.focused is widget_for(pilot, "sections[0].points[1].lead")
        # Remove the first point.
        button = item_button(pilot, "point", "remove", 0)
        await click(pilot, button)
        await pilot.pause()
        assert leads() == ["丙", "乙"]
        assert widget_for(pilot, "sections[0].points[0].lead").value == "丙"
        assert "丙。乙。" in screen_text(pilot)


async def test_sections_are_reordered_within_their_step(private_home):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "f3")
        headings = lambda: [section.heading[:4] for section in app.state.session.speech.sections]  # noqa: E731
        assert headings() == ["深入学习", "坚持把政", "聚焦高质"]
        button = item_button(pilot, "section", "down", 0)
        await click(pilot, button)
        await pilot.pause()
        assert headings() == ["坚持把政", "深入学习", "聚焦高质"]
        text = screen_text(pilot)
        assert "一、坚持把政治建设摆在首位" in text or app.state.speech_text().startswith("各位")
        assert app.state.speech_text().splitlines()[2].startswith("一、坚持把政治建设摆在首位")


async def test_a_multi_line_paste_into_a_paragraph_field_is_kept_whole(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "f3")
        await paste_into(pilot, "sections[0].heading", "标题")
        await paste_into(pilot, "sections[0].points[0].lead", "领起句。")
        await paste_into(pilot, "sections[0].points[0].body", "第一句话，\n第二句话，\n第三句话。")
        assert app.state.session.speech.sections[0].points[0].body == "第一句话，\n第二句话，\n第三句话。"
        # The speech keeps one paragraph a line: the pasted lines are joined.
        assert "领起句。第一句话，第二句话，第三句话。" in app.state.speech_text()
        assert "领起句。第一句话，第二句话，第三句话。" in screen_text(pilot).replace("\n", "").replace(
            "│", ""
        ).replace(" ", "")


async def test_a_multi_line_paste_into_a_one_line_field_joins_the_lines(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3", "f3")
        await paste_into(pilot, "sections[0].heading", "坚持学思结合，\n把理论学习引向深入\n")
        assert widget_for(pilot, "sections[0].heading").value == "坚持学思结合，把理论学习引向深入"
        assert app.state.session.speech.sections[0].heading == "坚持学思结合，把理论学习引向深入"


async def test_a_new_course_group_starts_at_its_verb(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.go_to("courses")
        await pilot.pause()
        groups = len(app.state.speech.courses)
        await click(pilot, "#add-group")
        assert len(app.state.speech.courses) == groups + 1
        assert app.focused is widget_for(pilot, f"courses[{groups}].verb")


async def test_typing_into_a_suggested_value_replaces_it_and_never_doubles_it(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.go_to("courses")
        await pilot.pause()
        verb = widget_for(pilot, "courses[0].verb")
        assert verb.value == "深入学习了"
        verb.focus()
        await pilot.pause()
        pilot.app.post_message(events.Paste("系统学习了"))
        await pilot.pause()
        assert verb.value == "系统学习了" and app.state.speech.courses[0].verb == "系统学习了"
        # Once the user's own, entering it again puts the cursor in it: typing adds, nothing is wiped.
        widget_for(pilot, "courses[0].items").focus()
        await pilot.pause()
        verb.focus()
        await pilot.pause()
        await pilot.press("end", "x")
        assert verb.value == "系统学习了x"
        # The kind's closing, a paragraph field, the same way.
        app.go_to("review")
        await pilot.pause()
        closing = widget_for(pilot, "closing")
        assert closing.text == "发言完毕，谢谢。"
        closing.focus()
        await pilot.pause()
        pilot.app.post_message(events.Paste("我的发言完毕，谢谢大家！"))
        await pilot.pause()
        assert app.state.speech.closing == "我的发言完毕，谢谢大家！"


async def test_a_removed_point_section_or_group_comes_back_with_ctrl_z_and_focus_goes_to_its_neighbour(private_home):
    app = small_app()
    async with app.run_test(size=(120, 40)) as pilot:
        speech = app.state.speech
        app.go_to("reflections")
        await pilot.pause()
        points = speech.sections[0].points
        before = [point.lead for point in points]
        await click(pilot, item_button(pilot, "point", "remove", 1))
        assert [point.lead for point in points] == before[:1] + before[2:]
        assert app.focused is widget_for(pilot, "sections[0].points[1].lead"), "the next point's lead"
        assert app.screen.active_bindings["ctrl+z"].binding.description == "撤销删除"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [point.lead for point in points] == before
        assert app.focused is widget_for(pilot, "sections[0].points[1].lead")
        assert widget_for(pilot, "sections[0].points[1].lead").value == before[1]
        assert not app.screen.check_action("undo_removal", ()), "nothing more to undo"
        # A section: its neighbour's heading takes the focus; Ctrl+Z brings back all of its text.
        headings = [section.heading for section in speech.sections]
        text = app.state.speech_text()
        await click(pilot, item_button(pilot, "section", "remove", 0))
        assert [section.heading for section in speech.sections] == headings[1:]
        assert app.focused is widget_for(pilot, "sections[0].heading")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.state.speech_text() == text
        assert app.focused is widget_for(pilot, "sections[0].heading")
        # A course group, the last one: the focus goes to the button that adds one.
        app.go_to("courses")
        await pilot.pause()
        groups = list(speech.courses)
        for _ in groups:
            await click(pilot, item_button(pilot, "group", "remove", 0))
        assert speech.courses == []
        assert app.focused is app.screen.query_one("#add-group")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert speech.courses == groups[-1:], "the group removed last comes back"
        assert widget_for(pilot, "courses[0].items").text == "\n".join(groups[-1].items)
        # Once anything else changed, Ctrl+Z is the field's own undo again; the removal stays.
        await click(pilot, item_button(pilot, "group", "remove", 0))
        await click(pilot, "#add-group")
        items = widget_for(pilot, "courses[0].items")
        items.focus()
        await pilot.press("x")
        assert not app.screen.check_action("undo_removal", ())
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert items.text == "" and len(speech.courses) == 1, "the typing is undone, the removal stays"


async def test_a_step_seen_before_shows_its_own_sections_after_sections_were_added_or_removed_elsewhere(private_home):
    app = small_app()
    async with app.run_test(size=(120, 40)) as pilot:
        speech = app.state.speech
        action = next(section for section in speech.sections if section.kind == "action")
        app.go_to("actions")
        await pilot.pause()
        app.go_to("reflections")
        await pilot.pause()
        await click(pilot, "#add-section")
        await paste_into(pilot, app.focused.path, "新的体会部分")
        app.go_to("actions")
        await pilot.pause()
        heading = app.screen.query(".field-input").first()
        assert heading.value == action.heading, "step 4's first field is still its own section's heading"
        await paste_into(pilot, heading.path, "改过的打算标题")
        assert action.heading == "改过的打算标题"
        assert [section.heading for section in speech.sections].count("新的体会部分") == 1
        # And back: step 3 removes one of its sections; step 4 still edits its own.
        app.go_to("reflections")
        await pilot.pause()
        await click(pilot, item_button(pilot, "section", "remove", 0))
        app.go_to("actions")
        await pilot.pause()
        assert app.screen.query(".field-input").first().value == "改过的打算标题"
