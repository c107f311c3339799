"""Read inputs (.txt, .html/.htm, .jsonl, .warc/.warc.gz, RSS/Atom feed files, directories, stdin)
into ``Article`` records.

``read_inputs`` yields an ``Article`` per article and an ``InputError`` (yielded, not raised)
per bad input, so a batch goes on past a bad file or line. Nothing is fetched from the network.
WARC files are read record by record (:mod:`annales.warc`, with warcio); feeds (.rss, .atom, and
.xml files that are feeds) with feedparser, each item an article.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from .clean import clean_text
from .errors import ConfigError, InputError
from .header import Dateline, Header, parse_byline, parse_credit, parse_date_line, parse_dateline, parse_header
from .records import Article

__all__ = ["read_inputs", "parse_text", "parse_date_line", "parse_byline", "parse_credit", "parse_dateline",
           "parse_header", "Header", "Dateline", "decode_bytes", "FORMATS", "input_format", "read_file",
           "parse_feed"]

FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".warc": "warc", ".arc": "warc",
           ".rss": "feed", ".atom": "feed", ".xml": "feed"}
_COMPOUND = {".warc.gz": "warc", ".arc.gz": "warc"}  # suffixes Path.suffix does not see whole
_FORMAT_NAMES = ("auto", "txt", "html", "jsonl")
STDIN_ORIGIN = "<stdin>"
_SNIFF = 8192
_CHUNK = 1 << 20
_PREFERRED = ("utf_8", "cp1252", "latin_1", "iso8859_15")

def parse_iso_date(value) -> date:
    """An ISO date (or datetime) string as a date; ValueError otherwise."""
    if not isinstance(value, str):
        raise ValueError(value)
    return datetime.fromisoformat(value.strip()).date()  # 3.11: accepts "2017-04-11" and "...T08:30Z"


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


# ---------------------------------------------------------------- RSS and Atom feeds

_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)[\s>]")
_ITEM_TAG = re.compile(rb"<(?:[\w-]+:)?(?:item|entry)[\s>/]")
_BLOCKS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr",
           "section", "article", "header", "footer", "dd", "dt")
_DROP = "//script|//style|//noscript|//iframe|//figcaption|//object|//embed|//svg"
_TAG = re.compile(r"<[^>]*>")


def _looks_like_feed(path: Path) -> bool:
    """Whether an .xml file starts like an RSS, Atom or RDF feed (a directory's other XML files are not inputs)."""
    try:
        with path.open("rb") as f:
            return bool(_FEED_ROOT.search(f.read(_SNIFF)))
    except OSError:
        return True  # let the reader report it


def html_fragment_text(html: str) -> str:
    """An HTML fragment (a feed item's description or content) as text, one paragraph per block."""
    from lxml import etree
    from lxml import html as lh

    if "<" not in html:
        return html
    try:
        root = lh.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return _TAG.sub(" ", html)
    for el in root.xpath(_DROP):
        el.drop_tree()
    for el in root.iter("br"):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter(*_BLOCKS):
        el.text = "\n\n" + (el.text or "")
        el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    paras = (re.sub(r"[ \t\u00a0]+", " ", p).strip() for p in re.split(r"\n\s*\n", text))
    return "\n\n".join("\n".join(ln.strip() for ln in p.split("\n") if ln.strip()) for p in paras if p)


def _feed_text(detail: dict | None, value: str | None) -> str:
    if not value:
        return ""
    kind = (detail or {}).get("type") or "text/html"
    return html_fragment_text(value) if "html" in kind else value.strip()


def _entry_date(entry) -> date | None:
    """The item's own date (published, else updated), in the publisher's time zone, not UTC."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).date()  # RFC 822 (RSS)
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).date()  # RFC 3339 (Atom)
        except ValueError:
            pass
        if parsed := entry.get(f"{key}_parsed"):
            return date(*parsed[:3])
    return None


def _entry_id(entry, prefix: str, title: str, text: str, published: date | None) -> str:
    guid = (entry.get("id") or "").strip()
    if guid and (re.match(r"[a-z][\w+.-]*:", guid, re.IGNORECASE)):  # a URL, urn: or tag: id: unique already
        return guid
    if guid:
        return f"{prefix}#{guid}"
    if link := (entry.get("link") or "").strip():
        return link
    key = f"{prefix}|{title}|{published}|{text}".encode("utf-8")
    return f"{prefix}#{hashlib.sha1(key).hexdigest()[:16]}"


def parse_feed(data: bytes, origin: str, published: date | None = None,
               stem: str = "feed") -> Iterator[Article | InputError]:
    """Each item of an RSS or Atom feed (``data``: the file's bytes) as an Article, with feedparser.

    title from the item's title; text from content:encoded / Atom content, else the description or
    summary (HTML turned into paragraphs, then cleaned like any input), else the title alone; url
    from the link; published from pubDate / published / updated (the item's own calendar date). The
    id is the item's guid (prefixed with the feed's link when it is not a URL, urn: or tag:), else its
    link, so the same item in a later copy of the feed is the same article. Malformed XML gives one
    E021 naming the line, and the items feedparser still recovers are read; a file that is not a
    feed gives E022. Nothing is fetched: feedparser gets bytes, never a URL.
    """
    import xml.sax

    import feedparser

    try:
        doc = feedparser.parse(data)
    except Exception as exc:  # feedparser catches most of its own errors; anything left is bad input
        yield InputError("E021", origin=origin, reason=f"{exc.__class__.__name__}: {exc}", items=0)
        return
    entries = doc.get("entries") or []
    exc = doc.get("bozo_exception") if doc.get("bozo") else None
    if isinstance(exc, xml.sax.SAXException):
        line = exc.getLineNumber() if isinstance(exc, xml.sax.SAXParseException) else None
        yield InputError("E021", origin=f"{origin}:{line}" if line else origin,
                         reason=exc.getMessage(), items=len(entries))
    elif not doc.get("version") and not entries:
        yield InputError("E022", origin=origin)
        return
    feed = doc.get("feed") or {}
    feed_title = _feed_text(feed.get("title_detail"), feed.get("title")) or None
    prefix = (feed.get("link") or "").strip() or feed_title or stem
    starts = [m.start() for m in _ITEM_TAG.finditer(data)]
    lines, line, pos = [], 1, 0
    if len(starts) == len(entries):  # where each item starts, for messages
        for start in starts:
            line += data.count(b"\n", pos, start)
            pos = start
            lines.append(line)
    for k, entry in enumerate(entries):
        where = f"{origin}:{lines[k]}" if lines else f"{origin}#item{k + 1}"
        title = _feed_text(entry.get("title_detail"), entry.get("title")).replace("\n", " ") or None
        contents = [c for c in entry.get("content") or [] if c.get("value")]
        body = max(contents, key=lambda c: len(c["value"])) if contents else None
        text = (_feed_text(body, body["value"]) if body else
                _feed_text(entry.get("summary_detail"), entry.get("summary")))
        pub = _entry_date(entry)
        source = ((entry.get("source") or {}).get("title") or feed_title or None)
        authors = [a["name"].strip() for a in entry.get("authors") or [] if a.get("name", "").strip()]
        art = Article(id=_entry_id(entry, prefix, title or "", text, pub), text="", title=title,
                      url=(entry.get("link") or "").strip() or None, published=pub, source=source,
                      authors=authors, origin=where,
                      meta={"format": "feed", "feed": feed_title, "feed_version": doc.get("version") or None})
        try:
            if not text.strip():  # a headline-only item: the title is the text
                if not title:
                    raise InputError("E023", origin=where)
                art.title = None
                art = _finish(art, title, published, "E023")
                art.title = title
            else:
                art = _finish(art, text, published, "E023")
        except InputError as e:
            yield e
            continue
        yield art


def _feed_file(path: Path, origin: str, stem: str, max_bytes: int,
               published: date | None) -> Iterator[Article | InputError]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError("E006", origin=origin, size=size, limit=max_bytes)
        data = path.read_bytes()
    except OSError as e:
        yield InputError("E001", origin=origin, reason=e.strerror or str(e))
        return
    except InputError as e:
        yield e
        return
    yield from parse_feed(data, origin, published, stem)


def _warc_file(path: Path, origin: str, max_bytes: int) -> Iterator[Article | InputError]:
    from .warc import iter_warc_articles

    try:
        with path.open("rb") as f:
            yield from iter_warc_articles(f, origin, max_bytes=max_bytes, report_skipped=True)
    except OSError as e:
        yield InputError("E001", origin=origin, reason=e.strerror or str(e))


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


def parse_json_line(raw: str | bytes | None, origin: str, stem: str, no: int, max_bytes: int,
                    published: date | None = None, size: int | None = None) -> Article | None:
    """One JSONL line (``None`` for a line too long to read, of ``size`` bytes) -> Article, or None for
    a blank line; raises InputError naming ``origin:no``. Shared by local ingest and the Spark job."""
    where = f"{origin}:{no}"
    if raw is None or len(raw) > max_bytes:
        raise InputError("E006", origin=where, size=size if raw is None else len(raw), limit=max_bytes)
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raw = decode_bytes(raw, where)
    return parse_json_record(raw.removeprefix("\ufeff"), f"{stem}:{no}", where, published)


def _jsonl_records(lines: Iterable[tuple[str | bytes | None, int]], origin: str, stem: str, max_bytes: int,
                   published: date | None) -> Iterator[Article | InputError]:
    """Articles and errors from (line, size) pairs; errors name ``origin:LINE``."""
    for no, (raw, size) in enumerate(lines, start=1):
        try:
            art = parse_json_line(raw, origin, stem, no, max_bytes, published, size)
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


def input_format(path: str | Path) -> str | None:
    """The reader for a file name ("txt", "html", "jsonl", "warc", "feed"), or None when unknown."""
    name = Path(path).name.lower()
    for suffix, fmt in _COMPOUND.items():
        if name.endswith(suffix):
            return fmt
    return FORMATS.get(Path(name).suffix)


def _walk(root: Path) -> list[Path]:
    """Files under ``root`` with a known suffix, hidden ones and .xml files that are not feeds
    skipped, sorted by relative path."""
    found, stack = [], [root]
    while stack:
        for p in stack.pop().iterdir():
            if p.name.startswith("."):
                continue
            if p.is_dir():
                if not p.is_symlink():
                    stack.append(p)
            elif (fmt := input_format(p)) and p.is_file():
                if fmt == "feed" and p.suffix.lower() == ".xml" and not _looks_like_feed(p):
                    continue
                found.append(p)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def read_file(path: Path, root: Path | None = None, *, max_bytes: int = 20_000_000, published: date | None = None,
              fmt: str | None = None) -> Iterator[Article | InputError]:
    """The articles of one file, as :func:`read_inputs` reads it inside directory ``root`` (ids of .txt,
    .html and .jsonl articles are its path relative to ``root`` without the suffix; without ``root``,
    its stem). ``fmt`` defaults to the file name's format."""
    fmt = fmt or input_format(path)
    if fmt is None:
        return iter([InputError("E007", origin=str(path), suffix=path.suffix)])
    art_id = path.relative_to(root).with_suffix("").as_posix() if root is not None else path.stem
    return _read_file_input(path, art_id, fmt, max_bytes, published)


def _read_file_input(path: Path, art_id: str, fmt: str, max_bytes: int,
                     published: date | None) -> Iterator[Article | InputError]:
    origin = str(path)
    if fmt == "jsonl":
        yield from _jsonl_file(path, origin, art_id, max_bytes, published)
        return
    if fmt == "warc":
        yield from _warc_file(path, origin, max_bytes)
        return
    if fmt == "feed":
        yield from _feed_file(path, origin, art_id, max_bytes, published)
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
                yield from read_file(f, path, max_bytes=max_bytes, published=published)
        elif not exists:
            yield InputError("E010", origin=str(path))
        elif (fmt := input_format(path) or default_format) == "auto":
            yield InputError("E007", origin=str(path), suffix=path.suffix)
        else:
            yield from _read_file_input(path, path.stem, fmt, max_bytes, published)
