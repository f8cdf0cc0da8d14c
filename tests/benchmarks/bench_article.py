"""Loading and segmentation: the seed, and long texts to show the time grows linearly."""

from __future__ import annotations

import texts

import kit
from kit.display import article_html


def benchmarks() -> dict:
    seed = texts.seed()
    one, five = texts.long_text(1), texts.long_text(5)

    def segment(text):
        def run():
            art = kit.Article.from_text(text)
            return art.paragraphs, art.sentences

        return run

    def tokens():
        return kit.Article.from_text(seed.text).tokens

    return {
        "load seed from disk": lambda: kit.load_article("kerry-lavrov-moscow").sentences,
        "seed tokens with offsets": tokens,
        "seed as highlighted HTML": lambda: article_html(seed, [(148, 160, "x")]),
        "1 MB as HTML, a highlight every 40 characters": lambda: article_html(
            texts.long_article(1), [(s, s + 10, "x") for s in range(0, 1_000_000, 40)]
        ),
        "segment 1 MB": segment(one),
        "segment 5 MB (linear: about 5x the 1 MB figure)": segment(five),
    }
