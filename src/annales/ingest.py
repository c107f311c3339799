"""Read inputs (.txt, .html/.htm, .jsonl files, directories, stdin) into ``Article`` records.

``read_inputs`` yields an ``Article`` per article and an ``InputError`` (yielded, not raised)
per bad input, so a batch goes on past a bad file or line. Nothing is fetched from the network.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from .clean import clean_text
from .errors import ConfigError, InputError
from .records import Article

__all__ = ["read_inputs", "parse_text", "parse_date_line", "parse_byline", "parse_dateline", "decode_bytes",
           "FORMATS"]

FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
_FORMAT_NAMES = ("auto", "txt", "html", "jsonl")
STDIN_ORIGIN = "<stdin>"
_SNIFF = 8192
_CHUNK = 1 << 20
_PREFERRED = ("utf_8", "cp1252", "latin_1", "iso8859_15")

# ---------------------------------------------------------------- dates

_MONTHS = {m: i for i, ms in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for m in ms}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_ORD = r"(?:st|nd|rd|th)?"
_TIME = (r"(?:\s*,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
         r"(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?)?")
_DATE_LINE = re.compile(
    rf"(?:(?:published|updated|posted|date|last updated)\s*:?\s*(?:on\s+)?)?(?:{_WEEKDAY},?\s+)?"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}){_ORD},?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}}){_ORD}\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})"
    rf"(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?)"
    rf"{_TIME}\s*", re.IGNORECASE)


def _make_date(y, m, d) -> date | None:
    try:
        month = m if isinstance(m, int) else int(m) if m.isdigit() else _MONTHS[m.rstrip(".").lower()]
        return date(int(y), month, int(d))
    except (ValueError, KeyError):
        return None


def parse_date_line(line: str) -> date | None:
    """The date of a line that is only a date ("April 11, 2017", "Tuesday 14 March 2023 09:12 GMT")."""
    m = _DATE_LINE.fullmatch(line.strip())
    i = next((i for i in "123" if m and m.group("y" + i)), None)
    return _make_date(m.group("y" + i), m.group("m" + i), m.group("d" + i)) if i else None


def parse_iso_date(value) -> date:
    """An ISO date (or datetime) string as a date; ValueError otherwise."""
    if not isinstance(value, str):
        raise ValueError(value)
    return datetime.fromisoformat(value.strip()).date()  # 3.11: accepts "2017-04-11" and "...T08:30Z"


# ---------------------------------------------------------------- bylines

_ROLE_WORDS = re.compile(r"\b(?:correspondent|reporter|editor|writer|staff|columnist|contributor|bureau chief)\b",
                         re.IGNORECASE)
_ORG_WORDS = re.compile(
    r"\b(?:press|news|reuters|afp|ap|upi|agency|agence|times|post|service|network|journal|guardian|telegraph"
    r"|bloomberg|xinhua|tass|dpa|efe|ansa|wire|herald|tribune|bbc|cnn|radio|tv|television|media|daily"
    r"|gazette|chronicle|monitor|associated|al jazeera|france-presse)\b", re.IGNORECASE)
_BYLINE = re.compile(r"(?i:by)\s+(?P<rest>[A-Z].{1,150})")


def _name_case(name: str) -> str:
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 and "." not in w else w for w in name.split())


def parse_byline(line: str) -> tuple[list[str], str | None, str | None] | None:
    """("By Maria Rossi, Associated Press") -> (["Maria Rossi"], "Associated Press", role or None)."""
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
        part = re.sub(r"\s+in\s+[A-Z][\w .'-]*$", "", part)
        authors += [_name_case(a.strip()) for a in re.split(r"\s+(?:and|&)\s+", part) if a.strip()]
    if not authors or any(not a[0].isupper() or len(a.split()) > 4 for a in authors):
        return None
    return authors, source, role


# ---------------------------------------------------------------- datelines

_AGENCIES = (r"AP|AFP|Reuters|REUTERS|UPI|DPA|dpa|EFE|ANSA|Xinhua|XINHUA|TASS|IANS|PTI|ANI|Bloomberg|Anadolu"
             r"|Associated Press|Agence France-Presse|Kyodo|Yonhap")
_PW = r"[A-Z][\w.'’-]*"  # a place word
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
            return "-".join(p.capitalize() for p in w.split("-"))
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


# ---------------------------------------------------------------- plain-text headers


@dataclass
class Header:
    """Metadata found at the top of a plain-text article."""

    title: str | None = None
    published: date | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    role: str | None = None
    lines: int = 0  # number of lines the header spans


def _is_title(line: str) -> bool:
    return len(line.split()) < 15 and not line.endswith(".")


def parse_header(lines: list[str]) -> Header:
    """Title, date line and byline at the top of ``lines`` (in any order, within 6 non-blank lines)."""
    h, i, seen = Header(), 0, 0
    while i < len(lines) and seen < 6:
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        seen += 1
        if h.published is None and (d := parse_date_line(line)):
            h.published = d
        elif not h.authors and (b := parse_byline(line)):
            h.authors, h.source, h.role = b
        elif (h.title is None and _is_title(line) and i + 1 < len(lines) and not lines[i + 1].strip()
              and not parse_dateline(line)):
            h.title = line
        else:
            break
        i += 1
        h.lines = i
    return h


# ---------------------------------------------------------------- decoding


def decode_bytes(data: bytes, origin: str) -> str:
    """UTF-8 (BOM allowed), else charset_normalizer's best guess; InputError E002/E005 otherwise."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        raise InputError("E002", origin=origin)
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\x0b" or b == 127)
    if head and controls / len(head) > 0.3:
        raise InputError("E002", origin=origin)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError("E005", origin=origin)
    ties = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    for pref in _PREFERRED:  # a tie on short text: prefer the common Western encodings
        for m in ties:
            if pref in m.could_be_from_charset:
                return str(m)
    return str(best)


def _read_file(path: Path, origin: str, max_bytes: int) -> str:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError("E006", origin=origin, size=size, limit=max_bytes)
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise InputError("E001", origin=origin, reason=e.strerror or str(e)) from None
    if len(data) > max_bytes:
        raise InputError("E006", origin=origin, size=len(data), limit=max_bytes)
    return decode_bytes(data, origin)


# ---------------------------------------------------------------- building articles


def _finish(art: Article, text: str, published: date | None, empty_code: str, removed: int = 0,
            earlier: list | None = None) -> Article:
    """Clean ``text``, take a dateline off its start, fill ``art``; ``empty_code`` if nothing is left."""
    result = clean_text(text, art.title)
    body = result.text
    dl = parse_dateline(body, art.published or published)
    if dl:
        body = body[dl.end:].lstrip()
        art.place, art.source = art.place or dl.place, art.source or dl.agency
        art.published = art.published or dl.when
        art.meta["dateline"] = dl.raw
        art.meta.update({"agency": dl.agency} if dl.agency else {})
        art.meta.update({"dateline_date": dl.when.isoformat()} if dl.when else {})
    art.text = body
    art.published = art.published or published
    art.meta["removed"] = len(result.removed) + removed
    art.meta["removals"] = (earlier or []) + result.removed  # for `annales clean`
    if not body:
        raise InputError(empty_code, origin=art.origin)
    return art


def parse_text(text: str, art_id: str, origin: str, published: date | None = None) -> Article:
    """A plain-text article: header (title, date line, byline), dateline, cleaned body."""
    first = clean_text(text)  # scraped junk first, so the header is found under it
    lines = first.text.split("\n")
    h = parse_header(lines)
    art = Article(id=art_id, text="", title=h.title, published=h.published, source=h.source,
                  authors=h.authors, origin=origin, meta={"format": "txt"})
    if h.role:
        art.meta["byline_role"] = h.role
    return _finish(art, "\n".join(lines[h.lines:]), published, "E004", len(first.removed), first.removed)


_MIN_HTML_WORDS = 5
_DOMAIN = re.compile(r"[\w.-]+\.[a-z]{2,}", re.IGNORECASE)


def parse_html(html: str, art_id: str, origin: str, published: date | None = None) -> Article:
    """Main text and metadata of an HTML page with trafilatura (no network); E015 when nothing usable."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception:  # lxml and trafilatura raise many kinds on broken input
        doc = None
    paragraphs = [ln.strip() for ln in (getattr(doc, "text", None) or "").split("\n") if ln.strip()]
    if sum(len(p.split()) for p in paragraphs) < _MIN_HTML_WORDS:  # nothing, or a stray link
        raise InputError("E015", origin=origin)
    try:
        pub = parse_iso_date(doc.date) if doc.date else None
    except ValueError:
        pub = None
    authors = [a.strip() for a in re.split(r";|\s+and\s+", doc.author or "") if a.strip()]
    site = doc.sitename if doc.sitename and not _DOMAIN.fullmatch(doc.sitename) else None
    art = Article(id=art_id, text="", title=doc.title or None, url=doc.url or None, published=pub,
                  source=site, authors=authors, origin=origin, meta={"format": "html"})
    removed = 0
    for k, para in enumerate(paragraphs[:3]):  # a byline paragraph left in the text
        if byline := parse_byline(para):
            art.authors = art.authors or byline[0]
            art.source = art.source or byline[1]
            del paragraphs[k]
            removed = 1
            break
    return _finish(art, "\n\n".join(paragraphs), published, "E015", removed)


def _str(obj: dict, key: str) -> str | None:
    return None if obj.get(key) in (None, "") else str(obj[key])


def parse_json_record(line: str, default_id: str, origin: str, published: date | None) -> Article | None:
    """One JSONL line as an Article (None for a blank line); raises InputError."""
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError("E003", origin=origin, reason=f"{e.msg} (column {e.colno})") from None
    if not isinstance(obj, dict):
        raise InputError("E009", origin=origin)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("E004", origin=origin)
    raw_date = obj.get("published", obj.get("date"))
    try:
        pub = None if raw_date in (None, "") else parse_iso_date(raw_date)
    except ValueError:
        raise InputError("E008", origin=origin, value=raw_date) from None
    authors = obj.get("authors", obj.get("author")) or []
    authors = [authors] if isinstance(authors, str) else [str(a) for a in authors if a]
    art = Article(id=_str(obj, "id") or default_id, text="", title=_str(obj, "title"),
                  url=_str(obj, "url"), published=pub, source=_str(obj, "source"),
                  authors=authors, origin=origin, meta={"format": "jsonl"})
    return _finish(art, text, published, "E004")


# ---------------------------------------------------------------- streams


def _nbytes(chunk: str | bytes) -> int:
    if isinstance(chunk, bytes):
        return len(chunk.rstrip(b"\r\n"))
    return len(chunk.rstrip("\r\n").encode("utf-8", "surrogatepass"))


def _bounded_lines(readline, max_bytes: int) -> Iterator[tuple[str | bytes | None, int]]:
    """(line, size in bytes) per line; line is None when over ``max_bytes``.

    ``readline(limit)`` reads at most ``max_bytes + 1`` of a line at once; the rest of an
    oversize line is skipped chunk by chunk, so it is never held in memory.
    """
    while chunk := readline(max_bytes + 1):
        size = _nbytes(chunk)
        if size <= max_bytes:
            yield chunk, size
            continue
        while not chunk.endswith(b"\n" if isinstance(chunk, bytes) else "\n"):
            if not (chunk := readline(_CHUNK)):
                break
            size += _nbytes(chunk)
        yield None, size


def _jsonl_records(lines: Iterable[tuple[str | bytes | None, int]], origin: str, stem: str, max_bytes: int,
                   published: date | None) -> Iterator[Article | InputError]:
    """Articles and errors from (line, size) pairs; errors name ``origin:LINE``."""
    for no, (raw, size) in enumerate(lines, start=1):
        where = f"{origin}:{no}"
        try:
            if raw is None:
                raise InputError("E006", origin=where, size=size, limit=max_bytes)
            if isinstance(raw, bytes):
                try:
                    raw = raw.decode("utf-8")
                except UnicodeDecodeError:
                    raw = decode_bytes(raw, where)
            art = parse_json_record(raw.removeprefix("\ufeff"), f"{stem}:{no}", where, published)
        except InputError as e:
            yield e
            continue
        if art is not None:
            yield art


def _jsonl_file(path: Path, origin: str, stem: str, max_bytes: int,
                published: date | None) -> Iterator[Article | InputError]:
    try:
        with path.open("rb") as f:
            if b"\x00" in f.read(_SNIFF):
                yield InputError("E002", origin=origin)
                return
            f.seek(0)
            yield from _jsonl_records(_bounded_lines(f.readline, max_bytes), origin, stem, max_bytes, published)
    except OSError as e:
        yield InputError("E001", origin=origin, reason=e.strerror or str(e))


def _read_stdin(stream: TextIO, fmt: str, max_bytes: int, published: date | None) -> Iterator[Article | InputError]:
    head: list[str] = []
    if fmt == "auto":
        while line := stream.readline(max_bytes + 1):
            head.append(line)
            if line.strip():
                break
        fmt = "jsonl" if head and head[-1].lstrip().startswith("{") else "txt"
    if fmt == "jsonl":
        def readline(limit: int) -> str:
            return head.pop(0) if head else stream.readline(limit)
        yield from _jsonl_records(_bounded_lines(readline, max_bytes), STDIN_ORIGIN, "stdin", max_bytes, published)
        return
    text = "".join(head) + stream.read(max_bytes + 1)
    size = len(text.encode("utf-8", "surrogatepass"))
    try:
        if size > max_bytes:
            raise InputError("E006", origin=STDIN_ORIGIN, size=size, limit=max_bytes)
        yield (parse_html if fmt == "html" else parse_text)(text, "stdin", STDIN_ORIGIN, published)
    except InputError as e:
        yield e


# ---------------------------------------------------------------- files and directories


def _walk(root: Path) -> list[Path]:
    """Files under ``root`` with a known suffix, hidden ones skipped, sorted by relative path."""
    found, stack = [], [root]
    while stack:
        for p in stack.pop().iterdir():
            if p.name.startswith("."):
                continue
            if p.is_dir():
                if not p.is_symlink():
                    stack.append(p)
            elif p.suffix.lower() in FORMATS and p.is_file():
                found.append(p)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _read_file_input(path: Path, art_id: str, fmt: str, max_bytes: int,
                     published: date | None) -> Iterator[Article | InputError]:
    origin = str(path)
    if fmt == "jsonl":
        yield from _jsonl_file(path, origin, art_id, max_bytes, published)
        return
    try:
        text = _read_file(path, origin, max_bytes)
        yield (parse_html if fmt == "html" else parse_text)(text, art_id, origin, published)
    except InputError as e:
        yield e


def read_inputs(inputs: Iterable[str | Path], *, published: date | None = None, max_bytes: int = 20_000_000,
                stdin: TextIO | None = None, default_format: str = "auto") -> Iterator[Article | InputError]:
    """Yield an Article per article found, or an InputError (not raised) for each bad input, so the batch goes on.

    ``default_format`` ("auto", "txt", "html", "jsonl") is the format of stdin (auto: JSONL when
    it starts with "{") and of explicitly named files with an unknown suffix (auto: E007).
    A bad ``default_format`` raises ConfigError E014 at once.
    """
    fmt = "txt" if default_format == "text" else default_format
    if fmt not in _FORMAT_NAMES:
        raise ConfigError("E014", value=default_format, choices=", ".join(_FORMAT_NAMES))
    return _read_all(inputs, published, max_bytes, stdin, fmt)


def _read_all(inputs, published, max_bytes, stdin, default_format) -> Iterator[Article | InputError]:
    for item in inputs:
        if str(item) == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, default_format, max_bytes, published)
            continue
        path = Path(item)
        try:
            files = _walk(path) if path.is_dir() else None
            exists = path.exists()
        except OSError as e:
            yield InputError("E001", origin=str(path), reason=e.strerror or str(e))
            continue
        if files is not None:
            for f in files:
                rel = f.relative_to(path).with_suffix("").as_posix()
                yield from _read_file_input(f, rel, FORMATS[f.suffix.lower()], max_bytes, published)
        elif not exists:
            yield InputError("E010", origin=str(path))
        elif (fmt := FORMATS.get(path.suffix.lower(), default_format)) == "auto":
            yield InputError("E007", origin=str(path), suffix=path.suffix)
        else:
            yield from _read_file_input(path, path.stem, fmt, max_bytes, published)
