"""Answer keys: the expected answers for an article's exercises, each with its explanation.

    key = kit.keys.load_key(art)           # beside the article, in $NEWSKIT_KEYS_DIR, or bundled
    draft = kit.keys.draft_key(art)        # a key drafted from the analysers, for review
    kit.keys.save_key(draft, art)          # validated, written beside the article (NAME.key.json)
    kit.keys.remark(key, "anatomy.dateline")   # an article-specific sentence for the notebooks

Where a key is found, in this order (:func:`load_key`):

1. ``NAME.key.json`` beside the article's file (``my_article.txt`` -> ``my_article.key.json``);
2. ``$NEWSKIT_KEYS_DIR/NAME.json``, when that environment variable names a folder;
3. the kit's bundled ``data/keys/NAME.json``.

A key is checked against ``kit/key_schema.json`` and against the article (offsets inside the text,
quoted text equal to the text at those offsets, sentence ids that exist, the key's ``article``
naming this article): see :mod:`kit.keys.validation`. A bad key fails with a message naming the
article and the field, so an instructor can fix it.

Drafted keys (:mod:`kit.keys.draft`) say so: ``"draft": true`` at the top, and per exercise a
``"status"``: ``"kit"`` (the analysers' reading, not reviewed), ``"reviewed"`` or
``"placeholder"`` (an exercise that needs the instructor's own answer). A key without these
fields is a reviewed key.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from kit import paths
from kit.article import Article
from kit.keys.validation import (
    SCHEMA_PATH,
    KeyFormatError,
    problems,
    schema,
    validate_key,
)

__all__ = [
    "SCHEMA_PATH", "KeyFormatError", "article_for", "draft_key", "is_draft", "key_location",
    "key_path", "load_key", "problems", "read_key_file", "remark", "save_key", "schema",
    "search_paths", "validate_key",
]  # fmt: skip

KEYS_DIR_VARIABLE = "NEWSKIT_KEYS_DIR"


def key_path(name: str) -> Path:
    """Where the key of the bundled article ``name`` lives (``data/keys/NAME.json``)."""
    return paths.keys_dir() / f"{name}.json"


def search_paths(article: Article | str) -> list[Path]:
    """The files :func:`load_key` tries for ``article`` (an Article or an article id), in order."""
    name = article.name if isinstance(article, Article) else str(article)
    found = []
    if isinstance(article, Article) and article.path is not None:
        found.append(Path(article.path).with_name(f"{name}.key.json"))
    if os.environ.get(KEYS_DIR_VARIABLE):
        found.append(Path(os.environ[KEYS_DIR_VARIABLE]).expanduser() / f"{name}.json")
    found.append(key_path(name))
    return found


def read_key_file(path: str | Path, *, name: str | None = None) -> dict:
    """Read a key file as JSON (UTF-8, with or without a byte-order mark), without validating it."""
    path = Path(path)
    name = name or path.name.removesuffix(".json").removesuffix(".key")
    try:
        key = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise KeyFormatError(
            f"Answer key for {name!r} ({path}) is not UTF-8 text: save it again as UTF-8."
        ) from None
    except json.JSONDecodeError as error:
        raise KeyFormatError(
            f"Answer key for {name!r} is not valid JSON: {error.msg} at line {error.lineno}, "
            f"column {error.colno} of {path.name}."
        ) from None
    if not isinstance(key, dict):
        raise KeyFormatError(
            f"Answer key for {name!r}: field (top level): a key is a JSON object "
            '{"article": ..., "exercises": {...}}, not a list or a value.'
        )
    return key


def load_key(article: Article | str | Path, *, check_text: bool = True) -> dict:
    """Load and validate the answer key for ``article``: an Article, an article id, or a key file.

    For an Article the key is found beside its file, then in ``$NEWSKIT_KEYS_DIR``, then among the
    bundled keys, and checked against its text (``check_text=False`` skips that). A key file given
    by path is checked against its article when the article can be found (beside the key, or
    bundled). Raises ``FileNotFoundError`` saying where it looked and how to make a key, and
    :class:`KeyFormatError` (a ``ValueError``) naming the field when the key is wrong. Sentence
    ids are checked when an exercise is built (:func:`kit.exercises.exercise`), so loading a key
    does not split the article into sentences; ``python -m kit check-key`` checks everything.

    >>> key = load_key("kerry-lavrov-moscow")
    >>> key["article"], len(key["exercises"]) > 10
    ('kerry-lavrov-moscow', True)
    """
    if isinstance(article, Article):
        if not article.name:
            raise FileNotFoundError(
                "This article has no name, so it has no answer key. Save its text to a file and "
                "load it with kit.load_article(path), then draft a key with "
                "`python -m kit draft-key PATH` (or notebooks/instructor/make_a_key.ipynb)."
            )
        key = _read_first(article, search_paths(article))
        validate_key(key, article if check_text else None, name=article.name, sentences=False)
        return key
    if isinstance(article, Path) or str(article).endswith(".json"):
        path = Path(article).expanduser()
        if not path.is_file():
            raise FileNotFoundError(f"No answer key file at {path}.")
        key = read_key_file(path)
        name = str(key.get("article") or path.stem)
        found = article_for(path, key) if check_text else None
        validate_key(key, found, name=name, sentences=False)
        return key
    name = str(article)
    key = _read_first(name, search_paths(name))
    validate_key(key, name=name)
    return key


def _read_first(article: Article | str, candidates: list[Path]) -> dict:
    name = article.name if isinstance(article, Article) else article
    for candidate in candidates:
        if candidate.is_file():
            return read_key_file(candidate, name=name)
    looked = "\n".join(f"  - {c}" for c in candidates)
    bundled = ", ".join(sorted(p.stem for p in paths.keys_dir().glob("*.json"))) or "none"
    source = article.path if isinstance(article, Article) and article.path else name
    raise FileNotFoundError(
        f"No answer key for {name!r}. Looked in:\n{looked}\n"
        f"Make one: `python -m kit draft-key {source}` drafts it beside the article (review it, "
        "or use notebooks/instructor/make_a_key.ipynb). "
        f"Bundled keys exist for: {bundled}."
    )


def article_for(key_file: Path, key: dict) -> Article | None:
    """The article a key file belongs to, when it can be found: beside the key, or bundled."""
    from kit.article import SUFFIXES, load_article

    name = key.get("article")
    if not isinstance(name, str) or not name:
        return None
    for suffix in SUFFIXES:
        beside = key_file.with_name(name + suffix)
        if beside.is_file():
            return load_article(beside)
    if (paths.articles_dir() / f"{name}.txt").is_file():
        return load_article(name)
    return None


def is_draft(key: dict) -> bool:
    """Whether ``key`` is a draft that has not been reviewed as a whole (``"draft": true``)."""
    return bool(key.get("draft"))


def key_location(article: Article) -> Path:
    """Where :func:`save_key` writes the key of ``article`` by default.

    Beside the article's file (``NAME.key.json``) when its folder can be written to (never
    inside an installed kit's own data folder), else
    ``$NEWSKIT_KEYS_DIR/NAME.json``. Raises ``ValueError`` when neither is possible (an article
    built from text in Python, or a read-only install with no ``$NEWSKIT_KEYS_DIR``).
    """
    if not article.name:
        raise ValueError(
            "This article has no name: save its text to a file and load it with "
            "kit.load_article(path), or pass save_key(..., path=...)."
        )
    if article.path is not None:
        folder = Path(article.path).parent
        # An installed kit's own data (site-packages/kit/data) is never written to.
        installed = (paths.PACKAGE / "data") in (folder, *folder.parents)
        if os.access(folder, os.W_OK) and not installed:
            return folder / f"{article.name}.key.json"
    if os.environ.get(KEYS_DIR_VARIABLE):
        return Path(os.environ[KEYS_DIR_VARIABLE]).expanduser() / f"{article.name}.json"
    where = Path(article.path).parent if article.path else "(no file)"
    raise ValueError(
        f"Cannot save a key beside {article.name!r}: its folder {where} is read-only or part "
        f"of the installed kit. Set "
        f"{KEYS_DIR_VARIABLE} to a folder of your own (keys are read from there too), or copy "
        "the article into your own folder and load it from there."
    )


def save_key(
    key: dict, article: Article, path: str | Path | None = None, *, overwrite: bool = False
) -> Path:
    """Validate ``key`` against ``article`` and write it (UTF-8 JSON, indent 1); returns the path.

    ``path`` defaults to :func:`key_location`. A draft never replaces a reviewed key silently:
    saving a draft over a file that holds a reviewed key raises ``FileExistsError`` unless
    ``overwrite=True``. Exercises keep the order they have in ``key``.
    """
    validate_key(key, article, name=article.name)
    target = Path(path).expanduser() if path is not None else key_location(article)
    if target.is_file() and is_draft(key) and not overwrite:
        try:
            existing = read_key_file(target)
        except KeyFormatError:
            existing = {}
        if existing and not is_draft(existing):
            raise FileExistsError(
                f"{target} holds a reviewed key; saving a draft would replace the reviewed "
                "answers. Save the draft elsewhere, or pass overwrite=True "
                "(python -m kit draft-key ... --force) to replace it."
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(key, ensure_ascii=False, indent=1) + "\n"
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(target)
    return target


def remark(key: dict, name: str, default: str = "") -> str:
    """The article-specific sentence ``name`` of ``key`` (``"anatomy.dateline"``), or ``default``.

    >>> remark({"remarks": {"anatomy.words": "Kerry, Lavrov"}}, "anatomy.words")
    'Kerry, Lavrov'
    >>> remark({}, "anatomy.dateline", "No remark.")
    'No remark.'
    """
    value = (key or {}).get("remarks", {}).get(name)
    return value if isinstance(value, str) and value.strip() else default


from kit.keys.draft import draft_key  # noqa: E402  (the drafter uses the functions above)
