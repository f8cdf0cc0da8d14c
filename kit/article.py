"""Load an article and segment it into headline, credits, paragraphs, sentences and words.

An :class:`Article` is an immutable value: the text exactly as given (line endings made ``\\n``)
plus the spans of its parts. Every offset is a character offset into ``article.text``, half-open,
so ``article.text[start:end]`` is always the piece named.

File layout (plain UTF-8 text)::

    Headline on the first non-empty line
                                               <- optional blank line
    Short credit or caption lines              <- kept as ``credits``
                                               <- blank line
    First paragraph ...
                                               <- paragraphs are separated by blank lines
    Second paragraph ...

Metadata (source, url, published, language) lives in a sidecar ``NAME.meta.json`` and is never
guessed: what the sidecar does not say is ``None``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd

from kit import paths
from kit.text import sentence_spans, word_spans

SUFFIXES = (".txt", ".md", ".html", ".htm")
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]*$")


class NewskitWarning(UserWarning):
    """Something was read with a guess the reader should know about (an encoding, say)."""


# --------------------------------------------------------------------------------------------
# The Article value


@dataclass(frozen=True, eq=False)
class Article:
    """An article's text and the spans of its parts. Build one with :func:`load_article` or
    :meth:`Article.from_text`; nothing changes it afterwards. ``path`` is the file it was loaded
    from (``None`` for a text built in Python): keys and reference timelines are found beside it."""

    text: str
    headline: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    name: str | None = None
    path: Path | None = None
    headline_span: tuple[int, int] | None = None
    _credits: tuple[str, ...] = ()
    credit_spans: tuple[tuple[int, int], ...] = ()
    paragraph_spans: tuple[tuple[int, int], ...] = ()
    meta: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_text(
        cls,
        text: str,
        published: str | dt.date | None = None,
        headline: str | None = None,
        source: str | None = None,
        *,
        url: str | None = None,
        language: str | None = None,
        name: str | None = None,
    ) -> Article:
        """Segment ``text`` into an Article.

        ``published`` is an ISO date string or a ``date`` (``None``: unknown, never guessed).
        ``headline``: when given, it is used as is; when ``None``, the first line is taken as the
        headline if it looks like one (short, followed by more text, not ending in a period).
        Raises ``ValueError`` for an empty or whitespace-only text.
        """
        if not isinstance(text, str):
            raise TypeError(f"Article text must be a str, not {type(text).__name__}.")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            raise ValueError(
                "The article is empty (no text, or only white space). "
                "Check the file or paste the article's text."
            )
        head_span, credit_spans, body_start = _front_matter(text, headline)
        if headline is None and head_span is not None:
            headline = text[head_span[0] : head_span[1]]
        return cls(
            text=text,
            headline=headline,
            published=_as_date(published),
            source=source,
            url=url,
            language=language,
            name=name,
            headline_span=head_span,
            _credits=tuple(text[s:e] for s, e in credit_spans),
            credit_spans=tuple(credit_spans),
            paragraph_spans=tuple(_paragraph_spans(text, body_start)),
        )

    def __repr__(self) -> str:
        title = self.headline or self.text[:60]
        return (
            f"<Article {self.name or ''!s}{': ' if self.name else ''}{title!r}, "
            f"{len(self.paragraph_spans)} paragraphs, published={self.published}>"
        )

    @property
    def credits(self) -> list[str]:
        """Photo credits and captions found right under the headline."""
        return list(self._credits)

    @cached_property
    def _sentence_rows(self) -> tuple[tuple[str, str, int, int], ...]:
        rows = []
        for number, (p_start, p_end) in enumerate(self.paragraph_spans, start=1):
            chunk = self.text[p_start:p_end]
            for s_number, (s, e) in enumerate(sentence_spans(chunk), start=1):
                rows.append((f"p{number}.s{s_number}", f"p{number}", p_start + s, p_start + e))
        return tuple(rows)

    @property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph: ``paragraph_id, start, end, text``."""
        return pd.DataFrame(
            {
                "paragraph_id": [f"p{i}" for i in range(1, len(self.paragraph_spans) + 1)],
                "start": [s for s, _ in self.paragraph_spans],
                "end": [e for _, e in self.paragraph_spans],
                "text": [self.text[s:e] for s, e in self.paragraph_spans],
            },
            columns=["paragraph_id", "start", "end", "text"],
        ).astype({"start": "int64", "end": "int64"})

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence: ``sentence_id, paragraph_id, start, end, text``."""
        rows = self._sentence_rows
        return pd.DataFrame(
            {
                "sentence_id": [r[0] for r in rows],
                "paragraph_id": [r[1] for r in rows],
                "start": [r[2] for r in rows],
                "end": [r[3] for r in rows],
                "text": [self.text[r[2] : r[3]] for r in rows],
            },
            columns=["sentence_id", "paragraph_id", "start", "end", "text"],
        ).astype({"start": "int64", "end": "int64"})

    @property
    def tokens(self) -> pd.DataFrame:
        """One row per word or punctuation mark: ``token_id, sentence_id, start, end, text``.

        Words are found one sentence at a time, so every offset points into ``text``.
        """
        ids, sentence_ids, starts, ends = [], [], [], []
        for sentence_id, _, s_start, s_end in self._sentence_rows:
            for number, (start, end) in enumerate(word_spans(self.text, s_start, s_end), 1):
                ids.append(f"{sentence_id}.w{number}")
                sentence_ids.append(sentence_id)
                starts.append(start)
                ends.append(end)
        return pd.DataFrame(
            {
                "token_id": ids,
                "sentence_id": sentence_ids,
                "start": starts,
                "end": ends,
                "text": [self.text[s:e] for s, e in zip(starts, ends)],
            },
            columns=["token_id", "sentence_id", "start", "end", "text"],
        ).astype({"start": "int64", "end": "int64"})

    @property
    def body(self) -> str:
        """The paragraphs' text, without headline and credits, joined by blank lines."""
        return "\n\n".join(self.text[s:e] for s, e in self.paragraph_spans)

    def sentence_at(self, offset: int) -> str | None:
        """The id of the sentence that contains character ``offset``, or ``None``."""
        for sentence_id, _, start, end in self._sentence_rows:
            if start <= offset < end:
                return sentence_id
        return None

    def span(self, start: int, end: int) -> str:
        """``text[start:end]``, checked: raises ``IndexError`` if the span is outside the text."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"Span [{start}, {end}) is outside the article (0..{len(self.text)}).")
        return self.text[start:end]


# --------------------------------------------------------------------------------------------
# Segmentation rules

# A credit or caption line: short and not a sentence, or naming a photo agency.
CREDIT_WORDS = re.compile(
    r"\b(photo|photograph|image|picture|via|credit|getty|reuters|afp|ap|epa|pool|file|"
    r"caption|courtesy|shutterstock)\b|©|/",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?…][”’\"')\]]*$")


def _looks_like_headline(line: str) -> bool:
    return 0 < len(line) <= 200 and not re.search(r"[.!?:;,]$", line)


def _looks_like_credit(line: str) -> bool:
    return len(line) <= 120 and (
        bool(CREDIT_WORDS.search(line))
        or (len(line.split()) <= 8 and not SENTENCE_END.search(line))
    )


def _line_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of ``text`` from ``start``, without surrounding white space."""
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:]):
        piece = match.group()
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            s = start + match.start() + lead
            spans.append((s, s + len(piece.strip())))
    return spans


def _front_matter(
    text: str, headline: str | None
) -> tuple[tuple[int, int] | None, list[tuple[int, int]], int]:
    """Find the headline span, the credit spans and the offset where the body starts.

    The headline is the first line when it looks like one (or equals the ``headline`` given).
    Credits are the blocks right after it whose every line looks like a credit or caption.
    """
    lines = _line_spans(text)
    first_start, first_end = lines[0]
    first = text[first_start:first_end]
    if headline is not None:
        if first.strip() != headline.strip():
            return None, [], 0
    elif len(lines) < 2 or not _looks_like_headline(first):
        return None, [], 0
    credits: list[tuple[int, int]] = []
    body_start = first_end
    for block_start, block_end in _paragraph_spans(text, first_end):
        block_lines = _line_spans(text[:block_end], block_start)
        if not all(_looks_like_credit(text[s:e]) for s, e in block_lines):
            break
        credits.extend(block_lines)
        body_start = block_end
    if credits and not _paragraph_spans(text, body_start):
        return (first_start, first_end), [], first_end  # never take the whole body as credits
    return (first_start, first_end), credits, body_start


def _paragraph_spans(text: str, start: int) -> list[tuple[int, int]]:
    """Blocks of text separated by blank lines, from ``start``, trimmed of white space."""
    spans = []
    for match in re.finditer(r"(?:[^\n]|\n(?![ \t\xa0]*\n))+", text[start:]):
        piece = match.group()
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            s = start + match.start() + lead
            spans.append((s, s + len(stripped)))
    return spans


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValueError(
            f"published={value!r} is not a date: give it as YYYY-MM-DD, or None if unknown."
        ) from None


# --------------------------------------------------------------------------------------------
# Reading files


def bundled_ids() -> list[str]:
    """The ids of the articles that ship with the kit."""
    return sorted(p.stem for p in paths.articles_dir().glob("*.txt"))


def load_article(id_or_path: str | Path) -> Article:
    """Load a bundled article by id (``"kerry-lavrov-moscow"``) or a ``.txt/.md/.html`` file.

    A sidecar ``NAME.meta.json`` next to the file supplies ``source``, ``url``, ``published`` and
    ``language``. Raises ``FileNotFoundError`` (listing the bundled ids) for an unknown id or a
    missing file, ``ValueError`` for a binary, empty or unsupported file.
    """
    path = _resolve(id_or_path)
    raw = path.read_bytes()
    text = _decode(raw, path)
    if path.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    elif path.suffix.lower() == ".md":
        text = markdown_to_text(text)
    meta = _read_meta(path)
    try:
        article = Article.from_text(
            text,
            published=meta.get("published"),
            source=meta.get("source"),
            url=meta.get("url"),
            language=meta.get("language"),
            name=path.stem,
        )
    except ValueError as error:
        raise ValueError(f"{path.name}: {error}") from None
    object.__setattr__(article, "path", path.resolve())
    return _with_meta(article, meta)


def _with_meta(article: Article, meta: dict) -> Article:
    object.__setattr__(article, "meta", dict(meta))
    return article


def _resolve(id_or_path: str | Path) -> Path:
    if isinstance(id_or_path, Path) or str(id_or_path).lower().endswith(SUFFIXES):
        path = Path(id_or_path).expanduser()
        if path.suffix.lower() not in SUFFIXES:
            raise ValueError(
                f"{path.name}: newskit reads .txt, .md and .html files. "
                "Save the article as plain text (.txt) and load that."
            )
        if not path.is_file():
            raise FileNotFoundError(
                f"No file at {path}. Check the path, or load a bundled article by id: "
                f"{', '.join(bundled_ids())}."
            )
        return path
    article_id = str(id_or_path).strip()
    folder = paths.articles_dir()
    candidate = (folder / f"{article_id}.txt").resolve()
    if not SAFE_ID.match(article_id) or candidate.parent != folder.resolve():
        raise ValueError(
            f"{article_id!r} is not an article id: ids are plain names such as "
            f"{', '.join(repr(i) for i in bundled_ids())}. To read your own file, give its path "
            "ending in .txt, .md or .html."
        )
    if not candidate.is_file():
        raise FileNotFoundError(
            f"There is no bundled article called {article_id!r}. Bundled articles: "
            f"{', '.join(bundled_ids())}. To read your own file, give its path (ending in .txt)."
        )
    return candidate


def _decode(raw: bytes, path: Path) -> str:
    head = raw[:8192]
    if b"\x00" in head or (head and sum(b < 9 or 13 < b < 32 for b in head) / len(head) > 0.05):
        raise ValueError(
            f"{path.name} is not a text file (it looks binary, e.g. a PDF, Word file or image). "
            "Copy the article's text into a .txt file and load that."
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        try:
            text, encoding = raw.decode("cp1252"), "cp1252 (Windows)"
        except UnicodeDecodeError:
            text, encoding = raw.decode("latin-1"), "latin-1"
        warnings.warn(
            f"{path.name} is not valid UTF-8 (byte {error.start}); it was read as {encoding}. "
            "Check quotes and accents, and save the file as UTF-8 to silence this warning.",
            NewskitWarning,
            stacklevel=3,
        )
        return text


def _read_meta(path: Path) -> dict:
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.is_file():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{sidecar.name} is not valid JSON: {error}") from None
    if not isinstance(meta, dict):
        raise ValueError(f"{sidecar.name} must hold a JSON object with source, url, published.")
    return meta


class _TextFromHTML(HTMLParser):
    """Collect the visible text of an HTML page; scripts, styles and the like are dropped."""

    SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "nav"}
    BLOCK = {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "article", "section",
        "blockquote", "figcaption", "figure", "header", "footer", "br", "tr", "table", "hr",
    }  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skipping = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self.in_title = True
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.current.append(data)

    def _flush(self) -> None:
        block = " ".join("".join(self.current).split())
        if block:
            self.blocks.append(block)
        self.current = []


def html_to_text(markup: str) -> str:
    """The readable text of an HTML page, a block per paragraph; nothing in it is run."""
    parser = _TextFromHTML()
    parser.feed(markup)
    parser.close()
    parser._flush()
    blocks = parser.blocks
    title = " ".join("".join(parser.title).split())
    if title and (not blocks or blocks[0] != title):
        blocks.insert(0, title)
    return html.unescape("\n\n".join(blocks))


def markdown_to_text(markup: str) -> str:
    """Markdown with heading marks (``# ``) and emphasis marks removed; otherwise unchanged."""
    text = re.sub(r"(?m)^#{1,6}\s+", "", markup)
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
