"""Chronology: find the time expressions in an article, date its events, and check its dates.

    import kit
    from kit import chronology
    art = kit.load_article("kerry-lavrov-moscow")
    chronology.time_expressions(art)      # every date, time, duration and frequency, normalised
    chronology.timeline(art)              # the dated events in date order, narrative order kept
    chronology.estimate_published(art)    # when could this have been written? evidence as rows
    chronology.cross_check(art)           # the article's dates against a reference timeline

Time expressions follow TimeML's TIMEX3 (the standard behind the TempEval evaluations):

    type      DATE ("September 29", "last week"), TIME ("3 p.m.", "Tuesday night"),
              DURATION ("three years"), SET ("every week")
    value     2015-09-29 (a day)   2014-03 (a month)   2014 (a year)   2015-W51 (a week)
              2015-W51-WE (a weekend)   2015-Q3 (a quarter)   2019-H1 (a half-year)
              2019-SU (a season: SP SU FA WI)   199 (the 1990s)   18 (the 19th century)
              2015-09-29T15:00 (a clock time)   2015-09-29TNI (a part of the day: MO AF EV NI)
              P3Y, P2W, PT4H, P1DE (durations: Y M W D, T..H M S, DE decade, CE century; X = some)
              PRESENT_REF, PAST_REF, FUTURE_REF ("now", "recently", "in the coming months")

How the span is drawn (TimeML's conventions, kept deliberately):
- determiners and modifiers belong to the expression: "the next day", "the 1990s", "early 2000s",
  "mid-2014", "nearly four hours", "about 3:40 a.m.", "two days later", "three years ago";
- prepositions do not: "since March 2014" is tagged "March 2014" (``since`` is a signal);
- "2014" in "the 2014 annexation" is a date (a year used as a modifier is still a year);
- ordering words alone are not time expressions: "later", "thereafter", "then", "previous"
  (so "evidence later surfaced" and "shorty thereafter" carry no tag: they order, they do not date);
- names that contain a time word are not dates: "Cold War", "Arab Spring", "Good Friday Agreement",
  "Theresa May" (kit/lexicons/chronology_non_dates.csv);
- ordinals are days only in a date ("September 29th", "on the 29th"): "the 20th meeting",
  "the twentieth this year" and "the third meeting" are counts, not dates;
- "N days after the vote" tags the duration "N days" (the vote has no date here to add it to),
  while "two days later" / "three days earlier" (no event named) are dates counted from the last
  date the article gave;
- a range of durations is one duration whose number is unknown: "three to four years" -> PXY;
  two days sharing a month are two dates: "on 13 and 14 December" -> "13" and "14 December";
- "the week" in "in the week since the coup" is a duration (P1W); "the day", "the night" in
  "earlier in the day", "throughout the night" are the day the story is at; "dawn", "first
  light", "dusk" and "overnight" (as an adverb) are parts of a day, like a clock time;
- fuzzy words that are also ordinary words count only where they are times: "at present" (not
  "to present a plan"), "the future" (not "the future of the talks").

How relative expressions are resolved (the *anchor*):
1. ``anchor=`` when given, else ``article.published``, else the latest date the article itself
   writes with a year (for the seed: "February 2015"; its year makes "this year" 2015).
2. Expressions that count from the time of writing ("this year", "last week", "Tuesday",
   "yesterday", "three years ago") use the anchor.
3. Expressions that count from the story ("the next day", "the following month", "two days later",
   "the day before") use the date given just before them in the text: in the seed, "the next day"
   follows "September 29", so it is 2015-09-30.
4. A date without a year ("September 29") takes the year that puts it nearest the anchor. A
   forward-looking clause ("will", "is expected to") only looks forward; a sentence that tells
   the past ("ended on Sept. 3") counts a later date double. When the anchor was inferred from
   the article itself, the date takes the anchor's year.
5. A weekday is the one on or after the anchor when its clause looks forward ("will vote on
   Monday", "Tuesday's vote will ...", "resumes on Monday", "agreed to decide by Sunday"), the
   one on or before it when the sentence tells the past or reports ("said Tuesday"), and
   otherwise the nearest one. Quoted words keep their own tense: "'We are going to find more,'
   the sheriff said at a Thursday briefing" reports the past. With no day to count from (an
   anchor known only to the month or year), a weekday is TimeML's "2015-WXX-2" (a Tuesday).
6. "today", "yesterday" inside a quotation count from the day the story has just moved to, when
   that day is in the week before the article: a Thursday report of Wednesday's talks quoting
   "we saw progress today" means Wednesday.
7. A night and a morning told in one sentence are a night and the morning after it: "worked
   through the night and signed early on Thursday" is Wednesday night.

The analysers are pure: they read the article and the kit's lexicons, and return DataFrames.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd

from kit import lexicons, paths
from kit.article import Article

STAND_IN_YEAR = 4000  # a year no news story is about, used when there is no anchor at all
COLUMNS = ["timex_id", "start", "end", "text", "type", "value", "sentence_id"]

# --------------------------------------------------------------------------------------------
# Word lists (the ones every English date uses; the open-ended lists are in kit/lexicons/)

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}  # a month inside each season, for ordering
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "a couple of": 2, "a few": "X", "few": "X", "several": "X", "many": "X",
}  # fmt: skip
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
# TimeML duration letters for each unit; "T" marks the units below a day.
UNITS = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M",
    "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
}  # fmt: skip

# A sentence "looks forward" when one of these comes before the time expression in it: "The vote
# will be held on May 10", "results are expected on Monday", "he would step down by October".
FUTURE_CUES = re.compile(
    r"\b(will|won't|shall|would|is to|are to|due|expects?|expected|scheduled|plans?|planned|"
    r"planning|going to|set to|hopes? to|aims? to|intends? to|promised to|promises to|vowed to|"
    r"vows to|"
    r"pledged to|pledges to|could|might|next|upcoming|to be held|to take place|supposed to|"
    r"takes? effect|until|"
    # the present of a scheduled step: "the hearing resumes on Monday", "the border reopens Friday"
    r"resumes|begins|starts|opens|reopens|closes)\b",
    re.IGNORECASE,
)

# Where a new clause starts: "... by Aug. 31, a deadline the president set in the spring."
CLAUSE_BREAK = re.compile(r"[;—–]|,\s+(?=(?:and|but|while|which|who|whom|a|an|the|as)\b)")

# A sentence tells the past when it has one of these (and no forward-looking cue before the date):
# "The previous round, on Sept. 3, ended without a statement." Reporting verbs (said, told) do
# not count, since "The vote will be held on May 10, officials said" is about the future.
PAST_CUES = re.compile(
    r"\b(was|were|had|did|ago|began|met|held|took|fell|rose|won|lost|"
    r"struck|broke|left|came|went|fled|signed|(?!(?:said|told|added|stated|noted|reported|"
    r"expected|scheduled|planned|needed)\b)[a-z]{3,}ed)\b"
)

REPORTING_PAST = re.compile(r"\b(said|told|added|stated|announced|reported)\b")

# --------------------------------------------------------------------------------------------
# Lexicons (kit/lexicons/chronology_*.csv: term, category, note)


@cache
def lexicon(name: str) -> pd.DataFrame:
    """One of the chronology word lists as a DataFrame (``term, category, note``).

    ``name`` is ``"non_dates"``, ``"fuzzy"`` or ``"holidays"``.
    """
    return pd.DataFrame(
        list(lexicons.read(f"chronology_{name}")), columns=["term", "category", "note"]
    )


def _alternation(terms) -> str:
    return "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))


# --------------------------------------------------------------------------------------------
# Patterns. Each rule is a regex whose named group ``t`` is the time expression itself
# (context around it, like the "on" in "on the 29th", only helps to decide).

NUM = (
    r"(?:\d+(?:[.,]\d+)?|a couple of|a dozen|a few|few|a hundred|several|many|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|an?)"
)
UNIT = r"(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie))"
MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d,.]\d|%| ?percent| ?per cent)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
EDGE = r"(?<![\w$€£#])"  # not glued to a word, a currency sign or a number sign
MOD = r"(?:(?:early|late|mid-?|the middle of|the end of|the beginning of|the start of)\s*)"
PART = r"(?:morning|afternoon|evening|night)"
ZONE = (
    r"(?:\s+(?:local time|GMT|UTC|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|MSK|ET|PT|"
    r"(?:[A-Z][a-z]+ )?(?:time)))"
)


@dataclass
class Rule:
    """A named pattern: ``kind`` tells the resolver what to do with a match."""

    name: str
    kind: str
    pattern: re.Pattern
    priority: int = 0  # breaks ties between matches with the same span


def _rule(name: str, kind: str, pattern: str, *, flags: int = 0, priority: int = 0) -> Rule:
    return Rule(name, kind, re.compile(pattern, flags), priority)


I = re.IGNORECASE  # noqa: E741

RULES = [
    # "Dec. 15, 2015", "September 29 2015", "March 29th, 2019"
    _rule(
        "month day year",
        "mdy",
        rf"(?P<t>{MOD}?(?P<month>{MONTH_NAME})\s+(?P<day>{DAY}),?\s+(?P<year>{YEAR}))\b",
    ),
    # "15 December 2015", "the 15th of December, 2015"
    _rule(
        "day month year",
        "mdy",
        rf"(?P<t>(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH_NAME}),?\s+(?P<year>{YEAR}))\b",
    ),
    # "September 29", "Sept. 30", "June 7th" (the year comes from context)
    _rule("month day", "md", rf"(?P<t>{MOD}?(?P<month>{MONTH_NAME})\s+(?P<day>{DAY}))(?![\d:])\b"),
    # "29 September", "the 29th of September"
    _rule(
        "day month",
        "md",
        rf"(?P<t>(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH_NAME}))(?!\w)",
    ),
    # "March 2014", "mid-April 2014", "the end of March 2014"
    _rule(
        "month year",
        "my",
        rf"(?P<t>{MOD}?(?P<month>{MONTH_NAME}),?\s+(?:of\s+)?(?P<year>{YEAR}))\b",
    ),
    # "in March", "since December", "early August", "last May", "November last year",
    # "May of this year" (a month named alone has guards: see _month_alone_ok)
    _rule(
        "month alone",
        "month",
        rf"(?P<t>(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]hat)\s+|{MOD})?(?P<month>{FULL_MONTH})"
        r"(?:\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year)?)\b(?!\s+(?:[A-Z][a-z]|\d))",
    ),
    # the first of two days that share one month: "on 13 and 14 December" gives "13" (the
    # December 13) and "14 December"; "December 13 and 14" gives "14" as well
    _rule(
        "day and day month",
        "md",
        rf"(?<![\d,.$%])(?P<t>(?P<day>{DAY}))\s+(?:and|or)\s+{DAY}\s+(?:of\s+)?"
        rf"(?P<month>{MONTH_NAME})(?:,?\s+(?P<year>{YEAR}))?\b",
    ),
    _rule(
        "month day and day",
        "md",
        rf"(?P<month>{MONTH_NAME})\s+{DAY},?\s+(?:and|or)\s+(?P<t>(?P<day>{DAY}))"
        rf"(?![\d:%])(?:,?\s+(?P<year>{YEAR}))?\b",
    ),
    # ISO dates "2015-12-15" and U.S. numeric dates "12/15/2015"
    _rule(
        "iso date",
        "iso",
        rf"{EDGE}(?P<t>(?P<year>{YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d))\b",
    ),
    _rule(
        "numeric date",
        "usdate",
        rf"{EDGE}(?P<t>(?P<month>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>\d{{4}}))\b",
    ),
    # "2014", "mid-2014", "early 2001", "the end of 2018"; not "$2014", "2,014" or "2014 percent"
    # ("2010-2014" gives two years; "2014-15" gives 2014)
    _rule("year", "year", rf"{EDGE}(?P<t>{MOD}?(?P<year>{YEAR}))(?!\w|-[A-Za-z])"),
    # "the first half of 2019", "the second half of next year"
    _rule(
        "half year",
        "half",
        rf"(?P<t>the\s+(?P<ord>first|second)\s+half\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year))\b",
        flags=I,
    ),
    # "the third quarter", "third-quarter", "the fourth quarter of last year", "Q3 2015"
    _rule(
        "quarter",
        "quarter",
        rf"(?P<t>(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]quarter"
        rf"(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year))?)\b",
        flags=I,
    ),
    _rule(  # "this quarter", "last quarter", "the current quarter", "next quarter"
        "this quarter",
        "rel_quarter",
        r"(?P<t>(?:the\s+(?P<rel>current|previous|coming)|(?P<rel2>this|last|next|current))"
        r"\s+quarter)\b",
        flags=I,
        priority=1,  # "last quarter" is the one before this; "the last quarter" is the fourth
    ),
    _rule("quarter code", "quarter", rf"\b(?P<t>Q(?P<qnum>[1-4])(?:\s+(?P<year>{YEAR}))?)\b"),
    # "the 1990s", "the early 2000s", "the '90s"
    _rule(
        "decade",
        "decade",
        r"(?P<t>(?:the\s+)?(?:(?:early|mid|late)-?\s*)?(?:(?P<dec>1[6-9]\d|20\d)0s|['’](?P<short>\d)0s|"
        r"(?<=the\s)(?P<bare>[2-9])0s))\b",
        flags=I,
    ),
    # "the 19th century", "the late 20th century", "the twentieth century"
    _rule(
        "century",
        "century",
        r"(?P<t>(?:the\s+)?(?:(?:early|mid|late)-?\s*)?(?:(?P<cnum>\d{1,2})(?:st|nd|rd|th)|"
        r"(?P<cword>" + "|".join(ORDINAL_WORDS) + r"))[\s-]century)\b",
        flags=I,
    ),
    # seasons: "the summer of 1982", "summer 2014", "last autumn", "this spring", "in the fall"
    _rule(
        "season of year",
        "season",
        rf"(?P<t>(?:the\s+)?{MOD}?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>{YEAR}))\b",
        flags=I,
    ),
    _rule(
        "season",
        "season",
        r"(?P<t>(?:(?P<rel>last|next|this|that)\s+|(?:the\s+)?(?:early|late|mid-?)\s*|the\s+|(?<=\bin\s))"
        r"(?P<season>spring|summer|autumn|fall|winter))\b(?!\s+of\s+(?!\d))(?![\w-])",
    ),
    # relative to the time of writing: "this year", "last week", "next month", "earlier this month",
    # "later this week", "late last year", "the end of the year", "the start of the year"
    _rule(
        "this/last/next",
        "relative",
        r"(?P<t>(?:(?P<mod>earlier|later|early|late|mid-?|the\s+end\s+of|the\s+start\s+of|"
        r"the\s+beginning\s+of|the\s+middle\s+of|the\s+rest\s+of)\s+)?"
        r"(?P<rel>this|last|next|the|the\s+current)\s+(?P<unit>week|weekend|month|year|decade|century))\b",
        flags=I,
    ),
    # "weekend" before the noun it dates: "a devastating weekend landslide", "the weekend vote"
    # (not "a weekend in Paris", "weekends")
    _rule(
        "weekend as a modifier",
        "weekend",
        r"\b(?:an?|the|its|their)\s+(?:[a-z]+(?:-[a-z]+)?\s+)?(?P<t>weekend)\s+"
        r"(?!(?:and|or|of|in|on|at|to|for|with|the|a|an|as|is|was|were|will|that|which|away|"
        r"off|before|after)\b)(?=[a-z])",
    ),
    # "the final weekend", "the last weekend" (before the time of writing; not "the last weekend
    # of June" or "the final weekend before the vote", which count from something else)
    _rule(
        "the final weekend",
        "weekend",
        rf"(?P<t>the\s+(?:final|last)\s+weekend)\b(?!\s+(?:of|in|before)\s+(?:{FULL_MONTH}|the)\b)",
        flags=I,
        priority=1,
    ),
    # weekdays: "Tuesday", "early Thursday", "late Wednesday night", "last Tuesday"
    _rule(
        "weekday",
        "weekday",
        rf"(?P<t>(?:(?P<mod>[Ee]arly|[Ll]ate)\s+(?:on\s+)?|the\s+early\s+hours\s+of\s+)?(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]hat)\s+)?"
        rf"(?P<weekday>{WEEKDAY_NAME})(?:\s+(?P<part>{PART}))?)\b",
    ),
    # days named from the time of writing
    _rule(
        "today etc.",
        "deictic",
        r"(?P<t>(?:(?:early|late)\s+)?(?P<word>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday|"
        r"the\s+day\s+after\s+tomorrow)(?:\s+(?P<part>morning|afternoon|evening|night))?)\b",
        flags=I,
    ),
    _rule(
        "this morning, last night",
        "deictic_part",
        r"(?P<t>(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night))\b",
        flags=I,
    ),
    # counted back from the time of writing: "three years ago", "Twenty years ago today"
    _rule(
        "ago",
        "ago",
        rf"(?P<t>(?:(?:more\s+than|less\s+than|nearly|almost|about|some|just\s+over|over)\s+)?"
        rf"(?P<num>{NUM})\s+(?P<unit>{UNIT})s?\s+ago(?:\s+(?P<today>today))?)\b",
        flags=I,
    ),
    # counted from the story: "the next day", "the following month", "the day before", "that day",
    # "the same day", "the next morning", "the previous year"
    _rule(
        "the next day",
        "narrative",
        r"(?P<t>(?:the|that)\s+(?P<rel>next|following|previous|preceding|same)\s+"
        r"(?P<unit>day|week|weekend|month|year|morning|afternoon|evening|night))\b",
        flags=I,
    ),
    _rule(
        "that day",
        "narrative",
        r"(?P<t>(?P<rel>that)\s+(?P<unit>day|week|month|year|morning|afternoon|evening|night))\b"
        r"(?!\s+(?:of|when|which|who)\b)",
        flags=I,
    ),
    _rule(
        "the day before",
        "narrative",
        r"(?P<t>the\s+(?P<unit>day|week|month|year)\s+(?P<rel>before|after))(?=\s*[,.;:)]|\s*$)",
        flags=I,
    ),
    # "two days later", "three days earlier", "a year later" (no event named after it)
    _rule(
        "N later",
        "later",
        rf"(?P<t>(?P<num>{NUM})\s+(?P<unit>{UNIT})s?\s+(?P<rel>later|earlier))\b(?!\s+than\b)",
        flags=I,
        priority=1,
    ),
    # clock times: "3 p.m.", "2:46 p.m.", "about 3:40 a.m.", "7 p.m. Eastern time", "10:30", "noon";
    # British style with a dot before am/pm: "4.30 pm", "6.00 p.m." (never "4.30 percent")
    _rule(
        "clock time",
        "clock",
        rf"(?<![\d.,$€£])(?P<t>(?:(?:about|around|approximately|roughly)\s+)?(?P<hour>1[0-2]|0?[1-9])"
        rf"(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b){ZONE}?)",
        flags=I,
    ),
    _rule(
        "24-hour time",
        "clock",
        rf"{EDGE}(?P<t>(?:(?:about|around|approximately|roughly)\s+)?(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)"
        rf"(?:\s*(?:GMT|UTC|local time))?)(?![\d:])",
    ),
    _rule(  # "0800 GMT", "1400 GMT": wire services' clock with a time zone
        "military time",
        "clock",
        r"\b(?P<t>(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s+(?:GMT|UTC))\b",
    ),
    _rule(
        "noon, midnight",
        "clock",
        r"(?P<t>(?:(?:about|around|shortly\s+before|shortly\s+after|just\s+before|just\s+after)\s+)??"
        r"(?P<named>noon|midday|midnight))\b",
        flags=I,
    ),
    # parts of the day named by the light, or a night as an adverb: "before dawn on Tuesday",
    # "a predawn raid", "at dusk", "fighting went on overnight" (the day is filled in from the
    # sentence, like a clock time). Not "overnight rates" or "an overnight success": "overnight"
    # counts only before a comma, a full stop or a preposition.
    _rule(
        "dawn, dusk, overnight",
        "clock",
        r"(?<![\w-])(?P<t>(?P<light>(?:pre-?)?dawn|daybreak|first\s+light|dusk|nightfall|sunset|"
        r"sunrise)|(?P<overnight>overnight)(?=\s*[,.;:)]|\s+(?:in|on|at|and|to|from|into|as|"
        r"after|before|when|while|near|outside|across)\b))(?![\w-])",
        flags=I,
    ),
    # "the day", "the night" after a word that puts something inside them: "earlier in the
    # day", "throughout the night", "spent the night": the day the story is at. Not "the day
    # before" (a narrative date) nor "the day of the vote" nor "won the day".
    _rule(
        "in the day, the night",
        "story_part",
        r"\b(?:in|throughout|during|through|all|spend|spends|spending|spent|into)\s+"
        r"(?P<t>the\s+(?P<part>day|night|morning|afternoon|evening))\b"
        r"(?!\s+(?:of|before|after|when|that|which|who|in\s+question)\b|['’]s|-)",
        flags=I,
    ),
    # "the same time last year", "the same quarter a year ago", "the same month a year earlier":
    # the period the story is at, one year before
    _rule(
        "the same time last year",
        "same_last_year",
        r"(?P<t>the\s+same\s+(?P<unit>time|period|day|week|month|quarter)\s+"
        r"(?:last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+(?:previous|year\s+before)"
        r"(?:\s+year)?))\b",
        flags=I,
        priority=2,
    ),
    # "the first three months of the year" (a quarter), "the first six months of 2019" (a half),
    # "the last three months of last year": a part of a named year, not a duration
    _rule(
        "the first N months of the year",
        "months_of_year",
        rf"(?P<t>the\s+(?P<ord>first|last|final)\s+(?P<num>three|six|3|6)\s+months\s+of\s+"
        rf"(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year))\b",
        flags=I,
        priority=2,
    ),
    # durations: "three years", "48 hours", "nearly four hours", "the past decade", "a 90-minute",
    # "half a century", "months of warnings", "for years"
    _rule(
        "duration",
        "duration",
        rf"(?P<t>(?:(?P<approx>about|around|nearly|almost|more\s+than|less\s+than|at\s+least|"
        rf"up\s+to|some|roughly|approximately|just\s+over|just\s+under|over|under)\s+)?"
        rf"(?P<num>{NUM})[\s-]+(?:(?:more|straight|consecutive|successive|full|whole|long|further|"
        rf"additional)\s+|and\s+a\s+half\s+)?(?P<unit>{UNIT})s?(?:-long)?)"
        r"(?![\w-]|-old)",
        flags=I,
    ),
    # a range of durations: "three to four years", "five to ten minutes", "two or three days",
    # "between six and eight weeks": one duration whose number is not known exactly (TimeML "X")
    _rule(
        "N to M units",
        "duration_range",
        rf"(?P<t>(?:between\s+(?P<low_b>{NUM})\s+and|(?P<low>{NUM})\s+(?:to|or))\s+(?P<num>{NUM})"
        rf"[\s-]+(?P<unit>{UNIT})s?)(?![\w-])",
        flags=I,
        priority=1,
    ),
    # the stretch of time since or before an event: "in the week since George Floyd died",
    # "during the months before the vote" (not "the week of the vote", a date)
    _rule(
        "the week since",
        "duration_since",
        rf"\b(?:in|during|over|for)\s+(?P<t>the\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})(?P<plural>s)?)\s+"
        r"(?=since|after|before|following|leading\s+up)",
        flags=I,
        priority=1,  # over "the week" alone, which is no date
    ),
    _rule(
        "the past N units",
        "duration_the",
        rf"(?P<t>the\s+(?P<rel>past|last|next|previous|first|final|coming)\s+(?:(?P<num>{NUM})\s+)?"
        rf"(?P<unit>{UNIT})s?)(?![\w-])",
        flags=I,
    ),
    _rule(
        "half a century",
        "half_unit",
        r"(?P<t>(?:(?:about|nearly|almost|more\s+than|less\s+than)\s+)?half\s+an?\s+(?P<unit>hour|day|year|decade|century))\b",
        flags=I,
    ),
    _rule(
        "months of",
        "vague_duration",
        rf"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bin\s)|(?<=\bafter\s)|(?<=\bover\s)|(?<=\bfollows\s)|(?<!\w)(?=\w+\s+of\b))"
        rf"(?P<t>(?P<unit>{UNIT})s)(?=\s+of\b|\s*[,.;]|\s+(?:and|but|as|that|to|before|after)\b)",
        flags=I,
        priority=-1,
    ),
    _rule(  # "hours after parliament began", "the years before the war"
        "hours after",
        "vague_duration",
        rf"(?<![\w-])(?P<t>(?P<unit>{UNIT})s)(?=\s+(?:after|before|later|earlier)\b)",
        flags=I,
        priority=-1,
    ),
    _rule(  # "years ago", "decades ago": some time before writing
        "years ago",
        "vague_ago",
        rf"(?P<t>(?:many\s+)?(?P<unit>{UNIT})s\s+ago)\b",
        flags=I,
    ),
    # sets: "every week", "each day", "every 14 days", "once every 200 years", "twice a month",
    # "every Saturday", "$200 million a day", "daily", "annually"
    _rule(
        "every",
        "set",
        rf"(?P<t>(?:(?P<times>once|twice|three\s+times|\d+\s+times)\s+)?(?:every|each)\s+"
        rf"(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})s?)\b",
        flags=I,
        priority=2,
    ),
    _rule(
        "every night",
        "set_part",
        rf"(?P<t>(?:every|each)\s+(?P<part>{PART}))\b",
        flags=I,
        priority=2,
    ),
    _rule(
        "every weekday",
        "set_weekday",
        rf"(?P<t>(?:every|each)\s+(?P<weekday>{WEEKDAY_NAME}))\b",
        flags=I,
        priority=2,
    ),
    _rule(
        "twice a month",
        "set",
        rf"(?P<t>(?P<times>once|twice|three\s+times|\d+\s+times)\s+(?:a|an|per)\s+(?P<unit>{UNIT}))\b",
        flags=I,
        priority=2,
    ),
    _rule(
        "a rate per day",
        "set",
        r"\b(?:million|billion|thousand|hundred|percent|hours|times|meals|doses|\d)\s+"
        r"(?P<t>(?:a|per)\s+(?P<unit>day|week|month|year|hour))\b",
        flags=I,
        priority=2,
    ),
    _rule(
        "daily, annually",
        "set_adverb",
        r"\b(?P<t>(?P<adverb>daily|weekly|monthly|yearly|annually|annual|hourly|biweekly|quarterly))\b",
        flags=I,
    ),
    # "on the 29th": a day of the month already named
    _rule(
        "on the 29th",
        "day_of_month",
        r"(?<=\b[Oo]n\s)(?P<t>the\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))(?=\s*[,.;:)]|\s+(?:and|when|as|but)\b)",
    ),
]


@lru_cache(maxsize=1)
def _lexicon_rules() -> tuple[Rule, ...]:
    """Rules built from the CSV word lists: fuzzy references and holidays."""
    fuzzy = lexicon("fuzzy")
    holidays = lexicon("holidays")
    return (
        _rule(
            "fuzzy word (lexicon)", "fuzzy",
            # "the future of the talks" is their fate, not a time: no fuzzy word before "of"
            rf"(?<![\w-])(?P<t>{_alternation(fuzzy.term)})(?![\w-])(?!\s+of\b)",
            flags=I, priority=3,
        ),
        _rule(
            "holiday (lexicon)", "holiday",
            rf"(?P<t>(?:(?P<rel>last|next|this)\s+)?(?P<holiday>{_alternation(holidays.term)}))(?![\w-])",
            priority=1,
        ),
    )  # fmt: skip


@lru_cache(maxsize=1)
def _non_date_pattern() -> re.Pattern | None:
    """Names that contain a time word but are no time: "Cold War", "Arab Spring"."""
    names = lexicon("non_dates")
    names = names[names.category != "signal"]  # signals are listed for reading, they block nothing
    if names.empty:
        return None
    return re.compile(rf"(?<!\w)(?:{_alternation(names.term)})(?!\w)")


# --------------------------------------------------------------------------------------------
# Finding candidate spans


# Speed: most rules can only match near a word of their own ("hours", "Tuesday", "spring"). Each
# rule kind names such trigger words; the rule is tried only around them, so a long text is read
# once per trigger instead of once per rule and position. (Rules without a trigger read it all.)
UNIT_WORDS = (
    r"(?i:second|minute|hour|day|week|month|year|decade|centur|morning|afternoon|evening|night)"
)
TRIGGERS = {
    kind: re.compile(trigger)
    for kinds, trigger in [
        (("mdy", "md", "my", "month"), r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"),
        (("half", "quarter", "rel_quarter"), r"(?i:half|quarter)|\bQ[1-4]\b"),
        (("decade",), r"0s\b"),
        (("century",), r"(?i:century)"),
        (("season",), r"(?i:spring|summer|autumn|fall|winter)"),
        (("relative", "narrative", "ago", "later", "duration", "duration_the", "half_unit",
          "vague_duration", "vague_ago", "set", "deictic_part", "story_part", "same_last_year",
          "months_of_year", "duration_range", "duration_since", "weekend"), UNIT_WORDS),
        (("weekday", "set_weekday"), r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"),
        (("set_part",), r"(?i:morning|afternoon|evening|night)"),
        (("deictic",), r"(?i:today|yesterday|tomorrow|tonight)"),
        (("clock",), r"\d(?:\s*[aApP]\.?[mM]|:\d\d|\d\d\s+(?:GMT|UTC))|(?i:noon|midday|midnight)"
                     r"|(?i:dawn|daybreak|first light|dusk|nightfall|sunset|sunrise|overnight)"),
        (("set_adverb",), r"(?i:daily|weekly|monthly|yearly|annual|hourly|quarterly)"),
        (("day_of_month",), r"\d(?:st|nd|rd|th)\b"),
    ]
    for kind in kinds
}  # fmt: skip


def _windows(text: str, trigger: re.Pattern) -> list[tuple[int, int]]:
    """Stretches of text around each trigger word, merged where they overlap.

    A unit word ("days", "year") ends its expression ("nearly four hours", "two days later"), so
    its stretch is short: 50 characters before and 16 after; other triggers get 80 and 40.
    """
    before, after = (50, 16) if trigger.pattern == UNIT_WORDS else (80, 40)
    windows: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        low = text.rfind(" ", 0, max(0, m.start() - before)) + 1
        high = min(len(text), m.end() + after)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(high, windows[-1][1]))
        else:
            windows.append((low, high))
    return windows


def _matches(rule: Rule, text: str, windows: dict) -> list[re.Match]:
    trigger = TRIGGERS.get(rule.kind)
    if trigger is None:
        return list(rule.pattern.finditer(text))
    if trigger.pattern not in windows:  # rules that share a trigger share its windows
        windows[trigger.pattern] = _windows(text, trigger)
    found = {}
    for low, high in windows[trigger.pattern]:
        for m in rule.pattern.finditer(text, low, high):
            found.setdefault(m.span("t"), m)
    return list(found.values())


@dataclass
class Match:
    start: int
    end: int
    rule: Rule
    groups: dict


def _candidates(text: str) -> list[Match]:
    """Every rule's matches, overlapping ones resolved: the longest wins, then the rule priority."""
    found: list[Match] = []
    windows: dict = {}
    for rule in (*RULES, *_lexicon_rules()):
        for m in _matches(rule, text, windows):
            start, end = m.span("t")
            if rule.kind == "duration" and re.fullmatch(r"(?i)(a|one)[\s-]+second", m.group("t")):
                continue  # "a second barrier", "a second term": the ordinal, not a second of time
            needs = FUZZY_NEEDS_BEFORE.get(m.group("t").lower()) if rule.kind == "fuzzy" else None
            if needs and not re.search(needs, text[max(0, start - 12) : start], re.IGNORECASE):
                continue  # "to present a plan", "a moment of silence": no time
            if end > start and (rule.kind != "month" or _month_alone_ok(text, m)):
                found.append(Match(start, end, rule, m.groupdict()))
    blocked = []
    pattern = _non_date_pattern()
    if pattern is not None:
        blocked = [m.span() for m in pattern.finditer(text)]
    found.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping
    kept: list[Match] = []
    for cand in found:
        if _overlaps_any(blocked, cand.start, cand.end) or _overlaps_any(
            taken, cand.start, cand.end
        ):
            continue
        bisect.insort(taken, (cand.start, cand.end))
        kept.append(cand)
    blocked.sort()
    kept.sort(key=lambda c: c.start)
    return kept


# Fuzzy words that are a time only after a preposition: "at present" (not "to present a plan"),
# "at the moment", "for the moment" (not "the moment of truth" nor "the moment he left").
FUZZY_NEEDS_BEFORE = {
    "present": r"\b(?:at|until|till|to\s+the)\s+$",
    "the moment": r"\b(?:at|for)\s+$",
}

# "May" and "March" are also a verb, a noun and a name: alone, they are months only after one of
# these words ("in May", "since March", "last May"); "Theresa May said", "the march on" are not.
MONTH_CUES = {
    "in", "since", "until", "till", "by", "from", "to", "of", "through", "before", "after",
    "during", "between", "and", "or", "early", "late", "mid", "last", "next", "this", "that",
    "each", "every", "throughout", "around",
}  # fmt: skip


def _month_alone_ok(text: str, m: re.Match) -> bool:
    """Guards for a month named alone: "in August" yes; "Theresa May", "Long March" no."""
    if m.group("rel") or m.group("yrel") or m.group("t") != m.group("month"):
        return True  # "last May", "early August": the modifier already says it is a month
    before = text[max(0, m.start("t") - 30) : m.start("t")]
    previous = re.search(r"([\w'’-]+)\W*$", before)
    word = previous.group(1) if previous else ""
    if m.group("month") in ("May", "March"):
        return word.lower() in MONTH_CUES
    # another month: not right after a capitalised word, unless that word starts the sentence
    if word[:1].isupper() and not re.search(r"(^|[.!?\n]\s*)[\w'’-]+\W*$", before):
        return word.lower() in MONTH_CUES
    return True


def _overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any span in a sorted list of non-overlapping spans."""
    i = bisect.bisect_left(spans, (start, start))
    for j in (i - 1, i):
        if 0 <= j < len(spans) and spans[j][0] < end and start < spans[j][1]:
            return True
    return False


# --------------------------------------------------------------------------------------------
# Dates with a precision, and how they print as TimeML values


@dataclass(frozen=True)
class Point:
    """A date known to a precision: "day", "week", "month", "year" (and coarser ones)."""

    date: dt.date
    precision: str

    def value(self) -> str:
        return _format(self.date, self.precision)


def _format(day: dt.date, precision: str) -> str:
    if precision == "day":
        return day.isoformat()
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "weekend":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}-WE"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "decade":
        return f"{day.year // 10:03d}"
    if precision == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(precision)


PRECISION_ORDER = ["day", "week", "weekend", "month", "quarter", "year", "decade", "century"]


def _mask(value: str, anchor: Point, needed: str) -> str:
    """Blank out what the anchor cannot know: a year-only anchor gives "2015-XX-XX", not a day."""
    rank = {"day": 0, "week": 1, "weekend": 1, "month": 2, "quarter": 3, "year": 4}
    have = rank.get(anchor.precision, 5)
    if have <= rank.get(needed, 0):
        return value
    if re.match(r"^\d{4}-W\d\d", value):
        return value[:4] + "-WXX" + value[8:]
    parts = value.split("T", 1)
    pieces = parts[0].split("-")
    if have >= 2 and len(pieces) == 3:
        pieces[2] = "XX"
    if have >= 4 and len(pieces) >= 2 and pieces[1].isdigit():
        pieces[1] = "XX"
    return "-".join(pieces) + ("T" + parts[1] if len(parts) > 1 else "")


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _shift(day: dt.date, amount: int, unit: str) -> tuple[dt.date, str]:
    """Move ``day`` by ``amount`` units; return the new date and the precision to print it at."""
    unit = unit.lower().rstrip("s")
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        return day + dt.timedelta(days=amount), "day"
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=amount), unit
    if unit == "month":
        return _add_months(day, amount), "month"
    if unit == "year":
        return _add_months(day, 12 * amount), "year"
    if unit == "decade":
        return _add_months(day, 120 * amount), "decade"
    if unit in ("century", "centurie"):
        return _add_months(day, 1200 * amount), "century"
    if unit in ("hour", "minute", "second"):
        return day, "day"
    raise ValueError(unit)


def _number(word: str | None):
    """ "three" -> 3, "48" -> 48, "a few" -> "X", "twenty-five" -> 25, None -> 1."""
    if word is None:
        return 1
    word = " ".join(word.lower().split())
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if "-" in word:
        tens, _, ones = word.partition("-")
        if tens in NUMBER_WORDS and ones in NUMBER_WORDS:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[ones]
    cleaned = word.replace(",", "")
    try:
        number = float(cleaned)
    except ValueError:
        return "X"
    return int(number) if number.is_integer() else number


def _duration(amount, unit: str) -> str:
    """TimeML duration: (3, "year") -> "P3Y"; (4, "hour") -> "PT4H"; ("X", "month") -> "PXM"."""
    letters = UNITS[unit.lower().rstrip("s") if unit.lower() != "centuries" else "centurie"]
    if letters.startswith("T"):
        return f"PT{amount}{letters[1:]}"
    return f"P{amount}{letters}"


# --------------------------------------------------------------------------------------------
# Resolution


@dataclass
class _State:
    anchor: Point  # the time of writing (or the best guess at it)
    inferred: bool  # True when the anchor was taken from the article's own latest date
    story: Point  # the last date the article gave, for "the next day"
    text: str
    sentence_starts: list[int]
    last_day: Point | None = None  # the narrative's last date known to the day, for quoted "today"
    story_value: str = ""  # the value the story point was printed with ("2015-WXX-2")


def _unquoted(window: str) -> str:
    """The words of a stretch of text outside quotations: quoted speech has its own tense
    ("'We are going to find more,' the sheriff said at a Thursday briefing" reports the past)."""
    window = re.sub(r"“[^“”]*”|\"[^\"]*\"", " ", window)
    close = window.rfind("”")
    if close > window.rfind("“"):  # the quotation opened before the stretch began
        window = window[close + 1 :]
    return window


def _looks_forward(state: _State, start: int, end: int | None = None) -> bool:
    """Whether the date's clause looks forward in the words before it ("will vote on Monday").

    When the date opens its clause ("Tuesday's vote will ...", "On Monday, ministers will ..."),
    the words after it are read instead (pass ``end``, the end of the date).
    """
    i = bisect.bisect_right(state.sentence_starts, start) - 1
    sentence_start = state.sentence_starts[i] if i >= 0 else max(0, start - 200)
    window = _unquoted(state.text[max(sentence_start, start - 120) : start])
    clause = CLAUSE_BREAK.split(window)[-1]  # only the clause the date is in
    if FUTURE_CUES.search(clause):
        return True
    if end is not None and len(clause.split()) <= 2:
        after = re.split(r"[.;!?]|,\s", state.text[end : end + 120])[0]
        return bool(FUTURE_CUES.search(after))
    return False


def _looks_back(state: _State, start: int, *, reporting: bool = False) -> bool:
    """Whether the sentence around ``start`` tells something past ("The round ended on Sept. 3").

    A reporting verb ("officials said") counts only with ``reporting=True`` (for weekdays: "said
    Thursday" is the Thursday just past); news reports future plans in the past tense too.
    """
    i = bisect.bisect_right(state.sentence_starts, start) - 1
    sentence_start = state.sentence_starts[i] if i >= 0 else max(0, start - 200)
    following = state.sentence_starts[i + 1] if i + 1 < len(state.sentence_starts) else start + 200
    sentence = state.text[sentence_start : min(following, start + 200)]
    return bool(PAST_CUES.search(sentence) or (reporting and REPORTING_PAST.search(sentence)))


def _nearest_year(state: _State, month: int, day: int | None, start: int) -> int:
    """The year for a date written without one (see rule 4 in the module docstring)."""
    anchor = state.anchor.date
    if state.inferred or state.anchor.precision == "year":
        return anchor.year
    forward = _looks_forward(state, start)
    backward = not forward and _looks_back(state, start)
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day is None:
            distance = (year * 12 + month) - (anchor.year * 12 + anchor.month)
        else:
            try:
                distance = (dt.date(year, month, day) - anchor).days
            except ValueError:
                continue
        if forward and distance < 0:
            continue
        # a sentence that tells the past weighs a later date double: "ended on Sept. 3"
        weight = 2 if backward and distance > 0 else 1
        key = (weight * abs(distance), distance > 0)  # a tie goes to the past
        if best is None or key < best[0]:
            best = (key, year)
    return best[1] if best else anchor.year


def _season_point(state: _State, code: str, rel: str | None, start: int) -> str:
    anchor = state.anchor.date
    month = SEASON_MONTH[code]
    this = dt.date(anchor.year, month, 1)
    rel = (rel or "").lower()
    if rel == "last":
        year = anchor.year if this < dt.date(anchor.year, anchor.month, 1) else anchor.year - 1
    elif rel == "next":
        year = anchor.year if this > dt.date(anchor.year, anchor.month, 1) else anchor.year + 1
    elif rel in ("this", "that"):
        year = anchor.year
    else:
        year = _nearest_year(state, month, None, start)
    return f"{year}-{code}"


def _weekday_date(state: _State, weekday: int, rel: str | None, start: int, end: int) -> dt.date:
    anchor = state.anchor.date
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    rel = (rel or "").lower()
    if rel == "last":
        return anchor - dt.timedelta(days=back or 7)
    if rel == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    # a deadline is ahead when an infinitive leads to it ("agreed to decide by Sunday") or a
    # modal follows it ("agreed that by Sunday a decision should be taken"); not "by Tuesday
    # 80 percent of the city was under water", which tells the past
    before = state.text[max(0, start - 40) : start]
    after = re.split(r"[.;!?]|,\s", state.text[end : end + 120])[0]
    deadline = re.search(r"\bby\s+$", before) and (
        re.search(r"\bto\s+[a-z]+(?:\s+[a-z]+)?\s+by\s+$", before)
        or re.search(r"\b(?:will|would|should|must|shall|can|could|is due|are due)\b", after)
    )
    if rel == "this" or deadline or _looks_forward(state, start, end):
        return anchor + dt.timedelta(days=ahead)
    if _looks_back(state, start, reporting=True) or back <= ahead:
        return anchor - dt.timedelta(days=back)
    # no tense to go by ("Polls close at 1 a.m. on Wednesday"): the nearest one
    return anchor + dt.timedelta(days=ahead)


def _holiday_date(key: str, year: int) -> dt.date | None:
    if key == "easter":  # the Gregorian computus (Meeus/Jones/Butcher)
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        f = (b + 8) // 25
        g = (b - f + 1) // 3
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        lx = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 22 * lx) // 451
        month, day = divmod(h + lx - 7 * m + 114, 31)
        return dt.date(year, month, day + 1)
    if key == "thanksgiving":  # the fourth Thursday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if key == "us_election_day":  # the Tuesday after the first Monday of November
        first = dt.date(year, 11, 1)
        monday = first + dt.timedelta(days=(0 - first.weekday()) % 7)
        return monday + dt.timedelta(days=1)
    match = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", key)
    if match:
        return dt.date(year, int(match.group(1)), int(match.group(2)))
    return None


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _resolve(m: Match, state: _State) -> tuple[str, str, Point | None] | None:
    """The TIMEX3 type and value of one match, and the point it sets for the story (if any)."""
    g, kind, anchor = m.groups, m.rule.kind, state.anchor
    text = state.text[m.start : m.end]

    def point(day: dt.date, precision: str) -> tuple[str, str, Point]:
        p = Point(day, precision)
        return "DATE", p.value(), p

    if kind in ("mdy", "iso", "usdate"):
        month = _month_number(g["month"]) if kind == "mdy" else int(g["month"])
        try:
            day = dt.date(int(g["year"]), month, int(re.match(r"\d+", g["day"]).group()))
        except ValueError:
            return None
        return point(day, "day")
    if kind == "md":
        month = _month_number(g["month"])
        day_number = int(re.match(r"\d+", g["day"]).group())
        if g.get("year"):  # "13 and 14 December 2018"
            year = int(g["year"])
        else:
            year = _nearest_year(state, month, day_number, m.start)
        try:
            return point(dt.date(year, month, day_number), "day")
        except ValueError:
            return None
    if kind == "my":
        return point(dt.date(int(g["year"]), _month_number(g["month"]), 1), "month")
    if kind == "month":
        month = _month_number(g["month"])
        rel = (g.get("rel") or "").lower()
        this = dt.date(anchor.date.year, month, 1)
        here = dt.date(anchor.date.year, anchor.date.month, 1)
        # a month joined to one that names its year takes that year too: "in July and
        # November last year", "between January and May of this year"
        joined = re.match(
            rf",?\s+(?:and|or|to)\s+{FULL_MONTH}\s+(?:of\s+)?(last|this|next)\s+year\b",
            state.text[m.end : m.end + 40],
        )
        yrel = g.get("yrel") or (joined.group(1) if joined and not rel else None)
        if yrel:  # "November last year"
            year = anchor.date.year + {"last": -1, "this": 0, "next": 1}[yrel]
        elif rel == "last":
            year = anchor.date.year if this < here else anchor.date.year - 1
        elif rel == "next":
            year = anchor.date.year if this > here else anchor.date.year + 1
        elif rel in ("this", "that"):
            year = anchor.date.year
        else:
            year = _nearest_year(state, month, None, m.start)
        return point(dt.date(year, month, 1), "month")
    if kind == "year":
        return point(dt.date(int(g["year"]), 1, 1), "year")
    if kind == "half":
        year = _relative_year(g, anchor)
        half = 1 if g["ord"].lower() == "first" else 2
        return "DATE", f"{year:04d}-H{half}", Point(dt.date(year, 1 if half == 1 else 7, 1), "year")
    if kind == "quarter":
        number = int(g["qnum"]) if g.get("qnum") else _quarter_number(g["ord"])
        if g.get("year") or g.get("rel"):
            year = _relative_year(g, anchor)
        else:
            year = anchor.date.year
            anchor_quarter = (anchor.date.month - 1) // 3 + 1
            if (
                number > anchor_quarter
                and not _looks_forward(state, m.start)
                and not state.inferred
            ):
                year -= 1
        return "DATE", f"{year:04d}-Q{number}", Point(dt.date(year, 3 * number - 2, 1), "quarter")
    if kind == "rel_quarter":
        rel = (g.get("rel") or g.get("rel2")).lower()
        step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
        day = _add_months(anchor.date, 3 * step)
        value = _mask(_format(day, "quarter"), anchor, "quarter")
        return "DATE", value, Point(day, "quarter")
    if kind == "decade":
        if g.get("dec"):
            decade = int(g["dec"])
        else:
            short = int(g.get("short") or g["bare"])
            decade = 190 + short if 1900 + short * 10 <= anchor.date.year else 180 + short
            decade = 200 + short if short * 10 + 2000 <= anchor.date.year else decade
        return "DATE", f"{decade:03d}", None
    if kind == "century":
        number = int(g["cnum"]) if g.get("cnum") else ORDINAL_WORDS[g["cword"].lower()]
        return "DATE", f"{number - 1:02d}", None
    if kind == "season":
        code = SEASONS[g["season"].lower()]
        if g.get("year"):
            return "DATE", f"{g['year']}-{code}", None
        return (
            "DATE",
            _mask(_season_point(state, code, g.get("rel"), m.start), anchor, "month"),
            None,
        )
    if kind == "relative":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        if rel == "the" and unit == "weekend" and not g.get("mod"):
            return _weekend(state, m.start)
        if rel == "the" and not g.get("mod"):
            return None  # "the year" alone is no date
        step = {"this": 0, "the": 0, "last": -1, "next": 1}.get(rel, 0)  # "the current"
        day, precision = _shift(anchor.date, step, unit)
        if unit == "weekend" and rel == "the":
            day, precision = anchor.date, "weekend"
        value = _mask(_format(day, precision), anchor, precision)
        return "DATE", value, Point(day, precision) if not state.inferred else None
    if kind == "weekend":
        return _weekend(state, m.start)
    if kind == "weekday":
        if state.anchor.precision in ("month", "year", "none"):
            # no day to count from: TimeML's "a Tuesday in 2015" ("2015-WXX-2"), not a guessed day
            number = WEEKDAYS[g["weekday"].lower()] + 1
            value = f"{anchor.date.year:04d}-WXX-{number}"
            p = Point(anchor.date, anchor.precision)
            if g.get("part"):
                return "TIME", value + "T" + PARTS_OF_DAY[g["part"].lower()], p
            return "DATE", value, p
        day = _weekday_date(state, WEEKDAYS[g["weekday"].lower()], g.get("rel"), m.start, m.end)
        if g.get("part"):
            value = _mask(day.isoformat(), anchor, "day") + "T" + PARTS_OF_DAY[g["part"].lower()]
            return "TIME", value, Point(day, "day")
        _, value, p = point(day, "day")
        return "DATE", _mask(value, anchor, "day"), p
    if kind == "deictic":
        word = " ".join(g["word"].lower().split())
        offset = {
            "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
            "the day before yesterday": -2, "the day after tomorrow": 2,
        }[word]  # fmt: skip
        day = _speech_day(state, m.start) + dt.timedelta(days=offset)
        value = _mask(day.isoformat(), anchor, "day")
        if word == "tonight":
            return "TIME", value + "TNI", Point(day, "day")
        if g.get("part"):
            return "TIME", value + "T" + PARTS_OF_DAY[g["part"].lower()], Point(day, "day")
        return "DATE", value, Point(day, "day")
    if kind == "deictic_part":
        back = 1 if g["rel"].lower() == "last" else 0
        day = anchor.date - dt.timedelta(days=back)
        value = _mask(day.isoformat(), anchor, "day") + "T" + PARTS_OF_DAY[g["part"].lower()]
        return "TIME", value, Point(day, "day")
    if kind == "ago":
        amount = _number(g["num"])
        if amount == "X" or isinstance(amount, float):
            return "DATE", "PAST_REF", None
        day, precision = _shift(anchor.date, -amount, g["unit"])
        if g.get("today"):
            precision = "day"
        return "DATE", _mask(_format(day, precision), anchor, precision), None
    if kind == "narrative":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1,
                "before": -1, "same": 0, "that": 0}[rel]  # fmt: skip
        return _from_story(state, step, unit)
    if kind == "later":
        amount = _number(g["num"])
        if amount == "X" or isinstance(amount, float):
            return "DATE", "PAST_REF" if g["rel"].lower() == "earlier" else "FUTURE_REF", None
        step = amount if g["rel"].lower() == "later" else -amount
        return _from_story(state, step, g["unit"])
    if kind == "clock":
        return _clock(m, state)
    if kind == "story_part":
        base = state.story if state.story.precision == "day" else anchor
        part = g["part"].lower()
        value = _mask(base.date.isoformat(), base, "day")
        if re.fullmatch(r"(\d{4}|XXXX)-WXX-\d", state.story_value[:10]):
            value = state.story_value[:10]  # "on Tuesday ... later in the day": that Tuesday
        if part == "day":
            return "DATE", value, None
        return "TIME", value + "T" + PARTS_OF_DAY[part], None
    if kind == "same_last_year":
        base = state.story
        unit = g["unit"].lower()
        precision = base.precision if unit in ("time", "period") else unit
        if precision not in ("day", "week", "month", "quarter", "year"):
            precision = "year"
        day = _add_months(base.date, -12)
        return "DATE", _mask(_format(day, precision), base, precision), None
    if kind == "months_of_year":
        year = _relative_year(g, anchor)
        first = g["ord"].lower() == "first"
        if _number(g["num"]) == 3:
            number = 1 if first else 4
            return (
                "DATE",
                f"{year:04d}-Q{number}",
                Point(dt.date(year, 3 * number - 2, 1), "quarter"),
            )
        return (
            "DATE",
            f"{year:04d}-H{1 if first else 2}",
            Point(dt.date(year, 1 if first else 7, 1), "year"),
        )
    if kind == "duration":
        unit = g["unit"]
        amount = _number(g["num"])
        if "and a half" in text.lower() and amount != "X":
            amount = amount + 0.5
        return "DURATION", _duration(amount, unit), None
    if kind == "duration_range":
        return "DURATION", _duration("X", g["unit"]), None
    if kind == "duration_since":
        amount = _number(g["num"]) if g.get("num") else ("X" if g.get("plural") else 1)
        return "DURATION", _duration(amount, g["unit"]), None
    if kind == "duration_the":
        rel = g["rel"].lower()
        amount = _number(g["num"]) if g.get("num") else 1
        return "DURATION", _duration(amount, g["unit"]), None
    if kind == "half_unit":
        unit = g["unit"].lower()
        half = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}
        return "DURATION", half[unit], None
    if kind == "vague_ago":
        return "DATE", "PAST_REF", None
    if kind == "vague_duration":
        return "DURATION", _duration("X", g["unit"]), None
    if kind == "set":
        amount = _number(g["num"]) if g.get("num") else 1
        return "SET", _duration(amount, g["unit"]), None
    if kind == "set_part":
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[g['part'].lower()]}", None
    if kind == "set_weekday":
        return "SET", f"XXXX-WXX-{WEEKDAYS[g['weekday'].lower()] + 1}", None
    if kind == "set_adverb":
        adverb = g["adverb"].lower()
        values = {"daily": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
                  "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y",
                  "hourly": "PT1H"}  # fmt: skip
        return "SET", values[adverb], None
    if kind == "day_of_month":
        base = state.story if state.story.precision in ("day", "month") else anchor
        try:
            day = base.date.replace(day=int(g["day"]))
        except ValueError:
            return None
        return point(day, "day")
    if kind == "fuzzy":
        row = lexicon("fuzzy")
        value = row.loc[row.term.str.lower() == " ".join(text.lower().split()), "category"]
        return "DATE", (value.iloc[0] if len(value) else "PRESENT_REF"), None
    if kind == "holiday":
        holidays = lexicon("holidays")
        key = holidays.loc[holidays.term == g["holiday"], "category"].iloc[0]
        if re.fullmatch(r"\d{4}-\d\d-\d\d", key):
            return point(dt.date.fromisoformat(key), "day")
        rel = (g.get("rel") or "").lower()
        year = anchor.date.year
        this = _holiday_date(key, year)
        if this is None:
            return None
        if rel == "last" and this >= anchor.date:
            year -= 1
        elif rel == "next" and this <= anchor.date:
            year += 1
        elif not rel and not state.inferred:
            candidates = [
                (abs((_holiday_date(key, y) - anchor.date).days), y) for y in (year - 1, year)
            ]
            if not _looks_forward(state, m.start):
                candidates = [c for c in candidates if _holiday_date(key, c[1]) <= anchor.date]
            year = min(candidates)[1] if candidates else year
        day = _holiday_date(key, year)
        return "DATE", _mask(day.isoformat(), anchor, "day"), Point(day, "day")
    return None


def _in_quotation(text: str, start: int) -> bool:
    """Whether ``start`` is inside quoted words of its paragraph ("... progress today," he said)."""
    paragraph = text[text.rfind("\n", 0, start) + 1 : start]
    if paragraph.rfind("“") > paragraph.rfind("”"):
        return True
    return paragraph.count('"') % 2 == 1


def _speech_day(state: _State, start: int) -> dt.date:
    """The day "today" (or "yesterday", "tomorrow") counts from.

    Normally the time of writing. Inside a quotation, when the story has just moved to a day in
    the week before the article ("ended their meeting Wednesday ... 'we saw progress today,' said
    the minister", written on Thursday), the quoted words were spoken that day.
    """
    anchor = state.anchor
    story = state.last_day
    if (
        anchor.precision == "day"
        and story is not None
        and 1 <= (anchor.date - story.date).days <= 6
        and _in_quotation(state.text, start)
    ):
        return story.date
    return anchor.date


def _weekend(state: _State, start: int) -> tuple[str, str, Point]:
    """ "the weekend": the coming one in a forward-looking sentence, else the last one (or this)."""
    anchor = state.anchor.date
    if anchor.weekday() >= 5:
        day = anchor
    elif _looks_forward(state, start):
        day = anchor + dt.timedelta(days=5 - anchor.weekday())
    else:
        day = anchor - dt.timedelta(days=anchor.weekday() + 1)
    value = _mask(_format(day, "weekend"), state.anchor, "week")
    return "DATE", value, Point(day, "weekend")


def _quarter_number(word: str) -> int:
    word = word.lower()
    return {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "final": 4, "last": 4}[word]  # fmt: skip


def _relative_year(g: dict, anchor: Point) -> int:
    if g.get("year"):
        return int(g["year"])
    rel = (g.get("rel") or "this").lower()
    return anchor.date.year + {"this": 0, "the": 0, "last": -1, "next": 1}[rel]


def _from_story(state: _State, step: int, unit: str) -> tuple[str, str, Point | None]:
    """A date counted from the last date the article gave (or from the anchor, if none)."""
    unit = unit.lower().rstrip("s")
    base = state.story
    if unit in PARTS_OF_DAY:
        day = base.date + dt.timedelta(days=step)
        value = _mask(day.isoformat(), base, "day") + "T" + PARTS_OF_DAY[unit]
        return "TIME", value, Point(day, "day")
    day, precision = _shift(base.date, step, unit)
    value = _mask(_format(day, precision), base, precision)
    return "DATE", value, Point(day, precision)


def _clock(m: Match, state: _State) -> tuple[str, str, Point | None]:
    g = m.groups
    if g.get("light"):  # dawn and first light are morning, dusk and sunset evening (TimeML codes)
        light = " ".join(g["light"].lower().split())
        return "TIME", "EV" if light in ("dusk", "nightfall", "sunset") else "MO", None
    if g.get("overnight"):
        return "TIME", "NI", None
    if g.get("named"):
        clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[g["named"].lower()]
    else:
        hour = int(g["hour"])
        ampm = (g.get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        if ampm.startswith("a") and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{g.get('minute') or '00'}"
    return "TIME", clock, None  # the day is filled in by _date_times once the sentence is read


# --------------------------------------------------------------------------------------------
# The anchor


def _as_point(value) -> Point:
    if isinstance(value, Point):
        return value
    if isinstance(value, dt.datetime):
        return Point(value.date(), "day")
    if isinstance(value, dt.date):
        return Point(value, "day")
    if isinstance(value, pd.Timestamp):
        return Point(value.date(), "day")
    text = str(value).strip()
    for pattern, precision in (
        (r"\d{4}-\d\d-\d\d", "day"),
        (r"\d{4}-\d\d", "month"),
        (r"\d{4}", "year"),
    ):
        if re.fullmatch(pattern, text[: len(pattern.replace("\\d", "0"))]) and re.fullmatch(
            pattern, text
        ):
            parts = [int(p) for p in text.split("-")] + [1, 1]
            return Point(dt.date(parts[0], parts[1], parts[2]), precision)
    raise ValueError(f"anchor={value!r} is not a date: give YYYY-MM-DD (or YYYY-MM, YYYY).")


def _latest_written_date(matches: list[Match], text: str) -> Point | None:
    """The latest date the article writes out with its year ("February 2015"), as an anchor."""
    best: Point | None = None
    for m in matches:
        kind = m.rule.kind
        if kind not in ("mdy", "iso", "usdate", "my", "year"):
            continue
        g = m.groups
        try:
            if kind == "year":
                p = Point(dt.date(int(g["year"]), 1, 1), "year")
            elif kind == "my":
                p = Point(dt.date(int(g["year"]), _month_number(g["month"]), 1), "month")
            else:
                month = _month_number(g["month"]) if kind == "mdy" else int(g["month"])
                p = Point(
                    dt.date(int(g["year"]), month, int(re.match(r"\d+", g["day"]).group())), "day"
                )
        except ValueError:
            continue
        if best is None or (p.date, -PRECISION_ORDER.index(p.precision)) > (
            best.date,
            -PRECISION_ORDER.index(best.precision),
        ):
            best = p
    return best


def _find_anchor(article: Article, anchor, matches: list[Match]) -> tuple[Point | None, bool]:
    if anchor is not None:
        return _middle(_as_point(anchor)), False
    if article.published is not None:
        return Point(article.published, "day"), False
    latest = _latest_written_date(matches, article.text)
    return (_middle(latest) if latest else None), True


def _middle(point: Point) -> Point:
    """An anchor known to the month or the year stands in the middle of it, so that counting a
    few days back ("yesterday") stays inside it: "2015-06" counts from 15 June (and prints the
    day as unknown, "2015-06-XX")."""
    if point.precision == "month":
        return Point(point.date.replace(day=15), "month")
    if point.precision == "year":
        return Point(dt.date(point.date.year, 7, 1), "year")
    return point


# --------------------------------------------------------------------------------------------
# Public: time expressions


def time_expressions(article: Article, anchor=None) -> pd.DataFrame:
    """Every time expression in the article, typed and normalised as a TimeML TIMEX3.

    Columns: ``timex_id`` (t1, t2, ... in text order), ``start``, ``end`` (offsets into
    ``article.text``), ``text``, ``type`` (DATE, TIME, DURATION, SET), ``value`` (a TimeML value,
    such as "2015-09-29", "2014-03", "P3Y", "PRESENT_REF"), ``sentence_id`` (None in the headline).

    ``anchor`` (a date or "YYYY-MM-DD") is the time of writing that relative expressions count
    from; by default ``article.published``, else the latest date the article writes with a year.
    With no anchor at all, relative dates get "XXXX" where the year would be.
    The rules and the order they are applied in are described at the top of this module.
    """
    text = article.text
    matches = _candidates(text)
    found_anchor, inferred = _find_anchor(article, anchor, matches)
    if found_anchor is None:
        # no date anywhere: count from a stand-in year and print that year as unknown ("XXXX")
        found_anchor, inferred = Point(dt.date(STAND_IN_YEAR, 6, 15), "none"), True
    sentences = article.sentences
    starts = sentences.start.tolist()
    ends = sentences.end.tolist()
    ids = sentences.sentence_id.tolist()
    state = _State(found_anchor, inferred, found_anchor, text, starts)

    rows = []
    for m in matches:
        resolved = _resolve(m, state)
        if resolved is None:
            continue
        kind, value, story_point = resolved
        if found_anchor.precision == "none":
            value = re.sub(r"^(39\d\d|40\d\d)(?=-|$)", "XXXX", value)
        if story_point is not None and not value.endswith("_REF"):
            state.story = story_point
            state.story_value = value
            if story_point.precision == "day" and not _in_quotation(text, m.start):
                state.last_day = story_point  # a quotation's day comes from the narrative
        i = bisect.bisect_right(starts, m.start) - 1
        sentence_id = ids[i] if i >= 0 and m.start < ends[i] else None
        rows.append([m.start, m.end, text[m.start : m.end], kind, value, sentence_id, m.rule.kind])
    _date_times(rows, state)
    frame = pd.DataFrame(
        [[f"t{n}", *row[:6]] for n, row in enumerate(rows, 1)],
        columns=COLUMNS,
    )
    frame["sentence_id"] = (
        frame["sentence_id"].astype(object).where(frame["sentence_id"].notna(), None)
    )
    return frame.astype({"start": "int64", "end": "int64"})


def _date_times(rows: list[list], state: _State) -> None:
    """Give each clock time its day: the nearest date in its sentence, else the last date before.

    A night and a morning told in one sentence are a night and the morning after it: "worked
    through the night and reached an agreement early on Friday" is Thursday night; "searched
    throughout the night and will resume at first light" is the next morning.
    """
    for i, row in enumerate(rows):
        if row[6] != "clock":
            continue
        same = [
            (abs(other[0] - row[0]), other[4])
            for other in rows
            if other[5] == row[5]
            and other is not row
            and other[6] != "story_part"  # "the night" has only the story's day, not its own
            and other[3] in ("DATE", "TIME")
            and re.match(r"^\d{4}-\d\d-\d\d", other[4])
        ] if row[5] is not None else []  # fmt: skip
        night = _night_in_sentence(rows, row)
        if not same and night is not None and row[4] == "MO":
            day = (dt.date.fromisoformat(night[4][:10]) + dt.timedelta(days=1)).isoformat()
        elif same:
            day = min(same)[1][:10]
        else:
            before = [o[4][:10] for o in rows[:i] if re.match(r"^\d{4}-\d\d-\d\d", o[4])]
            anchor_day = state.anchor.date
            if row[2].lower() == "overnight" and _looks_back(state, row[0], reporting=True):
                anchor_day -= dt.timedelta(days=1)  # "fighting raged overnight": last night
            day = before[-1] if before else _mask(anchor_day.isoformat(), state.anchor, "day")
            if state.anchor.precision == "none":
                day = "XXXX-XX-XX"
        row[4] = f"{day}T{row[4]}"
    for row in rows:  # the night before a dated morning ("spent the night ... predawn Saturday")
        if row[6] != "story_part" or not re.match(r"^\d{4}-\d\d-\d\dTNI$", row[4]):
            continue
        for other in rows:
            morning = re.match(r"^(\d{4}-\d\d-\d\d)(?:TMO)?$", other[4])
            dated = other[6] == "clock" and other[4].endswith("TMO") and other[0] < row[0]
            early = other[6] == "weekday" and re.match(r"(?i)early\b", other[2])
            if other[5] == row[5] and morning and (dated or early):
                day = dt.date.fromisoformat(morning.group(1)) - dt.timedelta(days=1)
                row[4] = f"{day.isoformat()}TNI"
                break


def _night_in_sentence(rows: list[list], row: list) -> list | None:
    """The "the night" row told before ``row`` in its sentence, if any."""
    for other in rows:
        if (
            other[5] == row[5]
            and row[5] is not None
            and other[6] == "story_part"
            and other[0] < row[0]
            and other[4].endswith("TNI")
            and re.match(r"^\d{4}-\d\d-\d\d", other[4])
        ):
            return other
    return None


# --------------------------------------------------------------------------------------------
# Date ranges for values


def value_range(value: str) -> tuple[pd.Timestamp, pd.Timestamp, str] | None:
    """The first and last day a TimeML DATE/TIME value covers, and its precision.

    ``"2015-09-29"`` -> (2015-09-29, 2015-09-29, "day"); ``"2014-03"`` -> (2014-03-01, 2014-03-31,
    "month"); ``"2015"`` -> the whole year; ``"2015-W51"`` -> its Monday to Sunday; ``"199"`` -> the
    1990s. Fuzzy or partly unknown values ("PAST_REF", "2015-XX-XX") give ``None``.
    """
    if not isinstance(value, str) or "X" in value or value.endswith("_REF"):
        return None
    value = value.split("T")[0] if re.match(r"^\d{4}-\d\d-\d\dT", value) else value
    ts = pd.Timestamp
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            day = ts(value)
            return day, day, "day"
        if re.fullmatch(r"\d{4}-\d\d", value):
            first = ts(value + "-01")
            return first, first + pd.offsets.MonthEnd(0), "month"
        if re.fullmatch(r"\d{4}", value):
            return ts(f"{value}-01-01"), ts(f"{value}-12-31"), "year"
        week = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
        if week:
            monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
            if week.group(3):
                return (
                    ts(monday + dt.timedelta(days=5)),
                    ts(monday + dt.timedelta(days=6)),
                    "weekend",
                )
            return ts(monday), ts(monday + dt.timedelta(days=6)), "week"
        quarter = re.fullmatch(r"(\d{4})-Q([1-4])", value)
        if quarter:
            first = ts(f"{quarter.group(1)}-{3 * int(quarter.group(2)) - 2:02d}-01")
            return first, first + pd.offsets.QuarterEnd(0), "quarter"
        half = re.fullmatch(r"(\d{4})-H([12])", value)
        if half:
            year = half.group(1)
            if half.group(2) == "1":
                return ts(f"{year}-01-01"), ts(f"{year}-06-30"), "half-year"
            return ts(f"{year}-07-01"), ts(f"{year}-12-31"), "half-year"
        season = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
        if season:
            year, code = int(season.group(1)), season.group(2)
            spans = {"SP": ((3, 1), (5, 31)), "SU": ((6, 1), (8, 31)), "FA": ((9, 1), (11, 30))}
            if code == "WI":
                return ts(f"{year}-12-01"), ts(f"{year + 1}-02-28"), "season"
            (m1, d1), (m2, d2) = spans[code]
            return ts(dt.date(year, m1, d1)), ts(dt.date(year, m2, d2)), "season"
        if re.fullmatch(r"\d{3}", value):
            return ts(f"{value}0-01-01"), ts(f"{value}9-12-31"), "decade"
        if re.fullmatch(r"\d{2}", value):
            return ts(f"{value}00-01-01"), ts(f"{value}99-12-31"), "century"
    except (ValueError, OverflowError):
        return None
    return None


# --------------------------------------------------------------------------------------------
# Public: events and the timeline


def _label(sentence: str, words: int = 8) -> str:
    parts = sentence.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def events(article: Article, *, anchor=None) -> pd.DataFrame:
    """One row per dated happening: a sentence in the body and a date that places it.

    Columns: ``event_id`` (e1, ...), ``position`` (narrative order: 1 = told first),
    ``sentence_id``, ``sentence`` (its text), ``label`` (its first words), ``timex_id``,
    ``timex_text``, ``value``, ``date_start``, ``date_end`` (the days the value covers),
    ``precision`` ("day", "month", "year", ...). A sentence with two dates ("in September 2014
    and February 2015") gives two rows. Durations, frequencies and vague references ("recently")
    date nothing and are left out; so is the headline.
    """
    timexes = time_expressions(article, anchor=anchor)
    sentences = article.sentences.set_index("sentence_id")
    rows = []
    for row in timexes.itertuples(index=False):
        if row.sentence_id is None or row.type not in ("DATE", "TIME"):
            continue
        span = value_range(row.value)
        if span is None:
            continue
        sentence = sentences.loc[row.sentence_id, "text"]
        rows.append([row.sentence_id, sentence, _label(sentence), row.timex_id, row.text,
                     row.value, span[0], span[1], span[2]])  # fmt: skip
    frame = pd.DataFrame(
        rows,
        columns=["sentence_id", "sentence", "label", "timex_id", "timex_text", "value",
                 "date_start", "date_end", "precision"],
    )  # fmt: skip
    frame.insert(0, "position", range(1, len(frame) + 1))
    frame.insert(0, "event_id", [f"e{n}" for n in range(1, len(frame) + 1)])
    return frame.astype({"date_start": "datetime64[ns]", "date_end": "datetime64[ns]"})


def timeline(article: Article, *, anchor=None) -> pd.DataFrame:
    """The events of :func:`events` in date order (earliest first), narrative order kept.

    Adds ``order`` (1 = earliest) next to ``position`` (1 = told first), so the two can be
    compared: a news story usually starts with the latest event and goes back. Ties (same first
    day) go to the shorter span, then to narrative order.
    """
    frame = events(article, anchor=anchor)
    frame = frame.sort_values(["date_start", "date_end", "position"], kind="stable")
    frame = frame.reset_index(drop=True)
    frame.insert(2, "order", range(1, len(frame) + 1))
    return frame


# --------------------------------------------------------------------------------------------
# Public: when was it written?

# Words that say something came before the story's present: "Previous talks ... have yielded no
# results." They give no date, but tell the reader the article looks back on earlier rounds.
LOOKING_BACK = re.compile(r"\b(previous|earlier|former|past|prior)\b", re.IGNORECASE)
# "the twentieth this year", "20th meeting this year": a running count within the current year.
COUNT_THIS_YEAR = re.compile(
    r"\b(\d{1,3}(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r")\b[^.]{0,40}?\bthis year\b",
    re.IGNORECASE,
)


def estimate_published(article: Article) -> pd.DataFrame:
    """The dates the article could have been written on, from its own evidence, as rows.

    Each row is one piece of evidence: ``evidence_id``, ``kind``, ``text`` (the article's words),
    ``start``, ``end``, ``sentence_id``, ``not_before``, ``not_after`` (a bound it sets, or NaT),
    ``reason`` (why, in a sentence). The last row, kind ``"window"``, combines them: the latest
    "not before" and the earliest "not after". The article's ``published`` date is not used as
    evidence (dating the text is the point), but the anchor is taken from the article itself.

    Evidence read:
    - the latest event told in the past ("the next day", after September 29, Putin ordered strikes):
      the article was written after it;
    - "this year", "this month", "this week": the article was written inside that period;
    - a date written without its year ("September 29"): wire style gives the year only for other
      years, so the article was written in that year;
    - counts within the year ("the twentieth this year") and words that look back ("previous
      talks"): hints with no bound of their own.
    """
    bare = Article.from_text(article.text, published=None, headline=article.headline)
    timexes = time_expressions(bare)
    text = article.text
    rows = []

    def add(kind, start, end, not_before, not_after, reason):
        sentence_id = bare.sentence_at(start) if start is not None else None
        rows.append([kind, text[start:end] if start is not None else "", start, end, sentence_id,
                     not_before, not_after, reason])  # fmt: skip

    # 1. the latest event told in the past
    past = []
    for row in timexes.itertuples(index=False):
        if row.type not in ("DATE", "TIME") or row.sentence_id is None:
            continue
        if re.search(r"\bthis\b", row.text, re.IGNORECASE):
            continue
        span = value_range(row.value)
        if span is None:
            continue
        state = _State(Point(dt.date(1, 1, 1), "day"), True, Point(dt.date(1, 1, 1), "day"), text,
                       bare.sentences.start.tolist())  # fmt: skip
        if _looks_forward(state, row.start):
            continue
        past.append((span[0], row))
    if past:
        first_day, row = max(past, key=lambda item: (item[0], item[1].start))
        add("latest past event", row.start, row.end, first_day, pd.NaT,
            f"The latest thing the article tells as already happened is dated {row.value} "
            f"(\"{row.text}\"); a report cannot come before what it reports.")  # fmt: skip
    # 2. "this year", "this month", "this week"
    for row in timexes.itertuples(index=False):
        if row.type == "DATE" and re.search(r"\bthis\b", row.text, re.IGNORECASE):
            span = value_range(row.value)
            if span is not None:
                add("this ...", row.start, row.end, span[0], span[1],
                    f"\"{row.text}\" is the period the writer is in; it resolves to {row.value} "
                    "(the year of the latest date the article writes out in full).")  # fmt: skip
    # 3. dates written without a year
    for row in timexes.itertuples(index=False):
        if row.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", row.value):
            if not re.search(r"\d{4}", row.text) and re.search(MONTH_NAME, row.text):
                span = value_range(row.value)
                year_end = pd.Timestamp(f"{row.value[:4]}-12-31")
                add("date without a year", row.start, row.end, span[0], year_end,
                    f"\"{row.text}\" has no year: news style drops the year for dates in the "
                    f"current year, so the article was written in {row.value[:4]}, after this "
                    "date.")  # fmt: skip
    # 4. hints
    for m in COUNT_THIS_YEAR.finditer(text):
        add("hint: count this year", m.start(), m.end(), pd.NaT, pd.NaT,
            f"\"{m.group()}\": a count that high within one year suggests the year is well "
            "advanced (no bound on its own).")  # fmt: skip
    for m in LOOKING_BACK.finditer(text):
        if bare.sentence_at(m.start()) is None:
            continue
        add("hint: looking back", m.start(), m.end(), pd.NaT, pd.NaT,
            f"\"{m.group()}\" looks back on something before the story's present: the visit "
            "comes after earlier rounds (no bound on its own).")  # fmt: skip
    frame = pd.DataFrame(
        rows,
        columns=[
            "kind",
            "text",
            "start",
            "end",
            "sentence_id",
            "not_before",
            "not_after",
            "reason",
        ],
    )
    frame["not_before"] = pd.to_datetime(frame["not_before"])
    frame["not_after"] = pd.to_datetime(frame["not_after"])
    low, high = frame["not_before"].max(), frame["not_after"].min()
    if pd.notna(low) and pd.notna(high) and high < low:
        high = pd.NaT
        window_reason = "The bounds contradict each other; only the lower bound is kept."
    else:
        window_reason = (
            "All the bounds above together: the latest 'not before' and the earliest 'not after'."
        )
    window = pd.DataFrame(
        [["window", "", None, None, None, low, high, window_reason]], columns=frame.columns
    )
    frame = pd.concat([frame, window], ignore_index=True) if len(frame) else window
    frame["sentence_id"] = (
        frame["sentence_id"].astype(object).where(frame["sentence_id"].notna(), None)
    )
    frame.insert(0, "evidence_id", [f"d{n}" for n in range(1, len(frame) + 1)])
    frame["start"] = frame["start"].astype("Int64")
    frame["end"] = frame["end"].astype("Int64")
    return frame


def published_window(article: Article) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The (not before, not after) window of :func:`estimate_published` as two Timestamps."""
    last = estimate_published(article).iloc[-1]
    return last["not_before"], last["not_after"]


# --------------------------------------------------------------------------------------------
# Public: checking the article's dates against a reference timeline

REFERENCE_COLUMNS = ["event_id", "event", "date", "precision", "article_says", "source", "note"]


def load_reference(reference: str | Path | pd.DataFrame) -> pd.DataFrame:
    """A reference timeline as a DataFrame: a DataFrame as is, a CSV path, or a bundled name.

    A bundled name ("kerry-lavrov-moscow") reads ``data/reference/<name>.csv``. Needed columns:
    ``event``, ``date`` (ISO, at its precision: 2015-09-28, 2014-04, 2014); optional ``event_id``,
    ``precision``, ``article_says`` (the words in the article that date the same event),
    ``source``, ``note``.
    """
    if isinstance(reference, pd.DataFrame):
        frame = reference.copy()
    else:
        path = Path(reference)
        if not str(reference).lower().endswith(".csv"):
            path = paths.reference_dir() / f"{reference}.csv"
        if not path.is_file():
            raise FileNotFoundError(
                f"No reference timeline at {path}. Give a DataFrame, a .csv path, or the name of "
                "a bundled article that has one in data/reference/."
            )
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"event", "date"} - set(frame.columns)
    if missing:
        raise ValueError(
            f"The reference timeline needs the columns event and date; missing: {sorted(missing)}."
        )
    for column in REFERENCE_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    if (frame["event_id"] == "").all():
        frame["event_id"] = [f"r{n}" for n in range(1, len(frame) + 1)]
    return frame


def cross_check(article: Article, reference=None, *, anchor=None) -> pd.DataFrame:
    """Compare the article's dates with a reference timeline, one row per reference event.

    ``reference``: a DataFrame, a CSV path or a bundled name; by default the bundled timeline
    named like the article (``data/reference/<article.name>.csv``).
    Columns: ``event_id``, ``event``, ``reference_date``, ``article_text`` (the words that date the
    event in the article), ``start``, ``end``, ``sentence_id``, ``timex_id``, ``article_value``,
    ``verdict``, ``difference_days`` (article minus reference, first day to first day), ``source``,
    ``note``. Verdicts: "agrees" (the reference date lies inside what the article says, or the
    other way round), "disagrees", "not dated in the article" (the event is there, with no date),
    "not in the article".
    """
    if reference is None:
        if not article.name:
            raise ValueError(
                "This article has no name: pass reference= (a DataFrame or a .csv path)."
            )
        reference = article.name
    ref = load_reference(reference)
    timexes = time_expressions(article, anchor=anchor)
    timexes = timexes[timexes.type.isin(["DATE", "TIME"])]
    text = article.text
    rows = []
    for r in ref.itertuples(index=False):
        says = str(r.article_says or "").strip()
        start, end = _find_words(text, says) if says else (-1, -1)
        if start < 0 and not says:
            start, says = _best_sentence(article, timexes, str(r.event))
            end = start + len(says)
        if start < 0:
            rows.append([r.event_id, r.event, r.date, says, None, None, None, None, None,
                         "not in the article", None, r.source, r.note])  # fmt: skip
            continue
        says = text[start:end]
        inside = timexes[(timexes.start < end) & (timexes.end > start)]
        sentence_id = article.sentence_at(start)
        if inside.empty and sentence_id is not None:  # no date in the words: try their sentence
            inside = timexes[timexes.sentence_id == sentence_id]
        if inside.empty:
            rows.append([r.event_id, r.event, r.date, says, start, end, sentence_id, None, None,
                         "not dated in the article", None, r.source, r.note])  # fmt: skip
            continue
        timex = inside.iloc[0]
        verdict, difference = _compare(timex.value, str(r.date))
        rows.append([r.event_id, r.event, r.date, says, start, end, sentence_id, timex.timex_id,
                     timex.value, verdict, difference, r.source, r.note])  # fmt: skip
    frame = pd.DataFrame(
        rows,
        columns=["event_id", "event", "reference_date", "article_text", "start", "end",
                 "sentence_id", "timex_id", "article_value", "verdict", "difference_days",
                 "source", "note"],
    )  # fmt: skip
    for column in ("start", "end", "difference_days"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _find_words(text: str, words: str) -> tuple[int, int]:
    """Where ``words`` occur in ``text``, any run of white space (a no-break space too) matching."""
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    found = re.search(pattern, text)
    return found.span() if found else (-1, -1)


def _compare(article_value: str, reference_value: str) -> tuple[str, int | None]:
    said, known = value_range(article_value), value_range(reference_value)
    if said is None or known is None:
        return "cannot compare", None
    difference = int((said[0] - known[0]).days)
    contains = said[0] <= known[0] and known[1] <= said[1]
    contained = known[0] <= said[0] and said[1] <= known[1]
    if contains or contained:
        return "agrees", 0 if said[2] == known[2] else None
    return "disagrees", difference


def _best_sentence(article: Article, timexes: pd.DataFrame, event: str) -> tuple[int, str]:
    """Without ``article_says``: the dated sentence sharing most content words with the event."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", event)}
    best = (1, -1, "")
    for row in timexes.itertuples(index=False):
        if row.sentence_id is None:
            continue
        sentence = article.sentences.set_index("sentence_id").loc[row.sentence_id, "text"]
        overlap = len(words & {w.lower() for w in re.findall(r"[A-Za-z]{4,}", sentence)})
        if overlap > best[0]:
            best = (overlap, row.start, row.text)
    return best[1], best[2]
