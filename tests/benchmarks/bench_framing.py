"""Framing: markers on the seed (fresh Article each time, so nothing is cached), on a 1 MB and a
5 MB text to show the time grows linearly, plus compare() on the three variants."""

from __future__ import annotations

import kit
from kit import framing, paths


def benchmarks() -> dict:
    seed = kit.load_article("kerry-lavrov-moscow")
    body = seed.body
    one_mb = kit.Article.from_text("\n\n".join([body] * (1_000_000 // len(body))))
    five_mb = kit.Article.from_text("\n\n".join([body] * (5_000_000 // len(body))))
    for art in (one_mb, five_mb):
        art._sentence_rows  # noqa: B018 (segment once, outside the timing)
    variants = [kit.load_article(p) for p in sorted(paths.variants_dir().glob("*.txt"))]

    def seed_markers():
        return framing.markers(kit.Article.from_text(seed.text))

    return {
        "markers, seed article (incl. segmentation)": seed_markers,
        "markers, seed article (segmented)": lambda: framing.markers(seed),
        "markers, 1 MB text (segmented)": lambda: framing.markers(one_mb),
        "markers, 5 MB text (segmented)": lambda: framing.markers(five_mb),
        "concordance 'crisis', seed": lambda: framing.concordance(seed, "crisis"),
        "compare, three variants": lambda: framing.compare(variants),
    }
