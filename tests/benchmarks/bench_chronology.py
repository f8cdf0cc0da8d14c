"""Chronology: time expressions on the seed (fresh Article, so nothing is cached), on a 1 MB and a
5 MB text to show the time grows linearly, plus timeline, estimate_published and cross_check."""

from __future__ import annotations

import kit
from kit import chronology


def benchmarks() -> dict:
    seed = kit.load_article("kerry-lavrov-moscow")
    body = seed.body
    one_mb = kit.Article.from_text("\n\n".join([body] * (1_000_000 // len(body))))
    five_mb = kit.Article.from_text("\n\n".join([body] * (5_000_000 // len(body))))
    _ = (one_mb.sentences, five_mb.sentences)  # segment once, outside the timing

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
