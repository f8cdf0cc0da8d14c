"""Dates with a precision, TimeML values, and the date arithmetic behind them.

A :class:`Point` is a day known to a precision ("day", "week", "month", "year", ...) and prints
as a TIMEX3 value; :func:`value_range` goes the other way, from a value to the days it covers.

    >>> import datetime as dt
    >>> from kit.chronology.values import Point, shift, value_range
    >>> Point(dt.date(2015, 12, 15), "week").value()
    '2015-W51'
    >>> shift(dt.date(2015, 9, 29), 1, "day")
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

from kit.chronology.words import NUMBER_WORDS, UNITS

# --------------------------------------------------------------------------------------------
# Dates with a precision, and how they print as TimeML values


@dataclass(frozen=True)
class Point:
    """A date known to a precision: "day", "week", "month", "year" (and coarser ones).

    >>> Point(dt.date(2015, 12, 15), "week").value()
    '2015-W51'
    """

    date: dt.date
    precision: str

    def value(self) -> str:
        """The TimeML value of the point.

        >>> Point(dt.date(2014, 3, 1), "month").value()
        '2014-03'
        """
        return timeml_value(self.date, self.precision)


def timeml_value(day: dt.date, precision: str) -> str:
    """The TimeML value of ``day`` printed at ``precision``.

    >>> timeml_value(dt.date(2015, 9, 29), "quarter"), timeml_value(dt.date(1994, 1, 1), "decade")
    ('2015-Q3', '199')
    """
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


def mask(value: str, anchor: Point, needed: str) -> str:
    """Blank out what the anchor cannot know: a year-only anchor gives "2015-XX-XX", not a day.

    >>> mask("2015-07-01", Point(dt.date(2015, 7, 1), "year"), "day")
    '2015-XX-XX'
    """
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


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by a number of months, kept inside the month it lands in.

    >>> add_months(dt.date(2015, 1, 31), 1)
    datetime.date(2015, 2, 28)
    """
    month_index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, amount: int, unit: str) -> tuple[dt.date, str]:
    """Move ``day`` by ``amount`` units; return the new date and the precision to print it at.

    Raises ``ValueError`` when the result is outside the years 1 to 9999 (``datetime.date``'s
    range); :func:`shift_year` counts years beyond it.

    >>> shift(dt.date(2015, 12, 15), -3, "years")
    (datetime.date(2012, 12, 15), 'year')
    """
    unit = unit.lower().rstrip("s")
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        return day + dt.timedelta(days=amount), "day"
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=amount), unit
    if unit == "month":
        return add_months(day, amount), "month"
    if unit == "year":
        return add_months(day, 12 * amount), "year"
    if unit == "decade":
        return add_months(day, 120 * amount), "decade"
    if unit in ("century", "centurie"):
        return add_months(day, 1200 * amount), "century"
    if unit in ("hour", "minute", "second"):
        return day, "day"
    raise ValueError(unit)


def parse_number(word: str | None) -> int | float | str:
    """ "three" -> 3, "48" -> 48, "a few" -> "X", "twenty-five" -> 25, None -> 1.

    >>> parse_number("twenty-five"), parse_number("2,500"), parse_number("several")
    (25, 2500, 'X')
    """
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


def duration_value(amount: int | float | str, unit: str) -> str:
    """TimeML duration: (3, "year") -> "P3Y"; (4, "hour") -> "PT4H"; ("X", "month") -> "PXM".

    >>> duration_value(4, "hours"), duration_value("X", "month")
    ('PT4H', 'PXM')
    """
    letters = UNITS[unit.lower().rstrip("s") if unit.lower() != "centuries" else "centurie"]
    if letters.startswith("T"):
        return f"PT{amount}{letters[1:]}"
    return f"P{amount}{letters}"


# --------------------------------------------------------------------------------------------
# Calendar facts: holidays, month names and quarters as numbers


def holiday_date(key: str, year: int) -> dt.date | None:
    """The day of a holiday (a category of kit/lexicons/chronology_holidays.csv) in ``year``.

    >>> holiday_date("easter", 2016), holiday_date("XXXX-12-25", 2015)
    (datetime.date(2016, 3, 27), datetime.date(2015, 12, 25))
    """
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


def quarter_number(word: str) -> int:
    """The number of a quarter named by its ordinal.

    >>> quarter_number("third"), quarter_number("final")
    (3, 4)
    """
    word = word.lower()
    return {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "final": 4, "last": 4}[word]  # fmt: skip


# --------------------------------------------------------------------------------------------
# History and the far future: years outside datetime's range (1 to 9999) and pandas' (1677-2262)


def year_value(year: int) -> str:
    """TimeML's value for a year given astronomically (0 is 1 BC, -485 is 486 BC).

    Years of the common era print with four digits; years before it print as TimeML (and TIMEX2
    before it) writes them, "BC" and the year before Christ, with no year zero: 1 BC is "BC0001".

    >>> year_value(2015), year_value(-485), year_value(0)
    ('2015', 'BC0486', 'BC0001')
    """
    return f"{year:04d}" if year >= 1 else f"BC{1 - year:04d}"


def shift_year(year: int, amount: int, unit: str) -> tuple[int, str]:
    """``year`` moved by ``amount`` years, decades or centuries, with no limit on the range.

    Returns the new (astronomical) year and the precision its value is printed at.

    >>> shift_year(2015, -2500, "years"), shift_year(2015, 5, "centuries")
    ((-485, 'year'), (2515, 'century'))
    """
    unit = unit.lower().rstrip("s")
    factor = {"year": 1, "decade": 10, "century": 100, "centurie": 100}[unit]
    return year + amount * factor, "century" if factor == 100 else unit


def year_span(value: str) -> tuple[int, int] | None:
    """The first and last year (astronomical: 0 is 1 BC) a DATE or TIME value covers, or ``None``.

    Works for any year, so it can order history ("BC3000", "15": the 16th century) and the far
    future that pandas' Timestamps cannot hold.

    >>> year_span("BC3000"), year_span("15"), year_span("199"), year_span("2500-SU")
    ((-2999, -2999), (1500, 1599), (1990, 1999), (2500, 2500))
    """
    if not isinstance(value, str):
        return None
    bc = re.fullmatch(r"BC(\d{4})", value)
    if bc:
        return 1 - int(bc.group(1)), 1 - int(bc.group(1))
    if re.fullmatch(r"\d{2}", value):
        return int(value) * 100, int(value) * 100 + 99
    if re.fullmatch(r"\d{3}", value):
        return int(value) * 10, int(value) * 10 + 9
    year = re.match(r"(\d{4})(?:$|-)", value)
    return (int(year.group(1)), int(year.group(1))) if year else None


def precision_of(value: str) -> str | None:
    """The precision of a DATE or TIME value, read from its form alone.

    >>> precision_of("2014-03"), precision_of("BC0486"), precision_of("15"), precision_of("P3Y")
    ('month', 'year', 'century', None)
    """
    if not isinstance(value, str) or value.startswith("P") or value.endswith("_REF"):
        return None
    value = re.sub(r"T.*$", "", value) if re.match(r"^\d{4}-\d\d-\d\dT", value) else value
    forms = [
        (r"(?:BC)?\d{4}", "year"), (r"\d{3}", "decade"), (r"\d{2}", "century"),
        (r"\d{4}-\d\d-\d\d", "day"), (r"\d{4}-\d\d", "month"), (r"\d{4}-W\d\d", "week"),
        (r"\d{4}-W\d\d-WE", "weekend"), (r"\d{4}-Q[1-4]", "quarter"), (r"\d{4}-H[12]", "half-year"),
        (r"\d{4}-(?:SP|SU|FA|WI)", "season"),
    ]  # fmt: skip
    return next((name for form, name in forms if re.fullmatch(form, value)), None)


# --------------------------------------------------------------------------------------------
# Date ranges for values


def value_range(value: str) -> tuple[pd.Timestamp, pd.Timestamp, str] | None:
    """The first and last day a TimeML DATE/TIME value covers, and its precision.

    ``"2015-09-29"`` -> (2015-09-29, 2015-09-29, "day"); ``"2014-03"`` -> (2014-03-01, 2014-03-31,
    "month"); ``"2015"`` -> the whole year; ``"2015-W51"`` -> its Monday to Sunday; ``"199"`` -> the
    1990s. Fuzzy or partly unknown values ("PAST_REF", "2015-XX-XX") give ``None``. A value
    pandas cannot hold as a Timestamp (before 1677 or after 2262: "15", the 16th century;
    "BC0486"; "2500") gives ``(NaT, NaT, precision)``: the value is a date, its days are not
    representable (:func:`year_span` gives its years).

    >>> value_range("2014-03")[2], value_range("PAST_REF"), value_range("15")
    ('month', None, (NaT, NaT, 'century'))
    """
    if not isinstance(value, str) or "X" in value or value.endswith("_REF"):
        return None
    precision = precision_of(value)
    span = year_span(value)
    if precision is not None and span is not None and not 1678 <= span[0] <= span[1] <= 2261:
        return pd.NaT, pd.NaT, precision
    return _days(value)


def _days(value: str) -> tuple[pd.Timestamp, pd.Timestamp, str] | None:
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
