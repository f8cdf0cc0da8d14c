"""The two front-end pieces the exercises need beyond what ipywidgets draws.

- :class:`ExerciseHeading` shows an exercise's title as a real heading with its prompt, and in
  the page it keeps the keys typed inside the exercise away from JupyterLab's shortcuts, names
  each control by what it answers, groups radio buttons and makes the feedback a live region
  (see ``heading.js``).
- :class:`Passage` shows a passage as text with its punctuation, its words or sentences
  selectable in place by mouse or keyboard (see ``passage.js``).

Both are `anywidget <https://anywidget.dev>`_ widgets: their JavaScript ships inside this
package and reaches the page through the widget's own state, so they work offline in
JupyterLab, Notebook 7 and VS Code without building anything.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

HERE = Path(__file__).parent
CSS = (HERE / "style.css").read_text(encoding="utf-8")


class ExerciseHeading(anywidget.AnyWidget):
    """The title (as a heading), an optional note and the prompt of an exercise.

    ``names[n]`` is the accessible name given in the page to the control whose widget carries
    the class ``newskit-name-n``.

    >>> ExerciseHeading(title="Who said it?", prompt="Pick a speaker.").title
    'Who said it?'
    """

    _esm = HERE / "heading.js"
    _css = CSS
    title = traitlets.Unicode("").tag(sync=True)
    difficulty = traitlets.Unicode("").tag(sync=True)
    note = traitlets.Unicode("").tag(sync=True)
    prompt = traitlets.Unicode("").tag(sync=True)
    names = traitlets.List(traitlets.Unicode()).tag(sync=True)

    def __repr__(self) -> str:
        return f"ExerciseHeading({self.title!r})"


class Passage(anywidget.AnyWidget):
    """A passage whose units (words or sentences) the student selects in place.

    ``paragraphs``: a list of ``{"label": "p5", "pieces": [[text, n], ...]}`` where ``n`` is
    the unit's number, or -1 for text between units. ``selected``: the numbers of the selected
    units, in text order; setting it from Python updates the page. The page sends each change as
    a message, ``{"selected": [...], "token": "..."}``, which keeps its order with the other
    controls' messages (a Check click right after a selection sees it); ``ack`` is the token of
    the last one taken.

    >>> passage = Passage(paragraphs=[{"label": "", "pieces": [["Hi", 0], [", ", -1], ["you", 1]]}])
    >>> passage.units
    ['Hi', 'you']
    """

    _esm = HERE / "passage.js"
    _css = CSS
    paragraphs = traitlets.List(traitlets.Dict()).tag(sync=True)
    label = traitlets.Unicode("Passage").tag(sync=True)
    help = traitlets.Unicode(
        "Tab into the passage, move with the arrow keys, select with Space or Enter "
        "(or click); Tab again to go on."
    ).tag(sync=True)
    selected = traitlets.List(traitlets.Int()).tag(sync=True)
    ack = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.on_msg(self._from_page)

    def _from_page(self, _widget, content, _buffers) -> None:
        """A selection made in the page: taken if every number is a unit's, and acknowledged
        either way (so the page shows what Python holds)."""
        if not isinstance(content, dict) or not isinstance(content.get("selected"), list):
            return
        numbers = content["selected"]
        count = len(self.units)
        with self.hold_sync():
            if all(type(n) is int and 0 <= n < count for n in numbers):
                self.selected = sorted(set(numbers))
            self.ack = str(content.get("token", ""))

    @property
    def units(self) -> list[str]:
        """The text of every selectable unit, in order."""
        found = {}
        for paragraph in self.paragraphs:
            for text, number in paragraph["pieces"]:
                if number >= 0:
                    found[number] = text
        return [found[n] for n in sorted(found)]

    def toggle(self, number: int) -> None:
        """Select unit ``number``, or clear it if it was selected (as a click does)."""
        chosen = set(self.selected) ^ {number}
        self.selected = sorted(chosen)

    def __repr__(self) -> str:
        return f"Passage({len(self.units)} units, {len(self.selected)} selected)"


class UnitToggle:
    """One unit of a :class:`Passage`, seen as a check box: ``.value`` is whether it is selected.

    ``.description`` names it as a list of toggles would: the word itself, or the sentence's id
    (``p5.s1``); ``.text`` is the unit's text, its accessible name in the page.

    >>> passage = Passage(paragraphs=[{"label": "", "pieces": [["Hi", 0]]}])
    >>> toggle = UnitToggle(passage, 0, "w1")
    >>> toggle.value = True
    >>> passage.selected
    [0]
    """

    def __init__(
        self, passage: Passage, number: int, unit_id: str, description: str | None = None
    ) -> None:
        self.passage = passage
        self.number = number
        self.unit_id = unit_id
        self.description = description if description is not None else self.text

    @property
    def text(self) -> str:
        """The unit's text, which is also its accessible name in the page."""
        return self.passage.units[self.number]

    @property
    def value(self) -> bool:
        return self.number in self.passage.selected

    @value.setter
    def value(self, on: bool) -> None:
        if bool(on) != self.value:
            self.passage.toggle(self.number)

    def __repr__(self) -> str:
        return f"UnitToggle({self.unit_id!r}, {self.description!r}, value={self.value})"
