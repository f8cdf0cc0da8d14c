"""Framing: the words and structures that steer a reading, found with readable rules.

    import kit.framing as framing
    framing.markers(art)                # one row per marker (start, end, text, category, ...)
    framing.concordance(art, "crisis")  # every "crisis" with its left and right context
    framing.headline_vs_body(art)       # the headline's markers against the body's
    framing.compare([a, b, c])          # markers per 1,000 words, per category, side by side

Every marker has a ``role``: **loaded** language (it counts towards "how loaded is this text?")
or the writer's **structure** (how the story is built: contrast, emphasis, hedging, who is left
out). Most markers come from word lists in ``kit/lexicons/`` (CSV files with ``term, category,
note``), so a teacher can add a word without touching code and a student can read why a word is
flagged:

==============  =========  ========================  ============================================
category        role       lexicon                   example from a news sentence
==============  =========  ========================  ============================================
naming          loaded     framing_naming.csv        "the 2014 **annexation** of Crimea"
evaluative      loaded     framing_evaluative.csv    "a **disastrous** vote" (not "a federal vote")
intensifier     loaded     framing_intensifiers.csv  "an **utterly** chaotic week"
reporting_verb  loaded     reporting_verbs.csv       "Lavrov **dismissed** the suggestion."
scare_quote     loaded     (rule)                    a **“very constructive”** discussion
emphasis        structure  framing_emphasis.csv      "**Of course**, we would like to continue"
hedge           structure  framing_hedges.csv        "**I think** the world benefits"
contrast        structure  framing_contrast.csv      "**Yet**, the next day, Putin ordered ..."
agentless       structure  framing_agentless.csv     "evidence later **surfaced**"
insertion       structure  (rule)                    "this **[ISIS]** is a threat"
==============  =========  ========================  ============================================

The package reads in steps, one module each:

1. :mod:`kit.framing.words`: the word lists, how a term is matched, which entries are
   side-dependent ("regime", "freedom fighter") and which phrases are neutral uses
   ("real estate", "the very first").
2. :mod:`kit.framing.context`: context rules (noun or verb, hedge or plain possibility,
   "no choice but", "not yet", ...), each with its example.
3. :mod:`kit.framing.structures`: agentless passives, scare quotes and bracketed insertions,
   with quotations found by :func:`kit.attribution.marks.quotation_spans`.
4. :mod:`kit.framing.find`: :func:`markers`, one pass that puts the steps together.
5. :mod:`kit.framing.profiles`: :func:`concordance`, :func:`headline_vs_body`, :func:`compare`.

The reporting-verb list is shared with :mod:`kit.attribution`; verbs it calls neutral ("said")
are left out of the markers unless ``neutral_verbs=True``.

>>> import kit
>>> art = kit.Article.from_text("Critics blasted the so-called reform. Yet it passed.")
>>> markers(art)[["text", "role"]].values.tolist()
[['blasted', 'loaded'], ['so-called', 'loaded'], ['Yet', 'structure']]
"""

from __future__ import annotations

from kit.framing.categories import CATEGORIES, ROLES
from kit.framing.context import GUARDS
from kit.framing.find import COLUMNS, INSIDE_WORD, QUOTED_NOTE, lexicon_hits, markers
from kit.framing.profiles import compare, concordance, headline_vs_body, profile, word_count
from kit.framing.structures import BRACKETS, PASSIVE, SCARE_MAX_WORDS, quotations
from kit.framing.words import FRAMING_LEXICONS, REPORTING_VERBS, WORD, lexicon, term_pattern

__all__ = [
    "BRACKETS",
    "CATEGORIES",
    "COLUMNS",
    "FRAMING_LEXICONS",
    "GUARDS",
    "INSIDE_WORD",
    "PASSIVE",
    "QUOTED_NOTE",
    "REPORTING_VERBS",
    "ROLES",
    "SCARE_MAX_WORDS",
    "WORD",
    "compare",
    "concordance",
    "headline_vs_body",
    "lexicon",
    "lexicon_hits",
    "markers",
    "profile",
    "quotations",
    "term_pattern",
    "word_count",
]
