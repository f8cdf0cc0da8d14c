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


# --------------------------------------------------------------------------------------------
# Where keys are found, and saved


def _article_copy(folder, name="mine") -> kit.Article:
    seed_file = kit.paths.articles_dir() / "kerry-lavrov-moscow.txt"
    (folder / f"{name}.txt").write_bytes(seed_file.read_bytes())
    return kit.load_article(folder / f"{name}.txt")


def _key_for(article, key) -> dict:
    mine = copy.deepcopy(key)
    mine["article"] = article.name
    return mine


def test_key_beside_the_article_comes_first(tmp_path, monkeypatch, key):
    article = _article_copy(tmp_path)
    elsewhere = tmp_path / "keys"
    elsewhere.mkdir()
    from_env = _key_for(article, key)
    from_env["exercises"]["anatomy.lede"]["title"] = "from the keys folder"
    (elsewhere / "mine.json").write_text(json.dumps(from_env), encoding="utf-8")
    monkeypatch.setenv("NEWSKIT_KEYS_DIR", str(elsewhere))
    assert load_key(article)["exercises"]["anatomy.lede"]["title"] == "from the keys folder"
    beside = _key_for(article, key)
    beside["exercises"]["anatomy.lede"]["title"] = "from beside the article"
    (tmp_path / "mine.key.json").write_text(json.dumps(beside), encoding="utf-8")
    assert load_key(article)["exercises"]["anatomy.lede"]["title"] == "from beside the article"


def test_missing_key_says_where_it_looked_and_how_to_make_one(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSKIT_KEYS_DIR", str(tmp_path / "keys"))
    article = _article_copy(tmp_path)
    with pytest.raises(FileNotFoundError) as caught:
        load_key(article)
    message = str(caught.value)
    assert str(tmp_path / "mine.key.json") in message
    assert str(tmp_path / "keys" / "mine.json") in message
    assert "python -m kit draft-key" in message and "make_a_key.ipynb" in message


def test_key_saved_with_a_byte_order_mark_is_read(tmp_path, key):
    article = _article_copy(tmp_path)
    text = json.dumps(_key_for(article, key), ensure_ascii=False)
    (tmp_path / "mine.key.json").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert load_key(article)["article"] == "mine"


def test_key_for_another_article_is_refused(tmp_path, key):
    article = _article_copy(tmp_path)
    (tmp_path / "mine.key.json").write_text(json.dumps(key), encoding="utf-8")
    with pytest.raises(KeyFormatError) as caught:
        load_key(article)
    assert "'kerry-lavrov-moscow'" in str(caught.value) and "'mine'" in str(caught.value)


def test_key_file_by_path_is_checked_against_the_article_beside_it(tmp_path, key):
    article = _article_copy(tmp_path)
    shifted = _key_for(article, key)
    shifted["exercises"]["anatomy.nut_graf"]["targets"][0]["start"] += 1
    (tmp_path / "mine.key.json").write_text(json.dumps(shifted), encoding="utf-8")
    with pytest.raises(KeyFormatError, match="exercises/anatomy.nut_graf/targets/0"):
        load_key(tmp_path / "mine.key.json")


def test_float_offset_names_the_field(key, seed):
    broken = copy.deepcopy(key)
    broken["exercises"]["anatomy.nut_graf"]["targets"][0]["start"] = 809.0
    with pytest.raises(KeyFormatError) as caught:
        validate_key(broken, seed)
    message = str(caught.value)
    assert "exercises/anatomy.nut_graf/targets/0/start" in message
    assert "809.0" in message and "write 809" in message


def test_duplicate_ids_are_refused(key, seed):
    broken = copy.deepcopy(key)
    items = broken["exercises"]["chronology.order_events"]["items"]
    items[1]["id"] = items[0]["id"]
    with pytest.raises(KeyFormatError, match="used twice"):
        validate_key(broken, seed)
    broken = copy.deepcopy(key)
    options = broken["exercises"]["anatomy.lede"]["options"]
    options[2]["id"] = options[1]["id"]
    with pytest.raises(KeyFormatError, match="exercises/anatomy.lede/options/2/id"):
        validate_key(broken, seed)


def test_placeholder_needs_only_its_prompt(key, seed):
    mine = copy.deepcopy(key)
    mine["exercises"]["anatomy.five_ws"] = {
        "type": "match", "notebook": "01_anatomy_of_an_article", "title": "Five Ws",
        "prompt": "Which paragraph answers each question?", "status": "placeholder",
    }  # fmt: skip
    validate_key(mine, seed)
    del mine["exercises"]["anatomy.five_ws"]["prompt"]
    with pytest.raises(KeyFormatError, match="exercises/anatomy.five_ws/prompt"):
        validate_key(mine, seed)
    mine["exercises"]["anatomy.lede"]["status"] = "done"
    with pytest.raises(KeyFormatError, match="status"):
        validate_key(mine, seed)


def test_own_validator_agrees_with_jsonschema(key):
    from kit.keys.validation import full_schema_problems, schema_problems

    broken = copy.deepcopy(key)
    del broken["exercises"]["anatomy.lede"]["options"][0]["explanation"]
    wrong_type = copy.deepcopy(key)
    wrong_type["exercises"]["framing.rewrite"]["keep"] = "Kerry"
    bad_name = copy.deepcopy(key)
    bad_name["remarks"]["Not A Name"] = "x"
    no_correct = copy.deepcopy(key)
    for option in no_correct["exercises"]["anatomy.lede"]["options"]:
        option["correct"] = False
    for case in (key, broken, wrong_type, bad_name, no_correct):
        ours = {where for where, _ in schema_problems(case)}
        theirs = {where for where, _ in full_schema_problems(case)}
        assert bool(ours) == bool(theirs)
        # the same field, or (for a missing field or a bad name) the field inside it
        assert all(any(o == t or o.startswith(t + "/") for t in theirs) for o in ours)


def _loaded_in_a_fresh_process(steps: str, module: str) -> bool:
    """Whether ``module`` is imported after running ``steps`` in a fresh Python."""
    import subprocess
    import sys

    probe = f"import sys, kit\n{steps}\nprint({module!r} in sys.modules)\n"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip() == "True"


def test_load_key_does_not_import_jsonschema():
    steps = "kit.keys.load_key(kit.load_article('kerry-lavrov-moscow'))"
    assert not _loaded_in_a_fresh_process(steps, "jsonschema")


def test_first_exercise_needs_no_sentence_splitting():
    """Loading a key and showing the first exercise of notebook 00 splits no sentences, so the
    student does not wait for NLTK's import before anything is on screen."""
    steps = (
        "art = kit.load_article('kerry-lavrov-moscow')\n"
        "key = kit.keys.load_key(art)\n"
        "kit.exercises.exercise(art, key, 'start.credit_line')"
    )
    assert not _loaded_in_a_fresh_process(steps, "nltk")
    assert _loaded_in_a_fresh_process(steps + "\nart.sentences", "nltk")  # the probe can tell


def test_a_wrong_sentence_id_is_named_when_its_exercise_is_built(tmp_path, key):
    article = _article_copy(tmp_path)
    broken = _key_for(article, key)
    exercise_id, number = next(
        (eid, n)
        for eid, spec in broken["exercises"].items()
        for n, item in enumerate(spec.get("items", []))
        if item.get("sentence_id")
    )
    broken["exercises"][exercise_id]["items"][number]["sentence_id"] = "p99.s1"
    (tmp_path / "mine.key.json").write_text(json.dumps(broken), encoding="utf-8")
    loaded = load_key(article)  # cheap checks only: the exercise says it when it is built
    field = f"exercises/{exercise_id}/items/{number}"
    with pytest.raises(KeyFormatError, match=field) as caught:
        kit.exercises.exercise(article, loaded, exercise_id)
    assert "no sentence 'p99.s1'" in str(caught.value)
    with pytest.raises(KeyFormatError, match=field):
        validate_key(broken, article)  # check-key and save_key check everything at once
    other = next(e for e in broken["exercises"] if e != exercise_id)
    kit.exercises.exercise(article, loaded, other)  # the other exercises still work


def test_save_key_writes_beside_the_article(tmp_path, key):
    from kit.keys import key_location, save_key

    article = _article_copy(tmp_path)
    mine = _key_for(article, key)
    assert key_location(article) == tmp_path / "mine.key.json"
    where = save_key(mine, article)
    assert where == tmp_path / "mine.key.json"
    text = where.read_text(encoding="utf-8")
    assert text.startswith('{\n "article": "mine"')
    assert "“" in text  # UTF-8, not \u escapes
    assert list(json.loads(text)["exercises"]) == list(mine["exercises"])


def test_a_draft_never_silently_replaces_a_reviewed_key(tmp_path, key):
    from kit.keys import save_key

    article = _article_copy(tmp_path)
    save_key(_key_for(article, key), article)
    draft = kit.keys.draft_key(article)
    with pytest.raises(FileExistsError, match="reviewed"):
        save_key(draft, article)
    assert "draft" not in load_key(article)
    save_key(draft, article, overwrite=True)
    assert load_key(article)["draft"] is True
    save_key(kit.keys.draft_key(article), article)  # a draft over a draft is fine


def test_save_key_checks_the_key_first(tmp_path, key):
    from kit.keys import save_key

    article = _article_copy(tmp_path)
    broken = _key_for(article, key)
    broken["exercises"]["anatomy.lede"]["options"][0]["correct"] = "yes"
    with pytest.raises(KeyFormatError, match="exercises/anatomy.lede/options/0/correct"):
        save_key(broken, article)
    assert not (tmp_path / "mine.key.json").exists()


def test_key_location_without_a_writable_folder(tmp_path, monkeypatch):
    from kit.keys import key_location

    article = _article_copy(tmp_path)
    monkeypatch.setattr("os.access", lambda path, mode: False)
    monkeypatch.delenv("NEWSKIT_KEYS_DIR", raising=False)
    with pytest.raises(ValueError, match="NEWSKIT_KEYS_DIR"):
        key_location(article)
    monkeypatch.setenv("NEWSKIT_KEYS_DIR", str(tmp_path / "keys"))
    assert key_location(article) == tmp_path / "keys" / "mine.json"
    with pytest.raises(ValueError, match="no name"):
        key_location(kit.Article.from_text("Some text.\n\nMore text."))


def test_remark_reads_the_key_and_falls_back():
    from kit.keys import remark

    assert remark(kit.keys.load_key("kerry-lavrov-moscow"), "anatomy.words") == (
        "Russia, Syria, Ukraine, Kerry, Lavrov"
    )
    assert remark({"remarks": {}}, "anatomy.dateline", "none") == "none"


def test_small_validator_reads_the_keywords_it_claims(monkeypatch):
    from kit.keys import validation

    rules = {
        "type": "object",
        "properties": {
            "name": {"type": "string", "maxLength": 3},
            "count": {"type": "integer", "maximum": 2, "exclusiveMinimum": 0},
            "tags": {"type": "array", "maxItems": 2, "uniqueItems": True},
            "pick": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
        },
        "maxProperties": 4,
    }
    monkeypatch.setattr(validation, "schema", lambda: rules)
    assert validation.schema_problems({"name": "abc", "count": 2, "tags": ["a"], "pick": 1}) == []
    bad = {"name": "abcd", "count": 0, "tags": ["a", "a", "b"], "pick": 1.5, "extra": 1}
    fields = {where for where, _ in validation.schema_problems(bad)}
    assert fields == {"name", "count", "tags", "pick", "(top level)"}
    monkeypatch.setattr(validation, "schema", lambda: {"type": "object", "dependentSchemas": {}})
    with pytest.raises(KeyFormatError, match="dependentSchemas"):
        validation.schema_problems({})
