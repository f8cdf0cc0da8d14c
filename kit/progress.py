"""Record every checked answer, and gather many students' records into a gradebook.

Each check appends one JSON line to ``newskit_progress.jsonl`` in the student's working folder
(or in ``$NEWSKIT_PROGRESS_DIR``)::

    {"student": "ada", "notebook": "01_anatomy_of_an_article", "exercise": "anatomy.lede",
     "article": "kerry-lavrov-moscow", "answer": "p1", "score": 1.0, "time": "2026-..."}

The file is only ever appended to, one whole line per write, so an earlier answer is never lost,
not even when the kernel dies mid-write: a damaged line is skipped with a warning when reading.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import warnings
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: appends are still whole lines, just not locked
    fcntl = None

import pandas as pd

FILENAME = "newskit_progress.jsonl"
COLUMNS = ["student", "notebook", "exercise", "article", "answer", "score", "time"]


def progress_dir() -> Path:
    """The folder progress is saved in: ``$NEWSKIT_PROGRESS_DIR``, else the working folder."""
    return Path(os.environ.get("NEWSKIT_PROGRESS_DIR") or Path.cwd())


def progress_file(folder: str | Path | None = None) -> Path:
    """The progress file in ``folder`` (default: :func:`progress_dir`)."""
    return Path(folder or progress_dir()) / FILENAME


def student_id() -> str:
    """Who is working: ``$NEWSKIT_STUDENT``, else the login name."""
    name = os.environ.get("NEWSKIT_STUDENT")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name on some hosted kernels
        return "student"


def record(
    *,
    notebook: str,
    exercise: str,
    answer,
    score: float | None,
    article: str | None = None,
    student: str | None = None,
    folder: str | Path | None = None,
) -> dict:
    """Append one attempt to the progress file and return the record written."""
    entry = {
        "student": student or student_id(),
        "notebook": notebook,
        "exercise": exercise,
        "article": article,
        "answer": answer,
        "score": None if score is None else round(float(score), 4),
        "time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }
    path = progress_file(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(entry, ensure_ascii=False, default=str) + "\n"
    _append(path, line.encode("utf-8"))
    return entry


def _append(path: Path, data: bytes) -> None:
    """Append ``data`` as one write to the end of ``path`` and flush it to disk.

    If an earlier write was cut off (the file does not end in a newline), start on a fresh line
    so the damage stays inside that one line.
    """
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:  # one writer at a time, so the newline check sees whole lines
            fcntl.flock(fd, fcntl.LOCK_EX)
        size = os.fstat(fd).st_size
        if size:
            with open(path, "rb") as existing:
                existing.seek(size - 1)
                if existing.read(1) != b"\n":
                    data = b"\n" + data
        written = 0
        while written < len(data):
            written += os.write(fd, data[written:])
        os.fsync(fd)
    finally:
        os.close(fd)


def read_records(path: str | Path) -> list[dict]:
    """All well-formed records in one progress file; damaged lines are skipped with a warning."""
    records = []
    path = Path(path)
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                if not isinstance(entry, dict) or "exercise" not in entry:
                    raise ValueError("not a progress record")
            except ValueError:
                warnings.warn(
                    f"{path.parent.name}/{path.name}, line {number}: damaged record skipped "
                    "(the others are kept).",
                    stacklevel=2,
                )
                continue
            records.append(entry)
    return records


def attempts(folder: str | Path | None = None) -> pd.DataFrame:
    """Every recorded attempt, oldest first: in the progress files under ``folder`` (a class's
    files, in subfolders too), or, with no folder, in this student's own progress file."""
    if folder is None:
        own = progress_file()
        files = [own] if own.is_file() else []
    else:
        folder = Path(folder)
        files = [folder] if folder.is_file() else sorted(folder.rglob("*.jsonl"))
    rows = []
    for path in files:
        for entry in read_records(path):
            entry.setdefault("student", path.stem)
            rows.append({column: entry.get(column) for column in COLUMNS} | {"file": path.name})
    table = pd.DataFrame(rows, columns=[*COLUMNS, "file"])
    return table.sort_values("time", kind="stable").reset_index(drop=True)


def last_answer(
    exercise: str,
    *,
    article: str | None = None,
    student: str | None = None,
    folder: str | Path | None = None,
) -> dict | None:
    """The latest record of ``student``'s answer to ``exercise`` (on ``article``), or ``None``."""
    path = progress_file(folder)
    if not path.is_file():
        return None
    student = student or student_id()
    found = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for entry in read_records(path):
            if (
                entry.get("exercise") == exercise
                and entry.get("student") == student
                and (article is None or entry.get("article") == article)
            ):
                found = entry
    return found


def gradebook(folder: str | Path | None = None) -> pd.DataFrame:
    """One row per student and exercise: attempts, best and last score, first and last time.

    ``folder`` holds the students' progress files (any ``*.jsonl``, in subfolders too).
    """
    table = attempts(folder or progress_dir())
    columns = ["student", "notebook", "exercise", "attempts", "best_score", "last_score",
               "first_time", "last_time"]  # fmt: skip
    if table.empty:
        return pd.DataFrame(columns=columns)
    grouped = table.groupby(["student", "notebook", "exercise"], sort=True)
    book = grouped.agg(
        attempts=("score", "size"),
        best_score=("score", "max"),
        last_score=("score", "last"),
        first_time=("time", "first"),
        last_time=("time", "last"),
    ).reset_index()
    return book[columns]
