"""Attribution: quotes, sources and unattributed claims on the seed; quotes on a 1 MB and a
5 MB text to show the time grows about linearly with length; and a size sweep of one sentence
with no full stop (the seed's body on a single line, 125 KB to 1 MB), whose time must also grow
linearly: a doubling of the length should about double the time, not multiply it by eight."""

from __future__ import annotations

import re

import texts

import kit
from kit import attribution


def single_line(characters: int) -> kit.Article:
    """The seed's body as one paragraph and one sentence of ``characters`` characters: no
    paragraph breaks and no sentence-ending marks, like an unpunctuated transcript."""
    line = re.sub(r"[.!?]", "", texts.seed().body.replace("\n", " "))
    text = ((line + " ") * (characters // len(line) + 1))[:characters]
    article = kit.Article.from_text(text, headline="")
    article.sentences  # noqa: B018 (segment once, outside the timing)
    return article


def benchmarks() -> dict:
    seed = texts.seed()
    one_mb, five_mb = texts.long_article(1), texts.long_article(5)

    def seed_quotes():
        return attribution.quotes(kit.Article.from_text(seed.text))

    found = {
        "quotes, seed article (incl. segmentation)": seed_quotes,
        "quotes, seed article (segmented)": lambda: attribution.quotes(seed),
        "sources, seed article": lambda: attribution.sources(seed),
        "unattributed claims, seed article": lambda: attribution.unattributed_claims(seed),
        "quotes, 1 MB text (segmented)": lambda: attribution.quotes(one_mb),
        "quotes, 5 MB text (segmented)": lambda: attribution.quotes(five_mb),
    }
    for kilobytes in (125, 250, 500, 1000):
        article = single_line(kilobytes * 1000)
        found[f"quotes, one {kilobytes} KB sentence (sweep)"] = lambda article=article: (
            attribution.quotes(article)
        )
    return found
