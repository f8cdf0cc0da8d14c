"""The texts every benchmark times: the seed article, and its body repeated to 1 MB and 5 MB."""

from __future__ import annotations

from functools import lru_cache

import kit


@lru_cache(maxsize=1)
def seed() -> kit.Article:
    return kit.load_article("kerry-lavrov-moscow")


def long_text(megabytes: int) -> str:
    """The seed's body repeated, paragraphs apart, to at least ``megabytes`` million characters."""
    body = seed().body
    copies = megabytes * 1_000_000 // (len(body) + 2) + 1
    return "A long file\n\n" + "\n\n".join([body] * copies)


@lru_cache(maxsize=2)
def long_article(megabytes: int) -> kit.Article:
    """:func:`long_text` as an Article, already segmented so timings measure only the analyser."""
    article = kit.Article.from_text(long_text(megabytes))
    article.sentences  # noqa: B018 (segment once, outside the timing)
    return article
