"""Tests for annales.ingest: headers, datelines, formats, directories, stdin and bad inputs."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from annales.errors import ConfigError, InputError
from annales.ingest import (Header, parse_byline, parse_credit, parse_date_line, parse_dateline, parse_header,
                            read_inputs)
from annales.records import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BODY = "Officials said the talks would resume next week."


def read(*inputs, **kw) -> list[Article | InputError]:
    return list(read_inputs([str(i) for i in inputs], **kw))


def one(path, **kw) -> Article:
    (rec,) = read(path, **kw)
    assert isinstance(rec, Article), rec
    return rec


def error(path, **kw) -> InputError:
    (rec,) = read(path, **kw)
    assert isinstance(rec, InputError), rec
    return rec


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return p


# ---------------------------------------------------------------- header pieces

@pytest.mark.parametrize("line, expected", [
    ("April 11, 2017", date(2017, 4, 11)),
    ("Apr. 11, 2017", date(2017, 4, 11)),
    ("Tuesday 14 March 2023 09:12 GMT", date(2023, 3, 14)),
    ("Tuesday, March 14, 2023 9:12 am EST", date(2023, 3, 14)),
    ("14 March 2023", date(2023, 3, 14)),
    ("2017-04-11", date(2017, 4, 11)),
    ("2017-04-11T08:30:00Z", date(2017, 4, 11)),
    ("Published: April 11, 2017", date(2017, 4, 11)),
    ("Updated 3 May 2020", date(2020, 5, 3)),
    # labels, times and time zones around the date are ignored
    ("Updated 9:40 AM CET, October 3, 2022", date(2022, 10, 3)),
    ("3 Sep 2021 06:45 SGT", date(2021, 9, 3)),
    ("Filed: 12 Jan 2022 | 7:05 PM GMT", date(2022, 1, 12)),
    ("Updated: 2019-05-02T10:00:00Z", date(2019, 5, 2)),
    ("Posted on Thursday, 7th of March 2024 at 10:15 a.m.", date(2024, 3, 7)),
    ("Sat 9 Dec 2023 14:30 UTC+3", date(2023, 12, 9)),
    # numeric: "." is day first; "/" is day first unless the second number is over 12
    ("03.11.2022, 08:20 CET", date(2022, 11, 3)),
    ("09/06/2022", date(2022, 6, 9)),
    ("13/04/2024", date(2024, 4, 13)),
    ("04/17/2024 5:10 PM EST", date(2024, 4, 17)),
    ("09-06-2022", date(2022, 6, 9)),
    # the published (or filed) date beats the updated one, whatever the order
    ("Published 07/02/2021 - 09:30 | Updated 08/02/2021 - 11:05", date(2021, 2, 7)),
    ("Updated 08/02/2021 - 11:05 | Published 07/02/2021 - 09:30", date(2021, 2, 7)),
    ("Updated 8 Feb 2021 | 7 Feb 2021", date(2021, 2, 7)),
])
def test_parse_date_line(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize("line", ["April 11, 2017 was a Tuesday.", "February 30, 2017", "By April", "2017",
                                  "04.17.2024", "31/31/2024", "Published 05/03/2024 in Paris",
                                  "By Jane Doe | 4 May 2021", "Published by Reuters", "11:40 GMT", ""])
def test_parse_date_line_rejects(line):
    assert parse_date_line(line) is None


@pytest.mark.parametrize("line, expected", [
    ("By Jane Doe", (["Jane Doe"], None, None)),
    ("By Jane Doe and John Roe", (["Jane Doe", "John Roe"], None, None)),
    ("By Maria Rossi, Associated Press", (["Maria Rossi"], "Associated Press", None)),
    ("By Ann Lee, Tom Park and Sam Hill", (["Ann Lee", "Tom Park", "Sam Hill"], None, None)),
    ("By MARIA ROSSI, Reuters", (["Maria Rossi"], "Reuters", None)),
    ("By Jane Doe, Diplomatic Correspondent", (["Jane Doe"], None, "Diplomatic Correspondent")),
    ("By Jane Doe in Rome", (["Jane Doe"], None, None)),
    ("Reporting by Lena Kovac in Vienna and Tomas Berg in Oslo", (["Lena Kovac", "Tomas Berg"], None, None)),
    ("Written by Ana Ruiz & Li Wei", (["Ana Ruiz", "Li Wei"], None, None)),
    ("Words by Priya Nair, AFP", (["Priya Nair"], "AFP", None)),
    ("By Omar al-Farsi and Lucia de la Vega in Madrid", (["Omar al-Farsi", "Lucia de la Vega"], None, None)),
    ("Additional reporting by Kim Soo-jin", (["Kim Soo-jin"], None, None)),
])
def test_parse_byline(line, expected):
    assert parse_byline(line) == expected


@pytest.mark.parametrize("line", ["By the end of the week the ministers had agreed on a text.", "by and large",
                                  "Bystanders fled", "By Tuesday the talks had stalled", "By Staff Reporter",
                                  "By AFP", "By March 2024", "Reporting by the Associated Press"])
def test_parse_byline_rejects(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("line, source", [
    ("Staff and agencies", None),
    ("Agencies", None),
    ("Staff reporter", None),
    ("Our correspondent in Nairobi", None),
    ("Staff and agencies in Bangkok", None),
    ("Reuters staff", "Reuters"),
    ("By AFP", "AFP"),
    ("Associated Press", "Associated Press"),
    ("Valmora Herald staff", "Valmora Herald"),
])
def test_parse_credit(line, source):
    assert parse_credit(line) == (source,)


@pytest.mark.parametrize("line", ["Summit ends", "Staff cuts loom at the ministry", "Valmora Herald",
                                  "By Jane Doe", "Agencies said the talks failed."])
def test_parse_credit_rejects(line):
    assert parse_credit(line) is None


@pytest.mark.parametrize("para, place, agency, when", [
    ("GENEVA (Reuters) – Talks resumed.", "Geneva", "Reuters", None),
    ("GENEVA (Reuters) - Talks resumed.", "Geneva", "Reuters", None),
    ("AP, NAIROBI, Kenya — Talks resumed.", "Nairobi, Kenya", "AP", None),
    ("Moscow, April 17 - Talks resumed.", "Moscow", None, date(2017, 4, 17)),
    ("PARIS, March 3 (AFP) - Talks resumed.", "Paris", "AFP", date(2017, 3, 3)),
    ("WASHINGTON — Talks resumed.", "Washington", None, None),
    ("NEW YORK, Jan. 5, 2019 (AP) — Talks resumed.", "New York", "AP", date(2019, 1, 5)),
    ("WASHINGTON, D.C. (AP) — Talks resumed.", "Washington, D.C.", "AP", None),
    ("ST. PETERSBURG, Russia — Talks resumed.", "St. Petersburg, Russia", None, None),
    ("VIENNA/OSLO, Jan 12 (Reuters) - Talks resumed.", "Vienna/Oslo", "Reuters", date(2017, 1, 12)),
])
def test_parse_dateline(para, place, agency, when):
    dl = parse_dateline(para, date(2017, 4, 20))
    assert (dl.place, dl.agency, dl.when) == (place, agency, when)
    assert para[dl.end:] == "Talks resumed."


def test_parse_dateline_year_boundary():
    assert parse_dateline("KYIV, December 30 - Talks resumed.", date(2023, 1, 2)).when == date(2022, 12, 30)
    assert parse_dateline("KYIV, December 30 - Talks resumed.").when is None


@pytest.mark.parametrize("para", [
    "The minister - who spoke on Tuesday - said talks would resume.",
    "Russia - the largest country - voted against.",
    "Officials said on Tuesday that talks would resume.",
    "GENEVA",
])
def test_parse_dateline_rejects(para):
    assert parse_dateline(para) is None


# ---------------------------------------------------------------- .txt

def test_txt_full_header(tmp_path):
    art = one(FIXTURES / "wire.txt")
    assert art.id == "wire"
    assert art.origin == str(FIXTURES / "wire.txt")
    assert art.title == "Ceasefire talks stall in Geneva"
    assert art.published == date(2023, 3, 14)
    assert art.authors == ["Maria Rossi"]
    assert art.source == "Associated Press"
    assert art.place == "Geneva"
    assert art.text == ("Negotiators for the two governments failed to agree on a ceasefire text on Tuesday, "
                        "officials said after an all-night session.\n\nThe foreign minister said his delegation "
                        "would return next week if the other side dropped its preconditions.")
    assert {k: v for k, v in art.meta.items() if k != "removals"} == {"format": "txt", "dateline": "GENEVA (Reuters) –", "agency": "Reuters", "removed": 0}


def test_txt_scraped_fixture():
    art = one(FIXTURES / "scraped.txt", published=date(2000, 1, 1))
    assert art.title == "Port strike spreads to the north"
    assert art.published == date(2017, 4, 11)  # the date line beats --published
    assert art.authors == ["Jane Doe", "John Roe"]
    assert art.source is None
    assert art.place == "Moscow"
    assert art.text == ("Dock workers in three northern cities joined the strike on Monday, the union said in a "
                        "statement.\nThe transport ministry said it would meet union leaders on Thursday to "
                        "discuss wages and safety rules.\nReaders can send tips to at any time")
    assert art.meta["dateline_date"] == "2017-04-17"
    assert art.meta["removed"] == 15  # 14 boilerplate + the repeated title


def test_txt_no_header(tmp_path):
    art = one(write(tmp_path, "plain.txt", BODY + "\n"))
    assert (art.id, art.title, art.published, art.authors, art.source, art.place) == (
        "plain", None, None, [], None, None)
    assert art.text == BODY
    assert {k: v for k, v in art.meta.items() if k != "removals"} == {"format": "txt", "removed": 0}


def test_txt_title_needs_blank_line(tmp_path):
    art = one(write(tmp_path, "a.txt", f"Short first line\n{BODY}\n"))
    assert art.title is None
    assert art.text == f"Short first line\n{BODY}"


def test_txt_title_then_dateline_body(tmp_path):
    art = one(write(tmp_path, "a.txt", f"Summit ends\n\nWASHINGTON — {BODY}\n"))
    assert (art.title, art.place, art.source, art.text) == ("Summit ends", "Washington", None, BODY)


def test_txt_iso_date_line(tmp_path):
    assert one(write(tmp_path, "a.txt", f"2017-04-11\n\n{BODY}")).published == date(2017, 4, 11)


def test_txt_dateline_date_takes_year_of_published(tmp_path):
    p = write(tmp_path, "a.txt", f"PARIS, March 3 (AFP) - {BODY}")
    art = one(p, published=date(2020, 6, 1))
    assert (art.published, art.source, art.place) == (date(2020, 3, 3), "AFP", "Paris")
    art = one(p)
    assert art.published is None and "dateline_date" not in art.meta


def test_txt_published_fills_missing_date(tmp_path):
    assert one(write(tmp_path, "a.txt", BODY), published=date(2020, 6, 1)).published == date(2020, 6, 1)


def test_txt_dateline_agency_when_no_byline_source(tmp_path):
    art = one(write(tmp_path, "a.txt", f"By Jane Doe\n\nAP, NAIROBI, Kenya — {BODY}"))
    assert (art.authors, art.source, art.place, art.text) == (["Jane Doe"], "AP", "Nairobi, Kenya", BODY)


def test_txt_header_only_is_empty(tmp_path):
    e = error(write(tmp_path, "a.txt", "Some title\n\nApril 11, 2017\n"))
    assert (e.code, e.origin) == ("E004", str(tmp_path / "a.txt"))


def test_txt_utf8_bom_and_crlf(tmp_path):
    art = one(write(tmp_path, "a.txt", b"\xef\xbb\xbfTitle here\r\n\r\n" + BODY.encode() + b"\r\n"))
    assert (art.title, art.text) == ("Title here", BODY)


def test_parse_header_spans_and_ranks():
    h = parse_header(["Quota deal reached", "Updated 8 Feb 2021", "", "Published 7 Feb 2021", "",
                      "Officials said the deal was final.", "April 1, 2021"])
    assert (h.title, h.published, h.lines) == ("Quota deal reached", date(2021, 2, 7), 4)
    assert parse_header(["GENEVA (Reuters) - Talks resumed.", "By Jane Doe"]) == Header()


def test_txt_headline_published_updated_fixture():
    art = one(FIXTURES / "published_updated.txt")
    assert (art.title, art.published, art.authors, art.source, art.place) == (
        "Lisbon and Madrid agree on shared river water quotas", date(2021, 2, 7), [], "AFP", "Lisbon")
    assert art.text.startswith("Portugal and Spain agreed on Sunday")
    assert "Published" not in art.text and "quotas" not in art.text


def test_txt_filed_reporting_by_fixture():
    art = one(FIXTURES / "reporting_by.txt")
    assert (art.title, art.published, art.authors, art.source, art.place) == (
        None, date(2022, 1, 12), ["Lena Kovac", "Tomas Berg"], "Reuters", "Vienna/Oslo")
    assert art.text == ("Austria and Norway signed a gas supply memorandum on Wednesday, officials in both "
                        "capitals said.\n\nFurther talks are planned for the spring.")


@pytest.mark.parametrize("header, title, published, authors, source", [
    ("By Tomasz Wrona, Associated Press\nUpdated 9:40 AM CET, October 3, 2022",
     None, date(2022, 10, 3), ["Tomasz Wrona"], "Associated Press"),
    ("Saturday 9 December 2023 14:30 GMT", None, date(2023, 12, 9), [], None),
    ("By Nino Beridze | 2 October 2022, 16:20 GMT", None, date(2022, 10, 2), ["Nino Beridze"], None),
    ("03.11.2022, 08:20 CET", None, date(2022, 11, 3), [], None),
    ("3 Sep 2021 06:45 SGT\nStaff and agencies", None, date(2021, 9, 3), [], None),
    ("Reuters staff\n3 Sep 2021", None, date(2021, 9, 3), [], "Reuters"),
    ("May 2, 2019\nBy Ana Ruiz and Li Wei\n2019-05-02\nUpdated: 2019-05-03T10:00:00Z",
     None, date(2019, 5, 2), ["Ana Ruiz", "Li Wei"], None),
    ("Harbour talks resume\n\nBy Ana Ruiz, 4 May 2021", "Harbour talks resume", date(2021, 5, 4), ["Ana Ruiz"], None),
    ("By Ana Ruiz | Foreign desk\nFerry strike ends", "Ferry strike ends", None, ["Ana Ruiz"], None),
])
@pytest.mark.parametrize("dateline", ["", "WASHINGTON — "])
def test_txt_header_forms(tmp_path, header, title, published, authors, source, dateline):
    art = one(write(tmp_path, "a.txt", f"{header}\n\n{dateline}{BODY}\n\nMore talks are planned.\n"))
    assert (art.title, art.published, art.authors, art.source) == (title, published, authors, source)
    assert art.text == f"{BODY}\n\nMore talks are planned."
    assert art.place == ("Washington" if dateline else None)


def test_txt_header_without_blank_before_dateline(tmp_path):
    art = one(write(tmp_path, "a.txt", f"28 Jul 2021 21:05 ICT\nBy Jane Doe\nBANGKOK — {BODY}"))
    assert (art.published, art.authors, art.place, art.text) == (date(2021, 7, 28), ["Jane Doe"], "Bangkok", BODY)


def test_txt_header_stops_at_body(tmp_path):
    long_line = "The two delegations met again on Tuesday in the capital for a third round of talks on the border"
    art = one(write(tmp_path, "a.txt", f"April 11, 2017\n{long_line}\nwithout result.\n"))
    assert (art.published, art.title, art.text) == (date(2017, 4, 11), None, f"{long_line}\nwithout result.")
    art = one(write(tmp_path, "b.txt", "April 11, 2017\nTalks in the capital\nended on Tuesday.\n"))
    assert (art.title, art.text) == (None, "Talks in the capital\nended on Tuesday.")


def test_txt_second_headline_like_line_is_body(tmp_path):
    art = one(write(tmp_path, "a.txt", f"Summit ends\n\nLeaders head home\n\n{BODY}"))
    assert (art.title, art.text) == ("Summit ends", f"Leaders head home\n\n{BODY}")


# ---------------------------------------------------------------- .html

def test_html_fixture():
    art = one(FIXTURES / "article.html")
    assert art.id == "article"
    assert art.title == "Harbour talks collapse in Valmora"
    assert art.authors == ["Elena Vasquez"]
    assert art.published == date(2022, 9, 21)
    assert art.url == "https://ledger.example.org/world/harbour-talks-collapse"
    assert art.source == "The Northern Ledger"
    assert art.place == "Valmora"
    assert art.text == (
        "Delegations from the two coastal provinces walked out of the harbour negotiations on Wednesday after "
        "a dispute over fishing quotas, according to officials close to the talks.\n\n"
        "The provincial governor accused the rival delegation of breaking a promise made in the spring and "
        "said her government would suspend all ferry permits until further notice.\n\n"
        "Mediators from the regional council urged both sides to return to the table before the end of the "
        "month, warning that the dispute could spread to the inland trade routes.")
    for junk in ("Skip to content", "Home", "Log in to comment", "All rights reserved", "Privacy Policy",
                 "Related articles", "Ferry strike"):
        assert junk not in art.text
    assert art.meta["format"] == "html" and art.meta["agency"] == "Ledger Wire"


def test_html_htm_suffix_and_published_fallback(tmp_path):
    html = ("<html><body><article><p>The council voted on Monday to extend the curfew in the port city by "
            "another two weeks, a spokesman said.</p></article></body></html>")
    art = one(write(tmp_path, "page.HTM", html), published=date(2019, 2, 2))
    assert art.text == ("The council voted on Monday to extend the curfew in the port city by another two "
                        "weeks, a spokesman said.")
    assert (art.id, art.published, art.title) == ("page", date(2019, 2, 2), None)


@pytest.mark.parametrize("html", ["<html><body><nav><a href='/'>Home</a></nav></body></html>", "", "<<<>>>"])
def test_html_unusable(tmp_path, html):
    e = error(write(tmp_path, "bad.html", html))
    assert (e.code, e.origin) == ("E015", str(tmp_path / "bad.html"))


# ---------------------------------------------------------------- .jsonl

def test_jsonl_fixture():
    recs = read(FIXTURES / "feed.jsonl")
    assert [r.id for r in recs] == ["feed-001", "feed:3"]
    a, b = recs
    assert (a.title, a.url, a.published, a.source, a.place) == (
        "Border crossing reopens", "https://wire.example.net/a/1", date(2021, 6, 2), "Example Wire", "Karvia")
    assert a.text == "The border crossing reopened on Tuesday after a two-week closure, officials said."
    assert a.origin == f"{FIXTURES / 'feed.jsonl'}:1"
    assert (b.published, b.origin, b.text) == (
        date(2021, 6, 4), f"{FIXTURES / 'feed.jsonl'}:3", "The parliament approved the budget on Friday.")


def test_jsonl_bad_lines_among_good(tmp_path):
    lines = [
        json.dumps({"id": "ok1", "text": BODY}),
        "{not json",
        "[1, 2]",
        json.dumps({"text": "   "}),
        json.dumps({"title": "no text"}),
        json.dumps({"text": BODY, "published": "11/04/2017"}),
        json.dumps({"text": BODY, "date": 20170411}),
        "",
        json.dumps({"id": 7, "text": BODY, "date": "2017-04-11"}),
    ]
    p = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    recs = read(p)
    got = [(r.id, r.origin) if isinstance(r, Article) else (r.code, r.origin) for r in recs]
    assert got == [("ok1", f"{p}:1"), ("E003", f"{p}:2"), ("E009", f"{p}:3"), ("E004", f"{p}:4"),
                   ("E004", f"{p}:5"), ("E008", f"{p}:6"), ("E008", f"{p}:7"), ("7", f"{p}:9")]
    assert str(recs[1]).startswith(f"{p}:2: [E003] malformed JSON: ")
    assert str(recs[5]) == f"{p}:6: [E008] bad date '11/04/2017'; use ISO format YYYY-MM-DD"
    assert recs[-1].published == date(2017, 4, 11)


def test_jsonl_oversize_line_skipped(tmp_path):
    big = json.dumps({"text": "x" * 500})
    p = write(tmp_path, "big.jsonl", "\n".join([json.dumps({"text": BODY}), big, json.dumps({"text": BODY})]))
    recs = read(p, max_bytes=100)
    assert [type(r).__name__ for r in recs] == ["Article", "InputError", "Article"]
    assert (recs[1].code, recs[1].origin, recs[1].kwargs) == ("E006", f"{p}:2", {"size": len(big), "limit": 100})
    assert recs[2].id == "big:3"


def test_jsonl_is_streamed(tmp_path):
    import tracemalloc

    line = json.dumps({"text": BODY}) + "\n"
    p = write(tmp_path, "s.jsonl", line * 60_000)  # about 4 MB
    it = read_inputs([str(p)])
    tracemalloc.start()
    try:
        first = next(it)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert first.id == "s:1"
    assert peak < 1_000_000
    assert sum(1 for _ in it) == 59_999


def test_jsonl_latin1_line(tmp_path):
    p = write(tmp_path, "l.jsonl", '{"text": "Le ministre fran\xe7ais a quitt\xe9 la r\xe9union apr\xe8s une '
              'longue s\xe9ance tendue."}\n'.encode("latin-1"))
    assert one(p).text == "Le ministre français a quitté la réunion après une longue séance tendue."


def test_jsonl_published_param_and_authors(tmp_path):
    p = write(tmp_path, "a.jsonl", json.dumps({"text": BODY, "authors": ["A B"], "source": "X"}))
    art = one(p, published=date(2020, 1, 2))
    assert (art.published, art.authors, art.source, art.id) == (date(2020, 1, 2), ["A B"], "X", "a:1")


# ---------------------------------------------------------------- bad inputs

def test_binary_file(tmp_path):
    e = error(write(tmp_path, "bin.txt", b"GIF89a\x00\x01\x02\x03" * 10))
    assert (e.code, e.origin) == ("E002", str(tmp_path / "bin.txt"))


def test_binary_jsonl(tmp_path):
    assert error(write(tmp_path, "bin.jsonl", b'{"text": "a"}\x00\x00')).code == "E002"


def test_mostly_control_chars_is_binary(tmp_path):
    assert error(write(tmp_path, "ctl.txt", bytes(range(1, 32)) * 20)).code == "E002"


def test_latin1_file(tmp_path):
    text = ("Le pr\xe9sident a rencontr\xe9 les d\xe9l\xe9gu\xe9s \xe0 Gen\xe8ve, o\xf9 les n\xe9gociations "
            "sur le cessez-le-feu ont \xe9chou\xe9 mardi.")
    art = one(write(tmp_path, "fr.txt", text.encode("latin-1")))
    assert art.text == text


def test_undecodable(tmp_path, monkeypatch):
    import charset_normalizer

    class NoMatch(list):
        def best(self):
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: NoMatch())
    e = error(write(tmp_path, "odd.txt", b"caf\xe9 \xff\xfe text"))
    assert (e.code, e.origin) == ("E005", str(tmp_path / "odd.txt"))


def test_oversize_file(tmp_path):
    p = write(tmp_path, "big.txt", "x" * 101)
    e = error(p, max_bytes=100)
    assert (e.code, e.kwargs) == ("E006", {"size": 101, "limit": 100})
    assert str(e) == f"{p}: [E006] article too large (101 bytes > limit 100); split it or raise --max-bytes"


def test_missing_file(tmp_path):
    e = error(tmp_path / "nope.txt")
    assert (e.code, e.origin) == ("E010", str(tmp_path / "nope.txt"))


def test_unknown_suffix(tmp_path):
    e = error(write(tmp_path, "notes.docx", BODY))
    assert (e.code, e.origin, e.kwargs) == ("E007", str(tmp_path / "notes.docx"), {"suffix": ".docx"})


def test_unknown_suffix_with_default_format(tmp_path):
    art = one(write(tmp_path, "notes.md", BODY), default_format="txt")
    assert (art.id, art.text) == ("notes", BODY)


def test_bad_default_format():
    with pytest.raises(ConfigError) as info:
        read("-", stdin=io.StringIO(BODY), default_format="pdf")
    assert info.value.code == "E014"


def test_unreadable_file(tmp_path, monkeypatch):
    p = write(tmp_path, "locked.txt", BODY)
    real_open = Path.open

    def fake_open(self, *a, **kw):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *a, **kw)

    monkeypatch.setattr(Path, "open", fake_open)
    e = error(p)
    assert (e.code, e.origin, str(e)) == ("E001", str(p), f"{p}: [E001] cannot read file: Permission denied")


def test_batch_goes_on_after_errors(tmp_path):
    good = write(tmp_path, "good.txt", BODY)
    recs = read(tmp_path / "missing.txt", write(tmp_path, "x.pdf", "x"), good)
    assert [getattr(r, "code", None) or r.id for r in recs] == ["E010", "E007", "good"]


# ---------------------------------------------------------------- directories and stdin

def test_directory_recursion_sorted_and_filtered(tmp_path):
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.htm", "z.jsonl", "skip.pdf", ".hidden.txt",
                 ".git/e.txt", "sub/notes.md"]:
        write(tmp_path, name, json.dumps({"text": BODY}) if name.endswith("jsonl") else
              "<html><body><p>" + BODY * 3 + "</p></body></html>" if name.endswith("htm") else BODY)
    recs = read(tmp_path)
    assert [r.id for r in recs] == ["a", "b", "sub/c", "sub/deeper/d", "z:1"]
    assert [r.origin for r in recs] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                        str(tmp_path / "sub" / "c.txt"), str(tmp_path / "sub/deeper/d.htm"),
                                        f"{tmp_path / 'z.jsonl'}:1"]


def test_empty_directory(tmp_path):
    assert read(tmp_path) == []


def test_stdin_plain_text():
    art = one("-", stdin=io.StringIO(f"Summit ends\n\nApril 11, 2017\n\nGENEVA (Reuters) - {BODY}\n"))
    assert (art.id, art.origin, art.title, art.published, art.place, art.source, art.text) == (
        "stdin", "<stdin>", "Summit ends", date(2017, 4, 11), "Geneva", "Reuters", BODY)


def test_stdin_jsonl():
    data = "\n  " + json.dumps({"text": BODY}) + "\n{bad\n" + json.dumps({"id": "k", "text": BODY}) + "\n"
    recs = read("-", stdin=io.StringIO(data))
    assert [(getattr(r, "id", None), r.origin) for r in recs] == [
        ("stdin:2", "<stdin>:2"), (None, "<stdin>:3"), ("k", "<stdin>:4")]
    assert recs[1].code == "E003"


def test_stdin_jsonl_oversize_line():
    big = json.dumps({"text": "y" * 300})
    recs = read("-", stdin=io.StringIO(big + "\n" + json.dumps({"text": BODY}) + "\n"), max_bytes=100)
    assert (recs[0].code, recs[0].origin, recs[0].kwargs["size"]) == ("E006", "<stdin>:1", len(big))
    assert recs[1].text == BODY


def test_stdin_forced_format():
    recs = read("-", stdin=io.StringIO('{"text": "not json to a txt reader"}'), default_format="txt")
    assert recs[0].text == '{"text": "not json to a txt reader"}'


def test_stdin_empty():
    assert read("-", stdin=io.StringIO(""))[0].code == "E004"


# ---------------------------------------------------------------- WARC files

PAGE = ("<html><head><title>Border talks resume</title></head><body><article>"
        "<p>Officials from Ethiopia and Kenya met in Nairobi on Monday to discuss the disputed border crossing.</p>"
        "<p>The delegations agreed to meet again next month, a spokesman for the Kenyan foreign ministry said.</p>"
        "</article></body></html>")


def _warc(records: list[tuple], gzip: bool = True) -> bytes:
    """A WARC file built with warcio: (url, HTTP status, content type, payload, extra WARC headers) each."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for url, status, ctype, payload, extra in records:
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-10-16T08:00:00Z", **extra}))
    return buf.getvalue()


def _crawl() -> bytes:
    dated = PAGE.replace("<head>", '<head><meta property="article:published_time" content="2024-10-14">')
    return _warc([
        ("https://news.example.org/talks", "200 OK", "text/html; charset=utf-8", PAGE.encode(),
         {"WARC-Record-ID": "<urn:uuid:11111111-2222-3333-4444-555555555555>"}),
        ("https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n", {}),
        ("https://news.example.org/old", "301 Moved Permanently", "text/html", b"", {}),
        ("https://news.example.org/dated", "200 OK", "text/html", dated.replace("Nairobi", "Addis Ababa").encode(), {}),
    ])


def test_warc_gz_pages_become_articles_and_other_records_are_reported(tmp_path):
    p = write(tmp_path, "crawl.warc.gz", _crawl())
    recs = read(p)
    arts = [r for r in recs if isinstance(r, Article)]
    errs = [r for r in recs if isinstance(r, InputError)]
    assert [a.id for a in arts][0] == "11111111-2222-3333-4444-555555555555"
    first, dated = arts
    assert (first.url, first.title, first.published, first.meta["format"]) == (
        "https://news.example.org/talks", "Border talks resume", date(2024, 10, 16), "warc")  # from WARC-Date
    assert "disputed border crossing" in first.text and first.origin == f"{p}@0"
    assert dated.published == date(2024, 10, 14)  # the page's own date beats the capture date
    assert dated.url == "https://news.example.org/dated" and "Addis Ababa" in dated.text
    assert [e.code for e in errs] == ["E020", "E020"]
    assert "image/png" in str(errs[0]) and "301" in str(errs[1])
    offsets = [int(r.origin.rsplit("@", 1)[1]) for r in recs]
    assert offsets == sorted(offsets) and len(set(offsets)) == 4  # each names its record's byte offset


def test_plain_warc_and_directory_walk(tmp_path):
    write(tmp_path, "in/a.warc", _warc([("https://x.example/a", "200 OK", "text/html", PAGE.encode(), {})], gzip=False))
    write(tmp_path, "in/b.warc.gz", _crawl())
    recs = read(tmp_path / "in")
    assert sum(isinstance(r, Article) for r in recs) == 3
    assert recs[0].origin == f"{tmp_path / 'in' / 'a.warc'}@0"


def test_truncated_warc_gz_reports_the_record_and_keeps_the_rest(tmp_path):
    data = _crawl()
    p = write(tmp_path, "cut.warc.gz", data[:-40])  # the last record's gzip member is cut short
    recs = read(p)
    arts = [r for r in recs if isinstance(r, Article)]
    errs = [r for r in recs if isinstance(r, InputError)]
    assert len(arts) == 1 and arts[0].title == "Border talks resume"
    assert [e.code for e in errs] == ["E020", "E020", "E001"]
    assert errs[-1].origin.startswith(f"{p}@") and "truncated" in str(errs[-1])
    half = read(write(tmp_path, "half.warc.gz", data[: len(data) // 3]))  # cut inside an early record
    assert isinstance(half[0], Article) and half[-1].code == "E001" and "truncated" in str(half[-1])


def test_not_a_warc_and_a_truncated_plain_warc(tmp_path):
    assert [r.code for r in read(write(tmp_path, "junk.warc.gz", b"\x1f\x8b not really gzip"))] == ["E001"]
    plain = _warc([("https://x.example/a", "200 OK", "text/html", PAGE.encode(), {})], gzip=False)
    e = error(write(tmp_path, "cut.warc", plain[:-150]))
    assert (e.code, e.origin) == ("E001", f"{tmp_path / 'cut.warc'}@0") and "truncated WARC record" in str(e)


def test_warc_is_read_record_by_record(tmp_path, monkeypatch):
    """A WARC is streamed: the reader never asks the file for more than a block at a time."""
    big = _warc([(f"https://x.example/{k}", "200 OK", "text/html", PAGE.replace("Monday", f"day {k}").encode(), {})
                 for k in range(40)])
    p = write(tmp_path, "big.warc.gz", big)
    import io as _io

    biggest = []
    real_read = _io.BufferedReader.read

    class Spy(_io.BufferedReader):
        def read(self, n=-1):
            biggest.append(n)
            return real_read(self, n)

    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, mode="r", *a, **kw: Spy(_io.FileIO(self, "rb"))
                        if self.name == "big.warc.gz" else real_open(self, mode, *a, **kw))
    assert sum(isinstance(r, Article) for r in read(p)) == 40
    assert biggest and all(0 <= n <= 1 << 16 for n in biggest), max(biggest)


# ---------------------------------------------------------------- RSS and Atom feeds

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Wire</title>
  <link>https://wire.example.org/</link>
  <item>
    <title>Ministers meet in Geneva</title>
    <link>https://wire.example.org/geneva</link>
    <guid isPermaLink="false">4711</guid>
    <pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate>
    <dc:creator>Jo Smith</dc:creator>
    <description>&lt;p&gt;A short teaser.&lt;/p&gt;</description>
    <content:encoded><![CDATA[<p>GENEVA (Reuters) - The foreign ministers of France and Germany met on Tuesday.</p>
      <p>They discussed new sanctions.<br/>Talks go on.</p><script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>Kenya and Ethiopia sign border accord</title>
    <link>https://wire.example.org/accord</link>
    <description>Kenya signed a border agreement with Ethiopia on Monday, officials said.</description>
  </item>
  <item>
    <title>Protesters gather in Yerevan</title>
  </item>
  <item><link>https://wire.example.org/empty</link></item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Desk</title>
  <link href="https://desk.example.net/"/>
  <entry>
    <title type="html">Talks &lt;em&gt;resume&lt;/em&gt; in Nairobi</title>
    <id>tag:desk.example.net,2024:17</id>
    <link href="https://desk.example.net/17"/>
    <updated>2024-03-06T01:00:00+09:00</updated>
    <author><name>A. Writer</name></author>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;Kenyan and Somali envoys resumed talks in Nairobi on Wednesday.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_items_become_articles(tmp_path):
    p = write(tmp_path, "wire.rss", RSS)
    recs = read(p)
    a, b, c, bad = recs
    assert (a.id, a.title, a.url, a.published, a.source, a.authors) == (
        "https://wire.example.org/#4711", "Ministers meet in Geneva", "https://wire.example.org/geneva",
        date(2024, 3, 5), "Harbour Wire", ["Jo Smith"])  # the publisher's date, not UTC's 6 March
    assert a.text == "The foreign ministers of France and Germany met on Tuesday.\n\nThey discussed new sanctions.\nTalks go on."
    assert (a.place, a.meta["agency"], a.meta["format"]) == ("Geneva", "Reuters", "feed")  # content:encoded, cleaned
    assert (a.origin, b.origin, c.origin) == (f"{p}:7", f"{p}:17", f"{p}:22")  # where each item starts
    assert (b.id, b.text, b.published) == ("https://wire.example.org/accord",
                                           "Kenya signed a border agreement with Ethiopia on Monday, officials said.", None)
    assert (c.title, c.text) == ("Protesters gather in Yerevan", "Protesters gather in Yerevan")  # a headline only
    assert (bad.code, bad.origin) == ("E023", f"{p}:25")


def test_feed_ids_are_stable_across_copies_of_a_feed(tmp_path):
    first = read(write(tmp_path, "wire-0900.xml", RSS))
    later = read(write(tmp_path, "wire-0915.rss", RSS.replace("<item>", "<item><title>New</title><description>"
                                                                "A new item.</description></item><item>", 1)))
    assert [r.id for r in first[:3]] == [r.id for r in later[1:4]]
    assert [r.content_hash for r in first[:3]] == [r.content_hash for r in later[1:4]]


def test_atom_entries_become_articles(tmp_path):
    art = one(write(tmp_path, "desk.atom", ATOM))
    assert (art.id, art.title, art.url, art.published, art.source, art.authors, art.text) == (
        "tag:desk.example.net,2024:17", "Talks resume in Nairobi", "https://desk.example.net/17",
        date(2024, 3, 6), "Atom Desk", ["A. Writer"], "Kenyan and Somali envoys resumed talks in Nairobi on Wednesday.")


def test_malformed_feed_names_the_line_and_keeps_what_it_can(tmp_path):
    broken = RSS.replace("<title>Protesters gather in Yerevan</title>", "<title>Protesters <b>gather</title>")
    p = write(tmp_path, "broken.rss", broken)
    recs = read(p)
    err = recs[0]
    assert (err.code, err.origin) == ("E021", f"{p}:23") and "malformed feed XML" in str(err)
    assert [r.title for r in recs[1:3]] == ["Ministers meet in Geneva", "Kenya and Ethiopia sign border accord"]
    cut = error(write(tmp_path, "cut.atom", ATOM[:120]))  # truncated before any entry
    assert cut.code == "E021" and cut.origin.startswith(f"{tmp_path / 'cut.atom'}:")


def test_xml_that_is_not_a_feed(tmp_path):
    sitemap = '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>'
    assert error(write(tmp_path, "in/sitemap.xml", sitemap)).code == "E022"
    write(tmp_path, "in/news.xml", ATOM)
    assert [r.id for r in read(tmp_path / "in")] == ["tag:desk.example.net,2024:17"]  # a directory skips the sitemap


def test_feed_files_are_never_fetched(tmp_path, monkeypatch):
    import socket
    import urllib.request

    def refuse(*a, **kw):
        raise AssertionError("network access")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    doctype = RSS.replace('<rss version="2.0"', '<!DOCTYPE rss SYSTEM "http://feeds.example.org/rss.dtd">\n<rss version="2.0"')
    recs = read(write(tmp_path, "dtd.rss", doctype))
    assert [r.title for r in recs[:2]] == ["Ministers meet in Geneva", "Kenya and Ethiopia sign border accord"]


def test_input_formats():
    from annales.ingest import input_format

    assert [input_format(n) for n in ("a.warc.gz", "A.WARC", "b.arc.gz", "c.rss", "d.atom", "e.xml", "f.gz",
                                      "g.txt")] == ["warc", "warc", "warc", "feed", "feed", "feed", None, "txt"]
