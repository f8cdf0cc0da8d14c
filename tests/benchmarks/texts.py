"""The texts the benchmarks time, generated from the kit's own material (no published news).

The sources are the bundled article, the three constructed variants in ``data/variants/`` and the
constructed texts beside this file. :func:`generated_articles` perturbs them (other names, years
shifted, weekdays and reporting verbs swapped, paragraphs shuffled) and repeats them until the
corpus reaches the size asked for; the same seed always gives the same corpus.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

import kit
from kit import paths

HERE = Path(__file__).resolve().parent

# Names swapped for others, so repeated articles are not identical text.
FIRST_NAMES = ["Anna", "Marek", "Leila", "Tomas", "Ines", "Kofi", "Yuki", "Pavel", "Sara", "Omar"]
SURNAMES = ["Varga", "Okafor", "Brandt", "Haddou", "Leppik", "Solen", "Erdel", "Ramaker", "Novak",
            "Castell", "Mbeki", "Laine", "Torres", "Ivanova", "Quist", "Demir"]  # fmt: skip
SWAPPED_NAMES = ["Kerry", "Lavrov", "Putin", "Obama", "Varga", "Leppik", "Okafor", "Ramaker",
                 "Haddou", "Brandt", "Solen", "Erdel"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
VERBS = ["said", "told reporters", "added", "noted", "warned", "insisted", "claimed"]
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


@lru_cache(maxsize=1)
def seed() -> kit.Article:
    return kit.load_article("kerry-lavrov-moscow")


@lru_cache(maxsize=1)
def sources() -> tuple[str, ...]:
    """The texts every generated article starts from (full texts, headline first)."""
    files = [paths.articles_dir() / "kerry-lavrov-moscow.txt"]
    files += sorted(paths.variants_dir().glob("*.txt"))
    files += sorted((HERE / "constructed").glob("*.txt"))
    return tuple(f.read_text(encoding="utf-8") for f in files)


def perturb(text: str, rng: random.Random) -> str:
    """Another article from ``text``: names, years, weekdays, verbs and paragraph order changed."""
    names = {name: rng.choice(SURNAMES) for name in SWAPPED_NAMES}
    text = re.sub(r"\b(" + "|".join(SWAPPED_NAMES) + r")\b", lambda m: names[m.group()], text)
    shift = rng.randint(-6, 6)
    text = YEAR.sub(lambda m: str(int(m.group()) + shift), text)
    day = rng.randint(0, 6)
    text = re.sub(
        r"\b(" + "|".join(WEEKDAYS) + r")\b",
        lambda m: WEEKDAYS[(WEEKDAYS.index(m.group()) + day) % 7],
        text,
    )
    text = re.sub(r"\b(said|added|warned)\b", lambda m: rng.choice(VERBS), text)
    head, *paragraphs = text.split("\n\n")
    if len(paragraphs) > 3 and rng.random() < 0.5:
        body = paragraphs[1:]
        rng.shuffle(body)
        paragraphs = paragraphs[:1] + body
    if len(paragraphs) > 4 and rng.random() < 0.3:
        paragraphs.pop(rng.randrange(1, len(paragraphs)))
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
    paragraphs.append(f"“We will follow this closely,” {name} said on {rng.choice(WEEKDAYS)}.")
    return "\n\n".join([head, *paragraphs])


def generated_articles(
    total_chars: int, *, seed_number: int = 0, limit: int | None = None
) -> list[str]:
    """Generated articles adding up to at least ``total_chars`` characters (or ``limit``
    articles, if that comes first)."""
    rng = random.Random(seed_number)
    articles, size, originals = [], 0, sources()
    while size < total_chars and (limit is None or len(articles) < limit):
        text = perturb(originals[len(articles) % len(originals)], rng)
        articles.append(text)
        size += len(text) + 2
    return articles


def corpus_text(total_chars: int) -> str:
    """The generated articles as one long text, one after the other, paragraphs apart."""
    return "Generated corpus\n\n" + "\n\n".join(generated_articles(total_chars))


def single_line(total_chars: int) -> str:
    """The generated articles as one line: no line break at all, ``total_chars`` long."""
    text = " ".join(" ".join(generated_articles(total_chars)).split())
    return text[:total_chars]


# The texts of the detailed per-function benchmarks (bench_*.py, `run.py --details`).


def long_text(megabytes: int) -> str:
    """The seed's body repeated, paragraphs apart, to at least ``megabytes`` million characters."""
    body = seed().body
    copies = megabytes * 1_000_000 // (len(body) + 2) + 1
    return "A long file\n\n" + "\n\n".join([body] * copies)


@lru_cache(maxsize=2)
def long_article(megabytes: int) -> kit.Article:
    """:func:`long_text` as an Article, already segmented so timings measure only the analyser."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", kit.NewskitWarning)  # the size warning
        article = kit.Article.from_text(long_text(megabytes))
    article.sentences  # noqa: B018 (segment once, outside the timing)
    return article
