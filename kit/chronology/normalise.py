"""How a match becomes a TIMEX3 type and value: one small function per kind of expression.

Every rule in :mod:`kit.chronology.patterns` names the function here that computes its value
(or gives a value template, read by :func:`from_template`). Each function takes the match and
the reading state (the anchor, the story's last date) and returns ``(type, value, point)``:
``point`` is the date the story moves to (for "the next day" after it), or ``None``. A function
returns ``None`` when the words are no date after all ("the 31st of February").

    >>> import kit
    >>> from kit.chronology import time_expressions
    >>> art = kit.Article.from_text("The war ended 2,500 years ago.", published="2015-12-15")
    >>> time_expressions(art)[["text", "value"]].values.tolist()
    [['2,500 years ago', 'BC0486']]

The examples of each function are the examples of the rules that use it (``Rule.example``,
checked by the tests).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kit.chronology.anchoring import (
    State,
    from_story,
    looks_forward,
    nearest_year,
    relative_year,
    season_point,
    speech_day,
    weekday_date,
    weekend,
)
from kit.chronology.values import (
    Point,
    add_months,
    duration_value,
    holiday_date,
    mask,
    parse_number,
    quarter_number,
    shift,
    shift_year,
    timeml_value,
    year_value,
)
from kit.chronology.words import (
    FULL_MONTH,
    ORDINAL_WORDS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
    from_lists,
    lexicon,
    month_number,
)

if TYPE_CHECKING:
    from kit.chronology.candidates import Match

Resolved = tuple[str, str, Point | None]  # TIMEX3 type, value, the date the story moves to
Normaliser = Callable[["Match", State], Resolved | None]


def value_of(sentence: str, published: str | None = "2015-12-16") -> list[list[str]]:
    """The time expressions of one sentence and their values, to try a rule out.

    ``published``: when the sentence was written (by default 2015-12-16, a Wednesday, the day
    the rules' examples are written on).

    >>> value_of("Talks resumed on Monday.")
    [['Monday', '2015-12-14']]
    """
    from kit.article import Article
    from kit.chronology.resolve import time_expressions

    frame = time_expressions(Article.from_text("Example\n\n" + sentence, published=published))
    return frame[["text", "value"]].values.tolist()


def _date(day: dt.date, precision: str) -> Resolved:
    point = Point(day, precision)
    return "DATE", point.value(), point


def _day_number(day: str) -> int:
    return int(re.match(r"\d+", day).group())


# --------------------------------------------------------------------------------------------
# Calendar dates: "Dec. 15, 2015", "September 29", "March 2014", "in May", "2014"


def full_date(m: Match, state: State) -> Resolved | None:
    """A day with its month and year ("Dec. 15, 2015", "2015-12-15", "12/15/2015").

    >>> value_of('Talks resumed on Dec. 15, 2015, in Moscow.')
    [['Dec. 15, 2015', '2015-12-15']]
    """
    g = m.groups
    month = int(g["month"]) if g["month"].isdigit() else month_number(g["month"])
    try:
        return _date(dt.date(int(g["year"]), month, _day_number(g["day"])), "day")
    except ValueError:
        return None  # "February 31, 2015"


def month_day(m: Match, state: State) -> Resolved | None:
    """A day and month; the year from the text ("13 and 14 December 2018") or the anchor.

    >>> value_of('Putin ordered air strikes on September 29.')
    [['September 29', '2015-09-29']]
    """
    g = m.groups
    month, day = month_number(g["month"]), _day_number(g["day"])
    year = int(g["year"]) if g.get("year") else nearest_year(state, month, day, m.start)
    try:
        return _date(dt.date(year, month, day), "day")
    except ValueError:
        return None


def month_year(m: Match, state: State) -> Resolved:
    """A month of a named year ("March 2014").

    >>> value_of('Russia annexed Crimea in March 2014.')
    [['March 2014', '2014-03']]
    """
    return _date(dt.date(int(m.groups["year"]), month_number(m.groups["month"]), 1), "month")


def month_alone(m: Match, state: State) -> Resolved:
    """A month named alone ("in March", "last May", "November last year").

    >>> value_of('The ceasefire collapsed in August.')
    [['August', '2015-08']]
    """
    g, anchor = m.groups, state.anchor.date
    month = month_number(g["month"])
    rel = (g.get("rel") or "").lower()
    this, here = dt.date(anchor.year, month, 1), dt.date(anchor.year, anchor.month, 1)
    # a month joined to one that names its year takes that year too: "in July and
    # November last year", "between January and May of this year"
    joined = re.match(
        rf",?\s+(?:and|or|to)\s+{FULL_MONTH}\s+(?:of\s+)?(last|this|next)\s+year\b",
        state.text[m.end : m.end + 40],
    )
    yrel = g.get("yrel") or (joined.group(1) if joined and not rel else None)
    if yrel:  # "November last year"
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[yrel]
    elif rel == "last":
        year = anchor.year if this < here else anchor.year - 1
    elif rel == "next":
        year = anchor.year if this > here else anchor.year + 1
    elif rel in ("this", "that"):
        year = anchor.year
    else:
        year = nearest_year(state, month, None, m.start)
    return _date(dt.date(year, month, 1), "month")


def calendar_year(m: Match, state: State) -> Resolved:
    """A year written out ("2014", "mid-2014", "the year 2500").

    >>> value_of('The war began in 2014.')
    [['2014', '2014']]
    """
    year = int(m.groups["year"])
    if not 1 <= year <= 9999:
        return "DATE", year_value(year), None
    return _date(dt.date(year, 1, 1), "year")


def year_with_era(m: Match, state: State) -> Resolved:
    """A year with its era ("3000 BC", "AD 800", "500 BCE"): "BC3000", "0800".

    >>> value_of('The city was founded in 3000 BC.')
    [['3000 BC', 'BC3000']]
    """
    g = m.groups
    year = int((g.get("year") or g["year2"]).replace(",", ""))
    if (g.get("era") or "").upper().startswith("B"):
        return "DATE", f"BC{year:04d}", None
    return "DATE", year_value(year), None


def day_of_month(m: Match, state: State) -> Resolved | None:
    """ "on the 29th": a day of the month the story is in.

    >>> value_of('They met in September; on the 29th, talks broke down.')
    [['September', '2015-09'], ['the 29th', '2015-09-29']]
    """
    base = state.story if state.story.precision in ("day", "month") else state.anchor
    try:
        return _date(base.date.replace(day=int(m.groups["day"])), "day")
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# Parts of a year, decades and centuries


def half_year(m: Match, state: State) -> Resolved:
    """ "the first half of 2019": "2019-H1".

    >>> value_of('Growth slowed in the first half of 2015.')
    [['the first half of 2015', '2015-H1']]
    """
    year = relative_year(m.groups, state.anchor)
    half = 1 if m.groups["ord"].lower() == "first" else 2
    return "DATE", f"{year:04d}-H{half}", Point(dt.date(year, 1 if half == 1 else 7, 1), "year")


def quarter(m: Match, state: State) -> Resolved:
    """ "the third quarter", "Q3 2015": "2015-Q3" (a past quarter unless the clause looks ahead).

    >>> value_of('Profits fell in the third quarter.')
    [['the third quarter', '2015-Q3']]
    """
    g, anchor = m.groups, state.anchor
    number = int(g["qnum"]) if g.get("qnum") else quarter_number(g["ord"])
    if g.get("year") or g.get("rel"):
        year = relative_year(g, anchor)
    else:
        year = anchor.date.year
        anchor_quarter = (anchor.date.month - 1) // 3 + 1
        if number > anchor_quarter and not looks_forward(state, m.start) and not state.inferred:
            year -= 1
    return "DATE", f"{year:04d}-Q{number}", Point(dt.date(year, 3 * number - 2, 1), "quarter")


def quarter_from_now(m: Match, state: State) -> Resolved:
    """ "this quarter", "last quarter", "the coming quarter".

    >>> value_of('Sales rose last quarter.')
    [['last quarter', '2015-Q3']]
    """
    rel = (m.groups.get("rel") or m.groups.get("rel2")).lower()
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    day = add_months(state.anchor.date, 3 * step)
    return (
        "DATE",
        mask(timeml_value(day, "quarter"), state.anchor, "quarter"),
        Point(day, "quarter"),
    )


def months_of_year(m: Match, state: State) -> Resolved:
    """ "the first three months of the year" (a quarter), "the first six months of 2019".

    >>> value_of('Sales fell in the first six months of 2015.')
    [['the first six months of 2015', '2015-H1']]
    """
    g = m.groups
    year = relative_year(g, state.anchor)
    first = g["ord"].lower() == "first"
    if parse_number(g["num"]) == 3:
        number = 1 if first else 4
        return "DATE", f"{year:04d}-Q{number}", Point(dt.date(year, 3 * number - 2, 1), "quarter")
    half = 1 if first else 2
    return "DATE", f"{year:04d}-H{half}", Point(dt.date(year, 1 if first else 7, 1), "year")


def decade(m: Match, state: State) -> Resolved:
    """ "the 1990s": "199"; "the '90s" in the century nearest the anchor; "the 1600s": "16".

    >>> value_of('The region was calm in the 1990s.')
    [['the 1990s', '199']]
    """
    g, year = m.groups, state.anchor.date.year
    if g.get("dec"):
        number = int(g["dec"])
        if number % 10 == 0 and number < 190:  # "the 1600s", "the 1800s": a century
            return "DATE", f"{number // 10:02d}", None
    else:
        short = int(g.get("short") or g["bare"])
        number = 190 + short if 1900 + short * 10 <= year else 180 + short
        number = 200 + short if short * 10 + 2000 <= year else number
    return "DATE", f"{number:03d}", None


def century(m: Match, state: State) -> Resolved:
    """ "the 19th century": "18" (TimeML counts the hundreds: 1800-1899).

    >>> value_of('The town was founded in the 16th century.')
    [['the 16th century', '15']]
    """
    g = m.groups
    number = int(g["cnum"]) if g.get("cnum") else ORDINAL_WORDS[g["cword"].lower()]
    return "DATE", f"{number - 1:02d}", None


def season(m: Match, state: State) -> Resolved:
    """ "the summer of 1982": "1982-SU"; "last autumn", "in the spring" from the anchor.

    >>> value_of('The offensive began in the summer of 2014.')
    [['the summer of 2014', '2014-SU']]
    """
    g = m.groups
    code = SEASONS[g["season"].lower()]
    if g.get("year"):
        return "DATE", f"{g['year']}-{code}", None
    value = season_point(state, code, g.get("rel"), m.start)
    return "DATE", mask(value, state.anchor, "month"), None


# --------------------------------------------------------------------------------------------
# Counted from the time of writing: "this year", "Tuesday", "yesterday", "three years ago"


def this_last_next(m: Match, state: State) -> Resolved | None:
    """ "this year", "last week", "next month", "late last year", "the end of the year".

    >>> value_of('Turnout fell last year.')
    [['last year', '2014']]
    """
    g, anchor = m.groups, state.anchor
    rel, unit = g["rel"].lower(), g["unit"].lower()
    if rel == "the" and unit == "weekend" and not g.get("mod"):
        return weekend(state, m.start)
    if rel == "the" and not g.get("mod"):
        return None  # "the year" alone is no date
    step = {"this": 0, "the": 0, "last": -1, "next": 1}.get(rel, 0)  # "the current"
    day, precision = shift(anchor.date, step, unit)
    if unit == "weekend" and rel == "the":
        day, precision = anchor.date, "weekend"
    value = mask(timeml_value(day, precision), anchor, precision)
    return "DATE", value, Point(day, precision) if not state.inferred else None


def the_weekend(m: Match, state: State) -> Resolved:
    """ "the weekend vote", "the final weekend": the last weekend, or the next one ahead.

    >>> value_of('Police broke up a weekend rally.')
    [['weekend', '2015-W50-WE']]
    """
    return weekend(state, m.start)


def weekday(m: Match, state: State) -> Resolved:
    """ "Tuesday", "last Tuesday", "Wednesday night" (rule 5 of the package docstring).

    >>> value_of('The minister resigned on Monday.')
    [['Monday', '2015-12-14']]
    """
    g, anchor = m.groups, state.anchor
    part = "T" + PARTS_OF_DAY[g["part"].lower()] if g.get("part") else ""
    if anchor.precision in ("month", "year", "none"):
        # no day to count from: TimeML's "a Tuesday in 2015" ("2015-WXX-2"), not a guessed day
        value = f"{anchor.date.year:04d}-WXX-{WEEKDAYS[g['weekday'].lower()] + 1}"
        return "TIME" if part else "DATE", value + part, Point(anchor.date, anchor.precision)
    day = weekday_date(state, WEEKDAYS[g["weekday"].lower()], g.get("rel"), m.start, m.end)
    value = mask(day.isoformat(), anchor, "day") + part
    return "TIME" if part else "DATE", value, Point(day, "day")


def today_etc(m: Match, state: State) -> Resolved:
    """ "today", "yesterday", "tomorrow", "tonight", "yesterday morning" (rule 6).

    >>> value_of('The talks resume tomorrow.')
    [['tomorrow', '2015-12-17']]
    """
    g = m.groups
    word = " ".join(g["word"].lower().split())
    offset = {
        "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
        "the day before yesterday": -2, "the day after tomorrow": 2,
    }[word]  # fmt: skip
    day = speech_day(state, m.start) + dt.timedelta(days=offset)
    value = mask(day.isoformat(), state.anchor, "day")
    if word == "tonight":
        return "TIME", value + "TNI", Point(day, "day")
    if g.get("part"):
        return "TIME", value + "T" + PARTS_OF_DAY[g["part"].lower()], Point(day, "day")
    return "DATE", value, Point(day, "day")


def this_morning(m: Match, state: State) -> Resolved:
    """ "this morning", "last night".

    >>> value_of('Shelling resumed last night.')
    [['last night', '2015-12-15TNI']]
    """
    back = 1 if m.groups["rel"].lower() == "last" else 0
    day = state.anchor.date - dt.timedelta(days=back)
    part = PARTS_OF_DAY[m.groups["part"].lower()]
    return "TIME", mask(day.isoformat(), state.anchor, "day") + "T" + part, Point(day, "day")


def ago(m: Match, state: State) -> Resolved:
    """ "three years ago", "2,500 years ago" (before year 1: "BC0486"), "a few days ago".

    >>> value_of('The border closed three years ago.')
    [['three years ago', '2012']]
    """
    g, anchor = m.groups, state.anchor
    amount = parse_number(g["num"])
    if amount == "X" or isinstance(amount, float):
        return "DATE", "PAST_REF", None
    unit = g["unit"].lower().rstrip("s")
    if (
        anchor.precision == "none"
        and unit in ("year", "decade", "century", "centurie")
        and not g.get("today")
    ):
        return "DATE", {"year": "XXXX", "decade": "XXX"}.get(unit, "XX"), None  # no year to count
    try:
        day, precision = shift(anchor.date, -amount, g["unit"])
    except (ValueError, OverflowError):  # before year 1 or after 9999: count the years alone
        year, precision = shift_year(anchor.date.year, -amount, g["unit"])
        return "DATE", _year_at(year, precision), None
    if g.get("today"):
        precision = "day"
    return "DATE", mask(timeml_value(day, precision), anchor, precision), None


def _year_at(year: int, precision: str) -> str:
    """A year far in the past or future at its precision ("decade", "century" or "year")."""
    if year >= 1 and precision == "century":
        return f"{year // 100:02d}"
    if year >= 1 and precision == "decade":
        return f"{year // 10:03d}"
    return year_value(year)


# --------------------------------------------------------------------------------------------
# Counted from the story: "the next day", "two days later", "earlier in the day"


def story_step(m: Match, state: State) -> Resolved:
    """ "the next day", "the previous year", "that day", "the day before" (rule 3).

    >>> value_of('They met on Sept. 29. The next day, strikes began.')
    [['Sept. 29', '2015-09-29'], ['The next day', '2015-09-30']]
    """
    rel, unit = m.groups["rel"].lower(), m.groups["unit"].lower()
    step = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1,
            "before": -1, "same": 0, "that": 0}[rel]  # fmt: skip
    return from_story(state, step, unit)


def later_earlier(m: Match, state: State) -> Resolved:
    """ "two days later", "three years earlier" (no event named after them).

    >>> value_of('They met on Sept. 29. Two days later, strikes began.')
    [['Sept. 29', '2015-09-29'], ['Two days later', '2015-10-01']]
    """
    g = m.groups
    amount = parse_number(g["num"])
    if amount == "X" or isinstance(amount, float):
        return "DATE", "PAST_REF" if g["rel"].lower() == "earlier" else "FUTURE_REF", None
    step = amount if g["rel"].lower() == "later" else -amount
    try:
        return from_story(state, step, g["unit"])
    except (ValueError, OverflowError):  # "3,000 years later": past datetime's range
        year, precision = shift_year(state.story.date.year, step, g["unit"])
        return "DATE", _year_at(year, precision), None


def story_part(m: Match, state: State) -> Resolved:
    """ "earlier in the day", "throughout the night": the day the story is at.

    >>> value_of('On Monday the talks stalled; later in the day they resumed.')
    [['Monday', '2015-12-14'], ['the day', '2015-12-14']]
    """
    base = state.story if state.story.precision == "day" else state.anchor
    part = m.groups["part"].lower()
    value = mask(base.date.isoformat(), base, "day")
    if re.fullmatch(r"(\d{4}|XXXX)-WXX-\d", state.story_value[:10]):
        value = state.story_value[:10]  # "on Tuesday ... later in the day": that Tuesday
    if part == "day":
        return "DATE", value, None
    return "TIME", value + "T" + PARTS_OF_DAY[part], None


def same_last_year(m: Match, state: State) -> Resolved:
    """ "the same time last year", "the same quarter a year ago": the story's period, a year
    back.

    >>> value_of('Exports rose in the third quarter, more than in the same quarter a year ago.')
    [['the third quarter', '2015-Q3'], ['the same quarter a year ago', '2014-Q3']]
    """
    base, unit = state.story, m.groups["unit"].lower()
    precision = base.precision if unit in ("time", "period") else unit
    if precision not in ("day", "week", "month", "quarter", "year"):
        precision = "year"
    day = add_months(base.date, -12)
    return "DATE", mask(timeml_value(day, precision), base, precision), None


def clock(m: Match, state: State) -> Resolved:
    """ "3 p.m.", "14:30", "noon", "dawn": the time alone; the day is added once the sentence is
    read (:func:`kit.chronology.resolve.date_times`).

    >>> value_of('The blast came at 3 p.m. on Tuesday.')
    [['3 p.m.', '2015-12-15T15:00'], ['Tuesday', '2015-12-15']]
    """
    g = m.groups
    if g.get("light"):  # dawn and first light are morning, dusk and sunset evening (TimeML codes)
        light = " ".join(g["light"].lower().split())
        return "TIME", "EV" if light in ("dusk", "nightfall", "sunset") else "MO", None
    if g.get("overnight"):
        return "TIME", "NI", None
    if g.get("named"):
        return (
            "TIME",
            {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[g["named"].lower()],
            None,
        )
    hour = int(g["hour"])
    ampm = (g.get("ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    return "TIME", f"{hour:02d}:{g.get('minute') or '00'}", None


# --------------------------------------------------------------------------------------------
# Durations and sets


def duration(m: Match, state: State) -> Resolved:
    """ "three years" (P3Y), "48 hours" (PT48H), "two and a half years" (P2.5Y).

    >>> value_of('The siege lasted three years.')
    [['three years', 'P3Y']]
    """
    amount = parse_number(m.groups["num"])
    if "and a half" in state.text[m.start : m.end].lower() and amount != "X":
        amount = amount + 0.5
    return "DURATION", duration_value(amount, m.groups["unit"]), None


def duration_since(m: Match, state: State) -> Resolved:
    """ "in the week since the coup" (P1W), "the months before the vote" (PXM).

    >>> value_of('In the week since the coup, markets fell.')
    [['the week', 'P1W']]
    """
    g = m.groups
    amount = parse_number(g["num"]) if g.get("num") else ("X" if g.get("plural") else 1)
    return "DURATION", duration_value(amount, g["unit"]), None


def duration_the(m: Match, state: State) -> Resolved:
    """ "the past decade" (P1DE), "the next three years" (P3Y).

    >>> value_of('Prices doubled over the past decade.')
    [['the past decade', 'P1DE']]
    """
    amount = parse_number(m.groups["num"]) if m.groups.get("num") else 1
    return "DURATION", duration_value(amount, m.groups["unit"]), None


def half_unit(m: Match, state: State) -> Resolved:
    """ "half an hour" (PT30M), "half a century" (P50Y).

    >>> value_of('The dispute is half a century old.')
    [['half a century', 'P50Y']]
    """
    half = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}
    return "DURATION", half[m.groups["unit"].lower()], None


def every(m: Match, state: State) -> Resolved:
    """ "every week" (P1W), "every 14 days" (P14D), "twice a month", "$200 million a day".

    >>> value_of('Inspectors visit every week.')
    [['every week', 'P1W']]
    """
    amount = parse_number(m.groups["num"]) if m.groups.get("num") else 1
    return "SET", duration_value(amount, m.groups["unit"]), None


def set_adverb(m: Match, state: State) -> Resolved:
    """ "daily" (P1D), "annually" (P1Y), "quarterly" (P3M).

    >>> value_of('The report is published annually.')
    [['annually', 'P1Y']]
    """
    values = {"daily": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
              "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y",
              "hourly": "PT1H"}  # fmt: skip
    return "SET", values[m.groups["adverb"].lower()], None


# --------------------------------------------------------------------------------------------
# Words from the lexicons: fuzzy references and holidays


def fuzzy(m: Match, state: State) -> Resolved:
    """ "recently" (PAST_REF), "now" (PRESENT_REF): the category in chronology_fuzzy.csv.

    >>> value_of('Prices have risen recently.')
    [['recently', 'PAST_REF']]
    """
    values = from_lists("fuzzy values", ("fuzzy",), _first_category)
    text = " ".join(state.text[m.start : m.end].lower().split())
    return "DATE", values.get(text, "PRESENT_REF"), None


def _first_category(rows: tuple[dict, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for row in rows:
        values.setdefault(row["term"].lower(), row["category"])
    return values


def holiday(m: Match, state: State) -> Resolved | None:
    """ "Christmas", "last Easter": the holiday nearest the anchor (chronology_holidays.csv).

    >>> value_of('Shops closed on Christmas Day.')
    [['Christmas Day', '2014-12-25']]
    """
    g, anchor = m.groups, state.anchor
    holidays = lexicon("holidays")
    key = holidays.loc[holidays.term == g["holiday"], "category"].iloc[0]
    if re.fullmatch(r"\d{4}-\d\d-\d\d", key):
        return _date(dt.date.fromisoformat(key), "day")
    rel, year = (g.get("rel") or "").lower(), anchor.date.year
    this = holiday_date(key, year)
    if this is None:
        return None
    if rel == "last" and this >= anchor.date:
        year -= 1
    elif rel == "next" and this <= anchor.date:
        year += 1
    elif not rel and not state.inferred:
        candidates = [(abs((holiday_date(key, y) - anchor.date).days), y) for y in (year - 1, year)]
        if not looks_forward(state, m.start):
            candidates = [c for c in candidates if holiday_date(key, c[1]) <= anchor.date]
        year = min(candidates)[1] if candidates else year
    day = holiday_date(key, year)
    return "DATE", mask(day.isoformat(), anchor, "day"), Point(day, "day")


# --------------------------------------------------------------------------------------------
# Value templates: a fixed value with slots, for rules that need no arithmetic

TYPES = ("DATE", "TIME", "DURATION", "SET")
SLOTS = {
    "some_unit": lambda g: duration_value("X", g["unit"]),  # "months of": PXM, "hours after": PTXH
    "part": lambda g: PARTS_OF_DAY[g["part"].lower()],  # "every night": NI
    "weekday": lambda g: str(WEEKDAYS[g["weekday"].lower()] + 1),  # "every Tuesday": 2
}


def template_slots(template: str) -> tuple[str, list[str]]:
    """Check a value template ("SET XXXX-WXX-{weekday}") and return its type and slot names.

    Raises ``ValueError`` naming what is wrong: the type must be one of DATE, TIME, DURATION,
    SET; every ``{slot}`` one of :data:`SLOTS`.

    >>> template_slots("DURATION {some_unit}")
    ('DURATION', ['some_unit'])
    """
    kind, _, value = template.partition(" ")
    if kind not in TYPES or not value:
        raise ValueError(f"a value template is 'TYPE VALUE' with TYPE one of {', '.join(TYPES)}")
    slots = re.findall(r"\{(\w+)\}", value)
    unknown = [s for s in slots if s not in SLOTS]
    if unknown:
        raise ValueError(f"unknown slot {{{unknown[0]}}} (known: {', '.join(SLOTS)})")
    return kind, slots


def from_template(template: str) -> Normaliser:
    """The normaliser that fills a value template's slots from a match's groups.

    >>> import re
    >>> from kit.chronology.candidates import Match
    >>> found = re.search(r"(?P<t>every (?P<weekday>Tuesday))", "We meet every Tuesday.")
    >>> from_template("SET XXXX-WXX-{weekday}")(Match(9, 22, None, found.groupdict()), None)
    ('SET', 'XXXX-WXX-2', None)
    """
    kind, slots = template_slots(template)
    value = template.partition(" ")[2]

    def fill(m: Match, state: State) -> Resolved:
        filled = value
        for slot in slots:
            filled = filled.replace("{" + slot + "}", SLOTS[slot](m.groups))
        return kind, filled, None

    return fill
