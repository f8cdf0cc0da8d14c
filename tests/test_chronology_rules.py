"""Chronology rules as records, word lists that reload, history, long texts, reference timelines."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit import chronology, paths
from kit.chronology import candidates as candidates_module
from kit.chronology import patterns, time_expressions
from kit.chronology.candidates import candidates
from kit.chronology.normalise import from_template
from kit.chronology.patterns import EXAMPLE_DATE, RULES, lexicon_rules, rule

ALL_RULES = [*RULES, *lexicon_rules()]


def timexes(sentence: str, published: str | None = "2015-12-15") -> list[list]:
    art = kit.Article.from_text("Example\n\n" + sentence, published=published)
    return time_expressions(art)[["text", "type", "value"]].values.tolist()


# --------------------------------------------------------------------------------------------
# One rule, one record: its example is true, and a rule the resolver cannot read fails at once


@pytest.mark.parametrize("one_rule", ALL_RULES, ids=[r.name for r in ALL_RULES])
def test_every_rule_finds_its_example_with_its_value(one_rule):
    sentence, value = one_rule.example
    assert sentence and value, f"rule {one_rule.name!r} has no example"
    text = "Example\n\n" + sentence
    spans = {(m.start, m.end) for m in candidates(text) if m.rule.name == one_rule.name}
    assert spans, f"rule {one_rule.name!r} does not fire on its own example"
    frame = time_expressions(kit.Article.from_text(text, published=EXAMPLE_DATE))
    values = [v for s, e, v in zip(frame.start, frame.end, frame.value) if (s, e) in spans]
    assert value in values


def test_every_rule_names_a_kind_a_value_and_a_trigger_or_reads_everything():
    for one_rule in ALL_RULES:
        assert one_rule.kind in patterns.KINDS
        assert callable(one_rule.compute)
        assert one_rule.trigger is None or isinstance(one_rule.trigger, patterns.Trigger)


def test_a_rule_of_an_unknown_kind_fails_naming_the_rule():
    with pytest.raises(ValueError, match="'my new rule': unknown kind 'fortnight'"):
        rule("my new rule", "fortnight", r"(?P<t>fortnight)", value="DURATION P2W",
             trigger=None, example=("in a fortnight", "P2W"))  # fmt: skip


def test_a_bad_value_template_or_pattern_fails_naming_the_rule():
    with pytest.raises(ValueError, match="'odd': value 'DURATION P{count}W'.*unknown slot"):
        rule("odd", "duration", r"(?P<t>weeks)", value="DURATION P{count}W", trigger=None,
             example=("", ""))  # fmt: skip
    with pytest.raises(ValueError, match="'odd'.*TYPE one of DATE"):
        rule("odd", "duration", r"(?P<t>weeks)", value="WEEKS", trigger=None, example=("", ""))
    with pytest.raises(ValueError, match="'no group'.*no group"):
        rule("no group", "duration", r"weeks", value="DURATION PXW", trigger=None,
             example=("", ""))  # fmt: skip
    with pytest.raises(ValueError, match="'not a function'"):
        rule("not a function", "duration", r"(?P<t>weeks)", value=42, trigger=None,
             example=("", ""))  # fmt: skip


def test_a_new_rule_with_a_template_is_read_by_the_resolver(monkeypatch):
    fortnight = rule(
        "a fortnight", "duration", r"(?P<t>a\s+fortnight)", value="DURATION P2W",
        trigger=None, example=("The talks lasted a fortnight.", "P2W"),
    )  # fmt: skip
    assert timexes("The talks lasted a fortnight.") == []
    monkeypatch.setattr(patterns, "RULES", [*RULES, fortnight])
    monkeypatch.setattr("kit.chronology.candidates.RULES", [*RULES, fortnight])
    assert timexes("The talks lasted a fortnight.") == [["a fortnight", "DURATION", "P2W"]]


def test_a_template_fills_its_slots_from_the_match():
    compute = from_template("SET XXXX-XX-XXT{part}")
    match = candidates("Sirens sounded every night.")[0]
    assert compute(match, None) == ("SET", "XXXX-XX-XXTNI", None)


def test_one_month_table_for_everyone():
    from kit.chronology.words import MONTHS, month_number

    assert chronology.MONTHS is MONTHS
    assert [month_number(m) for m in ("Jan.", "Sept", "september", "DEC")] == [1, 9, 9, 12]


# --------------------------------------------------------------------------------------------
# Word lists: an edited copy takes effect on the next call, with no cache to clear


@pytest.fixture()
def lexicon_copy(tmp_path, monkeypatch):
    """The kit's word lists copied to a folder the kit reads instead; returns the folder."""
    for file in paths.lexicons_dir().glob("*.csv"):
        shutil.copy2(file, tmp_path / file.name)  # copy2 keeps the times: an edit is newer
    monkeypatch.setattr(paths, "lexicons_dir", lambda: tmp_path)
    return tmp_path


def add_row(folder: Path, name: str, *row: str) -> None:
    with open(folder / f"chronology_{name}.csv", "a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(row)


def test_an_added_fuzzy_word_is_found_on_the_next_call(lexicon_copy):
    sentence = "In bygone days the valley was green."
    assert timexes(sentence) == []
    add_row(lexicon_copy, "fuzzy", "in bygone days", "PAST_REF", "Some time before, loosely.")
    assert timexes(sentence) == [["In bygone days", "DATE", "PAST_REF"]]


def test_an_added_holiday_is_dated_on_the_next_call(lexicon_copy):
    sentence = "Shops closed on Harvest Day."
    assert timexes(sentence) == []
    add_row(lexicon_copy, "holidays", "Harvest Day", "XXXX-10-01", "A holiday on 1 October.")
    assert timexes(sentence) == [["Harvest Day", "DATE", "2015-10-01"]]


def test_an_added_name_stops_a_date_on_the_next_call(lexicon_copy):
    sentence = "The Seven Days Battle ended the campaign."
    assert timexes(sentence) == [["Seven Days", "DURATION", "P7D"]]
    add_row(lexicon_copy, "non_dates", "Seven Days Battle", "event", "A name, not a duration.")
    assert timexes(sentence) == []


def test_an_added_tense_cue_turns_a_weekday_ahead_on_the_next_call(lexicon_copy):
    sentence = "Ministers reconvene on Saturday."  # written on Tuesday 2015-12-15
    assert timexes(sentence) == [["Saturday", "DATE", "2015-12-12"]]  # the nearest Saturday
    add_row(lexicon_copy, "tense", "reconvene", "future", "A scheduled step.")
    assert timexes(sentence) == [["Saturday", "DATE", "2015-12-19"]]


# --------------------------------------------------------------------------------------------
# History and the far future: TimeML values, no crash, NaT where pandas has no Timestamp

HISTORY = [
    ("The temple was built 2,500 years ago.", "2,500 years ago", "BC0486", "year"),
    ("The town grew in the 16th century.", "the 16th century", "15", "century"),
    ("Trade boomed in the 1600s.", "the 1600s", "16", "century"),
    ("The bridge was built 400 years ago.", "400 years ago", "1615", "year"),
    ("The city was founded in 3000 BC.", "3000 BC", "BC3000", "year"),
    ("The plan looks ahead to the year 2500.", "the year 2500", "2500", "year"),
    ("Charlemagne was crowned in AD 800.", "AD 800", "0800", "year"),
]


@pytest.mark.parametrize(("sentence", "words", "value", "precision"), HISTORY)
def test_history_and_the_far_future_keep_their_value(sentence, words, value, precision):
    art = kit.Article.from_text("History\n\n" + sentence, published="2015-12-15")
    assert time_expressions(art)[["text", "value"]].values.tolist() == [[words, value]]
    row = chronology.events(art).iloc[0]
    assert (row.value, row.precision) == (value, precision)
    assert pd.isna(row.date_start) and pd.isna(row.date_end)
    assert chronology.timeline(art).value.tolist() == [value]
    assert chronology.estimate_published(art).iloc[-1]["kind"] == "window"
    reference = pd.DataFrame({"event": ["it"], "date": [value], "article_says": [words]})
    assert chronology.cross_check(art, reference).verdict.tolist() == ["agrees"]


def test_history_without_a_date_to_count_from_is_unknown_not_wrong():
    assert timexes("The bridge was built 400 years ago.", published=None) == [
        ["400 years ago", "DATE", "XXXX"]
    ]
    assert timexes("The city was founded in 3000 BC.", published=None)[0][2] == "BC3000"


def test_the_timeline_puts_history_before_the_news():
    art = kit.Article.from_text(
        "History\n\nTalks began on Sept. 29, 2015. The town was founded in the 16th century. "
        "It was settled in 3000 BC. Its plan reaches to the year 2500.",
        published="2015-12-15",
    )
    assert chronology.timeline(art).value.tolist() == ["BC3000", "15", "2015-09-29", "2500"]


def test_a_historical_reference_date_that_differs_disagrees():
    art = kit.Article.from_text("History\n\nThe town was founded in the 16th century.")
    reference = pd.DataFrame(
        {"event": ["founding"], "date": ["1712"], "article_says": ["the 16th century"]}
    )
    assert chronology.cross_check(art, reference).verdict.tolist() == ["disagrees"]


# --------------------------------------------------------------------------------------------
# Long texts: a text with no full stops is read, with true offsets (its speed is in make bench)


def test_a_long_single_line_keeps_true_offsets_and_the_dates_of_each_copy():
    body = "Talks resumed on Sept. 29 and ended two days later at 3 p.m. in Geneva "
    art = kit.Article.from_text("Transcript\n\n" + body * 400, published="2015-12-15")
    frame = time_expressions(art)
    assert len(frame) == 3 * 400
    assert (frame.text == [art.text[s:e] for s, e in zip(frame.start, frame.end)]).all()
    assert set(frame.value) == {"2015-09-29", "2015-10-01", "2015-10-01T15:00"}


# --------------------------------------------------------------------------------------------
# Reference timelines beside the article


def write_article(folder: Path, name: str = "my-article") -> Path:
    path = folder / f"{name}.txt"
    path.write_text("My headline\n\nThe ministers met on Sept. 29, 2015, in Vienna.\n")
    return path


def test_a_reference_beside_the_article_is_found_and_used(tmp_path):
    art = kit.load_article(write_article(tmp_path))
    assert chronology.find_reference(art) is None
    beside = tmp_path / "my-article.reference.csv"
    pd.DataFrame(
        {"event": ["Ministers meet in Vienna"], "date": ["2015-09-30"], "article_says": ["met"]}
    ).to_csv(beside, index=False)
    assert chronology.find_reference(art) == beside
    assert chronology.load_reference(art).event.tolist() == ["Ministers meet in Vienna"]
    checked = chronology.cross_check(art)
    assert checked[["verdict", "difference_days"]].values.tolist() == [["disagrees", -1]]


def test_the_bundled_reference_is_found_for_the_bundled_article():
    seed = kit.load_article("kerry-lavrov-moscow")
    assert chronology.find_reference(seed) == paths.reference_dir() / "kerry-lavrov-moscow.csv"
    assert len(chronology.load_reference(seed)) == len(chronology.load_reference(seed.name))


def test_no_reference_says_where_it_looked_and_how_to_write_one(tmp_path):
    art = kit.load_article(write_article(tmp_path))
    with pytest.raises(FileNotFoundError) as error:
        chronology.cross_check(art)
    message = str(error.value)
    assert str(tmp_path / "my-article.reference.csv") in message
    assert "event and date" in message and "reference=" in message
    typed = kit.Article.from_text("A text typed in a cell on Sept. 29, 2015.")
    assert chronology.find_reference(typed) is None
    with pytest.raises(FileNotFoundError, match="made from text"):
        chronology.load_reference(typed)


# --------------------------------------------------------------------------------------------
# Speed shortcuts change nothing: the words a rule needs or starts with are read from its
# pattern, and a rule tried only where they are finds what a search of the whole text finds


def shortcut_texts() -> list[str]:
    folders = [paths.articles_dir(), paths.variants_dir()]
    folders.append(Path(__file__).parent / "benchmarks" / "constructed")
    texts = [f.read_text(encoding="utf-8") for d in folders for f in sorted(d.glob("*.txt"))]
    seed = texts[0]
    odd = [seed.upper(), seed.replace(".", " "), seed.replace("e", "İ", 5),
           seed.replace("s", "ſ").replace("i", "ı"), "3 DAYS AGO, ſince 1990s, NOON."]  # fmt: skip
    return texts + odd


def test_rules_find_the_same_matches_with_and_without_their_shortcuts(monkeypatch):
    fast = {text: candidates(text) for text in shortcut_texts()}
    # without shortcuts: every rule's pattern searched in every stretch, names in the whole text
    monkeypatch.setattr("kit.chronology.candidates.shortcuts", lambda rule: ((), None))
    monkeypatch.setattr("kit.chronology.candidates.start_words", lambda pattern: None)
    for text, found in fast.items():
        slow = candidates(text)
        assert [(m.start, m.end, m.rule.name, m.groups) for m in found] == [
            (m.start, m.end, m.rule.name, m.groups) for m in slow
        ]


def test_a_rule_needs_the_words_its_pattern_cannot_match_without():
    ago = next(r for r in RULES if r.name == "ago")
    assert patterns.shortcuts(ago) == ((("ago",),), None)
    assert patterns.start_words(re.compile(r"(?:last\s+)?(?:Easter|Christmas)\b")) == (
        "last", "easter", "christmas")  # fmt: skip
    assert patterns.start_words(re.compile(r"\d+ days")) is None  # a digit: no word to look for
    assert patterns.required_words(re.compile(r"(?:days?)?")) == ()  # may match nothing


def test_folded_text_has_an_ascii_letter_exactly_where_a_pattern_ignoring_case_sees_one():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    letters = re.compile("[a-z]", re.IGNORECASE)
    folded = candidates_module.folded(every)
    assert len(folded) == len(every)
    for char, fold in zip(every, folded, strict=True):
        seen = bool(letters.fullmatch(char))
        assert seen == (fold.isascii() and fold.isalpha()), hex(ord(char))
        assert not seen or re.fullmatch(fold, char, re.IGNORECASE), hex(ord(char))


@pytest.mark.parametrize("trigger", sorted({r.trigger for r in RULES if r.trigger}, key=str))
def test_trigger_words_are_found_where_the_regular_expression_finds_them(trigger):
    for text in shortcut_texts():
        lowered = candidates_module.lowercase(text)
        expected = sorted(
            [m.span() for m in re.finditer(trigger.exact, text)] if trigger.exact else []
        ) + ([m.span() for m in re.finditer(trigger.lower, lowered)] if trigger.lower else [])
        assert trigger.finditer(text, lowered) == sorted(expected)
