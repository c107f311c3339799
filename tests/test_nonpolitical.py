"""Acts that are no political events (annales.nonpolitical): trade between companies, private journeys.
Sentences written for these tests."""

from __future__ import annotations

import helpers
import pytest

from annales.records import Article


@pytest.mark.parametrize("text", [
    "A Canadian student travelled to Mali last year.",
    "The Nigerian pupils flew to Ghana for the holidays.",
    "Dozens of Germans have travelled to Yemen in recent years to join militias.",
    "Thousands of Poles visited Lithuania last summer.",
])
def test_a_private_journey_is_no_visit(pipeline, text):
    assert not [d for d in helpers.dyads(pipeline, text) if d[1] in ("042", "043")]


def test_an_official_visit_is_kept(pipeline):
    assert ("CANGOV", "042", "MLI") in helpers.dyads(pipeline, "The Canadian foreign minister travelled to Mali last year.")


@pytest.mark.parametrize("text, people", [("Britons", True), ("hundreds of Americans", True), ("Poles", True),
                                          ("Swiss", False), ("Britain", False), ("German", False)])
def test_a_plural_demonym_names_a_people(text, people):
    from annales.nonpolitical import a_people
    from annales.records import Actor

    assert a_people(Actor(text, 0, len(text), code="XXX", country="XXX")) is people


def test_trade_between_companies_is_no_event(pipeline):
    assert helpers.dyads(pipeline, "Renault held talks with Toyota about a joint factory.") == []


@pytest.mark.parametrize("text", [
    "The Brazilian finance minister said in a speech to business leaders that growth would pick up.",
    "In a statement to parliament, the Irish prime minister said the ban would start in May.",
    "The Greek labour minister said in a letter to the unions that pensions would be paid.",
])
def test_a_plain_statement_to_an_audience_is_no_event(pipeline, text):
    assert not [d for d in helpers.dyads(pipeline, text) if d[1] == "010"]


@pytest.mark.parametrize("text", [
    "The Italian interior minister told France's TF1 channel that the border would stay open.",
    "The Dutch finance minister announced the Budget date on Monday.",
    "The mayor said on Radio Canada's morning programme that the bridge would reopen.",
])
def test_a_plain_statement_to_a_place_or_topic_is_no_event(pipeline, text):  # annales.event_filters.drop_unheard
    assert not [d for d in helpers.dyads(pipeline, text) if d[1] == "010"]


@pytest.mark.parametrize("text", [
    "Putin said in a letter to the Kazakh president that ties were strong.",
    "Japan's prime minister told Modi the two countries should deepen defence ties.",
    "The French foreign minister told his Iranian counterpart that sanctions would follow.",
    "The Kenyan health minister told the president that cholera cases were rising.",
])
def test_a_plain_statement_to_a_hearer_is_no_event(pipeline, text):  # what was said is the news, not the saying
    assert not [d for d in helpers.dyads(pipeline, text) if d[1] == "010"]


def test_political_only_false_keeps_a_plain_statement(pipeline):
    from annales.config import load_settings
    from annales.pipeline import Pipeline

    every = Pipeline(load_settings(coder__political_only=False), nlp=pipeline.nlp)
    assert ("RUSGOV", "010", "KAZGOV") in helpers.dyads(
        every, "Putin said in a letter to the Kazakh president that ties were strong.")


def test_political_only_false_keeps_them(pipeline):
    from annales.config import load_settings
    from annales.pipeline import Pipeline

    every = Pipeline(load_settings(coder__political_only=False), nlp=pipeline.nlp)
    assert every.version != pipeline.version
    assert helpers.dyads(every, "Renault held talks with Toyota about a joint factory.")


@pytest.mark.parametrize("text", [
    "Firms from Japan and Korea have large investments in Chile's copper mines.",
    "The carmaker invested heavily in Poland last year.",
])
def test_a_company_investment_is_trade(pipeline, text):
    assert not [d for d in helpers.dyads(pipeline, text) if d[1].startswith("06")]


def test_a_state_investment_is_kept(pipeline):
    assert [d for d in helpers.dyads(pipeline, "China invested heavily in Kenya last year.") if d[1].startswith("06")]


def test_a_company_lawsuit_against_no_one_named_is_trade(pipeline):
    assert not [d for d in helpers.dyads(pipeline, "The software firm sued a former employee over leaked designs.")
                if d[1].startswith("11")]


@pytest.mark.parametrize("text", [
    "The French government sued the oil company over the spill.",
    "The European Commission fined the software firm for abusing its market position.",
])
def test_a_government_act_on_a_company_is_kept(pipeline, text):
    assert [d for d in helpers.dyads(pipeline, text) if d[0].endswith("GOV") or d[0].startswith("IGO")]


@pytest.mark.parametrize("text", [
    "The bank pulled out of the tycoon's bid team.",
    "The newspaper said it would oppose the takeover bid from the tycoon.",
])
def test_a_tycoon_deal_with_a_firm_or_the_press_is_trade(pipeline, text):
    assert helpers.dyads(pipeline, text) == []


@pytest.mark.parametrize("text, actor", [
    ("The Indian firm Bharti has allied itself with Kenya Telecom Holdings.", "Kenya Telecom Holdings"),
    ("Tom Reed, vice president of Nordic Securities, criticised the finance ministry.", "Tom Reed"),
    ("Maria Lopez, president of Andes Pharmaceuticals, met the Chilean president.", "Maria Lopez"),
])
def test_a_company_name_or_its_officer_is_business(pipeline, text, actor):
    from annales.config import load_settings
    from annales.pipeline import Pipeline

    every = Pipeline(load_settings(coder__political_only=False), nlp=pipeline.nlp)
    sides = [a for e in every(Article(id="t", text=text)).events for a in (e.source, e.target) if a is not None]
    assert [a.sector for a in sides if actor in a.text] and all(a.sector == "BUS" for a in sides if actor in a.text)


@pytest.mark.parametrize("text", [
    "The Greek prime minister posted a message on Twitter blaming Turkey for the fires.",
    "The German chancellor sent her condolences via Twitter.",
    "Researchers found Facebook posts announcing the deaths of Syrian soldiers.",
])
def test_a_social_network_as_a_channel_is_no_actor(pipeline, text):
    assert [d for d in helpers.dyads(pipeline, text) if "USABUS" in d] == []


@pytest.mark.parametrize("text, expected", [
    ("The Turkish government blocked Twitter on Friday.", ("TURGOV", "120", "USABUS")),
    ("Twitter suspended the account of the Venezuelan president.", ("USABUS", "160", "VENGOV")),
])
def test_a_social_network_that_acts_or_is_acted_on_is_kept(pipeline, text, expected):
    assert expected in helpers.dyads(pipeline, text)


def test_a_volume_of_trade_is_no_event(pipeline):  # no noun trigger "trade with *" (data/nouns.tsv)
    assert helpers.dyads(pipeline, "Germany's trade with Poland rose 6% last year, the statistics office said.") == []


def test_a_trade_agreement_and_a_pledge_to_expand_trade_are_kept(pipeline):
    assert ("DEU", "057", "POL") in helpers.dyads(pipeline, "Germany signed a trade agreement with Poland.")
    assert ("JPN", "0311", "VNM") in helpers.dyads(pipeline, "Japan agreed to expand trade with Vietnam.")


@pytest.mark.parametrize("text", [
    "The Australian opposition leader launched an attack on the government's health record.",
    "The Tory leader Michael Howard launched an attack on the running costs of Britain's asylum system.",  # GBRPTY
])
def test_the_opposition_attacking_its_own_government_or_country_speaks_figuratively(pipeline, text):
    assert not [d for d in helpers.dyads(pipeline, text) if d[1][:2] in ("18", "19", "20")]


def test_an_opposition_attack_on_troops_is_kept(pipeline):
    text = "The Venezuelan opposition attacked Venezuelan troops in Caracas."
    assert ("VENOPP", "190", "VENMIL") in helpers.dyads(pipeline, text)


@pytest.mark.parametrize("text", [
    "The Kenyan interior minister told The Nairobi Post that the border would reopen.",
    "A Pentagon spokeswoman told the Military Times that two drones were lost.",
    "The Texas senator told the Dallas Examiner that he backed the bill.",
    "The Turkish president told Turkish reporters that the fighters had dug trenches.",
    "The Scottish minister told the House of Commons that the scheme would be extended.",
])
def test_a_statement_to_an_outlet_reporters_or_parliament_is_no_event(pipeline, text):
    assert not [d for d in helpers.dyads(pipeline, text) if d[1] == "010"]


@pytest.mark.parametrize("text, actor, code", [
    ("The Nairobi Post accused the Kenyan interior minister of lying.", "Nairobi Post", "KENMED"),
    ("The Times of Malta accused the Maltese prime minister of lying.", "Malta", "MLTMED"),
    ("The House of Lords condemned the Zambian government over the arrests.", "House of Lords", "GBRLEG"),
])
def test_an_outlet_named_after_a_place_is_media_and_a_house_of_parliament_a_legislature(pipeline, text, actor, code):
    sides = [a for e in pipeline(Article(id="t", text=text)).events for a in (e.source, e.target) if a is not None]
    assert [a.code for a in sides if actor in a.text] == [code]


@pytest.mark.parametrize("text, expected", [
    # being attractive to a market or an electorate is no request
    ("The cheaper model will help the Korean firm appeal to the mass of consumers.", []),
    ("The Peruvian candidate appealed to voters in the south.", []),
    # an appeal for something is one
    ("The Peruvian president appealed to Chile for food aid.", [("PERGOV", "0233", "CHL")]),
])
def test_appealing_to_a_market_is_no_appeal(pipeline, text, expected):
    assert helpers.dyads(pipeline, text) == expected


def test_a_company_withholding_comment_is_business(pipeline):
    text = "The Korean carmaker Hyundai Motors declined to comment on the report."
    assert not [d for d in helpers.dyads(pipeline, text) if d[1][:2] == "01"]


def test_a_minister_declining_to_comment_is_kept(pipeline):
    assert ("CHLGOV", "011", None) in helpers.dyads(pipeline, "The Chilean foreign minister declined to comment.")


BUSINESS = ("The brewer's profits rose by a fifth and its sales grew in every market, the company told shareholders. "
            "Investors cheered, and its share price climbed. {}")


@pytest.mark.parametrize("sentence", [
    "Mr Vandermeer, the chief executive, declined to comment on the Nordvik bid.",
    "A Dutch woman is suing Brouwerij Kees over the labels on its bottles.",
    "Environmental groups criticised the takeover plan.",
])
def test_private_acts_in_a_business_article_are_trade(pipeline, sentence):
    # annales.nonpolitical.business_prose: the business genre of data/genres.tsv
    coded = pipeline(Article(id="b", text=BUSINESS.format(sentence)))
    assert coded.genre == "business" and coded.events == []


@pytest.mark.parametrize("sentence, dyad", [
    ("The Dutch finance minister criticised the brewer's pricing.", ("NLDGOV", "111", None)),
    ("Belgium and the Netherlands signed a trade agreement on Monday.", ("BEL", "057", "NLD")),
])
def test_public_acts_in_a_business_article_are_kept(pipeline, sentence, dyad):
    assert dyad in helpers.dyads(pipeline, BUSINESS.format(sentence))


def test_a_private_act_outside_business_prose_is_kept(pipeline):
    assert helpers.dyads(pipeline, "Environmental groups criticised the takeover plan.")
