"""The course follows its article: which article, which paragraphs, which remarks."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import kit
from kit import course

STORY = (
    "Talks resume in Lumeria\n\n"
    "LUMERIA CITY, 4 May 2023 – Envoy Mara Lind met Tomas Varga on Thursday.\n\n"
    "“We will meet again,” Lind said. Varga said the talks were useful.\n\n"
    "Lind left for Oslo. Varga stayed in Lumeria, where Lind had studied."
)


@pytest.fixture
def story() -> kit.Article:
    return kit.Article.from_text(STORY, name="lumeria")


def test_course_article_prefers_the_variable_then_the_course_file(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSKIT_ARTICLE", raising=False)
    monkeypatch.chdir(tmp_path)
    assert course.course_article() == "kerry-lavrov-moscow"
    inner = tmp_path / "week1" / "notebooks"
    inner.mkdir(parents=True)
    course.write_course_file(tmp_path / "week1", "story.txt")
    monkeypatch.chdir(inner)
    assert course.course_article() == str((tmp_path / "week1" / "story.txt").resolve())
    monkeypatch.setenv("NEWSKIT_ARTICLE", "kerry-lavrov-moscow")
    assert course.course_article() == "kerry-lavrov-moscow"


def test_a_course_file_with_a_bundled_id_keeps_the_id(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSKIT_ARTICLE", raising=False)
    (tmp_path / course.COURSE_FILE).write_text('{"article": "kerry-lavrov-moscow"}')
    monkeypatch.chdir(tmp_path)
    assert course.course_article(default="other") == "kerry-lavrov-moscow"


def test_a_broken_course_file_says_what_it_should_hold(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSKIT_ARTICLE", raising=False)
    (tmp_path / course.COURSE_FILE).write_text('["not", "an", "object"]')
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match="should hold"):
        course.course_article()


def test_paragraphs_of_an_exercise_come_from_scope_sentences_and_offsets(story):
    start = story.text.index("Varga said")
    spec = {"items": [{"id": "q1", "start": start}], "scope": {"sentence_ids": ["p3.s1"]}}
    assert course.paragraphs_of(story, spec) == ["p2", "p3"]
    assert course.paragraphs_of(story, {}) == []


def test_paragraphs_except_keeps_the_exercise_paragraphs_back(story):
    key = {"exercises": {"framing.loaded_words": {"scope": {"paragraph_ids": ["p2"]}}}}
    assert course.paragraphs_except(story, key, "framing.loaded_words") == ["p1", "p3"]


def test_busiest_paragraphs_avoid_the_exercise_ones_while_others_have_rows(story):
    table = pd.DataFrame({"sentence_id": ["p2.s1", "p2.s2", "p1.s1", "p3.s1", None]})
    assert course.busiest_paragraphs(story, table, n=1) == ["p2"]
    assert course.busiest_paragraphs(story, table, avoid=["p2"], n=2) == ["p1", "p3"]
    assert course.busiest_paragraphs(story, table, avoid=["p1", "p2", "p3"], n=1) == ["p2"]
    assert course.busiest_paragraphs(story, table.iloc[0:0]) == []


def test_main_names_come_from_the_key_or_the_article(story):
    assert course.main_names(story, n=2) == ["Lind", "Varga"]
    key = {"remarks": {"anatomy.words": "Oslo, Lumeria"}}
    assert course.main_names(story, key) == ["Oslo", "Lumeria"]


def test_remarks_show_only_when_the_key_has_them():
    key = {"remarks": {"anatomy.dateline": "This article has no dateline."}}
    shown = course.remark(key, "anatomy.dateline")
    assert shown is not None and shown.data == "This article has no dateline."
    assert course.remark(key, "anatomy.headline") is None
    assert course.remark({}, "anatomy.dateline") is None


def test_anchor_dates_use_the_record_then_the_publication_date():
    art = kit.Article.from_text("Title\n\nThe talks ended on 3 March 2021.", published="2021-03-05")
    assert course.anchor_dates(art) == ["2021-03-05", "2022-03-05"]
    key = {"remarks": {"chronology.record_date": "2020-02-29"}}
    assert course.anchor_dates(art, key) == ["2020-02-29", "2021-02-28"]


def test_make_course_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError, match="not empty"):
        course.make_course("kerry-lavrov-moscow", tmp_path, notebooks=())
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_make_course_copies_the_article_its_key_and_reference(tmp_path):
    folder = tmp_path / "class"
    done = course.make_course("kerry-lavrov-moscow", folder, notebooks=(), log=lambda _l: None)
    assert done == []
    article = kit.load_article(folder / "kerry-lavrov-moscow.txt")
    assert article.text == kit.load_article("kerry-lavrov-moscow").text
    assert article.published == kit.load_article("kerry-lavrov-moscow").published
    key = json.loads((folder / "kerry-lavrov-moscow.key.json").read_text(encoding="utf-8"))
    assert key["exercises"] == kit.keys.load_key("kerry-lavrov-moscow")["exercises"]
    assert (folder / "kerry-lavrov-moscow.reference.csv").is_file()
    settings = json.loads((folder / course.COURSE_FILE).read_text())
    assert settings == {"article": "kerry-lavrov-moscow.txt"}
