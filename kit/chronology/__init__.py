"""Chronology: find the time expressions in an article, date its events, and check its dates.

    import kit
    from kit import chronology
    art = kit.load_article("kerry-lavrov-moscow")
    chronology.time_expressions(art)      # every date, time, duration and frequency, normalised
    chronology.timeline(art)              # the dated events in date order, narrative order kept
    chronology.estimate_published(art)    # when could this have been written? evidence as rows
    chronology.cross_check(art)           # the article's dates against a reference timeline
    chronology.find_reference(art)        # that reference: NAME.reference.csv beside the
                                          # article, else data/reference/NAME.csv (or None)

Time expressions follow TimeML's TIMEX3 (the standard behind the TempEval evaluations):

    type      DATE ("September 29", "last week"), TIME ("3 p.m.", "Tuesday night"),
              DURATION ("three years"), SET ("every week")
    value     2015-09-29 (a day)   2014-03 (a month)   2014 (a year)   2015-W51 (a week)
              2015-W51-WE (a weekend)   2015-Q3 (a quarter)   2019-H1 (a half-year)
              2019-SU (a season: SP SU FA WI)   199 (the 1990s)   18 (the 19th century)
              2015-09-29T15:00 (a clock time)   2015-09-29TNI (a part of the day: MO AF EV NI)
              P3Y, P2W, PT4H, P1DE (durations: Y M W D, T..H M S, DE decade, CE century; X = some)
              PRESENT_REF, PAST_REF, FUTURE_REF ("now", "recently", "in the coming months")
              BC3000, BC0486 (years before the common era, TimeML's way: "3000 BC"; there is no
              year 0, so "2,500 years ago" written in 2015 is 486 BC), 2500 ("the year 2500")

History and the far future: "the 16th century" (15), "the 1600s" (16: a century; "the 1990s"
and "the 2000s" stay decades), "400 years ago", "3000 BC", "AD 800", "the year 2500" keep their
TimeML values everywhere; where pandas has no Timestamp for them (before 1677, after 2262),
events() leaves ``date_start``/``date_end`` empty (NaT), the timeline orders them by year, the
publication estimate takes no bound from them and cross_check compares their years.

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

The analysers are pure: they read the article and the kit's lexicons (read again after an
edit: kit/lexicons/chronology_fuzzy.csv, _holidays.csv, _non_dates.csv, _tense.csv), and return
DataFrames. Time grows linearly with the length of the text and of its sentences.

Where each part lives (no module imports one listed after it):

    words.py       the closed word lists (MONTHS, the kit's one month table; weekdays, numbers,
                   units), pieces of regular expression, lexicon() for the CSV lists
    values.py      Point (a date with a precision), TimeML values, date arithmetic, BC years,
                   value_range() and year_span()
    anchoring.py   the anchor (rule 1), tense cues (rules 4 to 6), counting from the story
                   (rule 3)
    normalise.py   one small function per kind of expression: match -> TIMEX3 type and value
                   (full_date, ago, story_step, ...), and value templates ("SET XXXX-WXX-{weekday}")
    patterns.py    the rules, one record each: name, kind, pattern, value, trigger, example
    candidates.py  running the rules near their triggers and keeping one match per stretch
    resolve.py     time_expressions(): each match's value in text order, clock times' days
                   (rule 7)
    events.py      events(), timeline(), estimate_published(), published_window(),
                   find_reference(), load_reference(), cross_check()

Adding a rule: write its record in patterns.py (with an example sentence and its value, which
tests/test_chronology_rules.py checks), reuse a value function of normalise.py or add one there,
then score it: ``python tools/score_timex.py --split all``.
"""

from __future__ import annotations

from kit.chronology.events import (
    REFERENCE_COLUMNS,
    cross_check,
    estimate_published,
    events,
    find_reference,
    load_reference,
    published_window,
    timeline,
)
from kit.chronology.patterns import RULES, Rule
from kit.chronology.resolve import COLUMNS, STAND_IN_YEAR, time_expressions
from kit.chronology.values import Point, value_range
from kit.chronology.words import MONTHS, lexicon

__all__ = [
    "COLUMNS",
    "MONTHS",
    "REFERENCE_COLUMNS",
    "RULES",
    "STAND_IN_YEAR",
    "Point",
    "Rule",
    "cross_check",
    "estimate_published",
    "events",
    "find_reference",
    "lexicon",
    "load_reference",
    "published_window",
    "time_expressions",
    "timeline",
    "value_range",
]
