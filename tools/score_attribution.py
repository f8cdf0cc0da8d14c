"""Score kit.attribution.quotes on the hand-made dev set, the way quote extractors are scored.

    .venv/bin/python tools/score_attribution.py  # dev: the split the rules were tuned on
    .venv/bin/python tools/score_attribution.py --split heldout  # kept aside, scored at the end
    .venv/bin/python tools/score_attribution.py --split fresh    # written after the rules
    .venv/bin/python tools/score_attribution.py --split fresh2   # patterns seen in real news
    .venv/bin/python tools/score_attribution.py --split styles   # house styles the rules read
    .venv/bin/python tools/score_attribution.py --split fresh3   # the same classes, written last
    .venv/bin/python tools/score_attribution.py --split all --errors
    .venv/bin/python tools/score_attribution.py --data my_articles.jsonl --split all

``--data`` scores another file in the same format, e.g. real articles an instructor annotated.

Data: tests/data/attribution_dev.jsonl, one item a line: {"id", "split", "text", "quotes": [...]},
each gold quote with start, end, text, kind, speaker, mention, mention_start, mention_end, and
optionally "attribution": a label shared by the fragments of one act of speech ("“A,” he said.
“B.”" is one act in two fragments; so is an indirect clause and the partial quotation in it).
The items are constructed wire-style sentences: the people, places and statements are invented.
Split "fresh2" was written in the patterns that a hand-annotated sample of published news showed
the rules missing (datelines, "quoted X as saying", "said X's spokesman Y", a partial quotation in
a clause before "..., the spokeswoman said", and more); the published text itself is not stored.
Split "styles" has several written examples of each failure class that published news shows
(two apostrophes and TeX marks, quotations over several paragraphs, a dash before the name,
"(D-Md.)" after a name, "Mr. Obama" after "Michelle Obama", appositive descriptions, documents
and outlets as speakers, dates, scare quotes and programme titles); the rules were written on it.
Split "fresh3" covers the same classes in passages written after those rules, scored once.

Acts, not rows: gold fragments are grouped by their "attribution" label, predicted rows by their
``attribution_id`` (``--rows`` scores every row on its own instead), separately for direct+partial
and for indirect rows. Matching: for each threshold, predicted and gold acts are paired one to one,
largest overlap first; a pair counts when the prediction's fragments cover at least that share of
the gold act's characters (30% and 80%). Precision = pairs / predictions, recall = pairs / gold,
F1 their harmonic mean. Direct and partial quotations are scored together (a direct/partial
mix-up still counts as found); indirect speech is scored on its own.

Speaker accuracy, over the gold acts found at 30%:
- "lenient" (the published convention): right when a predicted mention overlaps a gold mention,
  or the predicted name is the same person as the gold one (equal, or one is the other's surname);
  a gold speaker of None is right only when the prediction is None too.
- "strict": only the resolved names are compared (a pronoun resolved to the wrong person is wrong
  even though its mention overlaps the gold "he").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kit  # noqa: E402
from kit import attribution  # noqa: E402

DEV_SET = ROOT / "tests" / "data" / "attribution_dev.jsonl"
THRESHOLDS = (0.3, 0.8)


def load_items(path: Path = DEV_SET, split: str = "dev") -> list[dict]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [item for item in items if split == "all" or item.get("split") == split]


def _norm(name: str | None) -> str:
    if not name:
        return ""
    words = name.lower().replace("’", "'").split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def same_person(a: str | None, b: str | None) -> bool:
    """Equal names, or one is the other's last word(s): "Keller" and "Anton Keller"."""
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return a == b
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def acts(rows: list[dict], group_key: str | None) -> list[dict]:
    """Rows grouped into acts of speech: the rows that share ``row[group_key]`` are fragments of
    one act (a quotation split by its attribution). Without ``group_key`` (or when a row has no
    such field) each row is an act of its own. Each act: ``spans``, ``chars``, ``text``,
    ``speaker``, ``mentions`` (the speaker mentions of its fragments)."""
    groups: dict = {}
    for index, row in enumerate(rows):
        label = row.get(group_key) if group_key else None
        groups.setdefault(label if label is not None else ("row", index), []).append(row)
    out = []
    for fragments in groups.values():
        speaker = next((f["speaker"] for f in fragments if f["speaker"] is not None), None)
        mentions = []
        for f in fragments:
            start = f.get("speaker_start", f.get("mention_start"))
            end = f.get("speaker_end", f.get("mention_end"))
            if start is not None and end is not None:
                mentions.append((start, end))
        spans = [(f["start"], f["end"]) for f in fragments]
        out.append(
            {
                "spans": spans,
                "chars": sum(e - s for s, e in spans),
                "text": " … ".join(f["text"] for f in fragments),
                "speaker": speaker,
                "mentions": mentions,
            }
        )
    return out


def covered(gold: dict, predicted: dict) -> int:
    """Characters of the gold act that the predicted act covers."""
    return sum(_overlap(*g, *p) for g in gold["spans"] for p in predicted["spans"])


def pair_up(gold: list[dict], predicted: list[dict], threshold: float) -> list[tuple[dict, dict]]:
    """One-to-one pairs (largest overlap first) where the prediction covers >= threshold of gold."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            shared = covered(g, p)
            if shared and shared >= threshold * g["chars"]:
                candidates.append((shared, gi, pi, g, p))
    candidates.sort(key=lambda c: -c[0])
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi, g, p in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((g, p))
    return pairs


def speaker_right(g: dict, p: dict, *, strict: bool = False) -> bool:
    if g["speaker"] is None:
        return p["speaker"] is None
    if p["speaker"] is None:
        return False
    if not strict and any(_overlap(*gm, *pm) for gm in g["mentions"] for pm in p["mentions"]):
        return True
    return same_person(g["speaker"], p["speaker"])


def predict(item: dict) -> list[dict]:
    # headline="" : dev items have no headline line, so none is guessed.
    art = kit.Article.from_text(item["text"], headline="")
    return attribution.quotes(art).to_dict("records")


def score(items: list[dict], kinds: set[str], *, grouped: bool = True) -> dict:
    totals = {t: [0, 0, 0] for t in THRESHOLDS}  # pairs, predicted, gold
    lenient = strict = found = 0
    errors = []
    for item in items:
        gold_rows = [q for q in item["quotes"] if q["kind"] in kinds]
        pred_rows = [q for q in predict(item) if q["kind"] in kinds]
        gold = acts(gold_rows, "attribution" if grouped else None)
        pred = acts(pred_rows, "attribution_id" if grouped else None)
        for t in THRESHOLDS:
            pairs = pair_up(gold, pred, t)
            totals[t][0] += len(pairs)
            totals[t][1] += len(pred)
            totals[t][2] += len(gold)
            if t == THRESHOLDS[0]:
                paired_g = {id(g) for g, _ in pairs}
                paired_p = {id(p) for _, p in pairs}
                for g, p in pairs:
                    found += 1
                    ok = speaker_right(g, p)
                    ok_strict = speaker_right(g, p, strict=True)
                    lenient += ok
                    strict += ok_strict
                    if not ok_strict:
                        label = "speaker" if not ok else "speaker (strict only)"
                        errors.append((item["id"], label, g["text"], g["speaker"], p["speaker"]))
                errors += [
                    (item["id"], "missed", g["text"], g["speaker"], None)
                    for g in gold
                    if id(g) not in paired_g
                ]
                errors += [
                    (item["id"], "extra", p["text"], None, p["speaker"])
                    for p in pred
                    if id(p) not in paired_p
                ]
    result = {}
    for t, (pairs, n_pred, n_gold) in totals.items():
        precision = pairs / n_pred if n_pred else 1.0
        recall = pairs / n_gold if n_gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[t] = {"precision": precision, "recall": recall, "f1": f1, "gold": n_gold}
    result["speaker_lenient"] = lenient / found if found else 0.0
    result["speaker_strict"] = strict / found if found else 0.0
    result["errors"] = errors
    return result


def report(items: list[dict], *, show_errors: bool = False, grouped: bool = True) -> dict:
    out = {}
    for label, kinds in (("direct+partial", {"direct", "partial"}), ("indirect", {"indirect"})):
        result = score(items, kinds, grouped=grouped)
        out[label] = result
        print(f"{label} ({result[THRESHOLDS[0]]['gold']} gold acts of speech)")
        for t in THRESHOLDS:
            r = result[t]
            print(
                f"  overlap >= {int(t * 100)}%:  P {r['precision']:.3f}  R {r['recall']:.3f}  "
                f"F1 {r['f1']:.3f}"
            )
        print(
            f"  speaker accuracy: {result['speaker_lenient']:.3f} (mention overlap or same "
            f"name), {result['speaker_strict']:.3f} (resolved name only)"
        )
        if show_errors:
            for error in result["errors"]:
                print("   ", *error, sep=" | ")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        default="dev",
        help="dev, heldout, fresh, fresh2, styles, fresh3, all, or a split of --data",
    )
    parser.add_argument("--errors", action="store_true", help="list every miss and wrong speaker")
    parser.add_argument(
        "--rows",
        action="store_true",
        help="score rows as returned, each fragment on its own (no grouping by attribution_id)",
    )
    parser.add_argument("--data", type=Path, default=DEV_SET, help="a JSONL file of gold items")
    args = parser.parse_args(argv)
    items = load_items(args.data, split=args.split)
    print(f"{len(items)} items, split {args.split}")
    report(items, show_errors=args.errors, grouped=not args.rows)


if __name__ == "__main__":
    main()
