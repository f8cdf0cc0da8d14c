"""Snapshot every chronology output on fixed texts, to compare two versions of the code.

    PYTHONPATH=/path/to/old/tree .venv/bin/python tools/chronology_snapshot.py before.json
    .venv/bin/python tools/chronology_snapshot.py after.json
    .venv/bin/python tools/chronology_snapshot.py --compare before.json after.json

The texts: the bundled article, every variant in data/variants/, every record of the
time-expression dev set (all splits, with its creation date), and a few long generated texts
(the seed's body repeated; the dev set's texts joined; a shuffled mix of dated sentences). For
each: ``time_expressions`` (and, for articles, ``events``, ``timeline``, ``estimate_published``
and ``cross_check`` where there is a reference), written as JSON rows. An error is recorded as
its type and message, so a crash that goes away shows up as a difference too.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent


def _rows(frame: pd.DataFrame) -> list:
    return json.loads(frame.to_json(orient="values", date_format="iso"))


def _run(name: str, function, out: dict, *args) -> None:
    try:
        out[name] = _rows(function(*args))
    except Exception as error:  # noqa: BLE001 (an error is part of the output)
        out[name] = f"{type(error).__name__}: {error}"


def _long_texts(seed_body: str, records: list[dict]) -> dict[str, str]:
    sentences = [s for r in records for s in r["text"].split(". ") if s]
    shuffled = random.Random(7).sample(sentences, len(sentences))
    return {
        "seed body x40": "A long file\n\n" + "\n\n".join([seed_body] * 40),
        "dev texts joined": "Dev texts\n\n" + "\n\n".join(r["text"] for r in records),
        "dev sentences shuffled, one paragraph": "Mix\n\n" + ". ".join(shuffled * 2),
        "seed body as one line x10": "One line\n\n" + " ".join([seed_body.replace("\n", " ")] * 10),
    }


def snapshot() -> dict:
    import kit
    from kit import chronology

    out: dict = {"kit": kit.__file__}
    seed = kit.load_article("kerry-lavrov-moscow")
    articles = {"seed": seed}
    for path in sorted((ROOT / "data" / "variants").glob("*.txt")):
        articles[path.stem] = kit.load_article(path)
    for name, art in articles.items():
        _run(f"{name} time_expressions", chronology.time_expressions, out, art)
        _run(f"{name} events", chronology.events, out, art)
        _run(f"{name} timeline", chronology.timeline, out, art)
        _run(f"{name} estimate_published", chronology.estimate_published, out, art)
    _run("seed cross_check", chronology.cross_check, out, seed)
    _run("seed anchor 2016-03-01", chronology.time_expressions, out, seed, "2016-03-01")
    records = [
        json.loads(line)
        for line in (ROOT / "tests/data/timex_dev.jsonl").read_text().splitlines()
        if line
    ]
    for r in records:
        art = kit.Article.from_text(r["text"], published=r["dct"])
        _run(f"dev {r['id']}", chronology.time_expressions, out, art)
        bare = kit.Article.from_text(r["text"])
        _run(f"dev {r['id']} no date", chronology.time_expressions, out, bare)
    for name, text in _long_texts(seed.body, records).items():
        art = kit.Article.from_text(text, published="2015-12-15")
        _run(f"long {name}", chronology.time_expressions, out, art)
        _run(f"long {name} timeline", chronology.timeline, out, art)
    return out


def compare(before: dict, after: dict) -> int:
    differences = 0
    for key in sorted(set(before) | set(after)):
        if key == "kit":
            continue
        if before.get(key) != after.get(key):
            differences += 1
            print(f"DIFFERS: {key}\n  before: {str(before.get(key))[:400]}\n"
                  f"  after:  {str(after.get(key))[:400]}")  # fmt: skip
    print(f"{len(before) - 1} outputs compared, {differences} differ")
    return 1 if differences else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--compare", action="store_true", help="compare two snapshot files")
    args = parser.parse_args(argv)
    if args.compare:
        before, after = (json.loads(f.read_text()) for f in args.files)
        return compare(before, after)
    out = snapshot()
    args.files[0].write_text(json.dumps(out))
    print(f"{len(out) - 1} outputs from {out['kit']} written to {args.files[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
