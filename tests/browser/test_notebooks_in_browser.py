"""Every notebook, opened in JupyterLab in Chromium and run with Run > Run All Cells, as a student
would: every cell runs, none shows an error, every exercise widget renders, and each keyed
exercise answers clicks with the right feedback (for a right and a wrong answer).
"""

from __future__ import annotations

import json

import pytest
from labdriver import (
    NOTEBOOKS_DIR,
    PANEL,
    REPO,
    SCREENSHOTS_DIR,
    answer_and_check,
    assert_shows_right,
    assert_shows_wrong,
    axe_figures,
    displayed_exercise_ids,
    exercise_widget,
    normalise,
    notebook_paths,
    press_check,
    right_answer,
    run_axe,
    set_theme,
    stored_widget_counts,
    wrong_answer,
)
from playwright.sync_api import expect

import kit

pytestmark = pytest.mark.browser

NOTEBOOKS = notebook_paths()


def _keys() -> dict[str, tuple[dict, str]]:
    """Every exercise of the key the notebooks read: the course's article, the bundled one
    when no course is set (as here). Other bundled keys use the same exercise ids for other
    articles, so they are not mixed in. id -> (spec, article name)."""
    from kit.course import DEFAULT_ARTICLE

    path = REPO / "data" / "keys" / f"{DEFAULT_ARTICLE}.json"
    key = json.loads(path.read_text(encoding="utf-8"))
    return {
        exercise_id: (spec, key.get("article", path.stem))
        for exercise_id, spec in key.get("exercises", {}).items()
    }


EXERCISES = _keys()
SHOWN = [
    (notebook, exercise_id)
    for notebook in NOTEBOOKS
    for exercise_id in displayed_exercise_ids(
        NOTEBOOKS_DIR / notebook, {"exercises": {e: s for e, (s, _) in EXERCISES.items()}}
    )
]


def _notebook_id(notebook: str) -> str:
    return notebook.removesuffix(".ipynb")


def pytest_generate_tests(metafunc):
    if "notebook_run" not in metafunc.fixturenames:
        return
    if "exercise_id" in metafunc.fixturenames:
        metafunc.parametrize(
            ("notebook_run", "exercise_id"),
            SHOWN,
            indirect=["notebook_run"],
            ids=[f"{_notebook_id(nb)}:{ex}" for nb, ex in SHOWN],
            scope="module",
        )
    else:
        ids = [_notebook_id(nb) for nb in NOTEBOOKS]
        metafunc.parametrize("notebook_run", NOTEBOOKS, indirect=True, ids=ids, scope="module")


def test_notebooks_found():
    assert "00_start_here.ipynb" in NOTEBOOKS
    assert SHOWN, "no notebook shows an exercise from the answer keys"


def test_every_cell_runs_without_error(notebook_run):
    assert notebook_run.dialog is None, f"a dialog is open after Run All: {notebook_run.dialog!r}"
    assert notebook_run.problems == []
    assert notebook_run.page_errors == [], "uncaught errors in the page"


def test_every_widget_renders(notebook_run):
    """As many widget views and exercises as the stored notebook has, each drawn in full."""
    outputs, exercises = stored_widget_counts(NOTEBOOKS_DIR / notebook_run.notebook)
    page, panel = notebook_run.page, PANEL
    # A widget view is the one kind of output without a data-mime-type attribute.
    views = page.locator(f"{panel} .jp-OutputArea-output:not([data-mime-type])")
    expect(views).to_have_count(outputs)
    expect(page.locator(f"{panel} .newskit-exercise")).to_have_count(exercises)
    for index in range(outputs):
        view = views.nth(index)
        expect(view.locator(".jupyter-widgets").first).to_be_visible()
    for index in range(exercises):
        widget = page.locator(f"{panel} .newskit-exercise").nth(index)
        expect(widget.locator("button.newskit-check")).to_be_visible()
        expect(widget.locator(".newskit-prompt")).not_to_be_empty()
    assert notebook_run.console_errors == [], "errors in the browser console"


def test_exercise_answers_clicks(notebook_run, exercise_id):
    """A wrong answer, then a right one, entered by clicking; the feedback must match the key."""
    spec, article_name = EXERCISES[exercise_id]
    article = kit.load_article(article_name)
    run = notebook_run
    stem = _notebook_id(run.notebook)
    if spec["type"] == "text":
        # Topic notebooks may plug their own check into a writing exercise: ask only for a reply.
        widget = exercise_widget(run.page, spec).first
        live = widget.locator(".newskit-live")
        before = live.inner_text() if live.count() else None
        widget.locator(".newskit-text textarea").fill(right_answer(spec))
        if before is not None:  # live feedback must follow the typing
            expect(live).not_to_have_text(before)
        press_check(widget)
        feedback = widget.locator(".newskit-feedback .widget-html-content")
        feedback.locator("*").first.wait_for()
        assert normalise(feedback.inner_text())
        run.screenshot(stem, f"{exercise_id}-answered", element=widget)
        return

    wrong = wrong_answer(spec, article)
    expected, widget = answer_and_check(run, exercise_id, spec, wrong, article)
    assert expected.score == 0
    assert_shows_wrong(widget.locator(".newskit-feedback").inner_text(), spec["type"])
    run.screenshot(stem, f"{exercise_id}-wrong", element=widget)

    right = right_answer(spec, article)
    expected, widget = answer_and_check(run, exercise_id, spec, right, article)
    assert expected.score == 1
    assert_shows_right(widget.locator(".newskit-feedback").inner_text())
    run.screenshot(stem, f"{exercise_id}-right", element=widget)


def test_axe_finds_no_serious_problem_in_the_outputs(notebook_run):
    """axe-core (WCAG 2.0 and 2.1, A and AA) over the notebook's outputs after Run All, in
    JupyterLab's light and dark theme: no critical and no serious violation. The figures go to
    test-artifacts/axe/NOTEBOOK-THEME.json."""
    page, stem = notebook_run.page, _notebook_id(notebook_run.notebook).replace("/", "_")
    folder = SCREENSHOTS_DIR.parent / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    problems = {}
    try:
        for theme in ("JupyterLab Light", "JupyterLab Dark"):
            if theme != "JupyterLab Light":
                set_theme(page, theme)
            figures = axe_figures(run_axe(page))
            name = theme.split()[-1].lower()
            (folder / f"{stem}-{name}.json").write_text(json.dumps(figures, indent=2))
            bad = {
                rule: found
                for rule, found in figures["rules"].items()
                if found["impact"] in ("serious", "critical")
            }
            if bad:
                problems[theme] = bad
    finally:
        set_theme(page, "JupyterLab Light")
    assert not problems, json.dumps(problems, indent=1)
