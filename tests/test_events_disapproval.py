"""Disapproval and blame in wire prose: blame for a harm spoken of an actor (112), a quoted judgement of what
the speaker says it is about, and states of mind the parser reads as "be" + complement or in a reported
clause. Sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import rule_events


@pytest.mark.parametrize("text, expected", [
    ("Kabul said Islamabad was responsible for the suicide bombing.", ("AFGGOV", "112", "PAKGOV")),
    ("The Lebanese army said Israel was behind the rocket attack.", ("LBNMIL", "112", "ISR")),
    ("Armenia said Azerbaijan was to blame for the shelling.", ("ARM", "112", "AZE")),
    ("Colombia held Venezuela responsible for the killing of its soldiers.", ("COL", "112", "VEN")),
])
def test_blame_for_a_harm_is_an_accusation(pipeline, text, expected):
    assert expected in rule_events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Nigeria said Ghana was responsible for security at the summit.",  # a duty, no harm
    "Uganda said Kenya was not behind the bombing.",  # negated
    "Peru said Chile was behind the proposal.",  # no harm
])
def test_no_blame_without_a_harm_asserted(pipeline, text):
    assert not any(code == "112" for _, code, _ in rule_events(pipeline, text))


def test_a_quoted_judgement_is_of_what_the_speaker_says_it_is_about(pipeline):
    found = rule_events(pipeline, '"It is completely unacceptable," Ankara said of the Greek decision.')
    assert ("TURGOV", "111", "GRC") in found
    found = rule_events(pipeline, '"It is a welcome step," Ankara said of the Greek decision.')
    assert not any(code.startswith("11") for _, code, _ in found)


@pytest.mark.parametrize("text, expected", [
    ("Poland was bitterly disappointed by Germany's decision.", ("POL", "110", "DEU")),  # "be" + complement
    ("Poland said it was disappointed by the German decision.", ("POL", "110", "DEU")),  # a reported pronoun
    ("Tokyo said it was deeply dissatisfied with Seoul's move.", ("JPNGOV", "110", "KORGOV")),
    ("Hungary is angry with Romania over the new language law.", ("HUN", "110", "ROU")),
])
def test_a_state_of_mind_towards_anothers_act_is_disapproval(pipeline, text, expected):
    assert expected in rule_events(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    ("Malaysia said the Indonesian ruling was unfair.", ("MYS", "111", "IDN")),
    ("Greece said the Turkish flights were a dangerous escalation.", ("GRC", "111", "TUR")),
])
def test_more_spoken_judgements_are_criticism(pipeline, text, expected):
    assert expected in rule_events(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    ("Seoul said Pyongyang had violated the armistice.", ("KORGOV", "112", "PRKGOV")),
    ("Baku says Armenian troops breached the truce.", ("AZEGOV", "112", "ARMMIL")),
    ("Kyrgyzstan said Tajikistan was meddling in its elections.", ("KGZ", "112", "TJK")),
    ("Sudan said Chad was trying to destabilise Darfur.", ("SDN", "112", "TCD")),
    ("Lebanon complained that Israel was flying over its territory.", ("LBN", "112", "ISR")),
])
def test_a_wrongdoing_reported_of_an_actor_is_an_accusation(pipeline, text, expected):
    assert expected in rule_events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Seoul admitted its soldiers had violated the armistice.",  # an admission, not an accusation
    "Seoul said Pyongyang had not violated the armistice.",  # negated
    "Seoul said Pyongyang might violate the armistice.",  # a modal's: no act asserted
    "The fishermen complained that the season was short.",  # no one accused
])
def test_no_accusation_without_a_wrongdoing_asserted_of_another(pipeline, text):
    assert not any(code == "112" for _, code, _ in rule_events(pipeline, text))


@pytest.mark.parametrize("text, expected", [
    ("The Bolivian president branded Chile a thief.", ("BOLGOV", "111", "CHL")),
    ("Washington labelled Iran a rogue state.", ("USAGOV", "111", "IRN")),
])
def test_branding_an_actor_with_any_epithet_is_criticism(pipeline, text, expected):
    assert expected in rule_events(pipeline, text)


def test_a_verbal_attack_setting_a_statement_is_criticism(pipeline):
    found = rule_events(pipeline, "In a thinly veiled attack on Iran, the Saudi foreign minister said meddling "
                                  "must stop.")
    assert ("SAUGOV", "111", "IRN") in found
    found = rule_events(pipeline, "The Kenyan president, in a swipe at Uganda, said borders were sacred.")
    assert ("KENGOV", "111", "UGA") in found
    found = rule_events(pipeline, "In a rocket attack on Israel, Hamas said it had fired ten rockets.")
    assert not any(code == "111" for _, code, _ in found)  # an attack of arms, not of words


@pytest.mark.parametrize("text, expected", [
    ("The Iranian president called the Saudi rulers corrupt and incompetent.", ("IRNGOV", "111", "SAU")),
    ("The Peruvian president called the Chilean ambassador a very stupid man.", ("PERGOV", "111", "CHLGOV")),
    ("Russia called the British minister a clown.", ("RUS", "111", "GBRGOV")),
    ("The foreign ministry dubbed the American envoy a puppet.", ("---GOV", "111", "USAGOV")),
])
def test_naming_an_actor_with_a_disparaging_word_is_criticism(pipeline, text, expected):
    found = rule_events(pipeline, text)
    assert expected in found
    assert not any(code == "041" for _, code, _ in found)  # a naming, no phone call


def test_naming_an_actor_with_a_kind_word_is_no_criticism(pipeline):
    found = rule_events(pipeline, "The Peruvian president called the Chilean envoy a good friend.")
    assert not any(code.startswith("11") for _, code, _ in found)


@pytest.mark.parametrize("text, expected", [
    ("Kabul said Islamabad was sheltering the insurgents.", ("AFGGOV", "112", "PAKGOV")),
    ("Ankara said Washington was stalling on its pledge to withdraw.", ("TURGOV", "112", "USAGOV")),
])
def test_more_wrongdoings_reported_of_an_actor_are_accusations(pipeline, text, expected):
    assert expected in rule_events(pipeline, text)


def test_a_judged_act_on_a_victim_is_the_doers_when_a_by_phrase_names_one(pipeline):
    found = rule_events(pipeline, "The Iranian foreign ministry said the detention of its diplomats by Canada was illegal.")
    assert ("IRNGOV", "111", "CAN") in found
    found = rule_events(pipeline, "The Iranian foreign ministry said the detention of its diplomats was illegal.")
    # the victims' detention: no doer named, so criticism aimed at no one (not at the victims)
    assert ("IRNGOV", "111", None) in found and not any(code.startswith("11") and t for _, code, t in found)


@pytest.mark.parametrize("text, expected", [
    ("Iran protested against the detention of its diplomats by Canada.", ("IRN", "114", "CAN")),
    ("China expressed outrage at the bombing of its embassy by NATO.", ("CHN", "111", "IGONAT")),
])
def test_a_reaction_in_a_preposition_to_an_act_done_by_another_is_aimed_at_the_doer(pipeline, text, expected):
    found = rule_events(pipeline, text)
    assert expected in found
    assert not any(s == expected[0] and t == "---GOV" for s, _, t in found)  # not at the victims


@pytest.mark.parametrize("text, expected", [
    ("Kabul said the talks had failed and that Islamabad was sheltering the insurgents.", ("AFGGOV", "112", "PAKGOV")),
    ("Moscow said the vote was over and that the US sanctions were illegal.", ("RUSGOV", "111", "USA")),
])
def test_a_judgement_in_a_second_reported_clause_counts(pipeline, text, expected):
    assert expected in rule_events(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    # a harm judged whose doer is not named: criticism aimed at no one, as "condemned the killing" is
    ("Kenya said the Ugandan journalist's murder was unacceptable.", ("KEN", "111", None)),
    ("The shelling of the market is a crime, said the Chilean foreign ministry.", ("CHLGOV", "111", None)),
    # with an "of" object, the possessor is the doer, not the victim
    ("Norway said Russia's detention of the fishermen was illegal.", ("NOR", "111", "RUS")),
])
def test_a_judged_harm_is_its_doers_or_no_ones(pipeline, text, expected):
    assert expected in rule_events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Kenya said the decision was unacceptable.",  # no harm
    'The Chilean minister said: "Kidnapping is the worst of crimes."',  # a kind of act, not one done
    "A Chilean commission branded the current kidnapping law as a mess.",  # a law, not a kidnapping
])
def test_no_criticism_of_no_one_without_a_harm_done(pipeline, text):
    assert not any(code.startswith("11") and t is None for _, code, t in rule_events(pipeline, text))


def test_a_passive_verbs_agent_hung_on_a_noun_of_its_complement(pipeline):
    """The parser may hang a late "by" on the complement's last noun ("funds ... by officials")."""
    found = rule_events(pipeline, "The former Peruvian minister was accused of hiding millions of dollars in "
                                  "foreign banks by Chilean prosecutors.")
    assert any(s.startswith("CHL") and code.startswith("11") and t.startswith("PER") for s, code, t in found)
    # a "by" after an act's noun is that act's agent, not the accuser
    found = rule_events(pipeline, "Belarus was accused of complicity in the killing of the reporter by Ukraine.")
    assert not any(s == "UKR" and code.startswith("11") for s, code, _ in found)
