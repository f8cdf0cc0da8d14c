"""The words every English date is made of, and the pieces of regular expression built from them.

Closed word classes (months, weekdays, numbers, units) are here, in code; the open-ended lists
(fuzzy words such as "recently", holidays, names that are no dates such as "Cold War") are CSV
files in kit/lexicons/chronology_*.csv, read by :func:`lexicon` on every call, so an edited file
takes effect on the next call.

    >>> from kit.chronology.words import MONTHS, month_number
    >>> MONTHS["september"], month_number("Sept."), month_number("December")
    (9, 9, 12)

``MONTHS`` is the kit's one month-name table (full names and the abbreviations news uses);
other modules import it from here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd

from kit import lexicons

# --------------------------------------------------------------------------------------------
# Word tables

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


def month_number(name: str) -> int:
    """The number of a month written as a name or an abbreviation, with or without its dot.

    >>> month_number("Sept."), month_number("may")
    (9, 5)
    """
    return MONTHS[name.lower().rstrip(".")]


# --------------------------------------------------------------------------------------------
# Pieces of regular expression the rules share

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


def alternation(terms: Iterable[str]) -> str:
    """A regular expression matching any of ``terms`` literally, longest first.

    >>> alternation(["May", "May Day"])
    'May\\\\ Day|May'
    """
    return "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))


# --------------------------------------------------------------------------------------------
# Lexicons (kit/lexicons/chronology_*.csv: term, category, note), read again after an edit

_BUILT: dict[str, tuple[tuple, Any]] = {}


def from_lists(key: str, names: tuple[str, ...], build: Callable[..., Any]) -> Any:
    """``build(rows of each list)``, rebuilt only when one of the lists has changed on disk.

    :func:`kit.lexicons.read` returns the same rows object until its file changes, so whatever is
    built from the lists (a DataFrame, a regular expression) is built again after an edit, and
    only then. ``key`` names the thing built.

    >>> len(from_lists("doctest", ("fuzzy",), lambda rows: list(rows))) > 5
    True
    """
    sources = tuple(lexicons.read(f"chronology_{name}") for name in names)
    cached = _BUILT.get(key)
    if cached is not None and all(a is b for a, b in zip(cached[0], sources, strict=True)):
        return cached[1]
    built = build(*sources)
    _BUILT[key] = (sources, built)
    return built


def lexicon(name: str) -> pd.DataFrame:
    """One of the chronology word lists as a DataFrame (``term, category, note``).

    ``name`` is ``"non_dates"``, ``"fuzzy"`` or ``"holidays"`` (the file
    kit/lexicons/chronology_<name>.csv). An edited file is read again on the next call.

    >>> lexicon("holidays").columns.tolist()
    ['term', 'category', 'note']
    """
    return from_lists(
        f"lexicon {name}",
        (name,),
        lambda rows: pd.DataFrame(
            [[r["term"], r["category"], r["note"]] for r in rows],
            columns=["term", "category", "note"],
        ),
    )
