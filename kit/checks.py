"""Checks: pure functions that grade an answer against an exercise of the key, and their feedback.

No widgets and no I/O here: :mod:`kit.exercises` builds the widgets on top, and tests, the
gradebook and scripts call these functions directly.

    spec = kit.keys.load_key(art)["exercises"]["anatomy.lede"]
    kit.checks.check(spec, "p1").summary      # the same verdict the widget shows

Five kinds of exercise, named by the key's ``type``: ``choice``, ``match``, ``spans``, ``order``
and ``text``; each has its ``check_*`` function, and :func:`check` picks the right one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from kit.article import Article

# --------------------------------------------------------------------------------------------
# Feedback: what a check returns


@dataclass(frozen=True)
class ItemFeedback:
    """The verdict on one part of an answer, and why."""

    item: str
    label: str
    correct: bool
    given: str
    expected: str
    explanation: str


@dataclass(frozen=True)
class Feedback:
    """A checked answer: a score from 0 to 1 (``None`` when not graded) and per-item verdicts."""

    score: float | None
    items: tuple[ItemFeedback, ...] = ()
    summary: str = ""
    notes: tuple[str, ...] = field(default=())

    @property
    def right(self) -> int:
        return sum(item.correct for item in self.items)

    def to_text(self) -> str:
        """The feedback as plain text, a line per item."""
        lines = [self.summary]
        for item in self.items:
            lines.append(f"{_verdict(item)}: {item.label}: {item.explanation}")
        lines.extend(self.notes)
        return "\n".join(lines)

    def to_html(self, *, reveal: bool = True) -> str:
        """The feedback as HTML: a summary line, then one line per item with a mark and a word.

        ``reveal=False`` (a student's first try) keeps back the explanations that would give away
        a missed answer; the explanation of every right answer and every wrong pick is shown.
        """
        rows = []
        held_back = 0
        for item in self.items:
            head = f"<b>{_verdict(item)}</b>: {html.escape(item.label)}"
            if not item.correct and item.given and not item.given.startswith("("):
                if not item.expected.startswith("not "):
                    head += f" (you chose <i>{html.escape(item.given)}</i>)"
            why = html.escape(item.explanation)
            if not reveal and not item.correct and not item.expected.startswith("not "):
                why = "<i>Have another look: the explanation appears after your next try.</i>"
                held_back += 1
            rows.append(f'<li style="margin:.3em 0">{head}<br>{why}</li>')
        notes = "".join(f"<p>{html.escape(note)}</p>" for note in self.notes)
        listing = f'<ul style="padding-left:1.2em">{"".join(rows)}</ul>' if rows else ""
        return (
            '<div class="newskit-feedback-body" role="status" aria-live="polite" '
            'style="border-left:4px solid #888;padding:.3em .8em;margin-top:.4em">'
            f"<p><b>{html.escape(self.summary)}</b></p>{listing}{notes}</div>"
        )


MISSED = ("(not chosen)", "(not selected)", "(no answer)")


def _verdict(item: ItemFeedback) -> str:
    """A mark and a word, so the verdict never depends on colour."""
    if item.correct:
        return "✔ Right"
    if item.given in MISSED:
        return "✘ Missed"
    return "✘ Not in the key" if item.expected == "not selected" else "✘ Not right"


def _summary(score: float, right: int, total: int, noun: str = "") -> str:
    percent = round(100 * score)
    verdict = "All right!" if score >= 1 else "Partly right." if score > 0 else "Not yet."
    return f"{verdict} Score {percent}% ({right} of {total}{noun} right)."


# --------------------------------------------------------------------------------------------
# Pure check functions, one per exercise type


def check(spec: dict, answer) -> Feedback:
    """Check ``answer`` against one exercise ``spec`` from the key. Pure: no widgets, no I/O."""
    checker = CHECKERS.get(spec["type"])
    if checker is None:
        raise ValueError(f"Exercise type {spec['type']!r} has no check function.")
    return checker(spec, answer)


def check_choice(spec: dict, answer) -> Feedback:
    """Choice: one option id, or a list of ids when ``multiple``. Wrong picks cancel right ones."""
    chosen = set(answer if isinstance(answer, list | tuple | set) else [answer]) - {None}
    options = spec["options"]
    correct_ids = {o["id"] for o in options if o["correct"]}
    items = []
    for option in options:
        picked = option["id"] in chosen
        if picked or option["correct"]:
            items.append(
                ItemFeedback(
                    item=option["id"],
                    label=option["label"],
                    correct=picked == option["correct"],
                    given="" if picked else "(not chosen)",
                    expected="chosen" if option["correct"] else "not chosen",
                    explanation=option["explanation"],
                )
            )
    if not chosen:
        return Feedback(None, (), "Choose an answer first, then press Check answer.")
    hits = len(chosen & correct_ids)
    misses = len(chosen - correct_ids)
    score = max(0.0, (hits - misses) / len(correct_ids))
    if not spec.get("multiple"):
        score = 1.0 if chosen <= correct_ids else 0.0
        items = [i for i in items if i.item in chosen]
    right = sum(i.correct for i in items)
    return Feedback(score, tuple(items), _summary(score, right, len(items)))


def check_match(spec: dict, answer: dict) -> Feedback:
    """Match: ``{item_id: choice}``; each item scores on its own (partial credit)."""
    answer = answer or {}
    items = []
    for item in spec["items"]:
        accepted = item["answer"] if isinstance(item["answer"], list) else [item["answer"]]
        given = answer.get(item["id"])
        items.append(
            ItemFeedback(
                item=item["id"],
                label=item["label"],
                correct=given in accepted,
                given=given or "(no answer)",
                expected=" or ".join(accepted),
                explanation=item["explanation"],
            )
        )
    right = sum(i.correct for i in items)
    score = right / len(items)
    return Feedback(score, tuple(items), _summary(score, right, len(items)))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def check_spans(spec: dict, answer, text: str | None = None) -> Feedback:
    """Spans: the ``[start, end]`` of each selected word or sentence.

    A target counts as found when a selected unit overlaps it; each selected unit that overlaps
    no target costs half a target. The score is clamped to 0..1.
    """
    selected = [tuple(span) for span in (answer or [])]
    items = []
    found = 0
    for target in spec["targets"]:
        span = (target["start"], target["end"])
        hit = any(_overlaps(span, s) for s in selected)
        found += hit
        items.append(
            ItemFeedback(
                item=f"{span[0]}-{span[1]}",
                label=target.get("text", f"characters {span[0]}–{span[1]}"),
                correct=hit,
                given="" if hit else "(not selected)",
                expected="selected",
                explanation=target["explanation"],
            )
        )
    wrong = [s for s in selected if not any(_overlaps((t["start"], t["end"]), s)
                                             for t in spec["targets"])]  # fmt: skip
    for span in wrong:
        note = next(
            (d for d in spec.get("distractors", []) if _overlaps((d["start"], d["end"]), span)),
            None,
        )
        piece = text[span[0] : span[1]] if text else note.get("text") if note else None
        items.append(
            ItemFeedback(
                item=f"{span[0]}-{span[1]}",
                label=piece or f"characters {span[0]}–{span[1]}",
                correct=False,
                given="selected",
                expected="not selected",
                explanation=note["explanation"]
                if note
                else "The key does not count this one: read it again and ask whether it fits "
                "the question.",
            )
        )
    targets = len(spec["targets"])
    score = min(1.0, max(0.0, (found - 0.5 * len(wrong)) / targets))
    summary = _summary(score, found, targets, " to find")
    if wrong:
        summary += f" {len(wrong)} selection{'s' if len(wrong) > 1 else ''} not in the key."
    return Feedback(score, tuple(items), summary)


def check_order(spec: dict, answer: list[str]) -> Feedback:
    """Order: item ids, first to last. The score is the share of pairs in the right order."""
    by_id = {item["id"]: item for item in spec["items"]}
    answer = [a for a in (answer or []) if a in by_id]
    if sorted(answer) != sorted(by_id):
        return Feedback(None, (), "Give every item its own position, then press Check answer.")
    given_rank = {item_id: rank for rank, item_id in enumerate(answer, 1)}
    pairs = [(a, b) for a in by_id for b in by_id if by_id[a]["position"] < by_id[b]["position"]]
    in_order = sum(given_rank[a] < given_rank[b] for a, b in pairs)
    score = in_order / len(pairs)
    items = tuple(
        ItemFeedback(
            item=item["id"],
            label=item["label"],
            correct=given_rank[item["id"]] == item["position"],
            given=f"position {given_rank[item['id']]}",
            expected=f"position {item['position']}",
            explanation=item["explanation"],
        )
        for item in sorted(spec["items"], key=lambda i: i["position"])
    )
    summary = (
        f"{'All right!' if score >= 1 else 'Partly right.' if score > 0 else 'Not yet.'} "
        f"Score {round(100 * score)}%: {in_order} of {len(pairs)} pairs in the right order."
    )
    return Feedback(score, items, summary)


def check_text(spec: dict, answer: str) -> Feedback:
    """Text: ungraded by default; once something is written, the key's explanation is shown."""
    if not (answer or "").strip():
        return Feedback(None, (), "Write your answer in the box first.")
    return Feedback(None, (), "Thank you: your answer is saved. Compare it with this:",
                    notes=(spec["explanation"],))  # fmt: skip


CHECKERS: dict[str, Callable] = {
    "choice": check_choice,
    "match": check_match,
    "spans": check_spans,
    "order": check_order,
    "text": check_text,
}


def answer_key_html(spec: dict) -> str:
    """The expected answer of an exercise with its explanations, for instructor mode."""
    kind = spec["type"]
    if kind == "choice":
        lines = [(o["label"], "correct" if o["correct"] else "wrong", o["explanation"])
                 for o in spec["options"]]  # fmt: skip
    elif kind == "match":
        lines = [(i["label"], " or ".join(i["answer"] if isinstance(i["answer"], list)
                  else [i["answer"]]), i["explanation"]) for i in spec["items"]]  # fmt: skip
    elif kind == "spans":
        lines = [(t.get("text", f"{t['start']}–{t['end']}"), "select", t["explanation"])
                 for t in spec["targets"]]  # fmt: skip
    elif kind == "order":
        lines = [(i["label"], f"position {i['position']}", i["explanation"])
                 for i in sorted(spec["items"], key=lambda i: i["position"])]  # fmt: skip
    else:
        lines = [("Model answer", "", spec["explanation"])]
    rows = "".join(
        f"<li><b>{html.escape(a)}</b> → {html.escape(b)}<br>{html.escape(c)}</li>"
        for a, b, c in lines
    )
    return f'<div class="newskit-answer"><p><b>Answer key</b></p><ul>{rows}</ul></div>'


# --------------------------------------------------------------------------------------------
# The framing rewrite challenge: live marker count and check, for free_text(live=..., check=...)


def framing_meter(original: str | None = None) -> Callable[[str], str]:
    """A live-feedback function for a rewriting exercise: ``meter(text) -> HTML``.

    It counts the framing markers in the writer's own words of ``text`` (quoted words are
    listed apart: they are the speaker's), names them, and compares with ``original``.
    """
    from kit import framing

    def count(text: str):
        art = Article.from_text(text, headline="")
        found = framing.markers(art)
        inside = found["note"].str.endswith(framing.QUOTED_NOTE)
        return found[~inside], found[inside]

    before = len(count(original)[0]) if original and original.strip() else None

    def meter(text: str) -> str:
        if not text.strip():
            start = f" The original sentence has <b>{before}</b>." if before is not None else ""
            return (
                f'<div class="nk-meter">Start typing: markers are counted as you go.{start}</div>'
            )
        own, quoted = count(text)
        items = "".join(
            f"<li><b>{html.escape(row.text)}</b> ({html.escape(row.category)})</li>"
            for row in own.itertuples()
        )
        line = f"Framing markers in your own words: <b>{len(own)}</b>"
        if before is not None:
            line += f" (the original has {before})"
        extra = (
            f"<br>Inside quotation marks (the speaker's words, not counted): {len(quoted)}"
            if len(quoted)
            else ""
        )
        listing = f"<ul>{items}</ul>" if items else " ✔ none left."
        return f'<div class="nk-meter" aria-live="polite">{line}.{listing}{extra}</div>'

    return meter


def framing_rewrite_check(spec: dict) -> Callable[[str], Feedback]:
    """A check function for a rewriting exercise: ``check(text) -> Feedback``.

    Half the score is for keeping the facts (each group in ``spec["keep"]`` must be named by
    one of its words), half for dropping the writer's markers (relative to ``spec["original"]``).
    """
    from kit import framing

    def own_markers(text: str) -> pd.DataFrame:
        found = framing.markers(Article.from_text(text, headline=""))
        return found[~found["note"].str.endswith(framing.QUOTED_NOTE)]

    original = spec.get("original", "")
    before = max(1, len(own_markers(original))) if original.strip() else 1
    keep = spec.get("keep", [])

    def check(text: str) -> Feedback:
        if not text.strip():
            return Feedback(None, (), "Write your version in the box first.")
        items = []
        for group in keep:
            named = any(re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE) for w in group)
            items.append(ItemFeedback(
                item=group[0], label=f"Fact kept: {' / '.join(group)}", correct=named,
                given="" if named else "(not chosen)", expected="named",
                explanation="Kept: a neutral version still tells the facts." if named else
                f"Missing: a neutral version must still say {' or '.join(group)}.",
            ))  # fmt: skip
        own = own_markers(text)
        for row in own.itertuples():
            items.append(ItemFeedback(
                item=f"{row.start}", label=f"“{row.text}” ({row.category.replace('_', ' ')})",
                correct=False, given="", expected="not kept", explanation=row.note,
            ))  # fmt: skip
        facts = sum(i.correct for i in items[: len(keep)]) / len(keep) if keep else 1.0
        cleaner = 1 - min(len(own), before) / before
        score = round(0.5 * facts + 0.5 * cleaner, 2)
        verdict = "All right!" if score >= 1 else "Partly right." if score > 0 else "Not yet."
        summary = (
            f"{verdict} Score {round(100 * score)}%: {len(own)} framing marker"
            f"{'' if len(own) == 1 else 's'} left in your own words (the original has {before})."
        )
        return Feedback(score, tuple(items), summary, notes=(spec["explanation"],))

    return check
