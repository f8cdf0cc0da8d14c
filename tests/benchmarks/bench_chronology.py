"""Chronology: time expressions on the seed (fresh Article, so nothing is cached), on a 1 MB and a
5 MB text to show the time grows linearly, plus timeline, estimate_published and cross_check.

The size sweep times ``time_expressions`` on single-line texts with no full stops (a transcript,
a pasted table: one sentence as long as the text) at 250 KB, 500 KB and 1 MB, of two kinds: the
seed's body (a news article's density of dates, one per 400 characters) and the dev set's texts
(one date per 50 characters). Each doubling should double the time, no more.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import texts

import kit
from kit import chronology

DEV_SET = Path(__file__).resolve().parents[1] / "data" / "timex_dev.jsonl"


@lru_cache(maxsize=8)
def single_line(kind: str, kilobytes: int) -> kit.Article:
    """One paragraph, one sentence: ``kind`` "news" (the seed's body) or "dense" (the dev set)."""
    if kind == "news":
        piece = texts.seed().body
    else:
        records = [json.loads(line) for line in DEV_SET.read_text().splitlines() if line]
        piece = " ".join(record["text"] for record in records)
    piece = re.sub(r"[.!?]", "", " ".join(piece.split()))  # no line breaks, no full stops
    text = "A transcript\n\n" + " ".join([piece] * (kilobytes * 1000 // len(piece) + 1))
    article = kit.Article.from_text(text, published="2015-12-15")
    article.sentences  # noqa: B018 (segment once, outside the timing)
    return article


def benchmarks() -> dict:
    seed = texts.seed()
    one_mb, five_mb = texts.long_article(1), texts.long_article(5)

    def seed_timexes():
        return chronology.time_expressions(kit.Article.from_text(seed.text))

    found = {
        "time expressions, seed article (incl. segmentation)": seed_timexes,
        "time expressions, seed article (segmented)": lambda: chronology.time_expressions(seed),
        "timeline, seed article": lambda: chronology.timeline(seed),
        "estimate_published, seed article": lambda: chronology.estimate_published(seed),
        "cross_check, seed article": lambda: chronology.cross_check(seed),
        "time expressions, 1 MB text (segmented)": lambda: chronology.time_expressions(one_mb),
        "time expressions, 5 MB text (segmented)": lambda: chronology.time_expressions(five_mb),
    }
    for kind in ("news", "dense"):
        for kilobytes in (250, 500, 1000):
            article = single_line(kind, kilobytes)
            name = f"time expressions, one {kilobytes} KB line, {kind} dates"
            found[name] = lambda article=article: chronology.time_expressions(article)
    return found
