"""Attribution: the word lists and small word helpers every step shares.

The long lists are CSV files in ``kit/lexicons/`` (term, category, note), read by
:func:`lexicon`; the short grammatical ones (pronouns, prepositions, determiners, common past
forms) are here, in plain sight, each with a sentence it is for. In "Kerry also told Lavrov the
talks were useful", "told" is a reporting verb (from the lexicon), "Lavrov" the one spoken to
(``ADDRESSEE_VERBS``) and "were" a finite verb (``FINITE_WORDS``) that shows a clause follows.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from kit import lexicons
from kit.text import word_spans

# --------------------------------------------------------------------------------------------
# The lexicons (kit/lexicons/*.csv)


@cache
def lexicon(name: str) -> dict[str, tuple[str, str]]:
    """A lexicon from ``kit/lexicons/NAME.csv`` as ``{term: (category, note)}``."""
    return {row["term"]: (row["category"], row["note"]) for row in lexicons.read(name)}


def reporting_verbs() -> pd.DataFrame:
    """The reporting-verb lexicon (``kit/lexicons/reporting_verbs.csv``) as a DataFrame."""
    rows = [(t, c, n) for t, (c, n) in lexicon("reporting_verbs").items()]
    return pd.DataFrame(rows, columns=["term", "category", "note"])


# --------------------------------------------------------------------------------------------
# Short word lists, in plain sight


# Verbs of saying that report the speaker's words, as opposed to a state of mind ("expects",
# "hopes"). Only these introduce indirect speech; "cognition" verbs attribute partial quotes only
# ("John Kerry Expects ‘Real Progress’").
SPEECH_CATEGORIES = {"neutral", "assertive", "loaded-doubt", "loaded-confirm", "hostile", "emotive"}


# "say" verbs take a clause with no "that" ("Keller said the talks were useful").
SAY_VERBS = {
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "adding", "write", "writes", "wrote", "writing", "state", "states", "stated", "stating",
}  # fmt: skip


# Verbs that name who was spoken to before the reported words: "He told Lavrov, ...",
# "Putin promised the UN his forces would ...".
ADDRESSEE_VERBS = {
    "tell", "tells", "told", "telling", "promise", "promises", "promised", "promising", "warn",
    "warns", "warned", "warning", "assure", "assures", "assured", "remind", "reminded", "urge",
    "urged", "urges", "ask", "asks", "asked", "asking", "inform", "informed",
}  # fmt: skip


# Verbs that label rather than report ("which officials call a “road map,” has ..."): they attribute
# partial quotations but never introduce indirect speech.
LABEL_VERBS = {
    "call", "calls", "called", "calling", "describe", "describes", "described", "describing",
    "address", "addresses", "addressed", "addressing",
}  # fmt: skip


# Verbs that take a bare subjunctive clause: "Kerry demanded Russia cooperate in the ceasefire".
MANDATIVE_VERBS = {
    "demand", "demands", "demanded", "demanding", "insist", "insists", "insisted", "insisting",
    "urge", "urges", "urged", "urging", "ask", "asks", "asked", "suggest", "suggested",
    "suggests",
}  # fmt: skip


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


# Capitalised words that start sentences but are not names: "Afterwards Ormond told her".
NOT_NAMES = {
    "The", "A", "An", "In", "On", "At", "After", "Afterwards", "Before", "Later", "Meanwhile",
    "Separately", "Earlier", "Still", "Yet", "But", "And", "However", "Instead", "Also", "Then",
    "Now", "Today", "Yesterday", "Asked", "Speaking", "When", "While", "Despite", "Previous",
    "This", "That", "These", "Those", "Some", "Many", "Most", "Two", "Three", "Four", "Five",
    "One", "Of", "For", "With", "By", "From", "As", "If", "Although", "Though", "Since", "Last",
    "Next", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Of course", "His", "Her", "Their", "Its", "Our", "It",
    "He", "She", "They", "We", "I", "You", "There", "Here", "Why", "What", "Who", "How",
    "Where", "Which", "No", "Not", "Even", "Both", "Each", "Every", "Such", "Local", "Western",
    "Eastern", "Northern", "Southern", "East", "West", "North", "South", "Cold", "War", "Civil",
    "Islamic", "Parliament", "Free", "Army", "Ceasefire", "Russians", "Americans",
}  # fmt: skip


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


# Common past forms that do not end in -ed: used to tell a clause ("Russia sent them help") from a
# plain object ("dismissed the suggestion").
FINITE_WORDS = {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "shall",
    "should", "can", "could", "may", "might", "must", "did", "does", "do", "sent", "made", "took",
    "gave", "went", "came", "led", "left", "put", "set", "kept", "spoke", "wrote", "won", "lost",
    "ran", "began", "saw", "knew", "thought", "brought", "bought", "sought", "fought", "struck",
    "stood", "held", "met", "told", "said", "got", "paid", "meant", "found", "felt", "fell",
    "broke", "hit", "cut", "shot", "sold", "built", "drove", "flew", "grew", "rose", "won't",
    "can't", "isn't", "wasn't", "aren't", "didn't", "doesn't", "hasn't", "haven't",
}  # fmt: skip


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


# Adjectives that come before a plural noun of saying: "recent claims", "fresh reports".
ADJECTIVES_BEFORE_NOUNS = {
    "recent", "new", "fresh", "false", "earlier", "similar", "such", "unconfirmed", "unverified",
    "media", "press", "news", "several", "many", "other", "conflicting", "repeated", "these",
    "those", "initial", "first", "latest", "widespread",
}  # fmt: skip


def _adjective_like(word: str | None) -> bool:
    """A lower-case adjective ("congressional", "recent"): the next -s word is a plural noun."""
    if not word or not word.islower():
        return False
    if word in NOUNS_LIKE_ADJECTIVES:
        return False
    return word in ADJECTIVES_BEFORE_NOUNS or word.endswith(("al", "ous", "ive", "ic"))


# Nouns that end like adjectives: "an official claims that ...", "the general said".
NOUNS_LIKE_ADJECTIVES = {
    "official", "general", "rival", "tribunal", "criminal", "individual", "principal",
    "cardinal", "arrival", "proposal", "approval", "withdrawal", "detective", "executive",
    "representative", "relative", "republic", "public", "critic", "cleric", "medic",
}  # fmt: skip


def _previous_word(text: str, position: int, floor: int) -> str | None:
    # a word is never longer than 80 characters: read only that far back
    match = re.search(r"([\w’'\-.]+)\s*$", text[max(floor, position - 80) : position])
    return match.group(1) if match else None


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(s, e, text[s:e]) for s, e in word_spans(text, start, end)]


def outside(tokens: list[tuple[int, int, str]], masked: list[tuple[int, int]]) -> list:
    """The tokens that start outside the spans ``masked`` (quotations), in one pass.

    >>> outside([(0, 2, "We"), (4, 9, "Kerry")], [(0, 3)])
    [(4, 9, 'Kerry')]
    """
    spans = sorted(masked)
    kept, k = [], 0
    for token in tokens:
        while k < len(spans) and spans[k][1] <= token[0]:
            k += 1
        if k < len(spans) and spans[k][0] <= token[0]:
            continue
        kept.append(token)
    return kept


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() or (word.split("-")[0] in NAME_PARTICLES and "-" in word)


def _verb_like(word: str) -> bool:
    lower = word.lower()
    return lower in FINITE_WORDS or lower in lexicon("reporting_verbs") or _past_like(lower)


def _past_like(word: str) -> bool:
    """A regular past form: "arrived", "rejected" (but not "need", "indeed", "speed")."""
    lower = word.lower()
    return lower.endswith("ed") and len(lower) > 4 and lower not in NOT_PAST


# Words ending in -ed that are not past forms.
NOT_PAST = {"indeed", "speed", "breed", "greed", "bleed", "proceed", "exceed", "succeed", "hundred"}
