"""How a complete PETRARCH dictionary set codes: it replaces the built-in knowledge, its pattern markers
(``+ $ % ^``, words before the verb, listed verb forms), PETRARCH-2's negation, discards, prefix agents.
Small invented dictionaries and sentences only."""

from __future__ import annotations

from datetime import date

import pytest

from annales import petrarch as P
from annales.kb import KnowledgeBase
from annales.records import Article

ACTORS = """\
VALDORIA_ [VLD]
+VALDORIAN
KESTRALIA [KST]
+KESTRALIAN
OSTRAVIA [OST]
NEW_ZEALAND [NZX]
GREY_WARDENS [+++]
ARDO_VELN [VLDGOV]
"""

AGENTS = """\
GOVERNMENT [~GOV]
SOLDIER [~MIL]
RELIEF_SOCIETY [NGO~]
"""

VERBS = """\
&COIN
+DOLLAR
+DUCAT

--- DONATE [070] ---
DONATE
- * &COIN [071]

--- SCOLD [111] ---
SCOLD
- * (OVER EFFORTS) [110]

--- DELAY [120] ---
POSTPONE
- % * [120]

--- FREE [080] ---
FREE
- + * (FROM $) [080]

--- DEPART [042] ---
DEPART
LEFT [042:043]

--- EXCLUDE [144] ---
+CORDON_OFF {+CORDONED_OFF +CORDONING_OFF}

--- RISE [---] ---
RISEN
- {DEATH TOLL} * [190]

--- BLOCKADE [191] ---
BLOCKADE

--- SIGN [057] ---
SIGN
- * {NEW TRADE PACT} [081]

--- APPLAUD [050] ---
APPLAUD
- * PLEDGES (ON RURAL) (FROM) [030]

--- EXHORT [020] ---
EXHORT

--- START [---] ---
START
* (TO DOUBT) [110]

--- CAUTION [130] ---
CAUTION
- * THEIR ^ ABOUT + [131]

--- FEUD [110] ---
FEUD
- WILL NOT * [057]
- RECENTLY * [111]
- FAILED_TO_* [112]

--- GREET [---] ---
GREET
- + HOSTING * DELEGATES $ [043]

--- MEDIATE [---] ---
MEDIATE
- * BETWEEN % [130]

--- VOICE [020] ---
VOICE
- * WISH [013]

--- HOST [043] ---
HOST
- * BANQUET (IN ^) + [017]

--- REMARK [023] ---
REMARK

--- DECLARE [023] ---
DECLARE

--- PROPOSE [100] ---
PROPOSE

--- BOMBARD [195] ---
BOMBARD

--- CAUTION [130] ---
CAUTION
- * THEIR ^ ABOUT + [131]

--- PONDER [---] ---
PONDER
- BEGUN * [111]

--- LAMENT [111] ---
LAMENT
- OBSERVED + * [115]
- HINTED * [123]

--- SEE [010] ---
SEE {SEES SAW SEEN SEEING}

--- CELEBRATE [---] ---
CELEBRATE
- * SOLSTICE ^ $ [017]
- + HOSTING * HARVEST ^ $ [042]

--- RECONCILE [---] ---
RECONCILE
- EDGING CLOSER * [036]

--- SURVEIL [175] ---
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}
- WILL NOT * [176]
"""

DISCARDS = """\
# sentence and story discards
BASEBALL
+TYPHOON
"""

ONTOLOGY = """\
# value of each code; a negated act is the code of its value minus 0xFFFF
050:0x0080#DiplomaticCoop
057:0x0087
060:0x0070#MaterialCoop
110:0x1007f#0xFFFF+0x0080#Disapprove
120:-0xFFFF#Reject
121:-0xFFFF+0x0070
170:0x10086#0x0087+0xFFFF#Coerce
190:0x00A0
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("dicts")
    out = {}
    for name, text in (("actors", ACTORS), ("agents", AGENTS), ("verbs", VERBS), ("discards", DISCARDS),
                       ("ontology", ONTOLOGY)):
        out[name] = d / f"test.{name}.txt"
        out[name].write_text(text, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def coder(pipeline, files):
    return P.with_dictionaries(pipeline.settings, nlp=pipeline.nlp, actors=[files["actors"]],
                               agents=[files["agents"]], verbs=[files["verbs"]], discards=[files["discards"]])


def code(coder, text: str) -> list[tuple]:
    coded = coder(Article(id="t", text=text, published=date(2001, 5, 1)))
    return sorted((e.source.code, e.target.code if e.target else None, e.cameo) for e in coded.events)


def test_complete_set_replaces_builtin_knowledge(coder, pipeline, files):
    assert isinstance(coder.kb, P.DictionaryKnowledgeBase) and "France" not in coder.kb.terms
    assert set(coder.lexicon.verbs) >= {"donate", "scold"} and "attack" not in coder.lexicon.verbs
    assert not coder.lexicon.nouns
    assert code(coder, "Angry crowds attacked the embassy of Valdoria in Kestralia.") == []  # no built-in agents or verbs
    assert coder.kb.terms["new zealand"][0].country == "NZX"
    # a partial set is layered over the built-in knowledge
    layered = P.with_dictionaries(pipeline.settings, nlp=pipeline.nlp, actors=[files["actors"]])
    assert "France" in layered.kb.terms and layered.kb.terms["new zealand"][0].country == "NZX"
    assert P.with_dictionaries(pipeline.settings, nlp=pipeline.nlp, actors=[files["actors"]], agents=[files["agents"]],
                               verbs=[files["verbs"]], builtin=True).kb.terms.get("France")


def test_actor_codes_plus_and_hash_are_codes(files):
    kb = KnowledgeBase()
    P.load_actors(files["actors"], kb)
    assert kb.terms["grey wardens"][0].code == "+++"


def test_dictionary_codes_are_not_recoded_as_intent(coder):
    assert code(coder, "Valdoria will donate a million dollars to Kestralia.") == [("VLD", "KST", "071")]


def test_target_is_first_actor_after_the_verb(coder):
    assert code(coder, "Valdoria donated a million dollars to Kestralia.") == [("VLD", "KST", "071")]
    assert code(coder, "Valdoria scolded the memos sent by Kestralia.") == [("VLD", "KST", "111")]


def test_target_is_the_subject_of_a_nouns_that_clause(coder):
    # PETRARCH-2's first actor after the verb: the clause's subject, not an actor further inside it
    assert code(coder, "Valdoria voiced the wish that Kestralia could be brought into talks with Ostravia.") == [
        ("VLD", "KST", "013")]


def test_pattern_phrase_deep_in_the_object(coder):
    # the phrase's words and the target's preposition hang a level deeper than the built-in patterns look
    assert code(coder, "Valdoria applauded pledges on rural questions from Kestralia last week.") == [
        ("VLD", "KST", "030")]


def test_what_an_appeal_asks_for_is_no_event(coder):
    assert code(coder, "Valdoria exhorted Kestralia to donate a million dollars to Ostravia.") == [
        ("VLD", "KST", "020")]


def test_a_speech_verbs_reported_clause_is_no_act_asked_for(coder):
    # "DECLARE [023]": the dictionary's number, not an appeal; the reported act is coded, the report not
    assert code(coder, "Valdoria declared that Kestralia had scolded Ostravia.") == [("KST", "OST", "111")]
    assert code(coder, "Valdoria declared that Kestralia was ready.") == [("VLD", "KST", "023")]
    # a to-infinitive after an appeal is still asked for
    assert code(coder, "Valdoria exhorted Kestralia to scold Ostravia.") == [("VLD", "KST", "020")]


def test_a_verb_whose_object_does_the_coded_infinitive_codes_nothing(coder):
    # "hosting [X to scold Y]": the hosting's object is the scolding, an event PETRARCH-2 does not code as a target
    assert code(coder, "Valdoria hosted Kestralia to scold Ostravia.") == [("VLD", "OST", "111")]
    assert code(coder, "Valdoria will be hosting Kestralia to scold Ostravia next week.") == [("KST", "OST", "111")]
    # an infinitive that codes nothing leaves the hosting
    assert code(coder, "Valdoria hosted Kestralia to mark the anniversary.") == [("VLD", "KST", "043")]


def test_no_built_in_act_beside_the_dictionarys_verbs(coder):
    # the built-in "X says Y must ..." demand (100) and claim of responsibility (015) are no dictionary's verbs
    assert code(coder, "Valdoria declared that Kestralia must leave.") == [("VLD", "KST", "023")]
    assert code(coder, "Valdoria claimed it had bombarded Kestralia.") == [("VLD", "KST", "195")]


def test_no_target_in_an_infinitive_the_pattern_does_not_name(coder):
    # "PROPOSE [100]" names nothing after the verb: its target is in its own phrases, not the infinitive's
    assert code(coder, "Valdoria proposed to take up the issue with Kestralia.") == []
    assert code(coder, "Valdoria proposed talks with Kestralia.") == [("VLD", "KST", "100")]
    # "* (TO DOUBT)" names the infinitive: its phrases are the pattern's (test_pattern_line_without_its_dash...)
    assert code(coder, "Valdoria started to doubt whether it has any future with Kestralia.") == [
        ("VLD", "KST", "110")]


def test_a_verb_is_known_by_its_forms_not_its_lemma(coder):
    # (the sentence names another trigger, "postponed", which codes nothing, so the prefilter keeps it)
    assert code(coder, "Valdoria departed from Kestralia and postponed its meeting.") == [("VLD", "KST", "042")]
    assert code(coder, "Valdoria departes from Kestralia and postponed its meeting.") == []  # no form of DEPART


def test_pattern_line_without_its_dash_and_an_infinitive(coder):
    # "* (TO DOUBT)": a pattern all the same; its "to" is the infinitive's
    assert code(coder, "Valdoria started to doubt whether it has any future with Kestralia.") == [
        ("VLD", "KST", "110")]


def test_no_target_in_an_adverbial_clause_or_the_scene(coder):
    # "while in exile in X": a clause (the parser hangs "while" on the preposition), not the verb's phrase;
    # and PETRARCH-2 takes no target from where an act happened
    assert code(coder, "Valdorian sailors blockaded the port while in exile in Kestralia.") == []
    assert code(coder, "Valdorian sailors blockaded the port while in Kestralian waters.") == []


def test_negation_as_petrarch(coder):
    assert code(coder, "Valdoria did not scold Kestralia over efforts to end the war.") == [("VLD", "KST", "050")]
    # the parser may hang "not" on an adverb before the verb
    assert code(coder, "Valdoria surely really did not even ever scold Kestralia over efforts to end the war.") == [
        ("VLD", "KST", "050")]
    assert code(coder, "Valdoria did not blockade Kestralia.") == []  # 191 has no negation: nothing coded


def test_negations_from_an_ontology_file(files):
    assert P.load_negations(files["ontology"]) == {"110": "050", "170": "057", "060": "121"}
    assert P.DEFAULT_NEGATIONS["110"] == "050" and P.DEFAULT_NEGATIONS["170"] == "057"
    folder = P.folder_dictionaries(files["ontology"].parent)
    assert folder["ontology"] == [files["ontology"]] and folder["discards"] == [files["discards"]]


def test_compound_subject_pattern(coder):
    assert code(coder, "Valdoria and Kestralia postponed their meeting.") == [("KST", "VLD", "120"),
                                                                            ("VLD", "KST", "120")]
    assert code(coder, "Valdoria postponed its meeting.") == []  # "- % *" needs coordinated actors; DELAY has no code of its own


def test_compound_after_a_preposition_is_its_object(coder):
    # "* BETWEEN %": the object of "between", each of the coordinated actors there (PETRARCH-2: "(BETWEEN)")
    assert code(coder, "Ostravia mediated between Valdoria and Kestralia on Monday.") == [("OST", "KST", "130"),
                                                                                       ("OST", "VLD", "130")]
    assert code(coder, "Ostravia mediated for the rebels on Monday.") == []  # the block codes nothing alone


def test_a_skip_before_a_preposition_is_one_plain_noun_phrase(coder):
    # "- * THEIR ^ ABOUT +": "^" skips a noun phrase with no prepositional phrase of its own
    assert code(coder, "Valdoria cautioned Kestralia about Ostravia.") == [("VLD", "OST", "131")]
    assert code(coder, "Valdoria cautioned its border towns about Ostravia.") == [("VLD", "OST", "131")]
    assert code(coder, "Valdoria cautioned the people of Kestralia about Ostravia.") == [("VLD", "KST", "130")]


def test_words_before_the_verb_may_be_its_auxiliaries(coder):
    # "- WILL NOT *": the verb's auxiliary chain, its negation the pattern's own (not negated again)
    assert code(coder, "Valdoria feuded with Kestralia.") == [("VLD", "KST", "110")]
    assert code(coder, "Valdoria will not feud with Kestralia.") == [("VLD", "KST", "057")]
    # a pattern naming no auxiliary reads the subject only: "RECENTLY *" is no "(has) recently feuded"
    assert code(coder, "Valdoria recently feuded with Kestralia.") == [("VLD", "KST", "110")]
    assert code(coder, "Valdoria has recently feuded with Kestralia.") == [("VLD", "KST", "110")]
    # a to-infinitive's governing verb
    assert code(coder, "Valdoria failed to feud with Kestralia.") == [("VLD", "KST", "112")]


def test_a_target_before_a_governing_verb_is_that_verbs_subject(coder):
    # "- + HOSTING * DELEGATES $": "+" is the subject of "hosting", whoever the parser makes greet
    # (HOST's own code is not coded: its object does the greeting, test_a_verb_whose_object_does_...)
    assert code(coder, "Valdoria will be hosting Kestralia to greet delegates from Ostravia.") == [
        ("OST", "VLD", "043")]


def test_source_after_the_verb(coder):
    assert code(coder, "Kestralian soldiers were freed from Ostravia.") == [("OST", "KSTMIL", "080")]


def test_listed_verb_forms_are_triggers(coder):
    assert code(coder, "Valdoria cordoned off the roads leading into Kestralia.") == [("VLD", "KST", "144")]
    assert code(coder, "The Valdorian government left for Kestralia.") == [("KST", "VLDGOV", "043"),
                                                                         ("VLDGOV", "KST", "042")]


def test_words_before_the_verb_in_the_subject(coder):
    assert code(coder, "Valdoria's death toll has risen in the dispute with Kestralia.") == [("VLD", "KST", "190")]


def test_raised_subject_of_a_passive(coder):
    # "seen" codes too, but its source is no actor of the infinitive it raises ("Kestralia saw Valdoria")
    assert code(coder, "Valdoria was seen to scold Kestralia.") == [("VLD", "KST", "111")]
    assert code(coder, "Valdoria was seen in Kestralia.") == [("KST", "VLD", "010")]


def test_prefix_agents(coder):
    assert code(coder, "The Valdorian relief society donated dollars to Kestralia.") == [("NGOVLD", "KST", "071")]


def test_discards(coder):
    assert code(coder, "Valdoria scolded Kestralia.") == [("VLD", "KST", "111")]
    assert code(coder, "Valdoria scolded Kestralia over baseball.") == []
    # a story discard voids every sentence of the text (of those the prefilter passes on to the coder)
    assert code(coder, "Valdoria scolded Kestralia. Ostravia donated dollars to Kestralia after the typhoon.") == []
    assert code(coder, "Valdoria scolded Kestralia over baseballs.") == [("VLD", "KST", "111")]  # whole words


# -- PETRARCH's noun-phrase and passive semantics (annales.actors, annales.events) ------------------------
C_ACTORS = """\
VALDORIA [VLD]
+VALDORIAN
KESTRALIA [KST]
+KORVATH
OSTRAVIA [OST]
MERIDIA [MRD]
"""

C_AGENTS = """\
GOVERNMENT [~GOV]
MEDIA {} [~MED]
ISLAMIST [~MUS]
OFFICIAL [~GOV]
SOLDIER [~MIL]
MINISTER [~GOV]
JUDGE [~JUD]
"""

C_VERBS = """\
--- WELCOME [050] ---
WELCOME

--- WARN [130] ---
WARN
- * THEIR ^ ABOUT + [131]

--- CRITICIZE [111] ---
CRITICIZE
"""


@pytest.fixture(scope="module")
def compound_coder(pipeline, tmp_path_factory):
    d = tmp_path_factory.mktemp("compound")
    paths = {}
    for name, text in (("actors", C_ACTORS), ("agents", C_AGENTS), ("verbs", C_VERBS)):
        paths[name] = [d / f"c.{name}.txt"]
        paths[name][0].write_text(text, encoding="utf-8")
    return P.with_dictionaries(pipeline.settings, nlp=pipeline.nlp, **paths)


def test_listed_actors_are_each_coded(compound_coder):
    # the parser makes "Ostravia" an apposition or modifier of another actor: still one actor of the list
    got = code(compound_coder, "Valdoria, Kestralia and the evil awful Ostravia welcomed the new envoy of Meridia.")
    assert {s for s, _, _ in got} == {"VLD", "KST", "OST"} and {t for _, t, _ in got} == {"MRD"}
    got = code(compound_coder, "Valdoria and the evil awful Ostravia welcomed the new envoy of Meridia.")
    assert {s for s, _, _ in got} == {"VLD", "OST"}


def test_conjoined_agents_share_the_country_and_modifying_agents(compound_coder):
    assert code(compound_coder, "Valdorian media and government welcomed the new envoy of Meridia.") == [
        ("VLDGOV", "MRD", "050"), ("VLDMED", "MRD", "050")]
    assert code(compound_coder, "The Valdorian Islamist media and government welcomed the new envoy of Meridia.") == [
        ("VLDMUSGOV", "MRD", "050"), ("VLDMUSMED", "MRD", "050")]
    # a conjunct with a determiner of its own does not share
    assert ("VLDGOV", "MRD", "050") not in code(
        compound_coder, "Valdorian media and the government welcomed the new envoy of Meridia.")


def test_passive_without_agent_takes_the_first_actor_after_the_verb(compound_coder):
    assert code(compound_coder, "Kestralia was criticized over its territorial dispute with Valdoria.") == [
        ("VLD", "KST", "111")]
    assert code(compound_coder, "Kestralia was criticized by Valdoria.") == [("VLD", "KST", "111")]


def test_pattern_words_may_be_possessives_of_the_object(compound_coder):
    assert code(compound_coder, "Valdoria warned their Meridian populations about Kestralia.") == [
        ("VLD", "KST", "131")]


def test_pattern_groups_are_phrases(coder):
    # "(OVER EFFORTS)": the words right after the preposition, determiners aside
    assert code(coder, "Valdoria scolded Kestralia over the efforts to end the war.") == [("VLD", "KST", "110")]
    assert code(coder, "Valdoria scolded Kestralia over costly efforts to end the war.") == [("VLD", "KST", "111")]
    # "{NEW TRADE PACT}": in order, at most one other word among them
    assert code(coder, "Valdoria signed a new trade pact with Kestralia.") == [("VLD", "KST", "081")]
    assert code(coder, "Valdoria signed a new bilateral trade pact with Kestralia.") == [("VLD", "KST", "081")]
    assert code(coder, "Valdoria signed a new pact on trade with Kestralia.") == [("VLD", "KST", "057")]
    # coordinated modifiers: a new trade pact that is also a binding one
    assert code(coder, "Valdoria signed a new and binding trade pact with Kestralia.") == [("VLD", "KST", "081")]


def test_target_in_a_purpose_infinitive(coder):
    assert code(coder, "Valdoria signed a deal on Monday to supply Kestralia with grain.") == [("VLD", "KST", "057")]


def test_passive_subject_the_parser_gave_the_auxiliary(coder):
    assert code(coder, "Kestralia was heavily and unjustly scolded over its quarrel with Valdoria.") == [
        ("VLD", "KST", "111")]


def test_target_after_a_skipped_object(coder):
    """"(IN ^) +": the object of "in" is skipped, the target is the next actor, not that object."""
    assert code(coder, "Valdoria hosted a banquet in Ostravia for Kestralia.") == [("VLD", "KST", "017")]


def test_agent_without_actor_takes_the_actor_of_its_prepositional_phrase(compound_coder):
    # the parser attaches "Valdoria" to "stations": the soldiers are still Valdoria's
    assert code(compound_coder, "Soldiers from Valdoria radio stations criticized Kestralia.") == [
        ("VLDMIL", "KST", "111")]
    assert code(compound_coder, "Soldiers from Valdoria criticized Kestralia.") == [("VLDMIL", "KST", "111")]


def test_possessor_comes_before_a_listed_name(compound_coder):
    # "Korvath" alone is Kestralia's; as Valdoria's minister he is Valdoria's government (PETRARCH reads the
    # noun phrase's actors in their order)
    assert code(compound_coder, "Korvath criticized Meridia.") == [("KST", "MRD", "111")]
    assert code(compound_coder, "Valdoria's stern minister Korvath criticized Meridia.") == [("VLDGOV", "MRD", "111")]


def test_country_reaches_an_agent_through_a_plain_noun(compound_coder):
    assert code(compound_coder, "Ostravia criticized a Meridia court judge.") == [("OST", "MRDJUD", "111")]


def test_conjoined_agents_pair_with_each_conjoined_country(compound_coder):
    # each agent with each country: KSTGOV too, not only VLDGOV; and one event for each of them (the event
    # key and id tell actors on one head word apart by their codes)
    doc = compound_coder.nlp("Soldiers and officials in Valdoria and Kestralia welcomed the new envoy of Meridia.")
    actors = compound_coder.finder(doc)
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert {p.code for p in actors.all_at(subject)} == {"VLDMIL", "VLDGOV", "KSTMIL", "KSTGOV"}
    sources = sorted(src for src, _, _ in code(compound_coder, "Soldiers and officials in Valdoria and Kestralia "
                                                              "criticized Meridia."))
    assert sources == ["KSTGOV", "KSTMIL", "VLDGOV", "VLDMIL"]


def test_an_event_needs_a_source_and_a_target(coder):
    # PETRARCH codes dyads only: a verb whose code could stand alone (023) codes nothing with no target
    assert code(coder, "Valdoria remarked on Friday that the harvest was poor.") == []
    assert code(coder, "Valdoria remarked to Kestralia that the harvest was poor.") == [("VLD", "KST", "023")]



def test_a_multi_word_verbs_words_before_it_are_right_before_it(coder):
    # "WIRE_+TAP": "wire" right before the verb, however the parser hangs it (here a preposition's object)
    assert code(coder, "Soldiers from Valdoria wire tapped the phone lines of Kestralia.") == [("VLDMIL", "KST", "175")]
    assert code(coder, "Soldiers from Valdoria tapped the wire of Kestralia.") == []
    # its auxiliaries, wherever the parser hangs them ("wire" the root, "tap" under it)
    assert code(coder, "Soldiers from Valdoria will not wire tap the phone lines of Kestralia.") == [
        ("VLDMIL", "KST", "176")]


def test_negation_is_the_verbs_own(coder):
    # PETRARCH negates the verb phrase "not" belongs to: "did not try to scold" is a scolding
    assert code(coder, "Valdoria did not try to scold Kestralia over efforts to end the war.") == [
        ("VLD", "KST", "110")]
    assert code(coder, "Valdoria did not scold Kestralia over efforts to end the war.") == [("VLD", "KST", "050")]


def test_a_patterns_determiners_are_not_required(coder):
    # "- * THEIR ^ ABOUT +": "their" or another determiner, or none; the target is the object of "about"
    assert code(coder, "Valdoria cautioned their sailors about Kestralia.") == [("VLD", "KST", "131")]
    assert code(coder, "Valdoria cautioned Ostravia about Kestralia.") == [("VLD", "KST", "131")]


def test_pronoun_standing_for_the_source_is_no_target(coder):
    # "he" in the verb's clause is its own subject (Ardo Veln): the first actor after it is the target
    assert code(coder, "Ardo Veln has begun to ponder whether he has any future with Kestralia.") == [
        ("VLDGOV", "KST", "111")]
    assert code(coder, "Ardo Veln has begun to ponder whether he can still trust Kestralia.") == [
        ("VLDGOV", "KST", "111")]
    assert code(coder, "Valdoria has begun to ponder whether it has any future with Kestralia.") == [
        ("VLD", "KST", "111")]


def test_words_before_the_verb_may_name_the_verb_reporting_its_clause(coder):
    # "- OBSERVED + *": the clause's subject is the target, the reporter's subject the source
    assert code(coder, "Valdoria observed that Ostravia lamented the fall of Kestralia.") == [
        ("VLD", "OST", "115")]
    assert code(coder, "Ostravia lamented the fall of Kestralia.") == [("OST", "KST", "111")]
    # a pattern writing no slot between the reporter and the verb is no reported clause's ("- HINTED *")
    assert code(coder, "Ostravia hinted it lamented the fall of Kestralia.") == [("OST", "KST", "111")]


def test_words_before_the_verb_may_name_the_governing_verbs_adverbs(coder):
    # "- EDGING CLOSER *": the governing verb and its adverb before the infinitive
    assert code(coder, "Valdoria is edging closer to reconcile with Kestralia.") == [("VLD", "KST", "036")]
    assert code(coder, "Valdoria is edging to reconcile with Kestralia.") == []


def test_a_skip_before_the_source_passes_over_one_actor(coder):
    # "- * SOLSTICE ^ $": the source is the actor after the first one after the verb; the target the subject
    assert code(coder, "Valdoria celebrated the solstice with Kestralia in Ostravia.") == [("OST", "VLD", "017")]
    # a purpose clause's governing verb named before it ("- + HOSTING *": its subject the target), and a
    # dictionary's visit within one country is coded as written
    assert ("VLD", "VLDGOV", "042") in code(coder, "Ardo Veln is hosting a banquet to celebrate the harvest with "
                                                   "Kestralia next week in Valdoria.")
