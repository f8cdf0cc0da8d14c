"""Per-function timings (``run.py --details``): every ``bench_*.py`` here exposes
``benchmarks() -> dict[name, zero-argument function]``; each is timed (best of N runs) and shown
as a ratio to segmenting the seed article, measured in the same process."""

from __future__ import annotations

import importlib.util
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent


def best_of(function, repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by other work)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def baseline():
    import kit

    seed = kit.load_article("kerry-lavrov-moscow")

    def segment():
        art = kit.Article.from_text(seed.text)
        return art.paragraphs, art.sentences

    return segment


def collect() -> dict:
    found = {}
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name, function in module.benchmarks().items():
            found[f"{path.stem.removeprefix('bench_')}: {name}"] = function
    return found


def main(repeat: int = 3) -> None:
    import kit

    warnings.simplefilter("ignore", kit.NewskitWarning)  # the size warning on 5 MB texts
    base = best_of(baseline(), 20)
    print(f"baseline: segment the seed article = {base * 1000:.2f} ms (ratio 1.0)")
    print(f"{'benchmark':58} {'ms':>10} {'× baseline':>11}")
    for name, function in collect().items():
        function()  # warm caches and imports once
        seconds = best_of(function, repeat)
        print(f"{name:58} {seconds * 1000:10.1f} {seconds / base:11.1f}")
