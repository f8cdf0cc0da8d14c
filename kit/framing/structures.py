"""Framing, step 3: markers found by the shape of a sentence rather than by a word list.

- ``agentless`` passives: a form of "be" or "get", an optional adverb, a past participle, and no
  "by ..." before the clause ends. "Civilians **were killed** in the strike." fires;
  "Civilians were killed by Russian jets." and "He was tired." do not.
- ``scare_quote``: a quotation of one to four words in a sentence that names no speaker (no verb
  of saying outside the marks): a **“very constructive”** discussion.
- ``insertion``: words in square brackets inside someone's quotation: "this **[ISIS]** is a
  threat".

Quotations are found by the attribution package's finder,
:func:`kit.attribution.marks.quotation_spans`, so both analysers agree on what is quoted.

>>> text = "Two hospitals were hit. Jets were shot down by missiles."
>>> [text[s:e] for s, e in agentless_passives(text, 0, len(text))]
['were hit']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from kit import lexicons
from kit.attribution.marks import quotation_spans

WORD = re.compile(r"\w+")

PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|got|gets|get)\s+(?:\w+ly\s+)?"
    r"(?P<participle>\w+ed|killed|hit|shot|struck|taken|driven|beaten|thrown|caught|held|"
    r"seized|sent|shown|brought|overthrown|shot\s+down|blown\s+up|left|lost|won|built|made)\b",
    re.IGNORECASE,
)
# Participles that usually work as adjectives after "be" ("he was tired", "it is based on"):
# an open-ended list, kept as data.
NOT_PASSIVE_LIST = "framing_adjectival_participles.csv"
CLAUSE_END = re.compile(r"[.;:!?,—–\n]")
BY = re.compile(r"\bby\b", re.IGNORECASE)


def not_passive() -> frozenset[str]:
    """The participles read as adjectives after "be", from ``framing_adjectival_participles.csv``.

    >>> "tired" in not_passive()
    True
    """
    return frozenset(row["term"].lower() for row in lexicons.read(NOT_PASSIVE_LIST))


def agentless_passives(
    text: str, start: int, end: int, adjectives: frozenset[str] | None = None
) -> Iterable[tuple[int, int]]:
    """Spans of passives with no agent ("by ...") in ``text[start:end]``; ``adjectives``: the
    participles to skip (default: :func:`not_passive`)."""
    adjectives = not_passive() if adjectives is None else adjectives
    for match in PASSIVE.finditer(text, start, end):
        if match.group("participle").lower() in adjectives:
            continue
        stop = CLAUSE_END.search(text, match.end(), min(end, match.end() + 200))
        clause_end = stop.start() if stop else min(end, match.end() + 200)
        if BY.search(text, match.end(), min(clause_end, match.end() + 80)):
            continue
        yield match.start(), match.end()


# A mark that can open a quotation: a double quote or an opening single one, or a straight
# single quote that does not follow a letter (so "Russia's" cannot open one).
OPENING_MARK = re.compile(r"[“«„\"‘]|(?<!\w)'")


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level quotations in ``text[start:end]``, marks included (an opening mark never
    closed runs to the end); found by :func:`kit.attribution.marks.quotation_spans`.

    >>> text = "He placed “responsibility” on Washington."
    >>> [text[s:e] for s, e in quotations(text, 0, len(text))]
    ['“responsibility”']
    """
    first = OPENING_MARK.search(text, start, end)
    if first is None:
        return []  # no mark that could open a quotation: skip the character-by-character walk
    begin = max(start, first.start() - 1)  # one character back, so the mark sees what precedes it
    return [(s, e) for s, e, _ in quotation_spans(text, begin, end)]


# Square brackets the writer puts inside someone's words: "this [ISIS] is a threat".
BRACKETS = re.compile(r"\[[^\[\]\n]{1,60}\]")
SCARE_MAX_WORDS = 4


def insertions(
    text: str, start: int, end: int, quoted: list[tuple[int, int]]
) -> Iterable[tuple[int, int]]:
    """Bracketed words inside one of the ``quoted`` spans (sorted) of ``text[start:end]``."""
    starts = [s for s, _ in quoted]
    for match in BRACKETS.finditer(text, start, end):
        where = bisect.bisect_left(starts, match.start()) - 1
        if where >= 0 and quoted[where][0] < match.start() < quoted[where][1]:
            yield match.start(), match.end()


def short_quotations(
    text: str, start: int, end: int, quoted: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Quotations of 1 to 4 words in the sentence ``text[start:end]`` that are not the whole
    sentence; ``quoted`` is the sorted list of every quotation (only the sentence's are read)."""
    first = bisect.bisect_left(quoted, (start, -1))
    short = []
    for index in range(first, len(quoted)):
        s, e = quoted[index]
        if s >= end:
            break
        if e > end:
            continue
        words = WORD.findall(text[s + 1 : e - 1])
        whole = not text[start:s].strip(' "“‘') and not text[e:end].strip(' .,!?"”’')
        if 1 <= len(words) <= SCARE_MAX_WORDS and not whole:
            short.append((s, e))
    return short


def names_a_speaker(
    start: int, end: int, verb_starts: list[int], quoted: list[tuple[int, int]],
    quote_starts: list[int],
) -> bool:  # fmt: skip
    """Whether a verb of saying (offsets in ``verb_starts``, sorted) stands in ``[start, end)``
    outside every quotation (``quoted``, sorted, and their starts): then quoted words in that
    sentence are someone's, not the writer's."""
    for index in range(bisect.bisect_left(verb_starts, start), len(verb_starts)):
        verb = verb_starts[index]
        if verb >= end:
            return False
        where = bisect.bisect_right(quote_starts, verb) - 1
        if not (where >= 0 and quoted[where][0] <= verb < quoted[where][1]):
            return True
    return False
