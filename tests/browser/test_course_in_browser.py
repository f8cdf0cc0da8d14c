"""The course as an instructor prepares it and a student meets it, in JupyterLab in Chromium.

- ``make_a_key.ipynb``: draft a key, accept one exercise, change one answer, save; the saved key
  loads and holds both edits.
- An exercise from a drafted key (notebook 05's exercises on the student's own article) answers
  clicks like any other.
- Nothing that answers an exercise is on screen above it, neither in the stored outputs (the
  notebook opened before running it) nor after Run All.
"""

from __future__ import annotations

import json

import answers
import pytest
from answers import giveaways, leaks
from labdriver import (
    PANEL,
    VIEWPORT,
    WIDGET_TIMEOUT,
    answer_and_check,
    exercise_widget,
    normalise,
    open_notebook,
    right_answer,
    run_all_cells,
    run_in_browser,
    wrong_answer,
)
from playwright.sync_api import expect

import kit
from kit import review

browser_test = pytest.mark.browser
TIMEOUT = WIDGET_TIMEOUT * 1000
COURSE = ["01_anatomy_of_an_article.ipynb", "02_attribution.ipynb", "03_framing.ipynb",
          "04_chronology.ipynb"]  # fmt: skip

# Each code cell's source and the HTML of its outputs, in the order of the notebook.
CELLS = """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell')]
  .map(cell => ({
    code: cell.classList.contains('jp-CodeCell'),
    source: cell.querySelector('.jp-InputArea-editor')?.textContent ?? '',
    outputs: [...cell.querySelectorAll('.jp-OutputArea-output')].map(o => o.innerHTML),
  }))"""


def page_cells(page) -> tuple[list[str], list[list[str]]]:
    cells = [c for c in page.evaluate(CELLS) if c["code"]]
    return [c["source"] for c in cells], [c["outputs"] for c in cells]


def stored_cells(path) -> tuple[list[str], list[list[str]]]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    outputs = [
        ["".join(o.get("data", {}).get("text/html", "")) for o in c.get("outputs", [])]
        for c in cells
    ]
    return ["".join(c["source"]) for c in cells], outputs


# --------------------------------------------------------------------------------------------
# The check itself, on outputs made to leak (no browser needed)


def test_the_giveaway_check_sees_a_table_row_and_a_highlight(seed, key):
    who = key["exercises"]["attribution.who_said_it"]
    item = next(i for i in who["items"] if i.get("start") and len(i.get("label", "")) > 20)
    quote = seed.text[item["start"] : item["end"]]
    answer = item["answer"] if isinstance(item["answer"], str) else item["answer"][0]
    table = f"<table><tr><td>q9</td><td>{quote}</td><td>direct</td><td>{answer}</td></tr></table>"
    assert giveaways([table], who, seed)
    assert not giveaways([f"<p>{quote}</p><p>{answer}</p>"], who, seed)
    loaded = key["exercises"]["framing.loaded_words"]
    target = loaded["targets"][0]
    word = seed.text[target["start"] : target["end"]]
    where = answers.paragraph_of(seed, target["start"])
    assert giveaways([f'<p id="{where}">x <mark class="a">{word}</mark> y</p>'], loaded, seed)
    assert not giveaways([f'<p id="p1">x <mark class="a">{word}</mark> y</p>'], loaded, seed)
    assert not giveaways([f'<p id="{where}">x {word} y</p>'], loaded, seed)


def test_stored_notebooks_give_no_answer_away_above_an_exercise(seed, key):
    from labdriver import NOTEBOOKS_DIR

    for name in COURSE:
        sources, outputs = stored_cells(NOTEBOOKS_DIR / name)
        assert leaks(sources, outputs, key, seed) == [], name


# --------------------------------------------------------------------------------------------
# In the browser


@browser_test
@pytest.mark.parametrize("notebook", COURSE)
def test_no_answer_on_screen_above_an_exercise(browser, lab, notebook, seed, key):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    served = f"notebooks/{notebook}"
    try:
        open_notebook(page, lab, served)
        page.locator(f"{PANEL} .jp-Cell").first.wait_for()
        before = leaks(*page_cells(page), key, seed)
        run_all_cells(page, lab, served)
        after = leaks(*page_cells(page), key, seed)
        sources, _ = page_cells(page)
        assert any("exercise(" in source for source in sources), "no exercise cell read"
    finally:
        session = lab.session_for(served)
        if session:
            lab.delete_session(session["id"])
        context.close()
    assert before == [], f"stored outputs of {notebook}"
    assert after == [], f"{notebook} after Run All"


@browser_test
def test_make_a_key_accept_change_and_save(browser, lab, screenshots_dir):
    notebook = "instructor/make_a_key.ipynb"
    practice = lab.notebooks_dir / "instructor" / "practice-article.txt"
    for run in run_in_browser(browser, lab, notebook, screenshots_dir):
        page = run.page
        assert run.problems == [] and run.page_errors == []
        drafted = kit.keys.draft_key(kit.load_article(practice))
        panel = page.locator(f"{PANEL} .newskit-review")
        expect(panel).to_have_count(1)
        picker = panel.locator(".newskit-review-picker select")
        message = panel.locator(".newskit-review-message")

        def choose(exercise_id: str, drafted=drafted, picker=picker, panel=panel) -> None:
            spec = drafted["exercises"][exercise_id]
            label = f"{spec['title']} ({review.STATUS_WORDS[spec['status']]})"
            picker.select_option(label=label, timeout=TIMEOUT)
            expect(panel.locator(".newskit-review-accept")).to_be_visible()
            expect(panel).to_contain_text(spec["prompt"][:40])

        choose("anatomy.lede")
        panel.locator("button.newskit-review-accept").click()
        expect(message).to_contain_text("Accepted")

        choose("attribution.who_said_it")
        who = drafted["exercises"]["attribution.who_said_it"]
        first = who["items"][0]
        other = next(c for c in who["choices"] if c != first["answer"])
        panel.locator(".newskit-review-item select").first.select_option(label=other)
        expect(message).to_contain_text(f"Answer changed to {other}")
        run.screenshot("instructor", "make_a_key-edited", element=panel)

        panel.locator("button.newskit-review-save").click()
        expect(message).to_contain_text("Saved", timeout=TIMEOUT)
        saved = kit.keys.load_key(kit.load_article(practice))
        assert saved["draft"] is False
        assert saved["exercises"]["anatomy.lede"]["status"] == "reviewed"
        changed = saved["exercises"]["attribution.who_said_it"]["items"][0]
        assert changed["answer"] == other and changed["source"] == "instructor"
        untouched = saved["exercises"]["chronology.resolve_dates"]
        assert untouched == drafted["exercises"]["chronology.resolve_dates"]


@browser_test
def test_an_exercise_from_a_drafted_key_answers_clicks(browser, lab, screenshots_dir):
    article = kit.load_article(kit.paths.variants_dir() / "kerry-lavrov-variant-a.txt")
    drafted = kit.keys.draft_key(article)
    exercise_id = "attribution.kind_of_attribution"
    spec = drafted["exercises"][exercise_id]
    for run in run_in_browser(browser, lab, "05_your_own_article.ipynb", screenshots_dir):
        assert run.problems == []
        widget = exercise_widget(run.page, spec).first
        assert "the kit's reading" in normalise(widget.inner_text())
        expected, _ = answer_and_check(run, exercise_id, spec, wrong_answer(spec, article),
                                       article)  # fmt: skip
        assert expected.score == 0
        expected, shown = answer_and_check(run, exercise_id, spec, right_answer(spec, article),
                                           article)  # fmt: skip
        assert expected.score == 1
        run.screenshot("05_your_own_article", "drafted-exercise-right", element=shown)
