"""Framing, step 5: reading the markers: a concordance, and profiles per 1,000 words.

A profile has one row per category, then three summary rows: ``loaded`` (the categories whose
role is loaded language), ``structure`` (the writer's structure) and ``all``. Compare articles
on ``loaded`` for "how loaded", on ``structure`` for "how much the writer steers".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

import pandas as pd

from kit.article import Article
from kit.framing.categories import CATEGORIES, ROLES
from kit.framing.find import markers
from kit.text import word_spans

WORD = re.compile(r"\w+")
SUMMARIES = ("loaded", "structure", "all")


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

    >>> import kit
    >>> art = kit.Article.from_text("The crisis deepened. Russia’s crisis talks began.")
    >>> concordance(art, "crisis", width=10)[["left", "match", "right"]].values.tolist()
    [['The', 'crisis', 'deepened.'], ['Russia’s', 'crisis', 'talks beg']]
    """
    columns = ["start", "end", "sentence_id", "left", "match", "right"]
    query = [
        _normalise(term[a:b]) for a, b in word_spans(term) if any(c.isalnum() for c in term[a:b])
    ]
    words = _words_with_offsets(article)
    if not query or words.empty:
        return pd.DataFrame(columns=columns)
    from nltk.text import ConcordanceIndex  # imported here: nltk is slow to import

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


def word_count(article: Article) -> int:
    """Words in the headline and body (photo credits not counted).

    >>> import kit
    >>> word_count(kit.Article.from_text("Talks resume\\n\\nThe ministers met again."))
    6
    """
    spans = ([article.headline_span] if article.headline_span else []) + list(
        article.paragraph_spans
    )
    return sum(len(WORD.findall(article.text[s:e])) for s, e in spans)


def _terms(frame: pd.DataFrame) -> str:
    counts = Counter(" ".join(t.split()).lower() for t in frame["text"])
    return ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in counts.most_common())


def profile(found: pd.DataFrame, words: int) -> pd.DataFrame:
    """Markers (a :func:`kit.framing.markers` table) per category and per 1,000 ``words``.

    Columns: ``category, role, count, per_1000_words, terms``; after the categories come the
    summary rows ``loaded``, ``structure`` (their role repeated) and ``all`` (role ``all``).

    >>> import kit
    >>> art = kit.Article.from_text("The regime, however, failed.")
    >>> table = profile(markers(art), word_count(art)).set_index("category")
    >>> table.loc[["loaded", "structure", "all"], "count"].tolist()
    [2, 1, 3]
    """
    rows = []
    roles = found["category"].map(ROLES) if "role" not in found else found["role"]
    for category in [*CATEGORIES, *SUMMARIES]:
        if category == "all":
            part, role = found, "all"
        elif category in ("loaded", "structure"):
            part, role = found[roles == category], category
        else:
            part, role = found[found["category"] == category], ROLES[category]
        rows.append({"category": category, "role": role, "count": len(part),
                     "per_1000_words": round(1000 * len(part) / words, 1) if words else 0.0,
                     "terms": _terms(part)})  # fmt: skip
    return pd.DataFrame(rows, columns=["category", "role", "count", "per_1000_words", "terms"])


def headline_vs_body(article: Article, **options) -> pd.DataFrame:
    """The markers of the headline against those of the body, category by category.

    Columns: ``category, role, headline_count, body_count, headline_per_1000_words,
    body_per_1000_words, headline_terms, body_terms``; the last rows ``loaded``, ``structure``
    and ``all`` sum the categories by role. A headline has few words, so one loaded word there
    weighs as much as dozens in the body. ``options`` go to :func:`kit.framing.markers`. An
    article without a headline gets zeros for it.

    >>> import kit
    >>> art = kit.Article.from_text("Brutal cuts\\n\\nThe budget, however, passed.")
    >>> table = headline_vs_body(art).set_index("category")
    >>> table.loc["loaded", ["headline_count", "body_count"]].tolist()
    [1, 0]
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
    head = profile(found[in_head], head_words)
    body = profile(found[~in_head], body_words)
    return pd.DataFrame({
        "category": head["category"], "role": head["role"],
        "headline_count": head["count"], "body_count": body["count"],
        "headline_per_1000_words": head["per_1000_words"],
        "body_per_1000_words": body["per_1000_words"],
        "headline_terms": head["terms"], "body_terms": body["terms"],
    })  # fmt: skip


def compare(
    articles: Iterable[Article] | Mapping[str, Article], *, names: Iterable[str] | None = None,
    **options,
) -> pd.DataFrame:  # fmt: skip
    """A side-by-side framing profile of several articles: one row per article and category.

    Columns: ``article, words, category, role, count, per_1000_words, terms`` (the terms found,
    most frequent first). After the categories, three summary rows per article: ``loaded``
    (loaded language: compare articles on it for "how loaded"), ``structure`` (the writer's
    structure: contrast, emphasis, hedging, agentless) and ``all``. Pass a dict ``{name:
    article}`` or ``names=`` to label the articles (default: their file names). Pivot for a wide
    table: ``compare(arts).pivot(index="category", columns="article", values="per_1000_words")``.
    ``options`` go to :func:`kit.framing.markers`.

    >>> import kit
    >>> arts = {"plain": kit.Article.from_text("The bill passed."),
    ...         "loaded": kit.Article.from_text("The disastrous bill passed.")}
    >>> table = compare(arts)
    >>> table[table["category"] == "loaded"][["article", "count"]].values.tolist()
    [['plain', 0], ['loaded', 1]]
    """
    if isinstance(articles, Mapping):
        pairs = list(articles.items())
    else:
        articles = list(articles)
        labels = list(names) if names is not None else [
            a.name or a.headline or f"article {i}" for i, a in enumerate(articles, 1)
        ]  # fmt: skip
        pairs = list(zip(labels, articles, strict=True))
    tables = []
    for name, article in pairs:
        words = word_count(article)
        table = profile(markers(article, **options), words)
        table.insert(0, "words", words)
        table.insert(0, "article", name)
        tables.append(table)
    columns = ["article", "words", "category", "role", "count", "per_1000_words", "terms"]
    if not tables:
        return pd.DataFrame(columns=columns)
    return pd.concat(tables, ignore_index=True)[columns]
