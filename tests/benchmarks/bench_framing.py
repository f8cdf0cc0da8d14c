"""Framing: markers on the seed (fresh Article each time, so nothing is cached), a size sweep from
100 KB to 5 MB to show the time grows linearly, plus compare() on the three variants.

Read the sweep as milliseconds per megabyte: for a linear analyser the figure stays flat. Run it
alone with ``python tests/benchmarks/bench_framing.py`` (characters per second per size)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import texts  # noqa: E402

import kit  # noqa: E402
from kit import framing, paths  # noqa: E402

SIZES_MB = (1, 2, 5)


def benchmarks() -> dict:
    seed = texts.seed()
    variants = [kit.load_article(p) for p in sorted(paths.variants_dir().glob("*.txt"))]

    def seed_markers():
        return framing.markers(kit.Article.from_text(seed.text))

    found = {
        "markers, seed article (incl. segmentation)": seed_markers,
        "markers, seed article (segmented)": lambda: framing.markers(seed),
    }
    for size in SIZES_MB:
        article = texts.long_article(size)
        found[f"markers, {size} MB text (segmented)"] = lambda a=article: framing.markers(a)
    found["concordance 'crisis', seed"] = lambda: framing.concordance(seed, "crisis")
    found["compare, three variants"] = lambda: framing.compare(variants)
    return found


def sweep(repeat: int = 2) -> list[tuple[int, float]]:
    """(megabytes, characters per second) for each size, best of ``repeat`` runs."""
    framing.markers(texts.seed())  # build the lexicon index once, outside the timing
    rates = []
    for size in SIZES_MB:
        article = texts.long_article(size)
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            framing.markers(article)
            best = min(best, time.perf_counter() - started)
        rates.append((size, len(article.text) / best))
    return rates


if __name__ == "__main__":
    for size, rate in sweep():
        print(f"markers, {size} MB: {rate / 1e6:.2f} million characters/s")
