"""The anchor and the direction of a date: rules 1 to 6 of the package docstring.

The anchor is the time of writing relative expressions count from (``anchor=``, else the
article's ``published`` date, else the latest date the article writes with a year). The tense
heuristics decide which way a date without a year, a weekday or a season points; the story
helpers count "the next day" from the last date the article gave.

    >>> import datetime as dt
    >>> from kit.chronology.anchoring import State, weekday_date
    >>> from kit.chronology.values import Point
    >>> text = "The vote will be held on Monday."
    >>> today = Point(dt.date(2015, 12, 16), "day")  # a Wednesday
    >>> weekday_date(State(today, False, today, text, [0]), 0, None, 25, 31)
    datetime.date(2015, 12, 21)

(The same Monday in "The vote was held on Monday." is 2015-12-14: the sentence tells the past.)
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from kit.article import Article
from kit.chronology.values import PRECISION_ORDER, Point, mask, shift, timeml_value
from kit.chronology.words import PARTS_OF_DAY, SEASON_MONTH, alternation, from_lists, month_number

if TYPE_CHECKING:
    from kit.chronology.candidates import Match

# --------------------------------------------------------------------------------------------
# Tense cues

# The tense cues are a word list, kit/lexicons/chronology_tense.csv: "future" words put a date
# ahead when they come before it in its clause ("The vote will be held on May 10", "results are
# expected on Monday"); "past" words (and any word ending in -ed that is not "not_past") tell the
# past in its sentence ("The previous round, on Sept. 3, ended without a statement"); reporting
# verbs (said, told) are "not_past", since "The vote will be held on May 10, officials said" is
# about the future, but count for weekdays ("reporting": "said Tuesday" is the Tuesday past).


@dataclass(frozen=True)
class TenseCues:
    """The tense cues of kit/lexicons/chronology_tense.csv as regular expressions.

    >>> tense_cues().reporting.search("officials said Tuesday").group()
    'said'
    """

    future: re.Pattern
    past: re.Pattern
    reporting: re.Pattern


def tense_cues() -> TenseCues:
    """The tense cues, read again after chronology_tense.csv changes.

    >>> bool(tense_cues().future.search("The vote will be held")), bool(
    ...     tense_cues().past.search("The round ended"))
    (True, True)
    """
    return from_lists("tense cues", ("tense",), _build_tense_cues)


def _build_tense_cues(rows: tuple[dict, ...]) -> TenseCues:
    def words(category: str) -> str:
        return alternation(r["term"] for r in rows if r["category"] == category) or "(?!)"

    return TenseCues(
        future=re.compile(rf"\b({words('future')})\b", re.IGNORECASE),
        past=re.compile(rf"\b({words('past')}|(?!(?:{words('not_past')})\b)[a-z]{{3,}}ed)\b"),
        reporting=re.compile(rf"\b({words('reporting')})\b"),
    )


# Where a new clause starts: "... by Aug. 31, a deadline the president set in the spring."
CLAUSE_BREAK = re.compile(r"[;—–]|,\s+(?=(?:and|but|while|which|who|whom|a|an|the|as)\b)")

# How far back into its sentence a date's tense is read: a news sentence is far shorter, and the
# limit keeps a text with no full stops (a transcript, a pasted table) linear in its length.
LONGEST_READ = 1000


# --------------------------------------------------------------------------------------------
# Tense and direction: which way a date without a year, a weekday or a season points


@dataclass
class State:
    """What the reader knows at a point of the text: the anchor, the story's last date, ...

    >>> today = Point(dt.date(2015, 12, 16), "day")
    >>> State(today, False, today, "Talks resumed.", [0]).story.value()
    '2015-12-16'
    """

    anchor: Point  # the time of writing (or the best guess at it)
    inferred: bool  # True when the anchor was taken from the article's own latest date
    story: Point  # the last date the article gave, for "the next day"
    text: str
    sentence_starts: Sequence[int]  # where each sentence starts, in text order
    last_day: Point | None = None  # the narrative's last date known to the day, for quoted "today"
    story_value: str = ""  # the value the story point was printed with ("2015-WXX-2")
    quotes: QuoteMarks | None = None  # where the quotation marks are (built when first needed)
    cues: TenseCues | None = None  # the tense cues, read once per reading (when first needed)


def sentence_list(state: State) -> list[int]:
    """``state.sentence_starts`` as a list: a sequence that reads them only when first needed
    (:class:`kit.chronology.resolve.SentenceStarts`) is read into one, once.

    >>> today = Point(dt.date(2015, 12, 16), "day")
    >>> sentence_list(State(today, False, today, "", (0, 12)))
    [0, 12]
    """
    if type(state.sentence_starts) is not list:
        state.sentence_starts = list(state.sentence_starts)
    return state.sentence_starts


def cues_of(state: State) -> TenseCues:
    """The tense cues for one reading of a text: chronology_tense.csv is read once per reading
    (an edit takes effect on the next one), not once per date.

    >>> today = Point(dt.date(2015, 12, 16), "day")
    >>> cues_of(State(today, False, today, "", [0])).future.search("it will rain").group()
    'will'
    """
    if state.cues is None:
        state.cues = tense_cues()
    return state.cues


def _unquoted(window: str) -> str:
    """The words of a stretch of text outside quotations: quoted speech has its own tense
    ("'We are going to find more,' the sheriff said at a Thursday briefing" reports the past)."""
    window = re.sub(r"“[^“”]*”|\"[^\"]*\"", " ", window)
    close = window.rfind("”")
    if close > window.rfind("“"):  # the quotation opened before the stretch began
        window = window[close + 1 :]
    return window


def looks_forward(state: State, start: int, end: int | None = None) -> bool:
    """Whether the date's clause looks forward in the words before it ("will vote on Monday").

    When the date opens its clause ("Tuesday's vote will ...", "On Monday, ministers will ..."),
    the words after it are read instead (pass ``end``, the end of the date).

    >>> today = Point(dt.date(2015, 12, 16), "day")  # a Wednesday
    >>> looks_forward(State(today, False, today, "The vote will be held on Monday.", [0]), 25)
    True
    """
    starts = sentence_list(state)
    i = bisect.bisect_right(starts, start) - 1
    sentence_start = starts[i] if i >= 0 else max(0, start - 200)
    window = _unquoted(state.text[max(sentence_start, start - 120) : start])
    clause = CLAUSE_BREAK.split(window)[-1]  # only the clause the date is in
    future = cues_of(state).future
    if future.search(clause):
        return True
    if end is not None and len(clause.split()) <= 2:
        after = re.split(r"[.;!?]|,\s", state.text[end : end + 120])[0]
        return bool(future.search(after))
    return False


def looks_back(state: State, start: int, *, reporting: bool = False) -> bool:
    """Whether the sentence around ``start`` tells something past ("The round ended on Sept. 3").

    A reporting verb ("officials said") counts only with ``reporting=True`` (for weekdays: "said
    Thursday" is the Thursday just past); news reports future plans in the past tense too.

    >>> today = Point(dt.date(2015, 12, 16), "day")  # a Wednesday
    >>> looks_back(State(today, False, today, "The round ended on Sept. 3.", [0]), 19)
    True
    """
    starts = sentence_list(state)
    i = bisect.bisect_right(starts, start) - 1
    sentence_start = starts[i] if i >= 0 else max(0, start - 200)
    sentence_start = max(sentence_start, start - LONGEST_READ)  # a long sentence: near the date
    following = starts[i + 1] if i + 1 < len(starts) else start + 200
    sentence = state.text[sentence_start : min(following, start + 200)]
    cues = cues_of(state)
    return bool(cues.past.search(sentence) or (reporting and cues.reporting.search(sentence)))


def nearest_year(state: State, month: int, day: int | None, start: int) -> int:
    """The year for a date written without one (see rule 4 in the kit.chronology docstring).

    >>> today = Point(dt.date(2015, 12, 16), "day")  # a Wednesday
    >>> nearest_year(State(today, False, today, "The round ended on Sept. 3.", [0]), 9, 3, 19)
    2015
    >>> nearest_year(State(today, False, today, "The summit opens on Jan. 12.", [0]), 1, 12, 20)
    2016
    """
    anchor = state.anchor.date
    if state.inferred or state.anchor.precision == "year":
        return anchor.year
    forward = looks_forward(state, start)
    backward = not forward and looks_back(state, start)
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


def season_point(state: State, code: str, rel: str | None, start: int) -> str:
    """The value of a season written without its year ("last spring", "in the fall"), such as
    "2016-SP": "last", "next", "this" count from the anchor, otherwise the nearest one (rule 4).

    >>> today = Point(dt.date(2015, 12, 16), "day")  # a Wednesday
    >>> state = State(today, False, today, "Elections are due in the spring.", [0])
    >>> season_point(state, "SP", None, 25)
    '2016-SP'
    """
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
        year = nearest_year(state, month, None, start)
    return f"{year}-{code}"


def weekday_date(state: State, weekday: int, rel: str | None, start: int, end: int) -> dt.date:
    """The day of a weekday (0 is Monday) written at ``start:end``, by rule 5 of the package
    docstring: ahead in a forward-looking clause, back in a past or reported one, else nearest.

    >>> today = Point(dt.date(2015, 12, 16), "day")  # a Wednesday
    >>> state = State(today, False, today, "The vote will be held on Monday.", [0])
    >>> weekday_date(state, 0, None, 25, 31)
    datetime.date(2015, 12, 21)
    """
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
    if rel == "this" or deadline or looks_forward(state, start, end):
        return anchor + dt.timedelta(days=ahead)
    if looks_back(state, start, reporting=True) or back <= ahead:
        return anchor - dt.timedelta(days=back)
    # no tense to go by ("Polls close at 1 a.m. on Wednesday"): the nearest one
    return anchor + dt.timedelta(days=ahead)


class QuoteMarks:
    """Where a text's line breaks and quotation marks are, so that :func:`in_quotation` costs the
    same at the end of a long paragraph as at its start.

    >>> QuoteMarks('“Today,” he said.').inside(1), QuoteMarks('“Today,” he said.').inside(10)
    (True, False)
    """

    def __init__(self, text: str) -> None:
        def where(mark: str) -> list[int]:
            return [m.start() for m in re.finditer(mark, text)]

        self.breaks, self.opening, self.closing = where("\n"), where("“"), where("”")
        self.straight = where('"')

    def inside(self, start: int) -> bool:
        """Whether ``start`` is inside quoted words of its paragraph.

        >>> QuoteMarks('He said: “We saw progress today.”').inside(26)
        True
        """
        i = bisect.bisect_left(self.breaks, start)
        paragraph = self.breaks[i - 1] + 1 if i else 0

        def last(positions: list[int]) -> int:
            j = bisect.bisect_left(positions, start)
            return positions[j - 1] if j and positions[j - 1] >= paragraph else -1

        if last(self.opening) > last(self.closing):
            return True
        straight = bisect.bisect_left(self.straight, start)
        return (straight - bisect.bisect_left(self.straight, paragraph)) % 2 == 1


def in_quotation(state: State, start: int) -> bool:
    """Whether ``start`` is inside quoted words of its paragraph ("... progress today," he said).

    >>> today = Point(dt.date(2015, 12, 16), "day")
    >>> text = "“We saw progress today,” he said."
    >>> in_quotation(State(today, False, today, text, [0]), 17)
    True
    """
    if state.quotes is None:
        state.quotes = QuoteMarks(state.text)
    return state.quotes.inside(start)


def speech_day(state: State, start: int) -> dt.date:
    """The day "today" (or "yesterday", "tomorrow") counts from.

    Normally the time of writing. Inside a quotation, when the story has just moved to a day in
    the week before the article ("ended their meeting Wednesday ... 'we saw progress today,' said
    the minister", written on Thursday), the quoted words were spoken that day.

    >>> today = Point(dt.date(2015, 12, 16), "day")  # a Wednesday
    >>> speech_day(State(today, False, today, "“Progress today,” he said.", [0]), 10)
    datetime.date(2015, 12, 16)
    """
    anchor = state.anchor
    story = state.last_day
    if (
        anchor.precision == "day"
        and story is not None
        and 1 <= (anchor.date - story.date).days <= 6
        and in_quotation(state, start)
    ):
        return story.date
    return anchor.date


def weekend(state: State, start: int) -> tuple[str, str, Point]:
    """ "the weekend": the coming one in a forward-looking sentence, else the last one (or this).

    >>> today = Point(dt.date(2015, 12, 16), "day")  # a Wednesday
    >>> weekend(State(today, False, today, "Protests grew over the weekend.", [0]), 18)[:2]
    ('DATE', '2015-W50-WE')
    """
    anchor = state.anchor.date
    if anchor.weekday() >= 5:
        day = anchor
    elif looks_forward(state, start):
        day = anchor + dt.timedelta(days=5 - anchor.weekday())
    else:
        day = anchor - dt.timedelta(days=anchor.weekday() + 1)
    value = mask(timeml_value(day, "weekend"), state.anchor, "week")
    return "DATE", value, Point(day, "weekend")


def relative_year(g: dict, anchor: Point) -> int:
    """The year a match names: its ``year`` group, else ``rel`` ("last", "next", "this", "the")
    counted from the anchor.

    >>> today = Point(dt.date(2015, 12, 16), "day")  # a Wednesday
    >>> relative_year({"rel": "last"}, today), relative_year({"year": "2019"}, today)
    (2014, 2019)
    """
    if g.get("year"):
        return int(g["year"])
    rel = (g.get("rel") or "this").lower()
    return anchor.date.year + {"this": 0, "the": 0, "last": -1, "next": 1}[rel]


def from_story(state: State, step: int, unit: str) -> tuple[str, str, Point | None]:
    """A date counted from the last date the article gave (or from the anchor, if none).

    >>> today = Point(dt.date(2015, 12, 16), "day")  # a Wednesday
    >>> state = State(today, False, Point(dt.date(2015, 9, 29), "day"), "", [0])
    >>> from_story(state, 1, "day")[:2]
    ('DATE', '2015-09-30')
    """
    unit = unit.lower().rstrip("s")
    base = state.story
    if unit in PARTS_OF_DAY:
        day = base.date + dt.timedelta(days=step)
        value = mask(day.isoformat(), base, "day") + "T" + PARTS_OF_DAY[unit]
        return "TIME", value, Point(day, "day")
    day, precision = shift(base.date, step, unit)
    value = mask(timeml_value(day, precision), base, precision)
    return "DATE", value, Point(day, precision)


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
                p = Point(dt.date(int(g["year"]), month_number(g["month"]), 1), "month")
            else:
                month = month_number(g["month"]) if kind == "mdy" else int(g["month"])
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


def find_anchor(article: Article, anchor, matches: list[Match]) -> tuple[Point | None, bool]:
    """The anchor (rule 1) and whether it was inferred from the article's own dates: ``anchor``
    when given, else ``article.published``, else the latest date written with its year.

    >>> import kit
    >>> from kit.chronology.candidates import candidates
    >>> art = kit.Article.from_text("They met in February 2015.")
    >>> find_anchor(art, None, candidates(art.text))
    (Point(date=datetime.date(2015, 2, 15), precision='month'), True)
    """
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
