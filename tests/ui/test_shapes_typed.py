"""A closing-ceremony speech (tests/fixtures/shapes/p2) typed into a new speech, as a user would."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Select, TextArea

from tests.ui.conftest import click, new_app, paste_into, screen_text, widget_for
from wizard.checks import check, has_errors

P2 = Path(__file__).parent.parent / "fixtures" / "shapes" / "p2.txt"


async def next_step(pilot) -> None:
    await click(pilot, "#next")


async def type_in(pilot, path: str, text: str) -> None:
    """Replace the field's text by pasting ``text``, as ``paste_into`` does, without its pauses before."""
    widget = widget_for(pilot, path)
    widget.focus()
    if isinstance(widget, TextArea):
        widget.clear()
    else:
        widget.value = ""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    await pilot.pause()  # the field's message line and the layout follow a frame later


async def test_p2_typed_into_a_new_speech_prints_exactly_its_text(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Step 1: the kind of speech, the course, and the title block (folded away until opened).
        app.screen.query_one("#template", Select).value = "ceremony"
        await pilot.pause()
        await type_in(pilot, "training.name", "市委党校第八期中青年干部培训班")
        await type_in(pilot, "training.duration", "两个月")
        await type_in(pilot, "training.organisers", "市委组织部\n市委党校")
        await click(pilot, "#title-block CollapsibleTitle")
        await type_in(pilot, "title", "不负韶华勇担当")
        await type_in(pilot, "subtitle", "——在市委党校第八期中青年干部培训班结业式上的发言")
        await type_in(pilot, "speaker", "陈静")
        # Step 2: the opening in the writer's own words, then the transition.
        await next_step(pilot)
        assert "很荣幸作为学员代表在结业式上发言。两个月来，在市委组织部和市委党校的精心安排下" in (
            app.state.session.text_of("opening.text")
        ), "the assembled opening, in the ceremony's frame, is there to start from"
        await paste_into(
            pilot,
            "opening.text",
            "很荣幸作为学员代表在结业式上发言。两个月来，在市委组织部和市委党校的精心安排下，"
            "我们系统学习了党的创新理论，开展了专题研讨和实地调研，度过了一段充实而难忘的时光。",
        )
        assert "自己写的开头" in screen_text(pilot)
        await type_in(pilot, "transition", "下面，我代表全体学员谈两点收获：")
        # Step 3: two sections of two points each; the template set （一） points, a paragraph each.
        await next_step(pilot)
        sections = [
            (
                "理论功底更加扎实",
                [
                    (
                        "读原著学原文更加系统。",
                        "我们逐篇研读了重要著作，撰写读书笔记二十余篇，对党的创新理论有了更加系统的理解。",
                    ),
                    (
                        "学用结合更加紧密。",
                        "围绕全市重点工作，我们带着问题学、联系实际悟，把所学所思转化为推动工作的思路。",
                    ),
                ],
            ),
            (
                "党性修养更加坚定",
                [
                    ("在现场教学中接受洗礼。", "走进革命旧址，重温入党誓词，我们深刻感悟到初心使命的分量。"),
                    ("在严格管理中锤炼作风。", "学校严格落实学员管理规定，大家自觉遵守纪律，养成了良好学风。"),
                ],
            ),
        ]
        for index, (heading, points) in enumerate(sections):
            await type_in(pilot, f"sections[{index}].heading", heading)
            for number, (lead, body) in enumerate(points):
                if number:
                    await click(pilot, app.screen.query(".add-point")[index])
                await type_in(pilot, f"sections[{index}].points[{number}].lead", lead)
                await type_in(pilot, f"sections[{index}].points[{number}].body", body)
        # Step 4 has nothing for this speech; step 5: the greeting and the two-line closing.
        await next_step(pilot)
        await next_step(pilot)
        await type_in(pilot, "greeting", "大家上午好！")
        await paste_into(
            pilot,
            "closing",
            "最后，衷心感谢市委组织部、市委党校对我们的关心培养，感谢各位老师的辛勤付出！\n我的发言完毕，谢谢大家！",
        )
        assert app.state.speech_text() == P2.read_text(encoding="utf-8")
        assert not has_errors(check(app.state.speech))
        # What the review step previews is that text, line by line.
        shown = screen_text(pilot)
        for line in ("不负韶华勇担当", "大家上午好！", "（一）读原著学原文更加系统。"):
            assert line in shown


async def test_the_opening_follows_the_facts_until_typed_in_and_sections_say_how_they_are_numbered(private_home):
    app = new_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await paste_into(pilot, "training.name", "全县乡村振兴专题培训班")
        app.go_to("courses")
        await pilot.pause()
        area = app.screen.query_one("#f-opening-text")
        assert area.text == "参加了全县乡村振兴专题培训班学习。"
        # Another frame: the field and the speech follow.
        app.screen.query_one("#opening-frame", Select).value = "recently"
        await pilot.pause()
        assert area.text == app.state.speech_text().splitlines()[1] == "近日，我参加了全县乡村振兴专题培训班。"
        # Typed in: the writer's own, kept as typed, whatever the facts say later.
        await paste_into(pilot, "opening.text", "近日，我有幸参加了培训。\n第二段。")
        assert app.state.speech.opening.own
        app.go_to("training")
        await pilot.pause()
        await paste_into(pilot, "training.name", "另一个培训班")
        app.go_to("courses")
        await pilot.pause()
        assert app.state.speech_text().splitlines()[1:3] == ["近日，我有幸参加了培训。", "第二段。"]
        # Assembling again asks first; saying no keeps the writer's text.
        await click(pilot, "#assemble-opening")
        await click(pilot, "#no")
        assert app.state.speech.opening.own and area.text == "近日，我有幸参加了培训。\n第二段。"
        await click(pilot, "#assemble-opening")
        await click(pilot, "#yes")
        assert not app.state.speech.opening.own
        assert area.text == app.state.speech_text().splitlines()[1] == "近日，我参加了另一个培训班。"
        assert app.screen.query_one("#assemble-opening").disabled
        # Step 3: a section card says whether it prints with a number, as its text comes and goes.
        app.go_to("reflections")
        await pilot.pause()
        titles = lambda: [str(title.render()) for title in app.screen.query(".section .card-title")]  # noqa: E731
        assert titles()[:2] == ["一、", "二、"]
        await paste_into(pilot, "sections[0].points[0].lead", "要把准方向")
        assert titles()[0].startswith("（不写标题") and titles()[1] == "一、"
        await paste_into(pilot, "sections[0].heading", "把准方向")
        assert titles()[:2] == ["一、", "二、"]
