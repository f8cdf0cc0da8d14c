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
    # a weekday with no day to count from is "a Tuesday in 2015" (TimeML "2015-WXX-2")
    assert time_expressions(art, anchor="2015-06")["value"].tolist() == [
        "2015-WXX-2",
        "2015-06-XX",
        "2015-09-29",
        "2015",
    ]
    assert time_expressions(art, anchor="2015")["value"].tolist() == [
        "2015-WXX-2",
        "2015-XX-XX",
        "2015-09-29",
        "2015",
    ]


def test_the_day_after_a_weekday_with_no_date_is_that_weekday():
    text = "Kerry met Lavrov on Tuesday and saw Putin later in the day."
    assert found(text, None) == [
        ("Tuesday", "DATE", "XXXX-WXX-2"),
        ("the day", "DATE", "XXXX-WXX-2"),
    ]


def test_no_anchor_at_all_leaves_the_year_unknown():
    assert found("Talks resumed on Tuesday and will go on this year.", None) == [
        ("Tuesday", "DATE", "XXXX-WXX-2"),
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


# --------------------------------------------------------------------------------------------
# Rules added after measuring on real news (each: the phrase it is for, and a near miss)


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        # "May of this year"; a month joined to one that names its year takes that year
        (
            "Rates were cut twice, in March and May of this year.",
            "2019-08-20",
            [("March", "DATE", "2019-03"), ("May of this year", "DATE", "2019-05")],
        ),
        (
            "Deadlines slipped in June and October last year.",
            "2016-03-01",
            [("June", "DATE", "2015-06"), ("October last year", "DATE", "2015-10")],
        ),
        # two days sharing one month
        (
            "Leaders meet on 8 and 9 July in Vilnius.",
            "2023-06-20",
            [("8", "DATE", "2023-07-08"), ("9 July", "DATE", "2023-07-09")],
        ),
        (
            "Voting takes place on April 4 and 5.",
            "2021-03-30",
            [("April 4", "DATE", "2021-04-04"), ("5", "DATE", "2021-04-05")],
        ),
        # a clock time with a dot before am/pm
        (
            "The tremor struck at 5.45 am on Monday.",
            "2019-11-27",
            [("5.45 am", "TIME", "2019-11-25T05:45"), ("Monday", "DATE", "2019-11-25")],
        ),
        # parts of the day named by the light, and "overnight" as an adverb
        (
            "Troops moved in before dawn on Sunday.",
            "2016-07-18",
            [("dawn", "TIME", "2016-07-17TMO"), ("Sunday", "DATE", "2016-07-17")],
        ),
        # (told in the past, "overnight" is last night, like "last night")
        (
            "Shelling continued overnight, residents said.",
            "2022-03-02",
            [("overnight", "TIME", "2022-03-01TNI")],
        ),
        # "the day" / "the night" inside a stretch of the story's day
        (
            "The minister resigned on Monday. Earlier in the day he had met the king.",
            "2018-02-07",
            [("Monday", "DATE", "2018-02-05"), ("the day", "DATE", "2018-02-05")],
        ),
        # a night and the morning after it in one sentence
        (
            "Envoys talked through the night and signed early on Thursday.",
            "2016-02-12",
            [("the night", "TIME", "2016-02-10TNI"), ("early on Thursday", "DATE", "2016-02-11")],
        ),
        (
            "Divers searched throughout the night and will go back at first light.",
            "2017-06-14",
            [("the night", "TIME", "2017-06-14TNI"), ("first light", "TIME", "2017-06-15TMO")],
        ),
        # the same period one year before the one the story is at
        (
            "Sales fell in the third quarter from the same quarter a year earlier.",
            "2019-11-05",
            [
                ("the third quarter", "DATE", "2019-Q3"),
                ("the same quarter a year earlier", "DATE", "2018-Q3"),
            ],
        ),
        # "the first three months of the year" is a quarter, "the first six months" a half
        (
            "Profit doubled in the first six months of 2021.",
            None,
            [("the first six months of 2021", "DATE", "2021-H1")],
        ),
        # a range of durations is one duration with an unknown number
        (
            "The move will take three to four years.",
            None,
            [("three to four years", "DURATION", "PXY")],
        ),
        (
            "Talks lasted between six and eight hours.",
            None,
            [("between six and eight hours", "DURATION", "PTXH")],
        ),
        # the stretch since an event
        (
            "Prices have doubled in the month since the coup.",
            None,
            [("the month", "DURATION", "P1M")],
        ),
        (
            "Aid has trickled in during the weeks after the storm.",
            None,
            [("the weeks", "DURATION", "PXW")],
        ),
        # "weekend" before the noun it dates; "the final weekend"
        (
            "The toll from a weekend storm rose to 12.",
            "2021-02-17",
            [("weekend", "DATE", "2021-W06-WE")],
        ),
        (
            "Both candidates spent the final weekend in Ohio.",
            "2020-11-03",
            [("the final weekend", "DATE", "2020-W44-WE")],
        ),
        # fuzzy references without "the"; "present" and "the moment" after a preposition
        ("Coming weeks will tell.", "2020-01-01", [("Coming weeks", "DATE", "FUTURE_REF")]),
        ("At present the border is shut.", None, [("present", "DATE", "PRESENT_REF")]),
        # the present of a scheduled step looks forward, like "will"
        (
            "The trial lasted a week and resumes on Monday.",
            "2017-05-19",
            [("a week", "DURATION", "P1W"), ("Monday", "DATE", "2017-05-22")],
        ),
        # "the two weeks since the protests began"
        (
            "Hundreds were detained in the two weeks since the vote.",
            None,
            [("the two weeks", "DURATION", "P2W")],
        ),
    ],
)
def test_real_news_rules_fire(sentence, published, expected):
    assert found(sentence, published) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Inflation eased to 4.30 percent.",  # a dot number with no am/pm
        "Banks borrowed at the overnight rate.",  # "overnight" before a noun
        "The future of the talks is unclear.",  # "the future of" is a fate, not a time
        "It was the day of the vote.",  # "the day of ..." names an event's day, not the story's
        "They won the day.",  # no word that puts something inside the day
        "The share rose from 13 to 14 percent.",  # numbers joined by "to", no month
        "They spent a weekend in Paris.",  # "weekend" followed by a preposition: not a modifier
        "The coming of the rains lifted spirits.",  # "coming" alone is no time
        "They agreed to present a plan.",  # "present" the verb; "at present" is the fuzzy time
        "It was the moment he had waited for.",  # "the moment" without "at" or "for" before it
    ],
)
def test_real_news_rules_do_not_fire(sentence):
    assert found(sentence) == []


def test_a_deadline_by_a_weekday_looks_ahead_only_when_the_clause_does():
    # an infinitive leads to the deadline, or a modal follows it: the coming Sunday
    assert found("They agreed on Wednesday to decide by Sunday.", "2020-12-10") == [
        ("Wednesday", "DATE", "2020-12-09"),
        ("Sunday", "DATE", "2020-12-13"),
    ]
    assert found("They agreed that by Sunday a choice must be made.", "2020-12-10") == [
        ("Sunday", "DATE", "2020-12-13")
    ]
    # the near miss: a past sentence with "by Tuesday" is the Tuesday just gone
    assert found("By Tuesday the river had burst its banks.", "2005-08-31") == [
        ("Tuesday", "DATE", "2005-08-30")
    ]
    assert found("The storm hit, and by Tuesday the city was flooded.", "2005-08-31") == [
        ("Tuesday", "DATE", "2005-08-30")
    ]


def test_quoted_words_keep_their_own_tense():
    # "going to" inside the quotation does not make the reporting clause look forward
    text = "“We are going to find more,” the sheriff said at a Thursday briefing."
    assert found(text, "2018-01-12") == [("Thursday", "DATE", "2018-01-11")]
    # the near miss: outside quotation marks, "going to" does look forward
    text = "The sheriff is going to speak at a Thursday briefing."
    assert found(text, "2018-01-12") == [("Thursday", "DATE", "2018-01-18")]


def test_today_in_a_quotation_is_the_day_the_words_were_spoken():
    text = "The ministers met on Wednesday. “We made progress today,” one of them said."
    assert found(text, "2015-01-22") == [
        ("Wednesday", "DATE", "2015-01-21"),
        ("today", "DATE", "2015-01-21"),
    ]
    # near misses: a weekday inside the quotation does not move the day the words were spoken,
    # and "today" outside a quotation is the day of writing
    text = "“We met on Wednesday and we meet again today,” the minister said."
    assert found(text, "2015-01-22") == [
        ("Wednesday", "DATE", "2015-01-21"),
        ("today", "DATE", "2015-01-22"),
    ]
    text = "The ministers met on Wednesday. Talks resume today, officials said."
    assert found(text, "2015-01-22") == [
        ("Wednesday", "DATE", "2015-01-21"),
        ("today", "DATE", "2015-01-22"),
    ]
