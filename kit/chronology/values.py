"""Dates with a precision, TimeML values, and the date arithmetic behind them.

A :class:`Point` is a day known to a precision ("day", "week", "month", "year", ...) and prints
as a TIMEX3 value; :func:`value_range` goes the other way, from a value to the days it covers.

    >>> import datetime as dt
    >>> from kit.chronology.values import Point, _shift, value_range
    >>> Point(dt.date(2015, 12, 15), "week").value()
    '2015-W51'
    >>> _shift(dt.date(2015, 9, 29), 1, "day")
    (datetime.date(2015, 9, 30), 'day')
    >>> value_range("2014-03")[:2]
    (Timestamp('2014-03-01 00:00:00'), Timestamp('2014-03-31 00:00:00'))

Nothing here reads the article: these functions know calendars, not tense or context.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from kit.chronology.patterns import MONTHS, NUMBER_WORDS, UNITS

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
# Calendar facts: holidays, month names and quarters as numbers


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


def _quarter_number(word: str) -> int:
    word = word.lower()
    return {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "final": 4, "last": 4}[word]  # fmt: skip


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
