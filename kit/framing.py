"""Framing: the words and structures that steer a reading, found with readable rules.

    import kit.framing as framing
    framing.markers(art)                # one row per marker (start, end, text, category, ...)
    framing.concordance(art, "crisis")  # every "crisis" with its left and right context
    framing.headline_vs_body(art)       # the headline's markers against the body's
    framing.compare([a, b, c])          # markers per 1,000 words, per category, side by side

Most markers come from word lists in ``kit/lexicons/`` (CSV files with ``term, category, note``),
so a teacher can add a word without touching code and a student can read why a word is flagged:

=================  ===========================  ==================================================
category           lexicon                      example from a news sentence
=================  ===========================  ==================================================
naming             framing_naming.csv           "the 2014 **annexation** of Crimea"
evaluative         framing_evaluative.csv       "They are the **worst** of terrorists."
intensifier        framing_intensifiers.csv     "a **very** constructive discussion"
hedge              framing_hedges.csv           "**I think** the world benefits"
reporting_verb     reporting_verbs.csv          "Lavrov **dismissed** the suggestion."
contrast           framing_contrast.csv         "**Yet**, the next day, Putin ordered airstrikes."
agentless          framing_agentless.csv        "evidence later **surfaced**"
=================  ===========================  ==================================================

Three more categories come from rules written out below, each with its example:
``agentless`` passives ("civilians **were killed**" with no "by ..."), ``scare_quote`` (a quotation
of one to four words in a sentence that names no speaker: a **“very constructive”** discussion) and
``insertion`` (words in square brackets that the writer put inside someone's quotation: "this
**[ISIS]** is a threat").

The reporting-verb list is shared with :mod:`kit.attribution`; verbs it calls neutral ("said")
are left out of the markers unless ``neutral_verbs=True``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

import pandas as pd
from nltk.text import ConcordanceIndex

from kit import lexicons
from kit.article import Article
from kit.text import word_spans

COLUMNS = ["start", "end", "text", "category", "note", "sentence_id"]

# What each category means, in the words the notebook shows a student.
CATEGORIES = {
    "naming": "contested names: the word chosen for a place, group or event takes a side",
    "evaluative": "evaluative and emotive words: a verdict or a feeling, not a fact",
    "intensifier": "intensifiers and boosters: words that turn up the force of a claim",
    "hedge": "hedges: words that soften a claim or leave it unowned",
    "reporting_verb": "reporting verbs with a connotation: how the writer colours what was said",
    "contrast": "contrast and concession markers: where the writer's own voice turns the story",
    "agentless": "agentless happenings and passives: something happens, and no one does it",
    "scare_quote": "scare quotes: short quoted words with no speaker, held at arm's length",
    "insertion": "bracketed insertions: the writer's words inside someone else's quotation",
}

FRAMING_LEXICONS = (
    "framing_naming.csv",
    "framing_evaluative.csv",
    "framing_intensifiers.csv",
    "framing_hedges.csv",
    "framing_contrast.csv",
    "framing_agentless.csv",
)
REPORTING_VERBS = "reporting_verbs.csv"


# --------------------------------------------------------------------------------------------
# Lexicons


def _read_csv(name: str) -> list[dict]:
    """The rows of one word list, each tagged with the file it came from."""
    if not lexicons.path(name).is_file():
        return []
    return [{**row, "lexicon": name} for row in lexicons.read(name)]


def lexicon(*, reporting_verbs: bool = True) -> pd.DataFrame:
    """All the words the marker rules look for: ``term, category, note, lexicon``.

    The framing lists are read from ``kit/lexicons/framing_*.csv``; reporting verbs from the
    shared ``reporting_verbs.csv``, where ``category`` is the verb's connotation (the marker
    category is then ``reporting_verb``). Edit a CSV, or pass your own DataFrame to
    :func:`markers` as ``lexicon=``, to change what is flagged.
    """
    rows = [row for name in FRAMING_LEXICONS for row in _read_csv(name)]
    if reporting_verbs:
        for row in _read_csv(REPORTING_VERBS):
            connotation = row["category"] or "unlabelled"
            note = f"{connotation}: {row['note']}" if row["note"] else connotation
            rows.append({**row, "category": "reporting_verb", "note": note,
                         "connotation": connotation})  # fmt: skip
    return pd.DataFrame(rows, columns=["term", "category", "note", "lexicon", "connotation"])


_load_lexicon = lexicon  # markers() has an option called ``lexicon``


# A word for matching: letters and digits only, so "pro-Russian" starts at "pro" and
# "Russia’s" at "Russia". Whole words only: "Crimea" never starts a match for "crime".
WORD = re.compile(r"\w+")


def _term_pattern(term: str) -> re.Pattern:
    """The regex for one lexicon term, anchored to where a word starts.

    Spaces match any run of white space (line breaks, non-breaking spaces); an apostrophe matches
    straight or curly. A term written with a capital letter ("Kiev", "the West", "ISIS") keeps its
    capitals, except the first letter (so "The West" at a sentence start still matches); a term
    in lower case matches in any case ("Crisis", "CRISIS").
    """
    body = re.escape(term)
    body = body.replace(r"\ ", r"\s+").replace("'", "['’]").replace("’", "['’]")
    if any(ch.isupper() for ch in term):
        first = re.escape(term[0])
        rest = body[len(first) :]
        body = f"(?i:{first}){rest}"
        flags = 0
    else:
        flags = re.IGNORECASE
    return re.compile(body + r"(?!\w)", flags)


@lru_cache(maxsize=8)
def _compiled(entries: tuple[tuple[str, str, str], ...]) -> dict[str, list]:
    """Index the terms by their first word (lower case), longest term first."""
    index: dict[str, list] = {}
    for term, category, note in entries:
        first = WORD.search(term)
        if not first:
            continue
        index.setdefault(first.group().lower(), []).append((term, category, note))
    return {
        word: [(_term_pattern(t), t, c, n) for t, c, n in sorted(terms, key=lambda x: -len(x[0]))]
        for word, terms in index.items()
    }


def _entries(frame: pd.DataFrame, neutral_verbs: bool) -> tuple[tuple[str, str, str], ...]:
    """The (term, category, note) triples to look for; neutral reporting verbs only on request."""
    connotations = (
        frame["connotation"].tolist() if "connotation" in frame.columns else [None] * len(frame)
    )
    rows = []
    for term, category, note, connotation in zip(
        frame["term"].tolist(), frame["category"].tolist(), frame["note"].tolist(), connotations,
        strict=True,
    ):  # fmt: skip
        if category == "reporting_verb" and not neutral_verbs:
            if str(connotation or "").lower().startswith("neutral"):
                continue
        rows.append((str(term), str(category), str(note)))
    return tuple(rows)


# --------------------------------------------------------------------------------------------
# Rules that keep a listed word from firing where it means something else.
# Each gets the text, the match's start and end, and answers "is this really the marker?".


def _words_before(text: str, start: int, count: int) -> list[str]:
    return [w.lower() for w in WORD.findall(text[max(0, start - 60) : start])][-count:]


def _but_is_contrast(text: str, start: int, end: int) -> bool:
    # "It leaves no choice but to fight", "nothing but talk": here "but" means "except".
    before = _words_before(text, start, 3)
    return not any(w in ("no", "nothing", "none", "anything", "all", "everything") for w in before)


def _but_also_is_not_contrast(text: str, start: int, end: int) -> bool:
    # "not only in Syria but also in Ukraine" adds; it does not turn the sentence.
    return _but_is_contrast(text, start, end) and not re.match(r"\s+also\b", text[end : end + 8])


def _though_is_concession(text: str, start: int, end: int) -> bool:
    # "Though talks failed, ..." concedes; "as though nothing happened" compares.
    return _words_before(text, start, 1) != ["as"]


def _the_west_is_a_bloc(text: str, start: int, end: int) -> bool:
    # "the West wants him to go" is the bloc; "the West Bank" and "the West Wing" are places.
    return not re.match(
        r"\s+(Bank|Wing|Coast|End|Side|Point|Virginia|African)\b", text[end : end + 12]
    )


def _yet_is_contrast(text: str, start: int, end: int) -> bool:
    # "Yet, the next day, Putin ordered airstrikes." is a contrast;
    # "talks have not yet begun" and "has yet to reply" are about time.
    if re.match(r"\s+to\b", text[end : end + 4]):
        return False
    head = text[max(0, start - 12) : start].rstrip()
    return head == "" or head[-1] in '.!?;:,—–(\n"“' or bool(re.search(r"\b(and|but)$", head))


def _may_is_hedge(text: str, start: int, end: int) -> bool:
    # "Talks may resume" is a hedge; "in May 2014" and "Theresa May" are not.
    if text[start] == "M":
        head = text[max(0, start - 3) : start].rstrip()
        at_sentence_start = head == "" or head[-1] in '.!?\n"“'
        if not at_sentence_start or re.match(r"\s+\d", text[end : end + 3]):
            return False
    return True


def _real_is_intensifier(text: str, start: int, end: int) -> bool:
    # "real progress" boosts; "Real Madrid" and "real estate" do not.
    return not re.match(r"\s+(estate|Madrid|time)\b", text[end : end + 10])


def _reports_speech(text: str, start: int, end: int) -> bool:
    # Verbs of force work as reporting verbs only when they frame words:
    # "Lavrov attacked Washington for its double standards" (speech, flagged) against
    # "They attack culture and history" (violence, not a reporting verb here).
    return bool(
        re.match(r"(?:\W+\w+){0,5}?\W+(as|for|over)\b|\s*[,:]?\s*[“\"]", text[end : end + 60])
    )


GUARDS = {
    "but": _but_also_is_not_contrast,
    "though": _though_is_concession,
    "the west": _the_west_is_a_bloc,
    "yet": _yet_is_contrast,
    "may": _may_is_hedge,
    "real": _real_is_intensifier,
    **{
        verb: _reports_speech
        for stem in ("attack", "blast", "slam")
        for verb in (stem, stem + "s", stem + "ed", stem + "ing", stem + "med", stem + "ming")
    },
}


# --------------------------------------------------------------------------------------------
# Rule: agentless passive. A form of "be" (or "get"), an optional adverb, then a past participle,
# with no "by ..." before the clause ends. "Civilians were killed in the strike." fires;
# "Civilians were killed by Russian jets." and "He was tired." do not.

PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|got|gets|get)\s+(?:\w+ly\s+)?"
    r"(?P<participle>\w+ed|killed|hit|shot|struck|taken|driven|beaten|thrown|caught|held|"
    r"seized|sent|shown|brought|overthrown|shot\s+down|blown\s+up|left|lost|won|built|made)\b",
    re.IGNORECASE,
)
# Participles that usually work as adjectives after "be" ("he was tired", "it is based on").
NOT_PASSIVE = {
    "tired", "concerned", "interested", "worried", "pleased", "satisfied", "surprised",
    "disappointed", "prepared", "supposed", "used", "based", "located", "scheduled",
    "determined", "committed", "involved", "related", "united", "allied", "armed", "advanced",
    "limited", "detailed", "experienced", "complicated", "qualified", "needed", "red", "bed",
    "ed", "shed", "need", "indeed", "agreed", "embed", "proceed", "succeed", "exceed", "feed",
    "speed", "seed", "weed", "bleed", "breed", "freed", "opposed", "reported", "expected",
    "scared", "excited", "married", "dressed", "entitled", "aged", "talented", "skilled",
}  # fmt: skip
CLAUSE_END = re.compile(r"[.;:!?,—–\n]")


def _agentless_passives(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    for match in PASSIVE.finditer(text, start, end):
        if match.group("participle").lower() in NOT_PASSIVE:
            continue
        rest = text[match.end() : end]
        stop = CLAUSE_END.search(rest)
        clause = rest[: stop.start()] if stop else rest
        if re.search(r"\bby\b", clause[:80], re.IGNORECASE):
            continue
        yield match.start(), match.end()


# --------------------------------------------------------------------------------------------
# Rules on quotation marks.

# A quotation: curly double, straight double, or curly single quotes (‘…’, not an apostrophe).
QUOTATION = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"|‘[^‘’\n]*’(?!\w)")
# Square brackets the writer puts inside someone's words: "this [ISIS] is a threat".
BRACKETS = re.compile(r"\[[^\[\]\n]{1,60}\]")
SCARE_MAX_WORDS = 4


def _quotation_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotations in ``text[start:end]``, including an opening mark with no closing one."""
    spans = [(m.start(), m.end()) for m in QUOTATION.finditer(text, start, end)]
    # A paragraph that opens a curly quotation and never closes it is quoted to its end.
    opened = text.rfind("“", start, end)
    if opened >= 0 and text.find("”", opened, end) < 0:
        if not any(s <= opened < e for s, e in spans):
            spans.append((opened, end))
    return sorted(spans)


def _scare_quotes(
    text: str, start: int, end: int, quotations: list[tuple[int, int]], verb_index: dict
) -> Iterable[tuple[int, int]]:
    """Short quotations (1 to 4 words) in a sentence that names no speaker.

    "They held a “very constructive” discussion." fires: no one is said to have said it.
    "Kerry said the talks were “very constructive”." does not: "said" names a speaker, so this is
    a partial quotation (attribution's business). Nor does a quotation that is the whole sentence.
    """
    first = bisect.bisect_left(quotations, (start, -1))
    inside = []
    for s, e in quotations[first:]:
        if s >= end:
            break
        if e <= end:
            inside.append((s, e))
    if not inside:
        return
    short = []
    for s, e in inside:
        words = WORD.findall(text[s + 1 : e - 1])
        whole = not text[start:s].strip(' "“‘') and not text[e:end].strip(' .,!?"”’')
        if 1 <= len(words) <= SCARE_MAX_WORDS and not whole:
            short.append((s, e))
    if not short:
        return
    for hit_start, _, _, _ in _lexicon_hits(text, start, end, verb_index):
        if not any(s <= hit_start < e for s, e in inside):
            return  # a reporting verb outside the quotation names a speaker
    yield from short


# --------------------------------------------------------------------------------------------
# Matching lexicon terms


# A term never starts right after a hyphen or an apostrophe, i.e. in the middle of a word.
INSIDE_WORD = "-‐‑’'"


def _lexicon_hits(text: str, start: int, end: int, index: dict) -> Iterable[tuple]:
    """Longest lexicon term at each word start, left to right, without overlaps."""
    position = start
    for word in WORD.finditer(text, start, end):
        if word.start() < position:
            continue
        if word.start() > 0 and text[word.start() - 1] in INSIDE_WORD:
            continue  # "so-called" holds no reporting verb "called"; "Russia’s" no word "s"
        for pattern, term, category, note in index.get(word.group().lower(), ()):
            found = pattern.match(text, word.start(), end)
            if not found:
                continue
            guard = GUARDS.get(term.lower())
            if guard and not guard(text, found.start(), found.end()):
                continue
            yield found.start(), found.end(), category, note
            position = found.end()
            break


def _regions(article: Article) -> list[tuple[int, int]]:
    """The spans the markers read: the headline and the paragraphs (not photo credits)."""
    regions = [article.headline_span] if article.headline_span else []
    return regions + list(article.paragraph_spans)


def _sentence_pieces(article: Article) -> list[tuple[int, int, str | None]]:
    """Sentences to scan: the headline as one piece, then every sentence of the body."""
    pieces = [(*article.headline_span, None)] if article.headline_span else []
    sentences = article.sentences
    pieces += list(zip(sentences["start"], sentences["end"], sentences["sentence_id"], strict=True))
    return pieces


QUOTED_NOTE = " (Inside a quotation: the speaker's word, which the writer chose to print.)"


def markers(
    article: Article,
    *,
    categories: Iterable[str] | None = None,
    lexicon: pd.DataFrame | None = None,
    neutral_verbs: bool = False,
    quotations: bool = True,
) -> pd.DataFrame:
    """Find the framing markers of ``article``: one row per marker, in text order.

    Columns: ``start, end, text, category, note, sentence_id`` (``text == art.text[start:end]``;
    ``sentence_id`` is ``None`` for the headline). Categories are listed in ``CATEGORIES``.

    Options: ``categories`` keeps only these; ``lexicon`` replaces the word lists (a DataFrame
    like :func:`lexicon`'s); ``neutral_verbs=True`` also flags neutral reporting verbs ("said");
    ``quotations=False`` drops markers inside quotation marks, keeping the writer's own words
    only (by default they are kept, and their note says they are someone's quoted words).
    """
    text = article.text
    words = lexicon if lexicon is not None else _load_lexicon()
    index = _compiled(_entries(words, neutral_verbs))
    verbs = words[words["category"] == "reporting_verb"]
    verb_index = _compiled(_entries(verbs, True))
    rows: list[tuple[int, int, str, str]] = []
    quoted: list[tuple[int, int]] = []
    for region_start, region_end in _regions(article):
        region_quotes = _quotation_spans(text, region_start, region_end)
        quoted += region_quotes
        for s, e, category, note in _lexicon_hits(text, region_start, region_end, index):
            rows.append((s, e, category, note))
        for s, e in _agentless_passives(text, region_start, region_end):
            rows.append((s, e, "agentless", "A passive with no 'by ...': who did it is left out."))
        for match in BRACKETS.finditer(text, region_start, region_end):
            if any(qs < match.start() < qe for qs, qe in region_quotes):
                rows.append((match.start(), match.end(), "insertion",
                             "Square brackets: the writer's words placed inside a quotation, "
                             "telling you how to read the speaker."))  # fmt: skip
    quoted.sort()
    for s_start, s_end, _ in _sentence_pieces(article):
        for s, e in _scare_quotes(text, s_start, s_end, quoted, verb_index):
            rows.append((s, e, "scare_quote",
                         "A short quotation with no speaker named: the marks hold the words at "
                         "a distance (whose words? meant ironically?)."))  # fmt: skip
    rows = sorted(set(rows), key=lambda r: (r[0], -r[1], r[2]))
    if categories is not None:
        wanted = set(categories)
        rows = [r for r in rows if r[2] in wanted]
    quote_starts = [s for s, _ in sorted(quoted)]
    quote_spans = sorted(quoted)
    out = []
    for s, e, category, note in rows:
        where = bisect.bisect_right(quote_starts, s) - 1
        inside = where >= 0 and quote_spans[where][0] < s and e <= quote_spans[where][1]
        if inside and category not in ("scare_quote", "insertion"):
            if not quotations:
                continue
            note += QUOTED_NOTE
        out.append((s, e, text[s:e], category, note))
    sentence_ids = _sentence_lookup(article, [r[0] for r in out])
    return pd.DataFrame(
        {
            "start": pd.Series([r[0] for r in out], dtype="int64"),
            "end": pd.Series([r[1] for r in out], dtype="int64"),
            "text": pd.Series([r[2] for r in out], dtype=object),
            "category": pd.Series([r[3] for r in out], dtype=object),
            "note": pd.Series([r[4] for r in out], dtype=object),
            "sentence_id": pd.Series(sentence_ids, dtype=object),
        },
        columns=COLUMNS,
    )


def _sentence_lookup(article: Article, offsets: list[int]) -> list[str | None]:
    """The sentence id holding each offset (``None`` outside the body), by binary search."""
    sentences = article.sentences
    starts, ends = list(sentences["start"]), list(sentences["end"])
    ids = list(sentences["sentence_id"])
    found = []
    for offset in offsets:
        i = bisect.bisect_right(starts, offset) - 1
        found.append(ids[i] if i >= 0 and offset < ends[i] else None)
    return found


# --------------------------------------------------------------------------------------------
# Concordance (key word in context)


def _normalise(token: str) -> str:
    """How the concordance compares words: lower case, without a possessive ’s ("Russia’s")."""
    token = token.lower()
    return re.sub(r"['’]s$", "", token)


def _words_with_offsets(article: Article) -> pd.DataFrame:
    """The words (no punctuation) of the headline and the body: ``start, end, text, sentence_id``.

    The same tokenizer as ``article.tokens``, so "pro-Russian" and "U.S." stay one word each.
    """
    rows = []
    if article.headline_span:
        for start, end in word_spans(article.text, *article.headline_span):
            rows.append((start, end, article.text[start:end], None))
    tokens = article.tokens
    rows += list(zip(tokens["start"], tokens["end"], tokens["text"], tokens["sentence_id"],
                     strict=True))  # fmt: skip
    words = pd.DataFrame(rows, columns=["start", "end", "text", "sentence_id"])
    return words[words["text"].str.contains(r"\w", regex=True)].reset_index(drop=True)


def concordance(article: Article, term: str, *, width: int = 40) -> pd.DataFrame:
    """Every occurrence of ``term`` (a word or phrase) with ``width`` characters either side.

    Uses NLTK's ``ConcordanceIndex`` over the words of the headline and the body, ignoring case
    and a possessive ("Russia" finds "Russia’s"). Columns: ``start, end, sentence_id, left,
    match, right`` (``sentence_id`` is ``None`` in the headline); ``art.text[start:end] ==
    match``. An empty table if the term is not there.
    """
    columns = ["start", "end", "sentence_id", "left", "match", "right"]
    query = [
        _normalise(term[a:b]) for a, b in word_spans(term) if any(c.isalnum() for c in term[a:b])
    ]
    words = _words_with_offsets(article)
    if not query or words.empty:
        return pd.DataFrame(columns=columns)
    index = ConcordanceIndex(list(words["text"]), key=_normalise)
    lines = index.find_concordance(query, width=len(" ".join(query)) + 2 * width + 2)
    text = article.text
    rows = []
    for line in lines:
        first, last = words.iloc[line.offset], words.iloc[line.offset + len(query) - 1]
        start, end = int(first.start), int(last.end)
        left = " ".join(text[max(0, start - width) : start].split())
        right = " ".join(text[end : end + width].split())
        sentence_id = first.sentence_id if isinstance(first.sentence_id, str) else None
        rows.append((start, end, sentence_id, left, text[start:end], right))
    frame = pd.DataFrame(rows, columns=columns)
    frame["sentence_id"] = pd.Series([r[2] for r in rows], dtype=object)
    return frame


# --------------------------------------------------------------------------------------------
# Profiles: per 1,000 words, per category


def word_count(article: Article) -> int:
    """Words in the headline and body (photo credits not counted)."""
    return sum(len(WORD.findall(article.text[s:e])) for s, e in _regions(article))


def _terms(frame: pd.DataFrame) -> str:
    counts = Counter(" ".join(t.split()).lower() for t in frame["text"])
    return ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in counts.most_common())


def _profile(found: pd.DataFrame, words: int) -> list[dict]:
    rows = []
    for category in [*CATEGORIES, "all"]:
        part = found if category == "all" else found[found["category"] == category]
        rows.append(
            {
                "category": category,
                "count": len(part),
                "per_1000_words": round(1000 * len(part) / words, 1) if words else 0.0,
                "terms": _terms(part),
            }
        )
    return rows


def headline_vs_body(article: Article, **options) -> pd.DataFrame:
    """The markers of the headline against those of the body, category by category.

    Columns: ``category, headline_count, body_count, headline_per_1000_words,
    body_per_1000_words, headline_terms, body_terms``; a last row ``all`` sums the categories.
    A headline has few words, so one loaded word there weighs as much as dozens in the body.
    ``options`` go to :func:`markers`. An article without a headline gets zeros for it.
    """
    found = markers(article, **options)
    text = article.text
    if article.headline_span:
        h_start, h_end = article.headline_span
        in_head = (found["start"] >= h_start) & (found["end"] <= h_end)
        head_words = len(WORD.findall(text[h_start:h_end]))
    else:
        in_head = pd.Series(False, index=found.index)
        head_words = 0
    body_words = sum(len(WORD.findall(text[s:e])) for s, e in article.paragraph_spans)
    head = _profile(found[in_head], head_words)
    body = _profile(found[~in_head], body_words)
    return pd.DataFrame(
        [
            {
                "category": h["category"],
                "headline_count": h["count"],
                "body_count": b["count"],
                "headline_per_1000_words": h["per_1000_words"],
                "body_per_1000_words": b["per_1000_words"],
                "headline_terms": h["terms"],
                "body_terms": b["terms"],
            }
            for h, b in zip(head, body, strict=True)
        ]
    )


def compare(
    articles: Iterable[Article] | Mapping[str, Article], *, names: Iterable[str] | None = None,
    **options,
) -> pd.DataFrame:  # fmt: skip
    """A side-by-side framing profile of several articles: one row per article and category.

    Columns: ``article, words, category, count, per_1000_words, terms`` (the terms found, most
    frequent first). The category ``all`` counts every marker: compare articles on it. Pass a
    dict ``{name: article}`` or ``names=`` to label the articles (default: their file names).
    Pivot for a wide table: ``compare(arts).pivot(index="category", columns="article",
    values="per_1000_words")``. ``options`` go to :func:`markers`.
    """
    if isinstance(articles, Mapping):
        pairs = list(articles.items())
    else:
        articles = list(articles)
        labels = list(names) if names is not None else [
            a.name or a.headline or f"article {i}" for i, a in enumerate(articles, 1)
        ]  # fmt: skip
        pairs = list(zip(labels, articles, strict=True))
    rows = []
    for name, article in pairs:
        words = word_count(article)
        for row in _profile(markers(article, **options), words):
            rows.append({"article": name, "words": words, **row})
    return pd.DataFrame(rows, columns=["article", "words", "category", "count",
                                       "per_1000_words", "terms"])  # fmt: skip
