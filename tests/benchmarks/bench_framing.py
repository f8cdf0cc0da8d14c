"""Framing: markers on the seed (fresh Article each time, so nothing is cached), on a 1 MB and a
5 MB text to show the time grows linearly, plus compare() on the three variants."""

from __future__ import annotations

import texts

import kit
from kit import framing, paths


def benchmarks() -> dict:
    seed = texts.seed()
    one_mb, five_mb = texts.long_article(1), texts.long_article(5)
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
