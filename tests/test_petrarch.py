"""PETRARCH-2 / Phoenix dictionaries: format parsing on small invented dictionaries, date-dependent
codes, CLI options, and (when ../shared is present) the real dictionaries."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from annales import petrarch as P
from annales.kb import Entry, KnowledgeBase, resolve_code

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
PHOENIX = SHARED / "dictionaries" / "phoenix"
UNITTEST = SHARED / "gold" / "petr2_unittest"

# invented actors, agents and verbs in the dictionaries' formats
ACTORS = """\
<!-- a test dictionary -->
# comment line
VALDORIA_  [VLD]
+VALDORIAN
+PORT_SELWYN_   # the capital

KESTRAL_REPUBLIC [KST] #xx 01/02/03
+KESTRALI

HALVARD_TESK_  # leader
+PRESIDENT_TESK
\t[VLDELI <930115]
\t[VLDGOV 19930115-20050630]
\t[VLDOPP >050701]

MIRELLA_OSTANE
\t[KSTGOV 900101-991231]
\t[KSTELI]

LEAGUE_OF_NORTHERN_PORTS_ [IGONLP]
OSTRAVEN_COAST_GUARD [VLDMIL]
NOBODY_IN_PARTICULAR [---]
CODELESS_NAME
BROKEN_DATES [VLDGOV 2004017-20061201] [VLD]
"""

AGENTS = """\
!FOLK! = MAN, MEN, WOMAN, WOMEN
HARBOUR_MASTER [~GOV] # xx
FERRY!FOLK! [~BUS]
LAMPLIGHTER {} [~CVL]
GOOSE_WARDEN {GEESE_WARDENS} [~AGR]
RELIEF_SOCIETY [NGO~]
SECRET_POLICE_AGENCY  [~GOVSPY]
NOT AN AGENT LINE
"""

VERBS = """\
&BOATS
+FERRY
+BARGE

--- MOOR  [036]  ---
MOOR
TETHER {TETHERS TETHERED}
+TIE_UP [037]
- * &BOATS  [043]
- * (BESIDE)  [042]
- QUIETLY * [040]
- * % [041]

--- DRIFT  [---]  ---
DRIFT
- * AWAY (FROM HARBOUR) [999]
"""


@pytest.fixture()
def dicts(tmp_path):
    paths = {}
    for name, text in (("actors", ACTORS), ("agents", AGENTS), ("verbs", VERBS)):
        paths[name] = tmp_path / f"test.{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


@pytest.fixture()
def kb(dicts):
    kb = KnowledgeBase().load_builtin()
    P.load_actors(dicts["actors"], kb)
    P.load_agents(dicts["agents"], kb)
    return kb


def test_dates_and_code_blocks():
    assert P.parse_date("950601") == date(1995, 6, 1)
    assert P.parse_date("050601") == date(2005, 6, 1)  # 00-30 -> 20YY
    assert P.parse_date("20100109") == date(2010, 1, 9)
    assert P.parse_codes("[ABC]") == [(None, None, "ABC")]
    assert P.parse_codes("\t[HOBGOV 19950601 - 19990815]") == [(date(1995, 6, 1), date(1999, 8, 15), "HOBGOV")]
    assert P.parse_codes("[X < 950601] [Y >990816]") == [(None, date(1995, 5, 31), "X"), (date(1999, 8, 16), None, "Y")]
    assert P.parse_codes("[pse]") == [(None, None, "PSE")]
    with pytest.raises(ValueError):
        P.parse_codes("[X 2004017-20061201]")


def test_actor_entries_synonyms_and_codes(dicts):
    kb, stats = KnowledgeBase(), P.LoadStats()
    assert P.load_actors(dicts["actors"], kb, stats) == 7
    assert stats.skipped == {"null code": 1, "no code": 1, "bad date in code": 1}
    valdoria = Entry("country", "Valdoria", country="VLD")
    for term in ("Valdoria", "VALDORIA", "Valdorian", "port selwyn"):
        assert kb.terms[term] == [valdoria], term
    assert kb.terms["kestral republic"][0] == kb.terms["Kestrali"][0] == Entry("country", "Kestral Republic", country="KST")
    assert kb.terms["league of northern ports"][0] == Entry("org", "League Of Northern Ports", code="IGONLP")
    assert kb.terms["ostraven coast guard"][0] == Entry("person", "Ostraven Coast Guard", country="VLD",
                                                        sector="MIL", code="VLDMIL")
    assert "nobody in particular" not in kb.terms and "codeless name" not in kb.terms
    assert kb.terms["broken dates"][0].country == "VLD"  # the bad block is dropped, the rest kept
    tesk = kb.terms["halvard tesk"][0]
    assert tesk is kb.terms["president tesk"][0]
    assert tesk.kind == "person" and tesk.name == "Halvard Tesk" and tesk.code is None
    assert tesk.dated == ((None, date(1993, 1, 14), "VLDELI"), (date(1993, 1, 15), date(2005, 6, 30), "VLDGOV"),
                          (date(2005, 7, 1), None, "VLDOPP"))


def test_date_dependent_codes(kb):
    tesk, ostane = kb.terms["halvard tesk"][0], kb.terms["mirella ostane"][0]
    assert resolve_code(tesk, date(1990, 5, 1)) == "VLDELI"
    assert resolve_code(tesk, date(1995, 5, 1)) == "VLDGOV"
    assert resolve_code(tesk, date(2005, 6, 30)) == "VLDGOV"  # ranges are inclusive
    assert resolve_code(tesk, date(2010, 5, 1)) == "VLDOPP"
    assert resolve_code(tesk, None) == "VLDOPP"  # no date: the most recent range
    assert resolve_code(ostane, date(1995, 5, 1)) == "KSTGOV"
    assert resolve_code(ostane, date(2010, 5, 1)) == "KSTELI"  # outside the ranges: the undated code
    assert resolve_code(ostane, None) == "KSTELI"
    assert resolve_code(Entry("country", "X", country="XXX", code="XXX"), date(2000, 1, 1)) == "XXX"


def test_agents(dicts):
    kb, stats = KnowledgeBase(), P.LoadStats()
    assert P.load_agents(dicts["agents"], kb, stats) == 6
    assert stats.skipped == {"unparsed line": 1}
    sector = {t: es[0].sector for t, es in kb.terms.items()}
    assert sector["harbour master"] == sector["harbour masters"] == "GOV"
    assert sector["ferryman"] == sector["ferrywomen"] == "BUS" and "ferrymans" not in sector
    assert sector["lamplighter"] == "CVL" and "lamplighters" not in sector  # {}: no plural
    assert sector["goose warden"] == sector["geese wardens"] == "AGR"
    assert kb.terms["relief society"][0].code == kb.terms["relief societies"][0].code == "NGO"  # NGO~: a prefix
    assert sector["secret police agency"] == "GOVSPY"
    assert all(e.kind == "agent" for es in kb.terms.values() for e in es)
    assert P.plural("city") == "cities" and P.plural("boss") == "bosses" and P.plural("day") == "days"


def test_user_entries_override_builtin(tmp_path):
    path = tmp_path / "a.actors.txt"
    path.write_text("FRANCE [XFR]\n", encoding="utf-8")
    kb = KnowledgeBase().load_builtin()
    P.load_actors(path, kb)
    assert kb.terms["France"][0].country == "XFR" and len(kb.terms["France"]) >= 2


def test_verbs(dicts):
    stats = P.LoadStats()
    pats = P.load_verbs(dicts["verbs"], stats)
    def shown(p):  # trigger, words, "*" where a preposition's object is the target
        return " ".join([p.trigger, *p.words] + (["*"] if p.target not in (None, "dobj") else []))

    verbs = ("moor", "tether", "tethers", "tethered", "tie up")  # a verb's listed forms are triggers too
    listed = verbs[:4] + ("tie", "drift")  # not the regular forms made of them ("moors")
    got = {(p.code, shown(p)) for p in pats if not p.before and p.target != "compound" and p.trigger in listed}
    assert got == {
        *(("036", v) for v in verbs[:4]), ("037", "tie up"),
        *(("043", f"{v} {b}") for v in verbs for b in ("ferry", "barge")),
        *(("042", f"{v} beside *") for v in verbs),
        ("999", "drift away from harbour"),  # a dictionary's own code outside CAMEO is kept
    }
    # "- QUIETLY * [040]": words before the verb, looked for in the subject; "- * % [041]": compound subject
    assert {(p.code, p.before) for p in pats if p.before} == {("040", ("quietly",))}
    assert {p.code for p in pats if p.target == "compound"} == {"041"}
    assert all(p.dictionary for p in pats)
    assert stats.skipped["null code (codes nothing)"] >= 1  # DRIFT [---]
    by_text = {shown(p): p for p in pats}
    assert by_text["moor beside *"].target == "beside" and by_text["tie up"].words == ("up",)
    lex = P.layered_lexicon(pats)
    assert [p.code for p in lex.verbs["moor"]][-1] == "036"
    assert "meet" in lex.verbs and lex.nouns  # built-in verbs the user did not define stay
    # the built-in rows that code nothing stay beside them ("fought the epidemic" is no fight)
    base = P.default_lexicon()
    assert base.voids["verb"] and lex.voids["verb"].keys() == base.voids["verb"].keys() - {p.trigger for p in pats}


def test_pattern_markers(tmp_path):
    path = tmp_path / "m.verbs.txt"
    path.write_text("--- FREE [080] ---\nFREE\n- + * (FROM $) [081]\n- * MONEY $ [071]\n"
                    "- * EID (AT ^) (WITH +) [017]\n- * THEIR ^ ABOUT + [130]\n- * FEAST (IN ^) + [018]\n",
                    encoding="utf-8")
    pats = {p.code: p for p in P.load_verbs(path)}
    assert (pats["081"].target, pats["081"].source, pats["081"].words) == ("subject", "from", ("from",))
    assert (pats["071"].target, pats["071"].source, pats["071"].words) == ("subject", "after", ("money",))
    assert (pats["017"].target, pats["017"].words) == ("with", ("eid", "at", "with"))
    assert (pats["130"].target, pats["130"].words) == ("about", ("their", "about"))
    assert (pats["018"].target, pats["018"].words) == ("^in", ("feast", "in"))  # after the skipped object


def test_legacy_verb_dictionary_layout(tmp_path):
    """Older (TABARI-era) files: XML comments over several lines or inside one, block headers with a
    two-word name, two codes, a comment or no code, synsets between blocks, verbs after other words."""
    path = tmp_path / "old.verbs.txt"
    path.write_text(
        "<!-- an old file -->\n"
        "--- ROW  [036] ---\n"
        "ROW  <!-- a remark that\n"
        "GOES_ON [999]\n"
        "over lines -->\n"
        "&OARS\n"
        "+PADDLE\n"
        "+SCULL\n"
        "--- PUSH OFF  [042] ---\n"
        "PUSH OFF\n"
        "--- BAIL  [046]  [047:047]  ---\n"
        "BAIL\n"
        "SCOOP <!-- inline remark --> [048]\n"
        "--- DAWDLE  [---] # a comment ---\n"
        "DAWDLE\n"
        "--- PADDLE  ---\n"
        "PADDLE\n"
        "--- STEER [050] ---\n"
        "DEAD_+RECKON\n"
        "- * WITH_&OARS  [051]\n"
        "~ a (b c 051) 050 = a c 051\n"
        "--- TALK  [031] ---\n"
        "NEGOTIAT  # an old stem\n", encoding="utf-8")
    stats = P.LoadStats()
    pats = P.load_verbs(path, stats)
    got = {(p.trigger, p.words, p.code) for p in pats if p.trigger[-1] not in "sdg"}  # no regular forms
    assert got == {("row", (), "036"), ("push", ("off",), "042"), ("bail", (), "046"), ("scoop", (), "048"),
                   ("reckon", (), "050"), ("negotiat", (), "031"),
                   *(("reckon", ("with", oar), "051") for oar in ("paddle", "scull"))}
    assert {p.lead for p in pats if p.trigger == "reckon"} == {("dead",)}  # "DEAD_+RECKON": right before the verb
    # a verb listed without its forms gets PETRARCH's regular ones, which an old stem needs
    assert {p.trigger for p in pats if p.code == "031"} == {"negotiat", "negotiats", "negotiated", "negotiating"}
    assert {p.trigger for p in pats if p.code == "048"} == {"scoop", "scoops", "scooped", "scooping"}
    # synset words between blocks are no verbs; "[---]" and a block without a code code nothing
    assert not {"paddle", "scull", "dawdle", "goes", "over"} & {p.trigger for p in pats}
    assert stats.skipped.get("unparsed verb line", 0) == 0 and stats.skipped["verb transformation"] == 1


def test_underscore_joins_consecutive_words(tmp_path):
    """TABARI's connector: words joined by ``_`` in a pattern are a phrase (consecutive words)."""
    path = tmp_path / "u.verbs.txt"
    path.write_text("&HUE\n+GREEN\n+RED\n--- PAINT [050] ---\nPAINT\n- * BRIGHT_&HUE_FENCES [051]\n"
                    "- * OLD GATES [052]\n", encoding="utf-8")
    pats = P.load_verbs(path)
    assert {P.phrases(p.text)[0][2] for p in pats if p.code == "051"} == {
        ("bright", "green", "fences"), ("bright", "red", "fences")}
    assert [P.phrases(p.text) for p in pats if p.code == "052" and p.trigger == "paint"] == [[]]  # spaces: none


def test_pattern_phrases(tmp_path):
    """A pattern keeps its groups as written, synsets expanded: the runs of words in ``()`` and ``{}``."""
    path = tmp_path / "g.verbs.txt"
    path.write_text("&HUE\n+GREEN\n+PALE_BLUE\n\n--- PAINT [050] ---\nPAINT\n"
                    "- * {BRIGHT &HUE FENCES} (FOR $) [051]\n- {OLD CREW} * (WITH ^ BRUSHES) [052]\n", encoding="utf-8")
    got = {P.phrases(p.text)[0][2] for p in P.load_verbs(path) if p.code == "051"}
    assert got == {("bright", "green", "fences"), ("bright", "pale", "blue", "fences")}
    (old,) = [p for p in P.load_verbs(path) if p.code == "052" and p.trigger == "paint"]
    assert P.phrases(old.text) == [("{", False, ("old", "crew"))]  # "^" and single words set no phrase


def test_actor_finder_codes_people_by_date(pipeline, kb):
    from annales.actors import ActorFinder

    finder = ActorFinder(pipeline.nlp, kb)
    doc = pipeline.nlp("Halvard Tesk criticised the Kestrali harbour masters.")
    codes = {when: [(p.code, p.name) for p in finder(doc, when=when).phrases]
             for when in (date(1995, 3, 1), date(2010, 3, 1))}
    assert codes[date(1995, 3, 1)] == [("VLDGOV", "Halvard Tesk"), ("KSTGOV", "Kestral Republic")]
    assert codes[date(2010, 3, 1)][0] == ("VLDOPP", "Halvard Tesk")


def test_cli_options_load_dictionaries(pipeline, dicts, tmp_path, monkeypatch):
    import annales.pipeline as pl
    from annales.cli import main

    nlp = pipeline.nlp  # loaded before load_model is replaced (the property calls it)
    monkeypatch.setattr(pl, "load_model", lambda name: nlp)
    gold = tmp_path / "gold.jsonl"
    # a complete set (actors, agents, verbs) replaces the built-in knowledge: the dictionary's verb codes
    gold.write_text(json.dumps({"id": "1", "date": "1996-04-02", "text": "Halvard Tesk tethered the ferry to Kestral Republic.",
                                "events": [{"source": "VLDGOV", "target": "KST", "code": "043"}]}) + "\n")
    args = ["evaluate", str(gold), "--json", "--actors", str(dicts["actors"]), "--agents", str(dicts["agents"]),
            "--verbs", str(dicts["verbs"])]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["dyad+root"]["tp"] == 1 and report["exact_records"] == 1.0
    assert report["exact_records_full_codes"] == 1.0  # VLDGOV itself, not only VLD
    for command in ("code", "classify", "evaluate"):
        help_text = CliRunner().invoke(main, [command, "--help"]).output
        assert "--actors" in help_text and "--agents" in help_text and "--verbs" in help_text


# -- the real dictionaries, read by path ------------------------------------------------------------
def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not found")
    return path


def test_phoenix_dictionaries_load():
    kb = KnowledgeBase().load_builtin()
    before = len(kb)
    counts = {}
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        stats = P.LoadStats()
        counts[name] = P.load_actors(_need(PHOENIX / name), kb, stats)
        assert sum(stats.skipped.values()) < 0.01 * stats.entries, stats.skipped
    counts["agents"] = P.load_agents(PHOENIX / "Phoenix.agents.txt", kb)
    assert counts["Phoenix.Countries.actors.txt"] > 15000 and counts["agents"] > 2000
    assert len(kb) > before + 30000
    obama = kb.terms["barack obama"][0]
    assert resolve_code(obama, date(2012, 1, 1)) == "USAGOV"
    assert kb.terms["Afghanistan"][0].country == "AFG"
    stats = P.LoadStats()
    assert len(P.load_verbs(PHOENIX / "CAMEO.2.0.txt", stats)) > 10000


def test_petrarch_unittest_end_to_end(pipeline, monkeypatch):
    import annales.pipeline as pl
    from annales.cli import main

    d = _need(UNITTEST / "dictionaries")
    nlp = pipeline.nlp  # loaded before load_model is replaced (the property calls it)
    monkeypatch.setattr(pl, "load_model", lambda name: nlp)
    args = ["evaluate", str(UNITTEST / "records.jsonl"), "--json",
            "--actors", str(d / "PETR.Validate.actors.txt"), "--agents", str(d / "PETR.Validate.agents.txt"),
            "--verbs", str(d / "PETR.Validate.verbs.txt")]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["dyad+root"]["f1"] >= 0.35, report
    assert report["exact_records"] >= 0.25, report


def test_records_exact_with_full_actor_codes():
    from annales.evaluate import Report, score_record

    report = Report()
    score_record(report, [("GONMIL", "ARN", "190")], [("GONMIL", "ARN", "190")])
    score_record(report, [("GON", "ARNGOV", "190")], [("GONMIL", "ARN", "190")])  # countries and code right
    d = report.as_dict()
    assert (d["exact_records"], d["exact_records_full_codes"]) == (1.0, 0.5)


def test_load_stats_name_the_lines_skipped(tmp_path):
    path = tmp_path / "s.verbs.txt"
    path.write_text("--- MOOR [036] ---\nMOOR\n- * FERRY [03A]  # a code that is no number\n"
                    "- * BARGE [###]  # '#' inside a code starts no comment\n- * RAFT (&NOSUCH) [040]\n"
                    "- * CANOE [043B]  # a number with a letter: the number\n",
                    encoding="utf-8")
    stats = P.LoadStats()
    pats = P.load_verbs(path, stats)
    assert {p.code for p in pats} == {"036", "043"}
    assert [(n, reason) for n, reason, _ in stats.lines] == [
        (3, "code not a number (def, 03A)"), (4, "null code (codes nothing)"), (5, "unknown synset")]
    actors = tmp_path / "s.actors.txt"
    actors.write_text("VALDORIA [VLD]\nNOBODY\n+NO_ONE\nKESTRALIA [KST]\n", encoding="utf-8")
    stats = P.LoadStats()
    P.load_actors(actors, KnowledgeBase(), stats)
    assert [(n, reason) for n, reason, _ in stats.lines] == [(2, "no code")]  # the entry's first line


def test_aliases_on_consecutive_lines_share_the_codes_after_them(tmp_path):
    path = tmp_path / "a.actors.txt"
    path.write_text("HALVARD_TESK_\nPRESIDENT_TESK_\n\t[VLDGOV >20100101]\n\nORPHAN_NAME\n\nKESTRALIA [KST]\n",
                    encoding="utf-8")
    kb, stats = KnowledgeBase(), P.LoadStats()
    P.load_actors(path, kb, stats)
    assert resolve_code(kb.terms["president tesk"][0], date(2012, 1, 1)) == "VLDGOV"
    assert resolve_code(kb.terms["halvard tesk"][0], date(2012, 1, 1)) == "VLDGOV"
    assert "orphan name" not in kb.terms and [r for _, r, _ in stats.lines] == ["no code"]  # a blank line apart


def test_tabari_comments_after_a_verb_line_and_a_code(tmp_path):
    path = tmp_path / "c.verbs.txt"
    path.write_text("--- SCRAP [1246] ---\nSCRAP {SCRAPPING SCRAPS SCRAPPED };shan 8/30/93\n"
                    "JUNK [1245]# a remark right after the code\n", encoding="utf-8")
    stats = P.LoadStats()
    got = {(p.trigger, p.code) for p in P.load_verbs(path, stats)}
    assert ("scrapped", "1246") in got and ("junk", "1245") in got and not stats.lines


def test_regular_forms_with_english_spellings():
    from annales.petrarch_verbs import regular_forms

    assert {"ratifies", "ratified", "ratifying"} <= set(regular_forms("ratify"))
    assert {"bans", "banned", "banning"} <= set(regular_forms("ban"))
    assert {"dies", "died", "dying"} <= set(regular_forms("die"))
    assert regular_forms("visit") == ["visits", "visited", "visiting"]  # no doubling past one syllable
    assert regular_forms("defie")[:3] == ["defies", "defied", "defieing"]  # PETRARCH's own forms come first


def test_compound_actor_codes_are_kept_as_written(tmp_path):
    actors = tmp_path / "c.actors.txt"
    actors.write_text("TWIN_ISLES [TWA/TWB]\nVALDORIA [VLD]\n", encoding="utf-8")
    kb, stats = KnowledgeBase(), P.LoadStats()
    P.load_actors(actors, kb, stats)
    assert [(n, reason) for n, reason, _ in stats.lines] == [(1, "compound code: kept as written")]
    entry = kb.terms["twin isles"][0]
    assert (entry.code, entry.country) == ("TWA/TWB", "TWA")
