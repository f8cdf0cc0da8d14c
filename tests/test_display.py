"""The article as HTML: ids, highlights with more than colour, and escaped text."""

from __future__ import annotations

import re

import pandas as pd

import kit
from kit.display import article_html, show_article


def test_show_article_has_paragraph_and_sentence_ids(seed):
    page = article_html(seed)
    assert page.count('<p id="p') == 12
    assert 'title="p11.s3"' in page
    assert "<h3>John Kerry Expects ‘Real Progress’" in page
    assert "Mandel Ngan/Pool Image via AP" in page
    assert show_article(seed).data == page


def test_highlights_have_label_underline_and_legend(seed):
    start = seed.text.index("Cold War")
    crisis = seed.text.index("crisis")
    spans = pd.DataFrame(
        {"start": [start, crisis], "end": [start + 8, crisis + 6], "category": ["period", "naming"]}
    )
    page = article_html(seed, spans)
    assert 'aria-label="period">Cold War</mark>' in page
    assert 'aria-label="naming">crisis</mark>' in page
    assert "Legend:" in page
    styles = set(re.findall(r"text-decoration-style:(\w+)", page))
    assert len(styles) == 2  # two labels, two different underline styles, not colour alone


def test_overlapping_highlights_keep_every_character(seed):
    start = seed.text.index("Russian Foreign Minister Sergei Lavrov")
    page = article_html(seed, [(start, start + 38, "role"), (start + 25, start + 38, "name")])
    assert 'aria-label="role">Russian Foreign Minister </mark>' in page
    assert 'aria-label="name">Sergei Lavrov</mark>' in page


def test_only_some_paragraphs(seed):
    page = article_html(seed, paragraphs=["p3", "p4"])
    assert page.count('<p id="p') == 2
    assert "<h3>" not in page


def test_article_text_is_escaped():
    art = kit.Article.from_text("Head <b>line</b>\n\nShe typed <script>alert('x')</script> & left.")
    start = art.text.index("<script>")
    page = article_html(art, [(start, start + 8, "<img src=x onerror=alert(1)>")])
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "<img" not in page
    assert "Head &lt;b&gt;line&lt;/b&gt;" in page
