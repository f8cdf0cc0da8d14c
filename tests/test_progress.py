"""The progress log: append-only, survives damage and restarts; the gradebook gathers it."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys

import pytest

from kit import progress


def test_record_appends_one_line_each(progress_folder):
    progress.record(notebook="01", exercise="anatomy.lede", answer="p1", score=1)
    progress.record(notebook="01", exercise="anatomy.lede", answer="p3", score=0)
    lines = (progress_folder / progress.FILENAME).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["answer"] for line in lines] == ["p1", "p3"]
    assert json.loads(lines[0])["student"] == "test-student"


def test_damaged_line_is_skipped_with_a_warning_and_nothing_is_lost(progress_folder):
    progress.record(notebook="01", exercise="a.one", answer="x", score=1)
    path = progress_folder / progress.FILENAME
    with open(path, "ab") as handle:
        handle.write(b'{"student": "test-student", "exercise": "a.tw')  # a write cut off by a crash
    progress.record(notebook="01", exercise="a.three", answer="z", score=0.5)
    with pytest.warns(UserWarning, match=r"1 of 3 records skipped \(line 2: damaged"):
        table = progress.attempts(progress_folder)
    assert table["exercise"].tolist() == ["a.one", "a.three"]


def _write_many(args):
    folder, worker = args
    for number in range(50):
        progress.record(notebook="nb", exercise=f"w{worker}.n{number}", answer="a" * 500,
                        score=1, folder=folder, student=f"s{worker}")  # fmt: skip


def test_concurrent_writers_never_interleave(tmp_path):
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        pool.map(_write_many, [(str(tmp_path), w) for w in range(4)])
    lines = (tmp_path / progress.FILENAME).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 200
    assert all(json.loads(line)["answer"] == "a" * 500 for line in lines)


def test_records_survive_a_killed_kernel(tmp_path):
    code = (
        "import os, kit\n"
        f"kit.progress.record(notebook='nb', exercise='x.y', answer=[1, 2], score=0.5, "
        f"folder={str(tmp_path)!r})\n"
        "os._exit(9)\n"  # die without any clean-up, as a crashed kernel does
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    entry = progress.last_answer("x.y", folder=tmp_path, student=progress.student_id())
    assert entry is not None and entry["answer"] == [1, 2]


def test_gradebook_gathers_many_students(tmp_path):
    for student, scores in {"ada": [0, 1], "bo": [0.5], "cy": [1, 0.5, 0.25]}.items():
        folder = tmp_path / student
        for score in scores:
            progress.record(notebook="01", exercise="anatomy.lede", answer="?", score=score,
                            student=student, folder=folder)  # fmt: skip
    (tmp_path / "notes.jsonl").write_text("not json\n", encoding="utf-8")
    with pytest.warns(UserWarning):
        book = progress.gradebook(tmp_path)
    assert book["student"].tolist() == ["ada", "bo", "cy"]
    assert book["attempts"].tolist() == [2, 1, 3]
    assert book["best_score"].tolist() == [1.0, 0.5, 1.0]
    assert book["last_score"].tolist() == [1.0, 0.5, 0.25]


def test_empty_gradebook_has_its_columns(tmp_path):
    book = progress.gradebook(tmp_path)
    assert book.empty
    assert "best_score" in book.columns


def test_own_attempts_read_only_the_own_file(progress_folder):
    (progress_folder / "unrelated.jsonl").write_text('{"not": "a record"}\n', encoding="utf-8")
    progress.record(notebook="01", exercise="a.b", answer="x", score=1)
    assert progress.attempts()["exercise"].tolist() == ["a.b"]  # no warning, no stranger's file
