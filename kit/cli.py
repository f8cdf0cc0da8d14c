"""The command line: ``python -m kit COMMAND``, for preparing a class without opening Jupyter.

Each command is a small function below that parses nothing itself: :func:`main` builds the
parser, and the work is done by the module that owns it (keys, display, corpus, progress).
Exit codes: 0 done, 1 bad input (an unreadable article, a wrong key: the reason is printed),
2 a usage error (argparse's one-line message).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence


class CommandError(Exception):
    """Bad input for a command: the message is printed and the command exits 1."""


# --------------------------------------------------------------------------------------------
# draft-key: an answer key drafted from the analysers


def _add_draft_key(commands) -> Callable:
    parser = commands.add_parser(
        "draft-key", help="draft an answer key for an article from the kit's analysers",
        description="Draft an answer key for ARTICLE from the kit's analysers, for review.",
    )  # fmt: skip
    parser.add_argument("article", help="a bundled article id or a path to a .txt/.md/.html file")
    parser.add_argument("-o", "--output", help="where to write the key (default: beside it)")
    parser.add_argument(
        "--force", action="store_true", help="replace a reviewed key at the output path"
    )
    return _draft_key


def _draft_key(args) -> int:
    from kit import keys
    from kit.article import load_article

    article = load_article(args.article)
    draft = keys.draft_key(article)
    try:
        where = keys.save_key(draft, article, args.output, overwrite=args.force)
    except FileExistsError as error:
        raise CommandError(str(error)) from None
    exercises = draft["exercises"]
    placeholders = [n for n, spec in exercises.items() if spec.get("status") == "placeholder"]
    print(f"Drafted an answer key for {article.name!r}: {where}")
    print(
        f"{len(exercises)} exercises: {len(exercises) - len(placeholders)} drafted by the kit, "
        f"{len(placeholders)} placeholders that need your answer ({', '.join(placeholders)})."
    )
    left_out = [n for n in keys.draft.EXERCISES if n not in exercises]
    if left_out:
        print(f"Left out (nothing in the text to ask): {', '.join(left_out)}.")
    print("Review every exercise before class (notebooks/instructor/make_a_key.ipynb).")
    return 0


# --------------------------------------------------------------------------------------------
# check-key: validate a key against its schema and its article


def _add_check_key(commands) -> Callable:
    parser = commands.add_parser(
        "check-key", help="check an answer key against the schema and its article",
        description="Check an answer key against the key schema and, with --article, its text.",
    )  # fmt: skip
    parser.add_argument("key", help="the key file (.json)")
    parser.add_argument("--article", help="the article the key is for (default: from the key)")
    return _check_key


def _check_key(args) -> int:
    from pathlib import Path

    from kit import keys
    from kit.article import load_article

    path = Path(args.key)
    if not path.is_file():
        raise CommandError(f"No key file at {path}.")
    key = keys.read_key_file(path)
    article, note = None, ""
    if args.article:
        article = load_article(args.article)
    elif isinstance(key.get("article"), str):
        article = keys.article_for(path, key)
        if article is None:
            note = " (schema only: pass --article ARTICLE to check it against its text)"
    problems = keys.problems(key, article, full=True)
    name = key.get("article", "?")
    if problems:
        print(f"{path}: {len(problems)} problem(s) in the answer key for {name!r}:")
        for where, message in problems:
            print(f"  field {where}: {message}")
        return 1
    exercises = key.get("exercises", {})
    placeholders = sum(spec.get("status") == "placeholder" for spec in exercises.values())
    state = "a draft" if keys.is_draft(key) else "reviewed"
    print(
        f"OK: {path} is a valid answer key for {name!r} ({len(exercises)} exercises, "
        f"{placeholders} placeholders, {state}){note}."
    )
    return 0


# --------------------------------------------------------------------------------------------
# report: the three analyses as a readable report


def _add_report(commands) -> Callable:
    parser = commands.add_parser(
        "report", help="the three analyses of an article as a readable report",
        description="Print (or write as HTML) the attribution, framing and chronology of ARTICLE.",
    )  # fmt: skip
    parser.add_argument("article", help="a bundled article id or a path to a .txt/.md/.html file")
    parser.add_argument("--html", metavar="FILE", help="write the report as an HTML page")
    return _report


def _report(args) -> int:
    from pathlib import Path

    from kit import report
    from kit.article import load_article

    article = load_article(args.article)
    if args.html:
        target = Path(args.html)
        target.write_text(report.html_report(article), encoding="utf-8")
        print(f"Wrote the report on {article.name or 'the article'!r} to {target}")
    else:
        print(report.text_report(article), end="")
    return 0


# --------------------------------------------------------------------------------------------
# course: notebooks 00-05 executed on an article, ready to hand out


def _add_course(commands) -> Callable:
    parser = commands.add_parser(
        "course", help="run the course notebooks on an article into a folder to hand out",
        description="Execute notebooks 00-05 on ARTICLE into FOLDER, ready to hand out.",
    )  # fmt: skip
    parser.add_argument("article", help="a bundled article id or a path to a .txt/.md/.html file")
    parser.add_argument("-o", "--output", required=True, metavar="FOLDER", help="the new folder")
    return _course


def _course(args) -> int:
    import time

    from kit.course import CourseError, make_course

    started = time.perf_counter()
    try:
        done = make_course(args.article, args.output, log=lambda line: print(line, flush=True))
    except (CourseError, FileExistsError) as error:
        raise CommandError(str(error)) from None
    print(
        f"{len(done)} notebooks ready to hand out in {args.output} "
        f"({time.perf_counter() - started:.0f} s). Students open 00_start_here.ipynb there."
    )
    return 0


# --------------------------------------------------------------------------------------------
# corpus: the analysers over many articles


def _add_corpus(commands) -> Callable:
    parser = commands.add_parser(
        "corpus", help="analyse a folder of articles into tables (parquet)",
        description="Run the analysers over every article in FOLDER and write the tables to OUT "
        "as folders of parquet files (OUT/quotes, OUT/time_expressions, OUT/markers, OUT/errors).",
    )  # fmt: skip
    parser.add_argument("folder", help="a folder of .txt/.md/.html articles")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="output folder")
    parser.add_argument(
        "--steps", default="quotes,time_expressions,markers",
        help="tables to make, comma-separated (default: quotes,time_expressions,markers)",
    )  # fmt: skip
    parser.add_argument(
        "--processes", type=int, metavar="N", help="worker processes (default: one per core)"
    )
    parser.add_argument("--no-progress", action="store_true", help="do not show a progress bar")
    return _corpus


def _corpus(args) -> int:
    from pathlib import Path

    from kit import corpus

    folder = Path(args.folder).expanduser()
    if not folder.is_dir():
        raise CommandError(f"{folder} is not a folder. Give a folder of .txt/.md/.html articles.")
    steps = [step.strip() for step in args.steps.split(",") if step.strip()]
    result = corpus.analyse(
        folder, steps=steps, processes=args.processes, progress=not args.no_progress
    )
    if not result.articles and result.errors.empty:
        raise CommandError(f"{folder} holds no .txt, .md or .html file.")
    out = result.to_parquet(args.output)
    counts = ", ".join(f"{len(table)} {name}" for name, table in result.tables.items())
    print(f"{len(result.articles)} articles read: {counts}. Tables written to {out}/.")
    if not result.errors.empty:
        print(f"{len(result.errors)} file(s) could not be read (also in {out / 'errors'}):")
        for row in result.errors.itertuples(index=False):
            print(f"  {row.file}: {row.reason}")
    return 0 if result.articles else 1


# --------------------------------------------------------------------------------------------
# gradebook: students' progress files into one table


def _add_gradebook(commands) -> Callable:
    parser = commands.add_parser(
        "gradebook", help="collect students' progress files into a gradebook (CSV)",
        description="Read every student's progress file below FOLDER and write a gradebook.",
    )  # fmt: skip
    parser.add_argument("folder", help="a folder of students' progress files (or their homes)")
    parser.add_argument("-o", "--output", metavar="CSV", help="write the gradebook as CSV")
    parser.add_argument(
        "--keys", metavar="FOLDER",
        help="where the answer keys are (NAME.key.json, e.g. the course folder; default: bundled)",
    )  # fmt: skip
    parser.add_argument(
        "--grid", action="store_true",
        help="a row per student and a column per exercise (best re-checked score)",
    )  # fmt: skip
    return _gradebook


def _gradebook(args) -> int:
    import warnings
    from pathlib import Path

    import pandas as pd

    from kit import progress

    folder = Path(args.folder)
    if not folder.exists():
        raise CommandError(f"no such folder: {folder}. Give the folder you collected files in.")
    if args.keys and not Path(args.keys).is_dir():
        raise CommandError(f"--keys {args.keys}: no such folder of answer keys.")
    if folder.is_dir() and not progress.progress_files(folder):
        raise CommandError(
            f"no progress files below {folder}: each student's {progress.FILENAME} (or a "
            "NAME.jsonl per student) should be in it."
        )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book = progress.gradebook(folder, keys=args.keys)
    for message in progress.iter_warnings(caught):
        print(f"warning: {message}", file=sys.stderr)
    if book.empty:
        raise CommandError(f"no readable records below {folder} (see the warnings above).")
    table = progress.grid(book) if args.grid else book
    with pd.option_context("display.width", 200, "display.max_rows", None,
                           "display.max_columns", None, "display.max_colwidth", 40):  # fmt: skip
        print(table.to_string(index=args.grid))
    flagged = book[book["status"] == progress.MISMATCH]
    unverified = book[book["status"] == progress.UNVERIFIED]
    print(
        f"\n{book['student'].nunique()} students, {len(book)} rows; "
        f"{len(flagged)} with a stored score that differs from the key "
        f"({', '.join(sorted(set(flagged['student']))) or 'none'}); "
        f"{len(unverified)} unverified (no key)."
    )
    if args.output:
        output = Path(args.output)
        output.parent.mkdir(parents=True, exist_ok=True)
        table.to_csv(output, index=args.grid)
        print(f"Wrote {output}")
    return 0


# --------------------------------------------------------------------------------------------

COMMANDS = (_add_draft_key, _add_check_key, _add_report, _add_course, _add_corpus, _add_gradebook)


def parser() -> argparse.ArgumentParser:
    """The ``python -m kit`` argument parser, one sub-command per entry of ``COMMANDS``."""
    top = argparse.ArgumentParser(
        prog="python -m kit", description="newskit: prepare a class from the shell."
    )
    commands = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in COMMANDS:
        handler = add(commands)
        commands.choices[list(commands.choices)[-1]].set_defaults(handler=handler)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (0 done, 1 bad input, 2 usage error)."""
    args = parser().parse_args(argv)
    try:
        return args.handler(args) or 0
    except (CommandError, FileNotFoundError, ValueError) as error:
        print(f"python -m kit {args.command}: {error}", file=sys.stderr)
        return 1
