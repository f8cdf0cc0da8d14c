"""Attribution: each rule with a sentence it is for and one it must not fire on; the seed's
quotes table against the answer key; sources, unattributed claims and the dev-set quality bar."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit import attribution, paths

ROOT = Path(__file__).resolve().parents[1]


def table(text: str) -> pd.DataFrame:
    """quotes() of ``text`` read as body text (no headline guessed)."""
    return attribution.quotes(kit.Article.from_text(text, headline=""))


def found(text: str) -> list[tuple[str, str, str | None]]:
    """(text, kind, speaker) of every quotation in ``text``."""
    frame = table(text)
    return list(zip(frame["text"], frame["kind"], frame["speaker"], strict=True))


def mention(text: str, quote_text: str) -> str | None:
    """The speaker mention (as written) of the quotation whose text is ``quote_text``."""
    frame = table(text)
    row = frame[frame["text"] == quote_text].iloc[0]
    if row["speaker_start"] is None:
        return None
    return text[row["speaker_start"] : row["speaker_end"]]


# --------------------------------------------------------------------------------------------
# The table and the seed article


def test_columns_and_offsets(seed):
    frame = attribution.quotes(seed)
    assert list(frame.columns) == attribution.COLUMNS
    assert frame["quote_id"].tolist() == [f"q{i}" for i in range(1, len(frame) + 1)]
    for row in frame.itertuples():
        assert seed.text[row.start : row.end] == row.text
        assert row.kind in ("direct", "partial", "indirect")
        if row.speaker is not None:
            assert seed.text[row.speaker_start : row.speaker_end]
        if row.cue is not None:
            assert seed.text[row.cue_start : row.cue_end] == row.cue


def test_seed_matches_the_answer_key_exactly(seed, key):
    got = attribution.quotes(seed).to_dict("records")
    want = [{c: row[c] for c in attribution.COLUMNS} for row in key["attribution"]["quotes"]]
    assert got == want  # missing values are None in both, offsets plain ints


def test_key_explains_every_quotation_and_the_unnamed_speaker(key):
    rows = key["attribution"]["quotes"]
    assert all(len(row["explanation"]) > 40 for row in rows)
    scare = [row for row in rows if row["text"] in ("“very constructive”", "“surprisingly open”")]
    assert len(scare) == 2
    for row in scare:
        assert row["speaker"] is None and row["kind"] == "partial"
        assert row["actual_speaker"] == "Vladimir Putin"
        assert any("rt.com" in source for source in row["actual_speaker_sources"])


def test_seed_highlights(seed):
    frame = attribution.quotes(seed).set_index("quote_id")
    # "He told Lavrov": He is Kerry, not the addressee
    assert frame.loc["q4", "speaker"] == "John Kerry"
    assert seed.text[frame.loc["q4", "speaker_start"] : frame.loc["q4", "speaker_end"]] == "He"
    # p12 "he said" is Lavrov: p11 ends "He placed “responsibility” on Washington." (He = Lavrov)
    assert frame.loc["q17", "speaker"] == "Sergei Lavrov"
    # bracketed insertion and ellipsis stay inside
    assert "[ISIS]" in frame.loc["q10", "text"] and "…" in frame.loc["q17", "text"]
    # the headline quotation has no sentence id
    assert frame.loc["q1", "sentence_id"] is None


# --------------------------------------------------------------------------------------------
# Acts of speech: fragments of one act share attribution_id


def acts(text: str) -> list[list[str]]:
    """The texts of the rows of each act of speech, in table order."""
    frame = table(text)
    return [group["text"].tolist() for _, group in frame.groupby("attribution_id", sort=False)]


def test_seed_acts_of_speech(seed):
    frame = attribution.quotes(seed).set_index("quote_id")
    same = [("q2", "q3"), ("q10", "q11"), ("q12", "q13"), ("q17", "q18")]
    for a, b in same:
        assert frame.loc[a, "attribution_id"] == frame.loc[b, "attribution_id"], (a, b)
    # ids are readable and numbered in table order
    ids = list(dict.fromkeys(frame["attribution_id"]))
    assert ids == [f"a{i}" for i in range(1, len(ids) + 1)]
    assert len(ids) == len(frame) - len(same)


def test_a_quotation_split_by_its_attribution_is_one_act():
    text = "“We are ready to talk,” Keller said, “but not under threat.”"
    assert acts(text) == [["“We are ready to talk,”", "“but not under threat.”"]]


def test_a_quotation_continued_after_its_attribution_is_one_act():
    text = "“We will rebuild,” Ferran said. “We always have.”"
    assert acts(text) == [["“We will rebuild,”", "“We always have.”"]]


def test_a_continuation_in_a_new_paragraph_is_a_new_act():
    text = "“We will rebuild,” Ferran said.\n\n“We always have.”"
    assert acts(text) == [["“We will rebuild,”"], ["“We always have.”"]]


def test_another_speaker_in_between_starts_a_new_act():
    text = "“We will rebuild,” Ferran said. Vance said “nothing” had changed. “We always have.”"
    frame = table(text)
    assert frame["attribution_id"].nunique() >= 3
    first, last = frame.iloc[0], frame.iloc[-1]
    assert first["attribution_id"] != last["attribution_id"]


def test_a_partial_quotation_shares_the_act_of_its_clause():
    text = "Ormond said the plan was “dead on arrival” and would not pass."
    frame = table(text)
    assert frame["kind"].tolist() == ["indirect", "partial"]
    assert frame["attribution_id"].nunique() == 1


def test_scare_quotes_in_a_speaker_phrase_have_no_speaker_and_an_act_of_their_own():
    text = "The “fact-checking” website said the “experts” were wrong."
    frame = table(text).set_index("text")
    assert frame.loc["“fact-checking”", "speaker"] is None
    assert frame.loc["“fact-checking”", "cue"] is None
    # the quoted word inside the reported clause is the website's, in the clause's act
    assert (
        frame.loc["“experts”", "attribution_id"]
        == frame.loc["the “experts” were wrong", "attribution_id"]
    )
    label = frame.loc["“fact-checking”", "attribution_id"]
    assert label != frame.loc["“experts”", "attribution_id"]


def test_a_programme_name_after_told_has_no_speaker():
    text = "Senator Vance told “Meet the Press” on Sunday that the deal was dead."
    frame = table(text).set_index("text")
    assert frame.loc["“Meet the Press”", "speaker"] is None
    assert frame.loc["the deal was dead", "speaker"] == "Vance"
    # but a quotation after "told reporters" is still the speaker's
    assert found("Vance told reporters “we are done” and left.")[0][2] == "Vance"


def test_sources_count_an_act_once():
    art = kit.Article.from_text(
        "“We are ready,” Keller said, “but not under threat.” Lind said the talks failed.",
        headline="",
    )
    frame = attribution.sources(art).set_index("speaker")
    assert frame.loc["Keller", ["direct", "quotes", "quoted_words"]].tolist() == [1, 1, 7]
    assert frame.loc["Lind", ["indirect", "quotes"]].tolist() == [1, 1]


# --------------------------------------------------------------------------------------------
# Direct quotations and their attributions


def test_quote_then_speaker_then_verb():
    text = "“We will not accept any deal,” Prime Minister Helena Marsh said on Tuesday."
    assert found(text) == [("“We will not accept any deal,”", "direct", "Helena Marsh")]
    assert mention(text, "“We will not accept any deal,”") == "Helena Marsh"


def test_quote_then_verb_then_speaker_with_appositive():
    text = "“The talks were hard,” said Anton Keller, the foreign minister."
    assert found(text) == [("“The talks were hard,”", "direct", "Anton Keller")]


def test_verb_then_colon_quote_and_told_reporters():
    text = "Defence Secretary Paul Ormond told reporters in Brussels: “Nobody should doubt us.”"
    assert found(text) == [("“Nobody should doubt us.”", "direct", "Paul Ormond")]


def test_title_is_not_part_of_the_name():
    text = "“We are ready,” said Russian Foreign Minister Sergei Lavrov."
    assert found(text)[0][2] == "Sergei Lavrov"


def test_name_appositive_after_role():
    text = '"Our position has not changed," the spokesman, Marco Vidal, told a news conference.'
    assert found(text) == [('"Our position has not changed,"', "direct", "Marco Vidal")]


def test_asides_between_speaker_and_verb_are_skipped():
    text = "Vance, 54, a former judge, said the court had been “captured” by the ruling party."
    speakers = {speaker for _, _, speaker in found(text)}
    assert speakers == {"Vance"}


def test_split_quotation_is_two_direct_quotations_of_one_speaker():
    text = "“We are ready to talk,” Keller said, “but not under threat.”"
    assert found(text) == [
        ("“We are ready to talk,”", "direct", "Keller"),
        ("“but not under threat.”", "direct", "Keller"),
    ]


def test_question_quotation_split_from_its_attribution_by_the_sentence_splitter():
    text = "“Why now, and why here?” Vance asked. “Nobody has answered that.”"
    assert [speaker for _, _, speaker in found(text)] == ["Vance", "Vance"]


def test_a_quotation_with_no_attribution_and_nothing_before_is_unattributed():
    assert found("“We will rebuild.” The city was quiet.") == [
        ("“We will rebuild.”", "direct", None)
    ]


def test_a_quotation_of_several_sentences_is_attributed_where_it_ends():
    text = "“We see attempts to escalate. We believe that is short-sighted,” Lavrov said."
    assert found(text) == [
        ("“We see attempts to escalate. We believe that is short-sighted,”", "direct", "Lavrov")
    ]
    # a full stop inside the marks ends the statement: no attribution reaches back over it
    assert found("“We see attempts to escalate.” Lavrov left.")[0][2] is None


def test_a_sentence_split_after_an_initial_is_undone():
    text = "“Oral observations are as important as orders,” Justice D.Y. Chandrachud said."
    assert found(text) == [
        ("“Oral observations are as important as orders,”", "direct", "D.Y. Chandrachud")
    ]


def test_a_dash_between_quotation_and_attribution():
    text = "“Negotiations were thorough and open,” – Lavrov said at a press conference."
    assert found(text) == [("“Negotiations were thorough and open,”", "direct", "Lavrov")]


def test_the_role_names_the_person_who_holds_it():
    text = (
        "Foreign Minister Sergei Lavrov spoke after the talks.\n\n"
        "“We see attempts to escalate,” the minister added."
    )
    assert found(text)[0][2] == "Sergei Lavrov"
    assert found("“Absolutely not,” the minister said.")[0][2] == "minister"


def test_passive_agent_is_the_speaker():
    text = (
        "Moscow is ready to do its part, as indicated by Russian Foreign Minister, "
        "Sergey Lavrov, to a magazine."
    )
    assert found(text) == [("Moscow is ready to do its part", "indirect", "Sergey Lavrov")]


def test_according_to_him():
    text = "Lavrov spoke in Vienna. According to him, the law “violates obligations” and is unfair."
    rows = found(text)
    assert ("“violates obligations”", "partial", "Lavrov") in rows
    assert ("the law “violates obligations” and is unfair", "indirect", "Lavrov") in rows


def test_mixed_straight_and_curly_marks_pair_up():
    text = '"It is just a statement of fact,” Lavrov said.'
    assert found(text) == [('"It is just a statement of fact,”', "direct", "Lavrov")]


def test_headline_name_and_colon():
    art = kit.Article.from_text(
        "Lavrov: Prospects of a settlement are 'fairly good'\n\n"
        "Sergei Lavrov said the prospects were “fairly good”, TASS reported."
    )
    first = attribution.quotes(art).iloc[0]
    assert (first["text"], first["kind"], first["speaker"]) == (
        "'fairly good'", "partial", "Sergei Lavrov"
    )  # fmt: skip
    art = kit.Article.from_text("Crisis: Markets fall on 'panic' selling\n\nShares fell.")
    assert attribution.quotes(art).iloc[0]["speaker"] is None


def test_straight_single_quotes_are_short_and_start_with_a_letter():
    assert found("Markets fell on 'panic' selling.") == [("'panic'", "partial", None)]
    assert found("In the '90s the boys' club ruled.") == []


def test_a_description_before_a_name_is_not_part_of_it():
    text = "“We are in contact,” TTP spokesman Shahidullah Shahid told AFP."
    assert found(text)[0][2] == "Shahidullah Shahid"
    text = "“It is regrettable,” Nimal Siripala de Silva, head of the delegation, told reporters."
    assert found(text)[0][2] == "Nimal Siripala de Silva"
    text = "Professor Muhammad Ibrahim said he had spoken to the commander."
    assert found(text)[0][2] == "Muhammad Ibrahim"


def test_an_unnamed_person_is_still_a_person():
    text = (
        "The spokesperson of the US State Department said on Tuesday: “We continue to talk.”\n\n"
        "He added: “A deal is possible.”"
    )
    rows = found(text)
    assert rows[0][2] == rows[1][2] == "spokesperson of the US State Department"
    text = "A State Department spokeswoman said the talks would go on."
    assert (
        attribution.sources(kit.Article.from_text(text, headline="")).iloc[0]["source_type"]
        == "anonymous"
    )


def test_this_official_is_the_one_just_quoted():
    text = (
        "A senior official said the talks would resume. Later this official said: “We are close.”"
    )
    assert found(text)[-1][2] == "a senior official"


# --------------------------------------------------------------------------------------------
# Pronouns


def test_pronoun_is_the_subject_not_the_addressee():
    text = "Anton Keller met his counterpart, Sofia Lind, in Geneva. He told Lind, “We agree.”"
    assert found(text) == [("“We agree.”", "direct", "Anton Keller")]
    assert mention(text, "“We agree.”") == "He"


def test_pronoun_after_addressee_in_previous_sentence():
    text = "Sabo met Hoff in Vienna. He told her, “We do not take lectures.”"
    assert found(text)[0][2] == "Sabo"


def test_surname_resolves_to_the_full_name_given_earlier():
    text = "Secretary of State John Kerry landed in Moscow. “We hope,” Kerry said."
    assert found(text) == [("“We hope,”", "direct", "John Kerry")]


def test_she_skips_a_man_known_from_his_role():
    text = (
        "The spokeswoman, Nadia Berg, met the chairman, Omar Haddad. "
        "Haddad spoke first. She said, “We will wait.”"
    )
    assert found(text)[0][2] == "Nadia Berg"


def test_it_and_they_resolve_to_institutions_and_groups():
    text = "The Foreign Ministry rejected the report. It said the claims were false."
    assert found(text) == [("the claims were false", "indirect", "Foreign Ministry")]
    text = "Local officials gave a different account. They said the fire started in a depot."
    assert found(text)[0][2] == "local officials"


# --------------------------------------------------------------------------------------------
# Continuations


def test_continuation_in_the_next_sentence_and_paragraph():
    text = "“This is a dark day,” Mayor Lucia Ferran said.\n\n“We buried eleven people.”"
    assert [speaker for _, _, speaker in found(text)] == ["Lucia Ferran", "Lucia Ferran"]


def test_an_unattributed_quotation_goes_to_whoever_spoke_last():
    text = "“We are ready,” Keller said. Lind said the talks had failed.\n\n“It is over.”"
    assert found(text)[-1] == ("“It is over.”", "direct", "Lind")
    text = "Pavlo Klimkin commented on the meeting.\n\n“I believe the visit showed it clearly.”"
    assert found(text) == [("“I believe the visit showed it clearly.”", "direct", "Pavlo Klimkin")]


def test_no_speaker_is_borrowed_from_two_paragraphs_back():
    text = "Lind said the talks had failed.\n\nThe city was quiet.\n\n“It is over.”"
    assert found(text)[-1] == ("“It is over.”", "direct", None)


def test_open_paragraph_continues_in_the_next_and_takes_the_later_attribution():
    text = (
        "General Omar Haddad described the operation.\n\n"
        "“We moved at night.\n\n"
        "“By morning the bridge was ours,” he said."
    )
    assert found(text) == [
        ("“We moved at night.", "direct", "Omar Haddad"),
        ("“By morning the bridge was ours,”", "direct", "Omar Haddad"),
    ]


# --------------------------------------------------------------------------------------------
# Marks: straight, single, nested, brackets, ellipses


def test_straight_quotes():
    text = '"We expect an answer by Friday," Keller said.'
    assert found(text) == [('"We expect an answer by Friday,"', "direct", "Keller")]


def test_single_quotes_nested_in_double_are_one_quotation():
    text = "“He said, ‘You will never leave,’ and I believed him,” said Daniel Roux."
    assert len(found(text)) == 1
    assert found(text)[0][2] == "Daniel Roux"


def test_apostrophes_are_not_quotation_marks():
    assert found("Russia’s economy shrank while the rebels’ positions held.") == []
    assert found("It's the rebels' last town, officials' maps show.") == []


def test_top_level_single_quotes():
    assert found("‘We want our sons back,’ one mother told the BBC.") == [
        ("‘We want our sons back,’", "direct", "one mother")
    ]


def test_brackets_and_ellipsis_stay_inside():
    text = "“The attack on [the city of] Marun was planned … for weeks,” said Haddad."
    assert found(text)[0][0] == "“The attack on [the city of] Marun was planned … for weeks,”"


# --------------------------------------------------------------------------------------------
# Partial quotations and scare quotes


def test_partial_quotation_inside_reported_speech():
    text = "Ormond said the plan was “dead on arrival” and called for a new vote."
    assert ("“dead on arrival”", "partial", "Ormond") in found(text)


def test_labelling_verb_attributes_a_partial_but_is_not_indirect_speech():
    text = "Ormond called the decision “reckless”."
    assert found(text) == [("“reckless”", "partial", "Ormond")]


def test_scare_quotes_with_no_speaker():
    assert found("Rebels now hold the so-called “green corridor” by the river.") == [
        ("“green corridor”", "partial", None)
    ]


def test_partial_goes_to_the_subject_only_when_they_were_just_speaking():
    text = (
        "Kerry demanded a ceasefire, but Lavrov dismissed the suggestion. "
        "He placed “blame” on Kyiv."
    )
    assert ("“blame”", "partial", "Lavrov") in found(text)
    text = "Kerry landed in Moscow on Tuesday. He visited the “new” embassy."
    assert found(text) == [("“new”", "partial", None)]


def test_headline_quotation_with_a_headline_verb(seed):
    frame = attribution.quotes(seed)
    first = frame.iloc[0]
    assert (first["text"], first["kind"], first["speaker"], first["cue"]) == (
        "‘Real Progress’", "partial", "John Kerry", "Expects"
    )  # fmt: skip


# --------------------------------------------------------------------------------------------
# Indirect speech


def test_said_in_a_statement_that():
    text = "The ministry said in a statement that the convoy had been stopped."
    assert found(text) == [("the convoy had been stopped", "indirect", "ministry")]


def test_according_to_before_and_after():
    text = "According to the United Nations, 40,000 people crossed last week."
    assert found(text) == [("40,000 people crossed last week", "indirect", "United Nations")]
    text = "The ceasefire will start at midnight, according to a senior official."
    assert found(text) == [
        ("The ceasefire will start at midnight", "indirect", "a senior official")
    ]


def test_inverted_attribution_at_the_end():
    text = "The talks will resume next week, a senior official said."
    assert found(text) == [("The talks will resume next week", "indirect", "a senior official")]


def test_addressee_is_skipped_before_the_reported_clause():
    text = "Putin promised the UN his forces would only strike militants."
    assert found(text) == [("his forces would only strike militants", "indirect", "Putin")]


def test_mandative_clause():
    assert found("Kerry demanded Russia cooperate in the ceasefire.") == [
        ("Russia cooperate in the ceasefire", "indirect", "Kerry")
    ]


def test_a_coordinated_verb_shares_the_subject():
    text = "The negotiators briefed the prime minister and said they had received no answer."
    assert found(text) == [("they had received no answer", "indirect", "negotiators")]
    text = "Novak’s spokesman, Emil Sand, accused the opposition of lying and said Novak would sue."
    assert found(text) == [("Novak would sue", "indirect", "Emil Sand")]


def test_time_phrases_between_verb_and_clause():
    text = "A faction of the group announced on Sunday they had killed 23 soldiers."
    assert found(text)[0][0] == "they had killed 23 soldiers"
    assert found("Keller said yesterday the talks had failed.")[0][0] == "the talks had failed"


def test_according_to_after_the_claim_and_as_a_source_of_a_report():
    text = 'Blinken also "discussed how escalation is in no one’s interest," according to Miller.'
    rows = found(text)
    assert rows[0] == (
        'Blinken also "discussed how escalation is in no one’s interest,"', "indirect", "Miller"
    )  # fmt: skip
    text = "According to Isna, the spokesperson said the talks went well."
    assert found(text) == [("the talks went well", "indirect", "spokesperson")]


def test_us_in_capitals_is_a_country():
    text = "“We are ready,” said a spokesman for the US State Department."
    assert found(text)[0][2] == "a spokesman for the US State Department"


def test_words_between_speaker_and_verb():
    assert found("“Let them be peaceful,” Fahmi went on to say.")[0][2] == "Fahmi"
    text = "Interior Minister Mohammed Fahmi on Tuesday said the roads would stay open."
    assert found(text)[0][2] == "Mohammed Fahmi"
    text = "The joint opposition however said that the minister was misleading parliament."
    assert found(text)[0][2] == "joint opposition"


def test_a_pronoun_with_no_earlier_subject_takes_the_person_just_named():
    text = (
        "Interior Minister Mohammed Fahmi on Tuesday warned protesters against what he "
        "described as “provocation.”"
    )
    assert ("“provocation.”", "partial", "Mohammed Fahmi") in found(text)


def test_a_relative_clause_does_not_make_an_object_a_clause():
    text = "Jayasuriya condemned the forces that encouraged them to surround parliament."
    assert found(text) == []


def test_inverted_attribution_with_a_title():
    text = "The members will share the blame, Prime Minister Ranil Wickremesinghe said yesterday."
    assert found(text) == [("The members will share the blame", "indirect", "Ranil Wickremesinghe")]


def test_verbs_after_a_preposition_or_to_are_not_acts_of_saying():
    assert found("Media cannot be stopped from reporting oral remarks made by judges.") == []
    assert found("The court ordered journalists not to report the remarks of the judges.") == []
    assert found("“Let them be peaceful,” Fahmi went on to say.")[0][2] == "Fahmi"


def test_plural_nouns_that_look_like_verbs():
    assert found("The charges were based on the media reports.") == []
    assert found("Media reports said the talks had failed.") == [
        ("the talks had failed", "indirect", "media reports")
    ]
    text = "The ministry claims that the convoy was attacked."
    assert found(text) == [("the convoy was attacked", "indirect", "ministry")]


def test_an_adverb_in_ly_between_speaker_and_verb():
    text = "Chief Justice Sanjib Banerjee had orally remarked that the commission was to blame."
    assert found(text) == [("the commission was to blame", "indirect", "Sanjib Banerjee")]


def test_told_needs_a_clause_not_just_an_addressee():
    assert found("The court told a “hurt” commission on Monday to wait.")[0][1] == "partial"
    assert [k for _, k, _ in found("The court told a hurt commission on Monday.")] == []


def test_a_verb_with_a_plain_object_is_not_indirect_speech():
    assert found("Lavrov dismissed the suggestion.") == []
    assert found("The ministry issued a statement condemning the U.S.") == []
    assert found("Keller said in a statement.") == []


def test_a_participle_after_a_document_noun_is_not_a_verb_of_saying():
    text = "It said in a message tweeted online that the situation was calm."
    assert found(text) == [("the situation was calm", "indirect", None)] or found(text)[0][0] == (
        "the situation was calm"
    )
    assert [cue for cue in table(text)["cue"]] == ["said"]


def test_a_closing_attribution_ends_the_reported_clause_before_it():
    text = (
        "The envoy, Federica Mogherini, stressed the need to stop the fighting now, "
        "the European External Action Service reported."
    )
    rows = found(text)
    assert ("the need to stop the fighting now", "indirect", "Federica Mogherini") not in rows
    assert rows[0][2] == "European External Action Service"


def test_pronoun_objects_are_not_reported_clauses():
    assert found("They stated this after the talks.") == []
    assert found("Keller said so.") == []


def test_cognition_verbs_are_not_speech():
    assert found("Kerry also hoped to find a resolution for the crisis.") == []
    assert found("Kerry believes the talks will fail.") == []


def test_nouns_that_look_like_verbs_are_not_cues():
    assert (
        found("The report said nothing new. A claim of victory followed the Islamic State.") == []
    )


def test_participle_shares_the_subject():
    text = "The central bank raised rates, saying inflation remained high."
    assert found(text) == [("inflation remained high", "indirect", "central bank")]


def test_vague_sources_keep_their_words():
    text = "Two diplomats familiar with the talks said the draft had been rewritten overnight."
    assert found(text)[0][2] == "two diplomats familiar with the talks"
    text = "A European official who asked not to be named said the text was ready."
    assert found(text)[0][2] == "a European official who asked not to be named"


def test_capitalised_vague_sources_stay_vague():
    for text, label, kind in (
        ("Critics say the law goes too far.", "critics", "group"),
        ("Police said three people had been arrested.", "police", "group"),
        ("Officials said the border would reopen.", "officials", "anonymous"),
    ):
        row = attribution.sources(kit.Article.from_text(text, headline="")).iloc[0]
        assert (row["speaker"], row["source_type"], bool(row["named"])) == (label, kind, False)


def test_include_indirect_false():
    text = "Keller said the talks were useful. “We agree,” Lind said."
    frame = attribution.quotes(kit.Article.from_text(text, headline=""), include_indirect=False)
    assert frame["kind"].tolist() == ["direct"]


# --------------------------------------------------------------------------------------------
# Sources and unattributed claims


def test_sources_of_the_seed(seed):
    frame = attribution.sources(seed)
    assert list(frame.columns) == attribution.SOURCE_COLUMNS
    top = frame.iloc[0]
    assert (top["speaker"], top["source_type"], bool(top["named"])) == (
        "John Kerry",
        "person",
        True,
    )
    by_name = frame.set_index(frame["speaker"].fillna("(none)"))
    assert by_name.loc["Russian officials", "named"] == False  # noqa: E712
    assert by_name.loc["Russian officials", "source_type"] == "anonymous"
    assert by_name.loc["Russian Foreign Ministry", "source_type"] == "institution"
    assert by_name.loc["(none)", "partial"] == 2
    # sources count acts of speech: the fragments of one act count once
    assert frame["quotes"].sum() == attribution.quotes(seed)["attribution_id"].nunique()
    assert frame["quotes"].sum() < len(attribution.quotes(seed))


def test_sources_count_quoted_words():
    art = kit.Article.from_text(
        "“One two three,” Keller said. Lind said the talks failed.", headline=""
    )
    frame = attribution.sources(art).set_index("speaker")
    assert frame.loc["Keller", "quoted_words"] == 3
    assert frame.loc["Lind", "quoted_words"] == 0 and frame.loc["Lind", "indirect"] == 1


def test_unattributed_claims(seed):
    frame = attribution.unattributed_claims(seed)
    assert frame["sentence_id"].tolist() == ["p7.s2"]
    assert frame.iloc[0]["marker"] == "evidence later surfaced"
    other = kit.Article.from_text(
        "The general is said to be ill. Reportedly, talks failed.", headline=""
    )
    assert attribution.unattributed_claims(other)["marker"].tolist() == ["is said to", "Reportedly"]


def test_unattributed_markers_inside_quotations_are_the_speaker_s():
    art = kit.Article.from_text("“It is believed he left,” Keller said.", headline="")
    assert attribution.unattributed_claims(art).empty


# --------------------------------------------------------------------------------------------
# Lexicons


def test_lexicons_are_term_category_note():
    for path in sorted(paths.lexicons_dir().glob("*.csv")):
        if not (path.name.startswith("attribution_") or path.name == "reporting_verbs.csv"):
            continue
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert rows and list(rows[0]) == ["term", "category", "note"], path.name
        assert all(row["term"] and row["category"] and row["note"] for row in rows), path.name


def test_reporting_verbs_have_every_inflection():
    verbs = attribution.reporting_verbs().set_index("term")
    for forms in (
        "say says said saying",
        "insist insists insisted insisting",
        "declare declares declared declaring",
        "claim claims claimed claiming",
        "dismiss dismisses dismissed dismissing",
    ):
        for form in forms.split():
            assert form in verbs.index, form
    assert verbs.loc["said", "category"] == "neutral"
    assert verbs.loc["claimed", "category"] == "loaded-doubt"
    assert verbs.loc["dismissed", "category"] == "hostile"
    assert verbs.loc["insisted", "category"] == "assertive"


def _copy_lexicons(monkeypatch, folder: Path) -> None:
    for path in paths.lexicons_dir().glob("*.csv"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(paths, "lexicons_dir", lambda: folder)


def _append(path: Path, line: str) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    later = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(later, later))  # a new modification time, however fast the edit


def test_an_instructor_can_add_a_verb_without_touching_code(monkeypatch, tmp_path):
    _copy_lexicons(monkeypatch, tmp_path)
    text = "“Nonsense,” Keller harrumphed."
    assert found(text) == [("“Nonsense,”", "direct", None)]  # the lists are read and kept
    _append(tmp_path / "reporting_verbs.csv", "harrumphed,emotive,said with gruff disapproval")
    # no cache to clear: the next call sees the edited list
    assert found(text) == [("“Nonsense,”", "direct", "Keller")]


@pytest.mark.parametrize(
    ("lexicon", "line", "text", "before", "after"),
    [
        # a title is cut off the name
        ("attribution_titles", "Chancellor-elect,title,a title before a name",
         "Chancellor-elect Ines Duarte said the talks failed.", "Chancellor-elect Ines Duarte",
         "Ines Duarte"),
        # a new institution word makes a phrase an institution, not a person
        ("attribution_institutions", "Directorate,institution,an office of government",
         "The Border Directorate said the road was closed.", "person", "institution"),
        # a word class in attribution_words.csv: "Nonetheless" is not a name
        ("attribution_words", "Nonetheless,not-name,a sentence adverb, capitalised",
         "Nonetheless Keller said the talks failed.", "Nonetheless Keller", "Keller"),
        # a document that can speak
        ("attribution_documents", "dossier,document,a document: the dossier reads",
         "“Act now,” the dossier reads.", None, "dossier"),
    ],
)  # fmt: skip
def test_every_attribution_list_takes_effect_on_the_next_call(
    monkeypatch, tmp_path, lexicon, line, text, before, after
):
    _copy_lexicons(monkeypatch, tmp_path)

    def reading():
        art = kit.Article.from_text(text, headline="")
        row = attribution.quotes(art).iloc[0]
        if before in ("person", "institution") or after in ("person", "institution"):
            return attribution.sources(art).iloc[0]["source_type"]
        return row["speaker"]

    assert reading() == before
    _append(tmp_path / f"{lexicon}.csv", line)
    assert reading() == after


# --------------------------------------------------------------------------------------------
# Odd text never crashes; offsets always hold


ODD = [
    "“", "”", '"', "‘", "’s", "“Unclosed quote\n\nNext paragraph", "said said said",
    "“a” “b” “c", "'' \"\" “”", "…", "[x]", "— said —", "According to", "according to,",
    "“”,” he said", "He told him, “", "It said, they said, she said, he said.",
    "The U.S. said. U.S. officials said the U.S. would.", "“We,” said", "(“a”)",
]  # fmt: skip


@pytest.mark.parametrize("text", ODD)
def test_odd_text(text):
    art = kit.Article.from_text(text, headline="")
    for frame in (attribution.quotes(art), attribution.sources(art)):
        assert isinstance(frame, pd.DataFrame)
    for row in attribution.quotes(art).itertuples():
        assert art.text[row.start : row.end] == row.text


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "“",
                "”",
                '"',
                "‘",
                "’",
                "'",
                " said ",
                " Kerry ",
                " he ",
                ", ",
                ". ",
                "\n\n",
                "according to ",
                " told ",
                "We ",
                "win",
                "…",
                "[",
                "]",
                " the ",
                "officials ",
            ]
        ),
        min_size=1,
        max_size=40,
    )
)
def test_random_pieces_keep_offsets(pieces):
    text = "".join(pieces)
    if not text.strip():
        return
    art = kit.Article.from_text(text, headline="")
    for row in attribution.quotes(art).itertuples():
        assert art.text[row.start : row.end] == row.text
        assert 0 <= row.start < row.end <= len(art.text)


# --------------------------------------------------------------------------------------------
# The dev set and the quality bar


def _scorer():
    spec = importlib.util.spec_from_file_location(
        "score_attribution", ROOT / "tools" / "score_attribution.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_set_is_well_formed():
    items = [
        json.loads(line)
        for line in (ROOT / "tests/data/attribution_dev.jsonl").open(encoding="utf-8")
    ]
    assert len(items) >= 60
    for item in items:
        for q in item["quotes"]:
            assert item["text"][q["start"] : q["end"]] == q["text"]
            assert q["kind"] in ("direct", "partial", "indirect")
            if q["mention"] is not None:
                assert item["text"][q["mention_start"] : q["mention_end"]] == q["mention"]


@pytest.mark.parametrize("split", ["dev", "heldout", "fresh", "fresh2", "styles", "fresh3"])
def test_quality_bar_on_the_dev_set(split, capsys):
    scorer = _scorer()
    result = scorer.report(scorer.load_items(split=split))
    capsys.readouterr()
    marked = result["direct+partial"]
    assert marked[0.3]["f1"] >= 0.85
    assert marked[0.8]["f1"] >= 0.80
    assert marked["speaker_lenient"] >= 0.85


# --------------------------------------------------------------------------------------------
# The source-balance chart (kit.display)


def test_source_balance_chart(seed):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    frame = attribution.sources(seed)
    ax = kit.display.plot_source_balance(frame)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "John Kerry · 112 quoted words"
    assert "Russian officials (unnamed) · 0 quoted words" in labels
    assert "(no speaker named) · 4 quoted words" in labels
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["direct", "partial", "indirect"]
    plt.close(ax.figure)


# --------------------------------------------------------------------------------------------
# Titles that run on past a country, and clauses after "said in a statement that"


def test_a_title_with_of_runs_on_past_the_country():
    assert found("U.S. Secretary of State John Kerry said he hoped to make progress.") == [
        ("he hoped to make progress", "indirect", "John Kerry")
    ]
    assert found("Russia's Minister of Defence Sergei Shoigu said the strikes would go on.") == [
        ("the strikes would go on", "indirect", "Sergei Shoigu")
    ]
    # not a title: "of" after a country does not join the next name
    assert (
        found("Critics of Russia Anna Vale said the vote was rigged.")[0][2] != "Russia Anna Vale"
    )


def test_said_in_a_statement_that_takes_the_clause_after_it():
    text = (
        "After the meeting, the Russian Foreign Ministry said in a statement that Western "
        "countries should stop bombing."
    )
    assert found(text) == [
        ("Western countries should stop bombing", "indirect", "Russian Foreign Ministry")
    ]
    # the clause before the attribution is still found when nothing follows "said"
    assert found("The talks will resume next week, a senior official said on Tuesday.") == [
        ("The talks will resume next week", "indirect", "a senior official")
    ]


# --------------------------------------------------------------------------------------------
# Patterns of published wire copy (each with a sentence written here in the same pattern)


def test_a_dateline_is_not_a_speaker():
    text = (
        "ROMEVILLE, March 3 (Agency) - The Veldorian foreign minister has defended the deal, "
        "saying the “fair” terms would hold."
    )
    assert [speaker for _, _, speaker in found(text)] == ["veldorian foreign minister"] * 2
    # a short capitalised word and a dash in the body is no dateline
    assert found("US - Veldoria talks will resume next week, officials said.") == [
        ("US - Veldoria talks will resume next week", "indirect", "officials")
    ]


def test_quoted_someone_as_saying_gives_the_words_to_that_person():
    text = "“We will not leave,” the Daily Herald quoted Mara Lind as saying."
    assert found(text) == [("“We will not leave,”", "direct", "Mara Lind")]
    # no "as": the participle shares the subject of its clause, the paper
    text = "The paper quoted the report in full, saying the figures were wrong."
    assert found(text) == [("the figures were wrong", "indirect", "paper")]


def test_an_inverted_speaker_after_a_possessive_is_the_person_named():
    text = "“The minister is in contact with both sides,” said Lind’s spokesman Peter Varga."
    assert found(text)[0][2] == "Peter Varga"
    assert found("“We are ready,” said Lind before the meeting.")[0][2] == "Lind"


def test_an_inverted_role_followed_by_a_name_is_that_person():
    text = (
        "“The council is united,” said the council president for the month, Ambassador Mara "
        "Lind of Veldoria, on behalf of the members."
    )
    assert found(text)[0][2] == "Mara Lind"
    assert found("“We are ready,” said the ministry, which has led the talks.")[0][2] == "ministry"


def test_of_after_a_full_name_says_where_the_person_comes_from():
    assert found("Omar Haddad of Unity said the talks had failed.")[0][2] == "Omar Haddad"
    # titles and institutions still go on with "of"
    assert found("Secretary of State Mara Lind said the talks had failed.")[0][2] == "Mara Lind"
    assert found("The Bank of Veldoria said the rates would stay.")[0][2] == "Bank of Veldoria"


def test_a_participle_after_a_quoted_comma_shares_the_subject():
    text = 'Lind said the talks had been "cordial," describing them as "exploratory."'
    assert found(text) == [
        ('the talks had been "cordial,"', "indirect", "Lind"),
        ('"cordial,"', "partial", "Lind"),
        ('"exploratory."', "partial", "Lind"),
    ]
    # no comma: "describing" is a noun here and the clause runs on
    assert found("Lind said the describing of events was accurate.") == [
        ("the describing of events was accurate", "indirect", "Lind")
    ]


def test_a_clause_with_a_partial_quotation_before_the_attribution_is_retold_speech():
    text = (
        "Veldoria seems “unwilling to compromise” as it has not answered the proposal, the "
        "mediator’s spokesperson said."
    )
    assert found(text) == [
        (
            "Veldoria seems “unwilling to compromise” as it has not answered the proposal",
            "indirect",
            "mediator’s spokesperson",
        ),
        ("“unwilling to compromise”", "partial", "mediator’s spokesperson"),
    ]
    # a sentence that opens with the quotation is a direct quotation and nothing else
    assert found("“We are unwilling to compromise,” the spokesperson said.") == [
        ("“We are unwilling to compromise,”", "direct", "spokesperson")
    ]


def test_recounted_telling_someone_keeps_the_teller_and_the_reply_apart():
    text = "“Buy it,” Varga recounted telling Lind — to which Lind replied, “I never buy stories.”"
    assert found(text) == [
        ("“Buy it,”", "direct", "Varga"),
        ("“I never buy stories.”", "direct", "Lind"),
    ]


def test_continue_to_is_not_a_verb_of_saying():
    frame = table("The envoy promised he would continue to “spare no effort” for peace.")
    partial = frame[frame["kind"] == "partial"].iloc[0]
    assert (partial["speaker"], partial["cue"]) == ("envoy", "promised")
    assert table("“We will keep talking,” Lind continued.")["cue"].tolist() == ["continued"]


def test_the_official_points_back_to_the_person_who_spoke_last():
    text = (
        "Omar Haddad, head of the delegation, said the talks had stalled.\n\n"
        "“We are still here,” the official said."
    )
    assert found(text)[1] == ("“We are still here,”", "direct", "Omar Haddad")
    assert mention(text, "“We are still here,”") == "the official"
    # with nobody named before, the official stays an unnamed official
    assert found("“We are still here,” the official said.")[0][2] == "official"


def test_a_long_prepositional_phrase_before_that():
    text = (
        "Lind said on Sunday after a meeting with her counterparts from Veldoria, Ostrava and "
        "Malden that they would report back."
    )
    assert found(text) == [("they would report back", "indirect", "Lind")]
    # "that" inside the clause is not the start of it
    assert found("Lind said the report that she read was wrong.") == [
        ("the report that she read was wrong", "indirect", "Lind")
    ]


def test_claims_after_an_adjective_is_a_noun():
    text = "The ministry would not deny congressional claims that it blocked the sanctions."
    assert found(text) == []
    assert found("Veldoria claims that the border is closed.") == [
        ("the border is closed", "indirect", "Veldoria")
    ]


def test_denying_claims_does_not_make_them_the_speakers_words():
    assert found("Haddad denied on Tuesday claims that progress had been made.") == []
    assert found("Haddad said claims that progress had been made were false.") == [
        ("claims that progress had been made were false", "indirect", "Haddad")
    ]


def test_a_speaker_after_a_subordinator_opens_a_clause_of_their_own():
    text = "A senior official dismissed Lind’s optimism after the president said a deal was close."
    assert found(text) == [("a deal was close", "indirect", "president")]
    assert found("Lind said the talks would resume after the holiday.") == [
        ("the talks would resume after the holiday", "indirect", "Lind")
    ]


def test_a_pronoun_goes_to_the_last_person_named_when_no_gender_is_known():
    text = (
        "UN envoy Mara Lind on Wednesday ranked the crisis as the top concern. Speaking to "
        "reporters, she demanded that the sides stop fighting."
    )
    assert found(text) == [("the sides stop fighting", "indirect", "Mara Lind")]
    # a man is not "she"
    assert found("Mr. Varga arrived on Monday. She said the talks were over.") == [
        ("the talks were over", "indirect", None)
    ]


def test_a_clause_before_he_said_and():
    text = (
        "In a week the number of refugees had doubled to 40,000, she said, and many of them "
        "were hungry."
    )
    assert found(text)[0][:2] == (
        "In a week the number of refugees had doubled to 40,000",
        "indirect",
    )
    # too short to be a clause
    assert "Yes" not in [t for t, _, _ in found("Yes, she said, and left the room.")]


def test_a_closing_attribution_is_found_past_a_quotation():
    text = (
        'Lind said that only talks would work and warned, "Force could cause devastation for '
        'generations to come."'
    )
    assert found(text) == [
        ("only talks would work", "indirect", "Lind"),
        ('"Force could cause devastation for generations to come."', "direct", "Lind"),
    ]


def test_a_statement_that_adds_something_speaks():
    assert found("The statement added that the border would stay closed.") == [
        ("the border would stay closed", "indirect", "statement")
    ]
    # "issued" after "statement" is still a participle
    assert table("A statement issued on Monday said the border was closed.")["cue"].tolist() in (
        [],
        ["said"],
    )


def test_said_it_had_is_a_clause_but_said_it_is_not():
    assert found("Veldoria said it had informed the mediators.") == [
        ("it had informed the mediators", "indirect", "Veldoria")
    ]
    assert found("Lind said it.") == []


def test_an_aside_that_names_an_institution_is_the_speaker():
    text = "The main opposition group, the Unity Movement, says the government is failing."
    assert found(text) == [("the government is failing", "indirect", "Unity Movement")]
    assert found("Lind, the foreign minister, said the talks were over.")[0][2] == "Lind"


def test_expressed_hope_that_reports_the_clause():
    assert found("Lind expressed hope that the talks would resume.") == [
        ("the talks would resume", "indirect", "Lind")
    ]
    assert found("The expressed aim was peace.") == []


def test_a_surname_after_a_particle_is_the_same_person():
    text = "“No,” said Abdul Rahman Al-Rashed.\n\n“We will appeal,” Rashed said."
    assert [s for _, _, s in found(text)] == ["Abdul Rahman Al-Rashed"] * 2
    # a different surname is a different person
    text = "“No,” said Abdul Rahman Al-Rashed.\n\n“We will appeal,” Haddad said."
    assert [s for _, _, s in found(text)] == ["Abdul Rahman Al-Rashed", "Haddad"]


def test_the_statement_continued_after_a_quotation_speaks():
    text = (
        "“The council is united,” said Ambassador Rosa Quint. “The council calls for calm,” the "
        "statement continued."
    )
    assert found(text)[1] == ("“The council calls for calm,”", "direct", "statement")
    # "a statement released on Monday" is still a participle, not the statement speaking
    assert table("A statement released on Monday said the border was closed.")["cue"].tolist() in (
        [],
        ["said"],
    )


def test_a_plural_possessive_belongs_to_the_speaker_phrase():
    text = "The border will stay closed, the mediators’ spokeswoman said on Tuesday."
    assert found(text) == [("The border will stay closed", "indirect", "mediators’ spokeswoman")]
    # a possessive earlier in the clause stays in the clause
    assert found("The ministers’ talks failed, the spokeswoman said.") == [
        ("The ministers’ talks failed", "indirect", "spokeswoman")
    ]


def test_a_clause_ending_in_a_quoted_comma_before_she_said():
    text = 'The council would continue to "look at every option," she said.'
    assert found(text)[0] == (
        'The council would continue to "look at every option,"',
        "indirect",
        None,
    )
    # the whole sentence in marks is a direct quotation, not retold speech
    assert [k for _, k, _ in found('"We will look at every option," she said.')] == ["direct"]


def test_has_not_yet_answered_has_its_subject_before_it():
    text = "Veldoria has not yet answered the proposal, the spokeswoman said."
    assert found(text) == [
        ("Veldoria has not yet answered the proposal", "indirect", "spokeswoman")
    ]
    # "yet" between two clauses still ends the speaker phrase before a verb
    assert found("The talks were hard, yet Lind said they had been useful.")[-1] == (
        "they had been useful",
        "indirect",
        "Lind",
    )


# --------------------------------------------------------------------------------------------
# British and magazine styles: "One said:", asides, "who said", courtesy titles


def test_one_said_is_one_of_the_sources_just_named():
    text = (
        "Ministers threatened the broadcaster, according to senior sources within the "
        "corporation. One said: “There is a war going on.”"
    )
    assert found(text) == [
        (
            "Ministers threatened the broadcaster",
            "indirect",
            "senior sources within the corporation",
        ),
        ("“There is a war going on.”", "direct", "senior sources within the corporation"),
    ]
    assert mention(text, "“There is a war going on.”") == "One"
    # with no sources before, "One" names nobody
    assert found("One said: “There is a war going on.”")[0][2] is None
    # "according to" a thing that is no source gives no speaker
    assert found("The numbers rose, according to recent figures.") == []


def test_said_that_comma_takes_the_clause_after_the_aside():
    assert found("Lind said that, after months of talks, the deal was done.") == [
        ("after months of talks, the deal was done", "indirect", "Lind")
    ]


def test_an_attribution_in_the_middle_reports_what_follows():
    text = "Without further action, Hunt said, the alliance will lose its “credibility”."
    assert found(text)[0] == ("the alliance will lose its “credibility”", "indirect", "Hunt")
    # a time phrase after the attribution is not a clause
    assert found("The talks will resume, Lind said, on Monday.") == [
        ("The talks will resume", "indirect", "Lind")
    ]


def test_accusing_someone_of_something_is_not_a_reported_clause():
    assert [
        k for _, k, _ in found("Hain accuses politicians of being sucked into a “bubble”.")
    ] == ["partial"]
    assert found("Hain accused the ministry and said it had lied.") == [
        ("it had lied", "indirect", "Hain")
    ]


def test_a_past_form_after_a_determiner_is_an_adjective():
    assert found("The broadcaster phoned him back, rejecting the suggested deal.") == []
    assert found("Lind rejected the deal, saying the terms had changed.")[-1] == (
        "the terms had changed",
        "indirect",
        "Lind",
    )


def test_continued_is_a_verb_of_saying_only_next_to_a_quotation():
    assert table("She said if the payments continued, her child would suffer.")["cue"].tolist() == [
        "said"
    ]
    assert table("“We will win,” she continued.")["cue"].tolist() == ["continued"]


def test_is_reported_to_have_names_no_reporter():
    assert found("A sum of 35,000 is reported to have been paid.") == []
    assert found("Lind reported that the sum had been paid.") == [
        ("the sum had been paid", "indirect", "Lind")
    ]


def test_she_can_be_an_unnamed_woman():
    text = (
        "Culture Secretary Lucy Frazer met the family. The mother of the young man said he had "
        "left. She said he would “never come back”."
    )
    assert [s for _, _, s in found(text)] == ["mother of the young man"] * 3
    # "he" is not the mother
    text = "The mother of the young man said he had left. He said he was fine."
    assert found(text)[-1][2] != "mother of the young man"


def test_who_said_points_back_to_the_name_before_the_aside():
    text = (
        "It chimes with remarks by Anna Berg, the Veldorian envoy, who said the sanctions were "
        "“not permanent”."
    )
    assert found(text)[0] == ("the sanctions were “not permanent”", "indirect", "Anna Berg")
    assert found("The envoy, who arrived on Monday, said the talks were over.") == [
        ("the talks were over", "indirect", "envoy")
    ]


def test_a_quotation_inside_an_aside_does_not_hide_the_speaker():
    text = (
        "Ms Lind, who discloses that she has set up a “talks unit” in the ministry, says the "
        "sanctions could be dropped."
    )
    assert found(text) == [
        ("she has set up a “talks unit” in the ministry", "indirect", "Lind"),
        ("“talks unit”", "partial", "Lind"),
        ("the sanctions could be dropped", "indirect", "Lind"),
    ]


def test_a_partial_quotation_in_a_clause_closed_by_an_attribution_is_the_closing_speakers():
    text = "Varga assured her the company was acting “quickly”, the minister said."
    assert ("“quickly”", "partial", "minister") in found(text)
    assert ("“quickly”", "partial", "Varga") in found(
        "Varga said the company was acting “quickly”."
    )


def test_urged_someone_to_act_is_a_call_not_a_clause():
    assert found("Lind urged the union to call off the strike.") == []
    assert found("Lind told reporters the talks had failed.") == [
        ("the talks had failed", "indirect", "Lind")
    ]


def test_courtesy_titles_without_a_full_stop():
    text = "Liz Marr, the foreign secretary, spoke on Sunday. Ms Marr added: “We will not give up.”"
    assert found(text) == [("“We will not give up.”", "direct", "Liz Marr")]


def test_a_televised_address_is_a_noun():
    text = (
        "“We are not at war,” Keller said in a televised address. “We are at war with those who "
        "hold them hostage.”"
    )
    assert table(text)["cue"].tolist() == ["said", None]
    assert [s for _, _, s in found(text)] == ["Keller", "Keller"]
    # after a noun, not a determiner, the verb is still a verb
    assert table("The minister said the talks were over.")["cue"].tolist() == ["said"]


def test_a_modal_ends_the_speaker_phrase():
    text = "He said all the countries should observe the sanctions imposed by the council."
    assert [cue for cue in table(text)["cue"]] == ["said"]


# --------------------------------------------------------------------------------------------
# House styles and speakers seen in published news: each rule, and a sentence it must not
# fire on


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # two apostrophes and TeX marks are quotation marks
        ("''We are ready,'' Keller said.", "''We are ready,''", "Keller"),
        ("``We are ready,'' Keller said.", "``We are ready,''", "Keller"),
        # a dash before the name signs the quotation
        ("“Be brave.” ― Carlos Ruiz", "“Be brave.”", "Carlos Ruiz"),
        # a party-state parenthesis does not hide the name, nor split the sentence
        ("“It is grave,” Rep. Elijah E. Cummings (D-Md.) said.", "“It is grave,”",
         "Elijah E. Cummings"),
        # AP style: a title's period and ", D-Ore.," after the name
        ("“No,” said Sen. Ruth Okafor, R-Ohio, who chairs it.", "“No,”", "Ruth Okafor"),
        ("“Dead,” Rep. Tomas Brandt, D-Ore., told reporters.", "“Dead,”", "Tomas Brandt"),
        # a title's period ends no sentence
        ("“Answers,” Mr. Sharpton said in an interview.", "“Answers,”", "Sharpton"),
        # an aside between commas does not push the verb out of reach
        ("“Rents doubled,” Elena Vidal, a housing researcher at the University of Porto Verde, "
         "said.", "“Rents doubled,”", "Elena Vidal"),
        # documents and outlets speak
        ("“Act at once,” the letter reads.", "“Act at once,”", "letter"),
        ("The Times wrote that the plan “will fail.” It further wrote that it was “costly.”",
         "“costly.”", "Times"),
    ],
)  # fmt: skip
def test_house_styles_and_speakers(text, quote, speaker):
    frame = table(text).set_index("text")
    assert frame.loc[quote, "speaker"] == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # an apostrophe pair inside a word is no mark ("rock ''n'' roll" has no space before)
        ("The band played rock''n''roll all night.", None),
        # a dash and a lower-case phrase is no signature
        ("“We will rebuild,” he said — and nobody believed him.", "“We will rebuild,”"),
    ],
)  # fmt: skip
def test_house_style_rules_do_not_fire_on(text, quote):
    frame = table(text)
    if quote is None:
        assert frame.empty
    else:
        assert frame.set_index("text").loc[quote, "speaker"] is None  # "he" names no one


def test_a_title_s_gender_wins_over_a_shared_surname():
    text = "Michelle Obama spoke first. “We have done the work,” Mr. Obama said."
    assert found(text)[0][2] == "Obama"
    # but a surname alone still finds the full name
    text = "Michelle Obama spoke first. “We are ready,” Obama said."
    assert found(text)[0][2] == "Michelle Obama"


def test_a_date_is_never_part_of_a_speaker():
    assert mention("In late September the council said the road would reopen.",
                   "the road would reopen") == "the council"  # fmt: skip


def test_a_sentence_with_no_full_stop_is_read_in_pieces_and_keeps_its_attributions():
    piece = "“We are ready,” Keller said, and the crowd cheered; "
    text = piece * 400  # 20,000 characters, one sentence
    frame = table(text)
    direct = frame[frame["kind"] == "direct"]
    assert len(direct) == 400
    assert set(direct["speaker"]) == {"Keller"}
    for row in frame.itertuples():
        assert text[row.start : row.end] == row.text


# --------------------------------------------------------------------------------------------
# The package's shape: short functions, no private names across modules


def _attribution_modules():
    import ast

    for path in sorted((ROOT / "kit" / "attribution").glob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def test_no_function_in_attribution_is_over_80_lines():
    import ast

    long = [
        f"{path.name}:{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for path, tree in _attribution_modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.end_lineno - node.lineno + 1 > 80
    ]
    assert long == []


def test_no_private_name_is_imported_across_attribution_modules():
    import ast

    private = [
        f"{path.name}: {alias.name} from {node.module}"
        for path, tree in _attribution_modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kit")
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert private == []


def test_unsourced_markers_keep_their_own_category_under_any_hash_seed():
    """Terms of equal length ('reportedly', 'is said to') must not swap their notes: the pattern
    and the list of terms it was built from are made together, in the list's order."""
    import subprocess
    import sys

    probe = (
        "import kit\n"
        "text = 'Title\\n\\nThe minister reportedly left. He is said to be ill.'\n"
        "a = kit.Article.from_text(text)\n"
        "print(kit.attribution.unattributed_claims(a)[['marker', 'category']].values.tolist())\n"
    )
    for seed in ("1", "2", "3", "4"):
        shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                               env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"})  # fmt: skip
        assert shown.stdout.strip() == (
            "[['reportedly', 'hedge-adverb'], ['is said to', 'passive-attribution']]"
        ), shown.stderr
