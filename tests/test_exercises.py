"""Exercise checks as pure functions, and the widgets driven as a student would."""

from __future__ import annotations

import pandas as pd
import pytest

import kit
import kit.widgets
from kit import exercises, progress
from kit.exercises import check

# --- pure checks -----------------------------------------------------------------------------


def test_choice_right_and_wrong(key):
    spec = key["exercises"]["anatomy.lede"]
    right = check(spec, "p1")
    assert right.score == 1.0
    assert "All right!" in right.summary
    assert "who (Kerry, Lavrov, Putin)" in right.items[0].explanation
    wrong = check(spec, "p3")
    assert wrong.score == 0.0
    assert wrong.items[0].item == "p3"
    assert "first quotation" in wrong.items[0].explanation


def test_choice_with_nothing_chosen_asks_for_an_answer(key):
    feedback = check(key["exercises"]["anatomy.lede"], None)
    assert feedback.score is None  # not graded, not recorded
    assert "Choose an answer" in feedback.summary


def test_multiple_choice_gives_partial_credit(key):
    spec = key["exercises"]["anatomy.headline_promise"]
    assert check(spec, ["hope", "failed", "count"]).score == 1.0
    assert check(spec, ["hope", "failed"]).score == pytest.approx(2 / 3)
    # a wrong tick cancels a right one
    assert check(spec, ["hope", "result"]).score == 0.0
    missed = [i for i in check(spec, ["hope"]).items if not i.correct]
    assert {i.item for i in missed} == {"failed", "count"}
    assert "✘ Missed" in check(spec, ["hope"]).to_html()


def test_match_scores_each_item(key):
    spec = key["exercises"]["anatomy.five_ws"]
    perfect = {
        "who": "p1",
        "what": "p1",
        "where": "p1",
        "when": "no paragraph says",
        "why": "p1",
        "stakes": "p5",
    }
    assert check(spec, perfect).score == 1.0
    half = dict(perfect, when="p2", stakes="p3")
    feedback = check(spec, half)
    assert feedback.score == pytest.approx(4 / 6)
    when = next(i for i in feedback.items if i.item == "when")
    assert not when.correct and when.given == "p2"
    assert "no dateline" in when.explanation


def test_spans_found_missed_and_wrong(seed, key):
    spec = key["exercises"]["anatomy.nut_graf"]
    sentences = seed.sentences.set_index("sentence_id")
    span = lambda sid: [int(sentences.loc[sid, "start"]), int(sentences.loc[sid, "end"])]  # noqa: E731
    assert check(spec, [span("p5.s1"), span("p5.s2")]).score == 1.0
    one = check(spec, [span("p5.s1")])
    assert one.score == 0.5
    with_wrong = exercises.check_spans(
        spec, [span("p5.s1"), span("p5.s2"), span("p6.s1")], seed.text
    )
    assert with_wrong.score == 0.75
    wrong = [i for i in with_wrong.items if not i.correct]
    assert len(wrong) == 1
    assert "on Syria, not Ukraine" in wrong[0].explanation  # the distractor's own explanation
    assert wrong[0].label.startswith("The Syrian civil war")


def test_order_gives_credit_for_pairs():
    spec = {
        "type": "order",
        "items": [
            {"id": "a", "label": "Crimea annexed", "position": 1, "explanation": "March 2014."},
            {"id": "b", "label": "Minsk II signed", "position": 2, "explanation": "February 2015."},
            {"id": "c", "label": "Airstrikes begin", "position": 3, "explanation": "30 Sept 2015."},
        ],
    }
    assert check(spec, ["a", "b", "c"]).score == 1.0
    assert check(spec, ["c", "b", "a"]).score == 0.0
    assert check(spec, ["b", "a", "c"]).score == pytest.approx(2 / 3)
    incomplete = check(spec, ["a", "b"])
    assert incomplete.score is None and "every item" in incomplete.summary


def test_feedback_html_is_escaped_and_not_colour_only():
    spec = {
        "type": "choice",
        "options": [
            {
                "id": "x",
                "label": "<b>bold</b>",
                "correct": True,
                "explanation": "Because <i>so</i>.",
            },
            {"id": "y", "label": "other", "correct": False, "explanation": "Not this one, no."},
        ],
    }
    page = check(spec, "x").to_html()
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "✔ Right" in page


# --- widgets, driven in Python ---------------------------------------------------------------


def test_choice_widget_click_records_progress(seed, key, progress_folder):
    widget = kit.exercises.exercise(seed, key, "anatomy.lede")
    radio = widget.inputs[0]
    radio.value = "p2"
    widget.check_button.click()
    assert "Not yet." in widget.feedback.value
    assert "would make no sense on its own" in widget.feedback.value
    radio.value = "p1"
    widget.check_button.click()
    assert "All right!" in widget.feedback.value
    records = progress.attempts(progress_folder)
    assert records["answer"].tolist() == ["p2", "p1"]
    assert records["score"].tolist() == [0.0, 1.0]
    assert set(records["exercise"]) == {"anatomy.lede"}
    assert set(records["notebook"]) == {"01_anatomy_of_an_article"}
    assert set(records["student"]) == {"test-student"}


def test_match_widget(seed, key, progress_folder):
    widget = kit.exercises.exercise(seed, key, "anatomy.five_ws")
    assert len(widget.inputs) == 6
    for dropdown, answer in zip(widget.inputs, ["p1", "p1", "p1", "p2", "p1", "p5"]):
        dropdown.value = answer
    widget.check_button.click()
    assert "Score 83%" in widget.feedback.value
    assert "you chose p2" in widget.feedback.value
    assert "Hint: Look for the date of this visit" in widget.feedback.value  # first try
    widget.check_button.click()
    assert "no dateline" in widget.feedback.value  # the second try explains the miss
    assert progress.attempts(progress_folder)["answer"].iloc[0]["when"] == "p2"


def test_sentence_spans_widget(seed, key, progress_folder):
    widget = kit.exercises.exercise(seed, key, "anatomy.nut_graf")
    labels = [box.description for box in widget.inputs]
    assert labels == ["p5.s1", "p5.s2", "p6.s1", "p6.s2", "p6.s3"]
    widget.inputs[0].value = True
    widget.inputs[1].value = True
    widget.check_button.click()
    assert "All right!" in widget.feedback.value
    assert progress.attempts(progress_folder)["score"].tolist() == [1.0]


def test_word_spans_widget(seed, progress_folder):
    crisis = seed.text.index("crisis has")
    spec = {
        "type": "spans", "unit": "word", "notebook": "test", "title": "Loaded words",
        "prompt": "Pick the loaded words.", "scope": {"sentence_ids": ["p5.s2"]},
        "targets": [{"start": crisis, "end": crisis + 6, "explanation": "A crisis is a frame."}],
    }  # fmt: skip
    key = {"article": seed.name, "exercises": {"test.words": spec}}
    widget = kit.exercises.exercise(seed, key, "test.words")
    words = [t.description for t in widget.inputs]
    assert words[:3] == ["The", "crisis", "has"]
    assert "." not in words
    widget.inputs[1].value = True
    widget.inputs[0].value = True
    widget.check_button.click()
    assert "Score 50%" in widget.feedback.value
    assert "1 pick is not one of the answers" in widget.feedback.value
    assert "The" in widget.feedback.value


def test_order_widget_needs_every_position(seed, progress_folder):
    spec = {
        "type": "order", "notebook": "test", "title": "Order", "prompt": "Order them.",
        "items": [{"id": "a", "label": "first", "position": 1, "explanation": "It came first."},
                  {"id": "b", "label": "second", "position": 2, "explanation": "It came next."}],
    }  # fmt: skip
    widget = kit.exercises.exercise(seed, {"exercises": {"t.order": spec}}, "t.order")
    widget.inputs[0].value = 1
    widget.check_button.click()
    assert "every item its own position" in widget.feedback.value
    assert progress.attempts(progress_folder).empty  # an incomplete answer is not an attempt
    widget.inputs[0].value = 2
    widget.inputs[1].value = 1
    widget.check_button.click()
    assert "0 of 1 pairs" in widget.feedback.value


def test_free_text_live_and_check(seed, progress_folder):
    spec = {"type": "text", "notebook": "test", "title": "Rewrite", "prompt": "Rewrite it.",
            "explanation": "A neutral version names both sides' claims."}  # fmt: skip
    key = {"exercises": {"t.text": spec}}
    widget = kit.exercises.free_text(seed, key, "t.text", live=lambda text: f"{len(text)} chars")
    box = widget.inputs[0]
    box.value = "Kerry and Lavrov met."
    live = widget.children[1].children[1]
    assert live.value == "21 chars"
    widget.check_button.click()
    assert "names both sides" in widget.feedback.value
    assert progress.attempts(progress_folder)["answer"].tolist() == ["Kerry and Lavrov met."]


def test_instructor_mode_adds_show_answer(seed, key, monkeypatch):
    widget = kit.exercises.exercise(seed, key, "anatomy.lede")
    assert widget.answer_button is None
    kit.instructor_mode(True)
    try:
        widget = kit.exercises.exercise(seed, key, "anatomy.lede")
        widget.answer_button.click()
        assert "Answer key" in widget.feedback.value
        assert "p1: Secretary of State" in widget.feedback.value
    finally:
        kit.instructor_mode(False)
    monkeypatch.setenv("NEWSKIT_INSTRUCTOR", "1")
    exercises._instructor = None
    assert kit.exercises.exercise(seed, key, "anatomy.lede").answer_button is not None


def test_unknown_exercise_lists_the_known_ones(seed, key):
    with pytest.raises(KeyError, match="anatomy.lede"):
        kit.exercises.exercise(seed, key, "anatomy.nothing")


def test_a_failed_save_is_reported_and_not_fatal(seed, key, monkeypatch, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("NEWSKIT_PROGRESS_DIR", str(blocker))
    widget = kit.exercises.exercise(seed, key, "anatomy.lede")
    widget.inputs[0].value = "p1"
    widget.check_button.click()
    assert "All right!" in widget.feedback.value
    assert "could not be saved" in widget.feedback.value


def test_every_control_is_named_by_what_it_answers(seed, key):
    five_ws = kit.exercises.exercise(seed, key, "anatomy.five_ws")
    items = key["exercises"]["anatomy.five_ws"]["items"]
    names = five_ws.heading.names
    assert names == [f"{n}. {item['label']}" for n, item in enumerate(items, 1)]
    for number, dropdown in enumerate(five_ws.inputs):
        assert f"newskit-name-{number}" in dropdown._dom_classes  # how the page finds its name
    order = kit.exercises.exercise(
        seed, {"exercises": {"t.order": ORDER_SPEC}}, "t.order"
    ).heading.names
    assert order == ["Position of: first", "Position of: second"]
    lede = kit.exercises.exercise(seed, key, "anatomy.lede")
    assert lede.heading.names == ["Answer"]  # the radio group, tied to its "Answer:" label
    assert lede.inputs[0].description == "Answer:"
    writing = {"type": "text", "notebook": "t", "title": "Rewrite", "prompt": "Rewrite it."}
    text = kit.exercises.exercise(seed, {"exercises": {"t.text": writing}}, "t.text")
    assert text.heading.names == ["Your answer to: Rewrite"]


def test_no_icon_glyphs_in_button_names(seed, key):
    kit.instructor_mode(True)
    try:
        widget = kit.exercises.exercise(seed, key, "anatomy.lede")
    finally:
        kit.instructor_mode(False)
    buttons = [widget.check_button, widget.compare_button, widget.answer_button]
    assert [b.icon for b in buttons] == ["", "", ""]
    assert widget.check_button.description == "Check answer"
    for button in buttons:
        assert not any(0xE000 <= ord(ch) <= 0xF8FF for ch in button.description)


def test_heading_and_kit_note(seed, key):
    spec = dict(key["exercises"]["anatomy.lede"])
    widget = kit.exercises.exercise(seed, {"exercises": {"a.b": spec}}, "a.b")
    assert widget.heading.title == spec["title"]
    assert widget.heading.prompt == spec["prompt"]
    assert widget.heading.note == ""
    drafted = dict(spec, status="kit")
    widget = kit.exercises.exercise(seed, {"exercises": {"a.b": drafted}}, "a.b")
    assert widget.heading.note == "(the kit's reading: your instructor has not reviewed it yet)"


def test_feedback_is_one_persistent_live_region(seed, key, progress_folder):
    widget = kit.exercises.exercise(seed, key, "anatomy.lede")
    region = widget.feedback
    widget.inputs[0].value = "p2"
    widget.check()
    assert widget.feedback is region and "Not yet." in region.value
    # the region is the feedback widget itself (made a live region in the page before any
    # feedback); the HTML inside it carries no second, short-lived live region
    assert 'role="status"' not in region.value and "aria-live" not in region.value
    widget.check()  # a second try reveals more, so its words differ from the first
    changes = []
    region.observe(lambda change: changes.append(change["new"]), "value")
    widget.check()  # the same answer again: the words change (are cleared, then come back)
    assert changes[-1] == region.value and "" in changes


def test_placeholder_is_one_polite_line(seed):
    spec = {"type": "match", "notebook": "02", "title": "Who said it?", "prompt": "Choose.",
            "status": "placeholder"}  # fmt: skip
    widget = kit.exercises.exercise(seed, {"exercises": {"a.who": spec}}, "a.who")
    assert isinstance(widget, kit.exercises.PlaceholderExercise)
    assert repr(widget) == (
        "This exercise needs your instructor's answer before it can be checked."
    )
    bundle = widget._repr_mimebundle_()
    assert bundle["text/plain"] == repr(widget)
    assert "Who said it?" in widget.value and "make_a_key.ipynb" in widget.value
    assert "newskit-exercise" not in widget._dom_classes


ORDER_SPEC = {
    "type": "order", "notebook": "test", "title": "Order", "prompt": "Order them.",
    "items": [{"id": "a", "label": "first", "position": 1, "explanation": "It came first."},
              {"id": "b", "label": "second", "position": 2, "explanation": "It came next."}],
}  # fmt: skip


def test_compare_button_appears_only_after_a_saved_attempt(seed, key, progress_folder):
    calls = []

    def kit_reading():
        calls.append(1)
        return pd.DataFrame({"paragraph": ["p1"], "note": ["The lede: " + "who and what " * 12]})

    widget = kit.exercises.exercise(seed, key, "anatomy.lede", compare=kit_reading)
    assert widget.compare_button.layout.display == "none"
    widget.check()  # nothing chosen: not an attempt, nothing saved
    assert widget.compare_button.layout.display == "none"
    assert calls == []  # the kit's reading is not even computed before an attempt
    widget.inputs[0].value = "p3"
    widget.check_button.click()
    assert widget.compare_button.layout.display != "none"
    widget.compare_button.click()
    assert calls == [1]
    shown = widget.comparison.value
    assert "<table" in shown and ("who and what " * 12).strip() in shown  # whole, not cut
    assert "…" not in shown
    assert widget.compare_button.description == "Hide the kit's reading"
    widget.compare_button.click()
    assert widget.comparison.layout.display == "none"
    # after a restart the saved attempt comes back, and so does the button
    again = kit.exercises.exercise(seed, key, "anatomy.lede", compare=lambda: "<p>kit</p>")
    assert again.compare_button.layout.display != "none"
    # without a compare function there is never a button
    plain = kit.exercises.exercise(seed, key, "anatomy.lede")
    assert plain.compare_button.layout.display == "none"


def test_word_passage_keeps_punctuation_and_offsets(seed, key, progress_folder):
    spec = key["exercises"]["chronology.find_time_expressions"]
    widget = kit.exercises.exercise(seed, key, "chronology.find_time_expressions")
    passage = widget.passage
    units = kit.exercises.selectable_units(spec, seed)
    assert passage.units == [seed.text[s:e] for _, s, e in units]
    for paragraph in passage.paragraphs:
        shown = "".join(text for text, _ in paragraph["pieces"])
        start = seed.paragraphs.set_index("paragraph_id").loc[paragraph["label"], "start"]
        # the passage reads as the article does, punctuation and quotation marks included;
        # " … " stands for sentences outside the exercise's scope
        for part in shown.split(" … "):
            assert seed.text.find(part, start) >= start
    pieces = [p for paragraph in passage.paragraphs for p in paragraph["pieces"]]
    between = "".join(text for text, n in pieces if n < 0)
    assert "," in between and "." in between
    # one widget, one Tab stop: the passage, not one button per word
    assert len(widget.inputs) == len(units) > 100
    assert all(isinstance(t, kit.widgets.UnitToggle) for t in widget.inputs)
    # selecting in place reads the same [start, end] spans as before
    target = spec["targets"][0]
    chosen = [n for n, (_, s, e) in enumerate(units) if s < target["end"] and target["start"] < e]
    passage.selected = chosen
    assert widget.answers() == [[units[n][1], units[n][2]] for n in chosen]
    assert [seed.text[s:e] for s, e in widget.answers()] == [passage.units[n] for n in chosen]


def test_unit_toggles_expose_selected_state(seed, key):
    widget = kit.exercises.exercise(seed, key, "anatomy.nut_graf")
    first, second = widget.inputs[:2]
    assert (first.value, second.value) == (False, False)
    second.value = True
    assert widget.passage.selected == [1] and second.value
    widget.passage.toggle(1)  # a click in the page
    assert widget.passage.selected == [] and not second.value
    # a sentence's name in the page is its words; the id stays its description
    assert first.description == "p5.s1"
    assert first.text == seed.sentences.set_index("sentence_id").loc["p5.s1", "text"]


def test_selections_from_the_page_arrive_as_messages_in_order_and_are_acknowledged(seed, key):
    widget = kit.exercises.exercise(seed, key, "anatomy.nut_graf")
    passage = widget.passage
    synced = []  # what goes back to the page: one update per message, both traits together
    passage.send_state = lambda key=None: synced.append(sorted(key) if key else None)
    page = passage._handle_custom_msg  # what ipywidgets calls for a message from the page
    page({"selected": [2], "token": "v:1"}, [])
    page({"selected": [0, 2], "token": "v:2"}, [])
    assert passage.selected == [0, 2] and passage.ack == "v:2"
    assert synced == [["ack", "selected"], ["ack", "selected"]]
    assert [seed.text[s:e] for s, e in widget.answers()] == [
        passage.units[0],
        passage.units[2],
    ]
    # the same selection again still answers its token, so the page stops waiting
    page({"selected": [0, 2], "token": "v:3"}, [])
    assert passage.ack == "v:3" and synced[-1] == ["ack"]
    # a number that is no unit's is refused, but acknowledged: the page shows Python's selection
    page({"selected": [0, 10_000], "token": "v:4"}, [])
    assert passage.selected == [0, 2] and passage.ack == "v:4"
    page({"selected": [True], "token": "v:5"}, [])
    page({"something": "else"}, [])
    assert passage.selected == [0, 2] and passage.ack == "v:5"


def test_last_answer_comes_back_after_a_restart(seed, key, progress_folder):
    first = kit.exercises.exercise(seed, key, "anatomy.five_ws")
    first.inputs[0].value = "p1"
    first.inputs[2].value = "p2"
    first.check_button.click()
    again = kit.exercises.exercise(seed, key, "anatomy.five_ws")  # as after a kernel restart
    assert [d.value for d in again.inputs] == ["p1", "", "p2", "", "", ""]  # "" = not chosen yet
    assert "(saved " in again.feedback.value and " UTC" in again.feedback.value
    assert "last saved answer is back" in again.feedback.value
    assert "score 17%" in again.feedback.value
    spans = kit.exercises.exercise(seed, key, "anatomy.nut_graf")
    spans.inputs[1].value = True
    spans.check_button.click()
    assert [b.value for b in kit.exercises.exercise(seed, key, "anatomy.nut_graf").inputs] == [
        False, True, False, False, False
    ]  # fmt: skip


def test_a_saved_answer_that_no_longer_fits_is_ignored(seed, key, progress_folder):
    progress.record(notebook="01", exercise="anatomy.lede", answer="p42", score=0.0,
                    article=seed.name)  # fmt: skip
    widget = kit.exercises.exercise(seed, key, "anatomy.lede")
    assert widget.inputs[0].value is None
    assert widget.feedback.value == ""


def test_who_said_it_named_wrappers_need_the_key_entry(seed):
    empty = {"article": seed.name, "exercises": {}}
    assert repr(kit.exercises.who_said_it(seed, empty)) == kit.exercises.MISSING_TEXT
    with pytest.raises(KeyError, match="attribution.who_said_it"):
        kit.exercises.check_who_said_it({"q1": "John Kerry"}, empty)


def test_an_exercise_the_key_leaves_out_is_one_line(seed, key):
    shown = kit.exercises.exercise(seed, {"exercises": {}}, "attribution.who_said_it")
    assert repr(shown) == kit.exercises.MISSING_TEXT
    assert "<b>Who said it</b>" in shown.value and "nothing to ask about" in shown.value
