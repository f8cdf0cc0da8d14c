"""Drafted keys: complete, valid, marked as drafts, deterministic, explained by the analysers."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

import kit
from kit.keys import draft_key, load_key, save_key, validate_key
from kit.keys.draft import EXERCISES, agreement

VARIANTS = sorted(kit.paths.variants_dir().glob("*.txt"))
PLACEHOLDERS = {
    "anatomy.five_ws", "anatomy.headline_promise", "anatomy.nut_graf",
    "framing.frame_functions", "framing.which_variant",
}  # fmt: skip


@pytest.fixture(scope="module")
def seed_draft(seed) -> dict:
    return draft_key(seed)


@pytest.fixture(scope="module")
def seren() -> kit.Article:
    return kit.load_article("seren-river-talks")


@pytest.mark.parametrize(
    "source", ["kerry-lavrov-moscow", "seren-river-talks", *VARIANTS], ids=lambda s: str(s)[-30:]
)
def test_every_draft_validates_saves_and_loads(source, tmp_path):
    original = kit.load_article(source)
    # a copy of the article in a folder of its own: the key is saved beside it
    for sidecar in original.path.parent.glob(f"{original.name}.*"):
        if sidecar.suffix in (".txt", ".json") and not sidecar.name.endswith(".key.json"):
            shutil.copy(sidecar, tmp_path / sidecar.name)
    article = kit.load_article(tmp_path / f"{original.name}.txt")
    draft = draft_key(article)
    validate_key(draft, article)
    where = save_key(draft, article)
    assert where == tmp_path / f"{original.name}.key.json"
    loaded = load_key(article)
    assert loaded == draft
    assert set(draft["exercises"]) <= set(EXERCISES)
    assert list(draft["exercises"]) == [e for e in EXERCISES if e in draft["exercises"]]


def test_draft_marks_itself_and_its_placeholders(seed_draft):
    assert seed_draft["draft"] is True
    for name, spec in seed_draft["exercises"].items():
        if name in PLACEHOLDERS:
            assert spec["status"] == "placeholder", name
            assert set(spec) <= {"type", "notebook", "title", "prompt", "status", "message"}
        else:
            assert spec["status"] == "kit", name
            notes = [*spec.get("options", []), *spec.get("items", []), *spec.get("targets", [])]
            notes = notes or [spec]  # a text exercise has no items: the spec carries the mark
            assert notes and all(note["source"] == "kit" for note in notes), name


def test_the_same_article_gives_the_same_draft(seed):
    first = json.dumps(draft_key(seed), ensure_ascii=False, sort_keys=True)
    second = json.dumps(draft_key(kit.load_article("kerry-lavrov-moscow")), ensure_ascii=False,
                        sort_keys=True)  # fmt: skip
    assert first == second


def test_every_explanation_is_there(seed_draft):
    for name, spec in seed_draft["exercises"].items():
        notes = [*spec.get("options", []), *spec.get("items", []), *spec.get("targets", []),
                 *spec.get("distractors", [])]  # fmt: skip
        for note in notes:
            assert len(note["explanation"]) >= 20, (name, note)


def test_explanations_give_the_analysers_reasons(seed_draft):
    who = {i["id"]: i for i in seed_draft["exercises"]["attribution.who_said_it"]["items"]}
    # "He told Lavrov, “...”": the pronoun, who it is, and where that person was last named
    assert who["q4"]["answer"] == "John Kerry"
    assert "‘He’ is John Kerry" in who["q4"]["explanation"]
    assert "p3" in who["q4"]["explanation"]
    # the scare quotes with no speaker
    assert who["q6"]["answer"] == "No speaker named"
    # a continuation names the quotation it continues
    assert who["q18"]["answer"] == "Sergei Lavrov"
    assert "continues" in who["q18"]["explanation"]
    dates = {i["text"]: i for i in seed_draft["exercises"]["chronology.resolve_dates"]["items"]}
    assert dates["the next day"]["answer"] == "2015-09-30"
    assert "September 29" in dates["the next day"]["explanation"]
    assert "February 2015" in dates["this year"]["explanation"]


def test_dateline_anchors_the_explanations_and_remarks(seren):
    draft = draft_key(seren)
    remarks = draft["remarks"]
    assert remarks["anatomy.dateline"] == "The dateline says ORVEL, 12 March 2024."
    assert "dateline" in remarks["chronology.anchor"]
    dates = {i["text"]: i for i in draft["exercises"]["chronology.resolve_dates"]["items"]}
    assert dates["yesterday"]["answer"] == "2024-03-11"
    assert "counts from the dateline, ORVEL, 12 March 2024" in dates["yesterday"]["explanation"]


def test_remarks_of_an_article_without_a_dateline(seed, seed_draft):
    remarks = seed_draft["remarks"]
    assert remarks["anatomy.dateline"].startswith("This article has no dateline")
    words = remarks["anatomy.words"].split(", ")
    assert 3 <= len(words) <= 5 and "Kerry" in words
    assert "February 2015" in remarks["chronology.anchor"]
    acts = kit.attribution.sources(seed)
    kerry = int(acts.set_index("speaker").loc["John Kerry", "quotes"])
    assert f"John Kerry ({kerry})" in remarks["attribution.sources"]


def test_distractors_where_the_type_needs_them(seed_draft):
    exercises = seed_draft["exercises"]
    who = exercises["attribution.who_said_it"]
    answers = {i["answer"] for i in who["items"]}
    assert set(who["choices"]) - answers  # wrong speakers from the article's other speakers
    dates = exercises["chronology.resolve_dates"]
    assert "2015-09-28" in dates["choices"] and "2014-03-01" in dates["choices"]  # slips
    words = {d["text"] for d in exercises["chronology.find_time_expressions"]["distractors"]}
    assert {"twentieth", "Cold War", "later"} <= words  # counts, names and signals


def test_exercises_with_nothing_to_ask_are_left_out(tmp_path):
    plain = tmp_path / "quiet.txt"
    plain.write_text(
        "A Quiet Day at the Port\n\nShips came and went. The harbour was calm and the cranes "
        "worked slowly.\n\nFishermen mended their nets on the quay.\n\nNothing else happened.\n",
        encoding="utf-8",
    )
    article = kit.load_article(plain)
    draft = draft_key(article)
    validate_key(draft, article)
    assert "attribution.who_said_it" not in draft["exercises"]
    assert "chronology.resolve_dates" not in draft["exercises"]
    assert "chronology.spot_disagreements" not in draft["exercises"]
    assert draft["remarks"]["attribution.sources"].startswith("The article quotes no one")


def test_disagreements_only_with_a_reference_timeline(seed_draft, tmp_path):
    assert "chronology.spot_disagreements" in seed_draft["exercises"]
    variant = kit.load_article(VARIANTS[0])
    assert "chronology.spot_disagreements" not in draft_key(variant)["exercises"]
    # NAME.reference.csv beside the article file is found too
    shutil.copy(VARIANTS[0], tmp_path / VARIANTS[0].name)
    (tmp_path / f"{VARIANTS[0].stem}.reference.csv").write_text(
        "event,date,article_says\nThe first Minsk agreement,2014-10,September 2014\n",
        encoding="utf-8",
    )
    copy = kit.load_article(tmp_path / VARIANTS[0].name)
    spec = draft_key(copy)["exercises"]["chronology.spot_disagreements"]
    assert "2014-10" in spec["targets"][0]["explanation"]


AGREEMENT_EXERCISES = (
    "attribution.who_said_it", "attribution.kind_of_attribution",
    "chronology.find_time_expressions", "chronology.resolve_dates",
)  # fmt: skip


def test_draft_agrees_with_the_hand_written_key(seed, seed_draft, key):
    table = agreement(seed_draft, key)
    with pd.option_context("display.width", 120):
        print("\nAgreement of draft_key with the hand-written Kerry key:")
        print(table.round(2).to_string(index=False))
    rows = table.set_index("exercise")
    for name in AGREEMENT_EXERCISES:
        assert rows.loc[name, "compared"] >= 4, name
        assert rows.loc[name, "agreement"] >= 0.85, (name, rows.loc[name].to_dict())


def test_agreement_sees_a_wrong_answer(seed_draft, key):
    changed = json.loads(json.dumps(seed_draft))
    for item in changed["exercises"]["attribution.who_said_it"]["items"]:
        if item["id"] == "q4":
            item["answer"] = "Sergei Lavrov"
    rows = agreement(changed, key).set_index("exercise")
    assert (
        rows.loc["attribution.who_said_it", "agreed"]
        == rows.loc["attribution.who_said_it", "compared"] - 1
    )


def test_reviewed_key_of_the_second_lesson_differs_from_its_draft(seren):
    reviewed = load_key(seren)
    raw = json.loads(
        (kit.paths.keys_dir() / "drafts" / "seren-river-talks.draft.json").read_text("utf-8")
    )
    validate_key(raw, seren)
    assert raw["draft"] is True and "draft" not in reviewed
    assert all(spec["status"] == "reviewed" for spec in reviewed["exercises"].values())
    who = {i["id"]: i["answer"] for i in reviewed["exercises"]["attribution.who_said_it"]["items"]}
    assert who["q10"] == "Kalmarian television"
    assert "framing.which_variant" not in reviewed["exercises"]


def test_whose_word_uses_only_words_the_naming_list_marks_as_side_dependent(seed, monkeypatch):
    drafted = draft_key(seed)["exercises"]["framing.naming_sides"]["items"]
    assert {item["text"] for item in drafted} >= {"invasion", "civil war", "settlement"}
    read = kit.lexicons.read

    def settlement_not_side_dependent(name):
        rows = read(name)
        if name != "framing_naming":
            return rows
        return [{**r, "side_dependent": ""} if r["term"] == "settlement" else r for r in rows]

    monkeypatch.setattr(kit.lexicons, "read", settlement_not_side_dependent)
    again = draft_key(seed)["exercises"]["framing.naming_sides"]["items"]
    assert "settlement" not in {item["text"] for item in again}
    assert {"invasion", "civil war"} <= {item["text"] for item in again}
