"""Attribution, step 4: putting it together, sentence by sentence.

:func:`analyse` reads the article once, in order: quotation marks per paragraph
(:mod:`~kit.attribution.marks`), verbs of saying and their speakers per sentence
(:mod:`~kit.attribution.cues`, :mod:`~kit.attribution.speakers`), then decides for each
quotation whether it is direct or partial and which verb it belongs to
(:func:`_attribute_quotation`), and collects indirect speech
(:mod:`~kit.attribution.clauses`). Quotations with no verb of their own go to whoever spoke
last (:func:`_continue_quotations`):

    “We will rebuild,” Ferran said. “We always have.”

Both quotations are direct and both are Ferran's: the second continues the first.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from kit.article import Article
from kit.attribution.clauses import indirect_content, stop_at_other_attribution
from kit.attribution.cues import Event, cue_pattern, event_speaker, find_cues, sentence_subject
from kit.attribution.marks import ELLIPSIS_OR_BRACKET, OPEN_DOUBLE, quotation_spans
from kit.attribution.speakers import Mention, Resolver, abbreviations, classify, track_subjects
from kit.attribution.words import SPEECH_CATEGORIES, refresh, word_class
from kit.collector import paused

# --------------------------------------------------------------------------------------------
# Small data holders and the sentences the analysis reads


@dataclass
class Quote:
    """One quotation as the analysis builds it: its span, kind, speaker mention, verb of saying
    (``cue``), the sentence it starts in, and the number of its act of speech."""

    start: int
    end: int
    kind: str
    speaker: Mention | None = None
    cue: Event | None = None
    closed: bool = True
    sentence: int = 0
    extra: dict = field(default_factory=dict)
    act: int = 0  # rows with the same number are fragments of one act of speech


@dataclass
class _Sentence:
    sentence_id: str | None
    paragraph: int
    start: int
    end: int
    # the position of the article's sentence this one is, unchanged (-1 for the headline and for
    # sentences joined, cut or started after a dateline): its words are then the article's
    position: int = -1


# A dateline opens wire copy and names a place, never a speaker: "MOSCOW, April 18 (Reuters) - ",
# "JEDDAH, 26 August 2004 — ", "BERLIN (Reuters) - ", "Oct 15 (Reuters) - ". The analysis reads a
# sentence from just after it.
DATELINE = re.compile(
    r"(?:[A-Z][A-Z.’'\-]{2,}(?:\s+[A-Z][A-Z.’'\-]+)*(?:,[^—–\n(]{1,40}?)?"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"(?:\s*\([^)\n]{1,40}\))?\s+[—–-]+\s+"
)


def _sentences(article: Article) -> list[_Sentence]:
    """The headline (id None) and the sentences, with repairs. A quotation that ends in ? or !
    is split from its attribution by the sentence splitter ("“Why now?” | Vance asked."), so a
    short sentence with a verb of saying is joined back to the quotation before it; so is a
    sentence that starts in lower case, split after an abbreviation ("(D-Md.) | said"). (Initials,
    "Justice D.Y. Chandrachud said", are kept together by the sentence splitter itself.)"""
    out: list[_Sentence] = []
    if article.headline_span:
        out.append(_Sentence(None, 0, *article.headline_span))
    text = article.text
    for position, (start, end, sentence_id) in enumerate(article.sentence_spans):
        paragraph = int(sentence_id[1 : sentence_id.index(".")])  # "p12.s3": paragraph 12
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.paragraph == paragraph
            and (
                (  # “Why now?” | Vance asked.
                    QUESTION_THEN.search(text, previous.start, previous.end)
                    and len(text[start:end].split()) <= 8
                    and cue_pattern().search(text[start:end])
                    and text[start] not in OPEN_DOUBLE + '"'
                )
                # “...,” Rep. Elijah E. Cummings (D-Md.) | said in a statement.
                or text[start].islower()
            )
        ):
            previous.end, previous.position = end, -1
            continue
        whole = (start, end)
        dateline = DATELINE.match(text, start, end)
        if dateline and (previous is None or previous.paragraph != paragraph):
            start = dateline.end()
        pieces = sentence_pieces(text, start, end)
        out += [_Sentence(sentence_id, paragraph, s, e) for s, e in pieces]
        if pieces == [whole]:
            out[-1].position = position
    return out


# A sentence that ends with a quotation closed after ? or !: “Why now?”
QUESTION_THEN = re.compile(r"[?!][”\"’']{1,2}$")


# The longest stretch of text read as one sentence. Every step looks around a verb of saying
# within its sentence, so a text with no full stops (a transcript, a 1 MB single line) would cost
# time that grows with the square of its length; such a sentence is read in pieces instead.
LONGEST_SENTENCE = 1000


def sentence_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of a sentence, each at most :data:`LONGEST_SENTENCE` characters,
    cut after a semicolon, a colon, a dash or a comma where the piece has one (else at a space).

    >>> sentence_pieces("We came, we saw, we left", 0, 24)
    [(0, 24)]
    >>> len(sentence_pieces("word, " * 1000, 0, 6000))
    7
    """
    pieces = []
    while end - start > LONGEST_SENTENCE:
        window = text[start : start + LONGEST_SENTENCE]
        cut = -1
        for mark in ("; ", ": ", " — ", " – ", ", ", " "):
            cut = window.rfind(mark, LONGEST_SENTENCE // 2)
            if cut > 0:
                cut += len(mark.rstrip())
                break
        if cut <= 0:
            cut = LONGEST_SENTENCE
        pieces.append((start, start + cut))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def blocks(article: Article) -> list[tuple[int, int, int]]:
    """``(number, start, end)`` of the headline (number 0) and of each paragraph: the blocks
    a quotation never runs past.

    >>> blocks(Article.from_text("One.\\n\\nTwo.", headline=""))
    [(1, 0, 4), (2, 6, 10)]
    """
    blocks = []
    if article.headline_span:
        blocks.append((0, *article.headline_span))
    for number, (s, e) in enumerate(article.paragraph_spans, start=1):
        blocks.append((number, s, e))
    return blocks


# --------------------------------------------------------------------------------------------
# The analysis


def analyse(article: Article) -> list[Quote]:
    """The quotations of ``article`` as :class:`Quote` records, in text order (what
    :func:`kit.attribution.quotes` turns into a table).

    >>> [q.kind for q in analyse(Article.from_text("Keller said the talks failed.", headline=""))]
    ['indirect']
    """
    with paused():
        return _analyse(article)


def _analyse(article: Article) -> list[Quote]:
    refresh()  # an edited word list takes effect from this call on
    text = article.text
    sentences = _sentences(article)
    # 1. quotation marks, block by block (a quotation never runs past its paragraph)
    raw: list[tuple[int, int, bool, int]] = []
    for number, s, e in blocks(article):
        raw += [(qs, qe, closed, number) for qs, qe, closed in quotation_spans(text, s, e)]
    all_masked = [(qs, qe) for qs, qe, _, _ in raw]
    starts = [qs for qs, _ in all_masked]

    resolver = Resolver()
    quotes: list[Quote] = []
    events_by_sentence: list[list[Event]] = []
    pending: list[tuple] = []  # quotations waiting for the sentence where they end
    raw_index = 0
    for index, sentence in enumerate(sentences):
        s_start, s_end = sentence.start, sentence.end
        is_headline = sentence.sentence_id is None
        # the quotations that touch this sentence (looked up, not scanned, to stay linear)
        first = max(0, bisect.bisect_left(starts, s_start) - 1)
        last = bisect.bisect_right(starts, s_end)
        masked = [(qs, qe) for qs, qe in all_masked[first:last] if qe > s_start and qs < s_end]
        cues = find_cues(text, s_start, s_end, masked, headline=is_headline)
        # quotations that start in this sentence
        here = []
        while raw_index < len(raw) and raw[raw_index][0] < s_end:
            if raw[raw_index][0] >= s_start:
                here.append(raw[raw_index])
            raw_index += 1
        # resolve pronouns and subjects up to each cue, left to right
        resolved = (
            track_subjects(
                text, s_start, s_end, masked, resolver, cues, _article_words(article, sentence)
            )
            if not (is_headline)
            else {}
        )
        events = _events(text, sentence, cues, masked, resolver, resolved)
        # a quotation that ran over several sentences is attributed where it ends:
        # “We see attempts ... . We believe this is short-sighted,” the minister added.
        pending = _attribute_pending(text, pending, quotes, resolver, (sentence, events, masked))
        for q_start, q_end, closed, number in here:
            quote = Quote(q_start, q_end, "partial", closed=closed, sentence=index)
            quote.extra["paragraph"] = number
            quotes.append(quote)
            if q_end > s_end and closed:
                pending.append((quote, sentence, events, masked, resolved))
                continue
            _attribute_quotation(text, quote, sentence, events, masked, quotes, resolver, resolved)
        events_by_sentence.append(events)
        # indirect speech: verbs of saying not used by a direct quotation
        _indirect_speech(text, sentence, index, events, masked, quotes, len(here) + 8)
        # the speaker of this sentence becomes the subject for the next one
        for event in events:
            if event.speaker and event.speaker.entity and event.category in SPEECH_CATEGORIES:
                resolver.subject(event.speaker.entity)
                if event.speaker.entity.type == "person":
                    resolver.last_speaker = event.speaker.entity
    _attribute_pending(text, pending, quotes, resolver, None)
    _continue_quotations(quotes, sentences, events_by_sentence)
    quotes.sort(key=lambda q: (q.start, q.kind != "indirect", q.end))
    group_acts(quotes, sentences)
    return quotes


def _article_words(article: Article, sentence: _Sentence) -> list[tuple[int, int]] | None:
    """The article's word spans of a sentence it has unchanged, else None (found again)."""
    return article.sentence_words(sentence.position) if sentence.position >= 0 else None


def _events(text, sentence, cues, masked, resolver, resolved) -> list[Event]:
    """The verbs of saying of one sentence with their speakers, left to right."""
    events: list[Event] = []
    for c_start, c_end, cue_text, category in cues:
        speaker = event_speaker(text, sentence, c_start, c_end, cue_text, masked, resolver,
                                resolved, events)  # fmt: skip
        events.append(Event(c_start, c_end, cue_text, category, speaker))
    return events


def _attribute_pending(text, pending, quotes, resolver, ending) -> list[tuple]:
    """Attribute the quotations that started in an earlier sentence and end in this one
    (``ending``: the sentence, its events and its quotations; None at the end of the text,
    where every one left is attributed). Returns those still open."""
    still_open = []
    for quote, start_sentence, start_events, start_masked, start_resolved in pending:
        if ending is None or quote.end <= ending[0].end:
            _attribute_quotation(
                text, quote, start_sentence, start_events, start_masked, quotes, resolver,
                start_resolved, ending=ending,
            )  # fmt: skip
        else:
            still_open.append((quote, start_sentence, start_events, start_masked, start_resolved))
    return still_open


def _indirect_speech(text, sentence, index, events, masked, quotes, recent: int) -> None:
    """Add the indirect speech of one sentence: the clauses of the verbs of saying that no
    direct quotation used. A partial quotation inside such a clause takes its speaker and verb
    (the ``recent`` last quotations are looked at)."""
    for event in events:
        if event.used or event.category not in SPEECH_CATEGORIES:
            continue
        if event.cue.lower() in word_class("label-verb"):
            continue
        span = indirect_content(text, sentence, event, masked, events)
        if span:
            span = stop_at_other_attribution(text, span, event, events, masked)
        if span and any(qs <= span[0] and span[1] <= qe for qs, qe in masked):
            span = None  # the reported words are all in marks: a quotation, not retold speech
        if not span:
            continue
        quote = Quote(span[0], span[1], "indirect", event.speaker, event, sentence=index)
        quotes.append(quote)
        for other in quotes[-recent:]:
            # a partial quotation in a clause closed by "..., the minister said" is the
            # minister's, whatever verb sits inside the clause
            closing = span[1] <= event.cue_start
            if (
                other.kind == "partial"
                and (other.speaker is None or other.speaker.entity is None or closing)
                and (span[0] <= other.start < span[1])
            ):
                other.speaker, other.cue = event.speaker, event


# --------------------------------------------------------------------------------------------
# Direct or partial, and whose


def _attribute_quotation(
    text, quote, sentence, events, masked, quotes, resolver, resolved, ending=None
) -> None:
    """Decide kind, speaker and cue of one quotation in its sentence."""
    q_start, q_end = quote.start, quote.end
    mark = 2 if text.startswith(("``", "''"), q_start) else 1  # ``TeX'' and ''doubled'' marks
    inner = text[q_start + mark : q_end - (mark if quote.closed else 0)].strip()
    first_char = inner[:1]
    before = text[sentence.start : q_start]
    for _, qe in masked:  # only look back to the previous quotation in the sentence
        if sentence.start <= qe <= q_start:
            before = text[qe:q_start]
    before_stripped = before.rstrip()
    starts_sentence = not before.strip() or before.strip() in ("—", "–", "-")
    after_colon_or_comma = before_stripped.endswith((",", ":"))
    # 1. trailing attribution: “...,” Kerry said / “...,” said Kerry
    end_sentence, end_events, end_masked = ending or (sentence, events, masked)
    trailing = _trailing_event(text, quote, end_sentence, end_events, end_masked)
    # 2. leading attribution: He told Lavrov, “...  / Marsh declared: “...  / chanted “...
    leading = None
    for event in reversed(events):
        if event.cue_end <= q_start and event.cue_end >= q_start - len(before):
            gap = text[event.cue_end : q_start]
            if not gap.strip() or (
                gap.rstrip().endswith((",", ":"))
                and len(gap) <= 70
                and not (re.search(r"[.!?;]", gap))
            ):
                leading = event
            break
    capital = first_char[:1].isupper() or first_char in ELLIPSIS_OR_BRACKET
    headline = sentence.sentence_id is None
    signed = _dash_signature(text, quote, resolver)
    if signed is not None and not headline:  # “Courage is not the absence of fear.” ― Carlos Ruiz
        quote.kind, quote.speaker = "direct", signed
        return
    split_continuation = (
        leading is not None
        and before.strip()
        and not capital
        and any(
            q.kind == "direct" and q.end <= q_start and q.sentence == quote.sentence for q in quotes
        )
    )
    if (
        trailing is not None
        and (starts_sentence or after_colon_or_comma or capital)
        and _ends_open(text, quote)
        and not headline
    ):
        quote.kind = "direct"
        quote.speaker, quote.cue = trailing.speaker, trailing
        trailing.used = True
    elif (
        leading is not None
        and (capital or split_continuation)
        and not headline
        and not _title_after_addressee_verb(text, quote, leading, sentence)
    ):
        quote.kind = "direct"
        quote.speaker, quote.cue = leading.speaker, leading
        leading.used = True
    elif starts_sentence and not headline and (capital or not quote.closed):
        quote.kind = "direct"  # speaker from continuation, later
    elif after_colon_or_comma and capital and not headline:
        quote.kind = "direct"
    else:
        _attribute_partial(text, quote, sentence, events, resolver, resolved)


def _attribute_partial(text, quote, sentence, events, resolver, resolved) -> None:
    """A partial quotation takes the nearest verb of saying in its sentence, unless it names
    something next to that verb; in a headline, a name and a colon; else it waits for the
    speaker of the sentence before (see :func:`_continue_quotations`)."""
    quote.kind = "partial"
    q_start = quote.start
    event = _nearest_event(events, q_start)
    if event is not None and names_something(text, quote, event):
        return  # a scare quote or a title: "the “fact-checking” website said"
    if event is not None:
        quote.speaker, quote.cue = event.speaker, event
    elif (
        sentence.sentence_id is None
        and _headline_speaker(text, sentence, q_start, resolver) is not None
    ):
        # "Lavrov: Prospects of a settlement are 'fairly good'": a name and a colon
        quote.speaker = _headline_speaker(text, sentence, q_start, resolver)
    else:
        quote.extra["turn"] = True  # maybe the speaker of the previous sentence, see below
        subject = sentence_subject(text, sentence.start, q_start, resolver)
        if subject is not None and subject.start in resolved:
            subject.entity = resolved[subject.start]
        quote.extra["subject"] = subject


def names_something(text: str, quote: Quote, event: Event) -> bool:
    """Whether a partial quotation is part of a name next to a verb of saying rather than words
    said: inside the speaker phrase ("the “fact-checking” website said", "a “senior” official
    said") or in the place of the one spoken to ("told “Meet the Press” on Sunday").

    >>> text = "Vance told “Meet the Press” that the deal was dead."
    >>> names_something(text, Quote(11, 27, "partial"), Event(6, 10, "told", "neutral", None))
    True
    """
    if quote.end <= event.cue_start:
        between = text[quote.end : event.cue_start]
        if re.search(r",\s*(?:which|who|whom)\s", between):
            return True  # "the “reform” package, which critics call ...": another clause
        return len(between.split()) <= 2 and not re.search(r"[,.;:!?—–]", between)
    # the one spoken to may be an outlet's programme: "told CNN’s “State of the Union”"
    between = text[event.cue_end : quote.start]
    if event.cue.lower() in word_class("addressee-verb") and re.fullmatch(
        r"(?:\s+[A-Z][\w.\-]*[’']s)?\s*", between
    ):
        inner = text[quote.start : quote.end].strip("“”\"‘’'`")
        return inner[:1].isupper() and not re.search(r"[,.!?:]$", inner)
    return False


def _title_after_addressee_verb(text: str, quote: Quote, event: Event, sentence) -> bool:
    """ "told “Meet the Press” on Sunday that ...": a title where the one spoken to stands, with
    the sentence going on after it, is not a quotation the verb introduces."""
    if not names_something(text, quote, event):
        return False
    goes_on = re.match(r"\s*[\w(]", text[quote.end : sentence.end])
    return bool(goes_on)


# A quotation signed after a dash, the way epigraphs and pull quotes are: “...” ― Carlos Ruiz,
# “...” — Ines Duarte, harbour master. The name runs to the end of the line, a comma or a bracket.
DASH_SIGNATURE = re.compile(
    r"[ \t]*[―—–]{1,2}[ \t]*([A-Z][\w.’'\-]*(?:[ \t]+(?:[A-Z][\w.’'\-]*|de|van|von|al|bin|da))*)"
    r"[ \t]*(?:$|[,(\n]|\.\s*$)",
    re.MULTILINE,
)


def _dash_signature(text: str, quote: Quote, resolver: Resolver) -> Mention | None:
    """The person or institution who signs a quotation after a dash, or None."""
    line_end = text.find("\n", quote.end)
    match = DASH_SIGNATURE.match(text, quote.end, len(text) if line_end < 0 else line_end)
    if not match or not re.search(r"[.!?,]\W*$", text[quote.start : quote.end]):
        return None
    mention = classify(text, match.start(1), match.end(1), resolver)
    if mention.entity is None or mention.entity.type not in ("person", "institution"):
        return None
    return mention


def _headline_speaker(text, sentence, q_start, resolver) -> Mention | None:
    """A headline that opens with a name and a colon gives that person the quoted words."""
    match = re.match(
        r"([A-Z][\w.’'\-]+(?:\s+[A-Z][\w.’'\-]+){0,3})\s*:\s", text[sentence.start : q_start]
    )
    if not match:
        return None
    name = match.group(1)
    # the name must come back in the body, inside a sentence ("..., Lavrov said"): "Crisis: ..."
    # is a headline label, not a speaker
    if not re.search(r"[a-z,] " + re.escape(name.split()[-1]) + r"\b", text[sentence.end :]):
        return None
    mention = classify(text, sentence.start, sentence.start + match.end(1), resolver)
    if mention.entity is None or mention.entity.type not in ("person", "institution"):
        return None
    return mention


def _ends_open(text: str, quote: Quote) -> bool:
    """A quotation attached to what follows: it ends in , ? ! or a dash, inside or right after."""
    inside = text[max(quote.start, quote.end - 3) : quote.end]
    after = text[quote.end : quote.end + 2]
    return bool(re.search(r"[,?!—–-]\W*$", inside)) or after.lstrip()[:1] in (",", "—", "–")


def _trailing_event(text, quote, sentence, events, masked) -> Event | None:
    limit = sentence.end
    for qs, _ in masked:
        if qs >= quote.end and qs < limit:
            limit = qs
    limit = first_stop(text, quote.end, limit)
    for event in events:
        if quote.end <= event.cue_start < limit:
            between = text[quote.end : event.cue_start]
            # "Malkia Cyril, the executive director at the Center for Media Justice, said": an
            # aside between commas does not count towards the distance
            between = re.sub(r",[^,“”\"]{1,120},", ",", between)
            if len(between.split()) <= 9:
                return event
            return None
    return None


STOP = re.compile(r"[.!?;](?=\s|$)")


def first_stop(text: str, start: int, end: int) -> int:
    """Where the first full stop, ?, ! or ; in ``text[start:end]`` stands (``end`` if none),
    leaving out the periods of initials ("D.Y.", "Elijah E.") and of titles ("Mr.", "Rep.").

    >>> first_stop("Mr. Sharpton said so. Then", 0, 26)
    20
    """
    for match in STOP.finditer(text, start, end):
        if match.group() == ".":
            word = re.search(r"[\w.]+$", text[max(start, match.start() - 20) : match.start()])
            word = word.group() if word else ""
            if (len(word) == 1 and word.isupper()) or "." in word or f"{word}." in abbreviations():
                continue
        return match.start()
    return end


def _nearest_event(events: list[Event], position: int) -> Event | None:
    before = [e for e in events if e.cue_end <= position]
    if before:
        return before[-1]
    after = [e for e in events if e.cue_start >= position]
    return after[0] if after else None


# --------------------------------------------------------------------------------------------
# Continuations


def _continue_quotations(quotes: list[Quote], sentences, events_by_sentence) -> None:
    """Give speakers to quotations that continue an attributed one.

    - A paragraph that opens a quotation without closing it continues in the next paragraph's
      opening quotation; the pieces share one speaker (found on any piece).
    - A direct quotation with no attribution of its own goes to whoever spoke last, in the same
      or the previous paragraph: the speaker of the quotation before it ("“We will rebuild,”
      Ferran said. “We always have.”") or of the last verb of saying ("Klimkin commented on the
      meeting.\n\n“I believe ...”").
    - A partial quotation with no verb of saying in its sentence goes to the sentence's subject
      when that subject was speaking in the sentence before: "Lavrov dismissed the suggestion.
      He placed “responsibility” on Washington."
    """
    marked = [q for q in quotes if q.kind != "indirect"]
    marked.sort(key=lambda q: q.start)
    # chains of open paragraphs
    for a, b in zip(marked, marked[1:]):
        if not a.closed and b.extra.get("paragraph") == a.extra.get("paragraph", 0) + 1:
            b.extra["chained_from"] = a
            a.extra["chained_to"] = b
    for q in marked:
        if q.extra.get("chained_from") is None and q.extra.get("chained_to") is not None:
            chain = [q]
            while chain[-1].extra.get("chained_to") is not None:
                chain.append(chain[-1].extra["chained_to"])
            source = next((c for c in chain if c.speaker is not None), None)
            for c in chain:
                c.kind = "direct"
                if c.speaker is None and source is not None:
                    c.speaker = source.speaker
    previous: Quote | None = None
    for q in marked:
        if q.kind == "direct" and q.speaker is None:
            q.speaker = _last_speaker(q, previous, sentences, events_by_sentence)
        if q.kind == "partial" and q.extra.get("turn") and q.sentence > 0:
            events = events_by_sentence[q.sentence - 1] if q.sentence - 1 < len(
                events_by_sentence) else []  # fmt: skip
            subject = q.extra.get("subject")
            for event in reversed(events):
                if (
                    event.speaker is not None
                    and subject is not None
                    and (event.speaker.entity is subject.entity)
                ):
                    q.speaker = subject
                    break
        if q.kind == "direct" and q.speaker is not None:
            previous = q


def group_acts(quotes: list, sentences: list) -> None:
    """Number the acts of speech: rows that are fragments of one act get the same ``act``.

    - Rows that share a verb of saying are one act: “We are ready,” Keller said, “but not under
      threat.” (two fragments, one "said"); an indirect clause and the partial quotation inside
      it ("insisting the West should stop “dividing terrorists ...”"); "called the decision
      “reckless” and “a gift to our enemies”".
    - A quotation that a paragraph leaves open and the next paragraph reopens is one act.
    - A direct quotation with no verb of its own that follows, in the same paragraph, a direct
      quotation of the same speaker continues it: “We will rebuild,” Ferran said. “We always
      have.” A new paragraph starts a new act.

    >>> art = Article.from_text("“We will rebuild,” Ferran said. “We always have.”", headline="")
    >>> [q.act for q in analyse(art)]  # analyse() calls group_acts()
    [1, 1]
    """
    by_event: dict[int, int] = {}
    count = 0
    previous_direct: Quote | None = None
    for q in quotes:
        joined = None
        if q.cue is not None and id(q.cue) in by_event:
            joined = by_event[id(q.cue)]
        elif q.extra.get("chained_from") is not None:
            joined = q.extra["chained_from"].act
        elif (
            q.kind == "direct"
            and q.cue is None
            and previous_direct is not None
            and q.speaker is not None
            and q.speaker.entity is not None
            and not _other_voice(q, previous_direct)
            and sentences[q.sentence].paragraph == sentences[previous_direct.sentence].paragraph
        ):
            joined = previous_direct.act
        if joined is None:
            count += 1
            joined = count
        q.act = joined
        if q.cue is not None:
            by_event.setdefault(id(q.cue), joined)
        if q.kind == "direct":
            previous_direct = q
        elif previous_direct is not None and _other_voice(q, previous_direct):
            previous_direct = None  # another voice in between ends the run


def _other_voice(q: Quote, earlier: Quote) -> bool:
    """Whether ``q`` names a speaker other than the one of ``earlier``."""
    if q.speaker is None or q.speaker.entity is None:
        return False
    return earlier.speaker is None or q.speaker.entity is not earlier.speaker.entity


def _last_speaker(q: Quote, previous: Quote | None, sentences, events_by_sentence):
    """The most recent speaker before quotation ``q``, within its paragraph and the one before."""
    paragraph = sentences[q.sentence].paragraph
    best: tuple[int, Mention | None] = (-1, None)
    if previous is not None and previous.speaker is not None:
        if paragraph - sentences[previous.sentence].paragraph <= 1:
            best = (previous.start, previous.speaker)
    for index in range(q.sentence, max(-1, q.sentence - 30), -1):  # 30 sentences back at most
        if sentences[index].paragraph < paragraph - 1 or index >= len(events_by_sentence):
            if sentences[index].paragraph < paragraph - 1:
                break
            continue
        for event in events_by_sentence[index]:
            if (
                event.category in SPEECH_CATEGORIES
                and event.speaker is not None
                and event.speaker.entity is not None
                and event.cue_start < q.start
                and event.cue_start > best[0]
            ):
                best = (event.cue_start, event.speaker)
    return best[1]
