"""The front matter of a plain-text article: date lines, bylines, credit lines, the header block, datelines.

The *header* is the block of short lines at the top of an article, before the body: a headline,
a date line ("Published 05/03/2024 - 17:48 | Updated 05/03/2024 - 18:02"), a byline ("By A and B,
Reuters", "Reporting by A in Geneva"), a credit line ("Staff and agencies"). Each line is split on
"|" and each piece is classified on its own, so "By Anna Hakobyan | 23 September 2023, 11:40 GMT"
gives a byline and a date. The block ends at the first line that is none of these (a sentence, a
long line, a second headline-like line) or that starts with a *dateline* ("GENEVA (Reuters) -").

Numeric dates (documented convention):

* ``yyyy-mm-dd`` is ISO;
* ``dd.mm.yyyy`` is always day first;
* ``a/b/yyyy`` (or ``a-b-yyyy``) is day first (the international wire convention) unless only
  that reading is impossible: ``04/17/2024`` (second number > 12) is read month first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

__all__ = ["Header", "Dateline", "parse_header", "parse_date_line", "parse_byline", "parse_credit",
           "parse_dateline"]

# ---------------------------------------------------------------- dates

_MONTHS = {m: i for i, ms in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for m in ms}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_ORD = r"(?:st|nd|rd|th)?"
_DATES = [  # searched anywhere in a piece; the earliest match wins
    re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})(?!\d)", re.I),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>\d{{4}})(?!\d)", re.I),
    re.compile(r"(?<![\d.])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
               r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)"),
    re.compile(r"(?<![\d.:/])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)"),
]
_TIME = re.compile(r"(?<!\d)\d{1,2}(?:[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?|\s*[ap]\.?\s?m\b\.?)", re.I)
_TZ = re.compile(r"\b(?:[A-Z]{1,4}T|UTC|MSK|WIB|Z)\b(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|(?<!\w)[+-]\d{2}:?\d{2}\b")
_FILLER = re.compile(rf"\b(?:first|last|published|updated|posted|filed|dated?|modified|created|issued|on|at|hrs"
                     rf"|{_WEEKDAY})(?!\w)|[\s,;:|()\[\]/.–—-]+", re.I)
_PUBLISHED = re.compile(r"\b(?:published|filed|posted|created|issued)\b", re.I)
_UPDATED = re.compile(r"\b(?:updated|modified)\b", re.I)


def _make_date(y, m, d) -> date | None:
    try:
        month = m if isinstance(m, int) else int(m) if m.isdigit() else _MONTHS[m.rstrip(".").lower()]
        return date(int(y), month, int(d))
    except (ValueError, KeyError):
        return None


def _find_date(text: str) -> tuple[date | None, int, int] | None:
    """The earliest date-shaped span in ``text``: (date or None when impossible, start, end)."""
    found = [m for rx in _DATES if (m := rx.search(text))]
    if not found:
        return None
    m = min(found, key=lambda m: m.start())
    g = m.groupdict()
    if g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        day, month = (b, a) if g["sep"] != "." and a <= 12 < b else (a, b)
        return _make_date(g["y"], month, day), m.start(), m.end()
    return _make_date(g["y"], g["m"], g["d"]), m.start(), m.end()


def _filler(text: str) -> bool:
    """Whether ``text`` holds nothing but labels, weekdays, times, time zones and punctuation."""
    return not _FILLER.sub("", _TZ.sub("", _TIME.sub("", text)))


def _time_piece(piece: str) -> bool:
    return bool(_TIME.search(piece)) and _filler(piece)


def _date_piece(piece: str) -> tuple[date, int] | None:
    """(date, rank) of a piece that is only a date; rank 0 published/filed, 1 plain, 2 updated."""
    found = _find_date(piece)
    if not found or not found[0] or not _filler(piece[:found[1]] + " " + piece[found[2]:]):
        return None
    label = piece[:found[1]]
    return found[0], 0 if _PUBLISHED.search(label) else 2 if _UPDATED.search(label) else 1


def _pieces(line: str) -> list[str]:
    return [p for p in (p.strip() for p in line.split("|")) if p]


def parse_date_line(line: str) -> date | None:
    """The date of a line that is only a date ("April 11, 2017", "17.04.2024, 14:05 MSK",
    "Published 05/03/2024 - 17:48 | Updated 05/03/2024 - 18:02"): the published date before the updated one."""
    best = None
    for piece in _pieces(line):
        got = _date_piece(piece)
        if got is None and not _time_piece(piece):
            return None
        if got and (best is None or got[1] < best[1]):
            best = got
    return best[0] if best else None


# ---------------------------------------------------------------- bylines and credit lines

_ROLE_WORDS = re.compile(r"\b(?:correspondent|reporter|editor|writer|staff|columnist|contributor|bureau chief)\b",
                         re.IGNORECASE)
_ORG_WORDS = re.compile(
    r"\b(?:press|news|reuters|afp|ap|upi|agency|agence|times|post|service|network|journal|guardian|telegraph"
    r"|bloomberg|xinhua|tass|dpa|efe|ansa|wire|herald|tribune|bbc|cnn|radio|tv|television|media|daily"
    r"|gazette|chronicle|monitor|associated|al jazeera|france-presse)\b", re.IGNORECASE)
_AGENCIES = (r"AP|AFP|Reuters|REUTERS|UPI|DPA|dpa|EFE|ANSA|Xinhua|XINHUA|TASS|IANS|PTI|ANI|Bloomberg|Anadolu"
             r"|Associated Press|Agence France-Presse|Kyodo|Yonhap")
_BYLINE = re.compile(r"(?:(?i:(?:additional\s+)?reporting|written|words|story|text|report)\s+)?(?i:by)\s*:?\s+"
                     r"(?P<rest>[A-Z].{1,150})")
_PARTICLES = {"de", "da", "di", "do", "dos", "du", "del", "della", "der", "den", "van", "von", "la", "le", "al",
              "el", "bin", "ibn", "ben", "y", "e"}
_NOT_NAME = re.compile(rf"(?:{_MONTH}|{_WEEKDAY}|staff|agencies|reporters?|correspondents?)", re.I)


def _name_case(name: str) -> str:
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 and "." not in w else w for w in name.split())


def _is_name(name: str) -> bool:
    words = name.split()
    return (0 < len(words) <= 5 and words[0][0].isupper() and not _NOT_NAME.fullmatch(name)
            and not _ROLE_WORDS.search(name) and not re.fullmatch(_AGENCIES, name, re.I)
            and not any(c.isdigit() for c in name)
            and all(w[0].isupper() or w.lower() in _PARTICLES or re.match(r"(?:al|el)-", w) for w in words))


def parse_byline(line: str) -> tuple[list[str], str | None, str | None] | None:
    """("By Maria Rossi, Associated Press") -> (["Maria Rossi"], "Associated Press", role or None).

    Also "Reporting by A in Geneva and B in Riyadh", "Written by ...", "Words by ...": names are split
    on "," "and" "&", a trailing "in <Place>" is dropped, an agency after a comma is the source.
    """
    m = _BYLINE.fullmatch(line.strip())
    if not m or len(line.split()) >= 15 or line.rstrip().endswith((".", "!", "?")) and len(line.split()) > 8:
        return None
    parts = [p.strip() for p in m.group("rest").split(",") if p.strip()]
    source = role = None
    while len(parts) > 1:
        last = parts[-1]
        if _ROLE_WORDS.search(last):
            role = role or last
        elif _ORG_WORDS.search(last) or (last.isupper() and " " not in last):
            source = source or last
        else:
            break
        parts.pop()
    authors = []
    for part in parts:
        for name in re.split(r"\s+(?:and|&)\s+|\s*&\s*", part):
            name = re.sub(r"\s+in\s+[A-Z][\w .'’/-]*$", "", name.strip())
            if name:
                authors.append(_name_case(name))
    if not authors or not all(_is_name(a) for a in authors):
        return None
    return authors, source, role


_CREDIT_ANON = re.compile(
    r"(?i:by\s+|from\s+)?"
    r"(?i:(?:(?:our\s+)?staff|reporters?|correspondents?)\s+(?:and|&)\s+(?:news\s+)?(?:agencies|wires)"
    r"|(?:news\s+)?agencies|wires?|(?:agency|wire)\s+reports?|(?:a\s+)?staff(?:\s+(?:reporters?|writers?))?"
    r"|(?:from\s+)?our\s+(?:own\s+)?(?:correspondents?|reporters?)|(?:news|web)\s+desk)"
    r"(?:\s+in\s+[A-Z][\w .'’-]*)?")
_CREDIT_ORG = re.compile(
    r"(?i:by\s+|from\s+)?(?P<org>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}?)"
    r"(?:\s+(?i:staff(?:\s+(?:reporters?|writers?))?|reporters?|correspondents?|and\s+agencies))?")


def parse_credit(line: str) -> tuple[str | None] | None:
    """A credit line instead of a byline: ("Staff and agencies") -> (None,), ("Reuters staff") -> ("Reuters",).

    The one-item tuple holds the source when the line names an agency (or a known kind of outlet:
    "Herald staff"), else None; the whole result is None when the line is not a credit line.
    """
    line = line.strip()
    if _CREDIT_ANON.fullmatch(line):
        return (None,)
    m = _CREDIT_ORG.fullmatch(line)
    if not m:
        return None
    org, bare = m.group("org"), m.end("org") == len(line) and not re.match(r"(?i)by\s|from\s", line)
    if re.fullmatch(_AGENCIES, org) or not bare and _ORG_WORDS.search(org):
        return (org,)
    return None


# ---------------------------------------------------------------- datelines

_PW = r"[A-Z][\w.'’-]*(?:/[A-Z][\w.'’-]*)*"  # a place word ("GENEVA/RIYADH" too)
_PLACE = rf"{_PW}(?:\s+(?:{_PW}|de|del|da|di|al|el|es|la|le|of)){{0,3}}"
_REGION = rf",\s*(?!{_MONTH}\s+\d)(?:{_PW})(?:\s+{_PW}){{0,2}}"
_DASH = r"(?:\s+(?:--?|[–—])\s*|\s*[–—]\s*|\s*--\s*)"
_DL_PLACE_FIRST = re.compile(
    rf"(?P<place>{_PLACE}(?:{_REGION})?)"
    rf"(?:,\s*(?P<date>(?P<dm>{_MONTH})\s+(?P<dd>\d{{1,2}}){_ORD}(?:,\s*(?P<dy>\d{{4}}))?))?"
    rf"\s*(?:\((?P<agency>[A-Z][\w .&'-]{{0,30}})\))?{_DASH}")
_DL_AGENCY_FIRST = re.compile(rf"(?P<agency>{_AGENCIES}),\s*(?P<place>{_PLACE}(?:{_REGION})?){_DASH}")


@dataclass
class Dateline:
    """What a dateline ("GENEVA, March 3 (Reuters) -") says, and where the body starts."""

    place: str
    agency: str | None
    when: date | None
    raw: str
    end: int


def _place_case(place: str) -> str:
    def word(w: str) -> str:
        if w.isupper() and len(w) > 1 and not re.fullmatch(r"(?:[A-Z]\.)+", w):
            return "/".join("-".join(p.capitalize() for p in s.split("-")) for s in w.split("/"))
        return w
    return re.sub(r"\s+", " ", " ".join(word(w) for w in place.split()))


def parse_dateline(paragraph: str, year_of: date | None = None) -> Dateline | None:
    """The dateline at the start of ``paragraph``; a month-day date takes its year from ``year_of``."""
    for rx in (_DL_AGENCY_FIRST, _DL_PLACE_FIRST):
        m = rx.match(paragraph)
        if not m or m.end() > 100 or m.end() >= len(paragraph):
            continue
        gd = m.groupdict()
        place, agency = m.group("place").strip(), gd.get("agency")
        head = place.split(",")[0]
        if rx is _DL_PLACE_FIRST and not (agency or gd.get("date") or head.upper() == head):
            continue
        if not any(c.isalpha() for c in head) or head.isupper() and len(head) < 2:
            continue
        when = None
        if gd.get("date"):
            if gd.get("dy"):
                when = _make_date(gd["dy"], gd["dm"], gd["dd"])
            elif year_of:
                when = _make_date(year_of.year, gd["dm"], gd["dd"])
                if when and (when - year_of).days > 180:  # "December 30" dateline, "January 2" date line
                    when = _make_date(year_of.year - 1, gd["dm"], gd["dd"])
        return Dateline(_place_case(place), agency.strip() if agency else None, when, m.group(0).strip(), m.end())
    return None


# ---------------------------------------------------------------- the header block


@dataclass
class Header:
    """Metadata found at the top of a plain-text article."""

    title: str | None = None
    published: date | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    role: str | None = None
    lines: int = 0  # number of lines the header spans
    date_rank: int = 3  # of ``published``: 0 published/filed, 1 plain, 2 updated


_MAX_HEADER_LINES = 6  # non-blank lines
_MAX_TITLE_WORDS = 24


def _is_title(line: str) -> bool:
    """A headline-like line: short, has letters, does not end like a sentence."""
    return (len(line.split()) <= _MAX_TITLE_WORDS and any(c.isalpha() for c in line) and not _filler(line)
            and not line.endswith((".", "!", "?", ":", ";", ",")))


def _classify(piece: str) -> tuple[str, object] | None:
    """("date", (date, rank)), ("byline", (authors, source, role)), ("credit", source), ("time", None)."""
    if got := _date_piece(piece):
        return "date", got
    if (credit := parse_credit(piece)) is not None:
        return "credit", credit[0]
    if b := parse_byline(piece):
        return "byline", b
    if _time_piece(piece):
        return "time", None
    return None


def _classify_line(line: str) -> list[tuple[str, object]] | None:
    """The header items of a line, [] for a headline-like line, None for a line that is not a header line."""
    if len(line.split()) > _MAX_TITLE_WORDS or parse_dateline(line):
        return None
    items, others = [], []
    for piece in _pieces(line):
        got = _classify(piece)
        if got is None and (found := _find_date(piece)) and found[0]:  # "By Jane Doe, 11 April 2017"
            head, tail = piece[:found[1]].strip(" ,;-–—"), piece[found[2]:]
            if (b := parse_byline(head)) and _filler(tail):
                items += [("byline", b), ("date", _date_piece(piece[found[1]:]))]
                continue
        if got:
            items.append(got)
        else:
            others.append(piece)
    if not items:
        return [] if _is_title(line) else None
    # a short stray piece beside real header items ("By Jane Doe | Foreign desk") goes with them
    return items if all(_is_title(p) and len(p.split()) <= 6 for p in others) else None


def parse_header(lines: list[str]) -> Header:
    """Headline, date lines, bylines and credit lines at the top of ``lines`` (any order, blank lines allowed).

    A headline-like line counts only when a blank line, another header line or a dateline follows it
    (a hard-wrapped first body line does not), and only the first one does.
    """
    h, i, seen = Header(), 0, 0
    while i < len(lines) and seen < _MAX_HEADER_LINES:
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        seen += 1
        items = _classify_line(line)
        if items is None:
            break
        if not items:
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else None
            if h.title is not None or nxt is None or nxt and not (parse_dateline(nxt) or _classify_line(nxt)):
                break
            h.title = line
        for kind, value in items:
            if kind == "date" and value[1] < h.date_rank:
                h.published, h.date_rank = value
            elif kind == "byline":
                h.authors += [a for a in value[0] if a not in h.authors]
                h.source, h.role = h.source or value[1], h.role or value[2]
            elif kind == "credit":
                h.source = h.source or value
        i += 1
        h.lines = i
    return h
