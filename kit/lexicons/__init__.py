"""The kit's word lists, kept as data: one CSV a list, with columns ``term, category, note``.

An instructor can add a row without touching code; a student can read why a word is flagged.
Every analyser reads its lists through :func:`read`, so a list is parsed once and read again
only after the file changes (edit a CSV and re-run the cell: no kernel restart needed).
"""

from __future__ import annotations

import csv
import os
import stat
from functools import lru_cache
from pathlib import Path

from kit import paths

COLUMNS = ("term", "category", "note")


def path(name: str) -> Path:
    """The file of the list ``name`` (``"reporting_verbs"`` or ``"reporting_verbs.csv"``)."""
    return paths.lexicons_dir() / (name if name.endswith(".csv") else f"{name}.csv")


def read(name: str) -> tuple[dict, ...]:
    """The rows of the list ``name``: dicts with ``term, category, note`` (and any extra
    columns), white space trimmed; blank rows and rows whose term starts with ``#`` skipped."""
    where = paths.lexicons_dir
    # the kit's own folder never moves: its files are named once; another folder (a test's, an
    # instructor's) is asked for at every call
    file = _own_file(name) if where is _OWN_FOLDER else _file(where(), name)
    # One look at the file per call (analysers read a dozen lists per article): the modification
    # time and the size together, so two saves within one clock tick that change the length of
    # the file still count as a change.
    try:
        status = os.stat(file)
    except (FileNotFoundError, NotADirectoryError):
        status = None
    if status is None or not stat.S_ISREG(status.st_mode):
        file = Path(file)
        raise FileNotFoundError(f"No word list {file.name} in {file.parent}.")
    return _read(file, (status.st_mtime_ns, status.st_size))


_OWN_FOLDER = paths.lexicons_dir  # the function that names the kit's own folder


@lru_cache(maxsize=256)
def _own_file(name: str) -> str:
    return _file(_OWN_FOLDER(), name)


def _file(folder: Path, name: str) -> str:
    """The file of the list ``name`` in ``folder``, as a string."""
    return os.fspath(folder / (name if name.endswith(".csv") else f"{name}.csv"))


@lru_cache(maxsize=64)
def _read(file: str, version: tuple[int, int]) -> tuple[dict, ...]:
    with open(file, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise ValueError(
                f"Word list {Path(file).name} needs the columns term, category, note; "
                f"{', '.join(sorted(missing))} missing from its first line."
            )
        rows = []
        for row in reader:
            row = {key: (value or "").strip() for key, value in row.items() if key}
            if row["term"] and not row["term"].startswith("#"):
                rows.append(row)
    return tuple(rows)
