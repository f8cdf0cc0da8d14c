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
# palette). Marks set their own dark text colour, so a mark reads at 9:1 or more on its tint in
# JupyterLab's light and dark theme alike.
COLOURS = ["#ffe08a", "#a8d8f0", "#f7b89c", "#b5e3c8", "#e2c2f0", "#f5d0e0", "#d9d9d9", "#c6e0a0"]
MARK_TEXT = "#1a1a1a"
# Each label also gets its own line pattern, so no two labels differ by tint alone: five
# underline styles, then the same five with an overline, then with a bar on the left; past
# fifteen labels every mark also shows its label in small print.
UNDERLINES = ["solid", "dashed", "dotted", "double", "wavy"]
LINES = ["underline", "underline overline", "underline"]
LABEL_COLUMNS = ("label", "category", "speaker", "kind", "type")

STYLE = """<style>
.nk-article{font-family:Georgia,serif;line-height:1.7;max-width:48em}
.nk-article h3{font-family:inherit;margin:.2em 0}
.nk-credit{font-size:.85em;color:var(--jp-content-font-color1,#1a1a1a);font-style:italic;margin:0}
.nk-article p{margin:.5em 0}
.nk-pid{font:bold .75em sans-serif;color:var(--jp-content-font-color1,#1a1a1a);margin-right:.4em}
.nk-sid{font:.7em sans-serif;color:var(--jp-content-font-color1,#1a1a1a);vertical-align:super;
  margin-right:.15em}
.nk-article mark,.nk-legend mark{color:#1a1a1a;padding:0 .1em;text-decoration-thickness:2px;
  text-underline-offset:3px;text-decoration-color:#1a1a1a}
.nk-legend{font:.85em sans-serif;margin:.4em 0}
.nk-legend ul{display:inline;list-style:none;margin:0;padding:0}
.nk-legend li{display:inline-block;margin:0 .8em .2em 0}
.nk-legend mark{padding:0 .3em}
.nk-tag{font:.7em sans-serif;margin-left:.2em}
.nk-sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;
  clip:rect(0,0,0,0);white-space:nowrap;border:0}
.nk-table{table-layout:auto;max-width:100%}
.nk-table td,.nk-table th{white-space:normal;text-align:left;vertical-align:top;
  overflow-wrap:anywhere;max-width:40em}
</style>"""


def _spans(highlight, label: str | None) -> list[tuple[int, int, str, str]]:
    """Turn a DataFrame or a list of ``(start, end[, label])`` into ``(start, end, label, title)``.

    ``title`` is what hovering says. Rows of a DataFrame that share an ``attribution_id`` are
    fragments of one act of speech: they all take the first fragment's label, and their title
    says which part each is ("direct, part 1 of 2").
    """
    if highlight is None:
        return []
    if isinstance(highlight, pd.DataFrame):
        column = label or next((c for c in LABEL_COLUMNS if c in highlight.columns), None)
        labels = (
            highlight[column].fillna("(none)").astype(str)
            if column
            else pd.Series(["highlight"] * len(highlight), index=highlight.index)
        )
        titles = list(labels)
        if "attribution_id" in highlight.columns:
            acts = highlight["attribution_id"]
            order = highlight.assign(_label=labels).sort_values("start")
            for _, act in order[acts.loc[order.index].notna()].groupby("attribution_id"):
                if len(act) < 2:
                    continue
                first = act["_label"].iloc[0]
                for part, index in enumerate(act.index, 1):
                    position = highlight.index.get_loc(index)
                    labels.iloc[position] = first
                    titles[position] = f"{first}, part {part} of {len(act)}"
        return [
            (int(s), int(e), lab, title)
            for s, e, lab, title in zip(highlight["start"], highlight["end"], labels, titles)
        ]
    spans = []
    for item in highlight:
        start, end, *rest = item
        name = str(rest[0]) if rest else "highlight"
        spans.append((int(start), int(end), name, name))
    return spans


def styles_for(labels: Iterable[str]) -> dict[str, str]:
    """A CSS style per label: a background tint and a line pattern, in first-seen order.

    >>> styles_for(["period", "naming"])["naming"]
    'background:#a8d8f0;text-decoration-line:underline;text-decoration-style:dashed'
    """
    styles = {}
    for number, name in enumerate(dict.fromkeys(labels)):
        group = (number // len(UNDERLINES)) % len(LINES)
        style = (
            f"background:{COLOURS[number % len(COLOURS)]};"
            f"text-decoration-line:{LINES[group]};"
            f"text-decoration-style:{UNDERLINES[number % len(UNDERLINES)]}"
        )
        if group == 2:
            style += ";border-left:3px solid #1a1a1a"
        styles[name] = style
    return styles


def legend_html(styles: dict[str, str]) -> str:
    """The legend for :func:`styles_for`'s styles: a list, each label shown in its own style.

    >>> legend_html(styles_for(["direct"])).count("<li>")
    1
    """
    entries = "".join(
        f'<li><mark style="{style}">{html.escape(name)}</mark></li>'
        for name, style in styles.items()
    )
    return f'<div class="nk-legend"><b>Legend:</b> <ul>{entries}</ul></div>'


def article_html(
    article: Article,
    highlight=None,
    *,
    label: str | None = None,
    paragraphs: Iterable[str] | None = None,
    sentence_ids: bool = True,
    headline: bool = True,
) -> str:
    """The article as an HTML string; see :func:`show_article` for the options.

    >>> from kit.article import Article
    >>> art = Article.from_text("Talks\\n\\n“We agree,” Lind said on Tuesday. Varga left.",
    ...                         published="2024-03-14")
    >>> start = art.text.index("“")
    >>> page = article_html(art, highlight=[(start, start + 11, "direct")], headline=False)
    >>> "<mark" in page and "We agree" in page
    True
    """
    spans = sorted(_spans(highlight, label), key=lambda s: (s[0], -s[1]))
    styles = styles_for(span[2] for span in spans)
    tagged = len(styles) > len(UNDERLINES) * len(LINES)
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
        body = _render_range(
            article.text, row.start, row.end, inside, styles, sentence_starts, tagged=tagged
        )
        parts.append(
            f'<p id="{row.paragraph_id}"><span class="nk-pid">{row.paragraph_id}</span>{body}</p>'
        )
    parts.append("</div>")
    return "".join(parts)


def _render_range(text, start, end, spans, styles, sentence_starts, *, tagged=False) -> str:
    """Escape ``text[start:end]``, wrapping highlighted pieces and marking sentence starts.

    A highlighted piece becomes ``<mark>`` with its label as hover text and, for screen readers,
    as hidden words after it ("(period)"); pieces of white space are never marked.
    """
    inside = [span for span in spans if span[0] < end and span[1] > start]
    cuts = {start, end, *sentence_starts}
    for s, e, *_ in inside:
        cuts.update((max(s, start), min(e, end)))
    cuts = sorted(c for c in cuts if start <= c <= end)
    out = []
    for left, right in zip(cuts, cuts[1:]):
        if left in sentence_starts:
            sid = sentence_starts[left].split(".")[-1]
            out.append(f'<span class="nk-sid" title="{sentence_starts[left]}">{sid}</span>')
        raw = text[left:right]
        piece = html.escape(raw)
        covering = [(s_e[1] - s_e[0], s_e) for s_e in inside if s_e[0] <= left and right <= s_e[1]]
        if covering and raw.strip():
            _, (_, _, lab, title) = min(covering, key=lambda c: c[0])  # the innermost wins
            name = html.escape(title, quote=True)
            # the words around the text are inside the mark, so one mark reads as one unit
            lead = raw[: len(raw) - len(raw.lstrip())]
            trail = raw[len(raw.rstrip()) :]
            core = html.escape(raw.strip())
            tag = f'<span class="nk-tag">[{html.escape(lab)}]</span>' if tagged else ""
            piece = (
                f'{html.escape(lead)}<mark style="{styles[lab]}" title="{name}">{core}'
                f'<span class="nk-sr-only"> ({html.escape(title)})</span>{tag}</mark>'
                f"{html.escape(trail)}"
            )
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

    >>> from kit.article import Article
    >>> art = Article.from_text("Talks\\n\\n“We agree,” Lind said on Tuesday. Varga left.",
    ...                         published="2024-03-14")
    >>> show_article(art, paragraphs=["p1"])
    <IPython.core.display.HTML object>
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


def table_html(frame: pd.DataFrame, *, columns: Iterable[str] | None = None) -> str:
    """A DataFrame as an HTML table: text escaped, no index column, long text wrapped, never cut.

    >>> "…" in table_html(pd.DataFrame({"note": ["word " * 40]}))
    False
    """
    frame = frame[list(columns)] if columns is not None else frame
    with pd.option_context("display.max_colwidth", None):
        table = frame.to_html(index=False, escape=True, border=0, classes="nk-table")
    return STYLE + table


def show_table(frame: pd.DataFrame, *, columns: Iterable[str] | None = None) -> HTML:
    """A DataFrame as a compact HTML table with its text escaped and no index column; long
    text wraps onto more lines instead of being cut with "…".

    >>> show_table(pd.DataFrame({"speaker": ["Lind"], "quotes": [1]}))
    <IPython.core.display.HTML object>
    """
    return HTML(table_html(frame, columns=columns))


class ChartSummary:
    """A chart said in words: a title and one line per bar, row or point.

    Shown beside every chart of this module (JupyterLab gives a plotted image no text
    alternative); ``str()`` gives the plain text.

    >>> print(ChartSummary("Two bars", ["a: 1", "b: 2"]))
    Chart in words: Two bars
    - a: 1
    - b: 2
    """

    def __init__(self, title: str, lines: list[str]) -> None:
        self.title = title
        self.lines = list(lines)

    def __str__(self) -> str:
        return "\n".join([f"Chart in words: {self.title}", *(f"- {line}" for line in self.lines)])

    __repr__ = __str__

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.lines)
        return (
            '<div class="nk-chart-summary"><details><summary>Chart in words: '
            f"{html.escape(self.title)}</summary><ul>{items}</ul></details></div>"
        )


def _show_summary(summary: ChartSummary, wanted: bool) -> None:
    """Display ``summary`` in a notebook (nothing happens in a plain Python script)."""
    if not wanted:
        return
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return
    if get_ipython() is not None:
        display(summary)


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def framing_profile_summary(profile: pd.DataFrame, *, categories: Iterable[str] | None = None):
    """:func:`plot_framing_profile`'s chart in words: per category, each article's rate.

    Returns a :class:`ChartSummary`.

    >>> from kit import framing
    >>> from kit.article import Article
    >>> art = Article.from_text("Talks\\n\\nThe regime claimed a stunning victory.")
    >>> summary = framing_profile_summary(framing.compare({"one": art}))
    >>> summary.title
    'framing markers per 1,000 words, by category and article'
    """
    wide = _profile_table(profile, categories)
    lines = [
        f"{category}: "
        + "; ".join(f"{article} {_number(round(value, 1))}" for article, value in row.items())
        for category, row in wide.iterrows()
    ]
    return ChartSummary("framing markers per 1,000 words, by category and article", lines)


def _profile_table(profile: pd.DataFrame, categories) -> pd.DataFrame:
    wide = profile.pivot(index="category", columns="article", values="per_1000_words")
    if categories is None:
        present = profile.groupby("category")["count"].sum()
        categories = [c for c in wide.index if c != "all" and present.get(c, 0) > 0] + ["all"]
    return wide.reindex(list(categories)).fillna(0.0)


def _date_range(start, end) -> str:
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if start.normalize() == end.normalize():
        return f"{start.day} {start:%B %Y}"
    return f"{start.day} {start:%B %Y} to {end.day} {end:%B %Y}"


def timeline_summary(timeline: pd.DataFrame):
    """:func:`plot_timeline`'s chart in words: each event's dates, in date order, and when the
    article tells it. Returns a :class:`ChartSummary`.

    >>> from kit import chronology
    >>> from kit.article import Article
    >>> art = Article.from_text("Talks\\n\\n“We agree,” Lind said on Tuesday. Varga left.",
    ...                         published="2024-03-14")
    >>> print(timeline_summary(chronology.timeline(art)))
    Chart in words: 1 events, earliest first
    - 12 March 2024: Tuesday: “We agree,” Lind said on Tuesday. (told 1st)
    """
    lines = [
        f"{_date_range(row.date_start, row.date_end)}: {row.timex_text}: {row.label} "
        f"(told {_ordinal(int(row.position))})"
        for row in timeline.sort_values(["date_start", "position"]).itertuples(index=False)
    ]
    return ChartSummary(f"{len(lines)} events, earliest first", lines)


def narrative_order_summary(events: pd.DataFrame):
    """:func:`plot_narrative_order`'s chart in words: the events in the order the article tells
    them, each with its date. Returns a :class:`ChartSummary`.

    >>> from kit import chronology
    >>> from kit.article import Article
    >>> art = Article.from_text("Talks\\n\\n“We agree,” Lind said on Tuesday. Varga left.",
    ...                         published="2024-03-14")
    >>> print(narrative_order_summary(chronology.events(art)))
    Chart in words: 1 events, told in date order
    - told 1st: Tuesday (12 March 2024)
    """
    frame = events.sort_values("position")
    lines = [
        f"told {_ordinal(int(row.position))}: {row.timex_text} "
        f"({_date_range(row.date_start, row.date_end)})"
        for row in frame.itertuples(index=False)
    ]
    by_date = list(events.sort_values(["date_start", "position"])["position"])
    told_in_order = by_date == sorted(by_date)
    verdict = "in date order" if told_in_order else "not in date order"
    return ChartSummary(f"{len(lines)} events, told {verdict}", lines)


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def source_balance_summary(sources: pd.DataFrame):
    """:func:`plot_source_balance`'s chart in words: each speaker's quotations by kind and
    quoted words. Returns a :class:`ChartSummary`.

    >>> from kit import attribution
    >>> from kit.article import Article
    >>> art = Article.from_text("Talks\\n\\n“We agree,” Lind said on Tuesday. Varga left.",
    ...                         published="2024-03-14")
    >>> print(source_balance_summary(attribution.sources(art)))
    Chart in words: quotations per speaker, by kind
    - Lind: 1 quotation (1 direct, 0 partial, 0 indirect), 2 quoted words
    """
    lines = []
    for row in sources.itertuples(index=False):
        name = row.speaker if row.speaker is not None else "(no speaker named)"
        if row.speaker is not None and not row.named:
            name += " (unnamed)"
        total = int(row.direct) + int(row.partial) + int(row.indirect)
        lines.append(
            f"{name}: {total} quotation{'' if total == 1 else 's'} ({int(row.direct)} direct, "
            f"{int(row.partial)} partial, {int(row.indirect)} indirect), "
            f"{int(row.quoted_words)} quoted words"
        )
    return ChartSummary("quotations per speaker, by kind", lines)


# --- framing ---


def plot_framing_profile(profile: pd.DataFrame, *, categories: Iterable[str] | None = None,
                         ax=None, title: str = "Framing markers per 1,000 words",
                         summary: bool = True):  # fmt: skip
    """Bar chart of :func:`kit.framing.compare`'s table: markers per 1,000 words, by category.

    One group of bars per category, one bar per article; each article also gets its own hatch
    pattern and a legend entry, so the chart reads in black and white. ``categories``: which
    to show (default: every category found, then ``all``). ``summary``: in a notebook, also
    show the chart in words (:func:`framing_profile_summary`). Returns the matplotlib Axes.

    >>> from kit import framing
    >>> from kit.article import Article
    >>> art = Article.from_text("Talks\\n\\nThe regime claimed a stunning victory.")
    >>> plot_framing_profile(framing.compare({"one": art}), summary=False).get_title()
    'Framing markers per 1,000 words'
    """
    import matplotlib.pyplot as plt

    wide = _profile_table(profile, categories)
    _show_summary(framing_profile_summary(profile, categories=list(wide.index)), summary)
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
    """Each event's time expression and first words, cut at a word boundary (never mid-word)."""
    labels = []
    for row in events.itertuples(index=False):
        label = f"{row.timex_text}: {row.label}"
        if len(label) > width:
            cut = label[: width - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
            label = cut + " …"
        labels.append(label)
    return labels


def plot_timeline(timeline: pd.DataFrame, *, ax=None, report_date=None,
                  title: str = "Timeline: events by date", summary: bool = True):  # fmt: skip
    """Plot :func:`kit.chronology.timeline`: one row per event, earliest at the top.

    A day is a dot; a month, a year or a season is a bar from its first to its last day, so the
    reader sees how precise each date is. Each row is labelled with the time expression and the
    first words of its sentence, and carries its narrative position (``#3`` = told third).
    ``report_date`` (a date or "YYYY-MM-DD") adds a dashed line for when the article was written.
    ``summary``: in a notebook, also show the chart in words (:func:`timeline_summary`).
    Returns the matplotlib Axes.

    >>> from kit import chronology
    >>> from kit.article import Article
    >>> art = Article.from_text("Talks\\n\\n“We agree,” Lind said on Tuesday. Varga left.",
    ...                         published="2024-03-14")
    >>> plot_timeline(chronology.timeline(art), summary=False).get_title()
    'Timeline: events by date'
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    frame = timeline.reset_index(drop=True)
    _show_summary(timeline_summary(frame), summary)
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
                         title: str = "Narrative order versus date",
                         summary: bool = True):  # fmt: skip
    """Plot when each event is told (x: narrative position) against when it happened (y: date).

    Takes :func:`kit.chronology.events` or :func:`~kit.chronology.timeline` (the same rows). A
    story told in date order climbs steadily from left to right; a news story jumps back and forth.
    Vertical bars show the span of an imprecise date (a month, a year); ``report_date`` adds a
    dashed line for when the article was written. ``summary``: in a notebook, also show the
    chart in words (:func:`narrative_order_summary`). Returns the Axes.

    >>> from kit import chronology
    >>> from kit.article import Article
    >>> art = Article.from_text("Talks\\n\\n“We agree,” Lind said on Tuesday. Varga left.",
    ...                         published="2024-03-14")
    >>> ax = plot_narrative_order(chronology.events(art), summary=False)
    >>> len(ax.get_xticks()) > 0
    True
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    frame = events.sort_values("position").reset_index(drop=True)
    _show_summary(narrative_order_summary(frame), summary)
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
    sources: pd.DataFrame,
    *,
    ax=None,
    title: str = "Whose voice fills the article?",
    summary: bool = True,
):
    """Horizontal bars from :func:`kit.attribution.sources`: quotations per speaker, by kind.

    Each bar is split into direct, partial and indirect quotations; each kind has its own tint
    *and* hatch, so the chart reads in black and white. Unnamed sources are labelled
    "(unnamed)" and quotations with no speaker "(no speaker named)". ``summary``: in a notebook,
    also show the chart in words (:func:`source_balance_summary`). Returns the matplotlib Axes.

    >>> from kit import attribution
    >>> from kit.article import Article
    >>> art = Article.from_text("Talks\\n\\n“We agree,” Lind said on Tuesday. Varga left.",
    ...                         published="2024-03-14")
    >>> plot_source_balance(attribution.sources(art), summary=False).get_title()
    'Whose voice fills the article?'
    """
    import matplotlib.pyplot as plt

    frame = sources.copy()
    _show_summary(source_balance_summary(frame), summary)
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
