"""Agents qualified by a listed person's name, and other actor rules of the sixth round. The sentences
are the team's own."""

from __future__ import annotations

from datetime import date

from helpers import actor_codes as _codes
from helpers import dyads


def test_an_agent_named_after_its_leader(pipeline):
    # the name modifies the agent noun: one actor, the leader's country
    codes = _codes(pipeline, "The Olmert government turned down the proposal.", when=date(2008, 3, 1))
    assert codes.get("Olmert government") == "ISRGOV" and "Olmert" not in codes
    codes = _codes(pipeline, "The Bush administration warned Tehran again.", when=date(2007, 5, 1))
    assert codes.get("Bush administration") == "USAGOV"


def test_a_listed_name_inside_a_titled_phrase(pipeline):
    # the name inside the phrase, whatever the tagger makes of it
    codes = _codes(pipeline, "Prime Minister Hun Sen's cabinet approved the budget.", when=date(2010, 6, 1))
    assert codes.get("Prime Minister Hun Sen's cabinet") == "KHMGOV"


def test_a_region_before_a_title_gives_the_country(pipeline):
    codes = _codes(pipeline, "Kerala Chief Minister Pinarayi Vijayan thanked the fishermen.")
    assert codes.get("Kerala Chief Minister Pinarayi Vijayan") == "INDGOV"


def test_two_regional_governments_of_one_country_are_two_actors(pipeline):
    doc = pipeline.nlp("The Kerala government signed a deal with the Gujarat government.")
    phrases = [p for p in pipeline.finder(doc).phrases if p.code == "INDGOV"]
    assert len(phrases) == 2 and phrases[0].name != phrases[1].name


def test_a_member_of_the_european_parliament(pipeline):
    # a demonym and a role tagged as one person's name: a legislator of that country
    assert _codes(pipeline, "Latvian MEP criticised the plan.").get("Latvian MEP") == "LVALEG"


def test_peoples_of_one_state_and_regional_governments(pipeline):
    codes = _codes(pipeline, "The Basque government criticised Kalenjin elders and Rohingya refugees.")
    assert codes.get("Basque government") == "ESPGOV"
    assert codes.get("Kalenjin elders", "").startswith("KEN") and codes.get("Rohingya refugees") == "MMRREF"


def test_political_opponents_are_the_opposition(pipeline):
    codes = _codes(pipeline, "Political opponents of the Zambian government marched to the court.")
    assert codes.get("Political opponents of the Zambian government") == "ZMBOPP"


def test_office_holders_of_2008(pipeline):
    when = date(2008, 7, 1)
    codes = _codes(pipeline, "Moratinos and Qureshi met Erakat.", when=when)
    assert codes.get("Moratinos") == "ESPGOV" and codes.get("Qureshi") == "PAKGOV" and codes.get("Erakat") == "PSEGOV"
    assert _codes(pipeline, "Larijani rejected the offer.", when=when).get("Larijani") == "IRNLEG"


def test_each_actor_of_a_list_is_its_own(pipeline):
    codes = _codes(pipeline, "The Storting, the Sejm and the Knesset sent a joint letter.")
    assert codes.get("Knesset") == "ISRLEG"
    # a city and its country stay one actor
    codes = _codes(pipeline, "Delegates met in Lima, Peru, on Monday.")
    assert "Peru" not in codes


def test_wire_epithets_of_states(pipeline):
    codes = _codes(pipeline, "The Islamic republic said the Zionist regime and the Stalinist state had lied.")
    assert codes.get("Islamic republic") == "IRN" and codes.get("Zionist regime") == "ISRGOV"
    assert codes.get("Stalinist state") == "PRK"


def test_what_an_object_is_taken_for_is_no_actor(pipeline):
    codes = _codes(pipeline, "Hamas refuses to recognise Israel as a Jewish state.")
    assert codes.get("Israel") == "ISR" and "Jewish state" not in codes


def test_the_name_after_pro_or_anti_is_not_the_actor(pipeline):
    codes = _codes(pipeline, "Pro-Moscow militiamen in Abkhazia shelled the village.")
    assert not any(c.startswith("RUS") for c in codes.values())
    assert _codes(pipeline, "Anti-riot police dispersed the crowd in Lagos.").get("Anti-riot police", "").endswith("COP") \
        or any(c.endswith("COP") for c in _codes(pipeline, "Anti-riot police dispersed the crowd in Lagos.").values())


def test_restive_regions_stand_for_their_state(pipeline):
    codes = _codes(pipeline, "Gunmen in the Niger Delta and militants in North Waziristan freed the hostages.")
    assert codes.get("Gunmen in the Niger Delta", "").startswith("NGA")
    assert any(k.endswith("North Waziristan") and v.startswith("PAK") for k, v in codes.items())


def test_wire_names_of_blocs(pipeline):
    codes = _codes(pipeline, "The 27-nation bloc and the 26-nation alliance condemned the coup.")
    assert codes.get("27-nation bloc") == "IGOEEC" and codes.get("26-nation alliance") == "IGONAT"


def test_a_hosted_role_is_not_of_the_place_it_is_in(pipeline):
    codes = _codes(pipeline, "Rioters stormed the embassy in Lahore.")
    assert not any(k.startswith("embassy") and v.startswith("PAK") for k, v in codes.items())
    codes = _codes(pipeline, "Rioters stormed the Danish embassy in Lahore.")
    assert any(k.startswith("Danish embassy") and v == "DNKGOV" for k, v in codes.items())


def test_a_common_surname_read_only_on_a_date_in_office(pipeline):
    when = date(2008, 2, 1)
    assert _codes(pipeline, "Rice said Washington would press Damascus.", when=when).get("Rice") == "USAGOV"
    assert "Rice" not in _codes(pipeline, "Rice prices doubled in Manila.", when=when)
    # no date, or a date out of office: not the office-holder
    assert _codes(pipeline, "Rice said Washington would press Damascus.").get("Rice", "---") == "---"
    assert _codes(pipeline, "Brown said the plan would fail.", when=date(1990, 1, 1)).get("Brown", "---") == "---"


def test_regions_are_no_names_of_their_state_for_the_gazetteer():
    from annales.places import Geocoder

    place = Geocoder.default().lookup("Chechnya")
    assert place is None or place.kind != "country"


def test_the_islamic_state_as_british_papers_spell_it(pipeline):
    # "Isis" (not only "ISIS") is the group, not a place of Syria
    codes = _codes(pipeline, "The aid worker was held by Isis in Raqqa for two years.", when=date(2016, 1, 1))
    assert codes.get("Isis") == "IMGMUSISI"


def test_a_hyphenated_given_name_in_either_case(pipeline):
    # wire services capitalise after the hyphen ("Ki-Moon"); the list writes "Ki-moon"
    codes = _codes(pipeline, "Ban Ki-Moon thanked the donors.", when=date(2010, 3, 1))
    assert codes.get("Ban Ki-Moon") == "IGOUNO"
    codes = _codes(pipeline, "Lee Myung-Bak thanked the donors.", when=date(2010, 3, 1))
    assert codes.get("Lee Myung-Bak") == "KORGOV"


def test_a_particle_before_a_hyphen_keeps_its_case():
    from annales.people import _hyphen_cases

    assert _hyphen_cases("Ban Ki-moon") == {"Ban Ki-Moon"}
    assert _hyphen_cases("Bashar al-Assad") == set()


def test_british_public_bodies_and_parties(pipeline):
    codes = _codes(pipeline, "The National Audit Office and Ofsted criticised the TUC, the CBI and UKIP.")
    assert codes.get("National Audit Office") == "GBRGOV" and codes.get("Ofsted") == "GBRGOV"
    assert codes.get("TUC") == "GBRLAB" and codes.get("CBI") == "GBRBUS" and codes.get("UKIP") == "GBRPTY"


def test_a_person_named_again_by_surname_is_the_person_named_before(pipeline):
    # "Mr Clarke" tagged as an organisation is still the home secretary named in full before
    text = ("Home Secretary Charles Clarke met police chiefs in Leeds on Monday. The Tories said the plans were "
            "too late. Mr Clarke dismissed the Tory complaint.")
    assert ("GBRGOV", "120", "GBRPTY") in dyads(pipeline, text)
    codes = _codes(pipeline, "Lib Dem spokesman Vince Cable said voters were confused by the figures. "
                             "In the same debate, Mr Cable also attacked Labour's spending plans.")
    assert codes.get("Mr Cable") == "GBRPTY"


def test_a_namesake_does_not_take_the_role(pipeline):
    codes = _codes(pipeline, "Home Secretary Charles Clarke met police chiefs in Leeds on Monday. "
                             "Jane Clarke, a teacher, criticised the plans.")
    assert not codes.get("Jane Clarke, a teacher", "---").startswith("GBRGOV")


def test_british_ministers_of_the_2010s_after_a_title_with_no_country(pipeline):
    when = date(2019, 2, 20)
    codes = _codes(pipeline, "The plan was approved by the home secretary, Sajid Javid, on Monday. The shadow "
                             "home secretary, Diane Abbott, criticised Javid's decision.", when=when)
    assert codes.get("home secretary, Sajid Javid") == "GBRGOV"
    assert codes.get("Javid") == "GBRGOV"
    assert codes.get("shadow home secretary, Diane Abbott") == "GBROPP"
    assert _codes(pipeline, "Lindsey Graham, a senior Republican senator, denounced the decision.",
                  when=when).get("Lindsey Graham, a senior Republican senator") == "USALEG"
