"""From matches to TIMEX3 rows: :func:`time_expressions`.

Each candidate span gets its type and value from its rule's value function (``Rule.compute``,
see :mod:`kit.chronology.normalise`), in text order, so that "the next day" can count from the
date given just before it; clock times get their day once the sentence is read.

    >>> import kit
    >>> from kit.chronology.resolve import time_expressions
    >>> art = kit.Article.from_text("The talks ended on Sept. 3. The next day, both sides left.",
    ...                             published="2015-09-10")
    >>> time_expressions(art)[["text", "type", "value"]].values.tolist()
    [['Sept. 3', 'DATE', '2015-09-03'], ['The next day', 'DATE', '2015-09-04']]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from kit.article import Article, text_array
from kit.chronology.anchoring import State, find_anchor, in_quotation, looks_back
from kit.chronology.candidates import candidates
from kit.chronology.values import Point, mask
from kit.collector import paused

STAND_IN_YEAR = 4000  # a year no news story is about, used when there is no anchor at all
COLUMNS = ["timex_id", "start", "end", "text", "type", "value", "sentence_id"]


# --------------------------------------------------------------------------------------------
# Public: time expressions


def time_expressions(article: Article, anchor=None) -> pd.DataFrame:
    """Every time expression in the article, typed and normalised as a TimeML TIMEX3.

    Columns: ``timex_id`` (t1, t2, ... in text order), ``start``, ``end`` (offsets into
    ``article.text``), ``text``, ``type`` (DATE, TIME, DURATION, SET), ``value`` (a TimeML value,
    such as "2015-09-29", "2014-03", "P3Y", "PRESENT_REF", "BC0486"), ``sentence_id`` (None in
    the headline).

    ``anchor`` (a date or "YYYY-MM-DD") is the time of writing that relative expressions count
    from; by default ``article.published``, else the latest date the article writes with a year.
    With no anchor at all, relative dates get "XXXX" where the year would be.
    The rules and the order they are applied in are described in the kit.chronology docstring.

    Time grows linearly with the length of the text and of its sentences: each rule is tried
    only near its trigger word, and the tense of a date is read in at most the 1,000 characters
    before it in its sentence (a text without full stops is read in pieces, not all at once).

    >>> import kit
    >>> art = kit.Article.from_text("Kerry met Lavrov on Tuesday.", published="2015-12-16")
    >>> time_expressions(art)[["text", "type", "value"]].values.tolist()
    [['Tuesday', 'DATE', '2015-12-15']]
    """
    with paused():
        return table(timex_rows(article, anchor))


def timex_rows(article: Article, anchor=None) -> list[list]:
    """The rows of :func:`time_expressions`: ``[start, end, text, type, value, sentence_id,
    kind]`` in text order (``kind``: the family of the rule that found it).

    >>> import kit
    >>> art = kit.Article.from_text("Kerry met Lavrov on Tuesday.", published="2015-12-16")
    >>> timex_rows(art)
    [[20, 27, 'Tuesday', 'DATE', '2015-12-15', 'p1.s1', 'weekday']]
    """
    text = article.text
    matches = candidates(text)
    found_anchor, inferred = find_anchor(article, anchor, matches)
    if found_anchor is None:
        # no date anywhere: count from a stand-in year and print that year as unknown ("XXXX")
        found_anchor, inferred = Point(dt.date(STAND_IN_YEAR, 6, 15), "none"), True
    state = State(found_anchor, inferred, found_anchor, text, SentenceStarts(article))
    rows = []
    for m in matches:
        resolved = m.rule.compute(m, state)
        if resolved is None:
            continue
        kind, value, story_point = resolved
        if found_anchor.precision == "none":
            value = re.sub(r"^(39\d\d|40\d\d)(?=-|$)", "XXXX", value)
        if story_point is not None and not value.endswith("_REF"):
            state.story, state.story_value = story_point, value
            if story_point.precision == "day" and not in_quotation(state, m.start):
                state.last_day = story_point  # a quotation's day comes from the narrative
        sentence_id = article.sentence_at(m.start)
        rows.append([m.start, m.end, text[m.start : m.end], kind, value, sentence_id, m.rule.kind])
    date_times(rows, state)
    return rows


def table(rows: list[list]) -> pd.DataFrame:
    """The DataFrame of :func:`time_expressions`, built once from its columns.

    ``rows`` are ``[start, end, text, type, value, sentence_id, kind]`` in text order; the ids
    are numbered here. ``start`` and ``end`` are int64; ``sentence_id`` keeps ``None`` (the
    headline) as ``None``. With no rows, the columns other than the offsets are plain objects.

    >>> table([[0, 7, "Tuesday", "DATE", "2015-12-15", "p1.s1", "weekday"]]).timex_id.tolist()
    ['t1']
    """
    if not rows:
        return pd.DataFrame([], columns=COLUMNS).astype({"start": "int64", "end": "int64"})
    starts, ends, texts, types, values, sentence_ids, _ = zip(*rows)
    return pd.DataFrame(
        {
            "timex_id": text_array([f"t{n}" for n in range(1, len(rows) + 1)]),
            "start": np.array(starts, dtype="int64"),
            "end": np.array(ends, dtype="int64"),
            "text": text_array(texts),
            "type": text_array(types),
            "value": text_array(values),
            "sentence_id": pd.Series(sentence_ids, dtype=object),  # None stays None
        },
        copy=False,
    )


class SentenceStarts(Sequence):
    """Where an article's sentences start, read from ``article.sentence_spans`` only when a rule
    first needs them (to read a date's tense): many texts never do.

    >>> import kit
    >>> list(SentenceStarts(kit.Article.from_text("Talks\\n\\nThey met. They spoke.")))
    [7, 17]
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        self.starts: list[int] | None = None

    def read(self) -> list[int]:
        """The start offsets, as a list (read once)."""
        if self.starts is None:
            self.starts = [start for start, _, _ in self.article.sentence_spans]
        return self.starts

    def __len__(self) -> int:
        return len(self.read())

    def __getitem__(self, index):
        return self.read()[index]

    def __iter__(self):
        return iter(self.read())


# --------------------------------------------------------------------------------------------
# Clock times get their day once the sentence is read (rule 7)

DATED = re.compile(r"^\d{4}-\d\d-\d\d")


def date_times(rows: list[list], state: State) -> None:
    """Give each clock time its day: the nearest date in its sentence, else the last date before.

    ``rows`` are ``[start, end, text, type, value, sentence_id, kind]``, in text order; clock
    values ("15:00", "MO") become "2015-12-15T15:00". A night and a morning told in one sentence
    are a night and the morning after it: "worked through the night and reached an agreement
    early on Friday" is Thursday night; "searched throughout the night and will resume at first
    light" is the next morning.

    >>> import datetime as dt
    >>> today = Point(dt.date(2015, 12, 16), "day")
    >>> rows = [[0, 7, "Tuesday", "DATE", "2015-12-15", "p1.s1", "weekday"],
    ...         [11, 17, "3 p.m.", "TIME", "15:00", "p1.s1", "clock"]]
    >>> date_times(rows, State(today, False, today, "Tuesday at 3 p.m.", [0]))
    >>> rows[1][4]
    '2015-12-15T15:00'
    """
    by_sentence: dict = {}
    for row in rows:
        by_sentence.setdefault(row[5], []).append(row)
    following = {}  # each row's next row in its sentence that can give a clock its day
    for sentence in by_sentence.values():
        upcoming = None
        for row in reversed(sentence):
            following[id(row)] = upcoming
            if row[6] != "clock" and _gives_a_day(row):  # clocks after this one have no day yet
                upcoming = row
    previous: dict = {}  # per sentence, the last row so far that can give a clock its day
    nights: dict = {}  # per sentence, the first dated "the night" so far
    last_dated = None  # the last row so far whose value has a day
    for row in rows:
        if row[6] == "clock":
            near = (previous.get(row[5]), following[id(row)]) if row[5] is not None else ()
            night = nights.get(row[5]) if row[5] is not None else None
            row[4] = f"{_clock_day(row, near, night, last_dated, state)}T{row[4]}"
        if _gives_a_day(row):
            previous[row[5]] = row
        if row[6] == "story_part" and row[4].endswith("TNI") and DATED.match(row[4]):
            nights.setdefault(row[5], row)
        if DATED.match(row[4]):
            last_dated = row
    for row in rows:  # the night before a dated morning ("spent the night ... predawn Saturday")
        if row[6] == "story_part" and re.match(r"^\d{4}-\d\d-\d\dTNI$", row[4]):
            _night_before_morning(row, by_sentence[row[5]])


def _gives_a_day(row: list) -> bool:
    """Whether a row can give a clock time in its sentence its day ("the night" cannot: it has
    only the story's day, not its own)."""
    return row[6] != "story_part" and row[3] in ("DATE", "TIME") and bool(DATED.match(row[4]))


def _clock_day(row: list, near: tuple, night: list | None, last_dated, state: State) -> str:
    """The day of one clock time: the nearest dated row in its sentence (``near``: the one before
    and the one after), the morning after "the night", else the last date before it."""
    same = [(abs(other[0] - row[0]), other[4]) for other in near if other is not None]
    if not same and night is not None and row[4] == "MO":
        return (dt.date.fromisoformat(night[4][:10]) + dt.timedelta(days=1)).isoformat()
    if same:
        return min(same)[1][:10]
    anchor_day = state.anchor.date
    if row[2].lower() == "overnight" and looks_back(state, row[0], reporting=True):
        anchor_day -= dt.timedelta(days=1)  # "fighting raged overnight": last night
    day = last_dated[4][:10] if last_dated else mask(anchor_day.isoformat(), state.anchor, "day")
    return "XXXX-XX-XX" if state.anchor.precision == "none" else day


def _night_before_morning(row: list, sentence: list[list]) -> None:
    for other in sentence:
        morning = re.match(r"^(\d{4}-\d\d-\d\d)(?:TMO)?$", other[4])
        dated = other[6] == "clock" and other[4].endswith("TMO") and other[0] < row[0]
        early = other[6] == "weekday" and re.match(r"(?i)early\b", other[2])
        if morning and (dated or early):
            day = dt.date.fromisoformat(morning.group(1)) - dt.timedelta(days=1)
            row[4] = f"{day.isoformat()}TNI"
            return
