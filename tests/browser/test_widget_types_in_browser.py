"""Every kind of exercise widget, answered in the browser by clicking, ticking, selecting and
typing, right and wrong; plus live feedback while typing and the instructor's "Show answer".

The notebooks show only some kinds of widget, so this test writes a small gallery notebook (with
its own answer key on the seed article) into the server's copy of notebooks/ and runs it there.
Nothing is written into the repository.
"""

from __future__ import annotations

import json

import nbformat
import pytest
from conftest import run_in_browser
from gallery import GALLERY, GALLERY_KEY, gallery_key, gallery_notebook, seed, span_of
from labdriver import (
    PANEL,
    answer_and_check,
    assert_shows_right,
    assert_shows_wrong,
    exercise_widget,
    normalise,
    press_check,
    right_answer,
    wrong_answer,
)
from playwright.sync_api import expect

import kit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def gallery(browser, lab, screenshots_dir):
    (lab.notebooks_dir / GALLERY_KEY).write_text(
        json.dumps(gallery_key(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    nbformat.write(gallery_notebook(), lab.notebooks_dir / GALLERY)
    yield from run_in_browser(browser, lab, GALLERY, screenshots_dir)


def test_gallery_key_fits_the_schema_and_the_article():
    kit.keys.validate_key(gallery_key(), seed())


def test_gallery_runs_without_error(gallery):
    assert gallery.dialog is None
    assert gallery.problems == []
    assert gallery.page_errors == []
    widgets = gallery.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .newskit-exercise")
    expect(widgets).to_have_count(len(gallery_key()["exercises"]))


KINDS = {
    "gallery.choice_single": "radio buttons",
    "gallery.choice_multiple": "check boxes",
    "gallery.match": "drop-downs",
    "gallery.spans_word": "words selected in place",
    "gallery.spans_sentence": "sentences selected in place",
    "gallery.order": "position drop-downs",
    "gallery.text": "a text area",
}

# Wrong answers a student might give, where the generic one would teach the test less.
WRONG = {
    # Kerry himself: each of his two words is a wrong pick, explained by the key's distractor.
    "gallery.spans_word": [
        [span_of(word, "Secretary")["start"], span_of(word, "Secretary")["end"]]
        for word in ("John", "Kerry")
    ],
}


@pytest.mark.parametrize("exercise_id", KINDS, ids=KINDS.values())
def test_widget_answers_clicks(gallery, exercise_id):
    """Answer wrong, then right, by clicking in the page; the feedback must say so, and why."""
    spec = gallery_key()["exercises"][exercise_id]
    art = seed()
    stem = "widget_gallery"

    wrong = WRONG.get(exercise_id, wrong_answer(spec, art))
    expected, widget = answer_and_check(gallery, exercise_id, spec, wrong, art)
    shown = normalise(widget.locator(".newskit-feedback").inner_text())
    if spec["type"] == "text":
        assert shown == "Write your answer in the box first."
    else:
        assert expected.score == 0
        assert shown.startswith("Not yet. Score 0%")
        assert_shows_wrong(shown, spec["type"])
    gallery.screenshot(stem, f"{exercise_id}-wrong", element=widget)

    right = right_answer(spec, art)
    expected, widget = answer_and_check(gallery, exercise_id, spec, right, art)
    shown = normalise(widget.locator(".newskit-feedback").inner_text())
    if spec["type"] == "text":
        assert shown.startswith("Thank you: your answer is saved.")
        assert normalise(spec["explanation"]) in shown
    else:
        assert expected.score == 1
        assert_shows_right(shown)
        assert "✔ Right" in shown
    gallery.screenshot(stem, f"{exercise_id}-right", element=widget)


def test_spans_word_explains_a_tempting_wrong_pick(gallery):
    """Selecting the visitor's name shows the key's distractor explanation, once per word."""
    spec = gallery_key()["exercises"]["gallery.spans_word"]
    wrong = WRONG["gallery.spans_word"]
    answer_and_check(gallery, "gallery.spans_word", spec, wrong, seed())
    shown = normalise(exercise_widget(gallery.page, spec).inner_text())
    assert shown.count("Kerry is the visitor, not one of the people he meets.") == 2
    assert "2 picks are not among the answers" in shown


def test_partial_credit_shows_in_the_page(gallery):
    """Order: swapping the two earlier events keeps 2 of 3 pairs in order, so 67%."""
    spec = gallery_key()["exercises"]["gallery.order"]
    answer = ["call", "crimea", "visit"]
    expected, widget = answer_and_check(gallery, "gallery.order", spec, answer, seed())
    assert round(expected.score, 2) == 0.67
    shown = normalise(widget.locator(".newskit-feedback").inner_text())
    assert shown.startswith("Partly right. Score 67%: 2 of 3 pairs of items in the right order")
    assert "✔ Right" in shown and "✘ Not right" in shown


def test_live_feedback_follows_typing(gallery):
    spec = gallery_key()["exercises"]["gallery.text_live"]
    widget = exercise_widget(gallery.page, spec).first
    live = widget.locator(".newskit-live")
    expect(live).to_have_text("0 words so far")
    box = widget.locator(".newskit-text textarea")
    box.press_sequentially("Kerry flew to Moscow", delay=20)
    expect(live).to_have_text("4 words so far")
    box.press_sequentially(" to meet Lavrov.", delay=20)
    expect(live).to_have_text("7 words so far")
    press_check(widget)
    expect(widget.locator(".newskit-feedback")).to_contain_text("Thank you: your answer is saved.")
    record = [r for r in gallery.lab.progress_records() if r["exercise"] == "gallery.text_live"]
    assert record[-1]["answer"] == "Kerry flew to Moscow to meet Lavrov."
    gallery.screenshot("widget_gallery", "gallery.text_live-typed", element=widget)


def test_instructor_mode_shows_the_answer(gallery):
    spec = gallery_key()["exercises"]["gallery.instructor"]
    widget = exercise_widget(gallery.page, spec).first
    button = widget.locator("button.newskit-show-answer")
    expect(button).to_have_text("Show answer")
    button.click()
    feedback = widget.locator(".newskit-feedback")
    expect(feedback).to_contain_text("Answer key")
    expect(feedback).to_contain_text("No, the twentieth → correct")
    expect(feedback).to_contain_text("Yes → wrong")
    # Exercises built outside instructor mode have no such button.
    others = gallery.page.locator(".newskit-exercise .newskit-show-answer")
    expect(others).to_have_count(1)
    gallery.screenshot("widget_gallery", "gallery.instructor-answer", element=widget)


def test_running_the_cell_again_brings_the_last_answer_back(gallery):
    """A student who re-runs an exercise cell (after a restart, say) finds the saved answer."""
    exercise_id = "gallery.choice_multiple"
    spec = gallery_key()["exercises"][exercise_id]
    right = right_answer(spec)
    _, widget = answer_and_check(gallery, exercise_id, spec, right, seed())
    title = gallery.page.locator(".newskit-prompt .newskit-title-text", has_text=spec["title"])
    cell = gallery.page.locator(f"{PANEL} .jp-CodeCell").filter(has=title)
    expect(cell).to_have_count(1)
    prompt = normalise(cell.locator(".jp-InputPrompt").inner_text())
    cell.locator(".jp-InputArea-editor").click()
    gallery.page.keyboard.press("Shift+Enter")
    expect(cell.locator(".jp-InputPrompt")).not_to_have_text(prompt)
    gallery.tries[exercise_id] = 0  # a new widget counts its tries afresh
    widget = exercise_widget(gallery.page, spec).first
    expect(widget.locator(".newskit-feedback")).to_contain_text("Your last saved answer is back")
    boxes = widget.locator(".newskit-option input[type=checkbox]")
    for index, option in enumerate(spec["options"]):
        if option["id"] in right:
            expect(boxes.nth(index)).to_be_checked()
        else:
            expect(boxes.nth(index)).not_to_be_checked()
    gallery.screenshot("widget_gallery", f"{exercise_id}-restored", element=widget)
