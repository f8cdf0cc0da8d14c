"""Time the kit's analysers against a baseline measured in the same process.

    make bench            (or: python tests/benchmarks/run.py [--repeat N])

Every ``bench_*.py`` here exposes ``benchmarks() -> dict[name, zero-argument function]``. Each
function is timed (best of N runs) and reported as a ratio to the baseline: segmenting the seed
article from its text (load + paragraphs + sentences), so figures compare across machines.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the benchmarks share texts.py


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


def collect() -> dict[str, callable]:
    found = {}
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name, function in module.benchmarks().items():
            found[f"{path.stem.removeprefix('bench_')}: {name}"] = function
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per benchmark (best is kept)")
    args = parser.parse_args(argv)
    base = best_of(baseline(), max(args.repeat, 20))
    print(f"baseline: segment the seed article = {base * 1000:.2f} ms (ratio 1.0)")
    print(f"{'benchmark':58} {'ms':>10} {'× baseline':>11}")
    for name, function in collect().items():
        function()  # warm caches and imports once
        seconds = best_of(function, args.repeat)
        print(f"{name:58} {seconds * 1000:10.1f} {seconds / base:11.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
