"""The article as HTML: ids, highlights with more than colour, and escaped text."""

from __future__ import annotations

import re

import pandas as pd

import kit
from kit import display
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
    assert 'title="period">Cold War<span class="nk-sr-only"> (period)</span></mark>' in page
    assert 'title="naming">crisis<span class="nk-sr-only"> (naming)</span></mark>' in page
    assert "aria-label" not in page  # not allowed on <mark>: the label is text instead
    assert "Legend:" in page
    styles = set(re.findall(r"text-decoration-style:(\w+)", page))
    assert len(styles) == 2  # two labels, two different underline styles, not colour alone


def test_overlapping_highlights_keep_every_character(seed):
    start = seed.text.index("Russian Foreign Minister Sergei Lavrov")
    page = article_html(seed, [(start, start + 38, "role"), (start + 25, start + 38, "name")])
    assert (
        'title="role">Russian Foreign Minister<span class="nk-sr-only"> (role)</span></mark> '
        in page
    )
    assert 'title="name">Sergei Lavrov<span class="nk-sr-only"> (name)</span></mark>' in page


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


def _relative_luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    light, dark = sorted([_relative_luminance(one), _relative_luminance(two)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_mark_text_meets_aa_on_every_tint():
    assert contrast("#777777", "#ffffff") < 4.5  # the old sentence-number grey: too light
    for tint in display.COLOURS:
        assert contrast(display.MARK_TEXT, tint) >= 4.5, tint
    assert f"color:{display.MARK_TEXT}" in display.STYLE  # marks set their own text colour


def test_no_whitespace_only_marks(seed):
    start = seed.text.index("Cold War")
    page = article_html(seed, [(start - 1, start + 9, "period")])  # a space on either side
    body = page.split("</ul>", 1)[1]  # after the legend
    marked = re.findall(r"<mark[^>]*>(.*?)<span", body)
    assert marked == ["Cold War"]
    # a highlight that is only white space (a gap between two fragments) gets no mark at all
    space = seed.text.index(" ", start)
    assert "<mark" not in article_html(seed, [(space, space + 1, "gap")]).split("</ul>", 1)[1]


def test_legend_is_a_real_list(seed):
    start = seed.text.index("Cold War")
    page = article_html(seed, [(start, start + 8, "period"), (start + 20, start + 30, "naming")])
    legend = re.search(r'<div class="nk-legend">.*?</div>', page).group(0)
    assert "<ul>" in legend and legend.count("<li>") == 2
    assert 'role="list"' not in legend


def test_every_label_has_its_own_pattern_beyond_five():
    styles = display.styles_for([f"label {n}" for n in range(12)])
    patterns = {style.split(";", 1)[1] for style in styles.values()}  # all but the tint
    assert len(patterns) == 12


def test_fragments_of_one_act_read_as_one(seed):
    # '“A,” he said. “B.”': two quotation fragments, one act of speech, as quotes() gives them
    first = seed.text.index("“")
    first_end = seed.text.index("”", first) + 1
    second = seed.text.index("“", first_end)
    second_end = seed.text.index("”", second) + 1
    other = seed.text.index("Lavrov", second_end)
    act = pd.DataFrame(
        {
            "start": [first, second, other],
            "end": [first_end, second_end, other + 6],
            "kind": ["direct", "partial", "indirect"],
            "attribution_id": ["a1", "a1", "a2"],
        }
    )
    page = article_html(seed, act)
    assert 'title="direct, part 1 of 2"' in page
    assert 'title="direct, part 2 of 2"' in page
    assert "(direct, part 2 of 2)" in page  # the label as text, for screen readers
    assert "partial" not in page  # the second fragment reads as part of the first act
    assert 'title="indirect"' in page
    assert page.count("<li>") == 2  # one legend entry per act's label


def test_show_table_wraps_instead_of_cutting():
    note = "A note that a student is told to read in full, " * 4
    page = display.show_table(pd.DataFrame({"term": ["x"], "note": [note]})).data
    assert note.strip() in page and "..." not in page and "…" not in page
    assert "white-space:normal" in page


def test_event_labels_are_cut_between_words():
    events = pd.DataFrame(
        {"timex_text": ["September 29"], "label": ["Obama and Putin were able to talk about Syria"]}
    )
    (label,) = display._event_labels(events, width=30)
    assert label.endswith(" …")
    words = label.removesuffix(" …").split()
    assert all(
        word in "September 29: Obama and Putin were able to talk about Syria" for word in words
    )
    assert words[-1] in ("able", "were", "Putin", "and")


def test_charts_come_with_a_summary_in_words(seed):
    sources = kit.attribution.sources(seed)
    summary = display.source_balance_summary(sources)
    assert len(summary.lines) == len(sources)
    assert summary.lines[0].startswith("John Kerry: ")
    assert "112 quoted words" in summary.lines[0]
    assert str(summary).startswith("Chart in words: quotations per speaker")
    assert "<details>" in summary._repr_html_()
    line = kit.chronology.timeline(seed)
    told = display.timeline_summary(line)
    assert len(told.lines) == len(line)
    assert "2014" in told.lines[0]  # earliest first
    order = display.narrative_order_summary(kit.chronology.events(seed))
    assert order.lines[0].startswith("told 1st: ")
    assert order.title.endswith("not in date order")
