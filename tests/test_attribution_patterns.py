"""The shortcuts that keep kit.attribution fast find exactly what the plain way finds."""

from __future__ import annotations

import random
import re

import pandas as pd

import kit
from kit import attribution, lexicons, paths
from kit.attribution import words
from kit.attribution.cues import cue_pattern
from kit.attribution.speakers import institution_pattern
from kit.text import word_spans


def plain_cue_pattern() -> re.Pattern:
    """The verbs of saying as a plain list of terms, longest first (the reference)."""
    terms = sorted((r["term"] for r in lexicons.read("reporting_verbs")), key=len, reverse=True)
    parts = [
        "[Aa]ccording\\s+to" if term == "according to" else re.escape(term).replace(r"\ ", r"\s+")
        for term in terms
    ]
    return re.compile(r"(?<![\w’'\-])(?:" + "|".join(parts) + r")(?![\w’'\-])")


def mixed_text(terms: list[str], seed: int) -> str:
    """Terms glued by spaces, line breaks, hyphens, apostrophes and nothing at all."""
    rng = random.Random(seed)
    glue = [" ", "  ", "\n", "", "-", "’", ", ", "."]
    pieces = terms + ["the", "A", "According", "reporters", "x"]
    return "".join(rng.choice(pieces) + rng.choice(glue) for _ in range(20_000))


def spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_verbs_of_saying_pattern_finds_what_the_list_of_terms_finds():
    article = kit.load_article("kerry-lavrov-moscow")
    terms = [r["term"] for r in lexicons.read("reporting_verbs")]
    reference = plain_cue_pattern()
    for text in (article.text, article.text.lower(), mixed_text(terms, 1), mixed_text(terms, 2)):
        assert spans(cue_pattern(), text) == spans(reference, text)


def test_institutions_pattern_finds_what_the_list_of_names_finds():
    rows = lexicons.read("attribution_institutions")
    names = sorted((r["term"] for r in rows if r["category"] == "institution"), key=len)
    reference = re.compile(
        r"(?<![\w.])(?:" + "|".join(map(re.escape, reversed(names))) + r")(?!\w)"
    )
    text = mixed_text([w for name in names for w in name.split()], 3)
    assert spans(institution_pattern(), text) == spans(reference, text)
    assert institution_pattern().search("the Russian Foreign Ministry said") is not None


def test_letter_tree_keeps_the_longer_term_first_and_refuses_odd_space():
    tree = words.letter_tree([list("told reporters"), list("told")])
    assert tree == "told(?: reporters|)"
    # the longer term wins where one starts another: "told reporters", not "told"
    assert re.search(tree, "Keller told reporters so").group() == "told reporters"
    assert words.letter_tree([[r"\s+"], ["\xa0"]]) is None


def test_words_of_a_stretch_are_the_words_found_by_tokenizing_it_again():
    article = kit.load_article("kerry-lavrov-moscow")
    text = article.text
    rng = random.Random(4)
    for start, end in zip(article.sentences["start"], article.sentences["end"]):
        words.sentence_tokens(text, start, end)
        for _ in range(20):  # stretches that start or end inside a word too
            a = rng.randint(start, end)
            b = rng.randint(a, end)
            expected = [(s, e, text[s:e]) for s, e in word_spans(text, a, b)]
            assert words.word_tokens(text, a, b) == expected
    words.refresh()


def test_remembered_answers_are_kept_until_a_word_list_changes(monkeypatch, tmp_path):
    for path in paths.lexicons_dir().glob("*.csv"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(paths, "lexicons_dir", lambda: tmp_path)
    calls = []

    def count(found_words):
        calls.append(found_words)
        return len(found_words)

    words.refresh()
    assert "said" in words.lexicon("reporting_verbs")
    assert words.remember(count, ["Foreign", "Minister"]) == 2
    assert words.remember(count, ["Foreign", "Minister"]) == 2
    assert len(calls) == 1
    words.refresh()  # the lists are as they were: the answer stands
    words.remember(count, ["Foreign", "Minister"])
    assert len(calls) == 1
    with open(tmp_path / "reporting_verbs.csv", "a", encoding="utf-8") as handle:
        handle.write("blorted,neutral,a new row\n")
    words.refresh()  # a list changed: everything worked out from the lists is worked out again
    words.remember(count, ["Foreign", "Minister"])
    assert len(calls) == 2
    assert "blorted" in words.lexicon("reporting_verbs")
    monkeypatch.undo()
    words.refresh()
    assert "blorted" not in words.lexicon("reporting_verbs")


def test_articles_read_at_once_in_threads_get_the_tables_they_get_alone():
    from concurrent.futures import ThreadPoolExecutor

    texts = [p.read_text(encoding="utf-8") for p in sorted(paths.variants_dir().glob("*.txt"))]
    texts.append(kit.load_article("kerry-lavrov-moscow").text)
    alone = [attribution.quotes(kit.Article.from_text(t)) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(3):
            together = list(pool.map(lambda t: attribution.quotes(kit.Article.from_text(t)), texts))
            for one, other in zip(alone, together):
                pd.testing.assert_frame_equal(one, other)


def test_the_table_is_the_same_without_pandas_constructor_for_ready_columns(monkeypatch):
    article = kit.load_article("kerry-lavrov-moscow")
    quick = attribution.quotes(article)
    monkeypatch.delattr(pd.DataFrame, "_from_arrays")
    plain = attribution.quotes(article)
    pd.testing.assert_frame_equal(quick, plain, check_exact=True)
    assert list(quick.dtypes) == list(plain.dtypes) and len(quick) > 10
    for column in quick.columns:
        assert [type(v) for v in quick[column]] == [type(v) for v in plain[column]], column
