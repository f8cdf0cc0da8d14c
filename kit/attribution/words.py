"""Attribution: the word lists and small word helpers every step shares.

The open-ended lists are CSV files in ``kit/lexicons/`` (term, category, note): reporting verbs,
titles, institutions, vague sources, first names, documents, and ``attribution_words.csv``, which
sorts words into classes (:func:`word_class`: "finite" verb forms, "say-verb", "not-name", ...).
Only closed grammatical classes (pronouns, prepositions, determiners) are here, in plain sight,
each with a sentence it is for. In "Kerry also told Lavrov the talks were useful", "told" is a
reporting verb, "Lavrov" the one spoken to (``told`` is an "addressee-verb") and "were" a
"finite" verb that shows a clause follows.

An edited CSV takes effect on the next call of :func:`~kit.attribution.quotes` (no restart, no
cache to clear): each public function starts with :func:`refresh`, and every list is read
through :func:`kit.lexicons.read`, which parses a file again only after it changed.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Callable

import pandas as pd

from kit import lexicons
from kit.text import word_spans

# --------------------------------------------------------------------------------------------
# The lexicons (kit/lexicons/*.csv)

# What this call of the analysis has read so far: {name: (rows, table)}. Emptied by refresh().
_read_now: dict[str, tuple[tuple, dict]] = {}
# Tables and patterns built from a list, kept as long as the list's rows are the same object
# (kit.lexicons.read returns the same rows until the file changes): {(name, builder): (rows, value)}
_built: dict[tuple[str, Callable], tuple[tuple, object]] = {}


def refresh() -> None:
    """Check the word lists again on their next use (an edited CSV then takes effect).

    The public functions of :mod:`kit.attribution` call it first; a list that did not change
    is not parsed again. What the last calls worked out from the lists (word classes, patterns,
    answers of :func:`remember` and :func:`verb_like`) is kept while every list they read is the
    same: one article after another then costs no more than one long article.

    >>> refresh()
    """
    if not _lists_unchanged() or len(_remembered_now) + len(_verbs_now) > MOST_REMEMBERED:
        _read_now.clear()
        _classes_now.clear()
        _built_now.clear()
        _verbs_now.clear()
        _remembered_now.clear()
    reading = now_reading()
    reading.sentence = None
    reading.found.clear()


# How many answers remember() and verb_like() keep from one call to the next, at most.
MOST_REMEMBERED = 200_000


def _lists_unchanged() -> bool:
    """Whether every word list read so far is as it was read (:func:`kit.lexicons.read` gives
    the same rows until the file changes)."""
    try:
        return all(lexicons.read(name) is rows for name, (rows, _) in list(_read_now.items()))
    except (OSError, ValueError):  # a list removed or broken: read again, and complain, on use
        return False


class Reading(threading.local):
    """What this thread's call of the analysis is reading: the sentence whose words
    :func:`sentence_tokens` found last, and what whole-text searches ``found``, by pattern.
    Each thread has its own (kit.corpus may analyse several articles at once).

    >>> now_reading().sentence is None or len(now_reading().sentence) == 5
    True
    """

    def __init__(self) -> None:
        # (text, start, end, tokens, token starts): the starts are listed on first use (None
        # until then), as many sentences are never searched for a stretch
        self.sentence: tuple | None = None
        self.found: dict = {}


def now_reading() -> Reading:
    """This thread's :class:`Reading`."""
    return _reading


_reading = Reading()


def _rows(name: str) -> tuple:
    entry = _read_now.get(name)
    if entry is None:
        rows = lexicons.read(name)
        entry = (rows, _built_from_rows(name, rows, _terms))
        _read_now[name] = entry
    return entry[0]


def _terms(rows: tuple) -> dict[str, tuple[str, str]]:
    return {row["term"]: (row["category"], row["note"]) for row in rows}


def lexicon(name: str) -> dict[str, tuple[str, str]]:
    """A lexicon from ``kit/lexicons/NAME.csv`` as ``{term: (category, note)}``.

    >>> lexicon("reporting_verbs")["said"][0]
    'neutral'
    """
    entry = _read_now.get(name)
    if entry is None:
        _rows(name)
        entry = _read_now[name]
    return entry[1]


def built_from(name: str, build: Callable[[tuple], object]) -> object:
    """``build(rows)`` of the list ``name``, built again only when the list changed: the patterns
    and tables made from a word list.

    >>> pattern = built_from("reporting_verbs", lambda rows: len(rows))
    >>> pattern == len(lexicons.read("reporting_verbs"))
    True
    """
    key = (name, build)
    found = _built_now.get(key)
    if found is None:
        entry = _read_now.get(name)
        rows = entry[0] if entry is not None else _rows(name)
        found = _built_now[key] = _built_from_rows(name, rows, build)
    return found


def remember(function: Callable[[list[str]], object], words: list[str]) -> object:
    """``function(words)``, worked out once per call of the analysis for the same words: for
    the tests that read only the words and the word lists ("Foreign Minister" is a title).

    >>> remember(len, ["Foreign", "Minister"])
    2
    """
    key = (function, tuple(words))
    found = _remembered_now.get(key, _NOT_YET)  # one look-up: a tuple is hashed at each one
    if found is _NOT_YET:
        found = _remembered_now[key] = function(words)
    return found


_NOT_YET = object()  # what remember() finds for words it has not worked out yet


# What remember() worked out in this call of the analysis (emptied by refresh()).
_remembered_now: dict[tuple, object] = {}


# What built_from gave in this call of the analysis (emptied by refresh()).
_built_now: dict[tuple[str, Callable], object] = {}


def _built_from_rows(name: str, rows: tuple, build: Callable[[tuple], object]) -> object:
    """``build(rows)``, kept while ``rows`` (the list ``name`` as read) stay the same object."""
    key = (name, build)
    entry = _built.get(key)
    if entry is None or entry[0] is not rows:
        entry = (rows, build(rows))
        _built[key] = entry
    return entry[1]


def _classes(rows: tuple) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for row in rows:
        table.setdefault(row["category"], set()).add(row["term"])
    return {category: frozenset(terms) for category, terms in table.items()}


def word_class(category: str) -> frozenset[str]:
    """The words of one class in ``kit/lexicons/attribution_words.csv``.

    >>> "were" in word_class("finite"), "said" in word_class("say-verb")
    (True, True)
    """
    found = _classes_now.get(category)
    if found is None:
        found = built_from("attribution_words", _classes).get(category, frozenset())
        _classes_now[category] = found
    return found


# The word classes used in this call of the analysis (emptied by refresh()).
_classes_now: dict[str, frozenset[str]] = {}


def not_names() -> frozenset[str]:
    """Capitalised words that are not names ("The", "However", "Monday"): the "not-name" and
    "date" classes of ``attribution_words.csv``.

    >>> "However" in not_names(), "Kerry" in not_names()
    (True, False)
    """
    found = _classes_now.get("(not names)")
    if found is None:
        found = _classes_now["(not names)"] = built_from("attribution_words", _not_names)
    return found


def _not_names(rows: tuple) -> frozenset[str]:
    return frozenset(r["term"] for r in rows if r["category"] in ("not-name", "date"))


def date_words() -> frozenset[str]:
    """Month and day names, never part of a speaker: "In late September the council said".

    >>> "September" in date_words()
    True
    """
    return word_class("date")


def document_nouns() -> frozenset[str]:
    """Documents that can speak ("the letter reads"), from ``attribution_documents.csv``.

    >>> "letter" in document_nouns()
    True
    """
    return built_from("attribution_documents", _classes).get("document", frozenset())


def reporting_verbs() -> pd.DataFrame:
    """The reporting-verb lexicon (``kit/lexicons/reporting_verbs.csv``) as a DataFrame.

    >>> reporting_verbs().set_index("term").loc["claimed", "category"]
    'loaded-doubt'
    """
    rows = [(t, c, n) for t, (c, n) in lexicon("reporting_verbs").items()]
    return pd.DataFrame(rows, columns=["term", "category", "note"])


# --------------------------------------------------------------------------------------------
# Short word lists, in plain sight


# Verbs of saying that report the speaker's words, as opposed to a state of mind ("expects",
# "hopes"). Only these introduce indirect speech; "cognition" verbs attribute partial quotes only
# ("John Kerry Expects ‘Real Progress’").
SPEECH_CATEGORIES = {"neutral", "assertive", "loaded-doubt", "loaded-confirm", "hostile", "emotive"}


PRONOUNS = {"he": "male", "she": "female", "it": "thing", "they": "plural"}
OBJECT_PRONOUNS = {"him", "her", "them", "us", "me", "you", "it"}
OBJECT_AS_SUBJECT = {"him": "he", "her": "she", "them": "they"}


# Words that, read backwards from a verb of saying, end the speaker's noun phrase:
# "... but Lavrov dismissed" -> "Lavrov"; "... that officials said" -> "officials".
BOUNDARY_WORDS = {
    "that", "but", "and", "while", "when", "as", "because", "if", "since", "although", "though",
    "so", "or", "whether", "where", "after", "before", "then", "yet", "nor", "than",
}  # fmt: skip
# Relative pronouns inside a speaker phrase: "A European official who asked not to be named said".
RELATIVE_WORDS = {"who", "which", "whom", "whose"}


# Lowercase name particles that may sit inside a name: "Bashar al-Assad", "Ursula von der Leyen".
NAME_PARTICLES = {
    "al",
    "bin",
    "ibn",
    "de",
    "del",
    "der",
    "van",
    "von",
    "da",
    "di",
    "du",
    "la",
    "le",
}


PREPOSITIONS = {
    "in", "on", "at", "to", "from", "with", "by", "for", "about", "after", "before", "during",
    "of", "into", "onto", "over", "under", "through", "across", "against", "as", "without",
    "via", "outside", "inside", "near", "since", "until", "upon", "off",
}  # fmt: skip
DETERMINERS = {
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "no", "any", "some", "every", "each", "such",
}  # fmt: skip


# --------------------------------------------------------------------------------------------
# Words and word tests


# Words are the kit's words (kit.text.WORD): "U.S.", "al-Assad", "Russia’s", and punctuation.
# WORDLIKE tells a word ("Kerry", "12") from punctuation ("," "“").
WORDLIKE = re.compile(r"\w")


def adjective_like(word: str | None) -> bool:
    """A lower-case adjective ("congressional", "recent"): the next -s word is a plural noun.

    >>> adjective_like("congressional"), adjective_like("official")
    (True, False)
    """
    if not word or not word.islower():
        return False
    if word in word_class("noun-like-adjective"):
        return False
    return word in word_class("adjective-before-noun") or word.endswith(("al", "ous", "ive", "ic"))


def previous_word(text: str, position: int, floor: int) -> str | None:
    """The word that ends just before ``position`` (not before ``floor``), or None.

    >>> previous_word("Kerry also said", 11, 0)
    'also'
    """
    # a word is never longer than 80 characters: read only that far back
    segment = text[max(floor, position - 80) : position].rstrip()
    # the run of word characters that ends the segment, read from its end backwards
    run = WORD_RUN.match(segment[::-1])
    return segment[len(segment) - run.end() :] if run else None


WORD_RUN = re.compile(r"[\w’'\-.]+")


def word_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of the words and punctuation marks in ``text[start:end]``.

    >>> word_tokens("the U.S. said", 0, 13)
    [(0, 3, 'the'), (4, 8, 'U.S.'), (9, 13, 'said')]
    """
    held = _reading.sentence
    if held and held[0] is text and held[1] <= start and end <= held[2]:
        # inside the sentence read last: its words, unless the stretch cuts a word in two
        tokens, starts = held[3], held[4]
        if starts is None:
            starts = [t[0] for t in tokens]
            _reading.sentence = (*held[:4], starts)
        first = bisect_left(starts, start)
        last = bisect_left(starts, end)
        if (first == 0 or tokens[first - 1][1] <= start) and (
            last == 0 or tokens[last - 1][1] <= end
        ):
            return tokens[first:last]
    return [(s, e, text[s:e]) for s, e in word_spans(text, start, end)]


def sentence_tokens(text: str, start: int, end: int, spans=None) -> list[tuple[int, int, str]]:
    """:func:`word_tokens` of a whole sentence, kept until the next sentence: the words of a
    stretch inside it (the phrase before a verb of saying) are then taken from them. ``spans``:
    the sentence's word spans when they are known already (the same as ``word_spans`` gives).

    >>> sentence_tokens("Kerry said so.", 0, 14)[1], word_tokens("Kerry said so.", 6, 13)
    ((6, 10, 'said'), [(6, 10, 'said'), (11, 13, 'so')])
    """
    if spans is None:  # else the word spans of the sentence, found already
        spans = word_spans(text, start, end)
    tokens = [(s, e, text[s:e]) for s, e in spans]
    _reading.sentence = (text, start, end, tokens, None)
    return tokens


def outside(tokens: list[tuple[int, int, str]], masked: list[tuple[int, int]]) -> list:
    """The tokens that start outside the spans ``masked`` (quotations), in one pass: the list
    ``tokens`` itself when nothing is masked (read it, do not change it).

    >>> outside([(0, 2, "We"), (4, 9, "Kerry")], [(0, 3)])
    [(4, 9, 'Kerry')]
    """
    if not masked:
        return tokens
    spans = sorted(masked)
    kept, k = [], 0
    for token in tokens:
        while k < len(spans) and spans[k][1] <= token[0]:
            k += 1
        if k < len(spans) and spans[k][0] <= token[0]:
            continue
        kept.append(token)
    return kept


def is_capitalised(word: str) -> bool:
    """A capitalised word, or a name with a lower-case particle ("al-Assad").

    >>> is_capitalised("Kerry"), is_capitalised("al-Assad"), is_capitalised("said")
    (True, True, False)
    """
    return word[:1].isupper() or (word.split("-")[0] in NAME_PARTICLES and "-" in word)


def verb_like(word: str) -> bool:
    """A finite verb form, a verb of saying or a regular past form.

    >>> verb_like("were"), verb_like("dismissed"), verb_like("talks")
    (True, True, False)
    """
    found = _verbs_now.get(word)
    if found is None:
        lower = word.lower()
        found = lower in word_class("finite") or lower in lexicon("reporting_verbs")
        found = _verbs_now[word] = found or past_like(lower)
    return found


# The words verb_like has answered for in this call of the analysis (emptied by refresh()).
_verbs_now: dict[str, bool] = {}


def past_like(word: str) -> bool:
    """A regular past form: "arrived", "rejected" (but not "need", "indeed", "speed").

    >>> past_like("arrived"), past_like("indeed")
    (True, False)
    """
    lower = word.lower()
    return lower.endswith("ed") and len(lower) > 4 and lower not in word_class("not-past")


# --------------------------------------------------------------------------------------------
# Patterns for long lists of terms


def letter_tree(spelled: list[list[str]], edge: str | None = None) -> str | None:
    """One pattern for terms given as lists of one-character pieces, longest first, that tries
    the longer term first where one term starts another ("told reporters" before "told"), as
    the plain list of terms does. None when two pieces at one branch could match the same
    character (then the tree would not find the same words).

    With ``edge`` (a character class), no character of that class may come right before a
    term. The test is placed after the term's first letter and looks one character further
    back: the same matches as ``(?<!EDGE)`` in front, and a pattern that opens with the terms'
    first letters lets the regex engine skip ahead to the next of them instead of trying at
    every character. That pays for a short list; a long tree (the verbs of saying) is slower so.

    >>> letter_tree([["s", "a", "i", "d"], ["s", "a", "y"]])
    'sa(?:id|y)'
    >>> letter_tree([["s", "a", "i", "d"], ["t", "o", "l", "d"]], edge="[a-z]")
    '(?:s(?<![a-z].)aid|t(?<![a-z].)old)'
    """
    root: dict = {}
    for pieces in spelled:
        node = root
        for piece in pieces:
            node = node.setdefault(piece, {})
        node[""] = {}  # a term ends here
    if edge is None:
        return _branches(root)
    alternatives = []
    for first, node in root.items():
        rest = _branches(node)
        if rest is None or first in ("", r"\s+"):  # the test needs one letter to look past
            return None
        alternatives.append(f"{first}(?<!{edge}.){rest}")
    return "(?:" + "|".join(alternatives) + ")"


def _branches(node: dict) -> str | None:
    pieces = [piece for piece in node if piece]
    if r"\s+" in pieces and any(len(p) == 1 and p.isspace() for p in pieces):
        return None
    alternatives = []
    for piece in pieces:
        rest = _branches(node[piece])
        if rest is None:
            return None
        alternatives.append(piece + rest)
    if "" in node:
        alternatives.append("")  # after the longer terms: the shortest match comes last
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"
