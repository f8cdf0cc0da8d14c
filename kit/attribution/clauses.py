"""Attribution, step 5: the words of indirect speech.

A verb of saying that no quotation claimed may introduce reported words without marks.
:func:`indirect_content` finds them: the "that" clause ("Keller said on Tuesday that the talks
were useful"), the clause right after a "say" verb ("Keller said the talks were useful"), the
sentence before a closing attribution ("The talks will resume, a senior official said"), or
what follows "according to X,". It returns None when the verb has an object, not a clause:

    Lavrov dismissed the suggestion.           -> no reported words
    Lavrov said Russia had sent no troops.     -> "Russia had sent no troops"

:func:`_clean_content` trims a clause at ", but", "; ", ", adding" and the like.
"""

from __future__ import annotations

import re

from kit.attribution.words import (
    DETERMINERS,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    RELATIVE_WORDS,
    WORDLIKE,
    adjective_like,
    is_capitalised,
    outside,
    past_like,
    verb_like,
    word_class,
    word_tokens,
)

# --------------------------------------------------------------------------------------------
# The reported clause


def indirect_content(text, sentence, event, masked, events) -> tuple[int, int] | None:
    """The reported clause ``(start, end)`` of an indirect statement, or None when the verb of
    saying ``event`` has no clause in ``sentence``: the clause after "according to X," or before
    ", according to X"; the clause before ", a senior official said"; the clause after the verb
    ("Keller said (that) the talks were useful").

    >>> from types import SimpleNamespace
    >>> from kit.attribution.cues import Event
    >>> from kit.attribution.speakers import Entity, Mention
    >>> text = "Keller said the talks were useful."
    >>> said = Event(7, 11, "said", "neutral", Mention(0, 6, Entity("Keller", "person")))
    >>> start, end = indirect_content(text, SimpleNamespace(start=0, end=34), said, [], [said])
    >>> text[start:end]
    'the talks were useful'
    """
    if event.speaker is None:
        return None
    if event.cue.lower().startswith("according"):
        return _according_to_clause(text, sentence, event, masked, events)
    span = _clause_around_attribution(text, sentence, event, masked)
    if span is not None:
        return span
    return _clause_after_verb(text, sentence, event, masked, events)


def _according_to_clause(text, sentence, event, masked, events) -> tuple[int, int] | None:
    """ "According to X, 12 people were killed." / "12 people were killed, according to X." """
    s_start, s_end = sentence.start, sentence.end
    head = text[s_start : event.cue_start].rstrip()
    if head.endswith(","):
        return _clean_content(text, s_start, s_start + len(head) - 1, masked)
    if re.search(r",[”\"’']$", head):  # 'Blinken also "discussed ...," according to ...'
        return s_start, s_start + len(head)
    if head.strip():
        return None
    rest = event.speaker.end
    comma = text.find(",", rest, s_end)
    if comma < 0:
        return None
    if any(comma < other.cue_start and other is not event for other in events):
        return None  # "According to Isna, the spokesperson said ...": a source of a report
    return _clean_content(text, comma + 1, s_end, masked)


# The end of the clause before an attribution: ", as" ("..., as indicated by"), a trailing
# capitalised name ("..., Prime Minister Ranil Wickremesinghe"), a comma inside a closing mark.
COMMA_AS = re.compile(r",\s+as$")
# (\s+NAME)+ written as \sNAME-with-\s*(\s+NAME)*: the same matches, and the regex engine
# skips to the next white space between tries instead of trying at every character
TRAILING_NAME = re.compile(r"\s\s*[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)*$")
COMMA_IN_MARK = re.compile(r",[”\"’']$")


def _clause_around_attribution(text, sentence, event, masked) -> tuple[int, int] | None:
    """The clause before ", a senior official said", or around ", officials said,"."""
    s_start, s_end = sentence.start, sentence.end
    lower = event.cue.lower()
    # "The talks will resume, a senior official said." / "..., said Maria Zakharova."
    head = text[s_start : min(event.cue_start, event.speaker.start)].rstrip()
    head = COMMA_AS.sub(",", head)  # "..., as indicated by Sergey Lavrov"
    if not head.endswith(","):  # "..., Prime Minister Ranil Wickremesinghe said"
        untitled = TRAILING_NAME.sub("", head)
        if untitled.endswith(",") and untitled != head:
            head = untitled
    tail = text[max(event.cue_end, event.speaker.end) : s_end]
    # the comma may sit inside the closing mark: 'The council would continue to "look at every
    # option," she said.'
    comma_inside = bool(COMMA_IN_MARK.search(head))
    middle = re.match(r"\s*,\s*(?!and\s|but\s)\S+(?:\s+\S+){2,}", tail) and any(
        verb_like(w) for w in re.findall(r"[\w’'\-]+", tail)
    )  # "Without further action, Hunt said, NATO's “credibility” will be undermined"
    if (
        not middle
        and (head.endswith(",") or comma_inside)
        and len(head.split()) >= 3
        and (
            len(tail.split()) <= 6
            or re.match(r"\s*(?:after|before|on|in|at|during|when|while|following)\b", tail)
            or re.match(r"\s*,\s*(?:and|but)\s", tail)  # "..., he said, and many are hungry"
            or (
                lower in word_class("addressee-verb") and len(tail.split()) <= 12
            )  # "..., X told a hurt ECI"
        )
        and (
            lower in word_class("addressee-verb")
            or not re.match(r"\s*(?:that|the|a|an|he|she|it|they)\b", tail)
        )
        and not re.search(r"(?:^|\s)that\s", tail)  # "..., X said in a statement that ..."
        and re.fullmatch(r"[\s\w.,’'\-“”\"()]*[.!?]?", tail)
    ):
        if not _mostly_quoted(text, s_start, s_start + len(head), masked):
            return _clean_content(text, s_start, s_start + len(head) - (not comma_inside), masked)
    # "The ceasefire, officials said, was holding": the clause goes on after the attribution
    left = text[s_start : min(event.cue_start, event.speaker.start)].rstrip()
    right_start = max(event.cue_end, event.speaker.end)
    right = text[right_start:s_end]
    if left.endswith(",") and right.startswith(",") and len(left.split()) <= 6:
        return _clean_content(text, right_start + 1, s_end, masked)
    return None


def _clause_after_verb(text, sentence, event, masked, events) -> tuple[int, int] | None:
    """The clause after the verb: "Keller said (on Tuesday) (that) the talks were useful"."""
    s_end = sentence.end
    lower = event.cue.lower()
    position = _clause_start(text, sentence, event, masked)
    # "said (on Sunday after a meeting with his counterparts from Ukraine, Russia and France)
    # that ...": a prepositional phrase may be long, other words between verb and "that" not
    that = None
    if text.find("that", position, s_end) >= 0:  # else the pattern cannot match: not tried
        that = THAT_AFTER_VERB.match(text, position, s_end)
    gap = that.group(1).split() if that else []
    if that and (
        not gap
        or (
            gap[0].lower() in PREPOSITIONS
            and (len(gap) <= 8 or not any(verb_like(w.strip(",")) for w in gap))
        )
        or (lower in word_class("addressee-verb") and len(gap) <= 8)
        or (lower.startswith("express") and len(gap) <= 2)  # "expressed (deep) hope that"
    ):
        return _clean_content(text, that.end(), s_end, masked)
    # the decisions below read the first words after the verb: tokenize only those (a sentence
    # with no full stop can be long)
    tokens = word_tokens(text, position, min(s_end, position + LOOK_AHEAD))
    if not tokens or not WORDLIKE.match(tokens[0][2]):
        return None
    # "said in a statement." is not a clause; "said about 12,000 people had fled" is
    number_follows = len(tokens) > 1 and tokens[1][2][:1].isdigit()
    # "stated this", "said so", "said it", "said nothing": no reported clause (but in "said it
    # had informed the mediators", "it" is the subject of the clause)
    subject_it = (
        tokens[0][2].lower() in ("it", "this")
        and len(tokens) > 1
        and tokens[1][2].lower() in word_class("finite")
    )
    if (
        tokens[0][2].lower() in ("to", "so", "it", "this", "nothing", "something", "goodbye")
        and not subject_it
    ) or (tokens[0][2].lower() in PREPOSITIONS and not number_follows):
        return None
    # "accuses politicians of being sucked into ...": an accusation of, not a reported clause
    if lower.startswith("accus"):
        return None
    # "denied claims that progress had been made": the clause is what others claimed, which the
    # speaker rejects ("said claims that ... were false" is still the speaker's clause)
    if lower.startswith(REJECTING_VERBS) and _reports_noun_first(tokens):
        return None
    skip = 0
    if lower in word_class("addressee-verb"):
        skip = _addressee_length(tokens)
        if skip is None:
            return None
    clause = tokens[skip:]
    if not clause or any(qs <= clause[0][0] < qe for qs, qe in masked):
        return None
    # "recounted telling Trump — to which Trump replied": after the one spoken to, a dash or a
    # relative clause is not what was said
    if skip and (
        not WORDLIKE.match(clause[0][2]) or clause[0][2].lower() in RELATIVE_WORDS | {"to"}
    ):  # "urged the EU to increase sanctions": a call to act, not a reported clause
        return None
    span = _clean_content(text, clause[0][0], s_end, masked)
    if span is not None:
        span = stop_at_other_attribution(text, span, event, events, masked)
    if span is None:
        return None
    return span if _reads_as_clause(text, span, lower, masked) else None


# Up to 16 words, then "that": matched from the verb on (match(text, start, end) reads
# text[start:end] as the whole string, and gives offsets into text)
THAT_AFTER_VERB = re.compile(r"((?:\s*,?\s+[\w’'.\-]+){0,16}?)\s+that,?\s")


def _clause_start(text, sentence, event, masked) -> int:
    """Where a clause after the verb may start: past the one spoken to when that is a title in
    marks, and past time phrases ("said on Sunday ...")."""
    lower = event.cue.lower()
    s_end = sentence.end
    # "Keller said (on Tuesday) (that) the talks were useful"
    position = max(event.cue_end, event.speaker.end if event.speaker.start > event.cue_end else 0)
    # "told “Meet the Press” on Sunday that ...": a title in marks is the one spoken to
    if lower in word_class("addressee-verb"):
        title = next(
            (qe for qs, qe in masked if qs >= position and not text[position:qs].strip()), None
        )
        if title is not None and text[title + 1 : title + 2].isalpha():
            inner = text[position:title].strip().lstrip("“\"‘'")
            if inner[:1].isupper() and not re.search(r"[,.!?:]\W*$", text[position:title]):
                position = title
    # "announced on Sunday they had killed ...", "said yesterday the talks had failed"
    adjunct = ADJUNCT.match(text, position, s_end)
    if adjunct:
        position = adjunct.end()
    return position


def _reads_as_clause(text, span, lower, masked) -> bool:
    """Whether the words after a verb of saying read as a reported clause: a finite verb among
    the first words ("said the talks were useful"), or a subject and a bare verb after a
    mandative verb ("demanded Russia cooperate"); not a plain object ("dismissed the
    suggestion")."""
    head = (span[0], min(span[1], span[0] + LOOK_AHEAD))
    counted = 0
    for _, _, w in word_tokens(text, *head):
        counted += bool(WORDLIKE.match(w))
        if counted == 3:
            break
    if counted < 3:  # "dismissed the suggestion", "condemning the U.S."
        return False
    # the verb test looks at the writer's words, not the quoted ones
    tokens = word_tokens(text, head[0], min(span[1], span[0] + 2 * LOOK_AHEAD))
    words = [w for _, _, w in outside(tokens, masked) if WORDLIKE.match(w)]
    ok = lower in word_class("say-verb") and lower not in word_class("addressee-verb")
    ok = ok or _finite_among(words, set(words[1:8]))
    # "demanded Russia cooperate" (a subject and a bare verb), not "demanded a ceasefire"
    ok = ok or (
        lower in word_class("mandative-verb")
        and len(words) > 1
        and words[1].islower()
        and words[1] not in PREPOSITIONS
        and words[0].lower() not in ("a", "an")
        and "to" not in [w.lower() for w in words[:4]]  # "urged the union to strike": a call
    )
    return bool(ok)


def _finite_among(words: list[str], wanted: set[str]) -> bool:
    """Whether one of the ``wanted`` words is used as a finite verb somewhere in ``words``: a
    finite form or a past form, but not right after "that", "which" or "who" (a relative clause
    inside an object: "condemned the forces that encouraged them") nor after a determiner ("the
    suggested deal"). Only the wanted words are tested, and the first use found is enough."""
    finite = word_class("finite")
    for previous, w in zip(["", *words], words):
        if w not in wanted or not (w.lower() in finite or past_like(w)):
            continue
        before = previous.lower()
        if before not in RELATIVE_WORDS and before != "that":
            if not (past_like(w) and before in DETERMINERS):
                return True
    return False


# How far past a verb of saying the clause tests read (characters): far enough for the one
# spoken to and the first eight words of the clause.
LOOK_AHEAD = 400


# Time and place phrases between a verb of saying and its clause.
ADJUNCT = re.compile(
    r"(?:\s*,?\s*(?:(?:late|early)\s+)?(?:on|in|at)\s+(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b(?:\s+(?:night|morning|evening|afternoon|\d{1,2}))?"
    r"|\s*(?:yesterday|today|tonight|earlier|later|again|also"
    r"|last\s+(?:week|month|year|night|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
    r"\b)+"
)


SUBORDINATOR = r"\s(?:after|before|when|while|because|since|although|until)\s+(?:the\s+)?$"


# --------------------------------------------------------------------------------------------
# Where a reported clause ends


def _mostly_quoted(text, start, end, masked) -> bool:
    """Whether ``text[start:end]`` opens with a quotation or is mostly inside quotation marks:
    then it is a direct quotation, not retold speech. 'Israel seems “unwilling to reach an
    agreement” as it has not yet responded, the spokesperson said' is retold speech with a
    partial quotation in it."""
    if any(qs == start for qs, _ in masked):
        return True
    inside = sum(max(0, min(qe, end) - max(qs, start)) for qs, qe in masked)
    return inside * 2 >= end - start


def stop_at_other_attribution(text, span, event, events, masked):
    """Cut a reported clause before another attribution that closes the sentence: in "Mogherini
    stressed the need to stop the fighting, the European External Action Service reported", the
    clause of "stressed" ends at the comma; in "Sand accused the opposition of lying and said the
    minister would sue", the object of "accused" ends at "and".

    >>> from kit.attribution.cues import Event
    >>> from kit.attribution.speakers import Entity, Mention
    >>> text = "Mogherini stressed the need to stop the fighting, the EEAS reported."
    >>> stressed = Event(10, 18, "stressed", "assertive", Mention(0, 9, Entity("M", "person")))
    >>> reported = Event(59, 67, "reported", "neutral", Mention(50, 58, Entity("E", "institution")))
    >>> start, end = stop_at_other_attribution(text, (19, 67), stressed, [stressed, reported], [])
    >>> text[start:end]
    'the need to stop the fighting'
    """
    start, end = span
    for other in events:
        if other is event or not (start < other.cue_start < end):
            continue
        if any(qs <= other.cue_start < qe for qs, qe in masked):
            continue
        # "dismissed Biden’s optimism after the American leader said ...": the other speaker
        # opens a clause of its own, which is not part of this one
        if other.speaker is not None and start < other.speaker.start < other.cue_start:
            joined = re.search(SUBORDINATOR, text[start : other.speaker.start])
            if joined:
                return _clean_content(text, start, start + joined.start(), masked)
        # "Truss, who discloses that she has set up a unit, says sanctions ...": the other verb
        # belongs to a speaker named before this clause, so this clause ends before it
        if other.speaker is not None and other.speaker.start < start:
            comma = text.rfind(",", start, other.cue_start)
            if comma > start:
                comma = next((qe for qs, qe in masked if qs < comma < qe), comma)
                return _clean_content(text, start, comma, masked)
        if _unquoted_words(text, other.cue_end, end, masked) > 6:
            continue  # a nested attribution, not one closing the sentence
        edge = other.cue_start
        if other.speaker is not None and start < other.speaker.start < other.cue_start:
            edge = other.speaker.start
        comma = max(text.rfind(",", start, edge), text.rfind(" and ", start, edge))
        if comma > start and not text[comma:edge].strip(", ").count(" ") > 8:
            # 'had been "cordial," describing ...': a comma inside the marks, cut after them
            comma = next((qe for qs, qe in masked if qs < comma < qe), comma)
            return _clean_content(text, start, comma, masked)
    return span


# Verbs that reject what others said, and the nouns for what others said.
REJECTING_VERBS = ("deny", "denie", "denied", "dismiss", "reject", "refute", "rebut", "brush")


def _reports_noun_first(tokens) -> bool:
    """The object opens with what others said: "claims that", "media reports that"."""
    for _, _, word in tokens[:4]:
        lowered = word.lower()
        if lowered in word_class("reports-noun"):
            return True
        if not (lowered in DETERMINERS or adjective_like(lowered) or word[:1].isupper()):
            return False
    return False


def _unquoted_words(text, start, end, masked, *, enough: int = 7) -> int:
    """Words in ``text[start:end]`` outside quotation marks, counted up to ``enough`` (the
    callers only ask whether there are more than a few, and a long sentence stays cheap)."""
    count = 0
    for match in UNQUOTED_WORD.finditer(text, start, end):
        if not any(qs <= match.start() < qe for qs, qe in masked):
            count += 1
            if count >= enough:
                break
    return count


UNQUOTED_WORD = re.compile(r"\w[\w’'.\-]*")


def _addressee_length(tokens) -> int | None:
    """How many tokens name who was spoken to: "him", "Lavrov", "the UN", "reporters"."""
    if not tokens:
        return None
    first = tokens[0][2]
    if first.lower() in OBJECT_PRONOUNS:
        return 1
    if first.lower() in ("reporters", "journalists", "lawmakers", "parliament", "delegates"):
        return 1
    k = 1 if first.lower() == "the" else 0
    n = k
    while n < len(tokens) and is_capitalised(tokens[n][2]):
        n += 1
    if n > k:
        return n
    return 0


# '..., describing them as "exploratory"': a participle of saying after a comma (maybe inside the
# closing mark) starts a new statement by the same speaker.
CLOSING_PARTICIPLE = r",[”\"’']?\s+(?:describing|calling|noting|stressing|warning|explaining)\s"


# Where a reported clause stops, tried in this order.
CLAUSE_ENDS = [
    re.compile(marker)
    # "\s\s*—" is "\s+—" written so that the engine skips to white space between tries
    for marker in (r",\s+but\s", r";\s", r",\s+while\s", r"\s\s*—\s", r",\s+according\s+to",
                   r",\s+adding\s", r",\s+insisting\s", r",\s+saying\s", CLOSING_PARTICIPLE)
]  # fmt: skip
ANY_CLAUSE_END = re.compile("|".join(f"(?:{marker.pattern})" for marker in CLAUSE_ENDS))


def _clean_content(text, start, end, masked) -> tuple[int, int] | None:
    """Trim a reported clause: stop at ", but", "; ", ", adding", ", according to"."""
    piece = text[start:end]
    # one search for any of the markers first: most clauses have none, and then none is cut
    for marker in CLAUSE_ENDS if ANY_CLAUSE_END.search(piece) else ():
        found = marker.search(piece)
        if found and not any(qs <= start + found.start() < qe for qs, qe in masked):
            piece = piece[: found.start()]
    s, e = start, start + len(piece)
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:"):
        if any(qs < e <= qe for qs, qe in masked):
            break
        if text[e - 1] == "." and re.search(r"\b[A-Z]\.[A-Z]\.$", text[s:e]):
            break  # "the U.S."
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    if e - s < 3:
        return None
    return s, e
