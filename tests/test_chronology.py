"""Tests for kit.chronology: each rule with the phrase it is for and a near miss it must not tag."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit import chronology
from kit.chronology import COLUMNS, time_expressions

ROOT = Path(__file__).resolve().parent.parent


def found(
    sentence: str, published: str | None = "2015-12-15", **options
) -> list[tuple[str, str, str]]:
    """(text, type, value) of every time expression in one sentence."""
    art = kit.Article.from_text(sentence, published=published)
    frame = time_expressions(art, **options)
    return list(zip(frame.text, frame.type, frame.value))


@pytest.fixture(scope="module")
def seed():
    return kit.load_article("kerry-lavrov-moscow")


# --------------------------------------------------------------------------------------------
# The seed article


def test_seed_time_expressions_exactly(seed):
    frame = time_expressions(seed)
    assert list(frame.columns) == COLUMNS
    assert list(zip(frame.text, frame.type, frame.value)) == [
        ("This Year", "DATE", "2015"),
        ("this year", "DATE", "2015"),
        ("2014", "DATE", "2014"),
        ("September 29", "DATE", "2015-09-29"),
        ("the next day", "DATE", "2015-09-30"),
        ("March 2014", "DATE", "2014-03"),
        ("September 2014", "DATE", "2014-09"),
        ("February 2015", "DATE", "2015-02"),
    ]
    assert list(frame.timex_id) == [f"t{n}" for n in range(1, 9)]
    for row in frame.itertuples():
        assert seed.text[row.start : row.end] == row.text
    assert frame.sentence_id.iloc[0] is None  # the headline is no sentence of the body
    assert frame.set_index("text").loc["the next day", "sentence_id"] == "p7.s1"


def test_seed_near_misses_are_not_tagged(seed):
    frame = time_expressions(seed)
    tagged = " | ".join(frame.text)
    for phrase in (
        "Cold War",
        "20th",
        "twentieth",
        "third meeting",
        "later",
        "thereafter",
        "Previous",
    ):
        assert phrase not in tagged, phrase


def test_seed_anchor_order(seed):
    # no published date: "this year" takes the year of the article's latest written date (2015)
    assert seed.published is None
    with_anchor = time_expressions(seed, anchor="2016-03-01")
    assert with_anchor.set_index("text").loc["this year", "value"] == "2016"
    assert with_anchor.set_index("text").loc["September 29", "value"] == "2015-09-29"  # nearest
    dated = kit.Article.from_text(seed.text, published="2015-12-15")
    assert time_expressions(dated).set_index("text").loc["this year", "value"] == "2015"


def test_seed_estimate_published(seed):
    evidence = chronology.estimate_published(seed)
    window = evidence.iloc[-1]
    assert window["kind"] == "window"
    assert window["not_before"] == pd.Timestamp("2015-09-30")
    assert window["not_before"] <= pd.Timestamp("2015-12-15") <= window["not_after"]
    assert pd.Timestamp("2015-09-29") < window["not_before"]
    kinds = set(evidence["kind"])
    assert {"latest past event", "this ...", "date without a year", "hint: looking back"} <= kinds
    assert evidence["reason"].str.len().min() > 20
    assert chronology.published_window(seed) == (window["not_before"], window["not_after"])


def test_seed_cross_check(seed):
    checked = chronology.cross_check(seed).set_index("event_id")
    assert checked.loc["r3", "article_text"] == "September 29"
    assert checked.loc["r3", "verdict"] == "disagrees"
    assert checked.loc["r3", "difference_days"] == 1
    assert checked.loc["r8", "article_text"] == "since March 2014"
    assert checked.loc["r8", "verdict"] == "disagrees"
    assert checked.loc["r5", "verdict"] == "agrees"  # the next day = 30 September
    assert checked.loc["r7", "verdict"] == "agrees"  # 2014 contains 18 March 2014
    assert checked.loc["r9", "verdict"] == "agrees"
    assert checked.loc["r10", "verdict"] == "agrees"
    assert checked.loc["r1", "verdict"] == "not dated in the article"
    assert checked.loc["r6", "verdict"] == "not dated in the article"


def test_cross_check_accepts_a_dataframe_and_a_path(seed, tmp_path):
    reference = pd.DataFrame(
        {"event": ["airstrikes begin"], "date": ["2015-09-30"], "article_says": ["the next day"]}
    )
    assert chronology.cross_check(seed, reference).verdict.tolist() == ["agrees"]
    path = tmp_path / "ref.csv"
    reference.assign(date="2015-10").to_csv(path, index=False)
    assert chronology.cross_check(seed, str(path)).verdict.tolist() == ["disagrees"]
    named = chronology.cross_check(seed, "kerry-lavrov-moscow")
    assert len(named) == len(pd.read_csv(ROOT / "data/reference/kerry-lavrov-moscow.csv"))


def test_cross_check_without_article_says_matches_by_words(seed):
    reference = pd.DataFrame(
        {"event": ["Putin ordered airstrikes on Syria"], "date": ["2015-09-30"]}
    )
    row = chronology.cross_check(seed, reference).iloc[0]
    assert row["timex_id"] == "t5" and row["verdict"] == "agrees"


def test_cross_check_errors(seed):
    with pytest.raises(FileNotFoundError, match="reference"):
        chronology.cross_check(seed, "no-such-article")
    with pytest.raises(ValueError, match="event and date"):
        chronology.cross_check(seed, pd.DataFrame({"what": ["x"]}))


def test_reference_csv_has_sources_for_every_row():
    ref = pd.read_csv(ROOT / "data/reference/kerry-lavrov-moscow.csv", dtype=str)
    assert {"event", "date", "precision", "source", "article_says"} <= set(ref.columns)
    assert ref["source"].str.len().min() > 10
    for value in ref["date"]:
        assert chronology.value_range(value) is not None


def test_seed_events_and_timeline(seed):
    ev = chronology.events(seed)
    assert list(ev.event_id) == [f"e{n}" for n in range(1, len(ev) + 1)]
    assert list(ev.position) == list(range(1, len(ev) + 1))
    assert "headline" not in set(ev.sentence_id.astype(str))
    line = chronology.timeline(seed)
    assert line.timex_text.tolist()[0] == "2014"
    assert line.timex_text.tolist()[-2:] == ["September 29", "the next day"]
    assert line.date_start.is_monotonic_increasing
    assert sorted(line.position) == sorted(ev.position)
    # the article is not told in date order
    assert line.position.tolist() != sorted(line.position.tolist())


# --------------------------------------------------------------------------------------------
# One rule at a time: the phrase it is for, and a near miss


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # absolute dates at their own precision
        (
            "The treaty was signed on Dec. 15, 2015, in Paris.",
            None,
            [("Dec. 15, 2015", "DATE", "2015-12-15")],
        ),
        (
            "The talks began on 29 September 2015.",
            None,
            [("29 September 2015", "DATE", "2015-09-29")],
        ),
        ("Fighting has gone on since March 2014.", None, [("March 2014", "DATE", "2014-03")]),
        ("Prices rose in 2014.", None, [("2014", "DATE", "2014")]),
        ("The 2014 annexation angered Kiev.", None, [("2014", "DATE", "2014")]),
        ("The rebels seized the town in mid-2014.", None, [("mid-2014", "DATE", "2014")]),
        ("The file is dated 2015-12-15.", None, [("2015-12-15", "DATE", "2015-12-15")]),
        # year from context
        ("They met on Sept. 29 in New York.", "2015-12-15", [("Sept. 29", "DATE", "2015-09-29")]),
        ("They met on Dec. 28 in Vienna.", "2016-01-05", [("Dec. 28", "DATE", "2015-12-28")]),
        ("The vote will be held on Jan. 10.", "2015-12-15", [("Jan. 10", "DATE", "2016-01-10")]),
        ("Rallies have been held since December.", "2012-02-28", [("December", "DATE", "2011-12")]),
        # a past-tense sentence weighs a later date double; a clause of its own is read alone
        (
            "The previous round, on Sept. 3, ended without a deal.",
            "2019-03-14",
            [("Sept. 3", "DATE", "2018-09-03")],
        ),
        ("The summit will open on Sept. 3.", "2019-03-14", [("Sept. 3", "DATE", "2019-09-03")]),
        (
            "It was supposed to end by Aug. 31, a deadline set in the spring.",
            "2021-08-16",
            [("Aug. 31", "DATE", "2021-08-31"), ("the spring", "DATE", "2021-SP")],
        ),
        ("Sales fell in November.", "2018-12-03", [("November", "DATE", "2018-11")]),
        ("The virus has spread since last May.", "2016-02-01", [("last May", "DATE", "2015-05")]),
        # relative to the time of writing
        ("Prices rose this year.", "2015-12-15", [("this year", "DATE", "2015")]),
        ("The talks began last week.", "2019-03-14", [("last week", "DATE", "2019-W10")]),
        ("They meet again next month.", "2019-03-14", [("next month", "DATE", "2019-04")]),
        (
            "Earlier this month, rates fell.",
            "2016-07-08",
            [("Earlier this month", "DATE", "2016-07")],
        ),
        ("The ministers met on Tuesday.", "2019-03-14", [("Tuesday", "DATE", "2019-03-12")]),
        ("The parliament will vote on Tuesday.", "2019-03-14", [("Tuesday", "DATE", "2019-03-19")]),
        ("Flights were cancelled yesterday.", "2010-04-07", [("yesterday", "DATE", "2010-04-06")]),
        # a weekday that opens its clause looks at the verb after it; no tense: the nearest one
        (
            "Tuesday's vote will be the third attempt.",
            "2016-05-16",
            [("Tuesday", "DATE", "2016-05-17")],
        ),
        (
            "The ministry said Thursday it had no comment.",
            "2016-05-16",
            [("Thursday", "DATE", "2016-05-12")],
        ),
        (
            "Polls close at 1 a.m. on Wednesday.",
            "2024-11-05",
            [("1 a.m.", "TIME", "2024-11-06T01:00"), ("Wednesday", "DATE", "2024-11-06")],
        ),
        (
            "Talks failed in July and November last year.",
            "2015-03-04",
            [("July", "DATE", "2014-07"), ("November last year", "DATE", "2014-11")],
        ),
        ("The strike began two weeks ago.", "2019-09-30", [("two weeks ago", "DATE", "2019-W38")]),
        ("The drought began last summer.", "2019-11-04", [("last summer", "DATE", "2019-SU")]),
        (
            "Profit rose in the third quarter.",
            "2017-10-20",
            [("the third quarter", "DATE", "2017-Q3")],
        ),
        ("Sales fell last quarter.", "2017-10-20", [("last quarter", "DATE", "2017-Q3")]),
        ("Sales fell in the current year.", "2016-03-03", [("the current year", "DATE", "2016")]),
        (
            "The vote ended late yesterday.",
            "2016-03-03",
            [("late yesterday", "DATE", "2016-03-02")],
        ),
        (
            "Prices will rise over the next few years.",
            None,
            [("the next few years", "DURATION", "PXY")],
        ),
        ("It happened a few weeks ago.", "2016-03-03", [("a few weeks ago", "DATE", "PAST_REF")]),
        ("Trade peaked in the 1990s.", None, [("the 1990s", "DATE", "199")]),
        (
            "Temperatures have risen since the late 19th century.",
            None,
            [("the late 19th century", "DATE", "18")],
        ),
        (
            "Shoppers spent more than last Christmas.",
            "2010-12-20",
            [("last Christmas", "DATE", "2009-12-25")],
        ),
        (
            "The heat would ease by the weekend.",
            "2019-07-25",
            [("the weekend", "DATE", "2019-W30-WE")],
        ),
        # relative to the story: the date given just before
        (
            "The bridge closed on Feb. 25. The day before, cracks were found.",
            "2016-03-03",
            [("Feb. 25", "DATE", "2016-02-25"), ("The day before", "DATE", "2016-02-24")],
        ),
        (
            "Jets struck on Sept. 30. The following month, sorties doubled.",
            "2015-12-01",
            [("Sept. 30", "DATE", "2015-09-30"), ("The following month", "DATE", "2015-10")],
        ),
        (
            "The deal was signed on Feb. 12, 2015. Fighting flared two days later.",
            "2015-12-15",
            [("Feb. 12, 2015", "DATE", "2015-02-12"), ("two days later", "DATE", "2015-02-14")],
        ),
        # times
        (
            "The vote starts at 3 p.m. on May 10.",
            "2018-05-02",
            [("3 p.m.", "TIME", "2018-05-10T15:00"), ("May 10", "DATE", "2018-05-10")],
        ),
        (
            "Temperatures peaked on Thursday afternoon.",
            "2019-07-25",
            [("Thursday afternoon", "TIME", "2019-07-25TAF")],
        ),
        (
            "The group said this morning that it would sue.",
            "2010-04-07",
            [("this morning", "TIME", "2010-04-07TMO")],
        ),
        # durations
        ("He has led the department for three years.", None, [("three years", "DURATION", "P3Y")]),
        ("The talks lasted nearly four hours.", None, [("nearly four hours", "DURATION", "PT4H")]),
        ("Exports doubled over the past decade.", None, [("the past decade", "DURATION", "P1DE")]),
        ("It was a three-year premiership.", None, [("three-year", "DURATION", "P3Y")]),
        ("The lowest turnout in half a century.", None, [("half a century", "DURATION", "P50Y")]),
        ("Markets fell for five straight days.", None, [("five straight days", "DURATION", "P5D")]),
        ("He resigned hours after the vote.", None, [("hours", "DURATION", "PTXH")]),
        ("The wall fell decades ago.", None, [("decades ago", "DATE", "PAST_REF")]),
        # sets
        ("Protesters gather every week.", None, [("every week", "SET", "P1W")]),
        ("Rallies are held every Saturday.", None, [("every Saturday", "SET", "XXXX-WXX-6")]),
        ("They meet twice a month.", None, [("twice a month", "SET", "P1M")]),
        ("Shelling is heard every night.", None, [("every night", "SET", "XXXX-XX-XXTNI")]),
        ("Airlines lost $200 million a day.", None, [("a day", "SET", "P1D")]),
        (
            "Cuts of 12 hours a day are expected.",
            None,
            [("12 hours", "DURATION", "PT12H"), ("a day", "SET", "P1D")],
        ),
        ("They spent a day in Geneva.", None, [("a day", "DURATION", "P1D")]),
        # fuzzy references
        ("Relations are worse now.", None, [("now", "DATE", "PRESENT_REF")]),
        (
            "Several states have recently changed the rules.",
            None,
            [("recently", "DATE", "PAST_REF")],
        ),
        (
            "Consultations will follow in the coming months.",
            None,
            [("the coming months", "DATE", "FUTURE_REF")],
        ),
    ],
)
def test_rule_fires(sentence, published, expected):
    assert found(sentence, published) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Relations fell to Cold War levels.",  # a period name
        "It was the third meeting about Syria.",  # an ordinal count
        "Kerry expects progress in the 20th meeting.",  # "20th" is no day without a month
        "His meeting is the twentieth with Lavrov.",  # neither is "twentieth"
        "Theresa May said the talks would go on.",  # a person
        "Thousands joined a march on the capital.",  # the noun
        "The talks may resume.",  # the verb
        "Ten years after the Arab Spring the region is poorer.".replace("Ten years after ", ""),
        "The Good Friday Agreement holds.",  # a name with a weekday in it
        "The fall of the Berlin Wall changed Europe.",  # "fall" is no season here
        "Evidence later surfaced that the strikes hit rebels.",  # "later" orders, it does not date
        "The ministry issued a statement shortly thereafter.",  # neither does "thereafter"
        "Previous talks have yielded no results.",  # nor "previous"
        "The company hired 2,014 workers and paid $2015 each.",  # numbers, not years
        "They sought a second term.",  # "a second" is an ordinal
        "Inflation hit 2015 percent.",  # a number with percent
    ],
)
def test_rule_does_not_fire(sentence):
    assert found(sentence) == []


def test_this_year_fires_next_to_an_ordinal():
    assert found("His meeting with Lavrov is the twentieth this year.") == [
        ("this year", "DATE", "2015")
    ]


def test_month_alone_needs_a_cue_for_may_and_march():
    assert found("The bridge opened in May.", "2018-11-26") == [("May", "DATE", "2018-05")]
    assert found("May said she would resign.", "2019-05-24") == []


def test_next_day_without_an_earlier_date_counts_from_the_anchor():
    assert found("The next day, talks resumed.", "2015-12-15") == [
        ("The next day", "DATE", "2015-12-16")
    ]


def test_an_anchor_known_to_the_month_or_year_masks_what_it_cannot_know():
    art = kit.Article.from_text("Talks resumed on Tuesday, yesterday and on Sept. 29, this year.")
    assert time_expressions(art, anchor="2015-06")["value"].tolist() == [
        "2015-06-XX",
        "2015-06-XX",
        "2015-09-29",
        "2015",
    ]
    assert time_expressions(art, anchor="2015")["value"].tolist() == [
        "2015-XX-XX",
        "2015-XX-XX",
        "2015-09-29",
        "2015",
    ]


def test_no_anchor_at_all_leaves_the_year_unknown():
    assert found("Talks resumed on Tuesday and will go on this year.", None) == [
        ("Tuesday", "DATE", "XXXX-XX-XX"),
        ("this year", "DATE", "XXXX"),
    ]


def test_anchor_argument_accepts_dates_and_rejects_nonsense():
    art = kit.Article.from_text("Talks resumed yesterday.")
    assert time_expressions(art, anchor=dt.date(2015, 12, 15)).value.tolist() == ["2015-12-14"]
    assert time_expressions(art, anchor="2015-12-15").value.tolist() == ["2015-12-14"]
    with pytest.raises(ValueError, match="anchor"):
        time_expressions(art, anchor="next Tuesday")


def test_value_range():
    assert chronology.value_range("2014-03") == (
        pd.Timestamp("2014-03-01"),
        pd.Timestamp("2014-03-31"),
        "month",
    )
    assert chronology.value_range("2015-W51")[0] == pd.Timestamp("2015-12-14")
    assert chronology.value_range("199")[2] == "decade"
    assert chronology.value_range("PAST_REF") is None
    assert chronology.value_range("2015-XX-XX") is None


def test_lexicons_have_term_category_note():
    for name in ("non_dates", "fuzzy", "holidays"):
        frame = chronology.lexicon(name)
        assert list(frame.columns) == ["term", "category", "note"]
        assert len(frame) > 5 and frame.note.str.len().min() > 5


# --------------------------------------------------------------------------------------------
# Odd text: never crash, offsets always true


@pytest.mark.parametrize(
    "text",
    [
        "…",
        "“Unbalanced quote on Tuesday",
        "No paragraphs at all, just on Sept. 29 a line — and dashes – everywhere…",
        "On the 31st of February 2015 nothing happened.",  # an impossible date is skipped
        "At 25:99 and 13 p.m. the clocks stopped.",
        "\n\n\nSeptember\n\n29\n\n",
    ],
)
def test_odd_text(text):
    art = kit.Article.from_text(text)
    frame = time_expressions(art)
    for row in frame.itertuples():
        assert art.text[row.start : row.end] == row.text
    chronology.events(art)
    chronology.estimate_published(art)


PIECES = list("aeiouy tnsr.,;“”\"'’-—…\n0123456789") + [
    " May ",
    " Tuesday ",
    " 2014 ",
    " the next day ",
    " Sept. ",
    " last ",
    " week ",
    " ago ",
    " p.m. ",
    " every ",
    " years ",
    " Cold War ",
    " 29 ",
    " early ",
    " the ",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map("".join))
def test_any_text_gives_true_offsets(text):
    if not text.strip():
        return
    art = kit.Article.from_text(text, published="2015-12-15")
    frame = time_expressions(art)
    for row in frame.itertuples():
        assert art.text[row.start : row.end] == row.text
        assert row.type in ("DATE", "TIME", "DURATION", "SET")
    assert frame.start.is_monotonic_increasing


# --------------------------------------------------------------------------------------------
# The dev set: the quality bar, measured the TempEval-3 way


def test_dev_set_is_large_and_well_formed():
    records = [
        json.loads(line) for line in (ROOT / "tests/data/timex_dev.jsonl").read_text().splitlines()
    ]
    dev = [r for r in records if r["split"] == "dev"]
    assert sum(len(r["timexes"]) for r in dev) >= 150
    for record in records:
        dt.date.fromisoformat(record["dct"])
        for timex in record["timexes"]:
            assert record["text"][timex["start"] : timex["end"]] == timex["text"]
            assert timex["type"] in ("DATE", "TIME", "DURATION", "SET")


def test_dev_set_scores_above_the_bar():
    sys.path.insert(0, str(ROOT / "tools"))
    import score_timex

    result = score_timex.score(score_timex.load(split="dev"))
    assert result["relaxed F1"] >= 0.90
    assert result["value F1"] >= 0.80
