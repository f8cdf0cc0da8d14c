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

import bisect
import datetime as dt
import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd

from kit import paths
from kit.text import Words, sentence_spans, words_of_spans

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
        if len(text) > LARGE_TEXT:
            _warn_large(len(text))
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
            paragraph_id = f"p{number}"
            spans = sentence_spans(self.text, p_start, p_end)
            for s_number, (s, e) in enumerate(spans, start=1):
                rows.append((f"{paragraph_id}.s{s_number}", paragraph_id, s, e))
        return tuple(rows)

    @cached_property
    def sentence_spans(self) -> tuple[tuple[int, int, str], ...]:
        """Each sentence as ``(start, end, sentence_id)``, in order: the ``start``, ``end`` and
        ``sentence_id`` columns of ``sentences`` without building or copying a table. Found
        once per Article and shared, so it cannot be edited (a tuple of tuples); analysers that
        only need where the sentences are read this instead of ``sentences``. The paragraph is
        the number after ``p`` in the id (``"p2.s1"`` is in paragraph ``p2``).

        >>> art = Article.from_text("Talks\\n\\nThey met. They spoke.")
        >>> art.sentence_spans
        ((7, 16, 'p1.s1'), (17, 28, 'p1.s2'))
        """
        rows = self._sentence_rows
        return tuple((start, end, sentence_id) for sentence_id, _, start, end in rows)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [row[2] for row in self._sentence_rows]

    # The tables are built once per Article and handed out as copies, so a caller that edits the
    # table it got (adds a column, changes a cell) never changes what the next caller sees.

    @cached_property
    def _paragraph_table(self) -> pd.DataFrame:
        spans = self.paragraph_spans
        return _table(
            {
                "paragraph_id": [f"p{i}" for i in range(1, len(spans) + 1)],
                "start": [s for s, _ in spans],
                "end": [e for _, e in spans],
                "text": [self.text[s:e] for s, e in spans],
            }
        )

    @cached_property
    def _sentence_table(self) -> pd.DataFrame:
        rows = self._sentence_rows
        return _table(
            {
                "sentence_id": [r[0] for r in rows],
                "paragraph_id": [r[1] for r in rows],
                "start": [r[2] for r in rows],
                "end": [r[3] for r in rows],
                "text": [self.text[r[2] : r[3]] for r in rows],
            }
        )

    @cached_property
    def _words(self) -> Words:
        """Every sentence's words, found in one pass (see ``kit.text.words_of_spans``)."""
        return words_of_spans(self.text, [(row[2], row[3]) for row in self._sentence_rows])

    @cached_property
    def _sentence_words(self) -> tuple[list[tuple[int, int]], ...]:
        """The word spans of each sentence, in the order of ``_sentence_rows``."""
        words = self._words
        spans = list(zip(words.starts.tolist(), words.ends.tolist()))
        return tuple(spans[a:b] for a, b in zip(words.first, words.first[1:]))

    def sentence_words(self, sentence: int | str) -> list[tuple[int, int]]:
        """The ``(start, end)`` spans of the words and punctuation marks of one sentence, given by
        its position (0 for the first) or its id, found once per Article: the same spans as
        ``kit.text.word_spans(article.text, start, end)`` over the sentence and as the sentence's
        rows of ``tokens``. Analysers that work sentence by sentence use this instead of
        tokenizing again.

        >>> art = Article.from_text("Talks\\n\\nThey met. Lavrov left.")
        >>> [art.text[s:e] for s, e in art.sentence_words("p1.s2")]
        ['Lavrov', 'left', '.']
        """
        if isinstance(sentence, str):
            index = self._sentence_index.get(sentence)
            if index is None:
                raise KeyError(f"No sentence {sentence!r} in this article.")
        else:
            index = sentence
        return list(self._sentence_words[index])

    @cached_property
    def _sentence_index(self) -> dict[str, int]:
        return {row[0]: index for index, row in enumerate(self._sentence_rows)}

    @cached_property
    def _token_table(self) -> pd.DataFrame:
        words = self._words
        ids, sentence_ids = [], []
        for (sentence_id, *_), a, b in zip(self._sentence_rows, words.first, words.first[1:]):
            ids.extend([sentence_id + suffix for suffix in _word_suffixes(b - a)])
            sentence_ids.extend([sentence_id] * (b - a))
        return _table(
            {
                "token_id": ids,
                "sentence_id": sentence_ids,
                "start": words.starts,
                "end": words.ends,
                "text": words.texts,
            }
        )

    @property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph: ``paragraph_id, start, end, text``.

        >>> Article.from_text("Talks\\n\\nThey met. They spoke.").paragraphs.text.tolist()
        ['They met. They spoke.']
        """
        return self._paragraph_table.copy()

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence: ``sentence_id, paragraph_id, start, end, text``.

        >>> Article.from_text("Talks\\n\\nThey met. They spoke.").sentences.sentence_id.tolist()
        ['p1.s1', 'p1.s2']
        """
        return self._sentence_table.copy()

    @property
    def tokens(self) -> pd.DataFrame:
        """One row per word or punctuation mark: ``token_id, sentence_id, start, end, text``.

        Words are found one sentence at a time, so every offset points into ``text``.

        >>> Article.from_text("Talks\\n\\nThe U.S. envoy left.").tokens.text.tolist()
        ['The', 'U.S.', 'envoy', 'left', '.']
        """
        return self._token_table.copy()

    @property
    def body(self) -> str:
        """The paragraphs' text, without headline and credits, joined by blank lines."""
        return "\n\n".join(self.text[s:e] for s, e in self.paragraph_spans)

    def sentence_at(self, offset: int) -> str | None:
        """The id of the sentence that contains character ``offset``, or ``None``.

        >>> Article.from_text("Talks\\n\\nThey met. They spoke.").sentence_at(20)
        'p1.s2'
        """
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0:
            sentence_id, _, start, end = self._sentence_rows[index]
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


LINE = re.compile(r"[^\n]+")
# A paragraph: a run of lines with no blank line (only spaces, tabs or no-break spaces) inside.
PARAGRAPH = re.compile(r"(?:[^\n]++|\n(?![ \t\xa0]*\n))+")


def _trimmed_spans(
    pattern: re.Pattern, text: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, int]]:
    """Spans of ``pattern``'s matches in ``text[start:end]``, trimmed of white space, skipping
    matches that are only white space. Offsets are into ``text``; nothing is copied."""
    end = len(text) if end is None else end
    for match in pattern.finditer(text, start, end):
        s, e = match.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e


def _line_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of ``text[start:end]``, without surrounding white space."""
    return list(_trimmed_spans(LINE, text, start, end))


def _front_matter(
    text: str, headline: str | None
) -> tuple[tuple[int, int] | None, list[tuple[int, int]], int]:
    """Find the headline span, the credit spans and the offset where the body starts.

    The headline is the first line when it looks like one (or equals the ``headline`` given).
    Credits are the blocks right after it whose every line looks like a credit or caption.
    """
    lines = _trimmed_spans(LINE, text)
    first_start, first_end = next(lines)
    first = text[first_start:first_end]
    if headline is not None:
        if first.strip() != headline.strip():
            return None, [], 0
    elif next(lines, None) is None or not _looks_like_headline(first):
        return None, [], 0
    credits: list[tuple[int, int]] = []
    body_start = first_end
    for block_start, block_end in _trimmed_spans(PARAGRAPH, text, first_end):
        block_lines = _line_spans(text, block_start, block_end)
        if not all(_looks_like_credit(text[s:e]) for s, e in block_lines):
            break
        credits.extend(block_lines)
        body_start = block_end
    if credits and next(_trimmed_spans(PARAGRAPH, text, body_start), None) is None:
        return (first_start, first_end), [], first_end  # never take the whole body as credits
    return (first_start, first_end), credits, body_start


def _paragraph_spans(text: str, start: int) -> list[tuple[int, int]]:
    """Blocks of text separated by blank lines, from ``start``, trimmed of white space."""
    return list(_trimmed_spans(PARAGRAPH, text, start))


def _table(columns: dict[str, list]) -> pd.DataFrame:
    """A DataFrame from equal-length lists, with ``start`` and ``end`` as int64 even when empty
    and the other columns (ids and text) of pandas' own dtype for strings.

    The offsets become NumPy arrays before the DataFrame is built: converting them afterwards
    (``astype``) costs more than building the whole table of a short article. For the same
    reason each column is made ready, of its final dtype, first (:func:`ready_frame`).

    >>> frame = _table({"sentence_id": ["p1.s1"], "start": [0], "end": [9]})
    >>> frame.dtypes.astype(str).tolist(), frame.end.tolist()
    (['str', 'int64', 'int64'], [9])
    """
    offsets = {
        name: np.array(values, dtype=np.int64)
        for name, values in columns.items()
        if name in ("start", "end")
    }
    size = len(next(iter(offsets.values())))
    if not size or isinstance(TEXT, np.dtype):  # as pandas would build it
        return pd.DataFrame({name: offsets.get(name, values) for name, values in columns.items()})
    arrays = {
        name: offsets[name] if name in offsets else text_array(values)
        for name, values in columns.items()
    }
    return ready_frame(arrays, size)


def ready_frame(columns: dict, size: int) -> pd.DataFrame:
    """A DataFrame of ``size`` rows (a RangeIndex) from columns that are ready: arrays of that
    length, each already of its final dtype, nothing converted.

    pandas' own constructor for ready columns (``DataFrame._from_arrays``) checks and infers
    nothing, which makes it several times quicker for a short table than the public one; where
    a pandas has no such constructor, each column becomes a Series of its own dtype first.

    >>> frame = ready_frame({"n": np.array([1, 2]), "who": np.array(["Kerry", None])}, 2)
    >>> [str(dtype) for dtype in frame.dtypes], frame["who"].tolist()
    (['int64', 'object'], ['Kerry', None])
    """
    rows = pd.RangeIndex(size)
    build = getattr(pd.DataFrame, "_from_arrays", None)
    if build is None:
        series = {
            name: pd.Series(values, dtype=values.dtype, index=rows, copy=False)
            for name, values in columns.items()
        }
        return pd.DataFrame(series, index=rows, copy=False)
    labels = _labels(tuple(columns)).copy()  # a copy: a table's labels can be renamed
    return build(list(columns.values()), columns=labels, index=rows, verify_integrity=False)


# The dtype pandas gives a column of strings (its string dtype; object on an older pandas)
TEXT = pd.Series(["text"]).dtype


def text_array(values: list[str]):
    """A pandas array of ``TEXT`` (the dtype pandas gives a column of text) from a list of
    strings, for building a table column by column. Where that dtype keeps its strings in Arrow,
    the Arrow array is made directly: pandas' general conversion checks every value first, which
    costs more than the rest of a short table.

    >>> column = text_array(["They met.", "They spoke."])
    >>> column.dtype == TEXT, column.tolist()
    (True, ['They met.', 'They spoke.'])
    """
    direct = _arrow_strings()
    return direct(values) if direct is not None else pd.array(values, dtype=TEXT)


@cache
def _arrow_strings():
    """A function that makes an array of ``TEXT`` straight from Arrow, or ``None`` where this
    pandas stores its strings otherwise (or builds such arrays differently): then ``pd.array``
    does it. It is kept only if it gives what ``pd.array`` gives."""
    try:
        import pyarrow

        probe = pd.array(["text", "é"], dtype=TEXT)
        kind = pyarrow.array(probe).type

        def direct(values: list[str]):
            return pd.arrays.ArrowStringArray(pyarrow.array(values, kind), dtype=TEXT)

        made = direct(["text", "é"])
        same = type(made) is type(probe) and made.dtype == TEXT and made.tolist() == probe.tolist()
    except (ImportError, AttributeError, TypeError, ValueError):
        return None
    return direct if same else None


@cache
def _labels(names: tuple[str, ...]) -> pd.Index:
    return pd.Index(names)


@lru_cache(maxsize=512)
def _word_suffixes(count: int) -> list[str]:
    """``[".w1", ".w2", ...]``, ``count`` of them: the end of each word's ``token_id``."""
    return [f".w{number}" for number in range(1, count + 1)]


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


# Bytes that cp1252 (the Windows encoding of text pasted from Word) leaves undefined.
CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Above this many characters, loading warns how long the analysers will take.
LARGE_TEXT = 3_000_000
# The three analysers together, characters a second on one core of a laptop (see `make bench`).
PIPELINE_CHARS_PER_SECOND = 100_000


def _warn_large(size: int) -> None:
    seconds = size / PIPELINE_CHARS_PER_SECOND
    estimate = f"{seconds / 60:.0f} minutes" if seconds >= 90 else f"{seconds:.0f} seconds"
    warnings.warn(
        f"This article is {size / 1e6:.1f} million characters long: the three analysers together "
        f"will take about {estimate} on one core (much more on a slow machine). For many "
        "articles in one file, split them into files and use kit.corpus.analyse.",
        NewskitWarning,
        stacklevel=3,
    )


def _utf16_without_bom(head: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``head`` looks like UTF-16 text without a byte
    order mark (English in UTF-16 is every other byte NUL), else ``None``."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _not_text(name: str, why: str) -> ValueError:
    return ValueError(
        f"{name} is not a text file ({why}: it looks binary, e.g. a PDF, Word file or image). "
        "Copy the article's text into a .txt file saved as UTF-8 and load that."
    )


def decode_text(raw: bytes, name: str = "the file") -> str:
    """The text in ``raw`` bytes, as an article file: UTF-8 (with or without a byte order mark),
    UTF-16 or UTF-32 (with a byte order mark, or UTF-16 without one), else cp1252 with a
    :class:`NewskitWarning`. cp1252's undefined bytes become U+FFFD and the warning gives their
    offsets. Raises ``ValueError`` for a file with NUL bytes or mostly control characters.

    >>> decode_text("Kerry’s visit".encode("utf-16"))
    'Kerry’s visit'
    """
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return _decode_unicode(raw, encoding, name)
    utf16 = _utf16_without_bom(raw[:8192])
    if utf16:
        return _decode_unicode(raw, utf16, name)
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise _not_text(name, f"a NUL byte at offset {nul}")
    head = raw[:8192]
    if head and sum(b < 9 or 13 < b < 32 for b in head) / len(head) > 0.05:
        raise _not_text(name, "control characters")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return _decode_cp1252(raw, name, error.start)


def _decode_unicode(raw: bytes, encoding: str, name: str) -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise _not_text(name, f"not valid {encoding.upper()} at byte {error.start}") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    nul = text.find("\x00")
    if nul >= 0:
        raise _not_text(name, f"a NUL character at character {nul}")
    return text


def _decode_cp1252(raw: bytes, name: str, first_bad: int) -> str:
    undefined = [i for i, byte in enumerate(raw) if byte in CP1252_UNDEFINED]
    text = raw.decode("cp1252", errors="replace")
    message = (
        f"{name} is not valid UTF-8 (byte {first_bad}); it was read as cp1252 (Windows). "
        "Check quotes and accents, and save the file as UTF-8 to silence this warning."
    )
    if undefined:
        shown = ", ".join(f"0x{raw[i]:02X} at byte {i}" for i in undefined[:10])
        more = f" and {len(undefined) - 10} more" if len(undefined) > 10 else ""
        message += (
            f" {len(undefined)} byte(s) mean nothing in cp1252 and became \ufffd: {shown}{more}. "
            "The file may use another encoding: open it in an editor and save it as UTF-8."
        )
    warnings.warn(message, NewskitWarning, stacklevel=5)
    return text


def _decode(raw: bytes, path: Path) -> str:
    return decode_text(raw, path.name)


def _read_meta(path: Path) -> dict:
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.is_file():
        return {}
    raw = sidecar.read_bytes()
    try:
        meta = json.loads(_json_text(raw))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(
            f"{sidecar.name} is not valid JSON: {error}. Save it as UTF-8 JSON, e.g. "
            '{"published": "2015-12-15", "source": "Wire"}.'
        ) from None
    if not isinstance(meta, dict):
        raise ValueError(f"{sidecar.name} must hold a JSON object with source, url, published.")
    return meta


def _json_text(raw: bytes) -> str:
    """JSON bytes as text: UTF-8 with or without a byte order mark, or UTF-16/32 with one."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding).removeprefix("\ufeff")
    return raw.decode("utf-8")


class _TextFromHTML(HTMLParser):
    """Collect the visible text of an HTML page; scripts, styles and the like are dropped.

    The standard library's parser reports tags as they come, closed or not. A skipped element
    (``<svg>``, ``<iframe>`` ...) keeps what it holds aside; when the page ends with the element
    still open (a missing end tag), what it held is kept as text rather than lost. ``<head>`` is
    not skipped as a whole (its end tag is optional in HTML5): its title is the headline and its
    scripts and styles are skipped like any others.
    """

    SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "nav"}
    BLOCK = {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "article", "section",
        "blockquote", "figcaption", "figure", "header", "footer", "br", "tr", "table", "hr",
    }  # fmt: skip
    CODE = {"script", "style"}  # never shown, even when their end tag is missing
    BREAK = None  # a block boundary in the list of pieces

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str | None] = []  # text and block boundaries, outside skipped elements
        # Skipped elements still open, innermost last, each with what it holds so far.
        self.skipped: list[tuple[str, list[str | None]]] = []
        self.title: list[str] = []
        self.in_title = False

    def _out(self) -> list[str | None]:
        return self.skipped[-1][1] if self.skipped else self.pieces

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self.in_title = True
            return
        if tag in self.BLOCK or tag == "body":
            self.in_title = False  # a title left open ends where the page's body starts
        if tag in self.SKIP:
            self.skipped.append((tag, []))
        elif tag in self.BLOCK:
            self._out().append(self.BREAK)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in self.BLOCK:  # <br/>, <hr/>; a self-closed <svg/> holds nothing
            self._out().append(self.BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self.SKIP:
            # Close the innermost open element of that name, and any left open inside it.
            for index in range(len(self.skipped) - 1, -1, -1):
                if self.skipped[index][0] == tag:
                    del self.skipped[index:]
                    break
        elif tag in self.BLOCK:
            self._out().append(self.BREAK)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        else:
            self._out().append(data)

    def blocks(self) -> list[str]:
        """The text blocks, once the page has been fed and closed."""
        pieces = list(self.pieces)
        for tag, held in self.skipped:  # never closed: keep what they held (but never code)
            if tag not in self.CODE:
                pieces.append(self.BREAK)
                pieces.extend(held)
        blocks, current = [], []
        for piece in [*pieces, self.BREAK]:
            if piece is self.BREAK:
                block = " ".join("".join(current).split())
                if block:
                    blocks.append(block)
                current = []
            else:
                current.append(piece)
        return blocks


def html_to_text(markup: str) -> str:
    """The readable text of an HTML page, a block per paragraph; nothing in it is run.

    Character references are decoded once (``&amp;amp;`` is ``&amp;`` in the text).

    >>> html_to_text("<title>Talks</title><p>Kerry &amp; Lavrov met.<p>They spoke.")
    'Talks\\n\\nKerry & Lavrov met.\\n\\nThey spoke.'
    """
    parser = _TextFromHTML()
    parser.feed(markup)
    parser.close()
    blocks = parser.blocks()
    title = " ".join("".join(parser.title).split())
    if title and (not blocks or blocks[0] != title):
        blocks.insert(0, title)
    return "\n\n".join(blocks)


def markdown_to_text(markup: str) -> str:
    """Markdown with heading marks (``# ``) and emphasis marks removed; otherwise unchanged."""
    text = re.sub(r"(?m)^#{1,6}\s+", "", markup)
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
