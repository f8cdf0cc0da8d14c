"""Attribution: who said what, and how the article tells us.

Three functions, each from an :class:`~kit.article.Article` to a pandas DataFrame:

- :func:`quotes` finds every quotation (direct, partial, indirect) and its speaker;
- :func:`sources` counts, per speaker, how many quotations and quoted words they get;
- :func:`unattributed_claims` finds sentences that assert something with no source.

Everything here is a rule you can read: the word lists live in ``kit/lexicons/`` (one term a row,
with a category and a note), and each rule below has a comment with a sentence it is for.

Conventions (see :func:`quotes` for the full list):

- a **direct** quotation is a whole statement in quotation marks, attached to its speaker by
  punctuation ("“We are ready,” Keller said.");
- a **partial** quotation is a few quoted words inside the writer's own sentence
  ("Ormond called the decision “reckless”"), including scare quotes that name no speaker;
- **indirect** speech is reported without marks ("Keller said the talks were useful").

How :func:`quotes` reads an article, step by step (each step is a module of this package):

1. find the quotation marks, paragraph by paragraph (:func:`quotation_spans`, ``marks.py``):
   curly and straight double quotes, ''two apostrophes'' and ``TeX marks'', single quotes
   outside double ones; a paragraph that leaves a quotation open continues it in the next;
2. find the verbs of saying outside them (``kit/lexicons/reporting_verbs.csv``, ``cues.py``),
   and the verbs with which a document speaks ("the letter reads",
   ``attribution_documents.csv``);
3. for each verb, find its speaker: the phrase before it ("Kerry said"), after it ("said Kerry"),
   after "according to", or the agent of a passive ("as indicated by Lavrov"), stepping over
   asides ("Malkia Cyril, the executive director at ..., said", "Rep. Elijah E. Cummings
   (D-Md.) said") and never taking a date ("In late September the council said"); titles are
   cut off names ("Foreign Minister Sergei Lavrov" -> "Sergei Lavrov", ``attribution_titles.csv``)
   and their gender wins over a shared surname ("Mr. Obama" after "Michelle Obama",
   ``attribution_first_names.csv``); pronouns go to the last person doing things ("He told
   Lavrov" -> Kerry); institutions, news outlets, documents and vague sources keep their own
   words ("the Russian Foreign Ministry", "The Times", "the letter", "Russian officials":
   ``attribution_institutions.csv``, ``attribution_vague.csv``); finding the phrase is in
   ``cues.py``, reading what it names in ``speakers.py``;
4. attach each quotation to a verb by punctuation (“...,” Kerry said / Kerry said: “...”), to a
   name after a dash (“...” ― Carlos Ruiz), to the verb of the clause it sits in (partial
   quotations), or to whoever spoke last (continuations); scare quotes and titles next to a verb
   ("the “fact-checking” website said", 'told “Meet the Press”') and quotations with none of
   these have no speaker (``assemble.py``);
5. what a verb of saying introduces without marks is indirect speech: the "that" clause or the
   clause right after the verb, or the sentence before ", a senior official said"
   (``clauses.py``);
6. number the acts of speech: the fragments of one act (“A,” he said, “B.”; a quotation
   continued after its attribution; an indirect clause and the partial quotation in it) share
   an ``attribution_id`` (:func:`~kit.attribution.assemble.group_acts`).

The word lists and helpers shared by every step (pronouns, prepositions, the lexicon reader,
the word classes of ``attribution_words.csv``) are in ``words.py``. Every list is read through
:func:`kit.lexicons.read` at each call, so an edited CSV takes effect on the next call. This
module holds the three public functions and the table columns.

Known limits: it has no grammar parser, and its name lists are short, so "she" after two
unknown names, nested reports ("X said Y told him ...") and odd sentence splits can go wrong;
"said, although ..." (a comma right after the verb) loses the reported clause; a surname that is
not the last word ("Ban" for "Ban Ki-moon") stays a separate name. A sentence longer than 1,000
characters (a transcript with no full stops) is read in pieces cut at a semicolon, colon, dash
or comma, so an attribution that reaches across such a cut is missed.
Check its table against the text; it is a first reading, not the answer.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import pandas as pd

from kit.article import Article, ready_frame, text_array
from kit.attribution.assemble import analyse, blocks
from kit.attribution.marks import quotation_spans
from kit.attribution.words import built_from, lexicon, refresh, reporting_verbs

__all__ = [
    "CLAIM_COLUMNS", "COLUMNS", "SOURCE_COLUMNS", "lexicon", "quotation_spans", "quotes",
    "reporting_verbs", "sources", "unattributed_claims",
]  # fmt: skip


COLUMNS = [
    "quote_id", "attribution_id", "start", "end", "text", "kind", "speaker", "speaker_start",
    "speaker_end", "cue", "cue_start", "cue_end", "sentence_id",
]  # fmt: skip


# --------------------------------------------------------------------------------------------
# Public functions


def quotes(article: Article, *, include_indirect: bool = True) -> pd.DataFrame:
    """Every quotation in ``article`` with its speaker and the verb that attributes it.

    One row per quotation, in text order, with columns ``quote_id, attribution_id, start, end,
    text, kind, speaker, speaker_start, speaker_end, cue, cue_start, cue_end, sentence_id``:

    - ``attribution_id``: rows that are fragments of one act of speech share it ("a1", "a2",
      ...), so ``groupby("attribution_id")`` gives one group per act: a quotation split by its
      attribution (“We are ready,” Keller said, “but not under threat.”), continued in the same
      paragraph with no verb of its own (“We will rebuild,” Ferran said. “We always have.”) or
      over several paragraphs; an indirect clause and the partial quotation inside it (the
      partial row stays, so the quoted words can be highlighted, and shares the clause's id).

    - ``start``/``end``: for ``direct`` and ``partial`` quotations the span *includes the
      quotation marks* (and any punctuation inside them), so highlighting shows the marks; a
      quotation that a paragraph leaves open runs to the end of the paragraph, and its
      continuation in the next paragraph is a row of its own. For ``indirect`` speech the span is
      the reported clause ("the talks were useful"), without "that" and the closing period.
      Bracketed insertions ("[ISIS]") and ellipses stay inside the quotation.
    - ``text``: ``article.text[start:end]``.
    - ``kind``: ``direct`` (a whole statement in marks), ``partial`` (quoted words inside the
      writer's sentence, scare quotes included) or ``indirect`` (reported speech, no marks).
    - ``speaker``: who is quoted, resolved: a person's full name as first given ("John Kerry"
      for "He" or "Kerry"), an institution's name ("Russian Foreign Ministry"), or a vague
      source as written ("Russian officials"); ``None`` when the article names no one.
    - ``speaker_start``/``speaker_end``: the mention in the text ("He", "Kerry"); for a
      quotation that continues an earlier one, the mention that attributed the earlier one.
    - ``cue``/``cue_start``/``cue_end``: the verb of saying ("declared", "told", "according to")
      or ``None`` (continuations, scare quotes).
    - ``sentence_id``: the sentence where the quotation starts (``None`` in the headline).

    ``include_indirect=False`` leaves indirect speech out.

    Time grows linearly with the length of the text: a sentence longer than 1,000 characters is
    read in pieces (cut at a semicolon, colon, dash or comma), and each verb of saying looks only
    a few hundred characters around it for its speaker and clause.

    >>> art = Article.from_text("“We are ready,” Keller said, “but not under threat.”", headline="")
    >>> quotes(art)[["attribution_id", "text", "speaker"]].values.tolist()
    [['a1', '“We are ready,”', 'Keller'], ['a1', '“but not under threat.”', 'Keller']]
    """
    return _table(
        article, [q for q in analyse(article) if include_indirect or q.kind != "indirect"]
    )


def _table(article: Article, found: list) -> pd.DataFrame:
    """The rows of :func:`quotes` from the analysis' records, built column by column in one go."""
    if not found:
        return _empty_table()
    text = article.text
    starts = [q.start for q in found]
    ends = [q.end for q in found]
    # acts are numbered in the order of the table, whatever rows were left out
    numbers: dict[int, str] = {}
    acts = [numbers.setdefault(q.act, f"a{len(numbers) + 1}") for q in found]
    speakers: list = []
    cues: list = []
    for q in found:
        entity = q.speaker.entity if q.speaker else None
        speakers.append((entity.name, q.speaker.start, q.speaker.end) if entity else NOTHING)
        cue = q.cue
        cues.append((cue.cue, cue.cue_start, cue.cue_end) if cue else NOTHING)
    speaker, speaker_start, speaker_end = zip(*speakers)
    cue, cue_start, cue_end = zip(*cues)
    strings, objects = text_array, _objects  # arrays: a Series of text costs more
    columns = {
        "quote_id": strings([f"q{i}" for i in range(1, len(found) + 1)]),
        "attribution_id": strings(acts),
        "start": np.array(starts, dtype=np.int64),
        "end": np.array(ends, dtype=np.int64),
        "text": strings([text[s:e] for s, e in zip(starts, ends)]),
        "kind": strings([q.kind for q in found]),
        # missing values are None (not NaN), and offsets stay Python ints
        "speaker": objects(speaker),
        "speaker_start": objects(speaker_start),
        "speaker_end": objects(speaker_end),
        "cue": objects(cue),
        "cue_start": objects(cue_start),
        "cue_end": objects(cue_end),
        "sentence_id": objects([article.sentence_at(s) for s in starts]),
    }
    return ready_frame(columns, len(found))


NOTHING = (None, None, None)


def _objects(values) -> np.ndarray:
    """A column of Python values as they are (str, int or None, no conversion)."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _empty_table() -> pd.DataFrame:
    """The table of an article with no quotations: the same columns, no rows (a copy of one
    built once)."""
    return _built_empty_table().copy()


@cache
def _built_empty_table() -> pd.DataFrame:
    frame = pd.DataFrame(
        {column: pd.Series([], dtype=object) for column in COLUMNS}, index=pd.RangeIndex(0)
    )
    return frame.astype(
        {"quote_id": "float64", "attribution_id": "float64", "start": "int64", "end": "int64"}
    )


SOURCE_COLUMNS = [
    "speaker", "source_type", "named", "direct", "partial", "indirect", "quotes", "quoted_words",
]  # fmt: skip
QUOTED_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


def sources(article: Article, *, include_indirect: bool = True) -> pd.DataFrame:
    """Whose voice fills the article: one row per speaker found by :func:`quotes`.

    Columns ``speaker, source_type, named, direct, partial, indirect, quotes, quoted_words``:

    - ``source_type``: ``person``, ``institution`` (a ministry, a government, a capital used for
      its government), ``anonymous`` ("a senior official", "sources"), ``group`` ("critics",
      "residents"), ``media`` ("reports") or ``unknown``; quotations with no speaker at all are
      one row with ``speaker`` None and ``source_type`` ``none``.
    - ``named``: True for a named person or institution, False for vague and missing sources.
    - ``direct``, ``partial``, ``indirect``: how many acts of speech of each kind (the
      fragments of one act, which share an ``attribution_id`` in :func:`quotes`, count once): an
      act with a direct fragment is direct, else one with quoted words is partial (retold speech
      with a few words in marks), else indirect; ``quotes`` the total.
    - ``quoted_words``: words inside the speaker's direct and partial quotations (the words the
      article gives them verbatim).

    Rows are sorted by quoted words, then quotations, most first.
    ``include_indirect=False`` counts only direct and partial quotations.

    >>> art = Article.from_text("“We are ready,” Keller said. “We always were.”", headline="")
    >>> sources(art)[["speaker", "direct", "quotes", "quoted_words"]].to_dict("records")
    [{'speaker': 'Keller', 'direct': 1, 'quotes': 1, 'quoted_words': 6}]
    """
    acts: dict[int, list] = {}
    for q in analyse(article):
        if q.kind != "indirect" or include_indirect:
            acts.setdefault(q.act, []).append(q)
    table: dict[str | None, dict] = {}
    for fragments in acts.values():
        voiced = next((q for q in fragments if q.speaker and q.speaker.entity), None)
        entity = voiced.speaker.entity if voiced else None
        name = entity.name if entity else None
        row = table.setdefault(
            name,
            {
                "speaker": name,
                "source_type": entity.type if entity else "none",
                "named": bool(entity and entity.named),
                "direct": 0,
                "partial": 0,
                "indirect": 0,
                "quoted_words": 0,
            },
        )
        kinds = {q.kind for q in fragments}
        row[next(k for k in ("direct", "partial", "indirect") if k in kinds)] += 1
        for q in fragments:
            if q.kind != "indirect":
                row["quoted_words"] += len(QUOTED_WORD.findall(article.text[q.start : q.end]))
    frame = pd.DataFrame(list(table.values()), columns=[c for c in SOURCE_COLUMNS if c != "quotes"])
    frame.insert(6, "quotes", frame[["direct", "partial", "indirect"]].sum(axis=1))
    frame = frame.sort_values(["quoted_words", "quotes"], ascending=False, kind="stable")
    frame["speaker"] = frame["speaker"].astype(object).where(frame["speaker"].notna(), None)
    return frame.reset_index(drop=True)


CLAIM_COLUMNS = [
    "claim_id", "sentence_id", "start", "end", "text", "marker", "marker_start", "marker_end",
    "category", "note",
]  # fmt: skip


def _unsourced_pattern() -> tuple[re.Pattern, list[str]]:
    return built_from("attribution_unsourced", _build_unsourced_pattern)


def _build_unsourced_pattern(rows: tuple) -> tuple[re.Pattern, list[str]]:
    # "evidence … surfaced" in the lexicon allows up to two words in between:
    # "evidence later surfaced that the Russians targeted anyone ..."
    # Longest terms first, ties in the list's order; group tN is terms[N].
    terms = sorted(dict.fromkeys(r["term"] for r in rows), key=len, reverse=True)
    parts = []
    for term in terms:
        words = [re.escape(w) for w in term.split() if w != "…"]
        gap = r"\s+(?:[\w’'\-]+\s+){0,2}?" if "…" in term else r"\s+"
        parts.append(f"(?P<t{len(parts)}>" + gap.join(words) + ")")
    pattern = r"(?<![\w’'\-])(?:" + "|".join(parts) + r")(?![\w’'\-])"
    return re.compile(pattern, re.IGNORECASE), terms


def unattributed_claims(article: Article) -> pd.DataFrame:
    """Sentences that assert something while hiding where it comes from.

    A sentence is listed when, outside any quotation, it uses a marker from
    ``kit/lexicons/attribution_unsourced.csv``: agentless evidence ("evidence later surfaced
    that ..."), passive attribution ("it is believed", "is said to"), hedging adverbs
    ("reportedly", "allegedly") or the writer's own certainty ("clearly", "in fact").
    One row per marker: ``claim_id, sentence_id, start, end, text`` (the sentence),
    ``marker, marker_start, marker_end`` (the words that hide the source), ``category, note``.
    A sentence can also carry attributed speech elsewhere; the marker shows which part has none.

    >>> art = Article.from_text("The general is said to be ill. Keller said so.", headline="")
    >>> unattributed_claims(art)[["sentence_id", "marker"]].values.tolist()
    [['p1.s1', 'is said to']]
    """
    refresh()  # an edited word list takes effect now
    info = lexicon("attribution_unsourced")
    pattern, terms = _unsourced_pattern()  # the pattern's groups and its terms, built together
    masked = []
    for _, s, e in blocks(article):
        masked += [(qs, qe) for qs, qe, _ in quotation_spans(article.text, s, e)]
    rows = []
    for start, end, sentence_id in article.sentence_spans:
        for match in pattern.finditer(article.text, start, end):
            if any(qs <= match.start() < qe for qs, qe in masked):
                continue
            term = terms[int(match.lastgroup[1:])]
            category, note = info[term]
            rows.append(
                {
                    "sentence_id": sentence_id,
                    "start": start,
                    "end": end,
                    "text": article.text[start:end],
                    "marker": match.group(),
                    "marker_start": match.start(),
                    "marker_end": match.end(),
                    "category": category,
                    "note": note,
                }
            )
    frame = pd.DataFrame(rows, columns=CLAIM_COLUMNS[1:])
    frame.insert(0, "claim_id", [f"c{i}" for i in range(1, len(frame) + 1)])
    return frame.astype({"start": "int64", "end": "int64", "marker_start": "int64",
                         "marker_end": "int64"})  # fmt: skip
