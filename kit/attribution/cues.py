"""Attribution, steps 2 and 3a: verbs of saying, and where their speaker stands.

:func:`find_cues` finds the reporting verbs of ``kit/lexicons/reporting_verbs.csv`` outside
quotation marks, leaving out nouns and participles that look like them ("a televised address",
"a statement issued on Sunday", "media reports said"). :func:`event_speaker` then finds each
verb's speaker phrase: before it ("Kerry said"), after it ("said Kerry", "according to
officials"), the agent of a passive ("as indicated by Sergey Lavrov") or the subject of the
clause for a participle ("..., insisting the West should ..."). In

    “The talks were useful,” said Foreign Minister Sergei Lavrov, who later told reporters ...

"said" and "told" are cues; the speaker of "said" is the phrase after it, which
:mod:`kit.attribution.speakers` reads as the person Sergei Lavrov.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from kit.attribution.speakers import (
    Mention,
    Resolver,
    abbreviations,
    classify,
    place_or_institution,
    vague_head,
)
from kit.attribution.words import (
    BOUNDARY_WORDS,
    DETERMINERS,
    NAME_PARTICLES,
    OBJECT_AS_SUBJECT,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVE_WORDS,
    WORDLIKE,
    adjective_like,
    built_from,
    date_words,
    document_nouns,
    is_capitalised,
    letter_tree,
    lexicon,
    not_names,
    now_reading,
    past_like,
    previous_word,
    verb_like,
    word_class,
    word_tokens,
)

# --------------------------------------------------------------------------------------------
# Word lists for the words around a verb of saying


# Longer pieces between a speaker and the verb: "Fahmi went on to say", "Lavrov on Tuesday said".
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TIMES_OF_DAY = ("night", "morning", "evening", "afternoon")
_BEFORE_CUE_PIECE = (
    r"(?:went\s+on\s+to|continued\s+to|was\s+quoted\s+as|has\s+been\s+quoted\s+as"
    rf"|(?:late\s+|early\s+)?(?:on|in|at)\s+(?:{'|'.join(DAYS)})"
    rf"(?:\s+(?:{'|'.join(TIMES_OF_DAY)}))?)"
)
# One or more pieces, each after white space, up to the verb: (\s+PIECE)+ written as
# \s\s*PIECE(\s+PIECE)*, the same matches; a pattern that opens with a plain \s lets the regex
# engine skip to the next white space between tries, instead of trying at every character.
BEFORE_CUE = re.compile(r"\s\s*" + _BEFORE_CUE_PIECE + r"(?:\s+" + _BEFORE_CUE_PIECE + r")*\s*$")
# The words a piece can end with ("to", "as", a day, a time of day): BEFORE_CUE matches only
# where one of them is the word before the verb.
BEFORE_CUE_LAST_WORDS = frozenset(("to", "as", *DAYS, *TIMES_OF_DAY))


# --------------------------------------------------------------------------------------------
# Finding verbs of saying


@dataclass
class Event:
    """A verb of saying with its speaker: "Kerry demanded", "said a senior official"."""

    cue_start: int
    cue_end: int
    cue: str
    category: str
    speaker: Mention | None
    used: bool = False  # True once a direct quotation has claimed it


def cue_pattern() -> re.Pattern:
    """A pattern for the verbs of ``reporting_verbs.csv`` (longest first, "according to" with
    either case).

    >>> cue_pattern().search("Kerry declared on Tuesday").group()
    'declared'
    """
    return built_from("reporting_verbs", _build_cue_pattern)


def _build_cue_pattern(rows: tuple) -> re.Pattern:
    terms = sorted((r["term"] for r in rows), key=len, reverse=True)
    spelled = []  # each term as a list of pieces of pattern, one a character
    for term in terms:
        # "according to" with either case: "[Aa]ccording\s+to", spelled both ways
        for variant in [term, "A" + term[1:]] if term == "according to" else [term]:
            spelled.append([r"\s+" if char == " " else re.escape(char) for char in variant])
    # The terms share their first letters ("said", "says", "saying"): as a tree of letters the
    # pattern tries a few branches at each word instead of every term; it finds the same words.
    # (The edge test stays in front here: after the first letter, as letter_tree can place it,
    # it makes this long tree about twice as slow.)
    tree = letter_tree(spelled)
    if tree is None:  # a term with odd white space: the plain list of terms
        tree = "|".join("".join(pieces) for pieces in spelled)
    return re.compile(r"(?<![\w’'\-])(?:" + tree + r")(?![\w’'\-])")


def find_cues(text: str, start: int, end: int, masked: list[tuple[int, int]], *, headline: bool):
    """Verbs of saying in ``text[start:end]`` outside quotations: (start, end, term, category).

    Nouns and participles that look like verbs are left out ("a televised address", "media
    reports said").

    >>> find_cues("Media reports said Keller denied it.", 0, 36, [], headline=False)
    [(14, 18, 'said', 'neutral'), (26, 32, 'denied', 'hostile')]
    """
    found = []
    verbs = lexicon("reporting_verbs")
    for s, e, said in _cue_spans(text, start, end, headline):
        if any(a <= s < b for a, b in masked):
            continue
        term = " ".join(said.lower().split())
        category = verbs.get(term, ("neutral", ""))[0]
        previous = previous_word(text, s, start)
        # "the report", "a claim", "his warning", "a televised address", "his first major
        # address": a noun after a determiner (and adjectives), not a verb.
        if term != "according to" and _after_determiner(text, s, start):
            continue
        # "a statement issued ...", "remarks reported by ...": a participle after a document noun
        # (but "The statement added that ..." and '“...,” the statement continued.' are the
        # statement speaking)
        if (
            previous
            and previous.lower() in document_nouns()
            and term.endswith("ed")
            and not re.match(r"\s+that\s|\s*[.,;:!?]|\s*$", text[e:end])
        ):
            continue
        # "stopped from reporting", "asked not to report": a verb after a preposition or "to"
        # is not itself an act of saying (but "went on to say" is, see BEFORE_CUE)
        if previous and (previous.lower() in PREPOSITIONS_NOT_AS or previous.lower() == "to"):
            if not re.search(r"(?:went\s+on|continued|quoted\s+as)\s+(?:to\s+)?$", text[start:s]):
                continue
        # "reports", "claims", "comments" are nouns too: "based on the media reports.",
        # "congressional claims that ..." (after an adjective)
        if term in word_class("ambiguous-s-form") and (
            not _verb_follows_position(text, e, end) or adjective_like(previous)
        ):
            continue
        # "continued" says more only next to a quotation ('“...,” he continued', 'He continued:
        # “...'); "he would continue to “spare no effort”", "if the payments continued" do not
        if term.startswith("continu") and not (
            re.search(r"[”\"’']\s*,?\s*(?:[\w’'.\-]+\s+){0,4}$", text[start:s])
            or re.match(r"\s*[:,]?\s*[“\"‘]|\s*:", text[e:end])
        ):
            continue
        # "A sum is reported to have been paid", "he is said to be ill": a passive with nobody
        # reporting
        if (previous or "").lower() in ("is", "was", "are", "were", "be", "been") and re.match(
            r"\s+to\s", text[e:end]
        ):
            continue
        found.append((s, e, text[s:e], category))
    found += _document_verbs(text, start, end, masked)
    found.sort()
    return found


PREPOSITIONS_NOT_AS = PREPOSITIONS - {"as"}


def _cue_spans(text: str, start: int, end: int, headline: bool) -> list[tuple[int, int, str]]:
    """Where the verbs of saying match in ``text[start:end]`` read on its own: (start, end,
    words matched)."""
    pattern = cue_pattern()
    spans = None if headline else spans_in_sentence(pattern, text, start, end)
    if spans is not None:
        return [(s, e, text[s:e]) for s, e in spans]
    source = text[start:end]
    if headline:  # Headlines capitalise every word: "John Kerry Expects ‘Real Progress’".
        source = source.lower()
    return [(start + m.start(), start + m.end(), m.group()) for m in pattern.finditer(source)]


def spans_in_sentence(pattern: re.Pattern, text: str, start: int, end: int) -> list | None:
    """The matches of ``pattern`` (a list of terms between word edges) in ``text[start:end]``
    read on its own, taken from one search of the whole text; None when a match or a word runs
    over the sentence's edge (then the caller searches the sentence alone).

    >>> spans_in_sentence(cue_pattern(), "He said so. She added it.", 12, 25)
    [(16, 21)]
    """
    found = now_reading().found
    held = found.get(id(pattern))  # by id: hashing a long pattern costs more than a search
    if held is None or held[0] is not text or held[3] is not pattern:
        matches = [m.span() for m in pattern.finditer(text)]
        held = found[id(pattern)] = (text, matches, [s for s, _ in matches], pattern)
    matches, starts = held[1], held[2]
    first = bisect_left(starts, start)
    last = bisect_left(starts, end)
    if (
        (start == 0 or not WORD_EDGE.match(text, start - 1))
        and (end >= len(text) or not WORD_EDGE.match(text, end))
        and (first == 0 or matches[first - 1][1] <= start)
        and (last == 0 or matches[last - 1][1] <= end)
    ):
        return matches[first:last]
    return None


# A character that joins words: a verb of saying never starts or ends next to one.
WORD_EDGE = re.compile(r"[\w’'\-]")


def _build_document_verbs(rows: tuple) -> re.Pattern | None:
    verbs = sorted((r["term"] for r in rows if r["category"] == "verb"), key=len, reverse=True)
    if not verbs:
        return None
    # A handful of verbs: with the edge test after each first letter, the regex engine skips
    # ahead to the next of those letters (about 1.5 times as quick as the test in front).
    tree = letter_tree([[re.escape(char) for char in verb] for verb in verbs], WORD_EDGE.pattern)
    if tree is None:  # odd white space in a verb: the plain list, the edge test in front
        tree = "(?<!" + WORD_EDGE.pattern + ")(?:" + "|".join(map(re.escape, verbs)) + ")"
    return re.compile(tree + "(?!" + WORD_EDGE.pattern + ")")


def _document_verbs(text: str, start: int, end: int, masked) -> list[tuple[int, int, str, str]]:
    """ "the letter reads", "one banner read": verbs that speak only for a document (the verbs
    of ``attribution_documents.csv``, after one of its document nouns)."""
    table = lexicon("attribution_documents")
    pattern = built_from("attribution_documents", _build_document_verbs)
    if pattern is None:
        return []
    found = []
    spans = spans_in_sentence(pattern, text, start, end)
    if spans is None:
        spans = [match.span() for match in pattern.finditer(text, start, end)]
    for s, e in spans:
        noun = (previous_word(text, s, start) or "").lower()
        if table.get(noun, ("",))[0] != "document":
            continue
        if not any(a <= s < b for a, b in masked):
            found.append((s, e, text[s:e], "neutral"))
    return found


def _verb_follows_position(text: str, end: int, limit: int) -> bool:
    """After an -s form: "claims that ...", "reports AFP", ", quotes" make it a verb; ".", "of",
    "from", "said" make it a noun ("media reports said")."""
    after = text[end:limit].lstrip()
    if not after:
        return False
    word = re.match(r"[\w’'\-]+", after)
    if word is None:
        return after[0] in ',:“"‘'
    following = word.group().lower()
    if following in PREPOSITIONS | {"and", "or", "but", "were", "was", "are", "is", "have", "had"}:
        return False
    return not verb_like(following)


WORD_OR_MARK = re.compile(r"[\w’'\-]+|[^\w\s]")


def _after_determiner(text: str, position: int, floor: int) -> bool:
    """A determiner, maybe with adjectives, right before ``position``: "the", "a televised"."""
    words = WORD_OR_MARK.findall(text, max(floor, position - 60), position)
    for word in reversed(words[-4:]):
        lowered = word.lower()
        if lowered in DETERMINERS:
            return True
        if not (lowered in word_class("plain-adjective") or (word.islower() and past_like(word))):
            return False
    return False


# --------------------------------------------------------------------------------------------
# Finding the speaker phrase: before the verb, after it, or elsewhere in the clause


# How far (in characters) a speaker phrase reaches from its verb: "Malkia Cyril, the executive
# director at the Center for Media Justice, said" fits; a long sentence is not read further.
SPEAKER_REACH = 300


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


# A party and a state after a name, the way US papers write them: "D-Ore.", "R-Ohio", "I-Vt.".
PARTY_STATE = re.compile(r"[DRI]-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?")


def _skip_parenthetical_and_appositives(
    text: str, floor: int, position: int
) -> tuple[int, int | None]:
    """Walk back from ``position`` over asides: ", the foreign minister,", ", 54,", "(FSA)".

    "Vance, 54, a former judge, said" -> position just after "Vance". Returns the new position
    and, when the aside is itself a name ("the spokesman, Marco Vidal, told"), the span of that
    name so the caller takes it as the speaker.
    """
    for _ in range(6):
        segment = text[floor:position].rstrip()
        if segment.endswith(")") and "(" in segment:
            position = floor + segment.rindex("(")
            continue
        if not segment.endswith(","):
            break
        comma_at = floor + len(segment) - 1
        previous_comma = text.rfind(",", floor, comma_at)
        if previous_comma < 0:
            break
        inner = text[previous_comma + 1 : comma_at].strip()
        if not inner:
            break
        first = inner.split()[0]
        if PARTY_STATE.fullmatch(inner):  # "Rep. Tomas Brandt, D-Ore., told": party and state
            position = previous_comma + 1
            continue
        # "Zimbabwe’s main opposition group, the Movement for Democratic Change, says": the aside
        # names the institution the description was about
        named_words = inner.split()[1:]
        if (
            first in ("the", "The")
            and named_words
            and is_capitalised(named_words[0])
            and place_or_institution(named_words) == "institution"
        ):
            return position, (previous_comma + 1, comma_at)
        if is_capitalised(first) and first not in not_names() and len(inner.split()) <= 4:
            before = text[floor:previous_comma].split()
            if before and vague_head(before[-3:]):
                return position, (previous_comma + 1, comma_at)
            break
        if first.lower() in DETERMINERS | RELATIVE_WORDS or first[:1].isdigit() or first.islower():
            position = previous_comma + 1  # keep this comma: another aside may end here
            continue
        break
    segment = text[floor:position].rstrip()
    if segment.endswith(","):
        segment = segment[:-1].rstrip()
    if segment.endswith(")") and "(" in segment:  # "The Free Syrian Army (FSA), the ..., denies"
        segment = segment[: segment.rindex("(")].rstrip()
    return floor + len(segment), None


def _speaker_before(text: str, floor: int, cue_start: int, resolver: Resolver) -> Mention | None:
    """The speaker phrase that ends just before a verb of saying ("Kerry", "Russian officials")."""
    position = _skip_before_cue(text, floor, cue_start)
    position, named = _skip_parenthetical_and_appositives(text, floor, position)
    if named:
        s, e = _trim_span(text, *named)
        return classify(text, s, e, resolver, text[floor:e])
    # the phrase is read backwards from the verb and stops within a dozen words: tokenize only
    # the stretch before it (from a space, so no word is cut)
    near = (
        text.find(" ", max(floor, position - SPEAKER_REACH), position)
        if position - floor > SPEAKER_REACH
        else -1
    )
    tokens = word_tokens(text, near + 1 if near >= 0 else floor, position)
    if tokens and tokens[-1][2].lower() in PRONOUNS:  # "he said", "She told him"
        s, e, _ = tokens[-1]
        return classify(text, s, e, resolver)
    chosen = _phrase_backwards(tokens)
    while chosen and chosen[0][2] in not_names() and chosen[0][2] not in (
        "The", "A", "An", "Two", "Three", "One", "Some", "Many", "Local"
    ):  # fmt: skip
        chosen = chosen[1:]
    if not chosen or chosen[0][2].lower() in RELATIVE_WORDS:
        return None
    if chosen[0][2] in ("One", "Another") and len(chosen) == 1:
        # "according to senior sources ... One said:": one of the sources just named
        group = resolver.recent_group()
        return Mention(chosen[0][0], chosen[0][1], group) if group else None
    if chosen[0][2] in ("One", "Two", "Three", "Some", "Many", "Local") and len(chosen) == 1:
        return None
    # a verb right before the speaker means the phrase is an object: "the West and ... want him"
    return classify(
        text, chosen[0][0], chosen[-1][1], resolver, text[max(floor, chosen[0][0] - 30) : cue_start]
    )


def _skip_before_cue(text: str, floor: int, position: int) -> int:
    """Step back over the words between a speaker and the verb: "Kerry also said", "the judge
    had orally remarked", "Lavrov on Tuesday said"."""
    while True:
        word = previous_word(text, position, floor)
        if (
            word
            and (
                word.lower() in word_class("skipped-before-cue")
                or (word.islower() and word.endswith("ly"))
            )
            and text[floor:position].rstrip().endswith(word)
        ):
            position = floor + text[floor:position].rstrip().rindex(word)
            continue
        if word not in BEFORE_CUE_LAST_WORDS:
            return position  # BEFORE_CUE cannot match: not searched
        longer = BEFORE_CUE.search(text, floor, position)
        if longer and longer.start() > floor:
            position = longer.start()
            continue
        return position


# The word sets the speaker-phrase readers test each word against, joined once here.
# Before a verb: punctuation aside, a phrase stops at these (a pronoun is a phrase of its own).
PHRASE_BOUNDARIES = BOUNDARY_WORDS | set(PRONOUNS) | OBJECT_PRONOUNS
# After a verb: the phrase stops at these, and at a preposition other than "of" or "for" ...
BOUNDARIES_AFTER = BOUNDARY_WORDS | RELATIVE_WORDS
PREPOSITIONS_AFTER = PREPOSITIONS - {"of", "for"}
# ... and it opens with a capital, a vague source or one of these.
OPENERS_AFTER = DETERMINERS | {"one", "two", "three", "many", "some"}


def _phrase_backwards(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The tokens of the speaker phrase, read backwards from the end of ``tokens`` until a
    boundary: punctuation, "that", "and", a pronoun, a verb, a date."""
    chosen: list[tuple[int, int, str]] = []
    index = len(tokens) - 1
    while index >= 0:
        s, e, w = tokens[index]
        if w in ("’s", "'s") and chosen:
            chosen.insert(0, tokens[index])
            index -= 1
            continue
        # "the mediators’ spokeswoman": the apostrophe of a plural possessive
        if (
            w in ("’", "'")
            and chosen
            and index > 0
            and tokens[index - 1][1] == s
            and tokens[index - 1][2].endswith("s")
        ):
            chosen.insert(0, tokens[index])
            index -= 1
            continue
        if not WORDLIKE.match(w) or (
            w.lower() in PHRASE_BOUNDARIES and not w.isupper()
        ):  # "US" is not "us"
            break
        if w.lower() in RELATIVE_WORDS:
            if not chosen or not verb_like(chosen[0][2]):
                break
            chosen.insert(0, tokens[index])  # "an official who asked not to be named"
            index -= 1
            continue
        if (
            w.islower()
            and verb_like(w)
            and w.lower() not in ("named", "based")
            and w.lower() not in word_class("ambiguous-s-form")  # "Media reports said"
            and not _noun_after_determiner(tokens, index)  # "in his first major address"
        ):
            # a verb ends the phrase ("... issued a statement condemning"), unless it sits in a
            # relative clause that belongs to the speaker ("an official who asked ...")
            back = [t[2].lower() for t in tokens[max(0, index - 6) : index]]
            if not any(r in back for r in RELATIVE_WORDS):
                break
        if len(chosen) >= 10 or (chosen and w in date_words()):
            break  # "In late September the council said": a date is never part of a speaker
        chosen.insert(0, tokens[index])
        index -= 1
    return chosen


def _noun_after_determiner(tokens, index: int) -> bool:
    """ "his first major address": a determiner, then only plain words, before a verb form."""
    for k in range(index - 1, max(-1, index - 4), -1):
        word = tokens[k][2].lower()
        if word in DETERMINERS:
            return tokens[index][2].lower() not in word_class("finite")  # "the countries should"
        if not word.isalpha() or verb_like(word):
            return False
    return False


def _speaker_after(text: str, cue_end: int, ceiling: int, resolver: Resolver) -> Mention | None:
    """The speaker phrase right after a verb of saying: "said Anton Keller, the ...", "said he"."""
    tokens = word_tokens(text, cue_end, min(ceiling, cue_end + SPEAKER_REACH))
    chosen: list[tuple[int, int, str]] = []
    described = False  # after a possessive: "said Steinmeier’s spokesman Martin Schaefer"
    for index, (s, e, w) in enumerate(tokens):
        if not chosen and w.lower() in PRONOUNS:
            return classify(text, s, e, resolver)
        if not chosen and w.lower() in OBJECT_AS_SUBJECT:  # "according to him", "as told by her"
            return Mention(s, e, resolver.pronoun(OBJECT_AS_SUBJECT[w.lower()]))
        if w == "." and chosen and chosen[-1][1] == s and f"{chosen[-1][2]}." in abbreviations():
            chosen[-1] = (chosen[-1][0], e, chosen[-1][2] + ".")  # "said Sen. Ruth Okafor"
            continue
        if not WORDLIKE.match(w) or w.lower() in BOUNDARIES_AFTER:
            break
        if w.lower() in PREPOSITIONS_AFTER or (w.lower() == "for" and not chosen):
            break
        if w.lower() in ("adding", "saying") or len(chosen) >= 8:
            break
        starts_phrase = is_capitalised(w) or w.lower() in OPENERS_AFTER or vague_head([w])
        # "according to senior sources within ...": adjectives, then a vague head
        starts_phrase = starts_phrase or bool(
            vague_head([t[2] for t in tokens[index : index + 3] if WORDLIKE.match(t[2])])
        )
        if not chosen and not starts_phrase:  # "according to witnesses", "said the minister"
            return None
        described = described or bool(chosen and chosen[-1][2].endswith(("’s", "'s")))
        if (
            chosen
            and not described
            and is_capitalised(chosen[0][2])
            and chosen[0][2] not in not_names()
            and not (
                is_capitalised(w) or w in ("of", "’s", "'s") or w.split("-")[0] in NAME_PARTICLES
            )
        ):
            break  # a name ends at the first lower-case word: "said Kerry before he met"
        if chosen and w.islower() and verb_like(w):
            break
        chosen.append((s, e, w))
    if not chosen:
        return None
    context = text[cue_end : min(ceiling, chosen[-1][1] + 60)]
    return classify(text, chosen[0][0], chosen[-1][1], resolver, context)


# --------------------------------------------------------------------------------------------
# The speaker of one verb of saying


# What event_speaker looks for around a verb of saying: a comma before it (inside a closing mark
# or not), "by" after it (a passive's agent), ", who" and up to two words before it.
AFTER_COMMA = re.compile(r",[”\"’']?\s*$")
BY_AGENT = re.compile(r"\s+by\s+")
COMMA_WHO = re.compile(r",\s*who\s+(?:[\w’'\-]+\s+){0,2}$")


def event_speaker(text, sentence, c_start, c_end, cue_text, masked, resolver, resolved, events):
    """The speaker of the verb of saying at ``c_start:c_end`` in ``sentence``: the phrase
    before it, after it ("said Kerry", "according to officials"), the agent of a passive, the
    one quoted ("quoted X as saying") or the subject of a participle's clause.

    >>> from types import SimpleNamespace
    >>> text = "“We are ready,” said Anton Keller, the foreign minister."
    >>> mention = event_speaker(text, SimpleNamespace(start=0, end=56), 16, 20, "said",
    ...                         [(0, 15)], Resolver(), {}, [])
    >>> text[mention.start : mention.end], mention.entity.name
    ('Anton Keller', 'Anton Keller')
    """
    floor = sentence.start
    for _, qe in masked:  # a speaker never reaches back into a quotation
        if qe <= c_start and qe > floor:
            floor = qe
    ceiling = sentence.end
    for qs, _ in masked:
        if qs >= c_end and qs < ceiling:
            ceiling = qs
    lower = cue_text.lower()
    if lower.startswith("according"):
        mention = _speaker_after(text, c_end, ceiling, resolver)
        return mention
    # "..., insisting the West should ...", "issued a statement condemning the U.S.": a participle
    # shares the subject of its clause
    previous = previous_word(text, c_start, floor)
    # "Al-Riyadh daily quoted Suleiman Al-Muhanna as saying": the one quoted speaks, not the paper
    quoted_as = None
    if lower in ("saying", "telling", "stating"):
        quoted_as = QUOTED_AS.search(text, floor, c_start)
    if quoted_as:
        s, e = _trim_span(text, quoted_as.start(1), quoted_as.end(1))
        mention = classify(text, s, e, resolver)
        if mention.start in resolved:
            mention.entity = resolved[mention.start]
        return mention
    # the comma may sit inside a closing quotation mark: 'had been "cordial," describing ...'
    after_comma = AFTER_COMMA.search(text[sentence.start : c_start])
    if (
        lower.endswith("ing")
        and lower != "according to"
        and (previous or "").lower() not in ("is", "was", "were", "are", "been", "be", "am")
        and (after_comma or previous is not None)
    ):
        if events:
            return events[-1].speaker
        return sentence_subject(text, sentence.start, c_start, resolver)
    # a passive with its agent: "as indicated by Sergey Lavrov", "was announced by the ministry"
    agent = BY_AGENT.match(text, c_end, ceiling)  # matched in place: offsets into text
    if agent and (previous or "").lower() in ("as", "was", "were", "been", "is", "are"):
        mention = _speaker_after(text, agent.end() - 1, ceiling, resolver)
        if mention is not None:
            named, after = _name_after_role_comma(text, mention, ceiling, resolver)
            return named or mention
    # "the negotiators briefed the prime minister and said ...", "Emil Sand, accused the
    # opposition ... and said ...": the speaker is the subject of the first verb
    if (previous or "").lower() in ("and", "but"):
        mention = _subject_of_first_verb(text, sentence, c_start, masked, resolver, resolved)
        if mention is not None:
            return mention
    # "Antony Blinken, the US secretary of state, who said ...": "who" points back to the name
    who = COMMA_WHO.search(text[floor:c_start])
    if who:
        mention = _speaker_before(text, floor, floor + who.start() + 1, resolver)
        if mention is not None:
            return mention
    return _speaker_next_to(text, sentence, (floor, ceiling), c_start, c_end, resolver, resolved)


def _subject_of_first_verb(text, sentence, c_start, masked, resolver, resolved):
    """The subject of the sentence's first verb, for a verb of saying after "and" or "but"."""
    first_verb = next(
        (
            t
            for t in word_tokens(text, sentence.start, c_start)
            if t[2].islower() and verb_like(t[2]) and not any(a <= t[0] < b for a, b in masked)
        ),
        None,
    )
    if first_verb is None or first_verb[0] >= c_start - 4:
        return None
    mention = _speaker_before(text, sentence.start, first_verb[0], resolver)
    if mention is not None and mention.start in resolved:
        mention.entity = resolved[mention.start]
    return mention


def _speaker_next_to(text, sentence, limits, c_start, c_end, resolver, resolved):
    """The speaker phrase right before the verb, else right after it (``limits``: the part of
    the sentence outside quotations around the verb)."""
    floor, ceiling = limits
    mention = _speaker_before(text, floor, c_start, resolver)
    # "Ms Truss, who discloses a “negotiations unit” in the Foreign Office, says": a quotation
    # inside an aside; read the speaker phrase from the sentence start instead
    if mention is not None and floor > sentence.start and text[mention.start].islower():
        first = text[mention.start : mention.end].split()[0]
        if first in PREPOSITIONS:
            mention = _speaker_before(text, sentence.start, c_start, resolver) or mention
    if mention is not None and mention.start in resolved:
        mention.entity = resolved[mention.start]
    if mention is None:
        mention = _speaker_after(text, c_end, ceiling, resolver)
        if mention is not None and mention.start in resolved:
            mention.entity = resolved[mention.start]
        if mention is not None:  # "said the Council President, Ambassador Linda Thomas, on ..."
            named, _ = _name_after_role_comma(text, mention, ceiling, resolver)
            mention = named or mention
    return mention


# "the Herald quoted/cited Justice Minister Patrick Chinamasa as saying": the words between name
# the speaker.
QUOTED_AS = re.compile(
    r"\b(?:quoted|quotes|quoting|cited|cites|citing)\s+([^,.;:“”\"]{2,80}?)\s+as\s*$"
)


def _name_after_role_comma(text, mention, ceiling, resolver):
    """ "by Russian Foreign Minister, Sergey Lavrov": a title, a comma, then the name."""
    follow = re.match(
        r",\s*([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3})", text[mention.end : ceiling]
    )
    if follow and mention.entity is not None and mention.entity.type != "person":
        start = mention.end + follow.start(1)
        end = mention.end + follow.end(1)
        named = classify(text, start, end, resolver)
        if named.entity is not None and named.entity.type == "person":
            return named, end
    return None, mention.end


def sentence_subject(text: str, start: int, limit: int, resolver: Resolver) -> Mention | None:
    """The phrase that opens a sentence, up to its first verb: "The Russian Foreign Ministry".

    >>> sentence_subject("The Foreign Ministry issued a statement", 0, 39, Resolver()).entity.type
    'institution'
    """
    tokens = word_tokens(text, start, min(limit, start + SPEAKER_REACH))
    chosen = []
    for s, e, w in tokens:
        if verb_like(w) or not WORDLIKE.match(w) and w not in ("’s", "'s"):
            break
        chosen.append((s, e, w))
    if not chosen:
        return None
    return classify(text, chosen[0][0], chosen[-1][1], resolver)
