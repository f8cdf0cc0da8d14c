"""Any article becomes a lesson: draft its key, run the whole course on it, find no error.

For each variant in ``data/variants/`` and each bundled article besides the Kerry one, the kit
drafts a key, saves it beside a copy of the article, and runs notebooks 00–05 on it with
papermill (``python -m kit course``). Every exercise cell must show a widget or the one-line
message of an exercise that waits for the instructor's answer; no cell may fail.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kit
from kit import course

EXERCISE_CALLS = ("kit.exercises.exercise(", "kit.exercises.free_text(", "course.capstone(")
WIDGET = "application/vnd.jupyter.widget-view+json"


def other_articles() -> list[Path]:
    variants = sorted(kit.paths.variants_dir().glob("*.txt"))
    bundled = [
        kit.paths.articles_dir() / f"{name}.txt"
        for name in kit.bundled_ids()
        if name != "kerry-lavrov-moscow"
    ]
    return variants + bundled


def copy_with_draft_key(source: Path, folder: Path) -> Path:
    """A copy of the article (and its metadata) in ``folder``, with a freshly drafted key."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    shutil.copyfile(source, target)
    meta = source.with_name(f"{source.stem}.meta.json")
    if meta.is_file():
        shutil.copyfile(meta, folder / meta.name)
    article = kit.load_article(target)
    drafted = kit.keys.draft_key(article)
    assert drafted.get("draft") is True
    kit.keys.save_key(drafted, article)
    return target


def exercise_cells(notebook: dict) -> list[dict]:
    return [
        cell
        for cell in notebook["cells"]
        if cell["cell_type"] == "code"
        and any(call in "".join(cell["source"]) for call in EXERCISE_CALLS)
    ]


def check_course_folder(folder: Path) -> None:
    notebooks = sorted(folder.glob("0*.ipynb"))
    assert [p.name for p in notebooks] == list(course.STUDENT_NOTEBOOKS)
    for path in notebooks:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        errors = [
            output
            for cell in notebook["cells"]
            for output in cell.get("outputs", [])
            if output.get("output_type") == "error"
        ]
        assert not errors, f"{path.name}: {errors[0].get('ename')}: {errors[0].get('evalue')}"
        for cell in exercise_cells(notebook):
            shown = [
                output
                for output in cell.get("outputs", [])
                if output.get("output_type") in ("display_data", "execute_result")
            ]
            assert any(WIDGET in output.get("data", {}) for output in shown), (
                f"{path.name}: no widget for {''.join(cell['source'])[:80]!r}"
            )


@pytest.mark.parametrize("source", other_articles(), ids=lambda p: p.stem)
def test_the_whole_course_runs_on_a_drafted_key(source, tmp_path):
    article_path = copy_with_draft_key(source, tmp_path / "article")
    done = course.make_course(article_path, tmp_path / "class", log=lambda _line: None)
    assert len(done) == len(course.STUDENT_NOTEBOOKS)
    check_course_folder(tmp_path / "class")
    key = json.loads((tmp_path / "class" / f"{source.stem}.key.json").read_text(encoding="utf-8"))
    assert key.get("draft") is True


def test_python_m_kit_course_from_the_shell(tmp_path):
    source = kit.paths.variants_dir() / "kerry-lavrov-variant-c.txt"
    article_path = copy_with_draft_key(source, tmp_path / "article")
    result = subprocess.run(
        [sys.executable, "-m", "kit", "course", str(article_path), "-o", str(tmp_path / "class")],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "notebooks ready to hand out" in result.stdout
    check_course_folder(tmp_path / "class")
    again = subprocess.run(
        [sys.executable, "-m", "kit", "course", str(article_path), "-o", str(tmp_path / "class")],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert again.returncode == 1
    assert "not empty" in again.stderr


def test_course_usage_errors_exit_2(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kit", "course", "kerry-lavrov-moscow"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 2
    assert "-o/--output" in result.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "kit", "course", str(tmp_path / "nothing.txt"), "-o",
         str(tmp_path / "out")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert missing.returncode == 1
    assert "No file at" in missing.stderr
