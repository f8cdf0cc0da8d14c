"""Framing markers: each rule with a sentence it fires on and one it must not fire on."""

from __future__ import annotations

import csv

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit import framing, paths


def found(text: str, **options) -> list[tuple[str, str]]:
    """(text, category) of every marker in ``text``, read as body text (no headline)."""
    frame = framing.markers(kit.Article.from_text(text, headline=""), **options)
    return list(zip(frame["text"], frame["category"], strict=True))


def has(text: str, piece: str, category: str, **options) -> bool:
    return (piece, category) in found(text, **options)


def flagged_words(text: str) -> set[str]:
    return {t.lower() for t, _ in found(text)}


# --------------------------------------------------------------------------------------------
# The table itself


def test_columns_and_offsets(seed):
    frame = framing.markers(seed)
    assert list(frame.columns) == ["start", "end", "text", "category", "note", "sentence_id",
                                   "role"]  # fmt: skip
    assert len(frame) > 40
    for row in frame.itertuples():
        assert seed.text[row.start : row.end] == row.text
        assert row.category in framing.CATEGORIES
        assert row.note
    assert frame["start"].is_monotonic_increasing


def test_sentence_ids_point_at_the_sentence_holding_the_marker(seed):
    frame = framing.markers(seed)
    sentences = seed.sentences.set_index("sentence_id")
    for row in frame.itertuples():
        if row.sentence_id is None:
            start, end = seed.headline_span
        else:
            start, end = sentences.loc[row.sentence_id, ["start", "end"]]
        assert start <= row.start < row.end <= end


def test_headline_markers_have_no_sentence_id(seed):
    frame = framing.markers(seed)
    head = frame[frame["end"] <= seed.headline_span[1]]
    assert set(head["text"]) >= {"Expects", "Progress"}
    assert head["sentence_id"].isna().all()


def test_photo_credits_are_not_read():
    art = kit.Article.from_text(
        "Crisis talks\n\nReuters photo / brutal image\n\nThe talks went on."
    )
    assert art.credits
    frame = framing.markers(art)
    assert "brutal" not in set(frame["text"])
    assert "Crisis" in set(frame["text"])  # the headline is read


def test_empty_result_keeps_columns():
    frame = framing.markers(kit.Article.from_text("The ministers met on Tuesday."))
    assert frame.empty
    assert list(frame.columns) == framing.COLUMNS


# --------------------------------------------------------------------------------------------
# Lexicon words: word boundaries, case, multi-word terms


def test_naming_fires_on_contested_names():
    assert has("Previous talks on the Russian invasion of Ukraine failed.", "invasion", "naming")
    assert has("The Ukraine crisis dominated the talks.", "crisis", "naming")
    assert not has("He is going through a midlife crisis.", "crisis", "naming")  # a neutral use


def test_whole_words_only_crimea_is_no_crime():
    assert not has("Russia took Crimea in 2014.", "Crime", "evaluative")
    assert flagged_words("Russia took Crimea in 2014.") == set()
    assert has("They were accused of war crimes.", "war crimes", "evaluative")
    assert flagged_words("Violent crime fell by 4% last year.") == set()  # a statistical class


def test_multi_word_terms_and_white_space():
    assert has("East Ukraine has been in a civil war.", "civil war", "naming")
    assert has("Syria's civil\u00a0war goes on.", "civil\u00a0war", "naming")
    assert has("The civil\nwar goes on.", "civil\nwar", "naming")
    assert not has("A civil servant went to war.", "civil", "naming")


def test_capitalised_terms_keep_their_capitals():
    assert has("The strikes hit the Islamic State in Raqqa.", "Islamic State", "naming")
    assert not any(c == "naming" for _, c in found("He wants an Islamic state ruled by clerics."))
    assert has("The West wants him to go.", "The West", "naming")
    assert not any(c == "naming" for _, c in found("The village lies west of the river."))
    assert not has("Talks on the West Bank resumed.", "the West", "naming")
    assert has("Talks with Kiev stalled.", "Kiev", "naming")


def test_longest_term_wins():
    assert has("Moscow mocked the so-called moderate opposition.",
               "so-called moderate opposition", "naming")  # fmt: skip
    assert not has("Moscow mocked the so-called moderate opposition.", "so-called", "evaluative")
    assert has("Even when there were differences, they worked.", "Even when", "contrast")
    assert not has("Even when there were differences, they worked.", "Even", "intensifier")


def test_hyphenated_names_and_possessives():
    assert has("Pro-Russian rebels seized the town.", "Pro-Russian", "naming")
    assert has("The Kremlin’s allies agreed.", "Kremlin", "naming")
    assert has("Russian-backed separatists fired.", "Russian-backed", "naming")
    # no term starts inside a hyphenated word: "so-called" holds no reporting verb "called"
    assert not has("Rebels hold the so-called corridor.", "called", "reporting_verb")
    assert has("Rebels hold the so-called “green corridor” now.", "“green corridor”", "scare_quote")


def test_evaluative_words():
    assert has("They are the worst of terrorists.", "worst", "evaluative")
    assert not has("The coat was made of worsted wool.", "worst", "evaluative")
    assert has("Russian soldiers retaliated against Kyiv.", "retaliated", "evaluative")


def test_intensifiers_and_emphasis():
    assert has("It was an utterly chaotic week.", "utterly", "intensifier")
    assert has("They held a very open discussion.", "very", "emphasis")
    assert not any(c == "emphasis" for _, c in found("It was the very first meeting."))
    assert not any(c == "intensifier" for _, c in found("It is a threat to every country."))
    assert has("Of course, we would like to continue.", "Of course", "emphasis")


def test_hedges_and_the_month_of_may():
    assert has("The deal may be the last chance.", "may", "hedge")
    assert not has("Talks may resume next week.", "may", "hedge")  # a plain possibility
    assert has("May the talks resume soon.", "May", "hedge")
    assert not has("Fighting began in May 2014.", "May", "hedge")
    assert not has("The fighting began in May.", "May", "hedge")
    assert has("I think the world benefits.", "I think", "hedge")


def test_reporting_verbs_come_from_the_shared_list():
    assert has("Lavrov dismissed the suggestion.", "dismissed", "reporting_verb")
    note = framing.markers(kit.Article.from_text("Lavrov dismissed the suggestion."))["note"][0]
    assert note.startswith("hostile")
    assert not has("Lavrov said the talks were useful.", "said", "reporting_verb")
    assert has("Lavrov said it.", "said", "reporting_verb", neutral_verbs=True)


def test_reporting_verbs_are_one_list_not_two():
    shared = {row["term"].lower() for row in _rows("reporting_verbs.csv")}
    for name in framing.FRAMING_LEXICONS:
        assert not shared & {row["term"].lower() for row in _rows(name)}, name


def test_verbs_of_force_count_as_reporting_only_around_speech():
    assert has("Lavrov attacked Washington for its double standards.", "attacked",
               "reporting_verb")  # fmt: skip
    assert not has("They attack culture and history.", "attack", "reporting_verb")


def test_contrast_markers():
    assert has("Yet, the next day, Putin ordered airstrikes.", "Yet", "contrast")
    assert has("Talks were held, and yet nothing changed.", "yet", "contrast")
    assert not has("The talks have not yet begun.", "yet", "contrast")
    assert not has("Moscow has yet to reply.", "yet", "contrast")
    assert has("Moscow agreed, but Kyiv refused.", "but", "contrast")
    assert not has("It leaves no choice but to fight.", "but", "contrast")
    assert not has("He spoke not only of Syria but also of Ukraine.", "but", "contrast")
    assert has("Though the talks failed, they met again.", "Though", "contrast")
    assert not has("They acted as though nothing had happened.", "though", "contrast")
    assert has("Despite Russia’s actions, Kerry toasted.", "Despite", "contrast")
    assert has("Instead, Russian warplanes kept bombing.", "Instead", "contrast")
    assert has("The talks, however, failed.", "however", "contrast")


def test_agentless_happenings():
    assert has("But evidence later surfaced that they lied.", "surfaced", "agentless")
    assert not has("The submarine came to the surface.", "surface", "agentless")
    assert has("Relations deteriorated sharply.", "deteriorated", "agentless")
    assert has("The crisis has deteriorated relations.", "deteriorated", "agentless")
    assert has("Fighting broke out in April.", "broke out", "agentless")
    assert not has("Thieves broke into the office.", "broke", "agentless")


def test_agentless_passives():
    assert has("Civilians were killed in the strike.", "were killed", "agentless")
    assert has("Two hospitals were hit.", "were hit", "agentless")
    assert not has("Civilians were killed by Russian jets.", "were killed", "agentless")
    assert not any(c == "agentless" for _, c in found("He was tired after the talks."))
    assert not any(c == "agentless" for _, c in found("The plan is based on Minsk."))


def test_scare_quotes():
    assert has("They held a “very constructive” talk.", "“very constructive”", "scare_quote")
    assert has("He placed “responsibility” on Washington.", "“responsibility”", "scare_quote")
    assert has('He placed "responsibility" on Washington.', '"responsibility"', "scare_quote")
    assert has("The talks brought ‘real progress’ at last.", "‘real progress’", "scare_quote")
    # "hopes" is on the reporting-verb list: it names whose words they are
    assert not any(c == "scare_quote" for _, c in found("Kerry hopes for ‘real progress’ soon."))
    # a reporting verb names a speaker: a partial quotation, not a scare quote
    assert not any(c == "scare_quote" for _, c in found("Kerry said it was “very constructive”."))
    # the whole sentence quoted, or a long quotation: not a scare quote
    assert not any(c == "scare_quote" for _, c in found("“Very constructive.”"))
    long_quote = "They held a “very constructive and surprisingly open” discussion."
    assert not any(c == "scare_quote" for _, c in found(long_quote))
    # an apostrophe is no quotation mark
    assert not any(c == "scare_quote" for _, c in found("Russia’s and Kerry’s aides met."))


def test_bracketed_insertions_inside_quotations():
    text = "“Russia and the United States agree that this [ISIS] is a threat,” stated Kerry."
    assert has(text, "[ISIS]", "insertion")
    assert not any(c == "insertion" for _, c in found("The group [ISIS] is a threat."))


def test_markers_inside_quotations_are_marked_and_can_be_dropped():
    text = "“They are the worst of terrorists,” Kerry said. The talks, however, failed."
    frame = framing.markers(kit.Article.from_text(text))
    worst = frame[frame["text"] == "worst"].iloc[0]
    assert "Inside a quotation" in worst["note"]
    writer = framing.markers(kit.Article.from_text(text), quotations=False)
    assert "worst" not in set(writer["text"])
    assert "however" in set(writer["text"])


def test_categories_option():
    frame = framing.markers(kit.Article.from_text("Yet the crisis worsened."),
                            categories=["contrast"])  # fmt: skip
    assert list(frame["category"]) == ["contrast"]


def test_own_lexicon():
    mine = pd.DataFrame({"term": ["talks"], "category": ["naming"], "note": ["just a test"]})
    frame = framing.markers(kit.Article.from_text("The talks, however, failed."), lexicon=mine)
    assert list(frame["text"]) == ["talks"]


# --------------------------------------------------------------------------------------------
# Lexicon files


def _rows(name: str) -> list[dict]:
    with (paths.lexicons_dir() / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("name", framing.FRAMING_LEXICONS)
def test_lexicon_files_are_readable_data(name):
    with (paths.lexicons_dir() / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == ["term", "category", "note", "use", "side_dependent"]
    assert rows
    categories = {row["category"] for row in rows}
    assert len(categories) == 1 and categories <= {*framing.CATEGORIES, "neutral_use"}
    for row in rows:
        assert row["term"].strip() == row["term"] and row["term"]
        assert len(row["note"]) > 10, row["term"]
        assert row["use"] in ("", "noun", "verb"), row["term"]
        assert row["side_dependent"] in ("", "yes"), row["term"]


def test_no_term_in_two_lexicons():
    terms = framing.lexicon()["term"].str.lower()
    assert not terms.duplicated().any(), list(terms[terms.duplicated()])


def test_every_category_has_an_example_in_the_seed(seed):
    assert set(framing.markers(seed)["category"]) == set(framing.CATEGORIES)


# --------------------------------------------------------------------------------------------
# Odd text: never crash, offsets always valid


@pytest.mark.parametrize(
    "text",
    [
        "He said “no.",
        "“Nested ‘quotes’ “inside” quotes”",
        'Straight "quotes and unbalanced',
        "An ellipsis … and a dash — and [brackets",
        "one line with no paragraphs and the crisis",
        "]]]] [[[[ ““““ ”””” ‘‘‘ ’’’",
        "yet",
        "May",
    ],
)
def test_odd_text(text):
    art = kit.Article.from_text(text)
    for row in framing.markers(art).itertuples():
        assert art.text[row.start : row.end] == row.text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab crisis Yet but“”‘’\"'[]…—.,\n")), min_size=1))
def test_any_text_gives_valid_offsets(text):
    if not text.strip():
        return
    art = kit.Article.from_text(text)
    for row in framing.markers(art).itertuples():
        assert 0 <= row.start < row.end <= len(art.text)
        assert art.text[row.start : row.end] == row.text


def test_long_text_is_handled(seed):
    art = kit.Article.from_text("\n\n".join([seed.body] * 60))
    frame = framing.markers(art)
    per_copy = len(framing.markers(kit.Article.from_text(seed.body)))
    assert len(frame) == 60 * per_copy


# --------------------------------------------------------------------------------------------
# Concordance, headline versus body, compare


def test_concordance_finds_every_occurrence_with_offsets(seed):
    lines = framing.concordance(seed, "crisis")
    assert list(lines.columns) == ["start", "end", "sentence_id", "left", "match", "right"]
    assert len(lines) == 3
    for row in lines.itertuples():
        assert seed.text[row.start : row.end] == row.match
    assert list(lines["sentence_id"]) == ["p1.s2", "p5.s2", "p11.s1"]


def test_concordance_phrases_case_and_possessives(seed):
    assert len(framing.concordance(seed, "civil war")) == 3
    assert len(framing.concordance(seed, "CIVIL WAR")) == 3
    russia = framing.concordance(seed, "Russia")
    assert "Russia’s" in set(russia["match"]) or any(
        seed.text[r.start : r.end + 2] == "Russia’s" for r in russia.itertuples()
    )
    assert framing.concordance(seed, "Crime").empty
    assert list(framing.concordance(seed, "pro-Russian")["sentence_id"]) == ["p11.s3"]
    assert len(framing.concordance(seed, "U.S.")) == 3


def test_concordance_reads_the_headline_too(seed):
    lines = framing.concordance(seed, "progress")
    assert list(lines["sentence_id"]) == [None, "p3.s1", "p8.s1"]
    assert lines["match"].iloc[0] == "Progress"
    assert framing.concordance(seed, "").empty


def test_concordance_context_width(seed):
    lines = framing.concordance(seed, "Kremlin", width=20)
    assert all(len(left) <= 20 and len(right) <= 20 for left, right in
               zip(lines["left"], lines["right"], strict=True))  # fmt: skip


def test_headline_vs_body(seed):
    table = framing.headline_vs_body(seed).set_index("category")
    assert list(table.columns) == [
        "role", "headline_count", "body_count", "headline_per_1000_words", "body_per_1000_words",
        "headline_terms", "body_terms",
    ]  # fmt: skip
    assert table.loc["all", "headline_count"] == len(framing.markers(seed).query("end <= 85"))
    assert table.loc["evaluative", "headline_terms"] == "progress"
    assert table.loc["all", "body_count"] + table.loc["all", "headline_count"] == len(
        framing.markers(seed)
    )


def test_headline_vs_body_without_headline():
    art = kit.Article.from_text("The crisis deepened. Yet the talks went on.")
    table = framing.headline_vs_body(art).set_index("category")
    assert table["headline_count"].sum() == 0
    assert table.loc["all", "body_count"] == 2  # "crisis" and "Yet"


def variants() -> dict[str, kit.Article]:
    return {p.stem: kit.load_article(p) for p in sorted(paths.variants_dir().glob("*.txt"))}


def test_variants_are_labelled_constructed_and_load():
    arts = variants()
    assert len(arts) >= 3
    views = set()
    for art in arts.values():
        assert art.credits == ["CONSTRUCTED TEACHING MATERIAL – NOT A NEWS REPORT"]
        assert art.meta["constructed"] is True
        assert "teaching material" in art.meta["source"]
        assert art.meta["published"] is None
        views.add(art.meta["point_of_view"])
        assert len(art.paragraphs) >= 6
    assert views >= {"neutral", "moscow", "washington"}


def test_compare_ranks_the_neutral_variant_lowest():
    arts = variants()
    profile = framing.compare(arts)
    assert list(profile.columns) == ["article", "words", "category", "role", "count",
                                     "per_1000_words", "terms"]  # fmt: skip
    totals = profile[profile["category"] == "all"].set_index("article")["per_1000_words"]
    neutral = next(name for name, art in arts.items() if art.meta["point_of_view"] == "neutral")
    assert totals.idxmin() == neutral
    for name in totals.index.drop(neutral):
        assert totals[name] > 2 * totals[neutral]


def test_compare_counts_add_up_and_names():
    a = kit.Article.from_text("The crisis deepened.")
    b = kit.Article.from_text("The talks went on.")
    profile = framing.compare([a, b], names=["A", "B"])
    assert set(profile["article"]) == {"A", "B"}
    first = profile[profile["article"] == "A"].set_index("category")
    assert first.loc["naming", "count"] == 1 and first.loc["all", "count"] == 1
    assert first.loc["all", "per_1000_words"] == pytest.approx(1000 / 3, abs=0.1)
    assert first.loc["naming", "terms"] == "crisis"


# --------------------------------------------------------------------------------------------
# Loaded language or the writer's structure


def test_every_marker_has_a_role_that_matches_its_category(seed):
    frame = framing.markers(seed)
    assert set(frame["role"]) == {"loaded", "structure"}
    for row in frame.itertuples():
        if row.category != "reporting_verb":
            assert row.role == framing.ROLES[row.category], row.text
    assert set(framing.ROLES) == set(framing.CATEGORIES)


def test_contrast_emphasis_and_hedges_are_structure_not_loaded():
    text = "But the regime, however, even may be the worst, perhaps."
    roles = {t: r for t, r in zip(*_columns(text, "text", "role"), strict=True)}
    assert roles["But"] == roles["however"] == roles["even"] == roles["perhaps"] == "structure"
    assert roles["regime"] == roles["worst"] == "loaded"


def test_states_of_mind_and_warnings_are_structure_but_stay_reporting_verbs():
    frame = framing.markers(kit.Article.from_text("Officials warned that prices would rise."))
    assert list(zip(frame["category"], frame["role"])) == [("reporting_verb", "structure")]
    frame = framing.markers(kit.Article.from_text("The senator claimed the vote was fair."))
    assert list(zip(frame["category"], frame["role"])) == [("reporting_verb", "loaded")]


def _columns(text: str, *names: str) -> list[list]:
    frame = framing.markers(kit.Article.from_text(text, headline=""))
    return [frame[name].tolist() for name in names]


# --------------------------------------------------------------------------------------------
# Context rules for general news


def test_judging_adjectives_fire_and_classifying_ones_do_not():
    assert has("It was a disastrous vote for the party.", "disastrous", "evaluative")
    assert flagged_words("It was a federal vote for the party.") == set()
    assert has("Critics called the plan reckless.", "reckless", "evaluative")
    assert flagged_words("Extreme weather closed the roads.") == set()
    assert flagged_words("The patient is in critical condition.") == set()


def test_hedge_modals_against_plain_possibility():
    assert has("This could be the worst decision in years.", "could", "hedge")
    assert has("The plan might well backfire.", "might well", "hedge")
    assert not has("Rain could reach the coast by Friday.", "could", "hedge")
    assert not has("Residents may apply online from Monday.", "may", "hedge")
    assert not has("He could not attend the meeting.", "could", "hedge")
    assert has("Growth is expected to slow.", "is expected to", "hedge")


def test_agentless_passives_in_general_news():
    assert has("The hospital was bombed on Tuesday.", "was bombed", "agentless")
    assert not has("The hospital was bombed by government jets.", "was bombed", "agentless")
    assert has("Hostages were freed overnight.", "were freed", "agentless")


def test_noun_labels_against_the_same_word_as_a_verb():
    assert has("He accused the mayor of spreading lies about the budget.", "lies", "evaluative")
    assert not has("The town lies on the river.", "lies", "evaluative")
    assert not has("The answer lies with the voters.", "lies", "evaluative")
    assert has("An angry mob stormed the building.", "mob", "naming")
    assert has("Critics slammed the plan.", "slammed", "reporting_verb")


def test_a_noun_use_is_no_reporting_verb():
    # "In a toast" is a noun after an article: no verb of saying (the rewrite meter relies on it)
    assert not has("In a toast to Lavrov, he spoke of peace.", "toast", "reporting_verb")
    assert has("Kerry toasted Lavrov at dinner.", "toasted", "reporting_verb")
    assert not has("The company said demand for its cars had slowed.", "demand", "reporting_verb")
    assert not has("Charges were filed in most cases.", "Charges", "reporting_verb")
    assert has("Activists accused him of pandering to donors.", "pandering", "evaluative")


def test_neutral_uses_of_crisis_threat_real_very():
    for text in (
        "Call the crisis line if you need help.",
        "The terrorism threat level was lowered.",
        "Real wages rose by 2 percent.",
        "It was the very first meeting of the board.",
        "Likely voters favour the incumbent.",
        "The mayor received death threats.",
    ):
        assert _columns(text, "role")[0].count("loaded") == 0, text
    assert has("The crisis deepened.", "crisis", "naming")
    assert has("Russia is a threat to its neighbours.", "threat", "evaluative")
    assert has("The talks brought real progress.", "real", "intensifier")


def test_side_dependent_entries_are_marked_for_the_naming_exercise():
    words = framing.lexicon()
    side = set(words.loc[words["side_dependent"], "term"])
    assert {"regime", "freedom fighters", "illegal aliens", "undocumented", "pro-life"} <= side
    assert not {"disastrous", "however"} & side
    assert words.loc[words["side_dependent"], "category"].eq("naming").all()


def test_general_news_vocabulary():
    assert has("The radical left has hijacked the party.", "radical left", "naming")
    assert has("Woke activists protested.", "Woke", "naming")
    assert has("Critics said the scheme was a power grab.", "power grab", "evaluative")
    assert has("The launch descended into chaos.", "chaos", "evaluative")
    assert has("He called the claim bizarre.", "bizarre", "evaluative")
    assert has("The minister insisted the plan would work.", "insisted", "reporting_verb")


@pytest.mark.parametrize(
    ("sentence", "piece", "category"),
    [
        ("Critics mocked them as far-left radicals.", "far-left", "naming"),
        ("Immigration hawks opposed the bill.", "Immigration hawks", "naming"),
        ("One lawmaker lashed out at anti-vaxxers online.", "anti-vaxxers", "naming"),
        ("Advocates said children were treated like criminals.", "like criminals", "evaluative"),
        ("The challenger took aim at the mayor's record.", "took aim at", "evaluative"),
        ("Republicans accused them of holding the budget hostage.", "holding the budget hostage",
         "evaluative"),
        ("Environmental groups called it greenwashing.", "greenwashing", "evaluative"),
        ("The plan is a sticking plaster for the health service.", "sticking plaster",
         "evaluative"),
        ("Conservatives blamed runaway spending.", "runaway", "evaluative"),
        ("Nurses described a grim scene on the wards.", "grim", "evaluative"),
        ("Families said they were fobbed off by managers.", "fobbed off", "evaluative"),
        ("The senator said he lied to investigators.", "lied", "evaluative"),
    ],
)  # fmt: skip
def test_vocabulary_of_general_news_by_class(sentence, piece, category):
    assert has(sentence, piece, category)


def test_war_on_as_a_metaphor_not_a_war():
    assert has("Drivers denounced the war on cars.", "war on", "evaluative")
    assert has("Campaigners said the budget was a war on the poor.", "war on", "evaluative")
    assert not has("Britain declared war on Germany in 1939.", "war on", "evaluative")
    assert not has("They fought the war on the eastern front.", "war on", "evaluative")


def test_scheme_as_a_plot_not_a_programme():
    assert has("The report details a shameless scheme to hide donations.", "scheme", "evaluative")
    assert not has("The scheme will run for a year.", "scheme", "evaluative")
    assert not has("The government's deportation scheme was ruled unlawful.", "scheme",
                   "evaluative")  # fmt: skip
    assert not has("The furlough scheme ended in September.", "scheme", "evaluative")


def test_lying_as_untruth_not_as_a_position():
    assert has("He accused the minister of lying about the cost.", "lying", "evaluative")
    assert not has("A man was found lying in the road.", "lying", "evaluative")
    assert not has("The wounded were lying injured on the ground.", "lying", "evaluative")


def test_rigged_as_adjective_and_verb_but_not_with_equipment():
    assert has("They exposed a rigged system.", "rigged", "evaluative")
    assert has("He claimed that they rigged the count.", "rigged", "evaluative")
    assert not has("The car was rigged with explosives.", "rigged", "evaluative")


def test_plural_nouns_after_adjectives_are_no_verbs_of_saying():
    assert not has("He repeated baseless claims about the vote.", "claims", "reporting_verb")
    assert not has("She rejected misleading claims.", "claims", "reporting_verb")
    assert has("The senator claims the vote was unfair.", "claims", "reporting_verb")


def test_a_hyphenated_verb_is_read_to_its_end():
    assert has("They blasted the agency for rubber-stamping permits.", "rubber-stamping",
               "evaluative")  # fmt: skip


def test_new_neutral_uses_keep_plain_words_plain():
    assert flagged_words("The harsh winter closed the pass.") == set()
    assert flagged_words("About 6 million people tried and failed to get an appointment.") == set()
    assert flagged_words("The project ran into a cost overrun.") == set()
    assert flagged_words("The judge found him in contempt of court.") == set()


def test_profiles_report_loaded_and_structure_apart():
    art = kit.Article.from_text("The regime, however, resigned. Yet the brutal crackdown went on.")
    table = framing.compare({"x": art}).set_index("category")
    loaded = table.loc["loaded", "count"]
    structure = table.loc["structure", "count"]
    assert loaded == 3 and structure == 2  # regime, brutal, crackdown | however, Yet
    assert table.loc["all", "count"] == loaded + structure
    assert table.loc["loaded", "role"] == "loaded" and table.loc["naming", "role"] == "loaded"
    head = framing.headline_vs_body(art).set_index("category")
    assert head.loc["loaded", "body_count"] == 3 and head.loc["structure", "body_count"] == 2


# --------------------------------------------------------------------------------------------
# The development set and its scorer


def test_development_set_is_well_formed():
    import json
    from pathlib import Path

    path = Path(__file__).parent / "data" / "framing_dev.jsonl"
    passages = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    parts = {"dev", "dev2", "dev3", "dev4", "dev5", "unseen2", "unseen3", "unseen4"}
    assert {p["part"] for p in passages} == parts
    for passage in passages:
        for sentence in passage["sentences"]:
            assert sentence["biased"] == bool(sentence["loaded"])
            for phrase in sentence["loaded"]:
                assert phrase in sentence["text"], (passage["id"], phrase)


def test_scorer_figures_on_a_development_part():
    import importlib.util
    from pathlib import Path

    tool = Path(__file__).parent.parent / "tools" / "score_framing.py"
    spec = importlib.util.spec_from_file_location("score_framing", tool)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    result = scorer.score(scorer.read_set(scorer.DEV_SET, "dev4"))
    assert result["sentences"] == 64 and result["biased"] == 15
    assert result["sentence_f1"] >= 80
    assert result["marker_precision"] >= 50


@pytest.mark.parametrize(
    "part, sentences, biased", [("unseen2", 64, 22), ("unseen3", 80, 32), ("unseen4", 72, 28)]
)
def test_scorer_figures_on_the_unseen_parts(part, sentences, biased):
    """unseen2, unseen3 and unseen4 were each written after the word lists they test and scored
    once against them (unseen3 by a different writer); none is tuned on."""
    import importlib.util
    from pathlib import Path

    tool = Path(__file__).parent.parent / "tools" / "score_framing.py"
    spec = importlib.util.spec_from_file_location("score_framing", tool)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    result = scorer.score(scorer.read_set(scorer.DEV_SET, part))
    assert result["sentences"] == sentences and result["biased"] == biased
    assert result["sentence_f1"] >= 80
    assert result["word_recall"] >= 50
    assert result["marker_precision"] >= 50


# --------------------------------------------------------------------------------------------
# The word lists are read once per version of the files


def test_an_edited_word_list_takes_effect_and_an_unchanged_one_is_reused(tmp_path, monkeypatch):
    import shutil

    for file in paths.lexicons_dir().glob("*.csv"):
        shutil.copy(file, tmp_path / file.name)
    monkeypatch.setattr(paths, "lexicons_dir", lambda: tmp_path)
    text = "The council passed a zorbish budget on Monday."
    assert ("zorbish", "evaluative") not in found(text)
    assert framing.words.default_index() is framing.words.default_index()
    with (tmp_path / "framing_evaluative.csv").open("a", encoding="utf-8") as handle:
        handle.write('zorbish,evaluative,"A made-up verdict word, added for this test.",,\n')
    assert ("zorbish", "evaluative") in found(text)
    assert "zorbish" in framing.lexicon()["term"].tolist()
    monkeypatch.undo()
    assert ("zorbish", "evaluative") not in found(text)


def test_acts_of_state_and_weather_are_not_loaded_but_the_same_words_still_are():
    text = (
        "The country declared war on its neighbour. The firm declared bankruptcy in May. "
        "Forecasters warned of the threat of flooding. The financial crisis cost jobs. "
        "The minister declared that the talks were over. The Ukraine crisis deepened."
    )
    found = framing.markers(kit.Article.from_text(text))
    loaded = found[found["role"] == "loaded"]
    assert list(loaded["text"]) == ["declared", "crisis"]
    assert list(loaded["sentence_id"]) == ["p1.s5", "p1.s6"]


@pytest.mark.parametrize(
    "text, loaded",
    [
        ("The governor slashed funding for rural schools.", ["slashed"]),
        ("The victim was slashed with a knife outside a bar.", []),
        ("Families feel the pain of rising prices.", ["pain"]),
        ("Patients reported chest pain and a high fever.", []),
        ("Officials expect a surge of migrants at the border.", ["surge"]),
        ("The storm surge reached nine feet along the coast.", []),
        ("The freight train derailed near the river.", []),
        ("Critics say the rule will gut the agency.", ["gut"]),
        ("The minister shrugged off the criticism.", ["shrugged off"]),
    ],
)
def test_metaphors_of_harm_are_loaded_only_away_from_a_literal_scene(text, loaded):
    found = framing.markers(kit.Article.from_text(text, headline=""))
    assert [t for t, role in zip(found["text"], found["role"]) if role == "loaded"] == loaded
