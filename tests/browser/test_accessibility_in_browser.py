"""Every kind of exercise, used the way a keyboard or screen-reader user does, in JupyterLab.

- Keys typed into an exercise stay there: letters that are JupyterLab shortcuts (Y M R C X D A B
  J K V Z I 0) and arrow keys change neither the notebook's cells nor its mode.
- One exercise of every kind is answered and checked with the keyboard only, and the notebook is
  unchanged afterwards.
- The accessibility tree that Chromium builds names every control by what it answers.
- axe-core finds no serious or critical problem in any exercise, in the light and dark theme.

The tests write their own gallery notebook (see ``gallery.py``), with exercise ids of their own,
so answers saved by the other browser tests are not brought back here.
"""

from __future__ import annotations

import json
import re

import nbformat
import pytest
from conftest import run_in_browser
from gallery import gallery_key, gallery_notebook, seed
from labdriver import (
    PANEL,
    SCREENSHOTS_DIR,
    axe_figures,
    exercise_widget,
    normalise,
    notebook_state,
    right_answer,
    run_axe,
    set_theme,
)
from playwright.sync_api import expect

from kit.exercises import selectable_units

pytestmark = pytest.mark.browser

PREFIX = "access"
NOTEBOOK = f"widget_{PREFIX}.ipynb"
KEY_FILE = f"widget_{PREFIX}_key.json"

# JupyterLab's command-mode shortcuts that are single letters or digits (D D, I I and 0 0 are
# pressed twice), then the arrow keys that move between cells.
SHORTCUTS = list("ymrcxddabjkvziI00".lower()) + ["ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight"]

# The first control of each kind of exercise, as a student reaches it.
FIRST_CONTROL = {
    "choice_single": "input[type=radio]",
    "choice_multiple": "input[type=checkbox]",
    "match": "select",
    "spans_word": ".newskit-unit[tabindex='0']",
    "spans_sentence": ".newskit-unit[tabindex='0']",
    "order": "select",
    "text": "textarea",
}


def key() -> dict:
    return gallery_key(PREFIX)


def spec_of(kind: str) -> dict:
    return key()["exercises"][f"{PREFIX}.{kind}"]


@pytest.fixture(scope="module")
def access(browser, lab, screenshots_dir):
    (lab.notebooks_dir / KEY_FILE).write_text(
        json.dumps(key(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    nbformat.write(gallery_notebook(PREFIX, KEY_FILE), lab.notebooks_dir / NOTEBOOK)
    yield from run_in_browser(browser, lab, NOTEBOOK, screenshots_dir)


def is_focused(locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


def active_cell_of(page, widget) -> int:
    """The index of the cell whose output holds ``widget``."""
    return widget.evaluate(
        """(el, panel) => [...document.querySelectorAll(panel + ' .jp-Notebook .jp-Cell')]
             .indexOf(el.closest('.jp-Cell'))""",
        PANEL,
    )


def same_notebook(before: dict, after: dict) -> None:
    assert after["cells"] == before["cells"], "a cell was added, removed or changed its type"
    assert after["sources"] == before["sources"], "a cell's code changed"
    assert after["mode"] == before["mode"] == "command"


@pytest.mark.parametrize("kind", list(FIRST_CONTROL))
def test_keys_stay_in_the_exercise(access, kind):
    """Shortcut letters and arrows typed into a control never reach JupyterLab."""
    page = access.page
    widget = exercise_widget(page, spec_of(kind)).first
    control = widget.locator(FIRST_CONTROL[kind]).first
    control.focus()
    before = notebook_state(page)
    cell = active_cell_of(page, widget)
    for key_name in SHORTCUTS:
        page.keyboard.press(key_name)
    page.wait_for_timeout(300)
    assert access.dialog is None and page.locator(".jp-Dialog").count() == 0, "a dialog opened"
    after = notebook_state(page)
    same_notebook(before, after)
    assert after["active"] == cell, "the arrows moved the notebook to another cell"
    # and the keys did reach the control
    if kind in ("spans_word", "spans_sentence"):
        units = widget.locator(".newskit-unit")
        units.nth(0).focus()
        page.keyboard.press("ArrowRight")
        assert is_focused(units.nth(1)), "ArrowRight moves to the next word or sentence"
    elif kind in ("match", "order"):
        control.focus()
        page.keyboard.press("Home")
        first = control.input_value()
        page.keyboard.press("ArrowDown")
        assert control.input_value() != first, "ArrowDown changes the choice"
    elif kind == "choice_single":
        control.focus()
        page.keyboard.press("ArrowDown")
        expect(widget.locator("input[type=radio]").nth(1)).to_be_checked()
    elif kind == "text":
        assert "ymrcxdd" in control.input_value()
        control.fill("")


def tab_to_check(page, widget, limit: int = 12) -> int:
    """Press Tab until "Check answer" has the focus; return how many presses it took."""
    button = widget.locator("button.newskit-check")
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if is_focused(button):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached “Check answer”")


def unit_numbers(kind: str) -> list[int]:
    """The positions, in the passage, of the units the right answer selects."""
    spec = spec_of(kind)
    wanted = {tuple(span) for span in right_answer(spec, seed())}
    units = selectable_units(spec, seed())
    return [n for n, (_, start, end) in enumerate(units) if (start, end) in wanted]


def answer_by_keyboard(page, widget, kind: str) -> int:
    """Enter the right answer to exercise ``kind`` with keys only; return the Tab presses."""
    spec = spec_of(kind)
    widget.locator(FIRST_CONTROL[kind]).first.focus()  # where Tab would bring the student
    if kind == "choice_single":
        right = next(n for n, o in enumerate(spec["options"]) if o["correct"])
        for _ in range(right):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
    elif kind == "choice_multiple":
        for number, option in enumerate(spec["options"]):
            if number:
                page.keyboard.press("Tab")
            if option["correct"]:
                page.keyboard.press("Space")
    elif kind == "match":
        for number, item in enumerate(spec["items"]):
            if number:
                page.keyboard.press("Tab")
            answer = item["answer"][0] if isinstance(item["answer"], list) else item["answer"]
            page.keyboard.type(answer[:3])  # a closed drop-down jumps to the typed choice
    elif kind == "order":
        for number, item in enumerate(spec["items"]):
            if number:
                page.keyboard.press("Tab")
            page.keyboard.type(str(item["position"]))
    elif kind in ("spans_word", "spans_sentence"):
        page.keyboard.press("Home")
        at = 0
        for number in unit_numbers(kind):
            for _ in range(number - at):
                page.keyboard.press("ArrowRight")
            page.keyboard.press("Space")
            at = number
    elif kind == "text":
        page.keyboard.type(right_answer(spec))
    presses = tab_to_check(page, widget)
    page.keyboard.press("Enter")
    return presses


@pytest.mark.parametrize("kind", list(FIRST_CONTROL))
def test_keyboard_alone_answers_and_checks(access, kind):
    page = access.page
    spec = spec_of(kind)
    widget = exercise_widget(page, spec).first
    widget.scroll_into_view_if_needed()
    before = notebook_state(page)
    presses = answer_by_keyboard(page, widget, kind)
    feedback = widget.locator(".newskit-feedback")
    if kind == "text":
        expect(feedback).to_contain_text("Thank you: your answer is saved.")
    else:
        expect(feedback).to_contain_text("All right! Score 100%")
    # one Tab from the last control (a passage is one Tab stop, however many words it has)
    assert presses == 1, f"{presses} Tab presses from the last control to “Check answer”"
    same_notebook(before, notebook_state(page))
    saved = [r for r in access.lab.progress_records() if r["exercise"] == f"{PREFIX}.{kind}"]
    assert saved and saved[-1]["answer"] == json.loads(json.dumps(right_answer(spec, seed())))
    access.screenshot("keyboard", f"{kind}-answered", element=widget)


@pytest.mark.parametrize("kind", ["spans_word", "spans_sentence"])
def test_a_check_right_after_quick_selections_sees_the_last_of_them(access, kind):
    """Space pressed again and again, then Tab and Enter at once: the check sees the selection
    the passage shows, not one a change short (a state update can wait for the kernel; the
    passage's messages keep their order with the click)."""
    page = access.page
    widget = exercise_widget(page, spec_of(kind)).first
    widget.scroll_into_view_if_needed()
    units = widget.locator(".newskit-unit")
    wanted = unit_numbers(kind)
    other = next(n for n in range(units.count()) if n not in wanted)
    widget.locator(FIRST_CONTROL[kind]).first.focus()
    page.keyboard.press("Home")
    at = 0
    for number in sorted([*wanted, other]):
        for _ in range(number - at):
            page.keyboard.press("ArrowRight")
        at = number
        on = units.nth(number).get_attribute("aria-checked") == "true"
        # five changes, ending selected for a right unit and cleared for the other one
        presses = 5 if (number in wanted) != on else 4
        for _ in range(presses):
            page.keyboard.press("Space")
    tab_to_check(page, widget)
    page.keyboard.press("Enter")
    expect(widget.locator(".newskit-feedback")).to_contain_text("All right! Score 100%")
    checked = [units.nth(n).get_attribute("aria-checked") == "true" for n in range(units.count())]
    assert [n for n, on in enumerate(checked) if on] == wanted


PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
NAMED_ROLES = ("button", "checkbox", "radio", "combobox", "textbox", "radiogroup", "group")


def test_accessibility_tree_names_every_control(access):
    """Chromium's accessibility tree: each exercise a group named by its heading, and every
    control named by what it answers, with no icon characters in any name."""
    page = access.page
    for exercise_id, spec in key()["exercises"].items():
        widget = exercise_widget(page, spec).first
        expect(widget.get_by_role("heading", name=spec["title"], level=3)).to_have_count(1)
        title = re.compile(rf"^{re.escape(spec['title'])}( \(|$)")  # the heading's words
        group = page.get_by_role("group", name=title)
        expect(group).to_have_count(1)
        expect(widget.get_by_role("button", name="Check answer", exact=True)).to_have_count(1)
        expect(widget.get_by_role("status")).to_have_count(1)
        tree = widget.aria_snapshot()
        for line in tree.splitlines():
            found = re.match(r"\s*- (\w+)(?: \"(.*?)\")?", line)
            if found and found.group(1) in NAMED_ROLES:
                name = found.group(2) or ""
                assert name.strip(), f"{exercise_id}: a {found.group(1)} without a name: {line}"
                assert not PRIVATE_USE.search(name), f"{exercise_id}: icon in a name: {line}"
        kind = exercise_id.split(".", 1)[1]
        if kind == "match":
            for number, item in enumerate(spec["items"], 1):
                name = f"{number}. {item['label']}"
                expect(widget.get_by_role("combobox", name=name, exact=True)).to_have_count(1)
        elif kind == "order":
            for item in spec["items"]:
                name = f"Position of: {item['label']}"
                expect(widget.get_by_role("combobox", name=name, exact=True)).to_have_count(1)
        elif kind in ("choice_single", "instructor"):
            expect(widget.get_by_role("radiogroup", name="Answer:")).to_have_count(1)
            for option in spec["options"]:
                name = option["label"]
                expect(widget.get_by_role("radio", name=name, exact=True)).to_have_count(1)
        elif kind == "choice_multiple":
            expect(widget.get_by_role("group", name=re.compile("^Answer"))).to_have_count(1)
            for option in spec["options"]:
                name = option["label"]
                expect(widget.get_by_role("checkbox", name=name, exact=True)).to_have_count(1)
        elif kind in ("spans_word", "spans_sentence"):
            units = selectable_units(spec, seed())
            boxes = widget.get_by_role("checkbox")
            expect(boxes).to_have_count(len(units))
            for number in (0, len(units) - 1):
                _, start, end = units[number]
                name = normalise(seed().text[start:end])
                expect(boxes.nth(number)).to_have_accessible_name(name)
                assert boxes.nth(number).get_attribute("aria-checked") in ("true", "false")
            expect(widget.get_by_role("group", name=re.compile("^Passage"))).to_have_count(1)
        elif kind.startswith("text"):
            name = f"Your answer to: {spec['title']}"
            expect(widget.get_by_role("textbox", name=name, exact=True)).to_have_count(1)


def _axe_gallery(access, theme: str) -> dict:
    figures = axe_figures(run_axe(access.page))
    folder = SCREENSHOTS_DIR.parent / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"widget_gallery-{theme}.json").write_text(json.dumps(figures, indent=2))
    return figures


def test_axe_finds_no_serious_problem_in_any_widget(access):
    """axe-core over every kind of exercise (answered, with feedback), in both themes."""
    page = access.page
    try:
        for theme in ("JupyterLab Light", "JupyterLab Dark"):
            if theme != "JupyterLab Light":
                set_theme(page, theme)
            figures = _axe_gallery(access, theme.split()[-1].lower())
            bad = {
                k: v for k, v in figures["rules"].items() if v["impact"] in ("serious", "critical")
            }
            assert not bad, f"{theme}: {json.dumps(bad, indent=1)}"
            assert figures["passes"].get("color-contrast", 0) > 0, "contrast was not checked"
    finally:
        set_theme(page, "JupyterLab Light")
