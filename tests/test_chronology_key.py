"""The chronology part of the answer key agrees with the analyser, its exercises check right and
wrong answers as the key says, and the chronology plots draw what they promise."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import kit  # noqa: E402
from kit import chronology  # noqa: E402
from kit.exercises import check, check_spans, exercise  # noqa: E402

NOTEBOOK = "04_chronology"


def test_every_key_time_expression_is_found_with_its_value(seed, key):
    found = chronology.time_expressions(seed)
    by_span = {(r.start, r.end): r for r in found.itertuples()}
    for expected in key["chronology"]["time_expressions"]:
        row = by_span[(expected["start"], expected["end"])]
        assert row.text == expected["text"]
        assert (row.type, row.value) == (expected["type"], expected["value"])
        assert row.sentence_id == expected["sentence_id"]
    assert len(found) == len(key["chronology"]["time_expressions"])


def test_key_non_expressions_are_not_tagged(seed, key):
    found = chronology.time_expressions(seed)
    for near_miss in key["chronology"]["not_time_expressions"]:
        assert seed.text[near_miss["start"] : near_miss["end"]] == near_miss["text"]
        overlapping = found[(found.start < near_miss["end"]) & (found.end > near_miss["start"])]
        assert overlapping.empty, near_miss["text"]


def test_key_window_and_disagreements_match_the_analyser(seed, key):
    window = key["chronology"]["published_window"]
    assert chronology.published_window(seed) == (
        pd.Timestamp(window["not_before"]),
        pd.Timestamp(window["not_after"]),
    )
    checked = chronology.cross_check(seed)
    disagreeing = set(checked.loc[checked.verdict == "disagrees", "event_id"])
    # r4 is the quotation in the same sentence as "September 29": it shares that date
    assert disagreeing - {"r4"} == {d["event_id"] for d in key["chronology"]["disagreements"]}


def test_the_notebook_has_at_least_four_chronology_widget_exercises(key):
    ids = kit.exercises.exercises_for(
        kit.load_article("kerry-lavrov-moscow"), key, notebook=NOTEBOOK
    )
    assert len(ids) >= 4
    assert {key["exercises"][i]["type"] for i in ids} >= {"spans", "match", "order", "choice"}
    for exercise_id in ids:
        assert exercise_id.startswith("chronology.")


def test_find_time_expressions_targets_are_the_analysers_body_expressions(seed, key):
    spec = key["exercises"]["chronology.find_time_expressions"]
    found = chronology.time_expressions(seed)
    body = found[found.sentence_id.isin(spec["scope"]["sentence_ids"])]
    assert sorted((t["start"], t["end"]) for t in spec["targets"]) == sorted(
        zip(body.start, body.end)
    )


def _words(seed, spans):
    """The word units a student would toggle to select these spans."""
    tokens = seed.tokens
    picked = []
    for start, end in spans:
        inside = tokens[(tokens.start < end) & (tokens.end > start)]
        picked.extend([int(s), int(e)] for s, e in zip(inside.start, inside.end))
    return picked


def test_find_time_expressions_checks(seed, key):
    spec = key["exercises"]["chronology.find_time_expressions"]
    right = _words(seed, [(t["start"], t["end"]) for t in spec["targets"]])
    assert check_spans(spec, right, seed.text).score == 1.0
    # picking "twentieth" as well costs half a target
    wrong = _words(seed, [(d["start"], d["end"]) for d in spec["distractors"][:1]])
    feedback = check_spans(spec, right + wrong, seed.text)
    assert 0 < feedback.score < 1
    assert "count" in feedback.to_text()


def test_resolve_dates_checks(key):
    spec = key["exercises"]["chronology.resolve_dates"]
    right = {item["id"]: item["answer"] for item in spec["items"]}
    assert check(spec, right).score == 1.0
    # counting "the next day" from the day of writing is the classic slip
    slip = dict(right, next_day="2015-12-16")
    feedback = check(spec, slip)
    assert feedback.score == pytest.approx(0.75)
    assert "September 29" in feedback.to_text()


def test_order_events_gives_partial_credit(key):
    spec = key["exercises"]["chronology.order_events"]
    by_position = sorted(spec["items"], key=lambda item: item["position"])
    right = [item["id"] for item in by_position]
    assert check(spec, right).score == 1.0
    narrative = ["kerry_lands", "obama_putin", "airstrikes", "civil_war", "minsk_1", "minsk_2"]
    assert 0 < check(spec, narrative).score < 1


def test_date_the_article_checks(key):
    spec = key["exercises"]["chronology.date_the_article"]
    assert check(spec, "late_2015").score == 1.0
    assert check(spec, "in_2016").score == 0.0


def test_spot_disagreements_checks(seed, key):
    spec = key["exercises"]["chronology.spot_disagreements"]
    sentences = seed.sentences.set_index("sentence_id")
    pick = [
        [int(sentences.loc[s, "start"]), int(sentences.loc[s, "end"])] for s in ("p6.s3", "p11.s2")
    ]
    assert check_spans(spec, pick, seed.text).score == 1.0
    next_day = [int(sentences.loc["p7.s1", "start"]), int(sentences.loc["p7.s1", "end"])]
    feedback = check_spans(spec, pick[:1] + [next_day], seed.text)
    assert feedback.score == 0.25
    assert "30 September" in feedback.to_text()


@pytest.mark.parametrize(
    "exercise_id",
    [
        "chronology.find_time_expressions",
        "chronology.resolve_dates",
        "chronology.order_events",
        "chronology.date_the_article",
        "chronology.spot_disagreements",
    ],
)
def test_widgets_build_and_check(seed, key, exercise_id):
    widget = exercise(seed, key, exercise_id)
    widget.check()  # nothing chosen yet: feedback, no crash
    assert widget.feedback.value


def test_plots_draw_one_row_per_event(seed):
    line = chronology.timeline(seed)
    ax = kit.display.plot_timeline(line, report_date="2015-12-15")
    assert len(ax.get_yticklabels()) == len(line)
    assert ax.get_legend() is not None
    ax = kit.display.plot_narrative_order(chronology.events(seed))
    assert [int(t) for t in ax.get_xticks()] == list(range(1, len(line) + 1))
    matplotlib.pyplot.close("all")


def test_widgets_score_a_right_answer_set_through_their_inputs(seed, key):
    """Set the inputs as a student's clicks would, press "Check answer", read the feedback."""
    # spans (words): toggle the words of every target
    widget = exercise(seed, key, "chronology.find_time_expressions")
    spec = key["exercises"]["chronology.find_time_expressions"]
    wanted = _words(seed, [(t["start"], t["end"]) for t in spec["targets"]])
    units = [[start, end] for start, end in wanted]
    tokens = seed.tokens
    scope = tokens[tokens.sentence_id.isin(spec["scope"]["sentence_ids"])]
    scope = scope[scope.text.str.contains(r"\w")]
    for toggle, (start, end) in zip(widget.inputs, zip(scope.start, scope.end)):
        toggle.value = [int(start), int(end)] in units
    widget.check_button.click()
    assert "100%" in widget.feedback.value
    # match: one dropdown per item
    widget = exercise(seed, key, "chronology.resolve_dates")
    for dropdown, item in zip(widget.inputs, key["exercises"]["chronology.resolve_dates"]["items"]):
        dropdown.value = item["answer"]
    widget.check_button.click()
    assert "100%" in widget.feedback.value
    # order: a position per item
    widget = exercise(seed, key, "chronology.order_events")
    for dropdown, item in zip(widget.inputs, key["exercises"]["chronology.order_events"]["items"]):
        dropdown.value = item["position"]
    widget.check_button.click()
    assert "100%" in widget.feedback.value
    # choice: one radio button
    widget = exercise(seed, key, "chronology.date_the_article")
    widget.inputs[0].value = "late_2015"
    widget.check_button.click()
    assert "100%" in widget.feedback.value
    # spans (sentences): tick the two sentences
    widget = exercise(seed, key, "chronology.spot_disagreements")
    scope = key["exercises"]["chronology.spot_disagreements"]["scope"]["sentence_ids"]
    for box, sentence_id in zip(widget.inputs, scope):
        box.value = sentence_id in ("p6.s3", "p11.s2")
    widget.check_button.click()
    assert "100%" in widget.feedback.value
