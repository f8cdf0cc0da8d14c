"""newskit: read international news closely, with attribution, framing and chronology.

Example::

    import kit
    art = kit.load_article("kerry-lavrov-moscow")
    art.paragraphs, art.sentences        # pandas DataFrames with ids and character offsets
    kit.display.show_article(art)        # the article as HTML, with paragraph and sentence ids

``import kit`` loads only the Article and its segmentation. The analysers, the answer keys and the
widgets (ipywidgets, IPython, matplotlib) are imported the first time they are used
(``kit.display``, ``kit.instructor_mode()``), so a script that needs one analyser does not pay
for the notebook machinery. NLTK, too, is imported only when a sentence is first split.
"""

from __future__ import annotations

import importlib
from typing import Any

from kit.text import use_bundled_nltk_data

use_bundled_nltk_data()

from kit.article import Article, NewskitWarning, bundled_ids, load_article  # noqa: E402

# Sub-modules imported on first use: `kit.display`, or `from kit import display`.
LAZY_MODULES = (
    "attribution",
    "checks",
    "chronology",
    "corpus",
    "display",
    "exercises",
    "framing",
    "keys",
    "lexicons",
    "progress",
)
# Names that live in a lazily imported module: `kit.instructor_mode` is exercises.instructor_mode.
LAZY_NAMES = {"instructor_mode": "exercises"}

__all__ = [
    "Article",
    "attribution",
    "chronology",
    "framing",
    "NewskitWarning",
    "bundled_ids",
    "display",
    "exercises",
    "instructor_mode",
    "keys",
    "load_article",
    "progress",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Import a sub-module (or a name of one) the first time it is asked for."""
    if name in LAZY_MODULES:
        module = importlib.import_module(f"kit.{name}")
        globals()[name] = module
        return module
    if name in LAZY_NAMES:
        value = getattr(importlib.import_module(f"kit.{LAZY_NAMES[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(LAZY_MODULES) | set(LAZY_NAMES))
