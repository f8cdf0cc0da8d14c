"""Loading and segmenting the seed article, exactly as DESIGN.md's API promises."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
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


# --------------------------------------------------------------------------------------------
# Lazy imports: the analysers never pay for the notebook machinery


def _modules_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_import_kit_chronology_does_not_load_widgets_or_plots():
    loaded = _modules_after("import kit.chronology")
    assert "kit.chronology" in loaded
    for heavy in ("ipywidgets", "IPython", "matplotlib", "kit.display", "kit.exercises"):
        assert heavy not in loaded


def test_import_kit_loads_display_and_exercises_on_first_use():
    loaded = _modules_after("import kit")
    assert "kit.article" in loaded
    assert "ipywidgets" not in loaded and "kit.display" not in loaded
    loaded = _modules_after("import kit\nkit.display\nkit.instructor_mode")
    assert {"kit.display", "kit.exercises", "ipywidgets"} <= loaded


def test_import_kit_and_loading_an_article_do_not_import_nltk_or_scipy():
    loaded = _modules_after("import kit\nkit.load_article('kerry-lavrov-moscow').paragraphs")
    assert "kit.article" in loaded
    assert "nltk" not in loaded and "scipy" not in loaded
    loaded = _modules_after("import kit\nkit.load_article('kerry-lavrov-moscow').sentences")
    assert "nltk" in loaded  # Punkt is imported when a sentence is first split


def test_students_nltk_calls_work_offline_after_import_kit(tmp_path):
    # A fresh process whose NLTK_DATA names only an empty folder: the sentence splitter and the
    # word tokenizer can only find punkt_tab in the kit's bundled folder.
    code = (
        "import kit, nltk\n"
        "print(nltk.data.path[0])\n"
        "print(nltk.sent_tokenize('Kerry met the U.S. envoy. Lavrov left.'))\n"
        "print(nltk.word_tokenize('Kerry met Lavrov.'))\n"
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout.splitlines()
    assert out[0] == str(Path(kit.__file__).parent / "nltk_data")
    assert out[1] == "['Kerry met the U.S. envoy.', 'Lavrov left.']"
    assert out[2] == "['Kerry', 'met', 'Lavrov', '.']"


def test_bundled_nltk_data_goes_first_on_the_path_once_nltk_is_imported():
    code = (
        "import nltk, kit\n"
        "folder = str(kit.text.NLTK_DATA)\n"
        "kit.text.use_bundled_nltk_data()\n"
        "print(nltk.data.path.index(folder), nltk.data.path.count(folder))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "1"]


def test_lazy_names_are_the_modules_themselves():
    import kit.display
    import kit.exercises

    assert kit.display is sys.modules["kit.display"]
    assert kit.instructor_mode is kit.exercises.instructor_mode
    assert {"display", "exercises", "attribution", "instructor_mode"} <= set(dir(kit))
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        kit.nonsense  # noqa: B018


# --------------------------------------------------------------------------------------------
# One segmentation per Article, tables built once and handed out as copies


def test_tables_are_built_once_and_copied(seed):
    first, second = seed.sentences, seed.sentences
    assert first is not second
    first["extra"] = 1
    first.loc[0, "text"] = "changed"
    assert "extra" not in seed.sentences.columns
    assert seed.sentences.loc[0, "text"] != "changed"
    assert seed._sentence_table is seed._sentence_table  # built once


def test_sentence_at_agrees_with_the_sentence_table(seed):
    spans = list(zip(seed.sentences.sentence_id, seed.sentences.start, seed.sentences.end))
    for offset in range(0, len(seed.text), 7):
        inside = [sid for sid, start, end in spans if start <= offset < end]
        assert seed.sentence_at(offset) == (inside[0] if inside else None)
    assert seed.sentence_at(-1) is None
    assert seed.sentence_at(len(seed.text) + 5) is None


def test_sentence_spans_take_a_range_with_offsets_into_the_whole_text():
    from kit.text import sentence_spans

    text = "Headline\n\nKerry met the U.S. envoy. Lavrov left."
    start = text.index("Kerry")
    spans = sentence_spans(text, start, len(text))
    assert [text[s:e] for s, e in spans] == ["Kerry met the U.S. envoy.", "Lavrov left."]
    assert sentence_spans(text[start:]) == [(s - start, e - start) for s, e in spans]


def test_sentence_words_are_the_tokens_of_each_sentence(seed):
    from kit.text import word_spans

    tokens = seed.tokens
    for index, row in enumerate(seed.sentences.itertuples()):
        spans = seed.sentence_words(index)
        assert spans == word_spans(seed.text, row.start, row.end)
        assert spans == seed.sentence_words(row.sentence_id)
        mine = tokens[tokens.sentence_id == row.sentence_id]
        assert spans == list(zip(mine.start, mine.end))
    with pytest.raises(KeyError, match="p99.s1"):
        seed.sentence_words("p99.s1")


def test_sentence_spans_are_the_sentences_table_without_a_table(seed):
    table = seed.sentences
    expected = list(zip(table.start.tolist(), table.end.tolist(), table.sentence_id.tolist()))
    assert list(seed.sentence_spans) == expected
    assert seed.sentence_spans is seed.sentence_spans  # found once, shared
    assert all(
        type(value) is int for start, end, _ in seed.sentence_spans for value in (start, end)
    )


def test_each_table_has_its_own_labels_and_cells(seed):
    first = seed.sentences
    first.columns.name = "renamed"
    first.loc[0, "text"] = "changed"
    again = seed.sentences
    assert again.columns.name is None and again.loc[0, "text"] != "changed"
    assert [str(dtype) for dtype in again.dtypes] == [str(dtype) for dtype in first.dtypes]
    assert [str(dtype) for dtype in seed.tokens.dtypes] == ["str", "str", "int64", "int64", "str"]
