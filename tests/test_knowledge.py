"""The knowledge files: well-formed, consistent with each other, and loaded as documented."""

from __future__ import annotations

import re
from datetime import date

import pytest

from annales import ontology
from annales._data import data_path, read_tsv, split_list
from annales.errors import ConfigError
from annales.kb import KnowledgeBase, on_date
from annales.lexicon import Lexicon, parse_pattern
from annales.records import Article

ROOTS = [f"{i:02d}" for i in range(1, 21)]


def test_every_cameo_code_is_well_formed():
    codes = ontology.codes()
    assert len(codes) > 250
    for code, c in codes.items():
        assert re.fullmatch(r"\d{3,4}", code)
        assert -10 <= c.goldstein <= 10
        root = int(code[:2])
        expected_quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert c.quad_class == expected_quad, code
    assert {c[:2] for c in codes} == set(ROOTS)


def test_lookup_falls_back_to_the_parent_code():
    assert ontology.lookup("1384").code in ("1384", "138")
    unknown = ontology.lookup("987")  # a user dictionary's own code
    assert (unknown.code, unknown.quad_class, unknown.plover, unknown.goldstein) == ("987", 0, None, 0.0)
    assert ontology.lookup("2125").quad_class == 0  # "21" is no CAMEO root
    assert ontology.lookup("1999").quad_class == 4  # an unknown sub-code of root 19
    with pytest.raises(ConfigError):
        ontology.lookup("x1")


@pytest.mark.parametrize("code, intended", [("042", "036"), ("040", "036"), ("163", "1312"), ("190", "138"),
                                            ("0331", "033"), ("036", "036"), ("138", "138")])
def test_recode_intended(code, intended):
    assert ontology.recode_intended(code).startswith(intended[:3])


def test_lexicon_covers_every_root_with_valid_codes():
    lex = Lexicon.from_files()
    codes = ontology.codes()
    roots = set()
    for table in (lex.verbs, lex.nouns):
        for patterns in table.values():
            for p in patterns:
                # a row may code only the target's act (":190 come under fire from *": the target fires)
                assert (p.code or p.reverse) in codes and (p.reverse is None or p.reverse in codes), p
                roots.add((p.code or p.reverse)[:2])
    assert roots == set(ROOTS)


@pytest.mark.parametrize("text, kind, trigger, words, target", [
    ("meet with *", "verb", "meet", ("with",), "with"),
    ("visit *", "verb", "visit", (), "dobj"),
    ("threaten * with sanction", "verb", "threaten", ("with", "sanction"), "dobj"),
    ("impose sanction on *", "verb", "impose", ("sanction", "on"), "on"),
    ("back down", "verb", "back", ("down",), "dobj"),
    ("air strike on *", "noun", "strike", ("air", "on"), "on"),
    ("expulsion of diplomat", "noun", "expulsion", ("of", "diplomat"), "of"),
    ("ceasefire", "noun", "ceasefire", (), None),
])
def test_parse_pattern(text, kind, trigger, words, target):
    p = parse_pattern("010", text, kind)
    assert (p.trigger, p.words, p.target) == (trigger, words, target)


def test_country_codes_are_iso3_and_seats_point_at_countries():
    isos = {row["iso3"] for _, row in read_tsv(data_path("countries.tsv"))}
    assert len(isos) > 190
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in isos)
    for _, row in read_tsv(data_path("seats.tsv")):
        assert row["iso3"] in isos, row
    for _, row in read_tsv(data_path("agents.tsv")):
        assert re.fullmatch(r"[A-Z]{3}", row["sector"])
        assert all(t == t.lower() for t in split_list(row["terms"]))


@pytest.mark.parametrize("term, country, sector", [
    ("Italian", "ITA", None), ("Russians", "RUS", None), ("U.S.", "USA", None), ("Britain", "GBR", None),
    ("Kremlin", "RUS", "GOV"), ("White House", "USA", "GOV"), ("Downing Street", "GBR", "GOV"),
    ("Pentagon", "USA", "MIL"), ("foreign minister", None, "GOV"), ("warships", None, "MIL"),
    ("police", None, "COP"), ("rebels", None, "REB"), ("governor-general", None, "GOV"),
    ("house speaker", None, "LEG"), ("Yoruba", "NGA", None), ("Igbo", "NGA", None),
    ("business leaders", None, "BUS"), ("traditional elders", None, "ELI"),
])
def test_kb_entries(term, country, sector):
    [entry, *_] = KnowledgeBase.default().terms[term]
    assert (entry.country, entry.sector) == (country, sector)


@pytest.mark.parametrize("term, code", [("United Nations", "IGOUNO"), ("NATO", "IGONAT"), ("G7", "IGOGOS"),
                                        ("IAEA", "IGOUNOIAE"), ("USAID", "USAGOV"), ("ICE", "USACOP"),
                                        ("ONLF", "ETHREB"), ("OAU", "IGOAFU"), ("UNDOF", "IGOUNOPKO"),
                                        ("Gazprom", "RUSBUS"), ("PDVSA", "VENBUS"), ("Yukos", "RUSBUS"),
                                        ("Boeing", "USABUS"), ("Huawei", "CHNBUS"), ("SEC", "USAGOV"),
                                        ("Bank of England", "GBRGOV"), ("Fed", "USAGOV")])
def test_organisations(term, code):
    assert KnowledgeBase.default().terms[term][0].code == code


def test_a_known_company_gives_its_country_to_what_it_does(pipeline):
    events = pipeline(Article(id="t", text="Boeing accused the Kenyan government of breaking the contract.")).events
    assert [(e.source.code, e.target.code) for e in events] == [("USABUS", "KENGOV")]


def test_bad_data_file_names_file_and_line(tmp_path):
    bad = tmp_path / "verbs.tsv"
    bad.write_text("code\tpattern\tnote\n042\tvisit *\t\n042\tvisit\tx\ty\n")
    with pytest.raises(ConfigError, match=r"verbs.tsv: line 3: 4 columns"):
        Lexicon.from_files(bad, data_path("nouns.tsv"))


def test_equally_specific_patterns_prefer_the_one_requiring_more_words():
    # "withdrew from the talks" is a walk-out (164), not a military withdrawal "from *" (0874),
    # whichever of the two rows comes first
    general, talks = parse_pattern("0874", "withdraw from *", "verb"), parse_pattern("164", "withdraw from talk", "verb")
    assert general.specificity == talks.specificity
    for rows in ([general, talks], [talks, general]):
        assert [p.code for p in Lexicon(rows, []).verbs["withdraw"]] == ["164", "0874"]


def test_leaders_file_is_well_formed():

    countries = {row["iso3"] for _, row in read_tsv(data_path("countries.tsv"))}
    orgs = {row["code"] for _, row in read_tsv(data_path("organisations.tsv"))}
    for _, row in read_tsv(data_path("leaders.tsv")):
        assert row["iso3"] in countries or row["iso3"] in orgs, row
        assert row["sector"] in ("", "GOV", "MIL", "OPP", "REB", "REL", "LEG", "SPY"), row
        start = date.fromisoformat(row["start"]) if row["start"] else None
        end = date.fromisoformat(row["end"]) if row["end"] else None
        assert not (start and end) or start < end, row
        assert row["name"] not in split_list(row.get("aliases", "")), row  # aliases do not repeat the name
    # a date-bound surname ("~Rice") belongs to one person at a time
    spans: dict[str, list] = {}
    for _, row in read_tsv(data_path("leaders.tsv")):
        for alias in split_list(row.get("aliases", "")):
            if alias.startswith("~"):
                spans.setdefault(alias, []).append((row["start"], row["end"] or "9999", row["name"]))
    for alias, rows in spans.items():
        rows.sort()
        for (_, end, name), (start, _, other) in zip(rows, rows[1:]):
            assert name == other or end <= start, (alias, name, other)


@pytest.mark.parametrize("name, when, code", [
    ("Gbagbo", "2005-06-01", "CIVGOV"), ("Milosevic", "1999-04-01", "SRBGOV"), ("Mnangagwa", "2019-01-01", "ZWEGOV"),
    ("Hun Sen", "2010-01-01", "KHMGOV"), ("Uribe", "2004-01-01", "COLGOV"), ("Tudjman", "1995-08-01", "HRVGOV"),
    # one name, two offices: Norway's prime minister before he led NATO
    ("Stoltenberg", "2010-01-01", "NORGOV"), ("Stoltenberg", "2016-01-01", "IGONAT"),
    # a rebel leader, then vice president again
    ("Machar", "2014-06-01", "SSDREB"), ("Machar", "2021-01-01", "SSDGOV"),
    # ministers, regional heads and legislators of the late 2010s
    ("Seehofer", "2019-05-01", "DEUGOV"), ("Isa Mustafa", "2016-02-01", "XKXGOV"), ("Paet", "2010-01-01", "ESTGOV"),
    ("Berejiklian", "2019-03-01", "AUSGOV"), ("McConnell", "2017-06-01", "USALEG"), ("Bolton", "2018-09-01", "USAGOV"),
    # British ministers and opposition leaders of the 2000s
    ("Michael Howard", "2004-06-01", "GBROPP"), ("Charles Kennedy", "2005-02-01", "GBROPP"),
    ("Prescott", "2005-02-01", "GBRGOV"), ("Lord Goldsmith", "2003-03-07", "GBRGOV"),
])
def test_dated_office_holders(name, when, code):

    from annales.people import office_of

    office = office_of(name, date.fromisoformat(when))
    assert (office.org or office.country + office.sector) == code


@pytest.mark.parametrize("term, code", [("KLA", "XKXREB"), ("UNITA", "AGOREB"), ("Tamil Tigers", "LKAREB"),
                                        ("ISAF", "IGONAT"), ("UNPROFOR", "IGOUNOPKO"), ("ZANU-PF", "ZWEGOV"),
                                        ("Government of National Accord", "LBYGOV"), ("Khmer Rouge", "KHMREB"),
                                        ("PML-Q", "PAKPTY"), ("Los Zetas", "MEXCRM"), ("DPKO", "IGOUNOPKO"),
                                        ("NLRB", "USAGOV"), ("Federal Foreign Office", None)])
def test_more_organisations(term, code):
    assert KnowledgeBase.default().terms[term][0].code == code
    if code is None:  # a seat: Germany's foreign ministry, not Britain's "Foreign Office"
        assert KnowledgeBase.default().terms[term][0].country == "DEU"


@pytest.mark.parametrize("term, sector", [("prisoners", "CVL"), ("inmate", "CVL"), ("suspects", "CRM"),
                                          ("servicemen", "MIL"), ("lecturers", "EDU"), ("mujahideen", "REB"),
                                          ("ousted president", "ELI"), ("prisoner", "CVL"), ("church leaders", "REL"),
                                          ("labour congress", "LAB"), ("truck drivers", "LAB"), ("insurers", "BUS"),
                                          ("city council", "GOV"), ("air base", "MIL"), ("district attorney", "JUD"),
                                          ("judicial council", "JUD")])
def test_more_agents(term, sector):
    assert KnowledgeBase.default().terms[term][0].sector == sector


@pytest.mark.parametrize("when, code", [
    (None, "AFGREB"),  # no date: the undated row
    (date(1995, 6, 1), "AFGREB"),
    (date(1996, 9, 27), "AFGGOV"),  # bounds are inclusive
    (date(2001, 12, 7), "AFGGOV"),
    (date(2008, 4, 2), "AFGREB"),
    (date(2021, 8, 15), "AFGGOV"),
    (date(2024, 1, 9), "AFGGOV"),
])
def test_dated_organisation_codes(when, code):
    entry = next(e for e in KnowledgeBase.default().terms["Taliban"] if e.kind == "org")
    got = on_date(entry, when)
    assert (got.code, got.country, got.sector) == (code, "AFG", code[3:])
    assert KnowledgeBase.default().terms["Taleban"] == [entry]  # aliases of every row: one entry


def test_dated_organisation_rows_are_well_formed():
    undated = set()
    for lineno, row in read_tsv(data_path("organisations.tsv")):
        start, end = (date.fromisoformat(row[k]) if row.get(k) else None for k in ("start", "end"))
        assert not (start and end) or start <= end, lineno
        if not (start or end):
            assert row["name"] not in undated, f"line {lineno}: a second undated row for {row['name']}"
            undated.add(row["name"])


def test_blockades_and_occupation_are_assaults_in_plover():
    """cameo.tsv: 191 (blockade, restrict movement) and 192 (occupy territory) are PLOVER ASSAULT, as
    root 19 is and as PLOVER-coded news codes closed borders, blockades and captured towns."""
    from annales.ontology import lookup

    assert lookup("191").plover == lookup("192").plover == lookup("190").plover == "ASSAULT"
