"""Names sharing a plural title, country-specific judicial titles and agents based somewhere. The
sentences are the team's own."""

from __future__ import annotations

from helpers import actor_codes as _codes
from helpers import dyads


def test_names_after_a_plural_title_share_it(pipeline):
    codes = _codes(pipeline, "Israeli Generals Cohen and Levy met the press.")
    assert codes.get("Levy") == "ISRMIL"
    codes = _codes(pipeline, "The French ministers Dupont and Martin visited Berlin.")
    assert codes.get("Martin") == "FRAGOV"


def test_a_name_after_a_singular_title_does_not_take_it(pipeline):
    # only the first name holds the title: "Martin" is someone else
    codes = _codes(pipeline, "The French minister Dupont and Martin visited Berlin.")
    assert codes.get("Martin", "---") == "---"


def test_english_senior_judges(pipeline):
    codes = _codes(pipeline, "The officers asked the Lord Chief Justice and Lord Justices Smith and Jones to quash it.")
    assert codes.get("Lord Chief Justice") == "GBRJUD"
    assert codes.get("Jones") == "GBRJUD"


def test_an_agent_based_somewhere_takes_its_country(pipeline):
    codes = _codes(pipeline, "On Monday a federal judge jailed a doctor based in Dayton, Ohio for ten years.")
    assert codes.get("doctor") == "USAHLH"


def test_a_diplomat_based_abroad_keeps_no_host_country(pipeline):
    codes = _codes(pipeline, "An envoy based in Nairobi said the talks had stalled.")
    assert codes.get("envoy") != "KENGOV"


def test_a_person_set_off_with_where_they_come_from(pipeline):
    codes = _codes(pipeline, "Jane Smithers, from Leeds, was charged on Friday.")
    assert codes.get("Jane Smithers") == "GBR"


def test_a_place_without_the_comma_is_no_origin(pipeline):
    # "the Rhine from France": a route, not where someone comes from
    codes = _codes(pipeline, "Jane Smithers from Leeds was charged on Friday.")
    assert codes.get("Jane Smithers", "---") == "---"


def test_a_capital_naming_a_family_is_no_government(pipeline):
    codes = _codes(pipeline, "Police arrested the alleged boss of the Colombo family.")
    assert "LKAGOV" not in codes.values()
    codes = _codes(pipeline, "The Lima clan controlled the harbour.")
    assert "PER" not in codes.values()
    assert _codes(pipeline, "Colombo rejected the demand.").get("Colombo") == "LKAGOV"


def test_a_post_in_an_organisation_before_a_name(pipeline):
    codes = _codes(pipeline, "IMF boss Maria Kovalenko criticised the plan. Ms Kovalenko later met bankers.")
    assert codes.get("Maria Kovalenko") == "IGOIMF"
    assert codes.get("Ms Kovalenko") == "IGOIMF"  # the later mention too
    codes = _codes(pipeline, "Labour backbencher Peter Oakham attacked the plan.")
    assert codes.get("Peter Oakham") == "GBRPTY"
    codes = _codes(pipeline, "The ministry spoke to the BBC's defence correspondent Tom Reddish.")
    assert codes.get("Tom Reddish") == "GBRMED"


def test_no_affiliation_from_a_former_post_or_a_relation(pipeline):
    assert _codes(pipeline, "Former IMF boss Maria Kovalenko criticised the plan.").get("Maria Kovalenko") == "---"
    assert _codes(pipeline, "Kremlin critic Ivan Petrenko attacked the plan.").get("Ivan Petrenko", "---")[:3] != "RUS"


def test_a_chief_constable_is_police(pipeline):
    assert _codes(pipeline, "The chief constable criticised the council.").get("chief constable") == "---COP"


def test_secretaries_of_state_by_department(pipeline):
    assert _codes(pipeline, "The culture secretary criticised the plan.").get("culture secretary") == "---GOV"
    codes = _codes(pipeline, "The shadow health secretary attacked the health secretary.")
    assert codes.get("shadow health secretary") == "---OPP" and codes.get("health secretary") == "---GOV"
    codes = _codes(pipeline, "The shadow international development secretary attacked the plan.")
    assert codes.get("shadow international development secretary") == "---OPP"


def test_no_affiliation_from_a_town(pipeline):
    # a town before a post names a club or a council as often as a country's person
    assert _codes(pipeline, "Chelsea boss Mario Bianchi met the minister.").get("Mario Bianchi", "---") == "---"


def test_a_commissioner_is_an_office_and_carries_to_the_name_later(pipeline):
    codes = _codes(pipeline, "EU commissioner Anna Kowalczyk visited Tirana on Monday. Kowalczyk praised Serbia.")
    assert codes["EU commissioner Anna Kowalczyk"] == "IGOEEC"
    assert codes["Kowalczyk"] == "IGOEEC"


def test_a_time_of_day_is_not_the_prime_minister(pipeline):
    codes = _codes(pipeline, "The PM left Downing Street at 9 pm on Friday.")
    assert codes.get("PM") == "---GOV"
    assert "pm" not in codes


def test_the_un_high_commissioners_are_the_uns_without_their_acronym(pipeline):
    assert ("IGOUNOHCH", "111", "---CVL") in dyads(
        pipeline, "Mary Smith, the high commissioner for human rights, denounced the attack on civilians.")
    assert dyads(pipeline, "The high commissioner for refugees criticised Greece.")[0][0] == "IGOUNOHCR"


def test_a_former_office_holder_is_an_elite_not_the_office(pipeline):
    assert ("USAELI", "111", "USAGOV") in dyads(
        pipeline, "Robert Roe, a former commissioner of the Chicago police, criticised President Trump.")
    assert ("GBRELI", "111", "GBRPTY") in dyads(pipeline, "Former Labour minister Peter Brand criticised the Tories.")
    assert ("---ELI", "111", "KENGOV") in dyads(pipeline, "Ex-minister John Smith criticised the government of Kenya.")
    # the office-holder himself keeps the office; so does one in office at the time ("the then minister")
    assert ("GBRPTY", "111", "GBRPTY") in dyads(pipeline, "Labour minister Peter Brand criticised the Tories.")
