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


# Sentence splitting answers Punkt's question "is there a break here?" itself where the answer
# follows from the kit's parameters (kit.text.certain_break). Punkt itself must agree, on tricky
# text made of abbreviations, initials, numbers, quotes, ellipses, "?" and "!", lower-case starts
# and unusual white space.
# fmt: off
TRICKY_PIECES = [
    "Kerry", "met", "the", "envoy", "said", "talks", "The", "But", "He", "They", "it", "and",
    "U.S.", "u.s.", "U.S.A.", "Mr.", "mr.", "MR.", "Ms.", "Sept.", "a.m.", "p.m.", "p.", "No.",
    "ex-Gen.", "Gen-X.", "al-Assad.", "Russia’s.", "rock'n'roll.", "F.B.I.", "D.Y.", "J.", "K.",
    "e.g.", "i.e.", "Inc.", "2010.", "9.5", "1,000.", "5.", "3", "...", "…", "..", ". . .",
    "?", "!", "?!", "now?", "why!", "said.", "said.”", "now?”", "left.)", "“Why", "(so.", "“Stop.",
    "”", "“", "\"", "'", "’", ")", "(", "--", ",", ";", ":", "Éric.", "İstanbul.", "\u212aelvin.",
    "x²."
]
# fmt: on
TRICKY_GAPS = [" ", " ", " ", "", "  ", "\n", "\xa0", "\t", "\x1c", "\u2028", " \n "]


def _tricky_texts(count: int, seed: int) -> list[str]:
    import random

    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        words = [rng.choice(TRICKY_PIECES) for _ in range(rng.randint(1, 30))]
        texts.append("".join(word + rng.choice(TRICKY_GAPS) for word in words))
    return texts


def _kit_and_plain_punkt():
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from kit.text import sentence_splitter

    kit_punkt = sentence_splitter()
    plain = PunktSentenceTokenizer(kit_punkt._params, lang_vars=kit_punkt._lang_vars)
    assert type(kit_punkt) is not PunktSentenceTokenizer
    return kit_punkt, plain


def test_certain_breaks_are_the_breaks_punkt_finds():
    from kit.text import abbreviation_types, certain_break, sentence_starters

    kit_punkt, plain = _kit_and_plain_punkt()
    answers = {True: 0, False: 0, None: 0}
    texts = _tricky_texts(4000, seed=16) + [
        kit.load_article(name).text for name in kit.bundled_ids()
    ]
    for text in texts:
        for _, context in kit_punkt._match_potential_end_contexts(text):
            known = certain_break(context, abbreviation_types(), sentence_starters())
            answers[known] += 1
            if known is not None:
                assert known == plain.text_contains_sentbreak(context), context
    # every kind of answer is given, so the comparison above is not empty
    assert min(answers.values()) > 100, answers


def test_sentences_are_the_ones_plain_punkt_finds():
    kit_punkt, plain = _kit_and_plain_punkt()
    texts = _tricky_texts(1500, seed=61) + [
        kit.load_article(name).text for name in kit.bundled_ids()
    ]
    for text in texts:
        assert list(kit_punkt.span_tokenize(text)) == list(plain.span_tokenize(text)), text


@pytest.mark.parametrize(
    ("context", "known"),
    [
        ("said. The", True),
        ("now?”", True),
        ("al-Assad. Then", True),
        ("F.B.I. in", True),
        ("U.S. envoy", False),
        ("U.S. The", True),
        ("U.S. Kerry", False),
        ("2010. The", True),
        ("2010. in", False),
        ("J. Smith", None),
        ("Mr.\xa0Smith", None),
        ("ex-Gen. Smith", None),
        ("U.S. officials.", None),
    ],
)
def test_certain_break_answers_only_what_is_certain(context, known):
    from kit.text import abbreviation_types, certain_break, sentence_starters

    assert certain_break(context, abbreviation_types(), sentence_starters()) is known
