"""Answer keys: the expected answers for an article's exercises, each with its explanation.

A key lives in ``data/keys/NAME.json`` and is checked against the JSON Schema in
``kit/key_schema.json`` and against the article itself (offsets inside the text, quoted text equal
to the text at those offsets, sentence ids that exist). A bad key fails with a message that names
the article and the field, so an instructor writing a key for a new article can fix it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from kit import paths
from kit.article import Article

SCHEMA_PATH = Path(__file__).parent / "key_schema.json"


class KeyFormatError(ValueError):
    """An answer key that does not fit its schema or its article."""


@lru_cache(maxsize=1)
def schema() -> dict:
    """The JSON Schema every answer key must satisfy."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def key_path(name: str) -> Path:
    """Where the key of the bundled article ``name`` lives."""
    return paths.keys_dir() / f"{name}.json"


def load_key(article: Article | str | Path) -> dict:
    """Load and validate the answer key for ``article`` (an Article, a bundled id or a path).

    With an Article, the key is also checked against its text. Raises ``FileNotFoundError`` when
    there is no key, and ``KeyFormatError`` (a ``ValueError``) naming the field when it is wrong.
    """
    if isinstance(article, Article):
        name = article.name
        if not name:
            raise FileNotFoundError(
                "This article has no name, so it has no answer key. Exercises need a key: load a "
                "bundled article, or write data/keys/NAME.json for your own (see the README)."
            )
        path = key_path(name)
    elif isinstance(article, Path) or str(article).endswith(".json"):
        path, name = Path(article), Path(article).stem
    else:
        name = str(article)
        path = key_path(name)
    if not path.is_file():
        raise FileNotFoundError(
            f"No answer key for {name!r} (looked for {path}). Keys exist for: "
            f"{', '.join(sorted(p.stem for p in paths.keys_dir().glob('*.json'))) or 'none'}."
        )
    try:
        key = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise KeyFormatError(
            f"Answer key for {name!r} is not valid JSON: {error.msg} at line {error.lineno}."
        ) from None
    validate_key(key, article if isinstance(article, Article) else None, name=name)
    return key


def validate_key(key: dict, article: Article | None = None, *, name: str | None = None) -> None:
    """Check ``key`` against the schema and, when given, against ``article``'s text."""
    import jsonschema  # imported here: it takes seconds to load, and only keys need it

    label = name or (key.get("article") if isinstance(key, dict) else None) or "?"
    errors = sorted(jsonschema.Draft202012Validator(schema()).iter_errors(key), key=_depth)
    if errors:
        worst = errors[0]
        where = "/".join(str(part) for part in worst.absolute_path) or "(top level)"
        raise KeyFormatError(f"Answer key for {label!r}: field {where}: {worst.message}")
    if article is not None:
        for problem in _mismatches(key, article):
            raise KeyFormatError(f"Answer key for {label!r}: {problem}")


def _depth(error) -> tuple[int, str]:
    return (-len(error.absolute_path), error.message)


def _mismatches(key: dict, article: Article):
    """Yield every place where the key disagrees with the article it is for."""
    size = len(article.text)
    sentence_ids = set(article.sentences["sentence_id"])
    paragraph_ids = set(article.paragraphs["paragraph_id"])
    for exercise_id, spec in key["exercises"].items():
        field = f"exercises/{exercise_id}"
        notes = [*spec.get("targets", []), *spec.get("distractors", []), *spec.get("items", [])]
        for number, note in enumerate(notes):
            if "start" in note or "end" in note:
                start, end = note.get("start", -1), note.get("end", -1)
                if not 0 <= start < end <= size:
                    yield f"field {field}: span [{start}, {end}) is outside the article."
                elif "text" in note and article.text[start:end] != note["text"]:
                    yield (
                        f"field {field}: span [{start}, {end}) is "
                        f"{article.text[start:end]!r} in the article, not {note['text']!r}."
                    )
            if note.get("sentence_id") and note["sentence_id"] not in sentence_ids:
                yield f"field {field}: item {number} names sentence {note['sentence_id']!r}."
        scope = spec.get("scope", {})
        for sid in scope.get("sentence_ids", []):
            if sid not in sentence_ids:
                yield f"field {field}/scope: no sentence {sid!r} in the article."
        for pid in scope.get("paragraph_ids", []):
            if pid not in paragraph_ids:
                yield f"field {field}/scope: no paragraph {pid!r} in the article."
        if spec["type"] == "match":
            for item in spec["items"]:
                answers = item["answer"] if isinstance(item["answer"], list) else [item["answer"]]
                for answer in answers:
                    if answer not in spec["choices"]:
                        yield (
                            f"field {field}: item {item['id']!r} expects {answer!r}, "
                            "which is not one of its choices."
                        )
        if spec["type"] == "order":
            positions = sorted(item["position"] for item in spec["items"])
            if positions != list(range(1, len(positions) + 1)):
                yield f"field {field}: positions must be 1..{len(positions)}, got {positions}."
