"""Score kit.chronology.time_expressions on the time-expression dev set, TempEval-3 style.

    .venv/bin/python tools/score_timex.py                  # the dev part of the dev set
    .venv/bin/python tools/score_timex.py --split heldout  # the held-out part (score it last)
    .venv/bin/python tools/score_timex.py --split fresh    # written after the rules
    .venv/bin/python tools/score_timex.py --split fresh2   # written after the real-news round
    .venv/bin/python tools/score_timex.py --errors         # also list misses and wrong values
    .venv/bin/python tools/score_timex.py --data other.jsonl --split all   # another annotated set

The dev set is tests/data/timex_dev.jsonl, in four splits: "dev" (255 expressions, written
before the rules and used to develop them), "heldout" (54, written with the dev split and scored
only at the end), "fresh" (60, written after the rules, scored once before they were fixed) and
"fresh2" (40, written after the rules were measured on published news, in the patterns that
failed there; scored once, then the generic failures it showed were fixed). ``--data`` scores any
file in the same format, such as a local set of annotated published articles (other people's
text, so kept out of the repository).

Each line of the dev set is one short news text with its document creation date (``dct``, used
as the article's ``published`` date) and its gold time expressions (start, end, text, type, value).

Figures, as in TempEval-3 Task A (UzZaman et al. 2013):
- strict span P/R/F1: a system expression counts only if its span is exactly the gold span;
- relaxed span P/R/F1: a system expression counts if it overlaps a gold one (one-to-one);
- value F1 (and type F1): the share of relaxed matches whose value (type) is right, times the
  relaxed F1.

Annotation follows TimeML's TIMEX3: determiners and modifiers inside the span, prepositions
outside; a range of durations ("three to four years") is one DURATION with an unknown number
("PXY").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kit import Article  # noqa: E402
from kit.chronology import time_expressions  # noqa: E402

DEV_SET = ROOT / "tests" / "data" / "timex_dev.jsonl"


def load(path: Path = DEV_SET, split: str = "dev") -> list[dict]:
    """The records of one split ("dev", "heldout", "fresh", "fresh2", ... or "all")."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in records if split == "all" or r["split"] == split]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(records: list[dict]) -> dict:
    """Counts and figures for a list of dev-set records, plus the list of errors."""
    n_gold = n_system = strict = relaxed = value_ok = type_ok = 0
    errors = []
    for record in records:
        article = Article.from_text(record["text"], published=record["dct"])
        system = time_expressions(article).to_dict("records")
        gold = record["timexes"]
        n_gold += len(gold)
        n_system += len(system)
        used = set()
        for g in gold:
            match = None
            for i, s in enumerate(system):
                if i not in used and s["start"] < g["end"] and g["start"] < s["end"]:
                    match = i
                    break
            if match is None:
                errors.append(
                    (record["id"], "missed", g["text"], g["type"], g["value"], "", "", "")
                )
                continue
            used.add(match)
            s = system[match]
            relaxed += 1
            strict += (s["start"], s["end"]) == (g["start"], g["end"])
            value_ok += s["value"] == g["value"]
            type_ok += s["type"] == g["type"]
            if s["value"] != g["value"] or s["type"] != g["type"] or s["text"] != g["text"]:
                errors.append((record["id"], "differs", g["text"], g["type"], g["value"],
                               s["text"], s["type"], s["value"]))  # fmt: skip
        for i, s in enumerate(system):
            if i not in used:
                errors.append(
                    (record["id"], "spurious", "", "", "", s["text"], s["type"], s["value"])
                )
    p_strict, r_strict = strict / max(n_system, 1), strict / max(n_gold, 1)
    p_relaxed, r_relaxed = relaxed / max(n_system, 1), relaxed / max(n_gold, 1)
    f_relaxed = _f1(p_relaxed, r_relaxed)
    return {
        "documents": len(records),
        "gold": n_gold,
        "system": n_system,
        "strict P": p_strict,
        "strict R": r_strict,
        "strict F1": _f1(p_strict, r_strict),
        "relaxed P": p_relaxed,
        "relaxed R": r_relaxed,
        "relaxed F1": f_relaxed,
        "value accuracy": value_ok / max(relaxed, 1),
        "value F1": value_ok / max(relaxed, 1) * f_relaxed,
        "type F1": type_ok / max(relaxed, 1) * f_relaxed,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split", default="dev", help='a split name in the data ("dev", "heldout", ...) or "all"'
    )
    parser.add_argument(
        "--data", type=Path, default=DEV_SET, help="another JSONL file in the same format"
    )
    parser.add_argument("--errors", action="store_true", help="list misses and wrong values")
    args = parser.parse_args(argv)
    result = score(load(args.data, args.split))
    print(f"split: {args.split}  documents: {result['documents']}  gold timexes: {result['gold']}  "
          f"system timexes: {result['system']}")  # fmt: skip
    for name in ("strict", "relaxed"):
        print(f"{name:8s} span  P {result[name + ' P']:.3f}  R {result[name + ' R']:.3f}  "
              f"F1 {result[name + ' F1']:.3f}")  # fmt: skip
    print(f"value    F1 {result['value F1']:.3f}   (value accuracy on matched spans "
          f"{result['value accuracy']:.3f})")  # fmt: skip
    print(f"type     F1 {result['type F1']:.3f}")
    if args.errors:
        print()
        for error in result["errors"]:
            doc, what, g_text, g_type, g_value, s_text, s_type, s_value = error
            gold = f"{g_text!r} {g_type} {g_value}"
            print(f"{doc} {what:8s} gold: {gold}  system: {s_text!r} {s_type} {s_value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
