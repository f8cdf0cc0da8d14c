"""Finding candidate spans: run every rule over the text, then keep one match per stretch.

Overlapping matches are settled by length, then by rule priority; names that contain a time word
("Cold War", "Arab Spring") block every match inside them; "May" and "March" alone count as months
only after a word like "in" or "since".

    >>> from kit.chronology.candidates import _candidates
    >>> found = _candidates("In May, Theresa May met him on Monday.")
    >>> [(m.rule.kind, m.groups["t"]) for m in found]
    [('month', 'May'), ('weekday', 'Monday')]

For speed, most rules are tried only in windows around a trigger word of their own (a month name,
a unit such as "days"), so a long text is read once per trigger rather than once per rule.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kit.chronology.patterns import RULES, Rule, _lexicon_rules, _non_date_pattern

# --------------------------------------------------------------------------------------------
# Finding candidate spans


# Speed: most rules can only match near a word of their own ("hours", "Tuesday", "spring"). Each
# rule kind names such trigger words; the rule is tried only around them, so a long text is read
# once per trigger instead of once per rule and position. (Rules without a trigger read it all.)
UNIT_WORDS = (
    r"(?i:second|minute|hour|day|week|month|year|decade|centur|morning|afternoon|evening|night)"
)
TRIGGERS = {
    kind: re.compile(trigger)
    for kinds, trigger in [
        (("mdy", "md", "my", "month"), r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"),
        (("half", "quarter", "rel_quarter"), r"(?i:half|quarter)|\bQ[1-4]\b"),
        (("decade",), r"0s\b"),
        (("century",), r"(?i:century)"),
        (("season",), r"(?i:spring|summer|autumn|fall|winter)"),
        (("relative", "narrative", "ago", "later", "duration", "duration_the", "half_unit",
          "vague_duration", "vague_ago", "set", "deictic_part", "story_part", "same_last_year",
          "months_of_year", "duration_range", "duration_since", "weekend"), UNIT_WORDS),
        (("weekday", "set_weekday"), r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"),
        (("set_part",), r"(?i:morning|afternoon|evening|night)"),
        (("deictic",), r"(?i:today|yesterday|tomorrow|tonight)"),
        (("clock",), r"\d(?:\s*[aApP]\.?[mM]|:\d\d|\d\d\s+(?:GMT|UTC))|(?i:noon|midday|midnight)"
                     r"|(?i:dawn|daybreak|first light|dusk|nightfall|sunset|sunrise|overnight)"),
        (("set_adverb",), r"(?i:daily|weekly|monthly|yearly|annual|hourly|quarterly)"),
        (("day_of_month",), r"\d(?:st|nd|rd|th)\b"),
    ]
    for kind in kinds
}  # fmt: skip


def _windows(text: str, trigger: re.Pattern) -> list[tuple[int, int]]:
    """Stretches of text around each trigger word, merged where they overlap.

    A unit word ("days", "year") ends its expression ("nearly four hours", "two days later"), so
    its stretch is short: 50 characters before and 16 after; other triggers get 80 and 40.
    """
    before, after = (50, 16) if trigger.pattern == UNIT_WORDS else (80, 40)
    windows: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        low = text.rfind(" ", 0, max(0, m.start() - before)) + 1
        high = min(len(text), m.end() + after)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(high, windows[-1][1]))
        else:
            windows.append((low, high))
    return windows


def _matches(rule: Rule, text: str, windows: dict) -> list[re.Match]:
    trigger = TRIGGERS.get(rule.kind)
    if trigger is None:
        return list(rule.pattern.finditer(text))
    if trigger.pattern not in windows:  # rules that share a trigger share its windows
        windows[trigger.pattern] = _windows(text, trigger)
    found = {}
    for low, high in windows[trigger.pattern]:
        for m in rule.pattern.finditer(text, low, high):
            found.setdefault(m.span("t"), m)
    return list(found.values())


@dataclass
class Match:
    start: int
    end: int
    rule: Rule
    groups: dict


def _candidates(text: str) -> list[Match]:
    """Every rule's matches, overlapping ones resolved: the longest wins, then the rule priority."""
    found: list[Match] = []
    windows: dict = {}
    for rule in (*RULES, *_lexicon_rules()):
        for m in _matches(rule, text, windows):
            start, end = m.span("t")
            if rule.kind == "duration" and re.fullmatch(r"(?i)(a|one)[\s-]+second", m.group("t")):
                continue  # "a second barrier", "a second term": the ordinal, not a second of time
            needs = FUZZY_NEEDS_BEFORE.get(m.group("t").lower()) if rule.kind == "fuzzy" else None
            if needs and not re.search(needs, text[max(0, start - 12) : start], re.IGNORECASE):
                continue  # "to present a plan", "a moment of silence": no time
            if end > start and (rule.kind != "month" or _month_alone_ok(text, m)):
                found.append(Match(start, end, rule, m.groupdict()))
    blocked = []
    pattern = _non_date_pattern()
    if pattern is not None:
        blocked = [m.span() for m in pattern.finditer(text)]
    found.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping
    kept: list[Match] = []
    for cand in found:
        if _overlaps_any(blocked, cand.start, cand.end) or _overlaps_any(
            taken, cand.start, cand.end
        ):
            continue
        bisect.insort(taken, (cand.start, cand.end))
        kept.append(cand)
    blocked.sort()
    kept.sort(key=lambda c: c.start)
    return kept


# Fuzzy words that are a time only after a preposition: "at present" (not "to present a plan"),
# "at the moment", "for the moment" (not "the moment of truth" nor "the moment he left").
FUZZY_NEEDS_BEFORE = {
    "present": r"\b(?:at|until|till|to\s+the)\s+$",
    "the moment": r"\b(?:at|for)\s+$",
}

# "May" and "March" are also a verb, a noun and a name: alone, they are months only after one of
# these words ("in May", "since March", "last May"); "Theresa May said", "the march on" are not.
MONTH_CUES = {
    "in", "since", "until", "till", "by", "from", "to", "of", "through", "before", "after",
    "during", "between", "and", "or", "early", "late", "mid", "last", "next", "this", "that",
    "each", "every", "throughout", "around",
}  # fmt: skip


def _month_alone_ok(text: str, m: re.Match) -> bool:
    """Guards for a month named alone: "in August" yes; "Theresa May", "Long March" no."""
    if m.group("rel") or m.group("yrel") or m.group("t") != m.group("month"):
        return True  # "last May", "early August": the modifier already says it is a month
    before = text[max(0, m.start("t") - 30) : m.start("t")]
    previous = re.search(r"([\w'’-]+)\W*$", before)
    word = previous.group(1) if previous else ""
    if m.group("month") in ("May", "March"):
        return word.lower() in MONTH_CUES
    # another month: not right after a capitalised word, unless that word starts the sentence
    if word[:1].isupper() and not re.search(r"(^|[.!?\n]\s*)[\w'’-]+\W*$", before):
        return word.lower() in MONTH_CUES
    return True


def _overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any span in a sorted list of non-overlapping spans."""
    i = bisect.bisect_left(spans, (start, start))
    for j in (i - 1, i):
        if 0 <= j < len(spans) and spans[j][0] < end and start < spans[j][1]:
            return True
    return False
