"""Where the analysers spend their time (``run.py --profile``): cProfile on 1 MB of generated
articles, one analyser at a time on a segmented Article, the top functions by own time."""

from __future__ import annotations

import cProfile
import io
import pstats
import warnings

import texts

import kit

ANALYSERS = {
    "segmentation": lambda art: (art.sentences, art.tokens),
    "quotes": lambda art: kit.attribution.quotes(art),
    "time_expressions": lambda art: kit.chronology.time_expressions(art),
    "markers": lambda art: kit.framing.markers(art),
}


def profile(size: int = 1_000_000, top: int = 12) -> dict[str, str]:
    """The profile of each step as text: ``{step: table}``."""
    text = texts.corpus_text(size)
    kit.text.sentence_splitter()  # import NLTK before profiling (it is imported on first use)
    reports = {}
    for name, function in ANALYSERS.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", kit.NewskitWarning)
            article = kit.Article.from_text(text)
        if name != "segmentation":
            article.sentences  # noqa: B018 (segmentation is profiled on its own)
            article.tokens  # noqa: B018
        profiler = cProfile.Profile()
        profiler.enable()
        function(article)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
        reports[name] = out.getvalue()
    return reports


def main() -> None:
    for name, report in profile().items():
        print(f"==== {name} " + "=" * 60)
        body = report[report.find("   ncalls") :]
        print(body.replace(str(kit.paths.PACKAGE.parent) + "/", ""))
