"""`python -m kit draft-key | check-key | report`, run as a user would: in a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kit

SEED = kit.paths.articles_dir() / "kerry-lavrov-moscow.txt"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kit", *args], capture_output=True, text=True, cwd=cwd
    )


@pytest.fixture()
def article(tmp_path) -> Path:
    """A copy of the seed article in a folder of its own (named 'visit')."""
    target = tmp_path / "visit.txt"
    shutil.copy(SEED, target)
    return target


def test_draft_key_writes_beside_the_article_and_says_what_it_did(article):
    result = run("draft-key", str(article))
    assert result.returncode == 0, result.stderr
    key_file = article.with_name("visit.key.json")
    assert key_file.is_file()
    assert str(key_file) in result.stdout
    key = json.loads(key_file.read_text(encoding="utf-8"))
    assert key["draft"] is True and key["article"] == "visit"
    statuses = [spec["status"] for spec in key["exercises"].values()]
    placeholders = statuses.count("placeholder")
    assert placeholders == 5
    summary = f"{len(statuses) - placeholders} drafted by the kit, {placeholders} placeholders"
    assert summary in result.stdout
    # no reference timeline beside the copy: that exercise is left out, and said so
    assert "Left out (nothing in the text to ask): chronology.spot_disagreements" in result.stdout
    assert kit.keys.load_key(kit.load_article(article))["article"] == "visit"


def test_draft_key_to_a_chosen_file(article, tmp_path):
    target = tmp_path / "elsewhere" / "my-key.json"
    result = run("draft-key", str(article), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["article"] == "visit"


def test_draft_key_will_not_replace_a_reviewed_key(article):
    reviewed = json.loads((kit.paths.keys_dir() / "kerry-lavrov-moscow.json").read_text("utf-8"))
    reviewed["article"] = "visit"
    key_file = article.with_name("visit.key.json")
    key_file.write_text(json.dumps(reviewed), encoding="utf-8")
    result = run("draft-key", str(article))
    assert result.returncode == 1
    assert "reviewed" in result.stderr and "--force" in result.stderr
    assert "draft" not in json.loads(key_file.read_text(encoding="utf-8"))
    assert run("draft-key", str(article), "--force").returncode == 0
    assert json.loads(key_file.read_text(encoding="utf-8"))["draft"] is True


def test_check_key_says_ok_for_a_good_key():
    result = run("check-key", str(kit.paths.keys_dir() / "kerry-lavrov-moscow.json"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")
    assert "'kerry-lavrov-moscow'" in result.stdout and "reviewed" in result.stdout


def test_check_key_lists_the_problems(article):
    assert run("draft-key", str(article)).returncode == 0
    key_file = article.with_name("visit.key.json")
    key = json.loads(key_file.read_text(encoding="utf-8"))
    spans = key["exercises"]["chronology.find_time_expressions"]["targets"]
    spans[0]["start"] = float(spans[0]["start"])
    key["exercises"]["anatomy.lede"]["options"][1]["id"] = "p1"
    key_file.write_text(json.dumps(key), encoding="utf-8")
    result = run("check-key", str(key_file))
    assert result.returncode == 1
    assert "chronology.find_time_expressions/targets/0/start" in result.stdout
    assert "not a whole number" in result.stdout


def test_check_key_against_the_text_of_another_article(article):
    assert run("draft-key", str(article)).returncode == 0
    key_file = article.with_name("visit.key.json")
    variant = kit.paths.variants_dir() / "kerry-lavrov-variant-a.txt"
    result = run("check-key", str(key_file), "--article", str(variant))
    assert result.returncode == 1
    assert "'visit'" in result.stdout and "'kerry-lavrov-variant-a'" in result.stdout


def test_check_key_of_a_file_that_is_not_json(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run("check-key", str(bad))
    assert result.returncode == 1
    assert "not valid JSON" in result.stderr


def test_report_prints_the_three_analyses():
    result = run("report", "kerry-lavrov-moscow")
    assert result.returncode == 0, result.stderr
    for heading in ("Attribution: who is quoted", "Framing: markers",
                    "Chronology: time expressions"):  # fmt: skip
        assert heading in result.stdout
    assert "Sergei Lavrov" in result.stdout and "2015-09-30" in result.stdout


def test_report_as_html_escapes_the_article(tmp_path):
    source = tmp_path / "sneaky.txt"
    source.write_text(
        "A <b>Bold</b> Headline\n\n“We will <script>talk</script>,” the minister said on "
        "Monday.\n\nTalks resume next week.\n",
        encoding="utf-8",
    )
    page = tmp_path / "out.html"
    result = run("report", str(source), "--html", str(page))
    assert result.returncode == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Chronology: time expressions" in html
    assert str(page) in result.stdout


@pytest.mark.parametrize("command", ["draft-key", "check-key", "report"])
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: python -m kit {command}")


@pytest.mark.parametrize(
    "args", [("draft-key",), ("check-key",), ("report", "a", "b"), ("report", "--colour", "a")]
)
def test_usage_errors_exit_2_with_one_line(args):
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("python -m kit")
    assert "error:" in result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize("command", ["draft-key", "report"])
def test_a_missing_article_exits_1_with_the_reason(command, tmp_path):
    result = run(command, str(tmp_path / "nowhere.txt"))
    assert result.returncode == 1
    assert "No file at" in result.stderr
    assert "Traceback" not in result.stderr
