"""Feedback that teaches: first tries hint without answering, second tries reveal, one score
sentence everywhere, no explanation that answers another exercise, and a rewrite check that reads
the rewrite. Everything runs on the Kerry article and its key."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import ipywidgets as widgets
import pytest

import kit
from kit import checks, exercises
from kit.checks import check

ROOT = Path(__file__).resolve().parents[1]
SCORE = re.compile(r"^(All right!|Partly right\.|Not yet\.) Score (\d+)%: (.+)\.$")


def _key_exercises() -> dict:
    key = json.loads((ROOT / "data/keys/kerry-lavrov-moscow.json").read_text(encoding="utf-8"))
    return key["exercises"]


GRADED = [i for i, spec in _key_exercises().items() if spec["type"] != "text"]


def accepted(item: dict) -> list[str]:
    return item["answer"] if isinstance(item["answer"], list) else [item["answer"]]


def wrong_answer(spec: dict):
    """A first answer that is wrong everywhere: the options, choices, spans or order that the key
    does not want (spans: the key's own tempting distractors)."""
    kind = spec["type"]
    if kind == "choice":
        wrong = [o["id"] for o in spec["options"] if not o["correct"]]
        return wrong if spec.get("multiple") else wrong[0]
    if kind == "match":
        return {i["id"]: next(c for c in spec["choices"] if c not in accepted(i))
                for i in spec["items"]}  # fmt: skip
    if kind == "spans":
        return [[d["start"], d["end"]] for d in spec.get("distractors", [])]
    if kind == "order":
        return [i["id"] for i in sorted(spec["items"], key=lambda i: -i["position"])]
    raise AssertionError(kind)


def right_answer(spec: dict):
    kind = spec["type"]
    if kind == "choice":
        right = [o["id"] for o in spec["options"] if o["correct"]]
        return right if spec.get("multiple") else right[0]
    if kind == "match":
        return {i["id"]: accepted(i)[0] for i in spec["items"]}
    if kind == "spans":
        return [[t["start"], t["end"]] for t in spec["targets"]]
    return [i["id"] for i in sorted(spec["items"], key=lambda i: i["position"])]


def missed_texts(spec: dict, text: str) -> list[str]:
    """What a first try must not show: the words of every answer the student missed."""
    kind = spec["type"]
    if kind == "choice":
        return [o["label"] for o in spec["options"] if o["correct"]]
    if kind == "match":
        return [a for i in spec["items"] for a in accepted(i)]
    if kind == "spans":
        return [t.get("text") or text[t["start"] : t["end"]] for t in spec["targets"]]
    return [f"position {i['position']}" for i in spec["items"]]


def without_echoes(shown: str) -> str:
    """The feedback minus the student's own choices echoed back ("you chose X")."""
    return re.sub(r"you (?:chose|put it at) [^):;]*", "", shown)


def contains(shown: str, words: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", shown) is not None


# --- 1. a first wrong try hints, a second reveals ---------------------------------------------


@pytest.mark.parametrize("exercise_id", GRADED)
def test_a_first_wrong_try_names_no_missed_answer(seed, key, exercise_id):
    spec = key["exercises"][exercise_id]
    feedback = check(spec, wrong_answer(spec), seed.text)
    assert feedback.score is not None and feedback.score < 1
    for shown in (feedback.to_text(reveal=False), html.unescape(feedback.to_html(reveal=False))):
        rest = without_echoes(shown)
        for words in missed_texts(spec, seed.text):
            assert not contains(rest, words), f"{exercise_id}: the first try shows {words!r}"
        for item in feedback.items:
            if not item.correct and not item.is_pick:
                assert item.explanation not in shown, f"{exercise_id}: explains {item.label!r}"
        assert "Try again" in shown
        if spec["type"] in ("spans", "choice"):
            assert "Still to find (a hint, not the answer):" in shown


@pytest.mark.parametrize("exercise_id", GRADED)
def test_a_second_wrong_try_reveals_the_answers_and_explanations(seed, key, exercise_id):
    spec = key["exercises"][exercise_id]
    feedback = check(spec, wrong_answer(spec), seed.text)
    for shown in (feedback.to_text(reveal=True), html.unescape(feedback.to_html(reveal=True))):
        for words in missed_texts(spec, seed.text):
            assert words in shown, f"{exercise_id}: the second try does not show {words!r}"
        for item in feedback.items:
            assert item.explanation in shown
        assert "Try again" not in shown and "Still to find" not in shown


def test_the_widget_reveals_on_the_second_check(seed, key):
    widget = exercises.exercise(seed, key, "attribution.claim_without_source")
    spec = key["exercises"]["attribution.claim_without_source"]
    for box in widget.inputs:
        box.value = box.description == "p6.s2"  # "Russian officials insist": sourced, vaguely
    widget.check_button.click()
    first = html.unescape(widget.feedback.value)
    assert "Russian officials insist" in first  # the wrong pick is explained at once
    assert "One more sentence in p7 sets a sourced promise" in first  # the key's hint
    assert not any(t["text"] in first for t in spec["targets"])
    widget.check_button.click()
    second = html.unescape(widget.feedback.value)
    assert all(t["text"] in second for t in spec["targets"])
    assert "✘ Missed" in second


def test_missed_words_are_described_by_category_and_paragraph(seed, key):
    spec = key["exercises"]["chronology.find_time_expressions"]
    answer = [[t["start"], t["end"]] for t in spec["targets"][:3]]  # the first three dates only
    words = check(spec, answer, seed.text)
    assert "One more time expression (a date) in p7." in words.hints  # "the next day"
    assert "Three more time expressions (dates) in p11." in words.hints


def test_without_a_key_hint_the_hint_is_built_from_unit_and_paragraph(seed, key):
    spec = json.loads(json.dumps(key["exercises"]["attribution.claim_without_source"]))
    for target in spec["targets"]:
        target.pop("hint", None)
    feedback = check(spec, [], seed.text)
    assert feedback.score == 0
    assert set(feedback.hints) == {"One more sentence in p6.", "One more sentence in p7.",
                                   "One more sentence in p10."}  # fmt: skip
    no_text = check(spec, [])  # without the article's text: no paragraph, still no answer
    assert set(no_text.hints) == {"Three more sentences."}


def test_a_wrong_match_gets_its_hint_and_the_answer_only_later(key):
    spec = key["exercises"]["attribution.who_said_it"]
    answer = dict(right_answer(spec), q4="Sergei Lavrov")
    first = check(spec, answer).to_text(reveal=False)
    assert "(you chose Sergei Lavrov): Hint: Find the subject of 'told'" in first
    assert "spoken to" not in first
    second = check(spec, answer).to_text(reveal=True)
    assert "the answer is John Kerry" in second and "spoken to" in second


def test_order_feedback_keeps_the_students_order_and_says_which_way_to_move(key):
    spec = key["exercises"]["chronology.order_events"]
    right = right_answer(spec)
    answer = right[1:] + right[:1]  # the earliest event moved to the end
    feedback = check(spec, answer)
    assert [i.item for i in feedback.items] == answer  # not the key's order
    first = feedback.to_text(reveal=False)
    assert "It sits too late: five of the items you put before it belong after it." in first
    # each of the others sits one place early: the earliest event now comes after them all
    assert first.count("It sits too early: one of the items you put after it belongs before") == 5
    assert not any(i["explanation"] in first for i in spec["items"])
    perfect = check(spec, right).to_text(reveal=False)  # all right: every reason, no "try again"
    assert all(i["explanation"] in perfect for i in spec["items"]) and "Try again" not in perfect


# --- 2. one score sentence, never contradicting itself ----------------------------------------


def answers_to_try(spec: dict) -> list:
    wrong, right = wrong_answer(spec), right_answer(spec)
    tries = [wrong, right]
    if spec["type"] == "choice" and spec.get("multiple"):
        tries += [right[:1], right[:1] + wrong[:1], right + wrong[:1]]
    if spec["type"] == "match":
        tries.append({k: v for n, (k, v) in enumerate(right.items()) if n % 2})
    if spec["type"] == "spans":
        tries += [right[:1], right[:1] + wrong[:1]]
    if spec["type"] == "order":
        tries.append(right[1:] + right[:1])
    return tries


@pytest.mark.parametrize("exercise_id", GRADED)
def test_every_score_sentence_has_one_shape_and_adds_up(seed, key, exercise_id):
    spec = key["exercises"][exercise_id]
    totals = set()
    for answer in answers_to_try(spec):
        feedback = check(spec, answer, seed.text)
        found = SCORE.match(feedback.summary)
        assert found, feedback.summary
        verdict, percent, detail = found.groups()
        assert int(percent) == round(100 * feedback.score)
        expected = "All right!" if feedback.score >= 1 else "Not yet." if feedback.score == 0 \
            else "Partly right."  # fmt: skip
        assert verdict == expected
        right, total = map(int, re.match(r"(\d+) of (\d+) ", detail).groups())
        totals.add(total)
        if spec["type"] == "match" or (spec["type"] == "choice" and not spec.get("multiple")):
            assert right / total == pytest.approx(feedback.score)
        elif spec["type"] == "order":
            assert right / total == pytest.approx(feedback.score)
            assert "pairs of items in the right order: each pair counts" in detail
        else:  # picks that are not answers take some away, and the sentence says so
            wrong = re.search(r"(\d+) (?:wrong tick|picks? (?:is|are) not)", detail)
            taken = int(wrong.group(1)) * (1 if spec["type"] == "choice" else 0.5) if wrong else 0
            assert max(0.0, min(1.0, (right - taken) / total)) == pytest.approx(feedback.score)
        text = feedback.to_text(reveal=True) + feedback.to_text(reveal=False)
        assert "in the key" not in text and "None" not in text
        assert not re.search(r"characters \d", text)
    assert len(totals) == 1, f"{exercise_id}: the count changes its total between tries"


def test_the_contradiction_of_the_old_sentence_is_gone(key):
    spec = key["exercises"]["anatomy.headline_promise"]
    one_and_a_wrong = check(spec, ["hope", "result"]).summary
    assert one_and_a_wrong == (
        "Not yet. Score 0%: 1 of 3 right answers ticked; 1 wrong tick cancels one of them."
    )
    assert check(spec, ["hope", "failed", "count"]).summary == (
        "All right! Score 100%: 3 of 3 right answers ticked."
    )


def test_spans_feedback_names_picks_by_their_words(seed, key):
    spec = key["exercises"]["chronology.spot_disagreements"]
    sentences = seed.sentences.set_index("sentence_id")
    pick = [int(sentences.loc["p2.s1", "start"]), int(sentences.loc["p2.s1", "end"])]
    shown = check(spec, [pick], seed.text).to_text(reveal=True)
    assert sentences.loc["p2.s1", "text"] in shown
    assert all(t["text"] == seed.text[t["start"] : t["end"]] for t in spec["targets"])
    assert all(t["text"] in shown for t in spec["targets"])
    assert "characters" not in checks.answer_key_html(spec, seed.text)


# --- 3. no explanation answers another exercise -----------------------------------------------


def course_order(key: dict) -> dict[str, tuple]:
    """Where each exercise sits in the course: notebook, then cell, as a student meets it."""
    order = {}
    for notebook in sorted((ROOT / "notebooks").glob("0*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for number, cell in enumerate(cells):
            source = "".join(cell["source"])
            if "exercise(" not in source and "free_text(" not in source:
                continue  # a cell that only names an exercise (to pick paragraphs) shows none
            for exercise_id in re.findall(r"\"([a-z_]+\.[a-z0-9_]+)\"", source):
                if exercise_id in key["exercises"]:
                    order.setdefault(exercise_id, (notebook.stem, number))
    for number, (exercise_id, spec) in enumerate(key["exercises"].items()):
        order.setdefault(exercise_id, (spec["notebook"], 1000 + number))
    return order


def surnames(answer: str) -> list[str]:
    """How a text can name an answer: 'John Kerry' also as 'Kerry'; a TimeML day also in words."""
    forms = [answer]
    if re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", answer):
        forms.append(answer.split()[1])
    if answer == "No speaker named":
        forms += ["no speaker", "names no one", "speaker is None"]
    day = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", answer)
    if day:
        months = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]  # fmt: skip
        year, month, number = day.groups()
        forms += [f"{int(number)} {months[int(month) - 1]} {year}", f"({year})"]
    if re.fullmatch(r"\d{4}", answer):
        forms.append(f"({answer})")
    return forms


def questions(spec: dict, text: str) -> list[dict]:
    """Each thing an exercise asks, with where it sits and the words that would answer it."""
    found = []
    if spec["type"] == "match":
        for item in spec["items"]:
            quoted = re.findall(r"[“‘]([^”’…]+)", item["label"])
            found.append({
                "id": item["id"], "span": (item.get("start"), item.get("end")),
                "anchor": quoted[0].split()[:3] if quoted else None,
                "answers": [f for a in accepted(item) for f in surnames(a)],
            })  # fmt: skip
    if spec["type"] == "spans" and spec["unit"] == "sentence":
        concept = spec["title"].split(" the ", 1)[-1].lower()
        paragraphs = {checks.paragraph_at(text, t["start"]) for t in spec["targets"]}
        scope = spec["scope"].get("paragraph_ids", [])
        for target in spec["targets"]:
            found.append({"id": target["start"], "span": (target["start"], target["end"]),
                          "anchor": None, "sentence": target.get("text") or ""})  # fmt: skip
        if len(paragraphs) == 1 and len(scope) > 1:  # "p5 is the nut graf" answers it
            found.append({"id": "where", "span": (None, None), "paragraph": paragraphs.pop(),
                          "concept": concept, "answers": []})  # fmt: skip
    if spec["type"] == "choice":
        for option in spec["options"]:
            if option["correct"]:
                found.append({"id": option["id"], "span": (None, None), "anchor": None,
                              "answers": [option["label"].rstrip(" …")]})  # fmt: skip
    return found


def explanations(spec: dict) -> list[tuple[str, tuple, str]]:
    """(item id, span, text) of every explanation and hint a student can read."""
    rows = []
    for group in ("options", "items", "targets", "distractors"):
        for row in spec.get(group, []):
            span = (row.get("start"), row.get("end"))
            for field in ("explanation", "hint"):
                if row.get(field):
                    rows.append((row.get("id", row.get("start")), span, row[field]))
    return rows


def overlap(a: tuple, b: tuple) -> bool:
    return None not in a and None not in b and a[0] < b[1] and b[0] < a[1]


def test_no_explanation_answers_another_exercise(seed, key):
    order = course_order(key)
    leaks = []
    for source_id, source in key["exercises"].items():
        for row_id, row_span, words in explanations(source):
            for target_id, target in key["exercises"].items():
                if order[target_id] < order[source_id]:
                    continue  # an exercise the student has already answered
                for question in questions(target, seed.text):
                    if target_id == source_id and question["id"] == row_id:
                        continue  # an item's own explanation may give its own answer
                    if "concept" in question:
                        said = re.search(rf"\b{question['paragraph']}\b", words) and \
                            question["concept"] in words.lower()  # fmt: skip
                    elif "sentence" in question:  # quoting it elsewhere points to the answer
                        said = not overlap(row_span, question["span"]) and \
                            question["sentence"] in words  # fmt: skip
                    elif overlap(row_span, question["span"]):
                        said = any(contains(words, a) for a in question["answers"] if a)
                    elif question["anchor"] and " ".join(question["anchor"]) in words:
                        said = any(contains(words, a) for a in question["answers"] if a)
                    else:  # whole answers (statements to tick) quoted anywhere
                        said = any(len(a) > 40 and a in words for a in question["answers"])
                    if said:
                        leaks.append(f"{source_id} {row_id} answers {target_id} {question['id']}")
    assert not leaks, "\n".join(leaks)


def test_the_leak_finder_catches_the_leaks_it_is_for(seed, key):
    """The scan above must fail on the explanations that used to give answers away."""
    spoiled = json.loads(json.dumps(key))
    five = next(i for i in spoiled["exercises"]["anatomy.five_ws"]["items"] if i["id"] == "stakes")
    five["explanation"] = "p5 is the nut graf: it tells the reader why to keep reading."
    who = spoiled["exercises"]["attribution.who_said_it"]["items"]
    next(i for i in who if i["id"] == "q17")["explanation"] = (
        "'he' is Lavrov: 'Lavrov dismissed the suggestion. He placed “responsibility” on him.'"
    )
    kind = spoiled["exercises"]["attribution.kind_of_attribution"]["items"]
    next(i for i in kind if i["id"] == "q4")["explanation"] = "Direct. 'He' is Kerry."
    with pytest.raises(AssertionError) as caught:
        test_no_explanation_answers_another_exercise(seed, spoiled)
    message = str(caught.value)
    assert "anatomy.five_ws stakes answers anatomy.nut_graf where" in message
    assert "attribution.who_said_it q17 answers attribution.who_said_it q16" in message
    assert "attribution.kind_of_attribution q4 answers attribution.who_said_it q4" in message


def test_the_lede_feedback_says_which_date_is_missing_and_five_ws_asks_what(key):
    lede = next(o for o in key["exercises"]["anatomy.lede"]["options"] if o["id"] == "p1")
    assert "There is no date anywhere" not in lede["explanation"]
    assert "date of the visit" in lede["explanation"]
    five = [i["id"] for i in key["exercises"]["anatomy.five_ws"]["items"]]
    assert five[:2] == ["who", "what"]
    count = next(o for o in key["exercises"]["anatomy.headline_promise"]["options"]
                 if o["id"] == "count")  # fmt: skip
    assert "confirms" not in count["label"] and "states" in count["label"]


# --- 4. the rewrite check reads the rewrite ---------------------------------------------------

FAITHFUL = ("Kerry said Russia had been “a significant contributor to the progress that we have "
            "been able to make” in Syria.")  # fmt: skip


@pytest.fixture()
def rewrite(key) -> dict:
    return key["exercises"]["framing.rewrite"]


def test_a_rewrite_that_drops_the_facts_scores_under_half(rewrite):
    feedback = checks.framing_rewrite_check(rewrite)("Kerry likes Russia in Syria.")
    assert feedback.score < 0.5
    shown = feedback.to_text()
    assert "Too short" in shown and "Quoted words kept" in shown
    assert rewrite["explanation"] not in shown  # no model answer before a real attempt
    assert "write at least 14 words" in shown


def test_a_faithful_neutral_rewrite_scores_at_least_eighty(rewrite):
    feedback = checks.framing_rewrite_check(rewrite)(FAITHFUL)
    assert feedback.score >= 0.8
    shown = feedback.to_text()
    assert rewrite["explanation"] in shown  # a real attempt: the model answer follows
    assert "Marker gone: “raised a glass” (a loaded verb of saying)" in shown


def test_a_rewrite_keeps_the_markers_or_adds_new_ones_at_a_cost(rewrite):
    check_rewrite = checks.framing_rewrite_check(rewrite)
    copied = check_rewrite(rewrite["original"])
    assert copied.score == 0.5  # every fact kept, every marker kept
    assert "Still there." in copied.to_text()
    loaded = check_rewrite(FAITHFUL.replace("said", "admitted"))
    assert loaded.score < check_rewrite(FAITHFUL).score
    assert "New marker: “admitted”" in loaded.to_text()
    missing = check_rewrite(FAITHFUL.replace("Syria", "the Middle East"))
    assert "Missing: a neutral version must still say “Syria”." in missing.to_text()


def test_the_rewrite_widget_quotes_the_sentence_and_labels_plainly(seed, key, rewrite):
    widget = exercises.exercise(seed, key, "framing.rewrite")  # meter and check by default
    writing, live = widget.children[1].children
    quote = writing.children[0]
    assert html.escape(rewrite["original"]) in quote.value and "<blockquote" in quote.value
    box = widget.inputs[0]
    assert box.layout.width == "100%" and box.layout.margin == "2px 0"
    box.value = rewrite["original"]
    assert "a loaded verb of saying" in live.value and "reporting_verb" not in live.value
    box.value = "Kerry likes Russia in Syria."
    widget.check_button.click()
    assert "Score" in widget.feedback.value
    assert html.escape(rewrite["explanation"]) not in widget.feedback.value
    box.value = FAITHFUL
    widget.check_button.click()
    assert html.escape(rewrite["explanation"]) in widget.feedback.value


def test_plain_labels_fall_back_to_the_category_in_words():
    assert checks.plain_label("scare_quote", article=True) == "a scare quote"
    assert checks.plain_label("agentless", 3) == "verbs that hide who acted"
    assert checks.plain_label("loaded_metaphor") == "loaded metaphor"
    categories = set(kit.framing.CATEGORIES)
    assert categories <= set(checks.PLAIN_LABELS)  # every framing category has plain words
    assert not any("_" in label for pair in checks.PLAIN_LABELS.values() for label in pair)


def test_the_meter_counts_quoted_words_apart():
    meter = checks.framing_meter("Despite it all, Kerry raised a glass.")
    shown = meter("Kerry said it was “very constructive” and a “surprisingly open” talk.")
    assert "Inside quotation marks (the speaker's words, not counted)" in shown
    assert "(the original has 2)" in shown


def test_the_paragraph_of_an_offset():
    text = "Headline\n\nFirst paragraph.\n\nSecond one."
    assert checks.paragraph_at(text, text.index("Second")) == "p2"
    assert checks.paragraph_at(text, text.index("First")) == "p1"
    assert checks.paragraph_at(None, 3) is None


def test_widgets_are_still_plain_ipywidgets(seed, key):
    widget = exercises.exercise(seed, key, "framing.rewrite")
    assert isinstance(widget.inputs[0], widgets.Textarea)


def test_the_rewrite_check_keeps_the_names_and_numbers_of_the_original():
    original = "In 2015, Sergei Lavrov met 20 times with Kerry in Moscow, insisting on talks."
    spec = {"original": original, "keep": [["Kerry"]], "explanation": "They met 20 times."}
    check_rewrite = checks.framing_rewrite_check(spec)
    kept = check_rewrite("In 2015, Lavrov met Kerry twenty times in Moscow for talks.")
    assert kept.score == 1.0
    assert "Name or number kept: Sergei Lavrov" in kept.to_text()
    lost = check_rewrite("Lavrov met Kerry several times in a city for long talks.")
    shown = lost.to_text()
    assert "Missing: the original names “Moscow”" in shown and "“2015”" in shown
    assert lost.score == pytest.approx(0.5 * 2 / 5 + 0.5)
