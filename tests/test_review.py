"""Reviewing a key: each edit changes exactly what it says, and refuses what does not fit."""

from __future__ import annotations

import copy

import pytest

import kit
from kit import review


@pytest.fixture
def editable(key) -> dict:
    return copy.deepcopy(key)


def test_set_answer_changes_one_match_item_and_marks_it_the_instructors(editable):
    spec = editable["exercises"]["attribution.who_said_it"]
    first = spec["items"][0]
    other = next(c for c in spec["choices"] if c not in (first["answer"],))
    review.set_answer(editable, "attribution.who_said_it", first["id"], other)
    assert spec["items"][0]["answer"] == other
    assert spec["items"][0]["source"] == "instructor"
    assert spec["status"] == "reviewed"
    assert spec["items"][1] == review.exercise_spec(editable, "attribution.who_said_it")["items"][1]
    with pytest.raises(review.ReviewError, match="not one of the choices"):
        review.set_answer(editable, "attribution.who_said_it", first["id"], "Nobody At All")


def test_set_answer_on_choice_and_order_exercises(editable):
    lede = editable["exercises"]["anatomy.lede"]
    wrong = next(o for o in lede["options"] if not o["correct"])
    review.set_answer(editable, "anatomy.lede", wrong["id"], True)
    assert wrong["correct"] is True
    order = editable["exercises"]["chronology.order_events"]
    last = max(order["items"], key=lambda i: i["position"])
    review.set_answer(editable, "chronology.order_events", last["id"], "1")
    assert last["position"] == 1


def test_a_short_explanation_is_refused_and_a_real_one_kept(editable):
    item = editable["exercises"]["attribution.who_said_it"]["items"][2]
    with pytest.raises(review.ReviewError, match="full sentence"):
        review.set_explanation(editable, "attribution.who_said_it", item["id"], "yes")
    review.set_explanation(
        editable, "attribution.who_said_it", item["id"], "  The verb ‘told’ follows his name.  "
    )
    assert item["explanation"] == "The verb ‘told’ follows his name."


def test_delete_and_add_a_spans_target_by_the_articles_words(seed, editable):
    spec = editable["exercises"]["framing.loaded_words"]
    before = len(spec["targets"])
    name = review.item_id(spec, spec["targets"][0])
    review.delete_item(editable, "framing.loaded_words", name)
    assert len(spec["targets"]) == before - 1
    words = seed.text[spec["targets"][0]["start"] : spec["targets"][0]["end"]]
    with pytest.raises(review.ReviewError, match="not in the article"):
        review.add_item(editable, "framing.loaded_words", seed, label="Kerry toasts Moscow",
                        explanation="A phrase the article does not contain at all.")  # fmt: skip
    review.add_item(editable, "framing.loaded_words", seed, label="retaliated",
                    explanation="‘Retaliated’ makes the ousting an answer to a wrong.")  # fmt: skip
    added = spec["targets"][-1]
    assert seed.text[added["start"] : added["end"]] == "retaliated" == added["text"]
    assert added["source"] == "instructor"
    assert words  # the first remaining target is untouched
    kit.keys.validate_key(editable, seed)


def test_deleting_an_order_item_renumbers_the_rest(editable):
    spec = editable["exercises"]["chronology.order_events"]
    first = min(spec["items"], key=lambda i: i["position"])
    review.delete_item(editable, "chronology.order_events", first["id"])
    assert sorted(i["position"] for i in spec["items"]) == list(range(1, len(spec["items"]) + 1))


def test_a_placeholder_is_filled_in_then_accepted(seed):
    key = {"article": "kerry-lavrov-moscow", "exercises": {"anatomy.headline_promise": {
        "type": "choice", "notebook": "01_anatomy_of_an_article", "title": "The promise",
        "prompt": "Does the body deliver?", "status": "placeholder"}}}  # fmt: skip
    with pytest.raises(review.ReviewError, match="add them"):
        review.accept(key, "anatomy.headline_promise")
    for label, correct in (("It does.", False), ("It does not.", True)):
        review.add_item(key, "anatomy.headline_promise", seed, label=label, answer=correct,
                        explanation="The last paragraph ends with a refusal.")  # fmt: skip
    review.accept(key, "anatomy.headline_promise")
    spec = key["exercises"]["anatomy.headline_promise"]
    assert spec["status"] == "reviewed"
    assert [o["id"] for o in spec["options"]] == ["o1", "o2"]
    assert kit.checks.check(spec, "o2").score == 1.0


def test_finish_and_summary(editable):
    review.delete_exercise(editable, "framing.rewrite")
    assert "framing.rewrite" not in editable["exercises"]
    done = review.finish(editable)
    assert done["draft"] is False and "draft" not in editable
    counts = review.summary(done)
    assert counts["reviewed"] == len(done["exercises"]) and counts["placeholder"] == 0


def test_the_review_widget_edits_its_own_copy(seed, key):
    widget = review.review(seed, key)
    reviewer = widget.reviewer
    reviewer.picker.value = "anatomy.lede"
    assert "Find the lede" in reviewer.panel.children[0].value
    accept_button = reviewer.panel.children[-1].children[0]
    accept_button.click()
    assert reviewer.key["exercises"]["anatomy.lede"]["status"] == "reviewed"
    assert "status" not in key["exercises"]["anatomy.lede"]
    assert "Accepted" in reviewer.message.value
