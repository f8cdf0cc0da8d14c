"""Answer keys: valid against the schema and the article; a bad key names field and article."""

from __future__ import annotations

import copy
import json

import pytest

import kit
from kit.keys import KeyFormatError, load_key, validate_key


def test_seed_key_is_valid(seed, key):
    assert key["article"] == "kerry-lavrov-moscow"
    validate_key(key, seed)
    for exercise_id, spec in key["exercises"].items():
        assert spec["notebook"], exercise_id


def test_every_explanation_is_there(key):
    for exercise_id, spec in key["exercises"].items():
        notes = spec.get("options", []) + spec.get("items", []) + spec.get("targets", [])
        for note in notes:
            assert len(note["explanation"]) >= 10, exercise_id


def test_missing_field_is_named(key, seed):
    broken = copy.deepcopy(key)
    del broken["exercises"]["anatomy.lede"]["options"][0]["explanation"]
    with pytest.raises(KeyFormatError) as caught:
        validate_key(broken, seed, name="kerry-lavrov-moscow")
    message = str(caught.value)
    assert "kerry-lavrov-moscow" in message
    assert "exercises/anatomy.lede/options/0" in message
    assert "explanation" in message


def test_span_that_does_not_match_the_text_is_named(key, seed):
    broken = copy.deepcopy(key)
    broken["exercises"]["anatomy.nut_graf"]["targets"][0]["start"] += 3
    with pytest.raises(KeyFormatError, match="exercises/anatomy.nut_graf"):
        validate_key(broken, seed)


def test_match_answer_must_be_a_choice(key, seed):
    broken = copy.deepcopy(key)
    broken["exercises"]["anatomy.five_ws"]["items"][0]["answer"] = "p99"
    with pytest.raises(KeyFormatError, match="'p99'"):
        validate_key(broken, seed)


def test_key_file_that_is_not_json(tmp_path):
    bad = tmp_path / "mine.json"
    bad.write_text('{"article": "mine", "exercises": {', encoding="utf-8")
    with pytest.raises(KeyFormatError, match="'mine' is not valid JSON"):
        load_key(bad)


def test_unknown_key_lists_the_known_ones():
    with pytest.raises(FileNotFoundError, match="kerry-lavrov-moscow"):
        load_key("no-such-article")


def test_article_without_a_name_has_no_key():
    with pytest.raises(FileNotFoundError, match="no answer key"):
        load_key(kit.Article.from_text("Just text."))


def test_wrong_type_is_named(tmp_path):
    bad = tmp_path / "typo.json"
    bad.write_text(
        json.dumps(
            {
                "article": "typo",
                "exercises": {
                    "a.b": {"type": "quiz", "notebook": "x", "title": "t", "prompt": "p"}
                },
            }
        ),  # fmt: skip
        encoding="utf-8",
    )
    with pytest.raises(KeyFormatError, match="exercises/a.b/type"):
        load_key(bad)
