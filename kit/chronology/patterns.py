"""The word lists and regular expressions that find time expressions in English news.

Every rule is a named regular expression whose group ``t`` is the expression itself; the words
around it (the "on" in "on the 29th") only help to decide. ``kind`` tells
:mod:`kit.chronology.resolve` how to turn a match into a TIMEX3 value.

    >>> from kit.chronology import patterns
    >>> m = patterns.RULES[0].pattern.search("Talks resumed on Dec. 15, 2015 in Moscow.")
    >>> m.group("t"), m.group("month"), m.group("day"), m.group("year")
    ('Dec. 15, 2015', 'Dec.', '15', '2015')

The open-ended lists (fuzzy words such as "recently", holidays, names that are no dates such as
"Cold War") are CSV files in kit/lexicons/chronology_*.csv, read by :func:`lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import pandas as pd

from kit import lexicons

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
