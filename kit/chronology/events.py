"""Events, the timeline, when the article was written, and the check against a reference.

All four read :func:`kit.chronology.resolve.time_expressions`: an event is a body sentence with
a date that places it; the timeline sorts the events by date; the publication estimate turns the
article's own dates into bounds; the cross-check compares them with a reference timeline.

    >>> import kit
    >>> from kit.chronology.events import timeline
    >>> art = kit.Article.from_text("Kerry met Lavrov in May 2015. They met again in Sept. 2014.")
    >>> timeline(art)[["order", "position", "timex_text"]].values.tolist()
    [[1, 2, 'Sept. 2014'], [2, 1, 'May 2015']]
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from pathlib import Path

import pandas as pd

from kit import paths
from kit.article import Article
from kit.chronology.anchoring import State, looks_forward
from kit.chronology.resolve import time_expressions
from kit.chronology.values import Point, value_range, year_span
from kit.chronology.words import MONTH_NAME, ORDINAL_WORDS

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
    date nothing and are left out; so is the headline. A date pandas cannot hold as a Timestamp
    (before 1677 or after 2262: "the 16th century", "3000 BC", "the year 2500") keeps its value
    and precision with empty (NaT) ``date_start`` and ``date_end``.

    >>> import kit
    >>> art = kit.Article.from_text("Talks began on Sept. 29, 2015. The city is 2,500 years old.")
    >>> events(art)[["event_id", "sentence_id", "value", "precision"]].values.tolist()
    [['e1', 'p1.s1', '2015-09-29', 'day']]
    """
    timexes = time_expressions(article, anchor=anchor)
    sentences = {i: article.text[s:e] for s, e, i in article.sentence_spans}
    rows = []
    for row in timexes.itertuples(index=False):
        if row.sentence_id is None or row.type not in ("DATE", "TIME"):
            continue
        span = value_range(row.value)
        if span is None:
            continue
        sentence = sentences[row.sentence_id]
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
    day) go to the shorter span, then to narrative order. Dates outside pandas' range (no
    Timestamp: "the 16th century", "3000 BC") are placed by their years.

    >>> import kit
    >>> art = kit.Article.from_text("Kerry met Lavrov in May 2015. They met again in Sept. 2014.")
    >>> timeline(art)[["order", "position", "timex_text"]].values.tolist()
    [[1, 2, 'Sept. 2014'], [2, 1, 'May 2015']]
    """
    frame = events(article, anchor=anchor)
    years = [
        (start.year, 0) if pd.notna(start) else year_span(value) or (0, 0)
        for start, value in zip(frame["date_start"], frame["value"], strict=True)
    ]  # the years order the dates pandas cannot hold; the others keep their order by day
    frame["first_year"] = [first for first, _ in years]
    frame["last_year"] = [last for _, last in years]
    order = ["first_year", "date_start", "last_year", "date_end", "position"]
    frame = frame.sort_values(order, kind="stable").drop(columns=["first_year", "last_year"])
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
    Dates pandas cannot hold ("the 16th century") set no bound.

    >>> import kit
    >>> art = kit.Article.from_text("The talks, held on Sept. 29, 2015, failed.")
    >>> estimate_published(art).iloc[-1][["kind", "not_before"]].tolist()
    ['window', Timestamp('2015-09-29 00:00:00')]
    """
    bare = Article.from_text(article.text, published=None, headline=article.headline)
    timexes = time_expressions(bare)
    spans = bare.sentence_spans
    starts, ends, ids = ([span[i] for span in spans] for i in range(3))

    def sentence_at(offset: int) -> str | None:
        i = bisect.bisect_right(starts, offset) - 1
        return ids[i] if i >= 0 and offset < ends[i] else None

    rows = []
    for kind, start, end, not_before, not_after, reason in (
        *_latest_past_event(bare, timexes, starts),
        *_this_period(timexes),
        *_dates_without_year(timexes),
        *_hints(bare.text, sentence_at),
    ):
        sentence_id = sentence_at(start) if start is not None else None
        text = bare.text[start:end] if start is not None else ""
        rows.append([kind, text, start, end, sentence_id, not_before, not_after, reason])
    return _with_window(rows)


def _latest_past_event(bare: Article, timexes: pd.DataFrame, starts: list[int]) -> list[tuple]:
    """The latest event told as already happened: the article comes after it."""
    state = State(Point(dt.date(1, 1, 1), "day"), True, Point(dt.date(1, 1, 1), "day"), bare.text,
                  starts)  # fmt: skip
    past = []
    for row in timexes.itertuples(index=False):
        if row.type not in ("DATE", "TIME") or row.sentence_id is None:
            continue
        if re.search(r"\bthis\b", row.text, re.IGNORECASE):
            continue
        span = value_range(row.value)
        if span is None or pd.isna(span[0]) or looks_forward(state, row.start):
            continue
        past.append((span[0], row))
    if not past:
        return []
    first_day, row = max(past, key=lambda item: (item[0], item[1].start))
    return [("latest past event", row.start, row.end, first_day, pd.NaT,
             f"The latest thing the article tells as already happened is dated {row.value} "
             f"(\"{row.text}\"); a report cannot come before what it reports.")]  # fmt: skip


def _this_period(timexes: pd.DataFrame) -> list[tuple]:
    """ "this year", "this month", "this week": the writer is inside that period."""
    found = []
    for row in timexes.itertuples(index=False):
        if row.type == "DATE" and re.search(r"\bthis\b", row.text, re.IGNORECASE):
            span = value_range(row.value)
            if span is not None and pd.notna(span[0]):
                found.append(("this ...", row.start, row.end, span[0], span[1],
                    f"\"{row.text}\" is the period the writer is in; it resolves to {row.value} "
                    "(the year of the latest date the article writes out in full)."))  # fmt: skip
    return found


def _dates_without_year(timexes: pd.DataFrame) -> list[tuple]:
    """A date without its year: news style drops the year for dates in the current year."""
    found = []
    for row in timexes.itertuples(index=False):
        if row.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", row.value):
            if not re.search(r"\d{4}", row.text) and re.search(MONTH_NAME, row.text):
                span = value_range(row.value)
                if span is None or pd.isna(span[0]):
                    continue
                year_end = pd.Timestamp(f"{row.value[:4]}-12-31")
                found.append(("date without a year", row.start, row.end, span[0], year_end,
                    f"\"{row.text}\" has no year: news style drops the year for dates in the "
                    f"current year, so the article was written in {row.value[:4]}, after this "
                    "date."))  # fmt: skip
    return found


def _hints(text: str, sentence_at) -> list[tuple]:
    """Counts within the year and words that look back: hints with no bound of their own."""
    found = []
    for m in COUNT_THIS_YEAR.finditer(text):
        found.append(("hint: count this year", m.start(), m.end(), pd.NaT, pd.NaT,
            f"\"{m.group()}\": a count that high within one year suggests the year is well "
            "advanced (no bound on its own)."))  # fmt: skip
    for m in LOOKING_BACK.finditer(text):
        if sentence_at(m.start()) is None:
            continue
        found.append(("hint: looking back", m.start(), m.end(), pd.NaT, pd.NaT,
            f"\"{m.group()}\" looks back on something before the story's present: the visit "
            "comes after earlier rounds (no bound on its own)."))  # fmt: skip
    return found


def _with_window(rows: list[list]) -> pd.DataFrame:
    """The evidence rows as a table, with the window that combines their bounds as a last row."""
    columns = ["kind", "text", "start", "end", "sentence_id", "not_before", "not_after", "reason"]
    frame = pd.DataFrame(rows, columns=columns)
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
    """The (not before, not after) window of :func:`estimate_published` as two Timestamps.

    >>> import kit
    >>> published_window(kit.Article.from_text("The talks, held on Sept. 29, 2015, failed."))
    (Timestamp('2015-09-29 00:00:00'), NaT)
    """
    last = estimate_published(article).iloc[-1]
    return last["not_before"], last["not_after"]


# --------------------------------------------------------------------------------------------
# Public: checking the article's dates against a reference timeline

REFERENCE_COLUMNS = ["event_id", "event", "date", "precision", "article_says", "source", "note"]


def find_reference(article: Article) -> Path | None:
    """The reference timeline for ``article``, or ``None`` when it has none (no error).

    Looked for, in order: ``NAME.reference.csv`` beside the article's file (``article.path``),
    then the bundled ``data/reference/NAME.csv`` (NAME: the file name without its suffix).

    >>> import kit
    >>> find_reference(kit.load_article("kerry-lavrov-moscow")).name
    'kerry-lavrov-moscow.csv'
    >>> find_reference(kit.Article.from_text("A text typed in a cell.")) is None
    True
    """
    return next((path for path in _reference_places(article) if path.is_file()), None)


def _reference_places(article: Article) -> list[Path]:
    places = []
    if article.path is not None:
        places.append(Path(article.path).with_name(f"{Path(article.path).stem}.reference.csv"))
    if article.name:
        places.append(paths.reference_dir() / f"{article.name}.csv")
    return places


def _no_reference(article: Article) -> FileNotFoundError:
    places = _reference_places(article)
    looked = " and ".join(str(p) for p in places) if places else "nowhere (the article was "
    if not places:
        looked += "made from text, so it has no file and no name)"
    name = article.name or "NAME"
    return FileNotFoundError(
        f"No reference timeline for this article: looked for {looked}. A reference timeline "
        f"lists what happened when, from sources other than the article. To write one, save a "
        f"CSV file {name}.reference.csv beside the article with the columns event and date (ISO, "
        "at its precision: 2015-09-28, 2014-04, 2014), and optionally event_id, precision, "
        "article_says (the article's words for the event), source and note; or pass reference= "
        "(a DataFrame or the path of a .csv file)."
    )


def load_reference(reference: Article | str | Path | pd.DataFrame) -> pd.DataFrame:
    """A reference timeline as a DataFrame: from an Article, a DataFrame, a CSV path or a name.

    An :class:`~kit.article.Article` reads the timeline :func:`find_reference` finds (beside its
    file, then bundled); a bundled name ("kerry-lavrov-moscow") reads ``data/reference/<name>.csv``.
    Needed columns: ``event``, ``date`` (ISO, at its precision: 2015-09-28, 2014-04, 2014);
    optional ``event_id``, ``precision``, ``article_says`` (the words in the article that date
    the same event), ``source``, ``note``. Raises ``FileNotFoundError`` saying where it looked
    and how to write one.

    >>> load_reference("kerry-lavrov-moscow")[["event_id", "date"]].iloc[0].tolist()
    ['r1', '2015-12-15']
    """
    if isinstance(reference, pd.DataFrame):
        frame = reference.copy()
    else:
        if isinstance(reference, Article):
            path = find_reference(reference)
            if path is None:
                raise _no_reference(reference)
        else:
            path = Path(reference)
            if not str(reference).lower().endswith(".csv"):
                path = paths.reference_dir() / f"{reference}.csv"
        if not path.is_file():
            raise FileNotFoundError(
                f"No reference timeline at {path}. Give an Article, a DataFrame, a .csv path, or "
                "the name of a bundled article that has one in data/reference/."
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

    ``reference``: a DataFrame, a CSV path or a bundled name; by default the article's own
    (:func:`find_reference`: ``NAME.reference.csv`` beside its file, else the bundled
    ``data/reference/NAME.csv``); without one, ``FileNotFoundError`` says how to write one.
    Columns: ``event_id``, ``event``, ``reference_date``, ``article_text`` (the words that date the
    event in the article), ``start``, ``end``, ``sentence_id``, ``timex_id``, ``article_value``,
    ``verdict``, ``difference_days`` (article minus reference, first day to first day), ``source``,
    ``note``. Verdicts: "agrees" (the reference date lies inside what the article says, or the
    other way round), "disagrees", "not dated in the article" (the event is there, with no date),
    "not in the article". Dates outside pandas' range are compared by their years.

    >>> import kit
    >>> checked = cross_check(kit.load_article("kerry-lavrov-moscow"))
    >>> checked[["event_id", "verdict"]].iloc[0].tolist()
    ['r1', 'not dated in the article']
    """
    ref = load_reference(article if reference is None else reference)
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
    if pd.isna(said[0]) or pd.isna(known[0]):  # outside pandas' range: compare the years
        said, known = year_span(article_value), year_span(reference_value)
        if said[0] <= known[0] <= known[1] <= said[1] or known[0] <= said[0] <= said[1] <= known[1]:
            return "agrees", None
        return "disagrees", None
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
    sentences = {i: article.text[s:e] for s, e, i in article.sentence_spans}
    for row in timexes.itertuples(index=False):
        if row.sentence_id is None:
            continue
        sentence = sentences[row.sentence_id]
        overlap = len(words & {w.lower() for w in re.findall(r"[A-Za-z]{4,}", sentence)})
        if overlap > best[0]:
            best = (overlap, row.start, row.text)
    return best[1], best[2]
