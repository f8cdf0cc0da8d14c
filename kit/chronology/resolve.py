"""From matches to TIMEX3 rows: :func:`time_expressions`, one rule kind at a time.

Each candidate span gets its type and value here, in text order, so that "the next day" can
count from the date given just before it; clock times get their day once the sentence is read.

    >>> import kit
    >>> from kit.chronology.resolve import time_expressions
    >>> art = kit.Article.from_text("The talks ended on Sept. 3. The next day, both sides left.",
    ...                             published="2015-09-10")
    >>> time_expressions(art)[["text", "type", "value"]].values.tolist()
    [['Sept. 3', 'DATE', '2015-09-03'], ['The next day', 'DATE', '2015-09-04']]
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

import pandas as pd

from kit.article import Article
from kit.chronology.anchoring import (
    _find_anchor,
    _from_story,
    _in_quotation,
    _looks_back,
    _looks_forward,
    _nearest_year,
    _relative_year,
    _season_point,
    _speech_day,
    _State,
    _weekday_date,
    _weekend,
)
from kit.chronology.candidates import Match, _candidates
from kit.chronology.patterns import (
    FULL_MONTH,
    ORDINAL_WORDS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
    lexicon,
)
from kit.chronology.values import (
    Point,
    _add_months,
    _duration,
    _format,
    _holiday_date,
    _mask,
    _month_number,
    _number,
    _quarter_number,
    _shift,
)

# --------------------------------------------------------------------------------------------
# One match to one TIMEX3 type and value (rule kinds as named in patterns.RULES)

STAND_IN_YEAR = 4000  # a year no news story is about, used when there is no anchor at all
COLUMNS = ["timex_id", "start", "end", "text", "type", "value", "sentence_id"]


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
# Public: time expressions


def time_expressions(article: Article, anchor=None) -> pd.DataFrame:
    """Every time expression in the article, typed and normalised as a TimeML TIMEX3.

    Columns: ``timex_id`` (t1, t2, ... in text order), ``start``, ``end`` (offsets into
    ``article.text``), ``text``, ``type`` (DATE, TIME, DURATION, SET), ``value`` (a TimeML value,
    such as "2015-09-29", "2014-03", "P3Y", "PRESENT_REF"), ``sentence_id`` (None in the headline).

    ``anchor`` (a date or "YYYY-MM-DD") is the time of writing that relative expressions count
    from; by default ``article.published``, else the latest date the article writes with a year.
    With no anchor at all, relative dates get "XXXX" where the year would be.
    The rules and the order they are applied in are described in the kit.chronology docstring.
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
