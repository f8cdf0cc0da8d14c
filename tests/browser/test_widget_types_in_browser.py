"""Every kind of exercise widget, answered in the browser by clicking, ticking, selecting and
typing, right and wrong; plus live feedback while typing and the instructor's "Show answer".

The notebooks show only some kinds of widget, so this test writes a small gallery notebook (with
its own answer key on the seed article) into the server's copy of notebooks/ and runs it there.
Nothing is written into the repository.
"""

from __future__ import annotations

import json
from functools import cache

import nbformat
import pytest
from conftest import run_in_browser
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

GALLERY = "widget_gallery.ipynb"
GALLERY_KEY = "widget_gallery_key.json"


@cache
def seed() -> kit.Article:
    return kit.load_article("kerry-lavrov-moscow")


def _span(text: str, after: str = "") -> dict:
    """Offsets of ``text`` in the seed article (first match after ``after``), for the key."""
    body = seed().text
    start = body.index(text, body.index(after) if after else 0)
    return {"start": start, "end": start + len(text), "text": text}


def _sentence(sentence_id: str) -> dict:
    row = seed().sentences.set_index("sentence_id").loc[sentence_id]
    return {"start": int(row["start"]), "end": int(row["end"]), "text": row["text"]}


@cache
def gallery_key() -> dict:
    """One exercise of each kind, on the seed article, in the answer key's own format."""
    lede = "Secretary of State"
    common = {"notebook": "widget_gallery", "difficulty": "easy"}
    exercises = {
        "gallery.choice_single": {
            **common,
            "type": "choice",
            "title": "Gallery: one choice",
            "prompt": "Where did Kerry land?",
            "options": [
                {
                    "id": "moscow",
                    "label": "In Moscow",
                    "correct": True,
                    "explanation": "p1 says he “landed in Moscow”.",
                },
                {
                    "id": "sochi",
                    "label": "In Sochi",
                    "correct": False,
                    "explanation": "Sochi is not named anywhere in this article.",
                },
            ],
        },
        "gallery.choice_multiple": {
            **common,
            "type": "choice",
            "multiple": True,
            "title": "Gallery: several choices",
            "prompt": "Whom did Kerry come to meet? Tick everyone.",
            "options": [
                {
                    "id": "lavrov",
                    "label": "Sergei Lavrov",
                    "correct": True,
                    "explanation": "p1 names Foreign Minister Sergei Lavrov.",
                },
                {
                    "id": "putin",
                    "label": "Vladimir Putin",
                    "correct": True,
                    "explanation": "p1 names President Vladimir Putin.",
                },
                {
                    "id": "obama",
                    "label": "Barack Obama",
                    "correct": False,
                    "explanation": "Obama appears only in p6, in an earlier talk with Putin.",
                },
            ],
        },
        "gallery.match": {
            **common,
            "type": "match",
            "title": "Gallery: drop-downs",
            "prompt": "Which country does each person speak for?",
            "choices": ["United States", "Russia"],
            "items": [
                {
                    "id": "kerry",
                    "label": "John Kerry",
                    "answer": "United States",
                    "explanation": "Kerry is the U.S. Secretary of State.",
                },
                {
                    "id": "lavrov",
                    "label": "Sergei Lavrov",
                    "answer": ["Russia"],
                    "explanation": "Lavrov is Russia's Foreign Minister.",
                },
            ],
        },
        "gallery.spans_word": {
            **common,
            "type": "spans",
            "unit": "word",
            "title": "Gallery: word toggles",
            "prompt": "Select the names of the two people Kerry came to meet.",
            "scope": {"sentence_ids": ["p1.s1"]},
            "targets": [
                {**_span("Sergei Lavrov", lede), "explanation": "Lavrov is one of his hosts."},
                {**_span("Vladimir Putin", lede), "explanation": "Putin is the other host."},
            ],
            "distractors": [
                {
                    **_span("John Kerry", lede),
                    "explanation": "Kerry is the visitor, not one of the people he meets.",
                },
            ],
        },
        "gallery.spans_sentence": {
            **common,
            "type": "spans",
            "unit": "sentence",
            "title": "Gallery: sentence check boxes",
            "prompt": "Tick the sentence that gives a date.",
            "scope": {"paragraph_ids": ["p6"]},
            "targets": [
                {**_sentence("p6.s3"), "explanation": "“On September 29” is the only date here."},
            ],
        },
        "gallery.order": {
            **common,
            "type": "order",
            "title": "Gallery: put in order",
            "prompt": "Put these events in the order they happened.",
            "items": [
                {
                    "id": "visit",
                    "label": "Kerry lands in Moscow",
                    "position": 3,
                    "explanation": "The visit is the news: the latest of the three.",
                },
                {
                    "id": "crimea",
                    "label": "Russia annexes Crimea",
                    "position": 1,
                    "explanation": "p5 dates the annexation to 2014.",
                },
                {
                    "id": "call",
                    "label": "Obama and Putin discuss Syria",
                    "position": 2,
                    "explanation": "p6: on September 29, before this visit.",
                },
            ],
        },
        "gallery.text": {
            **common,
            "type": "text",
            "title": "Gallery: writing",
            "prompt": "In one sentence: what does the headline promise?",
            "placeholder": "Write one sentence",
            "explanation": "It promises progress, in Kerry's own words; the body reports none.",
        },
        "gallery.text_live": {
            **common,
            "type": "text",
            "title": "Gallery: writing with live feedback",
            "prompt": "Write the lede again in your own words.",
            "placeholder": "Write here",
            "explanation": "A lede says who did what, where and when.",
        },
        "gallery.instructor": {
            **common,
            "type": "choice",
            "title": "Gallery: instructor mode",
            "prompt": "Is the meeting in this article the first of the year?",
            "options": [
                {
                    "id": "no",
                    "label": "No, the twentieth",
                    "correct": True,
                    "explanation": "p2: “the twentieth this year”.",
                },
                {
                    "id": "yes",
                    "label": "Yes",
                    "correct": False,
                    "explanation": "p2 counts nineteen earlier meetings.",
                },
            ],
        },
    }
    return {"article": "kerry-lavrov-moscow", "version": 1, "exercises": exercises}


def gallery_notebook() -> nbformat.NotebookNode:
    cells = [
        nbformat.v4.new_markdown_cell("# Widget gallery (written by the browser test)"),
        nbformat.v4.new_code_cell(
            "import json\n\nimport kit\n\n"
            'art = kit.load_article("kerry-lavrov-moscow")\n'
            f'KEY = json.load(open("{GALLERY_KEY}", encoding="utf-8"))'
        ),
    ]
    for exercise_id in gallery_key()["exercises"]:
        if exercise_id in ("gallery.text_live", "gallery.instructor"):
            continue
        cells.append(
            nbformat.v4.new_code_cell(f'kit.exercises.exercise(art, KEY, "{exercise_id}")')
        )
    cells.append(
        nbformat.v4.new_code_cell(
            "def word_count(text):\n"
            "    n = len(text.split())\n"
            "    plural = '' if n == 1 else 's'\n"
            "    return f'<b>{n} word{plural} so far</b>'\n\n"
            'kit.exercises.free_text(art, KEY, "gallery.text_live", live=word_count)'
        )
    )
    cells.append(
        nbformat.v4.new_code_cell(
            "kit.instructor_mode(True)\n"
            'shown = kit.exercises.exercise(art, KEY, "gallery.instructor")\n'
            "kit.instructor_mode(False)\n"
            "shown"
        )
    )
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    return notebook


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
        [_span(word, "Secretary")["start"], _span(word, "Secretary")["end"]]
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
    assert "2 selections not in the key." in shown


def test_partial_credit_shows_in_the_page(gallery):
    """Order: swapping the two earlier events keeps 2 of 3 pairs in order, so 67%."""
    spec = gallery_key()["exercises"]["gallery.order"]
    answer = ["call", "crimea", "visit"]
    expected, widget = answer_and_check(gallery, "gallery.order", spec, answer, seed())
    assert round(expected.score, 2) == 0.67
    shown = normalise(widget.locator(".newskit-feedback").inner_text())
    assert shown.startswith("Partly right. Score 67%: 2 of 3 pairs in the right order.")
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
