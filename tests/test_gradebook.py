"""The gradebook: who each row belongs to, scores checked again against the key, odd files."""

from __future__ import annotations

import json
import warnings
from functools import partial

import pandas as pd
import pytest

from kit import checks, paths, progress
from kit.cli import main

ARTICLE = "kerry-lavrov-moscow"
LEDE = ("01_anatomy_of_an_article", "anatomy.lede")
FIVE_WS = ("01_anatomy_of_an_article", "anatomy.five_ws")
RIGHT_FIVE_WS = {"who": "p1", "what": "p1", "where": "p1", "when": "no paragraph says",
                 "why": "p1", "stakes": "p5"}  # fmt: skip
WRONG_FIVE_WS = {"who": "p2", "what": "p7", "where": "p3", "when": "p2", "why": "p7",
                 "stakes": "p1"}  # fmt: skip


def line(exercise=LEDE, answer="p1", score=1.0, *, student="ada", article=ARTICLE,
         time="2026-03-02T09:00:00+00:00") -> str:  # fmt: skip
    """One progress record as a line of a file."""
    notebook, exercise_id = exercise
    entry = {"student": student, "notebook": notebook, "exercise": exercise_id,
             "article": article, "answer": answer, "score": score, "time": time}  # fmt: skip
    return json.dumps(entry)


def write(path, *lines, raw: bytes = b"") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("".join(f"{text}\n" for text in lines).encode("utf-8") + raw)


def collect(folder, **options):
    """The gradebook and the warnings it gave, each message once."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book = progress.gradebook(folder, **options)
    return book, list(progress.iter_warnings(caught))


def row(book, student, exercise):
    found = book[(book["student"] == student) & (book["exercise"] == exercise)]
    assert len(found) == 1, found
    return found.iloc[0]


# --------------------------------------------------------------------------------------------
# The class of three that all worked as root


@pytest.fixture
def root_class(tmp_path, key):
    """Three students who all worked logged in as root; bo's file is tampered with, cy has a
    binary file beside a good one."""
    folder = tmp_path / "class"
    line = partial(globals()["line"], student="root")
    five_ws = key["exercises"]["anatomy.five_ws"]
    write(folder / "ada" / progress.FILENAME,
          line(LEDE, "p3", 0.0), line(LEDE, "p1", 1.0, time="2026-03-02T09:05:00+00:00"),
          line(FIVE_WS, RIGHT_FIVE_WS, checks.check(five_ws, RIGHT_FIVE_WS).score))  # fmt: skip
    # bo's file was edited by hand: wrong answers, full marks claimed.
    write(folder / "bo" / progress.FILENAME,
          line(LEDE, "p2", 1.0), line(FIVE_WS, WRONG_FIVE_WS, 1.0))  # fmt: skip
    write(folder / "cy" / progress.FILENAME, line(LEDE, "p1", 1.0))
    write(folder / "cy" / "old.jsonl", raw=bytes(range(256)) * 40)  # a binary file
    return folder


def test_three_students_as_root_stay_three_with_scores_checked_again(root_class, key):
    book, messages = collect(root_class)
    assert sorted(book["student"].unique()) == ["ada", "bo", "cy"]
    assert row(book, "ada", "anatomy.lede")["best_score"] == 1.0
    assert row(book, "ada", "anatomy.lede")["attempts"] == 2
    assert row(book, "bo", "anatomy.lede")["best_score"] == 0.0  # p2 is not the lede
    wrong = checks.check(key["exercises"]["anatomy.five_ws"], WRONG_FIVE_WS).score
    assert row(book, "bo", "anatomy.five_ws")["best_score"] == wrong < 1.0
    assert row(book, "bo", "anatomy.five_ws")["status"] == progress.MISMATCH
    assert row(book, "bo", "anatomy.five_ws")["score_mismatch"] == 1
    assert row(book, "ada", "anatomy.five_ws")["status"] == progress.CHECKED
    assert set(book.loc[book["student"] != "bo", "status"]) == {progress.CHECKED}
    broken = [m for m in messages if "old.jsonl" in m]
    assert len(broken) == 1 and "binary" in broken[0] and "cy/old.jsonl" in broken[0]


def test_the_binary_file_is_one_warning_not_one_per_line(root_class):
    _book, messages = collect(root_class)
    assert sum("old.jsonl" in m for m in messages) == 1


def test_the_shared_login_is_one_warning_for_all_files(root_class):
    _book, messages = collect(root_class)
    shared = [m for m in messages if "'root'" in m]
    assert len(shared) == 1
    assert all(f"{name}/{progress.FILENAME}" in shared[0] for name in ("ada", "bo", "cy"))


def test_each_row_says_where_it_came_from(root_class):
    table = progress.attempts(root_class)
    assert set(table["source"]) == {f"{name}/{progress.FILENAME}" for name in ("ada", "bo", "cy")}
    assert set(table["recorded_as"]) == {"root"}
    book, _ = collect(root_class)
    assert row(book, "bo", "anatomy.lede")["source"] == f"bo/{progress.FILENAME}"


# --------------------------------------------------------------------------------------------
# Identity


def test_another_students_name_inside_my_folder_counts_as_mine(tmp_path):
    write(tmp_path / "ada" / progress.FILENAME, line(LEDE, "p1", 1.0, student="ada"))
    write(tmp_path / "bo" / progress.FILENAME,
          line(LEDE, "p3", 0.0, student="bo"),
          line(LEDE, "p1", 1.0, student="ada", time="2026-03-02T10:00:00+00:00"))  # fmt: skip
    book, messages = collect(tmp_path)
    assert row(book, "ada", "anatomy.lede")["attempts"] == 1  # bo's row for ada is not ada's
    assert row(book, "bo", "anatomy.lede")["attempts"] == 2
    assert any("bo/newskit_progress.jsonl names 'ada' (1)" in m for m in messages)


def test_a_name_that_matches_its_folder_gives_no_warning(tmp_path):
    write(tmp_path / "Ada" / progress.FILENAME, line(student="ada"))
    _book, messages = collect(tmp_path)
    assert messages == []


def test_a_file_per_student_is_named_after_the_file(tmp_path):
    write(tmp_path / "dana.jsonl", line(student="jovyan"))  # a shared login: a warning
    with pytest.warns(UserWarning, match="dana.jsonl names 'jovyan'"):
        assert progress.attempts(tmp_path)["student"].tolist() == ["dana"]


def test_a_file_with_no_collected_name_keeps_the_recorded_one(tmp_path):
    write(tmp_path / progress.FILENAME, line(student="erin"), line(student="finn"))
    assert sorted(progress.attempts(tmp_path)["student"]) == ["erin", "finn"]
    assert progress.attempts(tmp_path / progress.FILENAME)["student"].tolist() == ["erin", "finn"]


def test_homes_on_a_hub_are_named_by_the_home(tmp_path):
    write(tmp_path / "ada" / "course" / progress.FILENAME, line(student="ada"))
    write(tmp_path / "ada" / ".local" / "share" / "stray.jsonl", "not a record")
    table = progress.attempts(tmp_path)
    assert table["student"].tolist() == ["ada"]
    assert table["source"].tolist() == [f"ada/course/{progress.FILENAME}"]


def test_student_defaults_to_the_hub_user(monkeypatch, progress_folder):
    monkeypatch.setenv("JUPYTERHUB_USER", "hub-ada")
    assert progress.record(notebook="n", exercise="x.y", answer=1, score=1)["student"] == "hub-ada"
    monkeypatch.delenv("JUPYTERHUB_USER")
    assert progress.student_id() == "test-student"
    monkeypatch.delenv("NEWSKIT_STUDENT")
    assert progress.student_id()  # the login name


# --------------------------------------------------------------------------------------------
# Articles and re-grading


def test_the_same_exercise_on_two_articles_is_two_rows(tmp_path):
    write(tmp_path / "ada.jsonl", line(LEDE, "p1", 1.0), line(LEDE, "p9", 0.25, article="other"))
    book, _ = collect(tmp_path)
    assert sorted(book["article"]) == ["kerry-lavrov-moscow", "other"]
    assert "article" in progress.attempts(tmp_path).columns


def test_an_article_without_a_key_keeps_its_stored_score_unverified(tmp_path):
    write(tmp_path / "ada.jsonl", line(LEDE, "p9", 0.25, article="a-story-with-no-key"))
    book, _ = collect(tmp_path)
    assert row(book, "ada", "anatomy.lede")[["best_score", "status"]].tolist() == [
        0.25, progress.UNVERIFIED]  # fmt: skip
    checked = progress.recheck(progress.attempts(tmp_path))
    assert "a-story-with-no-key" in checked["note"].iloc[0]


def test_an_exercise_the_key_does_not_have_is_unverified(tmp_path):
    write(tmp_path / "ada.jsonl", line(("01", "anatomy.no_such_thing"), "p1", 1.0))
    book, _ = collect(tmp_path)
    assert book["status"].tolist() == [progress.UNVERIFIED]


def test_a_writing_exercise_stays_ungraded_whatever_score_it_claims(tmp_path):
    write(tmp_path / "ada.jsonl", line(("03_framing", "framing.rewrite"), "Kerry met Lavrov.", 1.0))
    book, _ = collect(tmp_path)
    found = row(book, "ada", "framing.rewrite")
    assert pd.isna(found["best_score"]) and found["status"] == progress.UNGRADED


def test_an_answer_of_the_wrong_shape_earns_nothing(tmp_path):
    write(tmp_path / "ada.jsonl", line(FIVE_WS, ["p1", "p1"], 1.0))
    book, _ = collect(tmp_path)
    assert row(book, "ada", "anatomy.five_ws")[["best_score", "status"]].tolist() == [
        0.0, progress.MISMATCH]  # fmt: skip


def test_keys_come_from_the_folder_given(tmp_path, key):
    changed = json.loads(json.dumps(key))
    for option in changed["exercises"]["anatomy.lede"]["options"]:
        option["correct"] = option["id"] == "p2"
    keys = tmp_path / "course"
    keys.mkdir()
    (keys / f"{ARTICLE}.key.json").write_text(json.dumps(changed), encoding="utf-8")
    write(tmp_path / "class" / "ada.jsonl", line(LEDE, "p2", 0.0))
    by_folder, _ = collect(tmp_path / "class", keys=keys)
    assert row(by_folder, "ada", "anatomy.lede")["best_score"] == 1.0
    by_mapping, _ = collect(tmp_path / "class", keys={ARTICLE: changed})
    assert row(by_mapping, "ada", "anatomy.lede")["best_score"] == 1.0
    bundled, _ = collect(tmp_path / "class")
    assert row(bundled, "ada", "anatomy.lede")["best_score"] == 0.0


# --------------------------------------------------------------------------------------------
# Odd records and files: skipped, named once, never fatal


@pytest.mark.parametrize(
    ("odd", "reason"),
    [
        ({"time": 1772442000}, "time is an int (1772442000)"),
        ({"score": "1.0"}, "score is text"),
        ({"score": 7}, "score 7 is not a number from 0 to 1"),
        ({"score": True}, "score is a bool (True)"),
        ({"student": ["ada", "bo"]}, "student is a list"),
        ({"exercise": None}, "no exercise id"),
        ({"article": 3}, "article is an int"),
        ({"time": "yesterday"}, "time 'yesterday' is not a time"),
    ],
)
def test_an_odd_record_is_skipped_and_named_by_file_and_line(tmp_path, odd, reason):
    entry = json.loads(line()) | odd
    write(tmp_path / "ada" / progress.FILENAME, line(), json.dumps(entry), line(LEDE, "p3", 0.0))
    book, messages = collect(tmp_path)
    assert row(book, "ada", "anatomy.lede")["attempts"] == 2
    assert len(messages) == 1
    assert f"ada/{progress.FILENAME}: 1 of 3 records skipped (line 2: {reason}" in messages[0]


def test_many_bad_lines_make_one_summary(tmp_path):
    write(tmp_path / "ada.jsonl", line(), *["{broken"] * 40)
    book, messages = collect(tmp_path)
    assert len(book) == 1
    assert messages == [
        "ada.jsonl: 40 of 41 records skipped (line 2: damaged (not a whole JSON record); "
        "line 3: damaged (not a whole JSON record); line 4: damaged (not a whole JSON record); "
        "and 37 more); the others are kept."
    ]


def test_a_folder_named_like_a_progress_file_is_named_not_fatal(tmp_path):
    (tmp_path / "ada" / progress.FILENAME).mkdir(parents=True)
    write(tmp_path / "bo" / progress.FILENAME, line(student="bo"))
    book, messages = collect(tmp_path)
    assert book["student"].tolist() == ["bo"]
    assert messages == [f"ada/{progress.FILENAME}: a folder, not a progress file; skipped."]


def test_a_link_to_a_classmates_file_is_not_read(tmp_path):
    write(tmp_path / "bo" / progress.FILENAME, line(student="bo"))
    (tmp_path / "ada").mkdir()
    (tmp_path / "ada" / progress.FILENAME).symlink_to(tmp_path / "bo" / progress.FILENAME)
    book, messages = collect(tmp_path)
    assert book["student"].tolist() == ["bo"]
    assert messages == [f"ada/{progress.FILENAME}: a symbolic link, not a progress file; skipped."]


def test_links_the_instructor_made_in_the_class_folder_are_followed(tmp_path):
    write(tmp_path / "homes" / "ada" / "course" / progress.FILENAME, line(student="ada"))
    write(tmp_path / "collected" / "bo-file.jsonl", line(student="bo"))
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "ada").symlink_to(tmp_path / "homes" / "ada")
    (tmp_path / "class" / "bo.jsonl").symlink_to(tmp_path / "collected" / "bo-file.jsonl")
    book, messages = collect(tmp_path / "class")
    assert sorted(book["student"]) == ["ada", "bo"] and messages == []


def test_a_huge_file_is_named_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(progress, "MAX_FILE_BYTES", 1000)
    write(tmp_path / "ada.jsonl", *[line()] * 10)
    book, messages = collect(tmp_path)
    assert book.empty and "too large" in messages[0]


def test_a_file_that_is_mostly_not_utf8_is_one_warning(tmp_path):
    write(tmp_path / "ada.jsonl", raw=b"\xff\xfe\x81 caf\xe9\n" * 700)
    book, messages = collect(tmp_path)
    assert book.empty
    assert messages == ["ada.jsonl: not a text file (most of it is not UTF-8); skipped."]


def test_times_with_different_offsets_are_compared_as_times(tmp_path):
    # 10:30+02:00 is 08:30 UTC: earlier than 09:00 UTC although its text sorts later.
    write(tmp_path / "ada.jsonl",
          line(LEDE, "p1", 1.0, time="2026-03-02T09:00:00+00:00"),
          line(LEDE, "p3", 0.0, time="2026-03-02T10:30:00+02:00"))  # fmt: skip
    book, _ = collect(tmp_path)
    found = row(book, "ada", "anatomy.lede")
    assert found["last_score"] == 1.0
    assert found["first_time"] == pd.Timestamp("2026-03-02T08:30:00Z")


def test_a_lone_surrogate_in_an_answer_is_saved(progress_folder):
    progress.record(notebook="03", exercise="framing.rewrite", answer="Kerry \ud800", score=None)
    assert progress.attempts()["answer"].tolist() == ["Kerry \ufffd"]


# --------------------------------------------------------------------------------------------
# The sample class the instructor notebook shows


def test_the_sample_class_shows_every_case_it_documents():
    book, messages = collect(paths.data_dir() / "sample_class")
    assert sorted(book["student"].unique()) == ["amara", "bruno", "chen"]
    flagged = book[book["status"] == progress.MISMATCH]
    assert flagged[["student", "exercise"]].values.tolist() == [["bruno", "anatomy.five_ws"]]
    assert row(book, "amara", "framing.rewrite")["status"] == progress.UNGRADED
    assert any("chen/newskit_progress.jsonl" in m and "line 4" in m for m in messages)
    assert any("'root'" in m and "bruno" in m and "chen" in m for m in messages)


# --------------------------------------------------------------------------------------------
# python -m kit gradebook


def test_the_command_prints_and_writes_the_gradebook(root_class, tmp_path, capsys):
    output = tmp_path / "out" / "book.csv"
    assert main(["gradebook", str(root_class), "-o", str(output)]) == 0
    printed = capsys.readouterr()
    assert "3 students" in printed.out and "bo" in printed.out
    assert "cy/old.jsonl" in printed.err
    written = pd.read_csv(output)
    assert list(written.columns) == progress.GRADEBOOK_COLUMNS
    assert set(written["student"]) == {"ada", "bo", "cy"}


def test_the_command_writes_a_grid(root_class, tmp_path, capsys):
    output = tmp_path / "grid.csv"
    assert main(["gradebook", str(root_class), "--grid", "-o", str(output)]) == 0
    grid = pd.read_csv(output, index_col="student")
    assert grid.loc["bo", "anatomy.lede"] == 0.0 and grid.loc["ada", "anatomy.lede"] == 1.0


@pytest.mark.parametrize("problem", ["missing", "empty", "keys"])
def test_the_command_exits_1_with_a_reason_on_a_bad_folder(tmp_path, capsys, problem):
    folder = tmp_path / "class"
    if problem != "missing":
        folder.mkdir()
    argv = ["gradebook", str(folder)]
    if problem == "keys":
        write(folder / "ada.jsonl", line())
        argv += ["--keys", str(tmp_path / "nowhere")]
    assert main(argv) == 1
    message = capsys.readouterr().err
    expected = {"missing": "no such folder", "empty": "no progress files", "keys": "--keys"}
    assert expected[problem] in message
