"""Checks: pure functions that grade an answer against an exercise of the key, and their feedback.

No widgets and no I/O here: :mod:`kit.exercises` builds the widgets on top, and tests, the
gradebook and scripts call these functions directly.

    spec = kit.keys.load_key(art)["exercises"]["anatomy.lede"]
    kit.checks.check(spec, "p1").summary      # the same verdict the widget shows

Five kinds of exercise, named by the key's ``type``: ``choice``, ``match``, ``spans``, ``order``
and ``text``; each has its ``check_*`` function, and :func:`check` picks the right one.

Feedback teaches without giving the answer away. On a first try (``to_html(reveal=False)``) a
missed answer is described by the kind of thing it is and where to look ("two more loaded verbs
of saying in p11"), never by its words; a wrong pick is explained. After a second try, on request
or in instructor mode (``reveal=True``) every answer is shown with its full explanation. A hint
comes from the key where an item has one (its optional ``hint``), and is built otherwise from the
item's category, its paragraph and the kind of exercise.

Every score is told in one sentence of the same shape, whose counts add up to the percentage:

    All right! Score 100%: 3 of 3 right answers ticked.
    Partly right. Score 75%: 2 of 2 sentences found; 1 pick is not one of the answers ...
    Partly right. Score 80%: 12 of 15 pairs of items in the right order ...
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from kit.article import Article

# --------------------------------------------------------------------------------------------
# Plain words for categories: what a student reads instead of a code label


# Framing categories (kit.framing) and TimeML types (kit.chronology): singular, plural.
PLAIN_LABELS: dict[str, tuple[str, str]] = {
    "naming": ("contested name", "contested names"),
    "evaluative": ("word that judges", "words that judge"),
    "intensifier": ("word that turns up the force", "words that turn up the force"),
    "hedge": ("word that softens a claim", "words that soften a claim"),
    "emphasis": ("word that stresses what the writer finds notable",
                 "words that stress what the writer finds notable"),
    "reporting_verb": ("loaded verb of saying", "loaded verbs of saying"),
    "contrast": ("contrast word, where the writer turns the story",
                 "contrast words, where the writer turns the story"),
    "agentless": ("verb that hides who acted", "verbs that hide who acted"),
    "scare_quote": ("scare quote", "scare quotes"),
    "insertion": ("word the writer put in brackets inside a quotation",
                  "words the writer put in brackets inside a quotation"),
    "DATE": ("time expression (a date)", "time expressions (dates)"),
    "TIME": ("time expression (a time of day)", "time expressions (times of day)"),
    "DURATION": ("time expression (a duration)", "time expressions (durations)"),
    "SET": ("time expression (a frequency)", "time expressions (frequencies)"),
}  # fmt: skip

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def plain_label(category: str, count: int = 1, *, article: bool = False) -> str:
    """The words a student reads for a marker or time-expression ``category``.

    A category missing from :data:`PLAIN_LABELS` falls back to its name with spaces for
    underscores, so a category added to a lexicon still reads as words.

    >>> plain_label("reporting_verb", article=True)
    'a loaded verb of saying'
    >>> plain_label("DATE", 2)
    'time expressions (dates)'
    >>> plain_label("moral_judgement")
    'moral judgement'
    """
    singular, plural = PLAIN_LABELS.get(category, (category.replace("_", " "),) * 2)
    words = singular if count == 1 else plural
    if article and count == 1:
        words = f"{'an' if words[:1].lower() in 'aeiou' else 'a'} {words}"
    return words


def count_words(count: int) -> str:
    """``2`` as ``"two"``: small counts read better as words in a sentence.

    >>> count_words(3), count_words(12)
    ('three', '12')
    """
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)


def score_sentence(score: float, detail: str) -> str:
    """The one score sentence every check uses: a verdict, the percentage, and how it was made.

    The verdict follows the score alone, so the sentence never contradicts itself.

    >>> score_sentence(0.5, "1 of 2 answers right")
    'Partly right. Score 50%: 1 of 2 answers right.'
    """
    verdict = "All right!" if score >= 1 else "Partly right." if score > 0 else "Not yet."
    return f"{verdict} Score {round(100 * score)}%: {detail}."


# --------------------------------------------------------------------------------------------
# Feedback: what a check returns


@dataclass(frozen=True)
class ItemFeedback:
    """The verdict on one part of an answer, and why.

    ``role`` says what the item is: ``"answer"`` (an expected answer, right or wrong),
    ``"pick"`` (something the student chose that is not an answer), or ``"point"`` (a point of a
    graded text, always explained). Left empty, it is read from ``given`` and ``expected``.
    ``hint`` says where to look without saying what the answer is.
    """

    item: str
    label: str
    correct: bool
    given: str
    expected: str
    explanation: str
    hint: str = ""
    role: str = ""

    @property
    def missed(self) -> bool:
        """An expected answer the student did not choose (its label would give it away)."""
        return not self.correct and self.given in ("(not chosen)", "(not selected)")

    @property
    def is_pick(self) -> bool:
        """A wrong pick: something chosen that is not one of the answers."""
        return self.role == "pick" or (not self.role and self.expected.startswith("not "))


@dataclass(frozen=True)
class Feedback:
    """A checked answer: a score from 0 to 1 (``None`` when not graded) and per-item verdicts.

    ``hints`` describe what is still missing without naming it (shown on a first try);
    ``kind`` is the exercise type the feedback belongs to.
    """

    score: float | None
    items: tuple[ItemFeedback, ...] = ()
    summary: str = ""
    notes: tuple[str, ...] = field(default=())
    hints: tuple[str, ...] = field(default=())
    kind: str = ""

    @property
    def right(self) -> int:
        return sum(item.correct for item in self.items)

    def _rows(self, reveal: bool) -> tuple[list[tuple[str, str, str, str]], bool]:
        """``(mark, label, note, body)`` per item shown, and whether anything was held back."""
        rows, held_back = [], False
        for item in self.items:
            mark = _verdict(item)
            if item.role == "point":
                rows.append((mark, item.label, "", item.explanation))
            elif item.correct:
                if not reveal and self.kind == "order" and (self.score or 0) < 1:
                    # a right place's explanation dates its neighbours: it waits for the reveal
                    rows.append((mark, item.label, "", ""))
                    held_back = True
                else:
                    rows.append((mark, item.label, "", item.explanation))
            elif item.is_pick:
                rows.append((mark, item.label, "", item.explanation))
            elif item.missed:
                if reveal:
                    rows.append((mark, item.label, "", item.explanation))
                else:
                    held_back = True
            else:  # a wrong answer to an item: what was given, then a hint or the explanation
                given = (
                    "no answer yet" if item.given == "(no answer)"
                    else f"you put it at {item.given}" if item.given.startswith("position ")
                    else f"you chose {item.given}"
                )  # fmt: skip
                if reveal:
                    note = f"{given}; the answer is {item.expected}"
                    rows.append((mark, item.label, note, item.explanation))
                else:
                    hint = (
                        item.hint or "Look at it again: the explanation comes after your next try."
                    )
                    rows.append((mark, item.label, given, f"Hint: {hint}"))
                    held_back = True
        return rows, held_back

    def _hints(self, reveal: bool) -> list[str]:
        return [] if reveal or not any(i.missed for i in self.items) else list(self.hints)

    def to_text(self, *, reveal: bool = True) -> str:
        """The feedback as plain text, a line per item (``reveal`` as in :meth:`to_html`)."""
        rows, held_back = self._rows(reveal)
        lines = [self.summary]
        for mark, label, note, body in rows:
            lines.append(
                f"{mark}: {label}{f' ({note})' if note else ''}{f': {body}' if body else ''}"
            )
        hints = self._hints(reveal)
        if hints:
            lines.append("Still to find (a hint, not the answer):")
            lines.extend(f"- {hint}" for hint in hints)
        if held_back:
            lines.append(TRY_AGAIN)
        lines.extend(self.notes)
        return "\n".join(lines)

    def to_html(self, *, reveal: bool = True) -> str:
        """The feedback as HTML: a summary line, then one line per item with a mark and a word.

        ``reveal=False`` (a student's first try) describes each missed answer by its kind and
        where to look, never by its words, and gives a hint for each wrong answer; every right
        answer and every wrong pick is explained. ``reveal=True`` shows all with explanations.
        """
        rows, held_back = self._rows(reveal)
        listing = "".join(
            f'<li style="margin:.3em 0"><b>{html.escape(mark)}</b>: {html.escape(label)}'
            f"{f' (<i>{html.escape(note)}</i>)' if note else ''}"
            f"{f'<br>{html.escape(body)}' if body else ''}</li>"
            for mark, label, note, body in rows
        )
        listing = f'<ul style="padding-left:1.2em">{listing}</ul>' if listing else ""
        hints = self._hints(reveal)
        if hints:
            items = "".join(f"<li>{html.escape(h)}</li>" for h in hints)
            listing += (
                '<p style="margin-bottom:0">Still to find (a hint, not the answer):</p>'
                f'<ul class="newskit-hints" style="padding-left:1.2em;margin-top:.2em">{items}</ul>'
            )
        if held_back:
            listing += f"<p><i>{html.escape(TRY_AGAIN)}</i></p>"
        notes = "".join(f"<p>{html.escape(note)}</p>" for note in self.notes)
        return (
            '<div class="newskit-feedback-body" role="status" aria-live="polite" '
            'style="border-left:4px solid #888;padding:.3em .8em;margin-top:.4em">'
            f"<p><b>{html.escape(self.summary)}</b></p>{listing}{notes}</div>"
        )


TRY_AGAIN = "Try again: after your next check, the answers and their full explanations appear."

MISSED = ("(not chosen)", "(not selected)", "(no answer)")


def _verdict(item: ItemFeedback) -> str:
    """A mark and a word, so the verdict never depends on colour."""
    if item.role == "point":
        return "✔ Done" if item.correct else "✘ To do"
    if item.correct:
        return "✔ Right"
    if item.given == "(no answer)":
        return "✘ No answer"
    if item.missed:
        return "✘ Missed"
    return "✘ Not one of the answers" if item.is_pick else "✘ Not right"


# --------------------------------------------------------------------------------------------
# Where an item sits: the paragraph a hint points to


@lru_cache(maxsize=8)
def _paragraph_starts(text: str) -> tuple[tuple[int, str], ...]:
    paragraphs = Article.from_text(text).paragraphs
    return tuple(zip(paragraphs["start"].tolist(), paragraphs["paragraph_id"].tolist()))


def paragraph_at(text: str | None, offset: int) -> str | None:
    """The id of the paragraph of ``text`` (an article's text) that holds ``offset``, if any.

    >>> paragraph_at("Headline\\n\\nFirst paragraph.\\n\\nSecond one.", 30)
    'p2'
    """
    if not text:
        return None
    found = None
    for start, paragraph_id in _paragraph_starts(text):
        if start > offset:
            break
        found = paragraph_id
    return found


def _where(spec: dict, start: int, text: str | None) -> str:
    """' in p6' for a hint: the paragraph from the text, else the scope's only paragraph."""
    paragraph = paragraph_at(text, start)
    if paragraph is None:
        scope = spec.get("scope", {}).get("paragraph_ids", [])
        paragraph = scope[0] if len(scope) == 1 else None
    return f" in {paragraph}" if paragraph else ""


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


# --------------------------------------------------------------------------------------------
# Pure check functions, one per exercise type


def check(spec: dict, answer, text: str | None = None) -> Feedback:
    """Check ``answer`` against one exercise ``spec`` from the key. Pure: no widgets, no I/O.

    ``text`` (the article's text) lets a spans exercise name what was picked by its words and
    point its hints to a paragraph.
    """
    checker = CHECKERS.get(spec["type"])
    if checker is None:
        raise ValueError(f"Exercise type {spec['type']!r} has no check function.")
    if spec["type"] == "spans":
        return checker(spec, answer, text)
    return checker(spec, answer)


def check_choice(spec: dict, answer) -> Feedback:
    """Choice: one option id, or a list of ids when ``multiple``. Wrong picks cancel right ones."""
    chosen = set(answer if isinstance(answer, list | tuple | set) else [answer]) - {None}
    if not chosen:
        return Feedback(None, (), "Choose an answer first, then press Check answer.")
    options = spec["options"]
    multiple = bool(spec.get("multiple"))
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
                    hint=option.get("hint", ""),
                )
            )
    items.sort(key=lambda i: i.missed)  # what was chosen first, the answers not chosen after
    hits = len(chosen & correct_ids)
    misses = len(chosen - correct_ids)
    missed = [i for i in items if i.missed]
    if multiple:
        score = max(0.0, (hits - misses) / len(correct_ids))
        detail = f"{hits} of {len(correct_ids)} right answers ticked"
        if misses:
            detail += (
                f"; {misses} wrong tick{'s' if misses > 1 else ''} "
                f"{'cancels one' if misses == 1 else 'cancel ' + count_words(misses)} of them"
            )
        generic = [i for i in missed if not i.hint]
        hints = [_capital(i.hint) for i in missed if i.hint]
        if generic:
            still = count_words(len(generic))
            hints.append(
                f"{_capital(still)} right answer{' is' if len(generic) == 1 else 's are'} still "
                "unticked: read each statement against the article again."
            )
    else:
        score = 1.0 if chosen <= correct_ids else 0.0
        detail = f"{int(score)} of 1 answer right"
        hints = [
            _capital(i.hint)
            if i.hint
            else "Another option fits better: test each against the question."
            for i in missed
        ][:1]
    return Feedback(score, tuple(items), score_sentence(score, detail), hints=tuple(hints),
                    kind="choice")  # fmt: skip


def check_match(spec: dict, answer: dict) -> Feedback:
    """Match: ``{item_id: choice}``; each item scores on its own (partial credit)."""
    answer = answer or {}
    items = []
    for item in spec["items"]:
        accepted = item["answer"] if isinstance(item["answer"], list) else [item["answer"]]
        given = answer.get(item["id"])
        hint = item.get("hint") or (
            f"Reread {item['sentence_id']} and the sentences around it, then compare the choices."
            if item.get("sentence_id")
            else "Read it again and weigh each choice: the explanation comes after your next try."
        )
        items.append(
            ItemFeedback(
                item=item["id"],
                label=item["label"],
                correct=given in accepted,
                given=given or "(no answer)",
                expected=" or ".join(accepted),
                explanation=item["explanation"],
                hint=hint,
            )
        )
    right = sum(i.correct for i in items)
    score = right / len(items)
    detail = f"{right} of {len(items)} answers right"
    return Feedback(score, tuple(items), score_sentence(score, detail), kind="match")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def check_spans(spec: dict, answer, text: str | None = None) -> Feedback:
    """Spans: the ``[start, end]`` of each selected word or sentence.

    A target counts as found when a selected unit overlaps it; each selected unit that overlaps
    no target costs half a target. The score is clamped to 0..1. ``text`` is the article's text:
    with it, picks are named by their words and hints point to a paragraph.
    """
    selected = [tuple(span) for span in (answer or [])]
    unit = spec.get("unit", "word")
    items = []
    found = 0
    generic: Counter = Counter()
    hints: list[str] = []
    for target in spec["targets"]:
        span = (target["start"], target["end"])
        hit = any(_overlaps(span, s) for s in selected)
        found += hit
        words = target.get("text") or (text[span[0] : span[1]] if text else None)
        items.append(
            ItemFeedback(
                item=f"{span[0]}-{span[1]}",
                label=words or f"a {unit} still to find",
                correct=hit,
                given="" if hit else "(not selected)",
                expected="selected",
                explanation=target["explanation"],
                hint=target.get("hint", ""),
            )
        )
        if not hit:
            if target.get("hint"):
                hints.append(_capital(target["hint"]))
            else:
                generic[(target.get("category", ""), _where(spec, span[0], text))] += 1
    for (category, where), count in generic.items():
        noun = plain_label(category, count) if category else (
            "sentence" if count == 1 else "sentences") if unit == "sentence" else (
            "word or phrase" if count == 1 else "words or phrases")  # fmt: skip
        hints.append(f"{_capital(count_words(count))} more {noun}{where}.")
    targets = spec["targets"]
    wrong = [s for s in selected if not any(_overlaps((t["start"], t["end"]), s) for t in targets)]
    for span in wrong:
        note = next(
            (d for d in spec.get("distractors", []) if _overlaps((d["start"], d["end"]), span)),
            None,
        )
        piece = text[span[0] : span[1]] if text else note.get("text") if note else None
        items.append(
            ItemFeedback(
                item=f"{span[0]}-{span[1]}",
                label=piece or f"a {unit} you picked",
                correct=False,
                given="selected",
                expected="not selected",
                explanation=note["explanation"]
                if note
                else "This is not one of the answers: read it again and ask whether it fits "
                "the question.",
                role="pick",
            )
        )
    score = min(1.0, max(0.0, (found - 0.5 * len(wrong)) / len(targets)))
    noun = "sentences" if unit == "sentence" else "answers"
    detail = f"{found} of {len(targets)} {noun} found"
    if wrong:
        detail += (
            f"; {len(wrong)} pick{' is' if len(wrong) == 1 else 's are'} not "
            f"{'one of the answers' if len(wrong) == 1 else 'among the answers'}, "
            "and each such pick takes away half a find"
        )
    return Feedback(score, tuple(items), score_sentence(score, detail), hints=tuple(hints),
                    kind="spans")  # fmt: skip


def check_order(spec: dict, answer: list[str]) -> Feedback:
    """Order: item ids, first to last. The score is the share of pairs in the right order.

    On a first try the items are listed in the student's order, each misplaced one with a hint
    saying whether it sits too early or too late; the positions come with the explanations.
    """
    by_id = {item["id"]: item for item in spec["items"]}
    answer = [a for a in (answer or []) if a in by_id]
    if sorted(answer) != sorted(by_id):
        return Feedback(None, (), "Give every item its own position, then press Check answer.")
    given_rank = {item_id: rank for rank, item_id in enumerate(answer, 1)}
    position = {item_id: item["position"] for item_id, item in by_id.items()}
    pairs = [(a, b) for a in by_id for b in by_id if position[a] < position[b]]
    in_order = sum(given_rank[a] < given_rank[b] for a, b in pairs)
    score = in_order / len(pairs)
    items = []
    for item_id in answer:
        item = by_id[item_id]
        # events put before this one that belong after it, and the other way round
        too_late = sum(given_rank[o] < given_rank[item_id] and position[o] > position[item_id]
                       for o in by_id)  # fmt: skip
        too_early = sum(given_rank[o] > given_rank[item_id] and position[o] < position[item_id]
                        for o in by_id)  # fmt: skip
        if too_late >= too_early:
            hint = (f"It sits too late: {count_words(too_late)} of the items you put before it "
                    f"belong{'s' if too_late == 1 else ''} after it.")  # fmt: skip
        else:
            hint = (f"It sits too early: {count_words(too_early)} of the items you put after it "
                    f"belong{'s' if too_early == 1 else ''} before it.")  # fmt: skip
        items.append(
            ItemFeedback(
                item=item_id,
                label=item["label"],
                correct=given_rank[item_id] == item["position"],
                given=f"position {given_rank[item_id]}",
                expected=f"position {item['position']}",
                explanation=item["explanation"],
                hint=item.get("hint") or hint,
            )
        )
    detail = (
        f"{in_order} of {len(pairs)} pairs of items in the right order: each pair counts, "
        "so one item out of place costs several pairs"
    )
    return Feedback(score, tuple(items), score_sentence(score, detail), kind="order")


def check_text(spec: dict, answer: str) -> Feedback:
    """Text: ungraded by default; once something is written, the key's explanation is shown."""
    if not (answer or "").strip():
        return Feedback(None, (), "Write your answer in the box first.")
    return Feedback(None, (), "Thank you: your answer is saved. Compare it with this:",
                    notes=(spec["explanation"],), kind="text")  # fmt: skip


CHECKERS: dict[str, Callable] = {
    "choice": check_choice,
    "match": check_match,
    "spans": check_spans,
    "order": check_order,
    "text": check_text,
}


def answer_key_html(spec: dict, text: str | None = None) -> str:
    """The expected answer of an exercise with its explanations, for instructor mode."""
    kind = spec["type"]
    if kind == "choice":
        lines = [(o["label"], "correct" if o["correct"] else "wrong", o["explanation"])
                 for o in spec["options"]]  # fmt: skip
    elif kind == "match":
        lines = [(i["label"], " or ".join(i["answer"] if isinstance(i["answer"], list)
                  else [i["answer"]]), i["explanation"]) for i in spec["items"]]  # fmt: skip
    elif kind == "spans":
        lines = [(t.get("text") or (text[t["start"] : t["end"]] if text else "a passage"),
                  "select", t["explanation"]) for t in spec["targets"]]  # fmt: skip
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


def own_markers(text: str) -> pd.DataFrame:
    """The framing markers of ``text`` in the writer's own words (quoted words left out).

    >>> own_markers("Yet, the next day, Putin ordered airstrikes.")["text"].tolist()
    ['Yet']
    """
    from kit import framing

    found = framing.markers(Article.from_text(text, headline=""))
    return found[~found["note"].str.endswith(framing.QUOTED_NOTE)].reset_index(drop=True)


def _quoted_count(text: str) -> int:
    from kit import framing

    found = framing.markers(Article.from_text(text, headline=""))
    return int(found["note"].str.endswith(framing.QUOTED_NOTE).sum())


def framing_meter(original: str | None = None) -> Callable[[str], str]:
    """A live-feedback function for a rewriting exercise: ``meter(text) -> HTML``.

    It counts the framing markers in the writer's own words of ``text`` (quoted words are
    listed apart: they are the speaker's), names each with a plain label ("a loaded verb of
    saying"), and compares with ``original``.
    """
    before = len(own_markers(original)) if original and original.strip() else None

    def meter(text: str) -> str:
        if not text.strip():
            start = f" The original sentence has <b>{before}</b>." if before is not None else ""
            return (
                f'<div class="nk-meter">Start typing: markers are counted as you go.{start}</div>'
            )
        own = own_markers(text)
        quoted = _quoted_count(text)
        items = "".join(
            f"<li><b>{html.escape(row.text)}</b>: "
            f"{html.escape(plain_label(row.category, article=True))}</li>"
            for row in own.itertuples()
        )
        line = f"Framing markers in your own words: <b>{len(own)}</b>"
        if before is not None:
            line += f" (the original has {before})"
        extra = (
            f"<br>Inside quotation marks (the speaker's words, not counted): {quoted}"
            if quoted
            else ""
        )
        listing = f"<ul>{items}</ul>" if items else " ✔ none left."
        return f'<div class="nk-meter" aria-live="polite">{line}.{listing}{extra}</div>'

    return meter


# Small words that carry no fact of their own: left out when comparing content.
FUNCTION_WORDS = frozenset(
    "a an the and or but of to in on at for by with from as that this these those it its he she "
    "they them his her their we us our you your i me my is are was were be been being has have "
    "had do does did will would can could should may might must not no so than then there here "
    "who whom which what when where why how all any some such about into over after before also "
    "said says say".split()
)
QUOTATION = re.compile(r"[“\"]([^”\"]+)[”\"]")
WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")
# A rewrite with fewer words than this share of the original's has dropped content.
LENGTH_SHARE = 0.5


def _content_words(text: str) -> list[str]:
    words = [w.lower().replace("’", "'") for w in WORD.findall(text)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    return [w for w in words if w not in FUNCTION_WORDS and len(w) > 1]


def _names_and_numbers(text: str) -> list[str]:
    """Names (capitalised words that do not open a sentence; "Sergei Lavrov" is one name) and
    numbers, outside quotation marks.

    >>> _names_and_numbers("In 2015, Sergei Lavrov met Kerry in Moscow.")
    ['2015', 'Sergei Lavrov', 'Kerry', 'Moscow']
    """
    outside = QUOTATION.sub(" ", text)
    found: list[str] = []
    previous_end = None
    for match in WORD.finditer(outside):
        word = re.sub(r"[’']s$", "", match.group())
        before = outside[: match.start()].rstrip()
        opens_sentence = not before or before[-1] in ".!?"
        if word[0].isdigit():
            found.append(word)
            previous_end = None
        elif word[0].isupper() and not opens_sentence:
            if previous_end is not None and outside[previous_end : match.start()] == " ":
                found[-1] += f" {word}"  # the next word of the same name
            else:
                found.append(word)
            previous_end = match.end()
        else:
            previous_end = None
    return list(dict.fromkeys(found))


# Small numbers may be written in words in a rewrite.
NUMBER_NAMES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()


def _names(text: str, name: str) -> bool:
    """Whether ``text`` names ``name``: a name by its last word, a small number also in words."""
    forms = [name.split()[-1]]
    if name.isdigit() and int(name) < len(NUMBER_NAMES):
        forms.append(NUMBER_NAMES[int(name)])
    return any(re.search(rf"\b{re.escape(f)}(?:[’']s)?\b", text, re.IGNORECASE) for f in forms)


def framing_rewrite_check(spec: dict) -> Callable[[str], Feedback]:
    """A check function for a rewriting exercise: ``check(text) -> Feedback``.

    It reads the rewrite against ``spec["original"]`` and explains each point:

    - **facts kept**: each group of ``spec["keep"]`` must be named by one of its words; so must
      each name and number of the original that no group covers; and each quotation of the
      original must keep at least half of its content words (quoting or reporting it faithfully);
    - **markers gone**: the writer's markers of the original that are left, and new ones;
    - **length**: a rewrite with fewer than half the original's words has dropped content.

    Half the score is for the facts, half for the markers gone; a rewrite that fails the length
    check has its score scaled down in proportion, and the model answer (the key's
    ``explanation``) appears only once a rewrite passes it.
    """
    original = spec.get("original", "")
    keep = [list(group) for group in spec.get("keep", [])]
    before_markers = (
        own_markers(original)
        if original.strip()
        else pd.DataFrame(columns=["start", "end", "text", "category", "note", "sentence_id"])
    )
    before = max(1, len(before_markers))
    covered = {w.lower() for group in keep for w in group}
    marker_words = {w for t in before_markers["text"] for w in _content_words(t)}
    names = [n for n in _names_and_numbers(original)
             if not {w.lower() for w in n.split()} & (covered | marker_words)]  # fmt: skip
    quotations = [q.strip() for q in QUOTATION.findall(original)]
    original_words = len(WORD.findall(original))

    def check(text: str) -> Feedback:
        if not text.strip():
            return Feedback(None, (), "Write your version in the box first.")
        items = facts_kept(text, keep, names, quotations)
        facts = sum(i.correct for i in items) / len(items) if items else 1.0
        own = own_markers(text)
        items += markers_gone(before_markers, own)
        new = sum(i.item.startswith("new-") for i in items)
        cleaner = 1 - min(len(own), before) / before
        point, factor, needed = length_point(text, original_words)
        items.append(point)
        score = round((0.5 * facts + 0.5 * cleaner) * factor, 2)
        kept = sum(i.correct for i in items if i.label.startswith(("Fact", "Name", "Quoted")))
        total = sum(i.label.startswith(("Fact", "Name", "Quoted")) for i in items)
        gone = sum(i.correct for i in items if i.item.startswith("marker-"))
        detail = (
            f"{kept} of {total} fact{'' if total == 1 else 's'} kept (half the score) and "
            f"{gone} of {len(before_markers)} "
            f"markers of the original gone{f', {new} new' if new else ''} (the other half)"
        )
        if point.correct:
            notes = (spec["explanation"],)
        else:
            detail += f"; too short, so the score is multiplied by {factor:.2f}"
            notes = ("The model answer appears once your version keeps the content: write at "
                     f"least {round(needed)} words.",)  # fmt: skip
        return Feedback(score, tuple(items), score_sentence(score, detail), notes=notes,
                        kind="text")  # fmt: skip

    return check


def facts_kept(text: str, keep: list, names: list[str], quotations: list[str]) -> list:
    """The rewrite check's fact points: each ``keep`` group, name or number and quotation of
    the original, kept or missing in ``text``."""
    items = []
    for group in keep:
        named = any(_names(text, w) for w in group)
        either = " or ".join(f"“{w}”" for w in group)
        items.append(ItemFeedback(
            item=group[0], label=f"Fact kept: {' / '.join(group)}", correct=named,
            given="", expected="named", role="point",
            explanation="Kept: a neutral version still tells this fact." if named else
            f"Missing: a neutral version must still say {either}.",
        ))  # fmt: skip
    for name in names:
        named = _names(text, name)
        items.append(ItemFeedback(
            item=name, label=f"Name or number kept: {name}", correct=named, given="",
            expected="named", role="point",
            explanation="Kept." if named else
            f"Missing: the original names “{name}”; a neutral version keeps its names and "
            "numbers.",
        ))  # fmt: skip
    words = set(_content_words(text))
    for quotation in quotations:
        wanted = set(_content_words(quotation))
        share = len(wanted & words) / len(wanted) if wanted else 1.0
        short = quotation if len(quotation) <= 60 else quotation[:57].rsplit(" ", 1)[0] + " …"
        kept = share >= 0.5
        items.append(ItemFeedback(
            item=quotation, label=f"Quoted words kept: “{short}”", correct=kept, given="",
            expected="kept", role="point",
            explanation="Kept: what was said is a fact too, and quotation marks keep it the "
            "speaker's." if kept else "Missing: what was said is a fact too. Keep the "
            "quotation in its marks, or report its words faithfully.",
        ))  # fmt: skip
    return items


def markers_gone(before_markers: pd.DataFrame, own: pd.DataFrame) -> list:
    """The rewrite check's marker points: each marker of the original gone or left, and each
    new marker the rewrite brings (items ``marker-START`` and ``new-START``)."""
    items = []
    left = {t.lower() for t in own["text"]}
    for row in before_markers.itertuples():
        gone = row.text.lower() not in left
        items.append(ItemFeedback(
            item=f"marker-{row.start}", label=f"Marker gone: “{row.text}” "
            f"({plain_label(row.category, article=True)})", correct=gone, given="",
            expected="gone", role="point",
            explanation="Gone: your version no longer says it." if gone else
            f"Still there. {row.note}",
        ))  # fmt: skip
    old = {t.lower() for t in before_markers["text"]}
    for row in own.itertuples():
        if row.text.lower() not in old:
            items.append(ItemFeedback(
                item=f"new-{row.start}", label=f"New marker: “{row.text}” "
                f"({plain_label(row.category, article=True)})", correct=False, given="",
                expected="gone", role="point", explanation=f"Your own word, not the original's. "
                f"{row.note}",
            ))  # fmt: skip
    return items


def length_point(text: str, original_words: int) -> tuple:
    """The rewrite check's length point, the factor its score is scaled by, and the words needed."""
    length = len(WORD.findall(text))
    needed = LENGTH_SHARE * original_words
    long_enough = length >= needed
    point = ItemFeedback(
        item="length",
        label=f"Length: {length} words (the original has {original_words})",
        correct=long_enough,
        given="",
        expected="long enough",
        role="point",
        explanation="Long enough to keep the content: a neutral version may be a little "
        "shorter, never a summary."
        if long_enough
        else "Too short: a version with fewer "
        f"than half the original's words ({round(needed)}) has dropped content, so the score "
        "is scaled down in proportion.",
    )
    return point, (1.0 if long_enough else length / needed), needed
