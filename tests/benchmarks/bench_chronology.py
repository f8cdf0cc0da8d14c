"""Chronology: time expressions on the seed (fresh Article, so nothing is cached), on a 1 MB and a
5 MB text to show the time grows linearly, plus timeline, estimate_published and cross_check."""

from __future__ import annotations

import texts

import kit
from kit import chronology


def benchmarks() -> dict:
    seed = texts.seed()
    one_mb, five_mb = texts.long_article(1), texts.long_article(5)

    def seed_timexes():
        return chronology.time_expressions(kit.Article.from_text(seed.text))

    return {
        "time expressions, seed article (incl. segmentation)": seed_timexes,
        "time expressions, seed article (segmented)": lambda: chronology.time_expressions(seed),
        "timeline, seed article": lambda: chronology.timeline(seed),
        "estimate_published, seed article": lambda: chronology.estimate_published(seed),
        "cross_check, seed article": lambda: chronology.cross_check(seed),
        "time expressions, 1 MB text (segmented)": lambda: chronology.time_expressions(one_mb),
        "time expressions, 5 MB text (segmented)": lambda: chronology.time_expressions(five_mb),
    }
