"""Word segmentation over many sentences at once gives the words of each sentence on its own."""

from __future__ import annotations

import pytest

import kit
from kit.text import word_spans, words_of_spans


def _words(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    found = words_of_spans(text, spans)
    pairs = list(zip(found.starts.tolist(), found.ends.tolist()))
    assert found.texts == [text[s:e] for s, e in pairs]
    return [pairs[a:b] for a, b in zip(found.first, found.first[1:])]


@pytest.mark.parametrize("name", kit.bundled_ids())
def test_words_of_the_sentences_match_word_spans_sentence_by_sentence(name):
    art = kit.load_article(name)
    spans = list(zip(art.sentences.start, art.sentences.end))
    assert _words(art.text, spans) == [word_spans(art.text, s, e) for s, e in spans]


def test_spans_that_cut_through_words_are_tokenized_one_by_one():
    text = "The U.S.A. envoy met al-Assad’s aides."
    cut = text.index("Assad")  # inside "al-Assad’s": one pass would find a word over the cut
    spans = [(0, cut), (cut, len(text))]
    assert _words(text, spans) == [word_spans(text, s, e) for s, e in spans]
    assert [text[s:e] for s, e in _words(text, spans)[1]] == ["Assad’s", "aides", "."]


def test_words_between_spans_are_left_out():
    text = "They met. (aside) Lavrov left."
    spans = [(0, 9), (18, 30)]
    assert [[text[s:e] for s, e in words] for words in _words(text, spans)] == [
        ["They", "met", "."],
        ["Lavrov", "left", "."],
    ]
    assert words_of_spans(text, []).first == [0]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The U.S. envoy", ["The", "U.S.", "envoy"]),
        ("U.S.-led talks", ["U.S.", "-", "led", "talks"]),
        ("Russia’s al-Assad said 9.5 times", ["Russia’s", "al-Assad", "said", "9.5", "times"]),
        # an initial followed by a word with no space keeps its period and splits from it
        ("E.coli", ["E.", "coli"]),
        ("Mr.Smith", ["Mr.Smith"]),
        ("they're", ["they're"]),
    ],
)
def test_word_spans_keep_the_period_of_an_abbreviation(text, words):
    assert [text[s:e] for s, e in word_spans(text)] == words


@pytest.mark.parametrize(
    "chunk",
    [
        "  Kerry met Lavrov in Moscow on Tuesday.\n",
        "Kerry met Lavrov in Moscow on Tuesday",
        "Kerry said talks would go on?",
        " \n\t ",
        "Talks went on, he said, until late",
    ],
)
def test_a_text_with_no_possible_break_inside_is_one_sentence_as_punkt_says(chunk):
    from kit.text import sentence_spans, sentence_splitter

    text = "Before. " + chunk + " After."
    start, end = 8, 8 + len(chunk)
    punkt = []
    for s, e in sentence_splitter().span_tokenize(chunk):
        piece = chunk[s:e]
        s += len(piece) - len(piece.lstrip())
        e -= len(piece) - len(piece.rstrip())
        if s < e:
            punkt.append((start + s, start + e))
    assert sentence_spans(text, start, end) == punkt
    assert len(punkt) <= 1
