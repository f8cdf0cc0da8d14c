"""Framing, step 2: context rules that keep a listed word from firing where it means something else.

Each rule gets the text and a match's start and end and answers "is this really the marker?".
They look only at neighbouring words, so a student can read and test every one:

- **noun or verb** (:func:`use_fits`): a term marked ``use=noun`` in its list is a label only as
  a noun ("his **lies**", "the **mob**"), not as a verb ("the town lies on the river"); a
  verb (every reporting verb, terms marked ``use=verb``) is not one after an article or a
  preposition ("In a **toast** to Lavrov" is a noun: no verb of saying).
- **hedge or plain possibility** (:func:`modal_is_hedge`): "This **could** be the worst
  decision" softens a judgement; "Rain could reach the coast" is a forecast, not a hedge.
- **neutral uses** of loaded-looking words ("real estate", "the very first", "likely voters",
  "midlife crisis") are phrases in ``framing_neutral_uses.csv``: the longer phrase wins.
- word-specific rules in :data:`GUARDS` ("no choice but", "not yet", "the West Bank", ...).

>>> GUARDS["yet"]("The talks have not yet begun.", 19, 22)
False
>>> GUARDS["yet"]("Yet, the next day, Putin ordered airstrikes.", 0, 3)
True
"""

from __future__ import annotations

import re

WORD = re.compile(r"\w+")

# Words after which the next word is a noun: articles, possessives, demonstratives ("that" is
# left out: "a report that claimed ..." is followed by a verb) ...
DETERMINERS = frozenset(
    "a an the his her their its our my your whose this these those such another every each".split()
)
# ... and prepositions, unless the word is an "-ing" form ("accused him of pandering").
PREPOSITIONS = frozenset(
    "in of on at for from with without after before during amid against about into over "
    "under between among through".split()
)
BEFORE_NOUN = DETERMINERS | PREPOSITIONS
# A word followed by one of these is the subject of a clause, so a noun ("charges were filed").
AUXILIARY_NEXT = [["is"], ["are"], ["was"], ["were"], ["have"], ["has"], ["had"]]
# A word with one of these endings before "claims", "charges", "attacks" makes it a plural noun
# ("baseless claims", "repeated charges", "misleading claims"), not a verb of saying.
ADJECTIVE_ENDING = re.compile(r"(ed|ing|less|ous|ful|ive|able|ible|al)$")
# Words after which the next word is a verb: pronouns, "to", modals and auxiliaries, "not".
BEFORE_VERB = frozenset(
    "i you he she we they it who to will would can could may might must should shall "
    "do does did not never also has have had".split()
)


def words_before(text: str, start: int, count: int) -> list[str]:
    """The ``count`` words just before ``start``, in lower case, within the same sentence.

    >>> words_before("He said no. In a toast", 17, 2)
    ['in', 'a']
    """
    head = text[max(0, start - 12 * count) : start]
    stop = max(head.rfind("."), head.rfind("!"), head.rfind("?"), head.rfind("\n"))
    return [w.lower() for w in WORD.findall(head, stop + 1)][-count:]


def words_after(text: str, end: int, count: int) -> list[str]:
    """The ``count`` words just after ``end``, in lower case, within the same clause."""
    tail = text[end : end + 60]
    stop = re.search(r"[.;:!?\n]", tail)
    return [w.lower() for w in WORD.findall(tail[: stop.start()] if stop else tail)][:count]


# The word right before a position (same sentence) and right after one (same clause).
PREVIOUS_WORD = re.compile(r"(\w+)[^\w.!?\n]*\Z")
NEXT_WORD = re.compile(r"[^\w.;:!?\n]*(\w+)")
AUXILIARIES = frozenset(w[0] for w in AUXILIARY_NEXT)


def use_fits(use: str, text: str, start: int, end: int | None = None) -> bool:
    """Whether the term at ``text[start:end]`` (``end``: by default the end of the word at
    ``start``) can be used as ``use`` (``noun``, ``verb`` or empty: any).

    >>> use_fits("verb", "In a toast to Lavrov", 5)
    False
    >>> use_fits("noun", "They plan to spin the figures", 13)
    False
    >>> use_fits("verb", "He was accused of pandering to donors", 18)
    True
    >>> use_fits("verb", "They blasted the agency for rubber-stamping permits", 30, 45)
    True
    >>> use_fits("verb", "He repeated baseless claims", 21, 27)
    False
    """
    if use not in ("noun", "verb"):
        return True
    found = PREVIOUS_WORD.search(text, max(0, start - 30), start)
    before = found.group(1).lower() if found else ""
    if use == "verb":
        if end is None:
            word = WORD.match(text, start)
            end = word.end() if word else start
        after = NEXT_WORD.match(text, end, end + 60)
        if after and after.group(1).lower() in AUXILIARIES:
            return False  # "charges were filed", "claims have been rejected": a noun as subject
        if before in PREPOSITIONS:
            return text[start:end].lower().endswith("ing")
        if text[start:end].lower().endswith("s") and ADJECTIVE_ENDING.search(before):
            return False  # "baseless claims", "misleading claims": a plural noun
        return before not in DETERMINERS
    return before not in BEFORE_VERB


# --------------------------------------------------------------------------------------------
# Hedge or plain possibility. "could", "may", "might" soften a claim when what follows is a
# judgement or a state ("could be", "may have", "might suggest", "may well"); followed by an
# event ("could reach", "may apply", "might rise") they state a plain possibility.

HEDGED_VERBS = frozenset(
    "be have well suggest suggests indicate mean signal reflect explain prove seem appear "
    "point amount help account undermine backfire contribute".split()
)
SKIPPED_ADVERBS = frozenset("also still even yet already actually in fact".split())


def modal_is_hedge(text: str, start: int, end: int) -> bool:
    """A modal verb that softens a claim, as opposed to stating a plain possibility.

    >>> modal_is_hedge("This could be the worst decision.", 5, 10)
    True
    >>> modal_is_hedge("Rain could reach the coast.", 5, 10)
    False
    >>> modal_is_hedge("He could not attend.", 3, 8)
    False
    """
    following = [w for w in words_after(text, end, 4) if w not in SKIPPED_ADVERBS]
    if not following or following[0] in ("not", "t", "n"):
        return False  # "could not": ability or refusal, not a hedge
    return following[0] in HEDGED_VERBS


def may_is_hedge(text: str, start: int, end: int) -> bool:
    """ "Talks may resume" can be a hedge; "in May 2014" and "Theresa May" are not.

    >>> may_is_hedge("Fighting began in May 2014.", 18, 21)
    False
    """
    if text[start] == "M":
        head = text[max(0, start - 3) : start].rstrip()
        at_sentence_start = head == "" or head[-1] in '.!?\n"“'
        if not at_sentence_start or re.match(r"\s+\d", text[end : end + 3]):
            return False
        if re.match(r"\s+(the|God|you|we|they|he|she)\b", text[end : end + 8]):
            return True  # "May the talks resume soon": a wish
    return modal_is_hedge(text, start, end)


def but_is_contrast(text: str, start: int, end: int) -> bool:
    """ "It leaves no choice but to fight", "nothing but talk": here "but" means "except"; and
    "not only in Syria but also in Ukraine" adds, it does not turn the sentence."""
    before = words_before(text, start, 3)
    if any(w in ("no", "nothing", "none", "anything", "all", "everything") for w in before):
        return False
    return not re.match(r"\s+also\b", text[end : end + 8])


def though_is_concession(text: str, start: int, end: int) -> bool:
    """ "Though talks failed, ..." concedes; "as though nothing happened" compares."""
    return words_before(text, start, 1) != ["as"]


def the_west_is_a_bloc(text: str, start: int, end: int) -> bool:
    """ "the West wants him to go" is the bloc; "the West Bank" and "the West Wing" are places."""
    return not re.match(
        r"\s+(Bank|Wing|Coast|End|Side|Point|Virginia|African|Midlands|Country)\b",
        text[end : end + 12],
    )


def yet_is_contrast(text: str, start: int, end: int) -> bool:
    """ "Yet, the next day, Putin ordered airstrikes." is a contrast; "talks have not yet
    begun" and "has yet to reply" are about time."""
    if re.match(r"\s+to\b", text[end : end + 4]):
        return False
    head = text[max(0, start - 12) : start].rstrip()
    return head == "" or head[-1] in '.!?;:,—–(\n"“' or bool(re.search(r"\b(and|but)$", head))


def reports_speech(text: str, start: int, end: int) -> bool:
    """Verbs of force work as reporting verbs only when they frame words: "Lavrov attacked
    Washington for its double standards" (speech) against "They attack culture and history"."""
    return bool(
        re.match(r"(?:\W+\w+){0,5}?\W+(as|for|over)\b|\s*[,:]?\s*[“\"]", text[end : end + 60])
    )


def even_is_emphasis(text: str, start: int, end: int) -> bool:
    """ "even Moscow agreed" stresses; "an even split", "even numbers" and "break even" do not."""
    if words_before(text, start, 1) in (["an"], ["break"], ["broke"], ["breaking"]):
        return False
    return not re.match(r"\s+(numbers?|split|keel|money|odds)\b", text[end : end + 10])


def lies_are_untruths(text: str, start: int, end: int) -> bool:
    """ "his lies about the war" labels; "the town lies on the river", "the answer lies in" and
    "lying down" place something."""
    return not re.match(
        r"\s+(in|on|at|with|ahead|behind|between|beneath|within|along|near|just|north|south|"
        r"east|west|down|dead|low|face|flat|still|injured|unconscious|wounded)"
        r"\b",
        text[end : end + 12],
    )


def war_on_is_a_metaphor(text: str, start: int, end: int) -> bool:
    """ "a war on cars", "the war on the poor" make a policy a war; "declared war on Germany",
    "the war on the eastern front" and "a war on two fronts" are wars (a capitalised name, a
    front)."""
    after = re.match(r"\s+(\w+)", text[end : end + 30])
    if not after or after.group(1)[0].isupper() or after.group(1).lower() == "two":
        return False
    if re.match(r"\s+the\s+(\w+\s+)?(front|fronts|border|ground|island|peninsula)\b",
                text[end : end + 40]):  # fmt: skip
        return False
    return words_before(text, start, 1) not in (["declared"], ["declare"], ["declares"])


def scheme_is_a_plot(text: str, start: int, end: int) -> bool:
    """ "a shameless scheme to hide donations" accuses; in British news a "scheme" is often a
    plain programme: "the furlough scheme", "a deportation scheme", "The scheme will run for a
    year". So a scheme named by the noun before it (a capital, or "-tion", "-ment", "-ing",
    "-age", "-ance" words) or followed by what programmes do ("will", "is", "opens") is not one."""
    before = PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if before and (before.group(1)[0].isupper() or re.search(r"(tion|ment|ing|age|ance)$",
                                                              before.group(1))):  # fmt: skip
        return False
    return not re.match(
        r"\s+(will|would|is|was|has|had|runs|ran|opens|opened|closes|closed|began|begins|"
        r"starts|started|ends|ended|offers|offered|pays|paid|covers|covered|allows|lets|gives|"
        r"provides|aims|applies|means)\b",
        text[end : end + 14],
    )


def agenda_is_a_motive(text: str, start: int, end: int) -> bool:
    """ "their radical agenda" ascribes a hidden aim; "top of the agenda" is a list of topics."""
    return words_before(text, start, 1) not in (["the"], ["an"], ["on"], ["of"])


# Words that put a metaphor of harm back into its literal sense: a blade, a body, a storm, a
# hospital ("slashed with a knife", "a storm surge", "chest pain", "the train derailed").
LITERAL_SCENE = frozenset(
    "knife knives blade machete razor throat throats wrist wrists neck tires tyres stabbed "
    "stabbing shot gunman victim victims body bodies corpse murder murdered suspect wound "
    "wounds injuries injured hospital patient patients chest knee joint joints chronic relief "
    "medication painkillers surgery pills storm storms hurricane typhoon cyclone tornado quake "
    "earthquake wildfire wildfires fire fires blaze flames water waters river rivers rain rains "
    "rainfall waves tide sea coast flood floods floodwaters snow train trains tracks locomotive "
    "carriage electrical electricity voltage bees snake snakes polio injury ankle leg bullets "
    "missiles rockets shells artillery ship vessel boat bomb device documents heat humidity "
    "crowd stampede wife husband girlfriend boyfriend woman girl boy baby locusts insects "
    "mosquitoes dog dogs bear shark animals cattle crops building buildings homes bulldozers "
    "rubble".split()
)


# Metaphors of harm and size that are loaded only away from a literal scene.
METAPHORS_OF_HARM = (
    "pummeled|pummelled|pummeling|trounced|thrashed|mauled|demolished|clobbering|humiliated|"
    "drubbing|shellacking|trouncing|walloped|skewering|savaging|hammering|stinging rebuke|"
    "blistering attack|searing criticism|gut punch|body blow|black eye|smackdown|cripple|"
    "cripples|guts|torpedoes|hobble|hobbled|hobbling|hamstring|hamstrung|kneecap|kneecapped|"
    "kneecapping|strangle|strangled|strangling|stranglehold|scuttle|scuttled|scuttling|"
    "derail|derailed|derailing|derails|steamroll|steamrolling|eviscerate|eviscerating|"
    "decimate|decimating|ravaging|devastated|hollowed out|hollowing out|wrecking ball|"
    "sledgehammer|tramples|straitjacket|rip apart|ripped apart|ripping apart|rips apart|"
    "tear apart|tearing apart|tore apart|torn apart|tore up|ripped up|rip up|kill the bill|"
    "killed the bill|kill the deal|killed the deal|killing the deal|kill jobs|killing jobs|"
    "kills jobs|killed jobs|sink the deal|sank the deal|blew a hole|blow a hole|choke off|"
    "choked off|choking off|stifle|stifled|stifling|stifles|smother|smothered|slash|slashed|"
    "slashes|slashing|axed|chopped|hacked away|hemorrhaging|haemorrhaging|dismantle|"
    "dismantled|dismantling|dismantles|shred|shredding|jammed through|strong-arming|"
    "arm-twisting|muscled through|muscle through|perilous|precarious|dangerously|existential|"
    "cataclysmic|ruinous|ferocious|bruising|ticking time bomb|time bomb|powder keg|tinderbox|"
    "nightmare scenario|pain|painful|surge|surging|treachery|betrayed|betrays|"
    "stab in the back|deluge|influx|torrent of|tsunami of|avalanche of|swarming"
).split("|")


def harm_is_a_metaphor(text: str, start: int, end: int) -> bool:
    """ "a plan to gut the agency" or "the pain of higher prices" are pictures of harm; "slashed
    with a knife", "a storm surge" and "chest pain" are the harm itself.

    >>> harm_is_a_metaphor("The bill would gut the agency.", 14, 17)
    True
    >>> harm_is_a_metaphor("He was slashed with a knife.", 7, 14)
    False
    """
    near = words_before(text, start, 4) + words_after(text, end, 6)
    return not any(word in LITERAL_SCENE for word in near)


GUARDS = {
    "but": but_is_contrast,
    "though": though_is_concession,
    "the west": the_west_is_a_bloc,
    "yet": yet_is_contrast,
    "may": may_is_hedge,
    "could": modal_is_hedge,
    "might": modal_is_hedge,
    "even": even_is_emphasis,
    "agenda": agenda_is_a_motive,
    "lies": lies_are_untruths,
    "lie": lies_are_untruths,
    "lying": lies_are_untruths,
    "war on": war_on_is_a_metaphor,
    "scheme": scheme_is_a_plot,
    **{verb: reports_speech for verb in ("attack", "attacks", "attacked", "attacking")},
    **{term: harm_is_a_metaphor for term in METAPHORS_OF_HARM},
}


def fires(term: str, use: str, text: str, start: int, end: int) -> bool:
    """Whether a matched lexicon term is a marker here: its use fits and its guard agrees."""
    if not use_fits(use, text, start, end):
        return False
    guard = GUARDS.get(term.lower())
    return guard is None or guard(text, start, end)
