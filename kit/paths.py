"""Where the kit's data lives: inside the package in a wheel, or in ./data in a source checkout."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The folder holding ``articles/``, ``keys/``, ``reference/`` and ``variants/``."""
    for candidate in (PACKAGE / "data", PACKAGE.parent / "data"):
        if (candidate / "articles").is_dir():
            return candidate
    raise FileNotFoundError(
        "newskit cannot find its data folder (articles, keys). Reinstall the kit with "
        "`pip install -e .` from the project folder."
    )


def articles_dir() -> Path:
    return data_dir() / "articles"


def keys_dir() -> Path:
    return data_dir() / "keys"


def reference_dir() -> Path:
    return data_dir() / "reference"


def variants_dir() -> Path:
    return data_dir() / "variants"


def notebooks_dir() -> Path:
    """The course notebooks (00 … 05 and ``instructor/``): ./notebooks, or inside a wheel."""
    for candidate in (PACKAGE / "notebooks", PACKAGE.parent / "notebooks"):
        if (candidate / "00_start_here.ipynb").is_file():
            return candidate
    raise FileNotFoundError(
        "newskit cannot find its notebooks. Reinstall the kit with `pip install -e .` from the "
        "project folder, or `pip install newskit` for a packaged copy."
    )


def lexicons_dir() -> Path:
    return PACKAGE / "lexicons"
