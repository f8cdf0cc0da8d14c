"""The course: which article a class reads, and the notebooks executed on it, ready to hand out.

One article for the whole course. Every notebook's parameters cell says ``ARTICLE = None``, and
:func:`course_article` fills it in, first found first:

1. the environment variable ``NEWSKIT_ARTICLE`` (a bundled id or a path);
2. a course file ``newskit-course.json`` (``{"article": "my_story.txt"}``) in the working folder
   or a folder above it; a relative path in it counts from the file's own folder;
3. the bundled article, ``kerry-lavrov-moscow``.

:func:`make_course` (``python -m kit course ARTICLE -o FOLDER``) copies the article, its key and its
reference timeline into a new folder with notebooks 00–05, writes the course file there, and runs
every notebook on the article with papermill, so the folder is ready to hand out.

Notebooks show article-specific remarks from the key (:func:`remark`), and choose the paragraphs
they show from the loaded article (:func:`paragraphs_of`, :func:`busiest_paragraphs`), so a student
never reads about the bundled article as if it were theirs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from kit import paths
from kit.article import Article, load_article

COURSE_FILE = "newskit-course.json"
DEFAULT_ARTICLE = "kerry-lavrov-moscow"
# The notebooks a student works through, in order; the instructor's notebooks are not handed out.
STUDENT_NOTEBOOKS = (
    "00_start_here.ipynb",
    "01_anatomy_of_an_article.ipynb",
    "02_attribution.ipynb",
    "03_framing.ipynb",
    "04_chronology.ipynb",
    "05_your_own_article.ipynb",
)


class CourseError(RuntimeError):
    """A course could not be made: the message names the notebook and the cell that failed."""


# --------------------------------------------------------------------------------------------
# Which article


def find_course_file(start: str | Path | None = None) -> Path | None:
    """The nearest ``newskit-course.json`` in ``start`` (default: the working folder) or above."""
    folder = Path(start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / COURSE_FILE
        if path.is_file():
            return path
    return None


def course_article(default: str = DEFAULT_ARTICLE) -> str:
    """The article the course is set to: ``$NEWSKIT_ARTICLE``, the course file, else ``default``.

    >>> course_article(default="kerry-lavrov-moscow")  # no variable and no course file here
    'kerry-lavrov-moscow'
    """
    chosen = os.environ.get("NEWSKIT_ARTICLE", "").strip()
    if chosen:
        return chosen
    path = find_course_file()
    if path is None:
        return default
    try:
        settings = json.loads(path.read_text(encoding="utf-8-sig"))
        article = str(settings["article"]).strip()
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ValueError(
            f'{path} is not a course file: it should hold {{"article": "NAME or path"}}.'
        ) from None
    if article.lower().endswith((".txt", ".md", ".html", ".htm")):
        return str((path.parent / article).resolve())
    return article


def write_course_file(folder: str | Path, article: str) -> Path:
    """Write ``newskit-course.json`` in ``folder`` naming ``article`` (an id, or a file name)."""
    path = Path(folder) / COURSE_FILE
    path.write_text(json.dumps({"article": article}, indent=1) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------
# What the notebooks show about the article


def remark(key: dict, name: str):
    """The key's article-specific remark ``name`` as Markdown for a notebook (``None``: no remark).

    Remarks are sentences such as "This article has no dateline" that only hold for one
    article; they live in its key (``key["remarks"]``), drafted by :func:`kit.keys.draft_key`
    and edited by the instructor.
    """
    from IPython.display import Markdown

    from kit.keys import remark as key_remark

    text = key_remark(key, name)
    return Markdown(text) if isinstance(text, str) and text.strip() else None


def remark_words(key: dict, name: str = "anatomy.words", *, fallback: Iterable[str] = ()) -> list:
    """A comma-separated remark as a list of words (e.g. the article's main names)."""
    from kit.keys import remark as key_remark

    text = key_remark(key, name) or ""
    words = [word.strip() for word in text.split(",") if word.strip()]
    return words or list(fallback)


def paragraphs_of(article: Article, spec: dict) -> list[str]:
    """The paragraph ids an exercise of the key is about, in text order.

    From its ``scope``, else from the sentence ids and offsets of its items and targets.

    >>> art = Article.from_text("Title\\n\\nOne. Two.\\n\\nThree.")
    >>> paragraphs_of(art, {"scope": {"sentence_ids": ["p2.s1"]}})
    ['p2']
    """
    scope = spec.get("scope") or {}
    found = set(scope.get("paragraph_ids", []))
    found |= {sid.split(".")[0] for sid in scope.get("sentence_ids", [])}
    spans = article.paragraphs[["paragraph_id", "start", "end"]].itertuples(index=False)
    spans = list(spans)
    for note in [*spec.get("items", []), *spec.get("targets", [])]:
        if note.get("sentence_id"):
            found.add(str(note["sentence_id"]).split(".")[0])
        elif isinstance(note.get("start"), int):
            found |= {pid for pid, start, end in spans if start <= note["start"] < end}
    return [pid for pid, _start, _end in spans if pid in found]


def busiest_paragraphs(
    article: Article, table: pd.DataFrame, *, avoid: Iterable[str] = (), n: int = 2
) -> list[str]:
    """The ``n`` paragraphs with most rows of ``table`` (by its ``sentence_id``), in text order.

    Paragraphs in ``avoid`` (those an exercise asks about) are passed over while others have rows.

    >>> art = Article.from_text("Title\\n\\nOne. Two.\\n\\nThree.")
    >>> busiest_paragraphs(art, pd.DataFrame({"sentence_id": ["p2.s1", "p2.s2", "p3.s1"]}), n=1)
    ['p2']
    """
    if table is None or len(table) == 0 or "sentence_id" not in table:
        return []
    counts = table["sentence_id"].dropna().astype(str).str.split(".").str[0].value_counts()
    order = {pid: number for number, pid in enumerate(article.paragraphs["paragraph_id"])}
    ranked = sorted(counts.index, key=lambda pid: (-counts[pid], order.get(pid, len(order))))
    avoid = set(avoid)
    preferred = [pid for pid in ranked if pid not in avoid] or ranked
    chosen = set(preferred[:n])
    return [pid for pid in article.paragraphs["paragraph_id"] if pid in chosen]


def passage(article: Article, key: dict, exercise_id: str):
    """The paragraphs an exercise asks about, as HTML to read before answering (``None``: none).

    A notebook shows this above an exercise, whatever the article, instead of naming paragraphs.
    """
    from kit import display

    spec = (key.get("exercises") or {}).get(exercise_id) or {}
    chosen = paragraphs_of(article, spec)
    if not chosen:
        return None
    return display.show_article(article, paragraphs=chosen, headline=False)


def paragraphs_except(article: Article, key: dict, exercise_id: str) -> list[str]:
    """Every paragraph id but those exercise ``exercise_id`` asks about (kept for it)."""
    spec = (key.get("exercises") or {}).get(exercise_id) or {}
    kept = set(paragraphs_of(article, spec))
    return [pid for pid in article.paragraphs["paragraph_id"] if pid not in kept]


# Capitalised words that start sentences or name months and days rather than people and places.
NOT_NAMES = frozenset(
    "The A An In On At But And Yet It He She They We I This That These Those His Her Their Its "
    "Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February "
    "March April May June July August September October November December".split()
)


def main_names(article: Article, key: dict | None = None, *, n: int = 5) -> list[str]:
    """Names to follow through the article: the key's ``anatomy.words`` remark, else the ``n``
    capitalised words used most often, among those seen inside a sentence at least once.

    >>> art = Article.from_text("Talks\\n\\nThe envoy met Lind. Then Lind left Oslo; Lind spoke.")
    >>> main_names(art, n=2)
    ['Lind', 'Oslo']
    """
    chosen = remark_words(key or {}, "anatomy.words")
    if chosen:
        return chosen[:n]
    # A name is a capitalised word seen at least once inside a sentence; count all its uses.
    word_pattern = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b"
    inside = set()
    for sentence in article.sentences["text"]:
        inside |= set(re.findall(r"(?<=\s)" + word_pattern, sentence))
    counts: dict[str, int] = {}
    for word in re.findall(r"\b" + word_pattern, article.body):
        if word in inside and word not in NOT_NAMES:
            counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts, key=lambda word: (-counts[word], word))
    return ranked[:n]


def reference_or_advice(article: Article):
    """The article's reference timeline as a table, or, when it has none, what one is and how to
    write it (as Markdown), so a notebook can go on either way."""
    from IPython.display import Markdown

    from kit import chronology

    found = chronology.find_reference(article)
    if found is not None:
        table = chronology.load_reference(found)
        wanted = [c for c in ("event_id", "event", "date", "source") if c in table.columns]
        return table[wanted]
    name = article.name or "NAME"
    return Markdown(
        f"**No reference timeline for this article yet.** A reference timeline is a short table of "
        f"the events the article mentions, each with its date from an independent record (another "
        f"outlet, an official statement, an encyclopedia) and the source. To add one, save a CSV "
        f"file called `{name}.reference.csv` next to the article, with the columns `event`, "
        f"`date` (ISO: `2024-03-12`, `2024-03` or `2024`) and `source`; the optional "
        f"`article_says` column gives the words in the article that date the same event. Then "
        f"run this notebook again: the cross-check and its exercise appear."
    )


def anchor_dates(article: Article, key: dict | None = None) -> list[str]:
    """Two anchors to try relative dates against: the date of writing as best known, a year later.

    The date of writing is the key's ``chronology.record_date`` remark, else the article's
    publication date, else the latest full date the article writes.
    """
    from kit import chronology

    record = remark_words(key or {}, "chronology.record_date")
    if record:
        first = record[0]
    elif article.published is not None:
        first = article.published.isoformat()
    else:
        values = chronology.time_expressions(article)["value"].astype(str)
        full = sorted(v for v in values if re.fullmatch(r"\d{4}-\d\d-\d\d", v))
        first = full[-1] if full else "2020-01-01"
    year, rest = first[:4], first[4:]
    later = f"{int(year) + 1:04d}{rest}" if rest != "-02-29" else f"{int(year) + 1:04d}-02-28"
    return [first, later]


PRACTICE_FILE = "practice-article.txt"


def practice_article(folder: str | Path = ".") -> Path:
    """A copy of a constructed practice article in ``folder`` (made once), to try a key on.

    ``make_a_key.ipynb`` uses it when no article is named, so a key saved beside it lands in the
    instructor's own folder, never inside the kit.
    """
    target = Path(folder) / PRACTICE_FILE
    if not target.is_file():
        source = paths.variants_dir() / "kerry-lavrov-variant-a.txt"
        target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return target


# The exercises notebook 05 drafts on a student's own article: those the analysers answer best.
CAPSTONE_EXERCISES = (
    "attribution.kind_of_attribution",
    "attribution.who_said_it",
    "framing.loaded_words",
    "chronology.find_time_expressions",
    "chronology.resolve_dates",
)


def disagreement_spec(exercise_id: str) -> dict:
    """A writing exercise in which a student says where they read an exercise differently."""
    return {
        "type": "text",
        "notebook": "05_your_own_article",
        "title": "Do you read it differently from the kit?",
        "prompt": (
            "If you think the kit's answer to the exercise above is wrong, say which item and "
            "why. Leave it empty if you agree."
        ),
        "placeholder": "For example: item 3, ‘he’ is the minister, not the president, because …",
        "explanation": (
            "Your reading is saved with your progress, next to the kit's: your instructor sees "
            f"where you disagree with the kit on {exercise_id} and why."
        ),
    }


def capstone(article: Article, key: dict, exercise_ids=CAPSTONE_EXERCISES):
    """The drafted exercises on a student's own article, each followed by a box to disagree.

    Exercises the draft could not make (an article with no quotations, say) are left out with a
    line that says so.
    """
    import ipywidgets as widgets

    from kit import exercises

    parts = []
    for exercise_id in exercise_ids:
        spec = (key.get("exercises") or {}).get(exercise_id)
        if spec is None or spec.get("status") == "placeholder":
            parts.append(
                widgets.HTML(
                    f"<p><i>No exercise “{exercise_id}” for this article: the kit found nothing to "
                    "ask about here.</i></p>"
                )
            )
            continue
        disagree_id = "capstone.disagree_" + exercise_id.replace(".", "_")
        own = {
            "article": key.get("article", ""),
            "exercises": {disagree_id: disagreement_spec(exercise_id)},
        }
        parts.append(exercises.exercise(article, key, exercise_id))
        parts.append(exercises.free_text(article, own, disagree_id))
    return widgets.VBox(parts)


# --------------------------------------------------------------------------------------------
# A folder of notebooks to hand out


def _companions(article: Article) -> dict[str, Path]:
    """The files that travel with an article: its metadata and reference timeline, if any."""
    found: dict[str, Path] = {}
    name, folder = article.name, article.path.parent if article.path else None
    if folder is not None:
        for suffix in (".meta.json", ".reference.csv"):
            if (folder / f"{name}{suffix}").is_file():
                found[suffix] = folder / f"{name}{suffix}"
    bundled = paths.reference_dir() / f"{name}.csv"
    if ".reference.csv" not in found and bundled.is_file():
        found[".reference.csv"] = bundled
    return found


def _course_key(article: Article, log: Callable[[str], None]) -> dict:
    from kit import keys

    try:
        return keys.load_key(article)
    except FileNotFoundError:
        log(f"No answer key for {article.name!r} yet: drafting one from the kit's analysers.")
        return keys.draft_key(article)


def make_course(
    article: str | Path | Article,
    output: str | Path,
    *,
    notebooks: Iterable[str] = STUDENT_NOTEBOOKS,
    log: Callable[[str], None] = print,
) -> list[Path]:
    """Copy ``article`` with its key into a new folder ``output`` and run notebooks 00–05 on it.

    The key is the article's own (beside it, in ``$NEWSKIT_KEYS_DIR`` or bundled) or, when it has
    none, a draft from :func:`kit.keys.draft_key` (the exercises then say they are the kit's
    reading). Returns the executed notebooks' paths. Raises ``FileExistsError`` when ``output`` is
    a folder that is not empty, and :class:`CourseError` naming the notebook and the cell when a
    notebook fails.
    """
    import papermill

    art = article if isinstance(article, Article) else load_article(article)
    if not art.name:
        raise ValueError("The article has no name: load it from a file to make a course of it.")
    output = Path(output)
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise FileExistsError(f"{output} already exists and is not empty: choose a new folder.")
    output.mkdir(parents=True, exist_ok=True)
    key = _course_key(art, log)
    file_name = f"{art.name}.txt"
    (output / file_name).write_text(art.text, encoding="utf-8")
    for suffix, source in _companions(art).items():
        shutil.copyfile(source, output / f"{art.name}{suffix}")
    (output / f"{art.name}.key.json").write_text(
        json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    write_course_file(output, file_name)
    done = []
    with tempfile.TemporaryDirectory(prefix="newskit-course-") as scratch:
        environment = {"NEWSKIT_PROGRESS_DIR": scratch, "NEWSKIT_ARTICLE": ""}
        saved = {name: os.environ.get(name) for name in environment}
        os.environ.update(environment)
        try:
            for name in notebooks:
                started = time.perf_counter()
                target = output / name
                try:
                    papermill.execute_notebook(
                        str(paths.notebooks_dir() / name),
                        str(target),
                        parameters={} if name.startswith("05") else {"ARTICLE": file_name},
                        cwd=str(output),
                        progress_bar=False,
                        log_output=False,
                        kernel_name="python3",
                    )
                except papermill.PapermillExecutionError as error:
                    raise CourseError(
                        f"{name} failed at cell {error.cell_index} "
                        f"(execution {error.exec_count}): {error.ename}: {error.evalue}"
                    ) from None
                log(f"{name}: ran in {time.perf_counter() - started:.1f} s")
                done.append(target)
        finally:
            for variable, value in saved.items():
                if value is None:
                    os.environ.pop(variable, None)
                else:
                    os.environ[variable] = value
    return done
