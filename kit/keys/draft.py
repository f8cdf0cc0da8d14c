"""Draft an answer key for any article from the kit's analysers, for an instructor to review.

    draft = kit.keys.draft_key(art)      # a dict in the key schema, "draft": true
    kit.keys.save_key(draft, art)        # beside the article, as NAME.key.json

Each exercise of notebooks 00-04 is drafted from what the analysers find, with the analysers'
own reasons as explanations ("‘He’ is John Kerry, the last person named before it, in p3"):

- attribution (02): who said it and the kind of each quotation from ``attribution.quotes``; the
  reporting verbs the article uses, ranked by their category in ``reporting_verbs.csv``; the
  sentences that hide their source, from ``attribution.unattributed_claims`` and speakerless
  quotations;
- framing (03): the paragraph richest in loaded words (``framing.markers``), the sentences where
  the writer's own voice enters, the names whose lexicon note says which side uses them, and the
  sentence with the most markers as the rewrite challenge;
- chronology (04): every time expression, the values of the relative and partial dates, the
  dated events in time order, the window in which the article was written, and, when a reference
  timeline exists, the dates that disagree with it;
- anatomy (00, 01): the credit line and the lede.

Exercises that need human judgement (the five Ws, the headline's promise, the nut graf, frame
functions, which variant) are placeholders: ``"status": "placeholder"``, with a prompt and no
answers, for the instructor to complete. Exercises the text gives nothing to ask about (no
quotations, no dates) are left out. Every drafted exercise has ``"status": "kit"`` and every
item ``"source": "kit"``: the kit's reading, not an answer anyone has checked. The same article
always gives the same draft (ids come from the text, nothing from the clock).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from kit import attribution, chronology, framing, lexicons, paths
from kit.article import Article
from kit.attribution.assemble import DATELINE
from kit.framing.words import side_dependent

__all__ = ["EXERCISES", "agreement", "draft_key", "draft_remarks", "reference_for"]

# The exercises a draft can hold, in the order of the notebooks' key (ids as in the bundled key).
EXERCISES = (
    "start.credit_line",
    "anatomy.lede",
    "anatomy.five_ws",
    "anatomy.headline_promise",
    "anatomy.nut_graf",
    "framing.frame_functions",
    "framing.loaded_words",
    "framing.naming_sides",
    "framing.writer_voice",
    "framing.which_variant",
    "framing.rewrite",
    "chronology.find_time_expressions",
    "chronology.resolve_dates",
    "chronology.order_events",
    "chronology.date_the_article",
    "chronology.spot_disagreements",
    "attribution.who_said_it",
    "attribution.kind_of_attribution",
    "attribution.rank_reporting_verbs",
    "attribution.claim_without_source",
)

KIT = {"status": "kit"}
NO_SPEAKER = "No speaker named"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "his", "her", "their", "its", "him", "them"}
# Categories of framing markers that are loaded language (the rest are the writer's structure).
LOADED = ("naming", "evaluative", "reporting_verb", "agentless", "scare_quote")
# Reporting-verb categories from reporting_verbs.csv, from the most neutral to the most loaded.
VERB_SCALE = ("neutral", "cognition", "assertive", "emotive", "loaded-confirm", "hostile",
              "loaded-doubt")  # fmt: skip
# Words that order events without naming a time (TimeML signals), and counts that look like days.
SIGNALS = re.compile(
    r"\b(?:since|later|thereafter|previous|previously|afterwards|earlier|then|until|before|after)\b",
    re.IGNORECASE,
)
ORDINALS = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|twentieth|thirtieth|hundredth)\b",
    re.IGNORECASE,
)
# Words that count from the story ("the next day") rather than from the time of writing.
FROM_STORY = re.compile(
    r"\b(?:the\s+(?:next|following|previous|same)|later|earlier|before|after|prior)\b", re.I
)
CALENDAR = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
)
YEAR = re.compile(r"\b1\d{3}\b|\b20\d{2}\b")
CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*\b")
NUMBER = re.compile(r"\b\d[\d,.]*\b")
MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
          "Friday", "Saturday", "Sunday"}  # fmt: skip
# Sentence openers and function words that are capitalised without being names.
NOT_NAMES = {"The", "A", "An", "But", "And", "Yet", "In", "On", "At", "As", "He", "She", "It",
             "They", "We", "I", "His", "Her", "Their", "This", "That", "These", "Those", "Of",
             "For", "To", "With", "By", "From", "After", "Before", "Despite", "Instead", "While",
             "When", "If", "There", "Its", "Our", "Even", "Previous", "Secretary", "President",
             "Minister", "Foreign", "State", "Mr", "Ms", "Mrs", "Dr", "Not", "Only", "Some",
             "Many", "Most", "One", "Two", "Three", "Both", "Neither", "So", "Now", "Then",
             "Still", "Also", "Although", "Though", "Since", "Under", "Over", "Among", "Without",
             "According", "Nobody", "No", "Yes", "Who", "What", "Why", "How", "Where"}  # fmt: skip
# How a naming entry's note says which side uses the word: "Moscow's name for ...",
# "Kyiv's and Washington's word", "the word of Kyiv and Washington", "standard in Western ... copy".
SIDE_PATTERNS = (
    re.compile(
        r"(?:the\s+)?([A-Z][\w\-]+)(?:’s|'s)(?:\s+and\s+([A-Z][\w\-]+)(?:’s|'s))?\s+"
        r"(?:[a-z]+\s+){0,2}?(?:name|word|phrase|framing|sneer|term|spelling)\b"
    ),
    re.compile(r"\b(?:word|phrase|name|phrasing) of ([A-Z][\w\-]+)(?:,? and ([A-Z][\w\-]+))?"),
)


# --------------------------------------------------------------------------------------------
# Small helpers


def _plain(value):
    """A JSON-ready value: numpy numbers as Python ones, missing values as None, dates as ISO."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return value


def _rows(frame: pd.DataFrame, columns=None) -> list[dict]:
    columns = columns or list(frame.columns)
    return [{c: _plain(row[c]) for c in columns} for row in frame.to_dict("records")]


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _paragraph(sentence_id: str | None) -> str:
    return sentence_id.split(".")[0] if sentence_id else "the headline"


def _where(sentence_id: str | None) -> str:
    return f"in {_paragraph(sentence_id)}" if sentence_id else "in the headline"


def _slug(text: str, taken: set) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:30] or "item"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}_{n}", n + 1
    taken.add(slug)
    return slug


def _date(value) -> str:
    day = pd.Timestamp(value)
    return f"{day.day} {day.strftime('%B %Y')}"


def _sentence(article: Article, sentence_id: str) -> dict:
    row = article.sentences.set_index("sentence_id").loc[sentence_id]
    return {"start": int(row["start"]), "end": int(row["end"]), "text": row["text"]}


def _speaker_of(row) -> str:
    return row["speaker"] if isinstance(row["speaker"], str) else NO_SPEAKER


def _mention(article: Article, row) -> str | None:
    if row["speaker_start"] is None or pd.isna(row["speaker_start"]):
        return None
    return article.text[int(row["speaker_start"]) : int(row["speaker_end"])]


def _last_named(article: Article, speaker: str, before: int) -> str | None:
    """The sentence where ``speaker`` is last named (by surname) before offset ``before``."""
    surname = speaker.split()[-1]
    hits = [m.start() for m in re.finditer(rf"\b{re.escape(surname)}\b", article.text[:before])]
    return article.sentence_at(hits[-1]) if hits else None


# --------------------------------------------------------------------------------------------
# Reasons, in words, for each quotation


def why_speaker(article: Article, row) -> str:
    """Why the kit gives a quotation to its speaker, from the analyser's own columns."""
    speaker = row["speaker"]
    if not isinstance(speaker, str):
        return (
            "The article names no one for these words: the marks say they are somebody's, but "
            "no verb of saying and no name is attached to them, so the speaker is unknown. That "
            "is itself a finding: ask who said it, and why the article does not say."
        )
    mention = _mention(article, row) or speaker
    cue = row["cue"] if isinstance(row["cue"], str) else None
    at = int(row["speaker_start"])
    mention_sentence = article.sentence_at(at)
    same_sentence = mention_sentence == row["sentence_id"]
    if mention.lower() in PRONOUNS:
        named = _last_named(article, speaker, at)
        who = (f"‘{mention}’ is {speaker}, the last person named before it"
               + (f", {_where(named)}" if named else ""))  # fmt: skip
    elif _same_name(mention, speaker):
        who = f"‘{mention}’ names the speaker in full"
    else:
        named = _first_named(article, speaker)
        who = f"‘{mention}’ is {speaker}" + (f", named in full {named}" if named else "")
    if cue and same_sentence:
        return f"‘{cue}’ gives the words to ‘{mention}’: {who}."
    if same_sentence:
        return (
            f"No verb of saying: the words sit in a sentence whose speaker is ‘{mention}’, and "
            f"{who}."
        )
    return (
        f"No verb of its own: it continues the quotation before it, attributed to ‘{mention}’ "
        f"{_where(mention_sentence)}; {who}. The words are still {speaker}'s."
    )


def _first_named(article: Article, speaker: str) -> str | None:
    """Where ``speaker`` is first named in full: "in p1", "in the headline", or None."""
    found = re.search(r"\s+".join(map(re.escape, speaker.split())), article.text)
    return _where(article.sentence_at(found.start())) if found else None


def _same_name(mention: str, speaker: str) -> bool:
    """Whether a mention is the speaker's full name ("The Russian Foreign Ministry")."""

    def plain(name: str) -> str:
        return " ".join(name.lower().split()).removeprefix("the ")

    return plain(mention) == plain(speaker)


def why_kind(row) -> str:
    """Why a quotation is direct, partial or indirect, in the analyser's terms."""
    speaker = row["speaker"] if isinstance(row["speaker"], str) else "no one named"
    cue = row["cue"] if isinstance(row["cue"], str) else None
    if row["kind"] == "direct":
        how = f"attached to {speaker} by ‘{cue}’" if cue else f"continuing {speaker}'s words"
        return f"A whole statement in quotation marks, {how}: direct."
    if row["kind"] == "partial":
        how = f" (the cue is ‘{cue}’, the speaker {speaker})" if cue else f" ({speaker})"
        return f"A few words in quotation marks inside the writer's own sentence: partial{how}."
    return (
        f"Reported without quotation marks after ‘{cue}’: indirect. The reported words are "
        f"‘{_short(row['text'], 60)}’, in the writer's wording, attributed to {speaker}."
    )


def _extract(article: Article, row, width: int = 80) -> str:
    """The words of a quotation with its speaker and cue, as one short label."""
    if row["kind"] != "indirect":
        return _short(row["text"], width)
    start, end = int(row["start"]), int(row["end"])
    if (
        _plain(row["cue_start"]) is None
        or article.sentence_at(int(row["cue_start"])) != row["sentence_id"]
    ):
        return _short(article.text[start:end], width)
    cue_start = int(row["cue_start"])
    speaker_start = _plain(row["speaker_start"])
    same = (
        speaker_start is not None and article.sentence_at(int(speaker_start)) == row["sentence_id"]
    )
    if same and 0 <= cue_start - int(row["speaker_end"]) <= 25 and int(speaker_start) < start:
        return _short(article.text[int(speaker_start) : end], width)
    mention = article.text[int(speaker_start) : int(row["speaker_end"])] if same else ""
    cue = article.text[cue_start : int(row["cue_end"])]
    lead = f"{mention} … {cue}" if mention else cue
    return _short(f"{lead} {article.text[start:end]}", width)


# --------------------------------------------------------------------------------------------
# 00 and 01: credit line and lede


def _credit_line(article: Article) -> dict | None:
    if not article.credits or not article.headline or not len(article.paragraphs):
        return None
    first = article.sentences.iloc[0]["text"]
    return {
        "type": "choice", "notebook": "00_start_here", "difficulty": "easy", **KIT,
        "title": "Try a widget: which line is not part of the story?",
        "prompt": "The file starts with a headline, then one or more short lines, then the "
                  "story. Which of these lines is a photo credit or caption rather than news?",
        "options": [
            {"id": "headline", "label": article.headline, "correct": False, "source": "kit",
             "explanation": "This is the headline: the first line of the file, the one-line "
                            "summary a reader judges the story by."},
            {"id": "credit", "label": article.credits[0], "correct": True, "source": "kit",
             "explanation": "A short line right under the headline, before the story starts: "
                            "the kit reads it as a photo credit or caption. It tells you about "
                            "the picture, not about the events."},
            {"id": "lede", "label": _short(first, 60), "correct": False, "source": "kit",
             "explanation": "This is the first sentence of the story itself, the lede: it "
                            "opens paragraph p1."},
        ],
    }  # fmt: skip


def _lede(article: Article, quotes: pd.DataFrame, timexes: pd.DataFrame) -> dict | None:
    paragraphs = article.paragraphs
    if len(paragraphs) < 3:
        return None
    labels = {row.paragraph_id: f"{row.paragraph_id}: {_short(row.text, 50)}"
              for row in paragraphs.itertuples()}  # fmt: skip
    names = [
        w for w in CAPITALISED.findall(paragraphs.iloc[0]["text"]) if w not in NOT_NAMES | MONTHS
    ]
    options = [{"id": "p1", "label": labels["p1"], "correct": True, "source": "kit",
                "explanation": "p1 opens the story and carries its core: it names "
                + (", ".join(dict.fromkeys(names[:4])) if names else "who and what")
                + ". A lede tells who did what, where and when; check which of these p1 "
                "leaves out."}]  # fmt: skip
    options.append({"id": "p2", "label": labels["p2"], "correct": False, "source": "kit",
                    "explanation": "p2 comes after the lede and builds on it: it adds detail "
                    "or context to what p1 has told."})  # fmt: skip
    quoted = quotes[(quotes["kind"] == "direct") & quotes["sentence_id"].notna()]
    first_quote = next((_paragraph(s) for s in quoted["sentence_id"] if _paragraph(s) != "p1"
                        and _paragraph(s) != "p2"), None)  # fmt: skip
    if first_quote:
        options.append({"id": first_quote, "label": labels[first_quote], "correct": False,
                        "source": "kit", "explanation": f"{first_quote} holds the first "
                        "quotation. Many stories quote early, but the lede is the opening that "
                        "tells the news itself, not a reaction to it."})  # fmt: skip
    dated = timexes[timexes["sentence_id"].notna()]
    background = next((_paragraph(s) for s in dated["sentence_id"]
                       if _paragraph(s) not in {o["id"] for o in options}), None)  # fmt: skip
    if background:
        options.append({"id": background, "label": labels[background], "correct": False,
                        "source": "kit", "explanation": f"{background} looks back: it dates "
                        "earlier events, which is background (the nut graf's job), not the "
                        "news of the lede."})  # fmt: skip
    return {
        "type": "choice", "notebook": "01_anatomy_of_an_article", "difficulty": "easy", **KIT,
        "title": "Find the lede",
        "prompt": "The lede is the opening that tells the core of the news: who did what, "
                  "where, when. Which paragraph is this article's lede?",
        "options": options,
    }  # fmt: skip


def _placeholder(notebook: str, kind: str, title: str, prompt: str) -> dict:
    return {
        "type": kind, "notebook": notebook, "title": title, "prompt": prompt,
        "status": "placeholder",
        "message": "This exercise needs your instructor's answer: the kit cannot judge it.",
    }  # fmt: skip


def _placeholders(article: Article) -> dict[str, dict]:
    headline = f"“{article.headline}”" if article.headline else "the headline"
    return {
        "anatomy.five_ws": _placeholder(
            "01_anatomy_of_an_article", "match", "Who, what, when, where, why",
            "For each question a reader brings to a news story, pick the first paragraph that "
            "answers it, or say that no paragraph does."),
        "anatomy.headline_promise": _placeholder(
            "01_anatomy_of_an_article", "choice",
            "What the headline promises, what the body delivers",
            f"The headline says {headline}. Tick every statement that is true of the body."),
        "anatomy.nut_graf": _placeholder(
            "01_anatomy_of_an_article", "spans", "Find the nut graf",
            "The nut graf explains why the news matters: the background and the stakes. Tick "
            "the sentences that do that job."),
        "framing.frame_functions": _placeholder(
            "03_framing", "choice", "What does this sentence do as a frame?",
            "Which of Entman's four functions of a frame (define a problem, diagnose a cause, "
            "make a moral judgement, suggest a remedy) does this sentence perform?"),
        "framing.which_variant": _placeholder(
            "03_framing", "match", "Which version is which?",
            "Several versions tell the same facts. Say which is the neutral one and from whose "
            "point of view each of the others is told."),
    }  # fmt: skip


# --------------------------------------------------------------------------------------------
# 02: attribution


def _plainly_named(article: Article, row) -> bool:
    """A direct quotation with its own verb and a name (not a pronoun): the easiest to answer."""
    mention = (_mention(article, row) or "").lower()
    return row["kind"] == "direct" and isinstance(row["cue"], str) and mention not in PRONOUNS


def _who_said_it(article: Article, quotes: pd.DataFrame, limit: int = 12) -> dict | None:
    marked = quotes[quotes["kind"] != "indirect"]
    if marked.empty:
        return None
    rows = [row for _, row in marked.iterrows()]
    while len(rows) > limit:  # drop the plainest items first: named in full, direct, later
        plain = [n for n, r in enumerate(rows) if _plainly_named(article, r)]
        del rows[plain[-1] if plain else -1]
    choices = sorted({_speaker_of(r) for _, r in quotes.iterrows()} - {NO_SPEAKER})
    choices.append(NO_SPEAKER)
    if len(choices) < 2:
        return None
    items = []
    for row in rows:
        where = ("headline" if row["sentence_id"] is None
                 else f"paragraph {_paragraph(row['sentence_id'])[1:]}")  # fmt: skip
        items.append({
            "id": row["quote_id"], "label": f"{_short(row['text'])} ({where})",
            "answer": _speaker_of(row), "explanation": why_speaker(article, row),
            "start": int(row["start"]), "end": int(row["end"]), "text": row["text"],
            "source": "kit",
        })  # fmt: skip
    return {
        "type": "match", "notebook": "02_attribution", "difficulty": "intermediate", **KIT,
        "title": "Who said it?",
        "prompt": "For each quotation, choose who the article says spoke the words. Watch for "
                  "pronouns (‘he said’), quotations that continue an earlier one, and words in "
                  "marks that the article gives to no one.",
        "choices": choices, "items": items,
    }  # fmt: skip


def _kind_of_attribution(article: Article, quotes: pd.DataFrame, limit: int = 9) -> dict | None:
    # Body quotations that carry their own attribution (continuations teach nothing new here),
    # up to three of each kind, speakers as varied as the article allows.
    own = [r for _, r in quotes.iterrows() if r["sentence_id"] is not None
           and (isinstance(r["cue"], str) or not isinstance(r["speaker"], str)
                or article.sentence_at(int(r["speaker_start"])) == r["sentence_id"])]  # fmt: skip
    by_kind = {
        kind: [r for r in own if r["kind"] == kind] for kind in ("direct", "partial", "indirect")
    }
    if sum(bool(rows) for rows in by_kind.values()) < 2:
        return None
    chosen: list = []
    for rows in by_kind.values():
        picked: list = []
        for r in rows:
            if len(picked) < limit // 3 and r["speaker"] not in [p["speaker"] for p in picked]:
                picked.append(r)
        for r in rows:
            if len(picked) < limit // 3 and not any(r is p for p in picked):
                picked.append(r)
        chosen += picked
    chosen.sort(key=lambda r: int(r["start"]))
    items = [{
        "id": row["quote_id"], "label": _extract(article, row), "answer": row["kind"],
        "explanation": why_kind(row), "start": int(row["start"]),
        "end": int(row["end"]), "text": row["text"], "source": "kit",
    } for row in chosen]  # fmt: skip
    return {
        "type": "match", "notebook": "02_attribution", "difficulty": "easy", **KIT,
        "title": "Direct, partial or indirect?",
        "prompt": "Each extract reports somebody's words. Is it a direct quotation (a whole "
                  "statement in marks), a partial quotation (a few words in marks inside the "
                  "writer's sentence) or indirect speech (reported without marks)?",
        "choices": ["direct", "partial", "indirect"], "items": items,
    }  # fmt: skip


def _rank_reporting_verbs(quotes: pd.DataFrame) -> dict | None:
    verbs = {row["term"].lower(): row for row in lexicons.read("reporting_verbs")}
    used: dict[str, tuple[str, str]] = {}
    for cue, sentence_id in zip(quotes["cue"], quotes["sentence_id"], strict=True):
        if isinstance(cue, str) and cue.lower() in verbs:
            used.setdefault(cue.lower(), (verbs[cue.lower()]["category"], sentence_id))
    if "said" in verbs:
        used.setdefault("said", (verbs["said"]["category"], "-"))
    one_per_category: dict[str, str] = {"neutral": "said"} if "said" in used else {}
    for verb, (category, _) in used.items():
        if category in VERB_SCALE:
            one_per_category.setdefault(category, verb)
    if len(one_per_category) < 3:
        return None
    ranked = sorted(one_per_category.items(), key=lambda kv: VERB_SCALE.index(kv[0]))
    items = []
    for position, (category, verb) in enumerate(ranked, start=1):
        sentence_id = used[verb][1]
        in_text = ("The plain verb, for comparison." if sentence_id == "-"
                   else f"The article uses it {_where(sentence_id)}.")  # fmt: skip
        items.append({
            "id": _slug(verb, set()), "label": verb, "position": position, "source": "kit",
            "explanation": f"‘{verb}’ is {category} in the kit's list of reporting verbs: "
                           f"{verbs[verb]['note']}. {in_text}",
        })  # fmt: skip
    items.sort(key=lambda item: item["label"])  # shown alphabetically, not in the answer's order
    return {
        "type": "order", "notebook": "02_attribution", "difficulty": "intermediate", **KIT,
        "title": "From neutral to loaded",
        "prompt": f"Put these reporting verbs in order, from the most neutral (1) to the most "
                  f"loaded ({len(items)}): the more a verb tells you what to think of the "
                  "speaker or of the claim, the more loaded it is.",
        "items": items,
    }  # fmt: skip


def _claim_without_source(article: Article, quotes: pd.DataFrame) -> dict | None:
    claims = attribution.unattributed_claims(article)
    targets: dict[str, str] = {}
    for row in claims.itertuples():
        targets.setdefault(row.sentence_id, f"‘{row.marker}’: {row.note}")
    for _, row in quotes.iterrows():
        if not isinstance(row["speaker"], str) and row["sentence_id"]:
            targets.setdefault(
                row["sentence_id"],
                f"The quoted words {row['text']} have no "
                "speaker in the article: someone's words, from no one named.",
            )
    if not targets:
        return None
    scope = sorted({_paragraph(s) for s in targets}, key=lambda p: int(p[1:]))
    sourced = {}
    for _, row in quotes.iterrows():
        sid = row["sentence_id"]
        if isinstance(row["speaker"], str) and sid and _paragraph(sid) in scope:
            sourced.setdefault(
                sid,
                f"Attributed: {row['speaker']} "
                f"({'‘' + row['cue'] + '’' if isinstance(row['cue'], str) else 'quoted'}).",
            )
    return {
        "type": "spans", "notebook": "02_attribution", "difficulty": "hard", "unit": "sentence",
        **KIT, "title": "Find the claims with no source",
        "prompt": f"In {', '.join(scope)}, tick each sentence that asserts something contested, "
                  "or quotes someone's words, without saying who the source is. Sentences that "
                  "name their source (even vaguely) do not count.",
        "scope": {"paragraph_ids": scope},
        "targets": [{**_sentence(article, sid), "explanation": why, "source": "kit"}
                    for sid, why in sorted(targets.items(), key=lambda kv: _order(kv[0]))],
        "distractors": [{**_sentence(article, sid), "explanation": why, "source": "kit"}
                        for sid, why in sorted(sourced.items(), key=lambda kv: _order(kv[0]))
                        if sid not in targets],
    }  # fmt: skip


def _order(sentence_id: str) -> tuple[int, int]:
    paragraph, _, sentence = sentence_id.partition(".s")
    return int(paragraph[1:]), int(sentence or 0)


# --------------------------------------------------------------------------------------------
# 03: framing


def _own(markers: pd.DataFrame) -> pd.DataFrame:
    """Markers in the writer's own words (not inside a quotation; scare quotes are the writer's)."""
    inside = markers["note"].str.endswith(framing.QUOTED_NOTE)
    return markers[~inside | (markers["category"] == "scare_quote")]


def _loaded_words(article: Article, markers: pd.DataFrame, timexes: pd.DataFrame) -> dict | None:
    own = _own(markers)
    loaded = own[own["category"].isin(LOADED) & own["sentence_id"].notna()].copy()
    if loaded.empty:
        return None
    loaded["paragraph"] = [_paragraph(s) for s in loaded["sentence_id"]]
    counts = loaded.groupby("paragraph", sort=False).size()
    best = max(counts.index, key=lambda p: (counts[p], -int(p[1:])))
    targets = loaded[loaded["paragraph"] == best]
    spans = [(int(s), int(e)) for s, e in zip(targets["start"], targets["end"], strict=True)]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in spans)

    row = article.paragraphs.set_index("paragraph_id").loc[best]
    distractors = []
    for m in own[own["category"].isin(["contrast", "intensifier", "hedge"])].itertuples():
        if row["start"] <= m.start < row["end"] and free(m.start, m.end):
            distractors.append({"start": int(m.start), "end": int(m.end), "text": m.text,
                                "explanation": f"‘{m.text}’ is the writer's structure "
                                f"({m.category}), not a loaded word: {m.note}"})  # fmt: skip
            spans.append((int(m.start), int(m.end)))
    for t in timexes.itertuples():
        if row["start"] <= t.start < row["end"] and free(t.start, t.end):
            distractors.append({"start": int(t.start), "end": int(t.end), "text": t.text,
                                "explanation": f"‘{t.text}’ is a date: you may check it, but a "
                                "wrong date is an error of fact, not a loaded word."})  # fmt: skip
            spans.append((int(t.start), int(t.end)))
    names = 0
    for m in CAPITALISED.finditer(article.text, int(row["start"]), int(row["end"])):
        if names < 3 and m.group() not in NOT_NAMES | MONTHS and free(m.start(), m.end()):
            distractors.append({"start": m.start(), "end": m.end(), "text": m.group(),
                                "explanation": f"‘{m.group()}’ is a plain name: the kit's lists "
                                "do not flag it, and nothing in it takes a side."})  # fmt: skip
            spans.append((m.start(), m.end()))
            names += 1
    label = {c: c.replace("_", " ") for c in LOADED}
    return {
        "type": "spans", "notebook": "03_framing", "difficulty": "intermediate", "unit": "word",
        **KIT, "title": "Highlight the loaded words",
        "prompt": f"Paragraph {best[1:]} has the most loaded words of the article. Select every "
                  "word that takes a side, judges, or hides who did what: contested names, "
                  "evaluative words, loaded reporting verbs, agentless verbs and scare quotes.",
        "scope": {"paragraph_ids": [best]},
        "targets": [{"start": int(m.start), "end": int(m.end), "text": m.text,
                     "category": m.category, "source": "kit",
                     "explanation": f"‘{m.text}’ ({label[m.category]}): {m.note}"}
                    for m in targets.itertuples()],
        "distractors": [{**d, "source": "kit"} for d in sorted(distractors,
                                                               key=lambda d: d["start"])],
    }  # fmt: skip


def _side(note: str) -> str | None:
    for pattern in SIDE_PATTERNS:
        found = pattern.search(note)
        if found:
            return " and ".join(g for g in found.groups() if g)
    return None


def _context(article: Article, start: int, end: int, words: int = 3) -> str:
    """A few words either side of ``[start, end)``, within its sentence: "…the Ukraine crisis…"."""
    sentence_id = article.sentence_at(start)
    first, last = article.headline_span or (0, len(article.text))
    if sentence_id:
        bounds = _sentence(article, sentence_id)
        first, last = bounds["start"], bounds["end"]
    left = " ".join(article.text[first:start].split()[-words:])
    right = " ".join(article.text[end:last].split()[: words - 1])
    piece = article.text[start:end]
    gap_left = " " if left and article.text[start - 1].isspace() else ""
    gap_right = " " if right and end < len(article.text) and article.text[end].isspace() else ""
    return f"…{left}{gap_left}{piece}{gap_right}{right}…"


def _naming_sides(article: Article, markers: pd.DataFrame) -> dict | None:
    notes = {row["term"].lower(): row for row in lexicons.read("framing_naming")}
    items, seen = [], set()
    for m in markers[markers["category"] == "naming"].itertuples():
        entry = notes.get(m.text.lower())
        if entry is None or m.text.lower() in seen or not side_dependent(entry):
            continue
        side = entry.get("side") or _side(entry["note"])
        if not side:
            continue
        seen.add(m.text.lower())
        items.append({
            "id": _slug(m.text, set(i["id"] for i in items)),
            "label": _context(article, int(m.start), int(m.end)),
            "answer": f"{side}'s framing",
            "explanation": f"The kit's naming list says of ‘{m.text}’: {entry['note']}",
            "start": int(m.start), "end": int(m.end), "text": m.text, "source": "kit",
        })  # fmt: skip
    choices = sorted({i["answer"] for i in items})
    if len(choices) < 2:
        return None
    return {
        "type": "match", "notebook": "03_framing", "difficulty": "intermediate", **KIT,
        "title": "Who would say it that way?",
        "prompt": "Each word below is one way of naming something the article is about. Whose "
                  "word is it: which side would choose it?",
        "choices": choices, "items": items,
    }  # fmt: skip


def _writer_voice(article: Article, markers: pd.DataFrame, quotes: pd.DataFrame) -> dict | None:
    own = _own(markers)
    claims = set(attribution.unattributed_claims(article)["sentence_id"])
    attributed: dict[str, str] = {}
    for _, q in quotes.iterrows():
        if isinstance(q["speaker"], str) and q["sentence_id"]:
            attributed.setdefault(q["sentence_id"], q["speaker"])
    verdicts: dict[str, tuple[bool, str]] = {}
    for sid in article.sentences["sentence_id"]:
        mine = own[(own["sentence_id"] == sid) & (own["category"] != "reporting_verb")]
        turns = mine[mine["category"] == "contrast"]
        words = ", ".join(f"‘{t}’ ({c.replace('_', ' ')})"
                          for t, c in zip(mine["text"], mine["category"], strict=True))  # fmt: skip
        if sid in claims or (not mine.empty and (sid not in attributed or not turns.empty)):
            verdicts[sid] = (
                True,
                f"The writer's own words carry {words or 'an unsourced claim'}"
                + (
                    ""
                    if sid not in attributed
                    else f", beside what is reported from {attributed[sid]}"
                )
                + ": no one is quoted as saying this part.",
            )
        elif sid in attributed:
            verdicts[sid] = (
                False,
                f"Attributed: the words or the claim are {attributed[sid]}'s, "
                "not the writer's, even where they are strong.",
            )
    by_paragraph: dict[str, list[str]] = {}
    for sid in verdicts:
        by_paragraph.setdefault(_paragraph(sid), []).append(sid)
    ids = list(article.paragraphs["paragraph_id"])
    best, best_score = None, 0
    for first in range(len(ids)):
        window = ids[first : first + 6]
        chosen = [s for p in window for s in by_paragraph.get(p, [])]
        hits = sum(verdicts[s][0] for s in chosen)
        if hits > best_score and any(not verdicts[s][0] for s in chosen):
            best, best_score = window, hits
    if best is None:
        return None
    chosen = [s for p in best for s in by_paragraph.get(p, [])]
    notes = {True: [], False: []}
    for sid in chosen:
        target, why = verdicts[sid]
        notes[target].append({**_sentence(article, sid), "explanation": why, "source": "kit"})
    return {
        "type": "spans", "notebook": "03_framing", "difficulty": "hard", "unit": "sentence",
        **KIT, "title": "Where does the writer's own voice enter?",
        "prompt": f"In paragraphs {best[0][1:]} to {best[-1][1:]}, tick each sentence where the "
                  "writer, not a quoted speaker, judges, contrasts or asserts something "
                  "contested without a source.",
        "scope": {"paragraph_ids": best},
        "targets": notes[True], "distractors": notes[False],
    }  # fmt: skip


def _rewrite(article: Article, markers: pd.DataFrame) -> dict | None:
    own = _own(markers)
    own = own[own["sentence_id"].notna()]
    if own.empty:
        return None
    counts = own.groupby("sentence_id", sort=False).size()
    best = max(counts.index, key=lambda s: (counts[s], -_order(s)[0], -_order(s)[1]))
    sentence = _sentence(article, best)
    found = own[own["sentence_id"] == best]
    marked = [(int(s) - sentence["start"], int(e) - sentence["start"])
              for s, e in zip(found["start"], found["end"], strict=True)]  # fmt: skip
    keep: list[list[str]] = []
    for m in [*CAPITALISED.finditer(sentence["text"]), *NUMBER.finditer(sentence["text"])]:
        word = m.group().rstrip(".,")
        inside = any(s <= m.start() < e for s, e in marked)
        if word and word not in NOT_NAMES and not inside and [word] not in keep:
            keep.append([word])
    keep = keep[:5]
    words = ", ".join(f"‘{t}’ ({c.replace('_', ' ')})"
                      for t, c in zip(found["text"], found["category"], strict=True))  # fmt: skip
    facts = ", ".join(k[0] for k in keep)
    return {
        "type": "text", "notebook": "03_framing", "difficulty": "hard", **KIT,
        "title": "Rewrite it neutrally",
        "prompt": "Rewrite this sentence so that it keeps the facts"
                  + (f" ({facts})" if facts else "") + " but loses the framing markers. The "
                  "count under the box updates as you type.",
        "source": "kit",
        "original": sentence["text"], "placeholder": "Rewrite the sentence here ...",
        "keep": keep,
        "explanation": f"The kit finds {len(found)} framing markers in the writer's own words "
                       f"here: {words}. A neutral version keeps the facts"
                       + (f" ({facts})" if facts else "") + ", says who claims what, and drops "
                       "or replaces those words; words inside quotation marks stay the "
                       "speaker's.",
    }  # fmt: skip


# --------------------------------------------------------------------------------------------
# 04: chronology


def _precision(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "a day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "a month"
    if re.fullmatch(r"\d{4}", value):
        return "a year"
    if value.startswith("P"):
        return "a length of time"
    if value.endswith("_REF"):
        return "a vague reference to " + {
            "PRESENT_REF": "now",
            "PAST_REF": "the past",
            "FUTURE_REF": "the future",
        }.get(value, "a time")
    return "a period"


def anchor_of(article: Article, timexes: pd.DataFrame) -> tuple[str, str]:
    """The anchor relative dates count from, as ``(value, why)``, in the words of rule 1."""
    if article.published:
        day = article.published
        found = DATELINE.match(article.text, *article.paragraph_spans[0]) if len(
            article.paragraph_spans) else None  # fmt: skip
        if found:
            line = found.group().strip(" —–-")
            return day.isoformat(), f"the dateline, {line}"
        return day.isoformat(), f"the article's publication date, {_date(day)}"
    full = [row for row in timexes.itertuples()
            if YEAR.search(row.text) and re.match(r"\d{4}", row.value)]  # fmt: skip
    if not full:
        return str(chronology.STAND_IN_YEAR), "no date at all: the kit uses a stand-in year"
    latest = max(full, key=lambda row: (row.value, -row.start))
    return latest.value[:4], (
        f"the year of the latest date the article writes in full (‘{latest.text}’, "
        f"{_where(latest.sentence_id)}), since it has no dateline or publication date"
    )


def why_value(timexes: pd.DataFrame, row, anchor: tuple[str, str]) -> str:
    """Why a time expression has its value: anchor, story, or the text itself."""
    text, value = row.text, row.value
    precision = _precision(value)
    if row.type in ("DURATION", "SET"):
        kind = "a length of time" if row.type == "DURATION" else "a repetition (a frequency)"
        return f"‘{text}’ is {kind}, not a point in time: {value}."
    if not YEAR.search(text) and FROM_STORY.search(text):
        earlier = timexes[(timexes["start"] < row.start) & timexes["value"].str.match(r"\d{4}")]
        if not earlier.empty:
            previous = earlier.iloc[-1]
            return (
                f"‘{text}’ counts from the date told just before it, ‘{previous['text']}’ "
                f"({previous['value']}, {_where(previous['sentence_id'])}): {value}, {precision}."
            )
    if not YEAR.search(text) and CALENDAR.search(text):
        return (
            f"‘{text}’ names no year: it takes the year that fits {anchor[1]} ({anchor[0]}), "
            f"so it is {value}, {precision}."
        )
    if not YEAR.search(text):
        return (
            f"‘{text}’ is not a full date: it counts from {anchor[1]} ({anchor[0]}), "
            f"so it is {value}, {precision}."
        )
    if precision == "a month":
        return (
            f"‘{text}’ is a month with its year: {value}, at month precision. {value}-01 would "
            "claim a day the article never gave."
        )
    return f"‘{text}’ is written in full: {value}, {precision}."


def _find_time_expressions(article: Article, timexes: pd.DataFrame, why: dict) -> dict | None:
    body = timexes[timexes["sentence_id"].notna()]
    if body.empty:
        return None
    sentences = list(dict.fromkeys(body["sentence_id"]))[:10]
    targets = body[body["sentence_id"].isin(sentences)]
    spans = [(int(s), int(e)) for s, e in zip(targets["start"], targets["end"], strict=True)]
    distractors = []
    rows = article.sentences.set_index("sentence_id")
    non_dates = [r["term"] for r in lexicons.read("chronology_non_dates")]
    for sid in rows.index:
        start, end = int(rows.loc[sid, "start"]), int(rows.loc[sid, "end"])
        found = []
        for pattern, reason in (
            (ORDINALS, "is a count or an order, not a date (no month goes with it)"),
            (SIGNALS, "orders events (before, after, since) without naming a time: a signal, "
                      "not a time expression"),
        ):  # fmt: skip
            found += [(m.start(), m.end(), m.group(), reason)
                      for m in pattern.finditer(article.text, start, end)]  # fmt: skip
        for term in non_dates:
            for m in re.finditer(rf"\b{re.escape(term)}\b", article.text[start:end]):
                found.append((start + m.start(), start + m.end(), m.group(),
                              "is a name that contains a time word, not a date"))  # fmt: skip
        for s, e, word, reason in found:
            if any(s < te and ts < e for ts, te in spans):
                continue
            if sid not in sentences and len(sentences) >= 12:
                continue
            sentences.append(sid) if sid not in sentences else None
            spans.append((s, e))
            distractors.append({"start": s, "end": e, "text": word, "source": "kit",
                                "explanation": f"‘{word}’ {reason}."})  # fmt: skip
    sentences.sort(key=_order)
    return {
        "type": "spans", "notebook": "04_chronology", "difficulty": "easy", "unit": "word",
        **KIT, "title": "Find the time expressions",
        "prompt": "Select every word that is part of a time expression (a date, a time, a "
                  "duration or a frequency) in these sentences. Ordering words and counts are "
                  "not time expressions.",
        "scope": {"sentence_ids": sentences},
        "targets": [{"start": int(t.start), "end": int(t.end), "text": t.text,
                     "category": t.type, "explanation": why[t.timex_id], "source": "kit"}
                    for t in targets.itertuples()],
        "distractors": sorted(distractors, key=lambda d: d["start"]),
    }  # fmt: skip


def _slips(value: str) -> list[str]:
    """Wrong values a plausible slip away: a day, a month or a year off, or a made-up day."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = pd.Timestamp(value)
        return [(day + pd.Timedelta(days=d)).date().isoformat() for d in (-1, 1)] + [
            f"{day.year + 1}{value[4:]}"
        ]
    if re.fullmatch(r"\d{4}-\d{2}", value):
        month = pd.Period(value, freq="M")
        return [value + "-01", str(month + 1)]
    if re.fullmatch(r"\d{4}", value):
        return [str(int(value) - 1), str(int(value) + 1)]
    return []


def _resolve_dates(timexes: pd.DataFrame, why: dict, limit: int = 6) -> dict | None:
    body = timexes[timexes["sentence_id"].notna() & (timexes["type"] == "DATE")]
    body = body[body["value"].str.match(r"\d{4}(-\d{2}){0,2}$")]
    relative = [t for t in body.itertuples() if not YEAR.search(t.text)]
    partial = [t for t in body.itertuples()
               if YEAR.search(t.text) and re.fullmatch(r"\d{4}-\d{2}", t.value)]  # fmt: skip
    chosen = sorted((relative + partial[:2])[:limit], key=lambda t: t.start)
    if not chosen:
        return None
    choices = set()
    for t in chosen:
        choices |= {t.value, *_slips(t.value)}
    taken: set = set()
    items = [{
        "id": _slug(t.text, taken), "label": f"“{t.text}” ({t.sentence_id})", "answer": t.value,
        "explanation": why[t.timex_id], "start": int(t.start), "end": int(t.end),
        "text": t.text, "sentence_id": t.sentence_id, "source": "kit",
    } for t in chosen]  # fmt: skip
    return {
        "type": "match", "notebook": "04_chronology", "difficulty": "intermediate", **KIT,
        "title": "Resolve the dates",
        "prompt": "Give each expression its TimeML value, at the precision the text gives "
                  "(a year, a month or a day).",
        "choices": sorted(choices), "items": items,
    }  # fmt: skip


def _order_events(article: Article, limit: int = 6) -> dict | None:
    events = chronology.timeline(article)
    events = events[events["date_start"].notna() & events["sentence_id"].notna()]
    rank = {"day": 0, "month": 1, "week": 2, "season": 3, "quarter": 3, "year": 4}
    chosen, sentences = [], set()
    for row in sorted(events.itertuples(), key=lambda r: (rank.get(r.precision, 5), r.position)):
        overlaps = any(row.date_start <= c.date_end and c.date_start <= row.date_end
                       for c in chosen)  # fmt: skip
        if not overlaps and row.sentence_id not in sentences and len(chosen) < limit:
            chosen.append(row)
            sentences.add(row.sentence_id)
    if len(chosen) < 3:
        return None
    in_time = sorted(chosen, key=lambda r: r.date_start)
    told = sorted(chosen, key=lambda r: r.position)
    items = []
    for place, row in enumerate(in_time, start=1):
        told_at = told.index(row) + 1
        items.append({
            "id": row.event_id,
            "label": f"{row.label} (paragraph {_paragraph(row.sentence_id)[1:]})",
            "position": place, "source": "kit",
            "explanation": f"‘{row.timex_text}’ dates it to {row.value} ({row.precision}): "
                           f"number {place} in time, told number {told_at} of {len(told)} in "
                           f"the article ({_paragraph(row.sentence_id)}).",
        })  # fmt: skip
    items.sort(key=lambda i: int(i["id"].lstrip("e")) if i["id"].lstrip("e").isdigit() else 0)
    return {
        "type": "order", "notebook": "04_chronology", "difficulty": "intermediate", **KIT,
        "title": "Put the events in order",
        "prompt": "Put these events in the order they happened (1 = earliest), going by the "
                  "dates the article gives. The paragraph tells you where to look; notice how "
                  "different the order of telling is.",
        "items": items,
    }  # fmt: skip


def _date_the_article(article: Article) -> dict | None:
    evidence = chronology.estimate_published(article)
    window = evidence[evidence["kind"] == "window"]
    if window.empty or pd.isna(window.iloc[0]["not_before"]):
        return None
    first, last = window.iloc[0]["not_before"], window.iloc[0]["not_after"]
    reasons = [r for r in evidence.itertuples() if r.kind != "window" and not pd.isna(r.not_before)]
    latest = next((r.reason for r in reasons if r.kind == "latest past event"), None)
    later = next((r.reason for r in reasons if not pd.isna(r.not_after)), None)
    right = (f"Between {_date(first)} and {_date(last)}" if not pd.isna(last)
             else f"On or after {_date(first)}")  # fmt: skip
    published = (f" The article's own date, {_date(article.published)}, is "
                 + ("inside" if first <= pd.Timestamp(article.published) <= (
                     last if not pd.isna(last) else pd.Timestamp.max) else "outside")
                 + " this window." if article.published else "")  # fmt: skip
    options = [
        {"id": "window", "label": right, "correct": True, "source": "kit",
         "explanation": " ".join(r.reason for r in reasons[:3]) + published},
        {"id": "before", "label": f"Before {_date(first)}", "correct": False, "source": "kit",
         "explanation": "Too early. " + (latest or f"The article tells events of {_date(first)} "
                                         "as already past.")},
        {"id": "year_before", "label": f"Some time in {first.year - 1}", "correct": False,
         "source": "kit", "explanation": f"Too early: the article tells events of {first.year} "
                                         "as already past."},
    ]  # fmt: skip
    if not pd.isna(last):
        options.append({"id": "after", "label": f"After {_date(last)}", "correct": False,
                        "source": "kit", "explanation": "Too late. " + (later or "The article's "
                        "relative dates would point to another year.")})  # fmt: skip
    return {
        "type": "choice", "notebook": "04_chronology", "difficulty": "hard", "multiple": False,
        **KIT, "title": "Date the article from its own evidence",
        "prompt": "Using only what the article says, when was it most likely written?",
        "options": options,
    }  # fmt: skip


def reference_for(article: Article) -> Path | None:
    """The reference timeline of ``article``: ``NAME.reference.csv`` beside its file, else the
    bundled ``data/reference/NAME.csv``; ``None`` when there is neither."""
    if not article.name:
        return None
    if article.path is not None:
        beside = Path(article.path).with_name(f"{article.name}.reference.csv")
        if beside.is_file():
            return beside
    bundled = paths.reference_dir() / f"{article.name}.csv"
    return bundled if bundled.is_file() else None


def _spot_disagreements(article: Article, checked: pd.DataFrame | None) -> dict | None:
    if checked is None:
        return None
    rows = checked[
        checked["sentence_id"].notna() & checked["verdict"].isin(["agrees", "disagrees"])
    ]
    notes: dict[bool, dict[str, dict]] = {True: {}, False: {}}
    for r in rows.itertuples():
        wrong = r.verdict == "disagrees"
        why = (f"{'Disagrees' if wrong else 'Agrees'}: the article says ‘{r.article_text}’ "
               f"({r.article_value}); the reference timeline dates “{r.event}” to "
               f"{r.reference_date}. {r.note or ''}").strip()  # fmt: skip
        if r.sentence_id not in notes[True]:
            notes[wrong].setdefault(
                r.sentence_id,
                {**_sentence(article, r.sentence_id), "explanation": why, "source": "kit"},
            )
    for sid in notes[True]:
        notes[False].pop(sid, None)
    if not notes[True]:
        return None
    scope = sorted({*notes[True], *notes[False]}, key=_order)
    return {
        "type": "spans", "notebook": "04_chronology", "difficulty": "hard", "unit": "sentence",
        **KIT, "title": "Spot the dates that disagree with the record",
        "prompt": "Compare the article's dates with the reference timeline. Select the "
                  "sentences whose date disagrees with the record (a less precise date that "
                  "contains the right one is not a disagreement).",
        "scope": {"sentence_ids": scope},
        "targets": [notes[True][s] for s in sorted(notes[True], key=_order)],
        "distractors": [notes[False][s] for s in sorted(notes[False], key=_order)],
    }  # fmt: skip


# --------------------------------------------------------------------------------------------
# Remarks: the article-specific sentences the notebooks show


def draft_remarks(article: Article, *, quotes=None, markers=None, timexes=None) -> dict[str, str]:
    """The ``remarks`` of a drafted key: dateline, headline, frequent names, anchor, sources."""
    quotes = attribution.quotes(article) if quotes is None else quotes
    markers = framing.markers(article) if markers is None else markers
    timexes = chronology.time_expressions(article) if timexes is None else timexes
    remarks = {}
    found = DATELINE.match(article.text, *article.paragraph_spans[0]) if len(
        article.paragraph_spans) else None  # fmt: skip
    if found:
        remarks["anatomy.dateline"] = f"The dateline says {found.group().strip(' —–-')}."
    elif article.published:
        remarks["anatomy.dateline"] = (
            "This article has no dateline, but its details give the date it was published: "
            f"{_date(article.published)}. Nothing in the text says where it was filed."
        )
    else:
        remarks["anatomy.dateline"] = (
            "This article has no dateline: nothing says where or when it was filed."
        )
    if article.headline and article.headline_span:
        start, end = article.headline_span
        head = markers[(markers["start"] >= start) & (markers["end"] <= end)]
        quoted = quotes[quotes["sentence_id"].isna()]
        words = "; ".join(f"‘{t}’ ({c.replace('_', ' ')})"
                          for t, c in zip(head["text"], head["category"], strict=True))  # fmt: skip
        remark = f"The headline says “{article.headline}”."
        if len(quoted):
            remark += f" It quotes {', '.join(quoted['text'])}: whose words, and where in the body?"
        remark += (f" Its framing words: {words}." if words
                   else " The kit finds no framing markers in it.")  # fmt: skip
        remarks["anatomy.headline"] = remark + " Does the body deliver what it promises?"
    counts = Counter(
        m.group() for m in CAPITALISED.finditer(article.body)
        if m.group() not in NOT_NAMES | MONTHS
    )  # fmt: skip
    frequent = [w for w, n in counts.most_common(8) if n >= 2][:5]
    if len(frequent) < 3:
        frequent = [w for w, _ in counts.most_common(3)]
    remarks["anatomy.words"] = ", ".join(frequent)
    remarks["chronology.anchor"] = _anchor_remark(article, timexes)
    remarks["attribution.sources"] = _sources_remark(article)
    return remarks


def _anchor_remark(article: Article, timexes: pd.DataFrame) -> str:
    value, why = anchor_of(article, timexes)
    relative = [t for t in timexes["text"] if not YEAR.search(t)]
    if not relative:
        return f"Every date in this article carries its year; the anchor ({why}) changes nothing."
    return (
        f"Relative dates such as ‘{relative[0]}’ count from {why}: {value}. Dates such as "
        "‘the next day’ count instead from the date the story has just told."
    )


def _sources_remark(article: Article) -> str:
    table = attribution.sources(article)
    if table.empty:
        return "The article quotes no one: every claim is in the writer's own voice."
    named = table[table["speaker"].notna()]
    people = ", ".join(f"{r.speaker} ({r.quotes})" for r in named.head(5).itertuples())
    missing = int(table[table["speaker"].isna()]["quotes"].sum())
    vague = int(table[table["source_type"].isin(["anonymous", "group"])]["quotes"].sum())
    line = f"{int(table['quotes'].sum())} quotations from {len(named)} sources: {people}"
    if len(named) > 5:
        line += ", and others"
    extra = []
    if vague:
        extra.append(f"{vague} from unnamed or vague sources")
    if missing:
        extra.append(f"{missing} with no speaker at all")
    return line + (f"; {' and '.join(extra)}." if extra else ".")


# --------------------------------------------------------------------------------------------
# The key


def draft_key(article: Article) -> dict:
    """A complete answer key for ``article``, drafted from the analysers, marked as a draft.

    Every exercise the text supports gets ``"status": "kit"`` and explanations from the
    analysers' reasons; exercises that need judgement are placeholders; exercises with nothing
    to ask are left out. The key also carries the analysers' tables (``attribution``,
    ``framing``, ``chronology``) and the article's ``remarks``. Deterministic.

    >>> import kit
    >>> draft = draft_key(kit.load_article("kerry-lavrov-moscow"))
    >>> draft["draft"], draft["exercises"]["attribution.who_said_it"]["status"]
    (True, 'kit')
    """
    quotes = attribution.quotes(article)
    markers = framing.markers(article)
    timexes = chronology.time_expressions(article)
    anchor = anchor_of(article, timexes)
    why = {t.timex_id: why_value(timexes, t, anchor) for t in timexes.itertuples()}
    reference = reference_for(article)
    checked = chronology.cross_check(article, reference) if reference is not None else None
    placeholders = _placeholders(article)
    drafted = {
        "start.credit_line": _credit_line(article),
        "anatomy.lede": _lede(article, quotes, timexes),
        "anatomy.five_ws": placeholders["anatomy.five_ws"],
        "anatomy.headline_promise": placeholders["anatomy.headline_promise"],
        "anatomy.nut_graf": placeholders["anatomy.nut_graf"],
        "framing.frame_functions": placeholders["framing.frame_functions"],
        "framing.loaded_words": _loaded_words(article, markers, timexes),
        "framing.naming_sides": _naming_sides(article, markers),
        "framing.writer_voice": _writer_voice(article, markers, quotes),
        "framing.which_variant": placeholders["framing.which_variant"],
        "framing.rewrite": _rewrite(article, markers),
        "chronology.find_time_expressions": _find_time_expressions(article, timexes, why),
        "chronology.resolve_dates": _resolve_dates(timexes, why),
        "chronology.order_events": _order_events(article),
        "chronology.date_the_article": _date_the_article(article),
        "chronology.spot_disagreements": _spot_disagreements(article, checked),
        "attribution.who_said_it": _who_said_it(article, quotes),
        "attribution.kind_of_attribution": _kind_of_attribution(article, quotes),
        "attribution.rank_reporting_verbs": _rank_reporting_verbs(quotes),
        "attribution.claim_without_source": _claim_without_source(article, quotes),
    }
    key = {
        "article": article.name or "article",
        "version": 1,
        "draft": True,
        "remarks": draft_remarks(article, quotes=quotes, markers=markers, timexes=timexes),
        "exercises": {name: drafted[name] for name in EXERCISES if drafted[name] is not None},
        "attribution": _attribution_gold(article, quotes),
        "framing": _framing_gold(markers),
        "chronology": _chronology_gold(article, timexes, why, anchor, checked),
    }
    return key


def _attribution_gold(article: Article, quotes: pd.DataFrame) -> dict:
    rows = _rows(quotes, attribution.COLUMNS)
    for row, (_, quote) in zip(rows, quotes.iterrows(), strict=True):
        row["explanation"] = why_speaker(article, quote) + " " + why_kind(quote)
    claims = attribution.unattributed_claims(article)
    return {
        "description": "The quotations as kit.attribution.quotes reads them (the kit's reading, "
                       "not reviewed), with the reasons for each speaker and kind.",
        "quotes": rows,
        "unattributed": [{"sentence_id": c.sentence_id, "start": int(c.start), "end": int(c.end),
                          "text": c.text, "explanation": f"‘{c.marker}’: {c.note}"}
                         for c in claims.itertuples()],
    }  # fmt: skip


def _framing_gold(markers: pd.DataFrame) -> dict:
    items = _rows(markers, ["start", "end", "text", "category", "sentence_id"])
    for number, (item, note) in enumerate(zip(items, markers["note"], strict=True), start=1):
        item["id"] = f"f{number}"
        item["explanation"] = note
    return {
        "description": "The framing markers as kit.framing.markers reads them (the kit's "
                       "reading, not reviewed); each explanation is the note of its word list.",
        "categories": dict(framing.CATEGORIES),
        "items": items,
    }  # fmt: skip


def _chronology_gold(article, timexes, why, anchor, checked) -> dict:
    rows = _rows(timexes, ["start", "end", "text", "type", "value", "sentence_id"])
    for row, timex_id in zip(rows, timexes["timex_id"], strict=True):
        row["explanation"] = why[timex_id]
    gold = {
        "description": "The time expressions as kit.chronology.time_expressions reads them (the "
                       "kit's reading, not reviewed), with the anchor relative dates count from.",
        "anchor": {"value": anchor[0], "explanation": f"Relative dates count from {anchor[1]}."},
        "time_expressions": rows,
    }  # fmt: skip
    window = chronology.estimate_published(article)
    window = window[window["kind"] == "window"]
    if len(window) and not pd.isna(window.iloc[0]["not_before"]):
        gold["published_window"] = {
            "not_before": _plain(window.iloc[0]["not_before"]),
            "not_after": _plain(window.iloc[0]["not_after"]),
            "explanation": str(window.iloc[0]["reason"]),
        }
    if checked is not None:
        wrong = checked[checked["verdict"] == "disagrees"]
        gold["disagreements"] = [
            {"event_id": r.event_id, "article_text": r.article_text,
             "article_value": r.article_value, "reference_date": r.reference_date,
             "sentence_id": r.sentence_id, "explanation": str(r.note or r.event)}
            for r in wrong.itertuples()
        ]  # fmt: skip
    return gold


# --------------------------------------------------------------------------------------------
# How far a draft agrees with a reviewed key


def _answers(item: dict) -> set[str]:
    given = item["answer"] if isinstance(item["answer"], list) else [item["answer"]]
    return {" ".join(a.lower().split()).removeprefix("the ") for a in given}


def agreement(draft: dict, reviewed: dict) -> pd.DataFrame:
    """Compare a drafted key with a reviewed one, exercise by exercise.

    One row per exercise that both keys answer (placeholders aside), with columns ``exercise,
    type, compared, agreed, agreement, coverage``:

    - match exercises: each reviewed item is looked up in the draft by its span (the same
      quotation or expression: the spans overlap), else by id; it agrees when the answers are
      the same, ignoring case and a leading "the". ``compared`` counts the items found in both,
      ``coverage`` is that count over the reviewed items.
    - spans exercises: the reviewed targets and the draft's targets in the same region (from
      the first to the last span the reviewed exercise marks);
      a target agrees when both have exactly the same span. ``agreement`` is agreed targets over
      all distinct targets of the two (a missing and an extra target both count against it).
    - choice and order exercises: the same correct option ids, or the same positions by id.

    Exercises with nothing in common (no shared item, option or span) are left out.

    >>> import kit
    >>> art = kit.load_article("kerry-lavrov-moscow")
    >>> table = agreement(draft_key(art), kit.keys.load_key(art))
    >>> "attribution.who_said_it" in set(table["exercise"])
    True
    """
    rows = []
    for name, theirs in reviewed.get("exercises", {}).items():
        mine = draft.get("exercises", {}).get(name)
        if mine is None or "placeholder" in (mine.get("status"), theirs.get("status")):
            continue
        if mine["type"] != theirs["type"]:
            continue
        kind = theirs["type"]
        if kind == "match":
            compared = agreed = 0
            for item in theirs["items"]:
                match = _find_item(item, mine["items"])
                if match is not None:
                    compared += 1
                    agreed += bool(_answers(item) & _answers(match))
            coverage = compared / len(theirs["items"])
        elif kind == "spans":
            inside = _scope_filter(theirs)
            ours = {(t["start"], t["end"]) for t in mine["targets"] if inside(t)}
            wanted = {(t["start"], t["end"]) for t in theirs["targets"]}
            compared, agreed = len(ours | wanted), len(ours & wanted)
            coverage = len(ours & wanted) / len(wanted)
        elif kind == "choice":
            if not {o["id"] for o in mine["options"]} & {o["id"] for o in theirs["options"]}:
                continue  # options named differently: nothing to compare
            compared, coverage = 1, 1.0
            agreed = int({o["id"] for o in mine["options"] if o["correct"]}
                         == {o["id"] for o in theirs["options"] if o["correct"]})  # fmt: skip
        elif kind == "order":
            positions = {i["id"]: i["position"] for i in mine["items"]}
            shared = [i for i in theirs["items"] if i["id"] in positions]
            compared = len(shared)
            agreed = sum(positions[i["id"]] == i["position"] for i in shared)
            coverage = compared / len(theirs["items"])
        else:
            continue
        if not compared:
            continue
        rows.append({
            "exercise": name, "type": kind, "compared": compared, "agreed": agreed,
            "agreement": agreed / compared if compared else float("nan"), "coverage": coverage,
        })  # fmt: skip
    return pd.DataFrame(
        rows, columns=["exercise", "type", "compared", "agreed", "agreement", "coverage"]
    )


def _find_item(item: dict, candidates: list[dict]) -> dict | None:
    """The same quotation or expression in ``candidates``: the same span, else the same id,
    else the first span that overlaps it (a partial quotation sits inside its indirect clause)."""
    if "start" in item and "end" in item:
        for other in candidates:
            if (other.get("start"), other.get("end")) == (item["start"], item["end"]):
                return other
        for other in candidates:
            if other["id"] == item["id"] and "start" in other:
                return other
        for other in candidates:
            if "start" in other and other["start"] < item["end"] and item["start"] < other["end"]:
                return other
        return None
    return next((other for other in candidates if other["id"] == item["id"]), None)


def _scope_filter(spec: dict):
    """A test: does a draft's span lie in the region a reviewed spans exercise covers?

    The region runs from the first to the last span the reviewed exercise marks (targets and
    distractors): draft targets outside it are about other sentences, not disagreements.
    """
    spans = [(n["start"], n["end"]) for n in (*spec["targets"], *spec.get("distractors", []))]
    low = min(start for start, _ in spans)
    high = max(end for _, end in spans)
    return lambda note: low <= note["start"] and note["end"] <= high
