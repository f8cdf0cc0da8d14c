"""kit.corpus on 10,000 generated articles: time and peak memory per backend.

    make bench-corpus       (or: python tests/benchmarks/corpus_bench.py [--articles N])

The articles (``texts.generated_articles``: the bundled article, the variants and constructed
texts, perturbed) are written to a temporary folder. Each backend runs in a fresh process, so one
does not warm the next: local processes (one per core) and a Dask ``LocalCluster`` with one
single-threaded worker per core (add ``--backends "one process,processes,dask LocalCluster"`` for
the in-process baseline). Peak memory is the largest total
resident memory of the process and all its children, sampled every 0.1 s. Results are merged
into ``bench-report.json`` under ``corpus``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BACKENDS = ("one process", "processes", "dask LocalCluster")
DEFAULT_BACKENDS = ("processes", "dask LocalCluster")  # "one process" takes as long as both


class PeakMemory:
    """Samples the resident memory of this process and its children until stopped."""

    def __init__(self) -> None:
        import psutil

        self.process = psutil.Process()
        self.peak = 0
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        import psutil

        while self.running:
            total = 0
            for proc in [self.process, *self.process.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.1)

    def stop(self) -> float:
        self.running = False
        self.thread.join()
        return self.peak / 2**20


def worker(backend: str, folder: str) -> None:
    from kit import corpus

    cores = os.cpu_count() or 1
    memory = PeakMemory()
    started = time.perf_counter()
    if backend == "dask LocalCluster":
        from dask.distributed import Client, LocalCluster

        with LocalCluster(n_workers=cores, threads_per_worker=1, dashboard_address=None) as cluster:
            with Client(cluster) as client:
                ready = time.perf_counter()
                result = corpus.analyse(folder, client=client, progress=False)
    else:
        ready = started
        processes = 1 if backend == "one process" else cores
        result = corpus.analyse(folder, processes=processes, progress=False)
    seconds = time.perf_counter() - started
    print(json.dumps({
        "seconds": seconds,
        "startup_seconds": ready - started,
        "peak_rss_mb": memory.stop(),
        "articles": len(result.articles),
        "errors": len(result.errors),
        "rows": {name: len(table) for name, table in result.tables.items()},
    }))  # fmt: skip


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--backends", default=",".join(DEFAULT_BACKENDS), help=f"from: {', '.join(BACKENDS)}"
    )
    parser.add_argument("--out", default="bench-report.json")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(*args.worker)
        return 0
    import texts

    report: dict = {"articles": args.articles, "backends": {}}
    with tempfile.TemporaryDirectory(prefix="newskit-corpus-") as folder:
        articles = texts.generated_articles(10**12, limit=args.articles)
        for number, text in enumerate(articles):
            sub = Path(folder) / f"{number // 1000:02}"
            sub.mkdir(exist_ok=True)
            (sub / f"article-{number:05}.txt").write_text(text, encoding="utf-8")
        report["chars"] = sum(map(len, articles))
        for backend in args.backends.split(","):
            print(f"{backend} ...", file=sys.stderr, flush=True)
            out = subprocess.run(
                [sys.executable, __file__, "--worker", backend, folder],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            result = json.loads(out.strip().splitlines()[-1])
            result["chars_per_s"] = report["chars"] / result["seconds"]
            report["backends"][backend] = result
    path = Path(args.out)
    whole = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    whole["corpus"] = report
    path.write_text(json.dumps(whole, indent=2) + "\n", encoding="utf-8")
    print(f"{args.articles:,} articles, {report['chars']:,} characters")
    print(f"{'backend':22}{'seconds':>10}{'chars/s':>12}{'peak MB':>10}")
    for backend, result in report["backends"].items():
        print(f"{backend:22}{result['seconds']:10.1f}{result['chars_per_s']:12,.0f}"
              f"{result['peak_rss_mb']:10.0f}")  # fmt: skip
    print(f"written to {args.out} (key: corpus)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
