"""Exercises: widgets built from an answer key, checked by pure functions, with explained feedback.

    key = kit.keys.load_key(art)
    kit.exercises.exercise(art, key, "anatomy.lede")       # a widget: answer, press "Check answer"
    kit.exercises.check(key["exercises"]["anatomy.lede"], "p1")   # the same check, as a function

Five kinds of exercise, named by the key's ``type``:

- ``choice``: pick one option (radio buttons) or several (check boxes).
- ``match``: one drop-down per item (who said this quotation? which naming would Moscow use?).
- ``spans``: toggle the words (or sentences) of a passage that answer the question.
- ``order``: give each item its position (which happened first?); partial credit for pairs.
- ``text``: write an answer; a topic can plug in live feedback as the student types.

Every check writes one line to the student's progress file (:mod:`kit.progress`). Feedback goes
into an ``HTML`` widget, says what is right, what is not, and why, and never uses colour alone.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Callable

import ipywidgets as widgets

from kit import progress
from kit.article import Article
from kit.checks import (  # noqa: F401  (re-exported: kit.exercises.check etc. keep working)
    CHECKERS,
    MISSED,
    Feedback,
    ItemFeedback,
    answer_key_html,
    check,
    check_choice,
    check_match,
    check_order,
    check_spans,
    check_text,
    framing_meter,
    framing_rewrite_check,
)
from kit.keys import load_key

_instructor: bool | None = None


def instructor_mode(on: bool = True) -> None:
    """Turn instructor mode on (or off): exercises built afterwards get a "Show answer" button.

    Setting the environment variable ``NEWSKIT_INSTRUCTOR=1`` does the same for a whole session.
    """
    global _instructor
    _instructor = bool(on)


def is_instructor() -> bool:
    """Whether exercises show the "Show answer" button."""
    if _instructor is not None:
        return _instructor
    return os.environ.get("NEWSKIT_INSTRUCTOR", "").strip().lower() in ("1", "true", "yes")


# --------------------------------------------------------------------------------------------
# Widgets


DIFFICULTY = {"easy": "☼ easy", "intermediate": "◑ intermediate", "hard": "★ hard"}


class ExerciseWidget(widgets.VBox):
    """An exercise: title and prompt, the inputs, a "Check answer" button and the feedback.

    ``.answers()`` reads the current answer from the inputs, ``.check()`` checks it (as pressing
    the button does), records it in the progress file and shows the feedback.
    """

    def __init__(
        self,
        exercise_id: str,
        spec: dict,
        body: widgets.Widget,
        read_answer: Callable[[], object],
        *,
        article: Article | None = None,
        checker: Callable[[object], Feedback] | None = None,
        inputs: list[widgets.Widget] | None = None,
        write_answer: Callable[[object], None] | None = None,
    ) -> None:
        self.exercise_id = exercise_id
        self._write_answer = write_answer
        self.tries = 0
        self.spec = spec
        self.article = article
        self.inputs = inputs or []
        self._read_answer = read_answer
        self._checker = checker or (lambda answer: check(spec, answer))
        level = DIFFICULTY.get(spec.get("difficulty", ""), "")
        header = widgets.HTML(
            f'<div class="newskit-prompt"><b>{html.escape(spec["title"])}</b>'
            f"{f' <small>({level})</small>' if level else ''}"
            f"<br>{html.escape(spec['prompt'])}</div>"
        )
        self.check_button = widgets.Button(
            description="Check answer",
            button_style="primary",
            icon="check",
            tooltip=f"Check your answer to: {spec['title']}",
        )
        self.check_button.add_class("newskit-check")
        self.check_button.on_click(lambda _button: self.check())
        self.feedback = widgets.HTML(value="")
        self.feedback.add_class("newskit-feedback")
        buttons = [self.check_button]
        self.answer_button = None
        if is_instructor():
            self.answer_button = widgets.Button(
                description="Show answer", icon="key", tooltip="Instructor mode: show the key"
            )
            self.answer_button.add_class("newskit-show-answer")
            self.answer_button.on_click(lambda _button: self.show_answer())
            buttons.append(self.answer_button)
        super().__init__(
            children=[header, body, widgets.HBox(buttons), self.feedback],
            layout=widgets.Layout(border="1px solid #ccc", padding="0.5em", margin="0.8em 0"),
        )
        self.add_class("newskit-exercise")

    def __repr__(self) -> str:
        return f"Exercise {self.exercise_id!r}: run this cell in Jupyter to answer it."

    def answers(self):
        """The answer as the inputs hold it now (the shape :func:`check` takes)."""
        return self._read_answer()

    def check(self) -> Feedback:
        """Check the current answer, show the feedback and record the attempt."""
        answer = self.answers()
        result = self._checker(answer)
        if result.items:
            self.tries += 1
        message = result.to_html(reveal=self.tries >= 2 or is_instructor())
        if result.items or result.score is not None or result.notes:
            try:
                progress.record(
                    notebook=self.spec.get("notebook", ""),
                    exercise=self.exercise_id,
                    answer=answer,
                    score=result.score,
                    article=self.article.name if self.article is not None else None,
                )
            except OSError as error:
                message += (
                    f"<p><b>⚠ Your answer could not be saved</b> ({html.escape(str(error))}). "
                    "Check that the folder is writable; your earlier answers are untouched.</p>"
                )
        self.feedback.value = message
        return result

    def restore(self) -> bool:
        """Put the student's last saved answer back into the inputs (after a restart, say)."""
        if self._write_answer is None:
            return False
        article = self.article.name if self.article is not None else None
        try:
            entry = progress.last_answer(self.exercise_id, article=article)
        except OSError:
            return False
        if not entry or entry.get("answer") is None:
            return False
        try:
            self._write_answer(entry["answer"])
        except Exception:  # a record that no longer fits this exercise: start afresh
            return False
        score = entry.get("score")
        scored = f", score {round(100 * score)}%" if isinstance(score, int | float) else ""
        self.feedback.value = (
            '<p class="newskit-restored">↺ Your last saved answer is back '
            f"(saved {html.escape(_readable_time(entry.get('time')))}{scored}). "
            "Press <b>Check answer</b> to see its feedback again.</p>"
        )
        return True

    def show_answer(self) -> None:
        """Instructor mode: show the key's answer and explanations under the exercise."""
        self.feedback.value = answer_key_html(self.spec)


def _readable_time(stamp) -> str:
    """'2026-03-02T09:21:30+00:00' as '2 Mar 2026, 09:21 UTC'; anything else as it is."""
    try:
        moment = dt.datetime.fromisoformat(str(stamp))
    except ValueError:
        return str(stamp or "earlier")
    zone = "UTC" if moment.utcoffset() == dt.timedelta(0) else moment.strftime("%z")
    return f"{moment.day} {moment.strftime('%b %Y, %H:%M')} {zone}"


def _choice_widget(exercise_id, spec, article):
    options = spec["options"]
    if spec.get("multiple"):
        boxes = [
            widgets.Checkbox(
                value=False,
                description=o["label"],
                indent=False,
                layout=widgets.Layout(width="auto"),
            )  # fmt: skip
            for o in options
        ]
        for box in boxes:
            box.add_class("newskit-option")
        body = widgets.VBox(boxes)

        def read():
            return [o["id"] for o, box in zip(options, boxes) if box.value]

        def write(answer):
            for option, box in zip(options, boxes):
                box.value = option["id"] in answer

        return ExerciseWidget(
            exercise_id, spec, body, read, article=article, inputs=boxes, write_answer=write
        )
    radio = widgets.RadioButtons(
        options=[(o["label"], o["id"]) for o in options],
        value=None,
        description="Answer:",
        layout=widgets.Layout(width="auto"),
        style={"description_width": "initial"},
    )
    radio.add_class("newskit-option")

    def write(answer):
        radio.value = answer

    return ExerciseWidget(
        exercise_id, spec, radio, lambda: radio.value, article=article, inputs=[radio],
        write_answer=write,
    )  # fmt: skip


def _match_widget(exercise_id, spec, article):
    rows, dropdowns = [], []
    for number, item in enumerate(spec["items"], 1):
        dropdown = widgets.Dropdown(
            options=[("— choose —", "")] + [(c, c) for c in spec["choices"]],
            value="",
            description=f"{number}.",
            tooltip=item["label"],
            layout=widgets.Layout(width="22em", min_width="22em"),
            style={"description_width": "2em"},
        )
        dropdown.add_class("newskit-choice")
        dropdowns.append(dropdown)
        text = widgets.HTML(
            f'<span style="line-height:1.4">{html.escape(item["label"])}</span>',
            layout=widgets.Layout(width="auto", flex="1 1 auto"),
        )
        rows.append(widgets.HBox([dropdown, text], layout=widgets.Layout(align_items="center")))

    def read():
        return {item["id"]: d.value for item, d in zip(spec["items"], dropdowns) if d.value}

    def write(answer):
        for item, dropdown in zip(spec["items"], dropdowns):
            dropdown.value = answer.get(item["id"]) or ""

    return ExerciseWidget(
        exercise_id, spec, widgets.VBox(rows), read, article=article, inputs=dropdowns,
        write_answer=write,
    )  # fmt: skip


def _units(spec: dict, article: Article) -> list[tuple[str, int, int]]:
    """The selectable units of a spans exercise: ``(unit_id, start, end)`` in text order."""
    scope = spec["scope"]
    sentences = article.sentences
    if "sentence_ids" in scope:
        sentences = sentences[sentences["sentence_id"].isin(scope["sentence_ids"])]
    if "paragraph_ids" in scope:
        sentences = sentences[sentences["paragraph_id"].isin(scope["paragraph_ids"])]
    if spec["unit"] == "sentence":
        return list(zip(sentences["sentence_id"], sentences["start"], sentences["end"]))
    tokens = article.tokens
    tokens = tokens[tokens["sentence_id"].isin(set(sentences["sentence_id"]))]
    return [
        (t.token_id, t.start, t.end)
        for t in tokens.itertuples(index=False)
        if any(ch.isalnum() for ch in t.text)
    ]


def _tick(change) -> None:
    change["owner"].icon = "check" if change["new"] else ""


def _spans_widget(exercise_id, spec, article):
    if article is None:
        raise ValueError(f"Exercise {exercise_id!r} selects text: build it with the article.")
    units = _units(spec, article)
    toggles = []
    if spec["unit"] == "sentence":
        rows = []
        for unit_id, start, end in units:
            box = widgets.Checkbox(
                value=False,
                description=unit_id,
                indent=False,
                layout=widgets.Layout(width="7.5em", min_width="7.5em"),
            )
            box.add_class("newskit-sentence")
            toggles.append(box)
            text = widgets.HTML(html.escape(article.text[start:end]),
                                layout=widgets.Layout(flex="1 1 auto", width="auto"))  # fmt: skip
            rows.append(widgets.HBox([box, text]))
        body = widgets.VBox(rows)
    else:
        for _, start, end in units:
            word = article.text[start:end]
            toggle = widgets.ToggleButton(
                value=False,
                description=word,
                tooltip=f"Select “{word}”",
                layout=widgets.Layout(width="auto", height="auto", margin="1px"),
            )
            toggle.add_class("newskit-word")
            toggle.observe(_tick, "value")  # a tick, not only a shade, shows it is selected
            toggles.append(toggle)
        body = widgets.HBox(toggles, layout=widgets.Layout(flex_flow="row wrap"))

    def read():
        return [[start, end] for (_, start, end), t in zip(units, toggles) if t.value]

    def write(answer):
        chosen = {tuple(span) for span in answer}
        for (_, start, end), toggle in zip(units, toggles):
            toggle.value = (start, end) in chosen

    return ExerciseWidget(
        exercise_id,
        spec,
        body,
        read,
        article=article,
        checker=lambda answer: check_spans(spec, answer, article.text),
        inputs=toggles,
        write_answer=write,
    )


def _order_widget(exercise_id, spec, article):
    count = len(spec["items"])
    rows, dropdowns = [], []
    for item in spec["items"]:
        dropdown = widgets.Dropdown(
            options=[("—", 0)] + [(str(n), n) for n in range(1, count + 1)],
            value=0,
            description="Position",
            tooltip=f"Position of: {item['label']}",
            layout=widgets.Layout(width="11em"),
        )
        dropdown.add_class("newskit-choice")
        dropdowns.append(dropdown)
        rows.append(widgets.HBox([dropdown, widgets.HTML(html.escape(item["label"]))]))

    def read():
        chosen = [(d.value, item["id"]) for item, d in zip(spec["items"], dropdowns)]
        if not all(v for v, _ in chosen) or len({v for v, _ in chosen}) < count:
            return []
        return [item_id for _, item_id in sorted(chosen)]

    def write(answer):
        rank = {item_id: number for number, item_id in enumerate(answer, 1)}
        for item, dropdown in zip(spec["items"], dropdowns):
            dropdown.value = rank.get(item["id"], 0)

    return ExerciseWidget(
        exercise_id, spec, widgets.VBox(rows), read, article=article, inputs=dropdowns,
        write_answer=write,
    )  # fmt: skip


def free_text(
    article: Article | None,
    key: dict,
    exercise_id: str,
    *,
    live: Callable[[str], str] | None = None,
    check: Callable[[str], Feedback] | None = None,
) -> ExerciseWidget:
    """A writing exercise. ``live(text)`` returns HTML shown under the box as the student types;
    ``check(text)`` grades it when "Check answer" is pressed (default: ungraded, shows the key's
    explanation).

    When the exercise has an ``original`` (a sentence to rewrite), it is quoted inside the
    widget, above the box, so the student never has to scroll to find it. A framing rewrite
    with no ``check`` given gets :func:`framing_rewrite_check` and :func:`framing_meter`.
    """
    spec = _spec(key, exercise_id)
    original = spec.get("original", "")
    if original and spec.get("keep") is not None:
        live = live or framing_meter(original)
        check = check or framing_rewrite_check(spec)
    box = widgets.Textarea(
        value="",
        placeholder=spec.get("placeholder", "Write here"),
        description="Your version:" if original else "Your text:",
        # 100% of the exercise and no side margins: nothing overflows, so no scrollbar under it
        layout=widgets.Layout(width="100%", height="6em", margin="2px 0"),
        style={"description_width": "initial"},
    )
    box.add_class("newskit-text")
    writing: widgets.Widget = box
    if original:
        quote = widgets.HTML(
            '<div class="newskit-original"><b>The sentence to rewrite:</b>'
            '<blockquote style="margin:.3em 0 .5em 0;padding:.2em .8em;'
            'border-left:4px solid #767676;white-space:normal;overflow-wrap:anywhere">'
            f"{html.escape(original)}</blockquote></div>",
            layout=widgets.Layout(width="100%", margin="0"),
        )
        writing = widgets.VBox([quote, box], layout=widgets.Layout(width="100%"))
    children = [writing]
    if live is not None:
        live_view = widgets.HTML(live(""), layout=widgets.Layout(width="100%", margin="0"))
        live_view.add_class("newskit-live")
        box.observe(lambda change: setattr(live_view, "value", live(change["new"])), "value")
        children.append(live_view)
    checker = check or (lambda text: check_text(spec, text))
    widget = ExerciseWidget(
        exercise_id, spec, widgets.VBox(children, layout=widgets.Layout(width="100%")),
        lambda: box.value, article=article, checker=checker, inputs=[box],
        write_answer=lambda answer: setattr(box, "value", answer),
    )  # fmt: skip
    widget.restore()
    return widget


BUILDERS = {
    "choice": _choice_widget,
    "match": _match_widget,
    "spans": _spans_widget,
    "order": _order_widget,
}


def _spec(key: dict, exercise_id: str) -> dict:
    try:
        return key["exercises"][exercise_id]
    except KeyError:
        known = ", ".join(sorted(key.get("exercises", {}))) or "none"
        raise KeyError(
            f"The answer key has no exercise {exercise_id!r}. Exercises in it: {known}."
        ) from None


def exercise(article: Article | None, key: dict | None, exercise_id: str) -> ExerciseWidget:
    """Build the widget for exercise ``exercise_id`` of ``key`` (default: the article's key)."""
    key = key if key is not None else load_key(article)
    spec = _spec(key, exercise_id)
    if spec["type"] == "text":
        return free_text(article, key, exercise_id)
    widget = BUILDERS[spec["type"]](exercise_id, spec, article)
    widget.restore()
    return widget


def who_said_it(article: Article, key: dict | None = None) -> ExerciseWidget:
    """The "who said it?" exercise: one drop-down of speakers per quotation."""
    return exercise(article, key, "attribution.who_said_it")


def check_who_said_it(answers: dict, key: dict) -> Feedback:
    """Check ``{item_id: speaker}`` answers to "who said it?" against ``key``."""
    return check(_spec(key, "attribution.who_said_it"), answers)


def exercises_for(article: Article, key: dict | None = None, *, notebook: str) -> list[str]:
    """The ids of the key's exercises for ``notebook``, in key order."""
    key = key if key is not None else load_key(article)
    return [i for i, spec in key["exercises"].items() if spec.get("notebook") == notebook]
