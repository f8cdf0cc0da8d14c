"""Finding candidate spans: run every rule over the text, then keep one match per stretch.

Overlapping matches are settled by length, then by rule priority; names that contain a time word
("Cold War", "Arab Spring") block every match inside them; "May" and "March" alone count as months
only after a word like "in" or "since".

    >>> from kit.chronology.candidates import candidates
    >>> found = candidates("In May, Theresa May met him on Monday.")
    >>> [(m.rule.kind, m.groups["t"]) for m in found]
    [('month', 'May'), ('weekday', 'Monday')]

For speed, most rules are tried only in windows around a trigger word of their own (a month name,
a unit such as "days"), so a long text is read once per trigger rather than once per rule. A rule
is not tried at all in a window that lacks a word its pattern needs ("ago", "later"), and a rule
that starts with one of a few words (or a long list, such as the fuzzy words) is tried only where
one of them is. Both lists of words are read from the rule's own pattern
(:func:`kit.chronology.patterns.shortcuts`), so they never lose a match;
tests/test_chronology_rules.py checks it.
"""

from __future__ import annotations

import bisect
import re
import string
from dataclasses import dataclass

from kit.chronology.patterns import (
    RULES,
    Rule,
    Trigger,
    lexicon_rules,
    non_date_pattern,
    shortcuts,
    start_words,
)

# --------------------------------------------------------------------------------------------
# Finding candidate spans


# Speed: most rules can only match near a word of their own ("hours", "Tuesday", "spring"): the
# rule's trigger. The rule is tried only around its trigger, so a long text is read once per
# trigger instead of once per rule and position. (Rules without a trigger read it all.)


def windows(text: str, trigger: Trigger, lowered: str | None = None) -> list[tuple[int, int]]:
    """Stretches of text around each trigger word, merged where they overlap.

    Each stretch runs from ``trigger.before`` characters before the word (back to the start of
    a word, at most 200 characters further, for text without spaces) to ``trigger.after``
    characters after it. ``lowered`` is ``text`` with A-Z lowered (made here if not given).

    >>> from kit.chronology.patterns import WEEKDAY_WORD
    >>> windows("Talks resumed on Monday.", WEEKDAY_WORD)
    [(0, 24)]
    """
    lowered = lowered if lowered is not None else lowercase(text)
    found: list[tuple[int, int]] = []
    for start, end in trigger.finditer(text, lowered):
        edge = max(0, start - trigger.before)
        space = text.rfind(" ", max(0, edge - 200), edge)
        low = space + 1 if space >= 0 or edge <= 200 else edge - 200
        high = min(len(text), end + trigger.after)
        if found and low <= found[-1][1]:
            found[-1] = (found[-1][0], max(high, found[-1][1]))
        else:
            found.append((low, high))
    return found


ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def lowercase(text: str) -> str:
    """``text`` in lower case, each character in its place (A-Z only, where a letter such as
    "İ" would lower to two characters).

    >>> lowercase("Two Days")
    'two days'
    """
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(ASCII_LOWER)


# Letters that a pattern ignoring case reads as an ASCII letter, but str.lower() does not lower
# to it: the dotted and dotless i, the long s, the Kelvin sign.
FOLD = str.maketrans(string.ascii_uppercase + "İıſ\u212a", string.ascii_lowercase + "iisk")


def folded(text: str) -> str:
    """``text`` with each character that a pattern ignoring case reads as an ASCII letter made
    that letter in lower case, each character in its place: a word a rule needs ("ago") is in a
    stretch of ``text`` in any case exactly when it is in the same stretch of ``folded(text)``.

    >>> folded("Two Days AGO"), folded("İstanbul")
    ('two days ago', 'istanbul')
    """
    lowered = text.lower()
    if len(lowered) == len(text) and "ı" not in lowered and "ſ" not in lowered:
        return lowered
    return text.translate(FOLD)


def has_words(text: str, needs: tuple[tuple[str, ...], ...], low: int, high: int) -> bool:
    """Whether ``text[low:high]`` contains a word of each choice of ``needs`` (a rule's).

    >>> has_words("three days ago", (("ago",),), 0, 14), has_words("three days", (("ago",),), 0, 10)
    (True, False)
    """
    for words in needs:
        for word in words:
            if text.find(word, low, high) >= 0:
                break
        else:
            return False
    return True


def from_starts(
    pattern: re.Pattern,
    starts: tuple[str, ...],
    text: str,
    folded_text: str,
    low: int = 0,
    high: int | None = None,
) -> list[re.Match]:
    """The matches of ``pattern.finditer(text, low, high)``, found by trying the pattern only
    where one of the words every match starts with is (``starts``:
    :func:`kit.chronology.patterns.start_words`, looked for in ``folded_text``, the text with
    case folded): a few tries instead of a search at every word.

    >>> from kit.chronology.patterns import lexicon_rules
    >>> fuzzy = lexicon_rules()[0]
    >>> text = "Prices have risen recently, and now fall."
    >>> starts = start_words(fuzzy.pattern)
    >>> [m.group() for m in from_starts(fuzzy.pattern, starts, text, folded(text))]
    ['recently', 'now']
    """
    high = len(text) if high is None else high
    places = set()
    for word in starts:
        at = folded_text.find(word, low, high)
        while at >= 0:
            places.add(at)
            at = folded_text.find(word, at + 1, high)
    found, after = [], low
    for at in sorted(places):
        if at >= after:  # finditer goes on from the end of the last match
            m = pattern.match(text, at, high)
            if m is not None:  # a match is never empty (Rule.starts is None for such patterns)
                found.append(m)
                after = m.end()
    return found


def _matches(rule: Rule, text: str, stretches: dict) -> list[re.Match]:
    needs, starts = shortcuts(rule)
    if (needs or starts) and "folded" not in stretches:
        stretches["folded"] = folded(text)
    if rule.trigger is None:
        if needs and not has_words(stretches["folded"], needs, 0, len(text)):
            return []
        if starts:
            return from_starts(rule.pattern, starts, text, stretches["folded"])
        return list(rule.pattern.finditer(text))
    if rule.trigger.name not in stretches:  # rules that share a trigger share its windows
        if "lowered" not in stretches:
            stretches["lowered"] = lowercase(text)
        stretches[rule.trigger.name] = windows(text, rule.trigger, stretches["lowered"])
    found = {}
    for low, high in stretches[rule.trigger.name]:
        if needs and not has_words(stretches["folded"], needs, low, high):
            continue  # no word the rule needs in this stretch ("ago", "later"): no match
        if starts and len(starts) <= 10:  # a few words: look for them, not everywhere
            matches = from_starts(rule.pattern, starts, text, stretches["folded"], low, high)
        else:
            matches = rule.pattern.finditer(text, low, high)
        for m in matches:
            found.setdefault(m.span("t"), m)
    return list(found.values())


@dataclass
class Match:
    """A rule's match: the span of its time expression, the rule, and the pattern's groups.

    >>> match = candidates("Talks resumed on Monday.")[0]
    >>> match.start, match.end, match.rule.name, match.groups["weekday"]
    (17, 23, 'weekday', 'Monday')
    """

    start: int
    end: int
    rule: Rule
    groups: dict


def candidates(text: str) -> list[Match]:
    """Every rule's matches, overlapping ones resolved: the longest wins, then the rule priority.

    >>> [(m.rule.kind, m.groups["t"]) for m in candidates("In May, Theresa May met him on Monday.")]
    [('month', 'May'), ('weekday', 'Monday')]
    """
    found: list[Match] = []
    stretches: dict = {}
    for rule in (*RULES, *lexicon_rules()):
        for m in _matches(rule, text, stretches):
            start, end = m.span("t")
            if rule.kind == "duration" and re.fullmatch(r"(?i)(a|one)[\s-]+second", m.group("t")):
                continue  # "a second barrier", "a second term": the ordinal, not a second of time
            needs = FUZZY_NEEDS_BEFORE.get(m.group("t").lower()) if rule.kind == "fuzzy" else None
            if needs and not re.search(needs, text[max(0, start - 12) : start], re.IGNORECASE):
                continue  # "to present a plan", "a moment of silence": no time
            if end > start and (rule.kind != "month" or _month_alone_ok(text, m)):
                found.append(Match(start, end, rule, m.groupdict()))
    blocked = []
    pattern = non_date_pattern()
    if pattern is not None:
        starts = start_words(pattern)
        if starts:
            if "folded" not in stretches:
                stretches["folded"] = folded(text)
            found_names = from_starts(pattern, starts, text, stretches["folded"])
        else:
            found_names = pattern.finditer(text)
        blocked = [m.span() for m in found_names]
    found.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    taken = bytearray(len(text))  # 1 where a kept match already is (a list would grow slower)
    kept: list[Match] = []
    for cand in found:
        if _overlaps_any(blocked, cand.start, cand.end) or taken.find(1, cand.start, cand.end) >= 0:
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
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
