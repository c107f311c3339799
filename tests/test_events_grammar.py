"""The coder's grammar of arguments and modality: object pronouns, the one helped to do something,
options weighed (CAMEO 014), pledges with no target, and claims of responsibility. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from annales.records import Article

from helpers import rule_events


def rules(pipeline, text):
    return {(s, code[:2], t) for s, code, t in rule_events(pipeline, text)}


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause(pipeline):
    found = rules(pipeline, "The Egyptian president pardoned him on Friday.")
    assert not any(t == "EGYGOV" for _, _, t in found)


def test_them_stands_for_a_plural_actor(pipeline):
    found = rules(pipeline, "Eritrea expelled foreign aid workers after accusing them of spying.")
    assert any(root == "11" and t is not None and t.endswith("NGO") for _, root, t in found)


def test_a_court_is_not_the_him_it_sentences(pipeline):
    found = rules(pipeline, "A Bolivian court convicted a Chilean trucker and sentenced him to three years in jail.")
    assert not any(t == "BOLJUD" for _, _, t in found)


def test_an_act_under_consideration_is_a_policy_option_weighed(pipeline):
    found = rules(pipeline, "Portugal is considering sending troops to Mozambique.")
    assert ("PRT", "01", "MOZ") in found
    assert not any(root == "03" for _, root, _ in found)


def test_an_attack_its_doer_claims_is_also_a_claim_of_responsibility(pipeline):
    found = rules(pipeline, "The rebels claimed that they had shelled a Malian army base.")
    assert ("---REB", "01", "MLIMIL") in found and ("---REB", "19", "MLIMIL") in found


def test_an_attack_claimed_of_someone_else_is_no_claim_of_responsibility(pipeline):
    found = rules(pipeline, "The Malian army claimed that the rebels had shelled a village in Mopti.")
    assert not any(root == "01" for _, root, _ in found)


def test_a_commitment_to_an_act_with_no_target_is_still_a_pledge(pipeline):
    found = rules(pipeline, "The Sudanese rebel group agreed to lay down its weapons.")
    assert any(root == "03" and t is None for _, root, t in found)


def test_an_intent_that_is_no_commitment_needs_a_target(pipeline):
    found = rules(pipeline, "The Sudanese rebel group wants to lay down its weapons.")
    assert not any(root == "03" for _, root, _ in found)



@pytest.mark.parametrize("text", [
    "The Chilean foreign minister told Reuters that the border talks had gone well.",
    "Mr Okafor told the BBC that his party would win the vote.",
])
def test_a_statement_told_to_the_press_is_no_event_with_the_press(pipeline, text):
    events = pipeline(Article(id="t", text=text)).events
    assert not [e for e in events if e.cameo_root == "01" and e.target is not None and e.target.sector == "MED"]


def test_what_is_told_to_the_press_is_still_coded(pipeline):
    text = "The French foreign minister told Reuters that Iran must stop enriching uranium."
    assert [(e.source.code, e.cameo_root, e.target.code) for e in pipeline(Article(id="t", text=text)).events] == [
        ("FRAGOV", "10", "IRN")]


def test_news_agencies_are_media_of_their_country(pipeline):
    text = "A police spokesman told Agence France-Presse that two men had been arrested in Lyon."
    events = pipeline(Article(id="t", text=text)).events
    assert not [e for e in events if e.target is not None and e.target.code == "FRA"]  # the agency is no target
    doc = pipeline.nlp("Xinhua and Yonhap reported the talks.")
    codes = {p.code for p in pipeline.finder(doc).phrases}
    assert {"CHNMED", "KORMED"} <= codes


def test_a_plain_statement_is_not_aimed_at_the_subject_of_what_it_reports(pipeline):
    found = rules(pipeline, "Peru said that Chile had reopened the border crossing.")
    assert not any(s == "PER" and root == "01" and t == "CHL" for s, root, t in found)


def test_holding_someone_responsible_for_an_attack_is_an_accusation_not_the_attack(pipeline):
    found = rules(pipeline, "Ethiopia held Eritrea responsible for the attack.")
    assert ("ETH", "11", "ERI") in found and not any(root == "19" for _, root, _ in found)


def test_engaging_an_enemy_in_a_gun_battle_is_fighting(pipeline):
    assert ("KENCOP", "19", "SOMUAF") in rules(pipeline, "Kenyan police engaged Somali gunmen in a fierce gun battle.")


@pytest.mark.parametrize("text, expected", [
    ("Japan suspended economic aid to Serbia.", ("JPN", "162", "SRB")),
    ("The United States cut off aid to Uganda.", ("USA", "162", "UGA")),
    ("Russia scrapped its trade agreement with Georgia.", ("RUS", "160", "GEO")),
    ("The European Union eased its sanctions on Belarus.", ("IGOEEC", "085", "BLR")),
    ("Sanctions on Iran were eased by the United Nations.", ("IGOUNO", "085", "IRN")),
    ("Israel ended its blockade of Gaza.", ("ISR", "0872", "PSE")),
    ("Chad called off its offensive against the rebels.", ("TCD", "087", "---REB")),
])
def test_a_verb_that_undoes_an_event_noun_codes_the_act_undone(pipeline, text, expected):
    """data/undoing.tsv: "lifted the sanctions on X" is 085 towards X, and the sanctions are no event."""
    found = rule_events(pipeline, text)
    assert expected in found
    assert not any(code[:2] in ("16", "17", "19") and code != expected[1] for _, code, _ in found)


def test_undoing_applies_to_the_built_in_lexicon_not_to_a_user_dictionary():
    from annales.lexicon import Lexicon, default_lexicon

    assert default_lexicon().undo["lift"] and not Lexicon([], []).undo


def test_a_protest_in_ones_own_country_is_coded_with_no_target(pipeline):
    assert ("PSE", "14", None) in rules(pipeline, "Hundreds of Palestinians demonstrated in Gaza City.")


@pytest.mark.parametrize("text, expected", [
    ("The Thai government imposed a curfew in Bangkok.", ("THAGOV", "17", "THA")),
    ("The Malian government will extend the state of emergency in Bamako.", ("MLIGOV", "13", "MLI")),
])
def test_a_capital_where_its_own_government_acts_is_the_place_not_the_government(pipeline, text, expected):
    """annales.venues.home_place: "in Bangkok" is the place, not the Thai government acting on itself."""
    assert expected in rules(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    ("The rebels staged an ambush near the town on a Malian army convoy.", ("---REB", "19", "MLIMIL")),
    ("Burmese troops were engaged in ethnic cleansing in Rakhine against the Rohingya minority.",
     ("MMRMIL", "20", "MMRCVL")),
])
def test_a_preposition_the_parser_hangs_on_the_verb_that_carries_out_a_nominal_act_is_the_acts(
        pipeline, text, expected):
    """lexicon.carried_preps: "launched an offensive on Monday against X": "against X" is the offensive's."""
    assert expected in rules(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    ("Israel resumed air strikes on Gaza on Tuesday.", ("ISR", "19", "PSE")),
    ("Saudi forces stepped up air strikes in Yemen.", ("SAUMIL", "19", "YEM")),
    ("Nigeria renewed its offensive on Monday against Boko Haram.", ("NGA", "19", "NGAREB")),
])
def test_a_verb_that_goes_on_with_a_nominal_act_carries_it_as_launching_does(pipeline, text, expected):
    """data/carry_verbs.tsv: "resumed air strikes on X", "stepped up air strikes in X": the parser hangs the
    strikes' "on"/"in" on the verb; they are the strikes'."""
    assert expected in rules(pipeline, text)


def test_a_carried_preposition_of_time_is_no_target(pipeline):
    """"resumed talks with Y on Monday": Y is the partner; "on Monday" is no target."""
    found = rules(pipeline, "Iran resumed talks with the European Union on Monday.")
    assert ("IRN", "04", "IGOEEC") in found and all(t in ("IGOEEC", "IRN") for _, _, t in found)


@pytest.mark.parametrize("text, parties", [
    ("Algeria launched a mediation effort to end the dispute between Mali and Niger.", {"MLI", "NER"}),
    ("Oman mediated to prevent a war between Iran and Bahrain.", {"IRN", "BHR"}),
    ("Ghana began a mediation effort designed to help Togo and Benin settle their border row.", {"TGO", "BEN"}),
])
def test_a_mediation_is_between_the_parties_its_purpose_names(pipeline, text, parties):
    """annales.encounters.mediated_parties: with no "between" of its own, the purpose clause names the parties."""
    found = rules(pipeline, text)
    assert {t for _, root, t in found if root == "04"} == parties


def test_a_refusal_until_a_passive_condition_is_met_is_aimed_at_its_agent(pipeline):
    """modality.condition_subject: "until their demands are met by Y": Y, not the demands."""
    found = rules(pipeline, "Nurses said they will not end the strike until their demands are met by the Kenyan "
                            "government.")
    assert ("---HLH", "12", "KENGOV") in found


def test_a_complaint_or_lawsuit_is_aimed_at_whom_it_is_against(pipeline):
    """verbs.tsv "file complaint against *" before "with *"; clauses.DOCUMENTS: "filed a lawsuit accusing X"."""
    assert ("GRC", "114", "TUR") in rule_events(
        pipeline, "Greece filed a complaint with the United Nations against Turkey.")
    assert ("---NGO", "112", "USAMIL") in rule_events(
        pipeline, "A rights group filed a lawsuit accusing the Pentagon of discrimination.")


@pytest.mark.parametrize("text, expected", [
    ("Ghana sent troops to the UN mission in Mali.", ("GHA", "154", "MLI")),
    ("Nepal will contribute troops to the NATO-led force in Kosovo.", ("NPL", "0334", "XKX")),
])
def test_what_is_sent_to_a_mission_is_sent_to_the_place_it_serves(pipeline, text, expected):
    """venues.mission_place: "to the UN mission in Mali": Mali, not the UN that leads it."""
    assert expected in rule_events(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    ("Russian artillery shelled Kharkiv again on Thursday.", ("RUSMIL", "194", "UKR")),
    ("Russian troops stormed Grozny at dawn.", ("RUSMIL", "190", "RUS")),
])
def test_a_town_the_tagger_takes_for_a_person_is_a_place_when_force_is_used_on_it(pipeline, text, expected):
    """venues.named_town: "shelled Kharkiv" (tagged PERSON, no list knows it): the gazetteer's town, its country."""
    assert expected in rule_events(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    ("Norway was disappointed by Sweden's decision to close the border.", ("NOR", "110", "SWE")),
    ("Hanoi was angered by Beijing's new map of the sea.", ("VNMGOV", "111", "CHNGOV")),
])
def test_a_state_of_mind_the_parser_reads_as_a_passive_is_the_subjects_feeling_about_the_by_object(
        pipeline, text, expected):
    """participles: "was disappointed by X's decision" (a participle with a passive agent) is the subject's
    disapproval of X, not X's act on the subject; a copular row of data/verbs.tsv read on the participle."""
    found = rule_events(pipeline, text)
    assert expected in found
    assert (expected[2], expected[1], expected[0]) not in found


@pytest.mark.parametrize("text", [
    "The minister said he was angered by the attacks in Kenya last week.",
    "The Ghanaian sprinter was disappointed by the result.",
])
def test_a_feeling_about_no_ones_act_is_no_event(pipeline, text):
    """participles.feeling_roles: no actor caused it, or only the place where it happened is named."""
    assert not any(code.startswith("11") for _, code, _ in rule_events(pipeline, text))


def test_joint_exercises_of_coordinated_armies_are_military_cooperation_with_each_other(pipeline):
    """verbs/nouns "joint exercise|drill|war game ...": 062 between the holders; alone, a display of force (150)."""
    found = rule_events(pipeline, "Peru and Chile began joint naval exercises on Monday.")
    assert ("PER", "062", "CHL") in found and ("CHL", "062", "PER") in found
    assert ("PER", "150", None) in rule_events(pipeline, "Peru held military exercises near the border.")


def test_a_target_preposition_with_no_actor_does_not_hide_a_later_one(pipeline):
    """targets.targets_of: "lifted, on the condition that ..., its ban on X": the "on" with X is the target's."""
    found = rule_events(pipeline, "A Kenyan court has lifted its ban on Ugandan social media app Kalamu on the "
                                  "condition that the platform is not used for hate speech.")
    assert any(code == "081" for _, code, _ in found) and not any(code.startswith("17") for _, code, _ in found)


def test_a_demand_that_someone_act_is_aimed_at_them_by_the_rules(pipeline):
    """targets._asked_subject: "demanded that X withdraw" (also through a document: "issued a statement
    demanding that X"); not the patient of a passive clause ("demanded that the killers be punished")."""
    assert ("IRN", "1056", "IRQ") in rule_events(pipeline, "Iran demanded that Iraq withdraw its troops.")
    assert ("---REB", "10", "TURGOV") in rules(
        pipeline, "The rebels issued a statement demanding that the Turkish government free their leader.")
    assert not any(t is not None for _, _, t in rule_events(pipeline, "Iran demanded that the soldiers be punished."))


@pytest.mark.parametrize("text, expected", [
    ("Iran allowed UN inspectors to visit the plant.", ("IRN", "0862", "IGOUNO")),
    ("Sudan allowed foreign aid agencies to enter Darfur.", ("SDN", "0863", "---NGO")),
    ("Mali ordered French troops to leave the country.", ("MLI", "174", "FRAMIL")),
    ("Chad told the French ambassador to leave.", ("TCD", "161", "FRAGOV")),
])
def test_the_subject_of_an_infinitive_after_the_verb_is_its_object(pipeline, text, expected):
    """lexicon.infinitive_clause: "allowed [X to visit]" as the parser reads it is "allowed X" to a pattern."""
    assert expected in rule_events(pipeline, text)


def test_cannot_do_a_cooperative_act_is_a_refusal_but_cannot_attack_is_no_refusal(pipeline):
    """modality.cannot: "cannot accept more refugees" is refused (12); a conflictual act stays as it is."""
    assert ("GHA", "122", "TGOREF") in rule_events(pipeline, "Ghana cannot accept any more refugees from Togo.")
    assert not any(code.startswith("12") for _, code, _ in rule_events(pipeline, "Ghana cannot attack Togo."))


def test_opposing_a_proposed_step_is_a_rejection_opposing_an_actor_is_disapproval(pipeline):
    """verbs.tsv: "oppose proposal|plan|deployment ..." 120 before "oppose *" 110."""
    assert ("RUS", "120", "USA") in rule_events(pipeline, "Russia opposed the American proposal.")
    assert ("IRN", "110", "ISR") in rule_events(pipeline, "Iran opposed Israel.")


def test_who_reports_an_act_according_to_is_never_its_target(pipeline):
    """lexicon._temporal: "according to X" is passed over like "on Monday"."""
    found = rule_events(pipeline, "Japan offered aid, according to Chinese officials.")
    assert not any(t == "CHNGOV" for _, _, t in found)
    found = rule_events(pipeline, "Iran sent weapons to Hezbollah, according to Israeli officials.")
    assert ("IRN", "072", "LBNREB") in found


def test_an_act_in_a_present_tense_until_clause_has_not_happened(pipeline):
    """modality.modality_of: "vowed to fight until they seize X" is a threat (13), not a seizure; a past
    "until" clause ("fought until it captured X") is asserted."""
    found = rule_events(pipeline, "Ethnic Serbs have sworn to fight until they gain control of villages near "
                                  "Kosovo's border with Albania.")
    assert any(code.startswith("13") for _, code, _ in found) and not any(code == "192" for _, code, _ in found)
    assert any(code == "192" for _, code, _ in rule_events(
        pipeline, "The Malian army fought until it captured the town of Kidal from the rebels."))


@pytest.mark.parametrize("text", [
    "Peru and Chile signed an agreement today to increase trade in 1990 by 50 percent.",
    "Peru and Chile signed a deal to cut tariffs on Chilean wine.",
])
def test_what_an_agreement_agrees_to_do_is_not_done(pipeline, text):
    """unasserted: the agreement (057) is the act, not the trade it is to increase or the tariffs it cuts."""
    found = rule_events(pipeline, text)
    assert ("PER", "057", "CHL") in found and all(code == "057" for _, code, _ in found)


def test_a_document_speaks_for_its_author_only_once_issued(pipeline):
    """clauses.unissued: "vetoed a resolution condemning X" and "will back a resolution that aims to impose a
    blockade on X" code no act of the resolution; "adopted a resolution condemning X" does."""
    assert not any(code.startswith("11") for _, code, _ in rule_events(
        pipeline, "Russia vetoed a resolution condemning Syria."))
    assert not any(code.startswith(("13", "19")) for _, code, _ in rule_events(
        pipeline, "Hungary will support a UN resolution that aims to impose a naval blockade against Serbia."))
    assert ("IGOUNO", "111", "SYR") in rule_events(pipeline, "The United Nations adopted a resolution condemning Syria.")


def test_a_call_for_someone_to_act_is_an_appeal_to_them_and_the_act_is_not_coded(pipeline):
    found = rules(pipeline, "The United Nations called for Syria to withdraw its troops from Lebanon.")
    assert ("IGOUNO", "02", "SYR") in found
    assert not any(s == "SYR" for s, _, _ in found)  # the withdrawal is asked for, not done


def test_setting_hostages_free_is_a_release(pipeline):
    assert ("---REB", "08", "CHNCVL") in rules(pipeline, "The rebels set the Chinese hostages free on Tuesday.")


@pytest.mark.parametrize("text, expected", [
    ("Eritrea let free 20 Ethiopian soldiers.", ("ERI", "0841", "ETHMIL")),
    ("The Kenyan president pardoned 300 Somali prisoners.", ("KENGOV", "0841", "SOMCVL")),
    ("Germany returned a looted statue to Nigeria.", ("DEU", "0842", "NGA")),
    ("Houthi rebels seized the airport in Sanaa.", ("YEMREB", "192", "YEM")),
    ("Iraqi troops captured the main mosque in Mosul.", ("IRQMIL", "192", "IRQ")),
    ("The Sudanese president reiterated his government's support for Chad.", ("SDNGOV", "051", "TCD")),
    ("Ghana voiced its strong support of Togo.", ("GHA", "051", "TGO")),
])
def test_releases_returns_and_places_taken(pipeline, text, expected):
    """verbs.tsv: "let X free" and a pardon free people (0841), stolen goods given back are returned property
    (0842), a place seized or captured is occupied (192; "captured X" alone is an arrest); support voiced or
    reiterated "for" or "of" X is an endorsement of X (051)."""
    assert expected in rule_events(pipeline, text)


def test_hoping_that_another_will_act_is_a_comment_on_it(pipeline):
    """The model's lemma of "hoped" is "hop" (annales.parse puts it right), so "hope" rows can match."""
    assert rule_events(pipeline, "France hoped that Germany would sign the treaty.") == [("FRA", "013", "DEU")]
    assert ("INDGOV", "013", "PAK") in rule_events(
        pipeline, "The Indian minister said he was hoping Pakistan would release the prisoners.")
    assert rule_events(pipeline, "Japan hopes to visit China next month.") == [("JPN", "036", "CHN")]  # an intent


def test_fire_drawn_is_shooting_by_armed_men_and_criticism_by_politicians(pipeline):
    # the one who fires is the source, not the subject who came under it
    assert ("PSEREB", "19", "ISRMIL") in rules(pipeline, "The Israeli army came under fire from Hamas militants.")
    found = rules(pipeline, "The Iraqi prime minister came under fire from Kurdish lawmakers over the budget.")
    assert ("IRQLEG", "11", "IRQGOV") in found and not any(root == "19" for _, root, _ in found)


def test_money_given_to_support_someone_is_economic_aid_and_funds_mobilised_are_no_forces(pipeline):
    assert ("JPN", "07", "HTI") in rules(pipeline, "Japan gave $5 million to help Haiti rebuild its schools.")
    found = rule_events(pipeline, "The African Union is mobilising new funds to support the Somali government.")
    assert ("IGOAFU", "071", "SOMGOV") in found and not any(code[:2] == "15" for _, code, _ in found)
    assert ("RUS", "15", None) in rules(pipeline, "Russia mobilised troops near the Ukrainian border.")


def test_a_newspaper_suspended_is_a_restriction_of_press_freedom(pipeline):
    found = rule_events(pipeline, "Egyptian authorities suspended publication of an opposition newspaper.")
    assert ("EGYGOV", "1721", "EGYMED") in found


@pytest.mark.parametrize("text, expected", [
    ("Moscow said the American sanctions were illegal.", ("RUSGOV", "111", "USA")),
    ("The EU called the Hungarian law unacceptable.", ("IGOEEC", "111", "HUN")),
    ("The EU described the Hungarian law as unacceptable.", ("IGOEEC", "111", "HUN")),
    ("Iran said the Saudi statement was a provocation.", ("IRN", "111", "SAU")),
    ("Cuba said the American blockade was a hostile act.", ("CUB", "111", "USA")),  # the noun's adjective
    ("Belgrade said the Croatian offensive was an act of aggression.", ("SRBGOV", "111", "HRV")),  # its "of"
    ("Ankara said the Greek statement was an interference in Turkish affairs.", ("TURGOV", "111", "GRC")),
])
def test_a_spoken_judgement_of_anothers_act_is_criticism(pipeline, text, expected):
    assert expected in rule_events(pipeline, text)


@pytest.mark.parametrize("text", [
    "The French president said the Iranian decision was not illegal.",  # negated
    "Moscow said the Ukrainian reports were baseless.",  # a denial, no judgement of another's act
])
def test_no_criticism_where_nothing_is_judged_of_an_actor(pipeline, text):
    assert not any(code == "111" for _, code, _ in rule_events(pipeline, text))


def test_a_judged_harm_is_not_the_victims(pipeline):
    found = rule_events(pipeline, "Kenya said the Ugandan journalist's murder was unacceptable.")
    assert not any(code == "111" and t is not None for _, code, t in found)  # the victim's, not who did it


def test_agreeing_with_what_someone_proposed_is_accord_with_them(pipeline):
    found = rules(pipeline, "The Kenyan president said he agreed with what the Ugandan government had proposed.")
    assert ("KENGOV", "01", "UGAGOV") in found
    # what a speaker only names is not the speaker's act
    found = rules(pipeline, "Ghana summoned a Togolese diplomat to complain about what Accra says was "
                            "unprovoked firing by Togo.")
    assert not any(s == "GHA" and t is not None and t.startswith("GHA") for s, _, t in found)


def test_backing_aid_to_someone_is_aid_to_them(pipeline):
    found = rules(pipeline, "The Dutch government has consistently supported economic assistance to the Palestinians.")
    assert ("NLDGOV", "07", "PSE") in found and ("NLDGOV", "05", "PSE") not in found
    assert ("NLDGOV", "05", "PSE") in rules(pipeline, "The Dutch government supported the Palestinians.")


def test_a_decision_taken_is_the_act_not_an_intent(pipeline):
    found = rules(pipeline, "The Japanese government has decided to expel two Russian diplomats.")
    assert ("JPNGOV", "16", "RUSGOV") in found and not any(root == "03" for _, root, _ in found)


# single-sentence cases: the sentence codes this (source, root, target) among its events
@pytest.mark.parametrize("text, event", [
    pytest.param("The Kenyan president phoned the Ugandan leader and urged him to free the prisoners.",
                 ("KENGOV", "02", "UGAGOV"), id="an_object_pronoun_stands_for_the_person_named_before_it"),
    pytest.param("Norway sent emergency aid to help Haiti recover from the earthquake.",
                 ("NOR", "07", "HTI"), id="the_one_helped_to_do_something_is_the_target_of_the_help"),
    pytest.param("Austria is considering sending money to help Moldova pay for gas.",
                 ("AUT", "01", "MDA"), id="the_purpose_of_an_act_under_consideration_is_weighed_too"),
    pytest.param("Chile is exploring the possibility of sending aid to Bolivia.",
                 ("CHL", "01", "BOL"), id="an_option_explored_is_weighed_too"),
    pytest.param("The rebels claimed responsibility for the raid on a Chadian army camp.",
                 ("---REB", "01", "TCDMIL"), id="a_claim_of_responsibility_is_aimed_where_the_act_claimed_was"),
    pytest.param("The Syrian government, which has been accused by Washington of arming militants, "
                 "denied the charge.",
                 ("USAGOV", "11", "SYRGOV"), id="the_passive_subject_of_a_relative_clause_is_the_noun_it_modifies"),
    pytest.param("The Sri Lankan army said its troops had killed 20 Tamil Tiger rebels.",
                 ("LKAMIL", "19", "LKAREB"), id="its_troops_are_those_of_the_state_organ_named_before"),
    pytest.param("The Peruvian opposition rejected the announcement that Chile had won the dispute.",
                 ("PEROPP", "12", "CHL"), id="rejecting_an_announcement_is_aimed_at_the_subject_of_its_that_clause"),
    pytest.param("The Polish president expressed hope the Czech government will change its policy.",
                 ("POLGOV", "01", "CZEGOV"), id="a_hope_whose_that_is_left_out_is_about_the_clauses_subject"),
    pytest.param("Colombian rebels were responsible for the killing of three Ecuadorean soldiers.",
                 ("COLREB", "18", "ECUMIL"), id="who_was_responsible_for_an_act_did_it"),
    pytest.param("Japan expressed concern over the measures announced by the Chinese government.",
                 ("JPN", "01", "CHNGOV"), id="a_comment_on_measures_taken_by_someone_is_about_them"),
    pytest.param("Peru voiced hope that Chile would reopen the border crossing.",
                 ("PER", "01", "CHL"), id="a_comment_or_accusation_is_about_the_subject_of_its_that_clause-1"),
    pytest.param("The Kenyan government expressed concern that Somalia was arming the militias.",
                 ("KENGOV", "01", "SOM"), id="a_comment_or_accusation_is_about_the_subject_of_its_that_clause-2"),
    pytest.param("Morocco charged that Algeria was arming the separatists.",
                 ("MAR", "11", "DZA"), id="a_comment_or_accusation_is_about_the_subject_of_its_that_clause-3"),
    pytest.param("Bolivia alleged that Paraguay had moved troops to the border.",
                 ("BOL", "11", "PRY"), id="a_comment_or_accusation_is_about_the_subject_of_its_that_clause-4"),
    pytest.param("Peru is optimistic that Chile will reopen the border.",
                 ("PER", "01", "CHL"), id="a_comment_or_accusation_is_about_the_subject_of_its_that_clause-5"),
    pytest.param("Japan is worried that China will expand its navy.",
                 ("JPN", "01", "CHN"), id="a_comment_or_accusation_is_about_the_subject_of_its_that_clause-6"),
    pytest.param("The French president voiced optimism over Turkey's bid to join the bloc.",
                 ("FRAGOV", "01", "TUR"), id="a_comment_over_or_at_something_is_on_its_owner-1"),
    pytest.param("Japan expressed concern at China's military build-up.",
                 ("JPN", "01", "CHNMIL"), id="a_comment_over_or_at_something_is_on_its_owner-2"),
    pytest.param("Peru expressed doubt about bringing Chile back to the table.",
                 ("PER", "01", "CHL"), id="a_comment_over_or_at_something_is_on_its_owner-3"),
    pytest.param("Peru condemned what it called Chilean interference.",
                 ("PER", "11", "CHL"), id="an_act_aimed_at_what_a_free_relative_names-1"),
    pytest.param("Israel denounced what it described as Syrian provocations.",
                 ("ISR", "11", "SYR"), id="an_act_aimed_at_what_a_free_relative_names-2"),
])
def test_the_sentence_codes_the_event(pipeline, text, event):
    assert event in rules(pipeline, text)


@pytest.mark.parametrize("text, event", [
    ("Colombia's military offensive against the rebels began on Monday.", ("COLMIL", "190", "---REB")),
    ("U.S. military aid to Ukraine resumed on Monday.", ("USAMIL", "072", "UKR")),
    ("Russian military exercises near Finland alarmed Helsinki.", ("RUSMIL", "150", None)),
])
def test_an_event_noun_that_actor_words_modify_together_is_the_event_not_the_actor(pipeline, text, event):
    """"U.S. military aid": "U.S." and "military" make the actor (USAMIL); "aid" stays the event's trigger."""
    assert event in rule_events(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    ("Portugal expressed strong dissatisfaction with Spain's fishing quotas.", ("PRT", "110", "ESP")),
    ("Chile expressed its displeasure to Peru over the border incident.", ("CHL", "110", "PER")),
    ("Manila rapped Beijing for building on the reef.", ("PHLGOV", "111", "CHNGOV")),
])
def test_displeasure_and_rebukes_are_disapproval(pipeline, text, expected):
    """data/verbs.tsv: "express dissatisfaction with *", "express displeasure to *", "rap * for|over"."""
    assert expected in rule_events(pipeline, text)


def test_rapping_as_music_is_no_rebuke(pipeline):
    assert not rule_events(pipeline, "Young Nigerians were rapping in the street all night.")


def test_weapons_inspectors_of_an_organisation_are_its_agents(pipeline):
    """data/agents.tsv: "UN weapons inspector Hans X" is the UN's, like its envoy."""
    found = rule_events(pipeline, "Iraq's foreign minister met UN chief weapons inspector Karl Jensen on Monday.")
    assert ("IRQGOV", "040", "IGOUNO") in found


@pytest.mark.parametrize("text, act", [
    ("Syria vowed to retaliate against Jordan.", ("SYR", "138", "JOR")),
    ("Chile and Peru agreed to begin talks on their maritime border.", ("CHL", "036", "PER")),
])
def test_a_bare_pledge_is_the_intent_of_the_act_it_governs_not_a_second_event(pipeline, text, act):
    """event_filters.drop_speech_frames: "vowed to retaliate against Y" is one intended act on Y, no 030 beside it."""
    found = rule_events(pipeline, text)
    assert any(s == act[0] and c.startswith(act[1]) and t == act[2] for s, c, t in found)
    assert not any(c == "030" for _, c, _ in found)


def test_a_pledge_to_each_other_stays_beside_an_act_on_someone_else(pipeline):
    found = rule_events(pipeline, "Ghana and Togo agreed to expel the Ivorian rebels.")
    assert ("GHA", "030", "TGO") in found


def test_coordinated_sides_that_exchanged_fire_somewhere_fired_on_each_other(pipeline):
    """events: "X and Y exchanged fire in Kashmir" ("exchange fire with *", no "with"): each other, not the region."""
    found = rule_events(pipeline, "Sudanese and Chadian soldiers exchanged fire in Darfur on Sunday.")
    assert ("SDNMIL", "190", "TCDMIL") in found and ("TCDMIL", "190", "SDNMIL") in found


def test_a_prepositional_phrase_of_time_lends_no_words_to_the_verbs_pattern(pipeline):
    """lexicon.nearby: "ended a visit to X after talks with Y" is no "end talk with *" (164); the talks are an
    encounter of their own."""
    found = rule_events(pipeline, "The Kenyan president ended a visit to Egypt after talks with Egyptian leaders.")
    assert not any(code.startswith("16") for _, code, _ in found)
    assert ("KENGOV", "040", "EGYGOV") in found


@pytest.mark.parametrize("text, expected", [
    ("Spain condemned the killing of two Spanish aid workers by Sudanese rebels.", ("ESP", "111", "SDNREB")),
    ("Sweden criticised the arrest of opposition leaders by the Georgian authorities.", ("SWE", "111", "GEOGOV")),
])
def test_a_reaction_to_an_act_is_aimed_at_the_acts_agent_named_by_by(pipeline, text, expected):
    """targets._by_agent: "condemned the killing of Y by X" is aimed at X, not at the victims."""
    found = rule_events(pipeline, text)
    assert any(s == expected[0] and c == expected[1] and t is not None and t.startswith(expected[2])
               for s, c, t in found)
    assert not any(c == expected[1] and t != expected[2] for _, c, t in found)  # not the victims
    assert not any(c[:2] in ("17", "18") for _, c, _ in found)  # the act condemned is no second event


@pytest.mark.parametrize("text, expected", [
    ("Libya's state newspaper attacked Egypt in an editorial on Friday.", ("LBY", "111", "EGY")),
    ("The Syrian defence minister attacked Jordan in a speech to parliament.", ("SYRGOV", "111", "JOR")),
])
def test_an_attack_made_in_words_is_criticism(pipeline, text, expected):
    """official.official_code: "attacked X in an editorial", or by the media, is 111, not a fight (19)."""
    found = rule_events(pipeline, text)
    assert any(s.startswith(expected[0]) and c == expected[1] and t == expected[2] for s, c, t in found)
    assert not any(c.startswith("19") for _, c, _ in found)


def test_a_reaction_at_what_the_speaker_called_an_act_is_aimed_at_its_author(pipeline):
    """targets._named_by_what after a preposition: "lashed out at what it called X's interference"."""
    found = rule_events(pipeline, "Belarus lashed out at what it called Poland's hostile policy.")
    assert ("BLR", "111", "POL") in found


def test_a_vow_to_retaliate_is_a_threat_and_its_cause_has_happened(pipeline):
    """"vowed to retaliate for X's expulsion of diplomats": a threat (13) on X, and the expulsion, with its agent,
    is done (161), not intended with the vow (modality.modality_of)."""
    found = rule_events(pipeline, "Hungary vowed on Friday to retaliate for Slovakia's expulsion of three "
                                  "Hungarian diplomats.")
    assert ("HUN", "130", "SVK") in found
    assert any(s == "SVK" and code == "161" for s, code, _ in found)
    assert not any(code.startswith("03") for _, code, _ in found)


def test_a_promise_to_punish_is_a_threat_on_the_punished_not_a_pledge_on_a_bystander(pipeline):
    found = rule_events(pipeline, "Seoul promised to punish Pyongyang for its capture of a Chinese fishing boat.")
    assert ("KORGOV", "130", "PRKGOV") in found
    assert not any(code.startswith("03") for _, code, _ in found)


@pytest.mark.parametrize("text", [
    "In Ankara, a Turkish foreign ministry spokesman said on Monday that the crossing would stay shut.",
    "The Kenyan president said in Addis Ababa on Friday that the talks would resume.",
])
def test_where_a_statement_was_made_is_not_whom_it_was_made_to(pipeline, text):
    """venues.SCENE_ROOTS: "In Beijing, a spokesman said": Beijing is where, not whom, a statement is aimed at."""
    assert not any(code.startswith("01") and t is not None for _, code, t in rule_events(pipeline, text))


def test_the_victims_of_a_strike_are_of_the_country_struck(pipeline):
    """event_filters.strike_victims: "struck X in Y, killing N soldiers" - the soldiers are Y's; victims with a
    country of their own keep it."""
    found = rule_events(pipeline, "Turkish drones struck a fuel depot near the Iraqi town of Sinjar on Sunday, "
                                  "killing three soldiers.")
    assert ("TURMIL", "190", "IRQMIL") in found
    found = rule_events(pipeline, "A Turkish drone struck a convoy in Iraq, killing two Iranian advisers.")
    assert ("TURMIL", "190", "IRN") in found and ("TURMIL", "190", "IRQ") in found


def test_a_conflictual_act_promised_on_a_condition_is_a_threat(pipeline):
    """modality.ultimatum: "will push for sanctions against Y if Y keeps ..." is a threat (13); a cooperative act on
    a condition stays a promise."""
    found = rule_events(pipeline, "Canada will push for new sanctions against Venezuela if Caracas jails more "
                                  "opposition leaders.")
    assert any(s == "CAN" and code.startswith("13") and t.startswith("VEN") for s, code, t in found)
    found = rule_events(pipeline, "Canada will send aid to Venezuela if Caracas frees the opposition leaders.")
    assert not any(code.startswith("13") for _, code, _ in found)


@pytest.mark.parametrize("text", [
    "Britain's foreign office called Russia's strike unacceptable.",
    "The French government called Moscow's accusation \"absurd\".",
    "The Tory leader called Labour \"a machine for spending money\".",
])
def test_a_naming_verb_with_a_predicate_is_no_call_strike_or_phone_call(pipeline, text):
    """judgements.naming: "called X's strike unacceptable" names a thing; the lexicon's "call strike" (143),
    "call *" (a phone call, 041) and "call for" rows do not apply."""
    assert not any(code[:2] in ("02", "04", "14") for _, code, _ in rule_events(pipeline, text))


def test_a_phone_call_is_still_a_call(pipeline):
    assert any(code == "041" for _, code, _ in rule_events(
        pipeline, "The Kenyan president called Ethiopian Prime Minister Abiy Ahmed to discuss the border."))


def test_a_reaction_to_the_attack_is_aimed_at_the_attacker_named_before(pipeline):
    """targets.force_antecedents: "... Turkey condemned the attack" is aimed at whoever did the last act of force
    coded a few sentences before; not when the attack's doer is named, nor when two sides attacked."""
    text = ("Armenian troops shelled Azerbaijani positions near the border on Monday. Officials said two farmers were "
            "hurt. Turkey condemned the attack on Tuesday.")
    assert ("TUR", "111", "ARMMIL") in rule_events(pipeline, text)
    text = "Armenian troops shelled Azerbaijani positions on Monday. Turkey condemned the attack by gunmen on a bus."
    assert not any(s == "TUR" and t == "ARMMIL" for s, _, t in rule_events(pipeline, text))


@pytest.mark.parametrize("text", [
    "The summit between the Nigerian and Ghanaian presidents is scheduled for next Friday.",
    "Argentina's upcoming visit to Chile was announced by its foreign ministry.",
    "Talks between Armenia and Azerbaijan are expected in Vienna next month.",
    "Next week's meeting between the Polish and Lithuanian prime ministers will cover energy.",
])
def test_an_encounter_still_to_come_is_an_intent_not_a_meeting(pipeline, text):
    codes = {code for _, code, _ in rule_events(pipeline, text)}
    assert codes and codes <= {"036"}


def test_an_encounter_already_held_stays_a_meeting(pipeline):
    codes = {code for _, code, _ in rule_events(pipeline, "Talks between Armenia and Azerbaijan took place in Vienna.")}
    assert codes == {"040"}


@pytest.mark.parametrize("text", [
    "The planned meeting between the Nigerian and Ghanaian presidents was cancelled.",
    "Talks between Armenia and Azerbaijan were postponed because of the fighting.",
    "The visit of the Indian prime minister to Nepal was called off.",
    "The Indian prime minister's trip to Nepal, which was cancelled, had been planned for May.",
])
def test_an_encounter_called_off_did_not_happen(pipeline, text):
    assert not any(code[:2] == "04" for _, code, _ in rule_events(pipeline, text))


def test_the_one_obliged_is_the_subject_not_its_modifier(pipeline):
    assert not [e for e in rule_events(pipeline, "The Danish minister insisted that government reform must continue.")
                if e[1][:2] == "10"]
    found = rule_events(pipeline, "The Danish minister insisted that the Swedish government must act.")
    assert [e for e in found if e[1][:2] == "10" and e[2] == "SWEGOV"]


def test_talks_one_side_wants_are_its_intent_alone(pipeline):
    found = rule_events(pipeline, "Bolivia wants talks with Chile on access to the sea.")
    assert ("BOL", "036", "CHL") in found
    assert not [e for e in found if e[0] == "CHL"]
