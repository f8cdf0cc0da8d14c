"""Framing, step 1: the word lists, and how a listed term is matched in a text.

Every list is a CSV in ``kit/lexicons/`` (``term, category, note`` and two optional columns):

- ``use``: ``noun`` (the term counts only where it is used as a noun: "his **lies**", not "the
  town lies on the river") or ``verb`` (only as a verb: "she **slammed** the plan", not "a slam
  dunk"); empty for any use. Every reporting verb is read as ``verb``.
- ``side_dependent``: ``yes`` when the word's loading depends on who uses it ("regime",
  "freedom fighter"): the naming exercise can pick these with
  ``lexicon().query("side_dependent")``.

``framing_neutral_uses.csv`` lists phrases in which a listed word is *not* a marker ("real
estate", "the very first", "likely voters"). The matcher takes the longest term at each word, so a
neutral phrase swallows the word it contains and nothing is flagged.

    >>> rows = lexicon()
    >>> rows.loc[rows["term"] == "regime", ["category", "side_dependent"]].values.tolist()
    [['naming', True]]
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from kit import lexicons
from kit.framing import context
from kit.framing.categories import ROLES

FRAMING_LEXICONS = (
    "framing_naming.csv",
    "framing_evaluative.csv",
    "framing_intensifiers.csv",
    "framing_emphasis.csv",
    "framing_hedges.csv",
    "framing_contrast.csv",
    "framing_agentless.csv",
    "framing_neutral_uses.csv",
)
REPORTING_VERBS = "reporting_verbs.csv"
# Reporting verbs (or whole connotations of the shared list, such as "cognition") whose role is
# the writer's structure rather than loaded language: "expects", "hoped", "warned", "denied".
VERB_ROLES = "framing_verb_roles.csv"
# The category of the entries in framing_neutral_uses.csv: matched, then dropped.
NEUTRAL = "neutral_use"
# The category given to neutral reporting verbs ("said") while matching.
NEUTRAL_VERB = "neutral_verb"
LEXICON_COLUMNS = [
    "term", "category", "note", "lexicon", "connotation", "use", "side_dependent", "role",
]  # fmt: skip

# A word for matching: letters and digits only, so "pro-Russian" starts at "pro" and
# "Russia’s" at "Russia". Whole words only: "Crimea" never starts a match for "crime".
WORD = re.compile(r"\w+")


def _read_csv(name: str) -> list[dict]:
    """The rows of one word list, each tagged with the file it came from."""
    if not lexicons.path(name).is_file():
        return []
    return [{**row, "lexicon": name} for row in lexicons.read(name)]


def versions() -> tuple:
    """What the word lists are now (:func:`kit.lexicons.stamp` of each). The tables and the
    index built from them are kept until this changes, so an edited CSV takes effect on the next
    call and an unchanged one is never read twice."""
    return tuple(lexicons.stamp(name) for name in (*FRAMING_LEXICONS, REPORTING_VERBS, VERB_ROLES))


def lexicon(*, reporting_verbs: bool = True) -> pd.DataFrame:
    """All the words the marker rules look for, one row per term.

    Columns: ``term, category, note, lexicon, connotation, use, side_dependent``. The framing
    lists are read from ``kit/lexicons/framing_*.csv``; reporting verbs from the shared
    ``reporting_verbs.csv``, where the file's ``category`` is the verb's connotation (kept in
    ``connotation``; the marker category is ``reporting_verb``). Rows of category
    ``neutral_use`` are phrases in which a listed word is not a marker. Edit a CSV, or pass your
    own DataFrame to :func:`kit.framing.markers` as ``lexicon=``, to change what is flagged.
    The table is built once per version of the files; each call returns its own copy.

    >>> words = lexicon()
    >>> words.loc[words["term"] == "dismissed", ["category", "connotation"]].values.tolist()
    [['reporting_verb', 'hostile']]
    """
    return pd.DataFrame(lexicon_rows(versions(), reporting_verbs), columns=LEXICON_COLUMNS)


def side_dependent(row: dict) -> bool:
    """Whether a word-list row marks its word as loaded only by the side that uses it
    (``side_dependent`` is ``yes``, ``true`` or ``1``).

    >>> side_dependent({"term": "regime", "side_dependent": "yes"}), side_dependent({"term": "x"})
    (True, False)
    """
    return str(row.get("side_dependent") or "").strip().lower() in ("yes", "true", "1")


@lru_cache(maxsize=4)
def lexicon_rows(version: tuple, reporting_verbs: bool = True) -> tuple[dict, ...]:
    """The rows of :func:`lexicon` for one ``version`` of the files (see :func:`versions`)."""
    rows = []
    for name in FRAMING_LEXICONS:
        for row in _read_csv(name):
            side = side_dependent(row)
            role = ROLES.get(row["category"], "")
            rows.append({**row, "connotation": None, "use": row.get("use", ""),
                         "side_dependent": side, "role": role})  # fmt: skip
    if reporting_verbs:
        roles = {row["term"].lower(): row["category"] for row in _read_csv(VERB_ROLES)}
        for row in _read_csv(REPORTING_VERBS):
            connotation = row["category"] or "unlabelled"
            note = f"{connotation}: {row['note']}" if row["note"] else connotation
            role = roles.get(row["term"].lower(), roles.get(connotation, "loaded"))
            rows.append({**row, "category": "reporting_verb", "note": note, "use": "verb",
                         "connotation": connotation, "side_dependent": False,
                         "role": role})  # fmt: skip
    return tuple(rows)


def term_pattern(term: str) -> re.Pattern:
    """The regex for one lexicon term, anchored where a word starts.

    Spaces match any run of white space (line breaks, non-breaking spaces); an apostrophe matches
    straight or curly. A term written with a capital letter ("Kiev", "the West", "ISIS") keeps its
    capitals, except the first letter (so "The West" at a sentence start still matches); a term
    in lower case matches in any case ("Crisis", "CRISIS").

    >>> bool(term_pattern("civil war").match("civil\\nwar"))
    True
    >>> bool(term_pattern("Islamic State").match("Islamic state"))
    False
    """
    body = re.escape(term)
    body = body.replace(r"\ ", r"\s+").replace("'", "['’]").replace("’", "['’]")
    if any(ch.isupper() for ch in term):
        first = re.escape(term[0])
        body = f"(?i:{first}){body[len(first) :]}"
        flags = 0
    else:
        flags = re.IGNORECASE
    return re.compile(body + r"(?!\w)", flags)


# One entry to look for: (term, category, note, use, role). Hashable, so indexes are cached.
Entry = tuple[str, str, str, str, str]


def entries(frame: pd.DataFrame, *, neutral_verbs: bool = True) -> tuple[Entry, ...]:
    """The entries of a lexicon table to look for. Neutral reporting verbs ("said") get the
    category ``neutral_verb`` (they name a speaker, but are markers only on request), or are left
    out with ``neutral_verbs=False``.

    Columns beyond ``term, category, note`` are optional, so a small table of your own works.
    """
    size = len(frame)
    connotations = frame["connotation"].tolist() if "connotation" in frame else [None] * size
    uses = frame["use"].tolist() if "use" in frame else [""] * size
    roles = frame["role"].tolist() if "role" in frame else [""] * size
    rows = []
    for term, category, note, connotation, use, role in zip(
        frame["term"].tolist(), frame["category"].tolist(), frame["note"].tolist(),
        connotations, uses, roles, strict=True,
    ):  # fmt: skip
        if category == "reporting_verb" and str(connotation or "").lower().startswith("neutral"):
            if not neutral_verbs:
                continue
            category = NEUTRAL_VERB
        use = use if isinstance(use, str) else ""
        role = role if isinstance(role, str) and role else ROLES.get(category, "loaded")
        rows.append((str(term), str(category), str(note), use, role))
    return tuple(rows)


class Index:
    """The entries of a lexicon, ready for matching: a dict from a term's first word (in lower
    case) to its terms, longest first, each as ``(pattern, second word, capitals, checked,
    *entry)`` (pattern and second word ``None`` for one-word terms; ``capitals``: the letters
    after the first that a capitalised one-word term must match, else ``None``; ``checked``:
    whether a context rule must agree), plus one regex that finds any of those first words."""

    def __init__(self, found: tuple[Entry, ...]) -> None:
        by_first: dict[str, list[Entry]] = {}
        for entry in found:
            first = WORD.search(entry[0])
            if first:
                by_first.setdefault(first.group().lower(), []).append(entry)
        # A one-word term needs no regex of its own: the word found is the term (a capitalised
        # term must also match its capitals after the first letter, so "ISIS" is not "isis").
        # A longer term is tried only when the text's next word is the term's second word.
        self.terms = {
            word: [
                (None, None, e[0][1:] if e[0][1:] != e[0][1:].lower() else None, checked(e), *e)
                if WORD.fullmatch(e[0]) else
                (term_pattern(e[0]), WORD.findall(e[0])[1].lower(), None, checked(e), *e)
                for e in sorted(group, key=lambda e: -len(e[0]))
            ]
            for word, group in by_first.items()
        }  # fmt: skip
        # Where a term can start: its first word, or its first two words for a longer term, so
        # "the" is a candidate only in "the West", "the very first", ...
        keys = {" ".join(WORD.findall(e[0].lower())[:2]) for e in found if WORD.search(e[0])}
        self.candidates = candidate_pattern(sorted(keys))


def checked(entry: Entry) -> bool:
    """Whether a match of ``entry`` must pass a context rule: a ``use`` (noun or verb) or a
    guard of its own in :data:`kit.framing.context.GUARDS`."""
    return bool(entry[3]) or entry[0].lower() in context.GUARDS


@lru_cache(maxsize=8)
def compiled(found: tuple[Entry, ...]) -> Index:
    """The :class:`Index` of some entries, built once and reused (entries are hashable)."""
    return Index(found)


def default_index() -> Index:
    """The :class:`Index` of the kit's own word lists (neutral reporting verbs included), built
    once per version of the files: what :func:`kit.framing.markers` reads when it is given no
    ``lexicon=``, so an article costs only the reading of its own text."""
    return _index_of_version(versions())


@lru_cache(maxsize=4)
def _index_of_version(version: tuple) -> Index:
    frame = pd.DataFrame(lexicon_rows(version), columns=LEXICON_COLUMNS)
    return Index(entries(frame, neutral_verbs=True))


def candidate_pattern(keys: list[str]) -> re.Pattern:
    """One regex that finds the first word of any of ``keys`` (one word, or two separated by a
    space: then the second must follow, after any non-word characters), in any case. The first
    words form a letter trie ("ab(?:out|ove)") so the regex engine, not Python, walks the text.

    >>> [m.group() for m in candidate_pattern(["the west", "crisis"]).finditer(
    ...     "The West's crisis, the east")]
    ['The', 'crisis']
    """
    seconds: dict[str, set[str]] = {}
    for key in keys:
        first, _, second = key.partition(" ")
        seconds.setdefault(first, set()).add(second)
    trie: dict = {}
    for first in seconds:
        node = trie
        for char in first:
            node = node.setdefault(char, {})
        node[""] = seconds[first]

    def ending(following: set[str]) -> str:
        options = ["(?!\\w)"] if "" in following else []
        longer = sorted(re.escape(word) for word in following if word)
        if longer:
            options.append(f"(?=\\W+(?:{'|'.join(longer)})(?!\\w))")
        return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"

    def branch(node: dict) -> str:
        parts = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            parts.append(ending(node[""]))
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    body = branch(trie) if trie else "(?!)"
    return re.compile(rf"(?<!\w){body}", re.IGNORECASE)
