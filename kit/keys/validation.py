"""Checking an answer key: against its schema, against itself, and against its article.

Three layers, each a function that yields problems as ``(field, message)`` pairs:

- :func:`schema_problems` reads ``kit/key_schema.json`` with a small validator written for the
  part of JSON Schema the key schema uses (``type``, ``required``, ``properties``, ``enum``,
  ``if``/``then``/``else`` ...). It loads in milliseconds, where the full ``jsonschema`` library
  takes seconds to import; ``python -m kit check-key`` runs ``jsonschema`` as well. A keyword this
  validator does not know is an error, never silently skipped.
- :func:`consistency_problems`: what a schema cannot say: ids that repeat, a match answer that is
  not one of its choices, order positions that are not 1..n.
- :func:`text_problems`: offsets inside the article, quoted text equal to the text at its offsets,
  sentence and paragraph ids that exist, and the key's ``article`` naming this article.

:func:`validate_key` runs them and raises :class:`KeyFormatError` with the first problem, as
"Answer key for 'NAME': field exercises/anatomy.lede/options/0/explanation: ...".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from kit.article import Article

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "key_schema.json"

Problem = tuple[str, str]


class KeyFormatError(ValueError):
    """An answer key that does not fit its schema or its article."""


@lru_cache(maxsize=1)
def schema() -> dict:
    """The JSON Schema every answer key must satisfy."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------------------------
# The schema, read by a small validator


# Keywords that only describe (no check attached).
ANNOTATIONS = {"$schema", "$id", "title", "description", "$comment", "examples", "default",
               "format", "deprecated", "readOnly", "writeOnly"}  # fmt: skip
TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    # JSON Schema counts 809.0 as an integer; a key may not (offsets slice the text).
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _short(value) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _resolve(ref: str) -> dict:
    if not ref.startswith("#/"):
        raise KeyFormatError(f"The key schema refers to {ref!r}; only '#/...' references work.")
    node = schema()
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def _check(value, rule: dict, path: tuple) -> Iterator[tuple[tuple, str]]:
    """Yield ``(path, message)`` for every way ``value`` breaks the schema ``rule``."""
    for word in rule:
        if word not in KEYWORDS and word not in ANNOTATIONS:
            raise KeyFormatError(
                f"The key schema uses {word!r}, which kit.keys cannot check yet: add it to "
                "KEYWORDS in kit/keys/validation.py."
            )
    if "$ref" in rule:
        yield from _check(value, _resolve(rule["$ref"]), path)
    if "type" in rule:
        wanted = rule["type"] if isinstance(rule["type"], list) else [rule["type"]]
        if not any(TYPES[t](value) for t in wanted):
            if "integer" in wanted and isinstance(value, float) and value.is_integer():
                yield (
                    path,
                    (
                        f"{value!r} is not a whole number: offsets and positions are integers "
                        f"(write {int(value)}, without '.0')."
                    ),
                )
            else:
                yield path, f"{_short(value)} is not of type {' or '.join(wanted)}."
            return  # the other keywords assume the right type
    if "enum" in rule and value not in rule["enum"]:
        yield path, f"{_short(value)} is not one of {', '.join(map(_short, rule['enum']))}."
    if "const" in rule and value != rule["const"]:
        yield path, f"{_short(value)} should be {_short(rule['const'])}."
    if isinstance(value, str):
        if len(value) < rule.get("minLength", 0):
            yield path, f"{_short(value)} is too short (at least {rule['minLength']} characters)."
        if len(value) > rule.get("maxLength", len(value)):
            yield path, f"{_short(value)} is too long (at most {rule['maxLength']} characters)."
        if "pattern" in rule and not re.search(rule["pattern"], value):
            yield path, f"{_short(value)} does not match the pattern {rule['pattern']!r}."
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in rule and value < rule["minimum"]:
            yield path, f"{value} is less than {rule['minimum']}."
        if "maximum" in rule and value > rule["maximum"]:
            yield path, f"{value} is more than {rule['maximum']}."
        if "exclusiveMinimum" in rule and value <= rule["exclusiveMinimum"]:
            yield path, f"{value} must be more than {rule['exclusiveMinimum']}."
        if "exclusiveMaximum" in rule and value >= rule["exclusiveMaximum"]:
            yield path, f"{value} must be less than {rule['exclusiveMaximum']}."
    if isinstance(value, dict):
        yield from _check_object(value, rule, path)
    if isinstance(value, list):
        if len(value) < rule.get("minItems", 0):
            yield path, f"has {len(value)} entries; at least {rule['minItems']} are needed."
        if len(value) > rule.get("maxItems", len(value)):
            yield path, f"has {len(value)} entries; at most {rule['maxItems']} are allowed."
        if rule.get("uniqueItems"):
            seen = [json.dumps(entry, sort_keys=True) for entry in value]
            if len(set(seen)) < len(seen):
                yield path, "has the same entry twice; every entry must be different."
        if "items" in rule:
            for number, entry in enumerate(value):
                yield from _check(entry, rule["items"], (*path, number))
        if "contains" in rule and not any(_fits(entry, rule["contains"]) for entry in value):
            yield path, f"needs at least one entry like {_describe(rule['contains'])}."
    for part in rule.get("allOf", []):
        yield from _check(value, part, path)
    if "oneOf" in rule:
        fitting = [part for part in rule["oneOf"] if _fits(value, part)]
        if len(fitting) != 1:
            yield path, f"fits {len(fitting)} of the allowed forms; it must fit exactly one."
    if "anyOf" in rule:
        attempts = [list(_check(value, part, path)) for part in rule["anyOf"]]
        if all(attempts):
            yield min((errors[0] for errors in attempts), key=lambda e: -len(e[0]))
    if "not" in rule and _fits(value, rule["not"]):
        yield path, f"{_short(value)} is not allowed here."
    if "if" in rule:
        branch = rule.get("then") if _fits(value, rule["if"]) else rule.get("else")
        if branch is not None:
            yield from _check(value, branch, path)


def _check_object(value: dict, rule: dict, path: tuple) -> Iterator[tuple[tuple, str]]:
    for name in rule.get("required", []):
        if name not in value:
            yield (*path, name), "this field is required but missing."
    if len(value) < rule.get("minProperties", 0):
        yield path, f"needs at least {rule['minProperties']} field(s)."
    if len(value) > rule.get("maxProperties", len(value)):
        yield path, f"has more than {rule['maxProperties']} field(s)."
    properties = rule.get("properties", {})
    for name, entry in value.items():
        if "propertyNames" in rule:
            for _, message in _check(name, rule["propertyNames"], ()):
                yield (*path, name), f"this name is not allowed: {message}"
        if name in properties:
            yield from _check(entry, properties[name], (*path, name))
        elif "additionalProperties" in rule and isinstance(rule["additionalProperties"], dict):
            yield from _check(entry, rule["additionalProperties"], (*path, name))


def _fits(value, rule: dict) -> bool:
    return next(iter(_check(value, rule, ())), None) is None


def _describe(rule: dict) -> str:
    fixed = {k: v["const"] for k, v in rule.get("properties", {}).items() if "const" in v}
    return json.dumps(fixed, ensure_ascii=False) if fixed else json.dumps(rule)


KEYWORDS = {
    "$ref", "type", "enum", "const", "minLength", "maxLength", "pattern", "minimum", "maximum",
    "exclusiveMinimum", "exclusiveMaximum", "required", "minProperties", "maxProperties",
    "properties", "propertyNames", "additionalProperties", "minItems", "maxItems", "uniqueItems",
    "items", "contains", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$defs",
}  # fmt: skip


def schema_problems(key) -> list[Problem]:
    """Every way ``key`` breaks ``kit/key_schema.json``, deepest field first.

    >>> schema_problems({"article": "mine"})
    [('exercises', 'this field is required but missing.')]
    """
    found = list(_check(key, schema(), ()))
    found.sort(key=lambda error: -len(error[0]))
    return [("/".join(str(part) for part in where) or "(top level)", message)
            for where, message in found]  # fmt: skip


def full_schema_problems(key) -> list[Problem]:
    """The same check by the ``jsonschema`` library (slow to import: for ``check-key``)."""
    import jsonschema

    errors = jsonschema.Draft202012Validator(schema()).iter_errors(key)
    found = sorted(errors, key=lambda error: -len(error.absolute_path))
    return [("/".join(str(part) for part in error.absolute_path) or "(top level)", error.message)
            for error in found]  # fmt: skip


# --------------------------------------------------------------------------------------------
# What the schema cannot say


def consistency_problems(key: dict) -> Iterator[Problem]:
    """Ids that repeat, match answers outside the choices, order positions that are not 1..n."""
    for exercise_id, spec in key.get("exercises", {}).items():
        field = f"exercises/{exercise_id}"
        if spec.get("status") == "placeholder":
            continue
        for part in ("options", "items"):
            seen: set = set()
            for number, entry in enumerate(spec.get(part, [])):
                if entry.get("id") in seen:
                    yield (
                        f"{field}/{part}/{number}/id",
                        f"the id {entry['id']!r} is used twice in this exercise; every "
                        f"{part[:-1] if part == 'items' else 'option'} needs its own id.",
                    )
                seen.add(entry.get("id"))
        if spec["type"] == "match":
            for number, item in enumerate(spec["items"]):
                answers = item["answer"] if isinstance(item["answer"], list) else [item["answer"]]
                for answer in answers:
                    if answer not in spec["choices"]:
                        yield (
                            f"{field}/items/{number}/answer",
                            f"item {item['id']!r} expects {answer!r}, which is not one of its "
                            "choices.",
                        )
        if spec["type"] == "order":
            positions = sorted(item["position"] for item in spec["items"])
            if positions != list(range(1, len(positions) + 1)):
                yield f"{field}/items", f"positions must be 1..{len(positions)}, got {positions}."


def text_problems(key: dict, article: Article, *, sentences: bool = True) -> Iterator[Problem]:
    """Every place where the key disagrees with the article it is for.

    ``sentences=False`` leaves out the sentence ids: checking them splits the article into
    sentences, which costs the first notebook cell a second of imports. :func:`load_key` checks
    them later, one exercise at a time, when the exercise is built (:func:`sentence_problems`).
    """
    if article.name and key.get("article") != article.name:
        yield (
            "article",
            f"this key is for {key.get('article')!r}, not for the article {article.name!r}. "
            "Load the key that belongs to this article, or, if the two texts are the same, "
            f'change the key\'s "article" to {article.name!r}.',
        )
        return
    size = len(article.text)
    paragraph_ids = set(article.paragraphs["paragraph_id"])
    for exercise_id, spec in key["exercises"].items():
        field = f"exercises/{exercise_id}"
        for part in ("targets", "distractors", "items"):
            for number, note in enumerate(spec.get(part, [])):
                where = f"{field}/{part}/{number}"
                if "start" in note or "end" in note:
                    start, end = note.get("start", -1), note.get("end", -1)
                    if not 0 <= start < end <= size:
                        yield where, f"span [{start}, {end}) is outside the article."
                    elif "text" in note and article.text[start:end] != note["text"]:
                        yield (
                            where,
                            (
                                f"span [{start}, {end}) is {article.text[start:end]!r} in the "
                                f"article, not {note['text']!r}."
                            ),
                        )
        for pid in spec.get("scope", {}).get("paragraph_ids", []):
            if pid not in paragraph_ids:
                yield f"{field}/scope", f"no paragraph {pid!r} in the article."
        if sentences:
            yield from sentence_problems(key, article, exercise_id)


def sentence_problems(key: dict, article: Article, exercise_id: str) -> Iterator[Problem]:
    """The sentence ids of exercise ``exercise_id`` that the article does not have."""
    spec = key["exercises"][exercise_id]
    field = f"exercises/{exercise_id}"
    wanted = [
        (f"{field}/{part}/{number}", note["sentence_id"])
        for part in ("targets", "distractors", "items")
        for number, note in enumerate(spec.get(part, []))
        if note.get("sentence_id")
    ]
    wanted += [(f"{field}/scope", sid) for sid in spec.get("scope", {}).get("sentence_ids", [])]
    if not wanted:
        return
    sentence_ids = set(article.sentences["sentence_id"])
    for where, sid in wanted:
        if sid not in sentence_ids:
            yield where, f"no sentence {sid!r} in the article."


def problems(
    key, article: Article | None = None, *, full: bool = False, sentences: bool = True
) -> list[Problem]:
    """All the problems of ``key``: schema first, then consistency, then the article's text.

    ``full=True`` also runs the ``jsonschema`` library (seconds to import); ``sentences=False``
    leaves the sentence ids to :func:`sentence_problems`.
    """
    found = schema_problems(key)
    if full:
        found += [p for p in full_schema_problems(key) if p not in found]
    if found:
        return found
    found = list(consistency_problems(key))
    if not found and article is not None:
        found = list(text_problems(key, article, sentences=sentences))
    return found


def validate_key(
    key, article: Article | None = None, *, name: str | None = None, sentences: bool = True
) -> None:
    """Check ``key`` against the schema and, when given, against ``article``'s text
    (``sentences=False``: all but the sentence ids, see :func:`text_problems`).

    Raises :class:`KeyFormatError` naming the article and the field of the first problem.

    >>> try:
    ...     validate_key({"article": "mine", "exercises": {"a.b": {"type": "choice"}}})
    ... except KeyFormatError as error:
    ...     print(error)
    Answer key for 'mine': field exercises/a.b/notebook: this field is required but missing.
    """
    raise_first(problems(key, article, sentences=sentences), key, name)


def raise_first(found: list[Problem], key, name: str | None = None) -> None:
    """Raise :class:`KeyFormatError` for the first of ``found`` (nothing when it is empty)."""
    if found:
        label = name or (key.get("article") if isinstance(key, dict) else None) or "?"
        where, message = found[0]
        raise KeyFormatError(f"Answer key for {label!r}: field {where}: {message}")
