"""Attribution: quotes, sources and unattributed claims on the seed, and quotes on a 1 MB and a
5 MB text to show the time grows about linearly with length."""

from __future__ import annotations

import texts

import kit
from kit import attribution


def benchmarks() -> dict:
    seed = texts.seed()
    one_mb, five_mb = texts.long_article(1), texts.long_article(5)

    def seed_quotes():
        return attribution.quotes(kit.Article.from_text(seed.text))

    return {
        "quotes, seed article (incl. segmentation)": seed_quotes,
        "quotes, seed article (segmented)": lambda: attribution.quotes(seed),
        "sources, seed article": lambda: attribution.sources(seed),
        "unattributed claims, seed article": lambda: attribution.unattributed_claims(seed),
        "quotes, 1 MB text (segmented)": lambda: attribution.quotes(one_mb),
        "quotes, 5 MB text (segmented)": lambda: attribution.quotes(five_mb),
    }
