"""Names, titles and lists in actor phrases (annales.actors, annales.actor_roles, annales.kb): seats inside
longer names, another country's name before a seat, typeset apostrophes, a name in apposition to a bare
title, titled people listed together, and the generic agents added for round 7. The sentences are the
team's own."""

from __future__ import annotations

from annales.kb import Entry, KnowledgeBase
from annales.records import Article

from helpers import actor_codes as _codes


def test_a_capital_inside_a_longer_name_is_no_government(pipeline):
    codes = _codes(pipeline, "The Tokyo Stock Exchange suspended trading on Monday.")
    assert codes.get("Tokyo Stock Exchange") == "JPNBUS"
    codes = _codes(pipeline, "The White House Correspondents' Association protested the new seating rules.")
    assert codes.get("White House Correspondents' Association") == "USA"
    # a name whose other words are known, or the seat itself, keeps the government
    assert _codes(pipeline, "The Islamabad High Court summoned the minister.").get("Islamabad High Court") == "PAKJUD"
    assert _codes(pipeline, "The White House criticised the verdict.").get("White House") == "USAGOV"


def test_another_countrys_name_before_a_seat_wins(pipeline):
    assert _codes(pipeline, "The German Foreign Office summoned the envoy.").get("German Foreign Office") == "DEUGOV"
    assert _codes(pipeline, "Pakistan's Foreign Office summoned the envoy.").get("Pakistan's Foreign Office") == "PAKGOV"
    assert _codes(pipeline, "The Foreign Office summoned the envoy.").get("Foreign Office") == "GBRGOV"
    assert _codes(pipeline, "The Federal Foreign Office pledged more aid.").get("Federal Foreign Office") == "DEUGOV"


def test_typeset_apostrophes_match_as_straight_ones():
    kb = KnowledgeBase()
    kb.add("People's Front", Entry("org", "People's Front", code="XYZREB"))
    assert kb.terms["People\u2019s Front"] == kb.terms["People's Front"]


def test_a_name_with_a_typeset_apostrophe_is_found(pipeline):
    codes = _codes(pipeline, "The Sudan People\u2019s Liberation Movement-in-Opposition accused the army of shelling.")
    assert "SSDREB" in codes.values()


def test_a_name_in_apposition_to_a_bare_title_is_that_office_holder(pipeline):
    codes = _codes(pipeline, "The current President Nicolas Maduro rejected the offer.")
    assert codes.get("President Nicolas Maduro") == "VENGOV"
    codes = _codes(pipeline, "The president, Nicolas Maduro, rejected the offer.")
    assert "VENGOV" in codes.values() and "---GOV" not in codes.values()


def test_titled_people_listed_together_share_their_country(pipeline):
    codes = _codes(pipeline, "Kenyan President William Ruto and Trade Minister Ann Wanjiru toured the new port.")
    # one flat noun phrase in the parse, two people
    assert codes.get("Kenyan President William Ruto") == "KENGOV"
    assert codes.get("Trade Minister Ann Wanjiru") == "KENGOV"
    # a second head of state is usually another state's
    codes = _codes(pipeline, "Kenyan President William Ruto and President Amara Dossou toured the new port.")
    assert codes.get("President Amara Dossou") == "---GOV"


def test_generic_agents_added_in_round_seven(pipeline):
    assert _codes(pipeline, "Palestinian Christian leaders condemned the plan.").get("Palestinian Christian leaders") == "PSEREL"
    assert _codes(pipeline, "The Ghana Trades Union Congress called a strike.").get("Ghana Trades Union Congress") == "GHALAB"
    assert "---LAB" in _codes(pipeline, "Striking truck drivers blocked the motorway.").values()
    assert _codes(pipeline, "The county commission sued the mining firm.").get("county commission") == "---GOV"
    assert _codes(pipeline, "The U.S. Attorney's Office charged two men.").get("U.S. Attorney's Office") == "USAJUD"


def test_an_attacked_base_is_the_force_it_houses(pipeline):
    doc = pipeline.nlp("Rebels shelled the Zarqa air base overnight.")
    codes = {doc[p.start:p.end].text: p.code for p in pipeline.finder(doc).phrases}
    assert any(text.endswith("air base") and code.endswith("MIL") for text, code in codes.items())


def test_a_plural_bare_title_names_the_group_given_it_before(pipeline):
    """actor_context.carried_titles: "the ministers" after "Foreign ministers of the G20" is that group (a
    "foreign minister" is a "minister"); a plural title takes no single office-holder."""
    codes = _codes(pipeline, "Foreign ministers of the G20 met in Rome on Monday. The ministers urged Iran to "
                             "free the sailors.")
    assert codes.get("ministers") == "IGOGTW"
    codes = _codes(pipeline, "Spanish Foreign Minister Jose Albares met his Moroccan counterpart. The two "
                             "ministers signed a water deal.")
    assert codes.get("ministers") == "---GOV"  # the two of them, not Spain's alone


def test_a_bare_conjoined_agent_shares_its_partners_country(pipeline):
    """actors._share_country, in the default coder too: "Kenyan officials and media" are both Kenyan; a conjunct
    with a country of its own keeps it."""
    codes = _codes(pipeline, "Uganda protested against a smear campaign by Kenyan officials and media.")
    assert codes.get("media") == "KENMED"
    codes = _codes(pipeline, "Israeli soldiers and Palestinians clashed in Hebron.")
    assert codes.get("Palestinians") == "PSE"


def test_allies_sharing_a_country_by_conjunction_are_no_two_parties(pipeline):
    """relations: "Kenyan generals and spies turned ..." - the learned fallback links no fight between them."""
    events = pipeline(Article(id="t", text="As the insurgency faded, Kenyan generals and spies gradually turned "
                                           "their attention to the coast.")).events
    assert not any(e.target is not None and e.source.country == e.target.country == "KEN" for e in events)


def test_a_group_carried_to_a_sentence_set_abroad_is_still_the_group(pipeline):
    """carried_titles: "talks in Ottawa" sets a sentence in Canada, which keeps a state's bare title from being
    carried into it ("the president"), but not an organisation's: the G20's ministers meet anywhere."""
    codes = _codes(pipeline, "Foreign ministers of the G20 condemned the coup on Monday. In a statement issued after "
                             "talks in Ottawa, the ministers urged the junta to free the president.")
    assert codes.get("ministers") == "IGOGTW"
