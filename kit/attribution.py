"""Attribution: who said what, and how the article tells us.

Three functions, each from an :class:`~kit.article.Article` to a pandas DataFrame:

- :func:`quotes` finds every quotation (direct, partial, indirect) and its speaker;
- :func:`sources` counts, per speaker, how many quotations and quoted words they get;
- :func:`unattributed_claims` finds sentences that assert something with no source.

Everything here is a rule you can read: the word lists live in ``kit/lexicons/`` (one term a row,
with a category and a note), and each rule below has a comment with a sentence it is for.

Conventions (see :func:`quotes` for the full list):

- a **direct** quotation is a whole statement in quotation marks, attached to its speaker by
  punctuation ("“We are ready,” Keller said.");
- a **partial** quotation is a few quoted words inside the writer's own sentence
  ("Ormond called the decision “reckless”"), including scare quotes that name no speaker;
- **indirect** speech is reported without marks ("Keller said the talks were useful").

How :func:`quotes` reads an article, step by step (each step is a section below):

1. find the quotation marks, paragraph by paragraph (:func:`quotation_spans`);
2. find the verbs of saying outside them (``kit/lexicons/reporting_verbs.csv``);
3. for each verb, find its speaker: the phrase before it ("Kerry said"), after it ("said Kerry"),
   after "according to", or the agent of a passive ("as indicated by Lavrov"); titles are cut
   off names ("Foreign Minister Sergei Lavrov" -> "Sergei Lavrov", ``attribution_titles.csv``),
   pronouns go to the last person doing things ("He told Lavrov" -> Kerry), and institutions
   and vague sources keep their own words (``attribution_institutions.csv``,
   ``attribution_vague.csv``);
4. attach each quotation to a verb by punctuation (“...,” Kerry said / Kerry said: “...”), or
   to the verb of the clause it sits in (partial quotations), or to whoever spoke last
   (continuations); quotations with none of these have no speaker;
5. what a verb of saying introduces without marks is indirect speech: the "that" clause or the
   clause right after the verb, or the sentence before ", a senior official said".

Known limits: it has no grammar parser and no gender or name dictionary, so "she" after two
unknown names, nested reports ("X said Y told him ...") and odd sentence splits can go wrong.
TeX-style marks (``like this'') are not read as quotation marks; "said, although ..." (a comma
right after the verb) loses the reported clause; a surname that is not the last word ("Ban" for
"Ban Ki-moon") stays a separate name.
Check its table against the text; it is a first reading, not the answer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

import pandas as pd

from kit import lexicons
from kit.article import Article

COLUMNS = [
    "quote_id", "start", "end", "text", "kind", "speaker", "speaker_start", "speaker_end",
    "cue", "cue_start", "cue_end", "sentence_id",
]  # fmt: skip

# --------------------------------------------------------------------------------------------
# Word lists. The long ones are CSV files in kit/lexicons/ (term, category, note); the short
# grammatical ones are here, in plain sight.


@cache
def lexicon(name: str) -> dict[str, tuple[str, str]]:
    """A lexicon from ``kit/lexicons/NAME.csv`` as ``{term: (category, note)}``."""
    return {row["term"]: (row["category"], row["note"]) for row in lexicons.read(name)}


def reporting_verbs() -> pd.DataFrame:
    """The reporting-verb lexicon (``kit/lexicons/reporting_verbs.csv``) as a DataFrame."""
    rows = [(t, c, n) for t, (c, n) in lexicon("reporting_verbs").items()]
    return pd.DataFrame(rows, columns=["term", "category", "note"])


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

# Words between a speaker and the verb that are not part of the speaker: "Kerry also hoped",
# "he has said", "Keller later told".
SKIPPED_BEFORE_CUE = {
    "also", "later", "then", "again", "repeatedly", "previously", "separately", "publicly",
    "privately", "once", "has", "have", "had", "was", "were", "is", "will", "would", "did",
    "does", "do", "earlier", "recently", "reportedly", "not", "never", "further",
    "angrily", "quickly", "firmly", "flatly", "openly", "only", "already", "however", "though",
    "meanwhile", "instead", "nevertheless", "yesterday", "today", "yet", "still", "just",
}  # fmt: skip

# Longer pieces between a speaker and the verb: "Fahmi went on to say", "Lavrov on Tuesday said".
BEFORE_CUE = re.compile(
    r"(?:\s+(?:went\s+on\s+to|continued\s+to|was\s+quoted\s+as|has\s+been\s+quoted\s+as"
    r"|(?:late\s+|early\s+)?(?:on|in|at)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday)(?:\s+(?:night|morning|evening|afternoon))?))+\s*$"
)

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

# Markers that tell us a person is a woman or a man (used to keep "she" from a man named just
# before: "Okafor met Ormond. She told him ...").
FEMALE_WORDS = {
    "Mrs.", "Ms.", "Mrs", "Ms", "Queen", "Princess", "Lady", "Dame", "spokeswoman", "chairwoman",
    "congresswoman", "Congresswoman", "Chairwoman", "businesswoman", "mother",
}  # fmt: skip
MALE_WORDS = {"Mr.", "Mr", "King", "Prince", "Sir", "Lord", "spokesman", "chairman", "congressman",
              "Congressman", "Chairman", "businessman", "father"}  # fmt: skip

# "the official", "the spokesman": role words that, with "the" and nothing else, point back to
# the person who spoke last ("Azzam al-Ahmad said ... The official said ...").
BACK_REFERENCE_ROLES = {
    "official", "spokesman", "spokeswoman", "spokesperson", "diplomat", "lawyer", "envoy",
    "minister", "negotiator", "prosecutor", "source", "mediator", "aide", "adviser", "advisor",
}  # fmt: skip

# Lower-case words that can open a source phrase at the start of a clause: "Local officials gave".
SOURCE_OPENERS = {
    "local", "two", "three", "many", "some", "police", "critics", "officials", "residents",
}  # fmt: skip

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

# Nouns for things said or written: a verb form right after one is a participle, not a verb of
# saying ("in a message tweeted on Sunday").
DOCUMENT_NOUNS = {
    "message", "statement", "letter", "report", "remarks", "comments", "post", "video",
    "interview", "note", "speech", "document", "transcript", "words", "claims", "tweet",
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

# Quotation marks. Curly double quotes open and close unambiguously; straight double quotes are
# paired by position (an opening one follows a space or a line start). Single quotes count only
# outside double quotes (headlines, BBC style); inside, they are a quotation within the quotation.
OPEN_DOUBLE, CLOSE_DOUBLE = "“«„", "”»"
OPEN_SINGLE, CLOSE_SINGLE = "‘", "’"
ELLIPSIS_OR_BRACKET = "…[(.'‘\""

WORD = re.compile(r"\w+(?:[’'\-.]\w+)*\.?(?<=[A-Z]\.)|\w+(?:[’'\-.]\w+)*|[^\w\s]")


# --------------------------------------------------------------------------------------------
# Small data holders


@dataclass
class Entity:
    """Someone or something that speaks: a person, an institution or a vague source."""

    name: str
    type: str  # person | institution | anonymous | group | media | unknown
    gender: str | None = None
    roles: set = field(default_factory=set)  # lower-case title words: {"foreign", "minister"}

    @property
    def named(self) -> bool:
        return self.type in ("person", "institution")


@dataclass
class Mention:
    start: int
    end: int
    entity: Entity | None


@dataclass
class Event:
    """A verb of saying with its speaker: "Kerry demanded", "said a senior official"."""

    cue_start: int
    cue_end: int
    cue: str
    category: str
    speaker: Mention | None
    used: bool = False  # True once a direct quotation has claimed it


@dataclass
class Quote:
    start: int
    end: int
    kind: str
    speaker: Mention | None = None
    cue: Event | None = None
    closed: bool = True
    sentence: int = 0
    extra: dict = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# Finding quotation marks


def quotation_spans(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, bool]]:
    """Spans ``(start, end, closed)`` of the top-level quotations in ``text[start:end]``.

    Marks are included in the span. A quotation left open when the block ends (a paragraph that
    opens a quotation and continues it in the next) runs to the block's end with ``closed`` False.
    A closing mark with no opening one is ignored. Quotations inside a quotation are part of it:
    “He said, ‘You will never leave,’ and I believed him” is one span.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int, bool]] = []
    i = start
    while i < end:
        char = text[i]
        opener = None
        if char in OPEN_DOUBLE:
            opener = "curly"
        elif char == '"' and _opens_straight(text, i, start):
            opener = "straight"
        elif char in OPEN_SINGLE and _opens_single(text, i, start):
            opener = "single"
        elif char == "'" and _opens_single(text, i, start) and text[i + 1 : i + 2].isalpha():
            opener = "straight-single"  # short ones only (see _find_close): "'fairly good'"
        if opener is None:
            i += 1
            continue
        close = _find_close(text, i, end, opener)
        if close == 0:  # not a quotation after all
            i += 1
            continue
        if close is None:
            spans.append((i, end, False))
            break
        if close < 0:  # a new quotation opened before this one closed: it stops there
            stop = -close
            spans.append((i, len(text[:stop].rstrip()), False))
            i = stop
            continue
        spans.append((i, close, True))
        i = close
    return spans


def _opens_straight(text: str, i: int, block_start: int) -> bool:
    before = text[i - 1] if i > block_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _opens_single(text: str, i: int, block_start: int) -> bool:
    before = text[i - 1] if i > block_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in '([—–-:“"') and (after.isalnum() or after in "…[")


def _closes_single(text: str, j: int) -> bool:
    # ’ closes only when no letter follows ("Russia’s" is an apostrophe, "the rebels’ guns" too
    # unless an opening ‘ came first, which is why single quotes need an opener).
    after = text[j + 1] if j + 1 < len(text) else " "
    return not after.isalnum() and j > 0 and not text[j - 1].isspace()


def _find_close(text: str, i: int, end: int, opener: str) -> int | None:
    """The offset just after the mark that closes the quotation opened at ``i``; None when the
    block ends first; minus the offset of a new opening mark met before any closing one."""
    j = i + 1
    nested = False
    while j < end:
        char = text[j]
        if opener == "curly":
            if char in CLOSE_DOUBLE or (char == '"' and not _opens_straight(text, j, i)):
                return j + 1
            if char in OPEN_DOUBLE:  # a new quotation opens: the old one was never closed
                return -j
        elif opener == "straight":
            if char == '"' or char in CLOSE_DOUBLE:  # copy-pasted text mixes " and ”
                return j + 1
        elif opener == "single":
            if char == "‘" and _opens_single(text, j, i):
                nested = True
            elif char == "’" and _closes_single(text, j):
                if nested:
                    nested = False
                else:
                    return j + 1
        elif opener == "straight-single":
            if char == "'" and _closes_single(text, j):
                return j + 1
            if j - i > 80 or (char in ".!?" and not text[i + 1].isupper()):
                return 0  # too long for a quotation: the mark was an apostrophe ("the '90s")
        if char == "\n" and text[j + 1 : j + 2] == "\n":
            return -j  # a blank line ends the paragraph, and the quotation with it
        j += 1
    return None


# --------------------------------------------------------------------------------------------
# Finding verbs of saying


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern:
    terms = sorted(lexicon("reporting_verbs"), key=len, reverse=True)
    parts = []
    for term in terms:
        escaped = re.escape(term).replace(r"\ ", r"\s+")
        if term == "according to":
            escaped = "[Aa]ccording\\s+to"
        parts.append(escaped)
    return re.compile(r"(?<![\w’'\-])(?:" + "|".join(parts) + r")(?![\w’'\-])")


def _cues(text: str, start: int, end: int, masked: list[tuple[int, int]], *, headline: bool):
    """Verbs of saying in ``text[start:end]`` outside quotations: (start, end, term, category)."""
    found = []
    verbs = lexicon("reporting_verbs")
    pattern = _cue_pattern()
    source = text[start:end]
    if headline:  # Headlines capitalise every word: "John Kerry Expects ‘Real Progress’".
        source = source.lower()
    for match in pattern.finditer(source):
        s, e = start + match.start(), start + match.end()
        if any(a <= s < b for a, b in masked):
            continue
        term = " ".join(match.group().lower().split())
        category = verbs.get(term, ("neutral", ""))[0]
        previous = _previous_word(text, s, start)
        # "the report", "a claim", "his warning", "a televised address", "his first major
        # address": a noun after a determiner (and adjectives), not a verb.
        if term != "according to" and _after_determiner(text, s, start):
            continue
        # "a statement issued ...", "remarks reported by ...": a participle after a document noun
        # (but "The statement added that ..." and '“...,” the statement continued.' are the
        # statement speaking)
        if (
            previous
            and previous.lower() in DOCUMENT_NOUNS
            and term.endswith("ed")
            and not re.match(r"\s+that\s|\s*[.,;:!?]|\s*$", text[e:end])
        ):
            continue
        # "stopped from reporting", "asked not to report": a verb after a preposition or "to"
        # is not itself an act of saying (but "went on to say" is, see BEFORE_CUE)
        if previous and (previous.lower() in PREPOSITIONS - {"as"} or previous.lower() == "to"):
            if not re.search(r"(?:went\s+on|continued|quoted\s+as)\s+(?:to\s+)?$", text[start:s]):
                continue
        # "reports", "claims", "comments" are nouns too: "based on the media reports.",
        # "congressional claims that ..." (after an adjective)
        if term in AMBIGUOUS_S_FORMS and (
            not _verb_follows_position(text, e, end) or _adjective_like(previous)
        ):
            continue
        # "continued" says more only next to a quotation ('“...,” he continued', 'He continued:
        # “...'); "he would continue to “spare no effort”", "if the payments continued" do not
        if term.startswith("continu") and not (
            re.search(r"[”\"’']\s*,?\s*(?:[\w’'.\-]+\s+){0,4}$", text[start:s])
            or re.match(r"\s*[:,]?\s*[“\"‘]|\s*:", text[e:end])
        ):
            continue
        # "A sum is reported to have been paid", "he is said to be ill": a passive with nobody
        # reporting
        if (previous or "").lower() in ("is", "was", "are", "were", "be", "been") and re.match(
            r"\s+to\s", text[e:end]
        ):
            continue
        found.append((s, e, text[s:e], category))
    return found


# -s forms that are also plural nouns; they count as verbs only when a complement follows.
AMBIGUOUS_S_FORMS = {
    "reports", "claims", "comments", "remarks", "answers", "notes", "calls", "promises",
    "attacks", "denials", "hopes", "fears", "replies", "pledges", "vows", "demands", "charges",
    "counters", "echoes", "tweets", "toasts", "jokes", "quips", "laments", "boasts", "states",
}  # fmt: skip


def _verb_follows_position(text: str, end: int, limit: int) -> bool:
    """After an -s form: "claims that ...", "reports AFP", ", quotes" make it a verb; ".", "of",
    "from", "said" make it a noun ("media reports said")."""
    after = text[end:limit].lstrip()
    if not after:
        return False
    word = re.match(r"[\w’'\-]+", after)
    if word is None:
        return after[0] in ',:“"‘'
    following = word.group().lower()
    if following in PREPOSITIONS | {"and", "or", "but", "were", "was", "are", "is", "have", "had"}:
        return False
    return not _verb_like(following)


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


# Adjectives that often sit between a determiner and a noun of saying: "his first major address".
PLAIN_ADJECTIVES = {
    "first", "major", "new", "last", "final", "brief", "short", "long", "joint", "public",
    "weekly", "annual", "televised", "rare", "lengthy", "emotional", "keynote", "opening",
}  # fmt: skip


def _after_determiner(text: str, position: int, floor: int) -> bool:
    """A determiner, maybe with adjectives, right before ``position``: "the", "a televised"."""
    words = re.findall(r"[\w’'\-]+|[^\w\s]", text[max(floor, position - 60) : position])
    for word in reversed(words[-4:]):
        lowered = word.lower()
        if lowered in DETERMINERS:
            return True
        if not (lowered in PLAIN_ADJECTIVES or (word.islower() and _past_like(word))):
            return False
    return False


def _previous_word(text: str, position: int, floor: int) -> str | None:
    match = re.search(r"([\w’'\-.]+)\s*$", text[floor:position])
    return match.group(1) if match else None


# --------------------------------------------------------------------------------------------
# Finding who speaks


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() or (word.split("-")[0] in NAME_PARTICLES and "-" in word)


@lru_cache(maxsize=1)
def _titles() -> list[list[str]]:
    return sorted(
        (t.split() for t, (c, _) in lexicon("attribution_titles").items() if c == "title"),
        key=len,
        reverse=True,
    )


def _split_title(words: list[str]) -> int:
    """How many leading words of a capitalised run are a title: "Russian Foreign Minister"."""
    cut = 0
    for i in range(len(words)):
        for title in _titles_by_first_word().get(words[i], ()):
            if words[i : i + len(title)] == title:
                cut = max(cut, i + len(title))
    return cut


def _title_goes_on(before: str, after: str) -> bool:
    """Whether some title reads "BEFORE of AFTER" ("Secretary of State", "Minister of Defence")."""
    return any(
        title[i : i + 3] == [before, "of", after]
        for title in _titles_by_first_word().get(before, ())
        for i in range(len(title) - 2)
    )


@lru_cache(maxsize=1)
def _titles_by_first_word() -> dict[str, list[list[str]]]:
    table: dict[str, list[list[str]]] = {}
    for title in _titles():
        table.setdefault(title[0], []).append(title)
    return table


@lru_cache(maxsize=1)
def _institution_pattern() -> re.Pattern:
    terms = [t for t, (c, _) in lexicon("attribution_institutions").items() if c == "institution"]
    terms.sort(key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, terms)) + r")(?!\w)")


def _place_or_institution(words: list[str]) -> str | None:
    """ "institution" if the words name one ("the Foreign Ministry"), "place" for a country,
    city or nationality ("Russia", "Russian"), else None."""
    if _institution_pattern().search(" ".join(words)):
        return "institution"
    institutions = lexicon("attribution_institutions")
    if any(w in institutions for w in words):
        return "place"
    return None


def _vague_head(words: list[str]) -> str | None:
    vague = lexicon("attribution_vague")
    lowered = [w.lower() for w in words]
    joined = " ".join(lowered)
    for term, (category, _) in vague.items():
        if " " in term and term in joined:
            return category
    for word in lowered:
        if word in vague:
            return vague[word][0]
    roles = lexicon("attribution_titles")
    if any(roles.get(w, ("",))[0] == "role" for w in lowered):
        return "anonymous"
    return None


class Resolver:
    """Keeps track of who has been talked about, to resolve "he", "she", "it", "they" and
    surnames ("Kerry" -> "John Kerry").

    Rule: a pronoun that speaks is the most recent compatible *subject* (the one doing things,
    not the one spoken to): "Kerry met Lavrov. He told Lavrov ..." -> He = Kerry.
    """

    def __init__(self) -> None:
        self.full_names: dict[str, Entity] = {}
        self.subjects: list[Entity] = []
        self.last_speaker: Entity | None = None  # the last person quoted, in an earlier sentence

    def recent_source(self) -> Entity | None:
        """The most recent singular speaker: a person or an unnamed individual."""
        for entity in reversed(self.subjects):
            if entity.type == "person" or (entity.type == "anonymous" and not _plural(entity.name)):
                return entity
        return None

    def recent_group(self) -> Entity | None:
        """The most recent plural unnamed source: "senior sources", "officials"."""
        for entity in reversed(self.subjects):
            head = re.split(r"\s(?:of|for|at|in|with|from|within|close|familiar)\s", entity.name)[0]
            if entity.type in ("anonymous", "group") and _plural(head):
                return entity
        return None

    def by_role(self, role: str) -> Entity | None:
        """The last person with this role: "the minister" after "Foreign Minister Sergei Lavrov"."""
        for entity in [*reversed(self.subjects), *reversed(list(self.full_names.values()))]:
            if entity.type == "person" and role in entity.roles:
                return entity
        return None

    def person(self, name: str, gender: str | None = None, roles=()) -> Entity:
        parts = name.split()
        last = parts[-1]
        if len(parts) >= 2:
            entity = self.full_names.get(name)
            if entity is None:
                known = self.full_names.get(last)
                if known is not None and known.name == last and known.type == "person":
                    known.name = name  # "Lavrov" in the headline, "Sergei Lavrov" later: one man
                    entity = known
                else:
                    entity = Entity(name, "person")
            self.full_names[name] = entity
            self.full_names.setdefault(last, entity)
            particle = last.split("-", 1)
            if len(particle) == 2 and particle[0].lower() in NAME_PARTICLES | {"el", "abu"}:
                self.full_names.setdefault(particle[1], entity)  # "Al-Lahem" is also "Lahem"
            if self.full_names[last].name != name:
                self.full_names[last] = entity
        else:
            entity = self.full_names.get(last)
            if entity is None:
                entity = Entity(name, "person")
                self.full_names[last] = entity
        if gender and not entity.gender:
            entity.gender = gender
        entity.roles.update(word.lower().rstrip(".") for word in roles)
        return entity

    def pronoun(self, word: str) -> Entity | None:
        kind = PRONOUNS[word.lower()]
        for entity in reversed(self.subjects):
            if kind in ("male", "female"):
                if entity.type == "person" and entity.gender in (None, kind):
                    entity.gender = kind
                    return entity
                # "the mother of the young person said ... She said": a phrase naming a woman
                if entity.type in ("unknown", "group", "anonymous") and (
                    _gender(entity.name.split()[:1]) == kind
                ):
                    return entity
                # "A senior official said ... He added": an unnamed person is still a person
                if entity.type == "anonymous" and not _plural(entity.name):
                    return entity
            elif kind == "thing":
                if entity.type == "institution":
                    return entity
            elif entity.type in ("group", "anonymous", "institution", "media") and _plural(
                entity.name
            ):
                return entity
        if kind in ("male", "female"):  # nobody fits among the subjects: any person named so far
            people = [e for e in reversed(list(self.full_names.values())) if e.type == "person"]
            for entity in people:
                if entity.gender == kind:
                    return entity
            # "Secretary-General Antonio Guterres on Wednesday ranked ... he demanded": the last
            # person named, when nothing says whether that is a man or a woman
            for entity in people:
                if entity.gender is None:
                    entity.gender = kind
                    return entity
        return None

    def subject(self, entity: Entity | None) -> None:
        if entity is not None:
            if entity in self.subjects:
                self.subjects.remove(entity)
            self.subjects.append(entity)
            del self.subjects[:-40]  # only recent subjects matter (and it keeps this fast)


def _plural(name: str) -> bool:
    last = name.split()[-1] if name.split() else ""
    return last.endswith("s") and not last.endswith("ss") or last.lower() in {"police", "people"}


def _strip_determiner(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text)


def _classify(text: str, start: int, end: int, resolver: Resolver, context: str = "") -> Mention:
    """What a speaker phrase ``text[start:end]`` refers to."""
    phrase = text[start:end]
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return Mention(start, end, resolver.pronoun(words[0]))
    tokens = [t for t in _tokens(text, start, end)]
    # Capitalised runs, names in them: "Russian Foreign Minister Sergei Lavrov", "Kerry",
    # "Nimal Siripala de Silva". A run that ends the phrase is its head, and the words before it
    # describe the person: "TTP spokesman Shahidullah Shahid", "State Department spokesperson
    # Matthew Miller". Otherwise the first run counts ("Russian officials").
    runs: list[list[tuple[int, int, str]]] = []
    run: list[tuple[int, int, str]] = []
    origin = False  # inside "of Fatah" after a full name: where the person comes from
    for index, (s, e, w) in enumerate(tokens):
        following = tokens[index + 1][2] if index + 1 < len(tokens) else ""
        if origin and _is_capitalised(w):
            continue
        origin = False
        if run and w == "of" and _full_name([x[2] for x in run]):
            if not _title_goes_on(run[-1][2], following):
                runs.append(run)
                run, origin = [], True
                continue
        if _is_capitalised(w) and w not in NOT_NAMES:
            run.append((s, e, w))
        elif (
            run
            and w == "of"
            and (
                _title_goes_on(run[-1][2], following)
                or not (
                    _place_or_institution([x[2] for x in run]) or _full_name([x[2] for x in run])
                )
            )
        ):  # "U.S. Secretary of State John Kerry": the title goes on past the country, but
            # "Azzam al-Ahmad of Fatah" is a name and where he comes from
            run.append((s, e, w))
        elif run and w in NAME_PARTICLES and _is_capitalised(following):
            run.append((s, e, w))
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    # "the Movement for Democratic Change", "the Bank of England": a whole institution's name
    if _institution_name(words):
        return Mention(start, end, Entity(_strip_determiner(phrase), "institution"))
    head_run = bool(runs) and runs[-1][-1][1] == end
    run = runs[-1] if head_run else (runs[0] if runs else [])
    kind = None
    if run:
        words_run = [w for _, _, w in run]
        cut = _split_title(words_run)
        name_tokens = [t for t in run[cut:] if t[2] != "of"]
        category = _place_or_institution(words_run[cut:] if cut else words_run)
        names_a_group = _vague_head([w for _, _, w in name_tokens])  # "Critics", "Police"
        if (
            name_tokens
            and category is None
            and not names_a_group
            and (cut or head_run or not _vague_head(words))
        ):
            name = " ".join(w for _, _, w in name_tokens)
            gender = _gender(words + context.split())
            roles = words_run[:cut] + [w for w in words if w.islower()]
            entity = resolver.person(name, gender, roles)
            return Mention(name_tokens[0][0], name_tokens[-1][1], entity)
        kind = category
    vague = _vague_head(words)
    # "this senior American official said": someone already introduced
    if words[0].lower() in ("this", "that") and vague:
        earlier = resolver.recent_source()
        if earlier is not None:
            return Mention(start, end, earlier)
    # "the minister added" after "Foreign Minister Sergei Lavrov": the same person
    if words[0].lower() == "the" and len(words) <= 3 and kind != "institution":
        person = resolver.by_role(words[-1].lower())
        # "Brig. Mansour Al-Turki, spokesman of the Interior Ministry, said ... “...,” the
        # spokesman said": a role word alone goes back to the last person who spoke
        if person is None and len(words) == 2 and words[-1].lower() in BACK_REFERENCE_ROLES:
            person = resolver.last_speaker
        if person is not None:
            return Mention(start, end, person)
    # the head noun decides: "a State Department spokeswoman", "the spokesperson of the US State
    # Department" are unnamed people, even though an institution is named around them
    head_words = re.split(r"\s(?:of|for|at|in|with|from)\s", phrase, maxsplit=1)[0].split()
    head_vague = _vague_head(head_words[-1:]) if head_words else None
    if vague and (kind != "institution" or head_vague):
        vague = head_vague or vague
        # "The protesters" -> "protesters", "Local officials" -> "local officials", but
        # "Russian officials" keeps its capital
        label = _strip_determiner(phrase)
        first_word = re.sub(r"[’']s$", "", label.split()[0])  # "Britain's" is "Britain"
        kept = first_word in lexicon("attribution_institutions") or label.isupper()
        # "Foreign Ministry spokesperson" keeps its capital: the first two words are a name
        kept = kept or (
            len(label.split()) > 1
            and label.split()[0].lower() not in DETERMINERS
            and _is_capitalised(label.split()[1])
        )
        if not kept:
            label = label[0].lower() + label[1:]
        return Mention(start, end, Entity(label, vague))
    if kind in ("institution", "place") or _place_or_institution(words):
        return Mention(start, end, Entity(_strip_determiner(phrase), "institution"))
    if run:
        name = " ".join(w for _, _, w in run if w != "of")
        return Mention(start, end, resolver.person(name))
    return Mention(start, end, Entity(_strip_determiner(phrase), "unknown"))


def _institution_name(words: list[str]) -> bool:
    """ "the Movement for Democratic Change": "the", then capitalised words (joined by of, for,
    and) that open with an institution word. Not "the Foreign Ministry spokesperson"."""
    if len(words) < 3 or words[0] not in ("the", "The") or not _is_capitalised(words[1]):
        return False
    if any(not _is_capitalised(w) and w not in ("of", "for", "and", "on") for w in words[1:]):
        return False
    if not _is_capitalised(words[-1]):
        return False
    first_run = []
    for w in words[1:]:
        if not _is_capitalised(w):
            break
        first_run.append(w)
    return _place_or_institution(first_run) == "institution" and len(first_run) < len(words) - 1


def _full_name(words: list[str]) -> bool:
    """Two or more name words after any title: "Azzam al-Ahmad", "Minister Sergei Lavrov" (but
    not "Minister", "Bank", "Democratic Republic", which go on with "of")."""
    rest = words[_split_title(words) :]
    return len(rest) >= 2 and not _place_or_institution(rest) and not _vague_head(rest)


def _gender(words: list[str]) -> str | None:
    if any(w in FEMALE_WORDS for w in words):
        return "female"
    if any(w in MALE_WORDS for w in words):
        return "male"
    return None


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _skip_parenthetical_and_appositives(
    text: str, floor: int, position: int
) -> tuple[int, int | None]:
    """Walk back from ``position`` over asides: ", the foreign minister,", ", 54,", "(FSA)".

    "Vance, 54, a former judge, said" -> position just after "Vance". Returns the new position
    and, when the aside is itself a name ("the spokesman, Marco Vidal, told"), the span of that
    name so the caller takes it as the speaker.
    """
    for _ in range(6):
        segment = text[floor:position].rstrip()
        if segment.endswith(")") and "(" in segment:
            position = floor + segment.rindex("(")
            continue
        if not segment.endswith(","):
            break
        comma_at = floor + len(segment) - 1
        previous_comma = text.rfind(",", floor, comma_at)
        if previous_comma < 0:
            break
        inner = text[previous_comma + 1 : comma_at].strip()
        if not inner:
            break
        first = inner.split()[0]
        # "Zimbabwe’s main opposition group, the Movement for Democratic Change, says": the aside
        # names the institution the description was about
        named_words = inner.split()[1:]
        if (
            first in ("the", "The")
            and named_words
            and _is_capitalised(named_words[0])
            and _place_or_institution(named_words) == "institution"
        ):
            return position, (previous_comma + 1, comma_at)
        if _is_capitalised(first) and first not in NOT_NAMES and len(inner.split()) <= 4:
            before = text[floor:previous_comma].split()
            if before and _vague_head(before[-3:]):
                return position, (previous_comma + 1, comma_at)
            break
        if first.lower() in DETERMINERS | RELATIVE_WORDS or first[:1].isdigit() or first.islower():
            position = previous_comma + 1  # keep this comma: another aside may end here
            continue
        break
    segment = text[floor:position].rstrip()
    if segment.endswith(","):
        segment = segment[:-1].rstrip()
    if segment.endswith(")") and "(" in segment:  # "The Free Syrian Army (FSA), the ..., denies"
        segment = segment[: segment.rindex("(")].rstrip()
    return floor + len(segment), None


def _speaker_before(text: str, floor: int, cue_start: int, resolver: Resolver) -> Mention | None:
    """The speaker phrase that ends just before a verb of saying ("Kerry", "Russian officials")."""
    position = cue_start
    # skip "also", "has", "later" between speaker and verb
    while True:
        word = _previous_word(text, position, floor)
        if (
            word
            and (word.lower() in SKIPPED_BEFORE_CUE or (word.islower() and word.endswith("ly")))
            and text[floor:position].rstrip().endswith(word)
        ):  # "Kerry also said", "the judge had orally remarked"
            position = floor + text[floor:position].rstrip().rindex(word)
            continue
        longer = BEFORE_CUE.search(text, floor, position)
        if longer and longer.start() > floor:
            position = longer.start()
            continue
        break
    position, named = _skip_parenthetical_and_appositives(text, floor, position)
    if named:
        s, e = _trim_span(text, *named)
        return _classify(text, s, e, resolver, text[floor:e])
    tokens = _tokens(text, floor, position)
    if tokens and tokens[-1][2].lower() in PRONOUNS:  # "he said", "She told him"
        s, e, _ = tokens[-1]
        return _classify(text, s, e, resolver)
    chosen: list[tuple[int, int, str]] = []
    index = len(tokens) - 1
    while index >= 0:
        s, e, w = tokens[index]
        if w in ("’s", "'s") and chosen:
            chosen.insert(0, tokens[index])
            index -= 1
            continue
        # "the mediators’ spokeswoman": the apostrophe of a plural possessive
        if (
            w in ("’", "'")
            and chosen
            and index > 0
            and tokens[index - 1][1] == s
            and tokens[index - 1][2].endswith("s")
        ):
            chosen.insert(0, tokens[index])
            index -= 1
            continue
        if not re.match(r"\w", w) or (
            w.lower() in BOUNDARY_WORDS | set(PRONOUNS) | OBJECT_PRONOUNS and not w.isupper()
        ):  # "US" is not "us"
            break
        if w.lower() in RELATIVE_WORDS:
            if not chosen or not _verb_like(chosen[0][2]):
                break
            chosen.insert(0, tokens[index])  # "an official who asked not to be named"
            index -= 1
            continue
        if (
            w.islower()
            and _verb_like(w)
            and w.lower() not in ("named", "based")
            and w.lower() not in AMBIGUOUS_S_FORMS  # "Media reports said"
            and not _noun_after_determiner(tokens, index)  # "in his first major address"
        ):
            # a verb ends the phrase ("... issued a statement condemning"), unless it sits in a
            # relative clause that belongs to the speaker ("an official who asked ...")
            back = [t[2].lower() for t in tokens[max(0, index - 6) : index]]
            if not any(r in back for r in RELATIVE_WORDS):
                break
        if len(chosen) >= 10:
            break
        chosen.insert(0, tokens[index])
        index -= 1
    while chosen and chosen[0][2] in NOT_NAMES and chosen[0][2] not in (
        "The", "A", "An", "Two", "Three", "One", "Some", "Many", "Local"
    ):  # fmt: skip
        chosen = chosen[1:]
    if not chosen or chosen[0][2].lower() in RELATIVE_WORDS:
        return None
    if chosen[0][2] in ("One", "Another") and len(chosen) == 1:
        # "according to senior sources ... One said:": one of the sources just named
        group = resolver.recent_group()
        return Mention(chosen[0][0], chosen[0][1], group) if group else None
    if chosen[0][2] in ("One", "Two", "Three", "Some", "Many", "Local") and len(chosen) == 1:
        return None
    # a verb right before the speaker means the phrase is an object: "the West and ... want him"
    return _classify(
        text, chosen[0][0], chosen[-1][1], resolver, text[max(floor, chosen[0][0] - 30) : cue_start]
    )


def _noun_after_determiner(tokens, index: int) -> bool:
    """ "his first major address": a determiner, then only plain words, before a verb form."""
    for k in range(index - 1, max(-1, index - 4), -1):
        word = tokens[k][2].lower()
        if word in DETERMINERS:
            return tokens[index][2].lower() not in FINITE_WORDS  # "the countries should"
        if not word.isalpha() or _verb_like(word):
            return False
    return False


def _verb_like(word: str) -> bool:
    lower = word.lower()
    return lower in FINITE_WORDS or lower in lexicon("reporting_verbs") or _past_like(lower)


def _past_like(word: str) -> bool:
    """A regular past form: "arrived", "rejected" (but not "need", "indeed", "speed")."""
    lower = word.lower()
    return lower.endswith("ed") and len(lower) > 4 and lower not in NOT_PAST


# Words ending in -ed that are not past forms.
NOT_PAST = {"indeed", "speed", "breed", "greed", "bleed", "proceed", "exceed", "succeed", "hundred"}


def _speaker_after(text: str, cue_end: int, ceiling: int, resolver: Resolver) -> Mention | None:
    """The speaker phrase right after a verb of saying: "said Anton Keller, the ...", "said he"."""
    tokens = _tokens(text, cue_end, ceiling)
    chosen: list[tuple[int, int, str]] = []
    described = False  # after a possessive: "said Steinmeier’s spokesman Martin Schaefer"
    for index, (s, e, w) in enumerate(tokens):
        if not chosen and w.lower() in PRONOUNS:
            return _classify(text, s, e, resolver)
        if not chosen and w.lower() in OBJECT_AS_SUBJECT:  # "according to him", "as told by her"
            return Mention(s, e, resolver.pronoun(OBJECT_AS_SUBJECT[w.lower()]))
        if not re.match(r"\w", w) or w.lower() in BOUNDARY_WORDS | RELATIVE_WORDS:
            break
        if w.lower() in PREPOSITIONS - {"of", "for"} or (w.lower() == "for" and not chosen):
            break
        if w.lower() in ("adding", "saying") or len(chosen) >= 8:
            break
        starts_phrase = _is_capitalised(w) or w.lower() in DETERMINERS | {
            "one", "two", "three", "many", "some"} or _vague_head([w])  # fmt: skip
        # "according to senior sources within ...": adjectives, then a vague head
        starts_phrase = starts_phrase or bool(
            _vague_head([t[2] for t in tokens[index : index + 3] if re.match(r"\w", t[2])])
        )
        if not chosen and not starts_phrase:  # "according to witnesses", "said the minister"
            return None
        described = described or bool(chosen and chosen[-1][2].endswith(("’s", "'s")))
        if (
            chosen
            and not described
            and _is_capitalised(chosen[0][2])
            and chosen[0][2] not in NOT_NAMES
            and not (
                _is_capitalised(w) or w in ("of", "’s", "'s") or w.split("-")[0] in NAME_PARTICLES
            )
        ):
            break  # a name ends at the first lower-case word: "said Kerry before he met"
        if chosen and w.islower() and _verb_like(w):
            break
        chosen.append((s, e, w))
    if not chosen:
        return None
    context = text[cue_end : min(ceiling, chosen[-1][1] + 60)]
    return _classify(text, chosen[0][0], chosen[-1][1], resolver, context)


# --------------------------------------------------------------------------------------------
# Tracking subjects sentence by sentence (for pronouns)


def _track_subjects(
    text: str, start: int, end: int, masked, resolver: Resolver, cue_spans
) -> dict[int, Entity]:
    """Walk a sentence left to right; register names and pronouns that are subjects.

    A mention is a subject when a verb follows it ("Kerry demanded", "Lavrov dismissed",
    "he met") or when it follows a verb of saying ("declared Kerry"). It is not a subject after a
    preposition or another verb ("met with Lavrov", "He told Lavrov"). Returns the pronouns
    resolved on the way, by start offset.
    """
    resolved: dict[int, Entity] = {}
    tokens = [t for t in _tokens(text, start, end) if not any(a <= t[0] < b for a, b in masked)]
    cue_starts = {s for s, _, _, _ in cue_spans}
    cue_ends = {e for _, e, _, _ in cue_spans}
    masked_ends = {b for _, b in masked}
    people_here: list[Entity] = []  # people named in this sentence so far
    i = 0
    while i < len(tokens):
        s, e, w = tokens[i]
        previous = tokens[i - 1][2] if i > 0 else None
        previous_end = tokens[i - 1][1] if i > 0 else None
        # "declared Kerry" after a quotation is an inverted speaker; "told Lavrov" is an addressee
        after_cue = (
            previous_end in cue_ends
            and i >= 1
            and (
                i == 1
                or tokens[i - 2][2] in (",", "”", '"', "’")
                or tokens[i - 2][1] in masked_ends
            )
        )
        if w.lower() in PRONOUNS:
            entity = resolver.pronoun(w)
            if entity is None and w.lower() in ("he", "she") and people_here:
                entity = people_here[-1]  # "Fahmi on Tuesday warned ... what he described as"
            if entity is not None:
                resolved[s] = entity
                following = tokens[i + 1] if i + 1 < len(tokens) else None
                if following and (_verb_like(following[2]) or following[0] in cue_starts):
                    resolver.subject(entity)
            i += 1
            continue
        if _is_capitalised(w) and w not in NOT_NAMES and not (i == 0 and w in NOT_NAMES):
            j = i
            while j + 1 < len(tokens) and (
                (_is_capitalised(tokens[j + 1][2]) and tokens[j + 1][2] not in NOT_NAMES)
                or (tokens[j + 1][2] == "of" and j + 2 < len(tokens)
                    and _is_capitalised(tokens[j + 2][2])
                    and (_title_goes_on(tokens[j][2], tokens[j + 2][2])
                         or not _full_name([t[2] for t in tokens[i : j + 1]])))
            ):  # fmt: skip
                j += 1
            words = [t[2] for t in tokens[i : j + 1]]
            # the words around a name tell its gender: "The spokeswoman, Nadia Berg, met ..."
            near = " ".join(t[2] for t in tokens[max(0, i - 3) : i] + tokens[j + 1 : j + 5])
            following = tokens[j + 1] if j + 1 < len(tokens) else None
            subject_position = (
                previous is None
                or previous in (",", ";", "—", "–")
                or (previous.lower() in BOUNDARY_WORDS)
                or after_cue
                or previous in NOT_NAMES
            )
            verb_follows = following is not None and (
                _verb_like(following[2])
                or following[0] in cue_starts
                or (following[2] == "," and _appositive_then_verb(tokens, j + 1))
            )
            if (subject_position and verb_follows) or after_cue:
                mention = _classify(text, tokens[i][0], tokens[j][1], resolver, near)
                if mention.entity is not None and mention.entity.type == "person":
                    resolver.subject(mention.entity)
                    people_here.append(mention.entity)
                elif mention.entity is not None and verb_follows:
                    resolver.subject(mention.entity)
            else:
                cut = _split_title(words)
                name_words = [x for x in words[cut:] if x != "of"]
                if (
                    name_words
                    and (cut > 0 or len(name_words) >= 2)
                    and not (_place_or_institution(name_words))
                ):
                    people_here.append(
                        resolver.person(
                            " ".join(name_words), _gender(words + near.split()), words[:cut]
                        )
                    )
            i = j + 1
            continue
        # lower-case sources as subjects: "Local officials gave ...", "The ministry rejected ..."
        if (previous is None or previous.lower() in BOUNDARY_WORDS) and (
            w.lower() in DETERMINERS | SOURCE_OPENERS
        ):
            j = i
            while (
                j + 1 < len(tokens)
                and j - i < 5
                and re.match(r"\w", tokens[j + 1][2])
                and not (_verb_like(tokens[j + 1][2]))
            ):
                j += 1
            following = tokens[j + 1] if j + 1 < len(tokens) else None
            if following and _verb_like(following[2]):
                mention = _classify(text, tokens[i][0], tokens[j][1], resolver)
                if mention.entity is not None and mention.entity.type != "unknown":
                    resolver.subject(mention.entity)
            i = j + 1
            continue
        i += 1
    return resolved


def _appositive_then_verb(tokens, comma_index: int) -> bool:
    """True for "Lind, who arrived on Monday, said": a comma-enclosed aside, then a verb."""
    depth = 0
    for k in range(comma_index + 1, min(len(tokens), comma_index + 16)):
        if tokens[k][2] == ",":
            depth += 1
            return k + 1 < len(tokens) and _verb_like(tokens[k + 1][2])
    return depth > 0


# --------------------------------------------------------------------------------------------
# The analysis


@dataclass
class _Sentence:
    sentence_id: str | None
    paragraph: int
    start: int
    end: int


# A dateline opens wire copy and names a place, never a speaker: "MOSCOW, April 18 (Reuters) - ",
# "JEDDAH, 26 August 2004 — ", "BERLIN (Reuters) - ", "Oct 15 (Reuters) - ". The analysis reads a
# sentence from just after it.
DATELINE = re.compile(
    r"(?:[A-Z][A-Z.’'\-]{2,}(?:\s+[A-Z][A-Z.’'\-]+)*(?:,[^—–\n(]{1,40}?)?"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"(?:\s*\([^)\n]{1,40}\))?\s+[—–-]+\s+"
)


def _sentences(article: Article) -> list[_Sentence]:
    """The headline (id None) and the sentences, with two repairs. A quotation that ends in ? or !
    is split from its attribution by the sentence splitter ("“Why now?” | Vance asked."), so a
    short sentence with a verb of saying is joined back to the quotation before it; and a split
    after an initial ("Justice D.Y. | Chandrachud said") is undone."""
    out: list[_Sentence] = []
    if article.headline_span:
        out.append(_Sentence(None, 0, *article.headline_span))
    text = article.text
    for row in article.sentences.itertuples(index=False):
        paragraph = int(row.paragraph_id[1:])
        previous = out[-1] if out else None
        before = text[previous.start : previous.end] if previous is not None else ""
        same_paragraph = previous is not None and previous.paragraph == paragraph
        if (
            same_paragraph
            and (
                # “Why now?” | Vance asked.
                (
                    re.search(r"[?!][”\"’']$", before)
                    and len(row.text.split()) <= 8
                    and _cue_pattern().search(row.text)
                    and row.text[:1] not in OPEN_DOUBLE + '"'
                )
                # “..., oral observations are as important,” Justice D.Y. | Chandrachud said.
                or (re.search(r"\b[A-Z]\.$", before) and row.text[:1].isupper())
            )
        ):
            previous.end = row.end
            continue
        start = row.start
        dateline = DATELINE.match(text, start, row.end)
        if dateline and (previous is None or previous.paragraph != paragraph):
            start = dateline.end()
        out.append(_Sentence(row.sentence_id, paragraph, start, row.end))
    return out


def _blocks(article: Article) -> list[tuple[int, int, int]]:
    blocks = []
    if article.headline_span:
        blocks.append((0, *article.headline_span))
    for number, (s, e) in enumerate(article.paragraph_spans, start=1):
        blocks.append((number, s, e))
    return blocks


def _analyse(article: Article) -> list[Quote]:
    text = article.text
    sentences = _sentences(article)
    # 1. quotation marks, block by block (a quotation never runs past its paragraph)
    raw: list[tuple[int, int, bool, int]] = []
    for number, s, e in _blocks(article):
        raw += [(qs, qe, closed, number) for qs, qe, closed in quotation_spans(text, s, e)]
    all_masked = [(qs, qe) for qs, qe, _, _ in raw]
    starts = [qs for qs, _ in all_masked]

    resolver = Resolver()
    quotes: list[Quote] = []
    events_by_sentence: list[list[Event]] = []
    pending: list[tuple] = []  # quotations waiting for the sentence where they end
    raw_index = 0
    for index, sentence in enumerate(sentences):
        s_start, s_end = sentence.start, sentence.end
        is_headline = sentence.sentence_id is None
        # the quotations that touch this sentence (looked up, not scanned, to stay linear)
        first = max(0, bisect.bisect_left(starts, s_start) - 1)
        last = bisect.bisect_right(starts, s_end)
        masked = [(qs, qe) for qs, qe in all_masked[first:last] if qe > s_start and qs < s_end]
        cues = _cues(text, s_start, s_end, masked, headline=is_headline)
        # quotations that start in this sentence
        here = []
        while raw_index < len(raw) and raw[raw_index][0] < s_end:
            if raw[raw_index][0] >= s_start:
                here.append(raw[raw_index])
            raw_index += 1
        # resolve pronouns and subjects up to each cue, left to right
        resolved = (
            _track_subjects(text, s_start, s_end, masked, resolver, cues)
            if not (is_headline)
            else {}
        )
        events = []
        for c_start, c_end, cue_text, category in cues:
            speaker = _event_speaker(text, sentence, c_start, c_end, cue_text, masked, resolver,
                                     resolved, events)  # fmt: skip
            events.append(Event(c_start, c_end, cue_text, category, speaker))
        # a quotation that ran over several sentences is attributed where it ends:
        # “We see attempts ... . We believe this is short-sighted,” the minister added.
        still_open = []
        for quote, start_sentence, start_events, start_masked, start_resolved in pending:
            if quote.end <= s_end:
                _attribute_quotation(
                    text, quote, start_sentence, start_events, start_masked, quotes, resolver,
                    start_resolved, ending=(sentence, events, masked),
                )  # fmt: skip
            else:
                still_open.append(
                    (quote, start_sentence, start_events, start_masked, start_resolved)
                )
        pending = still_open
        for q_start, q_end, closed, number in here:
            quote = Quote(q_start, q_end, "partial", closed=closed, sentence=index)
            quote.extra["paragraph"] = number
            quotes.append(quote)
            if q_end > s_end and closed:
                pending.append((quote, sentence, events, masked, resolved))
                continue
            _attribute_quotation(text, quote, sentence, events, masked, quotes, resolver, resolved)
        events_by_sentence.append(events)
        # indirect speech: verbs of saying not used by a direct quotation
        for event in events:
            if event.used or event.category not in SPEECH_CATEGORIES:
                continue
            if event.cue.lower() in LABEL_VERBS:
                continue
            span = _indirect_content(text, sentence, event, masked, events)
            if span:
                span = _stop_at_other_attribution(text, span, event, events, masked)
            if span and any(qs <= span[0] and span[1] <= qe for qs, qe in masked):
                span = None  # the reported words are all in marks: a quotation, not retold speech
            if span:
                quote = Quote(span[0], span[1], "indirect", event.speaker, event, sentence=index)
                quotes.append(quote)
                for other in quotes[-len(here) - 8 :]:
                    # a partial quotation in a clause closed by "..., the minister said" is the
                    # minister's, whatever verb sits inside the clause
                    closing = span[1] <= event.cue_start
                    if (
                        other.kind == "partial"
                        and (other.speaker is None or other.speaker.entity is None or closing)
                        and (span[0] <= other.start < span[1])
                    ):
                        other.speaker, other.cue = event.speaker, event
        # the speaker of this sentence becomes the subject for the next one
        for event in events:
            if event.speaker and event.speaker.entity and event.category in SPEECH_CATEGORIES:
                resolver.subject(event.speaker.entity)
                if event.speaker.entity.type == "person":
                    resolver.last_speaker = event.speaker.entity
    for quote, start_sentence, start_events, start_masked, start_resolved in pending:
        _attribute_quotation(text, quote, start_sentence, start_events, start_masked, quotes,
                             resolver, start_resolved)  # fmt: skip
    _continue_quotations(quotes, sentences, events_by_sentence)
    quotes.sort(key=lambda q: (q.start, q.kind != "indirect", q.end))
    return quotes


def _event_speaker(text, sentence, c_start, c_end, cue_text, masked, resolver, resolved, events):
    floor = sentence.start
    for _, qe in masked:  # a speaker never reaches back into a quotation
        if qe <= c_start and qe > floor:
            floor = qe
    ceiling = sentence.end
    for qs, _ in masked:
        if qs >= c_end and qs < ceiling:
            ceiling = qs
    lower = cue_text.lower()
    if lower.startswith("according"):
        mention = _speaker_after(text, c_end, ceiling, resolver)
        return mention
    # "..., insisting the West should ...", "issued a statement condemning the U.S.": a participle
    # shares the subject of its clause
    previous = _previous_word(text, c_start, floor)
    # "Al-Riyadh daily quoted Suleiman Al-Muhanna as saying": the one quoted speaks, not the paper
    quoted_as = QUOTED_AS.search(text, floor, c_start)
    if quoted_as and lower in ("saying", "telling", "stating"):
        s, e = _trim_span(text, quoted_as.start(1), quoted_as.end(1))
        mention = _classify(text, s, e, resolver)
        if mention.start in resolved:
            mention.entity = resolved[mention.start]
        return mention
    # the comma may sit inside a closing quotation mark: 'had been "cordial," describing ...'
    after_comma = re.search(r",[”\"’']?\s*$", text[sentence.start : c_start])
    if (
        lower.endswith("ing")
        and lower != "according to"
        and (previous or "").lower() not in ("is", "was", "were", "are", "been", "be", "am")
        and (after_comma or previous is not None)
    ):
        if events:
            return events[-1].speaker
        return _sentence_subject(text, sentence.start, c_start, resolver)
    # a passive with its agent: "as indicated by Sergey Lavrov", "was announced by the ministry"
    agent = re.match(r"\s+by\s+", text[c_end:ceiling])
    if agent and (previous or "").lower() in ("as", "was", "were", "been", "is", "are"):
        mention = _speaker_after(text, c_end + agent.end() - 1, ceiling, resolver)
        if mention is not None:
            named, after = _name_after_role_comma(text, mention, ceiling, resolver)
            return named or mention
    # "the negotiators briefed the prime minister and said ...", "Emil Sand, accused the
    # opposition ... and said ...": the speaker is the subject of the first verb
    if (previous or "").lower() in ("and", "but"):
        first_verb = next(
            (
                t
                for t in _tokens(text, sentence.start, c_start)
                if t[2].islower() and _verb_like(t[2]) and not any(a <= t[0] < b for a, b in masked)
            ),
            None,
        )
        if first_verb is not None and first_verb[0] < c_start - 4:
            mention = _speaker_before(text, sentence.start, first_verb[0], resolver)
            if mention is not None:
                if mention.start in resolved:
                    mention.entity = resolved[mention.start]
                return mention
    # "Antony Blinken, the US secretary of state, who said ...": "who" points back to the name
    who = re.search(r",\s*who\s+(?:[\w’'\-]+\s+){0,2}$", text[floor:c_start])
    if who:
        mention = _speaker_before(text, floor, floor + who.start() + 1, resolver)
        if mention is not None:
            return mention
    mention = _speaker_before(text, floor, c_start, resolver)
    # "Ms Truss, who discloses a “negotiations unit” in the Foreign Office, says": a quotation
    # inside an aside; read the speaker phrase from the sentence start instead
    if mention is not None and floor > sentence.start and text[mention.start].islower():
        first = text[mention.start : mention.end].split()[0]
        if first in PREPOSITIONS:
            mention = _speaker_before(text, sentence.start, c_start, resolver) or mention
    if mention is not None and mention.start in resolved:
        mention.entity = resolved[mention.start]
    if mention is None:
        mention = _speaker_after(text, c_end, ceiling, resolver)
        if mention is not None and mention.start in resolved:
            mention.entity = resolved[mention.start]
        if mention is not None:  # "said the Council President, Ambassador Linda Thomas, on ..."
            named, _ = _name_after_role_comma(text, mention, ceiling, resolver)
            mention = named or mention
    return mention


# "the Herald quoted/cited Justice Minister Patrick Chinamasa as saying": the words between name
# the speaker.
QUOTED_AS = re.compile(
    r"\b(?:quoted|quotes|quoting|cited|cites|citing)\s+([^,.;:“”\"]{2,80}?)\s+as\s*$"
)


def _name_after_role_comma(text, mention, ceiling, resolver):
    """ "by Russian Foreign Minister, Sergey Lavrov": a title, a comma, then the name."""
    follow = re.match(
        r",\s*([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3})", text[mention.end : ceiling]
    )
    if follow and mention.entity is not None and mention.entity.type != "person":
        start = mention.end + follow.start(1)
        end = mention.end + follow.end(1)
        named = _classify(text, start, end, resolver)
        if named.entity is not None and named.entity.type == "person":
            return named, end
    return None, mention.end


def _sentence_subject(text: str, start: int, limit: int, resolver: Resolver) -> Mention | None:
    """The phrase that opens a sentence, up to its first verb: "The Russian Foreign Ministry"."""
    tokens = _tokens(text, start, limit)
    chosen = []
    for s, e, w in tokens:
        if _verb_like(w) or not re.match(r"\w", w) and w not in ("’s", "'s"):
            break
        chosen.append((s, e, w))
    if not chosen:
        return None
    return _classify(text, chosen[0][0], chosen[-1][1], resolver)


def _attribute_quotation(
    text, quote, sentence, events, masked, quotes, resolver, resolved, ending=None
) -> None:
    """Decide kind, speaker and cue of one quotation in its sentence."""
    q_start, q_end = quote.start, quote.end
    inner = text[q_start + 1 : q_end - (1 if quote.closed else 0)].strip()
    first_char = inner[:1]
    before = text[sentence.start : q_start]
    for _, qe in masked:  # only look back to the previous quotation in the sentence
        if sentence.start <= qe <= q_start:
            before = text[qe:q_start]
    before_stripped = before.rstrip()
    starts_sentence = not before.strip() or before.strip() in ("—", "–", "-")
    after_colon_or_comma = before_stripped.endswith((",", ":"))
    # 1. trailing attribution: “...,” Kerry said / “...,” said Kerry
    end_sentence, end_events, end_masked = ending or (sentence, events, masked)
    trailing = _trailing_event(text, quote, end_sentence, end_events, end_masked)
    # 2. leading attribution: He told Lavrov, “...  / Marsh declared: “...  / chanted “...
    leading = None
    for event in reversed(events):
        if event.cue_end <= q_start and event.cue_end >= q_start - len(before):
            gap = text[event.cue_end : q_start]
            if not gap.strip() or (
                gap.rstrip().endswith((",", ":"))
                and len(gap) <= 70
                and not (re.search(r"[.!?;]", gap))
            ):
                leading = event
            break
    capital = first_char[:1].isupper() or first_char in ELLIPSIS_OR_BRACKET
    headline = sentence.sentence_id is None
    split_continuation = (
        leading is not None
        and before.strip()
        and not capital
        and any(
            q.kind == "direct" and q.end <= q_start and q.sentence == quote.sentence for q in quotes
        )
    )
    if (
        trailing is not None
        and (starts_sentence or after_colon_or_comma or capital)
        and _ends_open(text, quote)
        and not headline
    ):
        quote.kind = "direct"
        quote.speaker, quote.cue = trailing.speaker, trailing
        trailing.used = True
    elif leading is not None and (capital or split_continuation) and not headline:
        quote.kind = "direct"
        quote.speaker, quote.cue = leading.speaker, leading
        leading.used = True
    elif starts_sentence and not headline and (capital or not quote.closed):
        quote.kind = "direct"  # speaker from continuation, later
    elif after_colon_or_comma and capital and not headline:
        quote.kind = "direct"
    else:
        quote.kind = "partial"
        event = _nearest_event(events, q_start)
        if event is not None:
            quote.speaker, quote.cue = event.speaker, event
        elif headline and _headline_speaker(text, sentence, q_start, resolver) is not None:
            # "Lavrov: Prospects of a settlement are 'fairly good'": a name and a colon
            quote.speaker = _headline_speaker(text, sentence, q_start, resolver)
        else:
            quote.extra["turn"] = True  # maybe the speaker of the previous sentence, see below
            subject = _sentence_subject(text, sentence.start, q_start, resolver)
            if subject is not None and subject.start in resolved:
                subject.entity = resolved[subject.start]
            quote.extra["subject"] = subject


def _headline_speaker(text, sentence, q_start, resolver) -> Mention | None:
    """A headline that opens with a name and a colon gives that person the quoted words."""
    match = re.match(
        r"([A-Z][\w.’'\-]+(?:\s+[A-Z][\w.’'\-]+){0,3})\s*:\s", text[sentence.start : q_start]
    )
    if not match:
        return None
    name = match.group(1)
    # the name must come back in the body, inside a sentence ("..., Lavrov said"): "Crisis: ..."
    # is a headline label, not a speaker
    if not re.search(r"[a-z,] " + re.escape(name.split()[-1]) + r"\b", text[sentence.end :]):
        return None
    mention = _classify(text, sentence.start, sentence.start + match.end(1), resolver)
    if mention.entity is None or mention.entity.type not in ("person", "institution"):
        return None
    return mention


def _ends_open(text: str, quote: Quote) -> bool:
    """A quotation attached to what follows: it ends in , ? ! or a dash, inside or right after."""
    inside = text[max(quote.start, quote.end - 3) : quote.end]
    after = text[quote.end : quote.end + 2]
    return bool(re.search(r"[,?!—–-]\W*$", inside)) or after.lstrip()[:1] in (",", "—", "–")


def _trailing_event(text, quote, sentence, events, masked) -> Event | None:
    limit = sentence.end
    for qs, _ in masked:
        if qs >= quote.end and qs < limit:
            limit = qs
    window = text[quote.end : limit]
    stop = re.search(r"(?<![A-Z])[.!?;](?:\s|$)", window)  # not the period of "D.Y."
    if stop:
        limit = quote.end + stop.start()
    for event in events:
        if quote.end <= event.cue_start < limit:
            between = text[quote.end : event.cue_start]
            if len(between.split()) <= 9 and not re.search(r"(?<![A-Z])[.!?;]\s", between):
                return event
            return None
    return None


def _nearest_event(events: list[Event], position: int) -> Event | None:
    before = [e for e in events if e.cue_end <= position]
    if before:
        return before[-1]
    after = [e for e in events if e.cue_start >= position]
    return after[0] if after else None


def _indirect_content(text, sentence, event, masked, events) -> tuple[int, int] | None:
    """The reported clause of an indirect statement, or None when the verb has no clause."""
    s_start, s_end = sentence.start, sentence.end
    if event.speaker is None:
        return None
    lower = event.cue.lower()
    # "According to X, 12 people were killed." / "12 people were killed, according to X."
    if lower.startswith("according"):
        head = text[s_start : event.cue_start].rstrip()
        if head.endswith(","):
            return _clean_content(text, s_start, s_start + len(head) - 1, masked)
        if re.search(r",[”\"’']$", head):  # 'Blinken also "discussed ...," according to ...'
            return s_start, s_start + len(head)
        if head.strip():
            return None
        rest = event.speaker.end
        comma = text.find(",", rest, s_end)
        if comma < 0:
            return None
        if any(comma < other.cue_start and other is not event for other in events):
            return None  # "According to Isna, the spokesperson said ...": a source of a report
        return _clean_content(text, comma + 1, s_end, masked)
    # "The talks will resume, a senior official said." / "..., said Maria Zakharova."
    head = text[s_start : min(event.cue_start, event.speaker.start)].rstrip()
    head = re.sub(r",\s+as$", ",", head)  # "..., as indicated by Sergey Lavrov"
    if not head.endswith(","):  # "..., Prime Minister Ranil Wickremesinghe said"
        untitled = re.sub(r"(?:\s+[A-Z][\w.’'\-]*)+$", "", head)
        if untitled.endswith(",") and untitled != head:
            head = untitled
    tail = text[max(event.cue_end, event.speaker.end) : s_end]
    # the comma may sit inside the closing mark: 'The council would continue to "look at every
    # option," she said.'
    comma_inside = bool(re.search(r",[”\"’']$", head))
    middle = re.match(r"\s*,\s*(?!and\s|but\s)\S+(?:\s+\S+){2,}", tail) and any(
        _verb_like(w) for w in re.findall(r"[\w’'\-]+", tail)
    )  # "Without further action, Hunt said, NATO's “credibility” will be undermined"
    if (
        not middle
        and (head.endswith(",") or comma_inside)
        and len(head.split()) >= 3
        and (
            len(tail.split()) <= 6
            or re.match(r"\s*(?:after|before|on|in|at|during|when|while|following)\b", tail)
            or re.match(r"\s*,\s*(?:and|but)\s", tail)  # "..., he said, and many are hungry"
            or (lower in ADDRESSEE_VERBS and len(tail.split()) <= 12)  # "..., X told a hurt ECI"
        )
        and (
            lower in ADDRESSEE_VERBS or not re.match(r"\s*(?:that|the|a|an|he|she|it|they)\b", tail)
        )
        and not re.search(r"(?:^|\s)that\s", tail)  # "..., X said in a statement that ..."
        and re.fullmatch(r"[\s\w.,’'\-“”\"()]*[.!?]?", tail)
    ):
        if not _mostly_quoted(text, s_start, s_start + len(head), masked):
            return _clean_content(text, s_start, s_start + len(head) - (not comma_inside), masked)
    # "The ceasefire, officials said, was holding": the clause goes on after the attribution
    left = text[s_start : min(event.cue_start, event.speaker.start)].rstrip()
    right_start = max(event.cue_end, event.speaker.end)
    right = text[right_start:s_end]
    if left.endswith(",") and right.startswith(",") and len(left.split()) <= 6:
        return _clean_content(text, right_start + 1, s_end, masked)
    # "Keller said (on Tuesday) (that) the talks were useful"
    position = max(event.cue_end, event.speaker.end if event.speaker.start > event.cue_end else 0)
    # "announced on Sunday they had killed ...", "said yesterday the talks had failed"
    adjunct = ADJUNCT.match(text, position, s_end)
    if adjunct:
        position = adjunct.end()
    rest = text[position:s_end]
    # "said (on Sunday after a meeting with his counterparts from Ukraine, Russia and France)
    # that ...": a prepositional phrase may be long, other words between verb and "that" not
    that = re.match(r"^((?:\s*,?\s+[\w’'.\-]+){0,16}?)\s+that,?\s", rest)
    gap = that.group(1).split() if that else []
    if that and (
        not gap
        or (
            gap[0].lower() in PREPOSITIONS
            and (len(gap) <= 8 or not any(_verb_like(w.strip(",")) for w in gap))
        )
        or (lower in ADDRESSEE_VERBS and len(gap) <= 8)
        or (lower.startswith("express") and len(gap) <= 2)  # "expressed (deep) hope that"
    ):
        return _clean_content(text, position + that.end(), s_end, masked)
    tokens = _tokens(text, position, s_end)
    if not tokens or not re.match(r"\w", tokens[0][2]):
        return None
    # "said in a statement." is not a clause; "said about 12,000 people had fled" is
    number_follows = len(tokens) > 1 and tokens[1][2][:1].isdigit()
    # "stated this", "said so", "said it", "said nothing": no reported clause (but in "said it
    # had informed the mediators", "it" is the subject of the clause)
    subject_it = (
        tokens[0][2].lower() in ("it", "this")
        and len(tokens) > 1
        and tokens[1][2].lower() in FINITE_WORDS
    )
    if (
        tokens[0][2].lower() in ("to", "so", "it", "this", "nothing", "something", "goodbye")
        and not subject_it
    ) or (tokens[0][2].lower() in PREPOSITIONS and not number_follows):
        return None
    # "accuses politicians of being sucked into ...": an accusation of, not a reported clause
    if lower.startswith("accus"):
        return None
    # "denied claims that progress had been made": the clause is what others claimed, which the
    # speaker rejects ("said claims that ... were false" is still the speaker's clause)
    if lower.startswith(REJECTING_VERBS) and _reports_noun_first(tokens):
        return None
    skip = 0
    if lower in ADDRESSEE_VERBS:
        skip = _addressee_length(tokens)
        if skip is None:
            return None
    clause = tokens[skip:]
    if not clause or any(qs <= clause[0][0] < qe for qs, qe in masked):
        return None
    # "recounted telling Trump — to which Trump replied": after the one spoken to, a dash or a
    # relative clause is not what was said
    if skip and (
        not re.match(r"\w", clause[0][2]) or clause[0][2].lower() in RELATIVE_WORDS | {"to"}
    ):  # "urged the EU to increase sanctions": a call to act, not a reported clause
        return None
    span = _clean_content(text, clause[0][0], s_end, masked)
    if span is not None:
        span = _stop_at_other_attribution(text, span, event, events, masked)
    if span is None:
        return None
    all_words = [w for _, _, w in _tokens(text, *span) if re.match(r"\w", w)]
    if len(all_words) < 3:  # "dismissed the suggestion", "condemning the U.S."
        return None
    words = [  # the verb test looks at the writer's words, not the quoted ones
        w for s, e, w in _tokens(text, *span)
        if re.match(r"\w", w) and not any(qs <= s < qe for qs, qe in masked)
    ]  # fmt: skip
    ok = lower in SAY_VERBS and lower not in ADDRESSEE_VERBS
    # a verb right after "that", "which" or "who" belongs to a relative clause inside an object
    # ("condemned the forces that encouraged them"), not to a reported clause
    finite = [
        w
        for previous, w in zip(["", *words], words)
        if (w.lower() in FINITE_WORDS or _past_like(w)) and previous.lower() not in RELATIVE_WORDS
        and previous.lower() != "that"
        and not (_past_like(w) and previous.lower() in DETERMINERS)  # "the suggested deal"
    ]  # fmt: skip
    ok = ok or any(w in finite for w in words[1:8])
    # "demanded Russia cooperate" (a subject and a bare verb), not "demanded a ceasefire"
    ok = ok or (
        lower in MANDATIVE_VERBS
        and len(words) > 1
        and words[1].islower()
        and words[1] not in PREPOSITIONS
        and words[0].lower() not in ("a", "an")
        and "to" not in [w.lower() for w in words[:4]]  # "urged the union to strike": a call
    )
    return span if ok else None


# Time and place phrases between a verb of saying and its clause.
ADJUNCT = re.compile(
    r"(?:\s*,?\s*(?:(?:late|early)\s+)?(?:on|in|at)\s+(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b(?:\s+(?:night|morning|evening|afternoon|\d{1,2}))?"
    r"|\s*(?:yesterday|today|tonight|earlier|later|again|also"
    r"|last\s+(?:week|month|year|night|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
    r"\b)+"
)


SUBORDINATOR = r"\s(?:after|before|when|while|because|since|although|until)\s+(?:the\s+)?$"


def _mostly_quoted(text, start, end, masked) -> bool:
    """Whether ``text[start:end]`` opens with a quotation or is mostly inside quotation marks:
    then it is a direct quotation, not retold speech. 'Israel seems “unwilling to reach an
    agreement” as it has not yet responded, the spokesperson said' is retold speech with a
    partial quotation in it."""
    if any(qs == start for qs, _ in masked):
        return True
    inside = sum(max(0, min(qe, end) - max(qs, start)) for qs, qe in masked)
    return inside * 2 >= end - start


def _stop_at_other_attribution(text, span, event, events, masked):
    """Cut a reported clause before another attribution that closes the sentence: in "Mogherini
    stressed the need to stop the fighting, the European External Action Service reported", the
    clause of "stressed" ends at the comma; in "Sand accused the opposition of lying and said the
    minister would sue", the object of "accused" ends at "and"."""
    start, end = span
    for other in events:
        if other is event or not (start < other.cue_start < end):
            continue
        if any(qs <= other.cue_start < qe for qs, qe in masked):
            continue
        # "dismissed Biden’s optimism after the American leader said ...": the other speaker
        # opens a clause of its own, which is not part of this one
        if other.speaker is not None and start < other.speaker.start < other.cue_start:
            joined = re.search(SUBORDINATOR, text[start : other.speaker.start])
            if joined:
                return _clean_content(text, start, start + joined.start(), masked)
        # "Truss, who discloses that she has set up a unit, says sanctions ...": the other verb
        # belongs to a speaker named before this clause, so this clause ends before it
        if other.speaker is not None and other.speaker.start < start:
            comma = text.rfind(",", start, other.cue_start)
            if comma > start:
                comma = next((qe for qs, qe in masked if qs < comma < qe), comma)
                return _clean_content(text, start, comma, masked)
        if _unquoted_words(text, other.cue_end, end, masked) > 6:
            continue  # a nested attribution, not one closing the sentence
        edge = other.cue_start
        if other.speaker is not None and start < other.speaker.start < other.cue_start:
            edge = other.speaker.start
        comma = max(text.rfind(",", start, edge), text.rfind(" and ", start, edge))
        if comma > start and not text[comma:edge].strip(", ").count(" ") > 8:
            # 'had been "cordial," describing ...': a comma inside the marks, cut after them
            comma = next((qe for qs, qe in masked if qs < comma < qe), comma)
            return _clean_content(text, start, comma, masked)
    return span


# Verbs that reject what others said, and the nouns for what others said.
REJECTING_VERBS = ("deny", "denie", "denied", "dismiss", "reject", "refute", "rebut", "brush")
REPORTS_NOUNS = {
    "claims", "claim", "reports", "report", "allegations", "accusations", "suggestions",
    "rumours", "rumors", "speculation", "assertions", "charges", "suspicions",
}  # fmt: skip


def _reports_noun_first(tokens) -> bool:
    """The object opens with what others said: "claims that", "media reports that"."""
    for _, _, word in tokens[:4]:
        lowered = word.lower()
        if lowered in REPORTS_NOUNS:
            return True
        if not (lowered in DETERMINERS or _adjective_like(lowered) or word[:1].isupper()):
            return False
    return False


def _unquoted_words(text, start, end, masked) -> int:
    """Words in ``text[start:end]`` outside quotation marks."""
    return sum(
        1
        for s, _, w in _tokens(text, start, end)
        if re.match(r"\w", w) and not any(qs <= s < qe for qs, qe in masked)
    )


def _addressee_length(tokens) -> int | None:
    """How many tokens name who was spoken to: "him", "Lavrov", "the UN", "reporters"."""
    if not tokens:
        return None
    first = tokens[0][2]
    if first.lower() in OBJECT_PRONOUNS:
        return 1
    if first.lower() in ("reporters", "journalists", "lawmakers", "parliament", "delegates"):
        return 1
    k = 1 if first.lower() == "the" else 0
    n = k
    while n < len(tokens) and _is_capitalised(tokens[n][2]):
        n += 1
    if n > k:
        return n
    return 0


# '..., describing them as "exploratory"': a participle of saying after a comma (maybe inside the
# closing mark) starts a new statement by the same speaker.
CLOSING_PARTICIPLE = r",[”\"’']?\s+(?:describing|calling|noting|stressing|warning|explaining)\s"


def _clean_content(text, start, end, masked) -> tuple[int, int] | None:
    """Trim a reported clause: stop at ", but", "; ", ", adding", ", according to"."""
    piece = text[start:end]
    for marker in (r",\s+but\s", r";\s", r",\s+while\s", r"\s+—\s", r",\s+according\s+to",
                   r",\s+adding\s", r",\s+insisting\s", r",\s+saying\s",
                   CLOSING_PARTICIPLE):  # fmt: skip
        found = re.search(marker, piece)
        if found and not any(qs <= start + found.start() < qe for qs, qe in masked):
            piece = piece[: found.start()]
    s, e = start, start + len(piece)
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:"):
        if any(qs < e <= qe for qs, qe in masked):
            break
        if text[e - 1] == "." and re.search(r"\b[A-Z]\.[A-Z]\.$", text[s:e]):
            break  # "the U.S."
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    if e - s < 3:
        return None
    return s, e


def _continue_quotations(quotes: list[Quote], sentences, events_by_sentence) -> None:
    """Give speakers to quotations that continue an attributed one.

    - A paragraph that opens a quotation without closing it continues in the next paragraph's
      opening quotation; the pieces share one speaker (found on any piece).
    - A direct quotation with no attribution of its own goes to whoever spoke last, in the same
      or the previous paragraph: the speaker of the quotation before it ("“We will rebuild,”
      Ferran said. “We always have.”") or of the last verb of saying ("Klimkin commented on the
      meeting.\n\n“I believe ...”").
    - A partial quotation with no verb of saying in its sentence goes to the sentence's subject
      when that subject was speaking in the sentence before: "Lavrov dismissed the suggestion.
      He placed “responsibility” on Washington."
    """
    marked = [q for q in quotes if q.kind != "indirect"]
    marked.sort(key=lambda q: q.start)
    # chains of open paragraphs
    for a, b in zip(marked, marked[1:]):
        if not a.closed and b.extra.get("paragraph") == a.extra.get("paragraph", 0) + 1:
            b.extra["chained_from"] = a
            a.extra["chained_to"] = b
    for q in marked:
        if q.extra.get("chained_from") is None and q.extra.get("chained_to") is not None:
            chain = [q]
            while chain[-1].extra.get("chained_to") is not None:
                chain.append(chain[-1].extra["chained_to"])
            source = next((c for c in chain if c.speaker is not None), None)
            for c in chain:
                c.kind = "direct"
                if c.speaker is None and source is not None:
                    c.speaker = source.speaker
    previous: Quote | None = None
    for q in marked:
        if q.kind == "direct" and q.speaker is None:
            q.speaker = _last_speaker(q, previous, sentences, events_by_sentence)
        if q.kind == "partial" and q.extra.get("turn") and q.sentence > 0:
            events = events_by_sentence[q.sentence - 1] if q.sentence - 1 < len(
                events_by_sentence) else []  # fmt: skip
            subject = q.extra.get("subject")
            for event in reversed(events):
                if (
                    event.speaker is not None
                    and subject is not None
                    and (event.speaker.entity is subject.entity)
                ):
                    q.speaker = subject
                    break
        if q.kind == "direct" and q.speaker is not None:
            previous = q


def _last_speaker(q: Quote, previous: Quote | None, sentences, events_by_sentence):
    """The most recent speaker before quotation ``q``, within its paragraph and the one before."""
    paragraph = sentences[q.sentence].paragraph
    best: tuple[int, Mention | None] = (-1, None)
    if previous is not None and previous.speaker is not None:
        if paragraph - sentences[previous.sentence].paragraph <= 1:
            best = (previous.start, previous.speaker)
    for index in range(q.sentence, -1, -1):
        if sentences[index].paragraph < paragraph - 1 or index >= len(events_by_sentence):
            if sentences[index].paragraph < paragraph - 1:
                break
            continue
        for event in events_by_sentence[index]:
            if (
                event.category in SPEECH_CATEGORIES
                and event.speaker is not None
                and event.speaker.entity is not None
                and event.cue_start < q.start
                and event.cue_start > best[0]
            ):
                best = (event.cue_start, event.speaker)
    return best[1]


# --------------------------------------------------------------------------------------------
# Public functions


def quotes(article: Article, *, include_indirect: bool = True) -> pd.DataFrame:
    """Every quotation in ``article`` with its speaker and the verb that attributes it.

    One row per quotation, in text order, with columns ``quote_id, start, end, text, kind,
    speaker, speaker_start, speaker_end, cue, cue_start, cue_end, sentence_id``:

    - ``start``/``end``: for ``direct`` and ``partial`` quotations the span *includes the
      quotation marks* (and any punctuation inside them), so highlighting shows the marks; a
      quotation that a paragraph leaves open runs to the end of the paragraph, and its
      continuation in the next paragraph is a row of its own. For ``indirect`` speech the span is
      the reported clause ("the talks were useful"), without "that" and the closing period.
      Bracketed insertions ("[ISIS]") and ellipses stay inside the quotation.
    - ``text``: ``article.text[start:end]``.
    - ``kind``: ``direct`` (a whole statement in marks), ``partial`` (quoted words inside the
      writer's sentence, scare quotes included) or ``indirect`` (reported speech, no marks).
    - ``speaker``: who is quoted, resolved: a person's full name as first given ("John Kerry"
      for "He" or "Kerry"), an institution's name ("Russian Foreign Ministry"), or a vague
      source as written ("Russian officials"); ``None`` when the article names no one.
    - ``speaker_start``/``speaker_end``: the mention in the text ("He", "Kerry"); for a
      quotation that continues an earlier one, the mention that attributed the earlier one.
    - ``cue``/``cue_start``/``cue_end``: the verb of saying ("declared", "told", "according to")
      or ``None`` (continuations, scare quotes).
    - ``sentence_id``: the sentence where the quotation starts (``None`` in the headline).

    ``include_indirect=False`` leaves indirect speech out.
    """
    rows = []
    sentence_rows = article.sentences
    sentence_starts = sentence_rows["start"].tolist()
    sentence_ends = sentence_rows["end"].tolist()
    sentence_ids = sentence_rows["sentence_id"].tolist()

    def sentence_at(offset: int) -> str | None:
        k = bisect.bisect_right(sentence_starts, offset) - 1
        return sentence_ids[k] if k >= 0 and offset < sentence_ends[k] else None

    for q in _analyse(article):
        if q.kind == "indirect" and not include_indirect:
            continue
        speaker = q.speaker.entity.name if q.speaker and q.speaker.entity else None
        rows.append(
            {
                "start": q.start,
                "end": q.end,
                "text": article.text[q.start : q.end],
                "kind": q.kind,
                "speaker": speaker,
                "speaker_start": q.speaker.start if speaker else None,
                "speaker_end": q.speaker.end if speaker else None,
                "cue": q.cue.cue if q.cue else None,
                "cue_start": q.cue.cue_start if q.cue else None,
                "cue_end": q.cue.cue_end if q.cue else None,
                "sentence_id": sentence_at(q.start),
            }
        )
    frame = pd.DataFrame(rows, columns=COLUMNS[1:])
    frame.insert(0, "quote_id", [f"q{i}" for i in range(1, len(frame) + 1)])
    # missing values are None (not NaN), and offsets stay Python ints
    for column in ("speaker_start", "speaker_end", "cue_start", "cue_end"):
        frame[column] = pd.Series(
            [None if pd.isna(v) else int(v) for v in frame[column]], index=frame.index, dtype=object
        )
    for column in ("speaker", "cue", "sentence_id"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame.astype({"start": "int64", "end": "int64"})


SOURCE_COLUMNS = [
    "speaker", "source_type", "named", "direct", "partial", "indirect", "quotes", "quoted_words",
]  # fmt: skip
QUOTED_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


def sources(article: Article, *, include_indirect: bool = True) -> pd.DataFrame:
    """Whose voice fills the article: one row per speaker found by :func:`quotes`.

    Columns ``speaker, source_type, named, direct, partial, indirect, quotes, quoted_words``:

    - ``source_type``: ``person``, ``institution`` (a ministry, a government, a capital used for
      its government), ``anonymous`` ("a senior official", "sources"), ``group`` ("critics",
      "residents"), ``media`` ("reports") or ``unknown``; quotations with no speaker at all are
      one row with ``speaker`` None and ``source_type`` ``none``.
    - ``named``: True for a named person or institution, False for vague and missing sources.
    - ``direct``, ``partial``, ``indirect``: how many quotations of each kind; ``quotes`` the total.
    - ``quoted_words``: words inside the speaker's direct and partial quotations (the words the
      article gives them verbatim).

    Rows are sorted by quoted words, then quotations, most first.
    ``include_indirect=False`` counts only direct and partial quotations.
    """
    table: dict[str | None, dict] = {}
    for q in _analyse(article):
        if q.kind == "indirect" and not include_indirect:
            continue
        entity = q.speaker.entity if q.speaker else None
        name = entity.name if entity else None
        row = table.setdefault(
            name,
            {
                "speaker": name,
                "source_type": entity.type if entity else "none",
                "named": bool(entity and entity.named),
                "direct": 0,
                "partial": 0,
                "indirect": 0,
                "quoted_words": 0,
            },
        )
        row[q.kind] += 1
        if q.kind != "indirect":
            row["quoted_words"] += len(QUOTED_WORD.findall(article.text[q.start : q.end]))
    frame = pd.DataFrame(list(table.values()), columns=[c for c in SOURCE_COLUMNS if c != "quotes"])
    frame.insert(6, "quotes", frame[["direct", "partial", "indirect"]].sum(axis=1))
    frame = frame.sort_values(["quoted_words", "quotes"], ascending=False, kind="stable")
    frame["speaker"] = frame["speaker"].astype(object).where(frame["speaker"].notna(), None)
    return frame.reset_index(drop=True)


CLAIM_COLUMNS = [
    "claim_id", "sentence_id", "start", "end", "text", "marker", "marker_start", "marker_end",
    "category", "note",
]  # fmt: skip


@lru_cache(maxsize=1)
def _unsourced_pattern() -> re.Pattern:
    # "evidence … surfaced" in the lexicon allows up to two words in between:
    # "evidence later surfaced that the Russians targeted anyone ..."
    parts = []
    for term in sorted(lexicon("attribution_unsourced"), key=len, reverse=True):
        words = [re.escape(w) for w in term.split() if w != "…"]
        gap = r"\s+(?:[\w’'\-]+\s+){0,2}?" if "…" in term else r"\s+"
        parts.append(f"(?P<t{len(parts)}>" + gap.join(words) + ")")
    return re.compile(r"(?<![\w’'\-])(?:" + "|".join(parts) + r")(?![\w’'\-])", re.IGNORECASE)


def unattributed_claims(article: Article) -> pd.DataFrame:
    """Sentences that assert something while hiding where it comes from.

    A sentence is listed when, outside any quotation, it uses a marker from
    ``kit/lexicons/attribution_unsourced.csv``: agentless evidence ("evidence later surfaced
    that ..."), passive attribution ("it is believed", "is said to"), hedging adverbs
    ("reportedly", "allegedly") or the writer's own certainty ("clearly", "in fact").
    One row per marker: ``claim_id, sentence_id, start, end, text`` (the sentence),
    ``marker, marker_start, marker_end`` (the words that hide the source), ``category, note``.
    A sentence can also carry attributed speech elsewhere; the marker shows which part has none.
    """
    terms = sorted(lexicon("attribution_unsourced"), key=len, reverse=True)
    info = lexicon("attribution_unsourced")
    pattern = _unsourced_pattern()
    masked = []
    for _, s, e in _blocks(article):
        masked += [(qs, qe) for qs, qe, _ in quotation_spans(article.text, s, e)]
    rows = []
    for row in article.sentences.itertuples(index=False):
        for match in pattern.finditer(article.text, row.start, row.end):
            if any(qs <= match.start() < qe for qs, qe in masked):
                continue
            term = terms[int(match.lastgroup[1:])]
            category, note = info[term]
            rows.append(
                {
                    "sentence_id": row.sentence_id,
                    "start": row.start,
                    "end": row.end,
                    "text": row.text,
                    "marker": match.group(),
                    "marker_start": match.start(),
                    "marker_end": match.end(),
                    "category": category,
                    "note": note,
                }
            )
    frame = pd.DataFrame(rows, columns=CLAIM_COLUMNS[1:])
    frame.insert(0, "claim_id", [f"c{i}" for i in range(1, len(frame) + 1)])
    return frame.astype({"start": "int64", "end": "int64", "marker_start": "int64",
                         "marker_end": "int64"})  # fmt: skip
