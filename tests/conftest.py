"""Shared fixtures: the seed article, its key, and a private progress folder for every test."""

from __future__ import annotations

import pytest

import kit


@pytest.fixture(scope="session")
def seed() -> kit.Article:
    return kit.load_article("kerry-lavrov-moscow")


@pytest.fixture(scope="session")
def key(seed) -> dict:
    return kit.keys.load_key(seed)


@pytest.fixture(autouse=True)
def progress_folder(tmp_path, monkeypatch):
    """Each test writes its progress records into its own empty folder."""
    folder = tmp_path / "progress"
    folder.mkdir()
    monkeypatch.setenv("NEWSKIT_PROGRESS_DIR", str(folder))
    monkeypatch.setenv("NEWSKIT_STUDENT", "test-student")
    return folder
