"""Record every checked answer, and gather many students' records into a gradebook.

Each check appends one JSON line to ``newskit_progress.jsonl`` in the student's working folder
(or in ``$NEWSKIT_PROGRESS_DIR``)::

    {"student": "ada", "notebook": "01_anatomy_of_an_article", "exercise": "anatomy.lede",
     "article": "kerry-lavrov-moscow", "answer": "p1", "score": 1.0, "time": "2026-..."}

The file is only ever appended to, one whole line per write, so an earlier answer is never lost,
not even when the kernel dies mid-write: a damaged line is skipped with a warning when reading.

The gradebook trusts nothing in these files that it can check itself:

- **Who**: a row belongs to the name the instructor collected the file under, the first folder
  below the class folder (``class/ada/newskit_progress.jsonl``, or ``/home/ada/...`` when the class
  folder is ``/home`` on a JupyterHub) or the file's own name (``class/ada.jsonl``). The name a
  record carries is trusted only where there is no such name (a single file, or a
  ``newskit_progress.jsonl`` lying directly in the class folder): on a shared machine everyone is
  ``root`` or ``jovyan``, and a file can carry rows written in someone else's name. The
  ``recorded_as`` column keeps what the record said, ``source`` the file it came from, and one
  warning lists the files whose records name someone other than their folder.
- **Score**: every answer is checked again against the key of its article
  (:func:`kit.checks.check`, the same pure function the widgets use), otter-grader's principle:
  never trust a self-reported score. A stored score that differs is flagged ``score_mismatch``;
  writing exercises (type ``text``) stay ungraded; a record whose article has no key available
  keeps its stored score and is flagged ``unverified``.
- **Shape**: each record is checked field by field; a record or a file that does not fit is skipped
  and named (file and line) in one warning per file, and never stops the rest.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import math
import os
import re
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: appends are still whole lines, just not locked
    fcntl = None

import pandas as pd

FILENAME = "newskit_progress.jsonl"
COLUMNS = ["student", "notebook", "exercise", "article", "answer", "score", "time"]
ATTEMPT_COLUMNS = [*COLUMNS, "recorded_as", "source", "line"]
CHECKED_COLUMNS = [*ATTEMPT_COLUMNS, "checked_score", "status", "note"]
GRADEBOOK_COLUMNS = [
    "student", "article", "notebook", "exercise", "attempts", "best_score", "last_score",
    "first_time", "last_time", "status", "score_mismatch", "source",
]  # fmt: skip

# Statuses of a re-checked attempt (and of a gradebook row: the most serious of its attempts).
CHECKED = "checked"  # the stored score is the score the key gives
MISMATCH = "score_mismatch"  # the stored score is not the score the key gives
UNVERIFIED = "unverified"  # no key for the article (or the exercise): the stored score is kept
UNGRADED = "ungraded"  # a writing exercise: nothing to score
SEVERITY = [MISMATCH, UNVERIFIED, UNGRADED, CHECKED]

# How far a stored score may be from the re-checked one (records round scores to 4 decimals).
TOLERANCE = 1e-3
# A progress line is about 200 bytes: 50 MB is a quarter of a million attempts.
MAX_FILE_BYTES = 50 * 2**20
SURROGATE = re.compile("[\ud800-\udfff]")
# How many bad lines a file's warning names before it says "and N more".
NAMED_LINES = 3


# --------------------------------------------------------------------------------------------
# Writing: one line per attempt


def progress_dir() -> Path:
    """The folder progress is saved in: ``$NEWSKIT_PROGRESS_DIR``, else the working folder."""
    return Path(os.environ.get("NEWSKIT_PROGRESS_DIR") or Path.cwd())


def progress_file(folder: str | Path | None = None) -> Path:
    """The progress file in ``folder`` (default: :func:`progress_dir`)."""
    return Path(folder or progress_dir()) / FILENAME


def student_id() -> str:
    """Who is working: ``$JUPYTERHUB_USER`` (a class on JupyterHub), else ``$NEWSKIT_STUDENT``,
    else the login name.

    >>> import os
    >>> student_id() == (os.environ.get("JUPYTERHUB_USER") or student_id())
    True
    """
    for variable in ("JUPYTERHUB_USER", "NEWSKIT_STUDENT"):
        name = os.environ.get(variable, "").strip()
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
    """Append one attempt to the progress file and return the record written.

    >>> import tempfile
    >>> entry = record(notebook="01", exercise="anatomy.lede", answer="p1", score=1,
    ...                article="kerry-lavrov-moscow", student="ada", folder=tempfile.mkdtemp())
    >>> entry["student"], entry["score"]
    ('ada', 1.0)
    """
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
    # A lone surrogate (pasted from a broken page) cannot be UTF-8: it is saved as U+FFFD.
    _append(path, SURROGATE.sub("\ufffd", line).encode("utf-8"))
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


# --------------------------------------------------------------------------------------------
# Reading: every record checked field by field


def _kind(value) -> str:
    """'an int (3)', 'a list ([1, 2])': what a field holds, for a message."""
    name = type(value).__name__
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name} ({value!r:.40})"


def parse_time(value) -> dt.datetime:
    """A record's ``time`` as an aware UTC datetime; raises ``ValueError`` saying what is wrong.

    Times with different UTC offsets compare as the moments they are, and a time without an
    offset is taken as UTC.

    >>> parse_time("2026-03-02T10:21:30+01:00").isoformat()
    '2026-03-02T09:21:30+00:00'
    """
    if not isinstance(value, str):
        kind = "missing" if value is None else _kind(value)
        raise ValueError(f"time is {kind}, not a time such as 2026-03-02T09:21:30+00:00")
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"time {value!r:.40} is not a time such as 2026-03-02T09:21:30+00:00"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    if not 1678 <= moment.year <= 2261:  # what a pandas timestamp can hold
        raise ValueError(f"time {value!r:.40} is out of range")
    return moment.astimezone(dt.timezone.utc)


def _optional_text(entry: dict, name: str) -> str | None:
    value = entry.get(name)
    if value is None or isinstance(value, str):
        return value
    raise ValueError(f"{name} is {_kind(value)}, not text")


def validate_record(entry) -> dict:
    """Check one decoded line field by field and return it cleaned (``time`` as a UTC datetime).

    Raises ``ValueError`` with a short reason (which field, what it holds) for a record that
    does not fit: the gradebook skips it and names it.

    >>> validate_record({"exercise": "anatomy.lede", "score": "1.0", "time": "2026-03-02"})
    Traceback (most recent call last):
    ...
    ValueError: score is text ('1.0'), not a number from 0 to 1
    """
    if not isinstance(entry, dict):
        raise ValueError(f"a JSON {type(entry).__name__}, not a progress record")
    exercise = entry.get("exercise")
    if not isinstance(exercise, str) or not exercise.strip():
        raise ValueError("no exercise id" if exercise is None else "exercise is not an id")
    student = entry.get("student")
    if student is not None and (not isinstance(student, str) or not student.strip()):
        raise ValueError(f"student is {_kind(student)}, not a name")
    score = entry.get("score")
    if isinstance(score, str):
        raise ValueError(f"score is text ({score!r:.20}), not a number from 0 to 1")
    if score is not None:
        if isinstance(score, bool) or not isinstance(score, int | float):
            raise ValueError(f"score is {_kind(score)}, not a number from 0 to 1")
        if not (math.isfinite(score) and 0 <= score <= 1):
            raise ValueError(f"score {score!r} is not a number from 0 to 1")
        score = float(score)
    return {
        "student": student.strip() if student else None,
        "notebook": _optional_text(entry, "notebook") or "",
        "exercise": exercise.strip(),
        "article": _optional_text(entry, "article"),
        "answer": entry.get("answer"),
        "score": score,
        "time": parse_time(entry.get("time")),
    }


@dataclass
class FileReading:
    """What one progress file held: its valid records (with line numbers) and its problems."""

    path: Path
    records: list[tuple[int, dict]] = field(default_factory=list)
    problems: list[tuple[int | None, str]] = field(default_factory=list)
    lines: int = 0

    def summary(self, label: str | None = None) -> str | None:
        """One line naming the file and what was skipped, or ``None`` when nothing was."""
        if not self.problems:
            return None
        label = label or str(self.path)
        whole = [reason for line, reason in self.problems if line is None]
        if whole:
            return f"{label}: {whole[0]}; skipped."
        named = "; ".join(f"line {line}: {reason}" for line, reason in self.problems[:NAMED_LINES])
        more = len(self.problems) - NAMED_LINES
        if more > 0:
            named += f"; and {more} more"
        return (
            f"{label}: {len(self.problems)} of {self.lines} records skipped ({named}); "
            "the others are kept."
        )


def read_file(path: str | Path, *, follow_link: bool = False) -> FileReading:
    """Read one progress file without raising: valid records and the problems, by line.

    A folder, a symbolic link (unless ``follow_link``), an unreadable, a binary or a huge file is
    one problem for the whole file.
    """
    path = Path(path)
    reading = FileReading(path)
    if path.is_symlink() and not follow_link:  # as root, a link could read a classmate's file
        reading.problems.append((None, "a symbolic link, not a progress file"))
        return reading
    if path.is_dir():
        reading.problems.append((None, "a folder, not a progress file"))
        return reading
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            reading.problems.append((None, f"{size / 2**20:.0f} MB: too large for a progress file"))
            return reading
        data = path.read_bytes()
    except OSError as error:
        reading.problems.append((None, f"cannot be read ({error.strerror or error})"))
        return reading
    if b"\x00" in data:
        reading.problems.append((None, "a binary file, not a progress file (JSON lines)"))
        return reading
    raw_lines = data.split(b"\n")
    undecodable = 0
    for number, raw in enumerate(raw_lines, 1):
        if not raw.strip():
            continue
        reading.lines += 1
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            undecodable += 1
            reading.problems.append((number, "not UTF-8 text"))
            continue
        try:
            entry = validate_record(json.loads(text))
        except json.JSONDecodeError:
            reading.problems.append((number, "damaged (not a whole JSON record)"))
            continue
        except ValueError as error:
            reading.problems.append((number, str(error)))
            continue
        reading.records.append((number, entry))
    if undecodable and undecodable * 2 >= reading.lines:
        reading.records.clear()
        reading.problems = [(None, "not a text file (most of it is not UTF-8)")]
    return reading


def read_records(path: str | Path) -> list[dict]:
    """All valid records in one progress file; what was skipped is named in one warning."""
    reading = read_file(path)
    summary = reading.summary(f"{Path(path).parent.name}/{Path(path).name}")
    if summary:
        warnings.warn(summary, stacklevel=2)
    return [entry for _line, entry in reading.records]


# --------------------------------------------------------------------------------------------
# A class folder: which files, and whose they are


def progress_files(folder: str | Path) -> list[Path]:
    """Every ``*.jsonl`` below ``folder`` (hidden folders such as ``.local`` left out), sorted.

    A folder whose name ends in ``.jsonl`` is listed too, so that it is named, not lost. Links
    directly in ``folder`` (``class/ada -> /home/ada``, made by the instructor) are followed;
    links deeper down, inside a student's own folder, are not.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return [folder]
    found = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.name.endswith(".jsonl") or not entry.is_dir():
            found += [entry] if entry.name.endswith(".jsonl") else []
            continue
        for root, dirs, files in os.walk(entry):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            base = Path(root)
            found += [base / d for d in dirs if d.endswith(".jsonl")]
            found += [base / f for f in files if f.endswith(".jsonl") and not f.startswith(".")]
    return sorted(found)


def collected_name(path: Path, folder: Path) -> str | None:
    """The name the instructor collected ``path`` under: its first folder below ``folder``, or
    its own name when it lies directly in ``folder``; ``None`` when neither names anyone.

    >>> collected_name(Path("class/ada/course/newskit_progress.jsonl"), Path("class"))
    'ada'
    >>> collected_name(Path("class/bo.jsonl"), Path("class"))
    'bo'
    """
    try:
        parts = path.relative_to(folder).parts
    except ValueError:
        return None
    if len(parts) > 1:
        return parts[0]
    if len(parts) == 1 and Path(parts[0]).stem != Path(FILENAME).stem:
        return Path(parts[0]).stem
    return None


def _label(path: Path, folder: Path) -> str:
    try:
        return str(path.relative_to(folder)) if path != folder else path.name
    except ValueError:
        return str(path)


def attempts(folder: str | Path | None = None) -> pd.DataFrame:
    """Every recorded attempt, oldest first: in the progress files below ``folder`` (a class's
    files, one subfolder or file name per student), or, with no folder, in this student's own
    progress file.

    Columns: ``student`` (as collected, see the module's notes), ``notebook``, ``exercise``,
    ``article``, ``answer``, ``score`` (as stored), ``time`` (UTC), ``recorded_as`` (the name in
    the record), ``source`` (the file, relative to ``folder``) and ``line``. Bad records and files
    are skipped with one warning per file; records naming someone other than their folder are
    listed in one warning.
    """
    if folder is None:
        own = progress_file()
        files, base = ([own] if own.is_file() else []), own.parent
    else:
        base = Path(folder)
        if not base.exists():
            raise FileNotFoundError(f"No such folder: {base}. Give the folder of progress files.")
        files = progress_files(base)
    rows = []
    disagreements = []
    for path in files:
        label = _label(path, base if base.is_dir() else base.parent)
        # A link the instructor put in the class folder is theirs; one in a student's is not.
        reading = read_file(path, follow_link=path.parent == base or path == base)
        summary = reading.summary(label)
        if summary:
            warnings.warn(summary, stacklevel=2)
        owner = collected_name(path, base) if base.is_dir() else None
        others: dict[str, int] = {}
        for line, entry in reading.records:
            recorded = entry["student"]
            student = owner or recorded or (student_id() if folder is None else "unknown")
            if owner and recorded and recorded.casefold() != owner.casefold():
                others[recorded] = others.get(recorded, 0) + 1
            rows.append(
                entry | {"student": student, "recorded_as": recorded, "source": label, "line": line}
            )
        if others:
            names = ", ".join(f"{name!r} ({count})" for name, count in sorted(others.items()))
            disagreements.append(f"{label} names {names}")
    if disagreements:
        warnings.warn(
            f"{len(disagreements)} file{'s' if len(disagreements) > 1 else ''} name another "
            f"student than the folder they were collected from ({'; '.join(disagreements)}). "
            "Their rows count under the folder's name; the recorded_as column keeps the "
            "recorded one.",
            stacklevel=2,
        )
    table = pd.DataFrame(rows, columns=ATTEMPT_COLUMNS)
    table["time"] = pd.to_datetime(table["time"], utc=True)
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
    latest = None
    for _line, entry in read_file(path).records:
        if (
            entry["exercise"] == exercise
            and entry["student"] in (student, None)
            and (article is None or entry["article"] == article)
            and (latest is None or entry["time"] >= latest)
        ):
            found, latest = entry, entry["time"]
    if found is None:
        return None
    return found | {"time": found["time"].isoformat(timespec="seconds")}


# --------------------------------------------------------------------------------------------
# Re-checking: every answer against the key of its article

Keys = Mapping[str, dict] | str | Path | None


def key_finder(keys: Keys = None) -> Callable[[str], dict]:
    """A function ``article name -> key``: from a mapping, from a folder of keys (``NAME.key.json``
    or ``NAME.json``), or (``None``) through :func:`kit.keys.load_key`. Raises ``LookupError``
    with the reason when there is no usable key; each article is loaded once."""
    from kit import keys as keys_module

    cache: dict[str, dict | str] = {}

    def load(name: str) -> dict:
        if isinstance(keys, Mapping):
            found = keys.get(name)
            if found is None:
                raise LookupError(f"no key given for article {name!r}")
            return found
        if keys is not None:
            for candidate in (Path(keys) / f"{name}.key.json", Path(keys) / f"{name}.json"):
                if candidate.is_file():
                    return keys_module.load_key(candidate)
            raise LookupError(f"no key for article {name!r} in {keys}")
        return keys_module.load_key(name)

    def find(name: str) -> dict:
        if name not in cache:
            try:
                cache[name] = load(name)
            except (OSError, ValueError, LookupError) as error:
                cache[name] = str(error).split(". ")[0]
        found = cache[name]
        if isinstance(found, str):
            raise LookupError(found)
        return found

    return find


def recheck(table: pd.DataFrame, *, keys: Keys = None) -> pd.DataFrame:
    """``table`` (from :func:`attempts`) with each answer checked again against its key.

    Adds ``checked_score`` (the key's score; the stored one where no key is available),
    ``status`` (``checked``, ``score_mismatch``, ``unverified`` or ``ungraded``) and ``note``
    (why, in words).
    """
    from kit.checks import check

    find = key_finder(keys)
    checked, statuses, notes = [], [], []
    for row in table.itertuples(index=False):
        score, status, note = _recheck_one(row, find, check)
        checked.append(score)
        statuses.append(status)
        notes.append(note)
    result = table.copy()
    result["checked_score"] = pd.Series(checked, index=table.index, dtype="float64")
    result["status"] = pd.Series(statuses, index=table.index, dtype="object")
    result["note"] = pd.Series(notes, index=table.index, dtype="object")
    return result[CHECKED_COLUMNS]


def _recheck_one(row, find: Callable[[str], dict], check) -> tuple[float | None, str, str]:
    stored = None if pd.isna(row.score) else float(row.score)
    if not row.article:
        return stored, UNVERIFIED, "the record names no article, so no key to check it with"
    try:
        key = find(row.article)
    except LookupError as error:
        return stored, UNVERIFIED, str(error)
    spec = key.get("exercises", {}).get(row.exercise)
    if spec is None:
        return stored, UNVERIFIED, f"the key of {row.article!r} has no exercise {row.exercise!r}"
    if spec.get("type") == "text":
        return None, UNGRADED, "a writing exercise: read the answer"
    try:
        score = check(spec, row.answer).score
    except Exception:  # an answer of the wrong shape earns nothing
        score, why = 0.0, "the answer does not fit the exercise"
    else:
        why = ""
    if score is None and stored is None:
        return None, CHECKED, why or "no answer given"
    if score is None or stored is None or abs(score - stored) > TOLERANCE:
        shown = "none" if stored is None else f"{stored:g}"
        again = "none" if score is None else f"{score:g}"
        return (
            score,
            MISMATCH,
            f"stored score {shown}, the key gives {again}" + (f" ({why})" if why else ""),
        )
    return score, CHECKED, why


# --------------------------------------------------------------------------------------------
# The gradebook


def gradebook(folder: str | Path | None = None, *, keys: Keys = None) -> pd.DataFrame:
    """One row per student, article and exercise, every answer re-checked against its key.

    ``folder`` holds the students' progress files (a subfolder or a ``NAME.jsonl`` per student,
    or their homes on a JupyterHub). ``keys`` says where the answer keys are (a folder of
    ``NAME.key.json`` files, or a mapping ``{article: key}``); by default
    :func:`kit.keys.load_key`. Keys are never read from the students' folders.

    Columns: ``student``, ``article``, ``notebook``, ``exercise``, ``attempts``, ``best_score``
    and ``last_score`` (re-checked), ``first_time``, ``last_time``, ``status`` (the most serious
    of its attempts': ``score_mismatch``, ``unverified``, ``ungraded`` or ``checked``),
    ``score_mismatch`` (how many attempts' stored score differs from the key's) and ``source``.
    """
    table = recheck(attempts(folder or progress_dir()), keys=keys)
    if table.empty:
        return pd.DataFrame(columns=GRADEBOOK_COLUMNS)
    table["mismatch"] = table["status"] == MISMATCH
    table["article"] = table["article"].fillna("")
    grouped = table.groupby(["student", "article", "notebook", "exercise"], sort=True)
    book = grouped.agg(
        attempts=("checked_score", "size"),
        best_score=("checked_score", "max"),
        last_score=("checked_score", "last"),
        first_time=("time", "first"),
        last_time=("time", "last"),
        status=("status", lambda s: min(s, key=SEVERITY.index)),
        score_mismatch=("mismatch", "sum"),
        source=("source", lambda s: "; ".join(dict.fromkeys(s))),
    ).reset_index()
    book["score_mismatch"] = book["score_mismatch"].astype(int)
    return book[GRADEBOOK_COLUMNS]


def grid(book: pd.DataFrame, value: str = "best_score") -> pd.DataFrame:
    """The gradebook as a grid: a row per student, a column per exercise (per article and
    exercise when there are several articles), holding ``value``."""
    columns = "exercise" if book["article"].nunique() <= 1 else ["article", "exercise"]
    return book.pivot_table(index="student", columns=columns, values=value, aggfunc="max")


def iter_warnings(caught) -> Iterator[str]:
    """The distinct messages of warnings caught with ``warnings.catch_warnings(record=True)``."""
    yield from dict.fromkeys(str(warning.message) for warning in caught)
