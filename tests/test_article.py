"""Loading and segmenting the seed article, exactly as DESIGN.md's API promises."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import nltk
import pytest

import kit
from kit import paths

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_56074c9c522ee125.txt"


def test_seed_ships_unchanged():
    shipped = paths.articles_dir() / "kerry-lavrov-moscow.txt"
    if SEED.is_file():  # the original sits beside the project in a checkout
        assert shipped.read_bytes() == SEED.read_bytes()
    assert "shorty thereafter" in shipped.read_text(encoding="utf-8")  # the typo stays


def test_headline_and_credits(seed):
    assert seed.headline == (
        "John Kerry Expects ‘Real Progress’ in 20th Meeting This Year with Russian Counterpart"
    )
    assert seed.credits == ["Mandel Ngan/Pool Image via AP", "Mandel Ngan/Pool Image via AP"]
    start, end = seed.headline_span
    assert seed.text[start:end] == seed.headline
    for (start, end), credit in zip(seed.credit_spans, seed.credits):
        assert seed.text[start:end] == credit


def test_metadata_is_unknown_not_guessed(seed):
    assert seed.published is None
    assert seed.source is None
    assert seed.language == "en"
    assert seed.name == "kerry-lavrov-moscow"


def test_paragraphs(seed):
    paragraphs = seed.paragraphs
    assert list(paragraphs.columns) == ["paragraph_id", "start", "end", "text"]
    assert len(paragraphs) == 12
    assert paragraphs["paragraph_id"].tolist() == [f"p{i}" for i in range(1, 13)]
    assert paragraphs.iloc[0]["text"].startswith("Secretary of State John Kerry landed in Moscow")
    assert paragraphs.iloc[-1]["text"].endswith("it would be a positive factor.”")
    for row in paragraphs.itertuples():
        assert seed.text[row.start : row.end] == row.text


def test_sentences(seed):
    sentences = seed.sentences
    assert list(sentences.columns) == ["sentence_id", "paragraph_id", "start", "end", "text"]
    assert len(sentences) == 29
    by_id = dict(zip(sentences["sentence_id"], sentences["text"]))
    # "U.S." does not end a sentence.
    assert by_id["p5.s2"] == (
        "The crisis has deteriorated\xa0relations between the U.S. and Russia to Cold War levels."
    )
    # A quotation that ends a sentence keeps its closing mark.
    assert by_id["p3.s2"].endswith("find common ground.”")
    assert by_id["p9.s4"].endswith("destroy them.”")
    assert by_id["p10.s1"].endswith("good and bad ones.”")
    assert by_id["p12.s2"] == "“Given the U.S. influence on Kiev, it would be a positive factor.”"
    assert not any(text.startswith("”") for text in sentences["text"])
    # Non-breaking spaces are kept as they are, inside their sentence.
    assert "\xa0" in by_id["p2.s1"]
    for row in sentences.itertuples():
        assert seed.text[row.start : row.end] == row.text


def test_tokens_have_offsets(seed):
    tokens = seed.tokens
    assert list(tokens.columns) == ["token_id", "sentence_id", "start", "end", "text"]
    for row in tokens.head(400).itertuples():
        assert seed.text[row.start : row.end] == row.text
    assert "U.S." in set(tokens["text"])
    assert "al-Assad’s" in set(tokens["text"])
    assert tokens.iloc[0]["token_id"] == "p1.s1.w1"


def test_sentence_at(seed):
    offset = seed.text.index("Cold War")
    assert seed.sentence_at(offset) == "p5.s2"
    assert seed.sentence_at(0) is None  # the headline is not a body sentence


def test_article_is_immutable(seed):
    with pytest.raises(AttributeError):
        seed.text = "changed"
    frame = seed.paragraphs
    frame.loc[0, "text"] = "changed"
    assert seed.paragraphs.loc[0, "text"] != "changed"


def test_from_text_with_published_and_headline():
    art = kit.Article.from_text(
        "Talks resume\n\nThe two ministers met on Tuesday. They spoke for an hour.",
        published="2015-12-15",
        source="Wire",
    )
    assert art.published == dt.date(2015, 12, 15)
    assert art.headline == "Talks resume"
    assert art.source == "Wire"
    assert art.sentences["text"].tolist() == [
        "The two ministers met on Tuesday.",
        "They spoke for an hour.",
    ]


def test_single_paragraph_has_no_headline():
    art = kit.Article.from_text("Lavrov said the talks were useful. Kerry agreed.")
    assert art.headline is None
    assert len(art.paragraphs) == 1
    assert len(art.sentences) == 2


def test_bad_published_date_is_explained():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        kit.Article.from_text("Some text.", published="15/12/2015")


def test_abbreviations_do_not_split_sentences():
    art = kit.Article.from_text(
        "Gen. Smith met Sen. Jones and U.N. envoys in Jan. 2015 at 9 a.m. on the U.S. side. "
        "Then they left."
    )
    assert len(art.sentences) == 2


def test_initials_and_dotted_acronyms_do_not_end_a_sentence():
    art = kit.Article.from_text(
        "Justice D.Y. Chandrachud said the court would rule. "
        "George H.W. Bush agreed. She works for the F.B.I. in Washington."
    )
    assert art.sentences["text"].tolist() == [
        "Justice D.Y. Chandrachud said the court would rule.",
        "George H.W. Bush agreed.",
        "She works for the F.B.I. in Washington.",
    ]
    split = kit.Article.from_text("He called the F.B.I. The agency said nothing.")
    assert len(split.sentences) == 2


def test_a_question_in_quotes_does_not_end_the_sentence_that_goes_on():
    art = kit.Article.from_text("“Why now?” he asked. “Stop!” shouted the guard. Was it? Yes.")
    assert art.sentences["text"].tolist() == [
        "“Why now?” he asked.",
        "“Stop!” shouted the guard.",
        "Was it?",
        "Yes.",
    ]


def test_sentence_after_abbreviation_still_splits_on_a_starter():
    art = kit.Article.from_text("He blamed the U.S. The ministry agreed.")
    assert art.sentences["text"].tolist() == ["He blamed the U.S.", "The ministry agreed."]


def test_nltk_works_offline_in_a_students_cell():
    assert nltk.sent_tokenize("Kerry met the U.S. envoy. Lavrov left.") == [
        "Kerry met the U.S. envoy.",
        "Lavrov left.",
    ]
    assert nltk.word_tokenize("Kerry met Lavrov.") == ["Kerry", "met", "Lavrov", "."]


def test_windows_line_endings_become_newlines():
    art = kit.Article.from_text("Headline here\r\n\r\nFirst paragraph.\r\n\r\nSecond one.\rEnd.")
    assert "\r" not in art.text
    assert art.headline == "Headline here"
    assert art.paragraphs["text"].tolist() == ["First paragraph.", "Second one.\nEnd."]
