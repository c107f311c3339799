"""Who an actor phrase stands for from how its words are used (annales.actor_roles, annales.actor_context):
private persons named by a demonym, conjoined agents sharing a place, weapons of no one, representatives of a
non-state owner, intergovernmental forces. The sentences are the team's own."""

from __future__ import annotations

from helpers import actor_codes as _codes


def test_a_demonym_for_one_person_is_a_civilian(pipeline):
    codes = _codes(pipeline, "The Norwegian overtook the Kenyan on the last lap.")
    assert codes.get("Norwegian") == "NORCVL" and codes.get("Kenyan") == "KENCVL"
    assert _codes(pipeline, "A Peruvian woman was detained at the border.").get("Peruvian woman") == "PERCVL"
    assert _codes(pipeline, "An Ohio man pleaded guilty on Friday.").get("Ohio man") == "USACVL"


def test_a_demonym_for_the_state_or_a_people_stays(pipeline):
    assert _codes(pipeline, "The French said they would veto the plan.").get("French") == "FRA"
    assert _codes(pipeline, "Kenyan officials rejected the report.").get("Kenyan officials") == "KENGOV"


def test_a_weapon_of_no_one_naming_an_act_is_no_actor(pipeline):
    assert not any(code.endswith("MIL") for code in _codes(pipeline, "Drone strikes hit two villages.").values())
    assert "USAMIL" in _codes(pipeline, "US drone strikes hit two villages.").values()
    assert "ISRMIL" in _codes(pipeline, "Israeli warplanes bombed the port.").values()


def test_conjoined_agents_share_the_place_that_locates_them(pipeline):
    codes = _codes(pipeline, "Police and protesters in Nairobi clashed on Friday.")
    assert codes.get("protesters") == "KENCVL"


def test_diplomats_and_delegations_are_not_of_their_host(pipeline):
    for text, role in (("Diplomats in Kabul condemned the attack.", "Diplomats"),
                       ("A delegation in Cairo met Egyptian officials.", "delegation")):
        doc = pipeline.nlp(text)
        phrase = next(p for p in pipeline.finder(doc).phrases if doc[p.head].text == role)
        assert phrase.country is None


def test_conjoined_organisations_before_one_noun_are_two_actors(pipeline):
    doc = pipeline.nlp("Hamas and Fatah officials met in Cairo on Monday.")
    actors = pipeline.finder(doc)
    officials = next(p for p in actors.phrases if doc[p.head].text == "officials")
    codes = {q.code for q in actors.all_at(doc[officials.head])}
    assert {"PSEREB", "PSEPTY"} <= codes


def test_an_envoy_of_a_religious_leader_is_not_the_state(pipeline):
    codes = _codes(pipeline, "The Dalai Lama's envoys met Chinese officials on Monday.")
    assert codes.get("envoys") == "CHNREL" and codes.get("Chinese officials") == "CHNGOV"


def test_a_ministry_known_by_its_short_name(pipeline):
    assert _codes(pipeline, "A Home Office minister defended the policy.").get("Home Office minister") == "GBRGOV"


def test_peacekeepers_of_several_states_are_an_intergovernmental_force(pipeline):
    codes = _codes(pipeline, "The rebels rejected the deployment of a regional peacekeeping force.")
    assert "IGOMIL" in codes.values()
    assert _codes(pipeline, "Regional forces attacked the rebels.").get("forces") != "IGOMIL"


def test_a_listed_name_inside_a_longer_capitalised_run(pipeline):
    doc = pipeline.nlp("Embattled Theresa May faces a vote today.")
    [may] = [p for p in pipeline.finder(doc).phrases if p.name and "May" in p.name]
    assert doc[may.start:may.end].text == "Theresa May" and may.country == "GBR"


def test_a_place_after_the_second_of_two_agents(pipeline):
    doc = pipeline.nlp("Soldiers and policemen from Chad and Niger attacked the camp.")
    policemen = next(p for p in pipeline.finder(doc).phrases if doc[p.head].text == "policemen")
    assert policemen.code == "TCDCOP" and [q.code for q in policemen.siblings] == ["NERCOP"]
    doc = pipeline.nlp("Kurdish fighters and special forces from Britain closed in on the town.")
    phrases = {doc[p.head].text: p for p in pipeline.finder(doc).phrases}
    assert phrases["forces"].country == "GBR" and phrases["fighters"].country != "GBR"


def test_british_and_american_parties(pipeline):
    codes = _codes(pipeline, "The Tories accused the Labour Party of wasting money, and the GOP agreed.")
    assert codes.get("Tories") == "GBRPTY" and codes.get("Labour Party") == "GBRPTY" and codes.get("GOP") == "USAPTY"
    assert "USAPTY" not in _codes(pipeline, "The Christian Democrats won the vote in Bavaria.").values()


def test_party_adjectives_name_the_party(pipeline):
    codes = _codes(pipeline, "Tory leader Jane Doe and Lib Dem leader John Roe criticised the plan.")
    assert codes.get("Tory leader Jane Doe") == "GBRPTY" and codes.get("Lib Dem leader John Roe") == "GBRPTY"


def test_a_candidate_for_office_stands_for_a_party(pipeline):
    codes = _codes(pipeline, "Former Chilean presidential candidate Ana Rojas praised the senate.")
    assert "CHLPTY" in codes.values()
    # a bare "candidate" is no actor: countries that are candidates, a vaccine candidate
    assert not any(c.endswith("PTY") for c in _codes(pipeline, "The vaccine candidate was tested in Chile.").values())


def test_fighters_a_government_qualifies_are_its_forces_and_anti_government_ones_rebels(pipeline):
    assert _codes(pipeline, "Syrian pro-government fighters attacked the town.")["Syrian pro-government fighters"][3:] == "MIL"
    assert _codes(pipeline, "Syrian anti-government fighters attacked the town.")["Syrian anti-government fighters"][3:] == "REB"


def test_regulators_are_a_state_body(pipeline):
    codes = _codes(pipeline, "French market regulators questioned the German carmaker.")
    assert "FRAGOV" in codes.values() and "DEUBUS" in codes.values()


def test_american_samoa_is_no_samoa_and_a_union_federations_plural_name_is_labour(pipeline):
    codes = _codes(pipeline, "Two American Samoans wrote to the Trade Unions Congress.")
    assert "ASM" in codes.values() and "WSM" not in codes.values()
    assert any(c.endswith("LAB") for c in codes.values())
