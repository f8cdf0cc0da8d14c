"""Many articles at once: the analysers over a folder, on all cores or on a Dask cluster.

    >>> import kit.corpus
    >>> result = kit.corpus.analyse(["Talks\\n\\n“We will see,” Kerry said on Tuesday."],
    ...                             progress=False)
    >>> result.quotes[["article", "text", "speaker"]].values.tolist()
    [['text1', '“We will see,”', 'Kerry']]
    >>> result.time_expressions[["article", "text", "type"]].values.tolist()
    [['text1', 'Tuesday', 'DATE']]

:func:`analyse` returns a :class:`Corpus`: one tidy table per step (the same columns as the
analyser, with an ``article`` column in front), an ``errors`` table (``file, reason``) for the files
it could not read, and a ``warnings`` table for those it read with a guess (an encoding, say).
A file that cannot be read never stops the run.

Where the work runs:

- ``client=None``: on this machine, one process per core, with a progress bar (a notebook bar in
  Jupyter, a text bar in a terminal). ``processes=1`` keeps everything in this process, as does
  a corpus of less than 1 MB of text unless ``processes`` says otherwise.
- ``client=dask.distributed.Client(...)``: the same work as tasks on that Dask cluster (a
  ``LocalCluster``, or a university's cluster). The workers read the files themselves, so they must
  see the same paths (a shared file system), or pass the texts instead of paths.

Either way the tables are the same, row for row. :meth:`Corpus.to_parquet` writes them as
folders of parquet files that pandas (``pd.read_parquet``) and Dask (``dd.read_parquet``) read back.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from kit.article import SUFFIXES, Article, load_article


def _quotes(article: Article) -> pd.DataFrame:
    from kit import attribution

    return attribution.quotes(article)


def _time_expressions(article: Article) -> pd.DataFrame:
    from kit import chronology

    return chronology.time_expressions(article)


def _markers(article: Article) -> pd.DataFrame:
    from kit import framing

    return framing.markers(article)


# The steps analyse() can run: a name, and a function from an Article to a DataFrame.
STEPS: dict[str, Callable[[Article], pd.DataFrame]] = {
    "quotes": _quotes,
    "time_expressions": _time_expressions,
    "markers": _markers,
    "paragraphs": lambda article: article.paragraphs,
    "sentences": lambda article: article.sentences,
}
DEFAULT_STEPS = ("quotes", "time_expressions", "markers")
# Below this many bytes of input, analyse() stays in this process unless told otherwise: the
# analysers get through it in a few seconds, less than starting the worker processes takes.
SMALL_CORPUS = 1_000_000
ERROR_COLUMNS = ["file", "reason"]
WARNING_COLUMNS = ["file", "message"]


# --------------------------------------------------------------------------------------------
# The result


@dataclass
class Corpus:
    """The tables of a corpus: ``tables[step]`` (also ``corpus.quotes`` ...), ``errors`` and
    ``warnings``. ``articles`` lists the articles read, in order."""

    tables: dict[str, pd.DataFrame]
    errors: pd.DataFrame
    warnings: pd.DataFrame
    articles: list[str] = field(default_factory=list)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(
            f"This corpus has no table {name!r}; it has {', '.join(tables) or 'none'}, "
            "errors and warnings."
        )

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name == "errors":
            return self.errors
        if name == "warnings":
            return self.warnings
        return self.tables[name]

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}: {len(table)} rows" for name, table in self.tables.items())
        return (
            f"<Corpus of {len(self.articles)} articles ({counts}); "
            f"{len(self.errors)} unreadable, {len(self.warnings)} warnings>"
        )

    def to_parquet(self, folder: str | Path, *, rows_per_file: int = 500_000) -> Path:
        """Write every table as a folder of parquet files: ``FOLDER/quotes/part-0000.parquet``,
        ..., ``FOLDER/errors/``, ``FOLDER/warnings/``. Read one back with
        ``pd.read_parquet(FOLDER / "quotes")`` or ``dask.dataframe.read_parquet``.

        A table is cut into files of at most ``rows_per_file`` rows, never inside an article's
        rows, all with one schema. Returns the folder. Needs ``pyarrow`` (the ``corpus`` extra).
        """
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise ImportError(
                "Writing parquet needs pyarrow: pip install 'newskit[corpus]' (or pip install "
                "pyarrow)."
            ) from None
        folder = Path(folder)
        tables = {**self.tables, "errors": self.errors, "warnings": self.warnings}
        for name, frame in tables.items():
            target = folder / name
            target.mkdir(parents=True, exist_ok=True)
            for old in target.glob("part-*.parquet"):
                old.unlink()
            table = pa.Table.from_pandas(frame, preserve_index=False)
            for number, (start, stop) in enumerate(_cuts(frame, rows_per_file)):
                pq.write_table(
                    table.slice(start, stop - start), target / f"part-{number:04}.parquet"
                )
        return folder


def _cuts(frame: pd.DataFrame, rows_per_file: int) -> list[tuple[int, int]]:
    """Row ranges of at most ``rows_per_file`` rows (more only for one long article), cut where
    the ``article`` changes; one empty range for an empty table, so its schema is written."""
    if frame.empty:
        return [(0, 0)]
    if "article" not in frame.columns:
        return [(start, min(start + rows_per_file, len(frame)))
                for start in range(0, len(frame), rows_per_file)]  # fmt: skip
    articles = frame["article"].tolist()
    cuts, start = [], 0
    while start < len(articles):
        stop = min(start + rows_per_file, len(articles))
        while stop < len(articles) and stop > start + 1 and articles[stop] == articles[stop - 1]:
            stop -= 1
        if stop < len(articles) and articles[stop] == articles[stop - 1]:  # one huge article
            stop = start + 1
            while stop < len(articles) and articles[stop] == articles[start]:
                stop += 1
        cuts.append((start, stop))
        start = stop
    return cuts


# --------------------------------------------------------------------------------------------
# One article (this runs in the worker processes)


@dataclass
class Item:
    """One article to analyse: its name in the tables, and a path or a text."""

    name: str
    path: str | None = None
    text: str | None = None


def analyse_batch(items: list[Item], steps: tuple[str, ...]) -> dict[str, Any]:
    """Analyse a few articles in a worker, and hand back one table per step for all of them.

    Returns ``{"names": [...], "errors": [(name, reason)], "warnings": [(name, message)],
    "tables": {step: DataFrame or None}}``: ``names`` are the articles read; each table has the
    ``article`` column in front and is ``None`` when no article had a row. Joining the tables
    here, once per batch, sends the worker's results back as a few DataFrames rather than
    three per article, which costs far less to pickle and to join again in this process.
    """
    names, errors, notes = [], [], []
    frames: dict[str, list[pd.DataFrame]] = {step: [] for step in steps}
    owners: dict[str, list[str]] = {step: [] for step in steps}
    for item in items:
        result = _analyse_one(item, steps)
        notes.extend((item.name, message) for message in result["warnings"])
        if result["error"] is not None:
            errors.append((item.name, result["error"]))
            continue
        names.append(item.name)
        for step, frame in result["tables"].items():
            if len(frame):
                frames[step].append(frame)
                owners[step].extend([item.name] * len(frame))
    tables = {}
    for step in steps:
        table = _join(frames[step]) if frames[step] else None
        if table is not None:
            table.insert(0, "article", owners[step])
        tables[step] = table
    return {"names": names, "errors": errors, "warnings": notes, "tables": tables}


def _analyse_one(item: Item, steps: tuple[str, ...]) -> dict[str, Any]:
    result: dict[str, Any] = {"name": item.name, "tables": {}, "error": None, "warnings": []}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if item.path is not None:
                article = load_article(Path(item.path))
            else:
                article = Article.from_text(item.text or "", name=item.name)
        except (ValueError, OSError, UnicodeError) as error:
            result["error"] = str(error)
        else:
            for step in steps:
                try:
                    result["tables"][step] = STEPS[step](article)
                except Exception as error:  # an analyser bug must not stop a corpus of thousands
                    result["error"] = f"{step} failed: {type(error).__name__}: {error}"
                    result["tables"] = {}
                    break
    result["warnings"] = [str(w.message) for w in caught]
    return result


def _join(frames: list[pd.DataFrame]) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # all-None columns in some articles
        return pd.concat(frames, ignore_index=True)


# --------------------------------------------------------------------------------------------
# Many articles


def analyse(
    paths_or_texts: str | Path | Iterable[str | Path],
    *,
    steps: Iterable[str] = DEFAULT_STEPS,
    client: Any = None,
    progress: bool = True,
    processes: int | None = None,
    batch_size: int | None = None,
) -> Corpus:
    """Run the analysers over many articles and gather one table per step.

    ``paths_or_texts``: a folder (every ``.txt``, ``.md``, ``.html`` file in it and its
    sub-folders), or a list of file paths and article texts. A ``Path``, or a string naming an
    existing file or ending in ``.txt``/``.md``/``.html`` with no line break, is a file; any other
    string is an article's text. Files are named in the tables by their path relative to the
    folder (or as given); texts are ``text1``, ``text2`` ...

    ``steps``: which tables to make, from ``quotes``, ``time_expressions``, ``markers``,
    ``paragraphs`` and ``sentences``. ``client``: a ``dask.distributed.Client`` to run on (else
    this machine). ``processes``: worker processes here (default: one per core, or none for
    less than 1 MB of text, which takes less time to analyse than to start them; ``1``: none).
    ``progress``: show a progress bar. ``batch_size``: articles per task (default:
    enough tasks to keep every worker busy, at most 50 articles each).

    Returns a :class:`Corpus`; its ``errors`` table lists every file that could not be read.
    """
    steps = tuple(steps)
    unknown = [step for step in steps if step not in STEPS]
    if unknown or not steps:
        raise ValueError(
            f"Unknown step(s) {', '.join(map(repr, unknown)) or '(none given)'}: choose from "
            f"{', '.join(STEPS)}."
        )
    items = list(_items(paths_or_texts))
    if client is None and processes is None and _input_size(items) < SMALL_CORPUS:
        processes = 1  # starting worker processes would take longer than the work
    workers = _worker_count(client, processes)
    size = batch_size or max(1, min(50, math.ceil(len(items) / (4 * workers))))
    batches = [items[i : i + size] for i in range(0, len(items), size)]
    bar = _progress_bar(len(items), progress)
    try:
        if client is not None:
            results = _run_on_dask(client, batches, steps, bar)
        elif workers <= 1 or len(batches) <= 1:
            results = []
            for batch in batches:
                results.append(analyse_batch(batch, steps))
                bar.update(len(batch))
        else:
            results = _run_on_processes(batches, steps, workers, bar)
    finally:
        bar.close()
    return _gather(results, steps)


def _items(paths_or_texts: str | Path | Iterable[str | Path]) -> Iterator[Item]:
    if isinstance(paths_or_texts, (str, Path)) and _is_path(paths_or_texts):
        folder = Path(paths_or_texts).expanduser()
        if folder.is_dir():
            files = sorted(
                p for p in folder.rglob("*")
                if p.suffix.lower() in SUFFIXES and p.is_file() and not p.name.startswith(".")
            )  # fmt: skip
            for path in files:
                yield Item(path.relative_to(folder).as_posix(), path=str(path.resolve()))
            return
        paths_or_texts = [paths_or_texts]
    elif isinstance(paths_or_texts, str):
        if "\n" not in paths_or_texts:  # one line on its own: a mistyped folder, not an article
            raise FileNotFoundError(
                f"No folder or file at {paths_or_texts!r}. Give a folder of articles, or a list "
                "of paths and texts (a one-line article in a list: ['Its text.'])."
            )
        paths_or_texts = [paths_or_texts]
    texts = 0
    for entry in paths_or_texts:
        if isinstance(entry, (str, Path)) and _is_path(entry):
            path = Path(entry).expanduser()
            if path.is_dir():
                raise ValueError(
                    f"{path} is a folder: give a folder on its own, or a list of files and texts."
                )
            yield Item(str(entry), path=str(path.resolve()))
        elif isinstance(entry, str):
            texts += 1
            yield Item(f"text{texts}", text=entry)
        else:
            raise TypeError(
                f"Each article must be a path or a text (str), not {type(entry).__name__}."
            )


def _input_size(items: list[Item]) -> int:
    size = 0
    for item in items:
        if item.text is not None:
            size += len(item.text)
        else:
            try:
                size += os.path.getsize(item.path)
            except OSError:
                pass
    return size


def _is_path(entry: str | Path) -> bool:
    if isinstance(entry, Path):
        return True
    if "\n" in entry or len(entry) > 4096:
        return False
    return entry.lower().endswith(SUFFIXES) or Path(entry).expanduser().exists()


def _worker_count(client: Any, processes: int | None) -> int:
    if client is not None:
        return max(1, sum(client.nthreads().values()))
    if processes is not None and processes < 1:
        raise ValueError(f"processes={processes}: give 1 or more (or None for every core).")
    return processes or os.cpu_count() or 1


def _progress_bar(total: int, show: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="article", desc="analysing", disable=not show)


def _pool_context() -> multiprocessing.context.BaseContext:
    # A forked copy of a Jupyter kernel inherits its threads and sockets; a fresh process is safe.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _run_on_processes(batches, steps, workers, bar) -> list:
    results: list = [None] * len(batches)
    with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
        futures = {pool.submit(analyse_batch, batch, steps): i for i, batch in enumerate(batches)}
        from concurrent.futures import as_completed

        for future in as_completed(futures):
            index = futures[future]
            results[index] = future.result()
            bar.update(len(batches[index]))
    return results


def _run_on_dask(client, batches, steps, bar) -> list:
    from dask.distributed import as_completed

    futures = client.map(analyse_batch, batches, steps=steps, pure=False)
    position = {future.key: i for i, future in enumerate(futures)}
    results: list = [None] * len(batches)
    for future in as_completed(futures):
        index = position[future.key]
        results[index] = future.result()
        bar.update(len(batches[index]))
        future.release()
    return results


def _gather(batches: list[dict[str, Any]], steps: tuple[str, ...]) -> Corpus:
    tables = {}
    for step in steps:
        frames = [batch["tables"][step] for batch in batches if batch["tables"][step] is not None]
        tables[step] = _concat(frames, step)
    return Corpus(
        tables=tables,
        errors=pd.DataFrame([e for b in batches for e in b["errors"]], columns=ERROR_COLUMNS),
        warnings=pd.DataFrame([w for b in batches for w in b["warnings"]], columns=WARNING_COLUMNS),
        articles=[name for batch in batches for name in batch["names"]],
    )


def _concat(frames: list[pd.DataFrame], step: str) -> pd.DataFrame:
    if not frames:
        columns = list(STEPS[step](Article.from_text("Empty.")).columns)
        return pd.DataFrame(columns=["article", *columns])
    table = _join(frames)
    return table[["article", *[c for c in table.columns if c != "article"]]]
