"""Tests for the GDELT 2.0 and POLECAT exports (annales.formats) and merged-event exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from annales import merge
from annales.cli import main
from annales.errors import ConfigError
from annales.export import MERGED_CSV_COLUMNS, export_store, write_merged
from annales.formats import (GDELT_COLUMNS, POLECAT_COLUMNS, gdelt_event_id, gdelt_row, polecat_row,
                             write_gdelt)
from annales.records import Actor, Article, Event, MergedEvent, Trigger, make_event_id
from annales.store import MERGED_COLUMNS, Store

V = "test-1.0"

# The GDELT 2.0 Events table columns as GDELT documents them, written out here independently of
# annales.formats so that a change of order there fails this test.
STANDARD_GDELT = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources
NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code
Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code
ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL""".split()

# as annales.places writes them: admin1 is the region's name; a GeoNames admin1 code where one is given
GENEVA = {"name": "Geneva", "country": "CHE", "admin1": "Geneva", "lat": 46.2022, "lon": 6.1457,
          "precision": "city", "geonameid": 2660646}
BOSTON = {"name": "Boston", "country": "USA", "admin1": "Massachusetts",
          "admin1_code": "US.MA", "lat": 42.3584, "lon": -71.0598,
          "precision": "city", "geonameid": 4930956}
KENYA = {"name": "Kenya", "country": "KEN", "lat": 1.0, "lon": 38.0, "precision": "country",
         "geonameid": 192950}


def _article(aid: str, source: str, day: int) -> Article:
    return Article(id=aid, text=f"Text of {aid}.", title=f"Title {aid}", url=f"https://{source.lower()}.example/{aid}",
                   published=date(2024, 3, day), source=source)


def _event(a: Article, *, sentence_index: int, cameo: str, source: Actor, target: Actor | None,
           location: dict | None = GENEVA, date_: str | None = "2024-03-05", **kw) -> Event:
    eid = make_event_id(a.id, a.content_hash, sentence_index, 7, source.start,
                        target.start if target else None, cameo)
    return Event(event_id=eid, article_id=a.id, sentence_index=sentence_index, sentence=f"Sentence {sentence_index}.",
                 source=source, target=target, cameo=cameo, cameo_root=cameo[:2],
                 plover=kw.pop("plover", "CONSULT"), plover_mode=kw.pop("plover_mode", "visit"),
                 quad_class=kw.pop("quad_class", 1), goldstein=kw.pop("goldstein", 1.9), date=date_,
                 date_precision="day" if date_ else None, date_inferred=False,
                 trigger=Trigger("met", 7, 10, "meet"), negated=kw.pop("negated", False),
                 location=location, confidence=0.8, coder_version=V, **kw)


RUS = Actor("Russia", 0, 6, "RUS", "RUS", None, "Russia")
UKR = Actor("Ukraine", 11, 18, "UKRGOV", "UKR", "GOV", "Ukraine")
USA = Actor("The US", 0, 6, "USAGOV", "USA", "GOV", "United States")
UN = Actor("the UN", 0, 6, "IGOUNO", None, None, "United Nations")
COP = Actor("Police", 0, 6, "---COP", None, "COP", None)
KEN = Actor("Kenya", 10, 15, "KEN", "KEN", None, "Kenya")


def _batch():
    """Three outlets report one Russia-Ukraine meeting (one story); plus five single events."""
    a1, a2, a3 = _article("a1", "Reuters", 5), _article("a2", "AP", 5), _article("a3", "AFP", 6)
    a4 = _article("a4", "Reuters", 7)
    meeting = [_event(a, sentence_index=i, cameo="042", source=RUS, target=UKR)
               for a, i in ((a1, 0), (a2, 2), (a3, 1))]
    chn = Actor("China", 20, 25, "CHN", "CHN", None, "China")
    opp = Actor("protesters", 15, 25, "---OPP", None, "OPP", None)
    others = [
        _event(a4, sentence_index=1, cameo="1123", source=USA, target=chn,
               quad_class=3, goldstein=-4.4, plover="ACCUSE", plover_mode=None, location=BOSTON),
        _event(a4, sentence_index=2, cameo="173", source=COP, target=opp,
               quad_class=4, goldstein=-5.0, plover="COERCE", plover_mode="arrest", location=KENYA),
        _event(a4, sentence_index=3, cameo="010", source=UN, target=None, plover=None, plover_mode=None,
               goldstein=0.0, location=None, date_=None),
        _event(a4, sentence_index=4, cameo="190", source=RUS, target=KEN, quad_class=4, goldstein=-10.0,
               plover="ASSAULT", plover_mode=None, negated=True),
    ]
    return [(a1, meeting[:1], []), (a2, meeting[1:2], []), (a3, meeting[2:], []), (a4, others, [])]


def _merge(store: Store) -> list[MergedEvent]:
    rows, articles = store.merge_inputs()
    stories = {"a1": "s1", "a2": "s1", "a3": "s1", "a4": "s2"}
    result = merge.merge_records(rows, stories, articles)
    store.replace_merged(stories, result.events, result.links)
    return result.events


@pytest.fixture
def coded():
    with Store(":memory:") as s:
        s.write_batch(_batch(), V)
        yield s


@pytest.fixture
def merged(coded):
    _merge(coded)
    return coded


def _gdelt_rows(text: str) -> list[dict]:
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [dict(zip(STANDARD_GDELT, row, strict=True)) for row in reader]


def _meeting(rows: list[dict], key: str, value: str) -> dict:
    return next(r for r in rows if r[key] == value)


def test_gdelt_columns_are_gdelt_2():
    assert len(GDELT_COLUMNS) == 61
    assert list(GDELT_COLUMNS) == STANDARD_GDELT


def test_gdelt_export_reads_back_with_standard_columns(merged):
    buf = io.StringIO()
    n = export_store(merged, "gdelt", buf)
    text = buf.getvalue()
    assert n == 4  # the negated event is left out
    assert all(line.count("\t") == 60 for line in text.splitlines())
    assert not text.startswith("GLOBALEVENTID")  # no header by default, as GDELT's files
    rows = _gdelt_rows(text)
    assert len(rows) == 4
    meet = _meeting(rows, "EventCode", "042")
    assert meet["NumMentions"] == "3" and meet["NumArticles"] == "3" and meet["NumSources"] == "3"
    assert meet["SQLDATE"] == "20240305" and meet["MonthYear"] == "202403" and meet["Year"] == "2024"
    assert meet["FractionDate"] == "2024.1749"  # day 65 of a leap year: 2024 + 64/366
    assert meet["EventBaseCode"] == "042" and meet["EventRootCode"] == "04"
    assert meet["QuadClass"] == "1" and meet["GoldsteinScale"] == "1.9" and meet["AvgTone"] == ""
    assert meet["Actor1Code"] == "RUS" and meet["Actor1Name"] == "RUSSIA" and meet["Actor1CountryCode"] == "RUS"
    assert meet["Actor2Code"] == "UKRGOV" and meet["Actor2Type1Code"] == "GOV" and meet["Actor2CountryCode"] == "UKR"
    assert meet["IsRootEvent"] == "1"  # one of its reports is an article's first sentence
    assert meet["ActionGeo_Type"] == "4" and meet["ActionGeo_CountryCode"] == "CHE"  # ISO3, not FIPS "SZ"
    assert meet["ActionGeo_FullName"] == "Geneva, Switzerland"
    assert meet["ActionGeo_ADM1Code"] == "CHE" and meet["ActionGeo_ADM2Code"] == ""  # no admin1 code known
    assert meet["ActionGeo_Lat"] == "46.2022" and meet["ActionGeo_Long"] == "6.1457"
    assert meet["ActionGeo_FeatureID"] == "2660646"
    assert meet["Actor1Geo_Type"] == "0" and meet["Actor1Geo_CountryCode"] == ""
    assert meet["DATEADDED"] == "20240305000000"  # first publication, deterministic
    assert meet["SOURCEURL"] == "https://reuters.example/a1"  # the first report's article


def test_gdelt_event_codes_are_strings_with_leading_zeros(merged):
    rows = _gdelt_rows(export_store_text(merged, "gdelt"))
    codes = {r["EventCode"]: r for r in rows}
    assert set(codes) == {"042", "1123", "173", "010"}
    assert codes["1123"]["EventBaseCode"] == "112" and codes["1123"]["EventRootCode"] == "11"
    assert codes["010"]["EventRootCode"] == "01" and codes["010"]["SQLDATE"] == ""
    assert codes["1123"]["IsRootEvent"] == "0"


def test_gdelt_actor_codes_and_geo_types(merged):
    codes = {r["EventCode"]: r for r in _gdelt_rows(export_store_text(merged, "gdelt"))}
    un = codes["010"]
    assert un["Actor1Code"] == "IGOUNO" and un["Actor1KnownGroupCode"] == "UNO" and un["Actor1Type1Code"] == "IGO"
    assert un["Actor2Code"] == "" and un["ActionGeo_Type"] == "0" and un["ActionGeo_FullName"] == ""
    police = codes["173"]
    assert police["Actor1Code"] == "COP" and police["Actor1CountryCode"] == "" and police["Actor1Type1Code"] == "COP"
    assert police["ActionGeo_Type"] == "1" and police["ActionGeo_ADM1Code"] == "KEN"
    assert police["ActionGeo_FullName"] == "Kenya"
    boston = codes["1123"]
    assert boston["ActionGeo_Type"] == "3" and boston["ActionGeo_ADM1Code"] == "USAMA"
    assert boston["ActionGeo_CountryCode"] == "USA" and boston["GoldsteinScale"] == "-4.4"
    assert boston["ActionGeo_FullName"] == "Boston, Massachusetts, United States"


def export_store_text(store: Store, fmt: str, **kw) -> str:
    buf = io.StringIO()
    export_store(store, fmt, buf, **kw)
    return buf.getvalue()


def test_gdelt_header_option(merged):
    lines = export_store_text(merged, "gdelt", header=True).splitlines()
    assert lines[0].split("\t") == STANDARD_GDELT
    assert len(lines) == 5


def test_globaleventid_is_deterministic(merged):
    ids = [r["GLOBALEVENTID"] for r in _gdelt_rows(export_store_text(merged, "gdelt"))]
    assert ids == [r["GLOBALEVENTID"] for r in _gdelt_rows(export_store_text(merged, "gdelt"))]
    assert len(set(ids)) == 4 and all(i.isdigit() and int(i) < 2**63 for i in ids)
    assert gdelt_event_id("3f2a9c0d11e4b7a2") == int("3f2a9c0d11e4b7a", 16)
    assert gdelt_event_id("a1-e1") == gdelt_event_id("a1-e1") > 0  # not hex: hashed
    first = next(merged.merged_events())
    assert str(gdelt_event_id(first.event_id)) in ids


def test_gdelt_is_stable_across_re_merging(coded):
    _merge(coded)
    before = export_store_text(coded, "gdelt")
    _merge(coded)
    assert export_store_text(coded, "gdelt") == before


def test_gdelt_row_from_merged_event_alone():
    e = MergedEvent(event_id="00000000000000ff", story_id=None, date="2023-12-31", date_precision="day",
                    date_inferred=False, source_code="SYRMIL", source_country="SYR", source_sector="MIL",
                    source_name="Syria", target_code=None, target_country=None, target_sector=None,
                    target_name=None, cameo="190", cameo_root="19", plover="ASSAULT", plover_mode=None,
                    quad_class=4, goldstein=-10.0, negated=False,
                    location={"name": "Mosul", "country": "IRQ", "admin1": "Nineveh", "lat": 36.34, "lon": 43.13,
                              "precision": "city", "geonameid": 99072},
                    num_mentions=1, num_articles=1, num_sources=1, first_published=None, last_published=None,
                    article_id="x", source_url=None, sentence="Syrian jets struck Mosul.", confidence=0.5)
    row = dict(zip(GDELT_COLUMNS, gdelt_row(e)))
    assert row["GLOBALEVENTID"] == 15 and row["FractionDate"] == "2023.9973"
    assert row["ActionGeo_FullName"] == "Mosul, Nineveh, Iraq" and row["ActionGeo_ADM1Code"] == "IRQ"
    assert row["DATEADDED"] == "20231231000000"  # no publication date: the event date
    assert row["SOURCEURL"] == "x"  # no URL: the article id as citation
    assert row["IsRootEvent"] == 0  # no store context
    buf = io.StringIO()
    assert write_gdelt([e], buf) == 1 and buf.getvalue().count("\t") == 60


def test_polecat_header_and_fields(merged):
    text = export_store_text(merged, "polecat")
    reader = csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    assert tuple(reader.fieldnames) == POLECAT_COLUMNS and len(POLECAT_COLUMNS) == 40
    rows = list(reader)
    # negated events and events PLOVER has no type for (CAMEO 010) are left out
    assert sorted(r["Event Type"] for r in rows) == ["ACCUSE", "COERCE", "CONSULT"]
    meet = next(r for r in rows if r["Event Type"] == "CONSULT")
    assert meet["Event Date"] == "2024-03-05" and meet["Event Mode"] == "visit"
    assert meet["Event Intensity"] == "1.9" and meet["Quad Code"] == "1"
    assert meet["Actor Name"] == "Russia" and meet["Actor Country"] == "RUS" and meet["Actor Name Raw"] == "Russia"
    assert meet["Recipient Name"] == "Ukraine" and meet["Recipient Country"] == "UKR"
    assert meet["Primary Recipient Sector"] == "GOV" and meet["Recipient Sectors"] == "GOV"
    assert meet["Placename"] == "Geneva" and meet["City"] == "Geneva" and meet["Country"] == "CHE"
    assert meet["Province"] == "Geneva" and meet["District"] == ""
    assert meet["Latitude"] == "46.2022" and meet["GeoNames ID"] == "2660646" and meet["Feature Type"] == "PPL"
    assert meet["Source"] == "Reuters" and meet["Publication Date"] == "2024-03-05"
    assert meet["Language"] == "en" and meet["Version"].startswith("annales ")
    assert meet["Contexts"] == "" and meet["Actor COW"] == ""
    police = next(r for r in rows if r["Event Type"] == "COERCE")
    assert police["Country"] == "KEN" and police["City"] == "" and police["Feature Type"] == "PCLI"
    assert police["Actor Country"] == "" and police["Primary Actor Sector"] == "COP"


def test_rows_have_all_columns():
    assert len(gdelt_row(_single())) == 61
    assert len(polecat_row(_single())) == 40


def _single() -> MergedEvent:
    return MergedEvent(event_id="ab", story_id=None, date=None, date_precision=None, date_inferred=True,
                       source_code="RUS", source_country="RUS", source_sector=None, source_name="Russia\tX",
                       target_code=None, target_country=None, target_sector=None, target_name=None,
                       cameo="040", cameo_root="04", plover="CONSULT", plover_mode=None, quad_class=1,
                       goldstein=1.0, negated=False, location=None, num_mentions=1, num_articles=1,
                       num_sources=1, first_published=None, last_published=None, article_id="a",
                       source_url=None, sentence="Line one\nline two.", confidence=0.5)


def test_tabs_in_values_do_not_break_rows():
    buf = io.StringIO()
    write_merged([_single()], "gdelt", buf)
    write_merged([_single()], "polecat", buf)
    lines = buf.getvalue().splitlines()
    assert [line.count("\t") for line in lines] == [60, 39, 39]
    assert "RUSSIA X" in lines[0]


def test_merged_jsonl_csv_parquet_table(merged, tmp_path):
    events = list(merged.merged_events())
    assert len(events) == 5
    lines = export_store_text(merged, "jsonl", merged=True).splitlines()
    assert [json.loads(line) for line in lines] == [e.to_dict() for e in events]
    meet = next(json.loads(line) for line in lines if json.loads(line)["cameo"] == "042")
    assert meet["num_mentions"] == 3 and meet["location"]["country"] == "CHE" and len(meet["mention_ids"]) == 3

    reader = csv.DictReader(io.StringIO(export_store_text(merged, "csv", merged=True)))
    assert tuple(reader.fieldnames) == MERGED_CSV_COLUMNS and "location" not in reader.fieldnames
    row = next(r for r in reader if r["cameo"] == "042")
    assert row["location_name"] == "Geneva" and row["location_country"] == "CHE"
    assert row["location_lat"] == "46.2022" and row["location_precision"] == "city"
    assert row["num_mentions"] == "3" and len(row["mention_ids"].split("|")) == 3

    path = tmp_path / "merged.parquet"
    assert export_store(merged, "parquet", path, merged=True) == 5
    table = pq.read_table(path)
    assert tuple(table.column_names) == MERGED_COLUMNS
    assert sorted(table.column("cameo").to_pylist()) == ["010", "042", "1123", "173", "190"]

    out = export_store_text(merged, "table", merged=True)
    assert "reports" in out and "Geneva" in out and "042" in out


def test_default_exports_stay_per_record(merged):
    assert len(export_store_text(merged, "jsonl").splitlines()) == 7


@pytest.mark.parametrize("fmt,kw", [("gdelt", {}), ("polecat", {}), ("jsonl", {"merged": True})])
def test_never_merged_store_is_an_error(coded, fmt, kw):
    with pytest.raises(ConfigError, match=r"E034.*annales merge") as info:
        export_store(coded, fmt, io.StringIO(), **kw)
    assert info.value.code == "E034"


def test_empty_store_exports_nothing():
    with Store(":memory:") as s:
        assert export_store_text(s, "gdelt") == ""
        assert export_store_text(s, "polecat").rstrip("\n").split("\t") == list(POLECAT_COLUMNS)


def test_unknown_format_lists_merged_formats():
    with Store(":memory:") as s, pytest.raises(ConfigError, match="E014.*gdelt, polecat"):
        export_store(s, "icews", io.StringIO())


def _file_store(tmp_path, merge_it: bool) -> str:
    path = str(tmp_path / "s.duckdb")
    with Store(path) as s:
        s.write_batch(_batch(), V)
        if merge_it:
            _merge(s)
    return path


def test_cli_gdelt_without_merge_exits_2(tmp_path):
    db = _file_store(tmp_path, merge_it=False)
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "gdelt"])
    assert result.exit_code == 2
    assert "[E034]" in result.output and "annales merge" in result.output


def test_cli_gdelt_and_polecat(tmp_path):
    db = _file_store(tmp_path, merge_it=True)
    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "gdelt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote 4 merged events" in result.output
    rows = _gdelt_rows(out.read_text(encoding="utf-8"))
    assert _meeting(rows, "EventCode", "042")["NumMentions"] == "3"

    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "gdelt", "--header"])
    assert result.exit_code == 0 and result.output.splitlines()[0].startswith("GLOBALEVENTID\tSQLDATE\t")

    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "polecat"])
    assert result.exit_code == 0 and result.output.startswith("Event ID\tEvent Date\tEvent Type\t")

    result = CliRunner().invoke(main, ["export", "--db", db, "--merged", "--format", "csv"])
    assert result.exit_code == 0 and result.output.startswith(",".join(MERGED_CSV_COLUMNS[:3]))
