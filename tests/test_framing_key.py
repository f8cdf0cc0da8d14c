"""The framing part of the seed's answer key agrees with the analyser, and its exercises work."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

import kit
from kit import display, exercises, framing, paths


@pytest.fixture(scope="module")
def seed_markers(seed):
    return framing.markers(seed)


def framing_exercises(key) -> dict:
    return {k: v for k, v in key["exercises"].items() if k.startswith("framing.")}


def test_every_key_item_is_flagged_with_its_category(seed, key, seed_markers):
    flagged = {(r.start, r.end, r.category) for r in seed_markers.itertuples()}
    items = key["framing"]["items"]
    assert len(items) >= 40
    missing = [(i["text"], i["category"]) for i in items
               if (i["start"], i["end"], i["category"]) not in flagged]  # fmt: skip
    assert missing == []


def test_key_items_quote_the_text_and_name_their_sentence(seed, key):
    for item in key["framing"]["items"]:
        assert seed.text[item["start"] : item["end"]] == item["text"]
        assert seed.sentence_at(item["start"]) == item["sentence_id"]
        assert item["category"] in framing.CATEGORIES
        assert len(item["explanation"]) > 30


def test_key_covers_every_category(key):
    assert {i["category"] for i in key["framing"]["items"]} == set(framing.CATEGORIES)


def test_at_least_five_framing_exercises_for_notebook_03(key):
    specs = framing_exercises(key)
    assert len(specs) >= 5
    assert {s["notebook"] for s in specs.values()} == {"03_framing"}
    assert {s["type"] for s in specs.values()} >= {"spans", "match", "text"}
    units = {s["unit"] for s in specs.values() if s["type"] == "spans"}
    assert units == {"word", "sentence"}


def test_loaded_word_targets_are_key_items(key):
    items = {(i["start"], i["end"]) for i in key["framing"]["items"]}
    for target in key["exercises"]["framing.loaded_words"]["targets"]:
        assert (target["start"], target["end"]) in items


def test_which_variant_answers_agree_with_the_variant_files(key):
    views = {"neutral": "Neutral wire style", "washington": "Washington's point of view",
             "moscow": "Moscow's point of view"}  # fmt: skip
    spec = key["exercises"]["framing.which_variant"]
    for item in spec["items"]:
        art = kit.load_article(paths.variants_dir() / f"kerry-lavrov-variant-{item['id']}.txt")
        assert item["answer"] == views[art.meta["point_of_view"]]
        assert art.headline in item["label"]
        assert key["framing"]["variants"][item["id"]]["point_of_view"] == art.meta["point_of_view"]


def perfect_answer(spec: dict):
    if spec["type"] == "choice":
        return [o["id"] for o in spec["options"] if o["correct"]]
    if spec["type"] == "match":
        return {i["id"]: (i["answer"] if isinstance(i["answer"], str) else i["answer"][0])
                for i in spec["items"]}  # fmt: skip
    if spec["type"] == "spans":
        return [[t["start"], t["end"]] for t in spec["targets"]]
    raise AssertionError(spec["type"])


@pytest.mark.parametrize(
    "exercise_id",
    ["framing.frame_functions", "framing.loaded_words", "framing.naming_sides",
     "framing.writer_voice", "framing.which_variant"],
)  # fmt: skip
def test_perfect_answers_score_full_and_empty_ones_do_not(key, exercise_id):
    spec = key["exercises"][exercise_id]
    assert exercises.check(spec, perfect_answer(spec)).score == 1.0
    empty = [] if spec["type"] in ("spans", "choice") else {}
    assert not exercises.check(spec, empty).score  # 0, or None: "answer first"


def test_loaded_words_widget_scores_clicked_words(seed, key, progress_folder):
    widget = exercises.exercise(seed, key, "framing.loaded_words")
    toggles = {t.description: t for t in widget.inputs}
    for word in ("retaliated", "ousting", "rebels", "Ceasefire"):
        toggles[word].value = True
    result = widget.check()
    spec = key["exercises"]["framing.loaded_words"]
    assert result.right == 3
    assert result.score == pytest.approx((3 - 0.5) / len(spec["targets"]))
    assert "plain name of what was agreed" in widget.feedback.value  # the distractor's reason
    assert list(progress_folder.glob("*.jsonl"))


def test_writer_voice_widget_offers_sentences_in_scope(seed, key):
    widget = exercises.exercise(seed, key, "framing.writer_voice")
    labels = [box.description for box in widget.inputs]
    assert labels[0] == "p5.s1" and labels[-1] == "p10.s3"
    for box in widget.inputs:
        box.value = box.description in ("p5.s2", "p9.s2")
    result = widget.check()
    assert result.right == 1
    assert "inside his quotation" in widget.feedback.value


def test_rewrite_exercise_counts_markers_live_and_grades(seed, key):
    spec = key["exercises"]["framing.rewrite"]
    assert spec["original"] == seed.sentences.set_index("sentence_id").loc["p8.s1", "text"]
    meter = exercises.framing_meter(spec["original"])
    check = exercises.framing_rewrite_check(spec)
    widget = exercises.free_text(seed, key, "framing.rewrite", live=meter, check=check)
    box = widget.inputs[0]
    live = next(c for c in widget.children[1].children if isinstance(c, widgets.HTML))
    assert "original sentence has <b>3</b>" in live.value
    box.value = spec["original"]
    assert "in your own words: <b>3</b>" in live.value and "raised a glass" in live.value
    assert widget.check().score == 0.5  # facts kept, every marker kept
    box.value = ("Kerry said Russia had been “a significant contributor to the progress that we "
                 "have been able to make” in Syria.")  # fmt: skip
    assert "in your own words: <b>0</b>" in live.value
    assert "Inside quotation marks" in live.value
    assert widget.check().score == 1.0
    box.value = "He said thanks."
    assert check(box.value).score < 0.5  # no marker, but the facts are gone
    assert "Too short" in check(box.value).to_text()


def test_framing_profile_plot(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    arts = {p.stem[-1].upper(): kit.load_article(p)
            for p in sorted(paths.variants_dir().glob("*.txt"))}  # fmt: skip
    ax = display.plot_framing_profile(framing.compare(arts))
    assert [t.get_text() for t in ax.get_legend().get_texts()] == sorted(arts)
    assert ax.get_yticklabels()[-1].get_text() == "all"
    ax.figure.savefig(tmp_path / "profile.png")
