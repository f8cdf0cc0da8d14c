"""Exercises: widgets built from an answer key, checked by pure functions, with explained feedback.

    key = kit.keys.load_key(art)
    kit.exercises.exercise(art, key, "anatomy.lede")       # a widget: answer, press "Check answer"
    kit.exercises.check(key["exercises"]["anatomy.lede"], "p1")   # the same check, as a function

Five kinds of exercise, named by the key's ``type``:

- ``choice``: pick one option (radio buttons) or several (check boxes).
- ``match``: one drop-down per item (who said this quotation? which naming would Moscow use?).
- ``spans``: select, in the passage itself, the words (or sentences) that answer the question.
- ``order``: give each item its position (which happened first?); partial credit for pairs.
- ``text``: write an answer; a topic can plug in live feedback as the student types.

Every check writes one line to the student's progress file (:mod:`kit.progress`). Feedback goes
into an ``HTML`` widget, says what is right, what is not, and why, and never uses colour alone.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd

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
from kit.display import table_html
from kit.keys import load_key
from kit.keys.validation import raise_first, sentence_problems
from kit.widgets import ExerciseHeading, Passage, UnitToggle

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

PLACEHOLDER_TEXT = "This exercise needs your instructor's answer before it can be checked."
PLACEHOLDER_HINT = "(see notebooks/instructor/make_a_key.ipynb)"
MISSING_TEXT = (
    "This article's key has no such exercise: the kit found nothing to ask about here, or it was "
    "left out."
)
KIT_NOTE = "(the kit's reading: your instructor has not reviewed it yet)"

# The live region is the feedback widget itself, present from the start; a region inside the
# feedback's HTML would be created anew on every check and might never be announced.
_INNER_LIVE_REGION = re.compile(r'\s(?:role="status"|aria-live="[a-z]+")')


class ExerciseWidget(widgets.VBox):
    """An exercise: its heading and prompt, the inputs, a "Check answer" button and the feedback.

    ``.answers()`` reads the current answer from the inputs, ``.check()`` checks it (as pressing
    the button does), records it in the progress file and shows the feedback. ``names`` gives
    each of ``inputs`` its accessible name (what it answers), in the same order; inputs without
    one are named after the exercise. ``compare``: see :func:`exercise`.
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
        inputs: list | None = None,
        write_answer: Callable[[object], None] | None = None,
        names: list[str] | None = None,
        compare: Callable[[], object] | None = None,
    ) -> None:
        self.exercise_id = exercise_id
        self._write_answer = write_answer
        self.tries = 0
        self.spec = spec
        self.article = article
        self.inputs = inputs or []
        self._read_answer = read_answer
        self._checker = checker or (lambda answer: check(spec, answer))
        self.heading = ExerciseHeading(
            title=spec["title"],
            difficulty=DIFFICULTY.get(spec.get("difficulty", ""), ""),
            note=KIT_NOTE if spec.get("status") == "kit" else "",
            prompt=spec["prompt"],
            names=self._name_inputs(list(names or [])),
        )
        self.heading.add_class("newskit-prompt")
        self.check_button = widgets.Button(
            description="Check answer",
            button_style="primary",
            tooltip=f"Check your answer to: {spec['title']}",
        )
        self.check_button.add_class("newskit-check")
        self.check_button.on_click(lambda _button: self.check())
        self.feedback = widgets.HTML(value="")
        self.feedback.add_class("newskit-feedback")
        self.compare_button = widgets.Button(
            description="Compare with the kit",
            tooltip=f"Show the kit's own reading of: {spec['title']}",
            layout=widgets.Layout(display="none", width="auto"),
        )
        self.compare_button.add_class("newskit-compare")
        self.compare_button.on_click(lambda _button: self.toggle_comparison())
        self.comparison = widgets.HTML(value="", layout=widgets.Layout(display="none"))
        self.comparison.add_class("newskit-comparison")
        self._compare = compare
        buttons = [self.check_button, self.compare_button]
        self.answer_button = None
        if is_instructor():
            self.answer_button = widgets.Button(
                description="Show answer", tooltip="Instructor mode: show the key"
            )
            self.answer_button.add_class("newskit-show-answer")
            self.answer_button.on_click(lambda _button: self.show_answer())
            buttons.append(self.answer_button)
        super().__init__(
            children=[self.heading, body, widgets.HBox(buttons), self.feedback, self.comparison],
            layout=widgets.Layout(border="1px solid #767676", padding="0.5em", margin="0.8em 0"),
        )
        self.add_class("newskit-exercise")

    def _name_inputs(self, names: list[str]) -> list[str]:
        """Tag each input widget with ``newskit-name-N`` and return the N-th accessible names."""
        fallback = f"Your answer to: {self.spec['title']}"
        for number, control in enumerate(self.inputs):
            if isinstance(control, widgets.DOMWidget):
                control.add_class(f"newskit-name-{number}")
                if number >= len(names):
                    names.append(fallback)
        return names

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
        message = _INNER_LIVE_REGION.sub("", message)
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
            else:
                self._offer_comparison()
        self._say(message)
        return result

    def _say(self, message: str) -> None:
        """Put ``message`` into the live region so that it is announced, also when unchanged."""
        if self.feedback.value == message:
            self.feedback.value = ""  # the same words again: clear first, so they are re-read
        self.feedback.value = message

    def set_compare(self, compare: Callable[[], object] | None) -> None:
        """Offer ``compare()`` (HTML, or a DataFrame) behind "Compare with the kit" once an
        attempt is saved; ``None`` takes the offer away."""
        self._compare = compare
        if compare is None:
            self.compare_button.layout.display = "none"
            self.comparison.layout.display = "none"
        elif self.tries or self.feedback.value:
            self._offer_comparison()

    def _offer_comparison(self) -> None:
        if self._compare is not None:
            self.compare_button.layout.display = None

    def toggle_comparison(self) -> None:
        """Show the kit's own reading under the exercise, or hide it again."""
        if self._compare is None:
            return
        if self.comparison.layout.display != "none":
            self.comparison.layout.display = "none"
            self.compare_button.description = "Compare with the kit"
            return
        shown = self._compare()
        if isinstance(shown, pd.DataFrame):
            shown = table_html(shown)
        self.comparison.value = (
            '<div class="newskit-comparison-body"><p><b>The kit\'s reading</b> '
            "(a program's reading: it can be wrong too).</p>"
            f"{shown}</div>"
        )
        self.comparison.layout.display = None
        self.compare_button.description = "Hide the kit's reading"

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
        self._offer_comparison()
        return True

    def show_answer(self) -> None:
        """Instructor mode: show the key's answer and explanations under the exercise."""
        self._say(answer_key_html(self.spec))


class PlaceholderExercise(widgets.HTML):
    """An exercise the instructor has not answered yet: one polite line, never an error."""

    def __init__(self, exercise_id: str, spec: dict, *, text: str = PLACEHOLDER_TEXT) -> None:
        self.exercise_id = exercise_id
        self.spec = spec
        self.text = text
        title = html.escape(spec.get("title", exercise_id))
        super().__init__(
            value=(
                f'<p class="newskit-placeholder-text"><b>{title}</b>: '
                f"{html.escape(text)} {html.escape(PLACEHOLDER_HINT)}</p>"
            )
        )
        self.add_class("newskit-placeholder")

    def __repr__(self) -> str:
        return self.text


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
        legend = widgets.Label("Answer (tick every one that applies):")
        legend.add_class("newskit-group-label")
        body = widgets.VBox([legend, *boxes])
        body.add_class("newskit-checkgroup")

        def read():
            return [o["id"] for o, box in zip(options, boxes) if box.value]

        def write(answer):
            for option, box in zip(options, boxes):
                box.value = option["id"] in answer

        return ExerciseWidget(
            exercise_id, spec, body, read, article=article, inputs=boxes, write_answer=write,
            names=[o["label"] for o in options],
        )  # fmt: skip
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
        write_answer=write, names=["Answer"],
    )  # fmt: skip


def _match_widget(exercise_id, spec, article):
    rows, dropdowns = [], []
    for number, item in enumerate(spec["items"], 1):
        dropdown = widgets.Dropdown(
            options=[("— choose —", "")] + [(c, c) for c in spec["choices"]],
            value="",
            description=f"{number}.",
            layout=widgets.Layout(width="auto", min_width="14em", max_width="100%"),
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
        write_answer=write, names=[f"{n}. {i['label']}" for n, i in enumerate(spec["items"], 1)],
    )  # fmt: skip


def _scoped_sentences(spec: dict, article: Article) -> pd.DataFrame:
    scope = spec["scope"]
    sentences = article.sentences
    if "sentence_ids" in scope:
        sentences = sentences[sentences["sentence_id"].isin(scope["sentence_ids"])]
    if "paragraph_ids" in scope:
        sentences = sentences[sentences["paragraph_id"].isin(scope["paragraph_ids"])]
    return sentences


def selectable_units(spec: dict, article: Article) -> list[tuple[str, int, int]]:
    """The selectable units of a spans exercise: ``(unit_id, start, end)`` in text order.

    Sentences when the exercise's ``unit`` is ``"sentence"``, else the words of the sentences in
    its ``scope`` (tokens with a letter or digit: punctuation stays plain text).

    >>> art = Article.from_text("Kerry met Lavrov, again.")
    >>> spec = {"unit": "word", "scope": {"paragraph_ids": ["p1"]}}
    >>> [art.text[s:e] for _, s, e in selectable_units(spec, art)]
    ['Kerry', 'met', 'Lavrov', 'again']
    """
    sentences = _scoped_sentences(spec, article)
    if spec["unit"] == "sentence":
        return [
            (sid, int(s), int(e))
            for sid, s, e in zip(sentences["sentence_id"], sentences["start"], sentences["end"])
        ]
    tokens = article.tokens
    tokens = tokens[tokens["sentence_id"].isin(set(sentences["sentence_id"]))]
    return [
        (t.token_id, int(t.start), int(t.end))
        for t in tokens.itertuples(index=False)
        if any(ch.isalnum() for ch in t.text)
    ]


def passage_paragraphs(spec: dict, article: Article, units) -> list[dict]:
    """The passage of a spans exercise as :class:`kit.widgets.Passage` paragraphs: the scoped
    sentences with their punctuation and quotation marks, each unit numbered in place; " … "
    stands for sentences of the paragraph left out of the scope."""
    text = article.text
    order = {sid: n for n, sid in enumerate(article.sentences["sentence_id"])}
    starts = {start: number for number, (_, start, _) in enumerate(units)}
    paragraphs: list[dict] = []
    previous = None
    for row in _scoped_sentences(spec, article).itertuples(index=False):
        if previous is None or row.paragraph_id != previous.paragraph_id:
            paragraphs.append({"label": row.paragraph_id, "pieces": []})
        elif order[row.sentence_id] == order[previous.sentence_id] + 1:
            paragraphs[-1]["pieces"].append([text[previous.end : row.start], -1])
        else:
            paragraphs[-1]["pieces"].append([" … ", -1])
        pieces = paragraphs[-1]["pieces"]
        cursor = row.start
        for number in range(len(units)):
            _, start, end = units[number]
            if start < row.start or end > row.end or start not in starts:
                continue
            if start > cursor:
                pieces.append([text[cursor:start], -1])
            pieces.append([text[start:end], number])
            cursor = end
        if cursor < row.end:
            pieces.append([text[cursor : row.end], -1])
        previous = row
    return paragraphs


def _spans_widget(exercise_id, spec, article):
    if article is None:
        raise ValueError(f"Exercise {exercise_id!r} selects text: build it with the article.")
    units = selectable_units(spec, article)
    what = "sentences" if spec["unit"] == "sentence" else "words"
    passage = Passage(
        paragraphs=passage_paragraphs(spec, article, units),
        label=f"Passage: select the {what} that answer “{spec['title']}”",
        help=(
            f"Select {what} in the passage by clicking, or by keyboard: Tab into the passage, "
            f"move with the arrow keys, select or clear with Space or Enter, then Tab on."
        ),
    )
    passage.add_class("newskit-passage-widget")
    by_sentence = spec["unit"] == "sentence"
    toggles = [
        UnitToggle(passage, number, uid, uid if by_sentence else article.text[start:end])
        for number, (uid, start, end) in enumerate(units)
    ]

    def read():
        return [[units[n][1], units[n][2]] for n in sorted(passage.selected)]

    def write(answer):
        chosen = {tuple(span) for span in answer}
        passage.selected = [n for n, (_, s, e) in enumerate(units) if (s, e) in chosen]

    widget = ExerciseWidget(
        exercise_id,
        spec,
        passage,
        read,
        article=article,
        checker=lambda answer: check_spans(spec, answer, article.text),
        inputs=toggles,
        write_answer=write,
    )
    widget.passage = passage
    return widget


def _order_widget(exercise_id, spec, article):
    count = len(spec["items"])
    rows, dropdowns = [], []
    for item in spec["items"]:
        dropdown = widgets.Dropdown(
            options=[("—", 0)] + [(str(n), n) for n in range(1, count + 1)],
            value=0,
            description="Position",
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
        write_answer=write, names=[f"Position of: {item['label']}" for item in spec["items"]],
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
        # Sent when the box is left (Tab, or a click on "Check answer"), not at every key: a
        # widget's second update waits for the kernel's answer to its first, so a check right
        # after typing could see the text a few letters short. Live feedback needs every key.
        continuous_update=live is not None,
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


def course_exercises() -> tuple[str, ...]:
    """The ids of the course's exercises, those a drafted key can hold."""
    from kit.keys.draft import EXERCISES

    return tuple(EXERCISES)


def _spec(key: dict, exercise_id: str) -> dict:
    try:
        return key["exercises"][exercise_id]
    except KeyError:
        known = ", ".join(sorted(key.get("exercises", {}))) or "none"
        raise KeyError(
            f"The answer key has no exercise {exercise_id!r}. Exercises in it: {known}."
        ) from None


def exercise(
    article: Article | None,
    key: dict | None,
    exercise_id: str,
    *,
    compare: Callable[[], object] | None = None,
) -> ExerciseWidget | PlaceholderExercise:
    """Build the widget for exercise ``exercise_id`` of ``key`` (default: the article's key).

    ``compare``: a function of no arguments returning HTML (or a DataFrame, shown as a table
    that wraps its text) with the kit's own reading of the question. A "Compare with the kit"
    button appears once an attempt is saved (or a saved one comes back) and shows it, so the
    kit's answer is never on screen before the student has tried.

    An exercise the instructor has not answered yet (``"status": "placeholder"`` in the key)
    is shown as one polite line instead; one drafted by the kit (``"status": "kit"``) carries a
    note saying so under its title.

    >>> spec = {"type": "choice", "notebook": "01", "title": "Lede", "prompt": "Which?",
    ...         "status": "placeholder"}
    >>> exercise(None, {"exercises": {"a.lede": spec}}, "a.lede")
    This exercise needs your instructor's answer before it can be checked.
    """
    key = key if key is not None else load_key(article)
    if exercise_id not in key.get("exercises", {}) and exercise_id in course_exercises():
        # A key may leave an exercise out (an article with no quotations has no "who said it?"):
        # the notebook goes on, and says so in one line. An id no course has is a typo: KeyError.
        title = exercise_id.rpartition(".")[2].replace("_", " ").capitalize()
        return PlaceholderExercise(exercise_id, {"title": title}, text=MISSING_TEXT)
    spec = _spec(key, exercise_id)
    if article is not None and key.get("article") == article.name:
        raise_first(list(sentence_problems(key, article, exercise_id)), key, article.name)
    if spec.get("status") == "placeholder":
        return PlaceholderExercise(exercise_id, spec)
    if spec["type"] == "text":
        widget = free_text(article, key, exercise_id)
    else:
        widget = BUILDERS[spec["type"]](exercise_id, spec, article)
        widget.restore()
    if compare is not None:
        widget.set_compare(compare)
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
