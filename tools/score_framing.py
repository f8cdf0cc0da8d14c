"""Score kit.framing.markers against the framing development set.

    python tools/score_framing.py                   # every part, loaded markers only
    python tools/score_framing.py --part unseen3    # only passages written after the rules
    python tools/score_framing.py --every-category  # count every marker, loaded or structure
    python tools/score_framing.py --show            # list the sentences it gets wrong

The set (``tests/data/framing_dev.jsonl``) holds short passages written for the kit, one JSON
object a line: ``id, part, style, sentences``, each sentence with ``text``, ``biased`` and
``loaded`` (the loaded words or phrases, as they appear in the sentence). A passage is read as
one paragraph, its sentences joined by spaces.

Three figures, as in the framing issue's table:

- **sentence F1** for "biased": a sentence is predicted biased when a marker starts in it;
- **word recall**: the share of annotated loaded words that lie inside a marker;
- **marker precision**: the share of words inside markers that annotators marked as loaded.

By default only markers whose ``role`` is ``loaded`` count (for a kit without that column: the
categories naming, evaluative, intensifier and reporting_verb).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kit  # noqa: E402
from kit import framing  # noqa: E402

DEV_SET = ROOT / "tests" / "data" / "framing_dev.jsonl"
TOKEN = re.compile(r"\w+(?:[-’']\w+)*")
OLD_LOADED = {"naming", "evaluative", "intensifier", "reporting_verb"}


def read_set(path: Path, part: str) -> list[dict]:
    """The passages of ``path`` in ``part`` (``all`` for every one)."""
    with path.open(encoding="utf-8") as handle:
        passages = [json.loads(line) for line in handle if line.strip()]
    return [p for p in passages if part in ("all", p["part"])]


def loaded_spans(found, every_category: bool) -> list[tuple[int, int]]:
    """The marker spans that count: loaded ones, or all of them."""
    if every_category:
        rows = found
    elif "role" in found.columns:
        rows = found[found["role"] == "loaded"]
    else:
        rows = found[found["category"].isin(OLD_LOADED)]
    return list(zip(rows["start"].tolist(), rows["end"].tolist(), strict=True))


def annotated_spans(sentence: str, offset: int, phrases: list[str]) -> list[tuple[int, int]]:
    """Where each annotated phrase stands, as offsets into the passage (first match, whole
    words)."""
    spans = []
    for phrase in phrases:
        found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", sentence)
        if found is None:
            raise ValueError(f"{phrase!r} is not in the sentence {sentence!r}")
        spans.append((offset + found.start(), offset + found.end()))
    return spans


def score_passage(passage: dict, every_category: bool) -> dict:
    """Counts for one passage: sentence confusion, and word overlaps."""
    texts = [s["text"] for s in passage["sentences"]]
    text = " ".join(texts)
    found = framing.markers(kit.Article.from_text(text, headline=""))
    markers = loaded_spans(found, every_category)
    counts = dict(tp=0, fp=0, fn=0, tn=0, gold_words=0, gold_found=0, marker_words=0,
                  marker_gold=0, wrong=[])  # fmt: skip
    offset = 0
    for sentence in passage["sentences"]:
        start, end = offset, offset + len(sentence["text"])
        offset = end + 1
        inside = [(s, e) for s, e in markers if start <= s < end]
        gold = annotated_spans(sentence["text"], start, sentence["loaded"])
        predicted, biased = bool(inside), bool(sentence["biased"])
        key = ("tp" if biased else "fp") if predicted else ("fn" if biased else "tn")
        counts[key] += 1
        for token in TOKEN.finditer(text, start, end):
            in_gold = any(s <= token.start() < e for s, e in gold)
            in_marker = any(s < token.end() and token.start() < e for s, e in inside)
            counts["gold_words"] += in_gold
            counts["gold_found"] += in_gold and in_marker
            counts["marker_words"] += in_marker
            counts["marker_gold"] += in_marker and in_gold
        if key in ("fp", "fn") or len(inside) != len(gold):
            counts["wrong"].append((key, sentence["text"], sentence["loaded"],
                                    [text[s:e] for s, e in inside]))  # fmt: skip
    return counts


def score(passages: list[dict], every_category: bool = False) -> dict:
    """The three figures (in percent) over ``passages``, with the counts behind them."""
    total = dict(tp=0, fp=0, fn=0, tn=0, gold_words=0, gold_found=0, marker_words=0,
                 marker_gold=0, wrong=[])  # fmt: skip
    for passage in passages:
        for name, value in score_passage(passage, every_category).items():
            total[name] += value
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    f1 = 200 * tp / (2 * tp + fp + fn) if tp else 0.0
    recall = 100 * total["gold_found"] / total["gold_words"] if total["gold_words"] else 0.0
    precision = 100 * total["marker_gold"] / total["marker_words"] if total["marker_words"] else 0.0
    return {"sentence_f1": f1, "word_recall": recall, "marker_precision": precision,
            "sentences": tp + fp + fn + total["tn"], "biased": tp + fn, **total}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="all",
                        help="dev ... dev5, unseen2 ... unseen4, or all (default)")  # fmt: skip
    parser.add_argument("--every-category", action="store_true",
                        help="count every marker, not only loaded language")  # fmt: skip
    parser.add_argument("--show", action="store_true", help="list the sentences scored wrong")
    parser.add_argument("--set", type=Path, default=DEV_SET, help="a JSONL file of passages")
    args = parser.parse_args(argv)
    passages = read_set(args.set, args.part)
    if not passages:
        print(f"No passages of part {args.part!r} in {args.set}.", file=sys.stderr)
        return 1
    result = score(passages, args.every_category)
    which = "every category" if args.every_category else "loaded markers"
    print(f"{args.part}: {len(passages)} passages, {result['sentences']} sentences "
          f"({result['biased']} biased), {which}")  # fmt: skip
    print(f"  sentence F1 (biased)  {result['sentence_f1']:5.1f}")
    print(
        f"  word recall           {result['word_recall']:5.1f}%  "
        f"({result['gold_found']} of {result['gold_words']} annotated words)"
    )
    print(
        f"  marker precision      {result['marker_precision']:5.1f}%  "
        f"({result['marker_gold']} of {result['marker_words']} marker words)"
    )
    if args.show:
        for key, sentence, gold, got in result["wrong"]:
            print(f"  [{key}] {sentence}\n        annotated {gold}; markers {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
