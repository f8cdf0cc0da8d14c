"""Reviewing a drafted answer key: small pure edits, and a widget that makes them with a click.

An instructor drafts a key with :func:`kit.keys.draft_key`, then goes through it exercise by
exercise: accept what the kit got right, change an answer, edit an explanation, delete an item
or add one, fill in the exercises that need human judgement, and save the key beside the article.
Each edit is a plain function on the key (a ``dict``), so it can be tested and scripted:

    key = kit.keys.draft_key(art)
    set_answer(key, "attribution.who_said_it", "q3", "Sergei Lavrov")
    accept(key, "attribution.kind_of_attribution")
    kit.keys.save_key(finish(key), art)

:func:`review` puts the same edits behind widgets (``notebooks/instructor/make_a_key.ipynb``).
Items are named by their ``id`` (match, order and choice items) or, for the targets of a spans
exercise, by ``"START-END"``.
"""

from __future__ import annotations

import copy
import html
import re

from kit.article import Article

# Buttons as wide as their words, so no label is cut.
WIDE = {"width": "auto"}

STATUS_WORDS = {
    "kit": "the kit's reading, not reviewed",
    "reviewed": "reviewed",
    "placeholder": "needs your answer",
}


class ReviewError(ValueError):
    """An edit that does not fit the exercise (an unknown item, words not in the article)."""


# --------------------------------------------------------------------------------------------
# Pure edits


def exercise_spec(key: dict, exercise_id: str) -> dict:
    """The exercise ``exercise_id`` of ``key``; a ``ReviewError`` names the known ones if absent."""
    try:
        return key["exercises"][exercise_id]
    except KeyError:
        known = ", ".join(key.get("exercises", {})) or "none"
        raise ReviewError(f"No exercise {exercise_id!r} in this key. It has: {known}.") from None


def item_list(spec: dict) -> list[dict]:
    """The answerable items of an exercise: options, items or targets, by its type."""
    field = {"choice": "options", "spans": "targets"}.get(spec["type"], "items")
    return spec.setdefault(field, []) if spec["type"] != "text" else []


def item_id(spec: dict, item: dict) -> str:
    """An item's name: its ``id``, or ``START-END`` for a target of a spans exercise."""
    return item["id"] if "id" in item else f"{item['start']}-{item['end']}"


def find_item(spec: dict, wanted: str) -> dict:
    for item in item_list(spec):
        if item_id(spec, item) == wanted:
            return item
    raise ReviewError(f"No item {wanted!r} in exercise {spec.get('title', '')!r}.")


def _touched(spec: dict, item: dict | None = None) -> None:
    spec["status"] = "reviewed"
    if item is not None:
        item["source"] = "instructor"


def accept(key: dict, exercise_id: str) -> dict:
    """Mark an exercise as reviewed: its answers become the instructor's."""
    spec = exercise_spec(key, exercise_id)
    if spec.get("status") == "placeholder" and not item_list(spec):
        raise ReviewError(
            f"{spec['title']!r} has no answers yet: add them before accepting the exercise."
        )
    spec["status"] = "reviewed"
    return key


def set_answer(key: dict, exercise_id: str, wanted: str, answer) -> dict:
    """Change one item's answer: a choice for a match item, a position for an order item,
    ``True``/``False`` (correct or not) for an option of a choice exercise."""
    spec = exercise_spec(key, exercise_id)
    item = find_item(spec, wanted)
    kind = spec["type"]
    if kind == "match":
        if answer not in spec["choices"]:
            raise ReviewError(f"{answer!r} is not one of the choices: {spec['choices']}.")
        item["answer"] = answer
    elif kind == "order":
        item["position"] = int(answer)
    elif kind == "choice":
        item["correct"] = bool(answer)
    else:
        raise ReviewError(f"Items of a {kind} exercise have no answer to change: delete or add.")
    _touched(spec, item)
    return key


def set_explanation(key: dict, exercise_id: str, wanted: str | None, text: str) -> dict:
    """Change the explanation of one item (or, with ``wanted=None``, of a writing exercise)."""
    spec = exercise_spec(key, exercise_id)
    text = text.strip()
    if len(text) < 10:
        raise ReviewError("An explanation needs a full sentence (10 characters or more).")
    target = spec if wanted is None else find_item(spec, wanted)
    target["explanation"] = text
    _touched(spec, None if wanted is None else target)
    return key


def delete_item(key: dict, exercise_id: str, wanted: str) -> dict:
    """Remove one item from an exercise."""
    spec = exercise_spec(key, exercise_id)
    items = item_list(spec)
    items.remove(find_item(spec, wanted))
    if spec["type"] == "order":
        for position, item in enumerate(sorted(items, key=lambda i: i["position"]), 1):
            item["position"] = position
    _touched(spec)
    return key


def delete_exercise(key: dict, exercise_id: str) -> dict:
    """Remove a whole exercise: the notebook then says the article has none of that kind."""
    exercise_spec(key, exercise_id)
    del key["exercises"][exercise_id]
    return key


def _next_id(spec: dict, prefix: str) -> str:
    taken = {item_id(spec, item) for item in item_list(spec)}
    number = len(taken) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def locate(article: Article, words: str, spec: dict) -> tuple[int, int]:
    """Where ``words`` stand in the article, inside the exercise's scope when it has one.

    >>> art = Article.from_text("Talks\\n\\nThe envoy met Lind. Lind left.")
    >>> locate(art, "Lind left", {})
    (27, 36)
    """
    words = words.strip()
    if not words:
        raise ReviewError("Type the words of the article that the new item is about.")
    scope = spec.get("scope") or {}
    allowed = article.sentences
    if scope.get("paragraph_ids"):
        allowed = allowed[allowed["paragraph_id"].isin(scope["paragraph_ids"])]
    if scope.get("sentence_ids"):
        allowed = allowed[allowed["sentence_id"].isin(scope["sentence_ids"])]
    spans = list(zip(allowed["start"], allowed["end"]))
    for match in re.finditer(re.escape(words), article.text):
        if not spans or any(s <= match.start() and match.end() <= e for s, e in spans):
            return match.start(), match.end()
    where = " in the exercise's paragraphs" if spans and scope else ""
    raise ReviewError(f"{words!r} is not in the article{where}: copy the words exactly.")


def add_item(
    key: dict,
    exercise_id: str,
    article: Article,
    *,
    label: str,
    explanation: str,
    answer=None,
) -> dict:
    """Add an item: for a spans exercise ``label`` is the words to find; for a match exercise
    ``answer`` is one of its choices; for an order exercise the new item goes last; for a
    choice exercise ``answer`` says whether the new option is correct."""
    spec = exercise_spec(key, exercise_id)
    kind = spec["type"]
    explanation = explanation.strip()
    if len(explanation) < 10:
        raise ReviewError("An explanation needs a full sentence (10 characters or more).")
    if kind == "spans":
        start, end = locate(article, label, spec)
        item = {"start": start, "end": end, "text": article.text[start:end]}
    elif kind == "match":
        if answer not in spec.get("choices", []):
            raise ReviewError(f"Choose the answer among {spec.get('choices', [])}.")
        item = {"id": _next_id(spec, "i"), "label": label.strip(), "answer": answer}
    elif kind == "order":
        item = {
            "id": _next_id(spec, "e"),
            "label": label.strip(),
            "position": len(item_list(spec)) + 1,
        }
    elif kind == "choice":
        item = {"id": _next_id(spec, "o"), "label": label.strip(), "correct": bool(answer)}
    else:
        raise ReviewError("A writing exercise has no items: edit its explanation instead.")
    if "label" in item and not item["label"]:
        raise ReviewError("Give the new item a label: what the student reads.")
    item["explanation"] = explanation
    item_list(spec).append(item)
    _touched(spec, item)
    return key


def finish(key: dict) -> dict:
    """The key as the instructor's: no longer a draft (placeholders stay placeholders)."""
    done = copy.deepcopy(key)
    done["draft"] = False
    return done


def summary(key: dict) -> dict[str, int]:
    """How many exercises are the kit's reading, reviewed, or waiting for an answer."""
    counts = {status: 0 for status in STATUS_WORDS}
    for spec in key.get("exercises", {}).values():
        counts[spec.get("status", "reviewed")] = counts.get(spec.get("status", "reviewed"), 0) + 1
    return counts


# --------------------------------------------------------------------------------------------
# The review widget


def _item_text(spec: dict, item: dict) -> str:
    if spec["type"] == "spans":
        return f"“{item.get('text', item_id(spec, item))}”"
    if spec["type"] == "choice":
        return f"{item['label']} ({'correct' if item['correct'] else 'wrong'})"
    if spec["type"] == "order":
        return f"{item['position']}. {item['label']}"
    answer = item["answer"] if isinstance(item["answer"], str) else " or ".join(item["answer"])
    return f"{item['label']} → {answer}"


class KeyReview:
    """The widgets of the review: pick an exercise, edit it, preview it, save the key."""

    def __init__(self, article: Article, key: dict) -> None:
        import ipywidgets as widgets

        self.article, self.key = article, copy.deepcopy(key)
        self.w = widgets
        self.message = widgets.HTML("")
        self.message.add_class("newskit-review-message")
        self.picker = widgets.Dropdown(
            description="Exercise to review:",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%"),
        )
        self.picker.add_class("newskit-review-picker")
        self.panel = widgets.VBox()
        self.preview = widgets.VBox()
        self.save_button = widgets.Button(
            layout=WIDE,
            description="Save the key",
            button_style="primary",
            tooltip="Check the key and save it beside the article",
        )
        self.save_button.add_class("newskit-review-save")
        self.save_button.on_click(lambda _b: self.save())
        self.status = widgets.HTML("")
        self._fill_picker()
        self.picker.observe(lambda _c: self.show(), "value")
        self.widget = widgets.VBox(
            [
                self.status,
                self.picker,
                self.panel,
                self.preview,
                widgets.HBox([self.save_button]),
                self.message,
            ],
            layout=widgets.Layout(border="1px solid #ccc", padding="0.5em"),
        )
        self.widget.add_class("newskit-review")
        self.show()

    # -- the parts --------------------------------------------------------------------------

    def _fill_picker(self) -> None:
        current = self.picker.value
        self.picker.options = [
            (
                f"{spec['title']} ({STATUS_WORDS.get(spec.get('status', 'reviewed'), 'reviewed')})",
                exercise_id,
            )
            for exercise_id, spec in self.key["exercises"].items()
        ]
        ids = [value for _label, value in self.picker.options]
        self.picker.value = current if current in ids else (ids[0] if ids else None)
        counts = summary(self.key)
        self.status.value = (
            f"<p><b>{html.escape(self.article.headline or self.article.name or 'Article')}</b>: "
            f"{len(ids)} exercises; {counts['kit']} still the kit's reading, "
            f"{counts['reviewed']} reviewed, {counts['placeholder']} waiting for your answer.</p>"
        )

    def _say(self, text: str, *, problem: bool = False) -> None:
        mark = "⚠ " if problem else "✓ "
        self.message.value = f'<p role="status">{mark}{html.escape(text)}</p>'

    def _edit(self, change, done: str) -> None:
        try:
            change()
        except (ReviewError, ValueError, TypeError) as error:
            self._say(str(error), problem=True)
            return
        self._fill_picker()
        self.show()
        self._say(done)

    def _explanation_editor(self, exercise_id: str, name, text: str, label: str, button: str):
        """A box for an explanation (of item ``name``, or of the exercise) and its save button."""
        w = self.w
        box = w.Textarea(value=text, description=label, layout=w.Layout(width="100%", height="4em"))
        save = w.Button(description=button, layout=WIDE)
        save.on_click(
            lambda _b: self._edit(
                lambda: set_explanation(self.key, exercise_id, name, box.value),
                f"{button.removeprefix('Save ').capitalize()} saved.",
            )
        )
        return box, save

    def _item_row(self, exercise_id: str, spec: dict, item: dict):
        w = self.w
        name = item_id(spec, item)
        text = w.HTML(
            f"<b>{html.escape(_item_text(spec, item))}</b>", layout=w.Layout(width="100%")
        )
        controls = []
        if spec["type"] == "match":
            answer = w.Dropdown(
                options=spec["choices"],
                description="Answer:",
                value=item["answer"] if item["answer"] in spec["choices"] else None,
            )
            answer.observe(
                lambda c: self._edit(
                    lambda: set_answer(self.key, exercise_id, name, c["new"]),
                    f"Answer changed to {c['new']}.",
                ),
                "value",
            )
            controls.append(answer)
        elif spec["type"] == "choice":
            correct = w.Checkbox(value=bool(item["correct"]), description="correct answer")
            correct.observe(
                lambda c: self._edit(
                    lambda: set_answer(self.key, exercise_id, name, c["new"]),
                    "Option marked " + ("correct." if c["new"] else "wrong."),
                ),
                "value",
            )
            controls.append(correct)
        elif spec["type"] == "order":
            position = w.BoundedIntText(
                value=item["position"], min=1, max=99, description="Position:"
            )
            position.observe(
                lambda c: self._edit(
                    lambda: set_answer(self.key, exercise_id, name, c["new"]),
                    f"Position changed to {c['new']}.",
                ),
                "value",
            )
            controls.append(position)
        explanation, save_why = self._explanation_editor(
            exercise_id, name, item.get("explanation", ""), "Why:", "Save explanation"
        )
        delete = w.Button(description="Delete item", layout=WIDE)
        delete.on_click(
            lambda _b: self._edit(lambda: delete_item(self.key, exercise_id, name), "Item deleted.")
        )
        row = w.VBox(
            [text, w.HBox(controls + [save_why, delete]), explanation],
            layout=w.Layout(border_bottom="1px solid #ddd", padding="0.3em 0"),
        )
        row.add_class("newskit-review-item")
        return row

    def _add_row(self, exercise_id: str, spec: dict):
        w = self.w
        if spec["type"] == "text":
            return w.HTML("")
        words = "Words of the article" if spec["type"] == "spans" else "Label"
        label = w.Text(
            description=f"{words}:",
            style={"description_width": "initial"},
            layout=w.Layout(width="100%"),
        )
        explanation = w.Textarea(description="Why:", layout=w.Layout(width="100%", height="3em"))
        extra = []
        answer = None
        if spec["type"] == "match":
            answer = w.Dropdown(options=spec.get("choices", []), description="Answer:")
            extra = [answer]
        elif spec["type"] == "choice":
            answer = w.Checkbox(value=False, description="correct answer")
            extra = [answer]
        add = w.Button(description="Add item", layout=WIDE)
        add.add_class("newskit-review-add")
        add.on_click(
            lambda _b: self._edit(
                lambda: add_item(
                    self.key,
                    exercise_id,
                    self.article,
                    label=label.value,
                    explanation=explanation.value,
                    answer=answer.value if answer is not None else None,
                ),
                "Item added.",
            )
        )
        box = w.VBox([w.HTML("<b>Add an item</b>"), label, *extra, explanation, add])
        box.add_class("newskit-review-new")
        return box

    def show(self) -> None:
        """Show the exercise chosen in the picker, with a control for every edit."""
        w = self.w
        exercise_id = self.picker.value
        self.preview.children = ()
        if exercise_id is None:
            self.panel.children = (w.HTML("<p>The key has no exercises left.</p>"),)
            return
        spec = self.key["exercises"][exercise_id]
        status = STATUS_WORDS.get(spec.get("status", "reviewed"), "reviewed")
        head = w.HTML(
            f"<p><b>{html.escape(spec['title'])}</b> ({html.escape(status)}; notebook "
            f"{html.escape(spec.get('notebook', ''))})<br>{html.escape(spec['prompt'])}</p>"
        )
        rows = [self._item_row(exercise_id, spec, item) for item in item_list(spec)]
        if spec["type"] == "text":
            why, keep = self._explanation_editor(
                exercise_id, None, spec.get("explanation", ""), "Model answer:", "Save model answer"
            )
            rows.append(w.VBox([why, keep]))
        accept_button = w.Button(description="Accept this exercise", layout=WIDE)
        accept_button.add_class("newskit-review-accept")
        accept_button.on_click(
            lambda _b: self._edit(
                lambda: accept(self.key, exercise_id), f"Accepted: {spec['title']}."
            )
        )
        preview = w.Button(description="Preview as a student", layout=WIDE)
        preview.add_class("newskit-review-preview")
        preview.on_click(lambda _b: self.show_preview(exercise_id))
        drop = w.Button(description="Delete exercise", layout=WIDE)
        drop.on_click(
            lambda _b: self._edit(
                lambda: delete_exercise(self.key, exercise_id), "Exercise deleted."
            )
        )
        self.panel.children = (
            head,
            *rows,
            self._add_row(exercise_id, spec),
            w.HBox([accept_button, preview, drop]),
        )

    def show_preview(self, exercise_id: str) -> None:
        """Show the exercise exactly as a student will see it, from the key as edited so far."""
        from kit import exercises

        self.preview.children = (
            self.w.HTML("<p><b>Preview</b> (what a student sees):</p>"),
            exercises.exercise(self.article, self.key, exercise_id),
        )

    def save(self):
        """Check the key and save it beside the article; the message says where, or what failed."""
        from kit import keys

        try:
            path = keys.save_key(finish(self.key), self.article, overwrite=True)
        except (ValueError, OSError) as error:
            self._say(f"Not saved: {error}", problem=True)
            return None
        self._say(f"Saved {path}. The notebooks now use this key for this article.")
        return path


def review(article: Article, key: dict):
    """A widget to review ``key`` for ``article`` exercise by exercise and save it.

    The widget edits its own copy of the key; ``.key`` on the returned object holds the edits.
    """
    reviewer = KeyReview(article, key)
    reviewer.widget.reviewer = reviewer
    return reviewer.widget
