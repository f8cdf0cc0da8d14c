"""Sentence and word segmentation with character offsets, using NLTK offline.

The kit ships its own Punkt parameters in ``kit/nltk_data`` (see the README there) and puts that
folder on ``nltk.data.path`` when ``kit`` is imported, so ``nltk.sent_tokenize`` and
``nltk.word_tokenize`` also work in a student's own cells without any download.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import nltk
from nltk.tokenize.punkt import PunktLanguageVars, PunktSentenceTokenizer

NLTK_DATA = Path(__file__).parent / "nltk_data"


def use_bundled_nltk_data() -> None:
    """Put the kit's NLTK resources first on ``nltk.data.path`` (idempotent)."""
    folder = str(NLTK_DATA)
    if folder in nltk.data.path:
        nltk.data.path.remove(folder)
    nltk.data.path.insert(0, folder)


class NewsLanguageVars(PunktLanguageVars):
    """Punkt's English rules, taught that curly quotes and guillemets close a sentence too.

    Plain Punkt moves a closing straight quote (") back into the sentence it ends, but leaves a
    curly one (”) at the start of the next sentence. News copy uses curly quotes, so we add them.
    """

    re_boundary_realignment = re.compile(r"[\"'”’»)\]}]+?(?:\s+|(?=--)|$)", re.MULTILINE)


PUNKT_ENGLISH = NLTK_DATA / "tokenizers" / "punkt_tab" / "english"


@lru_cache(maxsize=1)
def sentence_starters() -> frozenset[str]:
    """Words that, capitalised after an abbreviation, start a new sentence (lower case)."""
    return frozenset(_lines(PUNKT_ENGLISH / "sent_starters.txt"))


@lru_cache(maxsize=1)
def sentence_splitter() -> PunktSentenceTokenizer:
    """The kit's Punkt sentence splitter, built once from the bundled parameters."""
    from nltk.tokenize.punkt import PunktParameters

    params = PunktParameters()
    params.abbrev_types = set(_lines(PUNKT_ENGLISH / "abbrev_types.txt"))
    params.sent_starters = set(sentence_starters())
    return PunktSentenceTokenizer(params, lang_vars=NewsLanguageVars())


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# Initials and dotted acronyms ("D.Y.", "H.W.", "F.B.I.") end a Punkt sentence unless listed as
# abbreviations. We join such a split back unless the next word starts a sentence: a capitalised
# word from sent_starters.txt ("... the F.B.I. The agency said"). So "Justice D.Y. Chandrachud
# said" and "works for the F.B.I. in Washington" stay one sentence each.
DOTTED = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
FIRST_WORD = re.compile(r"[\"“‘'(\[]*(\w+)")
# Punkt always ends a sentence at "?" or "!", also inside a quotation that the sentence goes on
# after: "“Why now?” he asked." We join the pieces back when the next one starts in lower case.
QUESTION_IN_QUOTES = re.compile(r"[?!][”’\"']+$")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Half-open ``(start, end)`` spans of the sentences in ``text[start:end]``, trimmed of white
    space. Offsets are into ``text``.

    >>> sentence_spans("Kerry met the U.S. envoy. Lavrov left.")
    [(0, 25), (26, 38)]
    """
    end = len(text) if end is None else end
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
        if spans and DOTTED.search(text, spans[-1][0], spans[-1][1]):
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
# "Russia’s", "9.5"); anything else that is not white space is a token of its own.
WORD = re.compile(r"\w+(?:[’'\-.]\w+)*\.?(?<=[A-Z]\.)|\w+(?:[’'\-.]\w+)*|[^\w\s]")


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Half-open spans of the words and punctuation marks in ``text[start:end]``.

    Offsets are into ``text``. Abbreviations with inner periods keep their final period ("U.S.").
    """
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in WORD.finditer(text, start, end)]
