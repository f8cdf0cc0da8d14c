"""The attribution exercises: built from the key, answered through their widgets as a student
would (dropdowns, toggles, the Check button), and consistent with the analyser."""

from __future__ import annotations

import pytest

import kit
from kit import attribution

IDS = [
    "attribution.who_said_it",
    "attribution.kind_of_attribution",
    "attribution.rank_reporting_verbs",
    "attribution.claim_without_source",
]


def test_at_least_four_exercises_for_the_notebook(seed, key):
    ids = kit.exercises.exercises_for(seed, key, notebook="02_attribution")
    assert set(IDS) <= set(ids)
    kinds = {key["exercises"][i]["type"] for i in IDS}
    assert kinds == {"match", "order", "spans"}


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_answer_is_explained(key, exercise_id):
    spec = key["exercises"][exercise_id]
    notes = spec.get("items", []) + spec.get("targets", []) + spec.get("distractors", [])
    assert notes and all(len(note["explanation"]) > 30 for note in notes)


def test_who_said_it_agrees_with_the_analyser(seed, key):
    spec = key["exercises"]["attribution.who_said_it"]
    frame = attribution.quotes(seed).set_index("quote_id")
    names = {"the Russian Foreign Ministry": "Russian Foreign Ministry", "No speaker named": None}
    for item in spec["items"]:
        row = frame.loc[item["id"]]
        assert (row["start"], row["end"]) == (item["start"], item["end"])
        assert row["speaker"] == names.get(item["answer"], item["answer"])


def test_kind_of_attribution_agrees_with_the_analyser(seed, key):
    spec = key["exercises"]["attribution.kind_of_attribution"]
    frame = attribution.quotes(seed).set_index("quote_id")
    for item in spec["items"]:
        assert frame.loc[item["id"], "kind"] == item["answer"]


def test_worked_example_paragraphs_are_not_exercise_items(key):
    for exercise_id in ("attribution.who_said_it", "attribution.kind_of_attribution"):
        for item in key["exercises"][exercise_id]["items"]:
            assert item["id"] not in ("q2", "q3", "q10", "q11")  # shown in paragraphs 3 and 9


def test_the_order_items_are_not_listed_in_answer_order(key):
    items = key["exercises"]["attribution.rank_reporting_verbs"]["items"]
    assert [item["position"] for item in items] != sorted(item["position"] for item in items)


def _pick(dropdown, value):
    dropdown.value = value


def test_who_said_it_clicked(seed, key):
    widget = kit.exercises.exercise(seed, key, "attribution.who_said_it")
    spec = key["exercises"]["attribution.who_said_it"]
    for item, dropdown in zip(spec["items"], widget.inputs, strict=True):
        _pick(dropdown, item["answer"])
    widget.check_button.click()
    assert "Vladimir Putin" in widget.feedback.value  # the explanation names the real speaker
    assert widget.check().score == 1.0
    # "He told Lavrov": choosing the addressee is wrong, and the feedback says why
    _pick(widget.inputs[1], "Sergei Lavrov")
    result = widget.check()
    assert result.score == pytest.approx(1 - 1 / len(spec["items"]))
    assert "spoken to" in widget.feedback.value


def test_kind_of_attribution_clicked(seed, key):
    widget = kit.exercises.exercise(seed, key, "attribution.kind_of_attribution")
    for dropdown in widget.inputs:
        _pick(dropdown, "direct")
    result = widget.check()
    assert 0 < result.score < 1


def test_rank_reporting_verbs_clicked(seed, key):
    widget = kit.exercises.exercise(seed, key, "attribution.rank_reporting_verbs")
    spec = key["exercises"]["attribution.rank_reporting_verbs"]
    for item, dropdown in zip(spec["items"], widget.inputs, strict=True):
        _pick(dropdown, item["position"])
    assert widget.check().score == 1.0
    for item, dropdown in zip(spec["items"], widget.inputs, strict=True):
        _pick(dropdown, len(spec["items"]) + 1 - item["position"])
    assert widget.check().score == 0.0


def test_claim_without_source_clicked(seed, key):
    widget = kit.exercises.exercise(seed, key, "attribution.claim_without_source")
    spec = key["exercises"]["attribution.claim_without_source"]
    targets = {(t["start"], t["end"]) for t in spec["targets"]}
    toggles = [w for w in widget.inputs if hasattr(w, "value")]
    assert toggles
    sentences = seed.sentences.set_index("sentence_id")
    for toggle in toggles:
        sid = toggle.description
        if sid in sentences.index:
            row = sentences.loc[sid]
            toggle.value = (int(row["start"]), int(row["end"])) in targets
    assert widget.check().score == 1.0
    # ticking the vaguely sourced "Russian officials insist" costs half a target, explained
    for toggle in toggles:
        if toggle.description == "p6.s2":
            toggle.value = True
    result = widget.check()
    assert result.score == pytest.approx(1 - 0.5 / len(targets))
    assert "Russian officials insist" in widget.feedback.value


def test_unattributed_claims_cover_the_marked_target(seed, key):
    spec = key["exercises"]["attribution.claim_without_source"]
    found = set(attribution.unattributed_claims(seed)["sentence_id"])
    sentences = seed.sentences.set_index("sentence_id")
    target_ids = {
        sid for sid, row in sentences.iterrows()
        if any(t["start"] == row["start"] for t in spec["targets"])
    }  # fmt: skip
    assert found <= target_ids
