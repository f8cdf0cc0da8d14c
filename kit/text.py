"""Sentence and word segmentation with character offsets, using NLTK offline.

The kit ships its own Punkt parameters in ``kit/nltk_data`` (see the README there) and puts that
folder first where NLTK looks for data when ``kit`` is imported, so ``nltk.sent_tokenize`` and
``nltk.word_tokenize`` also work in a student's own cells without any download.

NLTK itself is imported the first time a sentence is split, not with ``kit``: importing it takes
most of a second (it brings in SciPy), and a notebook's first cells (loading an article, showing
its paragraphs) do not need it.
"""

from __future__ import annotations

import os
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

NLTK_DATA = Path(__file__).parent / "nltk_data"


def use_bundled_nltk_data() -> None:
    """Put the kit's NLTK resources first where NLTK looks for data (idempotent).

    The folder goes first in the ``NLTK_DATA`` environment variable, which NLTK reads when it is
    imported, so this does not import NLTK. If NLTK is imported already, the folder also goes
    first on ``nltk.data.path``.
    """
    folder = str(NLTK_DATA)
    others = [entry for entry in os.environ.get("NLTK_DATA", "").split(os.pathsep) if entry]
    os.environ["NLTK_DATA"] = os.pathsep.join([folder, *(e for e in others if e != folder)])
    data = getattr(sys.modules.get("nltk"), "data", None)
    if isinstance(getattr(data, "path", None), list):
        if folder in data.path:
            data.path.remove(folder)
        data.path.insert(0, folder)


# Punkt's English rules, taught that curly quotes and guillemets close a sentence too: plain
# Punkt moves a closing straight quote (") back into the sentence it ends, but leaves a curly one
# (”) at the start of the next sentence. News copy uses curly quotes, so we add them.
BOUNDARY_REALIGNMENT = re.compile(r"[\"'”’»)\]}]+?(?:\s+|(?=--)|$)", re.MULTILINE)

PUNKT_ENGLISH = NLTK_DATA / "tokenizers" / "punkt_tab" / "english"


@lru_cache(maxsize=1)
def sentence_starters() -> frozenset[str]:
    """Words that, capitalised after an abbreviation, start a new sentence (lower case)."""
    return frozenset(_lines(PUNKT_ENGLISH / "sent_starters.txt"))


@lru_cache(maxsize=1)
def abbreviation_types() -> frozenset[str]:
    """Punkt's abbreviations (lower case, without the final period: "u.s", "mr")."""
    return frozenset(_lines(PUNKT_ENGLISH / "abbrev_types.txt"))


@lru_cache(maxsize=1)
def sentence_splitter() -> PunktSentenceTokenizer:
    """The kit's Punkt sentence splitter, built once from the bundled parameters (the first call
    imports NLTK)."""
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

    use_bundled_nltk_data()

    class NewsLanguageVars(PunktLanguageVars):
        re_boundary_realignment = BOUNDARY_REALIGNMENT

    class NewsSentenceTokenizer(PunktSentenceTokenizer):
        def text_contains_sentbreak(self, text: str) -> bool:
            known = certain_break(text, abbreviations, starters)
            return super().text_contains_sentbreak(text) if known is None else known

    params = PunktParameters()
    params.abbrev_types = set(abbreviation_types())
    params.sent_starters = set(sentence_starters())
    abbreviations = abbreviation_types()
    starters = sentence_starters()
    # certain_break relies on the kit's parameters having no collocations and no orthographic
    # statistics (Punkt consults those only for abbreviations, initials and numbers); with
    # parameters that have them, Punkt answers every question itself.
    if params.collocations or params.ortho_context:
        return PunktSentenceTokenizer(params, lang_vars=NewsLanguageVars())
    return NewsSentenceTokenizer(params, lang_vars=NewsLanguageVars())


# Punkt asks, at each "." "?" or "!" followed by white space and a word (or by a closing quote or
# bracket), whether the context (the word before, the mark, what follows) holds a sentence
# break, and answers by tokenizing and annotating the context: most of its time. With the kit's
# parameters (abbreviations and sentence starters, no collocations, no orthographic statistics)
# the answer is certain in the common cases, and certain_break gives it:
# - "?" and "!" always break;
# - a period after a word of letters ("said", "al-Assad", "Russia’s", "F.B.I.") that is not an
#   abbreviation breaks: it is neither an abbreviation, an initial nor a number, the only cases
#   where Punkt looks at the next word;
# - after an abbreviation ("U.S.", "Sept.") and a plain next word, Punkt breaks when the next word
#   is a capitalised sentence starter ("The");
# - after a number ("2010.") and a plain next word, it breaks when the next word is capitalised.
# Any other context (initials, ellipses, a number before a quote ...) goes to Punkt.
END_CONTEXT = re.compile(r"(\S*?)([.?!])(?:[ \t\n\r\f\v]+(\S+)|([)\";}\]*:@'({\[‘’“”«»?!]))")
JOINED_WORD = re.compile(r"[^\W\d_]{2,}|[^\W\d_]+(?:[-’'][^\W\d_]+)+")
DOTTED_WORD = re.compile(r"[A-Za-z]{2,}|[A-Za-z]+(?:\.[A-Za-z]+)+")
NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
NEXT_WORD = re.compile(r"([A-Za-z]+)[,;:]?")
APOSTROPHE = re.compile(r"[’']")


def certain_break(
    context: str, abbreviations: frozenset[str], starters: frozenset[str]
) -> bool | None:
    """Whether Punkt finds a sentence break in ``context`` (see above), or None when the answer
    is not certain without Punkt."""
    match = END_CONTEXT.fullmatch(context)
    if match is None:
        return None
    before, mark, after, closing = match.groups()
    if mark != ".":
        return True
    word = before.lower()
    if after is not None and DOTTED_WORD.fullmatch(before) and word in abbreviations:
        following = NEXT_WORD.fullmatch(after)
        if following is None:
            return None
        return following.group(1)[0].isupper() and following.group(1).lower() in starters
    if JOINED_WORD.fullmatch(before) or DOTTED_WORD.fullmatch(before):
        # Punkt's token is the word from its last apostrophe on ("’s." in "Russia’s."); it is an
        # abbreviation if it, or its last hyphenated part, is one.
        token = APOSTROPHE.split(word)[-1]
        candidates = {word, token, word.rsplit("-", 1)[-1], token.rsplit("-", 1)[-1]}
        return None if candidates & abbreviations else True
    if after is not None and NUMBER.fullmatch(before):
        if after[0].isupper():
            return True
        return False if NEXT_WORD.fullmatch(after) else None
    return None


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# Initials and dotted acronyms ("D.Y.", "H.W.", "F.B.I.") end a Punkt sentence unless listed as
# abbreviations. We join such a split back unless the next word starts a sentence: a capitalised
# word from sent_starters.txt ("... the F.B.I. The agency said"). So "Justice D.Y. Chandrachud
# said" and "works for the F.B.I. in Washington" stay one sentence each.
DOTTED = re.compile(r"(?:\b[A-Za-z]\.){2,}$")


def _ends_dotted(text: str, start: int, end: int) -> bool:
    # A quick look at the last three characters ("S.", "I.") first: DOTTED reads the whole span.
    return (
        end - start >= 4
        and text[end - 1] == "."
        and text[end - 3] == "."
        and DOTTED.search(text, start, end) is not None
    )


FIRST_WORD = re.compile(r"[\"“‘'(\[]*(\w+)")
# Punkt always ends a sentence at "?" or "!", also inside a quotation that the sentence goes on
# after: "“Why now?” he asked." We join the pieces back when the next one starts in lower case.
QUESTION_IN_QUOTES = re.compile(r"[?!][”’\"']+$")


# Punkt only considers a break after ".", "?" or "!" with something after it. A text without one
# (a one-sentence paragraph ending in a period, say) is one sentence: we say so without asking
# Punkt, which takes far longer to find no break.
SENTENCE_END_INSIDE = re.compile(r"[.?!].", re.DOTALL)


def _one_sentence(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Half-open ``(start, end)`` spans of the sentences in ``text[start:end]``, trimmed of white
    space. Offsets are into ``text``.

    >>> sentence_spans("Kerry met the U.S. envoy. Lavrov left.")
    [(0, 25), (26, 38)]
    """
    end = len(text) if end is None else end
    if not SENTENCE_END_INSIDE.search(text, start, end):
        return _one_sentence(text, start, end)
    chunk = text if (start, end) == (0, len(text)) else text[start:end]
    spans: list[tuple[int, int]] = []
    starters = sentence_starters()
    for s, e in sentence_splitter().span_tokenize(chunk):
        s += start
        e += start
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            continue
        if spans and _ends_dotted(text, *spans[-1]):
            word = FIRST_WORD.match(text, s, e)
            if word and not (word.group(1)[0].isupper() and word.group(1).lower() in starters):
                spans[-1] = (spans[-1][0], e)
                continue
        if spans and text[s].islower() and QUESTION_IN_QUOTES.search(text, *spans[-1]):
            spans[-1] = (spans[-1][0], e)
            continue
        spans.append((s, e))
    return spans


# A word is letters/digits with inner apostrophes, hyphens, periods ("U.S.", "al-Assad",
# "Russia’s", "9.5"); anything else that is not white space is a token of its own. The first two
# alternatives are shortcuts for the common tokens (a word with no apostrophe, hyphen or period
# after it; a punctuation mark) that give what the last two would: they only save time.
WORD = re.compile(
    r"\w++(?![’'\-.])|[^\w\s]"
    r"|\w+(?:[’'\-.]\w+)*\.?(?<=[A-Z]\.)|\w+(?:[’'\-.]\w+)*"
)
# The same, as a separator for re.split, which hands back words and gaps as strings (faster than
# a match object per word).
WORD_SEPARATOR = re.compile(f"({WORD.pattern})")


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Half-open spans of the words and punctuation marks in ``text[start:end]``.

    Offsets are into ``text``. Abbreviations with inner periods keep their final period ("U.S.").
    """
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in WORD.finditer(text, start, end)]


class Words(NamedTuple):
    """The words of several spans: ``starts``, ``ends`` (NumPy arrays) and ``texts``, one entry
    per word, and ``first``: the words of span ``i`` are entries ``first[i]:first[i + 1]``."""

    starts: np.ndarray
    ends: np.ndarray
    texts: list[str]
    first: list[int]


def words_of_spans(text: str, spans: list[tuple[int, int]]) -> Words:
    """The words of several spans of ``text`` (sentences, say: sorted and not overlapping), found
    in one pass: the same words as :func:`word_spans` over each span.

    >>> words = words_of_spans("They met. Lavrov left.", [(0, 9), (10, 22)])
    >>> words.texts, words.first
    (['They', 'met', '.', 'Lavrov', 'left', '.'], [0, 3, 6])
    """
    if not spans:
        return Words(np.zeros(0, np.int64), np.zeros(0, np.int64), [], [0])
    begin = spans[0][0]
    parts = WORD_SEPARATOR.split(text[begin : spans[-1][1]])  # gap, word, gap, word, ..., gap
    lengths = np.fromiter(map(len, parts), np.int64, len(parts))
    ends = np.cumsum(lengths)[1::2] + begin
    starts = ends - lengths[1::2]
    texts = parts[1::2]
    bounds = np.array(spans, dtype=np.int64).reshape(-1, 2)
    # The span each word starts in; a word is the span's when it starts and ends inside it. A word
    # that runs over a span's end, or from a gap into a span, would be cut differently by
    # word_spans: then each span is tokenized on its own.
    owner = np.searchsorted(bounds[:, 0], starts, side="right") - 1
    owner_end = bounds[owner, 1]
    inside = starts < owner_end
    following = np.append(bounds[1:, 0], len(text))[owner]
    if np.any(inside & (ends > owner_end)) or np.any(~inside & (ends > following)):
        return _words_span_by_span(text, spans)
    if not inside.all():
        starts, ends, owner = starts[inside], ends[inside], owner[inside]
        texts = [word for word, keep in zip(texts, inside.tolist()) if keep]
    first = np.searchsorted(owner, np.arange(len(spans) + 1), side="left").tolist()
    return Words(starts, ends, texts, first)


def _words_span_by_span(text: str, spans: list[tuple[int, int]]) -> Words:
    found, first = [], [0]
    for start, end in spans:
        found.extend(word_spans(text, start, end))
        first.append(len(found))
    starts = np.array([s for s, _ in found], dtype=np.int64)
    ends = np.array([e for _, e in found], dtype=np.int64)
    return Words(starts, ends, [text[s:e] for s, e in found], first)
