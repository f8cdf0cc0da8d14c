"""Show an article as HTML, with paragraph and sentence ids and highlighted spans, and plots.

Everything from the article is escaped before it reaches the page: an article that contains
``<script>`` shows those characters, it never runs them. Highlights never rely on colour alone:
each label also has its own underline style, a legend, and a tooltip naming it.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Iterable

import pandas as pd
from IPython.display import HTML

from kit.article import Article

# Light tints that stay apart for the common colour-vision deficiencies (after Okabe & Ito's
# palette), each paired with an underline style so the label survives a black-and-white print.
COLOURS = ["#ffe08a", "#a8d8f0", "#f7b89c", "#b5e3c8", "#e2c2f0", "#f5d0e0", "#d9d9d9", "#c6e0a0"]
UNDERLINES = ["solid", "dashed", "dotted", "double", "wavy"]
LABEL_COLUMNS = ("label", "category", "speaker", "kind", "type")

STYLE = """<style>
.nk-article{font-family:Georgia,serif;line-height:1.7;max-width:48em}
.nk-article h3{font-family:inherit;margin:.2em 0}
.nk-credit{font-size:.85em;color:#555;font-style:italic;margin:0}
.nk-article p{margin:.5em 0}
.nk-pid{font:bold .7em sans-serif;color:#555;margin-right:.4em}
.nk-sid{font:.65em sans-serif;color:#777;vertical-align:super;margin-right:.15em}
.nk-article mark{color:inherit;padding:0 .1em;text-decoration-line:underline;
  text-decoration-thickness:2px;text-underline-offset:3px}
.nk-legend{font:.85em sans-serif;margin:.4em 0}
.nk-legend mark{color:inherit;margin-right:.8em;padding:0 .3em;text-decoration-line:underline;
  text-decoration-thickness:2px;text-underline-offset:3px}
</style>"""


def _spans(highlight, label: str | None) -> list[tuple[int, int, str]]:
    """Turn a DataFrame or a list of ``(start, end[, label])`` into ``(start, end, label)``."""
    if highlight is None:
        return []
    if isinstance(highlight, pd.DataFrame):
        column = label or next((c for c in LABEL_COLUMNS if c in highlight.columns), None)
        labels = (
            highlight[column].fillna("(none)").astype(str)
            if column
            else pd.Series(["highlight"] * len(highlight), index=highlight.index)
        )
        return [
            (int(s), int(e), lab) for s, e, lab in zip(highlight["start"], highlight["end"], labels)
        ]
    spans = []
    for item in highlight:
        start, end, *rest = item
        spans.append((int(start), int(end), str(rest[0]) if rest else "highlight"))
    return spans


def styles_for(labels: Iterable[str]) -> dict[str, str]:
    """A CSS style per label: a background tint and an underline style, in first-seen order."""
    styles = {}
    for number, name in enumerate(dict.fromkeys(labels)):
        styles[name] = (
            f"background:{COLOURS[number % len(COLOURS)]};"
            f"text-decoration-style:{UNDERLINES[number % len(UNDERLINES)]}"
        )
    return styles


def legend_html(styles: dict[str, str]) -> str:
    """The legend for :func:`styles_for`'s styles, as an HTML fragment."""
    entries = "".join(
        f'<mark style="{style}">{html.escape(name)}</mark>' for name, style in styles.items()
    )
    return f'<div class="nk-legend" role="list" aria-label="legend"><b>Legend:</b> {entries}</div>'


def article_html(
    article: Article,
    highlight=None,
    *,
    label: str | None = None,
    paragraphs: Iterable[str] | None = None,
    sentence_ids: bool = True,
    headline: bool = True,
) -> str:
    """The article as an HTML string; see :func:`show_article` for the options."""
    spans = sorted(_spans(highlight, label), key=lambda s: (s[0], -s[1]))
    styles = styles_for(lab for _, _, lab in spans)
    wanted = set(paragraphs) if paragraphs is not None else None
    sentences = article.sentences
    starts_by_paragraph: dict[str, dict[int, str]] = {}
    for sentence_id, paragraph_id, start in zip(
        sentences["sentence_id"], sentences["paragraph_id"], sentences["start"]
    ):
        starts_by_paragraph.setdefault(paragraph_id, {})[int(start)] = sentence_id
    table = article.paragraphs
    # each highlight goes to the paragraphs it touches (found by bisection, so long articles
    # with many highlights stay fast)
    paragraph_starts = table["start"].tolist()
    spans_by_paragraph: dict[int, list] = {}
    for span in spans:
        first = max(0, bisect.bisect_right(paragraph_starts, span[0]) - 1)
        last = bisect.bisect_left(paragraph_starts, span[1])
        for index in range(first, last):
            spans_by_paragraph.setdefault(index, []).append(span)
    parts = [STYLE, '<div class="nk-article">']
    if spans:
        parts.append(legend_html(styles))
    if headline and wanted is None:
        if article.headline:
            parts.append(f"<h3>{html.escape(article.headline)}</h3>")
        parts.extend(f'<p class="nk-credit">{html.escape(c)}</p>' for c in article.credits)
    for index, row in enumerate(table.itertuples(index=False)):
        if wanted is not None and row.paragraph_id not in wanted:
            continue
        sentence_starts = starts_by_paragraph.get(row.paragraph_id, {}) if sentence_ids else {}
        inside = spans_by_paragraph.get(index, [])
        body = _render_range(article.text, row.start, row.end, inside, styles, sentence_starts)
        parts.append(
            f'<p id="{row.paragraph_id}"><span class="nk-pid">{row.paragraph_id}</span>{body}</p>'
        )
    parts.append("</div>")
    return "".join(parts)


def _render_range(text, start, end, spans, styles, sentence_starts) -> str:
    """Escape ``text[start:end]``, wrapping highlighted pieces and marking sentence starts."""
    inside = [(s, e, lab) for s, e, lab in spans if s < end and e > start]
    cuts = {start, end, *sentence_starts}
    for s, e, _ in inside:
        cuts.update((max(s, start), min(e, end)))
    cuts = sorted(c for c in cuts if start <= c <= end)
    out = []
    for left, right in zip(cuts, cuts[1:]):
        if left in sentence_starts:
            sid = sentence_starts[left].split(".")[-1]
            out.append(f'<span class="nk-sid" title="{sentence_starts[left]}">{sid}</span>')
        piece = html.escape(text[left:right])
        covering = [(e - s, lab) for s, e, lab in inside if s <= left and right <= e]
        if covering:
            _, lab = min(covering)  # the innermost highlight wins
            name = html.escape(lab, quote=True)
            piece = f'<mark style="{styles[lab]}" title="{name}" aria-label="{name}">{piece}</mark>'
        out.append(piece)
    return "".join(out)


def show_article(
    article: Article,
    highlight=None,
    *,
    label: str | None = None,
    paragraphs: Iterable[str] | None = None,
    sentence_ids: bool = True,
    headline: bool = True,
) -> HTML:
    """Display the article with paragraph ids (``p3``) and sentence numbers, as HTML.

    ``highlight``: a DataFrame with ``start`` and ``end`` columns (such as ``quotes(art)`` or
    ``markers(art)``), or a list of ``(start, end)`` / ``(start, end, label)`` tuples.
    ``label``: the DataFrame column that names each highlight (default: the first of
    ``label, category, speaker, kind, type`` present); each label gets a tint, an underline
    style and a legend entry. ``paragraphs``: only these paragraph ids (e.g. ``["p3", "p4"]``).
    ``sentence_ids``: show the small sentence numbers. ``headline``: show headline and credits.
    """
    return HTML(
        article_html(
            article,
            highlight,
            label=label,
            paragraphs=paragraphs,
            sentence_ids=sentence_ids,
            headline=headline,
        )
    )


def show_table(frame: pd.DataFrame, *, columns: Iterable[str] | None = None) -> HTML:
    """A DataFrame as a compact HTML table with its text escaped and no index column."""
    frame = frame[list(columns)] if columns is not None else frame
    return HTML(frame.to_html(index=False, escape=True, border=0))


# --- framing ---


def plot_framing_profile(profile: pd.DataFrame, *, categories: Iterable[str] | None = None,
                         ax=None, title: str = "Framing markers per 1,000 words"):  # fmt: skip
    """Bar chart of :func:`kit.framing.compare`'s table: markers per 1,000 words, by category.

    One group of bars per category, one bar per article; each article also gets its own hatch
    pattern and a legend entry, so the chart reads in black and white. ``categories``: which
    to show (default: every category found, then ``all``). Returns the matplotlib Axes.
    """
    import matplotlib.pyplot as plt

    wide = profile.pivot(index="category", columns="article", values="per_1000_words")
    if categories is None:
        present = profile.groupby("category")["count"].sum()
        categories = [c for c in wide.index if c != "all" and present.get(c, 0) > 0] + ["all"]
    wide = wide.reindex(list(categories)).fillna(0.0)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.45 * len(wide) * max(1, len(wide.columns) / 2) + 1))
    hatches = ["", "//", "..", "xx", "\\\\", "oo"]
    height = 0.8 / max(1, len(wide.columns))
    positions = range(len(wide))
    for number, article in enumerate(wide.columns):
        ax.barh(
            [p + number * height for p in positions],
            wide[article],
            height=height,
            label=str(article),
            color=COLOURS[number % len(COLOURS)],
            edgecolor="#333",
            hatch=hatches[number % len(hatches)],
        )
    ax.set_yticks([p + height * (len(wide.columns) - 1) / 2 for p in positions])
    ax.set_yticklabels(wide.index)
    ax.invert_yaxis()
    ax.set_xlabel("markers per 1,000 words")
    ax.set_title(title)
    ax.legend(loc="upper right", fontsize="small")
    ax.figure.tight_layout()
    return ax


# --- chronology ---


def _event_labels(events: pd.DataFrame, width: int = 48) -> list[str]:
    labels = []
    for row in events.itertuples(index=False):
        label = f"{row.timex_text}: {row.label}"
        labels.append(label if len(label) <= width else label[: width - 1] + "…")
    return labels


def plot_timeline(timeline: pd.DataFrame, *, ax=None, report_date=None,
                  title: str = "Timeline: events by date"):  # fmt: skip
    """Plot :func:`kit.chronology.timeline`: one row per event, earliest at the top.

    A day is a dot; a month, a year or a season is a bar from its first to its last day, so the
    reader sees how precise each date is. Each row is labelled with the time expression and the
    first words of its sentence, and carries its narrative position (``#3`` = told third).
    ``report_date`` (a date or "YYYY-MM-DD") adds a dashed line for when the article was written.
    Returns the matplotlib Axes.
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    frame = timeline.reset_index(drop=True)
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 0.5 * len(frame) + 1.2))
    rows = range(len(frame))
    for y, row in zip(rows, frame.itertuples(index=False)):
        start, end = mdates.date2num(row.date_start), mdates.date2num(row.date_end)
        if end - start < 1:
            ax.plot([start], [y], marker="o", color="#0072B2", markersize=7, zorder=3)
        else:
            ax.barh(y, end - start + 1, left=start, height=0.45, color=COLOURS[1],
                    edgecolor="#0072B2", hatch="//")  # fmt: skip
        ax.annotate(f"#{row.position}", (end, y), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize="small")  # fmt: skip
    if report_date is not None:
        ax.axvline(pd.Timestamp(report_date), color="#D55E00", linestyle="--", label="report date")
        ax.legend(loc="lower left", fontsize="small")
    ax.set_yticks(list(rows))
    ax.set_yticklabels(_event_labels(frame), fontsize="small")
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.set_xlabel("date (dot: a day; hatched bar: a month, season or year)")
    ax.set_title(title)
    ax.grid(axis="x", linestyle=":", color="#999")
    ax.figure.autofmt_xdate()
    ax.figure.tight_layout()
    return ax


def plot_narrative_order(events: pd.DataFrame, *, ax=None, report_date=None,
                         title: str = "Narrative order versus date"):  # fmt: skip
    """Plot when each event is told (x: narrative position) against when it happened (y: date).

    Takes :func:`kit.chronology.events` or :func:`~kit.chronology.timeline` (the same rows). A
    story told in date order climbs steadily from left to right; a news story jumps back and forth.
    Vertical bars show the span of an imprecise date (a month, a year); ``report_date`` adds a
    dashed line for when the article was written. Returns the Axes.
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    frame = events.sort_values("position").reset_index(drop=True)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 5))
    middle = frame.date_start + (frame.date_end - frame.date_start) / 2
    ax.plot(frame.position, middle, color="#999", linestyle="--", zorder=1)
    for row, mid in zip(frame.itertuples(index=False), middle):
        low, high = mdates.date2num(row.date_start), mdates.date2num(row.date_end)
        if high - low >= 1:
            ax.vlines(row.position, row.date_start, row.date_end, color="#0072B2", linewidth=6,
                      alpha=0.35)  # fmt: skip
        ax.plot([row.position], [mid], marker="o", color="#0072B2", zorder=3)
        ax.annotate(row.timex_text, (row.position, mid), xytext=(6, 4),
                    textcoords="offset points", fontsize="small")  # fmt: skip
    if report_date is not None:
        ax.axhline(pd.Timestamp(report_date), color="#D55E00", linestyle="--", label="report date")
        ax.legend(loc="lower right", fontsize="small")
    ax.set_xticks(list(frame.position))
    ax.set_xlabel("narrative position (1 = told first)")
    ax.set_ylabel("date")
    ax.yaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.set_title(title)
    ax.grid(linestyle=":", color="#bbb")
    ax.figure.tight_layout()
    return ax


# --- attribution ---


def plot_source_balance(
    sources: pd.DataFrame, *, ax=None, title: str = "Whose voice fills the article?"
):
    """Horizontal bars from :func:`kit.attribution.sources`: quotations per speaker, by kind.

    Each bar is split into direct, partial and indirect quotations; each kind has its own tint
    *and* hatch, so the chart reads in black and white. Unnamed sources are labelled
    "(unnamed)" and quotations with no speaker "(no speaker named)". Returns the matplotlib Axes.
    """
    import matplotlib.pyplot as plt

    frame = sources.copy()
    labels = []
    for row in frame.itertuples(index=False):
        name = row.speaker if row.speaker is not None else "(no speaker named)"
        if row.speaker is not None and not row.named:
            name += " (unnamed)"
        labels.append(f"{name} · {row.quoted_words} quoted words")
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.5 * len(frame) + 1.2))
    left = [0] * len(frame)
    kinds = [
        ("direct", COLOURS[0], ""),
        ("partial", COLOURS[1], "//"),
        ("indirect", COLOURS[2], ".."),
    ]
    for kind, colour, hatch in kinds:
        values = frame[kind].tolist()
        ax.barh(labels, values, left=left, label=kind, color=colour, edgecolor="#333", hatch=hatch)
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()
    ax.set_xlabel("quotations")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize="small")
    ax.figure.tight_layout()
    return ax
