"""Word lists as data: every list is readable, and an edited list is read again."""

from __future__ import annotations

import os

import pytest

from kit import lexicons, paths


def test_every_shipped_list_has_term_category_note():
    files = sorted(paths.lexicons_dir().glob("*.csv"))
    assert len(files) >= 8
    for file in files:
        rows = lexicons.read(file.name)
        assert rows, file.name
        for row in rows:
            assert row["term"] and row["category"], (file.name, row)


def test_an_edited_list_is_read_again_and_comments_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "lexicons_dir", lambda: tmp_path)
    target = tmp_path / "mine.csv"
    target.write_text("term,category,note\n# a comment,x,y\nregime,naming,loaded\n", "utf-8")
    assert [row["term"] for row in lexicons.read("mine")] == ["regime"]
    target.write_text(target.read_text("utf-8") + "junta,naming,loaded too\n", "utf-8")
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert [row["term"] for row in lexicons.read("mine")] == ["regime", "junta"]


def test_a_list_without_its_columns_is_explained(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "lexicons_dir", lambda: tmp_path)
    (tmp_path / "bad.csv").write_text("word,kind\nregime,naming\n", "utf-8")
    with pytest.raises(ValueError, match="bad.csv needs the columns term, category, note"):
        lexicons.read("bad")
    with pytest.raises(FileNotFoundError, match="nothing.csv"):
        lexicons.read("nothing")


def test_each_folder_gives_its_own_lists(tmp_path, monkeypatch):
    shipped = lexicons.read("reporting_verbs")
    (tmp_path / "reporting_verbs.csv").write_text("term,category,note\nsaid,neutral,x\n", "utf-8")
    (tmp_path / "folder.csv").mkdir()
    with monkeypatch.context() as patch:
        patch.setattr(paths, "lexicons_dir", lambda: tmp_path)
        assert [row["term"] for row in lexicons.read("reporting_verbs")] == ["said"]
        with pytest.raises(FileNotFoundError, match="folder.csv"):
            lexicons.read("folder")
    assert lexicons.read("reporting_verbs") is shipped
