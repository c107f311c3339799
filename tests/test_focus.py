"""An article's focus country for its domestic roles (annales.focus)."""

from __future__ import annotations

import copy
from datetime import date

from helpers import rule_events

from annales.focus import focus_country, localise
from annales.pipeline import Pipeline
from annales.records import Actor, Article, Event, Mention, Trigger

BRITISH = ("Britain's economy grew faster than expected, figures from the UK statistics office showed. "
           "British exporters and Britain's retailers both gained, and British banks lent more. "
           "Analysts in London expected Britain to keep growing. "
           "The prime minister met union leaders on Monday.")


def _mention(country: str | None) -> Mention:
    return Mention("a", 0, Actor("x", 0, 1, code=country, country=country))


def test_focus_country_needs_a_clear_majority_and_enough_mentions():
    assert focus_country([_mention("GBR")] * 5) == "GBR"
    assert focus_country([_mention("GBR")] * 4) is None  # too few
    assert focus_country([_mention("GBR")] * 8 + [_mention("FRA")] * 3) is None  # 8/11 < 0.8
    assert focus_country([_mention("GBR")] * 8 + [_mention("FRA")] * 2 + [_mention(None)] * 9) == "GBR"
    assert focus_country([]) is None


def test_domestic_roles_take_the_articles_country(pipeline):
    events = rule_events(pipeline, BRITISH)
    assert ("GBRGOV", "040", "GBRLAB") in events
    assert ("---GOV", "040", "---LAB") not in events


def test_an_article_about_two_countries_gives_none(pipeline):
    text = ("France and Germany argued over the budget. French ministers and German ministers met in Paris "
            "and Berlin. France blamed Germany. The prime minister met union leaders on Monday.")
    assert ("---GOV", "040", "---LAB") in rule_events(pipeline, text)


def test_roles_marked_foreign_and_armed_groups_keep_no_country(pipeline):
    text = BRITISH.replace("The prime minister met union leaders on Monday.",
                           "A western diplomat praised the rebels on Monday.")
    events = rule_events(pipeline, text)
    assert events and all(not (s or "").startswith("GBR") and not (t or "").startswith("GBR") for s, _, t in events)


def test_the_setting_turns_it_off(pipeline):
    settings = copy.deepcopy(pipeline.settings)
    settings["focus"] = {**settings.get("focus", {}), "enabled": False}
    off = Pipeline(settings, nlp=pipeline.nlp)
    assert ("---GOV", "040", "---LAB") in rule_events(off, BRITISH)
    assert off.version != pipeline.version  # stores re-code when it changes


def test_localise_recomputes_ids_and_leaves_named_actors_alone():
    def event(source: Actor, target: Actor) -> Event:
        return Event("old", "a", 3, "The firm met the minister.", source, target, "040", "04", "CONSULT", None, 1,
                     1.0, None, None, True, Trigger("met", 9, 12))

    minister, firm = Actor("minister", 17, 25, "---GOV", None, "GOV"), Actor("Acme", 0, 4, "---BUS", None, "BUS", "Acme")
    ev = event(firm, minister)
    assert localise([ev], [_mention("KEN")] * 6, "hash") == 1
    assert (ev.source.code, ev.target.code, ev.target.country) == ("---BUS", "KENGOV", "KEN")
    assert ev.event_id != "old" and len(ev.event_id) == 16


def test_street_level_roles_take_the_country_where_their_event_happened(pipeline):
    """focus.localise, placed_sectors: protesters or police with no country, in an event its own sentence places,
    are of that place's country, with no focus country needed; a government is not."""
    text = ("Russia and Georgia traded accusations on Friday. Hundreds of protesters rallied outside the Russian "
            "embassy in Tbilisi on Saturday. Moscow protested to Georgia.")
    events = rule_events(pipeline, text)
    assert any(s == "GEOCVL" and code.startswith("14") for s, code, _ in events)
    settings = copy.deepcopy(pipeline.settings)
    settings["focus"] = {**settings.get("focus", {}), "placed_sectors": []}
    off = Pipeline(settings, nlp=pipeline.nlp)
    assert any(s == "---CVL" and code.startswith("14") for s, code, _ in rule_events(off, text))


def test_a_placed_street_level_mention_keeps_its_country_in_its_sentences_other_events(pipeline):
    """The accusers of "protesters rallied in Tbilisi, accusing Moscow" are the protesters placed by the rally,
    though the accusation has no place of its own."""
    text = ("Russia and Georgia traded accusations on Friday. Hundreds of protesters rallied outside the Russian "
            "embassy in Tbilisi on Saturday, accusing Moscow of meddling.")
    events = rule_events(pipeline, text)
    assert any(s == "GEOCVL" and code.startswith("14") for s, code, _ in events)
    assert any(s == "GEOCVL" and code.startswith("11") for s, code, _ in events)



def _said(sentence: str, role: str) -> Event:
    """An event of sentence 9 whose source is ``role`` (no country) criticising a union."""
    start = sentence.index(role)
    source = Actor(role, start, start + len(role), "---GOV", None, "GOV")
    union = Actor("the union", len(sentence) - 10, len(sentence) - 1, "---LAB", None, "LAB")
    return Event("old", "a", 9, sentence, source, union, "111", "11", "DISAPPROVE", None, 1, 1.0, None, None, True,
                 Trigger("criticised", 0, 1))


def _named(index: int, text: str, country: str) -> Mention:
    return Mention("a", index, Actor(text, 0, len(text), country + "GOV", country, "GOV"))


# an article about two countries (no focus): the Peruvian government is named in sentence 2, the Chilean in 0
EARLIER = [_named(0, "Chilean ministers", "CHL"), _named(2, "the Peruvian government", "PER"),
           _named(3, "Chile", "CHL"), _named(4, "Peru", "PER")]


def test_a_role_takes_the_country_of_its_earlier_mention():
    ev = _said("Later the government criticised the union.", "government")
    localise([ev], EARLIER, "hash")
    assert ev.source.code == "PERGOV" and ev.target.code == "---LAB"  # the union was never named with a country
    off = _said("Later the government criticised the union.", "government")
    localise([off], EARLIER, "hash", {"focus": {"antecedents": False}})
    assert off.source.code == "---GOV"
    ministers = _said("The ministers criticised the union.", "ministers")
    localise([ministers], EARLIER, "hash")
    assert ministers.source.code == "CHLGOV"  # a plural for its earlier plural


def _person(index: int, name: str, country: str) -> Mention:
    return Mention("a", index, Actor(name, 0, len(name), country + "GOV", country, "GOV", name))


# an article about two countries whose leaders are named without their titles
LEADERS = [_person(1, "Tony Blair", "GBR"), _person(2, "George W. Bush", "USA"), _person(3, "Gondor", "GND")]


def test_a_title_takes_the_country_of_the_last_holder_of_that_office_named():
    for sentence, role, code in (("The prime minister criticised the union.", "prime minister", "GBRGOV"),
                                 ("Later the president criticised the union.", "president", "USAGOV")):
        ev = _said(sentence, role)
        localise([ev], LEADERS, "hash")
        assert ev.source.code == code, sentence
        off = _said(sentence, role)
        localise([off], LEADERS, "hash", {"focus": {"office_holders": False}})
        assert off.source.code == "---GOV"
    for sentence, role in (("The foreign minister criticised the union.", "foreign minister"),  # no holder named
                           ("Gondor said its president criticised the union.", "president"),
                           ('A spokesman said: "the prime minister criticised the union."', "prime minister")):
        ev = _said(sentence, role)
        localise([ev], LEADERS, "hash")
        assert ev.source.code == "---GOV", sentence
    early = _said("The prime minister criticised the union.", "prime minister")
    early.sentence_index = 0  # named before the holder is
    localise([early], LEADERS, "hash")
    assert early.source.code == "---GOV"


def test_the_foreign_secretary_is_the_articles_own(pipeline):
    text = BRITISH.replace("The prime minister met", "The foreign secretary met")
    assert ("GBRGOV", "040", "GBRLAB") in rule_events(pipeline, text)
    text = BRITISH.replace("The prime minister met", "Foreign diplomats met")
    assert not any(s == "GBRGOV" for s, _, _ in rule_events(pipeline, text))


def test_a_title_after_an_office_holder_in_a_whole_article(pipeline):
    text = ("Tony Blair and George Bush met in Washington on Friday to discuss trade with Mexico and Canada. "
            "The prime minister later criticised the unions.")
    assert ("GBRGOV", "111", "---LAB") in rule_events(pipeline, text, date(2004, 11, 12))


def test_no_antecedent_for_a_possessed_or_quoted_role():
    for sentence in ("Chile said its government criticised the union.",
                     'A spokesman said: "the government criticised the union."'):
        ev = _said(sentence, "government")
        localise([ev], EARLIER, "hash")
        assert ev.source.code == "---GOV", sentence


def test_a_shadow_minister_is_the_opposition_not_the_government(pipeline):
    text = BRITISH.replace("The prime minister met union leaders on Monday.",
                           "The shadow chancellor accused the prime minister of hiding the figures.")
    events = rule_events(pipeline, text)
    assert ("GBROPP", "112", "GBRGOV") in events
    assert not any(s == "GBRGOV" and t == "GBRGOV" for s, _, t in events)


def test_regional_officials_are_the_regions_own_but_regional_leaders_are_neighbours():
    for role, code in (("regional officials", "ESPGOV"), ("the regional government", "ESPGOV"),
                       ("regional leaders", "---GOV")):
        ev = _said(f"On Monday {role} criticised the union.", role)
        localise([ev], [_named(k, "Spain", "ESP") for k in range(6)], "hash")
        assert ev.source.code == code, role
    ev = _said("On Monday regional officials criticised the union.", "officials")  # the span without its adjective
    localise([ev], [_named(k, "Spain", "ESP") for k in range(6)], "hash")
    assert ev.source.code == "ESPGOV"


def test_seven_in_ten_mentions_make_a_focus_and_an_organisation_keeps_its_code():
    mentions = [_named(k, "Britain", "GBR") for k in range(7)] + [_named(k, "France", "FRA") for k in range(3)]
    ev = _said("On Monday the minister criticised the union.", "minister")
    localise([ev], mentions, "hash")
    assert (ev.source.code, ev.target.code) == ("GBRGOV", "GBRLAB")
    envoy = _said("On Monday the envoy criticised the union.", "envoy")
    envoy.source = Actor("the UN", envoy.source.start, envoy.source.end, "IGOUNO", None, "GOV", "United Nations")
    localise([envoy], mentions[:7], "hash")
    assert envoy.source.code == "IGOUNO"


HOME_ONLY = "The chancellor criticised MPs on Monday. The prime minister met union leaders."


def _coded(pipeline, text: str, source: str | None) -> list[tuple]:
    events = pipeline(Article(id="t", text=text, source=source, published=date(2005, 3, 1))).events
    return [(e.source.code, e.cameo, e.target.code if e.target else None) for e in events]


def test_an_article_naming_no_country_takes_its_outlets(pipeline):
    assert ("GBRGOV", "111", "GBRLEG") in _coded(pipeline, HOME_ONLY, "BBC News")
    assert ("GBRGOV", "111", "GBRLEG") in _coded(pipeline, HOME_ONLY, "Guardian")
    # outlets that report the world, not a home country (the knowledge base gives them one)
    assert ("---GOV", "111", "---LEG") in _coded(pipeline, HOME_ONLY, "Wikinews")
    assert ("---GOV", "111", "---LEG") in _coded(pipeline, HOME_ONLY, "Reuters")
    assert ("---GOV", "111", "---LEG") in _coded(pipeline, HOME_ONLY, "Daily Planet")  # no outlet the knowledge base knows
    assert ("---GOV", "111", "---LEG") in _coded(pipeline, HOME_ONLY, None)


def test_no_home_country_where_the_article_names_another(pipeline):
    text = "Kenyan officials met bankers on Sunday. The chancellor criticised MPs on Monday."
    assert ("GBRGOV", "111", "GBRLEG") not in _coded(pipeline, text, "BBC News")
    settings = copy.deepcopy(pipeline.settings)
    settings["focus"] = {**settings.get("focus", {}), "outlet_home": False}
    off = Pipeline(settings, nlp=pipeline.nlp)
    assert ("---GOV", "111", "---LEG") in _coded(off, HOME_ONLY, "BBC News")


def test_the_outlets_home_is_not_given_to_firms_or_courts(pipeline):
    text = "Airlines criticised the rules on Monday. Prosecutors met the government."
    coded = _coded(pipeline, text, "BBC News")
    assert ("---BUS", "111", None) in coded and ("---JUD", "040", "GBRGOV") in coded


EU_BUDGET = ("EU finance ministers met in Luxembourg on Monday to argue over the budget. "
             "The Commission also criticised Italy over its deficit.")


def test_the_commission_in_an_article_on_the_eu_is_the_eus(pipeline):
    assert ("IGOEEC", "111", "ITA") in rule_events(pipeline, EU_BUDGET)
    settings = copy.deepcopy(pipeline.settings)
    settings["focus"] = {**settings.get("focus", {}), "short_names": False}
    off = Pipeline(settings, nlp=pipeline.nlp)
    assert ("IGOEEC", "111", "ITA") not in rule_events(off, EU_BUDGET)


def test_no_eu_commission_where_the_article_names_another_or_not_the_eu(pipeline):
    other = ("EU finance ministers met in Luxembourg on Monday. The Electoral Commission criticised the Labour "
             "party over its donations. The Commission also criticised the Tories.")
    assert not any("IGOEEC" in (s, t) for s, _, t in rule_events(pipeline, other))
    alone = "The Commission also criticised the Tories over their donations."
    assert not any("IGOEEC" in (s, t) for s, _, t in rule_events(pipeline, alone))


def test_the_pm_is_a_title_but_not_a_time_of_day(pipeline):
    text = ("Tony Blair spoke in London on Monday. The PM criticised the unions. "
            "Police arrested the protesters at 5 pm on Tuesday.")
    events = rule_events(pipeline, text)
    assert ("GBRGOV", "111", "---LAB") in events
    assert not any(t and t.endswith("GOV") for s, c, t in events if c == "173")


def test_brussels_is_the_eu_in_an_article_on_the_eu_but_belgiums_in_a_belgian_story(pipeline):
    eu = "EU leaders met on Monday to argue over the budget. Brussels warned London over its rebate."
    assert ("IGOEEC", "130", "GBRGOV") in rule_events(pipeline, eu)
    belgian = ("EU leaders met on Monday to argue over the budget. Belgian police arrested two men in Antwerp. "
               "Brussels warned Paris over the arrests.")
    assert ("BELGOV", "130", "FRAGOV") in rule_events(pipeline, belgian)


def _armed(sentence: str, role: str, sector: str) -> Event:
    """An event of sentence 9 whose source is ``role`` (no country, ``sector``) attacking the union."""
    ev = _said(sentence, role)
    ev.source = Actor(role, ev.source.start, ev.source.end, "---" + sector, None, sector)
    return ev


# an article about two countries: the Peruvian government named in sentence 2, the Chilean regime in sentence 5
REGIMES = EARLIER + [_named(5, "the Chilean regime", "CHL"), _named(6, "Peruvian rebels", "PER")]


def test_a_regime_or_its_forces_take_the_country_of_the_government_named_earlier():
    regime = _said("Later the regime criticised the union.", "regime")
    localise([regime], REGIMES, "hash")
    assert regime.source.code == "CHLGOV"  # no earlier "regime" of its own role: the last government or regime
    forces = _armed("Government forces attacked the union.", "Government forces", "MIL")
    localise([forces], EARLIER, "hash")
    assert forces.source.code == "PERMIL"
    off = _armed("Government forces attacked the union.", "Government forces", "MIL")
    localise([off], EARLIER, "hash", {"focus": {"regimes": False}})
    assert off.source.code == "---MIL"


def test_other_armed_roles_take_no_country_from_the_article():
    rebels = _armed("The rebels attacked the union.", "rebels", "REB")
    localise([rebels], REGIMES, "hash")
    assert rebels.source.code == "---REB"  # armed groups: their side is not the article's to decide
    mine = _armed("Our government forces attacked the union.", "government forces", "MIL")
    mine.sentence = "Our government forces attacked the union."
    localise([mine], EARLIER, "hash")
    assert mine.source.code == "---MIL"


def test_rebels_and_government_forces_take_the_country_where_they_fought(pipeline):
    """placed_sectors and placed_government_sectors: rebels, and armed forces a government names, in an event its
    own sentence places, are that place's; bare troops are not (they are as often an invader's)."""
    assert ("BOLMIL", "190", "BOLREB") in rule_events(pipeline, "Government troops killed nine rebels in "
                                                                "eastern Bolivia.")
    assert ("BOLREB", "190", "BOLMIL") in rule_events(pipeline, "Rebels ambushed government forces in "
                                                                "eastern Bolivia.")
    found = rule_events(pipeline, "The army invaded a border district of Bolivia.")
    assert found and all(s == "---MIL" for s, _, _ in found)
    settings = copy.deepcopy(pipeline.settings)
    settings["focus"] = {**settings.get("focus", {}), "placed_sectors": ["CVL", "OPP", "COP"],
                         "placed_government_sectors": []}
    off = Pipeline(settings, nlp=pipeline.nlp)
    assert ("---MIL", "190", "---REB") in rule_events(off, "Government troops killed nine rebels in eastern Bolivia.")
