"""A gallery of every kind of exercise widget, on the seed article, for the browser tests.

The notebooks show only some kinds of widget, so the tests write a small notebook with one
exercise of each kind (and its own answer key) into the server's copy of notebooks/.
"""

from __future__ import annotations

from functools import cache

import nbformat

import kit

GALLERY = "widget_gallery.ipynb"
GALLERY_KEY = "widget_gallery_key.json"


@cache
def seed() -> kit.Article:
    return kit.load_article("kerry-lavrov-moscow")


def span_of(text: str, after: str = "") -> dict:
    """Offsets of ``text`` in the seed article (first match after ``after``), for the key."""
    body = seed().text
    start = body.index(text, body.index(after) if after else 0)
    return {"start": start, "end": start + len(text), "text": text}


def sentence_of(sentence_id: str) -> dict:
    row = seed().sentences.set_index("sentence_id").loc[sentence_id]
    return {"start": int(row["start"]), "end": int(row["end"]), "text": row["text"]}


@cache
def gallery_key(prefix: str = "gallery") -> dict:
    """One exercise of each kind, on the seed article, in the answer key's own format.

    ``prefix`` starts every exercise id and names the notebook (``widget_<prefix>``), so two
    test modules can each run a gallery without sharing saved answers."""
    lede = "Secretary of State"
    common = {"notebook": f"widget_{prefix}", "difficulty": "easy"}
    exercises = {
        "gallery.choice_single": {
            **common,
            "type": "choice",
            "title": "Gallery: one choice",
            "prompt": "Where did Kerry land?",
            "options": [
                {
                    "id": "moscow",
                    "label": "In Moscow",
                    "correct": True,
                    "explanation": "p1 says he “landed in Moscow”.",
                },
                {
                    "id": "sochi",
                    "label": "In Sochi",
                    "correct": False,
                    "explanation": "Sochi is not named anywhere in this article.",
                },
            ],
        },
        "gallery.choice_multiple": {
            **common,
            "type": "choice",
            "multiple": True,
            "title": "Gallery: several choices",
            "prompt": "Whom did Kerry come to meet? Tick everyone.",
            "options": [
                {
                    "id": "lavrov",
                    "label": "Sergei Lavrov",
                    "correct": True,
                    "explanation": "p1 names Foreign Minister Sergei Lavrov.",
                },
                {
                    "id": "putin",
                    "label": "Vladimir Putin",
                    "correct": True,
                    "explanation": "p1 names President Vladimir Putin.",
                },
                {
                    "id": "obama",
                    "label": "Barack Obama",
                    "correct": False,
                    "explanation": "Obama appears only in p6, in an earlier talk with Putin.",
                },
            ],
        },
        "gallery.match": {
            **common,
            "type": "match",
            "title": "Gallery: drop-downs",
            "prompt": "Which country does each person speak for?",
            "choices": ["United States", "Russia"],
            "items": [
                {
                    "id": "kerry",
                    "label": "John Kerry",
                    "answer": "United States",
                    "explanation": "Kerry is the U.S. Secretary of State.",
                },
                {
                    "id": "lavrov",
                    "label": "Sergei Lavrov",
                    "answer": ["Russia"],
                    "explanation": "Lavrov is Russia's Foreign Minister.",
                },
            ],
        },
        "gallery.spans_word": {
            **common,
            "type": "spans",
            "unit": "word",
            "title": "Gallery: word toggles",
            "prompt": "Select the names of the two people Kerry came to meet.",
            "scope": {"sentence_ids": ["p1.s1"]},
            "targets": [
                {**span_of("Sergei Lavrov", lede), "explanation": "Lavrov is one of his hosts."},
                {**span_of("Vladimir Putin", lede), "explanation": "Putin is the other host."},
            ],
            "distractors": [
                {
                    **span_of("John Kerry", lede),
                    "explanation": "Kerry is the visitor, not one of the people he meets.",
                },
            ],
        },
        "gallery.spans_sentence": {
            **common,
            "type": "spans",
            "unit": "sentence",
            "title": "Gallery: sentence check boxes",
            "prompt": "Tick the sentence that gives a date.",
            "scope": {"paragraph_ids": ["p6"]},
            "targets": [
                {**sentence_of("p6.s3"), "explanation": "“On September 29” is the only date here."},
            ],
        },
        "gallery.order": {
            **common,
            "type": "order",
            "title": "Gallery: put in order",
            "prompt": "Put these events in the order they happened.",
            "items": [
                {
                    "id": "visit",
                    "label": "Kerry lands in Moscow",
                    "position": 3,
                    "explanation": "The visit is the news: the latest of the three.",
                },
                {
                    "id": "crimea",
                    "label": "Russia annexes Crimea",
                    "position": 1,
                    "explanation": "p5 dates the annexation to 2014.",
                },
                {
                    "id": "call",
                    "label": "Obama and Putin discuss Syria",
                    "position": 2,
                    "explanation": "p6: on September 29, before this visit.",
                },
            ],
        },
        "gallery.text": {
            **common,
            "type": "text",
            "title": "Gallery: writing",
            "prompt": "In one sentence: what does the headline promise?",
            "placeholder": "Write one sentence",
            "explanation": "It promises progress, in Kerry's own words; the body reports none.",
        },
        "gallery.text_live": {
            **common,
            "type": "text",
            "title": "Gallery: writing with live feedback",
            "prompt": "Write the lede again in your own words.",
            "placeholder": "Write here",
            "explanation": "A lede says who did what, where and when.",
        },
        "gallery.instructor": {
            **common,
            "type": "choice",
            "title": "Gallery: instructor mode",
            "prompt": "Is the meeting in this article the first of the year?",
            "options": [
                {
                    "id": "no",
                    "label": "No, the twentieth",
                    "correct": True,
                    "explanation": "p2: “the twentieth this year”.",
                },
                {
                    "id": "yes",
                    "label": "Yes",
                    "correct": False,
                    "explanation": "p2 counts nineteen earlier meetings.",
                },
            ],
        },
    }
    exercises = {f"{prefix}.{name.split('.', 1)[1]}": spec for name, spec in exercises.items()}
    return {"article": "kerry-lavrov-moscow", "version": 1, "exercises": exercises}


def gallery_notebook(prefix: str = "gallery", key_file: str = GALLERY_KEY) -> nbformat.NotebookNode:
    cells = [
        nbformat.v4.new_markdown_cell("# Widget gallery (written by the browser test)"),
        nbformat.v4.new_code_cell(
            "import json\n\nimport kit\n\n"
            'art = kit.load_article("kerry-lavrov-moscow")\n'
            f'KEY = json.load(open("{key_file}", encoding="utf-8"))'
        ),
    ]
    for exercise_id in gallery_key(prefix)["exercises"]:
        if exercise_id in (f"{prefix}.text_live", f"{prefix}.instructor"):
            continue
        cells.append(
            nbformat.v4.new_code_cell(f'kit.exercises.exercise(art, KEY, "{exercise_id}")')
        )
    cells.append(
        nbformat.v4.new_code_cell(
            "def word_count(text):\n"
            "    n = len(text.split())\n"
            "    plural = '' if n == 1 else 's'\n"
            "    return f'<b>{n} word{plural} so far</b>'\n\n"
            f'kit.exercises.free_text(art, KEY, "{prefix}.text_live", live=word_count)'
        )
    )
    cells.append(
        nbformat.v4.new_code_cell(
            "kit.instructor_mode(True)\n"
            f'shown = kit.exercises.exercise(art, KEY, "{prefix}.instructor")\n'
            "kit.instructor_mode(False)\n"
            "shown"
        )
    )
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    return notebook
