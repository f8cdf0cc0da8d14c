"""newskit: read international news closely, with attribution, framing and chronology.

Example::

    import kit
    art = kit.load_article("kerry-lavrov-moscow")
    art.paragraphs, art.sentences        # pandas DataFrames with ids and character offsets
    kit.display.show_article(art)        # the article as HTML, with paragraph and sentence ids
"""

from kit.text import use_bundled_nltk_data

use_bundled_nltk_data()

from kit import attribution, chronology, display, exercises, framing, keys, progress  # noqa: E402
from kit.article import Article, NewskitWarning, bundled_ids, load_article  # noqa: E402
from kit.exercises import instructor_mode  # noqa: E402

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
