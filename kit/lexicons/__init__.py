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
    return Path(_file(paths.lexicons_dir(), name))


def stamp(name: str) -> tuple:
    """The list ``name`` as it is now: ``(file, modification time, size)``, or ``(file, None)``
    when there is no such file. The time and the size together, so that two saves within one
    clock tick that change the length of the file still count as a change. One look at the file
    (analysers check a dozen lists per article); what is built from the lists is kept until
    their stamps change.

    >>> stamp("reporting_verbs")[0].endswith("reporting_verbs.csv"), stamp("no_such_list")[1:]
    (True, (None,))
    """
    file = _file(paths.lexicons_dir(), name)
    try:
        status = os.stat(file)
    except (FileNotFoundError, NotADirectoryError):
        return (file, None)
    if not stat.S_ISREG(status.st_mode):
        return (file, None)
    return (file, status.st_mtime_ns, status.st_size)


def read(name: str) -> tuple[dict, ...]:
    """The rows of the list ``name``: dicts with ``term, category, note`` (and any extra
    columns), white space trimmed; blank rows and rows whose term starts with ``#`` skipped.
    They are parsed again only after the file changes (see :func:`stamp`)."""
    file, *version = stamp(name)
    if version == [None]:
        file = Path(file)
        raise FileNotFoundError(f"No word list {file.name} in {file.parent}.")
    return _read(file, tuple(version))


@lru_cache(maxsize=256)
def _file(folder: Path, name: str) -> str:
    """The file of the list ``name`` in ``folder``, as a string (named once per folder)."""
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
