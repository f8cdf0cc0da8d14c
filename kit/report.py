"""A readable report of the three analyses of one article: as plain text, or as an HTML page.

    print(kit.report.text_report(art))                  # what `python -m kit report ART` prints
    Path("report.html").write_text(kit.report.html_report(art), encoding="utf-8")

The report shows what the analysers find and nothing else: it is the kit's reading of the
article (check it against the text), laid out for an instructor preparing a class.
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd

from kit import attribution, chronology, framing
from kit.article import Article

__all__ = ["html_report", "sections", "text_report"]


def sections(article: Article) -> list[tuple[str, str, pd.DataFrame]]:
    """The report's sections: ``(title, one-line summary, table)``, in reading order."""
    quotes = attribution.quotes(article)
    sources = attribution.sources(article)
    claims = attribution.unattributed_claims(article)
    markers = framing.markers(article)
    timexes = chronology.time_expressions(article)
    timeline = chronology.timeline(article)
    named = int(sources["named"].sum()) if len(sources) else 0
    per_category = markers["category"].value_counts()
    counts = ", ".join(f"{n} {c.replace('_', ' ')}" for c, n in per_category.items())
    return [
        (
            "Attribution: who is quoted",
            f"{len(quotes)} quotations from {len(sources)} sources ({named} named).",
            sources,
        ),
        (
            "Attribution: every quotation",
            "Kind (direct, partial, indirect), speaker and the verb that attributes it.",
            quotes[["quote_id", "kind", "speaker", "cue", "sentence_id", "text"]],
        ),
        (
            "Attribution: claims with no source",
            f"{len(claims)} sentence(s) that hide where a claim comes from.",
            claims[["sentence_id", "marker", "category", "text"]],
        ),
        (
            "Framing: markers",
            f"{len(markers)} markers: {counts or 'none'}.",
            markers[["category", "text", "sentence_id"]],
        ),
        (
            "Chronology: time expressions",
            f"{len(timexes)} time expressions; relative dates resolved from "
            + (
                f"the article's date, {article.published}."
                if article.published
                else "the latest date the article writes in full (it has no date of its own)."
            ),
            timexes[["timex_id", "text", "type", "value", "sentence_id"]],
        ),  # fmt: skip
        (
            "Chronology: the events in time order",
            "The dated events, earliest first; 'position' is where the article tells them.",
            timeline[["order", "position", "value", "label"]],
        ),
    ]


def _table_text(frame: pd.DataFrame, width: int = 60) -> str:
    if frame.empty:
        return "  (none)"
    shown = frame.copy()
    for column in shown.columns:
        shown[column] = [
            "" if v is None or v is pd.NA
            else textwrap.shorten(v, width, placeholder="…") if isinstance(v, str) else v
            for v in shown[column]
        ]  # fmt: skip
    return textwrap.indent(shown.to_string(index=False), "  ")


def text_report(article: Article) -> str:
    """The three analyses of ``article`` as plain text, one section per table.

    >>> import kit
    >>> report = text_report(kit.load_article("kerry-lavrov-moscow"))
    >>> report.splitlines()[0]
    'Report: John Kerry Expects ‘Real Progress’ in 20th Meeting This Year with Russian Counterpart'
    """
    title = article.headline or article.name or "an article"
    lines = [f"Report: {title}"]
    details = [
        f"file: {article.path}" if article.path else None,
        f"published: {article.published}" if article.published else "published: unknown",
        f"{len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences",
    ]
    lines.append(" | ".join(d for d in details if d))
    lines.append("This is the kit's reading of the article: check every row against the text.")
    for heading, summary, table in sections(article):
        lines += ["", heading, "-" * len(heading), summary, _table_text(table)]
    return "\n".join(lines) + "\n"


def html_report(article: Article) -> str:
    """The report as a self-contained HTML page: the article highlighted, then the tables.

    Every piece of article text is escaped; the page runs no script.
    """
    from kit import display  # display draws the highlighted article; analysers never import it

    title = html.escape(article.headline or article.name or "an article")
    markers = framing.markers(article)[["start", "end", "category"]]
    quotes = attribution.quotes(article)[["start", "end", "kind"]].rename(
        columns={"kind": "category"}
    )
    timexes = chronology.time_expressions(article)[["start", "end", "type"]].rename(
        columns={"type": "category"}
    )
    highlight = pd.concat(
        [quotes.assign(category="quotation: " + quotes["category"]),
         timexes.assign(category="time: " + timexes["category"]),
         markers.assign(category="framing: " + markers["category"])],
        ignore_index=True,
    )  # fmt: skip
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Report: {title}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5;"
        "color:#1a1a1a}table{border-collapse:collapse;font-size:.9em}"
        "td,th{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}"
        "</style></head><body>",
        f"<h1>Report: {title}</h1>",
        "<p>The kit's reading of the article: check every row against the text.</p>",
        "<h2>The article</h2>",
        display.article_html(article, highlight, label="category"),
    ]
    for heading, summary, table in sections(article):
        parts.append(f"<h2>{html.escape(heading)}</h2><p>{html.escape(summary)}</p>")
        parts.append(table.to_html(index=False, na_rep="", escape=True) if len(table)
                     else "<p>(none)</p>")  # fmt: skip
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
