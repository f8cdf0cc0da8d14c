"""Attribution, step 3b: what a speaker phrase names, and who "he" or "she" is.

:func:`classify` turns a phrase into an :class:`Entity`: a person (titles cut off, "Foreign
Minister Sergei Lavrov" -> "Sergei Lavrov"), an institution ("the Foreign Ministry"), a vague
source ("a senior official", "critics") or something unknown. The :class:`Resolver` remembers
who has been named, so that a surname finds its full name ("Lavrov" -> "Sergei Lavrov") and a
pronoun finds the last person doing things (:func:`track_subjects`). In

    Kerry met Foreign Minister Sergei Lavrov. He told Lavrov the talks were useful.

"He" is Kerry (the subject of "met"), not Lavrov (the one met and spoken to).
Word lists: ``attribution_titles.csv``, ``attribution_institutions.csv``,
``attribution_vague.csv`` in ``kit/lexicons/``, and the short lists below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kit.attribution.words import (
    BOUNDARY_WORDS,
    DETERMINERS,
    NAME_PARTICLES,
    PRONOUNS,
    WORDLIKE,
    built_from,
    is_capitalised,
    letter_tree,
    lexicon,
    not_names,
    outside,
    remember,
    sentence_tokens,
    verb_like,
    word_class,
)
from kit.text import word_spans

# --------------------------------------------------------------------------------------------
# Word lists for people and sources


@dataclass
class Entity:
    """Someone or something that speaks: a person, an institution or a vague source."""

    name: str
    type: str  # person | institution | anonymous | group | media | unknown
    gender: str | None = None
    roles: set = field(default_factory=set)  # lower-case title words: {"foreign", "minister"}

    @property
    def named(self) -> bool:
        return self.type in ("person", "institution")


@dataclass
class Mention:
    """Where a speaker is named in the text (``start``, ``end``) and who that is (``entity``)."""

    start: int
    end: int
    entity: Entity | None


# --------------------------------------------------------------------------------------------
# Titles, institutions and vague sources


def titles() -> list[list[str]]:
    """The titles of ``attribution_titles.csv``, as lists of words, longest first.

    >>> ["Foreign", "Minister"] in titles()
    True
    """
    return built_from("attribution_titles", _build_titles)


def _build_titles(rows: tuple) -> list[list[str]]:
    found = [r["term"].split() for r in rows if r["category"] == "title"]
    return sorted(found, key=len, reverse=True)


def abbreviations() -> frozenset[str]:
    """Titles written with a full stop, whose period ends no sentence.

    >>> "Mr." in abbreviations(), "Rep." in abbreviations()
    (True, True)
    """
    return built_from("attribution_titles", _build_abbreviations)


def _build_abbreviations(rows: tuple) -> frozenset[str]:
    return frozenset(
        r["term"] for r in rows if r["category"] == "title" and re.fullmatch(r"\S+\.", r["term"])
    )


def _split_title(words: list[str]) -> int:
    """How many leading words of a capitalised run are a title: "Russian Foreign Minister"."""
    return remember(_title_length, words)


def _title_length(words: list[str]) -> int:
    cut = 0
    for i in range(len(words)):
        for title in _titles_by_first_word().get(words[i], ()):
            if words[i : i + len(title)] == title:
                cut = max(cut, i + len(title))
    return cut


def _title_goes_on(before: str, after: str) -> bool:
    """Whether some title reads "BEFORE of AFTER" ("Secretary of State", "Minister of Defence")."""
    return any(
        title[i : i + 3] == [before, "of", after]
        for title in _titles_by_first_word().get(before, ())
        for i in range(len(title) - 2)
    )


def _titles_by_first_word() -> dict[str, list[list[str]]]:
    return built_from("attribution_titles", _build_titles_by_first_word)


def _build_titles_by_first_word(rows: tuple) -> dict[str, list[list[str]]]:
    table: dict[str, list[list[str]]] = {}
    for title in _build_titles(rows):
        table.setdefault(title[0], []).append(title)
    return table


def institution_pattern() -> re.Pattern:
    """A pattern for the institutions of ``attribution_institutions.csv``.

    >>> bool(institution_pattern().search("the Russian Foreign Ministry"))
    True
    """
    return built_from("attribution_institutions", _build_institution_pattern)


def _build_institution_pattern(rows: tuple) -> re.Pattern:
    terms = sorted((r["term"] for r in rows if r["category"] == "institution"), key=len)
    # as a tree of letters (see letter_tree): the same matches, without trying every name
    tree = letter_tree([[re.escape(char) for char in term] for term in reversed(terms)])
    if tree is None:
        tree = "|".join(map(re.escape, reversed(terms)))
    return re.compile(r"(?<![\w.])(?:" + tree + r")(?!\w)")


def place_or_institution(words: list[str]) -> str | None:
    """ "institution" if the words name one ("the Foreign Ministry"), "place" for a country,
    city or nationality ("Russia", "Russian"), else None.

    >>> place_or_institution(["the", "Foreign", "Ministry"]), place_or_institution(["Russian"])
    ('institution', 'place')
    """
    return remember(_place_or_institution, words)


def _place_or_institution(words: list[str]) -> str | None:
    if institution_pattern().search(" ".join(words)):
        return "institution"
    institutions = lexicon("attribution_institutions")
    if any(institutions.get(w, ("",))[0] == "place" for w in words):
        return "place"
    return None


def outlet_or_document(words: list[str]) -> str | None:
    """ "media" when a phrase names a news outlet ("The Times", "the newspaper"), "document" when
    its head is a document ("the letter", "the court filing"), else None.

    >>> outlet_or_document(["The", "New", "York", "Times"]), outlet_or_document(["the", "letter"])
    ('media', 'document')
    """
    return remember(_outlet_or_document, words)


def _outlet_or_document(words: list[str]) -> str | None:
    if not words or len(words) > 6:
        return None
    institutions = lexicon("attribution_institutions")
    head = re.sub(r"[’']s$", "", words[-1])
    if institutions.get(head, ("",))[0] == "media" and (head[:1].isupper() or len(words) <= 3):
        return "media"
    if lexicon("attribution_documents").get(head.lower(), ("",))[0] == "document":
        return "document"
    return None


def vague_head(words: list[str]) -> str | None:
    """The category of a vague source among ``words`` ("anonymous" for "a senior official",
    "group" for "critics"), from ``attribution_vague.csv`` and the role words of
    ``attribution_titles.csv``; None when the words name no such source.

    >>> vague_head(["senior", "officials"]), vague_head(["Kerry"])
    ('anonymous', None)
    """
    return remember(_vague_head, words)


def _vague_head(words: list[str]) -> str | None:
    vague = lexicon("attribution_vague")
    lowered = [w.lower() for w in words]
    joined = " ".join(lowered)
    for term, category in built_from("attribution_vague", _vague_phrases):
        if term in joined:
            return category
    for word in lowered:
        if word in vague:
            return vague[word][0]
    roles = built_from("attribution_titles", _role_words)
    if any(w in roles for w in lowered):
        return "anonymous"
    return None


def _vague_phrases(rows: tuple) -> list[tuple[str, str]]:
    """The vague sources of more than one word ("senior official"), in the list's order."""
    table = {r["term"]: r["category"] for r in rows}
    return [(term, category) for term, category in table.items() if " " in term]


def _role_words(rows: tuple) -> frozenset[str]:
    """The role words of ``attribution_titles.csv`` ("spokesman"): unnamed people."""
    table = {r["term"]: r["category"] for r in rows}
    return frozenset(term for term, category in table.items() if category == "role")


# --------------------------------------------------------------------------------------------
# Who is who: names, surnames and pronouns


class Resolver:
    """Keeps track of who has been talked about, to resolve "he", "she", "it", "they" and
    surnames ("Kerry" -> "John Kerry").

    Rule: a pronoun that speaks is the most recent compatible *subject* (the one doing things,
    not the one spoken to): "Kerry met Lavrov. He told Lavrov ..." -> He = Kerry.
    """

    def __init__(self) -> None:
        self.full_names: dict[str, Entity] = {}
        self.subjects: list[Entity] = []
        self.last_speaker: Entity | None = None  # the last person quoted, in an earlier sentence
        self.people: list[Entity] = []  # everyone named, first mention first
        self.known: set[int] = set()  # ids of self.people
        self.titled: dict[int, Entity] = {}  # everyone given a title or role, by id

    def recent_source(self) -> Entity | None:
        """The most recent singular speaker: a person or an unnamed individual."""
        for entity in reversed(self.subjects):
            if entity.type == "person" or (entity.type == "anonymous" and not _plural(entity.name)):
                return entity
        return None

    def recent_group(self) -> Entity | None:
        """The most recent plural unnamed source: "senior sources", "officials"."""
        for entity in reversed(self.subjects):
            head = re.split(r"\s(?:of|for|at|in|with|from|within|close|familiar)\s", entity.name)[0]
            if entity.type in ("anonymous", "group") and _plural(head):
                return entity
        return None

    def by_role(self, role: str) -> Entity | None:
        """The last person with this role: "the minister" after "Foreign Minister Sergei Lavrov"."""
        for entity in reversed(self.subjects):
            if entity.type == "person" and role in entity.roles:
                return entity
        # only people given a title can have the role: when none has it, the names need no look
        if not any(role in entity.roles for entity in self.titled.values()):
            return None
        for entity in reversed(self.full_names.values()):
            if entity.type == "person" and role in entity.roles:
                return entity
        return None

    def person(self, name: str, gender: str | None = None, roles=()) -> Entity:
        parts = name.split()
        last = parts[-1]
        if len(parts) >= 2:
            gender = gender or first_name_gender(parts[0])
            entity = self.full_names.get(name)
            if entity is None:
                known = self.full_names.get(last)
                if known is not None and known.name == last and known.type == "person":
                    known.name = name  # "Lavrov" in the headline, "Sergei Lavrov" later: one man
                    entity = known
                else:
                    entity = Entity(name, "person")
            self.full_names[name] = entity
            self.full_names.setdefault(last, entity)
            particle = last.split("-", 1)
            if len(particle) == 2 and particle[0].lower() in NAME_PARTICLES | {"el", "abu"}:
                self.full_names.setdefault(particle[1], entity)  # "Al-Lahem" is also "Lahem"
            if self.full_names[last].name != name:
                self.full_names[last] = entity
        else:
            entity = self.full_names.get(last)
            if entity is not None and gender and entity.gender not in (None, gender):
                # "Mr. Obama" after "Michelle Obama": the title's gender wins over the surname
                entity = next(
                    (e for e in reversed(self.people) if e.name.split()[-1] == last
                     and e.gender in (None, gender)),
                    None,
                )  # fmt: skip
                if entity is None:
                    entity = Entity(name, "person", gender)
                self.full_names[last] = entity
            if entity is None:
                entity = Entity(name, "person")
                self.full_names[last] = entity
        if id(entity) not in self.known:
            self.known.add(id(entity))
            self.people.append(entity)
        if gender and not entity.gender:
            entity.gender = gender
        entity.roles.update(word.lower().rstrip(".") for word in roles)
        if entity.roles:
            self.titled[id(entity)] = entity
        return entity

    def pronoun(self, word: str) -> Entity | None:
        kind = PRONOUNS[word.lower()]
        for entity in reversed(self.subjects):
            if kind in ("male", "female"):
                if entity.type == "person" and entity.gender in (None, kind):
                    entity.gender = kind
                    return entity
                # "the mother of the young person said ... She said": a phrase naming a woman
                if entity.type in ("unknown", "group", "anonymous") and (
                    _gender(entity.name.split()[:1]) == kind
                ):
                    return entity
                # "A senior official said ... He added": an unnamed person is still a person
                if entity.type == "anonymous" and not _plural(entity.name):
                    return entity
            elif kind == "thing":  # "it further wrote": an institution, an outlet, a document
                if entity.type in ("institution", "media", "document") and (
                    not _plural(entity.name) or entity.name[:1].isupper()  # "the Times"
                ):
                    return entity
            elif entity.type in ("group", "anonymous", "institution", "media") and _plural(
                entity.name
            ):
                return entity
        if kind in ("male", "female"):  # nobody fits among the subjects: any person named so far
            people = [e for e in reversed(list(self.full_names.values())) if e.type == "person"]
            for entity in people:
                if entity.gender == kind:
                    return entity
            # "Secretary-General Antonio Guterres on Wednesday ranked ... he demanded": the last
            # person named, when nothing says whether that is a man or a woman
            for entity in people:
                if entity.gender is None:
                    entity.gender = kind
                    return entity
        return None

    def subject(self, entity: Entity | None) -> None:
        if entity is not None:
            subjects = self.subjects
            # the first earlier subject that is this one, or an equal one ("officials" twice),
            # moves to the end; only those with the same name can be, so compare names first
            names = [e.name for e in subjects]
            k = names.index(entity.name) if entity.name in names else -1
            while k >= 0:
                if subjects[k] is entity or subjects[k] == entity:
                    del subjects[k]
                    break
                k = names.index(entity.name, k + 1) if entity.name in names[k + 1 :] else -1
            subjects.append(entity)
            del subjects[:-40]  # only recent subjects matter (and it keeps this fast)


def first_name_gender(word: str) -> str | None:
    """ "female" or "male" for a first name in ``attribution_first_names.csv``, else None.

    >>> first_name_gender("Michelle"), first_name_gender("Barack"), first_name_gender("Kerry")
    ('female', 'male', None)
    """
    entry = lexicon("attribution_first_names").get(word)
    return entry[0] if entry else None


def _plural(name: str) -> bool:
    last = name.split()[-1] if name.split() else ""
    return last.endswith("s") and not last.endswith("ss") or last.lower() in {"police", "people"}


LEADING_THE = re.compile(r"^(?:the|The)\s+")


def _strip_determiner(text: str) -> str:
    return LEADING_THE.sub("", text)


# --------------------------------------------------------------------------------------------
# What a speaker phrase names


def classify(text: str, start: int, end: int, resolver: Resolver, context: str = "") -> Mention:
    """What a speaker phrase ``text[start:end]`` refers to: a person (titles cut off), an
    institution, an outlet or document, a vague source, or something unknown.

    What the words alone tell (:func:`phrase_reading`) is worked out once per phrase; who they
    name depends on what the article said before (``resolver``).

    >>> mention = classify("Foreign Minister Sergei Lavrov", 0, 30, Resolver())
    >>> mention.entity.name, mention.entity.type, (mention.start, mention.end)
    ('Sergei Lavrov', 'person', (17, 30))
    """
    phrase = text[start:end]
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return Mention(start, end, resolver.pronoun(words[0]))
    reading = remember(_reading_of_phrase, [phrase])
    if reading[0] == "names":  # "The Times", "the Bank of England": named by the phrase
        return Mention(start, end, Entity(reading[1], reading[2]))
    if reading[0] == "person":  # "Foreign Minister Sergei Lavrov"
        _, name, name_start, name_end, roles = reading
        entity = resolver.person(name, _gender(words + context.split()), list(roles))
        return Mention(start + name_start, start + name_end, entity)
    _, kind, vague, head_vague, run_name = reading
    # "this senior American official said": someone already introduced
    if words[0].lower() in ("this", "that") and vague:
        earlier = resolver.recent_source()
        if earlier is not None:
            return Mention(start, end, earlier)
    # "the minister added" after "Foreign Minister Sergei Lavrov": the same person
    if words[0].lower() == "the" and len(words) <= 3 and kind != "institution":
        person = resolver.by_role(words[-1].lower())
        # "Brig. Mansour Al-Turki, spokesman of the Interior Ministry, said ... “...,” the
        # spokesman said": a role word alone goes back to the last person who spoke
        if (
            person is None
            and len(words) == 2
            and words[-1].lower() in word_class("back-reference-role")
        ):
            person = resolver.last_speaker
        if person is not None:
            return Mention(start, end, person)
    if vague and (kind != "institution" or head_vague):
        return Mention(start, end, Entity(_vague_label(phrase), head_vague or vague))
    if kind in ("institution", "place") or place_or_institution(words):
        return Mention(start, end, Entity(_strip_determiner(phrase), "institution"))
    if run_name is not None:
        return Mention(start, end, resolver.person(run_name))
    return Mention(start, end, Entity(_strip_determiner(phrase), "unknown"))


def _reading_of_phrase(phrase_alone: list[str]) -> tuple:
    """:func:`phrase_reading` of ``[phrase]``, with the shape of its words found in the phrase
    itself. That is the shape they have in the sentence too: :func:`~kit.attribution.words.
    word_tokens` gives the words of a stretch as ``word_spans`` of the stretch alone would
    (``kit.text.WORD`` reads nothing before a word, and a word of the sentence that runs over
    the stretch's edge makes it tokenize the stretch alone). So the reading is remembered by
    the phrase alone, and a phrase read before costs one look-up, with no tokenizing."""
    phrase = phrase_alone[0]
    return phrase_reading([phrase, tuple(word_spans(phrase))])


def phrase_reading(phrase_and_shape: list) -> tuple:
    """What a speaker phrase tells by its words alone, given ``[phrase, shape]`` (``shape``: the
    ``(start, end)`` of its words, counted from the phrase's start):

    - ``("names", name, type)``: an outlet or document ("The Times"), or an institution's whole
      name ("the Bank of England");
    - ``("person", name, start, end, roles)``: a person's name, where it stands, the title words;
    - ``("other", kind, vague, head_vague, run_name)``: the rest, for :func:`classify` to read
      with what the article said before.

    >>> phrase_reading(["the Bank of England", ((0, 3), (4, 8), (9, 11), (12, 19))])
    ('names', 'Bank of England', 'institution')
    """
    phrase, shape = phrase_and_shape
    words = phrase.split()
    tokens = [(s, e, phrase[s:e]) for s, e in shape]
    runs = capitalised_runs(tokens)
    # "The Times wrote", "the letter reads": outlets and documents speak in news
    voice = outlet_or_document(words)
    if voice is not None:
        return ("names", _strip_determiner(phrase), voice)
    # "the Movement for Democratic Change", "the Bank of England": a whole institution's name
    if _institution_name(words):
        return ("names", _strip_determiner(phrase), "institution")
    head_run = bool(runs) and runs[-1][-1][1] == len(phrase)
    run = runs[-1] if head_run else (runs[0] if runs else [])
    kind = None
    if run:
        words_run = [w for _, _, w in run]
        cut = _split_title(words_run)
        name_tokens = [t for t in run[cut:] if t[2] != "of"]
        category = place_or_institution(words_run[cut:] if cut else words_run)
        names_a_group = vague_head([w for _, _, w in name_tokens])  # "Critics", "Police"
        if (
            name_tokens
            and category is None
            and not names_a_group
            and (cut or head_run or not vague_head(words))
        ):
            name = " ".join(w for _, _, w in name_tokens)
            roles = tuple(words_run[:cut] + [w for w in words if w.islower()])
            return ("person", name, name_tokens[0][0], name_tokens[-1][1], roles)
        kind = category
    vague = vague_head(words)
    # the head noun decides: "a State Department spokeswoman", "the spokesperson of the US State
    # Department" are unnamed people, even though an institution is named around them
    head_words = re.split(r"\s(?:of|for|at|in|with|from)\s", phrase, maxsplit=1)[0].split()
    head_vague = vague_head(head_words[-1:]) if head_words else None
    run_name = " ".join(w for _, _, w in run if w != "of") if run else None
    return ("other", kind, vague, head_vague, run_name)


def _vague_label(phrase: str) -> str:
    """How a vague source is named: "The protesters" -> "protesters", "Local officials" ->
    "local officials", but "Russian officials" keeps its capital."""
    label = _strip_determiner(phrase)
    first_word = re.sub(r"[’']s$", "", label.split()[0])  # "Britain's" is "Britain"
    kept = first_word in lexicon("attribution_institutions") or label.isupper()
    # "Foreign Ministry spokesperson" keeps its capital: the first two words are a name
    kept = kept or (
        len(label.split()) > 1
        and label.split()[0].lower() not in DETERMINERS
        and is_capitalised(label.split()[1])
    )
    if not kept:
        label = label[0].lower() + label[1:]
    return label


def capitalised_runs(tokens: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """The runs of capitalised words in a phrase's tokens, names and titles in them.

    >>> words = ["Russian", "Foreign", "Minister", "Sergei", "Lavrov", "said"]
    >>> tokens, at = [], 0
    >>> for w in words:
    ...     tokens.append((at, at + len(w), w))
    ...     at += len(w) + 1
    >>> [[w for _, _, w in run] for run in capitalised_runs(tokens)]
    [['Russian', 'Foreign', 'Minister', 'Sergei', 'Lavrov']]
    """
    # Capitalised runs, names in them: "Russian Foreign Minister Sergei Lavrov", "Kerry",
    # "Nimal Siripala de Silva". A run that ends the phrase is its head, and the words before it
    # describe the person: "TTP spokesman Shahidullah Shahid", "State Department spokesperson
    # Matthew Miller". Otherwise the first run counts ("Russian officials").
    runs: list[list[tuple[int, int, str]]] = []
    run: list[tuple[int, int, str]] = []
    origin = False  # inside "of Fatah" after a full name: where the person comes from
    names_not = not_names()
    for index, (s, e, w) in enumerate(tokens):
        following = tokens[index + 1][2] if index + 1 < len(tokens) else ""
        if origin and is_capitalised(w):
            continue
        origin = False
        if run and w == "of" and _full_name([x[2] for x in run]):
            if not _title_goes_on(run[-1][2], following):
                runs.append(run)
                run, origin = [], True
                continue
        if is_capitalised(w) and w not in names_not:
            run.append((s, e, w))
        elif (
            run
            and w == "of"
            and (
                _title_goes_on(run[-1][2], following)
                or not (
                    place_or_institution([x[2] for x in run]) or _full_name([x[2] for x in run])
                )
            )
        ):  # "U.S. Secretary of State John Kerry": the title goes on past the country, but
            # "Azzam al-Ahmad of Fatah" is a name and where he comes from
            run.append((s, e, w))
        elif run and w in NAME_PARTICLES and is_capitalised(following):
            run.append((s, e, w))
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _institution_name(words: list[str]) -> bool:
    """ "the Movement for Democratic Change": "the", then capitalised words (joined by of, for,
    and) that open with an institution word. Not "the Foreign Ministry spokesperson"."""
    if len(words) < 3 or words[0] not in ("the", "The") or not is_capitalised(words[1]):
        return False
    if any(not is_capitalised(w) and w not in ("of", "for", "and", "on") for w in words[1:]):
        return False
    if not is_capitalised(words[-1]):
        return False
    first_run = []
    for w in words[1:]:
        if not is_capitalised(w):
            break
        first_run.append(w)
    return place_or_institution(first_run) == "institution" and len(first_run) < len(words) - 1


def _full_name(words: list[str]) -> bool:
    """Two or more name words after any title: "Azzam al-Ahmad", "Minister Sergei Lavrov" (but
    not "Minister", "Bank", "Democratic Republic", which go on with "of")."""
    return remember(_is_full_name, words)


def _is_full_name(words: list[str]) -> bool:
    rest = words[_split_title(words) :]
    return len(rest) >= 2 and not place_or_institution(rest) and not vague_head(rest)


def _gender(words: list[str]) -> str | None:
    # "not isdisjoint": some word is in the class (one set operation instead of a loop)
    if not word_class("female-word").isdisjoint(words):
        return "female"
    if not word_class("male-word").isdisjoint(words):
        return "male"
    return None


# --------------------------------------------------------------------------------------------
# Tracking subjects sentence by sentence (for pronouns)


def track_subjects(
    text: str, start: int, end: int, masked, resolver: Resolver, cue_spans, spans=None
) -> dict[int, Entity]:
    """Walk a sentence left to right; register names and pronouns that are subjects.

    A mention is a subject when a verb follows it ("Kerry demanded", "Lavrov dismissed",
    "he met") or when it follows a verb of saying ("declared Kerry"). It is not a subject after a
    preposition or another verb ("met with Lavrov", "He told Lavrov"). Returns the pronouns
    resolved on the way, by start offset. ``spans``: the sentence's word spans when they are
    known already (``Article.sentence_words``), else they are found here.

    >>> text = "Kerry met Lavrov and he smiled."
    >>> resolved = track_subjects(text, 0, 30, [], Resolver(), [])
    >>> {offset: entity.name for offset, entity in resolved.items()}
    {21: 'Kerry'}
    """
    resolved: dict[int, Entity] = {}
    tokens = outside(sentence_tokens(text, start, end, spans), masked)
    cue_starts = {s for s, _, _, _ in cue_spans}
    cues = (cue_starts, {e for _, e, _, _ in cue_spans}, {b for _, b in masked})
    people_here: list[Entity] = []  # people named in this sentence so far
    kinds = built_from("attribution_words", _WordStarts)
    if len(kinds) > MOST_WORDS:
        kinds.clear()
    # only pronouns, names and the words that open a source can start anything: (index, kind)
    starts = [(k, kind) for k, token in enumerate(tokens) if (kind := kinds[token[2]])]
    after = 0  # the index after the last name or source read
    for i, kind in starts:
        if i < after:
            continue
        if kind == PRONOUN:
            s, _, w = tokens[i]
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            entity = _pronoun_subject(w, following, cue_starts, people_here, resolver)
            if entity is not None:
                resolved[s] = entity
        elif kind == NAME:
            after = _name_in_sentence(text, tokens, i, cues, people_here, resolver)
        # lower-case sources as subjects: "Local officials gave ...", "The ministry rejected ..."
        elif i == 0 or tokens[i - 1][2].lower() in BOUNDARY_WORDS:  # kind == OPENER
            after = _lowercase_subject(text, tokens, i, resolver)
    return resolved


# How many words track_subjects keeps its first test for, at most.
MOST_WORDS = 200_000


# What a word can start in track_subjects.
PRONOUN, NAME, OPENER = "pronoun", "name", "opener"


class _WordStarts(dict):
    """What each word can start, ``{word: kind}``: a PRONOUN ("he"), a NAME (a capitalised word
    that is not a "not-name": "Kerry", "Foreign"), a lower-case source (OPENER: "the",
    "officials", the words that open one) or nothing (None). Each word is worked out on its
    first look-up (``__missing__``) and kept while the word lists stay the same."""

    def __init__(self, rows: tuple) -> None:
        super().__init__()
        sources = frozenset(row["term"] for row in rows if row["category"] == "source-opener")
        self.openers = DETERMINERS | sources

    def __missing__(self, w: str) -> str | None:
        lower = w.lower()
        if lower in PRONOUNS:
            kind = PRONOUN
        elif is_capitalised(w) and w not in not_names():
            kind = NAME
        elif lower in self.openers:
            kind = OPENER
        else:
            kind = None
        self[w] = kind
        return kind


def _name_in_sentence(text, tokens, i: int, cues, people_here, resolver: Resolver) -> int:
    """Read the capitalised run at ``tokens[i]``: a subject ("Kerry met", "declared Kerry") is
    registered with the resolver, other people are remembered; returns the index after it."""
    cue_starts, cue_ends, masked_ends = cues
    previous = tokens[i - 1][2] if i > 0 else None
    after_cue = _after_cue(tokens, i, cue_ends, masked_ends)
    j = _name_run_end(tokens, i)
    following = tokens[j + 1] if j + 1 < len(tokens) else None
    subject_position = (
        previous is None
        or previous in (",", ";", "—", "–")
        or (previous.lower() in BOUNDARY_WORDS)
        or after_cue
        or previous in not_names()
    )
    verb_follows = following is not None and (
        verb_like(following[2])
        or following[0] in cue_starts
        or (following[2] == "," and _appositive_then_verb(tokens, j + 1))
    )
    if (subject_position and verb_follows) or after_cue:
        near = " ".join(_words_around(tokens, i, j))
        mention = classify(text, tokens[i][0], tokens[j][1], resolver, near)
        if mention.entity is not None and mention.entity.type == "person":
            resolver.subject(mention.entity)
            people_here.append(mention.entity)
        elif mention.entity is not None and verb_follows:
            resolver.subject(mention.entity)
    elif j > i:  # one word alone names no one here: a title, or a surname with no title
        named = _named_person(tokens, i, j, resolver)
        if named is not None:
            people_here.append(named)
    return j + 1


def _after_cue(tokens, i: int, cue_ends: set[int], masked_ends: set[int]) -> bool:
    """ "declared Kerry" after a quotation: an inverted speaker ("told Lavrov" is an addressee)."""
    return (
        i >= 1
        and tokens[i - 1][1] in cue_ends
        and (i == 1 or tokens[i - 2][2] in (",", "”", '"', "’") or tokens[i - 2][1] in masked_ends)
    )


def _pronoun_subject(word, following, cue_starts, people_here, resolver) -> Entity | None:
    """Who a pronoun is; a subject when a verb follows ("he met", "she said")."""
    entity = resolver.pronoun(word)
    if entity is None and word.lower() in ("he", "she") and people_here:
        entity = people_here[-1]  # "Fahmi on Tuesday warned ... what he described as"
    if entity is not None and following and (verb_like(following[2]) or following[0] in cue_starts):
        resolver.subject(entity)
    return entity


def _words_around(tokens, i: int, j: int) -> list[str]:
    """The words around the run ``tokens[i : j + 1]``, which tell a name's gender: "The
    spokeswoman, Nadia Berg, met ..." (three words before it, four after)."""
    return [t[2] for t in tokens[max(0, i - 3) : i] + tokens[j + 1 : j + 5]]


def _named_person(tokens, i: int, j: int, resolver: Resolver) -> Entity | None:
    """The person the capitalised run ``tokens[i : j + 1]`` names when it is not a subject ("met
    with Foreign Minister Sergei Lavrov"), registered so that a later surname finds them; None
    for other names."""
    words = [t[2] for t in tokens[i : j + 1]]
    cut = _split_title(words)
    name_words = [x for x in words[cut:] if x != "of"]
    if name_words and (cut > 0 or len(name_words) >= 2) and not place_or_institution(name_words):
        gender = _gender(words + _words_around(tokens, i, j))
        return resolver.person(" ".join(name_words), gender, words[:cut])
    return None


def _name_run_end(tokens, i: int) -> int:
    """The index of the last token of the capitalised run that starts at ``i`` ("U.S.
    Secretary of State John Kerry" goes on past "of"; "Azzam al-Ahmad of Fatah" stops)."""
    j = i
    count, names_not = len(tokens), not_names()
    while j + 1 < count:
        word = tokens[j + 1][2]
        # word[:1].isupper(): the usual case of is_capitalised, tested without a call
        if (word[:1].isupper() or is_capitalised(word)) and word not in names_not:
            j += 1
        elif (
            word == "of" and j + 2 < count
            and is_capitalised(tokens[j + 2][2])
            and (_title_goes_on(tokens[j][2], tokens[j + 2][2])
                 or not _full_name([t[2] for t in tokens[i : j + 1]]))
        ):  # fmt: skip
            j += 1
        else:
            return j
    return j


def _lowercase_subject(text, tokens, i: int, resolver: Resolver) -> int:
    """Register a lower-case source that opens a clause ("Local officials gave ...", "The
    ministry rejected ...") as a subject; returns the index after it."""
    j = i
    while (
        j + 1 < len(tokens)
        and j - i < 5
        and WORDLIKE.match(tokens[j + 1][2])
        and not (verb_like(tokens[j + 1][2]))
    ):
        j += 1
    following = tokens[j + 1] if j + 1 < len(tokens) else None
    if following and verb_like(following[2]):
        mention = classify(text, tokens[i][0], tokens[j][1], resolver)
        if mention.entity is not None and mention.entity.type != "unknown":
            resolver.subject(mention.entity)
    return j + 1


def _appositive_then_verb(tokens, comma_index: int) -> bool:
    """True for "Lind, who arrived on Monday, said": a comma-enclosed aside, then a verb."""
    depth = 0
    for k in range(comma_index + 1, min(len(tokens), comma_index + 16)):
        if tokens[k][2] == ",":
            depth += 1
            return k + 1 < len(tokens) and verb_like(tokens[k + 1][2])
    return depth > 0
