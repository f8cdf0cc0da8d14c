"""The rules that find time expressions in English news: one record per rule, in one place.

Each :class:`Rule` says, like a line of HeidelTime's rule files:

- ``name``: what it catches ("month day year");
- ``kind``: its family (the :data:`KINDS`: "md" dates take their year from context, "clock"
  times their day from the sentence, ...);
- ``pattern``: a regular expression whose group ``t`` is the time expression itself (the words
  around it, like the "on" in "on the 29th", only help to decide);
- ``value``: how the TIMEX3 value is computed: a small function of
  :mod:`kit.chronology.normalise` (``full_date``, ``ago``, ``story_step``...) or a value
  template such as ``"SET XXXX-WXX-{weekday}"`` (read by
  :func:`kit.chronology.normalise.from_template`);
- ``trigger``: a word the expression must contain (a month name, a unit such as "days"); the rule
  is tried only around it, so a long text is read once per trigger, not once per rule;
- ``example``: a sentence and the value the rule gives in it (written on 2015-12-16, a
  Wednesday: :data:`EXAMPLE_DATE`); the tests run every example.

Adding a rule touches this file only. A rule of an unknown kind, or whose value is neither a
function nor a valid template, fails when the kit is imported, with the rule's name.

    >>> from kit.chronology import patterns
    >>> m = patterns.RULES[0].pattern.search("Talks resumed on Dec. 15, 2015 in Moscow.")
    >>> m.group("t"), m.group("month"), m.group("day"), m.group("year")
    ('Dec. 15, 2015', 'Dec.', '15', '2015')
    >>> patterns.RULES[0].value.__name__, patterns.RULES[0].example
    ('full_date', ('Talks resumed on Dec. 15, 2015, in Moscow.', '2015-12-15'))

The word lists are in :mod:`kit.chronology.words` (closed classes) and kit/lexicons/
chronology_*.csv (open-ended lists: fuzzy words, holidays, names that are no dates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kit.chronology.normalise import (
    Normaliser,
    ago,
    calendar_year,
    century,
    clock,
    day_of_month,
    decade,
    duration,
    duration_since,
    duration_the,
    every,
    from_template,
    full_date,
    fuzzy,
    half_unit,
    half_year,
    holiday,
    later_earlier,
    month_alone,
    month_day,
    month_year,
    months_of_year,
    quarter,
    quarter_from_now,
    same_last_year,
    season,
    set_adverb,
    story_part,
    story_step,
    the_weekend,
    this_last_next,
    this_morning,
    today_etc,
    weekday,
    year_with_era,
)
from kit.chronology.words import (
    DAY,
    EDGE,
    FULL_MONTH,
    MOD,
    MONTH_NAME,
    NUM,
    ORDINAL_WORDS,
    PART,
    UNIT,
    WEEKDAY_NAME,
    YEAR,
    ZONE,
    alternation,
    from_lists,
)

EXAMPLE_DATE = "2015-12-16"  # the day every rule's example is written on (a Wednesday)

# The families of rules. Code outside a rule's value function looks at the family in a few
# places: a "month" alone needs a cue word before it, a "clock" time takes its day from its
# sentence, dates of the "full" families can anchor an undated article.
KINDS = {
    "mdy": "a day with month and year", "iso": "an ISO date", "usdate": "a U.S. numeric date",
    "md": "a day and month", "my": "a month and year", "month": "a month named alone",
    "year": "a year", "era_year": "a year with its era, or far from today",
    "half": "a half-year", "quarter": "a quarter", "rel_quarter": "a quarter counted from now",
    "decade": "a decade", "century": "a century", "season": "a season",
    "relative": "this/last/next period", "weekend": "a weekend", "weekday": "a weekday",
    "deictic": "today, yesterday, tomorrow", "deictic_part": "this morning, last night",
    "ago": "counted back from now", "narrative": "counted from the story",
    "later": "N units later or earlier", "clock": "a clock time or part of the day",
    "story_part": "a part of the story's day", "same_last_year": "a period a year back",
    "months_of_year": "months of a year", "duration": "a duration",
    "duration_range": "a range of durations", "duration_since": "the stretch since or before",
    "duration_the": "the past N units", "half_unit": "half a unit",
    "vague_ago": "some time ago", "vague_duration": "some units", "set": "a frequency",
    "set_part": "every part of the day", "set_weekday": "every weekday",
    "set_adverb": "daily, annually", "day_of_month": "a day of the month already named",
    "fuzzy": "a fuzzy word (lexicon)", "holiday": "a holiday (lexicon)",
}  # fmt: skip


@dataclass(frozen=True)
class Rule:
    """One rule: where to look, what to match, how to compute the value, and an example.

    >>> weekday = next(r for r in RULES if r.name == "weekday")
    >>> weekday.kind, weekday.value.__name__, weekday.trigger.name, weekday.example[1]
    ('weekday', 'weekday', 'weekday', '2015-12-14')
    """

    name: str
    kind: str
    pattern: re.Pattern
    value: Normaliser | str  # a function of kit.chronology.normalise, or a value template
    trigger: Trigger | None = None  # words the expression contains; None: read all the text
    example: tuple[str, str] = ("", "")  # a sentence and the value the rule gives in it
    priority: int = 0  # breaks ties between matches with the same span
    compute: Normaliser = field(default=None, repr=False, compare=False)  # value, as a function


def rule(
    name: str,
    kind: str,
    pattern: str,
    *,
    value: Normaliser | str,
    trigger: Trigger | None,
    example: tuple[str, str],
    flags: int = 0,
    priority: int = 0,
) -> Rule:
    """Build and check one rule; anything the resolver would not understand raises at once.

    >>> rule("year", "yaer", r"(?P<t>[0-9]{4})", value="DATE PAST_REF", trigger=None,
    ...      example=("", ""))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: Chronology rule 'year': unknown kind 'yaer'; known kinds: mdy, iso, ...
    """
    if kind not in KINDS:
        known = ", ".join(list(KINDS)[:2])
        raise ValueError(f"Chronology rule {name!r}: unknown kind {kind!r}; known kinds: {known}, "
                         "... (all in kit.chronology.patterns.KINDS)")  # fmt: skip
    if isinstance(value, str):
        try:
            compute = from_template(value)
        except ValueError as error:
            raise ValueError(f"Chronology rule {name!r}: value {value!r}: {error}") from None
    elif callable(value):
        compute = value
    else:
        raise ValueError(f"Chronology rule {name!r}: value must be a function or a template")
    compiled = re.compile(rf"{WORD_START}(?:{pattern})", flags)
    if "t" not in compiled.groupindex:
        raise ValueError(f"Chronology rule {name!r}: its pattern has no group (?P<t>...)")
    # a rule tried in short stretches checks only short choices of words; one that reads the
    # whole text checks them all (a text without a holiday's name skips the holiday rule)
    return Rule(name, kind, compiled, value, trigger, example, priority, compute)


# Speed: besides its trigger, a rule often cannot match without another word ("ago", "later" or
# "earlier", "every" or "each"). Those words are read from the rule's own pattern, so they are
# always right; a stretch of text that has none of them is not searched with the rule at all.

try:  # the parser behind Python's regular expressions (its module names changed in 3.11)
    from re import _constants as regex_codes
    from re import _parser as regex_parser
except ImportError:  # pragma: no cover (Python 3.10)
    import sre_constants as regex_codes
    import sre_parse as regex_parser

REPEATS = (regex_codes.MAX_REPEAT, regex_codes.MIN_REPEAT)
_SHORTCUTS: dict[tuple[int, bool], tuple] = {}


def shortcuts(rule: Rule) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...] | None]:
    """The words a rule's matches need (:func:`required_words`) and start with
    (:func:`start_words`), read from its pattern the first time the rule is run (not when the
    kit is imported). A rule tried in short stretches checks only short choices of words; one
    that reads the whole text checks them all (a text that names no holiday skips the holiday
    rule); a choice that is the start words themselves is not looked for twice.

    >>> ago = next(r for r in RULES if r.name == "ago")
    >>> shortcuts(ago)
    ((('ago',),), None)
    """
    key = (id(rule.pattern), rule.trigger is None)
    known = _SHORTCUTS.get(key)
    if known is not None and known[0] is rule.pattern:
        return known[1], known[2]
    starts = start_words(rule.pattern)
    most = None if rule.trigger is None else 8
    needs = tuple(
        choice
        for choice in required_words(rule.pattern, most=most)
        if starts is None or set(choice) != set(starts)
    )
    _SHORTCUTS[key] = (rule.pattern, needs, starts)
    return needs, starts


def required_words(pattern: re.Pattern, *, most: int | None = 8) -> tuple[tuple[str, ...], ...]:
    """Words, in lower case, that every match of ``pattern`` contains: a tuple of choices, and
    each match contains one word of every choice. The most telling choices come first (long
    words, few of them), at most three; choices of more than ``most`` words, or of words shorter
    than two characters, are left out: they would tell a stretch of text from another too rarely.

    >>> required_words(re.compile(r"(?P<num>\\d+) (?:days?|weeks?) (?:later|earlier)", re.I))
    (('later', 'earlier'), ('day', 'week'))
    """
    try:
        choices = _required(regex_parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # noqa: BLE001 (a pattern the parser reads differently: no shortcut)
        return ()
    useful = [
        c
        for c in dict.fromkeys(choices)
        if (most is None or len(c) <= most) and min(map(len, c)) >= 2
    ]
    useful.sort(key=lambda c: (-min(5, *map(len, c)), len(c)))
    return tuple(useful[:3])


def _required(items: list) -> list[tuple[str, ...]]:
    """The choices of words a sequence of parsed regular-expression items always matches.

    Letters and other ASCII characters in a row make a word (lowered: a pattern that ignores case
    matches them in any case); a group or a repetition of at least one adds its own choices; an
    alternative adds one choice made of a choice of each branch; a lookahead adds its choices
    (a match is searched for only up to the end of the stretch, so the lookahead is inside it).
    """
    codes, found, run = regex_codes, [], ""
    for op, arg in items:
        if op is codes.LITERAL and arg < 128:
            run += chr(arg).lower()
            continue
        if run:
            found.append((run,))
            run = ""
        if op is codes.SUBPATTERN:
            found += _required(arg[-1].data)
        elif op in REPEATS and arg[0] >= 1:
            found += _required(arg[2].data)
        elif op is codes.ASSERT and arg[0] == 1:
            found += _required(arg[1].data)
        elif op is codes.BRANCH:
            branches = [_best(_required(branch.data)) for branch in arg[1]]
            if all(branches):
                found.append(tuple(dict.fromkeys(w for b in branches for w in b)))
    if run:
        found.append((run,))
    return found


def _best(choices: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    return min(choices, key=lambda c: (len(c), -min(map(len, c)))) if choices else None


@cache
def start_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Words, in lower case, that every match of ``pattern`` starts with (one of them), or None
    when the pattern can start otherwise (with a digit class, say) or can match no text at all.

    >>> start_words(re.compile(r"(?<!\\w)(?:(?:last|next)\\s+)?(?:Easter|Christmas)\\b"))
    ('last', 'next', 'easter', 'christmas')
    """
    try:
        tree = regex_parser.parse(pattern.pattern, pattern.flags)
        if tree.getwidth()[0] == 0:
            return None
        words = _starts(list(tree.data))
    except Exception:  # noqa: BLE001 (a pattern the parser reads differently: no shortcut)
        return None
    return tuple(dict.fromkeys(words)) if words and all(words) else None


def _starts(items: list) -> list[str] | None:
    """The words a sequence of parsed items can start with; None when it could start with
    anything else, or match nothing (then what it starts with depends on what follows it)."""
    codes = regex_codes
    for i, (op, arg) in enumerate(items):
        if op in (codes.AT, codes.ASSERT, codes.ASSERT_NOT):
            continue  # takes no character
        if op is codes.LITERAL and arg < 128:
            run = ""
            for op2, arg2 in items[i:]:
                if op2 is not codes.LITERAL or arg2 >= 128:
                    break
                run += chr(arg2).lower()
            return [run]
        if op is codes.SUBPATTERN:
            return _starts(list(arg[-1].data))
        if op is codes.BRANCH:
            branches = [_starts(list(branch.data)) for branch in arg[1]]
            return None if None in branches else [w for b in branches for w in b]
        if op in REPEATS and arg[0] >= 1:
            return _starts(list(arg[2].data))
        if op in REPEATS and arg[0] == 0:  # optional: its own start, or what comes after it
            first, rest = _starts(list(arg[2].data)), _starts(items[i + 1 :])
            return None if first is None or rest is None else first + rest
        return None
    return None


# --------------------------------------------------------------------------------------------
# Triggers: a rule is tried only in a stretch of text around one of these words


@dataclass(frozen=True)
class Trigger:
    """Words one of which a rule's expression contains, and how far around them to look.

    ``exact`` is matched as written; ``lower`` (for words in any case) is matched in the text
    with A-Z lowered, which is several times faster than a pattern that ignores case. A rule is
    tried from ``before`` characters before each trigger word to ``after`` characters after it.

    >>> Trigger("seasons", lower="spring|summer").finditer("Last Summer", "last summer")
    [(5, 11)]
    """

    name: str
    exact: str | None = None
    lower: str | None = None
    before: int = 80
    after: int = 40

    def finditer(self, text: str, lowered: str) -> list[tuple[int, int]]:
        """The spans of the trigger words, in text order (``lowered``: ``text`` with A-Z lowered).

        >>> UNIT_WORDS.finditer("Two Days later", "two days later")
        [(4, 7)]
        """
        spans = word_spans(self.exact, text) if self.exact else []
        if self.lower:
            spans += word_spans(self.lower, lowered)
        return sorted(spans) if self.exact and self.lower else spans


BOUNDARY = re.compile(r"\b")


def word_spans(pattern: str, text: str) -> list[tuple[int, int]]:
    """The spans of ``re.finditer(pattern, text)``, found faster when ``pattern`` starts with
    ``\\b`` (the rest of the pattern is searched for, and a match counts only at a word
    boundary) or is a list of plain words such as ``"spring|summer"`` (each word is looked for
    with ``str.find``, and the first word in the list wins where two start at one place).

    >>> word_spans(r"\\bday", "today, day by day"), word_spans("dawn|dusk", "from dusk to dawn")
    ([(7, 10), (14, 17)], [(5, 9), (13, 17)])
    """
    compiled, at_boundary, words = _compiled(pattern)
    if words:
        return _word_list_spans(words, text, at_boundary)
    if not at_boundary:
        return [m.span() for m in compiled.finditer(text)]
    spans: list[tuple[int, int]] = []
    m = compiled.search(text)
    while m is not None:
        start, end = m.span()
        if BOUNDARY.match(text, start):
            spans.append((start, end))
            m = compiled.search(text, max(end, start + 1))
        else:
            m = compiled.search(text, start + 1)
    return spans


def _word_list_spans(words: list[str], text: str, at_boundary: bool) -> list[tuple[int, int]]:
    found = []  # (start, place in the list, end) of every word, overlapping or not
    for place, word in enumerate(words):
        at = text.find(word)
        while at >= 0:
            found.append((at, place, at + len(word)))
            at = text.find(word, at + 1)
    found.sort()
    spans: list[tuple[int, int]] = []
    after, last_start = 0, -1
    for start, _, end in found:
        if start < after or start == last_start:
            continue  # inside the last match, or a later word of the list at the same place
        last_start = start
        if not at_boundary or BOUNDARY.match(text, start):
            spans.append((start, end))
            after = end
    return spans


@cache
def _compiled(pattern: str) -> tuple[re.Pattern, bool, list[str] | None]:
    at_boundary = pattern.startswith(r"\b")
    rest = pattern[2:] if at_boundary else pattern
    core = rest[3:-1] if rest.startswith("(?:") and rest.endswith(")") else rest
    words = core.split("|") if re.fullmatch(r"[a-z ]+(?:\|[a-z ]+)*", core) else None
    return re.compile(rest), at_boundary, words


MONTH_WORD = Trigger("month", exact=r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
HALF_OR_QUARTER = Trigger("half or quarter", exact=r"\bQ[1-4]\b", lower="half|quarter")
DECADE_ENDING = Trigger("decade", exact=r"0s\b")
CENTURY_WORD = Trigger("century", lower="century")
SEASON_WORD = Trigger("season", lower="spring|summer|autumn|fall|winter")
# a unit ends its expression ("nearly four hours", "two days later"): a short stretch around it
UNIT_WORDS = Trigger(
    "unit",
    lower=r"\b(?:second|minute|hour|day|week|month|year|decade|centur|morning|afternoon|evening"
    r"|night)",
    before=50,
    after=16,
)
WEEKDAY_WORD = Trigger("weekday", exact=r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
PART_WORD = Trigger("part of day", lower="morning|afternoon|evening|night")
TODAY_WORD = Trigger("today", lower="today|yesterday|tomorrow|tonight")
CLOCK_WORD = Trigger(
    "clock",
    exact=r"\d(?:\s*[aApP]\.?[mM]|:\d\d|\d\d\s+(?:GMT|UTC))",
    lower="noon|midday|midnight|dawn|daybreak|first light|dusk|nightfall|sunset|sunrise|overnight",
)
ADVERB_WORD = Trigger("adverb", lower="daily|weekly|monthly|yearly|annual|hourly|quarterly")
YEAR_DIGITS = Trigger("year digits", exact=r"(?:1[6-9]|20)\d\d")
SLASH_DATE = Trigger("slash date", exact=r"\d/\d")
ORDINAL_DAY = Trigger("ordinal", exact=r"\d(?:st|nd|rd|th)\b")
ERA_WORD = Trigger(
    "era", exact=r"\b(?:BCE?|B\.C\.|AD|A\.D\.|CE)\b", lower=r"\byear\s+\d", before=40, after=20
)

I = re.IGNORECASE  # noqa: E741

# Every pattern is tried only where no letter or digit comes just before (an expression never
# starts inside a word): the regular expression engine then skips most positions at once, which
# makes reading a long text several times faster.
WORD_START = r"(?<!\w)"

RULES = [
    # "Dec. 15, 2015", "September 29 2015", "March 29th, 2019"
    rule(
        "month day year",
        "mdy",
        rf"(?P<t>{MOD}?(?P<month>{MONTH_NAME})\s+(?P<day>{DAY}),?\s+(?P<year>{YEAR}))\b",
        value=full_date,
        trigger=MONTH_WORD,
        example=("Talks resumed on Dec. 15, 2015, in Moscow.", "2015-12-15"),
    ),
    # "15 December 2015", "the 15th of December, 2015"
    rule(
        "day month year",
        "mdy",
        rf"(?P<t>(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH_NAME}),?\s+(?P<year>{YEAR}))\b",
        value=full_date,
        trigger=MONTH_WORD,
        example=("The treaty was signed on 15 December 2015.", "2015-12-15"),
    ),
    # "September 29", "Sept. 30", "June 7th" (the year comes from context)
    rule(
        "month day",
        "md",
        rf"(?P<t>{MOD}?(?P<month>{MONTH_NAME})\s+(?P<day>{DAY}))(?![\d:])\b",
        value=month_day,
        trigger=MONTH_WORD,
        example=("Putin ordered air strikes on September 29.", "2015-09-29"),
    ),
    # "29 September", "the 29th of September"
    rule(
        "day month",
        "md",
        rf"(?P<t>(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH_NAME}))(?!\w)",
        value=month_day,
        trigger=MONTH_WORD,
        example=("Kerry arrived on 29 September.", "2015-09-29"),
    ),
    # "March 2014", "mid-April 2014", "the end of March 2014"
    rule(
        "month year",
        "my",
        rf"(?P<t>{MOD}?(?P<month>{MONTH_NAME}),?\s+(?:of\s+)?(?P<year>{YEAR}))\b",
        value=month_year,
        trigger=MONTH_WORD,
        example=("Russia annexed Crimea in March 2014.", "2014-03"),
    ),
    # "in March", "since December", "early August", "last May", "November last year",
    # "May of this year" (a month named alone has guards: see _month_alone_ok)
    rule(
        "month alone",
        "month",
        rf"(?P<t>(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]hat)\s+|{MOD})?(?P<month>{FULL_MONTH})"
        r"(?:\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year)?)\b(?!\s+(?:[A-Z][a-z]|\d))",
        value=month_alone,
        trigger=MONTH_WORD,
        example=("The ceasefire collapsed in August.", "2015-08"),
    ),
    # the first of two days that share one month: "on 13 and 14 December" gives "13" (the
    # December 13) and "14 December"; "December 13 and 14" gives "14" as well
    rule(
        "day and day month",
        "md",
        rf"(?<![\d,.$%])(?P<t>(?P<day>{DAY}))\s+(?:and|or)\s+{DAY}\s+(?:of\s+)?"
        rf"(?P<month>{MONTH_NAME})(?:,?\s+(?P<year>{YEAR}))?\b",
        value=month_day,
        trigger=MONTH_WORD,
        example=("Talks were held on 13 and 14 December.", "2015-12-13"),
    ),
    rule(
        "month day and day",
        "md",
        rf"(?P<month>{MONTH_NAME})\s+{DAY},?\s+(?:and|or)\s+(?P<t>(?P<day>{DAY}))"
        rf"(?![\d:%])(?:,?\s+(?P<year>{YEAR}))?\b",
        value=month_day,
        trigger=MONTH_WORD,
        example=("Talks were held on December 13 and 14.", "2015-12-14"),
    ),
    # ISO dates "2015-12-15" and U.S. numeric dates "12/15/2015"
    rule(
        "iso date",
        "iso",
        rf"{EDGE}(?P<t>(?P<year>{YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d))\b",
        value=full_date,
        trigger=YEAR_DIGITS,
        example=("The report is dated 2015-12-15.", "2015-12-15"),
    ),
    rule(
        "numeric date",
        "usdate",
        rf"{EDGE}(?P<t>(?P<month>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>\d{{4}}))\b",
        value=full_date,
        trigger=SLASH_DATE,
        example=("The form was filed on 12/15/2015.", "2015-12-15"),
    ),
    # "2014", "mid-2014", "early 2001", "the end of 2018"; not "$2014", "2,014" or "2014 percent"
    # ("2010-2014" gives two years; "2014-15" gives 2014)
    rule(
        "year",
        "year",
        rf"{EDGE}(?P<t>{MOD}?(?P<year>{YEAR}))(?!\w|-[A-Za-z])",
        value=calendar_year,
        trigger=YEAR_DIGITS,
        example=("The war began in 2014.", "2014"),
    ),
    # a year with its era: "3000 BC", "500 BCE", "AD 800", "800 A.D." (TimeML writes years
    # before the common era as "BC3000"); the number needs its era, so "300 AD" is no amount
    rule(
        "year with era",
        "era_year",
        r"(?<![\w$€£#,.])(?P<t>(?:(?P<year>\d{1,3},\d{3}|\d{1,4})\s*"
        r"(?P<era>BCE?|B\.C\.(?:E\.)?|AD|A\.D\.|CE)|(?P<era2>AD|A\.D\.)\s*(?P<year2>\d{1,4}))(?!\w))",
        value=year_with_era,
        trigger=ERA_WORD,
        example=("The city was founded in 3000 BC.", "BC3000"),
    ),
    # "the year 2500", "the year 1492": a year named as one, at any distance from today
    rule(
        "the year 2500",
        "era_year",
        r"(?P<t>the\s+year\s+(?P<year>\d{3,4}))(?![\d,.]\d|\s*(?:BC|B\.C\.|AD|A\.D\.|CE)\b)",
        value=calendar_year,
        trigger=ERA_WORD,
        flags=I,
        priority=1,
        example=("The plan looks ahead to the year 2500.", "2500"),
    ),
    # "the first half of 2019", "the second half of next year"
    rule(
        "half year",
        "half",
        rf"(?P<t>the\s+(?P<ord>first|second)\s+half\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year))\b",
        flags=I,
        value=half_year,
        trigger=HALF_OR_QUARTER,
        example=("Growth slowed in the first half of 2015.", "2015-H1"),
    ),
    # "the third quarter", "third-quarter", "the fourth quarter of last year", "Q3 2015"
    rule(
        "quarter",
        "quarter",
        rf"(?P<t>(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]quarter"
        rf"(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year))?)\b",
        flags=I,
        value=quarter,
        trigger=HALF_OR_QUARTER,
        example=("Profits fell in the third quarter.", "2015-Q3"),
    ),
    rule(  # "this quarter", "last quarter", "the current quarter", "next quarter"
        "this quarter",
        "rel_quarter",
        r"(?P<t>(?:the\s+(?P<rel>current|previous|coming)|(?P<rel2>this|last|next|current))"
        r"\s+quarter)\b",
        flags=I,
        priority=1,  # "last quarter" is the one before this; "the last quarter" is the fourth
        value=quarter_from_now,
        trigger=HALF_OR_QUARTER,
        example=("Sales rose last quarter.", "2015-Q3"),
    ),
    rule(
        "quarter code",
        "quarter",
        rf"\b(?P<t>Q(?P<qnum>[1-4])(?:\s+(?P<year>{YEAR}))?)\b",
        value=quarter,
        trigger=HALF_OR_QUARTER,
        example=("Revenue for Q3 2015 was flat.", "2015-Q3"),
    ),
    # "the 1990s", "the early 2000s", "the '90s"
    rule(
        "decade",
        "decade",
        r"(?P<t>(?:the\s+)?(?:(?:early|mid|late)-?\s*)?(?:(?P<dec>1[6-9]\d|20\d)0s|['’](?P<short>\d)0s|"
        r"(?<=the\s)(?P<bare>[2-9])0s))\b",
        flags=I,
        value=decade,
        trigger=DECADE_ENDING,
        example=("The region was calm in the 1990s.", "199"),
    ),
    # "the 19th century", "the late 20th century", "the twentieth century"
    rule(
        "century",
        "century",
        r"(?P<t>(?:the\s+)?(?:(?:early|mid|late)-?\s*)?(?:(?P<cnum>\d{1,2})(?:st|nd|rd|th)|"
        r"(?P<cword>" + "|".join(ORDINAL_WORDS) + r"))[\s-]century)\b",
        flags=I,
        value=century,
        trigger=CENTURY_WORD,
        example=("The town was founded in the 16th century.", "15"),
    ),
    # seasons: "the summer of 1982", "summer 2014", "last autumn", "this spring", "in the fall"
    rule(
        "season of year",
        "season",
        rf"(?P<t>(?:the\s+)?{MOD}?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>{YEAR}))\b",
        flags=I,
        value=season,
        trigger=SEASON_WORD,
        example=("The offensive began in the summer of 2014.", "2014-SU"),
    ),
    rule(
        "season",
        "season",
        r"(?P<t>(?:(?P<rel>last|next|this|that)\s+|(?:the\s+)?(?:early|late|mid-?)\s*|the\s+|(?<=\bin\s))"
        r"(?P<season>spring|summer|autumn|fall|winter))\b(?!\s+of\s+(?!\d))(?![\w-])",
        value=season,
        trigger=SEASON_WORD,
        example=("Elections are due next spring.", "2016-SP"),
    ),
    # relative to the time of writing: "this year", "last week", "next month", "earlier this month",
    # "later this week", "late last year", "the end of the year", "the start of the year"
    rule(
        "this/last/next",
        "relative",
        r"(?P<t>(?:(?P<mod>earlier|later|early|late|mid-?|the\s+end\s+of|the\s+start\s+of|"
        r"the\s+beginning\s+of|the\s+middle\s+of|the\s+rest\s+of)\s+)?"
        r"(?P<rel>this|last|next|the|the\s+current)\s+(?P<unit>week|weekend|month|year|decade|century))\b",
        flags=I,
        value=this_last_next,
        trigger=UNIT_WORDS,
        example=("Turnout fell last year.", "2014"),
    ),
    # "weekend" before the noun it dates: "a devastating weekend landslide", "the weekend vote"
    # (not "a weekend in Paris", "weekends")
    rule(
        "weekend as a modifier",
        "weekend",
        r"\b(?:an?|the|its|their)\s+(?:[a-z]+(?:-[a-z]+)?\s+)?(?P<t>weekend)\s+"
        r"(?!(?:and|or|of|in|on|at|to|for|with|the|a|an|as|is|was|were|will|that|which|away|"
        r"off|before|after)\b)(?=[a-z])",
        value=the_weekend,
        trigger=UNIT_WORDS,
        example=("Police broke up a weekend rally.", "2015-W50-WE"),
    ),
    # "the final weekend", "the last weekend" (before the time of writing; not "the last weekend
    # of June" or "the final weekend before the vote", which count from something else)
    rule(
        "the final weekend",
        "weekend",
        rf"(?P<t>the\s+(?:final|last)\s+weekend)\b(?!\s+(?:of|in|before)\s+(?:{FULL_MONTH}|the)\b)",
        flags=I,
        priority=1,
        value=the_weekend,
        trigger=UNIT_WORDS,
        example=("Crowds grew on the final weekend.", "2015-W50-WE"),
    ),
    # weekdays: "Tuesday", "early Thursday", "late Wednesday night", "last Tuesday"
    rule(
        "weekday",
        "weekday",
        rf"(?P<t>(?:(?P<mod>[Ee]arly|[Ll]ate)\s+(?:on\s+)?|the\s+early\s+hours\s+of\s+)?(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Tt]hat)\s+)?"
        rf"(?P<weekday>{WEEKDAY_NAME})(?:\s+(?P<part>{PART}))?)\b",
        value=weekday,
        trigger=WEEKDAY_WORD,
        example=("The minister resigned on Monday.", "2015-12-14"),
    ),
    # days named from the time of writing
    rule(
        "today etc.",
        "deictic",
        r"(?P<t>(?:(?:early|late)\s+)?(?P<word>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday|"
        r"the\s+day\s+after\s+tomorrow)(?:\s+(?P<part>morning|afternoon|evening|night))?)\b",
        flags=I,
        value=today_etc,
        trigger=TODAY_WORD,
        example=("The talks resume tomorrow.", "2015-12-17"),
    ),
    rule(
        "this morning, last night",
        "deictic_part",
        r"(?P<t>(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night))\b",
        flags=I,
        value=this_morning,
        trigger=UNIT_WORDS,
        example=("Shelling resumed last night.", "2015-12-15TNI"),
    ),
    # counted back from the time of writing: "three years ago", "Twenty years ago today"
    rule(
        "ago",
        "ago",
        rf"(?P<t>(?:(?:more\s+than|less\s+than|nearly|almost|about|some|just\s+over|over)\s+)?"
        rf"(?P<num>{NUM})\s+(?P<unit>{UNIT})s?\s+ago(?:\s+(?P<today>today))?)\b",
        flags=I,
        value=ago,
        trigger=UNIT_WORDS,
        example=("The border closed three years ago.", "2012"),
    ),
    # counted from the story: "the next day", "the following month", "the day before", "that day",
    # "the same day", "the next morning", "the previous year"
    rule(
        "the next day",
        "narrative",
        r"(?P<t>(?:the|that)\s+(?P<rel>next|following|previous|preceding|same)\s+"
        r"(?P<unit>day|week|weekend|month|year|morning|afternoon|evening|night))\b",
        flags=I,
        value=story_step,
        trigger=UNIT_WORDS,
        example=("They met on Sept. 29. The next day, strikes began.", "2015-09-30"),
    ),
    rule(
        "that day",
        "narrative",
        r"(?P<t>(?P<rel>that)\s+(?P<unit>day|week|month|year|morning|afternoon|evening|night))\b"
        r"(?!\s+(?:of|when|which|who)\b)",
        flags=I,
        value=story_step,
        trigger=UNIT_WORDS,
        example=("They met on Sept. 29. Later that day, strikes began.", "2015-09-29"),
    ),
    rule(
        "the day before",
        "narrative",
        r"(?P<t>the\s+(?P<unit>day|week|month|year)\s+(?P<rel>before|after))(?=\s*[,.;:)]|\s*$)",
        flags=I,
        value=story_step,
        trigger=UNIT_WORDS,
        example=("They met on Sept. 29, and spoke the day before.", "2015-09-28"),
    ),
    # "two days later", "three days earlier", "a year later" (no event named after it)
    rule(
        "N later",
        "later",
        rf"(?P<t>(?P<num>{NUM})\s+(?P<unit>{UNIT})s?\s+(?P<rel>later|earlier))\b(?!\s+than\b)",
        flags=I,
        priority=1,
        value=later_earlier,
        trigger=UNIT_WORDS,
        example=("They met on Sept. 29. Two days later, strikes began.", "2015-10-01"),
    ),
    # clock times: "3 p.m.", "2:46 p.m.", "about 3:40 a.m.", "7 p.m. Eastern time", "10:30", "noon";
    # British style with a dot before am/pm: "4.30 pm", "6.00 p.m." (never "4.30 percent")
    rule(
        "clock time",
        "clock",
        rf"(?<![\d.,$€£])(?P<t>(?:(?:about|around|approximately|roughly)\s+)?(?P<hour>1[0-2]|0?[1-9])"
        rf"(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b){ZONE}?)",
        flags=I,
        value=clock,
        trigger=CLOCK_WORD,
        example=("The blast came at 3 p.m. on Tuesday.", "2015-12-15T15:00"),
    ),
    rule(
        "24-hour time",
        "clock",
        rf"{EDGE}(?P<t>(?:(?:about|around|approximately|roughly)\s+)?(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)"
        rf"(?:\s*(?:GMT|UTC|local time))?)(?![\d:])",
        value=clock,
        trigger=CLOCK_WORD,
        example=("Polls closed at 20:00 on Sunday.", "2015-12-13T20:00"),
    ),
    rule(  # "0800 GMT", "1400 GMT": wire services' clock with a time zone
        "military time",
        "clock",
        r"\b(?P<t>(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s+(?:GMT|UTC))\b",
        value=clock,
        trigger=CLOCK_WORD,
        example=("Fighting stopped at 0800 GMT on Monday.", "2015-12-14T08:00"),
    ),
    rule(
        "noon, midnight",
        "clock",
        r"(?P<t>(?:(?:about|around|shortly\s+before|shortly\s+after|just\s+before|just\s+after)\s+)??"
        r"(?P<named>noon|midday|midnight))\b",
        flags=I,
        value=clock,
        trigger=CLOCK_WORD,
        example=("The deadline passed at midnight on Sunday.", "2015-12-13T24:00"),
    ),
    # parts of the day named by the light, or a night as an adverb: "before dawn on Tuesday",
    # "a predawn raid", "at dusk", "fighting went on overnight" (the day is filled in from the
    # sentence, like a clock time). Not "overnight rates" or "an overnight success": "overnight"
    # counts only before a comma, a full stop or a preposition.
    rule(
        "dawn, dusk, overnight",
        "clock",
        r"(?<![\w-])(?P<t>(?P<light>(?:pre-?)?dawn|daybreak|first\s+light|dusk|nightfall|sunset|"
        r"sunrise)|(?P<overnight>overnight)(?=\s*[,.;:)]|\s+(?:in|on|at|and|to|from|into|as|"
        r"after|before|when|while|near|outside|across)\b))(?![\w-])",
        flags=I,
        value=clock,
        trigger=CLOCK_WORD,
        example=("Troops moved in before dawn on Tuesday.", "2015-12-15TMO"),
    ),
    # "the day", "the night" after a word that puts something inside them: "earlier in the
    # day", "throughout the night", "spent the night": the day the story is at. Not "the day
    # before" (a narrative date) nor "the day of the vote" nor "won the day".
    rule(
        "in the day, the night",
        "story_part",
        r"\b(?:in|throughout|during|through|all|spend|spends|spending|spent|into)\s+"
        r"(?P<t>the\s+(?P<part>day|night|morning|afternoon|evening))\b"
        r"(?!\s+(?:of|before|after|when|that|which|who|in\s+question)\b|['’]s|-)",
        flags=I,
        value=story_part,
        trigger=UNIT_WORDS,
        example=("On Monday the talks stalled; later in the day they resumed.", "2015-12-14"),
    ),
    # "the same time last year", "the same quarter a year ago", "the same month a year earlier":
    # the period the story is at, one year before
    rule(
        "the same time last year",
        "same_last_year",
        r"(?P<t>the\s+same\s+(?P<unit>time|period|day|week|month|quarter)\s+"
        r"(?:last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+(?:previous|year\s+before)"
        r"(?:\s+year)?))\b",
        flags=I,
        priority=2,
        value=same_last_year,
        trigger=UNIT_WORDS,
        example=(
            "Exports rose in the third quarter, faster than in the same quarter a year earlier.",
            "2014-Q3",
        ),
    ),
    # "the first three months of the year" (a quarter), "the first six months of 2019" (a half),
    # "the last three months of last year": a part of a named year, not a duration
    rule(
        "the first N months of the year",
        "months_of_year",
        rf"(?P<t>the\s+(?P<ord>first|last|final)\s+(?P<num>three|six|3|6)\s+months\s+of\s+"
        rf"(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year))\b",
        flags=I,
        priority=2,
        value=months_of_year,
        trigger=UNIT_WORDS,
        example=("Sales fell in the first six months of 2015.", "2015-H1"),
    ),
    # durations: "three years", "48 hours", "nearly four hours", "the past decade", "a 90-minute",
    # "half a century", "months of warnings", "for years"
    rule(
        "duration",
        "duration",
        rf"(?P<t>(?:(?P<approx>about|around|nearly|almost|more\s+than|less\s+than|at\s+least|"
        rf"up\s+to|some|roughly|approximately|just\s+over|just\s+under|over|under)\s+)?"
        rf"(?P<num>{NUM})[\s-]+(?:(?:more|straight|consecutive|successive|full|whole|long|further|"
        rf"additional)\s+|and\s+a\s+half\s+)?(?P<unit>{UNIT})s?(?:-long)?)"
        r"(?![\w-]|-old)",
        flags=I,
        value=duration,
        trigger=UNIT_WORDS,
        example=("The siege lasted three years.", "P3Y"),
    ),
    # a range of durations: "three to four years", "five to ten minutes", "two or three days",
    # "between six and eight weeks": one duration whose number is not known exactly (TimeML "X")
    rule(
        "N to M units",
        "duration_range",
        rf"(?P<t>(?:between\s+(?P<low_b>{NUM})\s+and|(?P<low>{NUM})\s+(?:to|or))\s+(?P<num>{NUM})"
        rf"[\s-]+(?P<unit>{UNIT})s?)(?![\w-])",
        flags=I,
        priority=1,
        value="DURATION {some_unit}",
        trigger=UNIT_WORDS,
        example=("The repairs will take three to four years.", "PXY"),
    ),
    # the stretch of time since or before an event: "in the week since George Floyd died",
    # "during the months before the vote" (not "the week of the vote", a date)
    rule(
        "the week since",
        "duration_since",
        rf"\b(?:in|during|over|for)\s+(?P<t>the\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})(?P<plural>s)?)\s+"
        r"(?=since|after|before|following|leading\s+up)",
        flags=I,
        priority=1,  # over "the week" alone, which is no date
        value=duration_since,
        trigger=UNIT_WORDS,
        example=("In the week since the coup, markets fell.", "P1W"),
    ),
    rule(
        "the past N units",
        "duration_the",
        rf"(?P<t>the\s+(?P<rel>past|last|next|previous|first|final|coming)\s+(?:(?P<num>{NUM})\s+)?"
        rf"(?P<unit>{UNIT})s?)(?![\w-])",
        flags=I,
        value=duration_the,
        trigger=UNIT_WORDS,
        example=("Prices doubled over the past decade.", "P1DE"),
    ),
    rule(
        "half a century",
        "half_unit",
        r"(?P<t>(?:(?:about|nearly|almost|more\s+than|less\s+than)\s+)?half\s+an?\s+(?P<unit>hour|day|year|decade|century))\b",
        flags=I,
        value=half_unit,
        trigger=UNIT_WORDS,
        example=("The dispute is half a century old.", "P50Y"),
    ),
    rule(
        "months of",
        "vague_duration",
        rf"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bin\s)|(?<=\bafter\s)|(?<=\bover\s)|(?<=\bfollows\s)|(?<!\w)(?=\w+\s+of\b))"
        rf"(?P<t>(?P<unit>{UNIT})s)(?=\s+of\b|\s*[,.;]|\s+(?:and|but|as|that|to|before|after)\b)",
        flags=I,
        priority=-1,
        value="DURATION {some_unit}",
        trigger=UNIT_WORDS,
        example=("After months of talks, a deal emerged.", "PXM"),
    ),
    rule(  # "hours after parliament began", "the years before the war"
        "hours after",
        "vague_duration",
        rf"(?<![\w-])(?P<t>(?P<unit>{UNIT})s)(?=\s+(?:after|before|later|earlier)\b)",
        flags=I,
        priority=-1,
        value="DURATION {some_unit}",
        trigger=UNIT_WORDS,
        example=("Hours after the vote, protests began.", "PTXH"),
    ),
    rule(  # "years ago", "decades ago": some time before writing
        "years ago",
        "vague_ago",
        rf"(?P<t>(?:many\s+)?(?P<unit>{UNIT})s\s+ago)\b",
        flags=I,
        value="DATE PAST_REF",
        trigger=UNIT_WORDS,
        example=("Years ago, the mine closed.", "PAST_REF"),
    ),
    # sets: "every week", "each day", "every 14 days", "once every 200 years", "twice a month",
    # "every Saturday", "$200 million a day", "daily", "annually"
    rule(
        "every",
        "set",
        rf"(?P<t>(?:(?P<times>once|twice|three\s+times|\d+\s+times)\s+)?(?:every|each)\s+"
        rf"(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT})s?)\b",
        flags=I,
        priority=2,
        value=every,
        trigger=UNIT_WORDS,
        example=("Inspectors visit every week.", "P1W"),
    ),
    rule(
        "every night",
        "set_part",
        rf"(?P<t>(?:every|each)\s+(?P<part>{PART}))\b",
        flags=I,
        priority=2,
        value="SET XXXX-XX-XXT{part}",
        trigger=PART_WORD,
        example=("Sirens sounded every night.", "XXXX-XX-XXTNI"),
    ),
    rule(
        "every weekday",
        "set_weekday",
        rf"(?P<t>(?:every|each)\s+(?P<weekday>{WEEKDAY_NAME}))\b",
        flags=I,
        priority=2,
        value="SET XXXX-WXX-{weekday}",
        trigger=WEEKDAY_WORD,
        example=("Protesters gather every Friday.", "XXXX-WXX-5"),
    ),
    rule(
        "twice a month",
        "set",
        rf"(?P<t>(?P<times>once|twice|three\s+times|\d+\s+times)\s+(?:a|an|per)\s+(?P<unit>{UNIT}))\b",
        flags=I,
        priority=2,
        value=every,
        trigger=UNIT_WORDS,
        example=("The council meets twice a month.", "P1M"),
    ),
    rule(
        "a rate per day",
        "set",
        r"\b(?:million|billion|thousand|hundred|percent|hours|times|meals|doses|\d)\s+"
        r"(?P<t>(?:a|per)\s+(?P<unit>day|week|month|year|hour))\b",
        flags=I,
        priority=2,
        value=every,
        trigger=UNIT_WORDS,
        example=("The war costs $200 million a day.", "P1D"),
    ),
    rule(
        "daily, annually",
        "set_adverb",
        r"\b(?P<t>(?P<adverb>daily|weekly|monthly|yearly|annually|annual|hourly|biweekly|quarterly))\b",
        flags=I,
        value=set_adverb,
        trigger=ADVERB_WORD,
        example=("The report is published annually.", "P1Y"),
    ),
    # "on the 29th": a day of the month already named
    rule(
        "on the 29th",
        "day_of_month",
        r"(?<=\b[Oo]n\s)(?P<t>the\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))(?=\s*[,.;:)]|\s+(?:and|when|as|but)\b)",
        value=day_of_month,
        trigger=ORDINAL_DAY,
        example=("They met in September; on the 29th, talks broke down.", "2015-09-29"),
    ),
]


def lexicon_rules() -> tuple[Rule, ...]:
    """Rules built from the CSV word lists: fuzzy references and holidays (rebuilt after an edit).

    >>> [r.name for r in lexicon_rules()]
    ['fuzzy word (lexicon)', 'holiday (lexicon)']
    """
    return from_lists("lexicon rules", ("fuzzy", "holidays"), _build_lexicon_rules)


def _build_lexicon_rules(fuzzy_rows: tuple[dict, ...], holiday_rows: tuple[dict, ...]):
    fuzzy_terms = [r["term"] for r in fuzzy_rows]
    holiday_terms = [r["term"] for r in holiday_rows]
    return (
        rule(
            "fuzzy word (lexicon)", "fuzzy",
            # "the future of the talks" is their fate, not a time: no fuzzy word before "of"
            rf"(?<![\w-])(?P<t>{alternation(fuzzy_terms)})(?![\w-])(?!\s+of\b)",
            value=fuzzy, trigger=None, example=("Prices have risen recently.", "PAST_REF"),
            flags=I, priority=3,
        ),
        rule(
            "holiday (lexicon)", "holiday",
            rf"(?P<t>(?:(?P<rel>last|next|this)\s+)?(?P<holiday>{alternation(holiday_terms)}))(?![\w-])",
            value=holiday, trigger=None, example=("Shops closed on Christmas Day.", "2014-12-25"),
            priority=1,
        ),
    )  # fmt: skip


def non_date_pattern() -> re.Pattern | None:
    """Names that contain a time word but are no time: "Cold War", "Arab Spring".

    >>> non_date_pattern().search("after the Cold War ended").group()
    'Cold War'
    """
    return from_lists("non dates", ("non_dates",), _build_non_date_pattern)


def _build_non_date_pattern(rows: tuple[dict, ...]) -> re.Pattern | None:
    names = [r["term"] for r in rows if r["category"] != "signal"]  # signals block nothing
    if not names:
        return None
    return re.compile(rf"(?<!\w)(?:{alternation(names)})(?!\w)")
