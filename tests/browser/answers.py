"""Does any output above an exercise give its answer away? A check on what a student can read.

An answer is given away when an output above the exercise pairs one of its items with the
answer: a table row holding a quotation of a "who said it?" or "direct, partial or indirect?"
item together with its speaker or kind, or a highlighted word (``<mark>``) that is one of the
words a word-selection exercise asks for. Quotations and words on their own are not answers:
the article itself shows them all.
"""

from __future__ import annotations

import html
import re

ROW = re.compile(r"<tr\b.*?</tr>", re.S | re.I)
CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", re.S | re.I)
MARK = re.compile(r"<mark\b[^>]*>(.*?)</mark>", re.S | re.I)
PARAGRAPH = re.compile(r'<p id="(p\d+)">(.*?)</p>', re.S | re.I)
TAG = re.compile(r"<[^>]+>")


def plain(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


def exercise_cells(sources: list[str], key: dict) -> dict[str, int]:
    """The index of the cell that shows each exercise of ``key`` (first call wins)."""
    found: dict[str, int] = {}
    for index, source in enumerate(sources):
        if "exercise(" not in source and "free_text(" not in source:
            continue
        for exercise_id in re.findall(r"\"([a-z_]+\.[a-z0-9_]+)\"", source):
            if exercise_id in key["exercises"]:
                found.setdefault(exercise_id, index)
    return found


def paragraph_of(article, offset: int) -> str | None:
    rows = article.paragraphs
    inside = rows[(rows["start"] <= offset) & (offset < rows["end"])]
    return inside["paragraph_id"].iloc[0] if len(inside) else None


def evidence(spec: dict, article) -> list[tuple[str, str, list[str]]]:
    """``(kind, snippet, answers)`` for each item whose pairing with its answer is a giveaway:
    for a highlighted word, ``answers`` holds the paragraph it must stand in."""
    text = article.text
    found = []
    if spec["type"] == "match":
        for item in spec["items"]:
            if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
                quoted = " ".join(text[item["start"] : item["end"]].strip("“”\"' ").split())[:30]
                answers = item["answer"] if isinstance(item["answer"], list) else [item["answer"]]
                if len(quoted) >= 12:
                    found.append(("row", quoted, answers))
    if spec["type"] == "spans" and spec.get("unit") == "word":
        for target in spec["targets"]:
            where = paragraph_of(article, target["start"])
            found.append(("mark", text[target["start"] : target["end"]], [where]))
    return found


def giveaways(outputs: list[str], spec: dict, article) -> list[str]:
    """What in ``outputs`` (HTML of the outputs above an exercise) gives ``spec``'s answers.

    A highlighted word counts only in the paragraph where the exercise asks for it (the article
    display marks each paragraph with its id): the same word marked elsewhere is another use.
    """
    problems = []
    items = evidence(spec, article)
    for output in outputs:
        rows = [[plain(cell) for cell in CELL.findall(row)] for row in ROW.findall(output)]
        marks = [
            (pid, plain(mark))
            for pid, body in PARAGRAPH.findall(output)
            for mark in MARK.findall(body)
        ]
        for kind, snippet, answers in items:
            if kind == "row":
                for cells in rows:
                    joined = " ".join(cells)
                    if snippet in joined and any(answer in cells for answer in answers):
                        problems.append(f"a table row pairs “{snippet}…” with its answer")
            elif any(pid in answers and (mark == snippet or mark.startswith(snippet + " "))
                     for pid, mark in marks):  # fmt: skip
                problems.append(f"“{snippet}” is highlighted in {answers[0]}")
    return problems


def leaks(sources: list[str], outputs: list[list[str]], key: dict, article) -> list[str]:
    """Every giveaway above every exercise of ``key`` in one notebook's cells."""
    found = []
    for exercise_id, index in exercise_cells(sources, key).items():
        above = [html_ for cell in outputs[:index] for html_ in cell]
        for problem in giveaways(above, key["exercises"][exercise_id], article):
            found.append(f"{exercise_id}: {problem}")
    return found
