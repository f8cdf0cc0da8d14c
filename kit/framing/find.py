"""Framing, step 4: :func:`markers`, one pass over an article that puts the steps together.

For each region (the headline, then each paragraph) it finds the quotations, walks the words once
to match lexicon terms (:mod:`kit.framing.words`, checked by :mod:`kit.framing.context`), and adds
the markers found by sentence shape (:mod:`kit.framing.structures`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import numpy as np
import pandas as pd

from kit.article import Article
from kit.framing import context, structures, words
from kit.framing.categories import ROLES
from kit.framing.words import WORD

COLUMNS = ["start", "end", "text", "category", "note", "sentence_id", "role"]
QUOTED_NOTE = " (Inside a quotation: the speaker's word, which the writer chose to print.)"
AGENTLESS_NOTE = "A passive with no 'by ...': who did it is left out."
SCARE_NOTE = (
    "A short quotation with no speaker named: the marks hold the words at a distance "
    "(whose words? meant ironically?)."
)
INSERTION_NOTE = (
    "Square brackets: the writer's words placed inside a quotation, telling you how to read "
    "the speaker."
)
# A term never starts right after a hyphen or an apostrophe, i.e. in the middle of a word.
INSIDE_WORD = "-‐‑’'"

Hit = tuple[int, int, str, str, str]  # start, end, category, note, role


def lexicon_hits(text: str, start: int, end: int, index: words.Index) -> Iterable[Hit]:
    """The longest lexicon term at each word start of ``text[start:end]``, left to right,
    without overlaps, kept only where its context rule agrees.

    >>> from kit.framing.words import compiled, entries, lexicon
    >>> index = compiled(entries(lexicon()))
    >>> text = "In a toast, Kerry slammed the regime."
    >>> [text[s:e] for s, e, *_ in lexicon_hits(text, 0, len(text), index)]
    ['slammed', 'regime']
    """
    position = start
    terms = index.terms
    for word in index.candidates.finditer(text, start, end):
        word_start = word.start()
        if word_start < position:
            continue
        if word_start > 0 and text[word_start - 1] in INSIDE_WORD:
            continue  # "so-called" holds no reporting verb "called"; "Russia’s" no word "s"
        following = None
        for pattern, second, capitals, checked, term, category, note, use, role in terms[
            word.group().lower()
        ]:
            if pattern is None:  # a one-word term: the word itself, capitals checked
                if capitals is not None and word.group()[1:] != capitals:
                    continue
                found_start, found_end = word_start, word.end()
            else:
                if following is None:
                    after = WORD.search(text, word.end(), min(end, word.end() + 40))
                    following = after.group().lower() if after else ""
                if following != second:
                    continue
                found = pattern.match(text, word_start, end)
                if not found:
                    continue
                found_start, found_end = found.start(), found.end()
            if checked and not context.fires(term, use, text, found_start, found_end):
                continue
            yield found_start, found_end, category, note, role
            position = found_end
            break


def _regions(article: Article) -> list[tuple[int, int]]:
    """The spans the markers read: the headline and the paragraphs (not photo credits)."""
    regions = [article.headline_span] if article.headline_span else []
    return regions + list(article.paragraph_spans)


def _scan(
    text: str, regions: list[tuple[int, int]], index: words.Index, neutral_verbs: bool
) -> tuple[list[Hit], list[tuple[int, int]], list[int]]:
    """Lexicon and passive markers of every region, the quotations, and where verbs of saying
    stand (neutral ones included: they name a speaker, which rules out a scare quote)."""
    rows: list[Hit] = []
    quoted: list[tuple[int, int]] = []
    verb_starts: list[int] = []
    adjectives = structures.not_passive()
    for region_start, region_end in regions:
        region_quotes = structures.quotations(text, region_start, region_end)
        quoted += region_quotes
        for hit in lexicon_hits(text, region_start, region_end, index):
            if hit[2] in ("reporting_verb", words.NEUTRAL_VERB):
                verb_starts.append(hit[0])
            if hit[2] == words.NEUTRAL_VERB and neutral_verbs:
                rows.append((hit[0], hit[1], "reporting_verb", hit[3], hit[4]))
            elif hit[2] not in (words.NEUTRAL, words.NEUTRAL_VERB):
                rows.append(hit)
        for s, e in structures.agentless_passives(text, region_start, region_end, adjectives):
            rows.append((s, e, "agentless", AGENTLESS_NOTE, ROLES["agentless"]))
        for s, e in structures.insertions(text, region_start, region_end, region_quotes):
            rows.append((s, e, "insertion", INSERTION_NOTE, ROLES["insertion"]))
    return rows, quoted, verb_starts


def _sentence_table(article: Article) -> tuple[list[int], list[int], list[str | None]]:
    """Starts, ends and ids of the pieces a marker can sit in: the headline, then sentences."""
    spans = article.sentence_spans
    starts, ends = [s for s, _, _ in spans], [e for _, e, _ in spans]
    ids: list[str | None] = [i for _, _, i in spans]
    if article.headline_span:
        starts, ends, ids = [article.headline_span[0], *starts], [article.headline_span[1],
                                                                  *ends], [None, *ids]  # fmt: skip
    return starts, ends, ids


def _scare_quotes(
    text: str, pieces: tuple[list[int], list[int], list], quoted: list[tuple[int, int]],
    verb_starts: list[int],
) -> list[Hit]:  # fmt: skip
    """Short quotations in sentences where no verb of saying names a speaker."""
    quote_starts = [s for s, _ in quoted]
    rows = []
    done = set()
    for s, _ in quoted:
        piece = bisect.bisect_right(pieces[0], s) - 1
        if piece < 0 or piece in done:
            continue
        done.add(piece)
        p_start, p_end = pieces[0][piece], pieces[1][piece]
        short = structures.short_quotations(text, p_start, p_end, quoted)
        if short and not structures.names_a_speaker(p_start, p_end, verb_starts, quoted,
                                                    quote_starts):  # fmt: skip
            rows += [(qs, qe, "scare_quote", SCARE_NOTE, ROLES["scare_quote"]) for qs, qe in short]
    return rows


def _table(rows: list[tuple], sentence_ids: list[str | None]) -> pd.DataFrame:
    """The markers as a DataFrame with :data:`COLUMNS`, built once from plain lists: the text
    columns as one block of Python objects (no per-column type guessing), then the offsets."""
    size = len(rows)
    texts = np.empty((size, 5), dtype=object)
    for column, field in enumerate((2, 3, 4)):  # text, category, note
        texts[:, column] = np.fromiter((r[field] for r in rows), dtype=object, count=size)
    texts[:, 3] = np.fromiter(sentence_ids, dtype=object, count=size)
    texts[:, 4] = np.fromiter((r[5] for r in rows), dtype=object, count=size)
    frame = pd.DataFrame(texts, columns=COLUMNS[2:], dtype=object, copy=False)
    frame.insert(0, "start", np.fromiter((r[0] for r in rows), dtype="int64", count=size))
    frame.insert(1, "end", np.fromiter((r[1] for r in rows), dtype="int64", count=size))
    return frame


def markers(
    article: Article,
    *,
    categories: Iterable[str] | None = None,
    lexicon: pd.DataFrame | None = None,
    neutral_verbs: bool = False,
    quotations: bool = True,
) -> pd.DataFrame:
    """Find the framing markers of ``article``: one row per marker, in text order.

    Columns: ``start, end, text, category, note, sentence_id, role`` (``text ==
    art.text[start:end]``; ``sentence_id`` is ``None`` for the headline). Categories are listed
    in ``CATEGORIES``. ``role`` is ``"loaded"`` for loaded language (naming, evaluative,
    intensifier, reporting_verb, scare_quote: what counts towards "how loaded") or
    ``"structure"`` for the writer's structure (emphasis, hedge, contrast, agentless, insertion);
    see ``ROLES``.

    Options: ``categories`` keeps only these; ``lexicon`` replaces the word lists (a DataFrame
    like :func:`kit.framing.lexicon`'s); ``neutral_verbs=True`` also flags neutral reporting
    verbs ("said"); ``quotations=False`` drops markers inside quotation marks, keeping the
    writer's own words only (by default they are kept, and their note says they are someone's).

    >>> import kit
    >>> art = kit.Article.from_text("Critics slammed the reckless plan. Yet the vote went ahead.")
    >>> markers(art)[["text", "category", "role"]].values.tolist()
    [['slammed', 'reporting_verb', 'loaded'], ['reckless', 'evaluative', 'loaded'], \
['Yet', 'contrast', 'structure']]
    """
    text = article.text
    if lexicon is None:
        index = words.default_index()
    else:
        index = words.compiled(words.entries(lexicon, neutral_verbs=True))
    rows, quoted, verb_starts = _scan(text, _regions(article), index, neutral_verbs)
    quoted.sort()
    verb_starts.sort()
    pieces = _sentence_table(article)
    rows += _scare_quotes(text, pieces, quoted, verb_starts)
    rows = sorted(set(rows), key=lambda r: (r[0], -r[1], r[2]))
    if categories is not None:
        wanted = set(categories)
        rows = [r for r in rows if r[2] in wanted]
    quote_starts = [s for s, _ in quoted]
    out = []
    for s, e, category, note, role in rows:
        where = bisect.bisect_right(quote_starts, s) - 1
        inside = where >= 0 and quoted[where][0] < s and e <= quoted[where][1]
        if inside and category not in ("scare_quote", "insertion"):
            if not quotations:
                continue
            note += QUOTED_NOTE
        out.append((s, e, text[s:e], category, note, role))
    return _table(out, _sentence_ids(pieces, [r[0] for r in out]))


def _sentence_ids(pieces: tuple[list[int], list[int], list], offsets: list[int]) -> list:
    """The sentence id holding each offset (``None`` in the headline or outside the body)."""
    starts, ends, ids = pieces
    found = []
    for offset in offsets:
        i = bisect.bisect_right(starts, offset) - 1
        found.append(ids[i] if i >= 0 and offset < ends[i] else None)
    return found
